"""Markup written plain and given Material's back by shell.js (site size): the variant menu's items,
the sidebars', header's and content's data-md-* attributes, the drawer's title's logo, the empty
footer's wrappers, the search toggle and the dialog.  With
JavaScript the page holds Material's exact markup, on the first page and after instant navigation
(in another variant too); without it the plain markup looks as Material's does."""

from __future__ import annotations

import re
from typing import Any

import pytest

from conftest import SITEMAP_PARSED_JS, serve_built

pytestmark = pytest.mark.browser

NOTE = """---
title: 第一篇
date: 2024-01-01
---

## 第一节

正文。

## 第二节

正文。
"""
OTHER = NOTE.replace("第一篇", "第二篇")
VARIANTS = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")

#: What Material 9.8.1's templates write (alternate.html, base.html, nav.html, footer.html), compacted.
#: translate="no": each name as its variant writes it, kept from the variant converter (alternate.html).
#: The variant being read is marked (shell.js: aria-current), which Material's menu does not do.
MENU_ITEM = (
    '<li class="md-select__item"><a href="{href}" translate="no" hreflang="{code}" lang="{code}"{current}'
    ' class="md-select__link">{name}</a></li>'
)
SIDEBARS = [
    '<div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation">',
    '<div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" data-md-type="toc">',
]
DRAWER_TITLE = (
    '<label class="md-nav__title" for="__drawer">\n'
    '<a href="{home}" title="注读" class="md-nav__button md-logo" aria-label="注读" data-md-component="logo">\n'
    '<img src="{logo}" alt="logo">\n</a>\n注读\n</label>'
)
FOOTER = (
    '<footer class="md-footer"><div class="md-footer-meta md-typeset">'
    '<div class="md-footer-meta__inner md-grid"><div class="md-copyright"></div></div></div></footer>'
)
TOGGLE = '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
DIALOG = (
    '<div class="md-dialog" data-md-component="dialog"><div class="md-dialog__inner md-typeset"></div></div>'
)
#: The body's elements, as Material's base.html and shell.js leave them.
BODY = [
    "input#__drawer",
    "input#__search",
    "label.md-overlay",
    "div[skip]",
    "div[announce]",
    "header.md-header[header]",
    "div.md-container[container]",
    "button.md-top[top]",
    "div.md-dialog[dialog]",
    "div.md-progress[progress]",
]
BODY_JS = """() => [...document.body.children].filter(e => e.tagName !== 'SCRIPT' && !e.matches('.zd-progress'))
    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : e.className ? '.' + e.className.split(' ')[0] : '')
              + (e.dataset.mdComponent ? '[' + e.dataset.mdComponent + ']' : ''))"""
MARKUP = """() => ({
    menu: [...document.querySelectorAll('.md-select__list > li')].map(li => li.outerHTML),
    sidebars: [...document.querySelectorAll('.md-sidebar')].map(s => s.outerHTML.slice(0, s.outerHTML.indexOf('>') + 1)),
    title: document.querySelector('.md-nav--primary > .md-nav__title').outerHTML,
    footer: document.querySelector('.md-footer').outerHTML,
    components: ['header.md-header', '.md-header__title', '.md-content']
        .map(s => document.querySelector(s).getAttribute('data-md-component')),
    markers: document.querySelectorAll('zd-restore').length })"""


def _expected(
    names: list[str], href: str, home: str, logo: str, site_name: str = "注读", read: str = "zh-Hans"
) -> dict:
    return {
        "menu": [
            MENU_ITEM.format(
                href=href.format(code=code),
                code=code,
                name=name,
                current=' aria-current="page"' if code == read else "",
            )
            for code, name in zip(VARIANTS, names, strict=True)
        ],
        "sidebars": SIDEBARS,
        "title": DRAWER_TITLE.format(home=home, logo=logo).replace("注读", site_name),
        "footer": FOOTER,
        "components": ["header", "header-title", "content"],
        "markers": 0,
    }


def test_plain_markup_gets_materials_back_on_the_first_page_and_after_instant_navigation(
    tmp_path, kept_pages: Any
) -> None:
    with serve_built(tmp_path, notes={"a.md": NOTE, "b.md": OTHER}) as site:
        html = site.build.page("zh-Hans/notes/a/index.html")
        item = (
            '<li><a href="../../../zh-Hant-TW/notes/a/" lang="zh-Hant-TW" translate="no">繁體·臺灣</a></li>'
        )
        assert item in html
        assert "md-select__item" not in html and 'data-md-component="sidebar"' not in html
        assert '<label class="md-nav__title" for="__drawer">注读</label>' in html
        assert '<footer class="md-footer"></footer>' in html
        assert TOGGLE not in html and DIALOG not in html and 'id="__drawer"' in html
        assert '<header class="md-header md-header--shadow">' in html and '<div class="md-content">' in html
        assert '<div class="md-header__title">' in html
        names = re.findall(r'<li><a href="[^"]+" lang="[^"]+" translate="no">([^<]+)</a></li>', html)
        assert len(names) == 3
        with kept_pages.open(viewport={"width": 390, "height": 844}) as page:
            # Material's bundle held back: the markup as shell.js leaves it, relative links as written.
            page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
            page.goto(site.variant_url("zh-Hans", "notes/a/"))
            page.wait_for_function("document.querySelectorAll('zd-restore').length === 0")
            page.wait_for_function("document.querySelector('.md-nav__title .md-logo') !== null")
            # (zhudu.js, run without the bundle, points the menu's links at the page: absolute.)
            assert page.evaluate(MARKUP) == _expected(
                names, site.url + "{code}/notes/a/", "../..", "../../../assets/zhudu/favicon.svg"
            )
            assert page.evaluate(BODY_JS) == BODY
            assert page.evaluate("document.getElementById('__search').outerHTML") == TOGGLE
            assert page.evaluate("document.querySelector('.md-dialog').outerHTML") == DIALOG

        with kept_pages.open(viewport={"width": 390, "height": 844}) as page:
            page.add_init_script(SITEMAP_PARSED_JS)
            page.goto(site.variant_url("zh-Hans", "notes/a/"))
            page.wait_for_load_state("load")
            # Into another variant by the menu (its sitemap is another: a page load), then instant
            # navigation inside it: home, then the other note.
            page.locator(".md-select").hover()
            page.locator('.md-select__link[hreflang="zh-Hant-TW"]').click()
            page.wait_for_url("**/zh-Hant-TW/notes/a/")
            page.wait_for_function("document.querySelector('.md-nav__title .md-logo') !== null")
            # Instant navigation takes the drawer's click only once it has parsed this variant's sitemap.
            page.wait_for_function("window.__zdSitemapParsed === true")
            page.evaluate("window.__zdSamePage = true")
            # The drawer: its title shows the logo (Material's rules), its first link goes home.
            page.locator(".md-header label.md-header__button[for=__drawer]").click()
            assert page.locator(".md-nav--primary > .md-nav__title .md-logo img").is_visible()
            page.locator('.md-nav--primary a.md-nav__link[href$="/zh-Hant-TW/"]').first.click()
            page.wait_for_function(
                "location.pathname.endsWith('/zh-Hant-TW/') && document.querySelector('.zd-cards') !== null"
            )
            page.locator(".zd-cards a[href$='notes/b/']").first.click()
            page.wait_for_function(
                "location.pathname.endsWith('/notes/b/')"
                " && document.querySelector('.md-header__topic + .md-header__topic').textContent.includes('第二篇')"
                # the header's menu is pointed at the page on document$ (zhudu.js), after the swap
                " && [...document.querySelectorAll('a.md-select__link')].every(a => a.href.includes('/notes/b/'))"
            )
            page.wait_for_function("document.querySelector('.md-nav__title .md-logo') !== null")
            # Material's instant navigation makes every link of the page it puts in place absolute; the
            # header (and its menu, pointed at the page shown) is kept.
            assert page.evaluate("window.__zdSamePage === true")  # no reload on the way
            assert page.evaluate(BODY_JS) == BODY
            names = re.findall(
                r'<li><a href="[^"]+" lang="[^"]+" translate="no">([^<]+)</a></li>',
                site.build.page("zh-Hant-TW/notes/b/index.html"),
            )
            assert page.evaluate(MARKUP) == _expected(
                names,
                site.url + "{code}/notes/b/",
                site.url + "zh-Hant-TW/",
                site.url + "assets/zhudu/favicon.svg",
                site_name="注讀",
                read="zh-Hant-TW",
            )


STYLE = """els => els.map(e => { const s = getComputedStyle(e); const r = e.getBoundingClientRect();
    return [s.display, s.lineHeight, s.paddingLeft, s.paddingRight, s.width, s.cursor, Math.round(r.height),
            s.backgroundColor]; })"""


def test_without_javascript_the_plain_menu_and_footer_look_as_materials(tmp_path, kept_pages: Any) -> None:
    with serve_built(tmp_path, notes={"a.md": NOTE}) as site:
        looks = []
        for script in (True, False):
            with kept_pages.open(java_script_enabled=script, viewport={"width": 1280, "height": 800}) as page:
                page.goto(site.variant_url("zh-Hant-HK", "notes/a/"))
                page.wait_for_load_state("load")
                if script:
                    page.wait_for_function("document.querySelector('.md-footer-meta') !== null")
                page.locator(".md-select").hover()
                items = page.locator(".md-select__list > li").element_handles()
                # The variant being read is marked with the script alone (shell.js: aria-current); the others.
                links = page.locator('.md-select__list > li > a:not([lang="zh-Hant-HK"])').element_handles()
                footer = page.locator(".md-footer")
                strip = page.evaluate(
                    """f => { const m = f.querySelector('.md-footer-meta');
                        const r = f.getBoundingClientRect();
                        return [r.height, getComputedStyle(m || f, m ? null : '::before').backgroundColor]; }""",
                    footer.element_handle(),
                )
                looks.append((page.evaluate(STYLE, items), page.evaluate(STYLE, links), strip))
                if not script:  # plain links that work: into the other variant
                    assert page.locator(".md-select__list > li > a").first.get_attribute("class") is None
                    page.locator('.md-select__list > li > a[lang="zh-Hant-TW"]').click()
                    page.wait_for_url("**/zh-Hant-TW/notes/a/")
        with_script, without = looks
        # The mark (bold, a check) widens the menu with the script; all else is as without it.
        widths = [[float(item[4].removesuffix("px")) for item in look[0]] for look in looks]
        assert widths[0] > widths[1], widths
        for look in looks:
            for item in (*look[0], *look[1]):
                item[4] = ""
        assert with_script == without
        assert (
            with_script[2][0] > 20 and with_script[2][1] != "rgba(0, 0, 0, 0)"
        )  # a dark strip, as Material's
