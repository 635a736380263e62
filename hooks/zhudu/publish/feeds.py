"""Atom feeds (RFC 4287): one per variant, at the site root (``feed-<code>.xml``).

The feeds sit at the site root, not in the variants' folders, on purpose: Material's
script fetches and parses ``sitemap.xml`` relative to every ``<link rel="alternate">``
of a page, on every page load (its language switcher reads sitemaps this way).  Next to
``<prefix>/feed.xml`` that was the variant's whole sitemap, parsed a second time beside
instant navigation's own parse (about 0.1 s of main thread per page load at 3,000 notes
on a desktop, 0.25 s on a phone); next to the root's feeds it is the root's sitemap index
(a few hundred bytes, no pages).

Everything here is plain data in, text out: the hook gives the notes as
``FeedEntry`` values (already converted to the variant's script) and writes the
result.  Output is deterministic: no clock, entries in a fixed order, and the
feed's ``updated`` is the newest entry's.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlsplit
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from zhudu import fragments
from zhudu.publish.site_scripts import code_kept

# --------------------------------------------------------------------------- Data

FEED_FILE = "feed-{code}.xml"
#: Entries per feed, the newest.  Feed readers fetch a feed again and again for what is new; every
#: note in it would make each fetch grow with the site (2.5 MB per variant at 3,000 notes).
FEED_ENTRIES = 50
ATOM_NS = "http://www.w3.org/2005/Atom"
#: ``updated`` of a feed without any dated entry (RFC 4287 requires one; never the clock).
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: What a ``tag:`` URI's specific part may hold as it is (RFC 4151: pchar, "/" and "?"); an Atom id is an
#: IRI, so letters beyond ASCII stay too.  Anything else (a space in ``日记 2024-01-05``, ``#``, ``%``) is
#: percent-encoded: feed readers and validators refuse an id that is no IRI.
_TAG_SPECIFIC_ASCII = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?"
)


@dataclass(frozen=True)
class FeedAuthor:
    """An ``atom:author``."""

    name: str
    uri: str | None = None


@dataclass(frozen=True)
class FeedEntry:
    """One note as a feed entry, in the variant's script."""

    id: str
    title: str
    link: str
    published: datetime | None
    updated: datetime
    summary: str
    authors: tuple[FeedAuthor, ...] = ()
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    """A variant's feed."""

    id: str
    title: str
    subtitle: str
    self_link: str
    home_link: str
    lang: str
    author: FeedAuthor
    entries: tuple[FeedEntry, ...]


# --------------------------------------------------------------------------- Building


def rfc3339(moment: datetime) -> str:
    """An aware datetime as RFC 3339 (what Atom dates are); naive values are taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def entry_id(site_url: str, note_id: str, published: datetime | None, fallback_url: str) -> str:
    """A stable entry id: a ``tag:`` URI from the site's host, the note's first date and its id.

    The note id is the seed file's name, so the id survives a new slug or title; the
    date is the note's own publication date (RFC 4151 wants a date the authority owned
    the name on).  Without a host or a date the entry's URL is its id.
    """
    host, path = _authority(site_url)
    if not host or published is None:
        return fallback_url
    specific = f"{path}/{_iri_text(note_id)}" if path else _iri_text(note_id)  # the path is a URL's already
    return f"tag:{host},{published.date().isoformat()}:{specific}"


def _iri_text(text: str) -> str:
    """``text`` as an IRI's characters: kept where it may stand as it is, else percent-encoded (UTF-8)."""
    return "".join(
        char
        if char in _TAG_SPECIFIC_ASCII or (char > "\x7f" and char.isprintable() and not char.isspace())
        else quote(char, safe="")
        for char in text
    )


@functools.lru_cache(maxsize=8)
def _authority(site_url: str) -> tuple[str | None, str]:
    """The site URL's host and path (asked once per note per variant: parsed once)."""
    parts = urlsplit(site_url)
    return parts.hostname, parts.path.strip("/")


def feed_updated(entries: Iterable[FeedEntry]) -> datetime:
    """The newest entry's ``updated`` (``EPOCH`` for an empty feed)."""
    return max((e.updated for e in entries), default=EPOCH)


def sort_entries(entries: Iterable[FeedEntry]) -> tuple[FeedEntry, ...]:
    """Newest first by ``updated``; ties by id so the order never depends on input order."""
    return tuple(sorted(entries, key=lambda e: (-e.updated.timestamp(), e.id)))


def render(feed: Feed) -> str:
    """The feed document (UTF-8 XML text)."""
    rows = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM_NS}" xml:lang={quoteattr(feed.lang)}>',
        f"  <id>{xml_escape(feed.id)}</id>",
        f"  <title>{xml_escape(feed.title)}</title>",
    ]
    if feed.subtitle:
        rows.append(f"  <subtitle>{xml_escape(feed.subtitle)}</subtitle>")
    rows += [
        f"  <updated>{rfc3339(feed_updated(feed.entries))}</updated>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(feed.self_link)}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(feed.home_link)}/>',
        *_author(feed.author, "  "),
        '  <generator uri="https://github.com/zhudu">Zhudu</generator>',
    ]
    for entry in feed.entries:
        rows += [
            "  <entry>",
            f"    <id>{xml_escape(entry.id)}</id>",
            f"    <title>{xml_escape(entry.title)}</title>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(entry.link)}/>',
        ]
        if entry.published:
            rows.append(f"    <published>{rfc3339(entry.published)}</published>")
        rows.append(f"    <updated>{rfc3339(entry.updated)}</updated>")
        for author in entry.authors:
            rows += _author(author, "    ")
        rows += [f"    <category term={quoteattr(term)}/>" for term in entry.categories]
        if entry.summary:
            rows.append(f"    <summary>{xml_escape(entry.summary)}</summary>")
        rows.append("  </entry>")
    rows.append("</feed>")
    return "\n".join(rows) + "\n"


def _author(author: FeedAuthor, indent: str) -> list[str]:
    rows = [f"{indent}<author>", f"{indent}  <name>{xml_escape(author.name)}</name>"]
    if author.uri:
        rows.append(f"{indent}  <uri>{xml_escape(author.uri)}</uri>")
    rows.append(f"{indent}</author>")
    return rows


# --------------------------------------------------------------------------- From notes


def note_entries(
    notes: Sequence[object],
    *,
    site_url: str,
    variant_base: str,
    note_urls: dict[str, str],
    convert: Callable[[str], str],
    limit: int = FEED_ENTRIES,
    shown_by: Callable[[str, str | None, str | None], Callable[[str], str]] | None = None,
) -> tuple[FeedEntry, ...]:
    """Feed entries for the ``limit`` newest dated, readable notes, converted with ``convert``.

    Args:
        notes: ``notes.Note`` values (their ``meta`` is read).
        site_url: The configured site URL (for ``tag:`` ids).
        variant_base: Absolute URL of the variant's root, ending in ``/``.
        note_urls: Note id → page URL relative to a variant root (``notes/x/``).
        convert: Writes a text in the variant's script.
        limit: How many entries to keep.
        shown_by: How a note's words are written into the default variant's pages, by its ``lang``,
            ``region`` and ``domain`` (``Site.shown_by``), before ``convert``: an entry reads as the note's page (a summary's
            inline code as typed, ``site_scripts.code_kept``).
    """
    # Each dated note's place first (``sort_entries``' key); entries only for the ``limit`` chosen:
    # a save made one for every note in every variant.
    ranked = []
    for note in notes:
        meta = note.meta  # type: ignore[attr-defined]
        if not note.listed or note.id not in note_urls:  # type: ignore[attr-defined]
            continue
        updated = meta.updated or meta.date
        if updated is None:
            continue  # Atom requires a date and the clock would make builds differ
        link = variant_base + note_urls[note.id]  # type: ignore[attr-defined]
        updated = max(updated, meta.date) if meta.date else updated
        entry = entry_id(site_url, meta.id, meta.date, link)
        ranked.append(((-updated.timestamp(), entry), entry, link, updated, meta))
    ranked.sort(key=lambda r: r[0])
    # Converted once chosen: the order does not depend on the text.
    out = []
    for _, entry, link, updated, meta in ranked[: max(0, limit)]:
        shown = shown_by(meta.lang, meta.region, meta.domain) if shown_by is not None else str
        out.append(
            FeedEntry(
                id=entry,
                title=convert(shown(meta.title)),
                link=link,
                published=meta.date,
                updated=updated,
                summary=(
                    meta.description_code
                    and code_kept(meta.description_code, lambda t, shown=shown: convert(shown(t)), str)  # type: ignore[misc]
                )
                or convert(shown(meta.description or "")),
                authors=tuple(FeedAuthor(name=a.name, uri=a.url) for a in meta.authors),
                categories=_terms(meta, lambda text, shown=shown: convert(shown(text))),  # type: ignore[misc]
            )
        )
    return tuple(out)


def _terms(meta: Any, convert: Callable[[str], str]) -> tuple[str, ...]:
    """A note's tags, then every name in its categories, each once (as Hexo's own feed lists a path's names)."""
    names = (*meta.tags, *(name for path in meta.categories for name in path))
    return tuple(dict.fromkeys(convert(name) for name in names))


def variant_feeds(
    *,
    notes: Sequence[object],
    site_url: str,
    variants: Sequence[tuple[str, str, str]],
    note_urls: dict[str, str],
    site_name: str,
    site_description: str,
    site_author: str,
    convert: Callable[[str, str], str],
    shown_by: Callable[[str, str | None, str | None], Callable[[str], str]] | None = None,
) -> dict[str, str]:
    """Each variant's feed document, keyed by the path it is written to (``feed-zh-Hans.xml``).

    Args:
        notes: The corpus' notes.
        site_url: The configured site URL; feeds need absolute URLs, so none without it.
        variants: (code, prefix ending in ``/``, name as the variant menu shows it) of each variant.
        note_urls: Note id → page URL relative to a variant root.
        site_name: The site's name, as written (Simplified).
        site_description: The site's description, as written.
        site_author: The feed's author (the site's name when the site gives none).
        convert: (variant code, text) → the text in that variant's script.
        shown_by: How a note's words are written into the default variant's pages (``note_entries``).
    """
    if not site_url:
        return {}
    base = site_url.rstrip("/") + "/"
    out = {}
    for code, prefix, name in variants:
        entries = note_entries(
            notes,
            site_url=site_url,
            variant_base=base + prefix,
            note_urls=note_urls,
            convert=lambda text, code=code: convert(code, text),  # type: ignore[misc]
            shown_by=shown_by,
        )
        self_link = base + feed_file(code)
        feed = Feed(
            id=self_link,
            title=feed_title(convert(code, site_name), name),
            subtitle=convert(code, site_description),
            self_link=self_link,
            home_link=base + prefix,
            lang=code,
            author=FeedAuthor(name=convert(code, site_author or site_name), uri=base),
            entries=entries,
        )
        out[feed_file(code)] = render(feed)
    return out


def feed_title(site_name: str, variant_name: str) -> str:
    """A variant's feed's title: the site's name and the variant's, so a reader subscribed to two tells them apart."""
    return f"{site_name}（{variant_name}）"


def feed_file(code: str) -> str:
    """Where a variant's feed is written, relative to the site root."""
    return FEED_FILE.format(code=code)


def discovery_links(
    *, site_url: str, site_name: str, variants: Sequence[tuple[str, str]], convert: Callable[[str, str], str]
) -> str:
    """The site root's ``<link>`` to every variant's feed, for feed readers given the site's address.

    Args:
        site_url: The configured site URL; no feeds without it, so no links.
        site_name: The site's name, as written (Simplified).
        variants: (code, name) of each variant, its name as the variant menu shows it.
        convert: (variant code, text) → the text in that variant's script.
    """
    if not site_url:
        return ""
    feeds = [(feed_title(convert(code, site_name), name), feed_file(code), code) for code, name in variants]
    return fragments.render("zd-feeds.html", "links", feeds=feeds)
