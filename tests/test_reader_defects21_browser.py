"""A reader review's findings (session 45): the variant menu marks the variant being read, and a link to a page that
is not on the site says so in the page's variant, in words, where it hides none of the text."""

from __future__ import annotations

import pytest

from conftest import device_context

VARIANTS = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")

#: The menu's links: (hreflang, aria-current, font weight, the mark after the name).
MENU_LINKS = """() => [...document.querySelectorAll(".md-select__link")].map(a => [
  a.getAttribute("hreflang"), a.getAttribute("aria-current"), getComputedStyle(a).fontWeight,
  getComputedStyle(a, "::after").content,
])"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_variant_menu_marks_the_variant_being_read(real_site, browser, width, tmp_path):
    context = device_context(browser, width)
    page = context.new_page()
    try:
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
    finally:
        context.close()
