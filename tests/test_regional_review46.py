"""A native reader's review of the built seeds site, session 46 — cw (issue 25).

What a Taiwan and a Hong Kong reader marked on the shipped notes: Taiwan's gifts made to order (訂製, s2twp's 定製),
costly equipment (設備, s2twp's 裝置), a system built and run (運行 by the layer, 營運 by the editor for the note's
sentence; s2twp's 執行 is running a program) and an API reached outside software text (存取, s2twp's 訪問); Hong Kong's
live voice-and-video exchange (互動, s2hkp's 交互).  Rules: hooks/zhudu/script/data/regional.yml, the
``# Session 46 — cw`` blocks and the 设备 and 运行 rules' Session 46 contexts; the note's own choices are the editor's
(docs/editorial/conversion.yml: 超級電腦中心, 大型語言模型, 優化, 公尺 in Taiwan; 雲端運算, 區域網絡, 小區 in Hong Kong),
checked on the seeds by tests/test_script.py.
"""

from __future__ import annotations

import pytest
from test_regional_review32_senses import HK, TW, convert  # the layer alone, by variant and domain

from heldout_shape import assert_rule_fires_in_its_domain, rule_cases, rules_after_marker
from zhudu.script.domain import GENERAL, SOFTWARE
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 46 — cw")

#: (variant, sentence, forms the reader accepts there, forms that must not be there).
SENTENCES = [
    (
        TW,
        "普通人家中制造原型产品、修复物品、定制礼物；这家店接受私人定制。",
        ("訂製禮物", "私人訂製"),
        ("定製",),
    ),
    (TW, "我们可以用以下代码定制页眉；类的高级定制：", ("定製頁首", "高階定製"), ("訂製",)),
    (TW, "对精度、材料强度有要求的工业零件仍需更昂贵的设备。", ("昂貴的設備",), ("裝置",)),
    (TW, "地下物流系统的实际建设和运行情况，地铁的修建和运行。", ("建設和運行", "修建和運行"), ("執行",)),
    (TW, "点击按钮运行脚本。", ("按鈕執行",), ("運行",)),
    (TW, "OpenAI 进一步阻止来自其不支持的国家和地区的 API 访问。", ("API 存取",), ("訪問",)),
    (TW, "这个接口的 API 访问量很大。", ("訪問量",), ("存取",)),
    (HK, "GPT-4o完全免费，实时语音视频交互震撼全场。", ("實時語音視像互動",), ("交互",)),
    (HK, "apt 用于所有的交互式命令行操作，当用户交互触发 onChange 后。", ("交互式", "用户交互"), ("互動",)),
]


@pytest.mark.parametrize(("code", "source", "accepted", "wrong"), SENTENCES)
def test_the_reader_gets_the_regional_word(
    code: str, source: str, accepted: tuple[str, ...], wrong: tuple[str, ...]
) -> None:
    """In general and in software text alike: the rules have no domain."""
    for domain in (GENERAL, SOFTWARE):
        converted = convert(code, domain, source)
        assert [form for form in accepted if form not in converted] == [], (domain, converted)
        assert [form for form in wrong if form in converted] == [], (domain, converted)


def test_the_batch_is_in_the_layer() -> None:
    """Two Taiwan rules and one Hong Kong rule (the 设备 and 运行 contexts joined their rules)."""
    assert [(r.code, r.word, r.out) for r in NEW] == [
        ("zh-Hant-TW", "定制", "訂製"),
        ("zh-Hant-TW", "访问", "存取"),
        ("zh-Hant-HK", "交互", "互動"),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_only(rule, code: str) -> None:
    """The example gives the rule's word, which it did not without the batch; its ``not`` sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)
