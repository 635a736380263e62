"""An embedded Traditional note reads, on every page, as its own page shows it (issue 25, ``script/copy_folds.py``).

An embed's copy is rendered with the embedding page; a note written in Traditional is folded into Simplified
by its own region's fold before the variants are written from it.  The copy is folded by the embedded note's
fold, not the page's (a Simplified page has none): so in each variant its text is the embedded note's own
page's text there, in a Simplified note, in a list item (the Markdown-quote form), in a Traditional note of
another region, for the whole note, a heading's section and a block.  No known difference is left on these
notes: every comparison below is exact.

A note written in Simplified embedded in a Traditional note is, as before, folded with that page (t2s leaves
its Simplified text as it is): its copy reads as its own page in every variant too.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable

import pytest
from clean_builds import build_dirty
from test_cache import same_tree
from test_conversion_domain import GENERAL_BODY, SOFTWARE_BODY, TRADITIONAL_NOTE, note

from conftest import BuildResult, build_site
from zhudu.script import copy_folds

TW = (
    "---\ntitle: 資料夾說明\nlang: zh-TW\n---\n\n請把軟體的設定儲存到資料夾裡，預設的記憶體不夠。\n\n"
    "> 引用：支援非同步的軟體\n\n> [!tip]- 提示：預設的記憶體\n> 軟體的記憶體不夠，請儲存檔案。\n\n"
    "## 小節\n\n這個程式的檔案很大，請用命令列存取資料，見 [[s]]、[[hk]]。 ^blk\n"
)
HK = "---\ntitle: 香港筆記\nlang: zh-HK\n---\n\n請把軟件的設定儲存到文件夾裏，預設的記憶體不夠。\n"
HANT = "---\ntitle: 繁體筆記\nlang: zh-Hant\n---\n\n這套軟體的預設資料夾在硬碟上。\n"
SIMPLIFIED = "---\ntitle: 简体乙篇\n---\n\n这套软件的默认文件夹在硬盘上，内存不够。\n"
HOST = (
    "---\ntitle: 简体笔记\n---\n\n软件的设置保存在文件夹里。\n\n![[tw]]\n\n![[tw#小節]]\n\n![[tw#^blk]]\n\n"
    "![[hk]]\n\n![[hant]]\n\n- 列表里的嵌入\n  ![[tw]]\n\n- ![[hk]]\n"
)
TW_HOST = "---\ntitle: 台灣筆記\nlang: zh-TW\n---\n\n軟體。\n\n![[hk]]\n\n![[s]]\n\n![[tw]]\n\n- ![[hk]]\n"
NOTES = {"tw.md": TW, "hk.md": HK, "hant.md": HANT, "s.md": SIMPLIFIED, "a.md": HOST, "t.md": TW_HOST}
VARIANTS = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")
_HEADERLINK_RE = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_QUOTE_TAG_RE = re.compile(r"<(/?)blockquote\b[^>]*>")


def copies(page: str) -> list[str]:
    """Each embed's copy on a page (its frame, the quotes inside it counted)."""
    found, depth, start = [], 0, 0
    for m in _QUOTE_TAG_RE.finditer(page):
        if m[1]:
            depth -= 1
            if depth == 0 and start >= 0:
                found.append(page[start : m.end()])
            continue
        if depth == 0:
            start = m.start() if 'class="zd-transclusion"' in m[0] else -1
        depth += 1
    return found


def lines(html: str) -> list[str]:
    """The text a reader sees, line by line (tags and permalinks left out)."""
    text = re.sub(r"<[^>]+>", "", _HEADERLINK_RE.sub("", html))
    return [line.strip() for line in text.splitlines() if line.strip()]


def _paragraphs(html: str) -> list[str]:
    """The paragraphs of a note's body or copy, without their ids (a copy's are its own)."""
    return [re.sub(r'\sid="[^"]*"', "", p) for p in re.findall(r"<p[ >].*?</p>", html.split("<aside")[0])]


def copy_text(copy: str) -> list[str]:
    """A copy's text without its source line (the label and the link to the note)."""
    return lines(copy)[1:]


def own_text(result: BuildResult, code: str, slug: str) -> list[str]:
    """A note's text as its own page in ``code`` shows it (its body, not the backlinks after it)."""
    page = result.page(f"{code}/notes/{slug}/index.html")
    body = page[page.index('<div class="zd-note__body">') :]
    return lines(re.split(r"<aside|</article>", body)[0])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = build_site(tmp_path_factory.mktemp("embedded") / "p", notes=NOTES)
    assert result.ok, result.log
    return result


@pytest.mark.parametrize("code", VARIANTS)
def test_a_traditional_notes_copy_reads_as_its_own_page_in_every_variant(built, code):
    tw, hk, hant, s = (own_text(built, code, slug) for slug in ("tw", "hk", "hant", "s"))
    page = built.page(f"{code}/notes/a/index.html")
    whole, section, block, own_hk, own_hant, listed, listed_hk = map(copy_text, copies(page))
    assert whole == tw and listed == tw  # the whole note: its nested quote and collapsible box too
    assert section == tw[-2:] and block == tw[-1:]  # a heading's section (a bold line, then it), a block
    assert own_hk == hk and listed_hk == hk and own_hant == hant
    # Its markup too: its links' titles as its own page writes them (a rule for each variant, Site.link_title).
    own_block = _paragraphs(built.page(f"{code}/notes/tw/index.html"))[-1]
    assert _paragraphs(copies(page)[2])[-1] == own_block and own_block.count("zd-conv") >= 5
    # In a Traditional note of another region (Taiwan embedding Hong Kong), and a note of its own region.
    page = built.page(f"{code}/notes/t/index.html")
    in_tw, simplified, same_region, in_tw_listed = map(copy_text, copies(page))
    assert in_tw == hk and in_tw_listed == hk and same_region == tw
    # A Simplified note in a Traditional one: folded with the page, as before, and read as its own page.
    assert simplified == s


def test_what_the_copies_read_in_each_variant(built):
    """The defect's sentence, as each page shows it: the copy reads as the note's page, not as the Taiwan text."""
    shown = {code: copy_text(copies(built.page(f"{code}/notes/a/index.html"))[0])[0] for code in VARIANTS}
    assert shown == {
        "zh-Hans": "请把软件的设置保存到文件夹里，默认的内存不够。",
        "zh-Hant-TW": "請把軟體的設定儲存到資料夾裡，預設的記憶體不夠。",  # as typed
        # Hong Kong writes 設定, 儲存 too: the author's (session 52, region-only); 軟體 is Taiwan's only: 軟件.
        "zh-Hant-HK": "請把軟件的設定儲存到資料夾裏，預設的記憶體不夠。",
    }
    hk = {code: copy_text(copies(built.page(f"{code}/notes/t/index.html"))[0])[0] for code in VARIANTS}
    # As typed on its own variant, in a Taiwan note too.
    assert hk["zh-Hant-HK"] == "請把軟件的設定儲存到文件夾裏，預設的記憶體不夠。"
    assert hk["zh-Hans"] == "请把软件的设置保存到文件夹里，默认的内存不够。"


def test_no_mark_leaks_and_the_copy_has_no_lang_of_another_script(built):
    for code in VARIANTS:
        for slug in ("a", "t", "tw", "hk", "hant", "s"):
            page = built.page(f"{code}/notes/{slug}/index.html")
            assert not re.search("[\ufdd0-\ufdef]", page), (code, slug)
            assert "-{" not in page and "}-" not in page, (code, slug)
        page = built.page(f"{code}/notes/a/index.html")
        # Folded, a copy's text is in the page's script: no lang="zh-Hant" on a Simplified page's copy (its
        # collapsible box was marked, quoted_script), and the frame names no language of its own.
        for copy in copies(page):
            assert " lang=" not in copy, (code, copy)
        # Each frame names its note's script, and its page's domain where the notes' pages convert in both.
        frames = [m[1] for m in re.finditer(r'<blockquote class="zd-transclusion"([^>]*)>', page)]
        written = [
            re.sub(" (software|general)$", "", m[1]) for f in frames if (m := re.search(r'"([^"]*)"', f))
        ]
        assert written.count("zh-Hant-TW") == 4 and "zh-Hant" in written
    simplified = copies(built.page("zh-Hans/notes/t/index.html"))[1]
    # A Simplified note's: no script to name, its domain only where the notes' pages convert in both.
    assert re.match(
        r'<blockquote class="zd-transclusion"(?: data-zd-written="zh-Hans (?:software|general)")?>',
        simplified,
    )


@pytest.mark.slow
def test_a_dirty_build_after_the_embedded_notes_lang_changes_is_a_clean_build(tmp_path):
    """The copy's fold is its note's region (in the embedding note's Markdown, so in its render's key).

    Its title, 筆記, reads the same in both regions: the link to it is the same Markdown after the edit.
    """
    warm_root, cold_root = tmp_path / "warm", tmp_path / "cold"
    tw = TW.replace("title: 資料夾說明", "title: 筆記").replace("，見 [[s]]、[[hk]]", "")
    notes = {"tw.md": tw, "a.md": "---\ntitle: 简体笔记\n---\n\n正文。\n\n![[tw]]\n"}
    first = build_site(warm_root, notes=notes, strict=False)
    assert first.ok
    before = copy_text(copies(first.page("zh-Hant-HK/notes/a/index.html"))[0])[0]
    assert before == "請把軟件的設定儲存到資料夾裏，預設的記憶體不夠。"  # a Taiwan note's, in Hong Kong
    seeds = warm_root / "seeds"
    (seeds / "tw.md").write_text(tw.replace("lang: zh-TW", "lang: zh-HK"), encoding="utf-8")
    build_dirty(warm_root, same_code=True)  # a new process: from what the cache kept
    shutil.copytree(seeds, cold_root / "seeds")
    assert build_site(cold_root, strict=False, zhudu={"cache_dir": ""}).ok
    assert same_tree(warm_root / "site", cold_root / "site") == ""
    page = (warm_root / "site/zh-Hant-HK/notes/a/index.html").read_text(encoding="utf-8")
    # Its own Hong Kong page's now: exactly as typed.
    assert copy_text(copies(page)[0])[0] == "請把軟體的設定儲存到資料夾裡，預設的記憶體不夠。"


def test_after_the_domain_flips_a_warm_build_folds_the_copy_as_a_cold_build(tmp_path):
    """The copy's fold reads the site's domain (software text: 支援 beside System V is 支持): in the render's key."""
    warm_root, cold_root = tmp_path / "warm", tmp_path / "cold"
    host = "---\ntitle: 简体笔记\n---\n\n今天天气很好，我们去公园散步。\n\n![[d]]\n"
    notes = {"a.md": host, "b.md": note(GENERAL_BODY, "另一篇", 3), "d.md": TRADITIONAL_NOTE}
    assert "conversion domain: general" in build_site(warm_root, notes=notes).log
    (warm_root / "seeds" / "c.md").write_text(note(SOFTWARE_BODY, "第三篇", 4), encoding="utf-8")  # 1 of 4
    warm = build_site(warm_root)
    shutil.copytree(warm_root / "seeds", cold_root / "seeds")
    cold = build_site(cold_root, zhudu={"cache_dir": ""})
    assert "conversion domain: software" in warm.log and cold.ok, warm.log
    assert same_tree(warm_root / "site", cold_root / "site") == ""
    assert "它支持 System V" in copy_text(copies(warm.page("zh-Hans/notes/a/index.html"))[0])[0]


# --------------------------------------------------------------------------- the finisher's cut, alone


def _fold(name: str) -> Callable[[str], str]:
    return lambda html: f"[{name}:{html}]"


def _fold_of(tag: str) -> Callable[[str], str]:
    return _fold(copy_folds.region_of(tag)[1] or "hant")


_TW = '<blockquote class="zd-transclusion" data-zd-written="zh-Hant-TW">'


@pytest.mark.parametrize(
    ("html", "page_tag", "page_fold", "expected"),
    [
        ("<p>a</p>", "", None, "<p>a</p>"),  # nothing marked, nothing folded
        ("<p>a</p>", "zh-Hant-TW", _fold("page"), "[page:<p>a</p>]"),  # a Traditional page, as before
        (  # a copy and its own quotes, folded alone; the page around it not at all
            f"<p>a</p>{_TW}<blockquote>q</blockquote><p>b</p></blockquote><p>c</p>",
            "",
            None,
            f"<p>a</p>[TW:{_TW}<blockquote>q</blockquote><p>b</p></blockquote>]<p>c</p>",
        ),
        (  # a Traditional page around it: folded by its own fold, the copy by its note's
            f"<p>a</p>{_TW}b</blockquote>",
            "zh-Hant-HK",
            _fold("page"),
            f"[page:<p>a</p>[TW:{_TW}b</blockquote>]]",
        ),
        (f"<p>a</p>{_TW}b</blockquote>", "zh-Hant-TW", _fold("page"), f"[page:<p>a</p>{_TW}b</blockquote>]"),
        (  # no region; a comment's tag is no tag; a value no written_tag makes is ignored
            '<blockquote class="zd-transclusion" data-zd-written="zh-Hant"><!-- </blockquote> -->b</blockquote>'
            '<blockquote data-zd-written="zh-Hant-tw">c</blockquote>',
            "",
            None,
            '[hant:<blockquote class="zd-transclusion" data-zd-written="zh-Hant"><!-- </blockquote> -->b'
            '</blockquote>]<blockquote data-zd-written="zh-Hant-tw">c</blockquote>',
        ),
        (f"{_TW}<blockquote>never closed", "", None, f"{_TW}<blockquote>never closed"),  # left as the page
    ],
)
def test_each_copy_is_folded_by_its_notes_fold_and_the_page_around_it_by_its_own(
    html, page_tag, page_fold, expected
):
    # Each mark sealed as the build writes it (``copy_folds.sealed``): the finished page is without the seal.
    sealed = html.replace('data-zd-written="', f'data-zd-written="{copy_folds.SEAL}')
    assert copy_folds.folded(sealed, page_tag, page_fold, _fold_of) == expected


def test_a_copy_folded_before_is_not_folded_again():
    """A note embedded in many notes: its copy's HTML, the same on each page, is folded once (``_FOLDED``)."""
    calls: list[str] = []

    def fold(html: str) -> str:
        calls.append(html)
        return html.replace(">b<", ">B<")

    marked = _TW.replace('written="', f'written="{copy_folds.SEAL}')
    page = f"<p>a</p>{marked}b</blockquote>"
    first, again = (copy_folds.folded(page, "", None, lambda region: fold) for _ in range(2))
    assert first == again == f"<p>a</p>{_TW}B</blockquote>"
    assert calls == [f"{marked}b</blockquote>"]
