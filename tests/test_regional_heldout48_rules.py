"""Session 42's heldout48 rules (issue 25): the classes of heldout48's first-sight residue (sports reporting) that carry
to other text: in both variants OpenCC's phrases read across two words (另一家 + 俱乐部: 傢俱; 出发后 + 王春露: 后王;
冲 + 年轻人: 沖年) and the Korean surname Park after a Korean player's title (朴, not 樸); in Taiwan filming as a verb
(进行摄像: 攝影) and a sport's events by sex, team, distance or strength and an event's Olympic record (男子项目,
团体项目, 短道速滑项目, 优势项目, 该项目冬奥会纪录: 項目, not s2twp's 專案) (hooks/zhudu/script/data/regional.yml: the
``# Session 42 — heldout48`` blocks and the ``Session 42 (heldout48)`` lines of the Taiwan 项目 rules)."""

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
NEW = rules_after_marker("# Session 42 — heldout48")
HELDOUT48 = bench_conversion.load_review(bench_conversion.SETS["heldout48"])


def test_the_batch_is_in_the_layer() -> None:
    """Four new rules for both variants and one for Taiwan, any domain (the 项目 class widens existing rules)."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "家俱乐部", "家俱樂部", ""),
        ("zh-Hant", "后王", "後王", ""),
        ("zh-Hant", "冲年轻", "衝年輕", ""),
        ("zh-Hant", "朴", "朴", ""),
        ("zh-Hant-TW", "摄像", "攝影", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; a queen's crown, plain manners and a webcam
    read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes."""
    new = {(r.code, r.word, r.domain) for r in NEW}
    assert_new_rules_keep_opencc_phrases(code, new, on_purpose=set())


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Other text, outside the set: an industrialists' club (the People's Daily of the set's day), another start,
        # a glance at the young, another Korean player, filming forbidden, a team event, a distance, a record.
        ("zh-Hant-HK", "墨西哥工业家俱乐部主席对本报记者说。", "工業家俱樂部"),
        ("zh-Hant-TW", "他转会到了另一家俱乐部。", "另一家俱樂部"),
        ("zh-Hant-TW", "比赛结束后王楠哭了。", "結束後王楠"),
        ("zh-Hant-HK", "比赛结束后王楠哭了。", "結束後王楠"),
        ("zh-Hant-HK", "老师冲年轻人喊了一声。", "衝年輕人"),
        ("zh-Hant-TW", "韩国女将朴仁妃夺得了冠军。", "朴仁妃"),
        ("zh-Hant-TW", "场馆内禁止拍照和摄像。", "攝影"),
        ("zh-Hant-TW", "李琰说：“我们在女子项目上是有些优势。”", "女子項目"),
        ("zh-Hant-TW", "这是中国的传统优势项目。", "優勢項目"),
        ("zh-Hant-TW", "他打破了该项目世界纪录。", "該項目世界紀錄"),
        # The guards: a queen's crown, plain manners, a webcam and an open-source project keep their words.
        ("zh-Hant-TW", "皇后王冠上的宝石很大。", "皇后王冠"),
        ("zh-Hant-HK", "韩国选手朴实的作风赢得了尊重。", "樸實"),
        ("zh-Hant-TW", "请进行摄像头测试。", "攝影機"),
        ("zh-Hant-TW", "这个开源项目很受欢迎。", "專案"),
        # Review16's guard: a name ending in 冲 before 年轻 (Water Margin's 林冲, the actress 陈冲).
        ("zh-Hant-TW", "林冲年轻时是八十万禁军教头。", "林沖年輕"),
        ("zh-Hant-HK", "陈冲年轻时就出演了电影。", "陳沖年輕"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_heldout48_after_the_rules() -> None:
    """By document (15 articles, general text), aligned: Taiwan 27 → 7 wrong words, Hong Kong 8 → 4."""
    assert wrong_words_by_document(HELDOUT48) == {"zh-Hant-TW": 7, "zh-Hant-HK": 4}
