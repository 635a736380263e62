"""Where inline code in a table cell may break on a phone: after ``_`` and ``/``, before ``.``.

Material lets inline code break between any two letters (``word-break: break-word``), and a table's auto
layout, seeing code that narrow, gives its column the least room: on a phone the Hexo documentation's
settings tables read ``new_post_nam`` / ``e``, ``e`` / ``n`` and ``Asia/Sh`` / ``anghai``.  A ``<wbr>`` at each
of these joints (zhudu.css then keeps the code's words whole) lets a long name break where a reader
expects, the column no wider than its longest piece; the code's text, copied or searched, is unchanged.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

#: A joint inside a name or path: after a ``/`` (not inside ``//``, not the first character), after one ``_``
#: or ``:`` and before one ``.`` with a letter or digit on each side (``__init__``, ``.md`` are not cut).
_JOINT_RE = re.compile(r"(?<=[^/]/)(?=[^/])|(?<=[^\W_][_:])(?=[^\W_])|(?<=[^\W_])(?=\.[^\W_])")


#: A code element's whole text when ``pymdownx.inlinehilite`` stashed it (its escaped text is in the stash).
_PLACEHOLDER_RE = re.compile("\x02wzxhzdk:(?P<index>\\d+)\x03")


def _split(text: str) -> list[str]:
    """``text`` cut at its joints (escaped text too: no joint falls inside a character reference)."""
    return [piece for piece in _JOINT_RE.split(text) if piece]


def mark_cell_code_joints(root: etree.Element, stashed: list[Any]) -> None:
    """Put a ``<wbr>`` at each joint of inline code (``<code>`` with no child) in a table cell.

    ``stashed`` is the note's ``md.htmlStash.rawHtmlBlocks``: the code's text is there when
    ``pymdownx.inlinehilite`` stashed it, and its escaped text is cut there.
    """
    for cell in [e for e in root.iter() if e.tag in ("td", "th")]:
        for code in cell.iter("code"):
            if len(code) or not code.text:
                continue
            holder = _PLACEHOLDER_RE.fullmatch(code.text)
            if holder is not None:
                index = int(holder["index"])
                if isinstance(stashed[index], str):
                    stashed[index] = "<wbr>".join(_split(stashed[index]))
                continue
            pieces = _split(code.text)
            text_type = type(code.text)  # Python-Markdown's AtomicString: no further inline parsing
            code.text = text_type(pieces[0])
            for piece in pieces[1:]:
                etree.SubElement(code, "wbr").tail = text_type(piece)
