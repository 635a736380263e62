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

What a new process per build sampled and this does not: each clean build's own hash seed (the children
of one builder share the builder's; the serve process compared with it has another).
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import REPO

#: The builder: imports what a build imports, then forks a child per request line (JSON: the project's
#: mkdocs.yml, the site and cache folders, the serve URL, whether the project's code is this checkout's);
#: answers each with one line of JSON, the child's exit status.
BUILDER = textwrap.dedent(
    """
    import json, os, sys, traceback
    from pathlib import Path
    import jieba, jinja2, markdown, opencc, pygments, pymdownx, yaml
    import material.plugins.search.plugin
    import mkdocs.commands.build, mkdocs.config, mkdocs.plugins, mkdocs.theme
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    import zhudu_hook
    from zhudu.search import index as search

    def child(request):
        if not request["same_code"]:  # a project with other code: its own copy, imported afresh
            for name in [m for m in sys.modules if m == "zhudu_hook" or m.split(".")[0] == "zhudu"]:
                del sys.modules[name]
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)  # the answers' pipe is the builder's
        os.dup2(devnull, 2)  # the build's log, as the clean builds' processes had it (not read)
        os.chdir(request["root"])
        config = load_config(config_file=request["config"], site_dir=request["site"])
        config.plugins.on_startup(command="serve", dirty=False)
        config.extra["zhudu"]["cache_dir"] = request["cache"]
        config.site_url = request["url"]
        build(config, serve_url=request["url"], dirty=False)

    for line in sys.stdin:
        request = json.loads(line)
        if request["same_code"]:
            search.warm_vocabulary(search.domain_words(Path(request["root"], "docs", "editorial")))
        pid = os.fork()
        if pid == 0:
            try:
                child(request)
            except BaseException:
                traceback.print_exc()
                os._exit(1)
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        print(json.dumps(os.waitstatus_to_exitcode(status)), flush=True)
    """
)

_BUILDER: list[subprocess.Popen] = []


def _builder() -> subprocess.Popen:
    if not _BUILDER or _BUILDER[0].poll() is not None:
        proc = subprocess.Popen(
            [sys.executable, "-c", BUILDER],
            cwd=REPO,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO / "hooks")},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        _BUILDER[:] = [proc]
        atexit.register(_stop, proc)
    return _BUILDER[0]


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def build_clean(root: Path, site: Path, cache: Path, serve_url: str, same_code: bool) -> None:
    """A clean build of ``root`` in serve mode into ``site`` with the empty cache ``cache``, by a new process.

    ``same_code``: the project's ``hooks/`` are this checkout's, byte for byte.
    """
    proc = _builder()
    assert proc.stdin is not None and proc.stdout is not None
    request = {
        "root": str(root),
        "config": str(root / "mkdocs.yml"),
        "site": str(site),
        "cache": str(cache),
        "url": serve_url,
        "same_code": same_code,
    }
    proc.stdin.write(json.dumps(request) + "\n")
    proc.stdin.flush()
    answer = proc.stdout.readline()
    assert answer, "the clean builds' process stopped"
    assert json.loads(answer) == 0, f"the clean build of {root} failed"


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
