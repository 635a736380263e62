"""Session 37's reader pass (phone and desktop, all three variants): what a reader saw wrong.

Real MkDocs, Material, OpenCC and Chromium.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import ServedSite, serve_built, serve_themed

# --------------------------------------------------------------------------- footnote numbers in quotes

#: A note whose passages cite footnotes, one of them next to inline code, and a second note saying the
#: theme's phrase too (its page lists the first note's passage among the others).
FOOTNOTE_NOTES = {
    "a.md": "---\ntitle: 甲\ndate: 2024-01-02\n---\n\n"
    "开源软件离不开社区，作者补充了出处[^1]，又用 `git log`[^2] 查了历史。\n\n"
    "开源的第二段[^1]。\n\n"
    "来信 <me@example.com>[^2] 谈开源。\n\n"
    "[^1]: 出处：《大教堂与集市》，讲开源。\n[^2]: 版本记录。\n",
    "b.md": "---\ntitle: 乙\ndate: 2024-01-01\n---\n\n乙篇也谈开源。\n",
}
FOOTNOTE_THEMES = "themes:\n  open:\n    name: 开源\n    description: 开源的事\n    phrases: [开源]\n"


def test_a_quoted_passage_leaves_its_footnote_numbers_out(site_builder: Any) -> None:
    """A theme's page quotes each passage as text; a footnote's number, raised in the note, ran into the words
    of the quote: 「作者补充了出处1，又用 git log2 查了历史」, 「开源的第二段1。」 (and so in the list of a theme's other
    notes beside a passage of another note).  The quotes leave the numbers out; the theme's phrase is still
    marked and the code in place.  A footnote's own text, quoted where it says the theme's phrase, ended in the
    placeholders Python-Markdown puts its link back in by (「讲开源。\\x02qq3936677670287331zz\\x03…」), and an e-mail
    address in 「\\x02amp\\x03#109;…」."""
    result = site_builder(notes=FOOTNOTE_NOTES, editorial={"themes.yml": FOOTNOTE_THEMES})
    assert result.ok, result.log
    for code, first, second, beside in [
        (
            "zh-Hans",
            "作者补充了出处，又用 <code>git log</code> 查了历史。",
            "<mark>开源</mark>的第二段。",
            '补充了出处，又用 <span class="zd-noconv">git l</span>…<',
        ),
        (
            "zh-Hant-TW",
            "作者補充了出處，又用 <code>git log</code> 查了歷史。",
            "<mark>開源</mark>的第二段。",
            '補充了出處，又用 <span class="zd-noconv">git l</span>…<',
        ),
    ]:
        theme = result.page(f"{code}/themes/open/index.html")
        quotes = re.findall(r"<blockquote>(.*?)</blockquote>", theme, re.S)
        assert any(quote.endswith(first) and "<mark>" in quote for quote in quotes), (code, quotes)
        assert second in quotes, (code, quotes)
        # A footnote's own text, quoted too, ends where its words do (not in its link back's placeholders).
        assert any(quote.endswith(("讲<mark>开源</mark>。", "講<mark>開源</mark>。")) for quote in quotes), (
            quotes
        )
        assert "\x02" not in theme and "1337820767766393" not in theme, code
        # An e-mail address (character references until the page is written) as its characters, the mark after it in place.
        assert any(
            re.fullmatch(
                "来信 me@example.com 谈<mark>开源</mark>。|來信 me@example.com 談<mark>開源</mark>。", q
            )
            for q in quotes
        ), quotes
        other = result.page(f"{code}/notes/b/index.html")  # the theme's other notes, beside 乙's passage
        assert beside in other, code


# --------------------------------------------------------------------------- emphasis without emphasis marks

#: Each ``@supports`` rule of the page's own styles that holds a rule for ``zd-h``: its condition, whether this
#: browser meets it, and its rules' text.
EMPHASIS_FALLBACKS_JS = """() => [...document.styleSheets]
  .filter(sheet => (sheet.href || '').includes('/assets/zhudu/'))
  .flatMap(sheet => [...sheet.cssRules])
  .filter(rule => rule instanceof CSSSupportsRule && /zd-h(?![\\w-])/.test(rule.cssText))
  .map(rule => ({condition: rule.conditionText, met: CSS.supports(rule.conditionText),
                 rules: [...rule.cssRules].map(inner => inner.cssText).join('\\n')}))"""

#: The first emphasised run's weight, emphasis mark and style, and the weight of the text around it.
EMPHASIS_LOOK_JS = """() => {
  const run = document.querySelector('.zd-note__body zd-h'), s = getComputedStyle(run);
  return {weight: Number(s.fontWeight), mark: s.textEmphasisStyle || s.webkitTextEmphasisStyle, style: s.fontStyle,
          around: Number(getComputedStyle(run.closest('p')).fontWeight)};
}"""


#: A card whose line of date, author and reading time is longer than a phone's card.
CARD_NOTE = (
    "---\ntitle: 卡片\ndate: 2025-05-15\nauthor: ahamoment2100\ntags: [技术下放, AI]\n"
    "description: 几个技术成本下降到全民可得的级别。\n---\n\n正文。\n"
)

#: A short note with emphasis (and a passage to come back to).
EMPHASIS_NOTE = "---\ntitle: 强调\ndate: 2024-01-01\n---\n\n这一点*非常重要*，请记住。\n"


@pytest.fixture(scope="module")
def emphasised(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The two notes, built and served; the card's note is the newer, the home page's first card."""
    notes = {"e.md": EMPHASIS_NOTE, "c.md": CARD_NOTE}
    with serve_built(tmp_path_factory.mktemp("emphasised"), notes=notes) as site:
        yield site


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_emphasis_stays_visible_where_the_browser_draws_no_emphasis_marks(
    emphasised: ServedSite, page: Any, variant: str
) -> None:
    """The Han of ``*强调*`` is set upright with a dot under each character.  A browser without ``text-emphasis``
    (EdgeHTML, an old WebView) drew no dots, and the run, upright, read as plain text: the author's emphasis
    was gone.  Where the dots cannot be drawn the run is bold.  Chromium draws them, so the fallback is read
    from the page's styles and applied as such a browser would, then undone."""
    page.goto(emphasised.variant_url(variant, "notes/e/"))
    page.wait_for_selector(".zd-note__body zd-h")
    drawn = page.evaluate(EMPHASIS_LOOK_JS)
    assert drawn["mark"].startswith("filled") or "dot" in drawn["mark"], drawn
    assert drawn["weight"] == drawn["around"] and drawn["style"] == "normal", drawn  # dots alone mark it here
    fallbacks = page.evaluate(EMPHASIS_FALLBACKS_JS)
    assert [f["met"] for f in fallbacks] == [False], fallbacks  # inert where the dots are drawn
    page.add_style_tag(content=fallbacks[0]["rules"])
    page.add_style_tag(content=".md-typeset zd-h { text-emphasis: none; -webkit-text-emphasis: none; }")
    plain = page.evaluate(EMPHASIS_LOOK_JS)
    assert plain["mark"] in ("none", ""), plain
    assert plain["weight"] >= 700 > plain["around"], plain


# --------------------------------------------------------------------------- the home page's cards on a phone

#: The card's line of facts: its lines, and the lines its date and its reading time («约 N 分钟») each take;
#: where its tags and its summary start.
CARD_JS = """() => {
  const card = document.querySelector('.zd-card'), meta = card.querySelector('.zd-card__meta');
  const lines = rects => new Set([...rects].filter(r => r.width).map(r => Math.round(r.top))).size;
  const walker = document.createTreeWalker(meta, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node; (node = walker.nextNode());) {
    const at = node.data.search(/[约約]/);
    if (at >= 0) { range.setStart(node, at); range.setEnd(node, node.data.length); }
  }
  const line = parseFloat(getComputedStyle(meta).lineHeight);
  return {meta: Math.round(meta.getBoundingClientRect().height / line), date: lines(meta.querySelector('time').getClientRects()),
          reading: lines(range.getClientRects()), readingText: range.toString().trim(),
          tags: card.querySelector('.zd-tags').getBoundingClientRect().left,
          summary: card.querySelector('.zd-card__summary').getBoundingClientRect().left};
}"""


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_a_cards_reading_time_stays_whole_and_its_tags_start_with_its_text(
    emphasised: ServedSite, kept_pages: Any, variant: str
) -> None:
    """On a 390 px phone a card's date, author and reading time took two lines and the reading time broke in
    the middle: 「约 3」 at the end of one line, 「分钟」 on the next.  It moves whole, as does the date.  And the
    card's tags stood 0.625em in from its title and summary (Material's margin for a list nested in a list)."""
    with kept_pages.open(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True
    ) as page:
        page.goto(emphasised.variant_url(variant, ""))
        page.wait_for_selector(".zd-card .zd-tags")
        card = page.evaluate(CARD_JS)
    assert card["meta"] == 2, card  # the case: the facts take two lines
    assert card["readingText"].endswith(("分钟", "分鐘")) and card["reading"] == 1 and card["date"] == 1, card
    assert card["tags"] == pytest.approx(card["summary"], abs=0.5), card


# --------------------------------------------------------------------------- the themes overview's table

#: Each row of the notes-and-themes table: how far its theme's name's middle is from its first count's middle.
MATRIX_ROWS_JS = """() => [...document.querySelectorAll('table.zd-matrix tbody tr')].map(row => {
  const middle = e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; };
  return {name: row.querySelector('th').textContent.trim(),
          off: middle(row.querySelector('th a')) - middle(row.querySelector('td a'))};
})"""


@pytest.mark.parametrize("width", [390, 1280])
def test_a_themes_name_stands_level_with_its_counts(
    graph_site: ServedSite, kept_pages: Any, width: int
) -> None:
    """In the overview's table of notes and themes, each theme's name stood at the top of its row, 6-7 px above
    the middle of the counts beside it (on a phone and a desk): it reads as belonging between two rows."""
    with kept_pages.open(viewport={"width": width, "height": 900}, is_mobile=width < 600) as page:
        page.goto(graph_site.variant_url("zh-Hant-TW", "themes/"))
        page.wait_for_selector("table.zd-matrix tbody th a")
        rows = page.evaluate(MATRIX_ROWS_JS)
    assert len(rows) == 2, rows
    assert all(abs(row["off"]) <= 1 for row in rows), rows


@pytest.fixture(scope="module")
def graph_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    themes = (
        "themes:\n  server:\n    name: 服务器\n    description: 服务器的事\n    phrases: [服务器]\n"
        "  notes:\n    name: 第一篇\n    description: 第一篇的事\n    phrases: [第 1 篇]\n"
    )
    with serve_themed(tmp_path_factory.mktemp("matrix"), ["甲", "乙"], themes) as site:
        yield site


def test_emphasis_dots_stay_under_where_the_engine_knows_only_over_and_under(emphasised: ServedSite) -> None:
    """Chromium before 62 (Android WebViews and in-app browsers built on it) reads ``-webkit-text-emphasis-position``
    as ``over | under`` only: it dropped ``under right`` and drew the dots over the characters, into the line above.
    Read from the shipped stylesheet as such an engine reads it (the last declaration it can parse wins), the run's
    position is ``under``; an engine that knows ``right`` takes ``under right`` (Chromium, checked above)."""
    css = emphasised.build.page("assets/zhudu/zhudu.css")
    rules = re.findall(r"\.md-typeset zd-h\{([^}]*)\}", css)
    declared = [
        value.strip()
        for rule in rules
        for name, value in re.findall(
            r"(-webkit-text-emphasis-position|text-emphasis-position):([^;]+)", rule
        )
        if name.startswith("-webkit-")
    ]
    old_engine = [value for value in declared if value in ("over", "under")]
    assert old_engine and old_engine[-1] == "under", declared
    assert declared[-1] == "under right", declared


# --------------------------------------------------------------------------- the offer to continue reading

#: The continue-reading box's words and buttons: each one's top and left.
RESUME_JS = """() => Object.fromEntries(['zd-resume__text', 'zd-resume__go', 'zd-resume__dismiss'].map(name => {
  const r = document.querySelector('.' + name).getBoundingClientRect();
  return [name.split('__')[1], {top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left)}];
}))"""


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_the_continue_reading_buttons_stand_together(
    emphasised: ServedSite, kept_pages: Any, width: int
) -> None:
    """Back on a note read halfway, a box offers 继续阅读 and 从头读.  On a phone the words and the first button
    took the first line and the second button fell alone to the next, under the words: the two choices apart.
    The buttons stand side by side: under the words on a phone, beside them on a desk."""
    with kept_pages.open(
        viewport={"width": width, "height": 800}, is_mobile=width < 600, has_touch=width < 600
    ) as page:
        page.goto(emphasised.variant_url("zh-Hant-HK", "notes/e/"))
        passage = page.locator(".zd-note__body p[id^='p-']").first.get_attribute("id")
        page.evaluate("id => localStorage.setItem('zd-reading:e', JSON.stringify({passage: id}))", passage)
        page.reload()
        page.wait_for_selector(".zd-resume__dismiss")
        box = page.evaluate(RESUME_JS)
    go, dismiss, text = box["go"], box["dismiss"], box["text"]
    assert go["top"] == dismiss["top"] and go["left"] < dismiss["left"], box
    if width < 600:
        assert go["top"] >= text["bottom"] and go["left"] == text["left"], box
    else:
        assert go["top"] < text["bottom"], box
