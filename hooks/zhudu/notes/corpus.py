"""Reading notes from ``seeds/``: normalisation and the corpus.

Nothing here writes anywhere: a note is read as bytes, decoded, split with python-frontmatter's
handlers and normalised into ``NoteMeta`` (see ``meta``).  A problem with one note never stops the
others: it is recorded on the note as a ``NoteError`` (the hook logs it), and a note that cannot be
read at all is kept as a *broken* note whose page shows the error, so ``mkdocs serve`` keeps serving
while the author fixes it.  Split out, each kept importable from here: the front matter
(``front_matter``), summaries (``summary``), a note's id, folder and slug (``naming``), its section
(``sections``).
"""

from __future__ import annotations

import hashlib
import math
import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from mkdocs.config.base import ValidationError

from zhudu.errors import NoteError, ZhuduError
from zhudu.notes import body as body_mod
from zhudu.notes import limits as limits_mod
from zhudu.notes import notion, remote_images, resolve, sections, site_root
from zhudu.notes.across import refused_image, renamed_id
from zhudu.notes.drafts import draft_key
from zhudu.notes.front_matter import detect_dialect, names_bibliography, note_parts
from zhudu.notes.limits import Limits
from zhudu.notes.meta import (
    Author,
    NoteMeta,
    cited_lines,
    note_schema,
    resolve_aliases,
    split_tags,
    validate_fields,
)
from zhudu.notes.meta_fields import hexo_categories, script_and_region
from zhudu.notes.naming import default_slug, note_folder, note_id, note_ids  # split out; importable from here
from zhudu.notes.reads import NoteReads, Probe
from zhudu.notes.summary import (  # split out of this module; kept importable from here
    _LATIN_WORD_RE,
    _article_text,
    _as_text,
    _complete_author,
    _first_heading,
    looks_like_placeholder,
    summary_and_code,
    text_title,
)
from zhudu.script.han import HAN_RE

# --------------------------------------------------------------------------- Data

#: Put before a note's Markdown when MkDocs reads it (``Note.page_source``).  MkDocs takes a page's
#: first lines as metadata: YAML between ``---`` lines, or else MultiMarkdown's ``Key: value`` lines, so a note
#: whose first sentence is ``Note: 这一行……`` lost it and one starting ``Template: x.html`` chose the page's
#: template.  An empty YAML block of Zhudu's own is all MkDocs ever finds (``on_page_markdown`` gives its metadata).
PAGE_FRONT_MATTER = "---\n{}\n---\n"


@dataclass(frozen=True)
class NoteSettings:
    """What normalisation needs from the hook's settings."""

    timezone: str = "Asia/Shanghai"
    chars_per_minute: int = 450
    words_per_minute: int = 220
    summary_length: int = 120
    notes_url: str = "notes"
    limits: Limits = field(default_factory=Limits)


@dataclass
class Note:
    """A note from ``seeds/``: its normalised metadata and the Markdown the site renders."""

    id: str
    path: Path
    display_path: str
    meta: NoteMeta
    markdown: str
    raw: Mapping[str, Any]
    body: body_mod.Body | None = None
    problems: list[NoteError] = field(default_factory=list)
    #: What is said of the note, not warned of (a Typora root on the writer's machine, ignored): info lines.
    notices: list[NoteError] = field(default_factory=list)
    broken: bool = False
    #: A broken note whose front matter was read (its body is over a limit): its metadata is the author's.
    meta_kept: bool = False
    url_folder: str = "notes"
    placeholder_title: str | None = None
    source_digest: str = ""  # SHA-256 of the file's bytes: what a render of it is keyed by (cache.py)
    copies: list[tuple[int, str, str]] = field(
        default_factory=list
    )  # its embeds' (transclusion.Embeds.copied)

    @property
    def listed(self) -> bool:
        """Whether the note is in the home list, its section and the feeds: readable, or its metadata kept."""
        return not self.broken or self.meta_kept

    @property
    def src_uri(self) -> str:
        """Where the note's page lives among the site's files."""
        return f"{self.url_folder}/{self.meta.slug}.md"

    @property
    def page_source(self) -> str:
        """The page's source for MkDocs: the Markdown, never read as metadata (``PAGE_FRONT_MATTER``)."""
        return PAGE_FRONT_MATTER + self.markdown


@dataclass
class Corpus:
    """Every note of the site, newest first, with the problems found while reading them."""

    notes: list[Note]
    #: Problems of no one note (two notes claiming one slug, a refused file, the folders).
    problems: list[ZhuduError] = field(default_factory=list)
    #: The notes by every name a link may give them, with what became of each link (``resolve``).
    link_index: resolve.LinkIndex | None = None
    #: Notes their author's tool would not publish (``draft: true``, ``published: false``): no page, no link.
    drafts: list[Note] = field(default_factory=list)
    #: Each folder's ``_index.md``, by the folder: the section's title and introduction, not a note.
    section_intros: dict[str, Note] = field(default_factory=dict)

    def by_id(self) -> dict[str, Note]:
        """Notes keyed by id (the seed file's name without its extension)."""
        return {note.id: note for note in self.notes}


# --------------------------------------------------------------------------- Reading


def read_note(
    path: Path,
    display: str,
    *,
    settings: NoteSettings,
    override: Mapping[str, Any] | None = None,
    override_lines: Mapping[str, int] | None = None,
    override_file: str = "",
    image_url: Callable[[str, Path], str],
    detect_script: Callable[[str], str],
    identifier: str | None = None,
    root: Path | None = None,
) -> Note:
    """Read and normalise one note; never raises for a problem in the note itself.

    Args:
        path: The note file.
        display: How messages name it (``seeds/002.md``).
        settings: Normalisation settings.
        override: The editor's values for this note (``docs/editorial/notes.yml``).
        override_lines: Line of each override key in ``override_file``, for messages.
        override_file: Display path of the editorial file.
        image_url: Maps (note id, existing image path) to the link the page uses.
        detect_script: Returns ``"Hans"`` or ``"Hant"`` for a text.
        identifier: The note's id (``note_ids``: its file stem, unless another note has it).
        root: The notes folder (``seeds/``): a note's images may be anywhere inside it, and a
            note in one of its folders belongs to that folder's section.  None: the note's folder.
    """
    identifier = identifier or note_id(path, root)
    problems: list[NoteError] = []
    refused: NoteError | None = None  # a body over a limit: never rendered, its front matter still read
    try:
        data = path.read_bytes()
        text, raw, content, body_line, key_lines = note_parts(
            data, display, problems, settings.limits, text_required=path.stem != "_index"
        )
        try:
            limits_mod.check(content, display, body_line, settings.limits)  # before Markdown sees it
        except NoteError as exc:
            refused = exc
        content, control_line, controls = limits_mod.replace_controls(content)
        if control_line is not None and refused is None:
            problems.append(
                NoteError(
                    display,
                    body_line + control_line,
                    f"{controls} control character(s) (such as NUL, U+FDD0) in the text, shown as �: delete them",
                )
            )
    except NoteError as exc:
        return broken_note(path, display, identifier, exc, settings)

    values, origin, extra = resolve_aliases(raw)
    opening = "+++" if text.startswith("+++") else "---" if text.startswith("---") else "::"
    dialect = detect_dialect(  # decides how {% raw %} shows
        raw, "notion" if opening == "::" and notion.is_export(path.stem) else opening
    )
    schema = note_schema(settings.timezone)
    image_root, unused_root = site_root.typora_root(
        raw.get("typora-root-url"), path.parent, root or path.parent
    )
    if unused_root:
        problems.append(NoteError(display, key_lines.get("typora-root-url", 1), unused_root))
    notices = [
        NoteError(display, key_lines.get("typora-root-url", 1), said)
        for said in [site_root.machine_root(raw.get("typora-root-url"))]
        if said
    ]

    # Handles written as tags (the X clipper puts "@author" into the tag string) are authors.
    try:
        _, tag_handles = split_tags(values.get("tags"))
    except ValidationError:  # reported with the other fields below
        tag_handles = ()

    # The title only decides whether a first heading repeats it (none: the first heading is the title):
    # one that fails validation decides nothing (the heading stays, so none of the text is dropped).
    title_failed = validate_fields(schema, {"title": values.get("title")})[1]
    body = (
        None
        if refused
        else body_mod.transform(
            content,
            title=None if title_failed else (_as_text(values.get("title")) or _first_heading(content)),
            note_dir=path.parent,
            first_line=body_line,
            image_url=lambda p: image_url(identifier, p),
            note_name=path.stem,
            root=root,
            dialect=dialect,
            bibliography=names_bibliography(raw),
            image_root=image_root,
        )
    )
    if body is not None:
        problems.extend(NoteError(display, line, message) for line, message in body.findings)
    posts = body.posts if body is not None else []

    # The thread's first post carries the publication date; the clipper's "created" is when it was clipped (kept in extra).
    if posts and origin.get("date") == "created" and posts[0].date:
        extra = {"created": raw["created"], **extra}
        values["date"] = posts[0].date
        origin["date"] = "(thread)"

    if dialect == "hexo" and "categories" in values:  # Hexo's flat list is one path (an editor's is not)
        values["categories"] = hexo_categories(values["categories"])
    elif origin.get("categories") == "category" and isinstance(values["categories"], str):
        values["categories"] = [values["categories"]]  # Jekyll splits only the plural key's string
    values = {**values, **(override or {})}
    # Every field is checked on its own: every bad one is reported and none of its value is used.
    clean, failed = validate_fields(schema, values)
    for key, message in failed:
        if override and key in override:
            where, line = override_file, (override_lines or {}).get(key)
        else:
            where, line = display, key_lines.get(origin.get(key, key))
        problems.append(NoteError(where, line, f"{key}: {message}"))

    title = clean.get("title") or text_title(content, identifier, clean.get("subtitle"))
    placeholder = looks_like_placeholder(title) and not (override and "title" in override)

    authors = list(clean.get("authors") or ())
    if not authors and tag_handles:
        authors = [Author(name=h, handle=h) for h in tag_handles[:1]]
    if not authors and posts:
        authors = [Author(name=posts[0].name, handle=posts[0].handle)]
    source = clean.get("source")
    authors = [_complete_author(a, posts, source) for a in authors]

    tags = list(clean.get("tags") or ())
    if body is not None:
        tags += [t for t in dict.fromkeys((*body.hashtags, *body.inline_tags)) if t not in tags]

    article = _article_text(body.markdown, read=0) if body is not None else ""
    chars = len(HAN_RE.findall(article))
    words = len(_LATIN_WORD_RE.findall(article))
    minutes = max(1, math.ceil(chars / settings.chars_per_minute + words / settings.words_per_minute))
    minutes = minutes if body is not None else 0  # a refused body has no reading time (shown as none)

    description, code = clean.get("description") or "", ()
    if body is not None and not description:  # summarised, its inline code apart (shown as typed)
        description, code = summary_and_code(body.markdown, settings.summary_length)
    # A refused body is not read for its script (it may be megabytes): its title and description are.
    script_of = article if body is not None else f"{title}\n{description}"
    lang, region = script_and_region(
        clean.get("lang") or ("zh-Hant" if detect_script(script_of) == "Hant" else "zh-Hans")
    )
    meta = NoteMeta(
        id=identifier,
        slug=clean.get("slug") or default_slug(notion.without_page_id(identifier)),
        title=title,
        subtitle=clean.get("subtitle") if clean.get("subtitle") != title else None,  # not said twice
        date=clean.get("date"),
        updated=clean.get("updated"),
        authors=tuple(authors),
        source=source,
        tags=tuple(tags),
        categories=clean.get("categories") or (),
        description=description,
        description_code=code,
        lang=lang,
        region=region,
        domain=None if body is None or path.stem == "_index" else body.own_domain,
        dialect=dialect,
        chars=chars,
        words=words,
        reading_minutes=minutes,
        template=clean.get("template") or "note.html",
        extra=extra,
        folder=note_folder(path, root),  # its section: sections.assign, which sees every note
    )
    if refused is not None:  # its page shows the error instead of the body, under the author's metadata
        return broken_note(path, display, identifier, refused, settings, kept=(meta, raw, problems))
    return Note(
        id=identifier,
        path=path,
        display_path=display,
        meta=meta,
        markdown=body.markdown,
        raw=raw,
        body=body,
        problems=problems,
        notices=notices,
        url_folder=settings.notes_url,
        placeholder_title=title if placeholder else None,
        source_digest=hashlib.sha256(data).hexdigest(),
    )


def broken_note(
    path: Path,
    display: str,
    identifier: str,
    error: NoteError,
    settings: NoteSettings,
    kept: tuple[NoteMeta, Mapping[str, Any], list[NoteError]] | None = None,
) -> Note:
    """A stand-in for a note that cannot be read: its page shows the error.

    ``kept``: the metadata, front matter and further problems of a note whose front matter was read
    (its body over a limit); else the note is named by its file, as one without a title is (never by
    its path under ``seeds/``: ``我的库/杂记/随手记`` is ``随手记``).
    """
    if kept is None:
        meta = NoteMeta(
            id=identifier,
            slug=default_slug(notion.without_page_id(identifier)),
            title=text_title("", identifier),
            subtitle=None,
            date=None,
            updated=None,
            authors=(),
            source=None,
            tags=(),
            description="",
            lang="zh-Hans",
            dialect="unknown",
            chars=0,
            words=0,
            reading_minutes=0,
        )
        raw: Mapping[str, Any] = {}
        problems: list[NoteError] = []
    else:
        meta, raw, problems = kept
    return Note(
        id=identifier,
        path=path,
        display_path=display,
        meta=meta,
        markdown="",
        raw=raw,
        problems=[error, *problems],
        broken=True,
        meta_kept=kept is not None,
        url_folder=settings.notes_url,
    )


def load_corpus(
    paths: Iterable[Path],
    display: Callable[[Path], str],
    *,
    settings: NoteSettings,
    overrides: Mapping[str, Mapping[str, Any]],
    override_lines: Mapping[str, Mapping[str, int]],
    override_file: str,
    image_url: Callable[[str, Path], str],
    detect_script: Callable[[str], str],
    map_paths: Callable[[Callable[[Path], Note], list[Path]], list[Note]] | None = None,
    root: Path | None = None,
    fetch_remote: Callable[[list[str]], Mapping[str, remote_images.Fetched]] | None = None,
    reads: NoteReads | None = None,
    files_by_name: Mapping[str, Sequence[Path]] | None = None,
) -> Corpus:
    """Read every note, make ids and slugs unique and sort newest first (links: ``resolve.link_notes``).

    ``map_paths`` reads the notes (``read_note`` of each path, in order): by default here, or in
    worker processes.  ``fetch_remote`` downloads remote images (``remote_images.fetch_all``);
    None: they stay links.  ``reads``: notes read by an earlier build of this process, reused
    when nothing they were read from changed (``mkdocs serve``); ``files_by_name``: the files in
    ``root`` other than notes, by name (``NoteReads.start``).
    """
    paths = sorted(paths)
    ids = note_ids(paths, root)
    if reads is not None:
        reads.start(files_by_name)

    def reading_inputs(path: Path) -> tuple[Any, ...]:
        override = overrides.get(ids[path])
        lines = cited_lines(override, override_lines.get(ids[path]), settings.timezone)  # not all: meta.py
        return (display(path), ids[path], root, settings, repr(override), lines, override_file)

    # Reused notes are taken here: a forked reader would unpickle each and pickle it again to hand
    # it back (most of a one-edit build's reading).  Only the others go to ``map_paths``.
    reused: dict[Path, Note] = {}
    probes: dict[Path, tuple[tuple[Any, ...], Probe | None]] = {}  # with the inputs, made once
    if reads is not None:
        for path in paths:
            inputs = reading_inputs(path)
            found = reads.reuse(path, inputs)
            if found is None or isinstance(found, Probe):
                probes[path] = (inputs, found)
            else:
                reused[path] = found

    def read(path: Path) -> Note:
        if reads is None:
            return read_afresh(path)
        inputs, probe = probes[path]
        return reads.read_missing(path, inputs, probe, lambda: read_afresh(path))

    def read_afresh(path: Path) -> Note:
        return read_note(
            path,
            display(path),
            settings=settings,
            override=overrides.get(ids[path]),
            override_lines=override_lines.get(ids[path]),
            override_file=override_file,
            image_url=image_url,
            detect_script=detect_script,
            identifier=ids[path],  # read under its final id: its images are published under it
            root=root,
        )

    unread = [path for path in paths if path not in reused]
    read_now = iter((map_paths or _map_here)(read, unread) if unread else [])
    notes = [reused[path] if path in reused else next(read_now) for path in paths]
    # Hugo, Jekyll and Hexo leave a draft out of the site; so does Zhudu, before it claims a slug.
    unpublished = [not note.broken and draft_key(note.meta.extra) is not None for note in notes]
    drafts = [note for note, draft in zip(notes, unpublished, strict=True) if draft]
    paths = [path for path, draft in zip(paths, unpublished, strict=True) if not draft]
    notes = [note for note, draft in zip(notes, unpublished, strict=True) if not draft]
    problems: list[ZhuduError] = []
    stem_owner = {identifier: path for path, identifier in ids.items()}
    for path, note in zip(paths, notes, strict=True):
        stem = note_id(path, root)
        if ids[path] != stem:  # shares its file stem with another note (``note_ids``)
            problems.append(renamed_id(note, stem, display(stem_owner[stem]), override_file))
        for image in note.body.images if note.body else ():
            if image.refused:
                note.problems.append(refused_image(note, image, display(root or path.parent)))
    # Before slugs are made unique: a section's ``_index.md`` has no page, so it takes no slug from a note.
    intros = {posixpath.dirname(note.id): note for note in notes if sections.is_section_index(note)}
    notes = [note for note in notes if not sections.is_section_index(note)]
    seen: dict[str, Note] = {}
    for note in notes:
        first = seen.get(note.meta.slug)
        with_id = notion.slug_with_page_id(note.id, note.meta.slug, seen) if first is not None else None
        if with_id is not None:  # a second Notion "Untitled": told apart by its page id, no warning
            note.meta = replace(note.meta, slug=with_id)
        elif first is not None:
            unique = f"{note.meta.slug}-{default_slug(note.id)}"
            while unique in seen:  # three notes claiming one slug, or the second's new one taken
                unique += "-" + default_slug(note.id)
            problems.append(
                NoteError(
                    note.display_path,
                    None,
                    f"slug {note.meta.slug!r} is already used by {first.display_path}; "
                    f"this note is published as {unique!r} for now: give one of them its own slug "
                    f"(front matter 'slug:' or {override_file})",
                )
            )
            note.meta = replace(note.meta, slug=unique)
        seen[note.meta.slug] = note
    if fetch_remote is not None:
        remote_images.localise(notes, fetch_remote, image_url)
    sections.assign(notes, intros)
    notes.sort(key=_newest_first)
    return Corpus(notes=notes, problems=problems, drafts=drafts, section_intros=intros)


def _map_here(read: Callable[[Path], Note], paths: list[Path]) -> list[Note]:
    return [read(path) for path in paths]


def _newest_first(note: Note) -> tuple[int, float, str]:
    moment: datetime | None = note.meta.date
    return (0 if moment else 1, -(moment.timestamp() if moment else 0.0), note.id)
