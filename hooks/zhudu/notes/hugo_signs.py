"""Whether a note is a Hugo page: where Hugo's escaped shortcodes ``{{</* x */>}}`` show as ``{{< x >}}``.

Hugo removes the comment marks of an escaped shortcode before Markdown runs, in code too; every
other tool shows the marks as written (a Hexo post or an Obsidian note explaining how Hugo escapes a
shortcode shows ``{{</* figure */>}}`` in its code, and means it).  A Hugo page's front matter is
often YAML, which names no tool (dialect ``yaml``), so the page is known by Hugo's own signs
(:func:`is_hugo`): TOML front matter, a ``content/`` folder above it (where Hugo keeps every page), a
Hugo configuration in a folder above it (``hugo.toml``, ``config.toml``…), or a shortcode Hugo runs
in its text (``{{< figure >}}``, ``{{% notice %}}``, outside code).
"""

from __future__ import annotations

import re
from pathlib import Path

from zhudu.notes.block_tags import FENCE_RE
from zhudu.notes.dialect_markdown import CODE_SPAN_RE
from zhudu.notes.theme_tags import ESCAPED_SHORTCODE_RE

#: The files a Hugo site's configuration is kept in (``config.yaml`` is also other tools': not a sign).
CONFIG_FILES = ("hugo.toml", "hugo.yaml", "hugo.json", "config.toml")
#: The folder Hugo reads pages from.
CONTENT_FOLDER = "content"
#: Front matter of tools that never run Hugo's shortcodes (they show the escape as written).
_NOT_HUGO = frozenset({"obsidian-clipper", "logseq", "notion"})
#: A shortcode Hugo runs (opening or closing): ``{{< figure``, ``{{% /notice``; not an escaped one (``{{</*``).
_SHORTCODE_RE = re.compile(r"\{\{[<%][ \t]*/?[ \t]*[A-Za-z_][\w./-]*(?:[^\n>%]|[>%](?!\}\}))*[>%]\}\}")


def is_hugo(dialect: str, text: str, note_dir: Path, root: Path) -> bool:
    """Whether the note of ``text`` (its body) in ``note_dir`` is a Hugo page that escapes a shortcode."""
    if not _escapes(text) or dialect in _NOT_HUGO:
        return False
    if dialect == "hugo":
        return True
    return (
        CONTENT_FOLDER in _folders_below(note_dir, root)
        or any(path.is_file() for path in config_paths(note_dir, root))
        or _runs_shortcodes(text)
    )


def watched(dialect: str, text: str, note_dir: Path, root: Path) -> list[str]:
    """Where a Hugo configuration made or removed later would change whether a note is a Hugo page.

    Watched for every note that escapes a shortcode and names no tool, a Hugo page or not now: removing
    ``hugo.toml`` makes the page beside it show its escapes as written again.
    """
    if dialect == "hugo" or dialect in _NOT_HUGO or not _escapes(text):
        return []
    return [str(p) for p in config_paths(note_dir, root)]


def config_paths(note_dir: Path, root: Path) -> list[Path]:
    """Where a Hugo configuration above the note may be, the nearest first (watched under serve)."""
    found: list[Path] = []
    for folder in (note_dir, *note_dir.parents):
        found += [folder / name for name in CONFIG_FILES]
        if folder == root or root not in folder.parents:
            break
    return found


def _escapes(text: str) -> bool:
    """Whether ``text`` holds an escaped shortcode (``{{</* x */>}}``): only then does a page's tool matter."""
    return "/*" in text and ESCAPED_SHORTCODE_RE.search(text) is not None


def _folders_below(note_dir: Path, root: Path) -> tuple[str, ...]:
    try:
        return note_dir.relative_to(root).parts
    except ValueError:
        return ()


def _runs_shortcodes(text: str) -> bool:
    """Whether ``text`` holds a shortcode outside fenced code and inline code."""
    if "{{<" not in text and "{{%" not in text:
        return False
    fence = ""
    for line in text.split("\n"):
        if m := FENCE_RE.match(line):
            opened = m["fence"]
            if not fence:
                fence = opened
                continue
            if opened[0] == fence[0] and len(opened) >= len(fence) and not line.strip().strip(fence[0]):
                fence = ""
                continue
        if not fence and _SHORTCODE_RE.search(CODE_SPAN_RE.sub("", line)):
            return True
    return False
