"""The eighth held-out conversion set (tests/conversion_heldout8.yml): Rust by Example, explanatory prose."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import bench_conversion  # noqa: E402  (bench/ is put on the path above)

from heldout_shape import assert_heldout_shape  # noqa: E402

HELDOUT8 = bench_conversion.load_review(bench_conversion.HELDOUT8)


def test_heldout8_set_shape() -> None:
    """340 sentences of one source no set used, none shared with the earlier sets, both Traditional
    forms labelled, every judged word in its zh-Hans sentence and its form in the label."""
    assert len(HELDOUT8) == 340
    assert_heldout_shape(HELDOUT8, "conversion_heldout8.yml", "Rust by Example zh (Rust 1.95.0) print.html #")
