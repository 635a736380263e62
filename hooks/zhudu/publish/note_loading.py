"""Reading the notes for the site: ``seeds/`` and its folders, the editor's overrides, images.

A mixin of ``publish.site.Site`` (which owns the build's state: settings, folders, the corpus); kept
apart so the page-writing state and the note reading each fit in one module.
"""

from __future__ import annotations

import itertools
import os
import re
import stat
from collections.abc import Callable, Collection, Sequence
from dataclasses import fields, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import quote

from zhudu import editorial
from zhudu.errors import NoteError, ZhuduError
from zhudu.notes import block_refs, drafts, folders, notion, remote_images, resolve
from zhudu.notes.corpus import Corpus, Note, NoteSettings, load_corpus
from zhudu.notes.limits import Limits
from zhudu.notes.naming import default_slug, is_note_file, note_ids
from zhudu.notes.page_ids import Slugify
from zhudu.notes.reads import NoteReads
from zhudu.publish import conversion_domain, workers
from zhudu.script import convert as script

if TYPE_CHECKING:
    from zhudu.script.variants import VariantInfo
    from zhudu.settings import ZhuduConfig

#: The template of a note page; a note's ``template`` may name another of the theme's templates.
DEFAULT_TEMPLATE = "note.html"
#: A template a note may name: a plain file name, never a path (``../../etc/passwd``).
_TEMPLATE_NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*\.html$")


def _front_matter_line(path: Path, key: str) -> int | None:
    """The line of ``key`` in a note's front matter, for a message (None: not found)."""
    try:
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return None
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "+++"):
            return None
        if re.match(rf"^{re.escape(key)}\s*[:=]", line):
            return number
    return None


#: Reading fewer notes than this in a forked worker costs more than it saves (``load_notes``).  At
#: 300 notes two readers took the reading stage's wall from 6.4-7.1 s to 3.3 s (load 8-14; 200 read them in one).
NOTES_PER_READER = 100


class NoteLoading:
    """``Site``'s note reading (see ``publish/site.py`` for the attributes it uses)."""

    settings: ZhuduConfig
    corpus: Corpus
    note_by_src: dict[str, Note]
    seeds_dir: Path
    editorial_dir: Path
    cache_dir: Path | None
    _forking_cpus: int
    display: Callable[[Path], str]
    #: ``notes.yml`` as this build read it (a note's render is keyed by its own entry: ``render_keys``).
    note_overrides: editorial.NoteOverrides | None = None
    decided_domain: conversion_domain.SiteDomain | None
    default: VariantInfo
    converter: Callable[..., script.Converter]

    @property
    def slugify(self) -> Slugify:
        """Heading ids as every variant's page has them and links find them: the text in the site's script, slugified.

        Folded with the rules of neither domain (``converter``'s ``domain_free``), so an id or a passage's anchor does
        not change when the site's domain does (a link from outside, a reader's bookmark): a Simplified heading's 文件
        is no 文档 in a software site's ids (a from-hant rule of software text), a Taiwan note's 資料 no 数据.  A link
        may name a heading as the page reads it too (``read``: ``[[note#数据与文档]]``, the site's domain's reading).
        """
        return Slugify(
            self.converter(self.default.code, "Hant", domain_free=True).text,
            read=self.converter(self.default.code, "Hant").text,
        )

    def check_folders(self) -> list[ZhuduError]:
        """Check ``seeds_dir`` and ``editorial_dir``; returns the warnings.

        A folder outside the project folder (the one holding mkdocs.yml) is a warning, not an
        error: mkdocs.yml is the site owner's, not untrusted input, and such a layout can be on
        purpose; but a clone of the repository would build without it, so ``--strict`` fails.
        A symbolic link inside the project leading there is the explicit way to do it (no warning).

        Raises:
            ZhuduError: a folder does not exist (a typo would otherwise build an empty site).
        """
        problems = []
        root = Path(os.path.abspath(self.root))
        for key, folder in (("seeds_dir", self.seeds_dir), ("editorial_dir", self.editorial_dir)):
            value = getattr(self.settings, key)
            if not folder.is_dir():
                what = "is not a folder" if folder.exists() else "does not exist"
                raise ZhuduError(
                    "mkdocs.yml",
                    None,
                    f"extra.zhudu.{key}: {value!r} {what} ({folder.resolve()}); create the folder or "
                    f"set {key} to the folder, relative to mkdocs.yml",
                )
            if not Path(os.path.abspath(folder)).is_relative_to(root):
                problems.append(
                    ZhuduError(
                        "mkdocs.yml",
                        None,
                        f"extra.zhudu.{key}: {value!r} is outside the project folder ({folder.resolve()}): "
                        "a clone of the repository builds without it; move the folder into the project "
                        "(or link to it from a symbolic link inside the project)",
                    )
                )
        return problems

    def has_notes_at_most(self, most: int) -> bool:
        """Whether ``seeds/`` holds at most ``most`` note files (counted before reading any; stops at ``most + 1``)."""
        notes = (path for path in folders.walk(self.seeds_dir) if is_note_file(path))
        return sum(1 for _ in itertools.islice(notes, most + 1)) <= most

    def _note_paths(self) -> tuple[list[Path], list[ZhuduError], dict[str, list[Path]]]:
        """The note files in ``seeds/`` and its folders, why other files that look like one are not read, and all files.

        All files: every other file listed, by its name (what an Obsidian embed finds: ``NoteReads.start``).
        Folders are read as ``folders.walk`` says (hidden ones, ``_drafts/``, ``node_modules/`` and the
        like skipped; symbolic links to folders never entered).  A note is untrusted input, and so is
        a symbolic link among them: one leading out of ``seeds/`` would publish whatever file it names,
        so only links to files inside are read.
        """
        seeds = self.seeds_dir.resolve()
        folder = self.display(self.seeds_dir)
        paths: list[Path] = []
        refused: list[ZhuduError] = []
        # Each folder resolved once, and whether it is inside seeds/ (every save lists every note).
        resolved: dict[Path, tuple[Path, bool]] = {}
        by_name: dict[str, list[Path]] = {}
        for path in folders.walk(self.seeds_dir):
            if not is_note_file(path):
                by_name.setdefault(path.name, []).append(path)
                continue
            try:
                mode = os.lstat(path).st_mode
                if stat.S_ISLNK(mode):
                    target = path.resolve()
                    readable, inside = target.is_file(), target.is_relative_to(seeds)
                else:  # not a link: in its folder resolved (one system call per folder, no path per note)
                    if (folder_target := resolved.get(path.parent)) is None:
                        real = path.parent.resolve()
                        folder_target = resolved[path.parent] = (real, real.is_relative_to(seeds))
                    readable, inside = stat.S_ISREG(mode), folder_target[1]
                    target = folder_target[0] / path.name if not inside else path
            except (OSError, RuntimeError):  # a symbolic link loop, a name too long
                target, readable, inside = path, False, True
            if not inside:
                refused.append(
                    NoteError(
                        self.display(path),
                        None,
                        f"a symbolic link to {target}, outside {folder}/: not published; copy the note "
                        f"into {folder}/ (a link to a file inside {folder}/ is fine)",
                    )
                )
            elif not readable:
                refused.append(
                    NoteError(
                        self.display(path),
                        None,
                        "not a readable file (a folder, a broken symbolic link or a link loop): "
                        "not published; make it a text file or remove it",
                    )
                )
            else:
                paths.append(path)
        return paths, refused, by_name

    def load_notes(
        self,
        theme_dirs: Sequence[str] | None = None,
        without_overrides: Callable[[ZhuduError], None] | None = None,
        site_pages: Collection[str] = (),
        reads: NoteReads | None = None,
    ) -> Corpus:
        """Read ``seeds/`` with the editor's overrides.

        Args:
            theme_dirs: The theme's template folders (``config.theme.dirs``): a note's ``template``
                must name one of their templates.  None: not checked.
            without_overrides: Called with the error when ``notes.yml`` is invalid; the notes are then
                read without overrides (``mkdocs serve``).  None: the error is raised.
            site_pages: The site's own pages (``files.documentation_pages()``' ``src_uri``), which a
                note's Markdown link may name (``[关于](../about.md)``).
            reads: Notes read by an earlier build, reused when unchanged (``notes/reads.py``).

        Raises:
            ZhuduError: ``seeds_dir`` or ``editorial_dir`` is missing (``check_folders``).
            EditorialError: ``notes.yml`` is invalid.
        """
        folder_problems = self.check_folders()
        paths, refused, files_by_name = self._note_paths()
        overrides_path = self.editorial_dir / "notes.yml"
        try:
            overrides = editorial.load_note_overrides(
                overrides_path, self.display(overrides_path), note_ids(paths, self.seeds_dir).values()
            )
        except ZhuduError as exc:
            if without_overrides is None:
                raise
            without_overrides(exc)
            overrides = editorial.NoteOverrides(path=self.display(overrides_path))
        self.note_overrides = overrides
        self.corpus = load_corpus(
            paths,
            self.display,
            settings=NoteSettings(
                timezone=self.settings.timezone,
                chars_per_minute=self.settings.chars_per_minute,
                words_per_minute=self.settings.words_per_minute,
                summary_length=self.settings.summary_length,
                notes_url=self.settings.notes_url,
                limits=Limits(
                    **{f.name: self.settings.limits[f.name] for f in fields(Limits)}
                ),  # not a misspelt key
            ),
            overrides=overrides.values,
            override_lines=overrides.lines,
            override_file=overrides.path,
            image_url=self.image_link,
            detect_script=script.detect_script,
            root=self.seeds_dir,
            fetch_remote=lambda urls: remote_images.fetch_all(
                urls, self.cache_dir, self.settings.remote_images_from_private_hosts
            ),
            reads=reads,
            files_by_name=files_by_name,
            # A few hundred notes and more are read on every CPU.
            map_paths=lambda read, paths: workers.forked_map_in_slices(
                read, paths, self._forking_cpus, smallest_slice=NOTES_PER_READER
            ),
        )
        # Before anything converts a note's text: every converter of the build uses this domain.
        self.decided_domain = conversion_domain.decide(self.settings.conversion_domain, self.corpus.notes)
        # Then the links: a heading's id is its text folded by no domain's rules (``slugify``).
        self.corpus.link_index = resolve.link_notes(
            self.corpus.notes,
            self.slugify,
            site_pages,
            self.settings.limits["note_kib"],
            drafts.draft_finder(self.corpus.drafts, self.slugify),
            intros=list(self.corpus.section_intros.values()),  # a folder's _index.md links as a note does
            title_on=self.link_title,  # a Traditional note's title as its page shows it
            written_of=self.written_tag,  # an embed's copy: its note's script and page's domain
        )
        block_refs.link_blocks(
            self.corpus.notes, self.settings.summary_length
        )  # Logseq's ((id)) to another page's block, as the links
        self.corpus.problems[:0] = [*folder_problems, *refused]
        for note in self.corpus.notes if theme_dirs is not None else ():
            if problem := self._check_template(note, theme_dirs or (), overrides):
                note.problems.append(problem)
        if reads is not None:  # an unchanged note is the last build's object (``NoteReads.settle``)
            reads.settle(self.corpus.notes)
        self.note_by_src = {note.src_uri: note for note in self.corpus.notes}
        return self.corpus

    def _check_template(
        self, note: Note, theme_dirs: Sequence[str], overrides: editorial.NoteOverrides
    ) -> NoteError | None:
        """A ``template`` that is not a plain file name of one of the theme's templates: the default.

        MkDocs hands the name to Jinja, which raises (a traceback) for a missing one; a path such as
        ``../../etc/passwd`` must not even be looked up.
        """
        name = note.meta.template
        if name == DEFAULT_TEMPLATE or (
            _TEMPLATE_NAME_RE.match(name) and any((Path(d) / name).is_file() for d in theme_dirs)
        ):
            return None
        note.meta = replace(note.meta, template=DEFAULT_TEMPLATE)
        if "template" in overrides.values.get(note.id, {}):
            where, line = overrides.path, overrides.lines.get(note.id, {}).get("template")
        else:
            where, line = note.display_path, _front_matter_line(note.path, "template")
        return NoteError(
            where,
            line,
            f"template {name!r} is not a template of the theme: {note.display_path} uses the default "
            f"{DEFAULT_TEMPLATE}; give the file name of a template in overrides/ (like {DEFAULT_TEMPLATE}) "
            "or remove the line",
        )

    def image_src_uri(self, note_id: str, path: Path) -> str:
        """Where an existing image of a note is published among the site's files."""
        try:
            rel = path.resolve().relative_to(self.seeds_dir.resolve()).as_posix()
        except ValueError:
            rel = path.name
        if notion.is_export(PurePosixPath(note_id).name):
            # Its attachments are in a folder named as the note (``读书计划 0a1b…/image.png``): that path, not twice.
            return f"media/{rel}"
        # The note id is a file name: "...md" has the id "..", which would publish under the site root.
        folder = note_id if note_id.strip(".") else default_slug(note_id)
        return f"media/{folder}/{rel}"

    def image_link(self, note_id: str, path: Path) -> str:
        """The Markdown link target from a note page to one of its images."""
        return "<../" + quote(self.image_src_uri(note_id, path), safe="/") + ">"
