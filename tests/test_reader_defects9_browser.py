"""Session 32's reader review: a post's date on a phone, and a search that matches more notes than it lists."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ServedSite, notes_titled, search_count, serve_built

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import bench_search

PHONE = {"is_mobile": True, "has_touch": True}


# --------------------------------------------------------------------------- a post's date on a phone

#: Each date in a post's header line that the browser broke across two lines (at its hyphens).
BROKEN_DATES = """() => [...document.querySelectorAll('.zd-post__header time')]
  .filter(time => time.getClientRects().length > 1 || time.getBoundingClientRect().height > 1.5 * parseFloat(
    getComputedStyle(time).lineHeight || getComputedStyle(time).fontSize))
  .map(time => time.textContent)"""


def found_at_widths(
    kept_pages: Any, url: str, ready: str, js: str, widths: range, **context: Any
) -> dict[int, Any]:
    """Open ``url`` and, once ``ready`` is in it, what ``js`` finds at each viewport width (none: left out)."""
    with kept_pages.open(viewport={"width": widths[0], "height": 844}, **context) as page:
        page.goto(url)
        page.wait_for_selector(ready, state="attached")
        found = {}
        for width in widths:
            page.set_viewport_size({"width": width, "height": 844})
            if here := page.evaluate(js):
                found[width] = here
        return found


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-HK"])
def test_a_posts_date_is_never_broken_at_its_hyphens(real_site: Any, kept_pages: Any, variant: str) -> None:
    """「2025-」 ended the header line of the X thread and 「05-15」 began the next at 390 px (zh-Hant-HK):
    a date read as two numbers. Every phone width from 320 to 430 px."""
    url = real_site.variant_url(variant, "notes/technology-devolution-2025/")
    ready = ".zd-post--main .zd-post__header time"  # there are dates to break
    assert found_at_widths(kept_pages, url, ready, BROKEN_DATES, range(320, 432, 2), **PHONE) == {}


# --------------------------------------------------------------------------- more matches than the list holds


@pytest.fixture(scope="module")
def twelve_notes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """Twelve notes that each say 服务器, as the home page does (their summaries): thirteen pages, the list shows
    ten; and one note that says 路由器."""
    notes = notes_titled([f"第{i}篇" for i in range(12)])
    notes["r.md"] = "---\ntitle: 另一篇\ndate: 2024-04-01\n---\n\n路由器的事。\n"
    with serve_built(tmp_path_factory.mktemp("twelve"), notes=notes) as site:
        yield site


#: The queries the worker has told the page about (lazy-search.js hears them first: its channel is older).
HEAR_THE_WORKER = """() => {
  const token = /[#&]zd-search=([^&]+)/.exec(JSON.parse(document.getElementById('__config').textContent).search)[1];
  window.__zdHeard = [];
  new BroadcastChannel('zd-search:' + token).onmessage = (ev) => window.__zdHeard.push(ev.data.query);
}"""


@pytest.mark.parametrize(
    ("variant", "query", "count", "unlisted"),
    [
        (
            "zh-Hans",
            "服务器",
            "找到 10 个符合条件的结果",
            "另有 3 个结果没有列出；多输入几个字可以缩小范围。",
        ),
        ("zh-Hant-TW", "伺服器", "找到 10 個符合的項目", "另有 3 個項目沒有列出；多輸入幾個字可以縮小範圍。"),
        (
            "zh-Hant-HK",
            "服務器",
            "找到 10 個符合條件的結果",
            "另有 3 個結果未有列出；多輸入幾個字可以收窄範圍。",
        ),
    ],
)
def test_a_search_says_how_many_matching_notes_its_list_leaves_out(
    twelve_notes: ServedSite, page: Any, variant: str, query: str, count: str, unlisted: str
) -> None:
    """服务器 in twelve notes said 「10 个符合条件的结果」 and listed ten (the worker fetches ten pages'
    passages): the reader was told there were ten, and the other three (two notes, the home page) were nowhere."""
    placeholder = bench_search.open_search(page, twelve_notes.variant_url(variant))
    assert search_count(page, query, placeholder) == count
    assert page.locator(".md-search-result__item").count() == 10
    page.wait_for_selector(".zd-search-unlisted")
    assert page.locator(".zd-search-unlisted").inner_text().strip() == unlisted
    # A query whose notes are all listed says nothing more, once the page has heard the worker's answer.
    page.evaluate(HEAR_THE_WORKER)
    page.locator("input.md-search__input").fill("路由器")
    page.keyboard.press("End")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 1")
    page.wait_for_function("() => window.__zdHeard.includes('路由器')")
    assert page.locator(".md-search-result__meta").first.inner_text().startswith("找到 1 ")
    assert page.locator(".zd-search-unlisted").count() == 0


# --------------------------------------------------------------------------- text touching a fenced code block

#: Hexo's documentation writes text on the line after a closing fence (docs-syntax-highlight.md:23,
#: docs-tag-plugins.md:341) and CommonMark lets a fence interrupt a paragraph.
TOUCHING_FENCES = (
    "---\ntitle: 代码块\n---\n\n"
    "前面紧挨着的一段话：\n```\nhexo server\n```\n紧跟在代码块后面的一段话，讲[另一篇](https://example.com/)。\n\n"
    "- 列表里的一项\n\n  ```\n  hexo generate\n  ```\n  列表里代码块后面的话。\n\n最后一段。\n\n"
    "1. 紧凑列表的一项\n    ```\n    hexo clean\n    ```\n2. 紧凑列表的二项\n"  # stays tight: no <p> in its items
)
#: The element each sentence is in, and the passage holding it (the element with the passage id theme markers
#: and search need: the paragraph itself, or the list item a paragraph in an item belongs to).
SENTENCE_PARENTS = """() => ['前面紧挨着', '紧跟在代码块后面', '列表里代码块后面', '最后一段'].map(start => {
  const walker = document.createTreeWalker(document.querySelector('.zd-note__body'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.startsWith(start)) continue;
    const passage = node.parentElement.closest('.zd-note__body [id^="p-"]');
    return [start, node.parentElement.tagName, passage ? passage.tagName : null];
  }
  return [start, null, null];
})"""


def test_text_touching_a_fenced_code_block_is_a_paragraph_of_its_own(tmp_path: Path, page: Any) -> None:
    """The sentence after ``` was loose in the note's body (the code was inside a <p>, which the browser
    closed before it): no paragraph spacing, its link not underlined, no passage id, so no theme marker
    and no search landing."""
    with serve_built(tmp_path, notes={"fences.md": TOUCHING_FENCES}) as site:
        page.goto(site.variant_url("zh-Hans", "notes/fences/"))
        page.wait_for_load_state("load")
        assert page.evaluate(SENTENCE_PARENTS) == [
            ["前面紧挨着", "P", "P"],
            ["紧跟在代码块后面", "P", "P"],
            # At the item's text column after a blank line: the item's, as CommonMark reads it (boxes3).
            ["列表里代码块后面", "P", "LI"],
            ["最后一段", "P", "P"],
        ]
        assert page.locator(".zd-note__body pre").count() == 3
        assert page.locator(".zd-note__body ol > li").count() == 2
        assert page.locator(".zd-note__body ol > li > p").count() == 0
        assert page.locator(".zd-note__body p:empty").count() == 0


# --------------------------------------------------------------------------- a passage's "#" on a line of its own

#: Each passage permalink the browser put on a line below the text before it: a blank line under the
#: paragraph (the "#" is invisible until hovered).
LONELY_PERMALINKS = """() => [...document.querySelectorAll('a.zd-permalink')].filter(link => {
  const range = document.createRange();
  range.setStartBefore(link.parentElement.firstChild);
  range.setEndBefore(link);
  const rects = [...range.getClientRects()].filter(r => r.width > 0);
  return rects.length > 0 && link.getBoundingClientRect().top >= rects[rects.length - 1].bottom - 2;
}).map(link => link.dataset.zdFor)"""


@pytest.mark.parametrize("note", ["ai-bubble-open-source-doge-2025", "technology-devolution-2025"])
def test_a_passage_permalink_never_takes_a_line_of_its_own(
    real_site: Any, kept_pages: Any, note: str
) -> None:
    """At 1280 px 「…太香了。」 filled its last line and the "#" after it went to the next: an empty line
    between two paragraphs of the note (2 of its 98 passages); at other desktop widths others."""
    url = real_site.variant_url("zh-Hans", f"notes/{note}/")
    assert found_at_widths(kept_pages, url, "a.zd-permalink", LONELY_PERMALINKS, range(960, 1290, 10)) == {}
