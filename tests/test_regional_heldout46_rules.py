"""Session 41's heldout46 rules (issue 25): the classes of heldout46's first-sight residue (a newspaper's explainers for
the public) that carry to other text: in both variants the clean-plate campaign (光盘行动: a plate, 盤, not the disc
光碟); in Hong Kong two Mainland orders s2hkp keeps (首席运营官: 首席營運官; 存储空间: 儲存空間); in Taiwan guards and
senses widened on existing rules: a pass rate promised (“100%通过”: 通過, not 透過), a plant running safely and a
build-out in operation (運行, not 執行), a bill's amendment procedure (程序, not 程式), a neighbourhood swapping old
clothes (社區, not 社群) and tools kept at home (保存, not 儲存) (hooks/zhudu/script/data/regional.yml: the ``# Session
41 — heldout46`` blocks and the ``Session 41 (heldout46)`` lines of the Taiwan 通过, 运行, 程序, 社区 and 保存 rules)."""

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
NEW = rules_after_marker("# Session 41 — heldout46")
HELDOUT46 = bench_conversion.load_review(bench_conversion.SETS["heldout46"])


def test_the_batch_is_in_the_layer() -> None:
    """One new rule for both variants and two for Hong Kong, any domain (the Taiwan classes widen existing rules)."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "光盘行动", "光盤行動", ""),
        ("zh-Hant-HK", "首席运营官", "首席營運官", ""),
        ("zh-Hant-HK", "存储空间", "儲存空間", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; an installation disc reads as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes."""
    new = {(r.code, r.word, r.domain) for r in NEW}
    assert_new_rules_keep_opencc_phrases(code, new, on_purpose=set())


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Other text, outside the set: the campaign in a canteen, another COO, a phone's storage, a pass rate, a
        # station's safe running, a bill's amendment, a neighbourhood's old clothes, tools kept.
        ("zh-Hant-HK", "学校食堂开展“光盘行动”，倡导节约粮食。", "光盤行動"),
        ("zh-Hant-TW", "学校食堂开展“光盘行动”，倡导节约粮食。", "光盤行動"),
        ("zh-Hant-HK", "公司任命了一位新的首席运营官。", "首席營運官"),
        ("zh-Hant-HK", "这部手机的存储空间不够了。", "儲存空間"),
        ("zh-Hant-TW", "培训班承诺学员“100%通过”考试。", "100%通過"),
        ("zh-Hant-TW", "这座水电站已实现安全运行一千天。", "安全運行"),
        ("zh-Hant-TW", "该条例草案已进入修改程序。", "修改程序"),
        ("zh-Hant-TW", "周末到社区旧衣回收点捐衣服。", "社區"),
        ("zh-Hant-TW", "家里的药品要注意保存和保管。", "保存和保管"),
        # The guards: an installation disc stays a disc; by means of stays 透過; a program run and an online
        # community keep s2twp's words.
        ("zh-Hant-HK", "把系统刻录到安装光盘上。", "光碟"),
        ("zh-Hant-TW", "您可以通过编辑配置文件来更改布局。", "透過"),
        ("zh-Hant-TW", "点击按钮运行脚本。", "執行"),
        ("zh-Hant-TW", "开源社区贡献了大量插件。", "社群"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_heldout46_after_the_rules() -> None:
    """By document (22 articles, general text), aligned: Taiwan 12 → 5 wrong words, Hong Kong 4 → 1."""
    assert wrong_words_by_document(HELDOUT46) == {"zh-Hant-TW": 5, "zh-Hant-HK": 1}
