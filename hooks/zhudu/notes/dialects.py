"""Other tools' body syntax: Obsidian, Hexo, Hugo and Jekyll, rewritten as the site's Markdown.

A note keeps the syntax of the tool its author wrote it in: Obsidian's ``[[wikilinks]]``,
``![[embeds]]``, ``> [!note]`` callouts, ``%%comments%%`` and ``^block-ids``; Hexo's tag plugins
(``{% post_link %}``, ``{% asset_img %}``, ``{% codeblock %}``…); Hugo's shortcodes
(``{{< figure >}}``, ``{{< ref >}}``…); Jekyll's Liquid tags (``{% raw %}``, ``{% link %}``,
``{% post_url %}``).  Python-Markdown knows none of them and would print them as written.
:func:`rewrite` turns each into the Markdown the site renders (an image, a link, a code block, a
Material admonition) the way the tool shows it; what has no sensible equivalent here (a template
tag of the author's own site, an embedded player) is set apart and labelled, never printed raw and
never dropped, with a finding naming its line.  Syntax a kept Python-Markdown extension reads
(``==mark==``, footnotes, task lists, math) is left to it (``mkdocs.yml``).

This module cuts a note into blocks (fences, callouts, tags that enclose lines) and scans each
line for code, comments and raw parts; what a line's text holds is rewritten by
:mod:`zhudu.notes.dialect_inline`, written as Markdown by :mod:`zhudu.notes.dialect_markdown`.
Links between notes need the whole collection: :func:`rewrite` leaves a marker and
:func:`zhudu.notes.note_refs.resolve` replaces it once every note's slug is known.

Code is the author's text shown as written: nothing inside a fenced or indented block or an inline
code span is rewritten, nor in an HTML comment, a formula or a raw ``<pre>`` block, where Markdown
reads no link either (:mod:`zhudu.notes.verbatim`), with one exception, ``{% raw %}`` markers in
inline code, because Hexo and Jekyll remove them before Markdown runs (the Hexo documentation writes ```{% raw %}{{ x }}{% endraw %}```
to show ``{{ x }}`` in code).  In a Hexo note a ``{% raw %}`` part elsewhere is shown as Hexo shows
it: as HTML, not Markdown (its character references are characters, the rest text), except a fenced
code block in it, which Hexo reads before any tag.  Jekyll runs Liquid before kramdown: its raw part
is Markdown, its tags text, its links to notes resolved as anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from zhudu.notes import citations, footnote_lists, hugo_signs, inline_tags
from zhudu.notes.block_tags import BLOCK_TAG_RE, FENCE_RE, closing_line, enclosed, end_name
from zhudu.notes.box_names import CALLOUT_TYPES as CALLOUT_TYPES
from zhudu.notes.box_names import NOTE_TAG_TYPES as NOTE_TAG_TYPES
from zhudu.notes.box_names import callout_title
from zhudu.notes.box_places import BoxPlaces, Place, dedent, indented, shifted
from zhudu.notes.containers import CONTAINER_RE, container_box, container_end, unclosed_container
from zhudu.notes.dialect_inline import EMBED_IMAGE_SUFFIXES as EMBED_IMAGE_SUFFIXES
from zhudu.notes.dialect_inline import UNKNOWN_TAG_LABEL as UNKNOWN_TAG_LABEL
from zhudu.notes.dialect_inline import UNPUBLISHED_FILE_LABEL as UNPUBLISHED_FILE_LABEL
from zhudu.notes.dialect_inline import InlineWriter
from zhudu.notes.dialect_markdown import (
    CODE_SPAN_RE,
    SHORTCODE_BOXES,
    Line,
    admonition,
    closed_fence_end,
    fence_end,
    fence_title,
    raw_html_text,
)
from zhudu.notes.dialect_markdown import md_text as md_text
from zhudu.notes.formulas import MATH_BLOCK_LABEL as MATH_BLOCK_LABEL
from zhudu.notes.formulas import MATH_INLINE_LABEL as MATH_INLINE_LABEL
from zhudu.notes.formulas import FormulasExtension as FormulasExtension
from zhudu.notes.list_ends import list_end
from zhudu.notes.list_nesting import nest
from zhudu.notes.note_refs import EMBED_NOTE_LABEL as EMBED_NOTE_LABEL
from zhudu.notes.note_refs import LinkTarget as LinkTarget
from zhudu.notes.note_refs import NoteRef as NoteRef
from zhudu.notes.note_refs import dead_link_message as dead_link_message
from zhudu.notes.note_refs import missing_heading_message as missing_heading_message
from zhudu.notes.note_refs import resolve as resolve
from zhudu.notes.theme_tags import TAG_BOXES, unescape_code, unescape_shortcodes
from zhudu.notes.verbatim import (
    COMMENT_END,
    INLINE_MATH,
    VerbatimBlocks,
    unclosed_block_message,
    unclosed_raw_message,
)

# --------------------------------------------------------------------------- Data

#: What the line scanner stops at: an inline code span's backticks, an Obsidian comment's
#: ``%%``, a ``{% raw %}`` that shows the rest literally, an HTML comment, a formula.
_SPECIAL_RE = re.compile(
    r"(?<!\\)(?P<ticks>`+)|(?P<comment>%%)|(?P<raw>\{%-?[ \t]*raw[ \t]*-?%\})"
    rf"|(?P<html_comment><!--)|(?P<math>{INLINE_MATH})"
)
_ENDRAW_RE = re.compile(r"\{%-?[ \t]*endraw[ \t]*-?%\}")
#: A list item's first line (a fence's closing line just before it ends the item before).
_LIST_ITEM_RE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")
#: A fenced code block's opening line in a raw part (Hexo's ``backtick_code_block`` reads it first).
_RAW_FENCE_RE = re.compile(r"^[ ]{0,3}(?P<fence>`{3,}|~{3,})")
#: The dialects whose ``{% raw %}`` part is Hexo's (set aside until Markdown has run); a note whose
#: front matter names no tool (the Hexo documentation's) is read as Hexo's too.
HEXO_RAW_DIALECTS = frozenset({"hexo", "yaml", "pandoc", "none"})
_RAW_MARK_RE = re.compile(r"\{%-?[ \t]*(?:end)?raw[ \t]*-?%\}")

#: ``> [!type]- Title``: an Obsidian callout (and a GitHub alert, ``> [!NOTE]``).
_CALLOUT_RE = re.compile(
    r"""^[ \t]*>[ \t]?\[!(?P<kind>[^\]\s]+)\](?P<fold>[+-]?)[ \t]*(?P<title>.*?)[ \t]*$""",
    re.VERBOSE,
)
_QUOTE_PREFIX_RE = re.compile(r"^[ \t]*>[ ]?")
#: A line holding only a note embed's link marker (``dialect_inline``'s ``ref``).
_EMBED_ALONE_RE = re.compile(r"^[ \t]*\[[^\n]*\]\(#zd-ref-\d+\)[ \t]*$")
#: A line's ``#`` that CommonMark (so Obsidian, Hexo, Hugo and Jekyll) reads as text, not a heading, and
#: Python-Markdown as one: no space after it (an Obsidian tag line ``#读书 #方法``, ``#1``).
_NOT_A_HEADING_RE = re.compile(
    r"^((?:[ \t]*>[ \t]?)*+[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?)#(?!#*(?:[ \t]|$))"
)
#: A ``<div>``, ``<section>`` or ``<details>`` start tag opening a line, without a ``markdown`` attribute.
_MARKDOWN_HTML_RE = re.compile(r"^([ ]{0,3}<(?:div|section|details))(?=[\s>])(?![^>]*\bmarkdown\s*=)", re.I)
#: kramdown's table of contents: a one-item list (``* 目录``) followed by ``{:toc}`` is replaced by it.
_KRAMDOWN_TOC_RE = re.compile(r"^[ ]{0,3}\{:[ \t]*toc[ \t]*\}[ \t]*$")
#: ``[[toc]]`` alone on a line: VuePress's and VitePress's table of contents (a note named toc: ``[[toc|…]]``).
_VUEPRESS_TOC_RE = re.compile(r"^[ ]{0,3}\[\[toc\]\][ \t]*$")


# --------------------------------------------------------------------------- Values


@dataclass
class Rewrite:
    """A body with the dialects' syntax rewritten."""

    lines: list[str]
    #: For each line of ``lines``, the line of the author's file it comes from.
    origin: list[int]
    refs: list[NoteRef] = field(default_factory=list)
    #: ``(line, message)``: what cannot be rendered as the tool shows it.
    findings: list[tuple[int, str]] = field(default_factory=list)
    #: An Obsidian note's ``#tags`` written in its text (``inline_tags``), each once.
    tags: list[str] = field(default_factory=list)
    #: Paths whose appearing would change this rewrite (the ``.obsidian/`` deciding whether tags are read).
    watched: list[str] = field(default_factory=list)
    #: The note is Obsidian's (``inline_tags.is_obsidian``): its ``key:: value`` lines are Dataview's fields.
    obsidian: bool = False

    @property
    def text(self) -> str:
        """The rewritten Markdown."""
        return "\n".join(self.lines)


@dataclass
class _State:
    """Where the scan stands between lines: inside a comment, or a ``{% raw %}`` part."""

    in_comment: bool = False
    in_raw: bool = False
    in_html_comment: bool = False  # kept as written to its ``-->``: never shown, no link
    opened_at: int = 0  # the line the open comment or raw part started on
    #: The blocks of the lines being scanned, and the index of the one at hand (an HTML comment looks for its end).
    verbatim: VerbatimBlocks = field(default_factory=lambda: VerbatimBlocks(()))
    at: int = 0


# --------------------------------------------------------------------------- Rewriting


def rewrite(
    text: str,
    *,
    first_line: int,
    note_dir: Path,
    note_name: str,
    root: Path | None = None,
    dialect: str = "none",
    bibliography: bool = False,
) -> Rewrite:
    """Rewrite every dialect construct of ``text`` outside code.

    Args:
        text: The note's Markdown after its front matter, LF line endings.
        first_line: Line number in the source file of ``text``'s first line.
        note_dir: The note's folder (images are looked up from there).
        note_name: The note's file name without extension (Hexo's asset folder has that name).
        root: The notes folder (Obsidian's vault: embeds are found anywhere in it); None: ``note_dir``.
        dialect: The tool the front matter is written for (``front_matter.detect_dialect``): it
            decides how a ``{% raw %}`` part is shown (:data:`HEXO_RAW_DIALECTS`), and whether
            ``{{ site.x }}`` is Liquid output (not in Hugo's or an Obsidian clip's notes).
        bibliography: The front matter names a bibliography (``front_matter.names_bibliography``): every
            bracketed ``@key`` cites, as in a ``pandoc`` note (an Obsidian note using the Pandoc plugin is
            ``obsidian-clipper`` by its ``created``).
    """
    writer = _Writer(
        note_dir=note_dir,
        note_name=note_name,
        root=root or note_dir,
        hexo_raw=dialect in HEXO_RAW_DIALECTS,
        liquid=dialect not in ("hugo", "obsidian-clipper", "logseq"),  # Logseq's {{embed …}} is no Liquid
        hugo=hugo_signs.is_hugo(dialect, text, note_dir, root or note_dir),
        held_citations=citations.NoteCitations(pandoc=bibliography or dialect == "pandoc"),
    )
    # Lists nested at their item's text column (CommonMark), written at Python-Markdown's four columns per level.
    lines = nest(footnote_lists.apart([(line, first_line + i) for i, line in enumerate(text.split("\n"))]))
    # A construct may become several lines (a figure): each keeps the line it came from.
    out = [(part, n) for text, n in writer.blocks(lines) for part in text.split("\n")]
    for label, note, n in writer.footnotes:  # Obsidian's ^[inline footnotes], as footnotes
        out += [("", n), (f"[^{label}]: {note}", n)]
    # The whole note read: whether its bracketed keys cite.
    out = [(writer.held_citations.settle(part), n) for part, n in out]
    if cited := writer.held_citations.finding():
        writer.findings.append(cited)
    obsidian = inline_tags.is_obsidian(dialect, note_dir, root or note_dir, writer.wikilinks)
    return Rewrite(
        lines=[t for t, _ in out],
        origin=[n for _, n in out],
        refs=writer.refs,
        findings=writer.findings,
        tags=list(dict.fromkeys(writer.tags)) if obsidian else [],
        obsidian=obsidian,
        watched=inline_tags.watched(dialect, note_dir, root or note_dir, writer.wikilinks, bool(writer.tags))
        + hugo_signs.watched(dialect, text, note_dir, root or note_dir),
    )


@dataclass
class _Writer(InlineWriter):
    """:class:`InlineWriter` and the blocks around the lines."""

    #: A ``{% raw %}`` part is shown as Hexo shows it (HTML), not passed through as Markdown.
    hexo_raw: bool = False

    # -- blocks ----------------------------------------------------------------------------------

    def blocks(self, lines: Sequence[Line]) -> list[Line]:
        """Rewrite a run of lines (the note, or a callout's or a quote's inside)."""
        out: list[Line] = []
        state = _State(verbatim=VerbatimBlocks(lines))
        places = BoxPlaces(lines)
        i = 0
        while i < len(lines):
            text, line = lines[i]
            state.at = i
            # Code inside raw, as written (Hexo reads a closed fence only: an open one is text; Jekyll's
            # kramdown reads it after Liquid).
            if (
                state.in_raw
                and (m := _RAW_FENCE_RE.match(text))
                and (end := closed_fence_end(lines, i, m["fence"])) is not None
            ):
                out.extend(lines[i : end + 1])
                i = end + 1
                continue
            if state.in_comment or state.in_raw or state.in_html_comment:
                out.append((self.scan_line(text, line, state), line))
                i += 1
                continue
            if m := FENCE_RE.match(text):
                end = fence_end(lines, i, m["fence"])
                # A fence starts and ends its block whatever touches it (CommonMark, so every tool the notes
                # come from); Python-Markdown put it inside the paragraph touching it, and browsers closed
                # that paragraph before the code: the text after it was in none.  In a list item only the
                # text after it (a blank line before would make a tight list loose).
                indent, touching = m.start("fence"), bool(out and out[-1][0].strip())
                if (indent == 0 and touching) or places.leaves_item_block(i):
                    out.append(("", line))
                code = [(fence_title(text), line), *self.code(lines[i + 1 : end + 1])]  # as its tool shows it
                if closed_fence_end(lines, i, m["fence"]) is None and "`" not in text[m.end("fence") :]:
                    # CommonMark's tools show the rest of the note as code; Python-Markdown showed it as text.
                    code.append((text[: m.start("fence")] + m["fence"], lines[end][1]))
                    self.findings.append(
                        (
                            line,
                            f"{m['fence']} opens a code block that is never closed: "
                            f"the rest of the note is shown as code; close it with {m['fence']}",
                        )
                    )
                out += [(shifted(t, places.shifts[i]), n) for t, n in code]  # deeper to stay in its item
                after = lines[end + 1][0] if end > i and end + 1 < len(lines) else ""
                if _text_after_fence(after, indent, in_item=indent > 0 and touching):
                    out.append(("", lines[end][1]))
                i = end + 1
                continue
            if _VUEPRESS_TOC_RE.match(text):  # VuePress's and VitePress's table of contents
                out += [("", line), ("[TOC]", line), ("", line)]
                i += 1
                continue
            if _KRAMDOWN_TOC_RE.match(text) and out and _LIST_ITEM_RE.match(out[-1][0]):
                # Python-Markdown's toc extension draws its table at a [TOC] paragraph.
                out[-1:] = [("", out[-1][1]), ("[TOC]", line), ("", line)]
                i += 1
                continue
            # A box in a list item or a box is drawn there, at the columns Python-Markdown needs (box_places).
            marker, place = places.own_line(i)  # ``- > [!tip] 标题``: the item's marker, the box drawn in it
            m = _CALLOUT_RE.match(text[len(marker) :])
            if m and (place := place or places.place(i)) is not None:
                out += [(marker.rstrip() + " ", line)] if marker else []  # an item with no text of its own
                end = i + 1
                while end < len(lines) and lines[end][0].lstrip().startswith(">"):
                    end += 1
                out += indented(self.callout(m, lines[i + 1 : end], line, state), place.indent)
                out += self.item_text(place, lines[end : (i := places.text_after(place, end))])
                continue
            if (m := CONTAINER_RE.match(text)) and (
                place := places.place(i)
            ) is not None:  # VuePress, Docusaurus
                if (end := container_end(lines, i, m)) is not None:
                    inner = self.blocks([(dedent(t, place.width), n) for t, n in lines[i + 1 : end]])
                    out += indented(container_box(m, inner, line), place.indent)
                    out += self.item_text(place, lines[end + 1 : (i := places.text_after(place, end + 1))])
                    continue
                if message := unclosed_container(m):
                    self.findings.append((line, message))
            if m := BLOCK_TAG_RE.match(text):
                if (end := closing_line(lines, i, m)) is not None:
                    # A theme's box, fold or tabs in a list item or a box: drawn there (box_places).
                    boxed = m["tag"] in TAG_BOXES or m["shortcode"] in SHORTCODE_BOXES
                    if boxed and (place := places.place(i)) is not None and place.indent:
                        inner = [(dedent(t, place.width), n) for t, n in lines[i + 1 : end]]
                        box = enclosed(m, inner, line, lines[end][1], self.blocks, self.code, placed=True)
                        out += indented(box, place.indent)
                        out += self.item_text(
                            place, lines[end + 1 : (i := places.text_after(place, end + 1))]
                        )
                        continue
                    out.extend(enclosed(m, lines[i + 1 : end], line, lines[end][1], self.blocks, self.code))
                    i = end + 1
                    continue
                self.findings.append(
                    (
                        line,
                        f"{text.strip()}: the tag is never closed (no {end_name(m)} after it): shown as written",
                    )
                )
            elif unclosed := state.verbatim.unclosed_raw_end(i) or state.verbatim.unclosed_block_end(i):
                end, tag = unclosed  # closed at its paragraph's end
                out += [*lines[i:end], (f"{lines[end][0]}</{tag}>", lines[end][1])]
                message = unclosed_raw_message if tag in ("script", "style") else unclosed_block_message
                self.findings.append((line, message(tag, lines[end][1])))
                i = end + 1
                continue
            elif (end := state.verbatim.end(i)) is not None:
                out.extend(self.code(lines[i : end + 1]))  # indented code, a formula, raw HTML: as written
                i = end + 1
                continue
            if i in places.new_lists:  # CommonMark starts a list here, Python-Markdown went on (list_ends)
                out += [("", line), (list_end(places.new_lists[i]), line), ("", line)]
            elif places.item_apart(out, text) or places.leaves_item_block(i) or i in places.block_starts:
                out.append(("", line))
            written = _NOT_A_HEADING_RE.sub(r"\1\\#", text, count=1)
            self.heading_line, self.escaped_hash = bool(inline_tags.HEADING_RE.match(text)), written != text
            refs = len(self.refs)
            out.append((shifted(self.scan_line(written, line, state), places.shifts[i]), line))
            if i in places.lazy_underlines:  # text, as CommonMark reads it, not a Setext heading's underline
                out[-1] = (re.sub(r"[=-]", lambda m: f"&#{ord(m[0])};", out[-1][0], count=1), line)
            elif i in places.markdown_html:  # Markdown after a blank line in it, as CommonMark reads it
                out[-1] = (_MARKDOWN_HTML_RE.sub(r'\1 markdown="1"', out[-1][0], count=1), line)
            self.heading_line = self.escaped_hash = False
            i += 1
            embed = len(self.refs) == refs + 1 and self.refs[-1].kind == "embed"
            if embed and _EMBED_ALONE_RE.match(out[-1][0]) and places.ends_block_after(i - 1):
                # Obsidian draws an embedded note as a block: the next line is no part of its copy's last paragraph.
                out.append(("", line))
        if state.in_comment:
            self.findings.append(
                (
                    state.opened_at,
                    "%% opens an Obsidian comment that is never closed: everything after it is hidden, "
                    "as Obsidian hides it; close it with another %%",
                )
            )
        elif state.in_raw:
            self.findings.append(
                (state.opened_at, "{% raw %} is never closed: everything after it is shown as written")
            )
        return out

    def callout(self, m: re.Match[str], body: Sequence[Line], line: int, state: _State) -> list[Line]:
        """An Obsidian callout as a Material admonition (``???`` when it folds)."""
        written = m["kind"].lower()
        kind = CALLOUT_TYPES.get(written, "note")
        marker = {"-": "???", "+": "???+"}.get(m["fold"], "!!!")
        # Obsidian titles an untitled callout with its type ("Faq"): here, the type's word (常见问题).
        title = self.scan_line(m["title"], line, state) if m["title"] else callout_title(written)
        inner = self.blocks([(_QUOTE_PREFIX_RE.sub("", t, count=1), n) for t, n in body])
        return admonition("", marker, kind, title, inner, line)

    def code(self, lines: Sequence[Line]) -> list[Line]:
        """Code lines as written; a Hugo page's escaped shortcodes as Hugo shows them (it reads code too)."""
        return unescape_code(lines) if self.hugo else list(lines)

    def code_span(self, span: str) -> str:
        """An inline code span, as :meth:`code` shows code."""
        return unescape_shortcodes(span) if self.hugo else span

    def item_text(self, place: Place, lines: Sequence[Line]) -> list[Line]:
        """The text of a list item right after a box in it, written where Python-Markdown keeps it in the item."""
        text = indented(self.blocks([(dedent(t, place.item or 0), n) for t, n in lines]), place.indent)
        return [*text, ("", text[-1][1])] if text else []

    # -- inside a line ---------------------------------------------------------------------------

    def scan_line(self, text: str, line: int, state: _State) -> str:
        """One line: comments removed, raw parts kept, code kept, the rest rewritten."""
        out: list[str] = []
        pos = 0
        while pos < len(text):
            if state.in_comment:
                # Obsidian's %%comments%% are the author's private notes: Obsidian never shows them
                # outside its editor, so they are not published (not even in the page's source).
                end = text.find("%%", pos)
                if end < 0:
                    break
                state.in_comment, pos = False, end + 2
                continue
            if state.in_html_comment:
                end = text.find(COMMENT_END, pos)
                out.append(text[pos:] if end < 0 else text[pos : end + len(COMMENT_END)])
                if end < 0:
                    break
                state.in_html_comment, pos = False, end + len(COMMENT_END)
                continue
            if state.in_raw:
                m = _ENDRAW_RE.search(text, pos)
                part = text[pos : m.start() if m else len(text)]
                out.append(
                    raw_html_text(part, at_start=not "".join(out))
                    if self.hexo_raw
                    else self.raw_markdown(part, line)
                )
                if not m:
                    break
                state.in_raw, pos = False, m.end()
                continue
            m = _SPECIAL_RE.search(text, pos)
            if m is None:
                out.append(self.inline(text[pos:], line, at_end=True))
                break
            out.append(self.inline(text[pos : m.start()], line, at_end=False))
            if m["ticks"]:
                close = re.compile(rf"(?<!`){m['ticks']}(?!`)").search(text, m.end())
                if close:
                    out.append(self.code_span(_RAW_MARK_RE.sub("", text[m.start() : close.end()])))
                    pos = close.end()
                else:
                    out.append(m["ticks"])
                    pos = m.end()
            elif m["comment"]:
                state.in_comment, state.opened_at, pos = True, line, m.end()
            elif m["math"] is not None:
                out.append(m.group(0))  # TeX: arithmatex reads it before links
                pos = m.end()
            elif m["html_comment"]:
                # Kept as written (the sanitiser removes it); an unclosed one is text to Markdown.
                out.append(m.group(0))
                pos = m.end()
                state.in_html_comment = COMMENT_END in text[pos:] or state.verbatim.comment_closes_after(
                    state.at
                )
            else:
                state.in_raw, state.opened_at, pos = True, line, m.end()
        return "".join(out)

    def raw_markdown(self, part: str, line: int) -> str:
        """A Jekyll ``{% raw %}`` part: Markdown, its links read (:meth:`markdown_links`), its code as written."""
        out, pos = [], 0
        for m in CODE_SPAN_RE.finditer(part):
            out += [self.markdown_links(part[pos : m.start()], line), m.group(0)]
            pos = m.end()
        return "".join([*out, self.markdown_links(part[pos:], line)])


def _text_after_fence(text: str, indent: int, *, in_item: bool) -> bool:
    """Whether ``text``, the line after a closing fence indented ``indent``, continues its block as text.

    ``in_item``: the fence is in the list item of the line before it.  After a blank line Python-Markdown
    keeps a line in the item only at four columns: a blank line before ``  text`` took it out of the
    list, and the next item (``- 乙``) became text of its paragraph.
    """
    if not text.strip():
        return False
    columns = len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip())
    return indent == 0 or (
        len(text) - len(text.lstrip()) >= indent
        and not _LIST_ITEM_RE.match(text)
        and (columns >= 4 or not in_item)
    )
