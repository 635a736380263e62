"""The fifty-sixth held-out conversion set (tests/conversion_heldout56.yml): developers' technical prose from a new
source, the Chinese docs five Python and JavaScript projects ship in their PyPI sdists and npm tarballs (rqalpha,
bilibili-api-python, cnocr, vditor, vxe-table); built and measured at first sight for issue 25 before any rule was
written from it.  Its shape, its domain, and its first-sight figures as an upper bound: a later rule that makes the set
worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_set, assert_software_set, assert_within_first_sight, bench_conversion

HELDOUT56 = bench_conversion.load_review(bench_conversion.SETS["heldout56"])
PACKAGES = (
    "rqalpha 6.4.2 (PyPI) ",
    "bilibili-api-python 17.4.2 (PyPI) docs/",
    "cnocr 2.3.3 (PyPI) README.md",
    "vditor 4.0.0 (npm) README.md",
    "vxe-table 4.21.3 (npm) README.md",
)


def test_heldout56_set_shape() -> None:
    """300 sentences from 35 files of 5 packages, none shared with the earlier sets, both Traditional forms labelled,
    every judged word in its sentence and its form in the label; 8,401 Han characters."""
    assert_set(HELDOUT56, "conversion_heldout56.yml", PACKAGES, 300, 8401, documents=35)


def test_heldout56_is_software_text() -> None:
    """The set as one note and every file of it are software text (the files under 500 Han characters are decided
    with the whole set), so ``--domains`` measures it as a software site."""
    assert_software_set(HELDOUT56)


#: First sight's bounds by variant, aligned: (wrong words, mainland words left) without a domain and by document
#: domain, and plain OpenCC's wrong words.
FIRST_SIGHT = {"zh-Hant-TW": (((16, 4), (16, 2)), 140), "zh-Hant-HK": (((19, 14), (0, 0)), 108)}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout56_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's 7adf0983 layer), aligned (Zhudu's right forms
    accepted beside the labels as also-tw / also-hk: Taiwan 參數, 指令, 堆疊, 例外, 實作, 函式庫, 註解, 分頁; Hong Kong
    自訂, 影片, 品質): Taiwan 1.90 (16 wrong words, 4 mainland words left) without a domain and 1.90 (16; 2) by
    document, Hong Kong 2.26 (19; 14) and 0 (0; 0); raw (before aligning) Taiwan 65 / 72, Hong Kong 42 / 23; plain
    OpenCC 16.66 (140) / 12.86 (108).  Zhudu must not do worse, nor leave more mainland words, and keeps every right
    regional word of OpenCC's; OpenCC's count pins the labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT56, code, bounds, plain)
