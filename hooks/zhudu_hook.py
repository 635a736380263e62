"""Zhudu's MkDocs events: the only module MkDocs loads (``hooks:`` in mkdocs.yml).

Each event checks whether it applies, calls the pure modules in ``zhudu/``,
turns their domain errors into ``PluginError`` and logs.  Per-build state lives
in one ``Site`` created afresh in ``on_config`` (``mkdocs serve`` loads this
module once and calls the events again on every rebuild).
"""

from __future__ import annotations

import re
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from pymdownx.slugs import slugify as pymdownx_slugify

from zhudu import links, passages, script, variants
from zhudu.errors import ZhuduError
from zhudu.settings import ZhuduConfig
from zhudu.site import Site

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger("zhudu")

_site: Site | None = None
_passage_extension: passages.PassageExtension | None = None
_slugify_unicode = pymdownx_slugify(case="lower")


def _current() -> Site:
    if _site is None:  # pragma: no cover - MkDocs always calls on_config first
        raise PluginError("zhudu: on_config did not run")
    return _site


def _fold(text: str) -> str:
    """Text in the canonical script (Simplified), for anchors and slugs."""
    return _current().converter(_current().default.code, "Hant").text(text) if _site else text


def _slugify(value: str, separator: str) -> str:
    # Heading ids come from the Simplified form so they are the same in every variant.
    return _slugify_unicode(_fold(value), separator)


# --------------------------------------------------------------------------- configuration


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate ``extra.zhudu`` and set up the build."""
    global _site, _passage_extension
    settings = ZhuduConfig()
    settings.load_dict(dict(config.extra.get("zhudu") or {}))
    errors, warnings = settings.validate()
    for key, message in warnings:
        log.warning("mkdocs.yml: extra.zhudu.%s: %s", key, message)
    if errors:
        key, error = errors[0]
        raise PluginError(f"mkdocs.yml: extra.zhudu.{key}: {error}")
    root = Path(config.config_file_path).parent
    _site = Site(settings=settings, root=root, site_url=config.site_url or "")
    try:
        _site.rules  # noqa: B018 - load and validate the conversion rules now, once
        _site.variants  # noqa: B018
    except (ZhuduError, script.ScriptDataError) as exc:
        raise PluginError(str(exc)) from None
    _passage_extension = passages.PassageExtension(fold=_fold)
    config.markdown_extensions.append(_passage_extension)  # type: ignore[arg-type]
    config.markdown_extensions.append(script.inline_rules_markdown_extension())  # type: ignore[arg-type]
    config.mdx_configs.setdefault("toc", {})["slugify"] = _slugify
    # Material's variant selector and its same-page switching work on sibling roots.
    config.extra["alternate"] = [
        {"name": v.name, "link": f"{variants.VARIANT_ROOT_SCHEME}{v.code}", "lang": v.code}
        for v in _site.variants
    ]
    return config


# --------------------------------------------------------------------------- files and pages


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Read ``seeds/`` and add a page per note (the nav is built after this)."""
    site = _current()
    try:
        corpus = site.load_notes()
    except ZhuduError as exc:
        raise PluginError(str(exc)) from None
    for problem in [*corpus.problems, *(p for note in corpus.notes for p in note.problems)]:
        log.warning("%s", problem)
    for note in corpus.notes:
        files.append(File.generated(config, note.src_uri, content=note.markdown))
        for image in note.body.images if note.body else ():
            if image.exists and image.path is not None:
                uri = site.image_src_uri(note.id, image.path)
                if files.get_file_from_path(uri) is None:
                    files.append(File.generated(config, uri, abs_src_path=str(image.path)))
            elif image.path is not None:
                site.missing_images.append(f"{note.display_path}:{image.line} {image.target}")
                if site.settings.missing_images == "warn":
                    log.warning(
                        "%s:%d: image %s does not exist: add the file or fix the path",
                        note.display_path, image.line, image.target,
                    )
        if placeholder := note.meta.extra.get("_placeholder_title"):
            log.info(
                "%s: title %r looks like a placeholder: set a display title in %s",
                note.display_path, placeholder, site.display(site.editorial_dir / "notes.yml"),
            )
    return files


@event_priority(50)  # early, so Material's search and tags see the normalised metadata
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give a note page its normalised metadata; show a broken note's error on its page."""
    note = _current().note_by_src.get(page.file.src_uri)
    if note is None:
        return markdown
    meta = note.meta
    page.meta.setdefault("template", meta.template)
    page.meta["title"] = meta.title
    page.meta["description"] = meta.description
    page.meta["tags"] = list(meta.tags)
    page.meta["zd_note"] = note_view(note)
    if note.broken:
        error = escape(str(note.meta.extra.get("_error", "")))
        return (
            '<div class="admonition failure zd-note-error" role="alert">\n'
            '<p class="admonition-title">这篇笔记无法读取</p>\n'
            f"<p><code>{error}</code></p>\n"
            "<p>修正上面指出的问题后保存，页面会自动刷新。</p>\n</div>\n"
        )
    return markdown


def note_view(note: Any) -> dict[str, Any]:
    """What ``note.html`` shows: values only, every one escaped by the template."""
    meta = note.meta
    return {
        **meta.as_dict(),
        "date_display": _display_date(meta.date),
        "updated_display": _display_date(meta.updated),
        "broken": note.broken,
        "wrappers": list(note.body.wrappers) if note.body else [],
    }


def _display_date(moment: datetime | None) -> str | None:
    return f"{moment.year}年{moment.month}月{moment.day}日" if moment else None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Mark external links; a note written in Traditional is rendered in Simplified first."""
    site = _current()
    note = site.note_by_src.get(page.file.src_uri)
    if note is not None and note.meta.lang == "zh-Hant":
        html = site.converter(site.default.code, "Hant").html(html)
    return links.mark_external(html, _own_hosts(config))


def _own_hosts(config: MkDocsConfig) -> tuple[str, ...]:
    match = re.match(r"^https?://([^/:]+)", config.site_url or "")
    return (match.group(1),) if match else ()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Expose the notes and variants to the templates; load Material's interface strings."""
    site = _current()
    env.globals["zd"] = {
        "notes": [note_view(n) | {"url": _note_url(n, files)} for n in site.corpus.notes if not n.broken],
        "variants": [vars(v) for v in site.variants],
    }
    en_source = env.loader.get_source(env, "partials/languages/en.html")[0]  # type: ignore[union-attr]
    keys = variants.material_keys(en_source)

    def lookup(language: str, key: str) -> str:
        module = env.get_template(f"partials/languages/{language}.html").module
        fallback = env.get_template("partials/languages/en.html").module
        return str(module.t(key) or fallback.t(key) or key)  # type: ignore[attr-defined]

    for variant in site.variants:
        site.interface_strings(variant.material_language, lookup, keys, variant.code)
    return env


def _note_url(note: Any, files: Files) -> str:
    file = files.get_file_from_path(note.src_uri)
    return file.url if file else ""


# --------------------------------------------------------------------------- output


@event_priority(-100)  # last: every other plugin has finished with the HTML
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Write the page's copies in the other variants; return the default variant's."""
    site = _current()
    meta = page.meta.get("zd_note") or {}
    site.register_page(page.file.dest_uri, page.url, (meta.get("updated") or meta.get("date") or "")[:10] or None)
    site.write_variants(output, page.file.dest_uri, page.url, Path(config.site_dir))
    return site.root_stub(page.file.dest_uri, page.url, page.title or config.site_name)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page exists in every variant; other static templates only need their strings."""
    site = _current()
    if template_name != "404.html":
        return variants.localise(output_content, site.strings.get(site.default.code, {}))
    site.write_variants(output_content, "404.html", "404.html", Path(config.site_dir))
    # GitHub Pages serves the root 404.html for every missing path: the default variant's.
    default = variants.localise(output_content, site.strings.get(site.default.code, {}))
    return variants.set_html_lang(default, site.default.code)


@event_priority(-100)  # after Material's search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    """Per-variant sitemaps and search indexes; one summary line."""
    site = _current()
    site_dir = Path(config.site_dir)
    site.write_sitemaps(site_dir)
    site.write_search_indexes(site_dir, log)
    if site.missing_images:
        log.info(
            "%d missing image(s) drawn as placeholders: %s",
            len(site.missing_images), "; ".join(site.missing_images),
        )
    log.info(
        "%d notes in %d variants (%s)",
        len(site.corpus.notes), len(site.variants), ", ".join(v.code for v in site.variants),
    )

