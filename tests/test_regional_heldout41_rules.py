"""Session 41's heldout41 rules (issue 25): the classes of heldout41's first-sight residue (the key concepts of Chinese
thought and culture explained) that carry to other text: in both variants OpenCC's phrases read across a word, 乱发
(messy hair) before 发生 / 发展 / 发脾气 (动乱发生, 混乱发展, 乱发脾气), 回复到 a former state read as a reply (回覆到), 生发
of a feeling arising of itself (自然生发, read as hair grown); in Taiwan heaven, the sun and the moon moving (日月的运行,
天地自然运行), which s2twp runs as a program (執行), and what survives to this day (至今保存的民歌), which it saves as a
file (儲存) (hooks/zhudu/script/data/regional.yml: the ``# Session 41 — heldout41`` block and the ``Session 41
(heldout41)`` lines of the 生发, 运行 and 保存 rules)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_new_rules_keep_opencc_phrases_in_both_variants,
    assert_rule_fires_in_its_domain,
    bench_conversion,
    rule_cases,
    rules_after_marker,
    shipped,
    wrong_words_by_document,
)
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 41 — heldout41")
HELDOUT41 = bench_conversion.load_review(bench_conversion.SETS["heldout41"])


def test_the_batch_is_in_the_layer() -> None:
    """Two new rules for both variants and any domain (the other classes widen the 生发, 运行 and 保存 rules)."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "乱发", "亂發", ""),
        ("zh-Hant", "回复到", "回復到", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; messy hair and a reply read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


def test_opencc_phrases_holding_a_new_word_read_as_before() -> None:
    """Inside OpenCC's own phrases holding 乱发 or 回复到, both variants, general and software text: nothing changes."""
    assert_new_rules_keep_opencc_phrases_in_both_variants(
        {("zh-Hant", "乱发", ""), ("zh-Hant", "回复到", "")}
    )


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # The package's sentences outside the set's 320.
        ("zh-Hant-TW", "《老子》说明在问题或祸乱发生之前一定要提前防范。", "禍亂發生"),
        ("zh-Hant-HK", "观察日月星辰的运行状态，可以知道时节的变化。", "日月星辰的運行"),
        ("zh-Hant-TW", "观察日月星辰的运行状态，可以知道时节的变化。", "日月星辰的運行"),
        ("zh-Hant-TW", "礼是天地运行的法则，民众行动的依据。", "天地運行"),
        # Other text: a turmoil, a temper, a body's return to normal, a style arising; hair, replies and files as before.
        ("zh-Hant-HK", "混乱发展下去只会更糟，你别乱发脾气。", "混亂發展下去只會更糟，你別亂發脾氣"),
        ("zh-Hant-TW", "战乱发生以后，百姓流离失所。", "戰亂發生"),
        ("zh-Hant-TW", "她满头乱发生了虱子。", "亂髮"),
        ("zh-Hant-TW", "休息几天后，体温回复到正常水平。", "回復到正常"),
        ("zh-Hant-HK", "他回复到群里说收到了。", "回覆到羣裏"),
        ("zh-Hant-HK", "这种风格是由内而外生发的。", "生發的"),
        ("zh-Hant-TW", "这款生发水效果一般。", "生髮水"),
        ("zh-Hant-TW", "宋代至今保存的瓷器不多。", "至今保存"),
        ("zh-Hant-TW", "点击按钮保存文件。", "儲存檔案"),
        ("zh-Hant-TW", "这段程序运行很慢。", "程式執行"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_heldout41_after_the_rules() -> None:
    """By document (two fields, general text): Taiwan 11 → 2 wrong words, Hong Kong 5 → 0."""
    assert wrong_words_by_document(HELDOUT41) == {"zh-Hant-TW": 2, "zh-Hant-HK": 0}
