"""A note whose URL changed (an Obsidian title change renames its file; an edited ``slug:``) leaves no
stale copy at its old URL, and the notes linking to it link to the new one (session 32).

``mkdocs serve``, dirty or not, builds into a folder of its own and removes what a save no longer has
(``incremental.remove_stale``).  ``mkdocs build --dirty`` into ``site/`` did only after another dirty
build: after a clean ``mkdocs build`` there was no record of what it wrote, and the old folders stayed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_serve import fetch
from test_serve_incremental import Server

from conftest import build_site, free_port, mkdocs_build_cli

pytestmark = pytest.mark.slow

NOTES = {
    "旧标题.md": "---\ndate: 2024-01-01\n---\n\n# 旧标题\n\n正文一。\n",
    "slugged.md": "---\ntitle: 有短名\nslug: old-slug\ndate: 2024-01-02\n---\n\n正文二。\n",
    "linker.md": "---\ntitle: 链接者\ndate: 2024-01-03\n---\n\n见 [[slugged]] 与 [[%s]]。\n",
}
VARIANTS = ("", "zh-Hans/", "zh-Hant-TW/", "zh-Hant-HK/")  # the root keeps a pointer to each note


def _project(root: Path) -> Path:
    notes = {**NOTES, "linker.md": NOTES["linker.md"] % "旧标题"}
    result = build_site(root, notes=notes, config={"watch": ["seeds"]}, strict=False)  # a clean build
    assert result.ok, result.log
    return result.site_dir


def _change_urls(root: Path) -> None:
    """Retitle 旧标题 as Obsidian does (the file is renamed) and give ``slugged`` another slug."""
    seeds = root / "seeds"
    (seeds / "旧标题.md").unlink()
    (seeds / "新标题.md").write_text(NOTES["旧标题.md"].replace("旧标题", "新标题"), encoding="utf-8")
    (seeds / "slugged.md").write_text(NOTES["slugged.md"].replace("old-slug", "new-slug"), encoding="utf-8")
    (seeds / "linker.md").write_text(NOTES["linker.md"] % "新标题", encoding="utf-8")


def _note_links(page: str) -> list[str]:
    body = page.split('class="zd-note__body"')[1].split("</article>")[0]
    return re.findall(r'<a href="\.\./([^"]*)"', body)


def test_a_dirty_build_after_a_clean_one_removes_the_old_urls_copies(tmp_path: Path) -> None:
    site = _project(tmp_path)
    before = {p.name for p in (site / "zh-Hans" / "notes").iterdir()}
    assert "old-slug" in before and len(before) == 3
    _change_urls(tmp_path)
    done = mkdocs_build_cli(tmp_path, ("--dirty",))
    assert done.returncode == 0, done.stderr
    links = _note_links((site / "zh-Hans/notes/linker/index.html").read_text(encoding="utf-8"))
    assert links[0] == "new-slug/" and links[1].startswith("note-") and f"{links[1][:-1]}" not in before
    for variant in VARIANTS:
        kept = {p.name for p in (site / variant / "notes").iterdir()}
        assert kept == {"linker", "new-slug", links[1][:-1]}, (variant, sorted(kept))


def test_serve_dirty_serves_no_stale_copy_at_an_old_url(tmp_path: Path) -> None:
    root = tmp_path / "project"
    _project(root)
    port = free_port()
    url = f"http://127.0.0.1:{port}/zhudu/"
    server = Server(root, port)
    try:
        server.wait_builds(1)
        old = _note_links(fetch(f"{url}zh-Hans/notes/linker/")[1])
        assert old[0] == "old-slug/"
        _change_urls(root)
        # The linking note is written last: a rebuild that read it read the others' new names too.
        while "新标题" not in (
            page := (server.site_dir() / "zh-Hans/notes/linker/index.html").read_text("utf-8")
        ):
            server.wait_builds(server.builds() + 1)
        server.wait_builds(server.started())  # and every rebuild begun has finished
        new = _note_links(page)
        assert new[0] == "new-slug/" and new[1] != old[1], (old, new)
        for variant in VARIANTS:
            for gone in old:
                assert fetch(f"{url}{variant}notes/{gone}")[0] == 404, (variant, gone)
            for moved in new:
                assert fetch(f"{url}{variant}notes/{moved}")[0] == 200, (variant, moved)
    finally:
        server.stop()
