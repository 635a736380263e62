"""The margin markers of a note page: at each passage that carries themes, where else they run.

A marker is a button and the panel it opens.  The panel names the blocks of its themes (each
theme's other notes and their passages expressing it most); the page holds each block once, in a
``<template>`` (:func:`theme_blocks`), and themes.js copies them into a panel when it opens.

The page carries a marker as its themes' ids only (``<span class="zd-tm" data-zd-tm="a b">``):
themes.js draws the button and the panel from them, with the names of the blocks and the words of
the template's strings (converted per variant like any text).  Written out, a marker repeated the
same attributes and words at every themed passage, a sixth of a note page; it does nothing
without a script anyway (the panel's content is copied in by one), so without one none is drawn.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from zhudu import fragments
from zhudu.annotate.passages import Passage, join_code
from zhudu.themes.shown_cuts import rule_pieces
from zhudu.themes.theme_index import ThemeIndex
from zhudu.themes.urls import rel_url, theme_url

if TYPE_CHECKING:
    from zhudu.themes.render import NoteInfo

#: How many passages of another note a margin marker lists per theme: the one expressing the theme
#: most strongly.  The panel shows one line per note; more passages were written into every page and
#: never shown (the theme's name links to its page, which has them all).
MARKER_LIMIT = 1
MARKER_NOTES = 4  # other notes listed per theme in a margin marker; the rest are on the theme page
EXCERPT_CHARS = 26
#: An excerpt's piece's rule for text no page converts (inline code): a ``span.zd-noconv``.
AS_TYPED = ""

_PASSAGE_TAG_RE = re.compile(
    r"""
    <(?P<tag> p | li | blockquote | tr )
     (?P<attrs> \s [^>]* (?: \bdata-zd-passage\b | (?<![\w-])id="p-[0-9a-f]{8}(?:-\d+)?" ) [^>]* )
    >
    """,
    re.VERBOSE,
)
_ID_RE = re.compile(r"""\bid="(?P<id>[^"]+)\"""")


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """A passage's first words (characters, for Chinese), with an ellipsis when cut."""
    text = text.strip()
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def quoted_excerpt(info: NoteInfo, quote: Passage) -> list[tuple[str, str | None]]:
    """A note's passage (``Passage.quote``) as a theme strip quotes it: its first words, as pieces (text, rule).

    As its page shows it: each run of words between inline code converted whole (a Traditional note's as each
    variant's page writes it, ``NoteInfo.shown_in``, a ``span.zd-conv`` of ``shown_cuts.rule_pieces``; another's
    its text, rule None, which each page converts), the code as typed in every variant (rule ``AS_TYPED``: a
    ``span.zd-noconv``, which no page converts).  Converted with the words, ``<你的 GitHub 使用者名稱>`` read
    用户名 on the Simplified page, and 使用 `hexo` 指令 read 使用 hexo 命令, a phrase the page, reading the code
    apart, never sees.
    """
    segments = join_code([(quote.text, "")], quote.code)
    held = info.holds(quote.text)
    converts = info.shown_in if held and info.shown_in else {"": info.to_simplified}
    shown = _cut_short({code: _runs_as_shown(segments, convert) for code, convert in converts.items()})
    pieces: list[tuple[str, str | None]] = []
    for i, (_, is_code) in enumerate(next(iter(shown.values()))):
        values = {code: runs[i][0] for code, runs in shown.items()}
        if is_code:
            if text := next(iter(values.values())):  # the same in every variant (``_cut_short``)
                pieces.append((text, AS_TYPED))
        elif held and not _alike(values):
            pieces += rule_pieces(values)
        elif text := next(iter(values.values())):  # a Simplified note's, or text every variant writes alike
            pieces.append((text, None))
    return pieces


def _alike(values: Mapping[str, str]) -> bool:
    """Whether every variant's text is the same, and ASCII or an ellipsis, which no page's converter changes.

    A rule for it (the ellipsis of every cut excerpt, 795 in one build) would be bytes only.
    """
    first = next(iter(values.values()), "")
    return all(text == first for text in values.values()) and first.replace("…", "").isascii()


def _runs_as_shown(segments: list[tuple[str, str]], convert: Callable[[str], str]) -> list[tuple[str, bool]]:
    """``join_code``'s segments as (text, is code): each run of words between code converted whole, code as typed."""
    out: list[tuple[str, bool]] = []
    run: list[str] = []
    for text, kind in [*segments, ("", "end")]:
        if kind != "code" and kind != "end":
            run.append(text)
            continue
        out.append((convert("".join(run)), False))
        run = []
        if kind == "code":
            out.append((text, True))
    return out


def _cut_short(
    shown: Mapping[str, list[tuple[str, bool]]], limit: int = EXCERPT_CHARS
) -> dict[str, list[tuple[str, bool]]]:
    """Each variant's runs (``_runs_as_shown``) cut as :func:`excerpt` cuts a text, in the same piece in every variant.

    A piece of code reads the same in all, so it is cut once for all: at the shortest of the variants' cuts in it
    (cut where each variant's text alone is cut, a variant whose words a conversion made longer cut it at another
    place: ``_config.ym…`` where another showed ``_config.yml。…``), so a strip keeps its length however long the
    code (a 110-character ``npm install … --registry=…``).  Pieces past the cut are kept, empty.
    """
    trimmed = {code: _trimmed(runs) for code, runs in shown.items()}
    places = {code: _cut_place(runs, limit) for code, runs in trimmed.items()}
    last = min((place[0] for place in places.values() if place is not None), default=None)
    if last is None:
        return trimmed
    in_code = min(place[1] for place in places.values() if place is not None and place[0] == last)
    out = {}
    for code, runs in trimmed.items():
        text, is_code = runs[last]
        place = places[code]
        if is_code:
            text = text[:in_code]
        elif place is not None and place[0] == last:
            text = text[: place[1]]
        cut = [*runs[:last], (text.rstrip(), is_code)]
        out[code] = [*cut, *((("", c) for _, c in runs[last + 1 :])), ("…", False)]
    return out


def _trimmed(runs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """``runs`` without the white space at the ends of their text (as :func:`excerpt` strips a text)."""
    out = list(runs)
    filled = [i for i, (text, _) in enumerate(out) if text.strip()]
    if filled:
        first, last = filled[0], filled[-1]
        out[:first] = [("", c) for _, c in out[:first]]
        out[last + 1 :] = [("", c) for _, c in out[last + 1 :]]
        out[first] = (out[first][0].lstrip(), out[first][1])
        out[last] = (out[last][0].rstrip(), out[last][1])
    return out


def _cut_place(runs: list[tuple[str, bool]], limit: int) -> tuple[int, int] | None:
    """Where ``limit`` characters of ``runs``' text end (piece, offset in it), or None where they hold no more."""
    at = 0
    if sum(len(text) for text, _ in runs) <= limit:
        return None
    for i, (text, _) in enumerate(runs):
        if at + len(text) >= limit:
            return i, limit - at
        at += len(text)
    return None


def block_id(theme_id: str) -> str:
    """The id of a theme's block on a note page."""
    return f"zd-tmb-{theme_id}"


#: The words themes.js draws a marker with, in its order (``STRINGS`` there), one text node apart
#: by "|": the dot's label, the panel's title, the panel's name, the button's name for several
#: themes ({n}: how many) and for one; the themes' names follow the last two.
MARKER_STRINGS = ("主题", "本段的主题", "这个观点在其他笔记中", "本段主题{n}个：", "本段主题：")


def theme_blocks(blocks: Mapping[str, str]) -> str:
    """A note page's theme blocks, each once, in a ``<template>`` (markers' panels show copies of them).

    A panel repeated in full at every marker of the same theme made theme panels two thirds of
    a note's HTML: of its weight on a phone, and of the time to write it in every variant.  A
    template's content is parsed but never styled or laid out, and is not part of the page's DOM.
    The markers' words come first, once (``MARKER_STRINGS``).
    """
    return fragments.render(
        "zd-themes-marks.html",
        "blocks",
        strings="|".join(MARKER_STRINGS),
        blocks=[blocks[k] for k in sorted(blocks)],
    )


@dataclass
class NoteMarkers:
    """The margin markers of one build's note pages (made once the themes are matched)."""

    index: ThemeIndex
    #: Notes by id (``ThemeBuild.info``).
    info: Mapping[str, NoteInfo]
    #: (theme, other note, folder of the page) → that note's part of a theme block (``_theme_block``).
    _other_note_parts: dict[tuple[str, str, str], str] = field(default_factory=dict, repr=False)
    #: (theme, its other notes shown, folder of the page) → the theme's block: most notes of a theme
    #: show the same strongest others, and links from pages of one folder are the same.
    _blocks: dict[tuple[str, tuple[str, ...], str], str] = field(default_factory=dict, repr=False)
    #: A passage's theme ids → its marker (a note's passages repeat a few combinations).
    _markers: dict[str, str] = field(default_factory=dict, repr=False)

    def inject(self, note_id: str, page_url: str, html: str) -> str:
        """A note page's HTML with a marker at each passage that carries themes."""
        index = self.index
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
            r"\x00TD(?P<marker><span class=\"zd-tm\" data-zd-tm=\"[^\"]*\"></span>)\s*(?P<td><td\b[^>]*>)",
            lambda m: m.group("td") + m.group("marker"),
            out,
            flags=re.DOTALL,
        )

    def marker_html(self, note_id: str, anchor: str, page_url: str, blocks: dict[str, str]) -> str:
        """The margin marker of one passage: its themes' ids, which themes.js draws as a button and a panel.

        The panel shows its themes' blocks; ``blocks`` collects them, once each, for the page
        (``theme_blocks``).  What themes.js draws: a button named for what it shows, "主题" and the
        count (WCAG 2.5.3: a control's name contains its visible label), with the themes' names; a
        dot whose label and count are drawn by CSS from data attributes, never text (it would lead
        the passage's text when it is selected, copied, quoted in a link or previewed); no title
        (Material would draw a tooltip over the panel); a panel ``role=group`` labelled "这个观点在其他笔记中".
        """
        hits = self.index.themes_of_passage(note_id, anchor)
        for hit in hits:
            if hit.theme not in blocks:
                blocks[hit.theme] = self._theme_block(hit.theme, note_id, page_url)
        ids = " ".join(hit.theme for hit in hits)  # theme ids are [a-z0-9-] (theme_map.THEME_ID_RE)
        marker = self._markers.get(ids)
        if marker is None:
            marker = self._markers[ids] = fragments.render("zd-themes-marks.html", "marker", ids=ids)
        return marker

    def _theme_block(self, theme_id: str, note_id: str, page_url: str) -> str:
        """One theme's part of a marker panel: the same for every passage of the note it is on."""
        index = self.index
        theme = index.theme_by_id[theme_id]
        # At most MARKER_NOTES other notes per theme (the strongest): listing every note
        # would make each page, and so the build, grow with the square of the corpus.
        others = index.other_notes_of_theme(theme.id, note_id, MARKER_NOTES)[0]
        folder = posixpath.dirname(page_url.rstrip("/"))
        block_key = (theme.id, tuple(others), folder)
        found = self._blocks.get(block_key)
        if found is not None:
            return found
        notes = []
        for other in others:
            # The same few strongest notes appear in almost every note's block, and relative links
            # from one note page to another are the same from every note page: made once each.
            key = (theme.id, other, folder)
            if key not in self._other_note_parts:
                self._other_note_parts[key] = self._other_note_part(theme.id, other, page_url)
            notes.append(self._other_note_parts[key])
        self._blocks[block_key] = found = fragments.render(
            "zd-themes-marks.html",
            "block",
            id=block_id(theme_id),
            name=theme.name,
            href=rel_url(page_url, theme_url(theme.id)),
            notes=notes,
        )
        return found

    def _other_note_part(self, theme_id: str, other: str, page_url: str) -> str:
        """Another note in a theme block: its title and its passage expressing the theme most."""
        index = self.index
        other_info = self.info[other]
        links = []
        for target in index.best_hits_in(theme_id, other, MARKER_LIMIT):
            text = quoted_excerpt(other_info, index.passage_by_key[(other, target.anchor)].quote)
            links.append((rel_url(page_url, f"{other_info.url}#{target.anchor}"), text))
        return fragments.render("zd-themes-marks.html", "other_note", title=other_info.title, links=links)
