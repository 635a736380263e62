"""Session 53's heldout68 rules (issue 25): the classes of heldout68's first-sight residue (the docs of note-taking and
study tools) that carry to other text.  In Taiwan: a maths function's graph (函数图像, 函数图象: 函數圖像, not s2twp's
函式影像, a program's function and a photograph).  Widened: 支持 for backing the author (以打赏的方式支持我一下, both
variants), 通过 failing a check (环境检查不通过：通過), software 全局 → 全域 before 清理 / 目录 and 返回 → 回傳 before an
error returned (hooks/zhudu/script/data/regional.yml: the ``# Session 53 — heldout68`` block and the ``Session 53
(heldout68)`` lines)."""

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
NEW = rules_after_marker("# Session 53 — heldout68")
HELDOUT68 = bench_conversion.load_review(bench_conversion.SETS["heldout68"])


def test_the_batch_is_in_the_layer() -> None:
    """Two rules for Taiwan, in any text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant-TW", "函数图像", "函數圖像", ""),
        ("zh-Hant-TW", "函数图象", "函數圖象", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; its not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


def test_opencc_phrases_keep_their_forms() -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, in general and in software text."""
    assert_batch_keeps_opencc_phrases("zh-Hant-TW", NEW)


@pytest.mark.parametrize(
    ("code", "domain", "source", "expected"),
    [
        # Other text, outside the set, as shipped: the packages' other lines and sentences like theirs.
        ("zh-Hant-TW", GENERAL, "在坐标系里画出这个函数图像。", "函數圖像"),
        ("zh-Hant-TW", SOFTWARE, "观察函数图象的走势，再求零点。", "函數圖象"),
        ("zh-Hant-TW", GENERAL, "如果你喜欢这篇笔记，可以请我喝杯咖啡支持我一下。", "支持我一下"),
        ("zh-Hant-HK", SOFTWARE, "本软件完全开源，如果你愿意，可以以打赏的方式支持我一下。", "支持我一下"),
        ("zh-Hant-TW", SOFTWARE, "校验不通过：请检查配置文件。", "校驗不通過"),
        ("zh-Hant-TW", GENERAL, "如果测试不通过，请先修复再提交。", "測試不通過"),
        ("zh-Hant-TW", SOFTWARE, "放该 notebook 的全局目录和索引。", "全域目錄"),
        ("zh-Hant-TW", SOFTWARE, "cleanup 不传参数时做全局清理。", "全域清理"),
        ("zh-Hant-TW", SOFTWARE, "接口失败时返回错误码和错误信息。", "回傳錯誤碼"),
        # The guards: a program's function, support a program gives, 不通过 before a means, the whole picture.
        ("zh-Hant-TW", SOFTWARE, "调用这个函数即可。", "函式"),
        ("zh-Hant-TW", SOFTWARE, "本插件支持我们常用的格式。", "支援我們"),
        ("zh-Hant-HK", SOFTWARE, "本插件支持我们常用的格式。", "支援我們"),
        ("zh-Hant-TW", GENERAL, "真理可以不通过观察和经验获得。", "不透過觀察"),
        ("zh-Hant-TW", GENERAL, "这需要从全局出发考虑问题。", "全局出發"),
        ("zh-Hant-TW", SOFTWARE, "点击按钮返回当前位置。", "返回目前位置"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout68_after_the_rules() -> None:
    """By document (29 files, all software text), aligned: Taiwan 10 → 4 wrong words, Hong Kong 2 → 1 (left: 访问 ×2,
    where Taiwan's 存取 has no tight class; 并返回前后对比差异, where 返回前 is also "before going back"; 发行界面, a
    release page, in both variants)."""
    assert wrong_words_by_document(HELDOUT68) == {"zh-Hant-TW": 4, "zh-Hant-HK": 1}
