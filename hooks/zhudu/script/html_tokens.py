"""The HTML tokenizer: a page cut once into the pieces every variant's conversion shares.

:func:`tokenize_html` cuts a document into pieces (``"".join(pieces)`` is the document) and lists the
ones a converter converts: text outside skipped elements (code, pre, script, ``translate="no"``,
``span.zd-noconv`` …) and human-readable attribute values.  Each variant's converter then converts
only those (``Converter.convert_pieces``), so a page is read once for all variants.  Lines met
before (the page chrome) are copied from a memo instead of read again.
"""

from __future__ import annotations

import functools
import html as html_lib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from zhudu.script.inline_rules import parse_inline_values

__all__ = ["HtmlTokens", "tokenize_html"]


_HTML_TOKEN_RE = re.compile(
    r"""
      (?P<text>    [^<]+ )
    | (?P<comment> <!--.*?(?:-->|\Z) )
    | (?P<cdata>   <!\[CDATA\[.*?(?:\]\]>|\Z) )
    | (?P<decl>    <[!?][^>]*>? )
    | (?P<end>     </ (?P<endname>[A-Za-z][A-Za-z0-9:-]*) [^>]* >? )
    | (?P<start>   < (?P<name>[A-Za-z][A-Za-z0-9:-]*)
                     (?P<attrs> (?: [^>"']++ | "[^"]*+" | '[^']*+' )*+ )  # possessive
                   > )
    | (?P<lt>      < )
    """,
    re.VERBOSE | re.DOTALL,
)
_ATTR_RE = re.compile(
    r"""
    (?P<name> [^\s"'>/=]+ )
    (?: \s*=\s*
        (?: "(?P<dq>[^"]*)" | '(?P<sq>[^']*)' | (?P<bare>[^\s"'=<>`]+) )
    )?
    """,
    re.VERBOSE,
)
# Quick filter: only parse the attributes of a tag that could matter.
# (A converted attribute has a value, so its name is followed by "="; class names are matched as written.)
# A cheap first look at a tag's attributes (``_attrs`` decides); the lookahead on the first letter
# lets the regex engine skip most positions, a third of the cost of the plain alternation.
_ATTR_INTEREST_RE = re.compile(
    r"[\s\"'/](?=[tacpdTACPD])(?i:t(?:itle|ranslate)|a(?:lt|ria-label)|placeholder|content|data-zd-text)\s*="
    r"|(?i:zd-(?:no)?conv)"
)
_RAW_TEXT = frozenset({"script", "style"})
_LINE_START_RE = re.compile(r"\n[ \t]*<")  # where ``tokenize_html``'s memo cuts a page into lines
# Not math: its text is converted like any text (``\text{中文}``); its TeX is an attribute (``alttext``).
_SKIP_ELEMENTS = frozenset({"code", "pre", "kbd", "samp", "script", "style", "svg", "textarea"})
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
_TEXT_ATTRS = frozenset({"title", "alt", "aria-label", "placeholder", "data-zd-text"})
_META_TEXT = frozenset(
    {
        "description",
        "og:title",
        "og:description",
        "twitter:title",
        "twitter:description",
    }
)
_CLOSE_RE_CACHE: dict[str, re.Pattern[str]] = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in _RAW_TEXT
}


def _attrs(attrs: str) -> list[tuple[str, str | None, int, int]]:
    """Parse attributes into ``(lower name, raw value, value start, value end)``."""
    out = []
    for m in _ATTR_RE.finditer(attrs):
        for group in ("dq", "sq", "bare"):
            if m.group(group) is not None:
                out.append(
                    (
                        m.group("name").lower(),
                        m.group(group),
                        m.start(group),
                        m.end(group),
                    )
                )
                break
        else:
            out.append((m.group("name").lower(), None, m.end(), m.end()))
    return out


def _split_attrs(
    token: str,
    offset: int,
    name: str,
    parsed: list[tuple[str, str | None, int, int]],
    lookup: Mapping[str, str | None],
    pieces: list[str],
    todo_idx: list[int],
    todo_src: list[str],
) -> str:
    """Queue the human-readable attribute values of one start tag.

    Appends the tag's text up to each value, and the value itself (queued
    for conversion), to ``pieces``; returns the rest of the tag.
    """
    meta_ok = name == "meta" and (
        (lookup.get("name") or "").lower() in _META_TEXT
        or (lookup.get("property") or "").lower() in _META_TEXT
    )
    done = 0
    for attr, value, start, stop in parsed:
        if value and not value.isascii() and (attr in _TEXT_ATTRS or (attr == "content" and meta_ok)):
            pieces.append(token[done : start + offset])
            todo_idx.append(len(pieces))
            todo_src.append(value)
            pieces.append(value)
            done = stop + offset
    return token[done:]


@dataclass(frozen=True)
class HtmlTokens:
    """An HTML document cut once into the pieces every variant's conversion shares.

    Attributes:
        pieces: The document in pieces; ``"".join(pieces)`` is the document.
        todo_idx: Indices of the pieces a converter converts (text outside
            skipped elements, readable attribute values), in document order.
        todo_src: Those pieces.
        spans: Every outermost ``span.zd-conv``: (index of its first content
            piece, index of its closing tag, its per-variant values).
        events: When asked for, the element structure for readers of the converted
            text (the search index): ``("s", name, attrs, self_closing)``,
            ``("e", name)``, ``("t", piece index)`` for text, ``("r", piece index)``
            for raw script/style text.  A ``span.zd-conv``'s content is one ``"t"``
            event (its value).  ``None`` when not asked for, or when the document
            has something this summary cannot describe (an unclosed or empty
            ``span.zd-conv``).
    """

    pieces: list[str]
    todo_idx: list[int]
    todo_src: list[str]
    spans: list[tuple[int, int, Mapping[str, str]]]
    events: list[tuple[Any, ...]] | None = None
    #: ``_passages``' work, done once per document for every variant: the passages with a mark of
    #: each punctuation pattern (keyed by the pattern); and ``word_runs``' (under a key of its own).
    passage_runs: dict[str, list[list[int]]] = field(default_factory=dict, compare=False, repr=False)


#: Lines a tokenizer memo keeps (``_LineMemo``) before starting afresh, and lines it remembers
#: having seen once.  Page chrome is a thousand-odd distinct lines; a note's own lines are seen once.
_LINE_MEMO_LIMIT = 20_000
_LINE_SEEN_LIMIT = 500_000


@dataclass(frozen=True, slots=True)
class _Line:
    """One line's tokens, positions relative to the line's first piece (see ``tokenize_html``)."""

    pieces: tuple[str, ...]
    todo_idx: tuple[int, ...]
    todo_src: tuple[str, ...]
    spans: tuple[tuple[int, int, Mapping[str, str]], ...]
    events: tuple[tuple[Any, ...], ...]


class _LineMemo:
    """Lines tokenized before, for one way of tokenizing (``events``, ``opaque``).

    Every page repeats most of its chrome (header, navigation, footer, scripts) line for line, and
    the tokenizer's Python loop costs far more than a dictionary lookup.  A line is kept the second
    time it is seen, so a note's own lines, seen once, cost only their hash.
    """

    def __init__(self) -> None:
        self.lines: dict[str, _Line] = {}
        self.seen: set[int] = set()

    def worth_keeping(self, line: str) -> bool:
        """True the second time ``line`` is offered (a hash collision only keeps a line early)."""
        key = hash(line)
        if key in self.seen:
            return True
        if len(self.seen) >= _LINE_SEEN_LIMIT:
            self.seen.clear()
        self.seen.add(key)
        return False

    def keep(self, line: str, tokens: _Line) -> None:
        if len(self.lines) >= _LINE_MEMO_LIMIT:
            self.lines.clear()
        self.lines[line] = tokens


_LINE_MEMOS: dict[tuple[bool, tuple[str, ...]], _LineMemo] = {}
_INDEXED_EVENTS = ("t", "r")  # events that name a piece by its index (``HtmlTokens.events``)


def tokenize_html(s: str, *, events: bool = False, opaque: Iterable[str] | None = None) -> HtmlTokens:
    """Tokenize an HTML document once for :meth:`Converter.convert_pieces`.

    Args:
        s: HTML text.
        events: Also record the element structure (``HtmlTokens.events``).
        opaque: Classes whose elements the events reader skips whole: recorded as an empty
            element, their content is converted but not described (theme panels are most of
            a note's markup, and the search index ignores them).

    Returns:
        The tokens.
    """
    pieces: list[str] = []
    todo_idx: list[int] = []
    todo_src: list[str] = []
    spans: list[tuple[int, int, Mapping[str, str]]] = []
    ev: list[tuple[Any, ...]] | None = [] if events else None
    # Outermost skipped element: [name, depth, zd-conv content start or -1, values]
    skip: list[Any] | None = None
    # Outermost opaque element: [name, depth]; its events are held back (``held``) until it closes.
    opaque_re = _opaque_class_re(tuple(sorted(opaque))) if events and opaque else None
    opened: list[Any] | None = None
    held: list[tuple[Any, ...]] | None = None
    pos = 0
    n = len(s)
    match = _HTML_TOKEN_RE.match
    line_start = _LINE_START_RE.search
    # Lines (up to a newline and indentation followed by "<") met before with nothing open are
    # copied from the memo.  Where such a line ends the next token starts with "<", so its tokens
    # cannot depend on what follows it; a line is kept only if no token ran past its end and no
    # lone "<" (whose reading could) was in it.
    memo = _LINE_MEMOS.setdefault((events, tuple(sorted(opaque)) if opaque_re else ()), _LineMemo())
    line_end = 0
    recording: tuple[str, int, int, int, int] | None = None  # a line, and the lists' lengths at its start

    while pos < n:
        if pos >= line_end:
            neutral = skip is None and opened is None and (ev is not None or not events)
            if recording is not None and pos == line_end and neutral:
                memo.keep(recording[0], _line_tokens(recording, pieces, todo_idx, todo_src, spans, ev))
            recording = None
            cut = line_start(s, pos)
            line_end = cut.end() - 1 if cut is not None else n
            if cut is not None and neutral:
                line = s[pos:line_end]
                known = memo.lines.get(line)
                if known is not None:
                    base = len(pieces)
                    pieces.extend(known.pieces)
                    if known.todo_idx:
                        todo_idx.extend([base + i for i in known.todo_idx])
                        todo_src.extend(known.todo_src)
                    if known.spans:
                        spans.extend([(base + first, base + close, v) for first, close, v in known.spans])
                    if ev is not None and known.events:
                        ev.extend(
                            [(e[0], base + e[1]) if e[0] in _INDEXED_EVENTS else e for e in known.events]
                        )
                    pos = line_end
                    continue
                if memo.worth_keeping(line):
                    recording = (
                        line,
                        len(pieces),
                        len(todo_idx),
                        len(spans),
                        len(ev) if ev is not None else 0,
                    )
        m = match(s, pos)
        assert m is not None  # the alternatives cover every character
        kind = m.lastgroup
        token = m.group()
        end = m.end()
        in_conv = skip is not None and skip[2] >= 0  # inside a span.zd-conv: replaced per variant
        if kind == "text":
            if skip is None and not token.isascii():
                todo_idx.append(len(pieces))
                todo_src.append(token)
            if ev is not None and not in_conv:
                ev.append(("t", len(pieces)))
            pieces.append(token)
        elif kind == "start":
            name = m.group("name").lower()
            attrs = m.group("attrs")
            self_closing = attrs.rstrip().endswith("/")
            if opened is not None and name == opened[0] and not self_closing and name not in _VOID:
                opened[1] += 1
            if skip is not None:
                if name == skip[0] and not self_closing and name not in _VOID:
                    skip[1] += 1
                if ev is not None and not in_conv:
                    ev.append(("s", name, attrs, self_closing))
                pieces.append(token)
            else:
                starts_skip = name in _SKIP_ELEMENTS
                conv_values: dict[str, str] | None = None
                if attrs and _ATTR_INTEREST_RE.search(attrs):
                    parsed = _attrs(attrs)
                    lookup = {k: v for k, v, _, _ in parsed}
                    classes = (lookup.get("class") or "").split()
                    if lookup.get("translate", "").lower() == "no" or "zd-noconv" in classes:
                        starts_skip = True
                    elif name == "span" and "zd-conv" in classes:
                        starts_skip = True
                        conv_values = (
                            parse_inline_values(html_lib.unescape(lookup.get("data-zd-conv") or "")) or {}
                        )
                    if not starts_skip:
                        # Split the tag around the values to convert; they
                        # join the page's single OpenCC batch.
                        token = _split_attrs(
                            token,
                            m.start("attrs") - m.start(),
                            name,
                            parsed,
                            lookup,
                            pieces,
                            todo_idx,
                            todo_src,
                        )
                if ev is not None:
                    ev.append(("s", name, attrs, self_closing))
                    if (
                        opaque_re is not None
                        and not starts_skip
                        and not self_closing
                        and name not in _VOID
                        and opaque_re.search(attrs)
                    ):
                        opened, held, ev = [name, 1], ev, None
                pieces.append(token)
                if starts_skip and not self_closing and name not in _VOID:
                    skip = [name, 1, len(pieces) if conv_values is not None else -1, conv_values]
                    if ev is not None and conv_values is not None:
                        ev.append(("t", len(pieces)))  # the span's content: its value, per variant
            if name in _RAW_TEXT and not self_closing:
                # Raw text may contain "<": copy it verbatim up to the end tag.
                close = _CLOSE_RE_CACHE[name].search(s, end)
                stop = close.start() if close else n
                if ev is not None and not in_conv:
                    ev.append(("r", len(pieces)))
                pieces.append(s[end:stop])
                end = stop
        elif kind == "end":
            if opened is not None and m.group("endname").lower() == opened[0]:
                opened[1] -= 1
                if not opened[1]:  # what was inside is not described, whatever it was
                    opened, ev, held = None, held, None
            closes = False
            if skip is not None and m.group("endname").lower() == skip[0]:
                skip[1] -= 1
                closes = skip[1] == 0
            if ev is not None and (not in_conv or closes):
                ev.append(("e", m.group("endname").lower()))
            pieces.append(token)
            if closes:
                assert skip is not None
                if skip[2] >= 0:
                    if skip[2] == len(pieces) - 1:
                        ev = None  # an empty span.zd-conv: its value has no piece of its own
                    spans.append((skip[2], len(pieces) - 1, skip[3]))
                skip = None
        else:
            if kind == "lt":
                recording = None  # how a lone "<" reads depends on what follows the line
                if ev is not None and not in_conv:
                    ev.append(("t", len(pieces)))  # a lone "<" is text
            pieces.append(token)
        pos = end

    if opened is not None:
        ev = held
    if skip is not None and skip[2] >= 0:
        ev = None  # an unclosed span.zd-conv keeps its source content: not summarised
    return HtmlTokens(pieces, todo_idx, todo_src, spans, ev if events else None)


def _line_tokens(
    recording: tuple[str, int, int, int, int],
    pieces: list[str],
    todo_idx: list[int],
    todo_src: list[str],
    spans: list[tuple[int, int, Mapping[str, str]]],
    ev: list[tuple[Any, ...]] | None,
) -> _Line:
    """The tokens of the line just read (``recording`` holds the lists' lengths at its start)."""
    _, p0, t0, s0, e0 = recording
    return _Line(
        pieces=tuple(pieces[p0:]),
        todo_idx=tuple(i - p0 for i in todo_idx[t0:]),
        todo_src=tuple(todo_src[t0:]),
        spans=tuple((first - p0, close - p0, v) for first, close, v in spans[s0:]),
        events=tuple((e[0], e[1] - p0) if e[0] in _INDEXED_EVENTS else e for e in ev[e0:])
        if ev is not None
        else (),
    )


@functools.lru_cache(maxsize=8)
def _opaque_class_re(classes: tuple[str, ...]) -> re.Pattern[str]:
    """A start tag's attributes with one of ``classes`` in its class attribute."""
    names = "|".join(re.escape(c) for c in classes)
    # The attribute's name in any case (HTMLParser lowers it), the classes as written (the extractor
    # compares them so: a class ``ZD-TM`` is not ``zd-tm``).
    return re.compile(rf"""(?i:\bclass)\s*=\s*(["']?)[^"'>]*?(?<![\w-])(?:{names})(?![\w-])""")
