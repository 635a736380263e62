"""Other tools' lists, citations and home links, as their tools draw them (pure functions, no site build).

``1)`` numbered lists (CommonMark: Obsidian, Typora, Hexo's marked), a numbered list's first number
(``- 大事记：``, a blank line, ``  1949. 新中国成立``; right under the item's text a number past 1 is that
text), a list right under a footnote's text or a paragraph's line (``说明如下：`` then ``- 甲``), a list of the
other kind and a heading right under an item's text, a link to the old site's root with an anchor (``/#top``), and ``[@handle]`` (a mention) against ``[@sima2000]`` (a citation).  Each
body goes through ``dialects.rewrite`` and the Markdown set-up the site's pages use
(``markdown_extensions.NotesMarkdownExtension`` with mkdocs.yml's block extensions).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import markdown
import pytest

from zhudu.notes import citations, corpus, dialects, note_refs
from zhudu.notes.front_matter import detect_dialect
from zhudu.notes.markdown_extensions import NotesMarkdownExtension
from zhudu.notes.paragraph_ends import ParagraphEndsExtension

#: mkdocs.yml's extensions that draw blocks (lists, boxes, footnotes, code, formulas).
_EXTENSIONS = [
    "tables",
    "admonition",
    "footnotes",
    "def_list",
    "md_in_html",
    "pymdownx.superfences",
    "pymdownx.arithmatex",
]


def html(body: str, dialect: str = "none") -> str:
    rewritten = dialects.rewrite(
        body, first_line=1, note_dir=Path("/nonexistent"), note_name="n", dialect=dialect
    )
    extensions = [*_EXTENSIONS, NotesMarkdownExtension()]
    return markdown.markdown(
        rewritten.text, extensions=extensions, extension_configs={"pymdownx.arithmatex": {"generic": True}}
    )


def squeezed(page: str) -> str:
    return re.sub(r"\n", "", page)


# --------------------------------------------------------------------------- 1) lists


@pytest.mark.parametrize(
    ("body", "drawn"),
    [
        ("1) 甲\n2) 乙\n3) 丙", "<ol><li>甲</li><li>乙</li><li>丙</li></ol>"),
        ("3) 甲\n4) 乙", '<ol start="3"><li>甲</li><li>乙</li></ol>'),
        (
            "1) 甲\n   1) 乙\n   2) 丙\n2) 丁",
            "<ol><li>甲<ol><li>乙</li><li>丙</li></ol></li><li>丁</li></ol>",
        ),
        ("- 甲\n  1) 乙\n  2) 丙", "<ul><li>甲<ol><li>乙</li><li>丙</li></ol></li></ul>"),
        ("1) 甲\r\n2) 乙".replace("\r\n", "\n"), "<ol><li>甲</li><li>乙</li></ol>"),
        ("> 1) 甲\n> 2) 乙", "<blockquote><ol><li>甲</li><li>乙</li></ol></blockquote>"),
        ("1. 甲\n2. 乙\n1) 丙", "<ol><li>甲</li><li>乙</li></ol><ol><li>丙</li></ol>"),  # another list
    ],
)
def test_a_list_numbered_with_a_parenthesis_is_a_numbered_list(body: str, drawn: str) -> None:
    assert drawn in squeezed(html(body)), html(body)


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("(1) 甲\n(2) 乙", "<p>(1) 甲\n(2) 乙</p>"),
        ("原因有二：1) 贵 2) 慢", "<p>原因有二：1) 贵 2) 慢</p>"),
        ("他说\n2) 乙", "<p>他说\n2) 乙</p>"),  # mid-paragraph: the paragraph's text, as CommonMark
        ("```\n1) 甲\n```", "<code>1) 甲\n</code>"),
        ("`1) 甲`", "<code>1) 甲</code>"),
        ("段落。\n\n    1) 代码", "<pre><code>1) 代码\n</code></pre>"),
        ("$$\n1) x\n$$", "1) x"),
        ("1234567890) 甲", "<p>1234567890) 甲</p>"),  # ten digits: no item (CommonMark: nine at most)
    ],
)
def test_a_parenthesis_that_opens_no_item_is_kept_as_written_beside_one_that_does(
    body: str, kept: str
) -> None:
    page = html(f"{body}\n\n1) 列")
    assert kept in page and squeezed(page).count("<ol") == 1 and "<ol><li>列</li></ol>" in squeezed(page), (
        page
    )


# --------------------------------------------------------------------------- first numbers


@pytest.mark.parametrize(
    "body",
    [
        "- 大事记：\n\n  1949. 新中国成立\n  1978. 改革开放",  # nested at the item's text column
        "- 大事记：\n\n    1949. 新中国成立\n    1978. 改革开放",  # at four columns
        "- 大事记：\n\n\t1949. 新中国成立\n\t1978. 改革开放",  # a tab
        "- 大事记：\n\n  1949) 新中国成立\n  1978) 改革开放",
        "> - 大事记：\n>\n>   1949. 新中国成立\n>   1978. 改革开放",  # in a quote
        "> [!note] 大事记\n> 1949. 新中国成立\n> 1978. 改革开放",  # in a callout
        "1949. 新中国成立\n1978. 改革开放",  # at the top
    ],
)
def test_a_numbered_list_starts_at_its_first_number_as_its_tool_draws_it(body: str) -> None:
    page = squeezed(html(body, "obsidian-clipper"))
    assert '<ol start="1949"><li>新中国成立</li><li>改革开放</li></ol>' in page, page


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("- 时间：\n  2024) 年底完成", "<ul><li>时间：  2024) 年底完成</li></ul>"),
        ("1. 甲\n   3) 乙", "<ol><li>甲   3) 乙</li></ol>"),
        (
            "- 大事记：\n  1949. 新中国成立\n  1978. 改革开放",
            "<li>大事记：  1949. 新中国成立  1978. 改革开放</li>",
        ),
        ("- 大事记：\n    1949. 新中国成立", "<ul><li>大事记：    1949. 新中国成立</li></ul>"),
        ("- 大事记：\n\t1949. 新中国成立", "<ul><li>大事记：    1949. 新中国成立</li></ul>"),
        (
            "> - 大事记：\n>   1949. 新中国成立",
            "<blockquote><ul><li>大事记：  1949. 新中国成立</li></ul></blockquote>",
        ),
        (
            "- 甲\n  - 乙\n    2024) 年",
            "<ul><li>甲<ul><li>乙  2024) 年</li></ul></li></ul>",
        ),  # two levels down
        ("- 甲\n  3) 乙\n  - 丙", "<ul><li>甲  3) 乙<ul><li>丙</li></ul></li></ul>"),  # a bullet does nest
    ],
)
def test_a_number_past_one_right_under_an_items_text_is_its_text(body: str, kept: str) -> None:
    """CommonMark: only a list from 1 (or a bullet) interrupts a paragraph; ``2024)`` there is the item's text."""
    page = squeezed(html(body))
    assert kept in page and page.count("<ol") == body.startswith("1."), page


def test_a_list_from_one_has_no_start_and_leading_zeros_are_dropped() -> None:
    assert "<ol><li>甲</li></ol>" in squeezed(html("1. 甲"))
    assert '<ol start="7"><li>甲</li></ol>' in squeezed(html("007. 甲"))


# --------------------------------------------------------------------------- footnotes


@pytest.mark.parametrize(
    ("body", "drawn"),
    [
        ("[^1]: 说明\n    - 甲\n    - 乙", "<p>说明</p><ul><li>甲</li><li>乙</li></ul>"),
        ("[^1]: 说明\n\t- 甲\n\t- 乙", "<p>说明</p><ul><li>甲</li><li>乙</li></ul>"),
        ("[^1]: 说明\n    1. 甲\n    2. 乙", "<p>说明</p><ol><li>甲</li><li>乙</li></ol>"),
        ("[^1]: 说明\n\n    段落\n    - 甲", "<p>说明</p><p>段落</p><ul><li>甲</li></ul>"),
        # A fence ends the text it touches, and a list may follow it (rv25: the code and "- 是列表" were in the <p>).
        (
            "[^1]: 说明\n    ```\n    - 不是列表\n    ```\n    - 是列表",
            '<p>说明</p><div class="highlight"><pre><span></span><code>- 不是列表</code></pre></div>'
            "<ul><li>是列表</li></ul>",
        ),
    ],
)
def test_a_list_right_under_a_footnotes_text_is_a_list(body: str, drawn: str) -> None:
    page = squeezed(html("正文[^1]。\n\n" + body))
    assert drawn in page, page


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("[^1]: 说明\n    2. 乙", "<p>说明\n2. 乙"),  # a list from 2 cannot interrupt the text (CommonMark)
        ("```\n[^1]: 说明\n    - 码\n```", "<code>[^1]: 说明\n    - 码\n</code>"),
        ("`[^1]: 说明`\n    - 甲", "<code>[^1]: 说明</code>\n    - 甲"),
        (
            "[^1]: 命令如下\n        - 不是列表",
            "<p>命令如下\n    - 不是列表",
        ),  # eight columns: the text's line
        # shown as written: no line written into it
        ("{% codeblock %}\n[^1]: 说明\n    - 码\n{% endcodeblock %}", "<code>[^1]: 说明\n    - 码\n</code>"),
        ("<pre>\n[^1]: 说明\n    - 码\n</pre>", "<pre>\n[^1]: 说明\n    - 码\n</pre>"),
        ("<!--\n[^1]: 说明\n    - 码\n-->", "<!--\n[^1]: 说明\n    - 码\n-->"),
        ("{% raw %}\n[^1]: 说明\n    - 码\n{% endraw %}", "<p>&#91;&#94;1&#93;&#58; 说明\n&#45; 码</p>"),
        ("$$\n[^1]: x\n    - y\n$$", "[^1]: x\n    - y\n"),
    ],
)
def test_a_footnote_like_line_elsewhere_or_a_number_past_one_is_kept(body: str, kept: str) -> None:
    page = html(f"正文[^1][^2]。\n\n{body}\n\n[^2]: 另\n    - 项", "hexo")
    assert kept in page and "<p>另</p><ul><li>项</li></ul>" in squeezed(page), page


# --------------------------------------------------------------------------- lists right under a paragraph's line


@pytest.mark.parametrize(
    ("body", "drawn"),
    [
        ("说明如下：\n- 甲\n- 乙", "<p>说明如下：</p><ul><li>甲</li><li>乙</li></ul>"),
        ("说明：\n* 甲\n* 乙", "<p>说明：</p><ul><li>甲</li><li>乙</li></ul>"),
        ("说明：\n+ 甲", "<p>说明：</p><ul><li>甲</li></ul>"),
        ("说明：\n*   甲", "<p>说明：</p><ul><li>甲</li></ul>"),
        ("步骤：\n1. 甲\n2. 乙", "<p>步骤：</p><ol><li>甲</li><li>乙</li></ol>"),
        ("步骤：\n1) 甲\n2) 乙", "<p>步骤：</p><ol><li>甲</li><li>乙</li></ol>"),
        ("**步骤：**\n1. 安装\n2. 配置", "<p><strong>步骤：</strong></p><ol><li>安装</li><li>配置</li></ol>"),
        ("第一行\n第二行\n- 甲", "<p>第一行\n第二行</p>\n<ul>\n<li>甲</li>"),  # not squeezed
        ("说明：\n- 甲\n续行", "<p>说明：</p><ul><li>甲续行</li></ul>"),  # a lazy line goes on in the item
        (
            "说明：\n- 甲\n- 乙\n说明二：\n1. 丙",
            "<ul><li>甲</li><li>乙说明二：</li></ul><ol><li>丙</li></ol>",
        ),
        ("> 说明：\n> - 甲", "<blockquote><p>说明：</p><ul><li>甲</li></ul></blockquote>"),
        ("- 甲\n\n  说明：\n  - 乙", "<ul><li><p>甲</p><p>说明：</p><ul><li>乙</li></ul></li></ul>"),
        ('!!! note "注"\n    说明：\n    - 甲', "<p>说明：</p><ul><li>甲</li></ul></div>"),
        ("> [!tip] 标题\n> 说明：\n> - 甲", "<p>说明：</p><ul><li>甲</li></ul></div>"),
        # Out of the item whose second paragraph is above it: the outer list's next item (was: in that paragraph).
        (
            "实现如下：\n- init\n\n    接口一\n- add\n\n    接口二",
            "<p>实现如下：</p><ul><li><p>init</p><p>接口一</p></li><li><p>add</p><p>接口二</p></li></ul>",
        ),
        # Right under a quote's line (or its lazy line) the quote has ended (was: the list in the quote).
        (
            "> 翻译一下：\n1. 甲\n2. 乙",
            "<blockquote><p>翻译一下：</p></blockquote><ol><li>甲</li><li>乙</li></ol>",
        ),
        ("> 引\n续\n- 甲", "<blockquote><p>引续</p></blockquote><ul><li>甲</li></ul>"),
        ("> 说明\n2. 乙", '<blockquote><p>说明</p></blockquote><ol start="2"><li>乙</li></ol>'),
    ],
)
def test_a_list_right_under_a_paragraphs_line_is_a_list(body: str, drawn: str) -> None:
    """CommonMark: a bullet list, or a numbered one from 1, interrupts a paragraph (Python-Markdown: its text)."""
    page = html(body, "obsidian-clipper")
    assert drawn in (page if "\n" in drawn else squeezed(page)), page


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("步骤：\n2. 甲", "<p>步骤：\n2. 甲</p>"),  # a number past 1 is the paragraph's text
        ("今年是\n2024. 年", "<p>今年是\n2024. 年</p>"),
        ("价格\n-1 元", "<p>价格\n-1 元</p>"),
        ("他说\n*强调* 了", "<p>他说\n<em>"),
        ("说明：\n-", "<h2>说明：</h2>"),  # an empty item interrupts nothing: a Setext heading
        ("说明：\n- - -", "<p>说明：</p>\n<hr />"),
        ("说明：\n    - 不是列表", "<p>说明：\n    - 不是列表</p>"),  # four columns: the paragraph's line
        ("```\n说明：\n- 码\n```", "<code>说明：\n- 码\n</code>"),
        ("段落。\n\n    说明：\n    - 码", "<pre><code>说明：\n- 码\n</code></pre>"),
        ("<div>\n说明：\n- 甲\n</div>", "<div>\n说明：\n- 甲\n</div>"),
        ("说明：\n$$\n- x\n$$", "<p>说明：\n$$\n- x\n$$</p>"),
        ("说明 <!--\n- 注释\n-->", "<!--\n- 注释\n-->"),
        ("| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n3 | 4", "<td>3</td>\n<td>4</td>"),  # a text line: a row
        # No heading: four columns in (the paragraph's line, the item's text), a tag, code.
        ("段落\n    ## 不是", "<p>段落\n    ## 不是</p>"),
        ("- 甲\n      ## 不是", "<li>甲\n      ## 不是</li>"),
        ("  #标签 甲", "<p>#标签 甲</p>"),
        ("```\n  ## 码\n```", "<code>  ## 码\n</code>"),
        ("- 甲\n  - 乙\n  * 丙", "<li>甲<ul>\n<li>乙</li>\n<li>丙</li>"),  # another bullet: as before
    ],
)
def test_a_line_commonmark_reads_as_no_list_or_heading_is_kept_beside_one_that_is(
    body: str, kept: str
) -> None:
    page = html(f"{body}\n\n段。\n\n说明：\n- 列\n\n段。\n\n- 项\n  ## 标")
    assert kept in page, page
    assert "<p>说明：</p>\n<ul>\n<li>列</li>\n</ul>" in page and "<li>项<h2>标</h2>\n</li>" in page, page


# --------------------------------------------------------------------------- where a quote or a table ends


@pytest.mark.parametrize(
    ("body", "drawn"),
    [
        # A quote's line that leaves no paragraph open: the next line is no lazy line of it (was: in the quote).
        ("> 引文\n>\n正文", "<blockquote><p>引文</p></blockquote><p>正文</p>"),
        ("> 引文\n> \n正文", "<blockquote><p>引文</p></blockquote><p>正文</p>"),
        ("> > 引文\n>\n正文", "<blockquote><blockquote><p>引文</p></blockquote></blockquote><p>正文</p>"),
        ("> # 标题\n正文", "<blockquote><h1>标题</h1></blockquote><p>正文</p>"),
        ("> 引文\n>\n正文\n续行", "<blockquote><p>引文</p></blockquote><p>正文续行</p>"),
        # A table ends at a line opening another block (was: its last row, 「- 甲」).
        (
            "| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n- 甲\n- 乙",
            "<tbody><tr><td>1</td><td>2</td></tr></tbody></table><ul><li>甲</li><li>乙</li></ul>",
        ),
        ("| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n2. 丙", '</table><ol start="2"><li>丙</li></ol>'),
        ("| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n> 引", "</table><blockquote><p>引</p></blockquote>"),
        ("| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n## 节", "</table><h2>节</h2>"),
        ("| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n---", "</table><hr />"),
        (
            "- 项\n\n    | 甲 | 乙 |\n    | - | - |\n    | 1 | 2 |\n    - 丙",
            "</table><ul><li>丙</li></ul></li></ul>",
        ),
        ("> | 甲 | 乙 |\n> | - | - |\n> | 1 | 2 |\n> - 丙", "</table><ul><li>丙</li></ul></blockquote>"),
        # s47: a fence right under the rows in a list item or a quote (stored away as a placeholder line by then):
        # its code after the table, whole (was: in a new last row's cell).
        (
            "- 项\n\n    | 甲 | 乙 |\n    | - | - |\n    | 1 | 2 |\n    ```\n    x | y\n    ```\n    后文",
            '<td>2</td></tr></tbody></table><div class="highlight"><pre><span></span><code>x | y</code></pre></div>'
            "<p>后文</p></li></ul>",
        ),
        (
            "> | 甲 | 乙 |\n> | - | - |\n> | 1 | 2 |\n> ~~~\n> 码\n> ~~~",
            '<td>2</td></tr></tbody></table><div class="highlight"><pre><span></span><code>码</code></pre></div>'
            "</blockquote>",
        ),
        # A Setext underline under a list's or a quote's line: a thematic break, or the line's lazy text
        # (was: a heading of 「- 甲」 or 「> 引文」).
        ("- 甲\n---\n正文", "<ul><li>甲</li></ul><hr /><p>正文</p>"),
        ("> 引文\n---", "<blockquote><p>引文</p></blockquote><hr />"),
        ("> 引文\n===", "<blockquote><p>引文&#61;==</p></blockquote>"),
        ("- 甲\n--", "<ul><li>甲&#45;-</li></ul>"),
        # Markdown after a blank line in a <div>, <section> or <details> (was: shown as written, 「- 甲」).
        (
            "<details>\n<summary>展开</summary>\n\n- 甲\n\n</details>",
            "<details><summary>展开</summary><ul><li>甲</li></ul></details>",
        ),
        (
            '<div align="center">\n\n**粗体**\n\n</div>\n\n正文',
            '<div align="center"><p><strong>粗体</strong></p></div>',
        ),
        ("<div>\n<section>\n\n## 节\n\n</section>\n</div>", "<div><section><h2"),
    ],
)
def test_a_quote_a_table_a_list_or_an_html_block_ends_where_commonmark_ends_it(body: str, drawn: str) -> None:
    page = html(body)
    assert drawn in squeezed(page), page
    assert "<h1>" not in page.replace("<h1>标题</h1>", "") and "<h2>" not in page.replace("<h2>节</h2>", "")


@pytest.mark.parametrize(
    ("body", "drawn"),
    [
        ("> 引文\n正文", "<blockquote>\n<p>引文\n正文</p>\n</blockquote>"),  # a lazy line: the quote's
        ("> 引文\n>\n> 二\n正文", "<p>二\n正文</p>\n</blockquote>"),
        ("| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n正文", "<td>正文</td>"),  # a text line: a row
        ("| 甲 |\n| --- |\n| 1 |\n- 甲", "</table>\n<ul>\n<li>甲</li>"),
        ("1. 甲\n   乙\n---", "</ol>\n<hr />"),
        ("段落\n---", "<h2>段落</h2>"),  # a paragraph's Setext heading
        ("段落\n===", "<h1>段落</h1>"),
        ("<div>\n*甲*\n</div>", "<div>\n*甲*\n</div>"),  # no blank line in it: one HTML block
        ('<div markdown="0">\n\n*甲*\n\n</div>', "*甲*"),
        ("<table>\n\n<tr><td>*甲*</td></tr>\n\n</table>", "<td>*甲*</td>"),
        ("- 甲\n\n---", "</ul>\n<hr />"),
        ("```\n> 引\n>\n正文\n- 甲\n---\n```", "<code>&gt; 引\n&gt;\n正文\n- 甲\n---\n</code>"),
    ],
)
def test_a_lazy_line_a_row_or_a_setext_heading_commonmark_keeps_is_kept(body: str, drawn: str) -> None:
    assert drawn in html(body), html(body)


# --------------------------------------------------------------------------- right under an item's text


@pytest.mark.parametrize(
    ("body", "drawn"),
    [
        ("- 甲\n  - 乙\n  3. 丙", '<ul><li>甲<ul><li>乙</li></ul><ol start="3"><li>丙</li></ol></li></ul>'),
        ("- 甲\n  - 乙\n  1. 丙", "<ul><li>甲<ul><li>乙</li></ul><ol><li>丙</li></ol></li></ul>"),
        ("1. 甲\n   1. 乙\n   - 丙", "<ol><li>甲<ol><li>乙</li></ol><ul><li>丙</li></ul></li></ol>"),
        ("> 1. 甲\n>\n> - 乙", "<blockquote><ol><li>甲</li></ol><ul><li>乙</li></ul></blockquote>"),
        ("- 甲\n  ## 小结", "<ul><li>甲<h2>小结</h2></li></ul>"),
        ("1. 甲\n   ### 小结\n   后文", "<ol><li>甲<h3>小结</h3>   后文</li></ol>"),
        ("- 甲\n  - 乙\n    ## 小结", "<ul><li>甲<ul><li>乙<h2>小结</h2></li></ul></li></ul>"),
        ("段落\n  ## 小结", "<p>段落</p><h2>小结</h2>"),
        ("   ## 小结", "<h2>小结</h2>"),
    ],
)
def test_a_list_of_the_other_kind_or_a_heading_right_under_an_items_text_is_drawn(
    body: str, drawn: str
) -> None:
    """CommonMark: a list of the other kind is a list of its own; a heading one to three spaces in is a heading."""
    assert drawn in squeezed(html(body)), html(body)


@pytest.mark.parametrize(
    ("body", "headings"),
    [
        (("## 小节\n" + "文" * 50 + "\n") * 4000, 4000),
        (" # 甲\n" * 20000, 20000),
        ("# 甲\n" * 20000, 20000),
        (("文" * 20 + "\n- 乙\n") * 4000 + "  # 尾", 1),  # the last item's heading
    ],
    ids=["headings-between-lines", "indented-headings", "headings", "lists-under-lines"],
)
def test_a_block_of_many_headings_is_read_in_linear_time(body: str, headings: int) -> None:
    """Each heading split off a block read the whole rest of it again: 2,000 headings between lines (114 KB)
    took 1.8 s (4,000: 7 s), 20,000 headings 14.5 s, 20,000 written a space in 16.8 s (rx45; 0.1 to 0.7 s now)."""
    parse = markdown.Markdown(extensions=[ParagraphEndsExtension()])
    started = time.process_time()  # CPU: a busy machine must not fail it
    page = parse.convert(body)
    assert time.process_time() - started < 5.0
    assert page.count("<h") == headings


def test_a_block_of_many_headings_is_read_in_linear_time_by_the_notes_extensions() -> None:
    """Python-Markdown's ``tables``, ``admonition`` and ``details`` read the whole rest of a block after each heading
    split off it: 6,000 headings took 4 s, 20,000 42 s.  A heading's next line starts a block (CommonMark's
    reading: a heading is one line), so each test reads one line: 20,000 in 1.8 s."""
    rewritten = dialects.rewrite(
        "# 甲\n" * 6000, first_line=1, note_dir=Path("/nonexistent"), note_name="n"
    ).text
    parse = markdown.Markdown(extensions=[*_EXTENSIONS, "pymdownx.details", NotesMarkdownExtension()])
    started = time.process_time()  # CPU: a busy machine must not fail it
    page = parse.convert(rewritten)
    assert time.process_time() - started < 2.0
    assert page.count("<h1>") == 6000
    between = dialects.rewrite(
        "## 小节\n正文\n" * 3 + "> # 引\n> 文", first_line=1, note_dir=Path("/x"), note_name="n"
    )
    assert between.text == "## 小节\n\n正文\n" * 3 + "> # 引\n> 文"  # in a quote: the quote's own lines


# --------------------------------------------------------------------------- the old site's root


@pytest.mark.parametrize(
    ("link", "url"),
    [
        ("[顶](/#top)", "../../#top"),
        ("[装](/#安装-Hexo)", "../../#安装-Hexo"),
        ("[顶]({{ site.baseurl }}/#top)", "../../#top"),
    ],
)
def test_a_link_to_the_old_sites_root_keeps_its_anchor(link: str, url: str) -> None:
    body = f"{link} [首页](/) [空](/#) `[码](/#top)`"
    rewritten = dialects.rewrite(
        body, first_line=1, note_dir=Path("/nonexistent"), note_name="n", dialect="jekyll"
    )
    resolved, dead = note_refs.resolve(rewritten.text, rewritten.refs, lambda ref: None)
    assert resolved == f"{link[: link.index('](')]}]({url}) [首页](../../) [空](../../) `[码](/#top)`", (
        resolved
    )
    assert not dead


# --------------------------------------------------------------------------- citations and handles


def drawn(text: str, *, pandoc: bool = False) -> tuple[str, tuple[int, str] | None]:
    """``text`` as one note's line: its brackets drawn once the note is read, and the note's citation warning."""
    held = citations.NoteCitations(pandoc=pandoc)
    return held.settle(held.hold(text, 1)), held.finding()


def test_keys_with_a_year_and_a_locator_or_joined_keys_cite() -> None:
    text = "见 [@sima2000, p. 12]，又 [@smith2019] 与 [见 @smith2020a; -@{Li 1998}] 和 [@ban_gu:1990]。"
    shown, finding = drawn(text)
    assert re.findall(r"<cite[^>]*>\\\[([^<]*)\\\]</cite>", shown) == [
        "sima2000, p. 12",
        "smith2019",
        "见 smith2020a; Li 1998",
        "ban\\_gu:1990",  # Markdown's escape: the page shows ban_gu:1990
    ], shown
    assert finding and finding[1].startswith("[@sima2000, p. 12]: a citation"), finding


@pytest.mark.parametrize(
    "text",
    [
        "联系我 [@john1990] 或 [@user_2021]。",  # handles with a year: nothing else cites
        "[@elonmusk] 说了 [@sima2000, p. 12]。",  # a handle in the note: its keys are handles too
        "[@elonmusk; @OpenAI] 转发了。",  # joined, but no key's shape
        "[@smith2019] 说 [@doe2019a] 也是。",  # years, nothing a citation says beyond its key
    ],
)
def test_handles_with_or_without_a_year_are_mentions_shown_as_written(text: str) -> None:
    """``[@john1990]`` in a Hexo or Jekyll note was drawn as a citation (rv25): a year in a key is no sign."""
    assert drawn(text) == (text, None)


def test_in_a_pandoc_note_every_bracketed_key_cites() -> None:
    shown, finding = drawn("见 [@smith; @jones, p. 3] 与 [@elonmusk]。", pandoc=True)
    assert shown.count("<cite") == 2 and finding and finding[1].startswith("[@smith; @jones, p. 3]"), shown
    for key in ("bibliography", "csl", "citation-style", "link-citations", "nocite"):
        assert detect_dialect({"title": "文", key: "x"}, "---") == "pandoc", key
    assert detect_dialect({"title": "文"}, "---") == "yaml"


@pytest.mark.parametrize(
    "line",
    [
        "[@" + "a" * 200_000,
        "[@a" * 70_000,
        "[ @" + "a1" * 100_000 + "!",
        "[@" + "_" * 200_000 + "]",
        "[@" + "a " * 100_000,
    ],
    ids=["one-long-key", "many-openers", "closing-never-follows", "no-letter", "many-words"],
)
def test_a_long_line_of_unclosed_citations_is_read_in_linear_time(line: str) -> None:
    """``_CITATION_RE`` tried each length of a long key against the rest of the line: ``[@`` and 20 KB of
    letters took 3.6 s, 100 KB 155 s, a site build with one 40 KB line 25.9 s against 4 s (rv25)."""
    started = time.process_time()  # CPU: a busy machine must not fail it
    drawn(line)
    assert time.process_time() - started < 0.5


@pytest.mark.parametrize("named", ["bibliography: refs.bib\n", "csl: gb-t-7714.csl\n", ""])
def test_a_bibliography_in_the_front_matter_makes_every_key_cite_whatever_the_dialect(
    tmp_path: Path, named: str
) -> None:
    """Obsidian's Pandoc plugin: ``created`` makes the note ``obsidian-clipper``; its bibliography still cites."""
    path = tmp_path / "n.md"
    path.write_text(f"---\ntitle: 文\ncreated: 2024-01-02\n{named}---\n见 [@smith]。\n", encoding="utf-8")
    note = corpus.read_note(
        path,
        "seeds/n.md",
        settings=corpus.NoteSettings(),
        image_url=lambda note_id, p: p.name,
        detect_script=lambda text: "Hans",
    )
    assert note.meta.dialect == "obsidian-clipper" and note.body is not None
    assert ("<cite" in note.body.markdown) == bool(named), note.body.markdown


@pytest.mark.parametrize("dialect", ["obsidian-clipper", "hexo", "jekyll", "yaml"])
def test_an_x_threads_handle_stays_as_written_in_every_other_dialect(dialect: str) -> None:
    page = html("[@elonmusk] 转发了 [@OpenAI] 的帖子。", dialect)
    assert "<p>[@elonmusk] 转发了 [@OpenAI] 的帖子。</p>" in page and "<cite" not in page, page
    assert "<cite" in html("[@elonmusk] 转发了。", "pandoc")
