"""A heading's text without its inline markup, as the table of contents reads it, in one pass.

What ``page_ids`` leaves out of a heading's id: emphasis (``*`` always; ``_`` in pairs at a word's
edges, as Python-Markdown reads them: ``list_categories``, ``_config.yml``, ``a_b_`` keep theirs) and a
link's target.  It was one regular expression (kept in ``tests/test_heading_text.py``, which compares
the two), that read the rest of the line again from every ``_`` and every ``[`` that nothing closed:
30 s for a heading line of 20,000 ``__a_``.  This reads the line once, finding each closing run from
a table made right to left.
"""

from __future__ import annotations


def without_markup(text: str) -> str:
    """``text`` with emphasis marks and link targets removed (each emphasis's and link's text kept)."""
    closing = _closing_runs(text)
    next_bracket = _next_index(text, "]")
    next_paren = _next_index(text, ")")
    out: list[str] = []
    at = i = 0
    while i < len(text):
        char = text[i]
        if char == "*":
            end = i
            while end < len(text) and text[end] == "*":
                end += 1
            out.append(text[at:i])
            at = i = end
        elif char == "_" and (found := closing.get(i)):
            width, close = found
            out += [text[at:i], text[i + width : close]]
            at = i = close + width
        elif (
            char == "["
            and (bracket := next_bracket[i]) + 1 < len(text)
            and text[bracket + 1] == "("
            and next_paren[bracket + 1] < len(text)
        ):
            out += [text[at:i], text[i + 1 : bracket]]
            at = i = next_paren[bracket + 1] + 1
        else:
            i += 1
    out.append(text[at:])
    return "".join(out)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # the expression's \w


def _next_index(text: str, char: str) -> list[int]:
    """For each index, the first index at or after it that holds ``char`` (``len(text)``: none)."""
    out = [len(text)] * (len(text) + 1)
    for i in range(len(text) - 1, -1, -1):
        out[i] = i if text[i] == char else out[i + 1]
    return out


def _closing_runs(text: str) -> dict[int, tuple[int, int]]:
    """Each opening ``_`` run's emphasis: start → (marks taken, where the closing marks start).

    An opening run is one not after a word character; it takes as many marks as it can (then fewer),
    and its text (not starting with white space) runs to the nearest closing run of that many marks
    after at least two characters, else after one: a closing run is the last marks of a run followed
    by no word character, after a character that is not white space.
    """
    runs, i = [], 0
    while (i := text.find("_", i)) >= 0:
        end = i
        while end < len(text) and text[end] == "_":
            end += 1
        runs.append((i, end))
        i = end
    nearest: dict[int, list[int]] = {}  # marks → the two nearest closing starts right of the runs read
    out: dict[int, tuple[int, int]] = {}
    for start, end in reversed(runs):
        closes = end == len(text) or not _is_word(text[end])
        own_edge = start > 0 and not text[start - 1].isspace()
        if start == 0 or not _is_word(text[start - 1]):
            for width in range(end - start, 0, -1):
                em = start + width
                if em >= len(text) or text[em].isspace():
                    continue
                own = [end - width] if closes and end - width > em else []
                found = [*own, *nearest.get(width, [])]
                close = next((s for s in found if s >= em + 2), None)
                if close is None and found and found[0] == em + 1:
                    close = em + 1
                if close is not None:
                    out[start] = (width, close)
                    break
        if closes:
            for width in range(1, end - start + 1):
                if width < end - start or own_edge:
                    nearest[width] = [end - width, *nearest.get(width, [])][:2]
    return out
