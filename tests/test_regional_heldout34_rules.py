"""Session 38's heldout34 rules (issue 25): the classes of heldout34's first-sight residue (Hong Kong's finance and law
prose) that carry to other text: OpenCC's phrases 出籤 and 併成 taking a neighbour's character (签保, 并成立), s2twp's
software senses in a court's and a regulator's words (支持 → 支援, 程序 → 程式, 文件 → 檔案, 命令 → 指令, 项目 → 專案),
ties between places (联系 → 聯絡, 连接 → 連線) and an event's week (科技周) in Taiwan (hooks/zhudu/script/data/
regional.yml, the ``# Session 38 — heldout34`` blocks, and the amended 并 and 命令 rules)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_rule_fires_in_its_domain,
    bench_conversion,
    rule_cases,
    rules_after_marker,
    shipped,
    software_text,
    wrong_words_by_document,
)
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 38 — heldout34")
HELDOUT34 = bench_conversion.load_review(bench_conversion.SETS["heldout34"])


def test_the_batch_is_in_the_layer() -> None:
    """Eight rules: one for both variants, seven Taiwan; one for general text only."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "签保", "簽保", ""),
        ("zh-Hant-TW", "支持", "支持", ""),
        ("zh-Hant-TW", "联系", "聯繫", ""),
        ("zh-Hant-TW", "连接", "連接", ""),
        ("zh-Hant-TW", "程序", "程序", ""),
        ("zh-Hant-TW", "文件", "文件", ""),
        ("zh-Hant-TW", "周", "週", ""),
        ("zh-Hant-TW", "项目", "項目", "general"),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """In text of the rule's domain, the example gives the rule's word and did not without the batch; the
    not-sentences (drawing lots, a program's support, a contact person, a server in Hong Kong, a configuration file, a
    person named 周 and 周边) read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # The package's sentences outside the set's 320.
        ("zh-Hant-TW", "又或在法庭席前的民事诉讼方，也可被法庭下令签保。", "下令簽保"),
        ("zh-Hant-HK", "又或在法庭席前的民事诉讼方，也可被法庭下令签保。", "下令簽保"),
        (
            "zh-Hant-TW",
            "公众咨询期结束后，政府接纳专责小组的建议并成立机构以设计更完善的制度。",
            "建議並成立",
        ),
        ("zh-Hant-HK", "该审裁处裁定上诉得直，但处长申请司法覆核，并成功推翻该审裁处的裁决。", "並成功推翻"),
        ("zh-Hant-TW", "控罪一和控罪二如非一并成立便是一并不成立。", "一併成立"),
        ("zh-Hant-TW", "为加强地区合作，政府会成立协进会，以促进两地联系。", "兩地聯繫"),
        ("zh-Hant-TW", "审裁组似曾裁定，运用刑事证据规则和刑事程序规则是合乎逻辑的。", "刑事程序規則"),
        ("zh-Hant-TW", "案中并无证据支持任何关于「配合」的裁决。", "證據支持"),
        ("zh-Hant-TW", "香港位处连接内地与世界各地的理想位置。", "連接內地"),
        ("zh-Hant-TW", "我们会继续以审慎的态度来认可公开要约投资产品及其销售文件。", "銷售文件"),
        ("zh-Hant-TW", "香港交易所于星期二晚上在金融科技周活动公布一系列新举措。", "金融科技週"),
        ("zh-Hant-TW", "(b) 命令答辩人须作出任何合理的作为。", "命令答辯人"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        ("zh-Hant-TW", "这个版本支持中文。", "支援中文"),
        ("zh-Hant-TW", "运行 `ls` 命令查看文件。", "指令"),
        ("zh-Hant-TW", "打开配置文件列明的端口。", "配置檔案"),
        ("zh-Hant-TW", "这个开源项目很受欢迎。", "開源專案"),
        ("zh-Hant-TW", "请联系我们的客服。", "聯絡"),
    ],
)
def test_software_senses_stay(code: str, source: str, expected: str) -> None:
    """A program's support, command, configuration file and project, and getting in touch, read as before."""
    assert expected in software_text(code)(source)


def test_heldout34_after_the_rules() -> None:
    """By document (each file general text): Taiwan 21 → 4 wrong words, Hong Kong 4 → 2."""
    assert wrong_words_by_document(HELDOUT34) == {"zh-Hant-TW": 4, "zh-Hant-HK": 2}
