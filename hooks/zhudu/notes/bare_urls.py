"""Bare URLs right after Chinese punctuation (「地址：https://…」, 「（https://…）」) become links.

``pymdownx.magiclink`` links a bare URL only after white space or an ASCII mark; Chinese prose puts
no space between 「：」 or 「（」 and the URL, so those stayed text.  This pattern takes only http and
https URLs that follow a full-width mark, and ends them before any full-width mark (「）」「。」「，」
are the prose's, not the URL's), before white space and before trailing ASCII punctuation, as
magiclink does.  The link is built as an element: ElementTree escapes its text and ``href``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

#: Full-width marks, CJK punctuation and ideographic space, then an http(s) URL of ASCII printable
#: characters but ``<`` (a full-width mark, or any other non-ASCII character, ends it).
BARE_URL_RE = (
    r"(?<=[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’—…·])(https?://[!-;=?-~]+)"
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
    """Registers the pattern after inline code, escapes, links and magiclink (85, which takes the rest).

    Before magiclink's mail pattern (84.9), entities (80) and emphasis: a URL's ``_x_``, ``user:pw@`` or
    ``&amp;`` is the URL's (session 30's review).
    """

    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(_BareUrl(BARE_URL_RE, md), "zd-bare-url", 84.95)
