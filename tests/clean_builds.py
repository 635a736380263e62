"""Clean builds for the serve tests' comparisons, each in a new process with nothing built before it.

A serve test compares the folder a ``mkdocs serve --dirty`` process wrote with a clean build of the
same files.  Starting ``python`` for each clean build spent most of its CPU on imports (MkDocs,
Material, Markdown, Zhudu) and on jieba's dictionary, the same every time.  A builder process per
test worker imports them once and forks a child for each clean build: the child starts as a new
process would after those imports (nothing was ever built in the builder: no module state a build
sets exists in it), builds, and exits.

Zhudu's code: the builder imports this checkout's ``hooks/``.  A project whose ``hooks/`` holds other
bytes (a test changed Zhudu's code) is built by a child that forgets every ``zhudu`` module first, so
its build imports the project's own copy, as a new process would.  jieba's dictionary is loaded in
the builder with the project's domain words (as ``conftest.build_site`` does for in-process builds)
only for a project with this checkout's code; a child whose words differ loads its own, as a build does.

A build that fails fails its test with the end of what the child wrote (the build's log, its traceback);
a build that runs past its timeout is stopped, every thread's Python stack written first (``faulthandler``),
and fails its test naming the site; a builder that gives no answer at all is killed with its child.

What a new process per build sampled and this does not: each clean build's own hash seed (the children
of one builder share the builder's; the serve process compared with it has another).
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
import os
import select
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

from conftest import REPO

#: The builder: imports what a build imports, then forks a child per request line (JSON: the project's
#: mkdocs.yml, the site and cache folders, the serve URL or none for ``mkdocs build``, whether the build
#: is dirty, whether the project's code is this checkout's, the seconds it may take); answers each with
#: one line of JSON: the child's exit status and CPU seconds, whether it ran out of time, and what it
#: wrote (the build's log, a traceback).
BUILDER = textwrap.dedent(
    """
    import faulthandler, json, os, sys, tempfile, time, traceback
    from pathlib import Path
    import jieba, jinja2, markdown, opencc, pygments, pymdownx, pypinyin, yaml
    import material.plugins.search.plugin
    import mkdocs.commands.build, mkdocs.config, mkdocs.plugins, mkdocs.theme
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    import zhudu_hook
    from zhudu.search import index as search
    from zhudu.script import regional
    from zhudu.script.variant_configs import DEFAULT_VARIANTS

    # The shipped regional layer and its matchers, kept per process as a build keeps them: a function of
    # this checkout's code alone (a child with other code forgets them with its zhudu modules).
    layer = regional.default_regional()
    layer.keep_pattern()
    for variant in DEFAULT_VARIANTS:
        for script in ("Hans", "Hant"):
            for domain in regional.DOMAINS.values():
                layer.matcher(variant.code, script, domain)
    print("ready", flush=True)

    def child(request, out):
        os.dup2(out, 1)  # the answers' pipe is the builder's: the child writes to a file of its own
        os.dup2(out, 2)
        # A hung build: every thread's Python stack written, then the child ends (even stuck in C code).
        faulthandler.dump_traceback_later(request["timeout"], exit=True, file=2)
        if not request["same_code"]:  # a project with other code: its own copy, imported afresh
            for name in [m for m in sys.modules if m == "zhudu_hook" or m.split(".")[0] == "zhudu"]:
                del sys.modules[name]
        if request["log"]:  # what ``mkdocs build -v`` shows: every mkdocs and plugin record, debug included
            import logging
            said = logging.StreamHandler(sys.stderr)
            said.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
            logging.getLogger("mkdocs").addHandler(said)
            logging.getLogger("mkdocs").setLevel(logging.DEBUG)
        os.chdir(request["root"])
        config = load_config(config_file=request["config"], site_dir=request["site"])
        command = "build" if request["url"] is None else "serve"
        config.plugins.on_startup(command=command, dirty=request["dirty"])
        if request["cache"] is not None:  # else the project's own
            config.extra["zhudu"]["cache_dir"] = request["cache"]
        if request["url"] is not None:
            config.site_url = request["url"]
        build(config, serve_url=request["url"], dirty=request["dirty"])

    for line in sys.stdin:
        request = json.loads(line)
        if request["same_code"]:
            search.warm_vocabulary(search.domain_words(Path(request["root"], "docs", "editorial")))
        started = time.monotonic()
        # A file, not a pipe: a process the build forked and left running cannot hold the answer back.
        said = tempfile.TemporaryFile()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                child(request, said.fileno())
            except BaseException:
                traceback.print_exc()
                code = 1
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        _, status, usage = os.wait4(pid, 0)
        with said:
            said.seek(0)
            log = said.read().decode("utf-8", "replace")
        answer = {
            "status": os.waitstatus_to_exitcode(status),
            "cpu": usage.ru_utime + usage.ru_stime,
            "late": time.monotonic() - started >= request["timeout"],
            "log": log,
        }
        print(json.dumps(answer), flush=True)
    """
)

#: Seconds a clean build may take (the shipped notes take a few) before it is stopped as hung.
TIMEOUT = 300.0
#: Seconds more the builder may take to answer (its own work before forking: jieba's words).
GRACE = 60.0
#: Seconds the builder may take to import what a build imports.
STARTUP = 120.0
#: Lines of a failed build's log carried into the failure.
LOG_LINES = 60


class Builder:
    """One builder process (started on first use, started again after it stopped) running ``script``."""

    def __init__(self, script: str = BUILDER) -> None:
        self.script = script
        self.proc: subprocess.Popen | None = None

    def _started(self) -> subprocess.Popen:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", self.script],
                cwd=REPO,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO / "hooks")},
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # its own process group: stopped with the child it forked
            )
            atexit.register(self.stop)
            assert self.proc.stdout is not None
            if _line(self.proc.stdout.fileno(), time.monotonic() + STARTUP) != b"ready\n":
                self.stop()
                raise AssertionError(f"the clean builds' process did not start in {STARTUP:g} s")
        return self.proc

    def stop(self) -> None:
        """The builder and a child it is waiting for, killed."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def build(self, request: dict[str, Any], timeout: float, grace: float) -> dict[str, Any]:
        """The builder's answer to ``request``; an ``AssertionError`` naming the site if none comes in time."""
        proc = self._started()
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(json.dumps({**request, "timeout": timeout}).encode("utf-8") + b"\n")
        proc.stdin.flush()
        answer = _line(proc.stdout.fileno(), time.monotonic() + timeout + grace)
        if answer is None:
            self.stop()
            raise AssertionError(
                f"the build of {request['root']} gave no answer in {timeout + grace:g} s: its builder was stopped"
            )
        assert answer, f"the builds' process stopped while building {request['root']}"
        return json.loads(answer)


def _line(fd: int, deadline: float) -> bytes | None:
    """One line read from ``fd`` (empty at its end), or ``None`` when ``deadline`` passed first."""
    data = b""
    while not data.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            break
        data += chunk
    return data


BUILDER_PROCESS = Builder()


def build_clean(
    root: Path,
    site: Path,
    cache: Path,
    serve_url: str | None,
    same_code: bool,
    *,
    timeout: float = TIMEOUT,
    grace: float = GRACE,
    builder: Builder = BUILDER_PROCESS,
) -> None:
    """A clean build of ``root`` into ``site`` with the empty cache ``cache``, by a new process.

    ``serve_url``: built as ``mkdocs serve`` builds, at that URL; ``None``: as ``mkdocs build`` does.
    ``same_code``: the project's ``hooks/`` are this checkout's, byte for byte.  A build that fails, or
    takes more than ``timeout`` seconds (stopped, every thread's stack shown), fails the caller with the
    end of what the build wrote.
    """
    request = {"site": str(site), "cache": str(cache), "url": serve_url, "dirty": False, "log": False}
    _built(root, request, same_code, timeout, grace, builder)


def build_dirty(root: Path, same_code: bool, *, timeout: float = TIMEOUT) -> str:
    """``mkdocs build --dirty -v`` of ``root`` (into its ``site/``, with its own cache folder) by a new process; its log.

    The process is forked from the builder, which never built: it starts from what the cache folder
    kept, as an author's ``mkdocs build --dirty`` does (``conftest.mkdocs_build_cli`` runs that command
    itself, imports and all).  The log holds every ``mkdocs`` record, debug ones included, as ``-v``
    shows them.  Failures as ``build_clean``'s.
    """
    request = {"site": str(root / "site"), "cache": None, "url": None, "dirty": True, "log": True}
    return _built(root, request, same_code, timeout, GRACE, BUILDER_PROCESS)


def _built(
    root: Path, request: dict[str, Any], same_code: bool, timeout: float, grace: float, builder: Builder
) -> str:
    request = {**request, "root": str(root), "config": str(root / "mkdocs.yml"), "same_code": same_code}
    answer = builder.build(request, timeout, grace)
    if answer["status"] != 0:
        said = "\n".join(answer["log"].splitlines()[-LOG_LINES:])
        why = (
            f"did not finish in {timeout:g} s"
            if answer["late"]
            else f"failed (exit status {answer['status']})"
        )
        raise AssertionError(f"the build of {root} {why}; it wrote:\n{said}")
    return str(answer["log"])


def project_digest(root: Path) -> str:
    """A digest of every file and folder of the project a build reads, names and bytes.

    The cache folder and Python's bytecode are left out (a clean build has its own empty cache;
    bytecode is made from the sources digested).  A clean build writes no date or path of its own
    making, so two builds of the same files are the same bytes."""
    digest = hashlib.blake2b()
    for path in sorted(root.rglob("*")):
        parts = path.relative_to(root).parts
        if parts[0] == ".cache" or "__pycache__" in parts:
            continue
        name = "/".join(parts).encode("utf-8")
        data = path.read_bytes() if path.is_file() else b""
        digest.update(b"%d:%s%d:%s" % (len(name), name, -1 if path.is_dir() else len(data), data))
    return digest.hexdigest()


@functools.cache
def repo_code() -> str:
    """The digest of this checkout's ``hooks/`` (the code the clean builds' process imported)."""
    return project_digest(REPO / "hooks")
