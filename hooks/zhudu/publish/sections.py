"""The folders of ``seeds/`` as sections: a page per folder listing its notes, newest first.

An Obsidian vault or a Hugo ``content/`` tree groups notes in folders; readers browse them from
the home page's section list (``overrides/partials/zd-sections.html``, ``home_sections``) to a page per
folder at ``sections/<folder slug>/``.  The nav stays the home, themes, glossary and about pages: a nav
listing every note would grow every page of a large collection.

A folder of more than ``pagination.PER_PAGE`` notes is split like the home list: page 1 at
``sections/<slug>/``, page k at ``sections/<slug>/page/<k>/``, each linking to the others through
the same pager (``overrides/section.html``), so a folder of 1,000 notes is 20 pages of 50 links.

A folder's ``_index.md`` (Hugo's section page, ``notes/sections.py``) titles its pages and introduces
page 1 with its Markdown, rendered by MkDocs as the page's own: its links resolved from that page
(``resolve.link_notes``), its HTML cleaned as a note's (``pages.page_markdown`` hands the page to the
notes' safety extension), its text converted into each variant as every page's is.  A folder of no note
of its own whose ``_index.md`` heads sections below it gets a page listing those sections.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from zhudu.notes.corpus import Note
from zhudu.notes.dialects import md_text
from zhudu.notes.sections import SECTIONS_FOLDER as SECTIONS_FOLDER
from zhudu.publish import pagination
from zhudu.publish.pagination import list_order
from zhudu.script import as_written

#: The start of a link to a note's published image (``Site.image_link``, ``body``'s raw ``<img>``).
#: A Markdown image's is from the note's source (one folder deeper), a raw one's from its URL (two).
_NOTE_IMAGE_RE = re.compile(r'(?P<start>\]\(<)\.\./(?=media/)|(?P<raw>src=")\.\./\.\./(?=media/)')


#: How a note's title is written into the default variant's pages, by its ``lang`` and ``region`` (``Site.shown_by``).
ShownBy = Callable[[str, str | None, str | None], Callable[[str], str]]


@dataclass(frozen=True)
class SectionPage:
    """A generated page listing one folder's notes."""

    src_uri: str
    content: str


def section_pages(
    notes: Iterable[Note],
    intros: Mapping[str, Note] | None = None,
    per_page: int | None = None,
    shown_by: ShownBy = lambda lang, region, domain: str,
) -> list[SectionPage]:
    """The pages of each folder of ``seeds/`` that holds notes, in folder order; notes in the given order.

    ``intros``: a folder's ``_index.md`` (``Corpus.section_intros``), its title and introduction; one
    whose folder holds no note but sections below it (``sections.assign``) makes a page of its own.
    ``shown_by``: how a note's or an ``_index.md``'s title is written into the default variant's pages, by its
    ``lang``, ``region`` and ``domain`` (``Site.shown_by``): as its own page shows it, in every variant.
    """
    intros = intros or {}
    # Read when called, not bound at import: a test that lowers ``pagination.PER_PAGE`` while this module is
    # first imported (its build imports it) left every later build in the process paginating by that.
    per_page = per_page or pagination.PER_PAGE
    by_folder = _by_folder(notes)
    pages = []
    for folder in sorted(by_folder.keys() | _parents(by_folder, intros)):
        heading, intro = _introduction(folder, intros.get(folder), shown_by)
        if folder not in by_folder:  # a section of sections: one page, after its introduction
            pages.append(_sections_page(folder, heading, intro, by_folder, intros, shown_by))
            continue
        members = by_folder[folder]
        slug = members[0].meta.section
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
            listed = _listed_on(intros.get(folder) if number == 1 else None)
            items = "".join(
                f"- [{listed(md_text(_shown_title(n, shown_by)))}]({up}{n.src_uri})\n" for n in shown
            )
            where = f"第 {number} 页，共 {count} 页；" if count > 1 else ""
            name = heading if number == 1 else f"{heading}（第 {number} 页，共 {count} 页）"
            body = f"{intro if number == 1 else ''}{len(members)} 篇笔记，{where}{order}。\n\n{items}"
            pages.append(_page(src_uri, name, heading, slug, number, count, body))
    return pages


def home_sections(
    notes: Iterable[Note], intros: Mapping[str, Note], shown_by: ShownBy = lambda lang, region, domain: str
) -> list[dict[str, Any]]:
    """The home page's section list (``zd.sections``): each section's slug, title and count, in folder order.

    A section of sections counts the notes of the sections below it.
    """
    by_folder = _by_folder(notes)
    shown = []
    for folder in sorted(by_folder.keys() | _parents(by_folder, intros)):
        title = _introduction(folder, intros.get(folder), shown_by, body=False)[0]
        slug = _slug(folder, by_folder, intros)
        shown.append({"folder": folder, "section": slug, "title": title, "count": _total(folder, by_folder)})
    return shown


def home_introduction(intro: Note, shown_by: ShownBy = lambda lang, region, domain: str) -> str:
    """The root ``seeds/_index.md`` as Markdown shown after the home page's text: its title, its introduction.

    Rendered on its own (``pages._home_introduction``): only it is cleaned and converted as a note's.

    It was read as a note, whose page is a folder deeper than the home page: its images' links (a
    Markdown image's from the page's source, a raw ``<img>``'s from its URL, ``body``) go up one less.
    """
    title, markdown = _introduction("", intro, shown_by)
    markdown = _NOTE_IMAGE_RE.sub(lambda m: m["start"] or m["raw"], markdown)
    return f"## {md_text(title)}\n\n{markdown}"


def _by_folder(notes: Iterable[Note]) -> dict[str, list[Note]]:
    by_folder: dict[str, list[Note]] = {}
    for note in notes:
        if note.meta.section_folder and note.listed:  # a page bundle's is the folder above (corpus)
            by_folder.setdefault(note.meta.section_folder, []).append(note)
    return by_folder


def _parents(by_folder: Mapping[str, list[Note]], intros: Mapping[str, Note]) -> set[str]:
    """The folders of no note whose ``_index.md`` heads sections below (``sections.assign`` gave them a slug)."""
    return {folder for folder, intro in intros.items() if intro.meta.section and folder not in by_folder}


def _slug(folder: str, by_folder: Mapping[str, list[Note]], intros: Mapping[str, Note]) -> str:
    return by_folder[folder][0].meta.section if folder in by_folder else intros[folder].meta.section


def _total(folder: str, by_folder: Mapping[str, list[Note]]) -> int:
    """The notes a section lists; a section of sections (none of its own): the notes of every section below it."""
    if folder in by_folder:
        return len(by_folder[folder])
    return sum(len(members) for f, members in by_folder.items() if f.startswith(folder + "/"))


def _children(folder: str, sections: set[str]) -> list[str]:
    """The sections right below ``folder``, in folder order: none between (a folder of no section is passed through)."""
    below = sorted(f for f in sections if f.startswith(folder + "/"))
    return [f for f in below if not any(f.startswith(g + "/") for g in below)]


def _sections_page(
    folder: str,
    heading: str,
    intro: str,
    by_folder: Mapping[str, list[Note]],
    intros: Mapping[str, Note],
    shown_by: ShownBy,
) -> SectionPage:
    """The page of a folder holding only an ``_index.md``: its introduction, then the sections below it."""
    slug = intros[folder].meta.section
    children = _children(folder, by_folder.keys() | _parents(by_folder, intros))
    listed = _listed_on(intros[folder])
    items = "".join(
        # A sibling source file: the section pages are all in one folder.
        f"- [{listed(md_text(_introduction(f, intros.get(f), shown_by, body=False)[0]))}]"
        f"({_slug(f, by_folder, intros)}.md)"
        f"（{_total(f, by_folder)}）\n"
        for f in children
    )
    body = f"{intro}{_total(folder, by_folder)} 篇笔记，在下面的分类里。\n\n{items}"
    return _page(f"{SECTIONS_FOLDER}/{slug}.md", heading, heading, slug, 1, 1, body)


def _listed_on(intro: Note | None) -> Callable[[str], str]:
    """How a title listed on the page ``intro`` introduces is written: held from the page's fold if it has one.

    A page an ``_index.md`` written in Traditional introduces is folded as its author's (``pages.finishing``): a
    listed title, written as its own page shows it already (``Site.shown_by``), is kept whole by that fold
    (``as_written.held``), whatever the note's script or region; converted by each variant's page as any list's.
    """
    folded = intro is not None and not intro.broken and intro.meta.lang == "zh-Hant"
    return as_written.held if folded else str


def _shown_title(note: Note, shown_by: ShownBy) -> str:
    """A note's title in the site's default script, as its own page shows it (``note_views.note_view``)."""
    return shown_by(note.meta.lang, note.meta.region, note.meta.domain)(note.meta.title)


def _page(
    src_uri: str, name: str, heading: str, slug: str, number: int, count: int, body: str
) -> SectionPage:
    # The title is HTML, as a note's is (``pages``): the theme writes page.meta.title as it is, in
    # <title> and the header, and a folder's name is the author's (``<img onerror=…>`` is a name).
    return SectionPage(
        src_uri=src_uri,
        content=(
            f"---\ntemplate: section.html\ntitle: {_yaml_text(escape(name))}\nzd_section: {slug}\n"
            f"zd_section_page: {number}\nzd_section_pages: {count}\n"
            "search:\n  exclude: true\nhide:\n  - toc\n---\n\n"
            f"# {md_text(heading)}\n\n{body}"
        ),
    )


def _introduction(
    folder: str, intro: Note | None, shown_by: ShownBy, *, body: bool = True
) -> tuple[str, str]:
    """A section's title and its introduction's Markdown (its ``_index.md``'s, links resolved): the folder's, none.

    The title is in the site's default script, as a note's is shown; a Traditional introduction's page is
    made Simplified by ``pages.finishing``, as a Traditional note's is.
    """
    if intro is None or intro.broken:  # a broken one's problem is reported; the folder is listed as any
        return folder, ""
    title = _shown_title(intro, shown_by)
    if not body:
        return title, ""
    markdown = intro.markdown.strip("\n")
    if not markdown.strip() and intro.meta.description:  # front matter only: its description introduces
        markdown = md_text(intro.meta.description)
    return title, f"{markdown}\n\n" if markdown.strip() else ""


def _yaml_text(value: str) -> str:
    """``value`` as a YAML scalar (a folder name may hold ``:`` or ``#``): JSON's strings are YAML's."""
    return json.dumps(value, ensure_ascii=False)
