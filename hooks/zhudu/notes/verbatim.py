r"""What Markdown shows as written, or not at all: no link, no tag, no wikilink is read there.

The line scanner of :mod:`zhudu.notes.dialects` keeps code as written (fences, code spans); Markdown
reads no link in these either, and a wikilink or a ``[x](#y)`` there is no link on the page:

- an HTML comment (``<!-- [[草稿]] -->``): in the page's source at most, never shown;
- a formula (``$[a](#b)$``, ``\(…\)``, a ``$$``, ``\[`` or ``\begin{…}`` block): TeX, which
  ``pymdownx.arithmatex`` reads before links (its own patterns, :data:`INLINE_MATH`);
- an indented code block: four spaces or a tab after a blank line, not the content of a list item,
  an admonition, a footnote or a definition before it;
- a raw HTML block Markdown leaves alone: ``<pre>``, ``<script>``, ``<style>``, ``<textarea>`` opening
  a line, to its closing tag.

Each is passed through as written.  Read as text, a link there was warned of and rewritten: a dead
wikilink's markup showed inside a formula or a code block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pymdownx.arithmatex import RE_BRACKET_INLINE, RE_SMART_DOLLAR_INLINE

from zhudu.notes.dialect_markdown import Line

#: An inline formula as ``pymdownx.arithmatex`` finds it (``$…$``, ``\(…\)``; mkdocs.yml keeps its
#: default ``smart_dollar``: ``$5 和 $3`` is no formula).
INLINE_MATH = f"{RE_SMART_DOLLAR_INLINE}|{RE_BRACKET_INLINE}"
#: An HTML comment's end (a comment opens with ``<!--``).
COMMENT_END = "-->"

#: A display formula's first line (in a list item too), and the end each opening asks for (on its
#: line or a later one of the same paragraph: arithmatex reads a whole block).
_MATH_BLOCK_RE = re.compile(r"^[ \t]*(?:(?P<dollars>\$\$)|(?P<bracket>\\\[)|\\begin\{(?P<env>[a-z]+\*?)\})")
#: A raw HTML block Markdown does not read, opening a line.
_RAW_BLOCK_RE = re.compile(r"^[ ]{0,3}<(?P<tag>pre|script|style|textarea)(?=[\s>])", re.IGNORECASE)
#: A line an indented block below belongs to: a list item, an admonition or ``details`` block, a
#: content tab, a footnote, a definition.
_CONTAINER_RE = re.compile(
    r"^[ ]{0,3}(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|!!!|\?\?\?|===|\[\^[^\]]+\]:|:[ \t])"
)


def block_end(lines: Sequence[Line], i: int) -> int | None:
    """The index of the last line of the block Markdown shows as written opening at ``lines[i]``; None: none opens there."""
    starts_block = i == 0 or not lines[i - 1][0].strip()
    for end in (
        _formula_end(lines, i) if starts_block else None,
        _raw_block_end(lines, i),
        _indented_code_end(lines, i) if starts_block else None,
    ):
        if end is not None:
            return end
    return None


def _formula_end(lines: Sequence[Line], i: int) -> int | None:
    r"""The last line of the display formula opening at ``lines[i]`` (``$$``, ``\[``, ``\begin{…}``)."""
    if not (m := _MATH_BLOCK_RE.match(lines[i][0])):
        return None
    closer = "$$" if m["dollars"] else "\\]" if m["bracket"] else f"\\end{{{m['env']}}}"
    if closer in lines[i][0][m.end() :]:
        return i
    for j in range(i + 1, len(lines)):
        if not lines[j][0].strip():
            return None  # a blank line first: no formula (arithmatex reads one block)
        if closer in lines[j][0]:
            return j
    return None


def _raw_block_end(lines: Sequence[Line], i: int) -> int | None:
    """The line closing the raw ``<pre>``-like block opening at ``lines[i]`` (an unclosed one is text)."""
    if not (m := _RAW_BLOCK_RE.match(lines[i][0])):
        return None
    closing = f"</{m['tag'].lower()}>"
    return next((j for j in range(i, len(lines)) if closing in lines[j][0].lower()), None)


def _indented_code_end(lines: Sequence[Line], i: int) -> int | None:
    """The last line of the indented code block opening at ``lines[i]``."""
    if _indent(lines[i][0]) < 4 or not lines[i][0].strip() or not _after_paragraph(lines, i):
        return None
    end = i
    for j in range(i + 1, len(lines)):
        if lines[j][0].strip():
            if _indent(lines[j][0]) < 4:
                break
            end = j
    return end


def closes_later(lines: Sequence[Line], i: int, end: str) -> bool:
    """Whether a line after ``lines[i]`` holds ``end`` (an unclosed ``<!--`` is text to Markdown)."""
    return any(end in text for text, _ in lines[i + 1 :])


def _indent(text: str) -> int:
    """A line's indentation in columns, a tab to the next multiple of four."""
    width = 0
    for char in text:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _after_paragraph(lines: Sequence[Line], i: int) -> bool:
    """Whether the indented ``lines[i]`` follows no block it would continue (a list item, an admonition…)."""
    j = i - 1
    while j >= 0 and (not lines[j][0].strip() or _indent(lines[j][0]) >= 4):
        j -= 1
    # The paragraph of the line above: a list item's lazy second line still continues the item.
    while j >= 0 and lines[j][0].strip():
        if _indent(lines[j][0]) < 4 and _CONTAINER_RE.match(lines[j][0]):
            return False
        j -= 1
    return True
