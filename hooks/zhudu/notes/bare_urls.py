"""Bare URLs right after Chinese punctuation (「地址：https://…」, 「（https://…）」) become links.

``pymdownx.magiclink`` links a bare URL only after white space or an ASCII mark; Chinese prose puts
no space between 「：」 or 「（」 and the URL, so those stayed text.  This pattern takes only http and
https URLs that follow a full-width mark, and ends them before any full-width mark (「）」「。」「，」
are the prose's, not the URL's), before white space and before trailing ASCII punctuation, as
magiclink does.  A path may go on in Han characters (「见：https://zh.wikipedia.org/wiki/注音符号。」):
the link's text is the URL as written, its ``href`` the URL percent-encoded as a browser sends it.
After white space magiclink starts a URL too, but ends it only at the next white space and leaves
Han characters unencoded: where the URL has any non-ASCII character before the next white space
(「见 https://a.b/c）。」, 「见 https://a.b/北京，…」) this pattern takes it first.
The link is built as an element: ElementTree escapes its text and ``href``.

Beside raw HTML (session 34's reader review): magiclink reads Markdown's placeholder for a raw tag as part
of a URL that touches it, so ``<a href="u">https://a.b/c</a>`` became ``<a href="u"><a
href="https://a.b/c</a>">…`` (a link in a link, whose target ends in ``</a>``), and
``<span>https://a.b/c</span>`` took the ``</span>`` into its ``href``.  A URL inside a raw ``<a>`` stays
that link's text; one that runs into a raw tag ends before it.
"""

from __future__ import annotations

import contextlib
import html
import re
import xml.etree.ElementTree as etree
from urllib.parse import quote

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.util import HTML_PLACEHOLDER_RE, INLINE_PLACEHOLDER_RE, AtomicString

#: Full-width marks, CJK punctuation and the ideographic space: the prose's, never a URL's.
_MARKS = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’—…·"
#: A URL's character: ASCII printable but ``<``, or any other character that is not white space, a
#: full-width mark, a control character or a private-use marker of the site's (U+E000…, plane 15).
_URL_CHAR = rf"(?:[!-;=?-~]|[^\x00-\x7f\s{_MARKS}\ue000-\uf8ff\U000f0000-\U0010ffff])"
#: An http(s) URL either right after a full-width mark, or where magiclink would start one (after
#: white space, an ASCII mark or an inline element) when it has a non-ASCII character before the next
#: white space: magiclink takes everything to the next white space, so 「见 https://a.b/c）。」 linked
#: 「c）。」 too, and it leaves a Han path unencoded in the ``href``.
BARE_URL_RE = (
    rf"(?:(?<=[{_MARKS}])|(?<![^\s*_~^[('\"\x03])(?=https?://[^\s<]*?[^\x00-\x7f]))(https?://{_URL_CHAR}+)"
)
#: An http(s) URL wherever magiclink (or the pattern above) would start one: after white space, an ASCII
#: mark, an inline element or a full-width mark.
URL_BY_RAW_HTML_RE = rf"(?:(?<=[{_MARKS}])|(?<![^\s*_~^[('\"\x03]))(https?://{_URL_CHAR}+)"
#: A raw ``<a …>`` start tag, and its end tag.
_RAW_A_START_RE = re.compile(r"<a\b", re.I)
_RAW_A_END_RE = re.compile(r"</a\s*>", re.I)
#: An ASCII host name (``example.com``, a port) with Han text right after it: the prose's, not the host's
#: (a name mixing scripts in one label is not one anybody registers); a path may go on in Han.
_ASCII_HOST_THEN_TEXT_RE = re.compile(
    r"https?://(?:[^/?#@]*@)?[A-Za-z0-9.-]*\.[A-Za-z]{2,}(?::\d+)?(?=[^\x00-\x7f])"
)
#: A URL's scheme and user, its host, the rest.
_PARTS_RE = re.compile(r"(https?://(?:[^/?#@]*@)?)([^/?#:]*)(.*)", re.S)
#: What separates a host's labels for the IDNA codec (``.``, 「。」, 「．」, 「｡」).
_LABEL_DOTS_RE = re.compile("[.\u3002\uff0e\uff61]")
#: Every ASCII printable character: what ``href`` keeps as written (a URL's own ``%``, ``&``, ``#``).
_ASCII_PRINTABLE = "".join(map(chr, range(0x21, 0x7F)))
#: What a URL does not end with (magiclink's LINK_TRAILING, and ``;``).
_TRAILING = "?!.,:;*_~^'\""
#: A character reference (``&lt;``, ``&#62;``, ``&#x3E;``): Markdown shows the character it stands for.
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ENTITY_AT_END_RE = re.compile(_ENTITY_RE.pattern + r"\Z")
#: Text a URL may hold.
_URL_TEXT_RE = re.compile(rf"{_URL_CHAR}+")
_CLOSERS = {")": "(", "]": "["}


def trimmed(url: str) -> str:
    """``url`` without trailing punctuation, and without a closing bracket it did not open.

    A character reference at the end (``https://a.b/x&gt;``) is the prose's, whole: taking its ``;`` off
    left ``&gt`` in the link and a lone ``;`` after it (GFM's autolinks leave such a reference out too).
    """
    while url:
        last = url[-1]
        if last == ";" and (entity := _ENTITY_AT_END_RE.search(url)):
            url = url[: entity.start()]
        elif last in _TRAILING or (last in _CLOSERS and url.count(last) > url.count(_CLOSERS[last])):
            url = url[:-1]
        else:
            break
    return url


def before_unopened_closer(url: str) -> str:
    """``url`` up to the first ``)`` or ``]`` it did not open: 「(https://example.com)软件说明」 links the URL alone.

    A Wikipedia title's ``(编程语言)`` stays in it, and so does a ``(`` never closed.  A URL with a closer it
    did not open in its path is rare; Chinese prose puts a URL in ASCII brackets right before its next words.
    """
    depth = dict.fromkeys(_CLOSERS.values(), 0)
    for i, char in enumerate(url):
        if char in depth:
            depth[char] += 1
        elif char in _CLOSERS:
            if not depth[_CLOSERS[char]]:
                return url[:i]
            depth[_CLOSERS[char]] -= 1
    return url


def before_prose_reference(url: str) -> str:
    """``url`` up to the first character reference standing for what a URL cannot hold.

    ``https://a.b/&lt;x&gt;`` ends before ``&lt;`` as ``https://a.b/<x>`` ends before ``<``; the URL's
    own ``&amp;`` stays in it.
    """
    for m in _ENTITY_RE.finditer(url):
        if not _URL_TEXT_RE.fullmatch(html.unescape(m[0])):
            return url[: m.start()]
    return url


def browser_href(url: str) -> str:
    """``url`` as a browser requests it.

    A non-ASCII host in IDNA (punycode), other non-ASCII text percent-encoded as UTF-8, ASCII as written.
    """
    if url.isascii():
        return url
    start, host, rest = _PARTS_RE.match(url).groups()  # type: ignore[union-attr]  # always matches
    # Python's codec encodes a label before it checks its length: 32 s CPU for one of 20,000 distinct Han
    # characters.  No label over 63 characters can be a host's; a browser reads the percent-encoded host too.
    if not host.isascii() and max(map(len, _LABEL_DOTS_RE.split(host))) <= 63:
        with contextlib.suppress(UnicodeError):  # not a valid internationalised name: the browser's to refuse
            host = host.encode("idna").decode("ascii")
    return quote(start + host + rest, safe=_ASCII_PRINTABLE)


def _link(m: re.Match[str]) -> tuple[etree.Element | None, int, int]:
    """The link for the URL ``m`` found (group 1), ended as the prose around it asks."""
    url = m.group(1)
    if ascii_host := _ASCII_HOST_THEN_TEXT_RE.match(url):  # 「https://example.com获取更多」
        url = ascii_host[0]
    url = trimmed(before_prose_reference(before_unopened_closer(url)))
    if len(url) <= len(url.split("://", 1)[0]) + 3:  # a scheme alone
        return None, m.start(0), m.end(0)
    link = etree.Element("a", {"href": browser_href(url)})
    link.text = AtomicString(url)  # as written; no emphasis, entity or mail pattern inside the URL's text
    return link, m.start(1), m.start(1) + len(url)


class _BareUrl(InlineProcessor):
    #: Never a link inside a link (a bare URL in a link's text).
    ANCESTOR_EXCLUDES = ("a",)

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element | None, int, int]:  # type: ignore[override]
        return _link(m)


class _UrlByRawHtml(InlineProcessor):
    """A URL in a raw ``<a>``'s text stays text; one that runs into a raw tag is linked up to the tag.

    Any other URL is left to the patterns after this one.  Markdown's raw-HTML pattern (90) has put an inline
    placeholder where each raw tag was, standing for its raw-HTML stash key.
    """

    ANCESTOR_EXCLUDES = ("a",)

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | str | None, int | None, int | None]:
        if self._in_raw_link(data[: m.start(1)]):
            return AtomicString(m.group(1)), m.start(1), m.end(1)
        if (after := INLINE_PLACEHOLDER_RE.match(data, m.end(1))) and self._raw_tag(after[0]) is not None:
            return _link(m)
        return None, None, None

    def _raw_tag(self, placeholder: str) -> str | None:
        """The raw HTML tag Markdown's inline placeholder ``placeholder`` stands for, if it stands for one."""
        raw = HTML_PLACEHOLDER_RE.fullmatch(self.unescape(placeholder))
        blocks = self.md.htmlStash.rawHtmlBlocks
        tag = blocks[int(raw[1])] if raw and int(raw[1]) < len(blocks) else None
        return tag if isinstance(tag, str) else None  # an element md_in_html stashed is no tag

    def _in_raw_link(self, before: str) -> bool:
        """Whether the raw tags in ``before`` leave an ``<a>`` open."""
        depth = 0
        for placeholder in INLINE_PLACEHOLDER_RE.finditer(before):
            if (tag := self._raw_tag(placeholder[0])) is not None:
                depth = max(0, depth + bool(_RAW_A_START_RE.match(tag)) - bool(_RAW_A_END_RE.match(tag)))
        return depth > 0


class BareUrlExtension(Extension):
    """Registers the patterns after code, escapes, links and raw HTML, just before magiclink (85: the rest).

    Before magiclink's mail pattern (84.9), entities (80) and emphasis: a URL's ``_x_``, ``user:pw@`` or
    ``&amp;`` is the URL's (session 30's review).
    """

    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(_UrlByRawHtml(URL_BY_RAW_HTML_RE, md), "zd-url-by-raw-html", 85.06)
        md.inlinePatterns.register(_BareUrl(BARE_URL_RE, md), "zd-bare-url", 85.05)
