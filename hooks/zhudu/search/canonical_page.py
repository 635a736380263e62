"""A page of the canonical variant in Simplified script: what every variant's index reads as the page's words.

Made once a page (``Assembly._canonical``) and kept while its search record is the same.  Pure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from zhudu.search.corpus_chars import distinct
from zhudu.search.extract import PageText, PassageText

if TYPE_CHECKING:
    from zhudu.search.variant_page import CanonicalFolds


@dataclass
class CanonicalPage:
    """Its title and passages by anchor, in Simplified script."""

    title: str
    passages: dict[str, str]
    chars: str  # its distinct characters (``distinct``)
    folds: CanonicalFolds | None = None  # folded under the current table, once for every variant
    #: Where each annotated passage's editor's notes are in its text (``PassageText.notes``), by anchor.
    notes: dict[str, tuple[int, ...]] = field(default_factory=dict)


def canonical_page(page: PageText, to_simplified: Callable[[str], str]) -> CanonicalPage:
    """The canonical variant's page in Simplified script."""
    title = to_simplified(page.title)
    passages = {p.anchor: to_simplified(p.text) for p in page.passages}
    notes = {p.anchor: _notes_in(p, passages[p.anchor], to_simplified) for p in page.passages if p.notes}
    return CanonicalPage(title, passages, distinct(title, *passages.values()), notes=notes)


def _notes_in(passage: PassageText, text: str, to_simplified: Callable[[str], str]) -> tuple[int, ...]:
    """The notes' places in the Simplified ``text`` of ``passage`` (a conversion may change a phrase's length)."""
    if len(text) == len(passage.text):
        return passage.notes
    return tuple(len(to_simplified(passage.text[:at])) for at in passage.notes)
