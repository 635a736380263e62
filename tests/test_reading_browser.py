"""The reading experience in a real browser: permalinks, quote links, previews, resume, print.

A small site of three notes is built and served for this module: ``long`` (many
paragraphs, links to ``short`` and to one of its own passages, an endnote source),
``short`` and a Traditional note.  Clipboard tests use a fresh context with clipboard
permissions; touch behaviour uses a touch-only phone context.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from conftest import ServedSite, goto_for_instant_navigation, serve_built

PARAS = [
    f"第{i}段：分布式制造让每个社区都能就地生产，原料通过管道送达，组装交给居民自己完成。"
    + "这是一段为了让笔记足够长而写的文字。" * 3
    for i in range(1, 31)
]
REPEATED = "同样的一句话"
LONG = "\n\n".join(
    [
        "---\ntitle: 长笔记\ndate: 2024-01-02 10:00:00 +0800\nupdated: 2024-02-03 11:00:00 +0800\n---",
        "开头一段，说明这篇笔记讲什么：[另一篇短笔记](short.md) 与 [下文的第二十段](#ANCHOR20)。",
        *PARAS[:10],
        f"{REPEATED}出现在这里，物联网体系-哔哩哔哩。",
        *PARAS[10:20],
        f"{REPEATED}又出现在这里。",
        '这一段带一条编者注<span class="zd-endnote-source" data-zd-text="编者">这是编者的说明文字。</span>，打印时在文末。',
        "外部链接：[维基百科](https://zh.wikipedia.org/wiki/物联网)。",
        *PARAS[20:],
        "最后一段。",
    ]
)
SHORT = (
    "---\ntitle: 短笔记\ndate: 2023-05-06\n---\n\n短笔记的第一段，讲的是预览里应出现的文字。\n\n第二段。\n"
)
HANT = "---\ntitle: 繁體筆記\ndate: 2023-07-08\n---\n\n這是一篇用繁體字寫的筆記，裡面有 Latin 文字與 2025 年的數字。\n\n第二段，說明「標點」不被擠壓。\n"


def anchor(text: str) -> str:
    """The passage anchor of a Simplified passage (passages.anchor_for with the identity fold)."""
    return "p-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    root = tmp_path_factory.mktemp("reading")
    long_note = LONG.replace("ANCHOR20", anchor(PARAS[19]))
    with serve_built(root, notes={"long.md": long_note, "short.md": SHORT, "hant.md": HANT}) as served:
        yield served


def open_note(
    page: Any, site: ServedSite, slug: str = "long", code: str = "zh-Hans", hash_: str = ""
) -> None:
    page.goto(site.variant_url(code, f"notes/{slug}/") + hash_)
    page.wait_for_function("document.querySelectorAll('a.zd-permalink').length > 0")


@pytest.fixture
def clip_page(kept_pages: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A page as new in a context allowed to read and write the clipboard (the file's kept one)."""
    options = {"viewport": {"width": 1280, "height": 900}, "locale": "zh-CN"}
    for page in kept_pages.lend(
        request.session, **options, permissions=["clipboard-read", "clipboard-write"]
    ):
        errors: list[str] = []
        page.on("pageerror", lambda e, into=errors: into.append(str(e)))
        page.errors = errors
        yield page


def clipboard(page: Any) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def select_text(
    page: Any, passage_id: str, text: str, end_id: str | None = None, end_text: str | None = None
) -> None:
    """Select ``text`` inside a passage (or from it to ``end_text`` in ``end_id``) like a reader would."""
    page.evaluate(
        """([id, text, endId, endText]) => {
          function point(root, needle, atEnd) {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const i = n.data.indexOf(needle);
              if (i >= 0) return [n, atEnd ? i + needle.length : i];
            }
            throw new Error("not found: " + needle);
          }
          const start = point(document.getElementById(id), text, false);
          const end = endId ? point(document.getElementById(endId), endText, true) : point(document.getElementById(id), text, true);
          const range = document.createRange();
          range.setStart(...start);
          range.setEnd(...end);
          document.getElementById(id).scrollIntoView({block: "center"});
          const sel = getSelection();
          sel.removeAllRanges();
          sel.addRange(range);
        }""",
        [passage_id, text, end_id, end_text],
    )
    page.wait_for_selector(".zd-quotebar:not([hidden])")


#: Every message the page's toast shows, recorded as it is shown (the toast clears itself after 2.5 s: a wait or a
#: read that came later, on a loaded machine, saw nothing); how many so far.
TOASTS_JS = """() => {
  if (!window.__zdToasts) {
    window.__zdToasts = [];
    new MutationObserver(() => {
      const toast = document.querySelector('.zd-toast');
      if (toast && toast.textContent) window.__zdToasts.push(toast.textContent);
    }).observe(document.body, {subtree: true, childList: true, characterData: true});
  }
  return window.__zdToasts.length;
}"""


def toasted(page: Any, control: str) -> str:
    """Click ``control``; the message the toast showed for it."""
    before = page.evaluate(TOASTS_JS)
    page.click(control)
    page.wait_for_function("n => window.__zdToasts.length > n", arg=before)
    return str(page.evaluate("window.__zdToasts.at(-1)"))


def copied_quote(page: Any) -> str:
    toasted(page, ".zd-quotebar__quote")
    return clipboard(page)


def lands_on(kept_pages: Any, url: str, passage_id: str) -> bool:
    """Whether opening ``url`` in a new tab (a page as new) shows the passage (well below the page top) in view."""
    with kept_pages.open(viewport={"width": 1280, "height": 900}) as page:
        page.goto(url)
        in_view = (
            f"() => {{ const top = document.getElementById('{passage_id}').getBoundingClientRect().top;"
            " return scrollY > 300 && 0 <= top && top < 900; }"
        )
        try:  # a condition, not a fixed pause: a loaded machine scrolls late, not wrongly
            page.wait_for_function(in_view)  # Playwright's 30 s: a bound for a stall, not a speed test
        except PlaywrightTimeoutError:
            return False
        return True


# --------------------------------------------------------------------------- permalinks


def test_permalink_shows_on_hover_and_copies_the_passage_link(clip_page: Any, site: ServedSite) -> None:
    open_note(clip_page, site)
    target = anchor(PARAS[14])
    link = clip_page.locator(f'a.zd-permalink[data-zd-for="{target}"]')
    assert link.evaluate("a => getComputedStyle(a).opacity") == "0"
    clip_page.hover(f"#{target}")
    clip_page.wait_for_function(
        f"""getComputedStyle(document.querySelector('a.zd-permalink[data-zd-for="{target}"]')).opacity === "1" """
    )
    said = toasted(clip_page, f'a.zd-permalink[data-zd-for="{target}"]')
    expected = site.variant_url("zh-Hans", "notes/long/") + "#" + target
    assert clipboard(clip_page) == expected
    assert clip_page.evaluate("location.hash") == "#" + target
    assert clip_page.locator(".zd-toast").get_attribute("role") == "status" and said == "链接已复制"
    # The control has a name for screen readers and adds nothing to the text readers copy.
    assert link.get_attribute("aria-label") == "复制本段链接"
    assert clip_page.evaluate(f"document.getElementById('{target}').textContent") == PARAS[14]
    assert not clip_page.errors


def test_permalink_appears_on_keyboard_focus(page: Any, site: ServedSite) -> None:
    open_note(page, site)
    page.focus(".zd-note__body a[href*='short/']")
    for _ in range(5):  # Tab on from the note's first link until a passage control has focus
        page.keyboard.press("Tab")
        if "zd-permalink" in page.evaluate("document.activeElement.className"):
            break
    assert "zd-permalink" in page.evaluate("document.activeElement.className")
    page.wait_for_function("getComputedStyle(document.activeElement).opacity === '1'")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"


def test_permalinks_in_traditional_use_the_same_anchors(page: Any, site: ServedSite) -> None:
    open_note(page, site, code="zh-Hant-TW")
    ids = page.eval_on_selector_all("a.zd-permalink", "as => as.map(a => a.dataset.zdFor)")
    assert anchor(PARAS[0]) in ids
    assert page.locator("a.zd-permalink").first.get_attribute("aria-label") == "複製本段連結"


# --------------------------------------------------------------------------- quote links


def test_quote_link_is_a_text_fragment_that_finds_the_quote(
    clip_page: Any, kept_pages: Any, site: ServedSite
) -> None:
    open_note(clip_page, site)
    target = anchor(PARAS[24])
    # A selection starting and ending inside words: it is widened to word boundaries.
    select_text(clip_page, target, "段：分布式制造让每个社区都能就地生产，原料通过管")
    url = copied_quote(clip_page)
    base, _, directive = url.partition(":~:text=")
    assert base == site.variant_url("zh-Hans", "notes/long/") + "#" + target
    assert directive and "%" in directive and not re.search(r"[\u4e00-\u9fff]", directive)
    # Long enough to be unique on its own? No — every paragraph repeats the sentence: context is added.
    assert "-," in directive or ",-" in directive
    # The text fragment alone (no passage anchor) finds that very passage.
    assert lands_on(kept_pages, site.variant_url("zh-Hans", "notes/long/") + "#:~:text=" + directive, target)
    assert lands_on(kept_pages, url, target)


def test_short_ambiguous_quote_gets_prefix_and_suffix(
    clip_page: Any, kept_pages: Any, site: ServedSite
) -> None:
    open_note(clip_page, site)
    second = anchor(f"{REPEATED}又出现在这里。")
    select_text(clip_page, second, REPEATED)
    url = copied_quote(clip_page)
    directive = url.split(":~:text=")[1]
    assert directive.count(",") >= 1 and ("-," in directive or ",-" in directive)
    only = site.variant_url("zh-Hans", "notes/long/") + "#:~:text=" + directive
    assert lands_on(kept_pages, only, second)


def test_quote_with_a_hyphen_is_encoded(clip_page: Any, kept_pages: Any, site: ServedSite) -> None:
    open_note(clip_page, site)
    passage = anchor(f"{REPEATED}出现在这里，物联网体系-哔哩哔哩。")
    select_text(clip_page, passage, "物联网体系-哔哩哔哩")
    directive = copied_quote(clip_page).split(":~:text=")[1]
    assert "%2D" in directive and "-" not in directive.replace("-,", "").replace(",-", "")
    assert unquote(directive.replace("-,", "|").replace(",-", "|")).count("物联网体系-哔哩哔哩") == 1


def test_quote_across_passages_uses_start_and_end(clip_page: Any, kept_pages: Any, site: ServedSite) -> None:
    open_note(clip_page, site)
    a, b = anchor(PARAS[21]), anchor(PARAS[22])
    select_text(clip_page, a, "第22段", b, "第23段：分布式制造")
    directive = copied_quote(clip_page).split(":~:text=")[1]
    start, end = directive.split(",")
    assert (unquote(start).startswith("第") and unquote(end).endswith("分布式制造")) or "制造" in unquote(end)
    assert lands_on(kept_pages, site.variant_url("zh-Hans", "notes/long/") + "#:~:text=" + directive, a)


#: The passage scrolled to where its anchor puts it (its scroll margin under the header), again until it has stayed
#: there three frames in a row (the page may still move after a scroll: a late layout); a fixed pause only hoped so.
PASSAGE_AT_TOP = """id => {
  const passage = document.getElementById(id);
  const away = passage.getBoundingClientRect().top - parseFloat(getComputedStyle(passage).scrollMarginTop);
  if (Math.abs(away) > 1) { passage.scrollIntoView(); window.__zdAtTop = 0; return false; }
  window.__zdAtTop = (window.__zdAtTop || 0) + 1;
  return window.__zdAtTop >= 3;
}"""


def test_variant_switch_keeps_the_passage(page: Any, site: ServedSite) -> None:
    open_note(page, site, hash_="#" + anchor(PARAS[2]))
    page.wait_for_function(PASSAGE_AT_TOP, arg=anchor(PARAS[17]), polling="raf")
    page.evaluate("document.querySelector('a[hreflang=\"zh-Hant-TW\"]').click()")
    page.wait_for_url(re.compile(r".*/zh-Hant-TW/notes/long/#p-[0-9a-f]{8}"))
    here = page.evaluate("location.hash")
    # The reader's place now, not the stale anchor they arrived with.
    assert here in {"#" + anchor(PARAS[16]), "#" + anchor(PARAS[17])}


# --------------------------------------------------------------------------- previews


def test_preview_on_hover_shows_title_and_first_lines(page: Any, site: ServedSite) -> None:
    open_note(page, site)
    link = page.locator('.zd-note__body a[href*="short/"]')
    link.hover()
    page.wait_for_selector(".zd-preview:not([hidden])")
    assert page.text_content(".zd-preview__title") == "短笔记"
    assert "预览里应出现的文字" in page.text_content(".zd-preview__text")
    assert link.get_attribute("aria-describedby") == "zd-preview"
    assert page.get_attribute(".zd-preview", "role") == "tooltip"
    page.mouse.move(5, 850)
    page.wait_for_selector(".zd-preview", state="hidden")
    assert link.get_attribute("aria-describedby") is None
    assert not [f for f in page.zd.failed if "127.0.0.1" in f], page.zd.failed


@pytest.mark.instant_navigation
def test_preview_after_instant_navigation_from_a_page_at_another_depth(page: Any, site: ServedSite) -> None:
    # reading.js knows the variant's root from the first page loaded (base "." there, "../.." on a note).
    goto_for_instant_navigation(page, site.variant_url("zh-Hans"))
    page.locator('.md-content a[href$="notes/long/"]').first.click()
    page.wait_for_url(re.compile(r".*/zh-Hans/notes/long/$"))
    page.wait_for_function("document.querySelectorAll('a.zd-permalink').length > 0")
    assert page.evaluate("window.__zdSamePage") is True  # swapped in by instant navigation, not loaded
    page.locator('.zd-note__body a[href*="short/"]').hover()
    page.wait_for_selector(".zd-preview:not([hidden])")
    assert page.text_content(".zd-preview__title") == "短笔记"


def test_preview_on_keyboard_focus_of_a_passage_link(page: Any, site: ServedSite) -> None:
    open_note(page, site)
    link = page.locator(f'.zd-note__body a:not(.zd-permalink)[href$="#{anchor(PARAS[19])}"]')
    link.focus()
    page.wait_for_selector(".zd-preview:not([hidden])")
    assert page.text_content(".zd-preview__text").startswith("第20段")
    page.keyboard.press("Escape")
    page.wait_for_selector(".zd-preview", state="hidden")


def test_no_preview_on_touch_only_devices(kept_pages: Any, site: ServedSite) -> None:
    with kept_pages.open(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True) as page:
        page.goto(site.variant_url("zh-Hans", "notes/long/"))
        page.wait_for_function("document.querySelectorAll('a.zd-permalink').length > 0")
        assert page.evaluate("matchMedia('(hover: hover) and (pointer: fine)').matches") is False
        link = page.locator('.zd-note__body a[href*="short/"]')
        link.dispatch_event("mouseover")
        link.focus()
        page.wait_for_timeout(700)
        assert page.locator(".zd-preview:not([hidden])").count() == 0
        # The permalink controls are not drawn on touch screens (the quote bar offers the link).
        assert page.locator("a.zd-permalink").first.evaluate("a => getComputedStyle(a).display") == "none"


# --------------------------------------------------------------------------- reading position


def test_resume_where_you_stopped_across_variants(page: Any, site: ServedSite) -> None:
    open_note(page, site)
    stop = anchor(PARAS[15])
    page.evaluate(f"document.getElementById('{stop}').scrollIntoView({{block: 'start'}})")
    page.mouse.wheel(0, 1)
    page.wait_for_function("localStorage.getItem('zd-reading:long') !== null")
    assert json.loads(page.evaluate("localStorage.getItem('zd-reading:long')")) == {"passage": stop}
    assert page.evaluate("document.querySelector('.zd-progress').hidden") is False
    progress = page.evaluate(
        "new DOMMatrix(getComputedStyle(document.querySelector('.zd-progress')).transform).a"
    )
    assert 0.2 < progress < 0.8
    # Back later, in Traditional: offered, not forced.
    open_note(page, site, code="zh-Hant-TW")
    assert page.evaluate("scrollY") == 0
    banner = page.locator(".zd-resume")
    assert "第16段" in banner.text_content() and "上次讀到" in banner.text_content()
    page.click(".zd-resume__go")
    page.wait_for_function(f"document.activeElement.id === {stop!r}")
    top = page.evaluate(f"document.getElementById('{stop}').getBoundingClientRect().top")
    assert 0 <= top < 200
    assert page.locator(".zd-resume").count() == 0


def test_finishing_a_note_forgets_the_place(page: Any, site: ServedSite) -> None:
    open_note(page, site)
    page.evaluate(f"document.getElementById('{anchor(PARAS[10])}').scrollIntoView()")
    page.mouse.wheel(0, 1)
    page.wait_for_function("localStorage.getItem('zd-reading:long') !== null")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.mouse.wheel(0, 1)
    page.wait_for_function("localStorage.getItem('zd-reading:long') === null")
    open_note(page, site)
    assert page.locator(".zd-resume").count() == 0


def test_short_note_has_no_progress_bar(page: Any, site: ServedSite) -> None:
    open_note(page, site, slug="short")
    assert page.evaluate("document.querySelector('.zd-progress').hidden") is True


# --------------------------------------------------------------------------- feed, print


def test_feed_is_discoverable_and_material_parses_the_variants_sitemap_once(
    page: Any, site: ServedSite
) -> None:
    # Material's script fetches sitemap.xml next to every <link rel="alternate"> and parses it; a feed in
    # the variant's folder made that the variant's whole sitemap, parsed again beside instant navigation's.
    sitemaps: list[str] = []
    page.on("request", lambda r: sitemaps.append(r.url) if r.url.endswith("sitemap.xml") else None)
    open_note(page, site, code="zh-Hant-HK")
    page.wait_for_load_state("networkidle")
    href = page.evaluate("document.querySelector('link[rel=alternate][type=\"application/atom+xml\"]').href")
    assert href == f"{site.url}feed-zh-Hant-HK.xml"
    assert page.request.get(href).ok
    assert sorted(sitemaps) == [f"{site.url}sitemap.xml", site.variant_url("zh-Hant-HK", "sitemap.xml")]
    assert not [f for f in page.zd.failed if "127.0.0.1" in f], page.zd.failed


def test_print_is_a_clean_article_with_endnotes_and_link_addresses(
    page: Any, site: ServedSite, tmp_path: Path
) -> None:
    open_note(page, site)
    page.emulate_media(media="print")
    for selector in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        ".zd-permalink",
        ".zd-endnote-source",
    ):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    assert page.locator(".zd-endnotes").evaluate("e => getComputedStyle(e).display") == "block"
    assert page.text_content(".zd-endnotes li").strip() == "编者 这是编者的说明文字。"
    assert page.locator(".zd-endnote-ref").text_content() == "1"
    after = page.locator("a[rel~=noreferrer]").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert "https://zh.wikipedia.org/wiki/" in after
    pdf = tmp_path / "note.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.stat().st_size > 10_000
    page.emulate_media(media="screen")
    assert page.locator(".zd-endnotes").evaluate("e => getComputedStyle(e).display") == "none"
