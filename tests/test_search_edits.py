"""``search/edits.py``: the fast walk finds exactly the edits of its specification, skip pair by skip pair."""

from __future__ import annotations

import random

import pytest

from zhudu.search import edits as search_edits


def _specified_edits(shown: str, canonical: str) -> list[int | str]:
    """The specification: equal runs skipped one character at a time, every pair of skips tried in order."""
    window, run = search_edits.RESYNC_WINDOW, search_edits.RESYNC_RUN

    def units(text: str) -> int:
        return len(text.encode("utf-16-le")) // 2

    edits: list[int | str] = []
    i = j = at = 0
    while True:
        start = i
        while i < len(shown) and j < len(canonical) and shown[i] == canonical[j]:
            i, j = i + 1, j + 1
        at += units(shown[start:i])
        if i >= len(shown) and j >= len(canonical):
            return edits
        skip = len(shown) - i, len(canonical) - j
        for d in range(1, window + 1):
            found = [
                (di, d - di)
                for di in range(max(0, d - (len(canonical) - j)), min(d, len(shown) - i) + 1)
                if shown[i + di : i + di + run] == canonical[j + d - di : j + d - di + run]
            ]
            if found:
                skip = found[0]
                break
        removed = units(shown[i : i + skip[0]])
        edits += [at, removed, canonical[j : j + skip[1]]]
        at, i, j = at + removed, i + skip[0], j + skip[1]


def _variant_of(text: str, rng: random.Random) -> str:
    """``text`` with a few words replaced, put in or left out, some near each other or at the ends."""
    out = list(text)
    for _ in range(rng.randint(0, 6)):
        at = rng.randint(0, len(out))
        word = "".join(rng.choice("数据资料芯片晶🛰️ ab") for _ in range(rng.randint(0, 5)))
        out[at : at + rng.randint(0, 5)] = list(word)
    if rng.random() < 0.1:  # a long stretch rewritten: no agreement within the window
        at = rng.randint(0, len(out))
        out[at : at + 80] = rng.choices("数据资料", k=90)
    return "".join(out)


@pytest.mark.parametrize("seed", range(4))
def test_folded_edits_are_the_specified_edits(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(400):
        # A small alphabet repeats runs, so several skips agree again: the order they are tried in counts.
        text = "".join(rng.choices("在这里保存的数据中心资料🛰ab", k=rng.randint(0, 300)))
        shown, canonical = _variant_of(text, rng), _variant_of(text, rng)
        assert search_edits.folded_edits(shown, canonical) == _specified_edits(shown, canonical), (
            shown,
            canonical,
        )
