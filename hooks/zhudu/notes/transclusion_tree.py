"""An embedded note's copy in the page's tree: framed in a list or a quote, its footnotes listed in its frame.

A copy in a list item or a quote is a Markdown quote whose first paragraph is marked as its source
line (``transclusion.quoted``): that quote gets the copy's class, as the framed HTML block has it
(its styles; the passages, search and annotations leave it to its own note), and the script its note is
written in (``copy_folds.WRITTEN_ATTR``, set on the source line by ``attr_list``).

Its footnotes are listed inside its frame, numbered from 1 there, as Obsidian shows them.
``transclusion`` gives the copy's footnote labels the prefix ``zd-embed-N-`` (ids unique on the
page), and Python-Markdown's footnotes extension lists every footnote of the page at its end: the
copy's notes came after the page's own, numbered with them, outside the frame that holds their
references.  After that extension is done (its duplicates' back-links too), each copy's items are
moved into a footnote list at the end of its frame, and every list, the page's and each copy's, is
numbered from 1 (the references' numbers and the back-links' titles with it).  Ids are unchanged.

A quote is never joined to a copy's frame, nor a copy's frame to a quote before it.  Python-Markdown continues a
quote with the next block that starts with ``>`` (its ``BlockquoteProcessor`` appends to a quote just before it,
blank line or not), and a copy's frame is a quote: the author's own quote after an embed was read inside the copy,
shown as the embedded note's and folded with its script (``copy_folds``).  :class:`QuoteApart` starts a quote of its
own there, at every level (the page, a list item, a quote), and marks a copy's Markdown quote as a frame as soon as
it starts, so the block after it knows.  The copy's own lines end where its mark says (``transclusion.quoted``
counts them): the lines right under the embed, with no blank line (a quote's lazy lines), are the author's.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions.footnotes import FootnoteExtension
from markdown.treeprocessors import Treeprocessor

from zhudu.script.copy_folds import SEAL, WRITTEN_ATTR

#: The class of an embedded note's copy (``zd-note-refs.html``, ``transclusion``).
COPY_CLASS = "zd-transclusion"
#: The class of its first line, the link to the embedded note.
SOURCE_CLASS = "zd-transclusion__source"
#: A footnote item of a copy (``fn:zd-embed-3-1``): its copy's number.
_EMBED_ITEM_RE = re.compile(r"^fn:zd-embed-(?P<n>\d+)-")
#: The back-link's title when the footnotes extension is not configured (its own default).
_DEFAULT_TITLE = "Jump back to footnote {} in the text"
#: A block's first line starting with a quote's ``>``: where ``BlockquoteProcessor`` starts its quote (the lines before
#: it are read first, as blocks of their own).
_QUOTE_LINE_RE = re.compile(r"(?:^|\n)(?=[ ]{0,3}>)")
#: A copy's Markdown quote (``transclusion.quoted``): its second line is its source line's ``attr_list``.
_COPY_START_RE = re.compile(r"[ ]{0,3}>[^\n]*\n[ ]{0,3}>[ ]?\{:[ ]*\." + re.escape(SOURCE_CLASS) + r"[ }]")
#: On that line, how many lines the copy is (``transclusion.quoted``), sealed as the build's: no note writes it.
_LINES_RE = re.compile(rf' data-zd-lines="{SEAL}(?P<count>\d+)"')


def is_frame(element: etree.Element) -> bool:
    """Whether ``element`` is a copy's frame (the framed HTML block, or a Markdown quote :class:`QuoteApart` marked)."""
    return element.tag == "blockquote" and COPY_CLASS in (element.get("class") or "").split()


class QuoteApart(BlockProcessor):
    """A quote after a copy's frame, and a copy's quote after any quote, each a quote of its own.

    Runs just before ``BlockquoteProcessor`` (20): it reads the lines before the quote as that processor would, puts
    an empty quote where the quote is to go (a copy's marked as a frame) and leaves the quote's lines to it, which
    fills the quote last in its parent rather than the one before.
    """

    def test(self, parent: etree.Element, block: str) -> bool:
        if (m := _QUOTE_LINE_RE.search(block)) is None:
            return False
        if _COPY_START_RE.match(block, m.end()):
            return True
        before = self.lastChild(parent)
        return m.end() == 0 and before is not None and is_frame(before)

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        block = blocks.pop(0)
        start = _QUOTE_LINE_RE.search(block).end()  # type: ignore[union-attr]  # test found it
        if start:
            self.parser.parseBlocks(parent, [block[:start].rstrip("\n")])
        copy = _COPY_START_RE.match(block, start)
        etree.SubElement(parent, "blockquote", {"class": COPY_CLASS} if copy else {})
        quote = block[start:]
        if copy and (count := _LINES_RE.search(block, start, copy.end() + block[copy.end() :].find("}"))):
            # The copy ends where its lines do: the lines under it in the block (the quote would take them) are
            # the author's, read on their own (a quote of theirs by this class, a line by the paragraphs).
            lines = (block[start : count.start()] + block[count.end() :]).split("\n")
            quote, after = "\n".join(lines[: int(count["count"])]), "\n".join(lines[int(count["count"]) :])
            if after.strip():
                blocks.insert(0, after)
        blocks.insert(0, quote)
        return False  # the quote's lines are still to be read, by ``BlockquoteProcessor``, into this quote


class TransclusionTreeprocessor(Treeprocessor):
    """Frames the copies in lists and quotes; moves each copy's footnotes into its frame, and numbers the lists."""

    def run(self, root: etree.Element) -> None:
        for quote in root.iter("blockquote"):
            first = quote[0] if len(quote) else None
            if first is not None and first.tag == "p" and first.get("class") == SOURCE_CLASS:
                quote.set("class", COPY_CLASS)
                # Its note's script (``attr_list`` set it on the source line), on its frame.
                if (written := first.attrib.pop(WRITTEN_ATTR, None)) is not None:
                    quote.set(WRITTEN_ATTR, written)
        self._footnotes(root)

    def _footnotes(self, root: etree.Element) -> None:
        page_list = next((d for d in root.iter("div") if d.get("class") == "footnote"), None)
        own = page_list.find("ol") if page_list is not None else None
        if page_list is None or own is None:
            return
        moved: dict[str, list[etree.Element]] = {}
        for item in list(own):
            if m := _EMBED_ITEM_RE.match(item.get("id", "")):
                own.remove(item)
                moved.setdefault(m["n"], []).append(item)
        if not moved:
            return
        refs: dict[str, list[etree.Element]] = {}
        for a in root.iter("a"):
            if a.get("class") == "footnote-ref":
                refs.setdefault(a.get("href", ""), []).append(a)
        for copy in (e for e in root.iter("blockquote") if is_frame(e)):
            number = next((n for n in moved if _holds_ref(copy, n)), None)
            if number is None:
                continue
            box = etree.SubElement(copy, "div", {"class": f"footnote {COPY_CLASS}__footnotes"})
            etree.SubElement(box, "hr")
            listed = etree.SubElement(box, "ol")
            listed.extend(moved.pop(number))
            self._number(listed, refs)
        for items in moved.values():  # no copy holds their references: left in the page's list
            own.extend(items)
        if len(own):
            self._number(own, refs)
        else:
            _remove(root, page_list)

    def _number(self, listed: etree.Element, refs: dict[str, list[etree.Element]]) -> None:
        title = _backlink_title(self.md)
        for index, item in enumerate(listed, start=1):
            for backlink in item.iter("a"):
                if backlink.get("class") == "footnote-backref":
                    backlink.set("title", title.format(index))
            for ref in refs.get("#" + item.get("id", ""), ()):
                ref.text = str(index)


def _holds_ref(copy: etree.Element, number: str) -> bool:
    prefix = f"#fn:zd-embed-{number}-"
    return any(a.get("href", "").startswith(prefix) for a in copy.iter("a"))


def _backlink_title(md: Markdown) -> str:
    """The footnotes extension's back-link title (``%d`` already made ``{}`` by it), as mkdocs.yml sets it."""
    for extension in md.registeredExtensions:
        if isinstance(extension, FootnoteExtension):
            return str(extension.getConfig("BACKLINK_TITLE")).replace("%d", "{}")
    return _DEFAULT_TITLE


def _remove(root: etree.Element, element: etree.Element) -> None:
    for parent in root.iter():
        if element in list(parent):
            parent.remove(element)
            return


class TransclusionTreeExtension(Extension):
    """Registers :class:`TransclusionTreeprocessor` after the footnotes extension's tree processors."""

    def extendMarkdown(self, md: Markdown) -> None:
        # Before the quotes' own (20), after the lists' (40, 30) and definition lists' (25).
        md.parser.blockprocessors.register(QuoteApart(md.parser), "zd-quote-apart", 20.5)
        # After the footnotes' own (50, reordering 19, duplicates' back-links 15) and attr_list's (8, the
        # source line's class), before the raw HTML check (7) and the passages (5).
        md.treeprocessors.register(TransclusionTreeprocessor(md), "zd-transclusion", 7.5)
