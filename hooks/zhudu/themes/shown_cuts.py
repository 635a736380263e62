"""A Traditional note's passage as each variant's page shows it, cut where a theme page marks it.

A theme page quotes a passage with the phrases a theme matched marked.  A note written in Traditional reads on
each variant's pages as its own page shows it (``Site.shown_in``: the author's words kept as typed on its own
variant, the layer's from-hant rules on the Simplified one), and so must its quotes.  Converted in pieces cut at
the marks, a phrase across a mark's edge reads otherwise than on any page (說明|文件 with the theme phrase 说明: 說明
and 文件 alone are 說明檔案 on the Taiwan page, where the note's page, converting the phrase whole, reads 說明文件).
So a run of text is converted whole, without marks (OpenCC matches phrases over contiguous text: no held marker
may sit inside one), and each mark's edges are found in each variant's text afterwards (:func:`cut_as_shown`):

1. where the pieces converted alone join into the whole's text in every variant (nearly always), each piece is
   its own text;
2. else each edge is placed where, in every variant, the text before it and the text after it, each converted
   alone, join into the whole's text (each side then reads as it does alone), or where the side the mark is not
   on reads as it does alone (the whole starts with the text before a mark's start converted alone);
3. else the edge moves outward from the mark, a character at a time (at most ``REACH``), until 2 holds: the mark
   grows over the word that holds the phrase, in every variant (an edge is at the same place of the text in
   all, so a piece holds the same words in each, and the white space at its ends).  A Hong Kong note's
   的說明文件, which the layer writes 的文档 on the Simplified page, is marked 文档 there for the theme phrase 说明,
   文件 on the Taiwan page (the note's page reads 的文件) and 說明文件 on its own;
4. else the edge goes where the lengths put it (one character for one where the whole kept the text's length):
   a mark may then be off, never the text.  The side the mark is on, alone, proves nothing: on the Taiwan page
   of that note, the text after 說明文|件 converted alone (件很清楚…) ends the whole's text too, and a mark cut
   there fell on 文.

Whatever the cuts, each variant's pieces join into its text of the whole: a quote reads exactly as its page.
Pure module: the pieces and the variants' conversions in, the pieces' texts out; :func:`rule_pieces` writes a
piece's texts as the author's ``-{…}-`` rule does (a ``span.zd-conv``), which each variant's page converter
resolves as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import accumulate

from zhudu.script.inline_rules import rule_attribute
from zhudu.script.variant_configs import detect_script, script_of_code

__all__ = ["REACH", "cut_as_shown", "rule_pieces"]

#: How far (characters of the text) a mark's edge moves outward to find a place the conversion does not cut.
REACH = 8


def cut_as_shown(
    pieces: Sequence[str], converts: Mapping[str, Callable[[str], str]], marked: Sequence[bool]
) -> dict[str, list[str]]:
    """Each of ``pieces`` (a run of text, in order) as its part of each variant's conversion of the whole run.

    ``converts``: variant code → conversion; ``marked``: which pieces a mark wraps (its edges move outward).  Each
    edge is placed at the same place of the text in every variant (where each variant's text allows it: steps 2 and
    3), so that a piece holds the same words in each (a mark grown in one grows in all; their white space agrees).
    Each variant's texts join into its conversion of the whole run; a piece may be empty (a mark grown over it).
    """
    text = "".join(pieces)
    wholes = {code: convert(text) for code, convert in converts.items()}
    if len(pieces) < 2:
        return {code: [whole] for code, whole in wholes.items()}
    alone = {code: [convert(piece) for piece in pieces] for code, convert in converts.items()}
    if all("".join(alone[code]) == whole for code, whole in wholes.items()):
        return alone
    edges = list(accumulate(map(len, pieces)))[:-1]
    cuts: dict[str, list[int]] = {code: [] for code in converts}
    for i, edge in enumerate(edges):
        # A mark's start moves left, its end right; neither past the edge beside it.
        lo = edges[i - 1] if i else 0
        hi = edges[i + 1] if i + 1 < len(edges) else len(text)
        step = -1 if marked[i + 1] and not marked[i] else 1
        found = _cut(text, edge, wholes, converts, step, lo, hi)
        for code, whole in wholes.items():  # else where the lengths put it (one for one: the length kept)
            cuts[code].append(round(edge * len(whole) / len(text)) if found is None else found[code])
    out = {}
    for code, whole in wholes.items():
        texts, start = [], 0
        for cut in cuts[code]:
            cut = min(max(cut, start), len(whole))  # in order, inside the whole
            texts.append(whole[start:cut])
            start = cut
        out[code] = [*texts, whole[start:]]
    return out


def _cut(
    text: str,
    edge: int,
    wholes: Mapping[str, str],
    converts: Mapping[str, Callable[[str], str]],
    step: int,
    lo: int,
    hi: int,
) -> dict[str, int] | None:
    """Where the edge at ``edge`` of ``text`` falls in each variant's whole text (steps 2 and 3), or None.

    ``step``: the side the mark is not on (-1: the text before the edge, which its start moves into).
    """
    for k in range(REACH + 1):
        at = edge + step * k
        if not lo <= at <= hi:
            break
        found = {}
        for code, convert in converts.items():
            whole, before, after = wholes[code], convert(text[:at]), convert(text[at:])
            if before + after == whole or (k == 0 and step < 0 and whole.startswith(before)):
                found[code] = len(before)
            elif k == 0 and step > 0 and whole.endswith(after):
                found[code] = len(whole) - len(after)
            else:
                break
        else:
            return found
    return None


def rule_pieces(values: Mapping[str, str]) -> list[tuple[str, str | None]]:
    """A piece's text in every variant (``values``: code → text, the default variant's first) as pieces to write.

    (text, None): as it is, converted by each page like any text (white space at the ends, the same in every
    variant: a rule's value loses it); (the default variant's text, a ``span.zd-conv``'s rule): each variant's
    text.  Where no rule can hold the values (``rule_attribute``: ``;zh:`` in one, or white space at the ends
    that differs between variants), the default variant's text as it is.
    """
    first = next(iter(values.values()), "")
    core = {code: text.strip() for code, text in values.items()}
    ends = {(t[: len(t) - len(t.lstrip())], t[len(t.rstrip()) :]) for t in values.values() if t.strip()}
    default = next(iter(core.values()), "")
    rule = rule_attribute(_without_default(core)) if len(ends) == 1 else None
    if rule is None:
        return [(first, None)] if first else []
    lead, trail = ends.pop()
    pieces = [(lead, None), (default, rule), (trail, None)]
    return [(text, rule) for text, rule in pieces if text or rule]


def _without_default(values: dict[str, str]) -> dict[str, str]:
    """``values`` without the default variant's (the first) where its page reads the span's content without it.

    A Simplified default variant with no other Simplified value given reads the content (Simplified) as it is
    (``resolve_inline_value``'s last fallback, converted from Simplified: unchanged): a third of the rule's bytes.
    """
    default, *others = values
    if script_of_code(default) != "Hans" or any(script_of_code(code) != "Hant" for code in others):
        return values
    if detect_script(values[default]) != "Hans":
        return values
    return {code: values[code] for code in others}
