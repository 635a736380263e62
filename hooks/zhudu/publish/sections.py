"""The folders of ``seeds/`` as sections: a page per folder listing its notes, newest first.

An Obsidian vault or a Hugo ``content/`` tree groups notes in folders; readers browse them from
the home page's section list (``overrides/partials/zd-sections.html``) to a page per folder at
``sections/<folder slug>/``.  The nav stays the home, themes, glossary and about pages: a nav
listing every note would grow every page of a large collection.

A folder of more than ``pagination.PER_PAGE`` notes is split like the home list: page 1 at
``sections/<slug>/``, page k at ``sections/<slug>/page/<k>/``, each linking to the others through
the same pager (``overrides/section.html``), so a folder of 1,000 notes is 20 pages of 50 links.

A folder's ``_index.md`` (Hugo's section page, ``notes/sections.py``) titles its pages and introduces
page 1: its prose as plain text (escaped; its links and markup are not kept, it has no page to link to).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape

from zhudu.notes.corpus import Note
from zhudu.notes.dialects import md_text
from zhudu.notes.summary import prose_paragraphs
from zhudu.publish.pagination import PER_PAGE, list_order

#: Where the section pages live among the site's files.
SECTIONS_FOLDER = "sections"


@dataclass(frozen=True)
class SectionPage:
    """A generated page listing one folder's notes."""

    src_uri: str
    content: str


def section_pages(
    notes: Iterable[Note], intros: Mapping[str, Note] | None = None, per_page: int = PER_PAGE
) -> list[SectionPage]:
    """The pages of each folder of ``seeds/`` that holds notes, in folder order; notes in the given order.

    ``intros``: a folder's ``_index.md`` (``Corpus.section_intros``), its title and introduction.
    """
    by_folder: dict[str, list[Note]] = {}
    for note in notes:
        if note.meta.section_folder and note.listed:  # a page bundle's is the folder above (corpus)
            by_folder.setdefault(note.meta.section_folder, []).append(note)
    pages = []
    for folder in sorted(by_folder):
        members = by_folder[folder]
        slug = members[0].meta.section
        heading, intro = _introduction(folder, (intros or {}).get(folder))
        count = -(-len(members) // per_page)
        order = list_order(note.meta.date for note in members)
        for number in range(1, count + 1):
            src_uri = (
                f"{SECTIONS_FOLDER}/{slug}.md"
                if number == 1
                else f"{SECTIONS_FOLDER}/{slug}/page/{number}.md"
            )
            # Relative to the section page's source file: MkDocs turns note sources into page URLs.
            up = "../" * src_uri.count("/")
            shown = members[(number - 1) * per_page : number * per_page]
            items = "".join(f"- [{md_text(n.meta.title)}]({up}{n.src_uri})\n" for n in shown)
            where = f"第 {number} 页，共 {count} 页；" if count > 1 else ""
            # HTML, as a note's title is (``pages``): the theme writes page.meta.title as it is, in
            # <title> and the header, and a folder's name is the author's (``<img onerror=…>`` is a name).
            name = heading if number == 1 else f"{heading}（第 {number} 页，共 {count} 页）"
            title = f"title: {_yaml_text(escape(name))}\n"
            pages.append(
                SectionPage(
                    src_uri=src_uri,
                    content=(
                        f"---\ntemplate: section.html\n{title}zd_section: {slug}\n"
                        f"zd_section_page: {number}\nzd_section_pages: {count}\n"
                        "search:\n  exclude: true\nhide:\n  - toc\n---\n\n"
                        f"# {md_text(heading)}\n\n{intro if number == 1 else ''}"
                        f"{len(members)} 篇笔记，{where}{order}。\n\n{items}"
                    ),
                )
            )
    return pages


def section_titles(intros: Mapping[str, Note]) -> dict[str, str]:
    """Each folder's section title its ``_index.md`` gives (the home page's section list names it so)."""
    return {
        folder: title for folder in intros if (title := _introduction(folder, intros[folder])[0]) != folder
    }


def _introduction(folder: str, intro: Note | None) -> tuple[str, str]:
    """A section's title and its introduction's Markdown (paragraphs of escaped text): its folder's, none."""
    if intro is None or intro.broken:  # a broken one's problem is reported; the folder is listed as any
        return folder, ""
    paragraphs = prose_paragraphs(intro.body.markdown) if intro.body is not None else []
    if not paragraphs and intro.meta.description:  # front matter only: its description introduces
        paragraphs = [intro.meta.description]
    return intro.meta.title, "".join(f"{md_text(p)}\n\n" for p in paragraphs)


def _yaml_text(value: str) -> str:
    """``value`` as a YAML scalar (a folder name may hold ``:`` or ``#``): JSON's strings are YAML's."""
    return json.dumps(value, ensure_ascii=False)
