"""The folders of ``seeds/`` as sections: a page per folder listing its notes, newest first.

An Obsidian vault or a Hugo ``content/`` tree groups notes in folders; readers browse them from
the home page's section list (``overrides/partials/zd-sections.html``) to a page per folder at
``sections/<folder slug>/``.  The nav stays the home, themes, glossary and about pages: a nav
listing every note would grow every page of a large collection.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from zhudu.notes.corpus import Note
from zhudu.notes.dialects import md_text

#: Where the section pages live among the site's files.
SECTIONS_FOLDER = "sections"


@dataclass(frozen=True)
class SectionPage:
    """A generated page listing one folder's notes."""

    src_uri: str
    content: str


def section_pages(notes: Iterable[Note]) -> list[SectionPage]:
    """A page per folder of ``seeds/`` that holds notes, in folder order; notes in the given order."""
    by_folder: dict[str, list[Note]] = {}
    for note in notes:
        if note.meta.folder and not note.broken:
            by_folder.setdefault(note.meta.folder, []).append(note)
    pages = []
    for folder in sorted(by_folder):
        members = by_folder[folder]
        src_uri = f"{SECTIONS_FOLDER}/{members[0].meta.section}.md"
        # Relative to the section page's source file: MkDocs turns note sources into page URLs.
        items = "".join(f"- [{md_text(n.meta.title)}](../{n.src_uri})\n" for n in members)
        pages.append(
            SectionPage(
                src_uri=src_uri,
                content=(
                    "---\nsearch:\n  exclude: true\nhide:\n  - toc\n---\n\n"
                    f"# {md_text(folder)}\n\n{len(members)} 篇笔记，最新的在前。\n\n{items}"
                ),
            )
        )
    return pages
