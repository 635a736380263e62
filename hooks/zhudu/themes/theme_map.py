"""Themes that run through the notes, matched down to the passage.

``docs/editorial/themes.yml`` is the editor's theme map: every theme has a
stable ASCII id, a name, a one-line description and the phrases that express
it; ``pins`` attach a passage to a theme by quoting it, ``exclude`` removes a
wrong match.  This module loads and validates the map and matches it against
every note's passages (``passages.Passage``) in one pass:

* Text and phrases are *folded* (OpenCC tw2sp: Traditional characters and Taiwan
  wording to Simplified; then ``str.casefold``), so 数据中心, 數據中心, 資料中心 and a
  phrase written in either script are one.
* Every phrase of every theme goes into one Aho-Corasick automaton
  (pyahocorasick); all passages of the corpus are folded with one OpenCC call
  and scanned in one pass, so the cost grows with the length of the text (plus
  the number of hits), not with themes × passages.
* A phrase that begins or ends with a Latin letter or digit only matches at a
  word boundary there (``AI`` is not inside ``OpenAI``).

The result, :class:`ThemeIndex`, answers what the pages need: the themes of a
passage and of a note, the passages of a theme in every note, and the related
notes.  Pure module: plain data in, plain data out, no MkDocs objects.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from zhudu.annotate.passages import Passage
from zhudu.editorial import load_yaml_with_lines
from zhudu.errors import EditorialError
from zhudu.notes.yamldoc import yaml_document
from zhudu.script.convert import opencc_converter

# --------------------------------------------------------------------------- Data

THEME_ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")
_TOP_KEYS = ("themes", "pins", "exclude")
_THEME_KEYS = ("name", "description", "phrases")
_SNIPPET_KEYS = ("theme", "note", "text")
#: Separates passages in the folded corpus text; never inside a passage (whitespace is collapsed).
_SEP = "\n"
#: How many notes per theme are candidates for "related notes" (see ``ThemeIndex.related``).
CANDIDATES_PER_THEME = 40


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


@dataclass(frozen=True)
class Theme:
    """One theme of the map."""

    id: str
    name: str
    description: str
    phrases: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Snippet:
    """A pin or an exclusion: this passage (found by quoting it) does / does not carry a theme."""

    theme: str
    note: str
    text: str
    line: int


@dataclass(frozen=True)
class ThemeMap:
    """The validated contents of ``themes.yml``."""

    path: str
    themes: tuple[Theme, ...] = ()
    pins: tuple[Snippet, ...] = ()
    exclusions: tuple[Snippet, ...] = ()

    def by_id(self) -> dict[str, Theme]:
        """Themes keyed by id."""
        return {theme.id: theme for theme in self.themes}


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


@dataclass(frozen=True)
class Related:
    """Another note sharing themes with a note, and why."""

    note: str
    score: int
    shared: tuple[str, ...]


@dataclass
class ThemeIndex:
    """Every hit of a build, with the lookups the pages need."""

    theme_map: ThemeMap
    notes: tuple[NotePassages, ...]
    hits: tuple[Hit, ...]
    problems: list[EditorialError] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.note_by_id = {n.id: n for n in self.notes}
        self.theme_by_id = self.theme_map.by_id()
        self.passage_by_key = {(n.id, p.anchor): p for n in self.notes for p in n.passages}
        self.by_passage: dict[tuple[str, str], list[Hit]] = defaultdict(list)
        self.by_theme_note: dict[str, dict[str, list[Hit]]] = defaultdict(lambda: defaultdict(list))
        for hit in self.hits:
            self.by_passage[(hit.note, hit.anchor)].append(hit)
            self.by_theme_note[hit.theme][hit.note].append(hit)
        # Each list in document order and each passage's hits in map order.  ``build_index`` makes
        # the hits in document order already, and sorting a sorted list is one pass.
        order = {(n.id, p.anchor): i for n in self.notes for i, p in enumerate(n.passages)}
        for by_note in self.by_theme_note.values():
            for note, hits in by_note.items():
                if len(hits) > 1:
                    hits.sort(key=lambda h, note=note: order[(note, h.anchor)])
        theme_order = {t.id: i for i, t in enumerate(self.theme_map.themes)}
        for hits in self.by_passage.values():
            if len(hits) > 1:
                hits.sort(key=lambda h: theme_order[h.theme])

    # ----------------------------------------------------------------- lookups

    def themes_of_passage(self, note: str, anchor: str) -> list[Hit]:
        """The hits of one passage, in the map's theme order."""
        return self.by_passage.get((note, anchor), [])

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

    def related(self, note: str, limit: int = 5) -> list[Related]:
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
        return [
            Related(note=other, score=score, shared=tuple(t for t in in_map_order if t in counts[other]))
            for score, _, _, other in ranked[:limit]
        ]

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
            notes = self.notes_of_theme(theme)
            order = {n: i for i, n in enumerate(notes)}
            by_note = self.by_theme_note.get(theme, {})
            ranked = sorted(notes, key=lambda n: (-len(by_note.get(n, ())), order[n]))
            cache[theme] = ranked[:CANDIDATES_PER_THEME]
        return cache[theme]

    def other_notes_of_theme(self, theme: str, note: str, limit: int) -> tuple[list[str], int]:
        """Up to ``limit`` other notes carrying ``theme`` most strongly, and how many others there are."""
        strongest = [n for n in self._strongest(theme) if n != note]
        total = len(self.by_theme_note.get(theme, {})) - (
            1 if note in self.by_theme_note.get(theme, {}) else 0
        )
        return strongest[:limit], total


# --------------------------------------------------------------------------- Folding


#: OpenCC config of the fold.  Not plain t2s: t2s only maps characters (資料中心 → 资料中心), while
#: tw2sp also maps Taiwan vocabulary to the Mainland's (資料中心 → 数据中心, 伺服器 → 服务器), which
#: is what the s2twp variant turns 数据中心 into.  Phrases and text are folded by the same function,
#: so the fold need not be "right", only the same on both sides.
FOLD_CONFIG = "tw2sp"


def fold(text: str) -> str:
    """Text in its matching form: Simplified Mainland wording (OpenCC tw2sp), Latin case folded."""
    return opencc_converter(FOLD_CONFIG).convert(text).casefold()


#: Passages per OpenCC call in ``fold_many``: few calls, but each of bounded size (one call on
#: megabytes of text is measurably superlinear; see bench/bench_themes.py).
FOLD_BATCH = 512


def fold_many(texts: Sequence[str]) -> list[str]:
    """Fold many texts with few OpenCC calls (texts must not contain newlines)."""
    out: list[str] = []
    for i in range(0, len(texts), FOLD_BATCH):
        out.extend(fold(_SEP.join(texts[i : i + FOLD_BATCH])).split(_SEP))
    return out


# --------------------------------------------------------------------------- Loading


def load_theme_map(path: Path, display: str) -> ThemeMap:
    """Read and validate ``themes.yml``; a missing file is an empty map.

    Pins and exclusions naming an unknown note are checked later, against the
    passages (:func:`build_index`), because that is a content problem.

    Raises:
        EditorialError: bad YAML or a malformed entry (naming file:line and what to write).
    """
    if not path.is_file():
        return ThemeMap(path=display)
    data, lines = load_yaml_with_lines(path, display)
    if data is None:
        return ThemeMap(path=display)

    def fail(key: tuple[str, ...], message: str) -> EditorialError:
        line = None
        while key and line is None:
            line = lines.get(key)
            key = key[:-1]
        return EditorialError(display, line or 1, message)

    if not isinstance(data, dict):
        raise fail((), "expected a mapping with the sections themes:, pins:, exclude:")
    for key in data:
        if key not in _TOP_KEYS:
            raise fail((str(key),), f"unknown section {key!r}; use one of {', '.join(_TOP_KEYS)}")
    _reject_duplicate_theme_ids(path, display)
    raw_themes = data.get("themes") or {}
    if not isinstance(raw_themes, dict):
        raise fail(("themes",), "themes: expected a mapping of theme id → name, description, phrases")
    themes: list[Theme] = []
    for theme_id, body in raw_themes.items():
        key = ("themes", str(theme_id))
        if not isinstance(theme_id, str) or not THEME_ID_RE.match(theme_id):
            raise fail(
                key,
                f"theme id {theme_id!r} must be lower-case ASCII letters, digits and '-' "
                "(it is part of the theme page's URL; keep it stable)",
            )
        if not isinstance(body, dict):
            raise fail(key, f"{theme_id}: expected the fields {', '.join(_THEME_KEYS)}")
        for name in body:
            if name not in _THEME_KEYS:
                raise fail(
                    (*key, str(name)), f"{theme_id}: unknown field {name!r}; fields: {', '.join(_THEME_KEYS)}"
                )
        for name in ("name", "description"):
            value = body.get(name)
            if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
                raise fail((*key, name), f"{theme_id}: {name} must be one line of text")
        phrases = body.get("phrases")
        if not isinstance(phrases, list) or not phrases:
            raise fail((*key, "phrases"), f"{theme_id}: phrases must be a non-empty list of words or phrases")
        seen: dict[str, int] = {}
        for i, phrase in enumerate(phrases):
            pkey = (*key, "phrases", str(i))
            if not isinstance(phrase, str | int | float) or not str(phrase).strip():
                raise fail(pkey, f"{theme_id}: phrase {i + 1} must be text; put it in quotes")
            folded = fold(str(phrase).strip())
            if folded in seen:
                raise fail(
                    pkey,
                    f"{theme_id}: phrase {phrase!r} repeats phrase {seen[folded] + 1} "
                    "(phrases are compared folded: script and case do not matter); keep one",
                )
            seen[folded] = i
        themes.append(
            Theme(
                id=theme_id,
                name=body["name"].strip(),
                description=body["description"].strip(),
                phrases=tuple(str(p).strip() for p in phrases),
                line=lines.get(key, 1),
            )
        )
    known = {t.id for t in themes}

    def snippets(section: str) -> tuple[Snippet, ...]:
        raw = data.get(section) or []
        if not isinstance(raw, list):
            raise fail((section,), f"{section}: expected a list of '- theme: …, note: …, text: …' entries")
        out = []
        for i, item in enumerate(raw):
            key = (section, str(i))
            if not isinstance(item, dict):
                raise fail(key, f"{section} entry {i + 1}: expected theme:, note: and text:")
            for name in item:
                if name not in _SNIPPET_KEYS:
                    raise fail(
                        (*key, str(name)),
                        f"{section} entry {i + 1}: unknown field {name!r}; "
                        f"fields: {', '.join(_SNIPPET_KEYS)}",
                    )
            for name in _SNIPPET_KEYS:
                if not isinstance(item.get(name), str) or not item[name].strip():
                    raise fail(
                        (*key, name) if name in item else key, f"{section} entry {i + 1}: {name} must be text"
                    )
            if item["theme"] not in known:
                raise fail(
                    (*key, "theme"),
                    f"{section} entry {i + 1}: unknown theme id {item['theme']!r}; "
                    f"themes: {', '.join(sorted(known)) or '(none)'}",
                )
            if len(item["text"].strip()) < 4:
                raise fail(
                    (*key, "text"), f"{section} entry {i + 1}: quote at least 4 characters of the passage"
                )
            out.append(
                Snippet(
                    theme=item["theme"],
                    note=item["note"].strip(),
                    text=item["text"].strip(),
                    line=lines.get((*key, "text"), lines.get(key, 1)),
                )
            )
        return tuple(out)

    return ThemeMap(path=display, themes=tuple(themes), pins=snippets("pins"), exclusions=snippets("exclude"))


def _reject_duplicate_theme_ids(path: Path, display: str) -> None:
    """``yaml.safe_load`` keeps the last of two equal keys silently; an editor wants to know."""
    root, _ = yaml_document(path.read_text(encoding="utf-8-sig"))
    if not isinstance(root, yaml.MappingNode):
        return
    for key, value in root.value:
        if key.value == "themes" and isinstance(value, yaml.MappingNode):
            first: dict[str, int] = {}
            for theme_key, _ in value.value:
                line = theme_key.start_mark.line + 1
                if theme_key.value in first:
                    raise EditorialError(
                        display,
                        line,
                        f"theme id {theme_key.value!r} is defined twice "
                        f"(first on line {first[theme_key.value]}); merge them",
                    )
                first[theme_key.value] = line


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


#: ``map`` over slices of the passages (``(start, stop)``), possibly in forked processes.
SlicesMap = Callable[[Callable[[tuple[int, int]], Any], Sequence[tuple[int, int]]], Iterable[Any]]


def build_index(
    theme_map: ThemeMap,
    notes: Sequence[NotePassages],
    clock: Callable[[], float] = time.perf_counter,
    slices: int = 1,
    map_slices: SlicesMap | None = None,
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
    """
    return _build_index(theme_map, notes, clock, max(1, slices), map_slices or map)


def _build_index(
    theme_map: ThemeMap,
    notes: Sequence[NotePassages],
    clock: Callable[[], float],
    slices: int,
    map_slices: SlicesMap,
) -> ThemeIndex:
    t0 = clock()
    keys: list[tuple[str, str]] = []
    texts: list[str] = []
    for note in notes:
        for passage in note.passages:
            keys.append((note.id, passage.anchor))
            texts.append(passage.text.replace(_SEP, " "))
    t1 = clock()
    matcher = Matcher(theme_map.themes)
    t2 = clock()

    def fold_and_scan(
        bounds: tuple[int, int],
    ) -> tuple[list[str], dict[int, dict[str, list[tuple[int, int]]]], float, float]:
        """Fold the passages ``texts[start:stop]`` and scan them: one automaton pass per passage."""
        start, stop = bounds
        began = clock()
        folded = fold_many(texts[start:stop])
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
        return folded, found, scanning - began, clock() - scanning

    cuts = [len(texts) * k // slices for k in range(slices + 1)]
    parts = list(map_slices(fold_and_scan, list(pairwise(cuts))))
    folded = [text for part in parts for text in part[0]]
    found = {i: per_theme for part in parts for i, per_theme in part[1].items()}
    t3 = clock()

    problems: list[EditorialError] = []
    key_index = {key: i for i, key in enumerate(keys)}
    folded_by_note: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (note_id, anchor), text in zip(keys, folded, strict=True):
        folded_by_note[note_id].append((anchor, text))

    def locate(snippet: Snippet, what: str) -> str | None:
        if snippet.note not in folded_by_note and snippet.note not in {n.id for n in notes}:
            known = ", ".join(n.id for n in notes)
            problems.append(
                EditorialError(
                    theme_map.path,
                    snippet.line,
                    f"{what}: unknown note id {snippet.note!r}; note ids: {known}",
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
    hits: list[Hit] = []
    for i, key in enumerate(keys):
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
            hits.append(
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
    t4 = clock()
    return ThemeIndex(
        theme_map=theme_map,
        notes=tuple(notes),
        hits=tuple(hits),
        problems=problems,
        timings={
            "fold": sum(part[2] for part in parts),
            "automaton": t2 - t1,
            "scan": sum(part[3] for part in parts),
            "resolve": t4 - t3,
            "total": t4 - t0,
            "passages": float(len(keys)),
            "chars": float(sum(map(len, folded))),
        },
    )


def covered(term: str, theme_map: ThemeMap) -> bool:
    """Whether a term is already expressed by a phrase of the map (either contains the other, folded)."""
    folded = fold(term)
    return any(folded in fold(p) or fold(p) in folded for theme in theme_map.themes for p in theme.phrases)


def passage_counts(index: ThemeIndex) -> Mapping[str, Mapping[str, int]]:
    """Theme id → note id → number of passages (for the overview and the report)."""
    return {
        theme.id: {note: len(index.hits_in(theme.id, note)) for note in index.notes_of_theme(theme.id)}
        for theme in index.theme_map.themes
    }
