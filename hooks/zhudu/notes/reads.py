"""Notes read in an earlier build of this process, reused while nothing ``read_note`` reads has changed.

``mkdocs serve`` rebuilds the whole site on every save, and reading and normalising every note
was an eighth of a save at 500 notes.  A note is read again only when its bytes, its reading
inputs (settings, the editor's overrides, its id and folder), the files its images resolve to, the
files anywhere in ``seeds/`` named like a missing one (Obsidian's ``![[a.png]]`` is the file of that
name wherever it is: one saved into ``附件/`` after the note) or what is at the paths its reading
looked for in vain (``Body.watched``: a site-absolute image's places, a vault's ``.obsidian/``) have
changed.  Its bytes are hashed again unless its file's status (device, inode, size,
modification and change times) is the one taken when they were last hashed and its last change
was then already ``SETTLED_NS`` old (git's rule against "racily clean" entries): an edit, even
one that puts the size and modification time back, sets the change time, which no program can
set back, and cannot share the tick of a change that had passed (a save read 3,000 notes' bytes
to hash them, ~0.04 s).  The entry is the note as ``read_note`` returned it; the corpus changes its notes
afterwards (unique slugs, link resolution, downloaded images, problems), so each build gets a copy.

Kept in memory for the life of the process (the hook's modules are not reloaded by ``mkdocs
serve``; a change to Zhudu's code needs a new process anyway), only for the notes of the last
build; and in the artifact cache (``store``) under a digest of the code, the bytes and the inputs,
for the first build of the next ``mkdocs serve`` and for every ``mkdocs build`` (which reads
through a ``NoteReads`` of its own, on disk only: reading every note was a tenth of a one-edit build).
A build takes the reusable notes in its own process (``reuse``) and forks readers only for the
others (``read_missing``): a reader handing a cached note back pickled it once more.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import time
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from zhudu import cache

if TYPE_CHECKING:
    from zhudu.cache import ArtifactCache
    from zhudu.notes.corpus import Note

#: ``watching.POLL_VARIABLE``: a folder the watcher polls (network, container) keeps hashing every note.
POLL_VARIABLE = "ZHUDU_SERVE_POLL"
#: The artifact kind (``cache.ArtifactCache``) of notes read.
KIND = "note"
#: How long ago a file's last change must have been, when its bytes are hashed, for its status to
#: stand for them (a coarse or two-second file system clock; a little clock skew).
SETTLED_NS = 3_000_000_000
#: A Markdown image target that names a scheme (``https:``): not a file, nothing to check.
_SCHEME_RE = re.compile(r"(?i)^[a-z][a-z0-9+.-]*:")


@dataclass(frozen=True)
class Probe:
    """What ``NoteReads.reuse`` learnt of a note it could not reuse: ``read_missing`` keeps the new read under it."""

    content: str  # SHA-256 of the file's bytes
    status: tuple[int, ...] | None  # the file's status when hashed, if already settled (``_status``)
    key: str  # its key in ``store`` ("" without one)


@dataclass(frozen=True)
class _Entry:
    inputs: Hashable
    content: str  # SHA-256 of the file's bytes
    images: tuple[
        tuple[Any, ...], ...
    ]  # each local image target: path, stamp, the files of its name (``_images``)
    note: Note
    status: tuple[int, ...] | None = None  # the file's status when hashed, if already settled (``_status``)
    key: str = ""  # its key in ``store``: a note reused from memory still uses its entry (``cache_sweep``)


class NoteReads:
    """Normalised notes by path, with what they were read from."""

    def __init__(self) -> None:
        self.entries: dict[Path, _Entry] = {}
        self.kept: dict[Path, _Entry] = {}  # this build's entries; the others are dropped at ``start``
        self.hits = 0
        self.misses = 0
        #: Notes whose bytes this build read and hashed (the others' status stood for them).
        self.hashed = 0
        #: The wall clock a file's last change is compared with (nanoseconds; ``_status``).
        self.clock: Callable[[], int] = time.time_ns
        #: Image folders resolved in this build (``_images``).
        self.folders: dict[str, str] = {}
        #: The files in ``seeds/`` other than notes by name, as this build listed them (``start``).
        self.files_by_name: Mapping[str, Sequence[Path]] = {}
        #: Where notes read by another process are kept (None: memory only).
        self.store: ArtifactCache | None = None
        #: The last build's notes as its corpus finished them (``settle``), by path.
        self.settled: dict[Path, Note] = {}

    def start(self, files_by_name: Mapping[str, Sequence[Path]] | None = None) -> None:
        """A new build: keep only what the last one read (deleted or renamed notes go).

        ``files_by_name``: the files in ``seeds/`` other than notes, by name (as ``folders.walk`` lists
        them), for the images a note finds by name (None: not looked at).
        """
        if self.kept:
            self.entries, self.kept = self.kept, {}
        self.hits = self.misses = self.hashed = 0
        self.folders = {}
        self.files_by_name = files_by_name or {}

    def counts(self) -> tuple[int, int, int]:
        """This build's notes reused, read, and hashed (their bytes read: the others' status stood for them)."""
        return self.hits, self.misses, self.hashed

    def read(self, path: Path, inputs: Hashable, read: Callable[[], Note]) -> Note:
        """The note at ``path``: the earlier read when its bytes and ``inputs`` are the same, else ``read()``.

        Args:
            path: The note file.
            inputs: Everything else ``read`` depends on (settings, overrides, id, folder), hashable.
            read: Reads and normalises the note (``corpus.read_note``).
        """
        found = self.reuse(path, inputs)
        if found is None or isinstance(found, Probe):
            return self.read_missing(path, inputs, found, read)
        return found

    def reuse(self, path: Path, inputs: Hashable) -> Note | Probe | None:
        """The earlier read of ``path`` if it can be reused; else what ``read_missing`` needs (None: unreadable).

        Apart from ``read_missing`` so that a build can take every reusable note here and fork
        readers for the others only: a reader handing back a cached note pickles it once more.
        """
        entry = self.entries.get(path)
        try:
            status = _status(path, self.clock())
            if entry is not None and status is not None and entry.status == status:
                content = entry.content  # the bytes hashed last time: the file has not changed since
            else:
                content = hashlib.sha256(path.read_bytes()).hexdigest()
                self.hashed += 1
        except OSError:  # read_note reports it
            return None
        if entry is not None and entry.inputs == inputs and entry.content == content:
            images = _images(entry.note, self.files_by_name, self.folders)
            if images is not None and images == entry.images:
                self.hits += 1
                if entry.status != status:
                    entry = replace(entry, status=status)
                if self.store and entry.key:
                    self.store.used.setdefault(KIND, set()).add(entry.key)
                # Keyed by the kept note's path, equal to ``path`` (a new object each save): what
                # this process keeps from save to save stays the same objects.
                self.kept[entry.note.path if entry.note.path == path else path] = entry
                return _copy(entry.note)
        key = cache.digest(cache.code_version(), str(path), content, repr(inputs)) if self.store else ""
        kept: Any = self.store.get(KIND, key) if self.store else None
        if isinstance(kept, _Entry) and kept.images == _images(kept.note, self.files_by_name):
            self.hits += 1
            self.kept[path] = _Entry(inputs, content, kept.images, kept.note, status, key)
            return _copy(kept.note)
        return Probe(content, status, key)

    def read_missing(
        self, path: Path, inputs: Hashable, probe: Probe | None, read: Callable[[], Note]
    ) -> Note:
        """``read()``, kept for the next build when it read the bytes ``probe`` hashed (``reuse`` found nothing)."""
        if probe is None:
            return read()
        self.misses += 1
        note = read()
        images = _images(note, self.files_by_name)
        # Only a note read from the bytes just hashed (the file may change in between), and not
        # a broken one: its error may come from outside its bytes.
        if note.source_digest == probe.content and not note.broken and images is not None:
            entry = _Entry(inputs, probe.content, images, _copy(note), probe.status, probe.key)
            self.kept[path] = entry
            if self.store:
                self.store.put(KIND, probe.key, _Entry(None, probe.content, images, entry.note))
        return note

    def settle(self, notes: list[Note]) -> int:
        """Put back, in place, the last build's finished note wherever this build's equals it; how many.

        Each read hands the corpus a copy to finish (slug, links, images), so every save made a
        new note and body for every unchanged note: objects that outlive the save, thousands of
        them, which is what Python's full cyclic collection walks.  A note equal by value to the
        last build's (a problem, an exception, compares by identity: never equal) is that note.
        """
        same = 0
        for k, note in enumerate(notes):
            last = self.settled.get(note.path)
            if last is not None and last is not note and last == note:
                notes[k] = last
                same += 1
        self.settled = {note.path: note for note in notes}
        return same


def _status(path: Path, now: int) -> tuple[int, ...] | None:
    """The file's status, taken before its bytes are read, when it may stand for them; None: hash them.

    Not while its last change is younger than ``SETTLED_NS``: a second change in the same tick
    of the file system's clock would leave every field as it is.
    """
    found = os.stat(path)
    if found.st_mtime_ns % 1_000_000_000 == 0 and found.st_ctime_ns % 1_000_000_000 == 0:
        # Whole-second times: sshfs, FAT and many network or FUSE folders, where the change time is
        # a copy of the modification time (or the server's clock is not ours): hash the bytes.
        return None
    if os.environ.get(POLL_VARIABLE):  # the author's declared network or container folder
        return None
    changed = max(found.st_mtime_ns, found.st_ctime_ns)
    if now - changed < SETTLED_NS:
        return None
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def _images(
    note: Note, files_by_name: Mapping[str, Sequence[Path]], folders: dict[str, str] | None = None
) -> tuple[tuple[Any, ...], ...] | None:
    """Where each local image target of ``note`` resolves now and its file's stamp (None: cannot tell).

    A missing one also with the files of its name anywhere in ``seeds/`` (``files_by_name``): they stand
    for an Obsidian embed's search of the vault (``InlineWriter.find_file``), so one saved there later is
    shown (a missing image the note did not look for by name is read again, to no harm).

    ``folders`` keeps each image folder resolved for one build (its folders do not move while it
    reads them, as ``Site.display`` assumes): an image is then one ``lstat``, not one per folder on
    its way (every note's images were resolved on every save).  A target that is a symbolic link,
    or whose last part is not a plain name, is resolved whole.
    """
    found = []
    for image in note.body.images if note.body else ():
        if _SCHEME_RE.match(image.target):
            continue
        try:
            found.append(_image(os.path.join(note.path.parent, unquote(image.target)), folders))
        except (OSError, ValueError, RuntimeError):
            return None
        path, stamp = found[-1]
        if stamp is None:  # no file there: whichever files of its name there are now
            named = tuple(map(str, files_by_name.get(os.path.basename(unquote(image.target)), ())))
            found[-1] = (image.target, path, stamp, named)
        else:
            found[-1] = (image.target, path, stamp)
    for path in note.body.watched if note.body else ():
        found.append(("", path, _presence(path)))
    return tuple(found)


def _presence(path: str) -> tuple[int, ...] | None:
    """What is at a watched path (``Body.watched``): its kind (a file, a folder), None when nothing."""
    try:
        return (stat.S_IFMT(os.stat(path).st_mode),)
    except (OSError, ValueError):
        return None


def _image(target: str, folders: dict[str, str] | None) -> tuple[str, tuple[int, ...] | None]:
    """An image file's resolved path and its file's stamp, None when it is no file (``Path.resolve``, ``is_file``).

    The stamp (size, modification and change times) stands for the bytes: the note's Markdown
    carries the image's size in pixels (``image_sizes``), read again when the file changes.
    """
    folder, name = os.path.split(target)
    if folders is None or name in ("", ".", ".."):
        path = Path(target).resolve()
        return str(path), _stamp(path)
    if (real := folders.get(folder)) is None:
        real = folders[folder] = str(Path(folder).resolve())
    path = os.path.join(real, name)
    try:
        found = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return path, None
    if stat.S_ISLNK(found.st_mode):
        resolved = Path(path).resolve()
        return str(resolved), _stamp(resolved)
    return path, _file_stamp(found)


def _stamp(path: Path) -> tuple[int, ...] | None:
    try:
        return _file_stamp(path.stat())
    except (FileNotFoundError, NotADirectoryError):
        return None


def _file_stamp(found: os.stat_result) -> tuple[int, ...] | None:
    if not stat.S_ISREG(found.st_mode):
        return None
    return (found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def _copy(note: Note) -> Note:
    """A copy the corpus may change (it sets the slug, the Markdown, the images, the problems)."""
    return replace(note, problems=list(note.problems), body=replace(note.body) if note.body else None)


#: The notes read by this process's builds (``mkdocs serve``).
NOTE_READS = NoteReads()
