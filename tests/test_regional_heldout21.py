"""The twenty-first held-out conversion set (tests/conversion_heldout21.yml): personal and essay prose and blog authors'
own notes, the modern prose of Debian's Chinese fortune cookies (essays, novels' and books' lines, a club's chat quotes)
and the Chinese READMEs and changelogs of nine Hexo blog themes."""

from __future__ import annotations

import pytest

from heldout_shape import assert_heldout_shape, bench_conversion
from zhudu.script.domain import GENERAL, SOFTWARE, text_domain

HELDOUT21 = bench_conversion.load_review(bench_conversion.HELDOUT21)
#: The works the set was drawn from, and how many sentences each gave.
SOURCES = {"fortunes-zh 2.98 chinese #": 220, "hexo-theme-": 110}


def test_heldout21_set_shape() -> None:
    """330 sentences from Debian's fortunes and nine Hexo themes (no set used them), none shared with the earlier sets,
    both Traditional forms labelled, every judged word in its sentence and its form in the label."""
    assert len(HELDOUT21) == 330
    assert_heldout_shape(HELDOUT21, "conversion_heldout21.yml", tuple(SOURCES))
    assert sum(bench_conversion.han_count(e["zh-Hans"]) for e in HELDOUT21) == 9691
    for work, count in SOURCES.items():
        assert sum(e["from"].startswith(work) for e in HELDOUT21) == count
    assert len({bench_conversion.document(e) for e in HELDOUT21}) == 14


def test_heldout21_is_general_text_but_one_changelog() -> None:
    """Essays, chat and bloggers' READMEs are general text; stellar's changelog alone is software text, so ``--domains``
    converts it so and the rest without a domain."""
    assert text_domain("".join(e["zh-Hans"] for e in HELDOUT21)) == GENERAL
    of_entry = bench_conversion.domains(HELDOUT21)
    of_doc = {bench_conversion.document(e): of_entry[id(e)] for e in HELDOUT21}
    assert {doc for doc, d in of_doc.items() if d == SOFTWARE} == {
        "hexo-theme-stellar 1.44.0 (npm) CHANGELOG.md"
    }


@pytest.mark.parametrize(
    ("code", "most", "most_by_domain", "plain"),
    [("zh-Hant-TW", 16, 13, 41), ("zh-Hant-HK", 29, 23, 83)],
)
def test_heldout21_first_sight(code: str, most: int, most_by_domain: int, plain: int) -> None:
    """Aligned first sight: TW 1.65 (16 wrong words), by domain 1.34 (13); HK 2.99 (29), by domain 2.37 (23) per 1,000
    Han characters; plain OpenCC 4.23 / 8.56; every right regional word of OpenCC's kept."""
    figures = bench_conversion.measure(HELDOUT21, code)
    by_domain = bench_conversion.measure(HELDOUT21, code, by_domain=True)["zhudu"]
    assert figures["zhudu"]["wrong"] <= most and figures["opencc"]["wrong"] == plain
    assert by_domain["wrong"] <= most_by_domain and by_domain["kept"] == by_domain["places"]
