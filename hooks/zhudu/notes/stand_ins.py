"""What the sanitiser shows where it removed something a reader could have used: a link, a label.

Drawn from the ``zd-sanitizer.html`` fragments; the judging is :mod:`zhudu.notes.sanitizer`'s.
"""

from __future__ import annotations

import html as html_lib

from zhudu import fragments


def remote_image_html(alt: str, url: str) -> str:
    """What a remote image is shown as: its description and a link to it (no request to its host).

    The one place remote images are drawn, from Markdown (``body``) and from raw HTML alike.
    """
    return fragments.render("zd-sanitizer.html", "remote_image", alt=alt, url=url)


EMBED_LABEL = "嵌入内容（外部链接）"
DIAGRAM_LABEL = "Mermaid 图表（尚未渲染，以下是它的源代码）"


def embed_html(url: str) -> str:
    """What an ``<iframe>``/``<embed>``/``<object>`` is shown as: a labelled link to what it embedded."""
    return fragments.render("zd-sanitizer.html", "embed", label=EMBED_LABEL, url=url)


UNSAFE_IMAGE_LABEL = "图片未发布"


def unsafe_image_html(alt: str) -> str:
    """What an image whose URL may not be loaded (``javascript:``, ``data:``) is shown as: its description, or a label."""
    return html_lib.escape(alt, quote=False) or fragments.render(
        "zd-sanitizer.html", "unsafe_image", label=UNSAFE_IMAGE_LABEL
    )


def unsafe_image_message(url: str, alt: str, *, raw: bool) -> str:
    """The warning for such an image, written as raw HTML (``raw``) or in Markdown."""
    shown = "its description is shown instead" if alt else "a label is shown instead"
    return (
        f"{f'<img src={url!r}>:' if raw else f'image {url!r}:'} only http, https and relative URLs are allowed: "
        f"{shown}; save the image beside the note and link it from there"
    )
