"""Obsidian's Dataview plugin in a note: its fields shown as labelled text, its queries as a note saying so.

Dataview reads ``作者:: 司马迁`` (a line of its own, in a list item too), ``[页码:: 42]`` and
``(心情:: 好)`` in the text as the note's fields, and shows them in reading view as a key and its
value (a ``(key:: value)`` as its value only).  Its queries (a ``dataview`` or ``dataviewjs`` code
block, an inline ``= this.作者`` or ``$= dv.current()``) make a list, a table or a value inside
Obsidian, from the whole vault: this site has no vault to run them over, and their text is a query,
not what the author meant to show.  Each is a short note saying the list is made in Obsidian, and a
warning at its line says how to publish the list.

Only an Obsidian note is read so (``inline_tags.is_obsidian``: a vault, the clipper's front matter,
wikilinks), or one holding a Dataview query; never code, nor a Logseq page (its ``key:: value`` lines
are Logseq's properties, ``logseq_blocks``), nor a Hexo, Jekyll or Hugo note (text there).
"""

from __future__ import annotations

import re
from pathlib import Path

from zhudu import fragments
from zhudu.notes import inline_tags
from zhudu.notes.block_tags import FENCE_RE
from zhudu.notes.dialect_markdown import CODE_SPAN_RE, Line, fence_end

#: The tools whose notes show ``key:: value`` as written.
_OTHER_TOOLS = frozenset({"hexo", "jekyll", "hugo", "logseq", "notion"})
#: A field's key: a word or a few (Han, letters, digits, ``_``, ``-``, ``/``, ``.``), Markdown's marks around it.
_KEY = r"(?:\*\*|__)?(?P<{name}>\w[\w \-/.]{{0,39}}?)(?:\*\*|__)?"
#: ``key:: value`` as a line of its own (after a quote's or a list item's marks, a task's box; not indented as
#: code); not ``std::cout``.
_FIELD_LINE_RE = re.compile(
    r"^(?P<lead>(?:[ \t]*>[ \t]?)*+(?:[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|[ ]{0,3}))"
    + _KEY.format(name="key")
    + r"::(?:[ \t]+(?P<value>.*?))?[ \t]*$"
)
#: A box's head as the dialects write a titled callout (``!!! note "提示"``): its body is indented four columns more.
_BOX_HEAD_RE = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+\w")
#: A list item's marker in a field line's lead.
_ITEM_RE = re.compile(r"(?:[-*+]|\d[.)])[ \t]")
#: ``[key:: value]`` and ``(key:: value)`` inside a line; a value may hold a link (``[司马迁](…)``).  Not right
#: after a Latin word (``lst[1::2]``, ``f(a:: b)``: code; after a Han one it is: 读到[页码:: 42]), and a space
#: after ``::`` (``[fe80::1]`` is an address).
_INLINE_FIELD_RE = re.compile(
    r"(?<![\]\\A-Za-z0-9_])\["
    + _KEY.format(name="key")
    + r"::(?:[ \t]+|(?=\]))(?P<value>(?:[^\[\]\n]|\[[^\[\]\n]*\](?:\([^()\n]*\))?)*?)\]"
    r"|(?<![\]\\A-Za-z0-9_])\("
    + _KEY.format(name="hidden")
    + r"::(?:[ \t]+|(?=\)))(?P<shown>(?:[^()\n]|\([^()\n]*\))*?)\)"
)
#: An inline query: a code span opening with Dataview's ``=`` (DQL) or ``$=`` (JavaScript).
_INLINE_QUERY_RE = re.compile(r"(?<![\\`])`[ \t]*(?P<js>\$)?=[ \t]+[^`\n]+`(?!`)")
#: A query block's opening fence: ```` ```dataview ```` or ```` ```dataviewjs ````.
_QUERY_FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<kind>dataview(?:js)?)\b")

#: The folders a blog keeps its posts in (Hexo's and Jekyll's ``_posts/``, Hugo's ``content/``).
_BLOG_FOLDERS = frozenset({"_posts", "content"})


def applies(dialect: str, obsidian: bool, text: str, note_dir: Path, root: Path) -> bool:
    """Whether a note's ``key:: value`` and Dataview queries are Dataview's (``text``: its rewritten Markdown).

    A note not otherwise Obsidian's is when it holds a query outside other code, unless it is a blog's post
    (in ``_posts/`` or ``content/``): a post holding one is a tutorial showing the query, as its blog does.
    """
    if dialect in _OTHER_TOOLS:
        return False
    if obsidian:
        return True
    try:
        folders = note_dir.relative_to(root).parts
    except ValueError:
        folders = ()
    return "dataview" in text and not _BLOG_FOLDERS.intersection(folders) and _holds_query(text.split("\n"))


def watched(dialect: str, text: str, note_dir: Path, root: Path) -> list[str]:
    """Where a vault's ``.obsidian/`` made or removed later would decide whether a note's fields are Dataview's."""
    if (
        dialect in _OTHER_TOOLS
        or dialect == "obsidian-clipper"
        or ("::" not in text and not _INLINE_QUERY_RE.search(text))
    ):
        return []
    return [str(p) for p in inline_tags.vault_settings(note_dir, root)]


def _holds_query(lines: list[str]) -> bool:
    """Whether a query block opens outside other code (a ````` ````markdown ````` block showing one is an example)."""
    numbered = [(text, 0) for text in lines]
    i = 0
    while i < len(lines):
        if _QUERY_FENCE_RE.match(lines[i]):
            return True
        if m := FENCE_RE.match(lines[i]):
            i = fence_end(numbered, i, m["fence"])
        i += 1
    return False


def rewrite(lines: list[str], origin: list[int]) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """``lines`` with Dataview's fields and queries shown (each line's source line kept), and the findings."""
    out: list[Line] = []
    numbered = list(zip(lines, origin, strict=True))
    findings: list[tuple[int, str]] = []
    i, box = 0, ""  # box: the indent of the body of the callout being read (its lines' fields are fields too)
    while i < len(lines):
        text, line = lines[i], origin[i]
        if head := _BOX_HEAD_RE.match(text):
            box = head["indent"] + "    "
        elif text.strip() and not text.startswith(box):
            box = ""
        if m := _QUERY_FENCE_RE.match(text):
            end = fence_end(numbered, i, m["fence"])
            out += [("", line), (m["indent"] + _query(m["kind"], block=True), line), ("", line)]
            findings.append((line, _query_message(m["fence"] + m["kind"], "list")))
            i = end + 1
            continue
        if m := FENCE_RE.match(text):  # other code: as written
            end = fence_end(numbered, i, m["fence"])
            out += numbered[i : end + 1]
            i = end + 1
            continue
        field = _field_line(text[len(box) :] if box and text.startswith(box) else text)
        before = _field_line(lines[i - 1][len(box) :]) if field and i and out[-1][0].strip() else None
        if before and field and before["lead"] == field["lead"] and not _ITEM_RE.search(field["lead"]):
            # Each field on a line of its own, as Obsidian shows it (a list item's is a block of its own).
            out[-1] = (out[-1][0] + "<br>", out[-1][1])
        if field:
            out.append(
                (
                    box + field["lead"] + _field(field["key"], _inline(field["value"] or "", line, findings)),
                    line,
                )
            )
        else:
            out.append((_inline(text, line, findings) if "::" in text or "=" in text else text, line))
        i += 1
    return [t for t, _ in out], [n for _, n in out], findings


def _field_line(text: str) -> re.Match[str] | None:
    """A ``key:: value`` line (its key not in code)."""
    if "::" not in text or not (m := _FIELD_LINE_RE.match(text)):
        return None
    return None if "`" in text[: m.end("key")] else m


def _inline(text: str, line: int, findings: list[tuple[int, str]]) -> str:
    out, pos = [], 0
    for m in CODE_SPAN_RE.finditer(text):
        out.append(_INLINE_FIELD_RE.sub(_inline_field, text[pos : m.start()]))
        if query := _INLINE_QUERY_RE.fullmatch(m.group(0)):
            out.append(_query("dataviewjs" if query["js"] else "dataview", block=False))
            findings.append((line, _query_message(m.group(0), "value")))
        else:
            out.append(m.group(0))
        pos = m.end()
    out.append(_INLINE_FIELD_RE.sub(_inline_field, text[pos:]))
    return "".join(out)


def _inline_field(m: re.Match[str]) -> str:
    if m["hidden"] is not None:  # (key:: value): Dataview shows the value only
        return fragments.render("zd-dialect.html", "field_value", value=m["shown"])
    return _field(m["key"], m["value"])


def _field(key: str, value: str) -> str:
    chinese = any("\u3400" <= c <= "\u9fff" for c in key)
    return fragments.render("zd-dialect.html", "field", key=key.strip(), value=value, chinese=chinese)


def _query(kind: str, *, block: bool) -> str:
    return fragments.render("zd-dialect.html", "dataview_query", js=kind == "dataviewjs", block=block)


def _query_message(written: str, what: str) -> str:
    return (
        f"{written}: a Dataview query, whose {what} only Obsidian's Dataview plugin makes (from the whole vault): "
        f"shown as a note saying so; to publish the {what}, write it in the note in the query's place "
        "(copy it from Obsidian's reading view)"
    )
