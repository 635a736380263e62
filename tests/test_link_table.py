"""``bench/link_table.py``: every kind of link an author's tool writes reaches its note, in every variant."""

from __future__ import annotations

import importlib.util
import sys

from conftest import REPO
from zhudu.notes.resolve import HOW

_SPEC = importlib.util.spec_from_file_location("link_table", REPO / "bench" / "link_table.py")
assert _SPEC is not None and _SPEC.loader is not None
link_table = sys.modules["link_table"] = importlib.util.module_from_spec(_SPEC)  # dataclasses look it up
_SPEC.loader.exec_module(link_table)


def test_every_kind_of_link_resolves_to_its_page_and_heading_or_warns(tmp_path):
    rows, mkdocs_lines = link_table.link_rows(tmp_path / "links")
    # MkDocs printed a line for every link Zhudu resolved (mkdocs.yml: validation.links.unrecognized_links).
    assert mkdocs_lines == []
    assert len(rows) == len(link_table.LINKS)
    for row in rows:
        if row.kind.startswith("unresolvable"):
            assert row.how == "dead" and row.went == "" and row.went_tw == "", row
            assert row.warning.startswith("seeds/") and ".md:5: " in row.warning, row
            continue
        assert row.how.split(" → ")[0] in HOW, row
        assert row.went.startswith("zh-Hans/notes/") and "(missing!)" not in row.went, (
            row
        )  # page and anchor built
        assert row.went_tw == row.went.replace("zh-Hans/", "zh-Hant-TW/", 1), row  # the reader's variant
        assert ("#" in row.went) == ("#" in row.link), row  # a named heading or block is kept
        assert row.warning == "", row
