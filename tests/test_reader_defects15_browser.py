"""Session 36's reader pass (phone and desktop, both sites): what a reader saw move or go missing."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from PIL import Image

from conftest import ServedSite, serve_built, serve_themed

# --------------------------------------------------------------------------- a passage ending in an embed

#: A Hexo note whose passages end in an embedded player (drawn as a box holding its address, the
#: site contacts no video host): a paragraph, an item of a loose list, and one with words after it.
EMBED_NOTE = (
    "---\ntitle: 视频\ndate: 2024-03-01\n---\n\n"
    "开头一段。\n\n"
    "{% youtube Uc53pW0GJHU %}\n\n"
    "## 下一节\n\n"
    "- 第一项\n\n"
    "- {% youtube HLJ9jJy7CMg %}\n\n"
    "最后一段。\n"
)

#: Each passage holding an embed, once reading.js gave it its link: how far the passage reaches below the
#: box (its margin is all there should be), where its link is, and whether it is the passage's only one.
EMBED_PASSAGES_JS = """() => [...document.querySelectorAll('.zd-note__body .zd-embed')].map(box => {
  const passage = box.closest('[id^="p-"]');
  const links = passage.querySelectorAll('a.zd-permalink');
  const link = links[0];
  return {id: passage.id, below: passage.getBoundingClientRect().bottom - box.getBoundingClientRect().bottom,
          margin: parseFloat(getComputedStyle(box).marginBottom), links: links.length,
          inBox: !!link && box.contains(link), href: link && link.getAttribute('href'),
          linkTop: link && link.getBoundingClientRect().top, boxBottom: box.getBoundingClientRect().bottom};
})"""


@pytest.fixture(scope="module")
def embeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve_built(tmp_path_factory.mktemp("embeds"), notes={"video.md": EMBED_NOTE}) as site:
        yield site


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_a_passage_ending_in_an_embed_does_not_grow_when_its_link_is_added(
    embeds: ServedSite, page: Any, variant: str
) -> None:
    """On a screen with a mouse, reading.js gives every passage a "#" link at its end.  After an embedded
    player's box (a block in its paragraph) the link stood on a line of its own below the box: the
    paragraph grew by that line (39 px at 1280) half a second after the page showed, and the text below
    jumped (24 of the Hexo documentation's pages).  The link now sits inside the box, after its address:
    the passage ends where the box's margin does, and hovering it shows its link."""
    page.goto(embeds.variant_url(variant, "notes/video/"))
    page.wait_for_function(
        "[...document.querySelectorAll('.zd-note__body .zd-embed')]"
        ".every(box => box.closest('[id^=\"p-\"]').querySelector('a.zd-permalink'))"
    )
    found = page.evaluate(EMBED_PASSAGES_JS)
    assert len(found) == 2, found
    for passage in found:
        assert passage["links"] == 1 and passage["href"] == f"#{passage['id']}", passage
        assert passage["below"] <= passage["margin"] + 1, passage  # no line of its own below the box
        assert passage["inBox"] and passage["linkTop"] < passage["boxBottom"], passage
    first = page.locator(f"#{found[0]['id']}")
    first.hover()
    link = first.locator("a.zd-permalink")
    page.wait_for_function("a => getComputedStyle(a).opacity === '1'", arg=link.element_handle())
    # A passage without an embed keeps its link at the end of its own text.
    plain = page.locator(".zd-note__body > p[id^='p-']").first  # 开头一段
    assert plain.evaluate("p => p.lastElementChild.matches('a.zd-permalink')")
    assert not page.zd.console_errors, page.zd.console_errors


# --------------------------------------------------------------------------- the themes graph's cut labels

#: Titles of the Hexo documentation that a phone's graph cuts to two lines (each note says 服务器).
GRAPH_TITLES = [
    "Box",
    "生成器（Generator）",
    "将 Hexo 部署到 GitLab Pages",
    "在 GitHub Pages 上部署 Hexo",
    "指令",
]
GRAPH_THEMES = "themes:\n  server:\n    name: 服务器\n    description: 服务器的事\n    phrases: [服务器]\n"

#: Each note label the clamp cuts (its text is taller or wider than its box): its box and line height.
CUT_LABELS_JS = """() => [...document.querySelectorAll('.zd-graph__label--note a')]
  .filter(a => a.scrollHeight > a.clientHeight + 1 || a.scrollWidth > a.clientWidth + 1)
  .map(a => { const r = a.getBoundingClientRect();
    return {text: a.textContent, left: r.left, right: r.right, bottom: r.bottom,
            line: parseFloat(getComputedStyle(a).lineHeight), em: parseFloat(getComputedStyle(a).fontSize)}; })"""


def ink_runs(shot: bytes, label: dict[str, Any]) -> list[tuple[int, int]]:
    """The label's last line, painted: each run of columns holding ink, as its ink's height and width (device px)."""
    image = Image.open(io.BytesIO(shot)).convert("L")
    scale = image.width / label["viewport"]
    x0, x1 = int(label["left"] * scale), int(label["right"] * scale)
    y0, y1 = int((label["bottom"] - label["line"]) * scale), int(label["bottom"] * scale)
    runs, start, rows = [], None, set()
    for x in range(x0, x1 + 1):
        ink = [y for y in range(y0, y1) if x < x1 and image.getpixel((x, y)) < 160]
        if ink:
            start = x if start is None else start
            rows.update(ink)
        elif start is not None:
            runs.append((max(rows) - min(rows) + 1, x - start))
            start, rows = None, set()
    return runs


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve_themed(tmp_path_factory.mktemp("graph"), GRAPH_TITLES, GRAPH_THEMES) as site:
        yield site


@pytest.mark.parametrize("width", [360, 412])
@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-HK"])
def test_a_graph_label_cut_on_a_phone_ends_in_an_ellipsis(
    graph: ServedSite, kept_pages: Any, variant: str, width: int
) -> None:
    """On a phone a note's label in the themes graph shows two lines.  The labels were end-aligned, against their
    dots, and Chromium then draws the clamp's "…" past the box's end, where it is clipped: 「（Generato」 (the "…"'s
    first dot under the note's dot), 「到 GitLab」 at 360 px, 「Pages 上部署」 at 412, the rest gone without a sign.
    Each cut label's last line ends in the three dots of "…" now (read from the pixels, the labels' underline
    taken off to read them)."""
    with kept_pages.open(
        viewport={"width": width, "height": 900}, device_scale_factor=2, is_mobile=True, has_touch=True
    ) as page:
        page.goto(graph.variant_url(variant, "themes/"))
        page.wait_for_selector(".zd-graph__label--note a")
        page.add_style_tag(content=".zd-graph__label a { text-decoration: none !important; }")
        page.evaluate("document.querySelector('.zd-graph').scrollIntoView()")
        page.wait_for_function("document.querySelector('.zd-graph').getBoundingClientRect().top >= -1")
        cut = page.evaluate(CUT_LABELS_JS)
        assert cut, "no label is cut at this width: the test reads nothing"
        shot = page.screenshot()
        for label in cut:
            runs = ink_runs(shot, {**label, "viewport": width})
            dots = runs[-3:]
            small = 0.3 * label["line"] * 2  # device px
            assert len(runs) >= 3 and all(height <= small and w <= label["em"] for height, w in dots), (
                label["text"],
                runs,
            )


# --------------------------------------------------------------------------- theme links standing alone

#: A link's box, and the box of what its line says next (the overview's count of notes and passages).
LINK_BOX_JS = """a => { const r = a.getBoundingClientRect(), next = a.nextElementSibling;
  const n = next && next.getBoundingClientRect();
  return {text: a.textContent, height: r.height, top: r.top, bottom: r.bottom,
          nextMiddle: n ? (n.top + n.bottom) / 2 : null}; }"""


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_a_themes_links_standing_alone_are_a_finger_high_on_a_phone(
    graph: ServedSite, kept_pages: Any, variant: str
) -> None:
    """Session 35 made the links that stand alone 24 px high to a finger (WCAG 2.5.8); two more were left at 21 px,
    a line of small text: a theme's name in the overview's list (the way to each theme) and the 「主题」 above a
    theme's title (the way back).  Both are 24 px or more now; the name's line still holds its count."""
    with kept_pages.open(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True) as page:
        page.goto(graph.variant_url(variant, "themes/"))
        names = [a.evaluate(LINK_BOX_JS) for a in page.locator("a.zd-themes__name").all()]
        assert names, "no theme in the overview"
        for name in names:
            assert name["height"] >= 24, name
            assert name["top"] < name["nextMiddle"] < name["bottom"], name  # 「1 篇 · 1 段」 on the same line
        page.goto(graph.variant_url(variant, "themes/server/"))
        kicker = page.locator(".zd-theme__kicker > a").evaluate(LINK_BOX_JS)
        assert kicker["height"] >= 24, kicker
