"""How a link's path names a note: its key in the index, and the file names the author's old site was flattened into.

``resolve.LinkIndex`` looks a link up by these (``slug / permalink``, ``alias``, ``old site path``).  Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import unquote, urlsplit

#: Extensions a link may give a note's file or page with.
PAGE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


def strip_suffix(target: str) -> str:
    """A link's path without a page's extension or a trailing ``index``."""
    path = target.rstrip("/")
    lowered = path.lower()
    for suffix in PAGE_SUFFIXES:
        if lowered.endswith(suffix):
            path = path[: -len(suffix)]
            break
    return path


def path_key(value: str) -> str:
    """A permalink, URL path or link path as a key: ``/docs/a.html`` and ``docs/a/`` are ``docs/a``."""
    path = strip_suffix(unquote(urlsplit(value.strip()).path))
    parts = [p for p in path.split("/") if p not in ("", ".", "..")]
    if parts and parts[-1].lower() == "index":
        parts.pop()
    return "/".join(parts)


def old_site_keys(parts: Sequence[str], stem: str, absolute: bool, folder_link: bool) -> list[str]:
    """File stems the page at ``parts`` of the author's old site may have been flattened into (``stem``: the linking note's)."""
    names = [p for p in parts if p != ".."]
    if len(names) > 1 and names[-1].lower() == "index":  # ``docs/index.html``: the folder's page
        names, folder_link = names[:-1], True
    keys: list[str] = []
    # A link to a folder (``../docs/``, ``/docs``) may be its index page (``docs-index``).
    for tail in ([*names, "index"], names) if folder_link or len(names) == 1 else (names,):
        for k in range(len(tail), 1 if tail[-1:] == ["index"] else 0, -1):  # never "index" alone
            keys.append("-".join(tail[-k:]))
            # ``/zh-cn/docs/a``: the first folders may be folders of seeds/ (``zh-cn/docs-a``).
            for j in range(1, k):
                keys.append("/".join(tail[-k:][:j]) + "/" + "-".join(tail[-k:][j:]))
    if not absolute and names:
        # ``posts.html`` from ``api-filter``: a sibling on the old site (``api/posts.html``).
        pieces = stem.split("-")
        for n in range(len(pieces) - 1, 0, -1):
            keys.append("-".join([*pieces[:n], *names]))
    return keys
