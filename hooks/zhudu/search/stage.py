"""The search stage of a build: Zhudu's sharded index from the pages' search records, written.

``write_zhudu_search`` is the one call the site makes (``Site.write_search_indexes``).  A build
makes the index from nothing and keeps nothing; ``mkdocs serve`` keeps the assembly between saves
(``search/assembly.py``), so a save redoes the edited pages' records and the shards they touch,
and writes only the files whose bytes changed (``search/writing.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhudu.annotate import annotations
from zhudu.cache import write_file
from zhudu.publish import incremental
from zhudu.script import convert as script
from zhudu.script.regional import default_regional
from zhudu.search import assembly as search_assembly
from zhudu.search import index as search
from zhudu.search import persist as search_persist
from zhudu.search import shards as search_shards
from zhudu.search.rule_words import rule_words
from zhudu.search.writing import write_index
from zhudu.search.written_record import WrittenRecord

if TYPE_CHECKING:
    from zhudu.publish.site import Site


def write_zhudu_search(
    site: Site,
    site_dir: Path,
    material_index: Mapping[str, Any],
    log: logging.Logger,
    kept: search_persist.DiskAssembly | None = None,
) -> None:
    """Zhudu's sharded passage index, from the pages' search records taken as each variant was written.

    The worker reads the shards (``search/shards.py``); each variant's ``search_index.json``
    holds only Material's search configuration (``search.stub_index``), for the browsers where
    Material still fetches it.  ``kept``: where a serve keeps its assembly on disk (a new one if none).
    """
    # Read page by page from the spool as the index is made, not all at once (textspool.py).
    order = [r.dest_uri for r in sorted(site.pages.values(), key=lambda r: (r.url, r.dest_uri))]
    variant_pages = [
        search.VariantPages(
            code=v.code,
            pages=search.PagesInOrder(
                site.search_pages.get(v.code, {}),
                [d for d in order if d in site.search_pages.get(v.code, {})],
            ),
        )
        for v in site.variants
    ]
    canonical = next((v.code for v in site.variants if v.script == "Hans"), site.default.code)
    prefixes = {v.code: v.prefix for v in site.variants}
    postings_at = search_shards.shared_folder(prefixes.values())
    serving = annotations.serving()
    kept = kept if kept is not None else search_persist.DiskAssembly()
    made = (
        kept.kept((canonical, postings_at, tuple(sorted(prefixes.items()))), site.cache_dir)
        if serving
        else search_assembly.Assembly(remember=False)  # a build sees each passage once
    )
    back = ("tw2sp", "hk2sp")
    files = made.files(
        variant_pages,
        canonical,
        script.opencc_converter("t2s").convert,
        {v.code: site.converter(v.code, "Hans").text for v in site.variants},
        [script.opencc_converter(c).convert for c in back],
        site.domain_words,
        vocabulary_of=site.vocabulary_of,
        postings_of=site.postings_of,
        postings_at=postings_at,
        # What those converters are made from: a new serve's aliases reuse a former one's words.
        conversion=repr((site.conversion_key, back)),
        # One Traditional variant's passages written whole, the others' as patches on them.
        fragments_base=next((v.code for v in site.variants if v.script != "Hans"), ""),
        simplified={v.code for v in site.variants if v.script == "Hans"},
        rule_words=rule_words(default_regional(), site.conversion_domain),
    )
    # A build is a new process: a dirty one starts from what the last build wrote (written_record.py).
    record = None if serving else WrittenRecord.open(site.cache_dir, site_dir, incremental.dirty())
    try:
        written = write_index(files, site_dir, prefixes, kept.take_deflated() if serving else None)
    except BaseException:
        search_persist.forget()  # half-updated: the next save starts from nothing
        raise
    if record is not None:
        record.keep()
    if serving:
        kept.site_dir = site_dir
        kept.built(made)
    stub = search.stub_index(material_index)
    for prefix in sorted(prefixes.values()):
        write_file(site_dir / prefix / "search" / "search_index.json", stub)
    stats = made.stats
    log.debug(
        "zhudu search: %d variant indexes, %d bytes; %d of %d page records redone, postings %s; "
        "%d files written, %d kept, %d folders renamed, %d deflated%s",
        len(prefixes),
        written.bytes,
        stats.redone,
        stats.pages,
        "rebuilt"
        if stats.rebuilt
        else f"spliced ({stats.keys_spliced} keys, {stats.entries_decoded} entries decoded)",
        written.files,
        written.kept,
        written.renamed,
        written.compressed,
        # A build cuts in its worker; aliases: words whose regional forms were not kept.
        f"; vocabulary: {search.TEXTS_CUT[0]} texts cut, aliases: {search.ALIASES_CONVERTED[0]} words converted"
        if serving
        else "",
    )
