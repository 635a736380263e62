"""Dirty builds: pages whose render is reused are read by Zhudu, not by MkDocs' page loop.

MkDocs reads a page (``_populate_page``) only when ``page.file.is_modified()`` is true in a dirty
build.  A note page whose Markdown and inputs are unchanged is rendered from the render cache,
but MkDocs still made a new Markdown converter with every extension for it, to convert an empty
string: two thirds of its page loop at 500 notes.  Here, once the nav is built, each such page
goes through the same plugin events MkDocs would run (``on_pre_page``, ``on_page_markdown``,
``on_page_content``) without the converter, and its ``SiteFile`` says "not modified" so MkDocs
skips it; ``incremental.plan_pages`` then decides, as for every page, whether it is written.

The other pages (the home page and its pages 2…, sections, theme pages, the glossary, about) are
made again by every build, but from the same Markdown while no note they list changed: their
render is kept under the same kind of key as a note's (``pages.page_markdown``: the Markdown, the
page's place, which of its links exist, the build-wide inputs) and read the same way.

A page whose render is not reused (an edited note, a changed input) is left to MkDocs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from zhudu.notes.corpus import PAGE_FRONT_MATTER
from zhudu.publish import incremental

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def active() -> bool:
    """Whether pages are read from their kept render: a dirty build (``mkdocs serve --dirty``, ``mkdocs build --dirty``).

    A clean build reads every page (MkDocs populates every page whatever ``is_modified`` says);
    ``mkdocs build`` renders the notes left to MkDocs ahead in a worker.
    """
    return incremental.dirty()


def read_unchanged_pages(build: Any, config: MkDocsConfig, files: Files) -> tuple[int, int, int]:
    """Read the pages whose render is reused.

    Returns:
        How many note pages and other pages MkDocs' page loop now skips, and how many other pages there are.
    """
    renders = build.renders
    if not active() or renders is None:
        return 0, 0, 0
    notes = others = other_pages = 0
    for file in files.documentation_pages():
        note = build.site.note_by_src.get(file.src_uri)
        if (note is not None and note.broken) or not isinstance(file, incremental.SiteFile):
            continue
        other_pages += note is None
        page = file.page if file.page is not None else Page(None, file, config)
        page = config.plugins.on_pre_page(page, config=config, files=files)
        try:
            _read_source(page, config, note is not None)
        except (OSError, UnicodeDecodeError):  # deleted or damaged since: MkDocs reads it and says so
            renders.abandon()
            continue
        assert page.markdown is not None
        markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        if not renders.reusing():  # MkDocs reads and renders it
            renders.abandon()
            continue
        page.markdown, page.content, page.toc = markdown, "", get_toc([])  # what rendering "" gives
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
        file.rewrite = False  # until plan_pages decides
        if note is not None:
            notes += 1
        else:
            others += 1
    return notes, others, other_pages


def _read_source(page: Page, config: MkDocsConfig, is_note: bool) -> None:
    """``Page.read_source``; a note page's source starts with Zhudu's own empty YAML block, taken off as is.

    MkDocs parses a page's front matter with YAML (``meta.get_data``): for every unchanged note, on
    every save, only to find ``{}`` (``corpus.PAGE_FRONT_MATTER``), about a tenth of a second at
    3,000 notes.  The result is ``get_data``'s: the Markdown after the block, no metadata.
    """
    if not is_note:
        page.read_source(config)
        return
    source = config.plugins.on_page_read_source(page=page, config=config)
    if source is None:  # not Zhudu's source after all: MkDocs reads the file
        page.read_source(config)
    elif source.startswith(PAGE_FRONT_MATTER):
        page.markdown, page.meta = source[len(PAGE_FRONT_MATTER) :].lstrip("\n"), {}
    else:
        page.markdown, page.meta = get_data(source)
