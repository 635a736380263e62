"""The allow-list a note's raw HTML and URLs are judged by, and the sanitiser that applies it.

:func:`safe_url` (URL schemes), :class:`Sanitizer` (tags and attributes, through nh3) and the
``extra.zhudu.raw_html_allow`` setting (:class:`RawHtmlAllow`).  Where in a note's Markdown they
are applied, and why there, is :mod:`zhudu.notes.safety`.
"""

from __future__ import annotations

import html as html_lib
import re
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import nh3
from mkdocs.config import config_options as c

from zhudu import fragments

# What a removed piece is shown as instead; public here too, as they were.
from zhudu.notes.stand_ins import DIAGRAM_LABEL as DIAGRAM_LABEL
from zhudu.notes.stand_ins import EMBED_LABEL as EMBED_LABEL
from zhudu.notes.stand_ins import embed_html as embed_html
from zhudu.notes.stand_ins import remote_image_html as remote_image_html
from zhudu.notes.stand_ins import unsafe_image_html as unsafe_image_html
from zhudu.notes.stand_ins import unsafe_image_message as unsafe_image_message
from zhudu.script.copy_folds import SEAL

# --------------------------------------------------------------------------- URLs

#: The schemes a URL from a note may have; anything else (``javascript:``, ``vbscript:``,
#: ``data:``, ``file:``) runs, or loads, something when a reader clicks or the page loads.
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_IGNORED_IN_URL_RE = re.compile(r"[\t\n\r]")  # a browser removes these anywhere in a URL
_URL_EDGE = "".join(chr(i) for i in range(0x21))  # and C0 controls and spaces at either end


def safe_url(url: str) -> bool:
    """Whether ``url`` (as the browser will read it, entities decoded) may be written into a page.

    True for http, https and mailto URLs and for URLs without a scheme (relative paths, ``//host``,
    ``?query``, ``#fragment``); False for every other scheme.  (A front-matter link a reader clicks
    is held to more, an absolute http(s) URL: ``meta.web_url``.)
    """
    text = _IGNORED_IN_URL_RE.sub("", url).strip(_URL_EDGE)
    m = _SCHEME_RE.match(text)
    return m is None or m[1].lower() in URL_SCHEMES


def is_remote(url: str) -> bool:
    """Whether loading ``url`` (an ``src``) would contact another host: it names a scheme or a host."""
    text = _IGNORED_IN_URL_RE.sub("", url).strip(_URL_EDGE)
    return bool(_SCHEME_RE.match(text)) or text[:2].replace("\\", "/") == "//"


# --------------------------------------------------------------------------- Allow-list

#: Tags a note's raw HTML may use: ammonia's defaults (text-level and structural HTML, tables,
#: images) and the HTML5 sectioning Zhudu's own markup uses.  No script, style, forms, frames,
#: media, SVG or MathML (foreign content is where sanitiser and browser readings part).  The MathML
#: a page shows is the build's own, typeset from the note's TeX (``notes/formulas.py``).
TAGS = frozenset(nh3.ALLOWED_TAGS | {"section", "main"})
#: Attributes allowed on every allowed tag; ``aria-*`` and ``data-*`` are allowed too (``_attr_ok``).
GENERIC_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "role", "translate", "markdown"})
#: Attributes allowed on particular tags (ammonia's defaults and a few harmless HTML5 ones).
TAG_ATTRIBUTES: Mapping[str, frozenset[str]] = {
    **{tag: frozenset(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding"}),
    "time": frozenset({"datetime"}),
    "data": frozenset({"value"}),
    "details": frozenset({"open"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "abbr": frozenset({"title"}),
    "area": frozenset({"href", "alt", "shape", "coords"}),
}
#: The build's ``data-zd-*`` its markup writes where a note's pieces are judged, harmless from an author too (a dead
#: link's target, a rule's values, a label only drawn or read as text, an image's shape); any other (a copy's script,
#: passages, themes …) is removed as ``data-md-*`` is, unless sealed as the build's (``copy_folds.SEAL``, a
#: noncharacter no note holds).
OWN_DATA_ATTRIBUTES = {
    "span": frozenset({"data-zd-target", "data-zd-conv", "data-zd-text"}),
    "img": frozenset({"data-zd-ratio"}),
}
#: Attributes holding a URL; every value is checked with ``safe_url``.
URL_ATTRIBUTES = frozenset(
    {"href", "src", "cite", "action", "formaction", "xlink:href", "background", "poster"}
)
#: Never allowed, whatever ``raw_html_allow`` says: what runs script, loads from another host,
#: or changes how the rest of the page is read.
FORBIDDEN_TAGS = frozenset(
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link",
        "meta", "form", "input", "button", "select", "textarea", "option", "svg", "math", "template",
        "noscript", "noembed", "noframes", "xmp", "plaintext", "portal", "video", "audio", "source",
        "track", "picture", "param", "title", "html", "head", "body",
    }
)  # fmt: skip
FORBIDDEN_ATTRIBUTES = frozenset(
    {"style", "srcset", "srcdoc", "formaction", "action", "xlink:href", "background", "poster", "ping",
     "usemap", "name", "is", "slot", "nonce", "http-equiv", "content"}
)  # fmt: skip
#: Embedding elements turned into a link to what they embedded.
EMBED_TAGS = frozenset({"iframe", "frame", "embed", "object", "applet", "portal"})
_EMBED_URL_ATTRS = ("src", "data", "code")
#: Elements whose content is code, not text: removed with the element.
DROP_CONTENT_TAGS = frozenset({"script", "style"})
_TABLE_ALIGN_RE = re.compile(r"^text-align: (?:left|right|center);$")  # the tables extension's own style


def never_allowed(name: str, value: str) -> bool:
    """Whether an attribute is removed wherever it is, whatever ``raw_html_allow`` says (``onerror``, ``style``, a ``javascript:`` URL)."""
    name = name.lower()
    return (
        name.startswith("on")
        or name in FORBIDDEN_ATTRIBUTES
        or (name in URL_ATTRIBUTES and not safe_url(value))
    )


def _reserved_id(value: str) -> bool:
    # Material reads its configuration from ``#__config`` (and has ``__palette_*``, ``__search`` …):
    # an element of the note's with such an id would be found first and could aim the theme's
    # requests at another host.
    return value.strip().startswith("__")


@dataclass(frozen=True)
class Finding:
    """Something removed or changed in a note's HTML: what to look for in the source, and why."""

    needle: str | tuple[str, ...]  # text of the note's source the line is found by (the first found)
    message: str
    warn: bool = True
    line: int = 0  # the source line when known already (0: found by ``needle``)


# --------------------------------------------------------------------------- Settings


def parse_allow(items: Iterable[str]) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """``raw_html_allow`` entries as extra tags and extra attributes per tag (``*``: any tag).

    ``"kbd"`` allows a tag; ``"abbr[title]"`` an attribute on a tag (and the tag); ``"*[itemprop]"``
    an attribute on every allowed tag.

    Raises:
        ValueError: a malformed entry, or one naming a tag or attribute that is never allowed.
    """
    tags: set[str] = set()
    attrs: dict[str, set[str]] = {}
    for item in items:
        m = re.fullmatch(
            r"\s*([A-Za-z][A-Za-z0-9-]*|\*)\s*(?:\[\s*([A-Za-z][A-Za-z0-9:_.-]*)\s*\])?\s*", item
        )
        if m is None:
            raise ValueError(f"{item!r}: write a tag (kbd), tag[attribute] (abbr[title]) or *[attribute]")
        tag, attr = m[1].lower(), (m[2] or "").lower()
        if tag in FORBIDDEN_TAGS:
            raise ValueError(
                f"{item!r}: <{tag}> can run script or load from another host; it is never allowed"
            )
        if attr and (attr.startswith("on") or attr in FORBIDDEN_ATTRIBUTES or attr in URL_ATTRIBUTES):
            raise ValueError(f"{item!r}: the attribute {attr} is never allowed")
        if tag == "*" and not attr:
            raise ValueError(f"{item!r}: '*' needs an attribute, e.g. *[itemprop]")
        if tag != "*":
            tags.add(tag)
        if attr:
            attrs.setdefault(tag, set()).add(attr)
    return frozenset(tags), {tag: frozenset(names) for tag, names in attrs.items()}


class RawHtmlAllow(c.ListOfItems):
    """``extra.zhudu.raw_html_allow``: more tags and attributes a note's raw HTML may use.

    ``[kbd, "abbr[title]", "*[itemprop]"]``.  Script, frames, forms, media, SVG, styles, event
    handlers and URL attributes are refused here, whatever is listed.
    """

    def __init__(self) -> None:
        super().__init__(c.Type(str), default=[])

    def run_validation(self, value: object) -> list[str]:
        items = super().run_validation(value)
        try:
            parse_allow(items)
        except ValueError as exc:
            raise c.ValidationError(str(exc)) from None
        return items


# --------------------------------------------------------------------------- Raw HTML


class _Scan(HTMLParser):
    """A piece of raw HTML read as events: enough to judge it and to rewrite it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, str, list[tuple[str, str]], str]] = []  # kind, tag, attrs, text
        self.other = False  # a comment, declaration or processing instruction

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, [(k, v or "") for k, v in attrs], self.get_starttag_text() or ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag, [], f"</{tag}>"))

    def handle_data(self, data: str) -> None:
        self.events.append(("data", "", [], data))

    def handle_comment(self, data: str) -> None:
        self.other = True

    def handle_decl(self, decl: str) -> None:
        self.other = True

    def handle_pi(self, data: str) -> None:
        self.other = True

    def unknown_decl(self, data: str) -> None:
        self.other = True


def _scan(text: str) -> _Scan:
    scan = _Scan()
    scan.feed(text)
    scan.close()
    return scan


#: Tags an HTML5 parser adds where they are implied (``<table><tr>`` gets a ``<tbody>``).
_IMPLIED_TAGS = frozenset({"tbody", "tr", "colgroup"})


def _start_tags(scan: _Scan) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    return [
        (tag, tuple(sorted(attrs)))
        for kind, tag, attrs, _ in scan.events
        if kind == "start" and not (tag in _IMPLIED_TAGS and not attrs)
    ]


def _classes(attrs: Iterable[tuple[str, str]]) -> list[str]:
    return next((v.split() for k, v in attrs if k == "class"), [])


#: Entries whose cleaning a sanitizer keeps at most (a bound for ``mkdocs serve``'s long life), and
#: the longest entry kept (a tag; what repeats is the tags of a page's embeds).
_CLEANED_KEPT = 4096
_KEPT_ENTRY_CHARS = 512


class Sanitizer:
    """The allow-list, applied to raw HTML strings and to Markdown's elements."""

    def __init__(self, allow: Iterable[str] = ()) -> None:
        extra_tags, extra_attrs = parse_allow(allow)
        self.tags = TAGS | extra_tags
        self.generic = GENERIC_ATTRIBUTES | extra_attrs.get("*", frozenset())
        self.tag_attrs = {
            tag: TAG_ATTRIBUTES.get(tag, frozenset()) | extra_attrs.get(tag, frozenset()) for tag in self.tags
        }
        self._cleaner = nh3.Cleaner(
            tags=set(self.tags),
            clean_content_tags=set(DROP_CONTENT_TAGS),
            attributes={"*": set(self.generic), **{t: set(a) for t, a in self.tag_attrs.items() if a}},
            attribute_filter=self._filter,
            generic_attribute_prefixes={"aria-", "data-"},
            link_rel=None,  # links.mark_external gives links to other hosts their rel
            url_schemes=set(URL_SCHEMES),
        )
        #: ``clean``'s answers by entry: a page's embeds repeat the same tags (3,000 copies, 6,000 ``<span>``s).
        self._cleaned: dict[str, tuple[str, tuple[Finding, ...]]] = {}

    # -- judging one attribute (shared by nh3's filter, the scan and the tree) ------------------

    def attr_ok(self, tag: str, name: str, value: str) -> bool:
        """Whether ``name="value"`` (value as the browser reads it) may stay on an allowed ``tag``."""
        if name.startswith("on") or name in FORBIDDEN_ATTRIBUTES:
            return False
        if not (
            name in self.generic
            or name in self.tag_attrs.get(tag, ())
            or name.startswith("aria-")
            or (name.startswith("data-") and not name.startswith(("data-md-", "data-zd-")))
            or name in OWN_DATA_ATTRIBUTES.get(tag, ())
            or (name.startswith("data-zd-") and value.startswith(SEAL))
        ):
            return False
        if name in URL_ATTRIBUTES and not safe_url(value):
            return False
        if tag == "img" and name == "src" and is_remote(value):
            return False
        if name == "id" and _reserved_id(value):
            return False
        return not (tag == "pre" and name == "class" and "mermaid" in value.split())

    def _filter(self, tag: str, name: str, value: str) -> str | None:
        # nh3 hands values decoded; it checks href/src schemes itself as well.
        return value if self.attr_ok(tag, name, value) else None

    # -- raw HTML strings ----------------------------------------------------------------------

    def clean(self, raw: str) -> tuple[str, list[Finding]]:
        """One stash entry of the author's raw HTML, safe; what was removed or changed.

        The entry comes back byte for byte when it is clean.  An entry that is one start tag (an
        inline ``<span …>``: its end tag is another entry) stays one start tag.
        """
        if "<" not in raw:  # text and entities: nothing to judge (``&`` alone cannot make a tag)
            return raw, []
        if len(raw) > _KEPT_ENTRY_CHARS:  # a block of HTML: rarely repeated, not kept
            return self._clean(raw)
        if (known := self._cleaned.get(raw)) is None:
            if len(self._cleaned) >= _CLEANED_KEPT:
                self._cleaned.clear()
            cleaned, findings = self._clean(raw)
            known = self._cleaned[raw] = (cleaned, tuple(findings))
        return known[0], list(known[1])

    def _clean(self, raw: str) -> tuple[str, list[Finding]]:
        scan = _scan(raw)
        findings = self._judge(scan)
        if (
            not findings
            and not scan.other
            and _start_tags(_scan(self._cleaner.clean(raw))) == _start_tags(scan)
        ):
            return raw, []
        tags = [e for e in scan.events if not (e[0] == "data" and not e[3].strip())]
        if len(tags) == 1 and tags[0][0] == "end":  # a lone end tag
            return (f"</{tags[0][1]}>" if tags[0][1] in self.tags else ""), findings
        cleaned = self._cleaner.clean(self._rewrite(scan))
        if len(tags) == 1 and tags[0][0] == "start":  # a lone start tag: nh3 closed it
            cleaned = re.sub(rf"</{re.escape(tags[0][1])}>$", "", cleaned)
        return cleaned, findings

    def _judge(self, scan: _Scan) -> list[Finding]:
        findings: list[Finding] = []
        for kind, tag, attrs, _text in scan.events:
            if kind == "end" and tag not in self.tags:
                findings.append(Finding(f"</{tag}", f"</{tag}> removed", warn=False))
            if kind != "start":
                continue
            if tag in EMBED_TAGS:
                url = next((v for k, v in attrs if k in _EMBED_URL_ATTRS), "")
                shown = "shown as a link to it" if url and safe_url(url) else "removed"
                findings.append(
                    Finding(f"<{tag}", f"<{tag}> would load {url or 'content'} into the page: {shown}")
                )
                continue
            if tag == "img" and is_remote(src := (values := dict(attrs)).get("src", "")):
                # Drawn as a link, or as its description: every other attribute goes, refused ones said.
                if safe_url(src):
                    findings.append(Finding("<img", "remote image shown as a link", warn=False))
                else:
                    findings.append(
                        Finding("src", unsafe_image_message(src, values.get("alt", ""), raw=True))
                    )
                findings += [
                    Finding(name, attr_message(tag, name, value))
                    for name, value in attrs
                    if name != "src" and not self.attr_ok(tag, name, value)
                ]
                continue
            if tag == "pre" and "mermaid" in _classes(attrs):
                findings.append(Finding("mermaid", DIAGRAM_WARNING))
                continue
            if tag not in self.tags:
                findings.append(Finding(f"<{tag}", f"<{tag}> is not allowed in a note: removed{_HINT}"))
                continue
            for name, value in attrs:
                if not self.attr_ok(tag, name, value):
                    findings.append(Finding(name, attr_message(tag, name, value)))
        return findings

    def _rewrite(self, scan: _Scan) -> str:
        """The piece with embeds, remote images and diagrams replaced (nh3 judges the rest)."""
        out: list[str] = []
        skip: list[str] = []  # inside an embed: its fallback content goes with it
        # An embed never closed has no fallback content: what follows it stays (it was the rest of the note).
        ends_left = Counter(tag for kind, tag, _, _ in scan.events if kind == "end")
        for kind, tag, attrs, text in scan.events:
            if kind == "end":
                ends_left[tag] -= 1
            if skip:
                if kind == "start" and tag == skip[-1]:
                    skip.append(tag)
                elif kind == "end" and tag == skip[-1]:
                    skip.pop()
                continue
            values = dict(attrs)
            if kind == "start" and tag in EMBED_TAGS:
                url = next((v for k, v in attrs if k in _EMBED_URL_ATTRS), "")
                out.append(embed_html(url) if url and safe_url(url) else "")
                if (
                    tag not in ("embed", "frame") and ends_left[tag]
                ):  # void elements have no end tag to wait for
                    skip.append(tag)
            elif kind == "start" and tag in DROP_CONTENT_TAGS:
                # Its code goes with it: nh3 keeps the text of a <script> inside <svg> as the page's text.
                if ends_left[tag]:
                    skip.append(tag)
            elif kind == "start" and tag == "img" and is_remote(values.get("src", "")):
                src = values["src"]
                alt = values.get("alt", "")
                out.append(remote_image_html(alt, src) if safe_url(src) else unsafe_image_html(alt))
            elif kind == "start" and tag == "pre" and "mermaid" in _classes(attrs):
                out.append(fragments.render("zd-sanitizer.html", "diagram_start", label=DIAGRAM_LABEL))
            elif kind in ("start", "end"):
                out.append(text)
            else:
                out.append(html_lib.escape(text, quote=False))
        return "".join(out)

    # -- elements --------------------------------------------------------------------------------

    def clean_element(self, root: etree.Element, stash: Any) -> list[Finding]:
        """An element md_in_html made from the author's ``markdown="1"`` block (and its children)."""
        findings: list[Finding] = []
        for el in list(root.iter()):
            if not isinstance(el.tag, str):
                continue
            tag = el.tag.lower()
            if tag in EMBED_TAGS:
                url = next((el.get(k) for k in _EMBED_URL_ATTRS if el.get(k)), "") or ""
                findings.append(
                    Finding(
                        f"<{tag}",
                        f"<{tag}> would load {url or 'content'} into the page: "
                        + ("shown as a link to it" if url and safe_url(url) else "removed"),
                    )
                )
                _empty(el)
                el.tag = "div"
                if url and safe_url(url):
                    el.text = "\n\n" + stash.store(embed_html(url)) + "\n\n"
                continue
            if tag not in self.tags:
                findings.append(Finding(f"<{tag}", f"<{tag}> is not allowed in a note: removed{_HINT}"))
                if tag in DROP_CONTENT_TAGS:
                    _empty(el)
                el.tag = "div"  # its content (Markdown, parsed later) stays
            findings.extend(self.clean_attributes(el, tree=False))
        return findings

    def clean_attributes(self, el: etree.Element, *, tree: bool) -> list[Finding]:
        """Remove the attributes of ``el`` the allow-list refuses (values decoded as a browser would)."""
        findings = []
        tag = str(el.tag).lower()
        for name, written in list(el.attrib.items()):
            value = written or ""  # attr_list's bare word ({: hidden}) is an attribute without a value
            decoded = html_lib.unescape(value)  # the serializer keeps entities: the browser decodes them
            if name == "markdown" or (tree and _extension_attribute(tag, name, value)):
                continue
            if self.attr_ok(tag, name.lower(), decoded):
                continue
            if tag == "pre" and name == "class":
                continue  # a diagram: the tree processor relabels it
            del el.attrib[name]
            needles = (f'{name}="{value}"', f"{name}='{value}'", f"{name}={value}", name)
            findings.append(Finding(needles if tree else name, attr_message(tag, name, decoded)))
        return findings


def _empty(el: etree.Element) -> None:
    for child in list(el):
        el.remove(child)
    el.text = ""
    el.attrib.clear()


def _extension_attribute(tag: str, name: str, value: str) -> bool:
    # What Markdown's own extensions put on elements before the tree processor runs.
    return name == "style" and tag in ("th", "td") and bool(_TABLE_ALIGN_RE.match(value))


_HINT = " (extra.zhudu.raw_html_allow can allow a harmless one)"
DIAGRAM_WARNING = "Mermaid diagram: diagrams are not rendered yet (rendering would load mermaid.js from a CDN); shown as its source"


def attr_message(tag: str, name: str, value: str) -> str:
    """The warning for an attribute the allow-list refuses (the same wherever it is removed)."""
    if name.lower().startswith("on"):
        return f"<{tag} {name}=…>: an event handler runs script: removed"
    if name.lower() in URL_ATTRIBUTES and not safe_url(value):
        return f"<{tag} {name}={value!r}>: only http, https, mailto and relative URLs are allowed: removed"
    return f"<{tag} {name}=…> is not allowed in a note: removed{_HINT}"
