"""What an editor's file naming an unknown note is told: the few ids most like it, and how to list them all.

Every id of a collection of 90 notes was 12 lines of every such warning, once per pin.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

#: How many ids at most a message names, and how alike an id must be (``difflib``'s ratio) to be named.
SHOWN, CUTOFF = 3, 0.6


def unknown_note_id(note: str, known: Iterable[str]) -> str:
    """``unknown note id 'x'; the closest: …`` for an editor's message, ending in how to list every id."""
    close = difflib.get_close_matches(note, list(known), n=SHOWN, cutoff=CUTOFF)
    closest = f"the closest: {', '.join(close)}" if close else "no note's id is close to it"
    return f"unknown note id {note!r}; {closest} (`python -m zhudu meta` lists every note's id)"
