"""Traditional notes into Simplified, a third held-out set (issue 25): tests/conversion_from_hant_python.yml.

The Python tutorial's Taiwan translation (python-docs-zh-tw), prose judged as a mainland editor would write it before
any rule (session 46, tg), and the rules of `# Session 46 — from-hant 2` in regional.yml's `from-hant:` section, each
on sentences of other text: the hexo-docs zh-tw pages, the other from-hant sets and the from-Simplified sets' Taiwan
labels, where they fire and where they must not.
"""

from __future__ import annotations

import pytest
from from_hant_shape import TW, assert_from_hant_set, bench_conversion, from_hant

SET = from_hant.SETS["python-tw"]


def test_the_set_is_python_tutorial_sentences_with_their_mainland_form() -> None:
    # The halves are whole chapters of the tutorial: no chapter gives sentences to both.
    assert_from_hant_set("python-tw", "python-docs-zh-tw tutorial/", (145, 155))
    # None of its sentences is in the other from-hant sets.
    entries = bench_conversion.load_review(SET)
    others = {
        e[TW]
        for name in ("hexo-tw", "firefox-tw")
        for e in bench_conversion.load_review(from_hant.SETS[name])
    }
    assert not {e[TW] for e in entries} & others


@pytest.mark.parametrize(
    ("half", "t2s_wrong", "bounds"),
    [
        # Session 46 (tg), wrong words (Taiwan words left) per 1,000 Han. First sight, before any rule: rules half
        # t2s 87.08 (34.69), tw2sp 27.99 (0), Zhudu 33.49 (0.48); held-out half t2s 83.14 (26.24), tw2sp 44.72
        # (1.47), Zhudu 48.08 (0.63).
        ("rules", 364, {"t2s": 87.1, "tw2sp": 28.0, "zhudu": 33.5}),
        ("heldout", 396, {"t2s": 83.2, "tw2sp": 44.8, "zhudu": 48.1}),
    ],
)
def test_figures_on_each_half(half: str, t2s_wrong: int, bounds: dict[str, float]) -> None:
    figures = from_hant.measure(from_hant.load(SET, half), TW)
    assert figures["t2s"]["wrong"] == t2s_wrong  # pins the labels: plain t2s is no rule's
    assert {name: f["wrong_per_1000"] <= bounds[name] for name, f in figures.items()} == dict.fromkeys(
        bounds, True
    )
    assert figures["zhudu"]["taiwan_per_1000"] <= {"rules": 0.49, "heldout": 0.64}[half]
