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

A page the worker fails on is left to MkDocs, which renders it and, for an error in the author's
input, stops with that error first.  What the worker failed on is kept (``Failure``, returned, not
raised: nothing of it has to pickle) and, once MkDocs has rendered every page, raised for the author
(``raise_failure``): the worker and MkDocs' process disagreed about a page, which a build must not hide.
"""

from __future__ import annotations

import logging
import multiprocessing
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from zhudu.errors import NoteError, ZhuduError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = get_plugin_logger("zhudu")

#: The pages the worker renders and how far MkDocs has got (a shared integer), inherited at the fork.
_INHERITED: list[Any] = []
#: What to do when the worker failed on a note MkDocs' process rendered without that error.
_WORKER_ONLY = (
    "MkDocs rendered the note itself without that error, and a build whose two renders of a note "
    "disagree stops: build with 'workers: 0' under extra.zhudu in mkdocs.yml (no worker), and report "
    "this with the worker's traceback ('mkdocs build --verbose' shows it)"
)


@dataclass(frozen=True)
class Failure:
    """What the worker failed on: the page, the error, and the worker's traceback (logged at debug).

    ``reported``: the error as raised when it is about the author's input (the hook's ``PluginError``,
    a ``ZhuduError``), which names the file and line and says what to do.
    """

    src_uri: str
    error: str
    trace: str
    reported: Exception | None = None


class Prerender:
    """A worker rendering note pages from the end while MkDocs renders from the start."""

    def __init__(self, src_uris: Sequence[str], pool: ProcessPoolExecutor, progress: Any) -> None:
        self.order = {uri: i for i, uri in enumerate(src_uris)}
        self.pool = pool
        self.progress = progress
        self.done: Future[tuple[int, Failure | None]] | None = None
        self.rendered = 0
        self.failure: Failure | None = None

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
        """Wait for the worker (it stops where MkDocs got to); returns how many pages it rendered.

        Never raises: a build that failed stops the worker too, and shows its own error.  What the
        worker failed on is kept in ``failure`` (``raise_failure``).
        """
        self.progress.value = len(self.order)
        if self.done is not None:
            try:
                self.rendered, self.failure = self.done.result()
            except Exception as exc:  # the worker process ended (killed, out of memory): no page to name
                self.failure = Failure("", f"{type(exc).__name__}: {exc}", traceback.format_exc())
            finally:
                self.done = None
                self.pool.shutdown()
        return self.rendered

    def raise_failure(self, display: Callable[[str], str]) -> None:
        """MkDocs has rendered every page: what the worker failed on, if anything, is raised for the author.

        Args:
            display: A note page's ``src_uri`` → the note's file as the author names it.

        Raises:
            PluginError: the hook's error for the author's input, as the worker met it.
            ZhuduError: the author's input, or what the worker failed on where MkDocs' process did
                not (naming the note, or mkdocs.yml when the worker process ended).
        """
        self.stop()
        failure = self.failure
        if failure is None:
            return
        log.debug("the pre-render worker failed:\n%s", failure.trace)
        if failure.reported is not None:
            raise failure.reported
        if not failure.src_uri:
            raise ZhuduError(
                "mkdocs.yml",
                None,
                f"extra.zhudu.workers: the pre-render worker ended before its work was done ({failure.error}); "
                "the system may have stopped it for lack of memory: set 'workers: 0' (no worker), or build again",
            )
        raise NoteError(
            display(failure.src_uri),
            None,
            f"the pre-render worker failed on it ({failure.error}); {_WORKER_ONLY}",
        )


def _render_from_the_end() -> tuple[int, Failure | None]:
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
        try:
            rendered += _render(config, files, page, finish)
        except Exception as exc:  # MkDocs renders the page itself; this is raised once it has
            reported = exc if isinstance(exc, (PluginError, ZhuduError)) else None
            error = str(exc) if reported is not None else f"{type(exc).__name__}: {exc}"
            return rendered, Failure(src_uris[index], error, traceback.format_exc(), reported)
    return rendered, None


def _render(config: MkDocsConfig, files: Files, page: Any, finish: Callable[[Any], None]) -> int:
    """Render one page as MkDocs would and keep it (``finish``); 0: its render was kept already."""
    config.plugins.on_pre_page(page, config=config, files=files)
    page.read_source(config)
    page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
    if not page.markdown:  # its render is kept already (``pages.page_markdown``): nothing to do
        return 0
    page.render(config, files)
    finish(page)
    return 1
