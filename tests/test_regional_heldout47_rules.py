"""Session 42's heldout47 rules (issue 25): the classes of heldout47's first-sight residue (the short lives of the Song
ci poets) that carry to other text: in both variants OpenCC's one-to-many characters in biographies and history, the
Song offices 签书 / 签判 (簽, not a lot drawn), 辟 "appoint" (not land opened up), 云 "says" after a book's title and in
一云 (not a cloud), 于 "at" before 徐, an empress's 后 after her title, 岳 of 岳飞's family and of 熊岳 (not a mountain),
杨么, 彦冲, 女几山, 托意 (託), 后 + 摆脱 (not OpenCC's hem 后摆); in Taiwan a poem's 烟草 (煙草, not tobacco); and the
ginger rule's guard for the poet 姜夔 (hooks/zhudu/script/data/regional.yml: the ``# Session 42 — heldout47`` blocks
and the ``Session 42 (heldout47)`` line of the 姜 rule)."""

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
NEW = rules_after_marker("# Session 42 — heldout47")
HELDOUT47 = bench_conversion.load_review(bench_conversion.SETS["heldout47"])


def test_the_batch_is_in_the_layer() -> None:
    """Fifteen new rules for both variants and one for Taiwan, any domain."""
    both = [
        ("签书", "簽書"),
        ("签判", "簽判"),
        ("辟为", "辟為"),
        ("辟署", "辟署"),
        ("云", "云"),
        ("一云", "一云"),
        ("于徐", "於徐"),
        ("后", "后"),
        ("岳", "岳"),
        ("熊岳", "熊岳"),
        ("杨么", "楊么"),
        ("彦冲", "彥沖"),
        ("女几", "女几"),
        ("托意", "託意"),
        ("后摆", "後擺"),
    ]
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        *(("zh-Hant", word, out, "") for word, out in both),
        ("zh-Hant-TW", "烟草", "煙草", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; the not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes but 设言托意, whose 托 is lodging one's meaning
    (託, as OpenCC's own 寄託), overridden on purpose."""
    new = {(r.code, r.word, r.domain) for r in NEW}
    assert_new_rules_keep_opencc_phrases(code, new, on_purpose={"设言托意"})


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Other text, outside the set: other offices, the Classics quoted, another 一云, another man at Xu, another
        # empress, 岳飞 read about, the rebel, another letter to 彦冲, a hermit on 女几山, a lute's meaning, a poem's
        # misty grass, a staff appointment, and the poet 姜夔 in a list.
        ("zh-Hant-TW", "累官端明殿学士、签书平海军节度判官。", "簽書平海軍"),
        ("zh-Hant-HK", "进士及第后，历任江阴签判、建康通判。", "江陰簽判"),
        ("zh-Hant-TW", "《诗》云：“桃之夭夭，灼灼其华。”", "《詩》云"),
        ("zh-Hant-HK", "徐商，字义声，一云字秋卿，新郑人。", "一云字秋卿"),
        ("zh-Hant-TW", "郭常侍铨于徐，性耿介。", "於徐"),
        ("zh-Hant-HK", "慈圣后崩于庆寿宫。", "慈聖后"),
        ("zh-Hant-TW", "夜读岳鄂王传，不觉泪下。", "岳鄂王"),
        ("zh-Hant-HK", "杨么据洞庭湖，官军屡败。", "楊么"),
        ("zh-Hant-TW", "建安刘彦冲学士寄茶。", "劉彥沖"),
        ("zh-Hant-HK", "隐居女几山下，躬耕自给。", "女几山"),
        ("zh-Hant-TW", "知音不可得，琴中托意深。", "託意"),
        ("zh-Hant-HK", "他起初依附权贵，后摆脱了他们的控制。", "後擺"),
        ("zh-Hant-TW", "春雨洗过，一川烟草。", "一川煙草"),
        ("zh-Hant-HK", "节度使辟为从事，不就。", "辟為從事"),
        ("zh-Hant-TW", "他与陆游、姜夔等多有唱和。", "姜夔"),
        # The guards: tobacco, land opened up, lots drawn, a hem, 云云 ("and so on"), ginger in a list, a mountain.
        ("zh-Hant-TW", "烟草公司提高了价格。", "菸草"),
        ("zh-Hant-HK", "这块荒地被辟为公园。", "闢為公園"),
        ("zh-Hant-TW", "大家用抽签判断先后。", "抽籤"),
        ("zh-Hant-HK", "衣服的后摆脱线了。", "後襬"),
        ("zh-Hant-TW", "上诵李百药《过玄感墓诗》云云，叹曰。", "云云"),
        ("zh-Hant-TW", "放入葱、姜、蒜炒香。", "薑"),
        ("zh-Hant-HK", "山岳雷鸣，风雨大作。", "山嶽"),
        # Review16's guards: a show held online after its title, a man's given name and a school before "after", a
        # scene setting off a mood, Baiyin's tobacco bureau, a hilltop opened up.
        ("zh-Hant-TW", "湖南卫视《歌手》云录制。", "《歌手》雲錄製"),
        ("zh-Hant-HK", "故宫推出《千里江山图》云展览。", "雲展覽"),
        ("zh-Hant-TW", "王明德后天要去北京。", "明德後天"),
        ("zh-Hant-HK", "他毕业于明德后，进入清华。", "明德後，"),
        ("zh-Hant-HK", "作者用景物烘托意境。", "烘托意境"),
        ("zh-Hant-TW", "以乐景衬托意境的悲凉。", "襯托意境"),
        ("zh-Hant-TW", "白银市平川烟草专卖局召开会议。", "平川菸草"),
        ("zh-Hant-HK", "山顶被开辟为观察站。", "開闢為"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_heldout47_after_the_rules() -> None:
    """By document (one file, general text), aligned: Taiwan 24 → 4 wrong words, Hong Kong 20 → 1."""
    assert wrong_words_by_document(HELDOUT47) == {"zh-Hant-TW": 4, "zh-Hant-HK": 1}
