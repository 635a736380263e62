"""Atom feeds per variant and the sharing metadata (Open Graph, Twitter) of every page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

from zhudu.publish import feeds

A = "{http://www.w3.org/2005/Atom}"
VARIANTS = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")
OG_LOCALES = {"zh-Hans": "zh_CN", "zh-Hant-TW": "zh_TW", "zh-Hant-HK": "zh_HK"}
SITE_URL = "http://127.0.0.1:8000/zhudu/"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")
IRI = re.compile(r"^(?:tag:[a-z0-9.-]+,\d{4}(?:-\d{2}){0,2}:\S+|https?://\S+)$")

NOTES = {
    "a.md": "---\ntitle: 网络与软件\ndate: 2024-03-01 09:30:00 +0800\nupdated: 2024-04-02 10:00:00 +0800\n"
    "author: 张三\ntags: [软件, 网络]\ndescription: 关于网络与软件的笔记。\n---\n\n这是第一段，谈网络与软件。\n",
    "b.md": "---\ntitle: 第二篇\ndate: 2023-01-05\n---\n\n第二篇的正文，说的是信息与计算机。\n",
    "c.md": "---\ntitle: 繁體寫的筆記\ndate: 2022-06-07\n---\n\n這篇筆記用繁體字寫成，談軟體與網路。\n",
    "undated.md": "---\ntitle: 没有日期\n---\n\n这篇笔记没有日期。\n",
}


def validate_atom(text: str) -> ET.Element:
    """Check a document against RFC 4287's requirements for atom:feed and atom:entry."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{A}feed"

    def one(parent: ET.Element, name: str) -> ET.Element:
        found = parent.findall(f"{A}{name}")
        assert len(found) == 1, f"{parent.tag} must contain exactly one atom:{name}"
        return found[0]

    def check_date(node: ET.Element) -> datetime:
        assert RFC3339.match(node.text or ""), node.text
        return datetime.fromisoformat((node.text or "").replace("Z", "+00:00"))

    def check_person(node: ET.Element) -> None:
        assert (one(node, "name").text or "").strip()
        for uri in node.findall(f"{A}uri"):
            assert re.match(r"^https?://", uri.text or "")

    assert IRI.match(one(root, "id").text or "")
    assert (one(root, "title").text or "").strip()
    updated = check_date(one(root, "updated"))
    feed_authors = root.findall(f"{A}author")
    for author in feed_authors:
        check_person(author)
    self_links = [link for link in root.findall(f"{A}link") if link.get("rel") == "self"]
    assert len(self_links) == 1  # "SHOULD contain one atom:link element with a rel of self"
    alternates = [
        (link.get("type"), link.get("hreflang"))
        for link in root.findall(f"{A}link")
        if link.get("rel", "alternate") == "alternate"
    ]
    assert len(alternates) == len(set(alternates)), "at most one alternate link per type and hreflang"
    ids = []
    for entry in root.findall(f"{A}entry"):
        ids.append(one(entry, "id").text or "")
        assert IRI.match(ids[-1]), ids[-1]
        assert (one(entry, "title").text or "").strip()
        entry_updated = check_date(one(entry, "updated"))
        assert entry_updated <= updated
        for published in entry.findall(f"{A}published"):
            assert check_date(published) <= entry_updated
        assert feed_authors or entry.findall(f"{A}author"), (
            "each entry needs an author when the feed has none"
        )
        for author in entry.findall(f"{A}author"):
            check_person(author)
        links = [link for link in entry.findall(f"{A}link") if link.get("rel", "alternate") == "alternate"]
        assert links and all(re.match(r"^https?://", link.get("href", "")) for link in links)
        assert entry.findall(f"{A}content") or entry.findall(f"{A}summary") or links
    assert len(ids) == len(set(ids)), "entry ids are unique"
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from conftest import build_site

    result = build_site(tmp_path_factory.mktemp("feeds"), notes=NOTES, site_url=SITE_URL)
    assert result.ok, result.log
    return result


@pytest.mark.parametrize("code", VARIANTS)
def test_each_variant_has_a_valid_atom_feed(built: Any, code: str) -> None:
    root = validate_atom(built.page(f"feed-{code}.xml"))
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == code
    self_link = next(link.get("href") for link in root.findall(f"{A}link") if link.get("rel") == "self")
    assert self_link == f"{SITE_URL}feed-{code}.xml"
    entries = root.findall(f"{A}entry")
    titles = [e.findtext(f"{A}title") for e in entries]
    # Newest first (by updated); the undated note is left out (Atom needs a date; no clock).
    assert len(entries) == 3
    links = [e.find(f"{A}link").get("href") for e in entries]  # type: ignore[union-attr]
    assert all(link.startswith(f"{SITE_URL}{code}/notes/") for link in links)
    first = entries[0]
    assert first.findtext(f"{A}updated") == "2024-04-02T10:00:00+08:00"
    assert first.findtext(f"{A}published") == "2024-03-01T09:30:00+08:00"
    assert first.findtext(f"{A}author/{A}name") == "张三"
    assert root.findtext(f"{A}updated") == "2024-04-02T10:00:00+08:00"
    if code == "zh-Hans":
        assert titles == ["网络与软件", "第二篇", "繁体写的笔记"]
        assert first.findtext(f"{A}summary") == "关于网络与软件的笔记。"
    elif code == "zh-Hant-TW":
        assert titles == ["網路與軟體", "第二篇", "繁體寫的筆記"]
        assert root.findtext(f"{A}title") == "注讀（繁體·臺灣）"
    else:
        assert titles[0] == "網絡與軟件"


def test_entry_ids_are_stable_tag_uris_shared_by_variants(built: Any) -> None:
    ids = {
        code: [
            e.findtext(f"{A}id") for e in ET.fromstring(built.page(f"feed-{code}.xml")).findall(f"{A}entry")
        ]
        for code in VARIANTS
    }
    assert ids["zh-Hans"][0] == "tag:127.0.0.1,2024-03-01:zhudu/a"
    assert ids["zh-Hans"] == ids["zh-Hant-TW"] == ids["zh-Hant-HK"]


def test_feeds_are_deterministic(built: Any, tmp_path: Path) -> None:
    from conftest import build_site

    again = build_site(tmp_path / "again", notes=NOTES, site_url=SITE_URL)
    for code in VARIANTS:
        assert again.page(f"feed-{code}.xml") == built.page(f"feed-{code}.xml")


def feed_link(html: str) -> str:
    link = re.search(
        r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', html
    )
    assert link, "no feed link"
    return link[1]


@pytest.mark.parametrize("code", VARIANTS)
def test_every_kind_of_page_links_the_variants_feed_at_the_site_root(built: Any, code: str) -> None:
    # At the root, Material's script finds the root's small sitemap index next to the feed, not the
    # variant's whole sitemap (which instant navigation parses already).
    assert (
        urljoin(f"{SITE_URL}{code}/", feed_link(built.page(f"{code}/index.html")))
        == f"{SITE_URL}feed-{code}.xml"
    )
    assert (
        urljoin(f"{SITE_URL}{code}/x/", feed_link(built.page(f"{code}/404.html")))
        == f"{SITE_URL}feed-{code}.xml"
    )
    assert not (built.site_dir / code / "feed.xml").exists()
    assert "<sitemapindex" in built.page("sitemap.xml")


def test_the_sites_address_names_every_variants_feed_for_feed_readers(built: Any) -> None:
    # The root's home page only sends browsers on to a variant; a feed reader given the site's
    # address reads it for <link rel="alternate">.
    links = re.findall(
        r'<link rel="alternate" type="application/atom\+xml" title="([^"]+)" href="([^"]+)" hreflang="([^"]+)">',
        built.page("index.html"),
    )
    assert [(urljoin(SITE_URL, href), lang) for _, href, lang in links] == [
        (f"{SITE_URL}feed-{code}.xml", code) for code in VARIANTS
    ]
    assert [title for title, _, _ in links] == ["注读（简体）", "注讀（繁體·臺灣）", "注讀（繁體·香港）"]
    # Each feed is titled as the link naming it: a reader subscribed to two variants tells them apart.
    titles = [ET.fromstring(built.page(f"feed-{code}.xml")).findtext(f"{A}title") for code in VARIANTS]
    assert titles == [title for title, _, _ in links]
    assert all(validate_atom(built.page(f"feed-{code}.xml")) is not None for code in VARIANTS)
    assert "atom+xml" not in built.page("notes/a/index.html")  # the other stubs stay as small as they were
    assert (
        feeds.discovery_links(site_url="", site_name="注读", variants=[("zh-Hans", "简体")], convert=str)
        == ""
    )


@pytest.mark.parametrize("code", VARIANTS)
def test_pages_link_their_variants_feed_and_carry_sharing_metadata(built: Any, code: str) -> None:
    html = built.page(f"{code}/notes/a/index.html")
    link = re.search(
        r'<link rel="alternate" type="application/atom\+xml" title="([^"]+)" href="([^"]+)">', html
    )
    assert link and urljoin(f"{SITE_URL}{code}/notes/a/", link[2]) == f"{SITE_URL}feed-{code}.xml"
    # Titled as the feed it names (the site's name and the variant's): a feed reader offering it says which.
    assert link[1] == ET.fromstring(built.page(f"feed-{code}.xml")).findtext(f"{A}title")
    assert (
        link[1]
        == {"zh-Hans": "注读（简体）", "zh-Hant-TW": "注讀（繁體·臺灣）", "zh-Hant-HK": "注讀（繁體·香港）"}[
            code
        ]
    )
    meta = dict(
        re.findall(r'<meta (?:property|name)="((?:og|twitter|article):[a-z:_]+)" content="([^"]*)"', html)
    )
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    assert canonical and canonical[1] == f"{SITE_URL}{code}/notes/a/"
    assert meta["og:url"] == canonical[1]
    assert meta["og:locale"] == OG_LOCALES[code]
    assert meta["og:type"] == "article"
    assert meta["og:site_name"] == ("注读" if code == "zh-Hans" else "注讀")
    assert (
        meta["og:title"]
        == {"zh-Hans": "网络与软件", "zh-Hant-TW": "網路與軟體", "zh-Hant-HK": "網絡與軟件"}[code]
    )
    assert meta["og:image"] == f"{SITE_URL}assets/zhudu/social.png"
    assert meta["twitter:card"] == "summary_large_image"
    # X's card reads og:description alone (no fallback to the meta description): both are written.
    assert meta["og:description"] and html.count('<meta name="description" content="') == 1
    assert meta["article:published_time"].startswith("2024-03-01T09:30:00")
    assert "\ue000" not in html and "\ue001" not in html
    home = built.page(f"{code}/index.html")
    assert 'property="og:type" content="website"' in home
    assert (built.site_dir / "assets/zhudu/social.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_social_image_is_the_size_the_tags_say() -> None:
    png = (Path(__file__).resolve().parents[1] / "overrides/assets/zhudu/social.png").read_bytes()
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1200, 630)


# --------------------------------------------------------------------------- pure helpers

CST = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2024, 3, 1, 9, 30, tzinfo=CST), "2024-03-01T09:30:00+08:00"),
        (datetime(2024, 3, 1, 9, 30, tzinfo=UTC), "2024-03-01T09:30:00Z"),
        (datetime(2024, 3, 1, 9, 30, 12, 345, tzinfo=UTC), "2024-03-01T09:30:12Z"),
        (datetime(2024, 3, 1, 9, 30), "2024-03-01T09:30:00Z"),
    ],
)
def test_rfc3339(moment: datetime, expected: str) -> None:
    assert feeds.rfc3339(moment) == expected


@pytest.mark.parametrize(
    ("site_url", "published", "expected"),
    [
        (
            "https://zhudu.github.io/zhudu/",
            datetime(2025, 5, 15, tzinfo=CST),
            "tag:zhudu.github.io,2025-05-15:zhudu/n1",
        ),
        ("https://example.org/", datetime(2025, 5, 15, tzinfo=CST), "tag:example.org,2025-05-15:n1"),
        ("https://example.org/", None, "https://example.org/zh-Hans/notes/n1/"),
        ("", datetime(2025, 5, 15, tzinfo=CST), "https://example.org/zh-Hans/notes/n1/"),
    ],
)
def test_entry_id(site_url: str, published: datetime | None, expected: str) -> None:
    assert feeds.entry_id(site_url, "n1", published, "https://example.org/zh-Hans/notes/n1/") == expected


def test_no_site_url_means_no_feeds() -> None:
    assert (
        feeds.variant_feeds(
            notes=[],
            site_url="",
            variants=[("zh-Hans", "zh-Hans/", "简体")],
            note_urls={},
            site_name="注读",
            site_description="",
            site_author="",
            convert=lambda code, text: text,
        )
        == {}
    )


def test_empty_feed_still_validates() -> None:
    out = feeds.variant_feeds(
        notes=[],
        site_url=SITE_URL,
        variants=[("zh-Hans", "zh-Hans/", "简体")],
        note_urls={},
        site_name="注读",
        site_description="说明 & <符号>",
        site_author="",
        convert=lambda code, text: text,
    )
    root = validate_atom(out["feed-zh-Hans.xml"])
    assert root.findtext(f"{A}updated") == "1970-01-01T00:00:00Z"
    assert root.findtext(f"{A}subtitle") == "说明 & <符号>"


def test_a_feed_keeps_the_newest_notes_and_converts_only_those(monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    made: list[str] = []  # entries are made only for the notes kept (a save made one per note per variant)
    feed_entry = feeds.FeedEntry

    def entry(**fields: Any) -> feeds.FeedEntry:
        made.append(fields["id"])
        return feed_entry(**fields)

    monkeypatch.setattr(feeds, "FeedEntry", entry)

    def note(day: int) -> SimpleNamespace:
        date = datetime(2024, 1, day, tzinfo=UTC)
        meta = SimpleNamespace(
            id=f"n{day}",
            title=f"第{day}篇",
            date=date,
            updated=None,
            description="说明",
            description_code=(),
            authors=(),
            tags=("标签",),
            categories=(),
        )
        return SimpleNamespace(id=f"n{day}", broken=False, listed=True, meta=meta)

    converted: list[str] = []

    def convert(text: str) -> str:
        converted.append(text)
        return text.replace("篇", "篇!")

    entries = feeds.note_entries(
        [note(d) for d in (3, 9, 1, 7)],
        site_url=SITE_URL,
        variant_base=SITE_URL + "zh-Hans/",
        note_urls={f"n{d}": f"notes/n{d}/" for d in (3, 9, 1, 7)},
        convert=convert,
        limit=2,
    )
    assert [e.title for e in entries] == ["第9篇!", "第7篇!"]  # newest first
    assert len(made) == 2
    assert sorted(converted) == sorted(["第9篇", "第7篇", "说明", "说明", "标签", "标签"])
    assert feeds.FEED_ENTRIES >= 20
