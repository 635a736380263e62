"""The seventh held-out conversion set (tests/conversion_heldout7.yml): vim's tutor, continuous prose."""

from __future__ import annotations

import pytest

from heldout_shape import VARIANTS, assert_set, bench_conversion, layer_alone, opencc_phrases_with, shipped
from zhudu.script.convert import ConversionRules, Converter

HELDOUT7 = bench_conversion.load_review(bench_conversion.SETS["heldout7"])


def test_heldout7_set_shape() -> None:
    """352 sentences of one source no set used, none shared with the earlier sets, both Traditional
    forms labelled, every judged word in its zh-Hans sentence and its form in the label."""
    assert_set(HELDOUT7, "conversion_heldout7.yml", "vim 9.0 tutor.zh_cn.utf-8 #", 352)


@pytest.mark.parametrize(("code", "most", "by_domain"), [("zh-Hant-TW", 35, 15), ("zh-Hant-HK", 10, 2)])
def test_heldout7_after_its_rules(code: str, most: int, by_domain: int) -> None:
    """First sight: TW 20.64, HK 4.10 wrong words per 1,000 against plain OpenCC's 35.6 / 6.2; after the
    rules written from it 4.8 / 1.4, every right regional word of OpenCC kept.  Session 29's label review wrote
    Taiwan's 選取 for the five 选中 of a visual selection, which only the software-domain rule fixes: Taiwan 4.95 (35)
    without a domain, 2.12 (15) by domain (the tutor is software text)."""
    figures = bench_conversion.measure(HELDOUT7, code, names=("opencc", "zhudu"))
    zhudu, plain = figures["zhudu"], figures["opencc"]
    assert zhudu["wrong"] <= most and zhudu["wrong_per_1000"] < 5 < 6 < plain["wrong_per_1000"]
    assert (
        bench_conversion.measure(HELDOUT7, code, by_domain=True, names=("zhudu",))["zhudu"]["wrong"]
        <= by_domain
    )
    assert zhudu["kept"] == zhudu["places"]


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # The seventh set's error classes in sentences of their own, each beside a sentence of the other
        # sense where the rule must not fire.
        (
            "zh-Hant-TW",
            "在命令行提示符下输入 ls 命令，这些命令都会列出文件。将军的命令必须服从。",
            "在命令列提示字元下輸入 ls 指令，這些指令都會列出檔案。將軍的命令必須服從。",
        ),
        (
            "zh-Hant",
            "按 <回车> 键确认，或者输入 :wq <回车> 保存。",
            {
                "zh-Hant-TW": "按 <Enter> 鍵確認，或者輸入 :wq <Enter> 儲存。",
                "zh-Hant-HK": "按 <Enter> 鍵確認，或者輸入 :wq <Enter> 保存。",
            },
        ),
        (
            "zh-Hant-TW",
            "打开帮助窗口，或者使用在线帮助系统。这个工具可以帮助系统管理员，谢谢你的帮助。",
            "開啟說明視窗，或者使用線上說明系統。這個工具可以幫助系統管理員，謝謝你的幫助。",
        ),
        (
            "zh-Hant-TW",
            "按 u 撤消最后一次操作。法院撤消了原判决。",
            "按 u 復原最後一次操作。法院撤消了原判決。",
        ),
        (
            "zh-Hant-TW",
            "在当前文件中查找该字符串，按 n 查找下一个。请运行以下命令来查找日志记录。",
            "在目前檔案中搜尋該字串，按 n 搜尋下一個。請執行以下指令來查詢日誌記錄。",
        ),
        (
            "zh-Hant-TW",
            "选中文本后按 d 删除文本，再把复制的文本粘贴到屏幕文本的末尾。这份法律文本很长。",
            "選中文字後按 d 刪除文字，再把複製的文字貼上到螢幕文字的末尾。這份法律文本很長。",
        ),
        (
            "zh-Hant",
            "yw 可以用来复制一个单词；这一行已被复制，选项被复位后文件也被复原了。他背着一支来复枪。",
            {
                "zh-Hant-TW": "yw 可以用來複製一個單字；這一行已被複製，選項被復位後文件也被復原了。他揹著一支來復槍。",
                "zh-Hant-HK": "yw 可以用來複製一個單詞；這一行已被複製，選項被復位後文件也被復原了。他揹着一支來復槍。",
            },
        ),
        (
            "zh-Hant-TW",
            "医生让他下周再来复诊，请用脚本来复查结果。",
            "醫生讓他下週再來複診，請用腳本來複查結果。",
        ),
        # The same class found beyond the set: OpenCC's phrases 被发 (被髮), 了如 (瞭如) 了然 (瞭然), 了解, 个中, 并成, 长发, 和面, 只影.
        (
            "zh-Hant",
            "我们提供了解决方案：一个中文字符只影响一列，他加入公司并成为经理。个中滋味，只有自己知道。",
            {
                "zh-Hant-TW": "我們提供了解決方案：一個中文字元只影響一列，他加入公司並成為經理。箇中滋味，只有自己知道。",
                "zh-Hant-HK": "我們提供了解決方案：一個中文字符只影響一列，他加入公司並成為經理。箇中滋味，只有自己知道。",
            },
        ),
        (
            "zh-Hant",
            "这种方法是在上世纪被发明的，案件被发回重审。他的头发被发型师剪短了。被发左衽。",
            "這種方法是在上世紀被發明的，案件被發回重審。他的頭髮被髮型師剪短了。被髮左衽。",
        ),
        (
            "zh-Hant",
            "我们做了如下修改，也说明了如何升级，程序结束了然后退出。他对这里了如指掌，一目了然。",
            {
                "zh-Hant-TW": "我們做了如下修改，也說明了如何升級，程式結束了然後退出。他對這裡瞭如指掌，一目瞭然。",
                "zh-Hant-HK": "我們做了如下修改，也説明了如何升級，程序結束了然後退出。他對這裏瞭如指掌，一目瞭然。",
            },
        ),
    ],
)
def test_heldout7_error_classes(code: str, source: str, expected: str | dict[str, str]) -> None:
    codes = ["zh-Hant-TW", "zh-Hant-HK"] if code == "zh-Hant" else [code]
    for c in codes:
        out = shipped(c)(source)
        assert out == (expected[c] if isinstance(expected, dict) else expected), (c, out)


#: The words of the rules session 20 added (回车 only as <回车> → <Enter>), then those whose context it widened.
NEW_WORDS = (  # noqa: SIM905  (a word list reads better as one string)
    "复制 来复 被复 复苏 复辟 复印 被发 了如 了然 只影响 面临 面前 个 了 并 提示符 帮助系统 帮助 撤消 撤销 查找"
).split()
SESSION20_WORDS = [*NEW_WORDS, "回车", "命令", "文本", "当前", "窗口", "发展"]


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_the_new_rules_keep_opencc_phrases_that_contain_their_words(code: str) -> None:
    """As for session 19's rules: inside one of OpenCC's own phrases a session-20 rule word must give the
    phrase's own output (or what the layer wrote there before)."""

    from zhudu.script.regional import RegionalRules, default_regional

    phrases = opencc_phrases_with(SESSION20_WORDS)
    assert len(phrases) > 30
    layer = layer_alone(code)
    plain = bench_conversion.opencc_converter(bench_conversion.CONFIGS[code][0]).convert
    # On purpose: a bare 个中 is read as the classifier before 中 (一个中文字符) and a bare 了如 as 了 + 如 (做了如下);
    # their idioms (个中滋味, 了如指掌) keep 箇中 / 瞭如.
    changed = {k for k in phrases - {"个中", "了如"} if layer(k) != plain(k)}
    # Without the new rules.  (The widened contexts of 命令, 文本, 当前, 窗口 are in both; converting every one of
    # these phrases with the layer before and after session 20 gave the same output when they were written.)
    earlier = RegionalRules(
        tuple(
            r
            for r in default_regional().rules
            if r.word not in NEW_WORDS and (r.word, r.out) != ("回车", "Enter")
        )
    )
    before = Converter(VARIANTS[code], ConversionRules(), regional=earlier).text
    assert {k for k in changed if layer(k) != before(k)} == set()
