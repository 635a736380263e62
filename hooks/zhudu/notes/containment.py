"""A note's HTML stays inside the note: no end tag of it may close an element of the page around it.

The sanitiser (``notes/sanitizer.py``) judges the author's raw HTML a piece at a time, and a piece
that is one end tag (``</div>``, ``</article>``) is allowed when its tag is.  On the page the
browser reads that tag against everything open at that point, the template's containers included:
a stray ``</div></article>`` closes ``div.zd-note__body`` and the note's ``article``, and what
follows sits in the page's chrome, where it can pose as the site's own links.  Counting tags does
not tell (``<li>``, ``<p>`` close implicitly, tables move content), so a real HTML5 parser decides:
nh3's (html5ever, through ammonia) reads the rendered note inside the page's chain of containers
(``PAGE_CHAIN``, from ``overrides/note.html`` and Material's ``base.html``) with a marker after it,
and the note is contained when the marker is still inside the note's body element.

A contained note is left byte for byte.  Otherwise each end tag that makes it escape is found
(the first prefix of the note that escapes ends with it: once the body element is closed nothing
reopens it), removed and reported; after ``MAX_REMOVED`` of them the whole note is re-serialised
from nh3's reading of it alone (:func:`reparsed`), where an end tag closing nothing is dropped.
"""

from __future__ import annotations

import re
import secrets
import string
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

#: The elements around a note's body on its page, outermost first (``body`` is left out: its end
#: tag only changes the parser's mode, and a fragment parser never closes it).
PAGE_CHAIN = ("div", "main", "div", "div", "article", "article")
#: Stray end tags removed one by one (each found with a few parses) before the note is re-serialised.
MAX_REMOVED = 20

_CHAIN_CLEANER_TAGS = frozenset(PAGE_CHAIN) | {"div", "i"}
#: Reads a page down to its containers and the markers (what is inside them is parsed, then dropped).
_CHAIN_CLEANER = nh3.Cleaner(
    tags=set(_CHAIN_CLEANER_TAGS),
    clean_content_tags=set(),
    attributes={"*": {"data-zd-guard"}},
    link_rel=None,
)
_GUARD_TAG_RE = re.compile(r"<(/?)(?:div|main|article|i)\b([^>]*)>")


@dataclass(frozen=True)
class StrayEndTag:
    """An end tag of the note's that would have closed an element of the page: removed."""

    text: str  # as written (``</div>``)
    tag: str


def _escapes(html: str) -> bool:
    """Whether ``html``, read as the note's body on its page, ends outside the body element."""
    nonce = secrets.token_hex(8)  # the note cannot write the markers' values
    body, end = f"{nonce}-body", f"{nonce}-end"
    page = (
        "".join(f"<{tag}>" for tag in PAGE_CHAIN)
        + f'<div data-zd-guard="{body}">{html}<i data-zd-guard="{end}"></i></div>'
        + "".join(f"</{tag}>" for tag in reversed(PAGE_CHAIN))
    )
    read = _CHAIN_CLEANER.clean(page)
    depth = None  # open elements inside the body element, once it is found
    for m in _GUARD_TAG_RE.finditer(read):
        if depth is None:
            depth = 1 if body in m[2] else None
            continue
        if end in m[2]:
            return False
        depth += -1 if m[1] else 1
        if depth == 0:
            return True
    return True  # the marker was read as text (``<plaintext>``, an open ``<textarea>``): escaped


class _EndTags(HTMLParser):
    """Where the end tags of a piece of HTML are, as a tokenizer finds them (not inside attributes)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.spans: list[tuple[int, int, str]] = []
        self._html = html
        self.feed(html)
        self.close()

    def handle_endtag(self, tag: str) -> None:
        line, column = self.getpos()
        start = self._line_starts[line - 1] + column
        end = self._html.find(">", start) + 1
        if end > start:
            self.spans.append((start, end, tag))


def _first_escaping(html: str, spans: list[tuple[int, int, str]], lo: int) -> int:
    """The index of the end tag (from ``lo``) whose prefix of ``html`` first escapes; ``len(spans)`` if none.

    Once a prefix has closed the body element nothing reopens it, so escaping is monotone: a
    galloping search from ``lo`` (stray tags come in runs), then bisection.
    """
    hi, step = len(spans), 1
    while lo + step - 1 < hi:
        probe = lo + step - 1
        if _escapes(html[: spans[probe][1]]):
            hi = probe
            break
        lo, step = probe + 1, step * 2
    while lo < hi:
        mid = (lo + hi) // 2
        if _escapes(html[: spans[mid][1]]):
            hi = mid
        else:
            lo = mid + 1
    return lo


def reparsed(html: str) -> str:
    """``html`` as nh3 reads it alone (an end tag closing nothing dropped), every tag and attribute kept.

    The tags and attributes are already the sanitiser's; this only re-serialises the tree.
    """
    tags = {tag for _, _, tag in _EndTags(html).spans} | set(re.findall(r"<([A-Za-z][A-Za-z0-9-]*)", html))
    return nh3.Cleaner(
        tags={tag.lower() for tag in tags},
        clean_content_tags=set(),
        attributes={},
        generic_attribute_prefixes=set(string.ascii_letters),
        link_rel=None,
        strip_comments=True,
    ).clean(html)


def contain(html: str) -> tuple[str, list[StrayEndTag], bool]:
    """``html`` (a note's rendered body) made to stay inside the note's element.

    Returns the HTML (``html`` itself when it was contained), the end tags removed, and whether the
    note had to be re-serialised after ``MAX_REMOVED`` of them.
    """
    # No tag, nothing to close: skips an HTML parse per heading (toc runs this on every heading's text).
    if "<" not in html or not _escapes(html):
        return html, [], False
    removed: list[StrayEndTag] = []
    spans = _EndTags(html).spans
    at = 0  # the prefixes before the tag removed last do not escape, and removing it keeps them so
    while len(removed) < MAX_REMOVED:
        at = _first_escaping(html, spans, at)
        if at == len(spans):
            break
        start, end, tag = spans.pop(at)
        removed.append(StrayEndTag(html[start:end], tag))
        html = html[:start] + html[end:]
        spans[at:] = [(s - (end - start), e - (end - start), t) for s, e, t in spans[at:]]
        if not _escapes(html):
            return html, removed, False
    return reparsed(html), removed, True


#: Elements that hold what follows them until their end tag: one a note leaves open takes in the rest of
#: the page (the footer into a table cell) or of the note (hidden in a closed ``<details>``).
_HOLDING_TAGS = (
    "div", "section", "details", "table", "blockquote", "figure", "aside", "article", "main", "nav",
    "header", "footer", "ul", "ol", "dl", "span", "a", "em", "strong", "b", "i", "u", "s", "sup", "sub",
)  # fmt: skip
_HOLDING_RE = re.compile(rf"<(/?)({'|'.join(_HOLDING_TAGS)})(?=[\s>/])", re.IGNORECASE)
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_SERIALISED_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")


def left_open(html: str) -> list[str]:
    """The elements ``html`` (a note's rendered body) leaves open at its end, innermost first: the end tags to add.

    A note whose holding elements' start and end tags are as many (every note Markdown alone wrote) is
    not parsed: only a raw start tag never closed costs an HTML5 parse.  A table comes first: inside
    one, other end tags are ignored and what follows is moved before it (where the parse then finds
    the end), so a table never closed is counted and closed before the rest is read.
    """
    counts: dict[str, int] = {}
    for m in _HOLDING_RE.finditer(html):
        counts[m[2].lower()] = counts.get(m[2].lower(), 0) + (-1 if m[1] else 1)
    if all(count <= 0 for count in counts.values()):
        return []
    tables = ["table"] * max(0, counts.get("table", 0))
    nonce = secrets.token_hex(8)
    tags = {tag.lower() for tag in re.findall(r"</?([A-Za-z][A-Za-z0-9-]*)", html)} | {"i"}
    read = nh3.Cleaner(
        tags=tags, clean_content_tags=set(), attributes={"i": {"data-zd-guard"}}, link_rel=None
    ).clean(html + "".join(f"</{tag}>" for tag in tables) + f'<i data-zd-guard="{nonce}"></i>')
    stack: list[str] = []
    for m in _SERIALISED_TAG_RE.finditer(read):
        if nonce in m[3]:
            return tables + stack[::-1]
        tag = m[2].lower()
        if m[1]:
            while stack and stack.pop() != tag:
                pass
        elif tag not in _VOID_TAGS and not m[3].endswith("/"):
            stack.append(tag)
    return tables  # the marker was read as text (an open ``<textarea>``): ``contain`` has re-read the note
