"""The thirteenth held-out conversion set (tests/conversion_heldout13.yml): general text with human Taiwan and Hong
Kong forms, the names of the world in iso-codes' catalogues (countries, currencies, languages, scripts); session 26's
rules (the names OpenCC keeps in the Mainland transliteration, 里 kept in a transliterated name, and three leftovers
of the twelfth set: 单击, a software 处理程序, 实现 for an implementation)."""

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

HELDOUT13 = bench_conversion.load_review(bench_conversion.SETS["heldout13"])


def test_heldout13_set_shape() -> None:
    """318 entries of iso-codes 4.15's zh_CN catalogues (no set used them), none shared with the earlier sets, both
    Traditional forms labelled, every judged word in its entry and its form in the label."""
    assert_set(HELDOUT13, "conversion_heldout13.yml", "iso-codes 4.15 iso_", 318, 1565)
    catalogues = {bench_conversion.document(e) for e in HELDOUT13}
    assert catalogues == {
        f"iso-codes 4.15 {c}" for c in ("iso_3166-1", "iso_3166-3", "iso_4217", "iso_639-2", "iso_15924")
    }


def test_heldout13_is_general_text() -> None:
    """Names are general text: the set as one note is not software, so the site's domain changes nothing."""
    assert text_domain("".join(e["zh-Hans"] for e in HELDOUT13)) == GENERAL


@pytest.mark.parametrize(("code", "most", "kept"), [("zh-Hant-TW", 2, 64), ("zh-Hant-HK", 1, 0)])
def test_heldout13_after_its_rules(code: str, most: int, kept: int) -> None:
    """First sight: TW 17.25 (27 wrong words), HK 4.47 (7) per 1,000 (plain OpenCC 17.89 / 5.11); after session 26's
    rules TW 1.28 (2: 黑山 alone, 伊納裡), HK 0.64 (1: 伊納裏), every one of OpenCC's right regional words kept."""
    for by_domain in (False, True):
        figures = bench_conversion.measure(HELDOUT13, code, by_domain=by_domain, names=("opencc", "zhudu"))
        zhudu, plain = figures["zhudu"], figures["opencc"]
        assert zhudu["wrong"] <= most < plain["wrong"]
        assert zhudu["kept"] == zhudu["places"] >= kept
        assert zhudu["mainland"] == 0


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Names in sentences of their own (none from a set), beside the everyday word that shares their characters.
        (
            "zh-Hant-TW",
            "吉布提和马拉维的代表、沙特王储、克什米尔问题专家与黑山共和国总统见面；远处是一座黑山。",
            "吉布地和馬拉威的代表、沙烏地王儲、喀什米爾問題專家與蒙特內哥羅共和國總統見面；遠處是一座黑山。",
        ),
        (
            "zh-Hant-TW",
            "他用墨西哥比索付款，鸡汤加一点盐，汤加王国的国王到了，这里的沙特别细。",
            "他用墨西哥披索付款，雞湯加一點鹽，東加王國的國王到了，這裡的沙特別細。",
        ),
        (
            "zh-Hant-TW",
            "米尔顿·弗里德曼和佩里去了巴厘岛、留尼汪岛和英属维尔京群岛。",
            "米爾頓·弗里德曼和佩里去了峇里島、留尼旺島和英屬維京群島。",
        ),
        (
            "zh-Hant-HK",
            "米尔顿·弗里德曼和佩里去了巴厘岛和留尼汪岛，又去了瓜地马拉。",
            "米爾頓·弗里德曼和佩里去了峇里島和留尼旺島，又去了危地馬拉。",
        ),
        # Names of iso_3166-1 outside the set: Mali beside a country word (not Maryland, Mario or Somalia), Kyrgyzstan.
        (
            "zh-Hant-TW",
            "他在马里工作过，又去了吉尔吉斯斯坦和索马里，但没去马里兰州。",
            "他在馬利工作過，又去了吉爾吉斯和索馬利亞，但沒去馬里蘭州。",
        ),
        ("zh-Hant-HK", "他在马里工作过，又去了文莱。", "他在馬里工作過，又去了汶萊。"),
        # A mouse click is 按一下 in Taiwan in any text.
        ("zh-Hant-TW", "单击右键打开菜单。", "按一下右鍵開啟選單。"),
    ],
)
def test_heldout13_error_classes(code: str, source: str, expected: str) -> None:
    assert layer_alone(code)(source) == expected


@pytest.mark.parametrize(
    ("code", "source", "software", "general"),
    [
        # A handler is a program in software text; an emergency procedure keeps 程序 in any text.
        (
            "zh-Hant-HK",
            "批注处理程序抛出异常，按照应急处理程序撤离。",
            "批註處理程式拋出異常，按照應急處理程序撤離。",
            "批註處理程序拋出異常，按照應急處理程序撤離。",
        ),
        # A service implementation and an implementing class are 實作 in software text; an aim achieved stays 實現.
        # A program's class is 類別 in software text (session 30).
        (
            "zh-Hant-TW",
            "服务实现必须是公共的，实现类不能是抽象类，这个目标尚未实现。",
            "服務實作必須是公共的，實作類別不能是抽象類別，這個目標尚未實現。",
            "服務實現必須是公共的，實現類不能是抽象類，這個目標尚未實現。",
        ),
    ],
)
def test_the_software_leftovers_only_in_software_text(
    code: str, source: str, software: str, general: str
) -> None:
    assert layer_alone(code, SOFTWARE)(source) == software
    assert layer_alone(code)(source) == general


#: Session 26's new Taiwan words: the set's names, 单击, then other iso_3166-1 names.
_TW_WORDS = (  # noqa: SIM905  (a word list reads better as one string)
    "哈希姆 吉布提 维尔京群岛 玻利尼西亚 波利尼西亚 马拉维 黑山 特立尼达和多巴哥 特里尼达和多巴哥 特立尼达 特里尼达 "
    "圣皮埃尔和密克隆 南桑德韦奇岛 南桑威奇群岛 安的列斯 安德列斯 比索 波斯尼亚和黑塞哥维那 波斯尼亚 黑塞哥维那 "
    "新台湾元 沙特 克什米尔 汤加 单击 吉尔吉斯斯坦 吉尔吉斯坦 博兹瓦那 马里 马提尼克 圣路西亚 特克斯和凯科斯群岛 瓜德罗普 "
    "瓦利斯和富图纳"
).split()
#: Session 26's new rules, by (variant key, word): the names, 里 in a transliteration, and the leftovers.
NEW_RULES = {
    *(("zh-Hant-TW", w) for w in _TW_WORDS),
    *(("zh-Hant", w) for w in ("留尼汪", "巴厘", "弗里", "佩里", "处理程序")),
    ("zh-Hant-HK", "瓜地马拉"),
    ("zh-Hant-HK", "新台湾元"),
    ("zh-Hant-HK", "文莱"),
    ("zh-Hant-HK", "马里"),
}
#: OpenCC phrases the new rules change on purpose: Bali and Kashmir inside them are the names.
ON_PURPOSE = {"巴厘岛", "巴控克什米尔"}


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_the_new_rules_keep_opencc_phrases_that_contain_their_words(code: str) -> None:
    """As for sessions 19 to 24: inside one of OpenCC's own phrases a new rule word gives what the layer wrote there
    before (几内亚比索 keeps 比索, 弗里得里希 its phrase), but for the names themselves (巴厘岛 → 峇里島)."""

    from zhudu.script.regional import default_regional

    rules = default_regional().rules
    new = [r for r in rules if (r.code, r.word) in NEW_RULES or (r.word == "实现" and r.domain == SOFTWARE)]
    assert {(r.code, r.word) for r in new} == NEW_RULES | {("zh-Hant-TW", "实现")}
    phrases = opencc_phrases_with({r.word for r in new})
    assert {"几内亚比索", "弗里得里希"} <= phrases
    for domain in (GENERAL, SOFTWARE):
        layer, before = layer_alone(code, domain), layer_without(code, rules, new, domain)
        assert {k for k in phrases - ON_PURPOSE if layer(k) != before(k)} == set()
        assert layer("巴厘岛") == "峇里島" != before("巴厘岛")
