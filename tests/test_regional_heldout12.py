"""The twelfth held-out conversion set (tests/conversion_heldout12.yml): the Simplified Chinese resources of the
JDK's tools (javac's diagnostics, jshell's help, javadoc's help pages), software prose no rule was written from."""

from __future__ import annotations

import pytest

from heldout_shape import VARIANTS, assert_heldout_shape, bench_conversion
from zhudu.script.domain import SOFTWARE, text_domain

HELDOUT12 = bench_conversion.load_review(bench_conversion.HELDOUT12)


def test_heldout12_set_shape() -> None:
    """320 sentences of the JDK's zh_CN resource bundles (no set used them), none shared with the earlier sets,
    both Traditional forms labelled, every judged word in its sentence and its form in the label."""
    assert len(HELDOUT12) == 320
    assert_heldout_shape(HELDOUT12, "conversion_heldout12.yml", "JDK 25 src.zip ")
    assert all("_zh_CN #" in e["from"] for e in HELDOUT12)
    assert sum(bench_conversion.han_count(e["zh-Hans"]) for e in HELDOUT12) == 7232


def test_heldout12_is_software_text() -> None:
    """The JDK's messages are software text, as one note and bundle by bundle: --domains is the site's figure."""
    assert text_domain("".join(e["zh-Hans"] for e in HELDOUT12)) == SOFTWARE
    assert set(bench_conversion.domains(HELDOUT12).values()) == {SOFTWARE}


@pytest.mark.parametrize(
    ("code", "most", "most_by_domain", "kept"),
    [("zh-Hant-TW", 136, 124, 508), ("zh-Hant-HK", 41, 6, 15)],
)
def test_heldout12_first_sight(code: str, most: int, most_by_domain: int, kept: int) -> None:
    """First sight, before any rule (labels aligned): TW 18.81 (136 wrong words), 17.15 (124) by domain; HK 5.67
    (41), 0.83 (6) by domain, per 1,000 (plain OpenCC 24.47 / 20.05).  A ceiling: no later rule may make it worse."""
    assert code in VARIANTS
    plain = bench_conversion.measure(HELDOUT12, code)
    by_domain = bench_conversion.measure(HELDOUT12, code, by_domain=True)
    assert plain["zhudu"]["wrong"] <= most < plain["opencc"]["wrong"]
    assert by_domain["zhudu"]["wrong"] <= most_by_domain
    assert by_domain["zhudu"]["kept"] >= kept
