"""Session 41's heldout42 rules (issue 25): the classes of heldout42's first-sight residue (modern-Chinese appreciations
of Tang poems) that carry to other text: in both variants OpenCC's one-to-many characters in prose about a classical
subject, a bell before 一响 (晓钟一响: 鐘, not the surname's 鍾), cannot wipe or sun dry (擦不干, 晒不干: 乾), 系 "is"
before 作者 (係), the old province 并州 (not the variant 幷州) and an army on campaign in the desert (征軍, not 徵 "to
levy"); in Taiwan petals or a path joining a road (连接曲折的小路), which s2twp connects online (連線)
(hooks/zhudu/script/data/regional.yml: the ``# Session 41 — heldout42`` block and the ``Session 41 (heldout42)`` line
of the 连接 rule)."""

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
NEW = rules_after_marker("# Session 41 — heldout42")
HELDOUT42 = bench_conversion.load_review(bench_conversion.SETS["heldout42"])


def test_the_batch_is_in_the_layer() -> None:
    """Six new rules for both variants and any domain (the Taiwan class widens the 连接 rule)."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "钟一响", "鐘一響", ""),
        ("zh-Hant", "擦不干", "擦不乾", ""),
        ("zh-Hant", "晒不干", "曬不乾", ""),
        ("zh-Hant", "系作者", "係作者", ""),
        ("zh-Hant", "并州", "并州", ""),
        ("zh-Hant", "征军", "征軍", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; a department's authors, prefectures merged and
    army grain levied read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes but its 并州剪 / 并州故乡 (the province's scissors,
    贾岛's 客舍并州), which take the standard 并州 with the rest."""
    new = {(r.code, r.word, r.domain) for r in NEW}
    assert_new_rules_keep_opencc_phrases(code, new, on_purpose={"并州剪", "并州故乡"})


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # The package's other text: its classical poems' titles and lines name the province.
        ("zh-Hant-TW", "客舍并州已十霜，归心日夜忆咸阳。", "客舍并州"),
        ("zh-Hant-HK", "谁把并州快剪刀，剪取吴江半。", "并州快剪刀"),
        # Other text: a school bell, towels in the rain, an author's own work; a path joined (連接), a server (連線).
        ("zh-Hant-TW", "下课钟一响，孩子们就冲出了教室。", "下課鐘一響"),
        ("zh-Hant-HK", "梅雨季节毛巾总是晒不干。", "曬不乾"),
        ("zh-Hant-TW", "本文系作者原创，转载请注明出处。", "本文係作者"),
        ("zh-Hant-TW", "石阶连接山路，一直通到山顶的寺庙。", "連接山路"),
        ("zh-Hant-TW", "无法连接到服务器。", "連線到伺服器"),
        ("zh-Hant-HK", "朝廷下令合并州县，裁撤冗官。", "合併州縣"),
        ("zh-Hant-TW", "朝廷下令征军粮。", "徵軍糧"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_heldout42_after_the_rules() -> None:
    """By document (one file, general text): Taiwan 6 → 0 wrong words, Hong Kong 5 → 0."""
    assert wrong_words_by_document(HELDOUT42) == {"zh-Hant-TW": 0, "zh-Hant-HK": 0}
