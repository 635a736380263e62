"""A page's metadata as the dirty build's page digest holds it (``page_digests.page_digest``).

Split from ``page_digests``: the metadata written out, without the note's id, and kept from one
``mkdocs serve`` plan to the next while its values are the same objects.
"""

from __future__ import annotations

import operator
import time
from collections.abc import Sequence
from typing import Any

from zhudu.annotate import annotations

#: Past this many pages the memo starts again (a process building several sites in turn).
LIMIT = 50_000


def meta_text(dest_uri: str, meta: dict[str, Any], view: Any = None) -> str:
    """``stable_repr`` of a page's metadata without its note's id; the last plan's while its values are the same.

    An unchanged note page's metadata is its note's kept view and the same strings save after
    save (``pages.page_markdown``): ``repr`` of every note's view was made again on every save.
    The same means: each value the very object it was (a string, a number, ``view``), or a list,
    tuple or dictionary of such (the escaped tags, ``search: {exclude: true}``: new each save) item
    by item, as they were when written out.  Any other value: made again.
    """
    values = _values(meta, view)
    kept = META.get(dest_uri)
    if values is not None and kept is not None and _same(values, kept[0]):
        return kept[1]
    text = stable_repr(without_note_id(meta))
    if values is not None and annotations.serving():
        if len(META) >= LIMIT:
            META.clear()
        META[dest_uri] = (values, text)
    return text


def _values(meta: dict[str, Any], view: Any) -> tuple[Any, ...] | None:
    """``meta``'s keys and values as ``meta_text`` compares them; None when one may change in place."""
    found: list[Any] = []
    for key, value in meta.items():
        kind = type(value)
        if kind is dict and value is not view:  # e.g. ``search: {exclude: true}``, a new dictionary each save
            value = (kind, *(part for item in value.items() for part in item))
        elif kind in (list, tuple):
            value = (kind, *value)  # the items now: the list may change later
        elif kind not in _SCALARS and value is not view:
            return None
        if type(value) is tuple and not all(type(part) in _SCALARS for part in value[1:]):
            return None
        found += (key, value)
    return tuple(found)


def _same(values: tuple[Any, ...], kept: tuple[Any, ...]) -> bool:
    return len(values) == len(kept) and all(
        a is b
        or (type(a) is tuple and type(b) is tuple and len(a) == len(b) and all(map(operator.is_, a, b)))
        for a, b in zip(values, kept, strict=True)
    )


#: Value types ``meta_text`` compares by identity: none can change in place.
_SCALARS = frozenset({str, int, float, bool, type(None)})
#: Each page's metadata as the last plan wrote it out (dest_uri → (values, text)).
META: dict[str, tuple[tuple[Any, ...], str]] = {}


def cards_text(number: int, pages: int, cards: Sequence[dict[str, Any]]) -> str:
    """``repr`` of a home page's cards without their ids, with how many home pages there are.

    The last plan's while each card is the object it was: a card is the note's home list entry,
    kept while its view and URL are and never changed (``note_views.home_entries``).  Writing out every
    note's card on every save cost as much as its page's metadata.
    """
    kept = CARDS.get(number)
    if (
        kept is not None
        and kept[0] == pages
        and len(kept[1]) == len(cards)
        and all(map(operator.is_, kept[1], cards))
    ):
        return kept[2]
    text = repr((pages, [home_card(card) for card in cards]))
    if annotations.serving():
        CARDS[number] = (pages, tuple(cards), text)
    return text


#: Each home page's cards as the last plan wrote them out (page number → (pages, cards, text)).
CARDS: dict[int, tuple[int, tuple[dict[str, Any], ...], str]] = {}


def without_note_id(meta: dict[str, Any]) -> dict[str, Any]:
    """A page's metadata without its note's id (``zd_note.id``), which no template shows.

    A note's id is its file's name, its URL its slug: a rename keeping the slug (its notes.yml
    entry moved along) changes no byte of its page, and must not rewrite it.
    """
    note = meta.get("zd_note")
    if isinstance(note, dict) and "id" in note:
        return {**meta, "zd_note": home_card(note)}
    return meta


def home_card(note: dict[str, Any]) -> dict[str, Any]:
    """A note's entry in the home list (``zd.notes``) without its id, which home.html does not show."""
    return {k: v for k, v in note.items() if k != "id"}


def stable_repr(value: Any) -> str:
    """``repr`` that refuses object addresses (those differ between runs: the page is then always written)."""
    text = repr(value)
    return f"{time.time_ns()}:{text}" if " at 0x" in text else text
