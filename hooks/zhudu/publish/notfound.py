"""The site's root 404 page.

GitHub Pages serves the root ``404.html`` for every missing path, in whatever variant folder it
is.  It is written as the default variant's own 404 page (its links, feed and search inside that
variant, its text converted), and ``overrides/404.html`` sends the reader on to the variant the
path names, or the one they chose before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zhudu.script import variants

if TYPE_CHECKING:
    from zhudu.publish.site import Site

NOT_FOUND = "404.html"


def root_page(html: str, site: Site) -> str:
    """The 404 page rendered for the site root, made the default variant's (as its folder's copy)."""
    default = site.default
    page = variants.relocate(
        html,
        dest_uri=NOT_FOUND,
        variant=default,
        variants=site.variants,
        page_url=NOT_FOUND,
        is_variant_local=site.is_variant_local,
        site_url=site.site_url,
    )
    page = site.converter(default.code, "Hans").html(page)
    return variants.fill(page, default, site.strings.get(default.code, {}))
