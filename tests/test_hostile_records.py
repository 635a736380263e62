"""A damaged record of what a build wrote (the cache folder's ``outputs/*.json``) is no record (session 32).

A clean ``mkdocs build`` now records what it wrote for a later ``mkdocs build --dirty``
(``incremental.record_pages``).  A record that parses as JSON but not in the shape the build writes
(another version of Zhudu, a hand edit, a disk error inside a string) stopped the dirty build with a
traceback (``'list' object has no attribute 'items'``); like a truncated one, it is now read as none,
and the dirty build writes every page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import build_site, mkdocs_build_cli
from zhudu.publish.records import RecordFiles

pytestmark = pytest.mark.slow  # a build per case: long, so collected first (conftest)


def _record(**parts: object) -> str:
    return json.dumps({"version": 2, "pages": {}, "owned": [], "rules": {}, **parts})


DAMAGED = {
    "pages-list": _record(pages=[]),
    "pages-null": _record(pages=None),
    "page-too-short": _record(pages={"notes/a/index.html": [1]}),
    "owned-number": _record(owned=5),
    "owned-not-paths": _record(owned=[None, 3]),
    "rules-text": _record(rules="x"),
    "rules-not-text": _record(rules={"a": [1]}),
}


@pytest.mark.parametrize("text", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_record_of_another_shape_is_none(tmp_path: Path, text: str) -> None:
    path = tmp_path / "record.json"
    path.write_text(text, encoding="utf-8")
    assert RecordFiles().read(path) is None


def test_a_dirty_build_after_a_damaged_record_writes_the_site(tmp_path: Path) -> None:
    note = "---\ntitle: 甲\n---\n\n正文。\n"
    result = build_site(tmp_path, notes={"a.md": note}, config={"watch": ["seeds"]}, strict=False)
    assert result.ok, result.log
    (record,) = (tmp_path / ".cache" / "zhudu" / "outputs").glob("*.json")
    record.write_text(DAMAGED["pages-list"], encoding="utf-8")
    (tmp_path / "seeds" / "a.md").write_text(note.replace("正文", "改过的正文"), encoding="utf-8")
    done = mkdocs_build_cli(tmp_path, ("--dirty",))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert "改过的正文" in (result.site_dir / "zh-Hans/notes/a/index.html").read_text(encoding="utf-8")
