"""The front-matter fields' options: each reads one value in any dialect's spelling and checks it.

A date string with an offset becomes an aware datetime, ``"#a #b"`` a tag list, ``Name (@handle)``
an :class:`Author`; a value that cannot be read raises ``ValidationError`` saying what to write.
``meta.note_schema`` puts these options together into the one schema every note is normalised into.
"""

from __future__ import annotations

import contextlib
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c

# --------------------------------------------------------------------------- Data

_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S %z",
    # A month or day of one digit (Hexo's moment and Jekyll's Ruby read them; YAML does only with seconds).
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
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


# --------------------------------------------------------------------------- Options


#: A timestamp this large is in milliseconds (Dendron's ``created``/``updated``, JavaScript's ``Date.now()``).
MILLISECONDS_FROM = 10**11


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
        elif moment.utcoffset() == timedelta(0):
            # UTC is a machine's spelling (a timestamp, Joplin's export, toISOString): shown on the day it was
            # where the site is read, not the day in London; an author's own offset (+09:00) stays as written.
            # A "never" (9999-12-31T23:59:59Z) has no day in a zone east of UTC: it stays in UTC.
            with contextlib.suppress(OverflowError):
                moment = moment.astimezone(self.zone)
        try:
            moment.astimezone(UTC)  # feeds and sitemaps write it in UTC: it must have a UTC time
        except OverflowError:
            raise base.ValidationError(
                f"date {value!s} is out of range: write a real date, e.g. 2025-05-15"
            ) from None
        return moment


def _from_timestamp(value: float) -> datetime:
    """A Unix timestamp (some tools write seconds since 1970); impossible ones are a field error.

    Dendron and JavaScript write milliseconds: a number past 10**11 (in seconds, the year 5138) is read so.
    """
    try:
        if not math.isfinite(value):
            raise ValueError("not a number")
        return datetime.fromtimestamp(value / 1000 if abs(value) >= MILLISECONDS_FROM else value, tz=UTC)
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
    tags: dict[str, None] = {}  # in order, each once: a list's ``in`` made 30,000 tags take 9 s
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
            if token:
                tags.setdefault(token)
    return tuple(tags), tuple(handles)


class Categories(c.BaseConfigOption[tuple[tuple[str, ...], ...]]):
    """Categories as paths, top first: Jekyll's ``a b`` or ``[a, b]`` two categories, ``[[a, b], c]`` a path and one.

    A Hexo note's flat list is one path (Hexo reads ``[Sports, Baseball]`` as Sports › Baseball): the
    corpus, which knows the dialect, hands it here as ``[[Sports, Baseball]]`` (``hexo_categories``).
    """

    def __init__(self) -> None:
        super().__init__()
        self.default = ()

    def run_validation(self, value: object) -> tuple[tuple[str, ...], ...]:
        if value is None or value == "":
            return ()
        # As Jekyll reads them: a string is split at its spaces, a list's names are kept whole.
        items = value if isinstance(value, (list, tuple)) else _category_name(value).split()
        paths: dict[tuple[str, ...], None] = {}  # in order, each once
        for item in items:
            parts = item if isinstance(item, (list, tuple)) else [item]
            if path := tuple(name for part in parts if (name := _category_name(part))):
                paths.setdefault(path)
        return tuple(paths)


def hexo_categories(value: object) -> object:
    """A Hexo note's ``categories`` as Jekyll's reading of it spells the same paths (``Categories``)."""
    if isinstance(value, (list, tuple)) and not any(isinstance(v, (list, tuple)) for v in value):
        return [value]  # [Sports, Baseball]: one path
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return [[value]]  # one category, its spaces kept
    return value


def _category_name(item: object) -> str:
    if isinstance(item, (date, bool)) or not isinstance(item, (str, int, float)):
        raise base.ValidationError(
            f"a category must be text, got {_kind(item)}: write categories as a list of words, "
            "e.g. categories: [读书, 旅行], or a path as a list in it, e.g. categories: [[体育, 棒球]]"
        )
    return str(item).strip()


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
    """A Chinese language tag naming the script the note is written in, and a Traditional note's region.

    ``zh-Hans``, ``zh-Hant``, or ``zh-Hant-TW`` / ``zh-Hant-HK`` / ``zh-Hant-MO`` where the tag names the
    region (``zh-tw``, ``zh_HK``, ``zh-Hant-TW``): :func:`script_and_region` splits it for ``NoteMeta``.
    """

    def run_validation(self, value: object) -> str | None:
        if value is None or value == "":
            return None
        text = str(value).strip().replace("_", "-")
        lowered = text.lower()
        if lowered in ("zh-cn", "zh-sg", "zh-hans", "zh"):
            return "zh-Hans"
        region = lowered.rsplit("-", 1)[-1].upper() if lowered.count("-") in (1, 2) else ""
        if lowered in ("zh-tw", "zh-hk", "zh-mo", "zh-hant") or lowered.startswith("zh-hant"):
            return f"zh-Hant-{region}" if region in TRADITIONAL_REGIONS else "zh-Hant"
        if not _LANG_RE.match(text):
            raise base.ValidationError(f"lang {value!r} must be zh-Hans or zh-Hant")
        return "zh-Hant" if "Hant" in text else "zh-Hans"


#: The regions a Traditional note's ``lang`` may name (Taiwan, Hong Kong, Macau).
TRADITIONAL_REGIONS = ("TW", "HK", "MO")


def script_and_region(lang: str | None) -> tuple[str | None, str | None]:
    """``Lang``'s value as (``zh-Hans`` / ``zh-Hant``, the region of a Traditional note or None)."""
    if lang is not None and lang.startswith("zh-Hant-"):
        return "zh-Hant", lang.rsplit("-", 1)[1]
    return lang, None


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
    """The first control character (or lone surrogate, or noncharacter U+FDD0–U+FDEF) in a value, as ``U+0000``.

    Such characters are invisible, end C strings, and cannot be written as UTF-8 (surrogates), or
    mark the build's own places (the noncharacters: ``limits._CONTROL_RE``): a field holding one is
    refused, not cleaned, so the author sees what the file really says.
    """
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            for char in item:
                if char not in "\t\n" and (
                    unicodedata.category(char) in ("Cc", "Cs") or "\ufdd0" <= char <= "\ufdef"
                ):
                    return f"U+{ord(char):04X}"
        elif isinstance(item, Mapping):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
    return None
