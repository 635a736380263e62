"""A kept page asked for at another window size is the page a new context of that size makes (``kept_pages.py``),
in real Chromium: contexts whose options differ only in their window's size share a page."""

from __future__ import annotations

from typing import Any

import pytest
import test_kept_pages_browser
from kept_pages import KeptPages

pytestmark = pytest.mark.browser

#: test_kept_pages_browser.py's fixtures: a KeptPages of the test's own, a page served with ``max-age``.
pages = test_kept_pages_browser.pages
site = test_kept_pages_browser.site

#: What a page's window is as its scripts and styles see it.
WINDOW = """[innerWidth, innerHeight, outerWidth, screen.width, screen.height, devicePixelRatio,
  matchMedia('(max-width: 500px)').matches, matchMedia('(pointer: coarse)').matches, visualViewport.width]"""


@pytest.mark.parametrize(
    "device", [{}, {"is_mobile": True, "has_touch": True, "device_scale_factor": 2}], ids=["desk", "phone"]
)
def test_a_page_asked_for_at_another_size_is_the_kept_page_as_a_new_context_would_make_it(
    pages: KeptPages,
    site: tuple[str, list[str]],
    browser: Any,
    device: dict[str, Any],
) -> None:
    url, _ = site
    first = pages.take(viewport={"width": 1000, "height": 700}, **device)
    first.goto(url)
    pages.give_back(first)

    second = pages.take(viewport={"width": 390, "height": 600}, **device)
    assert second._page is first._page
    second.goto(url)
    context = browser.new_context(viewport={"width": 390, "height": 600}, **device)
    new = context.new_page()
    new.goto(url)
    assert second.viewport_size == new.viewport_size == {"width": 390, "height": 600}
    assert second.evaluate(WINDOW) == new.evaluate(WINDOW)
    context.close()


def test_a_page_the_test_opens_in_a_shared_context_has_the_test_s_size(
    pages: KeptPages,
    site: tuple[str, list[str]],
) -> None:
    """``page.context.new_page()`` in a context made at another size (test_serve_search's reload in a new page of
    the same browser cache): the new page has the size the test asked for, as in a context made for it."""
    url, _ = site
    first = pages.take(viewport={"width": 390, "height": 600})
    first.goto(url)
    pages.give_back(first)

    second = pages.take(viewport={"width": 1000, "height": 700})
    opened = second.context.new_page()
    opened.goto(url)
    assert opened.viewport_size == {"width": 1000, "height": 700}
    assert opened.evaluate("[innerWidth, innerHeight]") == [1000, 700]
    pages.give_back(second)  # the context was touched: closed, the opened page with it
