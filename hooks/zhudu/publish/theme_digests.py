"""A theme page's digest (``incremental.plan_pages``): made again only when one of its notes changed.

Split from ``page_digests``.  A theme page shows its entry, its place in the map, its pages and
every note in it with its hits and passages.  A save changes one note: the digest of a theme that
note is not in, and was not in, is the last plan's (``_changed_notes`` knows which notes changed
by their entries and their hits' identity), instead of going over the theme's notes again
(~36,000 notes × themes at 3,000 notes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from zhudu import cache
from zhudu.publish import page_digests
from zhudu.publish.page_digests import hits_digest

if TYPE_CHECKING:
    from zhudu.themes.render import ThemeBuild


def theme_digest(themes: ThemeBuild, theme_id: str, memo: dict[str, Any], kept_digests: ThemeDigests) -> str:
    """A theme's entry, place in the map, pages, and every note in it with its hits and passages.

    The notes' parts (entry, hits digest; by note id) are hashed in chunks of ``CHUNK`` notes and the
    digest is made of the entry and the chunks' digests: a save hashes again only the chunks
    holding a note that changed (``_changed_notes``), and none when the theme holds no such note.
    ``kept_digests`` is what the last plans made (``Build.kept``: carried from build to build).
    """
    if theme_id in memo:
        return memo[theme_id]
    index = themes.index
    assert index is not None
    order = [t.id for t in index.theme_map.themes].index(theme_id)
    theme = index.theme_by_id[theme_id]
    # What the page shows of the entry: not its phrases (their hits are below) nor its line.
    head = (repr((theme.id, theme.name, theme.description)), str(order), repr(themes.paged.get(theme_id)))
    members = index.by_theme_note.get(theme_id, {})
    changed, epoch = _changed_notes(themes, memo, kept_digests)
    kept = kept_digests.themes.get(theme_id)
    if kept is not None and kept.epoch != epoch:  # not verified against the notes as the last plan had them
        kept = None
    if kept is not None and not any(n in members or n in kept.position for n in changed):
        # No note of the theme, then or now, changed its entry or hits: its chunks are as they were.
        notes, position, chunks = kept.notes, kept.position, kept.chunks
        page_digests.KEPT_COUNTS[2] += kept.head == head
    else:
        notes = tuple(sorted(members))
        if kept is not None and kept.notes == notes:  # the same notes: only the changed ones' chunks
            position, chunks = kept.position, list(kept.chunks)
            redo = sorted({position[n] // CHUNK for n in changed if n in position})
        else:
            position = {n: i for i, n in enumerate(notes)}
            chunks = [""] * ((len(notes) + CHUNK - 1) // CHUNK)
            redo = list(range(len(chunks)))
        for c in redo:
            parts: list[str] = []
            for note in notes[c * CHUNK : (c + 1) * CHUNK]:
                parts.append(_info_part(themes, note, memo))
                parts.append(hits_digest(index, theme_id, note, members[note]))
            chunks[c] = cache.digest(*parts)
        chunks = tuple(chunks)
    if kept is not None and kept.head == head and kept.chunks is chunks:
        memo[theme_id] = kept.digest
    else:
        memo[theme_id] = cache.digest(*head, *chunks)
    if len(kept_digests.themes) > 1_000:  # more themes than any map: ones gone from it
        kept_digests.themes.clear()
    kept_digests.themes[theme_id] = _ThemeKept(head, notes, position, chunks, memo[theme_id], epoch + 1)
    return memo[theme_id]


#: Notes per hashed chunk of a theme page's digest (``theme_digest``).
CHUNK = 64


def _info_part(themes: ThemeBuild, note: str, memo: dict[str, Any]) -> str:
    """A note's entry as every theme page shows it (made once per plan)."""
    info_key = "\0info:" + note  # a note's entry is the same in every theme it is in
    if (shown := memo.get(info_key)) is None:
        info = themes.info.get(note)
        # to_simplified is not in NoteInfo's repr: which conversion a note's passages go through.
        shown = memo[info_key] = repr(info) + getattr(
            getattr(info, "to_simplified", None), "__qualname__", ""
        )
    return shown  # type: ignore[no-any-return]


def _changed_notes(
    themes: ThemeBuild, memo: dict[str, Any], kept_digests: ThemeDigests
) -> tuple[frozenset[str], int]:
    """The notes whose entry or hits changed since the last plan, and that plan's number (once per plan).

    A note's hits are known by their digests' dict (``ThemeIndex.hit_digests``: the same object
    while the note's hits, and the passages they quote, are kept); a note without one (a note a pin
    quotes gets new hits every build) counts as changed.  A note added or gone counts too.
    """
    if (found := memo.get("\0changed")) is not None:
        return found  # type: ignore[no-any-return]
    index = themes.index
    assert index is not None
    # Two flat dicts, not a tuple per note: what is kept from save to save stays few objects.
    infos = {note.id: _info_part(themes, note.id, memo) for note in index.notes}
    hits = {note.id: index.hit_digests.get(note.id) for note in index.notes}
    tokens = kept_digests.tokens
    last_infos, last_hits, epoch = tokens if tokens else ({}, {}, -1)
    changed = frozenset(
        n
        for n, info in infos.items()
        if (mine := hits[n]) is None or last_hits.get(n) is not mine or last_infos.get(n) != info
    ) | frozenset(n for n in last_infos if n not in infos)
    tokens[:] = [infos, hits, epoch + 1]
    memo["\0changed"] = (changed, epoch)
    return changed, epoch


@dataclass(frozen=True)
class _ThemeKept:
    """A theme page's digest with its notes and chunks, verified up to plan ``epoch`` (``theme_digest``)."""

    head: tuple[str, str, str]
    notes: tuple[str, ...]  # sorted
    position: dict[str, int]  # note id → its place in ``notes``
    chunks: tuple[str, ...]
    digest: str
    epoch: int


@dataclass
class ThemeDigests:
    """What the last plans made of the theme pages' digests: kept by the build (``Build.kept``), not the module."""

    #: Theme id → its last digest (``theme_digest``).
    themes: dict[str, _ThemeKept] = field(default_factory=dict)
    #: Each note's entry and hit dict at the last plan that asked (``_changed_notes``), and that plan's number.
    tokens: list[Any] = field(default_factory=list)
