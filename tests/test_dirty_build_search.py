"""``mkdocs build --dirty`` starts from the search index the last dirty build kept (``search/stage.py``).

Each dirty build is a new process, as an author runs it: it reads the search assembly the last one
kept in the cache folder (``search/persist.py``), redoes only the records of the pages that changed,
splices the postings, and still writes byte for byte the site a clean build without a cache writes,
after every step of ``test_cache.py``'s edits.  Before, every dirty build made the index from nothing:
at 3,000 notes, after one edit, most of its CPU.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from test_cache import NOTE_A, NOTE_B, STEPS, _edit, same_tree

from conftest import build_site, mkdocs_build_cli

pytestmark = pytest.mark.slow

_SEARCH_RE = re.compile(r"zhudu search: .*?(\d+) of (\d+) page records redone, postings (\w+)")


def _dirty_build(root: Path) -> tuple[int, int, str]:
    """``mkdocs build --dirty -v`` in a new process: (page records redone, of, "rebuilt" or "spliced")."""
    done = mkdocs_build_cli(root, ("--dirty", "-v"))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-3000:]
    found = _SEARCH_RE.search(done.stderr)
    assert found, done.stderr[-3000:]
    return int(found[1]), int(found[2]), found[3]


def test_each_dirty_build_splices_the_last_ones_search_index_and_writes_a_clean_builds_site(tmp_path):
    dirty_root, clean_root = tmp_path / "dirty", tmp_path / "clean"
    notes = {"a.md": NOTE_A, "b.md": NOTE_B}
    assert build_site(dirty_root, notes=notes, strict=False).ok
    assert build_site(clean_root, notes=notes, strict=False, zhudu={"cache_dir": ""}).ok
    redone, pages, postings = _dirty_build(dirty_root)  # no index kept yet: made, then kept
    assert (redone, postings) == (pages, "rebuilt")
    assert _dirty_build(dirty_root) == (0, pages, "spliced")  # nothing changed: nothing redone
    for step in STEPS:
        _edit(dirty_root, step)
        redone, pages, postings = _dirty_build(dirty_root)
        for folder in ("seeds", "docs"):  # the same files, built clean with no cache at all
            shutil.rmtree(clean_root / folder)
            shutil.copytree(dirty_root / folder, clean_root / folder)
        clean = build_site(clean_root, strict=False, zhudu={"cache_dir": ""})
        assert clean.ok, (step, clean.log)
        assert same_tree(dirty_root / "site", clean_root / "site") == "", step
        assert postings == "spliced", step
        if step == "body":  # the edited note in each variant, and the pages quoting it
            assert 0 < redone < pages, (redone, pages)
