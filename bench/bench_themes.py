"""Benchmark: theme matching on generated corpora of 300 and 3,000 notes.

    .venv/bin/python bench/bench_themes.py            # matching only (about a minute)
    .venv/bin/python bench/bench_themes.py --build 300  # plus a real `mkdocs build` of 300 notes

The corpus is derived deterministically from the seeds: each seed is rendered
once with the passage extension; note k takes the passages of seed k mod 3,
rotated by k, each with a marker of k inserted so every passage is distinct.
Printed, at both sizes, in the same run:

* the baseline: rendering the notes' Markdown (what the build does anyway);
* Zhudu's matching (``matching.build_index``: fold, automaton, one scan, pins);
* a naive matcher (one compiled regex per theme, searched in every passage);
* ms per 1,000 passages and the 3,000 / 300 ratio (1.0 = linear growth);
* both matchers again with a map ten times larger (more themes should cost the
  automaton almost nothing, the regex loop ten times as much);
* matching's share of render + matching; with ``--build``, of a whole build.

Times are CPU time of this process (``time.process_time``): the machine is
shared, and wall-clock time would measure the neighbours.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

import markdown  # noqa: E402

from zhudu.annotate import passages  # noqa: E402
from zhudu.build import Build  # noqa: E402
from zhudu.themes import matching  # noqa: E402
from zhudu.themes import theme_map as themes  # noqa: E402
from zhudu.themes.theme_index import NotePassages  # noqa: E402


def _seed_bodies() -> list[str]:
    out = []
    for path in sorted((REPO / "seeds").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        out.append(re.split(r"^---\s*$", text, maxsplit=2, flags=re.M)[-1])
    return out


def _render(source: str) -> list[passages.Passage]:
    ext = passages.PassageExtension(fold=themes.fold)
    markdown.Markdown(extensions=["tables", "attr_list", "md_in_html", ext]).convert(source)
    return ext.last_passages


def corpus_sources(n: int) -> list[str]:
    """Markdown of ``n`` generated notes (deterministic)."""
    seeds = [[p.text for p in _render(body)] for body in _seed_bodies()]
    sources = []
    for k in range(n):
        paras = seeds[k % len(seeds)]
        shift = k % len(paras)
        rotated = paras[shift:] + paras[:shift]
        sources.append(
            "\n\n".join(f"{t[: len(t) // 2]}（第{k}篇）{t[len(t) // 2 :]}" for t in rotated) + "\n"
        )
    return sources


def naive_index(theme_map: themes.ThemeMap, notes: list[NotePassages]) -> int:
    """The design the automaton replaces: a regex per theme, searched in every passage."""
    patterns = [re.compile("|".join(re.escape(themes.fold(p)) for p in t.phrases)) for t in theme_map.themes]
    hits = 0
    for note in notes:
        for passage in note.passages:
            folded = themes.fold(passage.text)
            for pattern in patterns:
                if pattern.search(folded):
                    hits += 1
    return hits


def measure(n: int, theme_map: themes.ThemeMap, naive: bool) -> dict[str, float]:
    sources = corpus_sources(n)
    t0 = time.process_time()
    rendered = [_render(src) for src in sources]
    t1 = time.process_time()
    notes = [
        NotePassages(id=f"n{k:05d}", slug=f"n{k:05d}", title=f"n{k}", date="", passages=tuple(ps))
        for k, ps in enumerate(rendered)
    ]
    best = float("inf")
    for _ in range(3):  # best of three: the matcher's own cost, not the machine's hiccups
        matching.SCANS = matching.Scans()  # matched afresh (mkdocs serve keeps each note's scan)
        start = time.process_time()
        index = matching.build_index(theme_map, notes, clock=time.process_time)
        best = min(best, time.process_time() - start)
    result = {
        "notes": n,
        "passages": sum(len(p) for p in rendered),
        "chars": index.timings["chars"],
        "render": t1 - t0,
        "match": best,
        "hits": len(index.hits),
        **{f"t_{k}": v for k, v in index.timings.items() if k in ("fold", "automaton", "scan", "resolve")},
    }
    if naive:
        start = time.process_time()
        naive_index(theme_map, notes)
        result["naive"] = time.process_time() - start
    return result


def real_build(n: int) -> None:
    """A real in-process `mkdocs build` of ``n`` generated notes: the hook's theme phases vs the build."""
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import build_site  # the test harness' real build (no mocks)

    notes = {
        f"g{k:05d}.md": f"---\ntitle: 生成的笔记 {k}\ndate: 2024-01-01\n---\n\n{src}"
        for k, src in enumerate(corpus_sources(n))
    }
    editorial = {"themes.yml": (REPO / "docs/editorial/themes.yml").read_text(encoding="utf-8")}
    editorial["themes.yml"] = re.sub(
        r"\npins:.*", "\n", editorial["themes.yml"], flags=re.S
    )  # pins name seeds
    with tempfile.TemporaryDirectory() as tmp:
        start = time.process_time()
        result = build_site(Path(tmp), notes=notes, editorial=editorial, strict=False)
        total = time.process_time() - start
    hook = next(m for m in sys.modules.values() if isinstance(getattr(m, "_build", None), Build))
    tb = hook._build.themes
    match = tb.index.timings["total"]
    print(f"\nreal build of {n} notes: ok={result.ok}, {total:.1f} s in all")
    print(
        f"  theme matching {match * 1000:.0f} ms + marker injection {tb.inject_seconds * 1000:.0f} ms "
        f"= {(match + tb.inject_seconds) / total:.2%} of the build ({tb.summary()})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="300,3000")
    parser.add_argument(
        "--build", type=int, default=0, help="also run a real mkdocs build of this many notes"
    )
    args = parser.parse_args()
    theme_map = themes.load_theme_map(REPO / "docs/editorial/themes.yml", "docs/editorial/themes.yml")
    phrases = sum(len(t.phrases) for t in theme_map.themes)
    print(f"theme map: {len(theme_map.themes)} themes, {phrases} phrases")
    rows = [measure(int(n), theme_map, naive=True) for n in args.sizes.split(",")]
    print(
        f"{'notes':>6} {'passages':>9} {'chars':>10} {'render ms':>10} {'match ms':>9} {'naive ms':>9} "
        f"{'match/1k':>9} {'naive/1k':>9} {'share':>7}  (fold / automaton / scan / pins ms)"
    )
    for r in rows:
        per_k = r["match"] / r["passages"] * 1e6
        naive_k = r["naive"] / r["passages"] * 1e6
        share = r["match"] / (r["render"] + r["match"])
        print(
            f"{r['notes']:>6} {r['passages']:>9} {int(r['chars']):>10} {r['render'] * 1e3:>10.0f} "
            f"{r['match'] * 1e3:>9.1f} {r['naive'] * 1e3:>9.0f} {per_k:>9.2f} {naive_k:>9.2f} {share:>7.1%}"
            f"  ({r['t_fold'] * 1e3:.0f} / {r['t_automaton'] * 1e3:.1f} / {r['t_scan'] * 1e3:.0f} / "
            f"{r['t_resolve'] * 1e3:.0f})"
        )
    if len(rows) >= 2:
        small, large = rows[0], rows[-1]
        ratio = (large["match"] / large["passages"]) / (small["match"] / small["passages"])
        print(
            f"\nms per 1,000 passages, {large['notes']} vs {small['notes']} notes: ratio {ratio:.2f} "
            "(1.00 = linear growth)"
        )
        print(
            f"naive regex-per-theme matcher / Zhudu's automaton at {large['notes']} notes: "
            f"{large['naive'] / large['match']:.1f}x"
        )
    big = themes.ThemeMap(
        path="x10",
        themes=tuple(
            themes.Theme(
                id=f"{t.id}-{i}",
                name=t.name,
                description=t.description,
                phrases=tuple(p if i == 0 else f"{p}{i}号" for p in t.phrases),
                line=t.line,
            )
            for i in range(10)
            for t in theme_map.themes
        ),
    )
    r10 = measure(int(args.sizes.split(",")[0]), big, naive=True)
    r1 = rows[0]
    print(
        f"map x10 ({len(big.themes)} themes) at {r10['notes']} notes: automaton {r10['match'] * 1e3:.0f} ms "
        f"({r10['match'] / r1['match']:.2f}x of x1), regex loop {r10['naive'] * 1e3:.0f} ms "
        f"({r10['naive'] / r1['naive']:.2f}x of x1)"
    )
    if args.build:
        real_build(args.build)


if __name__ == "__main__":
    main()
