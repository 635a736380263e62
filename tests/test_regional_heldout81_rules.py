"""Session 55's heldout81 rules (issue 25): the classes of heldout81's first-sight residue (media and document
processing tools' docs) that carry to other text.  In Taiwan, any text: saliency detection (显著性检测: 顯著性偵測, as
物件偵測; s2twp's 檢測).  Widened in Taiwan: 协议 → 協定 after 上报 (主动上报协议; MCP's 協議 kept, as the earlier sets' labels
have it), 水平 → 水準 after 普遍 (行业普遍水平), software 实现 → 實作 after 同一套 and not before
类似 (实现类似的体验: 實現), software 返回 → 回傳 before 识别出 / 原因; backing kept as 支持 after a star and for theoretical
backing (Star 支持一下, 提供了宝贵的理论支持), Hong Kong's software rule too (hooks/zhudu/script/data/regional.yml: the
``# Session 55 — heldout81`` block and the ``Session 55 (heldout81)`` lines)."""

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
NEW = rules_after_marker("# Session 55 — heldout81")
HELDOUT81 = bench_conversion.load_review(bench_conversion.SETS["heldout81"])


def test_the_batch_is_in_the_layer() -> None:
    """One rule, for Taiwan, in any text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant-TW", "显著性检测", "顯著性偵測", "")
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
        ("zh-Hant-TW", GENERAL, "本文提出一种新的显著性检测方法。", "顯著性偵測"),
        ("zh-Hant-TW", GENERAL, "协议详见开发文档的“上报协议”章节。", "上報協定"),
        ("zh-Hant-TW", GENERAL, "这一指标高于行业普遍水平。", "普遍水準"),
        ("zh-Hant-TW", SOFTWARE, "命令行和 Web 界面共用同一套实现。", "同一套實作"),
        ("zh-Hant-TW", SOFTWARE, "接口调用失败时返回原因码。", "回傳原因"),
        ("zh-Hant-TW", GENERAL, "如果觉得有用，请点个 Star 支持一下！", "Star 支持一下"),
        ("zh-Hant-HK", SOFTWARE, "如果觉得有用，请点个 Star 支持一下！", "Star 支持一下"),
        ("zh-Hant-TW", GENERAL, "这些实验为新方法提供了坚实的理论支持。", "理論支持"),
        ("zh-Hant-HK", SOFTWARE, "这些实验为新方法提供了坚实的理论支持。", "理論支持"),
        # The guards: a licence, and MCP's 協議, a web console and a Python package as the earlier sets' labels keep
        # them; a level surface, Windows' Control Panel, an implementing class, 包含, a program's
        # support, achieving something alike, going back, a quality test.
        ("zh-Hant-TW", GENERAL, "本项目采用 MIT 协议发布。", "MIT 協議"),
        ("zh-Hant-TW", GENERAL, "AI终端管理器 - 支持MCP协议的多线程终端系统", "MCP協議"),
        ("zh-Hant-TW", GENERAL, "启动后 Web 控制台默认在本机 8000 端口。", "Web 控制台"),
        ("zh-Hant-TW", GENERAL, "一个用于解析财务报表的 Python 包", "Python 包"),
        ("zh-Hant-TW", GENERAL, "把木板放在水平面上。", "水平面"),
        ("zh-Hant-TW", GENERAL, "打开 Windows 控制台调整声音。", "Windows 控制台"),
        ("zh-Hant-TW", SOFTWARE, "服务实现类不能是抽象类。", "服務實作類別"),
        ("zh-Hant-TW", SOFTWARE, "Python 包含很多内置函数。", "Python 包含"),
        ("zh-Hant-TW", SOFTWARE, "这个工具理论支持任意长度的输入。", "理論支援"),
        ("zh-Hant-HK", SOFTWARE, "这个工具理论支持任意长度的输入。", "理論支援"),
        ("zh-Hant-TW", SOFTWARE, "在 Celery 中，若想手动侵入核心链路来实现类似的上下文注入功能", "實現類似"),
        ("zh-Hant-TW", SOFTWARE, "点击返回原来的页面。", "返回原來"),
        ("zh-Hant-TW", GENERAL, "质量检测部门发现了问题。", "品質檢測"),
        ("zh-Hant-HK", SOFTWARE, "本工具支持 Markdown 和 HTML 两种格式。", "支援 Markdown"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout81_after_the_rules() -> None:
    """By document (44 files, all software text), aligned: Taiwan 18 → 8 wrong words, Hong Kong 5 → 3 (left: Taiwan
    访问 ×3 (存取), 检测 ×3 (偵測: 可检测FLV文件, 检测音视频时间戳, 验证码检测), 支持项目管理 (the editor's phrase 支持项目:
    支持計畫), 在控制台看到 (主控台); Hong Kong 上报协议 (協定), 剪映窗口 (視窗), 个人信息保护法 (the PRC law's name))."""
    assert wrong_words_by_document(HELDOUT81) == {"zh-Hant-TW": 8, "zh-Hant-HK": 3}
