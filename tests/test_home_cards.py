"""The home page's card line: date, authors and reading time, a separator only between two of them."""

from __future__ import annotations

import html
import re

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
