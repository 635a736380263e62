"""Reading notes from ``seeds/``: decoding, front matter, normalisation, the corpus.

Nothing here writes anywhere: a note is read as bytes, decoded, split with
python-frontmatter's handlers and normalised into ``NoteMeta`` (see ``meta``).
A problem with one note never stops the others: it is recorded on the note as
a ``NoteError`` (the hook logs it), and a note that cannot be read at all is
kept as a *broken* note whose page shows the error, so ``mkdocs serve`` keeps
serving while the author fixes it.
"""

from __future__ import annotations

import hashlib
import math
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import BaseHandler, YAMLHandler

from . import body as body_mod
from .errors import NoteError
from .meta import Author, NoteMeta, note_schema, profile_url, resolve_aliases, split_tags

# --------------------------------------------------------------------------- Data

NOTE_SUFFIXES = (".md", ".markdown", ".txt")
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_LATIN_WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_HTML_TAG_RE = re.compile(r"<[^>\n]+>")
_WRAPPER_RE = re.compile(r"<(aside|details) class=\"zd-wrapper.*?</\1>", re.DOTALL)
_MD_LINK_RE = re.compile(r"!?\[(?P<text>[^\]]*)\]\([^)]*\)")
_MD_NOISE_RE = re.compile(r"\*+|`+|^[ \t]*[>#]+[ \t]*|\|", re.MULTILINE)
#: ``-{text}-`` and ``-{zh-Hans:text;…}-`` inline conversion rules: a summary keeps the default text.
_INLINE_RULE_RE = re.compile(r"-\{(?:[^{}]*?zh-Hans\s*:\s*(?P<hans>[^;{}]*)[^{}]*|(?P<text>[^{}]*))\}-")
_PLACEHOLDER_TITLE_RE = re.compile(r"^[A-Za-z0-9_.-]{1,24}$")
_SENTENCE_END = "。！？!?；;"


class TomlHandler(BaseHandler):
    """Hugo-style ``+++`` TOML front matter, read with the standard library's tomllib."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str) -> dict[str, Any]:
        return tomllib.loads(fm)


_HANDLERS = (YAMLHandler(), TomlHandler())


# --------------------------------------------------------------------------- Values


@dataclass(frozen=True)
class NoteSettings:
    """What normalisation needs from the hook's settings."""

    timezone: str = "Asia/Shanghai"
    chars_per_minute: int = 450
    words_per_minute: int = 220
    summary_length: int = 120
    notes_url: str = "notes"


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
    broken: bool = False
    url_folder: str = "notes"
    placeholder_title: str | None = None

    @property
    def src_uri(self) -> str:
        """Where the note's page lives among the site's files."""
        return f"{self.url_folder}/{self.meta.slug}.md"


@dataclass
class Corpus:
    """Every note of the site, newest first, with the problems found while reading them."""

    notes: list[Note]
    problems: list[NoteError] = field(default_factory=list)

    def by_id(self) -> dict[str, Note]:
        """Notes keyed by id (the seed file's name without its extension)."""
        return {note.id: note for note in self.notes}


# --------------------------------------------------------------------------- Reading


def note_id(path: Path) -> str:
    """A note's id: its file name without the extension (stable, never converted)."""
    return path.stem


def default_slug(identifier: str) -> str:
    """An ASCII slug from a note id; a hash when the id has no ASCII letters or digits."""
    slug = re.sub(r"[^a-z0-9]+", "-", identifier.lower()).strip("-")
    return slug or "note-" + hashlib.sha1(identifier.encode()).hexdigest()[:10]


def decode(data: bytes, display: str) -> str:
    """Decode a note's bytes as UTF-8 (a BOM is dropped; CRLF and CR become LF).

    Raises:
        NoteError: the bytes are not UTF-8; says whether they look like GBK.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            hint = "save it as UTF-8"
        else:
            hint = (
                "it looks like GBK/GB18030 (common on Chinese Windows); save it as UTF-8, "
                f"e.g. iconv -f GB18030 -t UTF-8 {display} > fixed.md"
            )
        raise NoteError(display, line, f"not UTF-8 (byte 0x{data[exc.start]:02X}); {hint}") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, display: str) -> tuple[dict[str, Any], str, int, dict[str, int]]:
    """Split and parse front matter.

    Returns:
        The raw front matter, the body, the file line the body starts on, and the line of each key.

    Raises:
        NoteError: invalid YAML/TOML (with the line), or front matter that is not a mapping.
    """
    handler = next((h for h in _HANDLERS if h.detect(text)), None)
    if handler is None:
        return {}, text, 1, {}
    try:
        fm, content = handler.split(text)
    except ValueError:
        return {}, text, 1, {}
    fm_first_line = 1  # the text after the opening delimiter starts on the delimiter's line
    try:
        raw = handler.load(fm)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = fm_first_line + (mark.line if mark else 0)
        problem = exc.problem or "invalid YAML"
        if exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            problem += f" (in the value that starts on line {fm_first_line + exc.context_mark.line})"
        raise NoteError(
            display,
            line,
            f"invalid YAML front matter: {problem}; check quoting and indentation "
            "(a value containing ': ' or starting with '[', '{', '@' or '`' needs quotes)",
        ) from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = fm_first_line + int(match.group(1)) - 1 if match else fm_first_line
        raise NoteError(display, line, f"invalid TOML front matter: {exc}") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise NoteError(display, 2, "front matter must be 'key: value' lines")
    body_line = text[: len(text) - len(content)].count("\n") + 1
    key_lines = {}
    for offset, line in enumerate(fm.split("\n")):
        if m := re.match(r"^([A-Za-z_][\w-]*)\s*[:=]", line):
            key_lines.setdefault(m.group(1), fm_first_line + offset)
    return {str(k): v for k, v in raw.items()}, content, body_line, key_lines


def detect_dialect(raw: Mapping[str, Any], delimiter: str) -> str:
    """Name the tool that wrote a note's front matter (shown to editors, kept in ``dialect``)."""
    if delimiter == "+++":
        return "hugo"
    if not raw:
        return "none"
    authors = raw.get("author")
    if "created" in raw or (isinstance(authors, list) and any("[[" in str(a) for a in authors)):
        return "obsidian-clipper"
    if "layout" in raw or "posttime" in raw:
        return "jekyll"
    if "updated" in raw:
        return "hexo"
    return "yaml"


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
    """
    identifier = note_id(path)
    try:
        text = decode(path.read_bytes(), display)
        if not text.strip():
            raise NoteError(display, 1, "the note is empty: write some text or delete the file")
        raw, content, body_line, key_lines = split_front_matter(text, display)
        if not content.strip():
            raise NoteError(display, body_line, "the note has front matter but no text: write the text")
    except NoteError as exc:
        return broken_note(path, display, identifier, exc, settings)

    problems: list[NoteError] = []
    values, origin, extra = resolve_aliases(raw)
    delimiter = "+++" if text.startswith("+++") else "---"
    dialect = detect_dialect(raw, delimiter)

    # Handles written as tags (the X clipper puts "@author" into the tag string) are authors.
    _, tag_handles = split_tags(values.get("tags"))

    body = body_mod.transform(
        content,
        title=_as_text(values.get("title")),
        note_dir=path.parent,
        first_line=body_line,
        image_url=lambda p: image_url(identifier, p),
    )

    # The thread's first post carries the publication date; the clipper's "created" is when
    # it was clipped (kept in extra as written).
    if body.posts and origin.get("date") == "created" and body.posts[0].date:
        extra = {"created": raw["created"], **extra}
        values["date"] = body.posts[0].date
        origin["date"] = "(thread)"

    values = {**values, **(override or {})}
    schema = note_schema(settings.timezone)()
    schema.load_dict(values)
    failed, _ = schema.validate()
    clean: dict[str, Any] = {key: schema[key] for key in schema}
    for key, exc in failed:
        if override and key in override:
            where, line = override_file, (override_lines or {}).get(key)
        else:
            where, line = display, key_lines.get(origin.get(key, key))
        problems.append(NoteError(where, line, f"{key}: {exc}"))
        clean[key] = None

    title = clean.get("title") or _first_heading(content) or identifier
    placeholder = (
        _PLACEHOLDER_TITLE_RE.match(title)
        and not (override and "title" in override)
        and _HAN_RE.search(content)
    )

    authors = list(clean.get("authors") or ())
    if not authors and tag_handles:
        authors = [Author(name=h, handle=h) for h in tag_handles[:1]]
    if not authors and body.posts:
        authors = [Author(name=body.posts[0].name, handle=body.posts[0].handle)]
    source = clean.get("source")
    authors = [_complete_author(a, body.posts, source) for a in authors]

    tags = list(clean.get("tags") or ())
    tags += [t for t in body.hashtags if t not in tags]

    article = _article_text(body.markdown)
    chars = len(_HAN_RE.findall(article))
    words = len(_LATIN_WORD_RE.findall(article))
    minutes = max(1, math.ceil(chars / settings.chars_per_minute + words / settings.words_per_minute))

    lang = clean.get("lang") or ("zh-Hant" if detect_script(article) == "Hant" else "zh-Hans")
    meta = NoteMeta(
        id=identifier,
        slug=clean.get("slug") or default_slug(identifier),
        title=title,
        subtitle=clean.get("subtitle"),
        date=clean.get("date"),
        updated=clean.get("updated"),
        authors=tuple(authors),
        source=source,
        tags=tuple(tags),
        description=clean.get("description") or summarise(article, settings.summary_length),
        lang=lang,
        dialect=dialect,
        chars=chars,
        words=words,
        reading_minutes=minutes,
        template=clean.get("template") or "note.html",
        extra=extra,
    )
    return Note(
        id=identifier,
        path=path,
        display_path=display,
        meta=meta,
        markdown=body.markdown,
        raw=raw,
        body=body,
        problems=problems,
        url_folder=settings.notes_url,
        placeholder_title=title if placeholder else None,
    )


def broken_note(path: Path, display: str, identifier: str, error: NoteError, settings: NoteSettings) -> Note:
    """A stand-in for a note that cannot be read: its page shows the error."""
    meta = NoteMeta(
        id=identifier,
        slug=default_slug(identifier),
        title=identifier,
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
        template="note.html",
    )
    return Note(
        id=identifier,
        path=path,
        display_path=display,
        meta=meta,
        markdown="",
        raw={},
        problems=[error],
        broken=True,
        url_folder=settings.notes_url,
    )


def _as_text(value: Any) -> str | None:
    return str(value) if isinstance(value, (str, int, float)) else None


def _first_heading(text: str) -> str | None:
    m = re.search(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", text, re.MULTILINE)
    return m.group(1).strip() if m else None


def _complete_author(author: Author, posts: Iterable[body_mod.Post], source: str | None) -> Author:
    name = author.name
    for post in posts:
        if author.handle and post.handle == author.handle:
            name = post.name
            break
    url = author.url or profile_url(source, author.handle)
    return replace(author, name=name, url=url)


def _article_text(markdown: str) -> str:
    """The author's own words: wrappers, tags and Markdown syntax removed."""
    text = _WRAPPER_RE.sub("", markdown)
    text = _HTML_TAG_RE.sub(" ", text)
    text = _INLINE_RULE_RE.sub(lambda m: (m["hans"] if m["hans"] is not None else m["text"]) or "", text)
    text = _MD_LINK_RE.sub(lambda m: m["text"], text)
    return _MD_NOISE_RE.sub("", text)


def summarise(article: str, limit: int) -> str:
    """The opening prose, cut at a sentence end within ``limit`` characters.

    Short opening lines ("我有套类似的狂野想法：") are joined with what follows, so the
    summary says what the note is about rather than only how it begins.
    """
    text = ""
    for para in re.split(r"\n\s*\n", article):
        para = " ".join(para.split())
        if len(_HAN_RE.findall(para)) < 8:
            continue
        text += para
        if len(text) >= limit // 2:
            break
    if len(text) <= limit:
        return text
    cut = max(text.rfind(p, 0, limit) for p in _SENTENCE_END)
    return text[: cut + 1] if cut > limit // 3 else text[:limit].rstrip() + "…"


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
) -> Corpus:
    """Read every note, make slugs unique and sort newest first.

    ``map_paths`` reads the notes (``read_note`` of each path, in order): by default here, or in
    worker processes.
    """

    def read(path: Path) -> Note:
        return read_note(
            path,
            display(path),
            settings=settings,
            override=overrides.get(note_id(path)),
            override_lines=override_lines.get(note_id(path)),
            override_file=override_file,
            image_url=image_url,
            detect_script=detect_script,
        )

    notes = (map_paths or _map_here)(read, sorted(paths))
    problems: list[NoteError] = []
    seen: dict[str, Note] = {}
    for note in notes:
        first = seen.get(note.meta.slug)
        if first is not None:
            unique = f"{note.meta.slug}-{default_slug(note.id)}"
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
    notes.sort(key=_newest_first)
    return Corpus(notes=notes, problems=problems)


def _map_here(read: Callable[[Path], Note], paths: list[Path]) -> list[Note]:
    return [read(path) for path in paths]


def _newest_first(note: Note) -> tuple[int, float, str]:
    moment: datetime | None = note.meta.date
    return (0 if moment else 1, -(moment.timestamp() if moment else 0.0), note.id)
