"""Messages about one note that reading the whole corpus finds: an id another note has, a refused image.

Split from ``corpus`` (which uses these).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zhudu.errors import NoteError
from zhudu.notes import body as body_mod
from zhudu.notes import image_sizes

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
    elif image.refused == "folder":
        problem = (
            "is a folder, not an image file: not published; link the image file inside it "
            f"({image.target}/name.png)"
        )
    elif image.refused == "too-large":
        limit = image_sizes.megapixels(image_sizes.MAX_PIXELS)
        problem = (
            f"is {image_sizes.megapixels(image.pixels or 0)} megapixels, over the {limit}-megapixel limit "
            "(a small file can decode into gigabytes in a reader's browser): not published; "
            f"scale it down to at most {limit} megapixels (e.g. 6000 × 4000 pixels or less) and save it again"
        )
    else:
        problem = (
            "cannot be followed (a symbolic link loop, a name too long or a NUL byte): "
            "not published; fix the path"
        )
    return NoteError(note.display_path, image.line, f"image {image.target} {problem}")
