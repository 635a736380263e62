"""Under ``mkdocs serve --dirty`` a note's stray end tag is removed and named at its line, save after save.

The first rebuild renders the note; the next (another note saved) reads it from its kept render
(``publish/unchanged.py``), its warning replayed.  The served site equals a clean build each time.
"""

from __future__ import annotations

from test_containment_paths import PROBE, STRAY
from test_serve_incremental import BUILT, RELOADED, served  # noqa: F401  (a fixture)

from sitescan import text_outside_note_body

WARNING = "seeds/zz.md:15: </div> would close the page"


def warnings_per_build(lines: list[str], at: int) -> list[int]:
    """How often each build finished since ``at`` named the stray, from the start of the first one.

    Counted per build, not over the window: under load the watcher may hear one save twice and rebuild
    twice, each naming it once (as it should), and a build may have begun just before ``at``.
    """
    start = max((i + 1 for i, line in enumerate(lines[:at]) if BUILT in line or RELOADED in line), default=0)
    counts, named = [], 0
    for line in lines[start:]:
        named += WARNING in line
        if RELOADED in line:
            counts.append(named)
            named = 0
    return counts


def test_serve_dirty_removes_and_names_the_stray_on_render_and_on_reuse(served):  # noqa: F811
    root, server, compare, _url = served
    seeds = root / "seeds"
    # The first build of the shipped notes equals a clean build: test_serve_incremental's first check.

    at = len(server.lines)
    assert compare(lambda: (seeds / "zz.md").write_text(STRAY, encoding="utf-8")) == [], "the note written"
    counts = warnings_per_build(server.lines, at)
    assert counts and all(n == 1 for n in counts), counts
    pages = [p for p in server.site_dir().rglob("index.html") if PROBE in p.read_text(encoding="utf-8")]
    assert len(pages) == 3  # a page per variant
    assert not any(text_outside_note_body(p.read_text(encoding="utf-8"), PROBE) for p in pages)

    at = len(server.lines)
    other = "---\ntitle: 另一篇\n---\n\n另一篇正文。\n"
    assert compare(lambda: (seeds / "other.md").write_text(other, encoding="utf-8")) == [], (
        "another note saved"
    )
    counts = warnings_per_build(server.lines, at)
    assert counts and all(n == 1 for n in counts), counts  # replayed from the kept render
    assert not any(text_outside_note_body(p.read_text(encoding="utf-8"), PROBE) for p in pages)
