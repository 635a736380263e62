"""Session 37's heldout32 rules (issue 25): the two classes of heldout32's residue that carry to other text, a job sent
to the background (切换到后台 → 切換到背景) and a shell builtin's exit status (返回状态为 → 回傳狀態為), in Taiwan
(hooks/zhudu/script/data/regional.yml, the ``# Session 37 — heldout32`` block at the end of zh-Hant-TW)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_new_rule_fires_on_its_example_only,
    bench_conversion,
    rule_cases,
    rules_after_marker,
    shipped,
)
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 37 — heldout32")


def test_the_batch_is_in_the_layer() -> None:
    """Two Taiwan rules, for text of any domain."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant-TW", "后台", "背景", ""),
        ("zh-Hant-TW", "返回", "回傳", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word; without the batch it did not; the not-sentences (other sets' sentences: a
    shop's and a site's back end, LaTeX's, going back to a help page, to a text front end, home) read as before."""
    assert_new_rule_fires_on_its_example_only(rule, code, LAYER, NEW)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Other pages of linux-command than the set's sentences (the set holds one of each).
        ("返回状态为成功除非无法进入指定的目录。", "回傳狀態為成功除非無法進入指定的目錄。"),
        ("返回状态为成功除非给出了非法选项或是当前目录无法读取。", "回傳狀態為成功"),
        ("在保证里面的程序正常运行的情况下让Screen挂起（切换到后台）。", "（切換到背景）"),
    ],
)
def test_the_classes_read_right_in_other_pages(source: str, expected: str) -> None:
    """The shipped conversion writes the exit status and the background the Taiwan way in text the rules were not
    written from, too."""
    assert expected in shipped("zh-Hant-TW")(source)


def test_heldout32_by_domain_after_the_rules() -> None:
    """heldout32 in Taiwan after the rules: by domain 27 → 25 wrong words, without a domain 82 → 80."""
    assert (
        bench_conversion.measure(HELDOUT32, "zh-Hant-TW", by_domain=True, names=("zhudu",))["zhudu"]["wrong"]
        <= 25
    )
    assert bench_conversion.measure(HELDOUT32, "zh-Hant-TW", names=("zhudu",))["zhudu"]["wrong"] <= 80


HELDOUT32 = bench_conversion.load_review(bench_conversion.SETS["heldout32"])
