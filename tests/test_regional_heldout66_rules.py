"""Session 53's heldout66 rules (issue 25): the classes of heldout66's first-sight residue (a columnist's essays on
marriage, family, money and education) that carry to other text: likes counted (十六万赞, 上千赞, 过五千赞: 讚, not
OpenCC's 贊 of agreeing) and a medium principle after a numeral (一个中道理: the classifier 個, not OpenCC's idiom 箇中).
Widened: 松 is 鬆 after 要求 / 管得 (对自己要求松), and in Taiwan 项目 is 項目 after 可谈判 / 扣分 / 加分 (不可谈判项目)
and 支持 stays 支持 before an intention, a stance or a divorce backed (一律支持这种企图, 支持她离婚: not s2twp's 支援)
(hooks/zhudu/script/data/regional.yml: the ``# Session 53 — heldout66`` block and the ``Session 53 (heldout66)``
lines)."""

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
NEW = rules_after_marker("# Session 53 — heldout66")
HELDOUT66 = bench_conversion.load_review(bench_conversion.SETS["heldout66"])


def test_the_batch_is_in_the_layer() -> None:
    """Two rules for both variants, in any text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "赞", "讚", ""),
        ("zh-Hant", "个中道理", "個中道理", ""),
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
    ("code", "domain", "source", "expected"),
    [
        # Other text, outside the set, as shipped: the columnist's other posts and the package's course notes.
        ("zh-Hant-TW", None, "他们可以去一个一个这个回答几百赞上千赞。", "幾百讚上千讚"),
        ("zh-Hant-HK", GENERAL, "我记得那个答案得有万赞吧。", "萬讚"),
        ("zh-Hant-TW", SOFTWARE, "这篇文章过五千赞了。", "五千讚"),
        ("zh-Hant-TW", None, "再举个例子，好几个小道理A、B、C、D背后有一个中道理。", "一個中道理"),
        ("zh-Hant-TW", GENERAL, "网友一律支持这种企图。", "一律支持這種企圖"),
        ("zh-Hant-TW", None, "邻居们都支持这个立场，也支持离婚。", "支持這個立場，也支持離婚"),
        ("zh-Hant-HK", None, "乙、对自己要求松，对女性要求松", "要求鬆，對女性要求鬆"),
        ("zh-Hant-TW", None, "这个学校管得松。", "管得鬆"),
        ("zh-Hant-TW", None, "女性婚后生娃属于“天经地义、不可谈判”项目。", "不可談判」項目"),
        ("zh-Hant-TW", GENERAL, "男女之间把所有的项目都视为“可谈判项目”。", "可談判項目"),
        ("zh-Hant-TW", None, "那么这个是大的加分项目。", "加分項目"),
        # The guards: agreeing, sponsoring, praise in a word of its own, Zambia, the idiom 箇中, a program's support,
        # a pine after 要求.
        ("zh-Hant-TW", None, "我千万赞同你的看法。", "千萬贊同"),
        ("zh-Hant-HK", None, "这家公司拿到了百万赞助。", "百萬贊助"),
        ("zh-Hant-TW", None, "他去过百万赞比亚人居住的地方。", "百萬尚比亞"),
        ("zh-Hant-HK", None, "他去过百万赞比亚人居住的地方。", "百萬贊比亞"),
        ("zh-Hant-TW", None, "个中道理，大家都明白。", "箇中道理"),
        ("zh-Hant-TW", SOFTWARE, "这个框架支持这种做法。", "支援這種做法"),
        ("zh-Hant-TW", None, "学校要求松树林保持干净。", "松樹"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str | None, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout66_after_the_rules() -> None:
    """By document, aligned: Taiwan 8 → 0 wrong words (支援, 專案 ×4, 一箇, 松, 十六萬贊 fixed), Hong Kong 4 → 1 (left:
    搜集两百条信息, 信息 after 条: pieces of information, or messages, which the 信息 rule leaves)."""
    assert wrong_words_by_document(HELDOUT66) == {"zh-Hant-TW": 0, "zh-Hant-HK": 1}
