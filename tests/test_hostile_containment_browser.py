"""A note's HTML stays inside the note on its page, in every variant (a reader's browser, real Chromium).

A stray ``</div></article>`` in a note closed the page's ``div.zd-note__body`` and ``article``: the
note's next link stood in the page's chrome (``a.closest('.zd-note__body')`` was null), where it
could pose as the site's own.  Each ``contain-*`` case of the hostile table is one note here; the
text and the link it writes after its HTML must be inside the body, and the body where the template
put it.  (``hooks/zhudu/notes/containment.py``.)
"""

from __future__ import annotations

import pytest

from conftest import serve_built
from hostile import PROBE, by_name

#: An unclosed ``<style>``'s content is the rest of the note: removed with it (with a warning).
SWALLOWED = {"style-open"}
CASES = {
    name.removeprefix("contain-"): case for name, case in by_name().items() if name.startswith("contain-")
}

#: What is wrong with the page's tree, as Chromium built it ("" when nothing is).
CHECK = """([probe, mustSee]) => {
  const bodies = document.querySelectorAll('.zd-note__body');
  if (bodies.length !== 1) return `${bodies.length} note bodies`;
  const body = bodies[0];
  if (!body.parentElement.matches('article.zd-note') ||
      !body.parentElement.parentElement.matches('article.md-content__inner'))
    return 'the note body is not where the template put it';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.includes(probe)) continue;
    seen += 1;
    if (!body.contains(node)) return `"${node.data.trim()}" outside the note body`;
  }
  for (const link of document.querySelectorAll('a[href="https://example.org/"]'))
    if (!link.closest('.zd-note__body')) return 'the note link outside the note body';
  return seen || !mustSee ? '' : 'no probe text on the page';
}"""


@pytest.fixture(scope="module")
def contained_site(tmp_path_factory):
    notes = {f"{name}.md": case.notes["bad.md"] for name, case in CASES.items()}
    with serve_built(tmp_path_factory.mktemp("contain"), notes=notes, strict=False) as site:
        yield site


@pytest.mark.browser
@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_what_a_note_writes_after_stray_end_tags_stays_inside_the_note(contained_site, page, variant):
    wrong = {}
    for name in CASES:
        page.goto(contained_site.variant_url(variant, f"notes/{name}/"))
        if problem := page.evaluate(CHECK, [PROBE, name not in SWALLOWED]):
            wrong[name] = problem
    assert wrong == {}
