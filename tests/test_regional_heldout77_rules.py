"""Session 54's heldout77 rules (issue 25): the classes of heldout77's first-sight residue (blog themes and blog tools
in their authors' voice) that carry to other text.  In Taiwan and Hong Kong, any text: reused after 行 (行复用: 行複用,
not OpenCC's 行復用, its phrase 行復 taking 复).  In Hong Kong, any text: releasing again and again (不断发布: 不斷發佈,
not OpenCC's 不斷髮布, 斷髮 being cutting one's hair).  Widened: backing a theme's author, Taiwan in any text and Hong
Kong in software text (感谢各位的支持, 如果各位能支持一下, 想支持我继续开发, 任意方式支持我：, 感谢支持这个项目的朋友, Hong
Kong's 赞助者的支持) (hooks/zhudu/script/data/regional.yml: the ``# Session 54 — heldout77`` blocks and the ``Session
54 (heldout77)`` lines)."""

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
NEW = rules_after_marker("# Session 54 — heldout77")
HELDOUT77 = bench_conversion.load_review(bench_conversion.SETS["heldout77"])


def test_the_batch_is_in_the_layer() -> None:
    """One rule for both Traditional variants and one for Hong Kong, both in any text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "行复用", "行複用", ""),
        ("zh-Hant-HK", "断发布", "斷發佈", ""),
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
        # Other text, outside the set, as shipped: sentences like the themes' and the pool's.
        ("zh-Hant-TW", GENERAL, "我们对模块进行复用，减少重复代码。", "進行複用"),
        ("zh-Hant-HK", SOFTWARE, "组件之间可以进行复用。", "進行複用"),
        ("zh-Hant-HK", GENERAL, "官方会不断发布新的补丁。", "不斷發佈"),
        ("zh-Hant-HK", SOFTWARE, "网络中断发布失败，请重试。", "中斷發佈"),
        ("zh-Hant-TW", GENERAL, "我们将继续依赖各位的支持。", "各位的支持"),
        ("zh-Hant-TW", SOFTWARE, "如果你想支持我继续维护这个主题，可以请我喝杯咖啡。", "支持我繼續"),
        ("zh-Hant-TW", SOFTWARE, "感谢支持本站的每一位读者。", "感謝支持"),
        ("zh-Hant-HK", SOFTWARE, "如果各位能支持一下，我会继续更新。", "各位能支持"),
        ("zh-Hant-HK", SOFTWARE, "它得到了公共和私人赞助者的支持。", "贊助者的支持"),
        ("zh-Hant-HK", SOFTWARE, "你可以通过以下方式支持我：", "支持我："),
        # The guards: cutting hair, a program's support, a support team.
        ("zh-Hant-HK", GENERAL, "她剪断发带后离开了。", "剪斷髮"),
        ("zh-Hant-HK", GENERAL, "古越人断发文身。", "斷髮文身"),
        ("zh-Hant-TW", SOFTWARE, "本主题支持懒加载和多种评论系统。", "支援懶"),
        ("zh-Hant-HK", SOFTWARE, "本主题支持懒加载和多种评论系统。", "支援懶"),
        ("zh-Hant-HK", SOFTWARE, "请联系我们的支持团队。", "支援團隊"),
        ("zh-Hant-TW", SOFTWARE, "请联系您的支持团队。", "支援團隊"),
        ("zh-Hant-TW", GENERAL, "本插件支持作者、标题等字段。", "支援作者"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout77_after_the_rules() -> None:
    """By document (43 files software text, NexT's contributing guide and ipelago's README general), aligned: Taiwan
    10 → 4 wrong words, Hong Kong 7 → 0 (left: Taiwan 欄數 ×2 and 欄寬 for a grid's or a menu's columns, 宣告 for a
    licence declared, 预设声明了 CC0-1.0 许可证)."""
    assert wrong_words_by_document(HELDOUT77) == {"zh-Hant-TW": 4, "zh-Hant-HK": 0}
