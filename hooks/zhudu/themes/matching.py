"""Matching the theme map against every passage of every note, in one pass.

* Text and phrases are folded (``theme_map.fold``), so either script matches either.
* Every phrase of every theme goes into one Aho-Corasick automaton
  (pyahocorasick); all passages of the corpus are folded with few OpenCC calls
  and scanned in one pass, so the cost grows with the length of the text (plus
  the number of hits), not with themes × passages.
* A phrase that begins or ends with a Latin letter or digit only matches at a
  word boundary there (``AI`` is not inside ``OpenAI``).
* Pins and exclusions are then resolved by quoting: a folded snippet must occur
  in exactly one passage of its note.

Pure module: plain data in, plain data out (a :class:`~zhudu.themes.theme_index.ThemeIndex`).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import pairwise
from typing import Any, NamedTuple

import ahocorasick

from zhudu.annotate.passages import Passage
from zhudu.errors import EditorialError
from zhudu.notes.closest_ids import unknown_note_id
from zhudu.themes.theme_index import Hit, HitGroups, NotePassages, ThemeIndex, group_hits
from zhudu.themes.theme_map import Snippet, Theme, ThemeMap, fold

#: A note's hits, their digests by theme, and the hits grouped as the index holds them.
KeptHits = tuple[list[Hit], dict[str, str], HitGroups]

#: Separates passages in the folded corpus text; never inside a passage (whitespace is collapsed).
_SEP = "\n"


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


#: Passages per OpenCC call in ``fold_many``: few calls, but each of bounded size (one call on
#: megabytes of text is measurably superlinear; see bench/bench_themes.py).
FOLD_BATCH = 512


def fold_many(texts: Sequence[str]) -> list[str]:
    """Fold many texts with few OpenCC calls (texts must not contain newlines)."""
    out: list[str] = []
    for i in range(0, len(texts), FOLD_BATCH):
        out.extend(fold(_SEP.join(texts[i : i + FOLD_BATCH])).split(_SEP))
    return out


# --------------------------------------------------------------------------- Matching


class Matcher:
    """One Aho-Corasick automaton over every phrase of every theme."""

    def __init__(self, themes: Iterable[Theme]) -> None:
        """Fold every phrase and build the automaton once."""
        by_phrase: dict[str, list[str]] = defaultdict(list)
        for theme in themes:
            for phrase in theme.phrases:
                folded = fold(phrase)
                if theme.id not in by_phrase[folded]:
                    by_phrase[folded].append(theme.id)
        self.automaton: Any = ahocorasick.Automaton()
        for phrase, ids in sorted(by_phrase.items()):
            # A plain tuple, not a dataclass: it is unpacked once per hit in the hot loop.
            # (length, theme ids, needs a word boundary before, needs one after)
            self.automaton.add_word(
                phrase, (len(phrase), tuple(ids), _is_word_char(phrase[0]), _is_word_char(phrase[-1]))
            )
        self.empty = not by_phrase
        if not self.empty:
            self.automaton.make_automaton()

    def scan(self, folded: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        """Every phrase occurrence in ``folded`` as ``(start, end, theme ids)``, Latin words whole."""
        if self.empty:
            return
        size = len(folded)
        for end_index, (length, ids, bound_start, bound_end) in self.automaton.iter(folded):
            end = end_index + 1
            start = end - length
            if bound_start and start > 0 and _is_word_char(folded[start - 1]):
                continue
            if bound_end and end < size and _is_word_char(folded[end]):
                continue
            yield start, end, ids


class KeptNote(NamedTuple):
    """A note's hits as the last builds made them, with what they were made from and what they give the index."""

    passages: tuple[Passage, ...]
    placed: tuple[tuple[str, str, bool], ...]  # the pins and exclusions placed in it (theme, anchor, pin)
    hits: KeptHits
    scan_key: tuple[str, ...]  # its passages' texts: its entry in ``Scans.current``
    chars: int  # its folded passages' length (``timings["chars"]``)
    by_anchor: dict[str, Passage]  # its passages by anchor (``ThemeIndex.passage_by_key``)


class Scans:
    """Each note's folded passages and their phrase hits, kept from one build to the next.

    Folding and scanning a passage depends only on its text and the map's phrases, so under
    ``mkdocs serve`` a save folds and scans the edited note's passages, not the collection's.
    Keyed by the note's passage texts (equal texts, equal result) for one set of phrases; only
    what the last two builds used is kept.
    """

    def __init__(self) -> None:
        self.phrases: tuple[tuple[str, tuple[str, ...]], ...] | None = None
        self.automaton: Matcher | None = None
        self.current: dict[tuple[str, ...], tuple[list[str], dict[int, Any]]] = {}
        self.previous: dict[tuple[str, ...], tuple[list[str], dict[int, Any]]] = {}
        #: A note's hits, their digests by theme (filled by the plan) and their groups for the
        #: index's lookups, by its id; used while its passages and placed pins are the same.
        self.hits_current: dict[str, KeptNote] = {}
        self.hits_previous: dict[str, KeptNote] = {}
        #: The folded passages of the scans of the last phrases (until this build has scanned them again).
        self.folds: dict[tuple[str, ...], list[str]] = {}

    def matcher(self, phrases: tuple[tuple[str, tuple[str, ...]], ...], themes: Iterable[Theme]) -> Matcher:
        """The automaton of these phrases (made again only when they changed; the kept scans go with it)."""
        if self.automaton is None or phrases != self.phrases:
            # Folding a passage does not depend on the phrases: the folded texts stay, the scans go.
            self.folds = {
                key: kept[0] for scans in (self.previous, self.current) for key, kept in scans.items()
            }
            self.phrases, self.automaton = phrases, Matcher(themes)
            self.current, self.previous = {}, {}
            self.hits_current, self.hits_previous = {}, {}
        return self.automaton

    def start(self) -> None:
        """A new build: what the build before last used and the last did not is dropped."""
        self.previous, self.current = self.current, {}
        self.hits_previous, self.hits_current = self.hits_current, {}

    def note_hits(
        self, note_id: str, passages: tuple[Passage, ...], placed: tuple[tuple[str, str, bool], ...] = ()
    ) -> KeptNote | None:
        """The hits kept for this note with these passages and placed pins (same phrases), kept for the next build too.

        By the note's id, its passages compared (an unchanged note's are the same objects: no
        passage is hashed or compared by value); its scan is kept with it.
        """
        kept = self.hits_current.get(note_id) or self.hits_previous.get(note_id)
        if (
            kept is None
            or kept.placed != placed
            or not (kept.passages is passages or kept.passages == passages)
        ):
            return None
        if kept.passages is not passages:  # equal (a new serve's, read back): by identity from now on
            kept = kept._replace(passages=passages)
        self.hits_current[note_id] = kept
        if (scan := self.previous.get(kept.scan_key)) is not None:
            self.current.setdefault(kept.scan_key, scan)
        return kept

    def reuse(
        self, notes: Sequence[NotePassages], texts: list[str]
    ) -> tuple[list[str], dict[int, Any], list[int]]:
        """The kept folded texts and hits of ``texts`` (these notes' passages in order); the indices not kept."""
        folded = [""] * len(texts)
        found: dict[int, Any] = {}
        missing: list[int] = []
        offset = 0
        for note in notes:
            stop = offset + len(note.passages)
            key = tuple(texts[offset:stop])
            kept = self.previous.get(key) or self.current.get(key)
            if kept is None:
                missing.extend(range(offset, stop))
                if (known := self.folds.get(key)) is not None:  # the phrases changed: scanned, not folded
                    folded[offset:stop] = known
            else:
                self.current[key] = kept
                folded[offset:stop] = kept[0]
                found.update((offset + j, per_theme) for j, per_theme in kept[1].items())
            offset = stop
        self.folds = {}
        return folded, found, missing

    def keep(
        self, notes: Sequence[NotePassages], texts: list[str], folded: list[str], found: dict[int, Any]
    ) -> None:
        """Keep every note's folded passages and hits (the values are never changed afterwards)."""
        offset = 0
        for note in notes:
            stop = offset + len(note.passages)
            key = tuple(texts[offset:stop])
            if key not in self.current:
                hits = {i - offset: found[i] for i in range(offset, stop) if i in found}
                self.current[key] = (folded[offset:stop], hits)
            offset = stop


#: This process's kept scans (``mkdocs serve`` rebuilds in one process).
SCANS = Scans()


def map_phrases(theme_map: ThemeMap) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every theme's phrases, in map order: what the automaton, and so every kept scan, is made from."""
    return tuple((theme.id, theme.phrases) for theme in theme_map.themes)


#: ``map`` over slices of the passages (``(start, stop)``), possibly in forked processes.
SlicesMap = Callable[[Callable[[tuple[int, int]], Any], Sequence[tuple[int, int]]], Iterable[Any]]


def build_index(
    theme_map: ThemeMap,
    notes: Sequence[NotePassages],
    clock: Callable[[], float] = time.perf_counter,
    slices: int = 1,
    map_slices: SlicesMap | None = None,
    remember: bool = True,
) -> ThemeIndex:
    """Match the theme map against every passage of every note.

    The whole corpus is folded with few OpenCC calls and scanned in one pass; pins and
    exclusions are then resolved by quoting (a folded snippet must occur in
    exactly one passage of its note).  Broken pins become ``problems``
    (warnings), never exceptions.

    Args:
        theme_map: The validated map.
        notes: Every note's passages, in corpus order.
        clock: Timer for the recorded ``timings`` (seconds; folding and scanning summed over slices).
        slices: How many slices of the passages are folded and scanned apart.
        map_slices: ``map`` over the slices (here by default); it may run them in forked processes.
        remember: Keep each note's folded passages and hits for the next build in this process
            (``SCANS``: ``mkdocs serve``); a ``mkdocs build`` matches once, and they would hold
            about 50 MB at 3,000 notes until it ends.
    """
    return _build_index(theme_map, notes, clock, max(1, slices), map_slices or map, remember)


def _build_index(
    theme_map: ThemeMap,
    notes: Sequence[NotePassages],
    clock: Callable[[], float],
    slices: int,
    map_slices: SlicesMap,
    remember: bool,
) -> ThemeIndex:
    t0 = clock()
    matcher = SCANS.matcher(map_phrases(theme_map), theme_map.themes)
    SCANS.start()
    t1 = clock()
    # Only the notes a pin or exclusion quotes need their folded passages looked up (and their
    # hits made afresh: the others' hits depend only on their own passages and the phrases).
    quoted = {s.note for s in (*theme_map.pins, *theme_map.exclusions)}
    # Serve: an unchanged note that no pin or exclusion quotes keeps the last build's hits, and
    # nothing is done per passage for it (at 3,000 notes a save went over 100,000 passages).
    kept_notes: dict[str, KeptNote] = {}
    if remember:
        for note in notes:
            if note.id not in quoted and (kept := SCANS.note_hits(note.id, note.passages)) is not None:
                kept_notes[note.id] = kept
    todo = [note for note in notes if note.id not in kept_notes]
    keys: list[tuple[str, str]] = []
    texts: list[str] = []
    for note in todo:
        for passage in note.passages:
            keys.append((note.id, passage.anchor))
            texts.append(passage.text.replace(_SEP, " "))

    def fold_and_scan_texts(
        bounds: tuple[int, int], texts: list[str], known: list[str]
    ) -> tuple[list[str], dict[int, dict[str, list[tuple[int, int]]]], float, float, int]:
        """Fold the passages ``texts[start:stop]`` (but those ``known`` folded) and scan them: one automaton pass per passage."""
        start, stop = bounds
        began = clock()
        folded = known[start:stop]
        unknown = [i for i, text in enumerate(folded) if not text]
        for i, text in zip(unknown, fold_many([texts[start + i] for i in unknown]), strict=True):
            folded[i] = text
        scanning = clock()
        # (Scanning the joined corpus once and bisecting offsets costs the same in C but more in
        # Python, per hit.)
        found: dict[int, dict[str, list[tuple[int, int]]]] = {}
        scan = matcher.scan
        for i, text in enumerate(folded, start):
            for begin, end, ids in scan(text):
                per_theme = found.setdefault(i, {})
                for theme in ids:
                    per_theme.setdefault(theme, []).append((begin, end))
        return folded, found, scanning - began, clock() - scanning, start

    # Only the passages of notes not scanned before with this map (by their texts) are folded and scanned.
    folded, found, missing = SCANS.reuse(todo, texts)
    fold_time = scan_time = 0.0
    folded_now = 0
    if missing:
        todo_texts = [texts[i] for i in missing]
        known = [folded[i] for i in missing]  # "" where not folded before
        folded_now = known.count("")

        def fold_and_scan_missing(bounds: tuple[int, int]) -> Any:
            return fold_and_scan_texts(bounds, todo_texts, known)

        cuts = [len(todo_texts) * k // slices for k in range(slices + 1)]
        parts = list(map_slices(fold_and_scan_missing, list(pairwise(cuts))))
        for part in parts:
            for j, text in enumerate(part[0], part[4]):
                folded[missing[j]] = text
            for j, per_theme in part[1].items():
                found[missing[j]] = per_theme
            fold_time += part[2]
            scan_time += part[3]
        if remember:
            SCANS.keep(todo, texts, folded, found)
    t3 = clock()

    problems: list[EditorialError] = []
    note_ids = {n.id for n in notes}
    key_index: dict[tuple[str, str], int] = {}
    folded_by_note: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for i, ((note_id, anchor), text) in enumerate(zip(keys, folded, strict=True)):
        if note_id in quoted:
            key_index[(note_id, anchor)] = i
            folded_by_note[note_id].append((anchor, text))

    def locate(snippet: Snippet, what: str) -> str | None:
        if snippet.note not in folded_by_note and snippet.note not in note_ids:
            problems.append(
                EditorialError(
                    theme_map.path, snippet.line, f"{what}: {unknown_note_id(snippet.note, note_ids)}"
                )
            )
            return None
        needle = fold(snippet.text)
        anchors = [a for a, text in folded_by_note[snippet.note] if needle in text]
        if len(anchors) == 1:
            return anchors[0]
        if not anchors:
            problems.append(
                EditorialError(
                    theme_map.path,
                    snippet.line,
                    f"{what}: {snippet.text!r} matches no passage of {snippet.note}; "
                    "quote the passage's text as it is now",
                )
            )
        else:
            problems.append(
                EditorialError(
                    theme_map.path,
                    snippet.line,
                    f"{what}: {snippet.text!r} matches {len(anchors)} passages of "
                    f"{snippet.note}; quote more of the one you mean",
                )
            )
        return None

    pinned: set[tuple[str, str, str]] = set()
    for pin in theme_map.pins:
        anchor = locate(pin, f"pin to {pin.theme}")
        if anchor:
            pinned.add((pin.theme, pin.note, anchor))
    excluded: set[tuple[str, str, str]] = set()
    for exclusion in theme_map.exclusions:
        anchor = locate(exclusion, f"exclusion from {exclusion.theme}")
        if anchor is None:
            continue
        if (exclusion.theme, exclusion.note, anchor) in pinned:
            problems.append(
                EditorialError(
                    theme_map.path,
                    exclusion.line,
                    f"exclusion from {exclusion.theme}: the passage is also pinned to it; "
                    "keep the pin or the exclusion",
                )
            )
        elif not found.get(key_index[(exclusion.note, anchor)], {}).get(exclusion.theme):
            problems.append(
                EditorialError(
                    theme_map.path,
                    exclusion.line,
                    f"exclusion from {exclusion.theme}: no phrase of the theme matches "
                    "that passage any more; delete the exclusion",
                )
            )
        excluded.add((exclusion.theme, exclusion.note, anchor))

    pinned_at: dict[tuple[str, str], set[str]] = defaultdict(set)
    for theme, note_id, anchor in pinned:
        pinned_at[(note_id, anchor)].add(theme)

    def note_hits(start: int, stop: int) -> list[Hit]:
        out = []
        for i in range(start, stop):
            key = keys[i]
            per_theme = found.get(i, {})
            extra = pinned_at.get(key, set())
            if not per_theme and not extra:
                continue
            for theme in sorted(set(per_theme) | extra):
                is_pinned = theme in extra
                if not is_pinned and (theme, *key) in excluded:
                    continue
                spans = sorted(set(per_theme.get(theme, ())))
                text = folded[i]
                out.append(
                    Hit(
                        theme=theme,
                        note=key[0],
                        anchor=key[1],
                        phrases=tuple(sorted({text[a:b] for a, b in spans})),
                        spans=tuple(spans),
                        pinned=is_pinned,
                        folded_length=len(text),
                    )
                )
        return out

    hits: list[Hit] = []
    hit_digests: dict[str, dict[str, str]] = {}
    grouped: dict[str, HitGroups] = {}
    anchors: dict[str, dict[str, Passage]] = {}
    theme_order = {t.id: i for i, t in enumerate(theme_map.themes)}  # in the phrases: kept with them
    # A quoted note's hits depend on the pins and exclusions placed in it too: they are in its key.
    placed: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    for marks, is_pin in ((pinned, True), (excluded, False)):
        for theme, note_id, anchor in marks:
            placed[note_id].append((theme, anchor, is_pin))
    offset = made_notes = chars = 0
    for note in notes:
        if (kept := kept_notes.get(note.id)) is None:
            stop = offset + len(note.passages)
            if remember:
                placement = tuple(sorted(placed.get(note.id, ())))
                kept = SCANS.note_hits(note.id, note.passages, placement) if note.id in quoted else None
                if kept is None:
                    made_notes += 1
                    made = note_hits(offset, stop)
                    kept = KeptNote(
                        note.passages,
                        placement,
                        (made, {}, group_hits(made, theme_order)),
                        tuple(texts[offset:stop]),
                        sum(map(len, folded[offset:stop])),
                        {p.anchor: p for p in note.passages},
                    )
                    SCANS.hits_current[note.id] = kept
                else:
                    kept_notes[note.id] = kept
            else:
                hits.extend(note_hits(offset, stop))
                chars += sum(map(len, folded[offset:stop]))
            offset = stop
        if kept is not None:
            hits.extend(kept.hits[0])
            hit_digests[note.id] = kept.hits[1]
            grouped[note.id] = kept.hits[2]
            anchors[note.id] = kept.by_anchor
            chars += kept.chars
    t4 = clock()
    return ThemeIndex(
        theme_map=theme_map,
        notes=tuple(notes),
        hits=tuple(hits),
        problems=problems,
        hit_digests=hit_digests,
        grouped=grouped,
        anchors=anchors,
        in_document_order=True,  # notes in corpus order, each note's passages in order
        timings={
            "fold": fold_time,
            "automaton": t1 - t0,
            "scan": scan_time,
            "resolve": t4 - t3,
            "total": t4 - t0,
            "passages": float(sum(len(n.passages) for n in notes)),
            "chars": float(chars),
            "notes kept": float(len(kept_notes)),  # notes whose hits are the last build's
            "notes made": float(made_notes),  # notes whose hits were made and kept for the next
            "scanned": float(len(missing)),  # passages scanned in this build
            "folded": float(folded_now),  # of which folded too
        },
    )
