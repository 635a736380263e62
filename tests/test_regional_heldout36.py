"""The thirty-sixth held-out conversion set (tests/conversion_heldout36.yml): game rules and strategy, how to play and
win 85 solitaire card games as Debian's aisleriot ships its Simplified Chinese help; built and measured at first sight
for issue 25 before any rule was written from it.  Its shape, its domain, and its first-sight figures as an upper
bound: a later rule that makes the set worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set, assert_within_first_sight, bench_conversion

HELDOUT36 = bench_conversion.load_review(bench_conversion.SETS["heldout36"])
PAGES = "aisleriot 3.22.23-1 (Debian) help/zh_CN/aisleriot/"


def test_heldout36_set_shape() -> None:
    """320 sentences from 86 of the help's pages (85 games and the definitions), none shared with the earlier sets,
    both Traditional forms labelled, every judged word in its sentence and its form in the label; 10,579 Han
    characters."""
    assert_set(HELDOUT36, "conversion_heldout36.yml", PAGES, 320, 10579, documents=86)


def test_heldout36_is_general_text() -> None:
    """The set as one note and each of its pages are general text (no page reaches 500 Han characters: each takes
    the whole set's domain)."""
    assert_general_set(HELDOUT36)


#: First sight's bounds by variant: (wrong words, mainland words left) without a domain and by document domain, and
#: plain OpenCC's wrong words.
FIRST_SIGHT = {"zh-Hant-TW": (((21, 0), (21, 0)), 25), "zh-Hant-HK": (((9, 0), (9, 0)), 10)}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout36_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's 0d0ba468): Taiwan 1.99 (21 wrong words, no
    mainland word left), Hong Kong 0.85 (9; 0) per 1,000 Han characters, without a domain and by document alike (the
    judgement weighed every form Zhudu wrote: aligned is raw); plain OpenCC 2.36 (25) / 0.95 (10).  Zhudu must not do
    worse, nor leave more mainland words, and keeps every right regional word of OpenCC's; OpenCC's count pins the
    labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT36, code, bounds, plain)
