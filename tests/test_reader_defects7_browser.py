"""Session 30's reader review, what its first mend left (tests/test_reader_defects6_browser.py has the rest).

Chromium at 390 px: the themes overview's matrix headers and graph labels break lines by Chinese rules
(no 」）。， at a line's start) and keep Latin words whole where they fit; the search's 「筆記中有」 line
offers only words a result can show.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import bench_search

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

# --------------------------------------------------------------------------- the overview on a phone

#: Titles of the Hexo documentation as the review saw them (/zh-Hant-HK/themes/ at 390 px): matrix
#: headers 「部署器 | （Deployer | ）」, graph labels 「（Deploy | er）」.
TITLES = [
    "部署器（Deployer）",
    "過濾器（Filter）",
    "生成器（Generator）",
    "標籤插件（Tag Plugins）",
    "在 GitHub Pages 上部署 Hexo",
    "將 Hexo 部署到 GitLab Pages",
    "API",
    "指令",
]
THEMES = "themes:\n  server:\n    name: 服务器\n    description: 服务器的事\n    phrases: [服务器]\n"

#: Each matrix header's and graph label's lines (the text of each line box), and its box.
LINES = """() => {
  const linesOf = (el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), out = [];
    let line = '', top = null, node;
    while ((node = walker.nextNode())) for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
      const rects = range.getClientRects();
      if (rects.length) {
        const y = Math.round(rects[0].top);
        if (top !== null && Math.abs(y - top) > 3) { out.push(line); line = ''; }
        top = y;
      }
      line += node.data[i];
    }
    out.push(line);
    return out;
  };
  const read = (selector) => [...document.querySelectorAll(selector)].map(el => {
    const r = el.getBoundingClientRect();
    return {lines: linesOf(el), left: r.left, right: r.right};
  });
  return {headers: read('.zd-matrix thead th a'), labels: read('.zd-graph__label a'), width: innerWidth};
}"""
#: What may not start a line in Chinese (closing brackets and quotes, full-width punctuation).
NO_LINE_START = tuple("」』）】》〉。，、；：！？")


@pytest.fixture(scope="module")
def overview_site(tmp_path_factory: Any) -> Any:
    from conftest import serve_themed

    with serve_themed(tmp_path_factory.mktemp("overview"), TITLES, THEMES) as site:
        yield site


def _breaks(boxes: list[dict[str, Any]]) -> list[str]:
    """Boxes with a line starting with closing punctuation, or a Latin word cut between two lines."""
    bad = []
    for box in boxes:
        lines = box["lines"]
        for before, line in itertools.pairwise(lines):
            if line.startswith(NO_LINE_START) or (
                before[-1:].isascii() and before[-1:].isalpha() and line[:1].isalpha() and line[:1].isascii()
            ):
                bad.append(" | ".join(lines))
                break
    return bad


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-HK"])
def test_overview_labels_break_by_chinese_rules_and_keep_words_whole_on_a_phone(
    overview_site: Any, kept_pages: Any, variant: str
) -> None:
    """Material's `a { word-break: break-word }` let a header put 「）」 first and a label cut 「Deploy|er」."""
    with kept_pages.open(**PHONE) as page:
        page.goto(overview_site.variant_url(variant, "themes/"))
        page.wait_for_load_state("load")
        found = page.evaluate(LINES)
        assert len(found["headers"]) == len(TITLES) and len(found["labels"]) == len(TITLES) + 1
        assert _breaks(found["headers"]) == [], found["headers"]
        assert _breaks(found["labels"]) == [], found["labels"]
        # The words stay whole on the screen: no label runs off its left edge.
        assert [b["lines"] for b in found["labels"] if b["left"] < 0 or b["right"] > found["width"]] == []


# --------------------------------------------------------------------------- the search's suggestions

#: The glossary has 通用人工智能 (an alias of AGI): in AGI's tooltip in the note, and on the glossary page, whose entries
#: are searched since session 44 (then a word shown only in a tooltip was offered and found nothing).
SUGGEST_NOTE = "---\ntitle: 工具\n---\n\nAGI 还很远。\n\n这个工具包很好用。\n"
GLOSSARY = "- term: AGI\n  aliases: [通用人工智能]\n  explanation: 通用人工智能（Artificial General Intelligence）。\n"


@pytest.fixture(scope="module")
def suggest_site(tmp_path_factory: Any) -> Any:
    from conftest import serve_built

    with serve_built(
        tmp_path_factory.mktemp("suggest"), notes={"n.md": SUGGEST_NOTE}, editorial={"glossary.yml": GLOSSARY}
    ) as site:
        yield site


def _wait_for_answer(page: Any, query: str, placeholder: str) -> None:
    page.locator("input.md-search__input").fill(query)
    page.keyboard.press("End")
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() !== p", arg=placeholder
    )


@pytest.mark.parametrize(
    ("variant", "held", "glossary"),
    [("zh-Hant-TW", "工具包", "通用人工智慧"), ("zh-Hans", "工具包", "通用人工智能")],
)
def test_the_suggestions_are_words_a_result_shows(
    suggest_site: Any, page: Any, variant: str, held: str, glossary: str
) -> None:
    placeholder = bench_search.open_search(page, suggest_site.variant_url(variant))
    _wait_for_answer(page, "具工包", placeholder)  # no two of its characters together anywhere
    assert page.locator("a.md-search-result__link").count() == 0
    page.wait_for_selector(".zd-search-suggest button")
    words = page.locator(".zd-search-suggest button").all_inner_texts()
    assert held in words and glossary in words, words
    # Every word offered finds a passage that shows it (the last button is the query's characters apart).
    for n, word in enumerate(words[:-1]):
        page.locator(".zd-search-suggest button").nth(n).click()
        page.wait_for_selector("a.md-search-result__link mark")
        assert word in page.locator("a.md-search-result__link mark").first.inner_text()
        _wait_for_answer(page, "具工包", placeholder)
        page.wait_for_selector(".zd-search-suggest button")
