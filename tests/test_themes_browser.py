"""Themes in a real browser: margin markers by keyboard and pointer, deep links, phones."""

from __future__ import annotations

import re

from conftest import PASSAGE

NOTE = "notes/socialist-technology-and-production/"


def test_marker_opens_with_enter_closes_with_escape_and_deep_links(real_site, page) -> None:
    page.goto(real_site.variant_url("zh-Hant-TW", NOTE))
    button = page.locator(".zd-note__body .zd-tm__btn").first
    panel_id = button.get_attribute("aria-controls")
    panel = page.locator(f"#{panel_id}")
    assert button.get_attribute("aria-expanded") == "false"
    assert not panel.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert panel.is_visible()
    assert "這個觀點在其他筆記中" in panel.inner_text()  # converted per variant
    page.keyboard.press("Tab")  # into the panel: its first link
    assert page.evaluate("document.activeElement.closest('.zd-tm__panel') !== null")
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not panel.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('zd-tm__btn')")
    # Follow a deep link to the same idea in another note: same variant, exact passage.
    page.keyboard.press("Enter")
    link = panel.locator(".zd-tm__theme > a:not([class])").first  # another note's passage
    href = link.evaluate("a => a.href")  # resolved: the built HTML has ../<slug>/#p-…
    assert re.search(r"/zhudu/zh-Hant-TW/notes/[a-z0-9-]+/#p-[0-9a-f]{8}(?:-\d+)?$", href), href
    link.click()
    page.wait_for_url(re.compile(r"/zh-Hant-TW/notes/[a-z0-9-]+/#p-[0-9a-f]{8}"))
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f"#{anchor}")
    assert target.evaluate(f"el => el.matches('{PASSAGE}')")
    # Scrolled to once the page is in: by instant navigation (the URL changes before the page is swapped in and
    # scrolled) or by a load, whichever the click met.
    page.wait_for_function(
        "id => { const top = document.getElementById(id).getBoundingClientRect().top;"
        " return top >= 0 && top < innerHeight; }",
        arg=anchor,
    )
    box = target.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"]  # scrolled into view
    assert not page.zd.console_errors, page.zd.console_errors


def test_marker_does_not_cover_text_on_a_phone(real_site, kept_pages) -> None:
    with kept_pages.open(viewport={"width": 375, "height": 800}, locale="zh-CN", has_touch=True) as pg:
        pg.goto(real_site.variant_url("zh-Hans", NOTE))
        overlaps = pg.evaluate(
            """() => {
              const out = [];
              for (const p of document.querySelectorAll('.zd-note__body .zd-has-tm')) {
                const b = p.querySelector('.zd-tm__btn').getBoundingClientRect();
                if (b.left < 0 || b.right > innerWidth) out.push('offscreen ' + p.id);
                const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  if (n.parentElement.closest('.zd-tm')) continue;
                  const r = document.createRange(); r.selectNodeContents(n);
                  for (const t of r.getClientRects()) {
                    if (t.width && t.left < b.right - 1 && t.right > b.left + 1 && t.top < b.bottom - 1 && t.bottom > b.top + 1)
                      out.push(p.id);
                  }
                }
              }
              return out;
            }"""
        )
        assert overlaps == []
        count = pg.locator(".zd-note__body .zd-tm__btn").count()
        assert count >= 5
        button = pg.locator(".zd-note__body .zd-tm__btn").nth(2)
        button.tap()
        panel = pg.locator("#" + button.get_attribute("aria-controls"))
        assert panel.is_visible()
        box = panel.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375


def test_theme_page_columns_and_links_back(real_site, page) -> None:
    page.goto(real_site.variant_url("zh-Hant-HK", "themes/cloud-vs-edge/"))
    columns = page.locator(".zd-parallel__column")
    assert columns.count() == 3
    tops = {round(columns.nth(i).bounding_box()["y"]) for i in range(3)}
    assert len(tops) == 1  # side by side at 1280 px
    back = page.locator(".zd-parallel__passages > li > a").first
    assert re.search(
        r"/zhudu/zh-Hant-HK/notes/[a-z0-9-]+/#p-[0-9a-f]{8}(?:-\d+)?$", back.get_attribute("href")
    )
    page.set_viewport_size({"width": 375, "height": 800})
    xs = {round(columns.nth(i).bounding_box()["x"]) for i in range(3)}
    assert len(xs) == 1  # stacked on a phone
    page.goto(real_site.variant_url("zh-Hant-HK", "themes/"))
    assert page.locator("table.zd-matrix td a").count() >= 30
    assert page.locator(".zd-graph__label a").count() >= 15


def test_a_printed_theme_page_gives_each_notes_address_once(real_site, page) -> None:
    """Printed, a theme page was its quotes, each followed by 「在筆記中閱讀這一段 →」, a link no paper can follow,
    and its notes' titles with no address: nothing on the sheet led to the notes.  Now each column's title prints its
    note's address (as written) and the per-quote links are left off paper."""
    page.goto(real_site.variant_url("zh-Hant-TW", "themes/open-source/"))
    page.emulate_media(media="print")
    titles = page.locator(".zd-parallel__title a")
    page.wait_for_selector(".zd-parallel__title a[data-zd-url]", state="attached")
    printed = [a.evaluate("a => getComputedStyle(a, '::after').content") for a in titles.all()]
    assert len(printed) == 3, printed
    for content in printed:
        assert re.fullmatch(r'" \(http://127\.0\.0\.1:\d+/zhudu/zh-Hant-TW/notes/[a-z0-9-]+/\)"', content), (
            printed
        )
    back = page.locator(".zd-parallel__passages > li > a")
    assert back.count() >= 3 and all(
        a.evaluate("a => getComputedStyle(a).display") == "none" for a in back.all()
    )
    page.emulate_media(media="screen")
    assert back.first.is_visible()


def test_panels_are_copied_from_the_page_blocks_on_screen_and_in_print(real_site, page) -> None:
    page.goto(real_site.variant_url("zh-Hant-TW", NOTE))
    # The blocks are in a template: parsed, never laid out, not in the page's DOM.
    block_names = page.evaluate(
        "[...document.querySelector('template.zd-tm-blocks').content.children].map(b => b.id)"
    )
    assert len(block_names) >= 2 and page.locator(".zd-tm-blocks .zd-tm__theme").count() == 0
    buttons = page.locator(".zd-note__body .zd-tm__btn")
    assert buttons.count() > len(block_names)  # markers share the blocks: each is sent once
    button = buttons.nth(1)
    button.click()
    panel = page.locator("#" + button.get_attribute("aria-controls"))
    names = [s.get_attribute("data-zd-block") for s in panel.locator("[data-zd-block]").all()]
    for name in names:  # each slot holds a copy of its block
        assert panel.locator(f'[data-zd-block="{name}"] a.zd-tm__name').inner_text() == page.evaluate(
            "id => document.querySelector('template.zd-tm-blocks').content"
            ".getElementById(id).querySelector('a.zd-tm__name').textContent",
            name,
        )
    # One passage per other note, every one shown: the panel carries no hidden extra passages.
    links = panel.locator(".zd-tm__theme > a:not([class])")  # other notes' passages, and their titles
    assert links.count() == panel.locator(".zd-tm__theme > span:not([class])").count() > 0
    assert all(link.is_visible() for link in links.all())
    assert panel.locator("a.zd-tm__name").first.is_visible()  # the theme's page: every passage
    assert page.locator(".zd-endnotes").count() == 0  # built for print only
    page.emulate_media(media="print")
    page.wait_for_selector(".zd-endnotes li", state="attached")
    # On paper the note's themes are listed once (issue 22, item 7), no panel is repeated as an endnote.
    assert page.locator(".zd-endnotes li .zd-tm__theme").count() == 0
    assert (
        page.locator(".zd-endnotes__theme").count() == page.locator(".zd-note-themes a.zd-chip").count() > 0
    )
    assert not page.zd.console_errors, page.zd.console_errors
