"""Defects a reader saw on phones (session 28's review of the shipped notes and the Hexo documentation),
each checked in a real browser."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import SITEMAP_PARSED_JS, ServedSite, serve_built

pytestmark = pytest.mark.browser

NOTE_HK = "notes/ai-bubble-open-source-doge-2025/"

# --------------------------------------------------------------------------- header tooltips

#: The active inline tooltip (Material's ``content.tooltips`` on a header button): its box, its text's
#: lines, the button's box.
TOOLTIP = """button => {
  const tip = document.querySelector('.md-tooltip--inline.md-tooltip--active');
  if (!tip) return null;
  const range = document.createRange();
  range.selectNodeContents(tip.querySelector('.md-tooltip__inner'));
  const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
  const t = tip.getBoundingClientRect(), b = button.getBoundingClientRect();
  return {text: tip.textContent, lines: lines.size, left: t.left, right: t.right, centre: (t.left + t.right) / 2,
          buttonCentre: (b.left + b.right) / 2, viewport: document.documentElement.clientWidth};
}"""


def _hovered_tooltip(page: Any, button: Any) -> dict[str, Any]:
    button.hover()
    page.wait_for_function(
        "document.querySelector('.md-tooltip--inline.md-tooltip--active') !== null"
        " && getComputedStyle(document.querySelector('.md-tooltip--inline.md-tooltip--active')).opacity === '1'"
    )
    return page.evaluate(TOOLTIP, button.element_handle())


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_header_tooltips_are_one_line_centred_and_on_the_screen(
    real_site: ServedSite, kept_pages: Any, width: int, height: int
) -> None:
    """Material measures a tooltip appended to <body>, after our hidden widgets (the progress bar on a
    page that is not a long note): measured 0 wide, it stood at its button's centre, not centred, and
    a Chinese label ran into a column of single characters at the screen's edge (清/空/当/前/内/容)."""
    with kept_pages.open(
        viewport={"width": width, "height": height}, locale="zh-CN", init_scripts=[SITEMAP_PARSED_JS]
    ) as page:
        page.goto(real_site.variant_url("zh-Hans"))
        page.wait_for_function("window.__zdSitemapParsed === true")
        # The page's hidden widget is the body's last element, as Material's tooltips find it.
        assert page.evaluate("document.body.lastElementChild.hidden") is True
        toggle = page.locator("form[data-md-component=palette] label.md-header__button:not([hidden])")
        tip = _hovered_tooltip(page, toggle)
        assert tip["text"] == "切换到深色模式" and tip["lines"] == 1, tip
        if width > 800:  # room on both sides: centred under its button
            assert abs(tip["centre"] - tip["buttonCentre"]) < 2, tip
        if width < 800:
            page.locator("label.md-header__button[for=__search]").click()
        else:
            page.locator(".md-search__input").click()
        page.locator(".md-search__input").fill("开源")
        page.mouse.move(0, height - 1)  # off the toggle: its tooltip goes
        page.wait_for_function("document.querySelector('.md-tooltip--inline.md-tooltip--active') === null")
        tip = _hovered_tooltip(page, page.locator("button.md-search__icon[type=reset]"))
        assert tip["text"] == "清空当前内容" and tip["lines"] == 1, tip
        assert tip["left"] >= 0 and tip["right"] <= tip["viewport"], tip


# --------------------------------------------------------------------------- theme markers without JS

#: Themed passages whose box ends more than half a line below their text's last line.
EMPTY_LAST_LINES = """() => [...document.querySelectorAll('.zd-note__body .zd-has-tm:not(tr)')].filter(p => {
  const range = document.createRange();
  range.selectNodeContents(p);
  const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
  const style = getComputedStyle(p);
  const bottom = p.getBoundingClientRect().bottom - parseFloat(style.paddingBottom);
  return bottom - Math.max(...rects.map(r => r.bottom)) > parseFloat(style.lineHeight) / 2;
}).map(p => p.id)"""


def test_without_javascript_a_themed_passage_keeps_no_room_for_a_marker(
    real_site: ServedSite, kept_pages: Any
) -> None:
    """On a phone a themed passage keeps room at the end of its last line for the marker themes.js
    draws; without JavaScript there is no marker, and a full last line got an empty line after it."""
    rooms = {}
    for script in (False, True):
        with kept_pages.open(
            viewport={"width": 390, "height": 844}, locale="zh-CN", java_script_enabled=script
        ) as page:
            page.goto(real_site.variant_url("zh-Hant-TW", NOTE_HK))
            page.wait_for_load_state("load")
            if script:
                page.wait_for_function("() => !document.querySelector('.zd-tm[data-zd-tm]')")
            assert page.locator(".zd-note__body .zd-has-tm").count() > 10
            rooms[script] = page.evaluate(
                "getComputedStyle(document.querySelector('.zd-note__body p.zd-has-tm'), '::after').content"
            )
            if not script:
                assert page.evaluate(EMPTY_LAST_LINES) == []
    assert rooms == {False: "none", True: '""'}  # with JavaScript the marker still has its room


# --------------------------------------------------------------------------- a space before "，"

#: Hexo's documentation writes a space between inline code and the full-width comma after it.
SPACED = "\n\n".join(
    "字" * n + "选项只会应用到 `source/` ，而 `ignore` 选项会应用到所有文件夹 。下一句" for n in range(1, 25)
)
SPACED_NOTE = f"---\ntitle: 空格\ndate: 2024-01-01\n---\n\n{SPACED}\n"

#: Full-width closing marks that start a line of a passage: each with the characters before it.
LINE_STARTS = """marks => {
  const out = [];
  for (const p of document.querySelectorAll('.zd-note__body p')) {
    const left = p.getBoundingClientRect().left;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.data.length; i++) {
        if (!marks.includes(n.data[i])) continue;
        range.setStart(n, i); range.setEnd(n, i + 1);
        const r = [...range.getClientRects()].find(r => r.width > 0);
        if (r && r.left - left < 2) out.push(p.textContent.slice(0, 12) + '…' + n.data.slice(0, i + 1));
      }
    }
  }
  return out;
}"""


@pytest.fixture(scope="module")
def notes_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The spaced, long and linked notes of this file's tests below, in one build: each test reads its own note
    (only the long one holds 卡脖子, the word its search looks for)."""
    notes = {"spaced.md": SPACED_NOTE, "long.md": LONG_NOTE, "linked.md": LINKED_NOTE}
    with serve_built(tmp_path_factory.mktemp("notes"), notes=notes) as site:
        yield site


def test_a_space_before_a_full_width_comma_never_starts_a_line_with_it(
    notes_site: ServedSite, kept_pages: Any
) -> None:
    site = notes_site
    html = site.build.page("zh-Hant-TW/notes/spaced/index.html")
    # The author's text is kept (the space too); only a wrapper is added.
    assert "<code>source/</code><zd-g> ，</zd-g>而 <code>ignore</code>" in html
    assert "<zd-g> 。</zd-g>下一句" in html
    with kept_pages.open(viewport={"width": 390, "height": 844}, locale="zh-CN") as page:
        page.goto(site.variant_url("zh-Hans", "notes/spaced/"))
        page.wait_for_load_state("load")
        bad = []
        for width in (390, 375, 360, 320):
            page.set_viewport_size({"width": width, "height": 844})
            page.evaluate(
                "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
            )
            bad += [f"{width}: {line}" for line in page.evaluate(LINE_STARTS, "，。")]
        assert bad == []


# --------------------------------------------------------------------------- a result near a page's end

#: A long note: a passage about a screen and a half from its end holds a word no other passage does.
_PARAGRAPHS = [
    f"第{n}段：数据中心、开源模型与算力，这是一段足够长的正文，让这一页在手机上很长很长。" for n in range(80)
]
LONG_NOTE = "---\ntitle: 长文\ndate: 2024-01-01\n---\n\n" + "\n\n".join(
    [*_PARAGRAPHS[:68], "这一段提到卡脖子这个词。", *_PARAGRAPHS[68:]]
)
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}
#: The passage's top, less the header's bottom; the layout viewport against the screen.
LANDING = """() => {
  const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!el) return null;  // the page not swapped in yet
  return {off: el.getBoundingClientRect().top - document.querySelector('.md-header').getBoundingClientRect().bottom,
          fits: innerHeight <= document.documentElement.clientHeight + 1,
          locked: document.body.hasAttribute('data-md-scrolllock')};
}"""


def test_a_result_near_the_end_of_a_long_page_lands_at_its_passage_on_a_phone(
    notes_site: ServedSite, kept_pages: Any
) -> None:
    """Closing search slides its panel past the screen's edge, and the phone zooms the page out for a
    few frames (the page 2-3 screens tall): a scroll to a passage near the end made then stopped a
    screen short of it, and nothing put it back."""
    site = notes_site
    for variant in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        with kept_pages.open(**PHONE, init_scripts=[SITEMAP_PARSED_JS]) as page:
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))  # noqa: B023 (read at once)
            page.goto(site.variant_url(variant))
            page.wait_for_function("window.__zdSitemapParsed === true")
            page.locator("label.md-header__button[for=__search]").tap()
            page.locator(".md-search__input").fill("卡脖子")
            page.locator("a.md-search-result__link[href*='#p-']").first.tap()
            page.wait_for_url("**/notes/long/**#p-*")
            page.wait_for_function(
                f"() => {{ const l = ({LANDING})(); return l !== null && !l.locked && l.fits; }}"
            )
            page.evaluate(
                "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
            )
            landing = page.evaluate(LANDING)
            assert -2 <= landing["off"] < 40, (variant, landing)
            assert errors == []


# --------------------------------------------------------------------------- an external link's arrow

#: External links followed by "。", each after a few more characters than the last: at a phone's width
#: one of them ends at the line's end.
LINKED = "\n\n".join(
    f"{'字' * n}请看[生产环境布署](https://vercel.com/docs)。后面还有文字。" for n in range(1, 25)
)
LINKED_NOTE = f"---\ntitle: 外链\ndate: 2024-01-01\n---\n\n{LINKED}\n"
#: External links whose last line box holds only the arrow (narrower than one of the link's characters).
ORPHAN_ARROWS = """() => [...document.querySelectorAll('.zd-note__body a[rel~=noreferrer]')].filter(a => {
  const boxes = [...a.getClientRects()];
  return boxes.length > 1 && boxes[boxes.length - 1].width < parseFloat(getComputedStyle(a).fontSize) * 0.9;
}).length"""


def test_an_external_links_arrow_never_starts_a_line_with_the_mark_after_it(
    notes_site: ServedSite, kept_pages: Any
) -> None:
    """The arrow (zhudu.css, ::after) followed the link's last character onto no line of its own: it
    started the next one, "↗。" (four such links in one Hexo page at a phone's width)."""
    site = notes_site
    with kept_pages.open(viewport={"width": 390, "height": 844}, locale="zh-CN") as page:
        page.goto(site.variant_url("zh-Hant-TW", "notes/linked/"))
        page.wait_for_load_state("load")
        assert page.locator(".zd-note__body a[rel~=noreferrer]").count() == 24
        orphans = []
        for width in (390, 375, 360, 320):
            page.set_viewport_size({"width": width, "height": 844})
            page.evaluate(
                "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
            )
            orphans.append(page.evaluate(ORPHAN_ARROWS))
            orphans += page.evaluate(LINE_STARTS, "，。")
        assert orphans == [0, 0, 0, 0]
