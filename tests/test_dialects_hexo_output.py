"""Hexo's tag plugins shown as Hexo shows them: the tag-plugins page of the Hexo documentation
(``../shared/corpora/hexo-docs``), whose Simplified translation printed ``&#96;`` as written."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import REPO, build_site
from zhudu.notes import dialects

HEXO_DOCS = REPO.parent / "shared" / "corpora" / "hexo-docs"

#: The page's "反引号代码块" example: a raw part holding character references (Hexo writes it as HTML).
BACKTICK_EXAMPLE = """这与使用代码块相同，但使用三个反引号来分隔。

{% raw %}
&#96`[language] [title] [url] [link text]
code snippet
&#96;`
{% endraw %}
"""
#: Its "附加说明和网址" example as the translation writes it (a Markdown escape in the code).
CODEBLOCK_EXAMPLE = """{% codeblock _.compact http://underscorejs.org/#compact Underscore.js %}
\\_.compact([0, 1, false, 2, '', 3]); => [1, 2, 3]
{% endcodeblock %}
"""


def _rewritten(text: str) -> str:
    return dialects.rewrite(text, first_line=1, note_dir=Path("."), note_name="x").text


def test_a_raw_part_is_html_its_character_references_are_characters_and_the_rest_text() -> None:
    """Hexo sets ``{% raw %}`` aside before Markdown runs and writes it into the page as HTML: the
    browser shows ``&#96;`` (and ``&#96`` without its semicolon) as a backtick, nothing as code."""
    text = _rewritten(BACKTICK_EXAMPLE)
    assert "&#96`" not in text and "\\" not in text
    assert (
        _shown(text)
        == "这与使用代码块相同，但使用三个反引号来分隔。\n\n\n``[language] [title] [url] [link text]\ncode snippet\n``\n\n"
    )
    # Markdown's block syntax at a raw line's start is text too; tags stay tags (sanitised later).
    text = _rewritten(
        "{% raw %}# 不是标题\n- 不是列表\n1. 不是{% endraw %} {% raw %}<b>粗</b> &amp; {{ x }}{% endraw %}"
    )
    assert text == "&#35; 不是标题\n&#45; 不是列表\n1&#46; 不是 <b>粗</b> &amp; &#123;&#123; x &#125;&#125;"


def _shown(markdown: str) -> str:
    """The text a browser shows of ``markdown`` written as HTML (its character references read)."""
    return html.unescape(re.sub(r"<[^>]*>", "", markdown))


def test_a_codeblocks_lines_are_its_code_as_written_backslashes_too() -> None:
    """Hexo passes the lines between ``{% codeblock %}`` and ``{% endcodeblock %}`` to its highlighter
    as written (no Markdown runs on them): the translation's ``\\_`` is shown with its backslash there."""
    text = _rewritten(CODEBLOCK_EXAMPLE)
    assert "\\_.compact([0, 1, false, 2, '', 3]); => [1, 2, 3]" in text.split("\n")


@pytest.mark.skipif(not HEXO_DOCS.is_dir(), reason="the shared Hexo documentation is not here")
def test_the_hexo_tag_plugins_page_shows_what_hexo_shows(tmp_path: Path) -> None:
    source = (HEXO_DOCS / "zh-cn" / "docs-tag-plugins.md").read_text(encoding="utf-8")
    result = build_site(tmp_path, notes={"docs-tag-plugins.md": source}, strict=False)
    assert result.ok, result.log
    page = result.page("zh-Hans/notes/docs-tag-plugins/index.html")
    assert "&amp;#96" not in page and "&#96`" not in page
    example = re.search(r"<p[^>]*>(&#96;&#96;&#91;language.*?)</p>", page, re.S)
    assert example and _shown(example[1]) == "``[language] [title] [url] [link text]\ncode snippet\n``"
    start = page.index('<span class="filename">_.compact</span>')
    assert "\\_.compact(" in page[start : page.index("</pre>", start)]
