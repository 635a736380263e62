"""Cost of the variants: building all three against building the default variant alone.

For each corpus size, bench/corpus.py writes a Zhudu project; it is built in child processes
twice per round, alternately: once as configured (zh-Hans, zh-Hant-TW, zh-Hant-HK) and once
with ``extra.zhudu.variants`` cut to the first (zh-Hans) only. Everything else is the same.
Prints the best wall time of each and the ratio, then a pyinstrument profile summary of one
all-variants build (``--profile``) so you can see what dominates.

Usage: ``.venv/bin/python bench/bench_variants.py [--sizes 3,300] [--repeat 3] [--profile]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus
from bench_build import build


def only_default_variant(project: Path) -> Path:
    """A copy of ``project``'s mkdocs.yml keeping only the first variant; returns its folder."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("    variants:\n")
    lines = text[start:].split("\n")
    # Keep the "variants:" line and the first "- code:" item (until the second "- code:").
    items = [i for i, line in enumerate(lines) if line.strip().startswith("- code:")]
    kept = lines[: items[1]] if len(items) > 1 else lines
    (project / "mkdocs.yml").write_text(text[:start] + "\n".join(kept) + "\n", encoding="utf-8")
    data = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    assert len(data["extra"]["zhudu"]["variants"]) == 1
    return project


class _AnyTagLoader(yaml.SafeLoader):
    pass


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3,300")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="profile one all-variants build")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="zd-variants-") as tmp:
        tmp_path = Path(tmp)
        for n in sizes:
            full = corpus.make_project(n, tmp_path / f"all-{n}")
            single = only_default_variant(corpus.make_project(n, tmp_path / f"one-{n}"))
            best_all = best_one = float("inf")
            pages_all = pages_one = 0
            for _ in range(args.repeat):
                run = build(full, tmp_path / f"out-all-{n}")
                best_all, pages_all = min(best_all, run.seconds), run.pages
                run = build(single, tmp_path / f"out-one-{n}")
                best_one, pages_one = min(best_one, run.seconds), run.pages
            rows.append((n, best_one, best_all, pages_one, pages_all))
            if args.profile and n == sizes[-1]:
                out = Path.cwd() / f"bench-variants-profile-{n}.txt"
                build(full, tmp_path / f"out-prof-{n}", profile=out)
                print(f"profile of the all-variants build at {n} notes: {out}")
    print(f"\n{'notes':>6} {'zh-Hans only':>13} {'all 3 variants':>15} {'ratio':>6} {'html files':>12}")
    for n, one, allv, p_one, p_all in rows:
        print(f"{n:>6} {one:>12.2f}s {allv:>14.2f}s {allv / one:>6.2f} {p_one:>5} → {p_all:<5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
