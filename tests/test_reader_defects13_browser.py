"""Session 34's reader pass: a URL in a raw HTML link, an image an author sized as a share of the column."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_collections_remote_browser import PRIVATE_HOST_ALLOWED, image_bytes, image_host
from test_reader_defects11_browser import underline

from conftest import ServedSite, build_site, serve_built

LONG_URL = "https://example.com/" + "a-long-path-segment" * 6 + "/index.html?query=" + "x" * 40


# --------------------------------------------------------------------------- a URL in raw HTML

RAW_LINKS = f"""---
title: 原始链接
---

甲 <a href="{LONG_URL}">{LONG_URL}</a> 后面的文字。

乙 <a href="https://example.com/b">见 https://example.com/b 和：https://example.com/b/中文</a>，完。

丙 <span>https://example.com/c</span> 与 <a href="https://example.com/d"><b>https://example.com/d</b></a>。

丁 https://example.com/e 和：https://example.com/f/中文 照旧。
"""


@pytest.fixture(scope="module")
def raw_links(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The raw links' note, the links starting with an opening bracket and the quoted attributes (below)."""
    notes = {
        "raw.md": RAW_LINKS,
        "opening.md": OPENING_NOTE,
        "quoted.md": QUOTED_NOTE,
        "other.md": "---\ntitle: 另一篇\n---\n\n正文。\n",
    }
    with serve_built(tmp_path_factory.mktemp("rawlinks"), notes=notes) as site:
        yield site


def _body(html: str) -> str:
    return html[html.index('<div class="zd-note__body">') : html.index("</article>")]


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_a_url_in_a_raw_html_link_is_that_links_text(raw_links: ServedSite, variant: str) -> None:
    """magiclink read Markdown's placeholder for the raw ``</a>`` as part of the URL it touched: a link inside the
    author's link, its target ending in ``</a>`` (the one the reader tapped went nowhere), and ``</span>`` in a
    link's target."""
    body = _body(raw_links.build.page(f"{variant}/notes/raw/index.html"))
    links = re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', body)
    assert not any("<" in href or "%3C" in href for href, _ in links), links
    assert body.count("<a href") == body.count("</a>") == 6, body
    assert (LONG_URL, LONG_URL) in links
    # 「见」 is 「見」 in Traditional: the URLs are the same in every variant.
    assert any(
        href == "https://example.com/b"
        and re.fullmatch(r"[见見] https://example.com/b 和：https://example.com/b/中文", text)
        for href, text in links
    ), links
    assert ("https://example.com/c", "https://example.com/c") in links
    assert ("https://example.com/d", "<b>https://example.com/d</b>") in links
    # Bare URLs outside raw HTML are linked as before (magiclink; Zhudu's after a full-width mark).
    assert ("https://example.com/e", "https://example.com/e") in links
    assert ("https://example.com/f/%E4%B8%AD%E6%96%87", "https://example.com/f/中文") in links


def test_a_raw_links_long_url_wraps_on_a_phone_and_goes_where_it_says(
    raw_links: ServedSite, phone: Any
) -> None:
    """At 390 px the URL wraps inside the column; the link the reader taps is the author's, once."""
    phone.goto(raw_links.variant_url("zh-Hans", "notes/raw/"))
    link = phone.locator(f'.zd-note__body a[href="{LONG_URL}"]')
    link.wait_for()
    assert link.count() == 1
    assert link.inner_text() == LONG_URL
    box = phone.evaluate(
        """() => {
          const p = [...document.querySelectorAll('.zd-note__body p')].find(p => p.textContent.startsWith('甲'));
          return {right: p.getBoundingClientRect().right, scroll: document.documentElement.scrollWidth,
                  linkRight: Math.max(...[...p.querySelector('a').getClientRects()].map(r => r.right))};
        }"""
    )
    assert box["scroll"] <= 390 and box["linkRight"] <= box["right"] + 0.5, box


# --------------------------------------------------------------------------- a share of the column


@pytest.fixture(scope="module")
def shared_images(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    folder = tmp_path_factory.mktemp("sharehost")
    (folder / "wide.png").write_bytes(image_bytes("PNG", (1600, 800)))
    (folder / "small.png").write_bytes(image_bytes("PNG", (400, 200)))
    with image_host(folder) as (base, _asked):
        note = (
            "---\ntitle: 半幅图\n---\n\n"
            f'<img src="{base}wide.png" alt="半幅" width=50%>\n\n'
            f'<img src="{base}small.png" alt="三成" width="30%" height="90">\n\n'
            f'![一半]({base}wide.png){{ width="50%" }}\n\n'
            f'<img src="{base}wide.png" alt="六百" width="600">\n'
        )
        with serve_built(
            tmp_path_factory.mktemp("share"), notes={"share.md": note}, zhudu=PRIVATE_HOST_ALLOWED
        ) as site:
            yield site


def test_an_image_the_author_sized_as_a_share_of_the_column_keeps_that_share(
    shared_images: ServedSite,
) -> None:
    """``<img width=50%>`` of a downloaded image was given its phone copy's 960 px: shown full width."""
    body = _body(shared_images.build.page("zh-Hans/notes/share/index.html"))
    tags = {
        alt: tag for tag in re.findall(r"<img\b[^>]*>", body) for alt in re.findall(r'alt="([^"]*)"', tag)
    }
    assert 'width="50%"' in tags["半幅"] and "height=" not in tags["半幅"], tags["半幅"]
    assert 'width="30%"' in tags["三成"] and "height=" not in tags["三成"], tags["三成"]
    assert 'width="50%"' in tags["一半"] and "height=" not in tags["一半"], tags["一半"]
    assert 'width="600" height="300"' in tags["六百"], tags["六百"]  # pixels as before


def test_a_share_of_the_column_is_that_share_on_a_phone(shared_images: ServedSite, phone: Any) -> None:
    phone.goto(shared_images.variant_url("zh-Hant-HK", "notes/share/"))
    phone.wait_for_function(
        "() => [...document.querySelectorAll('.zd-note__body img')].every(i => i.complete && i.naturalWidth)"
    )
    widths = phone.evaluate(
        """() => {
          const column = document.querySelector('.zd-note__body').getBoundingClientRect().width;
          return Object.fromEntries([...document.querySelectorAll('.zd-note__body img')].map(
            i => [i.alt, [Math.round(i.getBoundingClientRect().width), Math.round(column)]]));
        }"""
    )
    for alt, share in (("半幅", 0.5), ("三成", 0.3), ("一半", 0.5)):
        width, column = widths[alt]
        assert abs(width - column * share) <= 1, (alt, widths)
    assert widths["六百"][0] == widths["六百"][1]  # 600 px, scaled to the column


# --------------------------------------------------------------------------- a link starting with 「（」

OPENING_NOTE = """---
title: 开头
date: 2024-03-01
---

见[「引号在链接里」](other.md)和[《书名》](other.md)，[（括号）](other.md)与[**『强调』**](other.md)，还有[普通链接](other.md)。

见「引号在链接里」和《书名》，（括号）与『强调』，还有普通链接。

外链[「维基」](https://example.org/)后文。
"""

#: Each body link's box, the box of its first character, its font size and colour; where 「和」 and 「普」 are in each of the
#: first two paragraphs.
OPENING_JS = """() => {
  const at = (p, ch) => { const w = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) { const i = n.data.indexOf(ch);
      if (i >= 0) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
        return r.getBoundingClientRect().left - p.getBoundingClientRect().left; } } };
  const paragraphs = [...document.querySelectorAll('.zd-note__body p')];
  return {spacing: paragraphs.slice(0, 2).map(p => [at(p, '和'), at(p, '普')]),
    links: [...document.querySelectorAll('.zd-note__body p a')].filter(a => a.textContent.trim()).map(a => {
      const first = document.createTreeWalker(a, NodeFilter.SHOW_TEXT).nextNode();
      const range = document.createRange(); range.setStart(first, 0); range.setEnd(first, 1);
      const box = a.getBoundingClientRect(), start = range.getBoundingClientRect();
      return {text: a.textContent, left: box.left, right: box.right, top: box.top, bottom: box.bottom + 8,
              startLeft: start.left, em: parseFloat(getComputedStyle(a).fontSize), colour: getComputedStyle(a).color};
    })};
}"""


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_a_links_underline_starts_at_an_opening_brackets_ink(
    raw_links: ServedSite, page: Any, variant: str
) -> None:
    """「「」 starts a link: its left half is the font's space, and the underline began there, at the end of the
    word before (``见[「引文」](x)``).  It starts at the bracket's ink now (half an em in), the sentence spaced as the
    same one unlinked; a link starting with a Han character is underlined from its start as before."""
    page.goto(raw_links.variant_url(variant, "notes/opening/"))
    page.wait_for_selector(".zd-note__body p a")
    found = page.evaluate(OPENING_JS)
    linked, plain = found["spacing"]
    assert all(abs(a - b) < 0.5 for a, b in zip(linked, plain, strict=True)), found["spacing"]
    shot = page.screenshot()
    links = found["links"]
    assert len(links) == 6, links
    for link in links:
        row, em = underline(shot, link), link["em"]
        if link["text"][0] in "「《（『":
            assert abs(min(row) - (link["startLeft"] + 0.5 * em)) < 0.1 * em, (variant, link, min(row))
        else:
            assert min(row) < link["startLeft"] + 2, (variant, link, min(row))


# --------------------------------------------------------------------------- a raw <img> of a file beside the note

LOCAL_HTML_IMAGES = """---
title: 本地图
---

<img src="assets/wide.png" width=50%>

<figure><img src="assets/wide.png" alt="块里" width="400"></figure>

正文里 <img src="./tall.png" alt="行内"> 一张。

<img src="missing.png" alt="缺">

`<img src="assets/wide.png">` 是代码。
"""


@pytest.fixture(scope="module")
def local_images(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    notes: dict[str, str | bytes] = {
        "local.md": LOCAL_HTML_IMAGES,
        "assets/wide.png": image_bytes("PNG", (1600, 400)),
        "tall.png": image_bytes("PNG", (40, 80)),
    }
    with serve_built(tmp_path_factory.mktemp("localhtml"), notes=notes, strict=False) as site:
        yield site


def test_a_raw_img_of_a_file_in_the_notes_folder_is_published(local_images: ServedSite) -> None:
    """A raw ``<img src="assets/x.png">`` pointed at a file the site never had (``notes/assets/x.png``, a 404): the
    file is published as a Markdown image's is, with its size (the author's, or the file's); a missing one is counted
    with the other missing images and drawn as their placeholder (session 35); code is code."""
    result = local_images.build
    assert not result.warnings, result.warnings
    assert "1 missing image(s)" in result.log, result.log
    for variant in ("zh-Hans", "zh-Hant-HK"):
        page_dir = result.site_dir / variant / "notes" / "local"
        body = _body(result.page(f"{variant}/notes/local/index.html"))
        tags = re.findall(r"<img\b[^>]*>", body)
        assert len(tags) == 3, tags
        published = tags
        for tag in published:
            src = re.search(r'src="([^"]+)"', tag)[1]
            assert (page_dir / src).resolve().is_file(), (variant, tag)
        assert 'width="50%"' in published[0] and "height" not in published[0], published[0]
        assert 'width="400" height="100"' in published[1], published[1]
        assert 'width="40" height="80"' in published[2], published[2]
        assert "missing.png" not in " ".join(tags), (
            tags
        )  # no broken image: the placeholder, as ![缺](missing.png)
        # The placeholder says its alt text, not the path (the author's, in the build's line).
        assert re.search(r'<span class="zd-missing-image__label">[^<]*缺[^<]*</span></span>', body), body
        assert "<code>&lt;img src=" in body  # code is shown, not drawn


def test_a_raw_img_of_a_file_in_the_notes_folder_shows_on_a_phone(
    local_images: ServedSite, phone: Any
) -> None:
    phone.goto(local_images.variant_url("zh-Hant-TW", "notes/local/"))
    phone.wait_for_function(
        "() => [...document.querySelectorAll('.zd-note__body img:not([src*=missing])')]"
        ".every(i => i.complete && i.naturalWidth > 0)"
    )
    shown = phone.evaluate(
        "() => [...document.querySelectorAll('.zd-note__body img:not([src*=missing])')].map(i => i.naturalWidth)"
    )
    assert shown == [1600, 1600, 40], shown


# --------------------------------------------------------------------------- text that reads like an attribute

QUOTED_NOTE = """---
title: 写法
---

代码 `<img src="assets/x.png">` 与 `<a href="page.html">页</a>`，正文里写 src="y.png" 也是字。

```html
<img src="assets/z.png">
```

```js
return '<script src="' + path + '"></script>';  // <script src="script.js">
```

<code><a href="https://example.com/q">链接在代码里</a></code> 完。
"""


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_text_that_reads_like_a_url_attribute_is_shown_as_written(
    raw_links: ServedSite, variant: str
) -> None:
    """Each variant's URLs are re-aimed by a scan for `` src="`` and `` href="`` in the page's HTML, which took
    text for attributes: `` `<img src="assets/x.png">` `` showed ``src="../assets/x.png"`` in every variant, highlighted
    code ``'<script src="' + path`` showed ``'<script src="../' + path``."""
    body = _body(raw_links.build.page(f"{variant}/notes/quoted/index.html"))
    text = html.unescape(re.sub(r"<[^>]+>", "", body))
    for written in (
        '<img src="assets/x.png">',
        '<a href="page.html">',
        'src="y.png"',
        '<img src="assets/z.png">',
        "return '<script src=\"' + path",  # the Hexo documentation's helper (Pygments leaves its quotes)
        '// <script src="script.js">',
    ):
        assert written in text, (variant, written, text)
    assert "../" not in text, text
    assert '<code><a href="https://example.com/q" rel="noreferrer">' in body, body  # a real link is one


# --------------------------------------------------------------------------- a raw <img> of a missing file (session 35)


@pytest.mark.parametrize(
    "written", ['<img src="gone.png" alt="缺图">', "![缺图](gone.png)"], ids=["raw", "markdown"]
)
def test_a_missing_raw_img_is_warned_of_and_shown_as_a_markdown_images_is(
    tmp_path: Path, written: str
) -> None:
    """``<img src="gone.png">`` of a file that does not exist: the warning a missing ``![](gone.png)`` gets (with
    ``missing_images: warn``; else the summary line) and its placeholder, not the browser's broken-image icon."""
    note = f"---\ntitle: 缺图\n---\n\n第一段。\n\n{written}\n\n最后一段。\n"
    warned = build_site(
        tmp_path / "warn", notes={"gone.md": note}, strict=False, zhudu={"missing_images": "warn"}
    )
    assert warned.warnings == [
        "zhudu: seeds/gone.md:7: image gone.png does not exist: add the file or fix the path"
    ], warned.warnings
    result = build_site(tmp_path / "default", notes={"gone.md": note}, strict=True)
    assert result.ok and not result.warnings, result.log
    assert "1 missing image(s) drawn as placeholders: seeds/gone.md:7 gone.png" in result.log, result.log
    for variant in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        body = _body(result.page(f"{variant}/notes/gone/index.html"))
        assert "<img" not in body, body
        assert re.search(
            r'<span class="zd-missing-image" role="img" aria-label="圖?图?片缺失：缺圖?图?">', body
        ), body
        assert "gone.png" not in body, body  # the author's path is in the warning, not on the reader's page
