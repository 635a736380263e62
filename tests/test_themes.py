"""Themes: the theme map, passage-level matching, and the pages built from it (real builds)."""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Callable
from html import escape
from pathlib import Path

import pytest

from zhudu.annotate.passages import Passage
from zhudu.errors import EditorialError
from zhudu.search.shards import documents
from zhudu.themes import matching
from zhudu.themes import theme_map as themes
from zhudu.themes.theme_index import NotePassages, ThemeIndex
from zhudu.themes.theme_map import Snippet, Theme, ThemeMap

# --------------------------------------------------------------------------- pure matching


def _notes(**texts: list[str]) -> list[NotePassages]:
    return [
        NotePassages(
            id=nid,
            slug=nid,
            title=nid,
            date=f"2025-01-0{i + 1}",
            passages=tuple(Passage(anchor=f"p-{nid}{j}", kind="p", text=t) for j, t in enumerate(paras)),
        )
        for i, (nid, paras) in enumerate(texts.items())
    ]


def _map(*phrases: str, pins: tuple[Snippet, ...] = (), exclusions: tuple[Snippet, ...] = ()) -> ThemeMap:
    return ThemeMap(
        path="docs/editorial/themes.yml",
        themes=(Theme(id="t", name="T", description="d", phrases=phrases, line=3),),
        pins=pins,
        exclusions=exclusions,
    )


@pytest.mark.parametrize(
    ("phrase", "text", "matches"),
    [
        ("数据中心", "这些資料中心是电老虎", True),  # Simplified phrase, Traditional text
        ("資料中心", "建一个数据中心的成本", True),  # Traditional phrase, Simplified text
        ("數據中心", "建一个数据中心的成本", True),  # character-level Traditional
        ("隐私", "保護公民隱私的基石", True),
        ("GPU", "昂贵的gpu上", True),  # Latin case folds
        ("Hugging Face", "hugging face、DeepSeek", True),
        ("AI", "OpenAI的萨姆", False),  # Latin phrases match whole words only
        ("AI", "AI模型 × 普通用户", True),
        ("AI", "中心式的ai（云计算）", True),
        ("3D打印", "能3d打印的就3d打印", True),
        ("开源", "闭源派", False),
    ],
)
def test_folding_and_boundaries(phrase: str, text: str, matches: bool) -> None:
    index = matching.build_index(_map(phrase), _notes(a=[text]))
    assert bool(index.hits) is matches


def test_one_pass_finds_every_theme_and_records_spans() -> None:
    theme_map = ThemeMap(
        path="x.yml",
        themes=(
            Theme("cloud", "云", "d", ("数据中心", "云计算"), 1),
            Theme("chips", "芯片", "d", ("芯片", "GPU"), 2),
        ),
    )
    index = matching.build_index(theme_map, _notes(a=["数据中心的GPU", "无关"], b=["中心式的云計算和芯片"]))
    assert [(h.theme, h.note, h.anchor) for h in index.hits] == [
        ("chips", "a", "p-a0"),
        ("cloud", "a", "p-a0"),
        ("chips", "b", "p-b0"),
        ("cloud", "b", "p-b0"),
    ]
    cloud_a = index.themes_of_passage("a", "p-a0")[0]
    assert cloud_a.theme == "cloud" and cloud_a.spans == ((0, 4),)
    assert index.notes_of_theme("cloud") == ["a", "b"]


def test_pin_adds_a_passage_without_any_phrase() -> None:
    pin = Snippet(theme="t", note="a", text="這道牆被推倒了", line=12)  # quoted in Traditional
    index = matching.build_index(_map("隐私", pins=(pin,)), _notes(a=["保护隐私", "现在，这道墙被推倒了。"]))
    hit = index.themes_of_passage("a", "p-a1")[0]
    assert hit.pinned and hit.phrases == ()
    assert not index.problems


@pytest.mark.parametrize(
    ("snippet", "problem"),
    [
        (
            Snippet("t", "a", "不存在的句子", 7),
            "docs/editorial/themes.yml:7: pin to t: '不存在的句子' matches no passage of a",
        ),
        (
            Snippet("t", "a", "推倒", 8),
            "docs/editorial/themes.yml:8: pin to t: '推倒' matches 2 passages of a",
        ),
        (Snippet("t", "zzz", "推倒了", 9), "docs/editorial/themes.yml:9: pin to t: unknown note id 'zzz'"),
    ],
)
def test_broken_pins_are_problems_naming_file_and_line(snippet: Snippet, problem: str) -> None:
    index = matching.build_index(_map("隐私", pins=(snippet,)), _notes(a=["墙被推倒了", "门也推倒吧"]))
    assert len(index.problems) == 1
    assert str(index.problems[0]).startswith(problem)
    assert not index.hits


def test_a_pin_to_an_unknown_note_names_the_closest_few_ids_not_every_one() -> None:
    # The Hexo documentation's 90 notes with the shipped themes.yml: 12 lines of ids for each pin.
    names = [f"zh-{lang}/{part}-{n}" for lang in ("cn", "tw") for part in ("api", "docs") for n in range(23)]
    notes = _notes(**{name: ["墙被推倒了"] for name in names})
    pins = (Snippet("t", "zh-cn/docs-7x", "推倒了", 9), Snippet("t", "001_95c9da27f30b03d0", "推倒了", 10))
    index = matching.build_index(_map("隐私", pins=pins), notes)
    said = [str(problem) for problem in index.problems]
    assert said == [
        "docs/editorial/themes.yml:9: pin to t: unknown note id 'zh-cn/docs-7x'; the closest: zh-cn/docs-7, "
        "zh-cn/docs-17, zh-cn/docs-9 (`python -m zhudu meta` lists every note's id)",
        "docs/editorial/themes.yml:10: pin to t: unknown note id '001_95c9da27f30b03d0'; no note's id is close "
        "to it (`python -m zhudu meta` lists every note's id)",
    ], said


def test_exclusion_removes_a_wrong_match_and_reports_a_stale_one() -> None:
    wrong = Snippet("t", "a", "每一个人的数据", 20)
    index = matching.build_index(
        _map("一个人", exclusions=(wrong,)), _notes(a=["现在属于一个人 + 一台电脑", "每一个人的数据都被混合"])
    )
    assert [h.anchor for h in index.hits] == ["p-a0"]
    assert not index.problems
    stale = matching.build_index(_map("电脑", exclusions=(wrong,)), _notes(a=["一台电脑", "每一个人的数据"]))
    assert "no phrase of the theme matches that passage" in str(stale.problems[0])


def test_themes_matched_in_slices_are_the_themes_matched_whole() -> None:
    from zhudu.publish import workers

    theme_map = ThemeMap(
        path="x.yml",
        themes=(
            Theme("cloud", "云", "d", ("数据中心", "云计算"), 1),
            Theme("chips", "芯片", "d", ("芯片", "GPU"), 2),
        ),
        pins=(Snippet("chips", "c", "這道牆", 5),),
        exclusions=(Snippet("cloud", "b", "云计算和", 6),),
    )
    notes = _notes(
        a=["数据中心的GPU", "无关", "又是数据中心"],
        b=["中心式的云計算和芯片", "gpu与云计算"],
        c=["这道墙", "芯片\n换行"],
        d=["數據中心"],
    )

    def seen(index: ThemeIndex) -> tuple[object, ...]:
        return index.hits, [str(p) for p in index.problems], index.timings["passages"], index.timings["chars"]

    whole = matching.build_index(theme_map, notes)
    assert len(whole.hits) == 9 and not whole.problems
    for slices in (2, 3, 7, 20):
        assert seen(matching.build_index(theme_map, notes, slices=slices)) == seen(whole)
    forked = matching.build_index(  # in forked workers, as a build does
        theme_map, notes, slices=2, map_slices=lambda f, parts: workers.forked_map(f, parts, 2)
    )
    assert seen(forked) == seen(whole)


def test_related_notes_ranking_is_the_documented_key() -> None:
    theme_map = ThemeMap(
        path="x.yml", themes=(Theme("x", "X", "d", ("甲",), 1), Theme("y", "Y", "d", ("乙",), 2))
    )
    # a: 甲×3, 乙×1; b: 甲×1 (score 1); c: 乙×2 (score 1, newer than b); d: 甲×2 (score 2)
    notes = _notes(a=["甲", "甲", "甲", "乙"], b=["甲"], c=["乙", "乙"], d=["甲", "甲"])
    index = matching.build_index(theme_map, notes)
    assert [(r.note, r.score) for r in index.related("a")] == [("d", 2), ("c", 1), ("b", 1)]


# --------------------------------------------------------------------------- the map file


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "themes.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


GOOD = """\
themes:
  cloud:
    name: 云
    description: 数据中心
    phrases: [数据中心, 云计算]
pins:
  - theme: cloud
    note: n1
    text: 这道墙被推倒了
"""


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("themes: [a, b]\n", 1, "expected a mapping of theme id"),
        ("topics: {}\n", 1, "unknown section 'topics'"),
        (
            "themes:\n  Cloud_1:\n    name: a\n    description: b\n    phrases: [c]\n",
            2,
            "must be lower-case ASCII",
        ),
        ("themes:\n  c:\n    name: a\n    description: b\n", 2, "phrases must be a non-empty list"),
        (
            "themes:\n  c:\n    name: a\n    description: b\n    phrases: [数据中心, 數據中心]\n",
            5,
            "repeats phrase 1",
        ),
        ("themes:\n  c:\n    name: a\n    descr: b\n    phrases: [x]\n", 4, "unknown field 'descr'"),
        (
            "themes:\n  c:\n    name: a\n    description: b\n    phrases: [x]\n"
            "  c:\n    name: a\n    description: b\n    phrases: [y]\n",
            6,
            "duplicate key 'c' (first on line 2)",
        ),
        (GOOD.replace("theme: cloud", "theme: clouds"), 7, "unknown theme id 'clouds'"),
        (GOOD.replace("    text: 这道墙被推倒了\n", ""), 7, "text must be text"),
        ("themes:\n  c: [\n", 2, "invalid YAML"),  # the unclosed bracket's line (session 45, am)
    ],
)
def test_malformed_map_is_an_error_with_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    with pytest.raises(EditorialError) as caught:
        themes.load_theme_map(_write(tmp_path, text), "docs/editorial/themes.yml")
    assert caught.value.line == line, str(caught.value)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"docs/editorial/themes.yml:{line}: ")


_THEME = "{name: a, description: b, phrases: [x]}"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (f"themes:\n  c: {_THEME}\n  'c': {_THEME}\n", 3, "duplicate key 'c' (first on line 2)"),
        (f"themes: {{c: {_THEME}, c: {_THEME}}}\n", 1, "duplicate key 'c' (first on line 1)"),
        (f"themes:\n  c: {_THEME}\nthemes:\n  d: {_THEME}\n", 3, "duplicate key 'themes' (first on line 1)"),
        (f"themes:\n  c: {_THEME}\n  d: {_THEME}\n  c: {_THEME}\n", 4, "duplicate key 'c' (first on line 2)"),
    ],
)
def test_theme_id_defined_twice_is_the_editorial_duplicate_key(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    # theme_map has no duplicate-id check of its own (session 33's was unreachable): every way of
    # writing an id twice is a repeated key path, which editorial.load_yaml_with_lines reports first.
    with pytest.raises(EditorialError) as caught:
        themes.load_theme_map(_write(tmp_path, text), "docs/editorial/themes.yml")
    assert str(caught.value).startswith(f"docs/editorial/themes.yml:{line}: {message}: keep one, merge")


def test_good_map_loads(tmp_path: Path) -> None:
    theme_map = themes.load_theme_map(_write(tmp_path, GOOD), "docs/editorial/themes.yml")
    assert theme_map.themes[0].phrases == ("数据中心", "云计算")
    assert theme_map.pins == (Snippet("cloud", "n1", "这道墙被推倒了", 9),)


def test_repo_map_spans_notes_and_every_theme_is_shared() -> None:
    """The shipped map: every theme is carried by at least two of the three notes."""
    repo = Path(__file__).resolve().parents[1]
    theme_map = themes.load_theme_map(repo / "docs/editorial/themes.yml", "docs/editorial/themes.yml")
    assert len(theme_map.themes) >= 8
    assert all(re.fullmatch(r"[a-z0-9-]+", t.id) for t in theme_map.themes)


# --------------------------------------------------------------------------- real builds

NOTE_A = """\
---
title: 数据中心的泡沫
date: 2025-12-22
---

第一段：天气很好。

这些数据中心是真正的电老虎，推高了居民的电价。

现在，这道墙被推倒了。
"""

NOTE_B = """\
---
title: 邊緣的算力
date: 2023-03-23
lang: zh-Hant
---

中心式的雲端不如分散的設備。

別把計算都交給資料中心，要在個人手機上離線運算。
"""

THEMES = """\
themes:
  cloud-vs-edge:
    name: 数据中心与边缘
    description: 计算放在哪里。
    phrases: [数据中心, 离线运算]
  privacy:
    name: 隐私
    description: 谁能看到谁的数据。
    phrases: [隐私]
pins:
  - theme: privacy
    note: a
    text: 这道墙被推倒了
"""

NOTES_YML = "a:\n  slug: note-a\nb:\n  slug: note-b\n"


def _anchor_of(html: str, words: str) -> str:
    match = re.search(
        r'<p[^>]*\bid="(p-[0-9a-f]{8}(?:-\d+)?)"[^>]*>(?:(?!</p>).)*?' + re.escape(words), html, re.S
    )
    assert match, words
    return match.group(1)


def test_build_links_passages_across_notes_and_scripts(site_builder) -> None:
    result = site_builder(
        notes={"a.md": NOTE_A, "b.md": NOTE_B}, editorial={"themes.yml": THEMES, "notes.yml": NOTES_YML}
    )
    assert result.ok, result.log
    assert not result.warnings, result.warnings
    a_hans = result.page("zh-Hans/notes/note-a/index.html")
    b_hans = result.page("zh-Hans/notes/note-b/index.html")
    a_tw = result.page("zh-Hant-TW/notes/note-a/index.html")
    b_tw = result.page("zh-Hant-TW/notes/note-b/index.html")
    # 数据中心 (Simplified phrase) found in note b, written in Traditional as 資料中心.
    target = _anchor_of(b_hans, "资料中心")
    assert _anchor_of(b_tw, "資料中心") == target  # the anchor is identical in every variant
    source = _anchor_of(a_hans, "数据中心是真正的电老虎")
    # The marker of note a's passage deep-links to note b's passage, inside the variant.
    for html in (a_hans, a_tw):
        marker = re.search(rf'id="{source}"[^>]*>(<span class="zd-tm" [^>]*></span>)', html)
        assert marker, "no marker on the themed passage"
        # The marker names its themes (themes.js draws its button and panel): the page holds each
        # theme's block once, which themes.js copies into the panel.
        ids = re.search(r'<span class="zd-tm" data-zd-tm="([a-z0-9 -]+)"></span>', marker.group(1))
        assert ids
        names = [f"zd-tmb-{theme}" for theme in ids.group(1).split()]
        blocks = [
            re.search(
                rf'<span class="zd-tm__theme" id="{n}">(.*?)</span><(?:span class="zd-tm__theme"|/template)',
                html,
                re.S,
            )
            for n in names
        ]
        assert all(blocks), names
        assert any(f'href="../note-b/#{target}"' in b.group(1) for b in blocks if b)
        assert html.count('<template class="zd-tm-blocks">') == 1
    assert "這個觀點在其他筆記中" in a_tw and "这个观点在其他笔记中" in a_hans
    # An unthemed passage has no marker; the pinned passage has one.
    plain = _anchor_of(a_hans, "第一段")
    assert not re.search(rf'id="{plain}"[^>]*>\s*<span class="zd-tm"', a_hans)
    pinned = _anchor_of(a_hans, "这道墙被推倒了")
    assert re.search(rf'id="{pinned}"[^>]*>\s*<span class="zd-tm"', a_hans)
    # Chips and related notes.
    assert 'class="zd-note-themes"' in a_tw and "資料中心與邊緣" in a_tw
    assert re.search(r'<ol class="zd-related__list">\n<li>\n<a href="../note-b/">', a_hans)
    # The theme page, in every variant, links back to both passages; the overview links it.
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        page = result.page(f"{code}/themes/cloud-vs-edge/index.html")
        assert f'href="../../notes/note-a/#{source}"' in page
        assert f'href="../../notes/note-b/#{target}"' in page
        overview = result.page(f"{code}/themes/index.html")
        assert 'href="cloud-vs-edge/#zd-note-a"' in overview
        assert "<svg" in overview and not re.search(r"<svg.*?<text", overview, re.S)  # labels are HTML
    assert "<mark>数据中心</mark>" in result.page("zh-Hans/themes/cloud-vs-edge/index.html")
    assert "<mark>資料中心</mark>" in result.page("zh-Hant-TW/themes/cloud-vs-edge/index.html")


def test_anchors_and_links_survive_an_unrelated_edit_earlier_in_the_note(site_builder) -> None:
    before = site_builder(
        notes={"a.md": NOTE_A, "b.md": NOTE_B}, editorial={"themes.yml": THEMES, "notes.yml": NOTES_YML}
    )
    edited = NOTE_A.replace("第一段：天气很好。", "新加的一段。\n\n第一段：天气很好，改过了。")
    after = site_builder(
        notes={"a.md": edited, "b.md": NOTE_B}, editorial={"themes.yml": THEMES, "notes.yml": NOTES_YML}
    )
    assert before.ok and after.ok, after.log

    def links(result, path: str) -> set[str]:
        return set(re.findall(r'href="(\.\./note-[ab]/#p-[0-9a-f]+)"', result.page(path)))

    for path in ("zh-Hans/notes/note-b/index.html", "zh-Hant-HK/notes/note-a/index.html"):
        assert links(before, path) and links(before, path) == links(after, path)


def test_broken_pin_is_a_warning_and_fails_strict(site_builder) -> None:
    broken = THEMES.replace("text: 这道墙被推倒了", "text: 这句话已经删掉了")
    result = site_builder(
        notes={"a.md": NOTE_A, "b.md": NOTE_B}, editorial={"themes.yml": broken, "notes.yml": NOTES_YML}
    )
    assert not result.ok
    assert any(
        w.startswith("zhudu: docs/editorial/themes.yml:13: pin to privacy") for w in result.warnings
    ), result.log


def test_malformed_map_stops_the_build_naming_file_and_line(site_builder) -> None:
    result = site_builder(
        notes={"a.md": NOTE_A}, editorial={"themes.yml": THEMES.replace("theme: privacy", "theme: nope")}
    )
    assert not result.ok
    assert "docs/editorial/themes.yml:11: pins entry 1: unknown theme id 'nope'" in result.log


def test_without_a_map_the_overview_still_exists(site_builder) -> None:
    result = site_builder(notes={"a.md": NOTE_A})
    assert result.ok and not result.warnings, result.log
    assert "还没有主题" in result.page("zh-Hans/themes/index.html")
    assert 'class="zd-tm"' not in result.page("zh-Hans/notes/a/index.html")


def test_suggestions_are_shared_terms_the_map_does_not_cover() -> None:
    from zhudu.themes import suggest as themes_suggest

    texts = {"a": "芯片技术改变了数据中心，芯片很重要。", "b": "他们讨论芯片和数据中心。", "c": "天气很好。"}
    covered_map = _map("数据中心")
    terms = {t for t, _, _ in themes_suggest.suggest(texts, covered_map)}
    assert "芯片" in terms and "数据中心" not in terms


def _long_theme_notes() -> dict[str, str]:
    """Five notes on one theme; note e, the oldest, has five passages on it, the others one."""
    notes = {
        f"{k}.md": f"---\ntitle: 笔记{k}\ndate: 2024-01-0{i}\n---\n\n第一段没有主题。\n\n{k}：数据中心很耗电。\n"
        for i, k in enumerate("abcd", 1)
    }
    notes["e.md"] = "---\ntitle: 笔记e\ndate: 2023-12-01\n---\n\n" + "\n\n".join(
        f"第{i}段：数据中心的第{i}个问题{'，数据中心' if i == 2 else ''}。" for i in range(1, 6)
    )
    return notes


def _columns(html: str) -> list[str]:
    return re.findall(r'<section class="zd-parallel__column" id="zd-note-([^"]+)"', html)


def test_a_long_theme_is_read_a_page_at_a_time(site_builder, monkeypatch) -> None:
    from zhudu.themes import render as themes_render

    monkeypatch.setattr(themes_render, "NOTES_PER_THEME_PAGE", 2)
    monkeypatch.setattr(themes_render, "OVERVIEW_NOTES", 3)
    result = site_builder(notes=_long_theme_notes(), editorial={"themes.yml": THEMES.split("pins:")[0]})
    assert result.ok and not result.warnings, result.log
    base = "themes/cloud-vs-edge/"
    paths = [f"{base}index.html", f"{base}page/2/index.html", f"{base}page/3/index.html"]
    assert not (result.site_dir / "zh-Hans" / base / "page/4").exists()
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        pages = [result.page(f"{code}/{p}") for p in paths]
        listed = [_columns(html) for html in pages]
        assert [len(ids) for ids in listed] == [2, 2, 1]
        assert sorted(n for ids in listed for n in ids) == ["a", "b", "c", "d", "e"]  # every note once
        for number, html in enumerate(pages, 1):
            pager = re.search(r'<nav class="zd-pages" aria-label="[^"]+">(.*?)</nav>', html, re.S)
            assert pager, f"{code} page {number}: no page links"
            links = re.findall(
                r'<a class="zd-pages__link" href="([^"]*)" aria-label="第 \d [页頁]"( aria-current="page")?>(\d)</a>',
                pager.group(1),
            )
            assert [int(k) for _, _, k in links] == [1, 2, 3]
            assert [k for _, current, k in links if current] == [str(number)]
            assert re.search(r"5 篇(笔记|筆記) · 9 段", html)  # totals of the theme, not of the page
    page_of = {note: number for number, ids in enumerate(listed, 1) for note in ids}
    e_page = "" if page_of["e"] == 1 else f"page/{page_of['e']}/"
    assert page_of == {"d": 1, "c": 1, "b": 2, "a": 2, "e": 3}  # newest first; e is the oldest
    second = result.page(f"zh-Hans/{base}page/2/index.html")
    assert "<title>数据中心与边缘（第 2 页，共 3 页）" in second
    assert 'href="../../"' in second and 'href="../3/"' in second  # to page 1 and page 3, relative
    # A marker's panel: one line per other note, its passage expressing the theme most strongly (e's
    # "第2段" says 数据中心 twice), and the theme's name linking to its page, which has them all.
    a_note = result.page("zh-Hans/notes/a/index.html")
    blocks = re.search(r'<template class="zd-tm-blocks">(.*?)</template>', a_note, re.S).group(1)
    assert '<a class="zd-tm__name" href="../../themes/cloud-vs-edge/">' in blocks
    assert re.findall(r"<span>(笔记.)</span><a href=", blocks) == [
        "笔记e",
        "笔记d",
        "笔记c",
        "笔记b",
    ]
    assert len(re.findall(r'</span><a href="|</a><a href="', blocks)) == 4 and "zd-tm__more" not in a_note
    e_link = re.search(r'笔记e</span><a href="\.\./e/#(p-[^"]+)">([^<]*)</a>', blocks)
    assert e_link and e_link.group(2).startswith("第2段"), blocks
    # The overview's matrix has the three notes carrying the theme most strongly, e first among them.
    overview = result.page("zh-Hans/themes/index.html")
    header = re.search(r"<thead>(.*?)</thead>", overview, re.S).group(1)
    assert len(re.findall(r'<th scope="col"><a ', header)) == 3 and "笔记e" in header
    assert "谈到主题最多的 3 篇笔记（共 5 篇）" in overview
    assert f'href="cloud-vs-edge/{e_page}#zd-note-e"' in overview
    # Later pages are in the sitemap, not in search (page 1 is the theme's entry there).
    assert f"/zh-Hans/{base}page/2/</loc>" in result.page("zh-Hans/sitemap.xml")
    index = [d["location"] for d in documents(result.site_dir / "zh-Hans" / "search")]
    assert base in index
    assert not [loc for loc in index if loc.startswith(f"{base}page/")]


def test_theme_names_and_descriptions_are_escaped_on_their_pages(site_builder) -> None:
    themes_yml = (
        THEMES.split("pins:")[0]
        .replace("name: 隐私", 'name: "隐私<b>&"')
        .replace("description: 谁能看到谁的数据。", 'description: "谁能<i>看到</i>谁的数据。"')
    )
    result = site_builder(notes={"a.md": NOTE_A}, editorial={"themes.yml": themes_yml})
    assert result.ok, result.log
    page = result.page("zh-Hans/themes/privacy/index.html")
    assert "<b>" not in page and "<i>" not in page
    assert "<title>隐私&lt;b&gt;&amp;" in page
    assert 'content="谁能&lt;i&gt;看到&lt;/i&gt;谁的数据。"' in page


@pytest.mark.parametrize(
    "title",
    [
        '引号"与\\反斜杠',
        "- 列表？: 不是 # 也不是注释",
        "{花括号} [方括号] &amp;",
        "行\u2028分隔\u0085与\ttab",
        "🧭 yes",
    ],
)
def test_a_generated_page_reads_back_as_it_was_made(title: str) -> None:
    from mkdocs.utils.meta import get_data

    from zhudu.themes.render import _generated_page

    page = _generated_page("themes/x/page/2.md", title, "theme.html", "说明：" + title, searchable=False)
    markdown, meta = get_data(page.source)
    assert meta == page.meta and meta["title"] == escape(title)  # escaped for HTML, once
    assert markdown == page.markdown


def test_relative_urls_between_pages_are_what_relpath_gives() -> None:
    import posixpath

    from zhudu.themes.render import rel_url

    pages = [
        "",
        "themes/",
        "themes/ai/",
        "themes/ai/page/3/",
        "notes/a/",
        "notes/a-b/",
        "glossary/",
        "notes/",
    ]
    targets = [*pages, "notes/a/#p-3", "themes/ai/page/2/#zd-note-a", "notes/a", "assets/x.svg"]
    for page in pages:
        for target in targets:
            path, _, fragment = target.partition("#")
            expected = posixpath.relpath(path or ".", page.rstrip("/") or ".")
            if path.endswith("/") and not expected.endswith("/"):
                expected += "/"
            expected = ("" if expected == "./" else expected) + (f"#{fragment}" if fragment else "")
            assert rel_url(page, target) == expected, (page, target)


def _phrases(table: dict[str, str]) -> Callable[[str], str]:
    """A toy conversion: each of ``table``'s phrases, longest first, as OpenCC's phrase tables match them."""
    pattern = re.compile("|".join(sorted(map(re.escape, table), key=len, reverse=True)))
    return lambda text: pattern.sub(lambda m: table[m.group()], text)


def test_a_passage_is_converted_whole_and_cut_where_its_marks_fall() -> None:
    """``shown_cuts``: the pieces join into the whole run's text, each where the conversion puts it."""
    from zhudu.themes.shown_cuts import cut_as_shown

    marked = [False, True, False]
    # No phrase across an edge: each piece as it reads alone.
    found = cut_as_shown(["家裏的", "麪包店", "很好"], {"s": _phrases({"裏": "里", "麪": "面"})}, marked)
    assert found == {"s": ["家里的", "面包店", "很好"]}
    # A phrase across the mark's end (的說明文件 → 的文档, 文件 alone → 檔案): the mark grows over the word holding it;
    # its start stays where the text before it reads as it does alone.
    convert = _phrases({"的说明文件": "的文档", "文件": "檔案"})
    assert cut_as_shown(["的", "说明", "文件很"], {"s": convert}, marked) == {"s": ["的", "文档", "很"]}
    # Converted in pieces, the same run read 的说明檔案很: a text on no page.
    assert "".join(map(convert, ["的", "说明", "文件很"])) == "的说明檔案很"
    # A mark grown in one variant grows in every one: the same words in each piece, the same spaces at its ends (the
    # Hexo docs' 替代配置檔 中, 配置檔 → 配置文件: 檔 was the Taiwan page's next piece, whose rule lost the space).
    found = cut_as_shown(["替代", "配置", "檔 中"], {"s": _phrases({"配置檔": "配置文件"}), "t": str}, marked)
    assert found == {"s": ["替代", "配置文件", " 中"], "t": ["替代", "配置檔", " 中"]}
    # Whatever the conversion, the pieces join into its text of the whole run (the edges found kept in order).
    tables = (
        {"ab": "X"},
        {"bc": "XYZW"},
        {"a": "", "d": "dd"},
        {"f": "XYYZ", "bcd": "Z"},
        {"def": "XY", "cdef": ""},
    )
    for table in tables:
        for edges in (e for n in (1, 2, 3, 4) for e in itertools.combinations(range(1, 6), n)):
            bounds = (0, *edges, 6)
            pieces = ["abcdef"[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1)]
            converts = {"x": _phrases(table), "y": str}
            out = cut_as_shown(pieces, converts, [i % 2 == 1 for i in range(len(pieces))])
            for code, convert in converts.items():
                assert "".join(out[code]) == convert("abcdef") and len(out[code]) == len(pieces), (table, out)


@pytest.mark.parametrize(
    ("values", "pieces"),
    [
        # Each Traditional variant's text in one rule, the Simplified page's the span's content; the white space at
        # its ends outside (a rule's value loses it).
        (
            {"zh-Hans": " 说明 ", "zh-Hant-TW": " 說明 "},
            [(" ", None), ("说明", "zh-Hant-TW:說明"), (" ", None)],
        ),
        ({"zh-Hans": "", "zh-Hant-TW": "件"}, [("", "zh-Hant-TW:件")]),  # empty in one variant
        # Content the Simplified page would read as Traditional (a word kept as typed): its value given too.
        ({"zh-Hans": "麵", "zh-Hant-TW": "麵"}, [("麵", "zh-Hans:麵;zh-Hant-TW:麵")]),
        ({"zh-Hans": "  ", "zh-Hant-TW": "  "}, [("  ", None)]),  # white space only: as it is
        # No rule can hold them: the default variant's text as it is.
        ({"zh-Hans": "a;en:b", "zh-Hant-TW": "a;en:b"}, [("a;en:b", None)]),
        ({"zh-Hans": " 说明", "zh-Hant-TW": "說明 "}, [(" 说明", None)]),
    ],
)
def test_a_quoted_pieces_texts_are_written_as_a_rule(values: dict[str, str], pieces: list) -> None:
    from zhudu.script.convert import Variant
    from zhudu.script.inline_rules import parse_inline_values, resolve_inline_value
    from zhudu.themes.shown_cuts import rule_pieces

    assert rule_pieces(values) == pieces
    hans = Variant(code="zh-Hans", script="Hans", opencc_from_hans=None, opencc_from_hant="t2s")
    for shown, rule in pieces:
        # Each variant reads its text (the Simplified page: the content, converted by none).
        if rule is not None:
            read = parse_inline_values(rule) or {}
            assert read.items() <= {c: v.strip() for c, v in values.items()}.items()
            assert (
                resolve_inline_value(read, hans, shown, lambda text, _script: text)
                == values["zh-Hans"].strip()
            )
