"""Inline code in quoted passages: a theme page's quotes and the marker panels' excerpts show it.

``pymdownx.inlinehilite`` stashes an inline code's text; the passage's text (which its anchor
hashes) leaves the stash out, so the theme pages quoted 「访问网址为： 。」 (session 30's review, the Hexo
documentation: about 30 quotes).  The anchors must not move.
"""

from __future__ import annotations

import re
from typing import Any

from zhudu.annotate.passages import GENERATED_ID_RE
from zhudu.search import shards as search_shards

THEMES = "themes:\n  server:\n    name: 服务器\n    description: 服务器的事\n    phrases: [服务器]\n"

SERVE_NOTE = """---
title: 启动
date: 2024-03-01
---

启动服务器。 默认情况下，访问网址为： `http://localhost:4000/`。

服务器的设置在 `软件设置` 里，如 `a<b`, `x`, 和 `y`。

服务器的命令有 `hexo server` `hexo s` 两种，前 `a` 后，都可以运行 `hexo server`
"""

OTHER_NOTE = """---
title: 另一篇
date: 2024-03-02
---

服务器也可以用 `hexo server -p 5000` 换一个端口。
"""

#: The anchors of SERVE_NOTE's passages on main before the mend (their text without the code).
ANCHORS_BEFORE = ["p-5c03f008"]


def _quotes(html: str) -> list[str]:
    return re.findall(r"<blockquote>(.*?)</blockquote>", html, re.S)


def test_a_theme_page_quotes_inline_code_as_code_unconverted_and_the_anchors_stay(
    site_builder: Any,
) -> None:
    result = site_builder(
        notes={"serve.md": SERVE_NOTE, "other.md": OTHER_NOTE}, editorial={"themes.yml": THEMES}
    )
    assert result.ok, result.log
    for variant in ("zh-Hans", "zh-Hant-TW"):
        quotes = _quotes(result.page(f"{variant}/themes/server/index.html"))
        joined = "\n".join(quotes)
        assert "<code>http://localhost:4000/</code>。" in joined, quotes
        # Code is shown as written, escaped, and the variant converter leaves it alone.
        assert "<code>软件设置</code>" in joined, quotes
        assert "<code>a&lt;b</code>, <code>x</code>, 和 <code>y</code>。" in joined, quotes
        assert "<code>hexo server -p 5000</code>" in joined, quotes
        assert "： 。" not in joined and "如 , ," not in joined, quotes
    tw = "\n".join(_quotes(result.page("zh-Hant-TW/themes/server/index.html")))
    assert "伺服器" in tw
    note = result.page("zh-Hans/notes/serve/index.html")
    anchors = [a for a in re.findall(r'\bid="(p-[^"]+)"', note) if GENERATED_ID_RE.fullmatch(a)]
    assert anchors[:1] == ANCHORS_BEFORE
    # The other note's marker panel quotes the passage with its code, not 「…访问网址为： 。」: as written in every
    # variant (session 52: a strip converted it with the words), cut at the excerpt's length as words are.
    for variant in ("zh-Hans", "zh-Hant-TW"):
        other = result.page(f"{variant}/notes/other/index.html")
        panel = re.search(r'<a href="\.\./serve/#p-5c03f008">(.*?)</a>', other)
        assert panel is not None, other[-2000:]
        kept = '<span class="zd-noconv">http:/</span>…'
        assert panel[1].endswith((f"网址为： {kept}", f"網址為： {kept}")), panel[1]


def test_spaces_next_to_quoted_code_stay(site_builder: Any) -> None:
    # The passage's text collapses the spaces around a stashed code (「前 `a` `b` 后」 is 「前 后」):
    # the quote put 「前 ab后」 before the mend, and dropped the space before a code ending it.
    result = site_builder(
        notes={"serve.md": SERVE_NOTE, "other.md": OTHER_NOTE}, editorial={"themes.yml": THEMES}
    )
    assert result.ok, result.log
    joined = "\n".join(_quotes(result.page("zh-Hans/themes/server/index.html")))
    assert "命令有 <code>hexo server</code> <code>hexo s</code> 两种，前 <code>a</code> 后，" in joined, (
        joined
    )
    assert "都可以运行 <code>hexo server</code>" in joined, joined
    assert "都可以运行 <code>hexo server</code> " not in joined, joined
    # The search's rows are read from the rendered page (search/extract.py), code and spaces as shown:
    # a guard (session 30's brief thought they used the passage's text, as the quotes did).
    for variant in ("zh-Hans", "zh-Hant-TW"):
        rows = {
            d["location"]: d["text"] for d in search_shards.documents(result.site_dir / variant / "search")
        }
        texts = "\n".join(rows.values())
        assert (
            "访问网址为： http://localhost:4000/。" in texts
            or "訪問網址為： http://localhost:4000/。" in texts
        )
        assert any(
            re.search(r"hexo server hexo s \S+，\S a \S，\S+ hexo server$", t) for t in rows.values()
        ), texts
