"""Obsidian's note embeds (hooks/zhudu/notes/transclusion.py): ``![[乙篇]]`` shows the note, framed, as Obsidian does.

The copy is the embedded note's passage rendered with the page (so in each variant's script), one level
deep, with no id the page's own headings or footnotes have; a missing note, heading or block is a
warning at its line and a dead-link placeholder; the embedding page follows the embedded note's edits
on a warm build and under ``mkdocs serve --dirty``.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Iterator

import pytest
from test_cache import same_tree
from test_serve_incremental import replace_in, served  # noqa: F401  (a fixture)

from conftest import ServedSite, build_site, serve_built
from zhudu.search.extract import extract_page

HOST = (
    "---\ntitle: 甲篇\ndate: 2024-01-02\n---\n\n开头的一段。\n\n![[乙篇]]\n\n![[乙篇#小结]]\n\n"
    "![[乙篇#^blk]]\n\n![[甲篇]]\n\n- ![[乙篇]]\n\n## 小结\n\n甲的小结[^1]。\n\n[^1]: 甲的脚注。\n"
)
EMBEDDED = (
    "---\ntitle: 乙篇\ndate: 2024-01-01\n---\n\n乙的正文讲软件和内存[^1]，见 [[甲篇]]。\n\n![[甲篇]]\n\n"
    "## 小结\n\n乙的小结[^1]，[[#小结|本节]]。 ^blk\n\n## 另一节\n\n不在小结里。\n\n[^1]: 乙的脚注。\n"
)
COPY_RE = re.compile(r'<blockquote class="zd-transclusion".*?</blockquote>', re.DOTALL)


@pytest.fixture(scope="module")
def embedding(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """``HOST`` embedding ``EMBEDDED``, built once and served: its pages read, and looked at in a browser."""
    root = tmp_path_factory.mktemp("embedding") / "p"
    with serve_built(root, notes={"a.md": HOST, "b.md": EMBEDDED}, strict=False) as site:
        yield site


def test_an_embedded_note_is_its_passages_framed_with_a_link_and_no_id_of_the_page(embedding):
    result = embedding.build
    assert result.ok, result.log
    page = result.page("zh-Hans/notes/a/index.html")
    # Itself is a labelled link; an embed in a list item is a copy there too (see the test below).
    whole, section, block, listed = COPY_RE.findall(page)
    assert COPY_RE.sub("", page).count('<span class="zd-note-embed">') == 1
    assert "乙的正文讲软件和内存" in listed
    # The whole note, its heading a bold line, its own embed of this note a labelled link (one level).
    assert "乙的正文讲软件和内存" in whole and "不在小结里" in whole
    assert '<p class="zd-transclusion__heading">小结</p>' in whole
    assert '<span class="zd-note-embed__label">嵌入的笔记</span> <a href="../a/">甲篇</a>' in whole
    assert '<a href="../b/">乙篇</a>' in whole  # the source, linked
    # The heading's section (to the next heading as high), with the footnote it cites.
    assert "乙的小结" in section and "不在小结里" not in section and "乙的正文" not in section
    assert 'href="#fn:zd-embed-2-1"' in section and 'id="fn:zd-embed-2-1"' in page
    # Its footnotes are listed in its frame, numbered from 1 there; the page's list holds the page's own.
    assert re.search(
        r'<div class="footnote zd-transclusion__footnotes">.*id="fn:zd-embed-2-1"', section, re.S
    )
    assert '<a class="footnote-ref" href="#fn:zd-embed-2-1">1</a>' in section
    assert whole.count("footnote-backref") == 2  # cited twice in the whole note: two ways back
    own_list = re.search(r'<div class="footnote">(.*?)</div>', COPY_RE.sub("", page), re.S)
    assert own_list and re.findall(r'<li[^>]* id="([^"]+)"', own_list[1]) == ["fn:1"]
    # A link to a heading of its own page leads to that page.
    assert '<a href="../b/#%E5%B0%8F%E7%BB%93">本节</a>' in section
    assert "乙的小结" in block and "不在小结里" not in block and "小结</p>" not in block
    # The page's own heading keeps its id and is the only heading in the table of contents.
    assert '<h2 id="小结">' in page and "小结_1" not in page
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert [i for i, n in ids.items() if n > 1] == []
    assert 'id="fn:1"' in page and 'href="#fn:1"' in page  # the page's own footnote
    # Searched for on its own page only.
    texts = [p.text for p in extract_page(page, "notes/a/").passages]
    assert any("开头的一段" in t for t in texts) and not any(
        "乙的正文" in t or "乙的小结" in t for t in texts
    )
    # Rendered with the page: converted with it in each variant.
    assert "軟體和記憶體" in COPY_RE.findall(result.page("zh-Hant-TW/notes/a/index.html"))[0]
    # The embedded note's page embeds this one as the copy too, whose embed of 乙篇 is a link.
    back = COPY_RE.findall(result.page("zh-Hans/notes/b/index.html"))
    assert len(back) == 1 and "开头的一段" in back[0] and "zd-transclusion__heading" in back[0]
    assert '<span class="zd-note-embed__label">嵌入的笔记</span> <a href="../b/">乙篇</a>' in back[0]


def test_an_embed_of_a_missing_note_heading_or_block_is_a_warning_at_its_line_and_a_dead_link(tmp_path):
    host = "---\ntitle: 甲篇\n---\n\n正文。\n\n![[乙篇#没有这节]]\n\n![[乙篇#^nope]]\n\n![[丙篇]]\n"
    result = build_site(tmp_path / "p", notes={"a.md": host, "b.md": EMBEDDED}, strict=False)
    assert result.ok, result.log
    assert any(
        "seeds/a.md:7" in w and "'乙篇' has no heading '没有这节'" in w and "dead link" in w
        for w in result.warnings
    ), result.warnings
    assert any("seeds/a.md:9" in w and "has no block '^nope'" in w for w in result.warnings)
    assert any("seeds/a.md:11" in w and "丙篇" in w for w in result.warnings)
    page = result.page("zh-Hans/notes/a/index.html")
    assert "zd-transclusion" not in page
    assert page.count('class="zd-deadlink"') == 3
    assert "Traceback" not in result.log


def test_a_warm_build_after_the_embedded_note_changes_writes_what_a_cold_build_writes(tmp_path):
    warm_root, cold_root = tmp_path / "warm", tmp_path / "cold"
    notes = {"a.md": HOST, "b.md": EMBEDDED}
    first = build_site(warm_root, notes=notes, strict=False)
    assert build_site(cold_root, notes=notes, strict=False, zhudu={"cache_dir": ""}).ok
    assert same_tree(warm_root / "site", cold_root / "site") == ""
    assert build_site(warm_root, strict=False).ok  # warm, nothing changed
    assert same_tree(warm_root / "site", cold_root / "site") == ""
    for root in (warm_root, cold_root):
        text = (root / "seeds/b.md").read_text(encoding="utf-8")
        (root / "seeds/b.md").write_text(text.replace("乙的小结", "乙改过的小结"), encoding="utf-8")
    warm = build_site(warm_root, strict=False)
    shutil.rmtree(cold_root / "site")
    cold = build_site(cold_root, strict=False, zhudu={"cache_dir": ""})
    assert same_tree(warm_root / "site", cold_root / "site") == ""
    assert warm.warnings == cold.warnings == first.warnings
    assert "乙改过的小结" in COPY_RE.findall(warm.page("zh-Hans/notes/a/index.html"))[1]


@pytest.mark.slow  # runs a server: collected first (conftest)
def test_under_serve_the_embedding_page_follows_the_embedded_notes_edits(served):  # noqa: F811
    root, server, compare, _url = served
    seeds = root / "seeds"
    assert compare() == [], "the first build"
    assert compare(lambda: (seeds / "b.md").write_text(EMBEDDED, encoding="utf-8")) == []
    assert compare(lambda: (seeds / "a.md").write_text(HOST, encoding="utf-8")) == []
    assert compare(lambda: replace_in(seeds / "b.md", "乙的小结", "乙改过的小结")) == []
    page = (server.site_dir() / "zh-Hans/notes/a/index.html").read_text(encoding="utf-8")
    assert "乙改过的小结" in COPY_RE.findall(page)[1]


def test_an_embedded_note_looks_like_a_framed_quote_with_its_source(tmp_path, page, embedding):
    site = embedding
    page.goto(site.url + "zh-Hans/notes/a/", wait_until="load")
    copy = page.locator("blockquote.zd-transclusion").first
    copy.scroll_into_view_if_needed()
    page.wait_for_function("document.fonts.status === 'loaded'")
    copy.screenshot(path=str(tmp_path / "transclusion.png"))  # looked at when the test was written
    style = copy.evaluate(
        "e => { const s = getComputedStyle(e); return [s.borderLeftStyle, s.borderLeftWidth] }"
    )
    assert style[0] == "solid" and float(style[1].rstrip("px")) >= 2
    heading = page.locator(".zd-transclusion__heading").first
    assert int(heading.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
    source = page.locator(".zd-transclusion__source a").first
    assert source.evaluate("a => a.href").endswith("/zh-Hans/notes/b/")
    # The page's table of contents lists the page's own heading only.
    toc = page.locator(".md-sidebar--secondary .md-nav__link").all_inner_texts()
    assert [t.strip() for t in toc if t.strip()].count("小结") <= 1
    assert page.zd.console_errors == []


EDITORIAL = {
    "themes.yml": "themes:\n  mem:\n    name: 内存\n    description: 记忆体。\n    phrases: [内存]\n",
    "glossary.yml": "- term: 内存\n  explanation: 存储器。\n",
    "annotations.yml": (
        "- id: mem\n  note: b\n  kind: context\n  quote:\n    exact: 软件和内存\n  body: 一条编者注。\n"
    ),
}


def test_themes_glossary_and_editors_notes_point_at_the_embedded_notes_own_passages(tmp_path):
    result = build_site(
        tmp_path / "p", notes={"a.md": HOST, "b.md": EMBEDDED}, editorial=EDITORIAL, strict=False
    )
    assert result.ok, result.log
    assert not [w for w in result.warnings if "annotations.yml" in w], result.warnings
    host, own = result.page("zh-Hans/notes/a/index.html"), result.page("zh-Hans/notes/b/index.html")
    copies = COPY_RE.findall(host)
    assert len(copies) == 4 and "软件和内存" in copies[0]
    # The copy is the other note's passages: no passage anchor, theme marker, glossary mark or editor's note.
    for copy in copies:
        assert not re.search(r'\sid="p-[0-9a-f]{8}', copy), copy
        assert "zd-tm" not in copy and "zd-gloss" not in copy and "zd-anno" not in copy
    # They are on the embedded note's own page, where the theme and glossary pages lead.
    assert "zd-tm" in own and "zd-gloss" in own and "zd-anno" in own
    for listing in ("zh-Hans/themes/mem/index.html", "zh-Hans/glossary/index.html"):
        links = re.findall(r'href="(?:\.\./)+notes/([^"/]+)/#p-', result.page(listing))
        assert links and set(links) == {"b"}, (listing, links)


NESTED = (
    "---\ntitle: 甲篇\n---\n\n开头。\n\n- 第一项\n- ![[乙篇#小结]]\n- 第三项\n\n"
    "> 引文一句。\n>\n> ![[乙篇#^blk]]\n\n> - 引文里的列表\n> - ![[乙篇#另一节]]\n\n"
    "1. 有序\n\n    ![[乙篇]]\n\n2. 后一项\n\n![[乙篇#引用里的标题]]\n\n- ![[丙篇]]\n\n正文[^1]。\n\n[^1]: 甲的脚注。\n"
)
QUOTED_HEADING = "\n> ### 引用里的标题\n>\n> 引用里。\n"
WITH_HTML = "---\ntitle: 丙篇\n---\n\n<div>块</div>\n\n正文。\n"


@pytest.fixture(scope="module")
def nested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """``NESTED``'s embeds in lists and quotes, built once and served: its pages read, and looked at."""
    root = tmp_path_factory.mktemp("nested") / "p"
    notes = {"a.md": NESTED, "b.md": EMBEDDED + QUOTED_HEADING, "c.md": WITH_HTML}
    with serve_built(root, notes=notes, strict=False) as site:
        yield site


def test_an_embed_in_a_list_item_or_a_quote_is_its_copy_there(nested):
    result = nested.build
    assert result.ok, result.log
    page = result.page("zh-Hans/notes/a/index.html")
    body = page[page.index("开头。") : page.index('<div class="footnote">')]
    # In the item, in the quote, in the quote's item and under the ordered item: each a framed copy there.
    item = re.search(
        r"<li[^>]*>\s*(<blockquote class=\"zd-transclusion\">.*?</blockquote>)\s*</li>", body, re.S
    )
    assert item and "乙的小结" in item[1] and "不在小结里" not in item[1]
    assert '<p class="zd-transclusion__heading">小结</p>' in item[1]
    assert re.search(
        r'<div class="footnote zd-transclusion__footnotes">.*id="fn:zd-embed-1-1"', item[1], re.S
    )
    quote = re.search(
        r"<blockquote[^>]*>\s*<p[^>]*>引文一句。</p>\s*(<blockquote class=\"zd-transclusion\">.*?)</blockquote>",
        body,
        re.S,
    )
    assert quote and "乙的小结" in quote[1]
    assert re.search(r"<li>\s*<blockquote class=\"zd-transclusion\">.*?不在小结里", body, re.S)
    assert re.search(
        r"<p[^>]*>有序</p>\s*<blockquote class=\"zd-transclusion\">.*?乙的正文讲软件和内存", body, re.S
    )
    assert re.search(r"<p[^>]*>后一项</p>", body)  # the list goes on after the copy
    assert body.count('<blockquote class="zd-transclusion">') == 4
    # A heading in the embedded note's quote is neither the page's heading nor an id of it.
    assert "<h3" not in body and body.count('<p class="zd-transclusion__heading">引用里的标题</p>') == 2
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert [i for i, n in ids.items() if n > 1] == []
    # What cannot be a copy there is a labelled link, and a warning says why at its line.
    assert any("seeds/a.md:24" in w and "inside a quote or a list" in w for w in result.warnings), (
        result.warnings
    )
    assert any("seeds/a.md:26" in w and "holds HTML blocks" in w for w in result.warnings), result.warnings
    assert body.count('<span class="zd-note-embed">') == 3  # and the whole note's own embed of 甲篇
    # A section's footnote it does not cite (乙篇's last section holds the definitions) is not copied.
    own_list = page[page.index('<div class="footnote">') :]
    assert re.findall(r'<li[^>]* id="(fn:[^"]+)"', own_list) == ["fn:1"]
    assert "never referenced" not in result.log
    assert "軟體和記憶體" in result.page("zh-Hant-TW/notes/a/index.html")


def test_a_copy_in_a_list_item_is_framed_with_its_footnotes_inside(tmp_path, page, nested):
    site = nested
    page.goto(site.url + "zh-Hans/notes/a/", wait_until="load")
    copy = page.locator("li > blockquote.zd-transclusion").first
    copy.scroll_into_view_if_needed()
    page.wait_for_function("document.fonts.status === 'loaded'")
    page.locator("article.zd-note").screenshot(path=str(tmp_path / "nested.png"))  # looked at when written
    style = copy.evaluate(
        "e => { const s = getComputedStyle(e); return [s.borderLeftStyle, s.borderLeftWidth] }"
    )
    assert style[0] == "solid" and float(style[1].rstrip("px")) >= 2
    box, notes_box = copy.bounding_box(), copy.locator(".zd-transclusion__footnotes").bounding_box()
    assert (
        box
        and notes_box
        and box["y"] <= notes_box["y"] < notes_box["y"] + notes_box["height"] <= box["y"] + box["height"]
    )
    assert copy.locator(".footnote-ref").inner_text() == "1"
    listed = copy.locator(".zd-transclusion__footnotes > ol")
    assert listed.evaluate("e => getComputedStyle(e).listStyleType") == "decimal"  # not Material's a, b
    assert page.zd.console_errors == []
