"""The tenth held-out conversion set (tests/conversion_heldout10.yml): Debian's handbook and FAQ."""

from __future__ import annotations

from heldout_shape import assert_heldout_shape, bench_conversion

HELDOUT10 = bench_conversion.load_review(bench_conversion.HELDOUT10)


def test_heldout10_set_shape() -> None:
    """320 sentences of the Debian Reference and the Debian FAQ (no set used them), none shared with the earlier
    sets, both Traditional forms labelled, every judged word in its zh-Hans sentence and its form in the label."""
    assert len(HELDOUT10) == 320
    assert_heldout_shape(
        HELDOUT10, "conversion_heldout10.yml", ("Debian Reference 2.100 ", "Debian FAQ 11.1 ")
    )
    assert sum(e["from"].startswith("Debian FAQ") for e in HELDOUT10) == 100
