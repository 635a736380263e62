"""Session 31's review of what it merged: defects found, each a strict xfail until it is mended.

Each test fails on main as merged (a73cf7f6) and passes once the defect it names is mended; the
reproductions and figures are in ``bench/RESULTS.md``, "Session 31 — mendreview".
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import ServedSite, serve_built
from zhudu.notes.summary import summary_of
from zhudu.script.domain import software_score

HEAD = "---\ntitle: {title}\ndate: 2024-01-01\n---\n\n"
PROSE = "这是一篇正常的中文笔记，用来确认其它笔记照常构建。我们在西湖边散步，看见很多人在拍照。\n"


def _cpu_seconds(work: Any, *args: Any) -> float:
    start = time.process_time()
    work(*args)
    return time.process_time() - start


@pytest.mark.parametrize(
    "markdown",
    [PROSE + "```a\n" * 15_000, PROSE + "|" * 100_000 + "\n正文继续。\n"],
    ids=["unclosed-fences", "line-of-pipes"],
)
def test_a_note_of_unclosed_openers_is_summarised_in_linear_time(markdown: str):
    """``summary.py``'s ``_FENCED_CODE_RE`` looks for each opener's closing fence to the note's end: 15,000
    lines of "```a" (75 KB, a 30th of the 2 MiB a note may be) took ~7 s of CPU (base: none), 40,000 ~45 s
    of a whole build; at the note limit it would be over an hour.  ``_TABLE_RE`` backtracks over every
    "|" of a line no delimiter row follows: a line of 200,000 took a whole build from 1.1 to 13.5 s.
    A linear pass takes milliseconds, about what a plain note of the same size takes (measured beside it, the
    fastest of three each: a worker's load slows both alike; an absolute budget failed under a loaded suite)."""
    plain = (PROSE + "\n") * (len(markdown) // (len(PROSE) + 1) + 1)
    hostile = min(_cpu_seconds(summary_of, markdown, 120) for _ in range(3))
    baseline = min(_cpu_seconds(summary_of, plain, 120) for _ in range(3))
    assert hostile < 4 * baseline + 0.02, (hostile, baseline)


@pytest.mark.parametrize("opener", ["{{", "{%", "[[", "](", "a", "a1"])
def test_a_line_of_unclosed_markup_is_scored_in_linear_time(opener: str):
    """``domain.py``'s ``_MARKUP_RE`` (``\\{\\{.*?\\}\\}``, ``\\{%.*?%\\}``, ``!?\\[\\[[^\\]\\n]*\\]\\]``,
    ``\\]\\([^)\\n]*\\)``) scans to the line's end from each opener nothing closes: quadratic in a line's
    length (40,000 "{{", 80 KB: 3.6 s of CPU; a 2 MiB line, hours).  ``_CODE_RE`` read a run of letters again from
    each letter (session 45: a note's 40 KB ``[@aaa…`` line, 14 s of CPU)."""
    text = "中文" * 100 + opener * 30_000
    assert _cpu_seconds(software_score, text) < 0.3


#: A note whose every anchor the other note links to is an id on its page.
TARGET = (
    HEAD.format(title="目标笔记")
    + PROSE
    + """
## 小结

第一个小结。

## 小结

第二个小结（id 小结_1）。

## 安装步骤 {#install}

安装说明。

设置方法
--------

设置说明（Setext 标题）。

<h2 id="raw-html">原始标题</h2>

正文。

```html
<h2 id="in-code">代码里的标题</h2>
```
"""
)
SOURCE = (
    HEAD.format(title="来源笔记")
    + PROSE
    + "\n链接一 [[目标笔记#小结_1]]，链接二 [[目标笔记#install]]，链接三 [[目标笔记#设置方法]]，链接四 [[目标笔记#raw-html]]，链接五 [[目标笔记#in-code]]。\n"
)


def test_links_to_ids_the_target_page_has_build_strictly_without_a_warning(site_builder):
    """The missing-heading warning (``resolve._anchor``) fires for a second heading of the same text
    (``小结_1``), an ``attr_list`` id, a Setext heading and an HTML heading's id: each is an id on the
    target's page and the link lands on it, yet the warning says the link opens the note at its top,
    and ``mkdocs build --strict``, which passed on 651c866f, aborts.  An id written in code is not one."""
    result = site_builder(notes={"a.md": SOURCE, "b.md": TARGET}, strict=False)
    page = result.page("zh-Hans/notes/b/index.html")
    assert all(f'id="{anchor}"' in page for anchor in ("小结_1", "install", "设置方法", "raw-html"))
    missing = [w for w in result.warnings if "has no heading" in w]
    assert len(missing) == 1 and "'in-code'" in missing[0]  # an id in code is not the page's


#: Footnote marks after a long emphasis and after inline code, in a paragraph long enough to wrap.
FOOTNOTES = (
    HEAD.format(title="脚注")
    + "\n\n".join(
        [
            "这是正文的第一句话，我们在这里测试脚注的位置，这里有一个**比较长的强调句子超过八个字符**[^1]然后继续写，还有`some_code_here`[^2]。"
        ]
        * 3
    )
    + "\n\n[^1]: 一\n[^2]: 二\n"
)

#: Article widths (px) at which a footnote mark starts a line, its previous character ending the one above.
MARK_STARTS_LINE_JS = """([from, to]) => {
  const art = document.querySelector('article'), found = [];
  for (let w = from; w < to; w++) {
    art.style.width = w + 'px';
    art.style.maxWidth = w + 'px';
    for (const sup of art.querySelectorAll('sup[id^="fnref"]')) {
      const walker = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
      let prev = null, n;
      while ((n = walker.nextNode()) && !(sup.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING)) {
        if (!sup.contains(n) && n.data.trim()) prev = n;
      }
      const end = prev.data.trimEnd().length, range = document.createRange();
      range.setStart(prev, end - 1);
      range.setEnd(prev, end);
      if (sup.getBoundingClientRect().top > range.getBoundingClientRect().bottom - 2) found.push(sup.id + '@' + w);
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def footnotes_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The footnote note, built once for both variants read."""
    with serve_built(tmp_path_factory.mktemp("footnotes"), notes={"a.md": FOOTNOTES}) as site:
        yield site


@pytest.mark.browser
@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant-TW"])
def test_a_footnote_mark_never_starts_a_line(footnotes_site: ServedSite, kept_pages: Any, code: str):
    """Session 31's mend ("footnote marks stay on the line of the word they mark") glues a mark to the
    character before it, or to an element of at most 8 characters; after a longer emphasis or after
    inline code (``</strong><sup>``, ``</code><sup>``) nothing holds it, and at some widths the mark
    opens a line alone (144 px and 140 px on this note)."""
    with kept_pages.open(viewport={"width": 500, "height": 800}) as page:
        page.goto(footnotes_site.variant_url(code, "notes/a/"))
        page.wait_for_selector('sup[id^="fnref"]')
        assert page.evaluate(MARK_STARTS_LINE_JS, [130, 480]) == []


def test_a_footnote_mark_leaves_the_word_before_it_whole_in_every_variant(site_builder):
    """Session 31's glue moved the character before a footnote mark into the mark's wrapper, so
    the conversion saw "头" and "发" apart: 头发[^1] read 頭發 in Taiwan and Hong Kong.  The mark is
    joined to the text by zhudu.css now; the text is one piece, as written."""
    note = HEAD.format(title="头发") + "\n我们去理发店剪了头发[^1]，很短。\n\n[^1]: 一\n"
    result = site_builder(notes={"a.md": note})
    for code, word in (("zh-Hans", "头发"), ("zh-Hant-TW", "頭髮"), ("zh-Hant-HK", "頭髮")):
        page = result.page(f"{code}/notes/a/index.html")
        assert f'剪了{word}<span class="zd-nobr"><sup id="fnref:1">' in page
