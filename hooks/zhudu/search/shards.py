"""The sharded search index: a small manifest, then only the shards and fragments a query needs.

Written per variant under ``<prefix>/search/`` from the pages' search records (``search.PageText``,
kept by the page writer and its cache), so a rebuild re-creates it without reading any page.

* ``manifest.json`` (fetched when the reader opens search): the fold table, the regional forms
  (``alias``: 資料 → 数据; there, not in the shards, so that a query's every reading is known
  before its first shard is fetched: one round trip for all its shards), how many shards of each
  family there are and the folder they are in, the fragments folder, and how many passages each
  page has and its bucket, pages in URL order (a passage's number then tells its page and
  fragment).
* ``b-<hash>/<n>.json`` (fetched per query): for every character pair (bigram) of the folded
  canonical text whose shard is ``n``, where it occurs (passage number and positions, so that any
  longer term is found exactly, as a substring); the highlighting forms (``f``: 数据 → 资料) of
  the words starting with such a pair.
* ``u-<hash>/<n>.json``: single characters, fetched only for a one-character term.
* ``w-<hash>/<n>.json``: the notes' words under each of their characters, as the variant writes
  them, fetched only to suggest words when a query matches nothing.
* ``f-<hash>/<start>-<n>.json``: a page's (``start``: its first number) passages ``n × FRAGMENT_PASSAGES`` onwards (anchor,
  heading by its place in the file's headings ``h``, text, and when its folded canonical text
  reads differently, the edits that make it: ``edits.folded_edits``) with the page's address and title,
  fetched for the passages a query shows: part of a page rather than the page (whose text is
  what the last of a first search's round trips waits for).  16 passages: at 3,000 notes, 8 took
  no less time on the phone profile and made twice the files.

Every file but the manifest is stored deflated, ``<n>.deflate`` (``writing.stored``; the worker
inflates it with ``DecompressionStream``): the names above are those of ``Assembly.files``.

The ``b`` and ``u`` shards (two thirds of the bytes) depend only on the canonical text, the same in
every variant: a build writes them once, in the site's own ``search/`` folder, and each manifest
names them from its variant's folder (``../../search/b-<hash>``); so are the ``f`` files, one
Traditional variant's passages with the other variants' patches inside (``search/fragments.py``);
``w`` and the manifest are the variant's own.

Shards are chosen by ``shard_of`` (FNV-1a over UTF-16 code units; ``shardOf`` in
search-worker.js); each family's folder is named by a hash of its files' SHA-256s, so a deploy never
mixes old and new.  Each page takes a block of numbers (its title's, then its passages', in
multiples of ``RESERVE``) in one of 64 buckets chosen by its URL (``span``, ``bucket`` and
``reserved`` in the manifest; ``page_starts``), so an edit to one note leaves the other notes'
numbers, and most shards' bytes, as they were (``search/assembly.py``: what ``mkdocs serve`` keeps
between saves; ``search/writing.py``: only changed files are written).
A passage's canonical text (Simplified, mainland vocabulary, folded) is what is matched;
``search/index.py`` holds the folding and the vocabulary.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from zhudu.search import index as search
from zhudu.search.assembly import FORMAT, FRAGMENT_PASSAGES, MANIFEST, SHARD_BYTES, Assembly
from zhudu.search.edits import folded_edits
from zhudu.search.fragments import apply_patch, translation
from zhudu.search.grams import _GRAMS, grams
from zhudu.search.numbering import BUCKET_DIGITS, RESERVE, reserved
from zhudu.search.postings import b36 as _b36
from zhudu.search.postings import shard_of
from zhudu.search.writing import FileText, read_stored, stored_name, write_index

__all__ = [
    "FORMAT",
    "FRAGMENT_PASSAGES",
    "MANIFEST",
    "RESERVE",
    "SHARD_BYTES",
    "_GRAMS",
    "_b36",
    "build_each",
    "documents",
    "folded_edits",
    "grams",
    "page_starts",
    "reserved",
    "shard_of",
    "shared_folder",
    "write",
]


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
    fragments_base: str = "",
    simplified: Collection[str] = (),
    rule_words: Mapping[str, str] | None = None,
) -> Iterator[tuple[str, dict[str, str]]]:
    """Each variant's index files (path under ``search/`` → text), one variant after the other, from nothing.

    Each variant's files whole (the assembly makes them in parts: every variant's fragments, then
    the rest; a build writes each part as it comes, ``search/stage.py``).  ``mkdocs serve`` keeps
    an ``Assembly`` between saves instead; this is the same code, fresh.

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
        fragments_base: The variant whose passages are written whole, beside the shared postings;
            the others' fragments are patches on them (``search/fragments.py``).
        simplified: The variants written in Simplified script.
        rule_words: The regional layer's Taiwan and Hong Kong words → the mainland word (``rule_words.py``).
    """
    made = Assembly(remember=remember).files(
        variant_pages,
        canonical_code,
        to_simplified,
        converters,
        to_canonical,
        extra_words,
        vocabulary_of,
        postings_at,
        fragments_base=fragments_base,
        simplified=simplified,
        rule_words=rule_words,
    )
    whole: dict[str, dict[str, str]] = {}
    for code, files in made:  # each variant's fragments first, then its other files
        whole.setdefault(code, {}).update(
            (name, text if isinstance(text, str) else text.decode("utf-8"))
            for name, (text, _) in files.items()
        )
    yield from whole.items()


def shared_folder(prefixes: Iterable[str]) -> str:
    """The site's own ``search/`` folder as seen from every variant's (``../../search``), or ``""``.

    ``""`` when a variant lives at the site's root or the variants' folders are not all as deep:
    then each keeps its own postings.
    """
    folders = [prefix.strip("/") for prefix in prefixes]
    paths = {posixpath.relpath("search", posixpath.join(folder, "search")) for folder in folders}
    return paths.pop() if all(folders) and len(paths) == 1 else ""


def write(
    files_by_variant: Mapping[str, Mapping[str, FileText]] | Iterable[tuple[str, Mapping[str, FileText]]],
    site_dir: Path,
    prefixes: Mapping[str, str],
) -> int:
    """Write every variant's index files, removing the ones of an earlier build; returns the bytes of the index.

    ``files_by_variant``: variant code → files, or (code, files) pairs (``build_each``), each
    variant written before the next is asked for (``writing.write_index``: only changed files).
    """
    pairs = sorted(files_by_variant.items()) if isinstance(files_by_variant, Mapping) else files_by_variant
    return write_index(pairs, site_dir, prefixes).bytes


def documents(folder: Path) -> list[dict[str, str]]:
    """Every page and passage of a variant's written index, in the shape of Material's stock index.

    ``location`` (a passage's with its ``#p-…`` anchor), ``title`` (a passage's section), ``text`` as
    the variant shows it: what a reader can find, for tests and benchmarks.

    Args:
        folder: The variant's ``search/`` folder.
    """
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    pages: list[list[dict[str, str]]] = []
    for start, count in page_starts(manifest):
        page_docs: list[dict[str, str]] = []
        for chunk in range(max(-(-count // manifest["chunk"]), 1)):
            page = fragment(folder, manifest, f"{start}-{chunk}.json")
            if not chunk:
                page_docs.append({"location": page["l"], "title": page["t"], "text": ""})
            page_docs.extend(
                {"location": f"{page['l']}#{row[0]}", "title": page["h"][row[1]], "text": row[2]}
                for row in page["p"]
            )
        pages.append(page_docs)
    return [doc for page_docs in pages for doc in page_docs]


def fragment(folder: Path, manifest: Mapping[str, Any], name: str) -> dict[str, Any]:
    """A variant's fragment file ``name`` as the worker reads it: the base's, this variant's patch applied."""
    data = json.loads(read_stored(folder / manifest["fragments"] / stored_name(name)))
    patches = data.pop("v", {})
    if not manifest.get("patch"):
        return data  # type: ignore[no-any-return]
    table = dict(zip(manifest["fold"][::2], manifest["fold"][1::2], strict=True))
    return apply_patch(
        data, patches[manifest["patch"]], translation(table) if manifest.get("baseFold") else None
    )


def page_starts(manifest: Mapping[str, Any]) -> list[tuple[int, int]]:
    """Each page's first number (its title's) and passages, pages in URL order, as the worker reads the manifest."""
    counts = [int(n, 36) for n in manifest["pages"].split(",")] if manifest["pages"] else []
    taken: dict[int, int] = {}
    out: list[tuple[int, int]] = []
    for count, digit in zip(counts, manifest["bucket"], strict=True):
        bucket = BUCKET_DIGITS.index(digit)
        start = taken.get(bucket, bucket * manifest["span"])
        out.append((start, count))
        taken[bucket] = start + reserved(count)
    return out
