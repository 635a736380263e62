"""Math typeset at build time, as Chromium lays it out (hooks/zhudu/notes/formulas.py, zhudu.css).

Measured from the laid-out page (boxes, scroll widths), never from timing: the MathML is in the
HTML and the browser typesets it while laying out the page, with no script and no other host.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import ServedSite, serve_built

NOTE = r"""---
title: 数学公式
created: 2025-05-16
---
质能关系写作 $E=mc^2$，速度是 $\text{速度}=\frac{\text{路程}}{\text{时间}}$，软件里的 $\text{质量}$ 也一样。

$$
\int_0^1 x^2 \, dx = \frac{1}{3}
$$

一个很宽的公式：

$$
f(x) = a_0 + a_1 x + a_2 x^2 + a_3 x^3 + a_4 x^4 + a_5 x^5 + a_6 x^6 + a_7 x^7 + a_8 x^8 + a_9 x^9 + a_{10} x^{10} + a_{11} x^{11}
$$

末尾。
"""

_BOXES = """() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; };
  const root = document.documentElement;
  return {
    page: {scroll: root.scrollWidth, client: root.clientWidth},
    inline: [...document.querySelectorAll('.zd-note__body p math')].map(box),
    blocks: [...document.querySelectorAll('.zd-formula')].map((div) => ({
      box: box(div), math: box(div.querySelector('math')),
      display: getComputedStyle(div.querySelector('math')).display,
      scroll: div.scrollWidth, client: div.clientWidth,
    })),
    lines: [...document.querySelectorAll('.zd-note__body p')].slice(0, 1).map(box),
  };
}"""


@pytest.fixture(scope="module")
def math_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve_built(tmp_path_factory.mktemp("math-browser"), notes={"m.md": NOTE}) as site:
        yield site


def _open(kept_pages: Any, site: ServedSite, width: int, height: int) -> tuple[dict[str, Any], set[str]]:
    hosts: set[str] = set()
    with kept_pages.open(viewport={"width": width, "height": height}, locale="zh-CN") as pg:
        pg.on("request", lambda r: hosts.add(r.url.split("/")[2]))
        pg.goto(site.variant_url("zh-Hans", "notes/m/"), wait_until="load")
        pg.wait_for_selector(".zd-formula math")
        boxes = pg.evaluate(_BOXES)
    return boxes, hosts


def test_math_is_laid_out_on_a_phone_without_widening_the_page(
    kept_pages: Any, math_site: ServedSite
) -> None:
    boxes, hosts = _open(kept_pages, math_site, 390, 844)
    assert hosts == {math_site.url.split("/")[2]}  # no script or font from another host
    assert boxes["page"]["scroll"] <= boxes["page"]["client"] == 390  # no sideways page scroll
    inline, blocks = boxes["inline"], boxes["blocks"]
    assert len(inline) == 3 and len(blocks) == 2
    for box in inline + [b["math"] for b in blocks]:
        assert box["w"] > 10 and box["h"] > 10, box  # typeset: a real box, not an empty element
    assert all(b["display"] == "block math" for b in blocks)
    assert blocks[0]["math"]["w"] > inline[0]["w"]  # ∫…dx = 1/3 is wider than E=mc²
    assert inline[1]["h"] > inline[0]["h"]  # the fraction stacks: laid out as math, not as text
    # The wide formula scrolls inside its own box; the narrow one fits and is centred in it.
    wide, narrow = blocks[1], blocks[0]
    assert wide["scroll"] > wide["client"] and wide["box"]["w"] <= 390
    assert narrow["scroll"] <= narrow["client"]
    left = narrow["math"]["x"] - narrow["box"]["x"]
    right = narrow["box"]["x"] + narrow["box"]["w"] - (narrow["math"]["x"] + narrow["math"]["w"])
    assert abs(left - right) <= 2, (left, right)


def test_a_line_does_not_start_with_the_comma_after_a_formula(kept_pages: Any, math_site: ServedSite) -> None:
    """At 390 px the first paragraph's line ends at the fraction: the "，" after it goes with it."""
    with kept_pages.open(viewport={"width": 390, "height": 844}, locale="zh-CN") as pg:
        pg.goto(math_site.variant_url("zh-Hans", "notes/m/"), wait_until="load")
        fraction, comma = pg.evaluate("""() => {
          const math = document.querySelectorAll('.zd-note__body p math')[1];
          const text = math.nextSibling;  // "，" (in the span that keeps them together)
          const range = document.createRange();
          range.setStart(text, 0);
          range.setEnd(text, 1);
          const m = math.getBoundingClientRect(), c = range.getBoundingClientRect();
          return [{x: m.x, w: m.width, bottom: m.bottom}, {x: c.x, text: text.data, bottom: c.bottom}];
        }""")
    assert comma["text"] == "，"
    assert comma["x"] >= fraction["x"] + fraction["w"] - 1  # right after the formula, not at a line's start
    assert abs(comma["bottom"] - fraction["bottom"]) < 12


def test_inline_math_sits_on_the_line_on_a_desktop(kept_pages: Any, math_site: ServedSite) -> None:
    boxes, _ = _open(kept_pages, math_site, 1280, 800)
    line = boxes["lines"][0]
    emc2 = boxes["inline"][0]
    assert line["y"] <= emc2["y"] and emc2["y"] + emc2["h"] <= line["y"] + line["h"]
    assert emc2["h"] < 2 * 16 * 1.6  # within one line of text, not a block of its own
    wide = boxes["blocks"][1]
    assert wide["scroll"] <= wide["client"]  # room enough at 1280 px: nothing to scroll
