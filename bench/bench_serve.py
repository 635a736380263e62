"""``mkdocs serve --dirty``: time from saving an edited note to the browser showing the change.

For each collection a temp project is served with ``mkdocs serve --dirty -a 127.0.0.1:PORT``
(what ``.ci/serve`` runs); Chromium (Playwright) opens one of its notes; the note's file is edited
(a paragraph with a new marker appended) and the clock runs from the save until the marker is
visible in the page (MkDocs reloads the page after the rebuild returns).  Reports the median and
worst of ``--edits`` saves, next to the rebuild time MkDocs logs ("Documentation built in …").

Collections: ``3`` (the shipped notes), ``hexo`` (../shared/corpora/hexo-docs, zh-cn and zh-tw
both as seeds: 90 real notes), or a number N of generated notes (bench/corpus.py).  ``--first N``
also measures a first ``mkdocs serve`` of N generated notes with a warm cache: from starting the
server until the first page answers (the server is started once before to fill the cache).
``--floor`` also measures plain MkDocs + Material ``mkdocs serve --dirty`` on as many generated notes
(one variant, no hook): the floor under each figure.  ``--baseline-edits K`` measures K saves with plain ``mkdocs serve`` (no ``--dirty``) in the same
run, for the ratio (skipped above 500 notes: a save there takes minutes).

Goals (issue 20): 0.5 s at 3, 0.8 s at hexo, 1.0 s at 500, 2.0 s at 3,000; first page 10 s at 500.

Usage: ``.venv/bin/python bench/bench_serve.py [--sizes 3,hexo,500,3000] [--edits 10] [--first 500]``
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

REPO = Path(__file__).resolve().parents[1]
MKDOCS = str(REPO / ".venv" / "bin" / "mkdocs")
CHROMIUM = "/usr/bin/chromium"
HEXO = REPO.parent / "shared" / "corpora" / "hexo-docs"
_BUILT_RE = re.compile(r"Documentation built in (?P<s>[0-9.]+) seconds")
#: Logged after every rebuild ("Documentation built in N s" is dropped when N was logged before:
#: MkDocs filters duplicate lines).
RELOADED = "Reloading browsers"
GOALS = {"3": 0.5, "hexo": 0.8, "500": 1.0, "3000": 2.0}
FIRST_PAGE_GOAL = 10.0
#: MkDocs' log lines that mark a rebuild's steps (the pieces printed under the table): the watcher heard the save, the build
#: began (after MkDocs' fixed 0.1 s wait for more changes), it ended, the browsers were told.
STEPS = ("Detected file changes", "Building documentation", "Documentation built", RELOADED)
#: The reloaded page's own timeline (epoch milliseconds): when its navigation began, the HTML's
#: first and last byte, the DOM parsed, the first contentful paint.
NAVIGATION_JS = """() => {
  const n = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const at = (t) => (t ? performance.timeOrigin + t : null);
  const loaded = (kind) => at(Math.max(0, ...performance.getEntriesByType('resource')
    .filter((r) => r.initiatorType === kind && r.startTime < n.domContentLoadedEventStart).map((r) => r.responseEnd)));
  return {start: performance.timeOrigin, responseStart: at(n.responseStart), responseEnd: at(n.responseEnd),
          dom: at(n.domContentLoadedEventEnd), paint: fcp ? at(fcp.startTime) : null,
          styles: loaded('link'), scripts: loaded('script')};
}"""
#: The text appended to the note that is edited, to find its page in the served folder.
FINDER = "ZDBENCHNOTE"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make(collection: str, dest: Path) -> tuple[Path, Path]:
    """The project for ``collection`` and the note file to edit."""
    if collection == "3":
        project = corpus.make_project(0, dest)
        seeds = project / "seeds"
        for path in sorted((REPO / "seeds").glob("*.md")):
            shutil.copy2(path, seeds / path.name)
        shutil.copy2(REPO / "docs" / "editorial" / "notes.yml", project / "docs" / "editorial" / "notes.yml")
    elif collection == "hexo":
        project = corpus.make_project(0, dest)
        seeds = project / "seeds"
        (project / "docs" / "editorial" / "notes.yml").write_text("{}\n", encoding="utf-8")
        for folder in ("zh-cn", "zh-tw"):  # flat names: the same file name is in both folders
            for path in sorted((HEXO / folder).glob("*.md")):
                shutil.copy2(path, seeds / f"{folder}-{path.name}")
    else:
        project = corpus.make_project(int(collection), dest)
    notes = sorted((project / "seeds").glob("*.md"))
    note = notes[len(notes) // 2]
    with note.open("a", encoding="utf-8") as out:
        out.write(f"\n\n{FINDER}\n")
    return project, note


def make_floor(collection: str, dest: Path) -> tuple[Path, Path]:
    """Plain MkDocs + Material serving as many generated notes (bench/corpus.py ``make_baseline``), and the note to edit.

    The floor under Zhudu's figure: ``mkdocs serve --dirty`` with Material's own templates, one
    variant, no hook.  ``hexo`` stands for its 90 notes.
    """
    count = 90 if collection == "hexo" else int(collection)
    project = corpus.make_baseline(count, dest)
    notes = sorted((project / "docs" / "notes").glob("*.md"))
    note = notes[len(notes) // 2]
    with note.open("a", encoding="utf-8") as out:
        out.write(f"\n\n{FINDER}\n")
    return project, note


class Server:
    """``mkdocs serve`` on a project; counts MkDocs' "Documentation built" lines."""

    def __init__(self, project: Path, dirty: bool, port: int | None = None) -> None:
        self.port = port or _free_port()
        self.tmp = Path(tempfile.mkdtemp(prefix="zhudu-serve-tmp-"))
        env = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "SITE_URL": f"http://127.0.0.1:{self.port}/zhudu/",
            "TMPDIR": str(self.tmp),
        }
        flags = ["--dirty"] if dirty else []
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [MKDOCS, "serve", *flags, "-a", f"127.0.0.1:{self.port}"],
            cwd=project,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.built: list[float] = []  # MkDocs' build times, where it logged them
        self.builds = 0  # builds finished: the first, then every rebuild
        #: (wall clock, line) of MkDocs' lines marking a rebuild's steps, as they reach this process.
        self.stamps: list[tuple[float, str]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            if step := next((s for s in STEPS if s in line), None):
                self.stamps.append((time.time(), step))
            if m := _BUILT_RE.search(line):
                self.built.append(float(m["s"]))
                self.builds = max(self.builds, 1)
            elif RELOADED in line:
                self.builds += 1

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server process so far (a rebuild runs in it: no workers when serving)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait_built(self, count: int, timeout: float = 3600) -> None:
        deadline = time.monotonic() + timeout
        while self.builds < count:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("mkdocs serve stopped or did not build")
            time.sleep(0.02)

    def note_url(self) -> str:
        """The URL of the page holding ``FINDER`` in the default variant."""
        (site,) = self.tmp.glob("mkdocs_*")
        pages = sorted(site.glob("zh-Hans/notes/*/index.html")) or sorted(site.glob("notes/*/index.html"))
        for page in pages:  # Zhudu's default variant, or plain Material's one
            if FINDER in page.read_text(encoding="utf-8"):
                return f"http://127.0.0.1:{self.port}/zhudu/{page.parent.relative_to(site).as_posix()}/"
        raise SystemExit("the edited note's page was not found")

    def first_answer(self, timeout: float = 3600) -> float:
        """Seconds from starting the server until the home page answers."""
        deadline = time.monotonic() + timeout
        url = f"http://127.0.0.1:{self.port}/zhudu/zh-Hans/"
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        return time.monotonic() - self.started
            except OSError:
                time.sleep(0.05)
        raise SystemExit("mkdocs serve never answered")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=60)
        shutil.rmtree(self.tmp, ignore_errors=True)


def _pieces(saved: float, stamps: list[tuple[float, str]], page: Any, seen: float) -> dict[str, float]:
    """When each step of one save came (seconds since the save), from the server's log lines as they
    reached this process and the reloaded page's own timeline (``PAGE_CLOCK_JS``, ``NAVIGATION_JS``)."""
    after: dict[str, float] = {}
    for at, step in stamps:
        if at >= saved and step not in after:
            after[step] = at
    nav = page.evaluate(NAVIGATION_JS)
    mark = page.evaluate("() => [window.__zdMarker, window.__zdParsed, window.__zdFrame]")
    points = [
        ("heard", after.get(STEPS[0])),
        ("build began", after.get(STEPS[1])),
        ("build ended", after.get(STEPS[2])),
        ("browsers told", after.get(RELOADED)),
        ("navigation", nav["start"]),
        ("HTML first byte", nav["responseStart"]),
        ("HTML last byte", nav["responseEnd"]),
        ("stylesheets loaded", nav["styles"]),
        ("scripts loaded", nav["scripts"]),
        ("first paint", nav["paint"]),
        ("marker parsed", mark[1]),
        ("frame after it", mark[2]),
        ("DOM parsed", nav["dom"]),
        ("harness saw it", seen),
    ]
    return {name: at / (1 if name in _SERVER_STEPS else 1000) - saved for name, at in points if at}


_SERVER_STEPS = ("heard", "build began", "build ended", "browsers told")
#: Run in every page before its own scripts: when the parser first added the save's marker, and the
#: frame after that (two animation frames: the one that paints it has begun).
PAGE_CLOCK_JS = """
new MutationObserver((records, observer) => {
  for (const r of records) for (const n of r.addedNodes) {
    const m = (n.textContent || '').match(/ZDMARK\\d+x\\d+/);
    if (m) {
      window.__zdMarker = m[0];
      window.__zdParsed = performance.timeOrigin + performance.now();
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => {
        window.__zdFrame = performance.timeOrigin + performance.now(); }));
      return;
    }
  }
}).observe(document, {childList: true, subtree: true});
"""


def saves(project: Path, note: Path, edits: int, dirty: bool) -> dict[str, Any]:
    """Serve ``project``, save ``note`` ``edits`` times; the latencies (median, worst) and rebuild times."""
    from playwright.sync_api import sync_playwright

    server = Server(project, dirty)
    latencies: list[float] = []
    cpu: list[float] = []
    pieces: list[dict[str, float]] = []
    original = note.read_text(encoding="utf-8")
    try:
        server.wait_built(1)
        url = server.note_url()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.add_init_script(PAGE_CLOCK_JS)
            page.goto(url, wait_until="load")
            for k in range(edits):
                marker = f"ZDMARK{k}x{time.monotonic_ns()}"
                before = server.builds
                cpu_before = server.cpu_seconds()
                started, saved = time.monotonic(), time.time()
                note.write_text(original + f"\n\n测量标记 {marker}\n", encoding="utf-8")
                # textContent, not innerText: the note may end inside a closed <details>.  The page
                # answers when it saw the marker, on its own clock (epoch ms), for the pieces.
                seen = page.wait_for_function(
                    f"document.body && document.body.textContent.includes('{marker}')"
                    " && performance.timeOrigin + performance.now()",
                    timeout=3_600_000,
                    polling=10,
                ).json_value()
                latencies.append(time.monotonic() - started)
                server.wait_built(before + 1)
                cpu.append(server.cpu_seconds() - cpu_before)
                pieces.append(_pieces(saved, server.stamps, page, float(seen)))
                if page.evaluate("() => window.__zdMarker") != marker:
                    pieces[-1].pop("marker parsed", None), pieces[-1].pop("frame after it", None)
            browser.close()
    finally:
        note.write_text(original, encoding="utf-8")
        server.stop()
    rebuilds = server.built[1:] or [float("nan")]
    return {
        "median": statistics.median(latencies),
        "worst": max(latencies),
        "rebuild": statistics.median(rebuilds),
        "cpu": statistics.median(cpu),
        "first_build": server.built[0] if server.built else float("nan"),
        "pieces": {k: statistics.median(p[k] for p in pieces if k in p) for k in pieces[0]} if pieces else {},
    }


def first_page(project: Path) -> tuple[float, float]:
    """A first ``mkdocs serve --dirty`` with a cold cache, then one with the cache it left: seconds to the first page."""
    shutil.rmtree(project / ".cache", ignore_errors=True)
    times = []
    port = _free_port()  # one port, as an author restarting the server has: its pages are the same
    for _ in range(2):
        server = Server(project, dirty=True, port=port)
        try:
            times.append(server.first_answer())
        finally:
            server.stop()
    return times[0], times[1]


def main(argv: list[str]) -> int:
    """Run and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3,hexo,500,3000")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument(
        "--baseline-edits", type=int, default=0, help="saves with plain mkdocs serve (≤ 500 notes)"
    )
    parser.add_argument(
        "--first", type=int, default=500, help="first serve with a warm cache at N notes (0: skip)"
    )
    parser.add_argument(
        "--floor", action="store_true", help="also plain MkDocs + Material serve --dirty on as many notes"
    )
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="zhudu-serve-"))
    rows = []
    first = None
    try:
        for collection in args.sizes.split(",") if args.edits else []:  # --edits 0: the first page only
            project, note = make(collection, work / f"serve-{collection}")
            saves(project, note, 1, dirty=True)  # fills the cache: the author has served this before
            row = {"dirty": saves(project, note, args.edits, dirty=True)}
            small = collection in ("3", "hexo") or int(collection) <= 500
            if args.baseline_edits and small:
                row["plain"] = saves(project, note, args.baseline_edits, dirty=False)
            if args.floor:
                floor, floor_note = make_floor(collection, work / f"floor-{collection}")
                saves(floor, floor_note, 1, dirty=True)
                row["floor"] = saves(floor, floor_note, args.edits, dirty=True)
            rows.append((collection, row))
            print(f"  {collection}: {row}", file=sys.stderr, flush=True)
        if args.first:
            project, _ = make(str(args.first), work / f"first-{args.first}")
            first = first_page(project)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(
        f"{'notes':>6} {'save→visible s':>15} {'worst s':>8} {'rebuild s':>10} {'CPU s':>6} {'goal s':>7} "
        f"{'plain serve s':>14} {'plain CPU s':>11} {'Material floor s':>16} {'floor CPU s':>11}"
    )
    for collection, row in rows:
        r = row["dirty"]
        plain = (
            f"{row['plain']['median']:>14.2f} {row['plain']['cpu']:>11.2f}"
            if "plain" in row
            else f"{'–':>14} {'–':>11}"
        )
        if "floor" in row:
            plain += f" {row['floor']['median']:>16.2f} {row['floor']['cpu']:>11.2f}"
        goal = GOALS.get(collection, float("nan"))
        print(
            f"{collection:>6} {r['median']:>15.2f} {r['worst']:>8.2f} {r['rebuild']:>10.2f} {r['cpu']:>6.2f} "
            f"{goal:>7.1f} {plain}"
        )
    for collection, row in rows:
        for kind in ("dirty", "floor"):
            if kind in row and row[kind]["pieces"]:
                steps = ", ".join(f"{k} {v:.3f}" for k, v in row[kind]["pieces"].items())
                print(
                    f"  {collection} {'zhudu' if kind == 'dirty' else 'floor'} pieces (median s since the save): {steps}"
                )
    print("save→visible: median of the saves, from writing the note until Chromium shows the marker;")
    print(
        "rebuild: median of MkDocs' 'Documentation built in' for those saves; CPU: the server's CPU time per "
        "save (median; on a busy machine the figure to compare); plain serve: without --dirty; Material floor: "
        "plain MkDocs + Material serve --dirty on as many generated notes (90 for hexo), no hook"
    )
    if first is not None:
        cold, warm = first
        print(
            f"first mkdocs serve --dirty → first page at {args.first} notes: cold cache {cold:.1f} s, "
            f"warm cache {warm:.1f} s (goal {FIRST_PAGE_GOAL:.0f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
