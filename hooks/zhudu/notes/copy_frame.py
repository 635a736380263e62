"""An embed's copy inside its frame: nothing of it read as a tag of the frame, nothing of it left open.

The framed copy (``transclusion.block``) is an HTML block Python-Markdown's ``md_in_html`` reads
(``<blockquote class="zd-transclusion" markdown="1">``), and that reader sees every tag of the text
between its start and end tags, wherever the copy's Markdown puts it; fenced code alone is set aside
before it runs.  On the embedded note's own page, Markdown at the top level reads no tag in an
indented code block or a code span (a tag there is not at a line's start).  In the frame:

- a ``</blockquote>`` in an indented code block or a code span closed the frame: the rest of the
  copy stood in the embedding note's text, posing as its own (and the code lost its tag).  So an
  indented code block of the copy is written as a fenced one (the same code block), and a code
  span holding a tag as ``<code>`` with its text as character references (the same element);
- a ``<style>`` or ``<script>`` never closed made the reader take everything after it, the rest of
  the embedding note's page included, as its content, removed with it; a ``<blockquote>`` never
  closed was ended by the frame's end tag, and the rest of the embedding note's page went into
  the frame, posing as the embedded note's.  Those are closed at the copy's end.
"""

from __future__ import annotations

import re
from collections import defaultdict

from zhudu.notes.dialect_markdown import html_text
from zhudu.notes.page_ids import CODE_SPAN_RE, fenced
from zhudu.notes.stray_lines import TAG_RE, VOID
from zhudu.notes.verbatim import VerbatimBlocks

#: Elements a copy may not leave open: what ``md_in_html`` reads to their end tag whatever comes
#: between (``script``, ``style``: the rest of the page), and the frame's own element.
CLOSED_AT_THE_END = ("script", "style", "blockquote")
#: What an HTML reader takes for a tag: ``<`` before a letter, ``/``, ``!`` or ``?``.
_TAG_START_RE = re.compile(r"<[A-Za-z/!?]")
_BACKTICKS_RE = re.compile(r"`+")


def framed_code(markdown: str) -> str:
    """``markdown`` with its indented code blocks fenced and its code spans holding a tag as ``<code>``."""
    lines = markdown.split("\n")
    code = fenced(lines)
    blocks = VerbatimBlocks([(line, 0) for line in lines])
    out: list[str] = []
    i = 0
    while i < len(lines):
        if code[i]:
            out.append(lines[i])
            i += 1
            continue
        starts_block = i == 0 or not lines[i - 1].strip()
        end = blocks.indented_code_end(i) if starts_block else None
        if end is not None:
            body = [_dedented(line) for line in lines[i : end + 1]]
            ticks = max((len(m[0]) for line in body for m in _BACKTICKS_RE.finditer(line)), default=0)
            fence = "`" * max(3, ticks + 1)
            out += [fence, *body, fence]
            i = end + 1
            continue
        out.append(CODE_SPAN_RE.sub(_span, lines[i]) if "`" in lines[i] else lines[i])
        i += 1
    return "\n".join(out)


def _dedented(line: str) -> str:
    """A line of an indented code block without its four columns of indentation (a tab is four)."""
    width = 0
    for at, char in enumerate(line):
        if width >= 4 or char not in " \t":
            return line[at:]
        width += 1 if char == " " else 4 - width % 4
    return ""


def _span(m: re.Match[str]) -> str:
    """A code span as Python-Markdown writes it (its text stripped), when it holds what reads as a tag."""
    text = m[0][len(m["ticks"]) : -len(m["ticks"])]
    if not _TAG_START_RE.search(text):
        return m[0]
    return f"<code>{html_text(text.strip())}</code>"


def unclosed(markdown: str) -> tuple[str, list[str]]:
    """``markdown`` with the elements of ``CLOSED_AT_THE_END`` it leaves open closed at its end, and their names.

    Tags are counted outside code, as ``stray_lines`` counts them; the inside of a ``<script>`` or
    ``<style>`` is text.
    """
    lines = markdown.split("\n")
    opened: dict[str, int] = defaultdict(int)
    raw = ""  # the script or style element being read
    for line, code in zip(lines, fenced(lines), strict=True):
        if code or "<" not in line:
            continue
        spans = [m.span() for m in CODE_SPAN_RE.finditer(line)]
        for tag in TAG_RE.finditer(line):
            name = tag["name"].lower()
            if raw and not (tag["end"] and name == raw):
                continue
            if name in VOID or tag["self"] or any(s <= tag.start() < e for s, e in spans):
                continue
            if tag["end"]:
                opened[name] -= 1 if opened[name] else 0
                raw = ""
            else:
                opened[name] += 1
                raw = name if name in ("script", "style") else ""
    names = [name for name in CLOSED_AT_THE_END for _ in range(opened[name])]
    if not names:
        return markdown, []
    return markdown + "".join(f"\n\n</{name}>" for name in names), names
