"""The sixty-fifth held-out conversion set (tests/conversion_heldout65.yml): help text for ordinary users, the GNOME
desktop's user guide (GNOME Help) in its Simplified Chinese translation, as the Debian package gnome-user-docs 43.0-2
ships it: printing, Bluetooth, backups, disks, the mouse and keyboard, wireless networks, a laptop's battery, colour
profiles, passwords; built and measured at first sight for issue 25 before any rule was written from it.  Its shape, its
domain, and its first-sight figures as an upper bound: a later rule that makes the set worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_set, assert_software_set, assert_within_first_sight, bench_conversion

HELDOUT65 = bench_conversion.load_review(bench_conversion.SETS["heldout65"])
SOURCE = "gnome-user-docs 43.0-2 (Debian) help/zh_CN/gnome-help/"


def test_heldout65_set_shape() -> None:
    """300 sentences from 142 pages of GNOME Help, none shared with the earlier sets, both Traditional forms labelled,
    every judged word in its sentence and its form in the label; 8,909 Han characters."""
    assert_set(HELDOUT65, "conversion_heldout65.yml", SOURCE, 300, 8909, documents=142)
    assert all(e["from"].split(":")[0].endswith(".page") for e in HELDOUT65)


def test_heldout65_is_software_text() -> None:
    """A desktop's guide names files, folders, devices, drivers and settings in every line: the set as one note is
    software text, and so is every page (each under ``--domains``' 500 Han characters, so it takes the set's domain)."""
    assert_software_set(HELDOUT65)


#: First sight's bounds by variant, aligned: (wrong words, mainland words left) without a domain and by document
#: domain, plain OpenCC's wrong words.
FIRST_SIGHT = {
    "zh-Hant-TW": (((28, 2), (20, 0)), 129),
    "zh-Hant-HK": (((24, 6), (4, 0)), 143),
}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout65_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's af7e5c27 layer), aligned (Zhudu's right forms
    accepted beside the labels as also-tw / also-hk: Taiwan 拖曳, 按一下, 選取, 說明文件, 試算表, 套件, 每台, 文字框, 網域,
    區域網路, 偵測, 暫停, 背景, 分頁, 標題列, 設備; Hong Kong 訊息, 線上, 磁碟, 影片, 視窗, 物件, 解像度, 區域網絡, 暫停; label
    mistakes of mine fixed: Taiwan 欄標題, 列印出來): Taiwan 3.14 (28 wrong words, 2 mainland words left) without a domain
    and 2.24 (20; 0) by document, Hong Kong 2.69 (24; 6) and 0.45 (4; 0); raw Taiwan 57 / 58, Hong Kong 55 / 38; plain
    OpenCC 14.48 (129) / 16.05 (143).  Zhudu must not do worse, nor leave more mainland words, and keeps every right
    regional word of OpenCC's; OpenCC's count pins the labels."""
    bounds, plain = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT65, code, bounds, plain)
