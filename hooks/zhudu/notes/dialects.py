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

Links between notes need the whole collection: :func:`rewrite` leaves a marker (``#zd-ref-N``,
a fragment link, harmless if never resolved) and :func:`resolve` replaces it once every note's
slug is known (``notes.load_corpus``).

Code is the author's text shown as written: nothing inside a fenced block or an inline code span
is rewritten, with one exception, ``{% raw %}`` markers in inline code, because Hexo and Jekyll
remove them before Markdown runs (the Hexo documentation writes ```{% raw %}{{ x }}{% endraw %}```
to show ``{{ x }}`` in code).
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from pymdownx.slugs import slugify

from zhudu.notes.folders import skipped as _skipped
from zhudu.notes.safety import EMBED_LABEL, safe_url

# --------------------------------------------------------------------------- Data

#: A fenced code block's opening line (any indentation: a fence in a list item is code too).
_FENCE_RE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")

#: A fence's info string the way Hexo writes it: ``` ```js Array.map https://… MDN ``` (language,
#: title, url, link text).  Python-Markdown's fences take ``key="value"`` options only, and read
#: a fence with anything else after the language as text.
_FENCE_INFO_RE = re.compile(
    r"""^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w#.+-]+)[ \t]+(?P<rest>[^`\s][^`]*?)[ \t]*$"""
)
_FENCE_OPTIONS_RE = re.compile(r"""^(?:[A-Za-z][\w-]*=(?:"[^"]*"|'[^']*'|\S+)[ \t]*)+$""")
#: What the line scanner stops at: an inline code span's backticks, an Obsidian comment's
#: ``%%``, a ``{% raw %}`` that shows the rest literally.
_SPECIAL_RE = re.compile(
    r"""(?<!\\)(?P<ticks>`+)
      | (?P<comment>%%)
      | (?P<raw>\{%-?[ \t]*raw[ \t]*-?%\})""",
    re.VERBOSE,
)
_ENDRAW_RE = re.compile(r"\{%-?[ \t]*endraw[ \t]*-?%\}")
_RAW_MARK_RE = re.compile(r"\{%-?[ \t]*(?:end)?raw[ \t]*-?%\}")

#: The inline constructs, in text outside code.
_INLINE_RE = re.compile(
    r"""(?P<embed>!)?\[\[(?P<wiki>[^\[\]\n]+?)\]\]
      | (?P<baseurl>\{\{[ \t]*site\.(?:baseurl|url)[ \t]*\}\})?
        \{%-?[ \t]*(?P<tag>[A-Za-z_][\w-]*)(?P<args>(?:[^%\n]|%(?!\}))*?)[ \t]*-?%\}
      | \{\{(?P<delim>[<%])[ \t]*(?P<close>/)?[ \t]*(?P<code>[A-Za-z_][\w./-]*)
        (?P<sargs>(?:[^\n>%]|[>%](?!\}\}))*?)[ \t]*[>%]\}\}""",
    re.VERBOSE,
)
#: A Markdown link to another note (``[x](other.md)``, ``[x](../posts/other.md)``) or to a page of
#: the author's own generated site (``[x](posts.html#a)``, ``[x](./front-matter)``,
#: ``[x](/docs/front-matter#Layout)``): a relative or site-absolute path to a note file, an
#: ``.html`` page or a path without an extension (``resolve.LinkIndex`` finds the note).
#: Only the target is matched: the link's text may hold code (``[`permalink`](variables.html)``).
_PAGE_LINK_RE = re.compile(
    r"""\]\((?P<path>(?![A-Za-z][A-Za-z0-9+.-]*:|//|[\#?<])[^\s()<>\#?]+)(?P<anchor>\#[^\s()<>]*)?\)""",
    re.VERBOSE,
)
_PAGE_SUFFIXES = frozenset({"", ".html", ".htm", ".md", ".markdown", ".txt"})
#: Tags that enclose lines: they must stand alone on their lines (``_BLOCK_TAG_RE``).
_BLOCK_TAGS = frozenset(
    {"codeblock", "code", "highlight", "blockquote", "quote", "pullquote", "note", "comment"}
)
#: An Obsidian block id at the end of a line: ``text ^abc123``.
_BLOCK_ID_RE = re.compile(r"(?:^|(?<=[ \t]))\^(?P<id>[A-Za-z0-9][A-Za-z0-9-]*)[ \t]*$")

#: ``> [!type]- Title``: an Obsidian callout (and a GitHub alert, ``> [!NOTE]``).
_CALLOUT_RE = re.compile(
    r"""^(?P<indent>[ ]{0,3})>[ \t]?\[!(?P<kind>[^\]\s]+)\](?P<fold>[+-]?)[ \t]*(?P<title>.*?)[ \t]*$""",
    re.VERBOSE,
)
_QUOTE_PREFIX_RE = re.compile(r"^[ ]{0,3}>[ ]?")

#: A block tag alone on its line: ``{% codeblock lang:js %}``, ``{{< highlight go >}}``.
_BLOCK_TAG_RE = re.compile(
    r"""^(?P<indent>[ \t]*)
        (?:\{%-?[ \t]*(?P<tag>codeblock|code|highlight|blockquote|quote|pullquote|note|comment)\b
           (?P<args>(?:[^%\n]|%(?!\}))*?)[ \t]*-?%\}
         | \{\{<[ \t]*(?P<shortcode>highlight)\b(?P<sargs>(?:[^\n>]|>(?!\}\}))*?)[ \t]*>\}\})
        [ \t]*$""",
    re.VERBOSE,
)
_END_TAG_RE = {
    name: re.compile(rf"^[ \t]*\{{%-?[ \t]*end{name}[ \t]*-?%\}}[ \t]*$")
    for name in ("codeblock", "code", "highlight", "blockquote", "quote", "pullquote", "note", "comment")
}
_END_SHORTCODE_RE = {"highlight": re.compile(r"^[ \t]*\{\{<[ \t]*/[ \t]*highlight[ \t]*>\}\}[ \t]*$")}

#: One argument of a tag: ``key="value"``, ``key=value``, a quoted string or a word.
_ARG_RE = re.compile(
    r"""(?P<key>[A-Za-z_][\w-]*)=(?:"(?P<kdq>[^"]*)"|'(?P<ksq>[^']*)'|(?P<kbare>\S+))
      | "(?P<dq>[^"]*)" | '(?P<sq>[^']*)' | (?P<bare>\S+)""",
    re.VERBOSE,
)
_ABSOLUTE_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_NUMBER_RE = re.compile(r"^\d+(?:%|px)?$")
_VIDEO_ID_RE = re.compile(r"^[\w-]{1,64}$")
#: Hexo's blockquote footer: ``author[, source] [url] [link title]`` (hexo/lib/plugins/tag/blockquote.js).
_CITE_FULL_RE = re.compile(r"^(?P<author>\S.*?)\s+(?P<url>https?://\S+)\s+(?P<title>.+)$")
_CITE_URL_RE = re.compile(r"^(?P<author>\S.*?)\s+(?P<url>https?://\S+)$")
_CITE_SOURCE_RE = re.compile(r"^(?P<author>[^,]+?)\s*,\s*(?P<source>.+)$")
#: Obsidian's image size suffix: ``![[a.png|300]]``, ``![[a.png|300x200]]``.
_SIZE_RE = re.compile(r"^\d+(?:x\d+)?$")
#: The marker :func:`rewrite` leaves for a link to another note, as a link or alone.
_REF_RE = re.compile(
    r"""\[(?P<text>(?:\\.|[^\\\[\]\n])*)\]\(\#zd-ref-(?P<n>\d+)\)
      | \#zd-ref-(?P<bare>\d+)\b""",
    re.VERBOSE,
)
#: Characters Markdown would read as syntax in a value put into the page as text.
_MD_SPECIAL_RE = re.compile(r"([\\`*_\[\]])")

#: Files Obsidian embeds as images (the body transforms decide which are published).
EMBED_IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".bmp"})

#: Obsidian's callout types (with their aliases) as Material's admonition types.
CALLOUT_TYPES = {
    "note": "note",
    "abstract": "abstract", "summary": "abstract", "tldr": "abstract",
    "info": "info", "todo": "info",
    "tip": "tip", "hint": "tip", "important": "tip",
    "success": "success", "check": "success", "done": "success",
    "question": "question", "help": "question", "faq": "question",
    "warning": "warning", "caution": "warning", "attention": "warning",
    "failure": "failure", "fail": "failure", "missing": "failure",
    "danger": "danger", "error": "danger",
    "bug": "bug", "example": "example", "quote": "quote", "cite": "quote",
}  # fmt: skip
#: Hexo's ``{% note class %}`` (NexT and the Hexo site's theme) as admonition types.
NOTE_TAG_TYPES = {
    "default": "note", "primary": "note", "info": "info", "success": "success", "tip": "tip",
    "warning": "warning", "warn": "warning", "danger": "danger",
}  # fmt: skip

UNKNOWN_TAG_LABEL = "无法显示的模板标签"
EMBED_NOTE_LABEL = "嵌入的笔记"
UNPUBLISHED_FILE_LABEL = "附件未发布"
MATH_BLOCK_LABEL = "数学公式（TeX 源码，未排版）"
MATH_INLINE_LABEL = "公式"


# --------------------------------------------------------------------------- Values


@dataclass(frozen=True)
class NoteRef:
    """A link to another note, waiting for the collection (:func:`resolve`)."""

    line: int  # in the author's file
    written: str  # as the author wrote it, for messages: ``[[题目#小节]]``
    target: str  # a note's file name, id or title; "" for the note itself
    anchor: str | None  # a heading's id, or ``^block``
    text: str | None  # the text the link shows; None: the target's title or the written target
    kind: str  # "link", "embed" (a labelled link) or "url" (the author's own link text)
    shown: str  # what the link shows when the target has no title to offer


@dataclass(frozen=True)
class LinkTarget:
    """What a link to a note needs from it: its page, its title, the heading or passage named."""

    slug: str
    title: str
    anchor: str | None = None


@dataclass
class Rewrite:
    """A body with the dialects' syntax rewritten."""

    lines: list[str]
    #: For each line of ``lines``, the line of the author's file it comes from.
    origin: list[int]
    refs: list[NoteRef] = field(default_factory=list)
    #: ``(line, message)``: what cannot be rendered as the tool shows it.
    findings: list[tuple[int, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The rewritten Markdown."""
        return "\n".join(self.lines)


@dataclass
class _State:
    """Where the scan stands between lines: inside a comment, or a ``{% raw %}`` part."""

    in_comment: bool = False
    in_raw: bool = False
    opened_at: int = 0  # the line the open comment or raw part started on


Line = tuple[str, int]  # text, line in the author's file


# --------------------------------------------------------------------------- Rewriting


def rewrite(
    text: str, *, first_line: int, note_dir: Path, note_name: str, root: Path | None = None
) -> Rewrite:
    """Rewrite every dialect construct of ``text`` outside code.

    Args:
        text: The note's Markdown after its front matter, LF line endings.
        first_line: Line number in the source file of ``text``'s first line.
        note_dir: The note's folder (images are looked up from there).
        note_name: The note's file name without extension (Hexo's asset folder has that name).
        root: The notes folder (Obsidian's vault: embeds are found anywhere in it); None: ``note_dir``.
    """
    writer = _Writer(note_dir=note_dir, note_name=note_name, root=root or note_dir)
    lines = [(line, first_line + i) for i, line in enumerate(text.split("\n"))]
    # A construct may become several lines (a figure): each keeps the line it came from.
    out = [(part, n) for text, n in writer.blocks(lines) for part in text.split("\n")]
    return Rewrite(
        lines=[t for t, _ in out], origin=[n for _, n in out], refs=writer.refs, findings=writer.findings
    )


@dataclass
class _Writer:
    note_dir: Path
    note_name: str
    root: Path
    refs: list[NoteRef] = field(default_factory=list)
    findings: list[tuple[int, str]] = field(default_factory=list)

    # -- blocks ----------------------------------------------------------------------------------

    def blocks(self, lines: Sequence[Line]) -> list[Line]:
        """Rewrite a run of lines (the note, or a callout's or a quote's inside)."""
        out: list[Line] = []
        state = _State()
        i = 0
        while i < len(lines):
            text, line = lines[i]
            if state.in_comment or state.in_raw:
                out.append((self.scan_line(text, line, state), line))
                i += 1
                continue
            if m := _FENCE_RE.match(text):
                end = _fence_end(lines, i, m["fence"])
                out.append((_fence_title(text), line))
                out.extend(lines[i + 1 : end + 1])  # code: as written
                i = end + 1
                continue
            if m := _CALLOUT_RE.match(text):
                end = i + 1
                while end < len(lines) and lines[end][0].lstrip().startswith(">"):
                    end += 1
                out.extend(self.callout(m, lines[i + 1 : end], line, state))
                i = end
                continue
            if m := _BLOCK_TAG_RE.match(text):
                name = m["tag"] or m["shortcode"]
                ends = _END_TAG_RE[name] if m["tag"] else _END_SHORTCODE_RE[name]
                end = next((j for j in range(i + 1, len(lines)) if ends.match(lines[j][0])), None)
                if end is not None:
                    out.extend(self.block_tag(m, lines[i + 1 : end], line, lines[end][1]))
                    i = end + 1
                    continue
                self.findings.append(
                    (
                        line,
                        f"{text.strip()}: the tag is never closed (no end{name} after it): shown as written",
                    )
                )
            out.append((self.scan_line(text, line, state), line))
            i += 1
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
        # Obsidian titles an untitled callout with its type, as written ("Faq", "Important").
        title = self.scan_line(m["title"], line, state) if m["title"] else written.capitalize()
        inner = self.blocks([(_QUOTE_PREFIX_RE.sub("", t, count=1), n) for t, n in body])
        return _admonition(m["indent"], marker, kind, title, inner, line)

    def block_tag(self, m: re.Match[str], inner: Sequence[Line], line: int, end_line: int) -> list[Line]:
        """A tag that encloses lines: code, a quote, a Hexo note, a Liquid comment."""
        indent, name = m["indent"], m["tag"] or m["shortcode"]
        args = (m["args"] if m["tag"] else m["sargs"]) or ""
        if name == "comment":
            # A Liquid comment is the author's, never shown by Jekyll: it stays out of the page.
            return [("", n) for _, n in inner]
        if name in ("codeblock", "code", "highlight"):
            return _code_block(indent, name, args, inner, line, end_line, hugo=not m["tag"])
        if name == "note":
            words = _words(args)
            kind = NOTE_TAG_TYPES.get(words[0].lower(), "note") if words else "note"
            rest = [w for w in words[1:] if w != "no-icon"]
            return _admonition(indent, "!!!", kind, " ".join(rest), self.blocks(inner), line)
        # blockquote, quote, pullquote: an HTML block, because two ">" quotes one blank line apart
        # would be read as one quote.
        kind = "zd-pullquote" if name == "pullquote" else "zd-quote"
        out: list[Line] = [
            ("", line),
            (f'{indent}<blockquote class="{kind}" markdown="1">', line),
            ("", line),
        ]
        out += self.blocks(inner)
        if name != "pullquote" and (footer := self.quote_footer(" ".join(_words(args)))):
            out += [("", end_line), (f"{indent}{footer}", end_line)]
        return [*out, ("", end_line), (f"{indent}</blockquote>", end_line), ("", end_line)]

    def quote_footer(self, args: str) -> str:
        """Hexo's blockquote attribution: ``— **author**, <cite>source</cite>``."""
        if not args.strip():
            return ""
        author, url, title = args.strip(), "", ""
        if m := _CITE_FULL_RE.match(author):
            author, url, title = m["author"], m["url"], m["title"]
        elif m := _CITE_URL_RE.match(author):
            author, url = m["author"], m["url"]
            title = re.sub(r"^https?://", "", url)
            title = title if len(title) <= 32 else title[:32] + "…"  # as Hexo shortens it
        elif m := _CITE_SOURCE_RE.match(author):
            author, title = m["author"], m["source"]
        footer = f"— **{_md_text(author)}**"
        if url and safe_url(url):
            footer += f", <cite>[{_md_text(title)}]({_md_url(url)})</cite>"
        elif title:
            footer += f", <cite>{_md_text(title)}</cite>"
        return footer

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
            if state.in_raw:
                m = _ENDRAW_RE.search(text, pos)
                out.append(text[pos : m.start() if m else len(text)])
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
                    out.append(_RAW_MARK_RE.sub("", text[m.start() : close.end()]))
                    pos = close.end()
                else:
                    out.append(m["ticks"])
                    pos = m.end()
            elif m["comment"]:
                state.in_comment, state.opened_at, pos = True, line, m.end()
            else:
                state.in_raw, state.opened_at, pos = True, line, m.end()
        return "".join(out)

    def inline(self, text: str, line: int, *, at_end: bool) -> str:
        """Text outside code: links, embeds, tags and shortcodes; a block id at the line's end."""
        if not text:
            return text
        text = _INLINE_RE.sub(
            lambda m: self.construct(m, line, whole=m.group(0).strip() == text.strip()), text
        )
        text = _PAGE_LINK_RE.sub(lambda m: self.page_link(m, line, text), text)
        if at_end and (m := _BLOCK_ID_RE.search(text)):
            # An Obsidian block id: not shown, an anchor ``[[note#^id]]`` links to.
            anchor = f'<span class="zd-block-anchor" id="^{escape(m["id"])}"></span>'
            text = text[: m.start()] + anchor
        return text

    def construct(self, m: re.Match[str], line: int, *, whole: bool) -> str:
        if m["wiki"] is not None:
            return self.wikilink(m["wiki"], line, embed=bool(m["embed"]), written=m.group(0))
        if m["tag"] is not None:
            return self.tag(m["tag"], m["args"] or "", line, m.group(0), whole=whole)
        return self.shortcode(
            m["code"], m["sargs"] or "", line, m.group(0), whole=whole, close=bool(m["close"])
        )

    def wikilink(self, inner: str, line: int, *, embed: bool, written: str) -> str:
        """``[[note#heading|text]]`` and ``![[file|alt]]``."""
        parts = re.split(r"\\?\|", inner)
        target, rest = parts[0].strip(), [p.strip() for p in parts[1:]]
        name, _, section = target.partition("#")
        name = name.strip()
        if embed and PurePosixPath(name).suffix.lower() in EMBED_IMAGE_SUFFIXES:
            alt = next((p for p in rest if p and not _SIZE_RE.match(p)), "")
            return f"![{_md_text(alt)}]({_md_url(self.find_file(name))})"
        if embed and PurePosixPath(name).suffix and PurePosixPath(name).suffix.lower() != ".md":
            return self.unpublished(written, name, line)
        section = section.strip()
        anchor = _anchor(section) if section else None
        shown = " > ".join(p for p in (name, section.lstrip("^")) if p) if not embed else name or section
        text = rest[0] if rest and rest[0] else None
        return self.ref(line, written, name, anchor, text, "embed" if embed else "link", shown)

    def page_link(self, m: re.Match[str], line: int, text: str) -> str:
        """``[text](sibling.html#anchor)``: the note of that name, or a dead link."""
        path = PurePosixPath(m["path"])
        opening = text.rfind("[", 0, m.start())
        if (
            path.suffix.lower() not in _PAGE_SUFFIXES
            or not path.name
            or (opening > 0 and text[opening - 1] == "!")
        ):
            return m.group(0)  # a file, or an image
        anchor = (m["anchor"] or "").lstrip("#") or None
        written = m["path"] + (m["anchor"] or "")
        return f"]({self.ref(line, written, m['path'], anchor, None, 'url', written)})"

    def ref(
        self,
        line: int,
        written: str,
        target: str,
        anchor: str | None,
        text: str | None,
        kind: str,
        shown: str,
    ) -> str:
        n = len(self.refs)
        target = target.strip()  # a name, a path of the notes folder or of the author's old site
        self.refs.append(NoteRef(line, written, target, anchor, text, kind, shown))
        if kind == "url":
            return f"#zd-ref-{n}"
        return f"[{_md_text(text or shown)}](#zd-ref-{n})"

    def tag(self, name: str, args: str, line: int, written: str, *, whole: bool) -> str:
        """A Hexo or Jekyll ``{% tag %}``."""
        words = _words(args)
        if name == "post_link" and words:
            text = " ".join(w for w in words[1:] if w not in ("true", "false")) or None
            return self.ref(line, written, words[0], None, text, "link", words[0])
        if name in ("post_url", "post_path") and words:
            return self.ref(line, written, words[0], None, None, "url", words[0])
        if name == "link" and len(words) == 1:  # Jekyll: {% link _posts/2016-07-26-name.md %}
            return self.ref(line, written, words[0], None, None, "url", words[0])
        if name == "link" and (url := next((w for w in words[1:] if _ABSOLUTE_URL_RE.match(w)), None)):
            text = " ".join(words[: words.index(url)])  # Hexo: {% link text url [external] [title] %}
            if safe_url(url):
                return f"[{_md_text(text)}]({_md_url(url)})"
        if name in ("asset_img", "img") and (image := self.tag_image(name, words)):
            return image
        if name in ("youtube", "vimeo", "gist", "jsfiddle", "iframe") and (url := _embed_url(name, words)):
            return _embed(url)
        if name in ("asset_link", "asset_path") and words:
            return self.unpublished(written, words[0], line)
        if name in _BLOCK_TAGS or name.removeprefix("end") in _BLOCK_TAGS:
            # Known, but not where it can enclose lines (``_BLOCK_TAG_RE``); an unclosed one is
            # reported where it opens (``blocks``).
            report = name in _BLOCK_TAGS and whole is False
            if report:
                self.findings.append(
                    (
                        line,
                        f"{written}: a {{% {name} %}} tag must stand alone on its line, with "
                        f"{{% end{name} %}} alone on a later line: shown as written, labelled",
                    )
                )
            return self.unknown(written, line, report=False, whole=whole)
        return self.unknown(written, line, report=not name.startswith("end"), whole=whole)

    def tag_image(self, name: str, words: list[str]) -> str | None:
        """``{% asset_img [class] file [width] [height] [title [alt]] %}`` and ``{% img … %}``."""
        at = next(
            (
                i
                for i, w in enumerate(words)
                if PurePosixPath(w).suffix.lower() in EMBED_IMAGE_SUFFIXES
                or "/" in w
                or _ABSOLUTE_URL_RE.match(w)
            ),
            None,
        )
        if at is None:
            return None
        src, rest = words[at], [w for w in words[at + 1 :] if not _NUMBER_RE.match(w)]
        title = rest[0] if rest else ""
        alt = rest[1] if len(rest) > 1 else title
        if name == "asset_img":
            src = self.find_asset(src)
        return _image(src, alt, title)

    def shortcode(self, name: str, args: str, line: int, written: str, *, whole: bool, close: bool) -> str:
        """A Hugo ``{{< shortcode >}}`` (or ``{{% shortcode %}}``)."""
        positional, named = _params(args)
        first = positional[0] if positional else ""
        if close:
            return self.unknown(written, line, report=False, whole=whole)
        if name in ("ref", "relref") and (path := named.get("path", first)):
            page, _, anchor = path.partition("#")
            return self.ref(line, written, page, anchor or None, None, "url", path)
        if name == "figure" and (src := named.get("src")):
            src = src.lstrip("/") if src.startswith("/") and not src.startswith("//") else src
            alt = named.get("alt") or named.get("title") or named.get("caption") or ""
            caption = " ".join(v for v in (named.get("title"), named.get("caption")) if v)
            image = _image(src, alt, "")
            if not whole or not caption:
                return image
            return (
                f'\n<figure class="zd-figure" markdown="1">\n\n{image}\n\n'
                f'<figcaption markdown="span">{_md_text(caption)}</figcaption>\n</figure>\n'
            )
        video = named.get("id", first)
        if name in ("youtube", "vimeo") and (url := _embed_url(name, [video])):
            return _embed(url)
        post = named.get("id", positional[1] if len(positional) > 1 else "")
        user = named.get("user", first)
        if name in ("tweet", "x") and _VIDEO_ID_RE.match(user) and post.isdigit():
            return _embed(f"https://x.com/{user}/status/{post}")
        if name == "gist" and len(positional) >= 2 and all(_VIDEO_ID_RE.match(p) for p in positional[:2]):
            return _embed(f"https://gist.github.com/{positional[0]}/{positional[1]}")
        return self.unknown(written, line, report=True, whole=whole)

    # -- files -----------------------------------------------------------------------------------

    def find_file(self, name: str) -> str:
        """An Obsidian embed's path from the note's folder: as written, or the file of that name.

        Obsidian finds an embedded file by its name anywhere in the vault (``![[a.png]]`` shows
        ``attachments/a.png``); the notes folder is the vault here.  Not found: the name as
        written (the body transforms show it as a missing image).
        """
        if (self.note_dir / name).exists():
            return name
        base = glob.escape(PurePosixPath(name).name)  # a name, not a pattern ("[1].png")
        try:
            # The shortest path, then in name order: the same file whatever the folder listing's order.
            found = min(
                (p for p in self.root.rglob(base) if p.is_file() and not _skipped(p.relative_to(self.root))),
                key=lambda p: (len(p.parts), p.as_posix()),
                default=None,
            )
        except (OSError, ValueError):
            found = None
        return os.path.relpath(found, self.note_dir).replace(os.sep, "/") if found else name

    def find_asset(self, name: str) -> str:
        """A Hexo asset: in the folder named like the post (``post_asset_folder``), or beside it."""
        if "/" not in name and not (self.note_dir / name).exists():
            return f"{self.note_name}/{name}"
        return name

    # -- what cannot be shown --------------------------------------------------------------------

    def unknown(self, written: str, line: int, *, report: bool, whole: bool) -> str:
        """A tag this site cannot render: set apart and labelled, its text shown as code."""
        if report:
            self.findings.append(
                (line, f"{written}: a template tag this site cannot render: shown as written, labelled")
            )
        html = (
            f'<span class="zd-unknown-tag"><span class="zd-unknown-tag__label">{UNKNOWN_TAG_LABEL}</span> '
            f"<code>{escape(written)}</code></span>"
        )
        return html

    def unpublished(self, written: str, name: str, line: int) -> str:
        """A file that is not an image: the site publishes only a note's images."""
        self.findings.append(
            (
                line,
                f"{written}: {name} is not an image, and only images are published with a note: "
                "labelled instead; link to the file where it is published",
            )
        )
        return (
            f'<span class="zd-unpublished"><span class="zd-unpublished__label">{UNPUBLISHED_FILE_LABEL}</span> '
            f"<code>{escape(name)}</code></span>"
        )


def _fence_end(lines: Sequence[Line], start: int, fence: str) -> int:
    """The index of the line closing the fence opened at ``start`` (the last line if none does)."""
    char, size = fence[0], len(fence)
    for j in range(start + 1, len(lines)):
        stripped = lines[j][0].strip()
        if stripped.startswith(char * size) and not stripped.strip(char):
            return j
    return len(lines) - 1


def _fence_title(text: str) -> str:
    """A fence's opening line, Hexo's ``lang title [url] [link text]`` made ``lang title="title"``."""
    m = _FENCE_INFO_RE.match(text)
    if m is None or _FENCE_OPTIONS_RE.match(m["rest"]):
        return text
    words = m["rest"].split()
    url_at = next((i for i, w in enumerate(words) if _ABSOLUTE_URL_RE.match(w)), len(words))
    title = " ".join(words[:url_at]).replace('"', "'")
    return f"{m['indent']}{m['fence']}{m['lang']}" + (f' title="{title}"' if title else "")


def _admonition(
    indent: str, marker: str, kind: str, title: str, inner: Sequence[Line], line: int
) -> list[Line]:
    """A Material admonition (``!!!``), or a collapsible one (``???``), of ``inner``."""
    head = f'{indent}{marker} {kind} "{title}"'
    last = inner[-1][1] if inner else line
    body = [(f"{indent}    {t}" if t.strip() else "", n) for t, n in inner]
    return [("", line), (head, line), *body, ("", last)]


def _code_block(
    indent: str, name: str, args: str, inner: Sequence[Line], line: int, end_line: int, *, hugo: bool
) -> list[Line]:
    """``{% codeblock %}``, Jekyll's ``{% highlight %}`` and Hugo's ``{{< highlight >}}`` as a fence."""
    lang, options, link = "", [], ""
    if hugo:
        positional, _ = _params(args)
        lang = positional[0] if positional else ""
        settings = dict(
            item.split("=", 1)
            for item in (positional[1] if len(positional) > 1 else "").split(",")
            if "=" in item
        )
        if "linenos" in settings:
            options.append(f'linenums="{settings.get("linenostart", "1")}"')
        if "hl_lines" in settings:
            options.append(f'hl_lines="{settings["hl_lines"]}"')
    elif name == "highlight":  # Jekyll: {% highlight ruby linenos %}
        words = _words(args)
        lang = words[0] if words else ""
        if "linenos" in words[1:]:
            options.append('linenums="1"')
    else:  # Hexo: {% codeblock [title] [lang:language] [url] [link text] [option:value…] %}
        words, rest = _words(args), []
        for w in words:
            key, _, value = w.partition(":")
            if key == "lang" and value:
                lang = value
            elif key == "first_line" and value.isdigit():
                options.append(f'linenums="{value}"')
            elif key in ("line_number", "line_threshold", "highlight", "mark", "wrap") and value:
                continue
            else:
                rest.append(w)
        url_at = next((i for i, w in enumerate(rest) if re.match(r"^https?://", w)), None)
        title = " ".join(rest[:url_at] if url_at is not None else rest)
        if url_at is not None and safe_url(rest[url_at]):
            link = f"[{_md_text(' '.join(rest[url_at + 1 :]) or 'link')}]({_md_url(rest[url_at])})"
        if title:
            options.append('title="{}"'.format(title.replace('"', "'")))
    lang = re.sub(r"[^\w#.+-]", "", lang)
    longest = max((len(run) for t, _ in inner for run in re.findall(r"`+", t)), default=0)
    fence = "`" * max(3, longest + 1)
    head = f"{indent}{fence}{lang}" + (" " + " ".join(options) if options else "")
    out: list[Line] = [("", line), (head, line), *inner, (f"{indent}{fence}", end_line)]
    if link:
        out += [("", end_line), (f"{indent}{link}", end_line)]
    return [*out, ("", end_line)]


def _embed(url: str) -> str:
    """What an embedded player or page is shown as: the labelled link ``safety.embed_html`` draws.

    Written as Markdown (an autolink in a span), because Markdown would link the URL a second
    time inside raw HTML's ``<a>``; it renders to the same markup.
    """
    return f'<span class="zd-embed">{EMBED_LABEL}：<{url}></span>'


def _image(src: str, alt: str, title: str) -> str:
    """Markdown for an image (the body transforms check and publish it)."""
    title_part = ' "{}"'.format(title.replace('"', "'")) if title else ""
    return f"![{_md_text(alt)}]({_md_url(src)}{title_part})"


def _embed_url(name: str, words: list[str]) -> str | None:
    """The page a Hexo or Hugo embed shows, or None when its arguments name none."""
    first = words[0] if words else ""
    if name == "iframe":
        return first if _ABSOLUTE_URL_RE.match(first) and safe_url(first) else None
    if not _VIDEO_ID_RE.match(first):
        return None
    if name == "youtube":
        if len(words) > 1 and words[1] == "playlist":
            return f"https://www.youtube.com/playlist?list={first}"
        return f"https://www.youtube.com/watch?v={first}"
    if name == "vimeo":
        return f"https://vimeo.com/{first}"
    if name == "gist":
        return f"https://gist.github.com/{first}"
    if name == "jsfiddle":
        return f"https://jsfiddle.net/{first}/"
    return None


def _words(args: str) -> list[str]:
    """A Liquid tag's arguments: words and quoted strings (quotes removed)."""
    return [
        next(v for v in (m["dq"], m["sq"], m["bare"]) if v is not None) if m["key"] is None else m.group(0)
        for m in _ARG_RE.finditer(args)
    ]


def _params(args: str) -> tuple[list[str], dict[str, str]]:
    """A shortcode's positional and named (``key="value"``) arguments."""
    positional: list[str] = []
    named: dict[str, str] = {}
    for m in _ARG_RE.finditer(args):
        if m["key"] is not None:
            named[m["key"]] = next(v for v in (m["kdq"], m["ksq"], m["kbare"]) if v is not None)
        else:
            positional.append(next(v for v in (m["dq"], m["sq"], m["bare"]) if v is not None))
    return positional, named


def _anchor(section: str) -> str:
    """A heading's id as the table of contents makes it, or a block's (``^id``) as written."""
    if section.startswith("^"):
        return section
    return _SLUGIFY(section, "-")


_SLUGIFY = slugify(case="lower")


def _md_text(value: str) -> str:
    """``value`` as text in Markdown: HTML escaped, Markdown's own characters escaped."""
    return _MD_SPECIAL_RE.sub(r"\\\1", escape(value, quote=False))


#: ``_md_text`` for other modules (section pages).
md_text = _md_text


def _md_url(url: str) -> str:
    """``url`` as a Markdown link target (``<…>`` allows spaces)."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">"


# --------------------------------------------------------------------------- Links between notes


def resolve(
    markdown: str,
    refs: Sequence[NoteRef],
    find: Callable[[NoteRef], LinkTarget | None],
    site_page: Callable[[NoteRef], bool] = lambda ref: False,
) -> tuple[str, list[NoteRef]]:
    """Replace the link markers :func:`rewrite` left with links to the notes they name.

    Args:
        markdown: A note's Markdown after the body transforms.
        refs: The note's ``Rewrite.refs``.
        find: The note a reference names (``resolve.LinkIndex``), with the anchor on its page, or None.
        site_page: Whether a link no note answers names a page of the site itself (``docs/about.md``):
            kept as written, for MkDocs to resolve.

    Returns:
        The Markdown, and the references no note answers (shown as text marked as a dead link).
    """
    dead: list[NoteRef] = []

    def replace(m: re.Match[str]) -> str:
        n = int(m["n"] or m["bare"])
        if n >= len(refs):
            return m.group(0)
        ref = refs[n]
        target = find(ref) if ref.target else LinkTarget(slug="", title="", anchor=ref.anchor)
        if target is None and ref.kind == "url" and site_page(ref):
            return ref.shown if m["bare"] is not None else f"[{m['text']}]({ref.shown})"
        if target is None:
            dead.append(ref)
        url = (f"../{quote(target.slug)}/" if target.slug else "") if target else ""
        if target and target.anchor:
            url += "#" + quote(target.anchor, safe="^-_")
        if m["bare"] is not None:
            return url or "#"
        if ref.kind == "url":
            text = m["text"]  # the author's own link text, Markdown as written
        else:
            text = _md_text(ref.text or (target.title if target and target.title else ref.shown))
        if target is None:
            link = f'<span class="zd-deadlink" title="{escape(ref.target)}">{text}</span>'
        else:
            link = f"[{text}]({url or '#'})"
        if ref.kind == "embed":
            return f'<span class="zd-note-embed"><span class="zd-note-embed__label">{EMBED_NOTE_LABEL}</span> {link}</span>'
        return link

    return _REF_RE.sub(replace, markdown), dead


def dead_link_message(ref: NoteRef) -> str:
    """What a warning says of a link no note answers."""
    return (
        f"{ref.written}: no note in the collection has the file name, path, title, alias, slug or "
        f"permalink {ref.target!r}: shown as text marked as a dead link; fix the link, or add the note"
    )


# --------------------------------------------------------------------------- Math


class _MathSource(Treeprocessor):
    """``pymdownx.arithmatex``'s output, labelled as TeX source.

    No renderer is among the pinned dependencies, and MathJax or KaTeX from a CDN would make every
    reader's browser contact another host: the formula is shown as its TeX, set apart in code and
    labelled as math.  Runs after the inline patterns (20) and before the safety tree (7).
    """

    def run(self, root: object) -> None:
        for el in list(root.iter()):  # type: ignore[attr-defined]
            classes = (el.get("class") or "").split()
            if "arithmatex" not in classes or "zd-math" in classes:
                continue
            tex = el.text or ""
            block = el.tag == "div"
            tex = re.sub(r"^\\[\[(]\s*|\s*\\[\])]$", "", tex.strip())
            el.text = None
            el.set("class", "arithmatex zd-math " + ("zd-math--block" if block else "zd-math--inline"))
            label = el.makeelement("span", {"class": "zd-math__label"})
            label.text = MATH_BLOCK_LABEL if block else MATH_INLINE_LABEL
            label.tail = " "
            code = el.makeelement("code", {"class": "zd-math__tex"})
            code.text = AtomicString(tex)
            if block:
                pre = el.makeelement("pre", {"class": "zd-math__source"})
                pre.append(code)
                el.extend([label, pre])
            else:
                el.extend([label, code])


class MathSourceExtension(Extension):
    """Registers :class:`_MathSource` (the hook adds it in ``on_config``)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_MathSource(md), "zd-math-source", 15)
