"""The cost of the cache sweep (hooks/zhudu/cache_sweep.py): µs per entry kept in the cache.

For each size N, a temporary cache gets N note and N render entries (real ``ArtifactCache``
entries of ~4 KB) written an hour ago; then ``after_build`` runs as a ``mkdocs build`` does
(listing each kind's folder) in two cases: every entry in use (the usual build: nothing to
remove) and every tenth entry unused (removed).  Then as ``mkdocs serve`` does on a save after its
first build: one note edited, so one old entry per kind to remove ``KEEP_SAVES`` saves later,
nothing listed (the slowest of those saves).  Best of
``--repeat`` runs, wall time.

    .venv/bin/python bench/bench_cache_sweep.py [--sizes 300 3000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from zhudu import cache, cache_sweep

LOG = logging.getLogger("bench")


def filled(root: Path, n: int, kinds: tuple[str, ...]) -> cache.ArtifactCache:
    """A cache with ``n`` entries of each kind, all written an hour ago, none used yet."""
    store = cache.ArtifactCache(root)
    for kind in kinds:
        for i in range(n):
            store.put(kind, f"{i:064x}", "正文" * 700)
    past = time.time() - 3600
    for kind in kinds:
        for path in (root / kind).iterdir():
            os.utime(path, (past, past))
    return store


def timed(n: int, unused_every: int, serving: bool) -> float:
    """Seconds one ``after_build`` took at ``n`` entries per kind."""
    kinds = cache_sweep.KINDS[serving]
    with tempfile.TemporaryDirectory() as tmp:
        store = filled(Path(tmp), n, kinds)
        keys = [f"{i:064x}" for i in range(n)]
        cache_sweep._RECENT.clear()
        if serving:  # the first build of the process: every entry used, the folders listed once
            store.used = {kind: set(keys) for kind in kinds}
            cache_sweep.after_build(store, True, time.time(), LOG)
        store.used = {
            kind: {k for i, k in enumerate(keys) if not unused_every or i % unused_every} for kind in kinds
        }
        took = 0.0
        for _ in range(cache_sweep.KEEP_SAVES + 1 if serving else 1):  # serve: the slowest save until it goes
            started = time.perf_counter()
            cache_sweep.after_build(store, serving, time.time(), LOG)
            took = max(took, time.perf_counter() - started)
        assert len(list((Path(tmp) / kinds[0]).iterdir())) == n - (n // unused_every if unused_every else 0)
        return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 3000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    cases = [
        ("build, all used", 0, False),
        ("build, 1 in 10 removed", 10, False),
        ("serve save, 1 removed", -1, True),
    ]
    for n in args.sizes:
        for name, every, serving in cases:
            every = n if every == -1 else every  # one edited note: one old entry per kind
            best = min(timed(n, every, serving) for _ in range(args.repeat))
            per = best / (2 * n) * 1e6
            print(f"{n:>5} entries per kind, {name:<24} {best * 1e3:8.2f} ms  {per:6.2f} µs per entry")


if __name__ == "__main__":
    main()
