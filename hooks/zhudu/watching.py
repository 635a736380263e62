"""How ``mkdocs serve`` hears a save: from the kernel (inotify) on Linux, instead of polling.

MkDocs' server watches with watchdog's ``PollingObserver``, which lists every watched folder
every half second: a save waited a quarter of a second on average before the rebuild began, and
listing ``seeds/`` cost CPU in proportion to the collection.  On Linux the server's observer is
replaced, through its public API (``unwatch``, the ``observer`` attribute, ``watch``), by
watchdog's public ``InotifyObserver``, told to pass on only the events a save, a new file, a
deletion or a rename makes (a file closed after writing, created, deleted or moved): not every
``write`` of a save, and not the files the build itself opens to read.  An editor's atomic save
(write a temporary file, rename it over the note) is a move.

Polling is kept on other systems, with ``ZHUDU_SERVE_POLL=1`` (a network or container folder
whose changes inotify does not see), and when inotify refuses the watches (the per-user limit).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Any

from mkdocs.plugins import get_plugin_logger
from watchdog.events import FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileMovedEvent

log = get_plugin_logger("zhudu")

#: The events a save, a new file, a deletion or a rename makes.
SAVE_EVENTS = [FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileMovedEvent]
#: Set to ``1`` to keep MkDocs' polling.
POLL_VARIABLE = "ZHUDU_SERVE_POLL"
#: More ``watch`` calls of one path than MkDocs and its plugins make (a bound, not a limit met).
MAX_WATCHES_OF_ONE_PATH = 64


def native_observer_class() -> Any:
    """The inotify observer (watchdog's) passing on only ``SAVE_EVENTS``; None where there is no inotify."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        from watchdog.observers.inotify import InotifyObserver
    except ImportError:  # pragma: no cover - watchdog without inotify support
        return None

    class SaveObserver(InotifyObserver):
        """An inotify observer that schedules every watch with ``SAVE_EVENTS`` as its filter."""

        def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False, **options: Any) -> Any:
            options.setdefault("event_filter", SAVE_EVENTS)
            return super().schedule(event_handler, path, recursive=recursive, **options)

    return SaveObserver


def use_native_events(server: Any, later_paths: Iterable[str]) -> bool:
    """Make ``server`` (MkDocs' ``LiveReloadServer``) hear changes from inotify; returns whether it does.

    Args:
        server: The server ``on_serve`` gets; its observer is not started yet.
        later_paths: What MkDocs watches after ``on_serve`` (``config.watch``): checked now, so a
            folder inotify cannot watch leaves the server polling instead of failing to start.
    """
    if os.environ.get(POLL_VARIABLE, "") not in ("", "0"):
        log.info("file changes: polled every half second (%s is set)", POLL_VARIABLE)
        return False
    observer_class = native_observer_class()
    if observer_class is None or not all(hasattr(server, name) for name in ("observer", "watch", "unwatch")):
        return False
    watched = _watched_paths(server.observer)
    if not _can_watch(observer_class, [*watched, *(os.path.abspath(p) for p in later_paths)]):
        return False
    times = {path: _unwatch(server, path) for path in watched}
    server.observer = observer_class()
    for path, count in times.items():
        for _ in range(count):
            server.watch(path)  # MkDocs' own handler, scheduled on the new observer
    log.debug("file changes: heard from inotify")
    return True


def _watched_paths(observer: Any) -> list[str]:
    """The paths an observer watches, as they were given (a file's watch names the file)."""
    return sorted({str(getattr(e.watch, "raw_path", e.watch.path)) for e in observer.emitters})


def _unwatch(server: Any, path: str) -> int:
    """Stop the server watching ``path``; returns how many times it was watched.

    MkDocs keeps one watch per path and counts further ``watch`` calls, each ``unwatch`` taking
    one away: the path is unwatched until its watch is gone.
    """
    count = 0
    while path in _watched_paths(server.observer) and count < MAX_WATCHES_OF_ONE_PATH:
        server.unwatch(path)
        count += 1
    return count


def _can_watch(observer_class: Any, paths: list[str]) -> bool:
    """Whether inotify accepts watches on every existing path (a trial observer, stopped at once)."""
    from watchdog.events import FileSystemEventHandler

    trial = observer_class()
    try:
        for path in dict.fromkeys(paths):
            if os.path.exists(path):
                trial.schedule(FileSystemEventHandler(), path, recursive=os.path.isdir(path))
        trial.start()
    except OSError as exc:  # the per-user watch limit, a file system without inotify
        log.info("file changes: polled every half second (inotify: %s)", exc)
        return False
    finally:
        if trial.is_alive():
            trial.stop()
            trial.join()
    return True
