"""The one front-matter schema every note is normalised into.

Authors' tools write front matter in their own dialects (the Obsidian web
clipper, Jekyll, Hexo, Hugo).  ``ALIASES`` maps each dialect's keys onto the
schema; custom config options normalise the values (``"#a #b"`` → a list, a
date string with an offset → an aware datetime) and check them.  Keys the
schema does not know are kept, as written, in ``NoteMeta.extra``.

The options that read and check each field's value live in ``meta_fields``.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from mkdocs.config import base
from mkdocs.config import config_options as c

from zhudu.notes.meta_fields import (
    Author,
    Authors,
    AwareDateTime,
    Categories,
    Lang,
    Slug,
    Tags,
    Text,
    WebURL,
    control_character,
    split_tags,
)

# ``Author`` and ``split_tags`` are meta_fields': importable from here too, where the corpus reads them.
__all__ = [
    "ALIASES",
    "EDITABLE_FIELDS",
    "PROFILE_URLS",
    "Author",
    "Backlink",
    "NoteMeta",
    "note_schema",
    "profile_url",
    "resolve_aliases",
    "split_tags",
    "validate_fields",
]

# --------------------------------------------------------------------------- Data

#: Schema field → the keys that carry it in some dialect, in order of precedence.
#: The first present key wins; the others stay in ``extra`` so nothing is lost.
ALIASES: Mapping[str, tuple[str, ...]] = {
    "title": ("title",),
    "subtitle": ("subtitle",),
    "date": ("date", "published", "pubDate", "publishDate", "created"),
    "updated": ("updated", "lastmod", "last_modified_at", "modified", "updated_at"),
    "authors": ("authors", "author"),
    "source": ("source", "source_url", "canonical_url", "original"),
    "tags": ("tags", "tag", "keywords"),
    "categories": ("categories", "category"),
    "description": ("description", "summary", "excerpt", "abstract"),
    "slug": ("slug",),
    "lang": ("lang", "language", "locale"),
}

#: Fields an editor may set in ``docs/editorial/notes.yml`` (see ``editorial``).
EDITABLE_FIELDS = (*ALIASES, "template")

#: Profile URL pattern per host of a note's source, for authors given by handle only.
PROFILE_URLS: Mapping[str, str] = {
    "x.com": "https://x.com/{handle}",
    "twitter.com": "https://x.com/{handle}",
    "mobile.twitter.com": "https://x.com/{handle}",
    "weibo.com": "https://weibo.com/n/{handle}",
    "github.com": "https://github.com/{handle}",
}


# --------------------------------------------------------------------------- Values


@dataclass(frozen=True)
class Backlink:
    """A note linking to another: where its page is, what it is called, how often it links."""

    slug: str
    title: str
    count: int = 1
    #: The linking note's script: a Traditional one's title is shown in the default variant's script.
    lang: str = "zh-Hans"
    #: And its region (``NoteMeta.region``).
    region: str | None = None
    #: And its text's domain (``NoteMeta.domain``).
    domain: str | None = None


@dataclass(frozen=True)
class NoteMeta:
    """A note's normalised metadata; the documented schema (see README)."""

    id: str
    slug: str
    title: str
    subtitle: str | None
    date: datetime | None
    updated: datetime | None
    authors: tuple[Author, ...]
    source: str | None
    tags: tuple[str, ...]
    description: str
    lang: str
    dialect: str
    chars: int
    words: int
    reading_minutes: int
    template: str = "note.html"
    extra: Mapping[str, Any] = field(default_factory=dict)
    #: Jekyll's and Hexo's categories, each a path of names, top first (``meta_fields.Categories``).
    categories: tuple[tuple[str, ...], ...] = ()
    #: The folder of ``seeds/`` the note is in ("" for ``seeds/`` itself): its relative links start there.
    folder: str = ""
    #: The folder whose section lists the note, and that section's slug: the note's folder, except for a
    #: page bundle (a folder holding only its ``index.md``, as Hugo's posts): a page of the folder above.
    section_folder: str = ""
    section: str = ""
    #: The notes that link to this one, by slug (filled once every note is read).
    backlinks: tuple[Backlink, ...] = ()
    #: A Traditional note's region (``TW``, ``HK``, ``MO``), where its ``lang`` names one: its words are kept
    #: as written on that region's pages only (``script/as_written.py``); None: on every Traditional page.
    region: str | None = None
    #: A description summarised from the note's text, in pieces: the note's inline code at odd places, shown as
    #: typed in every variant (``summary.summary_and_code``); ``()``: no code in it, or the author's description.
    description_code: tuple[str, ...] = ()
    #: The domain of the note's text for its own page (``script.domain.own_domain``: ``software``, "" for general text,
    #: None: too little to tell, the site's; an ``_index.md``'s, whose page is a section's): its page and its words
    #: wherever they are shown are converted in it (``publish/conversion_domain.py``).
    domain: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain, JSON-friendly data (dates as ISO 8601) for printing and templates."""
        return {
            "id": self.id,
            "slug": self.slug,
            "title": self.title,
            "subtitle": self.subtitle,
            "date": self.date.isoformat() if self.date else None,
            "updated": self.updated.isoformat() if self.updated else None,
            "authors": [vars(a) | {} for a in self.authors],
            "source": self.source,
            "tags": list(self.tags),
            "categories": [list(path) for path in self.categories],
            "description": self.description,
            "lang": self.lang,
            "region": self.region,
            "dialect": self.dialect,
            "chars": self.chars,
            "words": self.words,
            "reading_minutes": self.reading_minutes,
            "template": self.template,
            "extra": {k: _jsonable(v) for k, v in self.extra.items()},
            "folder": self.folder,
            "section_folder": self.section_folder,
            "section": self.section,
            "backlinks": [vars(b) | {} for b in self.backlinks],
        }


def _jsonable(value: Any) -> Any:
    # Front matter reaches here bounded (``yamldoc.check_bounds``): no alias bombs, no cycles.
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    return value


# --------------------------------------------------------------------------- The schema


@functools.cache
def note_schema(zone_name: str) -> type[base.Config]:
    """The front-matter schema, with dates made aware in the IANA zone ``zone_name``."""
    zone = ZoneInfo(zone_name)

    class NoteSchema(base.Config):
        title = Text()
        subtitle = Text()
        date = AwareDateTime(zone)
        updated = AwareDateTime(zone)
        authors = Authors()
        source = WebURL()
        tags = Tags()
        categories = Categories()
        description = Text()
        slug = Slug()
        lang = Lang()
        template = c.Optional(c.Type(str))

    return NoteSchema


def validate_fields(
    schema: type[base.Config], values: Mapping[str, Any], only: Collection[str] | None = None
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Validate every field of ``values`` with ``schema``'s options, each on its own.

    MkDocs' ``Config.validate`` stops at the first failing option and leaves the options after
    it holding their raw values: one bad field would hide the others' errors and let their
    unchecked values through.  Here every field is checked; a failed one is ``None``.

    Returns:
        The clean value of every schema field (of ``only``'s, when given), and (field, message) for
        every failure.
    """
    clean: dict[str, Any] = {}
    failed: list[tuple[str, str]] = []
    for key, option in schema._schema:
        if only is not None and key not in only:
            continue
        value = values.get(key, option.default)
        try:
            if char := control_character(value):
                raise base.ValidationError(f"contains the control character {char}: remove it")
            clean[key] = option.validate(value)
        except base.ValidationError as exc:
            failed.append((key, str(exc)))
            clean[key] = None
        except (ValueError, TypeError, OverflowError, OSError) as exc:
            # A value no option foresaw: one field's error, never the whole build's.
            failed.append((key, f"cannot be read ({exc}): check the value"))
            clean[key] = None
    return clean, failed


#: (zone, an editor's entry's repr) → its keys whose values fail validation (``cited_lines``).
_FAILING: dict[tuple[str, str], tuple[str, ...]] = {}


def cited_lines(
    override: Mapping[str, Any] | None, lines: Mapping[str, int] | None, zone_name: str
) -> tuple[tuple[str, int | None], ...]:
    """The lines of a note's ``notes.yml`` entry that reading the note can cite: its failing values'.

    A note's read is kept by what it was read from (``reads.NoteReads``), its entry included; of
    the entry's lines only those of a value that fails validation reach the note (its problem
    names them).  Keyed by all of them, removing one entry moved the lines of every entry after it
    and half the notes were read again after a delete.
    """
    if not override:
        return ()
    key = (zone_name, repr(override))
    failing = _FAILING.get(key)
    if failing is None:
        if len(_FAILING) >= 50_000:  # more entries than any notes.yml has, times a few edits
            _FAILING.clear()
        failed = validate_fields(note_schema(zone_name), override, only=override.keys())[1]
        failing = _FAILING[key] = tuple(k for k, _ in failed)
    return tuple((k, (lines or {}).get(k)) for k in failing)


def _is_published_flag(alias: str, value: object) -> bool:
    return alias == "published" and isinstance(value, bool)


def resolve_aliases(raw: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str], dict[str, Any]]:
    """Map a dialect's keys onto the schema.

    Returns:
        The schema values, which raw key each came from, and every other key (kept as written).
    """
    values: dict[str, Any] = {}
    origin: dict[str, str] = {}
    used: set[str] = set()
    for schema_key, aliases in ALIASES.items():
        for alias in aliases:
            # Jekyll's and Hexo's ``published: false`` says "a draft", no date (``meta_fields.draft_key``).
            if (
                alias in raw
                and raw[alias] not in (None, "", [])
                and not _is_published_flag(alias, raw[alias])
            ):
                values[schema_key] = raw[alias]
                origin[schema_key] = alias
                used.add(alias)
                break
    extra = {k: v for k, v in raw.items() if k not in used}
    return values, origin, extra


def profile_url(source: str | None, handle: str | None) -> str | None:
    """The profile URL of ``handle`` on the platform the note was clipped from."""
    if not (source and handle):
        return None
    host = (urlsplit(source).hostname or "").removeprefix("www.")
    pattern = PROFILE_URLS.get(host)
    return pattern.format(handle=handle) if pattern else None
