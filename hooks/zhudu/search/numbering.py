"""How a build numbers the search index's texts: each page's block of numbers, and its texts by number.

``Numbering`` is what the search worker computes the numbers from (the manifest); ``numbered``
lays pages' folded texts out at their numbers; ``postings_ahead`` makes a build's postings from
the canonical texts, in a worker while the build makes the variants' records (``assembly.Assembly.files``).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from zhudu.search import index as search
from zhudu.search.edits import in_units
from zhudu.search.grams import with_notes
from zhudu.search.postings import Postings, b36, shard_of

if TYPE_CHECKING:
    from zhudu.search.canonical_page import CanonicalPage

#: A page's passages take numbers in blocks of this many: an edit within the block renumbers nothing else.
RESERVE = 8
#: Buckets of pages, each numbered on its own (``Numbering``).
BUCKETS = 64


@functools.lru_cache(maxsize=1 << 16)
def bucket_of(url: str) -> int:
    """A page's bucket (``shard_of`` its URL): hashed once per URL per process, not per variant per save."""
    return shard_of(url, BUCKETS)


def in_url_order(pages: Sequence[search.PageText]) -> Sequence[search.PageText]:
    """``pages`` in URL order, the order pages are numbered in (a ``PagesInOrder`` is already)."""
    return pages if isinstance(pages, search.PagesInOrder) else sorted(pages, key=lambda p: p.url)


def reserved(count: int) -> int:
    """Numbers a page of ``count`` passages takes: its title's and its passages', in blocks of ``RESERVE``."""
    return -(-(count + 1) // RESERVE) * RESERVE


#: One digit a page names its bucket by in the manifest (``BUCKET_DIGITS`` in search-worker.js).
BUCKET_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"


@dataclass(frozen=True)
class Numbering:
    """Where each page's numbers start: its title's, then its passages' (the worker computes the same).

    Pages go into ``BUCKETS`` buckets by a hash of their URL (``shard_of``), in URL order within
    a bucket; bucket ``b`` starts at ``b × span``, ``span`` the smallest power of two times
    ``RESERVE`` that holds the largest bucket.  A note added, deleted or renamed then renumbers
    only the pages after it in its bucket, and a page growing past its block the same; all pages
    are renumbered only when a bucket outgrows the span.  The pages stay in URL order in the
    manifest: the worker breaks a tie between two results by it.
    """

    starts: list[int]  # each page's first number (its title's), pages in URL order
    counts: list[int]  # each page's passages
    buckets: list[int]  # each page's bucket
    span: int

    @classmethod
    def of(cls, pages: Sequence[tuple[str, int]]) -> Numbering:
        """The numbering of these pages, ``(url, passages)`` in URL order."""
        buckets = [bucket_of(url) for url, _ in pages]
        sizes = [0] * BUCKETS
        for (_, count), bucket in zip(pages, buckets, strict=True):
            sizes[bucket] += reserved(count)
        span = RESERVE
        while span < max(sizes):
            span *= 2
        starts, taken = [], [0] * BUCKETS
        for (_, count), bucket in zip(pages, buckets, strict=True):
            starts.append(bucket * span + taken[bucket])
            taken[bucket] += reserved(count)
        return cls(starts, [count for _, count in pages], buckets, span)

    def manifest(self) -> dict[str, Any]:
        """What the worker computes the numbers from: passages and bucket of each page, in URL order."""
        return {
            "reserved": RESERVE,
            "span": self.span,
            "bucket": "".join(BUCKET_DIGITS[b] for b in self.buckets),
            "pages": ",".join(b36(count) for count in self.counts),
        }


class NumberedMemo:
    """One variant's last ``numbered`` call (``mkdocs serve``): each page's title, texts and entry, and the texts by number.

    A save keeps every page's record but the edited note's (``assembly._variant_records``): its
    title and passage list are the same objects, so its entry and numbers are the last call's.
    """

    def __init__(self) -> None:
        self.pages: list[tuple[int, str, Sequence[str], tuple[Any, ...]]] = []  # start, title, texts, entry
        self.docs: dict[int, str] = {}


def numbered(
    numbering: Numbering, pages: Sequence[tuple[str, Sequence[str]]], memo: NumberedMemo | None = None
) -> tuple[tuple[Any, ...], dict[int, str]]:
    """Pages' folded (title, passages) as numbered texts, and a key equal only when the texts are.

    The key is the same texts at the same numbers, by page (kept strings, whose hashes are
    cached, not one tuple of all).  ``memo``: the variant's last call, of which only the pages
    whose number, title or passage list is not the same object are done again (as many pages,
    else all: a note added or deleted shifts the pages after it).  The texts by number are then the
    memo's, changed by its next call: read, never changed, until then.
    """
    if memo is not None and len(memo.pages) == len(pages):
        return _renumbered(numbering, pages, memo)
    shape: list[tuple[Any, ...]] = []
    docs: dict[int, str] = {}
    for (title, texts), start in zip(pages, numbering.starts, strict=True):
        shape.append((start, title, *texts))
        # The page's title first (the canonical one, so that variants share postings: the worker finds a
        # page by it, and cuts queries into pieces by it), then its passages.
        docs[start] = title
        for i, text in enumerate(texts):
            docs[start + 1 + i] = text
    if memo is not None:
        memo.pages = [
            (start, *page, entry) for page, start, entry in zip(pages, numbering.starts, shape, strict=True)
        ]
        memo.docs = docs
    return tuple(shape), docs


def _renumbered(
    numbering: Numbering, pages: Sequence[tuple[str, Sequence[str]]], memo: NumberedMemo
) -> tuple[tuple[Any, ...], dict[int, str]]:
    """``numbered`` from the last call's: the changed pages' old numbers out, then their new ones in."""
    last, docs = memo.pages, memo.docs
    changed = [
        k
        for k, ((title, texts), start, (old_start, old_title, old_texts, _)) in enumerate(
            zip(pages, numbering.starts, last, strict=True)
        )
        if start != old_start or title is not old_title or texts is not old_texts
    ]
    for k in changed:  # numbers are each page's alone, in the last numbering as in this one
        start, _, texts, _ = last[k]
        for n in range(start, start + 1 + len(texts)):
            docs.pop(n, None)
    for k in changed:
        (title, texts), start = pages[k], numbering.starts[k]
        docs[start] = title
        for i, text in enumerate(texts):
            docs[start + 1 + i] = text
        last[k] = (start, title, texts, (start, title, *texts))
    return tuple(entry for *_, entry in last), docs


#: A page's canonical texts for ``postings_ahead``: its URL, Simplified title and passages.
CanonicalTexts = list[tuple[str, str, list[str]]]
#: Starts ``postings_ahead`` (here, or in a worker: ``Site.postings_of``); the getter waits for it.
#: None: none made ahead (each group of variants makes its own from its numbered texts).
PostingsOf = Callable[[CanonicalTexts, Mapping[str, str]], Callable[[], tuple[str, Postings]] | None]


def canonical_texts(canon: Mapping[str, CanonicalPage]) -> CanonicalTexts:
    """The canonical records' texts, pages in URL order (the variants' pages are numbered in that order)."""
    return [
        (
            url,
            page.title,
            [
                with_notes(t, in_units(t, page.notes[a]) if a in page.notes else ())
                for a, t in page.passages.items()
            ],
        )
        for url, page in sorted(canon.items())
    ]


def postings_ahead(pages: CanonicalTexts, table: Mapping[str, str]) -> tuple[str, Postings]:
    """A build's postings of the canonical pages' numbered texts, and their key's digest (``numbered``).

    Plain data in, so that a worker can make them while the build makes the variants' records
    (``Site.postings_of``); a page whose anchors repeat has fewer of them than passages, so its
    variant's key differs and that variant's postings are made as before.
    """
    folder = search.Folder(table)
    folded = [(folder(title), [folder(t) for t in texts]) for _, title, texts in pages]
    numbering = Numbering.of([(url, len(texts)) for url, _, texts in pages])
    key, docs = numbered(numbering, folded)
    postings = Postings()
    postings.rebuild(docs, False, numbering.span)
    # The key's digest, not the key: returned from a worker, the key would be a second copy of every folded text.
    return key_digest(key), postings


def postings_now(pages: CanonicalTexts, table: Mapping[str, str]) -> Callable[[], tuple[str, Postings]]:
    """``postings_ahead`` made here, now, as a ``PostingsOf`` (a build without workers)."""
    made = postings_ahead(pages, table)
    return lambda: made


def key_digest(key: tuple[Any, ...]) -> str:
    """SHA-256 of a ``numbered`` key: each page's first number and its texts, each text length-prefixed."""
    digest = hashlib.sha256()
    for start, *texts in key:
        digest.update(b"%d:%d;" % (start, len(texts)))
        for text in texts:
            data = text.encode("utf-8", "surrogatepass")
            digest.update(b"%d:" % len(data))
            digest.update(data)
    return digest.hexdigest()
