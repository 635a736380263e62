"""Lists nested as CommonMark nests them, written at the four columns per level Python-Markdown reads.

prettier, Typora, Obsidian, VS Code, Hexo's and Jekyll's posts nest a list at its parent item's text column:
``- 甲`` then ``  - 乙`` (two columns), ``1. 甲`` then ``   - 乙`` (three), ``10. 甲`` then ``    - 乙``, a tab.
CommonMark (so every tool the notes come from) reads an item's inside as the lines indented at least to its
text's column, and a marker there, up to three columns past it, as a list nested in the item.
Python-Markdown nests only at four columns per level: it drew such a list flat (its items side by side, or
under ``1.`` the item's text).

:func:`nest` runs before the dialects' rewrite and writes each nested item's marker at four columns per
level, the lines it holds moved with it (as written against its marker, as a top-level item's are:
:mod:`zhudu.notes.box_places` then writes a block after a blank line in it, or a box, where Python-Markdown
keeps it in the item).  What a quote holds, an Obsidian callout's ``> `` lines too, is read the same way
inside it.  A fenced code block (or a Hexo / Hugo code tag, a ``<pre>``, a formula) moves as a whole, its
lines as written against its first one; a lazy line (a paragraph's line written less indented, which
CommonMark reads on), a top-level list and every line outside a list stay as written.  Each line keeps its
number.  A ``1)`` item is an item (:mod:`zhudu.notes.ordered_lists` reads it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from zhudu.notes.block_tags import BLOCK_TAG_RE, FENCE_RE, closing_line
from zhudu.notes.box_places import columns, shifted
from zhudu.notes.dialect_markdown import Line, fence_end
from zhudu.notes.verbatim import VerbatimBlocks

#: A list item's marker, opening what is left of a line past its containers, and the spaces after it.
_MARKER_RE = re.compile(r"(?P<marker>[-*+]|\d{1,9}[.)])(?P<gap>[ \t]*)(?=(?P<text>.?))")
#: A Material box (``!!!``, ``???``, content tabs ``===``): its inside at four more columns.
_BOX_RE = re.compile(r"(?:!!!|\?\?\?\+?|===)[ \t]")
#: A thematic break (``- - -``, ``* * *``): no item.
_BREAK_RE = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*$")
#: What starts a block of its own (so a line opening one is no lazy line of the paragraph above).
_BLOCK_START_RE = re.compile(r"(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|#{1,6}(?:[ \t]|$)|`{3}|~{3}|<)")
#: A line an item could be nested on: a marker after white space (after a quote's ``>`` too).  A note without
#: one has no nested item, so nothing to move.
_INDENTED_ITEM_RE = re.compile(r"[ \t>]*[ \t](?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
#: A marker that may open a list right after a paragraph's line: a bullet, or a number 1 (CommonMark: another
#: number there, ``- 时间：`` then ``  2024) 年底完成``, is the paragraph's text).
_INTERRUPTS_RE = re.compile(r"[-*+]|0*1[.)]")
#: Tags whose inside is code, moved as a whole.
_CODE_TAGS = frozenset({"codeblock", "code", "highlight", "comment"})


def nest(lines: Sequence[Line]) -> list[Line]:
    """``lines`` with every nested list item, and what it holds, written where Python-Markdown nests it."""
    if not any(_INDENTED_ITEM_RE.match(text) for text, _ in lines):
        return list(lines)  # most notes: no nested item (each line's matching is cheap beside the pass below)
    out: list[Line] = []
    verbatim = VerbatimBlocks(lines)
    #: The open containers, innermost last: the column their inside starts at as written (CommonMark's), and
    #: the columns their lines move by (a nested item's marker to four columns per level, its lines with it),
    #: and whether it is a list item (else a box).
    stack: list[tuple[int, int, bool]] = []
    para: int | None = None  # how many containers hold the paragraph the last line is in; None: none
    i = 0
    while i < len(lines):
        text, n = lines[i]
        if not text.strip():
            out.append((text, n))
            para, i = None, i + 1
            continue
        width = columns(text)
        rest = text.lstrip(" \t")
        held = len(stack)
        while held and width < stack[held - 1][0]:
            held -= 1
        if held < len(stack) and para == len(stack) and not _BLOCK_START_RE.match(rest):
            out.append((text, n))  # a lazy line: the paragraph above goes on (CommonMark)
            i += 1
            continue
        del stack[held:]
        inside, by, _ = stack[-1] if stack else (0, 0, False)
        past = width - inside  # columns past the inside's start: four or more, code (or a paragraph's line)
        if past < 4 and (end := code_end(lines, i, rest, verbatim)) is not None:  # code moves as a whole
            out += [(shifted(t, by), m) for t, m in lines[i : end + 1]]
            if not FENCE_RE.match(rest) and not rest.startswith(("<", "$$", "\\[", "\\begin")):
                _end_items(stack)  # a code tag ends Python-Markdown's list: what follows stays as written
            para, i = None, end + 1
            continue
        item = _MARKER_RE.match(rest) if past < 4 and not _BREAK_RE.match(rest) else None
        item = item if item and (item["gap"] or not item["text"]) else None
        if item and para == len(stack) and not _INTERRUPTS_RE.fullmatch(item["marker"]):
            text, item = _as_text(text, rest, item, stack), None  # the paragraph's text (CommonMark)
        if item:
            at = 4 * len(stack) if stack else width  # a nested item's marker at four columns per level
            stack.append((_inside(text, width, item), at - width, True))
            head = " " * at + item["marker"] + item["gap"]
            body = rest[item.end() :]
            if body.startswith(">"):  # ``- > [!tip] 标题``: a quote in the item, from its own line
                i = _quote(lines, i, head, body, stack, out)
                para = len(stack)
                continue
            out.append((head + body, n))
            para = len(stack) if body and not _BLOCK_START_RE.match(body) else None
        elif rest.startswith(">") and past < 4:
            i = _quote(lines, i, shifted(text, by)[: -len(rest)], rest, stack, out)
            para = len(stack)
            continue
        else:
            out.append((shifted(text, by), n))
            box = past < 4 and _BOX_RE.match(rest)
            if box:
                stack.append((width + 4, by, False))
            heading = box or (past < 4 and (rest.startswith("#") or _BREAK_RE.match(rest)))
            if not box and past < 4 and _BREAK_RE.match(rest):
                _end_items(stack)  # a break ends Python-Markdown's list: a nested item after it would be code
            para = None if heading or (past >= 4 and para != len(stack)) else len(stack)
        i += 1
    return out


def _as_text(text: str, rest: str, item: re.Match[str], stack: list[tuple[int, int, bool]]) -> str:
    r"""``text``, a numbered item's line read as its paragraph's text, written so that Python-Markdown reads it so.

    In a list Python-Markdown reads every line opening with a marker as an item (a new one, or at four
    columns a nested one): inside an item, the number's ``.`` or ``)`` is escaped (``2024\)``, drawn ``2024)``).
    """
    if not stack:
        return text
    at = len(text) - len(rest) + len(item["marker"]) - 1
    return text[:at] + "\\" + text[at:]


def _end_items(stack: list[tuple[int, int, bool]]) -> None:
    """Close the list items innermost in ``stack`` (up to the box holding them): their list ends here."""
    while stack and stack[-1][2]:
        stack.pop()


def _quote(
    lines: Sequence[Line], i: int, head: str, first: str, stack: list[tuple[int, int, bool]], out: list[Line]
) -> int:
    """Write the quote opening ``lines[i]`` (``head`` + ``first``), its inside nested (:func:`nest`); the index after it.

    Its lines are ``lines[i]`` and the next ones held by the same containers that open with ``>``, each moved
    as its container moves.
    """
    inside, by, _ = stack[-1] if stack else (0, 0, False)
    end = i + 1
    while end < len(lines):
        text = lines[end][0]
        if not text.lstrip(" \t").startswith(">") or not 0 <= columns(text) - inside < 4:
            break
        end += 1
    bodies = [(first, lines[i][1])] + [(t.lstrip(" \t"), m) for t, m in lines[i + 1 : end]]
    written = [(_unquoted(t), m) for t, m in bodies]
    inner = nest(written)
    for j, (t, m) in enumerate(inner):
        lead = head if j == 0 else shifted(lines[i + j][0], by)[: -len(bodies[j][0])]
        out.append((lead + (bodies[j][0] if inner == written else ">" + (" " + t if t else "")), m))
    return end


def _unquoted(text: str) -> str:
    """A quote's line without its ``>`` and the one space after it."""
    return text[2:] if text.startswith("> ") else text[1:]


def code_end(lines: Sequence[Line], i: int, rest: str, verbatim: VerbatimBlocks) -> int | None:
    """The last line of the code opening ``lines[i]`` (a fence, a code tag, ``<pre>``, a formula); None: none opens."""
    if fence := FENCE_RE.match(rest):
        return fence_end(lines, i, fence["fence"])
    if (tag := BLOCK_TAG_RE.match(lines[i][0])) and (tag["tag"] or tag["shortcode"]) in _CODE_TAGS:
        return closing_line(lines, i, tag)
    if rest.startswith(("<", "$$", "\\[", "\\begin")):
        return verbatim.raw_block_end(i) or verbatim.formula_end(i)
    return None


def _inside(text: str, width: int, item: re.Match[str]) -> int:
    """The column an item's inside starts at (CommonMark: five spaces or more after the marker are one, and code)."""
    lead = text[: len(text) - len(text.lstrip(" \t"))]
    gap = len((lead + item["marker"] + item["gap"]).expandtabs(4)) - width - len(item["marker"])
    return width + len(item["marker"]) + (gap if 1 <= gap <= 4 and item["text"] else 1)
