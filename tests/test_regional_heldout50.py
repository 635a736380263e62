"""The fiftieth held-out conversion set (tests/conversion_heldout50.yml): academic and educational prose outside
software, a university's rules for writing a graduate thesis and an exam paper's notices (as the xtuthesis and exam-zh
templates in Debian's texlive-lang-chinese ship them); built and measured at first sight for issue 25 before any rule
was written from it.  Its shape, its domain, and its first-sight figures as an upper bound: a later rule that makes the
set worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set, assert_within_first_sight, bench_conversion

HELDOUT50 = bench_conversion.load_review(bench_conversion.SETS["heldout50"])
SOURCE = "texlive-lang-chinese 2022.20230122-1 (Debian) texlive-doc/"


def test_heldout50_set_shape() -> None:
    """201 sentences from 6 files (each one document), none shared with the earlier sets, both Traditional forms
    labelled, every judged word in its sentence and its form in the label; 6,825 Han characters."""
    assert_set(HELDOUT50, "conversion_heldout50.yml", SOURCE, 201, 6825, documents=6)


def test_heldout50_is_general_text() -> None:
    """The set as one note, and each file, is general text."""
    assert_general_set(HELDOUT50)


#: First sight's bounds by variant, aligned: (wrong words, mainland words left) without a domain and by document
#: domain, and plain OpenCC's wrong words.
FIRST_SIGHT = {"zh-Hant-TW": (((12, 0), (11, 0)), 30), "zh-Hant-HK": (((1, 0), (1, 0)), 14)}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout50_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's 6bc39713), aligned (Zhudu's right forms accepted
    beside the labels as also-tw / also-hk): Taiwan 1.76 (12 wrong words) without a domain and 1.61 (11) by document,
    Hong Kong 0.15 (1) both ways, no mainland word left; raw (before aligning) Taiwan 4.25 (29) / 4.10 (28), Hong Kong
    0.29 (2); plain OpenCC 4.40 (30, 6 mainland words left) / 2.05 (14, 11).  (One Taiwan word, 著录项目 in the list of
    document types' sentence, was missed when judging and labelled 項目 before any rule: counted in these figures.)  Zhudu must not do worse, nor leave more
    mainland words, and keeps every right regional word of OpenCC's; OpenCC's count pins the labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT50, code, bounds, plain)
