"""The tenth held-out conversion set (tests/conversion_heldout10.yml): Debian's handbook and FAQ; word-edge
misfires; a text's domain (hooks/zhudu/script/domain.py) and the rules for software text only."""

from __future__ import annotations

import pytest

from heldout_shape import ROOT, ZHUDU_ONLY, assert_heldout_shape, bench_conversion, layer_alone
from zhudu.script.domain import GENERAL, SOFTWARE, software_score, text_domain

HELDOUT10 = bench_conversion.load_review(bench_conversion.SETS["heldout10"])


def test_heldout10_set_shape() -> None:
    """320 sentences of the Debian Reference and the Debian FAQ (no set used them), none shared with the earlier
    sets, both Traditional forms labelled, every judged word in its zh-Hans sentence and its form in the label."""
    assert len(HELDOUT10) == 320
    assert_heldout_shape(
        HELDOUT10, "conversion_heldout10.yml", ("Debian Reference 2.100 ", "Debian FAQ 11.1 ")
    )
    assert sum(e["from"].startswith("Debian FAQ") for e in HELDOUT10) == 100


@pytest.mark.parametrize(("code", "most", "kept"), [("zh-Hant-TW", 21, 460), ("zh-Hant-HK", 21, 18)])
def test_heldout10_after_its_rules(code: str, most: int, kept: int) -> None:
    """First sight (labels aligned): TW 7.02 (58 wrong words), HK 3.39 (28) per 1,000; after session 23's rules
    TW 2.54, HK 2.42 (plain OpenCC 27.73 / 11.14), every one of OpenCC's right regional words kept but one.  Session 38
    relabelled three Hong Kong 調試 as 除錯 (debugging; plain OpenCC 92 → 95 wrong words): by domain the 调试 rules write
    all three, without a domain one is left (调试是程序中很重要的一部分: no neighbour says debugging), so 20 → 21."""
    figures = bench_conversion.measure(HELDOUT10, code, names=("opencc", "zhudu"))
    zhudu, plain = figures["zhudu"], figures["opencc"]
    assert zhudu["wrong"] <= most and zhudu["wrong"] < plain["wrong"]
    assert zhudu["kept"] >= kept


# The ceilings for the earlier sets moved to tests/test_regional_heldout11.py (session 24).


def test_hong_kong_makes_no_error_plain_opencc_does_not_on_general_prose() -> None:
    """The ninth set (news and reviews) was the one where the layer made Hong Kong worse than OpenCC (0.87 against
    0.58 at first sight): word-edge misfires (个中, 内存条) and Taiwan's camera word.  No sentence of it now has a
    wrong word plain s2hkp does not have."""
    entries = bench_conversion.load_review(bench_conversion.SETS["heldout9"])
    convert = bench_conversion.converters("zh-Hant-HK")
    for e in entries:
        expected, also = e["zh-Hant-HK"], e.get("also-hk")
        ours = bench_conversion.accept_alternatives(convert["zhudu"](e["zh-Hans"]), expected, also)
        plain = bench_conversion.accept_alternatives(convert["opencc"](e["zh-Hans"]), expected, also)
        assert len(bench_conversion.wrong_words(ours, expected)) <= len(
            bench_conversion.wrong_words(plain, expected)
        ), e["zh-Hans"]


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Word-edge misfires: a swap written as a word where its characters belong to two words (none from a set).
        (
            "zh-Hant-TW",
            "世界面临挑战，他是高品位图书的读者，但字段落间距很大；一定时期内存在困难，商铺内存放了货物。",
            "世界面臨挑戰，他是高品位圖書的讀者，但字段落間距很大；一定時期內存在困難，商鋪內存放了貨物。",
        ),
        (
            "zh-Hant-HK",
            "世界面临挑战，他是高品位图书的读者，但字段落间距很大；一定时期内存在困难，商铺内存放了货物。",
            "世界面臨挑戰，他是高品位圖書的讀者，但字段落間距很大；一定時期內存在困難，商鋪內存放了貨物。",
        ),
        (
            "zh-Hant-HK",
            "这台电脑的内存只有 8GB，系统内存不足。",
            "這台電腦的記憶體只有 8GB，系統記憶體不足。",
        ),
        (
            "zh-Hant-TW",
            "他擅自制定价格；这是日期的显示例子；整个沟通过程很顺利；popcon 数据包含旧系统。",
            "他擅自制定價格；這是日期的顯示例子；整個溝通過程很順利；popcon 資料包含舊系統。",
        ),
        (
            "zh-Hant-HK",
            "重大事项必须经过民主程序；键盘很舒服，摄像头很清楚；设备（例如闪存、摄像头）。",
            "重大事項必須經過民主程序；鍵盤很舒服，攝像頭很清楚；設備（例如閃存、攝影機）。",
        ),
        # The tenth set's classes in sentences of their own, beside the other sense where the rule must not fire.
        (
            "zh-Hant-TW",
            "请选择离你最近的镜像站，再把 ISO 镜像写入 U 盘；照镜子一样对称。",
            "請選擇離你最近的鏡像站，再把 ISO 映像寫入隨身碟；照鏡子一樣對稱。",  # 隨身碟 (U 盘): session 27
        ),
        (
            "zh-Hant-TW",
            "按 Ctrl-Alt-F2 切换到字符控制台；在 Windows 的控制台调整声音。",
            "按 Ctrl-Alt-F2 切換到字元主控台；在 Windows 的控制台調整聲音。",
        ),
        (
            "zh-Hant-TW",
            "下载源码包和二进制包，用 root 权限访问硬盘分区；代表团访问了工厂。",
            "下載原始碼套件和二進位套件，用 root 權限存取硬碟分割區；代表團訪問了工廠。",
        ),
        (
            "zh-Hant-TW",
            "这是一个高级命令行界面，带后台守护进程；网站后台由管理员维护。",
            "這是一個進階命令列介面，帶背景守護程序；網站後臺由管理員維護。",
        ),
        ("zh-Hant-TW", "文本处理工具和文本转换工具。", "文字處理工具和文字轉換工具。"),
        (
            "zh-Hant-HK",
            "把光盘放进光驱，限制下载带宽；引导加载程序和客户端程序都要更新。",
            "把光碟放進光驅，限制下載頻寬；引導載入程式和客户端程式都要更新。",
        ),
    ],
)
def test_heldout10_error_classes(code: str, source: str, expected: str) -> None:
    assert layer_alone(code)(source) == expected


def test_domain_of_a_text() -> None:
    """Software text (a code block, or software words and identifiers dense enough) and everything else."""
    assert text_domain("安装：\n\n```\npip install zhudu\n```\n") == SOFTWARE
    debian = (ROOT / "tests" / "conversion_heldout10.yml").read_text("utf-8")
    assert text_domain(debian) == SOFTWARE
    news = "".join(e["zh-Hans"] for e in bench_conversion.load_review(bench_conversion.SETS["heldout9"]))
    assert software_score(news) < 10 and text_domain(news) == GENERAL
    assert text_domain("") == GENERAL


@pytest.mark.parametrize(
    ("code", "source", "general", "software"),
    [
        (
            "zh-Hant-TW",
            "你可以通过下列命令改变它；将军下达命令后部队出发了。",
            "你可以透過下列指令改變它；將軍下達命令後部隊出發了。",
            "你可以透過下列指令改變它；將軍下達命令後部隊出發了。",
        ),
        (
            "zh-Hant-TW",
            "常用的命令都可以用；请用文本编辑器打开。这份法律文本很长。",
            "常用的命令都可以用；請用文字編輯器開啟。這份法律文本很長。",
            "常用的指令都可以用；請用文字編輯器開啟。這份法律文本很長。",
        ),
        (
            "zh-Hant-HK",
            "这个程序支持中文，内核消息写入日志；这需要经过法律程序，感谢大家的支持，这真是个好消息。",
            "這個程序支持中文，內核訊息寫入日誌；這需要經過法律程序，感謝大家的支持，這真是個好消息。",
            "這個程式支援中文，內核訊息寫入日誌；這需要經過法律程序，感謝大家的支持，這真是個好消息。",
        ),
        (
            "zh-Hant-HK",
            "返回一个对象；这次调查的对象是中学生。",
            "返回一個對象；這次調查的對象是中學生。",
            "返回一個物件；這次調查的對象是中學生。",
        ),
    ],
)
def test_software_rules_apply_to_software_text_only(
    code: str, source: str, general: str, software: str
) -> None:
    """A rule marked ``domain: software`` fires only in text of that domain; the rest of the layer is the same."""
    assert layer_alone(code)(source) == general
    assert layer_alone(code, SOFTWARE)(source) == software


#: OpenCC's right words the ``domain: general`` rules take by domain, per (set, variant): see the test below
#: (session 52: heldout62's czsc README is general text by document, where 这三个项目, projects, keeps 項目 for s2twp's 專案).
#: (session 54: heldout74's puzzle writer's instructions are general text by document, where the general 对象 rule
#: writes 對象 for a JSON object, 每个对象代表一个完整的谜题, s2twp's right 物件).
GENERAL_RULE_LOSSES = {
    ("heldout17", "zh-Hant-TW"): 2,
    ("heldout62", "zh-Hant-TW"): 1,
    ("heldout74", "zh-Hant-TW"): 1,
}


def test_domains_lower_errors_on_every_set() -> None:
    """Measured with each sentence's document domain (bench ``--domains``): no set has more wrong words or fewer of
    OpenCC's right regional words than without domains, and the software sets have fewer in all (session 23:
    Taiwan 185 -> 160, Hong Kong 82 -> 33 over the ten held-out sets and the review set)."""
    totals = {False: [0, 0], True: [0, 0]}
    for name, path in bench_conversion.SETS.items():
        entries = bench_conversion.load_review(path)
        for i, code in enumerate(("zh-Hant-TW", "zh-Hant-HK")):
            # Zhudu's figures only: the other converters' would double the test's time (76 s in session 40).
            plain = bench_conversion.measure(entries, code, names=ZHUDU_ONLY)["zhudu"]
            by_domain = bench_conversion.measure(entries, code, by_domain=True, names=ZHUDU_ONLY)["zhudu"]
            assert by_domain["wrong"] <= plain["wrong"], (name, code)
            # Session 32 (conv22): without a domain the general 声明 → 聲明 rule takes s2twp's right 宣告 from
            # declarations with no programming word beside them (heldout12's JDK messages); by domain it keeps them.
            # Session 36 (conv37): by domain, software documents the bench reads as general text (heldout17's
            # tiling.tex, at 19.8 against the threshold of 20) get the ``domain: general`` 对象 rule; without a domain
            # neither domain's rules apply.
            assert by_domain["kept"] >= plain["kept"] - GENERAL_RULE_LOSSES.get((name, code), 0), (name, code)
            totals[False][i] += plain["wrong"]
            totals[True][i] += by_domain["wrong"]
    assert totals[True][0] <= totals[False][0] - 20 and totals[True][1] <= totals[False][1] - 30
