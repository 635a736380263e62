"""A table ends where CommonMark's tools end it: at a line opening another block right under its rows.

Obsidian, Typora, Hexo's marked and markdown-it, Hugo's goldmark (GFM tables) end a table at a line that starts
a list item, a quote, a heading, a thematic break, a code fence or an HTML block: a table then ``- 甲`` on the
next line is a table and a list.  Python-Markdown's ``tables`` read every line of the block as a row: the reader
saw a last row 「- 甲」 (a line of plain text stays a row in both, as GFM reads it).  Here, in Python-Markdown's
own block parse (so never inside a fence, indented code or a raw HTML block, and the same in a list item, a quote
or a box), a block the ``table`` processor reads as a table is split at the first such line: the table above it,
and the rest a block of its own.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.util import HTML_PLACEHOLDER

#: A line starting a block that ends a table (GFM, as markdown-it reads it): any list item (an empty one and
#: a number past 1 too), a quote, an ATX heading, a thematic break, a code fence, an HTML block's start.
#: A fence has been stored away before the block parse (superfences): it is a line that is only
#: Python-Markdown's placeholder for it, which stays as it is (the code is put back whole later).
_ENDING_LINE_RE = re.compile(
    r"""\n[ ]{0,3}(?:(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)|>|\#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|"""
    + HTML_PLACEHOLDER % r"\d+"
    + r"""[ \t]*$
        |(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$
        |<(?:!--|/?(?:address|article|aside|blockquote|center|details|div|dl|figure|footer|h[1-6]|header|hr|main
                     |nav|ol|p|pre|script|section|style|summary|table|ul)(?:[ \t/>]|$)))""",
    re.MULTILINE | re.VERBOSE | re.IGNORECASE,
)


class _TableEnds(BlockProcessor):
    """Splits a table's block where a line under its rows opens another block."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return self._end(parent, block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        at = self._end(parent, block)
        assert at is not None  # test() found it
        blocks[:0] = [block[:at], block[at + 1 :]]

    def _end(self, parent: etree.Element, block: str) -> int | None:
        """Where (the line break before) the line ending the block's table is; None: no table, or no such line."""
        second = block.find("\n")
        third = block.find("\n", second + 1) if second >= 0 else -1
        if third < 0 or "table" not in self.parser.blockprocessors:
            return None
        table = self.parser.blockprocessors["table"]
        if not table.test(parent, block[:third]):  # the header and its separator: read as a table's
            return None
        m = _ENDING_LINE_RE.search(block, third)
        return m.start() if m and table.test(parent, block[: m.start()]) else None


class TableEndsExtension(Extension):
    """Adds the split before Python-Markdown's ``table`` (75)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(_TableEnds(md.parser), "zd-table-ends", 76)
