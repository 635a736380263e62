"""A note's table of contents in the drawer: what the page carries for it, in each variant's words.

Notes are not in the nav, and Material puts a page's table of contents into the drawer (the only nav
below 60em) under the page's own nav item. A note's page carries no such item: shell.js builds it
from the sidebar's table of contents (its title, in the variant's words, and its entries), so the
drawer costs a note page no bytes (test_drawer_toc_browser.py shows the item); the pages of the
nav keep Material's own.
"""

from __future__ import annotations

import re

import pytest

from conftest import build_site

LONG = "---\ntitle: 长笔记 <一>\n---\n\n" + "".join(f"## 第{n}节\n\n第{n}节的正文。\n\n" for n in range(1, 4))
NO_HEADINGS = "---\ntitle: 无标题\n---\n\n只有一段。\n"

#: The sidebar's table of contents, which shell.js copies into the drawer: the variant's own word
#: for it as its name and title, its entries written plain.
SIDEBAR_TOC = re.compile(
    r'<div class="md-sidebar md-sidebar--secondary"><div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner">'
    r'<nav class="md-nav md-nav--secondary" aria-label="(?P<label>[^"]*)">'
    r'<label class="md-nav__title" for="__toc">(?P<heading>[^<]*)</label>'
    r'<ul class="md-nav__list" data-md-component="toc">(?P<entries>.*?)</ul></nav></div></div></div>'
    r'<zd-restore(?: data-highlight)? data-zd-text="(?P<title>[^"]*)"></zd-restore>'
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("drawer"), notes={"long.md": LONG, "flat.md": NO_HEADINGS})
    assert result.ok, result.log
    assert not result.warnings, result.warnings
    return result


def _primary_nav(html: str) -> str:
    start = html.index('<nav class="md-nav md-nav--primary"')
    return html[start : html.index('<div class="md-sidebar md-sidebar--secondary"', start)]


@pytest.mark.parametrize(
    ("variant", "word", "first"),
    [("zh-Hans", "目录", "第1节"), ("zh-Hant-TW", "目錄", "第1節"), ("zh-Hant-HK", "目錄", "第1節")],
)
def test_a_notes_page_carries_its_table_of_contents_once_for_shell_js_to_copy(site, variant, word, first):
    html = site.page(f"{variant}/notes/long/index.html")
    nav = _primary_nav(html)
    assert "zd-nav-toc" not in nav and "__toc" not in nav and "md-nav__item" not in nav  # nothing for it
    toc = SIDEBAR_TOC.search(html)
    assert toc, html
    assert toc["label"] == toc["heading"] == word
    # The title shell.js gives the drawer's item, escaped twice (read as HTML, only its text used).
    assert toc["title"] == (
        "长笔记 &amp;lt;一&amp;gt;" if variant == "zh-Hans" else "長筆記 &amp;lt;一&amp;gt;"
    )
    entries = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', toc["entries"])
    assert [text for _, text in entries] == [first, first.replace("1", "2"), first.replace("1", "3")]
    assert [anchor for anchor, _ in entries] == ["第1节", "第2节", "第3节"]  # ids from the Simplified text
    assert html.count("__toc") == 1 and html.count('data-md-component="toc"') == 1


def test_a_note_without_headings_has_no_table_of_contents_to_copy(site):
    html = site.page("zh-Hant-TW/notes/flat/index.html")
    assert "zd-nav-toc" not in html and "__toc" not in html and 'data-md-component="toc"' not in html


@pytest.mark.parametrize(
    "path", ["index.html", "glossary/index.html", "themes/index.html", "about/index.html"]
)
def test_the_navs_own_pages_keep_materials_item(site, path):
    nav = _primary_nav(site.page(f"zh-Hant-TW/{path}"))
    assert "zd-nav-toc" not in nav
    assert (
        nav.count('<li class="md-nav__item md-nav__item--active"><input class="md-nav__toggle md-toggle"')
        == 1
    )
