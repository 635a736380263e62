"""A Traditional passage's folded text, written as the edits that make its canonical (Simplified) text.

Pure and linear in the passage; the search worker (``search-worker.js``) applies the edits.
"""

from __future__ import annotations


def folded_edits(shown: str, canonical: str) -> list[int | str]:
    """What turns a passage's folded text into its folded canonical text: ``[at, removed, "inserted", …]``.

    The worker maps a hit (found in the canonical text) onto the passage as shown, and needs that
    text; a Traditional variant's passage folds to it but for its regional words (晶片 where the
    canonical text has 芯片), so only those are written instead of the whole canonical passage
    (which was a third of the Traditional variants' fragment bytes).  Places and lengths are in
    UTF-16 code units, as the worker's strings count.  The texts are walked side by side: equal
    runs skipped, and at a difference the nearest place they agree again (``_resync``), so the time
    is linear in the passage (difflib's matcher took 4 s on a 10,000-character paragraph, 3 minutes
    on 30,000).  Whatever the edits, they make exactly ``canonical``.
    """
    return edits_in_units(shown, canonical, edit_spans(shown, canonical))


Span = tuple[int, int, int, int]  # (at in shown, removed, at in canonical, inserted): characters


def edit_spans(shown: str, canonical: str) -> list[Span]:
    """``folded_edits`` in characters: each edit's place and length in both texts, in order."""
    spans: list[Span] = []
    i = j = 0
    while True:
        same = _same_run(shown, i, canonical, j)
        i, j = i + same, j + same
        if i >= len(shown) and j >= len(canonical):
            return spans
        di, dj = _resync(shown, i, canonical, j)
        spans.append((i, di, j, dj))
        i, j = i + di, j + dj


def edits_in_units(shown: str, canonical: str, spans: list[Span]) -> list[int | str]:
    """``[at, removed, "inserted", …]`` of these spans, places and lengths in UTF-16 code units."""
    # Without a character outside the BMP a slice's UTF-16 units are its length (no encoding).
    units = len if len(shown.encode("utf-16-le")) == 2 * len(shown) else _units
    edits: list[int | str] = []
    at = last = 0  # at: UTF-16 units of ``shown`` before ``last``
    for i, di, j, dj in spans:
        at += units(shown[last:i])
        removed = units(shown[i : i + di])
        edits += [at, removed, canonical[j : j + dj]]
        at, last = at + removed, i + di
    return edits


#: How far apart (characters skipped in the two texts together) ``_resync`` looks, and how many
#: equal characters it takes as agreeing again: a regional word is a few characters.
RESYNC_WINDOW = 64
RESYNC_RUN = 4


def in_units(text: str, places: tuple[int, ...]) -> list[int]:
    """Places in ``text`` (characters) in UTF-16 code units, as the worker's strings count."""
    if len(text.encode("utf-16-le")) == 2 * len(text):
        return list(places)
    return [_units(text[:at]) for at in places]


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _same_run(a: str, i: int, b: str, j: int) -> int:
    """How many characters ``a`` from ``i`` and ``b`` from ``j`` have in common (compared in slices).

    The step doubles while the slices agree, then halves: a long equal run takes few comparisons.
    """
    same, step = 0, 64
    while True:  # doubling
        x = a[i + same : i + same + step]
        if not x or x != b[j + same : j + same + step]:
            break
        same += len(x)
        if len(x) < step:  # both texts end here
            return same
        step *= 2
    while step > 1:  # halving: the first ``step`` characters from ``same`` differ somewhere
        step //= 2
        x = a[i + same : i + same + step]
        if x and x == b[j + same : j + same + step]:
            same += len(x)
    return same


def _resync(a: str, i: int, b: str, j: int) -> tuple[int, int]:
    """The fewest characters of ``a`` (from ``i``) and ``b`` (from ``j``) to skip before they agree again.

    Agreeing: ``RESYNC_RUN`` equal characters, or equal ends.  Nothing within ``RESYNC_WINDOW``: the
    rest of both (one edit replaces it).  Of two ways that skip as many, the one skipping fewer of
    ``a``.  Each skip of ``b`` looks for its run in ``a`` with ``str.find``, up to the best skip found
    so far, not every pair of skips one by one.
    """
    best: tuple[int, int] | None = None
    most = RESYNC_WINDOW  # characters skipped in the two together, at most
    rest_a = len(a) - i
    for dj in range(min(RESYNC_WINDOW, len(b) - j) + 1):
        if dj > most:
            break
        room = most - dj if most - dj < rest_a else rest_a  # of ``a``, to go with this skip of ``b``
        run = b[j + dj : j + dj + RESYNC_RUN]
        if len(run) == RESYNC_RUN:
            found = a.find(run, i, i + room + RESYNC_RUN)
            di = found - i if found >= 0 else -1
        else:  # the end of ``b``: agrees only with the end of ``a``
            di = len(a) - i - len(run)
            di = di if 0 <= di <= room and a.endswith(run) else -1
        if di >= 0:  # a later skip of ``b`` as short together skips fewer of ``a``
            best, most = (di, dj), di + dj
    return best if best is not None else (len(a) - i, len(b) - j)
