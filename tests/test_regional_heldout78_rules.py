"""Session 54's heldout78 rules (issue 25): the classes of heldout78's first-sight residue (the docs of LLM
applications) that carry to other text.  In Taiwan, any text, where s2twp's phrases read across two words: a dialogue
framework (对话框架: 對話框架, not OpenCC's 對話方塊架, a dialog box), freezing without a sound (无声卡死: 無聲卡死, not
無音效卡死, a sound card; a computer without a sound card keeps it) and ByteDance's short name before its products
(字节豆包: 字節豆包, not 位元組, a byte).  Widened in Taiwan: 全局 → 全域 before 单例 / 线程池; backing kept as 支持 after
未经 (未经支持的假设, Hong Kong too) and not before a program restoring its history or data (支持恢复历史对话: 支援)
(hooks/zhudu/script/data/regional.yml: the ``# Session 54 — heldout78`` block and the ``Session 54 (heldout78)``
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
NEW = rules_after_marker("# Session 54 — heldout78")
HELDOUT78 = bench_conversion.load_review(bench_conversion.SETS["heldout78"])


def test_the_batch_is_in_the_layer() -> None:
    """Three rules, all for Taiwan, all in any text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant-TW", "对话框架", "對話框架", ""),
        ("zh-Hant-TW", "无声卡", "無聲卡", ""),
        ("zh-Hant-TW", "字节", "字節", ""),
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
        ("zh-Hant-TW", GENERAL, "NexAgent - AI 对话框架，支持多服务商、多模型切换", "AI 對話框架"),
        ("zh-Hant-TW", SOFTWARE, "这是一个轻量的多轮对话框架。", "多輪對話框架"),
        ("zh-Hant-TW", SOFTWARE, "进程偶尔会无声卡住，需要手动重启。", "無聲卡住"),
        (
            "zh-Hant-TW",
            GENERAL,
            "基于微软GraphRAG，支持使用百度千帆、阿里通义、Ollama、字节豆包等大模型服务",
            "字節豆包等",
        ),
        ("zh-Hant-TW", SOFTWARE, "也可以把智能体发布到字节扣子平台。", "發布到字節"),
        ("zh-Hant-TW", SOFTWARE, "生命周期事件钩子（4 种类型），全局线程池并行执行", "全域執行緒池"),
        ("zh-Hant-TW", SOFTWARE, "无第三方服务依赖、全局单例模型加载、动态配置", "全域單例模型"),
        ("zh-Hant-TW", SOFTWARE, "💾 会话持久化 — SQLite 存储，支持恢复历史对话", "支援恢復歷史對話"),
        ("zh-Hant-TW", SOFTWARE, "客户端支持恢复会话，断线后自动重连。", "支援恢復會話"),
        ("zh-Hant-TW", GENERAL, "文章里有不少未经支持的论断。", "未經支持的論斷"),
        ("zh-Hant-HK", SOFTWARE, "我优先指出未经支持的假设和验证缺口。", "未經支持的假設"),
        # The guards: a sound card, a dialog box, a byte, the whole picture, backing a recovery, a program's support.
        ("zh-Hant-TW", GENERAL, "这台电脑无声卡，所以没有声音。", "無音效卡"),
        ("zh-Hant-TW", SOFTWARE, "点击按钮后弹出对话框。", "對話方塊"),
        ("zh-Hant-TW", SOFTWARE, "每个字节都要校验。", "位元組"),
        ("zh-Hant-TW", SOFTWARE, "字节跳动发布了新模型。", "字節跳動"),
        ("zh-Hant-TW", GENERAL, "这需要从全局出发考虑问题。", "全局出發"),
        ("zh-Hant-TW", GENERAL, "各国都表示支持恢复和平谈判。", "支持恢復"),
        ("zh-Hant-TW", SOFTWARE, "这个版本支持中文。", "支援中文"),
        ("zh-Hant-HK", SOFTWARE, "本工具支持 Markdown 和 HTML 两种格式。", "支援 Markdown"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout78_after_the_rules() -> None:
    """By document (53 files, all software text), aligned: Taiwan 9 → 2 wrong words, Hong Kong 2 → 1 (left: Taiwan
    50%概率返回固定内容 (回傳) and 访问核心 API (存取); Hong Kong 手机/邮箱 in a list of personal data (Zhudu's 電郵信箱,
    the label's 電郵))."""
    assert wrong_words_by_document(HELDOUT78) == {"zh-Hant-TW": 2, "zh-Hant-HK": 1}
