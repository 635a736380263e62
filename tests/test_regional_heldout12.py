"""The twelfth held-out conversion set (tests/conversion_heldout12.yml): the Simplified Chinese resources of the
JDK's tools (javac's diagnostics, jshell's help, javadoc's help pages), software prose; session 24 (conv2)'s rules
(a Java package 程序包 → 套件, a jar / CDS archive → 封存檔, 本地变量, 客户机, 导航栏, 工具栏, more data-type contexts
kept 型別) and the ceilings of every
earlier set."""

from __future__ import annotations

import pytest

from heldout_shape import (
    VARIANTS,
    assert_set,
    assert_software_set,
    bench_conversion,
    layer_alone,
    layer_without,
    opencc_phrases_with,
)

HELDOUT12 = bench_conversion.load_review(bench_conversion.SETS["heldout12"])


def test_heldout12_set_shape() -> None:
    """320 sentences of the JDK's zh_CN resource bundles (no set used them), none shared with the earlier sets,
    both Traditional forms labelled, every judged word in its sentence and its form in the label."""
    assert_set(HELDOUT12, "conversion_heldout12.yml", "JDK 25 src.zip ", 320)
    assert all("_zh_CN #" in e["from"] for e in HELDOUT12)
    assert sum(bench_conversion.han_count(e["zh-Hans"]) for e in HELDOUT12) == 7232


def test_heldout12_is_software_text() -> None:
    """The JDK's messages are software text, as one note and bundle by bundle: --domains is the site's figure."""
    assert_software_set(HELDOUT12)


@pytest.mark.parametrize(
    ("code", "most", "most_by_domain", "kept"),
    [("zh-Hant-TW", 98, 67, 515), ("zh-Hant-HK", 41, 1, 15)],
)
def test_heldout12_after_its_rules(code: str, most: int, most_by_domain: int, kept: int) -> None:
    """First sight (labels aligned): TW 18.81 (136 wrong words), 17.15 (124) by domain; HK 5.67 (41), 0.83 (6) by
    domain, per 1,000 (plain OpenCC 24.47 / 20.05).  After session 24 (conv2)'s rules TW 13.27 (96), 11.62 (84) by
    domain; HK unchanged; OpenCC's right regional words kept 508 → 515 of 544 (Taiwan), 15/15 (Hong Kong).  Session 26
    accepted 時間戳記 beside 時間戳 (TW 92, 80 by domain) and its leftover rules (单击 → 按一下, software 处理程序 → 處理程式,
    实现 → 實作 for a service implementation) made it TW 88, 67 by domain; HK 1 by domain.  Session 29's review held 颁发的证书 → 憑證 to software text (TW 89).
    Session 32 (conv22): a statement is 聲明 in text that is not software, so the JDK's declarations with no programming
    word beside them (未附加到任何声明, 引入声明的发行版) read 聲明 without a domain (TW 98); by domain (the site's figure)
    unchanged."""
    assert code in VARIANTS
    plain = bench_conversion.measure(HELDOUT12, code, names=("opencc", "zhudu"))
    by_domain = bench_conversion.measure(HELDOUT12, code, by_domain=True, names=("opencc", "zhudu"))
    assert plain["zhudu"]["wrong"] <= most < plain["opencc"]["wrong"]
    assert by_domain["zhudu"]["wrong"] <= most_by_domain
    assert by_domain["zhudu"]["kept"] >= kept


# The ceilings for the earlier sets moved to tests/test_regional_heldout13.py (session 26).


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # The twelfth set's classes in sentences of their own (none from a set), beside the other sense.  A Java
        # package is 套件; a program that includes, contains or wraps something keeps 程序 / 程式.
        (
            "程序包 java.util 不存在，但这个程序包括三个步骤，该程序包含错误。",
            "套件 java.util 不存在，但這個程式包括三個步驟，該程式包含錯誤。",
        ),
        # Mainland software words s2twp leaves: a local variable, a client, a navigation bar, a toolbar.
        (
            "本地变量不能在客户机上访问，请使用导航栏或工具栏。",
            "區域變數不能在用戶端上訪問，請使用導覽列或工具列。",
        ),
        # A jar or tar archive is 封存檔; a personnel file or an archive of papers is 檔案.
        ("请把类文件放进 jar 档案，再用 tar 档案备份；他的人事档案在这里。", None),
        # A supertype, an implicitly typed parameter and an annotation type are data types (型別); a kind of page is 類型.
        (
            "无法调用超类型的方法，隐式类型的参数和批注类型都不行；文档中有不同类型的页面。",
            "無法呼叫超型別的方法，隱式型別的參數和批註型別都不行；文件中有不同類型的頁面。",
        ),
    ],
)
def test_heldout12_error_classes(source: str, expected: str | None) -> None:
    out = layer_alone("zh-Hant-TW")(source)
    if expected is None:
        assert out.count("封存檔") == 2 and "人事檔案" in out
    else:
        assert out == expected


#: Session 24 (conv2)'s new rules, by (variant key, word).
NEW_RULES = {("zh-Hant-TW", w) for w in ("程序包", "档案", "本地变量", "客户机", "导航栏", "工具栏")}


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_the_new_rules_keep_opencc_phrases_that_contain_their_words(code: str) -> None:
    """As for sessions 19 to 24: inside one of OpenCC's own phrases a new rule word gives what the layer wrote there
    before (the 档案 rule needs a jar, zip, tar or CDS before it, which no phrase has)."""

    from zhudu.script.regional import default_regional

    rules = default_regional().rules
    new = [r for r in rules if (r.code, r.word) in NEW_RULES]
    assert {(r.code, r.word) for r in new} == NEW_RULES
    phrases = opencc_phrases_with({r.word for r in new})
    assert phrases
    layer, before = layer_alone(code), layer_without(code, rules, new)
    assert {k: layer(k) for k in phrases if layer(k) != before(k)} == {}
