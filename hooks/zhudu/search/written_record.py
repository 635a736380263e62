"""What the last build wrote of the search index into a site folder, kept for the next ``mkdocs build --dirty``.

``search/writing.py`` writes only the files whose bytes changed, from a record of what the last write
into the same folder left there (each folder's name, its files' SHA-256s and sizes).  ``mkdocs serve``
keeps that record in memory between saves; a ``mkdocs build`` is a new process, which had none, so
every dirty build after an edit wrote the whole index into new folders (a family's folder is named
by its files' SHA-256s) and removed the old ones: at 3,000 notes 12,900 files deflated, written and
deleted for one edited note.  Here the record is kept in the cache folder, one entry per site
folder, and a dirty build starts from it: the old folders are renamed and only the changed files
written, as under serve.

The entry is trusted only as far as the disk agrees: a folder is taken from it only when it holds
exactly the files the record names, each of the recorded size (else that folder is compared with
the disk as before), and it is made under this code (the stored bytes of a JSON text are this
code's).  Like the dirty build's page record (``incremental.Outputs.open``) it is cleared before
the write and kept again only after the write succeeded, so a build that fails half way leaves
none.  A clean build keeps its record too: a dirty build into its folder then starts from it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from zhudu import cache
from zhudu.search import writing

#: The cache's kind (``cache.ArtifactCache``): one entry per site folder, the last build's.
KIND = "search-written"
#: Version of the entry's layout.
FORMAT = 1


class WrittenRecord:
    """The search index's write record of one site folder, read before the write and kept after it."""

    def __init__(self, cache_dir: Path | None, site_dir: Path) -> None:
        self.store = cache.ArtifactCache(cache_dir)
        self.site_dir = site_dir
        self.key = cache.digest(KIND, os.path.abspath(site_dir))

    @classmethod
    def open(cls, cache_dir: Path | None, site_dir: Path, dirty: bool) -> WrittenRecord | None:
        """A build's record (None: no cache folder); a dirty build starts from the last one that the disk confirms."""
        if cache_dir is None:
            return None
        record = cls(cache_dir, site_dir)
        entry = record.store.get(KIND, record.key) if dirty else None
        if entry is not None:
            record.store.put(KIND, record.key, None)  # not trusted again until this write succeeds
        if dirty and not writing.written_record(site_dir):
            writing.adopt_record(site_dir, confirmed(entry, site_dir))
        return record

    def keep(self) -> None:
        """The write succeeded: what it left is the next dirty build's record."""
        self.store.put(KIND, self.key, (FORMAT, cache.code_version(), writing.written_record(self.site_dir)))


def confirmed(entry: Any, site_dir: Path) -> dict[Any, Any]:
    """The folders of a kept entry that hold what it says (names and sizes); any other entry gives none."""
    if not (isinstance(entry, tuple) and len(entry) == 3 and entry[:2] == (FORMAT, cache.code_version())):
        return {}
    record = entry[2]
    if not isinstance(record, dict):
        return {}
    return {key: value for key, value in record.items() if _holds(key, value, site_dir)}


def _holds(key: Any, value: Any, site_dir: Path) -> bool:
    """Whether one recorded folder is on disk as recorded (a family's folder: those files and no other)."""
    try:
        parent, family, _ = key
        folder_name, files, names = value
        folder = parent / folder_name
        if not (isinstance(folder, Path) and folder.is_relative_to(site_dir) and isinstance(names, list)):
            return False
        with os.scandir(folder) as entries:
            on_disk = {
                e.name: e.stat(follow_symlinks=False).st_size
                for e in entries
                if e.is_file(follow_symlinks=False)
            }
        if family and set(on_disk) != set(files):
            return False
        return all(on_disk.get(name) == size for name, (_, size) in files.items())
    except (OSError, TypeError, ValueError):
        return False
