"""Chinese typography as the browser applies it: fonts per variant, spacing, punctuation, measure."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import ServedSite, serve_built

NOTE = "---\ntitle: 排版\ndate: 2024-01-01\n---\n\n这是 Latin 与汉字混排的一段，2025年，“引号”与「括号」，。标点不被挤压。\n"
FONTS = {
    "zh-Hans": ("PingFang SC", "Noto Sans CJK SC"),
    "zh-Hant-TW": ("PingFang TC", "Noto Sans CJK TC"),
    "zh-Hant-HK": ("PingFang HK", "Noto Sans CJK HK"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve_built(tmp_path_factory.mktemp("typo"), notes={"t.md": NOTE}) as served:
        yield served


@pytest.mark.parametrize("code", list(FONTS))
def test_cjk_first_font_stack_applies_per_variant(page: Any, site: ServedSite, code: str) -> None:
    page.goto(site.variant_url(code, "notes/t/"))
    family = page.evaluate("getComputedStyle(document.querySelector('.zd-note__body p')).fontFamily")
    first, installed = FONTS[code]
    assert family.startswith(f'"{first}"'), family  # Material's own Latin stack comes after, not before
    # The glyphs really come from the regional CJK face (CDP reports the platform fonts used).
    cdp = page.devtools()
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": ".zd-note__body p"})["nodeId"]
    used = {f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}
    assert installed in used, used


def test_han_latin_spacing_is_css_only(page: Any, site: ServedSite) -> None:
    page.goto(site.variant_url("zh-Hans", "notes/t/"))
    p = ".zd-note__body p"
    assert page.evaluate(f"getComputedStyle(document.querySelector('{p}')).textAutospace") == "normal"
    # The text readers copy and search sees is unchanged: no inserted spaces.
    assert page.evaluate(f"document.querySelector('{p}').textContent").startswith(
        "这是 Latin 与汉字混排的一段，2025年"
    )
    width = """(auto) => { const s = document.createElement('span'); s.textContent = '汉A汉1汉';
        s.style.textAutospace = auto; document.querySelector('.zd-note__body p').appendChild(s);
        const w = s.getBoundingClientRect().width; s.remove(); return w; }"""
    assert page.evaluate(width, "normal") > page.evaluate(width, "no-autospace") + 4


def test_full_width_punctuation_is_not_squeezed(page: Any, site: ServedSite) -> None:
    page.goto(site.variant_url("zh-Hans", "notes/t/"))
    body = page.locator(".zd-note__body p")
    assert body.evaluate("p => getComputedStyle(p).textSpacingTrim") == "space-all"
    assert body.evaluate("p => getComputedStyle(p).lineBreak") == "strict"
    ratio = body.evaluate("""p => { const s = document.createElement('span'); s.textContent = '。「，“';
        p.appendChild(s); const r = s.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize);
        s.remove(); return r; }""")
    assert ratio > 3.9  # four full-width marks, none trimmed to half width


def test_comfortable_line_height_and_measure(page: Any, site: ServedSite) -> None:
    page.goto(site.variant_url("zh-Hant-TW", "notes/t/"))
    style = page.locator(".zd-note__body p").evaluate(
        "p => { const s = getComputedStyle(p); return [parseFloat(s.lineHeight) / parseFloat(s.fontSize), parseFloat(s.maxWidth) / parseFloat(s.fontSize)]; }"
    )
    assert 1.7 <= style[0] <= 2.0 and 30 <= style[1] <= 40
