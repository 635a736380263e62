"""Session 35's phone pass: brackets ending the titles the templates link (cards, backlinks, related notes)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_reader_defects11_browser import underline

from conftest import ServedSite, serve_built

# --------------------------------------------------------------------------- a title's brackets

TITLED_NOTES = {
    "console.md": "---\ntitle: 控制台（Console）\ndate: 2024-03-01\n---\n\n见[引号](quote.md)与[书](book.md)。\n",
    "quote.md": "---\ntitle: 「引号」在前\ndate: 2024-03-02\n---\n\n见[控制台](console.md)。\n",
    "book.md": "---\ntitle: 《文章<b>》\ndate: 2024-03-03\n---\n\n见[控制台](console.md)。\n",
    "plain.md": "---\ntitle: 普通标题\ndate: 2024-03-04\n---\n\n见[控制台](console.md)。\n",
}


@pytest.fixture(scope="module")
def titled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve_built(tmp_path_factory.mktemp("titles"), notes=TITLED_NOTES) as site:
        yield site


#: A link brought into view: its box, the boxes of its first and last characters, its font size and colour.
TITLE_LINK_JS = """a => {
  a.scrollIntoView({block: 'center'});
  const texts = [], walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data) texts.push(n);
  const char = (n, i) => { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
    return r.getBoundingClientRect(); };
  const last = texts[texts.length - 1], box = a.getBoundingClientRect();
  return {text: a.textContent, left: box.left, right: box.right, top: box.top, bottom: box.bottom + 8,
          startLeft: char(texts[0], 0).left, endLeft: char(last, last.data.length - 1).left,
          em: parseFloat(getComputedStyle(a).fontSize), colour: getComputedStyle(a).color};
}"""


def _check_underline(page: Any, selector: str) -> list[str]:
    """Each link ``selector`` finds: underlined from its first bracket's ink to its last one's (or its ends)."""
    seen = []
    for link in page.locator(selector).all():
        found = link.evaluate(TITLE_LINK_JS)
        row, em = underline(page.screenshot(), found), found["em"]
        if found["text"][0] in "「《（":
            assert abs(min(row) - (found["startLeft"] + 0.5 * em)) < 0.1 * em, (found, min(row))
        else:
            assert min(row) < found["startLeft"] + 2, (found, min(row))
        if found["text"][-1] in "」》）":
            assert found["endLeft"] + 0.3 * em < max(row) < found["endLeft"] + 0.6 * em, (found, max(row))
        else:
            assert max(row) > found["right"] - 2, (found, max(row))
        seen.append(found["text"])
    return seen


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_a_titles_underline_runs_between_its_brackets_ink(
    titled: ServedSite, page: Any, variant: str
) -> None:
    """A card's title and a backlink are a note's title as a link's whole text, written by a template: a
    title ending in 「）」 (the Hexo documentation's 「控制台（Console）」: 12 of its 45 Simplified titles, 8
    of the Taiwan ones) was underlined half an em past the bracket's ink, under its empty half, as a note's
    own links were before session 33; one starting with 「「」 from half an em before its ink.  Both stop at
    the ink now; a title in Han characters is underlined end to end; the title is escaped once."""
    page.goto(titled.variant_url(variant))
    page.wait_for_selector(".zd-card__title a")
    cards = _check_underline(page, ".zd-card__title a")
    assert sorted(cards) == sorted(
        page.locator(".zd-card__title a").all_inner_texts()
    )  # every card looked at
    assert any(t.endswith("）") for t in cards) and any(t.startswith("《") for t in cards), cards
    assert "《文章<b>》" in cards  # shown as written, not as markup
    page.goto(titled.variant_url(variant, "notes/console/"))
    page.wait_for_selector(".zd-backlinks li > a")
    backlinks = _check_underline(page, ".zd-backlinks li > a")
    assert len(backlinks) == 3 and any(t.startswith("「") for t in backlinks), backlinks
    page.goto(titled.variant_url(variant, "notes/quote/"))
    page.wait_for_selector(".zd-backlinks li > a")
    assert _check_underline(page, ".zd-backlinks li > a")[0].endswith("）")


# --------------------------------------------------------------------------- a table cell's code on a phone

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

SETTINGS_NOTE = """---
title: 配置
---

| 设置 | 描述 | 默认值 |
| --- | --- | --- |
| `new_post_name` | 新文章的文件名称 | `:title.md` |
| `default_layout` | 预设布局 | `post` |
| `external_link.enable` | 在新标签中打开链接 | `true` |
| `filename_case` | 设为 `1`，将文件名转换为小写；设为 `2`，转换为大写 | `0` |
| `timezone` | 网站时区，如 `America/New_York`、`Japan` 和 `UTC`。中国大陆可以用 `Asia/Shanghai`。 | |
| `language` | 网站使用的语言，预设为 `en`。 | |
| `pretty_urls.trailing_index` | 是否在永久链接中保留尾部的 `index.html`，设为 `false` 时去除 | `true` |
| `permalink` | 文章的永久链接格式 | `:year/:month/:day/:title/` |
| `og:article:published_time` | 文章发表时间 | `config.relative_link` |
"""

#: Each line break inside a table cell's code: the characters before and after it; and whether a table is
#: wider than the column it scrolls in.
CELL_CODE_BREAKS_JS = r"""() => {
  const breaks = [];
  for (const code of document.querySelectorAll('.md-typeset :is(td, th) code')) {
    let top = null, before = '';
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) for (let i = 0; i < n.data.length; i++) {
      const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
      const box = r.getClientRects()[0];
      if (!box) continue;
      if (top !== null && box.top > top + 3) breaks.push([code.textContent, before, n.data[i]]);
      top = box.top; before = n.data[i];
    }
  }
  const table = document.querySelector('.md-typeset table');
  const room = (table.closest('.md-typeset__scrollwrap') || table.parentElement).clientWidth;
  return {breaks, wide: table.getBoundingClientRect().width > room + 1};
}"""


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve_built(tmp_path_factory.mktemp("cellcode"), notes={"config.md": SETTINGS_NOTE}) as site:
        yield site


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_a_cells_code_breaks_only_at_its_joints_on_a_phone(
    settings: ServedSite, kept_pages: Any, variant: str
) -> None:
    """The Hexo documentation's settings tables on a phone read 「new_post_nam」/「e」, 「e」/「n」 and
    「Asia/Sh」/「anghai」: code in a cell broke between any two letters (160 such breaks in its 45 Taiwan-built
    pages at 390 px).  It breaks after 「_」「/」「:」 or before 「.」 now, the table still as wide as the phone's
    column, and the code's text (what a reader copies) is as written."""
    with kept_pages.open(**PHONE, locale="zh-CN") as page:
        page.goto(settings.variant_url(variant, "notes/config/"))
        page.wait_for_selector(".md-typeset table code")
        found = page.evaluate(CELL_CODE_BREAKS_JS)
        assert found["breaks"], found  # the long names do wrap at 390 px
        for code, before, after in found["breaks"]:
            assert before in "_/: " or after == ".", (code, before, after)
        assert not found["wide"], found
        texts = page.locator(".md-typeset td:first-child code").all_inner_texts()
        assert texts[0] == "new_post_name" and texts[-1] == "og:article:published_time", texts


# --------------------------------------------------------------------------- links standing alone, to a finger

FOLDER_NOTES = {
    f"{folder}/n{i}.md": f"---\ntitle: 第{i}篇\n---\n\n说服务器的事。\n"
    for folder in ("甲", "b")
    for i in (1, 2)
}
SERVER_THEME = "themes:\n  server:\n    name: 服务器\n    description: 服务器的事\n    phrases: [服务器]\n"


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve_built(
        tmp_path_factory.mktemp("folders"), notes=FOLDER_NOTES, editorial={"themes.yml": SERVER_THEME}
    ) as site:
        yield site


#: Each link the selector finds: its text and the size of its box.
LINK_SIZES_JS = """s => [...document.querySelectorAll(s)].map(a => {
  const box = a.getBoundingClientRect(); return [a.textContent.trim(), box.width, box.height]; })"""


@pytest.mark.parametrize(
    ("path", "selector"),
    [("", ".zd-sections .zd-tag > a"), ("themes/server/", ".zd-parallel__passages > li > a")],
)
def test_a_link_standing_alone_is_a_finger_high_on_a_phone(
    folders: ServedSite, kept_pages: Any, path: str, selector: str
) -> None:
    """The home's folder links (the Hexo documentation's 「zh-cn」 was 37 × 21 px) and a theme page's
    「在笔记中阅读这一段」 under each passage were 21 px high on a phone, a line of small text, below the 24 px
    a finger needs (WCAG 2.5.8)."""
    with kept_pages.open(**PHONE, locale="zh-CN") as page:
        for variant in ("zh-Hans", "zh-Hant-HK"):
            page.goto(folders.variant_url(variant, path))
            page.wait_for_selector(selector)
            sizes = page.evaluate(LINK_SIZES_JS, selector)
            assert len(sizes) >= 2, sizes
            assert all(height >= 24 for _, _, height in sizes), (variant, sizes)
