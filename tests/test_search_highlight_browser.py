"""A search result marks the whole word its query found, not the piece the search looked for.

On the Hexo documentation, 數分鐘 (a few minutes) is nowhere in the notes: the search cuts it into 数 (one
character, dropped) and 分钟, and finds 分钟 inside the notes' word 几分钟 (a few minutes, as 數分鐘 means:
"只需几分钟时间"). The result must mark 几分钟 in every variant, in the snippet and on the page the result
opens (its ``?h=`` terms), not 分钟 (session 36 — hilite; ``bench/bench_highlight.py`` counts it over the
query sets). Until session 44 the case was 設定檔 finding 配置檔 by 置档; the Traditional notes' 配置檔 now
reads 配置文件 on the Simplified site (the from-hant rules), and 設定檔 finds 设置文件 whole.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import bench_search

from conftest import ServedSite

#: The query as a reader of each variant types it, and 几分钟 as the variant shows it.
QUERY = {"zh-Hans": "数分钟", "zh-Hant-TW": "數分鐘", "zh-Hant-HK": "數分鐘"}
WHOLE = {"zh-Hans": "几分钟", "zh-Hant-TW": "幾分鐘", "zh-Hant-HK": "幾分鐘"}

#: Each passage result's text, its marks and its title's marks.
_RESULTS = """() => [...document.querySelectorAll('a.md-search-result__link')]
  .filter(a => a.querySelector('article p'))
  .map(a => ({text: a.querySelector('article p').textContent,
              marks: [...a.querySelectorAll('article p mark')].map(m => m.textContent),
              title: a.querySelector('article h1, article h2').textContent,
              titleMarks: [...a.querySelectorAll('article h1 mark, article h2 mark')].map(m => m.textContent)}))"""


def ask(page: Any, site: ServedSite, variant: str, query: str) -> list[dict[str, Any]]:
    """Type ``query`` into a variant's search box; the passage results once they are drawn."""
    placeholder = bench_search.open_search(page, site.variant_url(variant))
    page.locator("input.md-search__input").fill(query)
    page.keyboard.press("End")  # Material reads the box on keyup
    # Material writes "no results" before the answer comes: wait for the passages themselves.
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() !== p", arg=placeholder
    )
    page.wait_for_function("() => document.querySelector('a.md-search-result__link article p') !== null")
    return page.evaluate(_RESULTS)


@pytest.mark.parametrize("variant", bench_search.VARIANTS)
def test_a_word_found_by_its_piece_is_marked_whole(hexo_site, page, variant: str) -> None:
    whole = WHOLE[variant]
    found = ask(page, hexo_site, variant, QUERY[variant])
    results = [r for r in found if whole in r["text"]]
    assert results, f"{QUERY[variant]} no longer finds {whole} in {variant}: {found}"
    for result in results:
        assert whole in result["marks"], result
        assert not [m for m in result["marks"] if m != whole and m in whole], result


def test_the_page_a_result_opens_marks_the_whole_word(hexo_site, page) -> None:
    ask(page, hexo_site, "zh-Hant-TW", "數分鐘")
    page.locator("a.md-search-result__link", has=page.locator("article p mark", has_text="幾分鐘")).filter(
        visible=True
    ).first.click()
    page.wait_for_url("**/zh-Hant-TW/notes/**#p-*")
    page.wait_for_selector("article mark[data-md-highlight]")
    marked = page.locator("article mark[data-md-highlight]").all_inner_texts()
    assert "幾分鐘" in marked, marked
    assert "分鐘" not in marked, marked
