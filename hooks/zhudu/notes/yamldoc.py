"""Parsing YAML data files once each: node tree (for line numbers in messages) and data together.

YAML from notes and editorial files is untrusted input, so every parse here is bounded before
any value is built: a few hundred bytes of nested aliases (``b: &b [*a, *a, …]``, the
"billion laughs") expand to billions of values in whatever walks the data afterwards, and deep
nesting overflows the stack of libyaml's composer (the process crashes) or Python's recursion
limit.  ``check_bounds`` walks the parser's event stream (libyaml's parser is a state machine:
no recursion, linear in the text) and refuses such a document with a ``YAMLLimitError``, a
``yaml.MarkedYAMLError`` so every caller reports it like any other YAML error, with its line.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

import yaml

#: libyaml's parser where PyYAML was built with it (the wheels are): several times faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: How many values aliases (``*name``) may add to a note's front matter when expanded.  Front
#: matter has no real use for them; a few small ones (``updated: *date``) stay allowed.
NOTE_ALIAS_BUDGET = 100
#: The same for an editorial data file (an editor may share a list of synonyms between terms).
EDITORIAL_ALIAS_BUDGET = 10_000
#: How deeply collections may nest.  Real data nests three or four levels; libyaml's composer
#: recurses per level and crashes the process somewhere past tens of thousands.
MAX_DEPTH = 64


class YAMLLimitError(yaml.MarkedYAMLError):
    """A document beyond the bounds (aliases, nesting), located like a syntax error."""


class _Loader(YAML_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader, except that an impossible timestamp stays text.

    PyYAML builds ``2025-02-30`` into a ``date`` and raises a bare ``ValueError`` (no line) when
    the day does not exist; kept as the text it is, the schema that reads the value says what
    is wrong with it and where.  Any other value PyYAML cannot build (``!!int abc``) is a
    ``ConstructorError`` marked at its line, not a bare exception.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, AttributeError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                problem=f"cannot read the value ({exc})",
                problem_mark=node.start_mark,
            ) from None


def _lenient_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError, AttributeError):  # AttributeError: !!timestamp on non-dates
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)


def check_bounds(text: str, *, alias_budget: int, max_depth: int = MAX_DEPTH) -> None:
    """Refuse a document whose aliases would expand too much or that nests too deeply.

    Counts, for every alias, the values its anchor holds (aliases within included): the
    values the data would really contain once expanded, without building any of it.

    Raises:
        YAMLLimitError: over a bound, marked at the alias or collection that crossed it.
        yaml.MarkedYAMLError: invalid YAML.
    """
    loader = _new(YAML_LOADER, text)
    sizes: dict[str, int] = {}  # anchor → how many values it stands for
    open_: list[tuple[str | None, int]] = []  # the collections being read: (anchor, values so far)
    expanded = 0
    try:
        while (event := _event(loader, text)) is not None:
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if len(open_) >= max_depth:
                    raise _limit(
                        event,
                        f"values nested more than {max_depth} levels deep; "
                        "front matter and data files need a few levels at most",
                    )
                open_.append((event.anchor, 1))
                continue
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                anchor, size = open_.pop()
            elif isinstance(event, yaml.ScalarEvent):
                anchor, size = event.anchor, 1
            elif isinstance(event, yaml.AliasEvent):
                anchor, size = None, sizes.get(event.anchor or "", 0)
                if event.anchor in (a for a, _ in open_):
                    raise _limit(event, f"alias *{event.anchor} refers to the value that contains it")
                expanded += size
                if expanded > alias_budget:
                    raise _limit(
                        event,
                        f"aliases (*name) expand to more than {alias_budget} values; "
                        "write the values out instead of repeating them with &anchor and *alias",
                    )
            else:
                continue
            if anchor is not None:
                sizes[anchor] = size
            if open_:
                parent_anchor, parent_size = open_[-1]
                open_[-1] = (parent_anchor, parent_size + size)
    finally:
        loader.dispose()


def _new(loader_class: type, text: str) -> Any:
    # PyYAML's pure-Python reader checks the whole text for forbidden characters at once.
    try:
        return loader_class(text)
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text) from None


def _event(loader: Any, text: str) -> yaml.Event | None:
    try:
        return loader.get_event() if loader.check_event() else None
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text) from None


def _limit(event: yaml.Event, problem: str) -> YAMLLimitError:
    return YAMLLimitError(problem=problem, problem_mark=event.start_mark)


def _reader_error(exc: yaml.reader.ReaderError, text: str) -> yaml.MarkedYAMLError:
    """A character YAML does not allow (NUL, other control characters), marked with its line."""
    position = min(max(exc.position, 0), len(text))
    line = text.count("\n", 0, position)
    column = position - (text.rfind("\n", 0, position) + 1)
    return yaml.MarkedYAMLError(
        problem=f"control character U+{exc.character:04X} is not allowed; remove it"
        if isinstance(exc.character, int)
        else str(exc.reason),
        problem_mark=yaml.Mark("<text>", position, line, column, None, None),
    )


def parse_yaml(text: str, *, alias_budget: int, max_depth: int = MAX_DEPTH) -> tuple[yaml.Node | None, Any]:
    """Parse one YAML document within the bounds: its node tree and its data (not cached).

    Raises:
        yaml.MarkedYAMLError: invalid YAML, or a ``YAMLLimitError``.
    """
    check_bounds(text, alias_budget=alias_budget, max_depth=max_depth)
    loader = _new(_Loader, text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.reader.ReaderError as exc:
            raise _reader_error(exc, text) from None
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


def yaml_document(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse one YAML document once: its node tree (for line numbers) and its data.

    Raises:
        yaml.MarkedYAMLError: invalid YAML, or aliases or nesting beyond the bounds.
    """
    node, data = _parsed(text)
    return node, copy.deepcopy(data)  # callers own their data; the parse stays cached


@functools.lru_cache(maxsize=16)
def _parsed(text: str) -> tuple[yaml.Node | None, Any]:
    # Keyed by the text: a serve rebuild re-reads unchanged editorial files without re-parsing them.
    return parse_yaml(text, alias_budget=EDITORIAL_ALIAS_BUDGET)


def error_place(exc: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    """The line (1-based) an author wrote a YAML error of ``text`` on, and the problem in words.

    PyYAML marks where it noticed the problem: an unclosed ``[`` or quote on the last line is noticed
    at the end of the file, the line after it (``conversion.yml:50`` for line 49); such a mark is moved
    back to the last line holding text.  A bracket or quote opened on an earlier line is named.
    """
    problem = exc.problem or "invalid YAML"
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return None, problem
    lines = text.split("\n")
    line = min(mark.line, len(lines) - 1)
    rest = [lines[line][mark.column :] if line == mark.line else "", *lines[line + 1 :]]
    if not "".join(rest).strip():  # noticed at the end of the file: the last line written
        while line > 0 and not lines[line][: mark.column if line == mark.line else None].strip():
            line -= 1
    opened = exc.context_mark
    if opened is not None and opened.line < line and any(w in exc.context or "" for w in ("flow", "quoted")):
        problem += f" (in the value that starts on line {opened.line + 1})"
    return line + 1, problem
