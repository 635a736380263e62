"""The twenty-third held-out conversion set (tests/conversion_heldout23.yml): general prose written by people for any
reader, the two real texts zhlipsum ships (Lu Xun's short story 祝福 and the Chinese Wikipedia article on aspirin)."""

from __future__ import annotations

from heldout_shape import assert_set_of_works, bench_conversion
from zhudu.script.domain import GENERAL, text_domain

HELDOUT23 = bench_conversion.load_review(bench_conversion.HELDOUT23)
#: The works the set was drawn from, and how many sentences each gave.
SOURCES = {
    "zhlipsum 1.2.0 (texlive-lang-chinese 2022.20230122-1) zhlipsum-utf8.def zhufu ": 154,
    "zhlipsum 1.2.0 (texlive-lang-chinese 2022.20230122-1) zhlipsum-utf8.def aspirin ": 176,
}


def test_heldout23_set_shape() -> None:
    """330 sentences from two texts (no set used them), none shared with the earlier sets, both Traditional forms
    labelled, every judged word in its sentence and its form in the label."""
    assert_set_of_works(HELDOUT23, "conversion_heldout23.yml", SOURCES, 10797)


def test_heldout23_is_general_text() -> None:
    """A short story and an encyclopaedia article: the set as one note is general text, so ``--domains`` gives the
    figure without a domain."""
    assert text_domain("\n".join(e["zh-Hans"] for e in HELDOUT23)) == GENERAL
    assert set(bench_conversion.domains(HELDOUT23).values()) == {GENERAL}
