"""A Notion export's page properties as its front matter.

Notion's Markdown export writes a page as ``# 标题``, a blank line, then the page's properties one to
a line (``创建时间: 2024年1月5日 下午3:20``, ``标签: 阅读, 计划``; ``Created: January 5, 2024 3:20 PM``
in English), then a blank line and the text; the file is named ``<title> <32 hex digits>.md``.  Only
such a file is read so: an ordinary note opening with ``标签: x`` is text, as its author wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Container
from datetime import datetime
from typing import Any

from zhudu.notes.naming import default_slug

#: A Notion export's file name: the page's title, a space, the page's id.
_EXPORT_NAME_RE = re.compile(r"^.+ [0-9a-f]{32}$")
_TITLE_RE = re.compile(r"^# (?P<title>.+?)\s*$")
#: A property line as Notion writes it: a short name, ``: ``, the value.
_PROPERTY_RE = re.compile(r"^(?P<key>[^\s:：#>*\-|][^:：\n]{0,39}?): (?P<value>.*\S)\s*$")

#: Notion's names of the properties the site reads (Chinese and English exports), by schema key.
_KEYS = {
    "date": ("创建时间", "创建日期", "日期", "created", "created time", "date"),
    "updated": ("更新时间", "上次编辑时间", "最后编辑时间", "last edited time", "updated"),
    "tags": ("标签", "tags", "tag"),
}
_DATE_FORMATS = ("%B %d, %Y %I:%M %p", "%B %d, %Y", "%Y/%m/%d %H:%M", "%Y/%m/%d")
_CHINESE_DATE_RE = re.compile(
    r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:\s*(?P<half>上午|下午)?(?P<h>\d{1,2}):(?P<min>\d{2}))?$"
)


def is_export(stem: str) -> bool:
    """Whether a file's name (without its suffix) is a Notion export's: ``读书计划 0a1b…6789``."""
    return bool(_EXPORT_NAME_RE.match(stem))


def without_page_id(identifier: str) -> str:
    """A note id without the page id a Notion export's file name ends with (``读书计划 0a1b…6789`` → ``读书计划``).

    The note's default slug is made from it: the id is Notion's, not a word of the page's.
    """
    folder, _, name = identifier.rpartition("/")
    if not is_export(name):
        return identifier
    return f"{folder}/{name[:-33]}" if folder else name[:-33]


def slug_with_page_id(identifier: str, slug: str, taken: Container[str]) -> str | None:
    """An export page's default slug with Notion's page id (``notion-untitled-0a1b…``), when ``slug`` is its default without it.

    None for another note, a slug its author wrote, or one ``taken``.  Notion names many pages
    ``Untitled``: the id tells them apart, with nothing for the author to write (``corpus`` gives it
    to a second one).
    """
    bare = without_page_id(identifier)
    with_id = default_slug(identifier)
    return with_id if bare != identifier and slug == default_slug(bare) and with_id not in taken else None


def properties(text: str) -> tuple[dict[str, Any], str, int, dict[str, int]]:
    """The page's title and properties as front matter, the text after them, its first line, the keys' lines.

    None found (no title heading, or no property line under it): ``{}`` and the whole text.
    """
    lines = text.split("\n")
    title = _TITLE_RE.match(lines[0]) if lines else None
    number = 1
    while number < len(lines) and not lines[number].strip():
        number += 1
    raw: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    while title and number < len(lines) and (m := _PROPERTY_RE.match(lines[number])):
        key, value = _schema_key(m["key"].strip()), m["value"].strip()
        if key == "tags":
            value = [tag.strip() for tag in value.split(",") if tag.strip()]
        elif key in ("date", "updated"):
            value = _date(value)
            key = key if value is not None else m["key"].strip()  # kept as written, unread
            value = value if value is not None else m["value"].strip()
        raw.setdefault(key, value)
        key_lines.setdefault(key, number + 1)
        number += 1
    # Notion ends its properties with a blank line: a paragraph going on is the page's text (``注意: …``).
    if not raw or title is None or (number < len(lines) and lines[number].strip()):
        return {}, text, 1, {}
    raw = {"title": title["title"], **raw}
    key_lines["title"] = 1
    while number < len(lines) and not lines[number].strip():
        number += 1
    return raw, "\n".join(lines[number:]), number + 1, key_lines


def _schema_key(name: str) -> str:
    folded = name.lower()
    return next((key for key, names in _KEYS.items() if folded in names), name)


def _date(value: str) -> str | None:
    """Notion's date as ISO 8601 (its export writes the reader's locale), or None."""
    if m := _CHINESE_DATE_RE.match(value):
        hour = int(m["h"] or 0) + (12 if m["half"] == "下午" and int(m["h"] or 0) < 12 else 0)
        hour = 0 if m["half"] == "上午" and hour == 12 else hour
        try:
            moment = datetime(int(m["y"]), int(m["m"]), int(m["d"]), hour, int(m["min"] or 0))
        except ValueError:
            return None
        return moment.isoformat(sep=" ")
    try:
        return datetime.fromisoformat(value).isoformat(sep=" ")
    except ValueError:
        pass
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).isoformat(sep=" ")
        except ValueError:
            continue
    return None
