"""The search vocabulary as the union of its texts' words, kept from one ``mkdocs serve`` save to the next.

``index.folded_vocabulary`` united the words of every text of the index (~100,000 at 3,000 notes)
on every save, though a save changes a few texts.  Here each word counts the distinct texts that
have it: a call adds the words of the texts that came and takes away those of the texts that went,
and the sorted list is made again only when a word came or went (or the extra words changed).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence


class WordUnion:
    """The sorted union of the last call's texts' words, with how many texts have each word."""

    def __init__(self) -> None:
        self.texts: Mapping[str, frozenset[str]] | None = None  # the texts counted: the last call's
        self.counts: dict[str, int] = {}
        self.extra: frozenset[str] = frozenset()
        self.words: list[str] = []

    def of(
        self,
        texts: Mapping[str, frozenset[str]],
        last: Mapping[str, frozenset[str]],
        came: Sequence[str],
        extra: Collection[str] = (),
    ) -> list[str]:
        """The sorted words of ``texts`` (text → its words) and ``extra``.

        Args:
            texts: This call's distinct texts and their words.
            last: The texts the words were looked up in: when they are the texts this union
                counted, only the texts of ``texts`` not in ``last`` (``came``) and those of
                ``last`` not in ``texts`` are counted; else every text is.
            came: The texts of ``texts`` that are not in ``last``.
            extra: Words added whether or not a text has them (the domain's).
        """
        counts, moved = self.counts, False
        if self.texts is None or self.texts is not last:
            counts = self.counts = {}
            for found in texts.values():
                for word in found:
                    counts[word] = counts.get(word, 0) + 1
            moved = True
        else:
            went = [t for t in last if t not in texts] if len(texts) - len(came) != len(last) else []
            for text in went:
                for word in last[text]:
                    if counts[word] == 1:
                        del counts[word]
                        moved = True
                    else:
                        counts[word] -= 1
            for text in came:
                for word in texts[text]:
                    if word in counts:
                        counts[word] += 1
                    else:
                        counts[word] = 1
                        moved = True
        self.texts = texts
        if moved or frozenset(extra) != self.extra:
            self.extra = frozenset(extra)
            self.words = sorted(counts.keys() | self.extra)
        return self.words
