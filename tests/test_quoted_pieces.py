"""What a quoted passage shows besides its words: formulas, line breaks, character references, escapes.

A theme's page and the "in other notes" panel quote a passage from its text (which its anchor hashes), and
the text leaves out what Python-Markdown stashed or holds in a placeholder: a typeset formula was gone
(「质能方程 说明苹果的能量。」), a raw ``<br>`` joined its lines (「hello<br>world」 quoted 「helloworld」),
``&amp;`` / ``&lt;`` / ``&nbsp;`` were gone (「A B C」) and a backslash-escaped character was quoted as its
placeholder (「星号 \\x0242\\x03不是强调」, shown as boxes and digits).  Session 37's reader7 review.  The
anchors must not move.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PASSAGE_ID_RE, BuildResult, build_site

NOTES = {
    "a.md": "---\ntitle: 甲篇\ndate: 2024-01-02\n---\n\n"
    "质能方程 $E=mc^2$ 说明苹果的能量。\n\n"
    "两个公式 $a<b$ 和 $\\frac{1}{2}$，苹果（$x$）很小。\n\n"
    "第一行说苹果<br>第二行。\n\n"
    "苹果 hello<br>world 和 foo<br>\nbar 两行。\n\n"
    "A &amp; B &lt;C&gt; &copy; 与苹果。\n\n"
    "星号 \\*不是强调\\* 说苹果。\n",
    "b.md": "---\ntitle: 乙篇\ndate: 2024-01-01\n---\n\n乙篇也说苹果。\n\n`:title` 苹果的名称。\n",
}
THEMES = "themes:\n  apple:\n    name: 苹果\n    description: 苹果的事\n    phrases: [苹果]\n"
#: The passages' anchors before the quotes showed these pieces (their texts are unchanged).
ANCHORS = ["p-5b299099", "p-2f6cdfa9", "p-daeb75e3", "p-47d49ee3", "p-f72c4b29", "p-b7e455ba"]
VARIANTS = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = build_site(tmp_path_factory.mktemp("quoted"), notes=NOTES, editorial={"themes.yml": THEMES})
    assert result.ok, result.log
    return result


def _quotes(result: BuildResult, variant: str) -> str:
    page = result.page(f"{variant}/themes/apple/index.html")
    return "\n".join(re.findall(r"<blockquote>(.*?)</blockquote>", page, re.S))


def _panel(result: BuildResult, variant: str) -> str:
    """乙篇's panel: the other note's passage, its excerpt."""
    return result.page(f"{variant}/notes/b/index.html")


def test_a_quoted_formula_is_typeset_as_in_its_note(built: BuildResult) -> None:
    """Typeset as the note shows it (session 38: its TeX as code stayed Simplified in the Traditional variants,
    ``tests/test_reader_defects17_browser.py``), its TeX as written in ``alttext``."""
    for variant in VARIANTS:
        quotes = _quotes(built, variant)
        assert re.search(r'方程 <math alttext="E=mc\^2"><mrow><mi>E</mi>.*?</math> \S明<mark>', quotes), (
            variant,
            quotes,
        )
        assert re.search(
            r'公式 <math alttext="a&lt;b">.*?</math> 和 <math alttext="\\frac\{1\}\{2\}">', quotes
        ), quotes
        assert re.search(r'（<math alttext="x"><mrow><mi>x</mi></mrow></math>）很小', quotes), (
            variant,
            quotes,
        )
        assert "<code>" not in quotes.split("乙篇")[0], (variant, quotes)
    # The panel's excerpt of 甲篇 (its first passage) reads the formula too.
    assert ">质能方程 E=mc^2 说明苹果的能量。<" in _panel(built, "zh-Hans")


def test_a_quoted_line_break_is_a_space_not_glued(built: BuildResult) -> None:
    for variant in VARIANTS:
        quotes = _quotes(built, variant)
        # Not marked with the phrase before it; no second space where the line already had one.
        assert re.search(r"第一行\S<mark>[^<]+</mark> 第二行。", quotes), (variant, quotes)
        assert " hello world 和 foo bar " in quotes, (variant, quotes)


def test_a_quoted_character_reference_shows_its_character(built: BuildResult) -> None:
    for variant in VARIANTS:
        quotes = _quotes(built, variant)
        assert re.search("A &amp; B &lt;C&gt; © \\S<mark>", quotes), (variant, quotes)


def test_a_quoted_escaped_character_is_itself(built: BuildResult) -> None:
    for variant in VARIANTS:
        quotes = _quotes(built, variant)
        assert re.search(r"星\S \*不是\S\S\* \S<mark>", quotes), (variant, quotes)
        assert "\x02" not in quotes and "\x02" not in _panel(built, variant), variant


def test_a_space_beside_quoted_code_is_not_marked(built: BuildResult) -> None:
    """The Hexo documentation's 「`:title` 文件名称」 was quoted 「<code>:title</code><mark> </mark><mark>文件</mark>」."""
    for variant in VARIANTS:
        quotes = _quotes(built, variant)
        assert re.search(r"<code>:title</code> <mark>[^<]+</mark>的名\S。", quotes), (variant, quotes)


def test_the_passages_anchors_stay(built: BuildResult) -> None:
    page = built.page("zh-Hans/notes/a/index.html")
    assert re.findall(PASSAGE_ID_RE, page) == ANCHORS


def test_the_note_pages_are_unchanged_by_the_quotes(built: BuildResult) -> None:
    """The pieces are the quote's: the note shows the formula, the break and the characters as before."""
    page = built.page("zh-Hans/notes/a/index.html")
    assert "第一行说苹果<br>第二行。" in page and "A &amp; B &lt;C&gt; &copy;" in page
    assert '<math alttext="E=mc^2">' in page and "星号 *不是强调*" in page
    assert Path(built.site_dir, "zh-Hans/themes/apple/index.html").is_file()
