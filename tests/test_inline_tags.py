"""Obsidian's inline tags (hooks/zhudu/notes/inline_tags.py): ``#读书`` in an Obsidian note's text is one of its tags.

Obsidian notes only (a vault's ``.obsidian/``, the clipper's front matter, wikilinks); never a Hexo,
Jekyll or Hugo note's ``#1``, nor a ``#`` in code, a heading, a URL's fragment, an HTML attribute or a
reference definition, nor a colour's hex code.
"""

from __future__ import annotations

import re

from conftest import build_site
from zhudu.notes import dialects

BODY = (
    '#读书 #方法/笔记\n\n正文 #标签 和 `#代码`，<span style="color: #fff">白</span>，#1 与 #2024，颜色 #a0b1c2，'
    "网址 https://example.com/c#frag 和 [小节](#小节)。\n\n## 标题 #不算\n\n> #引用里的\n\n- #列表里\n\n"
    "[x]: #定义\n\n```\n#代码块\n```\n\n%% #评论 %%\n\n\\#转义的\n"
)


def tags_of(page: str) -> list[str]:
    return re.findall(r'<li class="zd-tag">([^<]*)</li>', page)


def test_an_obsidian_notes_inline_tags_are_its_tags_and_other_tools_text_is_not(tmp_path):
    notes = {
        "vault/.obsidian/app.json": "{}",
        "vault/v.md": "---\ntitle: 库里\ntags: [已有]\n---\n\n" + BODY,
        "clip.md": "---\ntitle: 剪藏\ncreated: 2024-01-01\n---\n\n剪下来的 #剪藏\n",
        "wiki.md": "---\ntitle: 双链\n---\n\n见 [[剪藏]]。 #双链\n",
        "hexo.md": "---\ntitle: 博客\nupdated: 2024-01-01\n---\n\n第 #1 条，#标签 不算，见 [[剪藏]]。\n",
        "plain.md": "---\ntitle: 普通\n---\n\n没有双链的 #普通 笔记。\n",
    }
    result = build_site(tmp_path / "p", notes=notes, strict=False)
    assert result.ok, result.log
    vault = tags_of(result.page("zh-Hans/notes/vault-v/index.html"))
    assert vault == ["已有", "读书", "方法/笔记", "标签", "引用里的", "列表里"]
    assert tags_of(result.page("zh-Hans/notes/clip/index.html")) == ["剪藏"]
    assert tags_of(result.page("zh-Hans/notes/wiki/index.html")) == ["双链"]
    assert tags_of(result.page("zh-Hans/notes/hexo/index.html")) == []
    assert tags_of(result.page("zh-Hans/notes/plain/index.html")) == []
    # Converted in each variant like the front matter's tags.
    assert "讀書" in tags_of(result.page("zh-Hant-TW/notes/vault-v/index.html"))
    # The text still shows them as written.
    assert "正文 #标签 和" in result.page("zh-Hans/notes/vault-v/index.html")


def test_a_tag_is_read_where_obsidian_reads_one(tmp_path):
    def tags(text: str) -> list[str]:
        return dialects.rewrite(
            text, first_line=1, note_dir=tmp_path, note_name="x", dialect="obsidian-clipper"
        ).tags

    assert tags("#读书，#写作 和 中文#不算 与 a#b， #x_1 #-") == ["读书", "x_1"]
    assert tags("> [!note] 标题 #标注\n> 正文 #标注里\n") == ["标注", "标注里"]
    assert tags("脚注^[里面的 #脚注标签]。\n") == ["脚注标签"]
    assert tags("$a #b$ 与 <!-- #注释 --> 和 `#c`\n") == []
    assert tags("#fff #abc #cafe12 #face #fffg\n") == ["fffg"]
