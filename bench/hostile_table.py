"""The hostile-input table: every case of ``tests/hostile.py`` × ``mkdocs build`` / ``--strict`` / ``mkdocs serve``.

Runs the real commands, as an author would, one case at a time, and prints a Markdown table:
exit codes, seconds, the first message, whether a traceback was printed, whether ``seeds/``
stayed byte-identical, whether anything from outside the repository reached the site, whether
any output file (HTML, JSON, XML) holds a live script or loads from another host, and whether
``mkdocs serve`` answered a page within its budget.

    .venv/bin/python bench/hostile_table.py [--only NAME,…] [--no-serve] > bench/out/hostile.md
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO / "hooks")]

from conftest import build_site  # noqa: E402
from hostile import CASES, SENTINEL, Case, prepare, tree_digest  # noqa: E402
from sitescan import scan_site  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SERVE_BUDGET = 30.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def project(root: Path, case: Case) -> None:
    """Write the case's project into ``root`` (without building it: the commands below do)."""
    prepare(root, case)
    # build_site writes mkdocs.yml and docs/ and builds once; the commands below build again.
    build_site(root, editorial=case.editorial, zhudu=case.zhudu, strict=False)
    shutil.rmtree(root / "site", ignore_errors=True)


def first_message(output: str) -> str:
    for line in output.splitlines():
        if line.startswith(("WARNING", "ERROR")):
            return line.split("-", 1)[-1].strip()[:110].replace("|", "\\|")
    return ""


def run_build(root: Path, strict: bool) -> tuple[int, float, str]:
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml")]
    started = time.perf_counter()
    proc = subprocess.run(
        args + (["--strict"] if strict else []), capture_output=True, text=True, env=ENV, cwd=root
    )
    return proc.returncode, time.perf_counter() - started, proc.stdout + proc.stderr


def run_serve(root: Path) -> str:
    """Whether ``mkdocs serve`` answers the home page (seconds), or why not."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(root / "mkdocs.yml")],
        cwd=root,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    started = time.perf_counter()
    try:
        while time.perf_counter() - started < SERVE_BUDGET:
            if proc.poll() is not None:
                output = proc.stdout.read() if proc.stdout else ""
                return "exit: " + ("traceback" if "Traceback" in output else first_message(output)[:40])
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/zhudu/", timeout=2) as response:
                    if response.status == 200:
                        return f"200 in {time.perf_counter() - started:.1f}s"
            except OSError:
                time.sleep(0.3)
        return "no answer"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def row(case: Case, serve: bool) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        project(root, case)
        before = tree_digest(root / "seeds")
        code, seconds, output = run_build(root, strict=False)
        outside = "–"
        hazards: list[str] = []
        if (root / "site").is_dir():
            leaked = [
                p
                for p in (root / "site").rglob("*")
                if p.is_symlink()
                or (p.is_file() and (SENTINEL.encode() in p.read_bytes() or b"root:x:0:0" in p.read_bytes()))
            ]
            outside = "LEAKED" if leaked else "none"
            _, hazards = scan_site(root / "site")
        strict_code, strict_seconds, strict_output = run_build(root, strict=True)
        traceback = "Traceback" in output or "Traceback" in strict_output
        served = run_serve(root) if serve else "–"
        intact = tree_digest(root / "seeds") == before
    message = first_message(output) or first_message(strict_output) or "(none)"
    return (
        f"| {case.name} | {code} ({seconds:.1f}s) | {strict_code} ({strict_seconds:.1f}s) | {served} | "
        f"{'yes' if traceback else 'no'} | {'yes' if intact else 'CHANGED'} | {outside} | "
        f"{len(hazards) or 'none'} | {message} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve column")
    args = parser.parse_args()
    wanted = set(args.only.split(",")) if args.only else None
    print(
        "| case | build: exit (time) | --strict: exit (time) | serve | traceback | seeds/ same | "
        "outside files in site | live script / other host | first message |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for case in CASES:
        if wanted is None or case.name in wanted:
            print(row(case, serve=not args.no_serve), flush=True)


if __name__ == "__main__":
    main()
