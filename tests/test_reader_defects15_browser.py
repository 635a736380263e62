"""Session 36's reader pass (phone and desktop, both sites): what a reader saw move or go missing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import ServedSite, serve_built

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
