"""A list in a footnote's definition, right under its text, drawn as a list (CommonMark's footnotes).

Obsidian, Hexo's markdown-it and Typora read ``[^1]: 说明`` then ``    - 甲`` / ``    - 乙`` as the footnote's
text and a list in it: a list item starts a block even right after a paragraph's line (a numbered one if it
is numbered 1).  Python-Markdown reads an item only after a blank line: it joined the items to the text
(「说明 - 甲 - 乙」 in one paragraph).  :func:`apart` writes a blank line, numbered as the item's, before such
an item; nothing else moves.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from zhudu.notes.block_tags import FENCE_RE
from zhudu.notes.dialect_markdown import Line, fence_end

#: A footnote's definition (``[^1]: 说明``), at most three spaces in; its text after the colon.
_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[\^[^\]\s]+\]:[ \t]*(?P<text>.*)$")
#: A line of the definition's inside (four columns or a tab) opening a list item that may follow a paragraph's
#: line: a bullet, or a number 1 (CommonMark: another number there is the paragraph's text).
_ITEM_RE = re.compile(r"^(?:[ ]{4}|[ ]{0,3}\t)[ \t]*(?:[-*+]|0*1[.)])[ \t]+\S")
#: A thematic break (``- - -``): no item.
_BREAK_RE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")


def apart(lines: Sequence[Line]) -> list[Line]:
    """``lines`` with a blank line before each list right under a footnote definition's paragraph."""
    if not any(_DEFINITION_RE.match(text) for text, _ in lines):
        return list(lines)
    out: list[Line] = []
    inside = False  # in a footnote's definition
    para = False  # the line before is the definition's paragraph text (an item there would have joined it)
    listed = False  # a list has started since the definition's last blank line (its items need nothing)
    blank = False
    i = 0
    while i < len(lines):
        text, n = lines[i]
        indented = text.startswith((" ", "\t"))
        if fence := FENCE_RE.match(text):  # code, whatever holds it
            end = fence_end(lines, i, fence["fence"])
            out += lines[i : end + 1]
            inside = inside and (indented or not blank)
            para, blank, i = False, False, end + 1
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
