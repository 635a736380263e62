"""The search index kept between ``mkdocs serve`` saves: a save redoes what its edit changed, nothing else.

Each test edits a small collection (an edit, a note added, deleted, renamed, a passage past its
page's block of numbers ...; a denser one whose pairs' postings are long, for a note added,
deleted or renamed, where a splice decodes one bucket's run of them), makes the index with the assembly kept from before the edit, and
compares it with an index made from nothing (``shards.build_each``, what ``mkdocs build`` runs):
byte for byte, every file of every variant.  Then what the save did: the page records redone,
the other pages' passage numbers, the files written.  The last test runs real rebuilds the way
``mkdocs serve --dirty`` does and compares the site's search files with a clean build's.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path
from typing import Any

import pytest
from clean_builds import build_clean, project_digest, repo_code

from zhudu.script.variant_configs import opencc_converter
from zhudu.search import assembly as search_assembly
from zhudu.search import index as search
from zhudu.search import numbering as search_numbering
from zhudu.search import persist as search_persist
from zhudu.search import postings as search_postings
from zhudu.search import shards as search_shards
from zhudu.search import writing

WORDS = [
    "数据",
    "中心",
    "软件",
    "网络",
    "信息",
    "人工智能",
    "学习",
    "模型",
    "程序",
    "计算",
    "系统",
    "设计",
    "文字",
    "阅读",
    "笔记",
    "历史",
    "城市",
    "语言",
    "翻译",
    "注释",
    "主题",
    "搜索",
    "索引",
    "分词",
    "汉字",
    "繁体",
    "简体",
    "地区",
    "词汇",
    "用户",
    "服务器",
    "硬件",
    "芯片",
    "算法",
]
VARIANTS = {
    "zh-Hans": str,
    "zh-Hant-TW": opencc_converter("s2twp").convert,
    "zh-Hant-HK": opencc_converter("s2hk").convert,
}
PREFIXES = {code: f"{code}/" for code in VARIANTS}
T2S = opencc_converter("t2s").convert
TO_CANONICAL = [opencc_converter(c).convert for c in ("tw2sp", "hk2sp")]

#: A note: URL → (title, passages).
Notes = dict[str, tuple[str, list[str]]]


def sentence(rng: random.Random) -> str:
    """Words of the list and any characters (Traditional ones among them: they fold)."""
    pieces = [
        rng.choice(WORDS) if rng.random() < 0.5 else chr(rng.randint(0x4E00, 0x7FFF)) for _ in range(24)
    ]
    return "".join(pieces[: rng.randint(6, 24)]) + "。"


def collection(n: int = 30, seed: int = 7) -> Notes:
    rng = random.Random(seed)
    return {
        f"notes/n{k:03d}/": (
            f"笔记{k}{rng.choice(WORDS)}",
            [sentence(rng) for _ in range(rng.randint(1, 12))],
        )
        for k in range(n)
    }


def variant_pages(notes: Notes) -> list[search.VariantPages]:
    out = []
    for code, convert in VARIANTS.items():
        pages = tuple(
            search.PageText(
                url,
                convert(title),
                tuple(
                    search.PassageText(f"p-{i}", convert(text), convert(title))
                    for i, text in enumerate(texts)
                ),
            )
            for url, (title, texts) in sorted(notes.items())
        )
        out.append(search.VariantPages(code, pages))
    return out


ARGS = ("zh-Hans", T2S, VARIANTS, TO_CANONICAL, ("数据中心",))


def clean(notes: Notes) -> dict[str, dict[str, str]]:
    """The index made from nothing (``mkdocs build``)."""
    return dict(search_shards.build_each(variant_pages(notes), *ARGS, postings_at="../../search"))


def kept(assembly: search_assembly.Assembly, notes: Notes) -> dict[str, dict[str, str]]:
    """The index the kept assembly makes (a ``mkdocs serve`` save)."""
    made = assembly.files(variant_pages(notes), *ARGS, postings_at="../../search")
    out: dict[str, dict[str, str]] = {}
    for code, files in made:  # a variant's fragments, then its other files
        out.setdefault(code, {}).update(
            (name, text if isinstance(text, str) else text.decode("utf-8"))
            for name, (text, _) in files.items()
        )
    return out


def starts(files: dict[str, str]) -> dict[str, int]:
    """Each page's first number (its title's), by URL, as the worker computes it from the manifest."""
    manifest = json.loads(files["manifest.json"])
    return {
        json.loads(files[f"{manifest['fragments']}/{start}-0.json"])["l"]: start
        for start, _ in search_shards.page_starts(manifest)
    }


def moved(before: dict[str, str], after: dict[str, str]) -> set[str]:
    """The pages whose numbers changed."""
    old, new = starts(before), starts(after)
    return {url for url in old.keys() & new.keys() if old[url] != new[url]}


def bucket(url: str) -> int:
    return search_shards.shard_of(url, search_numbering.BUCKETS)


def edited(notes: Notes, url: str, index: int, text: str) -> Notes:
    title, texts = notes[url]
    return {**notes, url: (title, [*texts[:index], text, *texts[index + 1 :]])}


@pytest.fixture
def warm() -> tuple[search_assembly.Assembly, Notes, dict[str, dict[str, str]]]:
    notes = collection()
    assembly = search_assembly.Assembly()
    first = kept(assembly, notes)
    assert first == clean(notes)
    assert assembly.stats.rebuilt and assembly.stats.redone == len(notes) * len(VARIANTS)
    return assembly, notes, first


def test_an_edit_gives_a_clean_builds_files_and_redoes_one_page(warm) -> None:
    assembly, notes, before = warm
    url = "notes/n012/"
    text = notes[url][1][0]
    after_notes = edited(notes, url, 0, text[:3] + "鲸" + text[4:])  # one character
    after = kept(assembly, after_notes)
    assert after == clean(after_notes)
    # One page in each variant redone; the postings spliced, not rebuilt.
    assert assembly.stats.redone == len(VARIANTS) and not assembly.stats.rebuilt
    # Every other page keeps its passage numbers.
    assert not moved(before["zh-Hans"], after["zh-Hans"])
    # Most shards keep their bytes.
    for family in ("b", "u"):
        old = {n: t for n, t in before["zh-Hans"].items() if f"/{family}-" in n}
        new = {n: t for n, t in after["zh-Hans"].items() if f"/{family}-" in n}
        same = {n.rsplit("/", 1)[1] for n in old} & {n.rsplit("/", 1)[1] for n in new}
        unchanged = [
            s
            for s in same
            if next(t for n, t in old.items() if n.endswith("/" + s))
            == next(t for n, t in new.items() if n.endswith("/" + s))
        ]
        assert len(unchanged) >= len(same) // 2, family
    # The fragments of other pages are the same files.
    fragments = {n.split("/", 1)[1]: t for n, t in before["zh-Hans"].items() if n.startswith("f-")}
    changed = [
        n
        for n, t in after["zh-Hans"].items()
        if n.startswith("f-") and fragments.get(n.split("/", 1)[1]) != t
    ]
    assert [n.split("/", 1)[1] for n in changed] == [f"{starts(after['zh-Hans'])[url]}-0.json"]


def test_the_word_nobody_had_is_found_at_its_passages_number(warm) -> None:
    assembly, notes, _before = warm
    after_notes = edited(notes, "notes/n005/", 1, "鲸鱼的歌声。")
    after = kept(assembly, after_notes)
    assert after == clean(after_notes)
    manifest = json.loads(after["zh-Hans"]["manifest.json"])
    count, folder = manifest["shards"]["b"]
    shard = json.loads(after["zh-Hans"][f"{folder}/{search_shards.shard_of('鲸鱼', count)}.json"])
    # Passage 1 of the page: two after its title's number.
    assert shard["p"]["鲸鱼"] == f"{search_shards._b36(starts(after['zh-Hans'])['notes/n005/'] + 2)},0"


NOTE_CHANGES = ("note added", "note deleted", "note renamed")


def with_note_changed(notes: dict, change: str, url: str, added: tuple) -> dict:
    """``notes`` after a note is added beside ``url`` (as ``added``), or ``url`` deleted or renamed."""
    if change == "note added":
        return {**notes, url.rstrip("/") + "a/": added}
    if change == "note deleted":
        return {k: v for k, v in notes.items() if k != url}
    return {("notes/zz/" if k == url else k): v for k, v in notes.items()}


@pytest.mark.parametrize(
    "change",
    [
        "title",
        "passage added within the block",
        "passage added past the block",
        "passages removed",
        "note added",
        "note deleted",
        "note renamed",
        "note emptied",
    ],
)
def test_each_kind_of_save_gives_a_clean_builds_files(warm, change: str) -> None:
    assembly, notes, before = warm
    url = "notes/n010/"
    title, texts = notes[url]
    if change == "title":
        after_notes = {**notes, url: ("新的标题讲算法", texts)}
    elif change == "passage added within the block":
        texts = texts[: search_numbering.RESERVE - 2]
        notes = {**notes, url: (title, texts)}
        before = kept(assembly, notes)
        after_notes = {**notes, url: (title, [*texts, "多了一段。"])}
    elif change == "passage added past the block":
        texts = [f"第{i}段讲数据。" for i in range(search_numbering.RESERVE)]
        notes = {**notes, url: (title, texts)}
        before = kept(assembly, notes)
        after_notes = {**notes, url: (title, [*texts, "多了一段。"])}
    elif change == "passages removed":
        after_notes = {**notes, url: (title, texts[:-1] or ["只剩一段。"])}
    elif change in NOTE_CHANGES:
        after_notes = with_note_changed(notes, change, url, ("新笔记", ["新笔记讲芯片。", "还有网络。"]))
    else:
        after_notes = {**notes, url: (title, [])}
    after = kept(assembly, after_notes)
    assert after == clean(after_notes)
    # Only pages after the changed one in its bucket (or, renamed, in its new bucket) are renumbered.
    buckets = {bucket(url), bucket("notes/zz/")} if change == "note renamed" else {bucket(url)}
    assert {bucket(u) for u in moved(before["zh-Hans"], after["zh-Hans"])} <= buckets
    if change in ("title", "passage added within the block", "passages removed", "note emptied"):
        assert not moved(before["zh-Hans"], after["zh-Hans"])
    # The changed page's records only (none for a note deleted); the postings spliced.
    assert assembly.stats.redone == (0 if change == "note deleted" else len(VARIANTS))
    assert not assembly.stats.rebuilt


def test_a_sequence_of_saves_always_gives_a_clean_builds_files() -> None:
    rng = random.Random(3)
    notes = collection(20, seed=11)
    assembly = search_assembly.Assembly()
    kept(assembly, notes)
    for step in range(12):
        url = rng.choice(sorted(notes))
        _title, texts = notes[url]
        if step % 4 == 3:
            notes = {**notes, f"notes/x{step}/": (f"新{step}", [sentence(rng)])}
        elif texts:
            notes = edited(notes, url, rng.randrange(len(texts)), sentence(rng))
        assert kept(assembly, notes) == clean(notes), step


# --------------------------------------------------------------------------- adding, deleting, renaming


def dense(n: int = 160, seed: int = 5) -> Notes:
    """Notes written with the word list only: its pairs are in most passages, so their postings are long
    (``postings.MARKED_LENGTH``) and spliced bucket by bucket, as a real collection's common pairs are."""
    rng = random.Random(seed)
    return {
        f"notes/d{k:03d}/": (
            f"笔记{rng.choice(WORDS)}",
            [
                "".join(rng.choice(WORDS[:8]) for _ in range(rng.randint(4, 12))) + "。"
                for _ in range(rng.randint(2, 8))
            ],
        )
        for k in range(n)
    }


def entries(postings: search_postings.Postings) -> int:
    return sum(text.count(" ") + 1 for keys in (postings.pairs, postings.chars) for text in keys.values())


@pytest.mark.parametrize("change", ["note added", "note deleted", "note renamed", "two notes added"])
def test_adding_deleting_or_renaming_a_note_decodes_only_its_buckets(change: str) -> None:
    """The pages after it in its bucket are renumbered, and they hold nearly every common pair: only
    that bucket's run of each pair's postings is decoded, not the postings whole (issue 20)."""
    notes = dense()
    assembly = search_assembly.Assembly()
    kept(assembly, notes)
    postings = assembly.shared["zh-Hans"].postings
    total = entries(postings)
    long = sum(
        keys[key].count(" ") + 1
        for keys, marks in zip((postings.pairs, postings.chars), postings.marks, strict=True)
        for key in marks
    )
    assert long > total // 2  # most entries are in long postings
    url = "notes/d040/"
    if change in NOTE_CHANGES:
        after_notes = with_note_changed(
            notes, change, url, ("新笔记", ["新笔记讲芯片和数据中心。", "还有网络。"])
        )
    else:
        after_notes = {
            **notes,
            "notes/d040a/": ("新笔记", ["讲芯片。"]),
            "notes/d100a/": ("又一篇", ["讲网络。"]),
        }
    after = kept(assembly, after_notes)
    assert after == clean(after_notes)
    assert not assembly.stats.rebuilt and len(postings.marks[0]) <= assembly.stats.keys_spliced
    # One or two buckets of 64 renumbered: a small share of the entries decoded (270-750 of 20,380;
    # decoding each spliced key whole, as before, was 18,345).
    assert assembly.stats.entries_decoded < total // 10, (assembly.stats.entries_decoded, total)


def test_a_sequence_of_adds_deletes_and_renames_gives_a_clean_builds_files() -> None:
    rng = random.Random(8)
    notes = dense(100, seed=9)
    assembly = search_assembly.Assembly()
    kept(assembly, notes)
    spliced = 0
    for step in range(10):
        url = rng.choice(sorted(notes))
        if step % 3 == 0:
            notes = {**notes, f"{url[:-1]}x{step}/": (f"新{step}", [rng.choice(WORDS) * 3 + "。"])}
        elif step % 3 == 1:
            notes = {k: v for k, v in notes.items() if k != url}
        else:
            notes = {(f"notes/r{step}/" if k == url else k): v for k, v in notes.items()}
        assert kept(assembly, notes) == clean(notes), step
        spliced += not assembly.stats.rebuilt
    assert spliced >= 6  # the others: a bucket outgrew its span, every page renumbered


def _postings_state(postings: search_postings.Postings) -> tuple[Any, ...]:
    marks = tuple({k: list(m) for k, m in marks.items()} for marks in postings.marks)
    return postings.pairs, postings.chars, marks


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("marked", [0, search_postings.MARKED_LENGTH])
def test_spliced_postings_are_a_rebuilds(seed: int, marked: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Numbers taken, freed and moved within their bucket: the texts and marks a rebuild makes."""
    monkeypatch.setattr(search_postings, "MARKED_LENGTH", marked)  # 0: every key spliced by its runs
    rng = random.Random(seed)
    span, buckets = rng.choice([8, 16, 64]), rng.randint(1, 12)

    def text() -> str:
        return "".join(rng.choice("数据中心软件网络ab ") for _ in range(rng.randint(0, 30)))

    docs = {d: text() for b in range(buckets) for d in rng.sample(range(b * span, (b + 1) * span), span // 2)}
    postings = search_postings.Postings()
    postings.rebuild(docs, True, span)
    for _ in range(6):
        new = dict(docs)
        for _ in range(rng.randint(1, 6)):
            kind = rng.random()
            if kind < 0.3 and new:
                del new[rng.choice(sorted(new))]
            elif kind < 0.6:
                new[rng.randrange(buckets * span)] = text()
            elif new:
                doc = rng.choice(sorted(new))
                new[doc // span * span + rng.randrange(span)] = new.pop(doc)
        postings.splice(new)
        fresh = search_postings.Postings()
        fresh.rebuild(new, True, span)
        assert _postings_state(postings) == _postings_state(fresh)
        docs = new


class _CountedDocs(dict):
    """Numbered texts that count the numbers looked up."""

    looked = 0

    def get(self, key, default=None):
        type(self).looked += 1
        return super().get(key, default)


@pytest.mark.parametrize("seed", range(30))
def test_changed_numbers_by_page_are_the_whole_comparisons(seed: int) -> None:
    """``Postings.changed`` from the pages' keys: the numbers comparing every text gives, looking up only the edited pages'."""
    rng = random.Random(seed)

    def text() -> str:
        return "".join(rng.choice("数据中心软件网络ab") for _ in range(rng.randint(1, 12)))

    pages = {f"p{n:03d}/": [text() for _ in range(rng.randint(0, 12))] for n in range(rng.randint(2, 40))}

    def laid_out(pages: dict[str, list[str]]) -> tuple[tuple[Any, ...], dict[int, str]]:
        numbering = search_numbering.Numbering.of([(url, len(pages[url])) for url in sorted(pages)])
        return search_numbering.numbered(numbering, [(url, pages[url]) for url in sorted(pages)])

    shape, docs = laid_out(pages)
    postings = search_postings.Postings()
    postings.rebuild(docs, True, 8)
    for _ in range(8):
        new = {url: list(texts) for url, texts in pages.items()}  # the same strings: kept records'
        edited = rng.sample(sorted(new), rng.randint(1, 2))
        for url in edited:
            kind = rng.random()
            if kind < 0.4 and new[url]:
                new[url][rng.randrange(len(new[url]))] = text()
            elif kind < 0.7:
                new[url].append(text())  # may grow past its block: the pages after it renumbered
            elif new[url]:
                new[url].pop()
        new_shape, new_docs = laid_out(new)
        whole = postings.changed(new_docs)
        _CountedDocs.looked = 0
        by_page = postings.changed(_CountedDocs(new_docs), new_shape, shape)
        assert by_page == whole
        moved = {e[0] for e in shape} != {e[0] for e in new_shape}
        if not moved:  # only the edited pages' numbers looked up
            assert _CountedDocs.looked <= sum(2 * (len(new[url]) + 2) for url in edited)
        postings.splice(new_docs, whole)
        pages, shape = new, new_shape


@pytest.mark.parametrize("seed", range(30))
def test_numbered_texts_from_the_last_saves_equal_those_made_afresh(seed: int) -> None:
    """``numbered`` with a variant's memo: the key and texts by number of a call without it; a page
    whose number, title and passage list are the same objects keeps its entry (not made again)."""
    rng = random.Random(seed)

    def text() -> str:
        return "".join(rng.choice("数据中心软件网络ab") for _ in range(rng.randint(1, 12)))

    pages = {f"p{n:03d}/": [text() for _ in range(rng.randint(0, 12))] for n in range(rng.randint(2, 40))}
    titles = {url: text() for url in pages}
    memo = search_numbering.NumberedMemo()
    for _ in range(12):
        numbering = search_numbering.Numbering.of([(url, len(pages[url])) for url in sorted(pages)])
        listed = [(titles[url], pages[url]) for url in sorted(pages)]
        last = list(memo.pages)
        shape, docs = search_numbering.numbered(numbering, listed, memo)
        afresh = search_numbering.numbered(numbering, [(t, list(texts)) for t, texts in listed])
        assert (shape, docs) == afresh
        if len(last) == len(listed):
            for entry, start, (title, texts), (old_start, old_title, old_texts, old_entry) in zip(
                shape, numbering.starts, listed, last, strict=True
            ):
                if start == old_start and title is old_title and texts is old_texts:
                    assert entry is old_entry
        pages = dict(pages)  # the next save: unchanged pages keep their list (a kept record's)
        for url in rng.sample(sorted(pages), rng.randint(1, 2)):
            kind = rng.random()
            if kind < 0.3 and pages[url]:
                pages[url] = [*pages[url][:-1], text()]
            elif kind < 0.5:
                pages[url] = [*pages[url], *(text() for _ in range(rng.randint(1, 9)))]  # may renumber
            elif kind < 0.6:
                titles[url] = text()
            elif kind < 0.7 and len(pages) > 2:
                del pages[url], titles[url]  # fewer pages: all done again
            elif kind < 0.8:
                pages[f"{url}x/"], titles[f"{url}x/"] = [text()], text()
            else:
                pages[url] = pages[url][: rng.randint(0, len(pages[url]))]


def files_in(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_save_writes_only_the_files_whose_bytes_changed(tmp_path: Path, warm) -> None:
    assembly, notes, before = warm
    site = tmp_path / "served"
    first = writing.write_index(before.items(), site, PREFIXES)
    total = sum(len(files) for files in before.values()) - 2 * sum(
        1 for n in before["zh-Hans"] if n.startswith("../")
    )  # the shared postings are written once
    assert first.files == total
    after_notes = edited(notes, "notes/n003/", 0, "新写的段落讲芯片设计。")
    after = kept(assembly, after_notes)
    stats = writing.write_index(after.items(), site, PREFIXES)
    assert 0 < stats.files < total // 5, (stats, total)
    assert stats.renamed >= 4  # b, u, and each variant's f (the words are all still there)
    # The folder holds what a clean write of a clean build holds.
    fresh = tmp_path / "clean"
    writing.write_index(clean(after_notes).items(), fresh, PREFIXES)
    assert files_in(site) == files_in(fresh)


@pytest.mark.parametrize("change", ["note deleted", "note renamed"])
def test_a_family_folder_whose_name_and_files_are_the_last_writes_is_not_gone_over(
    tmp_path: Path, warm, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """The same folder name and file names: every file kept, none looked at; other names: a clean write's files."""
    assembly, notes, before = warm
    site = tmp_path / "served"
    writing.write_index(before.items(), site, PREFIXES)
    looked: list[str] = []
    stored_name = writing.stored_name
    monkeypatch.setattr(writing, "stored_name", lambda name: looked.append(name) or stored_name(name))
    again = writing.write_index(kept(assembly, notes).items(), site, PREFIXES)
    assert looked == [] and again.files == 0 and again.kept > 0
    # The pages after it in its bucket renumbered: their fragment files renamed, their texts the same.
    after_notes = with_note_changed(notes, change, "notes/n004/", ())
    stats = writing.write_index(kept(assembly, after_notes).items(), site, PREFIXES)
    assert stats.files > 0
    fresh = tmp_path / "clean"
    writing.write_index(clean(after_notes).items(), fresh, PREFIXES)
    assert files_in(site) == files_in(fresh)


@pytest.mark.parametrize("seed", range(12))
def test_a_renamed_family_folder_keeping_its_file_names_writes_only_the_changed_files(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save changing a few files' texts: only they are deflated and written, the rest kept as the last write left them.

    Random sequences of writes into one site, each against a clean write of the same files: the
    same files on disk, the same bytes counted, and the stored files read back for a new folder.
    """
    rng = random.Random(seed)
    names = [f"{8 * i}-{c}.json" for i in range(30) for c in range(rng.randint(1, 3))]
    texts = {name: json.dumps([name, -1]) for name in names}

    def variant_files() -> dict[str, dict[str, str]]:
        folder = search_postings.folder_name("f", (search_postings.sha(t) for t in texts.values()))
        return {code: {f"{folder}/{name}": text for name, text in texts.items()} for code in PREFIXES}

    site = tmp_path / "served"
    writing.write_index(variant_files().items(), site, PREFIXES)
    looked: list[str] = []  # files gone over one by one (``stored_name``): none on these saves
    stored_name = writing.stored_name
    for step in range(6):
        changed = set(rng.sample(names, rng.randint(0, 6)))
        for name in changed:
            texts[name] = json.dumps([name, step, rng.randrange(1000)])
        monkeypatch.setattr(writing, "stored_name", lambda name: looked.append(name) or stored_name(name))
        stats = writing.write_index(variant_files().items(), site, PREFIXES)
        monkeypatch.setattr(writing, "stored_name", stored_name)
        assert looked == []
        fresh = writing.write_index(variant_files().items(), tmp_path / f"clean{step}", PREFIXES)
        assert files_in(site) == files_in(tmp_path / f"clean{step}")
        assert (stats.files, stats.compressed) == (len(changed) * len(PREFIXES),) * 2
        assert stats.kept == (len(names) - len(changed)) * len(PREFIXES) and stats.bytes == fresh.bytes
    again = writing.write_index(
        variant_files().items(), tmp_path / "new", PREFIXES, writing.stored_files(site)
    )
    assert again.compressed == 0 and files_in(tmp_path / "new") == files_in(site)


def test_without_a_record_the_files_on_disk_are_compared(tmp_path: Path, warm) -> None:
    """A new process writing into a folder that holds an index: files with the same bytes stay as they are."""
    _, _notes, before = warm
    site = tmp_path / "site"
    writing.write_index(before.items(), site, PREFIXES)
    writing._WRITTEN.clear()
    stats = writing.write_index(before.items(), site, PREFIXES)
    assert stats.files == 0 and stats.kept > 0


def test_a_new_folder_written_from_the_last_writes_stored_files_deflates_only_what_they_lack(
    tmp_path: Path, warm
) -> None:
    """``stored_files``: read back by SHA-256 of the JSON, a file changed on disk left out (deflated again)."""
    _, _notes, before = warm
    site = tmp_path / "site"
    first = writing.write_index(before.items(), site, PREFIXES)
    assert first.compressed == first.files - 3  # all but the three manifests
    changed = next((site / "search").glob("b-*/*.deflate"))  # a shard's JSON: in no other file
    changed.write_bytes(zlib.compress(b"[]", 9))
    kept = writing.stored_files(site)
    assert 0 < len(kept) < first.compressed
    again = writing.write_index(before.items(), tmp_path / "new", PREFIXES, kept)
    assert again.compressed == 1
    changed.unlink()
    writing.write_index(before.items(), tmp_path / "clean", PREFIXES)
    assert files_in(tmp_path / "new") == files_in(tmp_path / "clean")


#: Rebuilds like ``mkdocs serve --dirty`` on each line of stdin; answers with the search stage's counters.
DIRTY_SERVER = textwrap.dedent(
    """
    import json, logging, re, sys
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    config_file, site_dir = sys.argv[1:3]
    counters = {}
    class Count(logging.Handler):
        def emit(self, record):
            m = re.search(r"(\\d+) of (\\d+) page records redone.*?(\\d+) files written", record.getMessage())
            if m:
                counters.update(redone=int(m[1]), pages=int(m[2]), written=int(m[3]))
    logger = logging.getLogger("mkdocs.plugins.zhudu")
    logger.setLevel(logging.DEBUG)
    logger.addHandler(Count(logging.DEBUG))
    first = True
    for line in sys.stdin:
        counters.clear()
        config = load_config(config_file=config_file, site_dir=site_dir)
        if first:
            config.plugins.on_startup(command="serve", dirty=True)
            first = False
        build(config, dirty=True)
        print(json.dumps(counters), flush=True)
    """
)


@pytest.mark.slow
def test_serve_saves_write_the_search_files_of_a_clean_build(tmp_path: Path) -> None:
    from test_serve_incremental import project

    root = project(tmp_path / "project")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    site = tmp_path / "served"
    server = subprocess.Popen(
        [sys.executable, "-c", DIRTY_SERVER, str(root / "mkdocs.yml"), str(site)],
        cwd=root,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )

    def rebuild() -> dict[str, int]:
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write("build\n")
        server.stdin.flush()
        answer = server.stdout.readline()
        assert answer, "the rebuild failed"
        return json.loads(answer)

    def search_files(folder: Path) -> dict[str, bytes]:
        return {k: v for k, v in files_in(folder).items() if re.match(r"^(?:[^/]+/)?search/", k)}

    cleans: dict[str, dict[str, bytes]] = {}  # the digest of the project's files → their clean build's

    def clean_build() -> dict[str, bytes]:
        """``mkdocs build`` by a new process with an empty cache of its own (not the server's: clean_builds.py).

        Files back at the bytes of an earlier step: that step's clean build (the same bytes)."""
        if (key := project_digest(root)) not in cleans:
            out = tmp_path / f"clean-{len(cleans)}"
            same_code = project_digest(root / "hooks") == repo_code()
            build_clean(root, out, tmp_path / f"cache-{out.name}", None, same_code)
            cleans[key] = search_files(out)
        return cleans[key]

    note = sorted((root / "seeds").glob("*.md"))[0]
    try:
        first = rebuild()
        assert search_files(site) == clean_build()
        assert first["redone"] == first["pages"] > 0
        note.write_text(
            note.read_text(encoding="utf-8") + "\n\n鲸鱼的歌声在海里传得很远。\n", encoding="utf-8"
        )
        counters = rebuild()
        assert search_files(site) == clean_build()
        assert counters["redone"] == 3  # the note's page, in each variant
        # A third at most: the fragments are one copy for the three variants (fewer files in all).
        assert 0 < counters["written"] < len(search_files(site)) // 3
        assert any(
            "鲸鱼" in zlib.decompress(v).decode()  # stored deflated (writing.stored)
            for k, v in search_files(site).items()
            if k.startswith("search/b-")
        )
        # A note added, renamed, deleted: the pages after it in its bucket renumbered, spliced.
        added = note.with_name("0000-added.md")
        added.write_text("---\ntitle: 新增笔记\n---\n\n新增的段落讲鲸鱼。\n", encoding="utf-8")
        rebuild()
        assert search_files(site) == clean_build()
        renamed = note.with_name("zzzz-renamed.md")
        added.rename(renamed)
        rebuild()
        assert search_files(site) == clean_build()
        renamed.unlink()
        rebuild()
        assert search_files(site) == clean_build()
    finally:
        server.kill()
        server.wait()


def test_a_serve_process_keeps_one_assembly_per_setting_and_drops_it_after_a_failure() -> None:
    first = search_persist.kept(("zh-Hans", "../../search", "a"))
    assert search_persist.kept(("zh-Hans", "../../search", "a")) is first
    second = search_persist.kept(("zh-Hans", "", "a"))
    assert second is not first  # other settings: made anew
    assert search_persist.kept(("zh-Hans", "", "a")) is second
    search_persist.forget()  # what the search stage does when making the index failed
    assert search_persist.kept(("zh-Hans", "", "a")) is not second
