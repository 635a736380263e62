"""A note is untrusted input: its HTML is made as safe as a web page a browser would isolate.

Notes come from clippers, generators and other people's tools, and the site is one origin:
a ``<script>``, an ``onclick``, a ``javascript:`` link or an ``<iframe>`` in a note would run in,
or load into, every page of the site.  This module decides what of a note's HTML is published:

* :func:`safe_url`: the allow-list of URL schemes (http, https, mailto; relative URLs and
  fragments) every URL the build writes from a note must pass;
* :class:`Sanitizer`: the author's raw HTML through `nh3 <https://nh3.readthedocs.io>`_ (Rust's
  ammonia, an HTML5 parser and a maintained sanitiser) with an allow-list of tags and attributes,
  extended by ``extra.zhudu.raw_html_allow`` (``RawHtmlAllow``);
* :class:`SafetyExtension`: a Python-Markdown extension applying both to note pages only (the
  site's own pages and the editor's data are trusted), and reporting what it removed as warnings
  naming ``file:line``, so ``mkdocs build --strict`` fails.

Third-party requests are part of it: a reader opening a note contacts the site only.  An
``<iframe>``/``<embed>``/``<object>`` becomes a labelled link to its URL; a remote raw ``<img>``
becomes the remote-image link Markdown images get (:func:`remote_image_html`); a
``<pre class="mermaid">`` is shown as its source, because Material would fetch mermaid.js from a CDN.

Design: where the HTML is cleaned.  Two ways were measured.  Sanitising the whole rendered note
with nh3 (2–4 ms a page) re-serialises everything: on the repository's three notes it changed every
page, dropping Zhudu's own markup (the ``<button>`` of theme markers and editor's notes, ``rel`` of
external links) and rewriting ``<br />``, attribute order and entities; every piece of markup Zhudu,
Pygments and the emoji extension emit would need a place in the allow-list, and stay in step with it.
Python-Markdown instead keeps every piece of raw HTML it meets in one place, ``md.htmlStash``:
block HTML (``html_block``, md_in_html's) and inline tags (the ``html`` inline pattern) are stored
there before the Markdown is parsed and put back only by the ``raw_html`` postprocessor.  So this
extension cleans exactly the author's pieces, as they are stored, and nothing else:

- the stash entries ``html_block`` adds (strings, and the elements md_in_html makes of
  ``markdown="1"`` blocks, whose tags and attributes are checked as they are stashed);
- each inline tag the ``html`` pattern stores (one tag at a time: ``<span onclick=…>``);
- the elements Markdown syntax makes (links, images, ``{attr=…}`` of attr_list), by a tree
  processor after attr_list (8) and before Zhudu's own (passages 5, toc 5, editor's notes 4,
  glossary 3): passage anchors, permalinks, glossary marks and editor's-note markers are added
  after it and never judged; code blocks and emoji SVGs are stashed by their extensions, not
  by ``html_block``, and are never touched.
- the inline tags it stashed, in the tree after the inline patterns: one its paragraph leaves open is
  closed where the paragraph ends, or a browser would carry it into every paragraph after (``notes/open_inline.py``);
- the rendered note as a whole, raw HTML put back (a postprocessor after ``raw_html``): judged a piece at
  a time, a lone ``</div>`` is allowed, yet on the page it closes the template's containers, so an HTML5
  parser reads the note inside them and an end tag that would escape is removed (``notes/containment.py``).

The markup ``body`` writes into a note's Markdown (wrappers, thread posts, image placeholders) and
the hook's problem notice travel the same way as the author's raw HTML; they are on the allow-list,
so they come out byte for byte.

A piece that is already clean keeps its bytes, so a note without hostile HTML renders exactly as
before.  "Clean" is decided twice: by Python's ``html.parser`` (every tag and attribute on the
allow-list, no comment, no declaration) and by nh3, whose own reading must find the same tags with
the same attributes (a piece the two parsers read differently is never kept as written).  Anything
else is replaced by nh3's output, which is what the browser gets.
"""

from __future__ import annotations

import html as html_lib
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.inlinepatterns import HtmlInlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE
from mkdocs.plugins import get_plugin_logger

from zhudu.notes import containment, open_inline
from zhudu.notes.fence_attrs import FenceAttributes

# The judging itself lives in ``sanitizer``; its public names are this module's too.
from zhudu.notes.sanitizer import DIAGRAM_LABEL as DIAGRAM_LABEL
from zhudu.notes.sanitizer import DIAGRAM_WARNING, unsafe_image_html, unsafe_image_message
from zhudu.notes.sanitizer import EMBED_LABEL as EMBED_LABEL
from zhudu.notes.sanitizer import URL_SCHEMES as URL_SCHEMES
from zhudu.notes.sanitizer import Finding as Finding
from zhudu.notes.sanitizer import RawHtmlAllow as RawHtmlAllow
from zhudu.notes.sanitizer import Sanitizer as Sanitizer
from zhudu.notes.sanitizer import embed_html as embed_html
from zhudu.notes.sanitizer import is_remote as is_remote
from zhudu.notes.sanitizer import parse_allow as parse_allow
from zhudu.notes.sanitizer import remote_image_html as remote_image_html
from zhudu.notes.sanitizer import safe_url as safe_url
from zhudu.notes.stray_lines import stray_end_tag_lines

log = get_plugin_logger("zhudu")
#: md_in_html's ``markdown="1"`` on a start tag read as inline HTML: a box written as HTML in a list item
#: or a box (indented, so not block HTML), whose inside Markdown reads anyway.  md_in_html only removes
#: it from the block HTML it reads; here nothing would, and the page would show it.
_MARKDOWN_ATTR_RE = re.compile(
    r"""\A(<[A-Za-z][^<>]*?)\s+markdown=(?:"(?:1|block|span)"|'(?:1|block|span)'|1)(?=[\s/>])"""
)

#: An inline ``<script>``/``<style>`` start tag: its content is code, removed with it.
_CODE_START_RE = re.compile(r"<(script|style)[\s>/]", re.IGNORECASE)
#: A paragraph left with nothing in it.
_EMPTY_P_RE = re.compile(r"<p>\s*</p>", re.IGNORECASE)

# --------------------------------------------------------------------------- Markdown extension


class _MarkStash(Preprocessor):
    """Remembers where the stash stood before ``html_block`` adds the author's block HTML."""

    def __init__(self, md: Markdown, ext: SafetyExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        self.ext.stash_start = len(self.md.htmlStash.rawHtmlBlocks)
        return lines


class _CleanBlocks(Preprocessor):
    """Cleans what ``html_block`` stashed: the author's block HTML (strings and md_in_html's elements)."""

    def __init__(self, md: Markdown, ext: SafetyExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        if self.ext.active:
            blocks = self.md.htmlStash.rawHtmlBlocks
            emptied = set()
            for i in range(self.ext.stash_start, len(blocks)):
                written, blocks[i] = blocks[i], self.ext.clean_entry(blocks[i], self.md)
                if (
                    isinstance(blocks[i], str)
                    and blocks[i] != written
                    and not _EMPTY_P_RE.sub("", blocks[i]).strip()
                ):
                    blocks[i] = (
                        ""  # a <p> that held only what was removed (a <script>): no empty paragraph's gap
                    )
                    emptied.add(self.md.htmlStash.get_placeholder(i))
            # A block that cleaning left empty (an HTML comment between paragraphs) would be an empty
            # <p> on the page, an extra paragraph's gap: its line goes with it.
            lines = [line for line in lines if line.strip() not in emptied] if emptied else lines
        return lines


class _SafeInlineHtml(HtmlInlineProcessor):
    """Markdown's inline raw-HTML pattern, cleaning each tag as it is stashed."""

    def __init__(self, pattern: str, md: Markdown, ext: SafetyExtension) -> None:
        super().__init__(pattern, md)
        self.ext = ext

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:  # type: ignore[override]
        placeholder, start, end = super().handleMatch(m, data)
        if self.ext.active:
            blocks = self.md.htmlStash.rawHtmlBlocks
            code = _CODE_START_RE.match(m.group(0))
            if code and (close := re.compile(rf"</{code[1]}\s*>", re.IGNORECASE).search(data, end)):
                # A <script> in a paragraph: its code goes with it, not left as the paragraph's text.
                blocks[-1], end = data[start : close.end()], close.end()
            entry = self.ext.clean_entry(blocks[-1], self.md)
            blocks[-1] = _MARKDOWN_ATTR_RE.sub(r"\1", entry) if isinstance(entry, str) else entry
        return placeholder, start, end


class _SafetyTreeprocessor(Treeprocessor):
    """A tree processor of the extension (``ext``: whether the page is a note's, where to report)."""

    def __init__(self, md: Markdown, ext: SafetyExtension) -> None:
        super().__init__(md)
        self.ext = ext


class _CleanTree(_SafetyTreeprocessor):
    """Links, images and attributes Markdown syntax made (``[x](url)``, ``![](url)``, ``{attr=…}``)."""

    def run(self, root: etree.Element) -> None:
        if not self.ext.active:
            return
        _drop_emptied_paragraphs(root, self.md.htmlStash.rawHtmlBlocks)
        san, findings = self.ext.sanitizer, []
        # Deepest first: an element a link is unwrapped from has been judged under the link already.
        for parent in reversed(list(root.iter())):
            for index, el in reversed(list(enumerate(parent))):
                if not isinstance(el.tag, str):
                    continue
                href, src = el.get("href"), el.get("src")
                if el.tag == "a" and href is not None and not safe_url(html_lib.unescape(href)):
                    findings.append(
                        Finding(
                            (f"]({href}", f"]: {href}", f"<{href}>", href),
                            f"link to {href!r}: only http, https, mailto and relative URLs are allowed: the link is dropped, its text kept",
                        )
                    )
                    _unwrap(parent, index, el)
                    continue
                if el.tag == "img" and src is not None:
                    url = html_lib.unescape(src)
                    if "twemoji" in (el.get("class") or "").split() and is_remote(url):
                        # An emoji drawn from a CDN: the character itself, which every system shows.
                        _replace_with_text(parent, index, el, el.get("alt") or "")
                        continue
                    if not safe_url(url):
                        alt = el.get("alt") or ""
                        message = unsafe_image_message(src, alt, raw=False)
                        findings.append(Finding((f"]({src}", f"]: {src}", src), message))
                        shown = alt or self.md.htmlStash.store(unsafe_image_html(""))
                        _replace_with_text(parent, index, el, shown)
                        continue
                    if is_remote(url):
                        holder = self.md.htmlStash.store(remote_image_html(el.get("alt") or "", url))
                        _replace_with_text(parent, index, el, holder)
                        continue
                if el.tag == "pre" and "mermaid" in (el.get("class") or "").split():
                    findings.append(Finding("mermaid", DIAGRAM_WARNING))
                    el.set(
                        "class",
                        " ".join(["zd-diagram"] + [n for n in el.get("class", "").split() if n != "mermaid"]),
                    )
                    label = etree.Element("p", {"class": "zd-diagram__label"})
                    label.text = DIAGRAM_LABEL
                    parent.insert(index, label)
                findings.extend(san.clean_attributes(el, tree=True))
        self.ext.report(findings)


class _CloseInline(_SafetyTreeprocessor):
    """An inline tag of the author's left open in its paragraph, closed where the paragraph ends (``open_inline``)."""

    def run(self, root: etree.Element) -> None:
        if not self.ext.active:
            return
        stash = self.md.htmlStash
        closed = open_inline.close_open_inline(root, stash.rawHtmlBlocks, stash.store, self.md.is_block_level)
        if not closed:
            return
        written = open_inline.source_lines(self.ext.source_lines())
        findings = []
        for tag in closed:
            lines = written.get(tag.name, [])
            line = lines[tag.nth] if tag.nth < len(lines) else 0
            findings.append(Finding(f"<{tag.name}", open_inline.message(tag.name, line), line=line))
        self.ext.report(findings)


class _Contain(Postprocessor):
    """The rendered note, raw HTML put back: no end tag of it may close the page around it (``containment``)."""

    def __init__(self, md: Markdown, ext: SafetyExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, text: str) -> str:
        if not self.ext.active:
            return text
        contained, removed, reread = containment.contain(text)
        # The n-th stray </div> of the render is the n-th of the source: its line, not the first holding </div>.
        source_strays = stray_end_tag_lines(self.ext.source_lines()) if removed else {}
        seen: dict[str, int] = {}
        findings = []
        for stray in removed:
            nth = seen[stray.tag] = seen.get(stray.tag, -1) + 1
            lines = source_strays.get(stray.tag.lower(), [])
            findings.append(
                Finding(
                    stray.text,
                    f"{stray.text} would close the page around the note (an element the note did not open): "
                    "removed; delete it, or write the start tag it belongs to",
                    line=lines[nth] if nth < len(lines) else self.ext.copy_line(stray.text),
                )
            )
        if reread:
            findings.append(
                Finding(
                    f"</{removed[-1].tag}" if removed else "</",
                    f"more than {containment.MAX_REMOVED} end tags close the page around the note: "
                    "its HTML is published as an HTML parser reads it alone (end tags closing nothing dropped)",
                )
            )
        if still_open := containment.left_open(contained):
            # Closed where the note ends: what follows on the page (its panels, the footer) stays outside.
            contained += "".join(f"</{tag}>" for tag in still_open)
            written = "\n".join(self.ext.source_lines()).lower()  # a list Markdown made closes with its item
            findings += [
                Finding(
                    f"<{tag}",
                    f"<{tag}> is never closed: the rest of the page would have been laid out inside it; "
                    f"closed at the note's end; write </{tag}> where it ends",
                )
                for tag in dict.fromkeys(still_open)
                if re.search(rf"<{tag}[\s>/]", written)
            ]
        self.ext.report(findings)
        return contained


def _unwrap(parent: etree.Element, index: int, el: etree.Element) -> None:
    """Put ``el``'s text and children in its place."""
    children = list(el)
    lead = el.text or ""
    tail = el.tail or ""
    parent.remove(el)
    if index == 0:
        parent.text = (parent.text or "") + lead
    else:
        prev = parent[index - 1]
        prev.tail = (prev.tail or "") + lead
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    last = children[-1] if children else None
    if last is not None:
        last.tail = (last.tail or "") + tail
    elif index == 0:
        parent.text = (parent.text or "") + tail
    else:
        prev = parent[index - 1]
        prev.tail = (prev.tail or "") + tail


def _drop_emptied_paragraphs(root: etree.Element, blocks: list[Any]) -> None:
    """A paragraph whose raw HTML was all removed (a lone ``<base>``, ``<meta>``): gone, not an empty ``<p>``'s gap."""

    def removed(m: re.Match[str]) -> str:
        entry = blocks[int(m[1])]
        return "" if isinstance(entry, str) and not entry.strip() else m[0]

    for parent in list(root.iter()):
        for p in [
            el for el in parent if el.tag == "p" and not len(el) and HTML_PLACEHOLDER_RE.search(el.text or "")
        ]:
            if not HTML_PLACEHOLDER_RE.sub(removed, p.text or "").strip() and not (p.tail or "").strip():
                parent.remove(p)


def _replace_with_text(parent: etree.Element, index: int, el: etree.Element, text: str) -> None:
    el.text = text
    for child in list(el):
        el.remove(child)
    _unwrap(parent, index, el)


class SafetyExtension(Extension):
    """Cleans a note page's raw HTML and Markdown-made URLs; other pages pass untouched.

    ``begin(note)`` before each page (``on_page_markdown``): the note whose page is rendered next,
    or ``None`` for the site's own pages.
    """

    def __init__(self, allow: Iterable[str] = ()) -> None:
        super().__init__()
        self.sanitizer = Sanitizer(allow)
        self.note: Any = None
        self.stash_start = 0
        self._source: list[str] | None = None
        self._from: dict[str, int] = {}
        self._copy_seen: dict[str, int] = {}
        #: The warnings of the page rendered last (``file:line: message``): shown on it under serve.
        self.last_warnings: list[str] = []

    @property
    def active(self) -> bool:
        """Whether the page being rendered is a note's."""
        return self.note is not None

    def begin(self, note: Any) -> None:
        """The page rendered next is ``note``'s (a ``notes.Note``), or not a note's (``None``)."""
        self.note, self._source, self._from, self.last_warnings = note, None, {}, []
        self._copy_seen = {}

    def extendMarkdown(self, md: Markdown) -> None:
        """Register before superfences (25), around ``html_block`` (20), over ``html`` (90), at 7.8 and 7 in the tree, 29 after."""
        fences = FenceAttributes(md, self.sanitizer, lambda: self.active, self.report)
        md.preprocessors.register(fences, "zd-safety-fences", 26)
        md.preprocessors.register(_MarkStash(md, self), "zd-safety-mark", 20.5)
        md.preprocessors.register(_CleanBlocks(md, self), "zd-safety-blocks", 19.5)
        old = md.inlinePatterns["html"]
        md.inlinePatterns.register(
            _SafeInlineHtml(getattr(old.pattern, "pattern", old.pattern), md, self), "html", 90
        )
        # After attr_list (8): a paragraph's ``{: .x}`` is read at its end, where a tag left open is closed.
        md.treeprocessors.register(_CloseInline(md, self), "zd-safety-inline", 7.8)
        md.treeprocessors.register(_CleanTree(md, self), "zd-safety", 7)
        md.postprocessors.register(_Contain(md, self), "zd-safety-contain", 29)  # after raw_html (30)

    def clean_entry(self, entry: Any, md: Markdown) -> Any:
        """One stash entry (a string, or md_in_html's element), cleaned; findings reported."""
        if isinstance(entry, etree.Element):
            self.report(self.sanitizer.clean_element(entry, md.htmlStash), context=f"<{entry.tag}")
            return entry
        cleaned, findings = self.sanitizer.clean(str(entry))
        if findings:
            self.report(
                findings, context=next((ln.strip() for ln in str(entry).splitlines() if ln.strip()), "")
            )
        return cleaned

    def report(self, findings: Iterable[Finding], context: str = "") -> None:
        """Log each finding that deserves a warning, as ``file:line: message``.

        Lines are found in the author's file (the Markdown rendered has been transformed): the
        first line of the piece of HTML (``context``) after the previous one found for it, then
        the finding's own text from there; or, for a link, its URL after the previous one found.
        """
        findings = [f for f in findings if f.warn]
        if not findings:
            return
        lines = self._lines()
        at = self._next(context, 0) if context else None
        for finding in findings:
            needles = (finding.needle,) if isinstance(finding.needle, str) else finding.needle
            if finding.line:
                line = finding.line
            elif at is None:
                line = next((found for needle in needles if (found := self._next(needle, 0))), 0)
            else:
                line = next((i + 1 for i in range(at - 1, len(lines)) if needles[0] in lines[i]), at)
            # Not in the note's file: in what an embed of it shows (``transclusion``), at the embed's line.
            line = line or self.copy_line(*needles, context)
            warning = f"{self.note.display_path}:{line if line else '?'}: {finding.message}"
            self.last_warnings.append(warning)
            log.warning("%s", warning)

    def copy_line(self, *needles: str) -> int:
        """The line of the embed whose copy holds the next occurrence of a needle (the first first); 0: none.

        Copies are met in the order of the page: the n-th finding of a needle is in the copy that
        holds its n-th occurrence (two embeds of one note: the second embed's line, not the first's).
        """
        copies = getattr(self.note, "copies", ())
        for needle in needles:
            if not needle or not (
                holding := [(line, copy.count(needle)) for line, _, copy in copies if needle in copy]
            ):
                continue
            nth = self._copy_seen[needle] = self._copy_seen.get(needle, -1) + 1
            held = 0
            for line, count in holding:
                held += count
                if nth < held:
                    return line
            return holding[0][0]  # more findings than occurrences: the first copy holding it, as before
        return 0

    def warn(self, needle: str, message: str) -> bool:
        """Warn at the line of the note rendered now that holds ``needle``; False on the site's own pages."""
        if not self.active:
            return False
        self.report([Finding(needle, message)])
        return True

    def source_lines(self) -> list[str]:
        """The lines of the note's file (front matter included: warnings count lines from its top)."""
        return self._lines()

    def _lines(self) -> list[str]:
        if self._source is None:
            try:
                self._source = (
                    Path(self.note.path).read_text(encoding="utf-8-sig", errors="replace").splitlines()
                )
            except (OSError, AttributeError):
                self._source = []
        return self._source

    def _next(self, needle: str, default: int) -> int:
        """The next line (1-based) holding ``needle`` after the one found for it last."""
        lines = self._lines()
        for i in range(self._from.get(needle, 0), len(lines)):
            if needle in lines[i]:
                self._from[needle] = i + 1
                return i + 1
        return default
