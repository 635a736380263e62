"""Page writers hand the build where each page's search texts are, not the texts (publish/textspool.py).

``tests/test_reproducible.py`` checks that a build with workers writes the site a build without them
writes, search index included; this checks the texts waited on disk, not in the build's memory.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO, build_site
from zhudu.publish import textspool

pytestmark = pytest.mark.slow


def test_search_texts_wait_on_disk_while_pages_are_written(tmp_path: Path) -> None:
    result = build_site(tmp_path / "p", repo_notes=True, repo_editorial=True, zhudu={"workers": 2})
    assert result.ok, result.log
    site = sys.modules[str(REPO / "hooks" / "zhudu_hook.py")]._build.site
    assert set(site.search_pages) == {"zh-Hans", "zh-Hant-TW", "zh-Hant-HK"}
    for by_page in site.search_pages.values():
        assert isinstance(by_page, textspool.TextSpool)
        assert len(by_page.places) >= 5
        assert all(isinstance(place, textspool.Spooled) for place in by_page.places.values())
    # The texts reached the search index, and the build removed its spool once the index was written.
    assert list((tmp_path / "p" / "site" / "search").glob("f-*/*.deflate"))  # one copy for the variants
    assert not site.text_spool.folder.exists()


def test_a_spooled_text_reads_back_as_it_was_written(tmp_path: Path) -> None:
    spool = textspool.Spool(["a", "b"])
    try:
        texts = (("a", {"url": "x/", "passages": ("甲", "乙")}), ("b", ("文本", 3)))
        placed = spool.place(texts)
        for (code, text), (placed_code, place) in zip(texts, placed, strict=True):
            spool.variants[code]["page.html"] = place
            assert placed_code == code
            assert spool.variants[code]["page.html"] == text
        spool.variants["a"]["other.html"] = "直接放进来的"  # a text, not a place: spooled here
        assert spool.variants["a"]["other.html"] == "直接放进来的"
        assert "page.html" in spool.variants["b"] and "other.html" not in spool.variants["b"]
    finally:
        spool.remove()
    assert not spool.folder.exists()
