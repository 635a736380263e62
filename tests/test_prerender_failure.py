"""A note page the pre-render worker fails on stops the build with the real error (``publish/prerender.py``).

Real ``mkdocs build`` runs, as the author starts them, of a project with ``workers: 2`` and a second
hook of the test's (``fail.py``) that fails in the pre-render worker only, or in both processes.
The worker renders from the end of the list; the test's hook holds MkDocs' process at its first note
page until the worker has begun one, so the worker always meets the failure.  What fails where the
worker alone fails: nothing, before (MkDocs rendered the page itself and the build passed).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, build_site, mkdocs_build_cli, repo_config

pytestmark = pytest.mark.slow  # a build per case: long, so collected first (conftest)

#: ``fail.py``: MODE (read from ``mode.txt`` beside it at each page) says what fails, and where.
_HOOK = """
import os
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

_MAIN = os.getpid()
_HERE = Path(__file__).parent


def on_page_markdown(markdown, page, config, files):
    mode = (_HERE / "mode.txt").read_text().strip()
    if mode == "off" or not page.file.src_uri.startswith("notes/"):
        return markdown
    in_worker = os.getpid() != _MAIN
    started = _HERE / "worker-started"
    if in_worker:
        started.touch()
    else:  # MkDocs' process waits at its first note page until the worker has begun one
        deadline = time.monotonic() + 60
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
    if mode == "both-plugin" or (in_worker and mode == "worker-plugin"):
        raise PluginError("seeds/n1.md:3: 测试的错误：请改正")
    if in_worker and mode == "worker-bug":
        raise ValueError("测试的缺陷")
    if in_worker and mode == "worker-killed":
        os.kill(os.getpid(), 9)
    return markdown
"""

_NOTES = {
    f"n{k}.md": f"---\ntitle: 笔记{k}\ndate: 2024-01-0{k}\n---\n\n第{k}篇笔记的正文，写了几句话。\n\n## 小节\n\n更多的正文。\n"
    for k in range(1, 7)
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("prerender-failure")
    (root / "fail.py").write_text(_HOOK, encoding="utf-8")
    (root / "mode.txt").write_text("off", encoding="utf-8")
    hooks = [str(REPO / "hooks" / "zhudu_hook.py"), str(root / "fail.py")]
    # One variant (the Simplified one the notes are written in): the worker renders note pages, fails
    # and is said the same with one as with three, and each build costs a quarter less (no converters).
    simplified = repo_config()["extra"]["zhudu"]["variants"][:1]
    zhudu = {"workers": 2, "variants": simplified}
    result = build_site(root, notes=_NOTES, zhudu=zhudu, config={"hooks": hooks})
    assert result.ok, result.log
    return root


def _build(root: Path, mode: str) -> tuple[int, str]:
    (root / "mode.txt").write_text(mode, encoding="utf-8")
    for made in (root / ".cache", root / "site", root / "worker-started"):
        if made.is_dir():
            shutil.rmtree(made)
        made.unlink(missing_ok=True)
    done = mkdocs_build_cli(root)
    assert (root / "worker-started").exists(), "the worker rendered no page"
    return done.returncode, done.stderr


def _errors(stderr: str) -> list[str]:
    return [line.split("-", 1)[1].strip() for line in stderr.splitlines() if line.startswith("ERROR")]


def _failed(root: Path, mode: str) -> tuple[list[str], str]:
    """The error lines of a build that failed as the author sees it: exit status 1, no traceback."""
    code, stderr = _build(root, mode)
    assert code == 1 and "Traceback" not in stderr, stderr
    return _errors(stderr), stderr


def test_the_authors_error_met_in_the_worker_alone_stops_the_build(project: Path) -> None:
    assert _failed(project, "worker-plugin")[0] == ["seeds/n1.md:3: 测试的错误：请改正"]


def test_a_failure_of_the_worker_alone_names_the_note_and_what_to_do(project: Path) -> None:
    (error,) = _failed(project, "worker-bug")[0]
    assert re.fullmatch(
        r"seeds/n\d\.md: the pre-render worker failed on it \(ValueError: 测试的缺陷\); MkDocs rendered "
        r"the note itself without that error, .*'workers: 0' under extra\.zhudu in mkdocs\.yml.*",
        error,
    ), error


def test_a_worker_that_was_killed_is_said_and_what_to_do(project: Path) -> None:
    (error,) = _failed(project, "worker-killed")[0]
    assert error.startswith(
        "mkdocs.yml: extra.zhudu.workers: the pre-render worker ended before its work was done (BrokenProcessPool"
    ), error
    assert "set 'workers: 0'" in error


def test_an_error_both_processes_meet_is_mkdocs_own_shown_once(project: Path) -> None:
    # MkDocs' process stops at the page; the worker's stop on the failed build raises nothing more.
    errors, stderr = _failed(project, "both-plugin")
    assert errors[-1] == "seeds/n1.md:3: 测试的错误：请改正" and stderr.count("测试的错误") == 1


def test_without_a_failure_the_build_passes(project: Path) -> None:
    code, stderr = _build(project, "wait")
    assert code == 0, stderr
    assert not _errors(stderr)
