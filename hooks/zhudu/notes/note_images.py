"""A note's images: each image link found, its file judged and published, or a placeholder shown.

A note is untrusted input, and its image links decide which files the build copies into the public
site: a local image is resolved (``..``, symbolic links, an old site's root-absolute path) and
published only when it is a raster image inside the notes folder; a remote one is shown as a link
(``remote_images`` downloads it when the site asks); any other is a visible placeholder naming the
path as written.  Markdown images and raw ``<img>`` tags alike, outside code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from zhudu import fragments
from zhudu.notes import disk_names, image_sizes, site_root
from zhudu.notes.safety import is_remote, remote_image_html, safe_url
from zhudu.notes.sanitizer import attr_message, never_allowed

if TYPE_CHECKING:
    from zhudu.notes.body import Body

# --------------------------------------------------------------------------- Data

_IMAGE_RE = re.compile(
    # A target may hold balanced parentheses, as Markdown reads it: ``a(1).png``, ``javascript:f(1)``.
    r"""!\[(?P<alt>[^\]\n]*)\]\(\s*(?P<target><[^>\n]+>|(?:[^()\s]|\([^()\s]*\))+)(?:\s+"(?P<title>[^"\n]*)")?\s*\)"""
    r"""(?P<attrs>\{[^{}\n]*\})?"""  # attr_list's ``{ width="50%" }`` right after it
)

#: A raw HTML ``<img>`` tag (attribute values may hold ``>``), and an inline code span it may be in.
_HTML_IMG_RE = re.compile(r"""<img\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)
#: Any start tag, to tell an ``<img>`` from one written inside another tag's attribute value.
_HTML_TAG_RE = re.compile(r"""<[A-Za-z][^\s/>"']*(?:[^>"']|"[^"]*"|'[^']*')*>""")
_CODE_SPAN_RE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)")
_HTTP_RE = re.compile(r"(?i)^\s*https?://")

#: The files published as a note's images.  A note is untrusted input (clippers, other people's
#: tools): its image links decide which files the build copies into the public site, so only
#: raster images a browser shows in ``<img>`` are taken.  Not SVG: it is a document that can carry
#: scripts, which run in the site's origin when the file is opened directly.  Not anything else
#: either (``.md``, ``.py``, ``passwd``, keys…), even inside ``seeds/``.
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"})
#: ``ImageRef.refused`` values: the image leads out of the notes folder (``..``, an absolute path
#: or a symbolic link); the file is not an image (``IMAGE_SUFFIXES``); the path cannot be followed;
#: the path is a folder; the image is over ``image_sizes.MAX_PIXELS`` (``ImageRef.pixels``).
IMAGE_REFUSALS = ("outside", "not-an-image", "unusable", "folder", "too-large")
REFUSED_LABEL = "图片未发布"


# --------------------------------------------------------------------------- Values


@dataclass(frozen=True)
class ImageRef:
    """An image the note links to, with the source line it is on."""

    line: int
    alt: str
    target: str
    path: Path | None  # resolved local file; None for remote and refused images
    exists: bool
    #: Why a local image is not published (``IMAGE_REFUSALS``), or None.
    refused: str | None = None
    #: Written as a raw HTML ``<img>`` (it may be inside an HTML block, where Markdown is not read).
    html: bool = False
    #: The width and height in pixels the author gave a raw ``<img>`` (``width=600``), or None.
    width: int | None = None
    height: int | None = None
    #: The width the author gave a raw ``<img>`` as a share of the column (``width=50%``), or None.
    column_share: str | None = None
    #: How many pixels an image refused as ``too-large`` has.
    pixels: int | None = None


# --------------------------------------------------------------------------- Resolving


def resolve(
    body: Body,
    outside: list[bool],
    note_dir: Path,
    root: Path,
    origin: list[int],
    image_url: Callable[[Path], str],
) -> None:
    """Rewrite ``body.markdown``'s images (``outside``: its lines outside code), noting each in ``body.images``."""
    lines = body.markdown.split("\n")
    for i, line in enumerate(lines):
        if not outside[i] or "![" not in line:
            continue
        # Image syntax in inline code is shown as written (the Hexo documentation: `![](a.jpg)`).
        code = [m.span() for m in _CODE_SPAN_RE.finditer(line)]
        lines[i] = _IMAGE_RE.sub(
            lambda m, n=origin[i], code=code: (
                m.group(0)
                if any(start <= m.start() < end for start, end in code)
                else _image_markup(m, n, body, note_dir, root, image_url)
            ),
            line,
        )
    for i, line in enumerate(lines):
        if outside[i] and "<img" in line.lower():
            lines[i] = _html_images(line, origin[i], body, note_dir, root, image_url)
    body.markdown = "\n".join(lines)


class _ImgAttributes(HTMLParser):
    """An ``<img>`` tag's attributes, entities decoded, as the browser reads them."""

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_startendtag(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img" and not self.attrs:
            self.attrs = {k: v or "" for k, v in reversed(attrs)}  # the first of a repeated one, as browsers


def _html_images(
    line: str, origin: int, body: Body, note_dir: Path, root: Path, image_url: Callable[[Path], str]
) -> str:
    """A raw ``<img>`` published as a Markdown image is: downloaded, or its file in the notes folder copied.

    A remote one (``https://…``) is drawn as a remote Markdown image is, so it is downloaded the same way; one
    of a file in the notes folder pointed nowhere (session 34): now the file is published, and the tag
    drawn with its published URL and size.  A missing or refused file is counted as a Markdown image's
    is and shown as its placeholder.  An attribute the sanitiser would refuse (``onerror``) is said, at the tag's line.

    Any other remote or unsafe ``src`` is left to the note's HTML sanitiser (``safety``), which shows it as
    a link or drops it.  Its ``width`` and ``height`` are kept (for a downloaded image by
    ``remote_images.localise``); its other attributes go with the tag.
    """
    code = [m.span() for m in _CODE_SPAN_RE.finditer(line)]
    tags = [m.span() for m in _HTML_TAG_RE.finditer(line)]

    def replace(m: re.Match[str]) -> str:
        if any(start <= m.start() < end for start, end in code):
            return m.group(0)  # shown as code
        if any(start < m.start() < end for start, end in tags):
            return m.group(0)  # text in another tag's attribute (``title="<img …>"``): the sanitiser's
        attrs = _ImgAttributes(m.group(0)).attrs
        src, alt = attrs.get("src", "").strip(), attrs.get("alt", "")
        width, height = (image_sizes.pixels(attrs.get(name)) for name in ("width", "height"))
        share = image_sizes.share(attrs.get("width"))  # width="50%": a share of the column, not pixels
        if src and not is_remote(src) and not src.startswith(("#", "?")):  # a file beside the note
            found = _local_image(alt, src, origin, body, note_dir, root)
            _say_refused(attrs, origin, body)
            if isinstance(found, str):  # missing or refused: counted, and shown as a Markdown image's is
                return found
            found, size = found
            size = image_sizes.as_written(size, width, height) if size and not share else size
            return fragments.render(  # the page is one folder below the note's source (directory URLs)
                "zd-dialect.html",
                "image",
                alt=alt,
                src="../" + image_url(found).strip("<>"),
                href="",
                attributes=image_sizes.html_attributes(size, share),
            )
        if not (src and _HTTP_RE.match(src) and is_remote(src) and safe_url(src)):
            return m.group(0)
        _say_refused(attrs, origin, body)
        body.images.append(
            ImageRef(
                line=origin,
                alt=alt,
                target=src,
                path=None,
                exists=False,
                html=True,
                width=width,
                height=height,
                column_share=share,
            )
        )
        return remote_image_html(alt, src)

    return _HTML_IMG_RE.sub(replace, line)


def _say_refused(attrs: dict[str, str], line: int, body: Body) -> None:
    # The tag is drawn anew without them: the sanitiser, which would have said so, never sees it.
    body.findings += [(line, attr_message("img", k, v)) for k, v in attrs.items() if never_allowed(k, v)]


def _image_markup(
    m: re.Match[str], line: int, body: Body, note_dir: Path, root: Path, image_url: Callable[[Path], str]
) -> str:
    alt, target, attrs = m["alt"], m["target"].strip("<>"), m["attrs"] or ""
    if re.match(r"(?i)^[a-z][a-z0-9+.-]*:", target):
        if not safe_url(target):  # javascript:, data: …: the note's Markdown pass drops it, with a warning
            return m.group(0)
        ref = ImageRef(line=line, alt=alt, target=target, path=None, exists=False)
        body.images.append(ref)
        # Remote images would make the reader's browser contact another host: link instead.
        return remote_image_html(alt, target) + attrs  # its attributes read when it is downloaded
    found = _local_image(alt, target, line, body, note_dir, root)
    if isinstance(found, str):
        return found + attrs
    path, size = found
    title = f' "{m["title"]}"' if m["title"] else ""  # a tooltip, as the author wrote it
    image = f"![{alt}]({image_url(path)}{title})"
    if attrs:  # the author's (or the dialect's) attributes stand; a share of the column keeps its shape
        return image + image_sizes.with_ratio(attrs, size)
    return image + image_sizes.attr_list(size)


def _local_image(
    alt: str, target: str, line: int, body: Body, note_dir: Path, root: Path
) -> tuple[Path, tuple[int, int] | None] | str:
    """The file a note's image ``target`` names and its size, noted for publishing; or the placeholder shown instead."""
    # Resolved (``..``, an absolute path, symbolic links followed) before it is judged: what
    # counts is the file that would be copied, which must lie inside the notes folder (seeds/).
    refused = None
    size = pixels = None
    written = unquote(target)
    if written.startswith("/") and not written.startswith("//") and body.image_root:
        # Typora's ``typora-root-url``: the folder, from the note's, a ``/…`` path starts from.
        written = f"{body.image_root}/{written.lstrip('/')}"
        target = quote(written)
    elif written.startswith("/") and not written.startswith("//"):  # from the old site's root
        found = site_root.site_file(written, note_dir, root)
        if found is None and not site_root.names_a_file(written):  # a file of this machine: refused below
            body.findings.append((line, site_root.not_found_message(target, root.name)))
            body.watched += [str(p) for p in site_root.candidates(written, note_dir, root)]
            body.images.append(ImageRef(line=line, alt=alt, target=target, path=None, exists=False))
            return _placeholder(alt, "图片缺失", "zd-missing-image")
        if found is not None:  # the file's path, as every later reading of the note takes it
            written, target = found, quote(found)
    try:
        path = disk_names.on_disk(
            note_dir / written
        ).resolve()  # ``Café.png`` typed, ``Cafe\u0301.png`` on disk
        exists = path.is_file()
        if not path.is_relative_to(root.resolve()):
            refused = "outside"
        elif exists and path.suffix.lower() not in IMAGE_SUFFIXES:
            refused = "not-an-image"
        elif path.is_dir():
            refused = "folder"
        elif exists:
            size = image_sizes.measured(path)
    except image_sizes.TooLargeError as exc:
        refused, pixels = "too-large", exc.pixels
    except (OSError, ValueError, RuntimeError):  # a symbolic link loop, a name too long, a NUL byte
        refused = "unusable"
    if refused:
        body.images.append(
            ImageRef(
                line=line, alt=alt, target=target, path=None, exists=False, refused=refused, pixels=pixels
            )
        )
        return _placeholder(alt, REFUSED_LABEL, "zd-missing-image zd-missing-image--refused")
    body.images.append(ImageRef(line=line, alt=alt, target=target, path=path, exists=exists))
    return (path, size) if exists else _placeholder(alt, "图片缺失", "zd-missing-image")


def _placeholder(alt: str, label: str, kind: str) -> str:
    """A visible stand-in for an image the page does not show: its alt text, not the path (the build's warning says it)."""
    return fragments.render("zd-body.html", "missing_image", kind=kind, label=label, name=alt)
