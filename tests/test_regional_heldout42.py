"""The forty-second held-out conversion set (tests/conversion_heldout42.yml): writing about books, a reader's commentary,
short modern-Chinese appreciations of Tang poems that say what each poem is about and retell it in plain prose, the
prologues of 水墨唐诗 as the npm package chinese-poetry ships them; built and measured at first sight for issue 25
before any rule was written from it.  Its shape, its domain, and its first-sight figures as an upper bound: a later rule
that makes the set worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set, assert_within_first_sight, bench_conversion

HELDOUT42 = bench_conversion.load_review(bench_conversion.SETS["heldout42"])
SOURCE = "chinese-poetry 2.0.1 (npm) dist/shuimotangshi/shuimotangshi.json"


def test_heldout42_set_shape() -> None:
    """320 sentences from the prologues of 148 of the file's poems, none shared with the earlier sets, both Traditional
    forms labelled, every judged word in its sentence and its form in the label; 7,918 Han characters, one document."""
    assert_set(HELDOUT42, "conversion_heldout42.yml", SOURCE, 320, 7918, documents=1)
    poems = {e["from"].removeprefix(SOURCE + ": poem ").split(" ")[0] for e in HELDOUT42}
    assert len(poems) == 148


def test_heldout42_is_general_text() -> None:
    """The set as one note is general text."""
    assert_general_set(HELDOUT42)


#: First sight's bounds by variant: (wrong words, mainland words left) without a domain and by document domain, and
#: plain OpenCC's wrong words.
FIRST_SIGHT = {"zh-Hant-TW": (((6, 0), (6, 0)), 10), "zh-Hant-HK": (((5, 0), (5, 0)), 8)}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout42_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's 845a29f7): Taiwan 0.76 (6 wrong words, no
    mainland word left) and Hong Kong 0.63 (5; 0) per 1,000 Han characters, without a domain and by document alike
    (aligned: raw 1.01 (8) / 0.88 (7), Zhudu's 資訊 for news of war and for 音书 weighed and accepted beside the labels'
    訊息); plain OpenCC 1.26 (10, 3 mainland words left) / 1.01 (8, 2).  Zhudu must not do worse, nor leave more
    mainland words, and keeps every right regional word of OpenCC's; OpenCC's count pins the labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT42, code, bounds, plain)
