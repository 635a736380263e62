"""The theme pages' views: a theme's notes in columns with their passages marked, and the overview.

What ``theme.html`` and ``themes.html`` render (``ThemeBuild.theme_context``), made from the matched
index (``theme_index``) once every note is rendered.  Pure module: the index, the notes' display
values and the page's URL in, plain dicts out; the marked passages' HTML comes from
``overrides/partials/zd-themes-marks.html``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from zhudu import fragments
from zhudu.annotate import code_glue
from zhudu.annotate.passages import join_code
from zhudu.annotate.quoted_script import LANG_MARKER, is_traditional
from zhudu.notes import mathml
from zhudu.publish import pagination
from zhudu.themes.graph import graph_layout
from zhudu.themes.shown_cuts import cut_as_shown, rule_pieces
from zhudu.themes.theme_index import ThemeIndex, passage_counts
from zhudu.themes.theme_map import fold
from zhudu.themes.urls import THEMES_URL, rel_url, theme_url

if TYPE_CHECKING:
    from zhudu.themes.render import NoteInfo


def marked_segments(
    text: str, spans: Sequence[tuple[int, int]], folded_length: int = -1
) -> list[tuple[str, bool]]:
    """Split ``text`` into (segment, is_match) pieces; spans are positions in the folded text.

    Folding keeps the length of almost every text; when it does not, the spans
    could point at the wrong characters, so the text is shown unmarked.  ``folded_length``
    is that length when the caller knows it (matching folded the text already).
    """
    if folded_length < 0 and spans:
        folded_length = len(fold(text))
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


def _kinds(segments: Sequence[tuple[str, bool]]) -> list[tuple[str, str]]:
    return [(text, "mark" if matched else "") for text, matched in segments]


def segments_html(segments: Sequence[tuple[Any, str]]) -> str:
    """Escaped HTML of segments (text, kind): kind "" (text), "mark" (matched), "code", "math" (MathML), "rule".

    "rule" or "mark-rule": a Traditional note's words in every variant, text (the default variant's, the rule)
    (``_as_shown``).  A code's Han–symbol joints are held together as in its note (``code_glue``): a theme's columns are
    narrow, and ``文件>设置`` broke at its ``>`` there.
    """
    shown = [
        (code_glue.code_pieces(text), kind) if kind == "code" else (text, kind) for text, kind in segments
    ]
    return fragments.render("zd-themes-marks.html", "marked", segments=shown)


def _typeset(tex: str) -> tuple[str, str]:
    r"""A formula of a quote, typeset as in its note (``("<math …>", "math")``), or its TeX as code.

    The MathML's text is then converted into each variant like the words around it (``\text{时间}`` is
    時間 in Taiwan), its TeX kept as written in ``alttext``: shown as code, the TeX stayed Simplified there.
    """
    try:
        return mathml.typeset(tex, block=False)[0], "math"
    except mathml.MathError:  # typeset in its note, so not expected: its TeX as written
        return tex, "code"


def _as_shown(segments: Sequence[tuple[str, str]], note: NoteInfo) -> list[tuple[Any, str]]:
    """A Traditional note's marked segments (``join_code``'s, as typed) as each variant's page shows them.

    Each run of words between code and formulas is written into every variant whole (``note.shown_in``), and cut
    where its marks' edges fall there (``shown_cuts``); a piece of it is a ``span.zd-conv`` holding each variant's
    text (kind "rule" or "mark-rule", its text (the default variant's, the rule)).  Code as typed; a formula
    typeset from its text in the default variant's script, converted with the page as any formula.
    """
    shown_in = note.shown_in or {}
    out: list[tuple[Any, str]] = []
    run: list[tuple[str, str]] = []
    for text, kind in [*segments, ("", "end")]:
        if kind in ("", "mark"):
            if run and run[-1][1] == kind:  # words shown with the text (a character reference's): one piece
                run[-1] = (run[-1][0] + text, kind)
            else:
                run.append((text, kind))
            continue
        if run:
            out += _run_as_shown(run, shown_in)
            run = []
        if kind == "math":
            out.append(_typeset(note.to_simplified(text)))
        elif kind == "code":
            out.append((text, kind))
    return out


def _run_as_shown(
    run: Sequence[tuple[str, str]], shown_in: Mapping[str, Callable[[str], str]]
) -> list[tuple[Any, str]]:
    """A run of words' marked pieces (text, kind) as each variant's page shows them, in rules (``_as_shown``).

    Where a piece's texts are no rule's (``;zh:`` in one), the run is one rule, unmarked: its words as its page's.
    """
    pieces, marked = [t for t, _ in run], [k == "mark" for _, k in run]
    cut = cut_as_shown(pieces, shown_in, marked)
    out: list[tuple[Any, str]] = []
    for i, (_, kind) in enumerate(run):
        written = rule_pieces({code: texts[i] for code, texts in cut.items()})
        if any(rule is None and text.strip() for text, rule in written):
            whole = rule_pieces({code: "".join(texts) for code, texts in cut.items()})
            return [(text, "") if rule is None else ((text, rule), "rule") for text, rule in whole]
        out += [
            (text, kind) if rule is None else ((text, rule), f"{kind}-rule" if kind else "rule")
            for text, rule in written
        ]
    return out


def theme_view(
    index: ThemeIndex,
    info: Mapping[str, NoteInfo],
    theme_id: str,
    paged: Sequence[Sequence[str]],
    totals: tuple[int, int],
    page_url: str,
    number: int = 1,
) -> dict[str, Any]:
    """One theme: its passages in every note of page ``number``, in columns (a parallel reading).

    ``paged``: the theme's notes, page by page (``ThemeBuild.paged``); ``totals``: its notes and
    passages in all its pages.
    """
    theme = index.theme_by_id[theme_id]
    columns = []
    for note_id in paged[min(max(number, 1), len(paged)) - 1]:
        note = info[note_id]
        passages = []
        for hit in index.hits_in(theme_id, note_id):
            passage = index.passage_by_key[(note_id, hit.anchor)]
            quote = passage.quote  # without its footnotes' numbers
            raw = quote.text
            spans = [(passage.in_quote(start), passage.in_quote(end)) for start, end in hit.spans]
            lang = None
            if note.holds(raw, on_site_page=True):
                # A Traditional note's: marked as typed (matching folded it, one character for one), then each run
                # of words written into each variant as its page shows it, the marks' edges found there.
                folded_length = hit.folded_length if raw == passage.text else -1
                marked = join_code(_kinds(marked_segments(raw, spans, folded_length)), quote.code)
                segments = _as_shown(marked, note)
            else:
                text = note.to_simplified(raw)
                # Matching folded this very text, unless a footnote's number was taken out of it.
                folded_length = hit.folded_length if text == passage.text else -1
                # The inline code the text leaves out goes back in place, as written (not converted); what
                # reads as words (an image's alternative text, a formula's text) in the page's script, as the words.
                code = [
                    c if c.kind == "code" else c._replace(text=note.to_simplified(c.text)) for c in quote.code
                ]
                segments = (
                    join_code(_kinds(marked_segments(text, spans, folded_length)), code)
                    if len(text) == len(raw)
                    else [(t if k else note.to_simplified(t), k) for t, k in join_code([(raw, "")], code)]
                )
                segments = [_typeset(t) if k == "math" else (t, k) for t, k in segments]
                # A Simplified note's Traditional quotation: lang as on its page (annotate/quoted_script.py).
                lang = LANG_MARKER if note.lang == "zh-Hans" and is_traditional(text) else None
            passages.append(
                {
                    "anchor": hit.anchor,
                    "href": rel_url(page_url, f"{note.url}#{hit.anchor}"),
                    "html": segments_html(segments),
                    "pinned": hit.pinned,
                    "lang": lang,
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
        "note_count": totals[0],
        "passage_count": totals[1],
        "number": number,
        "page_count": len(paged),
        "pages": pager,
        "page_hrefs": {k: rel_url(page_url, theme_url(theme_id, k)) for k in pager if k},
        "others": others,
        "overview_href": rel_url(page_url, f"{THEMES_URL}/"),
    }


def overview(
    index: ThemeIndex,
    all_notes: Sequence[NoteInfo],
    page_url: str,
    limit: int,
    note_url_in_theme: Callable[[str, str], str],
) -> dict[str, Any]:
    """The themes index: the list, the note × theme matrix and the graph (of the ``limit`` strongest notes).

    ``note_url_in_theme``: (theme id, note id) → where the theme's pages show the note's column.
    """
    counts = passage_counts(index)
    themed = [n for n in all_notes if any(n.id in per for per in counts.values())]
    notes = strongest_notes(counts, themed, limit)
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
                        note_url_in_theme(theme.id, note.id) if n else theme_url(theme.id),
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

    ``counts`` is ``theme_index.passage_counts``: theme id → note id → passages.
    """
    if len(notes) <= limit:
        return list(notes)

    def strength(i: int) -> tuple[int, int, int]:
        per_theme = [per[notes[i].id] for per in counts.values() if notes[i].id in per]
        return (-len(per_theme), -sum(per_theme), i)

    return [notes[i] for i in sorted(sorted(range(len(notes)), key=strength)[:limit])]
