"""Which section lists each note: its folder, or the folder above for a page bundle (Hugo's leaf bundle).

A pure step over the whole corpus (a bundle is told by the notes beside and below its folder), made by
``corpus.load_corpus`` once every note is read; ``meta.folder`` stays the note's own folder, where its
relative links and images start.

A folder's ``_index.md`` is no note: Hugo reads it as the section's own page (a branch bundle's), its
front matter titling the section and its body introducing it.  ``load_corpus`` sets it apart
(``is_section_index``): the folder's section page shows its title and introduction above the list
(``publish/sections.py``); it is no card on the home page, in a section or a feed, and no note counted.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from zhudu.notes.naming import default_slug

if TYPE_CHECKING:
    from zhudu.notes.corpus import Note

__all__ = ["assign", "is_section_index"]


def assign(notes: list[Note]) -> None:
    """Each note's section: its folder, or the folder above for a page bundle; one slug per folder.

    ``Zh CN`` and ``zh-cn`` would share a slug: the second gets ``-2``.
    """
    below = Counter(folder for note in notes for folder in _folders_above(note.id))
    section_folder = {note.id: _section_folder(note, below) for note in notes}
    owner: dict[str, str] = {}
    for folder in sorted({folder for folder in section_folder.values() if folder}):
        slug = base = default_slug(folder)
        n = 1
        while slug in owner:
            n += 1
            slug = f"{base}-{n}"
        owner[slug] = folder
    section = {folder: slug for slug, folder in owner.items()} | {"": ""}
    for note in notes:
        folder = section_folder[note.id]
        if (note.meta.section_folder, note.meta.section) != (folder, section[folder]):
            note.meta = replace(note.meta, section_folder=folder, section=section[folder])


def is_section_index(note: Note) -> bool:
    """Whether ``note`` is a folder's ``_index.md`` (Hugo's section page), not a note of the section."""
    return note.path.stem == "_index"


def _section_folder(note: Note, below: Counter[str]) -> str:
    """The folder whose section lists ``note``: its own, or the one above if it is a page bundle.

    Hugo's rule: a folder whose only note is its ``index.md`` (a leaf bundle, the post's images beside
    it) is one page of the folder above, not a section of its own; a folder of other notes as well,
    or of notes in folders below it, stays a section.  ``below``: how many notes each folder holds,
    its folders' included.
    """
    folder = note.meta.folder
    if folder and note.path.stem == "index" and below[folder] == 1:
        return posixpath.dirname(folder)
    return folder


def _folders_above(identifier: str) -> Iterator[str]:
    """The folders a note is in, innermost first (a note's id is its path under ``seeds/``)."""
    folder = posixpath.dirname(identifier)
    while folder:
        yield folder
        folder = posixpath.dirname(folder)
