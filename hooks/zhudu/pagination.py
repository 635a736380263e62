"""The home page's note list, split into numbered pages when the collection is long.

The nav lists only the home and about pages, so a large collection does not grow
every page; readers reach notes through the home list (this module keeps each of
its pages to ``PER_PAGE`` cards), the theme listings and search.  Page 1 is the
home page itself (``docs/index.md``); pages 2… are generated at ``page/<k>/``
with the same template (``home.html``), which shows its slice of the notes and
the numbered links (see ``window``).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Note cards per home page: a phone scrolls through 50 summaries comfortably; 3,000 notes → 60 pages.
PER_PAGE = 50


@dataclass(frozen=True)
class HomePage:
    """One page of the home list."""

    number: int  # 1 = the home page
    src_uri: str  # "index.md" for page 1, "page/<k>.md" after
    url: str  # "" for page 1, "page/<k>/" after


def page_count(notes: int, per_page: int = PER_PAGE) -> int:
    """How many home pages ``notes`` cards need (at least one)."""
    return max(1, -(-notes // per_page))


def home_pages(notes: int, per_page: int = PER_PAGE) -> list[HomePage]:
    """Every page of the home list, the home page first."""
    return [
        HomePage(k, "index.md" if k == 1 else f"page/{k}.md", "" if k == 1 else f"page/{k}/")
        for k in range(1, page_count(notes, per_page) + 1)
    ]


def extra_page_markdown(page: HomePage, pages: int) -> str:
    """Source of a generated page 2…: the home template, its number, kept out of search."""
    return (
        "---\n"
        "template: home.html\n"
        f"title: 全部笔记（第 {page.number} 页，共 {pages} 页）\n"
        f"zd_home_page: {page.number}\n"
        "search:\n  exclude: true\n"
        "hide:\n  - toc\n"
        "---\n\n"
        f"# 全部笔记\n\n第 {page.number} 页，共 {pages} 页；最新的在前。\n"
    )


def window(number: int, notes: int, per_page: int = PER_PAGE) -> tuple[int, int]:
    """The slice ``[start, stop)`` of the newest-first notes shown on home page ``number``."""
    start = (max(1, number) - 1) * per_page
    return start, min(notes, start + per_page)
