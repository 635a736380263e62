"""Dirty builds (``mkdocs serve --dirty``, ``mkdocs build --dirty``): rewrite only the pages whose output changed.

MkDocs' dirty build skips writing a page when ``page.file.is_modified()`` is false.  Every page of
the site is a ``SiteFile``, whose ``is_modified()`` is true until ``plan`` has compared a digest of
everything the page shows (its rendered HTML, metadata, table of contents, the theme panels and
related notes it gets, the home list slice it lists, the nav, the build-wide inputs) with the
digest recorded when the page's output was last written into the same site folder.  Pages are
always read and rendered (their render comes from the render cache): the site-wide steps need
every note's passages, glossary occurrences and metadata.  Only writing is skipped.

A skipped page is not seen by ``on_post_page``, so what the whole-site files need from it (its
sitemap entry, its searchable text in each variant) is kept with the record and put back.  After
the build, files in the site folder that this build neither wrote nor kept (a deleted or renamed
note, a home page no longer needed, a search file of another size) are removed, so the folder
equals a clean build's (``tests/test_serve_incremental.py``).  Records live in the cache folder,
one file per site folder: deleting the cache means the next dirty build writes everything.  A clean
``mkdocs build`` records only what it wrote, so that a dirty build after it removes what it no longer has.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from zhudu import cache
from zhudu.annotate import annotations
from zhudu.publish import page_digests, page_meta
from zhudu.publish import written as written_pages
from zhudu.publish.page_digests import (  # split out of this module; kept importable from here
    _stable_repr,
    build_digest,
    folder_digest,
    nav_digest,
    note_theme_digest,
    page_digest,
)
from zhudu.publish.records import Kept, RecordFiles, in_order  # split out of this module
from zhudu.publish.theme_digests import theme_digest
from zhudu.script import rule_scope

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

log = get_plugin_logger("zhudu")

#: Whether MkDocs was started with ``--dirty`` (``mkdocs serve --dirty``, ``mkdocs build --dirty``).
_DIRTY: list[bool] = [False]
#: Whether this process has swept the kept pages (``written.sweep``) yet.
_SWEPT: list[bool] = [False]
#: ``mkdocs serve``: per site folder (and variants' folders), the pages whose every output file an earlier save of this
#: process found there.  The folder is MkDocs' own temporary one, which only this process writes
#: and only ``remove_stale`` removes from: at 3,000 notes the four checks per page were 17,740
#: system calls (~0.05 s) on every save.
_PRESENT: dict[tuple[Path, tuple[str, ...]], set[str]] = {}


def set_dirty(dirty: bool) -> None:
    """Remember ``on_startup``'s ``dirty``: only a dirty build keeps a site folder's earlier output."""
    _DIRTY[0] = dirty


def dirty() -> bool:
    """Whether this is a dirty build."""
    return _DIRTY[0]


class SiteFile(File):
    """A page whose output MkDocs rewrites only when ``plan`` found that what it shows changed."""

    #: Set by ``Outputs.plan``; MkDocs asks ``is_modified`` both before reading the page (always
    #: read: the site-wide steps need it) and before writing it.
    rewrite: bool = True

    def is_modified(self) -> bool:
        return self.rewrite


def site_files(files: Files) -> Files:
    """``files`` with every page read from the docs folder as a ``SiteFile`` (same place, same order)."""
    out = []
    for file in files:
        if file.is_documentation_page() and not isinstance(file, SiteFile) and file.abs_src_path:
            page = SiteFile(
                file.src_uri,
                file.src_dir,
                file.dest_dir,
                file.use_directory_urls,
                dest_uri=file.dest_uri,
                inclusion=file.inclusion,
            )
            out.append(page)
        else:
            out.append(file)
    return Files(out)


@dataclass
class Outputs:
    """What was written into one site folder, and which pages this build can leave as they are."""

    store: cache.ArtifactCache
    record_path: Path | None
    site_dir: Path
    prefixes: tuple[str, ...]
    previous: dict[str, Kept] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)  # dest_uri → this build's digest
    skipped: dict[str, Kept] = field(default_factory=dict)
    indexed: dict[str, bool] = field(default_factory=dict)  # dest_uri → its texts go into the search index
    #: The files the last build wrote for its pages and files; ``owned``: this build's.
    previous_owned: list[str] = field(default_factory=list)
    owned: list[str] = field(default_factory=list)
    #: This build's conversion rules (``rule_scope.labels``) and the last recorded build's (None: unknown).
    rules: dict[str, str] = field(default_factory=dict)
    previous_rules: dict[str, str] | None = None
    #: The folder prefix of a variant whose converter leaves pages as they are (None: none has).
    plain_prefix: str | None = None
    bases: dict[str, str] = field(default_factory=dict)  # dest_uri → this build's digest without the rules
    rules_checked: list[int] = field(default_factory=lambda: [0, 0])  # pages' copies read, found unchanged
    records: RecordFiles = field(default_factory=RecordFiles)  # serve: the last record, not parsed again

    @classmethod
    def open(
        cls,
        cache_dir: Path | None,
        site_dir: str,
        prefixes: Sequence[str],
        store: cache.ArtifactCache | None = None,
        records: RecordFiles | None = None,
    ) -> Outputs:
        """The record of ``site_dir`` (an empty one when there is none or this build is not dirty).

        ``store`` keeps the searchable texts of the pages written, for the builds that skip them
        (default: the artifact cache in ``cache_dir``); ``records``, the records this process wrote.
        """
        folder = Path(os.path.abspath(site_dir))
        record = cache_dir / "outputs" / f"{cache.digest(str(folder))}.json" if cache_dir else None
        outputs = cls(
            store=store or cache.ArtifactCache(cache_dir),
            record_path=record,
            site_dir=folder,
            prefixes=tuple(prefixes),
            records=records or RecordFiles(),
        )
        if not dirty() and record is not None:
            # A clean build rewrites the folder: an earlier dirty build's record no longer holds.
            with contextlib.suppress(OSError):
                record.unlink()
        if annotations.serving():
            # mkdocs serve builds into a folder of its own: only this process changes it.  A build that
            # is not dirty begins by emptying it.
            if dirty():
                _PRESENT.setdefault((folder, outputs.prefixes), set())
            else:
                _PRESENT.pop((folder, outputs.prefixes), None)
        if dirty() and record is not None:
            if (last := outputs.records.read(record)) is not None:
                outputs.previous = dict(last.pages)
                outputs.previous_owned = list(last.owned)
                outputs.previous_rules = last.rules
            # No page is trusted until this build ends: one that fails half way may have rewritten
            # some, and the next then writes every page (and still removes what was owned).
            outputs.save({}, outputs.previous_owned)
        return outputs

    # ----------------------------------------------------------------- before writing

    def plan(self, pages: Iterable[tuple[Page, str, str]], indexed: Any) -> int:
        """Mark the pages whose recorded output still holds; returns how many are left as they are.

        Args:
            pages: Each page with the digest of what it shows (``page_digest``), with and without
                the conversion rules.
            indexed: ``indexed(page)``: whether the page's searchable texts go into the search index.
        """
        changed = rule_scope.changed_sources(self.previous_rules, self.rules)
        for page, digest, base in pages:
            dest = page.file.dest_uri
            self.digests[dest] = digest
            self.bases[dest] = base
            if not dirty() or not isinstance(page.file, SiteFile):
                continue
            kept = self.previous.get(dest)
            if (
                kept is not None
                and kept.digest == digest
                and kept.indexed == indexed(page)
                and self._outputs_exist(dest)
                and (not kept.indexed or self.store.has("texts", digest))
            ):
                page.file.rewrite = False
                self.skipped[dest] = kept
            elif (
                kept is not None
                and changed
                and kept.base == base
                and self._rules_miss(kept, dest, changed, indexed(page))
            ):
                page.file.rewrite = (
                    False  # the rules changed where this page has no text (re-keyed by ``record``)
                )
                self.skipped[dest] = kept
            elif (restored := self._restored(dest, digest, indexed(page))) is not None:
                page.file.rewrite = False
                self.skipped[dest] = restored
        return len(self.skipped)

    def _rules_miss(self, kept: Kept, dest_uri: str, sources: list[str], indexed: bool) -> bool:
        """Whether the page, unchanged but for the conversion rules, has none of the changed rules' ``sources``.

        Its copy in the variant whose converter changes nothing is the HTML every converter got
        (``rule_scope``); read only on a save that changed the rules.
        """
        if (
            self.plain_prefix is None
            or kept.indexed != indexed
            or not self._outputs_exist(dest_uri)
            or (kept.indexed and not self.store.has("texts", kept.digest))
        ):
            return False
        self.rules_checked[0] += 1
        if rule_scope.copy_touched(self.site_dir / (self.plain_prefix + dest_uri), sources):
            return False
        self.rules_checked[1] += 1
        return True

    def _restored(self, dest_uri: str, digest: str, indexed: bool) -> Kept | None:
        """A page written by an earlier dirty build with the same digest (any folder), copied in; or None."""
        if indexed and not self.store.has("texts", digest):
            return None
        page = written_pages.find(self.store, digest, self.page_outputs(dest_uri))
        if page is None or page.indexed != indexed or not written_pages.restore(self.site_dir, page):
            return None
        return Kept(digest, page.url, page.lastmod, page.searchable, page.indexed)

    def _outputs_exist(self, dest_uri: str) -> bool:
        present = _PRESENT.get((self.site_dir, self.prefixes)) if annotations.serving() else None
        if present is not None and dest_uri in present:
            return True
        root = str(self.site_dir)  # os.path, not Path: four checks per page
        found = all(os.path.isfile(os.path.join(root, rel)) for rel in self.page_outputs(dest_uri))
        if found and present is not None:
            present.add(dest_uri)
        return found

    def page_outputs(self, dest_uri: str) -> list[str]:
        """The files a page writes: the pointer at its root URL and its copy in every variant."""
        return [dest_uri, *(prefix + dest_uri for prefix in self.prefixes)]

    def kept_texts(self, dest_uri: str) -> tuple[tuple[str, Any], ...]:
        """A skipped page's searchable texts, as its last written copies gave them."""
        kept = self.skipped[dest_uri]
        texts = self.store.get("texts", kept.digest) if kept.indexed else ()
        return tuple(texts or ())

    # ----------------------------------------------------------------- after writing

    def record(
        self,
        written: Mapping[str, tuple[str, str | None, bool]],
        indexed: Mapping[str, bool],
        texts: Mapping[str, tuple[tuple[str, Any], ...]],
    ) -> None:
        """Keep what this build wrote for the next dirty build into the same folder.

        Args:
            written: dest_uri → (url, lastmod, searchable) of every page of the site.
            indexed: dest_uri → whether the page's texts are in the search index.
            texts: dest_uri → the searchable texts of the pages written (not skipped) by this build.
        """
        if self.record_path is None or not dirty():
            return
        pages = {}
        for dest, (url, lastmod, searchable) in sorted(written.items()):
            digest = self.digests.get(dest)
            if digest is None:
                continue
            if dest not in self.skipped and indexed.get(dest, False):
                self.store.put("texts", digest, texts.get(dest, ()))
            elif (
                (kept := self.skipped.get(dest)) is not None
                and kept.digest != digest  # left as written across a rules edit: its texts, newly keyed
                and kept.indexed
                and (kept_texts := self.store.get("texts", kept.digest))
                is not None  # none: written next time
            ):
                self.store.put("texts", digest, kept_texts)
            if dest not in self.skipped:  # for a later dirty build into another folder (written.py)
                entry = (url, lastmod, searchable, indexed.get(dest, False))
                written_pages.keep(self.store, self.site_dir, digest, entry, self.page_outputs(dest))
            entry = Kept(digest, url, lastmod, searchable, indexed.get(dest, False), self.bases.get(dest, ""))
            last = self.previous.get(dest)
            pages[dest] = last if last == entry else entry  # the same object from save to save
        self.save(pages, self.owned)

    def save(self, pages: Mapping[str, Kept], owned: Iterable[str]) -> None:
        """Write the record (pages: dest_uri → its ``Kept``; owned: files written for pages and files)."""
        if self.record_path is not None:
            self.records.write(self.record_path, pages, owned, self.rules)

    def remove_stale(self, owned: Iterable[str]) -> list[str]:
        """Remove what the last build into this folder wrote for a page or file this build does not have.

        Only files the record names are removed (a deleted or renamed note's copies, a home page
        no longer needed, an image no note uses): whole-site files (search, sitemaps, feeds) are
        rewritten by their writers, which drop their own leftovers.

        Args:
            owned: Site-relative paths of this build's pages (every variant's copy) and files.

        Returns:
            The site-relative paths removed.
        """
        self.owned = in_order(owned, self.previous_owned)
        if not dirty():
            return []
        stale = set(self.previous_owned) - set(self.owned)
        if stale:  # a removed file may be the output of a page that comes back
            _PRESENT.pop((self.site_dir, self.prefixes), None)
        removed = []
        for rel in sorted(stale):
            path = Path(os.path.normpath(self.site_dir / rel))
            if not path.is_relative_to(self.site_dir) or path == self.site_dir:
                continue  # the record comes from the cache folder: never anything outside the site
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(rel)
            folder = path.parent  # a clean build has no folder left empty by a removed page
            while (
                folder != self.site_dir
                and folder.is_relative_to(self.site_dir)
                and folder.is_dir()
                and not any(folder.iterdir())
            ):
                folder.rmdir()
                folder = folder.parent
        return removed


# --------------------------------------------------------------------------- the build's side


def plan_pages(build: Any, config: Any, files: Files, zd: Mapping[str, Any]) -> None:
    """``on_env``, after every page is rendered: which pages' recorded output still holds.

    Theme pages get their view here (``pages.page_context`` keeps it): it is what they show.
    """
    outputs, site, themes = build.outputs, build.site, build.themes
    pages = files.documentation_pages()  # a filter over every file of the site: once here, not thrice
    for file in pages:  # written unless ``plan`` finds its output still holds
        if isinstance(file, SiteFile):
            file.rewrite = True
    if outputs is None or not (dirty() or annotations.serving()):
        return  # a clean ``mkdocs build``: no record to compare with, none kept (``record_pages``)
    from zhudu import pages as page_events  # the per-page events import this module's callers
    from zhudu.publish.pagination import PER_PAGE

    # The conversion rules go into each page's digest after the rest (``base``): a save that changes
    # them rewrites only the pages whose text a changed rule can meet (``Outputs.plan``, ``rule_scope``).
    outputs.rules = rule_scope.labels(site.rules, [v.code for v in site.variants])
    rules_digest = cache.digest(json.dumps(sorted(outputs.rules.items()), ensure_ascii=False))
    outputs.plain_prefix = next(
        (v.prefix for v in site.variants if site.converter(v.code, "Hans").is_identity), None
    )
    inputs = build_digest(
        Path(config.config_file_path).read_bytes(),
        folder_digest([config.theme.custom_dir]),  # Material's own templates: its version, in the code's
        nav_digest(build.nav.items if build.nav is not None else ()),
        repr(zd.get("variants")),
        repr(zd.get("build_errors")),
        repr(zd.get("scripts")),  # config.js's and reader.js's versions, named by every page (compact/)
        repr(sorted((code, sorted(table.items())) for code, table in site.strings.items())),
        "serve" if annotations.serving() else "build",
        site.settings.search,
        site.domain_key,  # which of the regional layer's rules the variants' copies went through
    )
    memo: dict[str, Any] = {}
    index = themes.index if themes is not None else None
    # Every theme page links to the other themes that have notes.
    theme_list = repr(
        [(t.id, t.name) for t in index.theme_map.themes if index.notes_of_theme(t.id)] if index else None
    )
    notes = list(zd.get("notes", ()))
    home_pages = max(1, (len(notes) + PER_PAGE - 1) // PER_PAGE)
    sections = repr(zd.get("sections"))  # partials/zd-sections.html: slugs, titles, counts

    def digests() -> Iterable[tuple[Page, str]]:
        for file in pages:
            page = file.page
            if page is None:
                continue
            note = site.note_by_src.get(file.src_uri)
            shown = ""
            if note is not None and themes is not None:
                shown = note_theme_digest(themes, note.id, memo)
            elif themes is not None and (theme_page := themes.theme_of_src(file.src_uri)) is not None:
                theme_id, number = theme_page
                if theme_id and themes.index is not None:  # its view is made when it is written
                    shown = f"{number}:{theme_digest(themes, theme_id, memo, build.kept.theme_digests)}:{theme_list}"
                elif page_events.theme_page_view(build, page):  # the overview: from every theme
                    shown = _stable_repr(page.meta.get("zd_theme"))
            if page.meta.get("template") == "home.html":
                number = int(page.meta.get("zd_home_page", 1))
                cards = notes[(number - 1) * PER_PAGE : number * PER_PAGE]
                shown += page_meta.cards_text(number, home_pages, cards)
                if number == 1:  # and the section list (partials/zd-sections.html), from every note
                    shown += sections
            spooled = site.contents.digest(file.dest_uri) if site.contents is not None else None
            view = page_events.note_view(build, note) if note is not None else None
            base = page_digest(page, inputs, shown, spooled, view)  # spooled: the HTML waits on disk
            yield page, page_digests.with_rules(file.dest_uri, base, rules_digest), base

    def indexed(page: Page) -> bool:
        return (
            site.settings.search == "zhudu"
            and bool(page.meta.get("zd_searchable", True))
            and page.file.dest_uri.endswith(".html")
        )

    if site.settings.search != "zhudu":  # Material's own index needs every page written
        return
    # A store of its own: the renders' store counts its hits and misses for the build's log.
    related_store = cache.ArtifactCache(outputs.store.root)
    if themes is not None and themes.index is not None:
        page_digests.load_related(related_store)
    page_digests.CONTENT_HASHED[:] = [0, 0]
    page_digests.KEPT_COUNTS[:] = [0, 0, 0]
    outputs.plan(digests(), indexed)
    if outputs.rules_checked[0]:
        log.debug(
            "conversion rules changed: %d of %d pages' copies hold none of them", *outputs.rules_checked[::-1]
        )
    page_digests.forget(outputs.digests, (n.id for n in site.note_by_src.values()))  # a deleted note's go
    page_digests.save_related(related_store, memo)
    if dirty():  # before any page is written: a build failing after this still removes them later
        outputs.save({}, set(outputs.previous_owned) | owned_paths(outputs, files))
    outputs.indexed = {d: indexed(f.page) for f in pages if f.page for d in [f.dest_uri]}


def finish_pages(build: Any) -> None:
    """``on_post_build``, once the written pages are in: put back what the skipped pages' output holds."""
    outputs, site = build.outputs, build.site
    if outputs is None:
        return
    last = outputs.records.registered  # the last build's: the same objects from save to save
    for dest, kept in outputs.skipped.items():
        site.register_page(dest, kept.url, kept.lastmod, kept.searchable, last.get(dest))
        for code, text in outputs.kept_texts(dest):
            site.search_pages.setdefault(code, {})[dest] = text


def record_pages(build: Any, files: Files) -> list[str]:
    """``on_post_build``, last: remove what a clean build would not have; keep this build's record."""
    outputs, site = build.outputs, build.site
    if outputs is None or not dirty():
        if outputs is not None and not annotations.serving():  # a clean ``mkdocs build``: what it wrote,
            # no page trusted: a ``mkdocs build --dirty`` after it then removes a renamed note's old copies.
            outputs.save({}, owned_paths(outputs, files))
        return []
    removed = outputs.remove_stale(owned_paths(outputs, files))
    written = {d: (r.url, r.lastmod, r.searchable) for d, r in site.pages.items()}
    texts: dict[str, list[tuple[str, Any]]] = {}
    for code, by_page in site.search_pages.items():
        for dest, text in by_page.items():
            texts.setdefault(dest, []).append((code, text))
    outputs.record(written, outputs.indexed, {d: tuple(t) for d, t in texts.items()})
    outputs.records.registered = dict(site.pages)
    if not _SWEPT[0]:  # once per process (a stat per kept page): old pages no build needs
        _SWEPT[0] = True
        written_pages.sweep(outputs.store, set(outputs.digests.values()), time.time())
    return removed


def owned_paths(outputs: Outputs, files: Files) -> set[str]:
    """The site-relative paths written for the site's pages (every variant's copy) and files."""
    owned = set()
    for file in files:
        if file.is_documentation_page():
            owned.update(outputs.page_outputs(file.dest_uri))
        else:
            owned.add(file.dest_uri)
    return owned
