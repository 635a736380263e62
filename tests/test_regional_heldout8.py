"""The eighth held-out conversion set (tests/conversion_heldout8.yml): Rust by Example, explanatory prose."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_set,
    bench_conversion,
    layer_alone,
    layer_without,
    opencc_phrases_with,
    shipped,
)

HELDOUT8 = bench_conversion.load_review(bench_conversion.SETS["heldout8"])


def test_heldout8_set_shape() -> None:
    """340 sentences of one source no set used, none shared with the earlier sets, both Traditional
    forms labelled, every judged word in its zh-Hans sentence and its form in the label."""
    assert_set(HELDOUT8, "conversion_heldout8.yml", "Rust by Example zh (Rust 1.95.0) print.html #", 340)


#: Session 22 aligned three Taiwan labels to its conventions (旗標 twice, 標準函式庫 twice, 多載): 60 wrong words with
#: session 21's layer on the aligned labels, 55 with session 22's (错误的标志 is left; 返回 and 访问 gained a context), and
#: 431 of 447 places kept (多載 is no longer OpenCC's right word).
@pytest.mark.parametrize(("code", "most", "kept"), [("zh-Hant-TW", 55, 431), ("zh-Hant-HK", 12, 4)])
def test_heldout8_after_its_rules(code: str, most: int, kept: int) -> None:
    """First sight: TW 17.69, HK 2.41 wrong words per 1,000 against plain OpenCC's 22.1 / 10.4, and the layer
    undid 52 of OpenCC's right 型別; after session 21's rules TW 7.4 with 432 of 448 kept, HK 1.6."""
    figures = bench_conversion.measure(HELDOUT8, code, names=("opencc", "zhudu"))
    zhudu, plain = figures["zhudu"], figures["opencc"]
    assert zhudu["wrong"] <= most and zhudu["wrong_per_1000"] < plain["wrong_per_1000"] / 2
    assert zhudu["kept"] >= kept


#: The ceilings of the earlier sets moved to tests/test_regional_heldout9.py with session 22's rules.


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # The eighth set's classes in sentences of their own, each beside one of the other sense where the rule
        # must not fire.
        (
            "zh-Hant-TW",
            "整数类型和关联类型都要写类型标注，u 是 Option 类型；这种文件类型很少见，手册页类型也是。",
            "整數型別和關聯型別都要寫型別標註，u 是 Option 型別；這種檔案類型很少見，手冊頁類型也是。",
        ),
        (
            "zh-Hant-TW",
            "使用类型别名，再创建一个数据类型和一个数组。统计元素的个数。",
            "使用型別別名，再建立一個資料型別和一個陣列。統計元素的個數。",
        ),
        (
            "zh-Hant-TW",
            "如果你为你的类型实现了 From 特质，也可以手动实现它。他终于实现了梦想，公司实现了盈利。",
            "如果你為你的型別實作了 From 特質，也可以手動實作它。他終於實現了夢想，公司實現了盈利。",
        ),
        (
            "zh-Hant-TW",
            "println! 是一个宏，宏定义写在开头。这是一项宏大的工程，要有宏观视野。",
            "println! 是一個巨集，巨集定義寫在開頭。這是一項宏大的工程，要有宏觀視野。",
        ),
        (
            "zh-Hant-TW",
            "尝试取消注释那行代码，文档注释会生成文档。请输入注释。",
            "嘗試取消註解那行程式碼，文件註解會生成文件。請輸入註釋。",
        ),
        (
            "zh-Hant-TW",
            "Rust 提供了内联汇编，汇编代码放在 unsafe 块中，函数可以被内联。这是一本法规汇编。",
            "Rust 提供了行內組合語言，組合語言程式碼放在 unsafe 塊中，函式可以被行內。這是一本法規彙編。",
        ),
        (
            "zh-Hant-TW",
            "常量在栈上分配，调用栈会展开。他们在客栈住了一晚，栈道修在悬崖上。",
            "常數在堆疊上分配，呼叫堆疊會展開。他們在客棧住了一晚，棧道修在懸崖上。",
        ),
        (
            "zh-Hant-TW",
            "下面是一个高级示例，详见高级选项。他是高级工程师。",
            "下面是一個進階範例，詳見進階選項。他是高階工程師。",
        ),
        (
            "zh-Hant-TW",
            "显示帮助信息并退出。我们希望访问数据而不复制，请避免直接访问数据库。用 cargo 构建并运行，再格式化文本。",
            # session 28: a database accessed is 存取 (hexo-docs' zh-tw has that paragraph in English); session 31: 而不複製
            # (OpenCC's 不复 had taken the 复 of 复制, test_regional_boundaries.py).
            "顯示說明訊息並退出。我們希望存取資料而不複製，請避免直接存取資料庫。用 cargo 建置並執行，再格式化文字。",
        ),
        (
            "zh-Hant-HK",
            "复制和粘贴文本，然后写入磁盘。",
            "複製和貼上文本，然後寫入磁碟。",
        ),
        (
            "zh-Hant-HK",
            "程序运行失败后，对象文件被删除，cargo 还支持更多功能。行政程序运行了三个月，选民支持他。",
            "程式運行失敗後，物件文件被刪除，cargo 還支援更多功能。行政程序運行了三個月，選民支持他。",
        ),
    ],
)
def test_heldout8_error_classes(code: str, source: str, expected: str) -> None:
    out = shipped(code)(source)
    assert out == expected, out


#: The rules session 21 added, by (word, first next-context or ""): 个 before 中 (session 20's) and the earlier
#: 程序 / 对象 / 支持 rules stay in the layer "before".  (The widened contexts of 类型, 文本, 访问 and 构建 are not
#: filtered out below; converting every OpenCC phrase that contains them with the layer before and after session 21
#: gave the same output when they were written.)
NEW_RULES = {
    ("帮助信息", ""),
    ("类型别名", ""),
    ("常量", ""),
    ("内联汇编", ""),
    ("栈", ""),
    ("粘贴", ""),
    ("磁盘", ""),
    ("实现", " trait"),
    ("宏", "定义"),
    ("注释", "掉"),
    ("汇编", "代码"),
    ("内联", "执行"),
    ("高级", "示例"),
    ("更复", "杂"),
    ("个", "数据"),
    ("程序", "运行"),
    ("对象", "文件"),
    ("支持", "更多功能"),
}
NEW_WORDS = sorted({w for w, _ in NEW_RULES})


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_the_new_rules_keep_opencc_phrases_that_contain_their_words(code: str) -> None:
    """As for sessions 19 and 20: inside one of OpenCC's own phrases a session-21 rule word must give the
    phrase's own output (or what the layer wrote there before)."""

    from zhudu.script.regional import default_regional

    words = [*NEW_WORDS, "类型", "文本", "访问", "构建"]
    phrases = opencc_phrases_with(words)
    assert len(phrases) > 300
    layer = layer_alone(code)
    plain = bench_conversion.opencc_converter(bench_conversion.CONFIGS[code][0]).convert
    changed = {k for k in phrases if layer(k) != plain(k)}
    rules = default_regional().rules
    # Session 42's 粘贴 rules after a barcode or a label stuck on paper (heldout50) share the word, not the batch.
    new = [
        r
        for r in rules
        if (r.word, r.next[0] if r.next else "") in NEW_RULES and not (r.word == "粘贴" and r.prev)
    ]
    assert len(new) == 18
    before = layer_without(code, rules, new)
    assert {k for k in changed if layer(k) != before(k)} == set()
