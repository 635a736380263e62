"""Emphasis in Chinese: the Han inside ``<em>`` upright with emphasis dots, Latin in it italic.

The site's font stack is CJK first, and no CJK system font has an italic face: a browser slants the
Han of ``*强调*`` itself (a synthesised oblique), which Chinese typography never uses.  Chinese marks
emphasis with a dot under each character in horizontal text (着重号 / 著重號, GB/T 15834; W3C clreq,
"In horizontal text, emphasis marks appear underneath the base text", for Simplified and Traditional
alike).  CSS alone cannot set the two apart: ``font-synthesis-style: none`` on ``em`` keeps Latin upright
too, and ``text-emphasis`` puts a dot under every Latin letter.  So each run of Han (with the full-width
punctuation, curly quotes and figures written against it) inside an author's emphasis is wrapped in
``<zd-h>``, which zhudu.css draws upright with dots; an English word or a book title in the same
emphasis keeps the italic.  Only elements are added: the text, its conversion (``script.word_runs``
reads through ``zd-h``) and the search index are unchanged.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from zhudu.notes.open_inline import RAW_TAG_RE, STASH_RE
from zhudu.script.han import HAN_RE

#: The wrapper of a Han run in emphasis (zhudu.css: upright, a dot under each character).  Short, as
#: ``zd-g`` (``textmarks.GLUED_SPACE_TAG``): 11 bytes of markup a run.
HAN_RUN_TAG = "zd-h"

_HAN = HAN_RE.pattern[1:-1]  # the class's ranges
#: Stands for a stashed character reference while the runs are found (``_runs``): a private-use character.
_CHAR_REF_SLOT = "\ue000"
#: Set upright with the Han: CJK punctuation, full-width forms, Bopomofo, and the marks the CJK font draws
#: full width (curly quotes, ellipsis, em dash, middle dot); slanted, they leaned into the next character.
_WITH_HAN = (
    _HAN
    + _CHAR_REF_SLOT
    + r"\u3000-\u303f\u3100-\u312f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014\u00b7"
)
#: A character that reads with the Han: only a reference to one stands in a run (``&#60;`` is a ``<``, ``&#65;`` an ``A``).
_HAN_LIKE_RE = re.compile(f"[{_WITH_HAN.replace(_CHAR_REF_SLOT, '')}]")
#: Figures written against Han read with it (``3个``, ``2025年``, ``2.0时代``); after a space they are the Latin's.
_FIGURES = r"[0-9]+(?:[.,][0-9]+)*"
#: Up to three letters written against a Han character are part of a Chinese word (``U盘``, ``B超``, ``SQL注入``,
#: ``卡拉OK``): cut off, the word's conversion was lost (``U盘`` is 隨身碟 in Taiwan, but ``U`` and ``盘`` alone give
#: ``U盤``); a longer word (``用Python写``) is English and keeps its italic.
_LETTERS_BEFORE = rf"(?<![A-Za-z0-9.])[A-Za-z]{{1,3}}(?=[0-9]*[{_HAN}])"
_LETTERS_AFTER = rf"(?<=[{_HAN}])[A-Za-z]{{1,3}}(?![A-Za-z0-9])"
_PIECE = rf"(?:{_LETTERS_BEFORE})?(?:{_FIGURES})?[{_WITH_HAN}]+(?:{_FIGURES}(?![.,]?[0-9A-Za-z]))?(?:{_LETTERS_AFTER})?"
#: One run: pieces joined by nothing or by spaces (``事业 是``).
_RUN_RE = re.compile(rf"{_PIECE}(?:\s*{_PIECE})*")
#: A character reference: one character, read with the run it stands in (``开源&#22836;发``, 頭髮 in Taiwan).
_CHAR_REF_RE = re.compile(r"&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});")

#: Elements whose text is not running text: left as they are (code keeps its own face, a formula its own).
_NOT_TEXT = frozenset({"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "textarea", "button"})
#: The site's own marks inside a passage, not the author's emphasised words (an editor's note, a label).
_NOT_TEXT_CLASSES = frozenset({"zd-anno", "zd-sr-only", "zd-math__label"})


def _runs(text: str, stashed: list[Any], raw_em: int | None) -> tuple[list[tuple[str, bool]], int | None]:
    """``text`` cut into (piece, is a Han run) in order, and the author's raw ``<em>`` open at its end.

    A placeholder is never cut, and is in a run only where it stands for a character reference: other
    stashed HTML (code, a tag whose end is elsewhere) stays outside, so no wrapper crosses it.
    ``raw_em``: see :func:`_running_text`.
    """
    slots: list[str] = []

    def slot(found: re.Match[str]) -> str:
        index = int(found[1])
        held = stashed[index] if index < len(stashed) else None
        if (
            isinstance(held, str)
            and _CHAR_REF_RE.fullmatch(held)
            and _HAN_LIKE_RE.fullmatch(html.unescape(held))
            and _CHAR_REF_SLOT not in text
        ):
            slots.append(found[0])
            return _CHAR_REF_SLOT
        return found[0]

    masked = STASH_RE.sub(slot, text)
    pieces: list[tuple[str, bool]] = []
    start = 0
    spans, raw_em = _running_text(masked, stashed, raw_em)
    for match in (m for within in spans for m in _RUN_RE.finditer(masked, *within)):
        if match.start() > start:
            pieces.append((masked[start : match.start()], False))
        pieces.append((match.group(), True))
        start = match.end()
    if start < len(masked):
        pieces.append((masked[start:], False))
    if not slots:
        return pieces, raw_em
    refs = iter(slots)
    return [
        ("".join(next(refs) if c == _CHAR_REF_SLOT else c for c in piece), run) for piece, run in pieces
    ], raw_em


def _running_text(
    masked: str, stashed: list[Any], raw_em: int | None
) -> tuple[list[tuple[int, int]], int | None]:
    """The spans of ``masked`` that are emphasised running text, and the author's raw ``<em>`` open at its end.

    Running text is outside the author's raw ``<code>``, ``<kbd>`` … written in it (to its end tag, or
    to the end of the text when that is elsewhere), as ``_NOT_TEXT``'s elements are not.  Emphasised is
    all of it in an ``<em>`` (``raw_em`` None); elsewhere, what lies between the author's raw ``<em>``
    and its end (``raw_em`` of them open where the text starts: ``notes/open_inline`` closed each
    within its paragraph).
    """
    spans, start, code, em = [], 0, 0, raw_em
    for found in STASH_RE.finditer(masked):
        index = int(found[1])
        held = stashed[index] if index < len(stashed) else None
        tag = RAW_TAG_RE.fullmatch(held.strip()) if isinstance(held, str) else None
        if tag is None or tag["self"]:
            continue
        name, step = tag["name"].lower(), -1 if tag["end"] else 1
        was = not code and (em is None or em > 0)
        if name in _NOT_TEXT:
            code = max(0, code + step)
        elif name == "em" and em is not None:
            em = max(0, em + step)
        now = not code and (em is None or em > 0)
        if was and not now:
            spans.append((start, found.start()))
        elif now and not was:
            start = found.end()
    if not code and (em is None or em > 0):
        spans.append((start, len(masked)))
    return spans, em


def _wrapped(
    text: str, stashed: list[Any], raw_em: int | None
) -> tuple[tuple[str, list[etree.Element]] | None, int | None]:
    """What stays as text before the first run and the wrappers (each with its tail), and the raw ``<em>`` open after.

    ``None`` for the first: no run.  ``raw_em``: see :func:`_running_text`.
    """
    if raw_em == 0 and "\x02" not in text:
        return None, 0  # no emphasis, and no placeholder that could open one
    pieces, raw_em = _runs(text, stashed, raw_em)
    if not any(is_run for _, is_run in pieces):
        return None, raw_em
    text_type = type(text)  # Python-Markdown's AtomicString stays one
    lead, elements = "", []
    for piece, is_run in pieces:
        if is_run:
            element = etree.Element(HAN_RUN_TAG)
            element.text = text_type(piece)
            elements.append(element)
        elif elements:
            elements[-1].tail = text_type(piece)
        else:
            lead = piece
    return (lead, elements), raw_em


def _mark(element: etree.Element, stashed: list[Any], raw_em: int | None = None) -> None:
    """Wrap the Han runs in emphasis of ``element``'s own text, its children's and their tails.

    ``raw_em`` None: ``element`` is an emphasis, all of it.  Otherwise it is none, and only what lies
    between the author's raw ``<em>`` and ``</em>`` written in its text is (``raw_em`` of them open at its start).
    """
    found = []
    for index in range(len(element) + 1):  # the text, then each child and its tail, in order
        if index:
            child = element[index - 1]
            classes = set((child.get("class") or "").split())
            if child.tag in _NOT_TEXT or child.tag == HAN_RUN_TAG:
                pass
            elif raw_em == 0:  # outside emphasis: an <em> is one, the rest is read for one
                _mark(child, stashed, None if child.tag == "em" else 0)
            elif not classes & _NOT_TEXT_CLASSES:
                _mark(child, stashed)  # an emphasis inside it too
        owner = element[index - 1] if index else element
        wrapped, raw_em = _wrapped(getattr(owner, "tail" if index else "text") or "", stashed, raw_em)
        found.append(wrapped)
    for index in range(len(element), -1, -1):  # the tails from the last, then the text: indices hold
        if found[index] is None:
            continue
        owner = element[index - 1] if index else element
        attr = "tail" if index else "text"
        lead, wrappers = found[index]
        setattr(owner, attr, type(getattr(owner, attr))(lead) if lead else None)
        for offset, wrapper in enumerate(wrappers):
            element.insert(index + offset, wrapper)


def mark_han_in_emphasis(root: etree.Element, stashed: list[Any]) -> None:
    """Wrap each Han run inside every emphasis of ``root`` (not in code) in ``HAN_RUN_TAG``.

    An emphasis is an ``<em>`` element (Markdown's ``*…*``) or the author's raw ``<em>`` … ``</em>``,
    placeholders in the text.  ``stashed`` is the note's ``md.htmlStash.rawHtmlBlocks`` (read only:
    which placeholders are characters, which are the author's tags).
    """
    _mark(root, stashed, 0)


class EmphasisTreeprocessor(Treeprocessor):
    """:func:`mark_han_in_emphasis` on the rendered tree."""

    def run(self, root: etree.Element) -> None:
        mark_han_in_emphasis(root, self.md.htmlStash.rawHtmlBlocks)


class EmphasisExtension(Extension):
    """Registers the marking at priority 0.9, after every other mark.

    The glossary (3), the glue (2) and the link ends (1) read the text around them as the author wrote it.
    """

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(EmphasisTreeprocessor(md), "zd-emphasis", 0.9)
