"""Pandoc's citations (Zettlr, Obsidian's Pandoc and Citations plugins): ``[@sima2000, p. 12]``.

Zettlr and Pandoc write a citation as keys of the author's bibliography in brackets: ``[@key]``,
``[@key, p. 12]``, ``[见 @key1, 第 3 页; -@key2]``, and show it as the reference the bibliography
makes (author, year, page).  This site has no bibliography: the citation is shown as what it says
(its keys and pages, without the ``@`` marks and with its brackets), marked as a citation
(``<cite>``), and a warning says, once a note, to write the reference itself.  An ``@`` inside a word
(``a@b.com``) is no key, and a bracket followed by ``(`` or ``[`` is a link's text (``[@张三](…)``);
a bare ``@key`` outside brackets stays text: ``@名字`` in Chinese writing is a mention, not a citation.

A bracketed ``@`` is a citation only where a Pandoc tool wrote the note: its front matter names a
bibliography or a citation style (``front_matter.PANDOC_KEYS``: the dialect ``pandoc``), or each key in the brackets
carries a year, as a bibliography manager names its keys (Zotero's Better BibTeX, JabRef, Zettlr:
``sima2000``, ``ban_gu:1990``, ``smith2020a``).  Elsewhere ``[@elonmusk]`` is a handle, as an Obsidian clip
of an X thread or a blog post writes one: a mention, shown as written.
"""

from __future__ import annotations

import re

from zhudu import fragments
from zhudu.notes.dialect_markdown import md_text

#: A key after ``@`` (``-@`` leaves the author out), at the bracket's start or after a space or ``;``.  A key
#: holds a Latin letter or a digit (``sima2000``, ``司马迁2000``): ``[@所有人]``, ``[@张三]`` are a WeChat or
#: Weibo mention in Chinese writing (a bibliography's keys carry the year), shown as written.
_KEY = r"(?:(?<![^\[\s;])-?@(?:\{[^{}\n]+\}|(?=[\w:.#$%&+?<>~/-]*[A-Za-z0-9])\w(?:[\w:.#$%&+?<>~/-]*\w)?))"
#: A bracketed citation: text holding at least one key, not a link's text nor a reference's label.
_CITATION_RE = re.compile(r"(?<![\[\\])\[(?P<inside>[^\[\]\n]*?" + _KEY + r"[^\[\]\n]*)\](?![(\[\]:])")
_KEY_RE = re.compile(_KEY)
#: A year in a key, as bibliography managers write it (1500–2099, not inside a longer number).
_YEAR_RE = re.compile(r"(?<!\d)(?:1[5-9]|20)\d{2}(?!\d)")


def rewrite(text: str, *, pandoc: bool = False) -> tuple[str, str]:
    """``text`` with its citations marked, and the first one as written ("": none).

    ``pandoc``: the note is a Pandoc tool's (any key cites); else only brackets whose keys each carry a year.
    """
    if "@" not in text or "[" not in text:
        return text, ""
    first = ""

    def cite(m: re.Match[str]) -> str:
        nonlocal first
        if not pandoc and not all(_YEAR_RE.search(k.group(0)) for k in _KEY_RE.finditer(m["inside"])):
            return m.group(0)  # ``[@elonmusk]``: a handle, a mention
        first = first or m.group(0)
        shown = _KEY_RE.sub(lambda k: k.group(0).lstrip("-@").strip("{}"), m["inside"])
        return fragments.render("zd-dialect.html", "citation", text=md_text(f"[{shown}]"))

    return _CITATION_RE.sub(cite, text), first


def message(written: str) -> str:
    """The warning for a note's first citation (``written``)."""
    return (
        f"{written}: a citation of the author's bibliography (Zettlr, Pandoc), which this site has not: "
        "shown as its keys and pages, marked as a citation; write the reference (author, title, year) "
        "in the note, or in a footnote"
    )
