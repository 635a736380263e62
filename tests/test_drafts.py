"""A note its author's tool would not publish (Hugo's ``draft: true``, Jekyll's and Hexo's ``published: false``) is not published.

Zhudu skipped Jekyll's ``_drafts/`` folder but published a draft marked in front matter: its page,
its home card, its feed entry and its text in every variant's search, on a public site.  A
``published: false`` without a ``date`` was also read as the note's date (a warning: "expected a
date").  A link to a draft is dead on the published page, and its warning says why.
"""

from __future__ import annotations

import json

import pytest
from test_author_tools import zhudu

from conftest import build_site

NOTES = {
    "hugo/草稿.md": '+++\ntitle = "雨后草稿"\ndate = 2024-05-06T07:08:09+08:00\ndraft = true\n+++\n\n海棠依旧未写完。\n',
    "_posts/2024-01-02-unfinished.md": "---\nlayout: post\ntitle: 未完之文\npublished: false\n---\n\n芭蕉未完的句子。\n",
    "quoted.md": '---\ntitle: 引号草稿\ndraft: "true"\n---\n\n梧桐也未完。\n',
    "written.md": "---\ntitle: 已写完\ndraft: false\npublished: 2024-02-03\n---\n\n链接 [[雨后草稿]] 和 [[unfinished]]。\n",
}
DRAFT_TEXT = (
    "海棠依旧",  # "雨后草稿" stays: the link to it as written, now text
    "未完之文",
    "芭蕉未完",
    "引号草稿",
    "梧桐也未完",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("drafts"), notes=NOTES, strict=False)
    assert result.ok, result.log
    return result


def test_a_draft_has_no_page_card_feed_entry_or_search_record_in_any_variant(built):
    site = built.site_dir
    for variant in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        assert sorted(p.name for p in (site / variant / "notes").iterdir()) == ["written"], variant
    leaked = {
        path.relative_to(site).as_posix(): word
        for path in site.rglob("*")
        if path.suffix in (".html", ".json", ".xml")
        for word in DRAFT_TEXT
        if word in path.read_text(encoding="utf-8")
    }
    assert leaked == {}
    assert "drafts not published (draft: true, published: false): " in built.log


def test_a_published_date_is_still_a_date_and_a_link_to_a_draft_says_it_is_one(built):
    page = (built.site_dir / "zh-Hans" / "notes" / "written" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2024-02-03' in page or "2024-02-03" in page
    assert not [w for w in built.warnings if "expected a date" in w], built.warnings
    dead = sorted(w for w in built.warnings if "is a draft" in w)
    assert dead == [
        "zhudu: seeds/written.md:7: [[unfinished]]: seeds/_posts/2024-01-02-unfinished.md is a draft "
        "(published: false), not published: shown as text marked as a dead link; publish that note "
        "(remove its 'published: false' line) or remove the link",
        "zhudu: seeds/written.md:7: [[雨后草稿]]: seeds/hugo/草稿.md is a draft (draft: true), not published: "
        "shown as text marked as a dead link; publish that note (remove its 'draft: true' line) or remove the link",
    ], built.warnings


def test_meta_still_shows_a_draft_to_its_author(built):
    done = zhudu("meta", "quoted", "written", cwd=built.root)
    assert done.returncode == 0, done.stderr
    shown = {note["id"]: note["draft"] for note in json.loads(done.stdout)}
    assert shown == {"quoted": True, "written": False}
