"""Session 53's heldout67 rules (issue 25): the classes of heldout67's first-sight residue (front-end and mobile UI
libraries' docs: TDesign's changelogs, zarm's API tables, uni-ui's, Varlet's and Arco Design's READMEs) that carry to
other text.  In Taiwan: OpenCC's phrases read across words (拉麵 in 下拉面板, 顯示卡 in 明显卡顿, 大數據 in 大数据量); a
week picker (周选择器: 週); a component unmounted in software text (组件卸载时: 卸載, not s2twp's 解除安裝); read-only as
a whole (全局只读: 全域唯讀).  Widened: software 返回 → 回傳 before what a callback returns (返回选中的项), 全局 → 全域
before 只读 (any text) and before 以及组件 (software text) (hooks/zhudu/script/data/regional.yml: the ``# Session 53 —
heldout67`` block and the ``Session 53 (heldout67)`` lines)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_batch_keeps_opencc_phrases,
    assert_rule_fires_in_its_domain,
    bench_conversion,
    rule_cases,
    rules_after_marker,
    shipped_in,
    wrong_words_by_document,
)
from zhudu.script.domain import GENERAL, SOFTWARE
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 53 — heldout67")
HELDOUT67 = bench_conversion.load_review(bench_conversion.SETS["heldout67"])


def test_the_batch_is_in_the_layer() -> None:
    """Six rules for Taiwan, one of them in software text only."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant-TW", "下拉面板", "下拉面板", ""),
        ("zh-Hant-TW", "显卡顿", "顯卡頓", ""),
        ("zh-Hant-TW", "大数据量", "大資料量", ""),
        ("zh-Hant-TW", "周选择器", "週選擇器", ""),
        ("zh-Hant-TW", "卸载", "卸載", "software"),
        ("zh-Hant-TW", "只读", "唯讀", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; its not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


def test_opencc_phrases_keep_their_forms() -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, in general and in software text."""
    assert_batch_keeps_opencc_phrases("zh-Hant-TW", NEW)


@pytest.mark.parametrize(
    ("code", "domain", "source", "expected"),
    [
        # Other text, outside the set, as shipped: the packages' other lines and sentences like theirs.
        ("zh-Hant-TW", GENERAL, "修复可过滤场景下，鼠标移入下拉面板后展现异常的缺陷。", "下拉面板後"),
        ("zh-Hant-TW", SOFTWARE, "列表滑动时画面略显卡顿。", "略顯卡頓"),
        ("zh-Hant-TW", GENERAL, "表格在大数据量下渲染很慢。", "大資料量"),
        ("zh-Hant-TW", GENERAL, "修复周选择器下，年份边界日期返回格式错误的问题。", "週選擇器"),
        ("zh-Hant-TW", SOFTWARE, "修复table组件卸载时，异常报错。", "元件卸載時"),
        ("zh-Hant-TW", SOFTWARE, "请在卸载钩子中移除事件监听。", "卸載鉤子"),
        ("zh-Hant-TW", GENERAL, "修复在 Form 设置全局只读下，组件的状态异常问题。", "全域唯讀"),
        ("zh-Hant-TW", SOFTWARE, "支持全局以及组件级别的主题配置。", "全域以及元件"),
        ("zh-Hant-TW", SOFTWARE, "选择变化时的回调函数，返回选中的值。", "回傳選中的值"),
        # The guards: ramen, a graphics card, big data, uninstalling, the whole picture, going back.
        ("zh-Hant-TW", GENERAL, "他中午下楼吃了一碗拉面。", "拉麵"),
        ("zh-Hant-TW", GENERAL, "这块显卡顿时就烧坏了。", "顯示卡"),
        ("zh-Hant-TW", GENERAL, "基于大数据量化交易的策略。", "大數據"),
        ("zh-Hant-TW", SOFTWARE, "卸载软件后重启电脑。", "解除安裝軟體"),
        ("zh-Hant-TW", GENERAL, "这需要从全局以及细节出发考虑问题。", "全局以及"),
        ("zh-Hant-TW", SOFTWARE, "点击按钮返回当前位置。", "返回目前位置"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout67_after_the_rules() -> None:
    """By document (30 files, all software text), aligned: Taiwan 11 → 2 wrong words, Hong Kong 0 → 0 (left:
    出现卸载错误, where an uninstall error is also 卸载错误; Varlet's 以下项目, open-source projects, 專案)."""
    assert wrong_words_by_document(HELDOUT67) == {"zh-Hant-TW": 2, "zh-Hant-HK": 0}
