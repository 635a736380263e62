"""What a held-out conversion set must be (tests/conversion_heldout5.yml on): the shape its test checks."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from zhudu.script.convert import DEFAULT_VARIANTS, load_rules

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
sys.path.insert(0, str(ROOT / "bench"))

import bench_conversion  # noqa: E402  (bench/ is put on the path above)

__all__ = ["ROOT", "RULES", "VARIANTS", "assert_heldout_shape", "bench_conversion"]

#: The shipped variants by code, and the shipped editorial rules: what each held-out test measures with.
VARIANTS = {v.code: v for v in DEFAULT_VARIANTS}
RULES = load_rules(ROOT / "docs" / "editorial" / "conversion.yml", known_variants=VARIANTS)


def assert_heldout_shape(
    entries: Iterable[Mapping[str, Any]], file_name: str, sources: str | tuple[str, ...]
) -> None:
    """Every sentence from ``sources``, in no other set and only once, both Traditional forms labelled,
    every judged word in its zh-Hans sentence and its judged form in the label."""
    earlier = {
        e["zh-Hans"]
        for path in sorted(TESTS.glob("conversion_*.yml"))
        if path.name != file_name
        for e in yaml.safe_load(path.read_text("utf-8"))
    }
    seen: set[str] = set()
    for entry in entries:
        assert entry["from"].startswith(sources), entry["from"]
        assert entry["zh-Hans"] and entry["zh-Hant-TW"] and entry["zh-Hant-HK"], entry["from"]
        assert entry["zh-Hans"] not in earlier and entry["zh-Hans"] not in seen, entry["zh-Hans"]
        seen.add(entry["zh-Hans"])
        for key, label in (("judged-tw", "zh-Hant-TW"), ("judged-hk", "zh-Hant-HK")):
            for word, form in entry.get(key, {}).items():
                assert word in entry["zh-Hans"], (entry["from"], word)
                assert form in entry[label], (entry["from"], form)
