"""A Jekyll or Hexo author's categories: read into the schema, shown on the note and in the home list, fed.

Session 39 (reader9): they were kept in ``extra`` and shown to no one.  Real MkDocs, Material and OpenCC.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.config.base import ValidationError
from test_meta import read

from conftest import BuildResult, build_site
from zhudu.notes import meta_fields


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("软件 读书", (("软件",), ("读书",))),  # Jekyll splits a string at its spaces
        (["软件", "读书", "软件"], (("软件",), ("读书",))),
        ([["体育", "棒球"], "生活"], (("体育", "棒球"), ("生活",))),
        (2024, (("2024",),)),
        (None, ()),
    ],
)
def test_categories_are_paths_of_names(value, expected):
    assert meta_fields.Categories().validate(value) == expected


@pytest.mark.parametrize("value", [[True], [{"a": 1}], [["体育", ["棒球"]]]])
def test_a_category_that_is_not_text_says_what_to_write(value):
    with pytest.raises(ValidationError, match=r"a category must be text.*categories: \[读书, 旅行\]"):
        meta_fields.Categories().validate(value)


JEKYLL = (
    "---\nlayout: post\ntitle: 杰克篇\ndate: 2024-01-02\ncategories: 软件 读书\n---\n\n服务器的软件说明。\n"
)
HEXO = (
    "---\ntitle: 海克篇\ndate: 2024-01-03\nupdated: 2024-01-04\ncategories: [软件开发, 数据库]\n"
    "tags: [信息]\n---\n\n数据库的软件说明。\n"
)
HEXO_PATHS = (
    "---\ntitle: 海克二\ndate: 2024-01-05\nupdated: 2024-01-06\ncategories:\n  - [软件开发, 数据库]\n"
    "  - 生活 随笔\n---\n\n生活的软件说明。\n"
)


def test_each_dialect_reads_its_own_categories(tmp_path: Path) -> None:
    """Jekyll's list is so many categories; Hexo's flat list one path (Sports › Baseball), a string one name."""
    jekyll = read(tmp_path, "2024-01-02-jk.md", JEKYLL).meta
    hexo = read(tmp_path, "hx.md", HEXO).meta
    paths = read(tmp_path, "hx2.md", HEXO_PATHS).meta
    assert (jekyll.dialect, hexo.dialect, paths.dialect) == ("jekyll", "hexo", "hexo")
    assert jekyll.categories == (("软件",), ("读书",))
    assert hexo.categories == (("软件开发", "数据库"),)
    assert paths.categories == (("软件开发", "数据库"), ("生活 随笔",))
    assert "categories" not in jekyll.extra  # read into the schema, as tags are
    assert hexo.as_dict()["categories"] == [["软件开发", "数据库"]]  # what `python -m zhudu meta` prints
    # An editor's notes.yml entry is read as Jekyll's (a nested list is a path), in any dialect.
    edited = read(tmp_path, "hx.md", HEXO, categories=[["编程", "Python"], "随笔"]).meta
    assert edited.categories == (("编程", "Python"), ("随笔",))


def test_a_bad_category_is_a_problem_naming_its_line(tmp_path: Path) -> None:
    note = read(tmp_path, "bad.md", "---\ntitle: 坏\ncategories: [yes]\n---\n\n正文。\n")
    assert [str(p) for p in note.problems] == [
        "seeds/bad.md:3: categories: a category must be text, got true/false: write categories as a list of "
        "words, e.g. categories: [读书, 旅行], or a path as a list in it, e.g. categories: [[体育, 棒球]]"
    ]
    assert note.meta.categories == ()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    notes = {
        "2024-01-02-jk.md": JEKYLL,
        "hx.md": HEXO,
        "hx2.md": HEXO_PATHS,
        "tw.md": "---\ntitle: 繁體篇\ndate: 2024-01-01\nupdated: 2024-01-01\ncategories: [軟體, <b>資料</b>]\n---\n\n"
        "這是繁體的軟體說明，資料庫與網路。\n",
    }
    result = build_site(tmp_path_factory.mktemp("categories"), notes=notes)
    assert result.ok and not result.warnings, result.log
    return result


def _shown(html: str) -> list[str]:
    """The categories a page shows, as a reader reads them: 「软件开发 › 数据库、生活 随笔」."""
    rows = re.findall(
        r'<dt>分[类類]</dt><dd>(.*?)</dd>|<p class="zd-card__categories">分[类類]：(.*?)</p>', html
    )
    return [re.sub(r"<[^>]+>", "", a or b) for a, b in rows]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            "zh-Hans",
            [
                "软件开发 › 数据库、生活 随笔",
                "软件开发 › 数据库",
                "软件、读书",
                "软件 › &lt;b&gt;资料&lt;/b&gt;",
            ],
        ),
        (
            "zh-Hant-TW",
            [
                "軟體開發 › 資料庫、生活 隨筆",
                "軟體開發 › 資料庫",
                "軟體、讀書",
                "軟體 › &lt;b&gt;資料&lt;/b&gt;",
            ],
        ),
        (
            "zh-Hant-HK",
            [
                "軟件開發 › 數據庫、生活 隨筆",
                "軟件開發 › 數據庫",
                "軟件、讀書",
                # The Traditional note's 軟體 (a note naming no region is read as Taiwan's) is one of the words only
                # Taiwan writes (regional.yml's region-only: TW): Hong Kong's 軟件, as its body writes it; its 資料, a
                # word both write, as the author wrote it.
                "軟件 › &lt;b&gt;資料&lt;/b&gt;",
            ],
        ),
    ],
)
def test_categories_are_shown_on_the_note_and_in_the_list_in_each_variant(built, code, expected):
    """Converted per variant as tags are (a Traditional note's in Simplified for zh-Hans, as written on its Traditional
    pages), escaped, in the list and on the page."""
    assert _shown(built.page(f"{code}/index.html")) == expected
    pages = [built.page(f"{code}/notes/{slug}/index.html") for slug in ("hx2", "hx", "2024-01-02-jk", "tw")]
    assert [_shown(html) for html in pages] == [[shown] for shown in expected]
    # The arrow between a path's names is not read out: a screen reader hears the names in order.
    assert '<span class="zd-category__step" aria-hidden="true"> › </span>' in pages[0]


def test_the_feed_lists_every_category_name_after_the_tags(built):
    feed = built.page("feed-zh-Hant-TW.xml")
    entry = feed[feed.index("zhudu/hx</id>") :]
    terms = re.findall(r'<category term="([^"]*)"/>', entry[: entry.index("</entry>")])
    assert terms == ["資訊", "軟體開發", "資料庫"]


def test_jekylls_singular_category_is_one_name_spaces_kept(tmp_path: Path) -> None:
    """Jekyll splits ``categories: a b`` at its spaces but keeps ``category: a b`` whole (one category)."""
    singular = "---\nlayout: post\ntitle: 单数篇\ndate: 2024-01-07\ncategory: 软件 开发\n---\n\n说明。\n"
    plural = singular.replace("category:", "categories:")
    assert read(tmp_path, "2024-01-07-one.md", singular).meta.categories == (("软件 开发",),)
    assert read(tmp_path, "2024-01-07-two.md", plural).meta.categories == (("软件",), ("开发",))
