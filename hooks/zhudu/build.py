"""One build, as MkDocs' events see it: the state they share and what each whole-site event does.

``hooks/zhudu_hook.py`` makes a ``Build`` in ``on_config`` (``mkdocs serve`` calls the events again
on every rebuild, so nothing lives longer than one build but the process-wide caches the modules
keep on purpose) and hands every event to it or to ``pages`` (the per-page events).  This module is
where MkDocs' objects (config, files, pages, the Jinja environment) meet the pure modules; the
problems it finds are ``ZhuduError``s, which the hook turns into ``PluginError``.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from zhudu import cache, cache_sweep, editorial, fragments, note_views, pages, render_keys, serving
from zhudu.annotate import annotations, glossary, passages, quoted_script
from zhudu.compact import shared_config
from zhudu.errors import ZhuduError
from zhudu.notes import code_spans, dialects, link_ends, markdown_extensions, safety
from zhudu.notes.reads import NOTE_READS, NoteReads
from zhudu.notes.sections import intro_pages
from zhudu.publish import feeds, incremental, page_digests, pagination, prerender, social, unchanged
from zhudu.publish.asset_versions import version as asset_version
from zhudu.publish.interface_strings import material_strings
from zhudu.publish.sections import home_sections, section_pages
from zhudu.publish.site import Site
from zhudu.script import convert as script
from zhudu.script import variants
from zhudu.search import index as search
from zhudu.settings import load_settings
from zhudu.summaries import log_corpus, summary_line
from zhudu.themes.render import NOTES_PER_MATCH_SLICE, ThemeBuild, note_infos
from zhudu.themes.theme_map import ThemeMap

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig

    from zhudu.notes.corpus import Note

log = get_plugin_logger("zhudu")


@dataclass
class Build:
    """The state MkDocs' events share during one build."""

    site: Site
    passages: passages.PassageExtension = field(init=False)
    annotations: annotations.AnnotationExtension = field(init=False)
    glossary: glossary.GlossaryExtension = field(init=False)
    quoted_script: quoted_script.QuotedScriptExtension = field(
        default_factory=quoted_script.QuotedScriptExtension
    )
    #: A note's raw HTML and URLs cleaned, warned at their line.
    safety: safety.SafetyExtension = field(init=False)
    fragments: fragments.Fragments = field(init=False)  # the partials Python writes HTML from
    renders: cache.NoteRenders | None = None  # note pages' rendered Markdown, reused by content key
    themes: ThemeBuild | None = None  # themes.yml matched against every note's passages
    prerender: prerender.Prerender | None = None  # mkdocs build: a worker rendering notes ahead
    outputs: incremental.Outputs | None = None  # dirty builds: which pages' output still holds
    nav: Any = None  # the site's nav (every page draws it)
    files: Files | None = None  # the site's files, once on_env has them
    #: The pages a folder's ``_index.md`` introduces (a section's first, the home page), by source: its note.
    intros: dict[str, Note] = field(default_factory=dict)
    kept: serving.KeptOnDisk = field(default_factory=serving.KeptOnDisk)  # serve: carried build to build
    scripts: dict[str, str] = field(default_factory=dict)  # config.js, reader.js, zhudu.css: written last
    #: When the build began (``time.time()``): page-cache entries not used since are swept after a full build.
    started: float = field(default_factory=time.time)

    # ----------------------------------------------------------------- configuration

    @classmethod
    def configure(cls, config: MkDocsConfig, kept: serving.KeptOnDisk) -> Build:
        """Validate ``extra.zhudu``, load the conversion rules and register Zhudu's Markdown extensions.

        Raises:
            ZhuduError, ScriptDataError: a wrong setting (naming the key), broken conversion rules or variants.
        """
        settings, warnings = load_settings(config.extra.get("zhudu"))
        for key, message in warnings:
            log.warning("mkdocs.yml: extra.zhudu.%s: %s", key, message)
        root = Path(config.config_file_path).parent
        build = cls(site=Site(settings=settings, root=root, site_url=config.site_url or ""), kept=kept)
        build.fragments = fragments.Fragments.for_theme(config.theme)  # HTML written in Python (before forks)
        fragments.use(build.fragments)
        site = build.site
        try:
            editorial.check_folder(site.editorial_dir, site.display)
        except ZhuduError as exc:
            build.serve_without(exc, "that file", "该文件")
        if site.cache_dir is not None and (problem := cache.unusable(site.cache_dir)):
            log.info("%s: %s; builds keep nothing until then", site.display(site.cache_dir), problem)
        try:
            site.rules  # noqa: B018 - load and validate the conversion rules now, once
        except (ZhuduError, script.ScriptDataError) as exc:
            build.serve_without(exc, "the editor's conversion rules", "编辑的转换规则")
            site.rules = script.ConversionRules(protected=(), phrases={}, accepted={})
        site.variants  # noqa: B018 - validated now (a ZhuduError or ScriptDataError stops the build)
        if annotations.serving():  # a rebuild of mkdocs serve: what the last rebuilds read is in memory
            serving.ARTIFACTS.start()
            artifacts: cache.ArtifactCache = serving.RememberingCache(site.cache_dir, serving.ARTIFACTS)
        else:
            artifacts = cache.ArtifactCache(site.cache_dir)
        build.outputs = incremental.Outputs.open(
            site.cache_dir, config.site_dir, [v.prefix for v in site.variants], artifacts, kept.records
        )
        site.start_vocabulary()  # forked now (small); jieba's dictionary loads in it (``VOCABULARY_AT_FORK_NOTES``)
        site.start_writers()  # forked before the corpus is read: they do not copy it (workers.HandOverPool)
        build.renders = cache.NoteRenders(
            artifacts,
            cache.digest(
                cache.code_version(),
                Path(config.config_file_path).read_bytes(),
                render_keys.editorial_digest(site.editorial_dir.glob("*.yml")),  # glossary, notes: per note
                pages.site_host(config.site_url or ""),  # not serve's port: another port reuses renders
                "serve" if annotations.serving() else "build",
            ),
            cache_sweep.KINDS[annotations.serving()][1],  # serve's renders apart from a build's
        )
        build.passages = passages.PassageExtension(fold=build.fold)
        # Editor's notes and glossary marks: tree processors after the passage anchors (see their modules).
        build.annotations = annotations.AnnotationExtension(fold=build.fold)
        every = settings.glossary_marking == "every"
        build.glossary = glossary.GlossaryExtension(fold=build.fold, every=every)
        build.safety = safety.SafetyExtension(settings.raw_html_allow)
        config.markdown_extensions.extend(  # type: ignore[arg-type]
            [
                build.passages,
                build.annotations,
                build.glossary,
                build.quoted_script,  # lang on a Simplified note's Traditional quotations
                script.inline_rules_markdown_extension(),
                dialects.FormulasExtension(build.safety.warn),  # a formula's warning at its line
                markdown_extensions.NotesMarkdownExtension(),  # bare URLs after Chinese punctuation, a link's end, …
                code_spans.CodeSpansExtension(),  # fewer token spans in highlighted code
                build.safety,
            ]
        )
        config.mdx_configs.setdefault("toc", {})["slugify"] = build.slugify
        # Material's variant selector and its same-page switching work on sibling roots.
        config.extra["alternate"] = variants.alternates(site.variants)
        return build

    def fold(self, text: str) -> str:
        """Text in the canonical script (Simplified), for anchors and slugs."""
        return self.site.slugify.fold(text)

    def slugify(self, value: str, separator: str) -> str:
        """Heading ids from the Simplified form, so they are the same in every variant (as links find them)."""
        return self.site.slugify(value, separator)

    def serve_without(self, error: Exception, what: str, shown_as: str) -> None:
        """A broken editorial file stops ``mkdocs build``; ``mkdocs serve`` goes on without its data.

        MkDocs' server holds every request while a rebuild fails, so the author would see a page
        that never loads until the file is fixed.  Served instead: the site without that file's
        data, with the error on every page (``partials/zd-build-errors.html``); the next good save
        recovers.

        Raises:
            ZhuduError, ScriptDataError: ``error``, when not serving.
        """
        if not annotations.serving():
            raise error
        log.warning("%s (served without %s until this is fixed)", error, what)
        self.site.build_errors.append((str(error), shown_as))  # the message as code, the rest as text

    # ----------------------------------------------------------------- files

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Read ``seeds/`` and add a page per note, its images, the theme pages and the glossary."""
        site = self.site
        NOTE_READS.store = self.renders.store if self.renders is not None else None
        reads = NOTE_READS
        if not annotations.serving():  # a note the last build read comes back from the cache (its key)
            reads = NoteReads()
            reads.store = cache.ArtifactCache(site.cache_dir)  # its own counts: the renders' are logged
            if self.renders is not None:  # its keys used too: ``cache_sweep`` keeps their entries
                reads.store.used = self.renders.store.used
        corpus = site.load_notes(  # theme dirs: a note's template must be one of them
            config.theme.dirs,
            lambda exc: self.serve_without(exc, "the editor's note overrides", "编辑对笔记的设定"),
            site_pages={file.src_uri for file in files.documentation_pages()},
            reads=reads,
        )
        if annotations.serving():
            log.debug("notes: %d reused from the last build, %d read, %d hashed", *NOTE_READS.counts())
        log_corpus(log, corpus)
        for note in corpus.notes:
            # No content of its own: ``on_page_read_source`` gives the note's (``pages.read_source``),
            # not a second copy of every note held by its file to the end of the build (~28 MiB at 3,000).
            files.append(incremental.SiteFile.generated(config, note.src_uri, content=""))
            self._add_images(note, files, config)
            if placeholder := note.placeholder_title:
                log.info(
                    "%s: title %r looks like a placeholder: set a display title in %s",
                    note.display_path,
                    placeholder,
                    site.display(site.editorial_dir / "notes.yml"),
                )
        # A long home list: pages 2…
        home_pages = pagination.home_pages(sum(n.listed for n in corpus.notes))
        order = pagination.list_order(n.meta.date for n in corpus.notes if n.listed)
        for home in home_pages[1:]:
            content = pagination.extra_page_markdown(home, len(home_pages), order)
            files.append(
                incremental.SiteFile.generated(
                    config, home.src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV
                )
            )
        self.intros = intro_pages(corpus.section_intros)  # the pages an _index.md introduces
        for intro in self.intros.values():
            self._add_images(intro, files, config)  # as a note's (a section's page is at a note's depth)
        for section in section_pages(corpus.notes, corpus.section_intros, shown_by=site.shown_by):
            files.append(
                incremental.SiteFile.generated(
                    config, section.src_uri, content=section.content, inclusion=InclusionLevel.NOT_IN_NAV
                )
            )
        self._load_themes(files, config)
        # Glossary and editor's notes: data beside the notes; the glossary page is generated.
        gloss_path = site.editorial_dir / glossary.GLOSSARY_FILE
        try:
            terms = glossary.load_glossary(gloss_path, site.display(gloss_path), self.fold)
        except ZhuduError as exc:
            self.serve_without(exc, "the glossary", "术语表")
            terms = glossary.Glossary(path=site.display(gloss_path))
        self.glossary.use(terms, site.read_back)
        notes_path = site.editorial_dir / annotations.ANNOTATIONS_FILE
        try:
            placed = annotations.load_annotations(
                notes_path, site.display(notes_path), [n.id for n in [*corpus.notes, *corpus.drafts]]
            )
        except ZhuduError as exc:
            self.serve_without(exc, "the editor's notes", "编辑注")
            placed = ()
        self.annotations.use(placed, site.display(notes_path))
        files.append(
            incremental.SiteFile.generated(
                config, glossary.GLOSSARY_SRC_URI, content=glossary.page_markdown(self.glossary.glossary)
            )
        )
        return incremental.site_files(files)  # the home and about pages too: written only when changed

    def _add_images(self, note: Any, files: Files, config: MkDocsConfig) -> None:
        site = self.site
        for image in note.body.images if note.body else ():
            if image.exists and image.path is not None:
                uri = site.image_src_uri(note.id, image.path)
                if files.get_file_from_path(uri) is None:
                    files.append(File.generated(config, uri, abs_src_path=str(image.path)))
            elif image.path is not None:
                site.missing_images.append(f"{note.display_path}:{image.line} {image.target}")
                if site.settings.missing_images == "warn":
                    log.warning(
                        "%s:%d: image %s does not exist: add the file or fix the path",
                        note.display_path,
                        image.line,
                        image.target,
                    )

    def _load_themes(self, files: Files, config: MkDocsConfig) -> None:
        """Read themes.yml (fresh every build) and add the theme pages."""
        site = self.site
        hant = {n.id: self.fold for n in site.corpus.notes if n.meta.lang == "zh-Hant"}
        path = site.editorial_dir / "themes.yml"
        notes = note_infos(site.corpus.notes, hant, site)
        try:
            self.themes = ThemeBuild.load(path, site.display(path), notes, {n.id for n in site.corpus.drafts})
        except ZhuduError as exc:
            self.serve_without(exc, "the themes", "主题")
            self.themes = ThemeBuild(theme_map=ThemeMap(path=site.display(path)), notes=notes)
        for page in self.themes.pages():
            files.append(incremental.SiteFile.generated(config, page.src_uri, content=page.source))

    # ----------------------------------------------------------------- rendering ahead

    def read_unchanged(self, config: MkDocsConfig, files: Files) -> None:
        """A dirty build: pages whose render is reused skip MkDocs' page loop."""
        notes, others, of = unchanged.read_unchanged_pages(self, config, files)
        log.debug("note pages read from their kept render: %d", notes)
        log.debug("other pages read from their kept render: %d of %d", others, of)

    def start_prerender(self, config: MkDocsConfig, files: Files) -> None:
        """``mkdocs build``: a worker renders the note pages MkDocs reads (not a dirty build's kept ones) ahead."""
        site = self.site
        if annotations.serving() or site.cache_dir is None or site.page_workers < 2:
            return
        notes = {n.src_uri for n in site.corpus.notes if not n.broken}
        order = [f.src_uri for f in files.documentation_pages() if f.src_uri in notes and f.is_modified()]
        self.prerender = prerender.Prerender.start(
            config, files, order, lambda page: self._keep_render(page, config)
        )

    def _keep_render(self, page: Page, config: MkDocsConfig) -> None:
        """In the pre-render worker: keep a page's render as ``on_page_content`` would."""
        if self.renders is not None:
            finish = pages.finishing(self, page, config)
            self.renders.after(page.content or "", page.toc, self.extension_records(), finish=finish)

    def stop_prerender(self) -> None:
        """Every page is rendered: the pre-render worker ends."""
        if self.prerender is not None:
            log.debug("pre-rendered note pages: %d", self.prerender.stop())
            self.prerender = None

    def extension_records(self) -> tuple[Any, ...]:
        """What Zhudu's Markdown extensions recorded while rendering the page just rendered."""
        return (
            self.passages.last_passages,
            self.annotations.last_placed,
            self.annotations.last_problems,
            self.glossary.last_occurrences,
        )

    def adopt_records(self, records: tuple[Any, ...]) -> None:
        """The records of a reused render, as if the page had just been rendered."""
        (
            self.passages.last_passages,
            self.annotations.last_placed,
            self.annotations.last_problems,
            self.glossary.last_occurrences,
        ) = records

    # ----------------------------------------------------------------- after the last render

    def env(self, env: Environment, config: MkDocsConfig, files: Files, note_view: Any) -> Environment:
        """Expose the notes and variants to the templates; load Material's interface strings; match the themes."""
        self.stop_prerender()  # every page is rendered by now
        site = self.site
        # Each build has a new environment: templates are compiled once per process and kept for the next.
        env.bytecode_cache = serving.template_code(site.cache_dir)
        env.globals["zd"] = {
            "notes": note_views.home_entries(self, site.corpus.notes, files),
            "variants": [vars(v) for v in site.variants],
            "per_page": pagination.PER_PAGE,
            "build_errors": list(site.build_errors),  # mkdocs serve: what the site is served without
            "pager": pagination.pager,
            "link_brackets": link_ends.BRACKETS,  # partials/zd-link-text.html wraps a title's brackets
            # partials/zd-sections.html: each section's title in the default script, as a note's (``Site.shown_by``).
            "sections": home_sections(site.corpus.notes, site.corpus.section_intros, site.shown_by),
        }
        worker = search.point_worker if site.settings.search == "zhudu" else str  # str(text) is text
        once = functools.cache  # this build's filters, once per input (per page: a stat, a parse, a regex)
        env.filters |= {"zd_search_worker": once(worker), "zd_version": asset_version}
        en_source = env.loader.get_source(env, "partials/languages/en.html")[0]  # type: ignore[union-attr]
        keys = variants.material_keys(en_source)
        lookup = material_strings(env)
        for variant in site.variants:
            site.interface_strings(variant.material_language, lookup, keys, variant.code)
        shared, self.scripts = shared_config.for_site(env, config, site)
        env.filters["zd_shared_config"] = once(lambda html: shared_config.shorten(html, shared))
        env.globals["zd"]["scripts"] = shared_config.versions(self.scripts)
        if self.themes is not None:  # every note's Markdown is rendered by now: match the themes once
            slices, map_slices = site.slicing(len(site.corpus.notes), NOTES_PER_MATCH_SLICE)
            matched = self.themes.finish(
                slices, map_slices, annotations.serving(), site.cache_dir, self.kept.scans
            )
            for problem in matched.problems:
                log.warning("%s", problem)
            log.debug("themes: %s", self.themes.summary())
            pages.add_theme_pages(self.themes.more_pages(), files, config)
        # Every page is variant-local before the first one is written (links to later pages stay in the variant).
        for file in files.documentation_pages():
            site.page_urls.update((file.url, file.dest_uri))
        gloss_file = files.get_file_from_path(glossary.GLOSSARY_SRC_URI)
        if gloss_file and gloss_file.page and gloss_file.page.content:
            url = gloss_file.page.url
            gloss_file.page.content = glossary.fill_occurrences(  # every note is rendered by now
                gloss_file.page.content,
                self.glossary.occurrences,
                {n.id: note_view(n)["title"] for n in site.corpus.notes},
                lambda target: get_relative_url(target, url),
                {term.id: term.term for term in self.glossary.glossary.terms},
                base=url,
            )
            log.debug("glossary: %d term lists kept", glossary.FILLED_KEPT[0])
        # og:locale, og:url and og:site_name differ per variant: filled like interface strings.
        for v, vc in zip(site.variants, site.variant_configs, strict=True):
            site.strings[v.code].update(
                social.variant_strings(
                    code=v.code,
                    prefix=v.prefix,
                    og_locale=vc["og_locale"],
                    site_name=config.site_name,
                    name=v.name,
                    convert=site.converter(v.code, "Hans").text,
                )
            )
        self.files = files
        incremental.plan_pages(self, config, files, env.globals["zd"])  # dirty builds: pages left as written
        return env

    def post_build(self, config: MkDocsConfig) -> None:
        """Per-variant sitemaps, search indexes and feeds; the summary lines."""
        site = self.site
        site_dir = Path(config.site_dir)
        site.finish_writing(log)
        incremental.finish_pages(self)
        log.debug("sitemaps written: %d of %d", site.write_sitemaps(site_dir), len(site.variants))
        shared_config.write(site_dir, self.scripts)
        self.themes = None  # every page is written: the theme index and markers go before the search stage
        site.write_search_indexes(site_dir, log, self.kept.search)
        removed: list[str] | None = None
        if self.outputs is not None and self.files is not None:  # a clean build's record too
            # Before the writers stop: the pages' search texts may wait in their spool until then.
            removed = incremental.record_pages(self, self.files)
        site.stop_workers()
        if site.text_spool is not None:  # the search index and the dirty record have read it
            site.text_spool.remove()
        for rel, text in feeds.variant_feeds(
            notes=site.corpus.notes,
            site_url=site.site_url,
            variants=[(v.code, v.prefix, v.name) for v in site.variants],
            note_urls={n.id: _note_url(n, self.files, config) for n in site.corpus.notes},
            site_name=config.site_name,
            site_description=config.site_description or "",
            site_author=config.site_author or "",
            convert=site.variant_text,
            shown_by=site.shown_by,
        ).items():
            (site_dir / rel).write_text(text, encoding="utf-8")
        if self.renders is not None:
            log.debug(
                "note renders: %d reused, %d rendered", self.renders.store.hits, self.renders.store.misses
            )
        swept = 0  # notes and renders: every build, dirty too, asks for every note's entries
        if self.renders is not None:
            swept = cache_sweep.after_build(self.renders.store, annotations.serving(), self.started, log)
        if not incremental.dirty():  # a full build restored or kept every page the site has now
            swept += site.page_store.sweep("pages", self.started - 2)  # some file systems keep mtimes to 2 s
        log.debug("cache: %d entries no longer used removed", swept)
        # Counted in this process only (mkdocs build's page writers keep their own counts).
        log.debug(
            "pages: %d written from the cache, %d converted", site.page_store.hits, site.page_store.misses
        )
        # One line each, whatever the collection's size; per-note details with --verbose.
        if site.missing_images:
            log.info(
                "%s",
                summary_line(
                    f"{len(site.missing_images)} missing image(s) drawn as placeholders: ",
                    site.missing_images,
                ),
            )
            for missing in site.missing_images:
                log.debug("missing image: %s", missing)
        marked = glossary.counts(self.glossary.occurrences)
        placed = self.annotations.placed
        log.info(
            "glossary: %d terms, marked %d times in %d notes; editor's notes: %d placed in %d notes",
            len(self.glossary.glossary.terms),
            sum(m for m, _ in marked.values()),
            sum(1 for m, _ in marked.values() if m),
            sum(len(p) for p in placed.values()),
            sum(1 for p in placed.values() if p),
        )
        log.debug("glossary marks per note (marked, found): %s", marked)
        log.debug("editor's notes per note: %s", annotations.summary(placed))
        log.info(
            "%d notes in %s; conversion domain: %s",
            len(site.corpus.notes),
            f"{len(site.variants)} variants ({', '.join(v.code for v in site.variants)})",
            site.decided_domain.summary if site.decided_domain else "general",
        )
        if self.outputs is not None and removed is not None:
            log.debug(
                "dirty build: %d of %d pages left as written or copied, %d stale files removed",
                len(self.outputs.skipped),
                len(self.outputs.digests),
                len(removed),
            )
            log.debug(
                "plan: pages' HTML hashed %d, known by its string %d; note theme digests kept %d"
                " (shapes kept %d), theme pages' digests kept %d; note views kept %d",
                *(*page_digests.CONTENT_HASHED, *page_digests.KEPT_COUNTS, note_views.VIEWS_KEPT[0]),
            )

    def stop(self) -> None:
        """No worker process and no log capture left behind (a failed build, or the next one)."""
        self.stop_prerender()
        self.site.stop_workers()
        if self.renders is not None:
            self.renders.abandon()


def _note_url(note: Any, files: Files | None, config: MkDocsConfig | None = None) -> str:
    file = files.src_uris.get(note.src_uri) if files is not None else None  # normalised already
    if file is None and config is not None:  # the feeds: a URL for every note
        file = File(note.src_uri, "", "", config.use_directory_urls)
    return file.url if file else ""
