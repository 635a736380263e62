"""Session 41's heldout40 rules (issue 25): the classes of heldout40's first-sight residue (a folk-tale fantasy story in
everyday prose) that carry to other text: in both variants OpenCC's phrases read across a word, 大冲 (a place in
Shenzhen, 大沖) before a charge, a shock, a sprint or an urge (巨大冲击波, 最大冲锋), 扎在 (tied, 紮在) where a blade or a
needle pierces (斜扎在了, 一刀扎在), 帝后 (emperor and empress) where 后 is "after" (打败了玉帝后); in Taiwan a power or
the body's qi flowing (法力的运行, 真气运行), which s2twp runs as a program (執行)
(hooks/zhudu/script/data/regional.yml: the ``# Session 41 — heldout40`` block and the ``Session 41 (heldout40)`` line
of the 运行 rule)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_rule_fires_in_its_domain,
    bench_conversion,
    rule_cases,
    rules_after_marker,
    shipped,
    wrong_words_by_document,
)
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 41 — heldout40")
HELDOUT40 = bench_conversion.load_review(bench_conversion.SETS["heldout40"])


def test_the_batch_is_in_the_layer() -> None:
    """Six new rules for both variants and any domain (the Taiwan class widens the 运行 rule)."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "冲击", "衝擊", ""),
        ("zh-Hant", "冲锋", "衝鋒", ""),
        ("zh-Hant", "冲刺", "衝刺", ""),
        ("zh-Hant", "冲动", "衝動", ""),
        ("zh-Hant", "扎在", "扎在", ""),
        ("zh-Hant", "帝后", "帝後", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; a village's name, hair or a belt tied, an
    emperor's consorts read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # The story's sentences outside the set's 320.
        ("zh-Hant-TW", "明明腾空一跃如射箭一般打出一道冲击，琴琴自如的向右躲开。", "一道衝擊"),
        ("zh-Hant-HK", "乐儿一跳，躲开了水母的爆炸，同时往烛明放出两道冲击波。", "兩道衝擊波"),
        # Other text: a flowing power, a body's qi, an orbit; a program runs (執行) and hair is tied (紮).
        ("zh-Hant-TW", "他闭目调息，体内真气运行了一个周天。", "真氣運行"),
        ("zh-Hant-TW", "中医认为气血运行不畅会导致疼痛。", "氣血運行"),
        ("zh-Hant-TW", "这段程序运行很慢。", "程式執行"),
        ("zh-Hant-HK", "金融危机对出口造成了强大冲击。", "強大衝擊"),
        ("zh-Hant-TW", "一根刺扎在了他的手指里。", "刺扎在"),
        ("zh-Hant-TW", "她的马尾斜扎在脑后。", "斜紮在"),
        ("zh-Hant-HK", "见了皇帝后，他才放下心来。", "皇帝後，"),
        ("zh-Hant-TW", "深圳大冲村改造完成了。", "大沖村"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_heldout40_after_the_rules() -> None:
    """By document (four volumes, general text): Taiwan 8 → 4 wrong words, Hong Kong 4 → 1; Taiwan 3 with the lead's
    空间站 → 太空站 rule (session 41); Hong Kong 0 since session 46 (cw) dropped the editor's 小区 → 屋苑 (明星小区 → 小區, its label)."""
    assert wrong_words_by_document(HELDOUT40) == {"zh-Hant-TW": 3, "zh-Hant-HK": 0}
