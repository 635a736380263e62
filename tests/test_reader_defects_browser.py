"""Defects a reader saw (the reader-review issue), each checked in a real browser on the real site."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import PASSAGE, SUBPATH, QuietServer, ServedSite, build_site

NOTE_HK = "notes/ai-bubble-open-source-doge-2025/"
CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"


def _options(width: int, height: int, **kwargs: Any) -> dict[str, Any]:
    return {"viewport": {"width": width, "height": height}, "locale": "zh-CN", **kwargs}


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
    real_site: ServedSite, kept_pages: Any, width: int, height: int
) -> None:
    with kept_pages.open(**_options(width, height)) as page:
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
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(mount)))
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
    pages_site: str, page: Any, path: str, remembered: str | None, expected: str
) -> None:
    errors: list[str] = []
    failed: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "404" not in m.text else None)
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    if remembered:  # stored before the missing page loads, from a document of the site without scripts
        page.goto(pages_site + "assets/zhudu/favicon.svg")
        page.evaluate("variant => localStorage.setItem('zd-variant', variant)", remembered)
    missing = pages_site + path
    page.goto(missing)
    page.wait_for_function(f"document.documentElement?.lang === {expected!r}")
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
    # Between the two documents there is no documentElement: the condition must not throw then.
    page.wait_for_function("document.documentElement?.lang === 'zh-Hant-TW'")


# --------------------------------------------------------------------------- 6. counts are not text


def test_theme_counts_are_not_part_of_a_passages_text(real_site: ServedSite, page: Any) -> None:
    url = real_site.variant_url("zh-Hant-TW", NOTE_HK)
    page.goto(url)
    passage = (
        page.locator(f".zd-note__body {PASSAGE}.zd-has-tm")
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


#: An element's text as drawn: its own, and its and its descendants' ``::before``/``::after`` content.
VISIBLE_TEXT = """b => {
  let text = b.innerText;
  for (const el of [b, ...b.querySelectorAll('*')]) {
    for (const pseudo of ['::before', '::after']) {
      const c = getComputedStyle(el, pseudo).content;
      if (c && c !== 'none' && c !== 'normal') text += c.replace(/^"|"$/g, '');
    }
  }
  return text.trim();
}"""


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
    real_site: ServedSite, kept_pages: Any, scheme: str
) -> None:
    with kept_pages.open(**_options(1280, 900, color_scheme=scheme)) as page:
        page.goto(real_site.variant_url("zh-Hant-HK", NOTE_HK))
        buttons = page.locator(".zd-note__body .zd-tm__btn")
        assert buttons.count() > 5
        shown = buttons.evaluate_all(
            f"bs => bs.map(b => [({VISIBLE_TEXT})(b), b.getAttribute('aria-label') || ''])"
        )
        mismatched = [(visible, name) for visible, name in shown if visible and visible not in name]
        counts = page.locator(".zd-chip__count")
        assert counts.count() > 0
        ratios = counts.evaluate_all(f"cs => cs.map({CONTRAST})")
        assert (mismatched, min(ratios) >= 4.5) == ([], True), ratios  # WCAG 2.5.3; 1.4.3 (small text)


# --------------------------------------------------------------------------- screenshots

SHOTS = Path("/tmp/shots")


def _shot(page: Any, name: str, **kwargs: Any) -> None:
    """With ZD_SHOTS set (``before`` or ``after``): a screenshot for the review, /tmp/shots/22b-NAME-TAG.png."""
    tag = os.environ.get("ZD_SHOTS")
    if tag:
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"22b-{name}-{tag}.png"), **kwargs)


_CARD_TITLE_RE = re.compile(r'class="zd-card__title"><a href="([^"]+)"')


def _note_paths(real_site: ServedSite) -> list[str]:
    """The notes the home page lists (its cards' title links, read from the page as served: no load in Chromium)."""
    home = real_site.variant_url("zh-Hans")
    with urllib.request.urlopen(home, timeout=10) as response:
        hrefs = [urljoin(home, h) for h in _CARD_TITLE_RE.findall(response.read().decode("utf-8"))]
    paths = sorted({urlsplit(h).path.split("/zh-Hans/", 1)[1] for h in hrefs})
    assert len(paths) >= 3, paths
    return paths


# --------------------------------------------------------------------------- 5. line breaking

NO_LINE_START = "”’」』）)］]｝}〕〉》】、，。．：；！？…"
NO_LINE_END = "“‘「『（(［[｛{〔〈《【"

#: Every pair of characters drawn one after the other (spaces, markers and code left out) where the second starts a
#: line and is in ``noStart``, or the first ends one and is in ``noEnd``: "passage id: six characters⏎four".  Only the
#: characters in either list and their drawn neighbours are measured (a range each), not every character.
LINE_EDGES = """([noStart, noEnd]) => {
  const skip = '.zd-anno-note, .zd-anno-marker, .zd-tm, .zd-sr-only, .zd-permalink, .zd-gloss-tip, sup, sub, code, pre';
  const out = [];
  const range = document.createRange();
  for (const block of document.querySelectorAll('.zd-note__body :is([data-zd-passage], [id^="p-"]:where(p, li, blockquote, tr))')) {
    const chars = [];  // every character that is not a space, with the rectangle it is drawn in once measured
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest(skip)) continue;
      for (let i = 0; i < n.data.length; i++) if (!/\\s/.test(n.data[i])) chars.push({n, i, ch: n.data[i]});
    }
    const drawn = k => {  // its rectangle, or null for a character not drawn (no box of its own)
      const c = chars[k];
      if (c.rect === undefined) {
        range.setStart(c.n, c.i); range.setEnd(c.n, c.i + 1);
        c.rect = [...range.getClientRects()].find(r => r.width > 0 && r.height > 0) || null;
      }
      return c.rect;
    };
    const next = (k, step) => { for (k += step; k >= 0 && k < chars.length; k += step) if (drawn(k)) return k; return -1; };
    const starts = new Set();  // the second character of each pair broken across lines
    const broken = (a, b) => a >= 0 && b >= 0 && drawn(a) && drawn(b) && !(drawn(b).top < drawn(a).bottom - 2);
    for (let k = 0; k < chars.length; k++) {
      if (noStart.includes(chars[k].ch) && broken(next(k, -1), k)) starts.add(k);
      if (noEnd.includes(chars[k].ch) && broken(k, next(k, 1))) starts.add(next(k, 1));
    }
    for (const b of [...starts].sort((x, y) => x - y)) {
      const before = [], after = [];
      for (let k = next(b, -1); k >= 0 && before.length < 6; k = next(k, -1)) before.unshift(chars[k].ch);
      for (let k = b; k >= 0 && after.length < 4; k = next(k, 1)) after.push(chars[k].ch);
      out.push(block.id + ': ' + before.join('') + '⏎' + after.join(''));
    }
  }
  return out;
}"""


#: Resolves after two animation frames: a resize's handlers (annotate.js lays the margin out again in
#: the frame after the resize) have run.
_TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _settled_line_edges(page: Any) -> list[str]:
    """``LINE_EDGES`` once the layout has settled after a resize: measured until two measurements,
    each after two animation frames, agree (a loaded machine runs the scripts' re-layout later)."""
    page.evaluate(_TWO_FRAMES)
    edges = page.evaluate(LINE_EDGES, [NO_LINE_START, NO_LINE_END])
    for _ in range(20):
        page.evaluate(_TWO_FRAMES)
        again = page.evaluate(LINE_EDGES, [NO_LINE_START, NO_LINE_END])
        if again == edges:
            return edges
        edges = again
    raise AssertionError("the layout did not settle after a resize")


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant-HK"])
def test_no_line_starts_with_closing_punctuation_or_ends_with_an_opening_mark(
    real_site: ServedSite, page: Any, code: str
) -> None:
    bad: list[str] = []
    for path in _note_paths(real_site):
        page.goto(real_site.variant_url(code, path))
        assert page.locator(".zd-note__body .zd-gloss").count() > 0
        # The page's scripts have set it up (themes.js draws each margin marker from its theme
        # ids, after annotate.js): lines are measured as the reader gets them.
        page.wait_for_function("() => !document.querySelector('.zd-tm[data-zd-tm]')")
        for width in (1280, 1000, 800, 600, 412, 375, 320):
            page.set_viewport_size({"width": width, "height": 800})
            bad += [f"{path} {width} {b}" for b in _settled_line_edges(page)]
    # For the review: the passages named in ZD_BREAK_SHOTS ("path width id", ";"-separated), or the
    # first lines found broken.
    wanted = os.environ.get("ZD_BREAK_SHOTS")
    specs = [w.split() for w in wanted.split(";")] if wanted else [b.split()[:3] for b in bad[:3]]
    for path, width, anchor in specs if os.environ.get("ZD_SHOTS") else []:
        page.set_viewport_size({"width": int(width), "height": 800})
        page.goto(real_site.variant_url(code, path))
        page.evaluate(
            "id => document.getElementById(id).scrollIntoView({block: 'center'})", anchor.rstrip(":")
        )
        _shot(page, f"breaks-{code}-{width}-{anchor.rstrip(':')}")
    assert bad == [], "\n".join(bad)


# --------------------------------------------------------------------------- 9. two numbering systems

MARKS = """() => {
  const label = el => {
    let text = '';
    const parts = [el, ...el.querySelectorAll('*')].filter(e => !e.closest('.zd-sr-only'));
    for (const e of parts) {
      const before = getComputedStyle(e, '::before').content;
      if (before && before !== 'none' && before !== 'normal') text += before.replace(/^"|"$/g, '');
      for (const n of e.childNodes) if (n.nodeType === 3) text += n.data.trim();
      const after = getComputedStyle(e, '::after').content;
      if (after && after !== 'none' && after !== 'normal') text += after.replace(/^"|"$/g, '');
    }
    return text;
  };
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  // A marker's colour: its text's, or its background's when it is drawn inverted (an open note).
  const vivid = e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor].map(rgb)
    .sort((a, b) => (Math.max(...b) - Math.min(...b)) - (Math.max(...a) - Math.min(...a)))[0];
  const hue = ([r, g, b]) => {
    const max = Math.max(r, g, b), min = Math.min(r, g, b);
    if (max === min) return 0;
    const d = max - min;
    const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    return h * 60;
  };
  const shape = el => {
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    return parseFloat(s.borderTopLeftRadius) / r.height;
  };
  const themes = [...document.querySelectorAll('.zd-note__body .zd-tm__btn')].map(b => {
    const dot = b.querySelector('.zd-tm__dot');
    return {label: label(b), hue: hue(vivid(dot)), round: shape(dot)};
  });
  const notes = [...document.querySelectorAll('.zd-note__body .zd-anno-marker')].map(m => (
    {label: label(m), hue: hue(vivid(m)), round: shape(m)}));
  return {themes, notes};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), [(1280, 800), (412, 915)], ids=["desktop", "phone"])
def test_theme_markers_and_editors_note_markers_are_told_apart(
    real_site: ServedSite, kept_pages: Any, width: int, height: int, scheme: str
) -> None:
    with kept_pages.open(**_options(width, height, color_scheme=scheme, has_touch=width < 600)) as page:
        for code in ("zh-Hans", "zh-Hant-TW"):
            page.goto(real_site.variant_url(code, NOTE_HK))
            m = page.evaluate(MARKS)
            assert len(m["themes"]) > 3 and len(m["notes"]) > 3
            # Each shows what it is: "主题" (and a count), "注" and its number; never a bare number or circle.
            assert all(re.fullmatch(r"主[题題]\d*", t["label"]) for t in m["themes"]), m["themes"]
            assert all(re.fullmatch(r"[注註]\d+", n["label"]) for n in m["notes"]), m["notes"]
            # Another colour (hue) and another shape: pills in the margin, squares beside the text.
            for t in m["themes"]:
                for n in m["notes"][:3]:
                    gap = abs(t["hue"] - n["hue"]) % 360
                    assert min(gap, 360 - gap) >= 60, (t, n)
            assert min(t["round"] for t in m["themes"]) >= 0.4 > 0.25 >= max(n["round"] for n in m["notes"])
            # A screen reader names each for what it is, with the label it shows inside the name.
            notes = page.locator(".zd-note__body .zd-anno-marker")
            assert page.get_by_role(
                "button", name=re.compile(r"^编者[注註]\d+$|^編者[注註]\d+$")
            ).count() == (notes.count())
            themes = page.locator(".zd-note__body .zd-tm__btn")
            assert page.get_by_role("button", name=re.compile(r"^本段主[题題]")).count() == themes.count()
            names = themes.evaluate_all("bs => bs.map(b => b.getAttribute('aria-label') || '')")
            assert len(names) == len(m["themes"])
            for theme, name in zip(m["themes"], names, strict=True):
                assert theme["label"] in name, (theme, name)
            names = notes.evaluate_all("ns => ns.map(n => n.getAttribute('aria-label') || n.innerText)")
            assert len(names) == len(m["notes"])
            for note, name in zip(m["notes"], names, strict=True):
                assert note["label"] in name, (note, name)
        page.locator(".zd-note__body .zd-anno-marker").nth(1).scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -120)")
        _shot(page, f"markers-{'desktop' if width > 600 else 'phone'}-{scheme}")


# --------------------------------------------------------------------------- 8. the glossary's card

TIP = """() => {
  const tip = [...document.querySelectorAll('.zd-gloss-tip, .md-tooltip2')].find(t => t.offsetParent !== null
    && getComputedStyle(t).visibility !== 'hidden' && t.getBoundingClientRect().height > 0
    && (t.classList.contains('zd-gloss-tip') || t.classList.contains('md-tooltip2--active')));
  return tip ? tip.className : null;
}"""

TIP_GEOMETRY = """term => {
  const tip = document.querySelector('.zd-gloss-tip');
  const text = tip.querySelector('.zd-gloss-tip__text') || tip;
  const body = getComputedStyle(term.closest(':is([data-zd-passage], [id^="p-"]:where(p, li, blockquote, tr))') || term.parentElement);
  const s = getComputedStyle(text);
  const t = tip.getBoundingClientRect(), r = term.getBoundingClientRect();
  const link = tip.querySelector('a');
  return {fontSize: parseFloat(s.fontSize), bodySize: parseFloat(body.fontSize), weight: s.fontWeight,
          lineHeight: parseFloat(s.lineHeight), tip: {top: t.top, bottom: t.bottom, left: t.left, right: t.right},
          term: {top: r.top, bottom: r.bottom}, width: document.documentElement.clientWidth,
          link: link ? link.href : null, gloss: term.dataset.zdGloss, text: text.textContent};
}"""


def _open_tip(page: Any) -> None:
    page.wait_for_function(TIP)
    assert page.evaluate(TIP).split()[0] == "zd-gloss-tip", page.evaluate(TIP)


def _check_tip(page: Any, term: Any) -> None:
    g = term.evaluate(TIP_GEOMETRY)
    # Body-sized, regular weight, a CJK line height.
    assert g["fontSize"] >= g["bodySize"] - 0.5 and g["weight"] in ("400", "normal"), g
    assert g["lineHeight"] >= 1.6 * g["fontSize"], g
    # Clear of the term's line (above it when there is room), inside the screen.
    assert g["tip"]["bottom"] <= g["term"]["top"] or g["tip"]["top"] >= g["term"]["bottom"], g
    assert g["tip"]["left"] >= 0 and g["tip"]["right"] <= g["width"], g
    # A link to the term's entry, which is on the glossary page.
    assert g["link"] and urlsplit(g["link"]).path.endswith("/glossary/"), g
    fragment = urlsplit(g["link"]).fragment
    assert fragment and page.request.get(g["link"]).ok
    assert unquote(fragment) == g["gloss"]


def test_glossary_card_is_readable_placed_clear_of_the_line_and_links_to_the_entry(
    real_site: ServedSite, page: Any
) -> None:
    page.goto(real_site.variant_url("zh-Hant-TW", NOTE_HK))
    term = page.locator(".zd-note__body .zd-gloss").nth(2)
    term.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -300)")  # room above it
    term.hover()
    _open_tip(page)
    _shot(page, "gloss-tip-desktop")
    _check_tip(page, term)
    assert term.evaluate("t => t.getBoundingClientRect().top") > page.locator(".zd-gloss-tip").evaluate(
        "t => t.getBoundingClientRect().bottom"
    )  # above: the lines below, still to be read, stay visible
    # Keyboard: focus shows it, Tab reaches its link, Escape closes it and returns to the term.
    page.mouse.move(0, 0)
    page.wait_for_function(
        "!document.querySelector('.zd-gloss-tip') || document.querySelector('.zd-gloss-tip').hidden"
    )
    other = page.locator(".zd-note__body .zd-gloss").nth(3)
    other.focus()
    _open_tip(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.zd-gloss-tip') !== null")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Escape")
    page.wait_for_function("document.querySelector('.zd-gloss-tip').hidden")
    assert other.evaluate("t => document.activeElement === t")
    assert not page.zd.console_errors, page.zd.console_errors


def test_glossary_card_opens_on_tap_and_closes_on_a_tap_outside(
    real_site: ServedSite, kept_pages: Any
) -> None:
    with kept_pages.open(
        viewport={"width": 412, "height": 915}, has_touch=True, is_mobile=True, locale="zh-CN"
    ) as page:
        page.goto(real_site.variant_url("zh-Hans", NOTE_HK))
        term = page.locator(".zd-note__body .zd-gloss").nth(1)
        term.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -300)")
        term.tap()
        _open_tip(page)
        _shot(page, "gloss-tip-phone")
        _check_tip(page, term)
        page.locator(".zd-note__header h1").tap()
        page.wait_for_function("document.querySelector('.zd-gloss-tip').hidden")
        term.tap()
        _open_tip(page)
        term.tap()  # a second tap on the term closes it too
        page.wait_for_function("document.querySelector('.zd-gloss-tip').hidden")


# --------------------------------------------------------------------------- 16. the glossary's order and anchors

GLOSSARY_INDEX = """() => {
  const links = [...document.querySelectorAll('.zd-gloss-index a')];
  return {terms: links.map(a => a.textContent.trim()), ids: links.map(a => decodeURIComponent(a.hash.slice(1))),
          groups: links.map(a => a.closest('.zd-gloss-index__group').querySelector('.zd-gloss-index__label').textContent),
          headings: [...document.querySelectorAll('.md-content h2[id]')].map(h => h.id)};
}"""


def test_glossary_lists_terms_in_each_variants_order_with_readable_anchors(
    real_site: ServedSite, page: Any
) -> None:
    from zhudu.annotate import glossary

    seen: dict[str, list[str]] = {}
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        page.goto(real_site.variant_url(code, "glossary/"))
        g = page.evaluate(GLOSSARY_INDEX)
        assert len(g["terms"]) > 20
        # As this variant's readers look words up (pinyin; Taiwan zhuyin; Latin A–Z last), under each group's heading.
        key = glossary.order_for(code)
        assert g["terms"] == sorted(g["terms"], key=key), code
        assert g["groups"] == [key(t).group for t in g["terms"]], code
        assert g["groups"][-1] == "A–Z" and g["terms"][-1].isascii(), code
        starts = [group["left"] for group in page.evaluate(GLOSSARY_GROUPS)]
        assert max(starts) - min(starts) < 0.5, (
            code,
            starts,
        )  # rv28: the A–Z row's terms from the others' edge
        entries = [i for i in g["headings"] if i in set(g["ids"])]
        assert entries == g["ids"], code  # the entries follow the index
        seen[code] = g["ids"]
        # Readable anchors: a Chinese term's anchor is the term, not a hash.
        assert not [i for i in g["ids"] if re.fullmatch(r"g-[0-9a-f]{6}", i)], g["ids"]
        assert any(re.search(CJK, i) for i in g["ids"])
    # The same anchors in every variant: a link to an entry works whichever script it is read in.
    assert sorted(seen["zh-Hans"]) == sorted(seen["zh-Hant-TW"]) == sorted(seen["zh-Hant-HK"])
    page.goto(real_site.variant_url("zh-Hant-HK", NOTE_HK))
    used = set(page.eval_on_selector_all(".zd-gloss", "bs => bs.map(b => b.dataset.zdGloss)"))
    assert used and used <= set(seen["zh-Hans"])


GLOSSARY_GROUPS = """() => [...document.querySelectorAll('.zd-gloss-index__group')].map(g => {
  const label = g.querySelector('.zd-gloss-index__label').getBoundingClientRect();
  const links = [...g.querySelectorAll('a')].map(a => a.getBoundingClientRect());
  return {label: {left: label.left, right: label.right, top: label.top},
          first: {left: links[0].left, top: links[0].top},
          left: Math.min(...links.map(r => r.left)), right: Math.max(...links.map(r => r.right))};
})"""


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant-TW"])
def test_glossary_index_groups_read_on_a_phone(real_site: ServedSite, kept_pages: Any, code: str) -> None:
    """On a phone each group of the index is a heading (a pinyin letter, a zhuyin initial) with its terms
    wrapped beside it, never under it, and no line wider than the screen."""
    with kept_pages.open(**_options(390, 844, has_touch=True, is_mobile=True)) as page:
        page.goto(real_site.variant_url(code, "glossary/"))
        page.wait_for_function("document.querySelectorAll('.zd-gloss-index__group').length > 5")
        groups = page.evaluate(GLOSSARY_GROUPS)
        width = page.evaluate("document.documentElement.clientWidth")
        for g in groups:
            assert abs(g["label"]["top"] - g["first"]["top"]) < 4, g  # the heading on its terms' first line
            assert g["left"] >= g["label"]["right"], g  # a wrapped line starts beside the heading too
            assert g["right"] <= width, g
        # rv28: every group's terms start at one edge (A–Z, a wider heading, pushed its terms right).
        assert max(g["left"] for g in groups) - min(g["left"] for g in groups) < 0.5, groups
        _shot(page, f"glossary-index-phone-{code}")
        page.locator(".zd-gloss-index__group").last.scroll_into_view_if_needed()
        _shot(page, f"glossary-index-phone-{code}-latin")


# --------------------------------------------------------------------------- 14. phone layout, tap targets


def test_matrix_caption_fits_a_phone(real_site: ServedSite, kept_pages: Any) -> None:
    with kept_pages.open(**_options(412, 915, has_touch=True)) as page:
        page.goto(real_site.variant_url("zh-Hans", "themes/"))
        caption = page.locator(".zd-matrix caption")
        caption.scroll_into_view_if_needed()
        g = caption.evaluate(
            """c => {
              const wrap = c.closest('.zd-matrix__wrap').getBoundingClientRect();
              const r = document.createRange(); r.selectNodeContents(c);
              const lines = [...r.getClientRects()].map(b => ({left: b.left, right: b.right}));
              return {wrap: {left: wrap.left, right: wrap.right}, lines, width: document.documentElement.clientWidth};
            }"""
        )
        assert g["lines"]
        right = min(g["wrap"]["right"], g["width"])
        assert all(
            line["left"] >= g["wrap"]["left"] - 1 and line["right"] <= right + 1 for line in g["lines"]
        ), g
        _shot(page, "matrix-caption-phone")


TARGET = """m => {
  const r = m.getBoundingClientRect(), cx = r.left + r.width / 2, cy = r.top + r.height / 2;
  const reach = matchMedia('(pointer: coarse)').matches ? 21 : 11.5;
  const points = [[-reach, 0], [reach, 0], [0, -reach], [0, reach], [-reach, -reach], [reach, reach]]
    .map(([dx, dy]) => [cx + dx, cy + dy]).filter(([x, y]) => x >= 0 && x < innerWidth && y >= 0 && y < innerHeight);
  const hits = points.map(([x, y]) => { const e = document.elementFromPoint(x, y); return !!e && e.closest('.zd-anno-marker') === m; });
  const line = parseFloat(getComputedStyle(m.closest('p, li, td') || m.parentElement).lineHeight);
  return {hits, height: r.height, line, coarse: matchMedia('(pointer: coarse)').matches};
}"""


@pytest.mark.parametrize("touch", [False, True], ids=["mouse", "touch"])
def test_editors_note_markers_are_big_enough_to_hit(
    real_site: ServedSite, kept_pages: Any, touch: bool
) -> None:
    with kept_pages.open(**_options(412 if touch else 1280, 915, has_touch=touch, is_mobile=touch)) as page:
        page.goto(real_site.variant_url("zh-Hans", NOTE_HK))
        markers = page.locator(".zd-note__body .zd-anno-marker")
        assert markers.count() > 3
        heights = []
        for i in range(markers.count()):
            marker = markers.nth(i)
            marker.scroll_into_view_if_needed()
            page.evaluate("window.scrollBy(0, -200)")
            g = marker.evaluate(TARGET)
            assert g["coarse"] == touch
            assert all(g["hits"]), (i, g)  # 24 × 24 CSS px at least (44 × 44 for a finger)
            heights.append(g["height"])
            assert g["height"] < g["line"], g  # the larger target does not make its line taller
        # Opened on a phone, the marker still works (the target is the marker, not what is around it).
        if touch:
            markers.first.scroll_into_view_if_needed()
            markers.first.tap()
            assert markers.first.get_attribute("aria-expanded") == "true"


def test_traditional_offer_does_not_cover_the_home_cards_on_a_phone(
    real_site: ServedSite, kept_pages: Any
) -> None:
    with kept_pages.open(
        viewport={"width": 412, "height": 915}, has_touch=True, is_mobile=True, locale="zh-TW"
    ) as page:
        page.goto(real_site.variant_url("zh-Hans"))
        offer = page.locator(".zd-offer")
        offer.wait_for()
        _shot(page, "offer-phone")
        metas = page.locator(".zd-card__meta, .zd-card__title, .zd-card__summary")
        assert metas.count() >= 3
        covered = []
        for i in range(metas.count()):
            meta = metas.nth(i)
            for block in ("start", "end"):
                meta.evaluate(f"m => m.scrollIntoView({{block: '{block}'}})")
                a, b = meta.bounding_box(), offer.bounding_box()
                assert a and b
                across = a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
                if across and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]:
                    covered.append((i, block))
        assert covered == []
        # Still there to use, and dismissed for good.
        offer.locator("button").tap()
        assert page.locator(".zd-offer").count() == 0
