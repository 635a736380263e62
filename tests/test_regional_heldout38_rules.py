"""Session 40's heldout38 rules (issue 25): the classes of heldout38's first-sight residue (a primary-school maths
course's lessons, knowledge points, typical mistakes and exercises) that carry to other text: the kilometre a
textbook names or asks for (认识千米, 多少千米), which OpenCC keeps as the Mainland 千米; in Taiwan a relation between
things (两种方法有什么联系, 联系加减法的意义), which s2twp writes 聯絡 (getting in touch), and a sign or segment that
joins (用“×”连接两个乘数, 连接两点的线段), which it writes 連線; in Hong Kong 并 + 联系, where OpenCC's phrase 并联
(parallel circuits) leaves 聯系 (hooks/zhudu/script/data/regional.yml: the ``# Session 40 — heldout38`` block and the
``Session 40 (heldout38)`` lines of the 千米, 连接 and 联系 rules)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_rule_fires_in_its_domain,
    bench_conversion,
    rule_cases,
    rules_after_marker,
    shipped,
    wrong_words_by_document,
)
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 40 — heldout38")
HELDOUT38 = bench_conversion.load_review(bench_conversion.SETS["heldout38"])


def test_the_batch_is_in_the_layer() -> None:
    """One new rule, Hong Kong's, for any domain (the other classes widen the 千米, 连接 and 联系 rules)."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [("zh-Hant-HK", "并联系", "並聯繫", "")]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; a parallel system reads as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # The course's sentences outside the set's 320.
        ("zh-Hant-TW", "一辆汽车7小时行驶了多少千米？", "多少公里"),
        ("zh-Hant-HK", "在地图上量一量，估计从北京到上海大约是多少千米。", "多少公里"),
        ("zh-Hant-TW", "4千米＝（　）米；（　）千米；9分米", "（　）公里"),
        ("zh-Hant-TW", "说一说乘法和除法之间有什么联系？", "有什麼聯繫"),
        ("zh-Hant-TW", "理解数量关系，并联系乘法和除法的意义解决问题。", "並聯繫乘法"),
        ("zh-Hant-TW", "要求学生联系生活举出例子。", "聯繫生活"),
        ("zh-Hant-TW", "用“÷”连接被除数和除数。", "連接被除數"),
        ("zh-Hant-HK", "找出周期规律，并联系春夏秋冬说一说。", "並聯繫春夏秋冬"),
        # Other text and the guards: 3,000 metres, the ways to get in touch, an online connection, a
        # parallel system.
        ("zh-Hant-TW", "他参加了三千米障碍赛。", "三千米"),
        ("zh-Hant-TW", "请留下您的联系方式。", "聯絡方式"),
        ("zh-Hant-TW", "我们用什么联系比较方便？", "聯絡"),
        ("zh-Hant-TW", "电脑连接服务器失败。", "連線"),
        ("zh-Hant-HK", "两组电池并联系统更稳定。", "並聯系統"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_heldout38_after_the_rules() -> None:
    """By document (three data files, general text): Taiwan 17 → 9 wrong words, Hong Kong 5 → 4."""
    assert wrong_words_by_document(HELDOUT38) == {"zh-Hant-TW": 9, "zh-Hant-HK": 4}
