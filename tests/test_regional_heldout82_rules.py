"""Session 55's heldout82 rules (issue 25): the classes of heldout82's first-sight residue (web back-end development
docs) that carry to other text.  In Taiwan, any text: OpenCC's phrases read across two words (集成了: its 成了 leaves
集成, where Taiwan writes 整合了; 数据表 + 快: its 表快, a watch running fast, writes 資料錶), a full-stack project (全栈:
全端), Alibaba Cloud's Function Compute (函数计算: 函數計算), a document that prevails (以本文件为准: 文件); in software text,
exception handling (异常处理: 例外處理, not after 订单 / 设备 …, an anomaly).  Widened in Taiwan: 窗口 stays 窗口 after 短
(a short window of time), 全局 → 全域 before 异常, 异常 → 例外 after 全局 / HTTP, 返回 → 回傳 after an API and before 详细,
and not before swagger-ui (going back to a page) (hooks/zhudu/script/data/regional.yml: the ``# Session 55 —
heldout82`` block and the ``Session 55 (heldout82)`` lines)."""

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
NEW = rules_after_marker("# Session 55 — heldout82")
HELDOUT82 = bench_conversion.load_review(bench_conversion.SETS["heldout82"])


def test_the_batch_is_in_the_layer() -> None:
    """Six rules, for Taiwan, five in any text and one in software text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant-TW", "集成了", "整合了", ""),
        ("zh-Hant-TW", "全栈", "全端", ""),
        ("zh-Hant-TW", "数据表", "資料表", ""),
        ("zh-Hant-TW", "函数计算", "函數計算", ""),
        ("zh-Hant-TW", "异常处理", "例外處理", "software"),
        ("zh-Hant-TW", "以本文件为准", "以本文件為準", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; its not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, in general and in software text."""
    assert_batch_keeps_opencc_phrases(code, NEW)


@pytest.mark.parametrize(
    ("code", "domain", "source", "expected"),
    [
        # Other text, outside the set, as shipped: the packages' other lines and sentences like theirs.
        ("zh-Hant-TW", GENERAL, "openunipay. 统一支付接口. 集成了微信支付、支付宝支付", "整合了微信支付"),
        ("zh-Hant-TW", GENERAL, "这是一个开箱即用、稳定且高效的工程化全栈自动化测试框架。", "全端自動化"),
        ("zh-Hant-TW", GENERAL, "阿里云函数计算web框架", "阿里雲函數計算"),
        (
            "zh-Hant-TW",
            SOFTWARE,
            "推荐通过 create_app 启动项目，自动装配日志、中间件、异常处理与各组件：",
            "例外處理",
        ),
        (
            "zh-Hant-TW",
            GENERAL,
            "Django + DRF 通用扩展库，提供统一响应、全局异常处理、分页、软删除模型",
            "全域例外處理",
        ),
        ("zh-Hant-TW", GENERAL, "API返回的状态码0表示操作成功，非0表示操作失败。", "API回傳"),
        ("zh-Hant-TW", GENERAL, "选项说明：短窗口最大重启次数", "短窗口"),
        ("zh-Hant-TW", GENERAL, "统一业务与 HTTP 异常基类", "HTTP 例外"),
        ("zh-Hant-TW", SOFTWARE, "设备探测函数返回详细探测信息。", "回傳詳細"),
        ("zh-Hant-TW", GENERAL, "数据表快照每天生成一次。", "資料表快照"),
        ("zh-Hant-TW", GENERAL, "这个函数计算的是平均值。", "函數計算"),
        # The guards: gathered into (汇集 / 聚集 + 成了), anomalies handled, a window on screen, going back to a page,
        # the whole picture, an anomaly, going back home; Hong Kong untouched.
        ("zh-Hant-TW", GENERAL, "他把这些资料汇集成了一本书。", "彙集成了"),
        ("zh-Hant-TW", GENERAL, "人群聚集成了一道人墙。", "聚集成了"),
        ("zh-Hant-TW", SOFTWARE, "订单异常处理流程见附件。", "異常處理"),
        ("zh-Hant-TW", GENERAL, "设备异常处理由运维负责。", "異常處理"),
        ("zh-Hant-TW", GENERAL, "关闭这个窗口即可退出。", "視窗"),
        ("zh-Hant-TW", SOFTWARE, "修正：登录后无法自动返回swagger-ui界面的问题。", "返回swagger-ui"),
        ("zh-Hant-TW", GENERAL, "这需要从全局出发考虑问题。", "全局"),
        ("zh-Hant-TW", GENERAL, "系统运行异常，请联系管理员。", "異常"),
        ("zh-Hant-TW", GENERAL, "点击这里返回首页。", "返回首頁"),
        ("zh-Hant-HK", SOFTWARE, "中间件支持：内置常用中间件（CORS、GZIP、异常处理等）", "異常處理"),
        ("zh-Hant-HK", GENERAL, "FastAPI + Vue3 全栈项目脚手架", "全棧"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout82_after_the_rules() -> None:
    """By document (47 files, all software text), aligned: Taiwan 26 → 12 wrong words, Hong Kong 0 (left: Taiwan 访问 ×4
    (存取), 返回体 (a response body), 通过更多测试用例 (passed: 通過), 全局（日志）, 属性类型 (類型), 诚实声明 (聲明), 捕获程序
    异常 and MissingGreenlet异常 (例外), 实用工具和扩展 (Zhudu's 擴充, the label's 擴充套件))."""
    assert wrong_words_by_document(HELDOUT82) == {"zh-Hant-TW": 12, "zh-Hant-HK": 0}
