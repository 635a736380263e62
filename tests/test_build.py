"""Whole builds: a strict fixture site, the real site, the events, and the three variants."""

from __future__ import annotations

import logging
import multiprocessing
import re
import xml.etree.ElementTree as ET

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from conftest import REPO, build_site, mkdocs_build_cli
from zhudu.publish import feeds

NOTE = "---\ntitle: 数据中心与软件\ndate: 2024-03-01 10:00:00 +0800\ntags: [数据中心, 软件]\n---\n\n{body}\n"
BODY = (
    "## 小节\n\n"
    "数据中心的软件需要打印网络信息。\n\n"
    "- 第一项：开源模型\n- 第二项：3D打印\n\n"
    "> 引用一段关于隐私的话。\n\n"
    "链接 [示例](https://example.org/路径/页面) 和 `代码里的数据` 以及 @some_handle。\n"
)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A strict build of a two-note fixture site."""
    root = tmp_path_factory.mktemp("small")
    other = "---\ntitle: 另一篇\ndate: 2023-01-01\n---\n\n另一篇笔记的正文，也讲数据中心。\n"
    result = build_site(root, notes={"a.md": NOTE.format(body=BODY), "b.md": other}, strict=True)
    assert result.ok, result.log
    return result


def test_strict_fixture_build_has_zero_warnings(small):
    assert small.warnings == []


def test_cli_build_prints_only_mkdocs_lines(tmp_path):
    """The author's terminal shows MkDocs' log lines and nothing else (jieba, for one, talks on stderr)."""
    build_site(tmp_path, notes={"a.md": NOTE.format(body=BODY)}, strict=False)
    proc = mkdocs_build_cli(tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
    assert any("Documentation built in" in line for line in lines)
    assert [line for line in lines if not line.startswith("INFO    -  ")] == []


def test_real_site_builds_strict_with_zero_warnings(real_site):
    assert real_site.build.ok
    assert real_site.build.warnings == [], real_site.build.warnings
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        for slug in (
            "technology-devolution-2025",
            "ai-bubble-open-source-doge-2025",
            "socialist-technology-and-production",
        ):
            assert (real_site.build.site_dir / code / "notes" / slug / "index.html").is_file()


def test_events_run_through_the_hook_module_mkdocs_loaded(tmp_path):
    # Lay out a project, then drive the events on a config from load_config (as MkDocs does).
    build_site(tmp_path, notes={"a.md": NOTE.format(body=BODY)})
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    hook = config.plugins[str(REPO / "hooks" / "zhudu_hook.py")]
    # Events run through MkDocs' plugin collection, exactly as in a build.
    config = config.plugins.on_config(config)
    try:
        files = config.plugins.on_files(Files([]), config=config)
        (note_file,) = [f for f in files if f.src_uri.startswith("notes/")]
        assert note_file.src_uri == "notes/a.md"
        assert note_file.generated_by == str(REPO / "hooks" / "zhudu_hook.py")
        assert [n.meta.title for n in hook._build.site.corpus.notes] == ["数据中心与软件"]
    finally:
        # The build stops here, as MkDocs stops one that fails: its forked workers go. Left running, they
        # hold this test process's pipes, the browser driver's among them, and its exit waits forever.
        config.plugins.on_build_error(error=RuntimeError("the test stops the build after on_files"))
    assert multiprocessing.active_children() == []
    # Notes are read from seeds/ and never copied into docs/.
    assert not (tmp_path / "docs" / "notes").exists()


def test_home_lists_notes_newest_first_with_summary_and_tags(small):
    home = small.page("zh-Hans/index.html")
    titles = re.findall(r'class="zd-card__title"><a href="[^"]+">([^<]+)</a>', home)
    assert titles == ["数据中心与软件", "另一篇"]
    assert "2024年3月1日" in home and "数据中心的软件需要打印网络信息" in home
    assert '<li class="zd-tag">软件</li>' in home


def test_a_derived_summary_has_no_space_a_chinese_reader_would_not_write(tmp_path):
    """A home card's summary joins the source's lines without a space between Chinese characters,
    keeps the spaces the author wrote on a line, and drops a space before a full-width closing mark
    (a line of the card could start with it)."""
    body = "设置 `folder` ，Hexo 会把它当成源文件夹，经济 政治 文化，这是第一行\n第二行的内容，写 English 也可以。\n"
    result = build_site(tmp_path, notes={"a.md": NOTE.format(body=body)}, strict=True)
    assert result.ok, result.log
    home = result.page("zh-Hans/index.html")
    assert (
        "设置 folder，Hexo 会把它当成源文件夹，经济 政治 文化，这是第一行第二行的内容，写 English 也可以。"
        in home
    )


def test_note_header_shows_normalised_metadata(small):
    page = small.page("zh-Hans/notes/a/index.html")
    assert '<h1 id="zd-note-title">数据中心与软件</h1>' in page
    assert '<time datetime="2024-03-01T10:00:00+08:00">2024年3月1日</time>' in page
    assert "约 1 分钟" in page


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_external_links_are_marked(small, variant):
    page = small.page(f"{variant}/notes/a/index.html")
    # The link to another host carries rel="noreferrer", which the stylesheet marks; no label in the page.
    # (only that link: the site's own links, absolute ones in the header included, stay as they are)
    assert re.findall(r'<a [^>]*\brel="[^"]*"', page) == [
        '<a href="https://example.org/路径/页面" rel="noreferrer"'
    ]
    assert "外部链接" not in page and "外部連結" not in page


def test_mark_external_adds_noreferrer_once_and_keeps_the_authors_rel():
    from zhudu.notes.links import mark_external

    own = ("zhudu.github.io",)
    assert (
        mark_external('<a href="https://e.org/x">x</a>', own)
        == '<a href="https://e.org/x" rel="noreferrer">x</a>'
    )
    assert mark_external('<a rel="nofollow" href="https://e.org/">x</a>', own) == (
        '<a rel="nofollow noreferrer" href="https://e.org/">x</a>'
    )
    marked = mark_external('<a href="https://e.org/">x</a>', own)
    assert mark_external(marked, own) == marked
    inside = '<a href="https://zhudu.github.io/zhudu/zh-Hans/">x</a><a href="../b/">y</a>'
    assert mark_external(inside, own) == inside


def test_heading_permalinks_css_names_are_left_to_the_script_others_named_for_screen_readers():
    from zhudu.notes.links import drawn_permalinks, label_headerlinks

    known = '<h2 id="a">甲<a class="headerlink" href="#a" title="链接到本节">#</a></h2>'
    assert label_headerlinks(known) == '<h2 id="a">甲</h2>'  # zhudu.js draws it (test_size_browser.py)
    assert drawn_permalinks({"permalink": "#", "permalink_title": "链接到本节"})
    assert not drawn_permalinks({"permalink": True, "permalink_title": "链接到本节"})  # "¶"
    assert not drawn_permalinks({})
    other = '<h2 id="a">甲<a class="headerlink" href="#a" title="本节">¶</a></h2>'
    assert (
        label_headerlinks(other)
        == '<h2 id="a">甲<a class="headerlink" href="#a" aria-label="本节">¶</a></h2>'
    )


@pytest.mark.parametrize("label", ["zd-external-label", "zd-headerlink-label"])
def test_the_stylesheets_link_labels_are_each_variants_conversion(label):
    """The external-link and heading-permalink labels are CSS (``--zd-…-label`` by the page's
    language): each must be what the variant's converter makes of the Simplified label, as when
    it was text in the page."""
    from zhudu.notes.links import CSS_HEADERLINK
    from zhudu.script.convert import DEFAULT_VARIANTS, Converter, load_rules

    css = (REPO / "overrides/assets/zhudu/zhudu.css").read_text(encoding="utf-8")
    labels = dict(re.findall(rf':root(?::lang\(([^)]+)\))? \{{ --{label}: "([^"]+)"; \}}', css))
    if label == "zd-headerlink-label":
        assert labels[""] == CSS_HEADERLINK[0]
        assert (
            f'.md-typeset .headerlink::before {{ content: "{CSS_HEADERLINK[1]}" / var(--{label}); }}' in css
        )
    assert set(labels) == {"", "zh-Hant"}, labels
    variants = {v.code: v for v in DEFAULT_VARIANTS}
    rules = load_rules(REPO / "docs" / "editorial" / "conversion.yml", known_variants=variants)
    for code, variant in variants.items():
        # :lang(zh-Hant) matches zh-Hant-TW and zh-Hant-HK; other pages take the default.
        applies = next((lang for lang in labels if lang and code.startswith(lang + "-")), "")
        assert Converter(variant, rules).text(labels[""]) == labels[applies], code


# --------------------------------------------------------------------------- variants


@pytest.mark.parametrize(
    ("code", "lang", "expected", "unexpected"),
    [
        ("zh-Hans", "zh-Hans", ["数据中心的软件需要打印网络信息"], []),
        ("zh-Hant-TW", "zh-Hant-TW", ["資料中心的軟體需要列印網路資訊"], ["数据中心的软件"]),
        ("zh-Hant-HK", "zh-Hant-HK", ["數據中心的軟件需要打印網絡"], ["数据中心的软件"]),
    ],
)
def test_every_variant_is_written_in_its_script(small, code, lang, expected, unexpected):
    page = small.page(f"{code}/notes/a/index.html")
    assert f'<html lang="{lang}"' in page
    for text in expected:
        assert text in page, text
    for text in unexpected:
        assert text not in page


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_protected_strings_are_unchanged_in_every_variant(small, code):
    page = small.page(f"{code}/notes/a/index.html")
    assert 'href="https://example.org/路径/页面"' in page  # link target with Chinese in it
    assert "<code>代码里的数据</code>" in page  # code
    assert "@some_handle" in page
    # Anchors are computed from one canonical script, so they are the same everywhere.
    assert re.findall(r'id="(p-[0-9a-f]{8})"', page) == re.findall(
        r'id="(p-[0-9a-f]{8})"', small.page("zh-Hans/notes/a/index.html")
    )


def test_real_site_protected_strings(real_site):
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        page = real_site.build.page(f"{code}/notes/socialist-technology-and-production/index.html")
        # A missing image's path is the author's (the build's info line), not on the page.
        assert "assets/2023-03-23-" not in page
        assert "https://b23.tv/b25GTGl" in page
        thread = real_site.build.page(f"{code}/notes/technology-devolution-2025/index.html")
        assert (
            "@feltanimalworld" in thread
            and "https://x.com/feltanimalworld/status/1923006499820863935" in thread
        )


def test_material_interface_strings_come_from_the_variants_own_translation(small):
    # Material's "skip to content" string: zh "跳转至", zh-TW "跳轉到", zh-Hant "跳轉至".
    assert "跳转至" in small.page("zh-Hans/notes/a/index.html")
    assert "跳轉到" in small.page("zh-Hant-TW/notes/a/index.html")
    assert "跳轉至" in small.page("zh-Hant-HK/notes/a/index.html")
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        assert "\ue000" not in small.page(f"{code}/notes/a/index.html")


def test_variant_selector_and_hreflang_name_every_variant(small):
    page = small.page("zh-Hant-TW/notes/a/index.html")
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        # The same page in every variant: at site_url for crawlers, on this site in the menu.
        link = rf'<link rel="alternate " href="https?://[^"]*/{code}/notes/a/" hreflang="{code}">'
        assert re.search(link, page), code
        # Written plain (shell.js gives it Material's classes and hreflang back: test_size_browser.py).
        menu = rf'<li><a href="\.\./\.\./\.\./{code}/notes/a/" lang="{code}" translate="no">'
        assert re.search(menu, page), code


def test_sitemaps_list_their_variant_and_heads_name_every_variant(small):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        text = (small.site_dir / code / "sitemap.xml").read_text(encoding="utf-8")
        locs = [e.text for e in ET.fromstring(text).findall(".//s:loc", ns)]
        assert locs and all(f"/{code}/" in loc for loc in locs)
        # The alternates are the pages' hreflang links (one annotation is enough for crawlers).
        assert "xhtml:link" not in text and text.count("\n") == len(locs) + 3
        assert "/notes/a/" in "".join(locs)
        page = small.page(f"{code}/notes/a/index.html")
        langs = sorted(re.findall(r'<link rel="alternate " href="[^"]*/notes/a/" hreflang="([^"]+)">', page))
        assert langs == ["zh-Hans", "zh-Hant-HK", "zh-Hant-TW"]


def test_root_sitemap_is_an_index_of_the_variants_sitemaps(small):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    text = (small.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex ')
    locs = [e.text for e in ET.fromstring(text).findall("s:sitemap/s:loc", ns)]
    # Not the root's redirect stubs (noindex): the sitemaps of the variants, each of which exists.
    assert [loc.rsplit("/", 2)[-2] for loc in locs] == ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"]
    assert all((small.site_dir / loc.rsplit("/", 2)[-2] / "sitemap.xml").is_file() for loc in locs)


def test_root_keeps_redirects_to_the_default_variant(small):
    stub = small.page("notes/a/index.html")
    assert 'content="0; url=../../zh-Hans/notes/a/"' in stub
    assert 'localStorage.getItem("zd-variant")' in stub and "/*" not in stub
    # The site's favicon, relative: else a browser asks the host's root for /favicon.ico (rv22).
    assert '<link rel="icon" href="../../assets/zhudu/favicon.svg">' in stub
    assert '<link rel="icon" href="assets/zhudu/favicon.svg">' in small.page("index.html")


def test_each_variant_has_its_own_search_index_in_its_script(small):
    from zhudu.search.shards import documents

    hans = documents(small.site_dir / "zh-Hans" / "search")
    tw = documents(small.site_dir / "zh-Hant-TW" / "search")
    assert any("数据中心" in d["text"] for d in hans)
    assert any("資料中心" in d["text"] for d in tw)
    assert [d["location"] for d in hans] == [d["location"] for d in tw]
    assert not (small.site_dir / "search" / "search_index.json").exists()


def test_variant_404_pages(small):
    assert "\ue000" not in small.page("404.html")
    assert '<html lang="zh-Hant-TW"' in small.page("zh-Hant-TW/404.html")


#: A Traditional author's words the from-hant rules write the mainland way (靜態網站產生器 → 生成器, 快取 → 缓存, 視窗 →
#: 窗口 …), and their misfires (rv25): 政府支援 NGO, 臭氧產生器, 非同步播出.
AUTHORS_WORDS = (
    "靜態網站產生器把筆記轉成網頁。這個方法是非同步的。請清除快取，在新視窗開啟連結。"
    "政府支援 NGO 的救災工作。家裡的臭氧產生器壞了。兩岸的電視台非同步播出這部劇。"
)


#: The reader review rv28's Taiwan note: the editor's Taiwan phrases' outputs (麥可·貝瑞, 大賣空), Hong Kong's
#: (沽注一擲) and regional words (視像會議, 矽晶片), each the mainland way on the Simplified page.
RV28_WORDS = "麥可·貝瑞讀過《大賣空》，香港譯作《沽注一擲》。我們開視像會議，討論矽晶片。"
RV28_EDITORIAL = {
    "conversion.yml": (
        "phrases:\n  zh-Hant-TW:\n    迈克尔·贝瑞: 麥可·貝瑞\n    大空头: 大賣空\n"
        "  zh-Hant-HK:\n    迈克尔·贝瑞: 米高·貝利\n    大空头: 沽注一擲\n"
    ),
    "glossary.yml": (
        "- term: 迈克尔·贝瑞\n  aliases: [Michael Burry]\n  explanation: 美国投资人。\n"
        "- term: 大空头\n  aliases: [The Big Short]\n  explanation: 迈克尔·刘易斯的书。\n"
    ),
}

#: rv28's Taiwan-written note: its title and description as a reader meets them, not the rules' words
#: converted back (配置檔案放在模板目錄; Hong Kong 雲計算, 通過, 軟件/硬件).
TITLE, DESCRIPTION = "雲端運算筆記", "設定檔放在樣板目錄，透過軟體/硬體部署"
HEADING = "清除快取"  # Hong Kong's 緩存 the round trip's, Taiwan's 快取 s2twp's
#: The Hexo docs' zh-tw words no rule rewrites that the way back did (文件 → 檔案, 項目 → 專案): a note naming no
#: region reads as typed on Taiwan's page.  An editor's note quotes it, a theme finds it.
HEXO_WORDS = "本文件提供更新項目的說明，請參閱文件。"
HEXO_TABLE = "| 項目 | 說明 |\n|---|---|\n| 文件 | 請參閱文件 |\n"
AX_EDITORIAL = {
    "annotations.yml": (
        "- id: ax-doc\n  note: t\n  kind: context\n  quote:\n    exact: 本文件提供更新項目的說明\n  body: 编者的说明。\n"
    ),
    "themes.yml": "themes:\n  docs:\n    name: 文件\n    description: 说明文件。\n    phrases: [更新项目, 他说]\n",
}


def _fields_shown(result, code: str) -> dict[str, str]:
    """Where a Traditional note's title and description reach a reader of variant ``code``."""
    page, home = result.page(f"{code}/notes/t/index.html"), result.page(f"{code}/index.html")
    feed = ET.fromstring((result.site_dir / feeds.feed_file(code)).read_text(encoding="utf-8"))
    atom = "{http://www.w3.org/2005/Atom}"
    entry = feed.find(f"{atom}entry")
    assert entry is not None
    return {
        "h1": re.sub(r"<[^>]*>", "", re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1]).strip(),
        "head title": re.search(r"<title>(.*?)</title>", page)[1],
        "meta": re.search(r'<meta name="description" content="([^"]*)"', page)[1],
        "home card": re.sub(r"<[^>]*>", "", home),
        "feed title": entry.findtext(f"{atom}title"),
        "feed summary": entry.findtext(f"{atom}summary"),
        "link title": re.search(r'href="https://example.com/" title="([^"]*)"', page)[1],
        "toc": re.findall(
            r'<a href="#[^"]*">([^<]*)</a>', page.split('data-md-component="toc"')[1].split("</ul>")[0]
        ),
    }


#: A note that says it is Hong Kong's (``lang: zh-HK``): its words as written on the Hong Kong page only.
HK_NOTE = (
    "---\ntitle: 臭氧產生器筆記\nlang: zh-HK\ndate: 2026-11-01\ntags: [資料庫, 軟體]\ncategories: [[程式設計, 網路安全]]\n---\n\n"
    "家裡的臭氧產生器壞了。這個方法是非同步的。他說文件在這裡。\n"
)


def _a_hong_kong_note_keeps_its_words_on_its_own_page(result) -> None:
    text = {
        code: re.sub(r"<[^>]*>", "", result.page(f"{code}/notes/hk/index.html"))
        for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")
    }
    assert "家里的臭氧发生器坏了。这个方法是异步的。" in text["zh-Hans"], text["zh-Hans"]
    # Its own page exactly as typed (說, 家裡: not Hong Kong's characters 説, 家裏), every word, not only the rules'.
    assert "家裡的臭氧產生器壞了。這個方法是非同步的。他說文件在這裡。" in text["zh-Hant-HK"], text[
        "zh-Hant-HK"
    ]
    # Taiwan's page: the Simplified page converted with Taiwan's rules, but the author's word where a from-hant rule
    # rewrote one Taiwan writes too (產生器: ``region-only: HK`` lists Hong Kong's only words, session 52).
    assert "家裡的臭氧產生器壞了。這個方法是非同步的。他說檔案在這裡。" in text["zh-Hant-TW"], text[
        "zh-Hant-TW"
    ]
    titles = (
        ("zh-Hans", "臭氧发生器笔记"),
        ("zh-Hant-TW", "臭氧產生器筆記"),
        ("zh-Hant-HK", "臭氧產生器筆記"),
    )
    for code, title in titles:
        page = result.page(f"{code}/notes/hk/index.html")
        assert re.search(r"<title>(.*?)</title>", page)[1].startswith(title), (code, page)
    # Its tags and categories as the author wrote them on its own page, Taiwan's rules on Taiwan's (and the home list).
    shown = {"zh-Hans": "数据库 软件 编程 网络安全", "zh-Hant-TW": "資料庫 軟體 程式設計 網路安全"}
    for code, words in {**shown, "zh-Hant-HK": "資料庫 軟體 程式設計 網路安全"}.items():
        for where in (f"{code}/notes/hk/index.html", f"{code}/index.html"):
            page = result.page(where)
            tags = re.findall(r'<li class="zd-tag">([^<]*)</li>', page)
            names = [page.split('<span class="zd-category">')[1].split("</dd>")[0].split("</p>")[0]]
            assert all(tag in tags for tag in words.split()[:2]), (where, tags)
            assert re.sub(r"<[^>]*>| › ", " ", names[0]).split() == words.split()[2:], (where, names)


def test_a_note_written_in_traditional_is_converted_for_simplified(site_builder):
    trad = (
        f"---\ntitle: {TITLE}\ndescription: {DESCRIPTION}\ndate: 2026-12-01\n---\n\n"
        "## 資料與軟體\n\n這是一篇用繁體字寫的筆記，討論資料中心與開放原始碼。\n\n"
        + AUTHORS_WORDS
        + "\n\n"
        + RV28_WORDS
        + "\n\n"
        + f'## {HEADING}\n\n[清除一次](https://example.com/ "{HEADING}")。\n\n'
        + f"{HEXO_WORDS}\n\n{HEXO_TABLE}"
    )
    result = site_builder(
        notes={"t.md": trad, "hk.md": HK_NOTE}, editorial={**RV28_EDITORIAL, **AX_EDITORIAL}
    )
    assert result.ok and not result.warnings, result.log
    _a_hong_kong_note_keeps_its_words_on_its_own_page(result)
    # Title and description: the zh-Hans page the mainland way, the Traditional ones the author's words.
    hans = _fields_shown(result, "zh-Hans")
    assert hans["h1"] == "云计算笔记" and hans["head title"].startswith("云计算笔记"), hans
    assert hans["meta"] == hans["feed summary"] == "配置文件放在模板目录，通过软件/硬件部署", hans
    assert "配置文件放在模板目录" in hans["home card"] and hans["feed title"] == "云计算笔记", hans
    assert hans["toc"] == ["数据与软件", "清除缓存"] and hans["link title"] == "清除缓存", hans
    for code in ("zh-Hant-TW", "zh-Hant-HK"):
        shown = _fields_shown(result, code)
        assert shown["h1"] == shown["feed title"] == TITLE and shown["head title"].startswith(TITLE), shown
        # A note naming no region: Hong Kong's page shows Taiwan's only words the Hong Kong way (session 52, region-only).
        described = DESCRIPTION if code == "zh-Hant-TW" else "設定檔放在模板目錄，透過軟件/硬件部署"
        assert shown["meta"] == shown["feed summary"] == described and described in shown["home card"], shown
        assert shown["toc"][1] == shown["link title"] == HEADING, shown
    # Nothing of how the fold marked the author's words is left in any file (root stubs, search indexes).
    texts = [p for p in result.site_dir.rglob("*") if p.suffix in {".html", ".xml", ".json", ".js"}]
    assert not [p for p in texts if "\ufdd0" in p.read_text(encoding="utf-8")]
    hans = result.page("zh-Hans/notes/t/index.html")
    assert "这是一篇用繁体字写的笔记" in hans
    tw = result.page("zh-Hant-TW/notes/t/index.html")
    assert "這是一篇用繁體字寫的筆記" in tw
    # The Simplified page the mainland way; the Traditional pages with the author's own words, not the rules'
    # words converted back (政府支持 NGO, 生成器, 緩存, 異步 in Hong Kong), in each variant's characters.
    text = {
        code: re.sub(r"<[^>]*>", "", result.page(f"{code}/notes/t/index.html"))
        for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")
    }
    assert (
        "静态网站生成器把笔记转成网页。这个方法是异步的。请清除缓存，在新窗口开启链接。政府支援 NGO 的救灾工作。"
        "家里的臭氧发生器坏了。两岸的电视台不同步播出这部剧。" in text["zh-Hans"]
    )
    assert (
        AUTHORS_WORDS in text["zh-Hant-TW"]
    )  # a note naming no region: Taiwan's page as typed (台, not s2twp's 臺)
    assert (
        AUTHORS_WORDS.replace("開啟", "開啓")
        .replace("家裡", "家裏")
        .replace("是非同步", "是異步")
        .replace("非同步播出", "不同步播出")
        in text["zh-Hant-HK"]
    )  # s2hkp's characters; 非同步 is Taiwan's only (region-only): the Hong Kong way, 異步 / 不同步 by sense
    # The editor's phrases read backwards and the regional words the mainland way (rv28); the author's words
    # on the Traditional pages.
    assert "迈克尔·贝瑞读过《大空头》，香港译作《大空头》。我们开视频会议，讨论硅芯片。" in text["zh-Hans"]
    assert RV28_WORDS in text["zh-Hant-TW"]
    assert RV28_WORDS.replace("讀過", "讀過") in text["zh-Hant-HK"]
    # Words no rule rewrote that the way back would (文件 → 檔案, 項目 → 專案): as typed on Taiwan's page, in the
    # table's header too; Hong Kong's page converted as before (its characters), the Simplified page unchanged.
    hexo = {
        "zh-Hans": "本文档提供更新项目的说明，请参阅文档。",
        "zh-Hant-HK": "本文件提供更新項目的説明，請參閲文件。",
    }
    for code, words in {**hexo, "zh-Hant-TW": HEXO_WORDS}.items():
        page = result.page(f"{code}/notes/t/index.html")
        # The editor's note (after 的說明) in the variant's words, not the author's as typed; the passage's theme.
        note = re.search(r'<span class="zd-anno" .*?</span></span></span>', page, re.S)
        assert note and re.sub(r"<[^>]*>", "", page.replace(note[0], "")).count(words) == 1, (code, page)
        # The passage's anchor is its text folded by no domain's rules: the same before and after 文件 → 文档 (a
        # software site's from-hant rule), and whatever the site's domain (NoteLoading.slugify).
        assert 'id="p-75b7e297" class="zd-has-tm"><span class="zd-tm" data-zd-tm="docs">' in page, code
        theme = result.page(f"{code}/themes/docs/index.html")
        assert "../../notes/t/#p-75b7e297" in theme and "../../notes/hk/#p-" in theme, code
    tw = result.page("zh-Hant-TW/notes/t/index.html")
    assert "編者的說明" in tw and "编者" not in tw
    # The runs kept as typed are wrapped on the Traditional pages only: the Simplified page's HTML is as it was.
    assert 'class="zd-conv zd-typed"' in tw and "zd-typed" not in result.page("zh-Hans/notes/t/index.html")
    headers = re.findall(r"<th>(.*?)</th>", tw)
    assert [re.sub(r"<[^>]*>", "", h) for h in headers] == ["項目", "說明"], headers
    # The glossary marks the terms the names came back as, in every variant (the same terms written in Simplified are).
    marked = r'<span class="zd-gloss"[^>]*data-zd-gloss="([^"]+)"'
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        terms = re.findall(marked, result.page(f"{code}/notes/t/index.html"))
        assert len(terms) >= 2 and len(set(terms)) == 2, (code, terms)
    # Heading ids come from the Simplified form in every variant.
    ids = re.findall(r'<h2 id="([^"]+)"', hans)
    assert ids == re.findall(r'<h2 id="([^"]+)"', tw) == ["资料与软体"] or ids == re.findall(
        r'<h2 id="([^"]+)"', tw
    )


def test_variants_are_configuration(site_builder):
    extra = {
        "code": "zh-Hans-SG",
        "name": "简体·新加坡",
        "prefix": "zh-Hans-SG",
        "script": "Hans",
        "opencc_from_hans": None,
        "opencc_from_hant": "t2s",
        "material_language": "zh",
        "og_locale": "zh_SG",
    }
    from conftest import repo_config

    variants = [*repo_config()["extra"]["zhudu"]["variants"], extra]
    result = site_builder(notes={"a.md": NOTE.format(body=BODY)}, zhudu={"variants": variants})
    assert result.ok, result.log
    assert '<html lang="zh-Hans-SG"' in result.page("zh-Hans-SG/notes/a/index.html")


def test_a_variant_prefix_is_one_folder(site_builder):
    from conftest import repo_config

    variants = [dict(v) for v in repo_config()["extra"]["zhudu"]["variants"]]
    variants[1]["prefix"] = "hant/tw"
    result = site_builder(notes={"a.md": NOTE.format(body=BODY)}, zhudu={"variants": variants})
    assert not result.ok
    assert "zh-Hant-TW needs its own prefix, one folder name" in result.log
    assert "Traceback" not in result.log


def test_inline_author_rules(site_builder):
    body = "作者写：-{数据不要转换}- 以及 -{zh-Hans:计算机;zh-Hant-TW:電腦;zh-Hant-HK:電腦}-。\n"
    result = site_builder(notes={"r.md": NOTE.format(body=body)})
    assert result.ok, result.log
    tw = result.page("zh-Hant-TW/notes/r/index.html")
    assert "数据不要转换" in tw and "電腦" in tw and "-{" not in tw
    assert "计算机" in result.page("zh-Hans/notes/r/index.html")


def test_repo_mkdocs_yml_declares_three_variants():
    from conftest import repo_config

    codes = [v["code"] for v in repo_config()["extra"]["zhudu"]["variants"]]
    assert codes == ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"]
    assert (REPO / "docs" / "editorial" / "conversion.yml").is_file()


@pytest.mark.parametrize(
    ("code", "expected", "unexpected"),
    [
        ("zh-Hans", "这些“暖气片”", "这些「"),
        ("zh-Hant-TW", "這些「暖氣片」", "“暖氣片”"),
        ("zh-Hant-HK", "這些「暖氣片」", "“暖氣片”"),
    ],
)
def test_quotation_marks_follow_regional_usage(real_site, code, expected, unexpected):
    page = real_site.build.page(f"{code}/notes/ai-bubble-open-source-doge-2025/index.html")
    assert expected in page
    body = page[page.index('class="zd-note__body"') :]
    assert unexpected not in body


def test_summary_lines_stay_short_whatever_the_collection(site_builder):
    """Every line the build prints at INFO stays under 200 characters with many notes, many missing
    images and glossary terms in every note; the details are there with --verbose (DEBUG)."""
    notes = {
        f"note-{k:03d}.md": f"---\ntitle: 第{k}篇\n---\n\n讲开源模型和数据中心的第{k}篇笔记。\n\n![图](assets/missing-{k}.png)\n"
        for k in range(80)
    }
    glossary = (
        "- term: 开源\n  explanation: 源代码公开。\n- term: 数据中心\n  explanation: 集中放置服务器的设施。\n"
    )
    result = site_builder(
        notes=notes, editorial={"glossary.yml": glossary}, strict=False, log_level=logging.DEBUG
    )
    assert result.ok, result.log[-2000:]
    info = [line for line in result.log.splitlines() if line.startswith(("INFO", "WARNING"))]
    assert max(len(line) for line in info) <= 200, max(info, key=len)
    assert any(
        "80 missing image(s) drawn as placeholders" in line and "more (mkdocs build --verbose" in line
        for line in info
    )
    assert any("glossary: 2 terms, marked" in line and "in 80 notes" in line for line in info)
    debug = [
        line for line in result.log.splitlines() if line.startswith("DEBUG") and "missing image:" in line
    ]
    assert len(debug) == 80 and "seeds/note-079.md:7 assets/missing-79.png" in "\n".join(debug)


def test_a_paragraph_in_english_carries_lang_en_and_nothing_else_does(tmp_path):
    """An untranslated English paragraph is read and broken as English (also one of short words only,
    "a", "on"), a paragraph holding glossary marks too (their terms are its English words, their Chinese
    explanations open outside it); Chinese, a command, a name list, mixed text, German, Dutch, Italian or
    Portuguese keep the page's language."""
    body = (
        "This paragraph was left in English by the translator, and it is read as English.\n\n"
        "这一段是中文，提到 Hexo 和 the static site generator 也还是中文。\n\n"
        "npm install hexo-cli -g\n\n"
        "Alice Bob Carol Dave Eve\n\n"
        "> A quoted post from the thread, written in English for the reader.\n\n"
        "Ich bin in der Stadt an der Elbe geboren, und das ist gut so.\n\n"
        "Het is een huis in de stad met een tuin.\n\n"
        "A generator builds routes based on processed files.\n\n"
        "Sono a casa in Italia oggi con gli amici.\n\n"
        "Eu vi as casas a noite pelo rio.\n\n"
        "Do no harm in a rush on the road.\n\n"
        "Hexo Plugins on GitHub\n\n"
        "Random action may create at times too, but a Hebbian SNN reservoir is much more efficient.\n"
    )
    glossary = "- term: SNN\n  explanation: 脉冲神经网络。\n- term: Hebbian\n  explanation: 赫布学习规则。\n"
    result = build_site(
        tmp_path, notes={"a.md": NOTE.format(body=body)}, editorial={"glossary.yml": glossary}, strict=True
    )
    assert result.ok, result.log
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        page = result.page(f"{code}/notes/a/index.html")
        tagged = re.findall(r'<(\w+) id="p-[0-9a-f]{8}" lang="en">\s*(?:<p>)?(\w+ \w+)', page)
        # (The Hexo documentation's sentence has only English words other languages share: a, on.)
        # Italian and Portuguese share a / in / as with English (session 30's review); "do" and "no" are English.
        assert tagged == [
            ("p", "This paragraph"),
            ("blockquote", "A quoted"),
            ("p", "A generator"),
            ("p", "Do no"),
            ("p", "Random action"),
        ], tagged
        assert page.count('lang="en"') == 5, code
        marked = page[page.index("Random action") :].split("</p>", 1)[0]
        assert marked.count('class="zd-gloss"') == 2, marked
