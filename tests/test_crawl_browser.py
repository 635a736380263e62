"""Crawl the whole site served under a sub-path, the way GitHub Pages serves a project site.

Breadth-first from every variant root: every same-origin HTML page is loaded once in
Chromium (console errors and contacted hosts recorded), every same-origin ``href``/``src``
it holds is fetched with urllib (fast; status must be 200) and every ``#fragment`` must
name an element of its target page.  The variant copies of ``404.html`` are crawled too.
A crawl may read some pages with urllib alone (``in_browser``): their links and sources are
taken from the HTML as served, and checked the same way.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urldefrag, urljoin, urlsplit

from conftest import ServedSite, serve_built

VARIANTS = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")
_ID_RE = re.compile(r"""\sid=["']?(?P<id>[^"'\s>]+)""")

# Every URL-bearing attribute and the element ids of the loaded page, after scripts ran.
_COLLECT = """() => ({
  links: [...document.querySelectorAll('a[href]')].map(a => a.href),
  refs: [...document.querySelectorAll('[src], link[href]')].map(e => e.src || e.href),
})"""


#: What ``quote`` leaves in a URL: its reserved characters and existing %-escapes.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


class _Refs(HTMLParser):
    """The links (``a[href]``) and sources (``[src]``, ``link[href]``) of served HTML, made absolute like the DOM's."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.found: dict[str, list[str]] = {"links": [], "refs": []}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href") is not None:
            self.found["links"].append(urljoin(self.url, values["href"]))
        if values.get("src") is not None:
            self.found["refs"].append(urljoin(self.url, values["src"]))
        if tag == "link" and values.get("href") is not None:
            self.found["refs"].append(urljoin(self.url, values["href"]))


def _served_refs(url: str, body: str) -> dict[str, list[str]]:
    parser = _Refs(url)
    parser.feed(body)
    parser.close()
    # Non-ASCII %-escaped, as the DOM's ``href`` and ``src`` give them (the same page is not queued twice).
    return {kind: [quote(ref, safe=_URL_SAFE) for ref in refs] for kind, refs in parser.found.items()}


class _Fetcher:
    """urllib GETs with a cache: status and body of every same-origin URL."""

    def __init__(self) -> None:
        self.cache: dict[str, tuple[int, str]] = {}
        self.id_sets: dict[str, set[str]] = {}

    def get(self, url: str) -> tuple[int, str]:
        if url not in self.cache:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    body = response.read()
                    kind = response.headers.get("Content-Type", "")
                    self.cache[url] = (
                        response.status,
                        body.decode("utf-8", "replace") if "html" in kind else "",
                    )
            except urllib.error.HTTPError as exc:
                self.cache[url] = (exc.code, "")
        return self.cache[url]

    def ids(self, url: str) -> set[str]:
        """The element ids of the page at ``url`` (fetched), read once: a note links hundreds of times into one."""
        if url not in self.id_sets:
            self.id_sets[url] = {m["id"] for m in _ID_RE.finditer(self.get(url)[1])}
        return self.id_sets[url]


def _is_page(url: str) -> bool:
    path = urlsplit(url).path
    return path.endswith("/") or path.endswith(".html")


def crawl(site: ServedSite, pg: Any, in_browser: Callable[[str], bool] = lambda url: True) -> dict[str, Any]:
    """Visit every page reachable from the variant roots; return what was found.  A page ``in_browser`` refuses is
    read with urllib: no scripts run, no console is watched."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site.url))
    fetch = _Fetcher()
    starts = [site.variant_url(code) for code in VARIANTS] + [
        site.variant_url(code, "404.html") for code in VARIANTS
    ]
    queue, seen = deque(starts), set(starts)
    broken: list[str] = []
    missing_fragments: list[str] = []
    outside_subpath: list[str] = []
    leaves_variant: list[str] = []
    pages = browsed = 0
    while queue:
        url = queue.popleft()
        expect_404 = url.endswith("404.html")
        pages += 1
        if in_browser(url):
            browsed += 1
            response = pg.goto(url, wait_until="load")
            status = response.status if response else "none"
        else:
            status, body = fetch.get(url)
        if status != 200:
            broken.append(f"{url} (status {status}) page")
            continue
        found = pg.evaluate(_COLLECT) if in_browser(url) else _served_refs(url, body)
        for target in found["links"] + found["refs"]:
            if not target.startswith(origin):
                continue
            bare, fragment = urldefrag(target)
            if not urlsplit(bare).path.startswith(urlsplit(site.url).path):
                outside_subpath.append(f"{url} -> {target}")
                continue
            status, body = fetch.get(bare)
            if status != 200:
                broken.append(f"{url} -> {target} ({status})")
                continue
            if fragment and body and unquote(fragment) not in fetch.ids(bare):
                missing_fragments.append(f"{url} -> {target}")
            if (
                target in found["links"]
                and _is_page(bare)
                and not any(
                    urlsplit(bare).path.startswith(urlsplit(site.variant_url(code)).path) for code in VARIANTS
                )
            ):  # a root redirect stub: the reader would drop out of their variant
                leaves_variant.append(f"{url} -> {target}")
            if target in found["links"] and _is_page(bare) and bare not in seen and not expect_404:
                seen.add(bare)
                queue.append(bare)
    return {
        "pages": pages,
        "browsed": browsed,
        "broken": broken,
        "fragments": missing_fragments,
        "outside": outside_subpath,
        "leaves_variant": leaves_variant,
        "seen": seen,
    }


def _assert_clean(
    site: ServedSite, pg: Any, in_browser: Callable[[str], bool] = lambda url: True
) -> dict[str, Any]:
    """Crawl ``site``: no broken link, missing fragment, escape from the sub-path or variant, error."""
    started = time.monotonic()
    result = crawl(site, pg, in_browser)
    result["elapsed"] = time.monotonic() - started
    print(f"crawled {result['pages']} pages ({result['browsed']} in Chromium) in {result['elapsed']:.1f} s")
    for kind in ("broken", "fragments", "outside", "leaves_variant"):
        targets = sorted({item.split(" -> ")[-1] for item in result[kind]})
        assert not result[kind], (
            f"{len(result[kind])} {kind}; targets: {targets[:15]}; e.g. {result[kind][:3]}"
        )
    assert pg.zd.console_errors == []
    assert pg.zd.hosts <= {urlsplit(site.url).netloc}
    return result


def test_every_page_of_every_variant_works_under_a_sub_path(real_site: ServedSite, page: Any) -> None:
    result = _assert_clean(real_site, page)
    # Every note in every variant was reached through links alone.
    for code in VARIANTS:
        assert any(url.startswith(real_site.variant_url(code, "notes/")) for url in result["seen"]), code
    assert result["elapsed"] < 90


def test_paged_listings_work_under_a_sub_path(tmp_path: Path, page: Any, monkeypatch: Any) -> None:
    """A long theme's later pages, the overview's cut matrix and the glossary's search link.

    The listings (home, themes and their pages, glossary) are loaded in Chromium; the notes, the about page and the
    404 pages they lead to are built as in the whole-site crawl above and read with urllib here: served (200), and
    their links, sources and fragments checked the same way."""
    from test_themes import THEMES, _long_theme_notes

    from zhudu.annotate import glossary
    from zhudu.themes import render as themes_render

    monkeypatch.setattr(themes_render, "NOTES_PER_THEME_PAGE", 2)
    monkeypatch.setattr(themes_render, "OVERVIEW_NOTES", 3)
    monkeypatch.setattr(glossary.page, "NOTES_PER_TERM", 1)
    editorial = {
        "themes.yml": THEMES.split("pins:")[0],
        "glossary.yml": "- term: 数据中心\n  explanation: 放服务器的地方。\n",
    }
    with serve_built(tmp_path, notes=_long_theme_notes(), editorial=editorial) as site:
        listings = [site.variant_url(code, path) for code in VARIANTS for path in ("themes/", "glossary/")]

        def is_listing(url: str) -> bool:
            return url in {site.variant_url(code) for code in VARIANTS} or url.startswith(tuple(listings))

        result = _assert_clean(site, page, is_listing)
        assert 0 < result["browsed"] < result["pages"]
        for code in VARIANTS:
            for number in (2, 3):
                assert site.variant_url(code, f"themes/cloud-vs-edge/page/{number}/") in result["seen"]
            assert any(url.startswith(site.variant_url(code, "glossary/?q=")) for url in result["seen"])
