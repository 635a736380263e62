"""Where each character pair and character of one passage is: the entries of the ``b`` and ``u`` postings.

A position is a UTF-16 code unit of the folded canonical text, in base 36, each after the first as a
difference from the one before.  A passage with editor's notes (``with_notes``: its text, then the notes'
places after ``NOTES_MARK``) has each position inside a note followed by ``NOTED``: the worker tells a hit in
the author's text from one only in an editor's note before it fetches the passage (``parseInt`` reads a
marked position as it is, so a worker that does not look for the mark reads the positions alike).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

#: What a term can hold: Han characters and the Latin letters and digits the worker makes words of.
_TERM_RUN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaffa-z0-9\u00c0-\u024f]+")
_WIDE_RE = re.compile(r"[\U00010000-\U0010ffff]")

#: Positions of every pair and character of a folded text, kept for the process lifetime when
#: serving (``mkdocs serve`` rebuilds see the same passages again; a build sees them once, and at
#: 3,000 notes they were most of its memory); emptied when it grows past the limit.
_GRAMS: dict[str, tuple[dict[str, str], dict[str, str]]] = {}
_GRAMS_LIMIT = 400_000


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def b36_of(n: int) -> str:
    """``n`` in base 36, computed (``b36`` looks the small ones up in ``B36_TABLE``)."""
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = _DIGITS[r] + out
        if not n:
            return out


#: Most numbers written are small: looked up, not computed.  The table is made by joining digits
#: (in numeric order: a leading digit is never 0), not by 46,656 divisions, which every build's
#: start paid for (17 ms against 5).
B36_TABLE = [
    *_DIGITS,
    *(a + b for a in _DIGITS[1:] for b in _DIGITS),
    *(a + b + c for a in _DIGITS[1:] for b in _DIGITS for c in _DIGITS),
]


def b36(n: int) -> str:
    """``n`` in base 36 (as the worker's ``parseInt(…, 36)`` reads it)."""
    return B36_TABLE[n] if n < len(B36_TABLE) else b36_of(n)


def grams(text: str, remember: bool = True) -> tuple[dict[str, str], dict[str, str]]:
    """Where each indexed pair of ``text`` is, and where each character first is (UTF-16, base 36).

    The pairs' positions come as ``pos,diff,diff…``; ``remember``: kept in ``_GRAMS`` for the next
    build of this process.  A text ``with_notes`` has its notes' places after it: a position inside one
    is marked ``NOTED`` (``_noted``).
    """
    kept = _GRAMS.get(text)
    if kept is not None:
        return kept
    body, _, places = text.partition(NOTES_MARK)
    pairs: dict[str, list[int]] = defaultdict(list)
    chars: dict[str, str] = {}
    # A passage with notes needs every place of each character (_noted), not only its first.
    where: dict[str, list[int]] | None = defaultdict(list) if places else None
    # Runs of term characters found by one regex, not each character matched on its own (a
    # build's every passage goes through here: most of the postings rebuild's time).  A character
    # beyond the BMP is never a term character but counts two UTF-16 positions: a run's start moves
    # by how many of them come before it, counted between one run and the next (once each: counted
    # from the text's start for every run, an emoji-heavy passage took quadratic time).
    wide = _WIDE_RE.search(body) is not None
    shift, counted = 0, 0
    table, small = B36_TABLE, len(B36_TABLE)
    for m in _TERM_RUN_RE.finditer(body):
        run, at = m.group(), m.start()
        if wide:
            shift += len(_WIDE_RE.findall(body, counted, at))
            counted = m.end()
            at += shift
        if where is not None:
            for i, ch in enumerate(run, at):
                where[ch].append(i)
        else:
            for i, ch in enumerate(run, at):
                if ch not in chars:
                    chars[ch] = table[i] if i < small else b36_of(i)
        for i in range(len(run) - 1):
            pairs[run[i : i + 2]].append(at + i)
    if where is not None:
        kept = _noted([int(n) for n in places.split(",")], pairs, where)
    else:
        encoded = {}
        for pair, positions in pairs.items():
            last, nums = 0, []
            for p in positions:
                d = p - last
                nums.append(table[d] if d < small else b36_of(d))
                last = p
            encoded[pair] = ",".join(nums)
        kept = (encoded, chars)
    if remember:
        if len(_GRAMS) >= _GRAMS_LIMIT:
            _GRAMS.clear()
        _GRAMS[text] = kept
    return kept


#: Between a passage's text and its editor's notes' places (``[start, end, …]``, UTF-16 units) in the numbered texts.
NOTES_MARK = "\x1f"
#: After a position inside an editor's note.
NOTED = "."


def with_notes(text: str, places: Sequence[int]) -> str:
    """``text`` as the postings number it: with its editor's notes' places (UTF-16 units), when it has notes."""
    return f"{text}{NOTES_MARK}{','.join(map(str, places))}" if places else text


def _inside(at: int, size: int, notes: Sequence[int]) -> bool:
    return any(notes[k] <= at and at + size <= notes[k + 1] for k in range(0, len(notes) - 1, 2))


def _noted(
    notes: Sequence[int], pairs: dict[str, list[int]], places: dict[str, list[int]]
) -> tuple[dict[str, str], dict[str, str]]:
    """``grams`` of a passage with editor's notes, from its pairs' and characters' places: each one in a note marked.

    A position inside a note is followed by ``NOTED``.  A pair is inside a note when both its characters are.  A
    character first found inside a note is also given where it first is outside them, when it is: a one-character
    query then knows the author wrote it.
    """
    encoded = {}
    for pair, positions in pairs.items():
        last, nums = 0, []
        for p in positions:
            nums.append(b36(p - last) + (NOTED if _inside(p, 2, notes) else ""))
            last = p
        encoded[pair] = ",".join(nums)
    chars = {}
    for ch, where in places.items():
        first = where[0]
        if not _inside(first, 1, notes):
            chars[ch] = b36(first)
            continue
        outside = next((p for p in where if not _inside(p, 1, notes)), None)
        chars[ch] = b36(first) + NOTED + (f",{b36(outside - first)}" if outside is not None else "")
    return encoded, chars
