"""A note refused for a limit (limits.nesting, limits.note_kib) keeps its author's metadata on its page."""

from __future__ import annotations

import re

import pytest

FRONT = "---\ntitle: 深深的笔记\ndescription: 作者写的简介。\ndate: 2025-05-16\ntags: [读书, 随笔]\n---\n\n"
CASES = [
    ("nesting", FRONT + "第一段。\n\n" + ">" * 40 + " 深\n", {}, "nesting 40 levels deep"),
    ("note-kib", FRONT + "长长的正文。" * 400 + "\n", {"limits": {"note_kib": 1}}, "over the limit of 1 KiB"),
]


@pytest.mark.parametrize(("text", "zhudu", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_refused_note_keeps_its_front_matter(site_builder, text, zhudu, message):
    result = site_builder(
        notes={"deep.md": text, "ok.md": "---\ntitle: 好笔记\ndate: 2025-05-10\n---\n\n正文。\n"},
        zhudu=zhudu,
        strict=False,
    )
    assert result.ok, result.log
    assert any(w.startswith("zhudu: seeds/deep.md") and message in w for w in result.warnings), (
        result.warnings
    )
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        page = result.page(f"{code}/notes/deep/index.html")
        head = page[: page.index("</head>")]
        # The body is the error notice, not the note's text.
        assert "zd-note-notice" in page and "长长的正文" not in page and "長長的正文" not in page
        # <head>: title, description, date; the header: title, date, tags (in the variant's script).
        assert re.search(r"<title>深深的筆記|<title>深深的笔记", head), head
        assert re.search(r'<meta name="description" content="作者寫的簡介。"|content="作者写的简介。"', head)
        assert 'content="2025-05-16T00:00:00+08:00"' in head
        assert re.search(r'<li class="zd-tag">讀書</li>|<li class="zd-tag">读书</li>', page)
        assert "分钟" not in page and "分鐘" not in page  # no reading time for a body not shown
        # The home list's card and the variant's feed name it.
        home = result.page(f"{code}/index.html")
        assert re.search(r"深深的(笔记|筆記)", home)
        feed = result.page(f"feed-{code}.xml")
        assert re.search(r"<title[^>]*>深深的(笔记|筆記)</title>", feed), feed[:2000]
