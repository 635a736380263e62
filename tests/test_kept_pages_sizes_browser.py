"""A kept page asked for at another window size is the page a new context of that size makes (``kept_pages.py``),
in real Chromium: contexts whose options differ only in their window's size share a page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kept_pages import KeptPages
from test_kept_pages_browser import _served

pytestmark = pytest.mark.browser

#: What a page's window is as its scripts and styles see it.
WINDOW = """[innerWidth, innerHeight, outerWidth, screen.width, screen.height, devicePixelRatio,
  matchMedia('(max-width: 500px)').matches, matchMedia('(pointer: coarse)').matches, visualViewport.width]"""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    with _served(tmp_path) as served:
        yield served


@pytest.fixture
def pages(browser: Any) -> Iterator[KeptPages]:
    kept = KeptPages(browser)
    yield kept
    kept.close()


@pytest.mark.parametrize(
    "device", [{}, {"is_mobile": True, "has_touch": True, "device_scale_factor": 2}], ids=["desk", "phone"]
)
def test_a_page_asked_for_at_another_size_is_the_kept_page_as_a_new_context_would_make_it(
    pages: KeptPages, site: tuple[str, list[str]], browser: Any, device: dict[str, Any]
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
    pages: KeptPages, site: tuple[str, list[str]]
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
