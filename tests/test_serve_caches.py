"""What ``mkdocs serve --dirty`` keeps between rebuilds never goes stale.

A serve process keeps the notes it read (``notes/reads.py``), the artifacts it read or wrote
(``serving.py``) and reads unchanged note pages from their kept render instead of MkDocs' page
loop (``publish/unchanged.py``); a dirty build into a new folder copies the pages it wrote before
(``publish/written.py``).  Each step below changes an input those could miss, rebuilds the
way ``mkdocs serve --dirty`` does (a fresh config per rebuild, in one process), and compares the
folder with a clean build made by a new process with an empty cache.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from clean_builds import build_clean, project_digest, repo_code
from test_serve_incremental import differences, project, replace_in

pytestmark = pytest.mark.slow

SERVE_URL = "http://127.0.0.1:8000/zhudu/"

#: Rebuilds like ``mkdocs serve --dirty``, each time a line arrives on stdin; answers with the
#: build's counters (from Zhudu's debug lines).
DIRTY_SERVER = textwrap.dedent(
    """
    import json, logging, re, sys
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    config_file, site_dir, serve_url = sys.argv[1:4]
    counters = {}
    class Count(logging.Handler):
        def emit(self, record):
            message = record.getMessage()
            if m := re.search(r"notes: (\\d+) reused from the last build, (\\d+) read", message):
                counters["notes reused"], counters["notes read"] = int(m[1]), int(m[2])
            if m := re.search(r"note pages read from their kept render: (\\d+)", message):
                counters["pages kept"] = int(m[1])
            if m := re.search(r"other pages read from their kept render: (\\d+) of (\\d+)", message):
                counters["other pages kept"], counters["other pages"] = int(m[1]), int(m[2])
            if m := re.search(r"dirty build: (\\d+) of (\\d+) pages left as written", message):
                counters["pages left"], counters["pages"] = int(m[1]), int(m[2])
            if m := re.search(r"plan: pages' HTML hashed (\\d+), known by its string (\\d+); "
                              r"note theme digests kept (\\d+) \\(shapes kept (\\d+)\\), "
                              r"theme pages' digests kept (\\d+)", message):
                counters["html hashed"], counters["html known"] = int(m[1]), int(m[2])
                counters["theme digests kept"] = int(m[3])
                counters["shapes kept"], counters["theme pages kept"] = int(m[4]), int(m[5])
            if m := re.search(r"note views kept (\\d+)", message):
                counters["views kept"] = int(m[1])
            if m := re.search(r"glossary: (\\d+) term lists kept", message):
                counters["term lists kept"] = int(m[1])
            if m := re.search(r"sitemaps written: (\\d+) of (\\d+)", message):
                counters["sitemaps written"] = int(m[1])
            if m := re.search(r"passages in (\\d+), matched.*?(\\d+) passages scanned, (\\d+) folded", message):
                counters["passages"], counters["scanned"], counters["folded"] = int(m[1]), int(m[2]), int(m[3])
            if m := re.search(r"hits of (\\d+) of (\\d+) notes kept", message):
                counters["notes kept"] = int(m[1])
            if m := re.search(r"(\\d+) of (\\d+) page records redone, postings (\\w+)", message):
                counters["records redone"], counters["records"] = int(m[1]), int(m[2])
                counters["postings rebuilt"] = int(m[3] == "rebuilt")
            if m := re.search(r"(\\d+) folders renamed, (\\d+) deflated", message):
                counters["deflated"] = int(m[2])
            if m := re.search(r"vocabulary: (\\d+) texts cut", message):
                counters["texts cut"] = int(m[1])
            if m := re.search(r"aliases: (\\d+) words converted", message):
                counters["aliases converted"] = int(m[1])
    logger = logging.getLogger("mkdocs.plugins.zhudu")
    logger.setLevel(logging.DEBUG)
    logger.addHandler(Count(logging.DEBUG))
    first = True
    for line in sys.stdin:
        counters.clear()
        if line.strip() == "stop":  # what mkdocs serve does when it stops
            config.plugins.on_shutdown()
            print("{}", flush=True)
            continue
        config = load_config(config_file=config_file, site_dir=site_dir)
        if first:
            config.plugins.on_startup(command="serve", dirty=True)
            first = False
        config.site_url = serve_url
        build(config, serve_url=serve_url, dirty=True)
        print(json.dumps(counters), flush=True)
    """
)

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


class DirtyServer:
    """A process rebuilding one project into one folder, as ``mkdocs serve --dirty`` does."""

    #: The process's program: rebuilds on each "build" line, answers one line of JSON.
    script = DIRTY_SERVER

    def __init__(self, root: Path, site: Path, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", self.script, str(root / "mkdocs.yml"), str(site), SERVE_URL],
            cwd=root,
            env=env or ENV,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )

    def rebuild(self) -> dict[str, int]:
        return self.ask()

    def ask(self, command: str = "build") -> Any:
        """Rebuild once (or ``stop``: the plugins' ``on_shutdown``); the process's answer."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"{command}\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        assert answer, "the rebuild failed"
        return json.loads(answer)

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()


#: Clean builds made by this test process: the digest of the project's files → the folder built.
_clean_builds: dict[str, Path] = {}


def clean_build(root: Path, tmp: Path) -> Path:
    """A clean build of ``root`` as it is now, by a new process with an empty cache.

    Made once per state of the project's files: a state built earlier in this process (another
    step or test back at the same files) is that build's folder (read only by the tests)."""
    key = project_digest(root)
    if key in _clean_builds:
        return _clean_builds[key]
    n = len(list(tmp.glob("clean-*")))
    site, cache = tmp / f"clean-{n}", tmp / f"clean-cache-{n}"
    same_code = project_digest(root / "hooks") == repo_code()
    build_clean(root, site, cache, SERVE_URL, same_code)  # a new process, forked: clean_builds.py
    _clean_builds[key] = site
    return site


def test_a_serve_process_keeps_nothing_stale(tmp_path: Path) -> None:
    root = project(tmp_path / "project")
    site = tmp_path / "served"
    server = DirtyServer(root, site)
    notes = sorted((root / "seeds").glob("*.md"))
    note = notes[0]
    try:
        first = server.rebuild()
        assert differences(site, clean_build(root, tmp_path)) == []
        assert first["notes read"] == len(notes)

        # An edit that keeps the file's size and modification time (a 3-byte character for another).
        original = note.read_bytes()
        stat = note.stat()
        text = original.decode("utf-8")
        assert "的" in text
        note.write_bytes(text.replace("的", "是", 1).encode("utf-8"))
        os.utime(note, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        assert note.stat().st_size == stat.st_size and note.stat().st_mtime_ns == stat.st_mtime_ns
        counters = server.rebuild()
        assert differences(site, clean_build(root, tmp_path)) == []
        # Only the edited note is read and rendered again (MkDocs' page loop skips the others).
        assert counters["notes read"] == 1 and counters["notes reused"] == len(notes) - 1
        assert counters["pages kept"] == len(notes) - 1
        # The pages that are not notes (home, about, themes, glossary …) show nothing of the edit:
        # none is rendered again either (their render is kept like a note's).
        assert first["other pages kept"] == 0 and first["other pages"] >= 4
        assert counters["other pages kept"] == counters["other pages"] == first["other pages"]

        # Restored to its earlier content: its first read is still in the cache.
        note.write_bytes(original)
        counters = server.rebuild()
        assert differences(site, clean_build(root, tmp_path)) == []
        assert counters["notes read"] == 0 and counters["notes reused"] == len(notes)

        # mkdocs.yml: a setting reading a note depends on (the reading speed: the minutes shown).
        replace_in(
            root / "mkdocs.yml",
            "    timezone: Asia/Shanghai\n",
            "    timezone: Asia/Shanghai\n    chars_per_minute: 45\n",
        )
        counters = server.rebuild()
        assert differences(site, clean_build(root, tmp_path)) == []
        assert counters["notes read"] == len(notes)
        assert counters["other pages kept"] == 0  # mkdocs.yml is an input of every render
    finally:
        server.stop()

    # Zhudu's code changes where a note's Markdown is rendered (its kept render must not be
    # reused): a new process, as mkdocs serve does not reload the package.  The change shows in
    # every passage (the author-chosen ids changed before are in no shipped note): a server or a
    # clean build that ran this checkout's code instead of the project's differs.
    replace_in(
        root / "hooks" / "zhudu" / "annotate" / "passages.py",
        '                element.set("id", anchor)\n',
        '                element.set("id", anchor)\n                element.set("data-zd-code", "changed")\n',
    )
    server = DirtyServer(root, site)
    try:
        server.rebuild()
        assert differences(site, clean_build(root, tmp_path)) == []
    finally:
        server.stop()

    # A new folder with a warm cache (mkdocs serve builds into a new temporary folder when it
    # starts): every page is copied from the files kept for its digest, none rendered again, and
    # no note is read again.
    fresh = tmp_path / "served-again"
    server = DirtyServer(root, fresh)
    try:
        counters = server.rebuild()
        assert differences(fresh, clean_build(root, tmp_path)) == []
        assert counters["pages left"] == counters["pages"] > 0
        assert counters["notes reused"] == len(notes)  # read by the last process: kept in the cache
    finally:
        server.stop()


def test_a_save_hashes_only_what_it_changed_and_the_folder_stays_a_clean_builds(tmp_path: Path) -> None:
    """The dirty-build plan hashes a page's HTML and a note's theme panels only when they changed.

    An unchanged page read from its kept render has the very HTML string of the last save, and an
    unchanged note's theme digest is kept with what it was made from (``page_digests``); each save
    below changes what one of those is made from, and the folder still equals a clean build.
    """
    root = project(tmp_path / "project")
    site = tmp_path / "served"
    server = DirtyServer(root, site)
    notes = sorted((root / "seeds").glob("*.md"))
    note = notes[0]
    try:
        first = server.rebuild()
        assert first["html hashed"] == first["pages"] and first["theme digests kept"] == 0
        # A paragraph without a theme's phrase: only the edited note's page and the glossary
        # (its places are filled in every save) are hashed; every note's theme panels are kept.
        note.write_text(note.read_text(encoding="utf-8") + "\n\n新的一段。\n", encoding="utf-8")
        counters = server.rebuild()
        assert differences(site, clean_build(root, tmp_path)) == []
        assert counters["html hashed"] <= 3 and counters["html known"] >= counters["pages"] - 3
        assert counters["theme digests kept"] == len(notes)
        # The others' hits are the last save's (pins quote every shipped note: kept with them), and
        # no theme's entry, strongest notes or blocks changed: their shapes are not made again.
        assert first["shapes kept"] == 0 and counters["shapes kept"] == len(notes) - 1
        # Every other note is the last save's object: its view (note_views.note_view) is the last save's.
        assert first["views kept"] == 0 and counters["views kept"] == len(notes) - 1
        assert counters["sitemaps written"] == 0  # no page moved, no date changed
        assert counters["term lists kept"] >= 10  # the glossary's terms: none of their places moved
        # A theme's phrase: the note's hits change, so its panels (and others' that list it) are
        # digested again.
        note.write_text(note.read_text(encoding="utf-8") + "\n\n算力与显卡。\n", encoding="utf-8")
        counters = server.rebuild()
        assert differences(site, clean_build(root, tmp_path)) == []
        assert counters["theme digests kept"] < len(notes)
        # A title other notes' related lists show.
        replace_in(notes[2], "title: 社会", "title: 改社会")
        counters = server.rebuild()
        assert differences(site, clean_build(root, tmp_path)) == []
        assert counters["theme digests kept"] < len(notes)  # the others' panels list it
        assert first["sitemaps written"] == 3
        # Back as it was: the earlier digests again, from the kept renders.
        replace_in(notes[2], "title: 改社会", "title: 社会")
        counters = server.rebuild()
        assert differences(site, clean_build(root, tmp_path)) == []
        # Unchanged since: every theme page's digest and every note's shape is the last save's.
        counters = server.rebuild()
        assert counters["shapes kept"] == len(notes) and counters["theme pages kept"] > 0
        assert counters["views kept"] == len(notes)
        assert counters["pages left"] == counters["pages"]
    finally:
        server.stop()


#: Real notes in folders (their sections' pages take their title from their first heading).
HEXO = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "hexo-docs"


@pytest.mark.skipif(not HEXO.is_dir(), reason="../shared/corpora/hexo-docs is not there")
def test_pages_that_are_not_notes_are_kept_only_while_their_markdown_holds(tmp_path: Path) -> None:
    """Section pages (no title of their own), theme pages, the glossary … come from their kept render."""
    root = project(tmp_path / "project")
    for folder in ("zh-cn", "zh-tw"):
        (root / "seeds" / folder).mkdir()
        for note in sorted((HEXO / folder).glob("*.md"))[:4]:
            (root / "seeds" / folder / note.name).write_bytes(note.read_bytes())
    site = tmp_path / "served"
    server = DirtyServer(root, site)
    try:
        server.rebuild()
        assert differences(site, clean_build(root, tmp_path)) == []
        note = sorted((root / "seeds" / "zh-cn").glob("*.md"))[0]
        note.write_text(note.read_text(encoding="utf-8") + "\n\n新的一段。\n", encoding="utf-8")
        counters = server.rebuild()
        assert differences(site, clean_build(root, tmp_path)) == []
        assert counters["other pages kept"] == counters["other pages"] > 4  # sections included
        # A new title: the section page listing the note shows it (its Markdown changed).
        replace_in(note, "title:", "title: 改")
        counters = server.rebuild()
        assert differences(site, clean_build(root, tmp_path)) == []
        assert 0 < counters["other pages kept"] < counters["other pages"]
    finally:
        server.stop()
