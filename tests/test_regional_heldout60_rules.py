"""Session 51's heldout60 rules (issue 25): the classes of heldout60's first-sight residue (nb_log's, funboost's and
DrissionPage's READMEs and guides) that carry to other text.  In Taiwan and Hong Kong: a global rate limit (全局限流器:
全局, not OpenCC's 侷限 "limitation" across the two words), 全域 in Taiwan's software text.  In Taiwan: 通过 before a
global variable or search (无法通过全局查找: 透過, by means of), inside a function in any text (函数里面: 函式裡, not
OpenCC's 數里 "several li").  Widened: 是只 before what a program does (默认是只打印: 只 "only", not OpenCC's 是隻 of an
animal), Taiwan's 全局 → 全域 before traffic and rate limits (software) and the interpreter lock or a search (any
text), the 全局 rule that keeps 全局 no longer before 限 (完全局限于: OpenCC's 侷限), and Taiwan's software 函数 before
里 not after a constructor (建構函式裡) (hooks/zhudu/script/data/regional.yml: the ``# Session 51 — heldout60`` blocks
and the ``Session 51 (heldout60)`` lines)."""

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
NEW = rules_after_marker("# Session 51 — heldout60")
HELDOUT60 = bench_conversion.load_review(bench_conversion.SETS["heldout60"])


def test_the_batch_is_in_the_layer() -> None:
    """One rule for both variants, three for Taiwan (one of them in software text only)."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "全局限", "全局限", ""),
        ("zh-Hant-TW", "全局限", "全域限", "software"),
        ("zh-Hant-TW", "通过", "透過", ""),
        ("zh-Hant-TW", "函数里", "函式裡", ""),
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
        # Other text, outside the set, as shipped: funboost's and nb_log's other files and sentences like theirs.
        ("zh-Hant-TW", GENERAL, "如果是消费函数里面需要操作django orm，那么请写上装饰器。", "消費函式裡面"),
        (
            "zh-Hant-TW",
            GENERAL,
            "因为当前函数定义没有被async修饰，就不能在函数里面使用await。",
            "在函式裡面使用",
        ),
        ("zh-Hant-TW", SOFTWARE, "这个普通函数里面再去调用消费函数的push方法。", "普通函式裡面"),
        ("zh-Hant-TW", GENERAL, "也可以通过全局变量传递，但是无法通过全局搜索找到它。", "無法透過全域搜"),
        (
            "zh-Hant-TW",
            SOFTWARE,
            "基于Redis心跳协调，实现跨服务器的全局流量控制和全局限速。",
            "全域流量控制和全域限速",
        ),
        (
            "zh-Hant-HK",
            SOFTWARE,
            "基于Redis心跳协调，实现跨服务器的全局流量控制和全局限速。",
            "全局流量控制和全局限速",
        ),
        ("zh-Hant-TW", GENERAL, "CPython 有全局解释器锁，多线程无法利用多核。", "全域直譯器鎖"),
        ("zh-Hant-HK", GENERAL, "自定义的全局限流器可以限制每秒的请求数。", "全局限流器"),
        ("zh-Hant-TW", GENERAL, "它的默认行为是只记录错误日志，也不是只写入文件。", "是只記錄"),
        ("zh-Hant-HK", SOFTWARE, "它的默认行为是只记录错误日志，也不是只写入文件。", "不是只寫入"),
        # The guards: a limitation (局限), a constructor, passing a test, an animal, a distance in li.
        ("zh-Hant-TW", GENERAL, "他的眼光完全局限于此。", "完全侷限於"),
        ("zh-Hant-TW", SOFTWARE, "这是安全局限性的问题。", "安全侷限性"),
        ("zh-Hant-HK", GENERAL, "这是安全局限性的问题。", "安全侷限性"),
        ("zh-Hant-TW", GENERAL, "在构造函数里初始化。", "建構函式裡"),
        ("zh-Hant-TW", SOFTWARE, "在构造函数里初始化，在析构函数里释放。", "在建構函式裡初始化"),
        ("zh-Hant-TW", GENERAL, "这个补丁无法通过全局测试。", "無法通過"),
        ("zh-Hant-TW", GENERAL, "这是只会说话的鹦鹉，那是只小猫。", "那是隻小貓"),
        ("zh-Hant-TW", GENERAL, "他们走了十数里路。", "十數里路"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout60_after_the_rules() -> None:
    """By document (8 files, software text), aligned: Taiwan 7 → 1 wrong words, Hong Kong 3 → 1 (the handle-like
    @boost传参, kept as typed, is left)."""
    assert wrong_words_by_document(HELDOUT60) == {"zh-Hant-TW": 1, "zh-Hant-HK": 1}
