"""What a held-out conversion set must be (tests/conversion_heldout5.yml on): the shape its test checks."""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest

from zhudu.script.convert import DEFAULT_VARIANTS, ConversionRules, Converter, load_rules

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
sys.path.insert(0, str(ROOT / "bench"))

import bench_conversion  # noqa: E402  (bench/ is put on the path above)

__all__ = [
    "ROOT",
    "RULES",
    "VARIANTS",
    "assert_batch_keeps_opencc_phrases",
    "assert_general_set",
    "assert_heldout_shape",
    "assert_regional_set",
    "assert_rule_fires_in_its_domain",
    "assert_set",
    "assert_set_of_works",
    "assert_software_figures",
    "assert_software_set",
    "assert_within_first_sight",
    "bench_conversion",
    "layer_alone",
    "layer_without",
    "opencc_phrases_with",
    "rule_cases",
    "rules_after_marker",
    "shipped",
    "software_text",
    "title_and_body",
    "wrong_words_by_document",
]

#: The shipped variants by code, and the shipped editorial rules: what each held-out test measures with.
VARIANTS = {v.code: v for v in DEFAULT_VARIANTS}
RULES = load_rules(ROOT / "docs" / "editorial" / "conversion.yml", known_variants=VARIANTS)


def assert_heldout_shape(
    entries: Iterable[Mapping[str, Any]], file_name: str, sources: str | tuple[str, ...]
) -> None:
    """Every sentence from ``sources``, in no other set and only once, both Traditional forms labelled,
    every judged word in its zh-Hans sentence and its judged form in the label."""
    earlier = frozenset().union(
        *(
            bench_conversion.set_sentences(path)
            for path in TESTS.glob("conversion_*.yml")
            if path.name != file_name
        )
    )
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


def layer_alone(code: str, domain: str | None = None) -> Callable[[str], str]:
    """The regional layer alone (no editor's rules) writing variant ``code``, in ``domain`` (by default not known:
    the rules of neither domain)."""
    return Converter(VARIANTS[code], ConversionRules(), domain=domain).text


def layer_without(
    code: str, rules: Iterable[Any], new: Iterable[Any], domain: str | None = None
) -> Callable[[str], str]:
    """``layer_alone`` as it was before the ``new`` regional rules: the layer's other ``rules`` alone."""
    earlier = _layer_before(tuple(rules), frozenset(new))
    return Converter(VARIANTS[code], ConversionRules(), regional=earlier, domain=domain).text


@functools.cache
def _layer_before(rules: tuple[Any, ...], new: frozenset[Any]) -> Any:
    """The layer of ``rules`` without the ``new`` ones: one per batch, so the tests of a batch's rules (one per rule
    and variant) share what it compiles (a layer keeps its scanners)."""
    from zhudu.script.regional import RegionalRules

    return RegionalRules(tuple(r for r in rules if r not in new))


def assert_new_rule_fires_on_its_example_only(
    rule: Any, code: str, rules: Iterable[Any], new: Iterable[Any]
) -> None:
    """A batch's ``rule`` writing ``code``: its example gives the rule's word and did not without the ``new`` rules;
    it has ``not`` sentences, and they read as before the batch."""
    layer, before = layer_alone(code), layer_without(code, rules, new)
    assert rule.out in layer(rule.example)
    assert layer(rule.example) != before(rule.example)
    assert len(rule.negatives) >= 1
    for sentence in rule.negatives:
        assert layer(sentence) == before(sentence), sentence


def assert_rule_fires_in_its_domain(rule: Any, code: str, rules: Iterable[Any], new: Iterable[Any]) -> None:
    """A batch's ``rule`` writing ``code``, in text of the rule's domain: its example gives the rule's word and did
    not without the ``new`` rules; its ``not`` sentences (where it has some) read as before the batch."""
    from zhudu.script.regional import DOMAINS

    domain = DOMAINS.get(rule.domain)
    layer, before = layer_alone(code, domain), layer_without(code, rules, new, domain=domain)
    assert rule.out in layer(rule.example)
    assert layer(rule.example) != before(rule.example)
    for sentence in rule.negatives:
        assert layer(sentence) == before(sentence), sentence


def opencc_phrases_with(words: Iterable[str]) -> set[str]:
    """OpenCC's own phrases that hold one of ``words`` and are not that word alone."""
    from test_regional_heldout6 import _opencc_phrases

    words = set(words)
    if not words:
        return set()
    # One search of all the words, then the few phrases that are a word themselves checked word by word.
    holds = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))).search
    return {
        k for k in _opencc_phrases() if holds(k) and (k not in words or any(w in k and w != k for w in words))
    }


def software_text(code: str) -> Callable[[str], str]:
    """``layer_alone`` writing variant ``code`` in software text: where a rule's software sense must stay."""
    from zhudu.script.regional import DOMAINS

    return layer_alone(code, DOMAINS["software"])


def shipped(code: str) -> Callable[[str], str]:
    """The shipped conversion writing variant ``code``: the regional layer and the editor's rules (``RULES``)."""
    return Converter(VARIANTS[code], RULES).text


@functools.cache
def shipped_in(code: str, domain: str | None) -> Callable[[str], str]:
    """``shipped`` writing text of ``domain`` (``GENERAL``, ``SOFTWARE``), one converter a worker for every set's tests."""
    return Converter(VARIANTS[code], RULES, domain=domain).text


#: Zhudu's figures alone (``measure``'s other converters would double a test's time); the every-set check
#: in ``test_regional_heldout10`` asks for the same, so a worker measures each set once.
ZHUDU_ONLY = ("zhudu",)


def wrong_words_by_document(entries: list[dict[str, Any]]) -> dict[str, int]:
    """Zhudu's wrong words on ``entries`` by variant, each document in its own domain (``--domains``)."""
    return {
        code: bench_conversion.measure(entries, code, by_domain=True, names=ZHUDU_ONLY)["zhudu"]["wrong"]
        for code in ("zh-Hant-TW", "zh-Hant-HK")
    }


def assert_set(
    entries: list[dict[str, Any]],
    file_name: str,
    sources: str | tuple[str, ...],
    size: int,
    han: int | None = None,
    documents: int | None = None,
) -> None:
    """``size`` entries of the shape every held-out set has (``assert_heldout_shape``), with ``han`` Han characters
    in all and from ``documents`` documents (``bench_conversion.document``) when given."""
    assert len(entries) == size
    assert_heldout_shape(entries, file_name, sources)
    if han is not None:
        assert sum(bench_conversion.han_count(e["zh-Hans"]) for e in entries) == han
    if documents is not None:
        assert len({bench_conversion.document(e) for e in entries}) == documents


def assert_set_of_works(
    entries: list[dict[str, Any]], file_name: str, works: Mapping[str, int], han: int, size: int = 330
) -> None:
    """``size`` sentences (330 unless given) drawn from ``works`` (a ``from`` prefix each, and how many sentences each
    gave), ``han`` Han characters in all, and the shape every held-out set has (``assert_heldout_shape``)."""
    assert_set(entries, file_name, tuple(works), size, han)
    for work, count in works.items():
        assert sum(e["from"].startswith(work) for e in entries) == count, work


def assert_new_rules_keep_opencc_phrases(
    code: str, new_rules: set[tuple[str, str, str]], on_purpose: set[str]
) -> None:
    """Inside one of OpenCC's own phrases, a word of the session's new rules (``(variant key, word, domain)``) gives
    what the layer wrote there before them, in general and in software text, but for the phrases ``on_purpose``."""
    from zhudu.script.regional import default_regional

    rules = default_regional().rules
    new = [r for r in rules if (r.code, r.word, r.domain) in new_rules]
    assert {(r.code, r.word, r.domain) for r in new} == new_rules
    assert_batch_keeps_opencc_phrases(code, new, on_purpose)


def assert_batch_keeps_opencc_phrases(
    code: str, new: list[Any], on_purpose: set[str] | frozenset[str] = frozenset()
) -> None:
    """Inside one of OpenCC's own phrases, a word of the rules ``new`` gives what the layer wrote there without them,
    in general and in software text, but for the phrases ``on_purpose``: a batch whose words earlier rules of the same
    word and domain share passes its own rules (``assert_new_rules_keep_opencc_phrases`` would take those out too)."""
    from zhudu.script.domain import GENERAL, SOFTWARE
    from zhudu.script.regional import default_regional

    rules = default_regional().rules
    phrases = opencc_phrases_with({r.word for r in new})
    for domain in (GENERAL, SOFTWARE):
        layer, before = layer_alone(code, domain), layer_without(code, rules, new, domain)
        assert {k for k in phrases - on_purpose if layer(k) != before(k)} == set()


def assert_software_set(entries: list[dict[str, Any]]) -> None:
    """The set as one note and every document of it are software text (``--domains`` gives a site's figure)."""
    from zhudu.script.domain import SOFTWARE, text_domain

    assert text_domain("".join(e["zh-Hans"] for e in entries)) == SOFTWARE
    assert set(bench_conversion.domains(entries).values()) == {SOFTWARE}


def assert_general_set(entries: list[dict[str, Any]], joiner: str = "") -> None:
    """The set as one note (its sentences joined by ``joiner``) and every document of it are general text."""
    from zhudu.script.domain import GENERAL, text_domain

    assert text_domain(joiner.join(e["zh-Hans"] for e in entries)) == GENERAL
    assert set(bench_conversion.domains(entries).values()) == {GENERAL}


def assert_software_figures(
    entries: list[dict[str, Any]], code: str, most: int, most_by_domain: int, plain: int
) -> None:
    """A software set's figures after its rules: at most ``most`` wrong words without a domain and
    ``most_by_domain`` with each document's, plain OpenCC's count exactly ``plain``; by domain every right
    regional word of OpenCC's kept and, in Taiwan, no mainland word left."""
    figures = bench_conversion.measure(entries, code, names=("opencc", "zhudu"))
    by_domain = bench_conversion.measure(entries, code, by_domain=True, names=ZHUDU_ONLY)["zhudu"]
    assert figures["zhudu"]["wrong"] <= most and figures["opencc"]["wrong"] == plain
    assert by_domain["wrong"] <= most_by_domain and by_domain["kept"] == by_domain["places"]
    assert code == "zh-Hant-HK" or by_domain["mainland"] == 0


def assert_within_first_sight(
    entries: list[dict[str, Any]],
    code: str,
    bounds: tuple[tuple[int, int], tuple[int, int]],
    plain: int,
    kept_lost: int = 0,
) -> None:
    """A set's first-sight figures as upper bounds: ``bounds`` is (wrong words, mainland words left) without a domain
    and by document domain; plain OpenCC's wrong words exactly ``plain`` (it pins the labels); Zhudu keeps every right
    regional word of OpenCC's but ``kept_lost``."""
    for by_domain, (most, left) in zip((False, True), bounds, strict=True):
        figures = bench_conversion.measure(entries, code, by_domain=by_domain, names=("opencc", "zhudu"))
        assert figures["opencc"]["wrong"] == plain
        assert figures["zhudu"]["wrong"] <= most and figures["zhudu"]["mainland"] <= left
        assert figures["zhudu"]["kept"] >= figures["zhudu"]["places"] - kept_lost


def assert_new_rules_keep_opencc_phrases_in_both_variants(new_rules: set[tuple[str, str, str]]) -> None:
    """``assert_new_rules_keep_opencc_phrases`` for Taiwan and Hong Kong, no phrase changed on purpose."""
    for code in ("zh-Hant-TW", "zh-Hant-HK"):
        assert_new_rules_keep_opencc_phrases(code, new_rules, on_purpose=set())


_SECTION = re.compile(r"^  (?P<code>zh-Hant(?:-TW|-HK)?):$")


def rules_after_marker(marker: str) -> list[Any]:
    """The shipped layer's Simplified-source rules written after the comment line starting ``marker`` (``# Session 35
    — conv33``) in each of zh-Hant, zh-Hant-TW and zh-Hant-HK, up to the next batch's ``# Session`` line: one
    batch's rules, in file order."""
    from zhudu.script.regional import DEFAULT_REGIONAL_FILE, default_regional

    starts: dict[str, int] = {}
    sizes: dict[str, int] = {}
    code, in_batch = "", False
    for line in DEFAULT_REGIONAL_FILE.read_text(encoding="utf-8").splitlines():
        if line == "from-hant:":
            break
        if match := _SECTION.match(line):
            code, in_batch = match.group("code"), False
            starts[code] = 0
        elif line.startswith(f"    {marker}"):
            in_batch, sizes[code] = True, 0
        elif line.startswith("    # Session "):  # a later batch's block ends this one
            in_batch = False
        elif line.startswith("    - word: "):
            if in_batch:
                sizes[code] += 1
            elif code not in sizes:
                starts[code] += 1
    rules = []
    for code, size in sizes.items():
        mine = [r for r in default_regional().rules if r.code == code and r.script == "Hans"]
        rules.extend(mine[starts[code] : starts[code] + size])
    return rules


def rule_cases(rules: Iterable[Any]) -> list[Any]:
    """One test case per rule and variant it writes (a zh-Hant rule writes Taiwan and Hong Kong)."""
    return [
        pytest.param(rule, code, id=f"{code}-{rule.word}-{rule.out}")
        for rule in rules
        for code in ("zh-Hant-TW", "zh-Hant-HK")
        if code == rule.code or rule.code == "zh-Hant"
    ]


def assert_regional_set(
    path: Path, source: str, target: str, shape: tuple[int, int, int], origin: str
) -> None:
    """A set of one region's Traditional sentences with the other region's form (tw-to-hk, hk-to-tw).

    ``shape``: its sentences, Han characters and documents; ``origin``: what each entry's ``from`` starts with.  Each
    is written in Traditional, its ``also-`` alternatives are not in its label, and no sentence is in another set.
    """
    import glob

    from zhudu.script.convert import opencc_converter

    entries = bench_conversion.load_review(path)
    t2s = opencc_converter("t2s").convert
    also = "also-" + target.rsplit("-", 1)[-1].lower()
    han = sum(bench_conversion.han_count(str(e[source])) for e in entries)
    assert (len(entries), han, len({bench_conversion.document(e) for e in entries})) == shape
    for e in entries:
        assert set(e) <= {"from", source, target, also} and {"from", source, target} <= set(e), e
        assert str(e["from"]).startswith(origin), e
        assert t2s(str(e[source])) != e[source], e  # written in Traditional
        for alternative, word in dict(e.get(also) or {}).items():
            assert word in str(e[target]) and alternative not in str(e[target]), e
    others = {
        str(v)
        for other in glob.glob(str(ROOT / "tests" / "conversion_*.yml"))
        if Path(other) != path
        for e in bench_conversion.load_review(Path(other))
        for k, v in e.items()
        if k.startswith("zh-")
    }
    assert not {str(e[source]) for e in entries} & others


def title_and_body(result: Any, code: str, slug: str) -> tuple[str, str]:
    """A built note page's heading and body as a reader sees them (text, tags left out), in variant ``code``."""
    import html

    page = result.page(f"{code}/notes/{slug}/index.html")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    body = re.search(r'<article class="zd-note"[^>]*>(.*?)</article>', page, re.S)
    assert heading is not None and body is not None, page
    title, text = (html.unescape(re.sub(r"<[^>]*>", "", m[1])).strip() for m in (heading, body))
    return title, text
