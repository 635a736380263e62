"""Editor's notes anchored to passages (``docs/editorial/annotations.yml``), never written into notes.

Each note is anchored the way a W3C Web Annotation ``TextQuoteSelector`` is:
the exact quoted text, with a little ``prefix`` and ``suffix`` to tell repeated
quotes apart.  Quote and text are both folded to Simplified and lower case, so
one annotation serves every script variant.  A quote must lie inside one
passage; prefix and suffix may reach into the neighbouring passages.

Rendering: a numbered ``<button class="zd-anno-marker">`` right after the quote
and the note's text in a ``<span class="zd-anno-note" role="note">`` next to it
(inline content, so it may sit inside a paragraph): in the margin on wide
screens, expanded in place on narrow ones (``zhudu.css`` / ``annotate.js``).

The tree processor runs after the passage processor (priority 5), so passage
anchors never see the inserted marks.  An annotation whose quote no longer
matches (or matches more than once) is reported with its file and line; under
``mkdocs serve`` it is also shown at the top of the note.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from zhudu.annotate import textmarks
from zhudu.annotate.passages import iter_passages
from zhudu.editorial import load_yaml_with_lines
from zhudu.errors import EditorialError
from zhudu.notes.closest_ids import unknown_note_id

ANNOTATIONS_FILE = "annotations.yml"
KINDS = {"context": "背景", "fact-check": "核查", "editorial": "编辑说明"}
#: Optional verdict of a fact-check, shown next to its kind.
VERDICTS = {
    "supported": "属实",
    "partly": "部分属实",
    "imprecise": "不够准确",
    "inaccurate": "不准确",
    "contested": "有争议",
    "unverified": "无法核实",
}
_FIELDS = ("id", "note", "kind", "verdict", "quote", "body", "source", "source_title")
_QUOTE_FIELDS = ("exact", "prefix", "suffix")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_URL_RE = re.compile(r"^https?://[^\s<>\"]+$")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# The marks that close a phrase or a sentence, none of which may start a line: a marker goes after those right
# after its quote, so a note opened in place under its line never leaves "。" to begin the line below it.  Not
# textmarks.NO_LINE_START whole: "·" and ASCII "." sit inside names (萨姆·奥特曼, Node.js).
_CLOSING_MARKS = frozenset("，。、；：！？）」』》〉】〕〗”’…)")

#: Which command MkDocs was started with (``on_startup``); ``serve`` shows problems on the page.
#: Kept at module level on purpose: MkDocs re-imports the hook module on every rebuild of
#: ``mkdocs serve`` but calls ``on_startup`` only once, while this package stays imported.
_command = {"name": "build"}


def set_command(command: str) -> None:
    """Remember the MkDocs command (``build``, ``serve``, ``gh-deploy``) for this process."""
    _command["name"] = command


def serving() -> bool:
    """Whether this process is ``mkdocs serve`` (problems are then shown on the pages too)."""
    return _command["name"] == "serve"


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Annotation:
    """One editor's note."""

    id: str
    note: str
    kind: str
    verdict: str | None
    exact: str
    prefix: str
    suffix: str
    body: str
    source: str | None
    source_title: str | None
    line: int


@dataclass(frozen=True)
class Problem:
    """An annotation that cannot be placed."""

    path: str
    annotation: Annotation
    reason: str

    def __str__(self) -> str:
        a = self.annotation
        return f"{self.path}:{a.line}: annotation {a.id!r} (note {a.note}): quote «{a.exact}» {self.reason}"


@dataclass(frozen=True)
class Placed:
    """An annotation placed in a note: its number and passage."""

    annotation: Annotation
    number: int
    anchor: str


def load_annotations(path: Path, display: str, note_ids: Iterable[str]) -> tuple[Annotation, ...]:
    """Read ``annotations.yml`` (a list of entries); a missing file means none.

    Raises:
        EditorialError: bad YAML, an unknown note id, kind or field, a missing quote or body,
            or a fact-check without a source URL; naming the line.
    """
    if not path.is_file():
        return ()
    data, lines = load_yaml_with_lines(path, display)
    if data is None:
        return ()
    if not isinstance(data, list):
        raise EditorialError(display, 1, "expected a list of entries ('- id: …')")
    known = sorted(note_ids)
    out: list[Annotation] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(data):
        line = lines.get((str(i),), 0)

        def at(*keys: str, _i: int = i, _line: int = line) -> int:
            return lines.get((str(_i), *keys), _line)

        if not isinstance(entry, dict):
            raise EditorialError(display, line, "an entry must be 'id: …, note: …, quote: …' lines")
        for key in entry:
            if key not in _FIELDS:
                raise EditorialError(
                    display, at(str(key)), f"unknown field {key!r}; fields: {', '.join(_FIELDS)}"
                )
        ident = entry.get("id")
        if not isinstance(ident, str) or not _ID_RE.match(ident):
            raise EditorialError(
                display,
                at("id"),
                "every annotation needs an 'id' of lower-case ASCII letters, digits and '-'",
            )
        if ident in seen:
            raise EditorialError(
                display, at("id"), f"id {ident!r} is used twice (first on line {seen[ident]})"
            )
        seen[ident] = line
        note = str(entry.get("note") or "")
        if note not in known:
            raise EditorialError(display, at("note"), f"{ident}: {unknown_note_id(note, known)}")
        kind = entry.get("kind")
        if kind not in KINDS:
            raise EditorialError(display, at("kind"), f"{ident}: kind must be one of {', '.join(KINDS)}")
        verdict = entry.get("verdict")
        if verdict is not None and verdict not in VERDICTS:
            raise EditorialError(
                display, at("verdict"), f"{ident}: verdict must be one of {', '.join(VERDICTS)}"
            )
        quote = entry.get("quote")
        if isinstance(quote, str):
            quote = {"exact": quote}
        if (
            not isinstance(quote, dict)
            or not isinstance(quote.get("exact"), str)
            or not quote["exact"].strip()
        ):
            raise EditorialError(display, at("quote"), f"{ident}: 'quote' needs 'exact' (the quoted text)")
        for key in quote:
            if key not in _QUOTE_FIELDS or not isinstance(quote[key], str):
                raise EditorialError(
                    display,
                    at("quote", str(key)),
                    f"{ident}: quote fields are text: {', '.join(_QUOTE_FIELDS)}",
                )
        body = entry.get("body")
        if not isinstance(body, str) or not body.strip():
            raise EditorialError(display, at("body"), f"{ident}: 'body' (the note's text) is missing")
        source = entry.get("source")
        if source is not None and (not isinstance(source, str) or not _URL_RE.match(source)):
            raise EditorialError(display, at("source"), f"{ident}: 'source' must be an http(s) URL")
        if kind == "fact-check" and not source:
            raise EditorialError(display, line, f"{ident}: a fact-check needs a 'source' URL")
        out.append(
            Annotation(
                id=ident,
                note=note,
                kind=kind,
                verdict=verdict,
                exact=quote["exact"],
                prefix=quote.get("prefix", ""),
                suffix=quote.get("suffix", ""),
                body=_CONTROL_RE.sub("", join_lines(body)),
                source=source,
                source_title=entry.get("source_title"),
                line=line,
            )
        )
    return tuple(out)


def join_lines(text: str) -> str:
    """Whitespace runs made one space, as the text reads in a line; none between two wide characters.

    YAML folds a long ``body`` (``>-`` or a plain scalar over several lines) by joining its lines
    with a space, which Chinese does not have between words: "执法局 签署", "2024 年）， 但".  As CSS
    does with a line break between East Asian wide characters (CSS Text 3, segment breaks), the
    space between two wide or full-width characters (Han, kana, full-width punctuation, and the
    curly quotes and dashes Chinese sets wide) is dropped; one beside a narrow character ("GPU 大约",
    "2024 年") stays.
    """
    words = text.split()
    if not words:
        return ""
    out = [words[0]]
    for word in words[1:]:
        if not (_wide(out[-1][-1]) and _wide(word[0])):
            out.append(" ")
        out.append(word)
    return "".join(out)


def _wide(char: str) -> bool:
    """Wide or full-width; ambiguous punctuation too (curly quotes, dashes, ellipses: wide in Chinese)."""
    width = unicodedata.east_asian_width(char)
    return width in ("W", "F") or (width == "A" and unicodedata.category(char).startswith("P"))


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class _Hit:
    passage: int
    start: int
    end: int


def locate(annotation: Annotation, flats: list[textmarks.FlatText], fold: textmarks.CharFold) -> list[_Hit]:
    """Every place the annotation's quote (with its prefix and suffix) occurs."""
    exact = textmarks.normalise(annotation.exact, fold).strip()
    prefix = textmarks.normalise(annotation.prefix, fold).strip()
    suffix = textmarks.normalise(annotation.suffix, fold).strip()
    hits = []
    for p, flat in enumerate(flats):
        text = flat.folded
        start = text.find(exact)
        while start >= 0:
            end = start + len(exact)
            before = ((flats[p - 1].folded + " ") if p else "") + text[:start]
            after = text[end:] + ((" " + flats[p + 1].folded) if p + 1 < len(flats) else "")
            if (not prefix or before.rstrip().endswith(prefix)) and (
                not suffix or after.lstrip().startswith(suffix)
            ):
                hits.append(_Hit(p, start, end))
            start = text.find(exact, start + 1)
    return hits


def after_closing_marks(flat: textmarks.FlatText, end: int) -> int:
    """``end`` moved past the closing marks right after it.

    In the same text, or just after the element the quote ends in (``**记录**。``, a link's text); not past
    code between, nor into a link or code.
    """
    while end < len(flat.folded) and flat.folded[end] in _CLOSING_MARKS:
        (last, at), (segment, offset) = flat.where[end - 1], flat.where[end]
        next_to = (segment, offset) == (last, at + 1) or (
            offset == 0
            and at == len(flat.segments[last].value) - 1
            and not any(flat.segments[k].value for k in range(last + 1, segment))
        )
        if not next_to or flat.segments[segment].skipped is not None:
            break
        end += 1
    return end


def _marker(annotation: Annotation, number: int, table: bool) -> etree.Element:
    """The marker button and the note's text; ElementTree escapes every value."""
    wrapper = etree.Element(
        "span", {"class": "zd-anno" + (" zd-anno--inline" if table else ""), "data-zd-anno": annotation.id}
    )
    button = etree.SubElement(
        wrapper,
        "button",
        {
            "type": "button",
            "class": "zd-anno-marker",
            "id": f"zd-anno-ref-{number}",
            "aria-expanded": "false",
            "aria-controls": f"zd-anno-{number}",
            # Named for what it is, with the label it shows ("注" and the number: data-zd-text, drawn by
            # CSS) inside the name (WCAG 2.5.3); theme markers say "主题" in another shape and colour.
            "aria-label": f"编者注{number}",
            "data-zd-text": "注",
        },
    )
    hidden = etree.SubElement(button, "span", {"class": "zd-sr-only"})
    hidden.text = "编者注"
    hidden.tail = str(number)
    note = etree.SubElement(
        wrapper,
        "span",
        {
            # zd-endnote-source: printed as a numbered endnote (reading.js, zhudu.css's print rules).
            "class": f"zd-anno-note zd-anno-note--{annotation.kind} zd-endnote-source",
            "id": f"zd-anno-{number}",
            "role": "note",
            "aria-label": f"编者注 {number}",
            "tabindex": "-1",
        },
    )
    head = etree.SubElement(note, "span", {"class": "zd-anno-note__head"})
    num = etree.SubElement(head, "span", {"class": "zd-anno-note__num"})
    num.text = str(number)
    kind = etree.SubElement(head, "span", {"class": "zd-anno-note__kind"})
    kind.text = KINDS[annotation.kind] + (f" · {VERDICTS[annotation.verdict]}" if annotation.verdict else "")
    body = etree.SubElement(note, "span", {"class": "zd-anno-note__body"})
    body.text = annotation.body
    if annotation.source:
        source = etree.SubElement(note, "span", {"class": "zd-anno-note__source"})
        source.text = "来源："
        link = etree.SubElement(source, "a", {"href": annotation.source})
        link.text = annotation.source_title or annotation.source
    return wrapper


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _unplaced_reason(annotation: Annotation, root: etree.Element, fold: textmarks.CharFold) -> str:
    """Why a quote found in no passage is not placed: in a heading, or gone from the note.

    Headings take no notes, by design; "no longer matches" read there as a stale quote.
    """
    headings = [e for e in root.iter() if e.tag in _HEADINGS]
    if locate(annotation, [textmarks.flatten(h, fold) for h in headings], fold):
        return (
            "is in a heading, and headings take no editor's notes: quote a passage of the note's body instead "
            "(quote.exact/prefix/suffix) or delete the annotation"
        )
    return "no longer matches the note: fix quote.exact/prefix/suffix or delete the annotation"


def problems_box(problems: list[Problem]) -> etree.Element:
    """The warning shown at the top of a note under ``mkdocs serve``."""
    box = etree.Element("div", {"class": "admonition warning zd-anno-orphans", "role": "status"})
    title = etree.SubElement(box, "p", {"class": "admonition-title"})
    title.text = f"{len(problems)} 条编者注无法定位（仅在预览中显示）"
    items = etree.SubElement(box, "ul")
    for problem in problems:
        item = etree.SubElement(items, "li")
        code = etree.SubElement(item, "code")
        code.text = str(problem)
    hint = etree.SubElement(box, "p")
    hint.text = "改正 annotations.yml 里的 quote（exact / prefix / suffix），使它在这篇笔记里恰好出现一次。"
    return box


class AnnotationTreeprocessor(Treeprocessor):
    """Places the current note's annotations after their quotes."""

    def __init__(self, md: Markdown, extension: AnnotationExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        ext = self.extension
        ext.last_placed, ext.last_problems = [], []
        wanted = ext.by_note.get(ext.note_id or "", [])
        ext.note_id = None  # one render per begin(): a stray render elsewhere marks nothing
        if not wanted:
            return
        passages = [p for p in iter_passages(root) if p.get("id")]
        flats = [textmarks.flatten(p, ext.fold) for p in passages]
        found: list[tuple[_Hit, Annotation]] = []
        for annotation in wanted:
            hits = locate(annotation, flats, ext.fold)
            if len(hits) == 1:
                end = after_closing_marks(flats[hits[0].passage], hits[0].end)
                found.append((dataclasses.replace(hits[0], end=end), annotation))
            elif not hits:
                ext.last_problems.append(
                    Problem(ext.path, annotation, _unplaced_reason(annotation, root, ext.fold))
                )
            else:
                where = ", ".join(sorted({passages[h.passage].get("id", "") for h in hits}))
                ext.last_problems.append(
                    Problem(
                        ext.path,
                        annotation,
                        f"matches {len(hits)} places ({where}): add a longer quote.prefix or quote.suffix",
                    )
                )
        found.sort(key=lambda item: (item[0].passage, item[0].end, item[1].id))
        placed = [(hit, a, n) for n, (hit, a) in enumerate(found, 1)]
        # Right to left, so the offsets of the marks still to insert stay valid.
        for hit, annotation, number in sorted(placed, key=lambda x: (x[0].passage, x[0].end), reverse=True):
            passage, flat = passages[hit.passage], flats[hit.passage]
            seg_index, offset = flat.where[hit.end - 1]
            segment = flat.segments[seg_index]
            textmarks.insert_at(
                segment, offset + 1, _marker(annotation, number, passage.tag == "tr"), passage
            )
            passage.set("data-zd-annotated", "")
        ext.last_placed = [Placed(a, n, passages[h.passage].get("id", "")) for h, a, n in placed]
        if ext.last_problems and ext.show_problems:
            root.insert(0, problems_box(ext.last_problems))


class AnnotationExtension(Extension):
    """Registers the annotation processor; the hook tells it which note is being rendered."""

    def __init__(self, fold: Callable[[str], str]) -> None:
        super().__init__()
        self.fold = textmarks.CharFold(fold)
        self.path = ANNOTATIONS_FILE
        self.by_note: dict[str, list[Annotation]] = {}
        self.note_id: str | None = None
        self.show_problems = False
        self.last_placed: list[Placed] = []
        self.last_problems: list[Problem] = []
        #: note id -> placed annotations, for the build summary.
        self.placed: dict[str, list[Placed]] = {}

    def use(self, annotations: Iterable[Annotation], path: str) -> None:
        """Set the annotations to place (``path`` names the file in messages)."""
        self.path = path
        self.by_note = {}
        for annotation in annotations:
            self.by_note.setdefault(annotation.note, []).append(annotation)

    def begin(self, note_id: str | None, show_problems: bool = False) -> None:
        """The next Markdown render is note ``note_id`` (``None``: no annotations)."""
        self.note_id = note_id
        self.show_problems = show_problems
        self.last_placed, self.last_problems = [], []

    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 4: after the passage anchors (5), before the glossary (3).
        md.treeprocessors.register(AnnotationTreeprocessor(md, self), "zd-annotations", 4)


def summary(placed: dict[str, list[Placed]]) -> str:
    """``note: N (kind n, …)`` for the build's info line."""
    parts = []
    for note_id in sorted(placed):
        kinds: dict[str, int] = {}
        for p in placed[note_id]:
            kinds[p.annotation.kind] = kinds.get(p.annotation.kind, 0) + 1
        detail = ", ".join(f"{k} {kinds[k]}" for k in sorted(kinds))
        parts.append(f"{note_id}: {len(placed[note_id])} ({detail})")
    return "; ".join(parts)
