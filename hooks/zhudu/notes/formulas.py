r"""Math (``pymdownx.arithmatex``) typeset as MathML at build time, or shown as its TeX, labelled.

A formula becomes ``<math>`` (:func:`zhudu.notes.mathml.typeset`): inline in the line, a display
formula (``$$…$$``, ``\[…\]``) in a ``div.zd-formula`` that centres it and scrolls it sideways on
a narrow screen.  The browser lays it out: no script and no other host.  A formula that cannot be
typeset is shown as before, its TeX set apart in code and labelled as math, with one warning
naming the note's line.

Two kinds of MathML, kept apart on purpose: the author's own ``<math>`` HTML is removed by the
sanitiser like any foreign content (``sanitizer.FORBIDDEN_TAGS``), while the MathML made here is
Zhudu's markup, built from an allow-list (``mathml.ELEMENTS``) and put in the page through
Markdown's stash, like the other markup the build writes: the safety tree never judges it, and
no text of the note can make a placeholder.  Runs after the inline patterns (20) and before the
safety tree (7).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from mkdocs.plugins import get_plugin_logger

from zhudu.notes.mathml import MathError, typeset

MATH_BLOCK_LABEL = "数学公式（TeX 源码，未排版）"
MATH_INLINE_LABEL = "公式"

log = get_plugin_logger("zhudu")

#: Warns at the line of the note rendered now holding a needle; False on the site's own pages.
WarnAtLine = Callable[[str, str], bool]

#: Marks a Chinese line must not start with (after a formula), or end with (before one).
_CLOSING = frozenset("，。、；：！？）」』】》〉”’…")
_OPENING = frozenset("（「『【《〈“‘")
_DELIMITERS_RE = re.compile(r"^\\[\[(]\s*|\s*\\[\])]$")


class _Formulas(Treeprocessor):
    """``pymdownx.arithmatex``'s elements, typeset (or labelled as TeX source)."""

    def __init__(self, md: Markdown, warn_at_line: WarnAtLine) -> None:
        super().__init__(md)
        self.warn_at_line = warn_at_line

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        found = [
            el
            for el in root.iter()  # in the note's order: its warnings too
            if "arithmatex" in (classes := (el.get("class") or "").split()) and "zd-math" not in classes
        ]
        for el in found:
            block = el.tag == "div"
            tex = _DELIMITERS_RE.sub("", (el.text or "").strip())  # as arithmatex escaped it
            source = html.unescape(tex)
            try:
                mathml, refused = typeset(source, block=block)
            except MathError as error:
                _warn(
                    self.warn_at_line,
                    source,
                    f"{error}: shown as its TeX source; correct the formula, or shorten it",
                )
                _source(el, tex, block)
                continue
            if refused:
                _warn(
                    self.warn_at_line,
                    source,
                    f"{', '.join(refused)} not published (a link, style or class from a note): typeset without",
                )
            holder = self.md.htmlStash.store(mathml)
            if block:
                el.attrib.clear()
                el.set("class", "zd-formula")
                el.text = holder
            else:
                _inline(parents[el], el, holder)


def _inline(parent: etree.Element, el: etree.Element, holder: str) -> None:
    """The ``<math>`` (``holder``) in the line, in ``el``'s place.

    A browser may break a line before or after an inline formula as around an image, so a
    Chinese line could start with the "，" after it or end with the "（" before it: such a mark
    and the formula are kept together in a ``span.zd-nobr``.
    """
    index = list(parent).index(el)
    before = (parent.text if index == 0 else parent[index - 1].tail) or ""
    after = el.tail or ""
    opening = before[-1:] if before[-1:] in _OPENING else ""
    closing = after[:1] if after[:1] in _CLOSING else ""
    if opening or closing:
        el.attrib.clear()
        el.set("class", "zd-nobr")
        el.text = opening + holder + closing
        el.tail = after[len(closing) :]
        before = before[: len(before) - len(opening)]
    else:
        parent.remove(el)
        before += holder + after
    if index == 0:
        parent.text = before
    else:
        parent[index - 1].tail = before


def _source(el: etree.Element, tex: str, block: bool) -> None:
    """``el`` as the formula's TeX, set apart in code and labelled as math."""
    el.text = None
    el.set("class", "arithmatex zd-math " + ("zd-math--block" if block else "zd-math--inline"))
    label = el.makeelement("span", {"class": "zd-math__label"})
    label.text = MATH_BLOCK_LABEL if block else MATH_INLINE_LABEL
    label.tail = " "
    code = el.makeelement("code", {"class": "zd-math__tex"})
    code.text = AtomicString(tex)
    if block:
        pre = el.makeelement("pre", {"class": "zd-math__source"})
        pre.append(code)
        el.extend([label, pre])
    else:
        el.extend([label, code])


def _warn(warn_at_line: WarnAtLine, tex: str, message: str) -> None:
    """One warning for a formula: at the note's line holding it, or without a line on the site's own pages."""
    flat = " ".join(tex.split())  # a display formula's lines, on the warning's one line
    shown = flat if len(flat) <= 60 else flat[:57] + "…"
    needle = next((line.strip() for line in tex.splitlines() if line.strip()), tex)
    if not warn_at_line(needle, f"formula '{shown}': {message}"):
        log.warning("formula '%s': %s", shown, message)


class FormulasExtension(Extension):
    """Registers :class:`_Formulas`; ``warn_at_line`` is the build's ``SafetyExtension.warn``."""

    def __init__(self, warn_at_line: WarnAtLine) -> None:
        super().__init__()
        self.warn_at_line = warn_at_line

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Formulas(md, self.warn_at_line), "zd-formulas", 15)
