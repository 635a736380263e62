"""A feed entry's id is an IRI whatever the note's file is called.

The id is a ``tag:`` URI ending in the note's id, its path under ``seeds/``.  Obsidian names a note as
its author typed it (``日记 2024-01-05``, ``问题#1``, ``100% 完成``): a space, ``#`` or a lone ``%`` made
an id no IRI (RFC 3987), which feed validators reject and some readers use as the entry's link.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from conftest import build_site

ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 3987's iunreserved / sub-delims / ":" "@" "/" "?" and pct-encoded: all an ``ipath`` and ``iquery`` hold.
IRI_CHARS = re.compile(
    r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]|%[0-9A-F]{2})+"
)

NOTES = {
    "我的库/日记 2024-01-05.md": "---\ndate: 2024-01-05\n---\n\n今天读了一本书，记下几句。\n",
    "我的库/问题#1.md": "---\ndate: 2024-01-06\n---\n\n第一个问题的记录。\n",
    "我的库/100% 完成.md": "---\ndate: 2024-01-07\n---\n\n全部完成的事项。\n",
    "读书.md": "---\ndate: 2024-01-08\n---\n\n读书的笔记。\n",
}


def test_entry_ids_are_iris_and_stay_apart(tmp_path):
    result = build_site(tmp_path, notes=NOTES)
    assert result.ok, result.log
    feed = ET.parse(result.site_dir / "feed-zh-Hans.xml").getroot()
    ids = [entry.findtext(f"{ATOM}id") for entry in feed.iter(f"{ATOM}entry")]
    assert ids == [
        "tag:127.0.0.1,2024-01-08:zhudu/读书",  # an id that was an IRI is unchanged
        "tag:127.0.0.1,2024-01-07:zhudu/我的库/100%25%20完成",
        "tag:127.0.0.1,2024-01-06:zhudu/我的库/问题%231",
        "tag:127.0.0.1,2024-01-05:zhudu/我的库/日记%202024-01-05",
    ]
    for entry_id in ids:
        scheme, _, rest = entry_id.partition(":")
        assert scheme == "tag" and IRI_CHARS.fullmatch(rest), entry_id
