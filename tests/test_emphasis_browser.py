"""Emphasis that reads right in Chinese (session 36): the Han of ``*强调*`` upright with a dot under each character,
a Latin word in the same emphasis italic without dots, on every variant, in light and dark, on a phone and a desk.

CJK system fonts have no italic: the browser slanted the Han itself (a synthesised oblique), which Chinese
typography never uses; clreq and GB/T 15834 mark emphasis with dots under the text.  Fails with main's
``notes/dialects.py`` (no ``annotate/emphasis.py`` marks), main's ``zhudu.css`` (no dots, the link's line through
them) and main's ``script/word_runs.py`` (a word cut by a marker inside emphasis converted in halves).  A word with letters
(``U盘``) stays whole, so its conversion (隨身碟) is not lost.
Real MkDocs, Material, OpenCC and Chromium.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from test_annotations import entry

from conftest import ServedSite, serve_built
from zhudu.search.extract import extract_page

VARIANTS = ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"]

NOTE = """---
title: 强调
date: 2024-01-01
---

它将 *不会* 出现在首页上，这一句写得很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长，\
再写很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的一句话才完。

书名 *The Big Short* 与 *大空头*；*参考 [本节](https://example.com/) 如何启用*；*大模型的下一步*；*对尾部的 `index.html`无效*。

*我们去理发店剪了头发*，很短；*插上U盘*。
"""
GLOSSARY = "- term: 大模型\n  explanation: 参数规模很大的神经网络模型。\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    editorial = {"annotations.yml": entry("n1", "剪了头"), "glossary.yml": GLOSSARY}
    with serve_built(tmp_path_factory.mktemp("emph"), notes={"a.md": NOTE}, editorial=editorial) as served:
        yield served


def test_the_han_in_emphasis_is_marked_latin_and_code_are_not_the_text_is_unchanged(site: ServedSite) -> None:
    page = site.build.page("zh-Hans/notes/a/index.html")
    assert "<em><zd-h>不会</zd-h></em>" in page
    assert "<em>The Big Short</em>" in page  # a Latin title: no mark, italic
    assert re.search(r'<em><zd-h>参考</zd-h> <a href="https://example.com/"[^>]*><zd-h>本节</zd-h></a>', page)
    assert re.search(r"<em><zd-h>对尾部的</zd-h> <code>index\.html</code><zd-h>无效</zd-h></em>", page)
    # The search index reads the text as written (the marks are inline elements, no space added).
    texts = [p.text for p in extract_page(page, "notes/a/").passages]
    assert any("它将 不会 出现在首页上" in text for text in texts), texts
    assert any(
        "书名 The Big Short 与 大空头；参考 本节 如何启用；大模型的下一步" in text for text in texts
    ), texts
    # A word the editor's note marker cuts inside emphasis converts whole: 头|发 is 頭髮, not 頭發.
    for code in ("zh-Hant-TW", "zh-Hant-HK"):
        converted = site.build.page(f"{code}/notes/a/index.html")
        assert re.search(
            r"<zd-h>頭</zd-h><span class=\"zd-anno\".*?</span></span><zd-h>髮</zd-h>", converted
        ), code
        assert "<em><zd-h>不會</zd-h></em>" in converted
    # Letters written against Han are the Chinese word's (U盘 is 隨身碟 in Taiwan), a Latin word is not.
    assert "<em><zd-h>插上U盘</zd-h></em>" in page
    assert "<em><zd-h>插上隨身碟</zd-h></em>" in site.build.page("zh-Hant-TW/notes/a/index.html")


#: Each Han run's and each emphasis's style, the link's and the term's line, and the long paragraph's height with
#: the dots and without them.
LOOK = """() => {
  const body = document.querySelector('.zd-note__body');
  const style = e => { const s = getComputedStyle(e);
    return [e.textContent, s.fontStyle, s.textEmphasisStyle || s.webkitTextEmphasisStyle,
            s.textEmphasisPosition || s.webkitTextEmphasisPosition]; };
  const first = body.querySelector('p');
  const withDots = first.getBoundingClientRect().height;
  const lines = Math.round(withDots / parseFloat(getComputedStyle(first).lineHeight));
  const off = document.createElement('style');
  off.textContent = 'zd-h { -webkit-text-emphasis: none !important; text-emphasis: none !important; }';
  document.head.append(off);
  const withoutDots = first.getBoundingClientRect().height;
  off.remove();
  const link = body.querySelector('em a'), term = body.querySelector('em .zd-gloss');
  const size = parseFloat(getComputedStyle(link).fontSize);
  return {
    han: [...body.querySelectorAll('zd-h')].map(style),
    latin: [...body.querySelectorAll('em')].filter(e => !e.querySelector('zd-h')).map(style),
    heights: [withDots, withoutDots, lines],
    link: parseFloat(getComputedStyle(link).textUnderlineOffset) / size,
    term: [parseFloat(getComputedStyle(term).textUnderlineOffset) / size, getComputedStyle(term).borderBottomStyle],
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(("width", "scheme"), [(1280, "default"), (375, "slate")])
def test_han_in_emphasis_stands_upright_with_dots_under_latin_stays_italic(
    site: ServedSite, kept_pages: Any, variant: str, width: int, scheme: str
) -> None:
    with kept_pages.open(viewport={"width": width, "height": 900}, locale="zh-CN") as page:
        page.goto(site.variant_url(variant, "notes/a/"), wait_until="load")
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        look = page.evaluate(LOOK)
    assert look["han"] and len(look["han"]) >= 8
    for text, font_style, mark, position in look["han"]:
        assert font_style == "normal", (variant, text)  # no synthesised oblique on Han
        assert "dot" in mark, (variant, text)
        assert "under" in position, (variant, text)  # clreq: under horizontal Chinese, every variant
    assert [row[:3] for row in look["latin"]] == [["The Big Short", "italic", "none"]]
    with_dots, without_dots, lines = look["heights"]
    assert lines >= 3 and with_dots == without_dots  # the dots fit the line gap: no line is pushed down
    assert look["link"] >= 0.5  # the link's underline runs under the dots, not touching them
    assert look["term"] == [pytest.approx(look["link"]), "none"]  # the term's dotted line too, and only one


def test_emphasis_marks_build_no_markup_for_notes_without_emphasis(site_builder: Any) -> None:
    result = site_builder(notes={"b.md": "---\ntitle: 无强调\n---\n\n**加粗**不是强调，`*代码*`也不是。\n"})
    assert result.ok, result.log
    assert "<zd-h>" not in result.page("zh-Hans/notes/b/index.html")
