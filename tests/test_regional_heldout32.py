"""The thirty-second held-out conversion set (tests/conversion_heldout32.yml): a developers' knowledge base of Linux
commands written in Chinese, what each command is for, its options, tips and worked examples, as the npm package
linux-command 1.22.0 ships it; built and measured at first sight for issue 25 before any rule was written from it.
Its shape, its domain, and its first-sight figures as an upper bound: a later rule that makes the set worse fails
here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_set, assert_software_set, assert_within_first_sight, bench_conversion

HELDOUT32 = bench_conversion.load_review(bench_conversion.SETS["heldout32"])
PAGES = "linux-command 1.22.0 (npm) command/"


def test_heldout32_set_shape() -> None:
    """345 sentences from 231 of the package's command pages, none shared with the earlier sets, both Traditional forms
    labelled, every judged word in its sentence and its form in the label; 10,838 Han characters."""
    assert_set(HELDOUT32, "conversion_heldout32.yml", PAGES, 345, 10838, documents=231)


def test_heldout32_is_software_text() -> None:
    """The set as one note and every page of it are software text (each page is too short to be decided alone), so
    ``--domains`` measures it as a software site."""
    assert_software_set(HELDOUT32)


#: First sight's bounds by variant: (wrong words, mainland words left) without a domain and by document domain, and
#: plain OpenCC's wrong words.
FIRST_SIGHT = {"zh-Hant-TW": (((82, 53), (27, 3)), 266), "zh-Hant-HK": (((33, 8), (11, 5)), 141)}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout32_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's 99bc285c), aligned with the right forms the
    judgement had not weighed (also-tw / also-hk): Taiwan 7.57 (82 wrong words, 53 mainland words left), Hong Kong
    3.04 (33; 8) per 1,000 Han characters without a domain; by document domain Taiwan 2.49 (27; 3), Hong Kong 1.01
    (11; 5); plain OpenCC 24.54 (266) / 13.01 (141).  Zhudu must not do worse, nor leave more mainland words, and
    keeps every right regional word of OpenCC's; OpenCC's count pins the labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT32, code, bounds, plain)
