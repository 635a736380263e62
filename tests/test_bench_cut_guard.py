"""bench_conversion's ``--cut-guard``: OpenCC's phrases read across jieba's words, undone (issue 25, session 36).

A prototype measured in the bench only (bench/RESULTS.md, session 36 — cuts): these tests pin what it does,
with real OpenCC and jieba, so the measured figures can be reproduced.
"""

from __future__ import annotations

import sys
from pathlib import Path

from zhudu.script.convert import opencc_converter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import bench_conversion  # noqa: E402  (bench/ is put on the path above)
from cut_guard import chars_converter, cut_points, guard  # noqa: E402

TW = "zh-Hant-TW"


def _plain(text: str) -> str:
    return opencc_converter("s2twp").convert(text)


def test_a_phrase_read_across_two_words_is_a_cut_point():
    # 今天|干嘛: OpenCC reads 天干 (the heavenly stems) first, so 干 stays 干.
    assert _plain("今天干嘛") == "今天干嘛"
    assert cut_points("今天干嘛", _plain) == [2]
    # 这|只 and 字节|跳动: phrases OpenCC knows made of whole words are no cut in the partial mode.
    assert cut_points("这只猫很可爱", _plain) == []
    assert cut_points("字节跳动", _plain) == []
    assert cut_points("字节跳动", _plain, mode="all") == [2]


def test_the_guard_takes_the_cut_form_where_the_output_is_openccs_own():
    for source, fixed in (
        ("今天干嘛打扮成这个样子", "今天幹嘛打扮成這個樣子"),
        ("配置重载入操作", "配置重載入操作"),  # 重|载入, not 重载 → 過載
        ("休息日里练习", "休息日裡練習"),
    ):
        assert guard(source, _plain(source), _plain, chars=chars_converter(TW)) == fixed


def test_the_guard_leaves_a_rules_output_and_openccs_context_entries():
    # A rule's output (here written by hand) is not OpenCC's own: left as it is.
    assert guard("今天干嘛", "今天干麼", _plain) == "今天干麼"
    # 重新|发布: OpenCC's 新发布 keeps 發布 from 釋出 on purpose; the cut form is no nearer the characters.
    source = "您可以自由修改和重新发布它。"
    assert guard(source, _plain(source), _plain, chars=chars_converter(TW)) == _plain(source)


def test_the_bench_measures_with_the_guard():
    entries = [{"zh-Hans": "你今天干嘛打扮成这个样子", TW: "你今天幹嘛打扮成這個樣子", "from": "t"}]
    assert bench_conversion.measure(entries, TW)["zhudu"]["wrong"] == 1
    assert bench_conversion.measure(entries, TW, cuts="partial-chars")["zhudu"]["wrong"] == 0
