"""Session 32's reader review: a post's date on a phone, and a search that matches more notes than it lists."""

from __future__ import annotations

from typing import Any

import pytest

PHONE = {"is_mobile": True, "has_touch": True}


# --------------------------------------------------------------------------- a post's date on a phone

#: Each date in a post's header line that the browser broke across two lines (at its hyphens).
BROKEN_DATES = """() => [...document.querySelectorAll('.zd-post__header time')]
  .filter(time => time.getClientRects().length > 1 || time.getBoundingClientRect().height > 1.5 * parseFloat(
    getComputedStyle(time).lineHeight || getComputedStyle(time).fontSize))
  .map(time => time.textContent)"""


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-HK"])
def test_a_posts_date_is_never_broken_at_its_hyphens(real_site: Any, browser: Any, variant: str) -> None:
    """「2025-」 ended the header line of the X thread and 「05-15」 began the next at 390 px (zh-Hant-HK):
    a date read as two numbers. Every phone width from 320 to 430 px."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, **PHONE)
    try:
        page = context.new_page()
        page.goto(real_site.variant_url(variant, "notes/technology-devolution-2025/"))
        page.wait_for_load_state("load")
        assert page.locator(".zd-post__header time").count() == 2
        broken = {}
        for width in range(320, 432, 2):
            page.set_viewport_size({"width": width, "height": 844})
            if found := page.evaluate(BROKEN_DATES):
                broken[width] = found
        assert broken == {}
    finally:
        context.close()
