"""``mkdocs serve``: time from saving an edited note to the browser showing the change.

For each size N a temp project (bench/corpus.py) is served with
``mkdocs serve -a 127.0.0.1:PORT --livereload``; Chromium (Playwright) opens a note; the
note's seed file is edited (a paragraph with a new marker is appended) and the clock runs
until the marker is visible in the page (MkDocs' livereload long-poll reloads it after the
rebuild).  Reports the median of ``--edits`` edits next to the rebuild time MkDocs itself
logs ("Documentation built in …"), and the full build time as the baseline ratio.

Goal: under 1 s at 3 notes.

Usage: ``.venv/bin/python bench/bench_serve.py [--sizes 3,300] [--edits 3]``
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

REPO = Path(__file__).resolve().parents[1]
MKDOCS = str(REPO / ".venv" / "bin" / "mkdocs")
CHROMIUM = "/usr/bin/chromium"
_BUILT_RE = re.compile(r"Documentation built in (?P<s>[0-9.]+) seconds")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_up(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"mkdocs serve did not come up at {url}")


def measure(n: int, work: Path, edits: int, without: list[str]) -> dict[str, float]:
    """Serve an N-note project, edit a note ``edits`` times; the latencies."""
    from playwright.sync_api import sync_playwright

    project = corpus.make_project(n, work / f"serve-{n}", without)
    note = corpus.derive(n)[0]
    seed = project / "seeds" / f"{note.id}.md"
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/zhudu/"}
    server = subprocess.Popen(
        [MKDOCS, "serve", "-a", f"127.0.0.1:{port}", "--livereload"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    built: list[float] = []

    def read_log() -> None:
        assert server.stderr is not None
        for line in server.stderr:
            if m := _BUILT_RE.search(line):
                built.append(float(m["s"]))

    threading.Thread(target=read_log, daemon=True).start()
    latencies: list[float] = []
    try:
        url = f"http://127.0.0.1:{port}/zhudu/zh-Hans/notes/{note.slug}/"
        _wait_up(url, timeout=600)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(url, wait_until="load")
            original = seed.read_text(encoding="utf-8")
            for k in range(edits):
                page.wait_for_timeout(1500)  # let livereload's long-poll settle
                marker = f"ZDMARK{n}x{k}"
                before = len(built)
                started = time.monotonic()
                seed.write_text(original + f"\n\n测量标记 {marker}\n", encoding="utf-8")
                page.wait_for_function(
                    f"document.body && document.body.innerText.includes('{marker}')",
                    timeout=600_000,
                    polling=20,
                )
                latencies.append(time.monotonic() - started)
                deadline = time.monotonic() + 5
                while len(built) == before and time.monotonic() < deadline:
                    time.sleep(0.05)
            seed.write_text(original, encoding="utf-8")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    rebuilds = built[1:] or [float("nan")]
    return {
        "median": statistics.median(latencies),
        "worst": max(latencies),
        "rebuild": statistics.median(rebuilds),
        "first_build": built[0] if built else float("nan"),
    }


def main(argv: list[str]) -> int:
    """Run and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3,300")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument(
        "--without", default="", help="editorial files to leave out (themes,glossary,annotations)"
    )
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="zhudu-serve-"))
    rows = []
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            rows.append((n, measure(n, work, args.edits, [w for w in args.without.split(",") if w])))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'notes':>6} {'save→visible s':>15} {'worst s':>8} {'rebuild s':>10} {'share of rebuild':>17}")
    for n, r in rows:
        print(
            f"{n:>6} {r['median']:>15.2f} {r['worst']:>8.2f} {r['rebuild']:>10.2f} "
            f"{r['rebuild'] / r['median']:>17.0%}"
        )
    small = rows[0][1]["median"] if rows else float("nan")
    print(f"goal < 1 s at {rows[0][0] if rows else '?'} notes: {'met' if small < 1 else 'missed'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
