"""A Taiwan-written note's Hong Kong page (issue 25): tests/conversion_tw_to_hk.yml and the regional layer's region-only.

The set: 270 sentences of the zh_TW message catalogues Debian installs (software help and errors, iso-codes' names of
places), each with its Hong Kong form as a careful Hong Kong editor writes it (see the file's header), measured as the
site writes a ``lang: zh-TW`` note's Hong Kong page (``bench/tw_to_hk.py``: ``Site.fold_for``, then the zh-Hant-HK
page converter).  Session 52 (X): a word the from-hant rules rewrote for Simplified readers (檔案 → 文件) reached the
Hong Kong page as the rule's word (文件, 設置, 窗口, 程序); now that page shows the author's word where Hong Kong writes
it too, and the rule's word its way where the word is Taiwan's only (``region-only: TW``: 軟體 → 軟件, 網路 → 網絡).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from zhudu.script.domain import GENERAL
from zhudu.script.regional import default_regional, load_regional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import bench_conversion  # noqa: E402  (bench/ is put on the path above)
import tw_to_hk  # noqa: E402

from heldout_shape import assert_regional_set, title_and_body  # noqa: E402

SET = tw_to_hk.SETS["tw-to-hk"]
TW, HK = "zh-Hant-TW", "zh-Hant-HK"


def test_the_set_is_taiwan_catalogue_sentences_with_their_hong_kong_form() -> None:
    assert_regional_set(SET, TW, HK, (270, 4679, 47), "Debian zh_TW ")


def test_figures() -> None:
    # Session 52 (X), wrong words (Taiwan-only words left) of 4,679 Han.  First sight, before any change (4f05d67e):
    # tw2sp+s2hkp 190 (0), t2hk 64 (28), Zhudu 120 (3) = 25.65 per 1,000; aligned for two label mistakes of mine: 188,
    # 62, 118 (3) = 25.22.  After region-only (the Hong Kong page keeps the author's shared words, Taiwan's only words
    # the Hong Kong way, the kept words in Hong Kong's characters) and Taiwan's names of places: Zhudu 5 (0) = 1.07.
    figures = tw_to_hk.measure(bench_conversion.load_review(SET))
    assert figures["tw2sp+s2hkp"]["wrong"] == 188  # OpenCC's: pins the labels
    assert figures["t2hk"]["wrong"] == 62
    assert figures["zhudu"]["wrong_per_1000"] <= 1.07
    assert figures["zhudu"]["left"] == 0
    assert figures["t2hk"]["left"] == 28


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Words Taiwan and Hong Kong share, rewritten for Simplified readers: the author's on the Hong Kong page.
        ("學寫程式的人都要讀這份文件。", "學寫程式的人都要讀這份文件。"),
        ("沒有輸入檔案時就使用標準輸入，預設格式", "沒有輸入檔案時就使用標準輸入，預設格式"),
        ("這個設定鍵沒有被使用，因此不該被讀取或修改。", "這個設定鍵沒有被使用，因此不該被讀取或修改。"),
        ("指定視窗是否顯示調整大小控制。", "指定視窗是否顯示調整大小控制。"),
        ("影片可以在網站上播放。", "影片可以在網站上播放。"),
        # Taiwan's only words: the Hong Kong way.
        ("此驅動程式支援可能裝在印表機內的額外硬體。", "此驅動程式支援可能裝在打印機內的額外硬件。"),
        ("重新載入可安裝軟體的資訊。", "重新載入可安裝軟件的資訊。"),
        ("網路連線中斷了。", "網絡連線中斷了。"),
        ("遠端伺服器不接受列印工作。", "遠端伺服器不接受打印工作。"),
        ("這是一家義大利餐廳。", "這是一家意大利餐廳。"),
        ("咖啡的原產地是衣索比亞。", "咖啡的原產地是埃塞俄比亞。"),
        # A kept word in Hong Kong's characters (read as Taiwan writes characters first: 啟, 著 are Taiwan's forms).
        ("以二進位模式開啟檔案", "以二進位模式開啓檔案"),
        ("BYTES 是有著 0x 前綴的十六進位數", "BYTES 是有着 0x 前綴的十六進位數"),
    ],
)
def test_a_taiwan_notes_hong_kong_page(source: str, expected: str) -> None:
    assert tw_to_hk.hong_kong_page(source, GENERAL) == expected


@pytest.mark.parametrize(
    "source",
    ["此驅動程式支援可能裝在印表機內的額外硬體。", "以二進位模式開啟檔案", "咖啡的原產地是衣索比亞。"],
)
def test_the_notes_own_page_is_as_typed(source: str) -> None:
    site = tw_to_hk.site(GENERAL)
    fold = site.fold_for(type("Meta", (), {"region": "TW", "domain": None})()).text_as_written(source)
    assert site.converter(TW).text(fold) == source


def test_a_note_naming_no_region_shows_taiwans_only_words_the_hong_kong_way() -> None:
    # Its words are kept on every Traditional page (most such notes are written in Taiwan), but not Taiwan's only ones.
    assert (
        tw_to_hk.hong_kong_page("重新載入可安裝軟體的資訊。", GENERAL, region=None)
        == "重新載入可安裝軟件的資訊。"
    )
    assert tw_to_hk.hong_kong_page("沒有輸入檔案時", GENERAL, region=None) == "沒有輸入檔案時"


def test_region_only_is_data_checked_when_loaded(tmp_path: Path) -> None:
    layer = default_regional()
    only = layer.only_in("TW")
    assert only is not None and only.search("安裝軟體") and not only.search("安裝程式")
    assert layer.only_in("MO") is None  # no list: such a region's notes' words stay on its own page only
    bad = tmp_path / "regional.yml"
    bad.write_text(
        "region-only:\n  TW:\n    words: [軟體]\n    why: Taiwan's\n    example: 沒有這個詞。\n", "utf-8"
    )
    with pytest.raises(ValueError, match=r"regional\.yml: region-only TW: .*example holds one of them"):
        load_regional(bad)
    bad.write_text(
        "region-only:\n  TW:\n    words: [軟體]\n    why: x\n    example: 軟體\n    out: 軟件\n", "utf-8"
    )
    with pytest.raises(ValueError, match=r"region-only TW: unknown field\(s\) \['out'\]"):
        load_regional(bad)


#: A Taiwan note whose title and body hold words the from-hant rules rewrite: shared ones (設定, 檔案, 程式) and
#: Taiwan's only ones (軟體, 印表機, 硬體).
NOTE_TITLE = "安裝軟體前先讀程式的設定檔案"
NOTE = (
    f"---\ntitle: {NOTE_TITLE}\nlang: zh-TW\ndate: 2026-12-01\n---\n\n"
    "此驅動程式支援可能裝在印表機內的額外硬體。\n\n以二進位模式開啟檔案，再修改設定。\n\n"
    # A name the rules rewrite before a character OpenCC reads by its phrase (義大利麵: spaghetti).
    "我們去吃義大利麵，再看義大利的地圖。\n"
)


def test_a_taiwan_notes_hong_kong_page_in_a_real_build(tmp_path: Path) -> None:

    from conftest import build_site

    result = build_site(tmp_path, notes={"posts/tw.md": NOTE})
    assert result.ok and not result.warnings, result.log

    def shown(code: str) -> tuple[str, str]:
        return title_and_body(result, code, "posts-tw")

    hk_title, hk_body = shown(HK)
    assert hk_title == "安裝軟件前先讀程式的設定檔案"
    assert "此驅動程式支援可能裝在打印機內的額外硬件。" in hk_body
    assert "以二進位模式開啓檔案，再修改設定。" in hk_body
    assert "我們去吃意大利粉，再看意大利的地圖。" in hk_body  # the body as its description reads it
    assert "我们去吃意大利面，再看意大利的地图。" in shown("zh-Hans")[1]
    tw_title, tw_body = shown(TW)  # its own page: as typed
    assert tw_title == NOTE_TITLE
    assert "此驅動程式支援可能裝在印表機內的額外硬體。" in tw_body and "開啟檔案，再修改設定" in tw_body
