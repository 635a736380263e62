"""The build's summary lines: one line each, whatever the collection's size."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zhudu.notes.corpus import Corpus

#: The longest summary message the build prints, whatever the collection's size (MkDocs adds
#: "INFO    -  zhudu: " in front).
SUMMARY_LINE_LIMIT = 180


def summary_line(head: str, items: list[str]) -> str:
    """``head`` and as many of ``items`` as fit in ``SUMMARY_LINE_LIMIT`` characters, then how many more."""
    line = head
    for shown, item in enumerate(items):
        candidate = line + ("; " if shown else "") + item
        rest = len(items) - shown - 1
        tail = f"… and {rest} more (mkdocs build --verbose lists them)" if rest else ""
        if len(candidate) + len(tail) > SUMMARY_LINE_LIMIT:
            left = len(items) - shown
            return (
                line
                + (f"… and {left} more" if shown else f"{left} of them")
                + " (mkdocs build --verbose lists them)"
            )
        line = candidate
    return line


def log_corpus(log: logging.Logger, corpus: Corpus) -> None:
    """The notes' problems, a warning each; the drafts left out, one line (each with ``--verbose``)."""
    intros = corpus.section_intros.values()  # a folder's _index.md: its links are resolved as a note's
    for problem in [
        *corpus.problems,
        *(p for note in [*intros, *corpus.notes] for p in note.problems),
    ]:
        log.warning("%s", problem)
    for notice in (n for note in [*intros, *corpus.notes] for n in note.notices):
        log.info("%s", notice)
    # Not published, as Hugo, Jekyll and Hexo leave them out: said, not warned of (the author's choice).
    if drafts := [note.display_path for note in corpus.drafts]:
        log.info(
            "%s",
            summary_line("drafts not published (draft: true, published: false, publish: false): ", drafts),
        )
        log.debug("drafts not published: %s", ", ".join(drafts))
