"""A Han character written as a numeric character reference is converted with its word (issue 25, session 33).

The reader sees the character: 开源&#x5934;发 reads 开源头发, so the Traditional variants show 開源頭髮.  Before, the
reference was left out of the conversion and split the word: 開源&#x5934;發 (头 unconverted, and 发 alone as 發).
References to anything but a Han character (&#60;, &#38;) stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from heldout_shape import VARIANTS
from zhudu.script.convert import ConversionRules, Converter

NOTE = """---
title: 开源笔记
---

# 开源笔记

我为开源&#x5934;发掉光了，*开源&#22836;发*也是；&#60;tag&#62; 和 &amp; 照旧。
"""


def test_a_referenced_han_character_is_converted_with_its_word() -> None:
    """In HTML text and in a readable attribute; other references are kept as written."""
    tw = Converter(VARIANTS["zh-Hant-TW"], ConversionRules())
    assert tw.html("<p>开源&#x5934;发，&#60;b&#62;</p>") == "<p>開源頭髮，&#60;b&#62;</p>"
    assert tw.html('<img alt="开源&#22836;发">') == '<img alt="開源頭髮">'


def test_a_built_note_shows_the_referenced_word_converted(site_builder: Callable[..., object]) -> None:
    """A real build: the Taiwan and Hong Kong pages show 開源頭髮 in the body, inside emphasis too."""
    result = site_builder(notes={"n.md": NOTE})
    assert result.ok and result.warnings == []  # type: ignore[attr-defined]
    for code in ("zh-Hant-TW", "zh-Hant-HK"):
        page = (result.site_dir / code / "notes" / "n" / "index.html").read_text(encoding="utf-8")  # type: ignore[attr-defined]
        body = re.search(r"<p[^>]*>(我為.*?)</p>", page)
        assert body is not None, code
        expected = "我為開源頭髮掉光了，<em><zd-h>開源頭髮</zd-h></em>也是；&#60;tag&#62; 和 &amp; 照舊。"
        assert body.group(1) == expected, code
