"""Words across Zhudu's own inline wrappers: the text pieces that OpenCC must read as one text.

The annotate stage wraps parts of a passage in elements of its own (a glossary term's span, the
no-break wrapper that keeps an editor's note marker with the character before it, a footnote's
number, a theme-passage mark).  Each text node converted alone, a word cut by such a wrapper was
converted in halves: 头|发 read 頭發, not 頭髮, in Taiwan and Hong Kong.  :func:`word_runs` finds
the runs of text pieces that only those wrappers separate; ``Converter.convert_pieces`` converts
each run's joined text once and puts the characters back into the same pieces.

Zhudu's wrappers join the text on their two sides, and the content of a marker or a footnote number is
left out of the run around it (the text before and after it is joined, as the reader reads it).  An
author's inline element that shows its text in the line (strong, em, mark, a link …) joins it too, where a
Han character stands on both sides of its tag: the reader reads **软**件 or 打开[文件](…)夹 as the word,
so OpenCC and the regional layer see 软件 and 文件夹 (軟體, 資料夾, not 軟件, 檔案夾), and a swap of a piece
alone (列表的**项目**符号: 專案) is not made where the sentence reads another word.  Elsewhere such a tag
still ends the run: beside Latin text or punctuation no word is cut, and a link's URL text must end at
the link (``protected_spans`` would read Han after it as the URL's).  Code, a line break, an image, a
quotation's ``<q>`` or a block ends a run: something stands between the two sides.  Zhudu's own
furniture is no author's markup: an element of a ``zd-`` class, a bare ``<span>`` and anything in a
``<template>`` (a theme strip's note title beside its passages' links) keep their texts apart.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from zhudu.script import as_written
from zhudu.script.han import HAN_RE
from zhudu.script.quote_pairing import BLOCK_TAG_RE

if TYPE_CHECKING:
    from zhudu.script.html_tokens import HtmlTokens

__all__ = ["convert_halves", "grouped_run_sides", "split_grouped", "split_joined", "word_runs"]

#: The key of a document's runs in ``HtmlTokens.passage_runs`` (no punctuation pattern is this).
_RUNS_KEY = "\x00word-runs"
#: The start tags of the wrappers that can sit inside a word, as the annotate stage writes them, and the
#: end tag of one that can start with code.
_WRAPPER_STARTS = (
    '<span class="zd-nobr"',
    '<span class="zd-anno"',
    '<span class="zd-gloss"',
    "<zd-g>",
    '<sup id="fnref',
    "</zd-g>",  # a cell's code and the "。" after it (``textmarks.glue_code_closing_in_cells``)
    "<zd-h>",  # a Han run in emphasis (``annotate.emphasis``): 头|发 split by a glossary term inside it
    "</zd-h>",
)
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)")
_CLASS_RE = re.compile(r"""\sclass\s*=\s*["']?([^"'>]*)""")
_ID_RE = re.compile(r"""\sid\s*=\s*["']?fnref""")
#: Elements whose text reads on with the text around them (their content joins the run).
_THROUGH = {"span": ("zd-nobr", "zd-tm", "zd-gloss"), "zd-g": (), "zd-h": ()}
#: Elements whose content is not in the run around them, but whose two sides are joined.
_SKIPPED = {"span": ("zd-anno",)}
#: An author's inline elements that show their text in the line, nothing added between (a span of another
#: class than Zhudu's own ``zd-`` ones too): their tags join Han to Han (``_reads_on``).
_READ_ON = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "big",
        "cite",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "mark",
        "s",
        "small",
    }
    | {"span", "strike", "strong", "time", "u"}
)
_READ_ON_TAG_RE = re.compile(r"</?(?:" + "|".join(sorted(_READ_ON, key=len, reverse=True)) + r")[\s/>]", re.I)
#: The end of a text that a URL, an e-mail address or a handle reaches (``protected_spans``): Han after it
#: would be read as its own.
_TOKEN_TAIL_RE = re.compile(r"(?:://|@)[^\s<>\"'()\[\]\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]*\Z")
_VOID = frozenset({"br", "img", "wbr", "hr", "input", "area", "embed", "source", "track", "col"})


def word_runs(tokens: HtmlTokens) -> list[list[int]]:
    """The runs of two or more text pieces (indices into ``tokens.pieces``) joined across wrappers.

    Worked out only around the wrappers (from the block before each to the block after it), once per
    document for every variant (kept on ``tokens``).
    """
    runs = tokens.passage_runs.get(_RUNS_KEY)
    if runs is not None:
        return runs
    pieces, n = tokens.pieces, len(tokens.pieces)
    # A run holds a text piece right before or after a wrapper's start tag (or, where the wrapper starts
    # with a tag, the attribute value it is cut around; where it starts with code, a piece before its end
    # tag): a look at each converted piece's neighbours finds them, without reading the page's markup
    # (most of its pieces) again.  A span.zd-nobr that starts with a formula holds only closing marks
    # after it, which read the same joined or not.
    # An author's element counts only where Han stands on both sides of its tags (``_reads_on``): not a
    # menu's or a list's links, most of a page's.
    near = [
        i
        for i in tokens.todo_idx
        if (i + 1 < n and pieces[i + 1].startswith(_WRAPPER_STARTS))
        or (i and pieces[i - 1].startswith(_WRAPPER_STARTS))
        or (i + 1 < n and HAN_RE.match(pieces[i][-1:]) and _han_after_tags(pieces, i + 1))
    ]
    runs = []
    if near:
        text = frozenset(tokens.todo_idx)
        templates = _template_spans(pieces)
        done = -1  # the last piece already scanned
        for at in near:
            if at > done:
                start = _block_start(pieces, at)
                done = _scan_block(pieces, text, start, runs, _inside(templates, start))
    tokens.passage_runs[_RUNS_KEY] = runs
    return runs


def grouped_run_sides(tokens: HtmlTokens, pieces: Sequence[str]) -> dict[int, tuple[str, str]]:
    """The text before and after each converted piece (``pieces``) in a run of ``tokens`` holding a group.

    A rewritten word's sentence (``as_written.resolve``) goes on across the author's inline markup, as the
    page reads it: 寫**程式**很好 reads its group as 寫程式很好 does, as the title of the same words does.
    """
    sides: dict[int, tuple[str, str]] = {}
    for run in word_runs(tokens):
        texts = [pieces[i] for i in run]
        if any(map(as_written.has_groups, texts)):
            for k, i in enumerate(run):
                sides[i] = ("".join(texts[:k]), "".join(texts[k + 1 :]))
    return sides


def _template_spans(pieces: Sequence[str]) -> list[tuple[int, int]]:
    """The (start, end) piece indices of each ``<template>``.

    What Zhudu writes there (a theme strip's other notes, titles and passages side by side) is no author's sentence.
    """
    spans, opened = [], -1
    for i, piece in enumerate(pieces):
        if piece[:9].lower() == "<template":
            opened = i
        elif piece[:10].lower() == "</template" and opened >= 0:
            spans.append((opened, i))
            opened = -1
    return spans


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    found = bisect.bisect_right(spans, at, key=lambda span: span[0]) - 1
    return found >= 0 and spans[found][0] < at < spans[found][1]


def _han_after_tags(pieces: Sequence[str], at: int) -> bool:
    """Whether ``pieces[at]`` is an author's tag (``_READ_ON``) and, after it and any more of them, Han follows."""
    start = at
    while at < len(pieces) and _READ_ON_TAG_RE.match(pieces[at]):
        at += 1
    return at > start and at < len(pieces) and HAN_RE.match(pieces[at][:1]) is not None


def _is_block(piece: str) -> bool:
    return piece.startswith("<") and BLOCK_TAG_RE.match(piece) is not None


def _block_start(pieces: Sequence[str], at: int) -> int:
    """The piece after the block tag before ``at`` (0 when there is none)."""
    while at > 0 and not _is_block(pieces[at - 1]):
        at -= 1
    return at


def _reads_on(before: str, after: str) -> bool:
    """Whether text ``before`` an author's tag and ``after`` it are one run: Han on both sides, no URL before."""
    return (
        HAN_RE.match(before[-1:]) is not None
        and HAN_RE.match(after[:1]) is not None
        and _TOKEN_TAIL_RE.search(before) is None
    )


def _kind(tag: str, name: str) -> str:
    """How text reads through a start tag: ``"through"``, ``"skipped"``, ``"author"`` or ``"apart"``."""
    for kind, table in (("through", _THROUGH), ("skipped", _SKIPPED)):
        classes = table.get(name)
        if classes is None:
            continue
        if not classes:
            return kind
        found = _CLASS_RE.search(tag)
        if found is not None and found.group(1) in classes:
            return kind
    if name == "sup" and _ID_RE.search(tag):
        return "skipped"  # a footnote's number
    if name in _READ_ON:
        # Zhudu's own elements (a ``zd-`` class; a bare ``<span>``, which no author's Markdown writes) are not
        # the author's: a theme strip's note title beside its passage link reads as two texts.
        found = _CLASS_RE.search(tag)
        zhudus = found is not None and any(c.startswith("zd-") for c in found.group(1).split())
        return "apart" if zhudus or tag.lower() == "<span>" else "author"
    return "apart"


def _scan_block(
    pieces: Sequence[str], text: frozenset[int], start: int, runs: list[list[int]], furniture: bool = False
) -> int:
    """Add the runs of the block from ``start`` to ``runs``; return the index of its last piece.

    ``furniture``: the block is in a ``<template>`` (``_template_spans``): an author's element parts words there.
    """
    run: list[int] = []
    # (name, kind, the run outside a skipped one, whether an author's tag came after that run's last piece)
    open_elements: list[tuple[str, str, list[int], bool]] = []
    author_tag = False  # an author's tag since the run's last piece: the next piece joins only ``_reads_on``

    def flush() -> None:
        if len(run) > 1:
            runs.append(list(run))
        run.clear()

    i, n = start, len(pieces)
    while i < n:
        piece = pieces[i]
        if i in text:
            if author_tag and run and not _reads_on(pieces[run[-1]], piece):
                flush()
            author_tag = False
            run.append(i)
        elif not piece.startswith("<"):
            flush()  # text not converted (digits, spaces …): the word ends here
        elif _is_block(piece):
            break
        elif piece == "<":
            flush()  # a lone "<" is text, not converted
        else:
            tag_end = i
            while tag_end + 1 < n and (tag_end in text or not pieces[tag_end].endswith(">")):
                tag_end += 1  # a start tag cut around attribute values to convert
            tag = "".join(pieces[i : tag_end + 1])
            i = tag_end
            found = _TAG_RE.match(tag)
            if found is None:  # a comment, a declaration, a lone "<"
                flush()
            elif found.group(1):  # an end tag
                name = found.group(2).lower()
                if not open_elements or open_elements[-1][0] != name:
                    flush()
                    open_elements.clear()
                else:
                    _, kind, outside, after_author = open_elements.pop()
                    if kind == "skipped":
                        flush()
                        run.extend(outside)
                        author_tag = after_author
                    elif kind == "apart":
                        flush()
                    elif kind == "author":
                        author_tag = True
            else:
                name = found.group(2).lower()
                kind = _kind(tag, name)
                if kind == "author" and furniture:
                    kind = "apart"
                if kind == "apart":
                    flush()
                if name in _VOID or tag.rstrip(">").rstrip().endswith("/"):
                    i += 1
                    continue
                outside: list[int] = []
                if kind == "skipped":
                    outside = list(run)
                    run.clear()
                open_elements.append((name, kind, outside, author_tag))
                if kind == "skipped":
                    author_tag = False
                elif kind == "author":
                    author_tag = True
        i += 1
    flush()
    return i


def split_joined(parts: Sequence[str], joined_out: str) -> list[str] | None:
    """``joined_out`` cut into one text per part, where ``"".join(parts)`` would be cut.

    ``joined_out`` is the conversion of a run's text; ``parts`` are the run's pieces (their sources,
    or their outputs converted alone).  Cut where the parts end, each text must differ from its part
    only in Han characters, one for one: conversion changes nothing else (ASCII, spaces,
    punctuation), so a cut in the wrong place shows.  ``None`` when lengths differ (a phrase such
    as 内存 → 記憶體: where the cut falls is unknown) or a cut is wrong.
    """
    if len(joined_out) != sum(map(len, parts)):
        return None
    # Every Han character masked, one for one: what is left must be the same, in the same places.
    if HAN_RE.sub("\x01", "".join(parts)) != HAN_RE.sub("\x01", joined_out):
        return None
    cuts = list(itertools.accumulate(map(len, parts), initial=0))
    return [joined_out[start:end] for start, end in itertools.pairwise(cuts)]


def split_grouped(parts: Sequence[str], joined_out: str) -> list[str] | None:
    """``split_joined`` for a run whose output holds ``as_written`` groups (a Traditional note's fold).

    The fold keeps the author's words as groups (``as_written.as_typed``: 項目, which Taiwan's page would write
    專案); joined, a group can cover a cut (項|目 across **bold** or a marker).  Each such group is cut there too,
    into one group per piece (its output and the author's word, one for one), so each piece keeps its part of
    the author's text: cut back into the pieces' own conversions instead, the page would join 项|目 again and
    write 專案.  ``None`` where the rule's words do not cut back (``split_joined``) or a group across a cut
    is not one for one (a character reference in it, or a rule's word of another length).
    """
    shown = as_written.rule_words(joined_out)
    if split_joined(parts, shown) is None:
        return None
    cuts = set(itertools.accumulate(map(len, parts[:-1])))
    outs: list[str] = []
    piece: list[str] = []
    at = 0  # the position in ``shown``
    done = 0  # the position in ``joined_out``

    def cut() -> None:
        outs.append("".join(piece))
        piece.clear()

    for m in itertools.chain(as_written.GROUP_RE.finditer(joined_out), [None]):
        end = m.start() if m is not None else len(joined_out)
        for char in joined_out[done:end]:
            if at in cuts:
                cut()
            piece.append(char)
            at += 1
        if m is None:
            break
        out, written, codes = m[1], m[2], m[3].split(",")
        inner = [k for k in range(1, len(out)) if at + k in cuts]
        if inner and (len(out) != len(written) or "&" in out or "&" in written):
            return None
        if at in cuts:
            cut()
        start = 0
        for k in [*inner, len(out)]:
            part, typed = out[start:k], written[start:k]
            # A part with no Han character (a comma after code) reads the same everywhere: no group for it.
            piece.append(as_written.group(part, typed, codes) if not inner or HAN_RE.search(typed) else part)
            if k < len(out):
                cut()
            start = k
        at += len(out)
        done = m.end()
    cut()
    return outs if len(outs) == len(parts) else None


def convert_halves(
    texts: Sequence[str], alone: list[str], convert_joined: Callable[[Sequence[str]], str]
) -> list[str]:
    """A run that could not be cut back whole (``split_joined``), converted in halves (each joined, if it can be).

    So the one place that cannot be joined (内|存 → 記憶體 across a wrapper) keeps its pieces' own conversions
    (``alone``), and the rest of the run is still joined (``convert_joined``: the joined text of some pieces).
    """
    if len(texts) < 2:
        return alone
    mid = len(texts) // 2
    outs = []
    for part, part_alone in ((texts[:mid], alone[:mid]), (texts[mid:], alone[mid:])):
        split = None
        if len(part) > 1:
            out = convert_joined(part)
            split = split_joined(part, out) or split_joined(part_alone, out)
        outs += split if split is not None else convert_halves(part, part_alone, convert_joined)
    return outs
