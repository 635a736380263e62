"""A fence in a tight list item whose text goes on after it, indented less than four columns (session 32's
hostile review).

Session 32 put a blank line after a closing fence where text touches it (``dialects._text_after_fence``).
In an item indented two or three columns (``- 甲项`` / ``  ```…`` / ``  甲项后文``, CommonMark's and
Obsidian's way) that blank line took the text out of the list for Python-Markdown, and the next item
(``- 乙项``) became a line of that text's paragraph: an item lost.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build_site

NOTE = (
    "---\ntitle: 列表\n---\n\n"
    "- 甲项\n  ```\n  代码一\n  ```\n  甲项后文\n- 乙项\n\n段落。\n\n"
    "1. 丙项\n   ```\n   代码二\n   ```\n   丙项后文\n2. 丁项\n"
)


def test_the_items_after_a_fence_stay_items_of_a_tight_list(tmp_path: Path) -> None:
    result = build_site(tmp_path, notes={"lists.md": NOTE})
    assert result.ok, result.log
    page = result.page("zh-Hans/notes/lists/index.html")
    body = re.sub(r' id="[^"]*"', "", page.split('class="zd-note__body"')[1].split("</article>")[0])
    items = re.findall(r"<li>(.*?)</li>", body, re.S)
    assert [re.sub(r"<div.*</div>\s*", "", item, flags=re.S).split() for item in items] == [
        ["甲项", "甲项后文"],
        ["乙项"],
        ["丙项", "丙项后文"],
        ["丁项"],
    ]
    assert "代码一" in items[0] and "代码二" in items[2]
    assert "<li>\n<p>" not in body  # tight, as written
