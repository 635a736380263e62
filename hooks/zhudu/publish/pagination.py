"""The home page's note list, split into numbered pages when the collection is long.

The nav lists only the home and about pages, so a large collection does not grow
every page; readers reach notes through the home list (this module keeps each of
its pages to ``PER_PAGE`` cards), the theme listings and search.  Page 1 is the
home page itself (``docs/index.md``); pages 2… are generated at ``page/<k>/``
with the same template (``home.html``), which shows its slice of the notes and
the numbered links (see ``pager``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: Note cards per home page: a phone scrolls through 50 summaries comfortably; 3,000 notes → 60 pages.
PER_PAGE = 50


@dataclass(frozen=True)
class HomePage:
    """One page of the home list."""

    number: int  # 1 = the home page
    src_uri: str  # "index.md" for page 1, "page/<k>.md" after
    url: str  # "" for page 1, "page/<k>/" after


def page_count(notes: int, per_page: int | None = None) -> int:
    """How many home pages ``notes`` cards need (at least one)."""
    return max(1, -(-notes // (per_page or PER_PAGE)))


def list_order(dates: Iterable[object]) -> str:
    """How a list of notes is ordered, in words, from their dates (``None``: undated).

    As ``corpus`` sorts them: newest first, the undated after them by file name.  Said only as far as it is
    true: a collection of undated notes (the Hexo documentation, many an Obsidian vault) is in no "newest
    first" order.

    >>> list_order([None, None])
    '都没有日期，按文件名排列'
    """
    dated = [date is not None for date in dates]
    if all(dated):
        return "最新的在前"
    if not any(dated):
        return "都没有日期，按文件名排列"
    return "最新的在前，没有日期的按文件名排在最后"


def home_pages(notes: int, per_page: int | None = None) -> list[HomePage]:
    """Every page of the home list, the home page first."""
    return [
        HomePage(k, "index.md" if k == 1 else f"page/{k}.md", "" if k == 1 else f"page/{k}/")
        for k in range(1, page_count(notes, per_page) + 1)
    ]


def extra_page_markdown(page: HomePage, pages: int, order: str = "最新的在前") -> str:
    """Source of a generated page 2…: the home template, its number and its list's ``order``, out of search.

    ``order``: how the notes are ordered, in words (``list_order``).
    """
    return (
        "---\n"
        "template: home.html\n"
        f"title: 全部笔记（第 {page.number} 页，共 {pages} 页）\n"
        f"zd_home_page: {page.number}\n"
        "search:\n  exclude: true\n"
        "hide:\n  - toc\n"
        "---\n\n"
        f"# 全部笔记\n\n第 {page.number} 页，共 {pages} 页；{order}。\n"
    )


#: Pages a pager shows on each side of the current one (besides the first and the last).
PAGER_AROUND = 2


def pager(number: int, count: int, around: int | None = None) -> list[int | None]:
    """The page numbers a pager links to: the first, the last and ``around`` on each side of ``number``.

    ``None`` stands for the pages left out between two shown (an ellipsis); a gap of a single page
    shows that page instead.  A long list keeps a short pager (on a phone, a row or two), and a page
    links to a bounded number of others, so listings of thousands of notes stay linear to build.

    >>> pager(6, 20)
    [1, None, 4, 5, 6, 7, 8, None, 20]
    >>> pager(2, 5)
    [1, 2, 3, 4, 5]
    """
    around = PAGER_AROUND if around is None else around
    number = min(max(number, 1), max(count, 1))
    shown = sorted({1, count, *range(max(1, number - around), min(count, number + around) + 1)})
    out: list[int | None] = []
    previous = 0
    for k in shown:
        if k - previous == 2:
            out.append(previous + 1)
        elif k - previous > 2:
            out.append(None)
        out.append(k)
        previous = k
    return out
