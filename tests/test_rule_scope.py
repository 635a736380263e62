"""Which conversion rules a page can depend on (``hooks/zhudu/script/rule_scope.py``), without a build."""

from __future__ import annotations

from pathlib import Path

from zhudu.script import rule_scope
from zhudu.script.convert import DEFAULT_VARIANTS, Converter
from zhudu.script.editor_rules import ConversionRules

CODES = [v.code for v in DEFAULT_VARIANTS]


def rules(**kw: object) -> ConversionRules:
    base: dict[str, object] = {
        "protected": ("深度求索",),
        "phrases": {"zh-Hant": {"一个中学生": "一個中學生"}, "zh-Hant-TW": {"特朗普": "川普"}},
        "punctuation": {"zh-Hant": {"“": "「", "”": "」"}},
    }
    base.update(kw)
    return ConversionRules(**base)  # type: ignore[arg-type]


def test_a_text_without_a_rules_source_converts_the_same_with_or_without_it() -> None:
    """The property the keys rest on, checked on the converter itself."""
    text = "他说：“特朗普和一个中学生都在用深度求索的模型。”"
    for variant in DEFAULT_VARIANTS:
        plain = Converter(variant, rules()).text(text)
        more = rules(
            protected=("深度求索", "哪里都没有"), phrases={**rules().phrases, "zh-Hant-HK": {"没有的": "X"}}
        )
        assert Converter(variant, more).text(text) == plain


def test_changed_sources_name_only_what_changed_and_punctuation_means_every_page() -> None:
    before = rule_scope.labels(rules(), CODES)
    assert rule_scope.changed_sources(before, before) == []
    assert rule_scope.changed_sources(None, before) is None  # no record: every page
    added = rule_scope.labels(rules(protected=("深度求索", "新词")), CODES)
    assert rule_scope.changed_sources(before, added) == ["新词"]
    output = rule_scope.labels(
        rules(phrases={"zh-Hant": {"一个中学生": "一個中學生"}, "zh-Hant-TW": {"特朗普": "特朗普"}}), CODES
    )
    assert rule_scope.changed_sources(before, output) == ["特朗普"]
    # A protected term with a phrase's source: the phrase no longer applies (both named).
    shadow = rule_scope.labels(rules(protected=("深度求索", "特朗普")), CODES)
    assert rule_scope.changed_sources(before, shadow) == ["特朗普"]
    marks = rule_scope.labels(rules(punctuation={"zh-Hant": {"“": "「"}}), CODES)
    assert rule_scope.changed_sources(before, marks) is None
    accepted = rule_scope.labels(rules(accepted={"zh-Hant-TW": frozenset({"软件"})}), CODES)
    assert rule_scope.changed_sources(before, accepted) == []  # read by the audit only


def test_a_render_is_keyed_by_the_protected_terms_its_text_holds_across_markup() -> None:
    scope = rule_scope.RenderScope(
        rules(protected=("深度求索", "从太空")), "zh-Hans", lambda: ["glossary: 无关"]
    )
    assert scope.part("没有这些词。") == ""
    assert scope.part("## 深度**求索**\n") != ""  # a heading's text is joined across its markup
    assert scope.part("深&#x5EA6;求索") != ""  # entities undone
    assert scope.part("从 太空") == scope.part("从太空") != scope.part("深度求索")
    # A term the other editorial files show is in every render's key.
    everywhere = rule_scope.RenderScope(rules(), "zh-Hans", lambda: ["aliases: [深度求索]"])
    assert everywhere.part("没有这些词。") == everywhere.part("深度求索") != ""
    facts: dict[object, object] = {}
    assert scope.part("深度求索", facts) == scope.part("深度求索") and "protected" in facts


def test_a_copy_with_inline_rules_or_unreadable_counts_as_touched(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text("<p>没有的词</p>", encoding="utf-8")
    assert not rule_scope.copy_touched(page, ["特朗普"])
    assert rule_scope.copy_touched(page, ["没有"])
    page.write_text('<span class="zd-conv" data-zd-conv="zh-Hant-TW:電腦">计算机</span>', encoding="utf-8")
    assert rule_scope.copy_touched(page, ["特朗普"])
    assert rule_scope.copy_touched(tmp_path / "missing.html", ["特朗普"])
