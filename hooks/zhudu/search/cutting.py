"""jieba's word cutting for the search vocabulary: one tokenizer a process, each distinct block cut once.

jieba cuts a text block by block: the runs of Han characters, Latin letters and digits between
punctuation and spaces (``jieba.re_han_default``, the pattern its ``cut`` splits on), each cut on
its own by the dictionary.  A text's words are therefore the union of its blocks' words, and a block
that comes again (a set phrase, a repeated heading, a clause quoted in another passage) is cut once
per call of the vocabulary (``JiebaCache.blocks``): the same words, less of jieba's CPU, which is most
of the vocabulary's (bench/RESULTS.md, session 30 — vocab).
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

HAN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NO_WORDS: frozenset[str] = frozenset()


@dataclass
class JiebaCache:
    """A jieba tokenizer with the domain words added, and the words it found in each text."""

    key: str
    tokenizer: Any
    words: dict[str, frozenset[str]]
    #: jieba's block pattern (what its ``cut`` splits a text on).
    block_re: re.Pattern[str]
    #: Each block's words, for one vocabulary call (``forget_blocks`` after it: a serve does not grow).
    blocks: dict[str, frozenset[str]] = field(default_factory=dict)

    def forget_blocks(self) -> None:
        self.blocks = {}


def words_of(cache: JiebaCache, text: str) -> frozenset[str]:
    """The words of one canonical text (jieba's search mode, Han words of two characters or more).

    Cut block by block, each distinct block once (the union equals cutting the whole text: tested).
    """
    words: set[str] = set()
    blocks = cache.blocks
    for block in cache.block_re.findall(text):
        found = blocks.get(block)
        if found is None:
            found = blocks[block] = block_words(cache.tokenizer, block) if HAN_RE.search(block) else _NO_WORDS
        words |= found
    return frozenset(words)


def block_words(tokenizer: Any, text: str) -> frozenset[str]:
    """The words jieba's search mode cuts ``text`` into (no HMM): Han words of two characters or more."""
    return frozenset(w for w in tokenizer.cut_for_search(text, HMM=False) if len(w) >= 2 and HAN_RE.search(w))


def added_words(extra_words: Iterable[str]) -> tuple[str, ...]:
    """The domain words added to jieba's dictionary: stripped, distinct, sorted."""
    return tuple(w.strip() for w in sorted(set(extra_words)) if w.strip())


#: Loading jieba's dictionary costs about a second: like the OpenCC converters, the tokenizer is
#: kept for the process lifetime on purpose, so that ``mkdocs serve`` rebuilds reuse it.  It is
#: keyed by a hash of the words added to it (themes.yml and glossary.yml terms); when those change,
#: a fresh tokenizer is made.  Only the latest one is kept.
JIEBA: list[JiebaCache] = []
#: Held while the tokenizer is made: a serve may load it on a thread (``warm_vocabulary_aside``).
_JIEBA_LOCK = threading.Lock()


def jieba_key(added: tuple[str, ...]) -> str:
    """The tokenizer's key: a hash of the words added to its dictionary."""
    return hashlib.sha256("\n".join(added).encode("utf-8")).hexdigest()


def jieba_cache(added: tuple[str, ...]) -> JiebaCache:
    """The process-wide tokenizer for this domain dictionary (words added in this order)."""
    key = jieba_key(added)
    with _JIEBA_LOCK:
        if JIEBA and JIEBA[0].key == key:
            return JIEBA[0]
        import jieba  # imported here: loading its dictionary costs a second

        # jieba announces every dictionary load on stderr through a handler of its own: keep a build's
        # output to MkDocs' lines (its warnings still show).
        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        for word in added:
            tokenizer.add_word(word, freq=1000)
        JIEBA[:] = [JiebaCache(key, tokenizer, {}, jieba.re_han_default)]
        return JIEBA[0]


def warm_vocabulary(extra_words: Iterable[str]) -> None:
    """Load jieba's dictionary with these domain words now, so that ``vocabulary`` finds it loaded."""
    jieba_cache(added_words(extra_words))


def warm_vocabulary_aside(extra_words: Iterable[str]) -> None:
    """Load jieba's dictionary on a thread, unless loaded: for the first save that cuts a text.

    ``mkdocs serve`` calls it when its first build needed no cut (every text's words kept from the
    last serve, ``search/persist.py``): the first page does not wait for the dictionary, and a save
    that needs it before it is loaded waits for the lock.
    """
    added = added_words(extra_words)
    if not (JIEBA and JIEBA[0].key == jieba_key(added)):
        threading.Thread(target=jieba_cache, args=(added,), name="zhudu-jieba", daemon=True).start()
