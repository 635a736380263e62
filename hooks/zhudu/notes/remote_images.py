"""Remote images travel with the site: downloaded at build time, checked, kept, shrunk for phones.

A note from a clipper or a Chinese blog shows its pictures from an image host.  The reader's
browser must not contact that host (privacy, and hosts unreachable from mainland China), so the
build downloads each image once and publishes it beside the note, as Material's ``privacy``
plugin does for a theme's assets.  That plugin is not used: it trusts the server's content type,
reads a response of any size and rewrites only the page MkDocs writes (not the variant copies).

A remote image is untrusted input:

- only ``http``/``https``, redirects included (no ``file:``, no ``ftp:``);
- at most ``MAX_BYTES`` read, ``TIMEOUT`` seconds per connection and read, ``DEADLINE`` in all; a host
  that once lets that time run out is not asked again in the process;
- the bytes must be a PNG, JPEG, GIF or WebP as Pillow reads them (whatever the URL or the
  server's content type say: never SVG, which can carry script, never HTML), and at most
  ``MAX_PIXELS`` pixels, the limit an image in ``seeds/`` has too (``image_sizes``: a small file that
  decodes into gigabytes is refused);
- an image wider than ``PHONE_WIDTH`` is also published as a WebP copy that wide, which the page
  shows, linked to the original.

Downloads are kept in the cache folder (``extra.zhudu.cache_dir``/remote-images/, keyed by the
SHA-256 of the URL), so a build downloads only URLs it has not seen; a failure is remembered for
the process (``mkdocs serve`` does not retry on every save) and reported once per image.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import re
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

from zhudu import fragments
from zhudu.errors import NoteError
from zhudu.notes import image_sizes, pinned_http
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
#: Largest image, pixels (width × height): the same for every image (``image_sizes``).
MAX_PIXELS = image_sizes.MAX_PIXELS
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

#: The attribute list an author wrote after a Markdown image (``![x](https://…){ width="600" }``).
_ATTR_LIST_RE = re.compile(r"\{:?[ \t]*(?P<inner>[^{}\n]*?)[ \t]*\}")
#: A width or height in an attribute list, quoted or not.
_SIZE_ATTR_RE = re.compile(
    r"""(?:^|(?<=[ \t]))(?P<name>width|height)=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"']+))"""
)

#: URLs that failed in this process, with why (``mkdocs serve`` does not download them on every save).
_FAILED: dict[tuple[str, bool], str] = {}
#: Hosts that let a download time out in this process: each of their images would wait as long
#: (200 images of a host that accepts and never answers: 200 / ``CONCURRENCY`` × ``TIMEOUT``, over 8 minutes).
_SILENT_HOSTS: set[str] = set()


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


def fetch_all(urls: Iterable[str], cache_dir: Path | None, private_hosts: bool = False) -> dict[str, Fetched]:
    """Every URL downloaded (or found in the cache), in parallel; never raises.

    ``private_hosts``: also download from hosts whose addresses are not public (loopback, private
    networks, link-local: ``extra.zhudu.remote_images_from_private_hosts``).
    """
    unique = sorted(set(urls))
    if not unique:
        return {}
    # Without a cache folder: a folder of this process's own (never a shared name in /tmp).
    folder = (cache_dir / CACHE_FOLDER) if cache_dir else _private_folder()
    with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        return dict(zip(unique, pool.map(lambda u: fetch(u, folder, private_hosts), unique), strict=True))


@functools.cache
def _private_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="zhudu-remote-images-"))


def fetch(url: str, folder: Path, private_hosts: bool = False) -> Fetched:
    """One remote image: from ``folder`` when it was downloaded before, else downloaded and checked."""
    key = hashlib.sha256(url.encode()).hexdigest()[:32]
    record = folder / f"{key}.json"
    if kept := _kept(record, key):
        return Fetched(url, *kept)
    if (url, private_hosts) in _FAILED:
        return Fetched(url, None, error=_FAILED[url, private_hosts])
    host = (urlsplit(url).hostname or "").lower()
    if host in _SILENT_HOSTS:
        return Fetched(url, None, error=f"{host} did not answer in time for another image: not asked again")
    try:
        data = _download(url, private_hosts)
        fetched = _store(url, data, folder, key)
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
    except _RefusedError as exc:
        _FAILED[url, private_hosts] = str(exc)
        if isinstance(exc, _SilentHostError):
            _SILENT_HOSTS.add(host)
        return Fetched(url, None, error=str(exc))
    except OSError as exc:  # the cache folder cannot be written
        return Fetched(url, None, error=f"could not be kept in {folder} ({exc.strerror or exc})")
    return fetched


def _kept(record: Path, key: str) -> tuple[Path, Path | None, int, int] | None:
    """What an earlier build kept for ``key``; None when missing or not exactly what this module writes.

    The record names files, and a cache folder can come from elsewhere (a CI cache): only the names
    this module gives, as regular files, are believed.
    """
    try:
        kept = json.loads(record.read_text(encoding="utf-8"))
        original, phone = kept["original"], kept.get("phone")
        width, height = int(kept["width"]), int(kept["height"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if original not in {key + suffix for suffix in FORMATS.values()} or phone not in (
        None,
        f"{key}-{PHONE_WIDTH}.webp",
    ):
        return None
    files = [record.parent / original, *([record.parent / phone] if phone else [])]
    if not all(f.is_file() and not f.is_symlink() for f in files):
        return None
    return files[0], (files[1] if phone else None), width, height


class _RefusedError(Exception):
    """Why a remote image is not published (a download error, or bytes that are not an image)."""


class _SilentHostError(_RefusedError):
    """A host that did not answer within the time allowed: its other images are not asked for."""


class _HttpOnly(urllib.request.HTTPRedirectHandler):
    """Redirects followed only to ``http``/``https`` URLs.

    The host redirected to is checked by the opener's handlers (``pinned_http``) before anything is
    sent to it: a public host answering ``302 Location: http://169.254.169.254/…`` must not make the
    build send a request to the machine's network.
    """

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise _RefusedError(f"redirected to {newurl!r}, which is not an http(s) URL")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(private_hosts: bool) -> urllib.request.OpenerDirector:
    # Only HTTP(S) handlers: ``build_opener`` would also open file: and ftp: URLs.  Each request
    # (redirects too) connects to the addresses its host was checked at (``pinned_http``).
    opener = urllib.request.OpenerDirector()
    for handler in (
        pinned_http.PinnedHTTPHandler(private_hosts),
        pinned_http.PinnedHTTPSHandler(private_hosts),
        _HttpOnly(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _download(url: str, private_hosts: bool = False) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "zhudu (static site build)"})
    try:
        with _opener(private_hosts).open(request, timeout=TIMEOUT) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_BYTES:
                raise _RefusedError(f"{int(length):,} bytes, more than {MAX_BYTES:,}")
            data = _read_bounded(response)
    except _RefusedError:
        raise
    except pinned_http.RefusedHostError as exc:
        raise _RefusedError(str(exc)) from None
    except urllib.error.HTTPError as exc:
        raise _RefusedError(f"the server answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        error = _SilentHostError if isinstance(reason, TimeoutError) else _RefusedError
        raise error(f"could not be downloaded ({reason})") from None
    if len(data) > MAX_BYTES:
        raise _RefusedError(f"more than {MAX_BYTES:,} bytes")
    return data


def _read_bounded(response: io.BufferedIOBase) -> bytes:
    """At most ``MAX_BYTES`` + 1 bytes, within ``DEADLINE`` seconds (a server sending a byte at a time)."""
    started = time.monotonic()
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_BYTES:
        # read1: what has arrived (at most TIMEOUT s), so the deadline holds against a trickle.
        chunk = response.read1(min(64 * 1024, MAX_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() - started > DEADLINE:
            raise _SilentHostError(f"took more than {DEADLINE:.0f} seconds to download")
    return b"".join(chunks)


def _store(url: str, data: bytes, folder: Path, key: str) -> Fetched:
    """Check the bytes are an image, keep them, and make the phone copy when the image is wide."""
    from PIL import Image, UnidentifiedImageError

    try:
        with image_sizes.opened(io.BytesIO(data)) as image:
            kind = image.format or ""
            width, height = image.size
            if kind not in FORMATS:
                raise _RefusedError(f"not a PNG, JPEG, GIF or WebP image (it is {kind or 'unknown'})")
            image.verify()  # the file's structure is read: a corrupt image is refused here
        with Image.open(io.BytesIO(data)) as image:
            image.load()  # and decoded (``verify`` does not decode a JPEG: a truncated one passes it)
    except _RefusedError:
        raise
    except image_sizes.TooLargeError as exc:
        raise _RefusedError(f"{exc} (a small file can decode into gigabytes)") from None
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        SyntaxError,
        MemoryError,
        Image.DecompressionBombError,
    ):
        raise _RefusedError(
            "not an image a browser shows (the bytes are no PNG, JPEG, GIF or WebP)"
        ) from None
    folder.mkdir(parents=True, exist_ok=True)
    original = folder / (key + FORMATS[kind])
    original.write_bytes(data)
    phone = None
    if width > PHONE_WIDTH:
        try:
            with Image.open(io.BytesIO(data)) as image:
                if not getattr(image, "is_animated", False):  # an animation keeps its frames: original only
                    small = image.convert("RGBA")
                    small.thumbnail((PHONE_WIDTH, PHONE_WIDTH * height // max(width, 1) + 1))
                    phone = folder / f"{key}-{PHONE_WIDTH}.webp"
                    small.save(phone, "WEBP", quality=PHONE_QUALITY)
        except (OSError, ValueError, MemoryError, Image.DecompressionBombError):
            phone = None  # no smaller copy: phones get the original
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
            placeholder = remote_image_html(image.alt, image.target)
            start = note.markdown.find(placeholder)
            end = start + len(placeholder)
            width, height, share, extra = image.width, image.height, image.column_share, ""
            if start >= 0 and not image.html and (written := _ATTR_LIST_RE.match(note.markdown, end)):
                # The author's ``{ width="600" .wide }``: the image's, not the link's around a phone copy.
                end, extra = written.end(), _SIZE_ATTR_RE.sub("", written["inner"]).strip()
                sizes = {
                    m["name"]: m["dq"] or m["sq"] or m["bare"]
                    for m in _SIZE_ATTR_RE.finditer(written["inner"])
                }
                width, height = (
                    image_sizes.pixels(sizes.get("width")),
                    image_sizes.pixels(sizes.get("height")),
                )
                share = image_sizes.share(sizes.get("width"))
            size = (got.width, got.height) if got.width > 0 and got.height > 0 else None
            # The author's ``width="50%"`` is that share of the column: the file's size gives only its shape.
            if (
                size and (width or height) and not share
            ):  # the author's size (<img width=600>), whichever file is shown
                size = image_sizes.as_written(size, width, height)
            elif size and got.phone:
                size = image_sizes.scaled(size, PHONE_WIDTH)
            original, phone = (
                image_url(note.id, got.original),
                image_url(note.id, got.phone) if got.phone else None,
            )
            markup = (
                image_html(image.alt, original, phone, size, share)
                if image.html
                else image_markdown(image.alt, original, phone, size, extra, share)
            )
            if start >= 0:
                note.markdown = note.markdown[:start] + markup + note.markdown[end:]
        note.body.images = images


def image_html(
    alt: str,
    original: str,
    phone: str | None,
    size: tuple[int, int] | None = None,
    column_share: str | None = None,
) -> str:
    """What a downloaded raw HTML ``<img>`` becomes: the same as :func:`image_markdown`, as HTML.

    HTML, because the tag may stand inside an HTML block, where Markdown is not read.  The targets
    are Markdown link targets (``<../media/…>``, from the note's source ``notes/<slug>.md``), which
    MkDocs re-aims for Markdown only: from the page (``notes/<slug>/``, directory URLs) they are one
    folder further up.
    """

    def src(target: str) -> str:
        return "../" + target.strip("<>")

    href = src(original) if phone else ""
    return fragments.render(
        "zd-dialect.html",
        "image",
        alt=alt,
        src=src(phone or original),
        href=href,
        attributes=image_sizes.html_attributes(size, column_share),
    )


def image_markdown(
    alt: str,
    original: str,
    phone: str | None,
    size: tuple[int, int] | None = None,
    extra: str = "",
    column_share: str | None = None,
) -> str:
    """The Markdown a downloaded image becomes: the phone copy linked to the original, or the original.

    ``alt`` is the image's description as the note's Markdown wrote it; the targets are link targets;
    ``size`` is the shown file's, in pixels (``image_sizes``); ``extra``, the author's other attributes;
    ``column_share``, the author's ``width="50%"``, shown instead of ``size``.
    """
    attributes = image_sizes.attr_list(size, extra, column_share)
    if phone is None:
        return f"![{alt}]({original}){attributes}"
    return f"[![{alt}]({phone}){attributes}]({original})"
