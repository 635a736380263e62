"""variants.relocate (URLs of a page copied into a variant folder) and Site.write_variants."""

from __future__ import annotations

import json
import re

import pytest

from conftest import build_site
from zhudu.script import variants
from zhudu.script.variants import VariantInfo

HANS = VariantInfo(code="zh-Hans", name="简体", prefix="zh-Hans/", material_language="zh", script="Hans")
TW = VariantInfo(
    code="zh-Hant-TW", name="繁體·臺灣", prefix="zh-Hant-TW/", material_language="zh-TW", script="Hant"
)
ALL = (HANS, TW)
PAGES = {"", "about/", "notes/x/", "404.html", "sitemap.xml", "search/search_index.json"}


def _local(path: str) -> bool:
    return path in PAGES or path.rstrip("/") + "/" in PAGES


def _relocate(
    html: str, *, dest_uri: str, page_url: str, site_url: str = "https://u.github.io/zhudu/"
) -> str:
    return variants.relocate(
        html,
        dest_uri=dest_uri,
        variant=TW,
        variants=ALL,
        page_url=page_url,
        is_variant_local=_local,
        site_url=site_url,
    )


@pytest.mark.parametrize(
    ("dest_uri", "url", "expected"),
    [
        # Ordinary pages: relative links to pages stay in the variant, assets are shared from the root.
        ("notes/x/index.html", "../../about/", "../../about/"),
        ("notes/x/index.html", "../../assets/zhudu/zhudu.css", "../../../assets/zhudu/zhudu.css"),
        ("notes/x/index.html", "#p-12345678", "#p-12345678"),
        ("index.html", ".", "."),
        ("index.html", "assets/images/a.png", "../assets/images/a.png"),
        ("notes/x/index.html", "https://example.org/a", "https://example.org/a"),
        (
            "notes/x/index.html",
            "https://u.github.io/zhudu/about/",
            "https://u.github.io/zhudu/zh-Hant-TW/about/",
        ),
        (
            "notes/x/index.html",
            "https://u.github.io/zhudu/assets/x.css",
            "https://u.github.io/zhudu/assets/x.css",
        ),
        # 404.html: MkDocs writes root-absolute URLs inside site_url's path.
        ("404.html", "/zhudu/.", "/zhudu/zh-Hant-TW/."),
        ("404.html", "/zhudu/", "/zhudu/zh-Hant-TW/"),
        ("404.html", "/zhudu/about/", "/zhudu/zh-Hant-TW/about/"),
        ("404.html", "/zhudu/about/#top", "/zhudu/zh-Hant-TW/about/#top"),
        ("404.html", "/zhudu/assets/stylesheets/main.css", "/zhudu/assets/stylesheets/main.css"),
        ("404.html", "/zhudu/assets/javascripts/bundle.js", "/zhudu/assets/javascripts/bundle.js"),
        ("404.html", "/zhudu/sitemap.xml", "/zhudu/zh-Hant-TW/sitemap.xml"),
        # Outside the site's path: another site on the same host, left alone.
        ("404.html", "/other/about/", "/other/about/"),
        ("404.html", "//cdn.example.org/x.js", "//cdn.example.org/x.js"),
    ],
)
def test_relocate_urls(dest_uri: str, url: str, expected: str) -> None:
    html = f'<a href="{url}">x</a><img src="{url}">'
    assert (
        _relocate(html, dest_uri=dest_uri, page_url="404.html")
        == f'<a href="{expected}">x</a><img src="{expected}">'
    )


@pytest.mark.parametrize(
    ("dest_uri", "config", "expected"),
    [
        # A relative base is already right in the variant (same depth inside it); the worker is shared.
        (
            "about/index.html",
            '"base": "..", "search": "../assets/w.js"',
            '"base": "..", "search": "../../assets/w.js"',
        ),
        # 404.html: the base names the variant's root (its own search index), the worker stays shared.
        (
            "404.html",
            '"base": "/zhudu/", "search": "/zhudu/assets/w.js"',
            '"base": "/zhudu/zh-Hant-TW/", "search": "/zhudu/assets/w.js"',
        ),
    ],
)
def test_relocate_material_config(dest_uri: str, config: str, expected: str) -> None:
    html = f'<script id="__config" type="application/json">{{{config}}}</script>'
    assert _relocate(html, dest_uri=dest_uri, page_url="about/") == html.replace(config, expected)


def test_relocate_for_a_site_at_the_domain_root() -> None:
    html = '<a href="/about/">a</a><link href="/assets/a.css">'
    out = _relocate(html, dest_uri="404.html", page_url="404.html", site_url="https://notes.example.org/")
    assert out == '<a href="/zh-Hant-TW/about/">a</a><link href="/assets/a.css">'


def test_write_variants_writes_every_variant_converted_and_relocated(site_builder) -> None:  # type: ignore[no-untyped-def]
    note = "---\ntitle: 软件与网络\ndate: 2024-01-02\n---\n\n这个软件的数据在网络上。[关于](../about.md)\n"
    result = site_builder(notes={"n1.md": note}, editorial={"notes.yml": "n1:\n  slug: n1\n"})
    assert result.ok, result.log
    pages = {
        code: result.page(f"{code}/notes/n1/index.html") for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")
    }
    assert '<html lang="zh-Hans"' in pages["zh-Hans"] and "软件" in pages["zh-Hans"]
    assert '<html lang="zh-Hant-TW"' in pages["zh-Hant-TW"] and "軟體" in pages["zh-Hant-TW"]
    assert '<html lang="zh-Hant-HK"' in pages["zh-Hant-HK"] and "軟件" in pages["zh-Hant-HK"]
    for code, html in pages.items():
        assert 'href="../../about/"' in html, code  # a page: stays inside the variant
        assert 'href="../../../assets/zhudu/zhudu.css?v=' in html, code  # theme assets: shared from the root
    # The root keeps a redirect stub to the default variant.
    assert "zh-Hans/notes/n1/" in result.page("notes/n1/index.html")
    # 404.html in every variant: root-absolute links inside the site's path stay in the variant.
    tw404 = result.page("zh-Hant-TW/404.html")
    assert 'href="/zhudu/zh-Hant-TW/about/"' in tw404
    assert '"base": "/zhudu/zh-Hant-TW/"' in tw404
    assert "..//zhudu/" not in tw404


def test_the_root_stub_shows_a_title_as_written(site_builder) -> None:  # type: ignore[no-untyped-def]
    """A note's title is HTML-escaped once in the root's redirect stub, as on its page (it was escaped twice)."""
    note = "---\ntitle: '甲 & <乙>'\n---\n\n正文。\n"
    result = site_builder(notes={"amp.md": note}, editorial={"notes.yml": "amp:\n  slug: amp\n"})
    assert result.ok, result.log
    stub = result.page("notes/amp/index.html")
    assert "<title>甲 &amp; &lt;乙&gt;</title>" in stub and ">甲 &amp; &lt;乙&gt;</a>" in stub, stub


URLS = [
    "",
    "#s",
    "?q=1",
    ".",
    "./",
    "..",
    "../",
    "../..",
    "../../",
    "../../../",
    "../../../x/",
    "x/",
    "./x/",
    "a/../b/",
    "../x/",
    "../y/",
    "../../about/",
    "../../notes/x/#s",
    "../../assets/a.css",
    "/about/",
    "/zhudu/about/",
    "/zhudu/assets/a.css",
    "https://u.github.io/zhudu/about/",
    "https://example.org/",
    "mailto:a@b.c",
    "zd-variant:zh-Hant-TW",
    "zd-variant:zh-Hans#s",
    "zd-variant-root:zh-Hant-TW",
    "img.png",
    "../x/img.png",
]
PAGE_FILES = [
    ("index.html", ""),
    ("about/index.html", "about/"),
    ("notes/x/index.html", "notes/x/"),
    ("notes/y/index.html", "notes/y/"),
    ("a/b/c/index.html", "a/b/c/"),
    ("a/d/c/index.html", "a/d/c/"),
    ("404.html", "404.html"),
]


def _local_in_one_folder(path: str) -> bool:
    """Like ``_local``, with pages that one folder's relative URLs reach and its neighbour's do not."""
    return _local(path) or path in {"a/b/x/", "a/b/c/img.png"}


@pytest.mark.parametrize("site_url", ["https://u.github.io/zhudu/", ""])
def test_urls_re_aimed_on_earlier_pages_are_reused_only_where_they_mean_the_same(site_url: str) -> None:
    """The build keeps one memo of re-aimed URLs for every page: it changes no page."""
    html = "".join(f'<a href="{u}">a</a><img src="{u}">' for u in URLS)
    memo: dict[tuple[str, str, str], str] = {}
    for _ in range(2):  # the second round reads what every page put in the memo
        for variant in (variants.STAND_IN, TW, HANS):
            for dest_uri, page_url in PAGE_FILES:
                how = {"dest_uri": dest_uri, "variant": variant, "variants": ALL, "page_url": page_url}
                local = _local_in_one_folder
                fresh = variants.relocate(html, **how, is_variant_local=local, site_url=site_url)
                kept = variants.relocate(html, **how, is_variant_local=local, site_url=site_url, memo=memo)
                assert kept == fresh, (variant.code, dest_uri)
    assert memo


FILLED_PAGE = (
    '<!doctype html><html lang="zh-Hans"><head><title>\ue000site.title\ue001 笔记</title></head><body>'
    '<a href="../\ue002zd-variant-folder\ue003/notes/x/">\ue000nav.home\ue001</a>'
    '<input placeholder="\ue000search.placeholder\ue001" title="软件">'
    "<p>数据\ue000not a key\ue001 and \ue000unclosed.key</p>"
    '<script>var s = "<html lang=\\"x\\">";</script>'
    '<script id="__config" type="application/json">{"t": {"a": "\\ue000search.result.one\\ue001"}}</script>'
    "</body></html>"
)
STRINGS = {
    "site.title": "注读 <&>",
    "nav.home": "首頁",
    "search.placeholder": "搜尋",
    "search.result.one": '一個"結果"',
}


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant-TW"])
def test_filling_a_pages_few_pieces_gives_the_page_filled_whole(code: str) -> None:
    """Per variant, only the pieces holding a folder, a marker or ``<html lang>`` are filled: the same page."""
    from zhudu.script.convert import opencc_converter, tokenize_html

    variant = HANS if code == "zh-Hans" else TW
    tokens = tokenize_html(FILLED_PAGE)
    points = variants.fill_points(FILLED_PAGE, tokens.pieces)
    assert points is not None and tokens.pieces[points.lang].startswith("<html") and len(points.pieces) == 5
    convert = opencc_converter("s2twp").convert if code != "zh-Hans" else str
    pieces = [convert(p) if i in tokens.todo_idx else p for i, p in enumerate(tokens.pieces)]
    whole = variants.fill("".join(pieces), variant, STRINGS)
    assert "".join(variants.fill_pieces(pieces, points, variant, STRINGS)) == whole
    assert (
        f'<html lang="{code}">' in whole
        and "注读 &lt;&amp;&gt;" in whole
        and variant.prefix + "notes/x/" in whole
    )
    assert '\\"x\\"' in whole  # a second "<html lang" (in a script) is not the page's


def test_something_to_fill_across_two_pieces_fills_the_page_whole() -> None:
    pieces = ["<p>\ue000nav.", "home\ue001</p>"]
    assert variants.fill_points("".join(pieces), pieces) is None
    pieces = ['<html lang="', 'zh">']
    assert variants.fill_points("".join(pieces), pieces) is None


def test_interface_strings_in_the_config_json_are_chinese_as_written_and_safe_in_a_script() -> None:
    page = '<script id="__config" type="application/json">{"t": "\\ue000k\\ue001"}</script>'
    value = '找到 # 個"結果"</script><!--&\u2028'
    filled = variants.localise(page, {"k": value})
    body = filled.removeprefix('<script id="__config" type="application/json">').removesuffix("</script>")
    assert json.loads(body) == {"t": value}  # the same string for Material
    assert "找到 # 個" in body and "\\u" + format(ord("找"), "04x") not in body  # 3 bytes a character, not 6
    assert "<" not in body and ">" not in body and "&" not in body and "\u2028" not in body


TRADITIONAL_NOTE = """---
title: 標籤外掛
date: 2024-01-01
---

## 引用區塊

正文。

### 範例

正文。

## 設定 `軟體.config` 的檔案

正文。
"""
TOC_LINKS = re.compile(r'<li><a href="#([^"]+)">([^<]+)</a>')
HEADING = re.compile(r'<h([23]) id="([^"]+)">(.+?)</h[23]>')


def test_a_traditional_notes_table_of_contents_reads_as_its_headings_in_every_variant(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A note written in Traditional is converted for the Simplified variant: its sidebar's table of
    contents too, cold and with its render reused (it named 引用區塊 for the heading 引用区块)."""
    root = tmp_path / "site"
    pages = []
    for _ in range(2):  # cold, then warm: the render reused
        result = build_site(root, notes={"tags.md": TRADITIONAL_NOTE})
        assert result.ok, result.log
        pages.append(
            {c: result.page(f"{c}/notes/tags/index.html") for c in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")}
        )
    assert pages[0] == pages[1]
    for code, html in pages[0].items():
        headings = {anchor: re.sub("<[^>]+>", "", text) for _, anchor, text in HEADING.findall(html)}
        toc = dict(TOC_LINKS.findall(html[html.index("md-nav--secondary") :]))
        assert toc == headings and len(toc) == 3, code
    assert "引用区块" in pages[0]["zh-Hans"] and "引用區塊" not in pages[0]["zh-Hans"]
    # Code is kept as written in the heading, so in its table-of-contents title too.
    assert ">设置 軟體.config 的文件</a>" in pages[0]["zh-Hans"], pages[0]["zh-Hans"]
