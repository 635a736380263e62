"""An inline tag the author left open is closed where its paragraph ends, and named at its line (session 36).

``这是<em>强调的开头`` with no ``</em>``: the ``</em>`` came after the note's last paragraph, and a browser
opened the ``<em>`` again in every paragraph between (the HTML parser's active formatting elements):
the rest of the note was italic, bold, a link.  Now each is closed at the end of its paragraph, list
item, heading, table cell, footnote or box, with a warning naming the line, and ``--strict`` fails.
And the author's raw ``<em>`` gets the emphasis dots Markdown's ``*…*`` gets.  Fails with main's
``notes/safety.py`` (no ``open_inline``) and ``annotate/emphasis.py``.  Real MkDocs, Material, OpenCC.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from test_serve_incremental import served  # noqa: F401  (a fixture)

from conftest import build_site, mkdocs_build_cli

FORMATTING = ", or a browser would carry it into the paragraphs after"


def warning(name: str, tag: str, line: int, carried: bool = True) -> str:
    return (
        f"zhudu: seeds/{name}.md:{line}: <{tag}> is never closed: closed where its paragraph ends"
        f"{FORMATTING if carried else ''}; close the <{tag}> on line {line}"
    )


#: Each note: where the tag is left open (its line is 5 or as given), then two paragraphs after it.
CASES = {
    "para": ("这是<em>强调的开头", "em", 5),
    "item": ("- 项目<b>加粗的开头\n- 第二项", "b", 5),
    "heading": ('## 标题<a href="https://example.org/">链接', "a", 5),
    "cell": ("| 甲 | 乙 |\n|---|---|\n| 格<u>下划线 | 丙 |", "u", 7),
    "footnote": ("正文[^1]。\n\n[^1]: 脚注<code>代码", "code", 7),
    "box": ('!!! note "注"\n\n    框里<i>斜体的开头', "i", 7),
    "quote": ("> 引用<s>删除线的开头\n> 第二行。", "s", 5),
    "sup": ("这是<sup>上标的开头", "sup", 5),
    # attr_list reads its {…} at the paragraph's (heading's) end, where the tag is closed: after it.
    "attr": ("这是<b>粗体的开头\n{: .mine }", "b", 5),
    "heading-id": ("## 小节<i>斜体 { #sec }", "i", 5),
}
AFTER = "\n\n下一段是正常的文字。\n\n最后一段也是。\n"


def note(body: str) -> str:
    return f"---\ntitle: 没关上\n---\n\n{body}{AFTER}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Any:
    notes = {f"{name}.md": note(body) for name, (body, _, _) in CASES.items()}
    notes["fine.md"] = note('这是<em>强调</em>，<b>粗体</b>，<a href="https://example.org/">链接</a>。')
    # A correct <em> before the one left open, and one in code: the warning names the open one's line.
    notes["later.md"] = note(
        "前面<em>正确</em>的。\n\n`<em>` 是代码。\n\n这一段<em>没有关上。\n\n又<em>对</em>了。"
    )
    result = build_site(tmp_path_factory.mktemp("open-inline"), notes=notes, strict=False)
    assert result.ok, result.log
    return result


def test_an_inline_tag_left_open_is_warned_of_at_its_line(built: Any) -> None:
    expected = [warning(name, tag, line, carried=tag != "sup") for name, (_, tag, line) in CASES.items()] + [
        warning("later", "em", 9)
    ]
    assert sorted(built.warnings) == sorted(expected)


#: Each case's HTML as published (Simplified), the tag closed where its paragraph (item, cell …) ends.
CLOSED = {
    "para": r"<p[^>]*>这是<em><zd-h>强调的开头</zd-h></em></p>",
    "item": r"<li[^>]*>项目<b>加粗的开头</b></li>",
    "heading": r'<h2 id="[^"]*">标题<a href="https://example.org/"[^>]*>链接</a></h2>',
    "cell": r"<td>格<u>下划线</u></td>",
    "footnote": r'<p>脚注<code>代码&#160;</code><a class="footnote-backref"',  # the link back is not code
    "box": r"<p[^>]*>框里<i>斜体的开头</i></p>",
    "quote": r"<p>引用<s>删除线的开头\n第二行。</s></p>",
    "sup": r"<p[^>]*>这是<sup>上标的开头</sup></p>",
    "attr": r'<p class="mine"[^>]*>这是<b>粗体的开头</b></p>',
    "heading-id": r'<h2 id="sec">小节<i>斜体</i>',
}


def test_it_is_closed_where_its_paragraph_ends_and_nothing_after_is_in_it(built: Any) -> None:
    for name, (_, tag, _) in CASES.items():
        page = built.page(f"zh-Hans/notes/{name}/index.html")
        assert re.search(CLOSED[name], page), (name, page)
        for variant in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
            page = built.page(f"{variant}/notes/{name}/index.html")
            body = page[page.index('class="zd-note__body"') :]
            # The paragraphs after it in none: every start tag of the name before them has its end tag.
            before = body[: body.index("下一段是正常的文字。")]
            assert len(re.findall(rf"<{tag}[\s>]", before)) == before.count(f"</{tag}>"), (name, variant)
            assert re.search(r"<p[^>]*>下一段是正常的文字。</p>", body), (name, variant)


def test_a_note_whose_inline_tags_are_closed_says_nothing_and_keeps_them(built: Any) -> None:
    page = built.page("zh-Hans/notes/fine/index.html")
    assert "<em><zd-h>强调</zd-h></em>，<b>粗体</b>，<a" in page
    assert not [w for w in built.warnings if "fine.md" in w]


NOTE_OF_RAW_EMPHASIS = """---
title: 原样的强调
---

一 <em>开源软件</em>，二 <em>Python 很好</em>，三 <em>甲[乙](https://example.org/)丙</em>，四 *<em>双</em>重*。

五 <em>头发<code>代码</code>很长</em>，六 <EM class="x">大写</EM>，七 <em>U盘</em>。
"""


def test_the_authors_raw_em_gets_the_emphasis_dots_markdown_emphasis_gets(site_builder: Any) -> None:
    result = site_builder(notes={"a.md": NOTE_OF_RAW_EMPHASIS})
    assert result.ok, result.log
    page = result.page("zh-Hans/notes/a/index.html")
    assert "一 <em><zd-h>开源软件</zd-h></em>" in page
    assert "二 <em>Python <zd-h>很好</zd-h></em>" in page  # the Latin keeps its italic
    assert re.search(r"三 <em><zd-h>甲</zd-h><a [^>]*><zd-h>乙</zd-h></a><zd-h>丙</zd-h></em>", page), page
    assert "四 <em><em><zd-h>双</zd-h></em><zd-h>重</zd-h></em>" in page
    assert "五 <em><zd-h>头发</zd-h><code>代码</code><zd-h>很长</zd-h></em>" in page  # code keeps its face
    assert '六 <em class="x"><zd-h>大写</zd-h></em>' in page.replace("<EM", "<em").replace("</EM>", "</em>")
    assert "七 <em><zd-h>U盘</zd-h></em>" in page
    # Converted through the wrapper as Markdown's emphasis is: 头发 is 頭髮, U盘 隨身碟 in Taiwan.
    taiwan = result.page("zh-Hant-TW/notes/a/index.html")
    assert "五 <em><zd-h>頭髮</zd-h><code>代码</code><zd-h>很長</zd-h></em>" in taiwan
    assert "七 <em><zd-h>隨身碟</zd-h></em>" in taiwan


def test_strict_build_fails_on_it_without_a_traceback_and_seeds_are_untouched(tmp_path: Path) -> None:
    result = build_site(tmp_path, notes={"para.md": note(CASES["para"][0])}, strict=True)
    assert not result.ok
    seeds = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (tmp_path / "seeds").rglob("*")}
    run = mkdocs_build_cli(tmp_path)
    assert run.returncode != 0
    assert warning("para", "em", 5) in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (tmp_path / "seeds").rglob("*")} == seeds


@pytest.mark.slow  # runs a server: collected first (conftest)
def test_serve_names_it_on_render_and_on_reuse_and_keeps_serving(served: Any) -> None:  # noqa: F811
    root, server, compare, _url = served
    seeds = root / "seeds"
    assert compare() == [], "the first build"
    at = len(server.lines)
    assert compare(lambda: (seeds / "zz.md").write_text(note(CASES["para"][0]), encoding="utf-8")) == []
    expected = warning("zz", "em", 5).removeprefix("zhudu: ")
    assert sum(expected in line for line in server.lines[at:]) == 1
    at = len(server.lines)
    other = "---\ntitle: 另一篇\n---\n\n另一篇正文。\n"
    assert compare(lambda: (seeds / "other.md").write_text(other, encoding="utf-8")) == []
    assert sum(expected in line for line in server.lines[at:]) == 1  # replayed from the kept render
    page = next(p for p in server.site_dir().rglob("zz/index.html") if "/zh-Hans/" in str(p))
    assert re.search(r"这是<em><zd-h>强调的开头</zd-h></em></p>", page.read_text(encoding="utf-8"))
