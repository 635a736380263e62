"""Zhudu's MkDocs events: the only module MkDocs loads (``hooks:`` in mkdocs.yml).

Each event checks whether it applies and hands the work to the package: ``zhudu.build`` holds the
build's state and the whole-site events, ``zhudu.pages`` the per-page ones.  Domain errors become
``PluginError`` here, so MkDocs prints the message (file and line first) without a traceback.  The
state lives in one ``Build`` made afresh in ``on_config``: ``mkdocs serve`` loads this module once
and calls the events again on every rebuild.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from zhudu import note_views, pages, serving
from zhudu.annotate import annotations
from zhudu.build import Build
from zhudu.compact import theme_files, whitespace
from zhudu.errors import ZhuduError
from zhudu.publish import incremental
from zhudu.script import convert as script

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_build: Build | None = None
T = TypeVar("T")

#: How long ``mkdocs serve`` waits after a change for more changes before rebuilding (MkDocs: 0.1 s).
#: A save is one write; a change that lands during a rebuild starts another one anyway.
SERVE_SETTLE_SECONDS = 0.02


def _current() -> Build:
    if _build is None:  # pragma: no cover - MkDocs always calls on_config first
        raise PluginError("zhudu: on_config did not run")
    return _build


def _reported(work: Callable[..., T], *args: Any) -> T:
    """``work(*args)``, a problem in the author's or editor's input reported as MkDocs reports errors."""
    try:
        return work(*args)
    except (ZhuduError, script.ScriptDataError) as exc:
        raise PluginError(str(exc)) from None


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is ``mkdocs serve`` (unplaced editor's notes are shown) and a dirty build."""
    annotations.set_command(command)
    incremental.set_dirty(dirty)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Hear saves from inotify and rebuild sooner (``build_delay`` is a public attribute of MkDocs' server).

    Called after the first build: jieba's dictionary, if that build did not need it, loads now on a thread.
    """
    if hasattr(server, "build_delay"):
        server.build_delay = SERVE_SETTLE_SECONDS
    from zhudu import watching  # serve only: a build does not import watchdog (bench/RESULTS.md, session 31)

    watching.use_native_events(server, config.watch)
    if _build is not None:  # the first build is written: what it did not need loads beside the server
        _build.site.warm_vocabulary_aside()
    return server


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate ``extra.zhudu`` and set up the build."""
    global _build
    kept = _build.kept if _build is not None else serving.KeptOnDisk()  # serve: the next build carries it
    if _build is not None:
        _build.stop()  # a build that failed before on_post_build may have left workers
    _build = None
    _build = _reported(Build.configure, config, kept)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Read ``seeds/`` and add a page per note (the nav is built after this); leave out theme files no page loads, ship ours minified."""
    files = _reported(_current().add_files, files, config)
    theme_files.drop_unused(files, config, material_search=_current().site.settings.search == "material")
    theme_files.ship_minified(files, config)
    return files


@event_priority(-100)  # last: the nav is final, every note page exists
def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    """Unchanged note pages read from their kept render (serve --dirty); a worker renders ahead (build)."""
    _current().nav = nav
    _current().read_unchanged(config, files)
    _current().start_prerender(config, files)
    return nav


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """A note page's source, from the note (its file holds none)."""
    return pages.read_source(_current(), page)


@event_priority(50)  # early, so Material's search and tags see the normalised metadata
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give a note page its normalised metadata; show a broken note's error on its page."""
    return _reported(pages.page_markdown, _current(), markdown, page, files)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Mark external links, name heading permalinks; a note written in Traditional is rendered in Simplified first."""
    return _reported(pages.page_content, _current(), html, page, config)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Expose the notes and variants to the templates; load Material's interface strings; match the themes."""
    build = _current()
    # Every page is rendered: what the pre-render worker failed on is the author's to see.
    if build.prerender is not None:
        _reported(build.prerender.raise_failure, lambda src_uri: build.site.note_by_src[src_uri].display_path)
    env = _reported(build.env, env, config, files, lambda note: note_views.note_view(build, note))
    if build.themes is not None and build.themes.index is not None:  # after the plan: digests are in
        build.kept.scans.built(build.themes.index.timings)
    return env


@event_priority(-50)  # after the search plugin indexed the page: markers are not searchable text
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """Theme markers, chips and related notes on note pages; the views of theme pages."""
    _reported(pages.page_context, _current(), page)
    return context


@event_priority(-100)  # last: every other plugin has finished with the HTML
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Write the page's copies in the other variants (compacted there); return what stays at its root URL."""
    return _reported(pages.post_page, _current(), output, page, config)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page exists in every variant; other static templates only need their strings."""
    return _reported(
        pages.post_template,
        _current(),
        whitespace.compact_page(output_content, template_name),
        template_name,
        config,
    )


@event_priority(-100)  # after Material's search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    """Per-variant sitemaps, search indexes and feeds; the summary lines."""
    _reported(_current().post_build, config)


def on_shutdown() -> None:
    """``mkdocs serve`` stops: keep its search assembly and theme scans for the next one, if saves changed them."""
    if _build is not None:
        _build.kept.save_on_stop()


def on_build_error(error: Exception) -> None:
    """A failed build leaves no worker processes behind, and no log capture."""
    if _build is not None:
        _build.stop()
