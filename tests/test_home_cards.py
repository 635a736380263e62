"""The home page's card line: date, authors and reading time, a separator only between two of them."""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

import markdown
import pytest

from conftest import REPO

NOTES = {
    "dated.md": "---\ntitle: 有日期有作者\ndate: 2024-05-01\nauthor: 张三\n---\n\n正文一段，讲的是日期和作者都在的情形。\n",
    "bare.md": "---\ntitle: 没有日期也没有作者\n---\n\n正文一段，讲的是日期和作者都不在的情形。\n",
    "author-only.md": "---\ntitle: 只有作者\nauthor: 李四\n---\n\n正文一段，讲的是只有作者的情形。\n",
}


def _card_lines(page: str) -> dict[str, str]:
    """Each card's title → its meta line as a reader sees it (tags removed, spaces collapsed)."""
    cards = re.findall(r'<li class="zd-card" id="[^"]+">(.*?)</li>', page, flags=re.S)
    lines = {}
    for card in cards:
        title = re.search(r'class="zd-card__title"><a [^>]*>(.*?)</a>', card, flags=re.S).group(1)
        meta = re.search(r'<p class="zd-card__meta">(.*?)</p>', card, flags=re.S).group(1)
        lines[html.unescape(title)] = " ".join(html.unescape(re.sub(r"<[^>]+>", "", meta)).split())
    return lines


def test_a_card_line_never_starts_or_doubles_a_separator(site_builder) -> None:
    result = site_builder(notes=NOTES, strict=False)
    assert result.ok, result.log
    lines = _card_lines(result.page("zh-Hans/index.html"))
    assert lines["没有日期也没有作者"] == "约 1 分钟"
    assert lines["只有作者"] == "李四 · 约 1 分钟"
    assert re.fullmatch(r"\S.* · 张三 · 约 1 分钟", lines["有日期有作者"]), lines
    for line in lines.values():
        assert not line.startswith("·") and "· ·" not in line


#: Reference links of the Hexo documentation's shape: the definitions at the end of the note.
REFERENCE_NOTE = """---
title: 事件
---

Hexo 继承了 [EventEmitter][]，用 [hexo-server][server] 或 [hexo-server] 启动服务器，看 ![示意图][fig]，[没有定义][] 照写。

[EventEmitter]: https://nodejs.org/api/events.html
[Server]: https://github.com/hexojs/hexo-server
[hexo-server]: https://github.com/hexojs/hexo-server
[fig]: https://example.com/fig.png
"""


def test_a_summary_shows_reference_links_as_their_text(site_builder) -> None:
    """Cards, <meta name=description> and og:description showed `[EventEmitter][]` (the Hexo documentation)."""
    result = site_builder(notes={"events.md": REFERENCE_NOTE}, strict=False)
    assert result.ok, result.log
    expected = (
        "Hexo 继承了 EventEmitter，用 hexo-server 或 hexo-server 启动服务器，看 示意图，[没有定义][] 照写。"
    )
    home = result.page("zh-Hans/index.html")
    summary = re.search(r'<p class="zd-card__summary">(.*?)</p>', home, flags=re.S).group(1)
    assert html.unescape(summary) == expected
    note = result.page("zh-Hans/notes/events/index.html")
    for name in ('name="description"', 'property="og:description"'):
        content = re.search(rf"<meta {name} content=\"([^\"]*)\"", note).group(1)
        assert html.unescape(content) == expected, name


FOOTNOTE_NOTE = """---
title: 脚注
---

他说“先试试”，结果 <b>不错</b> & 很快[^1]。

[^1]: 这是脚注，不该出现在摘要里。
"""


def test_a_summary_has_no_footnote_and_is_escaped_once(site_builder) -> None:
    """A footnote read as a reference link showed 「^1」, and og:description was escaped twice (&amp;quot;)
    while <meta name=description> was right (session 30's review)."""
    result = site_builder(notes={"foot.md": FOOTNOTE_NOTE})
    assert result.ok, result.log
    note = result.page("zh-Hans/notes/foot/index.html")
    for name in ('name="description"', 'property="og:description"'):
        content = re.search(rf"<meta {name} content=\"([^\"]*)\"", note).group(1)
        assert html.unescape(content) == "他说“先试试”，结果 不错 & 很快。", (name, content)
    home = result.page("zh-Hans/index.html")
    assert "^1" not in home and "这是脚注" not in home


#: The Hexo documentation's openings (api-console, api-injector, docs-variables, docs-configuration,
#: api-posts): an embedded video, a table, code, a Hexo note box, a sentence said again in a later section.
PROSE_NOTE = """---
title: 注入器
---

{% youtube T9oAax-IRw0 %}

注入器把代码片段注入 HTML 的 `<head>` 和/或 `<body>` 中。

| 参数 | 描述 |
| --------- | -- |
| `name` | 名称 |
| `desc` | 描述 |

```js
// 这一行注释是代码，不是摘要的句子
hexo.extend.injector.register(entry, value, to);
```

{% note info 网站存放在子目录 %}
网站在子目录中时，请改 url。
{% endnote %}

## 另一节

注入器把代码片段注入 HTML 的 `<head>` 和/或 `<body>` 中。 这一节讲注入的顺序。
"""


def test_a_summary_is_the_notes_prose_not_its_tables_code_or_embeds(site_builder) -> None:
    """Cards and descriptions showed a table's cells and delimiter row (「参数 描述 --------- -- name
    名称」), the embed's label (「嵌入内容（外部链接）：」), dropped inline code in angle brackets (「HTML 的
    和/或 中」), the admonition line a Hexo note box becomes (「!!! info "…"」) and said a repeated
    sentence twice: 14 of the 45 Hexo notes (session 31's review)."""
    result = site_builder(notes={"injector.md": PROSE_NOTE}, strict=False)
    assert result.ok, result.log
    expected = {
        "zh-Hans": "注入器把代码片段注入 HTML 的 <head> 和/或 <body> 中。网站在子目录中时，请改 url。"
        "这一节讲注入的顺序。",
        "zh-Hant-TW": "注入器把程式碼片段注入 HTML 的 <head> 和/或 <body> 中。網站在子目錄中時，請改 url。"
        "這一節講注入的順序。",
    }
    for variant, text in expected.items():
        home = result.page(f"{variant}/index.html")
        summary = re.search(r'<p class="zd-card__summary">(.*?)</p>', home, flags=re.S).group(1)
        assert "&lt;head&gt;" in summary  # the code's text, escaped
        assert html.unescape(summary) == text, variant
        note = result.page(f"{variant}/notes/injector/index.html")
        for name in ('name="description"', 'property="og:description"'):
            content = re.search(rf"<meta {name} content=\"([^\"]*)\"", note).group(1)
            assert html.unescape(content) == text, (variant, name)


ESCAPES_NOTE = """---
title: 转义
---

先读 [[甲篇#第二节]]，再读 [[甲_篇]]；A &amp; B，\\*不是强调\\*，代码 `**/*.md` 与 `a &amp; b` 照写，`#!python print(1)` 亦然。
"""


def test_a_summary_shows_characters_not_their_escapes(site_builder) -> None:
    """A wikilink to a heading made the card read 「甲篇 &gt; 第二节」 (the description 「&amp;gt;」), an entity
    the author wrote 「&amp;」, an escaped star 「\\不是强调\\」 and code lost its stars (session 31's review);
    inlinehilite's language prefix showed (「#!python print(1)」, session 39's review)."""
    notes = {"esc.md": ESCAPES_NOTE, "甲篇.md": "# 甲篇\n\n## 第二节\n\n正文。\n", "甲_篇.md": "正文。\n"}
    result = site_builder(notes=notes, strict=False)
    assert result.ok, result.log
    expected = (
        "先读 甲篇 > 第二节，再读 甲_篇；A & B，*不是强调*，代码 **/*.md 与 a &amp; b 照写，print(1) 亦然。"
    )
    home = result.page("zh-Hans/index.html")
    summary = re.search(
        r'<li class="zd-card" id="zd-card-esc">.*?<p class="zd-card__summary">(.*?)</p>', home, re.S
    )
    assert html.unescape(summary.group(1)) == expected
    note = result.page("zh-Hans/notes/esc/index.html")
    for name in ('name="description"', 'property="og:description"'):
        content = re.search(rf"<meta {name} content=\"([^\"]*)\"", note).group(1)
        assert html.unescape(content) == expected, name


SPACED_NOTE = """---
title: 控制台
---

控制台是 Hexo 与开发者之间沟通的桥梁。 它注册并描述了可用的控制台指令，  args 参数会被传递到 function 中。
这是使用者输入终端的参数： 它由 Minimist 解析。 English. Stays spaced.
"""


def test_a_summary_has_no_space_after_a_full_width_mark(site_builder) -> None:
    """「桥梁。 它注册」: the Hexo translators put a space after 「。」, whose square already holds its space, and
    the card showed a gap in the sentence on every phone (session 35's phone pass).  A space after a Latin full
    stop is the sentence's and stays."""
    result = site_builder(notes={"console.md": SPACED_NOTE}, strict=False)
    assert result.ok, result.log
    expected = (
        "控制台是 Hexo 与开发者之间沟通的桥梁。它注册并描述了可用的控制台指令，args 参数会被传递到 function 中。"
        "这是使用者输入终端的参数：它由 Minimist 解析。English. Stays spaced."
    )
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        shown = html.unescape(summary_of(result, code))
        assert not re.search(r"[，。：] ", shown), (code, shown)
    assert html.unescape(summary_of(result, "zh-Hans")) == expected


def test_a_summary_parts_a_list_from_the_paragraph_after_it() -> None:
    """A list's last item 「甲：一台伺服器」 and the paragraph after it read 「…一台伺服器步驟：開啟設定」 on the card
    (rv28): blocks are parted by a space where the first ends without a full-width mark, joined where it ends with one."""
    from zhudu.notes.summary import summary_of as summary

    note = "准备如下两样东西就够了：\n\n- 甲：一台伺服器\n- 乙：一个可以登录的账号\n\n步骤：开启设置，然后保存。\n"
    assert (
        summary(note, 120)
        == "准备如下两样东西就够了：甲：一台伺服器 乙：一个可以登录的账号 步骤：开启设置，然后保存。"
    )
    two = "第一段写得很长，足足有八个汉字。\n\n第二段写得也很长，足足有八个汉字\n\n第三段写得也很长，足足有八个汉字。\n"
    assert (
        summary(two, 120)
        == "第一段写得很长，足足有八个汉字。第二段写得也很长，足足有八个汉字 第三段写得也很长，足足有八个汉字。"
    )


def summary_of(result, code: str) -> str:
    """The home card's summary of the note ``console`` in variant ``code``."""
    home = result.page(f"{code}/index.html")
    return re.search(r'id="zd-card-console">.*?<p class="zd-card__summary">(.*?)</p>', home, re.S).group(1)


def test_a_summary_reads_underscore_emphasis_as_the_page_does() -> None:
    """The Hexo documentation's 「_标签插件不应该被包裹在 Markdown 语法中，…_」 (an italic sentence) showed its
    underscores on the card (session 44's review, rv22); a word's own underscores stay (smart emphasis)."""
    from zhudu.notes.summary import summary_of as summary

    hexo = (
        "{% youtube I07XMi7MHd4 %}\n\n_标签插件不应该被包裹在 Markdown 语法中，例如： "
        "`[]({% post_path lorem-ipsum %})` 是不被支持的。_\n\n## 引用块\n"
    )
    assert (
        summary(hexo, 120)
        == "标签插件不应该被包裹在 Markdown 语法中，例如：[]({% post_path lorem-ipsum %}) 是不被支持的。"
    )
    words = "先读 snake_case_name 与 甲_乙_丙，再看 __粗体的字__ 和 ___两者都有___，以及 `_config.yml` 的 _posts_ 目录。\n"
    assert (
        summary(words, 200)
        == "先读 snake_case_name 与 甲_乙_丙，再看 粗体的字 和 两者都有，以及 _config.yml 的 posts 目录。"
    )
    # A paragraph of openers never closed is read in one pass (a regular expression's was 2 minutes).
    started = time.process_time()
    summary(" _甲" * 40000, 120)
    assert time.process_time() - started < 0.5


def test_a_summary_of_a_long_paragraph_of_unclosed_emphasis_takes_no_longer_than_its_length() -> None:
    """Python-Markdown read `` _a_`` 25,000 times (100 KB) in 2.3 s, 100,000 times in far more (rx45): a summary
    reads a paragraph's head; an emphasis the summary shows is still read as the page reads it."""
    from zhudu.notes.summary import summary_of as summary

    started = time.process_time()
    summary(" _甲_" * 100_000, 120)
    assert time.process_time() - started < 0.5
    long = "开头有 _强调的话_ 和 __粗体__，" + "后面是很长的一段正文，" * 1000 + "末尾 _斜体_。"
    assert summary(long, 120).startswith("开头有 强调的话 和 粗体，后面是很长的一段正文，")


def test_a_note_of_unclosed_emphasis_is_read_in_the_time_its_length_takes(tmp_path: Path) -> None:
    """Its reading time's text read every paragraph for emphasis it does not need: `` _甲_`` 25,000 times took 6.3 s
    (rx45); its description is still the page's words."""
    from zhudu.notes import corpus

    note = tmp_path / "下划线.md"
    note.write_text("---\ntitle: 下划线\n---\n\n" + " _甲_" * 25_000 + "\n", encoding="utf-8")
    started = time.process_time()
    read = corpus.read_note(
        note,
        "seeds/下划线.md",
        settings=corpus.NoteSettings(),
        image_url=lambda src, _: src,
        detect_script=lambda _: "Hans",
        root=tmp_path,
    )
    assert time.process_time() - started < 1.0
    assert read.meta.description.startswith("甲 甲 甲"), read.meta.description


#: Underscores as notes write them: a Hexo file name beside emphasis, emphasis nested either way, runs of two and
#: three, a word's own underscores, an unclosed opener, emphasis across a line break, a code span beside one.
UNDERSCORES = {
    "hexo-config": "把 _config.yml 的 theme 改为 _landscape_ 主题",
    "strong-holding-em": "__重要 _提示_ 内容__",
    "nested-either-way": "_外 __内__ 外_ 与 __外 _内_ 外__",
    "runs-of-three": "___三个___ 和 ___先粗_ 后斜__ 和 ___先斜__ 后粗_",
    "inner-pairs-first": "_a _b_ c_ 与 __a _b__ c_",
    "file-names": "编辑 _config.yml 和 _config.landscape.yml，再看 _posts_ 与 _drafts 目录",
    "words-own": "snake_case_name 与 甲_乙_丙 与 _前_后_",
    "line-break-and-code": "_跨 the\nline 行_ 和 `_code_` 旁的 _词_",
    "unclosed": "__未闭合 与 _也未闭合",
}


@pytest.mark.parametrize("paragraph", UNDERSCORES.values(), ids=UNDERSCORES.keys())
def test_a_summary_has_the_emphasised_words_the_page_shows(paragraph: str) -> None:
    """The card and ``<meta name="description">`` paired a later ``_x_`` with the first opener before it:
    「把 config.yml 的 theme 改为 _landscape 主题」, and an outer ``__…__`` was kept after an inner pair (rv25).
    Compared with the paragraph's text as Python-Markdown renders it with the site's extensions."""
    from mkdocs.config import load_config

    from zhudu.notes.summary import summary_of as summary

    config = load_config(config_file=str(REPO / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    sentence = paragraph + "，这一句写得足够长，好让摘要收下整段。"
    page = re.fullmatch(r"<p>(.*)</p>", md.convert(sentence), re.S).group(1)
    shown = " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())
    assert summary(sentence, 400) == shown
