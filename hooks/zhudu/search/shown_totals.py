"""Running totals for ``shown_words.word_rows``: a ``mkdocs serve`` save sums only what changed.

``word_rows`` adds up every edited page's word counts and counts the words no page shows in all the
canonical texts.  Under a serve only a page or two changes per save, so both are kept here between
calls, keyed by the objects they came from (by identity, each held so that its id stays its own):
a part that is the same object as last time is not read again; one gone is taken off, one new is
added.  The sums are the same as a recount's (``tests/test_search_shown_totals.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from typing import Any

#: More words than this asked for in total: the counted words start again from those asked now.
MOST_WORDS = 4096
#: The characters of texts joined at once to count words in: a build's canonical texts joined whole
#: (28 MiB at 3,000 notes, for a few words never shown) were its peak memory.
JOINED_RUN = 1 << 18


class CounterSum:
    """The sum of some parts' (shown, cut) counters; parts whose counters are the same objects are kept."""

    def __init__(self) -> None:
        self.parts: dict[int, tuple[Any, Counter[str], Counter[str]]] = {}  # id(owner) → (owner, shown, cut)
        self.shown: Counter[str] = Counter()
        self.cut: Counter[str] = Counter()
        self.summed = 0  # the parts the last call added (the rest were kept)

    def update(
        self, parts: Iterable[tuple[Any, Counter[str], Counter[str]]]
    ) -> tuple[Counter[str], Counter[str]]:
        """The sums for ``parts`` (owner, shown, cut): owners that are new or whose counters changed are re-added."""
        parts = list(parts)
        if len({id(owner) for owner, _, _ in parts}) < len(parts):  # an owner twice: summed whole, kept none
            self.parts, self.shown, self.cut = {}, Counter(), Counter()
            return sum((p[1] for p in parts), Counter()), sum((p[2] for p in parts), Counter())
        now: dict[int, tuple[Any, Counter[str], Counter[str]]] = {}
        self.summed = 0
        for owner, shown, cut in parts:
            key = id(owner)
            now[key] = (owner, shown, cut)
            last = self.parts.pop(key, None)
            if last is not None and last[1] is shown and last[2] is cut:
                continue
            if last is not None:
                self._take(last)
            self.shown.update(shown)
            self.cut.update(cut)
            self.summed += 1
        for last in self.parts.values():  # owners gone
            self._take(last)
        self.parts = now
        return self.shown, self.cut

    def _take(self, part: tuple[Any, Counter[str], Counter[str]]) -> None:
        for total, counts in ((self.shown, part[1]), (self.cut, part[2])):
            total.subtract(counts)
            for word in counts:  # a word no part holds any more leaves the sum (as from a recount)
                if total[word] <= 0:
                    del total[word]


class TextCounts:
    """How often each word asked for occurs in some owners' texts (``str.count``, summed over the texts)."""

    def __init__(self) -> None:
        self.texts: dict[int, tuple[Any, tuple[str, ...]]] = {}  # id(owner) → (owner, its texts)
        self.totals: dict[str, int] = {}  # each word counted so far → its count in every owner's texts
        self.read = 0  # the texts the last call read (new owners', gone owners', all for new words)

    def counts(self, owners: Iterable[tuple[Any, Iterable[str]]], words: Collection[str]) -> dict[str, int]:
        """Each of ``words``' count in the texts of ``owners`` ((owner, texts)); an owner's texts are read once."""
        owners = list(owners)
        if len({id(owner) for owner, _ in owners}) < len(owners):  # an owner twice: counted whole, kept none
            self.texts, self.totals = {}, {}
            return _counts((texts for _, texts in owners), words)
        now: dict[int, tuple[Any, tuple[str, ...]]] = {}
        added: list[tuple[str, ...]] = []
        for owner, texts in owners:
            key = id(owner)
            last = self.texts.pop(key, None)
            if last is None:
                last = (owner, tuple(texts))
                added.append(last[1])
            now[key] = last
        gone = [texts for _, texts in self.texts.values()]
        self.texts = now
        self.read = 0
        if len(self.totals) + len(words) > MOST_WORDS:
            self.totals = {}
        if self.totals and (added or gone):
            in_added, in_gone = _counts(added, self.totals), _counts(gone, self.totals)
            self.read += sum(map(len, added)) + sum(map(len, gone))
            for word in self.totals:
                self.totals[word] += in_added[word] - in_gone[word]
        new = [w for w in words if w not in self.totals]
        if new:
            self.read += sum(len(texts) for _, texts in now.values())
            self.totals.update(_counts((texts for _, texts in now.values()), new))
        return {w: self.totals[w] for w in words}


def _counts(texts_of: Iterable[Iterable[str]], words: Iterable[str]) -> dict[str, int]:
    """Each word's count in all the texts, read ``JOINED_RUN`` characters at a time."""
    counts = dict.fromkeys(words, 0)
    for run in joined_runs(texts_of):
        for word in counts:
            counts[word] += run.count(word)
    return counts


def joined_runs(texts_of: Iterable[Iterable[str]]) -> Iterator[str]:
    """The texts joined by line breaks, a run of about ``JOINED_RUN`` characters at a time.

    A word holds no line break: its count in the runs is the sum of its counts in each text.
    """
    run: list[str] = []
    size = 0
    for texts in texts_of:
        for text in texts:
            run.append(text)
            size += len(text) + 1
            if size >= JOINED_RUN:
                yield "\n".join(run)
                run, size = [], 0
    if run:
        yield "\n".join(run)
