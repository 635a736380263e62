"""The thirty-eighth held-out conversion set (tests/conversion_heldout38.yml): school textbook explanations, what each
lesson of a primary-school maths course teaches, its knowledge points, pupils' typical mistakes and the exercises
retold, as the PyPI package chalkbase ships its knowledge base; built and measured at first sight for issue 25 before
any rule was written from it.  Its shape, its domain, and its first-sight figures as an upper bound: a later rule
that makes the set worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set, assert_within_first_sight, bench_conversion

HELDOUT38 = bench_conversion.load_review(bench_conversion.SETS["heldout38"])
SOURCE = "chalkbase 0.1.1 (PyPI) chalkbase/data/"


def test_heldout38_set_shape() -> None:
    """320 sentences, 80 from each field (lesson summaries, knowledge points, typical mistakes, exercises) of three
    data files, none shared with the earlier sets, both Traditional forms labelled, every judged word in its sentence
    and its form in the label; 11,429 Han characters."""
    assert_set(HELDOUT38, "conversion_heldout38.yml", SOURCE, 320, 11429, documents=3)
    fields = [e["from"].rsplit(" (", 1)[1] for e in HELDOUT38]
    assert [fields.count(f) for f in ("summary)", "description)", "typical_errors)", "text)")] == [80] * 4


def test_heldout38_is_general_text() -> None:
    """The set as one note, and each of its three data files, is general text."""
    assert_general_set(HELDOUT38)


#: First sight's bounds by variant: (wrong words, mainland words left) without a domain and by document domain, and
#: plain OpenCC's wrong words.
FIRST_SIGHT = {"zh-Hant-TW": (((24, 0), (17, 0)), 81), "zh-Hant-HK": (((5, 0), (5, 0)), 7)}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout38_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's 4667de4c): Taiwan 2.10 without a domain (24
    wrong words, no mainland word left) and 1.49 by document (17), Hong Kong 0.44 (5; 0) per 1,000 Han characters
    (aligned: raw 2.62 (30) / 2.19 (25) and 1.84 (21), Zhudu's 對象, 十進位, 取得, 範例, 平方公尺 in Taiwan and 資訊,
    公里, 厘米, 空氣品質 in Hong Kong weighed and accepted beside the labels' forms); plain OpenCC 7.09 (81, 44 mainland
    words left) / 0.61 (7).  Zhudu must not do worse, nor leave more mainland words, and keeps every right regional
    word of OpenCC's; OpenCC's count pins the labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT38, code, bounds, plain)
