"""Session 54's heldout72 rules (issue 25): the classes of heldout72's first-sight residue (operations and
infrastructure docs) that carry to other text.  In both variants, any text: a few minutes after 十几 (十几分钟: 幾分鐘,
not OpenCC's 十幾分鍾).  In Taiwan: a TLS certificate renewed, issued or expiring in software text (证书: 憑證; not a
paper one, 资格证书, 税务驻在地证书), a window of time in operations (中断窗口, 弹性窗口: 窗口, not s2twp's 視窗 on
screen), a user's or a file's access in software text (访问: 存取; not a count of visits, 用户访问量), and a call after
只 (只调用: 只呼叫).  Widened: software 全局 → 全域 closing a bracket, 当前 → 目前 before 区域 / 模板
(hooks/zhudu/script/data/regional.yml: the ``# Session 54 — heldout72`` blocks and the ``Session 54 (heldout72)``
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
NEW = rules_after_marker("# Session 54 — heldout72")
HELDOUT72 = bench_conversion.load_review(bench_conversion.SETS["heldout72"])


def test_the_batch_is_in_the_layer() -> None:
    """One rule for both variants in any text; four for Taiwan, three of them in software text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "几分钟", "幾分鐘", ""),
        ("zh-Hant-TW", "证书", "憑證", "software"),
        ("zh-Hant-TW", "窗口", "窗口", ""),
        ("zh-Hant-TW", "访问", "存取", "software"),
        ("zh-Hant-TW", "只调用", "只呼叫", "software"),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; its not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, in general and in software text."""
    assert_batch_keeps_opencc_phrases(code, NEW)


@pytest.mark.parametrize(
    ("code", "domain", "source", "expected"),
    [
        # Other text, outside the set, as shipped: the packages' other lines and sentences like theirs.
        ("zh-Hant-TW", GENERAL, "这个地方几分钟前还是那么冷清安静，现在已经一片忙乱了。", "幾分鐘前"),
        ("zh-Hant-HK", SOFTWARE, "镜像拉取大概要二十几分钟，请耐心等待。", "二十幾分鐘"),
        ("zh-Hant-TW", SOFTWARE, "七牛上传更新证书", "更新憑證"),
        ("zh-Hant-TW", SOFTWARE, "顺带审证书到期：看哪些已经 EXPIRED。", "審憑證到期"),
        ("zh-Hant-TW", SOFTWARE, "包括 S3 使用核查、证书续期排障和访问来源分析。", "憑證續期"),
        ("zh-Hant-TW", GENERAL, "变更窗口定在周六凌晨，停机窗口不超过半小时。", "停機窗口"),
        ("zh-Hant-TW", SOFTWARE, "未带时第一次滚动切换会有已告知的毫秒级窗口。", "毫秒級窗口"),
        ("zh-Hant-TW", SOFTWARE, "对外开放 8080 端口，以供用户访问。", "使用者存取"),
        ("zh-Hant-TW", SOFTWARE, "只调用一次接口就返回。", "只呼叫一次"),
        (
            "zh-Hant-TW",
            SOFTWARE,
            "授权范围：private(私有)/app(应用)/global(全局)，默认 global",
            "global(全域)",
        ),
        (
            "zh-Hant-TW",
            GENERAL,
            "apropos 通常会通过调用 C 语言函数 setlocale(3) 来确定您的当前区域设置。",
            "目前區域設定",
        ),
        # The guards: paper certificates, a window on screen, a count of visits, a page visited, supplies allocated,
        # Hong Kong's own words untouched.
        ("zh-Hant-TW", SOFTWARE, "本基金已向当局申请为税务驻在地证书续期。", "駐在地證書續期"),
        ("zh-Hant-TW", SOFTWARE, "请先更新资格证书再报名。", "資格證書"),
        ("zh-Hant-TW", SOFTWARE, "关闭这个窗口即可退出。", "視窗"),
        ("zh-Hant-TW", SOFTWARE, "统计每天的用户访问量。", "訪問量"),
        (
            "zh-Hant-TW",
            SOFTWARE,
            "当用户访问一个展示了某个列表的页面时，可以用 Modal 弹出一个表单。",
            "訪問一個",
        ),
        ("zh-Hant-TW", GENERAL, "这次只调用物资，不调用资金。", "只調用物資"),
        ("zh-Hant-HK", SOFTWARE, "443 的中断窗口约 10 秒，证书 6 天就过期。", "中斷窗口"),
        ("zh-Hant-HK", SOFTWARE, "443 的中断窗口约 10 秒，证书 6 天就过期。", "證書"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout72_after_the_rules() -> None:
    """By document (53 files, all but one software text), aligned: Taiwan 20 → 3 wrong words, Hong Kong 2 → 1 (left:
    Taiwan 而证书 6 天就过期, LE 以后改窗口形状, 升级无「连接被拒」窗口; Hong Kong the last of them)."""
    assert wrong_words_by_document(HELDOUT72) == {"zh-Hant-TW": 3, "zh-Hant-HK": 1}
