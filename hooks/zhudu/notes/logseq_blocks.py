"""A Logseq page's blocks as Logseq shows them: no property lines, block references and task markers read.

Logseq writes a page as an outline of ``- `` blocks, and under a block its properties (``collapsed::
true``, ``id:: 64a1…``) as lines of its own; a block another block quotes has an ``id::``, and the
quoting block writes ``((64a1…))``; a block may start with a task marker (``TODO``, ``DONE``…).
Logseq shows none of those lines, the quoted block's text in place of the reference, and a checkbox
for the marker.  Here: property lines are dropped (their lines' numbers go with them), a referenced
block on the same page is shown as its text linked to it, one on another page as a muted
placeholder, and a marker as a task-list box (``- [ ]``, ``- [x]``).
"""

from __future__ import annotations

import re
from pathlib import Path

from zhudu import fragments

#: A block's first line: its bullet, then perhaps a task marker.
_BLOCK_RE = re.compile(
    r"^(?P<bullet>[ \t]*-[ \t]+)(?:(?P<marker>TODO|DOING|NOW|LATER|WAITING|DONE|CANCELED|CANCELLED)(?:[ \t]+|$))?"
)
#: A property line under a block (``collapsed:: true``), indented as the block's text is.
_PROPERTY_RE = re.compile(r"^[ \t]+(?P<key>[A-Za-z][\w-]*):: (?P<value>.*)$")
#: A block reference: a block's id (a UUID, as Logseq writes it) between double parentheses.
_REFERENCE_RE = re.compile(r"\(\((?P<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)\)")
_DONE_MARKERS = frozenset({"DONE", "CANCELED", "CANCELLED"})
#: Markdown around a block's words, left out where the block is quoted as plain text.
_LINK_RE = re.compile(r"!?\[(?P<text>[^\]\n]*)\]\([^)\n]*\)")
_EMPHASIS_RE = re.compile(r"\*\*|__|`|\[\[|\]\]")
#: Logseq's own folders of a graph: a page there without page properties is Logseq's too, in a graph.
_GRAPH_FOLDERS = frozenset({"pages", "journals"})
#: A block's id property, as only Logseq writes it: a UUID under a block.
_BLOCK_ID_RE = re.compile(
    r"^[ \t]+id:: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[ \t]*$", re.MULTILINE
)
#: A code fence as Logseq writes it: at any depth, perhaps on the block's own bullet line (``body.lines_outside_code``).
FENCE_RE = re.compile(r"^[ \t]*(?:-[ \t]+)?(?P<fence>`{3,}|~{3,})")
_CODE_SPAN_RE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)")


def applies(dialect: str, note_dir: Path, text: str) -> bool:
    """Whether a note is a Logseq page: a sign of Logseq's own, not only a folder's name.

    Its page properties read as Logseq's (``title:: …``), a block ``id::`` line in it, or a file in a
    graph's ``pages/`` or ``journals/`` beside the graph's ``logseq/`` folder (its ``config.edn``):
    a Hugo site's ``content/pages/`` is no graph, and its ``- TODO`` item stays as written.
    """
    if dialect == "logseq" or _BLOCK_ID_RE.search(text):
        return True
    return (settings := graph_folder(note_dir)) is not None and settings.is_dir()


def graph_folder(note_dir: Path) -> Path | None:
    """Where a graph whose ``pages/`` or ``journals/`` is ``note_dir`` keeps its settings (watched under serve); None elsewhere."""
    return note_dir.parent / "logseq" if note_dir.name in _GRAPH_FOLDERS else None


def rewrite(
    lines: list[str], origin: list[int], outside: list[bool]
) -> tuple[list[str], list[int], dict[str, str], list[tuple[int, str]]]:
    """``lines`` (``outside``: outside code) with Logseq's block syntax read, and each kept line's source line.

    Also the page's blocks with an id (id → words) and its references to blocks not on it (source
    line, id): each is a stand-in here, which ``block_refs.link_blocks`` replaces once every page is read.
    """
    texts: dict[str, str] = {}  # a block id → its block's words
    kept: list[list] = []  # [line, its source line, outside code]
    block: int | None = None  # the index in ``kept`` of the block the lines are under
    for line, number, readable in zip(lines, origin, outside, strict=True):
        if readable and block is not None and (m := _PROPERTY_RE.match(line)):
            if m["key"].lower() == "id" and (block_id := m["value"].strip()):
                texts[block_id] = _words(kept[block][0])
                kept[block][0] = _with_anchor(kept[block][0], block_id)
            continue  # Logseq shows no property line: the line goes, and its number with it
        if readable and (m := _BLOCK_RE.match(line)):
            block = len(kept)
            line = _with_task_box(line, m)
        elif not line.strip():
            block = None
        kept.append([line, number, readable])
    out = [_references_read(line, texts) if readable else line for line, _, readable in kept]
    elsewhere = [
        (number, block_id)
        for line, number, readable in kept
        if readable
        for block_id in _REFERENCE_RE.findall(_CODE_SPAN_RE.sub("", line))
        if block_id not in texts
    ]
    return out, [number for _, number, _ in kept], texts, elsewhere


def _references_read(line: str, texts: dict[str, str]) -> str:
    """``line`` with its block references read, its inline code (```((64a1…))```) left as written."""
    out, start = [], 0
    for m in _CODE_SPAN_RE.finditer(line):
        out += [_REFERENCE_RE.sub(lambda r: _reference(r["id"], texts), line[start : m.start()]), m.group(0)]
        start = m.end()
    out.append(_REFERENCE_RE.sub(lambda r: _reference(r["id"], texts), line[start:]))
    return "".join(out)


def _with_task_box(line: str, m: re.Match[str]) -> str:
    if not m["marker"]:
        return line
    rest = line[m.end() :]
    if m["marker"] in ("CANCELED", "CANCELLED") and rest.strip():
        rest = f"~~{rest.strip()}~~"
    return f"{m['bullet']}[{'x' if m['marker'] in _DONE_MARKERS else ' '}] {rest}"


def _with_anchor(line: str, block_id: str) -> str:
    m = _BLOCK_RE.match(line)
    head = m.end() if m else 0
    if line[head:].startswith(("[ ] ", "[x] ")):
        head += 4  # after the task box, which must open the item
    return line[:head] + fragments.render("zd-dialect.html", "block_anchor", id=block_id) + line[head:]


def _words(line: str) -> str:
    m = _BLOCK_RE.match(line)
    text = line[m.end() :] if m else line
    text = re.sub(r"^\[[ x]\] ", "", text)
    return _EMPHASIS_RE.sub("", _LINK_RE.sub(lambda m: m["text"], text)).strip()


def _reference(block_id: str, texts: dict[str, str]) -> str:
    if block_id in texts:
        return fragments.render("zd-dialect.html", "block_reference", text=texts[block_id], id=block_id)
    return fragments.render("zd-dialect.html", "missing_block_reference", id=block_id)
