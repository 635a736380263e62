"""Pages' search texts kept on disk while the build writes pages, read back by the search stage.

Each page writer takes a page's searchable text in every variant as it writes the page; held in
the MkDocs process until the search index is built, the texts of every page grew it by about
100 MiB during the page loop at 3,000 notes, and each was unpickled there only to wait.  Instead the
writer appends them to a spool file of its own and hands back where they are (``Spooled``); the
build keeps those few numbers per page in a ``TextSpool`` per variant, a mapping that reads a
text back when asked for it.  The files live in a temporary folder removed with the spool.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import weakref
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Spooled:
    """Where one page's text in one variant was spooled: the file, the offset and the length."""

    path: str
    offset: int
    length: int

    def load(self) -> Any:
        """The text, as it was spooled."""
        with open(self.path, "rb") as spool:
            spool.seek(self.offset)
            return pickle.loads(spool.read(self.length))


class SpoolWriter:
    """Appends pickled texts to one file of the spool folder (one writer per process)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.file: Any = None
        self.pid = -1

    def spool(self, text: Any) -> Spooled:
        """Append ``text``; returns where it is."""
        if self.file is None or self.pid != os.getpid():  # a forked writer opens its own file
            self.pid = os.getpid()
            self.file = open(self.folder / f"{self.pid}.spool", "ab", buffering=1 << 16)  # noqa: SIM115 - kept open
        data = pickle.dumps(text, protocol=pickle.HIGHEST_PROTOCOL)
        offset = self.file.tell()
        self.file.write(data)
        self.file.flush()  # the build process reads it back from the file
        return Spooled(str(self.folder / f"{self.pid}.spool"), offset, len(data))


class TextSpool(MutableMapping[str, Any]):
    """One variant's texts by page (``dest_uri``): set a text or a ``Spooled`` place, get the text back."""

    def __init__(self, writer: SpoolWriter) -> None:
        self.writer = writer
        self.places: dict[str, Spooled] = {}

    def __getitem__(self, dest_uri: str) -> Any:
        return self.places[dest_uri].load()

    def __setitem__(self, dest_uri: str, text: Any) -> None:
        self.places[dest_uri] = text if isinstance(text, Spooled) else self.writer.spool(text)

    def __delitem__(self, dest_uri: str) -> None:
        del self.places[dest_uri]

    def __contains__(self, dest_uri: object) -> bool:
        return dest_uri in self.places

    def __iter__(self) -> Iterator[str]:
        return iter(self.places)

    def __len__(self) -> int:
        return len(self.places)


class Spool:
    """The spool of one build: a temporary folder, a ``TextSpool`` per variant.

    The folder lives as long as the spool (whatever still reads the texts after the search index,
    like a dirty build's record of its pages, finds them) and is removed with it, or when the
    process that made it exits; never by a forked worker's copy.
    """

    def __init__(self, codes: list[str]) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="zhudu-texts-"))
        self.writer = SpoolWriter(self.folder)
        self.variants: dict[str, TextSpool] = {code: TextSpool(self.writer) for code in codes}
        self.removal = weakref.finalize(self, _remove_folder, self.folder, os.getpid())

    def place(self, texts: tuple[tuple[str, Any], ...]) -> tuple[tuple[str, Spooled], ...]:
        """Spool a page's texts (in a page writer); returns where each is."""
        return tuple((code, self.writer.spool(text)) for code, text in texts)

    def remove(self) -> None:
        """Delete the files now."""
        self.removal()


def _remove_folder(folder: Path, owner: int) -> None:
    if os.getpid() == owner:
        shutil.rmtree(folder, ignore_errors=True)
