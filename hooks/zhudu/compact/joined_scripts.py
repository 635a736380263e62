"""Zhudu's deferred scripts joined into two files: fewer ``<script>`` tags in every page.

Every page named seven of Zhudu's scripts, each tag with its path and ``?v=`` (about 80 bytes):
three before Material's deferred bundle (``config.js``, ``shell.js``, ``lazy-search.js``: they set
up what the bundle reads at start-up) and four after it (they subscribe to its ``document$``).
Deferred scripts run in document order, one after the other, so the same code in one file per
side runs in the same order at the same moment: ``shell.js`` and ``lazy-search.js`` are appended
to the written ``config.js``, and the four others are written as ``reader.js``.  The sources stay
files of their own in ``overrides/assets/zhudu/`` (the site leaves them out: no page loads them).

Each source is written minified (``minify.script``).

Each part keeps its own ``try``: a part that throws at start-up stops only itself, as a script
of its own did, and the error still reaches the console (and ``window.onerror``) as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import minify

if TYPE_CHECKING:
    from jinja2 import Environment

#: Appended to ``config.js`` (compact/shared_config.py), in this order, before Material's bundle.
BEFORE = ("assets/zhudu/shell.js", "assets/zhudu/lazy-search.js")
#: Joined into ``READER``, after Material's bundle.
AFTER = (
    "assets/zhudu/zhudu.js",
    "assets/zhudu/annotate.js",
    "assets/zhudu/themes.js",
    "assets/zhudu/reading.js",
)
READER = "assets/zhudu/reader.js"
#: The sources no page loads once joined (``theme_files.unused``).
SOURCES = frozenset((*BEFORE, *AFTER))


def joined(env: Environment, paths: Iterable[str]) -> str:
    """The theme's files at ``paths`` (found as templates are: ``overrides/`` first), one after the other."""
    parts = []
    for path in paths:
        source = minify.script(env.loader.get_source(env, path)[0])  # type: ignore[union-attr]
        parts.append(
            f"/* {path.rsplit('/', 1)[-1]} */\n"
            f"try {{\n{source.rstrip()}\n}} catch (error) {{ setTimeout(function () {{ throw error; }}); }}\n"
        )
    return "".join(parts)
