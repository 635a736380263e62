"""Session 41's heldout39 rules (issue 25): the classes of heldout39's first-sight residue (the articles of the PRC's
laws in force) that carry to other text: in both variants OpenCC's phrase 护发 across 保护 + 发展 (保護髮展), the main
stream of a river (干流: 幹流), chemicals easily made into explosives (易制爆: 易製爆) and OpenCC's old variant 翫忽 for
玩忽; in Taiwan s2twp's software senses in statute text (a procedure's 程序, a law's backing 支持, special equipment's
設備, a listed heritage item's 項目, a document's 文件, papers an authority keeps 保存, a body set up 設置, 高級人民法院),
the Mainland 運營 and 音視頻 (營運, 影音) and a law's passing (通過和施行日期, 債權人會議通過) that the 通过 rule made
透過 (hooks/zhudu/script/data/regional.yml: the ``# Session 41 — heldout39`` blocks and the ``Session 41
(heldout39)`` lines of the 通过, 项目, 设备 and 设置 rules)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    RULES,
    VARIANTS,
    assert_rule_fires_in_its_domain,
    bench_conversion,
    rule_cases,
    rules_after_marker,
    wrong_words_by_document,
)
from zhudu.script.convert import Converter
from zhudu.script.domain import GENERAL
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 41 — heldout39")
HELDOUT39 = bench_conversion.load_review(bench_conversion.SETS["heldout39"])


def test_the_batch_is_in_the_layer() -> None:
    """Four rules for both variants and eight for Taiwan, three of them in general text only (the other classes
    widen the 通过, 项目, 设备 and 设置 rules)."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "护发展", "護發展", ""),
        ("zh-Hant", "干流", "幹流", ""),
        ("zh-Hant", "易制爆", "易製爆", ""),
        ("zh-Hant", "玩忽", "玩忽", ""),
        ("zh-Hant-TW", "程序", "程序", ""),
        ("zh-Hant-TW", "支持", "支持", "general"),
        ("zh-Hant-TW", "运营", "營運", ""),
        ("zh-Hant-TW", "音视频", "影音", ""),
        ("zh-Hant-TW", "文件", "文件", "general"),
        ("zh-Hant-TW", "数据", "數據", "general"),
        ("zh-Hant-TW", "保存", "保存", ""),
        ("zh-Hant-TW", "高级人民法院", "高級人民法院", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; its not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # The laws' sentences outside the set's 320.
        ("zh-Hant-HK", "国家实行森林资源保护发展目标责任制和考核评价制度。", "保護發展目標"),
        ("zh-Hant-TW", "本法所称长江干流，是指长江源头至长江河口。", "長江幹流"),
        ("zh-Hant-HK", "禁止在黄河干流岸线和重要支流岸线的管控范围内新建化工园区。", "黃河幹流"),
        ("zh-Hant-TW", "购买易制爆危险化学品的，应当持本单位出具的合法用途说明。", "易製爆"),
        ("zh-Hant-HK", "司法工作人员滥用职权、玩忽职守的，依法给予处分。", "玩忽職守"),
        ("zh-Hant-TW", "人民法院应当裁定终止重整程序，并宣告债务人破产。", "重整程序"),
        ("zh-Hant-TW", "代表有权依照法律规定的程序提出质询案。", "規定的程序"),
        ("zh-Hant-TW", "村民委员会应当支持和组织村民依法发展经济。", "應當支持"),
        ("zh-Hant-TW", "关键信息基础设施的运营者应当自行或者委托网络安全服务机构进行检测评估。", "營運者"),
        ("zh-Hant-TW", "网络视听节目服务提供者不得传播含有上述内容的音视频节目。", "影音節目"),
        ("zh-Hant-TW", "经营者提交的文件、资料不完备的，应当在规定期限内补交。", "文件、資料"),
        ("zh-Hant-TW", "死刑缓期执行的，可以由高级人民法院判决或者核准。", "高級人民法院"),
        ("zh-Hant-TW", "国家鼓励社会力量参与非物质文化遗产代表性项目的保护。", "代表性項目"),
        ("zh-Hant-TW", "特种设备使用单位应当建立岗位责任制度。", "特種設備"),
        ("zh-Hant-TW", "从业人员超过一百人的，应当设置安全生产管理机构。", "設置安全生產管理機構"),
        ("zh-Hant-TW", "债权人会议通过破产财产分配方案后，由管理人执行。", "會議通過破產"),
        # Other text and the guards: hair care, a process's steps, a network carrier, voice and video, a backup's
        # files, a program run, and 通过 "by means of" left as it was.
        ("zh-Hant-TW", "这款护发素很好用。", "護髮素"),
        ("zh-Hant-TW", "需要经过若干流程才能办好。", "若干流程"),
        ("zh-Hant-TW", "网络运营商提高了资费。", "運營商"),
        ("zh-Hant-TW", "完全免费，实时语音视频互动。", "語音"),
        ("zh-Hant-TW", "请删除备份文件、数据和设置。", "檔案"),
        ("zh-Hant-TW", "所需经费由村民会议通过筹资筹劳解决。", "透過籌資"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion of a general site writes the classes right in sentences the rules were not written
    from."""
    assert expected in Converter(VARIANTS[code], RULES, domain=GENERAL).text(source)


def test_heldout39_after_the_rules() -> None:
    """By document (eight law departments, general text): Taiwan 27 → 0 wrong words, Hong Kong 5 → 0."""
    assert wrong_words_by_document(HELDOUT39) == {"zh-Hant-TW": 0, "zh-Hant-HK": 0}
