"""Messages about one note that reading the whole corpus finds: an id another note has, a refused image.

Split from ``corpus`` (which uses these).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zhudu.errors import NoteError
from zhudu.notes import body as body_mod

if TYPE_CHECKING:
    from zhudu.notes.corpus import Note


def renamed_id(note: Note, stem: str, first: str, override_file: str) -> NoteError:
    """The warning for a note whose file stem another note has (``note_ids`` gave it its own id)."""
    return NoteError(
        note.display_path,
        None,
        f"note id {stem!r} is already taken by {first} (a note's id is its file name without "
        f"the extension): this note is kept as id {note.id!r}, published as {note.meta.slug!r}; rename "
        f"one of the two files so each has its own name ({override_file} keys notes by id)",
    )


def refused_image(note: Note, image: body_mod.ImageRef, folder: str) -> NoteError:
    """Why an image of a note is not published (``body.IMAGE_REFUSALS``), and what to do."""
    if image.refused == "outside":
        problem = (
            f"is outside {folder}/ (the path, or a symbolic link on it, leads out of the notes folder): "
            f"not published; move the image into {folder}/ (e.g. {folder}/assets/) and link it from there"
        )
    elif image.refused == "not-an-image":
        kinds = ", ".join(sorted(body_mod.IMAGE_SUFFIXES))
        problem = (
            f"is not an image file: not published; only {kinds} files are published as a note's "
            "images: convert it (an SVG to PNG or WebP) or link to it as text"
        )
    else:
        problem = (
            "cannot be followed (a symbolic link loop, a name too long or a NUL byte): "
            "not published; fix the path"
        )
    return NoteError(note.display_path, image.line, f"image {image.target} {problem}")
