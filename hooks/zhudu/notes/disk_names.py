"""A file named in a note as the file system names it, whichever Unicode form each was written in.

macOS writes file names decomposed (NFD: ``e`` + ``´``) while the text typed in a note is composed
(NFC: ``é``); Windows and Linux tools write names composed.  macOS finds either form; Linux, where
the site is built, finds only the bytes on disk, so ``![](Café.png)`` missed ``Cafe\u0301.png``.  A
path that is not found as written is looked up again one name at a time, each compared composed.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path


def on_disk(path: Path) -> Path:
    """``path`` with each name as it is on disk when only its Unicode form differs; else ``path``."""
    if str(path).isascii() or _exists(path):
        return path  # the usual case costs one check; an ASCII path has one form only
    found = Path(path.anchor)
    for part in path.parts[1:] if path.anchor else path.parts:
        step = found / part
        if not _exists(step):
            step = found / (_same_name(found, part) or part)
        found = step
    return found if _exists(found) else path


def _same_name(folder: Path, name: str) -> str | None:
    """The entry of ``folder`` whose name is ``name`` composed (the first in name order, if two are)."""
    wanted = unicodedata.normalize("NFC", name)
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if unicodedata.normalize("NFC", e.name) == wanted)
    except (OSError, ValueError):  # not a folder, unreadable, a NUL byte
        return None
    return names[0] if names else None


def _exists(path: Path) -> bool:
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):
        return False
