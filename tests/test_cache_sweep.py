"""The cache's note and render entries no build uses any more are removed (hooks/zhudu/cache_sweep.py).

Every edit keeps new entries under new keys; without the sweep the old ones stayed until
``.cache/`` was deleted.  The sweep keeps every entry in use, an entry a concurrent build wrote
after this one started, and never follows or removes a symbolic link.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

import pytest
from test_cache import NOTE_A, NOTE_B, same_tree

from conftest import build_site

pytestmark = pytest.mark.slow

NOTE_C = "---\ntitle: 丙笔记\ndate: 2024-03-01\n---\n\n丙的正文。\n"
KINDS = ("note", "render")


def entries(root: Path, kind: str) -> list[Path]:
    folder = root / ".cache" / "zhudu" / kind
    return sorted(folder.iterdir()) if folder.is_dir() else []


def age_the_cache(root: Path) -> None:
    """Every entry written an hour ago: as if the author's edits were minutes apart, not milliseconds."""
    past = time.time() - 3600
    for path in (root / ".cache" / "zhudu").rglob("*"):
        if path.is_file():
            os.utime(path, (past, past))


def test_after_an_edit_sequence_the_cache_keeps_one_entry_per_live_note_and_builds_the_same_site(tmp_path):
    root, fresh = tmp_path / "p", tmp_path / "fresh"
    seeds = root / "seeds"
    assert build_site(root, notes={"a.md": NOTE_A, "b.md": NOTE_B, "c.md": NOTE_C}, strict=False).ok
    assert [len(entries(root, kind)) for kind in KINDS] == [3, 3]
    for n in range(3):  # a body edited three times
        age_the_cache(root)
        (seeds / "a.md").write_text(NOTE_A + f"\n第{n}次修改。\n", encoding="utf-8")
        assert build_site(root, strict=False).ok
    age_the_cache(root)
    (seeds / "b.md").rename(seeds / "b2.md")  # renamed
    assert build_site(root, strict=False).ok
    age_the_cache(root)
    (seeds / "c.md").unlink()  # deleted
    result = build_site(root, strict=False, log_level=logging.DEBUG)
    assert result.ok, result.log
    assert [len(entries(root, kind)) for kind in KINDS] == [2, 2]
    assert "entries no longer used removed" in result.log
    # The warm build after the sweep reuses what is left and writes what a build without a cache writes.
    shutil.rmtree(root / "site")
    warm = build_site(root, strict=False, log_level=logging.DEBUG)
    assert warm.ok
    assert "note renders: 2 reused, 0 rendered" in warm.log
    notes = {p.name: p.read_text(encoding="utf-8") for p in seeds.iterdir()}
    assert build_site(fresh, notes=notes, strict=False, zhudu={"cache_dir": ""}).ok
    assert same_tree(root / "site", fresh / "site") == ""


def test_the_sweep_keeps_a_concurrent_builds_fresh_entries_and_never_follows_a_link(tmp_path):
    """Two builds share the cache: this one removes only what it did not use and was there before it started."""
    from zhudu import cache, cache_sweep

    root, outside = tmp_path / "cache", tmp_path / "outside"
    outside.mkdir()
    (outside / "precious").write_bytes(b"not the cache's")
    this_build, other_build = cache.ArtifactCache(root), cache.ArtifactCache(root)
    for kind in KINDS:
        other_build.put(kind, "old-unused", {"old": kind})
        other_build.put(kind, "old-used", {"used": kind})
        (root / kind / "link").symlink_to(outside / "precious")
    (root / "render-linked").symlink_to(outside, target_is_directory=True)
    past = time.time() - 3600
    for path in (root / "note", root / "render"):
        for entry in path.iterdir():
            os.utime(entry, (past, past), follow_symlinks=False)
    started = time.time() - 60  # this build began a minute ago ...
    for kind in KINDS:
        assert this_build.get(kind, "old-used") == {"used": kind}
        this_build.put(kind, "mine", {"mine": kind})
        other_build.put(kind, "concurrent", {"theirs": kind})  # ... the other wrote this since
    removed = cache_sweep.after_build(this_build, False, started, logging.getLogger("test"))
    assert removed == 2
    for kind in KINDS:
        assert sorted(p.name for p in (root / kind).iterdir()) == ["concurrent", "link", "mine", "old-used"]
    assert (outside / "precious").read_bytes() == b"not the cache's"
    assert cache_sweep.sweep_folder(root / "render-linked", set(), time.time()) == 0
    assert (outside / "precious").is_file()


def test_a_serve_process_removes_each_saves_old_entries_and_stays_a_clean_builds_site(tmp_path):
    """``mkdocs serve --dirty``: after edits, a rename and a deletion, one entry per live note (and
    one render per other page: serve keeps those too), once a save later (an undo finds them)."""
    from test_serve_caches import DirtyServer, clean_build
    from test_serve_incremental import differences, project

    root = project(tmp_path / "project")
    seeds = root / "seeds"
    server = DirtyServer(root, tmp_path / "served")
    notes = sorted(seeds.glob("*.md"))
    try:
        server.rebuild()
        pages = len(entries(root, "render-serve"))  # every note and other page
        for n in range(3):
            age_the_cache(root)
            with notes[0].open("a", encoding="utf-8") as file:
                file.write(f"\n第{n}次修改。\n")
            server.rebuild()
        age_the_cache(root)
        notes[1].rename(seeds / "renamed-note.md")
        server.rebuild()
        age_the_cache(root)
        notes[2].unlink()
        server.rebuild()
        live = len(list(seeds.glob("*.md")))
        assert len(entries(root, "note")) == live + 1  # the deleted note's: kept one save (an undo)
        age_the_cache(root)
        server.rebuild()
        assert [len(entries(root, kind)) for kind in ("note", "render-serve")] == [live, pages - 1]
        assert differences(tmp_path / "served", clean_build(root, tmp_path)) == []
    finally:
        server.stop()


def test_a_serve_keeps_the_entries_a_site_wide_change_left_so_undoing_it_renders_nothing(tmp_path):
    """mkdocs.yml changed (every key changes) for a few saves, then put back: every note comes from the cache."""
    from test_serve_caches import DirtyServer
    from test_serve_incremental import project, replace_in

    root = project(tmp_path / "project")
    for n in range(10):  # more notes than ``SITE_WIDE_LEAST``: a smaller site renders again quickly
        (root / "seeds" / f"extra-{n}.md").write_text(
            NOTE_A.replace("甲笔记", f"甲笔记{n}"), encoding="utf-8"
        )
    server = DirtyServer(root, tmp_path / "served")
    before, after = "    timezone: Asia/Shanghai\n", "    timezone: Asia/Shanghai\n    chars_per_minute: 45\n"
    notes = len(list((root / "seeds").glob("*.md")))
    try:
        server.rebuild()
        replace_in(root / "mkdocs.yml", before, after)
        for _ in range(3):
            age_the_cache(root)
            assert server.rebuild()["notes read"] in (0, notes)
        replace_in(root / "mkdocs.yml", after, before)
        counters = server.rebuild()
        assert counters["notes read"] == 0 and counters["notes reused"] == notes
        assert counters["pages kept"] == notes
    finally:
        server.stop()
