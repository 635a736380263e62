"""A page render's log: the records MkDocs' loggers took while it ran, kept and logged again on reuse.

A render reused from the cache (``cache.NoteRenders``) logs nothing by itself, so what its first run
logged (a dead link, HTML cleaned away) is replayed: ``mkdocs build --strict`` fails on a warm build as on
a cold one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable


class LogCapture(logging.Handler):
    """The records logged under ``mkdocs`` while one page renders, kept to replay on reuse."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno < logging.INFO:
            return
        copy = logging.makeLogRecord(record.__dict__)
        copy.msg, copy.args, copy.exc_info = record.getMessage(), None, None  # the arguments may not pickle
        self.records.append(copy)


def replay(records: Iterable[logging.LogRecord]) -> None:
    """Log ``records`` again, as when they were first logged (MkDocs' strict counter sees them)."""
    for record in records:
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(record.levelno):
            logger.handle(logging.makeLogRecord(record.__dict__))
