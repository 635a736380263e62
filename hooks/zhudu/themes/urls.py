"""Where the theme pages are, and relative links between the site's pages."""

from __future__ import annotations

import functools

THEMES_URL = "themes"


def rel_url(from_url: str, to_url: str) -> str:
    """A relative link between two directory URLs (``notes/a/`` → ``../b/``), fragment kept."""
    path, _, fragment = to_url.partition("#")
    return _rel_path(from_url, path) + (f"#{fragment}" if fragment else "")


@functools.lru_cache(maxsize=65536)
def _rel_path(from_url: str, path: str) -> str:
    # Cached, and string work only: ``posixpath.relpath`` asks the OS for the working directory
    # on every call, and a page links to hundreds of pages (theme pages, markers' other notes).
    start = [part for part in from_url.split("/") if part]
    target = [part for part in path.split("/") if part]
    common = 0
    for here, there in zip(start, target, strict=False):
        if here != there:
            break
        common += 1
    rel = "/".join([".."] * (len(start) - common) + target[common:]) or "."
    if path.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "" if rel == "./" else rel


def theme_url(theme_id: str, number: int = 1) -> str:
    """The URL of a theme's page ``number`` (page 1 is the theme's own URL)."""
    base = f"{THEMES_URL}/{theme_id}/"
    return base if number == 1 else f"{base}page/{number}/"


def theme_src(theme_id: str, number: int = 1) -> str:
    """The generated source file of a theme's page ``number`` (its URL, as MkDocs derives it)."""
    return theme_url(theme_id, number).rstrip("/") + ".md"
