"""Marking external links, so readers know when a link leaves the site."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

_ANCHOR_RE = re.compile(
    r"""<a\b(?P<attrs>[^>]*?\bhref="(?P<href>https?://[^"]+)"[^>]*)>""",
    re.IGNORECASE,
)
_REL_RE = re.compile(r'\brel="(?P<value>[^"]*)"')


def is_external(href: str, own_hosts: Iterable[str]) -> bool:
    """Whether ``href`` leads to a host other than the site's own."""
    return _outside(href, frozenset(h.lower() for h in own_hosts))


def _outside(href: str, own_hosts: frozenset[str]) -> bool:
    """``is_external`` with the hosts lower-cased already (``mark_external`` asks once per link)."""
    host = (urlsplit(href).hostname or "").lower()
    return bool(host) and host not in own_hosts


def mark_external(html: str, own_hosts: Iterable[str]) -> str:
    """Give every link to another host ``rel="noreferrer"`` (the other host is not told the page).

    What marks the link for readers is CSS on that ``rel`` (``zhudu.css``): an arrow, and for screen
    readers the arrow's alternative text "（外部链接）", set per variant by the page's language.
    Written into every link, the label and a class were about 110 bytes a link, in every variant.
    """
    hosts = frozenset(h.lower() for h in own_hosts)  # once per page, not once per link

    def mark(m: re.Match[str]) -> str:
        attrs = m["attrs"]
        if not _outside(m["href"], hosts):
            return m.group(0)
        if rel := _REL_RE.search(attrs):
            if "noreferrer" in rel["value"].lower().split():
                return m.group(0)
            value = " ".join([*rel["value"].split(), "noreferrer"])
            attrs = attrs[: rel.start("value")] + value + attrs[rel.end("value") :]
        else:
            attrs += ' rel="noreferrer"'
        return f"<a{attrs}>"

    return _ANCHOR_RE.sub(mark, html)


_HEADERLINK_RE = re.compile(
    r'(<a class="headerlink" href="[^"]*") title="(?P<title>[^"]*)">(?P<text>[^<]*)</a>'
)
#: The name and the text zhudu.css draws for a heading's permalink (``.headerlink::before``: "#",
#: read as "链接到本节" in the page's variant): mkdocs.yml's ``permalink_title`` and ``permalink``.
CSS_HEADERLINK = ("链接到本节", "#")


def label_headerlinks(html: str) -> str:
    """Headings' permalinks (``toc``'s ``#``): left to ``zhudu.js``, or named for screen readers without a ``title``.

    The permalinks ``zhudu.css`` draws and names (``CSS_HEADERLINK``: the ones mkdocs.yml asks for)
    are not written: ``zhudu.js`` appends each heading's ``<a class="headerlink" href="#id"></a>``
    when the page loads (``config.js`` says so: ``drawn_permalinks``), 47 bytes of each heading in
    every variant (Hexo documentation: 0.3 KiB of 1,000 source characters); a reader without
    JavaScript has the same links in the table of contents.  Any other permalink is written, its
    name as ``aria-label`` (Material's ``content.tooltips`` mounts a tooltip on every element with
    a title when a page loads: on the glossary, one heading per term made that a measurable part of
    a phone's load), the link's text as it was.
    """

    def label(m: re.Match[str]) -> str:
        if (m["title"], m["text"]) == CSS_HEADERLINK:
            return ""
        return f'{m[1]} aria-label="{m["title"]}">{m["text"]}</a>'

    return _HEADERLINK_RE.sub(label, html)


def drawn_permalinks(toc_config: Mapping[str, Any]) -> bool:
    """Whether ``toc``'s settings (mkdocs.yml) make the permalinks ``label_headerlinks`` leaves to ``zhudu.js``."""
    return (str(toc_config.get("permalink")), toc_config.get("permalink_title")) == (
        CSS_HEADERLINK[1],
        CSS_HEADERLINK[0],
    )
