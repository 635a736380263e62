"""Session 44's read-only review (rv22) of the shipped notes on a phone: what a reader still saw wrong.

Real MkDocs, Material, OpenCC and Chromium, on the session's one strict build of the repository's notes (``real_site``).
"""

from __future__ import annotations

from typing import Any

from conftest import ServedSite, device_options

NOTE = "notes/technology-devolution-2025/"


def test_a_phones_theme_chips_fade_at_the_cut_edges_and_the_last_is_whole(
    real_site: ServedSite, kept_pages: Any
) -> None:
    # The row scrolls sideways: its second chip was cut mid-word with nothing to say there was more.
    with kept_pages.open(**device_options(390)) as page:
        page.goto(real_site.variant_url("zh-Hans", NOTE))
        row = page.locator(".zd-note__header .zd-note-themes ul.zd-chips")
        assert row.evaluate("u => u.scrollWidth > u.clientWidth")  # the shipped note's chips do not fit
        # The fade at the start edge (rv24: scrolled to the end, the first chip in view was cut with no cue):
        # none at rest, as wide as the end's once scrolled (a scroll-driven animation: the next frames).
        start_fade = """u => {
          const mask = getComputedStyle(u).maskImage || getComputedStyle(u).webkitMaskImage;
          const stop = /^linear-gradient\\(to right, rgba\\(0, 0, 0, 0\\), rgb\\(0, 0, 0\\) ([\\d.]+)px/.exec(mask);
          return stop ? parseFloat(stop[1]) : mask;
        }"""
        assert row.evaluate(start_fade) == 0
        room = row.evaluate("""u => {
          u.scrollLeft = u.scrollWidth;
          const last = u.querySelector('li:last-child').getBoundingClientRect();
          const fade = parseFloat(getComputedStyle(u).paddingInlineEnd);
          return [u.getBoundingClientRect().right - last.right, fade];
        }""")
        assert room[1] >= 16 and room[0] >= room[1] - 1, (
            room
        )  # scrolled to, the last chip is clear of the fade
        page.wait_for_function(
            f"([u, fade]) => ({start_fade})(u) === fade", arg=[row.element_handle(), room[1]]
        )


def test_an_open_glossary_card_is_not_covered_by_back_to_top(real_site: ServedSite, kept_pages: Any) -> None:
    # Material's "back to top" pill, fixed under the header, came over the card's top edge.
    with kept_pages.open(**device_options(390, "dark")) as page:
        page.goto(real_site.variant_url("zh-Hant-TW", NOTE))
        top = page.locator(".md-top")
        visibility = "e => getComputedStyle(e).visibility"
        assert top.evaluate(visibility) == "visible"
        page.locator(".zd-gloss").nth(2).tap()
        page.wait_for_selector(".zd-gloss-tip:not([hidden])")
        assert top.evaluate(visibility) == "hidden"
        page.locator("h1").first.tap()  # a tap outside closes the card
        page.wait_for_selector(".zd-gloss-tip", state="hidden")
        assert top.evaluate(visibility) == "visible"
