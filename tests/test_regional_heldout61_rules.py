"""Session 51's heldout61 rules (issue 25): the classes of heldout61's first-sight residue (nine PyPI packages' Chinese
READMEs: ddddocr, bert4keras, HarvestText, fastHan, HttpRunner, jiagu, ltp, xmnlp, qstock) that carry to other text.  In
Taiwan and Hong Kong: entering words into a segmenter's dictionary (将其登录到词典中, 把找到的新词登录: 登錄, not OpenCC's
and Zhudu's Hong Kong 登入 of logging in).  In Taiwan: an operator (算子, not s2twp's 運算元 "operand", which also cuts
就算子弹 and 打算子女), an example after 输出 / 给出 (出範例: the 示例 rule's not-prev 出 guards 出示), a value returned by
default, in a form or under a heading in software text (默认返回, 以list的形式返回, 返回形式, 结果返回：: 回傳).  Widened: the
code-number 代码 rule takes a stock's or a sector's code beside its short name (个股代码, 概念代码, 简称或代码, 代码或简称,
代码、名称: 代碼, not s2twp's 程式碼) (hooks/zhudu/script/data/regional.yml: the ``# Session 51 — heldout61`` blocks and
the ``Session 51 (heldout61)`` line)."""

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
NEW = rules_after_marker("# Session 51 — heldout61")
HELDOUT61 = bench_conversion.load_review(bench_conversion.SETS["heldout61"])


def test_the_batch_is_in_the_layer() -> None:
    """Two rules for both variants, three for Taiwan (one of them in software text only)."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "登录到", "登錄到", ""),
        ("zh-Hant", "新词登录", "新詞登錄", ""),
        ("zh-Hant-TW", "算子", "算子", ""),
        ("zh-Hant-TW", "出示例", "出範例", ""),
        ("zh-Hant-TW", "返回", "回傳", "software"),
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
        # Other text, outside the set, as shipped: the packages' other lines and sentences like theirs.
        ("zh-Hant-HK", SOFTWARE, "可以把领域术语登录到用户词典，分词时就不会被切开。", "登錄到用户詞典"),
        ("zh-Hant-TW", GENERAL, "可以把领域术语登录到用户词典，分词时就不会被切开。", "登錄到使用者詞典"),
        ("zh-Hant-TW", GENERAL, "拉普拉斯算子和微分算子都是线性算子。", "拉普拉斯算子和微分算子都是線性算子"),
        ("zh-Hant-TW", SOFTWARE, "他打算子女长大后再学卷积算子。", "打算子女"),
        ("zh-Hant-TW", SOFTWARE, "下面给出示例代码，再列出示例输出。", "給出範例程式碼，再列出範例輸出"),
        ("zh-Hant-TW", SOFTWARE, "不输入参数时，默认返回某市场实时指标。", "預設回傳某市場"),
        ("zh-Hant-TW", SOFTWARE, "时间相关属性默认返回时间戳，支持格式化。", "預設回傳時間戳記"),
        ("zh-Hant-TW", SOFTWARE, "rpc模式下，等待rpc结果返回的超时时间。", "結果回傳的"),
        ("zh-Hant-TW", GENERAL, "code:输入板块行业或概念代码或简称", "概念代碼或簡稱"),
        ("zh-Hant-TW", SOFTWARE, "个股code_list可以输入代码或简称或多个股票的list", "輸入代碼或簡稱"),
        # The guards: logging in, showing a document, going back, source code.
        ("zh-Hant-TW", GENERAL, "请先登录到词典网站再查询生词。", "登入到詞典網站"),
        ("zh-Hant-HK", GENERAL, "登录到系统后即可使用词典。", "登入到系統"),
        ("zh-Hant-TW", GENERAL, "请出示例行检查的证件。", "出示例行"),
        ("zh-Hant-TW", SOFTWARE, "点击按钮后默认返回首页。", "預設返回首頁"),
        ("zh-Hant-TW", SOFTWARE, "操作完成后默认返回上一页。", "預設返回上一頁"),
        ("zh-Hant-TW", SOFTWARE, "请检查这段代码或简化它。", "這段程式碼"),
        ("zh-Hant-HK", GENERAL, "就算子弹打光了也不退。", "就算子彈"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout61_after_the_rules() -> None:
    """By document (9 files, software text), aligned: Taiwan 16 → 3 wrong words, Hong Kong 2 → 0 (left: 返回目标的边界框
    and 返回 after a comma, 连接到的实体 for entity linking)."""
    assert wrong_words_by_document(HELDOUT61) == {"zh-Hant-TW": 3, "zh-Hant-HK": 0}
