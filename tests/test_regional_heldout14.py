"""The fourteenth held-out conversion set (tests/conversion_heldout14.yml): explanatory prose, the Debian Administrator's
Handbook in Simplified Chinese (the project's history, organisation and principles, a case study, security, getting
help); session 27's rules (Mainland words OpenCC leaves, 计算机, 因特网, 众筹, U 盘; OpenCC's 道里 and 当用 phrases that
take a character of the next word; names from iso-codes' currency and country catalogues); the ceilings of every
earlier set moved to test_regional_heldout15.py in session 28."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_set,
    bench_conversion,
    layer_alone,
    layer_without,
    opencc_phrases_with,
)
from zhudu.script.domain import GENERAL, SOFTWARE, text_domain

HELDOUT14 = bench_conversion.load_review(bench_conversion.SETS["heldout14"])


def test_heldout14_set_shape() -> None:
    """320 sentences of 28 pages of the handbook's zh-CN translation (no set used it), none shared with the earlier
    sets, both Traditional forms labelled, every judged word in its sentence and its form in the label."""
    assert_set(HELDOUT14, "conversion_heldout14.yml", "Debian Administrator's Handbook 11 zh-CN ", 320, 9079)
    assert len({bench_conversion.document(e) for e in HELDOUT14}) == 28


def test_heldout14_is_software_text_as_a_whole() -> None:
    """A book about an operating system: the set as one note is software text, so ``--domains`` applies the
    software-only rules (命令 → 指令, 程序 → 程式 in Hong Kong)."""
    assert text_domain("".join(e["zh-Hans"] for e in HELDOUT14)) == SOFTWARE


@pytest.mark.parametrize(
    ("code", "by_domain", "most", "mainland"),
    [
        ("zh-Hant-TW", False, 21, 11),
        ("zh-Hant-TW", True, 15, 5),
        ("zh-Hant-HK", False, 39, 7),
        ("zh-Hant-HK", True, 2, 0),
    ],
)
def test_heldout14_after_its_rules(code: str, by_domain: bool, most: int, mainland: int) -> None:
    """First sight (aligned labels): TW 3.97 (36 wrong words), 3.30 (30) by domain; HK 5.40 (49), 1.32 (12) by domain
    (plain OpenCC 12.23 / 11.01).  After session 27's rules: TW 2.31 (21), 1.65 (15); HK 4.30 (39), 0.22 (2); mainland
    words left at most 1.21 per 1,000; the one place where OpenCC's regional word is lost is as before."""
    figures = bench_conversion.measure(HELDOUT14, code, by_domain=by_domain, names=("opencc", "zhudu"))
    zhudu, plain = figures["zhudu"], figures["opencc"]
    assert zhudu["wrong"] <= most < plain["wrong"]
    assert zhudu["mainland"] <= mainland
    assert zhudu["places"] - zhudu["kept"] <= 1


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Sentences of their own (none from a set): a computer, the Internet, a flash drive, crowdfunding, beside the
        # names and phrases that keep 計算機 / 眾籌.
        (
            "zh-Hant-TW",
            "他用个人计算机上因特网，把文件存进 U 盘，还参加了一次众筹；中国计算机学会的人也来了。",
            "他用個人電腦上網際網路，把檔案存進隨身碟，還參加了一次群眾募資；中國計算機學會的人也來了。",
        ),
        (
            "zh-Hant-HK",
            "他用个人计算机上因特网，把文件存进 U 盘；他在大学读计算机科学。",
            "他用個人電腦上互聯網，把文件存進 USB 手指；他在大學讀計算機科學。",
        ),
        (
            "zh-Hant-TW",
            "只是会计成本，而没有计算机会成本；群众筹集了一点建筑用料。",
            "只是會計成本，而沒有計算機會成本；群眾籌集了一點建築用料。",
        ),
        # OpenCC's 道里 (Harbin's district) takes the 里 "inside" after any word ending in 道; the district and the
        # unit of distance keep 里.
        (
            "zh-Hant-TW",
            "楼道里很黑，我不知道里面有什么，他住在哈尔滨市道里区，损失不可以道里计。",
            "樓道裡很黑，我不知道裡面有什麼，他住在哈爾濱市道里區，損失不可以道里計。",
        ),
        (
            "zh-Hant-HK",
            "楼道里很黑，我不知道里面有什么，他住在哈尔滨市道里区。",
            "樓道裏很黑，我不知道裏面有什麼，他住在哈爾濱市道里區。",
        ),
        # OpenCC's 当用 takes the 用 of 用户: 當用戶 where s2twp writes 使用者 (用户名 stays its phrase).
        ("zh-Hant-TW", "当用户输入用户名时，每当用户登录。", "當使用者輸入使用者名稱時，每當使用者登入。"),
        # Names: the rial, the lilangeni, Trieste and Irian keep 里; Bermuda and the yen (not 今日 + 元旦).
        (
            "zh-Hant-TW",
            "也门里亚尔、里兰吉尼和 3 万日元；他从的里雅斯特去了伊里安岛和百慕大，今日元旦。",
            "葉門里亞爾、里蘭吉尼和 3 萬日圓；他從的里雅斯特去了伊里安島和百慕達，今日元旦。",
        ),
        (
            "zh-Hant-HK",
            "也门里亚尔、里兰吉尼和 3 万日元；他去了百慕大。",
            "也門里亞爾、里蘭吉尼和 3 萬日圓；他去了百慕達。",
        ),
        # OpenCC's misfires inside names: 布尔 (a Boolean, 布林) and 布雷 (laying mines, 佈雷) in transliterations, beside
        # the Boolean and the mines; 里 in Maribor, Podgorica, Rimini; Taiwan's names of capitals.
        (
            "zh-Hant-TW",
            "布尔什维克、乔治·布尔和卢布尔雅那；函数返回布尔值。布雷希特去了布雷西亚，敌军在海上布雷。",
            "布爾什維克、喬治·布爾和盧布爾雅那；函式回傳布林值。布雷希特去了布雷西亞，敵軍在海上佈雷。",
        ),
        (
            "zh-Hant-HK",
            "布雷希特从马里博尔经波德戈里察去了里米尼和帕拉马里博。",
            "布雷希特從馬里博爾經波德戈里察去了里米尼和帕拉馬里博。",
        ),
        (
            "zh-Hant-TW",
            "戈里和菲赫里从伊斯坦布尔经喀布尔去了通布图；他们化干戈里的怨气为友谊。",
            "戈里和菲赫里從伊斯坦堡經喀布爾去了通布圖；他們化干戈裡的怨氣為友誼。",
        ),
        (
            "zh-Hant-TW",
            "从金沙萨、卢萨卡、马普托、多多马、马朱罗、布拉柴维尔、伯尔尼到帕拉马里博；请多多马上回复。",
            "從金夏沙、路沙卡、馬布多、杜篤瑪、馬久羅、布拉薩市、伯恩到巴拉馬利波；請多多馬上回復。",
        ),
        # Widened context rules: backing someone one thanks, an advanced user, the current server.
        (
            "zh-Hant-TW",
            "感谢他支持我们的活动；高级用户知道当前服务器的名字。",
            "感謝他支持我們的活動；進階使用者知道目前伺服器的名字。",
        ),
    ],
)
def test_heldout14_error_classes(code: str, source: str, expected: str) -> None:
    assert layer_alone(code)(source) == expected


#: Session 27's new rules, by (variant key, word).
NEW_RULES = {
    ("zh-Hant", "道"),
    *(("zh-Hant", w) for w in ("里亚尔", "里兰吉尼", "里雅斯特", "伊里安", "百慕大", "日元")),
    *(("zh-Hant", w) for w in ("布雷", "马里博尔", "波德戈里察", "里米尼", "戈里", "赫里", "通布图")),
    *(
        ("zh-Hant-TW", w)
        for w in ("计算机", "因特网", "众筹", "U 盘", " U 盘", "U盘", "当", "布尔", "伊斯坦布尔")
    ),
    *(
        ("zh-Hant-TW", w)
        for w in ("金沙萨", "卢萨卡", "马普托", "多多马", "马朱罗", "布拉柴维尔", "伯尔尼", "帕拉马里博")
    ),
    *(("zh-Hant-HK", w) for w in ("计算机", "因特网", "U 盘", "U盘", "帕拉马里博")),
}
#: OpenCC phrases the new rules change on purpose: a computer inside them is 電腦, 道里 alone is "inside", and the
#: names whose 布尔 s2twp writes 布林 (a Boolean) are 布爾.
ON_PURPOSE = {
    "计算机集成制造",
    "计算机制图",
    "道里",
    "卢布尔雅那",
    "布尔诺",
    "布尔乔亚",
    "布尔什维克",
    "喀布尔",
    "喀布尔河",
}


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_the_new_rules_keep_opencc_phrases_that_contain_their_words(code: str) -> None:
    """As for sessions 19 to 26: inside one of OpenCC's own phrases a new rule word gives what the layer wrote there
    before (道里区 and 不可以道里计 keep 里), but for the computer in 计算机制图 / 计算机集成制造, 道里 itself and the names
    with 布尔 (布爾什維克, not s2twp's 布林什維克)."""

    from zhudu.script.regional import default_regional

    rules = default_regional().rules
    new = [r for r in rules if (r.code, r.word) in NEW_RULES]
    assert {(r.code, r.word) for r in new} == NEW_RULES
    phrases = opencc_phrases_with({r.word for r in new})
    assert {"道里区", "不可以道里计"} <= phrases
    for domain in (GENERAL, SOFTWARE):
        layer, before = layer_alone(code, domain), layer_without(code, rules, new, domain)
        assert {k for k in phrases - ON_PURPOSE if layer(k) != before(k)} == set()
        assert layer("计算机制图") == "電腦製圖" != before("计算机制图")
