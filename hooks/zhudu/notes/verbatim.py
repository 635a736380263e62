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
from bisect import bisect_left
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
_RAW_TAGS = ("pre", "script", "style", "textarea")
_RAW_BLOCK_RE = re.compile(rf"^[ ]{{0,3}}<(?P<tag>{'|'.join(_RAW_TAGS)})(?=[\s>])", re.IGNORECASE)
#: Block elements whose start tag opening a line, never closed, makes Python-Markdown read the rest of the
#: note as HTML (no Markdown), and the browser put the rest of the page inside it (``VerbatimBlocks.unclosed_block``).
_LAYOUT_TAGS = ("div", "section", "details", "table")
_LAYOUT_OPEN_RE = re.compile(rf"^[ ]{{0,3}}<(?P<tag>{'|'.join(_LAYOUT_TAGS)})(?=[\s>])", re.IGNORECASE)
_LAYOUT_TAG_RE = re.compile(rf"<(?P<end>/?)(?P<tag>{'|'.join(_LAYOUT_TAGS)})(?=[\s>])", re.IGNORECASE)
#: A line an indented block below belongs to: a list item, an admonition or ``details`` block, a
#: content tab, a footnote, a definition.
_CONTAINER_RE = re.compile(
    r"^[ ]{0,3}(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|!!!|\?\?\?|===|\[\^[^\]]+\]:|:[ \t])"
)


class VerbatimBlocks:
    """Where the blocks Markdown shows as written open and end in a run of lines (a note, a callout's inside).

    Each question is answered from tables made once for the run, so a note of many such lines is
    read in linear time (scanning ahead or back from each was quadratic: 5 s for 5,000 unclosed ``<pre>``).
    """

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        lowered = [text.lower() if "</" in text else "" for text, _ in lines]
        #: Each raw tag → the indexes of the lines holding its closing tag, in order.
        self.closings = {
            tag: [j for j, text in enumerate(lowered) if f"</{tag}>" in text] for tag in _RAW_TAGS
        }
        self.last_comment_end = max(
            (j for j, (text, _) in enumerate(lines) if COMMENT_END in text), default=-1
        )
        self.contained = _contained(lines)
        self.unclosed_opens = _unclosed_opens(lines)

    def end(self, i: int) -> int | None:
        """The index of the last line of the block Markdown shows as written opening at ``lines[i]``; None: none opens there."""
        starts_block = i == 0 or not self.lines[i - 1][0].strip()
        for end in (
            self.formula_end(i) if starts_block else None,
            self.raw_block_end(i),
            self.indented_code_end(i) if starts_block else None,
        ):
            if end is not None:
                return end
        return None

    def comment_closes_after(self, i: int) -> bool:
        """Whether a line after ``lines[i]`` holds ``-->`` (an unclosed ``<!--`` is text to Markdown)."""
        return self.last_comment_end > i

    def formula_end(self, i: int) -> int | None:
        r"""The last line of the display formula opening at ``lines[i]`` (``$$``, ``\[``, ``\begin{…}``)."""
        if not (m := _MATH_BLOCK_RE.match(self.lines[i][0])):
            return None
        closer = "$$" if m["dollars"] else "\\]" if m["bracket"] else f"\\end{{{m['env']}}}"
        if closer in self.lines[i][0][m.end() :]:
            return i
        for j in range(i + 1, len(self.lines)):  # to the paragraph's end at most: linear in all
            if not self.lines[j][0].strip():
                return None  # a blank line first: no formula (arithmatex reads one block)
            if closer in self.lines[j][0]:
                return j
        return None

    def raw_block_end(self, i: int) -> int | None:
        """The line closing the raw ``<pre>``-like block opening at ``lines[i]`` (an unclosed one is text)."""
        if not (m := _RAW_BLOCK_RE.match(self.lines[i][0])):
            return None
        closings = self.closings[m["tag"].lower()]
        at = bisect_left(closings, i)
        return closings[at] if at < len(closings) else None

    def unclosed_raw_end(self, i: int) -> tuple[int, str] | None:
        """Where a ``<script>`` or ``<style>`` opening ``lines[i]`` and never closed is taken to end, and its name.

        Python-Markdown reads such an element to the note's end, and the sanitiser removes it with its
        content: the rest of the note went with it (on a page embedding the note, that page's rest).  It
        ends with its paragraph, as an HTML block does at a blank line.
        """
        m = _RAW_BLOCK_RE.match(self.lines[i][0])
        if not m or m["tag"].lower() not in ("script", "style") or self.raw_block_end(i) is not None:
            return None
        end = i
        while end + 1 < len(self.lines) and self.lines[end + 1][0].strip():
            end += 1
        return end, m["tag"].lower()

    def unclosed_block_end(self, i: int) -> tuple[int, str] | None:
        """Where a ``<div>``, ``<section>``, ``<details>`` or ``<table>`` opening ``lines[i]`` and never closed ends, and its name.

        Python-Markdown reads such a block to the note's end as HTML (its Markdown shown as written), and
        the browser puts what follows it on the page (the note's end, the panels, the footer) inside it.
        It ends with its paragraph, as a ``<script>`` never closed does.
        """
        if i not in self.unclosed_opens:
            return None
        end = i
        while end + 1 < len(self.lines) and self.lines[end + 1][0].strip():
            end += 1
        return end, self.unclosed_opens[i]

    def indented_code_end(self, i: int) -> int | None:
        """The last line of the indented code block opening at ``lines[i]``."""
        text = self.lines[i][0]
        if _indent(text) < 4 or not text.strip() or self.contained[i]:
            return None
        end = i
        for j in range(i + 1, len(self.lines)):
            if self.lines[j][0].strip():
                if _indent(self.lines[j][0]) < 4:
                    break
                end = j
        return end


def unclosed_raw_message(tag: str, end: int) -> str:
    """What to say of a ``<script>`` or ``<style>`` never closed (:meth:`VerbatimBlocks.unclosed_raw_end`)."""
    return (
        f"<{tag}> is never closed: the rest of the note would have been read as its content and removed "
        f"with it; it ends with its paragraph (line {end}); write </{tag}> where it ends"
    )


def unclosed_block_message(tag: str, end: int) -> str:
    """What to say of a layout block never closed (:meth:`VerbatimBlocks.unclosed_block_end`)."""
    return (
        f"<{tag}> is never closed: the rest of the note would have been shown as HTML, its Markdown as written, "
        f"and the rest of the page laid out inside it; it ends with its paragraph (line {end}); write </{tag}> "
        "where it ends"
    )


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


def _contained(lines: Sequence[Line]) -> list[bool]:
    """For each line, whether an indented block there continues a block above (a list item, an admonition…).

    That block is the paragraph of the last line above indented less than four columns: a list
    item's lazy second line still continues the item, and so does a block indented one to three
    columns under it (a fence at ``- 甲``'s text column after a list nested in the item).
    """
    out: list[bool] = []
    paragraph = False  # the paragraph at hand has a container line
    base = False  # the paragraph of the last line indented less than four columns had one
    for text, _ in lines:
        out.append(base)
        if not text.strip():
            paragraph = False
        elif _indent(text) < 4:
            paragraph = paragraph or bool(_CONTAINER_RE.match(text)) or (base and _indent(text) > 0)
            base = paragraph
    return out


def _unclosed_opens(lines: Sequence[Line]) -> dict[int, str]:
    """The lines opening a layout block (``_LAYOUT_TAGS``) that no later end tag of its name closes, and the tag.

    One pass with a stack per tag (nested blocks of one name pair up innermost first).
    """
    open_at: dict[str, list[int | None]] = {tag: [] for tag in _LAYOUT_TAGS}
    for i, (text, _) in enumerate(lines):
        if "<" not in text:
            continue
        opening = _LAYOUT_OPEN_RE.match(text)
        for m in _LAYOUT_TAG_RE.finditer(text):
            stack = open_at[m["tag"].lower()]
            if m["end"]:
                if stack:
                    stack.pop()
            else:  # only a start tag opening its line makes an HTML block
                stack.append(i if opening and m.start() == opening.start("tag") - 1 else None)
    return {i: tag for tag, stack in open_at.items() for i in stack if i is not None}
