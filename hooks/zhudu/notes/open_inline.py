"""An inline tag the author left open is closed where its paragraph ends.

Python-Markdown keeps each raw inline tag on its own (``这是<em>强调的开头``: an ``<em>``, no ``</em>``)
and puts it back as written, so the paragraph's ``</p>`` came with the ``<em>`` still open.  A
browser does not end it there: ``em``, ``b``, ``i``, ``u``, ``s``, ``a``, ``code``, ``small`` … are
formatting elements, which the HTML parser opens again in every paragraph after (its "list of active
formatting elements"), so every later paragraph, list item and heading of the note was italic,
bold, struck through or one link (``containment.left_open`` closed them at the note's end only).

Here the tree Markdown made is read after its inline patterns and ``attr_list``: an element's own
text and its children's tails, cut at each block child (a list inside a list item), are one run,
and a start tag stashed in a run that no end tag of the run closes is closed at the run's end (a
new stash entry; before a footnote's link back, which is the page's), as Markdown's own ``*…*``
never outlives its paragraph.  A tag opened inside an inline element (``**粗<i>斜**``) is closed
before that element ends.  Every inline tag left open is closed, the ones a browser would have
closed at the paragraph's end too (``span``, ``sup``): the table of contents renders a heading's
HTML alone, where nothing would.

The warning names the start tag's line: the note's Markdown is read the same way, paragraph by
paragraph outside code (:func:`source_lines`), and the n-th ``<em>`` left open in the render is the
n-th left open in a paragraph of the file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from zhudu.notes.page_ids import CODE_SPAN_RE, fenced
from zhudu.notes.stray_lines import TAG_RE

#: Python-Markdown's placeholder for stashed HTML (an inline tag, code, a character reference).
STASH_RE = re.compile("\x02wzxhzdk:(?P<index>\\d+)\x03")
#: A stashed tag of the author's HTML (``<em>``, ``</kbd>``): whether it ends, its name, whether it says ``/>``.
RAW_TAG_RE = re.compile(r"<(?P<end>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)[^>]*?(?P<self>/?)>")
#: Elements that hold running text and end inside a paragraph (HTML's phrasing content, less the void
#: ones and those whose inside is not text).
INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
     "kbd", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong",
     "sub", "sup", "time", "tt", "u", "var"}
)  # fmt: skip
#: The HTML parser's formatting elements: one left open comes back in every paragraph after it.
FORMATTING_TAGS = frozenset(
    {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"}
)
#: A line of Markdown that starts a block of its own: a heading, a list item, a quote, a table's rule.
_BLOCK_START_RE = re.compile(
    r"""^[ \t]*(?:\#{1,6}(?:[ \t]|$)          # a heading (it ends with its line)
        | (?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)     # a list item
        | !!!|\?\?\?|===                       # an admonition, a folding box, a content tab
        | \[\^[^\]]+\]:)                       # a footnote
    """,
    re.VERBOSE,
)
_HEADING_RE = re.compile(r"^[ \t]*\#{1,6}(?:[ \t]|$)")
#: The quote marks a line starts with (a quote's paragraphs end as others do, inside it).
_QUOTE_MARKS_RE = re.compile(r"^(?:[ \t]*>)+")


@dataclass(frozen=True)
class OpenTag:
    """A start tag of the author's that its paragraph left open: closed at the paragraph's end."""

    name: str  # lower case
    nth: int  # how many of its name were left open before it, in the order of the page


def close_open_inline(
    root: etree.Element,
    stashed: Sequence[Any],
    store: Callable[[str], str],
    is_block: Callable[[str], bool],
) -> list[OpenTag]:
    """Close, at the end of its run, each inline start tag stashed in ``root``'s text that its run leaves open.

    Args:
        root: The tree Markdown made, its inline patterns applied (raw tags are placeholders in its text).
        stashed: ``md.htmlStash.rawHtmlBlocks`` (what each placeholder stands for).
        store: Stashes an end tag, returning its placeholder (``md.htmlStash.store``).
        is_block: Whether a tag is a block element (``md.is_block_level``): a run ends before one.

    Returns:
        The tags closed, in the order of the page.
    """
    closed: list[OpenTag] = []
    counts: dict[str, int] = defaultdict(int)

    def close(owner: etree.Element, attr: str, still_open: list[str]) -> None:
        if not still_open:
            return
        text = getattr(owner, attr) or ""
        ends = "".join(store(f"</{name}>") for name in reversed(still_open))
        setattr(owner, attr, type(text)(text + ends))  # an AtomicString stays one
        for name in still_open:
            closed.append(OpenTag(name, counts[name]))
            counts[name] += 1

    def walk(element: etree.Element) -> None:
        still_open = _read(element.text, stashed, [])
        end: tuple[etree.Element, str] = (element, "text")  # where the run at hand ends
        for child in element:
            if isinstance(child.tag, str) and (is_block(child.tag) or _is_back_link(child)):
                close(*end, still_open)
                still_open = []
            if isinstance(child.tag, str):
                walk(child)
            end = (child, "tail")
            still_open = _read(child.tail, stashed, still_open)
        close(*end, still_open)

    walk(root)
    return closed


def _is_back_link(element: etree.Element) -> bool:
    """Whether ``element`` is a footnote's link back to its reference: the page's, after the author's text."""
    return element.tag == "a" and "footnote-backref" in (element.get("class") or "").split()


def _read(text: str | None, stashed: Sequence[Any], still_open: list[str]) -> list[str]:
    """``still_open`` after the raw tags of ``text``: a start tag opens, an end tag closes the latest of its name."""
    if not text or "\x02" not in text:
        return still_open
    for found in STASH_RE.finditer(text):
        index = int(found["index"])
        held = stashed[index] if index < len(stashed) else None
        tag = RAW_TAG_RE.fullmatch(held.strip()) if isinstance(held, str) else None
        if tag is None or (name := tag["name"].lower()) not in INLINE_TAGS:
            continue
        if not tag["end"]:
            still_open.append(name)  # ``<em/>`` too: HTML ignores the slash on a non-void element
        elif name in still_open:
            del still_open[len(still_open) - 1 - still_open[::-1].index(name)]
    return still_open


def source_lines(lines: Sequence[str]) -> dict[str, list[int]]:
    """Per inline tag name, the lines (1-based) of its start tags left open in their paragraph of ``lines``.

    A paragraph ends at a blank line, before a line starting a block (a heading, a list item, a quote,
    a box, a footnote, a fenced code block), and a heading with its line; code spans and fenced code
    hold no tags.
    """
    found: dict[str, list[int]] = defaultdict(list)
    still_open: list[tuple[str, int]] = []

    def paragraph_ends() -> None:
        for name, number in still_open:
            found[name].append(number)
        still_open.clear()

    for number, (line, code) in enumerate(zip(lines, fenced(lines), strict=True), start=1):
        inside = _QUOTE_MARKS_RE.sub("", line)
        if code or not inside.strip() or _BLOCK_START_RE.match(inside):
            paragraph_ends()
        if code or "<" not in line:
            continue
        spans = [m.span() for m in CODE_SPAN_RE.finditer(line)]
        for tag in TAG_RE.finditer(line):
            name = tag["name"].lower()
            if name not in INLINE_TAGS or any(s <= tag.start() < e for s, e in spans):
                continue
            if not tag["end"]:
                still_open.append((name, number))
            elif opened := [i for i, (n, _) in enumerate(still_open) if n == name]:
                del still_open[opened[-1]]
        if _HEADING_RE.match(inside):
            paragraph_ends()
    paragraph_ends()
    for numbers in found.values():
        numbers.sort()
    return found


def message(name: str, line: int) -> str:
    """The warning for an ``<name>`` left open on ``line`` (0: not found in the file)."""
    carried = ", or a browser would carry it into the paragraphs after" if name in FORMATTING_TAGS else ""
    where = f" on line {line}" if line else ""
    return f"<{name}> is never closed: closed where its paragraph ends{carried}; close the <{name}>{where}"
