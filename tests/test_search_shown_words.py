"""Search finds what a variant's page shows where a phrase rule changed it (``search/shown_words.py``).

The editor's phrases (``conversion.yml``) turn a whole name: 迈克尔·贝瑞 is 麥可·貝瑞 in Taiwan and 米高·貝利 in
Hong Kong.  Converting 迈克尔 alone gives 邁克爾, which no page shows: the words of the name had no
regional form, no highlight and a suggestion the page does not show (issue of session 33's review).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import build_site
from zhudu.search import shards as search_shards
from zhudu.search.rule_words import with_rule_words
from zhudu.search.shown_words import passage_edits, shown_span

#: The two characters the rule-word case folds.
FOLD = str.maketrans("設檔", "设档")

#: Rules like the shipped ones, on names of our own: the fix reads the pages, not a list of names.
CONVERSION = """\
phrases:
  zh-Hant-TW:
    罗伯特·沃森: 勞勃·華生   # why: test
    埃文·史密斯: 伊凡·史密斯   # why: test
  zh-Hant-HK:
    罗伯特·沃森: 羅拔·屈臣   # why: test
"""
NOTE = """---
title: 名字
date: 2024-03-01
---

我们都记得罗伯特·沃森（Robert Watson）的那次演讲，还有埃文·史密斯写的评论。
"""


def _edited(shown: str, edits: list[Any]) -> str:
    out, at = "", 0
    for k in range(0, len(edits), 3):
        out += shown[at : edits[k]] + edits[k + 2]
        at = edits[k] + edits[k + 1]
    return out + shown[at:]


def test_an_edit_is_cut_at_its_separators_so_each_shown_word_maps_onto_its_canonical_word() -> None:
    shown, canonical = "「大空头」米高·贝利（m", "“大空头”迈克尔·贝瑞（m"
    edits, spans = passage_edits(shown, canonical)
    assert _edited(shown, edits) == canonical
    assert (5, 2, 5, 3) in spans and (9, 1, 10, 1) in spans  # 米高 → 迈克尔, 利 → 瑞
    assert shown_span(spans, 5, 8) == (5, 7)  # 迈克尔 is shown as 米高
    assert shown_span(spans, 9, 11) == (8, 10)  # 贝瑞 as 贝利
    assert shown_span(spans, 6, 8) is None  # 克尔 cuts into 米高: shown nowhere
    # A rewritten clause (no separator for a separator) stays one edit.
    assert passage_edits("一般使用者", "普通用户")[1] == [(0, 5, 0, 4)]


def _manifest(site: Path, code: str) -> dict[str, Any]:
    return json.loads((site / code / "search" / "manifest.json").read_text(encoding="utf-8"))


def _word_rows(site: Path, code: str) -> dict[str, str]:
    """The ``w`` files' words as the variant shows them: canonical word → shown."""
    count, folder = _manifest(site, code)["shards"]["w"]
    rows: dict[str, str] = {}
    for n in range(count):
        shard = json.loads(search_shards.read_stored(site / code / "search" / folder / f"{n}.deflate"))
        for entries in shard.get("w", {}).values():
            for row in entries:
                word, shown = (row, row) if isinstance(row, str) else row
                rows[word] = shown
    return rows


@pytest.fixture(scope="module")
def named_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = build_site(
        tmp_path_factory.mktemp("names"),
        notes={"n.md": NOTE},
        editorial={
            "conversion.yml": CONVERSION,
            "glossary.yml": "- term: 罗伯特·沃森\n  explanation: 一位演讲者。\n",
        },
    )
    assert result.ok, result.log
    return result.site_dir


@pytest.mark.parametrize(
    ("code", "shown", "canonical"),
    [
        ("zh-Hant-TW", "勞勃", "罗伯特"),
        ("zh-Hant-TW", "華生", "沃森"),
        ("zh-Hant-TW", "伊凡", "埃文"),
        ("zh-Hant-HK", "羅拔", "罗伯特"),
        ("zh-Hant-HK", "屈臣", "沃森"),
    ],
)
def test_each_word_of_a_renamed_name_reads_as_its_canonical_word(named_site, code, shown, canonical) -> None:
    manifest = _manifest(named_site, code)
    fold = dict(zip(manifest["fold"][::2], manifest["fold"][1::2], strict=True))
    key = "".join(fold.get(ch, ch) for ch in shown)  # as the worker folds the query
    assert manifest["alias"].get(key, [None])[0] == canonical, sorted(manifest["alias"])


def test_suggestions_offer_a_word_as_the_variants_pages_show_it(named_site) -> None:
    tw, hk = _word_rows(named_site, "zh-Hant-TW"), _word_rows(named_site, "zh-Hant-HK")
    assert tw.get("罗伯特") == "勞勃" and hk.get("罗伯特") == "羅拔"
    # As converted alone the name's words are 羅伯特 and 沃森, which those pages do not show.
    shown = set(tw.values()) | set(hk.values())
    assert not {"羅伯特", "羅伯", "伯特", "沃森"} & shown, sorted(shown)


def test_an_edit_of_as_many_characters_is_cut_into_the_words_it_puts_for_words() -> None:
    """軟體和網路 shows 软件和网络 (folded: 软体和网路): two words changed, not one piece 件和网络, so
    软件 beside the first keeps its shown form 軟體 (the Taiwan suggestion for 硬件 offers it)."""
    _, spans = passage_edits("开源软体和网路。", "开源软件和网络。")
    assert spans == [(3, 1, 3, 1), (6, 1, 6, 1)]


def test_a_form_shown_only_where_an_author_wrote_a_rule_word_is_read_as_a_rule_word() -> None:
    """A Traditional note's 設定檔案 is shown as written on its Taiwan page (session 45 — fm) where the canonical text
    holds 配置文件: that shown form is one author's word, so it is flagged TYPED (read below the shown forms, no
    beginning of a query ending inside it); 設定檔 then still finds the 設定檔案 every Taiwan page shows for
    设置文件 first (test_search_hexo_browser).  A form the notes' own words convert to stays a shown form."""
    shown = {"设定档案": "配置文件", "设定档": "配置文件"}  # the fm page's pair; a form a conversion gives
    words = {"設定檔案": "配置文件", "設定檔": "配置文件"}
    alias, typed = with_rule_words(
        shown, words, {"配置文件"}, lambda w: w.translate(FOLD), converted={"设定档"}
    )
    assert typed == {"設定檔案", "设定档案", "設定檔"}
    assert alias["设定档案"] == alias["设定档"] == "配置文件"


def test_a_rule_held_to_a_neighbour_gives_its_word_with_the_neighbour() -> None:
    """A from-hant rule held to a neighbour (儲存 → 存储 before 空間; 影片 → 视频 after 上傳) gave no form: a Taiwan
    reader's 儲存空間 did not find the notes' 存储空间.  Its word with each neighbour meets the condition wherever it
    is typed: that phrase reads the mainland phrase, where the notes hold both its words and the forms do not read
    it so already; the word alone reads nothing new (影片 is a film too), nor a phrase whose words the notes do not
    hold (上传)."""
    from zhudu.script.domain import SOFTWARE
    from zhudu.script.regional import default_regional
    from zhudu.search.rule_words import rule_words

    words = rule_words(default_regional(), SOFTWARE)
    assert (
        words["儲存空間"] == "存储空間"
        and words["上傳影片"] == "上傳视频"
        and words["影片網站"] == "视频網站"
    )
    assert "影片" not in words and not [
        w for w in words if "*" in w or "Hexo" in w
    ]  # classes, Latin: no phrase
    fold = str.maketrans("儲間傳網", "储间传网")
    alias, typed = with_rule_words({}, words, {"存储", "空间", "视频", "网站"}, lambda w: w.translate(fold))
    assert alias["储存空间"] == "存储空间" and "储存空间" in typed and "儲存空間" not in alias  # folded only
    assert alias["影片网站"] == "视频网站"
    assert "影片" not in alias and "上傳影片" not in alias
    # A phrase the forms read right already (影片 a form of 视频) needs none; 儲存 read as 保存 still does.
    vocab = {"存储", "空间", "视频", "网站", "保存"}
    alias, _ = with_rule_words({"影片": "视频", "儲存": "保存"}, words, vocab, lambda w: w.translate(fold))
    assert "影片网站" not in alias and alias["储存空间"] == "存储空间"


def test_a_rule_word_is_read_as_typed_on_the_pages_that_show_it() -> None:
    """The Taiwan configuration page shows its author's 設定檔案 (canonically 配置文件) as written; the query 設定檔案
    read it as 配置文件 below every passage showing 配置檔案, and the page was not among the ten fetched.  The
    manifest names the pages showing a rule word (``shownAt``): the worker reads it there as typed."""
    from zhudu.search.rule_words import shown_at

    pages = [
        (0, {"设置": "配置"}),
        (3, {"设定档案": "配置文件"}),
        (40, {"设定档案": "配置文件", "资料": "数据"}),
    ]
    typed = {"设定档案", "設定檔案"}
    assert shown_at(typed, {"设定档案": "配置文件"}, pages) == {"设定档案": "3,14"}
    assert shown_at(typed, {"设定档案": "设置文件"}, pages) == {}  # shown for another word than it reads


def test_only_a_pages_shown_rule_words_are_held_for_the_manifest() -> None:
    """``shownAt`` reads a page's shown pieces that may be rule words: a build holds those of each page until its
    manifests are written, not every shown piece (a 3,000-note build held every page's, after pooling them)."""
    from zhudu.search.rule_words import shown_at, shown_rule_pairs

    fold = str.maketrans("設定檔資", "设定档资")
    held = shown_rule_pairs({"設定檔案": "配置文件", "設定檔": "配置文件"}, lambda w: w.translate(fold))
    pages = [(3, {"设定档案": "配置文件", "资料": "数据", "设置": "配置"}), (7, {"资料": "数据"})]
    kept = [(at, held(pairs)) for at, pairs in pages]
    assert kept == [(3, {"设定档案": "配置文件"}), (7, {})]
    typed = {"设定档案", "設定檔案", "设定档", "設定檔"}
    alias = {"设定档案": "配置文件", "资料": "数据"}
    assert shown_at(typed, alias, kept) == shown_at(typed, alias, pages) == {"设定档案": "3"}
