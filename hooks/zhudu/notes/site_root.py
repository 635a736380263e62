"""A path from the root of the author's old site (``/assets/a.png``) as a file of the notes folder.

A Jekyll post writes ``![](/assets/a.png)`` for the site folder's ``assets/`` (the folder holding
``_posts/`` and ``_config.yml``), a Hexo post ``/images/a.png`` for ``source/images/``, a Hugo page
``/img/a.png`` for ``static/img/``: the generator served those folders at the site's root.  The
collection keeps the files, not the site, so the root is found again from the note: a folder above
it, or that folder's ``static/``, the nearest first, never outside the notes folder.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from zhudu.notes import disk_names

#: Where a site root may keep what it serves at its root, beside the root itself (Hugo's ``static/``).
_SERVED_FOLDERS = ("", "static")


def site_file(path: str, note_dir: Path, root: Path) -> str | None:
    """``path`` from the old site's root as the file's path from ``note_dir``; None: no such file in ``root``."""
    on_disk = (disk_names.on_disk(c) for c in candidates(path, note_dir, root))  # a macOS name too
    found = next((c for c in on_disk if c.is_file()), None)
    return None if found is None else os.path.relpath(found, note_dir).replace(os.sep, "/")


def candidates(path: str, note_dir: Path, root: Path) -> list[Path]:
    """Where ``path`` from the old site's root may be, the nearest first (the files a serve watches for)."""
    relative = PurePosixPath(path.lstrip("/"))
    if not relative.parts or ".." in relative.parts:
        return []
    found: list[Path] = []
    folder = note_dir
    while True:
        found += [folder / served / relative for served in _SERVED_FOLDERS]
        if folder == root or root not in folder.parents:
            return found
        folder = folder.parent


def names_a_file(path: str) -> bool:
    """Whether a site-absolute path is also a file of this machine (refused as outside the notes folder)."""
    try:
        return Path(path).is_file()
    except (OSError, ValueError):
        return False


def not_found_message(path: str, folder: str) -> str:
    """What a warning says of a site-absolute image no folder that could be the site's root holds."""
    return (
        f"image {path}: a path from the root of the author's old site, and no folder above the note in "
        f"{folder}/ holds it (Jekyll's site folder, beside _posts/; Hexo's source/; Hugo's static/): shown as a "
        f"missing image; put the file there, or write its path from the note"
    )


def typora_root(value: object, note_dir: Path, root: Path) -> tuple[str, str | None]:
    """Typora's ``typora-root-url`` (the folder a note's ``/…`` image paths start from) as a folder from the note.

    Returns the folder ("" for none, or one not used) and, for one not used, what a warning says: it
    must be a relative folder inside the notes folder, since the images under it are published.  One on
    the author's machine (``machine_root``) is not used and no warning: Typora writes it routinely.
    """
    if value is None or value == "":
        return "", None
    written = str(value).strip().replace("\\", "/")  # Typora on Windows writes ``..\\static``
    if not isinstance(value, str) or not written:
        return "", f"typora-root-url: expected a folder, got {value!r}: ignored; write a folder, e.g. ./"
    folder = written.rstrip("/") or "."
    if machine_root(value):
        return "", None
    try:
        inside = (note_dir / folder).resolve().is_relative_to(root.resolve())
    except (OSError, ValueError, RuntimeError):
        inside = False
    if not inside:
        return "", (
            f"typora-root-url: {written} is not a folder inside {root.name}/ (the images under it would be "
            f"published): ignored, so '/…' image paths are looked up as an old site's; write a folder "
            f"relative to the note inside {root.name}/, e.g. ./ or ../assets"
        )
    return folder, None


def machine_root(value: object) -> str | None:
    r"""What an info line says of a ``typora-root-url`` that is a folder on the author's machine; None: not one.

    Typora's folder picker writes an absolute path (``/Users/me/blog/source``, ``C:\blog``, ``\\server\blog``),
    which means nothing where the site is built: ignored, as if not written (the images it would find are
    looked up as an old site's, and one missing is warned of as any missing image).
    """
    if not isinstance(value, str):
        return None
    written = value.strip().replace("\\", "/")
    if not (PurePosixPath(written).is_absolute() or ":" in written.split("/")[0]):
        return None
    return (
        f"typora-root-url: {written} is a folder on the writer's machine (Typora writes it): ignored, so '/…' "
        "image paths are looked up as an old site's"
    )
