"""The site's conversion domain (``extra.zhudu.conversion_domain``): the domain of every page but a note's own.

A collection of software notes gets the software sense (Taiwan 指令, Hong Kong 程式, 支援) on every channel a
reader sees a note's text through (its page, its home card, the feed, search), each as ``Converter.text``
with that domain writes it; a general collection keeps 命令 and 程序; the setting forces either; a cached
build after the domain flips writes what a build without cache writes.  Real MkDocs builds, no mocks.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
import test_serve_incremental
from test_collections import PNG

from conftest import BuildResult, build_site
from zhudu.notes.body import Body
from zhudu.publish import conversion_domain
from zhudu.script.convert import DEFAULT_VARIANTS, ConversionRules, Converter
from zhudu.script.domain import GENERAL, SOFTWARE
from zhudu.search import shards as search_shards

TITLE = "用命令启动程序"
DESCRIPTION = "这个程序支持中文，命令很短"
SOFTWARE_BODY = "先安装，再运行下面的命令：\n\n```bash\nls -l\n```\n"
GENERAL_BODY = "今天天气很好，我们去公园散步，看见很多人在湖边钓鱼。\n"
#: A general note written in Traditional whose 支援 beside a Latin word is a program's only in software text.
TRADITIONAL_NOTE = (
    "---\ntitle: 外婆家的電腦\ndate: 2024-01-05\nlang: zh-Hant\n---\n\n"
    "外婆家的老電腦裝的是 Linux，它支援 System V 的功能。週末我們去海邊散步，傍晚的海邊很安靜。\n"
)
#: The fixture: ``mkdocs serve --dirty`` of the shipped project beside clean builds of the same files.
served = test_serve_incremental.served


def note(body: str, title: str = TITLE, day: int = 2) -> str:
    return f"---\ntitle: {title}\ndate: 2024-01-{day:02d}\ndescription: {DESCRIPTION}\n---\n\n{body}"


def expected(code: str, domain: str) -> tuple[str, str]:
    """The title and description as ``Converter.text`` of ``domain`` writes them for variant ``code``."""
    variant = next(v for v in DEFAULT_VARIANTS if v.code == code)
    text = Converter(variant, ConversionRules(protected=(), phrases={}, accepted={}), domain=domain).text
    return text(TITLE), text(DESCRIPTION)


def search_text(result: BuildResult, code: str) -> str:
    """Every search fragment of the variant, as the search worker reads it (the passages it shows)."""
    docs = search_shards.documents(result.site_dir / code / "search")
    return "".join(d["title"] + d["text"] for d in docs)


def channels(result: BuildResult, code: str) -> dict[str, str]:
    """Where a reader sees note ``a``'s title and description in variant ``code``."""
    return {
        "note page": html.unescape(result.page(f"{code}/notes/a/index.html")),
        "home card": html.unescape(result.page(f"{code}/index.html")),
        "feed": html.unescape(result.page(f"feed-{code}.xml")),
        "search": search_text(result, code),
    }


def assert_converted_with(result: BuildResult, domain: str) -> None:
    assert result.ok, result.log
    for code in ("zh-Hant-TW", "zh-Hant-HK"):
        title, description = expected(code, domain)
        for channel, page in channels(result, code).items():
            assert title in page, (code, channel, title)
            if channel != "search":  # search shows the body's passages, not the front matter's description
                assert description in page, (code, channel, description)


def test_a_software_collection_reads_software_words_everywhere(site_builder) -> None:  # type: ignore[no-untyped-def]
    # Page writers forked before the notes are read: the domain reaches them with the pages.
    result = site_builder(
        notes={"a.md": note(SOFTWARE_BODY), "b.md": note(GENERAL_BODY, "另一篇", 3)}, zhudu={"workers": 2}
    )
    assert_converted_with(result, SOFTWARE)
    # Spelled out once, so a uniform mistake cannot pass.
    assert expected("zh-Hant-TW", SOFTWARE) == ("用指令啟動程式", "這個程式支援中文，指令很短")
    assert expected("zh-Hant-HK", SOFTWARE) == ("用命令啓動程式", "這個程式支援中文，命令很短")
    assert "conversion domain: software, 1 of 2 notes are software text" in result.log
    home = html.unescape(result.page("zh-Hant-HK/index.html"))
    assert "用命令啓動程序" not in home and "這個程序支持中文" not in home


def test_a_general_collection_keeps_the_general_words(site_builder) -> None:  # type: ignore[no-untyped-def]
    # One software note in five: under a quarter (conversion_domain.SOFTWARE_SHARE), so the site stays general.
    general = {f"g{day}.md": note(GENERAL_BODY, f"日记{day}", day) for day in range(3, 6)}
    result = site_builder(
        notes={"a.md": note(GENERAL_BODY), "b.md": note(SOFTWARE_BODY, "另一篇", 1), **general}
    )
    assert_converted_with(result, GENERAL)
    assert expected("zh-Hant-TW", GENERAL) == ("用命令啟動程式", "這個程式支援中文，命令很短")
    assert expected("zh-Hant-HK", GENERAL) == ("用命令啓動程序", "這個程序支持中文，命令很短")
    assert "conversion domain: general, 1 of 5 notes are software text" in result.log


def test_a_quarter_of_software_notes_makes_a_software_site(site_builder) -> None:  # type: ignore[no-untyped-def]
    # A general note too short to tell its own domain (``script.domain.own_domain``) gets the site's, software: a
    # quarter, not half, since a software note converted in the general domain loses more than that costs
    # (bench/site_domain.py, conversion_domain.py).
    general = {f"g{day}.md": note(GENERAL_BODY, f"日记{day}", day) for day in range(3, 5)}
    result = site_builder(
        notes={"a.md": note(GENERAL_BODY), "b.md": note(SOFTWARE_BODY, "另一篇", 1), **general}
    )
    assert_converted_with(result, SOFTWARE)
    assert "conversion domain: software, 1 of 4 notes are software text" in result.log


#: Short everyday notes whose only Latin text is markup every note has: a photo, a Hexo tag, a link, an embed.
DIARY = {
    "a.md": note(GENERAL_BODY + "\n![湖边](images/west-lake_2024.jpg)\n"),
    "b.md": note("{% asset_img sunset_1.jpg 夕阳 %}\n\n傍晚的海边很安静。\n", "海边", 3),
    "c.md": note("读完了这本书，书评见 https://example.com/book-reviews/a_b.html 。\n", "读书", 4),
    "d.md": note("![[photo-2024_05.png]]\n\n周末和朋友去爬山，见[上一篇](b.md)。\n", "爬山", 5),
}


def test_a_diary_with_photos_and_links_is_not_software_text(site_builder) -> None:  # type: ignore[no-untyped-def]
    # An image's path, a tag's name, a URL or an embed is markup, not code the note talks about: a collection of
    # such diary notes once read as software text and got Taiwan's 指令 for an everyday 命令.
    images = {"images/west-lake_2024.jpg": PNG, "b/sunset_1.jpg": PNG, "photo-2024_05.png": PNG}
    result = site_builder(notes={**DIARY, **images})
    assert result.ok, result.log
    assert "conversion domain: general, 0 of 4 notes are software text" in result.log
    assert expected("zh-Hant-TW", GENERAL)[0] in html.unescape(result.page("zh-Hant-TW/notes/a/index.html"))


@pytest.mark.parametrize(
    ("setting", "body", "domain"), [("software", GENERAL_BODY, SOFTWARE), ("general", SOFTWARE_BODY, GENERAL)]
)
def test_the_setting_forces_the_domain(site_builder, setting, body, domain) -> None:  # type: ignore[no-untyped-def]
    result = site_builder(notes={"a.md": note(body)}, zhudu={"conversion_domain": setting})
    assert_converted_with(result, domain)
    assert f"conversion domain: {setting}, set by extra.zhudu.conversion_domain" in result.log


def test_ids_and_anchors_do_not_change_with_the_domain(site_builder) -> None:  # type: ignore[no-untyped-def]
    """Heading ids and passage anchors are the text folded by no domain's rules: a link from outside or a bookmark
    to a passage holds when the site's domain flips.  A software site's from-hant rules read 文件 as 文档 and a Taiwan
    note's 資料 as 数据; folded by them, a Simplified heading's and a Taiwan note's ids changed with the domain."""
    notes = {
        "a.md": note("## 文件说明\n\n请参阅文件，再运行命令。\n"),
        "t.md": "---\ntitle: 資料筆記\ndate: 2024-01-05\nlang: zh-TW\n---\n\n## 資料與文件\n\n每塊GPU上的資料與文件。\n",
    }
    ids = {}
    for setting in ("general", "software"):
        result = site_builder(notes=notes, zhudu={"conversion_domain": setting})
        assert result.ok, result.log
        ids[setting] = [
            re.findall(r'\sid="([^"]+)"', result.page(f"{code}/notes/{name}/index.html"))
            for code in ("zh-Hans", "zh-Hant-TW")
            for name in ("a", "t")
        ]
    assert ids["general"] == ids["software"]
    assert all("文档" not in i and "数据" not in i for page in ids["software"] for i in page), ids["software"]
    assert any(i.startswith("p-") for page in ids["software"] for i in page)


def test_a_link_names_a_heading_as_the_page_reads_it_or_as_written(site_builder) -> None:  # type: ignore[no-untyped-def]
    """A Taiwan note's heading 資料與文件設定 reads 数据与文档设置 on a software site's Simplified page (from-hant rules
    of software text); its id is folded by no domain (资料与文件设置), and a link may name it either way (review VF)."""
    links = "见[页面的读法](t.md#数据与文档设置)，[原文](t.md#資料與文件設定)。\n"
    notes = {
        "a.md": note(SOFTWARE_BODY + links),
        "t.md": "---\ntitle: 設定筆記\ndate: 2024-01-05\nlang: zh-TW\n---\n\n## 資料與文件設定\n\n請把資料寫進文件。\n",
    }
    result = site_builder(notes=notes, zhudu={"conversion_domain": "software"})
    assert result.ok and not result.warnings, result.log
    heading = re.sub(
        r"<[^>]*>", "", re.search(r"<h2.*?</h2>", result.page("zh-Hans/notes/t/index.html"), re.S)[0]
    )
    assert "数据与文档设置" in heading, heading
    hrefs = [
        unquote(h) for h in re.findall(r'href="([^"]*t/#[^"]*)"', result.page("zh-Hans/notes/a/index.html"))
    ]
    assert hrefs == ["../t/#资料与文件设置"] * 2, hrefs


def test_a_bad_setting_is_a_config_error_naming_the_key(site_builder) -> None:  # type: ignore[no-untyped-def]
    result = site_builder(notes={"a.md": note(GENERAL_BODY)}, zhudu={"conversion_domain": "code"})
    assert not result.ok
    assert (
        "mkdocs.yml: extra.zhudu.conversion_domain: Expected one of" in result.log and "'code'" in result.log
    )
    assert "Traceback" not in result.log


def test_after_the_domain_flips_a_warm_build_writes_what_a_cold_build_writes(tmp_path) -> None:
    """Pages, search and every cache keyed by the conversion: nothing converted in the other domain survives.

    Only note c's body changes: the other pages' HTML at the root is the same, their variants' copies not; but
    for note d's, written in Traditional, folded into Simplified with the domain's from-hant rules.
    """
    warm_root, cold_root = tmp_path / "warm", tmp_path / "cold"
    notes = {
        "a.md": note(GENERAL_BODY),
        "b.md": note(GENERAL_BODY, "另一篇", 3),
        "c.md": note(GENERAL_BODY, "第三篇", 4),
        "d.md": TRADITIONAL_NOTE,
    }
    first = build_site(warm_root, notes=notes)
    assert "conversion domain: general" in first.log, first.log
    for body, domain in ((SOFTWARE_BODY, SOFTWARE), (GENERAL_BODY, GENERAL)):  # 1 of 4 software, then none
        (warm_root / "seeds" / "c.md").write_text(note(body, "第三篇", 4), encoding="utf-8")
        warm = build_site(warm_root)
        for folder in ("seeds", "docs"):
            shutil.rmtree(cold_root / folder, ignore_errors=True)
            shutil.copytree(warm_root / folder, cold_root / folder)
        cold = build_site(cold_root, zhudu={"cache_dir": ""})
        assert warm.ok and cold.ok, (domain, warm.log, cold.log)
        assert f"conversion domain: {'software' if domain else 'general'}" in warm.log, domain
        diff = subprocess.run(
            ["diff", "-rq", str(warm_root / "site"), str(cold_root / "site")], capture_output=True, text=True
        )
        assert diff.stdout == "", (domain, diff.stdout)
        assert_converted_with(warm, domain)
        traditional = re.sub(r"<[^>]*>", "", warm.page("zh-Hans/notes/d/index.html"))
        assert ("它支持 System V" if domain else "它支援 System V") in traditional, domain


def _note(domain: str | None):  # type: ignore[no-untyped-def]
    """A read note as ``decide`` sees it (None: a broken note, no body)."""

    class Read:
        body = None if domain is None else Body(markdown="", domain=domain)

    return Read()


def test_the_domain_is_software_from_a_quarter_of_the_notes_read() -> None:
    decide = conversion_domain.decide
    assert decide("auto", [_note(SOFTWARE), *[_note(GENERAL)] * 3]).domain == SOFTWARE
    assert decide("auto", [_note(SOFTWARE), *[_note(GENERAL)] * 4]).domain == GENERAL
    assert decide("auto", [_note(SOFTWARE), *[_note(GENERAL)] * 4]).reason == "1 of 5 notes are software text"
    assert decide("auto", [_note(GENERAL), _note(GENERAL)]).domain == GENERAL
    assert (
        decide("auto", [_note(SOFTWARE), _note(None), _note(None)]).domain == SOFTWARE
    )  # broken: not counted
    assert decide("auto", []).domain == GENERAL
    assert decide("general", [_note(SOFTWARE)]).domain == GENERAL
    assert decide("software", []).reason == "set by extra.zhudu.conversion_domain"


def test_converters_without_software_rules_are_the_general_ones() -> None:
    """The default variant's own converter has no rule: its pages do not depend on the domain."""
    assert conversion_domain.for_converter(SOFTWARE, "zh-Hant-TW", "Hans") == SOFTWARE
    assert conversion_domain.for_converter(SOFTWARE, "zh-Hans", "Hans") == GENERAL
    # Notes written in Traditional fold into Simplified with the domain's from-hant rules (支援 beside a Latin word
    # only in software text): their renders are kept per domain (pages.page_markdown).
    assert conversion_domain.for_converter(SOFTWARE, "zh-Hans", "Hant") == SOFTWARE


def test_a_notes_domain_is_read_with_its_body(tmp_path: Path) -> None:
    from zhudu.notes.body import transform

    def read(text: str) -> str:
        return transform(text, title=None, note_dir=tmp_path, first_line=1, image_url=str).domain

    assert read(SOFTWARE_BODY) == SOFTWARE and read(GENERAL_BODY) == GENERAL


@pytest.mark.slow
def test_mkdocs_serve_dirty_equals_a_clean_build_when_the_domain_flips(served) -> None:  # type: ignore[no-untyped-def]
    """``mkdocs serve --dirty`` on the shipped notes (general): saves that flip the domain and back."""
    root, _server, compare, _url = served
    seeds = root / "seeds"

    def add_a_traditional_section() -> (
        None
    ):  # its _index.md's 支援 beside a Latin word: a program's only in software
        (seeds / "工具").mkdir()
        (seeds / "工具" / "_index.md").write_text(
            "---\ntitle: 工具\nlang: zh-Hant-TW\n---\n\n這台電腦支援 System V 的功能。請修改設定文件，再用自訂域名。\n",
            encoding="utf-8",
        )
        (seeds / "工具" / "note-4.md").write_text(note(GENERAL_BODY, "笔记4", 4), encoding="utf-8")

    assert compare(add_a_traditional_section) == [], (
        "the first build, and a section introduced in Traditional"
    )

    def add_software_notes() -> None:
        for day in (5, 6):  # 2 of 7 notes: software (from a quarter)
            (seeds / f"sw-{day}.md").write_text(note(SOFTWARE_BODY, f"软件笔记{day}", day), encoding="utf-8")
        (seeds / "note-7.md").write_text(note(GENERAL_BODY, "笔记7", 7), encoding="utf-8")

    assert compare(add_software_notes) == [], "software"
    tw = (_server.site_dir() / "zh-Hant-TW/notes/sw-5/index.html").read_text(encoding="utf-8")
    assert "這個程式支援中文，指令很短" in html.unescape(tw)
    intro = re.sub(
        r"<[^>]*>", "", next(_server.site_dir().glob("zh-Hans/sections/*/index.html")).read_text("utf-8")
    )
    assert "这台电脑支持 System V" in html.unescape(intro)  # the section's page: its render kept per domain
    # Back to general (1 of 7) by one body: the other pages' HTML at the root stays as it was.
    general = lambda: (seeds / "sw-6.md").write_text(note(GENERAL_BODY, "软件笔记6", 6), encoding="utf-8")  # noqa: E731
    assert compare(general) == [], "general again"
    tw = (_server.site_dir() / "zh-Hant-TW/notes/sw-5/index.html").read_text(encoding="utf-8")
    assert "這個程式支援中文，指令很短" in html.unescape(tw)  # a software note's page in its own domain
    tw = (_server.site_dir() / "zh-Hant-TW/notes/sw-6/index.html").read_text(encoding="utf-8")
    assert "這個程式支援中文，命令很短" in html.unescape(tw)  # too short to tell: the site's
    intro = re.sub(
        r"<[^>]*>", "", next(_server.site_dir().glob("zh-Hans/sections/*/index.html")).read_text("utf-8")
    )
    assert "这台电脑支援 System V" in html.unescape(intro)

    def flip_the_region() -> None:  # the section's page folds with its region's words kept (Site.fold_for)
        intro = seeds / "工具" / "_index.md"
        intro.write_text(
            intro.read_text(encoding="utf-8").replace("zh-Hant-TW", "zh-Hant-HK"), encoding="utf-8"
        )

    assert compare(flip_the_region) == [], "the _index.md's region flips"
