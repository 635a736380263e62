"""The build's fast paths give exactly what the plain paths give.

* ``script.html_many`` / ``Converter.convert_pieces`` (one tokenizing pass for every
  variant) against ``Converter.html`` per variant;
* ``search.page_text`` (a variant's searchable text from its converted pieces) against
  ``search.extract_page`` (parsing the written HTML again), and the attributes the outline reads
  from the tokenizer's text of a start tag against HTMLParser reading that tag;
* ``search.vocabulary`` with its process-wide jieba tokenizer against a fresh tokenizer.

Real OpenCC, real rules file, real jieba, real builds.
"""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from zhudu.annotate import glossary, textmarks
from zhudu.script.convert import (
    DEFAULT_VARIANTS,
    Converter,
    HtmlTokens,
    html_many,
    load_rules,
    opencc_converter,
    tokenize_html,
)
from zhudu.search import index as search
from zhudu.search import shards as search_shards

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules(
    ROOT / "docs" / "editorial" / "conversion.yml", known_variants=[v.code for v in DEFAULT_VARIANTS]
)
CONVERTERS = [Converter(v, RULES) for v in DEFAULT_VARIANTS]
ARTICLE = '<article class="md-content__inner md-typeset">{}</article>'

DOCUMENTS = [
    "",
    "后来的软件",
    "<p>计算机和信息</p>",
    '<p>计算机<span class="zd-conv" data-zd-conv="zh-Hant-TW:電腦">计算机</span>后来</p>',
    '<p>a<span class="zd-conv" data-zd-conv="zh-Hant-TW:電腦"></span>后</p>',  # empty rule span
    '<p><span class="zd-conv" data-zd-conv="zh-Hant:電腦">计<b>算</b><span>机</span></span>后</p>',
    '<p><span class="zd-conv" data-zd-conv="zh-Hant-TW:電腦">未闭合的规则',  # unclosed
    '<p>后<code>后来</code><span class="zd-noconv">后来</span><em translate="no">后来</em>后</p>',
    '<p title="后来">后<script>var a = "<b>后</b>";</script>后 &amp; &lt; < 后</p>',
    '<meta name="description" content="后来的软件"><meta name="x" content="后来"><img alt="后来" src="a.png"/>',
    "<!-- 后来 --><!doctype html><![CDATA[后来]]><p>“后来”的‘信息’</p>",
    '<svg><path d="M0"/><title>后来</title></svg><pre><span>后来</span></pre><br/>后',
]


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_html_many_is_html_per_variant(doc: str) -> None:
    assert html_many(doc, CONVERTERS) == [c.html(doc) for c in CONVERTERS]
    tokens = tokenize_html(doc, events=True)
    assert "".join(tokens.pieces) == doc
    for converter in CONVERTERS:
        assert "".join(converter.convert_pieces(tokens)) == converter.html(doc)
    assert tokenize_html(doc).pieces == tokens.pieces  # the recorded structure changes no piece
    assert tokenize_html(doc, events=True, opaque=search.SKIPPED_CLASSES).pieces == tokens.pieces


def test_a_full_memo_starts_afresh_and_converts_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Converters' memos are bounded (a long serve, thousands of notes): filling up changes no output."""
    from zhudu.script import memo

    monkeypatch.setattr(memo, "MEMO_CHARS", 200)
    bounded = [Converter(v, RULES) for v in DEFAULT_VARIANTS]
    for doc in [*DOCUMENTS, *DOCUMENTS]:  # the second round meets pieces the memo held, then dropped
        tokens = tokenize_html(doc)
        for small, converter in zip(bounded, CONVERTERS, strict=True):
            assert "".join(small.convert_pieces(tokens)) == converter.html(doc)
            assert small.text(doc) == converter.text(doc)
        for c in bounded:  # within its characters, or holding only this page's pieces
            assert c._pieces_done.chars <= 200 or set(c._pieces_done.data) <= set(tokens.todo_src)
            assert c._runs_done.chars <= 200 or len(c._runs_done.data) <= len(tokens.todo_src)


def test_html_many_converts_the_repository_pages(real_site) -> None:  # type: ignore[no-untyped-def]
    pages = sorted((real_site.build.site_dir / "zh-Hans").rglob("*.html"))
    assert len(pages) > 5
    for path in pages:
        doc = path.read_text(encoding="utf-8")
        assert html_many(doc, CONVERTERS) == [c.html(doc) for c in CONVERTERS], path


def _tokens_without_memo(doc: str, monkeypatch: pytest.MonkeyPatch, **how: Any) -> HtmlTokens:
    """``tokenize_html`` reading every token (no line is ever cut off for the memo)."""
    from zhudu.script import html_tokens as script

    with monkeypatch.context() as m:
        m.setattr(script, "_LINE_START_RE", re.compile(r"(?!)"))
        return tokenize_html(doc, **how)


#: Lines that open or close something the tokenizer tracks across lines (skipped, opaque and
#: rule elements, raw text, comments, unclosed quotes, a lone "<"), so that a line met with
#: nothing open also turns up inside each of them.
TRICKY_LINES = [
    "<p>后来的软件</p>",
    "<pre><code>后来",
    "后来</code></pre>",
    '<div class="zd-tm">主题<span>嵌</span>',
    "</div>后",
    '<span class="zd-conv" data-zd-conv="zh-Hant-TW:電腦">计算机',
    "</span>后",
    '<span class="zd-conv" data-zd-conv="zh-Hant-TW:電腦"></span>',
    '<a title="后来',
    '">后来</a>',
    "< 后来",
    "<script>var a = '",
    "<b>后</b>';</script>后",
    "<!-- 后来",
    "--> 后",
    '<p title="后来" translate="no">后来</p>',
    '<meta name="description" content="后来的软件">',
    "<!doctype html>",
    '<img alt="后来" src="a.png"/>',
    "<em>信息</em> 网络",
    "<![CDATA[后来",
    "]]>",
    "<style>p{}</style><textarea>后来</textarea>",
    '<span class="zd-noconv">后来',
    "</span>",
]


@pytest.mark.parametrize("how", [{}, {"events": True}, {"events": True, "opaque": search.SKIPPED_CLASSES}])
def test_lines_read_from_the_memo_tokenize_as_read_afresh(how: dict[str, Any], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Repeated lines come from the tokenizer's memo: in every context they read as the loop reads them."""
    from zhudu.script import html_tokens as script

    monkeypatch.setattr(script, "_LINE_MEMOS", {})
    rng = random.Random(20261123)
    for _ in range(400):
        lines = rng.choices(TRICKY_LINES, k=rng.randint(1, 24))
        doc = "".join(line + "\n" + " " * rng.randint(0, 3) for line in lines)
        got = tokenize_html(doc, **how)
        assert got == _tokens_without_memo(doc, monkeypatch, **how), doc
        assert "".join(got.pieces) == doc
    assert sum(len(memo.lines) for memo in script._LINE_MEMOS.values()) > 20  # the memo was used


def test_the_repository_pages_tokenize_as_read_afresh(real_site, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pages = sorted((real_site.build.site_dir / "zh-Hans").rglob("*.html"))
    for how in ({}, {"events": True, "opaque": search.SKIPPED_CLASSES}):
        for path in [*pages, *pages]:  # the second round reads the lines the first one kept
            doc = path.read_text(encoding="utf-8")
            assert tokenize_html(doc, **how) == _tokens_without_memo(doc, monkeypatch, **how), path


PASSAGES = [
    '<h1>标题</h1><p id="p-1" data-zd-passage>计算机和信息</p>',
    '<h2 id="s">一节<a class="headerlink" href="#s">#</a></h2><p id="p-1" data-zd-passage>甲<b>乙</b>后来</p>',
    '<p id="p-1" data-zd-passage>计算机<span class="zd-conv" data-zd-conv="zh-Hant-TW:電腦">计<b>算</b>机</span>后</p>',
    '<p id="p-1" data-zd-passage>后 &amp; &lt;b&gt; &#21518; <code>后来</code><span class="zd-noconv">后</span></p>',
    '<ul><li id="p-2" data-zd-passage>信息<script>var a = "<p>后</p>"</script>后<img alt="后"><br/></li></ul>',
    '<p id="p-3" data-zd-passage>写 a href="x" 或 "search": "y" 后</p>',  # text later steps could rewrite
    '<p id="p-4" data-zd-passage>界面\ue000search.placeholder\ue001后</p>',
    '<table><tbody><tr id="p-5" data-zd-passage><td>后来</td><td>软件<svg><path d="x"/></svg></td></tr></tbody></table>',
    '<p id="p-6" data-zd-passage>a<span class="zd-conv" data-zd-conv="zh-Hant-TW:電腦"></span>后</p>',
    '<h3 ID="大写" CLASS="x">節</h3><blockquote id="p-7" data-zd-passage><p>引用<p>未闭合</blockquote>后',
    # Theme markers and editor's notes: skipped whole by the index, nesting and all.
    '<p id="p-8" data-zd-passage>甲<span class="zd-tm"><button class="zd-tm__btn">2</button><span class="zd-tm__panel">'
    '<span>嵌<span>套</span></span><a class="zd-tm__link" href="x">后来</a></span></span>乙</p>',
    '<p id="p-9" data-zd-passage>甲<span class=\'a zd-anno-note\'><span class="zd-conv" data-zd-conv="zh-Hant-TW:電腦">'
    '</span>注</span>乙<span class=zd-sr-only>读屏</span><span class="zd-tm__x">留下</span></p>',
    # What the outline's fast paths pass by: names in any case, classes as written, ends that
    # close something watched or do not match the innermost element, self-closing elements.
    '<P ID="p-10" DATA-ZD-PASSAGE>甲<SPAN CLASS="ZD-TM">大写的类</SPAN><i><b>乙</i>丙</b>丁</P>后',
    '<div><p id="p-11" data-zd-passage>甲<span><span/>乙</span><h2 id="n">内</h2></p></div><h4>节</h4>'
    '<section><p id="p-12" data-zd-passage><em>甲</em></section>乙</p>',
    # An end tag nothing opened (a stray </code> in a table cell) closes nothing.
    '<table><tr id="p-13" data-zd-passage><td><code>甲</code>乙</code></td></tr></table><p id="p-14" data-zd-passage>后</p>',
    # An editor's note's text (not its head) with its passage; glossary entries, their terms first, by anchor.
    '<p id="p-15" data-zd-passage>甲<span class="zd-anno-note"><span class="zd-anno-note__head">核查</span>'
    '<span class="zd-anno-note__body">注文</span><span class="zd-anno-note__source">来源：<a>甲</a></span></span>'
    '乙</p><h2 id="z">软件</h2><div class="zd-gloss-entry">'
    '<p class="zd-gloss-entry__text">说明</p><ul class="zd-gloss-entry__where"><li>某篇</li></ul></div>'
    '<h2 id="a">计算机</h2><div class="zd-gloss-entry"><p class="zd-gloss-entry__aliases">又作：电脑</p></div>',
]


@pytest.mark.parametrize("body", PASSAGES)
def test_page_text_is_extract_page(body: str) -> None:
    doc = "<html><head><title>页 - 注读</title></head><body>" + ARTICLE.format(body) + "</body></html>"
    for opaque in (None, search.SKIPPED_CLASSES):  # the build leaves out what the index skips
        tokens = tokenize_html(doc, events=True, opaque=opaque)
        outline = search.outline(tokens.events) if tokens.events is not None else None
        for converter in CONVERTERS:
            pieces = converter.convert_pieces(tokens)
            html = "".join(pieces)
            expected = search.extract_page(html, "notes/x/")
            assert expected.passages or expected.title  # the case exercises something
            if outline is not None:
                assert search.page_text(outline, pieces, html, "notes/x/") == expected


def test_page_text_reads_quoted_urls_and_json_from_the_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """A passage quoting ``href="…"`` or JSON is read from its pieces, not by parsing the page again.

    The build re-aims URLs and Material's config before it tokenizes a page, so nothing rewrites such
    text afterwards (a third of the Hexo documentation's pages were parsed again for it).
    """
    from zhudu.search import extract

    body = (
        PASSAGES[5]
        + '<p id="p-2" data-zd-passage>写 <code>&lt;a href="../x/"&gt;</code> 和 {"base": "/"} 后</p>'
    )
    doc = "<html><head><title>页 - 注读</title></head><body>" + ARTICLE.format(body) + "</body></html>"
    tokens = tokenize_html(doc, events=True, opaque=search.SKIPPED_CLASSES)
    assert tokens.events is not None
    outline = search.outline(tokens.events)
    converted = [converter.convert_pieces(tokens) for converter in CONVERTERS]
    expected = [search.extract_page("".join(pieces), "notes/x/") for pieces in converted]
    assert all(len(e.passages) == 2 for e in expected)

    def parsed_again(html: str, url: str) -> search.PageText:
        raise AssertionError("the page was parsed again")

    monkeypatch.setattr(extract, "extract_page", parsed_again)
    for pieces, want in zip(converted, expected, strict=True):
        assert search.page_text(outline, pieces, "".join(pieces), "notes/x/") == want


AROUND_THE_ARTICLE = [
    # What comes before and after Material's article: the outline skips it, the extractor reads it.
    '<header><h1 id="x">站名</h1><p id="p-0" data-zd-passage>页头</p></header><div><nav><ul><li>后来</li>'
    "</ul></nav>" + ARTICLE.format('<p id="p-1" data-zd-passage>正文</p>') + "</div><footer>页脚</footer>",
    '<article class="other"><p id="p-0" data-zd-passage>别的文章</p></article>'
    + ARTICLE.format('<h2 id="s">节</h2><p id="p-1" data-zd-passage>正文</p>'),
    # An end tag of an element opened outside the article closes nothing in it (a stray one, as </code>, neither);
    # a second article after it is read as well.
    "<div><section>"
    + ARTICLE.format('<p id="p-1" data-zd-passage>正文</section><p id="p-2" data-zd-passage>之后</p>')
    + "</div>"
    + ARTICLE.format('<p id="p-3" data-zd-passage>第二篇</p>'),
    '<main><article class="md-content__inner"/><p id="p-1" data-zd-passage>自闭合之后</p></main>'
    + ARTICLE.format('<h1>标题</h1><p id="p-2" data-zd-passage>正文</p>'),
]


def _page_text_as_the_build_reads_it(doc: str, url: str = "x/") -> int:
    """Check that every variant's text, read as the build does, is what ``extract_page`` reads;
    returns the passages found."""
    tokens = tokenize_html(doc, events=True, opaque=search.SKIPPED_CLASSES)
    assert tokens.events is not None
    outline = search.outline(tokens.events)
    passages = 0
    for converter in CONVERTERS:
        pieces = converter.convert_pieces(tokens)
        html = "".join(pieces)
        expected = search.extract_page(html, url)
        assert search.page_text(outline, pieces, html, url) == expected, doc[:200]
        passages += len(expected.passages)
    return passages


@pytest.mark.parametrize("body", AROUND_THE_ARTICLE)
def test_page_text_skips_what_is_around_the_article_as_the_extractor_does(body: str) -> None:
    doc = "<html><head><title>页 - 注读</title></head><body>" + body + "</body></html>"
    assert _page_text_as_the_build_reads_it(doc) >= len(CONVERTERS)


#: Start tags whose attributes the outline reads from the tokenizer's ``attrs`` text.
START_TAGS = [
    '<p id="p-1" data-zd-passage>',
    "<P ID='p-2' DATA-ZD-PASSAGE=\"\" Class=ZD-TM>",
    '<h2 id="a&amp;b&#21518;" class = "x  headerlink" title=\'"引"\'>',
    "<span class=zd-anno-note/>",
    '<a class="headerlink"href="#s"/title=x>',
    '<img alt="a>b" src=x.png/>',
    '<div data-x==y id  =  "z" empty= checked>',
    '<article class="md-content__inner md-typeset" data-md-component=content>',
    "<x-tag:y class='zd-sr-only' \n\t id=n>",
    "<p>",
]


class _StartTagReader(HTMLParser):
    """The plain reading: HTMLParser's report of each start tag of a document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


@pytest.mark.parametrize("tag", START_TAGS)
def test_outline_reads_attributes_as_html_parser_does(tag: str) -> None:
    (event,) = [e for e in tokenize_html(tag, events=True).events or [] if e[0] == "s"]
    plain = _StartTagReader()
    plain.feed(tag)
    plain.close()
    ((name, attrs),) = plain.tags
    assert event[1] == name
    search._ATTRS_MEMO.clear()
    for _ in range(2):  # read, then remembered
        assert list(search._StartTagAttrs().parse(event[2])) == attrs


def test_opaque_elements_are_left_out_of_the_events() -> None:
    doc = ARTICLE.format(
        '<p id="p-1" data-zd-passage>甲<span class="zd-tm"><span>乙</span><b>丙</b></span>丁</p>'
    )
    full = tokenize_html(doc, events=True).events
    lean = tokenize_html(doc, events=True, opaque={"zd-tm"}).events
    assert full is not None and lean is not None
    named = [e[1] for e in lean if e[0] in "se"]
    assert named == ["article", "p", "span", "span", "p", "article"]  # the marker, empty
    assert len(lean) == len(full) - 6


def test_page_text_reads_the_repository_pages(real_site) -> None:  # type: ignore[no-untyped-def]
    pages = sorted((real_site.build.site_dir / "zh-Hans").rglob("*.html"))
    passages = sum(_page_text_as_the_build_reads_it(path.read_text(encoding="utf-8")) for path in pages)
    assert passages > 100


def test_built_index_holds_the_written_pages_text(site_builder) -> None:  # type: ignore[no-untyped-def]
    note = (
        "---\ntitle: 测试\n---\n\n## 一节\n\n计算机-{zh-Hans:计算机;zh-Hant-TW:電腦;zh-Hant-HK:電腦}-的信息。\n\n"
        '- 软件 `代码 后来` 和 -{不转换的后来}- 网络\n- 写 `"search": "x"` 的后来\n'
        '- 链接写成 `<a href="../other/">` 的后来\n\n> 引用的**数据**中心\n'
    )
    result = site_builder(notes={"n.md": note})
    assert result.ok, result.log
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        index = search_shards.documents(result.site_dir / code / "search")
        written = search.extract_page(result.page(f"{code}/notes/n/index.html"), "notes/n/")
        docs = {d["location"]: d for d in index}
        assert docs["notes/n/"]["title"] == written.title
        assert len(written.passages) == 5
        for p in written.passages:
            doc = docs[f"notes/n/#{p.anchor}"]
            assert (doc["text"], doc["title"]) == (p.text, p.section or written.title)
    tw = search_shards.documents(result.site_dir / "zh-Hant-TW" / "search")
    assert any("電腦的資訊" in d["text"] for d in tw)


def _fresh_vocabulary(texts: list[str], extra: list[str]) -> list[str]:
    """search.vocabulary as it was before the cache: a new tokenizer every time."""
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in sorted(set(extra)):
        if word.strip():
            tokenizer.add_word(word.strip(), freq=1000)
    words = {w for w in extra if search._HAN_RE.search(w)}
    for text in texts:
        for word in tokenizer.cut_for_search(text, HMM=False):
            if len(word) >= 2 and search._HAN_RE.search(word):
                words.add(word)
    return sorted(words)


def test_vocabulary_reuses_its_tokenizer_until_the_domain_words_change() -> None:
    texts = ["数据中心的建设带来了就业", "开源软件和网络", "大模型时代的算力"]
    assert search.vocabulary(texts, ["算力", "大模型"]) == _fresh_vocabulary(texts, ["算力", "大模型"])
    first = search._JIEBA[0].tokenizer
    assert search.vocabulary(texts[:2], ["大模型", "算力"]) == _fresh_vocabulary(
        texts[:2], ["算力", "大模型"]
    )
    assert search._JIEBA[0].tokenizer is first  # same domain words: no reload
    assert set(search._JIEBA[0].words) == set(texts[:2])  # only the latest build's texts are kept
    changed = ["算力", "大模型", "设带"]  # a new glossary term changes how texts are cut
    assert search.vocabulary(texts, changed) == _fresh_vocabulary(texts, changed)
    assert search._JIEBA[0].tokenizer is not first
    assert "设带" in search.vocabulary(texts, changed)
    assert search.vocabulary(texts, [" 算力", "算力"]) == _fresh_vocabulary(texts, [" 算力", "算力"])


def _glossary_texts(forms: list[str]) -> list[str]:
    """The seeds, and deterministic strings of glossary forms run together with Latin edges and spaces."""
    rng = random.Random(20250516)
    glue = ["", " ", "  ", "a", "1", "的", "x ", "\n", "-"]
    made = []
    for _ in range(300):
        parts = rng.sample(forms, 4) + rng.sample(glue, 4)
        rng.shuffle(parts)
        made.append("".join(p[: rng.randint(1, len(p))] if p and rng.random() < 0.3 else p for p in parts))
    return [p.read_text(encoding="utf-8").lower() for p in sorted((ROOT / "seeds").glob("*.md"))] + made


def test_glossary_trie_finds_what_the_alternation_finds() -> None:
    to_simplified = opencc_converter("t2s").convert
    path = ROOT / "docs" / "editorial" / "glossary.yml"
    matcher = glossary.TermMatcher(
        glossary.load_glossary(path, "glossary.yml", to_simplified).terms, textmarks.CharFold(to_simplified)
    )
    assert matcher.pattern is not None and len(matcher.term_of) > 50
    alternation = re.compile(glossary.alternation_source(matcher.term_of))
    found = 0
    for text in _glossary_texts(sorted(matcher.term_of)):
        folded = matcher.fold.text(text)
        expected = [(m.span(), m.group()) for m in alternation.finditer(folded)]
        assert [(m.span(), m.group()) for m in matcher.pattern.finditer(folded)] == expected, text
        found += len(expected)
    assert found > 500


@pytest.mark.parametrize(
    ("forms", "text"),
    [
        (["ai", "ai模型", "openai"], "openai ai模型 aix ai"),
        (["deep seek", "deep", "seek模型"], "deep  seek模型 deep\tseek deepseek"),
        (["a", "ab", "abc"], "abcabab a"),
        (["ai", "gpt", "大模型", "9号"], "ai 1ai xai中ai gpt2 3gpt -gpt 大模型9号 19号"),
    ],
)
def test_glossary_trie_edges(forms: list[str], text: str) -> None:
    source = glossary.marking._trie_source(forms)
    trie = re.compile(source)
    alternation = re.compile(glossary.alternation_source(forms))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in alternation.finditer(text)]
    assert trie.search(text)
    # No branch starts with the Latin edge's lookbehind: each starts with a character, so the regex
    # engine skips to where a term can start (with the lookbehind first it tried every position).
    assert "(?<!" in source or not any(f[0].isascii() for f in forms)
    assert not re.search(r"(?:^|\(\?:|\|)\(\?<!", source)


def test_second_build_in_one_process_is_the_same(site_builder) -> None:  # type: ignore[no-untyped-def]
    note = "---\ntitle: 测试\n---\n\n数据中心的建设带来了就业。\n\n开源软件和网络。\n"
    first = site_builder(notes={"n.md": note})
    second = site_builder(notes={"n.md": note})  # jieba, compiled templates and YAML data reused
    assert first.ok and second.ok, second.log
    files = sorted(p.relative_to(first.site_dir) for p in first.site_dir.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second.site_dir) for p in second.site_dir.rglob("*") if p.is_file())
    for rel in files:
        assert (first.site_dir / rel).read_bytes() == (second.site_dir / rel).read_bytes(), rel


def _passages_by_partition(tokens: Any, marks: re.Pattern[str]) -> list[list[int]]:
    """The plain way: cut every text piece of the document into passages, keep those with a mark."""
    from zhudu.script.quote_pairing import BLOCK_TAG_RE as _BLOCK_TAG_RE

    pieces, runs, run, last = tokens.pieces, [], [], -1
    for idx in tokens.todo_idx:
        prev = pieces[idx - 1] if idx else ""
        attribute = prev.startswith("<") and not prev.endswith(">")
        if run and (attribute or any(_BLOCK_TAG_RE.match(pieces[i]) for i in range(last + 1, idx))):
            runs.append(run)
            run = []
        run.append(idx)
        if attribute:
            runs.append(run)
            run = []
        last = idx
    if run:
        runs.append(run)
    return [r for r in runs if any(marks.search(pieces[i]) for i in r)]


def test_passages_grown_from_their_marks_are_the_passages_of_the_whole_page(real_site):
    """``script._passages`` works out only the passages holding a mark; they are the plain way's."""
    from zhudu.script.html_tokens import tokenize_html
    from zhudu.script.quote_pairing import passages as _passages

    marks = re.compile("[“”‘’\"']")
    pages = sorted((real_site.build.site_dir / "zh-Hans").rglob("*.html"))
    assert len(pages) >= 20
    extra = [
        '<p title="“甲”">“乙<a href="#">丙</a>丁”</p><div>“戊</div>己”<br>“庚”',
        "<p>“</p>",
        "无标签“一”二",
    ]
    for html in [p.read_text(encoding="utf-8") for p in pages] + extra:
        expected = _passages_by_partition(tokenize_html(html), marks)
        tokens = tokenize_html(html)
        assert _passages(tokens, marks) == expected
        assert _passages(tokens, marks) == expected  # kept for the next variant


def _writer_holds(state: Any) -> tuple[int, int]:
    """In a page writer: the notes it inherited, and the pages it was handed."""
    from zhudu.publish import pagewriter

    return len(pagewriter._FORKED_SITE[0].corpus.notes), len(state[0])


_PROBE_HOOK = '''
"""Asks a page writer, while the build runs, what it holds (test_speed_paths)."""
import sys

from mkdocs.plugins import event_priority

SEEN = {}


@event_priority(100)  # before Zhudu's post_build collects the writers
def on_post_build(config):
    site = sys.modules[ZHUDU_HOOK]._build.site  # MkDocs names a hook module by its path
    SEEN["unfinished"] = len(site._pending)
    SEEN["notes in a writer"], SEEN["pages handed over"] = site._writers.submit(WRITER_HOLDS).result()
    SEEN["notes here"] = len(site.corpus.notes)
'''


def test_page_writers_are_forked_before_the_notes_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page writers are forked in ``on_config``: they share none of the notes (a writer forked
    later copies the build's memory as its garbage collector visits it) and are handed what pages
    need (``workers.HandOverPool``); pages they have not written wait in them, not in the build's
    memory (``WRITERS_BACKLOG``).  ``test_reproducible`` checks the site equals the one-process site."""
    import sys

    from conftest import REPO, build_site
    from zhudu.publish import pagewriter

    monkeypatch.setattr(pagewriter, "WRITERS_BACKLOG", 2)
    probe = tmp_path / "zd_probe_hook.py"
    zhudu_hook = str(REPO / "hooks" / "zhudu_hook.py")
    holds = f"from {__name__} import _writer_holds as WRITER_HOLDS\n"  # a worker unpickles it by name
    probe.write_text(f"ZHUDU_HOOK = {zhudu_hook!r}\n{holds}{_PROBE_HOOK}", encoding="utf-8")
    root = tmp_path / "site-root"
    root.mkdir()
    try:
        result = build_site(
            root,
            repo_notes=True,
            repo_editorial=True,
            zhudu={"workers": 2},
            config={"hooks": [zhudu_hook, str(probe)]},
        )
        seen = dict(sys.modules[str(probe)].SEEN)
    finally:
        sys.modules.pop(str(probe), None)
    assert result.ok, result.log
    assert seen["notes here"] >= 3
    assert seen["notes in a writer"] == 0
    assert seen["pages handed over"] > 20
    assert seen["unfinished"] <= 2 + 1
