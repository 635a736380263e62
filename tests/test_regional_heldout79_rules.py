"""Session 55's heldout79 rules (issue 25): the classes of heldout79's first-sight residue (data science and
machine-learning tutorials and library docs) that carry to other text.  In Taiwan: 數位 / 類比 for digital / analog
(数字生命, 数字 vs 模拟架构, 混合数字-模拟; a number and a simulation elsewhere), 純量 for a scalar (标量), 活頁簿 for a
spreadsheet's workbook (工作簿), a value a function returns in a walk-through (返回两张统计表, 仍返回聚焦损失: 回傳, in
software text; going back to a page stays 返回) and the docs mended (修文档: 文件).  Widened: 喂入 → 餵入 (Taiwan and Hong
Kong), 全局 → 全域 before 梯度 / 调制, backing kept as 支持 after a star (请给个星标支持, Hong Kong too), 捕捉异常信号 an
anomaly (異常, not 例外), 溢出敏感 溢位 (hooks/zhudu/script/data/regional.yml: the ``# Session 55 — heldout79`` block and
the ``Session 55 (heldout79)`` lines)."""

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
NEW = rules_after_marker("# Session 55 — heldout79")
HELDOUT79 = bench_conversion.load_review(bench_conversion.SETS["heldout79"])


def test_the_batch_is_in_the_layer() -> None:
    """Six rules, all for Taiwan, one in software text only."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant-TW", "数字", "數位", ""),
        ("zh-Hant-TW", "模拟", "類比", ""),
        ("zh-Hant-TW", "标量", "純量", ""),
        ("zh-Hant-TW", "工作簿", "活頁簿", ""),
        ("zh-Hant-TW", "返回", "回傳", "software"),
        ("zh-Hant-TW", "修文档", "修文件", ""),
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
        ("zh-Hant-TW", GENERAL, "执行产生的数字生命状态快照", "數位生命"),
        ("zh-Hant-TW", GENERAL, "一个为数字意识而生的神经基质框架", "數位意識"),
        ("zh-Hant-TW", SOFTWARE, "数字-模拟混合架构的能耗模型。", "數位-類比混合"),
        ("zh-Hant-TW", SOFTWARE, "输入是标量，转换为长度为一的数组。", "純量"),
        ("zh-Hant-TW", SOFTWARE, "读取完整原生工作簿，将显示样式另存为展示工作簿。", "讀取完整原生活頁簿"),
        ("zh-Hant-TW", SOFTWARE, "为 None 时返回两个特征的切点。", "回傳兩個特徵"),
        ("zh-Hant-TW", SOFTWARE, "但清理失败仍返回已发布收据。", "仍回傳"),
        ("zh-Hant-TW", SOFTWARE, "每次喂入立即更新累计值。", "每次餵入"),
        ("zh-Hant-HK", SOFTWARE, "位置参数或具名喂入均可。", "具名餵入"),
        ("zh-Hant-TW", SOFTWARE, "每一步的全局调制场都会更新。", "全域調變場"),
        ("zh-Hant-TW", SOFTWARE, "如果觉得有用，请给个星标支持！", "星標支持"),
        ("zh-Hant-HK", SOFTWARE, "如果觉得有用，请给个星标支持！", "星標支持"),
        ("zh-Hant-TW", SOFTWARE, "在训练过程中捕捉异常信号。", "捕捉異常訊號"),
        ("zh-Hant-TW", SOFTWARE, "溢出敏感算子检测", "溢位敏感"),
        # The guards: a number, a simulation, going back to a page, a raised exception, spilling over, software support.
        ("zh-Hant-TW", GENERAL, "这个数字很大。", "數字很大"),
        ("zh-Hant-TW", SOFTWARE, "这个数字和模拟结果一致。", "數字和模擬結果"),
        ("zh-Hant-TW", SOFTWARE, "硬件仿真器：模拟ADC/DAC量化、热噪声、电容泄漏", "模擬ADC"),
        ("zh-Hant-TW", SOFTWARE, "登录失败后仍返回首页。", "仍返回首頁"),
        ("zh-Hant-TW", SOFTWARE, "事件处理函数在处理事件时抛出了异常。", "拋出了例外"),
        ("zh-Hant-TW", SOFTWARE, "程序发生了缓冲区溢出。", "緩衝區溢位"),
        ("zh-Hant-TW", GENERAL, "河水溢出了河道。", "河水溢出"),
        ("zh-Hant-TW", SOFTWARE, "这个版本支持中文。", "支援中文"),
        ("zh-Hant-HK", SOFTWARE, "本工具支持 Markdown 和 HTML 两种格式。", "支援 Markdown"),
        ("zh-Hant-TW", GENERAL, "喂，你好，请问是王先生吗？", "喂，你好"),
        ("zh-Hant-TW", GENERAL, "这需要从全局出发考虑问题。", "全局出發"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout79_after_the_rules() -> None:
    """By document (41 files, all software text), aligned: Taiwan 26 → 3 wrong words, Hong Kong 3 → 0 (left: Taiwan
    利用模拟计算思想 (類比計算: 模拟计算 is also a simulated calculation), 结构改变通过局部 (透過) and a panel's 切换分区
    (分區; Zhudu's 分割區 is a disk's))."""
    assert wrong_words_by_document(HELDOUT79) == {"zh-Hant-TW": 3, "zh-Hant-HK": 0}
