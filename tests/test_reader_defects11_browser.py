"""Session 33's reader pass: a link's underline under a closing bracket's empty half, a glossary term that
could not wrap on a phone."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from conftest import ServedSite, serve_built

#: Screenshots for a reviewer's look.
SHOTS = Path("/tmp/zd-reader-shots")
SHOTS.mkdir(exist_ok=True)

# --------------------------------------------------------------------------- a link ending in 「）」

LINKS_NOTE = """---
title: 链接
date: 2024-03-01
---

看[说明（见下）](other.md)再说。

看说明（见下）再说。

再看[**强调（注）**](other.md)与[「引号」](other.md)，还有[普通链接](other.md)。

外链[维基（百科）](https://example.org/)后文。
"""


@pytest.fixture(scope="module")
def links_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    other = "---\ntitle: 另一篇\ndate: 2024-03-02\n---\n\n正文。\n"
    with serve_built(
        tmp_path_factory.mktemp("linkends"), notes={"links.md": LINKS_NOTE, "other.md": other}
    ) as site:
        yield site


#: Each body link: its box, the box of its last character, the font size, the colour of its underline.
LINKS_JS = """() => [...document.querySelectorAll('.zd-note__body p a')].filter(a => a.textContent.trim()).map(a => {
  const range = document.createRange();
  const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
  let last = null; for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data) last = n;
  range.setStart(last, last.data.length - 1); range.setEnd(last, last.data.length);
  const box = a.getBoundingClientRect(), end = range.getBoundingClientRect();
  return {text: a.textContent, left: box.left, right: box.right, top: box.top, bottom: box.bottom + 8,
          endLeft: end.left, em: parseFloat(getComputedStyle(a).fontSize), colour: getComputedStyle(a).color};
})"""

#: Where 「再」 starts in the linked and in the plain sentence, from the paragraph's start.
SPACING_JS = """() => [...document.querySelectorAll('.zd-note__body p')].slice(0, 2).map(p => {
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.data.indexOf('再');
    if (at >= 0) { const r = document.createRange(); r.setStart(n, at); r.setEnd(n, at + 1);
      return r.getBoundingClientRect().left - p.getBoundingClientRect().left; }
  }
})"""


def underline(shot: bytes, link: dict[str, Any]) -> list[float]:
    """The pixels of the lowest row of the link's colour under the link (its underline), in CSS px."""
    image = Image.open(io.BytesIO(shot)).convert("RGB")
    scale = image.width / 1280
    red, green, blue = (int(v) for v in link["colour"].removeprefix("rgb(").rstrip(")").split(",")[:3])

    def is_link(pixel: tuple[int, int, int]) -> bool:
        return sum(abs(a - b) for a, b in zip(pixel, (red, green, blue), strict=True)) < 90

    x0, x1 = int(link["left"] * scale), int((link["right"] + link["em"]) * scale)
    for y in range(int(link["bottom"] * scale), int(link["top"] * scale), -1):
        row = [x for x in range(x0, x1) if is_link(image.getpixel((x, y)))]
        if len(row) > (x1 - x0) / 2:  # a line along the link, not a glyph's stroke
            return [x / scale for x in row]
    raise AssertionError(f"no underline under {link['text']}")


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_a_links_underline_stops_at_a_closing_brackets_ink(
    links_site: ServedSite, page: Any, variant: str
) -> None:
    """「）」 ends a link: its right half is the font's space, and the underline ran under it to the next word
    (``[说明（见下）](x)再说``).  It stops at the bracket's ink now, the sentence spaced as the same one unlinked; a
    link ending in a Han character is underlined to its end as before."""
    page.goto(links_site.variant_url(variant, "notes/links/"))
    page.wait_for_selector(".zd-note__body p a")
    spacing = page.evaluate(SPACING_JS)
    assert abs(spacing[0] - spacing[1]) < 0.5, spacing  # the bracket keeps its full width in the line
    shot = page.screenshot()
    for link in page.evaluate(LINKS_JS):
        row, em = underline(shot, link), link["em"]
        right = max(row)
        if "百科" in link["text"]:
            # An external link: its arrow takes the bracket's empty half, the underline runs on to it unbroken.
            assert link["right"] - link["endLeft"] < 1.5 * em, (variant, link)  # 1.83 em with the gap
            assert right > link["right"] - 2 and len(row) > 0.95 * (right - min(row)), (variant, link, right)
        elif link["text"].endswith(("）", "」")):
            # Under the ink (left half), not the empty right half.
            assert link["endLeft"] + 0.3 * em < right < link["endLeft"] + 0.6 * em, (variant, link, right)
        else:
            assert right > link["right"] - 2, (variant, link, right)


# --------------------------------------------------------------------------- a long glossary term on a phone

LONG_TERM = "国际标准化组织信息安全管理体系认证"
TERM_NOTE = f"""---
title: 术语
date: 2024-03-01
---

{"".join(f"{'前' * n}这段话提到{LONG_TERM}，后面还有一些字。" for n in range(12))}

再说一次：“{LONG_TERM}”。
"""
TERM_GLOSSARY = f"- term: {LONG_TERM}\n  explanation: 一种认证。\n"

#: Each glossary term's lines (its boxes), and how much room it left at the end of the line before it.
TERM_LINES_JS = """() => {
  const body = document.querySelector('.zd-note__body p').getBoundingClientRect();
  return [...document.querySelectorAll('.zd-note__body [data-zd-gloss]')].map(term => {
    const walker = document.createTreeWalker(term.closest('p'), NodeFilter.SHOW_TEXT);
    let last = null;  // the text node before the term
    for (let n = walker.nextNode(); n && !term.contains(n); n = walker.nextNode())
      if (n.data && !(term.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING)) last = n;
    const range = document.createRange();
    range.setStart(last, last.data.length - 1); range.setEnd(last, last.data.length);
    const before = range.getBoundingClientRect(), first = term.getClientRects()[0];
    // Where the term starts on a later line than the text before it: the room that line was left with.
    const left = first.top > before.top + 4 ? body.right - before.right : 0;
    return {lines: term.getClientRects().length, left, em: parseFloat(getComputedStyle(term).fontSize)};
  });
}"""


@pytest.fixture(scope="module")
def term_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve_built(
        tmp_path_factory.mktemp("longterm"),
        notes={"term.md": TERM_NOTE},
        editorial={"glossary.yml": TERM_GLOSSARY},
        zhudu={"glossary_marking": "every"},
    ) as site:
        yield site


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-HK"])
def test_a_long_glossary_term_wraps_like_text_on_a_phone(
    term_site: ServedSite, kept_pages: Any, variant: str
) -> None:
    """A term was a button, which no browser breaks inside: at 360 px a 17-character term went whole to the next
    line and left up to a line's width empty before it.  It wraps like the text round it now (some occurrence
    straddles a line end), no line gives it more than an em of room, and it still opens its card from the keyboard."""
    with kept_pages.open(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True) as page:
        page.goto(term_site.variant_url(variant, "notes/term/"))
        page.wait_for_selector(".zd-note__body [data-zd-gloss]")
        terms = page.evaluate(TERM_LINES_JS)
        assert len(terms) == 13, terms
        assert any(term["lines"] > 1 for term in terms), terms
        assert all(term["left"] < 1.5 * term["em"] for term in terms), terms
        page.screenshot(path=str(SHOTS / f"long-term-{variant}.png"), full_page=True)
        term = page.locator(".zd-note__body [data-zd-gloss]").first
        term.focus()
        page.wait_for_selector(".zd-gloss-tip:not([hidden])")
        page.keyboard.press("Escape")
        page.wait_for_selector(".zd-gloss-tip", state="hidden")
        page.keyboard.press("Enter")  # a button's keys: opens it (and keeps it open)
        page.wait_for_selector(".zd-gloss-tip:not([hidden])")
        assert term.get_attribute("aria-expanded") == "true" and term.get_attribute("role") == "button"
