"""Zhudu's search index (hooks/zhudu/search/index.py): folding, regional aliases, real builds."""

from __future__ import annotations

import hashlib
import json
import posixpath
import random
import re
import threading
import zlib
from dataclasses import replace
from typing import Any

import pytest

from zhudu.publish import asset_versions
from zhudu.script.convert import opencc_converter
from zhudu.search import index as search
from zhudu.search import shards as search_shards
from zhudu.search import writing
from zhudu.search.word_union import WordUnion

NOTE = "---\ntitle: 测试\n---\n\n数据中心的建设带来了就业。\n\n中华人民共和国成立。\n\n开源软件和网络。\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("資料", "资料"),
        ("ＡＢＣ", "abc"),
        ("DeepSeek", "deepseek"),
        ("數據中心", "数据中心"),
        ("a\u3000b", "a b"),
    ],
)
def test_fold_keeps_length_and_folds(text: str, expected: str) -> None:
    table = search.fold_table(set("资料数据中心"), opencc_converter("t2s").convert)
    assert search.fold(text, table) == expected
    assert len(search.fold(text, table)) == len(text)


@pytest.mark.parametrize("n", [0, 9, 10, 35, 36, 37, 1295, 1296, 36**3 - 1, 36**3, 36**3 + 1, 10**9])
def test_b36_writes_numbers_as_the_worker_parses_them(n: int) -> None:
    """The table of small numbers (made by joining digits) and the computed form agree: ``parseInt(…, 36)``."""
    from zhudu.search import postings

    assert int(postings.b36(n), 36) == n
    assert postings.b36(n) == postings.b36_of(n)
    assert postings.b36(n)[0] != "0" or n == 0


def test_aliases_map_regional_words_to_canonical() -> None:
    table = search.fold_table(set("数据资料软件网络"), opencc_converter("t2s").convert)
    alias, amb = search.aliases(["数据", "资料", "软件", "网络"], [opencc_converter("s2twp").convert], table)
    assert alias["資料"] == "数据" and alias["軟體"] == "软件" and alias["網路"] == "网络"
    assert "资料" in amb  # a canonical word too: the worker prefers the literal reading


def test_extract_page_reads_passages_and_sections() -> None:
    html = (
        '<article class="md-content__inner"><h1>题</h1><p id="p-1" data-zd-passage>甲<b>乙</b></p>'
        '<h2 id="s">节<a class="headerlink">#</a></h2><li id="p-2" data-zd-passage>丙</li></article>'
    )
    page = search.extract_page(html, "notes/x/")
    assert page.title == "题"
    assert [(p.anchor, p.text, p.section, p.section_id) for p in page.passages] == [
        ("p-1", "甲乙", "题", ""),
        ("p-2", "丙", "节", "s"),
    ]


def test_a_stray_end_tag_closes_nothing() -> None:
    """A ``</code>`` the notes' Markdown left without its start (the Hexo docs' zh-tw configuration page, in a
    table cell) is ignored, as a browser ignores it: it closed the article, and the 24 passages after it were
    not searched (設定檔 could not find 設定檔案 there)."""
    html = (
        '<article class="md-content__inner"><h1>题</h1><table><tr id="p-1" data-zd-passage>'
        "<td><code>甲, &lt;code&gt;乙</code> 丙</code></td></tr></table>"
        '<p id="p-2" data-zd-passage>丁</p></article><p id="p-3" data-zd-passage>页外</p>'
    )
    page = search.extract_page(html, "notes/x/")
    assert [(p.anchor, p.text) for p in page.passages] == [("p-1", "甲, <code>乙 丙"), ("p-2", "丁")]


def test_an_editors_note_is_read_with_the_passage_it_annotates() -> None:
    """The reader sees an editor's note at its passage (「Scion」 only in a note on the Taiwan page was not
    found): its text, not its number or kind, is the passage's; a result opens at the passage.  The note's
    text is a run of its own (after a space: a snippet read 「…API開放Planet Labs 的」), without its source
    line (「来源：DeepSeek（维基百科）瞬间，…」 ran into the next sentence)."""
    html = (
        '<article class="md-content__inner"><h1>题</h1><p id="p-1" data-zd-passage>甲。<span class="zd-anno">'
        '<button class="zd-anno-marker"><span class="zd-sr-only">编者注</span>2</button>'
        '<span class="zd-anno-note"><span class="zd-anno-note__head"><span class="zd-anno-note__num">2</span>'
        '<span class="zd-anno-note__kind">核查 · 属实</span></span><span class="zd-anno-note__body">Scion 资产管理公司'
        '</span><span class="zd-anno-note__source">来源：<a href="https://example.com/">维基百科</a></span>'
        "</span></span>瞬间。</p></article>"
    )
    # Where the note is, too: the worker ranks a passage found only there under the author's.
    assert [(p.anchor, p.text, p.notes) for p in search.extract_page(html, "notes/x/").passages] == [
        ("p-1", "甲。 Scion 资产管理公司瞬间。", (3, 15))
    ]


def test_a_glossary_entry_is_a_passage_of_its_term_opening_at_its_heading() -> None:
    """「术语表」's entries had no passage: a term's own entry was not found.  Each entry is one, known by its
    heading's id, its text the term, its aliases and explanation (not its list of places, which names notes);
    in the anchors' order, which every variant shares (each lists the glossary in its own order)."""
    html = (
        '<article class="md-content__inner"><h1 id="术语表">术语表</h1><p id="p-708fc3c8">说明</p>'
        '<h2 id="权重">权重<a class="headerlink" href="#权重">¶</a></h2><div class="zd-gloss-entry">'
        '<p class="zd-gloss-entry__text">模型的参数。</p><p class="zd-gloss-entry__source">来源：<a>甲</a></p>'
        '<ul class="zd-gloss-entry__where"><li><span class="zd-gloss-entry__note">某篇笔记</span></li></ul></div>'
        '<h2 id="agi">AGI</h2><div class="zd-gloss-entry"><p class="zd-gloss-entry__aliases">又作：'
        '<span>通用人工智能</span></p>\n<p class="zd-gloss-entry__text">说明。</p></div></article>'
    )
    page = search.extract_page(html, "glossary/")
    assert page.title == "术语表"
    assert [(p.anchor, p.text, p.section, p.section_id) for p in page.passages] == [
        ("p-708fc3c8", "说明", "术语表", ""),
        ("agi", "AGI 又作：通用人工智能 说明。", "AGI", "agi"),
        ("权重", "权重 模型的参数。", "权重", "权重"),
    ]


def _variant_pages() -> list[search.VariantPages]:
    """Three pages of unequal length in Simplified and in Taiwan's vocabulary and script."""
    texts = {
        "notes/a/": ["数据中心的建设带来了就业。", "开源软件和网络。"],
        "notes/b/": ["中华人民共和国成立。"],
        "notes/c/": ["数据" * 40, "网络与软件。", "ＡＢＣ公司发布了新芯片。"],
    }
    s2twp = opencc_converter("s2twp").convert
    return [
        search.VariantPages(
            code=code,
            pages=tuple(
                search.PageText(
                    url=url,
                    title=convert(f"第{i}页"),
                    passages=tuple(
                        search.PassageText(f"p-{n}", convert(t), "") for n, t in enumerate(passages)
                    ),
                )
                for i, (url, passages) in enumerate(sorted(texts.items(), reverse=True))
            ),
        )
        for code, convert in (("zh-Hans", str), ("zh-Hant-TW", s2twp))
    ]


def test_build_writes_passage_index_per_variant(site_builder) -> None:
    result = site_builder(notes={"n.md": NOTE})
    assert result.ok, result.log
    assert not (result.site_dir / "search" / "search_index.json").exists()
    tw = search_shards.documents(result.site_dir / "zh-Hant-TW" / "search")
    locations = [d["location"] for d in tw]
    assert "notes/n/" in locations and sum(loc.startswith("notes/n/#p-") for loc in locations) == 3
    assert any("資料中心" in d["text"] for d in tw if "#p-" in d["location"])
    # The page names the shared script that aims Material's search at the worker (next test).
    assert "assets/zhudu/config.js?v=" in result.page("zh-Hant-TW/index.html")
    assert 'var worker = "search-worker.js?v=' in (result.site_dir / "assets/zhudu/config.js").read_text(
        "utf-8"
    )


def test_materials_index_holds_its_configuration_and_no_passages(site_builder) -> None:
    """Nothing a reader uses reads passages from search_index.json: each variant's is a stub."""
    result = site_builder(notes={"n.md": NOTE})
    assert result.ok, result.log
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        text = result.page(f"{code}/search/search_index.json")
        index = json.loads(text)
        assert index["docs"] == [] and index["config"]["lang"] == ["zh"], code
        assert index["config"]["separator"]  # Material's highlighter splits terms on it
        assert len(text.encode("utf-8")) < 400


def test_every_page_aims_materials_search_ui_at_zhudus_worker(site_builder) -> None:
    """The worker URL reaches Zhudu's worker from where the page is written: the page's JSON has none,
    ``config.js`` puts it back from its own URL (the worker is beside it; ``shared_config``)."""
    result = site_builder(notes={"n.md": NOTE}, site_url="https://example.org/project/")
    assert result.ok, result.log
    site_path = "/project/"  # 404.html's URLs are root-absolute (served for any missing path)
    text = (result.site_dir / "assets" / "zhudu" / "config.js").read_text("utf-8")
    relative, _, version = json.loads(re.search(r"var worker = (\"[^\"]*\");", text)[1]).partition("?v=")
    worker = asset_versions.OVERRIDES / search.WORKER_PATH
    assert version == hashlib.sha256(worker.read_bytes()).hexdigest()[:12]
    assert "page.search = new URL(worker, script.src).href" in text
    pages = ["zh-Hans/notes/n/index.html", "zh-Hant-HK/notes/n/index.html", "zh-Hant-TW/404.html", "404.html"]
    for page in pages:
        html = result.page(page)
        # A page whose JSON was only its base has none: config.js makes it (compact/page_config.py).
        element = re.search(r'<script id="__config"[^>]*>(.*?)</script>', html, re.S)
        assert element or "/notes/" in page, page
        assert "search" not in (json.loads(element[1]) if element else {}), page
        url = re.search(r'<script defer src="([^"?]*/assets/zhudu/config\.js)\?v=', html)[1]
        if url.startswith("/"):
            script = url.removeprefix(site_path)
        else:
            script = posixpath.normpath(posixpath.join(posixpath.dirname(page), url))
        target = posixpath.normpath(posixpath.join(posixpath.dirname(script), relative))
        assert target == search.WORKER_PATH, (page, url)
        assert (result.site_dir / target).is_file()


def test_material_setting_keeps_stock_search(site_builder) -> None:
    result = site_builder(notes={"n.md": NOTE}, zhudu={"search": "material"})
    assert result.ok, result.log
    index = json.loads(result.page("zh-Hans/search/search_index.json"))
    assert "zhudu" not in index["config"]
    assert not any("#p-" in d["location"] for d in index["docs"])
    assert "search-worker.js" not in result.page("zh-Hans/index.html")
    # Material's worker stays in the page's JSON: config.js has no worker of its own to put back.
    config = re.search(r'<script id="__config"[^>]*>(.*?)</script>', result.page("zh-Hans/index.html"), re.S)[
        1
    ]
    assert "assets/javascripts/workers/search." in json.loads(config)["search"]
    assert 'var worker = "";' in (result.site_dir / "assets" / "zhudu" / "config.js").read_text("utf-8")


# --------------------------------------------------------------------------- the sharded index


def _decode(postings: str) -> dict[int, list[int]]:
    """``search-worker.js``'s ``decode``: passage number → positions."""
    out, doc = {}, 0
    for entry in postings.split(" "):
        nums = [int(n, 36) for n in entry.split(",")]
        doc += nums[0]
        out[doc] = [sum(nums[1 : i + 1]) for i in range(1, len(nums))]
    return out


def _shards(files: dict[str, str], family: str) -> list[dict]:
    return [json.loads(text) for name, text in sorted(files.items()) if name.startswith(f"{family}-")]


def test_sharded_index_is_a_small_manifest_shards_and_fragments() -> None:
    converters = {"zh-Hans": str, "zh-Hant-TW": opencc_converter("s2twp").convert}
    files = dict(
        search_shards.build_each(_variant_pages(), "zh-Hans", opencc_converter("t2s").convert, converters)
    )
    tw = files["zh-Hant-TW"]
    manifest = json.loads(tw["manifest.json"])
    # No passage text in the manifest (words of the regional table only): it stays small.
    assert "数据中心的建设" not in tw["manifest.json"] and "資料中心的建設" not in tw["manifest.json"]
    # Passages per page, in number order; a page's numbers start at its title's (page_starts).
    starts = search_shards.page_starts(manifest)
    start = {json.loads(tw[f"{manifest['fragments']}/{at}-0.json"])["l"]: (at, count) for at, count in starts}
    assert {url: count for url, (_, count) in start.items()} == {"notes/a/": 2, "notes/b/": 1, "notes/c/": 3}
    for family in ("b", "u", "w"):
        count, folder = manifest["shards"][family]
        names = sorted(n for n in tw if n.startswith(f"{family}-"))
        assert names == sorted(f"{folder}/{n}.json" for n in range(count))
        # The folder is named by a hash of its files' SHA-256s: a changed file renames the folder
        # without the others being hashed again (search/writing.py).
        digest = hashlib.sha256(
            "".join(
                hashlib.sha256(tw[f"{folder}/{n}.json"].encode()).hexdigest() for n in range(count)
            ).encode()
        ).hexdigest()
        assert folder == f"{family}-{digest[:12]}"
    # Where 数据中心 is, from its pairs' positions (canonical text, whatever the variant shows).
    pairs = {k: v for shard in _shards(tw, "b") for k, v in shard.get("p", {}).items()}
    first = _decode(pairs["数据"])
    a = start["notes/a/"][0] + 1  # notes/a/, its first passage (資料中心 on the Taiwan page)
    assert first[a] == [0]
    assert set(_decode(pairs["中心"])[a]) == {2}
    # The regional forms are in the manifest: every reading of a query is known before its shards.
    assert manifest["alias"]["資料"] == ["数据", 0]  # the Taiwan word for 数据
    assert not any("a" in shard for shard in _shards(tw, "b"))
    fragment = json.loads(tw[f"{manifest['fragments']}/{a - 1}-0.json"])
    assert fragment["l"] == "notes/a/"
    # The folded canonical text is the folded text but for the regional word (资料 → 数据).
    assert fragment["p"][0][2].startswith("資料中心") and fragment["p"][0][3][:3] == [0, 2, "数据"]
    assert fragment["h"][fragment["p"][0][1]]  # the heading, by its place in the file's list
    # Each pair is in the shard the worker asks for.
    count, folder = manifest["shards"]["b"]
    assert "数据" in json.loads(tw[f"{folder}/{search_shards.shard_of('数据', count)}.json"])["p"]


def _edited(shown: str, edits: list[Any]) -> str:
    """search-worker.js's ``edited``, on UTF-16 code units as the worker's strings count them."""
    units, out, at = shown.encode("utf-16-le"), b"", 0
    for i in range(0, len(edits), 3):
        out += units[2 * at : 2 * edits[i]] + edits[i + 2].encode("utf-16-le")
        at = edits[i] + edits[i + 1]
    return (out + units[2 * at :]).decode("utf-16-le")


#: A long paragraph with a regional word every 300 characters (the edits are found in linear time:
#: difflib's matcher took minutes on such a paragraph).
_LONG = "".join("在这里保存很久的数据中心的"[(i * 7) % 13] for i in range(20_000))


@pytest.mark.parametrize(
    ("shown", "canonical", "expected"),
    [
        ("数据中心的资料在这里保存很久", "数据中心的数据在这里保存很久", [5, 2, "数据"]),  # same length
        ("程式最佳化了很多次以后", "程序优化了很多次以后", [1, 3, "序优"]),  # a word shorter
        # Astral characters before an edit count two UTF-16 units each, as the worker's strings do.
        ("🛰️ 卫星每天拍全地球的资料开放", "🛰️ 卫星每天拍全地球的数据开放", [13, 2, "数据"]),
        ("", "数据", [0, 0, "数据"]),
        ("数据", "", [0, 2, ""]),
        ("资料中心的资料", "数据中心的数据", None),  # edits close together: any that make the text
        (_LONG, "".join("资" if i % 300 == 0 else ch for i, ch in enumerate(_LONG)), None),
    ],
)
def test_fragment_rows_carry_only_the_edits_to_the_canonical_text(shown, canonical, expected) -> None:
    edits = search_shards.folded_edits(shown, canonical)
    assert _edited(shown, edits) == canonical
    if expected is not None:
        assert edits == expected
    if len(shown) > 1000:
        assert len(edits) == 3 * 67 and all(len(piece) == 1 for piece in edits[2::3])


def test_a_result_fetches_the_fragment_of_its_passage_not_its_whole_page(tmp_path) -> None:
    """Fragments hold FRAGMENT_PASSAGES passages each: the last round trip of a search stays small."""
    size = search_shards.FRAGMENT_PASSAGES
    passages = tuple(search.PassageText(f"p-{n}", f"第{n}段的文字。", "") for n in range(2 * size + 1))
    pages = [
        search.VariantPages(
            "zh-Hans",
            (
                search.PageText("notes/long/", "长", passages),
                search.PageText("notes/none/", "空", ()),
            ),
        )
    ]
    files = dict(search_shards.build_each(pages, "zh-Hans", str, {"zh-Hans": str}))["zh-Hans"]
    manifest = json.loads(files["manifest.json"])
    assert manifest["chunk"] == size
    (long, _), (none, _) = sorted(
        search_shards.page_starts(manifest), key=lambda page: -page[1]
    )  # notes/long/ has the passages
    folder = manifest["fragments"]
    # Passage n of a page is in <page's first number>-<n // size>.json, row n % size; a page
    # without passages still has its address and title.
    assert sorted(n.split("/")[1] for n in files if n.startswith(folder)) == sorted(
        [f"{long}-0.json", f"{long}-1.json", f"{long}-2.json", f"{none}-0.json"]
    )
    last = json.loads(files[f"{folder}/{long}-2.json"])
    assert last["l"] == "notes/long/" and [row[0] for row in last["p"]] == [f"p-{2 * size}"]
    assert json.loads(files[f"{folder}/{none}-0.json"]) == {"l": "notes/none/", "h": [], "p": [], "t": "空"}
    search_shards.write({"zh-Hans": files}, tmp_path, {"zh-Hans": "zh-Hans/"})
    docs = search_shards.documents(tmp_path / "zh-Hans/search")
    assert [d["location"] for d in docs] == [
        "notes/long/",
        *(f"notes/long/#p-{n}" for n in range(2 * size + 1)),
        "notes/none/",
    ]


def test_the_sharded_index_is_built_the_same_every_time() -> None:
    converters = {"zh-Hans": str, "zh-Hant-TW": opencc_converter("s2twp").convert}
    t2s = opencc_converter("t2s").convert
    first = dict(search_shards.build_each(_variant_pages(), "zh-Hans", t2s, converters))
    search_shards._GRAMS.clear()
    assert dict(search_shards.build_each(_variant_pages(), "zh-Hans", t2s, converters)) == first


class _CountingPages(dict):
    """Pages by key that count how often each is read (a stand-in for the build's text spool)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.reads: list[str] = []

    def __getitem__(self, key: str) -> Any:
        self.reads.append(key)
        return super().__getitem__(key)


def test_the_index_reads_the_pages_one_by_one_and_keeps_no_pairs_in_a_build() -> None:
    """Memory at 3,000 notes: pages come from the spool as needed; a build keeps no pairs of its passages."""
    converters = {"zh-Hans": str, "zh-Hant-TW": opencc_converter("s2twp").convert}
    t2s = opencc_converter("t2s").convert
    expected = dict(search_shards.build_each(_variant_pages(), "zh-Hans", t2s, converters))
    lazy, spools = [], []
    for variant in _variant_pages():
        spool = _CountingPages({f"{page.url}index.html": page for page in variant.pages})
        order = sorted(spool, key=lambda k: spool[k].url)
        spool.reads.clear()
        spools.append(spool)
        lazy.append(search.VariantPages(variant.code, search.PagesInOrder(spool, order)))
    search_shards._GRAMS.clear()
    assert dict(search_shards.build_each(lazy, "zh-Hans", t2s, converters, remember=False)) == expected
    assert not search_shards._GRAMS
    # Read one at a time, in order, as the index is made: the canonical variant twice (its text, its
    # fragments), the other once.
    assert [len(s.reads) for s in spools] == [6, 3]


def test_a_builds_postings_made_ahead_equal_the_serial_ones_also_when_an_anchor_repeats() -> None:
    """A build rebuilds the canonical postings before the vocabulary (``numbering.postings_ahead``).

    A page whose anchor repeats has fewer canonical passages than passages: the ahead key then
    differs and that variant's postings are made as before, the index the same as a serve's.
    """
    converters = {"zh-Hans": str, "zh-Hant-TW": opencc_converter("s2twp").convert}
    t2s = opencc_converter("t2s").convert
    pages = _variant_pages()
    repeated = [
        search.VariantPages(
            v.code,
            tuple(
                replace(page, passages=(*page.passages, replace(page.passages[0], text=page.title)))
                for page in v.pages
            ),
        )
        for v in pages
    ]
    for variant_pages in (pages, repeated):
        serve = dict(search_shards.build_each(variant_pages, "zh-Hans", t2s, converters))
        build = dict(search_shards.build_each(variant_pages, "zh-Hans", t2s, converters, remember=False))
        assert build == serve


def test_a_builds_postings_and_vocabulary_are_waited_for_only_after_every_variants_fragments() -> None:
    """A build makes the canonical postings in a worker (``Site.postings_of``) and the vocabulary in
    another while it makes every variant's records and fragment files (written as they come); the
    index is the one made serially, here."""
    from zhudu.publish import workers
    from zhudu.search import assembly, numbering

    converters = {"zh-Hans": str, "zh-Hant-TW": opencc_converter("s2twp").convert}
    t2s = opencc_converter("t2s").convert
    serial = dict(search_shards.build_each(_variant_pages(), "zh-Hans", t2s, converters, remember=False))
    events: list[str] = []

    def vocabulary_of(texts: Any, table: Any, extra: Any) -> Any:
        words = search.vocabulary_now(texts, table, extra)
        return lambda: events.append("vocabulary") or words()

    worker = workers.TaskWorker.fork()  # None without fork: made here, the order the same

    def postings_of(pages: Any, table: Any) -> Any:
        made = (
            worker.result_then_stop(numbering.postings_ahead, pages, table)
            if worker is not None
            else numbering.postings_now(pages, table)
        )
        return lambda: events.append("postings") or made()

    parts: dict[str, dict[str, str]] = {}
    try:
        for code, files in assembly.Assembly(remember=False).files(
            _variant_pages(), "zh-Hans", t2s, converters, vocabulary_of=vocabulary_of, postings_of=postings_of
        ):
            events.append("fragments" if all(n.startswith("f-") for n in files) else "rest")
            parts.setdefault(code, {}).update(
                (n, t if isinstance(t, str) else t.decode("utf-8")) for n, (t, _) in files.items()
            )
    finally:
        if worker is not None:
            worker.shutdown()
    assert events == ["fragments", "fragments", "vocabulary", "postings", "rest", "rest"]
    assert parts == serial


def test_writing_again_removes_the_files_of_the_earlier_index(tmp_path) -> None:
    prefixes = {"zh-Hans": "zh-Hans/"}
    search_shards.write(
        {"zh-Hans": {"manifest.json": "{}", "b-aaaaaaaaaaaa/0.json": "{}", "f-aaa/0.json": "{}"}},
        tmp_path,
        prefixes,
    )
    (tmp_path / "zh-Hans/search/search_index.json").write_text("{}")  # not the shards': kept
    search_shards.write(
        {"zh-Hans": {"manifest.json": "{}", "b-bbbbbbbbbbbb/0.json": "{}", "f-bbb/0.json": "{}"}},
        tmp_path,
        prefixes,
    )
    assert sorted(
        p.relative_to(tmp_path / "zh-Hans/search").as_posix()
        for p in (tmp_path / "zh-Hans/search").rglob("*")
        if p.is_file()
    ) == [
        "b-bbbbbbbbbbbb/0.deflate",  # a family's files are stored deflated (writing.stored)
        "f-bbb/0.deflate",
        "manifest.json",
        "search_index.json",
    ]


def test_a_familys_files_are_stored_deflated_and_read_back_as_their_json(tmp_path) -> None:
    """Every file but the manifest is written as ``<n>.deflate`` (the worker inflates it with
    DecompressionStream("deflate"), zlib's format): the same JSON text, the same bytes each write."""
    converters = {"zh-Hans": str, "zh-Hant-TW": opencc_converter("s2twp").convert}
    built = dict(
        search_shards.build_each(_variant_pages(), "zh-Hans", opencc_converter("t2s").convert, converters)
    )
    prefixes = {"zh-Hans": "zh-Hans/", "zh-Hant-TW": "zh-Hant-TW/"}
    for site in (tmp_path / "one", tmp_path / "two"):
        search_shards.write(built, site, prefixes)
    for code, files in built.items():
        search_dir = tmp_path / "one" / code / "search"
        for name, text in files.items():
            text = text if isinstance(text, str) else text[0]
            text = text if isinstance(text, str) else text.decode("utf-8")
            if name == "manifest.json":
                assert (search_dir / name).read_text("utf-8") == text
                continue
            path = search_dir / writing.stored_name(name)
            assert path.suffix == ".deflate" and not (search_dir / name).exists()
            assert writing.read_stored(path) == text
            assert zlib.decompressobj().decompress(path.read_bytes()).decode("utf-8") == text  # zlib's format
            assert path.read_bytes() == (tmp_path / "two" / path.relative_to(tmp_path / "one")).read_bytes()


def test_the_variants_share_one_copy_of_the_postings(site_builder) -> None:
    """b- and u- shards, the same for every variant, are written once, in the site's own search/."""
    result = site_builder(notes={"n.md": NOTE})
    assert result.ok, result.log
    shared = {p.name for p in (result.site_dir / "search").iterdir()}
    # The postings, and the base variant's (Taiwan's) passages with the others' patches in its files.
    assert {name[:2] for name in shared} == {"b-", "u-", "f-"}, shared
    names = set()
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        manifest = json.loads(result.page(f"{code}/search/manifest.json"))
        names.add((manifest["shards"]["b"][1], manifest["shards"]["u"][1]))
        own = {p.name[:2] for p in (result.site_dir / code / "search").iterdir()}
        assert own == {"w-", "ma", "se"}, own  # words, manifest.json, search_index.json
        assert manifest["fragments"] == next(
            f"../../search/{name}" for name in shared if name.startswith("f-")
        )
        assert manifest.get("patch") == (None if code == "zh-Hant-TW" else code)
    (b_folder, u_folder) = names.pop()
    assert not names  # one copy, named alike from every variant
    assert {b_folder, u_folder, manifest["fragments"]} == {f"../../search/{name}" for name in shared}


def test_shared_postings_are_written_once_and_stale_ones_removed(tmp_path) -> None:
    prefixes = {"zh-Hans": "zh-Hans/", "zh-Hant-TW": "zh-Hant-TW/"}

    def files(tag: str) -> dict[str, dict[str, str]]:
        own = {"manifest.json": "{}", f"../../search/b-{tag * 12}/0.json": "{}"}
        return {code: {**own, f"f-{tag}{n}/0.json": "[]"} for n, code in enumerate(prefixes)}

    # Bytes as stored: the manifests as they are, the shard once, each file of a family deflated.
    stored = len(writing.stored("{}"))
    assert search_shards.write(files("a"), tmp_path, prefixes) == stored + 2 * (2 + len(writing.stored("[]")))
    search_shards.write(files("b"), tmp_path, prefixes)
    assert sorted(p.name for p in (tmp_path / "search").iterdir()) == ["b-" + "b" * 12]
    assert sorted(p.name for p in (tmp_path / "zh-Hans/search").iterdir()) == ["f-b0", "manifest.json"]


def test_build_writes_the_sharded_index_per_variant(site_builder) -> None:
    result = site_builder(notes={"n.md": NOTE})
    assert result.ok, result.log
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        manifest = json.loads(result.page(f"{code}/search/manifest.json"))
        assert manifest["v"] == search_shards.FORMAT
        texts = "".join(d["text"] for d in search_shards.documents(result.site_dir / code / "search"))
        assert (
            "資料中心" if code == "zh-Hant-TW" else "数据中心" if code == "zh-Hans" else "數據中心"
        ) in texts


def test_a_word_the_notes_write_the_taiwan_way_is_found_by_its_mainland_form() -> None:
    """tw2sp/hk2sp among the converters (``Site._write_zhudu_search``): 人工智能 → 人工智慧."""
    table = search.fold_table(set("人工智慧"), opencc_converter("t2s").convert)
    alias, _ = search.aliases(["人工智慧"], [opencc_converter("tw2sp").convert], table)
    assert alias["人工智能"] == "人工智慧"


def test_words_kept_from_a_former_process_are_used_and_the_dictionary_loaded_aside_cuts_the_rest() -> None:
    """``adopt_text_words`` (a new serve's kept words) and ``warm_vocabulary_aside`` (jieba on a thread)."""
    table: dict[str, str] = {}
    texts = ["注读把笔记做成注释阅读版", "术语表链接到每一条笔记"]
    expected = search.folded_vocabulary(texts, table, ["注读"])
    key, words = search.text_words()
    search._TEXT_WORDS[:] = [None, {}]  # as in a new process
    search.adopt_text_words(key, dict(words))
    assert search.folded_vocabulary(texts, table, ["注读"]) == expected
    assert search.TEXTS_CUT[0] == 0  # every text's words were kept
    search.warm_vocabulary_aside(["注读"])  # loaded already: no thread
    more = [*texts, "一段新写的文字"]
    search.folded_vocabulary(more, table, ["注读"])
    assert search.TEXTS_CUT[0] == 1  # only the new text
    search._JIEBA.clear()  # a new dictionary (as after a change of domain words): loaded on a thread
    search.warm_vocabulary_aside(["注读"])
    search._TEXT_WORDS[:] = [None, {}]
    cut_by_it = search.folded_vocabulary(more, table, ["注读"])  # waits for the thread's dictionary
    assert len(search._JIEBA) == 1 and search.TEXTS_CUT[0] == len(more)
    assert expected == search.folded_vocabulary(texts, table, ["注读"])
    assert set(expected) <= set(cut_by_it)


class _CountedWords(frozenset):
    """A text's words that count how often they are gone over."""

    gone_over = 0

    def __iter__(self):
        type(self).gone_over += 1
        return super().__iter__()


@pytest.mark.parametrize("seed", range(20))
def test_the_vocabulary_kept_as_counts_equals_the_union_made_afresh(seed: int) -> None:
    """``WordUnion``: each call's words are the sorted union of its texts' words and the extra
    words; only the texts that came or went are gone over while the last call's texts are given."""
    rng = random.Random(seed)
    pool = [f"{a}{b}" for a in "数据中心软件" for b in "网络云端"]

    def words() -> _CountedWords:
        return _CountedWords(rng.sample(pool, rng.randint(0, 4)))

    union = WordUnion()
    words_of = {f"t{n}": words() for n in range(60)}  # a text's words are the text's alone
    texts = {name: words_of[name] for name in rng.sample(sorted(words_of), rng.randint(0, 30))}
    last: dict[str, frozenset[str]] = {}
    counted_last = False
    for _ in range(15):
        extra = rng.sample(["注读", "算力"], rng.randint(0, 2))
        came = [t for t in texts if t not in last]
        went = [t for t in last if t not in texts]
        _CountedWords.gone_over = 0
        found = union.of(texts, last, came, extra)
        assert found == sorted(set(extra).union(*texts.values()))
        if counted_last:
            assert _CountedWords.gone_over == len(came) + len(went)
        counted_last = rng.random() >= 0.1
        last = texts if counted_last else dict(texts)  # else adopted from elsewhere: all counted again
        texts = dict(texts)
        for name in rng.sample(sorted(texts), min(len(texts), rng.randint(0, 3))):
            del texts[name]
        for _ in range(rng.randint(0, 3)):
            name = f"t{rng.randint(0, 59)}"
            texts[name] = words_of[name]


def test_many_files_are_deflated_on_threads_into_the_same_bytes_in_order(monkeypatch) -> None:
    """A build deflates its family files one run per thread (zlib frees the interpreter lock); a save's few on one."""
    texts: list[str | bytes] = [json.dumps({"p": list(range(n * 37 % 500))}) for n in range(300)]
    texts[7] = texts[7].encode("utf-8")  # the shards come as UTF-8 bytes
    expected = [zlib.compress(t if isinstance(t, bytes) else t.encode("utf-8"), 6) for t in texts]
    threads: set[str] = set()
    deflate = writing.stored

    def recording(text: str | bytes) -> bytes:
        threads.add(threading.current_thread().name)
        return deflate(text)

    monkeypatch.setattr(writing, "stored", recording)
    monkeypatch.setattr(writing, "_cpus", lambda: 2)
    assert writing.stored_all(texts) == expected
    # On the pool's threads (how many of the two took a run is the scheduler's affair).
    assert threads and all(name.startswith("zhudu-deflate") for name in threads)
    threads.clear()
    few = texts[: writing.THREADED_FILES - 1]
    assert writing.stored_all(few) == expected[: len(few)]
    assert threads == {threading.current_thread().name}


def test_a_taiwan_word_no_page_shows_is_a_regional_form_of_the_notes_mainland_word() -> None:
    """設定檔 (a Taiwan reader's word for a configuration file) found nothing on a page showing 配置文件 as 配置檔案:
    the regional forms came only from converting the notes' words.  The layer's from-hant rules held to no
    neighbour give their words, as written and folded, flagged TYPED (the worker reads them below the forms the
    pages show); a rule held to a neighbour (儲存 空間 → 存储: its phrase, when the notes hold 存储 and 空间), a word whose output the notes do not hold (軟體) and
    a form the pages show already (儲存 → 保存, 檔案 → 文件) give nothing new."""
    from zhudu.script.domain import SOFTWARE
    from zhudu.script.regional import default_regional
    from zhudu.search.rule_words import AMBIGUOUS, TYPED, rule_words

    words = rule_words(default_regional(), SOFTWARE)
    assert words["設定檔"] == "配置文件" and words["樣板"] == "模板" and words["儲存"] == "保存"
    converters = {"zh-Hans": str, "zh-Hant-TW": opencc_converter("s2twp").convert}
    pages = [
        search.VariantPages(
            code,
            (
                search.PageText(
                    "notes/a/",
                    "甲",
                    tuple(search.PassageText(f"p-{n}", convert(t), "") for n, t in enumerate(texts)),
                ),
            ),
        )
        for code, convert in converters.items()
        for texts in [("修改配置文件。", "保存文件的模板。")]
    ]
    t2s = opencc_converter("t2s").convert
    files = dict(search_shards.build_each(pages, "zh-Hans", t2s, converters, rule_words=words))
    alias = json.loads(files["zh-Hans"]["manifest.json"])["alias"]
    assert alias["設定檔"] == ["配置文件", TYPED]
    assert alias["樣板"] == ["模板", TYPED]
    assert alias["儲存"] == ["保存", 0] and alias["檔案"] == ["文件", 0]  # shown: s2twp writes them so
    assert "軟體" not in alias and "存储" not in {word for word, _ in alias.values()}
    assert TYPED & AMBIGUOUS == 0
