"""Boxes and quotes inside boxes, quotes and list items (``notes/block_tags.py``, ``notes/safety.py``).

A Hexo ``{% note %}`` or ``{% blockquote %}`` (a Hugo note box too) may hold another of its kind: its
end is the one that pairs with it, as Nunjucks and Hugo pair them.  A box written as HTML with
``markdown="1"`` (a Hexo quote, an untitled note box) in a list item or a box is indented, so inline
HTML to Markdown: its inside is read as Markdown there too, and the attribute is not left on the page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import BuildResult, build_site
from zhudu.notes import dialects

NESTED = (
    "---\ntitle: 套盒\ndate: 2024-01-03\ncategories: [x]\n---\n\n"
    "{% note info %}\n{% note warn %}\n套着的。\n{% endnote %}\n外框的尾。\n{% endnote %}\n\n"
    "{% blockquote %}\n外引\n\n{% blockquote 某人 %}\n内引\n{% endblockquote %}\n\n外引尾\n{% endblockquote %}\n\n"
    "{% note %}\n```\n{% note %}\n```\n围栏后\n{% endnote %}\n\n"
    "{{< notice info >}}\n{{< notice warning >}}\n短代码里\n{{< /notice >}}\n{{< /notice >}}\n"
)
IN_ITEMS = (
    "---\ntitle: 列表里的框\ndate: 2024-01-04\ncategories: [x]\n---\n\n"
    "1. 第一步\n\n    {% blockquote %}\n    引用 **粗体** 文字。\n    {% endblockquote %}\n\n2. 第二步\n\n"
    "    {% note %}\n    无题 *框*。\n    {% endnote %}\n\n"
    "{% note info %}\n- 框里的项\n\n    {% blockquote %}\n    深 `处`。\n    {% endblockquote %}\n{% endnote %}\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = build_site(
        tmp_path_factory.mktemp("boxes"), notes={"nested.md": NESTED, "items.md": IN_ITEMS}, strict=False
    )
    assert result.ok, result.log
    return result


def _body(result: BuildResult, slug: str) -> str:
    page = result.page(f"zh-Hans/notes/{slug}/index.html")
    found = re.search(r'<div class="zd-note__body">(.*?)</article>', page, re.S)
    assert found, page
    return found[1]


def test_a_box_inside_a_box_of_its_kind_ends_at_its_own_end() -> None:
    rewrite = dialects.rewrite(NESTED.split("---\n", 2)[2], first_line=7, note_dir=Path("."), note_name="x")
    assert rewrite.findings == []  # was: {% note warn %} never closed, the outer box closed at its end


def test_nested_boxes_and_quotes_are_drawn_one_inside_the_other(site: BuildResult) -> None:
    assert site.warnings == []
    body = _body(site, "nested")
    assert "无法显示的模板标签" not in body and "endnote" not in body and "/notice" not in body
    inner_note = re.search(
        r'<div aria-label="信息" class="admonition info" role="note">\s*'
        r'<div aria-label="警告" class="admonition warning" role="note">\s*<p[^>]*>套着的。</p>\s*</div>\s*'
        r"<p[^>]*>外框的尾。</p>\s*</div>",
        body,
    )
    assert inner_note, body
    quotes = re.search(
        r'<blockquote class="zd-quote"[^>]*>\s*<p[^>]*>外引</p>\s*<blockquote class="zd-quote"[^>]*>\s*'
        r"<p[^>]*>内引</p>\s*<footer[^>]*>.*?某人.*?</footer>\s*</blockquote>\s*<p[^>]*>外引尾</p>\s*</blockquote>",
        body,
        re.S,
    )
    assert quotes, body
    # A tag in a fence inside the box is code: it neither opens nor closes a box.
    assert re.search(r"<code>\{% note %\}\n</code></pre>(?:</div>)?\s*<p[^>]*>围栏后</p>\s*</div>", body), (
        body
    )
    assert re.search(
        r'class="admonition warning">\s*<p class="admonition-title"[^>]*>警告</p>\s*<p[^>]*>短代码里', body
    )


def test_a_box_written_as_html_in_a_list_item_or_a_box_reads_its_markdown_and_keeps_no_markdown_attribute(
    site: BuildResult,
) -> None:
    page = site.page("zh-Hans/notes/items/index.html")
    assert "markdown=" not in page  # was: markdown="1" on each of the three boxes
    body = _body(site, "items")
    assert re.search(
        r'<li[^>]*>\s*<p>第一步</p>\s*<blockquote class="zd-quote">\s*<p>引用 <strong>粗体</strong> 文字。</p>',
        body,
    )
    assert re.search(
        r'<div class="admonition note" role="note" aria-label="注意">\s*<p>无题 <em><zd-h>框</zd-h></em>。</p>',
        body,
    )
    assert re.search(r'<blockquote class="zd-quote">\s*<p>深 <code>处</code>。</p>\s*</blockquote>', body)
