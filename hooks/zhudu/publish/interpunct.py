"""A middle dot kept on the line of the character before it ("迈克尔·贝瑞"), in every variant's page.

U+00B7 is no "nonstarter" to browsers (U+30FB ・ is), so a phone's line started with "·贝瑞", which Chinese
typography forbids (clreq: 间隔号).  CSS cannot say so: the character before the dot and the dot are wrapped
in ``<zd-g>`` (``white-space: nowrap``, zhudu.css).  Done on each variant's converted page, not in the note's
Markdown: a wrapper cuts a run of text, and a rule that changes a name's length across the cut
(``迈克尔·贝瑞: 麥可·貝瑞``) could no longer be cut back into the pieces (``script.word_runs``).
"""

from __future__ import annotations

import re

from zhudu.annotate.textmarks import GLUED_SPACE_TAG

#: A tag or a comment, and the text between them.
_MARKUP_RE = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
#: Where text is not prose: code, and what the browser does not lay out as text.
_NOT_PROSE = frozenset({"script", "style", "pre", "code", "kbd", "samp", "textarea", "title", "svg", "math"})
_TAG_NAME_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
#: A character and the middle dot after it; not the ";" of an entity, not a space (a break there is the author's).
_DOT_RE = re.compile(r"([^\s<>&;·])·")
_WRAPPED = rf"<{GLUED_SPACE_TAG}>\1·</{GLUED_SPACE_TAG}>"


def glue_middle_dots(html: str) -> str:
    """``html`` with each middle dot of its article's prose wrapped with the character before it.

    The article only: the header's names (the variant menu's 繁體·臺灣) are short lines, not text that wraps.
    """
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < start or "·" not in html[start:end]:
        return html
    return html[:start] + _glue(html[start:end]) + html[end:]


def _glue(html: str) -> str:
    parts = _MARKUP_RE.split(html)
    outside = 0  # depth in elements that are not prose
    for i, part in enumerate(parts):
        if i % 2:  # markup
            tag = _TAG_NAME_RE.match(part)
            if tag is not None and tag.group(2).lower() in _NOT_PROSE and not part.endswith("/>"):
                outside = max(0, outside + (-1 if tag.group(1) else 1))
        elif not outside and "·" in part:
            parts[i] = _DOT_RE.sub(_WRAPPED, part)
    return "".join(parts)
