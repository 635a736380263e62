"""Where a build's memory goes over time: PSS of the build and its workers, and the build's own RSS,
with the build's stages marked.

Builds ``project`` (a folder ``bench/corpus.py`` made) once into ``out`` and samples every
``--every`` seconds the summed PSS of the build and its workers and the RSS of the build's own
process.  With ``--stages`` a second hook (bench-only, written into a copy of the project's
``mkdocs.yml``) prints the time, the build process's CPU time and RSS at MkDocs' events: the page loop's
start and end, before and after Zhudu's ``on_post_build`` (sitemaps, search, feeds).  With
``--trace N`` that hook also starts ``tracemalloc`` and prints the ``N`` largest allocation sites
still held at each event (slow: for finding what is held, not for figures).  With ``--cpu`` it prints, per sample, how much of a CPU the build process and its workers
used (from ``/proc/<pid>/stat``): where the second core is busy and where it is idle.  With ``--processes``
it also prints each process's own PSS at the peak and its largest, with when it was first and last
seen (forked workers share one command line: the build's stages tell which is which).

Usage: ``.venv/bin/python bench/mem_timeline.py PROJECT OUT [--stages] [--trace 15] [--processes] [--cpu]``
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import MKDOCS, _tree_pss_mib


def _tree_pids(pid: int) -> list[int]:
    pids, i = [pid], 0
    while i < len(pids):
        with contextlib.suppress(OSError):  # the process has ended
            pids += [int(k) for k in Path(f"/proc/{pids[i]}/task/{pids[i]}/children").read_text().split()]
        i += 1
    return pids


def _pss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _cpu_seconds(pid: int) -> float | None:
    """User and system CPU time of ``pid`` so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


_STAGE_HOOK = '''\
"""Bench-only: time, CPU time and RSS of the build process at MkDocs' events (bench/mem_timeline.py)."""
import os, sys, time
from mkdocs.plugins import event_priority

# The timeline's own start when it runs the build (perf_counter is one clock for every process).
_T0 = float(os.environ.get("ZHUDU_BENCH_T0") or time.perf_counter())
_TRACE = int(os.environ.get("ZHUDU_BENCH_TRACE", "0"))
_pages = [0]
_peak = [0, None]
if _TRACE:
    import threading, tracemalloc
    tracemalloc.start(6)

    def _watch():
        # A snapshot whenever the traced memory passed the last one's by 5 %: the last is the peak's.
        while True:
            time.sleep(0.5)
            current, _ = tracemalloc.get_traced_memory()
            if current > _peak[0] * 1.05:
                _peak[:] = [current, tracemalloc.take_snapshot()]

    threading.Thread(target=_watch, daemon=True).start()


def _rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _mark(name):
    print(
        f"STAGE {time.perf_counter() - _T0:8.2f} s  cpu {time.process_time():6.2f} s  rss {_rss():7.0f} MiB  {name}",
        file=sys.stderr,
        flush=True,
    )
    if _TRACE:
        import tracemalloc
        current, peak = tracemalloc.get_traced_memory()
        print(f"  traced {current / 2**20:.0f} MiB (peak {peak / 2**20:.0f})", file=sys.stderr)
        for stat in tracemalloc.take_snapshot().statistics("lineno")[:_TRACE]:
            print(f"    {stat}", file=sys.stderr)
        sys.stderr.flush()


def _print_peak():
    if _peak[1] is None:
        return
    print(f"  PEAK snapshot {_peak[0] / 2**20:.0f} MiB traced, by line:", file=sys.stderr)
    for stat in _peak[1].statistics("lineno")[:_TRACE]:
        print(f"    {stat}", file=sys.stderr)
    print("  by traceback:", file=sys.stderr)
    for stat in _peak[1].statistics("traceback")[:_TRACE]:
        print(f"    {stat.size / 2**20:.1f} MiB {stat.count} blocks", file=sys.stderr)
        for line in stat.traceback.format()[-12:]:
            print(f"      {line}", file=sys.stderr)
    sys.stderr.flush()


def on_config(config):
    _mark("config")


@event_priority(100)
def on_files(files, config):
    _mark("files")


@event_priority(-200)
def on_env(env, config, files):
    _mark("env (page loop starts)")


@event_priority(-200)
def on_post_page(output, page, config):
    _pages[0] += 1
    if _pages[0] % 2000 == 0:
        _mark(f"{_pages[0]} pages")
    return output


@event_priority(100)
def on_post_build(config):
    _mark(f"post_build starts ({_pages[0]} pages)")


@event_priority(-200)
def on_shutdown():
    _mark("shutdown")
    if _TRACE:
        _print_peak()
'''


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--every", type=float, default=0.25)
    parser.add_argument("--stages", action="store_true")
    parser.add_argument("--trace", type=int, default=0)
    parser.add_argument("--processes", action="store_true", help="each process's PSS (see above)")
    parser.add_argument("--cpu", action="store_true", help="CPU used by the build and its workers per sample")
    args = parser.parse_args(argv)
    if args.out.exists():
        raise SystemExit(f"{args.out} exists")
    cmd = [MKDOCS, "build", "-q", "-d", str(args.out.resolve())]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://zhudu.github.io/zhudu/"}
    if args.stages or args.trace:
        (args.project / "bench_stages_hook.py").write_text(_STAGE_HOOK, encoding="utf-8")
        config = (args.project / "mkdocs.yml").read_text(encoding="utf-8")
        config = config.replace(
            "  - hooks/zhudu_hook.py\n", "  - hooks/zhudu_hook.py\n  - bench_stages_hook.py\n", 1
        )
        (args.project / "mkdocs-stages.yml").write_text(config, encoding="utf-8")
        cmd += ["-f", "mkdocs-stages.yml"]
        env["ZHUDU_BENCH_TRACE"] = str(args.trace)
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env["ZHUDU_BENCH_T0"] = repr(started)
    child = subprocess.Popen(
        cmd, cwd=args.project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(child.stderr), daemon=True)
    reader.start()
    samples: list[tuple[float, float, float]] = []
    #: With --processes: each sample's PSS by process, and when each process was first and last seen.
    by_pid: list[dict[int, float]] = []
    seen: dict[int, list[float]] = {}
    #: With --cpu: each process's CPU seconds at the last sample, and each sample's (time, build, workers).
    cpu_last: dict[int, float] = {}
    cpu_samples: list[tuple[float, float, float]] = []
    while child.poll() is None:
        if args.cpu:
            now, build_cpu, workers_cpu = time.perf_counter() - started, 0.0, 0.0
            for p in _tree_pids(child.pid):
                if (used := _cpu_seconds(p)) is not None:
                    delta, cpu_last[p] = used - cpu_last.get(p, 0.0), used
                    if p == child.pid:
                        build_cpu += delta
                    else:
                        workers_cpu += delta
            cpu_samples.append((now, build_cpu, workers_cpu))
        if args.processes:
            now = time.perf_counter() - started
            own = {p: m for p in _tree_pids(child.pid) if (m := _pss_mib(p)) is not None}
            for p in own:
                seen.setdefault(p, [now, now])[1] = now
            by_pid.append(own)
            pss = sum(own.values())
        else:
            pss = _tree_pss_mib(child.pid)
        try:
            rss = next(
                int(line.split()[1]) / 1024
                for line in Path(f"/proc/{child.pid}/status").read_text().splitlines()
                if line.startswith("VmRSS:")
            )
        except (OSError, StopIteration):
            rss = 0.0
        samples.append((time.perf_counter() - started, pss, rss))
        time.sleep(args.every)
    reader.join()
    wall = time.perf_counter() - started
    for line in lines:
        if line.startswith(("STAGE", "  ")):
            print(line.rstrip())
    if child.returncode:
        print("".join(lines[-40:]))
        raise SystemExit("build failed")
    if cpu_samples:
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        print(f"CPU of the build and its workers: {used:.2f} s")
        print("CPU per sample (s of CPU in each --every s: build process, workers together):")
        for t, build_cpu, workers_cpu in cpu_samples:
            print(f"  {t:7.2f} s  build {build_cpu:5.2f}  workers {workers_cpu:5.2f}")
    step = max(1, len(samples) // 60)
    for t, pss, rss in samples[::step]:
        print(f"  {t:7.1f} s  tree PSS {pss:6.0f} MiB  build RSS {rss:6.0f} MiB")
    peak = max(samples, key=lambda s: s[1])
    if args.processes:
        at_peak = by_pid[samples.index(peak)]
        print("processes (pid: seen from-to s, PSS at the tree's peak, own largest PSS):")
        for p, (first, last) in sorted(seen.items(), key=lambda item: item[1][0]):
            largest = max(sample.get(p, 0.0) for sample in by_pid)
            role = "build" if p == child.pid else "worker"
            print(
                f"  {p:>8} {role:6} {first:7.1f}-{last:7.1f} s  at peak {at_peak.get(p, 0.0):6.0f} MiB"
                f"  largest {largest:6.0f} MiB"
            )
    print(
        f"peak tree PSS {peak[1]:.0f} MiB at {peak[0]:.1f} s; peak build RSS {max(s[2] for s in samples):.0f} MiB; "
        f"wall {wall:.1f} s; load {os.getloadavg()[0]:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
