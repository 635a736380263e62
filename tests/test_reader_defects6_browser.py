"""Session 30's reader review of main: the offer to read in Traditional, the variant switch's place on
theme and list pages and with a Chinese id, each checked in a real browser against a real built site."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import ServedSite

pytestmark = pytest.mark.browser

#: The offer's link and a link of the page's text, in the current colour scheme.
OFFER_LOOK = """() => {
  const offer = document.querySelector('.zd-offer'), go = offer.querySelector('a');
  const probe = document.createElement('a');
  probe.href = '#';
  probe.textContent = 'x';
  document.querySelector('.md-typeset').appendChild(probe);
  const look = {
    link: getComputedStyle(go).color, text: getComputedStyle(offer).color,
    typesetLink: getComputedStyle(probe).color,
    underline: getComputedStyle(go).textDecorationLine,
    label: offer.getAttribute('aria-label'), regionLang: offer.closest('[lang]').lang, linkLang: go.lang,
  };
  probe.remove();
  return look;
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_traditional_offer_link_looks_like_a_link_and_its_region_has_a_chinese_name(
    real_site: ServedSite, browser: Any, scheme: str
) -> None:
    """The offer's main link read as plain body text (only 「不用了」 was coloured), and the region was
    named "Traditional Chinese" in English."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-TW"
    )
    page = context.new_page()
    try:
        page.add_init_script("Object.defineProperty(navigator, 'languages', {get: () => ['zh-TW', 'zh']})")
        page.goto(real_site.variant_url("zh-Hans"))
        page.locator(".zd-offer a").wait_for()
        page.evaluate(f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        look = page.evaluate(OFFER_LOOK)
        assert look["link"] == look["typesetLink"], look
        assert look["link"] != look["text"], look
        assert "underline" in look["underline"], look
        assert look["label"] == "繁体中文版提示", look  # the zh-Hans page's words
        assert look["regionLang"] == "zh-Hans" and look["linkLang"] == "zh-Hant-TW", look
    finally:
        context.close()
