"""The search assembly ``mkdocs serve`` keeps, also kept on disk for the next ``mkdocs serve``.

A save splices the index kept in memory (``kept``), but a new ``mkdocs serve`` began
with an empty assembly and made every page's records and every posting again: at 500 notes that
was most of a first serve with a warm cache (1,548 page records redone, postings rebuilt).  The
assembly is a valid starting point whatever it was made from (a save starts from the last save's,
whatever that save changed), so the last one a serve made is kept in the cache folder, under a key
of the code and the assembly's inputs (the variants and the shared postings folder), and a new
serve starts from it: it then redoes only the pages that changed while no server ran.  Each
text's words (the search vocabulary, ``index.folded_vocabulary``) are kept with it, so a new serve
loads jieba's dictionary only if a text is new, and otherwise after its first build; each word's
regional forms (``index.aliases``' memo, keyed by the conversion's inputs) too, so a new serve
converts only words it has not seen (0.2–0.5 s at 500 notes were every word again).  The index's
stored (deflated) files are kept beside it (``STORED_KIND``, the same key, as they are: compressing
them again cost 0.3 s per save of the entry), by their JSON's SHA-256 (``writing.stored_files``): a
new serve writes every file into a new folder and deflates only those whose JSON changed.

It is written after the first build of a serve that had to make anything (the cache was cold or
stale), and when the server stops after saves, not on every save (a pickle of ~60 MB at 500
notes).  A build that fails while making the index forgets the assembly (``forget``):
nothing half-made is written.  ``mkdocs build`` keeps no assembly (memory) and reads none.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from zhudu import cache
from zhudu.search import assembly, writing
from zhudu.search import index as search

#: The cache's kind (``cache.ArtifactCache``): one entry, the last serve's.
KIND = "search-assembly"
#: The index's stored files beside it (``cache.WrittenFiles``): their bytes, and as the record
#: (zlib's version, each one's JSON SHA-256).
STORED_KIND = "search-stored"
#: Version of the entry's layout: (FORMAT, assembly, the vocabulary's key, each text's words,
#: the aliases' memo key, each word's regional forms).
FORMAT = 6  # 6: a passage's spans in a flat array (search/shown_words.py); 5: the running totals of word_rows (search/shown_totals.py); 4: a passage's edits kept with their spans


@dataclass
class DiskAssembly:
    """Where a serve's assembly is kept on disk, and whether it changed since it was written (or read).

    Held by the build (``Build.kept``) and handed from one serve build to the next.
    """

    root: Path | None = None
    unsaved: bool = False
    #: The site folder this serve writes into (its stored files are read back when saving).
    site_dir: Path | None = None
    #: The loaded entry's stored files, until the first write takes them (``take_deflated``).
    deflated: dict[str, bytes] = field(default_factory=dict)

    def kept(self, inputs: Any, root: Path | None) -> assembly.Assembly:
        """The assembly to splice this serve build into: this process's, else the last serve's from disk, else a new one."""
        self.root = root
        loader = None if root is None else (lambda: self._loaded(root, key(inputs)))
        return kept(inputs, loader)

    def take_deflated(self) -> dict[str, bytes]:
        """The last serve's stored files for this build's write; dropped after it (memory)."""
        deflated, self.deflated = self.deflated, {}
        return deflated

    def built(self, made: assembly.Assembly) -> None:
        """A serve build finished with ``made``: written to disk at once or remembered as unsaved.

        Written when this is the process's first build and it made anything (a cold or stale cache);
        a save's change is only remembered (``save_on_stop`` writes it).
        """
        stats = made.stats
        changed = stats.redone > 0 or stats.rebuilt or stats.keys_spliced > 0
        first = not made.builds_seen
        made.builds_seen += 1
        if first and changed:
            self._save(made)
        else:
            self.unsaved = self.unsaved or changed

    def save_on_stop(self) -> None:
        """The server stops: write the kept assembly if saves changed it since it was written."""
        if self.unsaved:
            current = current_assembly()
            if current is not None:
                self._save(current)

    def _save(self, made: assembly.Assembly) -> None:
        root, inputs = self.root, current_inputs()
        self.unsaved = False
        if root is None or inputs is None:
            return
        store = cache.ArtifactCache(root)
        entry = key(inputs)
        # With each text's words: a new serve whose texts are all known loads no jieba dictionary
        # before its first page (about a second; ``index.warm_vocabulary_aside`` loads it after).
        store.put(KIND, entry, (FORMAT, made, *search.text_words(), *search.alias_memo()))
        # Its stored files: a new serve's first write deflates only what changed (0.9 s CPU at 500
        # notes); read back from the served folder, not held between saves (~10 MB at 500 notes).
        deflated = writing.stored_files(self.site_dir) if self.site_dir is not None else {}
        record = (zlib.ZLIB_RUNTIME_VERSION, list(deflated))
        cache.WrittenFiles(root).keep(STORED_KIND, entry, list(deflated.values()), record)
        # Only the last serve's is kept: an entry of another code version or other variants is ~60 MB.
        for kind in (KIND, STORED_KIND):
            for old in store.stored(kind):
                if old.name != entry:
                    old.unlink(missing_ok=True)

    def _loaded(self, root: Path, entry_key: str) -> Any:
        """The kept assembly, its texts' words, aliases and stored files adopted (an entry of another shape: none)."""
        entry = cache.ArtifactCache(root).get(KIND, entry_key)
        if not (isinstance(entry, tuple) and len(entry) == 6 and entry[0] == FORMAT):
            return None
        search.adopt_text_words(entry[2], entry[3])
        search.adopt_alias_memo(entry[4], entry[5])
        files = cache.WrittenFiles(root).load(STORED_KIND, entry_key)
        # Another zlib may deflate the same text to other bytes: then every file is deflated again.
        if files is not None and isinstance(files[1], tuple) and len(files[1]) == 2:
            version, digests = files[1]
            if (
                version == zlib.ZLIB_RUNTIME_VERSION
                and isinstance(digests, list)
                and len(digests) == len(files[0])
            ):
                self.deflated = dict(zip(digests, files[0], strict=True))
        return entry[1]


def key(inputs: Any) -> str:
    """The entry of an assembly made for ``inputs`` by this code (and this jieba: it cut the words)."""
    versions = (cache.code_version(), str(assembly.FORMAT), str(FORMAT), metadata.version("jieba"))
    return cache.digest(KIND, *versions, repr(inputs))


#: The assembly ``mkdocs serve`` keeps between saves, and what it was made for.
_KEPT: list[tuple[Any, assembly.Assembly]] = []


def kept(inputs: Any, load: Callable[[], Any] | None = None) -> assembly.Assembly:
    """The assembly this process last made for the same ``inputs`` (settings, variants), else ``load``'s.

    ``load`` may return the last serve's (``DiskAssembly``); anything but an assembly means a new one.
    """
    if _KEPT and _KEPT[0][0] == inputs:
        return _KEPT[0][1]
    loaded = load() if load is not None else None
    made = loaded if isinstance(loaded, assembly.Assembly) else assembly.Assembly(remember=True)
    _KEPT[:] = [(inputs, made)]
    return made


def current_assembly() -> assembly.Assembly | None:
    """The assembly this process keeps, if any."""
    return _KEPT[0][1] if _KEPT else None


def current_inputs() -> Any:
    """What the kept assembly was made for, if any."""
    return _KEPT[0][0] if _KEPT else None


def forget() -> None:
    """Drop the kept assembly (a save that failed while making the index may have left it half-updated)."""
    _KEPT.clear()
