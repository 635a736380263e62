"""What looks like a link where Markdown reads none (``notes/verbatim.py``, ``notes/dialects.py``).

An HTML comment, a formula, an indented code block, a code span of several backticks, a ``~~~``
fence, a raw ``<pre>`` block, Hexo's ``{% raw %}`` and ``{% codeblock %}``, Hugo's ``{{< highlight >}}``:
a ``[x](#y)``, ``[x](other.md)`` or ``[[wikilink]]`` there is no link on the page.  None is warned
of, none is rewritten: the page shows each as written.  A real link beside them still resolves, a
broken one still warns.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from conftest import build_site

#: Every shape, each holding a same-page link, a link to a note file and a wikilink that name nothing.
SHAPES = (
    "---\ntitle: 不是链接\ndate: 2024-01-01\n---\n\n"
    "## 小节\n\n"
    "行内注释 <!-- [注一](#无此节) [[别的笔记]] --> 之后。\n\n"
    "<!--\n[注二](#无此节二) [注三](other.md)\n[[别的笔记#某节]]\n-->\n\n"
    "行内公式 $[甲](#小節) + [[公式笔记]]$ 与 \\([乙](other.md)\\) 之后。\n\n"
    "$$\n[丙](#无此公式) + [[别的公式]]\n$$\n\n"
    "\\begin{align}\nx &= [丁](#无此环境) + [[环境笔记]]\n\\end{align}\n\n"
    "一段正文。\n\n"
    "    [缩](#无此缩进)\n\t[[缩进笔记]]\n\n"
    "双反引号 `` [码](#无此码) [[码笔记]] `` 之后。\n\n"
    "~~~\n[波](#无此波浪) [[波浪笔记]]\n~~~\n\n"
    "<pre>\n[预](#无此pre) [[pre笔记]]\n</pre>\n\n"
    "{% raw %}\n[原](#无此raw) [[raw笔记]]\n{% endraw %}\n\n"
    "{% codeblock %}\n[块](#无此codeblock) [[cb笔记]]\n{% endcodeblock %}\n\n"
    "{{< highlight go >}}\n[高](#无此highlight) [[hl笔记]]\n{{< /highlight >}}\n"
)
#: What the page must show as written (the math as its TeX, in the ``<math>``'s ``alttext``).
AS_WRITTEN = (
    'alttext="[甲](#小節) + [[公式笔记]]"',
    'alttext="[丙](#无此公式) + [[别的公式]]"',
    'alttext="\\begin{align}\nx &amp;= [丁](#无此环境) + [[环境笔记]]\n\\end{align}"',
    "<code>[缩](#无此缩进)\n[[缩进笔记]]\n</code>",
    "<code>[码](#无此码) [[码笔记]]</code>",
    "[波](#无此波浪) [[波浪笔记]]",
    "<pre>\n[预](#无此pre) [[pre笔记]]\n</pre>",
    "[块](#无此codeblock) [[cb笔记]]",
)
#: Beside the shapes: real links, one to a heading the page has and one to another note, each
#: resolved; a list item's indented paragraph (no code); an unclosed ``<!--`` (text to Markdown);
#: a script the sanitiser removes with its text.
REAL = (
    "\n真的：[好](#小節)、[[另一篇]]。\n\n"  # line 52
    "- 列表项\n\n    列表里的段落：[[另一篇#第二节]]、[坏二](#列表里没有)。\n\n"  # line 56
    '<script>\nvar a = "[脚](#无此script) [[script笔记]]";\n</script>\n\n'  # line 58
    "坏的：[坏](#真的没有) [[真没有的笔记]]。\n\n"  # line 62
    "<!-- 没有闭合 [[未闭合笔记]]\n"  # line 64
)
OTHER = "---\ntitle: 另一篇\ndate: 2024-01-02\n---\n\n正文。\n\n## 第二节\n\n正文。\n"


def _article(html: str) -> str:
    return html[html.index('<div class="zd-note__body">') : html.index("</article>")]


def test_links_where_markdown_reads_none_are_neither_warned_of_nor_rewritten(tmp_path: Path) -> None:
    result = build_site(tmp_path, notes={"shapes.md": SHAPES}, strict=True)
    assert result.ok and result.warnings == [], result.log
    article = _article(result.page("zh-Hans/notes/shapes/index.html"))
    # Inline code keeps a Han letter with the symbol beside it (``annotate/code_glue.py``): markup, not text.
    shown = article.replace("<zd-g>", "").replace("</zd-g>", "")
    for written in AS_WRITTEN:
        assert written in shown, written
    assert "zd-deadlink" not in article and "zd-ref" not in article and "<a " not in article, article
    assert "&#91;原&#93;&#40;&#35;无此raw&#41;" in article  # Hexo's raw part: as text


def test_real_links_beside_them_still_resolve_and_broken_ones_still_warn(tmp_path: Path) -> None:
    result = build_site(tmp_path, notes={"shapes.md": SHAPES + REAL, "other.md": OTHER}, strict=False)
    assert result.ok, result.log
    article = _article(result.page("zh-Hans/notes/shapes/index.html"))
    assert '<a href="#小节">好</a>' in article, article
    assert article.count('href="../other/"') == 1 and 'href="../other/#第二节"' in unquote(article), article
    assert result.warnings == [
        "zhudu: seeds/shapes.md:62: [[真没有的笔记]]: no note in the collection has the file name, path, title, "
        "alias, slug or permalink '真没有的笔记': shown as text marked as a dead link; fix the link, or add the note",
        "zhudu: seeds/shapes.md:64: [[未闭合笔记]]: no note in the collection has the file name, path, title, "
        "alias, slug or permalink '未闭合笔记': shown as text marked as a dead link; fix the link, or add the note",
        "zhudu: seeds/shapes.md:56: #列表里没有: this note has no heading or anchor '列表里没有': the link goes "
        "nowhere; write the heading as the note has it",
        "zhudu: seeds/shapes.md:62: #真的没有: this note has no heading or anchor '真的没有': the link goes "
        "nowhere; write the heading as the note has it",
        "zhudu: seeds/shapes.md:58: <script> is not allowed in a note: removed (extra.zhudu.raw_html_allow can "
        "allow a harmless one)",
    ], result.warnings
