"""A note's markup cannot stand in for the page's own controls (a reader's browser, real Chromium).

A note may use any class on its allowed tags, so it can copy the ones Zhudu's scripts look up.  The
glossary card took its "查看术语表条目" link from the first ``a.zd-gloss-home`` of the page, and a
note's own ``<a class="zd-gloss-home" href="https://evil.example/">`` came first: the card of every
term on that page led to the note's address.  The page's own link is the last (it follows the note).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import serve_built

NOTE = """\
---
title: 冒充
---

开源模型很好。

<a class="zd-gloss-home" href="https://evil.example/glossary/">查看术语表条目</a>
"""
GLOSSARY = "- term: 开源\n  explanation: 开放源代码。\n"


@pytest.mark.browser
def test_the_glossary_card_links_to_the_sites_glossary_whatever_the_note_holds(tmp_path, page):
    with serve_built(
        tmp_path, notes={"spoof.md": NOTE}, editorial={"glossary.yml": GLOSSARY}, strict=False
    ) as site:
        page.goto(site.variant_url("zh-Hans", "notes/spoof/"))
        page.locator(".zd-note__body [data-zd-gloss]").first.click()
        page.wait_for_selector(".zd-gloss-tip:not([hidden]) .zd-gloss-tip__link:not([hidden])")
        href = page.locator(".zd-gloss-tip__link").get_attribute("href")
        assert urlsplit(href).netloc == urlsplit(site.url).netloc, href
        assert urlsplit(href).path == urlsplit(site.variant_url("zh-Hans", "glossary/")).path, href
