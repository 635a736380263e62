"""A note that cannot be read at all is named by its file, as a note without a title is.

Its page shows the error until the author fixes it; the page's header and its ``<title>`` (the browser's
tab, a bookmark) named it by its path under ``seeds/`` (``我的库/杂记/坏了的笔记``), not as the author's
tool names it.
"""

from __future__ import annotations

import re

from conftest import build_site

NOTES = {
    "我的库/杂记/坏了的笔记.md": "---\ntitle: [没有闭合\n---\n\n正文。\n",  # invalid YAML
    "我的库/杂记/空白.md": "\n\n",  # empty
    "blog/_posts/2023-03-05-周末随笔.md": b"\xff\xfe not UTF-8 \xc3\x28\n",  # not UTF-8
    "hugo/content/posts/春游/index.md": "+++\ntitle = \n+++\n去春游。\n",  # invalid TOML
}
TITLES = {"坏了的笔记", "空白", "周末随笔", "春游"}


def test_an_unreadable_note_is_named_by_its_file(tmp_path):
    result = build_site(tmp_path, notes=NOTES, strict=False)
    assert result.ok, result.log
    assert len(result.warnings) == 4, result.warnings  # each still its warning with file and line
    site = result.site_dir / "zh-Hans"
    headers, tabs = set(), set()
    for page in (site / "notes").glob("*/index.html"):
        html = page.read_text("utf-8")
        assert "这篇笔记暂时无法显示" in html
        headers.add(re.search(r'<h1 id="zd-note-title">([^<]*)</h1>', html)[1])
        tabs.add(re.search(r"<title>(.*?) - 注读</title>", html)[1])
    assert headers == tabs == TITLES
