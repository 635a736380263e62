"""How ``mkdocs serve`` hears a save (``hooks/zhudu/watching.py``): inotify on Linux, polling when asked.

A real ``mkdocs serve --verbose`` runs on a tiny site; MkDocs logs each file event it acts on
(``FileClosedEvent(...)``, ``FileMovedEvent(...)`` from inotify; ``FileModifiedEvent(...)`` from
its polling observer, which compares folder listings), so the log says which observer heard the
save, with no timing involved.
"""

from __future__ import annotations

import os
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_serve_incremental import MkdocsServe

from conftest import build_site, free_port

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's"),
]

NOTE = "---\ntitle: 编辑中的笔记\ndate: 2024-01-01\n---\n\n第一版的正文。\n"


class Served(MkdocsServe):
    """``mkdocs serve --verbose`` on ``root``: MkDocs logs each file event it acts on."""

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        port = free_port()
        self.url = f"http://127.0.0.1:{port}/zhudu/zh-Hans/notes/edit/"
        super().__init__(root, ["--verbose", "-a", f"127.0.0.1:{port}"], env)

    def wait_for(self, text: str, timeout: float = 60) -> str:
        """The page once it shows ``text``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, "".join(self.lines[-40:])
            try:
                with urllib.request.urlopen(self.url, timeout=5) as response:
                    body = response.read().decode("utf-8")
                if text in body:
                    return body
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear within {timeout}s:\n" + "".join(self.lines[-40:]))

    def events(self, kind: str, name: str) -> list[str]:
        """The file events of ``kind`` MkDocs acted on for a path ending in ``name``."""
        return [line for line in self.lines if f"{kind}(src_path=" in line and name in line]


def started(root: Path, **env: str) -> Served:
    """The tiny site built into ``root``, then served (once its first page shows)."""
    build_site(root, notes={"edit.md": NOTE}, config={"watch": ["seeds"]}, strict=False)
    server = Served(root, env)
    try:
        server.wait_for("第一版的正文")
    except BaseException:
        server.stop()
        raise
    return server


@pytest.fixture(scope="module")
def inotify_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, Path]]:
    """One server heard by inotify (the default) for the tests of this module that save into it.

    Each asserts over the server's whole log, whatever the other saved before: MkDocs never acted on a
    polling observer's event, nor on a file the build opened to read."""
    root = tmp_path_factory.mktemp("watching")
    server = started(root)
    yield server, root
    server.stop()


def test_a_save_is_heard_from_inotify(inotify_served):
    server, root = inotify_served
    (root / "seeds" / "edit.md").write_text(NOTE.replace("第一版", "第二版"), encoding="utf-8")
    server.wait_for("第二版的正文")
    assert server.events("FileClosedEvent", "edit.md"), "".join(server.lines[-40:])
    # Not the polling observer's events, and not the files the build opens to read.
    assert not server.events("FileModifiedEvent", "edit.md")
    assert not server.events("FileClosedNoWriteEvent", "")
    assert not server.events("FileOpenedEvent", "")


def test_an_editors_atomic_save_is_heard(inotify_served):
    # Many editors write a temporary file and rename it over the note (and over mkdocs.yml).
    server, root = inotify_served
    temporary = root / "seeds" / ".edit.md.swp"
    temporary.write_text(NOTE.replace("第一版", "改名保存"), encoding="utf-8")
    os.replace(temporary, root / "seeds" / "edit.md")
    server.wait_for("改名保存的正文")
    assert server.events("FileMovedEvent", "edit.md"), "".join(server.lines[-40:])
    assert not server.events("FileModifiedEvent", "edit.md")  # not the polling observer's
    config = root / "mkdocs.yml"
    temporary = root / ".mkdocs.yml.new"
    temporary.write_text(config.read_text(encoding="utf-8").replace("site_name:", "site_name: 新名字 #"))
    os.replace(temporary, config)
    server.wait_for("新名字")


def test_zhudu_serve_poll_keeps_mkdocs_polling(tmp_path):
    server = started(tmp_path, ZHUDU_SERVE_POLL="1")
    try:
        assert any("polled every half second (ZHUDU_SERVE_POLL is set)" in line for line in server.lines)
        (tmp_path / "seeds" / "edit.md").write_text(NOTE.replace("第一版", "第三版"), encoding="utf-8")
        server.wait_for("第三版的正文")
        assert server.events("FileModifiedEvent", "edit.md"), "".join(server.lines[-40:])
        assert not server.events("FileClosedEvent", "edit.md")
    finally:
        server.stop()
