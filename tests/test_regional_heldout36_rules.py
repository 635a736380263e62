"""Session 39's heldout36 rules (issue 25): the classes of heldout36's first-sight residue (AisleRiot's rules and
strategy for 85 solitaire card games) that carry to other text: the card table's hearts (红桃, which OpenCC keeps, are
紅心 in Taiwan and Hong Kong) and OpenCC's phrases 击发 / 击向 / 击出 taking the 击 of 点击 before 发 / 向 / 出, which
leaves Taiwan the Mainland 點擊 (hooks/zhudu/script/data/regional.yml, the ``# Session 39 — heldout36`` blocks)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_rule_fires_in_its_domain,
    bench_conversion,
    layer_alone,
    rule_cases,
    rules_after_marker,
    shipped,
    wrong_words_by_document,
)
from zhudu.script.regional import DOMAINS, default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 39 — heldout36")
HELDOUT36 = bench_conversion.load_review(bench_conversion.SETS["heldout36"])


def test_the_batch_is_in_the_layer() -> None:
    """Two rules: one for both variants, one Taiwan; both for any domain."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "红桃", "紅心", ""),
        ("zh-Hant-TW", "点击", "點選", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; the not-sentences (red peaches, their tree, a
    word ending in 点 before 击破 / 击出) read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # The help's sentences outside the set's 320.
        ("zh-Hant-TW", "点击发牌区会发出四张翻开的牌。", "點選發牌區"),
        ("zh-Hant-TW", "第一阶段——点击发牌区，翻一张牌到废牌区，如果牌是一个：", "點選發牌區"),
        (
            "zh-Hant-TW",
            "只允许在一张牌上面放相反颜色的牌，比如：在黑桃上放方块可以，但是红桃上不能放方块。",
            "紅心上",
        ),
        (
            "zh-Hant-HK",
            "只允许在一张牌上面放相反颜色的牌，比如：在黑桃上放方块可以，但是红桃上不能放方块。",
            "紅心上",
        ),
        (
            "zh-Hant-HK",
            "花色一般是梅花、黑桃、红桃和方块，红桃和方块是红色，梅花和黑桃是黑色。",
            "紅心和方塊是紅色",
        ),
        # Text of other kinds: a chat app's send button, a menu that appears, the king of hearts.
        ("zh-Hant-TW", "输入内容后点击发送按钮即可。", "點選傳送"),
        ("zh-Hant-TW", "再点击出现的菜单中的“保存”。", "點選出現的選單"),
        ("zh-Hant-TW", "他手里只剩一张红桃K。", "紅心K"),
        # Review9: where the words only meet.  Sports: 差一点 / 差点 (almost) before 击出 (hit out) is no click (was
        # 差一點選出), nor are raindrops' or a drum's 点 (雨點選向); a heart shape, 红桃心, keeps OpenCC's 紅桃 (was 紅心心).
        ("zh-Hant-TW", "他在第九局差一点击出全垒打。", "差一點擊出全壘打"),
        ("zh-Hant-TW", "她差点击出界外。", "差點擊出界外"),
        ("zh-Hant-TW", "拳头像雨点击向他的脸。", "雨點擊向"),  # raindrops, a drum's beat: no click either
        ("zh-Hant-TW", "鼓点击出整齐的节奏。", "鼓點擊出"),
        ("zh-Hant-TW", "信纸上画满了红桃心。", "畫滿了紅桃心"),
        ("zh-Hant-HK", "信纸上画满了红桃心。", "畫滿了紅桃心"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        ("zh-Hant-TW", "点击发送按钮提交表单。", "點選傳送"),
        ("zh-Hant-HK", "点击发送按钮提交表单。", "點擊發送"),
        ("zh-Hant-HK", "点击发牌区会发出四张翻开的牌。", "點擊發牌區"),
    ],
)
def test_software_text_and_hong_kong_clicks(code: str, source: str, expected: str) -> None:
    """In software text Taiwan's click is 點選 too; Hong Kong's 點擊 (its own word for a click) is left as it was."""
    assert expected in layer_alone(code, DOMAINS["software"])(source)


def test_heldout36_after_the_rules() -> None:
    """By document (each page general text): Taiwan 21 → 7 wrong words, Hong Kong 9 → 4."""
    assert wrong_words_by_document(HELDOUT36) == {"zh-Hant-TW": 7, "zh-Hant-HK": 4}
