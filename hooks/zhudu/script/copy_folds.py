"""An embedded Traditional note's copy folded into Simplified as its own page is (issue 25).

An embed's copy is the embedded note's Markdown rendered with the embedding page (``notes/transclusion.py``),
and every page's HTML reaches the variants from the default (Simplified) script.  A note written in Traditional
is folded into Simplified first, with its region's fold (``Site.fold_for``: t2s, the regional layer's from-hant
rules, the author's words kept for the Traditional pages, ``as_written``).  Its copy on another note's page was
not: on a Simplified page it was the Taiwan text as typed (請把軟體的設定…) where its own zh-Hans page reads
请把软件的设置…, and the Hong Kong page converted those Taiwan words as characters only (軟體, 設定 where the
note's own Hong Kong page says 軟件, 設置); in a Traditional note of another region, it was folded with that note's
fold, keeping the wrong region's words.

So the copy's frame names the embedded note's script (``WRITTEN_ATTR``, its value from :func:`written_tag`: the
build's, never the note's text) and the page's finisher folds each such frame's HTML with that note's own fold
(:func:`folded`), which the variants' page converters then read as they read the note's own page.  The rest of the
page is folded as before (a Traditional page by its own fold, around the copies; a Simplified page not at all), and
a copy of a note written in Simplified carries no mark: it is folded with the page, as it always was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from zhudu.script.domain import GENERAL, SOFTWARE

__all__ = [
    "SEAL",
    "WRITTEN_ATTR",
    "domain_of",
    "folded",
    "holds_marks",
    "is_marked",
    "region_of",
    "script_tag",
    "sealed",
    "written_tag",
]

#: The attribute on a copy's frame naming the script its note is written in (``zd-note-refs.html``).
WRITTEN_ATTR = "data-zd-written"
#: What begins the build's own value of a ``data-zd-*`` attribute written into a note's Markdown: a noncharacter no note
#: holds (``notes/limits.py`` replaces them; an entity of one decodes to nothing).  The note sanitizer removes an
#: author's ``data-zd-*`` (``sanitizer.OWN_DATA_ATTRIBUTES`` aside) unless sealed, and :func:`folded` reads a sealed
#: mark only, then takes the seal off: an author's ``data-zd-written`` never folds their text as another region's.
SEAL = "\ufdd6"
#: What it may hold: Traditional, with the region the note's ``lang`` names, if any, or Simplified; and the domain its
#: page converts in where the site's pages convert in both (``Site.held_domain``).  Anything else is ignored.
_TAG_RE = re.compile(
    r"(?:zh-Hant(?:-(?P<region>[A-Z]{2}))?|(?P<hans>zh-Hans))(?: (?P<domain>software|general))?"
)
#: A domain's name in a tag, by the domain (``script.domain``), and the other way round.
_NAMES = {SOFTWARE: "software", GENERAL: "general"}
_DOMAINS = {name: domain for domain, name in _NAMES.items()}
#: A comment (passed over: its text is no tag), or any start or end tag, its quoted values whole: a tag-like
#: string in another tag's value (``<span title='<blockquote …>'>``, which an author's raw HTML keeps) is no tag.
_HTML_TAG_RE = re.compile(
    r"""
      <!--.*?(?:-->|\Z)
    | <(?P<end>/)?(?P<name>[A-Za-z][^\s/>]*+)(?P<attrs>(?:[^>"']++|"[^"]*+"|'[^']*+')*+)>
    """,
    re.VERBOSE | re.DOTALL,
)
_WRITTEN_RE = re.compile(rf"""\s{WRITTEN_ATTR}="{SEAL}(?P<tag>[^"]*)\"""")
#: The seal of a mark, taken off the finished page.
_SEALED = f'{WRITTEN_ATTR}="{SEAL}'
_UNSEALED = f'{WRITTEN_ATTR}="'
#: Where a copy folded on its own stands while the page around it is folded: a comment no fold changes, its
#: number between noncharacters no note holds (``notes/limits.py`` replaces them).
_STAND_IN = "<!--\ufdd5{}\ufdd5-->"
_STAND_IN_RE = re.compile("<!--\ufdd5(\\d+)\ufdd5-->")
#: Copies folded before, by their fold and HTML: a note embedded in many notes is one copy's HTML on each of their
#: pages (but its footnotes' and ids' prefix, ``zd-embed-N-``), folded once.  Bounded by the characters it holds.
_FOLDED: dict[tuple[Callable[[str], str], str], str] = {}
_FOLDED_CHARS = [0]
FOLDED_MAX_CHARS = 2_000_000


def written_tag(lang: str, region: str | None, domain: str | None = None) -> str:
    """What a copy's frame says of its note's script: ``zh-Hant``, ``zh-Hant-TW``…; "" for a note not in Traditional.

    ``domain``: its page's, where the site's pages convert in both (``Site.held_domain``): ``zh-Hant-TW software``,
    ``zh-Hans general``: a copy on a page of the other domain is held as its own page writes it.
    """
    name = "" if domain is None else f" {_NAMES[domain]}"
    if lang != "zh-Hant":
        return f"zh-Hans{name}" if name else ""
    return (f"zh-Hant-{region}" if region else "zh-Hant") + name


def script_tag(meta: Any) -> str:
    """:func:`written_tag` of a note's ``NoteMeta``, its script only (a build whose pages convert in one domain)."""
    return written_tag(meta.lang, meta.region)


def sealed(tag: str) -> str:
    """A copy's frame's mark of :func:`written_tag` ``tag`` as its template writes it ("" for none)."""
    return SEAL + tag if tag else ""


def is_marked(value: str | None) -> bool:
    """Whether a frame's ``WRITTEN_ATTR`` value is the build's (sealed), before :func:`folded` takes the seal off."""
    return value is not None and value.startswith(SEAL)


def holds_marks(text: str) -> bool:
    """Whether Markdown or HTML holds a frame's mark sealed as the build's."""
    return _SEALED in text


def region_of(tag: str) -> tuple[bool, str | None]:
    """(whether ``tag`` is a :func:`written_tag` of Traditional, its region or None)."""
    m = _TAG_RE.fullmatch(tag)
    return (m is not None and not m["hans"], m["region"] if m else None)


def domain_of(tag: str) -> str | None:
    """The domain a :func:`written_tag` names (``script.domain``'s), or None."""
    m = _TAG_RE.fullmatch(tag)
    return _DOMAINS[m["domain"]] if m and m["domain"] else None


def folded(
    html: str,
    page_tag: str,
    page_fold: Callable[[str], str] | None,
    fold_of: Callable[[str], Callable[[str], str]],
) -> str:
    """A page's rendered HTML with each Traditional copy folded by its note's fold, the rest by ``page_fold``.

    ``page_tag``: the page's own note's :func:`written_tag` ("" for a Simplified note): a copy of a note written
    the same way is folded with the page, by the same fold.  ``page_fold``: the page's fold (None: the page is
    not folded).  ``fold_of``: a copy's tag → its fold (a Traditional note's by its region; a note's held in its
    page's domain, :func:`domain_of`, where that is not the embedding page's).  A copy is
    its frame, start tag to its end tag, the quotes inside it counted (the copy's own are closed,
    ``copy_frame``).
    """
    if _SEALED not in html:
        return page_fold(html) if page_fold is not None else html
    return _folded(html, page_tag, page_fold, fold_of).replace(_SEALED, _UNSEALED)


def _folded(
    html: str,
    page_tag: str,
    page_fold: Callable[[str], str] | None,
    fold_of: Callable[[str], Callable[[str], str]],
) -> str:
    copies = _copies(html, page_tag)
    if not copies:
        return page_fold(html) if page_fold is not None else html
    parts, done = [], 0
    for k, (start, end, _) in enumerate(copies):
        parts += [html[done:start], _STAND_IN.format(k)]
        done = end
    around = "".join([*parts, html[done:]])
    if page_fold is not None:
        around = page_fold(around)
    shown = [_fold(fold_of(tag), html[start:end]) for start, end, tag in copies]
    return _STAND_IN_RE.sub(lambda m: shown[int(m[1])], around)


def _fold(fold: Callable[[str], str], copy: str) -> str:
    """``fold(copy)``, kept (``_FOLDED``): a fold's output is a function of its input, whatever it saw before."""
    done = _FOLDED.get(key := (fold, copy))
    if done is None:
        done = fold(copy)
        if _FOLDED_CHARS[0] + len(copy) + len(done) > FOLDED_MAX_CHARS:
            _FOLDED.clear()
            _FOLDED_CHARS[0] = 0
        _FOLDED[key] = done
        _FOLDED_CHARS[0] += len(copy) + len(done)
    return done


def _copies(html: str, page_tag: str) -> list[tuple[int, int, str]]:
    """(start, end, tag) of each outermost frame naming a note written otherwise than the page (``written_tag``)."""
    found: list[tuple[int, int, str]] = []
    depth = 0  # quotes open inside the copy being read
    start, tag = -1, ""
    for m in _HTML_TAG_RE.finditer(html):
        if m["name"] is None or m["name"].lower() != "blockquote":  # a comment, another tag
            continue
        if start >= 0:
            depth += -1 if m["end"] else 1
            if depth == 0:
                found.append((start, m.end(), tag))
                start = -1
            continue
        if m["end"] or (w := _WRITTEN_RE.search(m["attrs"])) is None:
            continue
        if _TAG_RE.fullmatch(w["tag"]) and w["tag"] != page_tag:
            start, depth, tag = m.start(), 1, w["tag"]
    return found
