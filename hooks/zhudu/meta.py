"""The one front-matter schema every note is normalised into.

Authors' tools write front matter in their own dialects (the Obsidian web
clipper, Jekyll, Hexo, Hugo).  ``ALIASES`` maps each dialect's keys onto the
schema; custom config options normalise the values (``"#a #b"`` → a list, a
date string with an offset → an aware datetime) and check them.  Keys the
schema does not know are kept, as written, in ``NoteMeta.extra``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from mkdocs.config import base
from mkdocs.config import config_options as c

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

_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S %z",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日",
)

_HANDLE_RE = re.compile(r"""^\s*(?:\[\[)?\s*@(?P<handle>[A-Za-z0-9_]{1,50})\s*(?:\]\])?\s*$""", re.VERBOSE)
_NAME_AND_HANDLE_RE = re.compile(
    r"""^\s*(?P<name>[^@()（）]+?)\s*[(（]\s*@(?P<handle>[A-Za-z0-9_]{1,50})\s*[)）]\s*$""",
    re.VERBOSE,
)
_TAG_SPLIT_RE = re.compile(r"[\s,，、;；]+")
_SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
_LANG_RE = re.compile(r"^zh(?:-(?:Hans|Hant))?(?:-[A-Z]{2})?$")


# --------------------------------------------------------------------------- Values


@dataclass(frozen=True)
class Author:
    """A note's author: display name, optional handle and profile URL."""

    name: str
    handle: str | None = None
    url: str | None = None


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
            "description": self.description,
            "lang": self.lang,
            "dialect": self.dialect,
            "chars": self.chars,
            "words": self.words,
            "reading_minutes": self.reading_minutes,
            "template": self.template,
            "extra": {k: _jsonable(v) for k, v in self.extra.items()},
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


# --------------------------------------------------------------------------- Options


class AwareDateTime(c.BaseConfigOption[datetime | None]):
    """A date or datetime in any of the dialects' spellings, made timezone-aware."""

    def __init__(self, zone: tzinfo) -> None:
        super().__init__()
        self.zone = zone
        self.default = None

    def run_validation(self, value: object) -> datetime | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            moment = value
        elif isinstance(value, date):
            moment = datetime.combine(value, time())
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            moment = datetime.fromtimestamp(value, tz=UTC)
        elif isinstance(value, str):
            moment = parse_date(value)
        else:
            raise base.ValidationError(f"expected a date, got {type(value).__name__}")
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.zone)
        return moment


def parse_date(text: str) -> datetime:
    """Parse a date as the dialects write it; raise ``ValidationError`` saying what works."""
    text = text.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    raise base.ValidationError(
        f"unknown date format {text!r}: write it as ISO 8601, e.g. 2025-05-15 or 2025-05-15 22:20:48 +0800"
    )


class Tags(c.BaseConfigOption[tuple[str, ...]]):
    """A clean tag list from a list, a space- or comma-separated string, or hashtags."""

    def __init__(self) -> None:
        super().__init__()
        self.default = ()

    def run_validation(self, value: object) -> tuple[str, ...]:
        return split_tags(value)[0]


def split_tags(value: object) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split a tags value into (tags, handles); ``@handle`` tokens are authors, not tags."""
    if value is None or value == "":
        return (), ()
    items = value if isinstance(value, (list, tuple)) else [value]
    tags: list[str] = []
    handles: list[str] = []
    for item in items:
        if not isinstance(item, (str, int, float)):
            raise base.ValidationError(f"a tag must be text, got {type(item).__name__}")
        for token in _TAG_SPLIT_RE.split(str(item)):
            token = token.strip().strip("[]`")
            if not token:
                continue
            if token.startswith("@"):
                handles.append(token[1:])
                continue
            token = token.lstrip("#").strip()
            if token and token not in tags:
                tags.append(token)
    return tuple(tags), tuple(handles)


class Authors(c.BaseConfigOption[tuple[Author, ...]]):
    """Authors from a name, a ``[[@handle]]`` wikilink, ``Name (@handle)`` or a mapping."""

    def __init__(self) -> None:
        super().__init__()
        self.default = ()

    def run_validation(self, value: object) -> tuple[Author, ...]:
        if value is None or value == "":
            return ()
        items = value if isinstance(value, (list, tuple)) else [value]
        return tuple(parse_author(item) for item in items)


def parse_author(item: object) -> Author:
    """One author entry in any dialect's spelling."""
    if isinstance(item, Mapping):
        name = str(item.get("name") or item.get("handle") or "").strip()
        handle = str(item.get("handle") or "").lstrip("@").strip() or None
        if not name:
            raise base.ValidationError("an author mapping needs a name or a handle")
        url = item.get("url")
        return Author(name=name, handle=handle, url=str(url) if url else None)
    if not isinstance(item, str):
        raise base.ValidationError(f"an author must be text, got {type(item).__name__}")
    if m := _HANDLE_RE.match(item):
        return Author(name=m["handle"], handle=m["handle"])
    if m := _NAME_AND_HANDLE_RE.match(item):
        return Author(name=m["name"], handle=m["handle"])
    name = item.strip().strip("[]").strip()
    if not name:
        raise base.ValidationError("an empty author")
    return Author(name=name)


class Slug(c.BaseConfigOption[str | None]):
    """A stable ASCII slug: lowercase letters, digits and hyphens."""

    def run_validation(self, value: object) -> str | None:
        if value is None or value == "":
            return None
        text = str(value).strip().strip("/").lower()
        if not _SLUG_RE.match(text):
            raise base.ValidationError(f"slug {value!r} must be ASCII: lowercase letters, digits and hyphens")
        return text


class Lang(c.BaseConfigOption[str | None]):
    """A Chinese language tag naming the script the note is written in."""

    def run_validation(self, value: object) -> str | None:
        if value is None or value == "":
            return None
        text = str(value).strip().replace("_", "-")
        lowered = text.lower()
        if lowered in ("zh-cn", "zh-sg", "zh-hans", "zh"):
            return "zh-Hans"
        if lowered in ("zh-tw", "zh-hk", "zh-mo", "zh-hant") or lowered.startswith("zh-hant"):
            return "zh-Hant"
        if not _LANG_RE.match(text):
            raise base.ValidationError(f"lang {value!r} must be zh-Hans or zh-Hant")
        return "zh-Hant" if "Hant" in text else "zh-Hans"


class Text(c.BaseConfigOption[str | None]):
    """A single line of text (numbers are accepted and kept as written)."""

    def run_validation(self, value: object) -> str | None:
        if value is None:
            return None
        if isinstance(value, (list, tuple, Mapping)):
            raise base.ValidationError(f"expected text, got {type(value).__name__}")
        text = " ".join(str(value).split())
        return text or None


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
        source = c.Optional(c.URL())
        tags = Tags()
        description = Text()
        slug = Slug()
        lang = Lang()
        template = c.Optional(c.Type(str))

    return NoteSchema


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
            if alias in raw and raw[alias] not in (None, "", []):
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
