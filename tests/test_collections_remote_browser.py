"""Remote images travel with the site: downloaded at build time, checked, cached, shrunk for phones.

The "remote" host is an HTTP server on 127.0.0.1 (no machine here reaches the internet), on a
port of its own: the built site, served on another port, must never ask it for anything.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import io
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from PIL import Image

from conftest import QuietServer, build_site, serve_built
from zhudu.notes import remote_images
from zhudu.notes.corpus import default_slug
from zhudu.notes.remote_images import MAX_BYTES, PHONE_WIDTH


def image_bytes(kind: str, size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(out, kind)
    return out.getvalue()


class _Host(http.server.SimpleHTTPRequestHandler):
    """Serves the image folder, noting every path asked for; each answer carries ``answer_headers``."""

    asked: list[str]
    answer_headers: dict[str, str]

    def end_headers(self) -> None:
        for name, value in self.answer_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def do_GET(self) -> None:
        self.asked.append(self.path)
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def image_host(folder: Path, headers: dict[str, str] | None = None) -> Iterator[tuple[str, list[str]]]:
    """``folder`` served on 127.0.0.1: its URL and the paths asked for so far."""
    asked: list[str] = []
    host = type("Host", (_Host,), {"asked": asked, "answer_headers": headers or {}})
    handler = functools.partial(host, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", asked
    finally:
        server.shutdown()
        server.server_close()


#: The test's "remote" host is on 127.0.0.1, which a build refuses by default.
PRIVATE_HOST_ALLOWED = {"remote_images_from_private_hosts": True}


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    folder = tmp_path_factory.mktemp("imagehost")
    (folder / "wide.png").write_bytes(image_bytes("PNG", (2000, 1000)))
    (folder / "small.jpg").write_bytes(image_bytes("JPEG", (120, 60)))
    (folder / "page.png").write_bytes(b"<html><script>alert(1)</script></html>")  # named .png, is HTML
    (folder / "vector.png").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')
    (folder / "huge.jpg").write_bytes(image_bytes("JPEG", (10, 10)) + b"\0" * MAX_BYTES)
    with image_host(folder) as served:
        yield served


def note_text(base: str) -> str:
    return (
        "---\ntitle: 远程图片\ndate: 2024-01-01\n---\n\n"
        f"![一张宽图]({base}wide.png)\n\n"
        f"![一张小图]({base}small.jpg)\n\n"
        f"![是网页]({base}page.png)\n\n"
        f"![是矢量图]({base}vector.png)\n\n"
        f"![太大了]({base}huge.jpg)\n\n"
        f"![不存在]({base}gone.png)\n"
    )


def test_remote_images_are_downloaded_checked_and_shown_with_no_request_to_their_host(tmp_path, host, page):
    base, asked = host
    origin = urlsplit(base).netloc
    with serve_built(
        tmp_path / "site",
        notes={"remote.md": note_text(base)},
        strict=False,
        zhudu=PRIVATE_HOST_ALLOWED,
    ) as site:
        result = site.build
        # One warning per image that is not published, naming the note's line and why.
        failed = sorted(w.split(": ", 2)[1] for w in result.warnings if "remote image" in w)
        assert failed == [
            "seeds/remote.md:10",
            "seeds/remote.md:12",
            "seeds/remote.md:14",
            "seeds/remote.md:16",
        ]
        assert any("gone.png" in w and "404" in w for w in result.warnings)
        assert any("huge.jpg" in w and "bytes" in w for w in result.warnings)
        html = result.page(f"zh-Hans/notes/{default_slug('remote')}/index.html")
        # The failed ones stay the labelled link; nothing points a browser at the host.
        assert html.count('class="zd-remote-image"') == 4
        assert not re.search(rf'(src|srcset)="[^"]*{re.escape(origin)}', html)
        # The wide image: the phone copy shown, linked to the original; both published.
        wide = re.search(r'<a href="([^"]+\.png)"><img alt="一张宽图" [^>]*src="([^"]+\.webp)"', html)
        assert wide, html
        note_dir = result.site_dir / "zh-Hans/notes/remote"
        with Image.open(note_dir / unquote(wide.group(2))) as small:
            assert small.format == "WEBP" and small.size == (PHONE_WIDTH, PHONE_WIDTH // 2)
        with Image.open(note_dir / unquote(wide.group(1))) as original:
            assert original.size == (2000, 1000)
        small = re.search(r'<img alt="一张小图" [^>]*src="[^"]+\.jpg"[^>]*>', html)
        assert small, html
        # Each with the shown file's size, so the page keeps its place while it loads.
        shown_wide = re.search(r'<img alt="一张宽图" [^>]*>', html)
        assert (
            shown_wide
            and f'width="{PHONE_WIDTH}"' in shown_wide[0]
            and f'height="{PHONE_WIDTH // 2}"' in shown_wide[0]
        )
        assert 'width="120"' in small[0] and 'height="60"' in small[0], small[0]

        asked_before = len(asked)
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(site.variant_url("zh-Hant-TW", "notes/remote/"))
        page.wait_for_function(
            "[...document.querySelectorAll('.zd-note__body img')].filter(i => i.complete && i.naturalWidth > 0).length === 2"
        )
        assert requests and all(urlsplit(u).netloc == urlsplit(site.url).netloc for u in requests), requests
        assert len(asked) == asked_before  # the browser never asked the image host

    # A second build takes the downloads from the cache (the failures are remembered by the
    # process, as ``mkdocs serve`` keeps them): the host is asked nothing, the page is the same.
    asked.clear()
    again = build_site(
        tmp_path / "site", notes={"remote.md": note_text(base)}, strict=False, zhudu=PRIVATE_HOST_ALLOWED
    )
    assert again.ok, again.log
    assert asked == []
    body = again.page(f"zh-Hans/notes/{default_slug('remote')}/index.html")
    assert (
        body[body.index('<div class="zd-note__body">') :] == html[html.index('<div class="zd-note__body">') :]
    )


def test_a_private_host_is_refused_by_default(tmp_path, host):
    base, asked = host
    before = len(asked)
    base = base.replace("127.0.0.1", "localhost")  # other URLs than the other tests' (failures are kept)
    result = build_site(tmp_path / "site", notes={"remote.md": note_text(base)}, strict=False)
    refused = [w for w in result.warnings if "private address" in w]
    assert len(refused) == 6 and "remote_images_from_private_hosts" in refused[0], result.warnings
    assert len(asked) == before  # the host was never asked


def test_a_cache_record_naming_another_file_is_not_believed(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    url = "https://192.0.2.1/x.png"  # TEST-NET-1: refused as not public, with no network needed
    key = hashlib.sha256(url.encode()).hexdigest()[:32]
    secret = tmp_path / "secret.png"
    secret.write_bytes(image_bytes("PNG", (10, 10)))
    for original in (str(secret), "../secret.png"):
        (folder / f"{key}.json").write_text(
            json.dumps({"url": url, "original": original, "phone": None, "width": 10, "height": 10})
        )
        fetched = remote_images.fetch(url, folder)  # not believed: fetched again, and refused
        assert fetched.original is None and fetched.error


def test_a_truncated_jpeg_is_refused_not_a_crash(tmp_path):
    whole = image_bytes("JPEG", (2000, 1000))
    with pytest.raises(remote_images._RefusedError):
        remote_images._store("https://x.example/t.jpg", whole[: len(whole) // 2], tmp_path, "k")
