"""Themes on the site: the per-build state and everything the pages show.

Two phases, because a note page must know the passages of every other note:

1. MkDocs renders every page's Markdown before it renders any template
   (``_populate_page`` for all pages, then ``on_env``, then ``_build_page``).
   While the notes are rendered, :meth:`ThemeBuild.collect` keeps each note's
   passages (from the passage tree processor); in ``on_env``
   :meth:`ThemeBuild.finish` matches the theme map against all of them at once.
   Only then is it known how many notes each theme has, so a long theme's
   pages 2… (:meth:`ThemeBuild.more_pages`) are added there too: MkDocs lists the
   pages it writes after ``on_env``.
2. In ``on_page_context`` (after the search plugin has indexed the page),
   :meth:`ThemeBuild.note_context` adds the margin markers to a note's HTML and
   the chips / related notes to its metadata; theme pages and the overview get
   their views in :meth:`ThemeBuild.theme_context`.

No note is rendered twice.  Every reader-visible string is Simplified Chinese
inside HTML text or ``aria-label``/``title``, so the variant writer converts it;
the SVG graph carries no text at all (the converter skips ``<svg>``): its
labels are HTML links positioned over it.
"""

from __future__ import annotations

import functools
import math
import posixpath
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import yaml

from zhudu.annotate.passages import Passage
from zhudu.editorial import markdown_text
from zhudu.publish import pagination
from zhudu.themes import theme_map as themes
from zhudu.themes.theme_map import ThemeIndex, ThemeMap

THEMES_URL = "themes"
#: How many passages of another note a margin marker lists per theme (the theme page has all).
MARKER_LIMIT = 3
MARKER_NOTES = 4  # other notes listed per theme in a margin marker; the rest are on the theme page
EXCERPT_CHARS = 26
#: Notes (columns) per theme page: eight rows of three columns on a wide screen, about 100 KB of
#: HTML (17 KB compressed).  A theme running through hundreds of notes is read a page at a time,
#: not as one page of megabytes; fewer per page would mean many more pages to build.
NOTES_PER_THEME_PAGE = 24
#: Matching the themes in fewer notes than this in a forked worker costs more than it saves
#: (``finish``'s slices).
NOTES_PER_MATCH_SLICE = 500
#: Notes in the overview's matrix and graph: the ones carrying the most themes (each theme page
#: lists all).  A column per note of a large collection would make one table megabytes wide.
OVERVIEW_NOTES = 24

_PASSAGE_TAG_RE = re.compile(
    r"""
    <(?P<tag> p | li | blockquote | tr )
     (?P<attrs> \s [^>]* \bdata-zd-passage\b [^>]* )
    >
    """,
    re.VERBOSE,
)
_ID_RE = re.compile(r"""\bid="(?P<id>[^"]+)\"""")
_TD_RE = re.compile(r"<td\b[^>]*>")


# --------------------------------------------------------------------------- helpers


def rel_url(from_url: str, to_url: str) -> str:
    """A relative link between two directory URLs (``notes/a/`` → ``../b/``), fragment kept."""
    path, _, fragment = to_url.partition("#")
    return _rel_path(from_url, path) + (f"#{fragment}" if fragment else "")


@functools.lru_cache(maxsize=65536)
def _rel_path(from_url: str, path: str) -> str:
    # Cached, and string work only: ``posixpath.relpath`` asks the OS for the working directory
    # on every call, and a page links to hundreds of pages (theme pages, markers' other notes).
    start = [part for part in from_url.split("/") if part]
    target = [part for part in path.split("/") if part]
    common = 0
    for here, there in zip(start, target, strict=False):
        if here != there:
            break
        common += 1
    rel = "/".join([".."] * (len(start) - common) + target[common:]) or "."
    if path.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "" if rel == "./" else rel


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """A passage's first words (characters, for Chinese), with an ellipsis when cut."""
    text = text.strip()
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def marked_segments(
    text: str, spans: Sequence[tuple[int, int]], folded_length: int = -1
) -> list[tuple[str, bool]]:
    """Split ``text`` into (segment, is_match) pieces; spans are positions in the folded text.

    Folding keeps the length of almost every text; when it does not, the spans
    could point at the wrong characters, so the text is shown unmarked.  ``folded_length``
    is that length when the caller knows it (matching folded the text already).
    """
    if folded_length < 0 and spans:
        folded_length = len(themes.fold(text))
    if not spans or folded_length != len(text):
        return [(text, False)]
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[tuple[str, bool]] = []
    pos = 0
    for start, end in merged:
        if start > pos:
            out.append((text[pos:start], False))
        out.append((text[start:end], True))
        pos = end
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def segments_html(segments: Sequence[tuple[str, bool]]) -> str:
    """Escaped HTML of marked segments."""
    return "".join(f"<mark>{escape(s)}</mark>" if m else escape(s) for s, m in segments)


# --------------------------------------------------------------------------- the build


@dataclass
class NoteInfo:
    """What the theme pages need to know about a note (display values in Simplified)."""

    id: str
    slug: str
    title: str
    date: str
    url: str  # "notes/<slug>/"
    to_simplified: Callable[[str], str] = field(default=lambda s: s, repr=False)


def theme_url(theme_id: str, number: int = 1) -> str:
    """The URL of a theme's page ``number`` (page 1 is the theme's own URL)."""
    base = f"{THEMES_URL}/{theme_id}/"
    return base if number == 1 else f"{base}page/{number}/"


def theme_src(theme_id: str, number: int = 1) -> str:
    """The generated source file of a theme's page ``number`` (its URL, as MkDocs derives it)."""
    return theme_url(theme_id, number).rstrip("/") + ".md"


def block_id(theme_id: str) -> str:
    """The id of a theme's block on a note page."""
    return f"zd-tmb-{theme_id}"


def theme_blocks(blocks: Mapping[str, str]) -> str:
    """A note page's theme blocks, each once, in a ``<template>`` (markers' panels show copies of them).

    A panel repeated in full at every marker of the same theme made theme panels two thirds of
    a note's HTML: of its weight on a phone, and of the time to write it in every variant.  A
    template's content is parsed but never styled or laid out, and is not part of the page's DOM.
    """
    return '<template class="zd-tm-blocks">' + "".join(blocks[k] for k in sorted(blocks)) + "</template>"


@dataclass
class ThemeBuild:
    """Per-build theme state: created afresh on every build (``mkdocs serve`` rebuilds)."""

    theme_map: ThemeMap
    notes: list[NoteInfo]
    collected: dict[str, tuple[Passage, ...]] = field(default_factory=dict)
    index: ThemeIndex | None = None
    inject_seconds: float = 0.0  # phase 2's cost, for the benchmark and the debug line
    #: Theme id → its pages' notes (page 1 first); set by ``finish``.
    paged: dict[str, list[list[str]]] = field(default_factory=dict)
    #: Theme id → note id → the number of the page listing the note.
    page_of: dict[str, dict[str, int]] = field(default_factory=dict)
    #: Theme id → its passages in all its notes (every page of the theme shows the total).
    passage_total: dict[str, int] = field(default_factory=dict)
    #: (theme, other note, folder of the page) → that note's part of a theme block (``_theme_block``).
    _other_note_parts: dict[tuple[str, str, str], str] = field(default_factory=dict, repr=False)

    # ----------------------------------------------------------------- phase 0: files

    @classmethod
    def load(cls, path: Path, display: str, notes: Sequence[NoteInfo]) -> ThemeBuild:
        """Read the theme map (raises ``EditorialError`` when it is malformed)."""
        return cls(theme_map=themes.load_theme_map(path, display), notes=list(notes))

    def pages(self) -> list[GeneratedPage]:
        """Generated pages: the overview and one per theme."""
        out = [
            _generated_page(
                f"{THEMES_URL}/index.md",
                "主题",
                "themes.html",
                "贯穿几篇笔记的主题：哪篇笔记在哪一段谈到同一个想法。",
            )
        ]
        for theme in self.theme_map.themes:
            out.append(_generated_page(theme_src(theme.id), theme.name, "theme.html", theme.description))
        return out

    def more_pages(self) -> list[tuple[str, GeneratedPage]]:
        """Pages 2… of the themes with more than ``NOTES_PER_THEME_PAGE`` notes (after ``finish``).

        Returns ``(theme id, page)`` per page.
        """
        out = []
        for theme in self.theme_map.themes:
            pages = len(self.paged.get(theme.id, ()))
            for number in range(2, pages + 1):
                title = f"{theme.name}（第 {number} 页，共 {pages} 页）"
                # Page 1 is the theme's entry in search; its later pages would only repeat it.
                page = _generated_page(
                    theme_src(theme.id, number), title, "theme.html", theme.description, searchable=False
                )
                out.append((theme.id, page))
        return out

    def theme_of_src(self, src_uri: str) -> tuple[str, int] | None:
        """(theme id, page number) of a generated theme page (``("", 1)`` for the overview), else None."""
        if src_uri == f"{THEMES_URL}/index.md":
            return "", 1
        if src_uri.startswith(f"{THEMES_URL}/") and src_uri.endswith(".md"):
            theme_id, _, number = src_uri[len(THEMES_URL) + 1 : -3].partition("/page/")
            if theme_id in self.theme_map.by_id() and (not number or number.isdigit()):
                return theme_id, int(number or 1)
        return None

    # ----------------------------------------------------------------- phase 1: collect, match

    def collect(self, note_id: str, passages: Sequence[Passage]) -> None:
        """Keep a note's passages right after its Markdown was rendered."""
        self.collected[note_id] = tuple(passages)

    def finish(self, slices: int = 1, map_slices: themes.SlicesMap | None = None) -> ThemeIndex:
        """Match the map against every collected note (call once, before templates render).

        ``slices`` and ``map_slices``: see ``themes.build_index``.
        """
        notes = [
            themes.NotePassages(
                id=n.id, slug=n.slug, title=n.title, date=n.date, passages=self.collected.get(n.id, ())
            )
            for n in self.notes
        ]
        self.index = themes.build_index(self.theme_map, notes, slices=slices, map_slices=map_slices)
        for theme in self.theme_map.themes:
            noted = self.index.notes_of_theme(theme.id)
            size = NOTES_PER_THEME_PAGE
            self.paged[theme.id] = [noted[i : i + size] for i in range(0, len(noted), size)] or [[]]
            self.page_of[theme.id] = {n: 1 + i // size for i, n in enumerate(noted)}
            self.passage_total[theme.id] = sum(len(self.index.hits_in(theme.id, n)) for n in noted)
        return self.index

    def note_url_in_theme(self, theme_id: str, note_id: str) -> str:
        """Where a theme's pages show a note's column: ``themes/<id>/[page/<k>/]#zd-note-<note>``."""
        return theme_url(theme_id, self.page_of.get(theme_id, {}).get(note_id, 1)) + f"#zd-note-{note_id}"

    @functools.cached_property
    def info(self) -> dict[str, NoteInfo]:
        """Notes by id (made once: every theme block and theme page column looks notes up)."""
        return {n.id: n for n in self.notes}

    def summary(self) -> str:
        """One line for the build log."""
        index = self._index
        hits = len(index.hits)
        ms = index.timings.get("total", 0.0) * 1000
        return (
            f"{len(self.theme_map.themes)} themes ({len(index.shared_themes())} shared by 2+ notes), "
            f"{hits} themed passages in {int(index.timings.get('passages', 0))}, matched in {ms:.1f} ms"
        )

    @property
    def _index(self) -> ThemeIndex:
        if self.index is None:  # pragma: no cover - finish() runs in on_env
            raise RuntimeError("themes: finish() has not run")
        return self.index

    # ----------------------------------------------------------------- phase 2: pages

    def note_context(self, note_id: str, page_url: str, html: str) -> tuple[str, dict[str, Any]]:
        """A note page's HTML with margin markers, and its chips and related notes."""
        index = self._index
        info = self.info
        note = info.get(note_id)
        if note is None:
            return html, {}
        chips = [
            {
                "id": t.id,
                "name": t.name,
                "count": n,
                "description": t.description,
                "href": rel_url(page_url, theme_url(t.id)),
            }
            for t, n in index.themes_of_note(note_id)
        ]
        related = []
        for r in index.related(note_id):
            other = info[r.note]
            related.append(
                {
                    "title": other.title,
                    "href": rel_url(page_url, other.url),
                    "score": r.score,
                    "themes": [
                        {"name": index.theme_by_id[t].name, "href": rel_url(page_url, theme_url(t))}
                        for t in r.shared
                    ],
                }
            )
        view = {"chips": chips, "related": related, "overview_href": rel_url(page_url, f"{THEMES_URL}/")}
        start = time.perf_counter()
        html = self._inject(note_id, page_url, html)
        self.inject_seconds += time.perf_counter() - start
        return html, view

    def _inject(self, note_id: str, page_url: str, html: str) -> str:
        index = self._index
        blocks: dict[str, str] = {}

        def repl(m: re.Match[str]) -> str:
            found = _ID_RE.search(m.group("attrs"))
            if not found:
                return m.group(0)
            anchor = found.group("id")
            hits = index.themes_of_passage(note_id, anchor)
            if not hits:
                return m.group(0)
            marker = self.marker_html(note_id, anchor, page_url, blocks)
            attrs = m.group("attrs")
            attrs = (
                re.sub(r'\bclass="', 'class="zd-has-tm ', attrs, count=1)
                if 'class="' in attrs
                else attrs + ' class="zd-has-tm"'
            )
            start = f"<{m.group('tag')}{attrs}>"
            if m.group("tag") == "tr":
                return start + "\x00TD" + marker  # placed inside the first cell below
            return start + marker

        out = _PASSAGE_TAG_RE.sub(repl, html)
        if blocks:
            out += theme_blocks(blocks)
        # A marker of a table row belongs inside its first cell.
        return re.sub(
            r"\x00TD(?P<marker><span class=\"zd-tm\".*?</span><!--/zd-tm-->)\s*(?P<td><td\b[^>]*>)",
            lambda m: m.group("td") + m.group("marker"),
            out,
            flags=re.DOTALL,
        )

    def marker_html(self, note_id: str, anchor: str, page_url: str, blocks: dict[str, str]) -> str:
        """The margin marker of one passage: a button and the panel it opens.

        The panel names its themes' blocks; ``blocks`` collects them, once each, for the page
        (``theme_blocks``), and themes.js copies them into the panel.
        """
        index = self._index
        hits = index.themes_of_passage(note_id, anchor)
        names = "、".join(index.theme_by_id[h.theme].name for h in hits)
        panel_id = f"zd-tm-{anchor}"
        # The count is drawn by CSS from data-count, never text: it would lead the passage's text when
        # it is selected, copied, quoted in a link or previewed.  So is its label, "主题" (data-zd-text,
        # converted for each variant): an editor's note marker ("注" and its number) is told apart by
        # it, by its shape and by its colour.  The name holds what the marker shows, "主题" and the
        # count (WCAG 2.5.3: a control's name contains its visible label).
        many = len(hits) > 1
        label = f"本段主题{len(hits)}个：{names}" if many else f"本段主题：{names}"
        count = f' data-count="{len(hits)}"' if many else ""
        parts = [
            '<span class="zd-tm">',
            f'<button type="button" class="zd-tm__btn" aria-expanded="false" aria-controls="{escape(panel_id)}" '
            f'aria-label="{escape(label)}">'  # no title: Material would draw a tooltip over the panel
            f'<span class="zd-tm__dot" aria-hidden="true" data-zd-text="主题"{count}></span></button>',
            f'<span class="zd-tm__panel zd-endnote-source" data-zd-text="本段的主题" id="{escape(panel_id)}" role="group" '
            f'aria-label="{escape("这个观点在其他笔记中")}">',
        ]
        for hit in hits:
            if hit.theme not in blocks:
                blocks[hit.theme] = self._theme_block(hit.theme, note_id, page_url)
            parts.append(f'<span class="zd-tm__theme" data-zd-block="{escape(block_id(hit.theme))}"></span>')
        parts.append("</span></span><!--/zd-tm-->")
        return "".join(parts)

    def _theme_block(self, theme_id: str, note_id: str, page_url: str) -> str:
        """One theme's part of a marker panel: the same for every passage of the note it is on."""
        index = self._index
        theme = index.theme_by_id[theme_id]
        parts = [f'<span class="zd-tm__theme" id="{escape(block_id(theme_id))}">']
        parts.append(
            f'<a class="zd-tm__name" href="{escape(rel_url(page_url, theme_url(theme.id)))}">'
            f"{escape(theme.name)}</a>"
        )
        # At most MARKER_NOTES other notes per theme (the strongest): listing every note
        # would make each page, and so the build, grow with the square of the corpus.
        others, total = index.other_notes_of_theme(theme.id, note_id, MARKER_NOTES)
        if not others:
            parts.append('<span class="zd-tm__none">其他笔记还没有谈到这个主题。</span>')
        else:
            parts.append('<span class="zd-tm__where">这个观点在其他笔记中：</span>')
        for other in others:
            # The same few strongest notes appear in almost every note's block, and relative links
            # from one note page to another are the same from every note page: made once each.
            key = (theme.id, other, posixpath.dirname(page_url.rstrip("/")))
            if key not in self._other_note_parts:
                self._other_note_parts[key] = self._other_note_part(theme.id, other, page_url)
            parts.append(self._other_note_parts[key])
        if total > len(others):
            href = rel_url(page_url, theme_url(theme.id))
            parts.append(
                f'<a class="zd-tm__more" href="{escape(href)}">'
                f"另外 {total - len(others)} 篇笔记也谈到这个主题</a>"
            )
        parts.append("</span>")
        return "".join(parts)

    def _other_note_part(self, theme_id: str, other: str, page_url: str) -> str:
        """Another note in a theme block: its title and its passages expressing the theme most."""
        index = self._index
        other_info = self.info[other]
        parts = [f'<span class="zd-tm__note">{escape(other_info.title)}</span>']
        best = index.best_hits_in(theme_id, other, MARKER_LIMIT)
        for target in best:
            text = other_info.to_simplified(index.passage_by_key[(other, target.anchor)].text)
            href = rel_url(page_url, f"{other_info.url}#{target.anchor}")
            parts.append(f'<a class="zd-tm__link" href="{escape(href)}">{escape(excerpt(text))}</a>')
        rest = len(index.hits_in(theme_id, other)) - len(best)
        if rest > 0:
            href = rel_url(page_url, self.note_url_in_theme(theme_id, other))
            parts.append(f'<a class="zd-tm__more" href="{escape(href)}">另有 {rest} 段</a>')
        return "".join(parts)

    def theme_context(self, theme_id: str, page_url: str, number: int = 1) -> dict[str, Any]:
        """The view of a theme's page ``number`` (``theme_id``) or of the overview (``""``)."""
        return self.overview(page_url) if theme_id == "" else self.theme_view(theme_id, page_url, number)

    def theme_view(self, theme_id: str, page_url: str, number: int = 1) -> dict[str, Any]:
        """One theme: its passages in every note of page ``number``, in columns (a parallel reading)."""
        index = self._index
        theme = index.theme_by_id[theme_id]
        paged = self.paged.get(theme_id) or [[]]
        columns = []
        for note_id in paged[min(max(number, 1), len(paged)) - 1]:
            note = self.info[note_id]
            passages = []
            for hit in index.hits_in(theme_id, note_id):
                raw = index.passage_by_key[(note_id, hit.anchor)].text
                text = note.to_simplified(raw)
                folded_length = hit.folded_length if text == raw else -1  # matching folded this very text
                segments = (
                    marked_segments(text, hit.spans, folded_length)
                    if len(text) == len(raw)
                    else [(text, False)]
                )
                passages.append(
                    {
                        "anchor": hit.anchor,
                        "href": rel_url(page_url, f"{note.url}#{hit.anchor}"),
                        "html": segments_html(segments),
                        "pinned": hit.pinned,
                    }
                )
            columns.append(
                {
                    "id": note_id,
                    "title": note.title,
                    "href": rel_url(page_url, note.url),
                    "date": note.date,
                    "passages": passages,
                }
            )
        others = [
            {"name": t.name, "href": rel_url(page_url, theme_url(t.id))}
            for t in index.theme_map.themes
            if t.id != theme_id and index.notes_of_theme(t.id)
        ]
        pager = pagination.pager(number, len(paged)) if len(paged) > 1 else []
        return {
            "id": theme.id,
            "name": theme.name,
            "description": theme.description,
            "columns": columns,
            "note_count": len(self.page_of.get(theme_id, ())),
            "passage_count": self.passage_total.get(theme_id, 0),
            "number": number,
            "page_count": len(paged),
            "pages": pager,
            "page_hrefs": {k: rel_url(page_url, theme_url(theme_id, k)) for k in pager if k},
            "others": others,
            "overview_href": rel_url(page_url, f"{THEMES_URL}/"),
        }

    def overview(self, page_url: str) -> dict[str, Any]:
        """The themes index: the list, the note × theme matrix and the graph."""
        index = self._index
        counts = themes.passage_counts(index)
        themed = [n for n in self.notes if any(n.id in per for per in counts.values())]
        notes = strongest_notes(counts, themed, OVERVIEW_NOTES)
        peak = max((c for per in counts.values() for c in per.values()), default=1)
        rows = []
        for theme in index.theme_map.themes:
            cells = []
            for note in notes:
                n = counts[theme.id].get(note.id, 0)
                cells.append(
                    {
                        "count": n,
                        "heat": f"{(n / peak) ** 0.6:.2f}" if n else "0",
                        "href": rel_url(
                            page_url,
                            self.note_url_in_theme(theme.id, note.id) if n else theme_url(theme.id),
                        ),
                        "note": note.title,
                    }
                )
            rows.append(
                {
                    "id": theme.id,
                    "name": theme.name,
                    "description": theme.description,
                    "href": rel_url(page_url, theme_url(theme.id)),
                    "cells": cells,
                    "notes": len(counts[theme.id]),
                    "passages": sum(counts[theme.id].values()),
                }
            )
        columns = [{"id": n.id, "title": n.title, "href": rel_url(page_url, n.url)} for n in notes]
        return {
            "rows": rows,
            "columns": columns,
            "themed_notes": len(themed),
            "graph": graph_layout(index, notes, page_url) if rows and notes else None,
        }


def strongest_notes(
    counts: Mapping[str, Mapping[str, int]], notes: Sequence[NoteInfo], limit: int
) -> list[NoteInfo]:
    """The ``limit`` notes carrying the most themes (then the most themed passages), in corpus order.

    ``counts`` is ``themes.passage_counts``: theme id → note id → passages.
    """
    if len(notes) <= limit:
        return list(notes)

    def strength(i: int) -> tuple[int, int, int]:
        per_theme = [per[notes[i].id] for per in counts.values() if notes[i].id in per]
        return (-len(per_theme), -sum(per_theme), i)

    return [notes[i] for i in sorted(sorted(range(len(notes)), key=strength)[:limit])]


@dataclass(frozen=True)
class GeneratedPage:
    """A page Zhudu writes the Markdown of: its front matter and its body."""

    src_uri: str
    meta: dict[str, Any]
    markdown: str

    @property
    def source(self) -> str:
        """The page as a Markdown file (libyaml's emitter: PyYAML's own is five times slower)."""
        front = yaml.dump(self.meta, Dumper=_YAML_DUMPER, allow_unicode=True, sort_keys=True)
        return f"---\n{front}---\n\n{self.markdown}"


_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _generated_page(
    src_uri: str, title: str, template: str, description: str, *, searchable: bool = True
) -> GeneratedPage:
    # Full width for the columns and the matrix: no navigation or table-of-contents sidebars.
    # Material prints title and description into the page as they are: escaped here, once.
    meta: dict[str, Any] = {
        "title": escape(title),
        "template": template,
        "description": escape(description),
        "hide": ["navigation", "toc"],
    }
    if not searchable:
        meta["search"] = {"exclude": True}
    return GeneratedPage(src_uri, meta, markdown_text(description) + "\n")


# --------------------------------------------------------------------------- the graph


@dataclass(frozen=True)
class GraphNode:
    """A node of the notes–themes graph, positioned in a 0–100 box."""

    kind: str  # "note" | "theme"
    id: str
    label: str
    href: str
    x: float
    y: float
    size: int  # passages


def graph_layout(index: ThemeIndex, notes: Sequence[NoteInfo], page_url: str) -> dict[str, Any]:
    """A deterministic two-column layout: notes on the left, themes on the right.

    Notes keep corpus order and are spread evenly; each theme sits at the
    barycentre of the notes it links (weighted by passages), then themes are
    spread evenly in that order (ties by map order), which keeps edges short
    and crossings few.  Returns the SVG of the edges (no text: the variant converter
    skips SVG) and the nodes' positions in percent, for the HTML labels and dots: the SVG
    is stretched to its box (``preserveAspectRatio="none"``), which would squash circles.
    """
    width, height = 640, max(320, 36 * max(len(index.theme_map.themes), len(notes)) + 40)
    note_x, theme_x = 0.22, 0.70
    note_y = {n.id: (i + 0.5) / len(notes) for i, n in enumerate(notes)}
    counts = themes.passage_counts(index)
    linked = [t for t in index.theme_map.themes if counts[t.id]]
    bary = {}
    for order, theme in enumerate(linked):
        total = sum(counts[theme.id].values())
        bary[theme.id] = (
            sum(note_y[n] * c for n, c in counts[theme.id].items() if n in note_y) / total,
            order,
        )
    ordered = sorted(linked, key=lambda t: bary[t.id])
    theme_y = {t.id: (i + 0.5) / len(ordered) for i, t in enumerate(ordered)}
    peak = max((c for per in counts.values() for c in per.values()), default=1)
    nodes = [
        GraphNode(
            "note",
            n.id,
            n.title,
            rel_url(page_url, n.url),
            note_x,
            note_y[n.id],
            sum(counts[t][n.id] for t in counts if n.id in counts[t]),
        )
        for n in notes
    ]
    nodes += [
        GraphNode(
            "theme",
            t.id,
            t.name,
            rel_url(page_url, theme_url(t.id)),
            theme_x,
            theme_y[t.id],
            sum(counts[t.id].values()),
        )
        for t in ordered
    ]
    svg = [
        f'<svg class="zd-graph__svg" viewBox="0 0 {width} {height}" preserveAspectRatio="none" '
        'aria-hidden="true" focusable="false">'
    ]
    for theme in ordered:
        for note_id, c in sorted(counts[theme.id].items()):
            if note_id not in note_y:
                continue
            x1, y1 = note_x * width, note_y[note_id] * height
            x2, y2 = theme_x * width, theme_y[theme.id] * height
            mid = (x1 + x2) / 2
            stroke = 1 + 5 * c / peak
            svg.append(
                f'<path class="zd-graph__edge" data-theme="{escape(theme.id)}" data-note="{escape(note_id)}" '
                f'd="M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x2:.1f},{y2:.1f}" '
                f'stroke-width="{stroke:.2f}" vector-effect="non-scaling-stroke"/>'
            )
    svg.append("</svg>")
    largest = max(1, max(n.size for n in nodes))
    return {
        "svg": "".join(svg),
        "height_em": round(height / 16, 1),
        "nodes": [
            {
                "kind": n.kind,
                "label": n.label,
                "href": n.href,
                "x": f"{n.x * 100:.2f}",
                "y": f"{n.y * 100:.2f}",
                "r": f"{5 + 5 * math.sqrt(n.size / largest):.1f}",  # the dot's radius in px
                "size": n.size,
            }
            for n in nodes
        ],
    }


def note_infos(notes: Sequence[Any], to_simplified: Mapping[str, Callable[[str], str]]) -> list[NoteInfo]:
    """``NoteInfo`` for the corpus' readable notes (``notes.Note`` objects), in corpus order."""
    out = []
    for note in notes:
        if note.broken:
            continue
        meta = note.meta
        date = meta.updated or meta.date
        out.append(
            NoteInfo(
                id=note.id,
                slug=meta.slug,
                title=to_simplified.get(note.id, str)(meta.title),
                date=date.date().isoformat() if date else "",
                url=note.src_uri[:-3] + "/",
                to_simplified=to_simplified.get(note.id, lambda s: s),
            )
        )
    return out
