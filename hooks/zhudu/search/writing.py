"""Writing the search index's files: only those whose bytes changed.

Each folder of shards or fragments is named by a hash of its files' SHA-256s, so an edit that
changes one shard changes the folder's name.  What the last write into a site folder left there
(each folder's name and its files' SHA-256s) is remembered for the process (``mkdocs serve``
writes into the same folder save after save): a folder whose name changed is renamed, then only
the files whose SHA-256 differs are written and the ones no longer named are removed.  Without
that record (a build, the first save) every file is compared with what is on disk.

A family's files (shards, word files, fragments: all but the manifest) are stored deflated
(``<name>.deflate``, zlib's format: what ``DecompressionStream("deflate")`` reads): the worker
fetches them with ``fetch`` and inflates them itself, so they take the bytes gzip would take on the
wire on disk too (Hexo docs: 1.56 → 0.86 MB), and a server that compresses JSON sends them as
they are.  SHA-256s and folder names stay those of the JSON text.  A new ``mkdocs serve`` writes every
file into a new folder: the stored bytes the last serve wrote (``stored_files``, kept with its search
assembly by ``search/persist.py``) are written as they are when their JSON's SHA-256 is the same,
not deflated again (0.9 s CPU for the 4,773 files of 500 notes).
"""

from __future__ import annotations

import os
import re
import zlib
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from zhudu.search.postings import sha

_FILE_RE = re.compile(r"^(?:[buwf]-[0-9a-f]+|manifest\.json)$")
#: How a family's files are stored: ``<n>.json`` is written deflated as ``<n>.deflate``.
STORED_SUFFIX = ".deflate"

#: A file's text (or its UTF-8 bytes), with its SHA-256 when known.
FileText = str | tuple[str | bytes, str]


@dataclass
class WriteStats:
    """What one write did."""

    bytes: int = 0  # of every file of the index as stored, written or not
    files: int = 0  # files written
    renamed: int = 0  # folders renamed
    kept: int = 0  # files left as they were
    compressed: int = 0  # files deflated (not known by their SHA-256 from the last serve)


#: Site folder → (folder of the family, family, variant) → (folder name, file name on disk →
#: (SHA-256 of its text, bytes on disk), the files' names as given, sorted).
_Record = tuple[str, dict[str, tuple[str, int]], list[str]]
_WRITTEN: dict[Path, dict[tuple[Path, str, str], _Record]] = {}


def written_record(site_dir: Path) -> dict[tuple[Path, str, str], _Record]:
    """What the writes of this process into ``site_dir`` left there (``search/written_record.py`` keeps it)."""
    return _WRITTEN.get(site_dir, {})


def adopt_record(site_dir: Path, record: dict[tuple[Path, str, str], _Record]) -> None:
    """Start from ``record`` (what an earlier process's write left in ``site_dir``, checked against the disk)."""
    _WRITTEN[site_dir] = record


def write_index(
    files_by_variant: Iterable[tuple[str, Mapping[str, FileText]]],
    site_dir: Path,
    prefixes: Mapping[str, str],
    deflated: Mapping[str, bytes] | None = None,
) -> WriteStats:
    """Write every variant's index files (``(code, files)`` pairs, each variant before the next is made).

    A file outside the variant's folder (``../``: shared postings) is written once for all variants;
    index files and folders no variant names any more are removed.  ``deflated``: stored bytes by
    their JSON's SHA-256 (``stored_files`` of the last serve), used instead of deflating again.
    """
    stats = WriteStats()
    known_bytes = deflated or {}
    record = _WRITTEN.setdefault(site_dir, {})
    done: set[Path] = set()  # folders written by this call
    named: dict[Path, set[str]] = defaultdict(set)  # search folder → the names it keeps
    for code, files in files_by_variant:
        search_dir = site_dir / prefixes[code] / "search"
        _write_variant(code, files, search_dir, record, stats, known_bytes, done, named)
        named[search_dir].update(n for n in files if "/" not in n)
        del files  # written: not held while the next variant's files are made (the build's peak)
    for folder, keep in named.items():
        _remove_unnamed(folder, keep)
    return stats


def _write_variant(
    code: str,
    files: Mapping[str, FileText],
    search_dir: Path,
    record: dict[tuple[Path, str, str], _Record],
    stats: WriteStats,
    known_bytes: Mapping[str, bytes],
    done: set[Path],
    named: dict[Path, set[str]],
) -> None:
    """One variant's files (``write_index``'s loop), folder by folder: ``done`` and ``named`` are updated."""
    by_folder: dict[str, dict[str, tuple[str | bytes, str]]] = defaultdict(dict)
    for name, value in files.items():
        folder_name, _, file_name = name.rpartition("/")
        by_folder[folder_name][file_name] = value if isinstance(value, tuple) else (value, sha(value))
    # One path per folder, not per file (thousands of files).
    groups = {Path(os.path.normpath(search_dir / name)): group for name, group in by_folder.items()}
    for folder, group in sorted(groups.items()):
        if folder != search_dir:  # a family's folder, in this variant's search/ or the shared one
            named[folder.parent].add(folder.name)
        if folder in done:  # shared postings: once for all variants
            continue
        done.add(folder)
        family = "" if folder == search_dir else folder.name.split("-", 1)[0]
        _write_folder(folder, group, record, (folder.parent, family, code), stats, known_bytes)


def _write_folder(
    folder: Path,
    files: Mapping[str, tuple[str | bytes, str]],
    record: dict[tuple[Path, str, str], _Record],
    key: tuple[Path, str, str],
    stats: WriteStats,
    deflated: Mapping[str, bytes],
) -> None:
    """Bring one folder to ``files`` (name → (text, sha)), from what the last write left if known.

    In a family's folder (``key[1]``) each file is stored deflated (``stored_name``, ``stored``),
    made only for a file that is written or compared with the disk.
    """
    known: dict[str, tuple[str, int]] | None = None
    last = record.get(key)
    if last is not None:
        old = folder.parent / last[0]
        if old == folder and folder.is_dir():
            known = last[1]
        elif old.is_dir() and not folder.exists():
            old.rename(folder)  # the unchanged files move with it
            stats.renamed += 1
            known = last[1]
    if known is None and not folder.exists():  # a new folder (a new serve's): nothing to compare or remove
        known = {}
    deflate = bool(key[1])
    names = sorted(files)
    # A family's folder is named by its files' SHA-256s in order: the same name and the same file
    # names, every file is as the last write left it (no file gone over: ~7,800 at 3,000 notes).
    if deflate and last is not None and known is last[1] and last[0] == folder.name and last[2] == names:
        stats.kept += len(names)
        stats.bytes += sum(size for _, size in known.values())
        return
    folder.mkdir(parents=True, exist_ok=True)
    if deflate and last is not None and known is last[1] and last[2] == names:
        record[key] = (folder.name, _rewrite_changed(folder, files, names, known, stats, deflated), names)
        return
    now: dict[str, tuple[str, int]] = {}
    # The files this folder deflates (written or compared with the disk, their bytes not known): on every
    # CPU, ``DEFLATE_RUN`` at a time as the loop below reaches them (all at once raised a 3,000-note
    # build's peak: session 38).
    to_deflate = [
        name
        for name in names
        if deflate
        and not _unchanged(known, stored_name(name), files[name][1])
        and not isinstance(deflated.get(files[name][1]), bytes)
    ]
    made: dict[str, bytes] = {}
    for name in names:
        text, digest = files[name]
        disk_name = stored_name(name) if deflate else name
        was = known.get(disk_name) if known is not None else None
        # A variant's own folder keeps its name: it may have been made again since (by its fragments'
        # folder, written first) without the files the record names, so those are looked for.
        if was is not None and was[0] == digest and (deflate or (folder / disk_name).is_file()):
            stats.kept += 1
            now[disk_name] = was
            stats.bytes += was[1]
            continue
        target = folder / disk_name
        if not deflate:
            data = _utf8(text)
        elif isinstance(kept_bytes := deflated.get(digest), bytes):
            data = kept_bytes
        else:
            if name not in made:  # the next run (``to_deflate`` is in the loop's order)
                run, to_deflate = to_deflate[:DEFLATE_RUN], to_deflate[DEFLATE_RUN:]
                made = dict(zip(run, stored_all([files[n][0] for n in run]), strict=True))
            data = made.pop(name)
            stats.compressed += 1
        now[disk_name] = (digest, len(data))
        stats.bytes += len(data)
        if known is None and target.is_file() and target.read_bytes() == data:
            stats.kept += 1
            continue
        target.write_bytes(data)
        stats.files += 1
    if deflate:  # a family's folder: nothing else in it
        stale = (set(known) if known is not None else {p.name for p in folder.iterdir()}) - set(now)
        for name in stale:
            (folder / name).unlink(missing_ok=True)
    record[key] = (folder.name, now, names)


def _rewrite_changed(
    folder: Path,
    files: Mapping[str, tuple[str | bytes, str]],
    names: list[str],
    known: dict[str, tuple[str, int]],
    stats: WriteStats,
    deflated: Mapping[str, bytes],
) -> dict[str, tuple[str, int]]:
    """A family's folder to hold the file names the last write left in it (``known``): what it holds now.

    Only the files whose SHA-256 changed are deflated and written (a save: a few of ~9,000 fragment
    files at 3,000 notes); the others' entries are the last write's, and no file is stale.
    """
    changed = [
        (name, disk_name)
        for name in names
        if known[disk_name := name.removesuffix(".json") + STORED_SUFFIX][0] != files[name][1]
    ]
    to_deflate = [name for name, _ in changed if not isinstance(deflated.get(files[name][1]), bytes)]
    made = dict(zip(to_deflate, stored_all([files[n][0] for n in to_deflate]), strict=True))
    now = dict(known)
    for name, disk_name in changed:
        digest = files[name][1]
        data = deflated.get(digest)
        if not isinstance(data, bytes):
            data = made.pop(name)
            stats.compressed += 1
        now[disk_name] = (digest, len(data))
        (folder / disk_name).write_bytes(data)
        stats.files += 1
    stats.kept += len(names) - len(changed)
    stats.bytes += sum(size for _, size in now.values())
    return now


def _unchanged(known: Mapping[str, tuple[str, int]] | None, disk_name: str, digest: str) -> bool:
    """Whether the last write left this file with this JSON's SHA-256 (``_write_folder`` keeps it)."""
    was = known.get(disk_name) if known is not None else None
    return was is not None and was[0] == digest


#: Files of a folder deflated at once (``_write_folder``).
DEFLATE_RUN = 1024
#: Files deflated at once from which ``stored_all`` uses threads (a save deflates a few: one thread).
THREADED_FILES = 64


def stored_all(texts: list[str | bytes]) -> list[bytes]:
    """``stored`` of each text, in order; many at once on every CPU.

    zlib deflates without holding the interpreter lock, so threads deflate side by side (a build's
    search stage deflates thousands of files while the other CPU has nothing left to do).  Each
    thread takes a run of consecutive files: one task per file would cost more than a small file's
    deflating.
    """
    threads = min(_cpus(), len(texts) // (THREADED_FILES // 2))
    if threads < 2:
        return [stored(text) for text in texts]
    runs = threads * 4  # shorter runs: a thread that drew small files takes another
    cuts = [len(texts) * k // runs for k in range(runs + 1)]
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="zhudu-deflate") as pool:
        parts = pool.map(lambda cut: [stored(t) for t in texts[cut[0] : cut[1]]], pairwise(cuts))
        return [data for part in parts for data in part]


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS
        return os.cpu_count() or 1


def stored_name(name: str) -> str:
    """The name a family's file ``<n>.json`` is stored under."""
    return name.removesuffix(".json") + STORED_SUFFIX


def stored(text: str | bytes) -> bytes:
    """A family's file as stored: its JSON's UTF-8 bytes deflated.

    Level 6, the same bytes for the same text, build after build.  Level 9 is no smaller on the
    fragment files and 2.5 % smaller on the postings shards, whose repetitive JSON it searches 3.6
    times as long (3,000 generated notes: 7.6 s against 2.1 s CPU for 47.6 MB; bench/RESULTS.md, session 23).
    """
    return zlib.compress(_utf8(text), 6)


def stored_files(site_dir: Path) -> dict[str, bytes]:
    """The stored bytes of the family files the last write into ``site_dir`` left, by their JSON's SHA-256.

    Read back from the folder (not held in memory between saves: ~10 MB at 500 notes); a file
    whose bytes do not inflate to JSON of its recorded SHA-256 (changed by hand, gone) is left out.
    """
    out: dict[str, bytes] = {}
    for (parent, family, _), (folder_name, files, _) in _WRITTEN.get(site_dir, {}).items():
        if not family:
            continue
        for name, (digest, _) in files.items():
            try:
                data = (parent / folder_name / name).read_bytes()
                if sha(zlib.decompress(data)) == digest:
                    out[digest] = data
            except (OSError, zlib.error):
                continue
    return out


def read_stored(path: Path) -> str:
    """The JSON text of a stored family file (tests, benchmarks)."""
    return zlib.decompress(path.read_bytes()).decode("utf-8")


def _utf8(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")


def _remove_unnamed(folder: Path, keep: Collection[str]) -> None:
    """Remove the index files and folders in ``folder`` not named in ``keep`` (a dirty build keeps the site)."""
    if not folder.is_dir():
        return
    for old in folder.iterdir():
        if _FILE_RE.match(old.name) and old.name not in keep:
            if old.is_dir():
                for inner in old.iterdir():
                    inner.unlink()
                old.rmdir()
            else:
                old.unlink()
