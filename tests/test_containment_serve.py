"""Under ``mkdocs serve --dirty`` a note's stray end tag is removed and named at its line, save after save.

The first rebuild renders the note; the next (another note saved) reads it from its kept render
(``publish/unchanged.py``), its warning replayed.  The served site equals a clean build each time.
"""

from __future__ import annotations

from test_containment_paths import PROBE, STRAY
from test_serve_incremental import served  # noqa: F401  (a fixture)

from sitescan import text_outside_note_body

WARNING = "seeds/zz.md:15: </div> would close the page"


def test_serve_dirty_removes_and_names_the_stray_on_render_and_on_reuse(served):  # noqa: F811
    root, server, compare, _url = served
    seeds = root / "seeds"
    assert compare() == [], "the first build"

    at = len(server.lines)
    assert compare(lambda: (seeds / "zz.md").write_text(STRAY, encoding="utf-8")) == [], "the note written"
    assert sum(WARNING in line for line in server.lines[at:]) == 1
    pages = [p for p in server.site_dir().rglob("index.html") if PROBE in p.read_text(encoding="utf-8")]
    assert len(pages) == 3  # a page per variant
    assert not any(text_outside_note_body(p.read_text(encoding="utf-8"), PROBE) for p in pages)

    at = len(server.lines)
    other = "---\ntitle: 另一篇\n---\n\n另一篇正文。\n"
    assert compare(lambda: (seeds / "other.md").write_text(other, encoding="utf-8")) == [], (
        "another note saved"
    )
    assert sum(WARNING in line for line in server.lines[at:]) == 1  # replayed from the kept render
    assert not any(text_outside_note_body(p.read_text(encoding="utf-8"), PROBE) for p in pages)
