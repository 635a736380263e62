"""Obsidian's note embeds (``![[乙篇]]``, ``![[乙篇#小结]]``, ``![[乙篇#^block]]``) shown as Obsidian shows them.

The embedded note's Markdown (all of it, the heading's section, or the block's paragraph) is put
into the embedding note's Markdown inside a framed quote with a link to its page
(``zd-note-refs.html``, ``transclusion``), once the links are resolved (``resolve.link_notes``).
So the copy is rendered with the page and converted into each variant with it, and the embedding
note's cached render, keyed by its Markdown (``cache.NoteRenders``), changes when the embedded
passage does.  One level deep: an embed inside the copy stays a labelled link, so a cycle never loops.

Inside the copy nothing may take an id the page has: headings become paragraphs marked as
headings (in the table of contents they would also push the page's own ``小结`` to ``小结_1``);
footnote labels and ``id`` / ``attr_list`` ids get the prefix ``zd-embed-N-`` (N counts the
page's embeds).
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import unquote

from markdown.extensions.toc import unique

from zhudu import fragments
from zhudu.notes import copy_frame
from zhudu.notes.dialect_markdown import md_text
from zhudu.notes.note_refs import EMBED_NOTE_LABEL, NESTED, LinkTarget, NoteRef
from zhudu.notes.page_ids import (
    ATTRS_RE,
    ATX_TEXT,
    CODE_SPAN_RE,
    FOOTNOTE_RE,
    HEADING_ATTRS_RE,
    Slugify,
    fenced,
    heading_and_id,
)
from zhudu.notes.stray_lines import AROUND_A_COPY, StrayTag, without_stray_end_tags
from zhudu.script.copy_folds import sealed

#: A heading at a line's start (a quoted or indented one is left to the table of contents).
_ATX_RE = re.compile(r"^(?P<marks>#{1,6})" + ATX_TEXT)
#: A heading in a quote: no section is cut at it, but in a copy it is not a heading of the page either.
_QUOTED_ATX_RE = re.compile(r"^(?P<quote>(?:[ ]{0,3}>[ ]?)++)[ ]{0,3}(?P<marks>#{1,6})" + ATX_TEXT)
_SETEXT_RE = re.compile(r"^(?P<marks>=+|-+)[ ]*$")
#: A footnote's definition line, and a reference link's (kept with a section that uses them).
_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[(?P<fn>\^)?(?P<label>[^\]\n]+)\]:")
#: A line an HTML block starts on (Python-Markdown reads one only at the top level, not in a list or quote).
_HTML_BLOCK_RE = re.compile(
    r"^[ ]{0,3}<(?:address|article|aside|blockquote|details|dialog|div|dl|fieldset|figure|footer|form|h[1-6]"
    r"|header|hr|iframe|nav|ol|p|pre|section|table|template|ul|video|audio)(?:[\s/>]|$)",
    re.IGNORECASE,
)
#: What would make a heading's text, as a paragraph's first line, a list, a quote or a heading.
_LEADING_MARK_RE = re.compile(r"^(?:(?P<mark>[-*+>#])|(?P<number>\d{1,9})(?P<end>[.)]))")
#: An ``id`` attribute's value (a block's anchor, ``dialect_inline``).
_ID_VALUE_RE = re.compile(r'\bid="([^"]*)"')
#: An ``id`` in raw HTML, and an ``attr_list``'s ``#id`` or ``id=…``.
_HTML_ID_RE = re.compile(r"(?P<lead><[A-Za-z][^<>]*?\sid\s*=\s*[\"']?)(?=[^\s\"'>])")
_ATTR_ID_RE = re.compile(r"(?P<lead>(?:^|(?<=[\s{:]))(?:#|id=[\"']?))(?=[^\s\"'#}])")


@dataclass(frozen=True)
class Embedded:
    """A note as an embed copies it."""

    markdown: str  # as read, its links still markers
    slugify: Slugify  # how its page makes its headings' ids
    resolved: Callable[[str], str]  # a part of it with its links resolved as on its own page
    #: The script it is written in (``copy_folds.written_tag``): a Traditional note's copy is folded as its page is.
    written: str = ""


@dataclass
class Embeds:
    """The embeds of one note: each copy numbered (its ids' prefix), blocks not found kept for warnings."""

    slug: str  # the embedding note's
    embedded: Callable[[str], Embedded | None]  # the note of a slug
    count: int = 0
    missing_blocks: list[tuple[NoteRef, LinkTarget]] = field(default_factory=list)
    #: ``(line, message)``: embeds shown as links for a reason the author can act on.
    findings: list[tuple[int, str]] = field(default_factory=list)
    #: ``(line, embed as written, the copy's Markdown)``: where a warning about a copy's HTML points.
    copied: list[tuple[int, str, str]] = field(default_factory=list)
    #: The bytes of Markdown the copies of one note may add (``extra.zhudu.limits.note_kib``); 0: no bound.
    #: 800 embeds of a 50 KB note in a 10 KB note made a 40 MB page in each variant.
    budget: int = 0
    spent: int = 0

    def copy(self, ref: NoteRef, target: LinkTarget, link: str, within: str = "") -> str | None:
        """The framed copy ``ref`` shows (``note_refs.resolve``'s ``embed``); None: a labelled link.

        ``within``: "" for a block of its own; in a list item or a quote, ``note_refs.NESTED`` and what
        a further line of the copy starts with (``note_refs.container``): there it is a Markdown quote.
        """
        if target.slug == self.slug or not target.slug or target.page:
            return None  # the note itself or a section's page: a link, never a copy
        if target.no_heading:
            return dead_part(ref, target)
        note = self.embedded(target.slug)
        if note is None or self.spent > self.budget > 0:  # over the budget: a labelled link
            return None
        anchor = unquote(target.anchor) if target.anchor else None
        part = passage(note.markdown, anchor, note.slugify)
        if part is None and anchor and anchor.startswith("^"):
            self.missing_blocks.append((ref, target))
            return dead_part(ref, target)
        if part is None:  # a heading the links found but no section starts at (in a quote): a link to it
            self.findings.append((ref.line, _unsectioned_message(ref, target.title)))
            return None
        # Code the frame's HTML reader would read tags in, written as the same code it does not read in.
        resolved, strays = without_stray_end_tags(copy_frame.framed_code(note.resolved(part)), AROUND_A_COPY)
        if strays:  # each would close the frame: the copy's text would pose as this note's own
            self.findings.append((ref.line, _stray_tags_message(ref, target.title, strays)))
        resolved, left_open = copy_frame.unclosed(resolved)
        if left_open:  # each would take the rest of this note's page into the copy, or away
            self.findings.append((ref.line, _unclosed_message(ref, target.title, left_open)))
        if within and _holds_html_block(resolved):
            self.findings.append((ref.line, _html_in_container_message(ref, target.title)))
            return None
        size = len(resolved.encode("utf-8"))
        if self.budget and self.spent + size > self.budget:
            if self.spent <= self.budget:  # warned once, at the first embed over
                self.findings.append((ref.line, _over_budget_message(ref, self.budget)))
            self.spent = self.budget + 1
            return None
        self.spent += size
        self.count += 1
        self.copied.append((ref.line, ref.written, resolved))
        if within:
            body = isolate(resolved, self.count, quoted=True)
            return quoted(link, body, within.removeprefix(NESTED), note.written)
        return block(link, isolate(resolved, self.count), note.written)


def dead_part(ref: NoteRef, target: LinkTarget) -> str:
    """An embed of a heading or block the note lacks: labelled, marked as a dead link."""
    anchor = unquote(target.anchor or "")
    text = md_text(ref.text or f"{target.title} > {anchor.lstrip('^')}")
    if target.shown and not ref.text:  # the title as this page shows it (Markdown)
        text = target.shown + md_text(f" > {anchor.lstrip('^')}")
    dead = fragments.render("zd-note-refs.html", "dead_link", target=f"{ref.target}#{anchor}", text=text)
    return fragments.render("zd-note-refs.html", "note_embed", label=EMBED_NOTE_LABEL, link=dead)


def _unsectioned_message(ref: NoteRef, title: str) -> str:
    anchor = unquote(ref.anchor or "")
    return (
        f"{ref.written}: {title!r} has the heading {anchor!r} inside a quote or a list, where no section can be "
        "cut out at it: shown as a link to the heading; embed the note alone, or move the heading out of the quote"
    )


def _html_in_container_message(ref: NoteRef, title: str) -> str:
    return (
        f"{ref.written}: what {title!r} shows holds HTML blocks (a figure, a set-apart part, raw HTML), which a "
        "list item or a quote cannot hold: shown as a labelled link; put the embed on a line of its own"
    )


def _stray_tags_message(ref: NoteRef, title: str, strays: list[StrayTag]) -> str:
    tags = ", ".join(dict.fromkeys(f"</{stray.name}>" for stray in strays))
    return (
        f"{ref.written}: what {title!r} shows has end tags closing nothing it opened ({tags}), which would "
        f"close the copy's frame here: the copy is shown without them; delete them in {title!r}, or write "
        "the start tags they belong to"
    )


def _over_budget_message(ref: NoteRef, budget: int) -> str:
    return (
        f"{ref.written}: with this copy the note's embeds would add over {budget // 1024:,} KiB to its page "
        "(extra.zhudu.limits.note_kib): this embed and the later ones are shown as labelled links; embed "
        "headings or blocks rather than whole notes, or raise the limit"
    )


def _unclosed_message(ref: NoteRef, title: str, names: list[str]) -> str:
    tags = ", ".join(dict.fromkeys(f"<{name}>" for name in names))
    return (
        f"{ref.written}: what {title!r} shows leaves elements open ({tags}), which would take the rest of "
        f"this note into the copy or hide it: they are closed at the copy's end; close them in {title!r}"
    )


def _holds_html_block(markdown: str) -> bool:
    """Whether Markdown outside code holds a line an HTML block starts on (read as text inside a quote)."""
    lines = markdown.split("\n")
    return any(
        _HTML_BLOCK_RE.match(line) for line, code in zip(lines, fenced(lines), strict=True) if not code
    )


def missing_part_message(ref: NoteRef, title: str, closest: str = "") -> str:
    """What a warning says of an embed of a heading or block the note it names lacks."""
    anchor = unquote(ref.anchor or "")
    kind = "block" if anchor.startswith("^") else "heading"
    fix = (
        f"write {closest!r}, the heading most like it" if closest else f"write the {kind} as the note has it"
    )
    return (
        f"{ref.written}: {title!r} has no {kind} {anchor!r}: nothing is embedded, the embed is shown as a dead "
        f"link; {fix}, or embed the note alone"
    )


def passage(markdown: str, anchor: str | None, slugify: Slugify) -> str | None:
    """What ``![[note#anchor]]`` shows of a note's Markdown; None: the note has no such heading or block."""
    parts = _parts(markdown, slugify)
    lines = parts.lines
    if not anchor:
        start, end = 0, len(lines)
    elif anchor.startswith("^"):
        found = _block(parts, anchor)
        if found is None:
            return None
        start, end = found
    else:
        found = parts.sections.get(anchor)
        if found is None:
            return None
        start, end = found
    body = _cited_footnotes_only(list(lines[start:end]))
    if start or end < len(lines):  # a part: with the definitions its footnotes and links name
        body += ["", *_definitions(parts, "\n".join(body), outside=(start, end))]
    return "\n".join(body).strip("\n")


@dataclass(frozen=True)
class _Parts:
    """Where a note's sections, blocks and definitions are: found once, however many embeds name them.

    Each embed read the whole note again (its headings, its definitions): 10,000 embeds of sections of
    a 500 KB note took minutes.
    """

    lines: tuple[str, ...]
    sections: dict[str, tuple[int, int]]  # a heading's id (its own, or made from its text) → its section
    blocks: dict[str, int]  # a block id, HTML-escaped → its line
    links: list[tuple[int, int]]  # link definitions: (start, end) of their lines
    footnotes: dict[str, list[tuple[int, int]]]  # footnote definitions by label


@functools.lru_cache(maxsize=16)
def _parts(markdown: str, slugify: Slugify) -> _Parts:
    lines = tuple(markdown.split("\n"))
    found = _headings(list(lines))
    ends = [len(lines)] * len(found)
    open_: list[int] = []  # the headings whose sections have not ended yet
    for k, (start, level, _) in enumerate(found):
        while open_ and found[open_[-1]][1] >= level:  # a heading as high ends a section
            ends[open_.pop()] = start
        open_.append(k)
    sections: dict[str, tuple[int, int]] = {}
    used: set[str] = set()
    for (start, _, text), end in zip(found, ends, strict=True):  # the first heading of an id wins
        shown, own = heading_and_id(text)
        for ident in (own or unique(slugify(shown), used), own):
            if ident:
                sections.setdefault(ident, (start, end))
    blocks: dict[str, int] = {}
    for i, line in enumerate(lines):
        if "zd-block-anchor" in line:
            for m in _ID_VALUE_RE.finditer(line):
                blocks.setdefault(m[1], i)
    links: list[tuple[int, int]] = []
    footnotes: dict[str, list[tuple[int, int]]] = {}
    i = 0
    while i < len(lines):
        if (m := _DEFINITION_RE.match(lines[i])) is None:
            i += 1
            continue
        end = _definition_end(lines, i)
        (footnotes.setdefault(m["label"], []) if m["fn"] else links).append((i, end))
        i = end
    return _Parts(lines, sections, blocks, links, footnotes)


def _cited_footnotes_only(lines: list[str]) -> list[str]:
    """The lines without the footnote definitions they do not cite (listed, they would lead back nowhere)."""
    cited = {
        m["label"]
        for line in lines
        if not _DEFINITION_RE.match(line)
        for m in FOOTNOTE_RE.finditer(line)
        if not m["definition"]
    }
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _DEFINITION_RE.match(lines[i])
        end = _definition_end(lines, i) if m else i + 1
        if not (m and m["fn"] and m["label"] not in cited):
            out += lines[i:end]
        i = end
    return out


def _definition_end(lines: Sequence[str], start: int) -> int:
    """Where the definition starting at ``start`` ends: after its indented lines (not the blank ones after)."""
    end = start + 1
    while end < len(lines) and (lines[end].startswith(("    ", "\t")) or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def _headings(lines: list[str]) -> list[tuple[int, int, str]]:
    """Each heading at a line's start outside code: (line index, level, Markdown text)."""
    found: list[tuple[int, int, str]] = []
    paragraph = ""
    for i, (line, code) in enumerate(zip(lines, fenced(lines), strict=True)):
        if code:
            paragraph = ""
            continue
        if m := _ATX_RE.match(line):
            found.append((i, len(m["marks"]), m["text"]))
            paragraph = ""
        elif paragraph and (m := _SETEXT_RE.match(line)):
            found.append((i - 1, 1 if m["marks"][0] == "=" else 2, paragraph.strip()))
            paragraph = ""
        else:
            paragraph = line if line.strip() and not line.startswith((" ", "\t", ">")) else ""
    return found


def _block(parts: _Parts, anchor: str) -> tuple[int, int] | None:
    """The paragraph holding the block id ``anchor`` (``^abc``, where ``dialect_inline`` left its anchor)."""
    at, lines = parts.blocks.get(html.escape(anchor)), parts.lines
    if at is None:
        return None
    start, end = at, at + 1
    while start > 0 and lines[start - 1].strip():
        start -= 1
    while end < len(lines) and lines[end].strip():
        end += 1
    return start, end


def _definitions(parts: _Parts, part: str, outside: tuple[int, int]) -> list[str]:
    """The footnote and link definitions outside the part that it names (each with its indented lines)."""
    named = {m["label"] for m in FOOTNOTE_RE.finditer(part)}
    found = [*parts.links, *(d for label in named for d in parts.footnotes.get(label, ()))]
    return [
        line
        for start, end in sorted(found)
        if not outside[0] <= start < outside[1]
        for line in parts.lines[start:end]
    ]


def isolate(markdown: str, number: int, *, quoted: bool = False) -> str:
    """The embedded Markdown with no heading of the page's and no id the page may have.

    ``quoted``: a heading becomes a Markdown paragraph marked with ``attr_list`` (in a list item or a
    quote, where an HTML block is not read), not an HTML paragraph.
    """
    prefix = f"zd-embed-{number}-"
    out: list[str] = []
    lines = markdown.split("\n")
    heading_at = {i: text for i, _, text in _headings(lines)}
    skip = -1
    for i, (line, code) in enumerate(zip(lines, fenced(lines), strict=True)):
        if i == skip:
            continue  # a Setext heading's underline
        if code:
            out.append(line)
            continue
        if i in heading_at:
            text = _without_attrs(heading_at[i])
            shown = _renamed(text, prefix)
            if quoted:
                shown = _LEADING_MARK_RE.sub(_escaped, shown)  # 「1. 引言」 stays a paragraph
            kind = "transclusion_heading_md" if quoted else "transclusion_heading"
            heading = fragments.render("zd-note-refs.html", kind, text=shown)
            out += ["", heading, ""]
            if not _ATX_RE.match(line):
                skip = i + 1
            continue
        if m := _QUOTED_ATX_RE.match(line):
            shown = _LEADING_MARK_RE.sub(_escaped, _renamed(_without_attrs(m["text"]), prefix))
            heading = fragments.render("zd-note-refs.html", "transclusion_heading_md", text=shown)
            quote = m["quote"].rstrip()
            out += [quote, *(f"{quote} {part}" for part in heading.split("\n")), quote]
            continue
        out.append(_renamed(line, prefix))
    return "\n".join(out)


def _escaped(m: re.Match[str]) -> str:
    return "\\" + m["mark"] if m["mark"] else f"{m['number']}\\{m['end']}"


def _without_attrs(text: str) -> str:
    """A heading's Markdown text without its ``attr_list`` (its id would be the page's)."""
    return HEADING_ATTRS_RE.sub("", text)


def _renamed(line: str, prefix: str) -> str:
    """A line with its footnote labels and ids prefixed, outside code spans."""
    parts, at = [], 0
    for code in CODE_SPAN_RE.finditer(line):
        parts.append(_rename(line[at : code.start()], prefix))
        parts.append(code.group(0))
        at = code.end()
    parts.append(_rename(line[at:], prefix))
    return "".join(parts)


def _rename(text: str, prefix: str) -> str:
    text = FOOTNOTE_RE.sub(lambda m: f"[^{prefix}{m['label']}]{m['definition'] or ''}", text)
    text = _HTML_ID_RE.sub(lambda m: m["lead"] + prefix, text)
    return ATTRS_RE.sub(lambda a: _ATTR_ID_RE.sub(lambda m: m["lead"] + prefix, a.group(0)), text)


def block(link: str, body: str, written: str = "") -> str:
    """The framed copy: the link to the embedded note's page (Markdown), then its passage (Markdown).

    ``written``: its note's script (``Embedded.written``), on the frame for the page's finisher, sealed as the
    build's (``copy_folds.sealed``: the note sanitizer removes an author's).
    """
    html_block = fragments.render(
        "zd-note-refs.html",
        "transclusion",
        label=EMBED_NOTE_LABEL,
        link=link,
        body=body,
        written=sealed(written),
    )
    return f"\n\n{html_block}\n\n"


def quoted(link: str, body: str, within: str, written: str = "") -> str:
    """The copy in a list item or a quote: a Markdown quote, its source line marked (``transclusion_tree``).

    The mark says how many lines the copy is: a quote takes the lines under it as its own until a blank line, and
    the author's words or quote right under the embed are theirs, not the copy's (``QuoteApart`` ends it there).
    """

    def lines_of(count: str) -> list[str]:
        text = fragments.render(
            "zd-note-refs.html",
            "transclusion_md",
            label=EMBED_NOTE_LABEL,
            link=link,
            body=body,
            written=sealed(written),
            lines=count,
        )
        return [f"> {line}" if line else ">" for line in text.strip("\n").split("\n")]

    lines = lines_of(sealed(str(len(lines_of("")))))
    return "\n".join([lines[0], *(within + line for line in lines[1:])])
