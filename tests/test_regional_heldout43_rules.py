"""Session 41's heldout43 rules (issue 25): the classes of heldout43's first-sight residue (Woolf's A Room of One's Own
in translation, literary commentary) that carry to other text: in both variants OpenCC's one-to-many characters in
plain literary prose, a painter's transliterated Van (范戴克, 范·高: 范, not a model's 範), that volume of a book (那卷书:
卷, not OpenCC's 那捲 "that roll") and a swing up and down (上下摆动: 擺, not the hem's 襬); in Taiwan what a library, a
museum or an archive keeps (图书馆里也保存着手稿: 保存, not s2twp's 儲存 of a file saved)
(hooks/zhudu/script/data/regional.yml: the ``# Session 41 — heldout43`` block and the ``Session 41 (heldout43)`` line
of the Taiwan 保存 rule)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_new_rules_keep_opencc_phrases,
    assert_rule_fires_in_its_domain,
    bench_conversion,
    rule_cases,
    rules_after_marker,
    shipped,
    wrong_words_by_document,
)
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 41 — heldout43")
HELDOUT43 = bench_conversion.load_review(bench_conversion.SETS["heldout43"])


def test_the_batch_is_in_the_layer() -> None:
    """Three new rules for both variants and any domain (the Taiwan class widens the 保存 rule)."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "范", "范", ""),
        ("zh-Hant", "那卷", "那卷", ""),
        ("zh-Hant", "上下摆", "上下擺", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; a model pupil, a rolled-up carpet and a
    garment's hems read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes."""
    new = {(r.code, r.word, r.domain) for r in NEW}
    assert_new_rules_keep_opencc_phrases(code, new, on_purpose=set())


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # The package's other text, outside the set: the book's other 范戴克, Woolf's Jacob's Room, another novel's Van.
        ("zh-Hant-TW", "我们都终将走进天堂与范戴克为伴。", "范戴克"),
        ("zh-Hant-HK", "那冲着敞开的窗户上下摆动的黄色花朵上，一只蜜蜂正嗡嗡飞舞。", "上下擺動"),
        ("zh-Hant-HK", "范·米克·康斯坦霞·库尔森小姐昂首阔步闯了进来。", "范·米克"),
        # Other text: Van Gogh, a volume, a pendulum, a museum's letters; a file saved, a rolled carpet, a model keep
        # their forms.
        ("zh-Hant-HK", "范·高一生只卖出过一幅画。", "范·高"),
        ("zh-Hant-TW", "我想，这就是那卷书给我留下的印象。", "那卷書"),
        ("zh-Hant-TW", "钟摆不停地上下摆动。", "上下擺動"),
        ("zh-Hant-TW", "博物馆里保存着鲁迅的书信。", "博物館裡保存著"),
        ("zh-Hant-TW", "编辑器会自动保存着你的草稿。", "儲存著"),
        ("zh-Hant-HK", "他把那卷起的地毯扛走了。", "那捲起"),
        ("zh-Hant-TW", "他是全班的模范。", "模範"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_heldout43_after_the_rules() -> None:
    """By document (one file, general text): Taiwan 4 → 0 wrong words, Hong Kong 3 → 0."""
    assert wrong_words_by_document(HELDOUT43) == {"zh-Hant-TW": 0, "zh-Hant-HK": 0}
