"""A note's front matter: decoding its bytes, splitting and parsing YAML or TOML within bounds.

Split from ``corpus`` (which re-exports these names).  A problem is a ``NoteError`` naming the
line; YAML is parsed by ``yamldoc`` within its alias and depth bounds.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

import yaml
from frontmatter.default_handlers import BaseHandler, YAMLHandler

from zhudu.errors import NoteError
from zhudu.notes import notion, yamldoc
from zhudu.notes.limits import Limits


class TomlHandler(BaseHandler):
    """Hugo-style ``+++`` TOML front matter, read with the standard library's tomllib."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str) -> dict[str, Any]:
        return tomllib.loads(fm)


#: A line that starts a front-matter key (``title:`` in YAML, ``title =`` in TOML).
_KEY_LINE_RE = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]")


_HANDLERS = (YAMLHandler(), TomlHandler())

#: A Logseq page property (``title:: 学习方法``), as Logseq writes them on a page's first lines: the
#: space after ``::`` is its own (``std::vector`` is no property).
_LOGSEQ_PROPERTY_RE = re.compile(r"^([A-Za-z][\w-]*):: (.*)$")
#: Logseq's properties that hold a list: ``tags:: 学习, [[方法]]``.
_LOGSEQ_LISTS = frozenset({"tags", "alias", "aliases"})


def decode(data: bytes, display: str) -> str:
    """Decode a note's bytes as UTF-8 (a BOM is dropped; CRLF and CR become LF).

    Raises:
        NoteError: the bytes are not UTF-8; says whether they look like GBK.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            hint = "save it as UTF-8"
        else:
            hint = (
                "it looks like GBK/GB18030 (common on Chinese Windows); save it as UTF-8, "
                f"e.g. iconv -f GB18030 -t UTF-8 {display} > fixed.md"
            )
        raise NoteError(display, line, f"not UTF-8 (byte 0x{data[exc.start]:02X}); {hint}") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def note_parts(
    data: bytes,
    display: str,
    problems: list[NoteError] | None = None,
    limits: Limits | None = None,
    text_required: bool = True,
) -> tuple[str, dict[str, Any], str, int, dict[str, int]]:
    """A note's bytes read as the build reads them: what makes a note one that cannot be read.

    The build (``corpus.read_note``) and ``python -m zhudu audit`` share it, so the audit refuses
    exactly the notes whose pages show an error, with the same message.  ``text_required``: False for
    a section's ``_index.md``, whose front matter alone (a title) or nothing at all is Hugo's usual.

    Returns:
        The decoded text, then what :func:`split_front_matter` returns.

    Raises:
        NoteError: not UTF-8, empty, invalid front matter (see :func:`split_front_matter`), or
            front matter with no text after it.
    """
    text = decode(data, display)
    if not text.strip() and text_required:
        raise NoteError(display, 1, "the note is empty: write some text or delete the file")
    raw, content, body_line, key_lines = split_front_matter(
        text, display, problems, limits, notion_export=notion.is_export(PurePath(display).stem)
    )
    if not content.strip() and text_required:
        raise NoteError(display, body_line, "the note has front matter but no text: write the text")
    return text, raw, content, body_line, key_lines


def split_front_matter(
    text: str,
    display: str,
    problems: list[NoteError] | None = None,
    limits: Limits | None = None,
    *,
    notion_export: bool = False,
) -> tuple[dict[str, Any], str, int, dict[str, int]]:
    """Split and parse front matter.

    Args:
        text: The note, decoded.
        display: How messages name the note.
        problems: Receives what is wrong but not fatal: front matter that is never closed
            (the note is then all text), keys given twice (the last value is used).
        limits: The bounds on aliases and nesting (``yaml_aliases``, ``front_matter_depth``).
        notion_export: The file is named as Notion's export names a page (``notion.is_export``): the
            property lines under its title are its front matter.

    Returns:
        The raw front matter, the body, the file line the body starts on, and the line of each key.

    Raises:
        NoteError: invalid YAML/TOML (with the line), YAML beyond ``yamldoc``'s bounds (alias
            bombs, deep nesting), or front matter that is not a mapping.
    """
    problems = problems if problems is not None else []
    limits = limits or Limits()
    handler = next((h for h in _HANDLERS if h.detect(text)), None)
    if handler is None and notion_export and (found := notion.properties(text))[0]:
        return found
    if handler is None:
        return logseq_properties(text)
    try:
        fm, content = handler.split(text)
    except ValueError:
        if _KEY_LINE_RE.match(text.split("\n", 2)[1] if text.count("\n") >= 1 else ""):
            delimiter = handler.START_DELIMITER
            problems.append(
                NoteError(
                    display,
                    1,
                    f"front matter opened with {delimiter!r} on line 1 is never closed: add a line "
                    f"{delimiter!r} after its last 'key: value' line (until then it is shown as text)",
                )
            )
        return {}, text, 1, {}
    fm_first_line = 1  # the text after the opening delimiter starts on the delimiter's line
    key_lines: dict[str, int] = {}
    if isinstance(handler, YAMLHandler):
        raw = _load_yaml(fm, display, fm_first_line, key_lines, problems, limits)
    else:
        raw = _load_toml(fm, display, fm_first_line, limits.front_matter_depth)
        for offset, line in enumerate(fm.split("\n")):
            if m := _KEY_LINE_RE.match(line):
                key_lines.setdefault(m.group(1), fm_first_line + offset)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise NoteError(display, 2, "front matter must be 'key: value' lines")
    body_line = text[: len(text) - len(content)].count("\n") + 1
    return {str(k): v for k, v in raw.items()}, content, body_line, key_lines


def _yaml_hint(fm: str, mark: yaml.Mark | None) -> str:
    """What to do about a YAML error at ``mark``; a tab that indents its line, or is all a blank line holds, is named.

    libyaml's message says only "found character that cannot start any token", and an editor shows a
    tab as spaces.
    """
    lines = fm.split("\n")
    if mark is not None and mark.line < len(lines):
        indent = lines[mark.line][: len(lines[mark.line]) - len(lines[mark.line].lstrip(" \t"))]
        if "\t" in indent and not lines[mark.line].strip():  # nothing to indent: an editor left it there
            return "the line looks blank but holds a tab, which YAML does not allow there: delete the tab"
        if "\t" in indent:
            return "the line is indented with a tab, which YAML does not allow: indent it with spaces"
    return (
        "check quoting and indentation "
        "(a value containing ': ' or starting with '[', '{', '@' or '`' needs quotes)"
    )


def _load_yaml(
    fm: str,
    display: str,
    first_line: int,
    key_lines: dict[str, int],
    problems: list[NoteError],
    limits: Limits,
) -> Any:
    """YAML front matter within ``yamldoc``'s bounds; records key lines and duplicate keys."""
    try:
        node, raw = yamldoc.parse_yaml(
            fm, alias_budget=limits.yaml_aliases, max_depth=limits.front_matter_depth
        )
    except yamldoc.YAMLLimitError as exc:
        mark = exc.problem_mark
        raise NoteError(
            display,
            first_line + (mark.line if mark else 0),
            f"front matter refused: {exc.problem} (extra.zhudu.limits)",
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = exc.problem or "invalid YAML"
        if exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            problem += f" (in the value that starts on line {first_line + exc.context_mark.line})"
        raise NoteError(
            display, line, f"invalid YAML front matter: {problem}; {_yaml_hint(fm, mark)}"
        ) from None
    except yaml.YAMLError as exc:  # no mark: still this note's problem, never a traceback
        raise NoteError(display, first_line, f"invalid YAML front matter: {exc}") from None
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key_lines.setdefault(str(key_node.value), first_line + key_node.start_mark.line)
    for name, line, first in _duplicate_keys(node):
        problems.append(
            NoteError(
                display,
                first_line + line,
                f"{name}: the key is given twice (first on line {first_line + first}); "
                "the last value is used: remove one of them",
            )
        )
    return raw


def _duplicate_keys(root: yaml.Node | None) -> list[tuple[str, int, int]]:
    """(dotted key, line, line of its first occurrence) for every key repeated in one mapping.

    PyYAML keeps the last of two equal keys silently; the author meant one of them.
    """
    found: list[tuple[str, int, int]] = []
    stack: list[tuple[yaml.Node, str]] = [(root, "")] if root is not None else []
    seen_nodes: set[int] = set()  # an alias repeats a node: report it once
    while stack:
        node, prefix = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                    name = f"{prefix}{key_node.value}"
                    if name in first:
                        found.append((name, key_node.start_mark.line, first[name]))
                    else:
                        first[name] = key_node.start_mark.line
                    stack.append((value_node, f"{name}."))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, prefix) for item in node.value)
    return sorted(found, key=lambda f: f[1])


def _load_toml(fm: str, display: str, first_line: int, max_depth: int) -> Any:
    """TOML front matter; it has no aliases, but nesting is bounded like YAML's."""
    try:
        raw = tomllib.loads(fm)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = first_line + int(match.group(1)) - 1 if match else first_line
        raise NoteError(display, line, f"invalid TOML front matter: {exc}") from None
    except RecursionError:  # tomllib recurses per nested array or inline table
        raise NoteError(
            display,
            first_line,
            f"front matter refused: values nested more than {max_depth} levels deep "
            "(extra.zhudu.limits.front_matter_depth)",
        ) from None
    if _depth(raw) > max_depth:
        raise NoteError(
            display,
            first_line,
            f"front matter refused: values nested more than {max_depth} levels deep "
            "(extra.zhudu.limits.front_matter_depth)",
        )
    return raw


def _depth(value: Any) -> int:
    """How deeply lists and tables nest in parsed data (without recursion)."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
        else:
            continue
        deepest = max(deepest, level + 1)
    return deepest


#: Front matter keys only Pandoc's tools write (Zettlr, Quarto, Obsidian's Pandoc plugin): the note's bracketed
#: ``@`` keys are its bibliography's, whatever their shape (``citations``).
PANDOC_KEYS = frozenset(
    {"bibliography", "csl", "citation-style", "link-citations", "nocite", "cite-method", "citeproc"}
)


def names_bibliography(raw: Mapping[str, Any]) -> bool:
    """Whether front matter names a bibliography or a citation style (:data:`PANDOC_KEYS`), whatever wrote it."""
    return bool(PANDOC_KEYS.intersection(raw))


def detect_dialect(raw: Mapping[str, Any], delimiter: str) -> str:
    """Name the tool that wrote a note's front matter (shown to editors, kept in ``dialect``)."""
    if delimiter == "+++":
        return "hugo"
    if delimiter == "notion" and raw:
        return "notion"
    if delimiter == "::" and raw:
        return "logseq"
    if not raw:
        return "none"
    authors = raw.get("author")
    if "created" in raw or (isinstance(authors, list) and any("[[" in str(a) for a in authors)):
        return "obsidian-clipper"
    if "layout" in raw or "posttime" in raw:
        return "jekyll"
    if "updated" in raw:
        return "hexo"
    if names_bibliography(raw):  # Zettlr, Quarto, Obsidian's Pandoc plugin: a bibliography's citations
        return "pandoc"
    return "yaml"


def logseq_properties(text: str) -> tuple[dict[str, Any], str, int, dict[str, int]]:
    """A Logseq page's ``key:: value`` lines at its top as its front matter (none: ``{}`` and the whole text)."""
    lines = text.split("\n")
    raw: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    number = 0
    while number < len(lines) and (m := _LOGSEQ_PROPERTY_RE.match(lines[number])):
        key, value = m[1].lower(), m[2].strip()  # Logseq reads keys in lower case
        if key in _LOGSEQ_LISTS:
            value = [_page_name(v) for v in value.split(",") if v.strip()]
        else:  # ``date:: [[2024-01-05]]``: a journal page's name is the date
            value = _page_name(value)
        raw.setdefault(key, value)
        key_lines.setdefault(key, number + 1)
        number += 1
    if not raw:
        return {}, text, 1, {}
    while number < len(lines) and not lines[number].strip():
        number += 1
    return raw, "\n".join(lines[number:]), number + 1, key_lines


def _page_name(value: str) -> str:
    """A Logseq property value without the brackets of a page reference (``[[方法]]`` is ``方法``)."""
    value = value.strip()
    whole = value.startswith("[[") and value.endswith("]]") and value.count("[[") == 1
    return value[2:-2].strip() if whole else value
