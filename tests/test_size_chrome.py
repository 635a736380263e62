"""Site size: what every page repeats stays small, and the theme's files no page loads stay out.

``bench/bench_size.py`` measures the bytes by part on whole collections; these tests keep the cuts
in place on a small fixed site: a note page's chrome (everything but the note's body) under a
bound, the templates' indentation gone, Material's source maps, lunr files and search worker left
out of ``assets/`` (its worker and lunr kept when it answers searches).
"""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from conftest import REPO, build_site, repo_config
from zhudu.compact import joined_scripts, minify
from zhudu.compact.theme_files import unused
from zhudu.compact.whitespace import DRAWN_BY_SCRIPT, compact, compact_chrome

NOTE = """---
title: 页面的外壳
date: 2024-01-01
tags: [尺寸]
---

第一段，带一个[外部链接](https://example.com/a)。

## 第二节

第二段：

```js
var total = count + 1;
```
"""

#: A note page's bytes outside its body (head, header, nav, toc, footer, scripts) on this site, in
#: any variant. Measured 15,393 bytes (zh-Hans) before the templates' indentation was dropped,
#: 13,221 after, 12,800 with reading.js's strings in one text node, 12,299 with the search dialog's
#: icons as CSS masks and ``__config``'s strings in UTF-8, 10,614 with the palette toggle and the
#: search dialog drawn by shell.js, 9,057 with ``__config``'s shared part and reading.js's strings
#: in the shared config.js; the bound leaves room for a small addition, not for any of them coming back.
CHROME_BOUND = 9_300


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("chrome"), notes={"shell.md": NOTE})
    assert result.ok, result.log
    assert not result.warnings, result.warnings
    return result


def _chrome(html: str) -> int:
    start = html.index('<div class="zd-note__body">')
    end = html.index("</div>\n</article>", start) + len("</div>")  # no related notes, no glossary term
    return len(html.encode()) - len(html[start:end].encode())


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_a_note_pages_chrome_stays_under_its_bound(site, variant):
    html = site.page(f"{variant}/notes/shell/index.html")
    assert _chrome(html) <= CHROME_BOUND, _chrome(html)
    assert not re.search(r"\n[ \t]+<", html.replace(html[html.find("<pre") : html.find("</pre>")], ""))
    assert "\n\n" not in html
    assert "zd-gloss-home" not in html  # no glossary term on the note: no card to link from


@pytest.mark.parametrize(
    ("variant", "copy_link"), [("zh-Hans", "复制本段链接"), ("zh-Hant-TW", "複製本段連結")]
)
def test_reading_strings_are_converted_in_the_shared_script_not_in_pages(site, variant, copy_link):
    html = site.page(f"{variant}/notes/shell/index.html")
    assert "zd-reading-strings" not in html and "复制本段链接" not in html
    shared = (site.site_dir / "assets/zhudu/config.js").read_text("utf-8")
    parts = json.loads(re.search(r"var reading = (\{.*\});\n", shared)[1])[variant]
    keys = re.search(
        r"var KEYS\s*=\s*\[([^\]]*)\]", (site.site_dir / "assets/zhudu/reader.js").read_text("utf-8")
    )
    assert keys and len(parts) == keys.group(1).count('"') // 2 == 12
    assert parts[0] == copy_link


def test_whitespace_that_shows_is_kept(site):
    html = site.page("zh-Hans/notes/shell/index.html")
    assert "var total = count + 1;" in re.sub(r"<[^>]+>", "", html)  # code as written
    assert '<script>__md_scope=new URL("../..",location)</script>' in html  # Material's scope, as written
    assert re.search(r"<title>页面的外壳 - 注读</title>", html)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<div>\n    <p>a</p>\n\n  </div>\n", "<div>\n<p>a</p>\n</div>\n"),
        ("<span>a</span> \n <span>b</span>", "<span>a</span>\n<span>b</span>"),  # apart, as before
        ("<p>one two  three</p>", "<p>one two  three</p>"),  # runs without a line break stay
        ("<pre>  a\n    b\n\n</pre>\n  x", "<pre>  a\n    b\n\n</pre>\nx"),
        ("<code>a\n   b</code>", "<code>a\n   b</code>"),
        ("<kbd>a\n   b</kbd><textarea>\n  t\n</textarea>", "<kbd>a\n   b</kbd><textarea>\n  t\n</textarea>"),
        ("<script>\n  var s = `a\n    b`;\n</script>", "<script>\n  var s = `a\n    b`;\n</script>"),
        ("<style>\n  a { }\n</style>", "<style>\n  a { }\n</style>"),
        ('<a title="x\n   y">t</a>', '<a title="x\n   y">t</a>'),  # an attribute's value as written
    ],
)
def test_compact_shortens_whitespace_runs_only_where_they_render_as_one_space(html, expected):
    assert compact(html) == expected


THEME = [
    "assets/javascripts/bundle.a5f9d56c.min.js",
    "assets/javascripts/bundle.a5f9d56c.min.js.map",
    "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    "assets/javascripts/lunr/min/lunr.zh.min.js",
    "assets/javascripts/lunr/min/lunr.ja.min.js",
    "assets/javascripts/lunr/min/lunr.multi.min.js",
    "assets/javascripts/lunr/tinyseg.js",
    "assets/javascripts/lunr/wordcut.js",
    "assets/javascripts/workers/search.a7633da7.min.js",
    "assets/javascripts/workers/search.a7633da7.min.js.map",
    "assets/stylesheets/main.57a0d79d.min.css",
    "assets/stylesheets/palette.fb2fffe2.min.css",
    "assets/images/favicon.png",
    "assets/zhudu/shell.js",  # joined into config.js: never shipped on its own
]


@pytest.mark.parametrize(
    ("material_search", "languages", "own_favicon", "kept"),
    [
        # Material's stylesheets are joined into Zhudu's (compact/stylesheet.py): no page loads them.
        (False, ["zh"], True, {THEME[0]}),
        (True, ["zh"], True, {THEME[0], THEME[2], THEME[3], THEME[8]}),
        (True, ["ja", "en"], False, {*THEME[0:1], THEME[2], *THEME[4:7], *THEME[8:9], THEME[12]}),
    ],
)
def test_unused_theme_files_are_the_ones_no_page_loads(material_search, languages, own_favicon, kept):
    dropped = unused(
        THEME, material_search=material_search, search_languages=languages, own_favicon=own_favicon
    )
    assert set(THEME) - set(dropped) == kept


def _assets(site) -> set[str]:
    return {
        p.relative_to(site.site_dir).as_posix() for p in (site.site_dir / "assets").rglob("*") if p.is_file()
    }


def test_the_site_ships_only_the_theme_files_its_pages_load(site):
    assets = _assets(site)
    assert not [a for a in assets if a.endswith(".map")]
    assert not [a for a in assets if "/lunr/" in a or "/workers/" in a]
    assert "assets/images/favicon.png" not in assets
    html = site.page("zh-Hans/notes/shell/index.html")
    for src in re.findall(r'(?:src|href)="(?:\.\./)+(assets/[^"?]+)', html):
        assert src in assets, src  # every file a page names is there
    assert sum((site.site_dir / a).stat().st_size for a in assets) < 600_000
    # One stylesheet: Material's two, then Zhudu's (compact/stylesheet.py), named by its content.
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) == [
        f"../../../assets/zhudu/zhudu.css?v={hashlib.sha256((site.site_dir / 'assets/zhudu/zhudu.css').read_bytes()).hexdigest()[:12]}"
    ]
    assert not [a for a in assets if a.startswith("assets/stylesheets/")]


def test_materials_search_keeps_its_worker_and_the_lunr_files_it_imports(tmp_path):
    result = build_site(tmp_path, notes={"shell.md": NOTE}, zhudu={"search": "material"})
    assert result.ok, result.log
    assets = _assets(result)
    workers = [a for a in assets if re.fullmatch(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js", a)]
    assert len(workers) == 1
    worker = workers[0].rsplit("/", 1)[1]
    assert f'"search": "../../../assets/javascripts/workers/{worker}"' in result.page(
        "zh-Hans/notes/shell/index.html"
    )
    lunr = {a for a in assets if "/lunr/" in a}
    assert lunr == {
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/min/lunr.zh.min.js",
    }
    assert not [a for a in assets if a.endswith(".map")]


def test_materials_own_palette_markup_where_shell_js_could_not_draw_it(tmp_path):
    """An automatic "(prefers-color-scheme)" option: Material's inline script reads the palette's
    inputs while the page is parsed, so the form and the script are written as Material writes them;
    "search.share" likewise keeps Material's search dialog."""
    theme = {**repo_config()["theme"], "custom_dir": str(REPO / "overrides")}
    palette = [
        {"media": "(prefers-color-scheme)", "toggle": {"icon": "material/brightness-auto", "name": "自动"}}
    ]
    palette += theme["palette"]
    features = [*theme["features"], "search.share"]
    theme = {**theme, "palette": palette, "features": features}
    result = build_site(tmp_path, notes={"shell.md": NOTE}, config={"theme": theme})
    assert result.ok, result.log
    html = result.page("zh-Hans/notes/shell/index.html")
    assert "data-zd-palette" not in html and "data-zd-search" not in html
    assert html.count('type="radio" name="__palette"') == 3 and 'aria-label="自动"' in html
    assert 'if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia(' in html
    assert 'class="md-search__input"' in html and 'data-md-component="search-share"' in html


def test_the_palette_search_and_top_button_strings_are_in_the_shared_script_in_each_variant(site):
    shared = (site.site_dir / "assets/zhudu/config.js").read_text("utf-8")
    shell = json.loads(re.search(r"var shell = (\{.*\});\n", shared)[1])
    assert set(shell) == {"zh-Hans", "zh-Hant-TW", "zh-Hant-HK"}
    for variant, palette, search, top in (
        ("zh-Hans", "切换到深色模式|切换到浅色模式", "搜索|清空当前内容|正在初始化搜索引擎", "回到页面顶部"),
        ("zh-Hant-TW", "切換到深色模式|切換到淺色模式", "搜尋|清除|正在初始化搜尋引擎", "回到頂端"),
    ):
        assert shell[variant]["paletteText"] == palette and shell[variant]["searchText"] == search
        assert shell[variant]["top"] == f"material-arrow-up {top}"
        assert shell[variant]["palette"] == (
            "default white deep-orange material-weather-night (prefers-color-scheme: light)"
            "|slate black deep-orange material-weather-sunny (prefers-color-scheme: dark)"
        )
        assert (
            shell[variant]["searchName"] == {"zh-Hans": "查找", "zh-Hant-TW": "搜尋"}[variant]
        )  # the dialog's
        html = site.page(f"{variant}/notes/shell/index.html")
        # Nothing of the palette's form and the search dialog: shell.js draws them (test_size_browser.py).
        assert 'data-md-component="palette"' not in html and 'data-md-component="search"' not in html
        # (the page's one data-zd-text is the header's title, on shell.js's marker: test_size_topic_browser.py)
        assert re.findall(r"<([a-z-]+)[^>]*data-zd-text", html) == ["zd-restore"] and palette not in html
        assert 'class="md-search__input"' not in html and 'class="md-option"' not in html
        assert 'for="__search"' not in html and 'data-md-component="top"' not in html
        assert 'data-md-component="progress"' not in html and 'name="zd-variants"' not in html
        assert "matchMedia" not in html  # Material's automatic-option branch, not needed here


@pytest.mark.parametrize("source", sorted(joined_scripts.SOURCES))
def test_each_joined_source_is_one_function_run_at_once(source):
    # Joined inside a ``try`` block, a script keeps its meaning only when it declares nothing at its
    # top level (a block would scope a ``let`` or ``function`` that another script reads).
    text = re.sub(
        r"^(?:/\*.*?\*/|//[^\n]*)\s*",
        "",
        (REPO / "overrides" / source).read_text("utf-8").strip(),
        flags=re.S,
    )
    assert text.startswith("(function () {") and text.endswith("})();"), source
    assert len(re.findall(r"^\S", text, re.M)) == 2, "only the opening and the closing at column 0"


def test_zhudus_scripts_are_two_files_joined_in_their_order_around_materials_bundle(site):
    """config.js (with shell.js, lazy-search.js) before the bundle, reader.js after: three tags, not eight."""
    html = site.page("zh-Hans/notes/shell/index.html")
    named = re.findall(r'<script defer src="(?:\.\./)+(assets/[^"?]+)(?:\?v=(\w+))?"></script>', html)
    assert [src for src, _ in named] == [
        "assets/zhudu/config.js",
        "assets/javascripts/bundle.a5f9d56c.min.js",
        joined_scripts.READER,
    ]
    assets = _assets(site)
    for src, version in named[::2]:
        text = (site.site_dir / src).read_text("utf-8")
        assert version == hashlib.sha256(text.encode()).hexdigest()[:12]
    config = (site.site_dir / "assets/zhudu/config.js").read_text("utf-8")
    reader = (site.site_dir / joined_scripts.READER).read_text("utf-8")
    for joined, sources in ((config, joined_scripts.BEFORE), (reader, joined_scripts.AFTER)):
        # each source whole (minified: compact/minify.py), in its order
        at = [
            joined.index(minify.script((REPO / "overrides" / s).read_text("utf-8")).rstrip()) for s in sources
        ]
        assert at == sorted(at)
        assert joined.count("} catch (error) { setTimeout(function () { throw error; }); }") == len(sources)
    assert not assets & joined_scripts.SOURCES  # no page loads the sources on their own


def test_materials_storage_helpers_are_defined_by_the_shared_script_unless_an_inline_script_calls_them(
    site, tmp_path
):
    html = site.page("zh-Hans/notes/shell/index.html")
    assert "__md_get=" not in html and "__md_get(" not in html  # the palette reads the storage itself
    assert 'JSON.parse(localStorage.getItem(__md_scope.pathname+".__palette"))' in html
    shared = (site.site_dir / "assets/zhudu/config.js").read_text("utf-8")
    assert (
        'if (typeof __md_get === "undefined" && typeof __md_scope !== "undefined") window.__md_hash='
        in shared
    )
    assert ",window.__md_get=(e,_=localStorage,t=__md_scope)=>" in shared and ",window.__md_set=" in shared
    # Linked content tabs: Material's inline script in the body calls __md_get, so it is written whole.
    theme = {**repo_config()["theme"], "custom_dir": str(REPO / "overrides")}
    theme["features"] = [*theme["features"], "content.tabs.link"]
    result = build_site(tmp_path, notes={"shell.md": NOTE}, config={"theme": theme})
    assert result.ok, result.log
    whole = result.page("zh-Hans/notes/shell/index.html")
    assert '<script>__md_scope=new URL("../..",location),__md_hash=e=>' in whole


def test_the_tables_of_contents_items_carry_no_class_the_navs_keep_materials(site):
    """zhudu.css styles the sidebar's class-less items as Material's ``md-nav__item``, and shell.js
    gives their links Material's classes, and in the drawer their items too (test_size_browser.py):
    the sidebar's table (which shell.js copies into a note's drawer) and the one inside a page of
    the nav's item are written plain; the nav's plain links are plain items, the page shown (its
    table inside) Material's item; a note's nav has no item of Material's."""
    note = site.page("zh-Hans/notes/shell/index.html")
    sidebar = note[note.index("md-sidebar--secondary") :]
    assert '<li><a href="#第二节">第二节</a></li>' in sidebar
    assert "md-nav__item" not in sidebar and "md-nav__link" not in sidebar[: sidebar.index("</nav>")]
    primary = note[note.index("md-nav--primary") : note.index("md-sidebar--secondary")]
    assert '<li><a href="../../about/">关于</a></li>' in primary
    assert "md-nav__item" not in primary and "第二节" not in primary
    about = site.page("zh-Hans/about/index.html")
    primary = about[about.index("md-nav--primary") : about.index("md-sidebar--secondary")]
    nested = primary[primary.index('<nav class="md-nav md-nav--secondary"') :]
    assert re.search(r'<ul class="md-nav__list" data-md-component="toc"><li><a href="#[^"]+">', nested)
    assert re.search(r'<li class="md-nav__item md-nav__item--active">', primary)
    assert '<li><a href="..">首页</a></li>' in primary


def test_compact_drops_line_breaks_by_block_tags_in_a_pages_chrome_only():
    page = (
        "<!doctype html>\n<html>\n<head>\n<meta charset=utf-8>\n<title>t</title>\n</head>\n<body>\n"
        '<div class="md-header">\n<a href="/">logo</a>\n注读\n<span>a</span>\n<span>b</span>\n</div>\n'
        "<script>\nvar a = '>\\n<div>';\n</script>\n<main>\n"
        '<div class="md-content">\n<p>one</p>\n<p>two</p>\n</div>\n</main>\n'
        "<footer>\n<pre>x\n</pre>\n</footer>\n</body>\n</html>\n"
    )
    assert compact_chrome(compact(page)) == (
        "<!doctype html><html><head><meta charset=utf-8><title>t</title></head><body>"
        # between inline elements and text, a line break is a space: kept
        '<div class="md-header"><a href="/">logo</a>\n注读\n<span>a</span>\n<span>b</span></div>'
        "<script>\nvar a = '>\\n<div>';\n</script><main>"
        # the content as compact always wrote it (search reads its text)
        '<div class="md-content">\n<p>one</p>\n<p>two</p>\n</div>\n</main>'
        "<footer><pre>x\n</pre></footer></body></html>"
    )


def test_compact_leaves_materials_search_toggle_and_dialog_to_shell_js_outside_the_content():
    toggle, dialog = DRAWN_BY_SCRIPT
    page = (
        f'<body>\n<input class="md-toggle" id="__drawer">\n{toggle}\n<main>\n'
        f'<div class="md-content">\n<p>{toggle}{dialog}</p>\n</div>\n</main>\n'
        f"<footer></footer>\n{dialog}\n<script>x</script>\n</body>\n"
    )
    assert compact_chrome(compact(page)) == (
        '<body><input class="md-toggle" id="__drawer"><main>'
        # an author's markup in the content is the author's
        f'<div class="md-content">\n<p>{toggle}{dialog}</p>\n</div>\n</main>'
        "<footer></footer><script>x</script></body>"
    )
