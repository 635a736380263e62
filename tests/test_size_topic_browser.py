"""The header's second topic, the page's title, left to shell.js's ``<zd-restore data-zd-text>`` (site
size, partials/zd-header-topic.html): Material's markup with the title's text on the first page and
after instant navigation, in the variant's script; a title with markup characters is set as text."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import instant_home_from, serve_built

pytestmark = pytest.mark.browser

FIRST = (
    "---\ntitle: 简体的标题\ndate: 2024-01-01\n---\n\n" + "正文。\n\n" * 80
)  # long: its heading scrolls away
#: Characters Material would read as markup: Zhudu escapes a note's title (pages.py), and the
#: attribute holds that escaped once more.
MARKUP = (
    "---\ntitle: 'A <b>粗</b> & \"引号\" <img src=x onerror=alert(1)>'\ndate: 2024-01-02\n---\n\n正文。\n"
)
TOPIC = """() => [...document.querySelectorAll('.md-header__ellipsis > *')].map(e => e.outerHTML)"""


def _material(title: str, site_name: str = "注读") -> list[str]:
    """Material 9.8.1's two topics (partials/header.html), compacted, the second with ``title`` as text."""
    return [
        f'<div class="md-header__topic"><span class="md-ellipsis">{site_name}</span></div>',
        f'<div class="md-header__topic" data-md-component="header-topic"><span class="md-ellipsis">{title}</span></div>',
    ]


def test_the_title_topic_is_materials_on_the_first_page_and_after_instant_navigation(
    tmp_path, kept_pages: Any
) -> None:
    with serve_built(tmp_path, notes={"a.md": FIRST, "m.md": MARKUP}) as site:
        html = site.build.page("zh-Hant-TW/notes/a/index.html")
        assert 'data-md-component="header-topic"' not in html
        assert 'data-zd-text="簡體的標題"' in html  # converted with the page's text
        markup = site.build.page("zh-Hans/notes/m/index.html")
        assert "<img" not in markup.split("<zd-restore", 1)[1].split(">", 1)[0]
        with kept_pages.open(viewport={"width": 390, "height": 844}) as page:
            # Material's bundle held back: the topic as shell.js leaves it.
            page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
            page.goto(site.variant_url("zh-Hant-TW", "notes/a/"))
            page.wait_for_function("document.querySelectorAll('zd-restore').length === 0")
            assert page.evaluate(TOPIC) == _material("簡體的標題", "注讀")
            page.goto(site.variant_url("zh-Hans", "notes/m/"))
            page.wait_for_function("document.querySelectorAll('zd-restore').length === 0")
            text = page.evaluate("document.querySelector('#zd-note-title').textContent")
            assert text == 'A <b>粗</b> & "引号" <img src=x onerror=alert(1)>'
            # The title's text, as the heading shows it; no element made from it.
            assert (
                page.evaluate("document.querySelector('[data-md-component=header-topic]').textContent")
                == text
            )
            assert page.evaluate("document.querySelectorAll('.md-header__title *:is(b, img)').length") == 0

        with kept_pages.open(viewport={"width": 1280, "height": 800}) as page:
            instant_home_from(page, site, "zh-Hans", "notes/m/")
            assert page.evaluate(TOPIC) == _material("首页")
            page.locator(".zd-cards a[href$='notes/a/']").first.click()
            page.wait_for_function("location.pathname.endsWith('/notes/a/')")
            # The URL changes before Material swaps the new page in: wait for its title, then for shell.js.
            page.wait_for_function(
                "document.querySelector('#zd-note-title')?.textContent === '简体的标题'"
                " && document.querySelectorAll('zd-restore').length === 0"
            )
            assert page.evaluate("window.__zdSamePage === true")  # instant navigation, no reload
            assert page.evaluate(TOPIC) == _material("简体的标题")
            # Material shows it once the heading has scrolled away.
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_function("document.querySelector('.md-header__title--active') !== null")
