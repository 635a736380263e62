"""A rendered page's searchable text: its title and passages, as a variant shows them.

Read from Material's article only (passages: ``annotate.passages.is_passage``, the headings above them), leaving
out what the site adds inside a passage that is not the author's text (``SKIPPED_CLASSES``).  Either
from the page's HTML (``extract_page``) or, without parsing each variant again, from the tokenized
page's structure (``outline``) and each variant's converted pieces (``page_text``).  Pure: HTML
strings in, ``PageText`` out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from typing import Any

from zhudu.annotate.passages import is_passage

_SPACE_RE = re.compile(r"\s+")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "source", "wbr", "col", "area"})
#: Start tags the article reader does more with than push them (``outline``'s fast path leaves them to it).
_SPECIAL_TAGS = _VOID | _HEADINGS | {"script", "style", "svg", "article"}


@dataclass(frozen=True)
class PassageText:
    """One passage as a variant shows it."""

    anchor: str
    text: str
    section: str  # text of the nearest heading above it ("" before the first)
    section_id: str = ""  # that heading's id (Material's stock index has an entry per section)
    #: Where its editor's notes' texts are in ``text``: ``(start, end, …)``, characters (the worker ranks a
    #: passage found only there under one whose author wrote the words).
    notes: tuple[int, ...] = ()


@dataclass(frozen=True)
class PageText:
    """The searchable text of one page in one variant."""

    url: str
    title: str
    passages: tuple[PassageText, ...]

    def __hash__(self) -> int:
        # Kept once computed: the search assembly looks every page up by its text on every save
        # (``mkdocs serve``), and hashing each passage again was a tenth of its work.
        found = self.__dict__.get("_hash")
        if found is None:
            found = hash((self.url, self.title, self.passages))
            object.__setattr__(self, "_hash", found)
        return found  # type: ignore[no-any-return]

    def __getstate__(self) -> dict[str, Any]:
        # Without the kept hash: another process hashes strings with another seed.
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}


#: What the site adds inside a passage that is not the author's text: theme markers (which quote
#: other notes' passages), editor's notes' numbers and kinds, permalinks, screen-reader labels, an
#: embedded note's copy (its own page is found by its words), a glossary entry's source and list of places.
#: Indexed, they would make a passage match words it does not contain.  An editor's note's own text is
#: indexed with the passage it annotates (the reader sees it there, and a result opens there), after a space
#: (``NOTE_OPEN``), and without its source line (「来源：」 and a link's title read as noise in a snippet).
SKIPPED_CLASSES = frozenset(
    {
        "zd-tm",
        "zd-tm-blocks",
        "zd-anno-note__head",
        "zd-anno-note__source",
        "zd-anno-marker",
        "zd-permalink",
        "zd-sr-only",
        "zd-transclusion",
        "zd-gloss-entry__source",
        "zd-gloss-entry__where",
    }
)
#: A glossary entry (``partials/zd-glossary.html``): a passage of its own, known by its term's heading (its
#: anchor the heading's id, its text the term, then the entry's aliases and explanation).
GLOSS_ENTRY = "zd-gloss-entry"
#: An editor's note's text starts a run of its own in its passage's text: a space before it, where a snippet
#: may start or end and no query's phrase runs on from the author's words into the note's.  The reader marks
#: where the note's text starts and ends among the passage's pieces (characters no HTML text holds);
#: ``_spaced`` turns them into that space and the passage's ``notes``.
NOTE_BODY = "zd-anno-note__body"
NOTE_OPEN = "\x02"
NOTE_CLOSE = "\x03"
_PIECES_RE = re.compile(r"(\s+|[\x02\x03])")


class _ArticleReader:
    """Collect passages' texts, headings and the title of Material's article.

    Fed what ``HTMLParser`` reports (``start``, ``end``, ``data`` take its handlers' arguments): by
    ``_Extractor`` when reading a page's HTML, directly by ``outline`` when walking a tokenized page.
    """

    __slots__ = ("buf", "heading", "heading_id", "in_article", "note", "ops", "passage", "skip", "stack")

    def __init__(self) -> None:
        #: What closed, in order: ("p", anchor, buffer) or ("h", heading id, buffer, inside something).
        #: A buffer holds the text pieces (strings, or piece indices when driven by ``outline``).
        self.ops: list[tuple[Any, ...]] = []
        self.stack: list[str] = []  # open elements (from the article's, in ``outline``)
        #: (anchor, depth, the heading's text pieces put before a glossary entry's, else None)
        self.passage: tuple[str, int, tuple[Any, ...] | None] | None = None
        self.heading: int | None = None  # depth
        self.skip: int | None = None  # depth of the outermost element whose text is not indexed
        self.buf: list[Any] = []
        self.heading_id = ""
        self.in_article: int | None = None  # depth of Material's article, while inside it
        self.note: int | None = None  # depth of an editor's note's text, while inside it

    def start(self, tag: str, attrs: Iterable[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        a = dict(attrs)
        depth = len(self.stack)
        self.stack.append(tag)
        classes = (a.get("class") or "").split()
        if self.in_article is None and tag == "article" and "md-content__inner" in classes:
            self.in_article = depth
            return
        if self.in_article is None:
            return
        if self.skip is None and (
            tag in ("script", "style", "svg")
            or "headerlink" in classes
            or not SKIPPED_CLASSES.isdisjoint(classes)
        ):
            self.skip = depth
        if self.passage is not None and self.skip is None and NOTE_BODY in classes:
            self.buf.append(NOTE_OPEN)
            self.note = depth
        if self.passage is None and is_passage(tag, a):
            self.passage = (str(a["id"]), depth, None)
            self.buf = []
        elif (
            self.passage is None
            and GLOSS_ENTRY in classes
            and self.ops
            and self.ops[-1][0] == "h"
            and self.ops[-1][1]
        ):
            self.passage = (self.ops[-1][1], depth, self.ops[-1][2])
            self.buf = []
        elif self.passage is None and self.heading is None and tag in _HEADINGS:
            self.heading = depth
            self.heading_id = str(a.get("id") or "") if tag != "h1" else ""
            self.buf = []

    def end(self, tag: str) -> None:
        # An end tag of nothing opened in the article (a stray ``</code>`` the notes' Markdown left in a table
        # cell) closes nothing: popping to it closed the article, and no passage after it was searched. The
        # outline's stack starts at the article, so an element opened outside it is not looked for either.
        if (
            tag in _VOID
            or tag not in self.stack
            or (self.in_article and tag not in self.stack[self.in_article :])
        ):
            return
        # Tolerate unclosed tags: pop to the matching one.
        while self.stack:
            depth = len(self.stack) - 1
            open_tag = self.stack.pop()
            self.closed(depth)
            if open_tag == tag:
                break

    def closed(self, depth: int) -> None:
        """The element at ``depth`` ended."""
        if self.skip == depth:
            self.skip = None
        if self.note == depth:
            self.buf.append(NOTE_CLOSE)
            self.note = None
        if self.passage and self.passage[1] == depth:
            head = self.passage[2]
            self.ops.append(("p", self.passage[0], tuple(self.buf)) + ((head,) if head is not None else ()))
            self.passage = None
        if self.heading == depth:
            self.ops.append(("h", self.heading_id, tuple(self.buf), bool(self.stack)))
            self.heading = None
        if self.in_article == depth:
            self.in_article = None

    def data(self, data: Any) -> None:
        if self.skip is None and (self.passage or self.heading is not None):
            self.buf.append(data)


class _Extractor(HTMLParser):
    """``_ArticleReader`` fed by HTMLParser's handlers (``<x/>`` is reported as a start and an end)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.reader = _ArticleReader()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.reader.start(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.reader.end(tag)

    def handle_data(self, data: str) -> None:
        self.reader.data(data)


def _assemble(
    ops: Iterable[tuple[Any, ...]], text_of: Callable[[tuple[Any, ...]], str]
) -> tuple[str, list[PassageText]]:
    """The title and passages from an extractor's ``ops``; ``text_of`` turns a buffer into text."""
    title = section = section_id = ""
    passages: list[PassageText] = []
    entries: list[int] = []  # where the glossary's entries are among the passages
    for op in ops:
        if op[0] == "p":
            raw = text_of(op[2])
            if len(op) > 3:  # a glossary entry: its term first
                raw = text_of(op[3]) + " " + raw
                entries.append(len(passages))
            text, notes = _spaced(raw)
            if text:
                passages.append(PassageText(op[1], text, section, section_id, notes))
            continue
        text = _SPACE_RE.sub(" ", text_of(op[2])).strip()
        if not title and op[3] and text:
            title = text
        section = text
        if op[1]:  # the page title (h1 without id) starts no section
            section_id = op[1]
    # Each variant lists the glossary in its own order (``glossary.order_terms``); the index numbers a page's
    # passages once for all variants: the entries in their anchors' order in every variant.
    for at, entry in zip(
        entries, sorted((passages[i] for i in entries), key=lambda p: p.anchor), strict=True
    ):
        passages[at] = entry
    return title, passages


def _spaced(raw: str) -> tuple[str, tuple[int, ...]]:
    """A passage's text, each run of spaces one space, and where its editor's notes' texts are in it.

    ``raw``: its pieces joined, an editor's note's text between ``NOTE_OPEN`` (a space) and ``NOTE_CLOSE``.
    """
    out: list[str] = []
    at, gap, opened, notes = 0, False, False, []
    for piece in _PIECES_RE.split(raw):
        if piece == NOTE_CLOSE:
            if opened:  # a note with no text marks nothing
                opened = False
            elif notes and len(notes) % 2:
                notes.append(at)
        elif piece == NOTE_OPEN or (piece and piece.isspace()):
            gap = True
            opened = opened or piece == NOTE_OPEN
        elif piece:
            if gap and at:
                out.append(" ")
                at += 1
            gap = False
            if opened:
                notes.append(at)
                opened = False
            out.append(piece)
            at += len(piece)
    return "".join(out), tuple(notes)


def _page(html: str, url: str, title: str, passages: list[PassageText]) -> PageText:
    if not title:
        match = re.search(r"<title>(?P<t>[^<]*)</title>", html)
        title = (match["t"].rsplit(" - ", 1)[0] if match else "").strip()
    return PageText(url=url, title=title, passages=tuple(passages))


def extract_page(html: str, url: str) -> PageText:
    """The title and passages of a rendered page (Material's article only).

    Args:
        html: The page as written into a variant folder.
        url: The page URL relative to the variant root (``notes/x/``).
    """
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    return _page(html, url, *_assemble(parser.reader.ops, "".join))


# --------------------------------------------------------------------------- extraction without re-parsing

#: Text that a later step of page writing could rewrite (interface-string markers, filled in after
#: tokenizing when ``variants.fill_points`` cannot place them): a page whose passages hold any is read
#: back from its HTML instead.  URLs and Material's config are re-aimed before the page is tokenized
#: (``pagewriter.convert_page``), so a passage quoting ``href="…"`` or JSON (``"key":``) is read from
#: its pieces like any other (a third of the Hexo documentation's pages were parsed again for them).
_REWRITTEN_RE = re.compile(r"""\ue000|\\ue0""")


@dataclass(frozen=True)
class Outline:
    """Where a page's headings and passages are among the pieces of its tokenized HTML.

    Computed once per page from the default variant's structure (``script.tokenize_html``
    events); every variant's converted pieces then give that variant's texts without
    parsing its HTML again.
    """

    ops: tuple[tuple[Any, ...], ...]
    raw: frozenset[int]  # pieces that are raw script/style text (never unescaped)


def outline(events: Iterable[tuple[Any, ...]]) -> Outline:
    """Run the article extractor over a tokenized page's structure (see ``script.HtmlTokens.events``)."""
    reader = _ArticleReader()
    start, end, data = reader.start, reader.end, reader.data
    attrs_of = _StartTagAttrs().parse
    raw: set[int] = set()
    for event in events:
        kind = event[0]
        if reader.in_article is None:
            # Outside Material's article (the header, the sidebars, the footer: a third of a page's
            # events) nothing is recorded: only the article's start tag is looked at, and the
            # reader counts depths from it, on a stack of its own.
            if kind == "s" and event[1] == "article" and "md-content__inner" in event[2]:
                reader.stack = []
                start("article", attrs_of(event[2]))
                if event[3]:
                    end("article")
            continue
        # Fast paths (most of an article's events), each doing what the reader's method would:
        if kind == "t":
            if reader.skip is None and (reader.passage is not None or reader.heading is not None):
                reader.buf.append(event[1])
        elif kind == "s":
            name, attrs = event[1], event[2]
            matter = _attrs_matter(reader, name, attrs)
            if matter or event[3] or name in _SPECIAL_TAGS:
                start(name, attrs_of(attrs) if matter else ())
                if event[3]:  # <x/>: HTMLParser reports a start and an end
                    end(event[1])
            else:  # an element the reader only counts
                reader.stack.append(name)
        elif kind == "e":
            stack, name = reader.stack, event[1]
            depth = len(stack) - 1
            if (
                stack
                and stack[-1] == name
                and depth != reader.skip
                and depth != reader.heading
                and depth != reader.in_article
                and depth != reader.note
                and (reader.passage is None or reader.passage[1] != depth)
            ):  # closes the innermost element, which nothing watches
                stack.pop()
            else:
                end(name)
        else:  # "r": script/style content, as HTMLParser reports it (no entity decoding)
            raw.add(event[1])
            data(event[1])
    return Outline(ops=tuple(reader.ops), raw=frozenset(raw))


def page_text(page: Outline, pieces: Sequence[str], html: str, url: str) -> PageText:
    """A variant's searchable text from its converted pieces (same result as ``extract_page(html, url)``).

    Args:
        page: The page's outline.
        pieces: The variant's converted pieces (``Converter.convert_pieces``).
        html: The page exactly as written into the variant's folder.
        url: The page URL relative to the variant root.
    """
    # A note's marks are no piece.
    used = [pieces[i] for op in page.ops for i in op[2] if not isinstance(i, str)]
    if _REWRITTEN_RE.search("\x00".join(used)):
        return extract_page(html, url)

    def text_of(buf: tuple[int | str, ...]) -> str:
        return "".join(
            i if isinstance(i, str) else pieces[i] if i in page.raw else unescape(pieces[i]) for i in buf
        )

    return _page(html, url, *_assemble(page.ops, text_of))


#: Attribute text without which the extractor ignores a tag's attributes (``_attrs_matter``).
#: Classes are compared as written, attribute names in any case (HTMLParser lowers them); a
#: case-blind search of the whole pattern took three times as long.
_ATTR_MATTER_RE = re.compile(
    r"headerlink|zd-(?:tm|anno|permalink|sr-only|gloss-entry)|(?i:data-zd-passage|id=.p-)"
)


def _attrs_matter(reader: _ArticleReader, name: str, attrs: str) -> bool:
    """Whether ``_ArticleReader.start`` would look at this tag's attributes.

    Outside the article only the article's own class; inside it a heading's id, a passage's
    id (and ``data-zd-passage`` when its author chose it), and the class ``headerlink``.  Any other tag is only pushed.
    """
    if not attrs:
        return False
    if reader.in_article is None:
        return name == "article"
    return name in _HEADINGS or _ATTR_MATTER_RE.search(attrs) is not None


#: Attribute texts read before (``_StartTagAttrs.parse``): most that matter recur on every page
#: (theme markers, screen-reader labels, the article's own class).  Emptied when full.
_ATTRS_MEMO: dict[str, tuple[tuple[str, str | None], ...]] = {}
_ATTRS_MEMO_LIMIT = 4096


class _StartTagAttrs(HTMLParser):
    """A start tag's attributes exactly as HTMLParser reports them (lower-case names, decoded values).

    ``parse`` takes the text after the tag's name (``script.tokenize_html``'s ``attrs``) and lets
    HTMLParser read ``<x`` + it + ``>``, a tag of its own: names and values come out as reading the
    whole page gives them (HTMLParser reads attributes the same way whatever the tag's name).
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: tuple[tuple[str, str | None], ...] = ()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = tuple(attrs)

    def parse(self, attrs: str) -> tuple[tuple[str, str | None], ...]:
        """The attributes of the start tag ``<x{attrs}>`` (none if HTMLParser reads no start tag there)."""
        known = _ATTRS_MEMO.get(attrs)
        if known is not None:
            return known
        self.reset()  # forget whatever a previous tag left unread
        self.attrs = ()
        self.feed("<x" + attrs + ">")
        if len(_ATTRS_MEMO) >= _ATTRS_MEMO_LIMIT:
            _ATTRS_MEMO.clear()
        _ATTRS_MEMO[attrs] = self.attrs
        return self.attrs
