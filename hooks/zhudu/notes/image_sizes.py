"""An image's size in pixels, given to its ``<img>`` so the page keeps its place while the image loads.

Without ``width`` and ``height`` a browser lays an image out at zero height and pushes the text down
when it arrives: on a phone a passage link (``#p-…``, a theme's link down to the passage) lands on
the wrong lines.  With them it reserves the image's box (Material's ``max-width: 100%; height:
auto`` scales it to the column).  Only the file's header is read (Pillow's ``Image.open`` does not
decode); a note is read again, and so its images' headers, only when it or one of its images
changed (``reads``: an image's file status is part of the note's key).

One limit holds for every image, downloaded or in ``seeds/``: ``MAX_PIXELS``.  A small file can
decode into gigabytes in the reader's browser (a 48 KB PNG of 20000 × 20000), so a larger image is
not published; Pillow's own decompression-bomb warning, which names no note, is never let out.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image as PILImage

#: Largest image published, in pixels (width × height): a 40-megapixel photo.
MAX_PIXELS = 40_000_000

#: The pixel count in Pillow's ``DecompressionBombError`` (an image too large for it to open at all).
_BOMB_PIXELS_RE = re.compile(r"\((\d+) pixels\)")

#: A length in pixels as an ``<img>``'s ``width`` or ``height`` (``600``, ``600px``); not a percentage.
_PIXELS_RE = re.compile(r"^\s*(\d{1,5})(?:\.\d*)?\s*(?:px)?\s*$", re.IGNORECASE)

#: A share of the column as an ``<img>``'s ``width`` (``50%``).
_SHARE_RE = re.compile(r"^\s*(\d{1,3}(?:\.\d+)?)\s*%\s*$")

#: A ``width`` given as a share of the column in an attr list (``{ width="50%" }``), and any ``height``.
_ATTR_SHARE_RE = re.compile(r"""[\s{:]width=(?P<q>["']?)[0-9.]+%(?P=q)(?=[\s}])""")
_ATTR_HEIGHT_RE = re.compile(r"[\s{:]height=")

#: What the ``<img>`` of a published image gets besides its size: loaded when the reader nears it,
#: decoded off the main thread (its box is reserved, so neither moves the text).
LOADING = 'loading="lazy" decoding="async"'


class TooLargeError(ValueError):
    """An image of more than ``MAX_PIXELS`` pixels (``pixels``: how many, or at least how many)."""

    def __init__(self, pixels: int) -> None:
        super().__init__(
            f"{megapixels(pixels)} megapixels, over the {megapixels(MAX_PIXELS)}-megapixel limit"
        )
        self.pixels = pixels


def megapixels(pixels: int) -> str:
    """``pixels`` in megapixels as a reader counts them (``400``, ``0.5``)."""
    return f"{pixels / 1_000_000:.3g}" if pixels < 10_000_000 else f"{round(pixels / 1_000_000)}"


@contextmanager
def opened(source: Path | IO[bytes]) -> Iterator[PILImage.Image]:
    """The image at ``source``, its header read; ``TooLargeError`` over ``MAX_PIXELS``.

    Pillow warns of (over ~89 megapixels) or refuses (over twice that) an image by its own limit,
    with a stack trace and no note's name: its warning is silenced here, where the build's own
    limit, lower, is told with the note's line instead.  Pillow's limit is read, never changed.
    """
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(source)
        except Image.DecompressionBombError as exc:
            found = _BOMB_PIXELS_RE.search(str(exc))  # at least Pillow's refusal limit when it says no number
            raise TooLargeError(
                int(found[1]) if found else 2 * (Image.MAX_IMAGE_PIXELS or MAX_PIXELS)
            ) from None
    with image:
        if image.width * image.height > MAX_PIXELS:
            raise TooLargeError(image.width * image.height)
        yield image


def measured(path: Path) -> tuple[int, int] | None:
    """The image's width and height in pixels from its header; None when it is not an image Pillow reads.

    ``TooLargeError`` when it is over ``MAX_PIXELS``: the note's image is then not published.
    """
    try:
        with opened(path) as image:
            width, height = image.size
    except (OSError, ValueError, SyntaxError) as exc:
        if isinstance(exc, TooLargeError):
            raise
        return None  # published as it is, without a size (as before: no warning for a broken image)
    return (width, height) if width > 0 and height > 0 else None


def pixel_size(path: Path) -> tuple[int, int] | None:
    """:func:`measured`, None also for an image over the limit (refused where the note's image is judged)."""
    try:
        return measured(path)
    except TooLargeError:
        return None


def scaled(size: tuple[int, int], width: int) -> tuple[int, int]:
    """``size`` at ``width`` pixels wide, keeping its shape (a downloaded image's phone copy)."""
    if size[0] <= width:
        return size
    return width, max(1, round(size[1] * width / size[0]))


def pixels(value: str | None) -> int | None:
    """An ``<img>``'s ``width`` or ``height`` attribute in pixels, or None (absent, zero, a percentage)."""
    m = _PIXELS_RE.match(value or "")
    return (int(m[1]) or None) if m else None


def share(value: str | None) -> str | None:
    """An ``<img>``'s ``width`` given as a share of the column (``50%``), or None (absent, pixels, 0, over 100)."""
    m = _SHARE_RE.match(value or "")
    return f"{m[1]}%" if m and 0 < float(m[1]) <= 100 else None


def as_written(size: tuple[int, int], width: int | None, height: int | None) -> tuple[int, int]:
    """The size the author gave an image of ``size`` pixels, the one they did not give following its shape.

    ``<img width=600>`` of a 1600 × 800 image is 600 × 300.
    """
    if width and height:
        return width, height
    if width:
        return width, max(1, round(width * size[1] / size[0]))
    if height:
        return max(1, round(height * size[0] / size[1])), height
    return size


def attr_list(size: tuple[int, int] | None, extra: str = "", column_share: str | None = None) -> str:
    """The attr_list suffix of an image's Markdown (``![…](…){ … }``): its size, how it loads, ``extra``.

    ``column_share``: the author's ``width="50%"``, shown instead of ``size`` (no height: a browser keeps
    no box from a share and a height, and the image would be stretched to that height); ``size`` then
    gives its shape (:func:`ratio_attributes`).
    """
    sized = "".join(f'{name}="{value}" ' for name, value in _sizes(size, column_share).items())
    return "{ " + sized + LOADING + (" " + extra if extra else "") + " }"


def html_attributes(size: tuple[int, int] | None, column_share: str | None = None) -> dict[str, str]:
    """The same as :func:`attr_list`, as attributes of a raw ``<img>``."""
    return {**_sizes(size, column_share), "loading": "lazy", "decoding": "async"}


def ratio_attributes(size: tuple[int, int] | None) -> dict[str, str]:
    """What lets an image of ``size`` shown at a share of the column keep its box before it loads.

    A browser takes an aspect ratio from ``width`` and ``height`` only when both are pixels; with
    ``width="50%"`` the image was laid out at zero height and the text jumped when it arrived.
    ``zhudu.css`` reads this attribute as the image's ``aspect-ratio`` (a note may hold no ``style``).
    """
    return {"data-zd-ratio": f"{size[0] / size[1]:.6g}"} if size else {}


def with_ratio(attr_list_text: str, size: tuple[int, int] | None) -> str:
    """An author's attr list (``{ width="50%" }``) of an image of ``size``, its shape added when the width is a share."""
    if not _ATTR_SHARE_RE.search(attr_list_text) or _ATTR_HEIGHT_RE.search(attr_list_text):
        return attr_list_text
    ratio = "".join(f' {name}="{value}"' for name, value in ratio_attributes(size).items())
    opening = 2 if attr_list_text.startswith("{:") else 1  # ``{: …}`` is attr_list's too
    return attr_list_text[:opening] + ratio + " " + attr_list_text[opening:].lstrip()


def _sizes(size: tuple[int, int] | None, column_share: str | None) -> dict[str, str]:
    if column_share:
        return {"width": column_share, **ratio_attributes(size)}
    return {"width": str(size[0]), "height": str(size[1])} if size else {}
