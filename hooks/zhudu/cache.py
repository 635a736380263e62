"""Per-note artifacts kept on disk under a content-hash key, so a build redoes only what changed.

The first artifact kept is a note page's rendered Markdown: its HTML, its table of contents, what
Zhudu's Markdown extensions recorded (passages, placed editor's notes, glossary occurrences) and
the log records the render emitted (replayed on reuse, so ``--strict`` fails the same way).  A
key is the SHA-256 of everything the render reads: the page's Markdown and location, which of its
relative links exist, the build inputs (mkdocs.yml, every editorial file, serve or build) and the
code (Zhudu's modules and the versions of the libraries that render).  Nothing else is trusted, so
deleting the folder is always safe and a stale entry is never used: a changed input is a new key.

Entries are pickled, compressed, and written to a temporary file then renamed, so a build that
stops half way leaves whole entries or none.  A damaged entry is a miss.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import pickle
import posixpath
import re
import shutil
import tempfile
import threading
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from zhudu import fragments
from zhudu.render_log import LogCapture, replay

#: Libraries whose version changes what a render produces.
RENDERING_PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "markdown",
    "pymdown-extensions",
    "opencc",
    "nh3",
    "pygments",
    "latex2mathml",  # a note's formulas (notes/mathml.py)
    "pypinyin",  # the glossary's order (annotate/glossary/collation.py)
)
#: A relative link or image target in Markdown (``](target`` or ``](<target>``): MkDocs checks it
#: against the site's files while rendering, so whether it exists is part of the key.
_RELATIVE_TARGET_RE = re.compile(
    r"""(?:\]\(|^[ ]{0,3}\[[^\]\n]+\]:)[ \t]*<?(?P<target>(?![a-zA-Z][a-zA-Z0-9+.-]*:|[#/])[^)\s>#?]+)""",
    re.MULTILINE,
)


@functools.cache
def code_version() -> str:
    """A digest of Zhudu's own modules and data files, and the rendering libraries' versions."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    for path in fragments.partial_paths():  # the HTML the modules write comes from these
        digest.update(path.read_bytes())
    for name in RENDERING_PACKAGES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-".encode())
    return digest.hexdigest()


def unusable(root: Path) -> str | None:
    """Why the cache folder cannot keep anything (a file in its place, not writable), or None."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=root):  # what every entry needs: a new file in it
            pass
    except FileExistsError:
        return "is a file, not a folder: delete it (the cache is made again)"
    except OSError as exc:
        return f"cannot be written ({exc.strerror}): make it writable, or set extra.zhudu.cache_dir"
    return None


def digest(*parts: str | bytes) -> str:
    """SHA-256 of ``parts``, each length-prefixed (so no two lists of parts collide)."""
    out = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        out.update(len(data).to_bytes(8, "big"))
        out.update(data)
    return out.hexdigest()


def kept_digest(facts: dict[Any, Any] | None, name: str, *parts: str) -> str:
    """``digest(*parts)``, kept in ``facts`` under ``name`` and taken from there while the parts are equal.

    ``facts``: values kept for one Markdown string (``serving.Remembered.facts``): an unchanged
    note's keys are made of the same strings save after save, and were hashed again on every one.
    """
    kept = facts.get(name) if facts is not None else None
    if kept is not None and kept[0] == parts:
        return kept[1]  # type: ignore[no-any-return]
    found = digest(*parts)
    if facts is not None:
        facts[name] = (parts, found)
    return found


def files_digest(paths: Iterable[Path]) -> str:
    """The names and bytes of ``paths`` (a missing file counts as missing)."""
    parts: list[str | bytes] = []
    for path in sorted(paths):
        parts.append(path.name)
        parts.append(path.read_bytes() if path.is_file() else b"\x00missing")
    return digest(*parts)


def relative_targets(markdown: str, src_uri: str, exists: Any, facts: dict[Any, Any] | None = None) -> str:
    """Which of the page's relative link targets exist among the site's files (``exists(uri)``).

    ``facts``: kept values of this very Markdown string (``serving.Remembered.facts``): its targets.
    """
    folder = posixpath.dirname(src_uri) or "."  # PurePosixPath(src_uri).parent's, without the object
    if facts is None or (targets := facts.get("targets")) is None:
        targets = tuple(m["target"] for m in _RELATIVE_TARGET_RE.finditer(markdown))
        if facts is not None:
            facts["targets"] = targets
    found = []
    for target in targets:  # joined as strings: a path object per link cost more
        target = posixpath.normpath(posixpath.join(folder, target))
        found.append(f"{target}={bool(exists(target))}")
    return "\n".join(sorted(set(found)))


#: Kinds kept as their pickle, not deflated: what a cold build keeps of every note (its normalised
#: note, its render) and the pre-render worker hands over through the cache.  Deflating them was
#: a third of their cost (0.12 s CPU at 300 notes, and inflating them again) to save ~20 KB a
#: note, where the page copies kept beside them are ~400 KB a note as written.
PLAIN_KINDS = frozenset({"note", "render", "render-serve"})
_PICKLE_START = pickle.PROTO  # the opcode a pickle of protocol 2 or later starts with (zlib's: "x")


class ArtifactCache:
    """Artifacts of one kind per folder (``<root>/<kind>/<key>``), pickled; deflated unless in ``PLAIN_KINDS``.

    The folder is flat: a cold build at 300 notes keeps ~1,100 entries, and a two-character
    subfolder per key prefix (the older layout) made ~560 more folders, each a new inode (150–180 µs
    of kernel CPU apiece on this project's build machine).  Entries of the older layout are never
    read (a miss: built again); ``stored`` lists them so the sweeps can remove them.
    """

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.hits = 0
        self.misses = 0
        self.folders: set[Path] = set()  # made or found by this cache (``_replace``)
        self.used: dict[str, set[str]] = {}  # keys asked for or kept, by kind: ``cache_sweep`` keeps them

    def get(self, kind: str, key: str) -> Any | None:
        """The artifact, or None (disabled, missing or unreadable)."""
        if self.root is None:
            return None
        self.used.setdefault(kind, set()).add(key)
        try:
            data = self._path(kind, key).read_bytes()
            value = pickle.loads(data if data[:1] == _PICKLE_START else zlib.decompress(data))
        except Exception:  # a missing or damaged entry is a miss, whatever went wrong
            self.misses += 1
            return None
        self.hits += 1
        return value

    def has(self, kind: str, key: str) -> bool:
        """Whether an artifact is kept (it may still turn out unreadable: ``get`` says)."""
        return self.root is not None and self._path(kind, key).is_file()

    def put(self, kind: str, key: str, value: Any) -> None:
        """Keep ``value``; a file system that refuses leaves the cache without it."""
        if self.root is None:
            return
        self.used.setdefault(kind, set()).add(key)
        path = self._path(kind, key)
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):  # kept nowhere: built again next time
            return
        if kind not in PLAIN_KINDS:
            data = zlib.compress(data, 1)
        with contextlib.suppress(OSError):  # a full disk, a read-only folder: the build goes on without it
            _replace(path, (data,), self.folders)

    def _path(self, kind: str, key: str) -> Path:
        assert self.root is not None
        return self.root / kind / key

    def stored(self, kind: str) -> list[Path]:
        """The files kept for ``kind``: its entries, and those of the older layout (``<kind>/<key[:2]>/<key>``).

        Never through a symbolic link (a linked folder or file may be anything on the disk).
        """
        folder = self.root / kind if self.root is not None else None
        if folder is None or folder.is_symlink() or not folder.is_dir():
            return []
        found = []
        with contextlib.suppress(OSError):  # removed meanwhile: nothing kept
            for path in folder.iterdir():
                if path.is_symlink():
                    continue
                if path.is_file():
                    found.append(path)
                elif _OLD_SHARD_RE.fullmatch(path.name) and path.is_dir():
                    found += (old for old in path.iterdir() if not old.is_symlink() and old.is_file())
        return found


#: A folder of the older layout, which kept each entry under its key's first two characters.
_OLD_SHARD_RE = re.compile(r"[0-9a-f]{2}")


def remove_unused(paths: Iterable[Path], used_since: float, shards: bool) -> int:
    """Remove the entries among ``paths`` last used before ``used_since``; ``shards``: look into older-layout folders.

    An older layout's folder goes once it is empty (it keeps its mtime while its entries age).
    """
    removed = 0
    for entry in paths:
        try:
            if entry.is_symlink():
                continue
            if shards and entry.is_dir() and _OLD_SHARD_RE.fullmatch(entry.name):
                removed += remove_unused(list(entry.iterdir()), used_since, shards=False)
                with contextlib.suppress(OSError):  # not empty: a build of the older code used it lately
                    entry.rmdir()
                continue
            if entry.lstat().st_mtime >= used_since:
                continue
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink()
        except OSError:  # gone already
            continue
        removed += 1
    return removed


class WrittenFiles(ArtifactCache):
    """Files a build wrote, kept by key as they were written (not compressed): one cache file per entry.

    An entry is one file: a header (each written file's length and SHA-256, and a pickled record)
    followed by the files' bytes as written.  It is written to a temporary file and renamed into
    place, so an entry is whole or absent; restoring a page reads that page's entry only.  On a
    cold build the cache costs one more write per page (compressing the copies cost a page writer
    a tenth of its time; a folder of files per page cost a file per variant and a rename of the
    folder); on a hit each copy is checked against its digest and written.  A damaged entry is a
    miss.
    """

    def restore(self, kind: str, key: str, targets: Sequence[Path]) -> Any | None:
        """Write ``targets`` from the entry kept under ``key``; returns its record, or None (a miss)."""
        if self.root is None:
            return None
        entry = self.load(kind, key)
        if entry is None or len(entry[0]) != len(targets):  # a miss, or another number of files
            self.misses += 1
            return None
        blobs, record = entry
        for target, blob in zip(targets, blobs, strict=True):
            write_file(target, blob)
        self.hits += 1
        with contextlib.suppress(OSError):  # used now: ``sweep`` keeps it
            os.utime(self._path(kind, key))
        return record

    def load(self, kind: str, key: str) -> tuple[list[bytes], Any] | None:
        """The files and the record kept under ``key``, each file checked against its digest; None: a miss."""
        if self.root is None:
            return None
        try:
            return _unpack_entry(self._path(kind, key).read_bytes())
        except Exception:  # missing, damaged or from an older layout: a miss
            return None

    def sweep(self, kind: str, used_since: float) -> int:
        """Remove the entries of ``kind`` no build used since ``used_since`` (a ``time.time()``); returns how many.

        Each entry is keyed by a page's whole content, so every edit adds one and nothing would
        ever be dropped: called after a full build, which restored (touched) or kept every entry
        the site now needs, it leaves one site's worth of pages.  Leftovers of an interrupted
        ``keep`` (temporary files) and entries of the older layouts (two-character folders, a
        folder of files per entry) go too.
        """
        if self.root is None or not (self.root / kind).is_dir():
            return 0
        return remove_unused((self.root / kind).iterdir(), used_since, shards=True)

    def keep(self, kind: str, key: str, blobs: Sequence[bytes], record: Any) -> None:
        """Keep the bytes of the files just written, and ``record`` (pickled), under ``key``."""
        if self.root is None:
            return
        path = self._path(kind, key)
        try:
            header = pickle.dumps(
                ([(len(blob), hashlib.sha256(blob).digest()) for blob in blobs], record),
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        except (pickle.PicklingError, TypeError, AttributeError):  # kept nowhere: built again next time
            return
        with contextlib.suppress(OSError):  # a full disk, a read-only folder: the build goes on without it
            _replace(path, (ENTRY_MAGIC + len(header).to_bytes(8, "big") + header, *blobs), self.folders)


#: The first bytes of a ``WrittenFiles`` entry (a file of another layout is a miss).
ENTRY_MAGIC = b"zhudu-written-1\n"


def _unpack_entry(data: bytes) -> tuple[list[bytes], Any]:
    """The files and the record of a ``WrittenFiles`` entry; ValueError when it is damaged."""
    if not data.startswith(ENTRY_MAGIC):
        raise ValueError("not an entry")
    at = len(ENTRY_MAGIC) + 8
    header_end = at + int.from_bytes(data[len(ENTRY_MAGIC) : at], "big")
    files, record = pickle.loads(data[at:header_end])
    blobs, at = [], header_end
    for length, sha256 in files:
        blob = data[at : at + length]
        if len(blob) != length or hashlib.sha256(blob).digest() != sha256:
            raise ValueError("a damaged file")
        blobs.append(blob)
        at += length
    if at != len(data):
        raise ValueError("trailing bytes")
    return blobs, record


def write_file(target: Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``target``, making its folder."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def _replace(path: Path, chunks: Iterable[bytes], folders: set[Path]) -> None:
    """Put ``chunks`` at ``path`` whole or not at all: written beside it under a temporary name, then renamed.

    The temporary name is this process's and thread's (``.new-PID-THREAD-NAME``; ``WrittenFiles.sweep``
    removes a page entry's left by a cut-off write), so no two writers share one.  ``folders``: the
    folders this cache made or found before, which are not asked for again (a failed ``mkdir`` per
    entry); one removed since (the cache deleted while serving) is made again when the write fails.
    """
    folder = path.parent
    if folder not in folders:
        folder.mkdir(parents=True, exist_ok=True)
        folders.add(folder)
    tmp = path.with_name(f".new-{os.getpid()}-{threading.get_ident()}-{path.name}")
    try:
        file = tmp.open("wb")
    except FileNotFoundError:
        folder.mkdir(parents=True, exist_ok=True)
        file = tmp.open("wb")
    try:
        with file:
            file.writelines(chunks)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- rendered note pages


@dataclass(frozen=True)
class RenderedNote:
    """What rendering a note page's Markdown gave: everything the build reads afterwards."""

    html: str
    toc: Any  # mkdocs.structure.toc.TableOfContents
    records: tuple[Any, ...]  # what Zhudu's Markdown extensions recorded (see the hook)
    log: tuple[logging.LogRecord, ...]
    #: ``page.title`` after the render: a page without a ``title`` in its metadata takes its first
    #: heading's, which MkDocs finds only while rendering.
    title: str | None = None


class NoteRenders:
    """Note pages' rendered Markdown, reused when nothing the render reads has changed.

    ``before`` is called with the Markdown MkDocs is about to render: on a hit the render's log is
    replayed and the caller gives MkDocs nothing to render; on a miss the log is captured.
    ``after`` is called with what MkDocs rendered: it returns the render to use (the kept one on
    a hit) and keeps a new one.
    """

    def __init__(self, store: ArtifactCache, inputs: str, kind: str = "render") -> None:
        self.store, self.kind = store, kind  # serve's renders apart: a build's sweep would remove them
        self.inputs = inputs
        self._reused: RenderedNote | None = None
        self._pending: tuple[str, LogCapture, logging.Logger] | None = None

    def before(
        self,
        note_id: str,
        source: str,
        markdown: str,
        src_uri: str,
        url: str,
        exists: Any,
        facts: dict[Any, Any] | None = None,
    ) -> bool:
        """Whether the page's last render can be reused (then render nothing).

        ``source`` is the digest of the note's file: the render's messages name its lines, which
        move when the front matter above the Markdown does.  ``facts``: values kept for this very
        Markdown string (``serving.Remembered.facts``), its digest and link targets among them.
        """
        self.abandon()
        if facts is None or (text := facts.get("digest")) is None:
            text = digest(markdown)
            if facts is not None:
                facts["digest"] = text
        targets = relative_targets(markdown, src_uri, exists, facts)
        key = kept_digest(facts, "render key", self.inputs, note_id, source, src_uri, url, text, targets)
        logger = logging.getLogger("mkdocs")
        # mkdocs build -q logs no warning, so a render it keeps holds none to replay: it is kept under a key
        # of its own, which only a quiet build reads (a --strict build after it renders again and warns).
        quiet = not logger.isEnabledFor(logging.WARNING)
        quiet_key = digest(key, "quiet") if quiet else None
        for candidate in (key, quiet_key) if quiet_key else (key,):
            hit = self.store.get(self.kind, candidate)
            if isinstance(hit, RenderedNote):
                replay(hit.log)
                self._reused = hit
                return True
        capture = LogCapture()
        logger.addHandler(capture)
        self._pending = (quiet_key or key, capture, logger)
        return False

    def reusing(self) -> bool:
        """Whether the last ``before`` found a render to reuse (``after`` not called yet)."""
        return self._reused is not None

    def after(
        self,
        html: str,
        toc: Any,
        records: tuple[Any, ...],
        title: str | None = None,
        finish: Callable[[str], str] | None = None,
    ) -> RenderedNote:
        """The render to use for the page ``before`` was last called for (``title``: the page's, as rendered).

        ``finish`` is what ``on_page_content`` does to the HTML (links marked, a Traditional note
        converted): a function of the render's key, so it is kept done and a reused render's HTML
        is the very string of the last build (``page_digests`` knows its digest by it).
        """
        if self._reused is not None:
            reused, self._reused = self._reused, None
            return reused
        if finish is not None:
            html = finish(html)
        rendered = RenderedNote(html=html, toc=toc, records=records, log=(), title=title)
        if self._pending is not None:
            key, capture, logger = self._pending
            logger.removeHandler(capture)
            self._pending = None
            rendered = RenderedNote(
                html=html, toc=toc, records=records, log=tuple(capture.records), title=title
            )
            self.store.put(self.kind, key, rendered)
        return rendered

    def abandon(self) -> None:
        """Stop a capture whose page never reached ``after`` (a failed render)."""
        if self._pending is not None:
            self._pending[2].removeHandler(self._pending[1])
        self._pending = None
        self._reused = None
