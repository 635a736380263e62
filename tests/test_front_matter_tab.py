"""Front matter indented with a tab is refused with a message that says so.

YAML allows no tab in indentation; an editor shows a tab as spaces, and libyaml's own words
(``found character that cannot start any token``) name no character, so the warning's old advice,
"check quoting and indentation", left the author to guess.
"""

from __future__ import annotations

from conftest import build_site

TAB = "the line is indented with a tab, which YAML does not allow: indent it with spaces"
NOTES = {
    "列表.md": "---\ntitle: 列表\ntags:\n\t- 读书\n---\n\n正文。\n",  # a list item indented with a tab
    "嵌套.md": "---\ntitle: 嵌套\nauthor:\n  name: 张三\n\turl: https://example.org/\n---\n\n正文。\n",
    "引号.md": "---\ntitle: 书名: 副标题\n---\n\n正文。\n",  # no tab: the advice about quoting stays
}


def test_a_tab_in_front_matter_is_named(tmp_path):
    result = build_site(tmp_path, notes=NOTES, strict=False)
    assert result.ok, result.log
    warnings = sorted(w for w in result.warnings if "invalid YAML" in w)
    assert len(warnings) == 3, result.warnings
    listed, nested, quoted = warnings  # in code-point order: 列 嵌 引
    assert listed.startswith("zhudu: seeds/列表.md:4: ") and listed.endswith(TAB), listed
    assert nested.startswith("zhudu: seeds/嵌套.md:5: ") and nested.endswith(TAB), nested
    assert quoted.startswith("zhudu: seeds/引号.md:2: ") and "needs quotes" in quoted and "tab" not in quoted


BLANK_TAB = "the line looks blank but holds a tab, which YAML does not allow there: delete the tab"


def test_a_blank_line_holding_a_tab_is_named(tmp_path):
    """Review9: an editor's tab left on a blank line between keys was "indented with a tab: indent it with spaces",
    advice for a line the author sees as empty, with nothing on it to indent."""
    notes = {
        "空行.md": "---\ntitle: 空行\n\t\ntags: [读书]\n---\n\n正文。\n",
        "列表空行.md": "---\ntags:\n  - 读书\n \t\n  - 笔记\n---\n\n正文。\n",
    }
    result = build_site(tmp_path, notes=notes, strict=False)
    assert result.ok, result.log
    assert sorted(w for w in result.warnings if "invalid YAML" in w) == [
        "zhudu: seeds/列表空行.md:4: invalid YAML front matter: found a tab character that violates indentation "
        f"(in the value that starts on line 3); {BLANK_TAB}",
        "zhudu: seeds/空行.md:3: invalid YAML front matter: found a tab character that violates indentation "
        f"(in the value that starts on line 2); {BLANK_TAB}",
    ]
