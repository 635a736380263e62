"""A folder of many notes is a paginated section, like the home list (``publish/sections.py``)."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from conftest import build_site
from zhudu.notes.corpus import default_slug
from zhudu.publish.pagination import PER_PAGE

MANY = PER_PAGE * 2 + 3  # three pages: 50, 50, 3


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory):
    notes = {
        f"日记/{k:03d}.md": f"---\ntitle: 日记 {k:03d}\ndate: 2024-01-{k % 28 + 1:02d} {k // 28:02d}:00\n---\n\n第 {k} 篇。\n"
        for k in range(MANY)
    }
    notes["其他/one.md"] = "---\ntitle: 唯一\ndate: 2024-02-01\n---\n\n只有一篇。\n"
    result = build_site(tmp_path_factory.mktemp("sections"), notes=notes)
    assert result.ok, result.log
    return result


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW"])
def test_a_big_folder_is_split_into_pages_linked_by_a_pager(big_folder, variant):
    base = big_folder.site_dir / variant / "sections" / default_slug("日记")
    pages = [base / "index.html", base / "page/2/index.html", base / "page/3/index.html"]
    assert not (base / "page/4").exists()
    listed: list[str] = []
    for number, path in enumerate(pages, start=1):
        html = path.read_text(encoding="utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        notes = re.findall(r'<a href="([^"]*/notes/[^"]+)"', article)
        assert len(notes) == (PER_PAGE if number < 3 else 3)
        listed += notes
        for href in notes:  # each note link leads to the note's page
            assert (path.parent / unquote(href) / "index.html").resolve().is_file(), href
        pager = html[html.index('<nav class="zd-pages"') :]
        pager = pager[: pager.index("</nav>")]
        links = re.findall(r'<a class="zd-pages__link" href="([^"]+)"[^>]*>(\d+)</a>', pager)
        assert [k for _, k in links] == ["1", "2", "3"]
        for href, k in links:
            assert (path.parent / unquote(href) / "index.html").resolve() == pages[int(k) - 1].resolve()
        assert re.search(rf'aria-current="page">{number}</a>', pager)
    assert len(set(listed)) == MANY  # every note once
    assert big_folder.warnings == []
    small = big_folder.page(f"{variant}/sections/{default_slug('其他')}/index.html")
    assert "唯一" in small and 'class="zd-pages"' not in small  # one page, no pager
