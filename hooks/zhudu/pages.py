"""What MkDocs' per-page events do on a page (``hooks/zhudu_hook.py`` hands each to a function here).

Note pages get their normalised metadata before Material reads it, their rendered Markdown from the
render cache when nothing it depends on changed, their theme markers once the themes are matched;
every page is written into every variant after Material has rendered it.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from datetime import datetime
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
from zhudu.notes import links
from zhudu.notes.sections import HOME_PAGE
from zhudu.publish import conversion_domain, feeds, incremental, notfound, unchanged
from zhudu.publish.sections import home_introduction
from zhudu.script import as_written, rule_scope, variants
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
    build.glossary.begin(live)
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
            source += f" intro {intro.meta.lang}"
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
    if note.meta.lang == "zh-Hant":  # folded into Simplified by the from-hant rules of the site's domain
        site = build.site
        key = cache.digest(
            key, conversion_domain.for_converter(site.conversion_domain, site.default.code, "Hant")
        )
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


def note_view(build: Build, note: Note) -> dict[str, Any]:
    """What ``note.html`` and the home list show: values only, every one escaped by the template.

    Made once per note per build (its page, the home list and the glossary's titles ask), and a
    value: callers copy it to add to it.  Under ``mkdocs serve`` an unchanged note is the last
    build's object (``NoteReads.settle``): its view is the last build's too while what it is made
    from is the same objects (the note's metadata and wrappers, the default script's converter),
    so a save makes no view (a dict and four lists, living as long as the build) for it.
    """
    views = _VIEWS
    if views.build is not build:
        views.build = build
        views.previous, views.current = views.current, {}
        VIEWS_KEPT[0] = 0
    converter = build.site.converter(build.site.default.code, "Hant")
    wrappers = note.body.wrappers if note.body else None
    made_of = (note, note.meta, wrappers, note.broken, converter)
    kept = views.current.get(id(note))
    earlier = kept is None  # not yet asked for in this build: the last build's, if any
    if earlier:
        kept = views.previous.get(id(note))
    if kept is not None and all(map(operator.is_, kept[0], made_of)):  # both made as above: five items
        if earlier:
            views.current[id(note)] = kept
            VIEWS_KEPT[0] += 1
        return kept[1]  # type: ignore[no-any-return]
    meta = note.meta
    listed = meta.as_dict()
    view = {
        **listed,
        **_default_script_text(build, meta, listed),
        "date_display": _display_date(meta.date),
        "updated_display": _display_date(meta.updated),
        "broken": note.broken,
        "wrappers": list(wrappers) if wrappers is not None else [],
    }
    # The note is kept with its view: its id names no other while kept.
    views.current[id(note)] = (made_of, view)
    return view


def home_entries(build: Build, notes: list[Note], files: Files) -> list[dict[str, Any]]:
    """The home list's entries (``zd.notes``): each note's view with its page's URL, unreadable notes left out (``Note.listed``).

    A note's entry is the last build's object while its view is and its URL the same, as its view
    is (``note_view``): the plan then knows a home page's cards unchanged by identity
    (``page_meta.cards_text``).  Like a view, an entry is a value: the templates only read it.
    """
    last, _ENTRIES[:] = _ENTRIES[0], [{}]
    entries = []
    for note in notes:
        if not note.listed:
            continue
        file = files.src_uris.get(note.src_uri)  # normalised already
        view, url = note_view(build, note), file.url if file else ""
        kept = last.get(id(view))
        entry = kept[2] if kept is not None and kept[0] is view and kept[1] == url else view | {"url": url}
        _ENTRIES[0][id(view)] = (view, url, entry)  # the view kept with it: its id names no other
        entries.append(entry)
    return entries


#: The last build's home list entries by their view's ``id`` (``home_entries``).
_ENTRIES: list[dict[int, tuple[dict[str, Any], str, dict[str, Any]]]] = [{}]


class _NoteViews:
    """The note views of this build and of the last (``note_view``), by the note's ``id``."""

    def __init__(self) -> None:
        self.build: Any = None
        self.current: dict[int, tuple[tuple[Any, ...], dict[str, Any]]] = {}
        self.previous: dict[int, tuple[tuple[Any, ...], dict[str, Any]]] = {}


#: This process's note views (``note_view``): the last build's are dropped by the next but one.
_VIEWS = _NoteViews()
#: How many of this build's note views were the last build's (the plan's debug line).
VIEWS_KEPT = [0]


def _default_script_text(build: Build, meta: Any, listed: dict[str, Any]) -> dict[str, Any]:
    """A Traditional note's displayed text in the default variant's script, as its body is.

    ``page_content`` converts the body of a note written in Traditional for the default variant;
    its title, subtitle, description and tags reach the page (``<h1>``, ``<title>``, the home list,
    search, ``<meta name="description">``) through here and must match it.  The other variants
    convert the whole default page afterwards, so they still show Traditional.
    """
    convert = build.fold
    # What a reader sees keeps the author's words where the layer rewrote them on the Traditional
    # pages (``Converter.text_as_written``); tags and categories name pages (slugs): folded plainly.
    shown = build.site.converter(build.site.default.code, "Hant").text_as_written
    # A note linking here written in Traditional (whatever this note's script): its title as its page's.
    backlinks = [
        b | {"title": shown(b["title"])} if b["lang"] == "zh-Hant" else b for b in listed["backlinks"]
    ]
    if meta.lang != "zh-Hant":
        return {"backlinks": backlinks}
    return {
        "backlinks": backlinks,
        "title": shown(meta.title),
        "subtitle": shown(meta.subtitle) if meta.subtitle else meta.subtitle,
        "description": shown(meta.description),
        "tags": [convert(tag) for tag in meta.tags],
        "categories": [[convert(name) for name in path] for path in meta.categories],
    }


def _display_date(moment: datetime | None) -> str | None:
    return f"{moment.year}年{moment.month}月{moment.day}日" if moment else None


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
        _toc_in_default_script(page.toc, site.converter(site.default.code, "Hant").text_as_written, headings)
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
        html = md.convert(home_introduction(intro, build.fold))  # its title, if Traditional, as a note's
    finally:
        build.safety.begin(None)
    return _finisher(build, config, intro)(html)


def _finisher(build: Build, config: MkDocsConfig, written: Note | None) -> Callable[[str], str]:
    """External links marked, permalinks named; HTML ``written`` (a note, an ``_index.md``) in Traditional made Simplified."""
    site = build.site
    match = _SITE_HOST_RE.match(config.site_url or "")
    own_hosts = (match["host"],) if match else ()
    to_simplified = (
        site.converter(site.default.code, "Hant").html
        if written is not None and written.meta.lang == "zh-Hant"
        else None
    )

    def finish(html: str) -> str:
        if to_simplified is not None:
            html = to_simplified(html)
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
    site.write_variants(output, page.file.dest_uri, page.url, Path(config.site_dir))
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
