"""A note's page converts in its own text's domain, and its words read so wherever they are shown (issue 25).

A collection mixes software and everyday notes; a site converted in one domain wrote the minority's words in the
other's sense (a software note's 这个程序支持中文 read 這個程序支持中文 on a general site's Hong Kong page, an everyday
note's 他命令我 read 他指令我 on a software site's Taiwan page).  Under ``auto`` each note's page converts in its own
text's domain (``conversion_domain.of_page``), and its title, description, tags and passages, shown on the home page, a
theme page, another note's strip or link, the feed, read as its page writes them (``Site.shown_by``).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from test_page_agrees import _body, _shown, disagreements

from conftest import build_site
from zhudu.script.domain import GENERAL, SOFTWARE, own_domain

VARIANTS = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")
#: A software note (a code block): its title, description and tag are words of its body.
SOFTWARE_NOTE = (
    "---\ntitle: 这个程序支持中文\ndate: 2026-11-01\ndescription: 调试程序很方便。\ntags: [程序]\n---\n\n"
    "先安装依赖，再运行下面的命令。\n\n```bash\npip install foo\n```\n\n"
    "这个程序支持中文，调试程序很方便。修改配置文件里的参数，再编译代码。\n"
)
#: A Taiwan software note: its fold into Simplified is a software text's (指令 → 命令).
TAIWAN_SOFTWARE_NOTE = (
    "---\ntitle: 執行下面的指令\nlang: zh-TW\ndate: 2026-11-02\ndescription: 這個程式支援中文，執行下面的指令即可。\n---\n\n"
    "執行下面的指令即可。\n\n```bash\nhexo server\n```\n\n這個程式支援中文，執行下面的指令即可。\n"
)
#: An everyday note long enough to tell (``script.domain.own_domain``): 命令 an order, 程序 a procedure, 支持 backing.
GENERAL_NOTE = (
    "---\ntitle: 他命令我早点休息\ndate: 2026-11-{n}\ndescription: 按照程序办理了手续。\n---\n\n"
    "周末去公园散步，看见很多人在跑步。\n\n他命令我早点休息。回家以后按照程序办理了手续，感谢朋友的支持。\n\n"
    + "那天早上天气很好，我们一家人去湖边看日出，外婆准备了热茶和点心，孩子们在草地上追着风筝跑来跑去。" * 9
    + "\n"
)
LINKING_NOTE = "---\ntitle: 周末\ndate: 2026-11-09\n---\n\n周末去公园散步，见 [[sw]] 和 [[g3]]。\n"
EDITORIAL = {
    "themes.yml": "themes:\n  procedure:\n    name: 程序\n    description: 写程序。\n    phrases: [程序]\n"
}


def _notes(software: int, general: int) -> dict[str, str]:
    notes = {"sw.md": SOFTWARE_NOTE, "tw.md": TAIWAN_SOFTWARE_NOTE, "link.md": LINKING_NOTE}
    notes |= {f"sw{n}.md": SOFTWARE_NOTE.replace("2026-11-01", f"2026-10-1{n}") for n in range(software)}
    return notes | {f"g{n}.md": GENERAL_NOTE.replace("{n}", f"{n:02d}") for n in range(3, 3 + general)}


GENERAL_SITE = _notes(software=0, general=6)  # 2 software notes of 9: a general site
SOFTWARE_SITE = _notes(software=3, general=1)  # 5 of 7: a software site


@pytest.fixture(scope="module")
def general_site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    result = build_site(tmp_path_factory.mktemp("general-site"), notes=GENERAL_SITE, editorial=EDITORIAL)
    assert result.ok and not result.warnings, result.log
    assert "conversion domain: general, 2 of 9 notes are software text" in result.log
    return result


@pytest.fixture(scope="module")
def software_site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    result = build_site(tmp_path_factory.mktemp("software-site"), notes=SOFTWARE_SITE, editorial=EDITORIAL)
    assert result.ok and not result.warnings, result.log
    assert "conversion domain: software, 5 of 7 notes are software text" in result.log
    return result


def _body_of(built: Any, code: str, slug: str) -> str:
    return _shown(_body(built.page(f"{code}/notes/{slug}/index.html")))


def _cards(built: Any, code: str, slug: str) -> list[str]:
    """What the home page shows of a note: its card's title, and its description."""
    home = built.page(f"{code}/index.html")
    return [_shown(m) for m in re.findall(rf'<a[^>]*href="notes/{slug}/"[^>]*>(.*?)</a>', home, re.S)]


def test_a_software_note_converts_in_its_domain_on_a_general_site(general_site: Any) -> None:
    assert "這個程式支援中文" in _body_of(
        general_site, "zh-Hant-HK", "sw"
    )  # 這個程序支持中文 as a general page
    assert "再執行下面的指令" in _body_of(general_site, "zh-Hant-TW", "sw")
    # The everyday notes beside it keep their words' everyday sense.
    assert "他命令我早點休息" in _body_of(general_site, "zh-Hant-TW", "g3")
    assert "按照程序辦理了手續" in _body_of(general_site, "zh-Hant-HK", "g3")
    # A Taiwan software note's Simplified page folds it as software text.
    assert "执行下面的命令即可" in _body_of(general_site, "zh-Hans", "tw")


def test_an_everyday_note_converts_in_its_domain_on_a_software_site(software_site: Any) -> None:
    assert "他命令我早點休息" in _body_of(software_site, "zh-Hant-TW", "g3")
    assert "按照程序辦理了手續" in _body_of(software_site, "zh-Hant-HK", "g3")
    assert "這個程式支援中文" in _body_of(software_site, "zh-Hant-HK", "sw")
    assert _cards(software_site, "zh-Hant-TW", "g3")[0] == "他命令我早點休息"


@pytest.mark.parametrize("site", ["general_site", "software_site"])
def test_every_place_reads_a_note_of_the_other_domain_as_its_page(
    site: str, request: pytest.FixtureRequest
) -> None:
    built = request.getfixturevalue(site)
    notes = GENERAL_SITE if site == "general_site" else SOFTWARE_SITE
    other = {"sw", "tw"} if site == "general_site" else {"g3"}
    assert disagreements(built.site_dir, notes, other) == []


def test_a_notes_words_read_as_its_page_on_every_other_page(general_site: Any) -> None:
    for code, title in [
        ("zh-Hans", "这个程序支持中文"),
        ("zh-Hant-TW", "這個程式支援中文"),
        ("zh-Hant-HK", "這個程式支援中文"),
    ]:
        page = general_site.page(f"{code}/notes/sw/index.html")
        assert _shown(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1]) == title
        assert re.search(r"<title>(.*?)</title>", page)[1].startswith(title)
        assert title in _cards(general_site, code, "sw")  # the home card, on a general page
        linking = general_site.page(f"{code}/notes/link/index.html")  # a general note's link with no text
        assert title in [
            _shown(m) for m in re.findall(r'<a[^>]*href="\.\./sw/"[^>]*>(.*?)</a>', linking, re.S)
        ]
        feed = html.unescape((general_site.site_dir / f"feed-{code}.xml").read_text("utf-8"))
        assert f"<title>{title}</title>" in feed or f'<title type="text">{title}</title>' in feed, feed[:2000]
        theme = general_site.page(f"{code}/themes/procedure/index.html")
        column = re.search(r'id="zd-note-sw".*?</section>', theme, re.S)
        assert column and title[:4] in _shown(column[0])
    # The everyday notes' titles on the same pages keep theirs.
    assert "他命令我早點休息" in _cards(general_site, "zh-Hant-TW", "g3")
    assert "他命令我早點休息" in [
        _shown(m)
        for m in re.findall(
            r'<a[^>]*href="\.\./g3/"[^>]*>(.*?)</a>',
            general_site.page("zh-Hant-TW/notes/link/index.html"),
            re.S,
        )
    ]


def test_a_forced_domain_converts_every_page_in_it(tmp_path: Path) -> None:
    built = build_site(
        tmp_path, notes=GENERAL_SITE, editorial=EDITORIAL, zhudu={"conversion_domain": "general"}
    )
    assert built.ok and not built.warnings, built.log
    assert "這個程序支持中文" in _body_of(built, "zh-Hant-HK", "sw")
    assert "這個程序支持中文" in _cards(built, "zh-Hant-HK", "sw")


@pytest.mark.parametrize("site", ["general_site", "software_site"])
def test_no_mark_of_a_held_word_reaches_a_reader(site: str, request: pytest.FixtureRequest) -> None:
    """The groups holding a note's words (noncharacters) are all resolved: none in any page, feed or index."""
    built = request.getfixturevalue(site)
    leaked = [
        str(path.relative_to(built.site_dir))
        for path in sorted(built.site_dir.rglob("*"))
        if path.suffix in (".html", ".xml", ".json", ".js")
        and re.search("[\ufdd0-\ufdef]", path.read_text("utf-8", errors="replace"))
    ]
    assert leaked == []


def test_a_notes_own_domain_needs_its_text_to_tell() -> None:
    long_everyday = GENERAL_NOTE.split("---\n", 2)[2]
    assert own_domain(long_everyday) == GENERAL
    assert own_domain("他命令我早点休息。") is None  # too short to tell: the site's
    # A diary's poem in a code block is no program: a fence alone leaves a long everyday note to the site's domain.
    assert own_domain(long_everyday + "\n```text\n床前明月光\n```\n") is None
    assert own_domain(SOFTWARE_NOTE.split("---\n", 2)[2]) == SOFTWARE
    assert own_domain("先安装，再运行下面的命令：\n\n```bash\nls -l\n```\n") == SOFTWARE  # a language of code


#: Software notes whose titles hold what a ``-{…}-`` rule cannot (``&``, a code span), linked by an everyday note.
UNRULED = {
    "amp.md": SOFTWARE_NOTE.replace("title: 这个程序支持中文", "title: Git & 程序支持中文"),
    "code.md": SOFTWARE_NOTE.replace("title: 这个程序支持中文", "title: 用 `ls` 命令调试程序"),
    # Review VP2: a backslash, an entity and emphasis marks, each around words a rule holds.
    "path.md": SOFTWARE_NOTE.replace("title: 这个程序支持中文", "title: C:\\程序\\调试 \\* 星号"),
    "entity.md": SOFTWARE_NOTE.replace("title: 这个程序支持中文", "title: 程序 &amp; 支持 *5* 程序"),
    "linking.md": "---\ntitle: 周末\ndate: 2026-11-09\n---\n\n周末去公园散步，见 [[amp]] 和 [[code]]，[[path]] 和 [[entity]]。\n",
    **{f"g{n}.md": GENERAL_NOTE.replace("{n}", f"{n:02d}") for n in range(3, 16)},
}


def test_a_link_reads_a_title_no_rule_can_hold_as_its_page(tmp_path: Path) -> None:
    built = build_site(tmp_path, notes=UNRULED)
    assert built.ok and not built.warnings, built.log
    assert (
        "conversion domain: general, 4 of 18 notes are software text" in built.log
    )  # the links: a general page
    for code in VARIANTS:
        linking = built.page(f"{code}/notes/linking/index.html")
        for slug in ("amp", "code", "path", "entity"):
            page = built.page(f"{code}/notes/{slug}/index.html")
            title = _shown(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1])
            links = [
                _shown(m) for m in re.findall(rf'<a[^>]*href="\.\./{slug}/"[^>]*>(.*?)</a>', linking, re.S)
            ]
            assert links == [title], (code, slug)
    assert "Git&程式支援中文" in _shown(built.page("zh-Hant-HK/notes/linking/index.html"))


def test_a_section_introduction_reads_as_its_page(software_site_with_intro: Any) -> None:
    # A long everyday _index.md on a software site: its page is the section's, converted in the site's domain, and so
    # is its title there (the intro's own domain would read its title one way and its body another).
    page = _shown(software_site_with_intro.page("zh-Hant-TW/sections/sec/index.html"))
    assert "他指令我按程式辦" in page and "他指令我早點休息" in page  # its title as its body: software
    page = _shown(software_site_with_intro.page("zh-Hant-HK/sections/sec/index.html"))
    assert "他命令我按程式辦" in page and "按照程式辦理" in page
    assert "他指令我按程式辦" in _shown(software_site_with_intro.page("zh-Hant-TW/index.html"))


@pytest.fixture(scope="module")
def software_site_with_intro(tmp_path_factory: pytest.TempPathFactory) -> Any:
    intro = GENERAL_NOTE.replace("title: 他命令我早点休息", "title: 他命令我按程序办").replace("{n}", "09")
    notes = SOFTWARE_SITE | {
        "sec/_index.md": intro,
        "sec/inside.md": SOFTWARE_NOTE.replace("2026-11-01", "2026-09-01"),
    }
    result = build_site(tmp_path_factory.mktemp("intro-site"), notes=notes, editorial=EDITORIAL)
    assert result.ok and not result.warnings, result.log
    return result


def test_an_embedded_copy_reads_as_its_notes_page(tmp_path: Path) -> None:
    # An everyday note embedding a software note on a general site, and a software note embedding an everyday one.
    notes = {
        "sw.md": SOFTWARE_NOTE,
        "emb.md": GENERAL_NOTE.replace("{n}", "09").replace("title: 他命令我早点休息", "title: 周末")
        + "\n![[sw]]\n",
        "swemb.md": SOFTWARE_NOTE.replace("2026-11-01", "2026-10-01") + "\n![[g3]]\n",
        **{f"g{n}.md": GENERAL_NOTE.replace("{n}", f"{n:02d}") for n in range(3, 9)},
    }
    built = build_site(tmp_path, notes=notes)
    assert built.ok and not built.warnings, built.log
    copy = re.search(
        r'<blockquote class="zd-transclusion".*?</blockquote>',
        built.page("zh-Hant-HK/notes/emb/index.html"),
        re.S,
    )
    assert copy and "這個程式支援中文，除錯程式很方便" in _shown(
        copy[0]
    )  # 這個程序支持中文 as the general page's
    copy = re.search(
        r'<blockquote class="zd-transclusion".*?</blockquote>',
        built.page("zh-Hant-TW/notes/swemb/index.html"),
        re.S,
    )
    assert copy and "他命令我早點休息。" in _shown(
        copy[0]
    )  # 他指令我 as the software page's (its label: the title)
    assert "他命令我早點休息" in _body_of(built, "zh-Hant-TW", "g3")
