"""A code block whose closing fence the author forgot.

Obsidian, Hexo (markdown-it), Hugo (goldmark) and every CommonMark reader show the rest of the note as
code.  Python-Markdown showed it as paragraphs: the fence's backticks as text, a Markdown image after it
as a broken ``<img>`` (never looked for, so no placeholder and no warning), a wikilink as ``[[…]]``, and
the only warning was MkDocs' own, naming a generated file no author has.
"""

from __future__ import annotations

import re

from conftest import build_site

NOTE = (
    "---\ntitle: 装机记录\n---\n\n今天装机。\n\n```python\nprint(1)\n\n"
    "还有一段。![图](没有这张图.png) 见 [[不存在的笔记]]\n"
)


def test_the_rest_of_the_note_is_code_with_a_warning_naming_the_fence(tmp_path):
    result = build_site(tmp_path, notes={"装机记录.md": NOTE}, strict=False)
    assert result.ok, result.log
    assert result.warnings == [
        "zhudu: seeds/装机记录.md:7: ``` opens a code block that is never closed: the rest of the note is "
        "shown as code; close it with ```"
    ], result.log
    page = next((result.site_dir / "zh-Hant-TW" / "notes").glob("*/index.html")).read_text("utf-8")
    body = page[page.index('<div class="zd-note__body">') : page.index("</article>")]
    assert "```" not in body and "<img" not in body, body
    code = re.sub(r"<[^>]+>", "", body[body.index("<code>") : body.index("</code>")])  # highlighted
    assert "print(1)" in code and "[[不存在的笔记]]" in code and "![图](没有这张图.png)" in code, (
        code
    )  # as written
    assert "今天裝機" in body  # the text before it, converted as ever


def test_a_closed_fence_and_inline_triple_backticks_are_unchanged(tmp_path):
    note = "---\ntitle: 代码\n---\n\n```python\nprint(1)\n```\n\n```一行里的代码```，后面是正文。\n"
    result = build_site(tmp_path, notes={"代码.md": note})
    assert result.ok and result.warnings == [], result.log
    page = next((result.site_dir / "zh-Hans" / "notes").glob("*/index.html")).read_text("utf-8")
    assert "后面是正文" in page and "print" in page
