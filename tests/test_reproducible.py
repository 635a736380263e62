"""Two clean builds of the same sources are byte-identical.

The builds run as separate processes (different ``PYTHONHASHSEED``, so set and
hash ordering differ), from project copies at different paths, some seconds
apart, without ``SOURCE_DATE_EPOCH``: dates must come from the notes, never from
the clock, the path or the process.
"""

from __future__ import annotations

import difflib
import multiprocessing
import os
import subprocess
import time
from pathlib import Path

from conftest import REPO, build_site, copy_sources

MKDOCS = str(REPO / ".venv" / "bin" / "mkdocs")


def _build(root: Path, hash_seed: str) -> Path:
    copy_sources(root)  # real notes + editorial data
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env |= {
        "PYTHONHASHSEED": hash_seed,
        "SITE_URL": "https://example.github.io/zhudu/",
        "NO_MKDOCS_2_WARNING": "1",
    }
    done = subprocess.run(
        [MKDOCS, "build", "--strict", "-d", "out"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return root / "out"


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _first_difference(a: dict[str, bytes], b: dict[str, bytes]) -> str:
    if a.keys() != b.keys():
        return f"file lists differ: only first {sorted(a.keys() - b.keys())[:5]}, only second {sorted(b.keys() - a.keys())[:5]}"
    for name in sorted(a):
        if a[name] != b[name]:
            try:
                left, right = a[name].decode().splitlines(), b[name].decode().splitlines()
                excerpt = "\n".join(list(difflib.unified_diff(left, right, lineterm="", n=1))[:20])
            except UnicodeDecodeError:
                at = (
                    next(i for i, (x, y) in enumerate(zip(a[name], b[name], strict=True)) if x != y)
                    if len(a[name]) == len(b[name])
                    else -1
                )
                excerpt = f"binary, sizes {len(a[name])} / {len(b[name])}, first differing byte {at}"
            return f"{name} differs:\n{excerpt[:3000]}"
    return ""


def test_two_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    first = _tree(_build(tmp_path / "one", "1"))
    time.sleep(1.1)  # a second apart: anything stamped from the clock would differ
    second = _tree(_build(tmp_path / "a-longer-path" / "two", "2"))
    assert len(first) > 50
    difference = _first_difference(first, second)
    assert not difference, difference


def test_worker_processes_write_the_same_site_as_one_process(tmp_path: Path) -> None:
    """Page writers, the vocabulary worker (workers.py) and the pre-render worker (prerender.py) change
    where the work runs, not its output."""
    sites = {}
    for workers in (0, 2):
        root = tmp_path / f"workers-{workers}"
        root.mkdir()
        result = build_site(root, repo_notes=True, repo_editorial=True, zhudu={"workers": workers})
        assert result.ok, result.log
        assert multiprocessing.active_children() == []  # none left behind by the build
        sites[workers] = _tree(root / "site")
    assert len(sites[0]) > 50
    difference = _first_difference(sites[0], sites[2])
    assert not difference, difference
