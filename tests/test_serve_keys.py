"""The keys of what ``mkdocs serve`` keeps from one save to the next (pure modules, no build).

* ``themes/matching.SCANS``: a note's folded passages and phrase hits, by the map's phrases and
  the note's passage texts: matching with kept scans equals matching afresh;
* ``matching.SCANS.note_hits``: a note's hits and their digests (``page_digests.hits_digest``), by
  its id and passages: an unchanged note's are the last build's, an edited note's are made again;
* ``render_keys.note_key``: the glossary terms a note's render can show; with what a save keeps of
  a note's Markdown (``serving.Remembered.facts``) the same key and link targets as afresh;
* ``editorial.load_note_overrides`` / ``corpus.note_ids``: kept by their exact inputs;
* ``publish/written.sweep``: kept pages no build needs are removed once old.
"""

from __future__ import annotations

import contextlib
import os
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_themes import _notes

from zhudu import cache, editorial, serving
from zhudu.annotate import annotations, textmarks
from zhudu.annotate.annotations import AnnotationExtension
from zhudu.annotate.glossary import Glossary, Term
from zhudu.annotate.passages import Passage
from zhudu.errors import EditorialError
from zhudu.notes import corpus as notes_corpus
from zhudu.notes import reads as reads_module
from zhudu.notes.reads import NoteReads
from zhudu.publish import page_digests, page_meta, workers, written
from zhudu.publish.page_digests import hits_digest
from zhudu.render_keys import note_key
from zhudu.themes import matching, theme_index
from zhudu.themes.theme_index import Hit, NotePassages, ThemeIndex
from zhudu.themes.theme_map import Snippet, Theme, ThemeMap


def _seen(index: ThemeIndex) -> tuple[object, ...]:
    return index.hits, [str(p) for p in index.problems], index.timings["passages"], index.timings["chars"]


def _fresh(theme_map: ThemeMap, notes: list, monkeypatch: pytest.MonkeyPatch) -> ThemeIndex:
    monkeypatch.setattr(matching, "SCANS", matching.Scans())
    return matching.build_index(theme_map, notes)


def test_matching_with_kept_scans_equals_matching_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    def theme_map(*chip_phrases: str) -> ThemeMap:
        return ThemeMap(
            path="x.yml",
            themes=(
                Theme("cloud", "云", "d", ("数据中心", "云计算"), 1),
                Theme("chips", "芯片", "d", chip_phrases, 2),
            ),
            pins=(Snippet("chips", "c", "這道牆", 5),),
            exclusions=(Snippet("cloud", "b", "云计算和", 6),),
        )

    before = _notes(
        a=["数据中心的GPU", "无关"], b=["中心式的云計算和芯片", "gpu与云计算"], c=["这道墙"], d=["數據中心"]
    )
    # b edited (same note id, other texts), d deleted, e added, a and c unchanged.
    after = _notes(
        a=["数据中心的GPU", "无关"], b=["中心式的云計算和芯片", "只有GPU"], c=["这道墙"], e=["云计算"]
    )
    monkeypatch.setattr(matching, "SCANS", kept := matching.Scans())
    matching.build_index(theme_map("芯片", "GPU"), before)
    for notes, phrases in ((after, ("芯片", "GPU")), (after, ("芯片",)), (before, ("芯片",))):
        monkeypatch.setattr(matching, "SCANS", kept)
        reused = matching.build_index(  # in forked slices, as a build does: only the new notes are scanned
            theme_map(*phrases), notes, slices=2, map_slices=lambda f, parts: workers.forked_map(f, parts, 2)
        )
        assert _seen(reused) == _seen(_fresh(theme_map(*phrases), notes, monkeypatch))


def test_a_quoted_notes_hits_are_kept_while_its_pins_and_exclusions_are_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A note a pin or exclusion quotes keeps its hits (and their digests' dict) like any other note.

    Its hits depend on the pins and exclusions placed in it too (``matching._build_index``: they are
    in its key), so one added, removed or moved makes them again; each step equals matching afresh.
    """

    def theme_map(pins: tuple[Snippet, ...], exclusions: tuple[Snippet, ...]) -> ThemeMap:
        themes = (Theme("t", "T", "d", ("gpu",), 1), Theme("u", "U", "d", ("墙",), 2))
        return ThemeMap(path="x.yml", themes=themes, pins=pins, exclusions=exclusions)

    notes = _notes(a=["GPU 很贵", "这道墙"], b=["gpu 便宜", "gpu 与墙"], c=["无关"])
    pin, moved = Snippet("t", "a", "这道墙", 5), Snippet("t", "a", "GPU 很贵", 5)
    exclusion = Snippet("t", "b", "gpu 与墙", 6)
    kept = matching.Scans()
    steps = [
        ((pin,), ()),
        ((pin,), ()),
        ((), ()),
        ((pin,), (exclusion,)),
        ((pin,), (exclusion,)),
        ((moved,), (exclusion,)),
    ]
    last: ThemeIndex | None = None
    for pins, exclusions in steps:
        monkeypatch.setattr(matching, "SCANS", kept)
        index = matching.build_index(theme_map(pins, exclusions), notes)
        assert _seen(index) == _seen(_fresh(theme_map(pins, exclusions), notes, monkeypatch))
        if last is not None:
            same_a = last.hits_in("t", "a") == index.hits_in("t", "a")
            same_b = last.hits_in("t", "b") == index.hits_in("t", "b")
            assert (index.hit_digests["a"] is last.hit_digests["a"]) == same_a
            assert (index.hit_digests["b"] is last.hit_digests["b"]) == same_b
            assert index.hit_digests["c"] is last.hit_digests["c"]
        last = index
    assert index.timings["notes kept"] == 2  # the pin moved within a: only a's hits made again


def test_hit_digests_follow_the_hits_and_their_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    theme_map = ThemeMap(path="x.yml", themes=(Theme("t", "T", "d", ("gpu",), 1),))
    monkeypatch.setattr(matching, "SCANS", matching.Scans())

    def digests(notes: list) -> tuple[ThemeIndex, dict[str, str]]:
        index = matching.build_index(theme_map, notes)
        return index, {n: hits_digest(index, "t", n, index.hits_in("t", n)) for n in ("a", "b")}

    first_index, first = digests(_notes(a=["GPU 很贵", "无关"], b=["gpu 便宜"]))
    # b's passage quoted otherwise: its digest changes (the panel quotes the passage), a's is kept.
    index, second = digests(_notes(a=["GPU 很贵", "无关"], b=["gpu 不便宜"]))
    assert second["a"] == first["a"] and second["b"] != first["b"]
    # An unchanged note's hits and digests are the last build's objects: nothing made or hashed again.
    assert first_index.timings["notes kept"] == 0 and index.timings["notes kept"] == 1
    assert index.hit_digests["a"] is first_index.hit_digests["a"]
    assert index.hits_in("t", "a")[0] is first_index.hits_in("t", "a")[0]
    assert index.hit_digests["b"] is not first_index.hit_digests["b"]
    # One more hit in a passage (other spans): another digest.
    _, third = digests(_notes(a=["GPU 很贵，gpu", "无关"], b=["gpu 不便宜"]))
    assert third["a"] != first["a"] and third["b"] == second["b"]
    # The same notes matched afresh give the same digests.
    monkeypatch.setattr(matching, "SCANS", matching.Scans())
    assert digests(_notes(a=["GPU 很贵，gpu", "无关"], b=["gpu 不便宜"]))[1] == third


def test_an_unchanged_notes_hits_are_found_without_hashing_or_going_over_its_passages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A note whose passages are the last build's objects keeps its hits by its id: no passage is hashed.

    Equal passages made anew (a new serve's, read from the cache folder) are still kept, compared by
    value; the index looks passages up per note (``ThemeIndex.passage_by_key``).
    """
    theme_map = ThemeMap(path="x.yml", themes=(Theme("t", "T", "d", ("gpu",), 1),))
    notes = _notes(a=["GPU 很贵", "无关"], b=["gpu 便宜"])
    monkeypatch.setattr(matching, "SCANS", kept := matching.Scans())
    first = matching.build_index(theme_map, notes)

    def unhashable(self: Passage) -> int:
        raise AssertionError(f"passage {self.anchor} hashed")

    monkeypatch.setattr(Passage, "__hash__", unhashable)
    again = matching.build_index(theme_map, notes)
    assert again.timings["notes kept"] == 2 and again.timings["scanned"] == 0
    assert _seen(again) == _seen(first)
    assert again.hits_in("t", "a")[0] is first.hits_in("t", "a")[0]
    assert again.passage_by_key[("a", "p-a1")] is notes[0].passages[1]
    assert again.passage_by_key.get(("a", "p-zz")) is None and again.passage_by_key.get(("zz", "p")) is None
    assert sorted(again.passage_by_key) == [("a", "p-a0"), ("a", "p-a1"), ("b", "p-b0")]
    assert again.themes_of_passage("b", "p-b0") == first.themes_of_passage("b", "p-b0") != []
    monkeypatch.undo()  # passages hash again
    monkeypatch.setattr(matching, "SCANS", kept)
    anew = _notes(a=["GPU 很贵", "无关"], b=["gpu 便宜"])
    equal = matching.build_index(theme_map, anew)
    assert equal.timings["notes kept"] == 2 and _seen(equal) == _seen(first)

    def not_by_value(self: Passage, other: object) -> bool:
        raise AssertionError(f"passage {self.anchor} compared by value")

    # Found equal once, the new passages are kept: the next save compares them by identity.
    monkeypatch.setattr(Passage, "__eq__", not_by_value)
    again = matching.build_index(theme_map, anew)
    assert again.timings["notes kept"] == 2 and again.timings["scanned"] == 0


def test_glossary_counts_are_made_again_exactly_for_a_new_list_of_occurrences() -> None:
    from zhudu.annotate.glossary.marking import Occurrence, counts

    a = [Occurrence("t", "a", "p1", True), Occurrence("t", "a", "p2", False)]
    b = [Occurrence("t", "b", "p1", True)]
    assert counts({"a": ("a/", a), "b": ("b/", b)}) == {"a": (1, 2), "b": (1, 1)}
    first = counts({"a": ("a/", a), "b": ("b/", b)})
    again = counts({"a": ("a/", a), "b": ("b/", b)})
    assert again == first and again["a"] is first["a"]  # the same list: counted once
    edited = [Occurrence("t", "a", "p1", True), Occurrence("t", "a", "p2", True)]
    assert counts({"a": ("a/", edited), "b": ("b/", b)}) == {"a": (2, 2), "b": (1, 1)}
    assert counts({"b": ("b/", b)}) == {"b": (1, 1)}


def test_a_notes_render_key_holds_the_terms_it_can_show() -> None:
    def term(name: str, explanation: str, line: int) -> Term:
        return Term(name, name, (), explanation, None, None, line)

    fold = textmarks.CharFold(lambda s: s.replace("計", "计"))
    annotations = AnnotationExtension(lambda s: s)
    glossary = Glossary("g.yml", (term("算力", "计算能力", 1), term("芯片", "集成电路", 5)))

    def key(markdown: str, terms: Glossary = glossary) -> str:
        return note_key("source", "a", markdown, terms, fold, annotations)

    moved = Glossary(
        "g.yml", (term("芯片", "集成电路", 9), term("算力", "计算能力", 2))
    )  # reordered, other lines
    changed_other = Glossary("g.yml", (term("算力", "计算能力", 1), term("芯片", "一种器件", 5)))
    changed_own = Glossary("g.yml", (term("算力", "计算的能力", 1), term("芯片", "集成电路", 5)))
    text = "需要很多算力。"
    assert key(text, moved) == key(text) == key(text, changed_other)
    assert key(text, changed_own) != key(text)
    # The source spells the term otherwise (an entity, a backslash, a line break): counted in, to be safe.
    for source in ("需要很多&#31639;力。", "需要很多算\\力。", "需要很多算\n力。"):
        assert key(source, changed_own) != key(source), source


def test_kept_pages_no_build_needs_are_swept_once_old(tmp_path: Path) -> None:
    store = cache.ArtifactCache(tmp_path)
    now = time.time()
    old = now - written.UNUSED_FOR - 60
    needed, unneeded, new = ("aa" + "0" * 62, "bb" + "1" * 62, "cc" + "2" * 62)
    for key in (needed, unneeded, new):
        store.put(written.KIND, key, written.WrittenPage("u/", None, True, True, (("u/index.html", b"x"),)))
    for key in (needed, unneeded):
        path = tmp_path / written.KIND / key
        os.utime(path, (old, old))
    assert written.sweep(store, {needed}, now) == 1
    assert store.has(written.KIND, needed) and store.has(written.KIND, new)
    assert not store.has(written.KIND, unneeded)


def test_the_sweep_never_follows_a_link_or_removes_what_it_did_not_write(tmp_path: Path) -> None:
    """A linked folder (or file) in the store may point anywhere on the disk: never entered."""
    store = cache.ArtifactCache(tmp_path / "cache")
    outside = tmp_path / "outside"
    outside.mkdir()
    victim, stray = outside / ("dd" + "3" * 62), tmp_path / "cache" / written.KIND / "ee" / "notes.txt"
    victim.write_bytes(b"keep")
    kept = tmp_path / "cache" / written.KIND
    kept.mkdir(parents=True)
    (kept / "dd").symlink_to(outside)  # a linked folder
    stray.parent.mkdir()
    stray.write_bytes(b"keep")  # a name keep() never writes
    (stray.parent / ("ee" + "4" * 62)).symlink_to(victim)  # a linked file, in the older layout's folder
    (kept / ("ff" + "5" * 62)).symlink_to(victim)  # and in the kind's own
    old = time.time() - written.UNUSED_FOR - 60
    for path in (victim, stray):
        os.utime(path, (old, old))
    assert written.sweep(store, set(), time.time()) == 0
    assert victim.read_bytes() == b"keep" and stray.read_bytes() == b"keep"


def test_related_notes_are_ranked_again_exactly_when_their_inputs_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``page_digests.related_notes`` keeps a note's related list while what it is ranked from holds.

    Random small corpora (3 themes, 2 candidates per theme so the cut matters), each followed by a
    random change (a note deleted, a count or a date changed, a note added): the kept list always
    equals the index's own ranking, and a note whose inputs did not change is not ranked again.
    """
    monkeypatch.setattr(theme_index, "CANDIDATES_PER_THEME", 2)
    monkeypatch.setattr(page_digests, "_RELATED", {})
    rng = random.Random(19)
    themes = tuple(Theme(t, t.upper(), "d", (t,), i) for i, t in enumerate(("x", "y", "z")))
    theme_map = ThemeMap(path="x.yml", themes=themes)

    def index_of(counts: dict[str, dict[str, int]], dates: dict[str, str]) -> ThemeIndex:
        notes = tuple(
            NotePassages(n, n, n, dates[n], tuple(Passage(f"p-{n}{k}", "p", "t") for k in range(9)))
            for n in sorted(counts)
        )
        hits = tuple(
            Hit(theme, n, f"p-{n}{k}", (theme,), ((0, 1),))
            for n in sorted(counts)
            for theme, count in sorted(counts[n].items())
            for k in range(count)
        )
        return ThemeIndex(theme_map, notes, hits)

    def random_counts() -> dict[str, int]:
        return {t.id: rng.randint(1, 4) for t in themes if rng.random() < 0.6}

    counts = {f"n{i}": random_counts() for i in range(8)}
    dates = {n: f"2025-01-0{rng.randint(1, 3)}" for n in counts}
    ranked_again = 0
    for step in range(60):
        index = index_of(counts, dates)
        fresh = index_of(counts, dates)
        memo: dict[str, str] = {}
        before = dict(page_digests._RELATED)
        for note in sorted(counts):
            mine = [t.id for t, _ in index.themes_of_note(note)]
            kept = page_digests.related_notes(index, note, mine, memo)
            assert list(kept) == fresh.related(note), (step, note)
            assert index.related(note) == list(kept)  # the page shows what the plan digested
        ranked_again += len(page_digests._RELATED) - len(before)
        change = rng.choice(("delete", "count", "date", "add"))
        note = rng.choice(sorted(counts))
        if change == "delete" and len(counts) > 3:
            del counts[note], dates[note]
        elif change == "count":
            counts[note] = random_counts()
        elif change == "date":
            dates[note] = f"2025-01-0{rng.randint(1, 3)}"
        else:
            added = f"n{len(counts) + step + 10}"
            counts[added], dates[added] = random_counts(), "2025-01-02"
    # Each change re-ranks the notes whose inputs it touched, not all 8 notes of each of the 60 steps.
    assert 0 < ranked_again < 60 * 8 / 2


def test_a_notes_read_cites_its_entrys_lines_where_they_are_now(tmp_path: Path) -> None:
    """A note's read is kept when only the lines of its notes.yml entry moved (another entry was
    removed above it), and read again when a line its problem cites moved."""
    (tmp_path / "good.md").write_text("---\ntitle: 好\n---\n\n正文。\n", encoding="utf-8")
    (tmp_path / "bad.md").write_text("---\ntitle: 坏\n---\n\n正文。\n", encoding="utf-8")
    overrides = {"good": {"title": "好的"}, "bad": {"title": "坏的", "date": "上周"}}
    reads = NoteReads()

    def load(first_line: int) -> dict[str, object]:
        lines = {
            "good": {"title": first_line + 1},
            "bad": {"title": first_line + 3, "date": first_line + 4},
        }
        corpus = _load_notes(tmp_path.glob("*.md"), reads, overrides, lines)
        return {n.id: [str(p) for p in n.problems] for n in corpus.notes}

    first = load(1)
    assert first["good"] == [] and len(first["bad"]) == 1 and "notes.yml:5" in first["bad"][0]
    moved = load(7)  # an entry of 6 lines removed above both
    assert reads.hits == 1 and reads.misses == 1  # good kept; bad read again: its problem's line moved
    assert moved["good"] == [] and "notes.yml:11" in moved["bad"][0] and "date" in moved["bad"][0]


def test_a_settled_notes_status_stands_for_its_bytes_and_any_change_is_still_seen(tmp_path: Path) -> None:
    """A note's bytes are read and hashed again only when its file's status changed, or while its
    last change is too recent for the status to tell (``reads.SETTLED_NS``)."""
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n\n的的的。\n", encoding="utf-8")
    reads = NoteReads()

    def load() -> dict[str, str]:
        corpus = _load_notes(tmp_path.glob("*.md"), reads)
        return {n.id: n.markdown for n in corpus.notes}

    load()
    assert reads.counts() == (0, 3, 3)
    load()  # just written: the files' status cannot stand for their bytes yet
    assert reads.counts() == (3, 0, 3)
    later = time.time_ns() + 10 * reads_module.SETTLED_NS
    reads.clock = lambda: later  # the same files, a while after they were last changed
    load()  # hashed once more, now that their status can stand for them
    assert reads.counts() == (3, 0, 3)
    assert load()["a"].strip() == "的的的。" and reads.counts() == (3, 0, 0)

    # An edit in place that puts the size and modification time back: the change time still moves
    # (once the file system's clock has ticked past the last change: a probe file says when).
    note, probe = tmp_path / "a.md", tmp_path / "probe"
    before = note.stat()
    while probe.write_bytes(b"") == 0 and probe.stat().st_ctime_ns <= before.st_ctime_ns:
        time.sleep(0.001)
    note.write_bytes(note.read_bytes().replace("的".encode(), "是".encode(), 1))
    os.utime(note, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert note.stat().st_size == before.st_size and note.stat().st_mtime_ns == before.st_mtime_ns
    # And another note replaced by a file of the same size and times (an editor's atomic save).
    other, new = tmp_path / "b.md", tmp_path / "b.tmp"
    other_before = other.stat()
    new.write_bytes(other.read_bytes().replace("的".encode(), "是".encode(), 1))
    os.utime(new, ns=(other_before.st_atime_ns, other_before.st_mtime_ns))
    new.replace(other)
    seen = load()
    assert reads.counts() == (1, 2, 2)
    assert seen["a"].strip() == "是的的。" and seen["b"].strip() == "是的的。"


def test_whole_second_file_times_or_a_polled_folder_keep_every_note_hashed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the change time is a copy of the modification time in whole seconds (sshfs, FAT, many
    network folders) or the author declared a polled folder, a file's status never stands for its
    bytes: a same-size edit that puts the times back is still seen."""
    note = tmp_path / "a.md"
    note.write_text("---\ntitle: a\n---\n\n的的的。\n", encoding="utf-8")
    real_stat = os.stat

    class WholeSeconds:  # what sshfs reports: ctime = mtime, whole seconds, and a settled file
        def __init__(self, found: os.stat_result) -> None:
            self.st_dev, self.st_ino, self.st_size = found.st_dev, found.st_ino, found.st_size
            self.st_mtime_ns = self.st_ctime_ns = 1_700_000_000 * 1_000_000_000

    reads = NoteReads()
    later = time.time_ns() + 10 * reads_module.SETTLED_NS
    reads.clock = lambda: later

    def load() -> str:
        corpus = _load_notes([note], reads)
        return corpus.notes[0].markdown.strip()

    with monkeypatch.context() as patched:
        # Only the note's own status: ``os`` is the process's module, and the time zone's first lookup
        # (``ZoneInfo``, made by whichever test reads a note first) stats its file too.
        patched.setattr(
            reads_module.os,
            "stat",
            lambda path, *a, **k: (
                WholeSeconds(real_stat(path, *a, **k))
                if os.fspath(path) == os.fspath(note)
                else real_stat(path, *a, **k)
            ),
        )
        load()
        load()
        assert reads.counts() == (1, 0, 1)  # hashed again although nothing in its status moved
        note.write_bytes(note.read_bytes().replace("的".encode(), "是".encode(), 1))  # the same size
        assert load() == "是的的。"
    load()  # a real status, settled: it stands for the bytes
    assert load() == "是的的。" and reads.counts() == (1, 0, 0)
    monkeypatch.setenv(reads_module.POLL_VARIABLE, "1")
    load()
    assert reads.counts() == (1, 0, 1)


@contextlib.contextmanager
def _serving_page_meta(monkeypatch: pytest.MonkeyPatch, memo: str, maker: str) -> Iterator[tuple[list, Any]]:
    """``page_meta`` under ``mkdocs serve`` with its ``memo`` empty; yields the values ``maker`` was called
    with (each call made afresh) and the real ``maker``."""
    monkeypatch.setattr(page_meta, memo, {})
    made: list[object] = []
    real = getattr(page_meta, maker)
    monkeypatch.setattr(page_meta, maker, lambda value: made.append(value) or real(value))
    annotations.set_command("serve")
    try:
        yield made, real
    finally:
        annotations.set_command("build")


def test_a_pages_metadata_text_is_the_last_plans_only_while_its_values_are_the_same_objects(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``page_meta.meta_text``: always the metadata's text afresh; kept (not made again) while
    every value is the last plan's object (a list item by item, the note's view); a dictionary
    that is not the view is never trusted (it may have changed in place)."""
    with _serving_page_meta(monkeypatch, "META", "stable_repr") as (made, real):
        view = {"id": "a", "title": "标题", "tags": ["甲"]}
        title = "标题"
        meta = {
            "template": "note.html",
            "title": title,
            "tags": ["甲", "乙"],
            "zd_note": view,
            "search": {"x": True},
        }

        def text(meta: dict[str, object], view: object = view) -> str:
            found = page_meta.meta_text("notes/a/index.html", meta, view)
            assert found == real(page_meta.without_note_id(meta))
            return found

        text(meta)
        text({**meta, "tags": list(meta["tags"]), "search": {"x": True}})  # new, of the same values: kept
        assert len(made) == 1
        text({**meta, "search": {"x": ["a"]}})  # a dictionary holding a list: never kept
        text({**meta, "search": {"x": ["a"]}})
        text(meta)  # the text kept before stands
        assert len(made) == 3
        del made[1:]
        text({**meta, "tags": ["甲", "丙"]})  # a tag changed
        text({**meta, "title": "另一个标题"})  # the title
        text({**meta, "tags": ("甲", "乙")})  # a tuple is not the list it was
        assert len(made) == 4
        text({**meta, "zd_note": {**view}})  # an equal view, another object: a dictionary, made again
        text(meta)  # the tags were a tuple last time
        assert len(made) == 6
        text(meta)
        assert len(made) == 6
        text(meta, view=None)  # the view not said to be one: a dictionary, never kept
        view["title"] = "改过"  # (a view is never changed; another dictionary might be)
        text(meta, view=None)
        assert len(made) == 8


def test_a_home_pages_cards_text_is_the_last_plans_only_while_each_card_is_the_same_object(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``page_meta.cards_text``: always the cards' text afresh (without the notes' ids); kept while
    the number of home pages and every card are the last plan's objects."""
    with _serving_page_meta(monkeypatch, "CARDS", "home_card") as (made, _real):
        cards = [{"id": f"n{k}", "title": f"第{k}篇", "url": f"notes/n{k}/"} for k in range(3)]

        def text(pages: int, cards: list[dict[str, object]]) -> str:
            found = page_meta.cards_text(2, pages, cards)
            assert found == repr((pages, [{k: v for k, v in c.items() if k != "id"} for c in cards]))
            assert "n1" not in found.replace("notes/n1/", "")
            return found

        text(5, cards)
        text(5, list(cards))  # the same cards in a new list: kept
        assert len(made) == 3
        text(5, [cards[0], {**cards[1], "title": "改了"}, cards[2]])
        text(6, cards)  # one more home page
        assert len(made) == 9


def test_what_a_save_keeps_of_a_notes_markdown_answers_as_afresh() -> None:
    """``serving.Remembered.facts``: a note's kept digest, link targets and terms equal those made afresh."""
    fold = textmarks.CharFold(lambda s: s)
    annotations = AnnotationExtension(lambda s: s)
    glossary = Glossary("g.yml", (Term("算力", "算力", (), "计算能力", None, None, 1),))
    markdown = "需要很多算力。[乙](b.md)、[丙](../c.md#x)、[外](https://example.com/)"
    memory = serving.Remembered()
    facts = memory.facts(markdown)
    afresh = note_key("source", "a", markdown, glossary, fold, annotations)
    files = {"notes/b.md", "c.md"}
    for _ in range(2):  # made, then kept
        assert note_key("source", "a", markdown, glossary, fold, annotations, facts=facts) == afresh
        kept = cache.relative_targets(markdown, "notes/a.md", files.__contains__, facts)
        assert kept == cache.relative_targets(markdown, "notes/a.md", files.__contains__)
        assert "c.md=True" in kept and "notes/b.md=True" in kept
    # What exists is asked each time: the kept targets are only the Markdown's.
    assert "notes/b.md=False" in cache.relative_targets(markdown, "notes/a.md", {"c.md"}.__contains__, facts)
    assert cache.relative_targets(markdown, "a.md", files.__contains__, facts) == cache.relative_targets(
        markdown, "a.md", files.__contains__
    )
    # Kept by the string object for this build and the next, then dropped.
    memory.start()
    assert memory.facts(markdown) is facts
    memory.start()
    memory.start()
    assert memory.facts(markdown) == {} and memory.facts("".join(["需要", "很多"])) == {}


def test_notes_yml_is_read_again_exactly_when_its_bytes_or_the_notes_change(tmp_path: Path) -> None:
    path = tmp_path / "notes.yml"
    path.write_text("a:\n  title: 甲\n", encoding="utf-8")
    first = editorial.load_note_overrides(path, "notes.yml", ["a", "b"])
    assert editorial.load_note_overrides(path, "notes.yml", ["b", "a"]) is first  # not parsed again
    path.write_text("a:\n  title: 乙\n", encoding="utf-8")
    assert editorial.load_note_overrides(path, "notes.yml", ["a", "b"]).values["a"]["title"] == "乙"
    path.write_text("a:\n  title: 甲\n", encoding="utf-8")  # the first bytes again: their values again
    assert editorial.load_note_overrides(path, "notes.yml", ["a", "b"]).values["a"]["title"] == "甲"
    with pytest.raises(EditorialError, match="unknown note id 'a'") as failed:  # its note gone
        editorial.load_note_overrides(path, "notes.yml", ["b"])
    assert failed.value.line == 1
    path.write_bytes(b"\xef\xbb\xbfa:\r\n  title: \xe4\xb8\x99\r\n")  # a BOM and CRLF, as read_text read them
    assert editorial.load_note_overrides(path, "notes.yml", ["a"]).lines == {"a": {"title": 2}}


def test_note_ids_kept_answer_the_same_paths_in_any_order(tmp_path: Path) -> None:
    paths = [tmp_path / name for name in ("b.md", "a.md", "a.txt", "c/a.md")]
    first = notes_corpus.note_ids(paths, tmp_path)
    assert notes_corpus.note_ids(list(reversed(paths)), tmp_path) == first
    assert list(notes_corpus.note_ids(list(reversed(paths)), tmp_path)) == list(first)
    assert notes_corpus.note_ids(paths[1:], tmp_path) == {p: first[p] for p in paths[1:]}
    # A path twice is not the same input: read afresh (the second takes the whole file name).
    assert notes_corpus.note_ids([*paths, paths[0]], tmp_path)[paths[0]] != first[paths[0]]
    assert notes_corpus.note_ids(paths, tmp_path) == first


@pytest.mark.parametrize("seed", range(6))
def test_a_walk_of_seeds_lists_what_a_fresh_walk_does_with_the_last_walks_paths(
    tmp_path: Path, seed: int
) -> None:
    """``folders.walk`` over random adds, deletes and renames: a fresh walk's paths, the last walk's objects where listed."""
    from zhudu.notes import folders

    rng = random.Random(seed)
    seeds = tmp_path / "seeds"
    (seeds / "读书").mkdir(parents=True)
    names = [f"{'读书/' if k % 3 == 0 else ''}n{k}.md" for k in range(12)]
    for name in names:
        (seeds / name).write_text("x", encoding="utf-8")
    last = {str(p): p for p in folders.walk(seeds)}
    for step in range(5):
        for name in rng.sample(names, 3):
            path = seeds / name
            if path.exists():
                path.rename(path.with_name(f"r{step}-{path.name}")) if rng.random() < 0.5 else path.unlink()
            else:
                path.write_text("y", encoding="utf-8")
        partial = folders.walk(seeds)
        next(partial)  # a walk not taken to its end (``has_notes_at_most``) changes nothing kept
        partial.close()
        walked = list(folders.walk(seeds))
        fresh = sorted(
            (p for p in seeds.rglob("*") if p.is_file()), key=lambda p: (str(p.parent) != str(seeds), str(p))
        )
        assert walked == fresh and [str(p) for p in walked] == [str(p) for p in fresh]
        assert all(p is last[str(p)] for p in walked if str(p) in last)
        last = {str(p): p for p in walked}


def test_a_kept_markdown_holds_only_the_last_glossarys_terms() -> None:
    fold = textmarks.CharFold(lambda s: s)
    annotations = AnnotationExtension(lambda s: s)
    markdown = "需要很多算力。"
    facts = serving.Remembered().facts(markdown)
    for explanation in ("计算能力", "算的能力", "计算能力"):
        glossary = Glossary("g.yml", (Term("算力", "算力", (), explanation, None, None, 1),))
        kept = note_key("s", "a", markdown, glossary, fold, annotations, facts=facts)
        assert kept == note_key("s", "a", markdown, glossary, fold, annotations)
        assert len([k for k in facts if "terms" in k]) == 1


def test_a_pages_search_bucket_is_hashed_once_per_url() -> None:
    from zhudu.search import numbering
    from zhudu.search.postings import shard_of

    numbering.bucket_of.cache_clear()
    urls = [f"notes/{i}/" for i in range(50)]
    made = numbering.Numbering.of([(url, 3) for url in urls])
    assert made.buckets == [shard_of(url, numbering.BUCKETS) for url in urls]
    assert numbering.Numbering.of([(url, 3) for url in urls]) == made  # every variant, every save
    info = numbering.bucket_of.cache_info()
    assert (info.misses, info.hits) == (50, 50)


def test_a_pages_digest_is_hashed_again_exactly_when_a_part_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Serve: a page whose parts are the last plan's gets the last digest without hashing them again."""
    from types import SimpleNamespace

    from zhudu.annotate import annotations

    monkeypatch.setattr(annotations, "_command", {"name": "serve"})
    monkeypatch.setattr(page_digests, "_PARTS", {})
    hashed: list[int] = []
    real = cache.digest

    def counted(*parts: str | bytes) -> str:
        hashed.append(len(parts))
        return real(*parts)

    monkeypatch.setattr(page_digests.cache, "digest", counted)

    def page(title: str, meta: dict) -> SimpleNamespace:
        file = SimpleNamespace(src_uri="notes/a.md", dest_uri="notes/a/index.html")
        return SimpleNamespace(
            file=file, url="notes/a/", title=title, meta=meta, toc=[], previous_page=None,
            next_page=None, canonical_url=None, edit_url=None, content="<p>x</p>",
        )  # fmt: skip

    first = page_digests.page_digest(page("甲", {"tags": ["a"]}), "inputs", "", "html")
    assert page_digests.page_digest(page("甲", {"tags": ["a"]}), "inputs", "", "html") == first
    assert len(hashed) == 1  # equal parts, made anew: not hashed again
    changed = [
        page_digests.page_digest(page("乙", {"tags": ["a"]}), "inputs", "", "html"),
        page_digests.page_digest(page("乙", {"tags": ["b"]}), "inputs", "", "html"),
        page_digests.page_digest(page("乙", {"tags": ["b"]}), "other", "", "html"),
        page_digests.page_digest(page("乙", {"tags": ["b"]}), "other", "shown", "html"),
        page_digests.page_digest(page("乙", {"tags": ["b"]}), "other", "shown", "html2"),
    ]
    assert len({*changed, first}) == 6 and len(hashed) == 6
    monkeypatch.setattr(page_digests, "_PARTS", {})  # afresh: the same digests
    assert page_digests.page_digest(page("乙", {"tags": ["b"]}), "other", "shown", "html2") == changed[-1]


@pytest.mark.parametrize("seed", range(10))
def test_a_pages_digest_with_the_rules_is_the_fresh_one_hashed_only_when_a_part_changed(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """Serve: ``with_rules`` over random plans equals ``cache.digest(base, rules)``; only new pairs are hashed."""
    monkeypatch.setattr(annotations, "_command", {"name": "serve"})
    monkeypatch.setattr(page_digests, "_WITH_RULES", {})
    rng = random.Random(seed)
    hashed: list[tuple[str | bytes, ...]] = []
    real = cache.digest
    monkeypatch.setattr(page_digests.cache, "digest", lambda *parts: hashed.append(parts) or real(*parts))
    bases = {f"p{i}.html": f"base{i}" for i in range(6)}
    rules = "rules0"
    last: dict[str, tuple[str, str]] = {}
    for step in range(15):
        if rng.random() < 0.3:
            rules = f"rules{step}"
        for dest in rng.sample(sorted(bases), 2):
            bases[dest] = "".join(["base", dest, str(step)])  # equal strings made anew are equal too
        hashed.clear()
        for dest, base in bases.items():
            assert page_digests.with_rules(dest, base, rules) == real(base, rules)
        assert sorted(hashed) == sorted((b, rules) for d, b in bases.items() if last.get(d) != (b, rules))
        last = {d: (b, rules) for d, b in bases.items()}
    page_digests.forget({"p0.html": None}, ())
    assert list(page_digests._WITH_RULES) == ["p0.html"]


@pytest.mark.parametrize("seed", range(8))
def test_a_digest_kept_with_a_markdown_string_is_the_fresh_one_hashed_only_when_a_part_changed(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """``cache.kept_digest`` over random saves (a render's key, a note's key with the rules) equals ``cache.digest``."""
    rng = random.Random(seed)
    hashed: list[tuple[str | bytes, ...]] = []
    real = cache.digest
    monkeypatch.setattr(cache, "digest", lambda *parts: hashed.append(parts) or real(*parts))
    facts: dict[object, object] = {}
    parts = ["inputs", "note", "source", "notes/a.md", "notes/a/", "text", "a.md=True"]
    made: dict[str, tuple[str, ...]] = {}  # what each name's digest was last made of
    for step in range(20):
        for k in rng.sample(range(len(parts)), rng.randint(0, 2)):
            parts[k] = f"{parts[k]}{step}" if rng.random() < 0.7 else "".join([parts[k], ""])  # or equal anew
        name = rng.choice(["render key", "rules key"])
        hashed.clear()
        assert cache.kept_digest(facts, name, *parts) == real(*parts)
        assert hashed == ([] if made.get(name) == tuple(parts) else [tuple(parts)])
        made[name] = tuple(parts)
        before = len(hashed)
        assert cache.kept_digest(None, name, *parts) == real(*parts) and len(hashed) == before + 1  # no facts


def test_a_notes_kept_render_key_is_hashed_again_exactly_when_a_part_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Serve: a note's render key kept with its Markdown (``facts``) is the one made afresh, hashed only when new."""
    fold = textmarks.CharFold(lambda s: s)
    annotations = AnnotationExtension(lambda s: s)
    glossary = Glossary("g.yml", (Term("算力", "算力", (), "计算能力", None, None, 1),))
    other = Glossary("g.yml", (Term("芯片", "芯片", (), "集成电路", None, None, 1),))
    markdown = "需要很多算力和芯片。"
    facts = serving.Remembered().facts(markdown)
    hashed: list[tuple[object, ...]] = []
    digest = cache.digest

    def counted(*parts: str | bytes) -> str:
        hashed.append(parts)
        return digest(*parts)

    def key(source: str, terms: Glossary, kept: dict[object, object] | None = facts) -> str:
        return note_key(source, "a", markdown, terms, fold, annotations, {"title": "甲"}, kept)

    cases = [("s1", glossary), ("s1", glossary), ("s2", glossary), ("s2", other), ("s2", other)]
    afresh = [key(source, terms, None) for source, terms in cases]
    monkeypatch.setattr(cache, "digest", counted)
    made = []
    for source, terms in cases:
        hashed.clear()
        made.append((key(source, terms), len([p for p in hashed if p and p[0] == source])))
    assert [k for k, _ in made] == afresh
    assert [n for _, n in made] == [1, 0, 1, 1, 0]  # a new source digest, new terms: hashed; else kept


@pytest.mark.parametrize(
    "markdown",
    [
        "正文。\n",
        "\n\nNote: 这一行是正文。\n",  # MultiMarkdown's ``Key: value``: text, not metadata
        "---\ntitle: 不是元数据\n---\n正文\n",  # a YAML block in the note's text stays text
        "...\n---\n",
        "",
    ],
)
def test_an_unchanged_note_pages_source_is_what_mkdocs_reads_from_it(
    tmp_path: Path, markdown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``unchanged._read_source`` takes Zhudu's empty front matter off without YAML: MkDocs' own result."""
    import mkdocs.utils.meta
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    from zhudu.notes.corpus import PAGE_FRONT_MATTER
    from zhudu.publish import unchanged

    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))

    class NoteSource(BasePlugin):  # what the hook's on_page_read_source gives a note page
        def on_page_read_source(self, page: Page, config: object) -> str:
            return PAGE_FRONT_MATTER + markdown

    config.plugins["note-source"] = NoteSource()

    (tmp_path / "docs" / "a.md").write_text("unused", encoding="utf-8")

    def page() -> Page:
        return Page(None, File("a.md", str(tmp_path / "docs"), str(tmp_path / "site"), True), config)

    by_mkdocs, by_zhudu = page(), page()
    by_mkdocs.read_source(config)

    def no_yaml(*args: object, **kwargs: object) -> None:
        raise AssertionError("front matter parsed with YAML")

    monkeypatch.setattr(mkdocs.utils.meta.yaml, "load", no_yaml)
    unchanged._read_source(by_zhudu, config, is_note=True)
    assert (by_zhudu.markdown, by_zhudu.meta) == (by_mkdocs.markdown, by_mkdocs.meta)
    assert by_zhudu.meta == {} and by_zhudu.markdown == markdown.lstrip("\n")


def test_a_build_reads_only_the_notes_its_cache_lacks_in_forked_readers(tmp_path: Path) -> None:
    """A build's reusable notes are taken from the cache in the build process; ``map_paths`` (the
    forked readers) gets only the others: a reader would unpickle each cached note and pickle it back."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("a", "b", "c"):
        (seeds / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n\n{name}的正文。\n", encoding="utf-8")
    mapped: list[list[str]] = []

    def build() -> dict[str, str]:  # each build a new process: its own reads, the cache on disk
        reads = NoteReads()
        reads.store = cache.ArtifactCache(tmp_path / "cache")

        def map_paths(read, paths):  # type: ignore[no-untyped-def]
            mapped.append([path.name for path in paths])
            return [read(path) for path in paths]

        corpus = _load_notes(sorted(seeds.glob("*.md")), reads, map_paths=map_paths)
        return {n.id: n.markdown for n in corpus.notes}

    first = build()
    assert mapped == [["a.md", "b.md", "c.md"]]
    assert build() == first and mapped[1:] == []  # every note reused: no reader at all
    (seeds / "b.md").write_text("---\ntitle: b\n---\n\nb的新正文。\n", encoding="utf-8")
    edited = build()
    assert mapped[1:] == [["b.md"]]
    assert edited == {**first, "b": edited["b"]} and "新正文" in edited["b"]
    assert edited == {n.id: n.markdown for n in _load_notes(sorted(seeds.glob("*.md")), NoteReads()).notes}


def test_a_builds_cache_keeps_every_notes_entry_its_forked_readers_would_have_used(tmp_path: Path) -> None:
    """Every note's key is asked for in the build process: the sweep (``cache_sweep``) keeps what the
    store's ``used`` names, and a forked reader's own record of a hit never reached it (half the
    entries at 3,000 notes went after each full build)."""
    for name in ("a", "b", "c", "d"):
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n\n{name}的正文。\n", encoding="utf-8")

    def build() -> cache.ArtifactCache:
        reads = NoteReads()
        reads.store = cache.ArtifactCache(tmp_path / "cache")
        _load_notes(
            sorted(tmp_path.glob("*.md")),
            reads,
            map_paths=lambda read, paths: workers.forked_map_in_slices(read, paths, 2),
        )
        return reads.store

    build()
    assert len(build().used["note"]) == 4


def _load_notes(paths, reads: NoteReads, overrides=None, override_lines=None, map_paths=None):  # type: ignore[no-untyped-def]
    """The notes at ``paths`` as serve loads them, through ``reads``."""
    return notes_corpus.load_corpus(
        paths,
        lambda p: f"seeds/{p.name}",
        settings=notes_corpus.NoteSettings(timezone="Asia/Shanghai"),
        overrides=overrides or {},
        override_lines=override_lines or {},
        override_file="docs/editorial/notes.yml",
        image_url=lambda note_id, p: f"../media/{note_id}/{p.name}",
        detect_script=lambda text: "Hans",
        reads=reads,
        map_paths=map_paths,
    )
