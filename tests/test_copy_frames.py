"""A copy's frame holds the copy alone, and only the build marks a frame (``transclusion_tree.QuoteApart``, ``copy_folds``).

Python-Markdown continues a quote with the next block starting with ``>``, and a copy's frame is a quote: the author's
own quote after an embed was read inside the copy, shown as the embedded note's and, for a Traditional note's copy,
folded with that note's script (程式化 became 程序化 on a Simplified page; a Hong Kong author's 設定 became 設置).  It
is its own quote now, after a copy of a Traditional or a Simplified note, on the page, in a list item and in a quote.

A frame's mark (``data-zd-written``) is the build's: sealed (``copy_folds.SEAL``), an author's removed by the note
sanitizer with every ``data-zd-*`` of the build's; and the finisher reads whole tags, so a tag-like string in an
attribute's value neither starts nor ends a copy.
"""

from __future__ import annotations

import re

import pytest

from conftest import BuildResult, build_site
from zhudu.notes.sanitizer import Sanitizer
from zhudu.script import copy_folds
from zhudu.script.copy_folds import SEAL

TW = "---\ntitle: 資料夾說明\nlang: zh-TW\n---\n\n請把軟體的設定儲存到資料夾裡。\n"
SIMPLIFIED = "---\ntitle: 简体乙篇\n---\n\n这套软件的默认文件夹在硬盘上。\n"
QUOTED = "这种表演很程式化，预设的程式码。"  # a Simplified author's words a Taiwan fold would rewrite
FORMS = {
    "top": "头。\n\n![[{e}]]\n\n> {q}\n\n尾。\n",
    "list": "- 项\n\n  ![[{e}]]\n\n  > {q}\n",
    "quote": "> ![[{e}]]\n>\n> > {q}\n",
    # Right under the embed, no blank line: a quote takes such lines as its own (lazy lines).
    "list-under": "- 项\n  ![[{e}]]\n  > {q}\n- 下一项\n",
    "item-under": "- ![[{e}]]\n  > {q}\n",
    "quote-under": "> ![[{e}]]\n> > {q}\n",
}
#: An author's line right under the embed, no blank line: theirs, after the copy, not the copy's last words.
LINES = {
    "list-line": "- 项\n  ![[{e}]]\n  {q}\n- 下一项\n",
    "item-line": "1. ![[{e}]]\n   {q}\n",
    "quote-line": "> ![[{e}]]\n> {q}\n",
}
NOTES = {
    "tw.md": TW,
    "s.md": SIMPLIFIED,
    **{
        f"{form}-{e}.md": f"---\ntitle: {form} {e}\n---\n\n" + text.format(e=e, q=QUOTED)
        for form, text in (FORMS | LINES).items()
        for e in ("tw", "s")
    },
    "hk.md": "---\ntitle: 香港筆記\nlang: zh-HK\n---\n\n![[tw]]\n\n> 香港作者的設定\n",
    # A tag-like string in an attribute's value: not a frame's start, nor its end.
    "fake.md": "---\ntitle: 假\n---\n\n<span title='<blockquote data-zd-written=\"zh-Hant-TW\">'>x</span> 支援\n\n"
    "![[inside]]\n\n尾 支援。\n",
    "inside.md": "---\ntitle: 內含\nlang: zh-TW\n---\n\n<span title='<blockquote>'>軟體</span>\n\n"
    "請把軟體的設定儲存到資料夾裡。\n",
    # An author's mark: removed, their text not folded as Taiwan's.
    "own-mark.md": '---\ntitle: 自标\n---\n\n<blockquote data-zd-written="zh-Hant-TW">\n\n作者的支援\n\n</blockquote>\n\n'
    '<span data-zd-gloss="x" data-zd-tm="y" data-zd-target="z">支援</span>\n',
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = build_site(tmp_path_factory.mktemp("frames") / "p", notes=NOTES, strict=False)
    assert result.ok, result.log
    return result


#: A comment, or a tag with its quoted values whole (a tag-like string in another tag's value is no tag).
_TAG_RE = re.compile(
    r"""<!--.*?-->|<(?P<end>/)?(?P<name>[A-Za-z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>""", re.DOTALL
)


def copies(page: str) -> list[str]:
    """Each copy's frame on a page, at any depth (in a quote too), the quotes inside it counted."""
    found, open_ = [], []  # each open quote: (start, whether a frame)
    for m in _TAG_RE.finditer(page):
        if (m["name"] or "").lower() != "blockquote":
            continue
        if not m["end"]:
            open_.append((m.start(), 'class="zd-transclusion"' in m[0]))
        elif open_:
            start, frame = open_.pop()
            if frame and not any(f for _, f in open_):
                found.append(page[start : m.end()])
    return found


def lines(html: str) -> list[str]:
    """The text a reader sees, line by line (tags, permalinks and comments left out)."""
    text = _TAG_RE.sub("", re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", html, flags=re.DOTALL))
    return [line.strip() for line in text.splitlines() if line.strip()]


def copy_text(copy: str) -> list[str]:
    """A copy's text without its source line (the label and the link to the note)."""
    return lines(copy)[1:]


def own_text(result: BuildResult, code: str, slug: str) -> list[str]:
    """A note's text as its own page in ``code`` shows it (its body, not the backlinks after it)."""
    page = result.page(f"{code}/notes/{slug}/index.html")
    return lines(re.split(r"<aside|</article>", page[page.index('<div class="zd-note__body">') :])[0])


def _quotes_outside_frames(page: str) -> list[str]:
    """The text of each quote on a page's body that is no copy's frame nor inside one."""
    body = page[page.index('<div class="zd-note__body">') :].split("<aside")[0]
    for copy in copies(body):
        body = body.replace(copy, "")
    return [" ".join(lines(q)) for q in re.findall(r"<blockquote[^>]*>(.*?)</blockquote>", body, re.DOTALL)]


@pytest.mark.parametrize("embedded", ["tw", "s"])
@pytest.mark.parametrize("form", list(FORMS))
def test_an_authors_quote_after_an_embed_is_its_own_quote_outside_the_frame(built, form, embedded):
    shown = {"zh-Hans": QUOTED, "zh-Hant-TW": "這種表演很程式化，預設的程式碼。"}
    for code, quoted in shown.items():
        page = built.page(f"{code}/notes/{form}-{embedded}/index.html")
        (copy,) = copies(page)
        assert copy_text(copy) == own_text(built, code, embedded)  # the copy alone, as its note's page reads
        assert quoted in _quotes_outside_frames(page)  # the author's words, as the page writes them
    assert "程序" not in built.page(f"zh-Hans/notes/{form}-{embedded}/index.html")


@pytest.mark.parametrize("embedded", ["tw", "s"])
@pytest.mark.parametrize("form", list(LINES))
def test_an_authors_line_right_under_an_embed_is_theirs_after_the_copy(built, form, embedded):
    shown = {"zh-Hans": QUOTED, "zh-Hant-TW": "這種表演很程式化，預設的程式碼。"}
    for code, line in shown.items():
        page = built.page(f"{code}/notes/{form}-{embedded}/index.html")
        (copy,) = copies(page)
        assert copy_text(copy) == own_text(built, code, embedded)  # the copy alone, as its note's page reads
        body = page[page.index('<div class="zd-note__body">') :].split("<aside")[0]
        assert line in " ".join(lines(body.replace(copy, "")))  # the author's line, outside the copy
        # No quote of its own: a line of the item, or of the author's quote the embed is in.
        assert _quotes_outside_frames(page) == ([line] if form.startswith("quote") else [])
    assert "程序" not in built.page(f"zh-Hans/notes/{form}-{embedded}/index.html")


def test_no_copys_line_count_is_left_on_a_page(built):
    for page in sorted(built.site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert "data-zd-lines" not in text and SEAL not in text, page


def test_a_hong_kong_authors_quote_after_a_taiwan_copy_keeps_their_words(built):
    page = built.page("zh-Hant-HK/notes/hk/index.html")
    assert _quotes_outside_frames(page) == ["香港作者的設定"]
    assert copy_text(copies(page)[0]) == own_text(built, "zh-Hant-HK", "tw")


def test_a_tag_in_an_attributes_value_neither_starts_nor_ends_a_copy(built):
    page = built.page("zh-Hans/notes/fake/index.html")
    (copy,) = copies(page)
    assert copy_text(copy) == own_text(
        built, "zh-Hans", "inside"
    ) and "请把软件的设置保存到文件夹里。" in lines(copy)
    assert "尾 支援。" in lines(page)  # the page's own words, as written


def test_an_authors_mark_and_the_builds_other_attributes_are_removed(built):
    page = built.page("zh-Hans/notes/own-mark/index.html")
    body = page[page.index('<div class="zd-note__body">') :].split("<aside")[0]
    assert "作者的支援" in lines(body)  # not folded as Taiwan's (支持)
    assert "data-zd-written" not in body and "data-zd-gloss" not in body and "data-zd-tm" not in body
    assert 'data-zd-target="z"' in body  # a dead link's target, harmless from an author
    assert SEAL not in page
    assert any("own-mark.md" in w and "data-zd-written" in w for w in built.warnings), built.warnings


@pytest.mark.parametrize(
    ("tag", "name", "value", "kept"),
    [
        ("blockquote", "data-zd-written", "zh-Hant-TW", False),
        ("blockquote", "data-zd-written", SEAL + "zh-Hant-TW", True),  # the build's, sealed
        ("span", "data-zd-gloss", "x", False),
        ("span", "data-zd-passage", "", False),
        ("span", "data-zd-target", "a.md", True),
        ("span", "data-zd-conv", "zh-Hant-TW:電腦", True),
        (
            "span",
            "data-zd-text",
            "编者",
            True,
        ),  # a label (an editor's note printed as an endnote: test_reading_browser)
        ("img", "data-zd-ratio", "1.5", True),
        ("p", "data-zd-ratio", "1.5", False),
        ("span", "data-md-component", "x", False),
        ("span", "data-note", "x", True),
    ],
)
def test_the_sanitizer_keeps_of_data_zd_only_what_an_author_may_write(tag, name, value, kept):
    assert Sanitizer().attr_ok(tag, name, value) is kept


_TW = f'<blockquote class="zd-transclusion" data-zd-written="{SEAL}zh-Hant-TW">'
_SHOWN = '<blockquote class="zd-transclusion" data-zd-written="zh-Hant-TW">'


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (  # a frame's start inside another tag's value: not a copy
            f"<span title='{_TW}'>x</span>{_TW}b</blockquote><p>c</p>",
            f"<span title='{_SHOWN}'>x</span>[TW:{_SHOWN}b</blockquote>]<p>c</p>",
        ),
        (  # an end tag inside a value, in the copy: not its end
            f"{_TW}<span title='</blockquote>'>b</span></blockquote><p>c</p>",
            f"[TW:{_SHOWN}<span title='</blockquote>'>b</span></blockquote>]<p>c</p>",
        ),
        (  # an author's mark, not sealed: not read
            '<blockquote data-zd-written="zh-Hant-TW">b</blockquote>',
            '<blockquote data-zd-written="zh-Hant-TW">b</blockquote>',
        ),
    ],
)
def test_the_finisher_reads_whole_tags_and_sealed_marks_only(html, expected):
    def fold_of(tag: str) -> object:
        return lambda copy: f"[{copy_folds.region_of(tag)[1]}:{copy}]"

    assert copy_folds.folded(html, "", None, fold_of) == expected  # type: ignore[arg-type]
