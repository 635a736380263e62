"""Zhudu's MkDocs events: the only module MkDocs loads (``hooks:`` in mkdocs.yml).

Each event checks whether it applies, calls the pure modules in ``zhudu/``,
turns their domain errors into ``PluginError`` and logs.  Per-build state lives
in one ``Site`` created afresh in ``on_config`` (``mkdocs serve`` loads this
module once and calls the events again on every rebuild).
"""

from __future__ import annotations

import re
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from pymdownx.slugs import slugify as pymdownx_slugify

from zhudu import (
    annotations,
    cache,
    dialects,
    feeds,
    glossary,
    links,
    notfound,
    pagination,
    passages,
    prerender,
    safety,
    script,
    search,
    social,
    variants,
    workers,
)
from zhudu.errors import ZhuduError
from zhudu.settings import ZhuduConfig
from zhudu.site import Site
from zhudu.themes import ThemeMap
from zhudu.themes_render import NOTES_PER_MATCH_SLICE, GeneratedPage, ThemeBuild, note_infos, theme_src

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger("zhudu")

_site: Site | None = None
_annotation_ext: annotations.AnnotationExtension | None = None  # editor's notes (annotations.yml)
_glossary_ext: glossary.GlossaryExtension | None = None  # glossary marks (glossary.yml)
_passage_extension: passages.PassageExtension | None = None
_themes: ThemeBuild | None = None  # per build: themes.yml matched against every note's passages
_slugify_unicode = pymdownx_slugify(case="lower")
_renders: cache.NoteRenders | None = None  # note pages' rendered Markdown, reused by content key
_prerender: prerender.Prerender | None = None  # mkdocs build: a worker rendering notes into _renders


def _current() -> Site:
    if _site is None:  # pragma: no cover - MkDocs always calls on_config first
        raise PluginError("zhudu: on_config did not run")
    return _site


def _fold(text: str) -> str:
    """Text in the canonical script (Simplified), for anchors and slugs."""
    return _current().converter(_current().default.code, "Hant").text(text) if _site else text


def _slugify(value: str, separator: str) -> str:
    # Heading ids come from the Simplified form so they are the same in every variant.
    return _slugify_unicode(_fold(value), separator)


# --------------------------------------------------------------------------- configuration


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is ``mkdocs serve``: unplaced editor's notes are then shown on the page."""
    annotations.set_command(command)


#: How long ``mkdocs serve`` waits after a change for more changes before rebuilding (MkDocs: 0.1 s).
#: A save is one write; a change that lands during a rebuild starts another one anyway.
SERVE_SETTLE_SECONDS = 0.02


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild sooner after a save (``build_delay`` is a public attribute of MkDocs' server)."""
    if hasattr(server, "build_delay"):
        server.build_delay = SERVE_SETTLE_SECONDS
    return server


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate ``extra.zhudu`` and set up the build."""
    global _site, _passage_extension, _themes, _annotation_ext, _glossary_ext
    _themes = None
    _stop_workers()  # a build that failed before on_post_build may have left some
    settings = ZhuduConfig()
    settings.load_dict(dict(config.extra.get("zhudu") or {}))
    errors, warnings = settings.validate()
    for key, message in warnings:
        log.warning("mkdocs.yml: extra.zhudu.%s: %s", key, message)
    if errors:
        key, error = errors[0]
        raise PluginError(f"mkdocs.yml: extra.zhudu.{key}: {error}")
    root = Path(config.config_file_path).parent
    _site = Site(settings=settings, root=root, site_url=config.site_url or "")
    try:
        _site.rules  # noqa: B018 - load and validate the conversion rules now, once
    except (ZhuduError, script.ScriptDataError) as exc:
        _serve_without(exc, "the editor's conversion rules", "编辑的转换规则")
        _site.rules = script.ConversionRules(protected=(), phrases={}, accepted={})
    try:
        _site.variants  # noqa: B018
    except (ZhuduError, script.ScriptDataError) as exc:
        raise PluginError(str(exc)) from None
    _site.start_vocabulary()  # jieba's dictionary loads in a worker while MkDocs reads and renders
    global _renders
    _renders = cache.NoteRenders(
        cache.ArtifactCache(_site.cache_dir),
        cache.digest(
            cache.code_version(),
            Path(config.config_file_path).read_bytes(),
            cache.files_digest(_site.editorial_dir.glob("*.yml")),
            config.site_url or "",
            "serve" if annotations.serving() else "build",
        ),
    )
    _passage_extension = passages.PassageExtension(fold=_fold)
    config.markdown_extensions.append(_passage_extension)  # type: ignore[arg-type]
    # Editor's notes and glossary marks: tree processors after the passage anchors (see their modules).
    _annotation_ext = annotations.AnnotationExtension(fold=_fold)
    _glossary_ext = glossary.GlossaryExtension(fold=_fold, every=settings.glossary_marking == "every")
    config.markdown_extensions.extend([_annotation_ext, _glossary_ext])  # type: ignore[list-item]
    config.markdown_extensions.append(script.inline_rules_markdown_extension())  # type: ignore[arg-type]
    config.markdown_extensions.append(dialects.MathSourceExtension())  # type: ignore[arg-type]
    config.markdown_extensions.append(safety.extension(settings.raw_html_allow))  # type: ignore[arg-type]
    config.mdx_configs.setdefault("toc", {})["slugify"] = _slugify
    # Material's variant selector and its same-page switching work on sibling roots.
    config.extra["alternate"] = variants.alternates(_site.variants)
    return config


# --------------------------------------------------------------------------- files and pages


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Read ``seeds/`` and add a page per note (the nav is built after this)."""
    site = _current()
    try:
        corpus = site.load_notes(  # theme dirs: a note's template must be one of them
            config.theme.dirs,
            lambda exc: _serve_without(exc, "the editor's note overrides", "编辑对笔记的设定"),
        )
    except ZhuduError as exc:
        raise PluginError(str(exc)) from None
    for problem in [*corpus.problems, *(p for note in corpus.notes for p in note.problems)]:
        log.warning("%s", problem)
    for note in corpus.notes:
        files.append(File.generated(config, note.src_uri, content=note.page_source))  # never read as metadata
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
        if placeholder := note.placeholder_title:
            log.info(
                "%s: title %r looks like a placeholder: set a display title in %s",
                note.display_path,
                placeholder,
                site.display(site.editorial_dir / "notes.yml"),
            )
    home_pages = pagination.home_pages(sum(not n.broken for n in corpus.notes))  # a long home list: pages 2…
    for home in home_pages[1:]:
        files.append(
            File.generated(
                config,
                home.src_uri,
                content=pagination.extra_page_markdown(home, len(home_pages)),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
        )
    _load_themes(site, files, config)
    # Glossary and editor's notes: data beside the notes; the glossary page is generated.
    gloss_path = site.editorial_dir / glossary.GLOSSARY_FILE
    try:
        terms = glossary.load_glossary(gloss_path, site.display(gloss_path), _fold)
    except ZhuduError as exc:
        _serve_without(exc, "the glossary", "术语表")
        terms = glossary.Glossary(path=site.display(gloss_path))
    _glossary_ext.use(terms)  # type: ignore[union-attr]
    notes_path = site.editorial_dir / annotations.ANNOTATIONS_FILE
    try:
        placed = annotations.load_annotations(
            notes_path, site.display(notes_path), [n.id for n in corpus.notes]
        )
    except ZhuduError as exc:
        _serve_without(exc, "the editor's notes", "编辑注")
        placed = ()
    _annotation_ext.use(placed, site.display(notes_path))  # type: ignore[union-attr]
    files.append(
        File.generated(
            config, glossary.GLOSSARY_SRC_URI, content=glossary.page_markdown(_glossary_ext.glossary)
        )
    )  # type: ignore[union-attr]
    return files


def _load_themes(site: Site, files: Files, config: MkDocsConfig) -> None:
    """Read themes.yml (fresh every build) and add the theme pages."""
    global _themes
    hant = {
        n.id: site.converter(site.default.code, "Hant").text
        for n in site.corpus.notes
        if n.meta.lang == "zh-Hant"
    }
    try:
        path = site.editorial_dir / "themes.yml"
        _themes = ThemeBuild.load(path, site.display(path), note_infos(site.corpus.notes, hant))
    except ZhuduError as exc:
        _serve_without(exc, "the themes", "主题")
        _themes = ThemeBuild(
            theme_map=ThemeMap(path=site.display(path)), notes=note_infos(site.corpus.notes, hant)
        )
    for page in _themes.pages():
        files.append(File.generated(config, page.src_uri, content=page.source))


@event_priority(-100)  # last: the nav is final, every note page exists
def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    """``mkdocs build``: a worker renders note pages into the render cache while MkDocs renders the others."""
    global _prerender
    site = _current()
    if annotations.serving() or site.cache_dir is None or workers.pool_size(site.settings.workers) < 2:
        return nav
    notes = {n.src_uri for n in site.corpus.notes if not n.broken}
    order = [f.src_uri for f in files.documentation_pages() if f.src_uri in notes]
    _prerender = prerender.Prerender.start(config, files, order, _keep_render)
    return nav


def _keep_render(page: Page) -> None:
    """In the pre-render worker: keep a page's render as ``on_page_content`` would."""
    if _renders is not None:
        _renders.after(page.content or "", page.toc, _extension_records())


def _stop_prerender() -> None:
    global _prerender
    if _prerender is not None:
        log.debug("pre-rendered note pages: %d", _prerender.stop())
        _prerender = None


@event_priority(50)  # early, so Material's search and tags see the normalised metadata
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give a note page its normalised metadata; show a broken note's error on its page."""
    note = _current().note_by_src.get(page.file.src_uri)
    if _prerender is not None:
        _prerender.reached(page.file.src_uri)
    live = note.id if note is not None and not note.broken else None
    _annotation_ext.begin(live, show_problems=annotations.serving())  # type: ignore[union-attr]
    _glossary_ext.begin(live)  # type: ignore[union-attr]
    safety.begin(note if live is not None else None)  # a note's HTML is untrusted (zhudu/safety.py)
    if note is None:
        return markdown
    meta = note.meta
    page.meta.setdefault("template", meta.template)
    # Material prints these raw (they are normally the author's own Markdown), in <title>, the
    # header, <meta name="description"> and search results: escape them here, once.
    view = note_view(note)  # a Traditional note's title, description and tags in the default script
    page.meta["title"] = escape(view["title"])
    page.meta["description"] = escape(view["description"])
    page.meta["tags"] = [escape(tag) for tag in view["tags"]]
    page.meta["zd_note"] = view
    if note.broken:
        error = escape("; ".join(str(p) for p in note.problems))
        return (
            '<div class="admonition failure zd-note-error" role="alert">\n'
            '<p class="admonition-title">这篇笔记无法读取</p>\n'
            f"<p><code>{error}</code></p>\n"
            "<p>修正上面指出的问题后保存，页面会自动刷新。</p>\n</div>\n"
        )
    if note.problems:
        items = "".join(f"<li><code>{escape(str(p))}</code></li>" for p in note.problems)
        markdown = (
            '<div class="admonition warning zd-note-error" role="alert">\n'
            '<p class="admonition-title">这篇笔记有需要修正的问题</p>\n'
            f"<ul>{items}</ul>\n</div>\n\n{markdown}"
        )
    # Rendered before with the same inputs: MkDocs renders nothing, on_page_content puts it back.
    reused = _renders is not None and _renders.before(
        note.id, markdown, page.file.src_uri, page.url, lambda uri: files.get_file_from_path(uri) is not None
    )
    return "" if reused else markdown


def note_view(note: Any) -> dict[str, Any]:
    """What ``note.html`` shows: values only, every one escaped by the template."""
    meta = note.meta
    return {
        **meta.as_dict(),
        **_default_script_text(meta),
        "date_display": _display_date(meta.date),
        "updated_display": _display_date(meta.updated),
        "broken": note.broken,
        "wrappers": list(note.body.wrappers) if note.body else [],
    }


def _default_script_text(meta: Any) -> dict[str, Any]:
    """A Traditional note's displayed text in the default variant's script, as its body is.

    ``on_page_content`` converts the body of a note written in Traditional for the default
    variant; its title, subtitle, description and tags reach the page (``<h1>``, ``<title>``,
    the home list, search, ``<meta name="description">``) through here and must match it.  The
    other variants convert the whole default page afterwards, so they still show Traditional.
    """
    if meta.lang != "zh-Hant" or _site is None:
        return {}
    convert = _site.converter(_site.default.code, "Hant").text
    return {
        "title": convert(meta.title),
        "subtitle": convert(meta.subtitle) if meta.subtitle else meta.subtitle,
        "description": convert(meta.description),
        "tags": [convert(tag) for tag in meta.tags],
    }


def _display_date(moment: datetime | None) -> str | None:
    return f"{moment.year}年{moment.month}月{moment.day}日" if moment else None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Mark external links, name heading permalinks; a note written in Traditional is rendered in Simplified first."""
    site = _current()
    note = site.note_by_src.get(page.file.src_uri)
    if note is not None and _renders is not None:
        rendered = _renders.after(html, page.toc, _extension_records())
        html, page.toc = rendered.html, rendered.toc
        _adopt_extension_records(rendered.records)
    if note is not None and note.meta.lang == "zh-Hant":
        html = site.converter(site.default.code, "Hant").html(html)
    if note is not None and _themes is not None and _passage_extension is not None:
        _themes.collect(note.id, _passage_extension.last_passages)  # phase 1 of theme matching
    if note is not None and _annotation_ext is not None and _glossary_ext is not None:
        for problem in _annotation_ext.last_problems:  # an orphaned or ambiguous editor's note
            log.warning("%s", problem)
        _annotation_ext.placed[note.id] = _annotation_ext.last_placed
        _glossary_ext.record(note.id, page.url)
    # Zhudu writes its own index: Material's jieba pass over the page would be thrown away.
    if site.settings.search == "zhudu":
        page.meta["zd_searchable"] = _searchable_by_front_matter(page)
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return links.label_headerlinks(links.mark_external(html, _own_hosts(config)))


def _extension_records() -> tuple[Any, ...]:
    """What Zhudu's Markdown extensions recorded while rendering the page just rendered."""
    assert _passage_extension and _annotation_ext and _glossary_ext
    return (
        _passage_extension.last_passages,
        _annotation_ext.last_placed,
        _annotation_ext.last_problems,
        _glossary_ext.last_occurrences,
    )


def _adopt_extension_records(records: tuple[Any, ...]) -> None:
    """The records of a reused render, as if the page had just been rendered."""
    assert _passage_extension and _annotation_ext and _glossary_ext
    (
        _passage_extension.last_passages,
        _annotation_ext.last_placed,
        _annotation_ext.last_problems,
        _glossary_ext.last_occurrences,
    ) = records


def _searchable_by_front_matter(page: Page) -> bool:
    """False when the page's front matter says ``search: {exclude: true}``."""
    return not (page.meta.get("search") or {}).get("exclude", False)


def _own_hosts(config: MkDocsConfig) -> tuple[str, ...]:
    match = re.match(r"^https?://([^/:]+)", config.site_url or "")
    return (match.group(1),) if match else ()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Expose the notes and variants to the templates; load Material's interface strings."""
    _stop_prerender()  # every page is rendered by now
    site = _current()
    env.globals["zd"] = {
        "notes": [note_view(n) | {"url": _note_url(n, files)} for n in site.corpus.notes if not n.broken],
        "variants": [vars(v) for v in site.variants],
        "per_page": pagination.PER_PAGE,
        "build_errors": list(site.build_errors),  # mkdocs serve: what the site is served without
        "pager": pagination.pager,
    }
    env.filters["zd_search_worker"] = search.point_worker if site.settings.search == "zhudu" else _unchanged
    en_source = env.loader.get_source(env, "partials/languages/en.html")[0]  # type: ignore[union-attr]
    keys = variants.material_keys(en_source)

    def lookup(language: str, key: str) -> str:
        module = env.get_template(f"partials/languages/{language}.html").module
        fallback = env.get_template("partials/languages/en.html").module
        return str(module.t(key) or fallback.t(key) or key)  # type: ignore[attr-defined]

    for variant in site.variants:
        site.interface_strings(variant.material_language, lookup, keys, variant.code)
    if _themes is not None:  # every note's Markdown is rendered by now: match the themes once
        slices, map_slices = site.slicing(len(site.corpus.notes), NOTES_PER_MATCH_SLICE)
        for problem in _themes.finish(slices, map_slices).problems:
            log.warning("%s", problem)
        log.debug("themes: %s", _themes.summary())
        _add_theme_pages(_themes.more_pages(), files, config)
    # Every page is variant-local before the first one is written (links to later pages stay in the variant).
    for file in files.documentation_pages():
        site.page_urls.update((file.url, file.dest_uri))
    gloss_file = files.get_file_from_path(glossary.GLOSSARY_SRC_URI)
    if _glossary_ext is not None and gloss_file and gloss_file.page and gloss_file.page.content:
        gloss_file.page.content = glossary.fill_occurrences(  # every note is rendered by now
            gloss_file.page.content,
            _glossary_ext.occurrences,
            {n.id: _default_script_text(n.meta).get("title", n.meta.title) for n in site.corpus.notes},
            lambda url: get_relative_url(url, gloss_file.page.url),
            {term.id: term.term for term in _glossary_ext.glossary.terms},
        )  # type: ignore[union-attr]
    # og:locale, og:url and og:site_name differ per variant: filled like interface strings.
    for v, vc in zip(site.variants, site.variant_configs, strict=True):
        site.strings[v.code].update(
            social.variant_strings(
                code=v.code,
                prefix=v.prefix,
                og_locale=vc["og_locale"],
                site_name=config.site_name,
                convert=site.converter(v.code, "Hans").text,
            )
        )
    site.start_writers()  # the state the page writers inherit is complete from here on
    return env


def _unchanged(text: str) -> str:
    return text


def _add_theme_pages(pages: list[tuple[str, GeneratedPage]], files: Files, config: MkDocsConfig) -> None:
    """Add a long theme's pages 2…, known only once the themes are matched.

    MkDocs lists the pages it writes after ``on_env``, so pages added here are written like
    any other.  Their Markdown is the theme's description, already rendered for page 1: they
    take page 1's HTML instead of going through Markdown again, and their front matter is taken
    as made, not parsed back from the page's source.
    """
    for theme_id, generated in pages:
        file = File.generated(
            config, generated.src_uri, content=generated.source, inclusion=InclusionLevel.NOT_IN_NAV
        )
        first = files.get_file_from_path(theme_src(theme_id))
        files.append(file)
        page = Page(None, file, config)
        page.markdown, page.meta = generated.markdown, dict(generated.meta)  # as ``read_source`` would
        page.content = first.page.content if first and first.page else ""
        page.toc = get_toc([])


def _note_url(note: Any, files: Files) -> str:
    file = files.get_file_from_path(note.src_uri)
    return file.url if file else ""


@event_priority(-50)  # after the search plugin indexed the page: markers are not searchable text
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """Theme markers, chips and related notes on note pages; the views of theme pages."""
    note = _current().note_by_src.get(page.file.src_uri)
    if page.file.src_uri == glossary.GLOSSARY_SRC_URI:
        page.toc = get_toc([])  # the page lists its terms itself (glossary.INDEX_CLASS)
    if _themes is not None and note is not None and page.content is not None:
        page.content, page.meta["zd_themes"] = _themes.note_context(note.id, page.url, page.content)
    elif _themes is not None and (theme_page := _themes.theme_of_src(page.file.src_uri)) is not None:
        theme_id, number = theme_page
        page.meta["zd_theme"] = _themes.theme_context(theme_id, page.url, number)
    return context


# --------------------------------------------------------------------------- output


@event_priority(-100)  # last: every other plugin has finished with the HTML
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Write the page's copies in the other variants; return the default variant's."""
    site = _current()
    meta = page.meta.get("zd_note") or {}
    site.register_page(
        page.file.dest_uri,
        page.url,
        (meta.get("updated") or meta.get("date") or "")[:10] or None,
        # zd_searchable: the front matter's choice, kept by on_page_content before it excludes every page
        # from Material's index (pages added after it, like later theme pages, still have their own).
        searchable=page.meta.get("zd_searchable", _searchable_by_front_matter(page)),
    )
    site.write_variants(output, page.file.dest_uri, page.url, Path(config.site_dir))
    return site.root_stub(page.file.dest_uri, page.url, page.title or config.site_name)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page exists in every variant; other static templates only need their strings."""
    site = _current()
    if template_name != "404.html":
        return variants.localise(output_content, site.strings.get(site.default.code, {}))
    site.write_variants(output_content, "404.html", "404.html", Path(config.site_dir))
    return notfound.root_page(output_content, site)  # served for every missing path: see notfound.py


@event_priority(-100)  # after Material's search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    """Per-variant sitemaps and search indexes; one summary line."""
    site = _current()
    site_dir = Path(config.site_dir)
    try:
        site.finish_writing(log)
    except ZhuduError as exc:
        raise PluginError(str(exc)) from None
    site.write_sitemaps(site_dir)
    site.write_search_indexes(site_dir, log)
    site.stop_workers()
    for rel, text in feeds.variant_feeds(
        notes=site.corpus.notes,
        site_url=site.site_url,
        variants=[(v.code, v.prefix) for v in site.variants],
        note_urls={n.id: File(n.src_uri, "", "", config.use_directory_urls).url for n in site.corpus.notes},
        site_name=config.site_name,
        site_description=config.site_description or "",
        site_author=config.site_author or "",
        convert=lambda code, text: site.converter(code, script.detect_script(text)).text(text),
    ).items():
        (site_dir / rel).write_text(text, encoding="utf-8")
    if _renders is not None:
        log.debug("note renders: %d reused, %d rendered", _renders.store.hits, _renders.store.misses)
    # Counted in this process only (mkdocs build's page writers keep their own counts).
    log.debug("pages: %d written from the cache, %d converted", site.page_store.hits, site.page_store.misses)
    if site.missing_images:
        log.info(
            "%d missing image(s) drawn as placeholders: %s",
            len(site.missing_images),
            "; ".join(site.missing_images),
        )
    if _glossary_ext is not None and _annotation_ext is not None:
        log.info(
            "glossary: %d terms, marked %s; editor's notes: %s",
            len(_glossary_ext.glossary.terms),
            glossary.counts(_glossary_ext.occurrences),
            annotations.summary(_annotation_ext.placed),
        )
    log.info(
        "%d notes in %d variants (%s)",
        len(site.corpus.notes),
        len(site.variants),
        ", ".join(v.code for v in site.variants),
    )


def on_build_error(error: Exception) -> None:
    """A failed build leaves no worker processes behind, and no log capture."""
    _stop_workers()
    if _renders is not None:
        _renders.abandon()


def _stop_workers() -> None:
    _stop_prerender()
    if _site is not None:
        _site.stop_workers()


def _serve_without(error: ZhuduError | script.ScriptDataError, what: str, shown_as: str) -> None:
    """A broken editorial file stops ``mkdocs build``; ``mkdocs serve`` goes on without its data.

    MkDocs' server holds every request while a rebuild fails, so the author would see a page that
    never loads until the file is fixed.  Served instead: the site without that file's data, with
    the error on every page (``partials/zd-build-errors.html``); the next good save recovers.
    """
    if not annotations.serving():
        raise PluginError(str(error)) from None
    log.warning("%s (served without %s until this is fixed)", error, what)
    _current().build_errors.append(f"{error}（{shown_as}暂不显示）")
