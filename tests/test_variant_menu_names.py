"""The variant menu names each variant as that variant writes it, on every variant's pages (session 30's
review: a Traditional page's Simplified option read 簡體 under lang="zh-Hans", Hong Kong's Taiwan
option 繁體·台灣)."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest

NOTE = "---\ntitle: 一篇\n---\n\n一段简体的正文，讲的是台湾和香港。\n"
#: Each variant's name as written in it (mkdocs.yml's extra.alternate).
WRITTEN = {"zh-Hans": "简体", "zh-Hant-TW": "繁體·臺灣", "zh-Hant-HK": "繁體·香港"}
MENU_ITEM_RE = re.compile(r'<li><a href="[^"]*" lang="(zh-[A-Za-z-]+)"[^>]*>([^<]*)</a></li>')


@pytest.mark.parametrize("page", ["index.html", "notes/one/index.html"])
def test_each_variant_is_named_as_it_writes_itself_on_every_variants_page(
    site_builder: Any, page: str
) -> None:
    result = site_builder(notes={"one.md": NOTE})
    assert result.ok, result.log
    for variant in WRITTEN:
        menu = result.page(f"{variant}/{page}").split('class="md-select__list"')[1].split("</ul>")[0]
        names = {lang: html.unescape(name) for lang, name in MENU_ITEM_RE.findall(menu)}
        assert names == WRITTEN, (variant, names)
