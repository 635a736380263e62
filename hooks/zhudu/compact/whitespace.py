"""A page's HTML without the indentation of the templates that wrote it.

Material's templates are indented for their readers, and that indentation lands in every page:
about a tenth of a note page was spaces and empty lines.  Each run of whitespace that holds a
line break becomes one line break.  A browser shows the page the same: outside preformatted
text a run of whitespace is one space whatever it holds (``white-space: normal``), and a run is
never removed, only shortened, so two words or two inline elements stay apart.  Left as written:
``pre``, ``code``, ``kbd`` and ``textarea`` (preformatted here: Material styles ``code`` and
``kbd`` ``pre-wrap``), ``script`` and ``style`` (not HTML), and a tag written over several lines
(an attribute's value keeps its line breaks).
"""

from __future__ import annotations

import re

#: What is left as written: a preformatted or raw-text element, a tag written over several lines.
_KEPT_RE = re.compile(
    r"""
        <(?P<tag> pre | code | kbd | textarea | script | style )\b .*? </(?P=tag)\s*>
      | <[^<>]*\n[^<>]*>
    """,
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)
_RUN_RE = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")


def compact(html: str) -> str:
    """``html`` with each run of whitespace that holds a line break made one line break.

    The kept regions are found first; between them the runs are replaced by a plain string, with no
    Python call per run (twice as fast as one pattern for both with a callback).  The same text:
    a kept region starts with ``<`` and a run holds only whitespace, so neither can begin inside
    the other, whichever is looked for first.
    """
    out = []
    pos = 0
    shorten = _RUN_RE.sub
    for kept in _KEPT_RE.finditer(html):
        out.append(shorten("\n", html[pos : kept.start()]))
        out.append(kept.group())
        pos = kept.end()
    out.append(shorten("\n", html[pos:]))
    return "".join(out)


def compact_page(output: str, template_name: str) -> str:
    """A static template's output, compacted when it is an HTML page (``sitemap.xml`` is left as written)."""
    return compact(output) if template_name.endswith(".html") else output
