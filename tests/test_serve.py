"""`mkdocs serve` while the author edits: changes show up, a broken note never stops the server."""

from __future__ import annotations

import contextlib
import html
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import SERVE_POPEN, build_site, ctrl_c, free_port

pytestmark = pytest.mark.slow

NOTE = "---\ntitle: 编辑中的笔记\ndate: 2024-01-01\n---\n\n第一版的正文。\n"


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:
        return 0, ""


def wait_for(url: str, text: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        status, body = fetch(url)
        if status == 200 and text in body:
            return body
        time.sleep(0.2)
    raise AssertionError(f"{text!r} did not appear at {url} within {timeout}s")


def start_serving(root: Path, port: int, **env: str) -> subprocess.Popen:
    """``mkdocs serve`` on ``root``, stopped with ``ctrl_c``; its output in one pipe."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(root / "mkdocs.yml")],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        **SERVE_POPEN,
    )


@dataclass
class Serving:
    """One ``mkdocs serve`` of a project holding ``edit.md``, and the project's files as it started."""

    root: Path
    url: str
    proc: subprocess.Popen
    files: dict[Path, bytes]


def project_files(root: Path) -> dict[Path, bytes]:
    """The files of the notes and editorial data a test may save."""
    folders = (root / "seeds", root / "docs" / "editorial")
    return {p: p.read_bytes() for folder in folders for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def serving(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Serving]:
    """One server for the tests below (its start and first build are most of a test's time)."""
    root = tmp_path_factory.mktemp("serving")
    build_site(root, notes={"edit.md": NOTE}, config={"watch": ["seeds"]}, strict=False)
    port = free_port()
    proc = start_serving(root, port)
    assert proc.stdout is not None
    # Its output read as it comes: the pipe must never fill while it serves test after test.
    threading.Thread(target=proc.stdout.read, daemon=True).start()
    url = f"http://127.0.0.1:{port}/zhudu/zh-Hans/notes/edit/"
    try:
        wait_for(url, "第一版的正文", timeout=60)
        yield Serving(root, url, proc, project_files(root))
    finally:
        ctrl_c(proc)


@pytest.fixture
def served(serving: Serving) -> tuple[Path, str, subprocess.Popen]:
    """The server, its project saved back as it started (whatever a test before saved) and served so."""
    now = project_files(serving.root)
    for path in now.keys() - serving.files.keys():
        path.unlink()
    for path, data in serving.files.items():
        if now.get(path) != data:
            path.write_bytes(data)
    if now != serving.files:
        deadline = time.monotonic() + 60
        while not served_as_it_started(serving.url):
            assert time.monotonic() < deadline, "mkdocs serve did not rebuild the project as it started"
            time.sleep(0.2)
    assert serving.proc.poll() is None
    return serving.root, serving.url, serving.proc


def served_as_it_started(url: str) -> bool:
    """The note's first text, no error on its page, and no page for a note a test added."""
    status, page = fetch(url)
    return (
        status == 200
        and "第一版的正文" in page
        and "编辑数据有误" not in page
        and fetch(url.replace("/edit/", "/hostile/"))[0] == 404
    )


def test_ctrl_c_stops_serving_at_once_and_leaves_nothing_behind(tmp_path):
    """An author's Ctrl-C, even in the middle of a save's rebuild: MkDocs shuts down (the hook's ``on_shutdown``
    included) without a traceback and deletes its temporary site folder."""
    build_site(tmp_path, notes={"edit.md": NOTE}, config={"watch": ["seeds"]}, strict=False)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    port = free_port()
    proc = start_serving(tmp_path, port, TMPDIR=str(temporary))
    try:
        wait_for(f"http://127.0.0.1:{port}/zhudu/zh-Hans/notes/edit/", "第一版的正文", timeout=60)
        assert list(temporary.glob("mkdocs_*")), "the served site is not where TMPDIR says"
        (tmp_path / "seeds" / "edit.md").write_text(NOTE.replace("第一版", "第二版"), encoding="utf-8")
    finally:
        code = ctrl_c(proc)
    assert proc.stdout is not None
    output = proc.stdout.read()
    assert code == 0 and "Shutting down" in output and "Traceback" not in output, output
    assert not list(temporary.glob("mkdocs_*"))


def test_broken_note_shows_an_error_and_the_server_keeps_serving(served):
    root, url, proc = served
    note = root / "seeds" / "edit.md"
    note.write_text("---\ntitle: [坏的\n---\n\n正文。\n", encoding="utf-8")
    page = wait_for(url, "这篇笔记无法读取")
    assert "seeds/edit.md:3" in page and "starts on line 2" in page, page[
        page.find("zd-note-error") : page.find("zd-note-error") + 600
    ]
    assert proc.poll() is None  # still serving
    note.write_text(NOTE.replace("第一版", "修好后"), encoding="utf-8")
    wait_for(url, "修好后的正文")
    assert proc.poll() is None
    tw = url.replace("/zh-Hans/", "/zh-Hant-TW/")
    wait_for(tw, "修好後的正文")


@pytest.mark.parametrize(
    ("name", "shown_as"),
    [
        ("themes.yml", "主题暂不显示"),
        ("glossary.yml", "术语表暂不显示"),
        ("annotations.yml", "编辑注暂不显示"),
        ("notes.yml", "编辑对笔记的设定暂不显示"),
        ("conversion.yml", "编辑的转换规则暂不显示"),
    ],
)
def test_a_broken_editorial_file_is_served_without_its_data_and_with_the_error_on_every_page(
    served, name, shown_as
):
    # MkDocs' server holds every request while a rebuild raises: the author would wait on a page that
    # never loads.  The site is served without the broken file's data, with its error on every page.
    root, url, proc = served
    data = root / "docs" / "editorial" / name
    before = data.read_bytes() if data.exists() else None
    data.write_text("items:\n  - id: x\n    name: [未闭合\n", encoding="utf-8")
    page = wait_for(url, "编辑数据有误", timeout=30)
    assert f"docs/editorial/{name}:" in page and shown_as in page and "第一版的正文" in page
    assert str(root) not in page  # named from mkdocs.yml's folder, as the author sees it
    home = wait_for(url.replace("notes/edit/", ""), "编辑数据有误", timeout=10)
    assert "编辑中的笔记" in home  # the rest of the site is there
    # What the box says around the error is the page's own text, in the page's script: not left Simplified.
    box = (
        fetch(url.replace("/zh-Hans/", "/zh-Hant-TW/"))[1]
        .split('class="zd-build-errors"')[1]
        .split("</div>")[0]
    )
    assert "暫不顯示" in box and "暂不显示" not in box, box
    assert "Traceback" not in page
    if before is None:
        data.unlink()
    else:
        data.write_bytes(before)
    deadline = time.monotonic() + 30
    while "编辑数据有误" in fetch(url)[1] and time.monotonic() < deadline:
        time.sleep(0.2)
    status, page = fetch(url)
    assert status == 200 and "编辑数据有误" not in page and "第一版的正文" in page
    assert proc.poll() is None


@pytest.mark.parametrize(
    ("hostile", "message"),
    [
        ("\n".join("    " * i + "- 层" for i in range(2000)), "the note is 7,820 KiB, over the limit"),
        ("\n".join("    " * i + "- 层" for i in range(100)), "nesting 33 levels deep"),
        ("[" * 20000 + "\n", "'[' unclosed"),
        ("_" * 3000 + "\n", "a run of 3000"),
    ],
    ids=["2000-level-list", "100-level-list", "unclosed-brackets", "emphasis-run"],
)
def test_a_note_that_would_take_minutes_to_render_is_refused_and_serving_goes_on(served, hostile, message):
    root, url, proc = served
    (root / "seeds" / "hostile.md").write_text("---\ntitle: 坏\n---\n\n" + hostile, encoding="utf-8")
    started = time.monotonic()
    page = wait_for(url.replace("/edit/", "/hostile/"), "这篇笔记无法读取", timeout=30)
    assert message in html.unescape(page) and "seeds/hostile.md:" in page
    assert time.monotonic() - started < 15
    assert "第一版的正文" in fetch(url)[1]
    assert proc.poll() is None


@pytest.mark.browser
def test_an_edit_in_seeds_reloads_the_open_page(served, page):
    root, url, _ = served
    page.goto(url)  # no "networkidle": livereload keeps a request open
    assert "第一版的正文" in page.content()
    started = time.monotonic()
    (root / "seeds" / "edit.md").write_text(NOTE.replace("第一版", "第二版"), encoding="utf-8")
    page.wait_for_function("(document.body?.innerText ?? '').includes('第二版的正文')", timeout=30_000)
    print(f"edit → visible in the browser: {time.monotonic() - started:.2f}s")


@contextlib.contextmanager
def serving_builds(root: Path) -> Iterator[Callable[[str], Path]]:
    """Builds of the project in ``root`` made in this process as ``mkdocs serve`` makes them."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from zhudu.annotate import annotations

    def build_into(name: str) -> Path:
        build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / name)))
        return root / name

    before = annotations._command["name"]
    annotations.set_command("serve")
    try:
        yield build_into
    finally:
        annotations.set_command(before)


def test_a_serve_rebuild_rewrites_unchanged_pages_exactly(tmp_path: Path, caplog) -> None:
    """Pages whose HTML did not change are written from the cache: the same bytes as converting."""
    other = "---\ntitle: 另一篇\ndate: 2024-01-02\n---\n\n另一篇的软件和数据。\n"
    assert build_site(tmp_path, notes={"edit.md": NOTE, "other.md": other}).ok

    def counts() -> tuple[int, int]:
        line = [r.getMessage() for r in caplog.records if "written from the cache" in r.getMessage()][-1]
        m = re.search(r"(\d+) written from the cache, (\d+) converted", line)
        assert m is not None, line
        return int(m[1]), int(m[2])

    caplog.set_level(logging.DEBUG, logger="mkdocs")
    with serving_builds(tmp_path) as build_into:
        build_into("first")
        (tmp_path / "seeds" / "edit.md").write_text(NOTE.replace("第一版", "第二版"), encoding="utf-8")
        rebuilt = build_into("rebuilt")
        reused, converted = counts()
        shutil.rmtree(tmp_path / ".cache")
        fresh = build_into("fresh")
        assert counts()[0] == 0

    # Every variant copy of the edited note, and of the pages listing it, converted; the rest reused.
    assert reused >= 5 and 0 < converted < reused, (reused, converted)
    files = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(rebuilt) for p in rebuilt.rglob("*") if p.is_file())
    for rel in files:
        assert (rebuilt / rel).read_bytes() == (fresh / rel).read_bytes(), rel
    assert "第二版的正文" in (rebuilt / "zh-Hant-TW" / "notes" / "edit" / "index.html").read_text("utf-8")


_FORKS: list[int] = []
_COUNTING_FORKS: list[bool] = []
os.register_at_fork(before=lambda: _FORKS.append(1) if _COUNTING_FORKS else None)


def test_serve_rebuilds_never_fork(tmp_path: Path) -> None:
    """``mkdocs serve`` rebuilds beside the server's threads, which forking does not mix with: no
    worker process, whatever the machine's CPUs (``workers.py``); ``mkdocs build`` forks."""
    many = {f"n{i}.md": f"---\ntitle: 第{i}篇\n---\n\n第{i}篇讲数据和软件。\n" for i in range(4)}
    built = build_site(tmp_path, notes=many, zhudu={"workers": 2})
    assert built.ok, built.log
    _COUNTING_FORKS.append(True)
    try:
        _FORKS.clear()
        built = build_site(tmp_path, notes=many, zhudu={"workers": 2})
        assert built.ok and _FORKS, "mkdocs build forks its workers"
        _FORKS.clear()
        with serving_builds(tmp_path) as build_into:
            build_into("served")
        assert _FORKS == []
    finally:
        _COUNTING_FORKS.clear()
