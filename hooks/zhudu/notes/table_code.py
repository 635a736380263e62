r"""A ``\|`` inside a code span in a table's row shows as ``|``, as GFM shows it.

GFM (GitHub, Hexo, Obsidian, Typora) splits a table's row at every ``|`` not escaped, backticks or
not, so a writer escapes the pipes of code in a cell (```page.lang \|\| page.language```), and the
cell shows ``page.lang || page.language``.  Python-Markdown's tables keep a pipe inside backticks from
splitting the row, and showed the code as written: ``\|\|``.  This preprocessor, run after the fenced
blocks are set aside (superfences, priority 25), puts the pipe back in the code spans of a table's rows;
a code span outside a table and a code block keep their text as written.  (A tree processor comes too late:
inlinehilite keeps a code span's text in the stash.)
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

#: A table's delimiter row (``| --- | :-: |``), after a block quote's marks.
_DELIMITER_RE = re.compile(
    r"[ \t]{0,3}(?:>[ \t]?)*[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*"
)
_CODE_SPAN_RE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)")


def _unescaped(match: re.Match[str]) -> str:
    return match["ticks"] + match["code"].replace("\\|", "|") + match["ticks"]


def table_code_pipes(lines: list[str]) -> list[str]:
    r"""``lines`` with each table row's code spans holding ``|`` where the row escaped it (``\|``)."""
    out = list(lines)
    n = 1
    while n < len(out):
        if "|" in out[n - 1] and "-" in out[n] and _DELIMITER_RE.fullmatch(out[n]) and "|" in out[n]:
            start = n - 1
            n += 1
            while n < len(out) and out[n].strip() and "|" in out[n]:
                n += 1
            for row in range(start, n):
                if "\\|" in out[row] and "`" in out[row]:
                    out[row] = _CODE_SPAN_RE.sub(_unescaped, out[row])
        n += 1
    return out


class _TableCodePipes(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return table_code_pipes(lines)


class TableCodePipesExtension(Extension):
    """Registers the preprocessor after superfences (priority 25) set the fenced blocks aside."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_TableCodePipes(md), "zd-table-code-pipes", 24)
