"""What the render changed of a note (raw HTML removed for safety, a formula left as its TeX source) is
a warning with file:line; under ``mkdocs serve`` the author also sees it on the note's page."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from conftest import build_site
from zhudu.annotate import annotations

NOTE = """---
title: 有警告的笔记
date: 2024-01-01
---

第一段。

<script>alert("x")</script>

第三段有一个写坏的公式 $\\foo{x}$，还有 <b onclick="steal()">粗体</b>。
"""
PAGE = "zh-Hans/notes/warned/index.html"
BOX_RE = re.compile(
    r'<div class="admonition warning zd-note-error zd-note-warnings" role="status">.*?</div>', re.S
)


def _build(root: Path, command: str):
    annotations.set_command(command)
    try:
        return build_site(root, notes={"warned.md": NOTE}, strict=False, log_level=logging.DEBUG)
    finally:
        annotations.set_command("build")


def test_a_build_prints_the_warnings_and_writes_no_box(tmp_path: Path) -> None:
    result = _build(tmp_path, "build")
    assert result.ok, result.log
    warnings = [w for w in result.warnings if "seeds/warned.md:" in w]
    assert any("seeds/warned.md:8:" in w and "script" in w for w in warnings), result.warnings
    assert any("seeds/warned.md:10:" in w and "formula" in w for w in warnings), result.warnings
    assert any("seeds/warned.md:10:" in w and "onclick" in w for w in warnings), result.warnings
    for variant in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        page = result.page(PAGE.replace("zh-Hans", variant))
        assert "zd-note-warnings" not in page and "仅在预览中显示" not in page


def test_serve_shows_each_warning_on_the_notes_page_escaped_also_from_a_reused_render(tmp_path: Path) -> None:
    built = _build(tmp_path / "built", "build")
    logged = sorted(
        w[len("zhudu: ") :] if w.startswith("zhudu: ") else w for w in built.warnings if "warned.md:" in w
    )
    for attempt in ("rendered", "reused"):  # the second serve build reuses the first one's render
        result = _build(tmp_path / "served", "serve")
        assert result.ok, result.log
        # The build's own count (logged at debug level): the second one really reused the render.
        renders = re.findall(r"note renders: \d+ reused, \d+ rendered", result.log)
        if attempt == "reused":
            assert renders == ["note renders: 1 reused, 0 rendered"], renders
        else:
            assert len(renders) == 1 and renders[0].startswith("note renders: 0 reused, "), renders
        page = result.page(PAGE)
        box = BOX_RE.search(page)
        assert box, (attempt, page[:2000])
        items = re.findall(r"<li><code>(.*?)</code></li>", box.group(0), re.S)
        assert len(items) == len(logged) == 3, (attempt, items, logged)
        assert "seeds/warned.md:8:" in items[0] and "&lt;script&gt;" in box.group(0)
        assert "<script>" not in box.group(0)
        # Before the note's first passage, as its other problems are.
        assert page.index("zd-note-warnings") < page.index('id="p-')
