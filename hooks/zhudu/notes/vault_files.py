"""Where a file a note names is, as the author's tool finds it: anywhere in an Obsidian vault, a Hexo post's folder.

Obsidian finds an embedded file by its name anywhere in the vault (``![[a.png]]`` shows ``attachments/a.png``):
the notes folder is the vault here.  Hexo keeps a post's images in a folder named like the post
(``post_asset_folder``).  Both answer a path from the note's folder.
"""

from __future__ import annotations

import glob
import os
import unicodedata
from pathlib import Path, PurePosixPath

from zhudu.notes import disk_names
from zhudu.notes.folders import skipped


def vault_file(name: str, note_dir: Path, root: Path) -> str:
    """An Obsidian embed's path from ``note_dir``: as written, or the file of that name under ``root``.

    Not found: the name as written (the body transforms show it as a missing image).
    """
    if disk_names.on_disk(note_dir / name).exists():  # the image pass finds its form on disk
        return name
    found = None
    # As written, then composed and decomposed (macOS names files decomposed): the first form found.
    written = PurePosixPath(name).name
    for form in dict.fromkeys([written, *(unicodedata.normalize(f, written) for f in ("NFC", "NFD"))]):
        base = glob.escape(form)  # a name, not a pattern ("[1].png")
        try:
            # The shortest path, then in name order: the same file whatever the folder listing's order.
            found = min(
                (p for p in root.rglob(base) if p.is_file() and not skipped(p.relative_to(root))),
                key=lambda p: (len(p.parts), p.as_posix()),
                default=None,
            )
        except (OSError, ValueError):
            found = None
        if found is not None:
            break
    return os.path.relpath(found, note_dir).replace(os.sep, "/") if found else name


def post_asset(name: str, note_dir: Path, note_name: str) -> str:
    """A Hexo asset: in the folder named like the post (``post_asset_folder``), or beside it."""
    if "/" not in name and not (note_dir / name).exists():
        return f"{note_name}/{name}"
    return name
