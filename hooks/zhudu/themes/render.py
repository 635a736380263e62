"""Themes on the site: the per-build state and the views of the theme pages.

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
   :meth:`ThemeBuild.note_context` adds the margin markers (``markers``) to a note's
   HTML and the chips / related notes to its metadata; theme pages and the overview
   (with its ``graph``) get their views in :meth:`ThemeBuild.theme_context`, made by ``views``.

No note is rendered twice.  Every reader-visible string is Simplified Chinese
inside HTML text or ``aria-label``/``title``, so the variant writer converts it;
the SVG graph carries no text at all (the converter skips ``<svg>``): its
labels are HTML links positioned over it.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path
from typing import Any, Protocol

import yaml

from zhudu.annotate.passages import Passage
from zhudu.editorial import markdown_text
from zhudu.script.domain import GENERAL, SOFTWARE
from zhudu.themes import scans_store, views
from zhudu.themes.markers import NoteMarkers
from zhudu.themes.matching import SlicesMap, build_index
from zhudu.themes.theme_index import NotePassages, ThemeIndex
from zhudu.themes.theme_map import ThemeMap, load_theme_map
from zhudu.themes.urls import THEMES_URL, rel_url, theme_src, theme_url

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
    lang: str = "zh-Hans"  # the note's script: a Simplified note's Traditional quotation gets its lang
    #: A Traditional note's words as each variant's page shows them (``Site.shown_in``: code → conversion, the
    #: default variant's first), which its quotes on theme pages and in theme strips are written as; None: as typed.
    shown_in: Mapping[str, Callable[[str], str]] | None = field(default=None, repr=False)
    region: str | None = None  # a Traditional note's (``NoteMeta.region``): whose words its page keeps
    #: What ``shown_in`` is made of (``Site.conversion_key``; "": none), in the theme pages' digests (a rule a page's
    #: copies hold rewrites it too: ``rule_scope``).
    conversion: str = ""
    #: A Simplified note's words held in its domain (``Site.shown_by``): ``shown_in`` is its domain's, this the other's;
    #: a passage both read alike is shown as a Simplified note's (``holds``).
    shown_other: Mapping[str, Callable[[str], str]] | None = field(default=None, repr=False)
    #: Whether a text may read otherwise in the other domain (``Site.domain_sensitive``), asked before ``shown_other``.
    sensitive: Callable[[str], bool] = field(default=lambda text: True, repr=False)
    #: Whether its page converts in the other domain than the site's pages (a theme page).
    foreign: bool = False

    def holds(self, text: str, on_site_page: bool = False) -> bool:
        """Whether ``text`` of the note is written as each variant's page shows it (``shown_in``), not converted.

        A Traditional note's always; a note held in its domain's where the other domain reads it otherwise, but on a
        page of the site's domain (``on_site_page``: a theme page) where its own page converts in that domain too.
        """
        if self.shown_in is None:
            return False
        other = self.shown_other
        if other is None:
            return True
        if on_site_page and not self.foreign:
            return False
        return self.sensitive(text) and any(other[code](text) != self.shown_in[code](text) for code in other)


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

    # ----------------------------------------------------------------- phase 0: files

    @classmethod
    def load(
        cls, path: Path, display: str, notes: Sequence[NoteInfo], drafts: Collection[str] = ()
    ) -> ThemeBuild:
        """Read the theme map (raises ``EditorialError`` when it is malformed).

        A pin or exclusion in a draft (``drafts``: ids of notes not published) waits for the day it
        is published: set aside, not an unknown note.
        """
        found = load_theme_map(path, display)
        pins = tuple(p for p in found.pins if p.note not in drafts)
        exclusions = tuple(p for p in found.exclusions if p.note not in drafts)
        return cls(theme_map=replace(found, pins=pins, exclusions=exclusions), notes=list(notes))

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
            markdown = None  # the theme's description, made into Markdown once for all its pages
            for number in range(2, pages + 1):
                title = f"{theme.name}（第 {number} 页，共 {pages} 页）"
                # Page 1 is the theme's entry in search; its later pages would only repeat it.
                page = _generated_page(
                    theme_src(theme.id, number),
                    title,
                    "theme.html",
                    theme.description,
                    searchable=False,
                    markdown=markdown,
                )
                markdown = page.markdown
                out.append((theme.id, page))
        return out

    def theme_of_src(self, src_uri: str) -> tuple[str, int] | None:
        """(theme id, page number) of a generated theme page (``("", 1)`` for the overview), else None."""
        if src_uri == f"{THEMES_URL}/index.md":
            return "", 1
        if src_uri.startswith(f"{THEMES_URL}/") and src_uri.endswith(".md"):
            theme_id, _, number = src_uri[len(THEMES_URL) + 1 : -3].partition("/page/")
            if theme_id in self.theme_map.ids and (not number or number.isdigit()):
                return theme_id, int(number or 1)
        return None

    # ----------------------------------------------------------------- phase 1: collect, match

    def collect(self, note_id: str, passages: Sequence[Passage]) -> None:
        """Keep a note's passages right after its Markdown was rendered."""
        self.collected[note_id] = tuple(passages)

    def finish(
        self,
        slices: int = 1,
        map_slices: SlicesMap | None = None,
        remember: bool = True,
        kept_in: Path | None = None,
        store: scans_store.DiskScans | None = None,
    ) -> ThemeIndex:
        """Match the map against every collected note (call once, before templates render).

        ``slices``, ``map_slices`` and ``remember``: see ``matching.build_index``.  ``kept_in``: the
        cache folder a remembering process starts its scans from, ``store`` what it read there (``scans_store``).
        """
        (store or scans_store.DiskScans()).start(self.theme_map, kept_in if remember else None)
        notes = [
            NotePassages(
                id=n.id, slug=n.slug, title=n.title, date=n.date, passages=self.collected.get(n.id, ())
            )
            for n in self.notes
        ]
        self.index = build_index(
            self.theme_map, notes, slices=slices, map_slices=map_slices, remember=remember
        )
        for theme in self.theme_map.themes:
            noted = self.index.notes_of_theme(theme.id)
            size = NOTES_PER_THEME_PAGE
            self.paged[theme.id] = [noted[i : i + size] for i in range(0, len(noted), size)] or [[]]
            self.page_of[theme.id] = {n: 1 + i // size for i, n in enumerate(noted)}
            self.passage_total[theme.id] = sum(map(len, self.index.by_theme_note.get(theme.id, {}).values()))
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
            f"{hits} themed passages in {int(index.timings.get('passages', 0))}, matched in {ms:.1f} ms; "
            f"hits of {int(index.timings.get('notes kept', 0))} of {len(index.notes)} notes kept; "
            f"{int(index.timings.get('scanned', 0))} passages scanned, {int(index.timings.get('folded', 0))} folded"
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
        html = self.markers.inject(note_id, page_url, html)
        self.inject_seconds += time.perf_counter() - start
        return html, view

    @functools.cached_property
    def markers(self) -> NoteMarkers:
        """The note pages' margin markers (made on first use, after ``finish``)."""
        return NoteMarkers(self._index, self.info)

    def theme_context(self, theme_id: str, page_url: str, number: int = 1) -> dict[str, Any]:
        """The view of a theme's page ``number`` (``theme_id``) or of the overview (``""``)."""
        return self.overview(page_url) if theme_id == "" else self.theme_view(theme_id, page_url, number)

    def theme_view(self, theme_id: str, page_url: str, number: int = 1) -> dict[str, Any]:
        """One theme: its passages in every note of page ``number``, in columns (``views.theme_view``)."""
        return views.theme_view(
            self._index,
            self.info,
            theme_id,
            self.paged.get(theme_id) or [[]],
            (len(self.page_of.get(theme_id, ())), self.passage_total.get(theme_id, 0)),
            page_url,
            number,
        )

    def overview(self, page_url: str) -> dict[str, Any]:
        """The themes index: the list, the note × theme matrix and the graph (``views.overview``)."""
        return views.overview(self._index, self.notes, page_url, OVERVIEW_NOTES, self.note_url_in_theme)


@dataclass(frozen=True)
class GeneratedPage:
    """A page Zhudu writes the Markdown of: its front matter and its body."""

    src_uri: str
    meta: dict[str, Any]
    markdown: str

    @property
    def source(self) -> str:
        """The page as a Markdown file (libyaml's emitter: PyYAML's own is five times slower)."""
        return f"---\n{_front_matter(self.meta)}---\n\n{self.markdown}"


_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
#: Front matter by the ``repr`` of its metadata (plain strings, lists, dicts: equal reprs, equal
#: YAML).  A long theme has a page per 24 notes, and dumping every page's front matter on every save
#: was a fifth of a save's theme work at 3,000 notes.
_FRONT_MATTER: dict[str, str] = {}
#: More front matters than any site has pages: past it the memo starts again.
_FRONT_MATTER_LIMIT = 50_000


def _front_matter(meta: dict[str, Any]) -> str:
    key = repr(meta)
    found = _FRONT_MATTER.get(key)
    if found is None:
        if len(_FRONT_MATTER) >= _FRONT_MATTER_LIMIT:
            _FRONT_MATTER.clear()
        found = _FRONT_MATTER[key] = yaml.dump(meta, Dumper=_YAML_DUMPER, allow_unicode=True, sort_keys=True)
    return found


def _generated_page(
    src_uri: str,
    title: str,
    template: str,
    description: str,
    *,
    searchable: bool = True,
    markdown: str | None = None,
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
    # ``markdown``: this description's, made already (a long theme's pages share it).
    if markdown is None:
        markdown = markdown_text(description) + "\n"
    return GeneratedPage(src_uri, meta, markdown)


class NoteShowing(Protocol):
    """How a note's words are shown on other pages (``publish.site.Site``'s methods of that name)."""

    conversion_key: str
    domain_sensitive: Callable[[str], bool]

    def shown_by(self, lang: str, region: str | None, domain: str | None) -> Callable[[str], str]: ...
    def shown_in(
        self, lang: str, region: str | None, domain: str | None
    ) -> Mapping[str, Callable[[str], str]]: ...
    def held_domain(self, domain: str | None) -> str | None: ...
    def page_domain(self, domain: str | None) -> str | None: ...


def note_infos(
    notes: Sequence[Any], to_simplified: Mapping[str, Callable[[str], str]], showing: NoteShowing
) -> list[NoteInfo]:
    """``NoteInfo`` for the corpus' readable notes (``notes.Note`` objects), in corpus order.

    ``to_simplified``: a Traditional note's passages into Simplified (its formulas' text); ``showing``: how its
    title is written into the default variant's pages (``shown_by``), so that theme pages and related notes show it
    as its page does; how its words read on each variant's pages (``shown_in``), so that its passages' quotes do too
    (a Traditional note's, or one held in its domain: ``held_domain``), and what that is made of (``conversion_key``).
    """
    made: dict[tuple[Any, ...], tuple[Any, Any]] = {}  # ``shown_in`` by script, region and domain
    out = []
    for note in notes:
        if note.broken:
            continue
        meta = note.meta
        date = meta.updated or meta.date
        held = showing.held_domain(meta.domain)
        out.append(
            NoteInfo(
                id=note.id,
                slug=meta.slug,
                title=showing.shown_by(meta.lang, meta.region, meta.domain)(meta.title),
                date=date.date().isoformat() if date else "",
                url=note.src_uri[:-3] + "/",
                to_simplified=to_simplified.get(note.id, lambda s: s),
                lang=meta.lang,
                **_shown_fields(meta, showing, made, held),
            )
        )
    return out


def _shown_fields(
    meta: Any, showing: NoteShowing, made: dict[tuple[Any, ...], tuple[Any, Any]], held: str | None
) -> dict[str, Any]:
    """A Traditional note's, or a note's held in its domain (``held``), ``NoteInfo`` fields (``shown_in`` …).

    One ``shown_in`` for the notes of a script, region and domain.
    """
    if meta.lang != "zh-Hant" and held is None:
        return {}
    key = (meta.lang, meta.region, meta.domain)
    if key not in made:
        other = None if meta.lang == "zh-Hant" else (GENERAL if held == SOFTWARE else SOFTWARE)
        made[key] = (
            showing.shown_in(meta.lang, meta.region, meta.domain),
            showing.shown_in(meta.lang, meta.region, other) if other is not None else None,
        )
    mine, others = made[key]
    fields = {
        "shown_in": mine,
        "shown_other": others,
        "region": meta.region,
        "conversion": showing.conversion_key,
    }
    foreign = held is not None and showing.page_domain(meta.domain) is not None
    return fields | {"sensitive": showing.domain_sensitive, "foreign": foreign}
