"""The search index assembled from per-page records, kept between ``mkdocs serve`` saves.

A cold build and a save run the same code: ``Assembly.files`` makes every variant's index files
from the pages' search records.  Kept between saves (``kept``), an assembly redoes only what an
edit changed:

* a page's records (its canonical text, folded passages, fragment files) are keyed by the page's
  search record itself (``PageText``, its URL, title and passages): an unchanged page's come back
  as they were;
* each page takes a block of numbers (its title's, then its passages', a multiple of ``RESERVE``)
  in one of ``BUCKETS`` buckets chosen by its URL (``Numbering``), so an edit keeps every other
  page's numbers, and a note added, deleted, renamed or grown past its block renumbers only the
  pages after it in its bucket; the postings are then spliced (``Postings.splice``): only the
  pairs the renumbered passages had or have are redone, of a long pair's postings only the run of
  the renumbered bucket (``postings.MARKED_LENGTH``), and only their shards re-made;
* the regional forms (``index.aliases``) and each word's form in a variant are remembered per word.

When a bucket outgrows the span every page is renumbered, and the postings are rebuilt from the
remembered pairs of each passage (``grams``), as when more than ``SPLICE_SHARE`` of them changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from zhudu.search import fragments as fragment_files
from zhudu.search import index as search
from zhudu.search.canonical_page import CanonicalPage, canonical_page
from zhudu.search.corpus_chars import CorpusChars
from zhudu.search.fragments import FRAGMENT_PASSAGES
from zhudu.search.numbering import (
    NumberedMemo,
    Numbering,
    PostingsOf,
    canonical_texts,
    in_url_order,
    key_digest,
    numbered,
)
from zhudu.search.postings import Family, Postings, count_for, entry_bytes, folder_name, json_text, sha
from zhudu.search.rule_words import alias_flags, marked_forms, shown_at, shown_rule_pairs, with_rule_words
from zhudu.search.shown_totals import CounterSum, TextCounts
from zhudu.search.shown_words import ShownWords, VocabularyPrefixes, merged_aliases, pooled, word_rows
from zhudu.search.variant_page import VariantPage, variant_page

FORMAT = 7
MANIFEST = "manifest.json"
#: Bytes of JSON a shard of each family holds on average (gzip takes about two thirds off).
SHARD_BYTES = {"b": 12_000, "u": 24_000, "w": 8_000}
#: Splice the postings when fewer than this share of the numbered texts changed; rebuild otherwise.
SPLICE_SHARE = 0.25

#: A file of the index: its text (the shards': UTF-8 bytes) and SHA-256.
Blob = tuple[str | bytes, str]


@dataclass
class _Shared:
    """Postings of one list of numbered texts (variants whose texts fold alike share them)."""

    postings: Postings = field(default_factory=Postings)
    b: Family = field(default_factory=lambda: Family("b", {"f": 2}))
    u: Family = field(default_factory=lambda: Family("u"))
    b_total: dict[str, int] = field(default_factory=dict)
    u_total: int = 0
    started: bool = False
    shape: tuple[Any, ...] = ()  # the postings' docs' ``numbered`` key (a serve's: ``Postings.changed``)


@dataclass
class Stats:
    """What the last ``files`` call redid: page records, postings rebuilt or spliced."""

    pages: int = 0
    redone: int = 0
    rebuilt: bool = False
    keys_spliced: int = 0
    entries_decoded: int = 0  # of the spliced keys' postings (a bucket's runs, or a short key whole)


class Assembly:
    """Every variant's index, made from the pages' search records and kept for the next save.

    Args:
        remember: Keep records between calls (``mkdocs serve``); a build keeps none (memory).
    """

    def __init__(self, remember: bool = True) -> None:
        self.remember = remember
        self.canonical: dict[search.PageText, CanonicalPage] = {}
        self.variant_pages: dict[str, dict[search.PageText, VariantPage]] = {}
        self.table: dict[str, str] | None = None
        self.table_version = 0
        self.shared: dict[str, _Shared] = {}
        self.words: dict[str, Family] = {}
        self.shown: dict[tuple[Any, str], str] = {}
        #: Variant → the vocabulary and conversion its ``w`` files were last made from, and those files.
        self.word_files: dict[str, tuple[list[str], Any, tuple[dict[str, Blob], list[Any]]]] = {}
        self.stats = Stats()
        self.patched, self.corpus_chars = fragment_files.PatchedFiles(remember), CorpusChars()
        #: Builds of this process that used this assembly (``search/persist.py``).
        self.builds_seen = 0
        self.numbered: dict[str, NumberedMemo] = {}  # each variant's last numbered texts (serve)
        #: ``word_rows``' running totals (``shown_totals``): each variant's, and the canonical texts'.
        self.shown_sums: dict[str, CounterSum] = {}
        self.canonical_counts = TextCounts()
        #: ``word_rows``' vocabulary and its words' beginnings: every variant's, and a save's next.
        self.prefixes = VocabularyPrefixes()

    def __getstate__(self) -> dict[str, Any]:
        # Without what is keyed by this process's objects (its converters, its vocabulary list:
        # remade by the next call) and what counts this process's builds.
        return {
            **self.__dict__,
            "shown": {},
            "word_files": {},
            "stats": Stats(),
            "builds_seen": 0,
            "numbered": {},
            "shown_sums": {},
            "canonical_counts": TextCounts(),
            "prefixes": VocabularyPrefixes(),
        }

    def files(
        self,
        variant_pages: Sequence[search.VariantPages],
        canonical_code: str,
        to_simplified: Callable[[str], str],
        converters: Mapping[str, Callable[[str], str]],
        to_canonical: Sequence[Callable[[str], str]] = (),
        extra_words: Iterable[str] = (),
        vocabulary_of: search.VocabularyOf | None = None,
        postings_at: str = "",
        conversion: str | None = None,
        postings_of: PostingsOf | None = None,
        fragments_base: str = "",
        simplified: Collection[str] = (),
        rule_words: Mapping[str, str] | None = None,
    ) -> Iterator[tuple[str, dict[str, Blob]]]:
        """Each variant's index files (path under its ``search/`` → (text, sha)), in parts.

        First each variant's fragment files, one variant after another, then each variant's other
        files: a variant's code may come twice.  The arguments are ``shards.build_each``'s;
        ``conversion``: ``index.aliases``' (the memo's key); ``postings_of``: starts a build's
        canonical postings ahead (``numbering.postings_ahead``, in a worker); None, or a call that
        gives None: each group makes its own when it comes to them.
        ``fragments_base``: the variant whose fragments are written whole, once, beside the shared
        postings (``postings_at``), the others' as patches on them (``fragments.py``; ``simplified``:
        the variants written in Simplified script, whose patches apply to the base mapped through the
        fold table).  ``rule_words``: the regional layer's Taiwan and Hong Kong words → the mainland word
        (``rule_words.rule_words``), regional forms of the words the notes hold.
        """
        self.stats = Stats()
        canon = self._canonical(variant_pages, canonical_code, to_simplified)
        table = search.fold_table(self.corpus_chars.of(c.chars for c in canon.values()), to_simplified)
        if table != self.table:
            self._new_table(table)
        texts = [t for c in canon.values() for t in (c.title, *c.passages.values())]
        words = (vocabulary_of or search.vocabulary_now)(texts, table, list(extra_words))
        del texts
        # A build: the canonical texts' postings and the vocabulary (the two largest steps) are made in
        # workers while this process makes the variants' records; the variant whose numbered texts
        # they are takes the postings.  Without a worker (None) each group makes its own after the
        # records and the shown words, not before: held through them, they were the build's peak.
        ahead = None if self.remember or postings_of is None else postings_of(canonical_texts(canon), table)
        folder = search.Folder(table)
        # Each variant's records and fragment files first: they need neither the vocabulary nor the
        # postings.  A patched variant's fragments go into the base's files as patches (the base
        # comes last, to take them all); the others' are written (yielded) at once.  Each variant's
        # numbers are kept, and the numbered texts of the first variant of each group (variants
        # whose texts fold alike).
        base = next((v for v in variant_pages if v.code == fragments_base), None) if postings_at else None
        base_pages = in_url_order(base.pages) if base is not None else None
        mapping = fragment_files.translation(table) if simplified else None
        patches: dict[str, dict[str, str]] = defaultdict(dict)  # base's file → variant → its patch
        numbered_variants: list[tuple[str, Numbering, tuple[Any, ...], dict[int, str] | None]] = []
        keys: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        fragments_of: dict[str, str] = {}  # variant → the folder its manifest names (patched: the base's)
        patched_codes: list[str] = []
        # What each variant's pages show otherwise (``shown_words``): the pages with an edit.
        shown_words: dict[str, list[ShownWords]] = defaultdict(list)
        shown_pages: dict[str, list[tuple[int, Mapping[str, str]]]] = {}  # each page's shown rule words
        held = shown_rule_pairs(rule_words or {}, folder)  # what ``shown_at`` may read of a page's pairs
        in_order = sorted(variant_pages, key=lambda v: v is base)  # the base last
        for variant in in_order:
            pages = in_url_order(variant.pages)
            records = None
            if base_pages is not None and variant is not base:
                fold = mapping if variant.code in simplified else None
                records = self._variant_records(variant.code, pages, canon, folder, base_pages, fold)
            patched = records is not None
            if records is None:
                records = self._variant_records(variant.code, pages, canon, folder)
            assert records is not None
            if not self.remember and variant is in_order[-1]:  # a build: no variant left to take them
                for folds in (c.folds for c in canon.values() if c.folds is not None):
                    folds.edits.clear()
            shown_words[variant.code] = [r.shown for r in records if r.shown is not None]
            shown_pages[variant.code] = [(i, held(r.shown.pairs)) for i, r in enumerate(records) if r.shown]
            if not self.remember:  # a build: the pages' pieces held once (``pooled``), not per page
                shown_words[variant.code].append(pooled(shown_words[variant.code]))
            numbering = Numbering.of([(r.url, len(r.texts)) for r in records])
            memo = self.numbered.setdefault(variant.code, NumberedMemo()) if self.remember else None
            key, docs = numbered(numbering, [(r.title, r.texts) for r in records], memo)
            first = keys.setdefault(key, key)  # an equal key: the first one's texts kept, not these
            numbered_variants.append((variant.code, numbering, first, docs if first is key else None))
            fragments = [
                (f"{start}-{c}.json", blob)
                for record, start in zip(records, numbering.starts, strict=True)
                for c, blob in enumerate(record.fragments)
            ]
            del records, docs, key
            if patched:  # its passages go into the base's files, fetched as they are (one request a file)
                patched_codes.append(variant.code)
                for name, (text, _) in fragments:
                    patches[name][variant.code] = str(text)
                del fragments
                continue
            if variant is base:
                fragments = self.patched.files(fragments, patches)
            fragments_folder = folder_name("f", (digest for _, (_, digest) in fragments))
            if variant is base:
                fragments_folder = f"{postings_at}/{fragments_folder}"
                fragments_of.update(dict.fromkeys(patched_codes, fragments_folder))
            fragments_of[variant.code] = fragments_folder
            yield variant.code, {f"{fragments_folder}/{name}": blob for name, blob in fragments}
            # Written: this variant's records and fragments go before the next variant's are made.
            del fragments
        # What is left reads the folded texts: a build's canonical ones go before the shown words' counts.
        folds = [c.folds for c in canon.values() if c.folds is not None]
        del canon, patches  # the patches are in the base's files now
        vocab = words()
        alias, ambiguous = search.aliases(
            vocab, [converters[c] for c in sorted(converters)] + list(to_canonical), table, conversion
        )
        # The words the pages show where a phrase changed them (迈克尔·贝瑞 → 麥可·貝瑞: 麥可 is 迈克尔), then the
        # words a Taiwan reader types for one the pages show otherwise (設定檔 for 配置文件, shown 配置檔案).
        vocab_set = set(vocab)
        pages = [page for code in sorted(shown_words) for page in shown_words[code]]
        converted = set(alias)
        alias, ambiguous = merged_aliases(alias, ambiguous, pages, vocab_set)
        alias, typed = with_rule_words(alias, rule_words or {}, vocab_set, folder, converted)
        ambiguous |= typed & vocab_set
        del pages, vocab_set, converted  # the pages go once their words are counted (``shown_rows`` below)
        forms = marked_forms(alias, typed, folder)
        manifest_common = {
            "v": FORMAT,
            "fold": "".join(k + v for k, v in sorted(table.items())),
            "aliasMax": max((len(k) for k in alias), default=0),
            "alias": {key: [alias[key], alias_flags(key, ambiguous, typed)] for key in sorted(alias)},
            "chunk": FRAGMENT_PASSAGES,
        }
        # Each variant's words as its pages show them, before the postings (the largest step): the
        # pages' shown words go before those are made, not after (a build's peak memory).
        shown_rows = {
            code: word_rows(
                shown_words.pop(code, []),
                vocab,
                ((f, f.passages.values()) for f in folds),
                self.shown_sums.setdefault(code, CounterSum()) if self.remember else None,
                self.canonical_counts if self.remember else None,
                self.prefixes,
            )
            for code, *_ in numbered_variants
        }
        del folds
        groups: dict[tuple[str, ...], dict[str, Any]] = {}
        while numbered_variants:
            code, numbering, key, docs = numbered_variants.pop(0)
            if docs is not None:
                made = None
                if ahead is not None:
                    digest, postings = ahead()
                    made = postings if digest == key_digest(key) else None
                    del postings
                    ahead = None  # the first group takes them or no group does
                # No local name for the postings: they must go with their group's files, not stay
                # held through the other variants' files.
                groups[key] = self._postings_files(code, docs, key, numbering.span, forms, postings_at, made)
                del made
            files = dict(groups[key]["files"])
            hashes = dict(groups[key]["hashes"])
            word_files, hashes["w"] = self._word_files(code, vocab, converters[code], *shown_rows.pop(code))
            files.update(word_files)
            manifest = {**manifest_common, "shards": hashes, **numbering.manifest()}
            manifest["shownAt"] = shown_at(typed, alias, shown_pages.pop(code, []))
            if code in patched_codes:
                manifest.update(patch=code, baseFold=1 if code in simplified else 0)
            manifest["fragments"] = fragments_of[code]
            text = json_text(manifest)
            files[MANIFEST] = (text, sha(text))
            yield code, files
            del docs, files, word_files

    # ------------------------------------------------------------------ per page

    def _new_table(self, table: dict[str, str]) -> None:
        """A new fold table (a note brought a character in or took its last one away).

        Only the records holding a character whose folding changed are made again: the others
        move to the new table as they are.
        """
        old = self.table or {}
        changed = {ch for ch in old.keys() | table.keys() if old.get(ch) != table.get(ch)}
        self.table, self.table_version = table, self.table_version + 1
        for records in self.variant_pages.values():
            for page, record in list(records.items()):
                if record.table_version == self.table_version - 1 and changed.isdisjoint(record.chars):
                    record.table_version = self.table_version
                else:
                    del records[page]

    def _canonical(
        self,
        variant_pages: Sequence[search.VariantPages],
        canonical_code: str,
        to_simplified: Callable[[str], str],
    ) -> dict[str, CanonicalPage]:
        """Each canonical page's Simplified text, by URL; unchanged pages' from the last call."""
        canon = next(v for v in variant_pages if v.code == canonical_code)
        kept: dict[search.PageText, CanonicalPage] = {}
        by_url: dict[str, CanonicalPage] = {}
        for page in canon.pages:
            record = self.canonical.get(page) or kept.get(page)
            if record is None:
                record = canonical_page(page, to_simplified)
            if self.remember:
                kept[page] = record
            by_url[page.url] = record
        self.canonical = kept
        return by_url

    def _variant_records(
        self,
        code: str,
        pages: Sequence[search.PageText],
        canon: Mapping[str, CanonicalPage],
        folder: search.Folder,
        base_pages: Sequence[search.PageText] | None = None,
        mapping: Mapping[int, str] | None = None,
    ) -> list[VariantPage] | None:
        """Each page's folded texts and fragment files, in URL order; unchanged pages' from the last call.

        ``base_pages``: the base variant's pages, in the same order, its fragments patches on theirs;
        None when a page's address or passage count is not its base page's (then the fragments are
        written whole: their files would not be the base's).
        """
        if base_pages is not None and len(base_pages) != len(pages):
            return None
        previous = self.variant_pages.get(code, {})
        kept: dict[search.PageText, VariantPage] = {}
        records = []
        for i, page in enumerate(pages):
            base = base_pages[i] if base_pages is not None else None
            if base is not None and (base.url != page.url or len(base.passages) != len(page.passages)):
                return None
            canonical = canon.get(page.url)
            record = previous.get(page)
            if record is not None and record.base is not base and record.base == base:
                record.base = base  # an equal page (a kept index's): compared by identity from now on
            if (
                record is None
                or record.canonical is not canonical
                or record.table_version != self.table_version
                or record.base is not base
            ):
                record = variant_page(
                    page, canonical, folder, self.table_version, self.remember, base, mapping
                )
                self.stats.redone += 1
            self.stats.pages += 1
            if self.remember:
                kept[page] = record
            records.append(record)
        self.variant_pages[code] = kept
        return records

    # ------------------------------------------------------------------ whole-index files

    def _postings_files(
        self,
        code: str,
        docs: dict[int, str],
        shape: tuple[Any, ...],
        span: int,
        forms: Mapping[str, list[str]],
        at: str,
        made: Postings | None = None,
    ) -> dict[str, Any]:
        """The ``b`` and ``u`` files of these numbered texts, spliced into the last call's when few changed.

        ``shape``: the ``numbered`` key of ``docs``; ``made``: their postings, rebuilt from ``docs``.
        """
        shared = self.shared.setdefault(code, _Shared())
        if made is not None:
            shared.postings = made
        postings = shared.postings
        changed: set[int] = set()
        if (
            made is not None
            or not shared.started
            or span != postings.span
            or len(changed := postings.changed(docs, shape, shared.shape)) > SPLICE_SHARE * max(len(docs), 1)
        ):
            if made is None:
                postings.rebuild(docs, self.remember, span)
            shared.b.replace_section("p", postings.pairs)
            shared.u.replace_section("u", postings.chars)
            shared.b_total = {pair: entry_bytes(pair, text) for pair, text in postings.pairs.items()}
            shared.u_total = sum(len(text) + 4 for text in postings.chars.values())
            shared.started = self.remember
            self.stats.rebuilt = True
        else:
            pairs, chars = postings.splice(docs, changed)  # the numbers just compared, not again
            for pair in pairs:
                text = postings.pairs.get(pair)
                shared.b.put("p", pair, text)
                shared.b_total.pop(pair, None)
                if text is not None:
                    shared.b_total[pair] = entry_bytes(pair, text)
            for ch in chars:
                old = shared.u.entries.get(("u", ch))
                text = postings.chars.get(ch)
                shared.u_total += (len(text) + 4 if text else 0) - (len(old) + 4 if old else 0)
                shared.u.put("u", ch, text)
            self.stats.keys_spliced += len(pairs) + len(chars)
            self.stats.entries_decoded += postings.decoded
        shared.shape = shape if self.remember else ()
        word_forms = {word: sorted(forms[word]) for word in forms}
        shared.b.replace_section("f", word_forms)
        b_total = sum(shared.b_total.values()) + sum(entry_bytes(w, f, w[:2]) for w, f in word_forms.items())
        files: dict[str, Blob] = {}
        hashes: dict[str, list[Any]] = {}
        for family, total in ((shared.b, b_total), (shared.u, shared.u_total)):
            name, texts = family.files(count_for(total, SHARD_BYTES[family.family]))
            where = f"{at}/{name}" if at else name
            files.update((f"{where}/{n}.json", blob) for n, blob in enumerate(texts))
            hashes[family.family] = [len(texts), where]
        if not self.remember:
            del self.shared[code]
        return {"files": files, "hashes": hashes}

    def _word_files(
        self,
        code: str,
        vocab: list[str],
        convert: Callable[[str], str],
        shown_forms: Mapping[str, str] | None = None,
        never_shown: Collection[str] = (),
    ) -> tuple[dict[str, Blob], list[Any]]:
        """The ``w`` files: the notes' words under each of their characters, as the variant writes them.

        ``shown_forms``: a word as the variant's pages show it where an edit touches it (迈克尔 → 麥可),
        not as it converts alone; ``never_shown``: words the variant's pages never show (left out).

        A save that brings no new word and drops none (most do) gets the last save's files: every
        word's entry list was made again for each variant on every save.
        """
        shown_forms = shown_forms or {}
        made_by = (convert, shown_forms, frozenset(never_shown))
        last = self.word_files.get(code)
        if last is not None and last[1] == made_by and last[0] == vocab:  # the same bound method
            return last[2]
        unknown = [w for w in vocab if (convert, w) not in self.shown]
        if unknown:
            # One conversion for the new words: a newline between words keeps OpenCC from joining them.
            shown = convert("\n".join(unknown)).split("\n")
            if len(shown) != len(unknown):  # pragma: no cover - OpenCC keeps newlines
                shown = [convert(w) for w in unknown]
            if len(self.shown) > 400_000:
                self.shown.clear()
            self.shown.update(((convert, w), s) for w, s in zip(unknown, shown, strict=True))
        by_char: dict[str, list[str | list[str]]] = defaultdict(list)
        for w in vocab:
            if w in never_shown:
                continue
            as_shown = shown_forms.get(w) or self.shown[(convert, w)]
            # A word shown as it is written in the index (every word of the Simplified variant, most
            # Latin ones) is the word alone, not a pair: about a quarter of the "w" files' bytes.
            row = w if as_shown == w else [w, as_shown]
            for ch in sorted(set(w)):
                by_char[ch].append(row)
        words = self.words.setdefault(code, Family("w"))
        words.replace_section("w", by_char)
        name, texts = words.files(count_for(sum(len(w) * 8 * len(set(w)) for w in vocab), SHARD_BYTES["w"]))
        made = {f"{name}/{n}.json": blob for n, blob in enumerate(texts)}, [len(texts), name]
        if not self.remember:
            del self.words[code]
            self.shown.clear()
        else:
            self.word_files[code] = (vocab, made_by, made)
        return made
