"""One build of the site: the state the MkDocs events share, created afresh in ``on_config``.

``Site`` holds the settings, the corpus, the variants and their converters, and
turns pages into their variant copies.  It knows file paths and strings, not
MkDocs objects; the hook entry module passes it what it needs.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import re
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import quote

from zhudu import cache, editorial
from zhudu.annotate import annotations, glossary
from zhudu.errors import NoteError, ZhuduError
from zhudu.notes import folders, remote_images
from zhudu.notes.corpus import NOTE_SUFFIXES, Corpus, Note, NoteSettings, default_slug, load_corpus, note_ids
from zhudu.notes.limits import Limits
from zhudu.publish import workers
from zhudu.script import convert as script
from zhudu.script import variants
from zhudu.search import index as search
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

#: The template of a note page; a note's ``template`` may name another of the theme's templates.
DEFAULT_TEMPLATE = "note.html"
#: A template a note may name: a plain file name, never a path (``../../etc/passwd``).
_TEMPLATE_NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*\.html$")


def _front_matter_line(path: Path, key: str) -> int | None:
    """The line of ``key`` in a note's front matter, for a message (None: not found)."""
    try:
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return None
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "+++"):
            return None
        if re.match(rf"^{re.escape(key)}\s*[:=]", line):
            return number
    return None


#: Output files that exist once per variant, not shared from the root.
PER_VARIANT_FILES = ("sitemap.xml", "search/search_index.json", "404.html", "feed.xml")


#: ``Site.converter``'s converters: (variant, rules, source script) → converter.
_CONVERTERS: dict[tuple[Any, str, str], script.Converter] = {}


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


#: Reading fewer notes than this in a forked worker costs more than it saves (``load_notes``).
NOTES_PER_READER = 200
#: Writing the search documents of fewer pages than this in a forked worker costs more than it saves.
PAGES_PER_INDEX_SLICE = 500

#: Pages handed to the page writers and not yet written, past which ``write_variants`` waits.
WRITERS_BACKLOG = 32

#: The build state a page-writer process was forked with (``Site.start_writers``).
_FORKED_SITE: list[Site] = []


def _adopt_in_worker(site: Site) -> None:
    _FORKED_SITE[:] = [site]


def _write_in_worker(
    state: tuple[set[str], dict[str, dict[str, str]], str],
    html: str,
    dest_uri: str,
    url: str,
    site_dir: Path,
    indexed: bool,
) -> tuple[str, tuple[tuple[str, search.PageText], ...]]:
    site = _FORKED_SITE[0]
    # What the writer was forked without: the pages (for links) and strings known once on_env has run.
    site.page_urls, site.strings, site.output_fingerprint = state
    return dest_uri, site.write_page(html, dest_uri, url, site_dir, indexed)


@dataclass
class PageRecord:
    """A page written in every variant."""

    dest_uri: str
    url: str
    lastmod: str | None = None
    searchable: bool = True  # False: the page's front matter says ``search: {exclude: true}``


@dataclass
class Site:
    """The per-build state shared by the events."""

    settings: ZhuduConfig
    root: Path
    site_url: str
    corpus: Corpus = field(default_factory=lambda: Corpus(notes=[]))
    note_by_src: dict[str, Note] = field(default_factory=dict)
    pages: dict[str, PageRecord] = field(default_factory=dict)
    page_urls: set[str] = field(default_factory=set)
    missing_images: list[str] = field(default_factory=list)
    build_errors: list[str] = field(default_factory=list)  # mkdocs serve: editorial files served without
    strings: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Variant code -> dest_uri -> the page's searchable text, taken as each page is written.
    search_pages: dict[str, dict[str, search.PageText]] = field(default_factory=dict)
    _writers: workers.HandOverPool | None = field(default=None, repr=False)
    _pending: list[Future[Any]] = field(default_factory=list, repr=False)
    _vocabulary: ProcessPoolExecutor | None = field(default=None, repr=False)
    #: URLs re-aimed for the variant folders, by what they depend on (``variants.relocate``).
    _relocated: dict[tuple[str, str, str], str] = field(default_factory=dict, repr=False)

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

    @cached_property
    def rules(self) -> script.ConversionRules:
        """The editor's conversion rules (``conversion.yml``)."""
        path = self.editorial_dir / "conversion.yml"
        return (
            script.load_rules(path)
            if path.is_file()
            else script.ConversionRules(protected=(), phrases={}, accepted={})
        )

    @cached_property
    def script_variants(self) -> list[script.Variant]:
        """Variants as the conversion module describes them."""
        return [
            script.Variant(
                code=v["code"],
                script=v["script"],
                opencc_from_hans=v["opencc_from_hans"],
                opencc_from_hant=v["opencc_from_hant"],
            )
            for v in self.variant_configs
        ]

    def converter(self, code: str, source_script: str = "Hans") -> script.Converter:
        """The converter writing text of ``source_script`` into variant ``code``.

        Kept for the process, with what it has converted, while the variant and the editor's rules
        are the same: a ``mkdocs serve`` rebuild converts only text it has not seen.
        """
        mine = self.__dict__.setdefault("_converters", {})
        converter = mine.get((code, source_script))
        if converter is None:
            variant = next(v for v in self.script_variants if v.code == code)
            key = (variant, self._rules_key, source_script)
            converter = _CONVERTERS.get(key)
            if converter is None:
                if len(_CONVERTERS) >= 2 * len(self.script_variants):  # rules or variants were edited
                    _CONVERTERS.clear()
                converter = script.Converter(variant, self.rules, source_script=source_script)
                _CONVERTERS[key] = converter
            mine[(code, source_script)] = converter
        return converter

    @cached_property
    def domain_words(self) -> list[str]:
        """Theme and glossary terms: the search vocabulary's domain dictionary, read once per build."""
        return search.domain_words(self.editorial_dir)

    @cached_property
    def _rules_key(self) -> str:
        return repr(self.rules)

    @property
    def default(self) -> variants.VariantInfo:
        """The default variant, served at the site root."""
        return self.variants[0]

    @property
    def editorial_dir(self) -> Path:
        """Folder of the editorial data files."""
        return self.root / self.settings.editorial_dir

    @cached_property
    def page_store(self) -> cache.ArtifactCache:
        """Pages' variant copies kept between builds (``write_page``)."""
        return cache.ArtifactCache(self.cache_dir)

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
            return (path.parent.resolve() / path.name).relative_to(self.root.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):
            return str(path)

    def check_folders(self) -> list[ZhuduError]:
        """Check ``seeds_dir`` and ``editorial_dir``; returns the warnings.

        A folder outside the project folder (the one holding mkdocs.yml) is a warning, not an
        error: mkdocs.yml is the site owner's, not untrusted input, and such a layout can be on
        purpose; but a clone of the repository would build without it, so ``--strict`` fails.
        A symbolic link inside the project leading there is the explicit way to do it (no warning).

        Raises:
            ZhuduError: a folder does not exist (a typo would otherwise build an empty site).
        """
        problems = []
        root = Path(os.path.abspath(self.root))
        for key, folder in (("seeds_dir", self.seeds_dir), ("editorial_dir", self.editorial_dir)):
            value = getattr(self.settings, key)
            if not folder.is_dir():
                what = "is not a folder" if folder.exists() else "does not exist"
                raise ZhuduError(
                    "mkdocs.yml",
                    None,
                    f"extra.zhudu.{key}: {value!r} {what} ({folder.resolve()}); create the folder or "
                    f"set {key} to the folder, relative to mkdocs.yml",
                )
            if not Path(os.path.abspath(folder)).is_relative_to(root):
                problems.append(
                    ZhuduError(
                        "mkdocs.yml",
                        None,
                        f"extra.zhudu.{key}: {value!r} is outside the project folder ({folder.resolve()}): "
                        "a clone of the repository builds without it; move the folder into the project "
                        "(or link to it from a symbolic link inside the project)",
                    )
                )
        return problems

    def _note_paths(self) -> tuple[list[Path], list[ZhuduError]]:
        """The note files in ``seeds/`` and its folders, and why any other file that looks like one is not read.

        Folders are read as ``folders.walk`` says (hidden ones, ``_drafts/``, ``node_modules/`` and the
        like skipped; symbolic links to folders never entered).  A note is untrusted input, and so is
        a symbolic link among them: one leading out of ``seeds/`` would publish whatever file it names,
        so only links to files inside are read.
        """
        seeds = self.seeds_dir.resolve()
        folder = self.display(self.seeds_dir)
        paths: list[Path] = []
        refused: list[ZhuduError] = []
        for path in folders.walk(self.seeds_dir):
            if path.suffix not in NOTE_SUFFIXES:
                continue
            try:
                target = path.resolve()
                readable = target.is_file()
            except (OSError, RuntimeError):  # a symbolic link loop, a name too long
                target, readable = None, False
            if target is not None and not target.is_relative_to(seeds):
                refused.append(
                    NoteError(
                        self.display(path),
                        None,
                        f"a symbolic link to {target}, outside {folder}/: not published; copy the note "
                        f"into {folder}/ (a link to a file inside {folder}/ is fine)",
                    )
                )
            elif not readable:
                refused.append(
                    NoteError(
                        self.display(path),
                        None,
                        "not a readable file (a folder, a broken symbolic link or a link loop): "
                        "not published; make it a text file or remove it",
                    )
                )
            else:
                paths.append(path)
        return paths, refused

    # ----------------------------------------------------------------- notes

    def load_notes(
        self,
        theme_dirs: Sequence[str] | None = None,
        without_overrides: Callable[[ZhuduError], None] | None = None,
        site_pages: Collection[str] = (),
    ) -> Corpus:
        """Read ``seeds/`` with the editor's overrides.

        Args:
            theme_dirs: The theme's template folders (``config.theme.dirs``): a note's ``template``
                must name one of their templates.  None: not checked.
            without_overrides: Called with the error when ``notes.yml`` is invalid; the notes are then
                read without overrides (``mkdocs serve``).  None: the error is raised.
            site_pages: The site's own pages (``files.documentation_pages()``' ``src_uri``), which a
                note's Markdown link may name (``[关于](../about.md)``).

        Raises:
            ZhuduError: ``seeds_dir`` or ``editorial_dir`` is missing (``check_folders``).
            EditorialError: ``notes.yml`` is invalid.
        """
        folder_problems = self.check_folders()
        paths, refused = self._note_paths()
        overrides_path = self.editorial_dir / "notes.yml"
        try:
            overrides = editorial.load_note_overrides(
                overrides_path, self.display(overrides_path), note_ids(paths, self.seeds_dir).values()
            )
        except ZhuduError as exc:
            if without_overrides is None:
                raise
            without_overrides(exc)
            overrides = editorial.NoteOverrides(path=self.display(overrides_path))
        self.corpus = load_corpus(
            paths,
            self.display,
            settings=NoteSettings(
                timezone=self.settings.timezone,
                chars_per_minute=self.settings.chars_per_minute,
                words_per_minute=self.settings.words_per_minute,
                summary_length=self.settings.summary_length,
                notes_url=self.settings.notes_url,
                limits=Limits(**self.settings.limits),
            ),
            overrides=overrides.values,
            override_lines=overrides.lines,
            override_file=overrides.path,
            image_url=self.image_link,
            detect_script=script.detect_script,
            root=self.seeds_dir,
            fetch_remote=lambda urls: remote_images.fetch_all(
                urls, self.cache_dir, self.settings.remote_images_from_private_hosts
            ),
            site_pages=site_pages,
            # A few hundred notes and more are read on every CPU.
            map_paths=lambda read, paths: workers.forked_map_in_slices(
                read, paths, self._forking_cpus, smallest_slice=NOTES_PER_READER
            ),
        )
        self.corpus.problems[:0] = [*folder_problems, *refused]
        for note in self.corpus.notes if theme_dirs is not None else ():
            if problem := self._check_template(note, theme_dirs or (), overrides):
                note.problems.append(problem)
        self.note_by_src = {note.src_uri: note for note in self.corpus.notes}
        return self.corpus

    def _check_template(
        self, note: Note, theme_dirs: Sequence[str], overrides: editorial.NoteOverrides
    ) -> NoteError | None:
        """A ``template`` that is not a plain file name of one of the theme's templates: the default.

        MkDocs hands the name to Jinja, which raises (a traceback) for a missing one; a path such as
        ``../../etc/passwd`` must not even be looked up.
        """
        name = note.meta.template
        if name == DEFAULT_TEMPLATE or (
            _TEMPLATE_NAME_RE.match(name) and any((Path(d) / name).is_file() for d in theme_dirs)
        ):
            return None
        note.meta = replace(note.meta, template=DEFAULT_TEMPLATE)
        if "template" in overrides.values.get(note.id, {}):
            where, line = overrides.path, overrides.lines.get(note.id, {}).get("template")
        else:
            where, line = note.display_path, _front_matter_line(note.path, "template")
        return NoteError(
            where,
            line,
            f"template {name!r} is not a template of the theme: {note.display_path} uses the default "
            f"{DEFAULT_TEMPLATE}; give the file name of a template in overrides/ (like {DEFAULT_TEMPLATE}) "
            "or remove the line",
        )

    def image_src_uri(self, note_id: str, path: Path) -> str:
        """Where an existing image of a note is published among the site's files."""
        try:
            rel = path.resolve().relative_to(self.seeds_dir.resolve()).as_posix()
        except ValueError:
            rel = path.name
        # The note id is a file name: "...md" has the id "..", which would publish under the site root.
        folder = note_id if note_id.strip(".") else default_slug(note_id)
        return f"media/{folder}/{rel}"

    def image_link(self, note_id: str, path: Path) -> str:
        """The Markdown link target from a note page to one of its images."""
        return "<../" + quote(self.image_src_uri(note_id, path), safe="/") + ">"

    # ----------------------------------------------------------------- pages in every variant

    def register_page(self, dest_uri: str, url: str, lastmod: str | None, searchable: bool = True) -> None:
        """Record a page the variants each have a copy of."""
        self.pages[dest_uri] = PageRecord(dest_uri=dest_uri, url=url, lastmod=lastmod, searchable=searchable)
        self.page_urls.add(url)
        self.page_urls.add(dest_uri)

    def is_variant_local(self, root_relative: str) -> bool:
        """Whether a root-relative path is something each variant has its own copy of."""
        root_relative = root_relative or "./"  # the home page: File.url is "./" where Page.url is ""
        return (
            root_relative in self.page_urls
            or root_relative in PER_VARIANT_FILES
            or root_relative.rstrip("/") + "/" in self.page_urls
        )

    def interface_strings(self, language: str, lookup: Any, keys: Iterable[str], code: str) -> dict[str, str]:
        """Material's interface strings for one variant (``language`` is Material's name)."""
        if code not in self.strings:
            table = {key: str(lookup(language, key)) for key in keys}
            if any(v.code == code and v.script == "Hant" for v in self.variants):
                # Material's zh-Hant has Simplified characters in Traditional sentences ("找到 1 个符合條件的結果").
                to_traditional = script.opencc_converter("s2t").convert
                table = {key: to_traditional(text) for key, text in table.items()}
            table["language"] = code
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
        )
        return hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()

    def write_variants(self, html: str, dest_uri: str, url: str, site_dir: Path) -> None:
        """Write a page rendered for the site root into every variant's folder.

        With page writers started (``start_writers``), a worker does it and ``finish_writing``
        collects what it found for the search index.
        """
        indexed = (
            self.settings.search == "zhudu"
            and dest_uri in self.pages
            and self.pages[dest_uri].searchable
            and dest_uri.endswith(".html")
        )
        if self._writers is not None:
            if not self._writers.handed_over:  # on_env has run: what pages need is known
                self._writers.hand_over((self.page_urls, self.strings, self.output_fingerprint))
            self._pending.append(
                self._writers.submit(_write_in_worker, html, dest_uri, url, site_dir, indexed)
            )
            # A page not yet written holds its HTML here (the executor keeps a task's arguments
            # until its result is in): finished pages are collected in order, and past a backlog
            # the oldest is waited for, so the pages wait in the writers, not in memory.
            collected = 0
            for future in self._pending:
                if not (future.done() or len(self._pending) - collected > WRITERS_BACKLOG):
                    break
                self._record_texts(*future.result())
                collected += 1
            del self._pending[:collected]
            return
        self._record_texts(dest_uri, self.write_page(html, dest_uri, url, site_dir, indexed))

    def write_page(
        self, html: str, dest_uri: str, url: str, site_dir: Path, indexed: bool
    ) -> tuple[tuple[str, search.PageText], ...]:
        """Write the page's variant copies, from the cache when the same page was written before.

        The copies depend only on the page's HTML, where it lives and the build-wide inputs
        (``output_fingerprint``): with all of them unchanged, the bytes written last time are
        written again instead of converting the page once more.  Returns the searchable texts.
        """
        key = cache.digest(cache.code_version(), self.output_fingerprint, dest_uri, url, str(indexed), html)
        kept = self.page_store.get("pages", key)
        if kept is not None:
            outputs, texts = kept
            for prefix, out in outputs:
                _write(site_dir / prefix / dest_uri, out)
            return texts
        outputs, texts = self.convert_page(html, dest_uri, url, site_dir, indexed)
        self.page_store.put("pages", key, (outputs, texts))
        return texts

    def convert_page(
        self, html: str, dest_uri: str, url: str, site_dir: Path, indexed: bool
    ) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, search.PageText], ...]]:
        """Write the page's variant copies; returns (prefix, page) written and (code, searchable text)."""
        outputs: list[tuple[str, str]] = []
        texts: list[tuple[str, search.PageText]] = []
        # Every variant folder is one level deep, so URLs are re-aimed once for all of them (the
        # folder's name left as a placeholder), and the page is tokenized once; per variant only
        # the text is converted and the names filled in.
        html = variants.relocate(
            html,
            dest_uri=dest_uri,
            variant=variants.STAND_IN,
            variants=self.variants,
            page_url=url,
            is_variant_local=self.is_variant_local,
            site_url=self.site_url,
            memo=self._relocated,
        )
        # The tokenizing pass also gives the search index its text.
        tokens = script.tokenize_html(
            html, events=indexed, opaque=search.SKIPPED_CLASSES if indexed else None
        )
        page = search.outline(tokens.events) if indexed and tokens.events is not None else None
        points = variants.fill_points(html, tokens.pieces)
        ordered = glossary.TERM_MARK in html
        for variant in self.variants:
            # Even the default variant goes through its converter: inline -{…}- rules resolve there.
            pieces = self.converter(variant.code, "Hans").convert_pieces(tokens)
            strings = self.strings.get(variant.code, {})
            if points is not None:
                own = list(pieces) if pieces is tokens.pieces else pieces
                pieces = variants.fill_pieces(own, points, variant, strings)
                out = "".join(pieces)
            else:
                out = variants.fill(html if pieces is tokens.pieces else "".join(pieces), variant, strings)
            if ordered:
                out = glossary.order_terms(out)  # its index and entries in this variant's order
            _write(site_dir / variant.prefix / dest_uri, out)
            outputs.append((variant.prefix, out))
            if indexed:
                texts.append(
                    (
                        variant.code,
                        search.page_text(page, pieces, out, url) if page else search.extract_page(out, url),
                    )
                )
        return tuple(outputs), tuple(texts)

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
        """Load jieba's dictionary in a forked worker now, beside the build (``mkdocs build`` only)."""
        if annotations.serving() or self.settings.search != "zhudu":
            return
        self._vocabulary = workers.forked_pool(min(1, workers.pool_size(self.settings.workers)))
        if self._vocabulary is not None:
            self._vocabulary.submit(search.warm_vocabulary, self.domain_words)

    def start_writers(self) -> None:
        """Fork the page writers now (``on_config``), before the corpus and the pages are in memory.

        They inherit the settings, the variants and the converters; what else a page needs, known
        once ``on_env`` has run, is handed over with the first page (``write_variants``).
        """
        if annotations.serving():
            return
        for variant in self.variants:  # OpenCC's dictionaries, loaded once before the fork
            self.converter(variant.code, "Hans")
        self._writers = workers.HandOverPool.fork(
            workers.pool_size(self.settings.workers), _adopt_in_worker, (self,)
        )

    def finish_writing(self, log: logging.Logger) -> None:
        """Wait for the page writers; their first error (a ``ZhuduError`` names the file) is raised here."""
        pending, self._pending = self._pending, []
        started = time.perf_counter()
        try:
            for future in pending:
                dest_uri, texts = future.result()
                self._record_texts(dest_uri, texts)
        finally:
            if self._writers is not None:
                self._writers.shutdown(cancel_futures=True)
                self._writers = None
                log.debug(
                    "page writers: %d pages left after the last render; the build waited %.2f s for them",
                    len(pending),
                    time.perf_counter() - started,
                )

    def stop_workers(self) -> None:
        """Stop the workers still running, dropping queued work (after the search index, or a failed build)."""
        for pool in (self._writers, self._vocabulary):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        self._writers = self._vocabulary = None
        self._pending = []

    def _vocabulary_of(
        self, texts: list[str], table: Mapping[str, str], extra_words: list[str]
    ) -> Callable[[], list[str]]:
        """Start the search vocabulary in the worker that has loaded jieba's dictionary; the getter waits.

        ``stop_workers`` ends the worker if the getter is never called.
        """
        pool = self._vocabulary
        if pool is None:
            return search.vocabulary_now(texts, table, extra_words)
        future = pool.submit(search.folded_vocabulary, texts, table, extra_words)

        def words() -> list[str]:
            try:
                return future.result()
            finally:
                pool.shutdown()
                self._vocabulary = None

        return words

    def root_stub(self, dest_uri: str, url: str, title: str) -> str:
        """What stays at the page's root URL: a pointer to the reader's (or the default) variant."""
        return variants.redirect_stub(dest_uri=dest_uri, page_url=url, title=title, variants=self.variants)

    def write_search_indexes(self, site_dir: Path, log: logging.Logger) -> None:
        """Each variant's own search index, in its own script."""
        source = site_dir / "search" / "search_index.json"
        if not source.is_file():
            return
        index = json.loads(source.read_text(encoding="utf-8"))
        if self.settings.search == "zhudu":
            self._write_zhudu_search(site_dir, index.get("config", {}).get("separator", r"[\s\-]+"), log)
            source.unlink()
            return
        for variant in self.variants:
            convert = self.converter(variant.code, "Hans")
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
        # The root keeps only redirect stubs, so the root index would be dead weight.
        source.unlink()
        log.debug("search indexes written for %d variants", len(self.variants))

    def _write_zhudu_search(self, site_dir: Path, separator: str, log: logging.Logger) -> None:
        """Zhudu's passage index, from the pages' search records taken as each variant was written.

        The sharded index (``search/shards.py``) is what the worker reads; ``search_index.json``
        (``search/index.py``, every passage in one file) is kept for Material, which fetches it at start-up
        only where the lazy loader cannot work (no ``BroadcastChannel``).
        """
        variant_pages = [
            search.VariantPages(
                code=v.code,
                pages=tuple(
                    self.search_pages[v.code][r.dest_uri]
                    for r in sorted(self.pages.values(), key=lambda r: r.dest_uri)
                    if r.dest_uri in self.search_pages.get(v.code, {})
                ),
            )
            for v in self.variants
        ]
        canonical = next((v.code for v in self.variants if v.script == "Hans"), self.default.code)
        to_simplified = script.opencc_converter("t2s").convert
        converters = {v.code: self.converter(v.code, "Hans").text for v in self.variants}
        from zhudu.search import (
            shards as search_shards,  # imported here: only this method of the site uses it
        )

        started: list[Callable[[], list[str]]] = []

        def vocabulary_once(
            texts: list[str], table: Mapping[str, str], extra: list[str]
        ) -> Callable[[], list[str]]:
            # Both indexes fold the same canonical texts with the same table: one vocabulary.
            if not started:
                started.append(self._vocabulary_of(texts, table, extra))
            return started[0]

        shards = search_shards.build(
            variant_pages,
            canonical,
            to_simplified,
            converters,
            [script.opencc_converter(c).convert for c in ("tw2sp", "hk2sp")],
            self.domain_words,
            vocabulary_of=vocabulary_once,
        )
        size = search_shards.write(shards, site_dir, {v.code: v.prefix for v in self.variants})
        # The documents are written in a slice per CPU, for a large site.
        parts, map_parts = self.slicing(len(self.pages), PAGES_PER_INDEX_SLICE)
        indexes = search.build_indexes(
            variant_pages,
            canonical,
            to_simplified,
            converters,
            separator,
            self.domain_words,
            vocabulary_of=vocabulary_once,
            parts=parts,
            map_parts=map_parts,
        )
        size += search.write_indexes(indexes, site_dir, {v.code: v.prefix for v in self.variants})
        log.debug("zhudu search: %d variant indexes, %d bytes", len(indexes), size)

    def write_sitemaps(self, site_dir: Path) -> None:
        """A sitemap per variant naming every variant of each page."""
        urls = sorted((p.url, p.lastmod) for p in self.pages.values())
        for variant in self.variants:
            target = site_dir / variant.prefix / "sitemap.xml"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(variants.sitemap(urls, variant, self.variants, self.site_url), encoding="utf-8")
            # mtime=0 keeps the archive byte-identical between builds.
            data = target.read_bytes()
            target.with_suffix(".xml.gz").write_bytes(gzip.compress(data, mtime=0))
