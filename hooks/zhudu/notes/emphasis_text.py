"""A paragraph's text without the ``_`` and ``*`` marks that Python-Markdown reads as emphasis.

A summary (a card, ``<meta name="description">``) is made from the note's Markdown, not its page, and must
show the page's words: ``把 _config.yml 的 theme 改为 _landscape_ 主题`` is ``_config.yml`` and an italic
*landscape* (a Hexo note writes ``_config.yml`` constantly), ``__重要 _提示_ 内容__`` a bold run holding an
italic one.  Which runs pair is the work of Python-Markdown's delimiter processor (smart ``_``, the rule of
three, nesting), so the paragraph is read by Python-Markdown itself, with its paragraphs and its emphasis
only: the summary agrees with the page by construction, in the time the page takes (linear).
"""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from markdown.util import Registry

_LOCAL = threading.local()
#: An underscore at a word's edge: only such a one can be a mark (``snake_case`` and ``甲_乙`` hold none).
_BOUNDARY_UNDERSCORE_RE = re.compile(r"(?<!\w)_|_(?!\w)")


class _ParagraphText(Treeprocessor):
    """After the inline patterns: the paragraph's text content (emphasis elements' tags gone, their text kept)."""

    text = ""

    def run(self, root: etree.Element) -> None:
        self.text = "".join(root.itertext())


def _only(registry: Registry, name: str, priority: float) -> Registry:
    kept: Registry = Registry()
    kept.register(registry[name], name, priority)
    return kept


def _reader() -> tuple[markdown.Markdown, _ParagraphText]:
    """This thread's Python-Markdown reading emphasis and nothing else (an instance holds one conversion's state).

    Nothing else may change the text: a heading's ``#``, a list's marker, a link, an entity, a line break are
    the summary's to read, as the page's other extensions are the page's.
    """
    if not hasattr(_LOCAL, "md"):
        md = markdown.Markdown()
        md.preprocessors = _only(md.preprocessors, "normalize_whitespace", 30)
        md.parser.blockprocessors = _only(md.parser.blockprocessors, "paragraph", 10)
        md.inlinePatterns = _only(md.inlinePatterns, "em_strong", 60)
        text = _ParagraphText(md)
        md.treeprocessors = Registry()
        md.treeprocessors.register(InlineProcessor(md), "inline", 20)
        md.treeprocessors.register(text, "text", 10)
        md.postprocessors = Registry()
        _LOCAL.md, _LOCAL.text = md, text
    return _LOCAL.md, _LOCAL.text


def without_emphasis_marks(paragraph: str) -> str:
    """``paragraph`` (no blank line in it) as the page shows its text: the marks of its emphasis left out.

    Its leading white space stays (Markdown strips it from a paragraph; the summary joins lines itself).
    """
    if not _BOUNDARY_UNDERSCORE_RE.search(paragraph):  # no ``_`` can pair (the summary drops every ``*``)
        return paragraph
    md, text = _reader()
    md.reset()
    text.text = ""
    md.convert(paragraph)
    body = paragraph.lstrip()
    return paragraph[: len(paragraph) - len(body)] + text.text
