"""A callout as a reader sees it: an admonition's title is a band across its whole box."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import ServedSite, serve_built

pytestmark = pytest.mark.browser

NOTE = (
    "---\ntitle: 提示框\ndate: 2024-05-01\n---\n\n"
    "> [!note] 提示的标题\n> 提示内容：一段足够长的文字，比正文一行的宽度还要长一些，好看出框有多宽。\n\n"
    "> [!question]- 折叠的问题\n> 回答。\n\n正文。\n"
)

GEOMETRY = """() => [...document.querySelectorAll('.md-typeset .admonition, .md-typeset details')].map(box => {
  const title = box.querySelector(':scope > .admonition-title, :scope > summary').getBoundingClientRect();
  const outer = box.getBoundingClientRect();
  const style = getComputedStyle(box);
  const inner = outer.width - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
  return [Math.round(title.width), Math.round(inner)];
})"""


@pytest.fixture(scope="module")
def callout_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """``NOTE`` built once for every width (the tests only read it)."""
    with serve_built(tmp_path_factory.mktemp("callout"), notes={"callout.md": NOTE}) as site:
        yield site


@pytest.mark.parametrize("width", [1280, 390])
def test_an_admonitions_title_band_spans_its_box(callout_site: ServedSite, page: Any, width: int) -> None:
    # Reading text is kept to 38em a line; a title is not reading text (it stopped at half the box).
    site = callout_site
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site.variant_url("zh-Hans", "notes/callout/"), wait_until="load")
    boxes = page.evaluate(GEOMETRY)
    assert len(boxes) == 2
    for title, inner in boxes:
        assert abs(title - inner) <= 1, boxes
