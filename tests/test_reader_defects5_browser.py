"""Session 29's review of the reader's changes: where the theme markers sit on a wide screen and
between the phone layout and Material's left sidebar, each checked in a real browser against a
real built site."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import serve_built

pytestmark = pytest.mark.browser

NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"

#: A themed paragraph and table rows whose first cells take several lines (开源 / 闭源: an
#: open-source theme phrase of docs/editorial/themes.yml).
MARKED_NOTE = """---
title: 表格二
date: 2024-03-01
---

开源模型让任何人都能下载、修改、再分享权重。

| 名称 | 说明 | 备注 |
| --- | --- | --- |
| 开源模型：可以下载、修改、再分享的模型权重和代码，供任何人使用，也可以在本地运行 | 短 | 见正文 |
| 开源模型<br>第二行<br>第三行 | 换行 | — |
| 闭源模型 | 只能通过接口调用 | — |
"""

#: Each marked row's first cell: the vertical middle of its marker, and the top and bottom of the
#: cell's first line of text (the marker's own text left out).
FIRST_LINES = """() => [...document.querySelectorAll('.zd-note__body tr.zd-has-tm > td:first-child')].map(td => {
  const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let first = null;
  for (let n = walker.nextNode(); n && !first; n = walker.nextNode()) {
    if (n.parentElement.closest('.zd-tm') || !n.data.trim()) continue;
    range.setStart(n, n.data.search(/\\S/)); range.setEnd(n, n.data.search(/\\S/) + 1);
    first = [...range.getClientRects()].find(r => r.width > 0);
  }
  const m = td.querySelector('.zd-tm__btn').getBoundingClientRect();
  return {text: td.textContent.trim().slice(0, 8), middle: (m.top + m.bottom) / 2, top: first.top, bottom: first.bottom};
})"""


def _options(width: int) -> dict[str, Any]:
    phone = width < 720
    return {
        "viewport": {"width": width, "height": 900},
        "is_mobile": phone,
        "has_touch": phone,
        "locale": "zh-CN",
    }


def _load(page: Any, site: Any) -> Any:
    page.goto(site.variant_url("zh-Hans", "notes/marked/"))
    page.wait_for_function("() => document.querySelectorAll('.zd-note__body tr .zd-tm__btn').length === 3")
    page.evaluate(NEXT_FRAME)
    return page


@pytest.fixture(scope="module")
def marked_site(tmp_path_factory: Any) -> Any:
    root = tmp_path_factory.mktemp("marked")
    with serve_built(root, notes={"marked.md": MARKED_NOTE}, repo_notes=True, repo_editorial=True) as site:
        yield site


@pytest.mark.parametrize("width", [1280, 800])
def test_a_table_rows_marker_is_level_with_its_first_line_on_a_wide_screen(
    marked_site: Any, kept_pages: Any, width: int
) -> None:
    """On a wide screen the marker sits in the margin at its static place: put after the cell's text
    (for the phone), it was level with the cell's last line (62 px down, not 15, in a three-line cell).
    It moves back when the window widens, and after the text again when it narrows."""
    with kept_pages.open(**_options(width)) as page:
        _load(page, marked_site)
        for step in ("loaded", "from a phone's width"):
            cells = page.evaluate(FIRST_LINES)
            assert len(cells) == 3, cells
            for cell in cells:
                assert cell["top"] <= cell["middle"] <= cell["bottom"], (width, step, cell)
            page.set_viewport_size({"width": 390, "height": 900})
            page.evaluate(NEXT_FRAME)
            after_text = page.evaluate(
                "() => [...document.querySelectorAll('tr.zd-has-tm > td:first-child')]"
                ".every(td => td.lastElementChild.matches('.zd-tm') && td.lastChild === td.lastElementChild)"
            )
            assert after_text, step
            page.set_viewport_size({"width": width, "height": 900})
            page.evaluate(NEXT_FRAME)


#: Each marker's button, brought into view: its left and right edges, and whether a click at its
#: middle reaches it.
MARKERS_ON_SCREEN = """() => [...document.querySelectorAll('.zd-note__body .zd-tm__btn')].map(button => {
  button.scrollIntoView({block: 'center', inline: 'nearest'});
  const r = button.getBoundingClientRect();
  const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  return {left: r.left, right: r.right, hit: button.contains(hit)};
})"""


@pytest.mark.parametrize("width", [320, 390, 719, 720, 800, 1000, 1219, 1220, 1600])
def test_every_theme_marker_is_on_screen_and_clickable(marked_site: Any, kept_pages: Any, width: int) -> None:
    """Between the phone layout and Material's left sidebar (720–1219 px) the content started 0.8rem
    from the window's edge and a marker in the margin left of it sat at −22 px, 9 px of it on screen."""
    with kept_pages.open(**_options(width)) as page:
        _load(page, marked_site)
        markers = page.evaluate(MARKERS_ON_SCREEN)
        assert len(markers) == 4, markers
        for marker in markers:
            assert marker["left"] >= 0 and marker["right"] <= width and marker["hit"], (width, marker)
