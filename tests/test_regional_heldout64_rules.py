"""Session 52's heldout64 rules (issue 25): the classes of heldout64's first-sight residue (a prompt-engineering guide
and a blogger's notes on large language models) that carry to other text, all in Taiwan: text a language model is given,
generates or completes (生成文本, 一段文本, 文本生成: 文字, not s2twp's 文本; text analysis and classification keep the
field's name), a reply a model or a service generates (生成与提示相关的响应, 客户服务响应: 回應, not s2twp's 響應) and
bandwidth where s2twp's phrase table cuts the word apart (利用带宽了: 頻寬).  Widened: 激活 stays 激活 for a neural
network's activations (激活层, 激活值, 激活重计算: not s2twp's 啟用, switching on), and in software text 访问 is 存取 for
a model's input and training data read (不访问整个输入, 不访问原始训练数据) (hooks/zhudu/script/data/regional.yml: the
``# Session 52 — heldout64`` block and the ``Session 52 (heldout64)`` lines)."""

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
NEW = rules_after_marker("# Session 52 — heldout64")
HELDOUT64 = bench_conversion.load_review(bench_conversion.SETS["heldout64"])


def test_the_batch_is_in_the_layer() -> None:
    """Three rules, for Taiwan, in any text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant-TW", "文本", "文字", ""),
        ("zh-Hant-TW", "响应", "回應", ""),
        ("zh-Hant-TW", "带宽", "頻寬", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; its not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


def test_opencc_phrases_keep_their_forms() -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, in general and in software text."""
    assert_batch_keeps_opencc_phrases("zh-Hant-TW", NEW)


@pytest.mark.parametrize(
    ("code", "domain", "source", "expected"),
    [
        # Other text, outside the set, as shipped: the guide's and the notes' other lines.
        ("zh-Hant-TW", GENERAL, "模型提供示例，并根据对示例的理解生成文本。", "理解生成文字"),
        ("zh-Hant-TW", None, "任务：完成给定的文本", "給定的文字"),
        ("zh-Hant-TW", GENERAL, "要在ChatGPT中使用命名实体识别提示，需要向模型提供一段文本。", "一段文字"),
        ("zh-Hant-TW", GENERAL, "范例3：文本完成的文本生成", "文字完成的文字生成"),
        ("zh-Hant-TW", GENERAL, "提供提示后，模型将使用其训练数据和算法生成与提示相关的响应。", "相關的回應"),
        ("zh-Hant-TW", None, "鉴于人类对模型响应的偏好数据集，DPO 可以直接优化策略。", "模型回應"),
        ("zh-Hant-TW", SOFTWARE, "通过学习向量来对激活层加权进行缩放", "激活層"),
        ("zh-Hant-TW", GENERAL, "减小激活值的变化范围，增大权重的变化范围", "激活值"),
        ("zh-Hant-TW", SOFTWARE, "在不访问整个输入的情况下计算softmax", "存取整個輸入"),
        ("zh-Hant-TW", SOFTWARE, "甚至不访问原始训练数据", "存取原始"),
        # The guards: the field's name, a legal text, a call answered, an emergency response, a visit, switching on.
        ("zh-Hant-TW", GENERAL, "通过选择以下选项之一，将以下文本分类为积极、中立或消极。", "以下文本分類"),
        ("zh-Hant-TW", GENERAL, "双方约定以下文本为准。", "以下文本為準"),
        ("zh-Hant-TW", GENERAL, "各地积极响应号召，生成了新的热潮。", "響應號召"),
        ("zh-Hant-TW", GENERAL, "政府出台了相关的响应措施。", "響應措施"),
        ("zh-Hant-TW", SOFTWARE, "代表团将访问原始森林保护区。", "訪問原始"),
        ("zh-Hant-TW", SOFTWARE, "请激活输出插件。", "啟用輸出"),
        ("zh-Hant-HK", GENERAL, "模型提供示例，并根据对示例的理解生成文本。", "生成文本"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str | None, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout64_after_the_rules() -> None:
    """By document, aligned: Taiwan 87 → 38 wrong words with these rules when four files were general text (文本 after a
    noun phrase, 生成类似人类的文本, was most of the rest), → 10 since session 52 (helper AI) reads every file as software
    text (writing about models; the software 文本 rule takes the noun phrases; left: 響應 opening a clause ×3, 以下文本分类为,
    one each of 連線, 檢視, 返回, 全局, 運算元 twice), Hong Kong 0 → 0 (訊息代理 accepted beside 消息代理, a program's
    message as the software 消息 rule writes it)."""
    assert wrong_words_by_document(HELDOUT64) == {"zh-Hant-TW": 10, "zh-Hant-HK": 0}
