"""Two lists one after the other stay two lists, as CommonMark draws them.

CommonMark starts a new list where the item's marker changes kind (``1.`` then ``-``, ``-`` then ``*``), a
blank line between them or not; Python-Markdown went on with the list above, the bullets numbered on in its
``<ol>``.  The dialect rewrite (``box_places``) writes :data:`LIST_END` as a paragraph of its own between
them: Python-Markdown ends the list above at it, and this tree processor removes it before anything else
reads the page (before the inline patterns, so it is still the line as written).  A numbered list after it
starts at its first number (``4.`` after bullets), as CommonMark numbers it: Python-Markdown began at 1.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

_LIST_END_RE = re.compile(r"<zd-list-end(?: (?P<start>\d{1,9}))?>")


def list_end(start: int | None) -> str:
    """The line between two lists, with the number the list after it starts at if not 1.

    An unknown tag: a summary of the note's Markdown leaves it out with the tags.
    """
    return f"<zd-list-end {start}>" if start not in (None, 1) else "<zd-list-end>"


class _ListEnds(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in [e for e in root.iter() if len(e)]:
            children = list(parent)
            for at, child in enumerate(children):
                m = _LIST_END_RE.fullmatch(child.text or "") if child.tag == "p" and not len(child) else None
                if m is None:
                    continue
                after = children[at + 1] if at + 1 < len(children) else None
                if m["start"] and after is not None and after.tag == "ol":
                    after.set("start", str(int(m["start"])))
                parent.remove(child)


class ListEndsExtension(Extension):
    """Registers the removal before the inline patterns (priority 20) read the paragraph."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_ListEnds(md), "zd-list-ends", 25)
