r"""A ``\|`` inside a code span in a table's row shows as ``|``, as GFM shows it.

GFM (GitHub, Hexo, Obsidian, Typora) splits a table's row at every ``|`` not escaped, backticks or
not, so a writer escapes the pipes of code in a cell (```page.lang \|\| page.language```), and the
cell shows ``page.lang || page.language``.  Python-Markdown's tables keep a pipe inside backticks from
splitting the row, and showed the code as written: ``\|\|``.  This preprocessor, run after the fenced
blocks are set aside (superfences, priority 25), puts the pipe back in the code spans of a table's rows;
a code span outside a table and a code block keep their text as written: an indented one, a ``<pre>`` and a
formula too (:class:`~zhudu.notes.verbatim.VerbatimBlocks`).  The code spans are the ones the tables
extension keeps whole when it splits the row: an escaped backtick (``\` ``) opens none, as in CommonMark, so
``| \`x \| y\` | c |`` is one cell.  (A tree processor comes too late: inlinehilite keeps a code span's
text in the stash.)
"""

from __future__ import annotations

import re
from bisect import bisect_right

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from zhudu.notes.verbatim import VerbatimBlocks

#: A table's delimiter row (``| --- | :-: |``), after a block quote's marks.
_DELIMITER_RE = re.compile(
    r"[ \t]{0,3}(?:>[ \t]?)*[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*"
)
#: What the tables extension reads a row's code spans from (its ``RE_CODE_PIPES``): an escaped backslash or
#: pipe (skipped), a run of backticks, escaped or not.
_TOKEN_RE = re.compile(r"\\[\\|]|\\?`+")


def _code_spans(row: str) -> list[tuple[int, int]]:
    r"""Where the code spans of a table's row are, as the tables extension pairs its backtick runs.

    A run opens a span closed by the next run of as many backticks; an escaped run (a backslash, then
    backticks) opens with one backtick fewer (``\` `` none) and closes with all of them (no escape inside code).
    """
    runs = [(m.start(), m.end(), m[0]) for m in _TOKEN_RE.finditer(row) if m[0].endswith("`")]
    at_size: dict[int, list[int]] = {}  # each run's backticks → the runs of that many, in order
    for j, (_, _, run) in enumerate(runs):
        at_size.setdefault(len(run.lstrip("\\")), []).append(j)
    spans: list[tuple[int, int]] = []
    at = 0
    while at < len(runs):
        start, _, run = runs[at]
        closers = at_size.get(len(run) - 2 * run.startswith("\\"), [])  # escaped: one fewer
        j = bisect_right(closers, at)
        if j == len(closers):
            at += 1
            continue
        spans.append((start, runs[closers[j]][1]))
        at = closers[j] + 1
    return spans


def _unescaped(row: str) -> str:
    r"""``row`` with ``\|`` as ``|`` in its code spans."""
    out, end = [], 0
    for start, stop in _code_spans(row):
        out += [row[end:start], row[start:stop].replace("\\|", "|")]
        end = stop
    return "".join([*out, row[end:]])


def table_code_pipes(lines: list[str]) -> list[str]:
    r"""``lines`` with each table row's code spans holding ``|`` where the row escaped it (``\|``)."""
    out = list(lines)
    if not any("\\|" in line and "`" in line for line in lines):
        return out  # most notes: no escaped pipe beside a backtick
    verbatim = VerbatimBlocks([(line, n) for n, line in enumerate(lines)])
    n = 0
    while n + 1 < len(out):
        if (end := verbatim.end(n)) is not None:
            n = end + 1  # a code block (indented, ``<pre>``) or a formula: as written
            continue
        if "|" in out[n] and "-" in out[n + 1] and "|" in out[n + 1] and _DELIMITER_RE.fullmatch(out[n + 1]):
            start = n
            n += 2
            while n < len(out) and out[n].strip() and "|" in out[n]:
                n += 1
            for row in range(start, n):
                if "\\|" in out[row] and "`" in out[row]:
                    out[row] = _unescaped(out[row])
            continue
        n += 1
    return out


class _TableCodePipes(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return table_code_pipes(lines)


class TableCodePipesExtension(Extension):
    """Registers the preprocessor after superfences (priority 25) set the fenced blocks aside."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_TableCodePipes(md), "zd-table-code-pipes", 24)
