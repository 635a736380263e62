"""Where one save under ``mkdocs serve --dirty`` spends its CPU, in-process (cProfile).

Runs MkDocs' own ``build`` the way ``mkdocs serve --dirty`` does (``on_startup("serve", dirty=True)``
once, a fresh config and the same site folder for every rebuild), on a project of N generated notes
(bench/corpus.py; kept in ``--project`` between runs so its cache stays warm).  The first build fills
the cache and the site folder; then ``--saves`` rebuilds each follow one edit and are profiled.
Prints the CPU of each save and the cumulative CPU time of Zhudu's stages (and MkDocs' page loop),
measured with this process's CPU clock: the machine's load does not count, forked workers' work
does not either.

``--edit`` chooses what is saved: ``note`` (a paragraph appended to one note), ``add`` (a new note),
``delete`` / ``rename`` (a note removed / its file renamed: the project is made again next run), ``glossary`` (one
term's explanation changed), ``glossary-comment`` (a comment appended to glossary.yml), ``themes``
(a comment appended to themes.yml), ``themes-phrase`` (a phrase no passage contains added to the
first theme), ``themes-name`` (the first theme's name changed), ``annotations`` (one editor's note's text changed), ``notes``
(one note's title changed in notes.yml), ``notes-comment`` (a comment appended to notes.yml),
``conversion`` (a protected term added to conversion.yml: every note's conversion input changes).

``--timeline`` does not profile: it prints when each of the build's log lines came during each save
(wall and this process's CPU seconds since the save began), Zhudu's debug lines included, MkDocs'
per-page lines counted.

Usage: ``.venv/bin/python bench/profile_serve.py --notes 500 [--saves 2] [--edit note] [--timeline] [--dump FILE]``
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import logging
import os
import pstats
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

REPO = Path(__file__).resolve().parents[1]

#: (label, function name as pstats prints it: file suffix, function) — the stages a save goes through.
STAGES = [
    ("mkdocs build (all)", "mkdocs/commands/build.py", "build"),
    ("on_files: read notes + pages", "zhudu/build.py", "add_files"),
    ("  load_notes", "zhudu/publish/site.py", "load_notes"),
    ("  themes load", "zhudu/build.py", "_load_themes"),
    ("on_nav: unchanged pages", "zhudu/publish/unchanged.py", "read_unchanged_pages|read_unchanged_notes"),
    ("MkDocs populate (rendering)", "mkdocs/commands/build.py", "_populate_page"),
    ("on_env", "zhudu/build.py", "env"),
    ("  theme matching (finish)", "zhudu/themes/render.py", "finish"),
    ("  glossary fill", "zhudu/annotate/glossary.py", "fill_occurrences"),
    ("  plan (digests)", "zhudu/publish/incremental.py", "plan_pages"),
    ("MkDocs build_page (writing)", "mkdocs/commands/build.py", "_build_page"),
    ("on_post_build", "zhudu/build.py", "post_build"),
    ("  finish_writing", "zhudu/publish/site.py", "finish_writing"),
    ("  finish_pages (kept texts)", "zhudu/publish/incremental.py", "finish_pages"),
    ("  sitemaps", "zhudu/publish/site.py", "write_sitemaps"),
    ("  search indexes", "zhudu/publish/site.py", "write_search_indexes"),
    ("    index files (assembly)", "zhudu/search/assembly.py", "files"),
    ("    writing changed files", "zhudu/search/writing.py", "write_index"),
    ("  record_pages", "zhudu/publish/incremental.py", "record_pages"),
    ("  feeds", "zhudu/publish/feeds.py", "variant_feeds"),
]


def edit(project: Path, what: str, k: int) -> None:
    """Save one change of kind ``what`` (the ``k``-th: each save differs from the last)."""
    editorial = project / "docs" / "editorial"
    if what == "note":
        notes = sorted((project / "seeds").glob("*.md"))
        note = notes[len(notes) // 2]
        text = note.read_text(encoding="utf-8")
        text = re.sub(r"\n\n测量标记 \S+\n$", "", text)
        note.write_text(text + f"\n\n测量标记 ZDMARK{k}x{time.monotonic_ns()}\n", encoding="utf-8")
    elif what == "glossary":
        path = editorial / "glossary.yml"
        text = path.read_text(encoding="utf-8")
        # The first explanation gets a counter: one term's meaning changes.
        text = re.sub(r"(explanation: ?[\"']?)(?:〔\d+〕)?", rf"\g<1>〔{k}〕", text, count=1)
        path.write_text(text, encoding="utf-8")
    elif what == "add":  # a new note (its page and passages come before or between the others')
        note = project / "seeds" / f"00000_added{k}.md"
        note.write_text(
            f'---\ntitle: "新增笔记{k}"\ncreated: 2020-01-0{1 + k % 9}\n---\n\n新增的段落 ZDMARK{k}。\n',
            encoding="utf-8",
        )
    elif what in ("delete", "rename"):  # a note in the middle (each save another one)
        notes = sorted(n for n in (project / "seeds").glob("*.md") if not n.name.startswith("zz_renamed"))
        note = notes[len(notes) // 2 + k]
        # The editor's entry goes with the file (a note id is its file name): an entry for a note
        # that is gone is an error, served as a banner on every page without notes.yml's data.
        path = editorial / "notes.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        entry = data.pop(note.stem, None)
        if what == "delete":
            note.unlink()
        else:  # a new file name: a new URL, in another bucket
            renamed = note.with_name(f"zz_renamed{k}_{note.name}")
            note.rename(renamed)
            if entry is not None:
                data[renamed.stem] = entry
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True), encoding="utf-8")
    elif what in ("glossary-comment", "themes", "notes-comment"):
        name = {"themes": "themes.yml", "glossary-comment": "glossary.yml", "notes-comment": "notes.yml"}[
            what
        ]
        with (editorial / name).open("a", encoding="utf-8") as out:
            out.write(f"\n# comment {k}\n")
    elif what == "themes-phrase":  # a phrase no passage contains, added to the first theme
        path = editorial / "themes.yml"
        text = re.sub(r"      - 测量短语\d+\n", "", path.read_text(encoding="utf-8"))
        text = text.replace("    phrases:\n", f"    phrases:\n      - 测量短语{k}\n", 1)
        path.write_text(text, encoding="utf-8")
    elif what == "themes-name":  # the first theme's name gets a counter
        path = editorial / "themes.yml"
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(\n    name: [^\n〔]*)(?:〔\d+〕)?", rf"\g<1>〔{k}〕", text, count=1)
        path.write_text(text, encoding="utf-8")
    elif what == "annotations":
        path = editorial / "annotations.yml"
        text = path.read_text(encoding="utf-8")
        # The first editor's note's text gets a counter (a folded ``body: >-`` block).
        text = re.sub(r"(\n  body: >-\n\s+)(?:〔\d+〕)?", rf"\g<1>〔{k}〕", text, count=1)
        path.write_text(text, encoding="utf-8")
    elif what == "notes":
        path = editorial / "notes.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        note = sorted(data)[len(data) // 2]
        title = re.sub(r"〔\d+〕$", "", str(data[note].get("title", note)))
        data[note]["title"] = f"{title}〔{k}〕"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True), encoding="utf-8")
    elif what == "conversion":
        path = editorial / "conversion.yml"
        text = re.sub(r"  - 测量词\d+ .*\n", "", path.read_text(encoding="utf-8"))
        text = text.replace("protected:\n", f"protected:\n  - 测量词{k}    # why: profile_serve's edit\n", 1)
        path.write_text(text, encoding="utf-8")
    else:
        raise SystemExit(f"unknown edit {what!r}")


class Timeline(logging.Handler):
    """The build's log lines as they come, with wall and CPU seconds since the save began."""

    #: Lines logged once per page, file, plugin event, image or setting: counted, not printed.
    PER_PAGE = (
        "Running `",
        "Building page ",
        "Reading: ",
        "Copying media file",
        "Skip building page",
        "Skip copying unmodified file",
        "zhudu: missing image: ",
        "Config value ",
        "Looking for translations",
        "No translations found",
    )

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        self.lines: list[tuple[float, float, str]] = []
        self.counted: dict[str, int] = {}
        self.logger = logging.getLogger("mkdocs")
        self.level = self.logger.level
        self.logger.setLevel(logging.DEBUG)
        self.logger.addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if kind := next((p for p in self.PER_PAGE if message.startswith(p)), None):
            self.counted[kind] = self.counted.get(kind, 0) + 1
            return
        now = (time.perf_counter() - self.wall, time.process_time() - self.cpu)
        self.lines.append((*now, message.splitlines()[0][:150] if message else ""))

    def stop(self) -> None:
        self.logger.removeHandler(self)
        self.logger.setLevel(self.level)

    def show(self) -> None:
        print(f"{'wall s':>8} {'CPU s':>7}  line")
        for wall, cpu, message in self.lines:
            print(f"{wall:8.3f} {cpu:7.3f}  {message}")
        print("  per-page lines: " + ", ".join(f"{k.strip()} ×{n}" for k, n in self.counted.items()))


class GcClock:
    """How many of Python's cyclic collections ran during a save, and their CPU (observed, not tuned).

    A save allocates objects that outlive it (pages, notes, hits), so the collector's full passes
    over everything the server keeps land in whichever stage allocates at that moment.
    """

    def __init__(self) -> None:
        self.started: float | None = None
        self.seconds = [0.0, 0.0, 0.0]
        self.counts = [0, 0, 0]
        gc.callbacks.append(self)

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.started = time.process_time()
        elif self.started is not None:
            generation = info["generation"]
            self.seconds[generation] += time.process_time() - self.started
            self.counts[generation] += 1
            self.started = None

    def stop(self) -> str:
        gc.callbacks.remove(self)
        return ", ".join(
            f"gen{g} ×{n} {s:.2f} s" for g, (n, s) in enumerate(zip(self.counts, self.seconds, strict=True))
        )


class _SearchCounters(logging.Handler):
    """Prints the search stage's debug line (``search/stage.py``) of each build."""

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "zhudu search:" in message:
            print(f"  {message[message.index('zhudu search:') :]}", flush=True)


def main(argv: list[str]) -> int:
    """Make or reuse the project, build once, then profile ``--saves`` saves."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=500)
    parser.add_argument("--saves", type=int, default=2)
    parser.add_argument("--edit", default="note")
    parser.add_argument("--project", type=Path, help="keep the project here (default: a temp folder)")
    parser.add_argument("--dump", type=Path, help="write the last save's profile here (pstats)")
    parser.add_argument("--top", type=int, default=0, help="also print the N most costly functions")
    parser.add_argument(
        "--hooks", type=Path, default=REPO / "hooks", help="the code to run (default: this tree's)"
    )
    parser.add_argument(
        "--timeline", action="store_true", help="no profile: when each log line of a save came (wall, CPU)"
    )
    parser.add_argument(
        "--first", action="store_true", help="profile the first build instead (a new site folder: warm cache)"
    )
    parser.add_argument(
        "--vary",
        action="store_true",
        help="the varied corpus (bench/corpus.py --vary; a --project is reused as is)",
    )
    args = parser.parse_args(argv)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    project = args.project or Path(tempfile.mkdtemp(prefix="zhudu-prof-")) / "p"
    seeds = sorted((project / "seeds").glob("*.md")) if (project / "seeds").is_dir() else []
    if len(seeds) != args.notes or any(n.name.startswith(("zz_renamed", "00000_added")) for n in seeds):
        corpus.make_project(args.notes, project, vary=args.vary)
    # The code under test, fresh (make_project copies this tree's, not --hooks).
    for name, source in (("hooks", args.hooks), ("overrides", REPO / "overrides")):
        shutil.rmtree(project / name, ignore_errors=True)
        shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    site_dir = project / "site-serve"
    if args.first:  # mkdocs serve builds into a new temporary folder each time it starts
        shutil.rmtree(site_dir, ignore_errors=True)
    os.chdir(project)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def config() -> object:
        cfg = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
        cfg.site_url = "http://127.0.0.1:8000/zhudu/"
        return cfg

    # The search stage's counters (page records redone, files written), one line per build.
    search_log = logging.getLogger("mkdocs.plugins.zhudu")
    search_log.setLevel(logging.DEBUG)
    search_log.addHandler(_SearchCounters())
    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    profile = cProfile.Profile(time.process_time) if args.first else None
    began, wall = time.process_time(), time.perf_counter()
    if profile is not None:
        profile.enable()
    build(first, serve_url="http://127.0.0.1:8000/zhudu/", dirty=True)
    if profile is not None:
        profile.disable()
        args.saves = 0
    print(
        f"first build: {time.process_time() - began:.2f} s CPU, {time.perf_counter() - wall:.2f} s wall",
        flush=True,
    )
    for k in range(args.saves):
        edit(project, args.edit, k)
        timeline = Timeline() if args.timeline else None
        profile = None if timeline else cProfile.Profile(time.process_time)
        began, wall = time.process_time(), time.perf_counter()
        collections = GcClock()
        if profile is not None:
            profile.enable()
        build(config(), serve_url="http://127.0.0.1:8000/zhudu/", dirty=True)
        if profile is not None:
            profile.disable()
        print(
            f"save {k + 1} ({args.edit}): {time.process_time() - began:.2f} s CPU, "
            f"{time.perf_counter() - wall:.2f} s wall{'' if timeline else ' (profiled)'}; "
            f"cyclic GC: {collections.stop()}",
            flush=True,
        )
        if timeline is not None:
            timeline.stop()
            timeline.show()
    if profile is None:  # --timeline, or --first with no save
        return 0
    stats = pstats.Stats(profile)
    total = max(v[3] for v in stats.stats.values())  # type: ignore[attr-defined]
    for label, suffix, name in STAGES:
        cum = sum(
            v[3]
            for (path, _, func), v in stats.stats.items()  # type: ignore[attr-defined]
            if func in name.split("|") and path.replace(os.sep, "/").endswith(suffix)  # old | new name
        )
        print(f"{label:34s} {cum:7.2f} s  {100 * cum / total:5.1f} %")
    if args.top:
        stats.sort_stats("cumulative").print_stats(args.top)
    if args.dump:
        stats.dump_stats(str(args.dump))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
