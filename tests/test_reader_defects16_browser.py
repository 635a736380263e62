"""Session 37's reader pass (phone and desktop, all three variants): what a reader saw wrong.

Real MkDocs, Material, OpenCC and Chromium.
"""

from __future__ import annotations

import re
from typing import Any

# --------------------------------------------------------------------------- footnote numbers in quotes

#: A note whose passages cite footnotes, one of them next to inline code, and a second note saying the
#: theme's phrase too (its page lists the first note's passage among the others).
FOOTNOTE_NOTES = {
    "a.md": "---\ntitle: 甲\ndate: 2024-01-02\n---\n\n"
    "开源软件离不开社区，作者补充了出处[^1]，又用 `git log`[^2] 查了历史。\n\n"
    "开源的第二段[^1]。\n\n"
    "[^1]: 出处：《大教堂与集市》。\n[^2]: 版本记录。\n",
    "b.md": "---\ntitle: 乙\ndate: 2024-01-01\n---\n\n乙篇也谈开源。\n",
}
FOOTNOTE_THEMES = "themes:\n  open:\n    name: 开源\n    description: 开源的事\n    phrases: [开源]\n"


def test_a_quoted_passage_leaves_its_footnote_numbers_out(site_builder: Any) -> None:
    """A theme's page quotes each passage as text; a footnote's number, raised in the note, ran into the words
    of the quote: 「作者补充了出处1，又用 git log2 查了历史」, 「开源的第二段1。」 (and so in the list of a theme's other
    notes beside a passage of another note).  The quotes leave the numbers out; the theme's phrase is still
    marked and the code in place."""
    result = site_builder(notes=FOOTNOTE_NOTES, editorial={"themes.yml": FOOTNOTE_THEMES})
    assert result.ok, result.log
    for code, first, second, beside in [
        (
            "zh-Hans",
            "作者补充了出处，又用 <code>git log</code> 查了历史。",
            "<mark>开源</mark>的第二段。",
            "补充了出处，又用 git l…<",
        ),
        (
            "zh-Hant-TW",
            "作者補充了出處，又用 <code>git log</code> 查了歷史。",
            "<mark>開源</mark>的第二段。",
            "補充了出處，又用 git l…<",
        ),
    ]:
        theme = result.page(f"{code}/themes/open/index.html")
        quotes = re.findall(r"<blockquote>(.*?)</blockquote>", theme, re.S)
        assert any(quote.endswith(first) and "<mark>" in quote for quote in quotes), (code, quotes)
        assert second in quotes, (code, quotes)
        other = result.page(f"{code}/notes/b/index.html")  # the theme's other notes, beside 乙's passage
        assert beside in other, code
