"""The search stage alone, for its memory: the index of a built site made again from its fragments.

Reads every variant's pages back from a site's ``f-*`` fragment files (URL, title, passages: what
the stage is made from), spools them as the build does (``publish/textspool.py``), then runs the
build's search stage (``Assembly(remember=False)`` and ``write_index``) into ``OUT`` and prints its
peak RSS above what the pages' records cost, its CPU time and a digest of every file written (to
compare two versions of the code).  Converters are plain OpenCC ones, not the editor's rules.

Usage: ``.venv/bin/python bench/mem_search.py SITE OUT [--trace 20]``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
from zhudu.publish.textspool import Spool
from zhudu.script import convert as script
from zhudu.search import assembly, shards
from zhudu.search import index as search
from zhudu.search.writing import write_index

PREFIXES = {"zh-Hans": "zh-Hans/", "zh-Hant-TW": "zh-Hant-TW/", "zh-Hant-HK": "zh-Hant-HK/"}
OPENCC = {"zh-Hans": None, "zh-Hant-TW": "s2twp", "zh-Hant-HK": "s2hk"}


def _pages(folder: Path) -> dict[str, search.PageText]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    pages = {}
    for start, count in shards.page_starts(manifest):
        rows, head = [], None
        for chunk in range(max(-(-count // manifest["chunk"]), 1)):
            data = shards.fragment(folder, manifest, f"{start}-{chunk}.json")  # a patch applied
            head = head or data
            rows += [[r[0], data["h"][r[1]], *r[2:]] for r in data["p"]]  # a heading by its place in "h"
        assert head is not None
        passages = tuple(search.PassageText(r[0], r[2], "" if r[1] == head["t"] else r[1]) for r in rows)
        pages[head["l"]] = search.PageText(head["l"], head["t"], passages)
    return pages


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--trace", type=int, default=0)
    args = parser.parse_args(argv)
    spool = Spool(list(PREFIXES))
    for code, prefix in PREFIXES.items():
        for url, page in sorted(_pages(args.site / prefix / "search").items()):
            spool.variants[code][url] = page
    convert = {
        code: (script.opencc_converter(name).convert if name else (lambda t: t))
        for code, name in OPENCC.items()
    }
    t2s = script.opencc_converter("t2s").convert
    to_canonical = [script.opencc_converter(c).convert for c in ("tw2sp", "hk2sp")]
    search.warm_vocabulary([])
    t2s("预热")
    if args.trace:
        tracemalloc.start(8)
    before, cpu = _rss_mib(), time.process_time()
    variant_pages = [
        search.VariantPages(code, search.PagesInOrder(spool.variants[code], sorted(spool.variants[code])))
        for code in PREFIXES
    ]
    made = assembly.Assembly(remember=False).files(
        variant_pages,
        "zh-Hans",
        t2s,
        convert,
        to_canonical,
        [],
        postings_at=shards.shared_folder(PREFIXES.values()),
        fragments_base="zh-Hant-TW",  # as the build (search/stage.py)
        simplified={"zh-Hans"},
    )
    peak_traced = 0
    snapshot = None

    def watched():
        nonlocal peak_traced, snapshot
        for item in made:
            if args.trace:
                current, _ = tracemalloc.get_traced_memory()
                if current > peak_traced:
                    peak_traced, snapshot = current, tracemalloc.take_snapshot()
            yield item

    written = write_index(watched(), args.out, PREFIXES)
    cpu = time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    digest = hashlib.sha256()
    for path in sorted(args.out.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(args.out)).encode() + b"\0" + path.read_bytes())
    print(
        f"records {before:.0f} MiB RSS before the stage; peak RSS {peak:.0f} MiB (+{peak - before:.0f}); "
        f"CPU {cpu:.1f} s; {written.bytes} bytes; digest {digest.hexdigest()[:16]}"
    )
    if args.trace:
        _, traced_peak = tracemalloc.get_traced_memory()
        print(
            f"traced peak {traced_peak / 2**20:.0f} MiB; at the largest variant handed over {peak_traced / 2**20:.0f} MiB"
        )
        assert snapshot is not None
        for stat in snapshot.statistics("traceback")[: args.trace]:
            print(f"  {stat.size / 2**20:.1f} MiB {stat.count} blocks")
            for line in stat.traceback.format()[-8:]:
                print(f"    {line}")
    spool.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
