"""The sharded search index: a small manifest, then only the shards and fragments a query needs.

Written per variant under ``<prefix>/search/`` from the pages' search records (``search.PageText``,
kept by the page writer and its cache), so a rebuild re-creates it without reading any page.

* ``manifest.json`` (fetched when the reader opens search): the fold table, the regional forms
  (``alias``: 資料 → 数据; there, not in the shards, so that a query's every reading is known
  before its first shard is fetched: one round trip for all its shards), how many shards of each
  family there are and the folder they are in, the fragments folder, and how many passages each
  page has (a passage's number then tells its page and fragment).
* ``b-<hash>/<n>.json`` (fetched per query): for every character pair (bigram) of the folded
  canonical text whose shard is ``n``, where it occurs (passage number and positions, so that any
  longer term is found exactly, as a substring); the highlighting forms (``f``: 数据 → 资料) of
  the words starting with such a pair.
* ``u-<hash>/<n>.json``: single characters, fetched only for a one-character term.
* ``w-<hash>/<n>.json``: the notes' words under each of their characters, as the variant writes
  them, fetched only to suggest words when a query matches nothing.
* ``f-<hash>/<page>-<n>.json``: a page's passages ``n × FRAGMENT_PASSAGES`` onwards (anchor,
  heading, text, canonical text when it reads differently) with the page's address and title,
  fetched for the passages a query shows: part of a page rather than the page (whose text is
  what the last of a first search's round trips waits for).  16 passages: at 3,000 notes, 8 took
  no less time on the phone profile and made twice the files.

The ``b`` and ``u`` shards (two thirds of the bytes) depend only on the canonical text, the same in
every variant: a build writes them once, in the site's own ``search/`` folder, and each manifest
names them from its variant's folder (``../../search/b-<hash>``); ``w``, ``f`` and the manifest are
the variant's own.

Shards are chosen by ``shard_of`` (FNV-1a over UTF-16 code units; ``shardOf`` in
search-worker.js); each family's folder is named by a hash of its files' content, so a deploy never
mixes old and new (passage numbers change with any note: shards are rewritten together anyway).
A passage's canonical text (Simplified, mainland vocabulary, folded) is what is matched;
``search/index.py`` holds the folding and the vocabulary.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zhudu.search import index as search

FORMAT = 3
#: Passages per fragment file: a result list shows a few passages of each page it names.
FRAGMENT_PASSAGES = 16
MANIFEST = "manifest.json"
#: Bytes of JSON a shard of each family holds on average (gzip takes about two thirds off).
SHARD_BYTES = {"b": 12_000, "u": 24_000, "w": 8_000}
#: What a term can hold: Han characters and the Latin letters and digits the worker makes words of.
_TERM_CHAR_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaffa-z0-9\u00c0-\u024f]")
_FILE_RE = re.compile(r"^(?:[buwf]-[0-9a-f]+|manifest\.json)$")

#: Positions of every pair and character of a folded text, kept for the process lifetime when
#: serving (``mkdocs serve`` rebuilds see the same passages again; a build sees them once, and at
#: 3,000 notes they were most of its memory); emptied when it grows past the limit.
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


def grams(text: str, remember: bool = True) -> tuple[dict[str, str], dict[str, str]]:
    """Where each indexed pair of ``text`` is, and where each character first is (UTF-16, base 36).

    The pairs' positions come as ``pos,diff,diff…``, ready for ``_Postings``; ``remember``: kept
    in ``_GRAMS`` for the next build of this process.
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
    kept = (encoded, chars)
    if remember:
        if len(_GRAMS) >= _GRAMS_LIMIT:
            _GRAMS.clear()
        _GRAMS[text] = kept
    return kept


class _Postings:
    """Each key's ``doc,pos,pos doc,pos …`` (base 36; documents and positions as differences), as it grows.

    ASCII bytes, one buffer per key: a tuple per (key, passage) until the end took most of the
    search stage's memory.
    """

    def __init__(self) -> None:
        self.text: dict[str, bytearray] = {}
        self.last: dict[str, int] = {}

    def add(self, key: str, doc: int, positions: str) -> None:
        """``positions`` (``pos,diff…``) of ``key`` in passage ``doc``, docs in increasing order."""
        buf = self.text.get(key)
        if buf is None:
            self.text[key] = bytearray(f"{_b36(doc)},{positions}", "ascii")
        else:
            buf += f" {_b36(doc - self.last[key])},{positions}".encode("ascii")
        self.last[key] = doc

    def pop(self, key: str) -> str:
        """The key's postings, dropped from here."""
        del self.last[key]
        return self.text.pop(key).decode("ascii")


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
    texts: list[str] = []
    digest = hashlib.sha256()  # of the texts joined by NUL (``_digest``), without joining them
    for n, shard in enumerate(shards):
        texts.append(_json(shard))
        shard.clear()  # each shard's dictionaries go once its text is made
        digest.update(("\0" if n else "").encode("utf-8") + texts[n].encode("utf-8"))
    folder = f"{family}-{digest.hexdigest()[:12]}"
    return {f"{folder}/{n}.json": text for n, text in enumerate(texts)}, [count, folder]


@dataclass(frozen=True)
class Corpus:
    """What every variant's index shares: the fold table, aliases and the canonical text of each passage."""

    table: dict[str, str]
    alias: dict[str, str]
    ambiguous: frozenset[str]
    words: list[str]  # folded canonical vocabulary


def build_each(
    variant_pages: list[search.VariantPages],
    canonical_code: str,
    to_simplified: Callable[[str], str],
    converters: Mapping[str, Callable[[str], str]],
    to_canonical: Sequence[Callable[[str], str]] = (),
    extra_words: Iterable[str] = (),
    vocabulary_of: search.VocabularyOf | None = None,
    postings_at: str = "",
    remember: bool = True,
) -> Iterator[tuple[str, dict[str, str]]]:
    """Each variant's index files (path under ``search/`` → text), one variant after the other.

    A variant's passages (fragments) and words are made when it is asked for, so that a caller
    writing each variant before asking for the next holds one variant's files at a time (the
    postings, the same for every variant, are kept until the last).

    Args:
        variant_pages: Every variant's search records.
        canonical_code: The variant whose text is canonical (Simplified, mainland vocabulary).
        to_simplified: Conversion of any text to Simplified script (OpenCC ``t2s``).
        converters: Variant code → conversion of canonical text into that variant.
        to_canonical: Conversions of a region's wording to mainland wording (``tw2sp``, ``hk2sp``):
            a word the notes write the Taiwan way is then found by its mainland form too.
        extra_words: Domain dictionary words.
        vocabulary_of: Starts ``search.folded_vocabulary`` (here by default, or in a worker).
        postings_at: Where the ``b`` and ``u`` shards go, relative to a variant's ``search/`` folder
            (``../../search``: the site's own ``search/``): variants whose passages fold to the same
            texts share them (they are two thirds of the index), one copy for all.  Empty: in each
            variant's folder.
        remember: Keep each passage's pairs for the next build of this process (``grams``).
    """
    canon_text, table, words = search.canonical_text(
        variant_pages, canonical_code, to_simplified, extra_words, vocabulary_of
    )
    folder = search.Folder(table)
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
        pages = variant.pages
        if not isinstance(pages, search.PagesInOrder):
            pages = sorted(pages, key=lambda p: p.url)
        counts: list[int] = []
        texts: list[str] = []  # folded canonical text of each passage, then each page title
        fragments: list[str] = []
        fragment_names: list[str] = []
        titles: list[str] = []
        for page in pages:  # each page read once (from the build's spool: ``search.PagesInOrder``)
            titles.append(folder(canon_text.get((page.url, ""), page.title)))
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
            for start in range(0, max(len(rows), 1), FRAGMENT_PASSAGES):
                chunk = rows[start : start + FRAGMENT_PASSAGES]
                fragments.append(_json({"l": page.url, "t": page.title, "p": chunk}))
                fragment_names.append(f"{len(counts) - 1}-{start // FRAGMENT_PASSAGES}.json")
        # Titles only help cut a query into pieces: the canonical one, so that variants share postings.
        texts.extend(titles)
        key = tuple(texts)
        if key not in shared:
            shared[key] = _postings_files(texts, forms, postings_at, remember)
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
        for name, text in zip(fragment_names, fragments, strict=True):
            files[f"{folder_name}/{name}"] = text
        manifest = {
            "v": FORMAT,
            "fold": "".join(k + v for k, v in sorted(table.items())),
            "aliasMax": max((len(k) for k in alias), default=0),
            "alias": {key: [alias[key], 1 if key in ambiguous else 0] for key in sorted(alias)},
            "chunk": FRAGMENT_PASSAGES,
            "shards": hashes,
            "fragments": folder_name,
            "pages": ",".join(_b36(c) for c in counts),
        }
        files[MANIFEST] = _json(manifest)
        yield variant.code, files


def _postings_files(
    texts: list[str],
    forms: Mapping[str, list[str]],
    at: str = "",
    remember: bool = True,
) -> tuple[dict[str, str], dict[str, list[Any]]]:
    """The ``b`` and ``u`` shard files of these passage texts (page titles last) and their hashes.

    ``at``: the folder they go in, relative to a variant's ``search/`` (``build_each``'s ``postings_at``).
    """
    pairs, chars = _Postings(), _Postings()
    for doc, text in enumerate(texts):
        doc_pairs, doc_chars = grams(text, remember)
        for pair, positions in doc_pairs.items():
            pairs.add(pair, doc, positions)
        for ch, first in doc_chars.items():
            chars.add(ch, doc, first)
    b_items: list[tuple[str, str, Any]] = []
    for pair in sorted(pairs.text):  # each pair's positions go once written out
        b_items.append((pair, "p", (pair, pairs.pop(pair))))
    for word in sorted(forms):
        b_items.append((word[:2], "f", (word, sorted(forms[word]))))
    b_total = sum(len(str(v)) + len(k) + 8 for k, _, v in b_items)
    b_files, b_hashes = _shard_files("b", b_items, b_total)
    del b_items
    u_items = [(ch, "u", (ch, chars.pop(ch))) for ch in sorted(chars.text)]
    u_files, u_hashes = _shard_files("u", u_items, sum(len(v[1]) + 4 for _, _, v in u_items))
    files, hashes = {**b_files, **u_files}, {"b": b_hashes, "u": u_hashes}
    if at:
        files = {f"{at}/{name}": text for name, text in files.items()}
        hashes = {family: [count, f"{at}/{name}"] for family, (count, name) in hashes.items()}
    return files, hashes


def shared_folder(prefixes: Iterable[str]) -> str:
    """The site's own ``search/`` folder as seen from every variant's (``../../search``), or ``""``.

    ``""`` when a variant lives at the site's root or the variants' folders are not all as deep:
    then each keeps its own postings.
    """
    folders = [prefix.strip("/") for prefix in prefixes]
    paths = {posixpath.relpath("search", posixpath.join(folder, "search")) for folder in folders}
    return paths.pop() if all(folders) and len(paths) == 1 else ""


def write(
    files_by_variant: Mapping[str, Mapping[str, str]] | Iterable[tuple[str, Mapping[str, str]]],
    site_dir: Path,
    prefixes: Mapping[str, str],
) -> int:
    """Write every variant's index files, removing the ones of an earlier build; returns the bytes written.

    ``files_by_variant``: variant code → files, or (code, files) pairs (``build_each``), each
    variant written before the next is asked for.  A file outside the variant's folder (``../``:
    shared postings) is written once for all variants.
    """
    total = 0
    written: set[Path] = set()
    shared_folders: dict[Path, set[str]] = defaultdict(set)  # folder → shard folders named in it
    pairs = sorted(files_by_variant.items()) if isinstance(files_by_variant, Mapping) else files_by_variant
    for code, files in pairs:
        folder = site_dir / prefixes[code] / "search"
        _remove_unnamed(folder, {name.split("/", 1)[0] for name in files})
        for name in sorted(files):
            target = folder / name
            if name.startswith("../"):
                target = Path(os.path.normpath(target))
                shared_folders[target.parent.parent].add(target.parent.name)
                if target in written:
                    continue
                written.add(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            data = files[name].encode("utf-8")
            if not target.is_file() or target.read_bytes() != data:
                target.write_bytes(data)
            total += len(data)
    for folder, keep in shared_folders.items():
        _remove_unnamed(folder, keep)
    return total


def _remove_unnamed(folder: Path, keep: Collection[str]) -> None:
    """Remove the index files and folders in ``folder`` not named in ``keep`` (a dirty build keeps the site)."""
    if not folder.is_dir():
        return
    for old in folder.iterdir():
        if _FILE_RE.match(old.name) and old.name not in keep:
            if old.is_dir():
                for inner in old.iterdir():
                    inner.unlink()
                old.rmdir()
            else:
                old.unlink()


def documents(folder: Path) -> list[dict[str, str]]:
    """Every page and passage of a variant's written index, in the shape of Material's stock index.

    ``location`` (a passage's with its ``#p-…`` anchor), ``title`` (a passage's section), ``text`` as
    the variant shows it: what a reader can find, for tests and benchmarks.

    Args:
        folder: The variant's ``search/`` folder.
    """
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    pages = len(manifest["pages"].split(",")) if manifest["pages"] else 0
    docs: list[dict[str, str]] = []
    counts = [int(n, 36) for n in manifest["pages"].split(",")] if pages else []
    for n, count in enumerate(counts):
        for chunk in range(max(-(-count // manifest["chunk"]), 1)):
            page = json.loads(
                (folder / manifest["fragments"] / f"{n}-{chunk}.json").read_text(encoding="utf-8")
            )
            if not chunk:
                docs.append({"location": page["l"], "title": page["t"], "text": ""})
            docs.extend(
                {"location": f"{page['l']}#{row[0]}", "title": row[1], "text": row[2]} for row in page["p"]
            )
    return docs
