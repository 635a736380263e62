"""A build's search stage holds each part only while it is needed (issue 19: peak memory at 3,000 notes).

The stage is the build's peak: what it held longer than needed (the last variant's written files,
each page's copies of the same shown pieces, a tuple per edit) added ~200 MiB at 3,000 notes.
"""

from __future__ import annotations

import gc
import tracemalloc
import weakref
from pathlib import Path

from test_search_incremental import ARGS, collection, variant_pages

from zhudu.search import fragments as fragment_files
from zhudu.search import index as search
from zhudu.search import numbering, shown_totals, writing
from zhudu.search.assembly import Assembly
from zhudu.search.canonical_page import CanonicalPage
from zhudu.search.postings import Postings
from zhudu.search.shown_words import ShownWords, merged_aliases, passage_edits, pooled

PREFIXES = {"zh-Hans": "", "zh-Hant-TW": "zh-Hant-TW/"}


class _Files(dict):
    """A variant's files that a weak reference can follow."""


class MadeFromNowOn:
    """Counts the objects of ``kind`` alive that were not when it was made: an earlier test's ``mkdocs serve`` build
    in this process keeps its search records for the next save (``serving.ARTIFACTS``); they are not this test's."""

    def __init__(self, kind: type) -> None:
        gc.collect()
        self.kind = kind
        self.before = [
            o for o in gc.get_objects() if isinstance(o, kind)
        ]  # held, so no new object takes their ids
        self.ids = {id(o) for o in self.before}

    def __call__(self) -> int:
        return sum(isinstance(o, self.kind) and id(o) not in self.ids for o in gc.get_objects())


def test_a_variants_written_files_are_not_held_while_the_next_is_made(tmp_path: Path) -> None:
    alive: list[bool] = []
    refs: list[weakref.ref[_Files]] = []

    def made():
        for code in PREFIXES:
            alive.extend(ref() is not None for ref in refs)
            files = _Files({"manifest.json": f'{{"v":"{code}"}}'})
            refs.append(weakref.ref(files))
            yield code, files
            del files  # as the assembly's generator holds none of what it yielded

    writing.write_index(made(), tmp_path, PREFIXES)
    assert alive == [False]
    assert (tmp_path / "zh-Hant-TW" / "search" / "manifest.json").read_text() == '{"v":"zh-Hant-TW"}'


def _pages() -> list[ShownWords]:
    pages = []
    for shown, canonical in [
        ("麦可·贝瑞说", "迈克尔·贝瑞说"),
        ("米高·贝利说", "迈克尔·贝瑞说"),
        ("伊隆在这里", "埃隆在这里"),
        ("麦可·贝瑞和伊隆", "迈克尔·贝瑞和埃隆"),
    ]:
        page = ShownWords()
        page.add(shown, shown, canonical, passage_edits(shown, canonical)[1])
        pages.append(page)
    return pages


def test_pooled_pieces_give_the_aliases_the_pages_give() -> None:
    alias = {"软体": "软件"}
    vocab = {"迈克尔", "埃隆", "贝瑞"}
    expected = merged_aliases(alias, [], _pages(), vocab)
    pages = _pages()
    assert any(p.pairs for p in pages) and any(p.near for p in pages)
    pool = pooled(pages)
    assert all(not p.pairs and not p.near for p in pages)  # each piece held once, by the pool
    assert merged_aliases(alias, [], [*pages, pool], vocab) == expected


def test_a_pages_counts_read_its_spans_as_they_were_made() -> None:
    page = ShownWords()
    shown, canonical = "我们都记得麦可·贝瑞的演讲", "我们都记得迈克尔·贝瑞的演讲"
    page.add(shown, shown, canonical, passage_edits(shown, canonical)[1])
    vocab = ["迈克尔", "演讲", "贝瑞"]
    prefixes = {w[:k] for w in vocab for k in range(1, len(w) + 1)}
    found, cut = page.counts(vocab, set(vocab), prefixes)
    assert found == {"迈克尔\0麦可": 1} and not cut


def test_a_builds_shown_words_are_gone_before_the_postings_are_taken() -> None:
    """The postings (the stage's largest step) are taken with no page's shown words still held."""
    held: list[int] = []
    shown_words = MadeFromNowOn(ShownWords)

    def postings_of(pages, table):
        def taken():
            held.append(shown_words())
            return numbering.postings_now(pages, table)()

        return taken

    made = Assembly(remember=False).files(
        variant_pages(collection()),
        *ARGS,
        postings_at="../../search",
        postings_of=postings_of,
        fragments_base="zh-Hant-TW",
    )
    seen = []
    for _, files in made:
        seen.append(shown_words())
        del files
    assert max(seen) > 0  # the collection's Traditional pages show words of their own
    assert held == [0]


def test_a_build_without_a_postings_worker_makes_them_from_the_folded_texts_last(monkeypatch) -> None:
    """Without a postings worker (``Site.postings_of`` None, past ``POSTINGS_WORKER_NOTES``) no postings
    are made ahead: the first variant makes them from its numbered texts once every variant's records
    and fragments are done (made first, they were held through the records and the shown words, the
    build's peak at 3,000 notes); the canonical texts are gone before the vocabulary is taken (only the
    folded ones are read after the records).  The files are the same."""
    seen: list[tuple[str, int, int]] = []
    yields = [0]
    rebuild = Postings.rebuild

    made_here = MadeFromNowOn(CanonicalPage)

    def canonical_pages() -> int:
        gc.collect()
        return made_here()

    def watched(self, docs, remember, span=0):
        seen.append(("postings", yields[0], canonical_pages()))
        rebuild(self, docs, remember, span)

    def vocabulary_of(texts, table, extra):
        words = search.vocabulary_now(texts, table, extra)
        return lambda: seen.append(("vocabulary", yields[0], canonical_pages())) or words()

    def made(postings_of) -> dict[str, dict[str, object]]:
        out: dict[str, dict[str, object]] = {}
        for code, files in Assembly(remember=False).files(
            variant_pages(collection()),
            *ARGS,
            vocabulary_of=vocabulary_of,
            postings_at="../../search",
            postings_of=postings_of,
            fragments_base="zh-Hant-TW",
        ):
            yields[0] += 1
            out.setdefault(code, {}).update(files)
        return out

    ahead = made(numbering.postings_now)
    monkeypatch.setattr(Postings, "rebuild", watched)
    seen.clear()
    yields[0] = 0
    assert made(None) == ahead
    # After the base's fragments (the one variant not patched), with no canonical page held.
    assert seen == [("vocabulary", 1, 0), ("postings", 1, 0)]


def test_a_folders_files_are_deflated_a_run_at_a_time(tmp_path: Path, monkeypatch) -> None:
    """A family's files are deflated ``DEFLATE_RUN`` at a time as they are written, not all at once first
    (the base's 7,776 fragment files at 3,000 notes raised the level the shown words' counting peaks on)."""
    runs: list[int] = []
    stored_all = writing.stored_all

    def counted(texts):
        runs.append(len(texts))
        return stored_all(texts)

    monkeypatch.setattr(writing, "DEFLATE_RUN", 4)
    monkeypatch.setattr(writing, "stored_all", counted)
    files = {f"f-0123456789ab/{n}.json": f'{{"n":{n}}}' for n in range(10)}
    writing.write_index([("zh-Hans", files)], tmp_path, {"zh-Hans": ""})
    assert runs == [4, 4, 2]
    folder = tmp_path / "search" / "f-0123456789ab"
    assert {p.name: writing.read_stored(p) for p in folder.iterdir()} == {
        f"{n}.deflate": f'{{"n":{n}}}' for n in range(10)
    }


def test_words_never_shown_are_counted_in_the_canonical_texts_a_run_at_a_time(monkeypatch) -> None:
    """The canonical texts are read ``JOINED_RUN`` characters at a time, not joined whole (a build's
    canonical texts joined at once, to count the few words no page shows, were its peak at 3,000
    notes: +28 MiB); the counts are the whole join's."""
    monkeypatch.setattr(shown_totals, "JOINED_RUN", 4096, raising=False)  # none before: joined whole
    owners = [(object(), [f"迈克尔说了第{n}次" * 400, "贝瑞说" * 300]) for n in range(400)]
    whole = "\n".join(text for _, texts in owners for text in texts)
    words = ["迈克尔", "贝瑞说", "说了第1", "说迈"]
    tracemalloc.start()
    try:
        counts = shown_totals.TextCounts().counts(owners, words)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert counts == {w: whole.count(w) for w in words}
    # The texts joined whole take two bytes a character (Han; 3.9 MB here): a run of them far less.
    whole_bytes = len(whole) * 2
    assert peak < whole_bytes / 8, (peak, whole_bytes)


def test_the_bases_files_take_their_patches_in_place_one_file_at_a_time(monkeypatch) -> None:
    """The base's fragment files are replaced one by one by their patched texts, each name's patches
    taken out as they go on it: the base's texts, the patches and the patched texts (18 million
    characters at 3,000 notes) were held side by side, the level the shown words' counting sat on."""
    files = [(f"{n}-0.json", ('{"p":[' + str(n) + "]}", f"sha{n}")) for n in range(5)]
    originals = {name: blob for name, blob in files}
    patches = {name: {"zh-Hant-HK": '{"p":[[]]}', "zh-Hans": '{"x":1}'} for name, _ in files}
    expected = [(name, fragment_files.with_patches(blob, patches[name])) for name, blob in files]
    held: list[tuple[int, int]] = []  # at each file made: the base's texts and the patches still held
    with_patches = fragment_files.with_patches

    def watched(blob, its):
        held.append((sum(b is originals[n] for n, b in files), len(patches)))
        return with_patches(blob, its)

    monkeypatch.setattr(fragment_files, "with_patches", watched)
    out = fragment_files.PatchedFiles(remember=False).files(files, patches)
    assert out == expected
    # The k-th file is made with the k before it replaced and their patches let go.
    assert held == [(5, 4), (4, 3), (3, 2), (2, 1), (1, 0)]
