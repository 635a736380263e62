"""The emphasis marks (``annotate/emphasis.py``) on the author's own HTML inside emphasis (session 36 review).

A character reference stands in a Han run only when it is a character that reads with the Han (``&#22836;``,
头): ``&#65;`` is an ``A`` and ``&#60;`` a ``<``, which must stay italic without a dot, the ``A`` with its word.
The author's raw ``<code>`` or ``<kbd>`` inside emphasis is not running text, as Markdown's code spans are not:
no upright Han with dots inside it.  Fails with main's ``annotate/emphasis.py``.  Real MkDocs, Material, OpenCC.
"""

from __future__ import annotations

from typing import Any

NOTE = """---
title: 强调里的HTML
date: 2024-01-01
---

一 *&#65;BC 你好*，二 *x &#60; y*，三 *开源&#22836;发*。

四 *<code>内联</code>代码旁*，五 *按 <kbd>回车</kbd> 键*，六 *<span>头</span>发*。
"""


def test_only_han_references_join_runs_and_raw_code_in_emphasis_is_left_alone(site_builder: Any) -> None:
    result = site_builder(notes={"a.md": NOTE})
    assert result.ok, result.log
    page = result.page("zh-Hans/notes/a/index.html")
    assert "<em>&#65;BC <zd-h>你好</zd-h></em>" in page  # not <zd-h>&#65;</zd-h>BC
    assert "<em>x &#60; y</em>" in page
    assert "<em><zd-h>开源&#22836;发</zd-h></em>" in page  # a Han reference reads with its run
    assert "<em><code>内联</code><zd-h>代码旁</zd-h></em>" in page
    assert "<em><zd-h>按</zd-h> <kbd>回车</kbd> <zd-h>键</zd-h></em>" in page
    assert "<em><span><zd-h>头</zd-h></span><zd-h>发</zd-h></em>" in page  # other HTML is running text
    # The reference still converts with its run: 头发 is 頭髮 in Taiwan.
    assert "<em><zd-h>開源頭髮</zd-h></em>" in result.page("zh-Hant-TW/notes/a/index.html")
