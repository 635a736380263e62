"""Session 35's everyday one-to-many rules (issue 25; regional.yml, the ``# Session 35 — conv32`` blocks): written from
sentences made up for each character, not from a held-out set.

Both variants: 干 done (幹的, 幹得) or dry (乾了, 乾透, 乾一杯), 霉 bad luck (霉運, 觸霉頭: not the mould's 黴), 扎 a needle
(扎了一針), 折合 an amount (not folding's 摺合), 系 tying (繫在, 繫得), 冲 brewing or a shower (沖), 松 loose (鬆), the
surname 余, 游过 swimming across (游).  Taiwan: 网上 (網路上; 網路 before what is done online), 比 + a word beginning
with 特 (no bit, 位元), 酒店 where a stay is booked (飯店)."""

from __future__ import annotations

import html

import pytest

from heldout_shape import assert_new_rules_keep_opencc_phrases, layer_alone, layer_without
from zhudu.script.regional import default_regional

#: The session's words; 冲 shares its word with session 34's water rule and 酒店 with an earlier Taiwan rule, told apart
#: by their context.
BOTH_WORDS = (
    "干的",
    "干得",
    "干了",
    "干透",
    "干一杯",
    "霉运",
    "霉头",
    "扎了",
    "折合",
    "系在",
    "系得",
    "冲",
    "松",
    "余",
    "游过",
)
TAIWAN_WORDS = ("网上", "比特", "酒店")
RULES = default_regional().rules


def is_new(rule) -> bool:  # type: ignore[no-untyped-def]
    if rule.code == "zh-Hant" and rule.word in BOTH_WORDS:
        # conv34's 干得 (乾得: 嗓子干得难受) and 扎了 (after a thorn, no next) are tested in test_regional_conv34.py.
        if (rule.word, rule.out) == ("干得", "乾得") or (rule.word == "扎了" and not rule.next):
            return False
        # rev34's 干得 after a chore (搬水泥干得很卖力) is tested in test_regional_conv34.py.
        if rule.word == "干得" and "搬水泥" in rule.prev:
            return False
        # heldout37's 余 after a dynasty's dot (明·余邵鱼) is tested in test_regional_heldout37_rules.py.
        if rule.word == "余" and "明·" in rule.prev:
            return False
        # heldout35's 松 after a cook's 拍 (拍松) is tested in test_regional_heldout35_rules.py.
        if rule.word == "松" and "拍" in rule.prev:
            return False
        return rule.word != "冲" or "咖啡" in rule.next
    if rule.code == "zh-Hant-TW" and rule.word in TAIWAN_WORDS:
        # heldout56's 比特 before 里 / 出 in software text (an OpenCC cut) is tested in test_regional_heldout56_rules.py.
        if rule.word == "比特" and rule.domain == "software":
            return False
        return "一家" in rule.prev if rule.word == "酒店" else True
    return False


NEW = [r for r in RULES if is_new(r)]

BOTH = (
    "这是你干的好事，不是人干的事；他干得很卖力。毛巾干了没有？眼泪都哭干了，袜子还没干透。我们去干一杯。"
    "他最近走了霉运，别去触他的霉头。护士给我扎了一针。一美元折合多少人民币？把马系在树上，绳子系得太松了。"
    "他每天早上冲一杯咖啡，我去冲个澡。他的管理比较松。余老师和老余都姓余。他游过了那条河。"
)
EXPECTED = {
    "zh-Hant-TW": (
        "這是你幹的好事，不是人幹的事；他幹得很賣力。毛巾乾了沒有？眼淚都哭乾了，襪子還沒乾透。我們去乾一杯。"
        "他最近走了霉運，別去觸他的霉頭。護士給我扎了一針。一美元折合多少人民幣？把馬繫在樹上，繩子繫得太鬆了。"
        "他每天早上沖一杯咖啡，我去沖個澡。他的管理比較鬆。余老師和老余都姓余。他游過了那條河。"
    ),
    "zh-Hant-HK": (
        "這是你幹的好事，不是人幹的事；他幹得很賣力。毛巾乾了沒有？眼淚都哭乾了，襪子還沒乾透。我們去乾一杯。"
        "他最近走了霉運，別去觸他的霉頭。護士給我扎了一針。一美元折合多少人民幣？把馬繫在樹上，繩子繫得太鬆了。"
        "他每天早上沖一杯咖啡，我去沖個澡。他的管理比較鬆。余老師和老余都姓余。他游過了那條河。"
    ),
}
TAIWAN = "我在网上买了一本书，网上的评论不能全信；网上购物和网上报名都很方便。这道菜比特辣的还辣。出差时我订了酒店。"
TAIWAN_EXPECTED = "我在網路上買了一本書，網路上的評論不能全信；網路購物和網路報名都很方便。這道菜比特辣的還辣。出差時我訂了飯店。"


def test_the_session_s_rules_are_all_found() -> None:
    assert sorted((r.code, r.word) for r in NEW) == sorted(
        [("zh-Hant", w) for w in BOTH_WORDS] + [("zh-Hant-TW", w) for w in ("网上", "网上", "比特", "酒店")]
    )


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_each_character_takes_the_form_of_its_sense(code: str) -> None:
    assert layer_alone(code)(BOTH) == EXPECTED[code]


def test_taiwan_writes_online_as_wanglu_and_keeps_the_bit_out_of_te_words() -> None:
    assert layer_alone("zh-Hant-TW")(TAIWAN) == TAIWAN_EXPECTED
    # Hong Kong writes 網上 and has no 位元: its output is OpenCC's, with or without the Taiwan rules.
    assert (
        layer_alone("zh-Hant-HK")(TAIWAN)
        == "我在網上買了一本書，網上的評論不能全信；網上購物和網上報名都很方便。這道菜比特辣的還辣。出差時我訂了酒店。"
    )


#: Other senses of the same characters, where the rules must leave the layer's earlier output.
OTHER_SENSES = (
    "晒干的衣服收进来了，风干的腊肉很香，他们干的衣服都收进来了。衣服干得很快。拿着微薄的薪水干了十年，我们说干了就干，"
    "他在工地干了一天活。面包发霉了，墙角长了霉斑，倒霉透了。她扎了一个辫子，部队扎了营。教室里放着几张折合椅，这套折合沙发可以当床。"
    "中文系在三楼，两个系在一起开会，我们系得了第一名。他冲进房间，他冲咖啡馆跑去，他冲杯子里看了一眼。这里有些松树，"
    "他有点松田龙平的样子。其余老师都走了，二十余名学生参加了比赛，最小余数是三，老余下的钱不多了。他游过很多地方，"
    "他游过河南和河北。许多服务器连接在互联网上，渔网上有个洞，他在官网上报名了，孩子们上网上课，网上网下同步销售，"
    "在网上邻居里找到那台电脑。一个字节等于八个比特，比特币价格又涨了，一个比特等于零或一，他比特朗普年轻。尼斯酒店的几大特点。"
)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_the_rules_leave_other_senses(code: str) -> None:
    assert layer_alone(code)(OTHER_SENSES) == layer_without(code, RULES, NEW)(OTHER_SENSES)


#: rev32's second read: sentences written to tempt each rule (the neighbour word in another sense, the word inside a longer
#: word, a name, a site, a number before a bit), where the rules had fired and a Taiwan or Hong Kong editor would not.
MISFIRES = (
    "湿的和干的工作服要分开放，把干的活性炭装进滤网里，病人干的口腔要经常湿润，他们干的被褥都叠好了。"
    "这件衣服它自己干得很快。他学插花干了很久，他在矿井干了大半辈子，为这件事他呕心沥血干了很久，他卖花干了好些年。"
    "我们把这活干透。他苦干一杯水都没喝。面包发霉运到垃圾场，这款防霉运动鞋很透气，这批发霉头盔要销毁，防霉头套要常洗。"
    "她用绳子捆扎了几刀纸，伤口包扎了一针也没缝，部队在山脚驻扎了进一步的兵力。"
    "数学系和物理系在一起办公，两个星系在一起碰撞，两个体系在一起运作会冲突，他们的关系在一起以后变了。"
    "这层关系得很小心地处理，这个体系得很快建立起来，今年我们系得很多奖，这两个派系得紧密合作。"
    "他冲咖啡色的门跑去，他冲豆浆店大喊，缓冲咖啡机的压力。"
    "我们比较松尾芭蕉和小林一茶的俳句，比较松阪牛和神户牛，他有点松冈修造的劲头，有些松鸡在林子里，这块玉有点松石的颜色。"
    "他是老余杭人了，我是老余姚人，这座古城的古老余韵犹存。"
    "我们游过了那条古街，他游过长江三峡，我们游过河谷和山林，他游过河口的小镇，他们在西湖游过一圈就回去了。"
    "我在知网上查到了这篇论文，在淘宝网上买了一双鞋，在携程网上订票很方便，他在当当网上买书，消息在新华网上发布了，"
    "他在凤凰网上看到了消息，在12306网上订票。球打在网上，丢了一分。苍蝇粘在网上动不了。"
    "显示器支持 24 比特色深，每个比特色彩通道单独存储，一个比特地址对应一个存储单元，8 比特好听的芯片音乐，每比特价格下降了一半。"
    "入住如家快捷酒店。"
)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
@pytest.mark.parametrize("domain", ["", "software"])
def test_the_rules_leave_the_senses_that_tempt_them(code: str, domain: str) -> None:
    """Each guarded sentence reads as the layer wrote it before the session's rules (their guards, not a new output)."""
    assert layer_alone(code, domain)(MISFIRES) == layer_without(code, RULES, NEW, domain)(MISFIRES)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_that_hold_a_rule_word_are_kept(code: str) -> None:
    """Inside OpenCC's own phrases a rule word gives what the layer wrote before, but 霉运当头 (霉運當頭, the rule's
    point) and Taiwan's 网上杂志 (網路雜誌); the earlier 冲 and 酒店 rules, sharing a word, are left out with them."""
    new_rules = {(r.code, r.word, r.domain) for r in NEW}
    assert_new_rules_keep_opencc_phrases(code, new_rules, on_purpose={"霉运当头", "网上杂志"})


def test_a_built_site_shows_each_sense_in_both_variants(site_builder) -> None:  # type: ignore[no-untyped-def]
    body = f"{BOTH}\n\n{TAIWAN}\n"
    result = site_builder(notes={"a.md": f"---\ntitle: 周末\ndate: 2024-01-02\n---\n\n{body}"})
    assert result.ok, result.log
    taiwan = html.unescape(result.page("zh-Hant-TW/notes/a/index.html"))
    hong_kong = html.unescape(result.page("zh-Hant-HK/notes/a/index.html"))
    # The site writes 「」 for “” and keeps the sentences whole: each variant's page holds each converted paragraph.
    assert EXPECTED["zh-Hant-TW"] in taiwan and TAIWAN_EXPECTED in taiwan
    assert EXPECTED["zh-Hant-HK"] in hong_kong
    assert "霉運" in hong_kong and "黴運" not in hong_kong and "網路上" not in hong_kong


def test_a_built_site_leaves_the_senses_that_tempt_the_rules(site_builder) -> None:  # type: ignore[no-untyped-def]
    """rev32's misfires, in a note: a galaxy, a relation, a site named X网, a bit's colour depth, a place named 余杭."""
    body = "两个星系在一起碰撞，这层关系得很小心地处理。他是老余杭人了。在淘宝网上买了一双鞋。显示器支持 24 比特色深。\n"
    result = site_builder(notes={"b.md": f"---\ntitle: 杂记\ndate: 2024-01-03\n---\n\n{body}"})
    assert result.ok, result.log
    taiwan = html.unescape(result.page("zh-Hant-TW/notes/b/index.html"))
    hong_kong = html.unescape(result.page("zh-Hant-HK/notes/b/index.html"))
    for page in (taiwan, hong_kong):
        assert "兩個星系在一起碰撞，這層關係得很小心地處理。他是老餘杭人了。" in page
    assert "在淘寶網上買了一雙鞋。顯示器支援 24 位元色深。" in taiwan
