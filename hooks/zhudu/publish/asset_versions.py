"""Content versions of Zhudu's own scripts and styles, for their URLs (``?v=<hash>``).

Material names its bundle by a hash of its content; Zhudu's files in ``overrides/assets/zhudu/`` keep
their names, so a browser that kept an older ``themes.js`` or search worker (GitHub Pages lets it for
ten minutes) would run it against a new deploy's pages, whose markup or index format it does not
know.  A URL with the file's hash is a new URL whenever the file changes.
"""

from __future__ import annotations

import hashlib
import os

from ..fragments import OVERRIDES

_versions: dict[str, tuple[tuple[int, int], str]] = {}


def version(asset: str) -> str:
    """The first 12 hex digits of the SHA-256 of ``overrides/<asset>`` (a template filter).

    Read again only when the file's size or modification time changed: a page template asks for
    it on every page, and ``mkdocs serve`` must see an edited script.
    """
    path = OVERRIDES / asset
    stat = os.stat(path)
    stamp = (stat.st_mtime_ns, stat.st_size)
    known = _versions.get(asset)
    if known is None or known[0] != stamp:
        known = (stamp, hashlib.sha256(path.read_bytes()).hexdigest()[:12])
        _versions[asset] = known
    return known[1]
