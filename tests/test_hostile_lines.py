"""One hostile line cannot hang the build: the line patterns with a repeated part hold what it took.

A block quote's marks (``(?:[ ]{0,3}>[ ]?)``) and a fence's options (``key=value``) are repeated groups whose
parts overlap (a space after ``>`` or before the next one; a bare value holding the next ``key=``); without a
possessive quantifier, a line that fails to match after many of them is tried every way of splitting them,
twice the time for each more (``">  " * 21 + "回复"`` took 6 s in ``dialects.rewrite``).
"""

from __future__ import annotations

import contextlib
import itertools
import re
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from zhudu.notes import (
    box_places,
    dataview,
    dialect_inline,
    dialect_markdown,
    dialects,
    inline_tags,
    note_refs,
    transclusion,
)

#: Each pattern with a repeated group made possessive, and a line that fails it after many repeats.
PATTERNS = {
    "box_places._EMPTIED_RE": (box_places._EMPTIED_RE, ">  " * 300 + "回复"),
    "dialects._NOT_A_HEADING_RE": (dialects._NOT_A_HEADING_RE, ">  " * 300 + "回复"),
    "dialect_inline._UNESCAPED_HASH_RE": (dialect_inline._UNESCAPED_HASH_RE, ">  " * 300 + "回复"),
    "dataview._FIELD_LINE_RE": (dataview._FIELD_LINE_RE, ">  " * 300 + "回复"),
    "inline_tags.HEADING_RE": (inline_tags.HEADING_RE, ">  " * 300 + "回复"),
    "transclusion._QUOTED_ATX_RE": (transclusion._QUOTED_ATX_RE, ">  " * 300 + "#######"),
    "note_refs._CONTAINER_RE": (note_refs._CONTAINER_RE, ">  " * 300 + "回复"),
    "dialect_markdown._FENCE_OPTIONS_RE": (dialect_markdown._FENCE_OPTIONS_RE, "a=b" * 300 + " !"),
}

#: Short lines (a backtracking pattern reads them quickly) the patterns read as before.
_PIECES = ["", " ", "  ", "    ", "\t", ">", "> ", ">  ", " >", "   >", "- ", "1. ", "#", "# ", "##x", "\\#"]
_ENDS = [
    "",
    "回复",
    "# 标题",
    "#标签",
    "===",
    "---",
    "- - -",
    "* * *",
    "键:: 值",
    "**键**:: 值",
    "[ ] 键::",
    "#######",
]
LINES = [a + b + c + d for a, b, c in itertools.product(_PIECES, repeat=3) for d in _ENDS] + [
    "python a=1 b='x y' c=\"z\"",
    'a="x"y z=1',
    "a=ba=b",
    "a=b c",
    'linenums=1 hl_lines="2 3"',
    "a= b",
]


def _backtracking(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern as it was before its repeats were made possessive."""
    source = pattern.pattern.replace(")*+", ")*").replace(")++", ")+").replace("\\S++", "\\S+")
    assert source != pattern.pattern, "the pattern holds no possessive repeat"
    return re.compile(source, pattern.flags)


def _read(pattern: re.Pattern[str], line: str) -> tuple[object, ...]:
    """What the code reads from a line: the match, the search, their spans and groups."""
    found = []
    for m in (pattern.match(line), pattern.search(line)):
        found.append(None if m is None else (m.span(), m.groups(), m.groupdict()))
    return tuple(found)


@contextlib.contextmanager
def _cpu_limit(seconds: float) -> Iterator[None]:
    """Fail (rather than hang) when the block takes more than ``seconds`` of CPU time."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"more than {seconds} s of CPU time")

    previous = signal.signal(signal.SIGVTALRM, stop)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_a_hostile_line_is_read_in_linear_time(name: str) -> None:
    pattern, line = PATTERNS[name]
    with _cpu_limit(0.5):
        pattern.match(line)
        pattern.search(line)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_the_patterns_read_lines_as_before(name: str) -> None:
    pattern = PATTERNS[name][0]
    old = _backtracking(pattern)
    differ = [line for line in LINES if _read(pattern, line) != _read(old, line)]
    assert differ == [], (name, differ[:5])


def test_a_deep_quote_line_does_not_hang_the_rewrite() -> None:
    with _cpu_limit(1.0):
        for line in (">  " * 300 + "回复", ">  " * 300 + "#标签", ">  " * 300 + "\\#x"):
            dialects.rewrite(line, first_line=1, note_dir=Path("/nonexistent"), note_name="n")
