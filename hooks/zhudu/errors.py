"""Domain errors raised by the pure modules, always naming where the problem is."""

from __future__ import annotations

from pathlib import Path


class ZhuduError(Exception):
    """A problem in the author's or editor's input, located by file and line.

    ``str(error)`` is ``"seeds/002.md:4: message"`` so it can be shown as is.
    """

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __reduce__(self) -> tuple[type, tuple[str, int | None, str]]:
        # Raised in a worker process (workers.py), it is pickled back to the MkDocs process.
        return (type(self), (self.path, self.line, self.message))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class NoteError(ZhuduError):
    """A note in ``seeds/`` cannot be read or normalised."""


class EditorialError(ZhuduError):
    """An editorial data file (``docs/editorial/*.yml``) is invalid."""
