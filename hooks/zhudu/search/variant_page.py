"""One page's record in one variant's index: its folded texts and fragment files (``Assembly._variant_records``).

The variants of a passage share its canonical (Simplified) text, so that text is folded once for all of
them (``CanonicalFolds``, kept with the canonical page under its fold table), not once a variant; and a
variant's passage that folds as another variant's did takes that one's folded edits (zh-Hant-TW and
zh-Hant-HK differ in characters that fold alike, 裡/裏: 300 generated notes of varied text, 4,789 of 10,206
passages fold alike in the two).  Both are per page: nothing is shared between two pages' passages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from zhudu.search import fragments as fragment_files
from zhudu.search import index as search
from zhudu.search.corpus_chars import distinct
from zhudu.search.edits import Span, in_units
from zhudu.search.grams import with_notes
from zhudu.search.shown_words import ShownWords, passage_edits

if TYPE_CHECKING:
    from zhudu.search.canonical_page import CanonicalPage


@dataclass
class CanonicalFolds:
    """A canonical page's texts folded with one fold table, and its passages' folded edits found so far."""

    table_version: int
    title: str
    passages: dict[str, str]  # anchor → folded canonical text
    #: (anchor, a variant's folded text) → what turns it into the folded canonical text, and its spans
    #: (``shown_words.passage_edits``).
    edits: dict[tuple[str, str], tuple[list[int | str], list[Span]]] = field(default_factory=dict)


@dataclass
class VariantPage:
    """What one page of one variant gives the index, under a given fold table."""

    url: str
    canonical: CanonicalPage | None
    table_version: int
    title: str  # folded canonical title
    chars: str  # every character folded, distinct (what a new fold table may change)
    texts: list[
        str
    ]  # folded canonical text of each passage (``grams.with_notes``: its editor's notes' places)
    fragments: list[fragment_files.Blob]
    base: search.PageText | None = None  # the base variant's page its fragments are patches on
    #: What its passages show where their folded text is not the canonical text (None: nothing).
    shown: ShownWords | None = None


def canonical_folds(canonical: CanonicalPage, folder: search.Folder, table_version: int) -> CanonicalFolds:
    """The page's folded canonical texts under this table: made by its first variant, kept for the others."""
    folds = canonical.folds
    if folds is None or folds.table_version != table_version:
        passages = {anchor: folder(text) for anchor, text in canonical.passages.items()}
        folds = canonical.folds = CanonicalFolds(table_version, folder(canonical.title), passages)
    return folds


def variant_page(
    page: search.PageText,
    canonical: CanonicalPage | None,
    folder: search.Folder,
    table_version: int,
    remember: bool = True,
    base: search.PageText | None = None,
    mapping: Mapping[int, str] | None = None,
) -> VariantPage:
    """``remember``: the record is kept for a new fold table (``_new_table`` reads its ``chars``).

    ``base``: the base variant's page (as many passages): the fragments are patches on its
    (``fragments.patch_files``, ``mapping`` the fold table for a Simplified variant).
    """
    folds = canonical_folds(canonical, folder, table_version) if canonical is not None else None
    title = folds.title if folds is not None else folder(page.title)
    texts: list[str] = []
    rows: list[list[Any]] = []
    shown: ShownWords | None = None
    for p in page.passages:
        text = canonical.passages.get(p.anchor) if canonical is not None else None
        if text is None or folds is None:
            ftext = ctext = folder(p.text)
        else:
            # The canonical variant's passage is most often its own canonical text: folded once.
            ctext = folds.passages[p.anchor]
            ftext = ctext if p.text == text else folder(p.text)
        notes = canonical.notes.get(p.anchor) if canonical is not None else None
        units = in_units(ctext, notes) if notes else []
        texts.append(with_notes(ctext, units))
        row: list[Any] = [p.anchor, p.section or page.title, p.text]
        if ctext != ftext:
            made = folds.edits.get((p.anchor, ftext)) if folds is not None else None
            if made is None:
                made = passage_edits(ftext, ctext)
                if folds is not None:
                    folds.edits[(p.anchor, ftext)] = made
            row.append(made[0])
            shown = shown or ShownWords()
            shown.add(p.text, ftext, ctext, made[1])
        if units:  # the snippet sets the notes' words apart (every variant's: a patch does not repeat them)
            row += [0] * (4 - len(row)) + [units]
        rows.append(row)
    if folds is not None and (ftitle := folder(page.title)) != title:
        # The title's regional words too (資產資料夾 of 资产文件夹, only in a title, was not found on the Taiwan site).
        shown = shown or ShownWords()
        shown.add(page.title, ftitle, title, passage_edits(ftitle, title)[1])
    fragments = fragment_files.page_files(page, rows, base, mapping)
    # A build's records are not kept: no later table to compare with.
    seen = (page.title, *(p.text for p in (*page.passages, *(base.passages if base else ()))))
    chars = (
        distinct(*seen, base.title if base else "", canonical.chars if canonical else "") if remember else ""
    )
    return VariantPage(page.url, canonical, table_version, title, chars, texts, list(fragments), base, shown)
