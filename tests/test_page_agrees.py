"""A Traditional note reads the same wherever its words are shown, in every variant (issue 25, session 52).

One checker (:func:`disagreements`) reads a real site as a reader meets it: for every note written in Traditional and
every variant, its title, its description, its passages quoted on theme pages and the excerpts of its passages in
other notes' theme strips, each against its own page's body on that variant, where both show the same words of the
note's source.  Found on main by session 51's reviewer: a Taiwan note's own Hong Kong page read 寫程序 in its body
where its title and its theme quote read 寫程式 (the body's rewritten word was converted alone there, beside 寫, the
title's and the quote's with it); a strip converted a passage's inline code with its words (``<你的 GitHub
使用者名稱>`` → 用户名 on the Simplified page; 使用 `hexo` 指令 read as 使用 hexo 命令, which the page, reading the code
apart, never does), where the note's page keeps code as written.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

import pytest

VARIANTS = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")
TW_CODE = "<你的 GitHub 使用者名稱>"
HANS_CODE = "<你的 GitHub 用户名>"
NOTES = {
    "tw.md": (
        "---\ntitle: 學寫程式\nlang: zh-TW\ndate: 2026-11-01\ndescription: 我每天都在寫程式。\n---\n\n"
        "學寫程式\n\n我每天都在寫程式，寫程式很有趣。\n\n"
        f"請輸入 `{TW_CODE}` 再寫程式，寫程式，寫程式。\n"  # the strongest: the passage strips quote
    ),
    "tw2.md": (
        "---\ntitle: 指令\nlang: zh-TW\ndate: 2026-11-01\ndescription: 只要在指令後面加上參數即可寫程式。\n---\n\n"
        "使用 `hexo` 指令時，只要在指令後面加上 `--config` 參數即可寫程式。\n"
    ),
    "hk.md": (
        "---\ntitle: 寫程式的說明文件\nlang: zh-HK\ndate: 2026-11-02\n---\n\n"
        "寫程式的說明文件\n\n這家公司寫程式的說明文件很清楚。\n"
    ),
    "hk2.md": (
        "---\ntitle: 請直接回傳資料\nlang: zh-HK\ndate: 2026-11-02\ndescription: 執行下列指令即可。\n---\n\n"
        "請直接回傳資料。\n\n執行下列指令即可，這個指令很好用。\n"
    ),
    # Markup inside a sentence (the title's words are the first passage's) and rewritten words side by side.
    "hk3.md": (
        "---\ntitle: 請直接回傳資料\nlang: zh-HK\ndate: 2026-11-02\ndescription: 執行下列指令即可。\n---\n\n"
        "請直接**回傳**資料。\n\n執行下列**指令**即可。\n\n函式的回傳型別。\n"
    ),
    "a.md": f"---\ntitle: 简体笔记\ndate: 2026-11-03\n---\n\n请输入 `{HANS_CODE}` 再写程序。\n",
}
EDITORIAL = {
    "themes.yml": "themes:\n  code:\n    name: 编程\n    description: 写程序。\n    phrases: [写程序, 程式]\n"
}
_TAG_RE = re.compile(r"<[^>]*>")
_HAN_RUN_RE = re.compile(r"[\u4e00-\u9fff]{2,}")
_STRIP_RE = re.compile(r'<a href="\.\./(?P<slug>[^/"]+)/#p-[^"]*">(?P<excerpt>.*?)</a>', re.S)
_COLUMN_RE = re.compile(
    r'<section class="zd-parallel__column" id="zd-note-(?P<slug>[^"]+)".*?</section>', re.S
)


def _shown(fragment: str) -> str:
    """What a reader reads of an HTML fragment, its white space left out (a quote collapses it)."""
    return re.sub(r"\s+", "", html.unescape(_TAG_RE.sub("", fragment)))


def _body(page: str) -> str:
    start = page.index('<div class="zd-note__body">')
    end = page.find('<template class="zd-tm-blocks">', start)
    return page[start : end if end >= 0 else page.index("</article>", start)]


def _without_markup(markdown: str) -> str:
    """A note's Markdown as a reader reads it: emphasis marks and a link's address left out (寫**程式** is 寫程式)."""
    return re.sub(r"\*+|_{2,}|~~|==", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown))


def _field(source: str, name: str) -> str:
    m = re.search(rf"^{name}: (.*)$", source.split("---\n")[1], re.M)
    return m[1].strip() if m else ""


def disagreements(
    site: Path, notes: dict[str, str], slugs: Collection[str] | None = None
) -> list[tuple[str, str, str, str]]:
    """(variant, place, note, what it shows) for every place where a Traditional note reads otherwise than its page.

    ``slugs``: the notes to read instead (a note of the other domain than its site's: ``test_note_domains.py``).

    Title and description: the field as the body shows it where the body holds the field's words, else each Han
    run of it that the body holds (where the conversion kept the field's length: one character for one).  A theme page's quote is the body's
    text; a strip's excerpt too, up to its ellipsis; the code in either is the page's code.
    """
    traditional = {
        Path(name).stem: src
        for name, src in notes.items()
        if (re.search(r"^lang: zh-(TW|HK)", src, re.M) if slugs is None else Path(name).stem in slugs)
    }
    found = []
    for code in VARIANTS:
        pages = {
            slug: (site / code / "notes" / slug / "index.html").read_text("utf-8") for slug in traditional
        }
        bodies = {slug: _shown(_body(page)) for slug, page in pages.items()}
        codes = {
            slug: {_shown(c) for c in re.findall(r"<code>(.*?)</code>", _body(p), re.S)}
            for slug, p in pages.items()
        }
        for slug, page in pages.items():
            source_body = _without_markup(re.sub(r"\s+", "", traditional[slug].split("---\n", 2)[2]))
            title = _shown(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1])
            meta = re.search(r'<meta name="description" content="([^"]*)"', page)
            for place, typed, shown in [
                ("title", _field(traditional[slug], "title"), title),
                ("description", _field(traditional[slug], "description"), _shown(meta[1]) if meta else ""),
            ]:
                if typed in source_body:  # the whole field is words of the body
                    if shown not in bodies[slug]:
                        found.append((code, place, slug, shown))
                    continue
                if len(shown) != len(typed):  # its words' places unknown: only a whole field is compared
                    continue
                for m in _HAN_RUN_RE.finditer(typed):
                    if m[0] in source_body and shown[m.start() : m.end()] not in bodies[slug]:
                        found.append((code, place, slug, shown))
        for theme_page in sorted((site / code / "themes").glob("*/index.html")):
            for column in _COLUMN_RE.finditer(theme_page.read_text("utf-8")):
                if (slug := column["slug"]) not in traditional:
                    continue
                for quote in re.findall(r"<blockquote>(.*?)</blockquote>", column[0], re.S):
                    if _shown(quote) not in bodies[slug]:
                        found.append((code, "theme quote", slug, _shown(quote)))
                    for piece in re.findall(r"<code>(.*?)</code>", quote, re.S):
                        if _shown(piece) not in codes[slug]:
                            found.append((code, "theme quote's code", slug, _shown(piece)))
        for note_page in sorted((site / code / "notes").glob("*/index.html")):
            for strip in _STRIP_RE.finditer(note_page.read_text("utf-8")):
                if (slug := strip["slug"]) in traditional:
                    for words in _shown(strip["excerpt"]).split("…"):
                        if words not in bodies[slug]:
                            found.append((code, "strip", slug, words))
    return found


@pytest.fixture(scope="module", params=["general", "software"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from conftest import build_site

    result = build_site(
        tmp_path_factory.mktemp(f"agrees-{request.param}"),
        notes=NOTES,
        editorial=EDITORIAL,
        zhudu={"conversion_domain": request.param},
    )
    assert result.ok and not result.warnings, result.log
    return result


def test_every_place_reads_a_traditional_note_as_its_page(built: Any) -> None:
    assert disagreements(built.site_dir, NOTES) == []
    # Not vacuous: the Taiwan note's title, description, a quote and a strip of each Traditional note are read.
    hk_page = built.page("zh-Hant-HK/notes/tw/index.html")  # the page session 51's reviewer read
    assert _shown(re.search(r"<h1[^>]*>(.*?)</h1>", hk_page, re.S)[1]) == "學寫程式"
    assert _shown(_body(hk_page)).startswith("學寫程式我每天都在寫程式，寫程式很有趣")
    strips = {
        (code, m["slug"])
        for code in VARIANTS
        for m in _STRIP_RE.finditer(built.page(f"{code}/notes/a/index.html"))
    }
    assert {(code, slug) for code in VARIANTS for slug in ("tw", "tw2", "hk")} <= strips


def test_a_rewritten_word_reads_as_its_sentence_on_the_other_regions_page(built: Any) -> None:
    """The rule's word read in its sentence, not alone, in the body as in the title, description and quotes: Hong
    Kong writes a Taiwan note's 寫程式 so (程序 alone: 寫程序), Taiwan a Hong Kong note's 回傳資料 and 下列指令 (返回,
    命令 alone; session 52's first take wrote them so everywhere)."""
    hk_page = built.page("zh-Hant-HK/notes/tw/index.html")
    assert "寫程序" not in _shown(hk_page) and "學寫程式" in _shown(_body(hk_page))
    tw_page = built.page("zh-Hant-TW/notes/hk2/index.html")
    assert _shown(re.search(r"<h1[^>]*>(.*?)</h1>", tw_page, re.S)[1]) == "請直接回傳資料"
    assert '<meta name="description" content="執行下列指令即可。"' in tw_page
    assert _shown(_body(tw_page)) == "請直接回傳資料。執行下列指令即可，這個指令很好用。"


def test_a_rewritten_words_sentence_reads_on_across_markup(built: Any) -> None:
    """Emphasis inside a sentence does not end a rewritten word's sentence: the body reads 請直接**回傳**資料 as the
    title reads 請直接回傳資料 (was 返回 alone), 下列**指令** as the description (was 命令)."""
    tw_page = built.page("zh-Hant-TW/notes/hk3/index.html")
    assert _shown(_body(tw_page)).startswith("請直接回傳資料。執行下列指令即可。")
    assert "<strong>回傳</strong>" in tw_page or "回傳</span></strong>" in tw_page


def test_rewritten_words_side_by_side_read_as_one_stretch(built: Any) -> None:
    """Two rewritten words side by side (a Hong Kong note's 回傳型別, folded 返回类型) are read as one stretch on the
    Taiwan page: each read with the other as its rule's word saw a phrase crossing its edge and was read alone
    (返回類型).  A stretch where a phrase across the edge takes a word's reading (变量表达式's 量表) stays apart."""
    tw_page = built.page("zh-Hant-TW/notes/hk3/index.html")
    assert _shown(_body(tw_page)).endswith("的回傳型別。")


@pytest.mark.parametrize(("page", "quoted", "typed"), [("tw", "a", HANS_CODE), ("a", "tw", TW_CODE)])
def test_a_strip_keeps_inline_code_as_written(built: Any, page: str, quoted: str, typed: str) -> None:
    """The code of a passage a strip quotes reads as on the note's page: as typed, in every variant."""
    strips = {
        code: {
            m["slug"]: m["excerpt"] for m in _STRIP_RE.finditer(built.page(f"{code}/notes/{page}/index.html"))
        }
        for code in VARIANTS
    }
    shown = {code: html.unescape(_TAG_RE.sub("", found[quoted])) for code, found in strips.items()}
    assert all(f" {typed} 再" in text for text in shown.values()), shown
    kept = f'<span class="zd-noconv">{html.escape(typed, quote=False)}</span>'
    assert all(kept in found[quoted] for found in strips.values()), strips


def test_a_description_made_from_a_passage_with_code_reads_as_the_page(tmp_path: Path) -> None:
    """A note with no description is summarised from its text, where its inline code is words: 使用 hexo 指令 reads
    使用 hexo 命令 in the description of the Simplified page, whose body, reading the code apart, keeps 指令."""
    from conftest import build_site

    notes = {"tw2.md": NOTES["tw2.md"].replace("description: 只要在指令後面加上參數即可寫程式。\n", "")}
    result = build_site(tmp_path, notes=notes, zhudu={"conversion_domain": "software"})
    assert result.ok, result.log
    assert disagreements(result.site_dir, notes) == []


def test_a_summary_shows_its_inline_code_as_typed_on_every_page_card_and_feed(tmp_path: Path) -> None:
    """A Simplified note with no description: its summary's code (``<你的 GitHub 用户名>``) reads as typed in the
    Traditional variants' ``<meta name="description">``, home card and feed, as the page's ``<code>`` does; the words
    around it are converted (請輸入, 寫程式).  Session 52's site wrote ``<你的 GitHub 使用者名稱>`` there."""
    from conftest import build_site

    entities = "---\ntitle: 写法\ndate: 2026-11-04\n---\n\n在 HTML 里要写 `&lt;div&gt;` 或 `&amp;` 才能显示尖括号。\n"
    result = build_site(tmp_path, notes={"a.md": NOTES["a.md"], "b.md": entities})
    assert result.ok, result.log
    # Code holding character references reads as typed in each feed too (review VD: un-escaped once too often).
    for code, words in [
        ("zh-Hans", "在 HTML 里要写"),
        ("zh-Hant-TW", "在 HTML 裡要寫"),
        ("zh-Hant-HK", "在 HTML 裏要寫"),
    ]:
        feed = (result.site_dir / f"feed-{code}.xml").read_text("utf-8")
        assert f"<summary>{words} &amp;lt;div&amp;gt; 或 &amp;amp; 才能" in feed, code
    typed = html.escape(HANS_CODE)
    for code, words in [("zh-Hans", "请输入"), ("zh-Hant-TW", "請輸入"), ("zh-Hant-HK", "請輸入")]:
        page = (result.site_dir / code / "notes" / "a" / "index.html").read_text("utf-8")
        home = (result.site_dir / code / "index.html").read_text("utf-8")
        feed = (result.site_dir / f"feed-{code}.xml").read_text("utf-8")
        assert f'<meta name="description" content="{words} {typed} 再' in page, code
        assert f'<p class="zd-card__summary">{words} {typed} 再' in home, code
        assert f"<summary>{words} {typed} 再" in feed, code
        assert f"{words} {typed} 再" in _TAG_RE.sub("", _body(page)), code


def test_a_summary_in_pieces_keeps_its_text_and_closes_code_it_cuts() -> None:
    """``summary_and_code``: the summary's text is ``summary_of``'s, in pieces with the code at odd places; code the
    length cuts is closed where it is cut; a description with no code has no pieces."""
    from zhudu.notes.summary import summary_and_code, summary_of

    markdown = "使用 `hexo` 指令時，只要在指令後面加上 `--config` 參數即可寫程式。\n"
    text, pieces = summary_and_code(markdown, 120)
    assert text == summary_of(markdown, 120)
    assert pieces == ("使用 ", "hexo", " 指令時，只要在指令後面加上 ", "--config", " 參數即可寫程式。")
    cut_markdown = "这是一个很长很长的句子，后面跟着代码 `npm install --global hexo-cli` 还有别的"
    text, pieces = summary_and_code(cut_markdown, 24)
    assert text == summary_of(cut_markdown, 24) == "这是一个很长很长的句子，后面跟着代码 npm i…"
    assert pieces == ("这是一个很长很长的句子，后面跟着代码 ", "npm i", "…")
    assert summary_and_code("没有代码的一句话，说了八个字以上。", 120)[1] == ()
    # Code padded with spaces, or only spaces, reads as ``summary_of`` reads it (review VD): the text is the same.
    padded = "使用 `` `hexo` `` 指令時，只要在指令後面加上 ` --config` 參數即可寫程式。"
    text, pieces = summary_and_code(padded, 120)
    assert text == summary_of(padded, 120) and pieces[1::2] == ("`hexo`", "--config"), pieces
    spaces = "字段之间用` `隔开，这是配置文件里最常见的写法之一。"
    assert summary_and_code(spaces, 120) == (summary_of(spaces, 120), ())


#: Words before the code: the excerpt's length falls in the code in both variants; in it on the Taiwan page only.
@pytest.mark.parametrize(
    "words", ["一二三四五六七八九十甲請把自訂配置檔", "一二三四五六七八九請把自訂配置檔"]
)
def test_a_strip_cuts_its_excerpt_in_the_same_piece_in_every_variant(words: str) -> None:
    """Where one variant's words are shorter (自訂配置檔 → 配置), its excerpt's length falls after the code, another's
    in it: each variant's excerpt is its passage's text up to one cut, the code cut at one place in all (the Hexo
    docs' strips read ``_config.ym…`` on the Simplified page, ``_config.yml。…`` on the Taiwan one)."""
    from zhudu.annotate.passages import InlineCode, Passage
    from zhudu.script.inline_rules import parse_inline_values
    from zhudu.themes.markers import AS_TYPED, EXCERPT_CHARS, quoted_excerpt
    from zhudu.themes.render import NoteInfo

    after = "。後面的字還有很多很多"
    shown_in = {"zh-Hans": lambda s: s.replace("自訂配置檔", "配置"), "zh-Hant-TW": lambda s: s}
    info = NoteInfo(id="n", slug="n", title="n", date="", url="notes/n/", shown_in=shown_in)
    passage = Passage("p-1", "p", words + after, code=(InlineCode(len(words), "_config.yml", " ", ""),))
    pieces = quoted_excerpt(info, passage)
    [cut] = [text for text, rule in pieces if rule == AS_TYPED]
    assert cut and "_config.yml".startswith(cut), pieces
    for code, convert in shown_in.items():
        whole = convert(words) + " _config.yml" + convert(after)
        read = "".join(
            text if rule in (None, AS_TYPED) else (parse_inline_values(rule) or {}).get(code, text)
            for text, rule in pieces
        )
        assert read.endswith(f" {cut}…") and whole.startswith(read[:-1]), (code, read)
        assert len(read) <= EXCERPT_CHARS + 1, (code, read)


def test_a_strip_cuts_the_code_a_passage_opens_with_at_its_length() -> None:
    """Code reads the same in every variant: cut once for all, a strip keeps its length (a passage opening with a
    110-character ``npm install … --registry=…`` gave a 112-character strip, session 52's first take)."""
    from zhudu.annotate.passages import InlineCode, Passage
    from zhudu.script.inline_rules import parse_inline_values
    from zhudu.themes.markers import AS_TYPED, EXCERPT_CHARS, quoted_excerpt
    from zhudu.themes.render import NoteInfo

    long_code = "npm install hexo-cli -g --registry=https://registry.npmjs.example.com/" + "a" * 40
    words = "是安裝指令。"
    shown_in = {"zh-Hans": lambda s: s.replace("指令", "命令"), "zh-Hant-TW": lambda s: s}
    info = NoteInfo(id="n", slug="n", title="n", date="", url="notes/n/", shown_in=shown_in)
    pieces = quoted_excerpt(info, Passage("p-1", "p", words, code=(InlineCode(0, long_code, "", " "),)))
    assert [text for text, rule in pieces if rule == AS_TYPED] == [long_code[:EXCERPT_CHARS]], pieces
    for code in shown_in:
        read = "".join(
            text if rule in (None, AS_TYPED) else (parse_inline_values(rule) or {}).get(code, text)
            for text, rule in pieces
        )
        assert read == long_code[:EXCERPT_CHARS] + "…", (code, read)


def test_a_strip_writes_what_every_variant_reads_alike_as_plain_text(built: Any) -> None:
    """A rule whose values are all the same ASCII or ellipsis is bytes only: the ellipsis of every cut excerpt of a
    Traditional note (795 such rules in one build of the Hexo docs, 144 KB).  Han text keeps its rule, equal or not:
    a page's converter could write it otherwise (a Hong Kong note's 文件 is 檔案 on a Taiwan page)."""
    from zhudu.themes.markers import quoted_excerpt
    from zhudu.themes.render import NoteInfo

    shown_in = {"zh-Hans": lambda s: s.replace("指令", "命令"), "zh-Hant-TW": lambda s: s}
    info = NoteInfo(id="n", slug="n", title="n", date="", url="notes/n/", shown_in=shown_in)
    from zhudu.annotate.passages import Passage

    pieces = quoted_excerpt(info, Passage("p-1", "p", "使用指令" * 10))
    assert pieces[-1] == ("…", None) and sum(rule is not None for _, rule in pieces) == 1, pieces
    for code in VARIANTS:
        for strip in _STRIP_RE.finditer(built.page(f"{code}/notes/a/index.html")):
            for values, shown in re.findall(r'data-zd-conv="([^"]*)">([^<]*)<', strip["excerpt"]):
                parsed = {v.split(":", 1)[1] for v in html.unescape(values).split(";")} | {
                    html.unescape(shown)
                }
                assert len(parsed) > 1 or not "".join(parsed).replace("…", "").isascii(), (code, strip[0])


def test_a_phrase_across_the_edge_of_side_by_side_words_keeps_them_apart() -> None:
    """A stretch of rewritten words is cut into their values only where no word lost its reading to a phrase across
    its edge: 变量表达式 reads 變量表達式 whole (OpenCC's 量表), so each word is read as before, 變數表示式."""
    from zhudu.script import as_written
    from zhudu.script.convert import DEFAULT_VARIANTS, ConversionRules, Converter

    taiwan = next(v for v in DEFAULT_VARIANTS if v.code == "zh-Hant-TW")
    convert = Converter(taiwan, ConversionRules(), domain="software").text

    def read(*words: str) -> str:
        text = "我们" + "".join(as_written.group(w, w, ["zh-Hant-HK"]) for w in words) + "的"
        return "".join(as_written.value_in(m, taiwan, convert) for m in as_written.GROUP_RE.finditer(text))

    assert read("变量", "表达式") == "變數表示式"
    assert read("菜单", "链接") == "選單連結"
    assert read("返回", "类型") == "回傳型別"
