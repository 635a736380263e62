"""HTML that Python writes, from Jinja macros in ``overrides/partials/zd-*.html``.

``render("zd-note-error.html", "broken", error=...)`` calls the macro ``broken`` of that partial with
keyword values and returns its HTML as a ``str``.  The partials are loaded by the theme's own Jinja
environment (``config.theme.get_env()``, so a project's ``custom_dir`` can override them like any
other partial), held by the build (``Build.fragments``, a ``Fragments`` made in ``Build.configure``,
before the Markdown stage and before any worker is forked: a forked worker inherits the environment
and its compiled templates).  The modules that write HTML deep in the note pipeline have no build at
hand: ``render`` uses the running build's, which ``use`` names in the build's context.  MkDocs' environment does not autoescape: every value is escaped in the partials
themselves with ``|zd_escape``, Python's ``html.escape`` (``&quot;``/``&#x27;`` for quotes, where
Jinja's ``|e`` writes ``&#34;``/``&#39;``): the HTML stays byte for byte what these modules wrote
before the partials, and so do the caches keyed on it.  Values that are Markdown or markers the
modules made themselves are passed as they are (each partial says which).  Without a build (tests,
tools), the project's own ``overrides/`` is used.
"""

from __future__ import annotations

import contextvars
import functools
import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

if TYPE_CHECKING:
    from mkdocs.theme import Theme

#: The project's overrides folder, for rendering without a configured theme.
OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"

#: The partials ``render`` is used with.  What they write is part of the notes' cached reads and
#: renders, so their bytes are part of ``cache.code_version`` (an edited partial is not served stale).
PARTIALS = (
    "zd-body.html",
    "zd-dialect.html",
    "zd-feeds.html",
    "zd-glossary.html",
    "zd-note-error.html",
    "zd-note-refs.html",
    "zd-root-stub.html",
    "zd-sanitizer.html",
    "zd-script.html",
    "zd-themes-marks.html",
)


class Fragments:
    """The partials of one build: the Jinja environment they are loaded and compiled in."""

    def __init__(self, env: jinja2.Environment) -> None:
        env.filters["zd_escape"] = html.escape  # this environment is ours: MkDocs renders pages with another
        self.env = env

    @classmethod
    def for_theme(cls, theme: Theme) -> Fragments:
        """``theme``'s environment (a new one per build: edited partials show)."""
        from zhudu import serving  # here: serving imports cache, which imports this module

        fragments = cls(theme.get_env())
        # Compiled once per process (Jinja checks each template's source): a new environment per
        # build compiled the partials a save uses again, every save.
        fragments.env.bytecode_cache = serving.template_code(None)
        return fragments

    def render(self, partial: str, macro: str, **values: Any) -> str:
        """The HTML of ``macro`` in ``overrides/partials/<partial>`` called with ``values``."""
        # Jinja keeps each compiled template (and its module) in the environment's cache.
        module = self.env.get_template(f"partials/{partial}").module
        return str(getattr(module, macro)(**values))


#: The running build's partials (``Build.fragments``), for the pure modules that write HTML without a
#: build at hand: set by ``use`` in the build's context (its thread; a forked worker inherits it).
_RUNNING: contextvars.ContextVar[Fragments | None] = contextvars.ContextVar("zhudu_fragments", default=None)


def use(fragments: Fragments) -> None:
    """Render with ``fragments`` from now on in this context (``Build.configure``, before any worker forks)."""
    _RUNNING.set(fragments)


@functools.cache
def _project_fragments() -> Fragments:
    """The project's own ``overrides/``, without a build (tests, tools)."""
    return Fragments(jinja2.Environment(loader=jinja2.FileSystemLoader([str(OVERRIDES)]), auto_reload=False))


def render(partial: str, macro: str, **values: Any) -> str:
    """The HTML of ``macro`` in ``overrides/partials/<partial>`` called with ``values``: the running build's."""
    return (_RUNNING.get() or _project_fragments()).render(partial, macro, **values)


def partial_paths() -> list[Path]:
    """The project's own copies of ``PARTIALS``."""
    return [OVERRIDES / "partials" / name for name in PARTIALS]
