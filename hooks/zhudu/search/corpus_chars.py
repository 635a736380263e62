"""The characters of the canonical pages, kept between ``mkdocs serve`` saves (what the fold table is chosen by).

A save took the union of every canonical page's characters (~3,000 pages' at 3,000 notes); kept as
a count of pages a character is in, it only adds the pages whose characters are new and takes
away the ones gone (an unchanged page's ``distinct`` string is the same object save after save).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable


class CorpusChars:
    """Every character of the pages given to the last ``of``, with how many pages hold it."""

    def __init__(self) -> None:
        self.pages: Counter[str] = Counter()  # each page's distinct characters (a string) → pages
        self.counts: dict[str, int] = {}

    def of(self, pages: Iterable[str]) -> Collection[str]:
        """The characters of ``pages`` (each page's distinct characters), from the last call's."""
        now = Counter(pages)
        counts = self.counts
        for page, n in (now - self.pages).items():
            for ch in page:
                counts[ch] = counts.get(ch, 0) + n
        for page, n in (self.pages - now).items():
            for ch in page:
                if (left := counts[ch] - n) > 0:
                    counts[ch] = left
                else:
                    del counts[ch]
        self.pages = now
        return counts.keys()


def distinct(*texts: str) -> str:
    """The distinct characters of ``texts``, sorted, as one string.

    A page's character set kept as a ``frozenset`` held a string object per character and a hash
    table: at 3,000 notes those sets were about 800 MiB of the search stage's peak.
    """
    return "".join(sorted(set().union(*texts)))
