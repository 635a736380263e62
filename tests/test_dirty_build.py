"""``mkdocs build --dirty`` in a new process: the same site as a build without a cache, doing work for what changed.

Each dirty build is a new process (forked from ``clean_builds.py``'s builder, which never built, as an
author's ``mkdocs build --dirty`` starts; its log, where read, what ``-v`` shows), so it
starts from what the cache folder kept: the pages whose render is reused are read from it, not by MkDocs' page loop
(``publish/unchanged.py``), and the search index starts from the last build's write record
(``search/written_record.py``): its old folders are renamed and only the changed files written.
After every step of ``test_cache.py``'s scripted edits the folder must equal a clean build's with
no cache at all, byte for byte.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from clean_builds import build_dirty
from test_cache import NOTE_A, NOTE_B, STEPS, _edit, same_tree

from conftest import build_site

pytestmark = pytest.mark.slow

_SEARCH_RE = re.compile(r"(\d+) files written, (\d+) kept, (\d+) folders renamed, (\d+) deflated")


def dirty_build(root: Path) -> str:
    """``mkdocs build --dirty -v`` in a new process (forked: it never built, clean_builds.py); its log."""
    return build_dirty(root, same_code=True)


def search_writes(log: str) -> tuple[int, int, int, int]:
    """(files written, kept, folders renamed, deflated) of the build's search debug line."""
    found = _SEARCH_RE.search(log)
    assert found is not None, log[-2000:]
    return tuple(int(g) for g in found.groups())  # type: ignore[return-value]


def kept_from_render(log: str) -> int:
    """Note pages read from their kept render (not by MkDocs' page loop)."""
    found = re.search(r"note pages read from their kept render: (\d+)", log)
    assert found is not None
    return int(found.group(1))


def test_after_every_edit_a_dirty_build_in_a_new_process_writes_what_a_build_without_cache_writes(tmp_path):
    warm_root, cold_root = tmp_path / "warm", tmp_path / "cold"
    notes = {"a.md": NOTE_A, "b.md": NOTE_B}
    assert build_site(warm_root, notes=notes, strict=False).ok
    assert build_site(cold_root, notes=notes, strict=False, zhudu={"cache_dir": ""}).ok
    for step in STEPS:
        _edit(warm_root, step)
        build_dirty(warm_root, same_code=True)  # a new process, forked: it never built (clean_builds.py)
        for folder in ("seeds", "docs"):  # the same files, built clean with no cache at all
            shutil.rmtree(cold_root / folder)
            shutil.copytree(warm_root / folder, cold_root / folder)
        cold = build_site(cold_root, strict=False, zhudu={"cache_dir": ""})
        assert cold.ok, (step, cold.log)
        assert same_tree(warm_root / "site", cold_root / "site") == "", step


def test_a_dirty_build_after_one_edit_reads_and_writes_only_what_the_edit_changed(tmp_path):
    root = tmp_path / "p"
    notes = {f"n{k}.md": NOTE_B.replace("乙笔记", f"笔记{k}").replace("芯片", f"芯片{k}号") for k in range(6)}
    assert build_site(root, notes=notes, strict=False).ok
    first = dirty_build(root)  # the renders as a dirty build keys them
    written, kept, _, _ = search_writes(first)
    assert written == 0 and kept > 0  # the clean build's record: nothing to write again
    (root / "seeds" / "n3.md").write_text(NOTE_B.replace("乙的正文", "改过的正文"), encoding="utf-8")
    log = dirty_build(root)
    assert kept_from_render(log) == 5  # the other notes: MkDocs' page loop skips them
    written, kept, renamed, deflated = search_writes(log)
    assert renamed > 0 and kept > 0 and deflated <= written, log[-2000:]  # main: every file new, none kept


def test_a_dirty_build_takes_no_folder_the_disk_does_not_confirm(tmp_path):
    notes = {"a.md": NOTE_A, "b.md": NOTE_B}
    root, cold_root = tmp_path / "p", tmp_path / "cold"
    assert build_site(root, notes=notes, strict=False).ok
    assert build_site(cold_root, notes=notes, strict=False, zhudu={"cache_dir": ""}).ok
    damaged = next(p for p in sorted((root / "site" / "search").glob("f-*/*")) if p.is_file())
    damaged.write_bytes(damaged.read_bytes() + b"x")  # by hand, after the build: its size is not the record's
    written, _, _, _ = search_writes(dirty_build(root))  # nothing changed in the notes
    assert written == 1
    assert same_tree(root / "site", cold_root / "site") == ""
