"""The words a variant shows where its folded text is not the canonical text, and the canonical words they stand for.

The postings hold the folded canonical (Simplified) text; a Traditional variant's passage folds to it
but for its regional words and the editor's phrases (``conversion.yml``: 迈克尔·贝瑞 → 麥可·貝瑞 in Taiwan,
米高·貝利 in Hong Kong).  ``index.aliases`` converts each vocabulary word alone, so a word that a
phrase rule changes only in context (迈克尔 alone is 邁克爾, a page shows 麥可) had no reading, no
highlight and a suggestion the page does not show.  Here the passages' own edits say it:

* ``passage_edits``: the folded edits cut at their separators (「大空头」米高·贝利 / “大空头”迈克尔·贝瑞 is
  米高 → 迈克尔 and 利 → 瑞), so the worker maps each canonical word back onto the words shown;
* ``ShownWords.pairs``: each edit's shown piece (with a neighbour when it is one character: 伊隆 → 埃隆)
  and its canonical piece, added to the regional forms (``alias``);
* ``ShownWords.word_rows``: each vocabulary word as the variant's pages show it where an edit
  touches it, and the words the variant never shows whole (迈克 of 迈克尔·贝瑞), for the ``w`` files.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from zhudu.search.edits import Span, edit_spans, edits_in_units
from zhudu.search.shown_totals import CounterSum, TextCounts

#: A character the worker puts in a term (``TERM_CHAR`` in search-worker.js); any other separates words.
_TERM_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaffa-z0-9\u00c0-\u024f]")
_TERMS_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaffa-z0-9\u00c0-\u024f]*")
#: The longest word looked for around an edit (the domain words' limit, ``index.domain_words``).
LONGEST_WORD = 12
#: The longest piece made a regional form: a longer one is words rewritten together (设定一个布林值来宣告),
#: each found by its own forms, and no reader types it whole.
LONGEST_PIECE = 4


def _term(ch: str) -> bool:
    return _TERM_RE.match(ch) is not None


def passage_edits(shown: str, canonical: str) -> tuple[list[int | str], list[Span]]:
    """A passage's folded edits (``edits.folded_edits``' format) and their spans, cut at shared separators."""
    spans = fine_spans(shown, canonical, edit_spans(shown, canonical))
    return edits_in_units(shown, canonical, spans), spans


def fine_spans(shown: str, canonical: str, spans: Iterable[Span]) -> list[Span]:
    """Each edit cut at its separators when both sides have as many (a separator for a separator), parts trimmed."""
    out: list[Span] = []
    for i, di, j, dj in spans:
        a, b = shown[i : i + di], canonical[j : j + dj]
        cuts_a = [k for k, ch in enumerate(a) if not _term(ch)]
        cuts_b = [k for k, ch in enumerate(b) if not _term(ch)]
        if len(cuts_a) != len(cuts_b):  # a clause rewritten, not words put for words
            cuts_a = cuts_b = []
        ka = kb = 0
        for ea, eb in (*zip(cuts_a, cuts_b, strict=True), (di, dj)):
            for part in _trimmed(shown, i + ka, ea - ka, canonical, j + kb, eb - kb):
                out.extend(_substitutions(shown, canonical, part))
            if ea < di and a[ea] != b[eb]:  # the region's own marks (「」 for “”)
                out.append((i + ea, 1, j + eb, 1))
            ka, kb = ea + 1, eb + 1
    return out


def _trimmed(shown: str, i: int, di: int, canonical: str, j: int, dj: int) -> list[Span]:
    head = 0
    while head < di and head < dj and shown[i + head] == canonical[j + head]:
        head += 1
    tail = 0
    while tail < di - head and tail < dj - head and shown[i + di - 1 - tail] == canonical[j + dj - 1 - tail]:
        tail += 1
    if di - head - tail == 0 and dj - head - tail == 0:
        return []
    return [(i + head, di - head - tail, j + head, dj - head - tail)]


def _substitutions(shown: str, canonical: str, span: Span) -> list[Span]:
    """An edit of as many characters on both sides cut into its runs of differing characters.

    軟體和網路 / 软件和网络 is two words put for two (件 → 體, 络 → 路), not one piece: a word beside
    either (软件) keeps its shown form instead of counting as cut.
    """
    i, di, j, dj = span
    if di != dj:
        return [span]
    out: list[Span] = []
    start = None
    for k in range(di + 1):
        differs = k < di and shown[i + k] != canonical[j + k]
        if differs and start is None:
            start = k
        elif not differs and start is not None:
            out.append((i + start, k - start, j + start, k - start))
            start = None
    return out


def shown_span(spans: list[Span], start: int, end: int) -> tuple[int, int] | None:
    """Canonical ``[start, end)`` as a span of the shown text; None when it begins or ends inside an edit."""
    from_, to = start, end
    for _, di, j, dj in spans:
        if j < start < j + dj or j < end < j + dj:
            return None
        if j + dj <= start:
            from_ += di - dj
        if j + dj <= end and not (dj == 0 and j == end):
            to += di - dj
    return from_, to


class ShownWords:
    """One page's edited passages in one variant: the pairs they give the aliases, and its words as shown.

    Kept with the page's record (``VariantPage.shown``): a ``mkdocs serve`` save redoes the pages it
    changed only, and each page's word counts while the vocabulary is the same list.
    """

    def __init__(self) -> None:
        self.pairs: dict[str, str] = {}  # shown piece (folded) → its canonical piece
        #: A one-character piece with each neighbour both texts have: (shown, canonical) alternatives.
        self.near: set[tuple[tuple[str, str], ...]] = set()
        #: (text shown, folded canonical, spans): the spans' numbers in one flat array (a tuple of four
        #: took about four times the bytes, held for every edited passage until the vocabulary is known).
        self.passages: list[tuple[str, str, array[int]]] = []
        #: The vocabulary ``counts`` last used (by identity) and what it found with it.
        self.counted: tuple[Any, Counter[str], Counter[str]] = (None, Counter(), Counter())
        #: The passages' canonical parts joined (made when first asked): a save's new words looked for once.
        self.joined: str | None = None

    def __getstate__(self) -> dict[str, Any]:
        # Kept by a serve (``search/persist.py``) without the counts: they hold the vocabulary.
        return {**self.__dict__, "counted": (None, Counter(), Counter()), "joined": None}

    def add(self, text: str, ftext: str, ctext: str, spans: list[Span]) -> None:
        """A passage as shown, folded, its folded canonical text and ``passage_edits``' spans."""
        self.joined = None
        if spans:
            # Only as much of the passage as a word overlapping an edit can take (held until the
            # vocabulary is known): before its first edit both texts are alike, place for place.
            lo = max(0, spans[0][2] - LONGEST_WORD + 1)
            hi = min(len(ctext), spans[-1][2] + spans[-1][3] + LONGEST_WORD - 1)
            shift = sum(di - dj for _, di, _, dj in spans)
            kept = array("l", [n for i, di, j, dj in spans for n in (i - lo, di, j - lo, dj)])
            self.passages.append((text[lo : hi + shift], ctext[lo:hi], kept))
        for i, di, j, dj in spans:
            shown, canon = ftext[i : i + di], ctext[j : j + dj]
            if _TERMS_RE.fullmatch(shown + canon) is None:
                continue  # a rewritten clause, not a word
            if di >= 2:
                if di <= LONGEST_PIECE and (shown not in self.pairs or canon < self.pairs[shown]):
                    self.pairs[shown] = canon
                continue
            # One character: with a neighbour both texts have (伊隆 → 埃隆, 贝利 → 贝瑞).
            before, after = ftext[i - 1 : i], ftext[i + di : i + di + 1]
            near = []
            if before and j and ctext[j - 1] == before and _term(before):
                near.append((before + shown, before + canon))
            if after and ctext[j + dj : j + dj + 1] == after and _term(after):
                near.append((shown + after, canon + after))
            near = [(key, word) for key, word in near if len(key) >= 2]
            if near:
                self.near.add(tuple(near))

    def _joined(self) -> str:
        # A word holds no line break: it is in the joined parts when it is in one of them.
        if self.joined is None:
            self.joined = "\n".join(ctext for _, ctext, _ in self.passages)
        return self.joined

    def counts(
        self,
        key: Any,
        vocab: Collection[str],
        prefixes: Collection[str],
        moved: tuple[Any, set[str]] | None = None,
    ) -> tuple[Counter[str], Counter[str]]:
        """Each vocabulary word an edit touches: its forms as shown (counted), and how often an edit cuts it.

        ``key``: the vocabulary's list (compared by identity); ``vocab`` its set, ``prefixes`` the
        beginnings of its words (``word_prefixes``, or more); ``moved``: the list before it and the
        words that came or went since: counts made with that list are still right when no passage
        part here holds one of those words (a serve's save brings a word or two).
        """
        if self.counted[0] is key:
            return self.counted[1], self.counted[2]
        if (
            moved is not None
            and self.counted[0] is moved[0]
            and not any(word in self._joined() for word in moved[1])
        ):
            self.counted = (key, self.counted[1], self.counted[2])
            return self.counted[1], self.counted[2]
        shown: Counter[str] = Counter()  # (word, form) pairs, as "word\0form"
        cut: Counter[str] = Counter()
        for text, ctext, flat in self.passages:
            spans = [(flat[k], flat[k + 1], flat[k + 2], flat[k + 3]) for k in range(0, len(flat), 4)]
            seen: set[tuple[int, int]] = set()
            for _, _, j, dj in spans:
                # Every word of the canonical text that overlaps the edit (begins before its end, ends
                # after its start), made longer from each place while some word begins so.
                for start in range(max(0, j - LONGEST_WORD + 1), min(j + dj, len(ctext))):
                    for end in range(start + 1, min(start + LONGEST_WORD, len(ctext)) + 1):
                        word = ctext[start:end]
                        if word not in prefixes:
                            break
                        if end <= j or end - start < 2 or word not in vocab or (start, end) in seen:
                            continue
                        seen.add((start, end))
                        span = shown_span(spans, start, end)
                        if span is None:
                            cut[word] += 1
                        else:
                            shown[f"{word}\0{text[span[0] : span[1]]}"] += 1
        self.counted = (key, shown, cut)
        return shown, cut


def word_rows(
    pages: Iterable[ShownWords],
    vocab: Collection[str],
    canonical_texts: Iterable[tuple[Any, Iterable[str]]],
    sums: CounterSum | None = None,
    text_counts: TextCounts | None = None,
    prefixes: VocabularyPrefixes | None = None,
) -> tuple[dict[str, str], set[str]]:
    """Each vocabulary word an edit touches, as a variant's pages show it (the form shown most), and the words never shown.

    A word cut by an edit (迈克 in 迈克尔·贝瑞, which Taiwan shows as 麥可·貝瑞) is shown nowhere
    there; it is left out when no other place of the canonical texts holds it.  ``canonical_texts``:
    (owner, its texts), each owner an object that holds the same texts while it lives; ``sums`` and
    ``text_counts``: the last call's totals (``shown_totals``: a serve's save reads what changed only);
    ``prefixes``: the last call's vocabulary and its words' beginnings (``VocabularyPrefixes``).
    """
    pages = list(pages)
    prefixes = prefixes if prefixes is not None else VocabularyPrefixes()
    if pages:
        prefixes.use(vocab)
    shown, cut = (sums or CounterSum()).update(
        (page, *page.counts(vocab, prefixes.words, prefixes.prefixes, prefixes.moved)) for page in pages
    )
    by_word: dict[str, Counter[str]] = defaultdict(Counter)
    for key, n in shown.items():
        word, form = key.split("\0")
        by_word[word][form] += n
    forms = {w: min(c, key=lambda s: (-c[s], s)) for w, c in by_word.items()}
    unseen = [w for w in cut if w not in forms]
    never: set[str] = set()
    if unseen:
        found_in = (text_counts or TextCounts()).counts(canonical_texts, unseen)
        never = {w for w in unseen if found_in[w] <= cut[w]}
    return forms, never


#: More words came or went than this: every page is counted again (a passage part is searched for each).
MOVED_WORDS = 64


class VocabularyPrefixes:
    """The vocabulary ``word_rows`` last counted with, the beginnings of its words, and what moved since.

    Owned by the search assembly (``Assembly.prefixes``) and made with it: a build's variants share
    one vocabulary's prefixes, and a serve's save (the same assembly) adds only the words that came,
    so each page's counts made with the list before stay right where none of those words occurs.
    """

    def __init__(self) -> None:
        self.vocab: Any = None  # the vocabulary's list, compared by identity
        self.words: set[str] = set()
        self.prefixes: set[str] = set()
        #: The list before it and the words that came or went, when at most ``MOVED_WORDS`` did.
        self.moved: tuple[Any, set[str]] | None = None

    def use(self, vocab: Collection[str]) -> None:
        """Count with ``vocab`` (a list, by identity) from now on."""
        if self.vocab is vocab:
            return
        last, words = self.vocab, set(vocab)
        moved = words ^ self.words if last is not None else set()
        if last is None or len(moved) > MOVED_WORDS:
            self.prefixes, self.moved = word_prefixes(words), None
        else:  # the prefixes of words gone stay: only more places are tried
            self.prefixes.update(word_prefixes(words - self.words))
            self.moved = (last, moved)
        self.vocab, self.words = vocab, words


def word_prefixes(words: Iterable[str]) -> set[str]:
    """Every beginning of every word (of one character or more): where a longer word may still start."""
    return {w[:k] for w in words for k in range(1, len(w) + 1)}


def pooled(pages: Iterable[ShownWords]) -> ShownWords:
    """The pages' pieces (``pairs``, ``near``) moved into one: what ``merged_aliases`` reads, held once.

    A build keeps no page for a next save: each page's copies of the same pieces went on being held
    until the vocabulary came.  ``merged_aliases`` of the pool and the emptied pages is theirs.
    """
    pool = ShownWords()
    for page in pages:
        for key, word in page.pairs.items():
            pool.pairs[key] = min(word, pool.pairs.get(key, word))
        pool.near |= page.near
        page.pairs, page.near = {}, set()
    return pool


def merged_aliases(
    alias: Mapping[str, str], ambiguous: Iterable[str], words: Iterable[ShownWords], vocab: Collection[str]
) -> tuple[dict[str, str], set[str]]:
    """The regional forms with the variants' shown pieces added, each only where the forms read it otherwise.

    A piece the forms already read right (储存资料 by 储存 and 资料) is left out, shortest first: the
    manifest every first search fetches stays small.  A one-character piece is added with its
    neighbours (伊隆 → 埃隆), unless one of them the forms read right already (储 of 中储存: 储存 is
    there): those are forms the reader may mean as typed, ambiguous, so the literal reading comes first.
    """
    out = dict(alias)
    unsure = set(ambiguous)
    longest = max(map(len, out), default=0)
    pairs: dict[str, str] = {}
    near: set[tuple[tuple[str, str], ...]] = set()
    for shown in words:
        for key, word in shown.pairs.items():
            pairs[key] = min(word, pairs.get(key, word))
        near |= shown.near
    for key, word in sorted(pairs.items(), key=lambda kv: (len(kv[0]), kv[0])):
        if key not in out and read_through(key, out, longest) != word:
            out[key], longest = word, max(longest, len(key))
    for group in sorted(near):
        if any(read_through(key, out, longest) == word for key, word in group):
            continue
        for key, word in group:
            if key not in out:
                out[key], longest = word, max(longest, len(key))
                unsure.add(key)
    return dict(sorted(out.items())), unsure | {k for k in out if k in vocab}


def read_through(text: str, alias: Mapping[str, str], longest: int) -> str:
    """``text`` as the worker reads it through the regional forms (``readings``: the longest form at each place)."""
    out, i = "", 0
    while i < len(text):
        for size in range(min(longest, len(text) - i), 1, -1):
            if (to := alias.get(text[i : i + size])) is not None:
                out, i = out + to, i + size
                break
        else:
            out, i = out + text[i], i + 1
    return out
