"""What a collection moved in from Jekyll, Hugo and Obsidian writes, built as those tools show it.

Found by building a realistic collection in each tool's body syntax (session 33): kramdown's
``{:toc}``, Hugo themes' note-box shortcodes, Liquid values (``{{ site.title }}``), paths from the
root of the author's old site, and Obsidian's inline footnotes.  Every build is real MkDocs and
Material.
"""

from __future__ import annotations

import re

from test_collections import PNG
from test_dialects import body, text_outside_code

from conftest import build_site


def _warnings(result) -> list[str]:
    return [w.removeprefix("zhudu: ") for w in result.warnings]


# --------------------------------------------------------------------------- Jekyll (kramdown)


def test_kramdown_toc_list_is_the_table_of_contents(tmp_path):
    note = (
        "---\nlayout: post\ntitle: 目录\n---\n\n* 目录\n{:toc}\n\n开头。\n\n"
        "## 安装\n\n装好。\n\n## 写作\n\n写好。\n"
    )
    result = build_site(tmp_path, notes={"_posts/2022-05-01-toc.md": note})
    assert result.ok and result.warnings == [], result.log  # was a traceback that stopped the build
    html = body(result, "posts-2022-05-01-toc")
    toc = html[html.index('<div class="toc">') : html.index("</div>", html.index('<div class="toc">'))]
    assert re.findall(r'<a href="#([^"]+)">([^<]+)</a>', toc) == [("安装", "安装"), ("写作", "写作")]
    assert "目录" not in text_outside_code(html)  # the list kramdown replaces is not shown


def test_an_attribute_without_a_value_does_not_stop_the_build(tmp_path):
    note = "---\ntitle: 属性\n---\n\n一段隐藏的文字。\n{: hidden}\n\n后面一段。\n"
    result = build_site(tmp_path, notes={"a.md": note}, strict=False)
    assert result.ok, result.log
    assert "后面一段" in body(result, "a")


# --------------------------------------------------------------------------- Hugo


HUGO_BOXES = """+++
title = "提示框"
+++

{{% notice warning %}}
这是 **Hugo** 的提示框。
{{% /notice %}}

{{% notice tip "小技巧<script>alert(1)</script>" %}}
带标题。
{{% /notice %}}

{{< details summary="展开看看" >}}
折叠的内容。
{{< /details >}}

{{< hint danger >}}
hugo-book 的提示。
{{< /hint >}}

{{% alert title="注意" color="primary" %}}
Docsy 的提示。
{{% /alert %}}

{{< admonition type=example title="LoveIt 的例子" open=false >}}
折起来的例子。
{{< /admonition >}}

{{< admonition bug >}}
默认展开。
{{< /admonition >}}
"""


def test_hugo_note_box_shortcodes_are_admonitions(tmp_path):
    result = build_site(tmp_path, notes={"boxes.md": HUGO_BOXES}, strict=False)
    # A title is the note's text, sanitised as any.
    assert [w.split(" is not", 1)[0] for w in _warnings(result)] == ["seeds/boxes.md:9: <script>"], result.log
    html = body(result, "boxes")
    boxes = re.findall(
        r'<(?:div class="admonition |details class=")(\w+)"( open="open")?>\s*<(?:p|summary)[^>]*>([^<]*)',
        html,
    )
    assert [(kind, title, bool(opened)) for kind, opened, title in boxes] == [
        ("warning", "警告", False),  # no title: Relearn titles a notice by its style, in the site's language
        ("tip", "小技巧", False),  # the script removed with its code
        ("note", "展开看看", False),
        ("note", "注意", False),
        ("example", "LoveIt 的例子", False),
        ("bug", "缺陷", True),  # LoveIt's default title: the type's word
    ], html
    # Hugo Book's hint has no title bar: none here either, but the box is named for a screen reader.
    assert '<div aria-label="危险" class="admonition danger" role="note">\n<p id="p-' in html
    assert "<strong>Hugo</strong>" in html and "<script" not in html
    assert not re.search(r"\{\{[<%]", text_outside_code(html))


def test_an_unclosed_hugo_box_is_reported_once_where_it_opens(tmp_path):
    note = '+++\ntitle = "未关闭"\n+++\n\n{{% notice info %}}\n没有结尾。\n'
    result = build_site(tmp_path, notes={"a.md": note}, strict=False)
    assert _warnings(result) == [
        "seeds/a.md:5: {{% notice info %}}: the tag is never closed (no {{< /notice >}} after it): "
        "shown as written"
    ]


def test_hugo_figure_from_the_site_root_is_found_in_static(tmp_path):
    note = '+++\ntitle = "图"\n+++\n\n{{< figure src="/img/shelf.png" alt="书架" >}}\n'
    result = build_site(tmp_path, notes={"blog/content/posts/a.md": note, "blog/static/img/shelf.png": PNG})
    assert result.ok and result.warnings == [], result.log
    html = body(result, "blog-content-posts-a")
    assert re.search(r'<img alt="书架"[^>]* src="[^"]*/static/img/shelf\.png"', html), html


# --------------------------------------------------------------------------- Liquid values


def test_liquid_values_are_labelled_and_reported_paths_from_the_site_root_kept(tmp_path):
    note = (
        "---\nlayout: post\ntitle: 变量\n---\n\n"
        "本站：{{ site.title }}，作者：{{ page.author | upcase }}，网址：{{ site.url }}。\n\n"
        "[第二篇]({{ site.baseurl }}/2022/06/01/second.html)，"
        '![图标]({{ "/assets/icon.png" | relative_url }})\n'
    )
    second = "---\nlayout: post\ntitle: 第二篇\n---\n\n正文。\n"
    hugo = '+++\ntitle = "Hugo"\n+++\n\n模板里写 {{ site.title }} 的方法。\n'
    result = build_site(
        tmp_path,
        notes={
            "_posts/2022-05-01-a.md": note,
            "_posts/2022-06-01-second.md": second,
            "assets/icon.png": PNG,
            "hugo.md": hugo,
        },
        strict=False,
    )
    assert _warnings(result) == [
        f"seeds/_posts/2022-05-01-a.md:6: {value}: a Liquid value of the author's old site, which this "
        "site does not have: shown as written, labelled; write the value itself"
        for value in ("{{ site.title }}", "{{ page.author | upcase }}", "{{ site.url }}")
    ], result.log
    html = body(result, "posts-2022-05-01-a")
    assert html.count('class="zd-unknown-tag"') == 3 and "<code>{{ site.title }}</code>" in html
    assert '<a href="../posts-2022-06-01-second/">第二篇</a>' in html
    assert re.search(r'<img alt="图标"[^>]* src="[^"]*/assets/icon\.png"', html), html
    # Hugo shows {{ }} in a note's text as written: text, not a value.
    assert "模板里写 {{ site.title }} 的方法" in body(result, "hugo")


# --------------------------------------------------------------------------- Obsidian


def test_obsidian_inline_footnotes_are_footnotes_numbered_as_cited(tmp_path):
    note = (
        "---\ntags: [脚注]\n---\n\n"
        "行内脚注^[出自[[b|乙]]的讲座。]，普通脚注[^1]，再一个^[第三条。]。\n\n"
        "写作 `^[代码]` 不是脚注。\n\n[^1]: 普通脚注的内容。\n"
    )
    result = build_site(tmp_path, notes={"a.md": note, "b.md": "---\ntitle: 乙\n---\n\n正文。\n"})
    assert result.ok and result.warnings == [], result.log
    html = body(result, "a")
    cited = re.findall(r'<a class="footnote-ref" href="#fn:([^"]+)">(\d+)</a>', html)
    assert cited == [("zd-inline-1", "1"), ("1", "2"), ("zd-inline-2", "3")], html
    notes = html[html.index('<div class="footnote">') :]
    assert re.findall(r'<li[^>]* id="fn:([^"]+)"', notes) == ["zd-inline-1", "1", "zd-inline-2"]
    assert '出自<a href="../b/">乙</a>的讲座。' in notes
    assert "<code>^[代码]</code>" in html and "^[" not in text_outside_code(html)


def test_a_first_heading_that_is_the_title_is_not_shown_twice(tmp_path):
    # Obsidian names a note by its file and has no title field: the first "# heading" is the title.
    note = "---\ntags: [读书]\ncreated: 2024-03-02\n---\n# 读书方法\n\n精读一本书。\n\n# 第二个一级标题\n\n正文。\n"
    result = build_site(tmp_path, notes={"读书方法.md": note})
    assert result.ok and result.warnings == [], result.log
    page = next((result.site_dir / "zh-Hans" / "notes").glob("*/index.html")).read_text("utf-8")
    html = page[page.index('<div class="zd-note__body">') : page.index("</article>")]
    assert "读书方法" in page[: page.index('<div class="zd-note__body">')]  # the page's header
    assert "读书方法" not in html and "第二个一级标题</h" in html, html


def test_a_hash_without_a_space_is_text_not_a_heading(tmp_path):
    # CommonMark (Obsidian, Hexo, Hugo, Jekyll's GFM) needs a space after "#"; Python-Markdown does not.
    note = (
        "---\ntitle: 标签行\n---\n\n#读书 #方法/精读\n\n正文。\n\n#1 不是标题\n\n> #引用里的标签\n\n"
        "- #列表里的标签\n\n##也不是标题\n\n## 这是标题\n\n```sh\n#!/bin/sh\n```\n"
    )
    result = build_site(tmp_path, notes={"a.md": note})
    assert result.ok and result.warnings == [], result.log
    html = body(result, "a")
    assert re.findall(r"<h\d[^>]*>([^<]*)</h\d>", html) == ["这是标题"], html
    for text in ("#读书 #方法/精读", "#1 不是标题", "#引用里的标签", "#列表里的标签", "##也不是标题"):
        assert f">{text}</" in html, text
    assert "#!/bin/sh" in html and "\\#" not in html
