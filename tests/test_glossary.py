"""The glossary: loading, CJK-aware matching, marking in real builds, and the glossary page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest

from conftest import PASSAGE_ID_RE
from zhudu.annotate import glossary, textmarks
from zhudu.notes import code_spans
from zhudu.script import convert as script

T2S = script.opencc_converter("t2s").convert
FOLD = textmarks.CharFold(T2S)


def _terms(*specs: tuple[str, tuple[str, ...]]) -> list[glossary.Term]:
    return [
        glossary.Term(
            id=f"t{i}", term=t, aliases=a, explanation="说明", source=None, source_title=None, line=i
        )
        for i, (t, a) in enumerate(specs)
    ]


MATCHER = glossary.TermMatcher(
    _terms(
        ("AI", ()),
        ("OpenAI", ()),
        ("DeepSeek", ("深度求索",)),
        ("R1", ("DeepSeek R1",)),
        ("后福特主义", ()),
        ("英伟达", ("NVIDIA", "輝達")),
        ("雄安", ("雄安新区",)),
        ("RTX4060", ()),
    ),
    FOLD,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AI模型越来越便宜", ["AI"]),  # Latin term followed by Han: matches
        ("消费级AI。", ["AI"]),  # Han before, punctuation after
        ("OpenAI发布了新模型", ["OpenAI"]),  # never AI inside OpenAI
        ("OpenAIX和AIs", []),  # Latin side needs a boundary
        ("这种工业体系所对应的是后福特主义：", ["后福特主义"]),  # inside running Chinese text
        ("這種體系對應後福特主義", ["後福特主義"]),  # Traditional text, Simplified term
        (
            "台灣叫輝達，大陆叫英伟达，英文nvidia",
            ["輝達", "英伟达", "nvidia"],
        ),  # aliases, any script, any case
        ("DeepSeek R1 是推理模型", ["DeepSeek R1"]),  # longest match first
        ("DeepSeek的R1", ["DeepSeek", "R1"]),
        ("深度求索", ["深度求索"]),
        ("雄安新区和雄安", ["雄安新区", "雄安"]),
        ("如 RTX4060、RTX40600", ["RTX4060"]),
        ("", []),
    ],
)
def test_matcher_table(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e, _ in MATCHER.find(text)] == expected


def test_matched_term_is_the_canonical_entry() -> None:
    found = MATCHER.find("台灣叫輝達，英文NVIDIA")
    assert [t.term for _, _, t in found] == ["英伟达", "英伟达"]
    assert [("台灣叫輝達，英文NVIDIA")[s:e] for s, e, _ in found] == ["輝達", "NVIDIA"]


def test_fold_is_length_preserving() -> None:
    text = "後福特主義與雄安新區，OpenAI、Ⅻ"
    assert len(FOLD.text(text)) == len(text)


# --------------------------------------------------------------------------- loading


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("- term: A\n  explanation: x\n- term: B\n", 3, "explanation"),
        ("- term: A\n  explanation: x\n  colour: red\n", 3, "unknown field"),
        ("- term: 後福特主義\n  explanation: x\n- term: 后福特主义\n  explanation: y\n", 3, "already a term"),
        ("- term: A\n  explanation: x\n  source: not a url\n", 3, "URL"),
        ("term: A\n", 1, "list"),
    ],
)
def test_bad_glossary_names_the_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    from zhudu.errors import EditorialError

    with pytest.raises(EditorialError) as info:
        glossary.load_glossary(_write(tmp_path, text), "docs/editorial/glossary.yml", T2S)
    assert info.value.line == line
    assert message in str(info.value)
    assert str(info.value).startswith(f"docs/editorial/glossary.yml:{line}:")


def test_repo_glossary_loads() -> None:
    repo = Path(__file__).resolve().parents[1]
    g = glossary.load_glossary(repo / "docs/editorial/glossary.yml", "glossary.yml", T2S)
    assert 40 <= len(g.terms) <= 70
    assert all(
        1 <= len(re.findall(r"[。；]", t.explanation)) + (not t.explanation.endswith("。")) <= 4
        for t in g.terms
    )


# --------------------------------------------------------------------------- real builds

GLOSSARY = """\
- term: 后福特主义
  explanation: 一种生产方式。
  source: https://en.wikipedia.org/wiki/Post-Fordism
- term: AI
  explanation: 人工智能。
- term: 雄安
  aliases: [雄安新區]
  explanation: 河北的国家级新区。
"""
NOTE = """\
---
title: 测试笔记
---

## 后福特主义的AI

链接 [后福特主义](https://example.org/) 和代码 `后福特主义 AI` 不标。

这里说的是后福特主义，AI模型和OpenAI；雄安新區也算。

第二段又提到后福特主义和AI。
"""


def _marks(html: str) -> list[tuple[str, str]]:
    return re.findall(
        r'<span class="zd-gloss" data-preview="" data-zd-gloss="([^"]+)" role="button" tabindex="0" title="[^"]*">([^<]*)</span>',
        html,
    )


def _anchors(html: str) -> list[str]:
    return re.findall(PASSAGE_ID_RE, html)


def test_marks_first_occurrence_in_running_text_and_skips_links_code_headings(site_builder) -> None:
    result = site_builder(notes={"a.md": NOTE}, editorial={"glossary.yml": GLOSSARY})
    assert result.ok, result.log
    html = result.page("zh-Hans/notes/a/index.html")
    body = html[html.index("zd-note__body") :]
    assert [text for _, text in _marks(body)] == ["后福特主义", "AI", "雄安新區"]
    heading = re.search(r"<h2[^>]*>(.*?)</h2>", body).group(1)
    assert "zd-gloss" not in heading
    link = re.search(r'<a href="https://example.org/"[^>]*>(.*?)</a>', body).group(1)
    assert "zd-gloss" not in link
    assert "<code>后福特主义 AI</code>" in body
    assert "OpenAI；" in body  # not split: AI inside OpenAI is no match
    # The mark sits in the paragraph where the term first occurs in running text.
    para = re.search(r"<p[^>]*>这里说的是(.*?)</p>", body).group(1)
    assert 'title="一种生产方式。"' in para
    # The card's link to the glossary (annotate.js) is on a note with a term, in each variant.
    for code in ("zh-Hans", "zh-Hant-TW"):
        assert '<a class="zd-gloss-home" href="../../glossary/" hidden>' in result.page(
            f"{code}/notes/a/index.html"
        )


def test_every_occurrence_setting_and_anchors_unchanged(site_builder) -> None:
    plain = site_builder(notes={"a.md": NOTE})
    first = site_builder(notes={"a.md": NOTE}, editorial={"glossary.yml": GLOSSARY})
    every = site_builder(
        notes={"a.md": NOTE}, editorial={"glossary.yml": GLOSSARY}, zhudu={"glossary_marking": "every"}
    )
    pages = [r.page("zh-Hans/notes/a/index.html") for r in (plain, first, every)]
    assert _anchors(pages[0]) and _anchors(pages[0]) == _anchors(pages[1]) == _anchors(pages[2])
    assert len(_marks(pages[1])) == 3
    assert [t for _, t in _marks(pages[2])] == ["后福特主义", "AI", "雄安新區", "后福特主义", "AI"]

    # Marking never changes the text: strip the marks and the passages are identical.
    def text(html: str) -> str:
        body = html[html.index("zd-note__body") : html.index("</article>", html.index("zd-note__body"))]
        # (without the card's hidden link to the glossary, written only where a term is marked)
        return re.sub(r"<[^>]+>", "", re.sub(r'\n?<a class="zd-gloss-home"[^>]*>[^<]*</a>', "", body))

    assert text(pages[0]) == text(pages[1]) == text(pages[2])


def test_bad_setting_is_rejected(site_builder) -> None:
    result = site_builder(notes={"a.md": NOTE}, zhudu={"glossary_marking": "sometimes"})
    assert not result.ok and "glossary_marking" in result.log


def test_explanations_are_converted_per_variant(site_builder) -> None:
    result = site_builder(notes={"a.md": NOTE}, editorial={"glossary.yml": GLOSSARY})
    tw = result.page("zh-Hant-TW/notes/a/index.html")
    assert 'title="一種生產方式。"' in tw and 'title="河北的國家級新區。"' in tw


#: Terms whose order a reader of each variant can predict only by their readings (长城 cháng, 银行 háng:
#: the word's reading, not the character's; 長城 read alone is zhǎng), and an alias (辉达) that the
#: Taiwan copy shows as the term itself (英伟达 is 輝達 there), and one that is all 内存 has (記憶體); a
#: character pypinyin cannot read (𠮷: 𠮷野家 filed by 野 yě), and numbers by value (G7 before G20).
ORDERED = """\
- term: 𠮷野家
  explanation: 日本的牛肉饭连锁店。
- term: G20
  explanation: 二十国集团。
- term: G7
  explanation: 七国集团。
- term: 中国
  explanation: 国家。
- term: 长城
  explanation: 古代的防御工程。
- term: 银河
  explanation: 夜空中的光带。
- term: 银行
  explanation: 金融机构。
- term: 英伟达
  aliases: [NVIDIA, 辉达]
  explanation: 美国的芯片公司。
- term: 内存
  aliases: [记忆体]
  explanation: 计算机的主存储器。
"""


def test_glossary_page_lists_terms_with_relative_links_to_passages(site_builder) -> None:
    result = site_builder(notes={"a.md": NOTE}, editorial={"glossary.yml": GLOSSARY + ORDERED})
    assert result.ok, result.log
    note = result.page("zh-Hans/notes/a/index.html")
    page = result.page("zh-Hans/glossary/index.html")
    section = page[page.index('id="ai"') :]
    links = re.findall(r'href="(\.\./notes/a/#p-[0-9a-f]{8})"', section.split("<h2", 1)[0])
    assert len(links) == 2  # both paragraphs where AI occurs (the heading and code are not occurrences)
    for link in links:
        assert f'id="{link.split("#")[1]}"' in note
    assert 'href="https://en.wikipedia.org/wiki/Post-Fordism"' in page
    assert "术语表" in result.page("zh-Hans/index.html")  # in the nav
    assert "術語表" in result.page("zh-Hant-TW/glossary/index.html")
    # Its own index links every term, in place of a table of contents listing them twice.
    index = re.search(r'<nav class="zd-gloss-index" aria-label="术语索引">(.*?)</nav>', page, re.S)
    assert index, "no index of terms"
    ids = re.findall(r'<h2 id="([^"]+)"', page)
    assert ids and re.findall(r'href="#([^"]+)"', index.group(1)) == ids
    assert not re.search(r'class="md-nav__link" href="#', page)  # no TOC entries
    # Each heading's permalink is drawn by zhudu.js (and named for screen readers by CSS, "#" read as
    # "链接到本节"), with no title for Material to mount a tooltip on (one per term, at every load).
    assert "headerlink" not in page
    assert "window.zdPermalinks = true;" in (result.site_dir / "assets/zhudu/config.js").read_text("utf-8")

    # Each variant lists its terms as its readers look them up: pinyin (Hong Kong too), Taiwan by zhuyin
    # (ㄏ ㄒ ㄓ ㄔ … ㄧ), Latin terms A–Z after them; the index and the entries in that order, the same ids.
    expected = {
        "zh-Hans": "长城 后福特主义 内存 雄安 𠮷野家 银行 银河 英伟达 中国 AI G7 G20",
        "zh-Hant-TW": "後福特主義 輝達 記憶體 雄安 中國 長城 𠮷野家 銀河 銀行 AI G7 G20",
        "zh-Hant-HK": "長城 後福特主義 記憶體 雄安 𠮷野家 銀行 銀河 英偉達 中國 AI G7 G20",
    }
    # The index under a heading per group: a pinyin letter, a zhuyin initial (ㄅㄆㄇㄈ order), A–Z.
    groups = {
        "zh-Hans": ["C", "H", "N", "X", "Y", "Z", "A–Z"],
        "zh-Hant-TW": ["ㄏ", "ㄐ", "ㄒ", "ㄓ", "ㄔ", "ㄧ", "A–Z"],
        "zh-Hant-HK": ["C", "H", "J", "X", "Y", "Z", "A–Z"],
    }
    shown_aliases = {
        "zh-Hans": ["NVIDIA", "辉达"],
        "zh-Hant-TW": ["NVIDIA"],
        "zh-Hant-HK": ["NVIDIA", "輝達"],
    }
    ids = {}
    for code, listed in expected.items():
        terms = listed.split()
        page = result.page(f"{code}/glossary/index.html")
        index = re.search(r'<nav class="zd-gloss-index"[^>]*>(.*?)</nav>', page, re.S).group(1)
        assert re.findall(r'<a href="#[^"]+">([^<]+)</a>', index) == terms, code
        labels = re.findall(r'<span class="zd-gloss-index__label">([^<]+)</span><ul>', index)
        assert labels == groups[code], code
        headings = re.findall(r'<h2 id="([^"]+)"[^>]*>([^<]+)', page)
        assert [t.strip() for _, t in headings] == terms, code
        ids[code] = sorted(i for i, _ in headings)
        # An alias is not shown where this copy writes it as the term (辉达 is Taiwan's 輝達).
        nvidia = page[page.index('id="英伟达"') :].split("<h2", 1)[0]
        aliases = re.search(r'class="zd-gloss-entry__aliases">(.*?)</p>', nvidia).group(1)
        assert re.findall(r"<span>([^<]+)</span>", aliases) == shown_aliases[code], code
        memory = page[page.index('id="内存"') :].split("<h2", 1)[0]
        assert ("zd-gloss-entry__aliases" in memory) == (code == "zh-Hans"), code  # 记忆体 is 記憶體 there
        assert '<p class="zd-gloss-entry__text">' in memory, code
    assert ids["zh-Hans"] == ids["zh-Hant-TW"] == ids["zh-Hant-HK"]  # links to an entry work in every variant


def test_term_in_glossary_but_not_in_notes(site_builder) -> None:
    result = site_builder(
        notes={"a.md": NOTE},
        editorial={"glossary.yml": GLOSSARY + "- term: MapReduce\n  explanation: 计算模型。\n"},
    )
    page = result.page("zh-Hans/glossary/index.html")
    assert "笔记中暂未出现" in page[page.index('id="mapreduce"') :]


def test_a_term_in_many_notes_lists_those_using_it_most_and_searches_for_the_rest(
    site_builder, monkeypatch
) -> None:
    monkeypatch.setattr(glossary.page, "NOTES_PER_TERM", 2)
    notes = {
        "a.md": "---\ntitle: 甲\n---\n\n一段提到AI。\n",
        "b.md": "---\ntitle: 乙\n---\n\n" + "\n\n".join(f"第{i}段说AI。" for i in range(1, 4)),
        "c.md": "---\ntitle: 丙\n---\n\n一段说AI。\n\n又一段说AI。\n",
    }
    result = site_builder(
        notes=notes, editorial={"glossary.yml": GLOSSARY}, zhudu={"glossary_marking": "every"}
    )
    assert result.ok, result.log
    for code, more in (
        ("zh-Hans", "另外 1 篇笔记也用到这个术语"),
        ("zh-Hant-TW", "另外 1 篇筆記也用到這個術語"),
    ):
        page = result.page(f"{code}/glossary/index.html")
        section = page[page.index('id="ai"') :].split("<h2", 1)[0]
        listed = re.findall(r'<span class="zd-gloss-entry__note">([^<]+)</span>', section)
        assert len(listed) == 2 and "甲" not in listed  # b (3 passages) and c (2), not a (1)
        assert more in section and 'href="?q=AI"' in section


def test_a_term_only_in_a_label_the_render_adds_is_not_marked_and_a_warm_build_agrees(tmp_path: Path) -> None:
    """The math label "公式" (on a formula that is not typeset) is the build's, not the note's: a clean
    build does not mark it, so a warm build reusing the note's render (its key holds only the terms
    of the source) is the same."""
    from conftest import build_site

    notes = {
        "m.md": "---\ntitle: 数学笔记\ncreated: 2025-05-16\n---\n质能关系写作 $E=\\mcc^2$，这是一个著名的结果。\n"
    }
    term = GLOSSARY + "- term: 公式\n  explanation: 用数学符号表示几个量之间关系的式子。\n"
    first = build_site(tmp_path / "w", notes=notes, editorial={"glossary.yml": GLOSSARY}, strict=False)
    assert first.ok, first.log
    warm = build_site(tmp_path / "w", notes=notes, editorial={"glossary.yml": term}, strict=False)
    clean = build_site(tmp_path / "c", notes=notes, editorial={"glossary.yml": term}, strict=False)
    assert warm.ok and clean.ok, warm.log + clean.log
    page = "zh-Hans/notes/m/index.html"
    assert "zd-math__label" in clean.page(page) and "unknown command \\mcc" in clean.log
    assert 'data-zd-gloss="公式"' not in clean.page(page)
    assert warm.page(page) == clean.page(page)


def test_a_space_before_a_closing_mark_is_kept_on_one_line_with_it_outside_code() -> None:
    root = etree.fromstring(
        "<div><p><code>source/</code> ，而 <strong>x</strong> 。 再说 ）</p><pre><code>a ，b</code></pre>"
        "<p>无空格，照旧；“例子 ”</p></div>"
    )
    textmarks.glue_spaced_closing(root)
    assert etree.tostring(root, encoding="unicode") == (
        "<div><p><code>source/</code><zd-g> ，</zd-g>而 <strong>x</strong>"
        "<zd-g> 。</zd-g> 再说<zd-g> ）</zd-g></p><pre><code>a ，b</code></pre>"
        "<p>无空格，照旧；“例子<zd-g> ”</zd-g></p></div>"
    )
    # Not one of code's colour elements, which zhudu.css styles otherwise (<z-n> is a name).
    assert textmarks.GLUED_SPACE_TAG not in code_spans.COLOUR_ELEMENTS.values()


def test_a_term_is_read_as_the_word_and_u_umlaut_follows_u() -> None:
    """重庆 is chóng (the phrase's reading, not 重's zhòng), listed before 中国; 吕 lǚ after 路 lù; then by the
    next syllables (绿色 lǜ sè before 律师 lǜ shī); a Traditional form read as its Simplified one (重慶)."""
    terms = ["中国", "律师", "吕", "旅行", "路", "重庆", "绿色", "卢"]
    expected = ["重庆", "卢", "路", "吕", "绿色", "律师", "旅行", "中国"]
    assert sorted(terms, key=glossary.order_for("zh-Hans")) == expected
    assert sorted(["中國", "重慶"], key=glossary.order_for("zh-Hant-HK")) == ["重慶", "中國"]
    # Taiwan's zhuyin order: ㄓ (中) before ㄔ (重).
    assert sorted(["重慶", "中國"], key=glossary.order_for("zh-Hant-TW")) == ["中國", "重慶"]


def test_a_character_without_a_reading_is_filed_by_its_counterpart_or_the_next_syllable() -> None:
    """pypinyin reads neither 𠮷 nor 𫠒 (plain OpenCC's Simplified 鱆): 鱆魚 is read as 鱆 zhāng, 𠮷野家 by 野 yě;
    a term with no readable character at the end of A–Z; no heading is ever a character."""
    terms = ["中国", "𠮷野家", "鱆魚", "雅虎", "AI", "𠮷"]
    expected = {
        "zh-Hans": (["雅虎", "𠮷野家", "鱆魚", "中国", "AI", "𠮷"], ["Y", "Y", "Z", "Z", "A–Z", "A–Z"]),
        "zh-Hant-TW": (
            ["鱆魚", "中国", "雅虎", "𠮷野家", "AI", "𠮷"],
            ["ㄓ", "ㄓ", "ㄧ", "ㄧ", "A–Z", "A–Z"],
        ),
    }
    expected["zh-Hant-HK"] = expected["zh-Hans"]
    for code, (order, groups) in expected.items():
        key = glossary.order_for(code)
        assert sorted(terms, key=key) == order, code
        assert [key(t).group for t in order] == groups, code


def test_numbers_are_compared_by_value() -> None:
    """第2版 before 第10版 (fullwidth digits too) in every variant, GPT-4 before GPT-10; 007 is 7, after 5G;
    第二版 before 第十版."""
    cases = {
        "第10版 第2版 第１１版 第3版": "第2版 第3版 第10版 第１１版",
        "GPT-10 GPT-4o GPT-4 GPT-3.5": "GPT-3.5 GPT-4 GPT-4o GPT-10",
        "R1 R10 007 R2 RTX4060 5G": "5G 007 R1 R2 R10 RTX4060",
        # s46: Chinese numerals that count (after 第, before a counter inside a term) by value too, beside digits.
        "第十版 第四版 第2版 第一版 第二版 第十一版": "第一版 第2版 第二版 第四版 第十版 第十一版",
        "第一百零五章 第二十章 第十二章 第三章": "第三章 第十二章 第二十章 第一百零五章",
        "GPT第十代 GPT第四代": "GPT第四代 GPT第十代",
        "富十代 富二代 富三代": "富二代 富三代 富十代",
    }
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        for terms, order in cases.items():
            assert sorted(terms.split(), key=glossary.order_for(code)) == order.split(), code
    # A term a numeral opens is a word, read and filed as written: 三体 under S, 一代宗师 under Y, 二十世纪 under E.
    key = glossary.order_for("zh-Hans")
    assert [key(t).group for t in ("三体", "一代宗师", "二十世纪")] == ["S", "Y", "E"]
    assert sorted(["三体", "三国"], key=key) == ["三国", "三体"]
    # s47: a run that opens a term is read whole, never from its second character (四十二章经 was 四12章经).
    assert key("四十二章经").syllables == ("si", "shi", "er", "zhang", "jing")
    assert key("一百零八回").syllables == ("yi", "bai", "ling", "ba", "hui")
    assert sorted(["二十四节气", "二十世纪"], key=key) == ["二十世纪", "二十四节气"]  # shì before sì


def test_the_keys_of_a_glossary_page_are_kept_so_pypinyin_loads_only_for_a_new_term(tmp_path: Path) -> None:
    """s46: pypinyin costs 0.6 s and ~54 MB in the process writing the glossary; a build with its terms' keys
    kept (a note edited, the page written again) never loads it.  Kept by term and reading; a removed term's
    key goes; an entry of another shape is not used."""
    import subprocess
    import sys

    from zhudu.annotate.glossary.collation import KIND, KeptKeys

    terms = ["中国", "重庆", "AGI"]
    first = KeptKeys(tmp_path)
    for code in ("zh-Hans", "zh-Hant-TW"):
        assert sorted(terms, key=first.order_for(code)) == sorted(terms, key=glossary.order_for(code))
    first.save()
    again = KeptKeys(tmp_path)
    assert set(again.kept) == {(t, z) for t in terms for z in (False, True)}
    again.order_for("zh-Hans")("重庆")
    again.save()  # only what this page listed is kept
    assert set(KeptKeys(tmp_path).kept) == {("重庆", False)}
    (entry,) = (tmp_path / KIND).iterdir()
    # Another process sorting the kept term never imports pypinyin; a new term does.
    script = (
        "import sys; from pathlib import Path; from zhudu.annotate.glossary.collation import KeptKeys\n"
        "keys = KeptKeys(Path(sys.argv[1])); order = keys.order_for('zh-Hans')\n"
        "order('重庆'); print('pypinyin' in sys.modules)\n"
        "order('中国'); print('pypinyin' in sys.modules)\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(Path(glossary.__file__).parents[3]), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert ran.stdout.split() == ["False", "True"], ran.stderr
    entry.write_bytes(b"not a pickle")
    assert KeptKeys(tmp_path).kept == {}


def test_taiwan_looks_a_term_up_by_its_taiwan_reading(real_site) -> None:
    """rv28: 曝光機 was filed under ㄅ (the mainland's bào) in the Taiwan glossary; Taiwan reads 曝 ㄆㄨˋ."""
    from zhudu.annotate.glossary.collation import sort_key

    index = real_site.build.page("zh-Hant-TW/glossary/index.html")
    group = re.search(
        r'<span class="zd-gloss-index__label">([^<]+)</span><ul>(?:(?!</ul>).)*>曝光機</a>', index, re.S
    )
    assert group and group.group(1) == "ㄆ", group and group.group(1)
    # Other characters Taiwan reads otherwise in every word: 垃圾 lèsè (not lājī), 危機 wéi (not wēi).
    assert [sort_key(t, True).group for t in ("垃圾", "企業", "星期", "危機")] == ["ㄌ", "ㄑ", "ㄒ", "ㄨ"]
    assert sort_key("企業", True).tones == (4, 4) and sort_key("星期", True).tones == (1, 2)
    assert sort_key("曝光", False).group == "B"  # pinyin copies keep the mainland reading
