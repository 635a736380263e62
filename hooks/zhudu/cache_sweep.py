"""Removing the note and render entries no build uses any more (``cache.ArtifactCache``).

Both are keyed by content: every edit of a note keeps a new entry of each and leaves the old
one, and a new version of the code changes every key.  After a full build, every current note
has asked for (or kept) its entries, so the store's ``used`` keys are the ones the site needs;
the others go, when they are older than the build's start (a concurrent build's fresh entry is
newer) and are plain files (a symbolic link is never followed nor removed).  ``mkdocs build``
lists each kind's folder (~1.5 µs an entry); ``mkdocs serve`` does that once, after its first
build, then on each save removes only the keys a build used ``KEEP_SAVES`` saves ago and none
since (an edited, renamed or deleted note's old entries: nothing listed), so an undone edit
still finds its entries; a site-wide change's (``SITE_WIDE_SHARE``) wait for the next serve.  A dirty build reads every
page too (``incremental.SiteFile``; serve's unchanged pages through ``publish/unchanged.py``), so
its keys are as complete.  A failure leaves the entries, never fails the build.
"""

from __future__ import annotations

import logging
from pathlib import Path

from zhudu import cache

#: The kinds swept, by command: serve's renders are kept apart (``NoteRenders.kind``) so that
#: neither command's sweep removes the other's.
KINDS = {False: ("note", "render"), True: ("note", "render-serve")}
#: ``mkdocs serve``: the keys each of the last builds used, oldest first, by kind (none: no build swept yet).
_RECENT: dict[str, list[set[str]]] = {}
#: ``mkdocs serve``: how many saves an entry no build uses is kept for (an undo finds it).
KEEP_SAVES = 1
#: ``mkdocs serve``: a save that would remove more than this share of the entries in use changed
#: something every note reads (mkdocs.yml, an editorial file) and may be undone: the next serve's
#: first sweep removes them instead of a whole cold render on the undo.
SITE_WIDE_SHARE = 0.2
#: ... and more than this many entries (a small site's cold render is quick; one edit is a large share).
SITE_WIDE_LEAST = 8
#: Some file systems keep modification times to two seconds.
MTIME_SLACK = 2.0


def after_build(store: cache.ArtifactCache, serving: bool, started: float, log: logging.Logger) -> int:
    """Remove ``store``'s note and render entries this full build did not use; how many."""
    if store.root is None:
        return 0
    removed = 0
    for kind in KINDS[serving]:
        used = set(store.used.get(kind, ()))
        try:
            if not used:  # no note read (a broken collection): nothing tells what is needed
                continue
            if not serving or kind not in _RECENT:
                removed += sweep_folder(store.root / kind, used, started - MTIME_SLACK)
            if serving:
                removed += _forget_saves(store.root / kind, _RECENT.setdefault(kind, []), used, started)
        except OSError as exc:  # the build is done: the entries stay until a later sweep
            log.debug("cache: %s entries not swept (%s)", kind, exc)
    return removed


def _forget_saves(folder: Path, recent: list[set[str]], used: set[str], started: float) -> int:
    """Remove the entries of keys only builds more than ``KEEP_SAVES`` saves ago used; ``recent``: their keys."""
    recent.append(used)
    removed = 0
    while len(recent) > KEEP_SAVES + 1:
        gone = [folder / key for key in recent.pop(0) - set().union(*recent)]
        if len(gone) > max(SITE_WIDE_LEAST, SITE_WIDE_SHARE * len(used)):
            continue
        removed += cache.remove_unused(gone, started - MTIME_SLACK, shards=False)
        recent[0] |= {path.name for path in gone if path.is_file()}  # too fresh yet: tried next save
    return removed


def sweep_folder(folder: Path, used: set[str], used_since: float) -> int:
    """Remove the entries in ``folder`` not named in ``used`` and last written before ``used_since``."""
    if folder.is_symlink() or not folder.is_dir():
        return 0
    return cache.remove_unused(
        [path for path in folder.iterdir() if path.name not in used], used_since, shards=True
    )
