"""Quotation marks in pairs: a passage's marks are converted together, whatever markup sits between.

A variant's punctuation (“” → 「」, an editor's rule) is applied per passage, not per text node, so
the two marks of a pair stay a pair when a link, a glossary term or a theme marker sits between them
(in different text nodes), and nested quotations take the next level's marks.  :func:`passages`
groups a tokenized page's text pieces into passages (block-level tags end one); :func:`pair_quotes`
converts one passage's marks.
"""

from __future__ import annotations

import bisect
import html as html_lib
import itertools
import operator
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zhudu.script.html_tokens import HtmlTokens

__all__ = ["BLOCK_TAG_RE", "pair_quotes", "passages"]

_HAN_ANY_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Paired marks (opening → closing) matched across a passage by ``pair_quotes``.
_OPENERS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉"}
#: Quotation marks, by nesting level: an outer quotation takes the first pair's outputs, a quotation
#: inside it the second's, whichever Western marks the author used.
_QUOTE_LEVELS = (("“", "”"), ("‘", "’"))
_QUOTE_OPENERS = frozenset(o for o, _ in _QUOTE_LEVELS)
_QUOTE_CLOSERS = frozenset(c for _, c in _QUOTE_LEVELS)


def pair_quotes(
    texts: Sequence[str], punct_re: re.Pattern[str], punct_map: Mapping[str, str], markup: bool = False
) -> list[str]:
    """Apply a variant's punctuation to one passage cut into pieces (text nodes around markup).

    ``punct_map`` maps each mark to its form in the variant; ``punct_re`` matches those marks.

    The passage is decided as a whole: if it holds no Han character (an English sentence) its
    marks are kept, else every mark is converted — so the two marks of a pair, in different
    text nodes when a link or a glossary term sits between them, always convert together.
    Pairs are matched across the pieces first: a quotation nested in another takes the next
    level's marks (“‘…’” and ‘“…”’ both give 「『…』」) and a closing mark takes the form of
    the mark it closes.  An opening mark left unclosed (an excerpt cut short with …) encloses
    only the rest of its own text piece (the excerpt), so the quotations after it keep their
    level.  An apostrophe between two Latin letters (don’t) is left alone.
    """
    if not any(_HAN_ANY_RE.search(t) for t in texts):
        return list(texts)
    punct = punct_map
    levels = [(punct[o], punct[c]) for o, c in _QUOTE_LEVELS if o in punct and c in punct]
    # Pass 1: the marks in order, apostrophes left out, and which opening marks are closed.
    marks: list[tuple[int, int, str]] = []
    for k, text in enumerate(texts):
        for m in punct_re.finditer(text):
            i = m.start()
            before = text[i - 1] if i else (texts[k - 1][-1:] if k else "")
            after = text[i + 1] if i + 1 < len(text) else (texts[k + 1][:1] if k + 1 < len(texts) else "")
            if before.isascii() and before.isalpha() and after.isascii() and after.isalpha():
                continue  # an apostrophe
            marks.append((k, i, m.group()))
    partner: dict[int, int] = {}  # index in ``marks`` of an opening mark -> of its closing mark
    open_at: list[int] = []
    for n, (_, _, mark) in enumerate(marks):
        if mark in _OPENERS:
            open_at.append(n)
        elif open_at and _closes(marks[open_at[-1]][2], mark):
            partner[open_at.pop()] = n
    opener_of = {c: o for o, c in partner.items()}
    # Pass 2: the output of every mark; only closed quotations count for nesting.
    outputs: dict[tuple[int, int], str] = {}
    depth = 0
    loose = 0  # unclosed quotations opened so far in the current piece
    loose_piece = -1
    closing: dict[int, str] = {}
    for n, (k, i, mark) in enumerate(marks):
        got = punct[mark]
        if k != loose_piece:
            loose, loose_piece = 0, k
        if n in partner:
            if mark in _QUOTE_OPENERS and levels:
                got, close = levels[(depth + loose) % len(levels)]
                depth += 1
            else:
                close = punct.get(_OPENERS[mark], _OPENERS[mark])
            closing[partner[n]] = close
        elif mark in _QUOTE_OPENERS and levels:
            got = levels[(depth + loose) % len(levels)][0]
            loose += 1
        elif n in closing:
            got = closing[n]
            if marks[opener_of[n]][2] in _QUOTE_OPENERS and levels:
                depth -= 1
        outputs[(k, i)] = html_lib.escape(got) if markup else got
    out: list[str] = []
    for k, text in enumerate(texts):
        out.append(punct_re.sub(lambda m, k=k: outputs.get((k, m.start()), m.group()), text))
    return out


def _closes(opener: str, closer: str) -> bool:
    """True when ``closer`` closes ``opener``; a quotation mark closes any quotation (‘…” is a pair)."""
    if opener in _QUOTE_OPENERS:
        return closer in _QUOTE_CLOSERS
    return _OPENERS.get(opener) == closer


#: Elements that end a passage: a quotation does not run from one paragraph, cell or item into the
#: next.  Inline elements (a, em, span, code, abbr, button …) and <br> do not.
BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|li|ul|ol|dl|dd|dt|h[1-6]|table|thead|tbody|tr|td|th|caption|blockquote|pre|section|"
    r"article|header|footer|nav|aside|main|figure|figcaption|details|summary|title|head|body|html|"
    r"option|select|hr|form|fieldset|legend|template|iframe|noscript)(?![\w-])",
    re.IGNORECASE,
)


def passages(tokens: HtmlTokens, marks: re.Pattern[str]) -> list[list[int]]:
    """The converted pieces of a document grouped into passages, for pair-aware punctuation.

    A passage is a run of text pieces with no block-level tag between them; an attribute value
    (its piece follows a cut-open tag, not ``>``) is a passage of its own.  Only passages with a
    mark to convert are returned, and only they are worked out: from each piece with a mark, the
    passage is grown to its neighbouring text pieces until a boundary (most pieces have no mark,
    so most of a page is never looked at twice).  Kept on ``tokens`` for the other variants.
    """
    marked = tokens.passage_runs.get(marks.pattern)
    if marked is not None:
        return marked
    pieces, todo = tokens.pieces, tokens.todo_idx

    def attribute(k: int) -> bool:
        idx = todo[k]
        prev = pieces[idx - 1] if idx else ""
        return prev.startswith("<") and not prev.endswith(">")

    def joined(a: int, b: int) -> bool:
        """Whether text pieces ``todo[a]`` and ``todo[b]`` (a + 1 == b) are in one passage."""
        if attribute(a) or attribute(b):
            return False
        return not any(
            pieces[i].startswith("<") and BLOCK_TAG_RE.match(pieces[i]) for i in range(todo[a] + 1, todo[b])
        )

    # The text pieces holding a mark, found in one pass over them joined (NUL never occurs in HTML
    # text here: the pieces are cut from the page): a match's position gives its piece by bisection.
    sources = tokens.todo_src
    ends = list(map(operator.add, itertools.accumulate(map(len, sources)), range(len(sources))))
    holding = sorted({bisect.bisect_right(ends, m.start()) for m in marks.finditer("\x00".join(sources))})
    marked = []
    end = -1  # the last todo position already in a passage
    for k in holding:
        if k <= end:
            continue
        first = k
        while first > end + 1 and joined(first - 1, first):
            first -= 1
        last = k
        while last + 1 < len(todo) and joined(last, last + 1):
            last += 1
        marked.append(todo[first : last + 1])
        end = last
    tokens.passage_runs[marks.pattern] = marked
    return marked
