"""Forked worker processes, so that a build uses every CPU while MkDocs renders on one.

MkDocs renders pages one after another in one process.  Writing a page's variant copies
(tokenize, convert, write) depends only on the page's HTML, the settings and converters known in
``on_config``, and the site's page list and interface strings known once ``on_env`` has run;
loading jieba's dictionary for the search vocabulary depends only on the editorial files.  Both
kinds of worker are *forked* in ``on_config``, before the notes are read, and inherit OpenCC's
dictionaries and the rules as they are (``script.preload``; no pickling of OpenCC objects); the page
writers are handed the rest once (``HandOverPool``) and work beside the rendering.

Fork only: spawned workers would have to rebuild the state, which costs more than the work.
``mkdocs serve`` does not use them: its rebuilds run beside the server's threads, which forking
does not mix with, and it reuses unchanged pages from the cache (``pagewriter.write_page``).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import tempfile
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import pairwise
from pathlib import Path
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


class TaskWorker:
    """Worker processes forked now (while this process holds little) for tasks given later.

    Stopped from any thread, one caller at a time (``ProcessPoolExecutor.shutdown`` called from two
    threads at once closes its pipes twice); ``result_then_stop`` frees the processes as soon as a
    result is in.
    """

    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self.pool = pool
        self.stopping = threading.Lock()

    @classmethod
    def fork(cls, processes: int = 1) -> TaskWorker | None:
        """``processes`` workers forked now (``forked_pool``); ``None`` for none, or without fork."""
        pool = forked_pool(processes)
        return cls(pool) if pool is not None else None

    def submit(self, function: Callable[..., Any], *args: Any) -> Future[Any]:
        """``function(*args)`` in a worker."""
        return self.pool.submit(function, *args)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop the workers (``ProcessPoolExecutor.shutdown``), after any stop already under way."""
        with self.stopping:
            self.pool.shutdown(wait=wait, cancel_futures=cancel_futures)

    def result_then_stop(self, function: Callable[..., Any], *args: Any) -> Callable[[], Any]:
        """``function(*args)`` started now, the last task; the getter waits for its result.

        The workers stop as soon as the result is in (their memory freed while this process works
        on), on a thread of its own: the callback runs on the pool's thread, which stopping joins.
        """
        future = self.submit(function, *args)
        future.add_done_callback(
            lambda _: threading.Thread(target=self.shutdown, name="zhudu-worker-stop", daemon=True).start()
        )

        def result() -> Any:
            try:
                return future.result()
            finally:
                self.shutdown()  # waits for the stop begun when the result came in, if it has begun

        return result


class HandOverPool:
    """Workers forked early, while this process holds little, and handed the rest of their state later.

    A worker forked late inherits the whole build (every page, the corpus) and slowly copies it:
    the garbage collector's passes write to every object it visits, so pages shared at the fork
    become the worker's own.  Forked before the corpus is read, the workers share only what the
    process held then; what they need later (``hand_over``) is pickled once to a file, which each
    worker reads on its first task after the hand-over, not with every task.
    """

    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self.pool = pool
        self.state_file: Path | None = None

    @classmethod
    def fork(
        cls, processes: int, initializer: Callable[..., Any] | None = None, initargs: tuple[Any, ...] = ()
    ) -> HandOverPool | None:
        """``processes`` workers forked now (``forked_pool``); ``None`` without fork."""
        pool = forked_pool(processes, initializer, initargs)
        return cls(pool) if pool is not None else None

    @property
    def handed_over(self) -> bool:
        """Whether the workers have their state (``hand_over``)."""
        return self.state_file is not None

    def hand_over(self, state: Any) -> None:
        """What every task after this one is given as its first argument."""
        self._remove_state()
        with tempfile.NamedTemporaryFile(prefix="zhudu-workers-", suffix=".pickle", delete=False) as out:
            pickle.dump(state, out, protocol=pickle.HIGHEST_PROTOCOL)
        self.state_file = Path(out.name)

    def submit(self, function: Callable[..., Any], *args: Any) -> Future[Any]:
        """``function(state, *args)`` in a worker (``hand_over`` first)."""
        if self.state_file is None:
            raise RuntimeError("HandOverPool.submit before hand_over")
        return self.pool.submit(_with_state, str(self.state_file), function, *args)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop the workers (``ProcessPoolExecutor.shutdown``) and remove the state file."""
        try:
            self.pool.shutdown(wait=wait, cancel_futures=cancel_futures)
        finally:
            self._remove_state()

    def _remove_state(self) -> None:
        if self.state_file is not None:
            self.state_file.unlink(missing_ok=True)
            self.state_file = None


#: In a ``HandOverPool`` worker: the state file read last, and what it held.
_HANDED: dict[str, Any] = {}


def _with_state(state_file: str, function: Callable[..., Any], *args: Any) -> Any:
    if _HANDED.get("file") != state_file:
        _HANDED["state"] = pickle.loads(Path(state_file).read_bytes())
        _HANDED["file"] = state_file
    return function(_HANDED["state"], *args)


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
