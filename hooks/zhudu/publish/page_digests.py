"""What a page shows, as a digest: the dirty build rewrites a page only when its digest changed.

Split from ``incremental`` (which uses these).  A digest covers the page's rendered HTML,
metadata, table of contents, neighbours and URLs, what it shows from the rest of the site (theme
panels, related notes, its slice of the home list) and the build-wide inputs (the code,
mkdocs.yml, the templates, the nav, the interface strings).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhudu import cache

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from zhudu.themes.render import ThemeBuild
    from zhudu.themes.theme_index import Hit, ThemeIndex


def page_digest(page: Page, build_inputs: str, shown: str = "") -> str:
    """A digest of what the page's output is made from, besides the build-wide ``build_inputs``.

    Args:
        page: A page read and rendered, its ``on_page_context`` data not yet added.
        build_inputs: What every page depends on (``build_digest``).
        shown: What the page shows from the rest of the site (theme panels, its slice of the home list).
    """
    file = page.file
    neighbours = [
        (other.title, other.url) if other is not None else None
        for other in (page.previous_page, page.next_page)
    ]
    return cache.digest(
        build_inputs,
        file.src_uri,
        file.dest_uri,
        page.url,
        str(page.title),
        _stable_repr(page.meta),
        _stable_repr(_toc(page.toc)),
        page.content or "",
        repr(neighbours),
        repr(page.canonical_url),
        repr(page.edit_url),
        shown,
    )


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


def note_theme_digest(themes: ThemeBuild, note_id: str, memo: dict[str, str]) -> str:
    """What a note's theme markers, panels, chips and related notes are made from.

    For each theme it carries: the theme's entry and place in the map, and every note in the
    theme with its hits and passages (the panels show the strongest; the related notes are
    ranked by these counts, then date, then id).
    """
    index = themes.index
    if index is None:
        return ""
    parts = []
    for theme, count in index.themes_of_note(note_id):
        parts.append(f"{theme.id}:{count}:{_theme_digest(themes, theme.id, memo)}")
    # The related notes are ranked from the counts, dates and titles of the notes in those themes
    # (``ThemeIndex.related``): already in the themes' digests.
    return cache.digest(*parts)


def _theme_digest(themes: ThemeBuild, theme_id: str, memo: dict[str, str]) -> str:
    """A theme's entry, place in the map, pages, and every note in it with its hits and passages."""
    if theme_id in memo:
        return memo[theme_id]
    index = themes.index
    assert index is not None
    order = [t.id for t in index.theme_map.themes].index(theme_id)
    parts: list[str] = [repr(index.theme_by_id[theme_id]), str(order), repr(themes.paged.get(theme_id))]
    for note, hits in sorted(index.by_theme_note.get(theme_id, {}).items()):
        info_key = "\0info:" + note  # a note's entry is the same in every theme it is in
        if (shown := memo.get(info_key)) is None:
            info = themes.info.get(note)
            # to_simplified is not in NoteInfo's repr: which conversion a note's passages go through.
            shown = memo[info_key] = repr(info) + getattr(
                getattr(info, "to_simplified", None), "__qualname__", ""
            )
        parts.append(shown)
        parts.append(hits_digest(index, theme_id, note, hits))
    memo[theme_id] = cache.digest(*parts)
    return memo[theme_id]


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
                repr(hit) + (passage.text if (passage := quoted.get((note, hit.anchor))) is not None else "")
                for hit in hits
            )
        )
    return found


def _toc(toc: Any) -> list[Any]:
    return [(item.title, item.id, item.level, _toc(item.children)) for item in (toc or ())]


def _stable_repr(value: Any) -> str:
    """``repr`` that refuses object addresses (those differ between runs: the page is then always written)."""
    text = repr(value)
    return f"{time.time_ns()}:{text}" if " at 0x" in text else text
