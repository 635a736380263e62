"""Bare URLs right after Chinese punctuation (「地址：https://…」, 「（https://…）」) become links.

``pymdownx.magiclink`` links a bare URL only after white space or an ASCII mark; Chinese prose puts
no space between 「：」 or 「（」 and the URL, so those stayed text.  This pattern takes only http and
https URLs that follow a full-width mark, and ends them before any full-width mark (「）」「。」「，」
are the prose's, not the URL's), before white space and before trailing ASCII punctuation, as
magiclink does.  After white space magiclink starts a URL too, but ends it only at the next white space:
where a full-width mark follows the URL's ASCII run (「见 https://a.b/c）。」) this pattern takes it first.
The link is built as an element: ElementTree escapes its text and ``href``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

#: Full-width marks, CJK punctuation and the ideographic space: the prose's, never a URL's.
_MARKS = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’—…·"
#: An http(s) URL of ASCII printable characters but ``<`` (a full-width mark, or any other non-ASCII
#: character, ends it), either right after a full-width mark, or where magiclink would start one (after
#: white space, an ASCII mark or an inline element) when a full-width mark follows its ASCII run:
#: magiclink takes everything to the next white space, so 「见 https://a.b/c）。」 linked 「c）。」 too.  A URL
#: whose path goes on in Han characters (``https://zh.wikipedia.org/wiki/北京``) is left to magiclink.
BARE_URL_RE = (
    rf"(?:(?<=[{_MARKS}])|(?<![^\s*_~^[('\"\x03])(?=https?://[!-;=?-~]+[{_MARKS}]))(https?://[!-;=?-~]+)"
)
#: What a URL does not end with (magiclink's LINK_TRAILING, and ``;``).
_TRAILING = "?!.,:;*_~^'\""
_CLOSERS = {")": "(", "]": "["}


def trimmed(url: str) -> str:
    """``url`` without trailing punctuation, and without a closing bracket it did not open."""
    while url:
        last = url[-1]
        if last in _TRAILING or (last in _CLOSERS and url.count(last) > url.count(_CLOSERS[last])):
            url = url[:-1]
        else:
            break
    return url


class _BareUrl(InlineProcessor):
    #: Never a link inside a link (a bare URL in a link's text).
    ANCESTOR_EXCLUDES = ("a",)

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element | None, int, int]:  # type: ignore[override]
        url = trimmed(m.group(1))
        if len(url) <= len(url.split("://", 1)[0]) + 3:  # a scheme alone
            return None, m.start(0), m.end(0)
        link = etree.Element("a", {"href": url})
        link.text = AtomicString(url)  # no emphasis, entity or mail pattern inside the URL's text
        return link, m.start(1), m.start(1) + len(url)


class BareUrlExtension(Extension):
    """Registers the pattern after code, escapes, links and raw HTML, just before magiclink (85: the rest).

    Before magiclink's mail pattern (84.9), entities (80) and emphasis: a URL's ``_x_``, ``user:pw@`` or
    ``&amp;`` is the URL's (session 30's review).
    """

    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(_BareUrl(BARE_URL_RE, md), "zd-bare-url", 85.05)
