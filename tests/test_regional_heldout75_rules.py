"""Session 54's heldout75 rules (issue 25): the classes of heldout75's first-sight residue (quantitative finance and
trading software) that carry to other text.  In Taiwan and Hong Kong, any text: "only" after 是 (我是只聊干货的: 只, not
OpenCC's classifier 是隻), mean reversion (均值回复: 均值回復, not a reply) and a fallback chain taking over (回退链接管:
鏈 + 接管, not a link).  In Taiwan, any text: a stop-loss and a take-profit (止损, 止盈: 停損, 停利), an exchange's main
board (主板, not s2twp's motherboard 主機板), a strategy constructed (构建策略: 建構), someone added on a chat app
(扫码添加微信, 添加好友: 加, not 新增); in software text an object constructed (构造时: 建構時).  Widened: software 返回 →
回傳 before 合并后的 / 上一交易日 / 最后交易日 / 摘要 / 大表 and after 空, 返回的 → 回傳的 before a DataFrame, 窗口 after
预热 (hooks/zhudu/script/data/regional.yml: the ``# Session 54 — heldout75`` blocks and the ``Session 54 (heldout75)``
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
NEW = rules_after_marker("# Session 54 — heldout75")
HELDOUT75 = bench_conversion.load_review(bench_conversion.SETS["heldout75"])


def test_the_batch_is_in_the_layer() -> None:
    """Three rules for both Traditional variants and seven for Taiwan, one of them software text only."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "只聊", "只聊", ""),
        ("zh-Hant", "均值回复", "均值回復", ""),
        ("zh-Hant", "链接管", "鏈接管", ""),
        ("zh-Hant-TW", "止损", "停損", ""),
        ("zh-Hant-TW", "止盈", "停利", ""),
        ("zh-Hant-TW", "主板", "主板", ""),
        ("zh-Hant-TW", "构建", "建構", ""),
        ("zh-Hant-TW", "构造", "建構", "software"),
        ("zh-Hant-TW", "添加微信", "加微信", ""),
        ("zh-Hant-TW", "添加", "加", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; its not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, in general and in software text."""
    assert_batch_keeps_opencc_phrases(code, [r for r in NEW if r.code in (code, "zh-Hant")])


@pytest.mark.parametrize(
    ("code", "domain", "source", "expected"),
    [
        # Other text, outside the set, as shipped: the packages' other lines and sentences like theirs.
        ("zh-Hant-TW", GENERAL, "分段跟踪止损策略，基于价格波动幅度动态调整止损位。", "動態調整停損位"),
        ("zh-Hant-TW", SOFTWARE, "检查是否触发止损/止盈。", "觸發停損/停利"),
        ("zh-Hant-TW", GENERAL, "沪市主板无（连续竞价至 15:00）。", "滬市主板無"),
        (
            "zh-Hant-TW",
            SOFTWARE,
            "规则参考交易所公开信息，覆盖主板/创业板/ETF/北交所等常见场景。",
            "覆蓋主板/創業板",
        ),
        ("zh-Hant-TW", GENERAL, "应用建议：构建多因子模型时，应优先选择低相关性的因子。", "建構多因子"),
        ("zh-Hant-TW", SOFTWARE, "增量模式：构造时传入参数启用。", "建構時傳入"),
        ("zh-Hant-TW", GENERAL, "点击右上角头像，点击好友，点击添加好友，即可看到好友代码。", "點選加好友"),
        ("zh-Hant-HK", GENERAL, "配对交易要求价差具有均值回复性。", "均值回復性"),
        ("zh-Hant-TW", SOFTWARE, "使用Hurst指数判断价差序列的均值回复特性。", "均值回復特性"),
        ("zh-Hant-TW", SOFTWARE, "休市期间：新浪/腾讯返回最后交易日收盘快照。", "騰訊回傳最後"),
        ("zh-Hant-TW", SOFTWARE, "列表页仅返回摘要字段，详情页获取完整数据。", "僅回傳摘要"),
        ("zh-Hant-TW", SOFTWARE, "注意：对返回的 DataFrame 的修改不会被持久化。", "對回傳的 DataFrame"),
        ("zh-Hant-TW", SOFTWARE, "只补尾巴（往前留出预热窗口，滚动指标才准）。", "預熱窗口"),
        # The guards: losses prevented, not only profit, a motherboard, adding a feature or an account, going back,
        # a screen's window, a link manager, a classifier, a building constructed.
        ("zh-Hant-TW", GENERAL, "及时备份可以防止损失。", "防止損失"),
        ("zh-Hant-TW", GENERAL, "这家公司的目标不止盈利。", "不止盈利"),
        ("zh-Hant-TW", SOFTWARE, "电脑主板坏了，需要换一块。", "主機板"),
        ("zh-Hant-TW", SOFTWARE, "为日志记录器添加微信通知处理器。", "新增微信"),
        ("zh-Hant-TW", SOFTWARE, "需要从图片扫码添加账号时，安装扫码依赖。", "新增帳號"),
        ("zh-Hant-TW", SOFTWARE, "点击按钮后返回上一页。", "返回上一頁"),
        ("zh-Hant-TW", SOFTWARE, "关闭这个窗口即可退出。", "視窗"),
        ("zh-Hant-HK", SOFTWARE, "打开回退链接管理页面。", "連結管理"),
        ("zh-Hant-TW", GENERAL, "这是只聊天的鹦鹉。", "是隻聊天"),
        ("zh-Hant-TW", GENERAL, "地质构造时期的岩层。", "構造"),
        ("zh-Hant-HK", GENERAL, "及时止损，止盈止损。", "止損"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout75_after_the_rules() -> None:
    """By document (47 files software text, dragon-quant's README general), aligned: Taiwan 21 → 1 wrong word, Hong
    Kong 3 → 0 (left: Taiwan 效能 for a strategy's performance, 性能分析（夏普比率、最大回撤）)."""
    assert wrong_words_by_document(HELDOUT75) == {"zh-Hant-TW": 1, "zh-Hant-HK": 0}
