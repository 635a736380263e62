"""A note whose front matter gives no title is titled as its author's tool titles it.

Obsidian names a note by its file; Jekyll a post by its file name after the date; Hugo a bundle's
``index.md`` by its folder.  A heading that opens the note, or its first ``# heading``, is its title.
Never a ``# comment`` in a shell block, a section's heading further down, or the note's folder path.
"""

from __future__ import annotations

import re

from conftest import build_site

NOTES = {
    "我的库/杂记/装机记录.md": "安装步骤如下：\n\n```bash\n# 先更新软件源\nsudo apt update\n```\n\n然后重启。\n",
    "我的库/杂记/随手记.md": "今天天气很好，随手记一笔。\n\n没有任何标题。\n",
    "我的库/读书笔记/另一篇笔记.md": "没有 front matter 的笔记。\n\n## 为什么重要\n\n因为它解释了商业模式。\n",
    "我的库/读书笔记/读书方法.md": "---\ntags: [读书]\n---\n# 精读的方法\n\n精读一本书。\n\n## 第一步\n\n正文。\n",
    "我的库/读书笔记/序言.md": "## 开篇的二级标题\n\n正文。\n",
    "blog/_posts/2023-03-05-周末随笔.md": "---\nlayout: post\ndate: 2023-03-05\n---\n周末写的。\n",
    "hugo/content/posts/春游/index.md": "+++\ndate = 2024-04-01\n+++\n去春游。\n",
}


def titles(tmp_path) -> set[str]:
    result = build_site(tmp_path, notes=NOTES)
    assert result.ok, result.log
    pages = (result.site_dir / "zh-Hans" / "notes").glob("*/index.html")
    return {re.search(r"<title>(.*?) - 注读</title>", p.read_text("utf-8"))[1] for p in pages}


def test_a_note_without_a_title_is_named_as_its_tool_names_it(tmp_path):
    assert titles(tmp_path) == {
        "装机记录",  # not "先更新软件源", a shell comment in its code
        "随手记",  # not "我的库/杂记/随手记", its path
        "另一篇笔记",  # not "为什么重要", a section's heading
        "精读的方法",  # its "# heading"
        "开篇的二级标题",  # the heading it opens with
        "周末随笔",  # Jekyll's title: the file name after the date
        "春游",  # Hugo's page bundle: its folder
    }
