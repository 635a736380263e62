"""A page's HTML without the indentation of the templates that wrote it.

Material's templates are indented for their readers, and that indentation lands in every page:
about a tenth of a note page was spaces and empty lines.  Each run of whitespace that holds a
line break becomes one line break.  A browser shows the page the same: outside preformatted
text a run of whitespace is one space whatever it holds (``white-space: normal``), and a run is
never removed, only shortened, so two words or two inline elements stay apart.  Left as written:
``pre``, ``code``, ``kbd`` and ``textarea`` (preformatted here: Material styles ``code`` and
``kbd`` ``pre-wrap``), ``script`` and ``style`` (not HTML), and a tag written over several lines
(an attribute's value keeps its line breaks).

``compact_chrome`` then removes, in a whole page's chrome (all but its content, ``CONTENT_START``
… ``CONTENT_END``), the line breaks that stand before or after the tag of a block or hidden
element: there a line break is at the start or the end of a line, where a browser shows no
whitespace (about 120 bytes a page).  The content keeps its line breaks: its text is what search
reads, its elements the author's.  It also leaves out the two empty elements of Material's
``base.html`` that only its script uses and that shell.js writes when a page has none
(``DRAWN_BY_SCRIPT``: the search toggle and the dialog, about 200 bytes a page), and on a note
page its code blocks' ``<div class="highlight">`` (``code_blocks``: shell.js gives it back), and
Material's ``__config`` where it only holds the page's base (``page_config``: config.js makes it).
"""

from __future__ import annotations

import re

from . import code_blocks, page_config

#: What is left as written: a preformatted or raw-text element, a tag written over several lines.
_KEPT_RE = re.compile(
    r"""
        <(?P<tag> pre | code | kbd | textarea | script | style )\b .*? </(?P=tag)\s*>
      | <[^<>]*\n[^<>]*>
    """,
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)
#: A run of whitespace that holds a line break: ``[ \t\r\f]*\n[ \t\r\n\f]*``, written to start with a
#: character class, which lets the regex engine skip to the next whitespace character instead of trying
#: the pattern at every place of the page (a third less time; the same runs).
_RUN_RE = re.compile(r"[ \t\r\n\f](?:(?<=\n)|(?=[ \t\r\f]*\n))[ \t\r\n\f]*")


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


#: Where a page's content begins and where its chrome resumes (Material's ``base.html``).
CONTENT_START = '<div class="md-content"'
CONTENT_END = "</main>"
#: The chrome's elements a browser lays out as blocks or does not show: Material's and Zhudu's
#: templates give none of them another ``display`` next to a line break (or put it in a flex
#: container, which ignores whitespace).
_BLOCK = (
    "html|head|body|meta|link|title|script|style|div|nav|ul|ol|li|header|footer|main|article|aside|form|input"
    "|zd-restore"  # hidden (zhudu.css), removed by shell.js (main.html)
)
_BEFORE_BLOCK_RE = re.compile(rf"\n(?=</?(?:{_BLOCK})\b)", re.IGNORECASE)
_AFTER_BLOCK_RE = re.compile(rf"(</?(?:{_BLOCK})\b[^<>]*>)\n", re.IGNORECASE)
#: What ``compact`` leaves as written, found the same way here (its line breaks are its own).
_KEPT_RE = re.compile(
    r"<(?P<tag>pre|code|kbd|textarea|script|style)\b.*?</(?P=tag)\s*>|<[^<>]*\n[^<>]*>",
    re.DOTALL | re.IGNORECASE,
)


def _without_block_breaks(html: str) -> str:
    out = []
    pos = 0
    for kept in _KEPT_RE.finditer(html):
        between = _AFTER_BLOCK_RE.sub(r"\1", _BEFORE_BLOCK_RE.sub("", html[pos : kept.start()]))
        if between.endswith("\n") and _BEFORE_BLOCK_RE.match(html, kept.start() - 1):
            between = between[:-1]  # the line break before a kept <script> or <style>
        out.append(between)
        out.append(kept.group())
        pos = kept.end()
    out.append(_AFTER_BLOCK_RE.sub(r"\1", _BEFORE_BLOCK_RE.sub("", html[pos:])))
    return "".join(out)


#: Material 9.8.1's ``base.html`` as compacted, before and after the content: the search toggle
#: (Material's search reads it; without JavaScript search is hidden) and the dialog (its script's
#: messages, "copied"), both empty; shell.js writes them where they were when a page has none.
DRAWN_BY_SCRIPT = (
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
    '<div class="md-dialog" data-md-component="dialog"><div class="md-dialog__inner md-typeset"></div></div>',
)


def compact_chrome(html: str) -> str:
    """A compacted page without the line breaks by a block's tag in its chrome (see above).

    A page without Material's content (``CONTENT_START`` … ``CONTENT_END``) is left as it is.
    """
    start = html.find(CONTENT_START)
    end = html.find(CONTENT_END, start) if start >= 0 else -1
    if end < 0:
        return html
    toggle, dialog = DRAWN_BY_SCRIPT
    before = _without_block_breaks(html[:start]).replace(toggle, "", 1)
    after = _without_block_breaks(html[end:]).replace(dialog, "", 1)
    before, content = code_blocks.unwrap_in_page(before, html[start:end])
    return before + content + page_config.without_base_only_config(before, after)


def compact_page(output: str, template_name: str) -> str:
    """A static template's output, compacted when it is an HTML page (``sitemap.xml`` is left as written)."""
    return compact_chrome(compact(output)) if template_name.endswith(".html") else output
