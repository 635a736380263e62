"""Links to a heading or a footnote of a note written in Traditional (``notes/page_ids.py``, ``notes/resolve.py``).

The site's source script is Simplified: the table of contents gives ``## 安裝步驟`` the id ``安装步骤``
in every variant (``Build.slugify``), and a link to it, wherever written, must aim at that id.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from conftest import AT_TARGET, BuildResult, build_site, goto_for_instant_navigation, serve_built

#: A note written in Traditional: its heading far down the page (a link that misses opens at the top).
TARGET = (
    "---\ntitle: 目標筆記\ndate: 2024-01-01\n---\n\n"
    + "這是一篇繁體筆記，說明軟體的安裝與設定。\n\n" * 60
    + "## 安裝步驟\n\n先下載，再執行程式。[^1]\n\n"
    + "後面還有很多說明。\n\n" * 60
    + "[^1]: 這是註腳。\n"
)
SOURCE = (
    "---\ntitle: 來源筆記\ndate: 2024-01-02\n---\n\n"
    "請看[[目標筆記#安裝步驟]]。\n\n"  # line 6
    "也看[說明](target.md#安裝步驟)。\n\n"  # line 8
    "簡體寫的也行：[[目標筆記#安装步骤]]。\n\n"  # line 10
    "註腳在[[目標筆記#fn:1]]。\n\n"  # line 12
    "## 本節\n\n"
    "見[[#本節]]和[本節](#本節)。\n\n"  # line 16
    "沒有的小節：[[目標筆記#不存在的小節]]。\n"  # line 18
)
VARIANTS = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")


def _hrefs(result: BuildResult, code: str) -> list[str]:
    html = result.page(f"{code}/notes/source/index.html")
    article = html[html.index("<article") : html.index("</article>")]
    return [unquote(h) for h in re.findall(r'href="([^"]*)"', article) if not h.startswith("#__")]


def test_links_to_a_traditional_notes_heading_and_footnote_aim_at_the_ids_every_variant_has(
    tmp_path: Path,
) -> None:
    result = build_site(tmp_path, notes={"target.md": TARGET, "source.md": SOURCE}, strict=False)
    assert result.ok, result.log
    for code in VARIANTS:
        target = result.page(f"{code}/notes/target/index.html")
        assert 'id="安装步骤"' in target and 'id="fn:1"' in target, code  # the same ids in every variant
        assert _hrefs(result, code).count("../target/#安装步骤") == 3, (code, _hrefs(result, code))
        assert "../target/#fn:1" in _hrefs(result, code), code
        # This page's heading: the wikilink and the Markdown link to it.
        assert _hrefs(result, code).count("#本节") == 2 and "#本節" not in _hrefs(result, code), code
    # The one link to a heading the note lacks still warns, at its file and line, saying what to do.
    assert result.warnings == [
        "zhudu: seeds/source.md:18: [[目標筆記#不存在的小節]]: '目標筆記' has no heading '不存在的小節': the link "
        "opens the note at its top; write the heading as the note has it, or link the note alone"
    ], result.warnings


@pytest.mark.instant_navigation
def test_a_link_to_a_traditional_heading_opens_the_tw_page_at_the_heading(tmp_path: Path, page: Any) -> None:
    with serve_built(tmp_path, notes={"target.md": TARGET, "source.md": SOURCE}, strict=False) as site:
        goto_for_instant_navigation(page, site.variant_url("zh-Hant-TW", "notes/source/"))
        page.locator("article a", has_text="目標筆記").first.click()  # instant navigation, as a reader's tap
        page.wait_for_function(AT_TARGET, arg="安装步骤", timeout=15_000)
        assert page.evaluate("document.documentElement.lang") == "zh-Hant-TW"
        goto_for_instant_navigation(page, site.variant_url("zh-Hant-TW", "notes/source/"))
        page.locator('article a[href$="#fn:1"]').click()
        page.wait_for_function(AT_TARGET, arg="fn:1", timeout=15_000)
        assert page.evaluate("document.querySelector(':target')?.id") == "fn:1"
        assert page.zd.console_errors == [] and page.zd.failed == []


#: A long note whose last paragraph links to the other note's footnote: the reader scrolls down to tap it.
LONG_SOURCE = (
    "---\ntitle: 長的來源筆記\ndate: 2024-01-03\n---\n\n"
    + "先讀完這一大段，再往下看。\n\n" * 60
    + "註腳在[[目標筆記#fn:1]]。\n"
)


@pytest.mark.instant_navigation
def test_a_link_tapped_right_after_a_scroll_still_opens_its_anchor(tmp_path: Path, page: Any) -> None:
    """Material saves a history entry's scroll offset 100 ms after the page moved, and on arrival prefers a
    saved offset to the address's anchor: a link tapped during those 100 ms (a phone's fling) had the old
    page's offset saved on the new entry, and the note opened there (zhudu.js, arriveAtAnchor).

    The scroll and the tap happen in one script, so the offset is always saved after the tap; the target
    page is held back 400 ms, so it always arrives after the offset was saved, however fast the machine.
    """
    notes = {"target.md": TARGET, "source.md": SOURCE, "long.md": LONG_SOURCE}
    with serve_built(tmp_path, notes=notes, strict=False) as site:
        goto_for_instant_navigation(page, site.variant_url("zh-Hant-TW", "notes/long/"))
        page.route("**/notes/target/", lambda route: (time.sleep(0.4), route.continue_()))
        page.locator('article a[href$="#fn:1"]').evaluate("link => { link.scrollIntoView(); link.click(); }")
        page.wait_for_function("document.querySelector('h1')?.textContent.includes('目標筆記')")
        page.wait_for_function(AT_TARGET, arg="fn:1", timeout=15_000)
        assert page.evaluate("document.querySelector(':target')?.id") == "fn:1"
        assert page.evaluate("window.__zdSamePage") is True  # instant navigation, not a reload
        assert page.zd.console_errors == [] and page.zd.failed == []


@pytest.mark.instant_navigation
def test_a_link_opened_in_a_new_tab_leaves_back_and_forward_at_their_saved_offset(
    tmp_path: Path, page: Any
) -> None:
    """A link Ctrl-clicked opens in a new tab: Material's instant navigation leaves it to the browser and this
    tab stays. The tab must not keep it as "the link followed": going Forward to an entry of that same address,
    Material scrolls to the offset the reader left it at, and arriveAtAnchor must not move the page to the
    anchor (zhudu.js)."""
    with serve_built(tmp_path, notes={"target.md": TARGET, "source.md": SOURCE}, strict=False) as site:
        goto_for_instant_navigation(page, site.variant_url("zh-Hant-TW", "notes/source/"))
        link = page.locator('article a[href$="#fn:1"]')
        link.click()
        page.wait_for_function(AT_TARGET, arg="fn:1", timeout=15_000)
        # The reader scrolls up, far from the footnote; Material saves that offset on this entry.
        page.evaluate("window.scrollTo(0, 400)")
        page.wait_for_function("history.state !== null && history.state.y === 400")
        page.go_back()
        page.wait_for_function("document.querySelector('h1')?.textContent.includes('來源筆記')")
        with page.context.expect_page() as opened:
            link.click(modifiers=["ControlOrMeta"])
        opened.value.close()
        page.go_forward()
        # Material swaps the page in, then scrolls to the saved offset: the title alone showed before the scroll
        # had happened (the swap's scripts still loading under load).
        page.wait_for_function(
            "document.querySelector('h1')?.textContent.includes('目標筆記') && window.scrollY === 400"
        )
        # Two frames after the arrival: where arriveAtAnchor (run on the arrival) would have put the page.
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        assert page.evaluate("window.scrollY") == 400
        assert page.evaluate("window.__zdSamePage") is True
        assert page.zd.console_errors == [] and page.zd.failed == []


@pytest.mark.instant_navigation
def test_a_link_in_an_inline_svg_is_followed_without_an_error(tmp_path: Path, page: Any) -> None:
    """An SVG's ``<a href>`` (a diagram written as inline SVG) has no ``hash``: a tap on it throws nothing."""
    with serve_built(tmp_path, notes={"target.md": TARGET, "source.md": SOURCE}, strict=False) as site:
        goto_for_instant_navigation(page, site.variant_url("zh-Hant-TW", "notes/source/"))
        page.evaluate(
            """() => document.querySelector("article").insertAdjacentHTML("afterbegin",
                 '<svg width="200" height="40"><a href="#fn:1"><text x="0" y="20">圖中連結</text></a></svg>')"""
        )
        page.locator("article svg a").click()
        page.wait_for_function("location.hash === '#fn:1'")
        assert page.zd.console_errors == [] and page.zd.failed == []
