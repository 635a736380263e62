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


def test_a_table_cells_code_shows_the_pipes_its_row_escaped() -> None:
    extensions = ["tables", "pymdownx.superfences", "pymdownx.highlight", "pymdownx.inlinehilite"]
    page = markdown.markdown(SOURCE, extensions=[*extensions, NotesMarkdownExtension()])
    assert "<td><code>page.lang || page.language || config.language</code>" in page
    assert '<span class="o">||</span>' in page  # a highlighted code span's too
    assert "x | y" in page
    assert "<td><code>a | b</code></td>" in page  # in a block quote's table
    assert "<p>正文的 <code>a \\| b</code> 照写。</p>" in page  # outside a table: as written
    assert "| `a \\| b` | c |" in page  # a fence: as written
