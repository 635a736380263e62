"""What the templates show of a note: its view (``note_view``) and the home list's entries (``home_entries``).

A note's values in the default variant's script, every one escaped by the template; made once per note
per build, and kept from the last build while what it is made of is the same objects.
"""

from __future__ import annotations

import operator
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

    from zhudu.build import Build
    from zhudu.notes.corpus import Note

__all__ = ["VIEWS_KEPT", "home_entries", "note_view"]


def note_view(build: Build, note: Note) -> dict[str, Any]:
    """What ``note.html`` and the home list show: values only, every one escaped by the template.

    Made once per note per build (its page, the home list and the glossary's titles ask), and a
    value: callers copy it to add to it.  Under ``mkdocs serve`` an unchanged note is the last
    build's object (``NoteReads.settle``): its view is the last build's too while what it is made
    from is the same objects (the note's metadata and wrappers, the default script's converter),
    so a save makes no view (a dict and four lists, living as long as the build) for it.
    """
    views = _VIEWS
    if views.build is not build:
        views.build = build
        views.previous, views.current = views.current, {}
        VIEWS_KEPT[0] = 0
    converter = build.site.fold_for(note.meta)
    wrappers = note.body.wrappers if note.body else None
    made_of = (note, note.meta, wrappers, note.broken, converter)
    # Its words held in its domain (``Site.shown_by``), or None.
    held = build.site.held_domain(note.meta.domain)
    kept = views.current.get(id(note))
    earlier = kept is None  # not yet asked for in this build: the last build's, if any
    if earlier:
        kept = views.previous.get(id(note))
    if kept is not None and all(map(operator.is_, kept[0], made_of)) and kept[2] == held:  # made as above
        if earlier:
            views.current[id(note)] = kept
            VIEWS_KEPT[0] += 1
        return kept[1]  # type: ignore[no-any-return]
    meta = note.meta
    listed = meta.as_dict()
    view = {
        **listed,
        **_default_script_text(build, meta, listed),
        "date_display": _display_date(meta.date),
        "updated_display": _display_date(meta.updated),
        "broken": note.broken,
        "wrappers": list(wrappers) if wrappers is not None else [],
    }
    # The note is kept with its view: its id names no other while kept.
    views.current[id(note)] = (made_of, view, held)
    return view


def home_entries(build: Build, notes: list[Note], files: Files) -> list[dict[str, Any]]:
    """The home list's entries (``zd.notes``): each note's view with its page's URL, unreadable notes left out (``Note.listed``).

    A note's entry is the last build's object while its view is and its URL the same, as its view
    is (``note_view``): the plan then knows a home page's cards unchanged by identity
    (``page_meta.cards_text``).  Like a view, an entry is a value: the templates only read it.
    """
    last, _ENTRIES[:] = _ENTRIES[0], [{}]
    entries = []
    for note in notes:
        if not note.listed:
            continue
        file = files.src_uris.get(note.src_uri)  # normalised already
        view, url = note_view(build, note), file.url if file else ""
        kept = last.get(id(view))
        entry = kept[2] if kept is not None and kept[0] is view and kept[1] == url else view | {"url": url}
        _ENTRIES[0][id(view)] = (view, url, entry)  # the view kept with it: its id names no other
        entries.append(entry)
    return entries


#: The last build's home list entries by their view's ``id`` (``home_entries``).
_ENTRIES: list[dict[int, tuple[dict[str, Any], str, dict[str, Any]]]] = [{}]


class _NoteViews:
    """The note views of this build and of the last (``note_view``), by the note's ``id``."""

    def __init__(self) -> None:
        self.build: Any = None
        self.current: dict[int, tuple[tuple[Any, ...], dict[str, Any]]] = {}
        self.previous: dict[int, tuple[tuple[Any, ...], dict[str, Any]]] = {}


#: This process's note views (``note_view``): the last build's are dropped by the next but one.
_VIEWS = _NoteViews()
#: How many of this build's note views were the last build's (the plan's debug line).
VIEWS_KEPT = [0]


def _default_script_text(build: Build, meta: Any, listed: dict[str, Any]) -> dict[str, Any]:
    """A Traditional note's displayed text in the default variant's script, as its body is.

    ``page_content`` converts the body of a note written in Traditional for the default variant;
    its title, subtitle, description and tags reach the page (``<h1>``, ``<title>``, the home list,
    search, ``<meta name="description">``) through here and must match it.  The other variants
    convert the whole default page afterwards, so they still show Traditional.
    """
    # What a reader sees keeps the author's words where the layer rewrote them on the Traditional
    # pages (``Converter.text_as_written``), tags and categories too (資料庫, not Hong Kong's 數據庫 from
    # 数据库): they are text, no page is named by them (a note's address is its slug, from its id).
    shown = build.site.shown_by(meta.lang, meta.region, meta.domain)
    # A note linking here written in Traditional, or in the other domain (whatever this note's): its title as its page's.
    shown_by = build.site.shown_by
    backlinks = [
        b | {"title": shown_by(b["lang"], b["region"], b["domain"])(b["title"])} for b in listed["backlinks"]
    ]
    description = build.site.description_shown(meta)  # a summary's inline code as typed, whatever the script
    if shown is str:  # a Simplified note's words, as written (``Site.shown_by``)
        return {"backlinks": backlinks, "description": description}
    return {
        "backlinks": backlinks,
        "title": shown(meta.title),
        "subtitle": shown(meta.subtitle) if meta.subtitle else meta.subtitle,
        "description": description,
        "tags": [shown(tag) for tag in meta.tags],
        "categories": [[shown(name) for name in path] for path in meta.categories],
    }


def _display_date(moment: datetime | None) -> str | None:
    return f"{moment.year}年{moment.month}月{moment.day}日" if moment else None
