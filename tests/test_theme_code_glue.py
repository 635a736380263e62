"""A theme page quotes a passage's inline code with its Han–symbol joints held together, as its note does.

Session 39 (review10): reader9's ``code_glue`` glued ``文件>设置`` in the note only; a theme's narrow columns
broke it at the ``>``.  Real MkDocs, Material and OpenCC.
"""

from __future__ import annotations

from pathlib import Path

from conftest import build_site

NOTE = "---\ntitle: 设置篇\ndate: 2024-01-02\n---\n\n在软件里打开 `文件>设置` 与 `a<b&c`，再看 `#标签`。\n"
THEMES = "themes:\n  software:\n    name: 软件\n    description: 软件的事\n    phrases: [软件]\n"


def test_a_theme_page_quotes_code_glued_as_its_note(tmp_path: Path) -> None:
    result = build_site(tmp_path, notes={"s.md": NOTE}, editorial={"themes.yml": THEMES})
    assert result.ok and not result.warnings, result.log
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        note = result.page(f"{code}/notes/s/index.html")
        theme = result.page(f"{code}/themes/software/index.html")
        glued = "<code>文<zd-g>件&gt;设</zd-g>置</code>"
        assert glued in note, code
        assert glued in theme, code  # code is not converted: the same in every variant
        assert "<code>a&lt;b&amp;c</code>" in theme and "<code><zd-g>#标</zd-g>签</code>" in theme, code
