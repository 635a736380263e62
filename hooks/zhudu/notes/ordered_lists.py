"""Numbered lists as CommonMark reads them: ``1)`` items, and the number a list starts at.

CommonMark (so Obsidian, Typora, Hexo's marked and markdown-it, VS Code) numbers an item ``1.`` or ``1)``;
Python-Markdown reads only ``1.``: a ``1)`` list was a paragraph.  And it starts every numbered list at 1
(its ``lazy_ol``): ``1949. 新中国成立`` then ``1978. 改革开放`` under ``- 大事记：`` was drawn 1., 2., the
years lost; CommonMark writes the first number as the list's ``start``.  These two block processors replace
Python-Markdown's own (same names and priorities): an item's number ends with ``.`` or ``)`` (at most nine
digits before ``)``, as CommonMark), and a numbered list starts at its first item's number.  A list also ends
where a line opens an item of the other kind (``- 乙`` then ``3. 丙`` in the item ``- 甲``): CommonMark starts a
list there, at any level, and after a blank line too; Python-Markdown went on with the list above (at the top
level the rewrite tells them apart before, ``list_ends``).  A list right under a paragraph's line:
``paragraph_ends``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import OListProcessor, UListProcessor

#: A numbered item's marker: ``1.`` (any digits, as Python-Markdown) or ``1)`` (CommonMark's nine at most).
_NUMBER = r"\d+\.|\d{1,9}\)"
#: A line opening a numbered item, and one opening a bullet item, as a list's next item (at most three spaces in).
_NUMBERED_ITEM_RE = re.compile(rf"\n[ ]{{0,3}}(?:{_NUMBER})[ ]+")
_BULLET_ITEM_RE = re.compile(r"\n[ ]{0,3}[*+-][ ]+")


def _item_patterns(processor: OListProcessor) -> None:
    """Give ``processor`` the patterns of a list's next items and of its nested ones with ``)`` numbers too."""
    tab = processor.tab_length
    processor.CHILD_RE = re.compile(rf"^[ ]{{0,{tab - 1}}}(({_NUMBER})|[*+-])[ ]+(.*)")
    processor.INDENT_RE = re.compile(rf"^[ ]{{{tab},{tab * 2 - 1}}}(({_NUMBER})|[*+-])[ ]+.*")


def _end_at_other_kind(blocks: list[str], other: re.Pattern[str]) -> None:
    """Cut ``blocks[0]`` where a line opens an item of the ``other`` kind: the rest is the next block (a list of its own)."""
    if m := other.search(blocks[0]):
        blocks[0:1] = [blocks[0][: m.start()], blocks[0][m.start() + 1 :]]


class _NumberedList(OListProcessor):
    LAZY_OL = False  # the list starts at its first number (``start``), as CommonMark
    SIBLING_TAGS = ("ol",)  # a bullet list above, after a blank line, is another list (CommonMark)

    def __init__(self, parser: BlockParser) -> None:
        super().__init__(parser)
        self.RE = re.compile(rf"^[ ]{{0,{self.tab_length - 1}}}(?:{_NUMBER})[ ]+(.*)")
        _item_patterns(self)

    def get_items(self, block: str) -> list[str]:
        items = super().get_items(block)
        self.STARTSWITH = str(int(self.STARTSWITH))  # ``007.`` starts at 7
        return items

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        _end_at_other_kind(blocks, _BULLET_ITEM_RE)
        super().run(parent, blocks)


class _BulletList(UListProcessor):
    SIBLING_TAGS = ("ul",)  # a numbered list above, after a blank line, is another list (CommonMark)

    def __init__(self, parser: BlockParser) -> None:
        super().__init__(parser)
        _item_patterns(self)  # nested ``1)`` items are read as ``1.`` ones

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        _end_at_other_kind(blocks, _NUMBERED_ITEM_RE)
        super().run(parent, blocks)


class OrderedListsExtension(Extension):
    """Replaces Python-Markdown's list processors (``olist`` 40, ``ulist`` 30) with the ones above."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(_NumberedList(md.parser), "olist", 40)
        md.parser.blockprocessors.register(_BulletList(md.parser), "ulist", 30)
