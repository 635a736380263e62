"""A link or an embed naming a note's title as its heading (``[[读《长尾理论》#读《长尾理论》]]``).

Obsidian offers a note's ``# title`` to link to, and writes such links; the page shows that heading as
its header (``body._drop_title_heading``), so the note had no heading of that name: the embed was a
dead link and a link a warning.  Both now mean the note, from its top.
"""

from __future__ import annotations

from conftest import build_site

NOTES = {
    "库/读《长尾理论》.md": "---\ntags: [读书]\n---\n# 读《长尾理论》\n\n小众商品的总和超过热门商品。\n\n## 第二节\n\n正文。\n",
    "库/另一篇.md": (
        "---\ntitle: 另一篇\n---\n\n见 [[读《长尾理论》#读《长尾理论》|那本书]]。\n\n"
        "![[读《长尾理论》#读《长尾理论》]]\n\n还有 [[读《长尾理论》#第二节]]。\n"
    ),
}


def test_a_link_to_the_title_heading_is_the_note(tmp_path):
    result = build_site(tmp_path, notes=NOTES)
    assert result.ok and result.warnings == [], result.log
    pages = {
        p.parent.name: p.read_text("utf-8")
        for p in (result.site_dir / "zh-Hans" / "notes").glob("*/index.html")
    }
    page = next(html for html in pages.values() if "<title>另一篇 - 注读" in html)
    body = page[page.index('<div class="zd-note__body">') : page.index("</article>")]
    assert "zd-dead" not in body, body
    assert ">那本书</a>" in body and "小众商品的总和超过热门商品" in body, body  # linked, and embedded whole
    assert "#%E7%AC%AC%E4%BA%8C%E8%8A%82" in body or "#第二节" in body, body  # a real heading as before
