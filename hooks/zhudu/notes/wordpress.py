"""WordPress's own shortcodes, left in a post its export tools turned into Markdown.

wordpress-export-to-markdown (and the other converters) turn a post's HTML into Markdown, but the
shortcodes WordPress expands when it shows a post stay as written: a classic-editor image with a
caption is ``[caption id="attachment_12" …]![](images/a.jpg) 说明[/caption]``, a video
``[embed]https://…[/embed]``.  A captioned image is a figure here, an embed its labelled link; a
gallery, video, audio or playlist of the old site's media library is labelled (its files are not in
the export), with a warning.
"""

from __future__ import annotations

import re

from zhudu import fragments
from zhudu.notes.dialect_markdown import embed_link
from zhudu.notes.safety import safe_url

#: WordPress's shortcodes, in a line's text: ``[caption …]…[/caption]``, ``[embed]url[/embed]``, ``[gallery ids="…"]``
#: (a media shortcode with its attributes or its end: a bare ``[video]`` is a link's text, ``[video](a.md)``).
SHORTCODE_PATTERN = r"""\[caption\b[^\]\n]*\](?P<wp_caption>.*?)\[/caption\]
      | \[embed\](?P<wp_embed>[^\[\]\n]+?)\[/embed\]
      | \[(?P<wp_media>gallery|video|audio|playlist)
        (?:[ \t]+[a-z_]+=[^\]\n]*\](?:.*?\[/(?P=wp_media)\])? | \].*?\[/(?P=wp_media)\])"""
#: A captioned image: the image (linked or not; Markdown, or the ``<img>`` WordPress wrote when a converter left
#: the post's HTML) first, its caption after.
#: An ``[embed]``'s URL, as WordPress's embed handler takes one (anything else is shown as written).
_WEB_URL_RE = re.compile(r"""^[A-Za-z][A-Za-z0-9+.-]*://[^\s<>"']+$""")
_CAPTIONED_RE = re.compile(
    r"""^\s*(?P<image>\[?!\[[^\]\n]*\]\([^)\n]*\)(?:\]\([^)\n]*\))?
      | (?:<a\b[^>\n]*>\s*)?<img\b[^>\n]*>(?:\s*</a>)?)\s*(?P<caption>.*?)\s*$""",
    re.VERBOSE | re.IGNORECASE,
)


def rewrite(m: re.Match[str], *, whole: bool) -> str | None:
    """The Markdown a WordPress shortcode shows as, or None when this site cannot show it."""
    if (inner := m["wp_caption"]) is not None:
        if not (parts := _CAPTIONED_RE.match(inner)):
            return inner  # no image: the caption's text, as WordPress shows it
        if not whole or not parts["caption"]:
            return " ".join(p for p in (parts["image"], parts["caption"]) if p)
        return fragments.render("zd-dialect.html", "figure", image=parts["image"], caption=parts["caption"])
    if (url := m["wp_embed"]) is not None and _WEB_URL_RE.match(url) and safe_url(url):
        return embed_link(url)
    return None


def embed_message(written: str) -> str:
    """The warning for an ``[embed]`` whose text is not a URL (a converter's broken markup, a pasted tag)."""
    return (
        f"{written}: what it embeds is not a web address (http:// or https://, no spaces, quotes or <>): "
        "shown as written, labelled; write the page's URL between [embed] and [/embed]"
    )
