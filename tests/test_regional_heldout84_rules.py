"""Session 55's heldout84 rules (issue 25): the classes of heldout84's first-sight residue (consumer-facing software and
device guides) that carry to other text.  In Taiwan: an input method's code table in software text (五笔码表: 碼表, where
OpenCC writes 碼錶, a stopwatch), an input method's multi-character words in software text (用户词组: 詞組, where s2twp's
片語 is a phrase of grammar), and in any text a smart home (智能家居: 智慧家庭) and Tencent Video's name (腾讯视频:
騰訊視頻); in Hong Kong the code table too.  Widened: software 终端 → 終端機 before
二维码 / 会渲染 / 发出 / 访问 / 直接连接 and after TTY or 粘回, and the laptop rule's 笔记本 before /PC / 设备 / 查询 / 语义化
(Taiwan 筆電, Hong Kong 手提電腦) (hooks/zhudu/script/data/regional.yml: the ``# Session 55 — heldout84`` blocks and the
``Session 55 (heldout84)`` lines)."""

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
NEW = rules_after_marker("# Session 55 — heldout84")
HELDOUT84 = bench_conversion.load_review(bench_conversion.SETS["heldout84"])


def test_the_batch_is_in_the_layer() -> None:
    """Five rules: four for Taiwan (two in software text), one for Hong Kong (software text)."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant-TW", "码表", "碼表", SOFTWARE),
        ("zh-Hant-TW", "词组", "詞組", SOFTWARE),
        ("zh-Hant-TW", "智能家居", "智慧家庭", ""),
        ("zh-Hant-TW", "腾讯视频", "騰訊視頻", ""),
        ("zh-Hant-HK", "码表", "碼表", SOFTWARE),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; its not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, in general and in software text."""
    assert_batch_keeps_opencc_phrases(code, [r for r in NEW if r.code == code])


@pytest.mark.parametrize(
    ("code", "domain", "source", "expected"),
    [
        # Other text, outside the set, as shipped: the packages' other lines and sentences like theirs.
        ("zh-Hant-TW", SOFTWARE, "新增懒加载机制，不再立即加载码表。", "載入碼表"),
        ("zh-Hant-HK", SOFTWARE, "新增懒加载机制，不再立即加载码表。", "載入碼表"),
        ("zh-Hant-TW", SOFTWARE, "查询用户词组的编码。", "使用者詞組"),
        ("zh-Hant-TW", SOFTWARE, "按拼音和笔顺快速排序大量简体中文词组。", "中文詞組"),
        ("zh-Hant-TW", GENERAL, "海曼智能家居平台 MCP 服务端", "智慧家庭平台"),
        ("zh-Hant-TW", GENERAL, "华为视频 / 腾讯视频 / B站 等 App 里点「TV/投屏」", "騰訊視頻"),
        ("zh-Hant-TW", SOFTWARE, "macOS 14+ 会拦截终端发出的局域网广播。", "終端機發出"),
        ("zh-Hant-TW", SOFTWARE, "注意：需要 TTY 终端，不支持非交互式环境。", "TTY 終端機"),
        ("zh-Hant-TW", GENERAL, "米家笔记本/PC 设备控制 API 与 CLI。", "筆電/PC"),
        ("zh-Hant-HK", GENERAL, "米家笔记本/PC 设备控制 API 与 CLI。", "手提電腦/PC"),
        # The guards: a low-code form, a cycling computer, a phrase of grammar, an error-code table and an exit code as
        # the earlier sets' labels keep them, an end user,
        # a student's notebook.
        ("zh-Hant-TW", SOFTWARE, "FormCreate 低代码表单渲染引擎。", "低程式碼表單"),
        ("zh-Hant-TW", SOFTWARE, "这个自行车码表可以显示速度和里程。", "碼錶"),
        ("zh-Hant-HK", SOFTWARE, "这个自行车码表可以显示速度和里程。", "碼錶"),
        ("zh-Hant-TW", SOFTWARE, "这个英语词组的意思是放弃。", "片語"),
        ("zh-Hant-TW", SOFTWARE, "故障模式/错误码表/引脚映射全部 JSON 外置。", "錯誤碼錶"),
        ("zh-Hant-TW", GENERAL, "拿不到 PR 号时退出码为 2，且正文照常打印。", "退出碼為 2"),
        ("zh-Hant-TW", SOFTWARE, "这款产品主要面向终端用户。", "終端使用者"),
        ("zh-Hant-TW", GENERAL, "学生笔记本设备采购清单。", "學生筆記本"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout84_after_the_rules() -> None:
    """By document (31 files, 30 software text), aligned: Taiwan 70 → 39 wrong words, Hong Kong 19 → 11."""
    assert wrong_words_by_document(HELDOUT84) == {"zh-Hant-TW": 39, "zh-Hant-HK": 11}
