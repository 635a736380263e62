"""Where each character pair and character of the passages is, and the sharded files that hold it.

The pieces of the search index that a ``mkdocs serve`` save changes in proportion to the edit
(``search/assembly.py`` keeps them between saves):

* ``grams`` (``search/grams.py``): the pairs and first characters of one folded text, with their positions
  (a position inside an editor's note marked);
* ``Postings``: every key's ``doc,pos,pos doc,pos …`` (base 36; documents and positions as
  differences), built from all passages at once, or spliced: the passages whose numbers changed
  are taken out of the keys they had and put into the keys they have, so a save touches the
  postings of the edited passages' pairs only.  A long key also keeps where each bucket's run of
  entries starts in its text (``Postings.marks``): a note added, deleted or renamed renumbers
  the pages after it in one bucket, whose passages hold nearly every common pair, and a splice
  then decodes and re-encodes that bucket's run only, the others copied as they are;
* ``Family``: one family of shard files (``b``, ``u``, ``w``), each shard's text and SHA-256 kept,
  re-made only for the shards whose entries changed.  The folder is named by a hash of the
  shards' SHA-256s (``folder_name``), so a changed shard changes the folder's name without
  re-hashing the others.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from zhudu.search.grams import B36_TABLE, b36, b36_of, grams

__all__ = [
    "Family",
    "Postings",
    "b36",
    "count_for",
    "entry_bytes",
    "folder_name",
    "grams",
    "json_text",
    "sha",
    "shard_of",
]


def shard_of(key: str, count: int) -> int:
    """Which of ``count`` shards holds ``key`` (32-bit FNV-1a of its UTF-16 code units)."""
    h = 2166136261
    data = key.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h = ((h ^ (data[i] | data[i + 1] << 8)) * 16777619) & 0xFFFFFFFF
    return h % count


def json_text(data: Any) -> str:
    """The index's JSON: compact, keys sorted, characters as they are."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def sha(text: str | bytes) -> str:
    """SHA-256 of a file's text, or of its UTF-8 bytes (hex)."""
    return hashlib.sha256(text if isinstance(text, bytes) else text.encode("utf-8")).hexdigest()


def entry_bytes(name: str, value: Any, shard_key: str | None = None) -> int:
    """An entry's share of its family's size (what a family's shard count is chosen by)."""
    return len(str((name, value))) + len(name if shard_key is None else shard_key) + 8


def folder_name(family: str, digests: Iterable[str]) -> str:
    """``<family>-<hash>``: a hash of its files' SHA-256s, in order (a changed file renames the folder)."""
    return f"{family}-{hashlib.sha256(''.join(digests).encode('ascii')).hexdigest()[:12]}"


def _decoded(buffers: dict[str, bytearray]) -> dict[str, str]:
    """The buffers' texts, each buffer dropped as its text is made (not every posting held twice)."""
    return {key: buffers.pop(key).decode("ascii") for key in list(buffers)}


#: A key's text at least this long keeps its marks (``Postings.marks``); a shorter one is decoded
#: whole when spliced (a few dozen entries: cheap, and most keys of a real collection).
MARKED_LENGTH = 256


def _encode(entries: list[tuple[int, str]], last: int = 0) -> str:
    """``doc,positions`` entries in increasing doc order, each doc as a difference from the last."""
    out = []
    for doc, positions in entries:
        out.append(f"{b36(doc - last)},{positions}")
        last = doc
    return " ".join(out)


def _marks_of(entries: list[tuple[int, str]], span: int) -> array:
    """The marks of ``_encode(entries)``: (bucket, length, first doc) of each bucket's run of entries."""
    marks, bucket, last = array("I"), -1, 0
    for doc, positions in entries:
        size = len(b36(doc - last)) + 1 + len(positions)  # head, comma, positions
        if doc // span != bucket:
            bucket = doc // span
            marks.extend((bucket, size, doc))
        else:
            marks[-2] += size + 1  # and the space before it
        last = doc
    return marks


def _run_entries(text: str, start: int, length: int, first: int) -> list[tuple[int, str]]:
    """The entries of the run at ``start``, documents absolute (its first is ``first``)."""
    out, doc = [], first
    for k, entry in enumerate(text[start : start + length].split(" ")):
        head, _, positions = entry.partition(",")
        if k:
            doc += int(head, 36)
        out.append((doc, positions))
    return out


def _splice_runs(
    text: str, marks: array, by_doc: Mapping[int, str | None], span: int
) -> tuple[str | None, array, int]:
    """``text`` with ``by_doc``'s documents taken out and their new entries (not None) put in.

    Only the runs of the buckets ``by_doc`` falls in are decoded; the run after a changed one gets
    its first difference written again; the others, and their marks, are copied as one slice.
    Returns the text (None: empty) and its marks, the same as ``_encode`` and ``_marks_of`` of
    every entry, and how many entries were decoded.
    """
    buckets, lengths, firsts = marks[0::3], marks[1::3], marks[2::3]
    n = len(buckets)
    pieces: list[str] = []
    out = array("I")
    i = at = 0  # the next old run to write, and where it starts in ``text``
    base: int | None = None  # the last document written, when the runs before ``i`` were not copied
    decoded = 0

    def rehead() -> None:
        """Write old run ``i`` with its first difference from ``base``."""
        nonlocal i, at, base
        piece = b36(firsts[i] - base) + text[text.index(",", at) : at + lengths[i]]  # type: ignore[operator]
        pieces.append(piece)
        out.extend((buckets[i], len(piece), firsts[i]))
        at += lengths[i] + 1
        i += 1
        base = None  # the last document of a run written as it was: found from the next one if needed

    for bucket in sorted({doc // span for doc in by_doc}):
        k = bisect_left(buckets, bucket)
        if k > i and base is not None:
            rehead()
        if k > i:  # runs i … k-1 as they are
            end = at + sum(lengths[i:k]) + k - i
            pieces.append(text[at : end - 1])
            out.extend(marks[3 * i : 3 * k])
            i, at, base = k, end, None
        if base is None:  # the last document of old run k-1
            if k == 0:
                base = 0
            elif k < n:
                base = firsts[k] - int(text[at : text.index(",", at)], 36)
            else:
                before = _run_entries(text, at - lengths[k - 1] - 1, lengths[k - 1], firsts[k - 1])
                base, decoded = before[-1][0], decoded + len(before)
        entries: list[tuple[int, str]] = []
        if k < n and buckets[k] == bucket:
            run = _run_entries(text, at, lengths[k], firsts[k])
            decoded += len(run)
            entries = [e for e in run if e[0] not in by_doc]
            i, at = k + 1, at + lengths[k] + 1
        entries.extend((d, p) for d, p in by_doc.items() if p is not None and d // span == bucket)
        if entries:
            entries.sort()
            piece = _encode(entries, base)
            pieces.append(piece)
            out.extend((bucket, len(piece), entries[0][0]))
            base = entries[-1][0]
    if i < n:
        if base is not None:
            rehead()
        if i < n:
            pieces.append(text[at:])
            out.extend(marks[3 * i :])
    return (" ".join(pieces) if pieces else None), out, decoded


def _decode(text: str) -> list[tuple[int, str]]:
    entries, doc = [], 0
    for entry in text.split(" "):
        head, _, positions = entry.partition(",")
        doc += int(head, 36)
        entries.append((doc, positions))
    return entries


def _lengths(marks: array, size: int) -> array:
    """Marks of (bucket, offset, first doc) as (bucket, length, first doc): ``size`` the text's length."""
    offsets = marks[1::3]
    for i in range(len(offsets)):
        marks[3 * i + 1] = (offsets[i + 1] - 1 if i + 1 < len(offsets) else size) - offsets[i]
    return marks


class Postings:
    """The ``b`` (pairs) and ``u`` (first characters) postings of numbered texts, kept as strings.

    ``span``: the numbers of a bucket (``assembly.Numbering``); a long key's ``marks`` say what
    each bucket's run of its entries is: (bucket, its length in the text, its first document), flat.
    """

    def __init__(self) -> None:
        self.pairs: dict[str, str] = {}
        self.chars: dict[str, str] = {}
        self.docs: dict[int, str] = {}  # number → folded text
        self.span = 0
        self.marks: tuple[dict[str, array], dict[str, array]] = ({}, {})  # pairs', chars'
        self.decoded = 0  # entries the last splice decoded (what its work is proportional to)

    def rebuild(self, docs: Mapping[int, str], remember: bool, span: int = 0) -> None:
        """Every text at once (a build, or a save that renumbered most passages)."""
        pairs: dict[str, bytearray] = {}
        chars: dict[str, bytearray] = {}
        last_pair: dict[str, int] = {}
        last_char: dict[str, int] = {}
        marking = remember and span > 0  # a build splices nothing: no marks
        marks: tuple[dict[str, array], dict[str, array]] = ({}, {})
        table, small = B36_TABLE, len(B36_TABLE)
        for doc in sorted(docs):
            doc_pairs, doc_chars = grams(docs[doc], remember)
            if not marking:
                # A build's case, every (key, passage) once: the loop below without the marks, the
                # base-36 table read inline (this loop is most of a build's postings time).
                for target, last, items in ((pairs, last_pair, doc_pairs), (chars, last_char, doc_chars)):
                    for key, positions in items.items():
                        buf = target.get(key)
                        if buf is None:
                            head = table[doc] if doc < small else b36_of(doc)
                            target[key] = bytearray(f"{head},{positions}", "ascii")
                        else:
                            d = doc - last[key]
                            buf += f" {table[d] if d < small else b36_of(d)},{positions}".encode("ascii")
                        last[key] = doc
                continue
            bucket = doc // span if marking else 0
            bucket_start = bucket * span
            for target, last, items, key_marks in (
                (pairs, last_pair, doc_pairs, marks[0]),
                (chars, last_char, doc_chars, marks[1]),
            ):
                for key, positions in items.items():
                    buf = target.get(key)
                    # ASCII bytes, one buffer per key: a tuple per (key, passage) took most of the memory.
                    if buf is None:
                        target[key] = bytearray(f"{b36(doc)},{positions}", "ascii")
                        if marking:
                            key_marks[key] = array("I", (bucket, 0, doc))
                    else:
                        if marking and last[key] < bucket_start:  # the key's first entry in this bucket
                            key_marks[key].extend((bucket, len(buf) + 1, doc))
                        buf += f" {b36(doc - last[key])},{positions}".encode("ascii")
                    last[key] = doc
        self.pairs = _decoded(pairs)
        self.chars = _decoded(chars)
        self.docs = dict(docs) if remember else {}
        self.span = span if marking else 0
        self.marks = tuple(  # type: ignore[assignment]
            {
                key: _lengths(m, len(kept[key]))
                for key, m in key_marks.items()
                if len(kept[key]) >= MARKED_LENGTH
            }
            for kept, key_marks in zip((self.pairs, self.chars), marks, strict=True)
        )

    def changed(
        self,
        docs: Mapping[int, str],
        shape: Sequence[Sequence[Any]] = (),
        last_shape: Sequence[Sequence[Any]] = (),
    ) -> set[int]:
        """The numbers whose text differs between the postings' docs and ``docs`` (added or gone too).

        ``shape`` / ``last_shape``: ``numbering.numbered``'s keys of ``docs`` and of the postings'
        docs, page by page ``(start, title, *texts)``.  With as many pages in both, only the numbers
        of the pages whose entry differs are compared (a save keeps the other pages' strings: each
        entry compared by identity first), not all of them (~100,000 at 3,000 notes).
        """
        if not last_shape or len(last_shape) != len(shape):
            return {n for n in self.docs.keys() | docs.keys() if self.docs.get(n) != docs.get(n)}
        out: set[int] = set()
        for old, new in zip(last_shape, shape, strict=True):
            if old != new:  # a number in no such page is at an equal page in both, or in neither
                for start, size in ((old[0], len(old) - 1), (new[0], len(new) - 1)):
                    out.update(n for n in range(start, start + size) if self.docs.get(n) != docs.get(n))
        return out

    def splice(self, docs: Mapping[int, str], changed: set[int] | None = None) -> tuple[set[str], set[str]]:
        """Bring the postings to ``docs`` by redoing only the numbers whose text changed.

        ``docs`` are numbered in buckets of the same ``span`` as the last ``rebuild``'s;
        ``changed``: ``self.changed(docs)``, when the caller has it already.

        Returns:
            The pairs and the characters whose postings changed.
        """
        if changed is None:
            changed = self.changed(docs)
        touched_pairs: dict[str, dict[int, str | None]] = defaultdict(dict)
        touched_chars: dict[str, dict[int, str | None]] = defaultdict(dict)
        for n in sorted(changed):
            old, new = self.docs.get(n), docs.get(n)
            if old is not None:  # out of the keys it had ...
                for touched, items in zip((touched_pairs, touched_chars), grams(old), strict=True):
                    for key in items:
                        touched[key][n] = None
            if new is not None:  # ... into the keys it has
                for touched, items in zip((touched_pairs, touched_chars), grams(new), strict=True):
                    for key, positions in items.items():
                        touched[key][n] = positions
        span = self.span
        self.decoded = 0
        for kept, marks, touched in zip(
            (self.pairs, self.chars), self.marks, (touched_pairs, touched_chars), strict=True
        ):
            for key, by_doc in touched.items():
                text, key_marks = kept.get(key), marks.get(key)
                if text is not None and key_marks is not None:
                    text, key_marks, decoded = _splice_runs(text, key_marks, by_doc, span)
                    self.decoded += decoded
                else:
                    entries = [e for e in _decode(text) if e[0] not in by_doc] if text else []
                    self.decoded += len(entries)
                    entries.extend((n, p) for n, p in by_doc.items() if p is not None)
                    entries.sort()
                    text = _encode(entries) if entries else None
                    key_marks = (
                        _marks_of(entries, span) if span and text and len(text) >= MARKED_LENGTH else None
                    )
                if text is None:
                    kept.pop(key, None)
                else:
                    kept[key] = text
                if key_marks is not None and text is not None and len(text) >= MARKED_LENGTH:
                    marks[key] = key_marks
                else:
                    marks.pop(key, None)
        self.docs = dict(docs)
        return set(touched_pairs), set(touched_chars)


def count_for(total_bytes: int, shard_bytes: int) -> int:
    """A power of two near ``total_bytes / shard_bytes``: shards of about that size."""
    count = 1
    while count * shard_bytes < total_bytes and count < 4096:
        count *= 2
    return count


class Family:
    """One family of shard files: entries ``(section, name) → value``, each in the shard of its key.

    ``update`` records which shards changed; ``files`` re-makes only those shards' texts.
    """

    def __init__(self, family: str, shard_key: Mapping[str, int] | None = None) -> None:
        self.family = family
        #: Section → how many leading characters of a name choose its shard (0: all of it).
        self.shard_key = dict(shard_key or {})
        self.entries: dict[tuple[str, str], Any] = {}
        self.count = 0
        self.members: list[set[tuple[str, str]]] = []
        # (UTF-8 bytes, sha) per shard: the JSON is mostly ASCII digits, and a text holding one Han
        # character takes two bytes per character as a str (the shards of 3,000 notes: 63 MB of UTF-8).
        self.texts: list[tuple[bytes, str]] = []
        self.dirty: set[int] = set()

    def _shard(self, section: str, name: str) -> int:
        cut = self.shard_key.get(section, 0)
        return shard_of(name[:cut] if cut else name, self.count)

    def put(self, section: str, name: str, value: Any) -> None:
        """Set (or, with ``value`` None, remove) one entry."""
        key = (section, name)
        if value is None:
            if self.entries.pop(key, None) is not None and self.count:
                n = self._shard(section, name)
                self.members[n].discard(key)
                self.dirty.add(n)
            return
        if self.entries.get(key) == value:
            return
        self.entries[key] = value
        if self.count:
            n = self._shard(section, name)
            self.members[n].add(key)
            self.dirty.add(n)

    def replace_section(self, section: str, values: Mapping[str, Any]) -> None:
        """Make one section hold exactly ``values``."""
        for key in [k for k in self.entries if k[0] == section and k[1] not in values]:
            self.put(section, key[1], None)
        for name, value in values.items():
            self.put(section, name, value)

    def files(self, count: int) -> tuple[str, list[tuple[bytes, str]]]:
        """The folder name and each shard's (UTF-8 text, sha), ``count`` shards."""
        if count != self.count:
            self.count = count
            self.members = [set() for _ in range(count)]
            for section, name in self.entries:
                self.members[self._shard(section, name)].add((section, name))
            self.texts = [(b"", "")] * count
            self.dirty = set(range(count))
        for n in sorted(self.dirty):
            shard: dict[str, dict[str, Any]] = {}
            for section, name in self.members[n]:
                shard.setdefault(section, {})[name] = self.entries[(section, name)]
            data = json_text(shard).encode("utf-8")
            self.texts[n] = (data, sha(data))
        self.dirty.clear()
        return folder_name(self.family, (digest for _, digest in self.texts)), self.texts
