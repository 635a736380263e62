"""Per-variant values for the Open Graph / Twitter tags of ``overrides/partials/zd-social.html``.

A page is rendered once and written in every variant (see ``variants``), so values
that differ per variant and live in attributes the converter never touches
(``og:locale``, ``og:url``, ``og:site_name``, the feed's file name and title) are emitted as interface-string
markers (``partials/language.html``'s ``t()``) and filled in by ``variants.localise``
from the table this module adds to.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from zhudu.publish import feeds

#: Marker keys the partial uses (``lang.t("zd.og_locale")`` …).
OG_LOCALE, PREFIX, SITE_NAME, CODE = "zd.og_locale", "zd.prefix", "zd.site_name", "zd.code"
#: The page's own feed ``<link>``'s title: the feed's own (``feeds.feed_title``), the variant named.
FEED_TITLE = "zd.feed_title"
#: The default preview image, shared by every variant (made once; see README).
IMAGE = "assets/zhudu/social.png"
IMAGE_SIZE = (1200, 630)


def variant_strings(
    *, code: str, prefix: str, og_locale: str, site_name: str, name: str, convert: Callable[[str], str]
) -> Mapping[str, str]:
    """The marker values of one variant.

    Args:
        code: The variant's BCP 47 code.
        prefix: Its URL folder, ending in ``/``.
        og_locale: Its ``og:locale`` (``zh_TW``), from ``extra.zhudu.variants``.
        site_name: The site's name as written (Simplified).
        name: The variant's name, as the variant menu shows it.
        convert: Writes a text in the variant's script.
    """
    return {
        OG_LOCALE: og_locale,
        PREFIX: prefix,
        SITE_NAME: convert(site_name),
        CODE: code,
        FEED_TITLE: feeds.feed_title(convert(site_name), name),
    }
