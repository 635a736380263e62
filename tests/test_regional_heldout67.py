"""The sixty-seventh held-out conversion set (tests/conversion_heldout67.yml): developer documentation of front-end and
mobile UI libraries (TDesign's changelogs for Vue and mobile, zarm's API tables, uni-ui's, Varlet's, OpenTiny's, Naive
UI's and Arco Design's READMEs); built and measured at first sight for issue 25 before any rule was written from it.
Its shape, its domain, and its first-sight figures as an upper bound: a later rule that makes the set worse fails
here."""

from __future__ import annotations

import pytest

from heldout_shape import assert_set, assert_software_set, assert_within_first_sight, bench_conversion

HELDOUT67 = bench_conversion.load_review(bench_conversion.SETS["heldout67"])
#: Each package and how many sentences its files gave (TDesign for Vue held under 40 % of the set).
PACKAGES = {
    "tdesign-vue-next 1.20.8 ": 110,
    "tdesign-mobile-vue 1.14.1 ": 71,
    "zarm 3.4.2 ": 41,
    "@dcloudio/uni-ui 1.5.12 ": 26,
    "@varlet/ui 3.20.6 ": 10,
    "@opentiny/vue 3.31.0 ": 6,
    "naive-ui 2.45.3 ": 6,
    "@arco-design/web-vue 2.59.0 ": 7,
}


def test_heldout67_set_shape() -> None:
    """277 sentences from 30 files of 8 packages, none shared with the earlier sets, both Traditional forms labelled,
    every judged word in its sentence and its form in the label; 6,064 Han characters; no package over 40 %."""
    assert_set(HELDOUT67, "conversion_heldout67.yml", tuple(PACKAGES), 277, 6064, documents=30)
    for package, count in PACKAGES.items():
        assert sum(e["from"].startswith(package) for e in HELDOUT67) == count, package
    assert max(PACKAGES.values()) <= 0.4 * len(HELDOUT67)


def test_heldout67_is_software_text() -> None:
    """The set as one note and each of its 30 files are software text (``--domains`` converts them so)."""
    assert_software_set(HELDOUT67)


#: First sight's bounds by variant, aligned: (wrong words, mainland words left) without a domain and by document
#: domain, plain OpenCC's wrong words, and OpenCC's right regional words Zhudu lost (Taiwan: Varlet's 以下项目, open-source
#: projects, where s2twp's 專案 is right and Zhudu writes 項目).
FIRST_SIGHT = {
    "zh-Hant-TW": (((20, 10), (11, 2)), 59, 1),
    "zh-Hant-HK": (((23, 23), (0, 0)), 76, 0),
}


@pytest.mark.parametrize("code", FIRST_SIGHT)
def test_heldout67_no_worse_than_first_sight(code: str) -> None:
    """First sight, before any rule was written from the set (main's f13ed4c3 layer), aligned (Zhudu's right forms
    accepted beside the labels as also-tw / also-hk: Taiwan 自訂, 類型 / 型別, 參數, 主控台, 選取, 拖曳, 儲存格, 行動端,
    平台, 選單項目, 清單項目, 分頁, 取得到; Hong Kong 自訂, 啓用, 視窗, 小程式, 介面, 高品質; label mistakes of mine fixed:
    Taiwan 分頁 for 选项卡, 導覽列, 標題列, 搜尋, 回傳值): Taiwan 3.30 (20 wrong words, 10 mainland words left) without a
    domain and 1.81 (11; 2) by document, Hong Kong 3.79 (23; 23) and 0 (0; 0); raw Taiwan 64 / 67, Hong Kong 51 / 34;
    plain OpenCC 9.73 (59) / 12.53 (76).  Zhudu must not do worse, nor leave more mainland words, and keeps every right
    regional word of OpenCC's but the one named above; OpenCC's count pins the labels."""
    bounds, plain, lost = FIRST_SIGHT[code]
    assert_within_first_sight(HELDOUT67, code, bounds, plain, kept_lost=lost)
