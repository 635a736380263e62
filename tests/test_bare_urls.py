"""Bare URLs right after Chinese punctuation are links (session 30's review: 「地址：https://…」 and
「（https://…）」 stayed text, magiclink wanting white space before a URL)."""

from __future__ import annotations

import re
from typing import Any

NOTE = """---
title: 地址
---

服务的地址：https://example.com/docs/start?a=1&b=2。

官方文档（https://example.com/wiki/X_(y)）写得很清楚，「https://example.org/」，也可以。

代码里的 `：https://example.net/code` 不是链接，已有的链接 [：https://example.net/a](https://example.net/b) 也不套链接。

不是网址：javascript:alert(1)，ftp 也不算：ftp://example.com/file，半个：http://
"""


def _links(page: str) -> list[tuple[str, str]]:
    body = page.split('class="zd-note__body"')[1].split("</article>")[0]
    return re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', body)


def test_a_bare_url_after_chinese_punctuation_is_a_link_without_the_punctuation(site_builder: Any) -> None:
    result = site_builder(notes={"url.md": NOTE})
    assert result.ok, result.log
    for variant in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        links = [
            link for link in _links(result.page(f"{variant}/notes/url/index.html")) if "example" in link[0]
        ]
        assert links == [
            ("https://example.com/docs/start?a=1&amp;b=2", "https://example.com/docs/start?a=1&amp;b=2"),
            ("https://example.com/wiki/X_(y)", "https://example.com/wiki/X_(y)"),
            ("https://example.org/", "https://example.org/"),
            ("https://example.net/b", "：https://example.net/a"),
        ], (variant, links)
        page = result.page(f"{variant}/notes/url/index.html")
        assert "<code>：https://example.net/code</code>" in page
        assert 'href="javascript' not in page and 'href="ftp' not in page and 'href="http://"' not in page


MARKED_URLS = """---
title: 网址
---

一：https://a.b/_x_ 二：https://a.b/__init__.py 三：https://user:pw@a.b/ 四：https://a.b/?a=1&b=2_c
"""


def test_a_bare_urls_underscores_and_at_sign_stay_in_the_url(site_builder: Any) -> None:
    """Registered after emphasis and magic-mail, the pattern saw ``<em>``, ``<strong>`` and a mailto link cut
    into URLs (session 30's review)."""
    result = site_builder(notes={"marked.md": MARKED_URLS})
    assert result.ok, result.log
    page = result.page("zh-Hans/notes/marked/index.html")
    assert _links(page) == [
        ("https://a.b/_x", "https://a.b/_x"),  # a trailing _ is not the URL's, as magiclink has it
        ("https://a.b/__init__.py", "https://a.b/__init__.py"),
        ("https://user:pw@a.b/", "https://user:pw@a.b/"),
        ("https://a.b/?a=1&amp;b=2_c", "https://a.b/?a=1&amp;b=2_c"),
    ]
    body = page.split('class="zd-note__body"')[1]
    assert "<em>" not in body and "<strong>" not in body and "mailto:" not in body


AFTER_A_SPACE = """---
title: 空格
---

见 https://example.com/c）。另见 https://example.com/d，后面还有。

https://example.com/e。

中文路径 https://zh.wikipedia.org/wiki/北京 照旧。
"""


def test_a_url_after_a_space_ends_before_chinese_punctuation(site_builder: Any) -> None:
    """magiclink took 「）。」 and 「，后面还有。」 into the URL (it ends one only at white space); a path that goes on
    in Han characters is the whole link, its ``href`` percent-encoded (session 32)."""
    result = site_builder(notes={"space.md": AFTER_A_SPACE})
    assert result.ok, result.log
    for variant in ("zh-Hans", "zh-Hant-TW"):
        hrefs = [href for href, _ in _links(result.page(f"{variant}/notes/space/index.html"))]
        assert hrefs == [
            "https://example.com/c",
            "https://example.com/d",
            "https://example.com/e",
            "https://zh.wikipedia.org/wiki/%E5%8C%97%E4%BA%AC",
        ], (variant, hrefs)


HAN_PATHS = """---
title: 中文路径
---

见：https://zh.wikipedia.org/wiki/注音符号

注音（https://zh.wikipedia.org/wiki/注音符号）是一套符号。

维基百科的条目：https://zh.wikipedia.org/wiki/北京。后面还有字。

另见：https://zh.wikipedia.org/wiki/北京#历史 and more text.

空格之后 https://zh.wikipedia.org/wiki/上海，照旧。

域名：https://例子.中国/路径。大写：https://Example.中国/

访问：https://example.com获取更多信息，或者 https://example.org:8080继续。

详见 (https://example.net/x)软件说明。设置页：https://example.net/#/软件(设置 页面。
"""

ZHUYIN = "https://zh.wikipedia.org/wiki/%E6%B3%A8%E9%9F%B3%E7%AC%A6%E5%8F%B7"
BEIJING = "https://zh.wikipedia.org/wiki/%E5%8C%97%E4%BA%AC"


def test_a_bare_url_whose_path_goes_on_in_han_is_one_link_to_the_encoded_url(site_builder: Any) -> None:
    """After 「：」 or 「（」 the URL was cut at its first Han character (a link to ``…/wiki/``, 「注音符号」 left as
    text); after a space magiclink took 「，照旧。」 into it (session 32).  The link ends at white space or
    full-width punctuation, its text is the URL as written (no script conversion), its ``href`` what a browser
    requests."""
    result = site_builder(notes={"han.md": HAN_PATHS})
    assert result.ok, result.log
    for variant in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        page = result.page(f"{variant}/notes/han/index.html")
        assert _links(page) == [
            (ZHUYIN, "https://zh.wikipedia.org/wiki/注音符号"),
            (ZHUYIN, "https://zh.wikipedia.org/wiki/注音符号"),
            (BEIJING, "https://zh.wikipedia.org/wiki/北京"),
            (f"{BEIJING}#%E5%8E%86%E5%8F%B2", "https://zh.wikipedia.org/wiki/北京#历史"),
            ("https://zh.wikipedia.org/wiki/%E4%B8%8A%E6%B5%B7", "https://zh.wikipedia.org/wiki/上海"),
            ("https://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%E5%BE%84", "https://例子.中国/路径"),
            ("https://Example.xn--fiqs8s/", "https://Example.中国/"),  # a browser lowercases it
            # An ASCII host with Han right after it: the prose goes on (a path may go on in Han).
            ("https://example.com", "https://example.com"),
            ("https://example.org:8080", "https://example.org:8080"),
            # A closing bracket the URL did not open ends it; one it opened and never closed stays in it.
            ("https://example.net/x", "https://example.net/x"),
            (
                "https://example.net/#/%E8%BD%AF%E4%BB%B6(%E8%AE%BE%E7%BD%AE",
                "https://example.net/#/软件(设置",
            ),
        ], variant
        assert "注音符号</a>）" in page and "北京</a>。" in page and "历史</a> and more text." in page
        assert {"zh-Hans": "</a>)软件说明", "zh-Hant-TW": "</a>)軟體說明", "zh-Hant-HK": "</a>)軟件説明"}[
            variant
        ] in page


ENTITIES_AFTER = """---
title: 实体
---

甲：https://a.b/&lt;x&gt; 了。

乙：https://a.b/x&gt;。丙：https://a.b/?q=1&amp;r=2&amp;

丁：https://a.b/&#60;y&#x3E;，戊 https://a.b/路径&nbsp;完。
"""


def test_a_character_reference_after_a_bare_url_stays_whole_outside_the_link(site_builder: Any) -> None:
    """``见：https://a.b/&lt;x&gt;`` linked ``https://a.b/&lt;x&gt`` and left the ``;`` outside: a reference
    standing for ``<``, ``>`` or a space ends the URL as the character does, and one at the URL's end is the
    prose's, whole; the URL's own ``&amp;`` stays (session 33)."""
    result = site_builder(notes={"refs.md": ENTITIES_AFTER})
    assert result.ok, result.log
    page = result.page("zh-Hans/notes/refs/index.html")
    assert _links(page) == [
        ("https://a.b/", "https://a.b/"),
        ("https://a.b/x", "https://a.b/x"),
        ("https://a.b/?q=1&amp;r=2", "https://a.b/?q=1&amp;r=2"),
        ("https://a.b/", "https://a.b/"),
        ("https://a.b/%E8%B7%AF%E5%BE%84", "https://a.b/路径"),
    ]
    body = page.split('class="zd-note__body"')[1].split("</article>")[0]
    for shown in ("</a>&lt;x&gt; 了", "</a>&gt;。", "</a>&amp;</p>", "</a>&#60;y&#x3E;，", "</a>&nbsp;完"):
        assert shown in body, (shown, body)
