"""Boxes and quotes inside boxes, quotes and list items (``notes/block_tags.py``, ``notes/safety.py``).

A Hexo ``{% note %}`` or ``{% blockquote %}`` (a Hugo note box too) may hold another of its kind: its
end is the one that pairs with it, as Nunjucks and Hugo pair them.  A box written as HTML with
``markdown="1"`` (a Hexo quote, an untitled note box) in a list item or a box is indented, so inline
HTML to Markdown: its inside is read as Markdown there too, and the attribute is not left on the page.
An Obsidian callout or a ``:::`` container in a list item (two spaces, a tab, four spaces) is drawn in
that item, as Obsidian and VuePress draw it, and one inside a Material box or another box inside it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_annotations import entry

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

#: Boxes in list items as Obsidian and VuePress write them; a quote and code in an item stay a quote and code.
IN_LISTS = (
    "---\ntitle: 列表里的标注\ndate: 2024-01-05\n---\n\n"
    "1. 第一步\n   > [!tip] 三格的标注\n   > 标注内容\n2. 第二步\n\t> [!warning] 制表符的标注\n\t> 小心\n"
    "3. 第三步\n    ::: tip 四格的容器\n    容器内容\n    ```\n    ::: 代码\n    ```\n    :::\n    容器后的话\n"
    "4. 第四步\n\n甲段。\n\n- 外\n\t- 内\n\t\t> [!note] 深处的标注\n\t\t> 深处\n\t- 内二\n- 外二\n"
    "  > 普通引用\n- 外三\n  > [!success] 两格的标注\n  > 成了\n- 外四\n  ```md\n  > [!tip] 代码里的\n  ```\n\n乙段。\n\n"
    '!!! note "材料框"\n    ::: danger 框里的容器\n    危险\n    :::\n\n    > [!info] 框里的标注\n    > 信息\n\n'
    "::: warning 容器\n> [!example] 容器里的标注\n> 例子\n:::\n"
)

#: Hexo's and Hugo's theme boxes in list items at two columns, as Obsidian-era authors indent them.
THEME_IN_ITEMS = (
    "---\ntitle: 列表里的主题框\ndate: 2024-01-06\n---\n\n"
    "- 装好\n  {% note info %}\n  列表里的 *提示*。\n  {% endnote %}\n  项后文。\n"
    "- 再试\n  {% note warning 小心 %}\n  有题的框。\n  {% endnote %}\n"
    "- 三\n  {{< notice tip >}}\n  雨果的框\n  {{< /notice >}}\n- 四\n"
)


#: CommonMark keeps a block at an item's text column after a blank line in the item (Python-Markdown wants four
#: columns); a callout on an item's own line and a note embedded in a callout are blocks, as Obsidian draws them.
AT_ITEM_COLUMNS = (
    "---\ntitle: 两格续行\ndate: 2024-01-06\n---\n\n"
    "- 甲\n\n  甲的第二段\n- 乙\n\n  ```py\n  x = 1\n\n  y = 2\n  ```\n  代码后\n- 丙\n\n段甲。\n\n"
    "1. 一\n\n   一的第二段\n懒续行\n2. 二\n\n段。\n\n- > [!tip] 项上的标注\n  > 项上内容\n- 丁\n\n"
    "> [!note] 嵌入框\n> ![[被嵌]]\n> 框里后句\n\n![[被嵌]]\n顶层后句\n\n3. 丙三\n\n- 丙甲\n- 丙乙\n\n4. 丙四\n* 丙丁\n"
)
#: Lists of two kinds where Python-Markdown reads no list: a raw ``<div>``'s inside, a footnote's lines at four columns.
LISTS_NOT_READ = (
    "---\ntitle: 不读的列表\ndate: 2024-01-08\n---\n\n<div>\n\n- 块里甲\n* 块里乙\n\n</div>\n\n"
    "- 脚注项[^1]\n\n[^1]: 注文\n    - 注里甲\n    1. 注里乙\n"
)
#: Lists nested under an item of the other kind, as prettier and VS Code indent them (three columns under ``1.``).
NESTED_KINDS = (
    "---\ntitle: 嵌套的两种列表\ndate: 2024-01-08\n---\n\n1. 第一步\n   - 要点\n   - 要点二\n2. 第二步\n\n段。\n\n"
    "- 甲\n  1. 子\n  2. 丑\n- 乙\n"
)
#: Lists nested at the parent item's text column (prettier, Typora, Obsidian, VS Code): two, three, four columns, a tab.
NESTING = (
    "---\ntitle: 嵌套的列表\ndate: 2024-01-09\n---\n\n"
    "- 两格甲\n  - 两格乙\n    - 两格丙\n- 两格丁\n\n段一。\n\n"
    "1. 三格一\n   - 三格点\n     1. 三格深\n2. 三格二\n\n段二。\n\n"
    "10. 十\n    - 十的点\n11. 十一\n\n段三。\n\n"
    "- 制表甲\n\t- 制表乙\n\t\t- 制表丙\n\n段四。\n\n"
    "* 星甲\n  + 加乙\n    * 星丙\n\n段五。\n\n"
    "- [ ] 任务甲\n  - [x] 任务乙\n    - [ ] 任务丙\n\n段六。\n\n"
    "- 续甲\n  - 续乙\n\n    续乙的第二段\n\n    ```py\n    def f():\n        return 1\n    ```\n"
    "  - 续丙[^注]\n\n  续甲的第二段\n- 续丁\n\n段七。\n\n"
    "> - 引甲\n>   - 引乙\n>     - 引丙\n\n"
    "> [!tip] 框里的列表\n> - 框甲\n>   - 框乙\n>     - 框丙\n\n"
    "- 项甲\n  > [!note] 项里的标注\n  > - 标注甲\n  >   - 标注乙\n  - 项乙\n\n"
    "- 围甲\n  - 围乙\n\n  ```\n  围栏\n  ```\n\n  - 围丙 [[被嵌]]\n\n"
    "段八。\n\n- 注甲\n  - 注乙\n    - 注丙的话\n\n"
    "段九。\n\n- 码甲\n  - 码乙\n\n        码行\n        次行\n  - 码丙\n\n- 顶码甲\n\n      顶码行\n- 顶码乙\n\n"
    "段十。\n\n- 线甲\n  ---\n  - 线乙\n\n段十一。\n\n- 标甲\n  {% codeblock %}\n  标码\n  {% endcodeblock %}\n  - 标乙\n\n"
    "[^注]: 脚注文字。\n"
)
#: A list right under a paragraph's line, as Chinese notes write 「如下：」 then a list; a heading and a list of the
#: other kind right under an item's text.
UNDER_LINES = (
    "---\ntitle: 如下列表\ndate: 2024-01-10\n---\n\n环境配置如下：\n- 操作系统：Ubuntu\n- 编译器：gcc\n\n"
    "实现步骤：\n1. 初始化\n2. 提交\n\n> 翻译一下：\n1. 同级目录\n2. 环境变量\n\n"
    "- 要点\n  ## 项里的小结\n  - 甲\n  3. 丙\n"
)
EMBEDDED = "---\ntitle: 被嵌\ndate: 2024-01-07\n---\n\n被嵌的首段。\n\n被嵌的末段。\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = build_site(
        tmp_path_factory.mktemp("boxes"),
        notes={
            "nested.md": NESTED,
            "items.md": IN_ITEMS,
            "lists.md": IN_LISTS,
            "columns.md": AT_ITEM_COLUMNS,
            "被嵌.md": EMBEDDED,
            "themes.md": THEME_IN_ITEMS,
            "unread.md": LISTS_NOT_READ,
            "kinds.md": NESTED_KINDS,
            "nesting.md": NESTING,
            "under.md": UNDER_LINES,
        },
        editorial={
            "annotations.yml": entry("deep", "注丙的话", note="nesting")
        },  # an editor's note on a nested item
        strict=False,
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


def test_a_callout_or_container_in_a_list_item_is_drawn_in_it_and_the_list_is_whole(
    site: BuildResult,
) -> None:
    # Was: "!!! tip" as text (a container: its ":::" lines), the list cut in two at the box, numbering from 1.
    body = re.sub(r' id="p-[0-9a-f]+"', "", _body(site, "lists"))  # passage anchors
    assert "!!!" not in body and "[!" not in body.replace("[!tip] 代码里的", ""), body
    ordered = body[body.index("<ol>") : body.index("</ol>") + 5]
    assert ordered.count("<li") == 4 and "甲段" not in ordered, body
    for step, kind, title, inside in (
        ("第一步", "tip", "三格的标注", "标注内容"),
        ("第二步", "warning", "制表符的标注", "小心"),
        ("第三步", "tip", "四格的容器", "容器内容"),
    ):
        item = re.search(rf"<li[^>]*>\s*<p>{step}</p>\s*(.*?)</li>", ordered, re.S)
        assert item, ordered
        assert re.match(
            rf'<div class="admonition {kind}">\s*<p class="admonition-title">{title}</p>\s*<p>{inside}</p>',
            item[1],
        ), item[1]
    assert re.search(r"<code>::: 代码\n</code></pre></div>\s*</div>\s*<p>容器后的话</p>\s*</li>", ordered), (
        ordered
    )
    # A tab-nested item holds its box; the outer list goes on after it, its quote and its code as written.
    outer = re.search(r"<ul>\s*<li>\s*<p>外</p>\s*<ul>(.*?)</ul>\s*</li>(.*?)</ul>\s*<p>乙段", body, re.S)
    assert outer, body
    assert re.search(
        r'<p>内</p>\s*<div class="admonition note">\s*<p class="admonition-title">深处的标注', outer[1]
    )
    assert "内二" in outer[1] and "外二" in outer[2] and "外四" in outer[2], outer.groups()
    assert re.search(
        r'外三</p>\s*<div class="admonition success">\s*<p class="admonition-title">两格的标注', outer[2]
    )
    assert re.search(r"外二\s*(?:</p>\s*)?<blockquote>\s*<p>普通引用</p>", outer[2]), outer[2]
    assert "[!tip] 代码里的" in outer[2] and "admonition tip" not in outer[2], outer[2]


def test_boxes_inside_a_material_box_or_a_container_are_drawn_inside_it(site: BuildResult) -> None:
    body = re.sub(r' id="p-[0-9a-f]+"', "", _body(site, "lists"))  # passage anchors
    material = re.search(
        r'<div class="admonition note">\s*<p class="admonition-title">材料框</p>\s*'
        r'<div class="admonition danger">\s*<p class="admonition-title">框里的容器</p>\s*<p>危险</p>\s*</div>\s*'
        r'<div class="admonition info">\s*<p class="admonition-title">框里的标注</p>\s*<p>信息</p>\s*</div>\s*</div>',
        body,
    )
    assert material, body
    assert re.search(
        r'<div class="admonition warning">\s*<p class="admonition-title">容器</p>\s*'
        r'<div class="admonition example">\s*<p class="admonition-title">容器里的标注</p>\s*<p>例子</p>\s*</div>\s*</div>',
        body,
    ), body
    tw = site.page("zh-Hant-TW/notes/lists/index.html")
    assert "三格的標註" in tw and "框裡的容器" in tw, tw  # titles converted per variant, as any box's


def test_a_theme_box_in_a_list_item_at_two_columns_is_drawn_in_it_and_the_list_is_whole(
    site: BuildResult,
) -> None:
    # Was: the list cut at each box, an untitled box's <div markdown="block"> on the page, its Markdown unread.
    page = site.page("zh-Hans/notes/themes/index.html")
    assert "markdown=" not in page
    body = re.sub(r' id="p-[0-9a-f]+"', "", _body(site, "themes"))  # passage anchors
    assert body.count("<ul>") == 1 and body.count("<li") == 4, body
    assert re.search(
        r'<li>\s*<p>装好</p>\s*<div class="admonition info" role="note" aria-label="信息">\s*'
        r"<p>列表里的 <em><zd-h>提示</zd-h></em>。</p>\s*</div>\s*<p>项后文。</p>\s*</li>",
        body,
    ), body
    for step, kind, title in (("再试", "warning", "小心"), ("三", "tip", "提示")):
        assert re.search(
            rf'<li>\s*<p>{step}</p>\s*<div class="admonition {kind}">\s*<p class="admonition-title">{title}</p>',
            body,
        ), body


def _columns_body(site: BuildResult) -> str:
    return re.sub(r' id="p-[0-9a-f-]+"', "", _body(site, "columns"))  # passage anchors


def test_text_and_code_at_an_items_column_after_a_blank_line_stay_in_the_item(site: BuildResult) -> None:
    # Was: 「甲的第二段」 and the code out of the list, 「- 乙」 and 「- 丙」 printed as text of their paragraphs.
    body = _columns_body(site)
    bullets = re.search(r"<ul>\s*<li>\s*<p>甲</p>(.*?)</ul>", body, re.S)
    assert bullets and bullets[1].count("<li") == 2, body
    assert re.match(r"\s*<p>甲的第二段</p>\s*</li>\s*<li>\s*<p>乙</p>\s*(?:<div[^>]*>)?<pre>", bullets[1]), (
        bullets[1]
    )
    code = re.search(r"<code>(.*?)</code>", bullets[1], re.S)
    assert code and re.sub(r"<[^>]+>", "", code[1]) == "x = 1\n\ny = 2\n", bullets[1]
    assert re.search(r"</pre>(?:</div>)?\s*<p>代码后</p>\s*</li>\s*<li>\s*<p>丙</p>", bullets[1]), bullets[1]
    assert re.search(
        r"<ol>\s*<li>\s*<p>一</p>\s*<p>一的第二段\n懒续行</p>\s*</li>\s*<li>\s*<p>二</p>\s*</li>\s*</ol>",
        body,
    )
    assert "- 乙" not in body and "2. 二" not in body


def test_a_callout_on_a_list_items_own_line_is_a_box_in_the_item(site: BuildResult) -> None:
    body = _columns_body(site)  # was: a quote reading 「[!tip] 项上的标注」
    assert "[!tip]" not in body, body
    assert re.search(
        r'<ul>\s*<li>\s*<div class="admonition tip">\s*<p class="admonition-title">项上的标注</p>\s*'
        r"<p>项上内容</p>\s*</div>\s*</li>\s*<li>\s*<p>丁</p>",
        body,
    ), body


def test_a_line_after_an_embedded_note_is_no_part_of_its_copy(site: BuildResult) -> None:
    body = _columns_body(site)  # was: 「框里后句」 and 「顶层后句」 in the copy's last paragraph
    assert re.search(
        r'<p class="admonition-title">嵌入框</p>\s*<blockquote class="zd-transclusion">.*?<p>被嵌的末段。</p>\s*'
        r"</blockquote>\s*<p>框里后句</p>\s*</div>",
        body,
        re.S,
    ), body
    assert re.search(r"<p>被嵌的末段。</p>\s*</blockquote>\s*<p>顶层后句</p>", body), body


def test_a_list_of_another_kind_after_a_list_is_a_list_of_its_own(site: BuildResult) -> None:
    # Was: one <ol> numbered 1 to 5, the bullets numbered with it (CommonMark: a new list where the marker changes).
    # A numbered list starts at its number, a first list too (``ordered_lists``: Python-Markdown started it at 1).
    body = _columns_body(site)
    lists = body[body.index("顶层后句") :]
    assert re.search(
        r'<ol start="3">\s*<li>丙三</li>\s*</ol>\s*<ul>\s*<li>丙甲</li>\s*<li>丙乙</li>\s*</ul>\s*'
        r'<ol start="4">\s*<li>丙四</li>\s*</ol>\s*<ul>\s*<li>丙丁</li>\s*</ul>',
        lists,
    ), lists
    assert "zd-list-end" not in site.page("zh-Hans/notes/columns/index.html")


def test_no_list_is_ended_where_python_markdown_reads_no_list(site: BuildResult) -> None:
    # Was: a "<zd-list-end> is not allowed in a note" warning and notice for a raw <div>'s lines, and a
    # footnote's last line taken out of it as a code block.
    assert "unread.md" not in site.log, site.log
    body = _body(site, "unread")
    # After the blank line in the <div>, Markdown, as CommonMark reads it (was: shown as written): two lists.
    items = r'<li(?: id="p-[0-9a-f]+")?>'
    assert re.search(
        rf"<div>\s*<ul>\s*{items}块里甲</li>\s*</ul>\s*<ul>\s*{items}块里乙</li>\s*</ul>\s*</div>", body
    ), body
    assert re.search(r"<p>注文</p>\s*<ul>\s*<li>注里甲</li>", body), (
        body
    )  # a list in the footnote (footnote_lists)
    assert "<pre" not in body and "zd-list-end" not in body and "zd-note-notice" not in body


def test_a_list_nested_under_an_item_of_the_other_kind_is_drawn_in_it(site: BuildResult) -> None:
    # Was (sane_lists, session 42): 「第一步 - 要点 - 要点二」 one item, the bullets its text; then (session 42's end)
    # flat, every item an item of the list above.  CommonMark nests a list at its item's text column.
    body = re.sub(r' id="p-[0-9a-f-]+"', "", _body(site, "kinds"))
    assert "- 要点" not in body and "1. 子" not in body, body
    assert re.search(
        r"<ol>\s*<li>第一步<ul>\s*<li>要点</li>\s*<li>要点二</li>\s*</ul>\s*</li>\s*<li>第二步</li>\s*</ol>",
        body,
    ), body
    assert re.search(
        r"<ul>\s*<li>甲<ol>\s*<li>子</li>\s*<li>丑</li>\s*</ol>\s*</li>\s*<li>乙</li>\s*</ul>", body
    ), body


def _nesting_body(site: BuildResult) -> str:
    body = re.sub(r' id="p-[0-9a-f-]+"', "", _body(site, "nesting"))  # passage anchors
    return re.sub(r'<label class="task-list-control">.*?</label>\s*', "", body)  # a task item's box


def _three_levels(
    first: str, second: str, third: str, outer: str = "ul", middle: str = "ul", inner: str = "ul"
) -> str:
    return (
        rf"<li[^>]*>{first}<{middle}[^>]*>\s*<li[^>]*>{second}<{inner}[^>]*>\s*<li[^>]*>{third}</li>\s*"
        rf"</{inner}>\s*</li>\s*</{middle}>\s*</li>"
    )


def test_a_list_nested_at_its_items_text_column_is_drawn_nested(site: BuildResult) -> None:
    # Was: every item side by side in one list (two columns, a tab), or under 1. the bullets as its items.
    assert site.warnings == []
    body = _nesting_body(site)
    for first, second, third, middle, inner in (
        ("两格甲", "两格乙", "两格丙", "ul", "ul"),
        ("三格一", "三格点", "三格深", "ul", "ol"),
        ("制表甲", "制表乙", "制表丙", "ul", "ul"),
        ("星甲", "加乙", "星丙", "ul", "ul"),
        ("任务甲", "任务乙", "任务丙", "ul", "ul"),
    ):
        assert re.search(_three_levels(first, second, third, middle=middle, inner=inner), body), (first, body)
    assert re.search(r"</ul>\s*</li>\s*<li>两格丁</li>\s*</ul>", body), body
    assert re.search(
        r'<ol start="10">\s*<li>十<ul>\s*<li>十的点</li>\s*</ul>\s*</li>\s*<li>十一</li>\s*</ol>', body
    ), body
    assert re.search(r"</ul>\s*</li>\s*<li>三格二</li>\s*</ol>", body), body
    assert body.count('class="task-list"') == 3, body


def test_a_nested_items_paragraph_code_and_footnote_stay_in_it_and_the_outer_item_goes_on(
    site: BuildResult,
) -> None:
    body = _nesting_body(site)
    item = re.search(
        r"<li>\s*<p>续甲</p>\s*<ul>(.*?)</ul>\s*<p>续甲的第二段</p>\s*</li>\s*<li>\s*<p>续丁</p>", body, re.S
    )
    assert item, body
    inner = item[1]
    assert re.match(r"\s*<li>\s*<p>续乙</p>\s*<p>续乙的第二段</p>\s*(?:<div[^>]*>)?<pre>", inner), inner
    code = re.search(r"<code>(.*?)</code>", inner, re.S)
    assert code and re.sub(r"<[^>]+>", "", code[1]) == "def f():\n    return 1\n", (
        inner
    )  # as written in the fence
    assert re.search(
        r'<li>\s*<p>续丙<sup id="fnref:注"><a class="footnote-ref" href="#fn:注">1</a></sup></p>', inner
    )
    assert '<li data-zd-passage="" id="fn:注">' in body and "脚注文字" in body
    # After a fence at the outer item's text column a nested item is the item's, not indented code: its link is read.
    assert re.search(r'<li>围丙 <a href="\.\./[^"/]+/">被嵌</a></li>', body), body


def test_indented_code_in_an_item_is_code_and_a_list_ended_where_python_markdown_ends_it_stays_a_list(
    site: BuildResult,
) -> None:
    body = _nesting_body(site)
    # Four columns past a nested (or top-level) item's text: code in it, the next item an item (was: the
    # item's paragraph 「码行 次行 - 码丙」).
    code = r"(?:<div[^>]*>)?<pre><code>{}\n</code></pre>(?:</div>)?"
    assert re.search(
        r"<li>\s*<p>码甲</p>\s*<ul>\s*<li>\s*<p>码乙</p>\s*" + code.format("码行\n次行") + r"\s*</li>\s*"
        r"<li>\s*<p>码丙</p>\s*</li>\s*</ul>\s*</li>",
        body,
    ), body
    assert re.search(
        r"<li>\s*<p>顶码甲</p>\s*" + code.format("顶码行") + r"\s*</li>\s*<li>\s*<p>顶码乙</p>", body
    ), body
    # A break or a code tag ends Python-Markdown's list: the item after it was indented code (「- 线乙」).
    assert re.search(r"<hr />\s*<ul>\s*<li>线乙</li>\s*</ul>", body), body
    assert re.search(r"<ul>\s*<li>标乙</li>\s*</ul>", body), body
    assert "- 线乙" not in body and "- 标乙" not in body, body


def test_a_list_nested_in_a_quote_a_callout_or_a_callout_in_an_item_is_drawn_nested(
    site: BuildResult,
) -> None:
    body = _nesting_body(site)
    assert re.search(r"<blockquote>\s*<ul>\s*" + _three_levels("引甲", "引乙", "引丙"), body), body
    assert re.search(
        r'<div class="admonition tip">\s*<p class="admonition-title">框里的列表</p>\s*<ul>\s*'
        + _three_levels("框甲", "框乙", "框丙"),
        body,
    ), body
    assert re.search(
        r'<li>\s*<p>项甲</p>\s*<div class="admonition note">\s*<p class="admonition-title">项里的标注</p>\s*'
        r"<ul>\s*<li>标注甲<ul>\s*<li>标注乙</li>\s*</ul>\s*</li>\s*</ul>\s*</div>\s*<ul>\s*<li>项乙</li>",
        body,
    ), body


def test_top_level_list_items_keep_their_passages(site: BuildResult) -> None:
    body = _body(site, "nesting")
    # A passage is a top-level block: the outer item, its nested list inside it.
    assert re.search(r'<li id="p-[0-9a-f]+">两格甲<ul>\s*<li>两格乙', body), body
    assert re.search(r'<li id="p-[0-9a-f]+">两格丁</li>', body), body
    # An editor's note on a nested item's words is placed after them, in the nested item.
    assert re.search(
        r'<li data-zd-annotated="" id="p-[0-9a-f]+">注甲<ul>\s*<li>注乙<ul>\s*<li>注丙的[^<]*<span class="zd-nobr">话<span class="zd-anno" data-zd-anno="deep">',
        body,
    ), body


#: The words of ``UNDER_LINES`` a reader sees in each variant.
UNDER_WORDS = {
    "zh-Hans": (
        "环境配置如下：",
        "操作系统",
        "编译器",
        "实现步骤：",
        "翻译一下：",
        "同级目录",
        "要点",
        "项里的小结",
    ),
    "zh-Hant-TW": (
        "環境配置如下：",
        "作業系統",
        "編譯器",
        "實現步驟：",
        "翻譯一下：",
        "同級目錄",
        "要點",
        "項裡的小結",
    ),
}


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW"])
def test_a_list_right_under_a_paragraphs_line_is_drawn_as_a_list(site: BuildResult, variant: str) -> None:
    # Was: 「环境配置如下： - 操作系统：Ubuntu - 编译器：gcc」 one paragraph, the list in the quote's text, the heading
    # 「## 项里的小结」 and 「3. 丙」 the item's text.
    said, os_, compiler, steps, translated, folder, point, summary = UNDER_WORDS[variant]
    page = site.page(f"{variant}/notes/under/index.html")
    body = page[page.index('<div class="zd-note__body">') :]
    assert re.search(
        rf"<p[^>]*>{said}</p>\s*<ul>\s*<li[^>]*>{os_}：Ubuntu</li>\s*<li[^>]*>{compiler}：gcc</li>", body
    ), body
    assert re.search(
        rf"<p[^>]*>{steps}</p>\s*<ol>\s*<li[^>]*>初始化</li>\s*<li[^>]*>提交</li>\s*</ol>", body
    ), body
    assert re.search(
        rf"<blockquote[^>]*>\s*<p>{translated}</p>\s*</blockquote>\s*<ol>\s*<li[^>]*>{folder}</li>", body
    ), body
    assert re.search(
        rf'<li[^>]*>{point}<h2 id="项里的小结">{summary}.*?</h2>\s*<ul>\s*<li>甲</li>\s*</ul>\s*<ol start="3">\s*<li>丙</li>',
        body,
        re.S,
    ), body
    assert 'href="#项里的小结"' in page  # in the page's table of contents
