"""A fenced code block's attribute list (```` ```{.python #id data-x="…"} ````), judged before it is read.

pymdownx.superfences reads the ``{…}`` after a fence with attr_list's ``get_attrs`` and writes the
block's ``#id``, classes and ``data-*`` attributes into its wrapper ``<div>`` as given, unescaped
(pymdownx.highlight formats ``f'{k}="{v}"'``), and it stashes the block before the note's raw HTML is
read: the sanitiser (``safety``) never sees it.  So ``data-x='"><img src=x onerror=…>'`` (or a
``"`` in an id, a class or an attribute's name) wrote live markup into every variant, and
``#__config`` or ``data-md-component`` gave the theme's own hooks to the note.

:class:`FenceAttributes` runs just before superfences and rewrites such a list: values are escaped
(``"``, ``<``, ``>``: what the author wrote stays, as text), and an attribute the allow-list refuses
(a reserved id, Material's ``data-md-*``, Zhudu's ``data-zd-*``, an event handler, a name no browser reads as one) is
removed with a warning naming the line.  A list that needs neither is left byte for byte.

Every line that looks like a fence with an attribute list is judged, inside code or not: following
superfences' own reading of which fence is open would be a second parser to keep in step with it, and
a line it reads as code only loses what would be unsafe if it were a fence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown import Markdown
from markdown.extensions.attr_list import get_attrs
from markdown.preprocessors import Preprocessor

from zhudu.notes.sanitizer import Finding, Sanitizer

#: A fence's opening line with an attribute list, as superfences reads one (after ``>`` and indentation).
_FENCE_ATTRS_RE = re.compile(
    r"^(?P<head>[> \t]*(?:`{3,}|~{3,})[^{`\n]*)\{(?P<attrs>[^\n]*)\}(?P<tail>[ \t]*)$"
)
#: superfences' own options (``pymdownx.highlight`` validates and escapes them); never attributes.
_OPTIONS = frozenset({"hl_lines", "linenums", "title", "title_mode"})
#: A name an HTML parser reads as one attribute's name (no quote, ``<``, ``>``, ``/``, ``=`` or space).
_NAME_RE = re.compile(r"^[A-Za-z_:][-A-Za-z0-9_:.]*$")
_ESCAPES = str.maketrans({'"': "&quot;", "<": "&lt;", ">": "&gt;"})


def _escaped(value: str) -> str:
    # Inside the double quotes superfences writes: what ends the value or could be read as a tag.
    return value.translate(_ESCAPES)


def judge(line: str, sanitizer: Sanitizer) -> tuple[str, list[Finding]]:
    """``line`` with its attribute list made safe (the line itself when it is), and what was removed."""
    m = _FENCE_ATTRS_RE.match(line)
    if m is None:
        return line, []
    items, findings, changed = [], [], False
    for name, value in get_attrs(m["attrs"]):
        if name == ".":
            items.append("." + _escaped(value))
            changed |= _escaped(value) != value
        elif name in _OPTIONS:  # escaped by pymdownx.highlight itself: only quoted so it reads the same
            items.append(
                name if value is None else f"{name}='{value}'" if '"' in value else f'{name}="{value}"'
            )
        elif _NAME_RE.match(name) and sanitizer.attr_ok("div", name.lower(), value or ""):
            if value is None:  # a word: an attribute without a value
                items.append(name)
            else:
                items.append(f'{name}="{_escaped(value)}"')
                changed |= _escaped(value) != value
        else:
            findings.append(Finding(f"#{value}" if name == "id" else name, _message(name, value)))
            changed = True
    if not changed:
        return line, []
    return f"{m['head']}{{{' '.join(items)}}}{m['tail']}", findings


def _message(name: str, value: str | None) -> str:
    what = f"#{value}" if name == "id" else name if value is None else f"{name}={value!r}"
    if name == "id":
        why = "an id starting with __ is the theme's own"
    elif name.lower().startswith("on"):
        why = "an event handler runs script"
    elif name.lower().startswith("data-md-"):
        why = "data-md-* attributes are the theme's own"
    elif name.lower().startswith("data-zd-"):
        why = "data-zd-* attributes are the build's own"
    else:
        why = "not an attribute a note's code block may have"
    return (
        f"code block attribute {what}: {why}: removed; a fence's {{…}} may hold classes, an id, "
        "data-* attributes and title, linenums, hl_lines"
    )


class FenceAttributes(Preprocessor):
    """Judges each fence's attribute list on a note's page, before superfences (25) reads it."""

    def __init__(
        self,
        md: Markdown,
        sanitizer: Sanitizer,
        active: Callable[[], bool],
        report: Callable[[list[Finding], str], None],
    ) -> None:
        super().__init__(md)
        self.sanitizer, self.active, self.report = sanitizer, active, report

    def run(self, lines: list[str]) -> list[str]:
        if not self.active():
            return lines
        out = []
        for line in lines:
            if "{" in line:
                judged, found = judge(line, self.sanitizer)
                if found:  # found at the line holding this list, as the author wrote it
                    self.report(found, line[line.index("{") :].rstrip())
                line = judged
            out.append(line)
        return out
