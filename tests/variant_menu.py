"""The header's variant menu, used as a reader uses it: the link clicked where it is seen, once the menu is open.

Playwright's own ``click()`` scrolls its target into view first; the variant switch carries the reader's place on the
screen into the other variant, so a scroll made by the test before the click moved the place the test then checks.
"""

from __future__ import annotations

from typing import Any

#: True once the variant's link of the open menu has kept its place for a frame, is fully opaque and is the element a
#: tap at its middle reaches (the menu slides and fades in: a tap during that lands beside the link).
LINK_AT_REST = """code => {
  const link = document.querySelector(`.md-select__link[hreflang="${code}"]`);
  if (!link) return false;
  const r = link.getBoundingClientRect();
  const now = [r.x, r.y, r.width, r.height].join();
  const still = window.__zdLinkRect === now;
  window.__zdLinkRect = now;
  if (!still || !r.width) return false;
  for (let node = link; node instanceof Element; node = node.parentElement) {
    if (getComputedStyle(node).opacity !== "1") return false;
  }
  const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  return !!hit && link.contains(hit);
}"""


def click_variant_link(page: Any, code: str) -> None:
    """Click the menu's link to ``code`` at its middle, as a reader would; the menu must be open."""
    link = page.locator(f'.md-select__link[hreflang="{code}"]').first
    link.wait_for(state="visible")
    page.wait_for_function(LINK_AT_REST, arg=code, polling="raf")
    box = link.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
