"""Session 54's heldout73 rules (issue 25): the classes of heldout73's first-sight residue (information security docs)
that carry to other text.  In Taiwan and Hong Kong, any text: a token or a certificate reissued (换发: 換發, not
OpenCC's phrase 換髮, a change of hair; hair words keep it) and ThreatBook's company name (微步在线: 微步在線, not 線上).
Digital forensics (数字取证): Taiwan 數位鑑識, Hong Kong 數碼取證.  Hong Kong: a program's support team after 我们的
(我们的支持团队: 支援團隊; backing a team keeps 支持).  Widened in Taiwan: backing kept as 支持 not before a support team,
返回 → 回傳 before what is returned encrypted or decrypted or a null value, 全局 → 全域 before 值, 类型 → 型別 before 提示
(hooks/zhudu/script/data/regional.yml: the ``# Session 54 — heldout73`` blocks and the ``Session 54 (heldout73)``
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
NEW = rules_after_marker("# Session 54 — heldout73")
HELDOUT73 = bench_conversion.load_review(bench_conversion.SETS["heldout73"])


def test_the_batch_is_in_the_layer() -> None:
    """Five rules: two for both variants, one for Taiwan, two for Hong Kong, all in any text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "换发", "換發", ""),
        ("zh-Hant", "微步在线", "微步在線", ""),
        ("zh-Hant-TW", "数字取证", "數位鑑識", ""),
        ("zh-Hant-HK", "数字取证", "數碼取證", ""),
        ("zh-Hant-HK", "支持团队", "支援團隊", ""),
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
        ("zh-Hant-TW", SOFTWARE, "临期自动换发、并发只放一个换发在途。", "臨期自動換發"),
        ("zh-Hant-HK", GENERAL, "短 JWT 换发 + 缓存/刷新 + 纯 RS256 验签", "短 JWT 換發"),
        ("zh-Hant-TW", GENERAL, "驾照到期前要去换发新证。", "換發新證"),
        ("zh-Hant-HK", SOFTWARE, "| 飞书Webhook | 微步在线 | FOFA |", "微步在線"),
        ("zh-Hant-TW", SOFTWARE, "确保数字取证第一现场绝对防篡改。", "數位鑑識第一現場"),
        ("zh-Hant-HK", SOFTWARE, "原生运行 21 个核心逆向分析与数字取证工具。", "數碼取證工具"),
        (
            "zh-Hant-HK",
            GENERAL,
            "在 Debian 长期支持团队中，志愿者们针对他们感兴趣的软件包开展工作。",
            "長期支援團隊",
        ),
        ("zh-Hant-TW", SOFTWARE, "如需帮助，请联系我们的支持团队。", "我們的支援團隊"),
        ("zh-Hant-TW", SOFTWARE, "使用 AES 密钥对数据进行加密，并返回加密后的数据。", "回傳加密後"),
        ("zh-Hant-TW", SOFTWARE, "查询为空时直接返回空值。", "回傳空值"),
        ("zh-Hant-TW", SOFTWARE, "不传的项回落管理器的全局值。", "全域值"),
        ("zh-Hant-TW", SOFTWARE, "createHash 会为您提供一些类型提示，避免发生拼写错误。", "型別提示"),
        # The guards: hair, backing a team, the whole picture, going back, kinds of things, Hong Kong's 返回.
        ("zh-Hant-TW", GENERAL, "她去理发店换发型了，还想换发色。", "換髮型"),
        ("zh-Hant-HK", GENERAL, "她去理发店换发型了，还想换发色。", "換髮色"),
        ("zh-Hant-HK", GENERAL, "我们支持团队的决定。", "支持團隊"),
        ("zh-Hant-HK", GENERAL, "球迷们一直支持团队。", "支持團隊"),
        ("zh-Hant-TW", GENERAL, "感谢大家的支持和厚爱。", "支持和厚愛"),
        ("zh-Hant-TW", GENERAL, "这需要从全局出发考虑问题。", "全局出發"),
        ("zh-Hant-TW", GENERAL, "从全局值得一看的是人口变化。", "全局值得"),
        ("zh-Hant-TW", GENERAL, "点击这里返回首页。", "返回首頁"),
        ("zh-Hant-TW", GENERAL, "这里列出了手册页的类型。", "類型"),
        ("zh-Hant-HK", SOFTWARE, "使用 RSA 公钥对数据进行加密，并返回加密后的数据。", "返回加密後"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout73_after_the_rules() -> None:
    """By document (49 files, all software text), aligned: Taiwan 14 → 1 wrong word, Hong Kong 5 → 1 (left: Taiwan
    全局香农熵 (全域); Hong Kong 请联系邮箱： (Zhudu's 電郵信箱, the label's 電郵)).  网络访问能力 (存取) was left by this
    set's rules and read right after heldout71's and heldout72's, merged beside them (session 54)."""
    assert wrong_words_by_document(HELDOUT73) == {"zh-Hant-TW": 1, "zh-Hant-HK": 1}
