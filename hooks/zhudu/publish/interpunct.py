"""A middle dot kept on the line of the character before it ("迈克尔·贝瑞"), in every variant's page.

U+00B7 is no "nonstarter" to browsers (U+30FB ・ is), so a phone's line started with "·贝瑞", which Chinese
typography forbids (clreq: 间隔号).  CSS cannot say so: the character before the dot and the dot are wrapped
in ``<zd-g>`` (``white-space: nowrap``, zhudu.css).  Done on each variant's converted page, not in the note's
Markdown: a wrapper cuts a run of text, and a rule that changes a name's length across the cut
(``迈克尔·贝瑞: 麥可·貝瑞``) could no longer be cut back into the pieces (``script.word_runs``).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from itertools import compress, repeat

from zhudu.annotate.textmarks import GLUED_SPACE_TAG

#: A tag or a comment, and the text between them.
_MARKUP_RE = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
#: Where text is not prose: code, and what the browser does not lay out as text.
_NOT_PROSE = frozenset({"script", "style", "pre", "code", "kbd", "samp", "textarea", "title", "svg", "math"})
_TAG_NAME_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
#: A tag that may open or close a non-prose element: more than ``_not_prose_step`` counts, never fewer.
_MAY_BE_NOT_PROSE_RE = re.compile(
    rf"</?(?:{'|'.join(sorted(_NOT_PROSE))})(?![A-Za-z0-9-])", re.IGNORECASE | re.ASCII
)
#: A character and the middle dot after it; not the ";" of an entity, not a space (a break there is the author's).
_DOT_RE = re.compile(r"([^\s<>&;·])·")
_WRAPPED = rf"<{GLUED_SPACE_TAG}>\1·</{GLUED_SPACE_TAG}>"


def glue_middle_dots(html: str) -> str:
    """``html`` with each middle dot of its article's prose wrapped with the character before it.

    The article only: the header's names (the variant menu's 繁體·臺灣) are short lines, not text that wraps.
    """
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < start or html.find("·", start, end) < 0:
        return html
    return html[:start] + _glue(html[start:end]) + html[end:]


def _glue(html: str) -> str:
    if "<!--" not in html:
        return _glue_by_places(html)
    # An article has ~1,800 tags and texts and ~5 middle dots: only the texts holding a dot and the tags
    # that may open or close code are looked at one by one (found by C loops); the other parts are
    # skipped (session 35: at 300 notes, 0.56 → 0.37 s over every variant of every page).
    parts = _MARKUP_RE.split(html)
    texts, tags = parts[0::2], parts[1::2]
    places = [2 * k for k in compress(range(len(texts)), map(operator.contains, texts, repeat("·")))]
    places += [2 * k + 1 for k in compress(range(len(tags)), map(_MAY_BE_NOT_PROSE_RE.match, tags))]
    outside = 0  # depth in elements that are not prose
    for i in sorted(places):
        if i % 2:  # markup
            outside = max(0, outside + _not_prose_step(parts[i]))
        elif not outside:
            parts[i] = _DOT_RE.sub(_WRAPPED, parts[i])
    return "".join(parts)


def _glue_by_places(html: str) -> str:
    """``_glue`` of markup without a comment, the article never cut into its ~3,600 parts.

    Without comments, whether a place is in a tag is read from the nearest ``<`` and ``>`` before it
    (``_in_tag``), so only the dots and the tags that may open or close code are looked at, each found
    by one search over the article (session 36: every variant of every page at 300 notes, 0.36 → 0.11 s).
    """
    places = [(at, True) for at in _dots(html) if not _in_tag(html, at)]
    if not places:
        return html
    places += [
        (m.start(), False) for m in _MAY_BE_NOT_PROSE_RE.finditer(html) if _starts_tag(html, m.start())
    ]
    out, done, outside = [], 0, 0  # outside: depth in elements that are not prose
    for at, dot in sorted(places):
        if not dot:
            tag = _MARKUP_RE.match(html, at)
            assert tag is not None  # ``_starts_tag``: a ">" closes it
            outside = max(0, outside + _not_prose_step(tag.group()))
        elif not outside and at and _DOT_RE.match(html, at - 1):
            out += (html[done : at - 1], _DOT_RE.sub(_WRAPPED, html[at - 1 : at + 1]))
            done = at + 1
    return "".join((*out, html[done:]))


def _in_tag(html: str, at: int) -> bool:
    """Whether ``at`` (not a ``<``) is inside a tag of markup without comments (as ``_MARKUP_RE`` cuts it).

    Inside when a ``<`` comes after the last ``>`` before it and a ``>`` after it: the tag that ``<``
    starts, or one before it that it is in, runs to that ``>``.  A ``<`` with no ``>`` after it is text.
    """
    return html.rfind("<", 0, at) > html.rfind(">", 0, at) and html.find(">", at) >= 0


def _starts_tag(html: str, at: int) -> bool:
    """Whether the ``<`` at ``at`` starts a tag (not in one, and closed by a ``>``), in markup without comments."""
    return html.rfind("<", 0, at) <= html.rfind(">", 0, at) and html.find(">", at) >= 0


def _dots(html: str) -> Iterator[int]:
    """Where each middle dot of ``html`` is."""
    at = html.find("·")
    while at >= 0:
        yield at
        at = html.find("·", at + 1)


def _not_prose_step(tag: str) -> int:
    """+1 for a tag opening an element that is not prose, -1 for one closing it, else 0."""
    name = _TAG_NAME_RE.match(tag)
    if name is None or name.group(2).lower() not in _NOT_PROSE or tag.endswith("/>"):
        return 0
    return -1 if name.group(1) else 1
