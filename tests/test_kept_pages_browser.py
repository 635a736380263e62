"""A kept page is handed to the next test as a new page would be (``kept_pages.py``), in real Chromium.

Each test here plays two tests in turn (take, use, give back, take again) on a folder served on 127.0.0.1 whose
files say they may be cached for an hour.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kept_pages import MOST, KeptPages
from test_collections_remote_browser import image_host

pytestmark = pytest.mark.browser

PAGE = '<!doctype html><meta name="viewport" content="width=device-width"><title>kept</title><p>kept</p>'


@contextlib.contextmanager
def _served(folder: Path) -> Iterator[tuple[str, list[str]]]:
    """A page (and a favicon: no 404 in the console) served with ``max-age=3600``; every path asked for."""
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    (folder / "favicon.ico").write_bytes(b"")
    with image_host(folder, headers={"Cache-Control": "max-age=3600"}) as served:
        yield served


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    with _served(tmp_path) as served:
        yield served


@pytest.fixture
def pages(browser: Any) -> Iterator[KeptPages]:
    kept = KeptPages(browser)
    yield kept
    kept.close()


def test_a_kept_page_comes_back_with_nothing_stored_nothing_cached_and_no_listener(pages, site) -> None:
    url, served = site
    first = pages.take()
    heard: list[str] = []
    first.on("request", lambda r: heard.append(r.url))
    first.goto(url)
    first.evaluate(
        "localStorage.setItem('k', '1'); sessionStorage.setItem('k', '1'); document.cookie = 'k=1'"
    )
    first.evaluate("console.error('first test')")
    with first.expect_popup():
        first.evaluate("window.open(location.href)")
    pages.give_back(first)

    second = pages.take()
    assert second._page is first._page, "a page its test left as new is handed on"
    assert second.url == "about:blank"
    assert len(pages.kept[second.key].context.pages) == 1, "the window the first test opened is closed"
    assert second.zd.console_errors == []
    second.goto(url)
    assert second.evaluate("[localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
    assert [path for path in served if path == "/"] == ["/", "/"], (
        "the second load is a cold one: the cache was cleared"
    )
    assert len(heard) == 1, "the first test's listener is gone"
    second.evaluate("console.error('second test')")
    assert second.zd.console_errors == ["second test"]
    assert first.zd.console_errors == ["first test"]


@pytest.mark.parametrize(
    "change",
    [
        lambda page, url: page.add_init_script("window.left = 1"),
        lambda page, url: page.emulate_media(reduced_motion="reduce"),
        lambda page, url: page.route("**/*.png", lambda route: route.abort()),
        lambda page, url: page.context.add_cookies([{"name": "k", "value": "1", "url": url}]),
        lambda page, url: page.devtools().send("Emulation.setCPUThrottlingRate", {"rate": 2}),
    ],
    ids=["init-script", "reduced-motion", "route", "context", "devtools-emulation"],
)
def test_a_page_its_test_changed_for_longer_is_not_handed_on(pages, site, change) -> None:
    url, _ = site
    first = pages.take()
    first.goto(url)
    change(first, url)
    pages.give_back(first)
    assert first._page.is_closed()
    second = pages.take()
    assert second._page is not first._page
    second.goto(url)
    assert second.viewport_size == {"width": 1280, "height": 900}
    assert second.evaluate(
        "[window.left, matchMedia('(prefers-reduced-motion: reduce)').matches, document.cookie]"
    ) == [None, False, ""]


@pytest.mark.parametrize("scheme", [None, "dark"])
def test_a_page_resized_or_printed_by_its_test_is_handed_on_as_its_context_made_it(
    pages, site, scheme
) -> None:
    """A width sweep or a print check keeps its page: the size, media type and colour scheme are put back."""
    url, _ = site
    options = {"viewport": {"width": 1000, "height": 700}, **({"color_scheme": scheme} if scheme else {})}
    made = "(prefers-color-scheme: dark)" if scheme else "(prefers-color-scheme: light)"
    first = pages.take(**options)
    first.goto(url)
    first.set_viewport_size({"width": 375, "height": 600})
    first.emulate_media(media="print", color_scheme="light" if scheme else "dark")
    assert first.evaluate(f"[innerWidth, matchMedia('print').matches, matchMedia('{made}').matches]") == [
        375,
        True,
        False,
    ]
    pages.give_back(first)

    second = pages.take(**options)
    assert second._page is first._page
    second.goto(url)
    assert second.viewport_size == {"width": 1000, "height": 700}
    assert second.evaluate(f"[innerWidth, matchMedia('print').matches, matchMedia('{made}').matches]") == [
        1000,
        False,
        True,
    ]


def test_a_page_read_through_devtools_is_handed_on_with_the_session_detached(pages, site) -> None:
    url, _ = site
    first = pages.take()
    first.goto(url)
    devtools = first.devtools()
    nodes = devtools.send("Accessibility.getFullAXTree")["nodes"]
    assert any(n.get("name", {}).get("value") == "kept" for n in nodes)
    devtools.send("DOM.enable")
    pages.give_back(first)
    assert not first._page.is_closed()
    with pytest.raises(Exception, match=r"detached|closed"):
        devtools.send("DOM.getDocument")
    second = pages.take()
    assert second._page is first._page


def test_a_page_opened_with_init_scripts_runs_them_and_is_kept_for_the_same_scripts_only(pages, site) -> None:
    url, _ = site
    script = "window.counted = (window.counted || 0) + 1"
    first = pages.take(init_scripts=[script])
    first.add_init_script(script)  # already runs: not a second copy, not a change
    first.goto(url)
    assert first.evaluate("window.counted") == 1
    pages.give_back(first)
    assert not first._page.is_closed()

    assert pages.take()._page is not first._page, "a page without the script is another"
    second = pages.take(init_scripts=[script])
    assert second._page is first._page
    second.goto(url)
    assert second.evaluate("window.counted") == 1


def test_a_page_whose_test_failed_or_went_to_two_sites_is_not_handed_on(pages, site, tmp_path) -> None:
    url, _ = site
    failed = pages.take()
    failed.goto(url)
    pages.give_back(failed, failed=True)
    assert failed._page.is_closed()

    other_folder = tmp_path / "other"
    other_folder.mkdir()
    with _served(other_folder) as (other_url, _):
        travelled = pages.take()
        travelled.goto(url)
        travelled.goto(other_url)
        pages.give_back(travelled)
        assert travelled._page.is_closed(), "storage is cleared from one site's page only"


def test_a_page_for_other_options_is_another_kept_page(pages, site) -> None:
    url, _ = site
    desk = pages.take()
    phone = pages.take(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    assert phone._page is not desk._page
    phone.goto(url)
    assert phone.evaluate("innerWidth") == 390
    pages.give_back(phone)
    pages.give_back(desk)
    assert (
        pages.take(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)._page
        is phone._page
    )


def test_at_most_a_few_pages_are_kept_and_a_page_in_use_is_never_shared(pages, site) -> None:
    url, _ = site
    desk = pages.take()
    again = pages.take()
    assert again._page is not desk._page, "two tests at once never share a page"
    widths = [pages.take(viewport={"width": 300 + step, "height": 700}) for step in range(MOST + 2)]
    for in_use in [again, *widths]:
        in_use.goto(url)
        pages.give_back(in_use)
    assert not desk._page.is_closed(), "a page with a test is kept open"
    assert len(pages.kept) == MOST
    assert [in_use._page.is_closed() for in_use in widths][-MOST + 1 :] == [False] * (MOST - 1)
    pages.give_back(desk)
    assert len(pages.kept) == MOST
