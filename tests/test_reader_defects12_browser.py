"""Session 33's fresh-eyes review on a phone: a line that started with a middle dot, a printed link that repeated
its own address, a name the Traditional variants misspelt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, ServedSite, serve_built
from zhudu.script.convert import DEFAULT_VARIANTS, Converter, load_rules

#: Screenshots for a reviewer's look.
SHOTS = Path("/tmp/zd-reader-shots")
SHOTS.mkdir(exist_ok=True)

NAMES = ["迈克尔·贝瑞", "萨姆·奥特曼", "埃隆·马斯克", "唐纳德·赫布", "马克·扎克伯格", "杰夫·贝索斯"]
DOTS_NOTE = (
    "---\ntitle: 人名\ndate: 2024-03-01\n---\n\n"
    + "".join(f"{'又' * (n % 7)}{name}这样说过一句话，" for n in range(5) for name in NAMES)
    + "\n\n"
    + "\n\n".join(["外链：https://b23.tv/b25GTGl", "再看[维基百科](https://zh.wikipedia.org/wiki/Hebb)。"])
    + "\n\n## 赫布理论\n\n"
    # Printed: an address copied from a browser's bar (%-escaped), a place on this page, a footnote's number.
    + "见[中文维基](https://zh.wikipedia.org/wiki/%E8%B5%AB%E5%B8%83%E7%90%86%E8%AE%BA)和[本节开头](#赫布理论)的说法[^1]。\n\n"
    + "[^1]: 一九四九年的书。\n"
)

#: A folder of notes without dates (the Hexo documentation's are so): its section page.
UNDATED_FOLDER = {
    f"hebb/{name}.md": f"---\ntitle: {title}\n---\n\n{title}的笔记。\n"
    for name, title in [("a", "甲"), ("b", "乙")]
}

#: An editor's note on the note: printed, the page then has endnotes (reading.js's fuller print path).
DOTS_ANNOTATION = """- id: dots-book
  note: dots
  kind: context
  quote:
    exact: 一九四九年的书
  body: 即《行为的组织》。
"""


@pytest.fixture(scope="module")
def dots_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    # The editor's rules for these names (Taiwan's 麥可·貝瑞): a wrapper must not keep them from applying.
    conversion = (REPO / "docs" / "editorial" / "conversion.yml").read_text(encoding="utf-8")
    with serve_built(
        tmp_path_factory.mktemp("dots"),
        notes={"dots.md": DOTS_NOTE, **UNDATED_FOLDER},
        editorial={"conversion.yml": conversion, "annotations.yml": DOTS_ANNOTATION},
    ) as site:
        yield site


#: Each "·" that follows a character: whether it starts a line (it sits below that character).
DOT_STARTS_LINE_JS = r"""() => {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('.zd-note__body'), NodeFilter.SHOW_TEXT);
  let prev = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (let i = 0; i < n.data.length; i++) {
      if (n.data[i] !== '\u00b7') continue;
      const [pn, pi] = i ? [n, i - 1] : [prev, prev ? prev.data.length - 1 : -1];
      if (pi < 0) continue;
      const before = document.createRange(), dot = document.createRange();
      before.setStart(pn, pi); before.setEnd(pn, pi + 1); dot.setStart(n, i); dot.setEnd(n, i + 1);
      out.push(dot.getBoundingClientRect().top > before.getBoundingClientRect().bottom - 2);
    }
    if (n.data) prev = n;
  }
  return out;
}"""


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_no_phone_line_starts_with_a_middle_dot(dots_site: ServedSite, kept_pages: Any, variant: str) -> None:
    """U+00B7 is no nonstarter to browsers: at 360 px "迈克尔·贝瑞" broke into "迈克尔" and a line starting "·贝瑞"
    (the shipped note, and the glossary).  The dot stays with the character before it at every phone width now."""
    with kept_pages.open(viewport={"width": 320, "height": 740}, is_mobile=True, has_touch=True) as page:
        page.goto(dots_site.variant_url(variant, "notes/dots/"))
        page.wait_for_selector(".zd-note__body p")
        starts = 0
        for width in range(320, 416, 2):
            page.set_viewport_size({"width": width, "height": 740})
            page.wait_for_function("w => document.documentElement.clientWidth === w", arg=width)
            dots = page.evaluate(DOT_STARTS_LINE_JS)
            assert len(dots) == 5 * len(NAMES), dots
            starts += sum(dots)
        page.set_viewport_size({"width": 360, "height": 740})
        page.screenshot(path=str(SHOTS / f"middle-dots-{variant}.png"))
        assert starts == 0
        if variant == "zh-Hant-TW":  # the names' conversion rules still see the whole name
            assert "麥可·貝瑞" in page.text_content(".zd-note__body")


def test_a_link_showing_its_address_prints_it_once(dots_site: ServedSite, page: Any) -> None:
    """Printed, every external link is followed by its address: a bare URL (its text is its address) printed it
    twice, "https://b23.tv/b25GTGl (https://b23.tv/b25GTGl)".  Only a link with other text prints it now."""
    page.goto(dots_site.variant_url("zh-Hans", "notes/dots/"))
    page.wait_for_selector(".zd-note__body a[rel~=noreferrer]")
    page.emulate_media(media="print")
    page.wait_for_selector(".zd-note__body a.zd-address", state="attached")
    after = {
        a.text_content(): a.evaluate("a => getComputedStyle(a, '::after').content")
        for a in page.locator(".zd-note__body a[rel~=noreferrer]").all()
    }
    page.screenshot(path=str(SHOTS / "print-addresses.png"))
    assert after["https://b23.tv/b25GTGl"] == "none", after
    assert "https://zh.wikipedia.org/wiki/Hebb" in after["维基百科"], after


def test_printed_addresses_read_as_written_and_links_on_the_page_print_none(
    dots_site: ServedSite, page: Any
) -> None:
    """Printed, an address was its %-escapes (「中文维基 (https://zh.wikipedia.org/wiki/%E8%B5%AB…)」: nothing a reader
    can read off paper or type), and a link to a place on the page, a footnote's number among them, printed the
    page's whole address after it (Material makes every href absolute, so reading.js's test for "#…" never held).
    Now the address is printed as written, and a place on the same sheets has none."""
    page.goto(dots_site.variant_url("zh-Hant-TW", "notes/dots/"))
    page.wait_for_selector(".zd-note__body a.footnote-ref")
    page.emulate_media(media="print")
    page.wait_for_selector(".zd-note__body a.zd-address", state="attached")  # reading.js has read the links
    after = {
        a.text_content(): a.evaluate("a => getComputedStyle(a, '::after').content")
        for a in page.locator(".zd-note__body a[href]").all()
    }
    page.screenshot(path=str(SHOTS / "print-readable-addresses.png"), full_page=True)
    printed = (after["中文維基"], after["本節開頭"], after["1"])
    assert printed == ('" (https://zh.wikipedia.org/wiki/赫布理论)"', "none", "none"), after
    assert page.locator(".zd-endnotes").count() == 1  # the editor's note's endnote: the fuller print path


@pytest.mark.parametrize(
    ("variant", "said"), [("zh-Hans", "都没有日期，按文件名排列"), ("zh-Hant-TW", "都沒有日期，按檔名排列")]
)
def test_a_section_of_undated_notes_does_not_claim_newest_first(
    dots_site: ServedSite, page: Any, variant: str, said: str
) -> None:
    """A section page said "2 篇笔记，最新的在前" of notes without dates (the Hexo documentation's 45 per folder),
    listed by file name: a claim the reader sees is false.  It says how they are ordered now."""
    page.goto(dots_site.variant_url(variant, "sections/hebb/"))
    text = page.locator(".md-content article").inner_text()
    assert said in text and "最新的在前" not in text, text


def test_hebb_is_spelt_right_in_both_traditional_variants() -> None:
    """The glossary's Hebbian entry: "唐纳德·赫布于 1949 年" read 赫佈於 (OpenCC's 布于 → 佈於) in Taiwan and Hong Kong."""
    variants = {v.code: v for v in DEFAULT_VARIANTS}
    rules = load_rules(REPO / "docs" / "editorial" / "conversion.yml", known_variants=variants)
    glossary = (REPO / "docs" / "editorial" / "glossary.yml").read_text(encoding="utf-8")
    assert "唐纳德·赫布于" in glossary
    for code in ("zh-Hant-TW", "zh-Hant-HK"):
        text = Converter(variants[code], rules).text("心理学家唐纳德·赫布于 1949 年提出")
        assert "唐納德·赫布於 1949" in text, (code, text)


#: Whether Material's "back to top" button is up (Material's own state) and whether a reader sees it.
TOP_JS = """() => { const top = document.querySelector('.md-top');
  return {up: !top.hidden, seen: !top.hidden && getComputedStyle(top).visibility === 'visible'}; }"""


def test_arriving_at_a_glossary_term_the_back_to_top_button_stays_down(
    real_site: ServedSite, kept_pages: Any
) -> None:
    """On a phone, a term's link (the glossary card's 「查看术语表条目」) opens the glossary at the term, which the page
    keeps in place while the entries above it are laid out, scrolling up: Material took that for the reader
    scrolling up and put its 「回到顶部」 button over the term's heading.  It stays out of sight until the reader
    scrolls, then Material's own rule applies again.

    Whether the layout moves the term up on arrival depends on how fast the browser draws, so the test makes that
    correction itself: a tap (which ends the page's hold without counting as scrolling) and then the page scrolled
    up by script, as the hold does.  Material then raises its button every time."""
    with kept_pages.open(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True) as page:
        page.goto(real_site.variant_url("zh-Hant-TW", "glossary/#脑体分工"))
        page.wait_for_function(
            "() => document.documentElement.classList.contains('zd-arrived') && scrollY > 400"
        )
        page.evaluate("() => window.dispatchEvent(new Event('pointerdown'))")  # a tap: the hold ends
        page.evaluate("() => window.scrollBy(0, -120)")  # the correction a late layout makes
        page.wait_for_function(
            "() => !document.querySelector('.md-top').hidden"
        )  # Material saw an upward scroll
        page.screenshot(path=str(SHOTS / "glossary-arrival.png"))
        assert page.evaluate(TOP_JS) == {"up": True, "seen": False}
        page.mouse.wheel(0, -300)  # the reader scrolls up: Material's button is there for them
        page.wait_for_function(f"() => ({TOP_JS})().seen")
