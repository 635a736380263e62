"""The twenty-second held-out conversion set (tests/conversion_heldout22.yml): how-to tutorials written by individuals,
Emacs' tutorial in Simplified Chinese (TUTORIAL.cn) and two TeX Live guides, install-latex-guide-zh-cn and
tlmgr-intro-zh-cn."""

from __future__ import annotations

import pytest

from heldout_shape import assert_heldout_shape, assert_software_figures, assert_software_set, bench_conversion

HELDOUT22 = bench_conversion.load_review(bench_conversion.HELDOUT22)
#: The works the set was drawn from, and how many sentences each gave.
SOURCES = {"emacs-common 28.2": 125, "install-latex-guide-zh-cn ": 135, "tlmgr-intro-zh-cn ": 70}


def test_heldout22_set_shape() -> None:
    """330 sentences from three works (no set used them), none shared with the earlier sets, both Traditional forms
    labelled, every judged word in its sentence and its form in the label."""
    assert len(HELDOUT22) == 330
    assert_heldout_shape(HELDOUT22, "conversion_heldout22.yml", tuple(SOURCES))
    assert sum(bench_conversion.han_count(e["zh-Hans"]) for e in HELDOUT22) == 9083
    for work, count in SOURCES.items():
        assert sum(e["from"].startswith(work) for e in HELDOUT22) == count


def test_heldout22_is_software_text() -> None:
    """Tutorials for an editor and a TeX distribution: the set as one note and every file are software text, so
    ``--domains`` gives the figure a site of such notes gets."""
    assert_software_set(HELDOUT22)


@pytest.mark.parametrize(
    ("code", "most", "most_by_domain", "plain"),
    [("zh-Hant-TW", 69, 36, 197), ("zh-Hant-HK", 13, 9, 65)],
)
def test_heldout22_first_sight(code: str, most: int, most_by_domain: int, plain: int) -> None:
    """First sight, before any rule was written from the set: TW 8.48 (77 wrong words), by domain 5.06 (46); HK 2.53
    (23), by domain 2.20 (20) per 1,000 Han characters; plain OpenCC 21.91 / 7.16.  Aligned with the earlier sets'
    accepted forms (Hong Kong 介面, 訊息, 品質, 解像度; Taiwan 水準, 選取, 選單欄, 映像檔案), still before any rule: TW
    7.60 (69), by domain 3.96 (36); HK 1.43 (13), by domain 0.99 (9); plain OpenCC 21.69 / 7.16."""
    assert_software_figures(HELDOUT22, code, most, most_by_domain, plain)
