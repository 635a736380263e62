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

_RUN_RE = re.compile(
    r"""
    (?P<kept>
        <(?P<tag> pre | code | kbd | textarea | script | style )\b .*? </(?P=tag)\s*>
      | <[^<>]*\n[^<>]*>
    )
    | (?P<run> [ \t\r\f]*\n[ \t\r\n\f]* )
    """,
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)


def _shorter(m: re.Match[str]) -> str:
    return m.group("kept") or "\n"


def compact(html: str) -> str:
    """``html`` with each run of whitespace that holds a line break made one line break."""
    return _RUN_RE.sub(_shorter, html)


def compact_page(output: str, template_name: str) -> str:
    """A static template's output, compacted when it is an HTML page (``sitemap.xml`` is left as written)."""
    return compact(output) if template_name.endswith(".html") else output
