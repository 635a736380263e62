"""Drafts: notes their author's tool would not publish, and which of them a dead link names.

Hugo leaves out a note with ``draft: true``, Jekyll and Hexo one with ``published: false``, Obsidian
Publish one with ``publish: false`` (Jekyll's ``_drafts/`` folder is never read: ``folders.py``); so
does Zhudu (``corpus.load_corpus``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from zhudu.notes.resolve import Linkable, LinkIndex

if TYPE_CHECKING:
    from zhudu.notes.corpus import Note
    from zhudu.notes.dialects import NoteRef
    from zhudu.notes.page_ids import Slugify

# --------------------------------------------------------------------------- Data

#: The front-matter keys by which the author's own tool leaves a note unpublished, and the value that
#: does (a ``published`` date is a date: ``meta.resolve_aliases``).
_DRAFT_KEYS = {"draft": True, "published": False, "publish": False}  # the last: Obsidian Publish's
_BOOLEAN_WORDS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}

# --------------------------------------------------------------------------- Drafts


def draft_key(extra: Mapping[str, object]) -> str | None:
    """What marks a note as a draft its author has not published (``"draft: true"``), or None.

    A quoted ``"true"`` counts as Hugo and Jekyll read it; any other value (a date, a list) does not.
    """
    for key, unpublished in _DRAFT_KEYS.items():
        value = extra.get(key)
        if isinstance(value, str):
            value = _BOOLEAN_WORDS.get(value.strip().lower())
        if isinstance(value, bool) and value is unpublished:
            return f"{key}: {str(unpublished).lower()}"
    return None


def draft_finder(
    drafts: Sequence[Note], slugify: Slugify
) -> Callable[[NoteRef, Linkable], tuple[str, str] | None]:
    """Which draft a link no published note answers names, seen from the linking note: its path and flag."""
    by_slug = {note.meta.slug: note for note in drafts}
    meta = [(note, note.meta) for note in drafts]
    index = LinkIndex(
        [(Linkable(n.id, m.slug, m.title, m.folder, n.path.stem, slugify), m.extra) for n, m in meta]
    )

    def named(ref: NoteRef, source: Linkable) -> tuple[str, str] | None:
        if (found := index.find(ref, source)) is None:
            return None
        draft = by_slug[found.slug]
        return draft.display_path, draft_key(draft.meta.extra) or ""

    return named
