"""A note's plain code blocks, written without Material's ``<div class="highlight">`` (site size), get it
back from shell.js's ``<zd-restore data-highlight>`` before Material's bundle runs and after instant
navigation; without JavaScript they look as the wrapped blocks do (hooks/zhudu/compact/code_blocks.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from conftest import instant_home_from, serve_built

pytestmark = pytest.mark.browser

CODE = """---
title: 代码块
date: 2024-01-01
---

## 第一节

正文。

```js
// 注释
var a = 1; // 行尾
```

```js title="a.js"
var b = 2;
```

```js hl_lines="1"
var c = 3;
```

1. 第一步：

    ```bash
    hexo new "文章"
    ```

    然后：

    ```bash
    hexo server
    ```

| 列 |
| --- |
| 1 |

```
表格之后
```

!!! note "提示"

    ```yaml
    title: 标题
    ```

```
纯文本
```

结尾。
"""
OTHER = "---\ntitle: 另一篇\ndate: 2024-01-02\n---\n\n正文。\n"

#: Every <pre> of the content: its parent's tag and attributes.
PARENTS = """() => [...document.querySelectorAll('.md-content pre')].map(pre =>
    pre.parentElement.tagName + [...pre.parentElement.attributes].map(a => ' ' + a.name + '=' + a.value).join(''))"""
#: What the reader sees of the note's body: each element's box, colours and margins (the permalinks
#: and passage links scripts draw, and the blocks' divs, left out).
LOOK = """() => [...document.querySelectorAll('.zd-note__body *')].filter(e => !e.matches('div.highlight, a')).map(e => {
    const r = e.getBoundingClientRect(), c = getComputedStyle(e);
    return [e.tagName, r.x, r.y, r.width, r.height, c.color, c.backgroundColor, c.borderRadius, c.margin,
            c.padding].join(' '); })"""
#: An element's markup as the browser serialises it.
NORMALISED = (
    "html => { const t = document.createElement('template'); t.innerHTML = html;"
    " return t.content.firstElementChild.outerHTML; }"
)


def _wrapped(content: str) -> str:
    """``content`` with every bare <pre> not already in a block's div wrapped as pymdownx writes it."""
    return re.sub(
        r'(?<!<div class="highlight">)(?<!</span>)(<pre><code>.*?</code></pre>)',
        r'<div class="highlight">\1</div>',
        content,
        flags=re.DOTALL,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serve_built(tmp_path_factory.mktemp("code"), notes={"c.md": CODE, "o.md": OTHER}) as served:
        yield served


def test_plain_blocks_get_materials_div_back_before_its_bundle_and_after_instant_navigation(
    site: Any, kept_pages: Any
) -> None:
    html = site.build.page("zh-Hans/notes/c/index.html")
    content = html[html.index('<div class="md-content">') : html.index("</main>")]
    assert '<zd-restore data-highlight data-zd-text="代码块"></zd-restore>' in html
    # The first block, the list item's first and the one after the admonition: bare. The named and
    # the line-highlighted blocks, the list item's last and the admonition's (last children) and the
    # one after the table keep their div.
    assert content.count("<pre><code>") == 8 and content.count('<div class="highlight">') == 5
    expected = ["DIV class=highlight"] * 8
    with kept_pages.open(viewport={"width": 390, "height": 844}) as page:
        # Only config.js (shell.js) runs: the content as written, with what <zd-restore> gives back.
        page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
        page.route("**/assets/zhudu/reader.js*", lambda route: route.abort())
        page.goto(site.variant_url("zh-Hans", "notes/c/"))
        page.wait_for_function("document.querySelectorAll('zd-restore').length === 0")
        assert page.evaluate(PARENTS) == expected
        want = _wrapped(content).replace(
            '<div class="md-content">', '<div class="md-content" data-md-component="content">'
        )
        assert page.evaluate("document.querySelector('.md-content').outerHTML") == page.evaluate(
            NORMALISED, want
        )

    with kept_pages.open(viewport={"width": 1280, "height": 800}) as page:
        instant_home_from(page, site, "zh-Hant-HK", "notes/o/")
        page.locator(".zd-cards a[href$='notes/c/']").first.click()
        page.wait_for_function(
            "location.pathname.endsWith('/notes/c/') && document.querySelectorAll('.md-content pre').length === 8"
        )
        assert page.evaluate("window.__zdSamePage === true")  # instant navigation, no reload
        assert page.evaluate(PARENTS) == expected
        assert page.evaluate("document.querySelectorAll('zd-restore').length") == 0


#: Material's markup put back by hand, in the page as it is without JavaScript: each bare <pre> in a
#: div.highlight, and no marker (so zhudu.css's rules for bare blocks no longer apply).
WRAP = """() => { for (const pre of document.querySelectorAll('.md-content pre')) {
    if (pre.attributes.length || pre.parentElement.matches('div.highlight')) continue;
    const div = document.createElement('div'); div.className = 'highlight'; pre.replaceWith(div); div.append(pre); }
  document.querySelector('zd-restore').remove(); }"""


#: A style sheet that ends every transition at once (``page.add_style_tag`` waits on a load event that a page
#: without JavaScript never fires).
NO_TRANSITIONS = """() => { const style = document.createElement('style');
  style.textContent = '*, *::before, *::after { transition: none !important; }'; document.head.append(style); }"""


@pytest.mark.parametrize("width", [390, 1280])
def test_without_javascript_the_bare_blocks_look_as_the_wrapped_ones(
    site: Any, kept_pages: Any, width: int
) -> None:
    with kept_pages.open(java_script_enabled=False, viewport={"width": width, "height": 800}) as page:
        page.goto(site.variant_url("zh-Hant-TW", "notes/c/"))
        page.wait_for_load_state("load")
        # Material's code colours are transitions (125 ms): a style read while one runs is between two
        # colours (seen once: rgba(245, 245, 245, 0.443)).  Without transitions every read is the end value.
        page.evaluate(NO_TRANSITIONS)
        assert (
            page.evaluate("getComputedStyle(document.querySelector('.md-content code')).transitionDuration")
            == "0s"
        )
        assert page.evaluate("document.querySelectorAll('zd-restore[data-highlight]').length") == 1
        bare = page.evaluate(LOOK)
        page.evaluate(WRAP)
        assert page.evaluate("document.querySelectorAll('.md-content div.highlight').length") == 8
        wrapped = page.evaluate(LOOK)
    assert bare == wrapped
    # The comment, keyword, operator, number and string colours are all there, and differ.
    colours = {line.split(" ", 5)[5].split(" rgb")[0] for line in bare if line.startswith(("SPAN", "Z-"))}
    assert len(colours) >= 5, colours
