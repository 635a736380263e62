"""A link's underline runs between the ink of the full-width brackets its text starts or ends with.

A full-width 「）」 draws its ink in the left half of its square and leaves the right half as the
space the font builds in (the marks are set full width, GB/T 15834; never squeezed here, zhudu.css).
A link's underline ran under that empty half, so ``[说明（见下）](x)再说`` looked linked up to 「再」.
The bracket is wrapped (``<span class="zd-link-end">``): zhudu.css draws it half an em narrower and
gives the half back as a margin, which an underline does not cross; the text, the line's spacing and
its breaks are unchanged.  Brackets only: 「。」「，」 are centred in Taiwan's and Hong Kong's fonts, and
curly quotes are drawn by the Latin font first in Material's font stack, narrow.

An opening bracket is the mirror: its ink in the right half, the left half empty, so ``见[「引文」](x)`` was
underlined from the end of 「见」 (session 34's reader review).  It is wrapped (``<span
class="zd-link-start">``) and zhudu.css clips the wrapper's left half away, the underline under it with
it: the bracket's width, and so the line, is the same.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

#: Closing brackets whose ink is in the left half of their square in every region's fonts.
CLOSING_BRACKETS = frozenset("）」』】〉》〕〗〙〛］｝")
#: Opening brackets whose ink is in the right half of their square in every region's fonts.
OPENING_BRACKETS = frozenset("（「『【〈《〔〖〘〚［｛")
#: Both, for the templates that write a title as a link's whole text (overrides/partials/zd-link-text.html).
BRACKETS = (OPENING_BRACKETS, CLOSING_BRACKETS)
CLASS = "zd-link-end"
START_CLASS = "zd-link-start"
#: Elements whose text is shown as written, in their own font: never wrapped inside.
_AS_WRITTEN = frozenset({"code", "kbd", "samp", "math", "svg", "img", "button"})


def _last_text(element: etree.Element) -> tuple[etree.Element, str] | None:
    """Where the last character of ``element``'s text is: (the element, ``"text"`` or ``"tail"``)."""
    if len(element):
        last = element[-1]
        if last.tail:
            return last, "tail"
        return None if last.tag in _AS_WRITTEN else _last_text(last)
    return (element, "text") if element.text else None


def _first_text(element: etree.Element) -> etree.Element | None:
    """The element whose ``text`` holds the first character of ``element``'s text."""
    if element.text:
        return element
    if not len(element) or element[0].tag in _AS_WRITTEN:
        return None
    return _first_text(element[0])


def mark_link_ends(root: etree.Element) -> None:
    """Wrap the closing bracket that ends a link's text (``CLASS``), the opening one it starts with (``START_CLASS``)."""
    for link in list(root.iter("a")):
        if (owner := _first_text(link)) is not None and owner.text and owner.text[0] in OPENING_BRACKETS:
            start = etree.Element("span", {"class": START_CLASS})
            start.text, start.tail, owner.text = owner.text[0], owner.text[1:] or None, None
            owner.insert(0, start)
        place = _last_text(link)
        if place is None:
            continue
        owner, attr = place
        text = getattr(owner, attr)
        if text[-1] not in CLOSING_BRACKETS:
            continue
        setattr(owner, attr, text[:-1] or None)
        # The bracket becomes the last child of the element its text was in.
        holder = owner if attr == "text" else next(e for e in link.iter() if len(e) and e[-1] is owner)
        end = etree.SubElement(holder, "span", {"class": CLASS})
        end.text = text[-1]


class LinkEndsTreeprocessor(Treeprocessor):
    """:func:`mark_link_ends` on the rendered tree."""

    def run(self, root: etree.Element) -> None:
        mark_link_ends(root)


class LinkEndsExtension(Extension):
    """Registers the wrapping last (priority 1): after the inline links, anchors and marks are in place."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(LinkEndsTreeprocessor(md), "zd-link-ends", 1)
