"""Every theme hit of a build, with the lookups the pages need.

:class:`ThemeIndex` (made by ``matching.build_index``) answers what the pages
need: the themes of a passage and of a note, the passages of a theme in every
note, and the related notes.  Pure module: plain data in, plain data out.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from zhudu.annotate.passages import Passage
from zhudu.errors import EditorialError
from zhudu.themes.theme_map import Theme, ThemeMap

#: How many notes per theme are candidates for "related notes" (see ``ThemeIndex.related``).
CANDIDATES_PER_THEME = 40
#: How many related notes a note page lists.
RELATED_NOTES = 5


@dataclass(frozen=True)
class NotePassages:
    """What matching needs to know about one note: identity, order key and passages."""

    id: str
    slug: str
    title: str
    date: str  # ISO date or "" (ranking ties: newer first)
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class Hit:
    """A passage that carries a theme."""

    theme: str
    note: str
    anchor: str
    phrases: tuple[str, ...]  # the folded phrases found in it (empty for a pin without a phrase)
    spans: tuple[tuple[int, int], ...]  # [start, end) in the passage's folded text
    pinned: bool = False
    folded_length: int = -1  # length of the passage's folded text (-1: unknown)

    @property
    def weight(self) -> int:
        """How strongly the passage expresses the theme (pins count as much as three phrases)."""
        return len(self.spans) + (3 if self.pinned else 0)


#: One note's hits by theme (document order) and by passage anchor (the map's theme order).
HitGroups = tuple[dict[str, list["Hit"]], dict[str, list["Hit"]]]


def group_hits(hits: Sequence[Hit], theme_order: Mapping[str, int]) -> HitGroups:
    """One note's hits (in document order) grouped as ``ThemeIndex``'s lookups hold them; never changed afterwards."""
    by_theme: dict[str, list[Hit]] = {}
    by_anchor: dict[str, list[Hit]] = {}
    for hit in hits:
        by_theme.setdefault(hit.theme, []).append(hit)
        by_anchor.setdefault(hit.anchor, []).append(hit)
    for lst in by_anchor.values():
        if len(lst) > 1:
            lst.sort(key=lambda h: theme_order[h.theme])
    return by_theme, by_anchor


@dataclass(frozen=True)
class Related:
    """Another note sharing themes with a note, and why."""

    note: str
    score: int
    shared: tuple[str, ...]


class ByNote(Mapping[tuple[str, str], Passage]):
    """``(note id, anchor)`` → passage, read from each note's passages by anchor (kept from build to build)."""

    def __init__(self, by_note: dict[str, dict[str, Passage]]) -> None:
        self.by_note = by_note

    def __getitem__(self, key: tuple[str, str]) -> Passage:
        return self.by_note[key[0]][key[1]]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return ((note, anchor) for note, passages in self.by_note.items() for anchor in passages)

    def __len__(self) -> int:
        return sum(map(len, self.by_note.values()))


@dataclass
class ThemeIndex:
    """Every hit of a build, with the lookups the pages need."""

    theme_map: ThemeMap
    notes: tuple[NotePassages, ...]
    hits: tuple[Hit, ...]
    problems: list[EditorialError] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    #: Note id → theme id → the digest of the note's hits in the theme (``page_digests``; also
    #: ``"\0markers:" + theme id`` → their anchors'); under ``mkdocs serve`` an unchanged note's
    #: dict is the last build's, digests included.
    hit_digests: dict[str, dict[str, str]] = field(default_factory=dict)
    #: The hits come in document order (``build_index`` makes them so): each note's hits in a
    #: theme need no sorting, which at 3,000 notes was a third of making the index on every save.
    in_document_order: bool = False
    #: Note id → its hits grouped as the lookups need them (``group_hits``), for the notes whose
    #: hits ``build_index`` kept from the last build: the same lists again, not new ones per save.
    grouped: dict[str, HitGroups] = field(default_factory=dict)
    #: Note id → its passages by anchor, for the notes whose hits ``build_index`` kept (the same
    #: dicts again); the others' are made here.
    anchors: dict[str, dict[str, Passage]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.note_by_id = {n.id: n for n in self.notes}
        self.theme_by_id = self.theme_map.by_id()
        given = self.anchors
        # (note id, anchor) → passage, looked up in each note's dict: no key per passage per build.
        self.passage_by_key = ByNote(
            {n.id: given.get(n.id) or {p.anchor: p for p in n.passages} for n in self.notes}
        )
        self.by_passage: dict[str, dict[str, list[Hit]]] = defaultdict(lambda: defaultdict(list))
        self.by_theme_note: dict[str, dict[str, list[Hit]]] = defaultdict(lambda: defaultdict(list))
        grouped = self.grouped
        loose: dict[str, list[Hit]] = defaultdict(list)
        # Under ``mkdocs serve`` every note's hits come grouped: not one of ~130,000 hits gone over.
        for hit in self.hits if any(n.id not in grouped for n in self.notes) else ():
            if hit.note not in grouped:
                loose[hit.note].append(hit)
        # Note by note in corpus order (the order the lookups' keys were always made in).
        for note_id in [n.id for n in self.notes if n.id in grouped or n.id in loose]:
            if note_id in grouped:
                by_theme, by_anchor = grouped[note_id]
                for theme, hits in by_theme.items():
                    self.by_theme_note[theme][note_id] = hits
                self.by_passage[note_id] = by_anchor  # type: ignore[assignment]
                continue
            for hit in loose[note_id]:
                self.by_passage[hit.note][hit.anchor].append(hit)
                self.by_theme_note[hit.theme][hit.note].append(hit)
        # Each list in document order and each passage's hits in map order (hits made elsewhere
        # than ``build_index`` may come in any order; grouped ones are in order already).
        if not self.in_document_order:
            order = {(n.id, p.anchor): i for n in self.notes for i, p in enumerate(n.passages)}
            for by_note in self.by_theme_note.values():
                for note, hits in by_note.items():
                    if len(hits) > 1 and note not in grouped:
                        hits.sort(key=lambda h, note=note: order[(note, h.anchor)])
        theme_order = {t.id: i for i, t in enumerate(self.theme_map.themes)}
        for note, by_anchor in self.by_passage.items():
            for hits in by_anchor.values() if note not in grouped else ():
                if len(hits) > 1:
                    hits.sort(key=lambda h: theme_order[h.theme])

    # ----------------------------------------------------------------- lookups

    def themes_of_passage(self, note: str, anchor: str) -> list[Hit]:
        """The hits of one passage, in the map's theme order."""
        return self.by_passage.get(note, {}).get(anchor, [])

    def notes_of_theme(self, theme: str) -> list[str]:
        """Ids of the notes carrying a theme, in corpus order (made once per theme; do not modify)."""
        cache = self.__dict__.setdefault("_notes_of_theme_cache", {})
        if theme not in cache:  # every theme page asks, and a pass over the corpus each time is quadratic
            found = self.by_theme_note.get(theme, {})
            cache[theme] = [n.id for n in self.notes if n.id in found]
        return cache[theme]

    def hits_in(self, theme: str, note: str) -> list[Hit]:
        """The passages of ``note`` carrying ``theme``, in document order."""
        return self.by_theme_note.get(theme, {}).get(note, [])

    def best_hits_in(self, theme: str, note: str, limit: int) -> list[Hit]:
        """The ``limit`` passages of a note that express a theme most strongly.

        Ranked by weight (phrase hits, pins first), ties in document order.
        """
        hits = self.hits_in(theme, note)
        ranked = sorted(range(len(hits)), key=lambda i: (-hits[i].weight, i))
        return [hits[i] for i in ranked[:limit]]

    def themes_of_note(self, note: str) -> list[tuple[Theme, int]]:
        """The themes a note carries, with its passage count for each, in map order."""
        return [
            (theme, len(self.hits_in(theme.id, note)))
            for theme in self.theme_map.themes
            if self.hits_in(theme.id, note)
        ]

    def shared_themes(self) -> list[Theme]:
        """Themes carried by at least two notes."""
        return [t for t in self.theme_map.themes if len(self.notes_of_theme(t.id)) >= 2]

    def related(self, note: str, limit: int = RELATED_NOTES) -> list[Related]:
        """The ``limit`` other notes that share the most with ``note``.

        Ranking key (documented, deterministic): the score is the sum, over the
        themes both notes carry, of the smaller of the two notes' passage counts
        for that theme (a theme running through many passages of both weighs more
        than one mentioned once); higher score first, then more shared themes,
        then the newer note (date), then the note id.

        Candidates are, for each of the note's themes, the ``CANDIDATES_PER_THEME``
        notes carrying that theme most strongly, so the cost per note stays flat as
        the corpus grows (every other note would make the whole build quadratic).
        With fewer notes than that per theme, every note is a candidate.
        """
        known = self.__dict__.setdefault("_known_related", {})  # the plan ranks before the page shows
        if limit == RELATED_NOTES and note in known:
            return list(known[note])
        mine = self._counts().get(note, {})
        candidates: set[str] = set()
        for theme in mine:
            candidates.update(self._strongest(theme))
        candidates.discard(note)
        counts = self._counts()
        date = self._dates()
        my_themes = mine.keys()
        ranked: list[tuple[int, int, str, str]] = []
        for other in candidates:  # hundreds per note: set operations, the map order only for the winners
            theirs = counts.get(other, {})
            shared = my_themes & theirs.keys()
            if shared:
                score = sum(min(mine[t], theirs[t]) for t in shared)
                ranked.append((score, len(shared), date[other], other))
        ranked.sort(key=lambda r: r[3])  # ties last by id; sorts are stable, also reversed
        ranked.sort(key=lambda r: r[:3], reverse=True)
        in_map_order = [t.id for t in self.theme_map.themes if t.id in mine]
        found = [
            Related(note=other, score=score, shared=tuple(t for t in in_map_order if t in counts[other]))
            for score, _, _, other in ranked[:limit]
        ]
        if limit == RELATED_NOTES:
            known[note] = tuple(found)
        return found

    def know_related(self, note: str, related: Sequence[Related]) -> None:
        """Take ``related(note)`` as given: ranked by an earlier build from the same inputs."""
        self.__dict__.setdefault("_known_related", {})[note] = tuple(related)

    def counts_of_note(self, note: str) -> Mapping[str, int]:
        """Theme id → the note's passage count in it (do not modify)."""
        return self._counts().get(note, {})

    def date_of(self, note: str) -> str:
        """A note's date as ``related`` ranks by it."""
        return self._dates().get(note, "")

    def candidates(self, theme: str) -> list[str]:
        """The notes ``related`` considers for a theme: its ``CANDIDATES_PER_THEME`` strongest."""
        return self._strongest(theme)

    def _dates(self) -> dict[str, str]:
        """Note → date, computed once (per note it would make ``related`` grow with the corpus)."""
        cache = self.__dict__.setdefault("_date_cache", {})
        if not cache:
            cache.update((n.id, n.date) for n in self.notes)
        return cache

    def _counts(self) -> dict[str, dict[str, int]]:
        """Note → {theme → passage count}, computed once."""
        cache = self.__dict__.setdefault("_count_cache", {})
        if not cache:
            for theme, by_note in self.by_theme_note.items():
                for note_id, hits in by_note.items():
                    cache.setdefault(note_id, {})[theme] = len(hits)
        return cache

    def _strongest(self, theme: str) -> list[str]:
        """The notes carrying ``theme`` in the most passages (ties: corpus order)."""
        cache = self.__dict__.setdefault("_strongest_cache", {})
        if theme not in cache:
            notes = self.notes_of_theme(theme)  # corpus order: a stable sort keeps it among ties
            by_note = self.by_theme_note.get(theme, {})
            ranked = sorted(notes, key=lambda n: len(by_note[n]), reverse=True)  # reversed, still stable
            cache[theme] = ranked[:CANDIDATES_PER_THEME]
        return cache[theme]

    def other_notes_of_theme(self, theme: str, note: str, limit: int) -> tuple[list[str], int]:
        """Up to ``limit`` other notes carrying ``theme`` most strongly, and how many others there are."""
        # The first ``limit`` only: every note page asks for each of its themes, of hundreds of candidates.
        strongest = list(itertools.islice((n for n in self._strongest(theme) if n != note), limit))
        total = len(self.by_theme_note.get(theme, {})) - (
            1 if note in self.by_theme_note.get(theme, {}) else 0
        )
        return strongest, total


def passage_counts(index: ThemeIndex) -> Mapping[str, Mapping[str, int]]:
    """Theme id → note id → number of passages (for the overview and the report; made once per index)."""
    cache = index.__dict__.setdefault("_passage_counts", {})
    if not cache:
        for theme in index.theme_map.themes:
            by_note = index.by_theme_note.get(theme.id, {})
            cache[theme.id] = {note: len(by_note[note]) for note in index.notes_of_theme(theme.id)}
    return cache  # type: ignore[no-any-return]
