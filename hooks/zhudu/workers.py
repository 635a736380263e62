"""Forked worker processes, so that a build uses every CPU while MkDocs renders on one.

MkDocs renders pages one after another in one process.  Writing a page's variant copies
(tokenize, convert, write) depends only on the page's HTML and on build state that is complete
once ``on_env`` has run; loading jieba's dictionary for the search vocabulary depends only on the
editorial files.  Workers *forked* at those points inherit that state as it is (no pickling of
OpenCC converters or link tables) and work beside the rendering.

Fork only: spawned workers would have to rebuild the state, which costs more than the work.
``mkdocs serve`` does not use them: its rebuilds run beside the server's threads, which forking
does not mix with, and it reuses unchanged pages from the cache (``Site.write_page``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import pairwise
from typing import Any


def available_cpus() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS
        return os.cpu_count() or 1


def pool_size(configured: int | None) -> int:
    """Worker processes for ``extra.zhudu.workers``: unset means one per CPU, if there are two or more."""
    if configured is not None:
        return max(0, configured)
    cpus = available_cpus()
    return cpus if cpus >= 2 else 0


def forked_pool(
    processes: int, initializer: Callable[..., Any] | None = None, initargs: tuple[Any, ...] = ()
) -> ProcessPoolExecutor | None:
    """A pool of ``processes`` workers forked from this process now; ``None`` without fork.

    With fork, ``initargs`` reach the workers by inheritance, not by pickling.
    """
    if processes < 1 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    pool = ProcessPoolExecutor(
        max_workers=processes,
        mp_context=multiprocessing.get_context("fork"),
        initializer=initializer,
        initargs=initargs,
    )
    pool.submit(int)  # the first task forks every worker
    return pool


#: ``map`` over slices of a step's work (``forked_map`` bound to a number of processes).
SlicesMap = Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]

#: The function ``forked_map`` runs, inherited by its workers (a closure need not pickle).
_INHERITED: list[Callable[[Any], Any]] = []


def _call_inherited(item: Any) -> Any:
    return _INHERITED[0](item)


def forked_map(function: Callable[[Any], Any], items: Sequence[Any], processes: int) -> list[Any]:
    """``[function(item) for item in items]`` on ``processes`` CPUs: this process and workers forked now.

    This process takes the first item; the workers inherit ``function`` and everything it refers
    to, and only the other items and their results are pickled.
    """
    if processes < 2 or len(items) < 2:
        return [function(item) for item in items]
    _INHERITED[:] = [function]
    pool = forked_pool(min(processes, len(items)) - 1)
    if pool is None:
        _INHERITED.clear()
        return [function(item) for item in items]
    try:
        rest = pool.map(_call_inherited, items[1:])
        return [function(items[0]), *rest]
    finally:
        pool.shutdown()
        _INHERITED.clear()


def forked_map_in_slices(
    function: Callable[[Any], Any], items: Sequence[Any], processes: int, smallest_slice: int = 1
) -> list[Any]:
    """``[function(item) for item in items]``, the items cut into one consecutive slice per CPU (``forked_map``).

    Fewer slices when a slice would hold fewer than ``smallest_slice`` items (a fork costs more than
    a few items).
    """
    slices = slice_count(len(items), processes, smallest_slice)
    cuts = [len(items) * k // slices for k in range(slices + 1)]
    parts = forked_map(
        lambda cut: [function(item) for item in items[cut[0] : cut[1]]], list(pairwise(cuts)), slices
    )
    return [result for part in parts for result in part]


def slice_count(items: int, processes: int, smallest_slice: int = 1) -> int:
    """Slices to cut ``items`` into: one per process, but none of fewer than ``smallest_slice`` items."""
    return max(1, min(processes, items // max(1, smallest_slice)))
