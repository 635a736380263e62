"""What a browser would run or fetch from a built site: every script and every hazard in every output file.

Shared by the hostile-input tests (``test_hostile_html.py``, ``test_hostile_table.py``).  HTML pages
are parsed as a browser would read them; JSON holds HTML where Material's search shows it as such;
feeds hold HTML in their descriptions.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import nh3

OWN_HOSTS = {"127.0.0.1"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background", "data", "cite", "ping", "codebase"}  # fmt: skip
LOADING_ATTRS = {"src", "srcset", "poster", "background", "data"}  # fetched when the page loads
EMBEDS = {"iframe", "frame", "frameset", "object", "embed", "applet", "portal"}
SAFE_SCHEMES = {"http", "https", "mailto"}
#: Zhudu's own variant links (``variants.VARIANT_SCHEME``): the root 404.html keeps them unresolved,
#: where a browser does nothing with them.  Never from a note.
OWN_SCHEMES = {"zd-variant", "zd-variant-root"}


class _Page(HTMLParser):
    """What a browser would run or fetch in one HTML document."""

    def __init__(self, where: str) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.scripts: list[str] = []
        self.hazards: list[str] = []
        self._in_script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "script":
            self._in_script = []
            if "src" in values:
                self.scripts.append("src:" + values["src"].rsplit("/", 1)[-1])
        if tag in EMBEDS:
            self.hazards.append(f"{self.where}: <{tag}>")
        if tag == "pre" and "mermaid" in values.get("class", "").split():
            self.hazards.append(f"{self.where}: <pre class=mermaid> (Material loads mermaid from a CDN)")
        for name, value in values.items():
            if name.startswith("on"):
                self.hazards.append(f"{self.where}: <{tag} {name}={value!r}>")
            if name in URL_ATTRS:
                for url in _urls(name, value):
                    scheme = _scheme(url)
                    if scheme and scheme not in SAFE_SCHEMES | OWN_SCHEMES:
                        self.hazards.append(f"{self.where}: <{tag} {name}={value!r}>")
                    if name in LOADING_ATTRS and _host(url) not in (None, *OWN_HOSTS):
                        self.hazards.append(f"{self.where}: <{tag} {name}={value!r}> loads from another host")
            if name == "style" and re.search(r"url\s*\(", value, re.I):
                self.hazards.append(f"{self.where}: <{tag} style={value!r}>")
            if name == "id" and value == "__config" and tag != "script":
                self.hazards.append(f"{self.where}: <{tag} id=__config> clobbers Material's configuration")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self._in_script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script is not None:
            text = "".join(self._in_script).strip()
            if text:
                self.scripts.append("inline:" + _normalise(text))
            self._in_script = None


def _urls(name: str, value: str) -> list[str]:
    if name == "srcset":
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    return [value]


def _scheme(url: str) -> str | None:
    text = re.sub(r"[\t\n\r]", "", url).strip("".join(chr(i) for i in range(0x21)))
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", text)
    return m[1].lower() if m else None


def _host(url: str) -> str | None:
    text = url.strip().replace("\\", "/")
    if not (_scheme(text) or text.startswith("//")):
        return None
    return urlsplit(text).hostname or "?"


def _normalise(script: str) -> str:
    # The templates' inline scripts differ per page only in their quoted values (paths, titles).
    return re.sub(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\d+", "_", script)


def _read_html(text: str, where: str) -> _Page:
    page = _Page(where)
    page.feed(text)
    page.close()
    return page


def _strings(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


_SHARD_FOLDER_RE = re.compile(r"^[bfuw]-[0-9a-f]+$")


def _shard(path: Path) -> bool:
    """A file of Zhudu's sharded search index (``hooks/zhudu/search/shards.py``)."""
    if path.name == "manifest.json":
        return path.parent.name == "search"
    return path.parent.parent.name == "search" and bool(_SHARD_FOLDER_RE.match(path.parent.name))


def scan_site(site_dir: Path) -> tuple[set[str], list[str]]:
    """Every script of the built site (normalised) and every hazard, in every file it wrote."""
    scripts: set[str] = set()
    hazards: list[str] = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        where = str(path.relative_to(site_dir))
        pieces: list[str] = []
        if path.suffix in (".html", ".svg"):
            pieces = [path.read_text(encoding="utf-8")]
        elif path.suffix == ".json":
            # Material's search index holds HTML (its UI shows it as such); Zhudu's passage index
            # (``config.zhudu``) and its shards (``search/manifest.json``, ``search/f-<hash>/…``)
            # hold plain text its worker escapes (search-worker.js escapeHTML).
            data = json.loads(path.read_text(encoding="utf-8"))
            if not (isinstance(data, dict) and "zhudu" in (data.get("config") or {})) and not _shard(path):
                pieces = [s for s in _strings(data) if "<" in s]
        elif path.suffix == ".xml":  # feeds and sitemaps: HTML only where the feed says it is HTML
            tree = ET.parse(path)
            for el in tree.iter():
                if el.get("type") in ("html", "xhtml") or el.tag.endswith(("description", "encoded")):
                    pieces += [el.text or ""]
                for name, value in el.attrib.items():
                    if _scheme(value) not in (None, *SAFE_SCHEMES):
                        hazards.append(f"{where}: {name}={value!r}")
        for piece in pieces:
            page = _read_html(piece, where)
            scripts.update(
                page.scripts if path.suffix == ".html" else [f"{where}: {s}" for s in page.scripts]
            )
            hazards += page.hazards
    return scripts, hazards


#: A page read down to its containers by an HTML5 parser (nh3's html5ever), text kept, code dropped.
_CONTAINERS = nh3.Cleaner(
    tags={"div", "article", "main", "section", "aside", "nav", "header", "footer"},
    attributes={"div": {"class"}},
    clean_content_tags={"script", "style", "title", "textarea", "template"},
    link_rel=None,
)


def text_outside_note_body(html: str, text: str) -> bool:
    """Whether ``text`` stands anywhere in the page ``html`` outside its ``div.zd-note__body``, as a browser builds the tree."""
    read = _CONTAINERS.clean(html)
    stack: list[bool] = []  # per open container: is it the note's body
    for token in re.split(r"(<[^>]*>)", read):  # the parser escaped every < of text
        if token.startswith("</"):
            stack.pop()
        elif token.startswith("<"):
            stack.append('class="zd-note__body"' in token)
        elif text in token and not any(stack):
            return True
    return False
