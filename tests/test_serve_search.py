"""``mkdocs serve --dirty`` and search: a word saved into a note is found on the next page load.

The search index of a save is spliced into the one kept from the last (``search/assembly.py``) and
only its changed files are written (``search/writing.py``): this is what the author sees of it.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_serve_incremental import Server, project

from conftest import free_port

pytestmark = pytest.mark.slow

WORD = "座头鲸"  # in no shipped note
NONE = "没有找到符合条件的结果"


def results(page: Any, query: str, placeholder: str) -> str:
    """Open the search dialog on the page as it is, type ``query``; the result list's first line."""
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() === p",
        arg=placeholder,
        timeout=30_000,
    )
    box.fill(query)
    page.keyboard.press("End")  # Material reads the box on keyup
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() !== p",
        arg=placeholder,
        timeout=30_000,
    )
    return page.locator(".md-search-result__meta").first.inner_text().strip()


def test_a_word_saved_into_a_note_is_found_after_the_rebuild(tmp_path, page) -> None:
    root = project(tmp_path / "project")
    port = free_port()
    server = Server(root, port)
    try:
        server.wait_builds(1)
        url = f"http://127.0.0.1:{port}/zhudu/zh-Hans/"
        page.goto(url)
        placeholder = page.evaluate(
            "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
        )
        assert results(page, WORD, placeholder) == NONE
        note = sorted((root / "seeds").glob("*.md"))[0]
        builds = server.builds()
        context = page.context
        page.close()  # its live reload would race the new page's load
        note.write_text(
            note.read_text(encoding="utf-8") + f"\n\n海湾里来了一头{WORD}，唱了一夜的歌。\n", encoding="utf-8"
        )
        server.wait_builds(builds + 1)
        page = context.new_page()  # the same browser cache: no file of the last index may be reused stale
        page.goto(url)
        assert results(page, WORD, placeholder) != NONE
        first = page.locator("a.md-search-result__link mark").first
        assert first.inner_text() == WORD
        page.locator("a.md-search-result__link").nth(1).click()  # the passage (0: its page)
        page.wait_for_url("**/zh-Hans/notes/**#p-*")
        page.wait_for_function(
            "w => document.querySelector('article.md-content__inner').textContent.includes(w)", arg=WORD
        )
        assert page.locator("article.md-content__inner mark[data-md-highlight]").first.inner_text() == WORD
    finally:
        server.stop()
