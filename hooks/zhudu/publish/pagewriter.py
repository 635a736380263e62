"""Writing each rendered page into every variant's folder, beside MkDocs in forked page writers.

MkDocs hands every page over once rendered (``on_post_page``); ``write_variants`` gives it to a page
writer forked in ``on_config`` (``workers.HandOverPool``), or writes it in this process when there
is none (``workers: 0``, ``mkdocs serve``).  A page's copies depend only on its HTML, where it lives
and the build-wide inputs (``Site.output_fingerprint``), so they are kept under that key
(``cache.WrittenFiles``): a page written before is written again from there, not converted again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhudu import cache
from zhudu.annotate import annotations, glossary
from zhudu.compact import whitespace
from zhudu.publish import conversion_domain, interpunct, textspool, workers
from zhudu.publish.contentspool import ContentSpool
from zhudu.script import convert as script
from zhudu.script import variants
from zhudu.search import index as search

if TYPE_CHECKING:
    from zhudu.publish.site import Site

#: Pages handed to the page writers and not yet written, past which ``write_variants`` waits.
WRITERS_BACKLOG = 32
#: Pages handed to a writer in one task.  Each task wakes the executor's threads in this process,
#: which then take the interpreter lock from MkDocs' rendering for a few milliseconds (at 300
#: notes, handing pages over one by one cost the render loop about 2 s of waiting for the lock).
PAGES_PER_TASK = 8

#: The build state a page-writer process was forked with (``start_writers``).
_FORKED_SITE: list[Site] = []

Texts = tuple[tuple[str, search.PageText], ...]


def _adopt_in_worker(site: Site) -> None:
    _FORKED_SITE[:] = [site]


#: One page for a writer: its HTML, dest_uri, url, the site folder, whether it is searchable, its domain (``write_page``).
Handed = tuple[str, str, str, Path, bool, str | None]


def _write_in_worker(
    state: tuple[set[str], dict[str, dict[str, str]], str, Any], pages: list[Handed]
) -> list[tuple[str, Texts]]:
    site = _FORKED_SITE[0]
    # What the writer was forked without: the pages (for links), strings and conversion domain known once on_env has run.
    site.page_urls, site.strings, site.output_fingerprint, site.decided_domain = state
    written = []
    for html, dest_uri, url, site_dir, indexed, domain in pages:
        texts = write_page(site, html, dest_uri, url, site_dir, indexed, domain)
        # Spooled here: the build process keeps where the texts are, not the texts (textspool.py).
        written.append((dest_uri, site.text_spool.place(texts) if site.text_spool is not None else texts))
    return written


def start_writers(site: Site) -> None:
    """Fork the page writers now (``on_config``), before the corpus and the pages are in memory.

    They inherit the settings, the variants and what every converter shares (``script.preload``); what
    else a page needs, known once ``on_env`` has run, is handed over with the first page (``write_variants``).
    """
    if annotations.serving():
        return
    # With writers to fork, the regional matcher of every domain the notes may decide is compiled here too:
    # else each writer compiles the decided one again (TW and HK 0.1-0.2 s a process; the one not decided
    # costs this process about as much once).
    domains = conversion_domain.possible(site.settings.conversion_domain) if site.page_workers > 0 else ()
    for variant in site.script_variants:  # OpenCC's dictionaries and the rules, loaded once before the fork
        taken = {conversion_domain.for_converter(domain, variant.code, "Hans") for domain in domains}
        script.preload(variant, site.rules, domains=sorted(taken))
    if site.settings.search == "zhudu" and site.page_workers > 0:
        site.text_spool = textspool.Spool([v.code for v in site.variants])  # inherited by the writers
        site.search_pages.update(site.text_spool.variants)
    site._writers = workers.HandOverPool.fork(site.page_workers, _adopt_in_worker, (site,))
    if site.settings.search == "zhudu":  # Material's search reads every page's HTML before the page loop
        site.contents = ContentSpool()  # after the fork: the writers never see it
    if site._writers is None and site.text_spool is not None:  # no fork here: texts stay in memory
        site.text_spool.remove()
        site.text_spool = None
        site.search_pages.clear()


def write_variants(
    site: Site, html: str, dest_uri: str, url: str, site_dir: Path, domain: str | None = None
) -> None:
    """Write a page rendered for the site root into every variant's folder.

    With page writers started (``start_writers``), a worker does it and ``finish_writing``
    collects what it found for the search index.  ``domain``: a note's page's, where not the site's.
    """
    record = site.pages.get(dest_uri)
    indexed = (
        site.settings.search == "zhudu"
        and record is not None
        and record.searchable
        and dest_uri.endswith(".html")
    )
    if site._writers is None:
        site._record_texts(dest_uri, write_page(site, html, dest_uri, url, site_dir, indexed, domain))
        return
    site._batch.append((html, dest_uri, url, site_dir, indexed, domain))
    if len(site._batch) >= min(PAGES_PER_TASK, WRITERS_BACKLOG):
        _hand_over_batch(site)


def _hand_over_batch(site: Site) -> None:
    """Give the pages gathered in ``site._batch`` to a writer as one task; collect finished tasks."""
    writers = site._writers
    if writers is None or not site._batch:
        return
    if not writers.handed_over:  # on_env has run: what pages need is known
        writers.hand_over((site.page_urls, site.strings, site.output_fingerprint, site.decided_domain))
    batch, site._batch = site._batch, []
    pending = site._pending
    pending.append(writers.submit(_write_in_worker, batch))
    # A page not yet written holds its HTML here (the executor keeps a task's arguments until its
    # result is in): finished tasks are collected in order, and past a backlog of pages the oldest
    # is waited for, so the pages wait in the writers, not in memory.
    tasks_backlog = max(1, WRITERS_BACKLOG // len(batch))
    collected = 0
    for future in pending:
        if not (future.done() or len(pending) - collected > tasks_backlog):
            break
        for written in future.result():
            site._record_texts(*written)
        collected += 1
    del pending[:collected]


def finish_writing(site: Site, log: logging.Logger) -> None:
    """Wait for the page writers; their first error (a ``ZhuduError`` names the file) is raised here."""
    started = time.perf_counter()
    pending: list[Any] = []
    try:
        _hand_over_batch(site)  # the last pages, fewer than a task
        pending, site._pending = site._pending, []
        for future in pending:
            for dest_uri, texts in future.result():
                site._record_texts(dest_uri, texts)
    finally:
        if site._writers is not None:
            site._writers.shutdown(cancel_futures=True)
            site._writers = None
            log.debug(
                "page writers: %d tasks left after the last render; the build waited %.2f s for them",
                len(pending),
                time.perf_counter() - started,
            )


def write_page(
    site: Site, html: str, dest_uri: str, url: str, site_dir: Path, indexed: bool, domain: str | None = None
) -> Texts:
    """Write the page's variant copies, from the cache when the same page was written before.

    The copies depend only on the page's HTML, where it lives, its domain (a note's page's where not the
    site's, ``Site.page_domain``) and the build-wide inputs (``output_fingerprint``): with all of them
    unchanged, the files written last time are written again instead of converting the page once more.
    Returns the searchable texts.
    """
    store = site.page_store
    key = cache.digest(
        cache.code_version(), site.output_fingerprint, dest_uri, url, str(indexed), str(domain), html
    )
    targets = [site_dir / variant.prefix / dest_uri for variant in site.variants]
    kept = store.restore("pages", key, targets)
    if kept is not None:
        return kept
    blobs: list[bytes] = []
    texts = convert_page(site, html, dest_uri, url, targets, indexed, written=blobs, domain=domain)
    store.keep("pages", key, blobs, texts)
    return texts


def convert_page(
    site: Site,
    html: str,
    dest_uri: str,
    url: str,
    targets: Iterable[Path],
    indexed: bool,
    written: list[bytes] | None = None,
    domain: str | None = None,
) -> Texts:
    """Write the page's variant copies (one target per variant); returns (code, searchable text).

    ``written``: appended the bytes of each copy, for the cache; ``domain``: the page's, where not the site's.
    """
    texts: list[tuple[str, search.PageText]] = []
    # Here, not in ``on_post_page``: in a page writer, beside MkDocs' render loop, and not at all
    # when the page's copies come from the cache.
    html = whitespace.compact_chrome(whitespace.compact(html))
    # Every variant folder is one level deep, so URLs are re-aimed once for all of them (the
    # folder's name left as a placeholder), and the page is tokenized once; per variant only
    # the text is converted and the names filled in.
    html = variants.relocate(
        html,
        dest_uri=dest_uri,
        variant=variants.STAND_IN,
        variants=site.variants,
        page_url=url,
        is_variant_local=site.is_variant_local,
        site_url=site.site_url,
        memo=site._relocated,
    )
    # The tokenizing pass also gives the search index its text.
    tokens = script.tokenize_html(html, events=indexed, opaque=search.SKIPPED_CLASSES if indexed else None)
    page = search.outline(tokens.events) if indexed and tokens.events is not None else None
    points = variants.fill_points(html, tokens.pieces)
    # The glossary page: its terms' keys kept between builds, so pypinyin loads only for a new term.
    kept_keys = glossary.KeptKeys(site.cache_dir) if glossary.TERM_MARK in html else None
    for variant, target in zip(site.variants, targets, strict=True):
        # Even the default variant goes through its converter: inline -{…}- rules resolve there.
        pieces = site.converter(variant.code, "Hans", domain=domain).convert_pieces(tokens)
        strings = site.strings.get(variant.code, {})
        if points is not None:
            own = list(pieces) if pieces is tokens.pieces else pieces
            pieces = variants.fill_pieces(own, points, variant, strings)
            out = "".join(pieces)
        else:
            out = variants.fill(html if pieces is tokens.pieces else "".join(pieces), variant, strings)
        if kept_keys is not None:
            # Its index and entries in the order this variant's readers look words up in.
            out = glossary.order_terms(out, kept_keys.order_for(variant.code))
        out = interpunct.glue_middle_dots(out)  # after conversion: see interpunct.py
        data = out.encode("utf-8")
        cache.write_file(target, data)
        if written is not None:
            written.append(data)
        if indexed:
            texts.append(
                (
                    variant.code,
                    search.page_text(page, pieces, out, url) if page else search.extract_page(out, url),
                )
            )
    if kept_keys is not None:
        kept_keys.save()
    return tuple(texts)


def stop(site: Site) -> None:
    """Stop the page writers still running, dropping queued work (after the search index, or a failed build).

    The spooled texts stay readable as long as the site keeps them (``textspool.Spool``).
    """
    if site._writers is not None:
        site._writers.shutdown(wait=True, cancel_futures=True)
    site._writers = None
    site._pending = []
    site._batch = []
