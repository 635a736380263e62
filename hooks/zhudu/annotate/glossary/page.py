"""The glossary page: one entry per term, with links to the passages where the notes use it.

Its Markdown is written before any note is rendered (:func:`page_markdown`), with a placeholder per
term; once every note is rendered :func:`fill_occurrences` replaces them, and each variant's copy
lists the terms in its own order (:func:`order_terms`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from html import unescape
from typing import NamedTuple
from urllib.parse import quote

from zhudu import fragments
from zhudu.annotate import textmarks
from zhudu.annotate.glossary import collation
from zhudu.annotate.glossary.marking import Occurrence
from zhudu.annotate.glossary.terms import Glossary
from zhudu.editorial import markdown_text

GLOSSARY_SRC_URI = "glossary.md"
#: The glossary page's index of terms.  It stands in for Material's table of contents, which the
#: hook drops for this page: one heading per term made it the page's largest part, rendered twice
#: (sidebar and phone drawer) and tracked on every scroll, a quarter of a second of a phone's load.
INDEX_CLASS = "zd-gloss-index"
#: Notes listed under a term on the glossary page (those using it most); a search link finds the rest.
NOTES_PER_TERM = 10
#: Placeholder the glossary page's Markdown holds until every note has been rendered.
OCCURRENCES_MARK = "<!--zd-gloss-occurrences:{id}-->"
_OCC_RE = re.compile(r"<!--zd-gloss-occurrences:(?P<id>[^\s<>]+?)-->")
#: Around the glossary page's entries, so each variant's copy lists them in its own order.
TERM_MARK = "<!--zd-gloss-term-->"
TERMS_END_MARK = "<!--zd-gloss-terms-end-->"
_INDEX_RE = re.compile(rf'(<nav class="{INDEX_CLASS}"[^>]*><ul>)(.*?)(</ul></nav>)', re.S)
_INDEX_ITEM_RE = re.compile(r"<li>.*?</li>", re.S)
_TAG_RE = re.compile(r"<[^>]*>")
_HEADING_RE = re.compile(r"<h2\b[^>]*>(.*?)(?:<a class=\"headerlink\"|</h2>)", re.S)
#: An entry's aliases (``zd-glossary.html``, ``entry``): each a ``<span>``, between them the variant's 、.
_ALIASES_RE = re.compile(
    r'<p class="zd-gloss-entry__aliases">[^<]*(?P<aliases><span>[^<]*</span>(?:(?P<separator>[^<]*)<span>[^<]*</span>)*)</p>'
)
_ALIAS_RE = re.compile(r"<span>([^<]*)</span>")


def page_markdown(glossary: Glossary) -> str:
    """The glossary page's Markdown: one section per term; occurrences are filled in later."""
    out = [
        "---",
        "title: 术语表",
        "---",
        "",
        "# 术语表",
        "",
        "笔记里出现的人名、机构、产品、缩写与概念的简短说明。正文中第一次出现的术语带虚线下划线，"
        "指向、聚焦或轻点即可看到说明。说明由编者撰写，只陈述事实；对笔记论断的核查见各篇的编者注。",
        "",
    ]
    if not glossary.terms:
        out.append("（暂无术语。）")
    terms = sorted(glossary.terms, key=lambda t: textmarks.normalise(t.term, textmarks.CharFold(str)))
    if terms:
        # The page's own index, in place of Material's table of contents (see ``INDEX_CLASS``).
        out.append(fragments.render("zd-glossary.html", "index", index_class=INDEX_CLASS, terms=terms))
        out.append("")
    for term in terms:
        out.append(TERM_MARK)
        out.append("")
        out.append(f"## {markdown_text(term.term)} {{#{term.id}}}")
        out.append("")
        mark = OCCURRENCES_MARK.format(id=term.id)
        out.append(fragments.render("zd-glossary.html", "entry", term=term, occurrences_mark=mark))
        out.append("")
    if terms:
        out.append(TERMS_END_MARK)
        out.append("")
    return "\n".join(out) + "\n"


def _shown_text(html_text: str) -> str:
    return " ".join(unescape(_TAG_RE.sub("", html_text)).split())


def order_terms(page: str, key: Callable[[str], collation.SortKey]) -> str:
    """The glossary page with its index and entries in this copy's order (``collation``), its aliases as shown.

    The page is rendered once, in Simplified order; a Traditional copy lists its own (converted)
    forms, read and ordered as that region's readers look words up.  An alias the conversion made
    the term itself (辉达 is the Taiwan copy's 輝達) or another alias again is not shown twice.
    """
    if TERM_MARK not in page:
        return page

    def index(m: re.Match[str]) -> str:
        # Under a heading per group (a pinyin letter, a zhuyin initial): a phone's reader finds the place.
        groups: list[tuple[str, list[str]]] = []
        for item_key, item in sorted((key(_shown_text(i)), i) for i in _INDEX_ITEM_RE.findall(m.group(2))):
            if not groups or groups[-1][0] != item_key.group:
                groups.append((item_key.group, []))
            groups[-1][1].append(item)
        return m.group(1) + fragments.render("zd-glossary.html", "index_groups", groups=groups) + m.group(3)

    page = _INDEX_RE.sub(index, page, count=1)
    start = page.find(TERM_MARK)
    end = page.find(TERMS_END_MARK, start)
    if end < 0:
        return page
    sections = []
    for section in page[start:end].split(TERM_MARK)[1:]:
        m = _HEADING_RE.search(section)
        term = _shown_text(m.group(1)) if m else ""
        sections.append((key(term), _without_repeated_aliases(section, term)))
    ordered = "".join(TERM_MARK + section for _, section in sorted(sections, key=lambda s: s[0]))
    return page[:start] + ordered + page[end:]


def _without_repeated_aliases(section: str, term: str) -> str:
    """An entry without the aliases its copy shows as the term or as an alias before; none left, no line."""
    m = _ALIASES_RE.search(section)
    if m is None:
        return section
    seen = {term}
    kept = []
    for alias in _ALIAS_RE.finditer(m.group("aliases")):
        text = _shown_text(alias.group(1))
        if text not in seen:
            seen.add(text)
            kept.append(alias.group(0))
    if len(kept) == len(_ALIAS_RE.findall(m.group("aliases"))):
        return section
    if not kept:
        return section[: m.start()] + section[m.end() :].removeprefix("\n")
    return section[: m.start("aliases")] + m.group("separator").join(kept) + section[m.end("aliases") :]


#: Each note's places per term (``_places``) with the occurrences they were made from, which are
#: the same list while the note's render is reused (``mkdocs serve``: a render kept in memory;
#: the list is held here, so it is never another list at the same address).  Remaking every
#: note's places on every save was most of what the collector walked after a save.
_PLACES: dict[
    str, tuple[Sequence[Occurrence], str, tuple[tuple[str, tuple[str, str, tuple[str, ...]]], ...]]
] = {}


def _places(
    note_id: str, url: str, found: Sequence[Occurrence]
) -> tuple[tuple[str, tuple[str, str, tuple[str, ...]]], ...]:
    """(term id, (note id, page url, the passages' anchors)) per term the note uses, in first use order."""
    anchors: dict[str, list[str]] = {}
    for occ in found:
        lst = anchors.setdefault(occ.term_id, [])
        if occ.anchor not in lst:
            lst.append(occ.anchor)
    return tuple((term_id, (note_id, url, tuple(lst))) for term_id, lst in anchors.items())


def fill_occurrences(
    html: str,
    occurrences: Mapping[str, tuple[str, Sequence[Occurrence]]],
    titles: dict[str, str],
    relative: Callable[[str], str],
    terms: dict[str, str],
    base: str | None = None,
) -> str:
    """Replace each term's placeholder with links to the passages where it occurs.

    A term used in more than ``NOTES_PER_TERM`` notes lists the notes using it most, and a
    search for the term finds the rest: every note of a large collection under every common
    term would make this one page megabytes long.

    Args:
        html: The glossary page's rendered content.
        occurrences: note id -> (page url, occurrences) as recorded while rendering.
        titles: note id -> display title.
        relative: page URL (with fragment) -> link relative to the glossary page.
        terms: term id -> the term (what the search link searches for).
        base: The glossary page's URL, which ``relative`` makes links relative to: given, each
            term's list is kept and made again only when its places, the titles it shows or the
            term changed (``mkdocs serve``: a save re-lists the terms the edited note uses).
    """
    by_term: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    kept = {}
    for note_id in sorted(occurrences):
        url, found = occurrences[note_id]
        entry = _PLACES.get(note_id)
        if entry is None or entry[0] is not found or entry[1] != url:
            entry = (found, url, _places(note_id, url, found))
        kept[note_id] = entry
        for term_id, place in entry[2]:
            by_term.setdefault(term_id, []).append(place)
    _PLACES.clear()
    _PLACES.update(kept)

    filled: dict[str, _Filled] = {}

    def repl(m: re.Match[str]) -> str:
        term_id = m.group("id")
        places = by_term.get(term_id, [])
        query = quote(terms.get(term_id, ""))
        kept = _FILLED.get(term_id) if base is not None else None
        if (
            kept is not None
            and (kept.base, kept.query, kept.places) == (base, query, places)
            and tuple(titles.get(n, n) for n in kept.shown) == kept.titles
        ):
            filled[term_id] = kept
            return kept.html
        shown = sorted(sorted(range(len(places)), key=lambda i: (-len(places[i][2]), i))[:NOTES_PER_TERM])
        notes = [
            (titles.get(note_id, note_id), [relative(url + "#" + a) for a in anchors])
            for note_id, url, anchors in (places[i] for i in shown)
        ]
        out = fragments.render(
            "zd-glossary.html", "where", notes=notes, more=len(places) - len(shown), query=query
        )
        if base is not None:
            ids = tuple(places[i][0] for i in shown)
            filled[term_id] = _Filled(base, query, places, ids, tuple(t for t, _ in notes), out)
        return out

    out = _OCC_RE.sub(repl, html)
    FILLED_KEPT[0] = sum(1 for t, f in filled.items() if _FILLED.get(t) is f)
    _FILLED.clear()
    _FILLED.update(filled)
    return out


class _Filled(NamedTuple):
    """A term's list on the glossary page with what it was made from (``fill_occurrences``)."""

    base: str | None
    query: str
    places: list[tuple[str, str, tuple[str, ...]]]
    shown: tuple[str, ...]  # the note ids listed
    titles: tuple[str, ...]  # their titles as listed
    html: str


#: Term id → its list as the last fill made it.
_FILLED: dict[str, _Filled] = {}
#: Terms whose list the last fill took from the one before (tests, the build's log).
FILLED_KEPT = [0]
