"""Session 39's reader pass (reader9): what a reader still saw wrong, on a phone and a desk, all three variants.

Real MkDocs, Material, OpenCC and Chromium (its own fonts: Debian's Noto CJK).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import ServedSite, device_options, evaluate_in_variants, serve_built

VARIANTS = ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"]

#: Inline code joining Han and a symbol, at every place of a phone's line: 「开」 × n before it, n = 0 … 23.
CODE_LINES = "".join(
    f"{'开' * n} 打开 `文件>设置>高级` 或 `<你的 GitHub 使用者名稱>.github.io`，`变量=值`、`#标签`、`@用户` 和 `名称_后缀`。\n\n"
    for n in range(24)
)
NOTES = {
    "a.md": "---\ntitle: 甲篇\ndate: 2024-01-02\n---\n\n" + CODE_LINES,
    "s.md": "---\nlayout: post\ntitle: 简体篇\ndate: 2024-01-03\ncategories: [软件开发, 读书笔记]\n---\n\n"
    "我们读了台湾作者的一段话：\n\n> 這個軟體的設計很簡單，資料都存在雲端。\n\n"
    "这是简体的说明文字，我们继续讨论这个问题与它的设计，还有服务器的问题。\n",
    "h.md": "---\ntitle: 海克篇\ndate: 2024-01-04\nupdated: 2024-01-05\n"
    "categories: [[软件开发, 数据库, 关系型数据库的设计与实现], [生活]]\n---\n\n海克篇谈数据库。\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve_built(tmp_path_factory.mktemp("defects18"), notes=NOTES) as s:
        yield s


# --------------------------------------------------------------------------- a Han letter and a symbol in code

#: Every line break inside the paragraphs' inline code, as 「文件|>设置」, with the Han–symbol ones apart.
CODE_BREAKS_JS = """() => {
  const han = ch => /\\p{Script=Han}/u.test(ch), symbol = ch => /[#&*<=>@^_`~]/.test(ch);
  const out = {joints: [], codes: 0, breaks: 0, width: document.documentElement.scrollWidth};
  for (const code of document.querySelectorAll('.zd-note__body p > code')) {
    out.codes++;
    const chars = [];  // [character, its line's top] across the code's text nodes (zd-g inside it)
    const walk = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
        chars.push([node.data[i], Math.round(r.getBoundingClientRect().top)]);
      }
    }
    const text = chars.map(c => c[0]).join('');
    for (let i = 1; i < chars.length; i++) {
      if (chars[i][1] === chars[i - 1][1]) continue;
      out.breaks++;
      const [a, b] = [chars[i - 1][0], chars[i][0]];
      if ((han(a) && symbol(b)) || (symbol(a) && han(b))) out.joints.push(text.slice(0, i) + '|' + text.slice(i));
    }
  }
  return out;
}"""


@pytest.mark.parametrize("width", [360, 390])
def test_inline_code_keeps_a_han_letter_with_the_symbol_beside_it(
    site: ServedSite, kept_pages: Any, width: int
) -> None:
    """Chromium broke inline code on both sides of a symbol next to a Han letter under keep-all (`文件` / `>` /
    `设置`, `<你的 GitHub 使用者名稱` / `>.github.io`): it keeps only letters and digits together there.  Each such
    joint is now kept whole; the code still breaks at its spaces, and no page is wider than the window."""
    for code, found in evaluate_in_variants(
        site, kept_pages, width, "notes/a/", CODE_BREAKS_JS, VARIANTS
    ).items():
        assert found["codes"] == 24 * 6, found
        assert found["joints"] == [], (code, found["joints"][:5])
        assert found["breaks"] > 0  # the long ones still wrap (at their spaces)
        assert found["width"] <= width, (code, found["width"])


# --------------------------------------------------------------------------- a quotation in the other script


def _fonts(page: Any, selector: str) -> list[str]:
    """The fonts Chromium drew an element's text with (DevTools' platform fonts)."""
    cdp = page.devtools()
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]
    cdp.detach()
    return fonts


@pytest.mark.parametrize(
    ("code", "quote_font", "page_font"),
    [
        ("zh-Hans", "Noto Sans CJK TC", "Noto Sans CJK SC"),
        ("zh-Hant-TW", "Noto Sans CJK TC", "Noto Sans CJK TC"),
        ("zh-Hant-HK", "Noto Sans CJK HK", "Noto Sans CJK HK"),
    ],
)
def test_a_traditional_quotation_is_drawn_in_traditional_glyph_forms(
    site: ServedSite, kept_pages: Any, code: str, quote_font: str, page_font: str
) -> None:
    """A Simplified note's Traditional quotation stayed under the zh-Hans page's lang, drawn from the Simplified
    font (Simplified glyph forms for 這個軟體).  It is drawn from the Traditional one there, and in a Traditional
    variant, where the note was converted whole, from the page's own (Hong Kong's forms on the HK page)."""
    with kept_pages.open(**device_options(390)) as page:
        page.goto(site.variant_url(code, "notes/s/"))
        assert _fonts(page, ".zd-note__body blockquote p") == [quote_font]
        assert _fonts(page, ".zd-note__body > p:last-of-type") == [page_font]


# --------------------------------------------------------------------------- categories

CATEGORIES_JS = """() => [...document.querySelectorAll('.zd-meta__row, .zd-card__categories')]
  .filter(e => /分[类類]/.test(e.textContent))
  .map(e => { const r = e.getBoundingClientRect(); return {text: e.innerText.replace(/\\s+/g, ' ').trim(),
    visible: r.width > 0 && r.height > 0, right: r.right}; })"""


@pytest.mark.parametrize("width", [390, 1280])
def test_categories_are_shown_and_fit_on_a_phone(site: ServedSite, kept_pages: Any, width: int) -> None:
    """A Jekyll or Hexo author's categories were kept out of sight; they stand in the note's header and its
    card in the list, a long path wrapping inside the column, in every variant."""
    with kept_pages.open(**device_options(width)) as page:
        for code, path, shown in [
            ("zh-Hans", "notes/h/", "分类 软件开发 › 数据库 › 关系型数据库的设计与实现、生活"),
            ("zh-Hant-TW", "notes/h/", "分類 軟體開發 › 資料庫 › 關係型資料庫的設計與實現、生活"),
            ("zh-Hant-HK", "", "分類：軟件開發 › 數據庫 › 關係型數據庫的設計與實現、生活"),
        ]:
            page.goto(site.variant_url(code, path))
            found = page.evaluate(CATEGORIES_JS)
            assert shown in [f["text"] for f in found], (code, found)
            assert all(f["visible"] and f["right"] <= width for f in found), (code, found)
            assert page.evaluate("document.documentElement.scrollWidth") <= width
