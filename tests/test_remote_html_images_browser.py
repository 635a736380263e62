"""A raw HTML ``<img src="https://…">`` travels with the site like a Markdown image (``body``, ``remote_images``).

Same download, limits, cache and refusals; drawn as HTML, because the tag may stand inside an HTML
block where Markdown is not read.  The "remote" host is an HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest
from PIL import Image
from test_collections_remote_browser import PRIVATE_HOST_ALLOWED, image_bytes, image_host

from conftest import build_site, serve_built
from zhudu.notes.corpus import default_slug
from zhudu.notes.remote_images import PHONE_WIDTH


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    folder = tmp_path_factory.mktemp("htmlimagehost")
    (folder / "html-wide.png").write_bytes(image_bytes("PNG", (1600, 800)))
    (folder / "html-small.jpg").write_bytes(image_bytes("JPEG", (90, 60)))
    (folder / "html-inline.png").write_bytes(image_bytes("PNG", (40, 20)))
    (folder / "html-page.png").write_bytes(b"<html>not an image</html>")
    with image_host(folder) as served:
        yield served


def note_text(base: str) -> str:
    return (
        "---\ntitle: 网页里的图片\ndate: 2024-01-01\n---\n\n"
        f'<figure><img src="{base}html-wide.png" alt="宽图" width="600"></figure>\n\n'
        f"<div>\n<img alt='小图' src='{base}html-small.jpg?a=1&amp;b=2'/>\n</div>\n\n"
        f'正文里有一张 <img src="{base}html-inline.png" alt="行内图"> 图。\n\n'
        f'<img src="{base}html-page.png" alt="是网页">\n\n'
        f'代码里的 `<img src="{base}html-code.png">` 不动。\n'
    )


def test_raw_html_remote_images_are_downloaded_and_shown_with_no_request_to_their_host(tmp_path, host, page):
    base, asked = host
    origin = urlsplit(base).netloc
    with serve_built(
        tmp_path / "site", notes={"html.md": note_text(base)}, strict=False, zhudu=PRIVATE_HOST_ALLOWED
    ) as site:
        result = site.build
        assert sorted(unquote(p) for p in asked) == [
            "/html-inline.png",
            "/html-page.png",
            "/html-small.jpg?a=1&b=2",  # the URL as the browser reads it: entities decoded
            "/html-wide.png",
        ]
        failed = [w for w in result.warnings if "remote image" in w]
        assert len(failed) == 1 and "seeds/html.md:14:" in failed[0] and "html-page.png" in failed[0], failed
        html = result.page(f"zh-Hans/notes/{default_slug('html')}/index.html")
        body = html[html.index('<div class="zd-note__body">') : html.index("</article>")]
        assert not re.search(rf'<(?:img|source)\b[^>]*(src|srcset)="[^"]*{re.escape(origin)}', body)
        assert body.count('class="zd-remote-image"') == 1  # the one that is no image stays a link
        # Code is shown as written (its quote as &quot;: notes/attr_like_text.py).
        assert f'<code>&lt;img src=&quot;{base}html-code.png"&gt;</code>' in body
        # Inside the author's HTML block (``figure``): the phone copy, linked to the original.
        wide = re.search(r'<figure><a href="([^"]+\.png)"><img alt="宽图" src="([^"]+\.webp)"([^>]*)>', body)
        assert wide, body
        # With the author's width (width="600"; it was the phone copy's 960, session 33) and the height that
        # follows the image's shape, so the page keeps its place while it loads.
        assert wide.group(3) == ' width="600" height="300" loading="lazy" decoding="async"'

        note_dir = result.site_dir / "zh-Hans/notes" / default_slug("html")
        with Image.open(note_dir / unquote(wide.group(2))) as small:
            assert small.size == (PHONE_WIDTH, PHONE_WIDTH // 2)
        with Image.open(note_dir / unquote(wide.group(1))) as original:
            assert original.size == (1600, 800)

        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        asked_before = len(asked)
        page.goto(site.variant_url("zh-Hant-HK", f"notes/{default_slug('html')}/"))
        page.wait_for_function(
            "[...document.querySelectorAll('.zd-note__body img')]"
            ".filter(i => i.complete && i.naturalWidth > 0).length === 3"
        )
        shown = page.evaluate(
            "(() => { const r = document.querySelector('.zd-note__body figure img').getBoundingClientRect(); return [r.width, r.height]; })()"
        )
        assert shown == [600, 300], shown  # as the author sized it, where the column is wider
        assert all(urlsplit(u).netloc == urlsplit(site.url).netloc for u in requests), requests
        assert len(asked) == asked_before

    # The next build asks the host nothing (the cache), and draws the same page.
    asked.clear()
    again = build_site(
        tmp_path / "site", notes={"html.md": note_text(base)}, strict=False, zhudu=PRIVATE_HOST_ALLOWED
    )
    assert again.ok and asked == []
    html_again = again.page(f"zh-Hans/notes/{default_slug('html')}/index.html")
    assert (
        html_again[html_again.index('<div class="zd-note__body">') :]
        == html[html.index('<div class="zd-note__body">') :]
    )


def test_a_raw_html_image_from_a_private_host_is_refused_by_default(tmp_path, host):
    base, asked = host
    before = len(asked)
    base = base.replace("127.0.0.1", "localhost")
    result = build_site(tmp_path / "site", notes={"html.md": note_text(base)}, strict=False)
    refused = [w for w in result.warnings if "private address" in w]
    assert len(refused) == 4, result.warnings
    assert len(asked) == before
    html = result.page(f"zh-Hans/notes/{default_slug('html')}/index.html")
    assert html.count('class="zd-remote-image"') == 4


def test_a_downloaded_images_size_is_the_one_its_author_gave(tmp_path, host):
    """A downloaded image kept the phone copy's 960 px whatever the author wrote (``<img width=600>``), and a
    Markdown image's ``{ width="600" }`` went onto the link around the phone copy, a warning and no size
    (session 33).  The one the author did not give follows the image's shape."""
    base, _ = host
    note = (
        "---\ntitle: 尺寸\ndate: 2024-01-01\n---\n\n"
        f'<img width=600 src="{base}html-wide.png?w" alt="宽">\n\n'
        f'<img height="100px" src="{base}html-wide.png?h" alt="高">\n\n'
        f'<img width="100" height="30" src="{base}html-wide.png?b" alt="两">\n\n'
        f'<img width="50%" src="{base}html-wide.png?p" alt="百">\n\n'
        f'![块]({base}html-wide.png?m){{ width="400" .wide }}\n\n'
        f"![小]({base}html-small.jpg?m){{: height=30 }}\n"
    )
    result = build_site(tmp_path / "site", notes={"sizes.md": note}, strict=False, zhudu=PRIVATE_HOST_ALLOWED)
    assert result.ok and not result.warnings, result.log
    html = result.page(f"zh-Hans/notes/{default_slug('sizes')}/index.html")
    sizes = {
        re.search(r'alt="([^"]*)"', tag)[1]: (
            re.search(r'width="(\d+%?)"', tag)[1],
            (re.search(r'height="(\d+)"', tag) or [None, None])[1],
        )
        for tag in re.findall(r"<img\b[^>]*>", html[html.index('<div class="zd-note__body">') :])
    }
    assert sizes == {
        "宽": ("600", "300"),
        "高": ("200", "100"),
        "两": ("100", "30"),
        # A share of the column, kept (it was the phone copy's 960 × 480, full width: session 34).
        "百": ("50%", None),
        "块": ("400", "200"),
        "小": ("45", "30"),
    }, sizes
    assert re.search(r'<img alt="块" class="wide"', html), "the author's other attributes stay on the image"
