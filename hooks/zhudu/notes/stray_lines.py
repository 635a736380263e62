"""The author's end tags that close nothing the note opened, found in its Markdown.

Two uses.  Containment (``notes/containment.py``) finds a stray end tag in the rendered note, where
its source line is lost; searching the source for the tag's text named the first line holding it
(a correct ``<div>…</div>`` before the stray ``</div>`` took the warning).  Here the source is read
the way the stray was found: tags counted outside code (fenced blocks, code spans), an end tag
closing no element of its name opened before it is a stray, and the n-th stray ``</div>`` of the
render is the n-th of the source.  And an embed's copy (``transclusion``) sits in a frame on
another note's page: a stray of the copy would close the frame, and the copy's text would pose as
the embedding note's own, so the copy goes without its strays.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from zhudu.notes.containment import PAGE_CHAIN
from zhudu.notes.page_ids import CODE_SPAN_RE, fenced

TAG_RE = re.compile(r"<(?P<end>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*?)?(?P<self>/?)>")
#: Elements without an end tag: a start tag of one opens nothing.
VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)


#: The elements around an embed's copy on its page: the page's containers, the frame (a quote), and
#: the list item or quote it may sit in.  A stray end tag of another name closes nothing there (an
#: HTML parser ignores an end tag when no element of its name is open), so the copy keeps it.
AROUND_A_COPY = frozenset(PAGE_CHAIN) | {"blockquote", "li", "ul", "ol"}


@dataclass(frozen=True)
class StrayTag:
    """An end tag of the Markdown closing nothing it opened."""

    line: int  # 0-based
    start: int  # in the line
    end: int
    name: str  # lower case


def stray_end_tags(lines: Sequence[str]) -> Iterator[StrayTag]:
    """The stray end tags of Markdown ``lines``, in order (code blocks and code spans skipped)."""
    opened: dict[str, int] = defaultdict(int)
    for number, (line, code) in enumerate(zip(lines, fenced(lines), strict=True)):
        if code or "<" not in line:
            continue
        spans = [m.span() for m in CODE_SPAN_RE.finditer(line)]
        for tag in TAG_RE.finditer(line):
            name = tag["name"].lower()
            if name in VOID or tag["self"] or any(s <= tag.start() < e for s, e in spans):
                continue
            if not tag["end"]:
                opened[name] += 1
            elif opened[name]:
                opened[name] -= 1
            else:
                yield StrayTag(number, tag.start(), tag.end(), name)


def stray_end_tag_lines(lines: Sequence[str]) -> dict[str, list[int]]:
    """Per tag name (lower case), the lines (1-based) of its stray end tags."""
    found: dict[str, list[int]] = defaultdict(list)
    for stray in stray_end_tags(lines):
        found[stray.name].append(stray.line + 1)
    return found


def without_stray_end_tags(markdown: str, names: frozenset[str]) -> tuple[str, list[StrayTag]]:
    """``markdown`` without its stray end tags of elements named in ``names``, and those removed."""
    lines = markdown.split("\n")
    strays = [stray for stray in stray_end_tags(lines) if stray.name in names]
    for stray in reversed(strays):  # from the end: earlier offsets on a line stay valid
        line = lines[stray.line]
        lines[stray.line] = line[: stray.start] + line[stray.end :]
    return "\n".join(lines), strays
