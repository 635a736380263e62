r"""The glossary: editorial data (``docs/editorial/glossary.yml``) marked in the notes' running text.

Python-Markdown's ``abbr`` cannot mark terms in Chinese: its ``\\b`` never matches
between two Han characters.  This module's tree processor marks terms itself:
one compiled pattern of every term and alias (folded to Simplified and lower
case, longest first) runs once over each text segment of each passage.  Latin
terms need a boundary on their Latin side only: ``AI`` is found in ``AI模型``
but not in ``OpenAI``.  Links, code, headings and text already marked are
skipped.  The mark is a ``<button class="zd-gloss" title="…">`` around the
author's text, which is left exactly as written: ``annotate.js`` shows the title
in a card with a link to the term's entry on hover, focus and tap (Material's
own tooltip is kept off it with ``data-preview``).

It runs after the passage processor (priority 5), so passage anchors are
computed from the untouched text.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from pymdownx.slugs import slugify

from zhudu.annotate import textmarks
from zhudu.annotate.passages import iter_passages
from zhudu.editorial import load_yaml_with_lines, markdown_text
from zhudu.errors import EditorialError

GLOSSARY_FILE = "glossary.yml"
GLOSSARY_SRC_URI = "glossary.md"
#: The glossary page's index of terms.  It stands in for Material's table of contents, which the
#: hook drops for this page: one heading per term made it the page's largest part, rendered twice
#: (sidebar and phone drawer) and tracked on every scroll, a quarter of a second of a phone's load.
INDEX_CLASS = "zd-gloss-index"
_FIELDS = ("id", "term", "aliases", "explanation", "source", "source_title")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_URL_RE = re.compile(r"^https?://[^\s<>\"]+$")
_LATIN_EDGE_RE = re.compile(r"[A-Za-z0-9]")
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


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    id: str
    term: str
    aliases: tuple[str, ...]
    explanation: str
    source: str | None
    source_title: str | None
    line: int

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form that is marked: the term and its aliases."""
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class Glossary:
    """The loaded glossary."""

    path: str
    terms: tuple[Term, ...] = ()

    def by_id(self) -> dict[str, Term]:
        """Terms keyed by id."""
        return {t.id: t for t in self.terms}


_slugify = slugify(case="lower")


def _default_id(term: str, fold: Callable[[str], str] = str) -> str:
    """A term's anchor: ASCII for a Latin term; else the slug of its Simplified form, Han kept.

    The same in every variant (anchors are never converted), and readable: ``#深度求索``.
    """
    ascii_id = re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")
    if ascii_id and term.isascii():
        return ascii_id
    slug = _slugify(fold(term), "-").strip("-")
    return slug or "g-" + hashlib.sha1(term.encode("utf-8")).hexdigest()[:6]


def load_glossary(path: Path, display: str, fold: Callable[[str], str]) -> Glossary:
    """Read ``glossary.yml``: a list of entries; a missing file is an empty glossary.

    Args:
        path: The file.
        display: Its name in messages (relative to mkdocs.yml).
        fold: Folds text to the canonical script (to find duplicate forms across scripts).

    Raises:
        EditorialError: bad YAML or an invalid entry, naming its line.
    """
    if not path.is_file():
        return Glossary(path=display)
    data, lines = load_yaml_with_lines(path, display)
    if data is None:
        return Glossary(path=display)
    if not isinstance(data, list):
        raise EditorialError(display, 1, "expected a list of entries ('- term: …')")
    char_fold = textmarks.CharFold(fold)
    terms: list[Term] = []
    seen_ids: dict[str, int] = {}
    seen_forms: dict[str, int] = {}
    for i, entry in enumerate(data):
        line = lines.get((str(i),), 0)
        if not isinstance(entry, dict):
            raise EditorialError(display, line, "an entry must be 'term: …, explanation: …' lines")
        for key in entry:
            if key not in _FIELDS:
                raise EditorialError(
                    display,
                    lines.get((str(i), str(key)), line),
                    f"unknown field {key!r}; fields: {', '.join(_FIELDS)}",
                )
        term = entry.get("term")
        explanation = entry.get("explanation")
        if not isinstance(term, str) or not term.strip():
            raise EditorialError(display, line, "every entry needs 'term' (the form written in the notes)")
        if not isinstance(explanation, str) or not explanation.strip():
            raise EditorialError(
                display, line, f"{term}: 'explanation' is missing (1–3 sentences, Simplified Chinese)"
            )
        aliases = entry.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise EditorialError(
                display, lines.get((str(i), "aliases"), line), f"{term}: 'aliases' must be a list of strings"
            )
        source = entry.get("source")
        if source is not None and (not isinstance(source, str) or not _URL_RE.match(source)):
            raise EditorialError(
                display, lines.get((str(i), "source"), line), f"{term}: 'source' must be an http(s) URL"
            )
        term_id = str(entry.get("id") or _default_id(term.strip(), fold))
        if entry.get("id") and not _ID_RE.match(term_id):
            raise EditorialError(
                display,
                lines.get((str(i), "id"), line),
                f"{term}: id {term_id!r} must be lower-case ASCII letters, digits and '-'",
            )
        for form in (term, *aliases):
            key = textmarks.normalise(form, char_fold)
            if key in seen_forms:
                raise EditorialError(
                    display, line, f"{form!r} is already a term or alias on line {seen_forms[key]}; keep one"
                )
            seen_forms[key] = line
        if term_id in seen_ids:
            raise EditorialError(
                display,
                line,
                f"id {term_id!r} is used twice (first on line {seen_ids[term_id]}); give one an 'id'",
            )
        seen_ids[term_id] = line
        terms.append(
            Term(
                id=term_id,
                term=term.strip(),
                aliases=tuple(a.strip() for a in aliases),
                explanation=" ".join(explanation.split()),
                source=source,
                source_title=entry.get("source_title"),
                line=line,
            )
        )
    return Glossary(path=display, terms=tuple(terms))


# --------------------------------------------------------------------------- matching


class TermMatcher:
    """One compiled pattern of every form of every term, longest first, over folded text."""

    def __init__(self, terms: Iterable[Term], fold: textmarks.CharFold) -> None:
        self.fold = fold
        self.term_of: dict[str, Term] = {}
        for term in terms:
            for form in term.forms:
                self.term_of[textmarks.normalise(form, fold)] = term
        self.pattern = re.compile(_trie_source(self.term_of)) if self.term_of else None

    def find(self, text: str) -> list[tuple[int, int, Term]]:
        """Non-overlapping matches in ``text`` (as written): (start, end, term)."""
        if self.pattern is None or not text:
            return []
        folded = self.fold.text(text)
        out = []
        for m in self.pattern.finditer(folded):
            key = re.sub(r"\s+", " ", m.group())
            out.append((m.start(), m.end(), self.term_of[key]))
        return out


def alternation_source(forms: Iterable[str]) -> str:
    """Every form as one alternative, longest first: at one position the first that matches wins."""
    alternatives = []
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        body = re.escape(form).replace(r"\ ", r"\s+")
        before = r"(?<![0-9a-z])" if _LATIN_EDGE_RE.match(form[0]) else ""
        after = r"(?![0-9a-z])" if _LATIN_EDGE_RE.match(form[-1]) else ""
        alternatives.append(before + body + after)
    return "|".join(alternatives)


def _trie_source(forms: Iterable[str]) -> str:
    """The same matches as ``alternation_source``, as a character trie (much faster to run).

    At one position the alternation takes the longest form that matches there; the trie,
    trying longer continuations before ending, does too.  Two forms that match at the same
    position are one a prefix of the other (forms are distinct and their only whitespace is
    one space), so no other order between them can matter.
    """
    forms = list(forms)
    if any(not f for f in forms):
        return alternation_source(forms)
    return textmarks.trie_source(
        forms,
        piece=lambda ch: r"\s+" if ch == " " else re.escape(ch),
        end=lambda last: r"(?![0-9a-z])" if _LATIN_EDGE_RE.match(last) else "",
        start=lambda first: r"(?<![0-9a-z])" if _LATIN_EDGE_RE.match(first) else "",
    )


# --------------------------------------------------------------------------- marking


@dataclass(frozen=True)
class Occurrence:
    """Where a term occurs: a note and a passage anchor."""

    term_id: str
    note_id: str
    anchor: str
    marked: bool


def mark_passage(
    passage: etree.Element, matcher: TermMatcher, marked_ids: set[str], every: bool
) -> list[tuple[str, bool]]:
    """Mark terms in one passage; returns (term id, marked?) for every occurrence found."""
    found: list[tuple[str, bool]] = []
    for segment in textmarks.segments(passage):
        matches = matcher.find(segment.value)
        plan = []
        for start, end, term in matches:
            mark = every or term.id not in marked_ids
            found.append((term.id, mark))
            if mark:
                marked_ids.add(term.id)
                plan.append((start, end, term))
        for start, end, term in reversed(plan):
            button = etree.Element(
                "button",
                {
                    "type": "button",
                    "class": "zd-gloss",
                    "title": term.explanation,
                    "data-zd-gloss": term.id,
                    # Material mounts its tooltip on every [title] but [data-preview]: annotate.js shows
                    # the explanation itself, readable and with a link to the entry.
                    "data-preview": "",
                },
            )
            textmarks.wrap(segment, start, end, button)
    return found


class GlossaryTreeprocessor(Treeprocessor):
    """Marks glossary terms in a note's passages."""

    def __init__(self, md: Markdown, extension: GlossaryExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        ext = self.extension
        note_id, ext.note_id = ext.note_id, None  # one render per begin()
        ext.last_occurrences = []
        if note_id is None or ext.matcher is None:
            return
        marked: set[str] = set()
        for passage in iter_passages(root):
            anchor = passage.get("id")
            if not anchor:
                continue
            for term_id, was_marked in mark_passage(passage, ext.matcher, marked, ext.every):
                ext.last_occurrences.append(Occurrence(term_id, note_id, anchor, was_marked))


class GlueTreeprocessor(Treeprocessor):
    """Keeps terms and markers on one line with the punctuation beside them (``textmarks.glue``)."""

    def run(self, root: etree.Element) -> None:
        textmarks.glue(root)


class GlossaryExtension(Extension):
    """Registers the glossary marker; the hook tells it which note is being rendered."""

    def __init__(self, fold: Callable[[str], str], every: bool = False) -> None:
        super().__init__()
        self.fold = textmarks.CharFold(fold)
        self.every = every
        self.glossary = Glossary(path=GLOSSARY_FILE)
        self.matcher: TermMatcher | None = None
        self.note_id: str | None = None
        self.last_occurrences: list[Occurrence] = []
        #: note id -> (page url, occurrences), filled as notes are rendered.
        self.occurrences: dict[str, tuple[str, list[Occurrence]]] = {}

    def use(self, glossary: Glossary) -> None:
        """Set the glossary to mark."""
        self.glossary = glossary
        self.matcher = TermMatcher(glossary.terms, self.fold)

    def begin(self, note_id: str | None) -> None:
        """The next Markdown render is note ``note_id`` (``None``: not a note; nothing is marked)."""
        self.note_id = note_id

    def record(self, note_id: str, url: str) -> None:
        """Keep the occurrences of the page just rendered, for the glossary page."""
        self.occurrences[note_id] = (url, list(self.last_occurrences))

    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 3: after the passage anchors (5) and the editor's notes (4).
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "zd-glossary", 3)
        # Priority 2: after every mark is in place.
        md.treeprocessors.register(GlueTreeprocessor(md), "zd-glue", 2)


# --------------------------------------------------------------------------- the glossary page


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
        links = "".join(f'<li><a href="#{escape(t.id)}">{escape(t.term)}</a></li>' for t in terms)
        out.append(f'<nav class="{INDEX_CLASS}" aria-label="术语索引"><ul>{links}</ul></nav>')
        out.append("")
    for term in terms:
        out.append(TERM_MARK)
        out.append("")
        out.append(f"## {markdown_text(term.term)} {{#{term.id}}}")
        out.append("")
        parts = ['<div class="zd-gloss-entry">']
        if term.aliases:
            parts.append(
                '<p class="zd-gloss-entry__aliases">又作：'
                + "、".join(f"<span>{escape(a)}</span>" for a in term.aliases)
                + "</p>"
            )
        parts.append(f'<p class="zd-gloss-entry__text">{escape(term.explanation)}</p>')
        if term.source:
            title = escape(term.source_title or term.source)
            parts.append(
                f'<p class="zd-gloss-entry__source">来源：<a href="{escape(term.source)}">{title}</a></p>'
            )
        parts.append(OCCURRENCES_MARK.format(id=term.id))
        parts.append("</div>")
        out.append("\n".join(parts))
        out.append("")
    if terms:
        out.append(TERMS_END_MARK)
        out.append("")
    return "\n".join(out) + "\n"


def _order_key(html_text: str) -> str:
    return " ".join(unescape(_TAG_RE.sub("", html_text)).split()).lower()


def order_terms(page: str) -> str:
    """The glossary page with its index and entries in the order of the terms as this copy shows them.

    The page is rendered once, in Simplified order; a Traditional copy lists its own (converted)
    forms, in whose order the Simplified one looks random.  Latin terms first, then Han terms by
    code point (radical and stroke order, as a Traditional dictionary lists them).
    """
    if TERM_MARK not in page:
        return page

    def index(m: re.Match[str]) -> str:
        items = sorted(_INDEX_ITEM_RE.findall(m.group(2)), key=_order_key)
        return m.group(1) + "".join(items) + m.group(3)

    page = _INDEX_RE.sub(index, page, count=1)
    start = page.find(TERM_MARK)
    end = page.find(TERMS_END_MARK, start)
    if end < 0:
        return page
    sections = page[start:end].split(TERM_MARK)[1:]

    def key(section: str) -> str:
        m = _HEADING_RE.search(section)
        return _order_key(m.group(1)) if m else ""

    ordered = "".join(TERM_MARK + section for section in sorted(sections, key=key))
    return page[:start] + ordered + page[end:]


def fill_occurrences(
    html: str,
    occurrences: dict[str, tuple[str, list[Occurrence]]],
    titles: dict[str, str],
    relative: Callable[[str], str],
    terms: dict[str, str],
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
    """
    by_term: dict[str, list[tuple[str, str, list[str]]]] = {}
    for note_id in sorted(occurrences):
        url, found = occurrences[note_id]
        anchors: dict[str, list[str]] = {}
        for occ in found:
            lst = anchors.setdefault(occ.term_id, [])
            if occ.anchor not in lst:
                lst.append(occ.anchor)
        for term_id, lst in anchors.items():
            by_term.setdefault(term_id, []).append((note_id, url, lst))

    def repl(m: re.Match[str]) -> str:
        places = by_term.get(m.group("id"), [])
        if not places:
            return '<p class="zd-gloss-entry__where">（笔记中暂未出现）</p>'
        shown = sorted(sorted(range(len(places)), key=lambda i: (-len(places[i][2]), i))[:NOTES_PER_TERM])
        items = []
        for note_id, url, anchors in (places[i] for i in shown):
            links = " ".join(
                f'<a href="{escape(relative(url + "#" + a))}">第{i}处</a>' for i, a in enumerate(anchors, 1)
            )
            items.append(
                f'<li><span class="zd-gloss-entry__note">{escape(titles.get(note_id, note_id))}</span>：{links}</li>'
            )
        if len(places) > len(shown):
            query = quote(terms.get(m.group("id"), ""))
            items.append(
                f'<li class="zd-gloss-entry__more">另外 {len(places) - len(shown)} 篇笔记也用到这个术语：'
                f'<a href="?q={escape(query)}">搜索全部笔记</a></li>'
            )
        return '<ul class="zd-gloss-entry__where" aria-label="出现位置">' + "".join(items) + "</ul>"

    return _OCC_RE.sub(repl, html)


def counts(occurrences: dict[str, tuple[str, list[Occurrence]]]) -> dict[str, tuple[int, int]]:
    """Note id -> (marked occurrences, all occurrences), for the build's summary line."""
    return {
        note_id: (sum(o.marked for o in found), len(found))
        for note_id, (_, found) in sorted(occurrences.items())
    }


def view(glossary: Glossary) -> list[dict[str, Any]]:
    """Plain data of the glossary (for templates and tests)."""
    return [vars(t) | {"forms": list(t.forms)} for t in glossary.terms]


__all__ = [
    "GLOSSARY_FILE",
    "GLOSSARY_SRC_URI",
    "Glossary",
    "GlossaryExtension",
    "Occurrence",
    "Term",
    "TermMatcher",
    "counts",
    "fill_occurrences",
    "load_glossary",
    "mark_passage",
    "page_markdown",
]
