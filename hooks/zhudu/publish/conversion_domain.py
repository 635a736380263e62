"""The site's conversion domain: which of the regional layer's rules every converter of a build uses.

Some words have a software sense and an everyday one (命令 a command or an order, 程序 a program or a
procedure); the regional layer's rules marked ``domain: software`` write the software sense, for
software text only (``script/domain.py``), and those marked ``domain: general`` keep the everyday sense
where OpenCC's phrase writes the software one (对象 a partner), for other text only.

Each note's own page converts in its text's domain where its text tells (``script.domain.own_domain``: software text,
or everyday prose long enough), else in the site's; every other page (the home, a theme, a section, the glossary, a
tag) converts in the site's.  Where the pages so convert in both (``SiteDomain.mixed``), a note's words shown on
another page (its title on a card, a quote on a theme page, a link's text, the feed) are held as its own page writes
them (``Site.shown_by``, ``as_written.group_each``): the home page and a theme page show several notes, converted as
one HTML.

``extra.zhudu.conversion_domain`` forces one for every page, or (``auto``) the notes decide the site's: software when
at least a quarter of them (``SOFTWARE_SHARE``) are software text.  Not half: a software note converted in the general domain gets
more words wrong than a general note in the software domain (``bench/site_domain.py``, every labelled set: Taiwan
1.7 → 5.5 wrong words per 1,000 Han characters against 0.40 → 0.59, Hong Kong 0.21 → 2.8 against 0.17 → 0.46):
counted one for one, a collection has fewer in all from a software share of 5-10 %.  Not that low: the general
side's wrong words change the meaning (a partner's 对象 → 物件, an emperor's 命令 → 指令, blood's 循环 → 迴圈; review
VS read all 196 such sentences: Taiwan 53 worse, 7 better; Hong Kong about 87 and 19), the software side's mostly
keep it (命令, 文本, 当前 left); weighed three to one the share is 12-20 %; and a few everyday notes are read as
software text (a workout log's 训练), so a lower share lets one of them turn a small collection's every page.

Each note's domain is read with the note (``Body.domain``), so a ``mkdocs serve`` save decides again from values its
unchanged notes already carry.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from zhudu.script.domain import GENERAL, SOFTWARE
from zhudu.script.regional import default_regional

if TYPE_CHECKING:
    from zhudu.notes.corpus import Note

#: The share of the notes read as software text from which ``auto`` converts the site as software (see above).
SOFTWARE_SHARE = 0.25
#: ``extra.zhudu.conversion_domain``'s forced values, as ``script.domain`` names them.
FORCED = {"software": SOFTWARE, "general": GENERAL}


@dataclass(frozen=True)
class SiteDomain:
    """The domain a build converts with, and why (for the build's summary line)."""

    domain: str  # ``script.domain.SOFTWARE`` or ``GENERAL``
    reason: str
    #: Whether some note's page converts in the other domain (``auto``: each note's page in its own text's domain).
    mixed: bool = False

    @property
    def name(self) -> str:
        """``software`` or ``general``, as the setting and messages write it."""
        return "software" if self.domain == SOFTWARE else "general"

    @property
    def summary(self) -> str:
        """The build's summary line's words: ``software, 2 of 3 notes are software text``."""
        return f"{self.name}, {self.reason}"


def before_notes(setting: str) -> str:
    """The domain to convert with before the notes are read: the forced one, else ``GENERAL``.

    No page is converted that early (``pagewriter.start_writers`` loads only what every domain's
    converters share, ``script.preload``): a guess that turns out wrong never writes a wrong page.
    """
    return FORCED.get(setting, GENERAL)


def possible(setting: str) -> tuple[str, ...]:
    """The domains the notes may decide under ``setting``: the forced one, else both."""
    forced = FORCED.get(setting)
    return (forced,) if forced is not None else (GENERAL, SOFTWARE)


def decide(setting: str, notes: Iterable[Note]) -> SiteDomain:
    """The build's domain from the setting (``auto``, ``software``, ``general``) and the notes read.

    A broken note (no body) does not count.
    """
    if setting in FORCED:
        return SiteDomain(FORCED[setting], "set by extra.zhudu.conversion_domain")
    domains = [note.body.domain for note in notes if note.body is not None]
    software = sum(domain == SOFTWARE for domain in domains)
    domain = SOFTWARE if domains and software >= SOFTWARE_SHARE * len(domains) else GENERAL
    # Mixed where some note's own page converts in the other domain (``script.domain.own_domain``).
    mixed = any(note.body.own_domain not in (None, domain) for note in notes if note.body is not None)
    return SiteDomain(domain, f"{software} of {len(domains)} notes are software text", mixed=mixed)


def of_page(site: SiteDomain | None, note: str | None) -> str | None:
    """The domain a page converts in, where it is not the site's (``site.domain``): its note's, or None.

    ``note``: the page's note's text domain (``NoteMeta.domain``; None: too little to tell); None too for a page of
    no note (the home, a theme, the glossary).  Under ``auto`` each note's page converts in its own text's domain, as
    the note's words do wherever they are shown (``Site.shown_by``); a forced domain is every page's.
    """
    if site is None or not site.mixed or note is None or note == site.domain:
        return None
    return note


@functools.cache
def for_converter(domain: str, code: str, source_script: str) -> str:
    """``domain``, or ``GENERAL`` when the layer's rules for ``source_script`` into ``code`` are the same in both.

    That is when no rule marked ``software`` or ``general`` converts them.  The converter is then the same as a
    general one: the variant's pages, the renders of notes written in Traditional and their caches do not change
    when the site's domain does.
    """
    layer = default_regional()
    same = layer.rules_for(code, source_script, domain) == layer.rules_for(code, source_script, GENERAL)
    return GENERAL if same else domain
