"""A note page's code blocks without Material's ``<div class="highlight">`` around their ``<pre>``.

``pymdownx.highlight`` wraps every block in ``<div class="highlight"><pre><code>…</code></pre></div>``:
29 bytes of each of the Hexo documentation's 2,292 blocks, in three variants (about 0.2 KiB per
1,000 source characters).  Material's stylesheet paints the code by that wrapper (``.highlight .c``,
Zhudu's ``.highlight z-…``), and its script reads the page's DOM, so the wrapper is given back before
either sees the page: ``shell.js``'s ``<zd-restore>`` (written before the content, ``main.html``)
wraps every ``<pre>`` without attributes of the content that is not in a ``div.highlight`` when it
carries ``data-highlight`` (``MARKER``), on the first page before Material's bundle runs and inside
instant navigation's swap.  Without JavaScript the marker stays and ``zhudu.css`` paints the bare
blocks as Material's rules paint the wrapped ones.

What the script does is only exact when every such ``<pre>`` is one this module unwrapped, so a
page is changed only when its content holds nothing else that could be one (``unwrap``): every
bare ``<pre>`` is a plain block's (code of text, Zhudu's colour elements and comment spans only:
nothing Material styles by another rule of ``.highlight``) or a block with a file name (kept
wrapped), every ``div`` that names ``highlight`` is one of those, and no element whose text is not
markup (``template``, ``textarea``, a comment …) could hold one.  Only note pages: there the
content's blocks are inside the note's ``article``, never children of ``.md-content__inner``
(which Material lets code bleed to a phone's edges), and no grid, tab or result block names them.
"""

from __future__ import annotations

import re

#: Shell.js's marker as ``main.html`` writes it (its attributes follow), and with the attribute that
#: asks it to wrap the blocks back.
_RESTORE_RE = re.compile(r"<zd-restore(?=[\s>])")
MARKER = "<zd-restore data-highlight"
#: A note page's content (``note.html``).
NOTE = '<article class="zd-note"'

#: A block as pymdownx.highlight writes it, and with a file name (``title="…"``); its code, up to
#: the first ``</code>``.
_CODE = r"<code>([^<]*+(?:<(?!/code>)[^<]*+)*+)</code>"
_BLOCK_RE = re.compile(
    rf'<div class="highlight">(?:<span class="filename">[^<]*</span>)?<pre>{_CODE}</pre></div>'
)
#: What a plain block's code may hold: Zhudu's colour elements and a comment's span.
_PLAIN_TAG_RE = re.compile(r'<(?:/?z-[a-z]+|span class="c"|/span)>')
#: An element's end just before a block (not a table's: Material spaces what follows a table), an
#: element's start just after it.  Material styles a block that is the first or last child of some
#: parents (an admonition's last, a table cell's first …) by those positions: such a block keeps its div.
_AFTER_ELEMENT_RE = re.compile(r"</(?!table>)[a-z][a-z0-9-]*>\s*\Z")
_BEFORE_ELEMENT_RE = re.compile(r"\s*<[a-z]")
_BARE_PRE_RE = re.compile(r"<pre\s*/?>", re.IGNORECASE)
_HIGHLIGHT_DIV_RE = re.compile(r"<div\b[^>]*highlight", re.IGNORECASE)
_BLOCK_IN_CODE_RE = re.compile(r"<(?:div|pre)\b", re.IGNORECASE)
#: Text a browser does not read as elements (or reads only without JavaScript), and what Material
#: styles a block by beside ``.highlight`` itself (grids, tabs, a result after the block).
_UNSURE_RE = re.compile(
    r"<(?:template|textarea|script|style|noscript|xmp|plaintext|title|iframe|object|svg|math)\b|<!"
    r'|class="[^"]*\b(?:grid|tabbed-[a-z]+|result)\b',
    re.IGNORECASE,
)


def _plain(content: str, block: re.Match[str]) -> bool:
    """A block with only colour elements and comments, between two elements of its parent."""
    return (
        block[0].startswith('<div class="highlight"><pre>')
        and block[1].count("<") == len(_PLAIN_TAG_RE.findall(block[1]))
        and _AFTER_ELEMENT_RE.search(content[max(0, block.start() - 80) : block.start()]) is not None
        and _BEFORE_ELEMENT_RE.match(content, block.end()) is not None
    )


def unwrap(content: str) -> str | None:
    """A note page's content with its plain code blocks unwrapped, or None when it is left as it is."""
    if content.count(NOTE) != 1 or _UNSURE_RE.search(content):
        return None
    blocks = list(_BLOCK_RE.finditer(content))
    plain = [block for block in blocks if _plain(content, block)]
    if not plain or any(_BLOCK_IN_CODE_RE.search(block[1]) for block in blocks):
        return None
    # Every bare <pre> and every div naming "highlight" is one of these blocks' (the script wraps
    # the bare ones outside a div.highlight, i.e. exactly the plain blocks).
    if not len(_BARE_PRE_RE.findall(content)) == len(_HIGHLIGHT_DIV_RE.findall(content)) == len(blocks):
        return None
    out = []
    pos = 0
    for block in plain:
        out.append(content[pos : block.start()])
        out.append("<pre><code>" + block[1] + "</code></pre>")
        pos = block.end()
    out.append(content[pos:])
    return "".join(out)


def unwrap_in_page(before: str, content: str) -> tuple[str, str]:
    """The chrome before a page's content and the content, its plain blocks unwrapped when it can be."""
    marker = _RESTORE_RE.search(before)
    unwrapped = unwrap(content) if marker else None
    if marker is None or unwrapped is None:
        return before, content
    return before[: marker.start()] + MARKER + before[marker.end() :], unwrapped
