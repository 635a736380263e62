"""An Obsidian embed's image saved after the note is shown, under ``mkdocs serve`` and by the next build.

``![[截图.png]]`` is the file of that name anywhere in the vault (Obsidian pastes it into ``附件/``).
An author writes the note, then saves the screenshot: the served page kept its placeholder until the
note itself was saved again, and so did every ``mkdocs build`` after, from the artifact cache
(``.cache/zhudu``), while a clean clone showed the image.  Nothing the note's reading found by name
was looked at again, only the path it fell back on (``截图.png`` beside the note).
"""

from __future__ import annotations

import shutil

from test_collections import PNG
from test_serve_incremental import served  # noqa: F401  (a fixture)

from conftest import build_site

NOTE = "---\ntitle: 会议\n---\n\n会议记录。\n\n![[白板截图.png]]\n"


def test_an_embedded_image_saved_later_is_shown_without_saving_the_note(served):  # noqa: F811
    root, server, compare, _url = served
    seeds = root / "seeds"

    def write_note() -> None:
        (seeds / "我的库").mkdir()
        (seeds / "我的库/会议.md").write_text(NOTE, encoding="utf-8")

    assert compare(write_note) == []
    page = next(
        p for p in (server.site_dir() / "zh-Hans/notes").glob("*/index.html") if "会议记录" in p.read_text()
    )
    assert "zd-missing-image" in page.read_text("utf-8")

    def save_image() -> None:
        (seeds / "我的库/附件").mkdir()
        (seeds / "我的库/附件/白板截图.png").write_bytes(PNG)

    assert compare(save_image) == [], "the screenshot saved into the vault's attachments"
    assert "zd-missing-image" not in page.read_text("utf-8")

    def move_image() -> None:  # dragged out of the vault: the embed finds nothing again
        (seeds / "我的库/附件/白板截图.png").rename(root / "白板截图.png")

    assert compare(move_image) == [], "the screenshot moved away"
    assert "zd-missing-image" in page.read_text("utf-8")


def test_a_build_from_the_cache_shows_an_embedded_image_saved_later(tmp_path):
    notes = {"我的库/会议.md": NOTE}
    first = build_site(tmp_path, notes=notes, strict=False)
    assert first.ok, first.log
    assert "白板截图.png" in first.log  # the missing image's info line
    (tmp_path / "seeds/我的库/附件").mkdir()
    (tmp_path / "seeds/我的库/附件/白板截图.png").write_bytes(PNG)
    shutil.rmtree(tmp_path / "site")
    again = build_site(tmp_path, notes=notes, strict=False)  # the same project: its .cache/zhudu kept
    assert again.ok, again.log
    assert "missing image" not in again.log
    page = next((tmp_path / "site/zh-Hans/notes").glob("*/index.html")).read_text("utf-8")
    assert "zd-missing-image" not in page and "<img" in page
