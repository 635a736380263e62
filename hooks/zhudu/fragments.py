"""HTML that Python writes, from Jinja macros in ``overrides/partials/zd-*.html``.

``render("zd-note-error.html", "broken", error=...)`` calls the macro ``broken`` of that partial with
keyword values and returns its HTML as a ``str``.  The partials are loaded by the theme's own Jinja
environment (``config.theme.get_env()``, so a project's ``custom_dir`` can override them like any
other partial); ``use_theme`` is called once per build in ``on_config``, before the Markdown stage
and before any worker is forked (a forked worker inherits the environment and its compiled
templates).  MkDocs' environment does not autoescape: every value is escaped in the partials
themselves with ``|zd_escape``, Python's ``html.escape`` (``&quot;``/``&#x27;`` for quotes, where
Jinja's ``|e`` writes ``&#34;``/``&#39;``): the HTML stays byte for byte what these modules wrote
before the partials, and so do the caches keyed on it.  Values that are Markdown or markers the
modules made themselves are passed as they are (each partial says which).  Without a build (tests,
tools), the project's own ``overrides/`` is used.
"""

from __future__ import annotations

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
    "zd-sanitizer.html",
    "zd-themes-marks.html",
)

_env: jinja2.Environment | None = None


def use_theme(theme: Theme) -> None:
    """Render with ``theme``'s environment from now on (a new one per build: edited partials show)."""
    global _env
    from zhudu import serving  # here: serving imports cache, which imports this module

    _env = _with_filters(theme.get_env())
    # Compiled once per process (Jinja checks each template's source): a new environment per
    # build compiled the partials a save uses again, every save.
    _env.bytecode_cache = serving.template_code(None)


def environment() -> jinja2.Environment:
    """The environment partials are loaded from (the theme's, or one over ``OVERRIDES``)."""
    global _env
    if _env is None:
        loader = jinja2.FileSystemLoader([str(OVERRIDES)])
        _env = _with_filters(jinja2.Environment(loader=loader, auto_reload=False))
    return _env


def _with_filters(env: jinja2.Environment) -> jinja2.Environment:
    env.filters["zd_escape"] = html.escape  # this environment is ours: MkDocs renders pages with another
    return env


def render(partial: str, macro: str, **values: Any) -> str:
    """The HTML of ``macro`` in ``overrides/partials/<partial>`` called with ``values``."""
    # Jinja keeps each compiled template (and its module) in the environment's cache.
    module = environment().get_template(f"partials/{partial}").module
    return str(getattr(module, macro)(**values))


def partial_paths() -> list[Path]:
    """The project's own copies of ``PARTIALS``."""
    return [OVERRIDES / "partials" / name for name in PARTIALS]
