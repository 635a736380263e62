"""The twenty-first held-out conversion set (tests/conversion_heldout21.yml): personal and essay prose and blog authors'
own notes, the modern prose of Debian's Chinese fortune cookies (essays, novels' and books' lines, a club's chat quotes)
and the Chinese READMEs and changelogs of nine Hexo blog themes; session 32's heldout21 rules (both variants 只 in 是只许,
"only allows", where OpenCC's 是隻 took it; Taiwan 支持 for readers backing a project; Hong Kong 矽谷, 程式 for a program
run or owned, 支援 for a program's support of customisation, 啓用 for 激活 in software text)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_new_rules_keep_opencc_phrases_in_both_variants,
    assert_set_of_works,
    bench_conversion,
    layer_alone,
)
from zhudu.script.domain import GENERAL, SOFTWARE, text_domain

HELDOUT21 = bench_conversion.load_review(bench_conversion.SETS["heldout21"])
#: The works the set was drawn from, and how many sentences each gave.
SOURCES = {"fortunes-zh 2.98 chinese #": 220, "hexo-theme-": 110}


def test_heldout21_set_shape() -> None:
    """330 sentences from Debian's fortunes and nine Hexo themes (no set used them), none shared with the earlier sets,
    both Traditional forms labelled, every judged word in its sentence and its form in the label."""
    assert_set_of_works(HELDOUT21, "conversion_heldout21.yml", SOURCES, 9691)
    assert len({bench_conversion.document(e) for e in HELDOUT21}) == 14


def test_heldout21_is_software_text_but_its_fortunes() -> None:
    """Fortunes beside Hexo themes' READMEs, changelogs and contributors' guides: the set as one note was general text
    (17.7) with stellar's changelog alone software; since session 54 weighs software words double the set as one note
    is software text (21.5), so ``--domains`` converts the themes' short files so (Hong Kong 11 → 6 wrong words, Taiwan
    7 → 7) and the fortunes, long enough for their own domain, without one."""
    assert text_domain("".join(e["zh-Hans"] for e in HELDOUT21)) == SOFTWARE
    of_entry = bench_conversion.domains(HELDOUT21)
    of_doc = {bench_conversion.document(e): of_entry[id(e)] for e in HELDOUT21}
    assert {doc for doc, d in of_doc.items() if d == GENERAL} == {"fortunes-zh 2.98 chinese"}


@pytest.mark.parametrize(
    ("code", "most", "most_by_domain", "plain"),
    [("zh-Hant-TW", 10, 7, 38), ("zh-Hant-HK", 21, 12, 83)],
)
def test_heldout21_after_its_rules(code: str, most: int, most_by_domain: int, plain: int) -> None:
    """Aligned first sight (with the earlier sets' labels: Taiwan 澳大利亞, 構建 and 宣告 accepted): TW 1.24 (12 wrong
    words), by domain 0.93 (9); HK 2.99 (29), by domain 2.37 (23) per 1,000 Han characters; plain OpenCC 3.82 / 8.56.
    After session 32's heldout21 rules TW 1.03 (10), by domain 0.72 (7); HK 2.17 (21), by domain 1.24 (12); every right
    regional word of OpenCC's kept.  Session 32 (conv22) no longer accepts 宣告 for the shokax statement: plain s2twp
    38; the 声明 rule writes 聲明 there."""
    figures = bench_conversion.measure(HELDOUT21, code, names=("opencc", "zhudu"))
    by_domain = bench_conversion.measure(HELDOUT21, code, by_domain=True, names=("zhudu",))["zhudu"]
    assert figures["zhudu"]["wrong"] <= most and figures["opencc"]["wrong"] == plain
    assert by_domain["wrong"] <= most_by_domain and by_domain["kept"] == by_domain["places"]


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # 只许 "only allows" after 是 (OpenCC's 是隻 took its 只); an animal after 是只 stays OpenCC's.
        (
            "zh-Hant-TW",
            "现代愚民政策是只许人民受某一种教育；这是只猫。",
            "現代愚民政策是只許人民受某一種教育；這是隻貓。",
        ),
        (
            "zh-Hant-HK",
            "现代愚民政策是只许人民受某一种教育；这是只猫。",
            "現代愚民政策是只許人民受某一種教育；這是隻貓。",
        ),
        # Readers backing a project; a version's support stays s2twp's 支援.
        (
            "zh-Hant-TW",
            "如果你愿意支持它的发展，可以赞助我们；这个版本支持中文。",
            "如果你願意支持它的發展，可以贊助我們；這個版本支援中文。",
        ),
        # Silicon Valley; a program run or owned (a legal procedure keeps 程序); a program's support of customisation
        # (backing a decision keeps 支持).
        (
            "zh-Hant-HK",
            "硅谷的创造力长盛不衰；随心运行程序的自由，不用私有程序；法院依照法定程序审理此案。",
            "矽谷的創造力長盛不衰；隨心運行程式的自由，不用私有程式；法院依照法定程序審理此案。",
        ),
        (
            "zh-Hant-HK",
            "支持自定义链接和图标；我们支持他的决定。",
            "支援自訂連結和圖標；我們支持他的決定。",
        ),
    ],
)
def test_heldout21_error_classes(code: str, source: str, expected: str) -> None:
    assert layer_alone(code, GENERAL)(source) == expected


def test_hong_kong_enables_what_software_text_activates() -> None:
    """In software text an activated item or tab is 啓用 in Hong Kong (s2hkp keeps 激活); an activation function keeps
    激活, and general text is left to the rules before a software word."""
    convert = layer_alone("zh-Hant-HK", SOFTWARE)
    assert (
        convert("激活项不可见时自动滚动；常用的激活函数有 ReLU。")
        == "啓用項不可見時自動滾動；常用的激活函數有 ReLU。"
    )
    general = layer_alone("zh-Hant-HK", GENERAL)
    assert general("这段旅程激活了我的热情。") == "這段旅程激活了我的熱情。"


#: Session 32's heldout21 rules, by (variant key, word, domain).
NEW_RULES = {
    ("zh-Hant", "是只", ""),
    ("zh-Hant-TW", "支持", ""),
    *(("zh-Hant-HK", w, "") for w in ("硅谷", "程序", "支持")),
    ("zh-Hant-HK", "激活", "software"),
}


def test_the_new_rules_keep_opencc_phrases_that_contain_their_words() -> None:
    """Inside one of OpenCC's own phrases a new rule word gives what the layer wrote there before (both variants)."""
    assert_new_rules_keep_opencc_phrases_in_both_variants(NEW_RULES)
