"""A search whose whole-word marks cannot be read still answers (session 36 review).

The whole-word mark (``wordAround`` in search-worker.js, session 36) reads the notes' words from the index's "w"
shards, fetched with the passages.  Those files only widen a mark: when one cannot be fetched (a flaky network,
a half-uploaded site), the results must still come, marked by the piece the search found, as before session 36.
Here 设置档 is cut into 设 (dropped: it occurs nowhere) and 置档, found in 配置档; the "w" files are removed
from the served site.  Fails with main's search-worker.js (the search fails as a whole: no results).
Real MkDocs, Material, OpenCC and Chromium.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import bench_search

from conftest import ServedSite, serve_built

NOTE = """---
title: 部署
date: 2024-01-01
---

把站点的配置档放在仓库根目录，部署时读取。
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve_built(tmp_path_factory.mktemp("wshard"), notes={"a.md": NOTE}) as served:
        search = served.build.site_dir / "zh-Hans" / "search"
        count, folder = json.loads((search / "manifest.json").read_text(encoding="utf-8"))["shards"]["w"]
        assert count, "the site has no word shards: nothing to take away"
        shutil.rmtree(search / folder)
        yield served


@pytest.mark.browser
def test_results_come_when_the_word_shards_cannot_be_fetched(site: ServedSite, page: Any) -> None:
    placeholder = bench_search.open_search(page, site.variant_url("zh-Hans"))
    page.locator("input.md-search__input").fill("设置档")
    page.keyboard.press("End")  # Material reads the box on keyup
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() !== p", arg=placeholder
    )
    page.wait_for_function("() => document.querySelector('a.md-search-result__link article p') !== null")
    marks = page.locator("a.md-search-result__link article p mark").all_inner_texts()
    assert marks and all(mark in "配置档" for mark in marks), marks
