"""A reader review's findings (session 45): the variant menu marks the variant being read, and a link to a page that
is not on the site says so in the page's variant, in words, where it hides none of the text."""

from __future__ import annotations

import pytest

from conftest import device_options

VARIANTS = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")

#: The menu's links: (hreflang, aria-current, font weight, the mark after the name).
MENU_LINKS = """() => [...document.querySelectorAll(".md-select__link")].map(a => [
  a.getAttribute("hreflang"), a.getAttribute("aria-current"), getComputedStyle(a).fontWeight,
  getComputedStyle(a, "::after").content,
])"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_variant_menu_marks_the_variant_being_read(real_site, kept_pages, width, tmp_path):
    with kept_pages.open(**device_options(width)) as page:
        for code in VARIANTS:
            page.goto(real_site.variant_url(code, "notes/socialist-technology-and-production/"))
            page.wait_for_function("() => !!document.querySelector('.md-select__link')")
            links = page.evaluate(MENU_LINKS)
            assert [hreflang for hreflang, *_ in links] == list(VARIANTS)
            for hreflang, current, weight, mark in links:
                if hreflang == code:  # the one being read: said (aria-current) and seen (bold, a check)
                    assert current == "page" and weight == "700" and "✓" in mark, links
                else:
                    assert current is None and weight != "700" and "✓" not in mark, links
            # Opened as a reader opens it (a tap on a phone, the pointer on a desk), for the eye.
            if width < 600:
                page.locator(".md-header__option .md-select button").tap()
            else:
                page.locator(".md-header__option .md-select").hover()
            page.wait_for_function(
                """() => { const l = document.querySelector(".md-select__link[aria-current]");
                           const r = l.getBoundingClientRect();
                           return r.width > 0 && getComputedStyle(l.closest(".md-select__inner")).opacity === "1"; }"""
            )
            page.screenshot(path=str(tmp_path / f"menu-{width}-{code}.png"))


DEAD_LINK_NOTE = (
    "---\ntitle: 插件\n---\n\n"
    "Hexo 有强大的插件系统，使您能轻松扩展功能而不用修改核心模块的源码。你可以在"
    "[插件列表](/plugins)中找到更多插件，也可以自己写一个插件，然后把它发布到网络上让别人使用。"
    "插件分为两种：脚本和包，下面分别说明它们的写法。\n"
)

#: The dead link's words shown after it, and what the middle of the line below it shows: its own text, or something
#: laid over it (Material's tooltip was).
DEAD_LINK_SHOWN = """() => {
  const dead = document.querySelector(".zd-deadlink");
  const box = [...dead.getClientRects()].pop();
  const below = document.elementFromPoint(box.left + box.width / 2, box.bottom + box.height * 0.75);
  return {
    after: getComputedStyle(dead, "::after").content,
    tooltips: [...document.querySelectorAll(".md-tooltip2, .md-tooltip")].filter(t => t.getBoundingClientRect().width).length,
    below: below ? below.closest(".zd-note__body p") !== null : false,
  };
}"""


def test_a_tapped_dead_link_says_in_words_that_the_page_is_not_on_the_site(kept_pages, tmp_path):
    from conftest import serve_built

    with (
        serve_built(tmp_path, notes={"extend.md": DEAD_LINK_NOTE}, strict=False) as site,
        kept_pages.open(**device_options(390)) as page,
    ):
        for code, words in (("zh-Hant-TW", "本站沒有這一頁"), ("zh-Hans", "本站没有这一页")):
            page.goto(site.variant_url(code, "notes/extend/"))
            dead = page.locator(".zd-deadlink")
            assert dead.inner_text() in ("插件列表", "外掛列表")
            dead.scroll_into_view_if_needed()
            # Tapped where it is seen, on its first line (it may wrap; a disabled link: Playwright's tap() waits).
            x, y = dead.evaluate(
                "e => { const r = e.getClientRects()[0]; return [r.x + r.width / 2, r.y + r.height / 2]; }"
            )
            page.touchscreen.tap(x, y)
            page.wait_for_function(
                "() => getComputedStyle(document.querySelector('.zd-deadlink'), '::after').content !== 'none'"
            )
            shown = page.evaluate(DEAD_LINK_SHOWN)
            # In words, in the page's variant, the target after them (as the author wrote it, quieter).
            assert shown["after"] == f'"（{words}：/plugins）"', shown
            assert shown["tooltips"] == 0 and shown["below"], shown  # nothing laid over the next line
            page.screenshot(path=str(tmp_path / f"dead-390-{code}.png"))
