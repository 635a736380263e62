"""``mkdocs serve --dirty``: after any sequence of saves the served site equals a clean build, byte for byte.

A real ``mkdocs serve --dirty`` runs on a copy of the project (the shipped notes and editorial
files); each step saves a change the way an author or editor would, waits until the server has
rebuilt (its "Reloading browsers" line), and compares the folder it serves (MkDocs' temporary
``mkdocs_*`` folder, found in the ``TMPDIR`` the server was given) with a clean build of the same
files made in serve mode by a new process with an empty cache (same site URL, same ``serve`` command).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from clean_builds import build_clean, project_digest, repo_code

from conftest import REPO, SERVE_POPEN, ctrl_c, free_port

pytestmark = pytest.mark.slow

BUILT = "Documentation built in"
#: Logged after every rebuild; "Documentation built in N seconds" is not: MkDocs drops a log line
#: identical to an earlier one (its DuplicateFilter), so a rebuild as long as an earlier one is silent.
RELOADED = "Reloading browsers"
#: Logged when a rebuild starts.  Under load watchdog may deliver a save's events after the rebuild
#: they asked for has begun, and MkDocs then rebuilds once more: the folder is compared only when
#: every rebuild that started has finished.
DETECTED = "Detected file changes"


def project(root: Path) -> Path:
    """The project as a clone has it (mkdocs.yml, hooks, overrides, docs, the shipped notes)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("hooks", "overrides", "docs", "seeds"):
        shutil.copytree(REPO / name, root / name, ignore=ignore)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


class MkdocsServe:
    """``mkdocs serve <args>`` on ``root``, its output collected as it comes (the pipe never fills)."""

    def __init__(self, root: Path, args: list[str], env: dict[str, str]) -> None:
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *args],
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            **SERVE_POPEN,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)

    def stop(self) -> int:
        """Ctrl-C, as an author stops it; the exit code."""
        return ctrl_c(self.proc)


class Server(MkdocsServe):
    """``mkdocs serve --dirty`` on ``root``; counts its finished rebuilds."""

    def __init__(self, root: Path, port: int) -> None:
        self.tmp = root.parent / "serve-tmp"
        self.tmp.mkdir()
        super().__init__(root, ["--dirty", "-a", f"127.0.0.1:{port}"], {"TMPDIR": str(self.tmp)})

    def builds(self) -> int:
        """Builds finished: the first, then every rebuild."""
        return any(BUILT in line for line in self.lines) + sum(RELOADED in line for line in self.lines)

    def started(self) -> int:
        """Builds started: the first, then every rebuild."""
        return 1 + sum(DETECTED in line for line in self.lines)

    def serving(self) -> bool:
        """The server listens (MkDocs says so after its first build, once the socket is open)."""
        return any("Serving on http" in line for line in self.lines)

    def wait_builds(self, count: int, timeout: float = 120) -> None:
        """Until ``count`` builds have finished, no rebuild is running and the server listens."""
        deadline = time.monotonic() + timeout
        while self.builds() < max(count, self.started()) or not self.serving():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("mkdocs serve did not rebuild:\n" + "".join(self.lines[-40:]))
            time.sleep(0.05)

    def site_dir(self) -> Path:
        (folder,) = self.tmp.glob("mkdocs_*")
        return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def folders(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir()}


def differences(served: Path, clean: Path) -> list[str]:
    a, b = tree(served), tree(clean)
    out = [f"only served: {k}" for k in sorted(a.keys() - b.keys())]
    out += [f"only in the clean build: {k}" for k in sorted(b.keys() - a.keys())]
    out += [f"differs: {k}" for k in sorted(a.keys() & b.keys()) if a[k] != b[k]]
    out += [f"empty folder served: {k}" for k in sorted(folders(served) - folders(clean))]
    return out


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, Server, Callable[..., list[str]], str]]:
    root = project(tmp_path / "project")
    port = free_port()
    server = Server(root, port)
    url = f"http://127.0.0.1:{port}/zhudu/"
    cleans: dict[str, Path] = {}  # the digest of the project's files → their clean build

    def compare(save: Callable[[], None] | None = None) -> list[str]:
        """Save (if given), then a clean build beside the server's rebuild; the differences once both are done.

        The clean build is a new process's with an empty cache of its own (clean_builds.py): a build that shared
        the server's cache, or a process that built before, would repeat a stale entry and hide it.  Files
        back at the bytes of an earlier step are compared with that step's clean build (the same bytes)."""
        before = server.builds()
        if save is not None:
            save()
        clean = cleans.get(key := project_digest(root))
        if clean is None:
            clean = cleans[key] = tmp_path / f"clean-{len(cleans)}"
            same_code = project_digest(root / "hooks") == repo_code()
            build_clean(root, clean, tmp_path / f"clean-cache-{len(cleans)}", url, same_code)
        server.wait_builds(before + (save is not None))
        while True:
            started = server.started()
            found = differences(server.site_dir(), clean)
            if server.started() == started:  # no late rebuild wrote while we read
                return found
            server.wait_builds(server.started())

    try:
        server.wait_builds(1)
        yield root, server, compare, url
    finally:
        server.stop()


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_served_site_equals_a_clean_build_after_every_save(served, page):
    root, server, compare, url = served
    seeds, editorial = root / "seeds", root / "docs" / "editorial"
    first, second, third = sorted(seeds.glob("*.md"))
    third_text = third.read_text(encoding="utf-8")

    def rename(old: Path, new: Path) -> None:
        old.rename(new)

    steps: list[tuple[str, Callable[[], None]]] = [
        ("edit a body", lambda: replace_in(first, "**ahamoment2100**", "**ahamoment2100（改）**")),
        ("change a title", lambda: replace_in(first, "技术下放：2025年", "技术下放：二〇二五年")),
        ("change the date", lambda: replace_in(first, "created: 2025-05-16", "created: 2025-05-20")),
        ("change the tags", lambda: replace_in(first, "#技术下放 #AI", "#技术下放 #算力")),
        ("add a note", lambda: (seeds / "new-note.md").write_text(NEW_NOTE, encoding="utf-8")),
        ("delete a note", lambda: third.unlink()),
        ("rename a note", lambda: rename(seeds / "new-note.md", seeds / "renamed-note.md")),
        # Its pages were removed as stale and its record dropped: written again (or restored from the cache).
        ("bring the deleted note back", lambda: third.write_text(third_text, encoding="utf-8")),
        ("break a note", lambda: (seeds / "renamed-note.md").write_text(BROKEN, encoding="utf-8")),
        ("fix it", lambda: (seeds / "renamed-note.md").write_text(NEW_NOTE, encoding="utf-8")),
        ("themes.yml", lambda: replace_in(editorial / "themes.yml", "算力握在谁手里", "算力在谁手里")),
        (
            "glossary.yml",
            lambda: replace_in(editorial / "glossary.yml", "目前没有公认的实现", "至今没有公认的实现"),
        ),
        (
            "annotations.yml",
            lambda: replace_in(editorial / "annotations.yml", "没有可查的出处", "找不到出处"),
        ),
        (
            "notes.yml",
            lambda: replace_in(
                editorial / "notes.yml", "slug: technology-devolution-2025", "slug: devolution"
            ),
        ),
        (
            "conversion.yml",
            lambda: replace_in(editorial / "conversion.yml", "  - 深度求索", "  - 深度求索\n  - 幻方"),
        ),
        ("mkdocs.yml", lambda: replace_in(root / "mkdocs.yml", "site_name: 注读", "site_name: 注读（预览）")),
    ]
    assert compare() == [], "the first build"
    # The reader's page reloads once the save is built, where the reader was (MkDocs' livereload
    # calls location.reload(); Material hands scrolling back to the browser before the page unloads).
    page.goto(url + "zh-Hans/notes/technology-devolution-2025/", wait_until="load")
    page.evaluate("window.scrollTo(0, 1500)")
    page.wait_for_function("Math.abs(window.scrollY - 1500) < 2")
    site = server.site_dir()
    written = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
    for name, save in steps:
        assert compare(save) == [], name
        if written:
            page.wait_for_function(
                "(document.body?.innerText ?? '').includes('ahamoment2100（改）')", timeout=30_000
            )
            page.wait_for_function("window.scrollY > 0", timeout=10_000)
            assert (
                abs(page.evaluate("window.scrollY") - 1500) < 50
            )  # after the first save: the pages it did not change were left as they were
            rewritten = [
                p.relative_to(site).as_posix() for p, m in written.items() if p.stat().st_mtime_ns != m
            ]
            assert rewritten and len(rewritten) < len(written) / 2, rewritten
            assert not any(re.search(r"(^|/)about/", p) for p in rewritten), rewritten
            written = {}
            # The reader's checks are the first save's: the page leaves, so the later saves (checked
            # against a clean build each) do not each reload a page no assertion reads.
            page.goto("about:blank")
    assert second.exists()


NEW_NOTE = (
    "---\ntitle: 新加的笔记\ndate: 2025-06-01\ntags: [算力]\n---\n\n一段新的正文，谈到算力和 DeepSeek。\n"
)
BROKEN = "---\ntitle: [坏的\n---\n\n正文。\n"


def test_stale_files_are_removed_only_inside_the_site_folder(tmp_path):
    """The record comes from the cache folder (a CI cache, say): a path in it never leaves the site."""
    from zhudu.publish import incremental

    site, outside = tmp_path / "site", tmp_path / "outer"
    (site / "notes" / "gone").mkdir(parents=True)
    (site / "notes" / "gone" / "index.html").write_text("old")
    outside.mkdir()
    (outside / "victim.txt").write_text("keep")
    incremental.set_dirty(True)
    try:
        outputs = incremental.Outputs.open(None, str(site), ["zh-Hans"])
        outputs.previous_owned = ["notes/gone/index.html", "../outer/victim.txt", str(outside / "victim.txt")]
        removed = outputs.remove_stale([])
    finally:
        incremental.set_dirty(False)
    assert removed == ["notes/gone/index.html"]
    assert (outside / "victim.txt").read_text() == "keep" and site.is_dir()
    assert not (site / "notes").exists()  # folders left empty by the removal go too, up to the site


def test_a_clean_build_drops_the_record_of_an_earlier_dirty_build(tmp_path):
    from zhudu.publish import incremental

    cache_dir, site = tmp_path / "cache", tmp_path / "site"
    incremental.set_dirty(True)
    try:
        incremental.Outputs.open(cache_dir, str(site), ["zh-Hans"]).save(
            {"index.html": incremental.Kept("d", "./", None, True, True)}, ["index.html"]
        )
    finally:
        incremental.set_dirty(False)
    records = list((cache_dir / "outputs").glob("*.json"))
    assert len(records) == 1
    incremental.Outputs.open(cache_dir, str(site), ["zh-Hans"])  # a plain build into the same folder
    assert not records[0].exists()


def test_the_next_dirty_build_reads_the_record_written_as_objects_unless_the_file_changed(tmp_path):
    """Serve's next build gets the very ``Kept`` objects written (no new object per page per save)."""
    from zhudu.publish import incremental
    from zhudu.publish.records import RecordFiles

    cache_dir, site, records = tmp_path / "cache", tmp_path / "site", RecordFiles()
    page = incremental.Kept("d", "./", None, True, True, "b")
    incremental.set_dirty(True)
    try:
        first = incremental.Outputs.open(cache_dir, str(site), ["zh-Hans"], records=records)
        first.rules = {"rule": "x"}
        first.save({"index.html": page}, ["zh-Hans/index.html", "index.html"])
        again = incremental.Outputs.open(cache_dir, str(site), ["zh-Hans"], records=records)
        assert again.previous["index.html"] is page
        assert again.previous_owned == ["index.html", "zh-Hans/index.html"]
        assert again.previous_rules == {"rule": "x"}
        # ``open`` wrote an empty record (nothing trusted until the build ends): that is what is read next.
        assert incremental.Outputs.open(cache_dir, str(site), ["zh-Hans"], records=records).previous == {}
        # A record written by another process (here: by hand) is read from the file.
        again.save({"index.html": page}, ["index.html"])
        (path,) = (cache_dir / "outputs").glob("*.json")
        data = json.loads(path.read_text(encoding="utf-8"))
        data["pages"]["index.html"][0] = "changed"
        path.write_text(json.dumps(data), encoding="utf-8")
        read = incremental.Outputs.open(cache_dir, str(site), ["zh-Hans"], records=records).previous
        assert read["index.html"] == incremental.Kept("changed", "./", None, True, True, "b")
        # A new process (no records kept) reads the same values from the file.
        path.write_text(json.dumps(data), encoding="utf-8")
        assert incremental.Outputs.open(cache_dir, str(site), ["zh-Hans"]).previous == read
    finally:
        incremental.set_dirty(False)


@pytest.mark.parametrize("seed", range(8))
def test_a_record_keeps_the_last_owned_list_while_the_paths_are_the_same(tmp_path, seed):
    """The owned paths are sorted again only when they changed; every record reads back as written afresh."""
    import random

    from zhudu.publish.records import RecordFiles, in_order

    rng = random.Random(seed)
    records, path = RecordFiles(), tmp_path / "record.json"
    pool = [f"{p}notes/n{i:02d}/index.html" for i in range(40) for p in ("", "zh-Hant-TW/")]
    owned = set(rng.sample(pool, 30))
    written: list[str] = []
    for _ in range(12):
        if rng.random() < 0.4:  # a note added or removed, or its file renamed
            owned ^= set(rng.sample(pool, rng.randint(1, 3)))
        given = rng.choice([set(owned), sorted(owned, reverse=True), [*owned, *owned]])
        before = written
        records.write(path, {}, given, {"rule": "x"})
        written = records.written[path][1].owned
        assert written == sorted(owned) and (written is before) == (before == sorted(owned))
        assert json.loads(path.read_text(encoding="utf-8")) == {
            "version": 2,
            "pages": {},
            "owned": sorted(owned),
            "rules": {"rule": "x"},
        }
        assert RecordFiles().read(path).owned == sorted(owned)  # another process reads the same
    assert in_order(set(pool[:3]), sorted(pool[:3])) == sorted(pool[:3])


def test_a_page_left_as_written_keeps_the_last_builds_page_record_while_it_is_equal(tmp_path):
    """``finish_pages`` hands the last save's ``PageRecord``: no new object per page per save when unchanged."""
    from zhudu.publish.site import PageRecord, Site
    from zhudu.settings import ZhuduConfig

    settings = ZhuduConfig()
    settings.load_dict({})
    settings.validate()
    site = Site(settings=settings, root=tmp_path, site_url="")
    last = PageRecord("notes/a/index.html", "notes/a/", "2024-01-02", True)
    site.register_page("notes/a/index.html", "notes/a/", "2024-01-02", True, last)
    assert site.pages["notes/a/index.html"] is last
    site.register_page("notes/a/index.html", "notes/a/", "2024-01-03", True, last)  # its date changed
    assert site.pages["notes/a/index.html"] == PageRecord(
        "notes/a/index.html", "notes/a/", "2024-01-03", True
    )
    assert site.pages["notes/a/index.html"] is not last
