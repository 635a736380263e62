"""Theme files no page loads, left out of the site (MkDocs' ``on_files``: ``Files.remove``).

Material ships every file any of its sites might use; MkDocs copies all of them.  Of its 2.7 MB
of ``assets/``, a Zhudu site loads the bundle, two stylesheets and (with ``extra.zhudu.search:
material``) the search worker with the lunr files for the search languages:

- source maps (``*.map``): only a browser's developer tools fetch them, and they are a build
  artifact of Material's bundle, not of this site (half of ``assets/``);
- lunr's language files and word segmenters (``lunr/``): Material's worker imports
  ``lunr.stemmer.support``, ``lunr.<lang>`` for each search language but English, ``tinyseg``
  (ja), ``wordcut`` (hi, th) and ``lunr.multi`` (more than one language); Zhudu's worker none;
- Material's search worker, when Zhudu's worker answers searches (``search.point_worker``);
- ``assets/images/favicon.png`` when the site names its own favicon;
- Zhudu's scripts that the build joins into ``config.js`` and ``reader.js`` (``joined_scripts``);
- Material's stylesheets and Zhudu's, which the build joins into one (``stylesheet``: it is
  written under Zhudu's name, after the pages).

Only files of the theme are considered (a file of ``docs/`` of the same path is kept), so an
author's own ``assets/`` are never touched.

Zhudu's search worker, which pages load as it is, is shipped minified (``MINIFIED``, ``minify``):
generated from the source, whose hash its URL carries
(``publish/asset_versions.py``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from . import minify, stylesheet
from .joined_scripts import SOURCES as JOINED

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

#: Material's search worker (``assets/javascripts/workers/search.<hash>.min.js``).
_MATERIAL_WORKER_RE = re.compile(r"^assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")
_LUNR_DIR = "assets/javascripts/lunr/"
MATERIAL_FAVICON = "assets/images/favicon.png"
#: Zhudu's files pages load as they are, shipped minified (the joined scripts and stylesheet are
#: too: ``joined_scripts``, ``stylesheet``), and how.
MINIFIED: dict[str, Callable[[str], str]] = {
    "assets/zhudu/search-worker.js": minify.script,
}


def lunr_files(languages: Sequence[str]) -> set[str]:
    """The lunr files Material's search worker imports for ``languages`` (its ``setupSearchLanguages``)."""
    needed = {f"{_LUNR_DIR}min/lunr.stemmer.support.min.js"}
    for lang in languages:
        if lang == "ja":
            needed.add(f"{_LUNR_DIR}tinyseg.js")
        elif lang in ("hi", "th"):
            needed.add(f"{_LUNR_DIR}wordcut.js")
        if lang != "en":
            needed.add(f"{_LUNR_DIR}min/lunr.{lang}.min.js")
    if len(languages) > 1:
        needed.add(f"{_LUNR_DIR}min/lunr.multi.min.js")
    return needed


def unused(
    theme_uris: Iterable[str],
    *,
    material_search: bool,
    search_languages: Sequence[str],
    own_favicon: bool,
) -> list[str]:
    """Which of the theme's files (site-relative URIs) no page of the site loads, sorted.

    Args:
        theme_uris: the theme's static files, as MkDocs collected them.
        material_search: whether Material's own worker answers searches (it then needs lunr).
        search_languages: the search plugin's ``lang``.
        own_favicon: whether ``theme.favicon`` names another file than Material's.
    """
    keep_lunr = lunr_files(search_languages) if material_search else set()
    dropped = []
    for uri in theme_uris:
        if (
            uri.endswith(".map")
            or (uri.startswith(_LUNR_DIR) and uri not in keep_lunr)
            or (not material_search and _MATERIAL_WORKER_RE.match(uri))
            or (own_favicon and uri == MATERIAL_FAVICON)
            or uri in JOINED
            or stylesheet.MATERIAL_RE.fullmatch(uri)
            or uri == stylesheet.PATH
        ):
            dropped.append(uri)
    return sorted(dropped)


def drop_unused(files: Files, config: MkDocsConfig, *, material_search: bool) -> list[str]:
    """Remove from ``files`` the theme's files no page loads; return their URIs (for a debug line)."""
    theme_dirs = {os.path.normpath(d) for d in config.theme.dirs}
    theme_files = {f.src_uri: f for f in files if f.src_dir and os.path.normpath(f.src_dir) in theme_dirs}
    search = config.plugins.get("material/search")
    languages = list(getattr(getattr(search, "config", None), "lang", None) or ["en"])
    favicon = config.theme.get("favicon") or MATERIAL_FAVICON
    dropped = unused(
        theme_files,
        material_search=material_search,
        search_languages=languages,
        own_favicon=favicon != MATERIAL_FAVICON,
    )
    for uri in dropped:
        files.remove(theme_files[uri])
    return dropped


def ship_minified(files: Files, config: MkDocsConfig) -> None:
    """Replace the theme's ``MINIFIED`` files in ``files`` by their minified text."""
    from mkdocs.structure.files import File

    theme_dirs = {os.path.normpath(d) for d in config.theme.dirs}
    for uri, shorten in MINIFIED.items():
        source = files.get_file_from_path(uri)
        if source is None or not source.src_dir or os.path.normpath(source.src_dir) not in theme_dirs:
            continue
        text = shorten(source.content_string)
        files.remove(source)
        files.append(File.generated(config, uri, content=text))
