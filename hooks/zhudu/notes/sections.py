"""Which section lists each note: its folder, or the folder above for a page bundle (Hugo's leaf bundle).

A pure step over the whole corpus (a bundle is told by the notes beside and below its folder), made by
``corpus.load_corpus`` once every note is read; ``meta.folder`` stays the note's own folder, where its
relative links and images start.

A folder's ``_index.md`` is no note: Hugo reads it as the section's own page (a branch bundle's), its
front matter titling the section and its body introducing it.  ``load_corpus`` sets it apart
(``is_section_index``): the folder's section page shows its title and introduction above the list
(``publish/sections.py``); it is no card on the home page, in a section or a feed, and no note counted.
A folder holding no note of its own but sections below it is a section too when its ``_index.md`` says
so: its page introduces and lists the sections below (Hugo's section of sections).  A link to an
``_index.md`` leads to its section's page (``intro_page``); the root ``seeds/_index.md`` introduces the
home page.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from zhudu.notes.naming import default_slug

if TYPE_CHECKING:
    from zhudu.notes.corpus import Note

__all__ = ["SECTIONS_FOLDER", "assign", "intro_page", "intro_pages", "is_section_index"]

#: Where the section pages live among the site's files.
SECTIONS_FOLDER = "sections"
#: The home page's source, which the root ``seeds/_index.md`` introduces.
HOME_PAGE = "index.md"


def assign(notes: list[Note], intros: Mapping[str, Note] | None = None) -> None:
    """Each note's section: its folder, or the folder above for a page bundle; one slug per folder.

    ``Zh CN`` and ``zh-cn`` would share a slug: the second gets ``-2``.  ``intros``: each folder's
    ``_index.md`` (``Corpus.section_intros``), given its folder's section (and slug) when the folder has a
    page: notes of its own, or (a readable ``_index.md``) listed notes in sections below it.
    """
    below = Counter(folder for note in notes for folder in _folders_above(note.id))
    section_folder = {note.id: _section_folder(note, below) for note in notes}
    listed = {section_folder[note.id] for note in notes if note.listed} - {""}
    parents = {
        folder
        for folder, intro in (intros or {}).items()
        if folder
        and not intro.broken
        and folder not in listed
        and any(f.startswith(folder + "/") for f in listed)
    }
    owner: dict[str, str] = {}
    for folder in sorted({folder for folder in section_folder.values() if folder} | parents):
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
    for folder, intro in (intros or {}).items():
        shown = (folder, section[folder]) if folder in listed | parents else ("", "")
        if (intro.meta.section_folder, intro.meta.section) != shown:
            intro.meta = replace(intro.meta, section_folder=shown[0], section=shown[1])


def intro_pages(intros: Mapping[str, Note]) -> dict[str, Note]:
    """The ``_index.md`` files that introduce a page, by the page's source (``intro_page``)."""
    return {page: intro for intro in intros.values() if (page := intro_page(intro)) is not None}


def intro_page(intro: Note) -> str | None:
    """The source of the page an ``_index.md`` introduces; None: none (no section page, or unreadable).

    Its section's first page, or the home page for ``seeds/_index.md``.
    """
    if intro.broken:
        return None
    if intro.meta.section:
        return f"{SECTIONS_FOLDER}/{intro.meta.section}.md"
    return HOME_PAGE if intro.meta.folder == "" else None


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
