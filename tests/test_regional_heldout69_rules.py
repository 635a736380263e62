"""Session 53's heldout69 rules (issue 25): the classes of heldout69's first-sight residue (embedded systems and
hardware docs) that carry to other text.  In Taiwan, any text: a pin (引脚: 腳位, not s2twp's mainland 引腳; not where
引 ends the word before, 吸引脚步, 索引脚本), a baud rate (波特率: 鮑率) and a motor (电机: 馬達; not a generator, 发电机,
nor electrical engineering, 电机工程, Taiwan's 電機).  Widened: software 全局 → 全域 before 唯一 / 禁用
(hooks/zhudu/script/data/regional.yml: the ``# Session 53 — heldout69`` block and the ``Session 53 (heldout69)``
line)."""

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
NEW = rules_after_marker("# Session 53 — heldout69")
HELDOUT69 = bench_conversion.load_review(bench_conversion.SETS["heldout69"])


def test_the_batch_is_in_the_layer() -> None:
    """Three rules for Taiwan, in any text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant-TW", "引脚", "腳位", ""),
        ("zh-Hant-TW", "波特率", "鮑率", ""),
        ("zh-Hant-TW", "电机", "馬達", ""),
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
        ("zh-Hant-TW", SOFTWARE, "在引脚上生成指定频率的方波。", "腳位上"),
        ("zh-Hant-TW", GENERAL, "把传感器的数据引脚接到开发板的 D2 引脚。", "資料腳位"),
        ("zh-Hant-TW", SOFTWARE, "引脚下拉后读到低电平。", "腳位下拉"),
        ("zh-Hant-TW", SOFTWARE, "串口波特率默认为 115200。", "序列埠鮑率"),
        ("zh-Hant-TW", GENERAL, "改完波特率模块会自己断线。", "鮑率"),
        ("zh-Hant-TW", SOFTWARE, "等待电机到达目标位置后读取电机实时转速。", "等待馬達到達"),
        ("zh-Hant-TW", GENERAL, "28BYJ-48 步进电机接线与坑。", "步進馬達接線"),
        ("zh-Hant-TW", SOFTWARE, "固定复用表：功能默认档全局唯一。", "全域唯一"),
        ("zh-Hant-TW", SOFTWARE, "注意：全局禁用会影响系统里其它网卡。", "全域停用"),
        # The guards: 引 closing the word before, a Bode plot, a generator, electrical engineering, Hong Kong untouched.
        ("zh-Hant-TW", GENERAL, "这段旋律吸引脚步匆匆的路人停下来。", "吸引腳步"),
        ("zh-Hant-TW", SOFTWARE, "先建立索引脚本再运行。", "索引腳本"),
        ("zh-Hant-TW", GENERAL, "用波特图分析系统的频率响应。", "波特圖"),
        ("zh-Hant-TW", GENERAL, "船上装有两台柴油发电机。", "發電機"),
        ("zh-Hant-TW", GENERAL, "他大学读的是电机工程，后来去了电机系任教。", "電機工程"),
        ("zh-Hant-TW", GENERAL, "他大学读的是电机工程，后来去了电机系任教。", "電機系"),
        ("zh-Hant-TW", SOFTWARE, "断电机制会在掉电时保存数据。", "斷電機制"),
        ("zh-Hant-TW", GENERAL, "这需要从全局出发考虑问题。", "全局出發"),
        ("zh-Hant-HK", SOFTWARE, "串口波特率默认为 115200，引脚冲突时会报错。", "波特率"),
        ("zh-Hant-HK", SOFTWARE, "串口波特率默认为 115200，引脚冲突时会报错。", "引腳衝突"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout69_after_the_rules() -> None:
    """By document (26 files, all software text), aligned: Taiwan 50 → 13 wrong words, Hong Kong 1 → 1 (left: Taiwan
    元件 for 器件 ×5, 返回 a value ×2, 存取 for 访问, 焊墊, 數位IO / 類比輸入, 質量 for mass; Hong Kong 品質 for mass)."""
    assert wrong_words_by_document(HELDOUT69) == {"zh-Hant-TW": 13, "zh-Hant-HK": 1}
