"""Site size: markup that repeats on every page moved out, markup that shows nothing dropped.

``bench/bench_size.py`` measures the bytes by part; these tests keep each cut in place, and keep
what a reader sees the same (the browser tests cover the header, search and variant menu).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import REPO, build_site
from zhudu.notes.code_spans import COLOUR_ELEMENTS, SAME_COLOUR, STYLED_CLASSES, unwrap_unstyled

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


def _token_declarations() -> dict[str, frozenset[str]]:
    """Each token class → every declaration Material's stylesheets give it (``.highlight .<class>``)."""
    found: dict[str, set[str]] = {}
    for sheet in MATERIAL_CSS.parent.glob("*.min.css"):
        for selectors, block in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet.read_text(encoding="utf-8")):
            for selector in selectors.split(","):
                if m := re.fullmatch(r"\.highlight \.([a-z0-9]+)", selector.strip()):
                    found.setdefault(m[1], set()).update(d.strip() for d in block.split(";") if d.strip())
    return {cls: frozenset(decls) for cls, decls in found.items()}


def test_classes_written_as_one_are_painted_the_same_by_material():
    declarations = _token_declarations()
    assert set(declarations) == STYLED_CLASSES
    colour_only = {c for c, d in declarations.items() if len(d) == 1 and next(iter(d)).startswith("color:")}
    # Exactly the classes painted with a colour alone are merged, each into a class of the same colour…
    assert set(SAME_COLOUR) == colour_only
    for cls, written in SAME_COLOUR.items():
        assert declarations[cls] == declarations[written], (cls, written)
    # …and one class per colour: two classes painted alike are written alike.
    by_paint: dict[frozenset[str], set[str]] = {}
    for cls in colour_only:
        by_paint.setdefault(declarations[cls], set()).add(SAME_COLOUR[cls])
    assert all(len(written) == 1 for written in by_paint.values()), by_paint
    assert len(by_paint) == 12  # operator, punctuation, string, special, number, keyword, name, …


def test_colour_elements_are_painted_as_material_paints_their_class():
    declarations = _token_declarations()
    css = (REPO / "overrides/assets/zhudu/zhudu.css").read_text(encoding="utf-8")
    ours = {
        m[0]: frozenset({m[1].replace(" ", "")})
        # (and as zhudu.css paints a note's code blocks left without their div without JavaScript)
        for m in re.findall(
            r"\.highlight z-([a-z]+), zd-restore\[data-highlight\] ~ \.md-content pre z-\1 \{ ([^;{}]+); \}",
            css,
        )
    }
    assert set(ours) == set(COLOUR_ELEMENTS) == set(SAME_COLOUR.values()) - {"c"}
    assert all(COLOUR_ELEMENTS[cls] == f"z-{cls}" and ours[cls] == declarations[cls] for cls in ours), ours


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # Unstyled spans unwrapped, Pygments' empty span before <code> dropped (<code> keeps a
        # leading empty line).
        (
            '<div class="language-js highlight"><pre><span></span><code><span class="nx">a</span>'
            '<span class="w"> </span><span class="o">=</span><span class="hll"><span class="nx">b</span>'
            "</span></code></pre></div>",
            '<div class="language-js highlight"><pre><code>a <z-o>=</z-o>'
            '<span class="hll">b</span></code></pre></div>',
        ),
        # One class per colour; runs of one colour (whitespace between) become one span.
        (
            '<code class="highlight"><span class="p">)</span><span class="p">;</span><span class="w"> </span>'
            '<span class="kd">var</span><span class="w"> </span><span class="nt">x</span><span class="s2">"a"</span>'
            '<span class="s1">\'b\'</span><span class="c1">// c</span></code>',
            '<code class="highlight"><z-p>);</z-p> <z-k>var x</z-k>'
            '<z-s>"a"\'b\'</z-s><span class="c">// c</span></code>',
        ),
        # Text between spans of one colour, or a line highlight (a block of its own), ends the run.
        (
            '<div class="highlight"><pre><code><span class="p">(</span>a<span class="p">)</span>'
            '<span class="hll"><span class="p">;</span>\n</span><span class="p">;</span>'
            '<span class="gd">-</span><span class="gd">x</span></code></pre></div>',
            '<div class="highlight"><pre><code><z-p>(</z-p>a<z-p>)</z-p>'
            '<span class="hll"><z-p>;</z-p>\n</span><z-p>;</z-p>'
            '<span class="gd">-</span><span class="gd">x</span></code></pre></div>',
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
        # A token type with no short name of its own (YAML's plain scalars, its indicators) is painted by
        # its standard class, the first: written as that colour's element, merged like the others.
        (
            '<div class="highlight"><pre><span></span><code><span class="nt">title</span>'
            '<span class="p p-Indicator">:</span><span class="w"> </span>'
            '<span class="l l-Scalar l-Scalar-Plain">Hello</span><span class="p p-Indicator">-</span>'
            '<span class="x x-Other">y</span></code></pre></div>',
            '<div class="highlight"><pre><code><z-k>title</z-k>'
            "<z-p>:</z-p> <z-s>Hello</z-s><z-p>-</z-p>y</code></pre></div>",
        ),
        # Outside highlighted code (the author's HTML, Zhudu's own markup) nothing changes.
        ('<p><span class="w">x</span> <code>y</code></p>', '<p><span class="w">x</span> <code>y</code></p>'),
    ],
)
def test_token_spans_are_unwrapped_or_merged_in_highlighted_code_only(html, expected):
    assert unwrap_unstyled(html) == expected


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-HK"])
def test_highlighted_code_carries_no_unstyled_token_span(site, variant):
    html = site.page(f"{variant}/notes/code/index.html")
    body = html[html.index('<div class="zd-note__body">') : html.index("</article>")]
    classes = re.findall(r'<span class="([a-z0-9]+)">', body) + re.findall(r"<z-([a-z]+)>", body)
    assert "p" in classes and "s" in classes  # the colours stay
    assert not set(classes) - set(SAME_COLOUR.values()) - {"zd-sr-only"}, set(classes)
    assert not re.search(r'<span class="(?:p|s|k|o)">', body)  # colour spans written as elements
    assert "hexo.extend.filter.register(" in re.sub(r"<[^>]+>", "", body)  # the code reads the same


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-HK"])
def test_header_icons_are_css_masks_and_the_lazy_search_script_a_shared_file(site, variant):
    html = site.page(f"{variant}/notes/code/index.html")
    # menu, variants; shell.js draws the palette's two, the search button's and dialog's four (search,
    # search, back, clear) and the back-to-top button's from their names in config.js (window.zdShell).
    assert html.count('class="zd-icon zd-icon--material-') == 2
    assert "<path " not in html  # no inline icon (Material's menu icon, the search dialog's, before)
    # lazy-search.js is written at the end of the shared config.js (compact/joined_scripts.py).
    assert re.search(r'src="\.\./\.\./\.\./assets/zhudu/config\.js\?v=[0-9a-f]{12}"', html)
    assert "document.forms.namedItem" not in html
    assert "document.forms.namedItem" in (site.site_dir / "assets/zhudu/config.js").read_text("utf-8")
    css = (site.site_dir / "assets/zhudu/zhudu.css").read_text(encoding="utf-8")
    shared = (site.site_dir / "assets/zhudu/config.js").read_text("utf-8")
    drawn = json.dumps(json.loads(re.search(r"var shell = (\{.*\});\n", shared)[1])[variant])
    names = set(re.findall(r"zd-icon--(material-[a-z-]+)", html)) | set(
        re.findall(r"material-[a-z-]+", drawn)
    )
    assert len(names) == 8, names
    for name in names:
        assert f".zd-icon--{name}{{--zd-icon:url(" in css
