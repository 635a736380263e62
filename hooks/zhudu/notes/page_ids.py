"""The ids a note's page has, read from its Markdown: what a link to a heading of it may name.

The table of contents gives each heading without an id of its own the slug of its text, made
unique as ``toc`` makes it (``小结``, ``小结_1``), with the site's own ``slugify`` (``Slugify``: the
text in the site's script first, so ``## 安裝步驟`` in a Traditional note is ``安装步骤``); a heading's
``{#install}`` (``attr_list``) is its id; ATX and Setext headings alike, in a quote or an
admonition too.  A footnote ``[^1]`` gives its text ``fn:1``, its first reference ``fnref:1`` and
its second ``fnref2:1`` (``footnotes``).  An ``id="…"`` written in raw HTML, or an ``attr_list`` id on
any element, is an id too.  Fenced code and code spans hold none.  Where the reading is unsure it
takes an id in rather than leaving it out: a missing-heading warning for an id the page has would
abort a strict build.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from markdown.extensions.toc import unique
from pymdownx.slugs import slugify as pymdownx_slugify

from zhudu.notes.heading_text import without_markup

#: An ATX heading's text after its ``#`` marks: up to the closing run of ``#``, spaces and tabs.  A run
#: inside the text is taken whole, so each character is read once: ``(.+?)[ \t#]*$`` re-read the rest of
#: the line from every character (16 s for a heading line of 40,000 ``# ``).
ATX_TEXT = r"[ \t]+(?P<text>(?:[^ \t#\n]|[ \t#]++(?=[^ \t#\n]))++|[ \t#])[ \t#]*$"
#: An ATX heading, in a quote or indented in an admonition or ``details`` block too (the table of
#: contents gives those ids as well; an indented code line read as one only adds an id).
_HEADING_RE = re.compile(r"^(?:[ \t]*+>)*+[ \t]*+#{1,6}" + ATX_TEXT)
#: A Setext heading's underline (Python-Markdown: the line after a paragraph's line, at its start).
_SETEXT_RE = re.compile(r"^[=-]+[ ]*$")
FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
#: A heading's ``attr_list`` at its end, as Python-Markdown's ``attr_list`` finds it.
HEADING_ATTRS_RE = re.compile(r"[ ]+\{:?(?P<attrs>[^}\n]*)\}[ ]*$")
#: Any ``attr_list``, and an ``#id`` or ``id=…`` in it.
ATTRS_RE = re.compile(r"\{:?(?P<attrs>[^{}\n]*)\}")
_ATTR_ID_RE = re.compile(r"(?:^|\s)(?:#|id=[\"']?)(?P<id>[^\s\"'#}]+)")
#: An ``id`` attribute written in raw HTML (an ``<a name>`` is not kept: ``notes/sanitizer.py``).
_HTML_ID_RE = re.compile(r"<[A-Za-z][^<>]*?\sid\s*=\s*(?:\"(?P<q>[^\"]*)\"|'(?P<s>[^']*)'|(?P<u>[^\s>]+))")
#: A footnote's definition (``[^1]: …``) and a reference to one (``[^1]``), as ``footnotes`` reads them.
FOOTNOTE_RE = re.compile(r"\[\^(?P<label>[^\]\s]+)\](?P<definition>:)?")
_FOLD_RE = re.compile(r"[\W_]+")
CODE_SPAN_RE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)")
_SLUGIFY = pymdownx_slugify(case="lower")


@dataclass(frozen=True)
class Slugify:
    """A heading's id from its text, as every variant's page has it: the text in the site's script, slugified.

    The table of contents' ``slugify`` (``Build.slugify``) and the links to headings (``resolve``)
    are this one object; equal (and hashed) by ``fold``, a process-wide converter's ``text``.  ``read``: the text
    as the site's pages read it, where that is not ``fold``'s (a Taiwan note's 資料 is 数据 on a software site's
    Simplified page, its id 资料): a link may name a heading so too (``headings``), the id is ``fold``'s.
    """

    fold: Callable[[str], str]
    read: Callable[[str], str] | None = None

    def __call__(self, value: str, separator: str = "-") -> str:
        return _SLUGIFY(self.fold(value), separator)


def find_heading(headings: Mapping[str, str], anchor: str, slugify: Slugify) -> str | None:
    """The id of the heading an anchor names (case, spaces, punctuation and script aside), or None."""
    return headings.get(_fold(anchor)) or headings.get(_fold(slugify(anchor)))


def names_title(title: str, anchor: str, slugify: Slugify) -> bool:
    """Whether an anchor names the note's title (``[[读书#读书]]``), as ``find_heading`` matches a heading.

    Obsidian offers a note's ``# title`` heading to link to; the page shows it as its header, not as a heading.
    """
    return (
        bool(title)
        and find_heading({_fold(title): "t", _fold(slugify(title)): "t"}, anchor, slugify) is not None
    )


def closest_heading(headings: Mapping[str, str], anchor: str, slugify: Slugify) -> str | None:
    """The id of the heading most like an anchor that names none (a typo, a renamed heading), or None."""
    ids = {_fold(i): i for i in sorted(set(headings.values())) if not i.startswith(("fn:", "fnref"))}
    wanted = _fold(slugify(anchor))
    close = difflib.get_close_matches(wanted, ids, n=1, cutoff=0.7)
    return ids[close[0]] if close and _few_edits(wanted, close[0]) else None


def _few_edits(a: str, b: str) -> bool:
    """At most one changed character in six: a typo or a script variant, not another word.

    A different heading that shares a long tail is not offered (page-variables is not site-variables).
    """
    opcodes = difflib.SequenceMatcher(None, a, b).get_opcodes()
    changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in opcodes if tag != "equal")
    return changed <= max(1, len(a) // 6)


def _fold(text: str) -> str:
    return _FOLD_RE.sub("", text).casefold()


@functools.lru_cache(maxsize=1 << 14)  # pure; every note's, on every save of mkdocs serve
def headings(markdown: str, slugify: Slugify) -> dict[str, str]:
    """A note's headings and ids, folded text and id → id, as the page has the ids (do not modify)."""
    found: list[tuple[str, str | None]] = []  # each heading's text and its own id, in order
    ids: set[str] = set()  # ids elements have before the table of contents makes the headings'
    references: dict[str, int] = {}  # footnote label → its references so far
    paragraph = ""  # the line before, if a Setext underline may make it a heading
    lines = markdown.split("\n")
    for line, code in zip(lines, fenced(lines), strict=True):
        if code:
            paragraph = ""
            continue
        prose = CODE_SPAN_RE.sub("", line)
        ids.update(i["id"] for a in ATTRS_RE.finditer(prose) for i in _ATTR_ID_RE.finditer(a["attrs"]))
        ids.update(h["q"] or h["s"] or h["u"] or "" for h in _HTML_ID_RE.finditer(prose))
        for footnote in FOOTNOTE_RE.finditer(prose):
            label = footnote["label"]
            if footnote["definition"]:
                ids.add("fn:" + label)
            else:  # the second reference to a footnote is ``fnref2:1``, the third ``fnref3:1``…
                references[label] = references.get(label, 0) + 1
                ids.add(f"fnref{references[label] if references[label] > 1 else ''}:{label}")
        if m := _HEADING_RE.match(line):
            found.append(heading_and_id(m["text"]))
            paragraph = ""
        elif paragraph and _SETEXT_RE.match(line):
            found.append(heading_and_id(paragraph.strip()))
            paragraph = ""
        else:
            paragraph = line if line.strip() else ""
    ids.discard("")
    out: dict[str, str] = {}
    for text, own in found:
        ident = own or unique(slugify(text), ids)
        for key in (_fold(text), _fold(ident)):
            out.setdefault(key, ident)
        # The heading as the page reads it (资料 read 数据): a link may name it so.
        if slugify.read is not None:
            out.setdefault(_fold(slugify.read(text)), ident)
    for ident in sorted(ids):  # the headings' too, now made unique
        out.setdefault(_fold(ident), ident)
    return out


def fenced(lines: Sequence[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (its fences too)."""
    out: list[bool] = []
    fence = ""
    for line in lines:
        if m := FENCE_RE.match(line):
            marker = m.group(1)
            if not fence:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = ""
            out.append(True)
            continue
        out.append(bool(fence))
    return out


def heading_and_id(markdown: str) -> tuple[str, str | None]:
    """A heading's text as the table of contents reads it, and the id its ``attr_list`` gives it."""
    own = None
    if attrs := HEADING_ATTRS_RE.search(markdown):
        markdown = markdown[: attrs.start()]
        own = next((i["id"] for i in _ATTR_ID_RE.finditer(attrs["attrs"])), None)
    parts, at = [], 0
    for code in CODE_SPAN_RE.finditer(markdown):  # a code span's text as written (``__init__``)
        parts.append(without_markup(markdown[at : code.start()]))
        parts.append(code.group(0)[len(code["ticks"]) : -len(code["ticks"])].strip())
        at = code.end()
    parts.append(without_markup(markdown[at:]))
    return "".join(parts), own
