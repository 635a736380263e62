"""Session 38's reader pass (reader8): defects left from session 37, phone and desktop, all three variants.

Real MkDocs, Material, OpenCC and Chromium.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import ServedSite, device_options, evaluate_in_variants, serve_built

VARIANTS = ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"]


def _png(width: int = 40, height: int = 20) -> bytes:
    """A small red PNG (an image a note shows in its line)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


#: Inline code at every place on a phone's line: 「开」 × n before it, n = 0 … 23.
CODE_LINES = "".join(
    f'{"开" * n} `print("头发")` 与 `os.path.join(项目目录, 文件名称)`，'
    f'`hexo new "我的第一篇文章"` 和 `a_very_long_function_name_without_any_break_at_all()` 返回。\n\n'
    for n in range(24)
)
NOTES: dict[str, str | bytes] = {
    "a.md": "---\ntitle: 甲篇\ndate: 2024-01-02\n---\n\n"
    "服务器的质能方程 $E=mc^2$ 与 $\\text{速度}=\\frac{距离}{\\text{时间}}$ 说明了开源软件。\n\n"
    "开源软件的图标 :material-github: 与图片 ![头发图](a.png) 在椰子旁。\n\n"
    "开源的分隔 ![](a.png) 线。\n\n" + CODE_LINES,
    "a.png": _png(),
    "b.md": "---\ntitle: 乙篇\ndate: 2024-01-01\n---\n\n乙篇也谈开源。\n",
}
THEMES = "themes:\n  open:\n    name: 开源\n    description: 开源的事\n    phrases: [开源]\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve_built(
        tmp_path_factory.mktemp("defects17"), notes=NOTES, editorial={"themes.yml": THEMES}
    ) as s:
        yield s


# --------------------------------------------------------------------------- a theme's marks

#: Each mark of a theme page's quotes: its bar's colour, width and style, the mark's background and text colour,
#: and the page's background behind it (rgba lists), and the page's scheme.
MARKS_JS = """() => {
  const rgba = s => { const m = s.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const behind = el => { for (let n = el.parentElement; n; n = n.parentElement) {
    const c = rgba(getComputedStyle(n).backgroundColor); if (c[3] > 0) return c; } return [255, 255, 255, 1]; };
  return {
    scheme: document.body.getAttribute('data-md-color-scheme'),
    marks: [...document.querySelectorAll('.zd-parallel__passages blockquote mark')].map(m => {
      const s = getComputedStyle(m);
      return {bar: rgba(s.borderBottomColor), width: parseFloat(s.borderBottomWidth), style: s.borderBottomStyle,
              background: rgba(s.backgroundColor), text: rgba(s.color), page: behind(m)};
    }),
  };
}"""


def _over(top: list[float], bottom: list[float]) -> list[float]:
    alpha = top[3]
    return [top[i] * alpha + bottom[i] * (1 - alpha) for i in range(3)] + [1.0]


def _contrast(a: list[float], b: list[float]) -> float:
    def luminance(c: list[float]) -> float:
        def f(v: float) -> float:
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2])

    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_a_themes_marks_stand_out_from_the_page(
    site: ServedSite, kept_pages: Any, width: int, scheme: str
) -> None:
    """A theme's page marks the theme's phrase in every quote; the mark was a tint 1.1:1 from the page in both
    schemes, hard to see.  Now a bar under it stands 3:1 or more from the page and from the tint (WCAG 1.4.11),
    and the text in the mark keeps 4.5:1 (1.4.3), in both schemes Material offers, on a phone and a desk."""
    with kept_pages.open(**device_options(width, scheme)) as page:
        for code in VARIANTS:
            page.goto(site.variant_url(code, "themes/open/"))
            found = page.evaluate(MARKS_JS)
            assert found["scheme"] == ("slate" if scheme == "dark" else "default"), found["scheme"]
            assert len(found["marks"]) >= 3, code
            for mark in found["marks"]:
                page_bg = _over(mark["page"], [255, 255, 255, 1])
                tint = _over(mark["background"], page_bg)
                bar = _over(mark["bar"], tint)
                assert mark["style"] == "solid" and mark["width"] >= 2, (code, mark)
                assert _contrast(bar, page_bg) >= 3 and _contrast(bar, tint) >= 3, (code, mark)
                assert _contrast(_over(mark["text"], tint), tint) >= 4.5, (code, mark)


# --------------------------------------------------------------------------- inline code on a phone

#: Where the note's inline code breaks: each break between two Han letters, each inside a Latin word that fits
#: a line, each glyph past the column's end, and the page's width against the window's.
CODE_BREAKS_JS = """() => {
  const column = document.querySelector('.zd-note__body').getBoundingClientRect();
  const han = ch => /\\p{Script=Han}/u.test(ch), latin = ch => /[A-Za-z0-9_]/.test(ch);
  const out = {han: [], latin: [], past: [], codes: 0, width: document.documentElement.scrollWidth};
  for (const code of document.querySelectorAll('.zd-note__body p > code')) {
    const node = code.firstChild, s = node.data, tops = [];
    out.codes++;
    for (let i = 0; i < s.length; i++) {
      const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
      const box = r.getBoundingClientRect();
      tops.push(Math.round(box.top));
      if (box.right > column.right + 0.5) out.past.push(s);
    }
    for (let i = 1; i < s.length; i++) {
      if (tops[i] === tops[i - 1]) continue;
      const cut = s.slice(0, i) + '|' + s.slice(i);
      if (han(s[i - 1]) && han(s[i])) out.han.push(cut);
      if (latin(s[i - 1]) && latin(s[i]) && s.length < 30) out.latin.push(cut);
    }
  }
  return out;
}"""


@pytest.mark.parametrize("width", [360, 390])
def test_inline_code_breaks_where_its_words_do_on_a_phone(
    site: ServedSite, kept_pages: Any, width: int
) -> None:
    """Inline code broke between any two Han letters on a phone (`print("头` / `发")`, `设置` / `文件`: one word
    read as two).  It breaks at its spaces and such, a Latin word whole; one wider than the column still wraps
    (no glyph past the column, no page wider than the window)."""
    for code, found in evaluate_in_variants(
        site, kept_pages, width, "notes/a/", CODE_BREAKS_JS, VARIANTS
    ).items():
        assert found["codes"] >= 96, found
        assert (found["han"], found["latin"], found["past"]) == ([], [], []), (code, found)
        assert found["width"] <= width, (code, found["width"])


# --------------------------------------------------------------------------- what a quote shows


def _quotes(site: ServedSite, code: str) -> list[str]:
    theme = site.build.page(f"{code}/themes/open/index.html")
    return re.findall(r"<blockquote>(.*?)</blockquote>", theme, re.S)


@pytest.mark.parametrize(
    ("code", "mtexts", "mi"),
    [
        ("zh-Hans", ["速度", "时间"], "<mi>离</mi>"),
        ("zh-Hant-TW", ["速度", "時間"], "<mi>離</mi>"),
        ("zh-Hant-HK", ["速度", "時間"], "<mi>離</mi>"),
    ],
)
def test_a_quoted_formula_is_typeset_and_converted_as_in_its_note(
    site: ServedSite, code: str, mtexts: list[str], mi: str
) -> None:
    """A formula in a quoted passage was shown as its TeX in code, and so as written: 「\\text{速度}=\\frac{距离}
    {\\text{时间}}」 in the Traditional variants too, where the note itself shows 距離 and 時間.  The quote shows
    the formula as the note does, its text converted like the words, its TeX kept as written in ``alttext``."""
    quote = next(q for q in _quotes(site, code) if "<math" in q or "mc^2" in q)
    note = site.build.page(f"{code}/notes/a/index.html")
    formulas = re.findall(r"<math\b.*?</math>", quote, re.S)
    assert len(formulas) == 2, quote
    assert formulas == re.findall(r"<math\b.*?</math>", note, re.S)[:2]  # as in the note
    assert re.findall(r"<mtext>(.*?)</mtext>", formulas[1]) == mtexts and mi in formulas[1]
    assert 'alttext="\\text{速度}=\\frac{距离}{\\text{时间}}"' in formulas[1]
    assert "<code>" not in quote


@pytest.mark.parametrize(
    ("code", "quoted"),
    [
        ("zh-Hans", "<mark>开源</mark>软件的图标 与图片 〔图：头发图〕 在椰子旁。"),
        ("zh-Hant-TW", "<mark>開源</mark>軟體的圖示 與圖片 〔圖：頭髮圖〕 在椰子旁。"),
        ("zh-Hant-HK", "<mark>開源</mark>軟件的圖標 與圖片 〔圖：頭髮圖〕 在椰子旁。"),
    ],
)
def test_a_quoted_image_says_its_alternative_text(site: ServedSite, code: str, quoted: str) -> None:
    """An image in a quoted passage was left out (「与图片 在椰子旁」): the quote says what the page says to a reader
    who does not see it, its alternative text, set off as an editor's insertion (〔图：…〕); an icon, or an image
    whose alternative text is empty (decorative), says nothing there, and nothing in the quote either.  The passage's anchor is the one it had (made from its text, without it)."""
    quotes = _quotes(site, code)
    assert quoted in quotes, quotes
    assert any(
        re.fullmatch("<mark>開源</mark>的分隔 線。|<mark>开源</mark>的分隔 线。", q) for q in quotes
    ), quotes
    note = site.build.page(f"{code}/notes/a/index.html")
    assert '<p id="p-97cf1725" class="zd-has-tm">' in note  # the anchor as before
