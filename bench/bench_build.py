"""Full build time and peak memory against plain MkDocs + Material, at several corpus sizes.

For each size N, bench/corpus.py writes N notes derived from the seeds into two temp
projects: the Zhudu project (hook, every variant, everything on) and a baseline (the same
notes as plain Markdown pages, Material with the same theme/search/Markdown settings, no
hook, one variant, a nav listing only the home page).  Each is built in a child process
(``mkdocs build``), alternately, ``--repeat`` times at every size; the best wall time is kept
with its CPU time (``os.wait4`` rusage, which includes the build's worker processes).  Then each
is built once more to measure the peak memory of the build and its workers together.  Prints,
per size, the ratio of the best times, the ratio within each alternating pair (a baseline build
and the Zhudu build right after it, which share the machine's mood) and their median, and how
time grows with N (linear growth: time per note stays flat).  The goal is judged on the median
pair ratio: on this shared machine the same code's best-time ratio at 3,000 notes has ranged
from 1.08 to 1.37 in one afternoon, because the best of each side can come from different moods.

Two things the timed builds are kept apart from, because they slow the build being measured, and
slow Zhudu's more than the baseline's:

- Memory sampling: reading ``/proc/PID/smaps_rollup`` walks a process's page tables and holds its
  memory map lock, so every 50 ms it stalls a build and its workers (at 3,000 notes a Zhudu build
  took 65 s sampled, 48 s not).  Memory is measured in a build of its own.
- Deleting the previous output just before: on a file system without a journal (ext4 here), a
  new file skips the inodes freed in the last few seconds one by one, so a build that writes
  thousands of files right after deleting thousands pays for it in the kernel.  Each build writes
  to a folder of its own; the folders are deleted at the end.

Every Zhudu cold build starts without the per-note artifact cache (``.cache/``, moved aside); after
the pairs, the same project is built again with the cache left by its last cold build (warm), then
after editing one note (a sentence added), ``--repeat`` times each.

Then the one-edit build the dirty way (``mkdocs build --dirty``, hooks/zhudu/publish/incremental.py: only the
pages whose output changed are written), next to plain Material's own dirty build after editing one
page, the floor: MkDocs' and Material's page loop over every file.

Goals: every median pair ratio ≤ 1.3; a build after one edit ≤ 0.6 of the cold build.  The machine is
shared, so wall times are noisy: compare ratios measured in the same run, not absolute times across runs.

The Zhudu project's ``hooks/`` is copied without ``__pycache__``, so with ``PYTHONDONTWRITEBYTECODE`` set (as
in this container) every timed build compiles Zhudu's ~110 modules from source (~0.1 s CPU), while the
baseline's packages have their bytecode from the install.  ``--hook-bytecode`` compiles the copy first
(``compileall``), as an author's second build finds it: cold still means no artifact cache.

A size is a number of generated notes, or ``hexo``: the Hexo documentation in
``../shared/corpora/hexo-docs/`` (``zh-cn`` and ``zh-tw`` both as seeds, 90 notes, no editorial data
naming them), against a baseline of as many generated notes.  ``--cold-only`` leaves out the warm,
one-edit and dirty builds (the cold pairs and the memory build only).  ``--vary`` generates the notes (of both
sides, hexo's baseline too) with each derived note's text varied (``bench/corpus.py --vary``): the default corpus
repeats the seeds' passages, which flatters per-text memos and hides per-passage work.

Usage: ``.venv/bin/python bench/bench_build.py [--sizes 3,300,3000,hexo] [--repeat 3] [--profile N] [--cold-only]
[--hook-bytecode] [--vary]``
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

REPO = Path(__file__).resolve().parents[1]
MKDOCS = str(REPO / ".venv" / "bin" / "mkdocs")
PYINSTRUMENT = str(REPO / ".venv" / "bin" / "pyinstrument")
#: How long freed inodes slow new files down after a deletion (see above).
SETTLE_SECONDS = 10
HEXO = REPO.parent / "shared" / "corpora" / "hexo-docs"
#: The Hexo documentation's notes (zh-cn and zh-tw): the baseline builds as many generated notes.
HEXO_NOTES = 90


def make_hexo(dest: Path) -> Path:
    """A Zhudu project whose seeds are the Hexo documentation, both folders (as bench_serve.py makes it).

    The themes, glossary and conversion rules stay; the editor's notes and per-note data name the
    shipped notes (a build stops on a note it does not know), so they go.
    """
    project = corpus.make_project(0, dest)
    seeds = project / "seeds"
    (project / "docs" / "editorial" / "notes.yml").write_text("{}\n", encoding="utf-8")
    (project / "docs" / "editorial" / "annotations.yml").unlink(missing_ok=True)
    for folder in ("zh-cn", "zh-tw"):  # flat names: the same file name is in both folders
        for path in sorted((HEXO / folder).glob("*.md")):
            shutil.copy2(path, seeds / f"{folder}-{path.name}")
    if not any(seeds.glob("*.md")):
        raise SystemExit(f"no notes in {HEXO}/zh-cn or zh-tw")
    return project


def make_pair(size: str, n: int, work: Path, without: list[str], vary: bool) -> tuple[Path, Path]:
    """The Zhudu project and its baseline for one size: the same ``n`` notes (varied in both, or in neither);
    ``hexo``: the Hexo documentation against ``n`` generated notes."""
    if size == "hexo":
        zhudu = make_hexo(work / f"zhudu-{size}")
    else:
        zhudu = corpus.make_project(n, work / f"zhudu-{size}", without, vary)
    return zhudu, corpus.make_baseline(n, work / f"baseline-{size}", vary)


@dataclass(frozen=True)
class Run:
    """One child build: wall seconds, CPU seconds, peak memory of all its processes (MiB), HTML files."""

    seconds: float
    cpu_seconds: float
    peak_mib: float
    #: Peak RSS of the largest single process (``ru_maxrss``: the build's own process, which holds the
    #: site; its workers hold less), taken in the timed build, unlike ``peak_mib``.
    largest_mib: float
    pages: int


def _tree_pss_mib(pid: int) -> float:
    """Proportional set size of a process and its descendants (forked workers share pages: PSS counts
    each shared page once, where adding up RSS would count it in every process)."""
    pids, i = [pid], 0
    while i < len(pids):
        with contextlib.suppress(OSError):  # the process has ended
            pids += [int(k) for k in Path(f"/proc/{pids[i]}/task/{pids[i]}/children").read_text().split()]
        i += 1
    total_kib = 0
    for p in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total_kib += int(line.split()[1])
    return total_kib / 1024


def _sample_peak(pid: int, peak: list[float], done: threading.Event) -> None:
    while not done.wait(0.05):
        peak[0] = max(peak[0], _tree_pss_mib(pid))


def build(
    project: Path, out: Path, *, profile: Path | None = None, sample_memory: bool = False, dirty: bool = False
) -> Run:
    """Build ``project`` into ``out`` in a child process; measure its time, or its memory.

    ``out`` is a new folder, except for a dirty build (``mkdocs build --dirty``), which writes into
    the folder its last dirty build left.
    """
    if out.exists() and not dirty:
        raise SystemExit(f"{out} exists: each build writes to a new folder")
    cmd = [MKDOCS, "build", "-q", *(["--dirty"] if dirty else []), "-d", str(out)]
    if profile is not None:
        cmd = [PYINSTRUMENT, "-o", str(profile), *cmd]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://zhudu.github.io/zhudu/"}
    started = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, done = [0.0], threading.Event()
    sampler = threading.Thread(target=_sample_peak, args=(child.pid, peak, done), daemon=True)
    if sample_memory:
        sampler.start()
    _, status, usage = os.wait4(child.pid, 0)  # usage includes the workers the build waited for
    seconds = time.perf_counter() - started
    done.set()
    if sample_memory:
        sampler.join()
    stderr = child.stderr.read().decode() if child.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build of {project} failed:\n{stderr[-3000:]}")
    pages = sum(1 for _ in out.rglob("*.html"))
    return Run(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_mib=peak[0] if sample_memory else float("nan"),
        largest_mib=usage.ru_maxrss / 1024,
        pages=pages,
    )


def _cold(project: Path, aside: Path) -> None:
    """No per-note artifacts for the next build: the cache is moved aside (deleting thousands of files
    right before a build would slow it, see above)."""
    cache = project / ".cache"
    if cache.exists():
        cache.rename(aside)


def _edit_one_note(project: Path, k: int) -> None:
    """Change one note's text, as an author's save does (a sentence added at the end)."""
    note = sorted((project / "seeds").glob("*.md"))[len(list((project / "seeds").glob("*.md"))) // 2]
    with note.open("a", encoding="utf-8") as out:
        out.write(f"\n\n第 {k + 1} 次修改时补上的一句话。\n")


def _edit_one_page(project: Path, k: int) -> None:
    """The baseline's version of ``_edit_one_note``: its notes are pages in docs/notes/."""
    pages = sorted((project / "docs" / "notes").glob("*.md"))
    with pages[len(pages) // 2].open("a", encoding="utf-8") as out:
        out.write(f"\n\n第 {k + 1} 次修改时补上的一句话。\n")


def dirty_edits(project: Path, out: Path, repeat: int, edit: Any) -> list[Run]:
    """``mkdocs build --dirty`` after editing one note, ``repeat`` times (a first dirty build writes the folder)."""
    build(project, out, dirty=True)
    runs = []
    for k in range(repeat):
        edit(project, 100 + k)
        runs.append(build(project, out, dirty=True))
    return runs


def main(argv: list[str]) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3,300,3000")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="alternating build pairs per size (best kept, median pair ratio)",
    )
    parser.add_argument(
        "--profile", type=int, help="also profile the Zhudu build at this size (pyinstrument)"
    )
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument(
        "--cold-only",
        action="store_true",
        help="only the cold pairs and the memory build (no warm/edit/dirty)",
    )
    parser.add_argument(
        "--without", default="", help="editorial files to leave out (themes,glossary,annotations)"
    )
    parser.add_argument(
        "--hook-bytecode",
        action="store_true",
        help="compile the Zhudu project's hooks/ before the builds (as an author's second build finds it)",
    )
    parser.add_argument(
        "--vary", action="store_true", help="generated notes with varied text (bench/corpus.py --vary)"
    )
    args = parser.parse_args(argv)
    sizes = args.sizes.split(",")
    notes = {size: HEXO_NOTES if size == "hexo" else int(size) for size in sizes}
    work = args.keep or Path(tempfile.mkdtemp(prefix="zhudu-bench-"))
    rows = []
    incremental: list[tuple[str, float, float, float]] = []
    dirty_rows: list[tuple[str, float, list[Run], list[Run], float]] = []
    if stale := sorted(work.glob("out-*")):  # a --keep folder used before
        for out in stale:
            shutil.rmtree(out)
        time.sleep(SETTLE_SECONDS)
    try:
        for n in sizes:
            zhudu, base = make_pair(n, notes[n], work, [w for w in args.without.split(",") if w], args.vary)
            if args.hook_bytecode:
                compileall.compile_dir(str(zhudu / "hooks"), quiet=1)
            best: dict[str, Run] = {}
            pair_ratios: list[float] = []
            projects = (("baseline", base), ("zhudu", zhudu))
            for k in range(args.repeat):  # alternate, so load on the shared machine hits both alike
                pair = {}
                for name, project in projects:
                    _cold(project, work / f"cache-{name}-{n}-{k}")
                    run = pair[name] = build(project, work / f"out-{name}-{n}-{k}")
                    if name not in best or run.seconds < best[name].seconds:
                        best[name] = run
                pair_ratios.append(pair["zhudu"].seconds / pair["baseline"].seconds)
            cold = best["zhudu"].seconds
            for name, project in projects:
                _cold(project, work / f"cache-{name}-{n}-memory")
                memory = build(project, work / f"out-{name}-{n}-memory", sample_memory=True)
                best[name] = replace(best[name], peak_mib=memory.peak_mib)
            rows.append((n, best["baseline"], best["zhudu"], pair_ratios))
            b, z = best["baseline"], best["zhudu"]
            print(  # as each size ends: a long run stopped part way still says what it measured
                f"  {n} notes: baseline {b.seconds:.2f} s (CPU {b.cpu_seconds:.2f} s, {b.peak_mib:.0f} MiB), "
                f"zhudu {z.seconds:.2f} s (CPU {z.cpu_seconds:.2f} s, {z.peak_mib:.0f} MiB, largest process "
                f"{z.largest_mib:.0f} MiB RSS), pair ratios "
                f"{' '.join(f'{r:.2f}' for r in pair_ratios)}, median {statistics.median(pair_ratios):.2f}, "
                f"CPU ratio {z.cpu_seconds / b.cpu_seconds:.2f}, load {os.getloadavg()[0]:.1f}",
                file=sys.stderr,
                flush=True,
            )
            if args.cold_only:
                continue
            # Warm: the cache as the last cold build left it, nothing changed; then one note edited.
            warm = [build(zhudu, work / f"out-warm-{n}-{k}").seconds for k in range(args.repeat)]
            edited = []
            for k in range(args.repeat):
                _edit_one_note(zhudu, k)
                edited.append(build(zhudu, work / f"out-edit-{n}-{k}").seconds)
            # Dirty: one edit, then ``mkdocs build --dirty`` into the folder the last one wrote, against
            # plain Material's own dirty build after editing one page (the floor: MkDocs' page loop).
            floor = dirty_edits(base, work / f"out-dirty-baseline-{n}", args.repeat, _edit_one_page)
            dirty = dirty_edits(zhudu, work / f"out-dirty-zhudu-{n}", args.repeat, _edit_one_note)
            dirty_rows.append((n, cold, dirty, floor, best["baseline"].seconds))
            incremental.append((n, cold, statistics.median(warm), statistics.median(edited)))
            if args.profile == notes[n]:
                report = work / f"profile-{n}.txt"
                build(zhudu, work / f"out-profile-{n}", profile=report)
                print(f"  profile: {report}", file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print(
        f"Zhudu: all variants, everything on{' except ' + args.without if args.without else ''}"
        f"{'; varied corpus' if args.vary else ''}"
    )
    print(
        f"{'notes':>6} {'baseline s':>10} {'zhudu s':>8} {'ratio':>6} {'pair ratios':>16} {'median':>6} {'ms/note':>8} "
        f"{'base CPU s':>10} {'zhudu CPU s':>11} {'CPU ratio':>9} "
        f"{'base MiB':>8} {'zhudu MiB':>9} {'mem ratio':>9} {'pages':>6}"
    )
    for n, base_run, zd, pairs in rows:
        listed = " ".join(f"{r:.2f}" for r in pairs)
        print(
            f"{n:>6} {base_run.seconds:>10.2f} {zd.seconds:>8.2f} {zd.seconds / base_run.seconds:>6.2f} "
            f"{listed:>16} {statistics.median(pairs):>6.2f} "
            f"{1000 * zd.seconds / notes[n]:>8.1f} {base_run.cpu_seconds:>10.2f} {zd.cpu_seconds:>11.2f} "
            f"{zd.cpu_seconds / base_run.cpu_seconds:>9.2f} {base_run.peak_mib:>8.0f} {zd.peak_mib:>9.0f} "
            f"{zd.peak_mib / base_run.peak_mib:>9.2f} {zd.pages:>6}"
        )
    print(
        "wall s: best of the runs; ratio: of the best times; pair ratios: each baseline build and the "
        "Zhudu build after it; CPU s: user + system time of the build and its worker processes; "
        "MiB: peak memory of the build and its workers together (sum of PSS, sampled every 50 ms "
        "in a build of its own)"
    )
    for (s1, b1, z1, _), (s2, b2, z2, _) in itertools.pairwise(rows):
        n1, n2 = notes[s1], notes[s2]
        if "hexo" in (s1, s2):
            continue
        print(
            f"growth {n1}→{n2} notes (×{n2 / n1:g}): baseline ×{b2.seconds / b1.seconds:.1f}, "
            f"zhudu ×{z2.seconds / z1.seconds:.1f}; marginal ms/note baseline "
            f"{1000 * (b2.seconds - b1.seconds) / (n2 - n1):.1f}, zhudu {1000 * (z2.seconds - z1.seconds) / (n2 - n1):.1f}"
        )
    print(f"{'notes':>6} {'cold s':>7} {'warm s':>7} {'warm/cold':>9} {'1 edit s':>8} {'edit/cold':>9}")
    for n, cold, warm, edit in incremental:
        print(f"{n:>6} {cold:>7.2f} {warm:>7.2f} {warm / cold:>9.2f} {edit:>8.2f} {edit / cold:>9.2f}")
    print(
        "cold: the best Zhudu build above, its cache moved away first; warm: built again with the cache "
        "that build left, nothing changed (median); 1 edit: one note's text changed, then built (median)"
    )
    print(
        f"{'notes':>6} {'dirty 1 edit s':>14} {'CPU s':>6} {'edit/cold':>9} {'floor s':>8} {'floor CPU s':>11} "
        f"{'floor/base cold':>15}"
    )
    for n, cold, dirty, floor, base_cold in dirty_rows:
        d = statistics.median(r.seconds for r in dirty)
        f = statistics.median(r.seconds for r in floor)
        print(
            f"{n:>6} {d:>14.2f} {statistics.median(r.cpu_seconds for r in dirty):>6.2f} {d / cold:>9.2f} "
            f"{f:>8.2f} {statistics.median(r.cpu_seconds for r in floor):>11.2f} {f / base_cold:>15.2f}"
        )
    print(
        "dirty 1 edit: mkdocs build --dirty after one note's text changed (median; goal edit/cold ≤ 0.6); "
        "floor: plain Material's mkdocs build --dirty after one page changed"
    )
    worst = max(statistics.median(pairs) for *_, pairs in rows)
    print(f"worst median pair ratio {worst:.2f} (goal ≤ 1.3): {'met' if worst <= 1.3 else 'missed'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
