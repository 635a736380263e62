"""Inline code keeps a Han letter with a symbol beside it (``文件>设置``), as ``word-break: keep-all`` should.

zhudu.css gives inline code ``word-break: keep-all`` so it breaks where its words do.  CSS Text 3 has keep-all
suppress the soft wraps between letters of the NU, AL, AI and ID line-breaking classes, ``>``, ``=``, ``#``,
``_`` and ``@`` (AL) among them; Chromium suppresses one only between two letters or digits (Unicode's general
categories L and N: Blink's ``ShouldKeepAfterKeepAll``), so it still breaks on both sides of a symbol next to
a Han letter, as ICU's line breaker does between ID and AL: ``文件`` / ``>`` / ``设置`` on a phone
(measured in Chromium 156; a Latin letter or a digit next to Han stays, ``文件abc``).  Each such joint is
wrapped in ``<zd-g>`` (``white-space: nowrap``): the Han letter, the symbols and the Han letter after them,
a few characters that never overflow, the code's text (copied, searched) unchanged.  Table cells keep their
own break points (``cell_code``).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Any

from zhudu.annotate.textmarks import GLUED_SPACE_TAG

__all__ = ["code_pieces", "glue_han_symbols"]

# --------------------------------------------------------------------------- Data

_HAN = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
#: Symbols of the AL class that Chromium breaks beside Han under keep-all: ASCII's, arrows, math operators.
_SYMBOLS = "#&*<=>@^_`~\u2190-\u21ff\u2200-\u22ff"
#: A joint: symbols with a Han letter on one side or both; a chain (文>设>高) is one joint.
_JOINT_RE = re.compile(
    rf"[{_HAN}](?:[{_SYMBOLS}]+[{_HAN}])+|[{_HAN}]?[{_SYMBOLS}]+[{_HAN}]|[{_HAN}][{_SYMBOLS}]+"
)
_SPLIT_RE = re.compile(f"({_JOINT_RE.pattern})")
_PLACEHOLDER_RE = re.compile("\x02wzxhzdk:(?P<index>\\d+)\x03")
_TAG_RE = re.compile(
    r"(<[^>]*>)"
)  # highlighted inline code (#!python …) is markup: its tags kept as they are
_CELLS = ("td", "th")


def code_pieces(text: str) -> list[tuple[str, bool]]:
    """``text`` as (piece, glued) pairs, the joints glued (``re.split`` puts each joint at an odd index).

    A theme page's quoted code is drawn from these (``zd-themes-marks.html``), as its note draws it.
    """
    return [(piece, index % 2 == 1) for index, piece in enumerate(_SPLIT_RE.split(text)) if piece]


def _glued_markup(part: str) -> str:
    """A piece of stashed code's markup: a tag as it is, escaped text with its joints glued."""
    if part.startswith("<") or not _JOINT_RE.search(text := html.unescape(part)):
        return part
    return "".join(
        f"<{GLUED_SPACE_TAG}>{html.escape(piece, quote=False)}</{GLUED_SPACE_TAG}>"
        if glued
        else html.escape(piece, quote=False)
        for piece, glued in code_pieces(text)
    )


def glue_han_symbols(root: etree.Element, stashed: list[Any]) -> None:
    """Wrap each Han–symbol joint of inline code (``<code>`` with no child, outside ``pre`` and cells).

    ``stashed`` is the note's ``md.htmlStash.rawHtmlBlocks``: ``pymdownx.inlinehilite`` stashes the code's
    escaped text there (highlighted, its token spans), and its text is glued there.
    """
    skipped = {
        id(code) for parent in root.iter() if parent.tag in ("pre", *_CELLS) for code in parent.iter("code")
    }
    for code in root.iter("code"):
        if id(code) in skipped or len(code) or not code.text:
            continue
        holder = _PLACEHOLDER_RE.fullmatch(code.text)
        if holder is not None:
            index = int(holder["index"])
            if isinstance(stashed[index], str):
                stashed[index] = "".join(map(_glued_markup, _TAG_RE.split(stashed[index])))
            continue
        if not _JOINT_RE.search(code.text):
            continue
        text_type = type(code.text)  # Python-Markdown's AtomicString: no further inline parsing
        pieces = code_pieces(code.text)
        code.text = text_type("")
        last: etree.Element | None = None
        for piece, glued in pieces:
            if glued:
                last = etree.SubElement(code, GLUED_SPACE_TAG)
                last.text, last.tail = text_type(piece), text_type("")
            elif last is None:
                code.text = text_type(piece)
            else:
                last.tail = text_type(piece)
