"""A ``\\|`` in a code span of a table's row shows as ``|`` (GFM), and nowhere else (session 44's review, rv22)."""

from __future__ import annotations

import markdown

from zhudu.notes.markdown_extensions import NotesMarkdownExtension

#: The Hexo documentation's docs/helpers.md row, a code span outside the table, and a table in a fence.
SOURCE = """| 参数 | 描述 |
| --- | --- |
| language | `page.lang \\|\\| page.language \\|\\| config.language`，`#!js a \\|\\| b` 与 x \\| y |

> | 引 | 表 |
> | - | - |
> | `a \\| b` | c |

正文的 `a \\| b` 照写。

```
| `a \\| b` | c |
| --- | --- |
```
"""


def _page(source: str) -> str:
    extensions = ["tables", "pymdownx.superfences", "pymdownx.highlight", "pymdownx.inlinehilite"]
    return markdown.markdown(source, extensions=[*extensions, NotesMarkdownExtension()])


def test_a_table_cells_code_shows_the_pipes_its_row_escaped() -> None:
    page = _page(SOURCE)
    assert "<td><code>page.lang || page.language || config.language</code>" in page
    assert '<span class="o">||</span>' in page  # a highlighted code span's too
    assert "x | y" in page
    assert "<td><code>a | b</code></td>" in page  # in a block quote's table
    assert "<p>正文的 <code>a \\| b</code> 照写。</p>" in page  # outside a table: as written
    assert "| `a \\| b` | c |" in page  # a fence: as written


def test_an_escaped_backtick_opens_no_code_span_in_a_cell() -> None:
    """rv24: ``\\`x \\| y\\``` split into two cells (the escaped backticks were read as a code span)."""
    page = _page("| a | b |\n|---|---|\n| \\`x \\| y\\` | c |\n| \\\\`m \\| n` | d |\n")
    assert "<td>`x | y`</td>\n<td>c</td>" in page  # one cell, as the tables extension reads it
    assert "<td>\\<code>m | n</code></td>" in page  # an escaped backslash: the backtick opens code


def test_a_code_block_holding_a_table_keeps_its_text() -> None:
    """rv24: an indented code block's table text, and a ``<pre>``'s, are code (in a list item, a table)."""
    row = "| `m \\| n` | o |"
    source = (
        f"段落\n\n    | a | b |\n    |---|---|\n    {row}\n\n<pre>\n| a | b |\n|---|---|\n{row}\n</pre>\n"
    )
    page = _page(source + f"\n- 列表\n\n    | a | b |\n    |---|---|\n    {row}\n")
    assert page.split("<ul>")[0].count(row) == 2  # both code blocks as written
    assert "<td><code>m | n</code></td>" in page.split("<ul>")[1]  # a list item's table: a table
