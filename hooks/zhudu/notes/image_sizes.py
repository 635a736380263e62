"""An image's size in pixels, given to its ``<img>`` so the page keeps its place while the image loads.

Without ``width`` and ``height`` a browser lays an image out at zero height and pushes the text down
when it arrives: on a phone a passage link (``#p-…``, a theme's link down to the passage) lands on
the wrong lines.  With them it reserves the image's box (Material's ``max-width: 100%; height:
auto`` scales it to the column).  Only the file's header is read (Pillow's ``Image.open`` does not
decode); a note is read again, and so its images' headers, only when it or one of its images
changed (``reads``: an image's file status is part of the note's key).
"""

from __future__ import annotations

import re
from pathlib import Path

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


def pixel_size(path: Path) -> tuple[int, int] | None:
    """The image's width and height in pixels from its header; None when it is not an image Pillow reads."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            width, height = image.size
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None  # published as it is, without a size (as before: no warning for a broken image)
    return (width, height) if width > 0 and height > 0 else None


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


def with_ratio(attr_list_text: str, path: Path) -> str:
    """An author's attr list (``{ width="50%" }``) of the image at ``path``, its shape added when the width is a share."""
    if not _ATTR_SHARE_RE.search(attr_list_text) or _ATTR_HEIGHT_RE.search(attr_list_text):
        return attr_list_text
    ratio = "".join(f' {name}="{value}"' for name, value in ratio_attributes(pixel_size(path)).items())
    opening = 2 if attr_list_text.startswith("{:") else 1  # ``{: …}`` is attr_list's too
    return attr_list_text[:opening] + ratio + " " + attr_list_text[opening:].lstrip()


def _sizes(size: tuple[int, int] | None, column_share: str | None) -> dict[str, str]:
    if column_share:
        return {"width": column_share, **ratio_attributes(size)}
    return {"width": str(size[0]), "height": str(size[1])} if size else {}
