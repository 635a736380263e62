"""The Markdown extensions the notes' syntax needs beyond mkdocs.yml's (the hook adds them in ``on_config``)."""

from __future__ import annotations

from markdown import Extension, Markdown

from zhudu.annotate.emphasis import EmphasisExtension
from zhudu.notes.attr_like_text import AttrLikeTextExtension
from zhudu.notes.bare_urls import BareUrlExtension
from zhudu.notes.link_ends import LinkEndsExtension
from zhudu.notes.list_ends import ListEndsExtension
from zhudu.notes.ordered_lists import OrderedListsExtension
from zhudu.notes.paragraph_ends import ParagraphEndsExtension
from zhudu.notes.table_code import TableCodePipesExtension
from zhudu.notes.table_ends import TableEndsExtension
from zhudu.notes.transclusion_tree import TransclusionTreeExtension


class NotesMarkdownExtension(Extension):
    """What the notes' Markdown adds to mkdocs.yml's set-up (the hook adds it in ``on_config``).

    Bare URLs after Chinese punctuation (``bare_urls``), a link's closing
    bracket (``link_ends``), two lists one after the other (``list_ends``), ``1)`` items and a list's first
    number (``ordered_lists``), a list or a heading right under a paragraph's line (``paragraph_ends``), an embedded note's copy framed with its footnotes (``transclusion_tree``), text
    that reads like a URL attribute (``attr_like_text``), the Han in emphasis upright with dots (``emphasis``), a
    table cell's code with the pipes its row escaped (``table_code``), a table ended by a block right under its
    rows (``table_ends``).
    """

    def extendMarkdown(self, md: Markdown) -> None:
        BareUrlExtension().extendMarkdown(md)
        LinkEndsExtension().extendMarkdown(md)
        ListEndsExtension().extendMarkdown(md)
        OrderedListsExtension().extendMarkdown(md)
        ParagraphEndsExtension().extendMarkdown(md)
        AttrLikeTextExtension().extendMarkdown(md)
        TransclusionTreeExtension().extendMarkdown(md)
        EmphasisExtension().extendMarkdown(md)
        TableCodePipesExtension().extendMarkdown(md)
        TableEndsExtension().extendMarkdown(md)
