"""A ``{% raw %}`` part as its tool shows it: Hexo reads a fenced code block before any tag and
writes the rest of the part as HTML; Jekyll runs Liquid first and kramdown after, so its raw part
is Markdown."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import build_site
from zhudu.notes import dialects

#: A template shown in a fenced block that ``{% raw %}`` keeps from Liquid or Nunjucks; 软件设置 and
#: 后台 are code, never converted to a Traditional variant.
FENCE_IN_RAW = """
在模板里这样写：

{% raw %}
```liquid
{% comment %} 软件设置 {% endcomment %}
{{ page.my_var | default: "后台" }}
```
{% endraw %}

行内：{% raw %}`{{ site.title }}`{% endraw %} 与 {% raw %}**{{ x }}**{% endraw %}。
"""
FRONT_MATTER = {
    "hexo": "---\ntitle: Hexo 模板\ndate: 2024-01-01\nupdated: 2024-01-02\n---\n",
    "jekyll": "---\ntitle: Jekyll 模板\ndate: 2024-01-01\nlayout: post\n---\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    notes = {f"{name}.md": head + FENCE_IN_RAW for name, head in FRONT_MATTER.items()}
    result = build_site(tmp_path_factory.mktemp("raw"), notes=notes, strict=False)
    assert result.ok, result.log
    return result


def _body(result, variant: str, note: str) -> str:
    page = result.page(f"{variant}/notes/{note}/index.html")
    start = page.index('<div class="zd-note__body">')
    return page[start : page.index("</article>", start)]


@pytest.mark.parametrize("note", ["hexo", "jekyll"])
def test_a_fenced_block_inside_raw_is_code_in_every_variant(site, note):
    """Hexo's ``backtick_code_block`` runs before any tag, Jekyll's kramdown after Liquid: in both
    tools the fence inside the raw part is a code block, not a paragraph of backticks."""
    for variant in ("zh-Hans", "zh-Hant-TW"):
        body = _body(site, variant, note)
        code = re.search(r"<pre><code>(.*?)</code></pre>", body, re.S)
        assert code, body
        assert "软件设置" in code[1] and "后台" in code[1]  # code: not converted
        assert "```" not in body and "軟體設定" not in body


def test_a_jekyll_raw_part_is_markdown(site):
    """Liquid removes the markers, kramdown reads what is left: a code span and bold text."""
    body = _body(site, "zh-Hans", "jekyll")
    assert "<code>{{ site.title }}</code>" in body and "<strong>{{ x }}</strong>" in body


def test_a_hexo_raw_part_inside_a_line_is_text(site):
    """Hexo writes the part into the page after Markdown has run: its backticks and stars are text."""
    body = _body(site, "zh-Hans", "hexo")
    assert "<strong>" not in body and "<code>{{" not in body


def test_a_fence_inside_a_hexo_raw_part_is_passed_through_as_written():
    text = dialects.rewrite(
        FENCE_IN_RAW, first_line=1, note_dir=Path("."), note_name="x", dialect="hexo"
    ).text
    assert (
        '```liquid\n{% comment %} 软件设置 {% endcomment %}\n{{ page.my_var | default: "后台" }}\n```' in text
    )


#: Raw parts of a Hexo note that Markdown or an extension of ``mkdocs.yml`` would read if they were
#: Markdown: Hexo writes them into the page as HTML after Markdown has run.
HEXO_RAW_TEXT = """---
title: 原始文字
date: 2024-01-01
updated: 2024-01-02
---

{% raw %}
<div>a_b [x] &#96;c&#96; *d*</div>
{% endraw %}

{% raw %}
第一行

    缩进的一行 {{ x }}
标题
---
:smile: ==x== $x^2$ https://example.com www.example.com a@b.co <!-- 注释 -->
{% endraw %}
"""


class _Shown(HTMLParser):
    """The text a browser shows (character references read, comments not shown), and the tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_a_hexo_raw_part_shows_its_text_as_written_in_a_paragraph_and_in_an_html_block(tmp_path):
    result = build_site(tmp_path, notes={"raw-text.md": HEXO_RAW_TEXT}, strict=False)
    assert result.ok, result.log
    shown = _Shown()
    shown.feed(_body(result, "zh-Hans", "raw-text"))
    text = " ".join("".join(shown.text).split())
    assert "a_b [x] `c` *d*" in text and "\\" not in text  # no backslash escapes in the HTML block
    assert "缩进的一行 {{ x }} 标题 ---" in text
    assert ":smile: ==x== $x^2$ https://example.com www.example.com a@b.co" in text
    assert "注释" not in text  # Hexo writes the comment as a comment
    # Nothing became code, a rule, a heading, a mark, an emoji, a formula or a link.
    assert not {"pre", "code", "hr", "h1", "h2", "h3", "mark", "img", "a", "svg"} & set(shown.tags), (
        shown.tags
    )
    assert "arithmatex" not in _body(result, "zh-Hans", "raw-text")


def test_an_unclosed_fence_inside_a_hexo_raw_part_is_text_and_the_part_still_ends():
    """Hexo's ``backtick_code_block`` reads a closed fence only: the part's end is not taken for code."""
    rewrite = dialects.rewrite(
        "{% raw %}\n```\n{{ x }}\n{% endraw %}\n\n正文",
        first_line=1,
        note_dir=Path("."),
        note_name="x",
        dialect="hexo",
    )
    assert rewrite.text == "\n&#96;&#96;&#96;\n&#123;&#123; x &#125;&#125;\n\n\n正文"
    assert rewrite.findings == []


def test_a_link_inside_a_jekyll_raw_part_is_resolved_or_warned_of_and_its_liquid_stays_text(tmp_path):
    """Liquid leaves a raw part as written and kramdown reads its links after: ``[乙](b.html#小节)`` there was
    neither resolved nor warned of (MkDocs' own warning, with no line, and a dead ``b.html`` link).  Its Liquid
    and code stay as written (session 33)."""
    note = (
        FRONT_MATTER["jekyll"]
        + "\n{% raw %}看[乙](b.html#小节)和 {{ x }}{% endraw %}\n\n"
        + "{% raw %}[丙](missing.html) {% link a.md %} `[码](code.html)`{% endraw %}\n\n"
        + "{% raw %}\n```\n[栏](fenced.html)\n```\n{% endraw %}\n"
    )
    result = build_site(
        tmp_path, notes={"j.md": note, "b.md": "---\ntitle: 乙\n---\n\n## 小节\n\n正文。\n"}, strict=False
    )
    assert result.ok, result.log
    body = _body(result, "zh-Hans", "j")
    assert '<a href="../b/#%E5%B0%8F%E8%8A%82">乙</a>和 {{ x }}' in body, body
    assert 'class="zd-deadlink" data-zd-target="missing.html">丙</span> {% link a.md %}' in body, body
    assert "<code>[码](code.html)</code>" in body and "[栏](fenced.html)" in body, body
    warned = [w for w in result.warnings if "j.md" in w]
    assert len(warned) == 1 and warned[0].startswith("zhudu: seeds/j.md:9: missing.html: no note"), warned
