"""Search after a redeploy, in a real browser, from a server that caches the way GitHub Pages does.

GitHub Pages serves every file with ``Cache-Control: max-age=600`` and an ``ETag``: for ten minutes
after a deploy a browser may hold the old ``search/manifest.json`` (a fixed URL), naming shard and
fragment folders the new deploy no longer has, or a worker may hold it in memory since the reader
opened search.  The worker then asks the server for the manifest again, bypassing the cache, and
searches once more (search-worker.js); when that fails too, the search box says so.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import REPO, SUBPATH, build_site

sys.path.insert(0, str(REPO / "bench"))

import bench_search

from zhudu.publish import asset_versions
from zhudu.search import assembly

NOTE = "---\ntitle: 测试\n---\n\n数据中心的建设带来了就业。\n\n开源软件和网络。\n"
#: The edit of the second deploy: a passage with words the first did not have.
EDITED = NOTE + "\n量子计算的前景仍不明朗。\n"
NEW_WORD = "量子计算"
#: Material's own line above the results (the worker's additions share its class).
MATERIAL_META = ".md-search-result__meta:not(.zd-search-suggest)"


@dataclass
class Served:
    """What the server answered: (path, status, the request's Cache-Control) in order."""

    url: str
    mount: Path
    log: list[tuple[str, int, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def deploy(self, site: Path) -> None:
        """Replace the whole site at once, as a Pages deploy does (old folders are gone)."""
        link = self.mount / SUBPATH.strip("/")
        tmp = link.with_name("next")
        os.symlink(site, tmp)
        os.replace(tmp, link)

    def requests(self, pattern: str) -> list[tuple[str, int, str]]:
        with self.lock:
            return [entry for entry in self.log if re.search(pattern, entry[0])]


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """GitHub Pages' caching headers: max-age=600 on every answer, ETag and 304 on If-None-Match."""

    served: Served

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        self._etag = ""
        path = self.translate_path(self.path)
        if os.path.isfile(path):
            digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            self._etag = '"' + digest[:16] + '"'
            # Last-Modified made from the content too: a file's own time is its build's, and two deploys
            # built within one second shared it (Chromium revalidates with If-Modified-Since alone, and
            # the new manifest got a 304).  Equal dates, equal content; compared here, not as times.
            self._last_modified = email.utils.formatdate(1_600_000_000 + int(digest[:7], 16), usegmt=True)
            if self.headers.get("If-None-Match", self.headers.get("If-Modified-Since")) in (
                self._etag,
                self._last_modified,
            ):
                self.send_response(304)
                self.end_headers()
                return None
            del self.headers["If-Modified-Since"]  # not compared as a time by the base class
        return super().send_head()

    def send_response(self, code: int, message: str | None = None) -> None:
        with self.served.lock:
            self.served.log.append((self.path, code, self.headers.get("Cache-Control", "")))
        super().send_response(code, message)

    def send_header(self, keyword: str, value: str) -> None:
        if keyword == "Last-Modified" and self._etag:
            value = self._last_modified
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        if getattr(self, "_etag", ""):
            self.send_header("ETag", self._etag)
        super().end_headers()


@contextlib.contextmanager
def pages_server(mount: Path, site: Path) -> Iterator[Served]:
    mount.mkdir(parents=True)
    served = Served(url="", mount=mount)
    served.deploy(site)
    handler = type("Handler", (_PagesHandler,), {"served": served})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(mount))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    served.url = f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def deploys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two builds: the first deploy, and the next one after an edit to the note."""
    root = tmp_path_factory.mktemp("deploys")
    first = build_site(root / "first", notes={"n.md": NOTE})
    second = build_site(root / "second", notes={"n.md": EDITED})
    assert first.ok and second.ok, first.log + second.log
    return first.site_dir, second.site_dir


@pytest.fixture
def sites(deploys: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """This test's own copies (a test may break one)."""
    one, two = deploys
    return shutil.copytree(one, tmp_path / "one"), shutil.copytree(two, tmp_path / "two")


def _manifest(site: Path, variant: str = "zh-Hans") -> dict[str, Any]:
    return json.loads((site / variant / "search" / "manifest.json").read_text("utf-8"))


def _search(page: Any, text: str) -> None:
    page.locator("input.md-search__input").fill(text)
    page.keyboard.press("End")  # Material reads the box on keyup


def _found(page: Any, text: str) -> None:
    """Wait for a result whose highlighted word is ``text`` (the worker answered with it)."""
    page.wait_for_function(
        "t => [...document.querySelectorAll('a.md-search-result__link mark')].some(m => m.textContent === t)",
        arg=text,
        timeout=15_000,
    )


def test_the_worker_reads_the_format_python_writes() -> None:
    source = (REPO / "overrides/assets/zhudu/search-worker.js").read_text("utf-8")
    assert int(re.search(r"\nvar FORMAT = (\d+);", source)[1]) == assembly.FORMAT


def test_the_worker_names_the_fallback_by_its_version() -> None:
    """The vendored inflate's URL in the worker carries the file's hash (as every asset's ?v=): a new
    fflate is a new URL, and the worker naming it a new worker URL."""
    source = (REPO / "overrides/assets/zhudu/search-worker.js").read_text("utf-8")
    script = re.search(r'\nvar INFLATE_SCRIPT = "(vendor/[^"?]+)\?v=(\w+)";', source)
    assert script, "search-worker.js: INFLATE_SCRIPT"
    asset = "assets/zhudu/" + script[1]
    assert (REPO / "overrides" / asset).is_file()
    assert script[2] == asset_versions.version(asset), (
        f"search-worker.js: {asset}?v={asset_versions.version(asset)}"
    )


def test_the_deploys_name_other_folders(sites: tuple[Path, Path]) -> None:
    one, two = (_manifest(site) for site in sites)
    assert one["shards"]["b"][1] != two["shards"]["b"][1]
    assert one["fragments"] != two["fragments"]


def test_a_search_open_across_a_redeploy_finds_the_new_notes(sites, page, tmp_path: Path) -> None:
    """The worker holds the old manifest (the reader opened search before the deploy): no reload."""
    one, two = sites
    with pages_server(tmp_path / "www", one) as served:
        placeholder = bench_search.open_search(page, served.url + "zh-Hans/")
        _search(page, "数")  # one character: its "u" shard only, so the "b" shards are still to come
        _found(page, "数")
        assert [s for _, s, _ in served.requests(r"/zh-Hans/search/manifest\.json$")] == [200]
        served.deploy(two)
        _search(page, NEW_WORD)
        _found(page, NEW_WORD)
        old_b = _manifest(one)["shards"]["b"][1].rsplit("/", 1)[1]
        assert [s for _, s, _ in served.requests(old_b)][-1] == 404  # the old folder was asked for, and gone
        # Asked again of the server, past the browser's cache: a 200 with the new manifest.
        assert [s for _, s, _ in served.requests(r"/zh-Hans/search/manifest\.json$")] == [200, 200]
        assert page.locator(".zd-search-failed").count() == 0
        assert page.locator(".md-search-result__meta").inner_text().strip() != placeholder


def test_a_page_opened_after_a_redeploy_recovers_from_the_cached_manifest(
    sites, page, tmp_path: Path
) -> None:
    """The browser's cache serves the old manifest to a new page's worker (max-age=600)."""
    one, two = sites
    with pages_server(tmp_path / "www", one) as served:
        bench_search.open_search(page, served.url + "zh-Hant-TW/")
        manifest = r"/zh-Hant-TW/search/manifest\.json$"
        assert [s for _, s, _ in served.requests(manifest)] == [200]
        served.deploy(two)
        bench_search.open_search(page, served.url + "zh-Hant-TW/about/")  # a new page and worker
        _search(page, "量子計算")
        _found(page, "量子計算")
        old_b = _manifest(one)["shards"]["b"][1].rsplit("/", 1)[1]
        assert 404 in [s for _, s, _ in served.requests(old_b)]  # the cached manifest was used first
        assert [s for _, s, _ in served.requests(manifest)] == [200, 200]


@pytest.mark.parametrize(
    ("variant", "message"),
    [
        ("zh-Hans", "无法加载搜索索引，请稍后刷新页面再试。"),
        ("zh-Hant-TW", "無法載入搜尋索引，請稍後重新整理頁面再試。"),
        ("zh-Hant-HK", "未能載入搜尋索引，請稍後重新載入頁面再試。"),
    ],
)
def test_a_search_that_cannot_be_done_says_so(
    sites, page, tmp_path: Path, variant: str, message: str
) -> None:
    one, _ = sites
    with pages_server(tmp_path / "www", one) as served:
        bench_search.open_search(page, served.url + variant + "/")
        shutil.rmtree(one / "search")  # the shared postings: gone from the server
        _search(page, "数据")
        page.wait_for_selector(".zd-search-failed", timeout=15_000)
        assert page.locator(".zd-search-failed").inner_text() == message
        assert page.locator(MATERIAL_META).is_hidden()  # not Material's "nothing found"
        assert page.locator("a.md-search-result__link").count() == 0
        manifest = rf"/{variant}/search/manifest\.json$"
        assert [s for _, s, _ in served.requests(manifest)] == [200, 304]  # asked again, unchanged
        # The next query that can be done takes the message away.
        _search(page, "")
        page.wait_for_selector(".zd-search-failed", state="detached")
        assert page.locator(MATERIAL_META).is_visible()


def _without_decompression_stream(site: Path) -> None:
    """The site's worker as a browser without DecompressionStream runs it (Safari < 16.4, …)."""
    worker = site / "assets" / "zhudu" / "search-worker.js"
    worker.write_text("self.DecompressionStream = undefined;\n" + worker.read_text("utf-8"), "utf-8")


def _results(page: Any, query: str, base: str) -> str:
    """The result list Material draws for ``query``, once the worker answered it (the site's URL cut)."""
    _search(page, query)
    _found(page, query)
    return page.locator(".md-search-result__list").inner_html().replace(base, "/")


FALLBACK_QUERIES = [("zh-Hans", ["数据", "网络"]), ("zh-Hant-TW", ["資料", "網路"])]


@pytest.mark.parametrize(("variant", "queries"), FALLBACK_QUERIES)
def test_a_browser_without_decompression_stream_searches_the_same(
    sites, page, tmp_path: Path, variant: str, queries: list[str]
) -> None:
    """The index's files are stored deflated (search/writing.py): without DecompressionStream the
    worker loads the vendored fflate and finds what a newer browser finds; only that browser fetches it."""
    one, _ = sites
    old = shutil.copytree(one, tmp_path / "old")
    _without_decompression_stream(old)
    lists = []
    for name, site in (("new", one), ("old", old)):
        with pages_server(tmp_path / f"www-{name}", site) as served:
            bench_search.open_search(page, served.url + variant + "/")
            lists.append([_results(page, query, served.url) for query in queries])
            vendor = served.requests(r"/assets/zhudu/vendor/")
            if name == "new":
                assert vendor == []  # a browser with DecompressionStream pays nothing for the fallback
            else:
                assert [(path.split("?")[0], status) for path, status, _ in vendor] == [
                    (SUBPATH + "assets/zhudu/vendor/fflate-0.8.3.js", 200)  # once, however many files
                ]
    assert lists[0] == lists[1]
    assert all("md-search-result__link" in html for html in lists[0])
    assert page.zd.console_errors == []


def test_a_browser_that_cannot_run_the_fallback_says_so(sites, page, tmp_path: Path) -> None:
    """Neither DecompressionStream nor the vendored inflate runs (here: a script this browser cannot
    parse): the page says why instead of "nothing found" or "try later", without renewing the manifest."""
    one, _ = sites
    _without_decompression_stream(one)
    (one / "assets" / "zhudu" / "vendor" / "fflate-0.8.3.js").write_text("self.fflate = {;\n", "utf-8")
    with pages_server(tmp_path / "www", one) as served:
        bench_search.open_search(page, served.url + "zh-Hant-TW/")
        _search(page, "資料")
        page.wait_for_selector(".zd-search-failed", timeout=15_000)
        assert (
            page.locator(".zd-search-failed").inner_text()
            == "這個瀏覽器無法讀取搜尋索引，請改用較新的瀏覽器。"
        )
        assert page.locator("a.md-search-result__link").count() == 0
        assert [s for _, s, _ in served.requests(r"/zh-Hant-TW/search/manifest\.json$")] == [200]


def test_a_fallback_that_cannot_be_fetched_says_try_later(sites, page, tmp_path: Path) -> None:
    """The vendored inflate not had (a network failure, not the browser's fault): "try later", as for
    any file of the index, not "use another browser"."""
    one, _ = sites
    _without_decompression_stream(one)
    (one / "assets" / "zhudu" / "vendor" / "fflate-0.8.3.js").unlink()
    with pages_server(tmp_path / "www", one) as served:
        bench_search.open_search(page, served.url + "zh-Hans/")
        _search(page, "数据")
        page.wait_for_selector(".zd-search-failed", timeout=15_000)
        assert page.locator(".zd-search-failed").inner_text() == "无法加载搜索索引，请稍后刷新页面再试。"
        assert [s for _, s, _ in served.requests(r"/assets/zhudu/vendor/")] == [404]


def test_a_manifest_newer_than_the_page_says_reload(sites, page, tmp_path: Path) -> None:
    """A page's script (kept by the browser) older than the deploy's index format."""
    one, _ = sites
    path = one / "zh-Hant-HK" / "search" / "manifest.json"
    path.write_text(json.dumps({**_manifest(one, "zh-Hant-HK"), "v": assembly.FORMAT + 1}), "utf-8")
    with pages_server(tmp_path / "www", one) as served:
        page.goto(served.url + "zh-Hant-HK/")
        # Never ready, so nothing to wait for before typing: a query typed before Material's bundle
        # listens to the box is not seen, and is typed again until the message shows.
        for _ in range(10):
            page.locator("input.md-search__input").click()
            _search(page, "數據")
            try:
                page.wait_for_selector(".zd-search-failed", timeout=3_000)
                break
            except PlaywrightTimeout:
                continue
        page.wait_for_selector(".zd-search-failed", timeout=15_000)
        assert page.locator(".zd-search-failed").inner_text() == "網站已更新，請重新載入頁面後再搜尋。"
        # Each try asks the server past the cache (one conditional request), and gets the same.
        first, *renewed = [s for _, s, _ in served.requests(r"/zh-Hant-HK/search/manifest\.json$")]
        assert first == 200 and renewed and set(renewed) == {304}
