"""Session 42's heldout50 rules (issue 25): the classes of heldout50's first-sight residue (a university's rules for
writing a thesis and an exam paper's notices) that carry to other text: in Taiwan a barcode (條碼, not OpenCC's 條形碼)
and a barcode or a label stuck on paper (黏貼; in Hong Kong 粘貼), not s2twp's and the Hong Kong layer's clipboard paste
(貼上); and s2twp's software senses in academic prose, widened in existing Taiwan rules: a thesis kept for the long term
and where an unpublished one is kept (保存, not 儲存), a guiding document and laws and rules (文件, not 檔案), numbers
joined by a hyphen or a point (連接, not 連線), a reference's record items (著錄項目, not 專案) and whom a thesis thanks
(致謝對象, not 物件) (hooks/zhudu/script/data/regional.yml: the ``# Session 42 — heldout50`` blocks and the
``Session 42 (heldout50)`` lines of the 保存, 文件, 连接, 项目 and 对象 rules)."""

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
NEW = rules_after_marker("# Session 42 — heldout50")
HELDOUT50 = bench_conversion.load_review(bench_conversion.SETS["heldout50"])


def test_the_batch_is_in_the_layer() -> None:
    """Two new Taiwan rules and one Hong Kong rule, any domain (the other classes widen existing Taiwan rules)."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant-TW", "条形码", "條碼", ""),
        ("zh-Hant-TW", "粘贴", "黏貼", ""),
        ("zh-Hant-HK", "粘贴", "粘貼", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes but what the batch means to change."""
    new = {(r.code, r.word, r.domain) for r in NEW}
    assert_new_rules_keep_opencc_phrases(code, {n for n in new if n[0] == code}, on_purpose=set())


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Other text, outside the set: a herbarium's specimens kept for the long term (nanicolle's manual), the
        # template's unpicked lines on a reference's record items, a photo and a stamp stuck on, the items' heading.
        ("zh-Hant-TW", "植物标本是经处理能够长期保存的植物材料。", "長期保存"),
        ("zh-Hant-TW", "几种主要类型的参考文献的著录项目与格式要求如下：", "著錄項目"),
        ("zh-Hant-TW", "请将近期照片粘贴在报名表右上角。", "照片黏貼"),
        ("zh-Hant-HK", "请将近期照片粘贴在报名表右上角。", "照片粘貼"),
        ("zh-Hant-TW", "商品包装上印有条形码。", "條碼"),
        ("zh-Hant-TW", "这是一份规范性的文件，由法律、法规等文件汇编而成。", "規範性的文件"),
        ("zh-Hant-TW", "本次论文的致谢对象包括导师和同学。", "致謝對象"),
        ("zh-Hant-TW", "日期的年、月、日之间用短横线连接。", "短橫線連接"),
        ("zh-Hant-TW", "档案的保存年限为三十年。", "保存年限"),
        # The guards: pasting text stays the clipboard's 貼上; saving a file stays 儲存; a project stays 專案.
        ("zh-Hant-TW", "复制后粘贴到文本框中。", "貼上"),
        ("zh-Hant-HK", "复制后粘贴到文本框中。", "貼上"),
        ("zh-Hant-TW", "请先保存文件再退出。", "儲存檔案"),
        ("zh-Hant-TW", "他负责整个项目的进度。", "專案"),
    ],
)
def test_the_classes_read_right_in_other_sentences(code: str, source: str, expected: str) -> None:
    """The shipped conversion (general text) writes the classes right in sentences the rules were not written from."""
    assert expected in shipped(code)(source)


def test_heldout50_after_the_rules() -> None:
    """By document (6 files, general text), aligned: Taiwan 11 → 0 wrong words, Hong Kong 1 → 0."""
    assert wrong_words_by_document(HELDOUT50) == {"zh-Hant-TW": 0, "zh-Hant-HK": 0}
