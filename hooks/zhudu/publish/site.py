"""One build of the site: the state the MkDocs events share, created afresh in ``on_config``.

``Site`` holds the settings, the corpus, the variants and their converters, and
turns pages into their variant copies.  It knows file paths and strings, not
MkDocs objects; the hook entry module passes it what it needs.  Its stages live in
their own modules: reading the notes (``note_loading``, a mixin), the converters and how a note's words are
shown in each script (``site_scripts``, a mixin), writing a page's
variant copies (``pagewriter``), each variant's sitemap and search index (``variant_files``).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from zhudu import cache
from zhudu.annotate import annotations, quoted_script
from zhudu.errors import ZhuduError
from zhudu.notes.corpus import Corpus, Note
from zhudu.publish import conversion_domain, pagewriter, textspool, variant_files, workers
from zhudu.publish.contentspool import ContentSpool
from zhudu.publish.note_loading import NOTES_PER_READER, NoteLoading
from zhudu.publish.site_scripts import SiteScripts
from zhudu.script import convert as script
from zhudu.script import variants
from zhudu.search import index as search
from zhudu.search import numbering
from zhudu.search.postings import Postings
from zhudu.settings import ZhuduConfig

#: Variants used when mkdocs.yml names none.
DEFAULT_VARIANTS: tuple[dict[str, Any], ...] = (
    {
        "code": "zh-Hans",
        "name": "简体",
        "prefix": "zh-Hans",
        "script": "Hans",
        "opencc_from_hans": None,
        "opencc_from_hant": "t2s",
        "material_language": "zh",
        "og_locale": "zh_CN",
    },
)

#: A collection of at most this many notes is small: its build is over too soon for page writers to
#: pay for their fork and hand-over (``Site.page_workers``; bench/RESULTS.md, session 23).
SMALL_COLLECTION_NOTES = 10

#: Up to this many notes, jieba's dictionary loads as soon as the vocabulary's worker is forked: the
#: notes are read in this process alone (``NOTES_PER_READER``), which leaves a core free for the load,
#: and the search stage no longer waits for it (0.8-1.4 s at 90 notes; bench/RESULTS.md, session 26).
#: Past it, the dictionary (about 60 MiB) would be held through a page loop that fills both cores.
VOCABULARY_AT_FORK_NOTES = 2 * NOTES_PER_READER - 1

#: A collection of more notes than this makes its search postings in the build process, not in a
#: worker beside the variants' records (``Site.postings_of``): at 3,000 notes the worker's task
#: (about 100 MiB, besides its share of what the workers were forked with) overlapped the build
#: process's own peak and put the build's over 800 MiB (bench/RESULTS.md, session 24).
POSTINGS_WORKER_NOTES = 1_000


@dataclass
class PageRecord:
    """A page written in every variant."""

    dest_uri: str
    url: str
    lastmod: str | None = None
    searchable: bool = True  # False: the page's front matter says ``search: {exclude: true}``


@dataclass
class Site(NoteLoading, SiteScripts):
    """The per-build state shared by the events."""

    settings: ZhuduConfig
    root: Path
    site_url: str
    corpus: Corpus = field(default_factory=lambda: Corpus(notes=[]))
    note_by_src: dict[str, Note] = field(default_factory=dict)
    pages: dict[str, PageRecord] = field(default_factory=dict)
    page_urls: set[str] = field(default_factory=set)
    missing_images: list[str] = field(default_factory=list)
    #: mkdocs serve: editorial files served without, as (the error, what is not shown: words of the page)
    build_errors: list[tuple[str, str]] = field(default_factory=list)
    strings: dict[str, dict[str, str]] = field(default_factory=dict)
    #: The conversion domain, decided once the notes are read (``load_notes``; ``publish/conversion_domain.py``).
    decided_domain: conversion_domain.SiteDomain | None = None
    #: Variant code -> dest_uri -> the page's searchable text, taken as each page is written.
    search_pages: dict[str, dict[str, search.PageText]] = field(default_factory=dict)
    #: mkdocs build with page writers: the search texts wait on disk (``publish/textspool.py``).
    text_spool: textspool.Spool | None = field(default=None, repr=False)
    #: mkdocs build: note pages' HTML waits on disk from its render to its page (``publish/contentspool.py``).
    contents: ContentSpool | None = field(default=None, repr=False)
    _writers: workers.HandOverPool | None = field(default=None, repr=False)
    _pending: list[Future[Any]] = field(default_factory=list, repr=False)
    #: Pages rendered and not yet handed to a page writer (``pagewriter.PAGES_PER_TASK``).
    _batch: list[pagewriter.Handed] = field(default_factory=list, repr=False)
    _vocabulary: workers.TaskWorker | None = field(default=None, repr=False)
    _vocabulary_loading: bool = field(default=False, repr=False)  # its worker was asked to load jieba
    _postings: workers.TaskWorker | None = field(default=None, repr=False)  # ``postings_of``'s worker
    #: URLs re-aimed for the variant folders, by what they depend on (``variants.relocate``).
    _relocated: dict[tuple[str, str, str], str] = field(default_factory=dict, repr=False)
    #: Folders resolved by ``display`` in this build (every note of a folder shares its own).
    _resolved: dict[Path, Path] = field(default_factory=dict, repr=False)
    _shown: dict[Path, str] = field(default_factory=dict, repr=False)  # folder → as ``display`` shows it

    # ----------------------------------------------------------------- configuration

    @cached_property
    def variant_configs(self) -> list[Any]:
        """The configured variants (the first is the default, at the root)."""
        return list(self.settings.variants) or [dict(v) for v in DEFAULT_VARIANTS]

    @cached_property
    def variants(self) -> list[variants.VariantInfo]:
        """Variant descriptions for page writing."""
        out = []
        seen: set[str] = set()
        for v in self.variant_configs:
            prefix = v["prefix"].strip("/")
            if not prefix or prefix in seen or "/" in prefix:
                raise ZhuduError(
                    "mkdocs.yml",
                    None,
                    f"extra.zhudu.variants: {v['code']} needs its own prefix, one folder name "
                    "(every variant lives in its own folder; the root keeps redirects)",
                )
            seen.add(prefix)
            out.append(
                variants.VariantInfo(
                    code=v["code"],
                    name=v["name"],
                    prefix=prefix + "/",
                    material_language=v["material_language"],
                    script=v["script"],
                )
            )
        return out

    @property
    def default(self) -> variants.VariantInfo:
        """The default variant, served at the site root."""
        return self.variants[0]

    @property
    def editorial_dir(self) -> Path:
        """Folder of the editorial data files."""
        return self.root / self.settings.editorial_dir

    @cached_property
    def page_store(self) -> cache.WrittenFiles:
        """Pages' variant copies kept between builds (``pagewriter.write_page``)."""
        return cache.WrittenFiles(self.cache_dir)

    @property
    def cache_dir(self) -> Path | None:
        """Where per-note artifacts are kept between builds (``extra.zhudu.cache_dir``); None: nowhere."""
        return self.root / self.settings.cache_dir if self.settings.cache_dir else None

    @property
    def seeds_dir(self) -> Path:
        """Folder of the author's notes."""
        return self.root / self.settings.seeds_dir

    def display(self, path: Path) -> str:
        """A path as messages show it, relative to mkdocs.yml.

        Only the folders on the way are resolved: a note that is a symbolic link is named as the
        author sees it (``seeds/link.md``), not as the file it leads to.
        """
        try:
            if (folder := self._shown.get(path.parent)) is None:  # once per folder: every note every save
                folder = self._shown[path.parent] = (
                    self._resolve(path.parent).relative_to(self._resolve(self.root)).as_posix()
                )
        except (ValueError, OSError, RuntimeError):
            return str(path)
        return path.name if folder == "." else f"{folder}/{path.name}" if path.name else folder

    def _resolve(self, folder: Path) -> Path:
        """``folder.resolve()``, once per build (a build's folders do not move while it reads them)."""
        found = self._resolved.get(folder)
        if found is None:
            found = self._resolved[folder] = folder.resolve()
        return found

    # ----------------------------------------------------------------- pages in every variant

    def register_page(
        self,
        dest_uri: str,
        url: str,
        lastmod: str | None,
        searchable: bool = True,
        last: PageRecord | None = None,
    ) -> None:
        """Record a page the variants each have a copy of (``last``: an earlier build's, kept when equal)."""
        record = PageRecord(dest_uri=dest_uri, url=url, lastmod=lastmod, searchable=searchable)
        self.pages[dest_uri] = last if last == record else record
        self.page_urls.add(url)
        self.page_urls.add(dest_uri)

    def is_variant_local(self, root_relative: str) -> bool:
        """Whether a root-relative path is something each variant has its own copy of."""
        root_relative = root_relative or "./"  # the home page: File.url is "./" where Page.url is ""
        return (
            root_relative in self.page_urls
            or root_relative in variant_files.PER_VARIANT_FILES
            or root_relative.rstrip("/") + "/" in self.page_urls
        )

    def interface_strings(self, language: str, lookup: Any, keys: Iterable[str], code: str) -> dict[str, str]:
        """Material's interface strings for one variant (``language`` is Material's name)."""
        if code not in self.strings:
            table = {key: str(lookup(language, key)) for key in keys}
            if hant := any(v.code == code and v.script == "Hant" for v in self.variants):
                # Material's zh-Hant has Simplified characters in Traditional sentences ("找到 1 个符合條件的結果").
                to_traditional = script.opencc_converter("s2t").convert
                table = {key: to_traditional(text) for key, text in table.items()}
            table["language"] = code
            table[quoted_script.LANG_KEY] = quoted_script.lang_value("Hant" if hant else "Hans", code)
            self.strings[code] = table
        return self.strings[code]

    @cached_property
    def output_fingerprint(self) -> str:
        """Everything besides a page's HTML that its written variants depend on (set by ``on_env``)."""
        inputs = (
            sorted(self.page_urls),
            sorted((code, sorted(table.items())) for code, table in self.strings.items()),
            [vars(v) for v in self.variants],
            self.variant_configs,
            self.site_url,
            self.settings.search,
            self._rules_key,
            self.domain_key,
        )
        return hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()

    def write_variants(
        self, html: str, dest_uri: str, url: str, site_dir: Path, domain: str | None = None
    ) -> None:
        """Write a page rendered for the site root into every variant's folder (``pagewriter``).

        ``domain``: a note's page's, where not the site's (``page_domain``).
        """
        pagewriter.write_variants(self, html, dest_uri, url, site_dir, domain)

    def _record_texts(self, dest_uri: str, texts: Iterable[tuple[str, search.PageText]]) -> None:
        for code, text in texts:
            self.search_pages.setdefault(code, {})[dest_uri] = text

    # ----------------------------------------------------------------- worker processes

    def slicing(self, items: int, smallest_slice: int) -> tuple[int, workers.SlicesMap]:
        """How many slices a step cuts ``items`` into, and the ``map`` that runs the slices.

        One slice per CPU, none smaller than ``smallest_slice``; this process takes the first,
        forked workers the others (``workers.forked_map``).
        """
        slices = workers.slice_count(items, self._forking_cpus, smallest_slice)
        return slices, lambda function, parts: workers.forked_map(function, parts, slices)

    @property
    def _forking_cpus(self) -> int:
        """CPUs a step may fork workers for: none while serving (rebuilds run beside the server's threads)."""
        return 1 if annotations.serving() else workers.pool_size(self.settings.workers)

    def start_vocabulary(self) -> None:
        """Fork the search vocabulary's worker now, while this process holds little (``mkdocs build`` only).

        Up to ``VOCABULARY_AT_FORK_NOTES`` notes the worker loads jieba's dictionary at once (about
        half a second of CPU), beside the steps that leave a core free, not after the page loop.
        """
        if annotations.serving() or self.settings.search != "zhudu":
            return
        self._vocabulary = workers.TaskWorker.fork(min(1, workers.pool_size(self.settings.workers)))
        if self.has_notes_at_most(VOCABULARY_AT_FORK_NOTES):
            self.load_vocabulary()
        if self.page_workers >= 2 and self.has_notes_at_most(POSTINGS_WORKER_NOTES):
            self._postings = workers.TaskWorker.fork()  # a CPU for them beside this process's

    @cached_property
    def small_collection(self) -> bool:
        """Whether ``seeds/`` holds at most ``SMALL_COLLECTION_NOTES`` notes (counted in ``on_config``)."""
        return self.has_notes_at_most(SMALL_COLLECTION_NOTES)

    @cached_property
    def page_workers(self) -> int:
        """Page writers for this build (two or more: a pre-render worker too).

        ``extra.zhudu.workers``; unset, one per CPU, but none for a small collection: one process is faster.
        """
        if self.settings.workers is None and self.small_collection:
            return 0
        return workers.pool_size(self.settings.workers)

    def load_vocabulary(self) -> None:
        """Load jieba's dictionary in the vocabulary's worker, beside the steps before the search stage.

        Not at the fork in a larger collection: held through the page loop, the dictionary (about
        60 MiB) added to the build's peak at its end, when the page writers are largest.
        """
        if self._vocabulary is not None and not self._vocabulary_loading:
            self._vocabulary.submit(search.warm_vocabulary, self.domain_words)
            self._vocabulary_loading = True

    def start_writers(self) -> None:
        """Fork the page writers now, before the corpus is read (``pagewriter.start_writers``)."""
        pagewriter.start_writers(self)

    def warm_vocabulary_aside(self) -> None:
        """``mkdocs serve`` is about to answer: jieba's dictionary loads on a thread if no build needed it."""
        if self.settings.search == "zhudu":
            search.warm_vocabulary_aside(self.domain_words)

    def finish_writing(self, log: logging.Logger) -> None:
        """Wait for the page writers (``pagewriter.finish_writing``); then load the search vocabulary."""
        pagewriter.finish_writing(self, log)
        self.load_vocabulary()  # the writers have exited: the page loop's peak is past

    def stop_workers(self) -> None:
        """Stop the workers still running, dropping queued work (after the search index, or a failed build)."""
        pagewriter.stop(self)
        if self.contents is not None:  # every page is written (or the build failed)
            self.contents.remove()
            self.contents = None
        for pool in (self._vocabulary, self._postings):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        self._vocabulary = self._postings = None

    def vocabulary_of(
        self, texts: list[str], table: Mapping[str, str], extra_words: list[str]
    ) -> Callable[[], list[str]]:
        """Start the search vocabulary in the worker that has loaded jieba's dictionary; the getter waits.

        ``stop_workers`` ends the worker if the getter is never called.
        """
        if self._vocabulary is None:
            return search.vocabulary_now(texts, table, extra_words)
        return self._vocabulary.result_then_stop(search.folded_vocabulary, texts, table, extra_words)

    def postings_of(
        self, pages: numbering.CanonicalTexts, table: Mapping[str, str]
    ) -> Callable[[], tuple[str, Postings]] | None:
        """Start a build's canonical postings in their worker, beside the variants' records; the getter waits.

        The worker is forked with the vocabulary's (small) and sent only the canonical texts.  Without
        it (past ``POSTINGS_WORKER_NOTES``) None: the search stage makes them from its own numbered
        texts after the records, when it writes them (made first, they were held through its peak).
        """
        if self._postings is None:
            return None
        return self._postings.result_then_stop(numbering.postings_ahead, pages, table)

    def root_stub(self, dest_uri: str, url: str, title: str, head: str = "", favicon: str = "") -> str:
        """What stays at the page's root URL: a pointer to the reader's (or the default) variant."""
        return variants.redirect_stub(
            dest_uri=dest_uri, page_url=url, title=title, variants=self.variants, head=head, favicon=favicon
        )

    def write_search_indexes(self, site_dir: Path, log: logging.Logger, kept: Any = None) -> None:
        """Each variant's own search index, in its own script (``kept``: a serve's ``DiskAssembly``)."""
        source = site_dir / "search" / "search_index.json"
        if not source.is_file():
            return
        index = json.loads(source.read_text(encoding="utf-8"))
        if self.settings.search == "zhudu":
            from zhudu.search.stage import write_zhudu_search  # imported here: the one stage that needs it

            write_zhudu_search(self, site_dir, index, log, kept)
        else:
            variant_files.write_search_indexes(index, self.variants, self.converter, site_dir)
            log.debug("search indexes written for %d variants", len(self.variants))
        # The root keeps only redirect stubs, so the root index would be dead weight.
        source.unlink()

    def write_sitemaps(self, site_dir: Path) -> int:
        """A sitemap per variant naming its pages; returns how many were written."""
        urls = sorted((p.url, p.lastmod) for p in self.pages.values())
        return variant_files.write_sitemaps(urls, self.variants, self.site_url, site_dir)
