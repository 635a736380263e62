"""The thirty-fifth held-out conversion set (tests/conversion_heldout35.yml): cooking and recipes, HowToCook's recipes
written in Simplified Chinese by many home cooks, as the npm package howtocook-mcp 0.2.2 ships them; built and
measured at first sight for issue 25 before any rule was written from it.  Its shape, its domain, and its first-sight
figures as an upper bound: a later rule that makes the set worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set, assert_within_first_sight, bench_conversion

HELDOUT35 = bench_conversion.load_review(bench_conversion.SETS["heldout35"])
SOURCE = "howtocook-mcp 0.2.2 (npm) all_recipes.json dishes/"


def test_heldout35_set_shape() -> None:
    """400 sentences from 187 of the package's recipes (a recipe is a document), none shared with the earlier sets,
    both Traditional forms labelled, every judged word in its sentence and its form in the label; 10,567 Han
    characters."""
    assert_set(HELDOUT35, "conversion_heldout35.yml", SOURCE, 400, 10567, documents=187)


def test_heldout35_is_general_text() -> None:
    """The set as one note and each of its recipes are general text."""
    assert_general_set(HELDOUT35)


#: First sight's bounds by variant: (wrong words, mainland words left) without a domain and by document domain, and
#: plain OpenCC's wrong words.
FIRST_SIGHT = {"zh-Hant-TW": (((48, 0), (48, 0)), 71), "zh-Hant-HK": (((37, 0), (37, 0)), 58)}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout35_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's 0d0ba468), aligned with the right forms the
    judgement had not weighed (Taiwan 公分, 公釐, 範例, 教學, 保存; Hong Kong 牛油 ×3, 塑膠, 乳酪, 即食麵, 意大利粉):
    Taiwan 4.54 (48 wrong words, no mainland word left), Hong Kong 3.50 (37; 0) per 1,000 Han characters, without a
    domain and by document alike; plain OpenCC 6.72 (71) / 5.49 (58).  Zhudu must not do worse, nor leave more
    mainland words, and keeps every right regional word of OpenCC's; OpenCC's count pins the labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT35, code, bounds, plain)
