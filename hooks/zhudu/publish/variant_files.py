"""Each variant's own sitemap and (with Material's search) search index, written once every page is.

The pages are written into every variant's folder as they come (``pagewriter``); these files are
made from all of them at the end of the build (``Site.write_sitemaps``, ``Site.write_search_indexes``;
Zhudu's own search index is ``search/stage.py``'s).  Pure module: URLs, variants, converters and the
site folder in, files out.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from zhudu.script import convert as script
from zhudu.script import variants

#: Output files that exist once per variant, not shared from the root.
PER_VARIANT_FILES = ("sitemap.xml", "search/search_index.json", "404.html")

#: Each sitemap written by this process: what it was made from and its files' size and mtime
#: after writing (a file changed or removed since is written again).
_SITEMAPS: dict[str, tuple[tuple[Any, ...], tuple[tuple[int, int], ...] | None]] = {}


def write_sitemaps(
    urls: Sequence[tuple[str, str | None]],
    site_variants: Sequence[variants.VariantInfo],
    site_url: str,
    site_dir: Path,
) -> int:
    """A sitemap per variant naming its pages (``urls``: (URL, last modified), sorted); how many were written."""
    written = 0
    for variant in site_variants:
        target = site_dir / variant.prefix / "sitemap.xml"
        packed = target.with_suffix(".xml.gz")
        made_from = (urls, repr(variant), repr(site_variants), site_url)
        kept = _SITEMAPS.get(str(target))
        if kept is not None and kept[0] == made_from and kept[1] == _stats(target, packed):
            continue  # a save that moved no page and no date: the files written last time hold
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(variants.sitemap(urls, variant, site_url), encoding="utf-8")
        # mtime=0 keeps the archive byte-identical between builds.
        data = target.read_bytes()
        packed.write_bytes(gzip.compress(data, mtime=0))
        _SITEMAPS[str(target)] = (made_from, _stats(target, packed))
        written += 1
    return written


def write_search_indexes(
    index: dict[str, Any],
    site_variants: Sequence[variants.VariantInfo],
    converter: Callable[[str, str], script.Converter],
    site_dir: Path,
) -> None:
    """Material's search index (``index``, as its plugin wrote it) in each variant's script, in its folder.

    ``converter``: (variant code, source script) → the converter writing Simplified text into that variant.
    """
    for variant in site_variants:
        convert = converter(variant.code, "Hans")
        docs = [
            {
                **doc,
                "title": convert.html(doc.get("title", "")),
                "text": convert.html(doc.get("text", "")),
            }
            for doc in index.get("docs", [])
        ]
        target = site_dir / variant.prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps({**index, "docs": docs}, ensure_ascii=False, separators=(",", ":")),
            encoding="utf-8",
        )


def _stats(*paths: Path) -> tuple[tuple[int, int], ...] | None:
    try:
        return tuple((st.st_size, st.st_mtime_ns) for st in (p.stat() for p in paths))
    except OSError:
        return None
