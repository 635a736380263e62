"""Long listings (the home list, a theme's notes) are read a page at a time, with a short pager."""

from __future__ import annotations

import re

import pytest
from test_themes import THEMES, _long_theme_notes


@pytest.mark.parametrize(
    ("number", "count", "around", "shown"),
    [
        (1, 1, 2, [1]),
        (2, 5, 2, [1, 2, 3, 4, 5]),
        (1, 20, 2, [1, 2, 3, None, 20]),
        (6, 20, 2, [1, None, 4, 5, 6, 7, 8, None, 20]),
        (4, 20, 2, [1, 2, 3, 4, 5, 6, None, 20]),  # a gap of one page shows the page
        (20, 20, 2, [1, None, 18, 19, 20]),
        (99, 20, 2, [1, None, 18, 19, 20]),  # out of range: the nearest page
        (60, 125, 0, [1, None, 60, None, 125]),
    ],
)
def test_the_pager_shows_the_ends_and_the_pages_around_the_current_one(number, count, around, shown):
    from zhudu.publish.pagination import pager

    assert pager(number, count, around) == shown


@pytest.mark.parametrize(
    ("dates", "said"),
    [
        (["2024-01-02", "2024-01-01"], "最新的在前"),
        ([None, None], "都没有日期，按文件名排列"),  # the Hexo documentation's 45 a folder
        (["2024-01-01", None], "最新的在前，没有日期的按文件名排在最后"),
    ],
)
def test_a_list_says_how_it_is_ordered_only_as_far_as_it_is_true(dates, said):
    from zhudu.publish.pagination import list_order

    assert list_order(dates) == said


def _pager(html: str) -> list[str]:
    """The pager's entries in order: page numbers, "…" for a gap, "*" after the current page."""
    nav = re.search(r'<nav class="zd-pages" aria-label="[^"]+">(.*?)</nav>', html, re.S)
    assert nav, "no pager"
    entries = re.findall(
        r'<a class="zd-pages__link" href="[^"]*" aria-label="第 (\d+) [页頁]"( aria-current="page")?>\1</a>'
        r'|<span class="zd-pages__gap" aria-hidden="true">…</span>',
        nav.group(1),
    )
    return [f"{k}*" if current else k or "…" for k, current in entries]


def test_long_listings_link_the_first_last_and_nearby_pages(site_builder, monkeypatch) -> None:
    from zhudu.publish import pagination
    from zhudu.themes import render as themes_render

    monkeypatch.setattr(themes_render, "NOTES_PER_THEME_PAGE", 1)
    monkeypatch.setattr(pagination, "PER_PAGE", 1)
    monkeypatch.setattr(pagination, "PAGER_AROUND", 1)
    result = site_builder(notes=_long_theme_notes(), editorial={"themes.yml": THEMES.split("pins:")[0]})
    assert result.ok and not result.warnings, result.log
    expected = {1: ["1*", "2", "…", "5"], 3: ["1", "2", "3*", "4", "5"], 5: ["1", "…", "4", "5*"]}
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        for number, shown in expected.items():
            later = "" if number == 1 else f"page/{number}/"
            theme = result.page(f"{code}/themes/cloud-vs-edge/{later}index.html")
            home = result.page(f"{code}/{later}index.html")
            assert _pager(theme) == shown, (code, number)
            assert _pager(home) == shown, (code, number)
            assert re.search(rf"第 {number} [页頁]，共 5 [页頁]", theme)
    assert 'href="../4/"' in result.page("zh-Hans/themes/cloud-vs-edge/page/5/index.html")
    assert 'href="../4/"' in result.page("zh-Hans/page/5/index.html")


def test_each_long_themes_later_pages_show_its_own_description(site_builder, monkeypatch) -> None:
    """Two long themes: each of their later pages shows its own theme's description (their pages 2… are made
    together, sharing each theme's Markdown), in its own words in every variant."""
    from zhudu.themes import render as themes_render

    monkeypatch.setattr(themes_render, "NOTES_PER_THEME_PAGE", 1)
    themes = (
        "themes:\n"
        "  cloud-vs-edge:\n    name: 数据中心与边缘\n    description: 计算放在哪里。\n    phrases: [数据中心]\n"
        "  power:\n    name: 耗电\n    description: 电费账单从哪里来。\n    phrases: [耗电]\n"
    )
    result = site_builder(notes=_long_theme_notes(), editorial={"themes.yml": themes})
    assert result.ok and not result.warnings, result.log
    for theme, own, other in (
        ("cloud-vs-edge", "计算放在哪里。", "电费账单从哪里来。"),
        ("power", "电费账单从哪里来。", "计算放在哪里。"),
    ):
        for number in (2, 3):
            page = result.page(f"zh-Hans/themes/{theme}/page/{number}/index.html")
            assert f'<p class="zd-theme__description">{own}</p>' in page and other not in page, (
                theme,
                number,
            )
