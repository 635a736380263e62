"""Passages: the unit themes, annotations and permalinks point at.

A passage is a paragraph, a list item, a block quote or a table row, taken at
the outermost level (a paragraph inside a quoted block belongs to the quote).
Each gets an anchor derived from its own text, folded to one canonical script,
so the anchor is the same in every variant and survives edits elsewhere in the
note.  This module is a Python-Markdown tree processor plus pure helpers.
"""

from __future__ import annotations

import hashlib
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from markdown import Extension, Markdown
from markdown.extensions.footnotes import FN_BACKLINK_TEXT, NBSP_PLACEHOLDER
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from zhudu.annotate.passage_language import language_of

# --------------------------------------------------------------------------- Data

PASSAGE_TAGS = frozenset({"p", "li", "blockquote", "tr"})
#: Classes of containers whose passages are not this note's: a set-apart wrapper, and an embedded
#: note's copy (``notes/transclusion.py``), whose passages are its own note's (themes, editor's notes
#: and glossary occurrences point there, and the copy takes no id a passage of that page has).
SKIP_CLASSES = frozenset({"zd-wrapper", "zd-transclusion"})
#: Containers whose contents are not the author's running text.
SKIP_TAGS = frozenset({"pre", "code", "script", "style", "details", "aside", "header", "nav"})
ANCHOR_PREFIX = "p-"
#: An anchor ``anchor_for`` makes (with the -2, -3 … of a repeated passage).  A passage is known by
#: such an id: only a passage whose id the author chose (attr_list's ``{#id}``) carries
#: ``data-zd-passage`` (18 bytes of every passage, in every variant, before).  The pages' scripts and
#: styles read both (``PASSAGE`` in reading.js; zhudu.css), the build too (``is_passage``).
GENERATED_ID_RE = re.compile(r"p-[0-9a-f]{8}(?:-\d+)?")
#: Python-Markdown's placeholders in a tree's text: a stashed piece of HTML, and a footnote's link back (its text and
#: the no-break space before it, put in once the tree is serialised: a footnote quoted on a theme's page ended in
#: 「\x02qq3936677670287331zz\x03\x02zz1337820767766393qq\x03」).
_STASH_RE = re.compile(
    "|".join(("\x02wzxhzdk:\\d+\x03", re.escape(FN_BACKLINK_TEXT), re.escape(NBSP_PLACEHOLDER)))
)
_SPACE_RE = re.compile(r"\s+")
_STASH_INDEX_RE = re.compile("\x02wzxhzdk:(\\d+)\x03")
_TAG_RE = re.compile(r"<[^>]*>")
#: Where a stashed piece of inline code stood while a passage's text is made: a control character, which no
#: note holds (``limits.replace_controls``) nor Python-Markdown uses (its STX and ETX).  A noncharacter can be
#: written: a U+FDD0 beside inline code stopped the build.
_CODE_SLOT = "\x01"
#: Around a footnote's number while a passage's text is made (control characters, as ``_CODE_SLOT``).
_NUMBER_START, _NUMBER_END = "\x0e", "\x0f"
#: A character reference whose ``&`` Python-Markdown holds in a placeholder until the page is written (an e-mail
#: address's characters: ``markdown.inlinepatterns.AutomailInlineProcessor``).
_AMP_REF_RE = re.compile(re.escape(AMP_SUBSTITUTE) + "#([0-9]{1,7});")
#: A footnote reference's id (``footnotes``: ``fnref:1``, a second reference ``fnref2:1``).
_FOOTNOTE_REF_ID_RE = re.compile(r"fnref\d*:")
#: A backslash-escaped character (``\*``), held as its code point until the page is written (Python-Markdown's
#: ``EscapeInlineProcessor``): 「星号 \x0242\x03不是强调」 in a quote.
_ESCAPED_RE = re.compile("\x02([0-9]{1,7})\x03")
#: Stashed inline HTML a quote shows though the text leaves it out: a character reference (``&amp;``,
#: ``&nbsp;``), a raw ``<br>`` (a space: two Latin words glued into one, two Chinese lines ran together), a
#: typeset formula (its TeX source, kept in ``alttext`` by ``formulas.py``: a quote typesets it again).
_SHOWN_STASH_RE = re.compile(
    r"""
      (?P<entity> &(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31}); )
    | (?P<br> <br\s*/?> )
    | <math\b[^>]*?\balttext="(?P<tex>[^"]*)"
    """,
    re.VERBOSE | re.IGNORECASE,
)
#: An editor's note in a passage: its words are the page's language.  Not a glossary term: one marked in
#: an English passage is an English word (SNN), and its Chinese explanation opens in a card outside the
#: passage (``annotate.js``), in the page's language; only its ``title``, for readers without scripts, is then
#: taken as English: less harm than an English paragraph read with a Chinese voice.
_MARK_CLASSES = ("zd-anno",)


#: How a quote shows an image in the line: its alternative text, as an editor's insertion (〔〕), the words a
#: reader who does not see the image is given (a screen reader reads the alt in the sentence).  An icon or an
#: emoji drawn as an image with no alternative text says nothing there, and nothing in a quote either.
IMAGE_QUOTED = "〔图：{alt}〕"


class InlineCode(NamedTuple):
    """A piece of a passage its text leaves out (stashed), which a quote shows.

    Its position in the passage's text, its text, the spaces the reader sees around it that the
    text collapsed (「前 `a` `b` 后」: the text is 「前 后」), and how it is shown: ``"code"`` (inline
    code), ``"math"`` (a typeset formula, its text its TeX: a quote typesets it again, so that its
    visible text is converted like the words), or ``""`` as the words around it (a character
    reference's character, a raw ``<br>``'s space, an image's alternative text, ``IMAGE_QUOTED``).
    """

    at: int
    text: str
    before: str = ""
    after: str = ""
    kind: str = "code"


@dataclass(frozen=True)
class Passage:
    """A passage of a rendered note: its anchor, kind and plain text (as written)."""

    anchor: str
    kind: str
    text: str
    #: The inline code ``pymdownx.inlinehilite`` stashed, which ``text`` leaves out (the anchor hashes
    #: ``text``, so anchors stay put), in order.
    code: tuple[InlineCode, ...] = ()
    #: Where ``text`` holds a footnote's number ((start, end), in order): the page sets it apart, raised; a
    #: quote of the passage (a theme's page, a theme's list of other notes) leaves it out, where it ran into
    #: the words (「补充了出处1，」).
    footnote_numbers: tuple[tuple[int, int], ...] = ()

    @property
    def shown(self) -> str:
        """The text as a reader sees it quoted, its inline code in place (an excerpt quotes this)."""
        quote = self.quote
        return "".join(text for text, _ in join_code([(quote.text, "")], quote.code))

    @property
    def quote(self) -> Passage:
        """The passage as a quote shows it: its footnotes' numbers out, an e-mail address as its characters.

        Python-Markdown writes ``<me@example.com>`` as character references; the code stays where it was.
        """
        edits = self._quote_edits()
        if not edits:
            return self
        kept, pos = [], 0
        for start, end, replacement in edits:
            kept.extend((self.text[pos:start], replacement))
            pos = end
        kept.append(self.text[pos:])
        code = tuple(piece._replace(at=_shifted(piece.at, edits)) for piece in self.code)
        return replace(self, text="".join(kept), code=code, footnote_numbers=())

    def in_quote(self, at: int) -> int:
        """Position ``at`` of ``text`` in the quote's text (``quote``)."""
        return _shifted(at, self._quote_edits())

    def _quote_edits(self) -> list[tuple[int, int, str]]:
        """What ``quote`` changes in ``text``: (start, end, the text put there), in order."""
        edits = [(start, end, "") for start, end in self.footnote_numbers]
        if "\x02" in self.text:
            # Characters Python-Markdown holds in placeholders until the page is written (the text keeps them, its
            # anchor was made from them): an e-mail address's, each ``&#N;`` with its ``&`` held (「\x02amp\x03#109;…」
            # in a quote), and a backslash-escaped one (「\x0242\x03」).
            for pattern in (_AMP_REF_RE, _ESCAPED_RE):
                edits += [(m.start(), m.end(), _character(m[1])) for m in pattern.finditer(self.text)]
            edits.sort()
        return edits


def _shifted(at: int, edits: Sequence[tuple[int, int, str]]) -> int:
    """Position ``at`` of a text once ``edits`` ((start, end, the text put there), in order) are made."""
    return at - sum(
        min(end, at) - start - (len(replacement) if end <= at else 0)
        for start, end, replacement in edits
        if start < at
    )


def _character(code_point: str) -> str:
    """The character a placeholder's code point stands for (U+FFFD for one no character has)."""
    number = int(code_point)
    return chr(number) if number <= 0x10FFFF else "\ufffd"


def plain_text(element: etree.Element) -> str:
    """The visible text of an element, with Markdown's stash placeholders removed."""
    return _SPACE_RE.sub(" ", _STASH_RE.sub("", "".join(element.itertext()))).strip()


def stashed_code(element: etree.Element, stashed: list[str]) -> tuple[InlineCode, ...]:
    """The stashed pieces a quote of an element shows, each at its position in ``plain_text(element)``.

    ``pymdownx.inlinehilite`` writes ``<code>`` holding only a stash placeholder, which ``plain_text``
    drops; so are a character reference, a raw ``<br>`` and a typeset formula (``_SHOWN_STASH_RE``).
    The text is made the way ``plain_text`` makes it, a slot left where each such piece stood: spaces
    collapse across a slot as they do across a removed placeholder, so a space the text drops next to
    a piece is kept with it (``before``, ``after``).
    """
    codes: list[tuple[str, str]] = []
    slotted = _SPACE_RE.sub(" ", _STASH_RE.sub("", "".join(_slotted_text(element, stashed, codes))))
    if not codes:
        return ()
    found: list[list[Any]] = []  # [at, (text, kind), after]
    kept: list[str] = []
    previous = ""
    for char in slotted:
        if char == _CODE_SLOT:
            found.append([len(kept), codes[len(found)], ""])
        elif char != " " or (kept and kept[-1] != " "):
            kept.append(char)
        elif previous == _CODE_SLOT:  # a space the text collapsed, right after a code
            found[-1][2] = " "
        previous = char
    last = kept[-1] if kept else ""
    end = len(kept) - (last == " ")
    out: list[InlineCode] = []
    for at, (code, kind), after in found:
        if not code or (code == " " and _spaced_already(kept, at, end, after)):
            continue
        # Past the text's end: the space before it went with the text's trailing space.
        before = " " if at > end and last == " " and not any(c.at > end for c in out) else ""
        out.append(InlineCode(at, code, before, after, kind))
    if out and out[-1].at >= end and out[-1].after:  # nothing follows: no space after the last
        out[-1] = out[-1]._replace(after="")
    return tuple(c._replace(at=min(c.at, end)) for c in out)


def _spaced_already(text: Sequence[str], at: int, end: int, after: str) -> bool:
    """Whether a line break's space at ``at`` would stand beside a space, or at an end of the text."""
    return after != "" or not 0 < at < end or text[at - 1] == " " or text[at] == " "


def _slotted_text(element: etree.Element, stashed: list[str], codes: list[tuple[str, str]]) -> Iterator[str]:
    """``element.itertext()`` with a shown stashed piece's placeholder as ``_CODE_SLOT`` ((text, kind) in ``codes``)."""
    if element.tag == "img":  # its alternative text, where it has one (``IMAGE_QUOTED``)
        if alt := _SPACE_RE.sub(" ", element.get("alt") or "").strip():
            codes.append((IMAGE_QUOTED.format(alt=alt), ""))
            yield _CODE_SLOT
        return
    text = element.text or ""
    if element.tag == "code" and len(element) == 0 and text and not _STASH_RE.sub("", text):
        blocks = [stashed[int(i)] for i in _STASH_INDEX_RE.findall(text) if int(i) < len(stashed)]
        codes.append(
            (html.unescape(_TAG_RE.sub("", "".join(b for b in blocks if isinstance(b, str)))), "code")
        )
        yield _CODE_SLOT
        return
    yield _slot_shown(text, stashed, codes)
    for child in element:
        yield from _slotted_text(child, stashed, codes)
        yield _slot_shown(child.tail or "", stashed, codes)


def _slot_shown(text: str, stashed: list[str], codes: list[tuple[str, str]]) -> str:
    """``text`` with each placeholder of a piece a quote shows (``_SHOWN_STASH_RE``) as ``_CODE_SLOT``."""
    if "\x02" not in text:
        return text

    def slot(m: re.Match[str]) -> str:
        index = int(m[1])
        block = stashed[index] if index < len(stashed) else None
        shown = _SHOWN_STASH_RE.match(block.strip()) if isinstance(block, str) else None
        if shown is None or (shown["entity"] and shown.end() != len(block.strip())):
            return m[0]
        if shown["tex"] is not None:
            codes.append((html.unescape(shown["tex"]), "math"))
        else:
            codes.append((" " if shown["br"] else html.unescape(shown["entity"]), ""))
        return _CODE_SLOT

    return _STASH_INDEX_RE.sub(slot, text)


def footnote_numbers(element: etree.Element, text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` (``plain_text(element)``) holds a footnote's number: (start, end) of each, in order."""
    if not any(_FOOTNOTE_REF_ID_RE.match(sup.get("id") or "") for sup in element.iter("sup")):
        return ()
    marked = _SPACE_RE.sub(" ", _STASH_RE.sub("", "".join(_numbered_text(element)))).strip()
    spans: list[tuple[int, int]] = []
    kept: list[str] = []
    start = 0
    for char in marked:
        if char == _NUMBER_START:
            start = len(kept)
        elif char == _NUMBER_END:
            if len(kept) > start:
                spans.append((start, len(kept)))
        else:
            kept.append(char)
    # The marks kept a space apart that the text collapsed: the numbers stay rather than cut the wrong characters.
    return tuple(spans) if "".join(kept) == text else ()


def _numbered_text(element: etree.Element) -> Iterator[str]:
    """``element.itertext()`` with each footnote's number between ``_NUMBER_START`` and ``_NUMBER_END``."""
    number = element.tag == "sup" and bool(_FOOTNOTE_REF_ID_RE.match(element.get("id") or ""))
    if number:
        yield _NUMBER_START
    yield element.text or ""
    for child in element:
        yield from _numbered_text(child)
        yield child.tail or ""
    if number:
        yield _NUMBER_END


def join_code(segments: Sequence[tuple[str, str]], code: Sequence[InlineCode]) -> list[tuple[str, str]]:
    """``segments`` ((text, kind) in order, kind "" or "mark") with the code put back at its positions.

    A piece of code is ``(its text, "code")``, a piece shown as words ``(its text, the segment's
    kind)``, the spaces around it of the segment's kind; a segment it falls in is split around it.  At
    a segment's edge the spaces and words are unmarked: 「`:title` 文件」 marked the space before 文件, and a
    ``<br>``'s space after a matched phrase was marked with it.
    """
    if not code:
        return list(segments)
    out: list[tuple[str, str]] = []
    pending = list(code)
    pos = 0
    kind = ""
    for text, kind in segments:
        cut = 0
        while pending and pending[0].at <= pos + len(text):
            piece = pending.pop(0)
            if piece.at - pos > cut:
                out.append((text[cut : piece.at - pos], kind))
                cut = piece.at - pos
            out.extend(_spaced(piece, kind if 0 < piece.at - pos < len(text) else ""))
        if cut < len(text):
            out.append((text[cut:], kind))
        pos += len(text)
    for piece in pending:
        out.extend(_spaced(piece, ""))
    return out


def _spaced(piece: InlineCode, kind: str) -> list[tuple[str, str]]:
    """A piece as segments, with the spaces around it, of ``kind`` unless it is code."""
    spaced = [(piece.before, kind)] if piece.before else []
    spaced.append((piece.text, piece.kind or kind))
    if piece.after:
        spaced.append((piece.after, kind))
    return spaced


def is_passage(tag: str, attrs: dict[str, Any]) -> bool:
    """Whether an element of a rendered page, its tag and attributes, is a passage."""
    element_id = attrs.get("id")
    if not element_id:
        return False
    return "data-zd-passage" in attrs or (
        tag in PASSAGE_TAGS and GENERATED_ID_RE.fullmatch(element_id) is not None
    )


def anchor_for(text: str, fold: Callable[[str], str]) -> str:
    """A short anchor from a passage's text folded to the canonical script."""
    digest = hashlib.sha1(fold(text).encode("utf-8")).hexdigest()
    return ANCHOR_PREFIX + digest[:8]


def iter_passages(root: etree.Element) -> Iterator[etree.Element]:
    """Outermost passage elements in document order, skipping code and wrappers."""
    for child in root:
        classes = (child.get("class") or "").split()
        if child.tag in SKIP_TAGS or not SKIP_CLASSES.isdisjoint(classes):
            continue
        if child.tag in PASSAGE_TAGS:
            if child.tag == "tr" and child.find("th") is not None:
                continue
            if _holds_copy(child):  # an item or a quote holding an embed's copy: its other passages
                yield from iter_passages(child)
                continue
            yield child
        else:
            yield from iter_passages(child)


#: A missing image's stand-in as a passage's text holds it (``zd-body.html`` ``missing_image``): its two tags
#: opened, the label's text, the two closed, each tag a stash placeholder (its number, then its HTML checked).
_STAND_IN_TEXT_RE = re.compile(
    "\x02wzxhzdk:(\\d+)\x03\x02wzxhzdk:\\d+\x03[^\x02]*\x02wzxhzdk:\\d+\x03\x02wzxhzdk:\\d+\x03"
)


def missing_images_alone(element: etree.Element, stashed: list[str]) -> bool:
    """A paragraph of nothing but missing images' stand-ins: the build's words, not a passage of the author's."""
    text = element.text or ""
    if len(element) or not text.startswith("\x02"):
        return False
    found = list(_STAND_IN_TEXT_RE.finditer(text))
    opened = (stashed[int(m[1])] if int(m[1]) < len(stashed) else "" for m in found)
    return all(html.startswith('<span class="zd-missing-image') for html in opened) and not (
        _STAND_IN_TEXT_RE.sub("", text).strip() if found else text
    )


def _holds_copy(element: etree.Element) -> bool:
    return any(
        e.tag == "blockquote" and "zd-transclusion" in (e.get("class") or "").split() for e in element.iter()
    )


class PassageTreeprocessor(Treeprocessor):
    """Give every passage a stable ``id`` and record the note's passages."""

    def __init__(self, md: Markdown, extension: PassageExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        seen: dict[str, int] = {}
        found: list[Passage] = []
        for element in iter_passages(root):
            text = plain_text(element)
            if len(text) < 2 or missing_images_alone(element, self.md.htmlStash.rawHtmlBlocks):
                continue  # a stand-in for a missing image: no theme, note or link marks the build's words
            anchor = anchor_for(text, self.extension.fold)
            # Identical passages (a repeated refrain) get -2, -3 … in document order.
            seen[anchor] = seen.get(anchor, 0) + 1
            if seen[anchor] > 1:
                anchor = f"{anchor}-{seen[anchor]}"
            if element.get("id"):
                anchor = element.get("id", anchor)
            else:
                element.set("id", anchor)
            if not GENERATED_ID_RE.fullmatch(anchor):
                element.set("data-zd-passage", "")
            code = stashed_code(element, self.md.htmlStash.rawHtmlBlocks)
            numbers = footnote_numbers(element, text)
            found.append(
                Passage(anchor=anchor, kind=element.tag, text=text, code=code, footnote_numbers=numbers)
            )
        # A tuple: a kept render's passages are then the same object save after save (``ThemeBuild.collect``).
        self.extension.last_passages = tuple(found)


class LanguageTreeprocessor(Treeprocessor):
    """``lang="en"`` on a passage written in English (``language_of``), once every mark is in place.

    After the editor's notes (4), the glossary (3) and the glue (2): a passage holding an editor's note
    (its Chinese words) keeps the page's language.
    """

    def run(self, root: etree.Element) -> None:
        for element in iter_passages(root):
            if not element.get("id") or element.get("lang") or _holds_mark(element):
                continue
            if lang := language_of(plain_text(element)):
                element.set("lang", lang)


def _holds_mark(element: etree.Element) -> bool:
    return any((e.get("class") or "").startswith(_MARK_CLASSES) for e in element.iter())


class PassageExtension(Extension):
    """Registers the passage tree processor; ``last_passages`` holds the latest page's."""

    def __init__(self, fold: Callable[[str], str]) -> None:
        super().__init__()
        self.fold = fold
        self.last_passages: tuple[Passage, ...] = ()

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline processing (20) and prettify (10), so the text is final.
        md.treeprocessors.register(PassageTreeprocessor(md, self), "zd-passages", 5)
        md.treeprocessors.register(LanguageTreeprocessor(md), "zd-passage-lang", 1)
