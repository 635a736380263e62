"""Text that reads like a URL attribute (`` src="…"``, `` href="…"``) writes that quote as ``&quot;``.

Each variant's pages are the default page with its URLs re-aimed, found by a scan of the page's HTML for
`` href="`` and `` src="`` (``script.variants.relocate``).  Python-Markdown writes a text's ``"`` as it is,
so the scan took such text for an attribute: inline code `` `<img src="a.png">` `` showed
``<img src="../a.png">`` in every variant (session 34's reader review).  As ``&quot;`` the text is the same
to the reader, and no longer an attribute to the scan.  Python-Markdown's serialiser keeps a character
reference as written (it escapes only an ``&`` that starts none).  Code comes back from
pymdownx.inlinehilite and superfences as stashed HTML, not as a tree, and Pygments leaves ``"`` as it is
(the Hexo documentation's ``'<script src="' + path`` read ``'<script src="../' + path``): the text of every
``<code>`` is quoted in the note's HTML once it is whole, between its tags (Pygments' ``<span class>``, or
an author's own, whose attributes stay).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

#: What ``relocate`` takes for a URL attribute's start, in text.
_ATTR_LIKE_RE = re.compile(r'(?P<lead>\s(?:href|src)=)"')
#: A ``<code>`` element's content (code elements do not nest), and a tag in it.
_CODE_RE = re.compile(r"(?P<start><code\b[^>]*>)(?P<content>.*?)(?=</code>)", re.S)
_TAG_RE = re.compile(r"(<[^>]*>)")


def quote_attribute_like_text(root: etree.Element) -> None:
    """Write the ``"`` of every `` href="``/`` src="`` in ``root``'s text as ``&quot;``."""
    for element in root.iter():
        for name in ("text", "tail"):
            value = getattr(element, name)
            if value and '="' in value and _ATTR_LIKE_RE.search(value):
                quoted = _ATTR_LIKE_RE.sub(r"\g<lead>&quot;", value)
                setattr(element, name, AtomicString(quoted) if isinstance(value, AtomicString) else quoted)


def quote_attribute_like_code(html: str) -> str:
    """Write the ``"`` of every `` href="``/`` src="`` in the text of ``html``'s ``<code>`` elements as ``&quot;``."""
    if '="' not in html:
        return html

    def quoted(m: re.Match[str]) -> str:
        parts = _TAG_RE.split(m["content"])  # text, tag, text, …
        parts[::2] = [_ATTR_LIKE_RE.sub(r"\g<lead>&quot;", text) for text in parts[::2]]
        return m["start"] + "".join(parts)

    return _CODE_RE.sub(quoted, html)


class _QuoteTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        quote_attribute_like_text(root)


class _QuotePostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        return quote_attribute_like_code(text)


class AttrLikeTextExtension(Extension):
    """Registers the quoting of text and of inline code.

    Text last but one (0.5: after every tree processor that writes text, before unescaping, 0); inline code
    once the stashed HTML is back (5: after raw HTML, 30, and unescaping, 10).
    """

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_QuoteTreeprocessor(md), "zd-attr-like-text", 0.5)
        md.postprocessors.register(_QuotePostprocessor(md), "zd-attr-like-code", 5)
