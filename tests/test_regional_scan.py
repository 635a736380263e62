"""The regional layer applied a rule at a time (``script/regional_scan.py``): the whole matcher's output, less compiled.

A small collection's build no longer compiles the Taiwan and Hong Kong matchers whole (about 0.1 and 0.04 s,
in every build): a scanner compiles only the rules whose word the text holds.  What it writes is what the
whole matcher writes: checked on every rule's example and counter-examples, and on a real build.
"""

from __future__ import annotations

import dataclasses
import functools
import random
from pathlib import Path
from typing import Any

import pytest

from conftest import build_site
from zhudu.publish import site_scripts
from zhudu.script import regional, regional_scan

KEYS = [
    ("zh-Hant-TW", "Hans", ""),
    ("zh-Hant-HK", "Hans", ""),
    ("zh-Hant-TW", "Hans", "software"),
    ("zh-Hant-HK", "Hans", "software"),
    ("zh-Hans", "Hant", ""),
]


def _sentences(layer: regional.RegionalRules) -> list[str]:
    """Every rule's example and the sentences where it must not fire: the places the rules were written for."""
    return [s for rule in layer.rules for s in (rule.example, *rule.negatives)]


def _whole_sub(layer: regional.RegionalRules, key: tuple[str, str, str], text: str) -> str:
    matched = layer.matcher(*key)
    assert matched is not None
    pattern, outputs = matched
    return pattern.sub(lambda m: f"<{outputs[m.lastgroup or '']}>", text)


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("whole_after", [10**12, 200])
def test_a_scanner_writes_what_the_whole_matcher_writes(
    monkeypatch: pytest.MonkeyPatch, key: tuple[str, str, str], whole_after: int
) -> None:
    """Rule a time throughout (``10**12``), and switching to the whole matcher part way (``200`` characters)."""
    monkeypatch.setattr(regional_scan, "WHOLE_AFTER_CHARS", whole_after)
    layer = dataclasses.replace(LAYER)  # the same rules, nothing compiled: the scanner starts afresh
    scanner = layer.scanner(*key)
    assert scanner is not None
    texts = _sentences(layer)
    joined = "。".join(texts)  # a long text: a rule's context may reach into the sentence before
    got = [scanner.sub(lambda m: f"<{scanner.outputs[m.lastgroup or '']}>", t) for t in [*texts, joined]]
    assert got == _whole_subs(key)
    assert sum(g != t for g, t in zip(got, texts, strict=False)) > 0  # the rules did fire


#: The shipped layer, loaded once: each test above scans with a copy of it, compiled afresh.
LAYER = regional.load_regional()


@functools.cache
def _whole_subs(key: tuple[str, str, str]) -> list[str]:
    """The whole matcher's output for every rule's sentences and for them all joined: both tests of a key compare
    with it (the whole matcher of ``LAYER`` compiled once per key)."""
    texts = _sentences(LAYER)
    return [_whole_sub(LAYER, key, t) for t in [*texts, "。".join(texts)]]


def test_a_scanner_uses_the_whole_matcher_compiled_before_it() -> None:
    """Before page writers fork, ``script.preload`` compiles the whole matcher: a scanner made later uses it."""
    layer = regional.load_regional()
    key = ("zh-Hant-TW", "Hans", "")
    layer.matcher(*key)
    scanner = layer.scanner(*key)
    assert scanner is not None
    text = "请打开这个文件，再把软件更新到最新版本"
    assert scanner.sub(lambda m: f"<{scanner.outputs[m.lastgroup or '']}>", text) == _whole_sub(
        layer, key, text
    )
    assert scanner._patterns == {}  # no rule compiled on its own


def test_a_small_collection_builds_without_compiling_the_whole_matchers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped notes, a cold build: the Traditional variants' regional rules are applied, and neither
    the Taiwan nor the Hong Kong matcher is compiled whole (each was, in every build)."""
    compiled: list[tuple[str, str, str]] = []
    matcher = regional.RegionalRules.matcher

    def recorded(
        self: regional.RegionalRules, code: str, script: str, domain: str = "", region: str | None = None
    ) -> Any:
        kept = set(self._cache)
        found = matcher(self, code, script, domain, region)
        if any(key[0] not in ("regions", "scanner") for key in set(self._cache) - kept):
            compiled.append((code, script, domain))
        return found

    monkeypatch.setattr(regional.RegionalRules, "matcher", recorded)
    # No converter kept from an earlier build in this process.
    monkeypatch.setattr(site_scripts, "_CONVERTERS", {})
    regional.default_regional.cache_clear()  # nothing compiled by an earlier test in this process
    try:
        result = build_site(tmp_path / "p", repo_notes=True, repo_editorial=True)
        layer = regional.default_regional()
    finally:
        regional.default_regional.cache_clear()
    assert result.ok, result.log
    assert not [key for key in compiled if key[0] != "zh-Hans"], compiled
    scanners = [  # no from-hans rule names a region: one scanner for every region ("")
        layer._cache[("scanner", code, "Hans", d, "")]
        for code in ("zh-Hant-TW", "zh-Hant-HK")
        for d in ("", "software")
        if ("scanner", code, "Hans", d, "") in layer._cache
    ]
    assert scanners and all(0 < len(s._patterns) < len(s.outputs) for s in scanners)


def _synthetic_rules(rng: random.Random) -> regional.RegionalRules:
    """A few rules over a small alphabet (an astral 𠮷 among them): words sharing prefixes, words starting inside
    others, and contexts (written and ``*han``/``*ascii``) before and after, so places overlap constantly."""
    alphabet = "ab中文𠮷"

    def word(longest: int) -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, longest)))

    rules = []
    for _ in range(rng.randint(1, 8)):
        contexts: dict[str, tuple[str, ...]] = {}
        for name in ("next", "prev", "not_next", "not_prev"):
            if rng.random() < 0.3:
                contexts[name] = tuple(word(2) for _ in range(rng.randint(1, 2)))
            elif rng.random() < 0.1:
                contexts[name] = (rng.choice(["*han", "*ascii"]),)
        rules.append(regional.RegionalRule("zh-Hant-TW", "Hans", word(3), "X", **contexts))
    return regional.RegionalRules(tuple(rules))


def test_a_scanner_writes_what_the_whole_matcher_writes_for_overlapping_synthetic_rules() -> None:
    """Adversarial rules and texts (session 35 review): the first rule in match order at the leftmost place,
    contexts reaching before the place, a longer word starting inside a shorter one's match."""
    rng = random.Random(35)
    key = ("zh-Hant-TW", "Hans", "")
    checked = 0
    for _ in range(300):
        layer = _synthetic_rules(rng)
        scanner = layer.scanner(*key)
        assert scanner is not None
        for _ in range(40):
            text = "".join(rng.choice("ab中文𠮷 1") for _ in range(rng.randint(0, 30)))
            got = scanner.sub(lambda m: f"<{m.lastgroup}:{m.group()}>", text)
            assert got == _whole_sub_groups(layer, key, text), (layer.rules, text)
            checked += got != text
    assert checked > 1000  # the rules did fire


def _whole_sub_groups(layer: regional.RegionalRules, key: tuple[str, str, str], text: str) -> str:
    matched = layer.matcher(*key)
    assert matched is not None
    return matched[0].sub(lambda m: f"<{m.lastgroup}:{m.group()}>", text)
