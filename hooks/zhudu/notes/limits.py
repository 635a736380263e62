"""Bounds on the work one note may cause, checked before its Markdown is rendered.

Python-Markdown recurses once per level of nesting and re-reads the rest of a paragraph for
every ``[`` that nothing closes, so a small hostile note (a 2,000-level list, a paragraph of
unclosed brackets, a run of a thousand ``_``) can run for minutes or end in a RecursionError
that stops the whole build.  Measured with the site's extensions on this project's machine:
list nesting of 100 levels renders in 0.8 s and 300 levels fail after 8 s; 4,000 unclosed
``[`` in a 20,000-character paragraph take 15 s; a run of 2,000 ``_`` fails at once; 10,000
missing images in one paragraph of 175 KiB take 14 s, 40,000 dead wikilinks 20 s (each becomes
inline markup, and Markdown rebuilds the paragraph's text for every inline piece it stores).
A note over a limit is published as a broken note whose page names the line and the limit,
so the other notes build and ``mkdocs serve`` keeps answering.  Each limit is a setting
(``extra.zhudu.limits``, see ``settings.LimitsConfig``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhudu.errors import NoteError
from zhudu.notes import yamldoc
from zhudu.notes.block_tags import BLOCK_TAG_RE, NESTING, NESTING_END_RE

# --------------------------------------------------------------------------- Data

_FENCE_RE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
#: A line that opens a nested block: a list item, an admonition or details block (``!!!``,
#: ``???``), or a quote, after its indentation.
_BLOCK_START_RE = re.compile(
    r"""^(?P<indent>[ \t]*)
        (?P<quotes>(?:>[ \t]?)*)
        (?P<marker>[-*+][ \t]|\d{1,9}[.)][ \t]|!!!|\?\?\?\+?)?""",
    re.VERBOSE,
)
#: An opening or closing HTML block tag that Markdown parses inside (md_in_html).
_HTML_TAG_RE = re.compile(
    r"<(?P<close>/?)(?:div|section|article|aside|details|blockquote|figure)\b[^>]*?(?P<self>/?)>", re.I
)
_EMPHASIS_RUN_RE = re.compile(r"\*{2,}|_{2,}")
#: What ``_unclosed_after`` counts: square brackets; ``_open_targets_after``: a link target's "(" and any ")".
_SQUARE_RE = re.compile(r"[\[\]]")
_TARGET_RE = re.compile(r"(?<=\])\(|\)")
TAB_WIDTH = 4  # Python-Markdown's tab_length: one nesting level of a list


@dataclass(frozen=True)
class Limits:
    """The bounds one note must stay within (the defaults are ``settings.LimitsConfig``'s)."""

    note_kib: int = 2048
    nesting: int = 32
    bracket_scan: int = 5_000_000
    link_scan: int = 1_000_000_000
    emphasis_run: int = 200
    yaml_aliases: int = yamldoc.NOTE_ALIAS_BUDGET
    front_matter_depth: int = yamldoc.MAX_DEPTH


# --------------------------------------------------------------------------- Checks


def check(text: str, display: str, first_line: int, limits: Limits) -> None:
    """Raise ``NoteError`` at the first line where ``text`` passes a limit.

    Args:
        text: The note's body (front matter removed), LF line endings.
        display: How messages name the note (``seeds/002.md``).
        first_line: The file line ``text`` starts on.
        limits: The bounds to check.
    """
    size = len(text.encode("utf-8"))
    if size > limits.note_kib * 1024:
        raise NoteError(
            display,
            None,
            f"the note is {size // 1024:,} KiB, over the limit of {limits.note_kib:,} KiB "
            "(extra.zhudu.limits.note_kib): split it into several notes, or raise the limit",
        )
    paragraph_start, paragraph_chars, unclosed, targets, html_depth = first_line, 0, 0, 0, 0
    embeds = 0  # images and wikilinks in the paragraph
    boxes = 0  # Hexo and Hugo boxes open (``{% note %}``, ``{{< notice >}}``)
    fence: str | None = None
    for offset, line in enumerate(text.split("\n")):
        number = first_line + offset
        if fence is not None:  # code is not parsed as Markdown: nothing in it costs more
            if line.strip().startswith(fence):
                fence = None
            continue
        if m := _FENCE_RE.match(line):
            fence = m["fence"][0] * 3
            continue
        if not line.strip():
            _check_brackets(unclosed, paragraph_chars, paragraph_start, display, limits)
            _check_brackets(targets, paragraph_chars, paragraph_start, display, limits, "](")
            _check_embeds(embeds, paragraph_chars, paragraph_start, display, limits)
            paragraph_start, paragraph_chars, unclosed, targets, embeds = number + 1, 0, 0, 0, 0
            continue
        depth = _line_depth(line)
        if (box := BLOCK_TAG_RE.match(line)) and (box["tag"] or box["shortcode"]) in NESTING:
            boxes += 1  # a Hexo or Hugo box: its inside is read a call deeper
        elif boxes and NESTING_END_RE.match(line):
            boxes -= 1
        depth += boxes  # the box's inside is Markdown indented once more for each (an admonition)
        for tag in _HTML_TAG_RE.finditer(line):
            if not tag["self"]:
                html_depth += -1 if tag["close"] else 1
            depth = max(depth, html_depth)
        if depth > limits.nesting:
            raise NoteError(
                display,
                number,
                f"nesting {depth} levels deep, over the limit of {limits.nesting} "
                "(extra.zhudu.limits.nesting): flatten the lists, quotes or blocks",
            )
        if (run := max((len(r) for r in _EMPHASIS_RUN_RE.findall(line)), default=0)) > limits.emphasis_run:
            raise NoteError(
                display,
                number,
                f"a run of {run} '*' or '_', over the limit of {limits.emphasis_run} "
                "(extra.zhudu.limits.emphasis_run): put it in a code block or shorten it",
            )
        paragraph_chars += len(line) + 1
        unclosed = _unclosed_after(line, unclosed)
        targets = _open_targets_after(line, targets)
        embeds += line.count("![") + line.count("[[")
    _check_brackets(unclosed, paragraph_chars, paragraph_start, display, limits)
    _check_brackets(targets, paragraph_chars, paragraph_start, display, limits, "](")
    _check_embeds(embeds, paragraph_chars, paragraph_start, display, limits)


def _line_depth(line: str) -> int:
    m = _BLOCK_START_RE.match(line)
    assert m is not None  # every part of the pattern is optional
    if not (m["marker"] or m["quotes"]):
        return 0  # an indented line that opens nothing (a wrapped line, code) nests nothing
    indent = len(m["indent"].expandtabs(TAB_WIDTH))
    return indent // TAB_WIDTH + m["quotes"].count(">")


def _unclosed_after(line: str, unclosed: int) -> int:
    """How many ``[`` stay open after ``line``, given ``unclosed`` before it."""
    # Only the brackets are looked at (found by the regex engine): most lines hold none, and a loop
    # over every character of every note cost the notes' reading ~0.05 s at 300 notes.
    for char in _SQUARE_RE.findall(line):
        if char == "[":
            unclosed += 1
        elif unclosed:
            unclosed -= 1
    return unclosed


def _open_targets_after(line: str, open_targets: int) -> int:
    """How many link targets (``](``) stay open after ``line``, given ``open_targets`` before it."""
    for char in _TARGET_RE.findall(line):  # a "(" right after "]", and every ")"
        if char == "(":
            open_targets += 1
        elif open_targets:
            open_targets -= 1
    return open_targets


def _check_brackets(
    unclosed: int, chars: int, start: int, display: str, limits: Limits, opener: str = "["
) -> None:
    # Python-Markdown looks for the end of a link from each "[" to the end of its paragraph, and for
    # the end of its target from each "](" (``getLink``; 6.5 s for 5,000 "[a](" in 20,000 characters):
    # the work is the number left open times the paragraph's length.
    if unclosed and unclosed * chars > limits.bracket_scan:
        raise NoteError(
            display,
            start,
            f"the paragraph starting here leaves {unclosed:,} '{opener}' unclosed in {chars:,} characters, "
            f"over the limit (unclosed × characters ≤ {limits.bracket_scan:,}, "
            "extra.zhudu.limits.bracket_scan): close them, or write them as \\" + opener,
        )


def _check_embeds(embeds: int, chars: int, start: int, display: str, limits: Limits) -> None:
    # An image or a wikilink becomes inline markup (a published image's attributes, a placeholder, a
    # dead link's span) and Markdown stores each of its tags by rebuilding the paragraph's text.
    if embeds * chars > limits.link_scan:
        raise NoteError(
            display,
            start,
            f"the paragraph starting here holds {embeds:,} images and wikilinks in {chars:,} characters, "
            f"over the limit (images and wikilinks × characters ≤ {limits.link_scan:,}, "
            "extra.zhudu.limits.link_scan): split it into paragraphs with blank lines, or into several notes",
        )


#: C0 control characters but tab and newline, and DEL: never text, and some (NUL) break what
#: reads the page after Markdown (HTML parsers drop or replace them, so passages no longer line up).
#: And the noncharacters U+FDD0–U+FDEF, never text either: the build marks a Traditional note's
#: rewritten words with three of them while it converts (``script/as_written.py``); typed by an
#: author, they made stray spans and cut the words between them out of the page.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufdd0-\ufdef]")


def replace_controls(text: str) -> tuple[str, int | None, int]:
    """``text`` with control characters replaced by U+FFFD (as a browser shows them).

    Returns:
        The text, the 0-based line of the first one (None: there were none), and how many.
    """
    first = _CONTROL_RE.search(text)
    if first is None:
        return text, None, 0
    cleaned, count = _CONTROL_RE.subn("\ufffd", text)
    return cleaned, text.count("\n", 0, first.start()), count
