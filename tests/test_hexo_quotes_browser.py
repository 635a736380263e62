"""A Hexo blockquote's attribution as a reader sees it (session 32): marked up as Hexo marks it up
(``<footer><strong>author</strong><cite>source</cite></footer>``), set off as its language sets it
off: 「——鲁迅，呐喊」 in Chinese, where it was 「— 鲁迅, 呐喊」 with an ASCII comma and the source slanted."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from conftest import serve_built

NOTE = """---
title: 引文
---

{% blockquote 鲁迅, 呐喊 %}
我家门前有两棵树。
{% endblockquote %}

{% blockquote 阮一峰 https://www.ruanyifeng.com/blog/2019/01/x.html 网络日志 %}
引文二。
{% endblockquote %}

{% quote 佚名 %}
引文三。
{% endquote %}

{% blockquote David Levithan, Wide Awake %}
Do not just seek happiness for yourself.
{% endblockquote %}

{% blockquote Seth Godin http://sethgodin.typepad.com/welcome.html Welcome to Island Marketing %}
Every interaction is both precious and an opportunity to delight.
{% endblockquote %}
"""

#: Each attribution's text and whether its source is slanted, in the order of the page.
FOOTERS = """() => [...document.querySelectorAll('.zd-note__body blockquote > footer')].map(footer => {
  const cite = footer.querySelector('cite');
  return [footer.textContent, footer.querySelector('strong').textContent,
          cite ? getComputedStyle(cite).fontStyle : null];
})"""


@pytest.mark.browser
def test_a_chinese_attribution_is_set_off_with_chinese_punctuation_a_latin_one_stays_latin(
    tmp_path: Path, page: Any
) -> None:
    with serve_built(tmp_path, notes={"quotes.md": NOTE}) as site:
        body = site.build.page("zh-Hans/notes/quotes/index.html")
        assert re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a></cite>', body) == [
            ("https://www.ruanyifeng.com/blog/2019/01/x.html", "网络日志"),
            ("http://sethgodin.typepad.com/welcome.html", "Welcome to Island Marketing"),
        ]
        page.goto(site.variant_url("zh-Hans", "notes/quotes/"), wait_until="load")
        shown = page.evaluate(FOOTERS)
        page.goto(site.variant_url("zh-Hant-TW", "notes/quotes/"), wait_until="load")
        shown_hant = page.evaluate(FOOTERS)
    assert shown == [
        ["——鲁迅，呐喊", "鲁迅", "normal"],
        ["——阮一峰，网络日志", "阮一峰", "normal"],
        ["——佚名", "佚名", None],
        ["— David Levithan, Wide Awake", "David Levithan", "italic"],
        ["— Seth Godin, Welcome to Island Marketing", "Seth Godin", "italic"],
    ]
    assert [text for text, _, _ in shown_hant[:3]] == ["——魯迅，吶喊", "——阮一峰，網路日誌", "——佚名"]
