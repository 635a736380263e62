"""Session 41's heldout45 rules (issue 25): the classes of heldout45's first-sight residue (鲁迅's short stories of
呐喊) that carry to other text: in both variants OpenCC's one-to-many characters in modern fiction, hot water poured on
tea (便去冲了水, 冲了一壶茶: 沖, not the 衝 of charging) and adding not a word (不赞一辞, 不赞一词: 贊, not the 讚 of
praise) (hooks/zhudu/script/data/regional.yml: the ``# Session 41 — heldout45`` block)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_new_rules_keep_opencc_phrases,
    assert_rule_fires_in_its_domain,
    bench_conversion,
    rule_cases,
    rules_after_marker,
    shipped,
    wrong_words_by_document,
)
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 41 — heldout45")
HELDOUT45 = bench_conversion.load_review(bench_conversion.SETS["heldout45"])


def test_the_batch_is_in_the_layer() -> None:
    """Two new rules for both variants and any domain."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "冲", "沖", ""),
        ("zh-Hant", "不赞一", "不贊一", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; a dive into the water, a charge and 赞同 read
    as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, but its 不讚一詞 / 不讚一辭: the idiom (史记's
    不能赞一辞, "could not add a word") is 不贊一辭 in Taiwan's and Hong Kong's idiom dictionaries, and OpenCC's phrase
    reads it as praise."""
    new = {(r.code, r.word, r.domain) for r in NEW}
    assert_new_rules_keep_opencc_phrases(code, new, on_purpose={"不赞一词", "不赞一辞"})


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Other text: a pot of tea, boiling water, a silent listener; charging and agreeing keep their forms.
        ("zh-Hant-TW", "她给客人冲了一壶龙井。", "沖了一壺"),
        ("zh-Hant-HK", "他往杯里冲了开水，等茶叶慢慢沉下去。", "沖了開水"),
        ("zh-Hant-TW", "会上他始终不赞一词，只是听着。", "不贊一詞"),
        ("zh-Hant-HK", "众人议论纷纷，老先生却不赞一言。", "不贊一言"),
        ("zh-Hant-TW", "士兵们冲了一阵又退了回来。", "衝了一陣"),
        ("zh-Hant-HK", "他不赞同这个办法。", "不贊同"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_heldout45_after_the_rules() -> None:
    """By document (one file, general text): Taiwan 2 → 0 wrong words, Hong Kong 2 → 0."""
    assert wrong_words_by_document(HELDOUT45) == {"zh-Hant-TW": 0, "zh-Hant-HK": 0}
