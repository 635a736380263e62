"""Where a note box is drawn: at the top, or inside the list item or box whose line is above it.

Obsidian (CommonMark) draws a callout indented under a list item (``- 第一步`` and under it ``  > [!tip] 标题``) inside
that item, and VuePress (markdown-it-container) a ``::: tip`` likewise; a box inside a Material ``!!!``
box is drawn inside it.  Python-Markdown reads an item's or a box's inside only at four columns per
level, after a blank line: the box written at two columns was text, and cut the list in two.  Here each
line of a run learns what holds it (one pass), and a box is written at the columns Python-Markdown
needs (a list nested at its item's text column is written at four columns per level before, by
``list_nesting``).  A box indented four columns past what holds it is code, as CommonMark reads it.  A callout on an
item's own line (``- > [!tip] 标题``) is drawn in the item too.

Any block after a blank line in a list item, at the item's text column, is the item's in CommonMark (``- 甲``
then ``  第二段``, or a fence); Python-Markdown wants four columns: its lines are written deeper
(``shifts``).  And where a list's marker changes kind CommonMark starts a list (``new_lists``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from zhudu.notes.block_tags import FENCE_RE
from zhudu.notes.dialect_markdown import Line, fence_end

#: A line opening a block whose inside is indented: a list item (its marker, then the text's column)
#: or a Material box (``!!!``, ``???``, content tabs ``===``), whose inside is at four more columns.
_HOLDER_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<marker>[-*+]|\d{1,9}[.)])(?P<gap>[ \t]+|$)|(?P<box>!!!|\?\?\?\+?|===)[ \t])"
)
#: A line no block starts at: after a paragraph's line, its lazy continuation (CommonMark).
_LAZY_RE = re.compile(r"^[ \t]{0,3}[^\s#>|<*+=_`~:\[{!\-\d]")
#: A layout element opening a line (an HTML block to Python-Markdown), and any of its start or end tags.
_LAYOUT_OPEN_RE = re.compile(r"^[ ]{0,3}<(?:div|section|details|table)(?=[\s>])", re.IGNORECASE)
_LAYOUT_TAG_RE = re.compile(r"</?(?:div|section|details|table)(?=[\s>])", re.IGNORECASE)
#: A quote's line that leaves no paragraph open in it (empty, a heading, a rule or a Setext underline).
_EMPTIED_RE = re.compile(r"^(?:[ ]{0,3}>[ ]?)++[ \t]*(?:#{1,6}(?:[ \t].*)?|=+|-+|(?:[-*_][ \t]*){3,})?$")
#: A Setext heading's underline; ``rule``: three dashes or more, a thematic break where no paragraph is above.
_UNDERLINE_RE = re.compile(r"^[ ]{0,3}(?:(?P<rule>-{3,})|=+|--)[ \t]*$")
#: An ATX heading's line.
_HEADING_RE = re.compile(r"^[ ]{0,3}#{1,6}(?:[ \t]|$)")
#: A list item's first line (text after the box in an item ends before the next one).
_ITEM_RE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


@dataclass(frozen=True)
class Place:
    """Where a box opening a line is drawn."""

    #: What Python-Markdown needs before each of the box's lines ("" at the run's top).
    indent: str
    #: The columns the author indented the box's lines by (removed from them).
    width: int
    #: The column of the holding item's text (the item's text after the box starts there); None: no item.
    item: int | None = None


def columns(text: str) -> int:
    """A line's indentation in columns, a tab to the next multiple of four (as Python-Markdown expands it)."""
    return len(_lead(text).expandtabs(4))


def dedent(text: str, width: int) -> str:
    """``text`` without up to ``width`` columns of its indentation (the rest of the line as written)."""
    lead = _lead(text)
    return lead.expandtabs(4)[width:] + text[len(lead) :]


def _lead(text: str) -> str:
    return text[: len(text) - len(text.lstrip(" \t"))]


def indented(lines: Sequence[Line], indent: str) -> list[Line]:
    """``lines`` written ``indent`` deeper (a blank line stays blank)."""
    return [(indent + t if t.strip() else "", n) for t, n in lines] if indent else list(lines)


class BoxPlaces:
    """What holds each line of a run (a note, a box's inside), found in one pass.

    A holder is a list item or a box on a line above, whose inside the line is in: indented at least to
    the item's text (four columns past a box's ``!!!``), with no less indented line between.
    """

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        #: For each line, the innermost holder's first column, its inside's column and whether it is a list
        #: item, or None.
        self.holders: list[tuple[int, int, bool] | None] = []
        #: For each line, the columns it is written deeper to stay in its list item (:meth:`_item_block`).
        self.shifts: list[int] = []
        #: The lines starting a list of another kind right after a list at the run's top (``1.`` then ``-``).
        self.new_lists: dict[int, int | None] = {}
        #: For each line, the list item holding the block it is in when that block began after a blank line in
        #: the item (Python-Markdown reads such a block apart from the item's list), or None.
        self.item_blocks: list[tuple[int, int, bool] | None] = []
        #: The lines at the run's top CommonMark starts a block at, where Python-Markdown read on (a blank line is
        #: written before each): a list item right under a quote's line or lazy line (Python-Markdown read it into
        #: the quote), any line right under a quote's line that leaves no paragraph open (``>``, ``> # 标题``: it
        #: was the quote's), a thematic break ``---`` right under a list's or a quote's line (it was a Setext
        #: heading, ``- 甲`` or ``> 引文`` its text), and a line right under a heading (no change to what is
        #: drawn: Python-Markdown's table and box tests read the whole rest of a block after each heading split off
        #: it, quadratic in a block of headings).
        self.block_starts: set[int] = set()
        #: The lines ``===`` (or ``--``) right under a list's or a quote's line: its paragraph's lazy text in
        #: CommonMark, a Setext heading's underline to Python-Markdown (``- 甲`` was the heading).
        self.lazy_underlines: set[int] = set()
        #: The lines at the run's top opening a ``<div>``, ``<section>`` or ``<details>`` with a blank line inside:
        #: CommonMark ends the HTML block at the blank line and reads what follows as Markdown (``<details>``,
        #: ``<summary>展开</summary>``, a blank line, ``- 甲``: a list in it); Python-Markdown showed it as written.
        self.markdown_html: set[int] = set()
        stack: list[tuple[int, int, bool]] = []
        shift, after_blank, top_list, lazy, item_block, quote, emptied = (
            0,
            False,
            None,
            False,
            None,
            False,
            False,
        )
        html: list[bool] = []  # the HTML blocks open at the top, each whether its inside is read as HTML
        openers: list[int] = []  # the line opening each (-1: not at the top)
        i = 0
        while i < len(lines):
            text = lines[i][0]
            if not text.strip():
                self.holders.append(stack[-1] if stack else None)
                self.shifts.append(0)
                self.item_blocks.append(None)
                shift, after_blank, quote, emptied = 0, True, False, False
                if html and html[0] and any(at >= 0 for at in openers):  # Markdown from here on (CommonMark)
                    self.markdown_html.update(at for at in openers if at >= 0)
                    html = [False] * len(html)
                i += 1
                continue
            width = columns(text)
            while stack and width < stack[-1][1]:
                stack.pop()
            self.holders.append(stack[-1] if stack else None)
            if after_blank:
                shift = _item_block(text, width, self.holders[-1])
                item_block = self.holders[-1] if self.holders[-1] and self.holders[-1][2] else None
            elif (not self.holders[-1] or _ITEM_RE.match(text)) and not (lazy and _LAZY_RE.match(text)):
                shift = 0  # not the block's (a lazy line of its paragraph is: CommonMark reads it on)
            lazy = shift > 0 and not FENCE_RE.match(text) and not text.lstrip().startswith("#")
            depth, html = len(html), _html_depth(html, text)
            at = i if self.holders[-1] is None else -1
            openers = openers[: len(html)] + [at] * (len(html) - depth) if len(html) != depth else openers
            if self.holders[-1] is None:  # a line at the top after a blank one (or a fence) ends the list
                # Four columns in it is code or a footnote's line, and inside raw HTML no Markdown is read.
                kind = _list_kind(text) if width < 4 and not (html and html[0]) else None
                if kind and top_list and kind != top_list:
                    self.new_lists[i] = (
                        int(m["marker"][:-1]) if (m := _HOLDER_RE.match(text)) and kind in ".)" else None
                    )
                quoted = width < 4 and text.lstrip().startswith(">")
                underline = None if after_blank or not (top_list or quote) else _UNDERLINE_RE.match(text)
                if (kind and quote) or (emptied and not quoted) or (underline and underline["rule"]):
                    self.block_starts.add(i)
                elif underline:
                    self.lazy_underlines.add(i)
                top_list = kind or (None if after_blank or FENCE_RE.match(text) else top_list)
                quote, emptied = quoted or (quote and not kind), quoted and bool(_EMPTIED_RE.match(text))
                if not html and _HEADING_RE.match(text) and i + 1 < len(lines) and lines[i + 1][0].strip():
                    self.block_starts.add(i + 1)
            after_blank = False
            self.shifts.append(shift)
            self.item_blocks.append(item_block)
            if fence := FENCE_RE.match(text):  # code lines are the fence's, whatever their indentation
                end = fence_end(lines, i, fence["fence"])
                self.holders += [self.holders[-1]] * (end - i)
                self.shifts += [shift] * (end - i)
                self.item_blocks += [item_block] * (end - i)
                i = end + 1
                continue
            if m := _HOLDER_RE.match(text):
                stack.append((width, _inside(m, width), m["marker"] is not None))
            i += 1
        #: Whether a box was drawn in a list item (then the list's later items may need a block of their own).
        self.in_item = False
        self._seen = 0  # how much of the written lines :meth:`item_apart` has read
        self._block: str | None = None  # the first line of the block they end in

    def own_line(self, i: int) -> tuple[str, Place | None]:
        """A list item's marker on ``lines[i]`` and where what follows it on that line is drawn ("", None: no item).

        Obsidian draws a callout written on the item's own line (``- > [!tip] 标题``) in the item, as one below it.
        """
        text = self.lines[i][0]
        if (m := _HOLDER_RE.match(text)) is None or not m["marker"]:
            return "", None
        first = columns(text)
        inside = _inside(m, first)
        if inside != len(m.group(0).expandtabs(4)):  # five columns or more after the marker: code in the item
            return "", None
        return m.group(0), Place(" " * (4 * (first // 4 + 1)), inside, inside)

    def place(self, i: int) -> Place | None:
        """Where the box opening ``lines[i]`` is drawn; None: the line is indented code, no box."""
        width = columns(self.lines[i][0])
        holder = self.holders[i]
        if holder is None:
            return Place("", width) if width < 4 else None
        first, inside, item = holder
        if width >= inside + 4:
            return None
        self.in_item = self.in_item or item
        return Place(" " * (4 * (first // 4 + 1)), width, inside if item else None)

    def leaves_item_block(self, i: int) -> bool:
        """Whether ``lines[i]`` comes right after a block of a list item's and is not of it.

        The block is written deeper (``shifts``), or began after a blank line in the item and ``lines[i]`` is a
        list item outside it.  Python-Markdown would read the line as that block's paragraph going on (``- 乙``
        as text), or as a list in that block (CommonMark: ``- 乙`` is the next item of the list outside).
        """
        if i == 0 or not (self.lines[i - 1][0].strip() and self.lines[i][0].strip()):
            return False
        text, holder = self.lines[i][0], self.item_blocks[i - 1]
        left = holder is not None and _ITEM_RE.match(text) is not None and columns(text) < holder[1]
        return left or (self.shifts[i - 1] > 0 and self.shifts[i] == 0)

    def ends_block_after(self, i: int) -> bool:
        """Whether a blank line may end the block of ``lines[i]`` before the next line (not in a list item).

        In a list item it would take the next line out of the item (Python-Markdown wants it four columns in).
        """
        holder = self.holders[i]
        following = self.lines[i + 1][0] if i + 1 < len(self.lines) else ""
        return bool(following.strip()) and (holder is None or not holder[2])

    def item_apart(self, out: Sequence[Line], text: str) -> bool:
        """Whether the list item ``text``, written after ``out``, must start a block of its own.

        A box in a nested item ends with a blank line, so the item's next lines start a block indented as
        the nested list: Python-Markdown put every item of that block inside the nested item, those of the
        outer list too (``- 外二`` after a tab-indented ``- 内二``).  An outer item after them starts a block.
        """
        for t, _ in out[min(self._seen, len(out)) :]:
            self._block = None if not t.strip() else self._block if self._block is not None else t
        self._seen = len(out)
        return (
            self.in_item
            and self._block is not None
            and _ITEM_RE.match(text) is not None
            and columns(text) // 4 < columns(self._block) // 4
        )

    def text_after(self, place: Place, start: int) -> int:
        """The end (exclusive) of the item's text right after a box ending before ``lines[start]``.

        Its lines up to a blank one, each indented to the item's text and no block of its own (an item,
        code, a quote or another box), are the item's; written as they were they would have ended it.
        """
        end = start
        while place.item is not None and end < len(self.lines):
            text = self.lines[end][0]
            stripped = text.lstrip()
            if (
                not stripped
                or columns(text) < place.item
                or _ITEM_RE.match(text)
                or FENCE_RE.match(text)
                or stripped.startswith((">", ":::", "!!!", "???", "{%", "{{"))
            ):
                break
            end += 1
        return end


def _html_depth(html: list[bool], text: str) -> list[bool]:
    """The HTML blocks still open after ``text`` (a ``<div>`` opening a line, without ``markdown``, is raw HTML).

    Python-Markdown reads such a block as written to its end tag, blank lines and all.
    """
    if "<" not in text:
        return html
    opening = _LAYOUT_OPEN_RE.match(text)
    for m in _LAYOUT_TAG_RE.finditer(text):
        if m[0].startswith("</"):
            html = html[:-1]
        elif html or (opening and m.end() == opening.end()):
            html = [*html, (html[0] if html else "markdown" not in text)]
    return html


def _list_kind(text: str) -> str | None:
    """A list item's kind as CommonMark tells lists apart: its bullet, or its number's ``.`` or ``)``."""
    m = _HOLDER_RE.match(text)
    return m["marker"][-1] if m and m["marker"] else None


def _item_block(text: str, width: int, holder: tuple[int, int, bool] | None) -> int:
    """How many columns deeper a block starting after a blank line with ``text`` is written to stay in its item.

    CommonMark keeps it in the list item whose text's column it reaches (``- 甲`` then ``  第二段``, or a fence at
    two columns); Python-Markdown only at four columns per level: it left the list, and the next item became
    text of its paragraph.  An item of a list nested at two columns stays one level, as Python-Markdown reads it.
    Indented code (four columns past the item's text) moves as far, to four past Python-Markdown's column: it
    was the item's paragraph, and the next item its text.
    """
    if holder is None or not holder[2] or _ITEM_RE.match(text):
        return 0
    first, inside, _ = holder
    needed = 4 * (first // 4 + 1)
    return needed - inside if inside <= width < needed or inside + 4 <= width < needed + 4 else 0


def shifted(text: str, width: int) -> str:
    """``text`` written ``width`` columns deeper (its indentation as spaces, as Python-Markdown expands tabs)."""
    return " " * (columns(text) + width) + text.lstrip(" \t") if width and text.strip() else text


def _inside(m: re.Match[str], width: int) -> int:
    """The column a holder's inside starts at."""
    if m["box"]:
        return width + 4
    gap = len((m["indent"] + m["marker"] + m["gap"]).expandtabs(4)) - width - len(m["marker"])
    # CommonMark: five spaces or more after the marker are one, and the rest an indented code block's.
    return width + len(m["marker"]) + (gap if 1 <= gap <= 4 else 1)
