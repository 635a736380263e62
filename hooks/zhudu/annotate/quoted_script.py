"""``lang`` on the Traditional words a Simplified note quotes (a sentence from a Taiwan or Hong Kong source).

The site converts a note across scripts, never within one: a Simplified note's zh-Hans page is its text
as written, so a quotation the author kept in Traditional stays as quoted there (what the source said,
as an editor reproduces it), while the Traditional variants convert the whole page and a Traditional
note's zh-Hans page is all Simplified (its Simplified quotations never stand in a Traditional page).
The one place two scripts meet is therefore this: Traditional words on a zh-Hans page, which the page's
``lang`` would draw with Simplified glyph forms (and read with a mainland voice).  They get
``lang="zh-Hant"`` there; in a Traditional variant, where the page was converted, the page's own code
(an interface-string marker ``variants.localise`` fills per variant: ``LANG_KEY``).

Only characters of one script decide (a shared character says nothing): a stretch of text between
punctuation is Traditional when it holds two or more distinct characters OpenCC's t2s would change and
no character only Simplified writes (``SHARED`` lists those Traditional text writes too: 台灣, 皇后).
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from zhudu.annotate.passages import iter_passages
from zhudu.script.copy_folds import WRITTEN_ATTR, is_marked
from zhudu.script.variant_configs import opencc_converter
from zhudu.script.variants import MARK_CLOSE, MARK_OPEN

__all__ = [
    "LANG_KEY",
    "LANG_MARKER",
    "QuotedScriptExtension",
    "is_traditional",
    "lang_value",
    "traditional_spans",
]

# --------------------------------------------------------------------------- Data

#: The interface-string key whose value is the ``lang`` of Traditional words on a Simplified note.
LANG_KEY = "zd.quoted_hant_lang"
#: What a ``lang`` attribute holds until the page is written in a variant (``variants.localise``).
LANG_MARKER = f"{MARK_OPEN}{LANG_KEY}{MARK_CLOSE}"
#: Characters OpenCC's s2t changes that standard Traditional text writes as they are (台灣, 皇后, 公里,
#: 干擾, surnames 于 余 范 游 岳): they do not make a stretch Simplified.
SHARED = frozenset("台后里干于余范冲丑采游云占咸杰吁岳斗准征夸划伙叶")
#: Where a stretch ends: sentence and clause marks, quotation marks and brackets, line ends.
_BREAK_RE = re.compile(r"[。！？；：，、「」『』《》〈〉（）“”‘’()\[\]!?;:,\n]+|\x02[^\x03]*\x03")
_HAN_RE = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
#: Kana: a stretch with them is Japanese (日本語を勉強する), whose kanji are often Traditional-only characters.
_KANA_RE = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
#: A stretch's span ends after its last Han character and the sentence mark right after it.
_TAIL_RE = re.compile(r"[。！？]?")
#: Running text that is no passage (``iter_passages``): headings; in a collapsible box (``details``, which
#: passages skip), its title and blocks.  A block inside another is read again: its marks hold (``lang``).
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BOX_BLOCKS = frozenset({"summary", "p", "li", "td", "th", "dt", "dd"})
#: Elements whose text is not running text (code, a formula, a keyboard key) or not converted.
_OPAQUE_TAGS = frozenset({"code", "pre", "kbd", "samp", "script", "style", "math", "svg"})


def lang_value(script: str, code: str) -> str:
    """What a variant fills ``LANG_KEY`` with: zh-Hant on a Simplified page, else the page's own code."""
    return "zh-Hant" if script == "Hans" else code


# --------------------------------------------------------------------------- Reading characters


@dataclass(frozen=True)
class _OneScript:
    """The characters only one script writes."""

    traditional: frozenset[str]  # t2s changes them
    simplified: frozenset[str]  # s2t changes them, t2s does not, and they are not ``SHARED``


@functools.cache
def _one_script() -> _OneScript:
    """Read off OpenCC once: every BMP Han character converted alone (one per line: no phrase spans two)."""
    han = [chr(c) for c in (*range(0x3400, 0xA000), *range(0xF900, 0xFB00))]
    joined = "\n".join(han)
    as_simplified = opencc_converter("t2s").convert(joined).split("\n")
    as_traditional = opencc_converter("s2t").convert(joined).split("\n")
    traditional = frozenset(c for c, s in zip(han, as_simplified, strict=True) if s != c)
    simplified = frozenset(
        c
        for c, t in zip(han, as_traditional, strict=True)
        if t != c and c not in traditional and c not in SHARED
    )
    return _OneScript(traditional, simplified)


def traditional_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each stretch of ``text`` written in Traditional, neighbours merged.

    A stretch runs between punctuation (``_BREAK_RE``): one with a Simplified-only character is
    Simplified, one with kana Japanese (both end a span); one with two or more distinct Traditional-only
    characters and no Simplified-only one is Traditional; the rest say nothing, and join the Traditional stretches on both sides of them
    (「網路，好的，資訊」 is one span), never one on a side alone.  A span runs from its first Han character
    to its last, and the full stop after it.
    """
    spans: list[tuple[int, int]] = []
    one_script = _one_script()
    if one_script.traditional.isdisjoint(text):  # most text: one C-speed pass, nothing to read further
        return spans
    run: tuple[int, int] | None = None  # the current span, while no Simplified stretch ends it
    for start, stop in _stretches(text):
        stretch = text[start:stop]
        if not one_script.simplified.isdisjoint(stretch) or _KANA_RE.search(stretch):
            if run is not None:
                spans.append(run)
            run = None
        elif len(one_script.traditional.intersection(stretch)) >= 2:
            han = [i for i, c in enumerate(stretch) if _HAN_RE.match(c)]
            end = start + han[-1] + 1
            end += len(_TAIL_RE.match(text, end).group())  # type: ignore[union-attr]
            run = (run[0] if run is not None else start + han[0], end)
    if run is not None:
        spans.append(run)
    return spans


def _stretches(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the text between punctuation, Markdown's stash placeholders left out as breaks."""
    start = 0
    for mark in _BREAK_RE.finditer(text):
        if mark.start() > start:
            yield start, mark.start()
        start = mark.end()
    if start < len(text):
        yield start, len(text)


# --------------------------------------------------------------------------- The tree


def _text_slots(element: etree.Element) -> Iterator[tuple[etree.Element, str, etree.Element | None]]:
    """Each text node of ``element`` in reading order: (its element, "text" or "tail", the tail's parent)."""
    yield element, "text", None
    for child in element:
        if child.tag not in _OPAQUE_TAGS and child.get("translate") != "no" and not child.get("lang"):
            yield from _text_slots(child)
        yield child, "tail", element


def _wrap(node: etree.Element, slot: str, parent: etree.Element | None, cuts: list[tuple[int, int]]) -> None:
    """Wrap the ``cuts`` of one text node in ``<span lang>`` elements, in place."""
    text = getattr(node, slot) or ""
    spans: list[etree.Element] = []
    for i, (start, end) in enumerate(cuts):
        span = etree.Element("span", {"lang": LANG_MARKER})
        span.text = text[start:end]
        span.tail = text[end : cuts[i + 1][0]] if i + 1 < len(cuts) else text[end:]
        spans.append(span)
    setattr(node, slot, text[: cuts[0][0]])
    if slot == "text":
        for i, span in enumerate(spans):
            node.insert(i, span)
    else:
        assert parent is not None
        at = list(parent).index(node) + 1
        for i, span in enumerate(spans):
            parent.insert(at + i, span)


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in Traditional as a whole: one span (``traditional_spans``) holds all its Han."""
    spans = traditional_spans(text)
    han = [m.start() for m in _HAN_RE.finditer(text)]
    return len(spans) == 1 and spans[0][0] <= han[0] and spans[0][1] > han[-1]


def mark_passage(element: etree.Element) -> None:
    """``lang`` on a passage in Traditional, or on each Traditional stretch of one that is not."""
    slots = list(_text_slots(element))
    texts = [getattr(node, slot) or "" for node, slot, _ in slots]
    whole = "".join(texts)
    spans = traditional_spans(whole)
    if not spans:
        return
    if is_traditional(whole):
        element.set("lang", LANG_MARKER)
        return
    offset = 0
    for (node, slot, parent), text in zip(slots, texts, strict=True):
        cuts = [
            (max(start, offset) - offset, min(end, offset + len(text)) - offset)
            for start, end in spans
            if start < offset + len(text) and end > offset
        ]
        if cuts := [(a, b) for a, b in cuts if _HAN_RE.search(text[a:b])]:
            _wrap(node, slot, parent, cuts)
        offset += len(text)


def _text_blocks(root: etree.Element) -> Iterator[etree.Element]:
    """The passages, then the headings and a collapsible box's blocks (a quotation there is one too)."""
    yield from iter_passages(root)
    yield from (element for element in root.iter() if element.tag in _HEADINGS)
    for box in root.iter("details"):
        yield from (element for element in box.iter() if element.tag in _BOX_BLOCKS)


class QuotedScriptTreeprocessor(Treeprocessor):
    """Marks a Simplified note's Traditional passages and stretches (``mark_passage``)."""

    def __init__(self, md: Markdown, extension: QuotedScriptExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.note_lang != "zh-Hans":
            return
        # An embedded Traditional note's copy is folded into Simplified as its own page is (``copy_folds``).
        folded = {
            id(e)
            for quote in root.iter("blockquote")
            if is_marked(quote.get(WRITTEN_ATTR))
            for e in quote.iter()
        }
        for element in _text_blocks(root):
            # An English passage keeps its lang="en" (language_of).
            if not element.get("lang") and id(element) not in folded:
                mark_passage(element)


class QuotedScriptExtension(Extension):
    """Registers the tree processor; ``note_lang`` is the script of the note rendered next (``begin``)."""

    def __init__(self) -> None:
        super().__init__()
        self.note_lang: str | None = None

    def begin(self, note_lang: str | None) -> None:
        """The page rendered next is a note's in ``note_lang`` ("zh-Hans", "zh-Hant"), or not a note's (None)."""
        self.note_lang = note_lang

    def extendMarkdown(self, md: Markdown) -> None:
        # Last (after the passages' lang="en", 1): the anchors (5) and every mark are in place.
        md.treeprocessors.register(QuotedScriptTreeprocessor(md, self), "zd-quoted-script", 0.5)
