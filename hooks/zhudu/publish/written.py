"""A page's written files kept by the digest of what it shows, for dirty builds into a new folder.

``mkdocs serve`` builds into a new temporary folder each time it starts, where no page has been
written: its first build rendered every page through the theme's templates and wrote every
variant again, even with every note's render in the cache.  A dirty build keeps the files it
writes for a page (the pointer at its root URL and its copy in every variant) under the page's
digest (``incremental.page_digest``: everything the page shows, and the code), so a later dirty
build that computes the same digest, in any folder, copies them instead of rendering the page.
The digest is the same one the dirty build already trusts to leave a page as written.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zhudu import cache

#: The artifact kind (``cache.ArtifactCache``) of written pages.
KIND = "written"


@dataclass(frozen=True)
class WrittenPage:
    """A page's output files and what the whole-site files need from it."""

    url: str
    lastmod: str | None
    searchable: bool
    indexed: bool
    files: tuple[tuple[str, bytes], ...]  # site-relative path, bytes


def keep(
    store: cache.ArtifactCache,
    site_dir: Path,
    digest: str,
    entry: tuple[str, str | None, bool, bool],
    paths: list[str],
) -> None:
    """Keep the files just written for a page under its ``digest`` (``entry``: url, lastmod, searchable, indexed)."""
    if store.has(KIND, digest):
        return
    try:
        files = tuple((rel, (site_dir / rel).read_bytes()) for rel in paths)
    except OSError:  # not all written: nothing kept
        return
    store.put(KIND, digest, WrittenPage(*entry, files=files))


def find(store: cache.ArtifactCache, digest: str, paths: list[str]) -> WrittenPage | None:
    """The files kept for a page whose digest is ``digest`` and whose outputs are ``paths``, or None."""
    page: Any = store.get(KIND, digest)
    if not isinstance(page, WrittenPage) or sorted(rel for rel, _ in page.files) != sorted(paths):
        return None
    return page


def restore(site_dir: Path, page: WrittenPage) -> bool:
    """Write ``page``'s kept files into ``site_dir``; False when the folder refused (MkDocs then writes the page)."""
    try:
        for rel, data in page.files:
            path = site_dir / rel
            try:
                path.parent.mkdir(parents=True)
            except FileExistsError:  # the page may be served: replaced whole, never seen half written
                tmp = path.with_name(path.name + ".zd-tmp")
                tmp.write_bytes(data)
                os.replace(tmp, path)
            else:  # a new folder (a new serve's: every page): nothing to replace
                path.write_bytes(data)
    except OSError:
        return False
    return True


#: Kept pages no build of this site needs are removed once they are this old (seconds): another
#: command (``mkdocs build --dirty`` keys its pages apart) or a reverted edit may still want them.
UNUSED_FOR = 7 * 24 * 3600.0


def sweep(store: cache.ArtifactCache, needed: set[str], now: float) -> int:
    """Remove the kept pages not in ``needed`` (this site's digests) written before ``now - UNUSED_FOR``.

    Every save adds an entry for each page it rewrites and nothing else removes them.  Returns how
    many were removed.
    """
    removed = 0
    for path in store.stored(KIND):  # both layouts' entries; an older layout's is never read again
        try:
            if (
                _KEY_RE.fullmatch(path.name)
                and path.name not in needed
                and path.stat().st_mtime < now - UNUSED_FOR
            ):
                path.unlink()
                removed += 1
        except OSError:  # gone already, or not ours to remove: left
            continue
    return removed


_KEY_RE = re.compile(r"[0-9a-f]{64}")
