"""Note pages' Markdown rendered in forked workers while MkDocs renders the other pages.

MkDocs renders every page's Markdown one after another before ``on_env``; at a few hundred notes
that is the longest stretch of the build on one CPU.  A note's Markdown depends only on its source
and on state that is complete once the nav is built, so ``mkdocs build`` forks workers in ``on_nav``
that render the note pages from the end of the list while MkDocs goes from the start:

- MkDocs reaching a page no worker has started takes it back and renders it itself, so the two
  meet wherever the work splits evenly, whatever the machine is doing;
- MkDocs reaching a page a worker has rendered adopts the result: the HTML, the table of contents,
  the anchors, what Zhudu's Markdown extensions recorded (``capture`` / ``restore``), and the log
  records, which are logged again in the MkDocs process, in page order, so ``--strict`` counts them;
- a page a worker fails on is rendered by MkDocs again, which reports the error as usual.

Forked, the workers inherit the configuration, the files and the Markdown extensions as they are.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from mkdocs.structure.pages import Page

from . import workers

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.toc import TableOfContents


@dataclass(frozen=True)
class RenderedPage:
    """What ``Page.render`` leaves on a page, rendered in a worker."""

    content: str
    toc: TableOfContents
    title: str | None
    anchor_ids: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri
    records: Any  # what the caller's ``capture`` returned after the render
    log: tuple[logging.LogRecord, ...]


class _LogCollector(logging.Handler):
    """Keeps a worker's log records for the MkDocs process to log (its handlers count warnings)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # the arguments may not pickle
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


#: The build state a render worker was forked with, and its log collector (``_adopt_in_worker``).
_FORKED: list[tuple[MkDocsConfig, Files, Callable[[], Any], _LogCollector]] = []


def _adopt_in_worker(config: MkDocsConfig, files: Files, capture: Callable[[], Any]) -> None:
    collector = _LogCollector()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.handlers = [collector]  # logged by the MkDocs process instead, when it adopts the page
    mkdocs_log.propagate = False
    _FORKED[:] = [(config, files, capture, collector)]


def _render_in_worker(src_uri: str) -> RenderedPage | None:
    """MkDocs' reading and rendering of one page (``_populate_page`` up to ``on_page_content``)."""
    config, files, capture, collector = _FORKED[0]
    collector.records = []
    file = files.get_file_from_path(src_uri)
    if file is None:
        return None
    page = file.page if file.page is not None else Page(None, file, config)
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        assert page.markdown is not None
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
        assert page.content is not None
        rendered = RenderedPage(
            content=page.content,
            toc=page.toc,
            title=page._title_from_render,
            anchor_ids=frozenset(page.present_anchor_ids or ()),
            links_to_anchors=None
            if page.links_to_anchors is None
            else {linked.src_uri: links for linked, links in page.links_to_anchors.items()},
            records=capture(),
            log=tuple(collector.records),
        )
    except Exception:  # MkDocs renders the page again and reports it
        return None
    finally:
        config._current_page = None
        file.page = None  # the worker keeps nothing of the pages it has handed over
    return rendered


class MarkdownRenderers:
    """Render workers forked for one build, and the pages they may render."""

    def __init__(self, pool: ProcessPoolExecutor, src_uris: Iterable[str]) -> None:
        self._pool = pool
        self.adopted = self.taken_back = 0
        # From the end: MkDocs renders from the start, taking back the pages no worker has begun.
        self._futures: dict[str, Future[RenderedPage | None]] = {
            uri: pool.submit(_render_in_worker, uri) for uri in reversed(list(src_uris))
        }

    @classmethod
    def start(
        cls,
        config: MkDocsConfig,
        files: Files,
        src_uris: list[str],
        processes: int,
        capture: Callable[[], Any],
    ) -> MarkdownRenderers | None:
        """Fork ``processes`` workers (once the nav is built) and queue ``src_uris`` for them.

        Returns ``None`` when there is nothing to share or no fork.
        """
        if processes < 1 or len(src_uris) < 2:
            return None
        pool = workers.forked_pool(processes, _adopt_in_worker, (config, files, capture))
        return cls(pool, src_uris) if pool is not None else None

    def delegate(self, page: Page, restore: Callable[[Any], None]) -> None:
        """Let ``page``'s render take a worker's result, when a worker may have it (``on_pre_page``)."""
        if page.file.src_uri in self._futures:
            # Hack: MkDocs has no event that skips rendering a page, so this page's own ``render``
            # (which MkDocs calls next) is replaced by adopting the worker's.
            page.render = partial(self._render, page, restore)  # type: ignore[method-assign]

    def _render(self, page: Page, restore: Callable[[Any], None], config: MkDocsConfig, files: Files) -> None:
        future = self._futures.pop(page.file.src_uri)
        del page.render  # the class's own again
        rendered = None
        if not future.cancel():  # a worker has it: wait for it
            try:
                rendered = future.result()
            except Exception:  # the worker died: render here
                rendered = None
        if rendered is None:
            self.taken_back += 1
            page.render(config, files)
            return
        self.adopted += 1
        page.content = rendered.content
        page.toc = rendered.toc
        page._title_from_render = rendered.title
        page.present_anchor_ids = set(rendered.anchor_ids)
        if rendered.links_to_anchors is not None:
            page.links_to_anchors = {
                linked: links
                for uri, links in rendered.links_to_anchors.items()
                if (linked := files.get_file_from_path(uri)) is not None
            }
        for record in rendered.log:
            logging.getLogger(record.name).handle(record)
        restore(rendered.records)

    def stop(self) -> None:
        """Stop the workers (every page has been rendered, or the build failed)."""
        self._futures.clear()
        self._pool.shutdown(wait=True, cancel_futures=True)
