"""Other tools' body syntax (Obsidian, Hexo, Hugo, Jekyll) in real builds, and placeholder titles.

``tests/fixtures/dialects/`` holds one note per dialect with every construct ``zhudu.dialects``
rewrites (and the images they show); the build is MkDocs' and Material's own.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from conftest import REPO, build_site
from zhudu.notes.corpus import looks_like_placeholder

FIXTURES = REPO / "tests" / "fixtures" / "dialects"
NOTES = ("obsidian", "hexo", "hugo", "jekyll")
#: Syntax of the dialects that must not reach a page as text (outside code).
LEFTOVER_RE = re.compile(r"\[\[|\{%|\{\{<|\{\{%|\[![A-Za-z]+\]|==|%%")


def _fixture_notes() -> dict[str, str | bytes]:
    notes: dict[str, str | bytes] = {}
    for path in sorted(FIXTURES.rglob("*")):
        if path.is_file():
            name = path.relative_to(FIXTURES).as_posix()
            notes[name] = path.read_bytes() if path.suffix == ".png" else path.read_text(encoding="utf-8")
    return notes


@pytest.fixture(scope="module")
def dialects(tmp_path_factory):
    """The four fixture notes, built (not strictly: some constructs are reported on purpose)."""
    result = build_site(tmp_path_factory.mktemp("dialects"), notes=_fixture_notes(), strict=False)
    assert result.ok, result.log
    return result


def body(result, note: str) -> str:
    """The rendered body of a note page (between the note's header and its end)."""
    page = result.page(f"zh-Hans/notes/{note}/index.html")
    start = page.index('<div class="zd-note__body">')
    return page[start : page.index("</article>", start)]


class _TextOutsideCode(HTMLParser):
    """The text of a page's note body that is not inside code."""

    def __init__(self) -> None:
        super().__init__()
        self.code = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.code += tag in ("code", "pre")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "pre"):
            self.code = max(0, self.code - 1)

    def handle_data(self, data: str) -> None:
        if not self.code:
            self.parts.append(data)


class _Tags(HTMLParser):
    """Every start tag's name and attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.attrs.extend(attrs)


def text_outside_code(html: str) -> str:
    parser = _TextOutsideCode()
    parser.feed(html)
    return "\n".join(parser.parts)


# --------------------------------------------------------------------------- the whole build


def test_warnings_name_file_and_line_of_what_cannot_be_rendered(dialects):
    warnings = sorted(w.removeprefix("zhudu: ") for w in dialects.warnings)
    assert [w.split(": ", 1)[0] for w in warnings] == [
        "seeds/hexo.md:32",  # {% include_code %}: a file of the author's Hexo site
        "seeds/hugo.md:17",  # {{< mychart >}}: the author's own shortcode
        "seeds/jekyll.md:24",  # {% include footer.html %}
        "seeds/obsidian.md:15",  # ![[讲义.pdf]]: only images are published
        "seeds/obsidian.md:7",  # [[没有这篇笔记]]
    ], warnings
    assert "include_code" in warnings[0] and "mychart" in warnings[1] and "footer.html" in warnings[2]
    assert "讲义.pdf" in warnings[3] and "没有这篇笔记" in warnings[4]


@pytest.mark.parametrize("note", NOTES)
def test_no_dialect_syntax_is_left_as_text(dialects, note):
    text = text_outside_code(body(dialects, note))
    assert LEFTOVER_RE.findall(text) == [], text


def test_code_is_left_as_written(dialects):
    page = body(dialects, "obsidian").replace("<zd-g>", "").replace("</zd-g>", "")  # 高亮== kept on a line
    assert "<code>[[不是链接]]</code>" in page and "<code>==不是高亮==</code>" in page
    assert "<code>%%不是评论%%</code>" in page
    assert "[[代码里的链接]] ![[代码.png]] %%代码里的评论%% ==代码==" in page


# --------------------------------------------------------------------------- Obsidian


def test_obsidian_wikilinks_link_to_note_pages_or_show_a_dead_link(dialects):
    page = body(dialects, "obsidian")
    assert '<a href="../hexo/">Hexo 标签插件</a>' in page  # no text: the note's title
    assert '<a href="../hugo/">Hugo 的短代码</a>' in page  # [[hugo|text]]
    assert '<a href="../jekyll/#liquid-%E6%A0%87%E7%AD%BE">Jekyll 的 Liquid 标签</a>' in page  # a heading
    assert '<a href="../jekyll/#^quote-1">一段引用</a>' in page  # a block id
    assert '<a href="#小节二">小节二</a>' in page  # [[#heading]] on this page, as its id is written
    assert 'class="zd-deadlink" data-zd-target="没有这篇笔记">没有这篇笔记</span>' in page
    # The anchors they aim at exist.
    assert 'id="liquid-标签"' in body(dialects, "jekyll") and 'id="^quote-1"' in body(dialects, "jekyll")


def test_obsidian_embeds_images_through_the_image_checks(dialects):
    page = body(dialects, "obsidian")
    # Found by name anywhere in the notes folder, as Obsidian finds it; published beside the note.
    assert page.count('src="../../../media/obsidian/attachments/pasted%20image.png"') == 2
    assert (dialects.site_dir / "zh-Hans/media/obsidian/attachments/pasted image.png").is_file() or (
        dialects.site_dir / "media/obsidian/attachments/pasted image.png"
    ).is_file()
    assert 'alt="一张截图"' in page  # ![[file|alt|300]]: the size is not a description, it is the width
    assert page.count('width="300"') == 1 and '<img alt="一张截图"' in page
    assert '<span class="zd-note-embed__label">嵌入的笔记</span> <a href="../hugo/">Hugo 短代码</a>' in page
    assert '<span class="zd-unpublished__label">附件未发布</span> <code>讲义.pdf</code>' in page


def test_an_obsidian_image_size_is_its_width_and_height(tmp_path):
    picture = io.BytesIO()
    Image.new("RGB", (400, 200), (200, 80, 40)).save(picture, format="PNG")
    note = "---\ntitle: 尺寸\n---\n\n![[pic.png|120x60]]\n\n![[pic.png|图|90]]\n\n![[gone.png|100]]\n"
    result = build_site(tmp_path, notes={"a.md": note, "pic.png": picture.getvalue()}, strict=False)
    page = body(result, "a")
    assert re.search(
        r'<img alt="" decoding="async" height="60" loading="lazy" src="[^"]*pic\.png" width="120" />', page
    )
    # |90 is a width; the height follows the image's shape, so the page keeps its place while it loads.
    assert re.search(
        r'<img alt="图" decoding="async" height="45" loading="lazy" src="[^"]*pic\.png" width="90"', page
    )
    # A placeholder with no alt text: the build's words alone (not the size, nor the author's path).
    assert '<span class="zd-missing-image__label">图片缺失</span></span></p>' in page, page
    assert "gone.png" not in page, page


def test_obsidian_callouts_are_material_admonitions(dialects):
    page = body(dialects, "obsidian")
    assert '<div class="admonition note">\n<p class="admonition-title"' in page
    assert "提示的标题</p>" in page and "<mark>高亮</mark>" in page
    assert '<details class="tip">\n<summary>折叠的提示</summary>' in page  # [!tip]-: folded
    assert '<div class="admonition warning">\n<p class="admonition-title">警告</p>' in page  # untitled
    assert '<details class="question" open="open">\n<summary>展开的问题</summary>' in page  # [!faq]+


def test_obsidian_comments_are_published_nowhere(dialects):
    for path in dialects.site_dir.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".js"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "私下评论" not in text and "不应出现在页面上" not in text, path


def test_obsidian_block_ids_become_anchors(dialects):
    page = body(dialects, "obsidian")
    assert '带块标识的段落。 <span class="zd-block-anchor" id="^para-1"></span>' in page
    assert "^para-1</p>" not in page


# --------------------------------------------------------------------------- Markdown extensions


def test_footnotes_definition_lists_task_lists_and_math(dialects):
    page = body(dialects, "obsidian")
    assert '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>' in page
    assert '<div class="footnote">' in page and "脚注的内容。" in page
    assert "<dl>\n<dt>术语</dt>\n<dd>术语的定义。</dd>\n</dl>" in page
    assert '<input type="checkbox" disabled/>' in page  # the safety pass keeps the extension's markup
    assert '<input type="checkbox" disabled checked/>' in page
    # Typeset at build time as MathML (no script, no CDN), the TeX kept as its alttext.
    assert '行内公式 <math alttext="E=mc^2"><mrow><mi>E</mi><mo>=</mo>' in page
    assert (
        '<div class="zd-formula"><math display="block" alttext="\\int_0^1 x^2 \\, dx = \\frac{1}{3}">'
        "<mrow><msubsup><mo>∫</mo>" in page
    )
    assert "zd-math__label" not in page
    assert "mathjax" not in dialects.page("zh-Hans/notes/obsidian/index.html").lower()
    assert "katex" not in dialects.page("zh-Hans/notes/obsidian/index.html").lower()


# --------------------------------------------------------------------------- Hexo


def test_hexo_tag_plugins(dialects):
    page = body(dialects, "hexo")
    assert 'href="https://www.youtube.com/watch?v=HLJ9jJy7CMg"' in page and "zd-embed" in page
    assert "<iframe" not in page and 'href="https://example.com/embed"' in page
    assert '<a href="../obsidian/">Obsidian 的写法</a>' in page  # {% post_link %}: the post's title
    assert '<a href="../jekyll/">另一篇文章</a>' in page
    assert 'src="../../../media/hexo/hexo/cake.png" title="一块蛋糕"' in page  # the post's asset folder
    assert '<span class="filename">Array.map</span>' in page  # {% codeblock title lang:js url text %}
    # Highlighted as JavaScript (plain names carry no span: code_spans unwraps what no style colours).
    assert "array<z-p>.</z-p>map<z-p>(</z-p>callback" in page and ">MDN<" in page
    assert page.count('<blockquote class="zd-quote"') == 2
    assert "— <strong>David Levithan</strong>, <cite>Wide Awake</cite>" in page
    assert 'welcome-to-island-marketing.html" rel="noreferrer">Welcome to Island Marketing</a>' in page
    assert '<div class="admonition tip">' in page and "小提示</p>" in page  # {% note tip 小提示 %}
    assert '<a href="../hugo/">Hugo 短代码</a>' in page  # a tag inside a block tag
    assert "<code>{{ now() }}</code>" in page  # {% raw %} in inline code, as Hexo shows it
    assert '<span class="zd-unknown-tag__label">无法显示的模板标签</span>' in page


# --------------------------------------------------------------------------- Hugo


def test_hugo_shortcodes(dialects):
    page = body(dialects, "hugo")
    assert '<figure class="zd-figure">' in page and "<figcaption>一张图</figcaption>" in page
    assert re.search(r'<img alt="蓝色方块" [^>]*src="\.\./\.\./\.\./media/hugo/images/figure\.png"', page)
    assert '<a href="../obsidian/">那篇</a>' in page and '<a href="../hexo/">另一篇</a>' in page
    assert 'href="https://www.youtube.com/watch?v=w7Ft2ymGmfc"' in page
    assert 'class="linenos"' in page and '<span class="hll">' in page  # linenos, hl_lines
    assert "<code>{{&lt; mychart data=&quot;sales&quot; &gt;}}</code>" in page


# --------------------------------------------------------------------------- Jekyll


def test_jekyll_liquid_tags(dialects):
    page = body(dialects, "jekyll")
    assert ">{{ page.title }} 原样显示</p>" in page  # {% raw %}: shown literally
    assert '<a href="../hexo/">Hexo 那篇</a>' in page  # {% link _posts/hexo.md %}
    assert '<a href="../hugo/">Hugo 那篇</a>' in page  # {{ site.baseurl }}{% post_url hugo %}
    assert "作者在模板里的注释" not in page  # {% comment %}
    assert '<span class="k">def</span>' in page and 'class="linenos"' in page
    assert "<code>{% include footer.html %}</code>" in page


# --------------------------------------------------------------------------- values and links


def test_values_from_dialect_syntax_are_escaped_and_urls_checked(tmp_path):
    hostile = (
        "---\ntitle: 恶意的写法\n---\n\n"
        "[[<img src=x onerror=alert(1)>]]\n\n"
        "{% post_link good '<script>alert(1)</script>' %}\n\n"
        "{% iframe javascript:alert(1) %}\n\n"
        '{{< figure src="javascript:alert(1)" title="<b onclick=x>图</b>" >}}\n\n'
        "{% blockquote <i>作者</i> javascript:alert(1) 标题 %}\n引文\n{% endblockquote %}\n\n"
        "![[../../../../etc/passwd.png]]\n\n"
        "> [!note] <script>alert(2)</script>\n> 内容\n"
    )
    result = build_site(
        tmp_path,
        notes={"bad.md": hostile, "good.md": "---\ntitle: 好的\n---\n\n正文。\n"},
        strict=False,
    )
    assert result.ok, result.log
    page = body(result, "bad")
    tags = _Tags()
    tags.feed(page)
    assert "script" not in tags.names and "iframe" not in tags.names
    assert [a for a in tags.attrs if a[0].startswith("on") or "javascript:" in (a[1] or "")] == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the post_link's text, as text
    assert any("bad.md:" in w and "passwd.png" in w for w in result.warnings)  # refused: outside seeds/


def test_links_to_sibling_html_pages_resolve_or_warn(tmp_path):
    note = "---\ntitle: 链接\n---\n\n见 [`b`](b.html#小节)、[缺](missing.html) 与 [md](b.md)。\n"
    result = build_site(
        tmp_path,
        notes={"a.md": note, "b.md": "---\ntitle: 乙\n---\n\n## 小节\n\n正文。\n"},
        strict=False,
    )
    page = body(result, "a")
    assert '<a href="../b/#%E5%B0%8F%E8%8A%82"><code>b</code></a>' in page
    assert 'class="zd-deadlink" data-zd-target="missing.html">缺</span>' in page
    assert '<a href="../b/">md</a>' in page  # a note's file, by its name
    assert [w.split(": ", 2)[1] for w in result.warnings] == ["seeds/a.md:5"], result.warnings


def test_links_to_headings_of_the_same_page_find_the_heading(tmp_path):
    # As links to another note's headings: the Hexo documentation's ``[安装 Hexo](#安装-Hexo)``.
    note = (
        "---\ntitle: 同页\n---\n\n## 安装 Hexo\n\n### list_categories\n\n## Liquid 标签\n\n"
        "见 [安装](#安装-Hexo)、[列表](#list-categories)、[[#Liquid 标签]]、[已对](#list_categories)、"
        "[缺](#不存在) 和 `[码](#安装-Hexo)`。\n\n```\n[块](#安装-Hexo)\n```\n"
    )
    result = build_site(tmp_path, notes={"a.md": note}, strict=False)
    assert result.ok, result.log
    # No heading answers ``#不存在``: a warning at its line (MkDocs' own check says it at INFO only).
    assert [w.split(": ", 2)[1] for w in result.warnings] == ["seeds/a.md:11"], result.warnings
    page = body(result, "a")
    assert 'id="安装-hexo"' in page and 'id="list_categories"' in page and 'id="liquid-标签"' in page
    assert '<a href="#安装-hexo">安装</a>' in page  # as the id is written: MkDocs' anchor check finds it
    assert '<a href="#list_categories">列表</a>' in page and '<a href="#list_categories">已对</a>' in page
    assert '<a href="#liquid-标签">Liquid 标签</a>' in page  # [[#heading]]
    assert '<a href="#不存在">缺</a>' in page  # no heading answers: as written
    assert (
        "<code>[码](<zd-g>#安</zd-g>装-Hexo)</code>" in page and "[块](#安装-Hexo)" in page
    )  # code (#安 on one line)


def test_same_page_links_to_headings_with_code_and_underscores_are_left_working(tmp_path):
    # Ids as the table of contents makes them: a code span's text as written, "_" not in a pair kept.
    note = (
        "---\ntitle: 代码标题\n---\n\n## `__init__` 方法\n\n## `_config.yml`\n\n## a_b_\n\n## _斜体_ 标题\n\n"
        "见 [甲](#__init__-方法)、[乙](#_configyml)、[丙](#a_b_)、[丁](#斜体-标题)。\n"
    )
    result = build_site(tmp_path, notes={"a.md": note})
    assert result.ok and result.warnings == [], result.log
    assert not [line for line in result.log.splitlines() if "no such anchor" in line], result.log
    page = body(result, "a")
    for ident, text in (("__init__-方法", "甲"), ("_configyml", "乙"), ("a_b_", "丙"), ("斜体-标题", "丁")):
        assert f'id="{ident}"' in page and f'<a href="#{ident}">{text}</a>' in page, (ident, page)


def test_an_unclosed_comment_is_reported_where_it_opens(tmp_path):
    note = "---\ntitle: 评论\n---\n\n第一段。\n\n价格涨了 50%% 之后\n\n第三段。\n"
    result = build_site(tmp_path, notes={"a.md": note}, strict=False)
    assert "第三段" not in body(result, "a")  # hidden, as Obsidian hides it
    assert [w.split(": ", 2)[1] for w in result.warnings] == ["seeds/a.md:7"], result.warnings


def test_renderable_dialect_syntax_builds_strict_without_warnings(tmp_path):
    note = (
        "---\ntitle: 严格\n---\n\n"
        "[[b]] 与 ==高亮==[^1]。\n\n[^1]: 脚注。\n\n"
        "> [!tip] 提示\n> 内容 $x^2$\n\n- [x] 任务\n\n术语\n:   定义\n\n"
        "{% codeblock lang:python %}\nprint(1)\n{% endcodeblock %}\n\n{{< youtube abc >}}\n"
    )
    result = build_site(tmp_path, notes={"a.md": note, "b.md": "---\ntitle: 乙\n---\n\n正文。\n"})
    assert result.ok and result.warnings == [], result.log


# --------------------------------------------------------------------------- placeholder titles


@pytest.mark.parametrize(
    ("title", "placeholder"),
    [
        ("2023-03-23", True),
        ("20230323", True),
        ("2023年3月23日", True),
        ("002_b47107d45cc7a228", True),
        ("b47107d45cc7a228", True),
        ("1121tech", True),
        ("img_0042", True),
        ("002", True),
        ("Untitled", True),
        ("Untitled 2", True),
        ("未命名", True),
        ("docs-writing", True),
        ("my_note", True),
        # Real titles, in any language.
        ("Front-matter", False),
        ("Writing", False),
        ("Deployment", False),
        ("GitHub Pages", False),
        ("Web3", False),
        ("API", False),
        ("README", False),
        ("写作", False),
        ("標籤外掛（Tag Plugins）", False),
    ],
)
def test_placeholder_titles(title, placeholder):
    assert looks_like_placeholder(title) is placeholder


def test_only_placeholder_titles_are_reported(tmp_path):
    han = "这是一段中文正文，讲的是写作。\n"
    result = build_site(
        tmp_path,
        notes={
            "1121tech.md": f"---\nlayout: post\n---\n\n{han}",
            "writing.md": f"---\ntitle: Writing\n---\n\n{han}",
            "deploy.md": f"---\ntitle: Deployment\n---\n\n{han}",
        },
    )
    assert result.ok, result.log
    reported = [line for line in result.log.splitlines() if "looks like a placeholder" in line]
    assert len(reported) == 1 and "'1121tech'" in reported[0], reported


def test_fixture_notes_hold_every_construct():
    text = "\n".join(p.read_text(encoding="utf-8") for p in FIXTURES.glob("*.md"))
    for construct in (
        "[[", "![[", "> [!", "==", "%%", " ^para-1", "[^1]", "- [x]", ":   ", "$$",
        "{% post_link", "{% asset_img", "{% codeblock", "{% blockquote", "{% youtube", "{% iframe",
        "{% note", "{{< figure", "{{< ref", "{{< relref", "{{< youtube", "{{< highlight",
        "{% raw %}", "{% link", "{% post_url", "{% highlight", "{% comment %}",
    ):  # fmt: skip
        assert construct in text, construct
    assert Path(FIXTURES / "hexo" / "cake.png").is_file()


def test_a_hexo_quote_footer_shows_a_reference_as_its_character_and_links_a_han_host_encoded(tmp_path):
    """Hexo writes the attribution into its HTML as written: ``张三 &amp; 李四`` showed ``&amp;`` (escaped
    twice); the source link kept ``https://例子.中国/路径`` unencoded where a bare URL's is IDNA and
    percent-encoded (session 33)."""
    note = (
        "---\ntitle: 引\ndate: 2024-01-01\n---\n\n"
        "{% blockquote 张三 &amp; 李四 https://例子.中国/路径?a=1&amp;b=2 来源 &lt;一&gt; %}\n引文。\n{% endblockquote %}\n\n"
        "{% blockquote Tom &amp; Jerry, Cartoons %}\nQuoted.\n{% endblockquote %}\n"
    )
    result = build_site(tmp_path, notes={"q.md": note})
    assert result.ok and not result.warnings, result.log
    page = body(result, "q")
    footers = re.findall(r'<footer class="zd-quote__footer">(.*?)</footer>', page)
    assert footers == [
        '——<strong>张三 &amp; 李四</strong>，<cite class="zd-quote__source">'
        '<a href="https://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%E5%BE%84?a=1&amp;b=2" rel="noreferrer">'
        "来源 &lt;一&gt;</a></cite>",
        "— <strong>Tom &amp; Jerry</strong>, <cite>Cartoons</cite>",
    ], footers
