"""Session 31's reader review: what a reader sees of its mends (the rest are build tests).

Chromium at 390 and 1280 px against the repository's site served under a sub-path.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_reader_defects6_browser import PLACE_HEADING, TOPS_AT_CLICK
from variant_menu import click_variant_link

from conftest import ServedSite

#: The heading's top, the same for five frames in a row (the page has stopped moving it).
STILL = """id => {
  const top = Math.round(document.getElementById(id).getBoundingClientRect().top);
  window.__zdStill = window.__zdTop === top ? (window.__zdStill || 0) + 1 : 0;
  window.__zdTop = top;
  return window.__zdStill >= 5;
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_variant_switch_keeps_a_glossary_terms_place(
    real_site: ServedSite, browser: Any, width: int
) -> None:
    """The other variant's glossary opened with the term where the reader had it, then moved it to 3.4rem
    under the window's top (238 → 68 px on a phone): the glossary holds a term named in the URL there while
    entries above it are drawn (annotate.js, holdTerm), and the switch's place had gone at load."""
    phone = width < 800
    context = browser.new_context(
        viewport={"width": width, "height": 844}, is_mobile=phone, has_touch=phone, locale="zh-CN"
    )
    try:
        page = context.new_page()
        page.goto(real_site.variant_url("zh-Hans", "glossary/"))
        page.wait_for_load_state("load")
        page.wait_for_function(PLACE_HEADING, arg=["后福特主义", 170], polling="raf")
        page.evaluate(TOPS_AT_CLICK)
        page.locator(".md-header .md-select").first.click()
        click_variant_link(page, "zh-Hant-TW")
        page.wait_for_function(
            "document.documentElement.lang === 'zh-Hant-TW' && document.readyState === 'complete'"
            " && !document.querySelector('.md-content [style*=scroll-margin]')"
        )
        page.wait_for_function(STILL, arg="后福特主义", polling="raf")
        assert page.evaluate("decodeURIComponent(location.hash.slice(1))") == "后福特主义"
        before = page.evaluate("JSON.parse(window.name)")["后福特主义"]
        after = page.evaluate("document.getElementById('后福特主义').getBoundingClientRect().top")
        assert abs(after - before) <= 3, (before, after)
    finally:
        context.close()
