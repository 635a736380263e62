"""On a phone the drawer holds the note's table of contents, as Material's drawer holds a nav page's.

shell.js builds the drawer's item from the sidebar's table of contents (the page carries it once:
test_drawer_toc.py). At 390 × 844 the reader opens the drawer, taps the note's title (the active
item), gets the nested "目錄" with the headings, taps one far down the note: the drawer closes and
the heading lands under the header.  From 60em the right sidebar shows the table of contents and the
drawer item is not there.  A note without headings and the nav's own pages get no such item.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import AT_TARGET, ServedSite, serve_built

pytestmark = pytest.mark.browser

PARAGRAPH = (
    "这一段写得很长，为的是让整篇笔记在手机上有好几屏那么高，读者要找到后面的小节只能靠目录跳过去。" * 3
)
LONG = "---\ntitle: 很长的笔记 <一>\n---\n\n" + "".join(
    f"## 第{n}节\n\n" + f"{PARAGRAPH}\n\n" * 4 for n in range(1, 31)
)
NOTE = "notes/long/"
#: Every <zd-restore> has run (shell.js), the drawer's item built or not.
RESTORED = (
    "document.querySelectorAll('zd-restore').length === 0 && document.querySelector('.md-nav__link') !== null"
)


@pytest.fixture(scope="module")
def long_note(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    notes = {"long.md": LONG, "flat.md": "---\ntitle: 无标题\n---\n\n只有一段。\n"}
    with serve_built(tmp_path_factory.mktemp("drawer"), notes=notes) as site:
        yield site


def test_tapping_a_heading_in_the_drawers_table_of_contents_lands_on_it(long_note, phone):
    phone.goto(long_note.variant_url("zh-Hant-TW", NOTE))
    phone.wait_for_function(
        "document.querySelector('.zd-nav-toc [data-md-component=toc] a.md-nav__link') !== null"
    )
    assert phone.evaluate("document.documentElement.scrollHeight") > 10 * 844  # a long note

    phone.locator(".md-header label[for=__drawer]").tap()
    item = phone.locator(".md-nav--primary .zd-nav-toc > label.md-nav__link[for=__toc]")
    assert item.inner_text().strip() == "很長的筆記 <一>"  # text, not markup
    item.tap()
    assert phone.locator(".zd-nav-toc").count() == 1 and phone.locator("input#__toc").count() == 1
    toc = phone.locator(".zd-nav-toc > nav.md-nav--secondary")
    assert toc.get_attribute("aria-label") == "目錄"  # the sidebar's own, in the variant's words
    assert toc.locator("> label.md-nav__title").inner_text().strip() == "目錄"
    # Material's markup, given back by shell.js: the back arrow, the items' and links' classes.
    assert toc.locator("> label.md-nav__title > .md-nav__icon").count() == 1
    assert toc.locator("li.md-nav__item > a.md-nav__link.md-ellipsis").count() == 30

    heading = toc.get_by_role("link", name="第28節", exact=True)  # Material made its href absolute
    heading.tap()
    phone.wait_for_function(AT_TARGET, arg="第28节")
    phone.wait_for_function("!document.getElementById('__drawer').checked")
    phone.wait_for_function(  # the drawer has slid away
        "document.querySelector('.md-sidebar--primary').getBoundingClientRect().right <= 0"
    )
    assert phone.evaluate(AT_TARGET, "第28节")


@pytest.mark.parametrize("width", [1280, 1024])
def test_from_60em_the_drawer_item_is_not_shown_and_the_sidebar_has_the_toc(
    long_note: ServedSite, kept_pages: Any, width: int
) -> None:
    with kept_pages.open(viewport={"width": width, "height": 900}, locale="zh-TW") as page:
        page.goto(long_note.variant_url("zh-Hant-TW", NOTE))
        page.wait_for_function(
            "document.querySelector('.zd-nav-toc [data-md-component=toc] a.md-nav__link') !== null"
        )
        assert page.locator(".zd-nav-toc").evaluate("e => getComputedStyle(e).display") == "none"
        assert page.locator(".md-sidebar--secondary [data-md-component=toc] a").first.is_visible()
        if width >= 1220:  # 76.25em: the left sidebar shows the nav's four links and nothing else
            shown = page.locator(".md-nav--primary > .md-nav__list > li").evaluate_all(
                "items => items.filter(li => li.getBoundingClientRect().height > 0).map(li => li.innerText.trim())"
            )
            assert shown == ["首頁", "主題", "術語表", "關於"]


@pytest.mark.parametrize(("variant", "path"), [("zh-Hant-TW", "notes/flat/"), ("zh-Hans", "about/")])
def test_a_note_without_headings_and_a_page_of_the_nav_get_no_drawer_item(
    long_note,
    phone,
    variant,
    path,
):
    phone.goto(long_note.variant_url(variant, path))
    phone.wait_for_function(RESTORED)
    assert phone.locator(".zd-nav-toc").count() == 0
    # A page of the nav keeps Material's item, its table (if any) inside, given Material's classes.
    toc_inputs = phone.locator(".md-nav--primary input#__toc").count()
    entries = phone.locator(".md-nav--primary [data-md-component=toc] li")
    assert (
        entries.count()
        == phone.locator(
            ".md-nav--primary [data-md-component=toc] li.md-nav__item > a.md-nav__link.md-ellipsis"
        ).count()
    )
    if path == "about/":
        assert toc_inputs == 1 and entries.count() > 0
    else:
        assert toc_inputs == 0 and entries.count() == 0
