"""Compiled Jinja templates and the theme's file list, kept between the builds of one process (``mkdocs serve``).

MkDocs makes a new Jinja environment for every build, so every rebuild compiles
Material's templates and ours again (a few hundred milliseconds).  A Jinja
bytecode cache held in memory for the process lifetime, on purpose, lets a
rebuild reuse them.  Jinja checks each template's source checksum before using
its cached code, so an edited template is compiled afresh; the rendered output
is the same either way.

Every build also lists every file of every theme folder to find the static files
(Material ships thousands of icons): a tenth of a second or more per rebuild.  While
serving, only the project's own folders (``overrides/``) can change, so the listing is
kept and made again when the names of the files in those folders change.
"""

from __future__ import annotations

import os
import sysconfig
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Jinja bytecode kept in a dict (keyed by Jinja's template key; checked by source checksum)."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give the bucket its cached code, if any (Jinja discards it if the source changed)."""
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a freshly compiled template's code."""
        self._store[bucket.key] = bucket.bytecode_to_string()


#: One cache for the process: the point is to outlive a build's environment.
_CACHE = MemoryBytecodeCache()


def use(env: Environment) -> None:
    """Make ``env`` reuse the templates compiled by earlier builds of this process."""
    if env.bytecode_cache is None:
        env.bytecode_cache = _CACHE


#: (theme folders, static templates, the caller's filter, names in the project's theme folders) →
#: the listing.  Only the latest is kept.
_LISTING: dict[tuple[Any, ...], list[str]] = {}


def keep_theme_listing(theme: Any) -> None:
    """Make the Jinja environments of ``theme`` (MkDocs' ``Theme``) reuse the last build's file listing."""
    make_env: Callable[[], Environment] = theme.get_env

    def get_env() -> Environment:
        env = make_env()
        list_templates = env.list_templates

        def listing(extensions: Any = None, filter_func: Callable[[str], bool] | None = None) -> list[str]:
            key = (
                tuple(theme.dirs),
                tuple(sorted(theme.static_templates)),
                extensions if extensions is None else tuple(extensions),
                getattr(filter_func, "__qualname__", None),
                _project_names(theme.dirs),
            )
            if key not in _LISTING:
                _LISTING.clear()
                _LISTING[key] = list_templates(extensions, filter_func)
            return list(_LISTING[key])

        env.list_templates = listing  # type: ignore[method-assign]
        return env

    theme.get_env = get_env


def _project_names(dirs: list[str]) -> tuple[str, ...]:
    """Every file name under the theme folders that are not installed packages (``overrides/``)."""
    installed = Path(sysconfig.get_paths()["purelib"]).resolve()
    names: list[str] = []
    for folder in dirs:
        if Path(folder).resolve().is_relative_to(installed):
            continue
        for parent, subdirs, files in os.walk(folder):
            subdirs.sort()
            names.extend(os.path.join(parent, name) for name in sorted(files))
    return tuple(names)
