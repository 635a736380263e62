"""Session 42's heldout49 rules (issue 25): the classes of heldout49's first-sight residue (speeches and addresses to
the public) that carry to other text: in both variants two OpenCC phrases that write a speech's set words wrong (新征程:
its 新徵, a new levy; 显著标志: its 顯著標志, where 标志 is 標誌) and the surname 姜 in a list of names (宋月才、姜开斌:
not the ginger 薑 of a list of ingredients); in Taiwan a named neighbourhood (东华园社区, 文卉苑社区: 社區, not s2twp's
社群) (hooks/zhudu/script/data/regional.yml: the ``# Session 42 — heldout49`` block and the ``Session 42 (heldout49)``
lines of the 姜 and the Taiwan 社区 rules)."""

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
NEW = rules_after_marker("# Session 42 — heldout49")
HELDOUT49 = bench_conversion.load_review(bench_conversion.SETS["heldout49"])


def test_the_batch_is_in_the_layer() -> None:
    """Two new rules for both variants, any domain (the 姜 and 社区 classes widen existing rules)."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "征程", "征程", ""),
        ("zh-Hant", "显著标志", "顯著標誌", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes but what the batch means to change."""
    new = {(r.code, r.word, r.domain) for r in NEW}
    assert_new_rules_keep_opencc_phrases(code, new, on_purpose=set())


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Other text, outside the set: a city's new journey, a new journey's hardships, a clear mark of a market, a
        # list of honoured people, an estate named in a report.
        ("zh-Hant-TW", "昆明正蓬勃向前地开启现代化建设新征程。", "新征程"),
        ("zh-Hant-HK", "新征程上，我们都要紧紧依靠人民。", "新征程上"),
        ("zh-Hant-HK", "成交量回升是市场回暖的显著标志。", "顯著標誌"),
        ("zh-Hant-TW", "成交量回升是市场回暖的显著标志。", "顯著標誌"),
        ("zh-Hant-HK", "会上表彰了李明、姜建国等同志。", "、姜建國"),
        ("zh-Hant-TW", "在武汉市百步亭文卉苑社区里，企业家正在揭榜群众的梦想。", "文卉苑社區"),
        # The guards: ginger in a list of ingredients stays 薑; levying grain stays 徵; an online community stays 社群.
        ("zh-Hant-HK", "加入酱油、姜、蒜炒香。", "、薑、"),
        ("zh-Hant-TW", "朝廷下令征粮。", "徵"),
        ("zh-Hant-TW", "开源社区贡献了大量插件。", "社群"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_heldout49_after_the_rules() -> None:
    """By document (16 speeches, general text), aligned: Taiwan 5 → 0 wrong words, Hong Kong 4 → 0."""
    assert wrong_words_by_document(HELDOUT49) == {"zh-Hant-TW": 0, "zh-Hant-HK": 0}
