"""Session 31's reader review: footnote marks on a phone (the glossary's variant switch is in
test_reader_defects6_browser.py, the summaries and heading links are build tests).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import ServedSite, serve_built

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


# --------------------------------------------------------------------------- footnotes on a phone

#: Paragraphs whose footnote mark falls at every place of a line: 「…较长的脚注」 then 「2。」 starting the next
#: line (the review's note at 390 px, zh-Hant-HK), the mark parted from the word it annotates.
FOOTNOTE_NOTE = (
    "---\ntitle: 脚注\n---\n\n"
    + "\n\n".join(f"{'字' * n}，还有一个较长的脚注[^{n}]。后面的话。" for n in range(1, 25))
    + "\n\n"
    + "\n".join(f"[^{n}]: 第 {n} 个脚注。" for n in range(1, 25))
    + "\n"
)
#: Each footnote mark whose line is not the line of the character before it.
PARTED_MARKS = """() => [...document.querySelectorAll('.md-content sup[id^="fnref"]')].filter(sup => {
  const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  let last = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (sup.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) break;
    if (node.data.length && !sup.contains(node)) last = node;
  }
  const range = document.createRange();
  range.setStart(last, last.data.length - 1);
  range.setEnd(last, last.data.length);
  const char = range.getBoundingClientRect(), mark = sup.getBoundingClientRect();
  const middle = (mark.top + mark.bottom) / 2;
  return middle < char.top || middle > char.bottom;
}).map(sup => sup.id)"""


@pytest.fixture(scope="module")
def footnote_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """``FOOTNOTE_NOTE`` built once for every variant (the tests only read it)."""
    with serve_built(tmp_path_factory.mktemp("footnotes"), notes={"fn.md": FOOTNOTE_NOTE}) as site:
        yield site


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-HK"])
def test_a_footnote_mark_stays_on_the_line_of_the_word_it_marks(
    footnote_site: ServedSite, kept_pages: Any, variant: str
) -> None:
    """A footnote's number could start a line (and the 「。」 after it) on a phone: browsers may break before
    a superscript after a Chinese character, as before any number."""
    site = footnote_site
    with kept_pages.open(**PHONE) as page:
        page.goto(site.variant_url(variant, "notes/fn/"))
        page.wait_for_load_state("load")
        assert page.locator('sup[id^="fnref"]').count() == 24
        assert page.evaluate(PARTED_MARKS) == []
