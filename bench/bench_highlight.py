"""How many search results mark only part of the word a query found (session 36 — hilite).

Every query of ``tests/search_queries.yml`` (the shipped notes) and ``tests/search_queries_hexo.yml`` (the
Hexo documentation) is typed into all three variants; the worker's own ``search`` runs in Chromium against
the built site on 127.0.0.1. A result's ``<mark>`` is *partial* when jieba puts a word across one of its
edges both in the query (one of its readings, folded) and in the passage's folded text: 設定檔 (设置|档
read canonically) marking 置檔 of 配置檔 until session 44, 數分鐘 (数|分钟) marking 分鐘 of 幾分鐘 now.
``SIBLINGS`` adds queries of the kinds the query sets lack.

    .venv/bin/python bench/bench_highlight.py [--worker path/to/search-worker.js]
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import jieba
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import bench_search

WORKER = bench_search.REPO / "overrides" / "assets" / "zhudu" / "search-worker.js"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: Queries of the kinds the sets lack: a word found by a piece (設定檔), regional words of another length
#: (網際網路 / 互联网, 計程車 / 出租车), Latin next to Han, words split by markup in the notes.
SIBLINGS = [
    "設定檔",
    "设定档",
    "數分鐘",
    "数分钟",
    "配置檔",
    "設定檔案",
    "網際網路",
    "互联网",
    "計程車",
    "出租车",
    "軟體套件",
    "資料夾",
    "一鍵部署",
    "印表機",
    "打印機",
    "伺服器端",
    "Hexo設定檔",
    "hexo 配置文件",
    "網路服務",
    "外掛程式",
    "預設值",
]

#: Per result: its snippet and its title, each as text, the marks as [start, end) in it (code points, as
#: Python counts), the text folded; the readings; how many "w" shards the search fetched (none kept before).
_SEARCH_JS = """q => {
  Object.keys(FILES).filter(u => u.indexOf('/w-') >= 0).forEach(u => { delete FILES[u]; delete LOADED[u]; });
  const parts = html => {
    const p = document.createElement('p');
    p.innerHTML = html;
    const marks = [];
    let at = 0;
    p.childNodes.forEach(n => {
      const len = Array.from(n.textContent).length;
      if (n.nodeName === 'MARK') marks.push([at, at + len]);
      at += len;
    });
    return {text: p.textContent, folded: fold(p.textContent), marks: marks};
  };
  return search(q).then(r => ({
    words: Object.keys(FILES).filter(u => u.indexOf('/w-') >= 0).length,
    readings: readings(q.normalize('NFKC').replace(/\\s+/g, ' ').trim()).map(x => x.text),
    results: r.items.flat().map(d => ({title: parts(d.title), snippet: d.text ? parts(d.text.slice(3, -4)) : null}))
  }));
}"""


def word_edges(text: str) -> set[int]:
    """The places between two Han characters where jieba's cut of ``text`` puts no word boundary."""
    inside: set[int] = set()
    at = 0
    for word in jieba.cut(text, HMM=False):
        for k in range(at + 1, at + len(word)):
            if HAN.match(text[k - 1]) and HAN.match(text[k]):
                inside.add(k)
        at += len(word)
    return inside


def is_partial(folded: str, start: int, end: int, readings: list[str], inside: set[int]) -> bool:
    """Whether the mark [start, end) cuts a word of the passage at an edge where a word of the query goes on."""
    marked = folded[start:end]
    if not HAN.match(marked[:1] or " "):
        return False
    for reading in readings:
        within = word_edges(reading)
        at = reading.find(marked)
        while at >= 0:
            if (at in within and start in inside) or (at + len(marked) in within and end in inside):
                return True
            at = reading.find(marked, at + 1)
    return False


def count(page: Any, site_url: str, queries: list[str]) -> tuple[dict[str, list[int]], list[str]]:
    """Per kind (snippet, title): texts, marks and partial marks over ``queries`` in every variant; the
    partial marks shown, and how many searches with results fetched a words shard."""
    counts = {"snippet": [0, 0, 0], "title": [0, 0, 0]}
    shown: list[str] = []
    fetching = 0
    for variant in bench_search.VARIANTS:
        base = f"{site_url}{variant}/search/manifest.json"
        page.goto(base)
        page.add_script_tag(content=WORKER.read_text(encoding="utf-8"))
        page.evaluate("u => loadManifest(u)", base)
        for q in queries:
            answer = page.evaluate(_SEARCH_JS, q)
            fetching += bool(answer["results"] and answer["words"])
            for result in answer["results"]:
                for kind, part in result.items():
                    if part is None:
                        continue
                    tally = counts[kind]
                    tally[0] += 1
                    inside = word_edges(part["folded"])
                    for start, end in part["marks"]:
                        tally[1] += 1
                        if is_partial(part["folded"], start, end, answer["readings"], inside):
                            tally[2] += 1
                            text = part["text"]
                            around = (
                                f"{text[max(0, start - 4) : start]}[{text[start:end]}]{text[end : end + 4]}"
                            )
                            shown.append(f"{variant} {q} ({kind}): {around}")
    shown.append(f"searches with results that fetched a words shard: {fetching}")
    return counts, shown


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS, serve_built

    global WORKER
    if "--worker" in argv:
        WORKER = Path(argv[argv.index("--worker") + 1])
    sets = {
        "shipped notes": (bench_search.QUERIES, {"repo_notes": True, "repo_editorial": True, "strict": True}),
        "Hexo docs": (bench_search.HEXO_QUERY_SET, {"notes": bench_search.hexo_notes(), "strict": False}),
    }
    jieba.setLogLevel(60)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, (path, build) in sets.items():
            queries = sorted(
                {item["q"] for item in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]}
            )
            queries += [q for q in SIBLINGS if q not in queries]
            with serve_built(Path(tmp) / path.stem, **build) as site:
                page = browser.new_page()
                counts, shown = count(page, site.url, queries)
                page.close()
            print(f"{name}: {len(queries)} queries (with {len(SIBLINGS)} siblings) x 3 variants")
            for kind, (texts, marks, partial) in counts.items():
                print(f"  {kind}s: {texts}, {marks} marks, {partial} partial")
            for line in shown:
                print("   ", line)
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
