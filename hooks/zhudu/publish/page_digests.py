"""What a page shows, as a digest: the dirty build rewrites a page only when its digest changed.

Split from ``incremental`` (which uses these).  A digest covers the page's rendered HTML,
metadata, table of contents, neighbours and URLs, what it shows from the rest of the site (theme
panels, related notes, its slice of the home list) and the build-wide inputs (the code,
mkdocs.yml, the templates, the nav, the interface strings).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhudu import cache
from zhudu.annotate import annotations
from zhudu.publish import page_meta
from zhudu.publish.page_meta import home_card, meta_text, without_note_id  # noqa: F401 (named here too)
from zhudu.publish.page_meta import stable_repr as _stable_repr
from zhudu.themes.markers import MARKER_LIMIT, MARKER_NOTES, quoted_excerpt

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from zhudu.themes.render import ThemeBuild
    from zhudu.themes.theme_index import Hit, Related, ThemeIndex


def page_digest(
    page: Page, build_inputs: str, shown: str = "", html_digest: str | None = None, view: Any = None
) -> str:
    """A digest of what the page's output is made from, besides the build-wide ``build_inputs``.

    Args:
        page: A page read and rendered, its ``on_page_context`` data not yet added.
        build_inputs: What every page depends on (``build_digest``).
        shown: What the page shows from the rest of the site (theme panels, its slice of the home list).
        html_digest: The digest of the page's HTML when it waits on disk (``publish/contentspool.py``).
        view: The note's view (``note_views.note_view``) when the page is a note's: a value, never changed.
    """
    file = page.file
    neighbours = [
        (other.title, other.url) if other is not None else None
        for other in (page.previous_page, page.next_page)
    ]
    parts = (
        build_inputs,
        file.src_uri,
        file.dest_uri,
        page.url,
        str(page.title),
        meta_text(file.dest_uri, page.meta, view),
        _stable_repr(_toc(page.toc)),
        html_digest if html_digest is not None else content_digest(file.dest_uri, page.content or ""),
        repr(neighbours),
        repr(page.canonical_url),
        repr(page.edit_url),
        shown,
    )
    # Serve: the same parts as the last plan's (compared as strings, most of them the very same
    # objects) give the same digest without hashing them again (~3 KB per page, every page).
    kept = _PARTS.get(file.dest_uri)
    if kept is not None and kept[0] == parts:
        return kept[1]
    found = cache.digest(*parts)
    if annotations.serving():
        if len(_PARTS) >= _CONTENT_LIMIT:
            _PARTS.clear()
        _PARTS[file.dest_uri] = (parts, found)
    return found


#: Each page's digest with the parts the last plan made it from (dest_uri → (parts, digest)).
_PARTS: dict[str, tuple[tuple[str, ...], str]] = {}


def with_rules(dest_uri: str, base: str, rules: str) -> str:
    """A page's digest with the conversion rules' (``cache.digest(base, rules)``), the last plan's while both are."""
    kept = _WITH_RULES.get(dest_uri)
    if kept is not None and kept[0] == base and kept[1] == rules:
        return kept[2]
    found = cache.digest(base, rules)
    if annotations.serving():
        if len(_WITH_RULES) >= _CONTENT_LIMIT:
            _WITH_RULES.clear()
        _WITH_RULES[dest_uri] = (base, rules, found)
    return found


#: Each page's digest with the rules, and what it was made from (dest_uri → (base, rules, digest)).
_WITH_RULES: dict[str, tuple[str, str, str]] = {}


#: Each page's HTML as the last plan digested it, with its digest (dest_uri → (html, digest)).
_CONTENT: dict[str, tuple[str, str]] = {}
#: Past this many pages the memo starts again (a process building several sites in turn).
_CONTENT_LIMIT = 50_000


def content_digest(dest_uri: str, html: str) -> str:
    """The digest of a page's HTML, hashed only when it is not the very string the last plan hashed.

    A page read from its kept render has the render's own string (``NoteRenders.after`` keeps it
    finished), the same object save after save: a save hashes only the HTML of the pages it
    rendered, not all of it (~90 MB at 3,000 notes).  Holding the string costs nothing while the
    render is kept; a string is never changed, so the same object is the same text.  Only
    ``mkdocs serve`` plans again in the same process: a build keeps nothing here, so a page's HTML
    goes once the page is written (``pages.post_page``) instead of staying to the end of the build.
    """
    kept = _CONTENT.get(dest_uri)
    if kept is not None and kept[0] is html:
        CONTENT_HASHED[1] += 1
        return kept[1]
    if len(_CONTENT) >= _CONTENT_LIMIT:
        _CONTENT.clear()
    found = cache.digest(html)
    if annotations.serving():
        _CONTENT[dest_uri] = (html, found)
    CONTENT_HASHED[0] += 1
    return found


#: Pages' HTML hashed, and known by its string, since the counter was last reset (tests, the build's log).
CONTENT_HASHED = [0, 0]


def forget(pages: Mapping[str, Any], notes: Iterable[str]) -> None:
    """Keep only these pages' HTML (dest_uri keys) and these notes' theme digests: not a deleted one's."""
    for memo in (_CONTENT, _PARTS, _WITH_RULES, page_meta.META):
        for dest in [d for d in memo if d not in pages]:
            del memo[dest]
    live = set(notes)
    for note in [n for n in _NOTE_THEMES if n not in live]:
        del _NOTE_THEMES[note]


def build_digest(*parts: str | bytes) -> str:
    """The build-wide inputs of every page (mkdocs.yml, the code, the templates, the nav …)."""
    return cache.digest(cache.code_version(), *parts)


def nav_digest(items: Iterable[Any]) -> str:
    """The nav's titles and URLs, which every page draws."""

    def walk(entries: Iterable[Any]) -> list[Any]:
        return [
            (
                type(e).__name__,
                str(e.title),
                getattr(e, "url", None),
                walk(getattr(e, "children", None) or ()),
            )
            for e in entries
        ]

    return repr(walk(items))


def folder_digest(folders: Iterable[str | None]) -> str:
    """Names and bytes of every file in ``folders`` (the theme's template overrides)."""
    paths: list[Path] = []
    for folder in folders:
        if folder and Path(folder).is_dir():
            paths.extend(p for p in Path(folder).rglob("*") if p.is_file())
    parts: list[str | bytes] = []
    for path in sorted(paths):
        parts += [path.as_posix(), path.read_bytes()]
    return cache.digest(*parts)


def note_theme_digest(themes: ThemeBuild, note_id: str, memo: dict[str, Any]) -> str:
    """What ``ThemeBuild.note_context`` shows on a note's page, and nothing more.

    Per theme of the note (map order): the theme's id, name and description (its chip, block
    and links), the note's count and hits (the chip, the markers), and the other notes its
    marker block lists (``MARKER_NOTES`` strongest) as the block shows them (title, URL, best
    passage's excerpt).  Then the related notes as shown (title, URL, score, shared themes).
    Other notes' ids are not in it: a note deleted or renamed rewrites only the pages that
    listed it or now list another.  ``memo`` holds what one plan shares between notes.

    Kept between plans by what it is made from (``_NOTE_THEMES``): the note's themes with its
    counts, block and marker digests, its themes' candidates (what its related notes are
    ranked from) and the related notes' titles and URLs.  A save compares those (strings the
    plan has anyway) and hashes only the notes whose panels changed.
    """
    index = themes.index
    if index is None:
        return ""
    state = themes_state(themes, memo)
    hits = index.hit_digests.get(note_id)
    kept = _NOTE_THEMES.get(note_id)
    theme_ids: list[str] = []
    if kept is not None and hits is not None and kept.hits is hits and kept.state is state:
        # The note's hits are the last plan's very objects and no theme's entry, strongest notes or
        # blocks changed: every part of the shape is as it was (``themes_state``), and so are its
        # themes (``theme_ids``, needed only to rank related notes again: not on this path).
        shape = kept.shape
        KEPT_COUNTS[1] += 1
    else:
        counts = index.counts_of_note(note_id)
        theme_ids = [t.id for t in index.theme_map.themes if t.id in counts]  # map order, as themes_of_note
        shape = (
            tuple(
                (t, counts[t], _block_digest(themes, t, note_id, memo), markers_digest(index, t, note_id))
                for t in theme_ids
            ),
            tuple(candidates_digest(index, t, memo) for t in theme_ids),
        )
    if kept is not None and kept.shape == shape:  # ranked from the same inputs: the same related notes
        related, key = kept.related, kept.related_key
        index.know_related(note_id, related)
        memo["\0related-used:" + key] = ""
    else:
        key = related_key(index, note_id, theme_ids, memo)
        related = related_notes(index, note_id, theme_ids, memo, key)
    info = themes.info
    shown = tuple((info[r.note].title, info[r.note].url) for r in related)
    if kept is not None and kept.shape == shape and kept.shown == shown:
        KEPT_COUNTS[0] += 1
        if kept.hits is not hits or kept.state is not state:  # the same shape, made afresh: its inputs now
            _NOTE_THEMES[note_id] = _NoteThemes(
                shape, kept.related_key, kept.related, shown, kept.digest, hits, state
            )
        return kept.digest
    parts = []
    for _theme, count, block, markers in shape[0]:
        parts.append(f"{count}:{block}")
        parts.append(markers)
    for r, (title, url) in zip(related, shown, strict=True):
        shared = [(t, index.theme_by_id[t].name) for t in r.shared]
        parts.append(repr((title, url, r.score, shared)))
    found = cache.digest(*parts)
    if len(_NOTE_THEMES) >= _RELATED_LIMIT:
        _NOTE_THEMES.clear()
    _NOTE_THEMES[note_id] = _NoteThemes(shape, key, related, shown, found, hits, state)
    return found


@dataclass(frozen=True)
class _NoteThemes:
    """A note's theme digest with what it was made from (``note_theme_digest``)."""

    shape: tuple[Any, ...]
    related_key: str
    related: tuple[Related, ...]
    shown: tuple[tuple[str, str], ...]
    digest: str
    #: The note's hit digests (``ThemeIndex.hit_digests``: the same dict while its hits are kept)
    #: and the ``themes_state`` the shape was made under.
    hits: dict[str, str] | None = None
    state: tuple[Any, ...] | None = None


def themes_state(themes: ThemeBuild, memo: dict[str, Any]) -> tuple[Any, ...]:
    """What a note's theme shape takes from its themes, for every theme: the same object while equal.

    Per theme in map order: its id, its candidates' digest (what related notes are ranked from),
    its strongest notes (a note's place among them picks its block) and the block shown at each
    place (``_block_digest``: the entry and the other notes listed, as shown).  The rest of a shape
    is the note's own hits.  Made once per plan; when equal to the last plan's, the last plan's
    object is returned, so a note's kept shape is checked with one ``is`` (``note_theme_digest``).
    """
    if (found := memo.get("\0state")) is not None:
        return found  # type: ignore[no-any-return]
    index = themes.index
    assert index is not None
    parts = []
    for theme in index.theme_map.themes:
        top = tuple(index.candidates(theme.id)[: MARKER_NOTES + 1])
        blocks = tuple(_block_digest(themes, theme.id, n, memo) for n in (_NO_NOTE, *top))
        parts.append((theme.id, candidates_digest(index, theme.id, memo), top, blocks))
    state = tuple(parts)
    if _STATE and _STATE[0] == state:
        state = _STATE[0]
    else:
        _STATE[:] = [state]
    memo["\0state"] = state
    return state


#: No note's id (a file name never starts with NUL): its block is the one every other note gets.
_NO_NOTE = "\0none"
#: The last plan's ``themes_state``.
_STATE: list[tuple[Any, ...]] = []


#: Note id → its last theme digest with its inputs (a process building several sites: the inputs
#: differ, so nothing is taken from another site's).
_NOTE_THEMES: dict[str, _NoteThemes] = {}
#: Taken from the last plan since the counters were last reset (tests, the build's log): note
#: pages' theme digests, their shapes (``themes_state``), theme pages' digests (``theme_digests``).
KEPT_COUNTS = [0, 0, 0]


def _block_digest(themes: ThemeBuild, theme_id: str, note_id: str, memo: dict[str, Any]) -> str:
    """A theme's chip and marker block on a note's page: its entry, and the other notes it lists.

    The block lists the theme's ``MARKER_NOTES`` strongest notes other than the page's own
    (``ThemeIndex.other_notes_of_theme``): the same for every note but the strongest few, so it
    is digested once per theme and place of the note among them, not once per note (a note
    carries most themes: 11 of 12 at 500 generated notes).
    """
    index = themes.index
    assert index is not None
    top_key = "\0top:" + theme_id
    if (top := memo.get(top_key)) is None:
        top = memo[top_key] = {n: i for i, n in enumerate(index.candidates(theme_id)[: MARKER_NOTES + 1])}
    key = f"\0block:{theme_id}:{top.get(note_id, -1)}"
    if (found := memo.get(key)) is None:
        theme = index.theme_by_id[theme_id]
        others, _ = index.other_notes_of_theme(theme_id, note_id, MARKER_NOTES)
        found = memo[key] = cache.digest(
            repr((theme.id, theme.name, theme.description)),
            *(_marker_part(themes, theme_id, other, memo) for other in others),
        )
    return found


def _marker_part(themes: ThemeBuild, theme_id: str, other: str, memo: dict[str, Any]) -> str:
    """Another note as a theme's marker block shows it (``NoteMarkers._other_note_part``'s inputs)."""
    key = f"\0marker:{theme_id}:{other}"
    if (found := memo.get(key)) is None:
        index = themes.index
        assert index is not None
        note = themes.info[other]
        links = [
            (hit.anchor, quoted_excerpt(note, index.passage_by_key[(other, hit.anchor)].quote))
            for hit in index.best_hits_in(theme_id, other, MARKER_LIMIT)
        ]
        found = memo[key] = repr((note.title, note.url, links))
    return found


#: Related notes by a digest of everything ``ThemeIndex.related`` ranks them from (``related_notes``),
#: kept between the builds of a serve process and in the cache between processes: a save that
#: changes no theme's candidates ranks nothing again.
_RELATED: dict[str, tuple[Related, ...]] = {}
#: Past this many entries the memo starts again (more than any site has notes, times a few saves).
_RELATED_LIMIT = 50_000


def related_key(index: ThemeIndex, note_id: str, theme_ids: Sequence[str], memo: dict[str, Any]) -> str:
    """What ``index.related(note_id)`` is ranked from, as a digest (``related_notes``' key)."""
    counts = index.counts_of_note(note_id)
    return cache.digest(
        note_id,
        repr([(t, counts[t]) for t in theme_ids]),
        *(candidates_digest(index, t, memo) for t in theme_ids),
    )


def related_notes(
    index: ThemeIndex, note_id: str, theme_ids: Sequence[str], memo: dict[str, Any], key: str | None = None
) -> tuple[Related, ...]:
    """``index.related(note_id)``, ranked again only when what it is ranked from changed.

    The ranking reads the note's counts per theme and, for each of its themes, the
    ``CANDIDATES_PER_THEME`` strongest notes with their counts in every theme and their dates
    (``candidates_digest``, once per theme and plan): those, and the note's themes in map order,
    are the key (``related_key``).  The answer is given to the index too, so the note's page does
    not rank again.
    """
    if key is None:
        key = related_key(index, note_id, theme_ids, memo)
    found = _RELATED.get(key)
    if found is None:
        if len(_RELATED) >= _RELATED_LIMIT:
            _RELATED.clear()
        found = _RELATED[key] = tuple(index.related(note_id))
    else:
        index.know_related(note_id, found)
    memo["\0related-used:" + key] = ""
    return found


def candidates_digest(index: ThemeIndex, theme_id: str, memo: dict[str, Any]) -> str:
    """The related notes' inputs from one theme: its strongest notes, their counts and dates."""
    key = "\0candidates:" + theme_id
    if (found := memo.get(key)) is None:
        found = memo[key] = cache.digest(
            *(
                repr((other, index.date_of(other), sorted(index.counts_of_note(other).items())))
                for other in index.candidates(theme_id)
            )
        )
    return found


def load_related(store: cache.ArtifactCache) -> None:
    """Start a process's memo of related notes from the cache (``save_related`` kept it)."""
    if not _RELATED:
        _RELATED.update(store.get("related", _related_store_key()) or {})


def save_related(store: cache.ArtifactCache, memo: Mapping[str, Any]) -> None:
    """Keep the related notes this plan used for the next process (only when one was ranked)."""
    used = {k[len("\0related-used:") :] for k in memo if k.startswith("\0related-used:")}
    stored = _STORED.setdefault(str(store.root), set())
    if used and not used.issubset(stored):
        kept = {k: _RELATED[k] for k in used if k in _RELATED}
        store.put("related", _related_store_key(), kept)
        stored.clear()
        stored.update(kept)


#: Cache folder → the keys of the memo last kept in it.
_STORED: dict[str, set[str]] = {}


def _related_store_key() -> str:
    # The ranking is the code's: another version ranks afresh.
    return cache.digest("related notes", cache.code_version())


def hits_digest(index: ThemeIndex, theme_id: str, note: str, hits: Sequence[Hit]) -> str:
    """The digest of a note's hits in a theme, with the texts of their passages (the panels quote them).

    Kept in ``index.hit_digests``: under ``mkdocs serve`` an unchanged note's digests are the last
    build's (``matching.Scans.note_hits``), so a save hashes only the edited note's hits.
    """
    per_note = index.hit_digests.setdefault(note, {})
    found = per_note.get(theme_id)
    if found is None:
        quoted = index.passage_by_key
        found = per_note[theme_id] = cache.digest(
            *(
                repr(hit) + (passage.shown if (passage := quoted.get((note, hit.anchor))) is not None else "")
                for hit in hits
            )
        )
    return found


def markers_digest(index: ThemeIndex, theme_id: str, note: str) -> str:
    """Which passages of a note carry a theme: where its page has the theme's markers.

    Kept with ``hits_digest``'s (an unchanged note's are the last build's); not that digest,
    which names the note's id, and no page shows that (a rename keeping the slug changes no byte).
    """
    per_note = index.hit_digests.setdefault(note, {})
    key = "\0markers:" + theme_id
    found = per_note.get(key)
    if found is None:
        found = per_note[key] = cache.digest(*(hit.anchor for hit in index.hits_in(theme_id, note)))
    return found


def _toc(toc: Any) -> list[Any]:
    return [(item.title, item.id, item.level, _toc(item.children)) for item in (toc or ())]
