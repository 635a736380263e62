"""Defects a reader saw (the reader-review issue), each checked in a real browser on the real site."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import SUBPATH, ServedSite, build_site

NOTE_HK = "notes/ai-bubble-open-source-doge-2025/"
CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"


def _context(browser: Any, width: int, height: int, **kwargs: Any) -> Any:
    return browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN", **kwargs)


# --------------------------------------------------------------------------- 1. the themes graph

GRAPH_GEOMETRY = """() => {
  const graph = document.querySelector('.zd-graph');
  const box = graph.getBoundingClientRect();
  const svg = graph.querySelector('svg').getBoundingClientRect();
  const dots = [...graph.querySelectorAll('circle, .zd-graph__dot')].map(c => {
    const r = c.getBoundingClientRect();
    return {x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height};
  });
  const labels = [...graph.querySelectorAll('.zd-graph__label')].map(l => {
    const r = l.getBoundingClientRect();
    return {y: r.top + r.height / 2, left: r.left, right: r.right, text: l.innerText};
  });
  const footer = document.querySelector('.md-footer').getBoundingClientRect();
  return {box: {top: box.top, bottom: box.bottom, height: box.height}, svgHeight: svg.height,
          dots, labels, footerTop: footer.top};
}"""


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (412, 915)], ids=["desktop", "phone"])
def test_themes_graph_labels_sit_on_their_dots(
    real_site: ServedSite, browser: Any, width: int, height: int
) -> None:
    context = _context(browser, width, height)
    page = context.new_page()
    try:
        page.goto(real_site.variant_url("zh-Hans", "themes/"))
        g = page.evaluate(GRAPH_GEOMETRY)
        assert abs(g["svgHeight"] - g["box"]["height"]) <= 1, g  # the drawing fills its box
        assert len(g["dots"]) == len(g["labels"]) > 3
        for dot, label in zip(g["dots"], g["labels"], strict=True):
            assert abs(dot["y"] - label["y"]) <= 4, (label["text"], dot, label)  # level with its dot
            assert abs(dot["w"] - dot["h"]) <= 1, dot  # round, whatever the box's shape
            assert label["left"] >= dot["x"] or label["right"] <= dot["x"], label["text"]  # beside it
        bottom = max(d["y"] for d in g["dots"])
        top = min(d["y"] for d in g["dots"])
        assert (
            bottom < g["box"]["bottom"] and bottom < g["footerTop"] - 20
        )  # the last dot is clear of the footer
        assert bottom - top > 0.7 * g["box"]["height"], g  # the dots use the whole box, not its top half
    finally:
        context.close()


# --------------------------------------------------------------------------- 3. the 404 page


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Like GitHub Pages: the site's root 404.html, with status 404, for every missing path."""

    not_found: Path

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def _serve_like_pages(site_dir: Path, mount: Path) -> Iterator[str]:
    (mount / SUBPATH.strip("/")).parent.mkdir(parents=True, exist_ok=True)
    if not (mount / SUBPATH.strip("/")).exists():
        os.symlink(site_dir, mount / SUBPATH.strip("/"))
    handler = type("Handler", (_PagesHandler,), {"not_found": site_dir / "404.html"})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(mount))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def pages_site(real_site: ServedSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site served the way GitHub Pages serves it (one 404 page for every missing path)."""
    with _serve_like_pages(real_site.build.site_dir, tmp_path_factory.mktemp("pages")) as url:
        yield url


@pytest.mark.parametrize(
    ("path", "remembered", "expected"),
    [
        ("zh-Hant-TW/notes/no-such-note/", None, "zh-Hant-TW"),
        ("zh-Hant-HK/nothing", "zh-Hant-TW", "zh-Hant-HK"),  # the path wins
        ("zh-Hans/notes/gone/", None, "zh-Hans"),
        ("notes/gone/", "zh-Hant-HK", "zh-Hant-HK"),  # no variant in the path: the reader's choice
        ("notes/gone/", None, "zh-Hans"),
    ],
)
def test_404_page_is_in_the_readers_variant_and_works(
    pages_site: str, browser: Any, path: str, remembered: str | None, expected: str
) -> None:
    context = _context(browser, 1280, 900)
    if remembered:
        context.add_init_script(
            f"try {{ localStorage.setItem('zd-variant', '{remembered}') }} catch (e) {{}}"
        )
    page = context.new_page()
    errors: list[str] = []
    failed: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "404" not in m.text else None)
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    try:
        missing = pages_site + path
        page.goto(missing)
        page.wait_for_function(f"document.documentElement.lang === {expected!r}")
        page.wait_for_load_state("networkidle")
        assert urlsplit(page.url).path == urlsplit(missing).path  # the address the reader typed stays
        heading = page.locator(".md-content h1").inner_text()
        assert re.search(CJK, heading) and "Not found" not in heading, heading
        hrefs = page.eval_on_selector_all(".md-select__link", "links => links.map(a => a.href)")
        assert len(hrefs) == 3 and all(h.startswith("http://127.0.0.1") for h in hrefs), hrefs
        for href in [*hrefs, page.eval_on_selector("link[type='application/atom+xml']", "l => l.href")]:
            assert page.request.get(href).ok, href
        home = page.locator(".md-content a.zd-404__home")
        assert home.get_attribute("href")
        # Only the missing page itself was a 404 (no dead feed, sitemap or script).
        assert [f for f in failed if urlsplit(f.split(" ", 1)[1]).path != urlsplit(missing).path] == []
        assert errors == []
        page.locator(".md-header__option .md-select").hover()
        page.locator('.md-select__link[hreflang="zh-Hant-TW"]').click()
        page.wait_for_function("document.documentElement.lang === 'zh-Hant-TW'")
    finally:
        context.close()


# --------------------------------------------------------------------------- 6. counts are not text


def test_theme_counts_are_not_part_of_a_passages_text(real_site: ServedSite, page: Any) -> None:
    url = real_site.variant_url("zh-Hant-TW", NOTE_HK)
    page.goto(url)
    passage = (
        page.locator(".zd-note__body [data-zd-passage].zd-has-tm")
        .filter(has=page.locator(".zd-tm__btn[aria-label*='、']"))
        .first
    )
    anchor = passage.get_attribute("id")
    # The count is still drawn on the marker …
    drawn = passage.locator(".zd-tm__dot").evaluate(
        "d => d.textContent + getComputedStyle(d, '::before').content + getComputedStyle(d, '::after').content"
    )
    assert re.search(r"\d", drawn), drawn
    # … but selecting and copying the passage gives its words only, and so does its innerText.
    selected = passage.evaluate(
        "p => { const r = document.createRange(); r.selectNodeContents(p); const s = getSelection();"
        " s.removeAllRanges(); s.addRange(r); return s.toString(); }"
    )
    assert not re.match(r"\s*\d", selected), selected[:20]
    assert not re.match(r"\s*\d", passage.inner_text()), passage.inner_text()[:20]
    # The resume offer quotes the passage without it.
    page.evaluate(
        "([slug, id]) => localStorage.setItem('zd-reading:' + slug, JSON.stringify({passage: id}))",
        [page.locator("article.zd-note").get_attribute("data-zd-slug"), anchor],
    )
    page.goto(url)
    quote = page.locator(".zd-resume__quote").inner_text()
    assert quote and not re.match(r"\s*\d", quote), quote
    # A link preview reads the passage's text content: no count in it either.
    text = page.locator(f"#{anchor}").text_content() or ""
    assert not re.match(r"\s*\d", text), text[:20]


# --------------------------------------------------------------------------- 15. lang


def test_english_preamble_and_variant_names_carry_their_language(real_site: ServedSite, page: Any) -> None:
    page.goto(real_site.variant_url("zh-Hant-TW", NOTE_HK))
    english = page.locator(".zd-wrapper--preamble p", has_text="Okay, I will process")
    assert english.evaluate("p => p.closest('[lang]').lang") == "en"
    label = page.locator(".zd-wrapper--preamble .zd-wrapper__label")
    assert label.evaluate("p => p.closest('[lang]').lang") == "zh-Hant-TW"
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        link = page.locator(f'.md-select__link[hreflang="{code}"]')
        assert link.evaluate("a => a.closest('[lang]').lang") == code


# --------------------------------------------------------------------------- 17. hreflang, sitemaps


@pytest.fixture(scope="module")
def default_url_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repository's site built with mkdocs.yml's own site_url, previewed on 127.0.0.1."""
    root = tmp_path_factory.mktemp("default-url")
    result = build_site(root, site_url="https://zhudu.github.io/zhudu/", repo_notes=True, repo_editorial=True)
    assert result.ok, result.log
    with _serve_like_pages(result.site_dir, root / "www") as url:
        yield url


def test_hreflang_names_the_same_page_and_nothing_is_fetched_from_the_configured_host(
    default_url_site: str, page: Any
) -> None:
    page.goto(default_url_site + "zh-Hant-TW/" + NOTE_HK)
    page.wait_for_load_state("networkidle")
    alternates = page.eval_on_selector_all(
        "link[hreflang]", "links => links.map(l => [l.getAttribute('hreflang'), l.href])"
    )
    assert sorted(code for code, _ in alternates) == ["zh-Hans", "zh-Hant-HK", "zh-Hant-TW"]
    for code, href in alternates:
        assert href == f"https://zhudu.github.io/zhudu/{code}/{NOTE_HK}", href  # the same page, for crawlers
    assert page.zd.hosts <= {urlsplit(default_url_site).netloc}, page.zd.hosts
    # The variant menu stays on the site being read, on the same page.
    menu = page.eval_on_selector_all(".md-select__link", "links => links.map(a => a.href)")
    assert all(href.startswith(default_url_site) and href.endswith(NOTE_HK) for href in menu), menu


# --------------------------------------------------------------------------- 13. editor's notes


def test_editors_notes_have_no_stray_spaces_between_chinese_characters(
    real_site: ServedSite, page: Any
) -> None:
    page.goto(real_site.variant_url("zh-Hans", NOTE_HK))
    bodies = page.eval_on_selector_all(".zd-anno-note__body", "els => els.map(e => e.textContent)")
    assert bodies
    stray = [m.group(0) for body in bodies for m in re.finditer(rf"{CJK}\s+{CJK}", body)]
    assert stray == []


# --------------------------------------------------------------------------- 10. accessibility


def _visible_text(locator: Any) -> str:
    return locator.evaluate(
        """b => {
          let text = b.innerText;
          for (const el of [b, ...b.querySelectorAll('*')]) {
            for (const pseudo of ['::before', '::after']) {
              const c = getComputedStyle(el, pseudo).content;
              if (c && c !== 'none' && c !== 'normal') text += c.replace(/^"|"$/g, '');
            }
          }
          return text.trim();
        }"""
    )


CONTRAST = """el => {
  const rgba = s => { const m = s.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const over = (top, bottom) => ({r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
                                  b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
  const layers = [];
  for (let n = el; n; n = n.parentElement) {
    const bg = rgba(getComputedStyle(n).backgroundColor);
    if (bg.a > 0) layers.push(bg);
    if (bg.a === 1) break;
  }
  let bg = {r: 255, g: 255, b: 255, a: 1};
  for (const layer of layers.reverse()) bg = over(layer, bg);
  const fg = over(rgba(getComputedStyle(el).color), bg);
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                     return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_theme_buttons_are_named_by_what_they_show_and_chip_counts_are_legible(
    real_site: ServedSite, browser: Any, scheme: str
) -> None:
    context = _context(browser, 1280, 900, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(real_site.variant_url("zh-Hant-HK", NOTE_HK))
        buttons = page.locator(".zd-note__body .zd-tm__btn")
        assert buttons.count() > 5
        mismatched = []
        for i in range(buttons.count()):
            button = buttons.nth(i)
            visible, name = _visible_text(button), button.get_attribute("aria-label") or ""
            if visible and visible not in name:
                mismatched.append((visible, name))
        counts = page.locator(".zd-chip__count")
        assert counts.count() > 0
        ratios = [counts.nth(i).evaluate(CONTRAST) for i in range(counts.count())]
        assert (mismatched, min(ratios) >= 4.5) == ([], True), ratios  # WCAG 2.5.3; 1.4.3 (small text)
    finally:
        context.close()
