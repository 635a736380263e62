r"""The glossary: editorial data (``docs/editorial/glossary.yml``) marked in the notes' running text.

Python-Markdown's ``abbr`` cannot mark terms in Chinese: its ``\\b`` never matches
between two Han characters.  This module's tree processor marks terms itself:
one compiled pattern of every term and alias (folded to Simplified and lower
case, longest first) runs once over each text segment of each passage.  Latin
terms need a boundary on their Latin side only: ``AI`` is found in ``AI模型``
but not in ``OpenAI``.  Links, code, headings and text already marked are
skipped.  The mark is a ``<span class="zd-gloss" role="button" tabindex="0"
title="…">`` around the author's text, which is left exactly as written:
``annotate.js`` shows the title in a card with a link to the term's entry on
hover, focus, tap, Enter and Space (Material's own tooltip is kept off it with
``data-preview``).  A span, not a ``<button>``: a button is an atomic inline
that no browser breaks inside, so a long term went whole to the next line and
left a phone's line half empty; a span wraps like the text round it.

It runs after the passage processor (priority 5), so passage anchors are
computed from the untouched text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from zhudu.annotate import cell_code, code_glue, textmarks
from zhudu.annotate.glossary.terms import GLOSSARY_FILE, Glossary, Term
from zhudu.annotate.passages import iter_passages

_LATIN_EDGE_RE = re.compile(r"[A-Za-z0-9]")


# --------------------------------------------------------------------------- matching


class TermMatcher:
    """One compiled pattern of every form of every term, longest first, over folded text."""

    def __init__(
        self, terms: Iterable[Term], fold: textmarks.CharFold, read_back: Mapping[str, str] | None = None
    ) -> None:
        """``read_back``: an editor's phrase output → its source (``ConversionRules.phrases_back``).

        A note written in Traditional holds the output (麥可·貝瑞), which no character fold makes the
        source (迈克尔·贝瑞): where the source is a form of a term, the output is one too.
        """
        self.fold = fold
        self.term_of: dict[str, Term] = {}
        for term in terms:
            for form in term.forms:
                self.term_of[textmarks.normalise(form, fold)] = term
        for output, source in (read_back or {}).items():
            term = self.term_of.get(textmarks.normalise(source, fold))
            if term is not None:
                self.term_of.setdefault(textmarks.normalise(output, fold), term)
        self.pattern = re.compile(_trie_source(self.term_of)) if self.term_of else None

    def find(self, text: str) -> list[tuple[int, int, Term]]:
        """Non-overlapping matches in ``text`` (as written): (start, end, term)."""
        if self.pattern is None or not text:
            return []
        folded = self.fold.text(text)
        out = []
        for m in self.pattern.finditer(folded):
            key = re.sub(r"\s+", " ", m.group())
            out.append((m.start(), m.end(), self.term_of[key]))
        return out


def alternation_source(forms: Iterable[str]) -> str:
    """Every form as one alternative, longest first: at one position the first that matches wins."""
    alternatives = []
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        body = re.escape(form).replace(r"\ ", r"\s+")
        before = r"(?<![0-9a-z])" if _LATIN_EDGE_RE.match(form[0]) else ""
        after = r"(?![0-9a-z])" if _LATIN_EDGE_RE.match(form[-1]) else ""
        alternatives.append(before + body + after)
    return "|".join(alternatives)


def _trie_source(forms: Iterable[str]) -> str:
    """The same matches as ``alternation_source``, as a character trie (much faster to run).

    At one position the alternation takes the longest form that matches there; the trie,
    trying longer continuations before ending, does too.  Two forms that match at the same
    position are one a prefix of the other (forms are distinct and their only whitespace is
    one space), so no other order between them can matter.
    """
    forms = list(forms)
    if any(not f for f in forms):
        return alternation_source(forms)
    return textmarks.trie_source(
        forms,
        piece=lambda ch: r"\s+" if ch == " " else re.escape(ch),
        end=lambda last: r"(?![0-9a-z])" if _LATIN_EDGE_RE.match(last) else "",
        not_after=lambda first: "0-9a-z" if _LATIN_EDGE_RE.match(first) else "",
    )


# --------------------------------------------------------------------------- marking


@dataclass(frozen=True)
class Occurrence:
    """Where a term occurs: a note and a passage anchor."""

    term_id: str
    note_id: str
    anchor: str
    marked: bool


def mark_passage(
    passage: etree.Element, matcher: TermMatcher, marked_ids: set[str], every: bool
) -> list[tuple[str, bool]]:
    """Mark terms in one passage; returns (term id, marked?) for every occurrence found."""
    found: list[tuple[str, bool]] = []
    for segment in textmarks.segments(passage):
        matches = matcher.find(segment.value)
        plan = []
        for start, end, term in matches:
            mark = every or term.id not in marked_ids
            found.append((term.id, mark))
            if mark:
                marked_ids.add(term.id)
                plan.append((start, end, term))
        for start, end, term in reversed(plan):
            button = etree.Element(
                "span",
                {
                    "class": "zd-gloss",
                    "role": "button",
                    "tabindex": "0",
                    "title": term.explanation,
                    "data-zd-gloss": term.id,
                    # Material mounts its tooltip on every [title] but [data-preview]: annotate.js shows
                    # the explanation itself, readable and with a link to the entry.
                    "data-preview": "",
                },
            )
            textmarks.wrap(segment, start, end, button)
    return found


class GlossaryTreeprocessor(Treeprocessor):
    """Marks glossary terms in a note's passages."""

    def __init__(self, md: Markdown, extension: GlossaryExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        ext = self.extension
        note_id, ext.note_id = ext.note_id, None  # one render per begin()
        ext.last_occurrences = []
        if note_id is None or ext.matcher is None:
            return
        marked: set[str] = set()
        for passage in iter_passages(root):
            anchor = passage.get("id")
            if not anchor:
                continue
            for term_id, was_marked in mark_passage(passage, ext.matcher, marked, ext.every):
                ext.last_occurrences.append(Occurrence(term_id, note_id, anchor, was_marked))


class GlueTreeprocessor(Treeprocessor):
    """Keeps terms, markers, a space before "，" and a cell's code on one line with the marks by them.

    ``textmarks.glue``, ``textmarks.glue_spaced_closing``, then ``textmarks.glue_code_closing_in_cells``; a
    cell's code then gets its break points (``cell_code``), other inline code its Han–symbol joints glued
    (``code_glue``).
    """

    def run(self, root: etree.Element) -> None:
        textmarks.glue(root)
        textmarks.glue_spaced_closing(root)
        textmarks.glue_code_closing_in_cells(root)
        cell_code.mark_cell_code_joints(root, self.md.htmlStash.rawHtmlBlocks)
        code_glue.glue_han_symbols(root, self.md.htmlStash.rawHtmlBlocks)  # 文件>设置 whole in Chromium


class GlossaryExtension(Extension):
    """Registers the glossary marker; the hook tells it which note is being rendered."""

    def __init__(self, fold: Callable[[str], str], every: bool = False) -> None:
        super().__init__()
        self.fold = textmarks.CharFold(fold)
        self.every = every
        self.glossary = Glossary(path=GLOSSARY_FILE)
        self.matcher: TermMatcher | None = None
        #: The matchers by the phrase outputs they read back (``use``, ``begin``): one per region of this build.
        self._matchers: dict[tuple[tuple[str, str], ...], TermMatcher] = {}
        self._read_back: Mapping[str, str] = {}
        self.note_id: str | None = None
        self.last_occurrences: list[Occurrence] = []
        #: note id -> (page url, occurrences), filled as notes are rendered.
        self.occurrences: dict[str, tuple[str, list[Occurrence]]] = {}

    def use(self, glossary: Glossary, read_back: Mapping[str, str] | None = None) -> None:
        """Set the glossary to mark (``read_back``: as ``TermMatcher``'s, for a note that ``begin`` gives none)."""
        self.glossary = glossary
        self._matchers = {}
        self._read_back = read_back or {}
        self.matcher = self._matcher(self._read_back)

    def begin(self, note_id: str | None, read_back: Mapping[str, str] | None = None) -> None:
        """The next Markdown render is note ``note_id`` (``None``: not a note; nothing is marked).

        ``read_back``: the phrase outputs this note means their sources by, where they are not ``use``'s: a
        Traditional note's region's (``Site.read_back_for``), as its fold reads them, so that a term is found
        where the note's Simplified page shows it (a Hong Kong note's 麥可·貝瑞, Taiwan's output, is no 迈克尔·贝瑞).
        """
        self.note_id = note_id
        if self.matcher is not None:
            self.matcher = self._matcher(self._read_back if read_back is None else read_back)

    def _matcher(self, read_back: Mapping[str, str]) -> TermMatcher:
        key = tuple(sorted(read_back.items()))
        found = self._matchers.get(key)
        if found is None:
            found = self._matchers[key] = TermMatcher(self.glossary.terms, self.fold, read_back)
        return found

    def record(self, note_id: str, url: str) -> None:
        """Keep the occurrences of the page just rendered, for the glossary page."""
        # The list itself (each render makes a new one): a reused render's stays the same object,
        # which lets the glossary page keep what it made of it (``page._PLACES``).
        self.occurrences[note_id] = (url, self.last_occurrences)

    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 3: after the passage anchors (5) and the editor's notes (4).
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "zd-glossary", 3)
        # Priority 2: after every mark is in place.
        md.treeprocessors.register(GlueTreeprocessor(md), "zd-glue", 2)


def counts(occurrences: dict[str, tuple[str, list[Occurrence]]]) -> dict[str, tuple[int, int]]:
    """Note id -> (marked occurrences, all occurrences), for the build's summary line.

    Counted again only for a note whose occurrences are not the last build's list (a kept
    render's is the same list save after save: 74,000 occurrences at 3,000 notes).
    """
    if len(_COUNTED) > 2 * len(occurrences):  # deleted notes' go
        _COUNTED.clear()
    out = {}
    for note_id, (_, found) in sorted(occurrences.items()):
        kept = _COUNTED.get(note_id)
        if kept is None or kept[0] is not found:
            kept = _COUNTED[note_id] = (found, (sum(o.marked for o in found), len(found)))
        out[note_id] = kept[1]
    return out


#: Note id → the occurrences last counted and their counts (``counts``).
_COUNTED: dict[str, tuple[list[Occurrence], tuple[int, int]]] = {}
