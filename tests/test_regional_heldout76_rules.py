"""Session 54's heldout76 rules (issue 25): the classes of heldout76's first-sight residue (algorithms and
programming-exercise explanations) that carry to other text.  In Taiwan, any text: a circular import or dependency
(循环导入 / 循环依赖: 循環, not s2twp's loop 迴圈), a singly or doubly linked list s2twp leaves mainland (单链表 / 双链表:
單連結串列 / 雙連結串列) and a binary search tree (查找树: 搜尋樹, not a query's 查詢樹).  In Taiwan, software text: an
interval halved or divided (二分区间 / 划分区间: 區間, not the 分区 rule's 分割區) and a value returned (返回 → 回傳) after
加1 or before an index, a file path, 是否, a subscript.  Widened: software 全局 → 全域 before 最大 / 最小 / 最优; 导航
not 導覽 after 一段或多段 / 多段 / 每段 / 转为 (hooks/zhudu/script/data/regional.yml: the ``# Session 54 — heldout76``
block and the ``Session 54 (heldout76)`` lines)."""

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
NEW = rules_after_marker("# Session 54 — heldout76")
HELDOUT76 = bench_conversion.load_review(bench_conversion.SETS["heldout76"])


def test_the_batch_is_in_the_layer() -> None:
    """Seven rules for Taiwan: five in any text, the interval and the value returned in software text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant-TW", "循环导入", "循環匯入", ""),
        ("zh-Hant-TW", "循环依赖", "循環依賴", ""),
        ("zh-Hant-TW", "单链表", "單連結串列", ""),
        ("zh-Hant-TW", "双链表", "雙連結串列", ""),
        ("zh-Hant-TW", "查找树", "搜尋樹", ""),
        ("zh-Hant-TW", "分区间", "分區間", "software"),
        ("zh-Hant-TW", "返回", "回傳", "software"),
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
        ("zh-Hant-TW", GENERAL, "延迟导入，避免循环依赖。", "循環依賴"),
        ("zh-Hant-TW", GENERAL, "图编辑器页面（简化版，无循环导入）。", "無循環匯入"),
        ("zh-Hant-TW", GENERAL, "一个简单的单链表工具库。", "單連結串列工具"),
        ("zh-Hant-TW", GENERAL, "找到两个单链表相交的起始节点。", "兩個單連結串列"),
        ("zh-Hant-TW", GENERAL, "对于二叉查找树而言，使用中序遍历即可得到有序元素。", "二叉搜尋樹而言"),
        ("zh-Hant-TW", SOFTWARE, "先将数组划分区间，再分别求和。", "劃分區間"),
        ("zh-Hant-TW", SOFTWARE, "消耗道具，返回是否成功。", "回傳是否成功"),
        ("zh-Hant-TW", SOFTWARE, "地址列表 -> 直接保存二维码 PNG，返回文件路径列表。", "回傳檔案路徑"),
        ("zh-Hant-TW", SOFTWARE, "对左右子结点调用递归函数，将二者中的较小值加1返回即可。", "加1回傳"),
        ("zh-Hant-TW", SOFTWARE, "融合多项代价后取全局最优位置（越小越好）：", "全域最優"),
        ("zh-Hant-TW", SOFTWARE, "把路径批量转为导航链接（自动分段）。", "導航連結"),
        # The guards: a program's loop, going back, a page's navigation, the whole picture, Hong Kong untouched.
        ("zh-Hant-TW", SOFTWARE, "使用 for 循环遍历数组。", "迴圈"),
        ("zh-Hant-TW", SOFTWARE, "返回上一页继续浏览。", "返回上一頁"),
        ("zh-Hant-TW", SOFTWARE, "也可以使用左侧的导航链接跳到对应章节。", "導覽連結"),
        ("zh-Hant-TW", GENERAL, "统筹兼顾，追求全局最优。", "全局最優"),
        ("zh-Hant-HK", SOFTWARE, "这里不直接导入，避免循环导入问题。", "循環導入"),
        ("zh-Hant-HK", SOFTWARE, "一个简单的单链表工具库。", "單鏈表"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout76_after_the_rules() -> None:
    """By document (every file software text), aligned: Taiwan 23 → 4 wrong words, Hong Kong 0 → 0 (left: Taiwan
    结果，并返回 at a line's end, 首次访问 for a module first accessed (存取), 每个导航链接 (導航: a car's), 查询窗口 for a
    day's window (窗口))."""
    assert wrong_words_by_document(HELDOUT76) == {"zh-Hant-TW": 4, "zh-Hant-HK": 0}
