"""A reader review (rv24) of the built sites, session 45 — cv (issue 25).

What a Taiwan and a Hong Kong reader found on the shipped notes' site and on Hexo's: 里 inside a transliterated name
written as "inside" (迈克尔·伯里 → 伯裡 / 伯裏 in a note's body, a table cell and the glossary's alias); Taiwan's cloud
words (s2twp's 雲端計算, 雲平臺, 雲服務: 雲端運算, 雲端平台, 雲端服務), 台 as Taiwan writes it (平台, 一台電腦, not
s2twp's 臺), a level people reach (人類水準) and furniture (家具); Hong Kong's silicon (矽, not 硅) and a video call or a
live voice-and-video exchange (視像, not 視頻); and the seeds' film and names (author data in
docs/editorial/conversion.yml: 《大賣空》 and 麥可·路易士 in Taiwan, 《沽注一擲》 in Hong Kong).  Rules:
hooks/zhudu/script/data/regional.yml, the ``# Session 45 — cv`` blocks.

Hong Kong's 通過 "by means of" is 透過 in the notes by the editor's rules (the notes' own places); the default layer
leaves s2hkp's 通過 in general, as the sets' Hong Kong labels, many from Hong Kong's own government and financial texts,
write 通過 383 times to 透過's 17.  水平 for a level beyond 人类 is left too (the Taiwan labels: 水平 25, 水準 11).
"""

from __future__ import annotations

import re

import pytest
from test_regional_review32_senses import HK, TW, convert  # the layer alone, by variant and domain

from heldout_shape import (
    RULES,
    VARIANTS,
    assert_batch_keeps_opencc_phrases,
    assert_rule_fires_in_its_domain,
    layer_alone,
    layer_without,
    opencc_phrases_with,
    rule_cases,
    rules_after_marker,
    shipped,
)
from zhudu.script.convert import Converter
from zhudu.script.domain import GENERAL, SOFTWARE
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 45 — cv")

#: (variant, sentence, forms the reader accepts there: any one of them, forms that must not be there).
SENTENCES = [
    # 里 in a transliterated name: after or before a middle dot, or after a character that precedes 里 only in names.
    (TW, "《大空头》讲的是迈克尔·伯里等人的故事。", ("邁克爾·伯里",), ("伯裡",)),
    (HK, "《大空头》讲的是迈克尔·伯里等人的故事。", ("邁克爾·伯里",), ("伯裏",)),
    (TW, "导演盖·里奇拍过很多黑帮片。", ("蓋·里奇",), ("裡奇",)),
    (HK, "导演盖·里奇拍过很多黑帮片。", ("蓋·里奇",), ("裏奇",)),
    (TW, "歌手凯蒂·佩里和演员亚历克斯·科里都来了。", ("凱蒂·佩里", "·科里"), ("裡",)),
    (TW, "派拉蒙的大股东沙里·雷德斯通同意出售公司。", ("沙里·雷德斯通",), ("沙裡",)),
    (HK, "派拉蒙的大股东沙里·雷德斯通同意出售公司。", ("沙里·雷德斯通",), ("沙裏",)),
    (
        TW,
        "坎特伯里大主教在索尔兹伯里见了埃里克和杰里米。",
        ("坎特伯里", "索爾茲伯里", "埃里克", "傑里米"),
        ("裡",),
    ),
    (
        HK,
        "坎特伯里大主教在索尔兹伯里见了埃里克和杰里米。",
        ("坎特伯里", "索爾茲伯里", "埃里克", "傑里米"),
        ("裏",),
    ),
    (TW, "但是默里先生说，这些都是可疑的闲话。", ("默里先生",), ("默裡",)),
    # … and 里 "inside" keeps 裡 / 裏, next to names and dots too.
    (
        TW,
        "这里、那里、哪里、心里、夜里、家里、城里都一样。",
        ("這裡、那裡、哪裡、心裡、夜裡、家裡、城裡",),
        (),
    ),
    (
        HK,
        "这里、那里、哪里、心里、夜里、家里、城里都一样。",
        ("這裏、那裏、哪裏、心裏、夜裏、家裏、城裏",),
        (),
    ),
    (TW, "这里奇怪得很，家里夫妻吵架，这里维修中。", ("這裡奇怪", "家裡夫妻", "這裡維修"), ()),
    (TW, "他在尘埃里找到一枚硬币，她的沉默里有很多话。", ("塵埃裡", "沉默裡"), ()),
    (TW, "那枚戒指包在手帕里，大伯里屋坐着客人。", ("手帕裡", "大伯裡屋"), ()),
    (TW, "纪录片《城市·里面》讲的是拆迁，《城里·乡下》讲两代人。", ("·裡面", "城裡·"), ()),
    (HK, "纪录片《城市·里面》讲的是拆迁，《城里·乡下》讲两代人。", ("·裏面", "城裏·"), ()),
    # Taiwan's cloud words.
    (TW, "中心式的ai（云计算）是对普罗大众更悲哀的未来。", ("（雲端運算）",), ("雲端計算",)),
    (TW, "你可以把网站部署到任何云平台上。", ("雲端平台上",), ("雲平臺",)),
    (TW, "Chatopera 云服务按接口调用次数计费。", ("雲端服務",), ()),
    (TW, "我租了一台云服务器，数据放在云存储里。", ("一台雲伺服器", "雲端儲存"), ("雲端服務器",)),
    # 台 as Taiwan writes it; a place's 臺 and a typhoon's 颱 stay s2twp's.
    (TW, "权力原来属于国家实验室，现在属于一个人 + 一台电脑。", ("一台電腦",), ("一臺",)),
    (TW, "这台机器要接两台显示器，每台 3 万元。", ("這台機器", "兩台顯示器", "每台"), ("臺",)),
    (TW, "用户可以在平台上发布文章，跨平台使用也没问题。", ("平台上", "跨平台"), ("平臺",)),
    (TW, "我们去五台山玩了三天，这台风很大。", ("五臺山", "這颱風"), ()),
    # A level people reach; furniture.
    (TW, "指能在大多数认知任务上达到或超过人类水平的人工智能。", ("人類水準",), ()),
    (TW, "把木板放在水平面上。", ("水平面",), ()),
    (TW, "搬家可以直接把房间吊出来，不用打包摆设、搬家具。", ("搬家具",), ("傢俱",)),
    # Hong Kong: silicon, and a video call or exchange (a clip stays 影片, audio-and-video streams OpenCC's).
    (HK, "芯片制造中把电路图形投影到硅片上的设备。", ("矽片",), ("硅",)),
    (HK, "实时语音视频交互震撼全场，我们明天开视频会议。", ("語音視像互動", "視像會議"), ("視頻", "交互")),
    (HK, "他把旅行拍的视频上传到了网上，音视频同步出了问题。", ("影片上傳", "音視頻同步"), ()),
]


@pytest.mark.parametrize("domain", [GENERAL, SOFTWARE])
@pytest.mark.parametrize(
    ("code", "source", "accepted", "wrong"), SENTENCES, ids=[f"{c[-2:]}-{s}" for c, s, *_ in SENTENCES]
)
def test_the_reader_gets_the_regional_word(
    domain: str, code: str, source: str, accepted: tuple[str, ...], wrong: tuple[str, ...]
) -> None:
    converted = convert(code, domain, source)
    assert all(form in converted for form in accepted), (converted, accepted)
    assert not any(form in converted for form in wrong), (converted, wrong)


def test_the_batch_is_in_the_layer() -> None:
    """Three rules for both variants (里 in a name), seven Taiwan rules, two Hong Kong rules."""
    assert [(r.code, r.word, r.out) for r in NEW] == [
        ("zh-Hant", "里", "里"),
        ("zh-Hant", "里", "里"),
        ("zh-Hant", "里", "里"),
        ("zh-Hant-TW", "云计算", "雲端運算"),
        ("zh-Hant-TW", "云平台", "雲端平台"),
        ("zh-Hant-TW", "云服务", "雲端服務"),
        ("zh-Hant-TW", "平台", "平台"),
        ("zh-Hant-TW", "台", "台"),
        ("zh-Hant-TW", "人类水平", "人類水準"),
        ("zh-Hant-TW", "家具", "家具"),
        ("zh-Hant-HK", "硅", "矽"),
        ("zh-Hant-HK", "视频", "視像"),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_only(rule, code: str) -> None:
    """The example gives the rule's word, which it did not without the batch; its ``not`` sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


def test_opencc_phrases_keep_their_forms_in_hong_kong() -> None:
    """Inside OpenCC's own phrases holding a new word (伯里, 硅质岩, 视频 …) Hong Kong's output does not change."""
    assert_batch_keeps_opencc_phrases(HK, [r for r in NEW if r.code in (HK, "zh-Hant")])


def test_opencc_phrases_change_only_taiwans_tai_and_furniture() -> None:
    """Inside OpenCC's own phrases (平台, 跨平台, 三台, 家具行 …) the batch changes only s2twp's 臺 to 台 and 傢俱 to 家具,
    on purpose; place names (七臺河, 三臺縣, 五臺山), Kiribati (吉里巴斯) and the rest keep OpenCC's forms."""
    new = [r for r in NEW if r.code in (TW, "zh-Hant")]
    layer, before = layer_alone(TW, GENERAL), layer_without(TW, LAYER, new, GENERAL)
    changed = {
        k: (before(k), layer(k)) for k in opencc_phrases_with({r.word for r in new}) if layer(k) != before(k)
    }
    assert {"平台", "跨平台", "两台", "家具行"} <= set(changed)
    assert {
        k: old for k, (old, now) in changed.items() if old.replace("臺", "台").replace("傢俱", "家具") != now
    } == {}
    assert {"七台河", "三台县", "五台山", "基里巴斯"}.isdisjoint(changed)


@pytest.mark.parametrize(
    ("code", "page", "shown", "not_shown"),
    [
        (TW, "glossary/index.html", ("邁克爾·伯里", "麥可·路易士", "大賣空"), ("伯裡", "大空頭", "劉易斯")),
        (
            HK,
            "glossary/index.html",
            ("邁克爾·伯里", "沽注一擲", "米高·路易斯"),
            ("伯裏", "大空頭", "劉易斯", "貝瑞"),
        ),
        (
            TW,
            "notes/socialist-technology-and-production/index.html",
            ("雲端運算", "家具"),
            ("雲端計算", "傢俱"),
        ),
        (TW, "notes/technology-devolution-2025/index.html", ("一台電腦",), ("一臺",)),
        (TW, "notes/ai-bubble-open-source-doge-2025/index.html", ("「大賣空」麥可·貝瑞",), ("大空頭",)),
        # rv28: the editor's note on a fund's filing (持仓文件) reads a document, not a computer file.
        (TW, "notes/ai-bubble-open-source-doge-2025/index.html", ("持倉文件",), ("持倉檔案",)),
        (
            HK,
            "notes/ai-bubble-open-source-doge-2025/index.html",
            (
                "「沽注一擲」米高·貝利",
                "試圖透過",
                "貝利的 Scion",
                "包括貝利",
            ),  # the editor's notes name him as the body does
            ("大空頭", "貝瑞"),
        ),
        (HK, "notes/socialist-technology-and-production/index.html", ("透過近場",), ("通過近場",)),
        (HK, "notes/socialist-technology-and-production/index.html", ("語音視像",), ("視頻",)),
    ],
)
def test_the_shipped_site_shows_the_regional_words(real_site, code: str, page: str, shown, not_shown) -> None:
    """What a reader of the built site reads (the shared strict build of the shipped notes)."""
    html = real_site.build.page(f"{code}/{page}")
    text = re.sub(
        r"<[^>]*>", "", html
    )  # the words as read: a name's middle dot is wrapped with its neighbour
    assert all(form in text for form in shown), [f for f in shown if f not in text]
    assert not any(form in html or form in text for form in not_shown), [
        f for f in not_shown if f in html + text
    ]


def test_the_seeds_taiwan_names_read_as_taiwan_writes_them() -> None:
    """The editor's rules (author data) give the film's and the author's Taiwan names, Michael as 麥可 in both."""
    tw = shipped(TW)("迈克尔·刘易斯的《大空头》写的是迈克尔·贝瑞。")
    assert tw == "麥可·路易士的《大賣空》寫的是麥可·貝瑞。"
    assert shipped(HK)("“大空头”归来") == "「沽注一擲」歸來"


def test_hong_kong_names_one_person_one_way() -> None:
    """rv28: Hong Kong's 米高·貝利 in the body but 貝瑞 in the editor's notes, and Michael Lewis as 邁克爾·劉易斯 in the
    glossary card; the editor's rules give 貝利 and 米高·路易斯 wherever the text is."""
    hk = shipped(HK)("迈克尔·刘易斯写过迈克尔·贝瑞；包括贝瑞在内。")
    assert hk == "米高·路易斯寫過米高·貝利；包括貝利在內。"


@pytest.mark.parametrize(
    ("sentence", "shown", "not_shown"),
    [
        (
            "嵌套列表里，外层项目和内层项目的缩进不同；清单项目可以勾选。",
            ("外層項目", "內層項目", "清單項目"),
            ("專案",),
        ),
        ("基金每季度提交 13F 文件，申报文件要写明持仓。", ("13F 文件", "申報文件"), ("檔案",)),
        # A repository's subproject and a file name keep s2twp's words.
        ("外层项目组把子项目的申报文件名改了。", ("外層專案組", "子專案", "申報檔名"), ("項目",)),
    ],
)
def test_taiwan_reads_list_items_and_filings_in_general_text(sentence: str, shown, not_shown) -> None:
    """rv28: an item of a list is 項目 (s2twp's 外層專案) and a fund's filing a 文件 (s2twp's 檔案) in Taiwan."""
    tw = Converter(VARIANTS[TW], RULES, domain=GENERAL).text(sentence)
    assert all(form in tw for form in shown) and not any(form in tw for form in not_shown), tw
