"""Pandoc's citations (Zettlr, Obsidian's Pandoc and Citations plugins): ``[@sima2000, p. 12]``.

Zettlr and Pandoc write a citation as keys of the author's bibliography in brackets: ``[@key]``,
``[@key, p. 12]``, ``[见 @key1, 第 3 页; -@key2]``, and show it as the reference the bibliography
makes (author, year, page).  This site has no bibliography: the citation is shown as what it says
(its keys and pages, without the ``@`` marks and with its brackets), marked as a citation
(``<cite>``), and a warning says, once a note, to write the reference itself.  An ``@`` inside a word
(``a@b.com``) is no key, and a bracket followed by ``(`` or ``[`` is a link's text (``[@张三](…)``);
a bare ``@key`` outside brackets stays text: ``@名字`` in Chinese writing is a mention, not a citation.

A bracketed ``@`` is a citation where a Pandoc tool wrote the note: its front matter names a bibliography or
a citation style (``front_matter.PANDOC_KEYS``: the dialect ``pandoc``).  Elsewhere ``[@elonmusk]`` is a
handle, as an Obsidian clip of an X thread or a blog post writes one, and so is ``[@john1990]`` or
``[@user_2021]``: a handle holds a year as often as a bibliography manager's key (Zotero's Better BibTeX,
JabRef, Zettlr: ``sima2000``, ``ban_gu:1990``, ``Zhang2020a``) does.  So a note without a bibliography cites
only when every bracketed key in it has a key's shape (letters, a year 1500–2099, at most one letter after)
and one of its brackets says more than a handle would: a locator (``[@doe2019, p. 3]``), keys joined by
``;``, or an author left out (``-@key``).  A note is read whole before any bracket is drawn:
:class:`NoteCitations` holds them until then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zhudu import fragments
from zhudu.notes.dialect_markdown import md_text

#: A key after ``@`` (``-@`` leaves the author out), at the bracket's start or after a space or ``;``.  A key
#: holds a Latin letter or a digit (``sima2000``, ``司马迁2000``): ``[@所有人]``, ``[@张三]`` are a WeChat or
#: Weibo mention in Chinese writing (a bibliography's keys carry the year), shown as written.
_KEY = r"(?:(?<![^\[\s;])-?@(?:\{[^{}\n]+\}|(?=[\w:.#$%&+?<>~/-]*[A-Za-z0-9])\w(?:[\w:.#$%&+?<>~/-]*\w)?))"
_KEY_RE = re.compile(_KEY)
#: A bracket of text (``inside``), not a link's text nor a reference's label: a citation if a key is in it.  The
#: keys are looked for in a bracket found first: a pattern finding both at once tried every length of a long
#: key against the rest of the line (quadratic: a line of ``[@`` and 100 KB of letters took 155 s).
_BRACKET_RE = re.compile(r"(?<![\[\\])\[(?P<inside>[^\[\]\n]*)\](?![(\[\]:])")
#: A bibliography manager's key (the ``@`` and braces left out): letters (words joined by ``_``, ``:``, ``.``,
#: ``-`` or a space), a year, at most one letter telling two works of a year apart.  Each separator stands between
#: two runs of letters: a long key is read once, not split every way.
_YEAR_KEY_RE = re.compile(r"[^\W\d_]+(?:[_:.\- ][^\W\d_]+)*[_:.\- ]?(?:1[5-9]|20)\d{2}[a-z]?")
#: What a citation says beyond its key: a locator after a comma (``, p. 12``, ``，第 3 页``).
_LOCATOR_RE = re.compile(r"[,，][ \t]*\S")
#: Where a held citation stands until the note is read: its number between STX and ETX, as Python-Markdown
#: stashes HTML.  An author cannot write them (``limits.replace_controls`` shows every control character as
#: U+FFFD before a note is read); private-use marks could be written, and 「\U000f12340\U000f1235」 drew the
#: note's first citation there, or stopped the build when it held none.
_HOLD, _HOLD_END = "\x02zdcite:", "\x03"
_HELD_RE = re.compile(f"{_HOLD}(?P<n>[0-9]+){_HOLD_END}")


@dataclass
class NoteCitations:
    """A note's bracketed keys, held until the whole note is read (:meth:`hold`, then :meth:`settle`).

    ``pandoc``: the note is a Pandoc tool's (any key cites); else the note decides (the module's rule).
    """

    pandoc: bool = False
    #: Each held bracket as written, and its line.
    held: list[tuple[str, int]] = field(default_factory=list)
    #: A bracketed key without a bibliography key's shape was met (``[@elonmusk]``): the note's are handles.
    handle: bool = False
    #: A bracket said more than a handle would (a locator, ``;``-joined keys, ``-@``).
    signed: bool = False

    def hold(self, text: str, line: int) -> str:
        """``text`` with each bracket holding a key replaced by a mark :meth:`settle` replaces."""
        if "@" not in text or "[" not in text:
            return text

        def held(m: re.Match[str]) -> str:
            keys = [k.group(0) for k in _KEY_RE.finditer(m["inside"])]
            if not keys:
                return m.group(0)
            if not all(_YEAR_KEY_RE.fullmatch(k.lstrip("-@").strip("{}")) for k in keys):
                self.handle = True
            locator = _LOCATOR_RE.search(m["inside"], m["inside"].index(keys[0]))
            self.signed = (
                self.signed or len(keys) > 1 or any(k.startswith("-") for k in keys) or bool(locator)
            )
            self.held.append((m.group(0), line))
            return f"{_HOLD}{len(self.held) - 1}{_HOLD_END}"

        return _BRACKET_RE.sub(held, text)

    @property
    def cites(self) -> bool:
        return bool(self.held) and (self.pandoc or (self.signed and not self.handle))

    def settle(self, text: str) -> str:
        """``text`` with each held bracket drawn: a citation if the note cites, else as written."""
        if _HOLD not in text:
            return text
        return _HELD_RE.sub(lambda m: self._drawn(self.held[int(m["n"])][0]), text)

    def _drawn(self, written: str) -> str:
        if not self.cites:
            return written  # ``[@elonmusk]``: a handle, a mention
        inside = written[1:-1]
        shown = _KEY_RE.sub(lambda k: k.group(0).lstrip("-@").strip("{}"), inside)
        return fragments.render("zd-dialect.html", "citation", text=md_text(f"[{shown}]"))

    def finding(self) -> tuple[int, str] | None:
        """The warning for the note's first citation, at its line (once a note); None: the note cites nothing."""
        if not self.cites:
            return None
        written, line = self.held[0]
        return line, message(written)


def message(written: str) -> str:
    """The warning for a note's first citation (``written``)."""
    return (
        f"{written}: a citation of the author's bibliography (Zettlr, Pandoc), which this site has not: "
        "shown as its keys and pages, marked as a citation; write the reference (author, title, year) "
        "in the note, or in a footnote"
    )
