"""Finding text in a rendered passage and marking it, without changing the passage's text.

Shared by the glossary and the editor's notes.  A passage's running text is a
list of *segments*: the ``text`` of an element or the ``tail`` of a child, in
document order, as ElementTree stores them.  Matching is done on a *folded*
copy of that text (Traditional folded to Simplified, case folded, one
character for one character) so that one term or quote serves every script
variant, and positions in the folded text are positions in the original.

Marking inserts new elements around or after a stretch of one segment; it never
rewrites the characters of the author's text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

#: Elements whose text is never marked: code, links, headings, controls, and our own marks.
SKIP_TAGS = frozenset(
    {
        "a",
        "code",
        "pre",
        "kbd",
        "samp",
        "script",
        "style",
        "svg",
        "math",
        "textarea",
        "button",
        "abbr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "nav",
        "aside",
        "details",
        "summary",
    }
)
#: Classes marking text that is already someone's mark (ours, or another feature's).
#: Also the labels the render adds itself (``zd-math__label``, "公式"): not the author's words, and
#: a note's render key holds only the glossary terms of its source (``render_keys.note_key``).
SKIP_CLASSES = frozenset(
    {"zd-gloss", "zd-anno", "zd-anno-note", "zd-noconv", "zd-sr-only", "headerlink", "zd-math__label"}
)
#: Python-Markdown's placeholder for stashed raw HTML: never matched.
_STASH_RE = re.compile("\x02wzxhzdk:\\d+\x03")


@dataclass(frozen=True)
class Segment:
    """One stretch of running text: ``owner.text`` or ``owner.tail`` (then ``parent`` holds owner)."""

    owner: etree.Element
    attr: str  # "text" | "tail"
    parent: etree.Element | None
    skipped: etree.Element | None  # outermost skipped ancestor inside the passage, if any

    @property
    def value(self) -> str:
        """The segment's current string."""
        return getattr(self.owner, self.attr) or ""


def _skipped(element: etree.Element) -> bool:
    classes = set((element.get("class") or "").split())
    return element.tag in SKIP_TAGS or bool(classes & SKIP_CLASSES) or element.get("translate") == "no"


def segments(passage: etree.Element, *, include_skipped: bool = False) -> list[Segment]:
    """The passage's text segments in document order.

    Args:
        passage: The passage element.
        include_skipped: Also return the text inside skipped elements (links, code …), each
            segment naming its outermost skipped ancestor; quotes may run through a link.
    """
    out: list[Segment] = []

    def walk(element: etree.Element, skipped: etree.Element | None) -> None:
        if element.text and (skipped is None or include_skipped):
            out.append(Segment(element, "text", None, skipped))
        for child in element:
            inner = skipped if skipped is not None else (child if _skipped(child) else None)
            if inner is None or include_skipped:
                walk(child, inner)
            if child.tail and (skipped is None or include_skipped):
                out.append(Segment(child, "tail", element, skipped))

    walk(passage, None)
    return out


class CharFold:
    """Length-preserving folding: each character to Simplified, lower case; memoised.

    ``fold`` converts a whole string to the canonical script (OpenCC t2s); it is called
    on single characters so positions in the folded text are positions in the original.
    """

    def __init__(self, fold: Callable[[str], str]) -> None:
        self._fold = fold
        self._cache: dict[str, str] = {}
        #: Every character folded so far, by code point, for ``str.translate`` (``_Folded``).
        self._translation = _Folded(self)

    def char(self, ch: str) -> str:
        """One character, folded (itself if folding would change the length)."""
        out = self._cache.get(ch)
        if out is None:
            folded = self._fold(ch) if not ch.isascii() else ch
            folded = folded if len(folded) == 1 else ch
            lower = folded.lower()
            out = lower if len(lower) == 1 else folded
            self._cache[ch] = out
            self._translation[ord(ch)] = out
        return out

    def text(self, s: str) -> str:
        """A string folded character by character; stash placeholders become NULs."""
        folded = s.translate(self._translation)
        return _STASH_RE.sub(lambda m: "\0" * len(m.group()), folded) if "\x02" in s else folded


class _Folded(dict[int, str]):
    """``CharFold``'s characters by code point, each folded by ``char`` the first time a text holds it.

    Characters that fold to themselves are kept too: ``str.translate`` took about twice as long when
    most of a text's characters were missing from its table, and a text's characters were each
    looked up once more, in a set made of them, to find the new ones (session 36).
    """

    def __init__(self, fold: CharFold) -> None:
        super().__init__()
        self.fold = fold

    def __missing__(self, code: int) -> str:
        return self.fold.char(chr(code))


@dataclass(frozen=True)
class FlatText:
    """A passage's segments joined, folded, whitespace collapsed, with a map back to segments."""

    folded: str
    # For each character of ``folded``: (segment index, offset in that segment).
    where: tuple[tuple[int, int], ...]
    segments: tuple[Segment, ...]


_WS = frozenset(" \t\n\r\f\v\u3000")


def flatten(passage: etree.Element, fold: CharFold) -> FlatText:
    """The passage's whole text (links and code included) for quote matching."""
    segs = segments(passage, include_skipped=True)
    chars: list[str] = []
    where: list[tuple[int, int]] = []
    space = True  # collapse leading whitespace too
    for i, seg in enumerate(segs):
        value = seg.value
        folded = fold.text(value)
        for j, ch in enumerate(folded):
            if ch == "\0":
                continue
            if ch in _WS:
                if space:
                    continue
                ch, space = " ", True
            else:
                space = False
            chars.append(ch)
            where.append((i, j))
    while chars and chars[-1] == " ":
        chars.pop()
        where.pop()
    return FlatText("".join(chars), tuple(where), tuple(segs))


def normalise(text: str, fold: CharFold) -> str:
    """A quote, prefix or suffix folded and whitespace-collapsed the way ``flatten`` does."""
    return re.sub(r"\s+", " ", fold.text(text)).strip("\0")


def wrap(segment: Segment, start: int, end: int, element: etree.Element) -> None:
    """Move ``segment.value[start:end]`` into ``element`` (inserted in its place).

    Callers wrapping several stretches of one segment go right to left, so the offsets
    of the stretches still to do stay valid.
    """
    value = segment.value
    element.text = value[start:end]
    element.tail = value[end:] or None
    setattr(segment.owner, segment.attr, value[:start] or None)
    if segment.attr == "text":
        segment.owner.insert(0, element)
    else:
        assert segment.parent is not None
        parent = segment.parent
        parent.insert(list(parent).index(segment.owner) + 1, element)


def insert_at(segment: Segment, offset: int, element: etree.Element, passage: etree.Element) -> None:
    """Insert ``element`` at ``offset`` of a segment; never inside a link or code (then after it)."""
    if segment.skipped is not None:
        # Hack: a button inside a link is invalid HTML; the mark goes right after the link.
        outer = segment.skipped
        parent = _parent_of(passage, outer)
        element.tail = outer.tail
        outer.tail = None
        parent.insert(list(parent).index(outer) + 1, element)
        return
    value = segment.value
    element.tail = value[offset:] or None
    setattr(segment.owner, segment.attr, value[:offset] or None)
    if segment.attr == "text":
        segment.owner.insert(0, element)
    else:
        assert segment.parent is not None
        segment.parent.insert(list(segment.parent).index(segment.owner) + 1, element)


def _parent_of(root: etree.Element, target: etree.Element) -> etree.Element:
    for parent in root.iter():
        for child in parent:
            if child is target:
                return parent
    raise ValueError("element is not inside the passage")  # pragma: no cover - callers pass descendants


def trie_source(
    words: Iterable[str],
    piece: Callable[[str], str] = re.escape,
    end: Callable[[str], str] = lambda last: "",
    not_after: Callable[[str], str] = lambda first: "",
) -> str:
    """A regex source matching any of ``words``, longest first: a character trie as nested groups.

    Much faster to run than a flat alternation of hundreds of words, and the greedy order
    (longer continuations before "end here") gives leftmost-longest matches.

    Args:
        words: The words.
        piece: The pattern of one character (``re.escape``; a space may stand for any whitespace).
        end: What must follow a word, given its last character (a Latin edge, say).
        not_after: The characters that may not precede a word (a character class's inside,
            ``0-9a-z``), given its first character; checked after that character (a lookbehind over
            both), so that every branch starts with a character and the regex engine skips to where
            a word can start instead of trying the trie at every position (the glossary's pattern
            ran 3–8 times faster).
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def first(ch: str) -> str:
        before = not_after(ch)
        return piece(ch) + (f"(?<![{before}]{piece(ch)})" if before else "")

    def build(node: dict[str, Any], last: str, top: bool) -> str:
        parts = [
            (first(ch) if top else piece(ch)) + build(child, ch, False)
            for ch, child in sorted(node.items())
            if ch
        ]
        if "" in node:
            parts.append(end(last))
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return build(trie, "", True) if trie else ""


# --------------------------------------------------------------------------- line breaking

#: Characters a line may not start with (CSS ``line-break: strict``; GB/T 15834, JIS X 4051): closing
#: brackets and quotes, stops and commas, iteration marks, small kana, the ellipsis.
NO_LINE_START = frozenset(
    "”’」』）)］]｝}〕〉》】〗〙〛〞、，。．：；！？,.:;!?…‥%％‰℃°·・ー々〻゠"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
)
#: Characters a line may not end with: opening brackets and quotes.
NO_LINE_END = frozenset("“‘「『（(［[｛{〔〈《【〖〘〚〝")
#: Wraps a mark with the characters it must not be separated from (``white-space: nowrap``).
NOBR_CLASS = "zd-nobr"
#: A short element just before an editor's note marker is kept with it whole (a glossary term, say).
_GLUE_ELEMENT_CHARS = 8


#: A space an author put before a full-width closing mark ("`source/` ，而", Hexo's documentation does
#: so after code): the space is a line break opportunity, so a line could start with the mark.
_SPACED_CLOSING = re.compile(r"[ \t\n]+[、，。．：；！？」』”’）］｝〕〉》】〗〙〛…]+")
#: Where spaces are the text itself (code) or no line is broken.
_SPACES_KEPT_IN = frozenset({"pre", "code", "kbd", "samp", "script", "style", "textarea", "svg", "math"})
#: Holds such a space with its marks (``white-space: nowrap`` in zhudu.css): 13 bytes of markup a place,
#: where ``span.zd-nobr`` took 31 (63 places in the Hexo documentation's three variants).  Not ``z-`` and
#: a letter: those are code's colours (``notes/code_spans.COLOUR_ELEMENTS``: ``<z-n>`` is a name).
GLUED_SPACE_TAG = "zd-g"


def _glue_kind(element: etree.Element) -> str | None:
    classes = (element.get("class") or "").split()
    if element.tag == "span" and "zd-anno" in classes:
        return "marker"
    if element.tag == "sup" and (element.get("id") or "").startswith("fnref"):
        return "marker"  # a footnote's number: a line may break before it, as before any number
    return None


def _before(parent: etree.Element, index: int) -> str:
    return (parent.text if index == 0 else parent[index - 1].tail) or ""


def _set_before(parent: etree.Element, index: int, value: str) -> None:
    if index == 0:
        parent.text = value or None
    else:
        parent[index - 1].tail = value or None


def _opening_run(text: str) -> int:
    n = 0
    while n < len(text) and text[len(text) - 1 - n] in NO_LINE_END:
        n += 1
    return n


def glue(root: etree.Element) -> None:
    """Keep editor's note and footnote markers on one line with the punctuation beside them.

    A marker is an inline block: an atomic inline, which browsers may break before and after whatever
    the characters around it are, so a line started with "。" or "”" and one ended with "“" next to it.
    Each marker is wrapped, with the opening marks just before it and the closing marks just after it,
    in a ``<span class="zd-nobr">`` (no break inside).  A marker is also kept with the character (or
    the short term) it follows: a line never starts with it.  The text itself is unchanged: only
    elements are added.  A glossary term is an inline span, whose text breaks as the text round it.
    """
    for parent in list(root.iter()):
        if parent.get("class") == NOBR_CLASS:
            continue
        i = len(parent) - 1
        while i >= 0:
            child = parent[i]
            kind = _glue_kind(child)
            if kind is None:
                i -= 1
                continue
            first = i  # the first element moved into the wrapper
            before = _before(parent, i)
            if (
                kind == "marker"
                and not before
                and i > 0
                and len("".join(parent[i - 1].itertext())) <= _GLUE_ELEMENT_CHARS
            ):
                first = i - 1  # the term (or short element) the marker follows, whole
                before = _before(parent, first)
                lead = _opening_run(before)
            else:
                lead = _opening_run(before)
                if (
                    kind == "marker"
                    and child.tag != "sup"  # zhudu.css joins a footnote's number to the text before it
                    and not lead
                    and before
                    and not before[-1].isspace()
                    and before[-1] != "\x03"
                ):
                    lead = 1  # not the end of a stashed-HTML placeholder
            tail = child.tail or ""
            after = parent[i + 1] if i + 1 < len(parent) else None
            if (
                first == i
                and not tail
                and after is not None
                and after.get("class") == NOBR_CLASS
                and (after.text or "")[:1] in NO_LINE_START
            ):  # "术语）注1": the "）" after this mark went to the next one's wrapper: join it there
                _set_before(parent, i, before[: len(before) - lead])
                parent.remove(child)
                child.tail, after.text = after.text, before[len(before) - lead :] or None
                after.insert(0, child)
                i -= 1
                continue
            trail = 0
            while trail < len(tail) and tail[trail] in NO_LINE_START:
                trail += 1
            if first == i and not lead and not trail:
                i -= 1
                continue
            wrapper = etree.Element("span", {"class": NOBR_CLASS})
            wrapper.text = before[len(before) - lead :] or None
            _set_before(parent, first, before[: len(before) - lead])
            moved = list(parent[first : i + 1])
            for element in moved:
                parent.remove(element)
            wrapper.extend(moved)
            wrapper.tail = tail[trail:] or None
            child.tail = tail[:trail] or None
            parent.insert(first, wrapper)
            i = first - 1


def _glued_pieces(text: str) -> list[tuple[str, str]]:
    """``text`` cut as (plain text, a space and the closing marks after it) pairs; "" where none."""
    pieces, start = [], 0
    for match in _SPACED_CLOSING.finditer(text):
        pieces.append((text[start : match.start()], match.group()))
        start = match.end()
    if pieces:
        pieces.append((text[start:], ""))
    return pieces


def glue_spaced_closing(root: etree.Element) -> None:
    """Keep a space written before a closing mark on one line with the mark (``GLUED_SPACE_TAG``).

    ``line-break: strict`` keeps "，" off a line's start only where nothing else allows a break
    before it; a space there does.  The text is unchanged: only the wrapper is added.
    """
    if root.tag in _SPACES_KEPT_IN or root.tag == GLUED_SPACE_TAG or root.get("class") == NOBR_CLASS:
        return
    for child in list(root):
        glue_spaced_closing(child)
    for index in range(len(root), -1, -1):  # the children's tails from the last, then the text
        text = (root[index - 1].tail if index else root.text) or ""
        pieces = _glued_pieces(text)
        if not pieces:
            continue
        first = pieces[0][0]
        if index:
            root[index - 1].tail = first or None
        else:
            root.text = first or None
        for offset, (_, glued) in enumerate(pieces[:-1]):
            wrapper = etree.Element(GLUED_SPACE_TAG)
            wrapper.text = glued
            wrapper.tail = pieces[offset + 1][0] or None
            root.insert(index + offset, wrapper)


#: Closing marks right after inline code ("`url_for(page.path)`。", "(`og:description`)").
_CLOSING_AFTER_CODE = re.compile(r"[、，。．：；！？」』”’）］｝〕〉》】〗〙〛…)\],.:;!?]+")


def glue_code_closing_in_cells(root: etree.Element) -> None:
    """Keep inline code in a table cell on one line with the closing marks right after it.

    Code may break anywhere (Material's ``word-break: break-word``), so a table's auto layout makes a
    column narrower than the code, and the break then came between the code and its "。".  Wrapped
    together (``GLUED_SPACE_TAG``, code unbroken there: zhudu.css) they set the column's least width;
    the table scrolls sideways if it must.  Not in prose: code longer than a line would overflow it.
    """
    for cell in [e for e in root.iter() if e.tag in ("td", "th")]:
        for parent in list(cell.iter()):
            if parent.tag in _SPACES_KEPT_IN or parent.tag == GLUED_SPACE_TAG:
                continue
            for index in range(len(parent) - 1, -1, -1):
                code = parent[index]
                marks = _CLOSING_AFTER_CODE.match(code.tail or "") if code.tag == "code" else None
                if marks is None:
                    continue
                wrapper = etree.Element(GLUED_SPACE_TAG)
                wrapper.tail = code.tail[marks.end() :] or None
                code.tail = marks.group()
                parent.remove(code)
                wrapper.append(code)
                parent.insert(index, wrapper)
