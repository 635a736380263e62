"""Session 32's second reader pass: images that keep their place, the search box on a phone, search wording,
the problem box a reader sees."""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import (
    PASSAGE_ID_RE,
    ServedSite,
    build_site,
    goto_for_instant_navigation,
    notes_titled,
    search_count,
    serve_built,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import bench_search

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def png(width: int, height: int) -> bytes:
    """A real PNG of ``width`` × ``height`` pixels."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(out, "PNG")
    return out.getvalue()


# --------------------------------------------------------------------------- an image's size


TALL_NOTE = (
    "---\ntitle: 高图\ndate: 2024-03-01\n---\n\n第一段在图的上面。\n\n![一张很高的图](tall.png)\n\n"
    "图下面的这一段就是要链接的段落。\n\n"
    + "\n\n".join(f"后面的第{i}段，让页面够长，可以把上面那段滚到窗口顶上。" * 3 for i in range(30))
    + "\n"
)


def img_tags(html: str) -> list[str]:
    return re.findall(r"<img\b[^>]*>", html)


def test_a_notes_images_carry_their_pixel_size_and_a_broken_one_none(tmp_path: Path) -> None:
    """No ``width``/``height`` on a note's ``<img>``: the text below moved as the image arrived. A file that is
    not really an image gets no size and no warning (as before); an author's own attributes are kept."""
    note = (
        "---\ntitle: 图\ndate: 2024-03-01\n---\n\n![高](tall.png)\n\n![坏](broken.png)\n\n"
        '![自定](own.png){ width="50" }\n\n## 小节 ![题图](tall.png)\n\n正文。\n'
    )
    result = build_site(
        tmp_path,
        notes={
            "pics.md": note,
            "tall.png": png(300, 900),
            "broken.png": b"not a png",
            "own.png": png(10, 10),
        },
    )
    assert result.ok and not result.warnings, result.log
    tags = img_tags(result.page("zh-Hans/notes/pics/index.html"))
    tall, broken, own = (next(t for t in tags if f'alt="{alt}"' in t) for alt in ("高", "坏", "自定"))
    assert 'width="300"' in tall and 'height="900"' in tall and 'loading="lazy"' in tall, tall
    assert "width=" not in broken and "height=" not in broken, broken
    assert 'width="50"' in own and "height=" not in own, own
    heading = re.search(r"<h2[^>]*>.*?</h2>", result.page("zh-Hans/notes/pics/index.html"), re.S)
    # An image at a heading's end: the size is the image's, not the heading's (attr_list reads inline first).
    assert heading and re.match(r'<h2 id="[^"]*">', heading[0]) and 'width="300"' in heading[0], heading


def test_an_images_size_follows_the_file_when_only_the_image_changes(tmp_path: Path) -> None:
    """A note's reading is reused while its bytes and images are the same: a new image under the old name is a
    new size."""
    notes: dict[str, str | bytes] = {
        "pics.md": "---\ntitle: 图\n---\n\n![高](tall.png)\n",
        "tall.png": png(300, 900),
    }
    first = build_site(tmp_path, notes=notes)
    assert 'height="900"' in first.page("zh-Hans/notes/pics/index.html")
    image = tmp_path / "seeds" / "tall.png"
    image.write_bytes(png(300, 600))
    later = image.stat().st_mtime_ns + 5_000_000_000
    os.utime(image, ns=(later, later))
    second = build_site(tmp_path, notes={})
    assert second.ok, second.log
    html = second.page("zh-Hans/notes/pics/index.html")
    assert 'height="600"' in html and 'height="900"' not in html


@pytest.fixture(scope="module")
def tall_image_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve_built(
        tmp_path_factory.mktemp("tall"), notes={"tall.md": TALL_NOTE, "tall.png": png(400, 1600)}
    ) as site:
        yield site


PASSAGE_TOP = "id => Math.round(document.getElementById(id).getBoundingClientRect().top)"


def test_a_passage_link_below_an_image_stays_put_while_the_image_loads(
    tall_image_site: ServedSite, browser: Any
) -> None:
    """On a phone, a link down to the passage under a tall image: the passage is at the top of the window while the
    image is still on its way (held by the test), and still there once it has arrived (it was 1600 px further down)."""
    html = tall_image_site.build.page("zh-Hans/notes/tall/index.html")
    passage = re.search(PASSAGE_ID_RE + r"[^>]*>[^<]*图下面的这一段", html)
    assert passage, "the passage under the image has an id"
    context = browser.new_context(**PHONE)
    held: list[Any] = []
    try:
        page = context.new_page()
        goto_for_instant_navigation(page, tall_image_site.variant_url("zh-Hans"))
        page.route("**/*.png", lambda route: held.append(route))  # answered only when the test lets it go
        # A link down to the passage, as a theme page has, followed by Material's instant navigation.
        page.evaluate(
            """href => { const a = Object.assign(document.createElement('a'), {href, id: 'zd-test-link'});
                a.textContent = '那一段'; document.querySelector('article').prepend(a); }""",
            tall_image_site.variant_url("zh-Hans", f"notes/tall/#{passage[1]}"),
        )
        with page.expect_request(re.compile(r"\.png$")):
            page.click("#zd-test-link")
        page.wait_for_function(f"id => ({PASSAGE_TOP})(id) < 120 && ({PASSAGE_TOP})(id) >= 0", arg=passage[1])
        assert page.evaluate("window.__zdSamePage") is True, "instant navigation, not a reload"
        # Safari (most phones in Taiwan and Hong Kong) has no scroll anchoring, which hides the shift in Chromium.
        page.add_style_tag(content="html, body { overflow-anchor: none; }")
        before = page.evaluate(PASSAGE_TOP, passage[1])
        assert held, "the image was requested"
        for route in held:
            route.continue_()
        page.wait_for_function(
            "() => [...document.querySelectorAll('article img')].every(i => i.complete && i.naturalHeight > 0)"
        )
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        after = page.evaluate(PASSAGE_TOP, passage[1])
        assert after == before, f"the passage moved from {before} to {after} px as the image arrived"
    finally:
        context.close()


def test_a_downloaded_raw_html_image_gets_its_size_too() -> None:
    """A remote ``<img>`` written as HTML (inside an HTML block) is drawn by the fragment, with the same attributes."""
    from zhudu.notes import remote_images

    html = remote_images.image_html("图", "<../media/n/a.png>", "<../media/n/a-960.webp>", (960, 480))
    assert re.fullmatch(
        r'<a href="\.\./\.\./media/n/a\.png"><img alt="图" src="\.\./\.\./media/n/a-960\.webp" width="960" '
        r'height="480" loading="lazy" decoding="async"></a>',
        html,
    ), html


# --------------------------------------------------------------------------- the search box on a phone

#: The header tooltips Material has made active, and whether each is on the screen.
ACTIVE_TOOLTIPS = """() => [...document.querySelectorAll('.md-tooltip--inline.md-tooltip--active')]
  .map(t => [t.textContent.trim(), t.getClientRects().length > 0])"""


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-HK"])
def test_no_hover_tooltip_over_the_search_results_on_a_phone(
    real_site: ServedSite, kept_pages: Any, variant: str
) -> None:
    """After the tap on the search icon the pointer stays where the finger was, the reset button appears under it,
    and its tooltip 清空当前内容 sat over the results' top right; a phone has no hover to take it away.

    Whether a browser tells a pointer that has not moved about a button that appeared under it depends on its
    build (a hover update after layout): the test moves the pointer onto the button itself, as the finger's
    emulated mouse events at that point do, so Material makes its tooltip active every time."""
    with kept_pages.open(locale="zh-CN", **PHONE) as page:
        page.goto(real_site.variant_url(variant))
        # The tap's mouse events at the finger's point (Playwright's tap sends no pointer position).
        page.locator("label.md-header__button[for=__search]").click()
        page.locator(".md-search__input").fill("开源")
        page.locator("button.md-search__icon[type=reset]").hover()  # the pointer on it, wherever it appeared
        page.wait_for_function(f"({ACTIVE_TOOLTIPS})().length > 0")  # Material has shown it
        assert [shown for _, shown in page.evaluate(ACTIVE_TOOLTIPS)] == [False], page.evaluate(
            ACTIVE_TOOLTIPS
        )


# --------------------------------------------------------------------------- search wording


@pytest.fixture(scope="module")
def many_matches(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """Twelve notes and the home saying 服务器 (the list shows ten); one note saying 路由器 in three sections."""
    notes = notes_titled([f"第{i}篇" for i in range(12)])
    notes["r.md"] = (
        "---\ntitle: 另一篇\ndate: 2024-04-01\n---\n\n开头。\n\n## 第一节\n\n路由器的事。\n\n"
        "## 第二节\n\n又是路由器。\n\n## 第三节\n\n还是路由器。\n"
    )
    with serve_built(tmp_path_factory.mktemp("many"), notes=notes) as site:
        yield site


@pytest.mark.parametrize(
    ("variant", "query", "wording"),
    [
        (
            "zh-Hans",
            "服务器",
            [
                "找到 10 个符合条件的结果",
                "另有 3 个结果没有列出；多输入几个字可以缩小范围。",
                "没有找到符合条件的结果",
                "该页还有 # 个符合条件的结果",
            ],
        ),
        (
            "zh-Hant-TW",
            "伺服器",
            [
                "找到 10 個符合的項目",
                "另有 3 個項目沒有列出；多輸入幾個字可以縮小範圍。",
                "沒有符合的項目",
                "此頁還有 # 個符合的項目",
            ],
        ),
        (
            "zh-Hant-HK",
            "服務器",
            [
                "找到 10 個符合條件的結果",
                "另有 3 個結果未有列出；多輸入幾個字可以收窄範圍。",
                "找不到符合條件的結果",
                "此頁還有 # 個符合條件的結果",
            ],
        ),
    ],
)
def test_search_results_are_worded_alike_in_each_variant(
    many_matches: ServedSite, page: Any, variant: str, query: str, wording: list[str]
) -> None:
    """Material's strings: zh said 「找到 1 个…」 but 「10 个…」 (no 找到); Hong Kong (Material's zh-Hant) said
    「…符合條件的結果」 and 「此頁尚有 2 個符合的項目」 (Taiwan's noun). One noun and one voice per variant."""
    placeholder = bench_search.open_search(page, many_matches.variant_url(variant))
    count = search_count(page, query, placeholder)
    page.wait_for_selector(".zd-search-unlisted")
    assert [count, page.locator(".zd-search-unlisted").inner_text().strip()] == wording[:2]
    page.locator("input.md-search__input").fill("路由器")
    page.keyboard.press("End")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 1")
    wording_of_one = page.locator(".md-search-result__meta").first.inner_text().strip()
    assert wording_of_one == wording[0].replace("10", "1"), wording_of_one
    assert search_count(page, "鸭嘴兽", wording_of_one) == wording[2]
    # More sections of one page (Material's search lists them; Zhudu's worker shows them in the item).
    more = page.evaluate(
        "() => JSON.parse(document.getElementById('__config').textContent).translations['search.result.more.other']"
    )
    assert more == wording[3]


# --------------------------------------------------------------------------- the problem box a reader sees

#: What a reader of a built site is told, per variant: a note that cannot be read, a note with problems.
NOTICES = {
    "zh-Hans": ("这篇笔记暂时无法显示。", "这篇笔记有几处没能按原样显示。"),
    "zh-Hant-TW": ("這篇筆記暫時無法顯示。", "這篇筆記有幾處沒能按原樣顯示。"),
    "zh-Hant-HK": ("這篇筆記暫時無法顯示。", "這篇筆記有幾處沒能按原樣顯示。"),
}


def test_a_built_site_tells_readers_in_chinese_and_keeps_the_details_for_the_author(tmp_path: Path) -> None:
    """A non-strict build published the author's problem box, in English with ``seeds/…:line``, to every reader
    (the README said it was shown under ``mkdocs serve``). The build's warnings keep the details."""
    notes = {
        "good.md": "---\ntitle: 好\n---\n\n正文。\n",
        "empty.md": b"",
        "dead.md": "---\ntitle: 断链\n---\n\n见[[不存在的笔记]]。\n",
    }
    result = build_site(tmp_path, notes=notes, strict=False)
    assert result.ok, result.log
    assert any("seeds/empty.md" in w for w in result.warnings) and any(
        "seeds/dead.md:5" in w for w in result.warnings
    )
    for variant, (broken, problems) in NOTICES.items():
        for name, notice in (("empty", broken), ("dead", problems)):
            page = result.page(f"{variant}/notes/{name}/index.html")
            body = page[page.index('<div class="zd-note__body">') :]
            assert notice in body, (variant, name)
            assert "seeds/" not in page and "zd-note-error" not in page, (variant, name)
