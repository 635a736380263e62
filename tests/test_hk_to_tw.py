"""A Hong Kong-written note's Taiwan page (issue 25): tests/conversion_hk_to_tw.yml and ``region-only: HK``.

The mirror of test_tw_to_hk.py.  The set: 166 sentences of the zh_HK message catalogues Debian installs (GTK, glib,
gsettings …; iso-codes' names of places), each with its Taiwan form as a careful Taiwan editor writes it (see the
file's header), measured as the site writes a ``lang: zh-HK`` note's Taiwan page (``bench/tw_to_hk.py --to
zh-Hant-TW``).  Session 52 (HK): with no ``region-only: HK`` list a Hong Kong note's Taiwan page shared nothing, so
the author's 視窗, 物件, 實作 reached it as the fold's 窗口, 對象, 實現; now it keeps them, and Hong Kong's only words
(網絡, 打印) go the Taiwan way.
"""

from __future__ import annotations

import sys
from pathlib import Path

from zhudu.script.regional import default_regional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import bench_conversion  # noqa: E402  (bench/ is put on the path above)
import tw_to_hk  # noqa: E402

from heldout_shape import assert_regional_set, title_and_body  # noqa: E402

SET = tw_to_hk.MIRROR_SETS["hk-to-tw"]
TW, HK = "zh-Hant-TW", "zh-Hant-HK"


def test_the_set_is_hong_kong_catalogue_sentences_with_their_taiwan_form() -> None:
    assert_regional_set(SET, HK, TW, (166, 2256, 14), "Debian zh_HK ")


def test_figures() -> None:
    # Session 52 (HK), wrong words (Hong Kong-only words left) of 2,256 Han.  First sight, before any change
    # (d909f04e): hk2s+s2twp 27 (3), hk2t+t2tw 77 (75), Zhudu 39 (12) = 17.29 per 1,000.  After region-only HK (the
    # Taiwan page keeps the author's shared words: 視窗, 物件, 實作, 透過; 網絡 in a rewritten group the Taiwan way):
    # Zhudu 24 (3) = 10.64.  Session 53 (R), the words no rule rewrote (闊度 → 宽度, the Taiwan page's 寬度): 21 (0) = 9.31.
    figures = tw_to_hk.measure(bench_conversion.load_review(SET), to=TW)
    assert figures["hk2s+s2twp"]["wrong"] == 27  # OpenCC's: pins the labels
    assert figures["hk2t+t2tw"]["wrong"] == 77
    assert figures["zhudu"]["wrong"] <= 21
    assert figures["zhudu"]["left"] == 0
    only = default_regional().only_in("HK")
    assert only is not None and only.search("網絡連線") and not only.search("視窗")


#: A Hong Kong note whose words the from-hant rules rewrite: shared ones (視窗, 物件, 實作) and, beside a rewritten
#: word, Hong Kong's only one (網絡).
NOTE = (
    "---\ntitle: 將視窗移至畫面邊緣\nlang: zh-HK\ndate: 2026-12-01\n---\n\n"
    "此視窗元件的物件路徑，由後端實作。\n\n網絡無法透過 SOCKSv5 代理伺服器抵達。\n"
)


def test_a_hong_kong_notes_taiwan_page_in_a_real_build(tmp_path: Path) -> None:
    from conftest import build_site

    result = build_site(tmp_path, notes={"posts/hk.md": NOTE})
    assert result.ok and not result.warnings, result.log

    def shown(code: str) -> tuple[str, str]:
        return title_and_body(result, code, "posts-hk")

    tw_title, tw_body = shown(TW)
    assert tw_title == "將視窗移至畫面邊緣"
    assert "此視窗元件的物件路徑，由後端實作。" in tw_body
    assert "網路無法" in tw_body and "網絡" not in tw_body
    hk_title, hk_body = shown(HK)  # its own page: as typed
    assert hk_title == "將視窗移至畫面邊緣"
    assert "此視窗元件的物件路徑，由後端實作。" in hk_body and "網絡無法透過" in hk_body
