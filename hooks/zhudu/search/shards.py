"""The sharded search index: a small manifest, then only the shards and fragments a query needs.

Written per variant under ``<prefix>/search/`` from the pages' search records (``search.PageText``,
kept by the page writer and its cache), so a rebuild re-creates it without reading any page.

* ``manifest.json`` (fetched when the reader opens search): the fold table, how many shards of
  each family there are and the folder they are in, the fragments folder, and how many passages
  each page has (a passage's number then tells its page).
* ``b-<hash>/<n>.json`` (fetched per query): for every character pair (bigram) of the folded
  canonical text whose shard is ``n``, where it occurs (passage number and positions, so that any
  longer term is found exactly, as a substring); the regional forms (``a``: 資料 → 数据) and the
  highlighting forms (``f``: 数据 → 资料) of the words starting with such a pair.
* ``u-<hash>/<n>.json``: single characters, fetched only for a one-character term.
* ``w-<hash>/<n>.json``: the notes' words under each of their characters, as the variant writes
  them, fetched only to suggest words when a query matches nothing.
* ``f-<hash>/<page>.json``: a page's passages (anchor, heading, text, canonical text when it reads
  differently), fetched for the pages a query shows.

Shards are chosen by ``shard_of`` (FNV-1a over UTF-16 code units; ``shardOf`` in
search-worker.js); each family's folder is named by a hash of its files' content, so a deploy never
mixes old and new (passage numbers change with any note: shards are rewritten together anyway).
A passage's canonical text (Simplified, mainland vocabulary, folded) is what is matched;
``search/index.py`` holds the folding and the vocabulary.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zhudu.search import index as search

FORMAT = 2
MANIFEST = "manifest.json"
#: Bytes of JSON a shard of each family holds on average (gzip takes about two thirds off).
SHARD_BYTES = {"b": 12_000, "u": 24_000, "w": 8_000}
#: What a term can hold: Han characters and the Latin letters and digits the worker makes words of.
_TERM_CHAR_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaffa-z0-9\u00c0-\u024f]")
_FILE_RE = re.compile(r"^(?:[buwf]-[0-9a-f]+|manifest\.json)$")

#: Positions of every pair and character of a folded text, kept for the process lifetime
#: (``mkdocs serve`` rebuilds see the same passages again); emptied when it grows past the limit.
_GRAMS: dict[str, tuple[dict[str, str], dict[str, str]]] = {}
_GRAMS_LIMIT = 400_000


def shard_of(key: str, count: int) -> int:
    """Which of ``count`` shards holds ``key`` (32-bit FNV-1a of its UTF-16 code units)."""
    h = 2166136261
    data = key.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h = ((h ^ (data[i] | data[i + 1] << 8)) * 16777619) & 0xFFFFFFFF
    return h % count


def _b36_of(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


_B36 = [_b36_of(n) for n in range(36**3)]  # most numbers written are small: looked up, not computed


def _b36(n: int) -> str:
    return _B36[n] if n < len(_B36) else _b36_of(n)


def grams(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """Where each indexed pair of ``text`` is, and where each character first is (UTF-16, base 36).

    The pairs' positions come as ``pos,diff,diff…``, ready for ``_postings``.
    """
    kept = _GRAMS.get(text)
    if kept is not None:
        return kept
    pairs: dict[str, list[int]] = defaultdict(list)
    chars: dict[str, str] = {}
    wide = any(ord(c) > 0xFFFF for c in text)
    at = 0  # UTF-16 position of the character
    previous = ""
    for ch in text:
        if _TERM_CHAR_RE.match(ch):
            if ch not in chars:
                chars[ch] = _b36(at)
            if previous:
                pairs[previous + ch].append(at - 1)
            previous = ch
        else:
            previous = ""
        at += 2 if wide and ord(ch) > 0xFFFF else 1
    encoded = {}
    for pair, positions in pairs.items():
        last, nums = 0, []
        for p in positions:
            nums.append(_b36(p - last))
            last = p
        encoded[pair] = ",".join(nums)
    if len(_GRAMS) >= _GRAMS_LIMIT:
        _GRAMS.clear()
    _GRAMS[text] = kept = (encoded, chars)
    return kept


def _postings(entries: list[tuple[int, str]]) -> str:
    """``doc,pos,pos …`` per passage (numbers in base 36; documents and positions as differences)."""
    out, last_doc = [], 0
    for doc, positions in entries:
        out.append(f"{_b36(doc - last_doc)},{positions}")
        last_doc = doc
    return " ".join(out)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _count_for(total_bytes: int, family: str) -> int:
    """A power of two near ``total_bytes / SHARD_BYTES``: shards of about that size."""
    count = 1
    while count * SHARD_BYTES[family] < total_bytes and count < 4096:
        count *= 2
    return count


def _shard_files(
    family: str, items: Iterable[tuple[str, str, Any]], total: int
) -> tuple[dict[str, str], list[Any]]:
    """One family's files: items are (key its shard is chosen by, section, (name, value)).

    Returns the files (``<family>-<hash>/<n>.json``: the folder named by a hash of every shard of
    the family) and ``[count, hash]`` for the manifest.
    """
    count = _count_for(total, family)
    shards: list[dict[str, dict[str, Any]]] = [{} for _ in range(count)]
    for key, section, (name, value) in items:
        shards[shard_of(key, count)].setdefault(section, {})[name] = value
    texts = [_json(shard) for shard in shards]
    folder = f"{family}-{_digest(chr(0).join(texts))}"
    return {f"{folder}/{n}.json": text for n, text in enumerate(texts)}, [count, folder]


@dataclass(frozen=True)
class Corpus:
    """What every variant's index shares: the fold table, aliases and the canonical text of each passage."""

    table: dict[str, str]
    alias: dict[str, str]
    ambiguous: frozenset[str]
    words: list[str]  # folded canonical vocabulary


def build(
    variant_pages: list[search.VariantPages],
    canonical_code: str,
    to_simplified: Callable[[str], str],
    converters: Mapping[str, Callable[[str], str]],
    to_canonical: Sequence[Callable[[str], str]] = (),
    extra_words: Iterable[str] = (),
    vocabulary_of: search.VocabularyOf | None = None,
) -> dict[str, dict[str, str]]:
    """Each variant's index files (path under ``search/`` → text).

    Args:
        variant_pages: Every variant's search records.
        canonical_code: The variant whose text is canonical (Simplified, mainland vocabulary).
        to_simplified: Conversion of any text to Simplified script (OpenCC ``t2s``).
        converters: Variant code → conversion of canonical text into that variant.
        to_canonical: Conversions of a region's wording to mainland wording (``tw2sp``, ``hk2sp``):
            a word the notes write the Taiwan way is then found by its mainland form too.
        extra_words: Domain dictionary words.
        vocabulary_of: Starts ``search.folded_vocabulary`` (here by default, or in a worker).
    """
    canon_text, table, words = search.canonical_text(
        variant_pages, canonical_code, to_simplified, extra_words, vocabulary_of
    )
    folder = search.Folder(table)
    variants_out: dict[str, dict[str, str]] = {}
    # Postings depend only on the folded canonical texts: variants with the same pages share them.
    shared: dict[tuple[str, ...], tuple[dict[str, str], dict[str, list[Any]]]] = {}
    vocab = words()
    alias, ambiguous = search.aliases(
        vocab, [converters[c] for c in sorted(converters)] + list(to_canonical), table
    )
    forms: dict[str, list[str]] = defaultdict(list)
    for key, word in alias.items():
        folded = folder(key)
        if folded not in forms[word]:
            forms[word].append(folded)
    for variant in variant_pages:
        pages = sorted(variant.pages, key=lambda p: p.url)
        counts: list[int] = []
        texts: list[str] = []  # folded canonical text of each passage, then each page title
        fragments: list[str] = []
        for page in pages:
            counts.append(len(page.passages))
            rows = []
            for p in page.passages:
                canonical = canon_text.get((page.url, p.anchor))
                ftext = folder(p.text)
                ctext = folder(canonical) if canonical is not None else ftext
                texts.append(ctext)
                row = [p.anchor, p.section or page.title, p.text]
                if ctext != ftext:
                    row.append(canonical)
                rows.append(row)
            fragments.append(_json({"l": page.url, "t": page.title, "p": rows}))
        # Titles only help cut a query into pieces: the canonical one, so that variants share postings.
        texts.extend(folder(canon_text.get((page.url, ""), page.title)) for page in pages)
        key = tuple(texts)
        if key not in shared:
            shared[key] = _postings_files(texts, alias, ambiguous, forms, folder)
        files = dict(shared[key][0])
        hashes = dict(shared[key][1])
        # One conversion for every word: a newline between words keeps OpenCC from joining them.
        shown = converters[variant.code]("\n".join(vocab)).split("\n")
        if len(shown) != len(vocab):  # pragma: no cover - OpenCC keeps newlines
            shown = [converters[variant.code](w) for w in vocab]
        by_char: dict[str, list[list[str]]] = defaultdict(list)
        for w, as_shown in zip(vocab, shown, strict=True):
            for ch in sorted(set(w)):
                by_char[ch].append([w, as_shown])
        word_files, hashes["w"] = _shard_files(
            "w",
            ((ch, "w", (ch, rows)) for ch, rows in sorted(by_char.items())),
            sum(len(w) * 8 * len(set(w)) for w in vocab),
        )
        files.update(word_files)
        folder_name = "f-" + _digest("\n".join(fragments))
        for n, text in enumerate(fragments):
            files[f"{folder_name}/{n}.json"] = text
        manifest = {
            "v": FORMAT,
            "fold": "".join(k + v for k, v in sorted(table.items())),
            "aliasMax": max((len(k) for k in alias), default=0),
            "shards": hashes,
            "fragments": folder_name,
            "pages": ",".join(_b36(c) for c in counts),
        }
        files[MANIFEST] = _json(manifest)
        variants_out[variant.code] = files
    return variants_out


def _postings_files(
    texts: list[str],
    alias: Mapping[str, str],
    ambiguous: Iterable[str],
    forms: Mapping[str, list[str]],
    fold: Callable[[str], str],
) -> tuple[dict[str, str], dict[str, list[Any]]]:
    """The ``b`` and ``u`` shard files of these passage texts (page titles last) and their hashes."""
    pairs: dict[str, list[tuple[int, str]]] = defaultdict(list)
    chars: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for doc, text in enumerate(texts):
        doc_pairs, doc_chars = grams(text)
        for pair, positions in doc_pairs.items():
            pairs[pair].append((doc, positions))
        for ch, first in doc_chars.items():
            chars[ch].append((doc, first))
    amb = set(ambiguous)
    b_items: list[tuple[str, str, Any]] = []
    for pair in sorted(pairs):
        b_items.append((pair, "p", (pair, _postings(pairs[pair]))))
    for key in sorted(alias):  # by the folded pair: the worker folds the query first
        b_items.append((fold(key)[:2], "a", (key, [alias[key], 1 if key in amb else 0])))
    for word in sorted(forms):
        b_items.append((word[:2], "f", (word, sorted(forms[word]))))
    b_total = sum(len(str(v)) + len(k) + 8 for k, _, v in b_items)
    b_files, b_hashes = _shard_files("b", b_items, b_total)
    u_items = [(ch, "u", (ch, _postings(chars[ch]))) for ch in sorted(chars)]
    u_files, u_hashes = _shard_files("u", u_items, sum(len(v[1]) + 4 for _, _, v in u_items))
    return {**b_files, **u_files}, {"b": b_hashes, "u": u_hashes}


def write(
    files_by_variant: Mapping[str, Mapping[str, str]], site_dir: Path, prefixes: Mapping[str, str]
) -> int:
    """Write every variant's index files, removing the ones of an earlier build; returns the bytes written."""
    total = 0
    for code in sorted(files_by_variant):
        folder = site_dir / prefixes[code] / "search"
        files = files_by_variant[code]
        if folder.is_dir():  # a dirty build (mkdocs serve) keeps the folder: drop files no longer named
            keep = {name.split("/", 1)[0] for name in files}
            for old in folder.iterdir():
                if _FILE_RE.match(old.name) and old.name not in keep:
                    if old.is_dir():
                        for inner in old.iterdir():
                            inner.unlink()
                        old.rmdir()
                    else:
                        old.unlink()
        for name in sorted(files):
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            data = files[name].encode("utf-8")
            if not target.is_file() or target.read_bytes() != data:
                target.write_bytes(data)
            total += len(data)
    return total
