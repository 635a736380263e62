r"""A paragraph ends where CommonMark ends it: at a list or a heading right under its line.

Obsidian, Typora, Hexo's marked and markdown-it, Hugo's goldmark and Jekyll's kramdown (CommonMark, so every tool
the notes come from) start a list right under a paragraph's line: ``说明如下：`` then ``- 甲`` / ``- 乙`` is a
paragraph and a list, a bullet list always, a numbered one when it starts at 1 (``1.``, ``1)``; ``2.`` there is
the paragraph's text, a hard-wrapped line).  Python-Markdown starts a list only after a blank line: the reader saw
「说明如下： - 甲 - 乙」 run together.  And a heading written one to three spaces in is a heading in CommonMark; in a
list item's text (``- 甲`` then ``  ## 小结``) it is the item's.  Python-Markdown reads a heading only at the
line's start: it was the item's text, ``## 小结`` and all.

Both are read here, in Python-Markdown's own block parse, so whatever it already shows as written (a fence, an
indented code block, a raw HTML block, a table) never reaches them, and a quote, a box, a footnote or a list item
is read the same way inside.  Not split: an empty item (``-`` alone), a thematic break (``- - -``), ``-1`` or
``*强调*`` (no space after the marker), a line inside a display formula or an HTML comment opened above it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor, HashHeaderProcessor

#: A list item that may start right under a paragraph's line (CommonMark): a bullet, or a number 1, then spaces
#: and text.  Python-Markdown has turned tabs into spaces by now.
_INTERRUPTING_ITEM_RE = re.compile(r"\n[ ]{0,3}(?:[*+-]|0{0,8}1[.)])[ ]+\S")
#: Any list item's line (an indented heading below one is that item's: its list reads it).
_ITEM_LINE_RE = re.compile(r"(?:^|\n)[ ]{0,3}(?:[*+-]|\d{1,9}[.)])(?:[ ]|$)", re.MULTILINE)
#: A thematic break (``- - -``, ``*  *  *``): no item.
_BREAK_RE = re.compile(r"[ ]{0,3}([-*_])(?:[ ]*\1){2,}[ ]*$")
#: A line that may be a heading: a ``#`` at its start (Python-Markdown's, when its ``RE`` reads it there), or one
#: written one to three spaces in (``#`` then a space, or nothing): ``lead``, the spaces up to the ``#``.
_HEADING_LINE_RE = re.compile(r"(?:^|\n)(?:(?P<lead>[ ]{1,3})#{1,6}(?:[ ]|\n|$)|#)")
#: What leaves the lines after it shown as written until it closes: a display formula, an HTML comment.
_OPENINGS = ((r"$$", r"$$"), (r"\[", r"\]"), (r"\begin{", r"\end{"), ("<!--", "-->"))


class _Openings:
    """How many formulas and HTML comments a block's text leaves open, read on from where the last question ended.

    Read once, front to back: a block of many candidates under an open ``$$`` costs no more than its length.
    """

    def __init__(self, block: str) -> None:
        self.block, self.read, self.counts = block, 0, [0] * len(_OPENINGS)

    def open_before(self, at: int) -> bool:
        """Whether the block's text before ``at`` (no earlier than the last ``at`` asked) leaves one open."""
        text, self.read = self.block[self.read : at], at
        for k, (opening, closing) in enumerate(_OPENINGS):
            if opening == closing:
                self.counts[k] = (self.counts[k] + text.count(opening)) % 2
            else:
                self.counts[k] += text.count(opening) - text.count(closing)
        return any(count > 0 for count in self.counts)


class _ListUnderParagraph(BlockProcessor):
    """Splits a paragraph's block where a list starts right under one of its lines."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return self._start(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        at = self._start(block)
        assert at is not None  # test() found it
        self.parser.parseBlocks(parent, [block[:at]])
        blocks.insert(0, block[at + 1 :])

    @staticmethod
    def _start(block: str) -> int | None:
        """Where (the line break before) the first list right under the block's paragraph starts; None: none."""
        openings = _Openings(block)
        for m in _INTERRUPTING_ITEM_RE.finditer(block):
            line_end = block.find("\n", m.end())
            line = block[m.start() + 1 : line_end if line_end >= 0 else len(block)]
            if not openings.open_before(m.start()) and not _BREAK_RE.match(line):
                return m.start()
        return None


class _IndentedHeadings(HashHeaderProcessor):
    """Python-Markdown's ATX headings, and a heading one to three spaces in (CommonMark's) where no list item is above it.

    Below a list item's line the item's list reads the block first: the heading is found in the item's text.
    Each question reads the block's lines only up to its first heading of either kind: a block splits at every
    heading, and reading the whole rest each time was quadratic (2,000 headings in 114 KB: 1.9 s; 20,000 indented
    ones: 41 s).
    """

    def test(self, parent: etree.Element, block: str) -> bool:
        first = _first_heading_line(block)
        if first is None:
            return False
        if not first["lead"]:
            return True  # Python-Markdown's heading at the line's start
        return self._indented(block) is not None or self.RE.search(block, first.start("lead")) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        if m := self._indented(blocks[0]):
            block = blocks.pop(0)
            if (
                m.start("lead") > 0
            ):  # the lines above, then the heading at the line's start (as Python-Markdown reads it)
                self.parser.parseBlocks(parent, [block[: m.start("lead") - 1]])
            blocks.insert(0, block[m.end("lead") :])
        super().run(parent, blocks)

    def _indented(self, block: str) -> re.Match[str] | None:
        """The first indented heading of ``block``, if no heading at a line's start and no list item is above it."""
        m = _first_heading_line(block)
        if m is None or not m["lead"]:
            return None
        above = block[: m.start("lead")]
        if _ITEM_LINE_RE.search(above) or _Openings(above).open_before(len(above)):
            return None
        return m


def _first_heading_line(block: str) -> re.Match[str] | None:
    """The block's first heading line, as Python-Markdown reads one (``lead`` empty) or one to three spaces in."""
    for m in _HEADING_LINE_RE.finditer(block):
        if m["lead"] or HashHeaderProcessor.RE.match(block, m.start()):
            return m
    return None


class ParagraphEndsExtension(Extension):
    """Replaces Python-Markdown's ``hashheader`` (70) and adds the list split before its paragraphs (10)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(_IndentedHeadings(md.parser), "hashheader", 70)
        md.parser.blockprocessors.register(_ListUnderParagraph(md.parser), "zd-list-under-paragraph", 12)
