"""The editorial layer: data files beside the notes, never edits to the notes.

``docs/editorial/notes.yml`` lets an editor override or add any normalised field
of a note, keyed by note id (the seed file's name without its extension).
Loading checks the shape and the names; the values are validated by the same
schema as front matter (see ``meta``), so an editor's date is parsed like an
author's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import yaml

from zhudu.errors import EditorialError
from zhudu.notes.closest_ids import unknown_note_id
from zhudu.notes.meta import EDITABLE_FIELDS
from zhudu.notes.yamldoc import error_place, yaml_document


@dataclass(frozen=True)
class NoteOverrides:
    """The editor's values per note id, and the line of each value for messages."""

    path: str
    values: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    lines: Mapping[str, Mapping[str, int]] = field(default_factory=dict)


def load_yaml_with_lines(path: Path, display: str) -> tuple[Any, dict[tuple[str, ...], int]]:
    """Parse a YAML file and record the line of every mapping key path.

    Raises:
        EditorialError: unreadable or invalid YAML, with the line.
    """
    return yaml_with_lines(path.read_bytes(), display)


def yaml_with_lines(data: bytes, display: str) -> tuple[Any, dict[tuple[str, ...], int]]:
    """``load_yaml_with_lines`` of a file's bytes already read."""
    try:
        text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")  # as read_text
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise EditorialError(display, line, f"not UTF-8 ({exc.reason}): save it as UTF-8") from None
    try:
        node, data = yaml_document(text)
    except yaml.MarkedYAMLError as exc:
        line, problem = error_place(exc, text)
        raise EditorialError(display, line, f"invalid YAML: {problem}") from None
    lines: dict[tuple[str, ...], int] = {}

    def walk(n: yaml.Node | None, prefix: tuple[str, ...]) -> None:
        if isinstance(n, yaml.MappingNode):
            for key_node, value_node in n.value:
                key = (*prefix, str(key_node.value))
                if key in lines:  # YAML keeps the last silently: the first one's values would be lost
                    raise EditorialError(
                        display,
                        key_node.start_mark.line + 1,
                        f"duplicate key {key_node.value!r} (first on line {lines[key]}): keep one, merge what they say",
                    )
                lines[key] = key_node.start_mark.line + 1
                walk(value_node, key)
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                lines[(*prefix, str(i))] = item.start_mark.line + 1
                walk(item, (*prefix, str(i)))

    walk(node, ())
    return data, lines


def check_folder(folder: Path, display: Callable[[Path], str]) -> None:
    """Every ``*.yml`` in the editorial folder is a file: the loaders skip anything else as absent.

    Raises:
        EditorialError: a folder (or another non-file) named like an editorial file.
    """
    for path in sorted(folder.glob("*.yml")):
        if not path.is_file():
            raise EditorialError(
                display(path),
                None,
                "is a folder, not a YAML file: move its contents out and delete it, or rename it",
            )


def load_note_overrides(path: Path, display: str, known_ids: Iterable[str]) -> NoteOverrides:
    """Read ``notes.yml``; a missing file means no overrides.

    Raises:
        EditorialError: bad YAML, an unknown note id or an unknown field (naming the line
            and the valid choices).
    """
    if not path.is_file():
        return NoteOverrides(path=display)
    known_set = set(known_ids)
    text = path.read_bytes()
    kept = _OVERRIDES.get((str(path), display))
    if kept is not None and kept[0] == text and kept[2] <= known_set:
        return kept[1]  # the same bytes and every id still a note: the same overrides
    data, lines = yaml_with_lines(text, display)
    if data is None:
        return NoteOverrides(path=display)
    if not isinstance(data, dict):
        raise EditorialError(display, 1, "expected a mapping of note id → fields")
    known = sorted(known_set)
    values: dict[str, dict[str, Any]] = {}
    key_lines: dict[str, dict[str, int]] = {}
    for note, fields in data.items():
        note = str(note)
        line = lines.get((note,))
        if note not in known_set:
            raise EditorialError(
                display,
                line,
                f"{unknown_note_id(note, known)}; a note's id is its file's path under seeds/, without the suffix",
            )
        if not isinstance(fields, dict):
            raise EditorialError(display, line, f"{note}: expected 'field: value' lines")
        for name in fields:
            if name not in EDITABLE_FIELDS:
                raise EditorialError(
                    display,
                    lines.get((note, str(name)), line),
                    f"{note}: unknown field {name!r}; editable fields: {', '.join(EDITABLE_FIELDS)}",
                )
        values[note] = {str(k): v for k, v in fields.items()}
        key_lines[note] = {str(k): lines.get((note, str(k)), line or 0) for k in fields}
    overrides = NoteOverrides(path=display, values=values, lines=key_lines)
    _OVERRIDES.clear()  # one notes.yml per site: keep only the last
    _OVERRIDES[(str(path), display)] = (text, overrides, frozenset(values))
    return overrides


#: The last ``notes.yml`` read, by its path: (its bytes, the overrides made of them, the ids they
#: name).  A serve save read it and deep-copied its parse for every note, a tenth of a 500-note save;
#: the same bytes with the same ids known make the same overrides (a frozen value no one changes).
_OVERRIDES: dict[tuple[str, str], tuple[bytes, NoteOverrides, frozenset[str]]] = {}


def markdown_text(text: str) -> str:
    """Editor's plain text inside generated Markdown: HTML escaped, Markdown's punctuation backslashed."""
    return re.sub(r"([\\`*_{}\[\]()#+!<>|])", r"\\\1", escape(text, quote=False))
