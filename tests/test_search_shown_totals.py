"""``word_rows``' running totals (``search/shown_totals.py``): a serve save reads what changed, sums as a recount.

Under ``mkdocs serve`` the edited pages' word counts and the never-shown words' counts in the
canonical texts are kept between saves; after any sequence of saves (a passage edited, a note added,
deleted, renamed) they equal a recount, the index equals a clean build's, and a save that changed
one note read that note's texts only.
"""

from __future__ import annotations

import pickle
import random
from collections import Counter

from test_search_incremental import VARIANTS, clean, collection, edited, kept, sentence, with_note_changed

from zhudu.search import assembly as search_assembly
from zhudu.search.shown_totals import CounterSum, TextCounts
from zhudu.search.shown_words import word_prefixes


def recounted(assembly: search_assembly.Assembly) -> None:
    """Each kept total is the sum a recount makes: every page's counts, every canonical text's counts."""
    for code, sums in assembly.shown_sums.items():
        shown: Counter[str] = Counter()
        cut: Counter[str] = Counter()
        for page, page_shown, page_cut in sums.parts.values():
            assert page.counted[1] is page_shown and page.counted[2] is page_cut, code
            shown.update(page_shown)
            cut.update(page_cut)
        assert sums.shown == shown and sums.cut == cut, code
    canon = assembly.canonical_counts
    joined = "\n".join(text for _, texts in canon.texts.values() for text in texts)
    assert canon.totals == {w: joined.count(w) for w in canon.totals}
    folds = {id(c.folds) for c in assembly.canonical.values() if c.folds}
    assert set(canon.texts) == folds


def test_after_edits_adds_and_deletes_the_totals_are_a_recounts_and_the_index_a_clean_builds() -> None:
    rng = random.Random(5)
    notes = collection(24, seed=13)
    assembly = search_assembly.Assembly()
    assert kept(assembly, notes) == clean(notes)
    assert any(s.cut for s in assembly.shown_sums.values()) and assembly.canonical_counts.totals
    recounted(assembly)
    changes = ["edit", "edit", "note added", "edit", "note deleted", "note renamed", "edit", "note added"]
    for step, change in enumerate(changes):
        url = rng.choice(sorted(notes))
        if change == "edit":
            texts = notes[url][1]
            notes = edited(notes, url, rng.randrange(len(texts)), sentence(rng) + "服务器用户软件")
        else:
            notes = with_note_changed(notes, change, url, (f"新{step}", [sentence(rng), "网络芯片信息"]))
        assert kept(assembly, notes) == clean(notes), (step, change)
        recounted(assembly)


def test_a_save_that_edits_one_note_reads_that_notes_texts_and_sums_its_counts_only() -> None:
    notes = collection(24, seed=13)
    assembly = search_assembly.Assembly()
    kept(assembly, notes)
    url = "notes/n005/"
    title, texts = notes[url]
    notes = {**notes, url: (title, [*texts, "服务器的用户在网络上用软件。"])}
    assert kept(assembly, notes) == clean(notes)
    # The edited note's canonical texts, before and after (its title is not among them).
    assert 0 < assembly.canonical_counts.read <= 2 * len(texts) + 1
    pages = sum(len(s.parts) for s in assembly.shown_sums.values())
    assert pages > 20 and sum(s.summed for s in assembly.shown_sums.values()) <= len(VARIANTS)


def test_the_vocabulary_and_its_prefixes_are_the_assemblys_own() -> None:
    # No module memo: each assembly (a build's, a serve's) starts from no vocabulary, another
    # assembly's build in the same process leaves it alone, and a save extends its own.
    notes = collection(24, seed=13)
    first = search_assembly.Assembly()
    assert first.prefixes.vocab is None
    kept(first, notes)
    vocab = first.prefixes.vocab
    assert vocab and first.prefixes.prefixes == word_prefixes(vocab) and first.prefixes.moved is None
    other = search_assembly.Assembly(remember=False)
    assert other.prefixes.vocab is None
    assert kept(other, collection(12, seed=3)) == clean(collection(12, seed=3))
    assert first.prefixes.vocab is vocab and other.prefixes.vocab is not vocab
    notes = edited(notes, "notes/n005/", 0, "服务器的用户在网络上用软件和区块链。")
    assert kept(first, notes) == clean(notes)
    assert first.prefixes.moved == (vocab, {"区块"})
    assert first.prefixes.prefixes >= word_prefixes(first.prefixes.vocab)
    recounted(first)
    # Kept on disk by a serve without it (its vocabulary is compared by identity, as the pages' counts).
    assert pickle.loads(pickle.dumps(first)).prefixes.vocab is None


def test_a_part_given_twice_is_summed_twice() -> None:
    # Not a case the index makes (each page its own record), but a sum must not drop one.
    sums, part = CounterSum(), (object(), Counter(a=1), Counter(b=2))
    assert sums.update([part, part]) == (Counter(a=2), Counter(b=4))
    assert sums.update([part]) == (Counter(a=1), Counter(b=2))
    counts, owner = TextCounts(), object()
    assert counts.counts([(owner, ["ab", "b"]), (owner, ["ab", "b"])], ["b"]) == {"b": 4}
    assert counts.counts([(owner, ["ab", "b"])], ["b"]) == {"b": 2}
