"""Math (``pymdownx.arithmatex``) shown as its TeX source, labelled."""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

MATH_BLOCK_LABEL = "数学公式（TeX 源码，未排版）"
MATH_INLINE_LABEL = "公式"


class _MathSource(Treeprocessor):
    """``pymdownx.arithmatex``'s output, labelled as TeX source.

    No renderer is among the pinned dependencies, and MathJax or KaTeX from a CDN would make every
    reader's browser contact another host: the formula is shown as its TeX, set apart in code and
    labelled as math.  Runs after the inline patterns (20) and before the safety tree (7).
    """

    def run(self, root: object) -> None:
        for el in list(root.iter()):  # type: ignore[attr-defined]
            classes = (el.get("class") or "").split()
            if "arithmatex" not in classes or "zd-math" in classes:
                continue
            tex = el.text or ""
            block = el.tag == "div"
            tex = re.sub(r"^\\[\[(]\s*|\s*\\[\])]$", "", tex.strip())
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


class MathSourceExtension(Extension):
    """Registers :class:`_MathSource` (the hook adds it in ``on_config``)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_MathSource(md), "zd-math-source", 15)
