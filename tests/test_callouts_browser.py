"""A callout as a reader sees it: an admonition's title is a band across its whole box; one in a list item is in it.

A list nested at its item's text column (two columns, three under ``1.``) is drawn nested, each level further in
(on a phone less far from the fourth level on).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import pytest

from conftest import ServedSite, serve_built

pytestmark = pytest.mark.browser

NOTE = (
    "---\ntitle: 提示框\ndate: 2024-05-01\n---\n\n"
    "> [!note] 提示的标题\n> 提示内容：一段足够长的文字，比正文一行的宽度还要长一些，好看出框有多宽。\n\n"
    "> [!question]- 折叠的问题\n> 回答。\n\n正文。\n\n"
    "1. 第一步\n   > [!tip] 列表里的标注\n   > 标注内容。\n2. 第二步\n   ::: warning 列表里的容器\n   容器内容。\n   :::\n"
    "3. 第三步\n"
)
#: Items that are only a box or a quote, as Obsidian writes them; its bullet or number is beside the box.
ITEM_BOXES = (
    "---\ntitle: 项即框\ndate: 2024-05-02\n---\n\n段。\n\n- > [!tip] 项上的标注\n  > 项上内容\n- 丁\n\n段二。\n\n"
    "1. > 只有引用\n2. 二\n"
)
#: Three levels, each nested at its item's text column (prettier's and Obsidian's indentation), and a callout in one.
NESTED_LIST = (
    "---\ntitle: 三层列表\ndate: 2024-05-03\n---\n\n段。\n\n"
    "1. 第一层的一项，写得长一些，在手机上折成两行也看得出缩进\n   - 第二层\n     - [x] 第三层的任务\n"
    "     - 第三层\n       > [!tip] 第三层里的标注\n       > 标注内容\n   - 第二层之二\n2. 第一层之二\n"
)
#: Eight levels, each at its item's text column (a Logseq outline's depth), the deepest long enough to wrap.
DEEP_LIST = "---\ntitle: 八层列表\ndate: 2024-05-04\n---\n\n" + "".join(
    "  " * level
    + f"- 第{level + 1}层"
    + ("的话，写得长一些，看看手机上每行还剩几个字" if level == 7 else "")
    + "\n"
    for level in range(8)
)
#: Each list item's words, its level (lists around it) and its text's left edge.
NESTED_ITEMS = """() => [...document.querySelectorAll('.zd-note__body li')].map(item => {
  const range = document.createRange();
  range.selectNodeContents(item);
  const text = [...item.childNodes].find(n => n.nodeType === 3 && n.textContent.trim())
    || item.querySelector(':scope > p');
  const box = text.nodeType === 3 ? (range.selectNode(text), range.getBoundingClientRect()) : text.getBoundingClientRect();
  let level = 0;
  for (let up = item.parentElement; up; up = up.parentElement) level += up.matches('ul, ol') ? 1 : 0;
  return [text.textContent.trim().slice(0, 3), level, Math.round(box.left)];
})"""
#: Each item starting with a box or a quote: how far below the item's top the box starts (its marker's line).
ITEM_BOX_TOPS = """() => [...document.querySelectorAll('.md-typeset li')].flatMap(item => {
  const box = item.querySelector(':scope > .admonition, :scope > blockquote');
  return box ? [Math.round(box.getBoundingClientRect().top - item.getBoundingClientRect().top)] : [];
})"""

GEOMETRY = """() => [...document.querySelectorAll('.md-typeset .admonition, .md-typeset details')].map(box => {
  const title = box.querySelector(':scope > .admonition-title, :scope > summary').getBoundingClientRect();
  const outer = box.getBoundingClientRect();
  const style = getComputedStyle(box);
  const inner = outer.width - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
  return [Math.round(title.width), Math.round(inner)];
})"""
#: Each item of the note's numbered list: its number, and its box's left and right edges against the item's.
LIST_ITEMS = """() => [...document.querySelectorAll('.md-typeset ol > li')].map(item => {
  const box = item.querySelector(':scope > .admonition');
  const outer = item.getBoundingClientRect();
  const inner = box && box.getBoundingClientRect();
  const text = (item.querySelector(':scope > p') || item).getBoundingClientRect();
  return [item.parentElement.start + [...item.parentElement.children].indexOf(item),
          inner && [Math.round(inner.left - outer.left), Math.round(outer.right - inner.right),
                    Math.round(inner.top - text.bottom)]];
})"""


@pytest.fixture(scope="module")
def callout_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """``NOTE`` built once for every width (the tests only read it)."""
    with serve_built(
        tmp_path_factory.mktemp("callout"),
        notes={
            "callout.md": NOTE,
            "item-boxes.md": ITEM_BOXES,
            "nested-list.md": NESTED_LIST,
            "deep-list.md": DEEP_LIST,
        },
    ) as site:
        yield site


@pytest.mark.parametrize("width", [1280, 390])
def test_an_admonitions_title_band_spans_its_box(callout_site: ServedSite, page: Any, width: int) -> None:
    # Reading text is kept to 38em a line; a title is not reading text (it stopped at half the box).
    site = callout_site
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site.variant_url("zh-Hans", "notes/callout/"), wait_until="load")
    boxes = page.evaluate(GEOMETRY)
    assert len(boxes) == 4
    for title, inner in boxes:
        assert abs(title - inner) <= 1, boxes


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW"])
def test_a_box_in_a_list_item_is_drawn_in_it_below_its_text_and_the_numbering_goes_on(
    callout_site: ServedSite, page: Any, variant: str
) -> None:
    # Was: the box's "!!! tip" as text after a list of one item, and a second list numbered from 2.
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(callout_site.variant_url(variant, "notes/callout/"), wait_until="load")
    items = page.evaluate(LIST_ITEMS)
    assert [number for number, _ in items] == [1, 2, 3], items
    for _, box in items[:2]:
        assert box is not None and box[0] >= 0 and box[1] >= 0 and box[2] >= 0, (
            items
        )  # inside, under the text
    assert items[2][1] is None
    body = page.inner_text(".zd-note__body")
    assert "!!!" not in body and ":::" not in body and "[!" not in body, body


@pytest.mark.parametrize(("variant", "width"), [("zh-Hans", 390), ("zh-Hant-TW", 1280), ("zh-Hant-HK", 390)])
def test_an_item_that_is_only_a_box_or_a_quote_has_it_beside_its_marker(
    callout_site: ServedSite, page: Any, variant: str, width: int
) -> None:
    # Was: the bullet or number alone on a line (the passage's "#" link and the box's top margin), the box below.
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(callout_site.variant_url(variant, "notes/item-boxes/"), wait_until="load")
    page.wait_for_selector("li a.zd-permalink", state="attached")
    tops = page.evaluate(ITEM_BOX_TOPS)
    assert len(tops) == 2 and all(top == 0 for top in tops), tops


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-HK"])
def test_a_three_level_list_nested_at_text_columns_is_drawn_nested_on_a_phone(
    callout_site: ServedSite, page: Any, variant: str
) -> None:
    # Was: every item side by side at one level (Python-Markdown nests only at four columns).
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(callout_site.variant_url(variant, "notes/nested-list/"), wait_until="load")
    items = page.evaluate(NESTED_ITEMS)
    assert [level for _, level, _ in items] == [1, 2, 3, 3, 2, 1], items
    lefts = {level: {left for _, lv, left in items if lv == level} for level in (1, 2, 3)}
    assert all(len(edges) == 1 for edges in lefts.values()), items  # one edge per level
    assert min(lefts[1]) < min(lefts[2]) < min(lefts[3]), items  # each level further in
    box = page.locator(".zd-note__body li li li .admonition")
    assert box.count() == 1 and box.inner_text().startswith("第三"), items
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone


def test_a_deep_outline_steps_in_less_from_the_fourth_level_on_a_phone(
    callout_site: ServedSite, page: Any
) -> None:
    # Was: 1.875 em a level (34 px): the eighth level's text 88 px wide at 390 px (the tenth 21 px, a character a line).
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(callout_site.variant_url("zh-Hans", "notes/deep-list/"), wait_until="load")
    items = page.evaluate(NESTED_ITEMS)
    assert [level for _, level, _ in items] == list(range(1, 9)), items
    lefts = [left for _, _, left in items]
    steps = [b - a for a, b in pairwise(lefts)]
    assert all(step > 8 for step in steps), items  # each level still further in
    assert all(step <= 0.6 * min(steps[:2]) for step in steps[2:]), steps  # from the fourth level on: less
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
