"""Obsidian's inline tags: ``#读书`` or ``#阅读/方法`` in a note's text is one of the note's tags.

Obsidian counts a tag written in the text as one of the note's tags, beside the front matter's
``tags``; Hexo, Jekyll and Hugo do not (their ``#1`` is text).  So tags are read from the text of
Obsidian notes only (``is_obsidian``): the Obsidian clipper's front matter, a vault (a folder with
``.obsidian/`` holding the note), or a note with ``[[wikilinks]]``.

A tag is read as Obsidian reads it: ``#`` at a line's start or after a space, then letters, digits,
``_``, ``-`` and ``/``, not digits alone (``#1``, ``#2024`` are text).  Only text outside code,
comments and formulas reaches :func:`found` (``dialect_inline.InlineWriter.inline``), and not a
heading's line; an HTML tag's inside (``style="color: #fff"``), a reference definition's target
(``[x]: #小节``) and a colour written as a hex code (``#fff``, ``#a0b1c2``) are not tags.
"""

from __future__ import annotations

import re
from pathlib import Path

#: ``#tag`` after a line's start or a space (``\w`` is Unicode: Han characters are letters).
_TAG_RE = re.compile(r"(?:^|(?<=\s))#(?P<tag>[\w/-]+)")
_HTML_TAG_RE = re.compile(r"<[A-Za-z/!][^<>]*>")
_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:")
_HEX_COLOUR_RE = re.compile(r"^(?:[0-9A-Fa-f]{3,4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$")
#: A heading's line (in a quote too): its ``#`` marks are not tags, nor a tag in its text.
HEADING_RE = re.compile(r"^(?:[ \t]*>[ \t]?)*+[ ]{0,3}#{1,6}(?:[ \t]|$)")
#: The front matter of notes of tools that do not read tags in the text.
OTHER_TOOLS = frozenset({"hexo", "jekyll", "hugo"})


def found(text: str) -> list[str]:
    """The tags written in a piece of a line's text outside code."""
    if "#" not in text or _DEFINITION_RE.match(text):
        return []
    text = _HTML_TAG_RE.sub(" ", text)
    out = []
    for m in _TAG_RE.finditer(text):
        tag = m["tag"].strip("/")
        if any(c.isalpha() or c == "_" for c in tag) and not _HEX_COLOUR_RE.match(tag):
            out.append(tag)
    return out


def is_obsidian(dialect: str, note_dir: Path, root: Path, wikilinks: bool) -> bool:
    """Whether a note is Obsidian's: its front matter (the clipper's), its vault, or its wikilinks."""
    if dialect in OTHER_TOOLS:
        return False
    return dialect == "obsidian-clipper" or wikilinks or _in_vault(note_dir, root)


def watched(dialect: str, note_dir: Path, root: Path, wikilinks: bool, tagged: bool) -> list[str]:
    """Where a vault's ``.obsidian/`` made or removed later would decide whether a note's tags are its own."""
    if not tagged or wikilinks or dialect in OTHER_TOOLS or dialect == "obsidian-clipper":
        return []
    return [str(p) for p in vault_settings(note_dir, root)]


def _in_vault(folder: Path, root: Path) -> bool:
    """Whether ``folder`` or a folder above it, up to ``root``, holds Obsidian's ``.obsidian/`` settings."""
    return any(candidate.is_dir() for candidate in vault_settings(folder, root))


def vault_settings(folder: Path, root: Path) -> list[Path]:
    """Where a vault holding ``folder`` keeps its ``.obsidian/``, the nearest first (watched under serve)."""
    found = []
    for candidate in (folder, *folder.parents):
        found.append(candidate / ".obsidian")
        if candidate == root or root not in candidate.parents:
            break
    return found
