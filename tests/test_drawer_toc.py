"""A note's table of contents in the drawer: Material's item for the page shown, in each variant's words.

Notes are not in the nav, and Material puts a page's table of contents into the drawer (the only nav
below 60em) under the page's own nav item: a note gets that item, last in the nav's list
(``partials/zd-nav-toc.html``), when it has headings; the pages of the nav keep Material's own.
"""

from __future__ import annotations

import re

import pytest

from conftest import build_site

LONG = "---\ntitle: 长笔记 <一>\n---\n\n" + "".join(f"## 第{n}节\n\n第{n}节的正文。\n\n" for n in range(1, 4))
NO_HEADINGS = "---\ntitle: 无标题\n---\n\n只有一段。\n"

#: The drawer's item: Material's markup for the page shown (nav-item.html), its title escaped, then
#: the table of contents (toc.html) with the variant's own word for it, its entries written plain.
DRAWER_ITEM = re.compile(
    r'<li class="md-nav__item md-nav__item--active zd-nav-toc">'
    r'<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
    r'<label class="md-nav__link md-nav__link--active" for="__toc">'
    r'<span class="md-ellipsis">(?P<title>[^<]*)</span><span class="md-nav__icon md-icon"></span></label>'
    r'<nav class="md-nav md-nav--secondary" aria-label="(?P<label>[^"]*)">'
    r'<label class="md-nav__title" for="__toc">(?P<heading>[^<]*)</label>'
    r'<ul class="md-nav__list" data-md-component="toc">(?P<entries>.*?)</ul></nav></li></ul></nav>'
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
def test_a_notes_drawer_has_its_table_of_contents_as_materials_item(site, variant, word, first):
    nav = _primary_nav(site.page(f"{variant}/notes/long/index.html"))
    item = DRAWER_ITEM.search(nav)
    assert item, nav
    assert item["title"] == ("长笔记 &lt;一&gt;" if variant == "zh-Hans" else "長筆記 &lt;一&gt;")
    assert item["label"] == item["heading"] == word
    entries = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', item["entries"])
    assert [text for _, text in entries] == [first, first.replace("1", "2"), first.replace("1", "3")]
    assert [anchor for anchor, _ in entries] == ["第1节", "第2节", "第3节"]  # ids from the Simplified text
    assert nav.count('id="__toc"') == 1


def test_a_note_without_headings_gets_no_drawer_item(site):
    nav = _primary_nav(site.page("zh-Hant-TW/notes/flat/index.html"))
    assert "zd-nav-toc" not in nav and "__toc" not in nav


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
