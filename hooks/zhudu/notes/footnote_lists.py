"""A list in a footnote's definition, right under its text, drawn as a list (CommonMark's footnotes).

Obsidian, Hexo's markdown-it and Typora read ``[^1]: 说明`` then ``    - 甲`` / ``    - 乙`` as the footnote's
text and a list in it: a list item starts a block even right after a paragraph's line (a numbered one if it
is numbered 1).  Python-Markdown reads an item only after a blank line: it joined the items to the text
(「说明 - 甲 - 乙」 in one paragraph).  :func:`apart` writes a blank line, numbered as the item's, before such
an item; nothing else moves, and nothing shown as written: code (a fence, a Hexo code tag, ``<pre>``), a
formula, an HTML comment, a ``{% raw %}`` part.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from zhudu.notes.block_tags import FENCE_RE
from zhudu.notes.dialect_markdown import Line
from zhudu.notes.list_nesting import code_end
from zhudu.notes.verbatim import COMMENT_END, VerbatimBlocks

#: A footnote's definition (``[^1]: 说明``), at most three spaces in; its text after the colon.
_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[\^[^\]\s]+\]:[ \t]*(?P<text>.*)$")
#: A line of the definition's inside (four columns or a tab) opening a list item that may follow a paragraph's
#: line: a bullet, or a number 1 (CommonMark: another number there is the paragraph's text).
_ITEM_RE = re.compile(r"^(?:[ ]{4}|[ ]{0,3}\t)[ ]{0,3}(?:[-*+]|0*1[.)])[ \t]+\S")
#: What a line opens that goes on to a later line shown as written: an HTML comment, a ``{% raw %}`` part; and
#: what ends each.
_OPENINGS = (
    (re.compile("<!--"), re.compile(re.escape(COMMENT_END))),
    (re.compile(r"\{%-?[ \t]*raw[ \t]*-?%\}"), re.compile(r"\{%-?[ \t]*endraw[ \t]*-?%\}")),
)
#: A thematic break (``- - -``): no item.
_BREAK_RE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")


def apart(lines: Sequence[Line]) -> list[Line]:
    """``lines`` with a blank line before each list right under a footnote definition's paragraph."""
    if not any(_DEFINITION_RE.match(text) for text, _ in lines):
        return list(lines)
    verbatim = _Verbatim(lines)
    out: list[Line] = []
    inside = False  # in a footnote's definition
    para = False  # the line before is the definition's paragraph text (an item there would have joined it)
    listed = False  # a list has started since the definition's last blank line (its items need nothing)
    blank = False
    i = 0
    while i < len(lines):
        text, n = lines[i]
        indented = text.startswith((" ", "\t"))
        if (end := verbatim.end(i)) is not None:  # shown as written, whatever holds it
            # A fence in the definition ends the paragraph it touches and a list may follow it (CommonMark):
            # Python-Markdown kept the code in the text's paragraph (a <div> in a <p>) and the item after it too.
            fenced = inside and indented and bool(FENCE_RE.match(text.lstrip(" \t")))
            if fenced and para:
                out.append(("", n))
            out += lines[i : end + 1]
            inside = inside and (indented or not blank)
            para, blank, i = fenced, False, end + 1
            continue
        if m := _DEFINITION_RE.match(text):
            inside, para, listed = True, bool(m["text"].strip()), False
        elif not text.strip():
            para = listed = False
        elif not inside or (blank and not indented):
            inside = False  # a block of its own after a blank line: the definition has ended
        elif _ITEM_RE.match(text) and not _BREAK_RE.match(text):
            if para and not listed:
                out.append(("", n))
            para, listed = False, True
        elif indented and not listed:
            para = True
        blank = not text.strip()
        out.append((text, n))
        i += 1
    return out


class _Verbatim:
    """Where what :func:`apart` leaves as written opens and ends in a run of lines (linear: closings found by bisection)."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.blocks = VerbatimBlocks(lines)
        #: For each opening of :data:`_OPENINGS`, the indexes of the lines holding its closing.
        self.closings = [[j for j, (text, _) in enumerate(lines) if end.search(text)] for _, end in _OPENINGS]

    def end(self, i: int) -> int | None:
        """The last line of what opens at ``lines[i]`` and is shown as written; None: nothing such opens there."""
        text = self.lines[i][0]
        if (end := code_end(self.lines, i, text.lstrip(" \t"), self.blocks)) is not None:
            return end
        for (opening, closing), closings in zip(_OPENINGS, self.closings, strict=True):
            if (m := opening.search(text)) and not closing.search(text, m.end()):
                at = bisect_right(closings, i)
                return closings[at] if at < len(closings) else None
        return None
