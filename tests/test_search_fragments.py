"""The passages' fragment files: one Traditional variant's whole, the others' as patches (search/fragments.py)."""

from __future__ import annotations

import json
from pathlib import Path

from zhudu.script.convert import opencc_converter
from zhudu.search import fragments
from zhudu.search import index as search
from zhudu.search import shards as search_shards
from zhudu.search.assembly import Assembly
from zhudu.search.writing import read_stored

PREFIXES = {"zh-Hans": "zh-Hans/", "zh-Hant-TW": "zh-Hant-TW/", "zh-Hant-HK": "zh-Hant-HK/"}
CONVERT = {"zh-Hans": str, "zh-Hant-TW": "s2twp", "zh-Hant-HK": "s2hk"}
#: Simplified notes whose three variants differ in characters, regional words (软件/軟體), a heading,
#: length (网络/網路), full-width letters and a character outside the BMP before a difference.
NOTES = {
    "notes/a/": [("数据中心", "数据中心的建设带来了就业。"), ("数据中心", "开源软件和网络。")],
    "notes/b/": [("", "中华人民共和国成立。")],
    "notes/c/": [
        ("", "数据" * 40),
        ("软件的发布", "网络与软件。"),
        ("软件的发布", "😀 ＡＢＣ公司发布了新芯片和信息。"),
        *((f"第{n}节", f"第{n}段：程序员用鼠标。") for n in range(20)),
    ],
}


def _pages(notes=NOTES, changed: dict[str, str] | None = None) -> list[search.VariantPages]:
    out = []
    for code, how in CONVERT.items():
        convert = how if callable(how) else opencc_converter(how).convert
        pages = []
        for i, (url, passages) in enumerate(sorted(notes.items())):
            rows = tuple(
                search.PassageText(f"p-{n}", convert(text), convert(section))
                for n, (section, text) in enumerate(passages)
            )
            if changed and code in changed and url == "notes/a/":
                rows = (search.PassageText("p-0", changed[code], ""), *rows[1:])
            pages.append(search.PageText(url, convert(f"第{i}页"), rows))
        out.append(search.VariantPages(code, tuple(pages)))
    return out


def _build(pages, tmp: Path, patched: bool = True, assembly: Assembly | None = None) -> Path:
    made = (assembly or Assembly(remember=False)).files(
        pages,
        "zh-Hans",
        opencc_converter("t2s").convert,
        {
            code: opencc_converter(how).convert if isinstance(how, str) else how
            for code, how in CONVERT.items()
        },
        postings_at="../../search",
        fragments_base="zh-Hant-TW" if patched else "",
        simplified={"zh-Hans"},
    )
    search_shards.write(made, tmp, PREFIXES)
    return tmp


def _documents(site: Path) -> dict[str, list[dict[str, str]]]:
    return {code: search_shards.documents(site / code / "search") for code in PREFIXES}


def _fragment_bytes(site: Path) -> int:
    """Every variant's fragment files, stored (a folder two variants name counted once)."""
    folders = {(site / code / "search" / manifest_of(site, code)["fragments"]).resolve() for code in PREFIXES}
    return sum(p.stat().st_size for folder in folders for p in folder.iterdir())


def test_patched_fragments_give_every_variant_its_own_text_exactly(tmp_path) -> None:
    whole = _build(_pages(), tmp_path / "whole", patched=False)
    patched = _build(_pages(), tmp_path / "patched")
    expected = _documents(whole)
    assert _documents(patched) == expected  # every title, heading, anchor and text, byte for byte
    assert any("軟體" in d["text"] for d in expected["zh-Hant-TW"])  # the variants do differ
    assert any("軟件" in d["text"] for d in expected["zh-Hant-HK"])
    assert any("软件" in d["title"] for d in expected["zh-Hans"])
    base_manifest = manifest_of(patched, "zh-Hant-TW")
    assert base_manifest["fragments"].startswith("../../search/f-") and "patch" not in base_manifest
    for code in ("zh-Hans", "zh-Hant-HK"):
        manifest = manifest_of(patched, code)
        # One file a fetch: the base's, this variant's patch inside it.
        assert manifest["patch"] == code and manifest["baseFold"] == (code == "zh-Hans")
        assert manifest["fragments"] == base_manifest["fragments"]
        # Each fragment file compared as the worker rebuilds it (the rows' folded edits included).
        for start, count in search_shards.page_starts(manifest):
            for chunk in range(max(-(-count // manifest["chunk"]), 1)):
                name = f"{start}-{chunk}.json"
                assert search_shards.fragment(patched / code / "search", manifest, name) == (
                    search_shards.fragment(whole / code / "search", manifest_of(whole, code), name)
                )
    assert _fragment_bytes(patched) < _fragment_bytes(whole) * 0.6  # hexo: 38 %; small files, more overhead
    assert "patch" not in manifest_of(whole, "zh-Hans")


def manifest_of(site: Path, code: str) -> dict:
    """A variant's manifest."""
    return json.loads((site / code / "search" / "manifest.json").read_text("utf-8"))


def test_a_file_whose_passages_are_not_the_bases_is_written_whole(tmp_path) -> None:
    """Another anchor in one file: that file whole ("x"); another passage count: the variant's files whole."""
    pages = _pages()
    hk = pages[2].pages
    other = search.PassageText("p-other", hk[0].passages[0].text, "")
    pages[2] = search.VariantPages("zh-Hant-HK", (replace_first(hk[0], other), *hk[1:]))
    site = _build(pages, tmp_path / "one")
    manifest = manifest_of(site, "zh-Hant-HK")
    folder = site / "zh-Hant-HK/search" / manifest["fragments"]
    files = {p.name: json.loads(read_stored(p)) for p in folder.iterdir()}
    assert sum(1 for f in files.values() if f["v"]["zh-Hant-HK"].get("x")) == 1
    docs = search_shards.documents(site / "zh-Hant-HK" / "search")
    assert any(d["location"] == "notes/a/#p-other" for d in docs)

    pages = _pages()
    hk = pages[2].pages
    shorter = search.PageText(hk[0].url, hk[0].title, hk[0].passages[:1])
    pages[2] = search.VariantPages("zh-Hant-HK", (shorter, *hk[1:]))
    site = _build(pages, tmp_path / "two")
    assert "patch" not in manifest_of(site, "zh-Hant-HK") and "patch" in manifest_of(site, "zh-Hans")
    assert (site / "zh-Hant-HK/search" / manifest_of(site, "zh-Hant-HK")["fragments"]).parent.name == "search"
    assert (
        len(search_shards.documents(site / "zh-Hant-HK" / "search"))
        == len(search_shards.documents(site / "zh-Hans" / "search")) - 1
    )


def replace_first(page: search.PageText, passage: search.PassageText) -> search.PageText:
    """``page`` with another first passage."""
    return search.PageText(page.url, page.title, (passage, *page.passages[1:]))


def test_a_save_that_changes_only_the_base_remakes_the_others_patches(tmp_path) -> None:
    """``mkdocs serve`` keeps each page's records: a patch is made again when its base page changed."""
    assembly = Assembly(remember=True)
    _build(_pages(), tmp_path / "serve", assembly=assembly)
    changed = {"zh-Hant-TW": "臺灣的資料中心。"}  # the base only (a Taiwan conversion rule, say)
    served = _build(_pages(changed=changed), tmp_path / "serve", assembly=assembly)
    assert assembly.stats.redone == 3  # the page in Taiwan's variant, and the two patches on it
    assert _documents(served) == _documents(
        _build(_pages(changed=changed), tmp_path / "fresh", patched=False)
    )


def test_apply_edits_counts_utf16_units() -> None:
    text = "😀 數據"
    edits = [3, 2, "数据中心"]  # the emoji is two units
    assert fragments.apply_edits(text, edits) == "😀 数据中心"
    assert fragments.apply_edits(text, []) == text


def test_a_save_remakes_only_the_patched_files_whose_base_or_patches_changed(tmp_path, monkeypatch) -> None:
    """The base's files with their patches are kept between saves: an unchanged page's are not made again."""
    made: list[str] = []
    with_patches = fragments.with_patches

    def counted(blob, patches):
        made.append(str(blob[0])[:40])
        return with_patches(blob, patches)

    monkeypatch.setattr(fragments, "with_patches", counted)
    assembly = Assembly(remember=True)
    _build(_pages(), tmp_path / "serve", assembly=assembly)
    files = len(made)
    assert files >= 3  # one a page, two for notes/c/ (more passages than a file holds)
    made.clear()
    _build(_pages(), tmp_path / "serve", assembly=assembly)
    assert made == []  # nothing changed: every file as the last save made it
    for changed in ({"zh-Hant-HK": "香港的數據中心。"}, {"zh-Hant-TW": "臺灣的資料中心。"}):
        made.clear()
        served = _build(_pages(changed=changed), tmp_path / "serve", assembly=assembly)
        assert len(made) == 1 and '"notes/a/"' in made[0]  # a patch, then the base, of notes/a/'s file
        assert _documents(served) == _documents(
            _build(
                _pages(changed=changed),
                tmp_path / f"fresh-{len(changed)}-{sorted(changed)[0]}",
                patched=False,
            )
        )


def test_equal_pages_made_anew_are_compared_by_identity_from_the_next_save(tmp_path, monkeypatch) -> None:
    """A new serve's pages equal its kept assembly's (read back from the cache folder), not the same objects.

    Found equal once, a patched page's base is this save's page: the next save compares no passage
    by value (it compared every passage of every patched variant on every save).
    """
    assembly = Assembly(remember=True)
    _build(_pages(), tmp_path / "serve", assembly=assembly)
    anew = _pages()  # equal pages, new objects
    _build(anew, tmp_path / "serve", assembly=assembly)
    assert assembly.stats.redone == 0

    def not_by_value(self, other) -> bool:
        raise AssertionError("a passage compared by value")

    monkeypatch.setattr(search.PassageText, "__eq__", not_by_value)
    served = _build(anew, tmp_path / "serve", assembly=assembly)
    assert assembly.stats.redone == 0 and assembly.stats.pages == 9
    monkeypatch.undo()
    assert _documents(served) == _documents(_build(_pages(), tmp_path / "fresh", patched=False))


def test_a_reference_pages_files_say_so_in_every_variant() -> None:
    """The glossary's entries (passages known by their headings' ids) weigh less than the notes' passages in the
    worker: its fragment files carry ``"r": 1``, whole or patched; a note's carry nothing more."""
    entry = search.PassageText("agi", "AGI 通用人工智能", "AGI", "agi")
    glossary = search.PageText("glossary/", "術語表", (search.PassageText("p-1", "說明", "術語表"), entry))
    note = search.PageText("notes/a/", "筆記", (search.PassageText("p-1", "正文", "筆記", "s"),))
    rows = [[p.anchor, p.section, p.text] for p in glossary.passages]
    base = json.loads(fragments.page_files(glossary, rows, None, None)[0][0])
    assert base["r"] == 1
    hans = search.PageText("glossary/", "术语表", (search.PassageText("p-1", "说明", "术语表"), entry))
    patch = json.loads(
        fragments.page_files(hans, [[p.anchor, p.section, p.text] for p in hans.passages], glossary, None)[0][
            0
        ]
    )
    assert fragments.apply_patch(base, patch, None)["r"] == 1
    assert "r" not in json.loads(fragments.page_files(note, [["p-1", "筆記", "正文"]], None, None)[0][0])


def test_an_annotated_passages_notes_are_written_once_and_read_by_every_variant() -> None:
    """A snippet sets an editor's note's words apart (``shownNotes`` in search-worker.js): the fragment row's fifth
    field, the notes' places in the canonical text every variant shares, is written in the base's file only and
    given to each patched variant's row (session 46 — mx: srch had dropped it as unread, hl's snippets read it)."""
    tw = search.PageText("notes/a/", "筆記", (search.PassageText("p-1", "作者說。編者注：晶片", "正文"),))
    hans = search.PageText("notes/a/", "笔记", (search.PassageText("p-1", "作者说。编者注：芯片", "正文"),))
    rows = [[p.anchor, p.section, p.text, 0, [4, 10]] for p in tw.passages]
    base = json.loads(fragments.page_files(tw, rows, None, None)[0][0])
    hans_rows = [[p.anchor, p.section, p.text, 0, [4, 10]] for p in hans.passages]
    patch = json.loads(fragments.page_files(hans, hans_rows, tw, None)[0][0])
    assert base["p"][0][4] == [4, 10] and "[4,10]" not in json.dumps(patch, separators=(",", ":"))
    assert fragments.apply_patch(base, patch, None)["p"][0] == ["p-1", 0, "作者说。编者注：芯片", 0, [4, 10]]
