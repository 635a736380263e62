"""Session 35's conv33 batch (issue 25): rules for the error classes heldout28's first sight showed, written as a Taiwan
or Hong Kong editor's general rules with their own examples (hooks/zhudu/script/data/regional.yml, the
``# Session 35 — conv33`` blocks at the end of zh-Hant, zh-Hant-TW and zh-Hant-HK): Mainland property, transport and
money words, news names as each region writes them, s2twp's software senses in general text where the neighbours show
the sense, and OpenCC phrases that cut 状元 + 数据 and 数人 + 欲.  Also the guards added to earlier rules: 通过 a
resolution, 高校 after a place, 土豆网, Hong Kong's 广电信息 and 奔驰车."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from heldout_shape import (
    assert_new_rule_fires_on_its_example_only,
    layer_alone,
    layer_without,
    opencc_phrases_with,
    rule_cases,
    rules_after_marker,
)
from zhudu.script.domain import GENERAL, SOFTWARE
from zhudu.script.regional import default_regional

#: The batch's words by variant key, in file order.
BATCH = {
    "zh-Hant": "人欲",
    "zh-Hant-TW": (
        "样板间 样板房 平米 公交 大巴车 大巴 对冲基金 蓝筹股 市盈率 市净率 应用商店 澳大利亚 卡扎菲 加沙 本·拉登 本-拉登 "
        "本拉登 拉登 哈马斯 查韦斯 马杜罗 卡斯特罗 默多克 梅德韦杰夫 阿萨德 贝卢斯科尼 希拉克 格林斯潘 伯南克 穆加贝 "
        "埃尔多安 斯诺登 新奥尔良 达尔富尔 基地组织 元数据 保存 仿真 优化 禁用 窗口"
    ),
    "zh-Hant-HK": "样板间 样板房 平米 公交 大巴车 大巴 卡扎菲 萨科齐 布莱尔",
}
LAYER = default_regional().rules
NEW = rules_after_marker("# Session 35 — conv33")
CASES = rule_cases(NEW)


def test_the_batch_is_in_the_layer() -> None:
    """Every word of the batch has its rule, for general text, in its block (51 rules: 1 both, 41
    Taiwan, 9 Hong Kong)."""
    assert {code: " ".join(r.word for r in NEW if r.code == code) for code in BATCH} == BATCH
    assert len(NEW) == 51 and all(r.domain == "" for r in NEW)


@pytest.mark.parametrize(("rule", "code"), CASES)
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word; without the batch it did not; the not-sentences read as before the batch."""
    assert_new_rule_fires_on_its_example_only(rule, code, LAYER, NEW)


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Property, transport, money.
        (
            "zh-Hant-TW",
            "参观样板间后他付了首付，一百二十平米；坐公交回家；对冲基金买了蓝筹股，市盈率不高；去澳大利亚旅游。",
            "參觀樣品屋後他付了頭期款，一百二十平方公尺；坐公車回家；避險基金買了績優股，本益比不高；去澳洲旅遊。",
        ),
        (
            "zh-Hant-HK",
            "参观样板间后他付了首付，一百二十平米；坐公交回家；一辆大巴在高速上侧翻。",
            "參觀示範單位後他付了首期，一百二十平方米；坐巴士回家；一輛旅遊巴在高速上側翻。",
        ),
        # News names.
        (
            "zh-Hant-TW",
            "卡扎菲、查韦斯和卡斯特罗；哈马斯控制加沙；本·拉登之死；伯南克接替格林斯潘；默多克收购报纸。",
            "格達費、查維茲和卡斯楚；哈瑪斯控制加薩；賓拉登之死；柏南克接替葛林斯潘；梅鐸收購報紙。",
        ),
        (
            "zh-Hant-HK",
            "卡扎菲会见萨科齐和布莱尔；哈马斯控制加沙。",
            "卡達菲會見薩爾科齊和貝理雅；哈馬斯控制加沙。",
        ),
        # s2twp's software senses where the neighbours show the general sense, and OpenCC's phrases that cut words.
        (
            "zh-Hant-TW",
            "这些作品被保存至今；仿真花很逼真；优化营商环境；农药被明令禁用；上市时间窗口；状元数据；数人欲离开。",
            "這些作品被保存至今；仿真花很逼真；優化營商環境；農藥被明令禁用；上市時間窗口；狀元數據；數人欲離開。",
        ),
        ("zh-Hant-HK", "数人欲离开，存天理灭人欲。", "數人欲離開，存天理滅人慾。"),
    ],
)
def test_the_batch_by_topic(code: str, source: str, expected: str) -> None:
    """Sentences of the batch's classes, none from a held-out set."""
    assert layer_alone(code)(source) == expected


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Passing a resolution or a bill, by a body or with a word between: 通過; by means of: 透過.
        ("zh-Hant-TW", "安理会通过了停火决议。", "安理會通過了停火決議。"),
        (
            "zh-Hant-TW",
            "议会昨天通过停火决议，联合国通过一项法案。",
            "議會昨天通過停火決議，聯合國通過一項法案。",
        ),
        ("zh-Hant-TW", "我们通过邮件联系。", "我們透過郵件聯絡。"),
        # 高校 after a place with a university of its name stays; elsewhere it is 大學.
        ("zh-Hant-TW", "台湾高校招收大陆学生，北京高校也扩招。", "臺灣高校招收大陸學生，北京高校也擴招。"),
        ("zh-Hant-TW", "国内重点高校扩招。", "國內重點大學擴招。"),
        # 土豆网 is a name.
        ("zh-Hant-TW", "土豆网上线了新节目，晚饭吃土豆。", "土豆網上線了新節目，晚飯吃馬鈴薯。"),
        ("zh-Hant-HK", "土豆网上线了新节目，晚饭吃土豆。", "土豆網上線了新節目，晚飯吃薯仔。"),
        # Hong Kong: a company's name, and a Mercedes car.
        ("zh-Hant-HK", "广电信息发布公告，更多信息见官网。", "廣電信息發佈公告，更多資訊見官網。"),
        ("zh-Hant-HK", "他坐在奔驰车内，骏马奔驰在草原上。", "他坐在平治車內，駿馬奔馳在草原上。"),
        # The currency's full name and Ian Murdock.
        ("zh-Hant-TW", "澳大利亚元升值；伊恩·默多克创立了它。", "澳大利亞元升值；伊恩·默多克創立了它。"),
    ],
)
def test_the_guards_added_to_earlier_rules(code: str, source: str, expected: str) -> None:
    assert layer_alone(code)(source) == expected


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_the_batch_keeps_opencc_phrases_that_contain_its_words(code: str) -> None:
    """Inside one of OpenCC's own phrases a word of the batch gives what the layer wrote there before, in general and
    in software text."""
    phrases = opencc_phrases_with({r.word for r in NEW})
    for domain in (GENERAL, SOFTWARE):
        layer, before = layer_alone(code, domain), layer_without(code, LAYER, NEW, domain)
        assert {k for k in phrases if layer(k) != before(k)} == set()


def test_a_built_note_shows_the_batch(site_builder: Callable[..., object]) -> None:
    """A real build: the Taiwan and Hong Kong pages show the batch's words."""
    note = "---\ntitle: 看房\n---\n\n# 看房\n\n参观样板间后坐公交回家，卡扎菲的新闻在放。\n"
    result = site_builder(notes={"n.md": note})
    assert result.ok and result.warnings == []  # type: ignore[attr-defined]
    expected = {
        "zh-Hant-TW": "參觀樣品屋後坐公車回家，格達費的新聞在放。",
        "zh-Hant-HK": "參觀示範單位後坐巴士回家，卡達菲的新聞在放。",
    }
    for code, sentence in expected.items():
        page = (result.site_dir / code / "notes" / "n" / "index.html").read_text(encoding="utf-8")  # type: ignore[attr-defined]
        assert re.search(rf"<p[^>]*>{sentence}</p>", page), code
