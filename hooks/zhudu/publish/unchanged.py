"""``mkdocs serve --dirty``: note pages whose render is reused are read by Zhudu, not by MkDocs' page loop.

MkDocs reads a page (``_populate_page``) only when ``page.file.is_modified()`` is true in a dirty
build.  A note page whose Markdown and inputs are unchanged is rendered from the render cache,
but MkDocs still made a new Markdown converter with every extension for it, to convert an empty
string: two thirds of its page loop at 500 notes.  Here, once the nav is built, each such page
goes through the same plugin events MkDocs would run (``on_pre_page``, ``on_page_markdown``,
``on_page_content``) without the converter, and its ``SiteFile`` says "not modified" so MkDocs
skips it; ``incremental.plan_pages`` then decides, as for every page, whether it is written.

A page whose render is not reused (an edited note, a changed input) is left to MkDocs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from zhudu.annotate import annotations
from zhudu.publish import incremental

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def read_unchanged_notes(build: Any, config: MkDocsConfig, files: Files) -> int:
    """Read the note pages whose render is reused; returns how many MkDocs' page loop now skips.

    Only for ``mkdocs serve --dirty`` (a plain build reads every page; ``mkdocs build`` renders
    notes ahead in a worker instead).
    """
    renders = build.renders
    if not (incremental.dirty() and annotations.serving()) or renders is None:
        return 0
    read = 0
    for file in files.documentation_pages():
        note = build.site.note_by_src.get(file.src_uri)
        if note is None or note.broken or not isinstance(file, incremental.SiteFile):
            continue
        page = file.page if file.page is not None else Page(None, file, config)
        page = config.plugins.on_pre_page(page, config=config, files=files)
        try:
            page.read_source(config)
        except (OSError, UnicodeDecodeError):  # deleted or damaged since: MkDocs reads it and says so
            renders.abandon()
            continue
        assert page.markdown is not None
        markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        if markdown:  # not reused (a note's Markdown is never empty): MkDocs reads and renders it
            renders.abandon()
            continue
        page.markdown, page.content, page.toc = markdown, "", get_toc([])  # what rendering "" gives
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
        file.rewrite = False  # until plan_pages decides
        read += 1
    return read
