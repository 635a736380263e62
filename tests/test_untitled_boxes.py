"""A note box the author left untitled says what it is, in Chinese, in every variant.

Tools name an untitled box by its type: the reader of a Chinese site gets the type's word (警告, 提示,
常见问题), not the English type ("Faq") nor, where the tool draws no title bar, colour alone.
"""

from __future__ import annotations

import re

import pytest
from test_dialects import body

from conftest import build_site

NOTES = {
    "hexo.md": (
        "---\ntitle: 盒子\n---\n\n"
        "{% note warn %}\n当心这里。\n{% endnote %}\n\n"
        "{% note info 有标题的 %}\n带标题。\n{% endnote %}\n\n"
        "{% note info %}\n一条信息。\n{% endnote %}\n"
    ),
    "hugo.md": (
        '+++\ntitle = "短代码"\n+++\n\n'
        "{{% notice primary %}}\nRelearn 不给这种样式标题。\n{{% /notice %}}\n\n"
        '{{% alert color="warning" %}}\nDocsy 的提示。\n{{% /alert %}}\n\n'
        "{{< details >}}\n细节。\n{{< /details >}}\n"
    ),
    "obsidian.md": (
        "---\ntitle: 标注\n---\n\n"
        "> [!faq]\n> 问答。\n\n> [!IMPORTANT]\n> GitHub 的写法。\n\n> [!lol]\n> 作者自己的类型。\n"
    ),
}

LABELLED = re.compile(r'<div aria-label="([^"]*)" class="admonition (\w+)" role="note">\n<p id=')


@pytest.fixture(scope="module")
def boxes(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("boxes"), notes=NOTES)
    assert result.ok, result.log
    return result


def test_a_box_its_tool_draws_without_a_title_has_none_but_is_named(boxes):
    result = boxes
    hexo, hugo = body(result, "hexo"), body(result, "hugo")
    assert LABELLED.findall(hexo) == [("警告", "warning"), ("信息", "info")]  # no title bar: the text first
    assert '<p class="admonition-title" id="p-' in hexo and "有标题的</p>" in hexo  # a title is kept
    assert LABELLED.findall(hugo) == [("注意", "note"), ("警告", "warning")]
    assert "<summary>详情</summary>" in hugo  # Hugo's default summary, "Details"
    # Each variant converts the name like any text.
    tw = result.page("zh-Hant-TW/notes/hexo/index.html")
    assert '<div aria-label="資訊" class="admonition info" role="note">' in tw


def test_an_untitled_callout_is_titled_by_its_types_word(boxes):
    result = boxes
    titles = re.findall(r'<p class="admonition-title" id="[^"]*">([^<]*)</p>', body(result, "obsidian"))
    # Obsidian shows the type as typed ("Faq", "Important"); a type of the author's own stays as written.
    assert titles == ["常见问题", "重要", "Lol"]
    hk = result.page("zh-Hant-HK/notes/obsidian/index.html")
    assert ">常見問題</p>" in hk
