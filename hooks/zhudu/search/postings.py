"""Where each character pair and character of the passages is, and the sharded files that hold it.

The pieces of the search index that a ``mkdocs serve`` save changes in proportion to the edit
(``search/assembly.py`` keeps them between saves):

* ``grams``: the pairs and first characters of one folded text, with their positions;
* ``Postings``: every key's ``doc,pos,pos doc,pos …`` (base 36; documents and positions as
  differences), built from all passages at once, or spliced: the passages whose numbers changed
  are taken out of the keys they had and put into the keys they have, so a save touches the
  postings of the edited passages' pairs only;
* ``Family``: one family of shard files (``b``, ``u``, ``w``), each shard's text and SHA-256 kept,
  re-made only for the shards whose entries changed.  The folder is named by a hash of the
  shards' SHA-256s (``folder_name``), so a changed shard changes the folder's name without
  re-hashing the others.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

#: What a term can hold: Han characters and the Latin letters and digits the worker makes words of.
_TERM_CHAR_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaffa-z0-9\u00c0-\u024f]")

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


def b36(n: int) -> str:
    """``n`` in base 36 (as the worker's ``parseInt(…, 36)`` reads it)."""
    return _B36[n] if n < len(_B36) else _b36_of(n)


def json_text(data: Any) -> str:
    """The index's JSON: compact, keys sorted, characters as they are."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def sha(text: str | bytes) -> str:
    """SHA-256 of a file's text, or of its UTF-8 bytes (hex)."""
    return hashlib.sha256(text if isinstance(text, bytes) else text.encode("utf-8")).hexdigest()


def folder_name(family: str, digests: Iterable[str]) -> str:
    """``<family>-<hash>``: a hash of its files' SHA-256s, in order (a changed file renames the folder)."""
    return f"{family}-{hashlib.sha256(''.join(digests).encode('ascii')).hexdigest()[:12]}"


def grams(text: str, remember: bool = True) -> tuple[dict[str, str], dict[str, str]]:
    """Where each indexed pair of ``text`` is, and where each character first is (UTF-16, base 36).

    The pairs' positions come as ``pos,diff,diff…``; ``remember``: kept in ``_GRAMS`` for the next
    build of this process.
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
                chars[ch] = b36(at)
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
            nums.append(b36(p - last))
            last = p
        encoded[pair] = ",".join(nums)
    kept = (encoded, chars)
    if remember:
        if len(_GRAMS) >= _GRAMS_LIMIT:
            _GRAMS.clear()
        _GRAMS[text] = kept
    return kept


def _decoded(buffers: dict[str, bytearray]) -> dict[str, str]:
    """The buffers' texts, each buffer dropped as its text is made (not every posting held twice)."""
    return {key: buffers.pop(key).decode("ascii") for key in list(buffers)}


def _encode(entries: list[tuple[int, str]]) -> str:
    """``doc,positions`` entries in increasing doc order, each doc as a difference from the last."""
    out, last = [], 0
    for doc, positions in entries:
        out.append(f"{b36(doc - last)},{positions}")
        last = doc
    return " ".join(out)


def _decode(text: str) -> list[tuple[int, str]]:
    entries, doc = [], 0
    for entry in text.split(" "):
        head, _, positions = entry.partition(",")
        doc += int(head, 36)
        entries.append((doc, positions))
    return entries


class Postings:
    """The ``b`` (pairs) and ``u`` (first characters) postings of numbered texts, kept as strings."""

    def __init__(self) -> None:
        self.pairs: dict[str, str] = {}
        self.chars: dict[str, str] = {}
        self.docs: dict[int, str] = {}  # number → folded text

    def rebuild(self, docs: Mapping[int, str], remember: bool) -> None:
        """Every text at once (a build, or a save that renumbered most passages)."""
        pairs: dict[str, bytearray] = {}
        chars: dict[str, bytearray] = {}
        last_pair: dict[str, int] = {}
        last_char: dict[str, int] = {}
        for doc in sorted(docs):
            doc_pairs, doc_chars = grams(docs[doc], remember)
            for target, last, items in ((pairs, last_pair, doc_pairs), (chars, last_char, doc_chars)):
                for key, positions in items.items():
                    buf = target.get(key)
                    # ASCII bytes, one buffer per key: a tuple per (key, passage) took most of the memory.
                    if buf is None:
                        target[key] = bytearray(f"{b36(doc)},{positions}", "ascii")
                    else:
                        buf += f" {b36(doc - last[key])},{positions}".encode("ascii")
                    last[key] = doc
        self.pairs = _decoded(pairs)
        self.chars = _decoded(chars)
        self.docs = dict(docs) if remember else {}

    def splice(self, docs: Mapping[int, str]) -> tuple[set[str], set[str]]:
        """Bring the postings to ``docs`` by redoing only the numbers whose text changed.

        Returns:
            The pairs and the characters whose postings changed.
        """
        changed = {n for n in self.docs.keys() | docs.keys() if self.docs.get(n) != docs.get(n)}
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
        for kept, touched in ((self.pairs, touched_pairs), (self.chars, touched_chars)):
            for key, by_doc in touched.items():
                entries = [e for e in _decode(kept[key]) if e[0] not in by_doc] if key in kept else []
                entries.extend((n, p) for n, p in by_doc.items() if p is not None)
                if entries:
                    entries.sort()
                    kept[key] = _encode(entries)
                else:
                    kept.pop(key, None)
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
