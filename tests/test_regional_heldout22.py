"""The twenty-second held-out conversion set (tests/conversion_heldout22.yml): how-to tutorials written by individuals,
Emacs' tutorial in Simplified Chinese (TUTORIAL.cn) and two TeX Live guides, install-latex-guide-zh-cn and
tlmgr-intro-zh-cn; session 33's heldout22 rules (both variants 窗格裡 / 窗格裏 where OpenCC leaves 格里, 程式碼 for
程序代码, 登出 for 退出登陆, 捷徑 for a desktop shortcut; Taiwan 擴充指令, 批次檔, 命令提示字元 kept from the 命令 rule,
巨集套件 for a LaTeX package installed or upgraded, 國內鏡像, 下載網址, 水木社區, 視窗裡 in software text, 原始程式碼)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_new_rules_keep_opencc_phrases_in_both_variants,
    assert_set_of_works,
    assert_software_figures,
    assert_software_set,
    bench_conversion,
    layer_alone,
)
from zhudu.script.domain import GENERAL, SOFTWARE

HELDOUT22 = bench_conversion.load_review(bench_conversion.SETS["heldout22"])
#: The works the set was drawn from, and how many sentences each gave.
SOURCES = {"emacs-common 28.2": 125, "install-latex-guide-zh-cn ": 135, "tlmgr-intro-zh-cn ": 70}


def test_heldout22_set_shape() -> None:
    """330 sentences from three works (no set used them), none shared with the earlier sets, both Traditional forms
    labelled, every judged word in its sentence and its form in the label."""
    assert_set_of_works(HELDOUT22, "conversion_heldout22.yml", SOURCES, 9083)


def test_heldout22_is_software_text() -> None:
    """Tutorials for an editor and a TeX distribution: the set as one note and every file are software text, so
    ``--domains`` gives the figure a site of such notes gets."""
    assert_software_set(HELDOUT22)


@pytest.mark.parametrize(
    ("code", "most", "most_by_domain", "plain"),
    [("zh-Hant-TW", 50, 13, 197), ("zh-Hant-HK", 4, 0, 65)],
)
def test_heldout22_after_its_rules(code: str, most: int, most_by_domain: int, plain: int) -> None:
    """First sight, before any rule was written from the set: TW 8.48 (77 wrong words), by domain 5.06 (46); HK 2.53
    (23), by domain 2.20 (20) per 1,000 Han characters; plain OpenCC 21.91 / 7.16.  Aligned with the earlier sets'
    accepted forms (Hong Kong 介面, 訊息, 品質, 解像度; Taiwan 水準, 選取, 選單欄, 映像檔案), still before any rule: TW
    7.60 (69), by domain 3.96 (36); HK 1.43 (13), by domain 0.99 (9); plain OpenCC 21.69 / 7.16.  After session 33's
    heldout22 rules TW 5.50 (50), by domain 1.43 (13); HK 0.44 (4), by domain 0; by domain no mainland word left in
    Taiwan, every right regional word of OpenCC's kept."""
    assert_software_figures(HELDOUT22, code, most, most_by_domain, plain)


@pytest.mark.parametrize(
    ("code", "domain", "source", "expected"),
    [
        # 里 "in" after a pane or a grid, where OpenCC reads 格里 as a name's; a name keeps it.
        (
            "zh-Hant-TW",
            GENERAL,
            "两个窗格里显示的都是指南；在方格里填上数字；格里高利历是公历。",
            "兩個窗格裡顯示的都是指南；在方格裡填上數字；格里高利曆是公曆。",
        ),
        (
            "zh-Hant-HK",
            GENERAL,
            "两个窗格里显示的都是指南；在方格里填上数字；格里高利历是公历。",
            "兩個窗格裏顯示的都是指南；在方格裏填上數字；格里高利曆是公曆。",
        ),
        # Program code; logging out written 登陆; a desktop shortcut, not the quickest way.
        (
            "zh-Hant-TW",
            GENERAL,
            "编辑程序代码；打算退出登陆时；在桌面生成快捷方式；学习的最快捷方式是动手。",
            "編輯程式碼；打算登出時；在桌面生成捷徑；學習的最快捷方式是動手。",
        ),
        (
            "zh-Hant-HK",
            GENERAL,
            "编辑程序代码；打算退出登陆时；在桌面生成快捷方式；部队奉命退出登陆作战。",
            "編輯程式碼；打算登出時；在桌面生成捷徑；部隊奉命退出登陸作戰。",
        ),
        # Emacs' extended commands, a batch file, Windows' Command Prompt kept from the 命令 rule, a package upgraded.
        (
            "zh-Hant-TW",
            SOFTWARE,
            "C-x 的扩展命令有很多；执行批处理文件出错；将显示“选择命令提示符”；用户可以升级宏包。",
            "C-x 的擴充指令有很多；執行批次檔出錯；將顯示“選擇命令提示字元”；使用者可以升級巨集套件。",
        ),
        # A mirror in the country, a download's URL, the BBS's name, a window on screen (a ticket window keeps 窗口).
        (
            "zh-Hant-TW",
            SOFTWARE,
            "选择国内镜像以加快速度；官方下载地址；水木社区的讨论；在新的窗口里工作；售票窗口里坐着一位老人。",
            "選擇國內鏡像以加快速度；官方下載網址；水木社區的討論；在新的視窗裡工作；售票窗口裡坐著一位老人。",
        ),
    ],
)
def test_heldout22_error_classes(code: str, domain: str, source: str, expected: str) -> None:
    assert layer_alone(code, domain)(source) == expected


#: Session 33's heldout22 rules, by (variant key, word, domain).
NEW_RULES = {
    *(("zh-Hant", w, "") for w in ("程序代码", "退出登陆", "快捷方式")),
    *(
        ("zh-Hant-TW", w, "")
        for w in (
            "格里",
            "源程序代码",
            "扩展命令",
            "批处理文件",
            "命令提示符",
            "宏包",
            "下载地址",
            "水木社区",
        )
    ),
    ("zh-Hant-TW", "镜像", "software"),
    ("zh-Hant-TW", "窗口里", "software"),
    ("zh-Hant-HK", "格里", ""),
    ("zh-Hant-HK", "源程序代码", ""),
}


def test_the_new_rules_keep_opencc_phrases_that_contain_their_words() -> None:
    """Inside one of OpenCC's own phrases a new rule word gives what the layer wrote there before (both variants)."""
    assert_new_rules_keep_opencc_phrases_in_both_variants(NEW_RULES)
