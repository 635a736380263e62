"""The record of what a dirty build wrote into a site folder, for the next dirty build into it.

One JSON file per site folder in the cache folder (``incremental.Outputs``): each page's digest and
what its skipped output needs put back (``Kept``), the files written, the conversion rules.  Under
``mkdocs serve`` the next build is in the same process: the record it would read is the one this
process just wrote, so it is kept as the objects written (``RecordFiles``) while the file is that
file (same inode, size and modification time).  Parsing it again made a new ``Kept`` for every
page on every save: objects that outlive the save, which Python's full cyclic collection walks.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Version of the record file's layout (2: each page's digest without the conversion rules, and the rules).
RECORD_VERSION = 2


@dataclass
class Kept:
    """What a skipped page's output needs put back: its sitemap entry and searchable texts."""

    digest: str
    url: str
    lastmod: str | None
    searchable: bool
    indexed: bool
    base: str = ""  # the digest without the conversion rules (``plan_pages``)


@dataclass
class Record:
    """A record as read: pages by dest_uri, the files owned, the rules (None: unknown)."""

    pages: dict[str, Kept]
    owned: list[str]
    rules: dict[str, str] | None


class RecordFiles:
    """Records read and written by this process, by path: the last one written is not parsed again."""

    def __init__(self) -> None:
        self.written: dict[Path, tuple[tuple[int, int, int], Record]] = {}
        #: The pages the last build registered (``Site.pages``), put back for those it left as written.
        self.registered: dict[str, Any] = {}
        #: The owned list last written, and its JSON text (``write``).
        self.owned_text: tuple[list[str] | None, str] = (None, "")

    def read(self, path: Path) -> Record | None:
        """The record at ``path`` (None: none, unreadable or of another version)."""
        try:
            signature = _signature(path)
        except OSError:
            return None
        kept = self.written.get(path)
        if kept is not None and kept[0] == signature:
            return kept[1]
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("version") != RECORD_VERSION:
            return None
        pages, owned, rules = data.get("pages", {}), data.get("owned", []), data.get("rules")
        if not _well_formed(pages, owned, rules):  # another program's or a damaged file: none
            return None
        return Record({uri: Kept(*entry) for uri, entry in pages.items()}, owned, rules)

    def write(
        self, path: Path, pages: Mapping[str, Kept], owned: Iterable[str], rules: dict[str, str]
    ) -> None:
        """Write a record (a temporary file renamed over it); on failure the old one is forgotten."""
        last = self.written.pop(path, None)
        owned = in_order(owned, last[1].owned if last is not None else [])
        entries = {
            uri: [k.digest, k.url, k.lastmod, k.searchable, k.indexed, k.base] for uri, k in pages.items()
        }
        if self.owned_text[0] is not owned:  # three writes a save, most often of the same list
            self.owned_text = (owned, json.dumps(owned))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(
                f'{{"version": {RECORD_VERSION}, "pages": {json.dumps(entries)}, '
                f'"owned": {self.owned_text[1]}, "rules": {json.dumps(rules)}}}',
                encoding="utf-8",
            )
            os.replace(tmp, path)
            self.written[path] = (_signature(path), Record(dict(pages), owned, dict(rules)))
        except OSError:  # no record: the next dirty build writes every page again
            pass


def in_order(paths: Iterable[str], last: list[str]) -> list[str]:
    """``paths`` sorted, without duplicates: ``last`` itself (sorted) when they are its paths.

    A save that adds and removes no file owns what the last one did (~32,000 paths at 3,000 notes,
    sorted twice a save before).
    """
    found = paths if isinstance(paths, (set, frozenset)) else set(paths)
    if len(found) == len(last) and found.issuperset(last):
        return last
    return sorted(found)


def _well_formed(pages: Any, owned: Any, rules: Any) -> bool:
    """Whether a record's parts have the shapes ``write`` gives them."""
    return (
        isinstance(pages, dict)
        and all(isinstance(e, list) and 5 <= len(e) <= 6 for e in pages.values())
        and isinstance(owned, list)
        and all(isinstance(path, str) for path in owned)
        and (rules is None or (isinstance(rules, dict) and all(isinstance(r, str) for r in rules.values())))
    )


def _signature(path: Path) -> tuple[int, int, int]:
    """What tells the file written from any other put in its place."""
    found = os.stat(path)
    return found.st_ino, found.st_size, found.st_mtime_ns
