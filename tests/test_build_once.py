"""What a build works out once per site, not once per page (issue 19's cold build).

A note page's theme blocks and markers and the template filters every page calls are each worked out
once per distinct input of a build.  The pages are the same bytes as before (the diff of whole sites,
main against this code: ``bench/RESULTS.md``, session 31), made with less work.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
from test_themes import THEMES

from zhudu import fragments

#: Eight notes with one passage each on the theme cloud-vs-edge (数据中心), newest first in corpus order.
NOTES = {
    f"{k}.md": f"---\ntitle: 笔记{k}\ndate: 2024-01-0{9 - i}\n---\n\n第一段没有主题。\n\n{k}：数据中心很耗电。\n"
    for i, k in enumerate("abcdefgh", 1)
}


def _counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, by: int = 0) -> Counter[str]:
    """Count the calls of Zhudu's ``module.name`` by its positional argument ``by``, calling it as before."""
    calls: Counter[str] = Counter()
    original = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[args[by]] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def _blocks(html: str) -> list[str]:
    template = re.search(r'<template class="zd-tm-blocks">(.*?)</template>', html, re.S)
    assert template, "no theme blocks"
    return re.findall(r"<span>((?:笔记|筆記).)</span><a href=", template.group(1))


def test_notes_showing_the_same_theme_block_share_one_render(site_builder, monkeypatch):
    # A block lists the theme's four strongest other notes (ties: corpus order): a, b, c and d each
    # leave themselves out of a, b, c, d, e; e to h all show a to d.  Five blocks for eight notes,
    # and every themed passage carries the same marker.
    renders = _counting(monkeypatch, fragments, "render", by=1)  # by macro
    result = site_builder(notes=NOTES, editorial={"themes.yml": THEMES.split("pins:")[0]})
    assert result.ok and not result.warnings, result.log
    assert renders["block"] == 5
    assert renders["marker"] == 1
    expected = {
        "a": ["笔记b", "笔记c", "笔记d", "笔记e"],
        "c": ["笔记a", "笔记b", "笔记d", "笔记e"],
        "e": ["笔记a", "笔记b", "笔记c", "笔记d"],
        "h": ["笔记a", "笔记b", "笔记c", "笔记d"],
    }
    for code in ("zh-Hans", "zh-Hant-TW"):
        for note, others in expected.items():
            html = result.page(f"{code}/notes/{note}/index.html")
            shown = [title.replace("筆記", "笔记") for title in _blocks(html)]
            assert shown == others, (code, note)
            assert html.count('<span class="zd-tm" data-zd-tm="cloud-vs-edge"></span>') == 1


def test_every_pages_filters_run_once_per_input(site_builder, monkeypatch):
    # Material's __config element is the same on every page of one depth (its URLs are relative): it is
    # aimed at Zhudu's worker (whose file is hashed for its URL) and shortened once per depth, not per page.
    from zhudu.compact import shared_config
    from zhudu.publish import asset_versions

    shortened = _counting(monkeypatch, shared_config, "shorten")
    versions = _counting(monkeypatch, asset_versions, "version")  # the worker's, in its URL
    result = site_builder(notes=NOTES, editorial={"themes.yml": THEMES.split("pins:")[0]})
    assert result.ok and not result.warnings, result.log
    pages = len(list((result.site_dir / "zh-Hans").rglob("*.html")))
    assert pages >= 15
    assert sum(shortened.values()) == len(shortened) <= 4  # one per depth: the home, notes/x/, page/2/…
    # Per depth: aimed at the worker, and its URL checked when shortened; once more for config.js.
    assert 0 < versions["assets/zhudu/search-worker.js"] <= 2 * len(shortened) + 1 < pages
