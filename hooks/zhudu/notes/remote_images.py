"""Remote images travel with the site: downloaded at build time, checked, kept, shrunk for phones.

A note from a clipper or a Chinese blog shows its pictures from an image host.  The reader's
browser must not contact that host (privacy, and hosts unreachable from mainland China), so the
build downloads each image once and publishes it beside the note, as Material's ``privacy``
plugin does for a theme's assets.  That plugin is not used: it trusts the server's content type,
reads a response of any size and rewrites only the page MkDocs writes (not the variant copies).

A remote image is untrusted input:

- only ``http``/``https``, redirects included (no ``file:``, no ``ftp:``);
- at most ``MAX_BYTES`` read, ``TIMEOUT`` seconds per connection and read, ``DEADLINE`` in all;
- the bytes must be a PNG, JPEG, GIF or WebP as Pillow reads them (whatever the URL or the
  server's content type say: never SVG, which can carry script, never HTML), and at most
  ``MAX_PIXELS`` pixels (a small file that decodes into gigabytes is refused);
- an image wider than ``PHONE_WIDTH`` is also published as a WebP copy that wide, which the page
  shows, linked to the original.

Downloads are kept in the cache folder (``extra.zhudu.cache_dir``/remote-images/, keyed by the
SHA-256 of the URL), so a build downloads only URLs it has not seen; a failure is remembered for
the process (``mkdocs serve`` does not retry on every save) and reported once per image.
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from zhudu.errors import NoteError
from zhudu.notes.safety import remote_image_html

if TYPE_CHECKING:
    from zhudu.notes.body import ImageRef
    from zhudu.notes.corpus import Note

#: Largest download, bytes: a photo for the web is well under this.
MAX_BYTES = 8 * 1024 * 1024
#: Seconds to wait for a connection, and for each read.
TIMEOUT = 10.0
#: Seconds a whole download may take.
DEADLINE = 30.0
#: Largest image, pixels (width × height): a 40-megapixel photo.
MAX_PIXELS = 40_000_000
#: Width of the copy phones get, pixels (twice a phone's CSS width of about 480 px).
PHONE_WIDTH = 960
#: WebP quality of that copy.
PHONE_QUALITY = 80
#: Downloads at once.
CONCURRENCY = 4
#: Image formats published, as Pillow names them, with the extension the file gets.
FORMATS = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "WEBP": ".webp"}
#: The folder of the cache kept between builds.
CACHE_FOLDER = "remote-images"

#: URLs that failed in this process, with why (``mkdocs serve`` does not download them on every save).
_FAILED: dict[str, str] = {}


@dataclass(frozen=True)
class Fetched:
    """A remote image, downloaded: the original, and the copy for phones when it is wide."""

    url: str
    original: Path | None
    phone: Path | None = None
    width: int = 0
    height: int = 0
    error: str | None = None  # why it is not published


def is_remote(target: str) -> bool:
    """Whether an image target is an ``http``/``https`` URL the build should download."""
    return urlsplit(target).scheme.lower() in ("http", "https") and bool(urlsplit(target).hostname)


def fetch_all(urls: Iterable[str], cache_dir: Path | None) -> dict[str, Fetched]:
    """Every URL downloaded (or found in the cache), in parallel; never raises."""
    folder = (cache_dir / CACHE_FOLDER) if cache_dir else Path(tempfile.gettempdir()) / "zhudu-remote-images"
    unique = sorted(set(urls))
    if not unique:
        return {}
    with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        return dict(zip(unique, pool.map(lambda u: fetch(u, folder), unique), strict=True))


def fetch(url: str, folder: Path) -> Fetched:
    """One remote image: from ``folder`` when it was downloaded before, else downloaded and checked."""
    key = hashlib.sha256(url.encode()).hexdigest()[:32]
    record = folder / f"{key}.json"
    try:
        kept = json.loads(record.read_text(encoding="utf-8"))
        original = folder / kept["original"]
        phone = folder / kept["phone"] if kept.get("phone") else None
        if original.is_file() and (phone is None or phone.is_file()):
            return Fetched(url, original, phone, kept["width"], kept["height"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    if url in _FAILED:
        return Fetched(url, None, error=_FAILED[url])
    try:
        data = _download(url)
        fetched = _store(url, data, folder, key)
    except _RefusedError as exc:
        _FAILED[url] = str(exc)
        return Fetched(url, None, error=str(exc))
    record.write_text(
        json.dumps(
            {
                "url": url,
                "original": fetched.original.name if fetched.original else None,
                "phone": fetched.phone.name if fetched.phone else None,
                "width": fetched.width,
                "height": fetched.height,
            }
        ),
        encoding="utf-8",
    )
    return fetched


class _RefusedError(Exception):
    """Why a remote image is not published (a download error, or bytes that are not an image)."""


class _HttpOnly(urllib.request.HTTPRedirectHandler):
    """Redirects followed only to ``http``/``https`` URLs."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise _RefusedError(f"redirected to {newurl!r}, which is not an http(s) URL")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    # Only HTTP(S) handlers: ``build_opener`` would also open file: and ftp: URLs.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        _HttpOnly(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _download(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "zhudu (static site build)"})
    try:
        with _opener().open(request, timeout=TIMEOUT) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_BYTES:
                raise _RefusedError(f"{int(length):,} bytes, more than {MAX_BYTES:,}")
            data = _read_bounded(response)
    except _RefusedError:
        raise
    except urllib.error.HTTPError as exc:
        raise _RefusedError(f"the server answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        raise _RefusedError(f"could not be downloaded ({reason})") from None
    if len(data) > MAX_BYTES:
        raise _RefusedError(f"more than {MAX_BYTES:,} bytes")
    return data


def _read_bounded(response: io.BufferedIOBase) -> bytes:
    """At most ``MAX_BYTES`` + 1 bytes, within ``DEADLINE`` seconds (a server sending a byte at a time)."""
    started = time.monotonic()
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_BYTES:
        chunk = response.read(min(64 * 1024, MAX_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() - started > DEADLINE:
            raise _RefusedError(f"took more than {DEADLINE:.0f} seconds to download")
    return b"".join(chunks)


def _store(url: str, data: bytes, folder: Path, key: str) -> Fetched:
    """Check the bytes are an image, keep them, and make the phone copy when the image is wide."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            width, height = image.size
            if kind not in FORMATS:
                raise _RefusedError(f"not a PNG, JPEG, GIF or WebP image (it is {kind or 'unknown'})")
            if width * height > MAX_PIXELS:
                raise _RefusedError(f"{width}×{height} pixels, more than {MAX_PIXELS:,}")
            image.verify()  # the whole file is read: a truncated or corrupt image is refused here
    except _RefusedError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise _RefusedError(
            "not an image a browser shows (the bytes are no PNG, JPEG, GIF or WebP)"
        ) from None
    folder.mkdir(parents=True, exist_ok=True)
    original = folder / (key + FORMATS[kind])
    original.write_bytes(data)
    phone = None
    if width > PHONE_WIDTH:
        with Image.open(io.BytesIO(data)) as image:
            if not getattr(image, "is_animated", False):  # an animation keeps its frames: original only
                small = image.convert("RGBA")
                small.thumbnail((PHONE_WIDTH, PHONE_WIDTH * height // max(width, 1) + 1))
                phone = folder / f"{key}-{PHONE_WIDTH}.webp"
                small.save(phone, "WEBP", quality=PHONE_QUALITY)
    return Fetched(url, original, phone, width, height)


# --------------------------------------------------------------------------- Notes


def localise(
    notes: list[Note],
    fetch_remote: Callable[[list[str]], Mapping[str, Fetched]],
    image_url: Callable[[str, Path], str],
) -> None:
    """Remote images downloaded and published with their notes; one that fails stays a link, with a warning.

    ``body`` drew each remote image as a link (``safety.remote_image_html``); that exact markup is
    replaced by the downloaded image, published like a local one (``Note.body.images``).
    """
    wanted = [
        image.target
        for note in notes
        for image in (note.body.images if note.body else ())
        if image.path is None and not image.refused and is_remote(image.target)
    ]
    fetched = fetch_remote(wanted) if wanted else {}
    for note in notes:
        if note.body is None:
            continue
        images: list[ImageRef] = []
        for image in note.body.images:
            got = fetched.get(image.target) if image.path is None and not image.refused else None
            if got is None:
                images.append(image)
                continue
            if got.original is None:
                images.append(image)
                note.problems.append(
                    NoteError(
                        note.display_path,
                        image.line,
                        f"remote image {image.target}: {got.error}; shown as a link to it (the site "
                        "never makes readers' browsers contact other hosts): fix the URL, or save the "
                        "image beside the note and link it from there",
                    )
                )
                continue
            published = [got.original, *([got.phone] if got.phone else [])]
            images.extend(replace(image, path=path, exists=True) for path in published)
            markdown = image_markdown(
                image.alt,
                image_url(note.id, got.original),
                image_url(note.id, got.phone) if got.phone else None,
            )
            note.markdown = note.markdown.replace(remote_image_html(image.alt, image.target), markdown, 1)
        note.body.images = images


def image_markdown(alt: str, original: str, phone: str | None) -> str:
    """The Markdown a downloaded image becomes: the phone copy linked to the original, or the original.

    ``alt`` is the image's description as the note's Markdown wrote it; the targets are link targets.
    """
    if phone is None:
        return f"![{alt}]({original})"
    return f"[![{alt}]({phone})]({original})"
