"""Words across Zhudu's own inline wrappers convert as the words they are (``script/word_runs.py``).

An editor's note marker takes the character before it into its no-break wrapper (``textmarks.glue``),
so the text nodes cut a word: each converted alone, 头|发 read 頭發 in Taiwan and Hong Kong.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from test_annotations import entry

from zhudu.script.convert import DEFAULT_VARIANTS, ConversionRules, Converter

HEAD = "---\ntitle: 测试\ndate: 2024-01-01\n---\n\n"
TRADITIONAL = ("zh-Hant-TW", "zh-Hant-HK")


def _marked(word_before: str, word_after: str) -> str:
    """A word cut by an editor's note marker (after its first character), as the glue writes it."""
    return rf'{word_before}<span class="zd-nobr">{word_after}<span class="zd-anno"'


def _build(site_builder, body: str, *quotes: str):
    annotations = "".join(entry(f"n{k}", quote) for k, quote in enumerate(quotes))
    result = site_builder(notes={"a.md": HEAD + body}, editorial={"annotations.yml": annotations})
    assert result.ok, result.log
    return result


def test_a_marker_inside_a_word_leaves_the_word_whole_in_every_variant(site_builder):
    body = "我们去理发店剪了头发，很短。\n\n衣服洗得很干净。\n\n晚上吃了一碗面条。\n"
    result = _build(site_builder, body, "剪了头", "洗得很干", "一碗面")
    page = result.page("zh-Hans/notes/a/index.html")
    for written in ("剪了头", "洗得很干", "一碗面"):
        assert _marked(written[:-1], written[-1]) in page
    for code, noodle in (("zh-Hant-TW", "麵"), ("zh-Hant-HK", "麪")):  # Hong Kong's form of 麵
        page = result.page(f"{code}/notes/a/index.html")
        for before, marked, after in (("剪了", "頭", "髮"), ("洗得很", "乾", "淨"), ("一碗", noodle, "條")):
            assert re.search(_marked(before, marked) + r".*?</span></span>" + after, page), (code, marked)


def test_a_phrase_changing_length_is_cut_back_where_the_pieces_end(site_builder):
    """内存 is 記憶體 in Taiwan and Hong Kong (one character more).  In a piece of its own, the run is cut where
    the pieces' own outputs end; across the marker (内|存) it cannot be cut anywhere right, so 内
    and 存 keep their own conversions, and the rest of the passage is still joined (头|发)."""
    body = "内存不够用，我去剪了头发。\n\n电脑的内存太小，他去剪了头发。\n"
    result = _build(site_builder, body, "用，我去剪了头", "电脑的内", "小，他去剪了头")
    for code in TRADITIONAL:
        page = result.page(f"{code}/notes/a/index.html")
        assert re.search(_marked("記憶體不夠用，我去剪了", "頭") + r".*?</span></span>髮。</p>", page), code
        assert re.search(_marked("電腦的", "內") + r".*?</span></span>存太小，他去剪了", page), code
        assert re.search(_marked("存太小，他去剪了", "頭") + r".*?</span></span>髮。</p>", page), code


def test_a_url_in_a_link_is_not_converted_and_not_joined(site_builder):
    """A link's text is not joined to the text around it: its URL stays as written, and the
    words after it are still joined across the marker."""
    link = "https://zh.wikipedia.org/wiki/头发"
    body = f"另见[{link}]({link})，剪头发的历史。\n\n原文见 {link} 一文。\n"
    result = _build(site_builder, body, "，剪头")
    for code in TRADITIONAL:
        page = result.page(f"{code}/notes/a/index.html")
        # The Markdown link's target is as written; the bare URL's is percent-encoded (``notes/bare_urls.py``).
        assert page.count(f">{link}</a>") == 2 and page.count(f'href="{link}"') == 1, code
        assert page.count(f'href="{quote(link, safe=":/")}"') == 1, code
        assert re.search(_marked("，剪", "頭") + r".*?</span></span>髮的歷史", page), code


def test_a_url_cut_by_a_wrapper_is_protected_whole():
    """Joined, a URL is protected as in the text without the wrappers; alone, its tail after the
    wrapper read 發.  Code is not joined to the text around it; an author's emphasis is, Han to Han."""
    marker = '<span class="zd-anno"><button>注</button></span>'
    html = (
        f'<p>见 https://例子.com/头<span class="zd-nobr">发{marker}</span> 一文，剪了头<span class="zd-nobr">'
        f"发{marker}</span>。</p><p>剪了头<code>发</code>，<em>头</em>发。</p>"
    )
    for variant in DEFAULT_VARIANTS[1:]:
        out = Converter(variant, ConversionRules()).html(html)
        assert f'https://例子.com/头<span class="zd-nobr">发{marker}</span> 一文，剪了頭<span' in out
        assert "<code>发</code>，<em>頭</em>髮。" in out


def test_each_of_zhudus_inline_wrappers_joins_the_word_it_cuts():
    """The words a glossary term, a footnote number or a glued space cut, and an author's strong or
    link between two Han characters; a line break, code, a link's URL or a handle end the word."""
    joined = {
        '剪了<span class="zd-gloss" title="头">头</span>发': '剪了<span class="zd-gloss" title="頭">頭</span>髮',
        '剪了头<sup id="fnref:1"><a href="#fn:1">1</a></sup>发': '剪了頭<sup id="fnref:1"><a href="#fn:1">1</a></sup>髮',
        "衣服很干<zd-g>净</zd-g>": "衣服很乾<zd-g>淨</zd-g>",
        "剪了头<strong>发</strong>": "剪了頭<strong>髮</strong>",
        '剪了<a href="#x"><em>头</em></a>发': '剪了<a href="#x"><em>頭</em></a>髮',
    }
    apart = (
        "剪了头<br>发",
        "剪了头<code>x</code>发",
        '见 <a href="https://例子.com/头">https://例子.com/头</a>发',
        '<a href="#u">@剪了头</a>发',
        # Zhudu's own elements: a theme strip's bare span (a note's title) and a link of a zd- class.
        "<span>剪了头</span>发",
        '<a class="zd-tm__name" href="#t">剪了头</a>发',
    )
    for variant in DEFAULT_VARIANTS[1:]:
        converter = Converter(variant, ConversionRules())
        for source, expected in joined.items():
            assert converter.html(f"<p>{source}。</p>") == f"<p>{expected}。</p>", (variant.code, source)
        for source in apart:  # 发 alone is 發 (joined: 頭髮, or the URL's or handle's, as written)
            assert converter.html(f"<p>{source}。</p>").endswith("發。</p>"), (variant.code, source)
        # Inside a <template> (the furniture themes.js shows: passages of other notes side by side), an
        # author's element parts the texts too; the same links in a paragraph join.
        links = '<a href="#a">剪了头</a><a href="#b">发</a>'
        assert converter.html(f"<template>{links}。</template>").endswith("發</a>。</template>"), variant.code
        assert converter.html(f"<p>{links}。</p>").endswith("髮</a>。</p>"), variant.code
