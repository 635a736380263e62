"""VuePress, VitePress and Docusaurus containers: ``::: tip 标题`` … ``:::`` as the site's note boxes.

VuePress and VitePress (markdown-it-container) and Docusaurus close a container at the first line of
colons alone, at least as many as opened it, outside code: a container inside another is written with
fewer colons than the outer one (``:::: tip`` around ``::: warning``).  Their types are drawn as boxes,
``details`` folded; VitePress's ``code-group`` (code tabs), ``v-pre`` and ``raw`` show their inside as it
is.  A type none of them draws, or a container never closed, stays text, as those tools show it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from zhudu.notes.block_tags import FENCE_RE
from zhudu.notes.box_names import DETAILS_WORD, type_word
from zhudu.notes.box_places import columns
from zhudu.notes.dialect_markdown import Line, admonition, fence_end

#: ``::: tip 标题``, ``:::tip[标题]`` (Docusaurus), ``::: details 标题 {open}`` (VitePress).
#: Indented, in a list item or a box (``box_places``).
CONTAINER_RE = re.compile(r"^[ \t]*(?P<colons>:{3,})[ \t]*(?P<kind>[A-Za-z][\w-]*)(?P<rest>.*)$")
#: The drawn types (VuePress 2, vuepress-theme-hope, VitePress, Docusaurus) as admonition types.
BOX_TYPES = {
    "tip": "tip", "info": "info", "note": "note", "important": "tip",
    "warning": "warning", "caution": "warning", "danger": "danger", "details": "note",
}  # fmt: skip
#: Containers that are no box: their inside is shown as it is.
PLAIN = frozenset({"code-group", "v-pre", "raw"})
_OPEN_FLAG_RE = re.compile(r"[ \t]*\{[ \t]*open[ \t]*\}[ \t]*$")
_BRACKET_TITLE_RE = re.compile(r"^\[(?P<title>.*)\]$")


def container_end(lines: Sequence[Line], start: int, m: re.Match[str]) -> int | None:
    """The line closing the container opened by ``m`` at ``start``; None if no tool draws it or none closes it."""
    if m["kind"].lower() not in BOX_TYPES and m["kind"].lower() not in PLAIN:
        return None
    j = start + 1
    while j < len(lines):
        text = lines[j][0]
        if fence := FENCE_RE.match(text):
            j = fence_end(lines, j, fence["fence"]) + 1  # `:::` inside code is code
            continue
        stripped = text.strip()
        as_code = columns(text) - columns(lines[start][0]) >= 4  # indented code: text
        if len(stripped) >= len(m["colons"]) and not stripped.strip(":") and not as_code:
            return j
        j += 1
    return None


def unclosed_container(m: re.Match[str]) -> str | None:
    """What to say of a container of a drawn type that no line of colons closes; None for another type."""
    if m["kind"].lower() not in BOX_TYPES and m["kind"].lower() not in PLAIN:
        return None
    return (
        f"{m.group(0).strip()}: the container is never closed (no line of {m['colons']} after it): "
        f"shown as written, as VuePress shows it; close it with {m['colons']} on a line of its own"
    )


def container_box(m: re.Match[str], inner: Sequence[Line], line: int) -> list[Line]:
    """The container as an admonition (``???`` for ``details``, ``???+`` when it opens), or its inside alone."""
    written = m["kind"].lower()
    if written in PLAIN:
        return [("", line), *inner, ("", inner[-1][1] if inner else line)]
    rest = m["rest"].strip()
    opened = bool(_OPEN_FLAG_RE.search(rest))
    rest = _OPEN_FLAG_RE.sub("", rest).strip()
    if bracket := _BRACKET_TITLE_RE.match(rest):
        rest = bracket["title"].strip()
    # The tools title an untitled box by its type: here the type's word (提示, 警告), as every box.
    title = rest.replace('"', "'")
    if written == "details":
        return admonition("", "???+" if opened else "???", "note", title or DETAILS_WORD, inner, line)
    kind = BOX_TYPES[written]
    return admonition("", "!!!", kind, title or type_word(written), inner, line)
