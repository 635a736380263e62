"""The seventh held-out conversion set (tests/conversion_heldout7.yml): vim's tutor, continuous prose."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import bench_conversion  # noqa: E402  (bench/ is put on the path above)

HELDOUT7 = bench_conversion.load_review(bench_conversion.HELDOUT7)


def test_heldout7_set_shape() -> None:
    """352 sentences of one source no set used, none shared with the earlier sets, both Traditional
    forms labelled, every judged word in its zh-Hans sentence and its form in the label."""
    assert len(HELDOUT7) == 352
    earlier = {
        e["zh-Hans"]
        for path in sorted((ROOT / "tests").glob("conversion_*.yml"))
        if path.name != "conversion_heldout7.yml"
        for e in yaml.safe_load(path.read_text("utf-8"))
    }
    seen: set[str] = set()
    for entry in HELDOUT7:
        assert entry["from"].startswith("vim 9.0 tutor.zh_cn.utf-8 #"), entry["from"]
        assert entry["zh-Hans"] and entry["zh-Hant-TW"] and entry["zh-Hant-HK"], entry["from"]
        assert entry["zh-Hans"] not in earlier and entry["zh-Hans"] not in seen, entry["zh-Hans"]
        seen.add(entry["zh-Hans"])
        for key, label in (("judged-tw", "zh-Hant-TW"), ("judged-hk", "zh-Hant-HK")):
            for word, form in entry.get(key, {}).items():
                assert word in entry["zh-Hans"], (entry["from"], word)
                assert form in entry[label], (entry["from"], form)
