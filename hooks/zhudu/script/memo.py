"""A converter's memo: conversions already made, bounded by the characters it holds."""

from __future__ import annotations

#: Characters a converter's memo holds (keys and values, plus ``ENTRY_COST`` per entry) before
#: starting afresh.  What repeats from page to page (the page chrome, theme excerpts) is a few
#: hundred thousand characters; a note's own text is seen once, and kept it would cost hundreds of
#: megabytes at thousands of notes (a count of entries did not bound it: theme pages' pieces are
#: long).  Converters also live as long as the ``mkdocs serve`` process (``Site.converter``), where
#: every edit adds new text.
MEMO_CHARS = 2_000_000
ENTRY_COST = 40  # a dictionary slot and two string headers, in characters' worth


class Memo:
    """A dictionary of conversions bounded by the characters it holds (see ``MEMO_CHARS``)."""

    __slots__ = ("chars", "data")

    def __init__(self) -> None:
        self.data: dict = {}
        self.chars = 0

    def fits(self, chars: int) -> bool:
        """True if ``chars`` more fit; false after starting afresh (the memo is then empty)."""
        if self.chars + chars <= MEMO_CHARS:
            return True
        self.data.clear()
        self.chars = 0
        return False

    def add(self, key: object, value: object, chars: int) -> None:
        self.data[key] = value
        self.chars += chars
