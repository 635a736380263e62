"""A Traditional note's title wherever it is listed reads as its own page shows it, in every variant.

One small real site (built once for the module): a Taiwan note and a Hong Kong note whose titles hold words the
way back through Simplified rewrites (文件 → 檔案, 項目 → 專案, 說 → 説), a section introduced by a Taiwan
``_index.md``, a Simplified note sharing their theme and linked to, and a glossary whose terms are editor's phrases
(issue 25; session 46's Left: theme pages and section lists folded such a title plainly).  Each region's note in a
section the other region's ``_index.md`` introduces: its page, folded as that author's, listed a Hong Kong note's
文件 as typed on the Taiwan page (its own page: 檔案), a Taiwan note's 梅西 on the Hong Kong page (美斯); so did a
section of sections its sections' titles.  A wikilink or an embed naming a note by its file name (``[[hk]]``, ``![[hk]]``)
showed its title as typed: a Hong Kong note's 說明文件 on the Taiwan pages, where its page reads 文件.  A passage quoted
on the theme page and in theme strips reads as the note's page writes it too, its theme phrase marked there (session
51: the plain fold's 家裏的麪包店 on the Hong Kong theme page; marked first, then converted in pieces, 說明|文件 read
說明檔案 on the Taiwan one).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from test_build import RV28_EDITORIAL

VARIANTS = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")
TW_TITLE = "在程式裡讀取設定文件：項目筆記"
HK_TITLE = "臭氧產生器的說明文件"
SECTION_TITLE = "程式的項目文件"
#: A Hong Kong note in the Taiwan-introduced section, a Taiwan note in a Hong Kong-introduced one: words no rule of
#: its own note's fold changes that the section's region writes otherwise from Simplified (文件, 梅西).
HK_IN_TW_TITLE = "香港的設定文件"
TW_IN_HK_TITLE = "梅西：球賽筆記"
#: A Hong Kong section's title listed on the page of the Taiwan-introduced section above it (文件 as HK_IN_TW_TITLE's).
FANS_TITLE = "球迷的設定文件"
NOTES = {
    "posts/_index.md": f"---\ntitle: {SECTION_TITLE}\nlang: zh-TW\n---\n\n這裡是項目文件。\n",
    "posts/tw.md": (
        f"---\ntitle: {TW_TITLE}\nlang: zh-TW\ndate: 2026-11-01\n---\n\n"
        "看著麵包店的招牌，說明文件在這裡。參見 [[a]]。\n\n米高·貝利讀過《沽注一擲》。後來麥可·貝瑞讀過《大賣空》。\n\n另見 [[hk]]。\n"
    ),
    "posts/hk.md": (
        f"---\ntitle: {HK_TITLE}\nlang: zh-HK\ndate: 2026-11-02\n---\n\n"
        "家裡的麵包店。這家店的說明文件很清楚，裡面的麵包也很好吃，大家都說好。\n\n麥可·貝瑞讀過《大賣空》。後來米高·貝利讀過《沽注一擲》。\n\n另見 [[tw]]。\n"
    ),
    "posts/a.md": "---\ntitle: 简体笔记\ndate: 2026-11-03\n---\n\n面包店很好，说明写得清楚。\n\n参见 [[tw]] 和 [[hk]]。\n\n![[hk]]\n",
    "posts/hkin.md": f"---\ntitle: {HK_IN_TW_TITLE}\nlang: zh-HK\ndate: 2026-10-30\n---\n\n設定在這裡。\n",
    "league/_index.md": "---\ntitle: 聯賽總覽\nlang: zh-TW\n---\n\n這裡是聯賽。\n",
    "league/fans/_index.md": f"---\ntitle: {FANS_TITLE}\nlang: zh-HK\n---\n\n專欄在這裡。\n",
    "league/fans/twin.md": f"---\ntitle: {TW_IN_HK_TITLE}\nlang: zh-TW\ndate: 2026-10-31\n---\n\n看球賽。\n",
}
#: rv28's phrases and glossary (test_build.py) and a theme every note's passage finds (说明 beside 文件 in the
#: Traditional notes: a phrase across a mark's edge).
EDITORIAL = {
    "themes.yml": "themes:\n  bread:\n    name: 面包\n    description: 面包店。\n    phrases: [面包店, 说明]\n",
    **RV28_EDITORIAL,
}
#: Every place a note of the posts section is listed.
EVERY_LIST = {
    "index.html",
    "sections/posts/index.html",
    "themes/index.html",
    "themes/bread/index.html",
    "notes/posts-a/index.html",
    "glossary/index.html",
    "search",
}
#: Where a title is shown as an attribute (a link's tooltip, a matrix cell's label, og:title, the header's topic).
_SHOWN_ATTR_RE = re.compile(r'\s(?:title|aria-label|content|data-zd-text|alt)="([^"]*)"')
_TAG_RE = re.compile(r"<[^>]*>")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from conftest import build_site

    result = build_site(tmp_path_factory.mktemp("titles"), notes=NOTES, editorial=EDITORIAL)
    assert result.ok and not result.warnings, result.log
    return result


def _h1(result: Any, path: str) -> str:
    return _TAG_RE.sub("", re.search(r"<h1[^>]*>(.*?)</h1>", result.page(path), re.S)[1]).strip()


def _shown_texts(site: Path) -> dict[tuple[str, str], str]:
    """(variant, file) → what a reader sees of it: its text and the attributes shown, and each search record's title."""
    from zhudu.search.shards import documents

    shown = {}
    for path in site.rglob("*"):
        if path.suffix not in {".html", ".xml", ".json"} or "search" in path.parts:
            continue
        rel = path.relative_to(site).as_posix()
        code = next((c for c in VARIANTS if rel.startswith(f"{c}/") or rel == f"feed-{c}.xml"), VARIANTS[0])
        raw = path.read_text(encoding="utf-8")
        shown[code, rel] = "\n".join([_TAG_RE.sub("", raw), *_SHOWN_ATTR_RE.findall(raw)])
    for code in VARIANTS:
        records = documents(site / code / "search")
        shown[code, f"{code}/search"] = "\n".join(d["title"] for d in records)
    return shown


def _listed(shown: dict[tuple[str, str], str], code: str, start: str, length: int) -> dict[str, list[str]]:
    """Each file of variant ``code`` showing a title that starts with ``start`` (a pattern): the titles it shows."""
    out: dict[str, list[str]] = {}
    for (where, rel), text in shown.items():
        if where == code:
            for m in re.finditer(start, text):
                out.setdefault(rel, []).append(text[m.start() : m.start() + length])
    return out


@pytest.mark.parametrize(
    ("page", "typed", "own", "start", "places"),
    [
        # A Taiwan note: every list of notes (home, section, theme pages, related notes and the theme strip of the
        # Simplified note, its backlinks there, the glossary, the feed, the search records), every link to it.
        (
            "notes/posts-tw/index.html",
            TW_TITLE,
            "zh-Hant-TW",
            "在程[式序]",
            EVERY_LIST | {"notes/posts-hk/index.html"},  # its wikilink there, and the Simplified note's
        ),
        (
            "notes/posts-hk/index.html",
            HK_TITLE,
            "zh-Hant-HK",
            "臭氧",
            EVERY_LIST
            | {"notes/posts-tw/index.html"},  # its wikilink there; the Simplified note's, and its embed
        ),
        # A note of the other region than its section's _index.md: listed there as its page shows it.
        (
            "notes/posts-hkin/index.html",
            HK_IN_TW_TITLE,
            "zh-Hant-HK",
            "香港的",
            {"index.html", "sections/posts/index.html", "search"},
        ),
        (
            "notes/league-fans-twin/index.html",
            TW_IN_HK_TITLE,
            "zh-Hant-TW",
            "(?:梅西|美斯)：",
            {"index.html", "sections/league-fans/index.html", "search"},
        ),
        # A Hong Kong section below a Taiwan-introduced section of sections: listed there as its page shows it.
        (
            "sections/league-fans/index.html",
            FANS_TITLE,
            "zh-Hant-HK",
            "球迷的",
            {"index.html", "sections/league/index.html"},
        ),
        # A section introduced by a Taiwan _index.md: its page's title, the home page's section list.
        ("sections/posts/index.html", SECTION_TITLE, "zh-Hant-TW", "程[式序]的", {"index.html"}),
    ],
)
def test_a_traditional_title_is_listed_as_its_page_shows_it(built, page, typed, own, start, places) -> None:
    shown = _shown_texts(built.site_dir)
    for code in VARIANTS:
        title = _h1(built, f"{code}/{page}")
        if code == own:
            assert title == typed, (code, title)  # exactly as typed on its own variant's page
        listed = _listed(shown, code, start, len(title))
        wrong = {rel: found for rel, found in listed.items() if set(found) != {title}}
        assert not wrong, (code, title, wrong)
        # Found where it is listed (a variant's own file, a feed at the root, the default's root stubs).
        files = {rel.removeprefix(f"{code}/") for rel in listed}
        assert places <= files, (code, places - files)
        if page.startswith("notes/"):
            assert f"feed-{code}.xml" in files, (code, files)


def test_nothing_of_how_a_title_was_folded_is_left_in_any_file(built) -> None:
    """The groups a listed title carries into the default pages (U+FDD0–FDD2), and the marks holding it from a section
    page's fold (U+FDD3–FDD4), are resolved in every file written; so are a Traditional note's quoted passages' (theme
    pages, theme strips: each variant's text is written in the quote, its groups resolved)."""
    texts = [p for p in built.site_dir.rglob("*") if p.suffix in {".html", ".xml", ".json", ".js"}]
    assert not [p for p in texts if re.search("[\ufdd0-\ufdef]", p.read_text(encoding="utf-8"))]


def test_the_glossary_finds_a_term_as_the_notes_fold_reads_it(built) -> None:
    """The other region's phrase outputs in a note (a Taiwan note's 米高·貝利, Hong Kong's) are not read back by its
    fold (米高·贝利 on its Simplified page): no term there, in any variant; its own region's (麥可·貝瑞) are."""
    for slug in ("posts-tw", "posts-hk"):
        for code in VARIANTS:
            page = built.page(f"{code}/notes/{slug}/index.html")
            passage = next(
                p for p in re.findall(r"<p [^>]*>(.*?)</p>", page, re.S) if re.search("[贝貝][瑞利]", p)
            )
            other, own = re.split("。", passage, maxsplit=1)
            assert "zd-gloss" not in other and own.count('class="zd-gloss"') == 2, (slug, code, passage)


#: A passage quoted with a link to it: on a theme page, its text, then the link; in a note's theme strip, the link's text.
_THEME_QUOTE_RE = re.compile(
    r'<blockquote>(?P<text>.*?)</blockquote>\s*<a href="[^"]*notes/(?P<slug>[^/"]+)/#(?P<anchor>p-[^"]+)"',
    re.S,
)
_STRIP_QUOTE_RE = re.compile(r'<a href="\.\./(?P<slug>[^/"]+)/#(?P<anchor>p-[^"]+)">(?P<text>.*?)</a>')
#: The theme's marks in the Traditional notes' quotes: the words holding its phrases as each variant's page writes
#: them.  A Taiwan note's 說明 before 文件 (文件 as typed after it on the Taiwan page, not 檔案); a Hong Kong note's
#: 說明文件, written 文档 on its Simplified page (the layer's from-hant rule) and kept on its Taiwan one (Taiwan writes
#: it too: ``region-only: HK``, session 52; 文件 before), marked whole in every variant (as typed on its own page); 麵包店 as typed in Hong Kong (the plain fold's way back wrote 麪包店).
QUOTE_MARKS = {
    ("posts-tw", "zh-Hans"): ["面包店", "说明"],
    ("posts-tw", "zh-Hant-TW"): ["麵包店", "說明"],
    ("posts-tw", "zh-Hant-HK"): ["麪包店", "説明"],
    ("posts-hk", "zh-Hans"): ["面包店", "文档"],
    ("posts-hk", "zh-Hant-TW"): ["麵包店", "說明文件"],
    ("posts-hk", "zh-Hant-HK"): ["麵包店", "說明文件"],
}


def _text(fragment: str) -> str:
    return html.unescape(_TAG_RE.sub("", fragment))


def test_a_traditional_notes_passage_is_quoted_as_its_page_shows_it(built) -> None:
    """A theme page's and a theme strip's quote of a Traditional note's passage reads as the note's own page in every
    variant, its theme phrases marked as that page writes them (``themes/shown_cuts.py``)."""
    from zhudu.themes.markers import excerpt

    quoted = 0
    for code in VARIANTS:
        for path in ("themes/bread/index.html", *(f"notes/posts-{s}/index.html" for s in ("a", "tw", "hk"))):
            on_theme_page = path.startswith("themes/")
            for m in (_THEME_QUOTE_RE if on_theme_page else _STRIP_QUOTE_RE).finditer(
                built.page(f"{code}/{path}")
            ):
                if m["slug"] not in ("posts-tw", "posts-hk"):
                    continue
                own = built.page(f"{code}/notes/{m['slug']}/index.html")
                passage = _text(re.search(rf'<p id="{m["anchor"]}"[^>]*>(.*?)</p>', own, re.S)[1])
                shown = passage if on_theme_page else excerpt(passage)  # a strip: the passage's first words
                assert _text(m["text"]) == shown, (code, path, m["text"], shown)
                if on_theme_page:
                    marks = [_text(mark) for mark in re.findall("<mark>(.*?)</mark>", m["text"])]
                    assert marks == QUOTE_MARKS[m["slug"], code], (code, m["slug"], marks)
                quoted += 1
    # Each Traditional note's passage on the theme page and in the two other notes' strips, in every variant.
    assert quoted == 3 * 2 * 3, quoted


#: A Traditional note's title no ``-{…}-`` rule can hold: what Markdown or Material reads before or around the rule
#: (raw HTML, a formula's ``$``, a table cell's ``|``).  Shown as typed, escaped, as a link, in an embed's frame and
#: in a table cell (the review of session 50: raw ``[-{zh-Hans:…`` shown, an ``<h1>`` injected, arithmatex's
#: placeholders left in the Taiwan and Hong Kong pages).
UNWRITABLE_TITLES = {
    "blockquote": "說明</p></blockquote><h1>注入</h1>文件",
    "script": "說明</p><script>alert(1)</script>文件",
    "img": '說明<img src=x onerror="alert(1)">文件',
    "ampersand": "說明 &amp; 文件",
    "formula": "收益 $x$ 與 $y$ 文件",
    "pipe": "說明 | 文件",
}


@pytest.mark.parametrize("title", UNWRITABLE_TITLES.values(), ids=UNWRITABLE_TITLES.keys())
def test_a_title_no_rule_can_hold_is_shown_as_typed(tmp_path: Path, title: str) -> None:
    import json

    from conftest import build_site
    from zhudu.search.shards import documents

    notes = {
        "e1.md": f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nlang: zh-TW\n---\n\n內文在這裡。\n",
        "a.md": "---\ntitle: 简体笔记\n---\n\n参见 [[e1]]。\n\n![[e1]]\n\n| 笔记 |\n| --- |\n| [[e1]] |\n",
    }
    result = build_site(tmp_path, notes=notes)
    assert result.ok and not result.warnings, result.log
    for code in VARIANTS:
        page = result.page(f"{code}/notes/a/index.html")
        body = page[page.index('<article class="md-content__inner') :]
        assert "-{" not in body and "klzzwxh" not in body, (code, body)
        assert body.count("<h1") == 1, (code, body)
        assert "<script>alert" not in body and "<img src=x" not in body, (code, body)
        # Shown where it is linked, embedded and in the cell, as typed (its ASCII as text, a formula as one; its Han as
        # the page reads it).
        # The table keeps its one column: a title's | is a character reference (it ended the cell: "[說明" shown).
        assert re.search(r"<tbody>\s*<tr[^>]*>\s*<td>(?:(?!</?td).)*?</td>\s*</tr>\s*</tbody>", body, re.S), (
            body
        )
        places = 3
        assert body.count('href="../e1/"') >= places, (code, body)
        ascii_run = max(re.findall(r"[ -~]+", title.replace("$", "")), key=len)
        assert html.unescape(_TAG_RE.sub("", body)).count(ascii_run) >= places, (code, ascii_run)
        records = json.dumps(documents(result.site_dir / code / "search"), ensure_ascii=False)
        assert "klzzwxh" not in records and "-{" not in records, code
