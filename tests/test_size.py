"""Site size: markup that repeats on every page moved out, markup that shows nothing dropped.

``bench/bench_size.py`` measures the bytes by part; these tests keep each cut in place, and keep
what a reader sees the same (the browser tests cover the header, search and variant menu).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import build_site
from zhudu.notes.code_spans import STYLED_CLASSES, unwrap_unstyled

MATERIAL_CSS = next(
    (Path(__file__).resolve().parents[1] / ".venv").glob(
        "lib/python*/site-packages/material/templates/assets/stylesheets/main.*.min.css"
    ),
    None,
)

NOTE = """---
title: 代码与图标
date: 2024-01-01
---

一段代码：

```js
hexo.extend.filter.register("after_post_render", function (data) {
  return data;
});
```

行内的 `#!js var total = count + 1;` 也一样。
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("size"), notes={"code.md": NOTE})
    assert result.ok, result.log
    return result


def test_the_styled_token_classes_are_the_ones_material_colours():
    assert MATERIAL_CSS is not None
    css = MATERIAL_CSS.read_text(encoding="utf-8")
    assert set(re.findall(r"\.highlight \.([a-z0-9]+)\b", css)) == STYLED_CLASSES


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<div class="language-js highlight"><pre><span></span><code><span class="nx">a</span>'
            '<span class="w"> </span><span class="o">=</span><span class="hll"><span class="nx">b</span>'
            "</span></code></pre></div>",
            '<div class="language-js highlight"><pre><span></span><code>a <span class="o">=</span>'
            '<span class="hll">b</span></code></pre></div>',
        ),
        # The author's raw HTML posing as highlighted code: a span inside an unquoted attribute stays,
        # or unwrapping it would reopen the tag (onerror would run).
        (
            '<div class="highlight"><pre><img alt=<span class="w">x src=y onerror=alert(1) </span></pre></div>',
            '<div class="highlight"><pre><img alt=<span class="w">x src=y onerror=alert(1) </span></pre></div>',
        ),
        (
            '<div class="highlight"><pre><span title=<span class="w">x onmouseover=alert(1) </span></pre></div>',
            '<div class="highlight"><pre><span title=<span class="w">x onmouseover=alert(1) </span></pre></div>',
        ),
        # Outside highlighted code (the author's HTML, Zhudu's own markup) nothing changes.
        ('<p><span class="w">x</span> <code>y</code></p>', '<p><span class="w">x</span> <code>y</code></p>'),
    ],
)
def test_unstyled_token_spans_are_unwrapped_in_highlighted_code_only(html, expected):
    assert unwrap_unstyled(html) == expected


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-HK"])
def test_highlighted_code_carries_no_unstyled_token_span(site, variant):
    html = site.page(f"{variant}/notes/code/index.html")
    body = html[html.index('<div class="zd-note__body">') : html.index("</article>")]
    classes = re.findall(r'<span class="([a-z0-9]+)">', body)
    assert "p" in classes and "s2" in classes  # the colours stay
    assert not set(classes) - STYLED_CLASSES - {"zd-sr-only"}, set(classes) - STYLED_CLASSES
    assert "hexo.extend.filter.register(" in re.sub(r"<[^>]+>", "", body)  # the code reads the same


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-HK"])
def test_header_icons_are_css_masks_and_the_lazy_search_script_a_shared_file(site, variant):
    html = site.page(f"{variant}/notes/code/index.html")
    assert html.count('class="zd-icon zd-icon--material-') == 6  # menu, 2 palette, variants, search, top
    assert '<path d="M3 6h18v2H3z' not in html  # Material's menu icon, inline before
    assert re.search(r'src="\.\./\.\./\.\./assets/zhudu/lazy-search\.js\?v=[0-9a-f]{12}"', html)
    assert "document.forms.namedItem" not in html
    css = (site.site_dir / "assets/zhudu/zhudu.css").read_text(encoding="utf-8")
    for name in set(re.findall(r"zd-icon--(material-[a-z-]+)", html)):
        assert f".zd-icon--{name} {{ --zd-icon: url(" in css
