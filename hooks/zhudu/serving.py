"""What a ``mkdocs serve`` process keeps in memory from one rebuild to the next.

MkDocs rebuilds the whole site on every save, in the same process.  The artifacts a rebuild
reads back from the cache folder (note renders, the searchable texts of pages left as written)
are the ones the last rebuild read or wrote, and unpickling them was a tenth of a save at 500
notes; Jinja compiled every template again for each rebuild's new environment.  Both are kept
here between rebuilds (compiled templates also on disk, for the next process), under the same keys as on disk (a content hash, so a changed input is a
new key) and the template's source checksum (Jinja's own check).  Only what the last two builds
used is kept, so a long session does not grow.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

from zhudu import cache
from zhudu.publish.records import RecordFiles
from zhudu.publish.theme_digests import ThemeDigests
from zhudu.search.persist import DiskAssembly
from zhudu.themes.scans_store import DiskScans


class Remembered:
    """Artifacts by (kind, key), kept for two builds: those used by this one and by the last."""

    def __init__(self) -> None:
        # By kind, then key: a (kind, key) tuple per artifact would be a new object every save.
        self.current: dict[str, dict[str, Any]] = {}
        self.previous: dict[str, dict[str, Any]] = {}
        self.texts: tuple[dict[int, tuple[str, dict[Any, Any]]], ...] = ({}, {})

    def start(self) -> None:
        """A new build: what the build before last used and the last did not is dropped."""
        self.previous, self.current = self.current, {}
        self.texts = ({}, self.texts[0])

    def facts(self, text: str) -> dict[Any, Any]:
        """Values made from ``text`` alone (its digest, its link targets), kept by the string object.

        An unchanged note's Markdown is the same string from save to save (the note is kept,
        ``notes/reads.py``): hashing and scanning every note's again was a fifth of a 3,000-note
        save.  The string is kept with its values, so its ``id`` names no other while they are.
        """
        kept = self.texts[0].get(id(text)) or self.texts[1].get(id(text)) or (text, {})
        self.texts[0][id(text)] = kept
        return kept[1]

    def get(self, kind: str, key: str) -> Any | None:
        """The artifact, when this build or the last used it."""
        current = self.current.get(kind)
        value = current.get(key) if current is not None else None
        if value is None and (value := self.previous.get(kind, {}).get(key)) is not None:
            self.keep(kind, key, value)
        return value

    def keep(self, kind: str, key: str, value: Any) -> None:
        """Remember ``value`` (the caller must not change it afterwards: artifacts are values)."""
        self.current.setdefault(kind, {})[key] = value


class RememberingCache(cache.ArtifactCache):
    """The artifact cache, read from memory first when an earlier build of this process had the entry."""

    #: Kinds only ever read from disk: a written page's files are as large as the site.
    ON_DISK_ONLY = frozenset({"written", "note"})  # notes: ``reads.NOTE_READS`` keeps its own

    def __init__(self, root: Path | None, memory: Remembered) -> None:
        super().__init__(root)
        self.memory = memory

    def get(self, kind: str, key: str) -> Any | None:
        """The artifact from memory, else from disk (and remembered)."""
        value = self.memory.get(kind, key) if self._remembered(kind) else None
        if value is not None:
            self.hits += 1
            self.used.setdefault(kind, set()).add(key)  # in use: ``cache_sweep`` keeps it on disk
            return value
        value = super().get(kind, key)
        if value is not None and self._remembered(kind):
            self.memory.keep(kind, key, value)
        return value

    def has(self, kind: str, key: str) -> bool:
        """Whether an artifact is kept, in memory or on disk."""
        return (self._remembered(kind) and self.memory.get(kind, key) is not None) or super().has(kind, key)

    def put(self, kind: str, key: str, value: Any) -> None:
        """Keep ``value`` on disk and in memory."""
        super().put(kind, key, value)
        if self._remembered(kind):
            self.memory.keep(kind, key, value)

    def _remembered(self, kind: str) -> bool:
        return self.root is not None and kind not in self.ON_DISK_ONLY


@dataclass
class KeptOnDisk:
    """What a serve keeps in the cache folder for the next ``mkdocs serve``: its search assembly and theme scans.

        Each serve build hands it to the next (``Build.configure``), so a save's change is written once,
        when the server stops (``on_shutdown``).  The dirty build's record of the site folder is written
        by every build; the next one reads the objects written, not the file (``publish/records.py``); the theme
    pages' digests are kept for the next plan (``publish/theme_digests.py``).
    """

    search: DiskAssembly = field(default_factory=DiskAssembly)
    scans: DiskScans = field(default_factory=DiskScans)
    records: RecordFiles = field(default_factory=RecordFiles)
    theme_digests: ThemeDigests = field(default_factory=ThemeDigests)  # memory only, like ``records``

    def save_on_stop(self) -> None:
        """The server stops: write what saves changed since it was written."""
        self.search.save_on_stop()
        self.scans.save_on_stop()


class TemplateCode(FileSystemBytecodeCache):
    """Jinja's compiled templates: in memory for this process, on disk for the next one.

    MkDocs makes a new Jinja environment for every build, and a new process (``mkdocs build``, a
    new ``mkdocs serve``) compiled Material's templates again before writing its first page.
    Jinja checks a kept template's source checksum and its own bytecode version; the folder is
    named by the versions of Jinja, MkDocs (which makes the environment) and Python, so an upgrade
    starts a new one.  A folder that cannot be written leaves the templates in memory.  The memory
    is the process's, shared by every folder (``compiled``): a process that builds several sites
    (a test run, a script) compiles each template once, and each folder still gets its files.
    """

    def __init__(self, directory: Path | None, compiled: dict[str, bytes]) -> None:
        self.code = compiled
        self.on_disk = directory is not None
        #: What this folder holds, by key, as far as this process knows: the compile it read or wrote.
        self.in_folder: dict[str, bytes] = {}
        if directory is not None:
            try:
                directory.mkdir(parents=True, exist_ok=True)
            except OSError:
                self.on_disk = False
        super().__init__(str(directory) if self.on_disk else ".")

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` when its template was compiled before (Jinja checks the source's checksum)."""
        if (data := self.code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(data)
            if bucket.code is not None and self.in_folder.get(bucket.key) is not data:
                # Compiled for another folder (first, or again after an edit): this one gets that file too.
                self._write(bucket, data)
        elif self.on_disk:
            super().load_bytecode(bucket)
            if bucket.code is not None:
                self.code[bucket.key] = self.in_folder[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a compiled template, in memory and on disk."""
        data = self.code[bucket.key] = bucket.bytecode_to_string()
        self._write(bucket, data)

    def _write(self, bucket: Bucket, data: bytes) -> None:
        if self.on_disk:
            with contextlib.suppress(OSError):  # a full disk: kept in memory only
                super().dump_bytecode(bucket)
                self.in_folder[bucket.key] = data


def template_code(cache_dir: Path | None) -> TemplateCode:
    """The compiled templates kept in ``cache_dir`` (``templates/<versions>/``), one per folder per process."""
    versions = _compiler_versions()
    folder = None if cache_dir is None else cache_dir / "templates" / versions[:16]
    if (kept := _TEMPLATES.get(folder)) is None:
        kept = _TEMPLATES[folder] = TemplateCode(folder, _COMPILED.setdefault(versions, {}))
    return kept


@functools.cache
def _compiler_versions() -> str:
    """A digest of the versions that compile templates (Jinja, MkDocs, Python), read once per process.

    Those this process imported; a serve save asked the package metadata again for each build.
    """
    return cache.digest(*(f"{name}={metadata.version(name)}" for name in ("jinja2", "mkdocs")), sys.version)


#: The artifacts of this process's last builds (``mkdocs serve``).
ARTIFACTS = Remembered()
#: Compiled templates of this process, by folder (``template_code``).
_TEMPLATES: dict[Path | None, TemplateCode] = {}
#: Compiled templates of this process by the versions that compiled them, shared by the folders (``TemplateCode``).
_COMPILED: dict[str, dict[str, bytes]] = {}
