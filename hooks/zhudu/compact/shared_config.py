"""Material's ``__config`` without what every page repeats: one shared script holds the rest.

Material writes a JSON configuration into every page (``base.html``, block ``config``): the page's
``base`` and the search worker's URL, then the theme's features, ten interface strings and three
settings that are the same on every page of a variant: about 700 of its 880 bytes.  A page keeps
``{"base", "search"}``; ``assets/zhudu/config.js`` (written by the build, one file for every
variant, its URL carrying its content's hash) is deferred before Material's deferred bundle and
puts the rest back into the page's JSON, the variant's by ``<html lang>``, before the bundle reads it.
With Zhudu's search, ``search`` (the worker's URL, about 70 bytes) leaves the page too: the worker
is beside ``config.js``, which puts its URL back from its own (``document.currentScript``).  A page
left with ``{"base"}`` alone, the path ``__md_scope`` resolves, has no element at all: ``config.js``
makes it (``page_config``).

The shared part is computed before any page is rendered, from the theme's config, and the keys of
Material's ``config`` block (read from its ``base.html``), with the interface strings as markers
(``overrides/partials/language.html``) filled per variant.  A page whose JSON holds anything else
than that (a Material version with other keys, another setting) keeps its whole JSON: the script
leaves a page that has ``features`` as it is.

``config.js`` also carries ``shell.js`` and ``lazy-search.js``, and ``reader.js`` the scripts after
Material's bundle (``joined_scripts``): the build writes both, each page names them by their hash,
as the one stylesheet (``stylesheet``).
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2.utils import htmlsafe_json_dumps

from ..notes import links
from ..publish import asset_versions
from ..script import variants
from ..search.index import WORKER_PATH
from . import joined_scripts, shell_strings, stylesheet

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig

    from ..publish.site import Site

PATH = "assets/zhudu/config.js"
#: What differs between pages: kept in each page.
PAGE_KEYS = ("base", "search")

_BLOCK_RE = re.compile(r"\{%\s*block config\s*%\}(?P<body>.*?)\{%\s*endblock", re.DOTALL)
_KEY_RE = re.compile(r"""lang\.t\(\s*["']([a-z0-9_.]+)["']\s*\)""")
_CONFIG_RE = re.compile(
    r'(<script id="__config" type="application/json">)(?P<json>.*?)(</script>)', re.DOTALL
)


def material_keys(base_source: str) -> list[str]:
    """The interface strings Material's ``config`` block writes, in its order (from ``base.html``)."""
    block = _BLOCK_RE.search(base_source)
    return _KEY_RE.findall(block["body"]) if block else []


def shared_part(features: Iterable[str], extra: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """What Material's block writes into every page alike, its strings as markers (``language.html``)."""
    return {
        "features": list(features),
        "translations": {key: f"{variants.MARK_OPEN}{key}{variants.MARK_CLOSE}" for key in keys},
        "annotate": extra.get("annotate") or None,
        "tags": extra.get("tags") or None,
        # Material's rule besides this (mike's version selector off) only makes a page keep its JSON.
        "version": extra.get("version") or None,
    }


def script(
    shared: Mapping[str, Any],
    strings: Mapping[str, Mapping[str, str]],
    reading: Mapping[str, Sequence[str]],
    shell: Mapping[str, Mapping[str, str]] | None = None,
    helpers: str = "",
    worker: str = "",
    permalinks: bool = False,
) -> str:
    """``config.js``: the shared part, reading.js's strings and shell.js's values for each variant.

    ``strings``: variant code → its interface strings; ``reading``: code → reading.js's strings, in
    its KEYS' order; ``shell``: code → shell.js's values with markers (``shell_strings``);
    ``helpers``: Material's storage helpers as its inline script defines them (``zd_md_helpers``);
    ``worker``: the search worker's URL from ``config.js`` (``worker_url``), put into a page's JSON
    that has no ``search``; empty with Material's search. ``permalinks``: the pages leave the
    headings' permalinks to ``zhudu.js`` (``links.drawn_permalinks``).
    """

    def filled(part: Mapping[str, Any], table: Mapping[str, str]) -> Any:
        return json.loads(variants.localise(json.dumps(part, sort_keys=True), table))

    per_variant = {code: filled(shared, table) for code, table in strings.items()}
    config = json.dumps(per_variant, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    words = json.dumps(dict(reading), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    drawn = {code: filled(part, strings.get(code, {})) for code, part in (shell or {}).items()}
    values = json.dumps(drawn, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        "/* What every page of a variant shares, by <html lang> (hooks/zhudu/compact/shared_config.py):\n"
        "   Material's __config but the page's base and search, put back into the page's JSON before\n"
        "   Material's bundle reads it; reading.js's strings (partials/zd-reading.html); what shell.js\n"
        "   draws the header's controls from (compact/shell_strings.py). */\n"
        "(function () {\n"
        "  var script = document.currentScript;\n"
        "  var config = " + config + ";\n"
        "  var reading = " + words + ";\n"
        "  var shell = " + values + ";\n"
        "  var worker = " + json.dumps(worker) + ";\n"
        "  var lang = document.documentElement.lang;\n"
        "  window.zdReadingStrings = reading[lang];\n"
        "  window.zdShell = shell[lang];\n"
        + ("  window.zdPermalinks = true;\n" if permalinks else "")
        + "  /* Material's storage helpers (partials/zd-md-helpers.html), where the page did not define them. */\n"
        '  if (typeof __md_get === "undefined" && typeof __md_scope !== "undefined") '
        + helpers.replace("__md_hash=", "window.__md_hash=")
        .replace(",__md_get=", ",window.__md_get=")
        .replace(",__md_set=", ",window.__md_set=")
        + ";\n"
        '  var element = document.getElementById("__config"), part = config[lang];\n'
        "  /* A page whose JSON was only its base, the scope's path (compact/page_config.py): made here,\n"
        "     where it was, as many .. as the page is below the scope. */\n"
        '  if (!element && script && typeof __md_scope !== "undefined") {\n'
        '    var up = [], depth = location.pathname.split("/").length - __md_scope.pathname.split("/").length;\n'
        '    while (up.length < depth) up.push("..");\n'
        '    element = document.createElement("script");\n'
        '    element.id = "__config";\n'
        '    element.type = "application/json";\n'
        '    element.textContent = JSON.stringify({ base: up.join("/") || "." });\n'
        "    script.parentNode.insertBefore(element, script);\n"
        "  }\n"
        "  if (!element) return;\n"
        "  var page = JSON.parse(element.textContent);\n"
        '  if ("features" in page) return;  /* a page that kept its whole JSON */\n'
        '  if (worker && !("search" in page) && script) page.search = new URL(worker, script.src).href;\n'
        "  if (part) for (var key in part) page[key] = part[key];\n"
        "  element.textContent = JSON.stringify(page);\n"
        "})();\n"
    )


def for_site(env: Environment, config: MkDocsConfig, site: Site) -> tuple[dict[str, Any], dict[str, str]]:
    """The shared part (markers for strings) and the scripts the build writes (path → text).

    ``config.js`` with the scripts joined to it, ``reader.js`` (``joined_scripts``) and the one
    stylesheet (``stylesheet``), once Material's strings are loaded (``on_env``).
    """
    base_source = env.loader.get_source(env, "base.html")[0]  # type: ignore[union-attr]
    shared = shared_part(config.theme["features"] or [], config.extra, material_keys(base_source))
    reading = [text for _, text in env.get_template("partials/zd-reading.html").module.zd_strings]  # type: ignore[attr-defined]
    text = script(
        shared,
        {v.code: site.strings[v.code] for v in site.variants},
        {v.code: [site.converter(v.code).text(t) for t in reading] for v in site.variants},
        shell_strings.for_variants(
            config.theme,
            [v.code for v in site.variants],
            lambda code: site.converter(code).text,
            search=_search_enabled(config),
        ),
        env.get_template("partials/zd-md-helpers.html").module.zd_md_helpers,  # type: ignore[attr-defined]
        worker_url() if site.settings.search == "zhudu" else "",
        links.drawn_permalinks(
            config.mdx_configs.get("toc") or config.mdx_configs.get("markdown.extensions.toc") or {}
        ),
    )
    return shared, {
        PATH: text + joined_scripts.joined(env, joined_scripts.BEFORE),
        joined_scripts.READER: joined_scripts.joined(env, joined_scripts.AFTER),
        stylesheet.PATH: stylesheet.joined(env, base_source, palette=bool(config.theme.get("palette"))),
    }


def _search_enabled(config: MkDocsConfig) -> bool:
    """Whether Material's header has search (``partials/header.html``: its plugin is on)."""
    plugin = config.plugins.get("material/search")
    return plugin is not None and bool(getattr(getattr(plugin, "config", None), "enabled", True))


def versions(scripts: dict[str, str]) -> dict[str, str]:
    """Each written file's ``?v=`` by its name's stem (``config``, ``reader``, ``zhudu``: the stylesheet).

    12 hex digits of its content's SHA-256, as ``publish/asset_versions.py``.
    """
    return {
        posixpath.splitext(posixpath.basename(path))[0]: hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        for path, text in scripts.items()
    }


def worker_url() -> str:
    """Zhudu's search worker's URL from ``config.js`` (beside it), with its version (``?v=``)."""
    here = posixpath.dirname(PATH)
    return f"{posixpath.relpath(WORKER_PATH, here)}?v={asset_versions.version(WORKER_PATH)}"


def _is_worker(search: Any, base: Any) -> bool:
    """Whether a page's ``search`` is Zhudu's worker, as ``config.js`` puts it back (``worker_url``)."""
    if not isinstance(search, str) or not isinstance(base, str):
        return False
    here = posixpath.join(base, posixpath.dirname(PATH), worker_url())
    return posixpath.normpath(search) == posixpath.normpath(here)


def shorten(html: str, shared: Mapping[str, Any] | None) -> str:
    """Material's ``__config`` element with only the page's own keys when the rest is ``shared`` (a filter).

    Zhudu's worker's URL (``search``) is left out too: ``config.js`` puts it back (``worker_url``).
    """
    m = _CONFIG_RE.search(html)
    if shared is None or m is None:
        return html
    config = json.loads(m["json"])
    rest = {k: v for k, v in config.items() if k not in PAGE_KEYS}
    if rest != shared or not set(PAGE_KEYS) <= config.keys():
        return html
    keys = [key for key in PAGE_KEYS if key != "search" or not _is_worker(config[key], config["base"])]
    own = htmlsafe_json_dumps({key: config[key] for key in keys})
    return f"{html[: m.start('json')]}{own}{html[m.end('json') :]}"


def write(site_dir: Path, scripts: dict[str, str]) -> None:
    """Write each script that is not there as its text (``mkdocs serve`` keeps them between saves)."""
    for name, text in scripts.items():
        path = site_dir / name
        if text and not (path.is_file() and path.read_text(encoding="utf-8") == text):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
