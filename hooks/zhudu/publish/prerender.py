"""Note pages' Markdown rendered ahead, in a forked worker, into the render cache (``mkdocs build``).

MkDocs renders every page's Markdown one after another before ``on_env``: at a few hundred notes
that is the longest stretch of a cold build on one CPU.  Rendering a note depends only on its
source and on state complete once the nav is built, so a worker forked in ``on_nav`` renders the
note pages from the end of the list, through MkDocs' public page API (``Page.read_source``, the
plugins' ``on_pre_page`` / ``on_page_markdown`` events, ``Page.render``), and keeps each result
in the render cache (``cache.NoteRenders``).  MkDocs, going from the start, finds the pages the
worker has done in the cache and renders the others itself; the worker stops where they meet
(``progress``).  A page both happen to render is rendered the same twice: the output never
depends on who rendered it (``tests/test_reproducible.py``).

Nothing of MkDocs is replaced or patched: the worker is a copy of this process; MkDocs' own
process renders pages as it always does.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

#: The pages the worker renders and how far MkDocs has got (a shared integer), inherited at the fork.
_INHERITED: list[Any] = []


class Prerender:
    """A worker rendering note pages from the end while MkDocs renders from the start."""

    def __init__(self, src_uris: Sequence[str], pool: ProcessPoolExecutor, progress: Any) -> None:
        self.order = {uri: i for i, uri in enumerate(src_uris)}
        self.pool = pool
        self.progress = progress
        self.done: Future[int] | None = None

    @classmethod
    def start(
        cls,
        config: MkDocsConfig,
        files: Files,
        src_uris: Sequence[str],
        finish: Callable[[Any], None],
    ) -> Prerender | None:
        """Fork the worker (None: no fork on this system, or too few pages to be worth one).

        Args:
            config: The build's configuration.
            files: The site's files; each note page's ``Page`` exists once the nav is built.
            src_uris: The note pages, in the order MkDocs renders them.
            finish: Called in the worker after each page renders, with the page: it keeps the render
                in the cache as ``on_page_content`` would (``cache.NoteRenders.after``).
        """
        if len(src_uris) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return None
        context = multiprocessing.get_context("fork")
        progress = context.Value("i", -1, lock=False)
        _INHERITED[:] = [config, files, list(src_uris), progress, finish]
        pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
        job = cls(src_uris, pool, progress)
        job.done = pool.submit(_render_from_the_end)
        _INHERITED.clear()  # the worker has its copy
        return job

    def reached(self, src_uri: str) -> None:
        """MkDocs is about to render ``src_uri``: the worker stops before it."""
        index = self.order.get(src_uri)
        if index is not None and index > self.progress.value:
            self.progress.value = index

    def stop(self) -> int:
        """Wait for the worker (it stops where MkDocs got to); returns how many pages it rendered."""
        self.progress.value = len(self.order)
        try:
            return self.done.result() if self.done is not None else 0
        except Exception:  # a worker that failed leaves MkDocs to render its pages, which reports errors
            return 0
        finally:
            self.pool.shutdown()


def _render_from_the_end() -> int:
    config, files, src_uris, progress, finish = _INHERITED
    # What this copy of the build logs is kept with each render and replayed by MkDocs' process
    # when it reuses the render; printed here too, it would show twice.
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.handlers.clear()
    mkdocs_log.propagate = False
    rendered = 0
    for index in range(len(src_uris) - 1, -1, -1):
        if index <= progress.value:
            break
        file = files.get_file_from_path(src_uris[index])
        page = file.page if file is not None else None
        if page is None:
            continue
        config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        if not page.markdown:  # its render is kept already (``pages.page_markdown``): nothing to do
            continue
        page.render(config, files)
        finish(page)
        rendered += 1
    return rendered
