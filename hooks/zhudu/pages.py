"""What MkDocs' per-page events do on a page (``hooks/zhudu_hook.py`` hands each to a function here).

Note pages get their normalised metadata before Material reads it, their rendered Markdown from the
render cache when nothing it depends on changed, their theme markers once the themes are matched;
every page is written into every variant after Material has rendered it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape, unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import markdown
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from zhudu import cache, render_keys, serving
from zhudu.annotate import annotations, glossary
from zhudu.note_views import note_view
from zhudu.notes import links
from zhudu.notes.sections import HOME_PAGE
from zhudu.publish import conversion_domain, feeds, incremental, notfound, unchanged
from zhudu.publish.sections import home_introduction
from zhudu.script import as_written, copy_folds, rule_scope, variants
from zhudu.script import convert as script
from zhudu.themes.render import GeneratedPage, theme_src

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from zhudu.build import Build
    from zhudu.notes.corpus import Note

log = get_plugin_logger("zhudu")

_SITE_HOST_RE = re.compile(r"^https?://(?P<host>[^/:]+)")
#: A heading of a rendered page, its id and contents (its permalink, if any, removed by ``_HEADERLINK_RE``).
_HEADING_RE = re.compile(r'<h[1-6] id="(?P<id>[^"]+)"[^>]*>(?P<inner>.*?)</h[1-6]>', re.DOTALL)
_HEADERLINK_RE = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TAG_RE = re.compile(r"<[^>]+>")
_CODE_RE = re.compile(r"<code[^>]*>([^<]*)</code>")


def read_source(build: Build, page: Page) -> str | None:
    """A note page's source (its Markdown, never read as metadata), made when MkDocs reads it; None: not a note."""
    note = build.site.note_by_src.get(page.file.src_uri)
    return note.page_source if note is not None else None


def page_markdown(build: Build, markdown: str, page: Page, files: Files) -> str:
    """A note page's normalised metadata, its problems shown on it; nothing to render when reused."""
    note = build.site.note_by_src.get(page.file.src_uri)
    if build.prerender is not None:
        build.prerender.reached(page.file.src_uri)
    live = note.id if note is not None and not note.broken else None
    build.annotations.begin(live, show_problems=annotations.serving())
    # A Traditional note's terms found as its fold reads its words (its region's phrase outputs read back).
    hant = live is not None and note.meta.lang == "zh-Hant"
    build.glossary.begin(live, build.site.read_back_for(note.meta.region) if hant else None)
    build.quoted_script.begin(note.meta.lang if live is not None else None)
    # A note's HTML is untrusted (zhudu/safety.py), and so is a section page's _index.md introducing it.
    # The home page's text is the project's own: its introduction is rendered apart (page_content).
    intro = build.intros.get(page.file.src_uri) if note is None and page.file.src_uri != HOME_PAGE else None
    build.safety.begin(note if live is not None else intro)
    if note is None:
        # mkdocs serve --dirty: a page Zhudu generates or docs/ holds (home pages, theme pages,
        # sections, the glossary) is rendered again only when its Markdown or an input changed.
        if build.renders is None or not unchanged.active():
            return markdown
        source = "page" + _rule_scope(build).part(markdown)  # the conversion rules its text can meet
        if intro is not None:  # its script: written in Traditional, the page is made Simplified (finishing)
            source += f" intro {intro.meta.lang} {_folded_by(build, intro)}"
        reused = build.renders.before("", source, markdown, page.file.src_uri, page.url, _exists(files))
        return "" if reused else markdown
    page.meta.setdefault("template", note.meta.template)
    # Material prints these raw (they are normally the author's own Markdown), in <title>, the
    # header, <meta name="description"> and search results: escape them here, once.
    view = note_view(build, note)  # a Traditional note's title, description and tags in the default script
    page.meta["title"] = escape(view["title"])
    page.meta["description"] = escape(view["description"])
    page.meta["tags"] = [escape(tag) for tag in view["tags"]]
    page.meta["zd_note"] = view
    # The details for the author under mkdocs serve; a built site's reader gets a line in Chinese.
    shown = {"serving": annotations.serving()}
    if note.broken:
        return build.fragments.render(
            "zd-note-error.html", "broken", error="; ".join(map(str, note.problems)), **shown
        )
    if note.problems:
        problems = [str(p) for p in note.problems]
        markdown = (
            build.fragments.render("zd-note-error.html", "problems", problems=problems, **shown) + markdown
        )
    # What MkDocs hands is the note's own Markdown without its leading blank lines (its get_data),
    # a new string each save; the note's is the same while the note is unchanged (notes/reads.py):
    # what is made of the text alone is kept with that string (serving.Remembered.facts).
    same = annotations.serving() and markdown == note.markdown.lstrip("\n")
    facts = serving.ARTIFACTS.facts(note.markdown) if same else None
    # Rendered before with the same inputs: MkDocs renders nothing, page_content puts it back.
    key = render_keys.note_key(  # the editorial data this render can show, not the files' bytes
        note.source_digest,
        note.id,
        markdown,
        build.glossary.glossary,
        build.glossary.fold,
        build.annotations,
        build.site.note_overrides.values.get(note.id) if build.site.note_overrides else None,
        facts,
    )
    if build.renders is not None and (rules := _rule_scope(build).part(markdown, facts)):
        key = cache.kept_digest(facts, "rules key", key, rules)  # the rules its text can meet (rule_scope)
    if folded := _folded_by(build, note, markdown):
        key = cache.digest(key, folded)
    reused = build.renders is not None and build.renders.before(
        note.id,
        key,
        markdown,
        page.file.src_uri,
        page.url,
        _exists(files),
        facts,
    )
    return "" if reused else markdown


def _folded_by(build: Build, written: Note, markdown: str = "") -> str:
    """A Traditional note's or ``_index.md``'s fold into Simplified: its domain's from-hant rules, its region.

    ``Site.fold_for`` keeps the words of the region its ``lang`` names as written.  A note's ``markdown`` holding
    an embedded Traditional note's copy (``copy_folds``) is folded there too: by the same domain, the copy's region
    in the Markdown.
    """
    site = build.site
    copies = copy_folds.holds_marks(markdown)
    if written.meta.lang != "zh-Hant" and not copies:
        return ""
    own = site.page_domain(written.meta.domain)  # the note's page's, where not the site's
    domain = conversion_domain.for_converter(
        site.conversion_domain if own is None else own, site.default.code, "Hant"
    )
    if written.meta.lang != "zh-Hant":
        return f"copies {domain}"
    return f"{domain} {written.meta.region}" if written.meta.region else domain


def _rule_scope(build: Build) -> rule_scope.RenderScope:
    """This build's ``RenderScope``: made once per build (the rules and editorial files do not change during it)."""
    if _SCOPE[0] is not build:
        site = build.site

        def shown() -> list[
            str
        ]:  # what a render shows of the other editorial files (explanations, editor's notes)
            paths = sorted(site.editorial_dir.glob("*.yml"))
            return [
                p.read_text(encoding="utf-8", errors="replace")
                for p in paths
                if p.name != "conversion.yml" and p.is_file()
            ]

        _SCOPE[:] = [build, rule_scope.RenderScope(site.rules, site.default.code, shown, site.read_back)]
    return _SCOPE[1]  # type: ignore[no-any-return]


#: The build ``_rule_scope`` was made for, and it.
_SCOPE: list[Any] = [None, None]


def _exists(files: Files) -> Callable[[str], bool]:
    """Whether a site file has this (normalised) source URI; a dict look-up, not a path object per link."""
    uris = files.src_uris
    return lambda uri: uri in uris


def page_content(build: Build, html: str, page: Page, config: MkDocsConfig) -> str:
    """A note's render kept or reused; external links marked, permalinks named; Traditional notes in Simplified."""
    site = build.site
    note = site.note_by_src.get(page.file.src_uri)
    finish = finishing(build, page, config)
    if note is not None and annotations.serving() and (warnings := list(build.safety.last_warnings)):
        # What the render changed of the author's text (raw HTML removed, a formula left as TeX), on
        # the page the author previews; a build only prints it (a reused render holds its box).
        html = build.fragments.render("zd-note-error.html", "warnings", warnings=warnings) + html
    if note is not None and build.renders is not None:
        rendered = build.renders.after(html, page.toc, build.extension_records(), finish=finish)
        html, page.toc = rendered.html, rendered.toc
        build.adopt_records(rendered.records)
    elif build.renders is not None and unchanged.active():  # kept like a note's (page_markdown)
        rendered = build.renders.after(html, page.toc, (), page.title, finish=finish)
        html, page.toc = rendered.html, rendered.toc
        if "title" not in page.meta and rendered.title is not None:
            page.title = rendered.title  # MkDocs' public override: its first heading's, as rendered
    else:
        html = finish(html)
    if page.file.src_uri == HOME_PAGE and (intro := build.intros.get(HOME_PAGE)) is not None:
        html += _home_introduction(build, intro, config)  # Hugo's home page content: above the cards
    if note is not None and note.meta.lang == "zh-Hant":  # its headings, converted in the body by finish
        headings = {
            m["id"]: (
                _TAG_RE.sub("", _HEADERLINK_RE.sub("", m["inner"])).strip(),
                _CODE_RE.findall(m["inner"]),
            )
            for m in _HEADING_RE.finditer(html)
        }
        _toc_in_default_script(page.toc, site.fold_for(note.meta).text_as_written, headings)
    if note is not None:
        if build.themes is not None:
            build.themes.collect(note.id, build.passages.last_passages)  # phase 1 of theme matching
        for problem in build.annotations.last_problems:  # an orphaned or ambiguous editor's note
            log.warning("%s", problem)
        build.annotations.placed[note.id] = build.annotations.last_placed
        build.glossary.record(note.id, page.url)
    # Zhudu writes its own index: Material's jieba pass over the page would be thrown away.
    if site.settings.search == "zhudu":
        page.meta["zd_searchable"] = searchable_by_front_matter(page)
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    if note is not None and site.contents is not None:  # back in page_context, when the page is written
        site.contents.put(page.file.dest_uri, html)
        return ""
    return html


def _toc_in_default_script(
    toc: Any, convert: Callable[[str], str], headings: dict[str, tuple[str, list[str]]]
) -> None:
    """The table of contents' titles in the default variant's script, as the headings they name.

    Written once and converted by the other variants with the page; left in Traditional, the
    Simplified page's sidebar named 引用區塊 for the heading 引用区块.  A title is its heading's text
    as converted in the page (``headings``, by id: its code kept as written, ``軟體.config``), else
    converted as text, and so where the layer rewrote a word: folded with the author's word
    (``text_as_written``) as the heading shows it on the Traditional pages, its code kept as written.
    (Converting a title twice, as a reused render's is, gives the same text.)
    """
    for link in toc:
        heading, codes = headings.get(link.id) or ("", [])
        parts = re.split("(" + "|".join(map(re.escape, codes)) + ")", link.title) if codes else [link.title]
        shown = "".join(part if i % 2 else convert(part) for i, part in enumerate(parts))
        link.title = heading if heading and not as_written.has_groups(shown) else shown
        _toc_in_default_script(link.children, convert, headings)


def finishing(build: Build, page: Page, config: MkDocsConfig) -> Callable[[str], str]:
    """What ``page_content`` does to a page's rendered HTML; kept with the render (``NoteRenders.after``).

    Its inputs are in the render's key: the site's host (``site_host``), the conversion rules
    (the editorial files) and the note's script (its file and its notes.yml entry).
    """
    note = build.site.note_by_src.get(page.file.src_uri)
    # A note, or the _index.md introducing a section's page, written in Traditional: its page as a note's.
    # The home page's own text is the project's, never converted (its introduction is: _home_introduction).
    intro = build.intros.get(page.file.src_uri) if page.file.src_uri != HOME_PAGE else None
    return _finisher(build, config, note if note is not None else intro)


def _home_introduction(build: Build, intro: Note, config: MkDocsConfig) -> str:
    """The root ``seeds/_index.md`` rendered on its own with the site's Markdown extensions, cleaned as a note's.

    Apart from the home page's Markdown: the notes' safety extension cleans a whole document (the
    project's ``docs/index.md`` is not the author's note), and only this text is converted from
    Traditional when written in it.  Its links are resolved to URLs and its images' paths are from the
    home page already (``resolve``, ``home_introduction``): nothing for MkDocs' link processing to do.
    """
    build.safety.begin(intro)
    try:
        md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        # Its title, if Traditional, as a note's (``Site.shown_by``).
        html = md.convert(home_introduction(intro, build.site.shown_by))
    finally:
        build.safety.begin(None)
    return _finisher(build, config, intro)(html)


def _finisher(build: Build, config: MkDocsConfig, written: Note | None) -> Callable[[str], str]:
    """External links marked, permalinks named; HTML ``written`` (a note, an ``_index.md``) in Traditional made Simplified."""
    site = build.site
    match = _SITE_HOST_RE.match(config.site_url or "")
    own_hosts = (match["host"],) if match else ()
    to_simplified = (
        site.fold_for(written.meta).html if written is not None and written.meta.lang == "zh-Hant" else None
    )
    page_tag = site.written_tag(written.meta) if written is not None else ""

    def finish(html: str) -> str:
        # An embedded Traditional note's copy, or one of the other domain, as its own page is (``copy_folds``).
        html = copy_folds.folded(html, page_tag, to_simplified, site.copy_fold)
        return links.label_headerlinks(links.mark_external(html, own_hosts))

    return finish


def site_host(site_url: str) -> str:
    """The site's host and path, without the scheme's port: what a page's links are judged by.

    ``mkdocs serve`` sets the site URL to its own address; a note's render is keyed by this, so a
    server on another port reuses the renders (links are marked external by host alone).
    """
    parts = urlsplit(site_url)
    return (parts.hostname or "") + parts.path


def searchable_by_front_matter(page: Page) -> bool:
    """False when the page's front matter says ``search: {exclude: true}``."""
    return not (page.meta.get("search") or {}).get("exclude", False)


def page_context(build: Build, page: Page) -> None:
    """Theme markers, chips and related notes on note pages; the views of theme pages."""
    note = build.site.note_by_src.get(page.file.src_uri)
    if build.site.contents is not None and (html := build.site.contents.take(page.file.dest_uri)) is not None:
        page.content = html  # spooled by page_content
    if page.file.src_uri == glossary.GLOSSARY_SRC_URI:
        page.toc = get_toc([])  # the page lists its terms itself (glossary.INDEX_CLASS)
    themes = build.themes
    if themes is not None and note is not None and page.content is not None:
        page.content, page.meta["zd_themes"] = themes.note_context(note.id, page.url, page.content)
    else:
        theme_page_view(build, page)


def theme_page_view(build: Build, page: Page) -> bool:
    """Give a theme page its view (once: a dirty build makes it before deciding to write the page)."""
    themes = build.themes
    if themes is None or (theme_page := themes.theme_of_src(page.file.src_uri)) is None:
        return False
    if "zd_theme" not in page.meta:
        theme_id, number = theme_page
        page.meta["zd_theme"] = themes.theme_context(theme_id, page.url, number)
    return True


def post_page(build: Build, output: str, page: Page, config: MkDocsConfig) -> str:
    """Write the page's copies in every variant; what stays at its root URL is a pointer to them."""
    site = build.site
    meta = page.meta.get("zd_note") or {}
    site.register_page(
        page.file.dest_uri,
        page.url,
        (meta.get("updated") or meta.get("date") or "")[:10] or None,
        # zd_searchable: the front matter's choice, kept by page_content before it excludes every page
        # from Material's index (pages added after it, like later theme pages, still have their own).
        searchable=page.meta.get("zd_searchable", searchable_by_front_matter(page)),
    )
    note = site.note_by_src.get(page.file.src_uri)
    domain = site.page_domain(note.meta.domain) if note is not None else None
    site.write_variants(output, page.file.dest_uri, page.url, Path(config.site_dir), domain)
    # Written: MkDocs keeps every page to the end of the build, and a note's HTML (theme panels and
    # all) is the largest thing it keeps, then its theme views; nothing reads them after this event.
    page.content = None
    page.meta.pop("zd_themes", None)
    page.meta.pop("zd_theme", None)
    head = ""
    if page.file.dest_uri == "index.html":  # the site's address: where feed readers look for feeds
        head = feeds.discovery_links(
            site_url=site.site_url,
            site_name=config.site_name,
            variants=[(v.code, v.name) for v in site.variants],
            # Each text in the variant's script, as the feeds themselves are written (build.post_build).
            convert=lambda code, text: site.converter(code, script.detect_script(text)).text(text),
        )
    # page.title is HTML (a note's title escaped above, MkDocs' heading text); the stub escapes text.
    title = unescape(page.title) if page.title else config.site_name
    title = site.converter(site.default.code, "Hans").text(
        title
    )  # the default variant's: a folded title's word
    favicon = str(config.theme.get("favicon") or "")
    return site.root_stub(page.file.dest_uri, page.url, title, head, favicon)


def post_template(build: Build, output: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page exists in every variant; other static templates only need their strings."""
    site = build.site
    if template_name != "404.html":
        return variants.localise(output, site.strings.get(site.default.code, {}))
    site.write_variants(output, "404.html", "404.html", Path(config.site_dir))
    return notfound.root_page(output, site)  # served for every missing path: see notfound.py


def add_theme_pages(pages: list[tuple[str, GeneratedPage]], files: Files, config: MkDocsConfig) -> None:
    """Add a long theme's pages 2…, known only once the themes are matched.

    MkDocs lists the pages it writes after ``on_env``, so pages added here are written like any
    other.  Their Markdown is the theme's description, already rendered for page 1: they take page
    1's HTML instead of going through Markdown again, and their front matter is taken as made, not
    parsed back from the page's source.
    """
    for theme_id, generated in pages:
        file = incremental.SiteFile.generated(
            config, generated.src_uri, content=generated.source, inclusion=InclusionLevel.NOT_IN_NAV
        )
        first = files.get_file_from_path(theme_src(theme_id))
        files.append(file)
        page = Page(None, file, config)
        page.markdown, page.meta = generated.markdown, dict(generated.meta)  # as ``read_source`` would
        page.content = first.page.content if first and first.page else ""
        page.toc = get_toc([])
