"""What a ``mkdocs serve`` process keeps in memory from one rebuild to the next.

MkDocs rebuilds the whole site on every save, in the same process.  The artifacts a rebuild
reads back from the cache folder (note renders, the searchable texts of pages left as written)
are the ones the last rebuild read or wrote, and unpickling them was a tenth of a save at 500
notes; Jinja compiled every template again for each rebuild's new environment.  Both are kept
here between rebuilds, under the same keys as on disk (a content hash, so a changed input is a
new key) and the template's source checksum (Jinja's own check).  Only what the last two builds
used is kept, so a long session does not grow.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from zhudu import cache


class Remembered:
    """Artifacts by (kind, key), kept for two builds: those used by this one and by the last."""

    def __init__(self) -> None:
        self.current: dict[tuple[str, str], Any] = {}
        self.previous: dict[tuple[str, str], Any] = {}

    def start(self) -> None:
        """A new build: what the build before last used and the last did not is dropped."""
        self.previous, self.current = self.current, {}

    def get(self, kind: str, key: str) -> Any | None:
        """The artifact, when this build or the last used it."""
        value = self.current.get((kind, key))
        if value is None and (value := self.previous.get((kind, key))) is not None:
            self.current[(kind, key)] = value
        return value

    def keep(self, kind: str, key: str, value: Any) -> None:
        """Remember ``value`` (the caller must not change it afterwards: artifacts are values)."""
        self.current[(kind, key)] = value


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


class TemplateCode(BytecodeCache):
    """Jinja's compiled templates, kept in memory; Jinja recompiles one whose source changed."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` when its template was compiled before (Jinja checks the source's checksum)."""
        if (data := self.code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a compiled template."""
        self.code[bucket.key] = bucket.bytecode_to_string()


#: The artifacts of this process's last builds (``mkdocs serve``).
ARTIFACTS = Remembered()
#: Compiled templates of this process (``mkdocs serve``).
TEMPLATES = TemplateCode()
