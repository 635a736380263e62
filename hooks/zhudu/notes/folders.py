"""Which files of ``seeds/`` are notes: the folders read, the folders skipped, and why.

An Obsidian vault, a Hugo ``content/`` tree or a Jekyll site keeps notes in folders, beside
folders that hold no notes of the author's: a tool's settings (``.obsidian/``, ``.git/``), drafts
the author has not published (``_drafts/``), a generator's templates and output, installed
packages.  The rule, documented in the README:

- a file or folder whose name starts with ``.`` is skipped (hidden: tools' settings, version control);
- so is a folder named in ``SKIPPED_FOLDERS``;
- a symbolic link to a folder is not followed (it could lead anywhere, or round in a loop); a
  symbolic link to a note file is checked where it leads (``Site._note_paths``).

Everything else is read, however deep, up to ``MAX_DEPTH`` folders down.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path, PurePath

#: Folders that hold no notes of the author's, by name (case-insensitive).
SKIPPED_FOLDERS = frozenset(
    {
        "_drafts",  # Jekyll and Hexo: not published by the author's own tool either
        "_site",  # Jekyll's output
        "_layouts",
        "_includes",
        "_data",
        "_sass",
        "_templates",  # Obsidian's and others' note templates (placeholders, not notes)
        "templates",
        "node_modules",
        "__pycache__",
    }
)
#: How many folders down notes are read: deeper is a mistake (or a hostile tree), not a vault.
MAX_DEPTH = 16


def skipped(rel: PurePath) -> bool:
    """Whether a path relative to ``seeds/`` lies in a folder that is not read."""
    return any(part.startswith(".") or part.lower() in SKIPPED_FOLDERS for part in rel.parts[:-1])


def walk(root: Path) -> Iterator[Path]:
    """Every file under ``root`` in folders that are read, in name order (deterministic).

    Symbolic links (to files or folders) are listed, never entered: the caller checks where each
    leads, and publishes only a link to a note file inside ``seeds/``.
    """
    listed: dict[str, Path] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        depth = len(base.relative_to(root).parts)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and d.lower() not in SKIPPED_FOLDERS and depth < MAX_DEPTH
        )
        links = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
        for name in sorted([*files, *links]):  # a link to a folder is listed, never entered
            if not name.startswith("."):  # hidden, as ``glob`` leaves them out
                text = os.path.join(folder, name)
                path = listed[text] = _LISTED.get(text) or base / name
                yield path
    _LISTED.clear()  # a walk to its end: its paths are the ones the next walk hands out
    _LISTED.update(listed)


#: The paths the last walk to its end listed, by their text (``os.path.join`` of folder and name):
#: the next walk's are the same objects.  A save lists every note; a new path object costs a parse,
#: and every dict keyed by the last ones (the notes read, their ids) compared equal but new paths
#: part by part on each look-up.
_LISTED: dict[str, Path] = {}
