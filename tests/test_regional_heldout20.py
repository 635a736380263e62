"""The twentieth held-out conversion set (tests/conversion_heldout20.yml): an installation manual, the Debian
Installation Guide in Simplified Chinese."""

from __future__ import annotations

import pytest

from heldout_shape import assert_heldout_shape, bench_conversion
from zhudu.script.domain import SOFTWARE, text_domain

HELDOUT20 = bench_conversion.load_review(bench_conversion.HELDOUT20)
#: The work the set was drawn from.
SOURCE = "installation-guide-zh-cn 20230508+deb12u1 "


def test_heldout20_set_shape() -> None:
    """330 sentences from one work (no set used it), none shared with the earlier sets, both Traditional forms
    labelled, every judged word in its sentence and its form in the label."""
    assert len(HELDOUT20) == 330
    assert_heldout_shape(HELDOUT20, "conversion_heldout20.yml", SOURCE)
    assert sum(bench_conversion.han_count(e["zh-Hans"]) for e in HELDOUT20) == 9711


def test_heldout20_is_software_text() -> None:
    """An installation manual: the set as one note and every page are software text, so ``--domains`` gives the
    figure a site of such notes gets."""
    assert text_domain("".join(e["zh-Hans"] for e in HELDOUT20)) == SOFTWARE
    assert set(bench_conversion.domains(HELDOUT20).values()) == {SOFTWARE}


@pytest.mark.parametrize(
    ("code", "most", "most_by_domain", "plain"),
    [("zh-Hant-TW", 87, 73, 203), ("zh-Hant-HK", 55, 15, 227)],
)
def test_heldout20_after_its_rules(code: str, most: int, most_by_domain: int, plain: int) -> None:
    """Aligned first sight: TW 8.96 (87 wrong words), by domain 7.52 (73); HK 5.66 (55), by domain 1.54 (15) per 1,000
    Han characters; plain OpenCC 20.90 / 23.38; every right regional word of OpenCC's kept."""
    figures = bench_conversion.measure(HELDOUT20, code)
    by_domain = bench_conversion.measure(HELDOUT20, code, by_domain=True)["zhudu"]
    assert figures["zhudu"]["wrong"] <= most and figures["opencc"]["wrong"] == plain
    assert by_domain["wrong"] <= most_by_domain and by_domain["kept"] == by_domain["places"]
