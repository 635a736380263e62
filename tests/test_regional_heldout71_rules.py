"""Session 54's heldout71 rules (issue 25): the classes of heldout71's first-sight residue (databases and data
engineering docs) that carry to other text.  In Taiwan and Hong Kong, software text: a read-only database, replica,
account or query (只读库, 只读数据库账号, 只读查询: 唯讀; not "only reads", 我只读查询结果).  In Taiwan, software text: a
database transaction (事务: 交易; not affairs, 日常事务, nor a law firm, 事务所), a code or SQL comment (注释: 註解; not a
book's annotation), a connection string (连接串: 連線字串), a data pipeline (管道: 管線; not a Unix pipe), a terminal
program (终端: 終端機; not an end user), a count of rows (行数: 列數); in any text, a large data set (大数据集: 大資料集;
not a big-data cluster, 大数据集群).  Widened: 全局限制 (OpenCC's cut 全侷限制) in both, software 返回 → 回傳 before the
value returned, software 访问 → 存取 after data or a network, software 实现 → 實作 after a state machine or C
(hooks/zhudu/script/data/regional.yml: the ``# Session 54 — heldout71`` blocks and the ``Session 54 (heldout71)``
lines)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_batch_keeps_opencc_phrases,
    assert_rule_fires_in_its_domain,
    bench_conversion,
    rule_cases,
    rules_after_marker,
    shipped_in,
    wrong_words_by_document,
)
from zhudu.script.domain import GENERAL, SOFTWARE
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 54 — heldout71")
HELDOUT71 = bench_conversion.load_review(bench_conversion.SETS["heldout71"])


def test_the_batch_is_in_the_layer() -> None:
    """One rule for both Traditional variants and seven for Taiwan, all but one in software text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "只读", "唯讀", SOFTWARE),
        ("zh-Hant-TW", "事务", "交易", SOFTWARE),
        ("zh-Hant-TW", "注释", "註解", SOFTWARE),
        ("zh-Hant-TW", "连接串", "連線字串", SOFTWARE),
        ("zh-Hant-TW", "管道", "管線", SOFTWARE),
        ("zh-Hant-TW", "大数据集", "大資料集", ""),
        ("zh-Hant-TW", "终端", "終端機", SOFTWARE),
        ("zh-Hant-TW", "行数", "列數", SOFTWARE),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; its not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, in general and in software text."""
    assert_batch_keeps_opencc_phrases(code, [r for r in NEW if r.code in ("zh-Hant", code)])


@pytest.mark.parametrize(
    ("code", "domain", "source", "expected"),
    [
        # Other text, outside the set, as shipped: the packages' other lines and sentences like theirs.
        ("zh-Hant-TW", SOFTWARE, "纯查询不主动开启事务，包含写操作时才开启。", "開啟交易"),
        ("zh-Hant-TW", SOFTWARE, "初始化事务管理器。", "交易管理器"),
        ("zh-Hant-TW", SOFTWARE, "移除注释后检查多语句注入。", "移除註解"),
        ("zh-Hant-TW", SOFTWARE, "阻断多语句与注释注入。", "註解注入"),
        ("zh-Hant-TW", SOFTWARE, "填写数据库别名或连接串。", "連線字串"),
        ("zh-Hant-TW", SOFTWARE, "初始化数据处理管道。", "資料處理管線"),
        ("zh-Hant-TW", GENERAL, "流式读取大数据集。", "大資料集"),
        ("zh-Hant-TW", SOFTWARE, "一个支持语法高亮的 sqlite3 命令行终端。", "命令列終端機"),
        ("zh-Hant-TW", SOFTWARE, "limit 参数限制最大返回行数。", "最大回傳列數"),
        ("zh-Hant-TW", SOFTWARE, "执行语句，返回受影响的行数。", "受影響的列數"),
        ("zh-Hant-TW", SOFTWARE, "统计类查询路由到只读从库。", "唯讀從庫"),
        ("zh-Hant-HK", SOFTWARE, "统计类查询路由到只读从库。", "唯讀從庫"),
        ("zh-Hant-HK", GENERAL, "超出全局限制时拒绝请求。", "全局限制"),
        ("zh-Hant-TW", SOFTWARE, "超出全局限制时拒绝请求。", "全域限制"),
        ("zh-Hant-TW", SOFTWARE, "避免频繁访问的数据被反复加载。", "頻繁存取"),
        ("zh-Hant-TW", SOFTWARE, "用 Rust 实现的高性能解析器。", "Rust 實作"),
        # The guards: "only reads", a law firm, affairs, a Unix pipe, a big-data cluster, an end user, a book's notes,
        # lines of code, a water pipe.
        ("zh-Hant-TW", SOFTWARE, "我只读查询结果，不改数据。", "我只讀查詢"),
        ("zh-Hant-HK", SOFTWARE, "我只读查询结果，不改数据。", "我只讀查詢"),
        ("zh-Hant-TW", GENERAL, "他在律师事务所工作。", "事務所"),
        ("zh-Hant-TW", SOFTWARE, "日常事务对象繁多。", "日常事務"),
        ("zh-Hant-TW", SOFTWARE, "把输出通过管道传给 grep。", "管道傳給"),
        ("zh-Hant-TW", GENERAL, "我们搭建了一个大数据集群。", "大數據"),
        ("zh-Hant-TW", SOFTWARE, "这款产品主要面向终端用户。", "終端使用者"),
        ("zh-Hant-TW", SOFTWARE, "这部古籍的中文注释很详尽。", "中文註釋"),
        ("zh-Hant-TW", SOFTWARE, "统计代码行数。", "程式碼行數"),
        ("zh-Hant-TW", GENERAL, "城市里铺设了新的供水管道。", "供水管道"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout71_after_the_rules() -> None:
    """By document (47 files, all software text), aligned: Taiwan 73 → 30 wrong words, Hong Kong 7 → 0 (left: Taiwan
    a row or a column, 行 / 列 → 列 / 欄, ×14, 建構 for 构建 ×4, 實作 for 实现 ×3, 回應 ×2, 循環, 擴展, 存取, 全域,
    註冊表, 項目, 網址)."""
    assert wrong_words_by_document(HELDOUT71) == {"zh-Hant-TW": 30, "zh-Hant-HK": 0}
