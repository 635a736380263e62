"""What a note is called: its id (from its path, unique among the notes), its folder and its default slug.

Pure module of lexical paths and strings (``corpus`` reads the notes under these names; ``note_loading``
and ``themes/suggest`` list them): nothing here reads a file.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path, PurePath, PurePosixPath
from typing import Any

#: A note file's suffixes, in any case (``笔记.MD``); of notes sharing a stem, the one whose suffix comes first keeps it
#: as its id (``note_ids``).
NOTE_SUFFIXES = (".md", ".markdown", ".txt")
#: Obsidian's Excalidraw plugin keeps a drawing as ``Drawing ….excalidraw.md``: its scene's data, which only
#: the plugin draws (its page would be a banner and the drawing's loose words), not a note.
DRAWING_SUFFIX = ".excalidraw.md"


def is_note_file(path: PurePath) -> bool:
    """Whether a file of ``seeds/`` is a note, by its name: a note's suffix (any case), and no drawing."""
    return path.suffix.lower() in NOTE_SUFFIXES and not path.name.lower().endswith(DRAWING_SUFFIX)


@functools.lru_cache(maxsize=1 << 16)  # pure (lexical paths); asked for every note on every save
def note_id(path: Path, root: Path | None = None) -> str:
    """A note's id: its file name without the extension (stable, never converted).

    A note in a folder of ``seeds/`` (``root``) is named by its path from there, without the
    extension (``zh-cn/api-filter``): two ``index.md`` in two folders are two notes.
    """
    rel = _relative(path, root)
    identifier = (rel.parent / path.stem).as_posix() if rel is not None and len(rel.parts) > 1 else path.stem
    return nfc(identifier)


def nfc(name: str) -> str:
    """A name composed as typed: macOS writes file names decomposed (``e`` + ``´``), a note's text has ``é``."""
    return unicodedata.normalize("NFC", name)


def note_folder(path: Path, root: Path | None = None) -> str:
    """The folder of ``seeds/`` (``root``) a note is in, as a path from there; "" for ``seeds/`` itself."""
    rel = _relative(path, root)
    return rel.parent.as_posix() if rel is not None and len(rel.parts) > 1 else ""


def _relative(path: Path, root: Path | None) -> PurePosixPath | None:
    if root is None:
        return None
    try:
        return PurePosixPath(path.relative_to(root).as_posix())
    except ValueError:
        return None


def note_ids(paths: Iterable[Path], root: Path | None = None) -> dict[Path, str]:
    """Every note's id, unique: ``same.md``, ``same.markdown`` and ``same.txt`` share a file stem.

    The first of them in ``NOTE_SUFFIXES`` order keeps the stem as its id; the others take their whole
    file name (``same.txt``), or that and a number if even that is some other note's stem, so no note
    is lost and the id the editor keys ``notes.yml`` on is still the file's name.  In a folder
    (``note_id``), the same with the folder's path in front.
    """
    key = (frozenset(paths := list(paths)), root)  # the answer is the set's (sorted); kept if none repeats
    if len(key[0]) == len(paths) and _NOTE_IDS[0] == key:
        return dict(_NOTE_IDS[1])
    rank = {suffix: n for n, suffix in enumerate(NOTE_SUFFIXES)}
    paths = sorted(paths, key=lambda p: (note_id(p, root), rank.get(p.suffix.lower(), len(rank)), p.name))
    stems = {note_id(p, root) for p in paths}
    ids: dict[Path, str] = {}
    taken: set[str] = set()
    for path in paths:
        stem = note_id(path, root)
        # The folder, then the whole file name.
        named = stem[: len(stem) - len(nfc(path.stem))] + nfc(path.name)
        identifier, n = stem, 1
        while identifier in taken or (identifier != stem and identifier in stems):
            n += 1
            identifier = named if n == 2 else f"{named}-{n - 1}"
        taken.add(identifier)
        ids[path] = identifier
    _NOTE_IDS[:] = [key, dict(ids)] if len(key[0]) == len(paths) else [None, None]
    return ids


_NOTE_IDS: list[Any] = [None, None]  # the last answer, by its paths: a save asks twice, the next alike


def default_slug(identifier: str) -> str:
    """An ASCII slug from a note id; a hash when the id has no ASCII letters or digits.

    A note in a folder (``读书/笔记``) is its folders' slugs, then its name's, or a hash of the whole
    id when the name has no ASCII: never the folder's slug alone, which its other notes would share.
    """
    *folders, name = identifier.split("/")
    slug = _ascii_slug(name)
    if folders:
        parts = [_ascii_slug(f) or _digest(f)[:8] for f in folders]
        return "-".join([*parts, slug or _digest(identifier)[:10]])
    return slug or "note-" + _digest(identifier)[:10]


def _ascii_slug(text: str) -> str:
    # ``Café`` is ``cafe`` however its file name is composed (accents dropped, not the letters under them).
    letters = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", letters.lower()).strip("-")


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()
