"""An untitled note box as a reader meets it: no title bar where the tool draws none, but named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import serve_built

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/zd-reader-shots")

NOTE = (
    "---\ntitle: 提示框\ndate: 2024-05-01\n---\n\n正文。\n\n"
    "{% note warn %}\n这一步会删除文件。\n{% endnote %}\n\n"
    "{% note info %}\n一条补充的信息。\n{% endnote %}\n\n"
    "> [!tip]\n> 一个小窍门。\n"
)
#: Each variant's word for the boxes, as its conversion writes it.
NAMES = {"zh-Hans": ["警告", "信息"], "zh-Hant-TW": ["警告", "資訊"], "zh-Hant-HK": ["警告", "資訊"]}
TIP = {"zh-Hans": "提示", "zh-Hant-TW": "提示", "zh-Hant-HK": "提示"}


def test_an_untitled_box_has_an_accessible_name_in_every_variant(tmp_path: Path, page: Any) -> None:
    SHOTS.mkdir(exist_ok=True)
    with serve_built(tmp_path, notes={"boxes.md": NOTE}) as site:
        for variant, names in NAMES.items():
            page.goto(site.variant_url(variant, "notes/boxes/"), wait_until="load")
            notes = page.get_by_role("note")
            assert [notes.nth(i).get_attribute("aria-label") for i in range(notes.count())] == names
            for name in names:
                box = page.get_by_role("note", name=name, exact=True)
                # No title bar where Hexo draws none: the box opens with the author's text.
                assert box.locator(".admonition-title").count() == 0
                assert box.locator("p").first.is_visible()
            # The callout keeps its visible title, in the variant's words.
            assert page.locator(".admonition.tip > .admonition-title").inner_text() == TIP[variant]
            tree = page.locator(".zd-note__body").aria_snapshot()
            assert f'note "{names[0]}"' in tree, tree
            page.locator(".zd-note__body").screenshot(path=str(SHOTS / f"untitled-boxes-{variant}.png"))
