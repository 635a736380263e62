"""Session 41's heldout44 rules (issue 25): the classes of heldout44's first-sight residue (investment products'
offering documents) that carry to other text: in both variants OpenCC's phrases across a word (有關係列, 有關征收) and
编制 compiling a document, an index or accounts (編製, not a staff establishment's 編制); in Taiwan s2twp's software
senses in a prospectus (a fund's procedures 程式, its documents 檔案, its investment items 專案, collateral's backing 支援,
數據資料 written 資料資料) and Mauritius as Hong Kong names it (毛里裘斯: 模里西斯); in Hong Kong 應佔 (attributable to)
(hooks/zhudu/script/data/regional.yml: the ``# Session 41 — heldout44`` blocks)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_new_rules_keep_opencc_phrases,
    assert_rule_fires_in_its_domain,
    bench_conversion,
    rule_cases,
    rules_after_marker,
    shipped,
    wrong_words_by_document,
)
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 41 — heldout44")
HELDOUT44 = bench_conversion.load_review(bench_conversion.SETS["heldout44"])


def test_the_batch_is_in_the_layer() -> None:
    """Eleven new rules, none held to a domain: three for both variants, seven for Taiwan, one for Hong Kong."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "有关系列", "有關系列", ""),
        ("zh-Hant", "征收", "徵收", ""),
        ("zh-Hant", "编制", "編製", ""),
        ("zh-Hant-TW", "程序", "程序", ""),
        ("zh-Hant-TW", "文件", "文件", ""),
        ("zh-Hant-TW", "本文件", "本文件", ""),
        ("zh-Hant-TW", "项目", "項目", ""),
        ("zh-Hant-TW", "数据资料", "數據資料", ""),
        ("zh-Hant-TW", "支持", "支持", ""),
        ("zh-Hant-TW", "毛里裘斯", "模里西斯", ""),
        ("zh-Hant-HK", "应占", "應佔", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; no relation before a train, a staff
    establishment, a configuration file and a payment program that crashed read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes but Taiwan's 规范性文件, which an earlier 文件 rule
    of the same variant and domain writes (the check takes every such rule out with the batch)."""
    new = {(r.code, r.word, r.domain) for r in NEW}
    assert_new_rules_keep_opencc_phrases(code, new, on_purpose={"规范性文件"})


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # The package's other text: its offering documents' sentences outside the set.
        ("zh-Hant-TW", "本基金的风险管理程序已向中央银行提供。", "風險管理程序"),
        ("zh-Hant-TW", "本补充文件应与基金章程一并阅读。", "本補充文件"),
        ("zh-Hant-HK", "基金经理负责编制财务报表。", "編製財務報表"),
        ("zh-Hant-HK", "股东应占溢利按年上升。", "應佔溢利"),
        # Other text: an accountant's budget, a tax office's levy, a bank's investments; a program, a file, a staff.
        ("zh-Hant-TW", "财务部门正在编制预算和报表。", "編製預算"),
        ("zh-Hant-TW", "请留意有关征收印花税的安排。", "有關徵收"),
        ("zh-Hant-TW", "银行将减少高风险的投资项目。", "投資項目"),
        ("zh-Hant-TW", "付款程序崩溃了，请重启。", "付款程式崩潰"),
        ("zh-Hant-TW", "把配置文件应提交到仓库。", "配置檔案"),
        ("zh-Hant-HK", "这个部门的人员编制文件还没下发。", "人員編制文件"),
        ("zh-Hant-TW", "这和他没有关系列车照常开。", "沒有關係列車"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_heldout44_after_the_rules() -> None:
    """By document (one file, general text): Taiwan 21 → 1 wrong word (估算制作出, the imputation system: left), Hong
    Kong 8 → 1 (the same)."""
    assert wrong_words_by_document(HELDOUT44) == {"zh-Hant-TW": 1, "zh-Hant-HK": 1}
