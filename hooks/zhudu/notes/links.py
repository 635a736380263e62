"""Marking external links, so readers know when a link leaves the site."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

EXTERNAL_LABEL = "（外部链接）"

_ANCHOR_RE = re.compile(
    r"""<a\b(?P<attrs>[^>]*?\bhref="(?P<href>https?://[^"]+)"[^>]*)>(?P<inner>.*?)</a>""",
    re.DOTALL | re.IGNORECASE,
)
_CLASS_RE = re.compile(r'\bclass="(?P<value>[^"]*)"')


def is_external(href: str, own_hosts: Iterable[str]) -> bool:
    """Whether ``href`` leads to a host other than the site's own."""
    host = (urlsplit(href).hostname or "").lower()
    return bool(host) and host not in {h.lower() for h in own_hosts}


def mark_external(html: str, own_hosts: Iterable[str]) -> str:
    """Add ``zd-external`` and ``rel`` to every link to another host, with a screen-reader label.

    The visible cue is CSS (an arrow after the link); the label is text so it is converted
    per variant and announced by screen readers.
    """
    hosts = tuple(own_hosts)

    def mark(m: re.Match[str]) -> str:
        attrs, inner = m["attrs"], m["inner"]
        if not is_external(m["href"], hosts) or "zd-external" in attrs:
            return m.group(0)
        if c := _CLASS_RE.search(attrs):
            attrs = attrs[: c.start("value")] + c["value"] + " zd-external" + attrs[c.end("value") :]
        else:
            attrs += ' class="zd-external"'
        if "rel=" not in attrs:
            attrs += ' rel="external noopener noreferrer"'
        return f'<a{attrs}>{inner}<span class="zd-sr-only">{EXTERNAL_LABEL}</span></a>'

    return _ANCHOR_RE.sub(mark, html)


_HEADERLINK_TITLE_RE = re.compile(r'(<a class="headerlink" href="[^"]*") title=')


def label_headerlinks(html: str) -> str:
    """Headings' permalinks (``toc``'s ``#``) named by ``aria-label`` instead of ``title``.

    Material's ``content.tooltips`` mounts a tooltip on every element with a title when a page
    loads: on the glossary, one heading per term made that a measurable part of a phone's load.
    As ``aria-label`` the text is the link's name for screen readers (better than "#"), with no
    tooltip to set up.
    """
    return _HEADERLINK_TITLE_RE.sub(r"\1 aria-label=", html)
