"""A word cut by inline markup converts as the same sentence without it (``script/word_runs.py``).

The author's bold, highlight, emphasis or link, a glossary term or an editor's note marker can cut a
word (**软**件, 打开[文件](…)夹): converted piece by piece, OpenCC's phrases and the regional layer saw
软 and 件 (Taiwan's 軟件, not 軟體) and a piece alone was swapped where the sentence reads another word
(列表的**项目**: 專案).  In a Traditional note a cut 項|目 became 專案 on its own Taiwan page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from test_annotations import entry

from conftest import BuildResult, build_site

HEAD = "---\ntitle: {title}\ndate: 2024-01-0{day}\n{lang}---\n\n"
#: Each sentence with a word cut by markup, and as a reader reads it.
CUT = {
    "这个**软**件很好用。": "这个软件很好用。",  # 軟體 in Taiwan
    "请修改==默==认设置。": "请修改默认设置。",  # 預設
    """双击打开[文件](https://example.com/ "文件夹的说明 <a> & 'x'")夹。""": "双击打开文件夹。",  # 資料夾
    "下列所有相关的**项目**都将被删除。": "下列所有相关的项目都将被删除。",  # a list's items: 項目, not 專案
    "选择「格式 - *项目*符号与编号」。": "选择「格式 - 项目符号与编号」。",  # a list's bullets: 項目符號
    "请新建一个文件夹。": "请新建一个文件夹。",  # a glossary term (文件) inside the word
    "那个软件很好用。": "那个软件很好用。",  # an editor's note marker after 软
}
#: A link whose text is a URL ends there: the Han after it is text, converted (的歷史), not the URL's.
URL_LINK = "见 [https://zh.wikipedia.org/wiki/头发](https://zh.wikipedia.org/wiki/头发)的历史。"
#: A Taiwan note's 項目 cut by bold and by an editor's note marker: as typed on its Taiwan page.
TRADITIONAL = ("這個**項**目很受歡迎。", "那個項目很受歡迎。")
VARIANTS = ("zh-Hant-TW", "zh-Hant-HK")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    def note(title: str, day: int, paragraphs, lang: str = "") -> str:
        return HEAD.format(title=title, day=day, lang=lang) + "\n\n".join(paragraphs) + "\n"

    result = build_site(
        tmp_path_factory.mktemp("words"),
        notes={
            "cut.md": note("切开", 1, [*CUT, URL_LINK]),
            "plain.md": note("连着", 2, CUT.values()),
            "hant.md": note("切開", 3, TRADITIONAL, lang="lang: zh-TW\n"),
        },
        editorial={
            "annotations.yml": entry("soft", "那个软", note="cut") + entry("item", "那個項", note="hant"),
            "glossary.yml": "- term: 文件\n  explanation: 文件的说明。\n",
        },
    )
    assert result.ok, result.log
    return result


class _Paragraphs(HTMLParser):
    """The article's paragraphs as a reader reads them (an editor's note's marker and note left out), and their tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.tags: list[list[str]] = []
        self._in_p = False
        self._skipping = 0  # the depth inside an editor's note

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping:
            self._skipping += tag not in ("br", "img")
        elif tag == "span" and "zd-anno" in (dict(attrs).get("class") or "").split():
            self._skipping = 1
        elif tag == "p":
            self._in_p = True
            self.texts.append("")
            self.tags.append([])
        elif self._in_p:
            self.tags[-1].append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            self._skipping -= 1
        elif tag == "p":
            self._in_p = False
        elif self._in_p:
            self.tags[-1].append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._in_p and not self._skipping:
            self.texts[-1] += data


def _paragraphs(page: str) -> _Paragraphs:
    parser = _Paragraphs()
    parser.feed(page.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0])
    return parser


def test_the_cuts_are_in_the_page(site):
    """The markup each sentence is about is there (bold, highlight, a link with its title, emphasis, a term, a marker)."""
    tags = " ".join(t for p in _paragraphs(site.page("zh-Hans/notes/cut/index.html")).tags for t in p)
    title = "title=\"文件夹的说明 &lt;a&gt; &amp; 'x'\""  # escaped as the link's title
    for tag in ("<strong>", "<mark>", title, "<em>", 'class="zd-gloss"', 'class="zd-nobr"'):
        assert tag in tags, tag


@pytest.mark.parametrize("code", VARIANTS)
def test_a_word_cut_by_markup_reads_as_the_sentence_without_it(site, code):
    cut = _paragraphs(site.page(f"{code}/notes/cut/index.html"))
    plain = _paragraphs(site.page(f"{code}/notes/plain/index.html")).texts
    assert cut.texts[: len(plain)] == plain
    assert (
        ("軟體" if code == "zh-Hant-TW" else "軟件") in plain[0]
        and "預設" in plain[1]
        and "資料夾" in plain[2]
    )
    assert "項目符號" in plain[4] and "專案" not in "".join(plain)
    # The URL as written, the text after it converted.
    assert cut.texts[len(plain)] == "見 https://zh.wikipedia.org/wiki/头发的歷史。"


@pytest.mark.parametrize("code", VARIANTS)
def test_the_markup_is_as_the_simplified_page_has_it(site, code):
    """Only the text moved: the same elements and attributes, a converted attribute value escaped."""

    def shape(tags: list[list[str]]) -> list[list[str]]:
        # The values a variant converts (a title, an editor's note's label) and the inline rules' values.
        return [[re.sub(r'(title|aria-label|data-zd-text)="[^"]*"', r"\1", t) for t in p] for p in tags]

    hans = _paragraphs(site.page("zh-Hans/notes/cut/index.html")).tags
    page = site.page(f"{code}/notes/cut/index.html")
    assert shape(_paragraphs(page).tags) == shape(hans)
    said = {"zh-Hant-TW": "說", "zh-Hant-HK": "説"}[code]  # Hong Kong's form of 說
    assert f"title=\"資料夾的{said}明 &lt;a&gt; &amp; 'x'\"" in page


@pytest.mark.parametrize("code", VARIANTS)
def test_a_traditional_notes_word_cut_by_markup_stays_as_typed(site, code):
    """The fold keeps 項目 as typed across the cut (each piece its part), so the Taiwan page does not join 项|目
    again into 專案; Hong Kong's page writes 項目 too."""
    texts = _paragraphs(site.page(f"{code}/notes/hant/index.html")).texts
    assert texts == [re.sub(r"\*\*", "", t) for t in TRADITIONAL]
    simplified = _paragraphs(site.page("zh-Hans/notes/hant/index.html")).texts
    assert simplified == ["这个项目很受欢迎。", "那个项目很受欢迎。"]


def test_a_theme_strips_note_title_and_passage_stay_two_texts(tmp_path):
    """A theme strip (in a ``<template>``) writes another note's title beside its passage's link: Zhudu's own
    elements, not the author's markup: 从头 + 发现… is no 頭髮 (從頭 / 髮現 before the fix)."""
    notes = {
        "a.md": "---\ntitle: 面包店\ndate: 2024-01-01\n---\n\n这家面包店很好。\n",
        "b.md": "---\ntitle: 从头\ndate: 2024-01-02\n---\n\n发现了一家面包店。\n",
    }
    themes = "themes:\n  bread:\n    name: 面包\n    description: 面包店。\n    phrases: [面包店]\n"
    result = build_site(tmp_path, notes=notes, editorial={"themes.yml": themes}, strict=False)
    assert result.ok, result.log
    for code in VARIANTS:
        strip = result.page(f"{code}/notes/a/index.html").split('<template class="zd-tm-blocks"', 1)[1]
        strip = strip.split("</template>", 1)[0]
        assert "<span>從頭</span>" in strip and "發現了一家" in strip, strip
        assert "髮現" not in strip and "頭髮" not in strip, strip
