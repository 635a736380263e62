"""Logseq block references across pages: ``((64a1…))`` to a block of another page, read once every page is.

A page's blocks with an ``id::`` are read with the page (``Body.blocks``, kept with the read by its
content hash, so a save reads only the saved file again); a reference to a block not on its page is a
stand-in until then (``logseq_blocks``).  This pass, over the collection like the link index, puts the
quoted block's words in its place, linked to the block's anchor on its page; a reference no page's
block answers keeps the muted stand-in, with a warning at its line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from zhudu import fragments
from zhudu.errors import NoteError
from zhudu.notes.note_refs import link_base
from zhudu.notes.summary import summary_and_code, summary_of

if TYPE_CHECKING:
    from zhudu.notes.corpus import Note


def link_blocks(notes: Sequence[Note], summary_length: int) -> None:
    """Each note's references to another page's block: its words linked to it, or a warning naming the line.

    A description summarised from the page (``summary_of``, ``summary_length``) is summarised again: it
    was read with the stand-ins, and the home card and ``<meta name="description">`` say what the page does.
    """
    quoting = [note for note in notes if note.body is not None and note.body.block_refs]
    if not quoting:
        return
    owner: dict[str, Note] = {}
    for note in notes:
        for block_id in note.body.blocks if note.body is not None else ():
            owner.setdefault(block_id, note)  # a block id is unique in a graph; the first page read keeps it
    for note in quoting:
        base = link_base(note.src_uri, note.url_folder)
        as_read = note.body.markdown  # type: ignore[union-attr]  # what the description was summarised from
        summarised = note.meta.description == summary_of(as_read, summary_length)
        for line, block_id in note.body.block_refs:  # type: ignore[union-attr]
            stand_in = fragments.render("zd-dialect.html", "missing_block_reference", id=block_id)
            target = owner.get(block_id)
            if target is None:
                note.problems.append(
                    NoteError(
                        note.display_path,
                        line,
                        f"(({block_id})): no page of the collection has a block with this id (id:: {block_id}): "
                        "shown as a muted stand-in; copy the block reference again in Logseq, or remove it",
                    )
                )
                continue
            quoted = fragments.render(
                "zd-dialect.html",
                "block_reference",
                text=target.body.blocks[block_id],  # type: ignore[union-attr]
                id=block_id,
                page=f"{base.notes}{target.meta.slug}/",
            )
            note.markdown = note.markdown.replace(stand_in, quoted, 1)
            as_read = as_read.replace(stand_in, quoted, 1)
        if summarised:
            description, code = summary_and_code(as_read, summary_length)
            note.meta = replace(note.meta, description=description, description_code=code)
