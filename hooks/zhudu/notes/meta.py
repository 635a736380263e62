"""The one front-matter schema every note is normalised into.

Authors' tools write front matter in their own dialects (the Obsidian web
clipper, Jekyll, Hexo, Hugo).  ``ALIASES`` maps each dialect's keys onto the
schema; custom config options normalise the values (``"#a #b"`` → a list, a
date string with an offset → an aware datetime) and check them.  Keys the
schema does not know are kept, as written, in ``NoteMeta.extra``.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
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
_ISO_DAY_RE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:$|[T ])")

#: The only schemes a link taken from front matter (``source``, an author's ``url``) may have:
#: anything else (``javascript:``, ``data:``) would run or load something when a reader clicks.
URL_SCHEMES = ("http", "https")


# --------------------------------------------------------------------------- Values


@dataclass(frozen=True)
class Author:
    """A note's author: display name, optional handle and profile URL."""

    name: str
    handle: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Backlink:
    """A note linking to another: where its page is, what it is called, how often it links."""

    slug: str
    title: str
    count: int = 1


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
    #: The folder of ``seeds/`` the note is in ("" for ``seeds/`` itself), and its section's slug.
    folder: str = ""
    section: str = ""
    #: The notes that link to this one, by slug (filled once every note is read).
    backlinks: tuple[Backlink, ...] = ()

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
            "folder": self.folder,
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
            moment = _from_timestamp(value)
        elif isinstance(value, str):
            moment = parse_date(value)
        else:
            raise base.ValidationError(
                f"expected a date, got {_kind(value)}: write it as ISO 8601, e.g. 2025-05-15"
            )
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.zone)
        try:
            moment.astimezone(UTC)  # feeds and sitemaps write it in UTC: it must have a UTC time
        except OverflowError:
            raise base.ValidationError(
                f"date {value!s} is out of range: write a real date, e.g. 2025-05-15"
            ) from None
        return moment


def _from_timestamp(value: float) -> datetime:
    """A Unix timestamp (some tools write seconds since 1970); impossible ones are a field error."""
    try:
        if not math.isfinite(value):
            raise ValueError("not a number")
        return datetime.fromtimestamp(value, tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise base.ValidationError(
            f"{value!r} is not a usable timestamp: write the date as ISO 8601, e.g. 2025-05-15"
        ) from None


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
    if m := _ISO_DAY_RE.match(text):  # ISO 8601 in form, but no such day (2025-02-30)
        try:
            date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError as exc:
            raise base.ValidationError(
                f"no such date {text!r} ({exc}): write a real date as ISO 8601, e.g. 2025-05-15"
            ) from None
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
        if isinstance(item, (date, bool)):  # YAML reads 2024-01-01 as a date and yes/no as booleans
            raise base.ValidationError(
                f"tag {item!s} is read as {_kind(item)}, not text: quote it, e.g. tags: ['{item!s}', 旅行]"
            )
        if not isinstance(item, (str, int, float)):
            raise base.ValidationError(
                f"a tag must be text, got {_kind(item)}: write tags as a list of words, e.g. tags: [旅行, 摄影]"
            )
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
        for key in ("name", "handle"):
            if item.get(key) is not None and not isinstance(item[key], (str, int)):
                raise base.ValidationError(f"an author's {key} must be text, got {_kind(item[key])}")
        name = str(item.get("name") or item.get("handle") or "").strip()
        handle = str(item.get("handle") or "").lstrip("@").strip() or None
        if not name:
            raise base.ValidationError("an author mapping needs a name or a handle")
        url = item.get("url")
        return Author(name=name, handle=handle, url=web_url(url, "an author's url") if url else None)
    if not isinstance(item, str):
        raise base.ValidationError(
            f"an author must be text, got {_kind(item)}: write a name, e.g. author: 张三, or quote it"
        )
    if m := _HANDLE_RE.match(item):
        return Author(name=m["handle"], handle=m["handle"])
    if m := _NAME_AND_HANDLE_RE.match(item):
        return Author(name=m["name"], handle=m["handle"])
    name = item.strip().strip("[]").strip()
    if not name:
        raise base.ValidationError("an empty author")
    return Author(name=name)


def web_url(value: object, what: str = "") -> str:
    """A link for readers to click: an absolute http(s) URL, as written.

    Raises:
        ValidationError: another scheme (``javascript:``), no host, or not text.
    """
    label = f"{what} " if what else ""
    if not isinstance(value, str):
        raise base.ValidationError(f"{label}must be an http:// or https:// URL, got {_kind(value)}")
    text = value.strip()
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        parts = None
    if (
        parts is None
        or parts.scheme.lower() not in URL_SCHEMES
        or not parts.hostname
        or re.search(r"\s", text)
    ):
        raise base.ValidationError(
            f"{label}{value!r} must be an http:// or https:// URL, e.g. https://example.org/post"
        )
    return text


class WebURL(c.BaseConfigOption[str | None]):
    """A note's source: an absolute http(s) URL (see ``URL_SCHEMES``)."""

    def run_validation(self, value: object) -> str | None:
        if value is None or value == "":
            return None
        return web_url(value)


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
        if isinstance(value, bool):  # YAML reads yes/no/on/off/true/false as booleans
            raise base.ValidationError(f"{value!s} is read as true/false, not text: quote it")
        if not isinstance(value, (str, int, float, date)):
            raise base.ValidationError(f"expected text, got {_kind(value)}")
        text = " ".join(str(value).split())
        return text or None


def _kind(value: object) -> str:
    """What a value is, in the words of the front matter (for messages)."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (date, datetime)):
        return "a date"
    if isinstance(value, Mapping):
        return "a mapping (key: value)"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "a list"
    if isinstance(value, (int, float)):
        return "a number"
    return type(value).__name__


def control_character(value: object) -> str | None:
    """The first control character (or lone surrogate) anywhere in a value, as ``U+0000``.

    Such characters are invisible, end C strings, and cannot be written as UTF-8 (surrogates):
    a field holding one is refused, not cleaned, so the author sees what the file really says.
    """
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            for char in item:
                if char not in "\t\n" and unicodedata.category(char) in ("Cc", "Cs"):
                    return f"U+{ord(char):04X}"
        elif isinstance(item, Mapping):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
    return None


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
        description = Text()
        slug = Slug()
        lang = Lang()
        template = c.Optional(c.Type(str))

    return NoteSchema


def validate_fields(
    schema: type[base.Config], values: Mapping[str, Any]
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Validate every field of ``values`` with ``schema``'s options, each on its own.

    MkDocs' ``Config.validate`` stops at the first failing option and leaves the options after
    it holding their raw values: one bad field would hide the others' errors and let their
    unchecked values through.  Here every field is checked; a failed one is ``None``.

    Returns:
        The clean value of every schema field, and (field, message) for every failure.
    """
    clean: dict[str, Any] = {}
    failed: list[tuple[str, str]] = []
    for key, option in schema._schema:
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
