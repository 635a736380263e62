"""The nineteenth held-out conversion set (tests/conversion_heldout19.yml): developer guides and a UI library's design
documentation, Debian's New Maintainers' Guide in Simplified Chinese and Ant Design's and mand-mobile's component guides;
session 31's heldout19 rules (both variants 當 for the 当 "when" that OpenCC's 噹噹 takes before 当前; Taiwan 巨集功能,
進階 before 表格 / 筛选 / 打包, 導覽 for a page's top, bottom and keyboard navigation, 目前進度, 全域 before a global
effect, state or parameter, 支援 in 支持下拉刷新; Hong Kong 啓用狀態 and 模態視窗)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_new_rules_keep_opencc_phrases_in_both_variants,
    assert_set_of_works,
    assert_software_figures,
    assert_software_set,
    bench_conversion,
    layer_alone,
)
from zhudu.script.domain import GENERAL, SOFTWARE

HELDOUT19 = bench_conversion.load_review(bench_conversion.SETS["heldout19"])
#: The works the set was drawn from, and how many sentences each gave.
SOURCES = {"maint-guide-zh-cn 1.2.53 ": 143, "antd 6.6.2 ": 143, "mand-mobile 2.7.0 ": 44}


def test_heldout19_set_shape() -> None:
    """330 sentences from three works (no set used them), none shared with the earlier sets, both Traditional forms
    labelled, every judged word in its sentence and its form in the label."""
    assert_set_of_works(HELDOUT19, "conversion_heldout19.yml", SOURCES, 9082)


def test_heldout19_is_software_text() -> None:
    """Developer guides: the set as one note and every chapter and component are software text, so ``--domains``
    gives the figure a site of such notes gets."""
    assert_software_set(HELDOUT19)


@pytest.mark.parametrize(
    ("code", "most", "most_by_domain", "plain"),
    [("zh-Hant-TW", 33, 5, 222), ("zh-Hant-HK", 29, 2, 99)],
)
def test_heldout19_after_its_rules(code: str, most: int, most_by_domain: int, plain: int) -> None:
    """Aligned first sight: TW 4.07 (37 wrong words), by domain 1.54 (14); HK 3.41 (31), by domain 0.55 (5) per 1,000
    Han characters; plain OpenCC 24.44 / 10.90.  After session 31's heldout19 rules TW 3.63 (33), by domain 0.55 (5);
    HK 3.19 (29), by domain 0.22 (2); by domain no mainland word left in Taiwan, every right regional word of OpenCC's
    kept."""
    assert_software_figures(HELDOUT19, code, most, most_by_domain, plain)


@pytest.mark.parametrize(
    ("code", "domain", "source", "expected"),
    [
        # 当 "when" before 当前 (OpenCC's 噹噹 took it); the clang after 叮 is OpenCC's.
        (
            "zh-Hant-TW",
            GENERAL,
            "而当当前组件更新时，当当前数字加上增量大于尾数时停止；门外叮当当前后响了两声。",
            "而當當前元件更新時，當當前數字加上增量大於尾數時停止；門外叮噹當前後響了兩聲。",
        ),
        ("zh-Hant-HK", GENERAL, "而当当前组件更新时停止。", "而當當前組件更新時停止。"),
        # A macro feature; advanced tables, filters and packaging (a high-end packing machine is left to OpenCC).
        (
            "zh-Hant-TW",
            GENERAL,
            "使用其宏功能可以生成 Makefile 文件；ProTable 高级表格；使用高级筛选；关于高级打包问题的提示；工厂引进了高级打包机。",
            "使用其巨集功能可以生成 Makefile 檔案；ProTable 進階表格；使用進階篩選；關於進階打包問題的提示；工廠引進了高階打包機。",
        ),
        # A page's top, bottom and keyboard navigation, the current progress, in software text; a navigation bar is
        # the 导航栏 rule's.
        (
            "zh-Hant-TW",
            SOFTWARE,
            "一般用于固定顶部导航，支持搜索和键盘导航；每页顶部导航栏中的链接；应用的底部导航栏；显示该操作的当前进度。",
            "一般用於固定頂部導覽，支援搜尋和鍵盤導覽；每頁頂部導覽列中的連結；應用的底部導覽列；顯示該操作的目前進度。",
        ),
        ("zh-Hant-TW", GENERAL, "一般用于固定顶部导航。", "一般用於固定頂部導航。"),
        # Global effects, a global component, global parameters; the whole picture stays 全局.
        (
            "zh-Hant-TW",
            SOFTWARE,
            "通用属性或全局效果配置；关闭所有动态创建的全局Dialog；设置全局参数；这需要从全局出发考虑问题。",
            "通用屬性或全域效果配置；關閉所有動態建立的全域Dialog；設定全域參數；這需要從全局出發考慮問題。",
        ),
        # Software that supports pull-to-refresh; backing (在大家的支持下) stays 支持.
        (
            "zh-Hant-TW",
            GENERAL,
            "并支持下拉刷新和加载更多；在大家的支持下拉开了序幕。",
            "並支援下拉重新整理和載入更多；在大家的支持下拉開了序幕。",
        ),
        # An active state and a modal window in Hong Kong software text.
        (
            "zh-Hant-HK",
            SOFTWARE,
            "始终只有一个面板处在激活状态；静态方法创建确认模态窗口。",
            "始終只有一個面板處在啓用狀態；靜態方法創建確認模態視窗。",
        ),
    ],
)
def test_heldout19_error_classes(code: str, domain: str, source: str, expected: str) -> None:
    assert layer_alone(code, domain)(source) == expected


#: Session 31's heldout19 rules, by (variant key, word, domain).
NEW_RULES = {
    ("zh-Hant", "当", ""),
    *(("zh-Hant-TW", w, "") for w in ("宏功能", "高级表格", "高级筛选", "高级打包", "支持下拉")),
    *(("zh-Hant-TW", w, "software") for w in ("顶部导航", "底部导航", "键盘导航", "当前进度", "全局")),
    ("zh-Hant-HK", "激活状态", "software"),
    ("zh-Hant-HK", "模态窗口", ""),
}


def test_the_new_rules_keep_opencc_phrases_that_contain_their_words() -> None:
    """Inside one of OpenCC's own phrases a new rule word gives what the layer wrote there before (both variants)."""
    assert_new_rules_keep_opencc_phrases_in_both_variants(NEW_RULES)
