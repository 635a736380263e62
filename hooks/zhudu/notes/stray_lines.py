"""Where in a note's source its stray end tags are: the lines ``containment`` warnings name.

Containment finds a stray end tag in the rendered note, where its source line is lost.  Searching
the source for the tag's text named the first line holding it (a correct ``<div>…</div>`` before
the stray ``</div>`` took the warning).  Here the source is read the way the stray was found: the
author's tags are counted outside code (fenced blocks, code spans), and an end tag closing no
element of its name the note opened is a stray; the n-th stray ``</div>`` of the render is the
n-th of the source.
"""

from __future__ import annotations

import re
from collections import defaultdict

_FENCE_RE = re.compile(r"^[ \t>]*(?P<fence>`{3,}|~{3,})")
_CODE_SPAN_RE = re.compile(r"(?P<ticks>`+).+?(?P=ticks)")
_TAG_RE = re.compile(r"<(?P<end>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(?P<self>/?)>")
#: Elements without an end tag (a start tag of one opens nothing).
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)


def stray_end_tag_lines(lines: list[str]) -> dict[str, list[int]]:
    """Per tag name (lower case), the lines (1-based) of its end tags that close nothing the note opened."""
    open_count: dict[str, int] = defaultdict(int)
    strays: dict[str, list[int]] = defaultdict(list)
    fence = ""
    for number, line in enumerate(lines, 1):
        marker = _FENCE_RE.match(line)
        if fence:
            if marker and marker["fence"][0] == fence[0] and len(marker["fence"]) >= len(fence):
                fence = ""
            continue
        if marker:
            fence = marker["fence"]
            continue
        for tag in _TAG_RE.finditer(_CODE_SPAN_RE.sub("", line)):
            name = tag["name"].lower()
            if name in _VOID or tag["self"]:
                continue
            if not tag["end"]:
                open_count[name] += 1
            elif open_count[name]:
                open_count[name] -= 1
            else:
                strays[name].append(number)
    return strays
