"""With the theme's unused files left out and the templates' indentation gone, a reader's page works
the same: search, instant navigation, the palette toggle and the variant switch, and nothing it asks
for is missing (no 404, no console error)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import ServedSite

pytestmark = pytest.mark.browser

NOTE = "notes/ai-bubble-open-source-doge-2025/"


def test_search_navigation_palette_and_variants_work_with_nothing_missing(
    real_site: ServedSite, page: Any
) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    page.goto(real_site.variant_url("zh-Hans", NOTE))
    page.wait_for_load_state("networkidle")

    # Search: Zhudu's worker answers, in the reader's variant.
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("数据中心")
    page.wait_for_selector("a.md-search-result__link mark")
    assert "数据中心" in page.locator("a.md-search-result__link mark").first.inner_text()
    page.keyboard.press("Escape")

    # Palette: the toggle switches the scheme and Material remembers it.
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=scheme)

    # Instant navigation: the nav's link swaps the page without a reload (the marker survives).
    page.evaluate("window.__zdSamePage = true")
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="关于").first.click()
    page.wait_for_url("**/zh-Hans/about/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__zdSamePage === true")
    assert page.locator("body").get_attribute("data-md-color-scheme") != scheme  # still the reader's choice

    # The variant switch names this page in the other variant.
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="zh-Hant-HK"]').click()
    # (Before: Material keeps the header on instant navigation, and the menu still named the note.)
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/zh-Hant-HK/about/"))
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "zh-Hant-HK"

    assert page.zd.failed == [], page.zd.failed
    assert page.zd.console_errors == [], page.zd.console_errors
    assert not [p for p in requested if "/assets/javascripts/workers/" in p or "/lunr/" in p]
