"""Writing one rendered page into every script variant of the site.

The site is rendered once, in the default variant (Simplified).  Each other
variant is derived from that HTML, not rendered again: its text is converted
(``script.Converter.html``), Material's interface strings are filled in from
the variant's own translation, and relative URLs are re-aimed so that links
between pages stay inside the variant while theme assets are shared from the
root.  Rendering everything three times is what this module avoids.
"""

from __future__ import annotations

import json
import posixpath
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape, unescape
from itertools import accumulate
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

from zhudu import fragments

# --------------------------------------------------------------------------- Data

#: Interface strings are emitted by ``overrides/partials/language.html`` between these
#: private-use characters and filled in per variant (see ``localise``).
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
VARIANT_SCHEME = "zd-variant:"  # zd-variant:CODE → this page in variant CODE, at site_url when it is set
VARIANT_LINK_SCHEME = "zd-variant-link:"  # zd-variant-link:CODE → this page in variant CODE, on this site
VARIANT_ROOT_SCHEME = "zd-variant-root:"  # zd-variant-root:CODE → the root of variant CODE, on this site

_RAW_MARK_RE = re.compile("\ue000(?P<key>[a-z0-9_.]+)\ue001")
_JSON_MARK_RE = re.compile(r"\\ue000(?P<key>[a-z0-9_.]+)\\ue001")
_URL_ATTR_SPLIT_RE = re.compile(r"""(\s(?:href|src)=")([^"]*)(?=")""")  # the URL of an href or src
_CONFIG_SEARCH_RE = re.compile(r"""(?P<lead>"search":\s*")(?P<url>[^"]+)(?P<tail>")""")
_CONFIG_BASE_RE = re.compile(r"""(?P<lead>"base":\s*")(?P<url>/[^"]*)(?P<tail>")""")
_HTML_LANG_RE = re.compile(r"<html lang=\"[^\"]*\"")
_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
#: Re-aimed for the page, not its folder.
_PAGE_SCHEMES = (VARIANT_SCHEME, VARIANT_LINK_SCHEME, VARIANT_ROOT_SCHEME)


@dataclass(frozen=True)
class VariantInfo:
    """What page writing needs to know about one variant."""

    code: str
    name: str
    prefix: str  # "zh-Hant-TW/": every variant lives in its own folder, ending in "/"
    material_language: str
    script: str = "Hans"


#: Stands for the variant being written while a page's URLs are re-aimed once for every variant
#: (all variant folders are one level deep); ``fill_folder`` puts each variant's folder in its place.
FOLDER_PLACEHOLDER = "\ue002zd-variant-folder\ue003/"
STAND_IN = VariantInfo(code="", name="", prefix=FOLDER_PLACEHOLDER, material_language="")


def fill_folder(html: str, variant: VariantInfo) -> str:
    """A page re-aimed for ``STAND_IN`` as it is for ``variant``."""
    return html.replace(FOLDER_PLACEHOLDER, variant.prefix)


# --------------------------------------------------------------------------- Interface strings


def material_keys(en_template_source: str) -> list[str]:
    """Every translation key Material defines (read from its English language file)."""
    return re.findall(r'^\s*"([a-z0-9_.]+)":', en_template_source, re.MULTILINE)


def localise(html: str, strings: Mapping[str, str]) -> str:
    """Fill in the interface-string markers, in JSON (``__config``) and in HTML."""
    html = _JSON_MARK_RE.sub(lambda m: _json_string_body(strings.get(m["key"], m["key"])), html)
    return _RAW_MARK_RE.sub(lambda m: escape(strings.get(m["key"], m["key"]), quote=True), html)


#: What a JSON string inside ``<script>`` keeps escaped: what could end the element or open a
#: comment there, and the two line separators older JavaScript parsers refuse.
_JSON_IN_SCRIPT = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def _json_string_body(value: str) -> str:
    r"""``value`` as the inside of a JSON string in a ``<script>``, Chinese as itself.

    ``\uXXXX`` for every Chinese character was 6 bytes instead of 3: about 280 bytes of Material's
    search strings in every page's ``__config``.
    """
    return json.dumps(value, ensure_ascii=False)[1:-1].translate(_JSON_IN_SCRIPT)


# --------------------------------------------------------------------------- URLs


def alternates(all_variants: Iterable[VariantInfo]) -> list[dict[str, str]]:
    """Material's ``extra.alternate``: every variant, for the head's hreflang links and the variant menu.

    ``link`` (Material's ``<link rel=alternate hreflang>``) names this page in the variant, at
    ``site_url``, for crawlers; the menu (``partials/alternate.html``) takes ``menu``, this page on the
    site being read (a preview or a fork stays on itself), or ``home`` where there is no page (404).
    """
    return [
        {
            "name": v.name,
            "lang": v.code,
            "link": f"{VARIANT_SCHEME}{v.code}",
            "menu": f"{VARIANT_LINK_SCHEME}{v.code}",
            "home": f"{VARIANT_ROOT_SCHEME}{v.code}",
        }
        for v in all_variants
    ]


def page_dir(dest_uri: str) -> str:
    """The folder of an output file, relative to the site root ("" for the root)."""
    return posixpath.dirname(dest_uri)


def relocate(
    html: str,
    *,
    dest_uri: str,
    variant: VariantInfo,
    variants: Iterable[VariantInfo],
    page_url: str,
    is_variant_local: Callable[[str], bool],
    site_url: str,
    memo: dict[tuple[str, str, str], str] | None = None,
) -> str:
    """Re-aim URLs of a page rendered for the default variant so it works at ``variant.prefix``.

    Args:
        html: The page as rendered (for the site root).
        dest_uri: Where that page was written, relative to the site root.
        variant: The variant being written.
        variants: All variants (for ``zd-variant:CODE`` links).
        page_url: The page's URL relative to a variant root (``notes/x/``).
        is_variant_local: Whether a root-relative path is a page (or per-variant file) that
            each variant has its own copy of; everything else (theme assets, images) is shared.
        site_url: The configured site URL ("" when unset).
        memo: URLs re-aimed on earlier pages, kept by the caller for the build (pages repeat
            the chrome's URLs).  A URL is kept with the variant and the part of the page's folder
            its target depends on; links to other variants (``zd-variant:``) are not kept.
    """
    depth = variant.prefix.count("/")
    up = "../" * depth
    here = page_dir(dest_uri)
    by_code = {v.code: v for v in variants}
    site_path = urlsplit(site_url).path if site_url else ""  # "/zhudu/" for a project site
    if site_path and not site_path.endswith("/"):
        site_path += "/"

    def variant_link(code: str, root: bool = False, absolute: bool = False) -> str:
        target = by_code[code]
        root_relative = target.prefix + ("" if root else page_url)
        if absolute and site_url:
            return site_url.rstrip("/") + "/" + root_relative
        if site_path and dest_uri == "404.html":  # served at any depth: root-absolute, like MkDocs writes it
            return site_path + root_relative
        own_dir = posixpath.join(variant.prefix, here) if variant.prefix else here
        rel = posixpath.relpath(root_relative or ".", own_dir or ".")
        return rel + ("/" if root_relative.endswith("/") and not rel.endswith("/") else "")

    def fix(url: str) -> str:
        if url.startswith(VARIANT_ROOT_SCHEME):
            return variant_link(url[len(VARIANT_ROOT_SCHEME) :], root=True)
        if url.startswith((VARIANT_SCHEME, VARIANT_LINK_SCHEME)):
            absolute = url.startswith(VARIANT_SCHEME)
            code, _, fragment = url.partition(":")[2].partition("#")
            return variant_link(code, absolute=absolute) + (f"#{fragment}" if fragment else "")
        if not depth:
            return url
        if site_url and url.startswith(site_url.rstrip("/") + "/"):
            rest = url[len(site_url.rstrip("/")) + 1 :]
            path = rest.split("#")[0].split("?")[0]
            return site_url.rstrip("/") + "/" + variant.prefix + rest if is_variant_local(path) else url
        if site_path and url.startswith(site_path) and not url.startswith("//"):
            # Root-absolute, as MkDocs writes 404.html (served for any missing path).
            return (
                site_path + variant.prefix + url[len(site_path) :]
                if is_variant_local(_target(url[len(site_path) :], ""))
                else url
            )
        if not url or url.startswith(("#", "/", "?")) or _SCHEME_RE.match(url):
            return url
        if url.startswith("&#") and _SCHEME_RE.match(unescape(url)):
            return url  # an e-mail link, written in character references (magiclink's mailto:)
        target = _target(url, here)
        if target.startswith(".."):
            return url
        return url if is_variant_local(target) else up + url

    # A page repeats its URLs (theme markers), and pages repeat each other's (the
    # chrome): each is worked out once.
    fixed: dict[str, str] = {}
    shared = memo if memo is not None else {}
    folder_keys = _folder_keys(here.split("/") if here else [])

    def fix_once(url: str) -> str:
        out = fixed.get(url)
        if out is None:
            key = _memo_key(url, variant.prefix, folder_keys)
            out = shared.get(key) if key is not None else None
            if out is None:
                out = fix(url)
                if key is not None:
                    shared[key] = out
            fixed[url] = out
        return out

    # Split at the URLs ([text, lead, url, text, …]) and joined again: a callback per URL, building
    # each match's replacement, cost more than the URLs' own lookups.
    parts = _URL_ATTR_SPLIT_RE.split(html)
    parts[2::3] = [fixed.get(url) or fix_once(url) for url in parts[2::3]]
    html = "".join(parts)
    if depth:
        html = _CONFIG_SEARCH_RE.sub(
            lambda m: m["lead"] + (m["url"] if m["url"].startswith("/") else up + m["url"]) + m["tail"],
            html,
            count=1,
        )
        if site_path:  # a root-absolute base (404.html): the variant's own root, for its search index
            html = _CONFIG_BASE_RE.sub(
                lambda m: (
                    m["lead"]
                    + (site_path + variant.prefix if m["url"] == site_path else m["url"])
                    + m["tail"]
                ),
                html,
                count=1,
            )
    return html


def _folder_keys(folders: list[str]) -> list[str]:
    """For each number of leading ``../`` a URL climbs, the part of the page's folder it depends on.

    That is the page's depth and the folders the ``../`` do not climb out of.  (A ``..`` further on
    climbs higher still, so the URL depends on fewer folders, not more.)
    """
    depth = len(folders)
    return [f"{depth}:" + "/".join(folders[: depth - ups]) for ups in range(depth + 1)]


def _memo_key(url: str, prefix: str, folder_keys: list[str]) -> tuple[str, str, str] | None:
    """What re-aiming ``url`` depends on besides the site (``_folder_keys``); ``None`` when it depends on the page."""
    if url.startswith(_PAGE_SCHEMES):
        return None
    ups = 0
    while url.startswith("../", 3 * ups):
        ups += 1
    return (prefix, folder_keys[min(ups, len(folder_keys) - 1)], url)


def _target(url: str, here: str) -> str:
    """The root-relative path a relative URL on a page in folder ``here`` points to ("" = the root)."""
    path = url.split("#")[0].split("?")[0]
    target = posixpath.normpath(posixpath.join(here, path)) if path else (here or ".")
    if target == ".":
        target = ""
    if target and (path.endswith("/") or path.endswith("/.") or path in ("", ".")):
        target += "/"
    return target


def set_html_lang(html: str, code: str) -> str:
    """Make ``<html lang>`` the variant's BCP 47 tag."""
    return _HTML_LANG_RE.sub(f'<html lang="{code}"', html, count=1)


# --------------------------------------------------------------------------- Per variant, in place


def fill(html: str, variant: VariantInfo, strings: Mapping[str, str]) -> str:
    """A page re-aimed for ``STAND_IN`` made the variant's: its folder, interface strings and ``<html lang>``."""
    return set_html_lang(_fill_text(html, variant, strings), variant.code)


def _fill_text(text: str, variant: VariantInfo, strings: Mapping[str, str]) -> str:
    return localise(fill_folder(text, variant), strings)


#: What ``fill`` replaces besides ``<html lang>``: (where one may start, what it is).
_FILLED = (
    (MARK_OPEN, _RAW_MARK_RE),
    ("\\ue000", _JSON_MARK_RE),
    (FOLDER_PLACEHOLDER, re.compile(re.escape(FOLDER_PLACEHOLDER))),
)


@dataclass(frozen=True)
class FillPoints:
    """The few pieces of a tokenized page that ``fill`` changes (``fill_points``)."""

    pieces: tuple[int, ...]  # holding a folder placeholder or an interface-string marker
    lang: int | None  # holding the page's ``<html lang>``


def fill_points(html: str, pieces: Sequence[str]) -> FillPoints | None:
    """Where ``fill`` changes ``html``, as indices of its pieces (``"".join(pieces) == html``).

    Filling those pieces alone and joining them once gives ``fill``'s page without copying the whole
    page three more times per variant (at 3,000 notes, copies of pages of 90 KB cost a writer a
    tenth of its time).  ``None`` when something to fill spans two pieces: the page is filled whole.
    """
    spans: list[tuple[int, int]] = []
    for lead, pattern in _FILLED:  # found by ``str.find``: far faster than a regex over a whole page
        at = html.find(lead)
        while at >= 0:
            if (found := pattern.match(html, at)) is not None:
                spans.append(found.span())
            at = html.find(lead, at + 1)
    lang = _HTML_LANG_RE.search(html)
    ends = list(accumulate(map(len, pieces)))  # where each piece ends in ``html``

    def piece_of(start: int, end: int) -> int | None:
        first = bisect_right(ends, start)
        return first if bisect_right(ends, end - 1) == first else None

    indices: set[int] = set()
    for start, end in spans:
        if (index := piece_of(start, end)) is None:
            return None
        indices.add(index)
    lang_index = piece_of(*lang.span()) if lang is not None else None
    if lang is not None and lang_index is None:
        return None
    return FillPoints(pieces=tuple(sorted(indices)), lang=lang_index)


def fill_pieces(
    pieces: list[str], points: FillPoints, variant: VariantInfo, strings: Mapping[str, str]
) -> list[str]:
    """``pieces`` (a variant's own list) with ``points`` filled in place; joined, what ``fill`` gives."""
    for i in points.pieces:
        pieces[i] = _fill_text(pieces[i], variant, strings)
    if points.lang is not None:
        pieces[points.lang] = set_html_lang(pieces[points.lang], variant.code)
    return pieces


# --------------------------------------------------------------------------- Sitemaps


def sitemap(
    page_urls: Iterable[tuple[str, str | None]],
    variant: VariantInfo,
    site_url: str,
) -> str:
    """A variant's ``sitemap.xml``: its own URLs in ``<loc>``, one ``<url>`` a line.

    No ``xhtml:link`` alternates: every page's head names each variant (``hreflang`` links), which
    crawlers read as the same annotation (they were a third of the site's sitemap bytes).
    Material's instant navigation reads only ``<loc>`` of the variant it is in, so a switch to
    another variant is a full page load (the ``<html lang>`` changes).
    """
    base = site_url.rstrip("/") + "/" if site_url else ""
    rows = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for url, lastmod in page_urls:
        date = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        rows.append(f"<url><loc>{xml_escape(base + variant.prefix + url)}</loc>{date}</url>")
    rows.append("</urlset>")
    return "\n".join(rows) + "\n"


def redirect_stub(
    *,
    dest_uri: str,
    page_url: str,
    title: str,
    variants: Iterable[VariantInfo],
    head: str = "",
    favicon: str = "",
) -> str:
    """A root-level page sending the reader to the same page in their variant (``head``: more of its head, HTML).

    ``favicon`` (``theme.favicon``, relative to the site): linked, so a browser does not ask the host's root for
    ``/favicon.ico`` (a 404 under a GitHub Pages project's sub-path).
    """
    all_variants = list(variants)
    here = page_dir(dest_uri)
    up = "../" * (here.count("/") + 1) if here else ""
    prefixes = json.dumps({v.code: v.prefix for v in all_variants}, ensure_ascii=False, separators=(",", ":"))
    # The script sends a reader who chose a variant (``zd-variant``, set by the variant selector) to it before the
    # refresh sends everyone else to the default one.
    return fragments.render(
        "zd-root-stub.html",
        "stub",
        lang=all_variants[0].code,
        title=title,
        default=up + all_variants[0].prefix + page_url,
        prefixes=prefixes,
        up=up,
        page=page_url.replace('"', "%22"),
        head=head,
        favicon=(favicon if favicon.startswith("/") or "://" in favicon else up + favicon) if favicon else "",
    )
