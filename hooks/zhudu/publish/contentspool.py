"""Note pages' HTML kept on disk from their render to their page (``mkdocs build``).

MkDocs renders every page's Markdown before it writes the first page, and each ``Page`` holds its
HTML until then: at 3,000 notes about 80 MiB of strings (most notes hold a character outside the
BMP, so four bytes a character), the build process's largest holding when the page writers are
largest.  Instead ``on_page_content`` hands a note's HTML here and leaves the page empty; the page
takes it back in ``on_page_context``, the first event of MkDocs' page loop, where the page is
written and the HTML let go (``pages.post_page``).  The digest of the HTML (what ``page_digests``
keys a page's output by) is taken as it is spooled, so the plan in ``on_env`` needs no HTML.
``mkdocs serve`` does not use this: its pages keep their render's string from save to save.
"""

from __future__ import annotations

import os
import tempfile
import weakref
from pathlib import Path

from zhudu import cache


class ContentSpool:
    """Pages' HTML by ``dest_uri`` in one temporary file, each read back once."""

    def __init__(self) -> None:
        handle, name = tempfile.mkstemp(prefix="zhudu-content-", suffix=".html")
        self.path = Path(name)
        self.file = os.fdopen(handle, "w+b")
        self.places: dict[str, tuple[int, int, str]] = {}  # dest_uri → offset, length, digest
        self.removal = weakref.finalize(self, _remove, self.file, self.path, os.getpid())

    def put(self, dest_uri: str, html: str) -> None:
        """Keep ``html`` as the page's (written at the end of the file)."""
        data = html.encode("utf-8", "surrogatepass")  # as ``cache.digest`` encodes it: the same digest
        offset = self.file.seek(0, os.SEEK_END)
        self.file.write(data)
        self.places[dest_uri] = (offset, len(data), cache.digest(data))

    def digest(self, dest_uri: str) -> str | None:
        """The digest of the page's HTML (``cache.digest``) while it waits here; None: not here."""
        place = self.places.get(dest_uri)
        return place[2] if place is not None else None

    def take(self, dest_uri: str) -> str | None:
        """The page's HTML, no longer kept here; None: not here."""
        place = self.places.pop(dest_uri, None)
        if place is None:
            return None
        self.file.seek(place[0])
        return self.file.read(place[1]).decode("utf-8", "surrogatepass")

    def remove(self) -> None:
        """Delete the file now."""
        self.removal()


def _remove(file: object, path: Path, owner: int) -> None:
    if os.getpid() == owner:  # never by a forked worker's copy
        file.close()  # type: ignore[attr-defined]
        path.unlink(missing_ok=True)
