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


#: Session 35 — rev33: a second editor's sentences that tempted the batch (and conv33's guards on earlier rules) to
#: misfire, each now read as a Taiwan or Hong Kong editor writes it; the batch's own sense stays beside each.
REV33_MISFIRES = [
    (
        "zh-Hant-TW",
        "他个人欲望太强，很多人欲望膨胀，三人欲火中烧。",
        "他個人慾望太強，很多人慾望膨脹，三人慾火中燒。",
    ),
    ("zh-Hant-HK", "个人欲求不满，众人欲言又止。", "個人慾求不滿，眾人欲言又止。"),
    ("zh-Hant-TW", "这个样板房间里摆满了家具。", "這個樣板房間裡擺滿了家具。"),
    (
        "zh-Hant-TW",
        "吉林四平米业公司今年增产，街角有家四平米线店；房子四十平米。",
        "吉林四平米業公司今年增產，街角有家四平米線店；房子四十平方公尺。",
    ),
    ("zh-Hant-HK", "吉林四平米业公司今年增产，房子四十平米。", "吉林四平米業公司今年增產，房子四十平方米。"),
    (
        "zh-Hant-TW",
        "北京、上海等公交都市的经验值得学习；地铁、轮渡等公交方式都很方便；在车站等公交。",
        "北京、上海等公交都市的經驗值得學習；地鐵、輪渡等公交方式都很方便；在車站等公車。",
    ),
    (
        "zh-Hant-HK",
        "地铁、轮渡等公交方式都很方便；在车站等公交。",
        "地鐵、輪渡等公交方式都很方便；在車站等巴士。",
    ),
    (
        "zh-Hant-TW",
        "坐大巴车回老家要十个小时；机场大巴车每半小时一班；他坐大巴去上海出差；长途大巴侧翻；旅行团包了一辆大巴。",
        "坐大巴車回老家要十個小時；機場大巴車每半小時一班；他坐大巴去上海出差；長途大巴側翻；旅行團包了一輛遊覽車。",
    ),
    (
        "zh-Hant-HK",
        "长途大巴车站人很多；搭大巴去机场；一辆载满游客的大巴车翻了。",
        "長途大巴車站人很多；搭大巴去機場；一輛載滿遊客的旅遊巴翻了。",
    ),
    (
        "zh-Hant-TW",
        "用期权对冲基金的风险敞口，他是对冲基金经理。",
        "用期權對沖基金的風險敞口，他是避險基金經理。",
    ),
    (
        "zh-Hant-TW",
        "这项技术被广泛应用商店防盗领域；游戏已在应用商店上架。",
        "這項技術被廣泛應用商店防盜領域；遊戲已在應用程式商店上架。",
    ),
    (
        "zh-Hant-TW",
        "南澳大利亚州的首府是阿德莱德，澳大利亚联邦成立于1901年，他去过澳大利亚。",
        "南澳大利亞州的首府是阿得雷德，澳大利亞聯邦成立於1901年，他去過澳洲。",
    ),
    (
        "zh-Hant-TW",
        "最后加沙拉酱拌匀，客厅外加沙发，拉美加沙特的石油产量；以色列空袭加沙。",
        "最後加沙拉醬拌勻，客廳外加沙發，拉美加沙烏地的石油產量；以色列空襲加薩。",
    ),
    (
        "zh-Hant-TW",
        "一本拉登的传记，这本拉登传记很畅销；他把门一拉登时愣住了；拉登堡是德国小镇；本拉登被击毙。",
        "一本拉登的傳記，這本拉登傳記很暢銷；他把門一拉登時愣住了；拉登堡是德國小鎮；賓拉登被擊斃。",
    ),
    (
        "zh-Hant-TW",
        "Debian 的创始人默多克于 2015 年去世；新闻集团创始人默多克。",
        "Debian 的創始人默多克於 2015 年去世；新聞集團創始人梅鐸。",
    ),
    (
        "zh-Hant-TW",
        "威尔士的斯诺登山，斯诺登尼亚国家公园；斯诺登事件。",
        "威爾士的斯諾登山，斯諾登尼亞國家公園；史諾登事件。",
    ),
    (
        "zh-Hant-TW",
        "这个培训基地组织成员参观了工厂，科研基地组织策划了一场研讨会；恐怖组织基地组织。",
        "這個培訓基地組織成員參觀了工廠，科研基地組織策劃了一場研討會；恐怖組織蓋達組織。",
    ),
    (
        "zh-Hant-TW",
        "MP3元数据编辑器读取ID3元数据；今日元数据更新；状元数据。",
        "MP3後設資料編輯器讀取ID3後設資料；今日後設資料更新；狀元數據。",
    ),
    (
        "zh-Hant-TW",
        "设计作品保存失败；作品保存路径可以修改；手稿保存完好。",
        "設計作品儲存失敗；作品儲存路徑可以修改；手稿保存完好。",
    ),
    (
        "zh-Hant-TW",
        "这次仿真花了三个小时，仿真人员正在调参数；仿真花很逼真。",
        "這次模擬花了三個小時，模擬人員正在調參數；仿真花很逼真。",
    ),
    (
        "zh-Hant-TW",
        "管理员一律禁用JavaScript，一律禁用插件；这种农药已被明令禁用。",
        "管理員一律停用JavaScript，一律停用外掛；這種農藥已被明令禁用。",
    ),
    (
        "zh-Hant-TW",
        "点击日期时间窗口中的确定按钮；上市时间窗口。",
        "點選日期時間視窗中的確定按鈕；上市時間窗口。",
    ),
    (
        "zh-Hant-HK",
        "布莱尔·沃尔多夫，奥威尔原名埃里克·布莱尔，丹尼斯·布莱尔；英国前首相布莱尔。",
        "布萊爾·沃爾多夫，奧威爾原名埃里克·布萊爾，丹尼斯·布萊爾；英國前首相貝理雅。",  # 埃里克: session 45,
    ),
    (
        "zh-Hant-TW",
        "联合国通过外交途径解决争端，国会通过听证会了解情况；安理会通过了停火决议。",
        "聯合國透過外交途徑解決爭端，國會透過聽證會了解情況；安理會通過了停火決議。",
    ),
    (
        "zh-Hant-TW",
        "江苏高校、成都高校、西安高校、广东高校的毕业生；国内重点高校扩招。",
        "江蘇高校、成都高校、西安高校、廣東高校的畢業生；國內重點大學擴招。",
    ),
    (
        "zh-Hant-TW",
        "土豆网上很便宜，土豆网购比超市便宜；土豆网上线了新节目。",
        "馬鈴薯網路上很便宜，馬鈴薯網購比超市便宜；土豆網上線了新節目。",
    ),
    ("zh-Hant-HK", "土豆网上买更便宜；土豆网和优酷合并。", "薯仔網上買更便宜；土豆網和優酷合併。"),
    (
        "zh-Hant-HK",
        "推进广电信息化建设，广电信息服务平台上线；广电信息发布公告。",
        "推進廣電資訊化建設，廣電資訊服務平台上線；廣電信息發佈公告。",
    ),
    (
        "zh-Hant-HK",
        "汽车在公路上奔驰车速很快，列车奔驰车窗外风景飞逝；他坐在奔驰车内。",
        "汽車在公路上奔馳車速很快，列車奔馳車窗外風景飛逝；他坐在平治車內。",
    ),
]


@pytest.mark.parametrize(("code", "source", "expected"), REV33_MISFIRES)
def test_the_misfires_a_second_editor_found(code: str, source: str, expected: str) -> None:
    assert layer_alone(code)(source) == expected
