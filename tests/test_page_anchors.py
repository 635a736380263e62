"""A link to a place on the note's own page (``notes/dialect_inline.py``, ``resolve.py``, ``page_ids.py``).

``[x](#小节)``, ``[[#小节]]`` and a reference definition ``[x]: #小节`` are matched to the page's ids as
a link to another note's heading is: one the page has is aimed at its id as the table of contents
makes it; one it lacks is warned of at its line (``--strict`` fails), naming the heading most like
it.  Ids the page gets otherwise (footnotes, ``attr_list``, raw HTML, headings in admonitions and
quotes, repeated headings, code blocks' line anchors) are not warned of.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from conftest import AT_TARGET, BuildResult, build_site, goto_for_instant_navigation, serve_built

#: Every way a page gets an id that a same-page link may name: none of these links may warn.
WELL_AIMED = (
    "---\ntitle: 本页\ndate: 2024-01-01\n---\n\n"
    "## 一键部署\n\n"
    "正文[^1]，再提一次[^1]。\n\n"
    '!!! note "说明"\n\n    ### 提示里的小节\n\n'
    "> ## 引文里的小节\n\n"
    '<span id="raw-id"></span>\n\n'
    "### 自定 {#custom}\n\n"
    "## 重复\n\n正文。\n\n## 重复\n\n正文。\n\n"
    "## Site Variables\n\n正文。\n\n"
    "见[部署](#一鍵部署)、[[#一鍵部署]]、[回到第二处](#fnref2:1)、[第一处](#fnref:1)、[注](#fn:1)、"
    "[提示](#提示里的小节)、[引文](#引文里的小节)、[raw](#raw-id)、[自定](#custom)、[第二个](#重复_1)、"
    "[行](#__codelineno-0-1)、[网站变量][Site Variables] 和 `[码](#不在代码里)`。\n\n"
    "```\n[块](#不在块里)\n```\n\n"
    "[Site Variables]: #Site-Variables\n\n"
    "[^1]: 脚注。\n"
)
#: Ids of ``WELL_AIMED``'s page the links name: a heading's, a second footnote reference's, headings' in
#: an admonition and a quote, raw HTML's, ``attr_list``'s, a repeated heading's.
OWN_IDS = {"一键部署", "fnref2:1", "提示里的小节", "引文里的小节", "raw-id", "custom", "重复_1"}
#: Links to places the page does not have, each on its line.
ASTRAY = (
    "---\ntitle: 他页\ndate: 2024-01-02\n---\n\n"
    "## 一键部署\n\n正文。\n\n"
    "若不想手动，请看[一鍵部屬](#一鍵部屬)，两次：[一鍵部屬](#一鍵部屬)。\n\n"  # line 10
    "本页没有的：[[#不在本页]]。\n\n"  # line 12
    "见[Page Variables]。\n\n"
    "[Page Variables]: #Page-Variables\n"  # line 16
)
VARIANTS = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")


def _hrefs(result: BuildResult, code: str, slug: str) -> list[str]:
    html = result.page(f"{code}/notes/{slug}/index.html")
    article = html[html.index("<article") : html.index("</article>")]
    return [unquote(h) for h in re.findall(r'<a href="(#[^"]*)"', article)]


def test_same_page_links_to_ids_the_page_has_are_aimed_at_them_and_none_warns(tmp_path: Path) -> None:
    result = build_site(tmp_path, notes={"well.md": WELL_AIMED}, strict=True)
    assert result.ok and result.warnings == [], result.log
    for code in VARIANTS:
        page = result.page(f"{code}/notes/well/index.html")
        ids = set(re.findall(r'id="([^"]*)"', page))
        assert ids >= OWN_IDS, (code, OWN_IDS - ids)
        hrefs = _hrefs(result, code, "well")
        assert hrefs.count("#一键部署") == 2 and "#site-variables" in hrefs, (code, hrefs)
        assert "site-variables" in ids and "#Site-Variables" not in hrefs, code  # the reference definition


def test_a_same_page_link_to_a_place_the_page_lacks_warns_at_its_line_once(tmp_path: Path) -> None:
    result = build_site(tmp_path, notes={"astray.md": ASTRAY}, strict=False)
    assert result.ok, result.log
    assert result.warnings == [
        "zhudu: seeds/astray.md:10: #一鍵部屬: this note has no heading or anchor '一鍵部屬': the link goes "
        "nowhere; write '一键部署', the heading most like it",
        "zhudu: seeds/astray.md:12: [[#不在本页]]: this note has no heading or anchor '不在本页': the link goes "
        "nowhere; write the heading as the note has it",
        "zhudu: seeds/astray.md:16: #Page-Variables: this note has no heading or anchor 'Page-Variables': the "
        "link goes nowhere; write the heading as the note has it",
    ], result.warnings
    assert _hrefs(result, "zh-Hant-TW", "astray")[:2] == ["#一鍵部屬", "#一鍵部屬"]  # as written
    strict = build_site(tmp_path / "strict", notes={"astray.md": ASTRAY}, strict=True)
    assert not strict.ok and "Aborted with 3 warnings" in strict.error, strict.log


@pytest.mark.instant_navigation
def test_a_reference_link_to_a_heading_of_the_page_opens_it(tmp_path: Path, page: Any) -> None:
    # Hexo's ``[Site Variables]: #Site-Variables``: the heading's id is ``site-variables``.
    note = (
        "---\ntitle: 变量\ndate: 2024-01-01\n---\n\n见[the variables][Site Variables]。\n\n"
        + "正文，说明各种变量。\n\n" * 80
        + "## Site Variables\n\n变量表。\n\n"
        + "后文。\n\n" * 80
        + "[Site Variables]: #Site-Variables\n"
    )
    with serve_built(tmp_path, notes={"vars.md": note}) as site:
        goto_for_instant_navigation(page, site.variant_url("zh-Hant-TW", "notes/vars/"))
        page.locator("article a", has_text="the variables").click()  # a reader's tap
        page.wait_for_function(AT_TARGET, arg="site-variables", timeout=15_000)
        assert page.zd.console_errors == [] and page.zd.failed == []


def test_the_suggested_heading_is_a_typo_away_not_a_word_that_shares_a_tail() -> None:
    """A heading is offered when the anchor is a character or a script away from it (一鍵部屬 for 一键部署,
    Site-Variable for site-variables); page-variables shares site-variables' tail but is another heading."""
    from zhudu.notes.page_ids import Slugify, closest_heading
    from zhudu.script.convert import DEFAULT_VARIANTS, ConversionRules, Converter

    hans = next(v for v in DEFAULT_VARIANTS if v.code == "zh-Hans")
    slugify = Slugify(Converter(hans, ConversionRules(), source_script="Hant").text)
    headings = {"一键部署": "一键部署", "sitevariables": "site-variables"}
    assert closest_heading(headings, "一鍵部屬", slugify) == "一键部署"
    assert closest_heading(headings, "Site-Variable", slugify) == "site-variables"
    assert closest_heading(headings, "Page-Variables", slugify) is None
