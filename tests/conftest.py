"""Shared fixtures: real MkDocs + Material builds of small note sets, a local server, a browser.

Nothing here mocks MkDocs, Material or OpenCC.  ``site_builder`` writes a tiny
site (notes, editorial data, mkdocs.yml derived from the repository's) into
``tmp_path`` and builds it in-process with MkDocs' own ``build``; ``real_site``
builds the repository's site once per session and serves it on 127.0.0.1 under
a sub-path, the way GitHub Pages serves a project site.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import http.server
import io
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from kept_pages import KeptPages

REPO = Path(__file__).resolve().parents[1]
#: A passage in a built page, as reading.js and zhudu.css find it: its id is its anchor ("p-…"), or it
#: is marked ``data-zd-passage`` (its author chose its id): ``zhudu.annotate.passages.is_passage``.
PASSAGE = ':is([data-zd-passage], [id^="p-"]:where(p, li, blockquote, tr))'
#: A passage's generated anchor in a built page's HTML.
PASSAGE_ID_RE = r'<(?:p|li|blockquote|tr)\b[^>]*?(?<![\w-])id="(p-[0-9a-f]{8}(?:-\d+)?)"'
CHROMIUM = "/usr/bin/chromium"
SUBPATH = "/zhudu/"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
sys.path.insert(0, str(REPO / "hooks"))


# --------------------------------------------------------------------------- building


@dataclass
class BuildResult:
    """What a build produced and said."""

    root: Path
    site_dir: Path
    ok: bool
    log: str
    warnings: list[str] = field(default_factory=list)
    error: str = ""

    def page(self, path: str) -> str:
        """The text of an output file, relative to the site directory."""
        return (self.site_dir / path).read_text(encoding="utf-8")


def repo_config() -> dict[str, Any]:
    """The repository's mkdocs.yml as data (``!ENV`` and ``!!python/name`` resolved by MkDocs later).

    A copy of the one parse per process: callers change theirs, and every build starts from it."""
    return copy.deepcopy(_repo_config_parsed())


@functools.cache
def _repo_config_parsed() -> dict[str, Any]:
    class Loader(yaml.SafeLoader):
        pass

    def keep(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
        return _Tagged(
            node.tag,
            loader.construct_scalar(node)
            if isinstance(node, yaml.ScalarNode)
            else loader.construct_sequence(node),
        )

    Loader.add_multi_constructor("!", keep)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", keep)
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


@dataclass
class _Tagged:
    tag: str
    value: Any


def _dump_config(data: dict[str, Any]) -> str:
    class Dumper(yaml.CSafeDumper):  # libyaml: a dump for every build
        pass

    def tagged(dumper: yaml.SafeDumper, obj: _Tagged) -> yaml.Node:
        if isinstance(obj.value, list):
            return dumper.represent_sequence(obj.tag, obj.value)
        return dumper.represent_scalar(obj.tag, obj.value)

    Dumper.add_representer(_Tagged, tagged)
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False)


def _jieba_loaded_here(editorial_dir: Path) -> None:
    """jieba's dictionary, with this build's domain words, loaded in this test process, so that the
    build's forked vocabulary worker inherits it instead of loading it again (about 1 s of CPU a
    build, four fifths of a small build's cost; consecutive builds with the same editorial files
    load it once).  The tokenizer the worker would make (``search.domain_words`` is what the build
    reads); ``mkdocs build`` run as a subprocess (``mkdocs_build_cli``, the serve tests) still loads
    it from nothing."""
    from zhudu.search import index as search

    search.warm_vocabulary(search.domain_words(editorial_dir))  # nothing to do when it is loaded


def build_site(
    root: Path,
    *,
    notes: dict[str, str | bytes] | None = None,
    editorial: dict[str, str] | None = None,
    docs: dict[str, str] | None = None,
    config: dict[str, Any] | None = None,
    zhudu: dict[str, Any] | None = None,
    strict: bool = True,
    site_url: str = "http://127.0.0.1:8000/zhudu/",
    repo_notes: bool = False,
    repo_editorial: bool = False,
    log_level: int = logging.INFO,
) -> BuildResult:
    """Write a small site into ``root`` and build it with real MkDocs and Material.

    Args:
        root: An empty folder (``tmp_path``).
        notes: File name → content for ``seeds/`` (bytes are written as is).
        editorial: File name → YAML text for ``docs/editorial/``.
        docs: Extra or replacement pages for ``docs/``.
        config: Top-level mkdocs.yml keys to replace.
        zhudu: ``extra.zhudu`` keys to replace.
        strict: Build with ``--strict``.
        site_url: The site URL the build is for.
        repo_notes: Start from the repository's ``seeds/``.
        repo_editorial: Start from the repository's ``docs/editorial/``.
        log_level: The lowest level of the ``mkdocs`` log records kept in ``BuildResult.log``.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    seeds = root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    if repo_notes:
        for path in (REPO / "seeds").iterdir():
            shutil.copy2(path, seeds / path.name)
    for name, content in (notes or {}).items():
        target = seeds / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    docs_dir = root / "docs"
    shutil.copytree(REPO / "docs", docs_dir, dirs_exist_ok=True, ignore=shutil.ignore_patterns("editorial"))
    edit_dir = docs_dir / "editorial"
    edit_dir.mkdir(exist_ok=True)
    if repo_editorial:
        shutil.copytree(REPO / "docs" / "editorial", edit_dir, dirs_exist_ok=True)
    for name, text in (editorial or {}).items():
        (edit_dir / name).write_text(text, encoding="utf-8")
    for name, text in (docs or {}).items():
        (docs_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (docs_dir / name).write_text(text, encoding="utf-8")

    data = repo_config()
    data["site_url"] = site_url
    data["hooks"] = [str(REPO / "hooks" / "zhudu_hook.py")]
    data["theme"]["custom_dir"] = str(REPO / "overrides")
    data["watch"] = []
    data.update(config or {})
    data.setdefault("extra", {}).setdefault("zhudu", {}).update(zhudu or {})
    config_file = root / "mkdocs.yml"
    config_file.write_text(_dump_config(data), encoding="utf-8")

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.setLevel(log_level)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    old_level = mkdocs_log.level
    mkdocs_log.setLevel(log_level)
    ok, error = True, ""
    _jieba_loaded_here(edit_dir)
    try:
        cfg = load_config(config_file=str(config_file), strict=strict, site_dir=str(root / "site"))
        build(cfg)
    except (Abort, MkDocsException, SystemExit) as exc:
        ok, error = False, str(exc)
    finally:
        mkdocs_log.removeHandler(handler)
        mkdocs_log.setLevel(old_level)
    log = stream.getvalue()
    warnings = [line[len("WARNING ") :] for line in log.splitlines() if line.startswith("WARNING ")]
    return BuildResult(
        root=root, site_dir=root / "site", ok=ok, log=log + error, warnings=warnings, error=error
    )


def mkdocs_build_cli(
    root: Path, options: tuple[str, ...] = ("--strict",)
) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs build --strict`` (or ``options``) on the project in ``root``, as the author would."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *options, "-f", str(root / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        cwd=root,
        timeout=120,
    )


@pytest.fixture
def site_builder(tmp_path: Path) -> Callable[..., BuildResult]:
    """Build a small real site in this test's ``tmp_path`` (see ``build_site``)."""
    counter = iter(range(1000))

    def make(**kwargs: Any) -> BuildResult:
        return build_site(tmp_path / f"site{next(counter)}", **kwargs)

    return make


#: Not part of a clone's site sources (or too big / somebody else's to copy).
_NOT_SOURCES = {
    ".git",
    ".venv",
    "site",
    "tests",
    "bench",
    ".pytest_cache",
    ".ruff_cache",
    ".mypy_cache",
    "node_modules",
    ".ci",
}


def copy_sources(dest: Path) -> None:
    """Copy everything a clone of the project holds that the build may read into ``dest``."""
    dest.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for path in sorted(REPO.iterdir()):
        if path.name in _NOT_SOURCES:
            continue
        if path.is_dir():
            shutil.copytree(path, dest / path.name, ignore=ignore)
        else:
            shutil.copy2(path, dest / path.name)


# --------------------------------------------------------------------------- serving


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A test server that does not print a traceback when the browser drops a request it no longer needs."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # BrokenPipeError, ConnectionResetError
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, port: int = 0) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1; yields the base URL (``http://127.0.0.1:PORT/``)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = QuietServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _default_sigint() -> None:
    # A job started in the background by a non-interactive shell ignores SIGINT, and the child would inherit that.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


#: Popen arguments for an ``mkdocs serve`` a test stops with ``ctrl_c``: its own process group, Ctrl-C live.
SERVE_POPEN: dict[str, Any] = {"start_new_session": True, "preexec_fn": _default_sigint}


def ctrl_c(proc: subprocess.Popen, timeout: float = 30) -> int:
    """Stop ``mkdocs serve`` as an author does, with Ctrl-C to its process group; its exit code.

    MkDocs then shuts down (the plugins' ``on_shutdown``) and deletes its temporary site folder, which a SIGTERM
    leaves in the temporary directory.  Killed if it has not stopped within ``timeout`` seconds."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return proc.returncode


@dataclass
class ServedSite:
    """A built site served under a sub-path on 127.0.0.1."""

    build: BuildResult
    url: str  # e.g. http://127.0.0.1:PORT/zhudu/

    def variant_url(self, code: str, path: str = "") -> str:
        """URL of ``path`` (``notes/x/``) in variant ``code``."""
        return f"{self.url}{code}/{path}"


#: Material's instant navigation takes a click only once it has parsed the variant's sitemap (its
#: click handler waits for it; a click before is an ordinary page load). The page's parse of a
#: sitemap, observed (test instrumentation only): the flag is set in the task after it.
SITEMAP_PARSED_JS = """(() => {
  const parse = DOMParser.prototype.parseFromString;
  DOMParser.prototype.parseFromString = function (text, type) {
    const doc = parse.call(this, text, type);
    if (String(text).includes("<urlset")) setTimeout(() => { window.__zdSitemapParsed = true; });
    return doc;
  };
})();"""


#: The element the page's address names is below the header and inside the window, and the page is not at its top.
AT_TARGET = """id => {
  const element = document.getElementById(id);
  if (!element || decodeURIComponent(location.hash.slice(1)) !== id || window.scrollY === 0) return false;
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const box = element.getBoundingClientRect();
  return box.top >= header - 1 && box.bottom <= innerHeight;
}"""


def goto_for_instant_navigation(page: Any, url: str) -> None:
    """Load ``url`` and wait until Material's instant navigation takes clicks; mark the page.

    ``window.__zdSamePage`` is set on the loaded page: still true later means no reload since. A kept page opened
    with the script (a test marked ``instant_navigation``, or ``init_scripts=[SITEMAP_PARSED_JS]``) stays kept.
    """
    page.add_init_script(SITEMAP_PARSED_JS)
    page.goto(url)
    page.wait_for_function("window.__zdSitemapParsed === true")
    page.evaluate("window.__zdSamePage = true")


def instant_home_from(page: Any, site: ServedSite, code: str, path: str) -> None:
    """Load ``path`` in variant ``code``, then go to the variant's home by the nav, by instant navigation."""
    goto_for_instant_navigation(page, site.variant_url(code, path))
    page.locator(f'.md-nav--primary a.md-nav__link[href$="/{code}/"]').first.click()
    page.wait_for_function("document.querySelector('.zd-cards') !== null")


def search_count(page: Any, text: str, placeholder: str) -> str:
    """Type a query into Material's search box; its count line once the worker answered."""
    page.locator("input.md-search__input").fill(text)
    page.keyboard.press("End")  # Material reads the box on keyup
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() !== p", arg=placeholder
    )
    return str(page.locator(".md-search-result__meta").first.inner_text().strip())


def notes_titled(titles: list[str]) -> dict[str, str]:
    """One short note per title, dated a day apart, each saying 服务器 (a theme's phrase can find them all)."""
    return {
        f"n{i:02d}.md": f"---\ntitle: {title}\ndate: 2024-03-{i + 1:02d}\n---\n\n第 {i} 篇说服务器的事。\n"
        for i, title in enumerate(titles)
    }


@contextlib.contextmanager
def serve_themed(root: Path, titles: list[str], themes: str) -> Iterator[ServedSite]:
    """``notes_titled(titles)`` with ``themes`` as ``themes.yml``, built and served (graph and overview pages)."""
    with serve_built(root, notes=notes_titled(titles), editorial={"themes.yml": themes}) as site:
        yield site


@contextlib.contextmanager
def serve_built(root: Path, **build_kwargs: Any) -> Iterator[ServedSite]:
    """Build a site for a local sub-path URL and serve it there."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUBPATH}"
    result = build_site(root, site_url=url, **build_kwargs)
    assert result.ok, result.log
    mount = root / "www"
    (mount / SUBPATH.strip("/")).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(result.site_dir, mount / SUBPATH.strip("/"))
    with serve(mount, port):
        yield ServedSite(build=result, url=url)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The repository's own notes and editorial data, built strictly once and served."""
    root = tmp_path_factory.mktemp("real")
    with serve_built(root, repo_notes=True, repo_editorial=True, strict=True) as site:
        yield site


@pytest.fixture(scope="session")
def hexo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The Hexo documentation (../shared/corpora/hexo-docs/, both translations as notes), built and served
    once for every test that reads it (the hexo and highlight search tests)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import bench_search

    if not bench_search.HEXO.is_dir():
        pytest.skip(f"{bench_search.HEXO} is not here")
    with serve_built(tmp_path_factory.mktemp("hexo"), notes=bench_search.hexo_notes(), strict=False) as site:
        yield site


# --------------------------------------------------------------------------- browser


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (its own browser download cannot work here)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run the README's test command, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def device_options(width: int, scheme: str = "light") -> dict[str, Any]:
    """Context options for a window ``width`` px wide in ``scheme``: a phone's (touch, 2× pixels) below 600 px,
    else a desk's (``kept_pages.open(**device_options(390))``, ``browser.new_context(**…)``)."""
    phone = width < 600
    return {
        "viewport": {"width": width, "height": 844 if phone else 800},
        "color_scheme": scheme,
        "is_mobile": phone,
        "has_touch": phone,
        "device_scale_factor": 2 if phone else 1,
    }


def device_context(browser: Any, width: int, scheme: str = "light") -> Any:
    """A new browser context ``width`` px wide in ``scheme`` (``device_options``): for a test that needs a
    context of its own (two pages, storage kept between them); a kept page serves the others."""
    return browser.new_context(**device_options(width, scheme))


def evaluate_in_variants(
    site: ServedSite, kept_pages: KeptPages, width: int, path: str, script: str, codes: Iterable[str]
) -> dict[str, Any]:
    """What ``script`` returns on ``path`` in each variant of ``codes``, ``width`` px wide (``device_options``)."""
    found = {}
    with kept_pages.open(**device_options(width)) as page:
        for code in codes:
            page.goto(site.variant_url(code, path))
            found[code] = page.evaluate(script)
    return found


@pytest.fixture(scope="session")
def kept_pages(browser: Any) -> Iterator[KeptPages]:
    """The pages a worker's tests share, one per set of context options, while none changes them (``kept_pages.py``)."""
    pages = KeptPages(browser)
    yield pages
    pages.close()


#: A phone's browser (the ``phone`` fixture's): 390 × 844, touch, mainland Chinese.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}


@pytest.fixture
def phone(kept_pages: KeptPages, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A page as new in a phone's browser (``PHONE``), as ``page`` is in a desk's."""
    yield from kept_pages.lend(request.session, **PHONE)


@pytest.fixture
def page(kept_pages: KeptPages, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A browser page as new: 1280 × 900, zh-CN, nothing stored, on ``about:blank``; ``page.zd`` records console
    errors, hosts and failed requests.  The page of the test before when it left nothing behind (``kept_pages.py``).

    A test marked ``instant_navigation`` gets a page that runs ``SITEMAP_PARSED_JS`` on each load, kept for the
    next such test (``goto_for_instant_navigation`` adds nothing then)."""
    instant = request.node.get_closest_marker("instant_navigation") is not None
    yield from kept_pages.lend(request.session, init_scripts=[SITEMAP_PARSED_JS] if instant else [])


#: The slowest test files: their seconds (setup, call and teardown summed) in a quiet fresh-clone run with two
#: workers (session 50, ``--durations=0``, files of 20 s or more); only their order is used.
SLOWEST_FILES = {
    "test_author_tools.py": 74,
    "test_reader_defects_browser.py": 70,
    "test_serve_incremental.py": 64,
    "test_serve_editorial.py": 63,
    "test_serve_caches.py": 60,
    "test_search_browser.py": 59,
    "test_search_hexo_browser.py": 52,
    "test_hostile_table.py": 52,
    "test_crawl_browser.py": 51,
    "test_serve_first.py": 49,
    "test_cache.py": 49,
    "test_kept_pages_browser.py": 42,
    "test_annotate_browser.py": 42,
    "test_search_incremental.py": 41,
    "test_reader_defects2_browser.py": 41,
    "test_search_redeploy_browser.py": 39,
    "test_conversion_domain.py": 32,
    "test_size_browser.py": 31,
    "test_serve_delete.py": 31,
    "test_transclusion.py": 31,
    "test_reader_defects6_browser.py": 31,
    "test_reader_defects17_browser.py": 30,
    "test_serve_late_files.py": 30,
    "test_prerender_failure.py": 29,
    "test_reading_browser.py": 29,
    "test_hostile_front_matter.py": 29,
    "test_open_inline.py": 28,
    "test_regional_heldout10.py": 28,
    "test_regional.py": 28,
    "test_open_inline_browser.py": 28,
    "test_site_browser.py": 27,
    "test_reader_defects4_browser.py": 26,
    "test_serve_late_embed_image.py": 25,
    "test_reader_defects14_browser.py": 25,
    "test_cache_sweep.py": 24,
    "test_reader_defects9_browser.py": 24,
    "test_serve.py": 23,
    "test_reader_defects16_browser.py": 23,
    "test_reader_defects5_browser.py": 23,
    "test_dirty_build.py": 22,
    "test_reader_defects3_browser.py": 21,
    "test_hostile_containment_browser.py": 21,
    "test_regional_vocabulary.py": 20,
}


def longest_first(items: list[pytest.Item]) -> list[pytest.Item]:
    """``items`` file by file, the longest files first: those of ``SLOWEST_FILES`` by their seconds, then the files
    with a test marked ``slow``, then the rest by their number of tests (pytest-xdist's own guess); a file's tests
    keep their order, and the order is the same in every worker (a stable sort of the collection)."""
    tests: dict[str, int] = {}
    slow: set[str] = set()
    for item in items:
        name = item.path.name
        tests[name] = tests.get(name, 0) + 1
        if item.get_closest_marker("slow") is not None:
            slow.add(name)
    return sorted(
        items,
        key=lambda item: (
            -SLOWEST_FILES.get(item.path.name, 0),
            item.path.name not in slow,
            -tests[item.path.name],
        ),
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest test files first (``longest_first``), so two workers stay busy to the end.

    ``--dist loadfile`` hands out files in collection order only with ``--no-loadscope-reorder`` (``.ci/test``):
    pytest-xdist's default reorders files by their number of tests, which put the serve files (one to five long
    tests each) last, on one worker while the other sat idle."""
    items[:] = longest_first(items)
