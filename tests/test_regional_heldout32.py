"""The thirty-second held-out conversion set (tests/conversion_heldout32.yml): a developers' knowledge base of Linux
commands written in Chinese, what each command is for, its options, tips and worked examples, as the npm package
linux-command 1.22.0 ships it; built and measured at first sight for issue 25 before any rule was written from it.
Its shape, its domain, and its first-sight figures as an upper bound: a later rule that makes the set worse fails
here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_set, assert_software_set, bench_conversion

HELDOUT32 = bench_conversion.load_review(bench_conversion.HELDOUT32)
PAGES = "linux-command 1.22.0 (npm) command/"


def test_heldout32_set_shape() -> None:
    """345 sentences from 231 of the package's command pages, none shared with the earlier sets, both Traditional forms
    labelled, every judged word in its sentence and its form in the label; 10,838 Han characters."""
    assert_set(HELDOUT32, "conversion_heldout32.yml", PAGES, 345, 10838)
    assert len({bench_conversion.document(e) for e in HELDOUT32}) == 231


def test_heldout32_is_software_text() -> None:
    """The set as one note and every page of it are software text (each page is too short to be decided alone), so
    ``--domains`` measures it as a software site."""
    assert_software_set(HELDOUT32)


@pytest.mark.parametrize(
    ("code", "most", "mainland", "most_by_domain", "mainland_by_domain", "plain"),
    [("zh-Hant-TW", 82, 53, 27, 3, 266), ("zh-Hant-HK", 33, 8, 11, 5, 141)],
)
def test_heldout32_no_worse_than_first_sight(
    code: str, most: int, mainland: int, most_by_domain: int, mainland_by_domain: int, plain: int
) -> None:
    """First sight, before any rule was written from the set (main's 99bc285c), aligned with the right forms the
    judgement had not weighed (also-tw / also-hk): Taiwan 7.57 (82 wrong words, 53 mainland words left), Hong Kong
    3.04 (33; 8) per 1,000 Han characters without a domain; by document domain Taiwan 2.49 (27; 3), Hong Kong 1.01
    (11; 5); plain OpenCC 24.54 (266) / 13.01 (141).  Zhudu must not do worse, nor leave more mainland words, and
    keeps every right regional word of OpenCC's; OpenCC's count pins the labels."""
    for by_domain, bound, left in ((False, most, mainland), (True, most_by_domain, mainland_by_domain)):
        figures = bench_conversion.measure(HELDOUT32, code, by_domain=by_domain)
        assert figures["opencc"]["wrong"] == plain
        assert figures["zhudu"]["wrong"] <= bound and figures["zhudu"]["mainland"] <= left
        assert figures["zhudu"]["kept"] == figures["zhudu"]["places"]
