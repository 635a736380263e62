"""A Simplified note's Traditional quotation carries ``lang`` (session 39, reader9); real MkDocs, Material, OpenCC.

It stood on the zh-Hans page as quoted but under the page's ``lang="zh-Hans"``: drawn with Simplified
glyph forms, read with a mainland voice.
"""

from __future__ import annotations

import re

import pytest

from conftest import BuildResult, build_site
from zhudu.annotate.quoted_script import traditional_spans


def _marked(text: str) -> list[str]:
    return [text[a:b] for a, b in traditional_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他说：「網路上的資訊要小心查證。」然后我们继续。", ["網路上的資訊要小心查證。"]),
        ("這個軟體的設計很簡單，資料都存在雲端。", ["這個軟體的設計很簡單，資料都存在雲端。"]),
        (
            "這個軟體，好的，資料都存在雲端。",
            ["這個軟體，好的，資料都存在雲端。"],
        ),  # a neutral stretch between two
        (
            "台灣的網路很快",
            ["台灣的網路很快"],
        ),  # 台 is Traditional too: it does not make the stretch Simplified
        ("我读了《這個軟體》这本书。", ["這個軟體"]),
        # A single Traditional-only character says nothing; nor do shared ones, however many.
        ("我们看了這本书。", []),
        ("他在山上看到人。", []),
        ("后来他说了一句話。", []),  # 说 is Simplified-only: the stretch is Simplified
        ("print(設定檔)", ["設定檔"]),
        # Japanese writes 語, 強, 東, 書, 館 as Traditional does: its kana say it is not Chinese at all.
        ("他引用了一句日语：「日本語を勉強する」，意思是学日语。", []),
        ("東京の図書館で読書する。", []),
        ("「日本語を勉強する」，這個軟體很好。", ["這個軟體很好。"]),
    ],
)
def test_traditional_stretches(text, expected):
    assert _marked(text) == expected


NOTES = {
    "s.md": "---\ntitle: 简体篇\ndate: 2024-01-02\n---\n\n我们读了台湾作者的一段话：\n\n"
    "> 這個軟體的設計很簡單，資料都存在雲端。\n\n"
    "他说：「網路上的**資訊**要小心查證。」然后我们继续讨论服务器的问题，`這個軟體` 是代码。\n\n"
    "这是简体的说明文字，我们看了這本书。\n",
    "t.md": "---\ntitle: 繁體篇\ndate: 2024-01-03\n---\n\n我們讀了大陸作者的一段話：\n\n"
    "> 这个软件的设计很简单，数据都存在云端。\n\n這是繁體的說明文字，我們繼續討論這個問題與它的設計。\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    themes = "themes:\n  software:\n    name: 软件\n    description: 软件的事\n    phrases: [软件]\n"
    result = build_site(
        tmp_path_factory.mktemp("quoted-script"), notes=NOTES, editorial={"themes.yml": themes}
    )
    assert result.ok and not result.warnings, result.log
    return result


def _body(result: BuildResult, code: str, slug: str) -> str:
    html = result.page(f"{code}/notes/{slug}/index.html")
    return html[html.index('<div class="zd-note__body">') : html.index("</article>")]


@pytest.mark.parametrize(
    ("code", "lang"), [("zh-Hans", "zh-Hant"), ("zh-Hant-TW", "zh-Hant-TW"), ("zh-Hant-HK", "zh-Hant-HK")]
)
def test_a_simplified_notes_traditional_quotation_has_its_lang(built, code, lang):
    """zh-Hans: as quoted, lang="zh-Hant"; a Traditional page converted the whole note: the page's own code
    (zh-Hant-HK draws Hong Kong's glyph forms, not Taiwan's), the marker never left unfilled."""
    body = _body(built, code, "s")
    assert "\ue000" not in body
    assert re.search(
        rf'<blockquote id="p-[0-9a-f]{{8}}" lang="{lang}"[^>]*>(?:<span class="zd-tm"[^>]*></span>)?\s*<p>這個軟體',
        body,
    )
    # A quotation across inline markup: a span on each text piece of it, the code span left alone.
    spans = re.findall(rf'<span lang="{lang}">(.*?)</span>', body)
    assert spans == ["網路上的", "資訊", "要小心查證。"]
    assert re.search(rf'<strong><span lang="{lang}">資訊</span></strong>', body)
    assert "<code>這個軟體</code>" in body
    # One Traditional character in a Simplified sentence says nothing.
    assert re.search(
        r"<p[^>]*>这是简体的说明文字|<p[^>]*>這是簡體的說明文字|<p[^>]*>這是簡體的説明文字", body
    )
    assert body.count(" lang=") == 4


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_a_traditional_notes_simplified_quotation_is_converted_with_it(built, code):
    """A Traditional note is converted whole in every variant (its zh-Hans page too): no script meets another."""
    body = _body(built, code, "t")
    assert " lang=" not in body
    quote = re.search(r"<blockquote[^>]*>.*?<p>(.*?)</p>", body, re.S)[1]
    assert quote == {
        "zh-Hans": "这个软件的设计很简单，数据都存在云端。",
        "zh-Hant-TW": "這個軟體的設計很簡單，資料都存在雲端。",
    }.get(code, "這個軟件的設計很簡單，數據都存在雲端。")


@pytest.mark.parametrize(
    ("code", "lang"), [("zh-Hans", "zh-Hant"), ("zh-Hant-TW", "zh-Hant-TW"), ("zh-Hant-HK", "zh-Hant-HK")]
)
def test_a_theme_page_quotes_it_with_its_lang(built, code, lang):
    """The theme page quoting the passage shows it as its note does: the Simplified note's Traditional quotation
    with its lang, the Traditional note's (converted with the page) without one."""
    theme = built.page(f"{code}/themes/software/index.html")
    quotes = re.findall(r"<blockquote([^>]*)>(.*?)</blockquote>", theme, re.S)
    assert [(attrs, re.sub(r"<[^>]+>", "", text)[:4]) for attrs, text in quotes] == [
        (
            "",
            {"zh-Hans": "这个软件", "zh-Hant-TW": "這個軟體"}.get(code, "這個軟件"),
        ),  # the newer note first: t.md's
        (f' lang="{lang}"', "這個軟體"),
    ]


def test_a_quotation_in_a_heading_or_a_collapsible_box_has_its_lang(tmp_path) -> None:
    """Headings and a ``???`` box's title and text are no passages: reader9's marking missed them (review10)."""
    note = (
        "---\ntitle: 标题篇\nlang: zh-Hans\ndate: 2024-01-02\n---\n\n## 他说「這個軟體的設計」\n\n"
        '??? note "這個軟體的設計"\n    他说：「資料都存在雲端」。\n\n这是简体的说明文字。\n'
    )
    result = build_site(tmp_path, notes={"h.md": note})
    assert result.ok and not result.warnings, result.log
    body = _body(result, "zh-Hans", "h")
    assert '<h2 id="他说这个软件的设计">他说「<span lang="zh-Hant">這個軟體的設計</span>」</h2>' in body
    assert '<summary lang="zh-Hant">這個軟體的設計</summary>' in body
    assert '他说：「<span lang="zh-Hant">資料都存在雲端</span>」。' in body
