"""The theme matcher's kept scans (``matching.SCANS``), also kept on disk for the next ``mkdocs serve``.

Within one serve a save folds and scans only the edited note's passages: the others' folded texts,
hits, grouped hits and hit digests are the last build's, found by their passages' texts.  A new
``mkdocs serve`` began with none and folded and scanned every passage again, made every note's
hits and hashed every hit's passage in the plan (at 500 notes ~2.3 s of a first serve's 16 s
profiled CPU).  The scans the last serve used are kept in the cache folder under a key of the code
and the map's phrases (in map order): every kept value is looked up by the texts it was made from
(``Scans.reuse``; ``Scans.note_hits``: by the note's id, its passages compared), so a note edited while no server ran is scanned again,
and an entry that does not load or has another shape is not used.

Written after a serve's first build when it scanned or made anything (after the plan, so the hits'
digests are in it) and when the server stops after saves that did; not on every save.
``mkdocs build`` keeps no scans (``remember=False``) and reads none.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zhudu import cache
from zhudu.themes import matching
from zhudu.themes.theme_map import ThemeMap

#: The cache's kind (``cache.ArtifactCache``): one entry, the last serve's.
KIND = "theme-scans"
#: Version of the entry's layout.
FORMAT = 2  # 2: a note's hits by its id (``matching.KeptNote``)


@dataclass
class DiskScans:
    """A serve's cache folder, the phrases of the scans last read or written there, and whether they changed.

    ``builds``: the builds of this process that used them.

    Held by the build (``Build.kept``) and handed from one serve build to the next.
    """

    root: Path | None = None
    phrases: Any = None
    unsaved: bool = False
    builds: int = 0

    def start(self, theme_map: ThemeMap, root: Path | None) -> None:
        """Before a serve build matches: a new process starts from the last serve's scans of these phrases."""
        phrases = matching.map_phrases(theme_map)
        self.root, self.phrases = root, phrases
        scans = matching.SCANS
        if root is None or scans.automaton is not None:  # this process has its own (or keeps nothing)
            return
        entry = cache.ArtifactCache(root).get(KIND, key(phrases))
        if _valid(entry):
            scans.matcher(phrases, theme_map.themes)
            scans.current.update(entry[1])
            scans.hits_current.update(entry[2])

    def built(self, timings: dict[str, float]) -> None:
        """A serve build's plan is done: the scans are written at once (first build) or remembered as unsaved.

        ``timings`` are the index's: passages scanned, notes whose hits were made (not kept).
        """
        if self.root is None:
            return
        changed = timings.get("scanned", 0) > 0 or timings.get("notes made", 0) > 0
        first = self.builds == 0
        self.builds += 1
        if first and changed:
            self._save()
        else:
            self.unsaved = self.unsaved or changed

    def save_on_stop(self) -> None:
        """The server stops: write the scans if saves changed them since they were written."""
        if self.unsaved:
            self._save()

    def _save(self) -> None:
        root, phrases, scans = self.root, self.phrases, matching.SCANS
        self.unsaved = False
        if root is None or phrases is None or scans.phrases != phrases:
            return
        store = cache.ArtifactCache(root)
        entry = key(phrases)
        # This build's scans only (``current``): what the next serve's notes are most likely to be.
        store.put(KIND, entry, (FORMAT, dict(scans.current), dict(scans.hits_current)))
        for old in store.stored(KIND):  # only the last serve's: another map's is stale
            if old.name != entry:
                old.unlink(missing_ok=True)


def key(phrases: Any) -> str:
    """The entry of the scans made for ``phrases`` by this code."""
    return cache.digest(KIND, cache.code_version(), str(FORMAT), repr(phrases))


def _valid(entry: Any) -> bool:
    """Whether a loaded entry has the layout ``_save`` writes (anything else is not used)."""
    if not (isinstance(entry, tuple) and len(entry) == 3 and entry[0] == FORMAT):
        return False
    current, hits = entry[1], entry[2]
    if not (isinstance(current, dict) and isinstance(hits, dict)):
        return False
    return all(
        isinstance(k, tuple) and isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], list)
        for k, v in current.items()
    ) and all(isinstance(k, str) and isinstance(v, matching.KeptNote) for k, v in hits.items())
