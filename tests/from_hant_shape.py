"""What a set of Traditional notes into Simplified must be (tests/conversion_from_hant*.yml): the shape its test checks."""

from __future__ import annotations

import sys
from pathlib import Path

from zhudu.script.convert import opencc_converter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import bench_conversion  # noqa: E402  (bench/ is put on the path above)
import from_hant  # noqa: E402

__all__ = ["TW", "assert_from_hant_set", "assert_half_figures", "bench_conversion", "from_hant"]

TW = "zh-Hant-TW"


def assert_from_hant_set(name: str, source: str, halves: tuple[int, int]) -> None:
    """Set ``name``: ``halves`` sentences in its rules and held-out halves, each from ``source``, written in
    Traditional with a Simplified label, and the halves whole documents (no document gives sentences to both)."""
    path = from_hant.SETS[name]
    entries = bench_conversion.load_review(path)
    t2s = opencc_converter("t2s").convert
    assert tuple(len(from_hant.load(path, half)) for half in ("rules", "heldout")) == halves
    assert len(entries) == sum(halves)
    for e in entries:
        assert set(e) == {"from", "half", TW, "zh-Hans"}, e
        assert str(e["from"]).startswith(source), e
        assert t2s(e[TW]) != e[TW], e  # written in Traditional
        assert t2s(e["zh-Hans"]) == e["zh-Hans"], e  # the label is Simplified throughout
    documents = {
        h: {str(e["from"]).rsplit(":", 1)[0] for e in from_hant.load(path, h)} for h in ("rules", "heldout")
    }
    assert not documents["rules"] & documents["heldout"]


def assert_half_figures(
    name: str, half: str, t2s_wrong: int, bounds: dict[str, float], taiwan: float
) -> None:
    """Set ``name``'s ``half``: plain t2s gets ``t2s_wrong`` words wrong (which pins the labels: t2s is no rule's), each
    converter at most ``bounds`` wrong words per 1,000 Han, and Zhudu leaves at most ``taiwan`` Taiwan words."""
    figures = from_hant.measure(from_hant.load(from_hant.SETS[name], half), TW)
    assert figures["t2s"]["wrong"] == t2s_wrong
    assert {n: f["wrong_per_1000"] <= bounds[n] for n, f in figures.items()} == dict.fromkeys(bounds, True)
    assert figures["zhudu"]["taiwan_per_1000"] <= taiwan
