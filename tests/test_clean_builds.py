"""The serve tests' clean builds (``clean_builds.py``): a failed or hung build fails its test, saying why.

Each site here is a few lines of mkdocs.yml (and a hook), built by the same forked builder the serve
tests use: a build that raises carries its traceback into the test's failure; a build that hangs is
stopped after its timeout with the stack it hung at; a builder that gives no answer is killed with what it forked.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from clean_builds import Builder, build_clean


def site(root: Path, config: str, hook: str = "") -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    if hook:
        (root / "hook.py").write_text(hook, encoding="utf-8")
    return root


def test_a_failed_clean_builds_traceback_is_in_the_tests_failure(tmp_path: Path) -> None:
    root = site(tmp_path / "broken", "site_name: broken\ntheme:\n  name: no-such-theme\n")
    with pytest.raises(AssertionError) as failed:
        build_clean(root, tmp_path / "site", tmp_path / "cache", None, False)
    said = str(failed.value)
    assert f"the build of {root} failed (exit status 1)" in said
    assert "Traceback (most recent call last)" in said
    assert "no-such-theme" in said  # MkDocs' own message, from the child


HOOKED = "site_name: hung\nhooks: [hook.py]\nextra:\n  zhudu: {}\n"

HANGS = """\
import time


def on_config(config):
    time.sleep(600)  # a build that never ends
"""


def test_a_hung_clean_build_is_stopped_after_its_timeout_showing_where_it_hung(tmp_path: Path) -> None:
    root = site(tmp_path / "hung", HOOKED, HANGS)
    with pytest.raises(AssertionError) as failed:
        build_clean(
            root, tmp_path / "site", tmp_path / "cache", "http://127.0.0.1:8000/", False, timeout=0.5, grace=5
        )
    said = str(failed.value)
    assert f"the build of {root} did not finish in 0.5 s" in said
    assert "Timeout (0:00:00.500000)!" in said  # every thread's stack, written when it was stopped
    assert f'File "{root / "hook.py"}", line 5 in on_config' in said


#: A builder that forks a child, then neither answers nor stops (as if a build's child had hung
#: past any timeout of its own): only the test's side can stop them.
SILENT_BUILDER = """\
import json, os, sys, time
print("ready", flush=True)
site = json.loads(sys.stdin.readline())["site"]
child = os.fork()
if child:
    with open(site, "w") as out:
        out.write(str(child))
time.sleep(600)
"""


def dead(pid: int) -> bool:
    """Whether process ``pid`` is gone or a zombie (killed, not yet reaped by whoever adopted it)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rpartition(")")[2].split()[0] in ("Z", "X")


def test_a_builder_that_gives_no_answer_is_stopped_with_its_child(tmp_path: Path) -> None:
    builder = Builder(SILENT_BUILDER)  # not the one the serve tests share
    forked = tmp_path / "forked"
    try:
        with pytest.raises(AssertionError, match=f"the build of {tmp_path} gave no answer in 1 s"):
            build_clean(
                tmp_path, forked, tmp_path / "cache", None, True, timeout=0.5, grace=0.5, builder=builder
            )
        assert builder.proc is not None and builder.proc.poll() is not None
        child, deadline = int(forked.read_text()), time.monotonic() + 30
        while not dead(child):  # the child the builder forked: killed with it (the kill lands soon after)
            assert time.monotonic() < deadline, f"the builder's child {child} still runs"
            time.sleep(0.01)
    finally:
        builder.stop()
