"""A page's HTML without the indentation of the templates that wrote it.

Material's templates are indented for their readers, and that indentation lands in every page:
about a tenth of a note page was spaces and empty lines.  Each run of whitespace that holds a
line break becomes one line break.  A browser shows the page the same: outside preformatted
text a run of whitespace is one space whatever it holds (``white-space: normal``), and a run is
never removed, only shortened, so two words or two inline elements stay apart.  Left as written:
``pre``, ``code``, ``kbd`` and ``textarea`` (preformatted here: Material styles ``code`` and
``kbd`` ``pre-wrap``), ``script`` and ``style`` (not HTML), and a tag written over several lines
(an attribute's value keeps its line breaks).

In a whole page's chrome (all but its content, ``CONTENT_START`` … ``CONTENT_END``), a run that
stands before or after the tag of a block or hidden element is removed: it is at the start or
the end of a line there, where a browser shows no whitespace (about 120 bytes a page).  The
content keeps its line breaks: its text is what search reads, its elements the author's.
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


#: Where a page's content begins and where its chrome resumes (Material's ``base.html``).
CONTENT_START = '<div class="md-content"'
CONTENT_END = "</main>"
#: The chrome's elements a browser lays out as blocks or does not show: Material's and Zhudu's
#: templates give none of them another ``display`` next to a line break (or put it in a flex
#: container, which ignores whitespace).
_BLOCK = (
    "html|head|body|meta|link|title|script|style|div|nav|ul|ol|li|header|footer|main|article|aside|form|input"
)
_BLOCK_START_RE = re.compile(rf"</?(?:{_BLOCK})\b", re.IGNORECASE)
_BLOCK_TAG_RE = re.compile(rf"</?(?:{_BLOCK})\b[^<>]*>", re.IGNORECASE)


def _shorter(m: re.Match[str]) -> str:
    return m.group("kept") or "\n"


def _by_block(html: str, start: int, end: int) -> bool:
    """Whether the run ``html[start:end]`` stands right after or right before a block's tag."""
    if _BLOCK_START_RE.match(html, end):
        return True
    return html[start - 1 : start] == ">" and bool(
        _BLOCK_TAG_RE.fullmatch(html, html.rfind("<", 0, start), start)
    )


def compact(html: str) -> str:
    """``html`` with each run of whitespace that holds a line break made one line break.

    None by a block's tag in a whole page's chrome (see the module's docstring).
    """
    content = html.find(CONTENT_START)
    chrome_again = html.find(CONTENT_END, content) if content >= 0 else -1
    if chrome_again < 0:  # not a whole page
        return _RUN_RE.sub(_shorter, html)

    def shorter(m: re.Match[str]) -> str:
        kept = m.group("kept")
        if kept:
            return kept
        start, end = m.span()
        if content <= start < chrome_again or not _by_block(html, start, end):
            return "\n"
        return ""

    return _RUN_RE.sub(shorter, html)


def compact_page(output: str, template_name: str) -> str:
    """A static template's output, compacted when it is an HTML page (``sitemap.xml`` is left as written)."""
    return compact(output) if template_name.endswith(".html") else output
