"""A query set asked of Material's search box in the page: the set's queries without a round trip each.

``bench_search.run_queries`` types every query with Playwright (fill, a key, a wait for the answer, the box cleared,
a wait for the placeholder): some ten round trips to the browser a query.  The query set tests are about the ranking,
so here the first query of each variant is still typed that way, and the rest are put into the same box by the page
itself, as zhudu's own suggestion buttons do (``lazy-search.js``: the value set, then the keyup Material reads), and
their results read from the same list, one ``page.evaluate`` a variant.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import bench_search

#: Each query typed into the box, its answer waited for (Material's count line leaves the placeholder), the result
#: links read as ``bench_search`` reads them (href, score, position), the box cleared and the placeholder waited for
#: again, so that the next answer cannot be this one's.  A query unanswered in ten seconds fails the whole call.
ASK_ALL_JS = """async ([queries, placeholder]) => {
  const box = document.querySelector('input.md-search__input');
  const meta = () => document.querySelector('.md-search-result__meta').textContent.trim();
  const until = (done, what) => new Promise((resolve, reject) => {
    if (done()) return resolve();
    const watch = new MutationObserver(() => { if (done()) { stop(); resolve(); } });
    const timer = setTimeout(() => { stop(); reject(new Error('no answer in 10 s: ' + what)); }, 10000);
    const stop = () => { watch.disconnect(); clearTimeout(timer); };
    watch.observe(document.querySelector('.md-search-result'),
                  {childList: true, subtree: true, characterData: true});
  });
  const type = (text) => {
    box.value = text;
    box.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));  /* Material reads the box on keyup */
  };
  const answers = [];
  for (const q of queries) {
    type(q);
    await until(() => meta() !== placeholder, q);
    answers.push([...document.querySelectorAll('a.md-search-result__link')].map((a, i) => [a.getAttribute('href'),
      parseFloat(a.querySelector('article').dataset.mdScore || '0'), i]));
    type('');
    await until(() => meta() === placeholder, 'the cleared box after ' + q);
  }
  return answers;
}"""


def ranked(links: list[list[Any]]) -> list[str]:
    """Result hrefs ranked by score, then position (as ``bench_search.ask`` ranks them)."""
    return [href for href, _, _ in sorted(links, key=lambda x: (-x[1], x[2]))]


def run_queries(
    page: Any, site_url: str, queries: list[bench_search.Query]
) -> dict[bench_search.Query, int | None]:
    """Rank (1-based) of the first hit of every query, None when it is not found (``bench_search.run_queries``)."""
    by_variant: dict[str, list[bench_search.Query]] = defaultdict(list)
    for query in queries:
        by_variant[query.variant].append(query)
    ranks: dict[bench_search.Query, int | None] = {}
    for variant in sorted(by_variant):
        placeholder = bench_search.open_search(page, f"{site_url}{variant}/")
        typed, *rest = by_variant[variant]
        answers = [bench_search.ask(page, typed.q, placeholder)]  # one typed with keys, as a reader does
        answers += [ranked(links) for links in page.evaluate(ASK_ALL_JS, [[q.q for q in rest], placeholder])]
        for query, hrefs in zip(by_variant[variant], answers, strict=True):
            ranks[query] = next(
                (i + 1 for i, h in enumerate(hrefs) if bench_search.is_hit(h, query, site_url)), None
            )
    return ranks
