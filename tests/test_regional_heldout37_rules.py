"""Session 40's heldout37 rules (issue 25): the classes of heldout37's first-sight residue (a dictionary of idioms, its
meanings, source passages and examples) that carry to other text: classical 咸 "all" (咸以为, 咸笔之于书), which OpenCC
writes 鹹 (salty); the surname 余 of an author after a dynasty's dot (明·余邵鱼), which it writes 餘; and Taiwan's 文件
for a document studied for its spirit (领会文件的精神), which s2twp writes 檔案 (hooks/zhudu/script/data/regional.yml,
the ``# Session 40 — heldout37`` blocks)."""

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
NEW = rules_after_marker("# Session 40 — heldout37")
HELDOUT37 = bench_conversion.load_review(bench_conversion.SETS["heldout37"])


def test_the_batch_is_in_the_layer() -> None:
    """Three rules: two for both variants, one Taiwan; all for any domain."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "咸", "咸", ""),
        ("zh-Hant", "余", "余", ""),
        ("zh-Hant-TW", "文件", "文件", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; the not-sentences (a salty dish, salted fish, a
    work's 余韵, a configuration file's requirements) read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # The dictionary's sentences outside the set's 320.
        (
            "zh-Hant-TW",
            "清·蒲松龄《聊斋志异·梦狼》慰藉翁者，咸以为道路讹传，惟翁则深信不疑。",
            "咸以為道路訛傳",
        ),
        ("zh-Hant-HK", "《晋书·陶侃传》时造船，木屑及竹头，悉令举掌之，咸不解所以。", "咸不解所以"),
        ("zh-Hant-HK", "《尚书·大禹谟》济济有众，咸听朕命。", "咸聽朕命"),
        ("zh-Hant-TW", "清·余怀《板桥杂记·丽品》所居曲房密室，帷帐尊彝，楚楚有致。", "清·余懷"),
        ("zh-Hant-HK", "明·余继登《典故纪闻》卷十四有正大不阿，不行私谒者，便以为不贤。", "明·余繼登"),
        # Text of other kinds: a note citing a classic, a report on a meeting; salt and the rest keep OpenCC's forms.
        ("zh-Hant-TW", "旧染污俗，咸与维新。", "咸與維新"),
        ("zh-Hant-TW", "各单位要认真领会文件的精神，抓好落实。", "領會文件的精神"),
        ("zh-Hant-TW", "这汤有点咸，再加点水。", "有點鹹"),
        ("zh-Hant-HK", "他又咸又辣的口味谁也受不了。", "又鹹又辣"),
        ("zh-Hant-TW", "咸鱼翻身的故事人人爱听。", "鹹魚翻身"),
        ("zh-Hant-TW", "会后还有十余人留下。", "十餘人"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_software_text_keeps_a_file() -> None:
    """In software text a configuration file's substance stays s2twp's 檔案; a document studied stays 文件."""
    software = layer_alone("zh-Hant-TW", DOMAINS["software"])
    assert "配置檔案的實質" in software("配置文件的实质是一组键值对。")
    assert "領會文件的精神" in software("要领会文件的精神。")


def test_heldout37_after_the_rules() -> None:
    """By document (the dictionary is one document, general text): Taiwan 8 → 5 wrong words, Hong Kong 6 → 4."""
    assert wrong_words_by_document(HELDOUT37) == {"zh-Hant-TW": 5, "zh-Hant-HK": 4}
