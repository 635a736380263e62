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
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from frontmatter.default_handlers import BaseHandler, YAMLHandler
from mkdocs.config.base import ValidationError

from zhudu.errors import NoteError, ZhuduError
from zhudu.notes import body as body_mod
from zhudu.notes import limits as limits_mod
from zhudu.notes import remote_images, resolve, yamldoc
from zhudu.notes.limits import Limits
from zhudu.notes.meta import (
    Author,
    NoteMeta,
    note_schema,
    profile_url,
    resolve_aliases,
    split_tags,
    validate_fields,
)

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
#: Titles a tool gives a note whose author gave none (``looks_like_placeholder``).  Each branch
#: is a shape no author's title has: a word like "Writing" or "Front-matter" is a real title, in
#: English as in any language, and never matches.
_PLACEHOLDER_TITLE_RE = re.compile(
    r"""^(?:
        (?P<untitled>(?i:untitled|new[ ]note|无标题|無標題|未命名|新建文本文档|新建文件)
                     (?:[ _-]*\(?\d{1,4}\)?)?)                           # Untitled, Untitled 2
      | (?P<date>\d{4}[-_./年]?\d{1,2}[-_./月]?\d{1,2}日?
                 (?:[ T_-]?\d{1,2}[:._-]?\d{2}(?:[:._-]?\d{2})?)?)        # 2023-03-23, 20230323 1405
      | (?P<number>\d+)                                                  # 002
      | (?P<hash>(?=[\w.-]*\d)[A-Za-z0-9]*[_.-]?[0-9a-fA-F]{8,})           # 002_b47107d45cc7a228
      | (?P<glued>\d{3,}[A-Za-z]+\d*|[A-Za-z]+[_-]?\d{3,})                # 1121tech, img_0042
      | (?P<stem>[a-z0-9]+(?:[-_.][a-z0-9]+)+)                             # docs-writing, my_note
    )$""",
    re.VERBOSE,
)
_SENTENCE_END = "。！？!?；;"


class TomlHandler(BaseHandler):
    """Hugo-style ``+++`` TOML front matter, read with the standard library's tomllib."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str) -> dict[str, Any]:
        return tomllib.loads(fm)


#: A line that starts a front-matter key (``title:`` in YAML, ``title =`` in TOML).
_KEY_LINE_RE = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]")

#: Put before a note's Markdown when MkDocs reads it (``Note.page_source``).  MkDocs takes a
#: page's first lines as metadata: YAML between ``---`` lines, or else MultiMarkdown's
#: ``Key: value`` lines, so a note whose first sentence is ``Note: 这一行……`` lost it and one
#: starting ``Template: x.html`` chose the page's template.  An empty YAML block of Zhudu's
#: own is all MkDocs ever finds (the note's metadata reaches the page in ``on_page_markdown``).
PAGE_FRONT_MATTER = "---\n{}\n---\n"


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
    broken: bool = False
    url_folder: str = "notes"
    placeholder_title: str | None = None
    source_digest: str = ""  # SHA-256 of the file's bytes: what a render of it is keyed by (cache.py)

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

    def by_id(self) -> dict[str, Note]:
        """Notes keyed by id (the seed file's name without its extension)."""
        return {note.id: note for note in self.notes}


# --------------------------------------------------------------------------- Reading


def note_id(path: Path, root: Path | None = None) -> str:
    """A note's id: its file name without the extension (stable, never converted).

    A note in a folder of ``seeds/`` (``root``) is named by its path from there, without the
    extension (``zh-cn/api-filter``): two ``index.md`` in two folders are two notes.
    """
    rel = _relative(path, root)
    if rel is not None and len(rel.parts) > 1:
        return (rel.parent / path.stem).as_posix()
    return path.stem


def note_folder(path: Path, root: Path | None = None) -> str:
    """The folder of ``seeds/`` (``root``) a note is in, as a path from there; "" for ``seeds/`` itself."""
    rel = _relative(path, root)
    return rel.parent.as_posix() if rel is not None and len(rel.parts) > 1 else ""


def _relative(path: Path, root: Path | None) -> PurePosixPath | None:
    if root is None:
        return None
    try:
        return PurePosixPath(path.relative_to(root).as_posix())
    except ValueError:
        return None


def note_ids(paths: Iterable[Path], root: Path | None = None) -> dict[Path, str]:
    """Every note's id, unique: ``same.md``, ``same.markdown`` and ``same.txt`` share a file stem.

    The first of them in ``NOTE_SUFFIXES`` order keeps the stem as its id; the others take their
    whole file name (``same.txt``), or that and a number if even that is some other note's stem,
    so no note is lost and the id the editor keys ``notes.yml`` on is still the file's name.
    In a folder (``note_id``), the same with the folder's path in front.
    """
    rank = {suffix: n for n, suffix in enumerate(NOTE_SUFFIXES)}
    paths = sorted(paths, key=lambda p: (note_id(p, root), rank.get(p.suffix, len(rank)), p.name))
    stems = {note_id(p, root) for p in paths}
    ids: dict[Path, str] = {}
    taken: set[str] = set()
    for path in paths:
        stem = note_id(path, root)
        named = stem[: len(stem) - len(path.stem)] + path.name  # the folder, then the whole file name
        identifier, n = stem, 1
        while identifier in taken or (identifier != stem and identifier in stems):
            n += 1
            identifier = named if n == 2 else f"{named}-{n - 1}"
        taken.add(identifier)
        ids[path] = identifier
    return ids


def default_slug(identifier: str) -> str:
    """An ASCII slug from a note id; a hash when the id has no ASCII letters or digits.

    A note in a folder (``读书/笔记``) is its folders' slugs, then its name's, or a hash of the whole
    id when the name has no ASCII: never the folder's slug alone, which its other notes would share.
    """
    *folders, name = identifier.split("/")
    slug = _ascii_slug(name)
    if folders:
        parts = [_ascii_slug(f) or _digest(f)[:8] for f in folders]
        return "-".join([*parts, slug or _digest(identifier)[:10]])
    return slug or "note-" + _digest(identifier)[:10]


def _ascii_slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


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


def split_front_matter(
    text: str, display: str, problems: list[NoteError] | None = None, limits: Limits | None = None
) -> tuple[dict[str, Any], str, int, dict[str, int]]:
    """Split and parse front matter.

    Args:
        text: The note, decoded.
        display: How messages name the note.
        problems: Receives what is wrong but not fatal: front matter that is never closed
            (the note is then all text), keys given twice (the last value is used).
        limits: The bounds on aliases and nesting (``yaml_aliases``, ``front_matter_depth``).

    Returns:
        The raw front matter, the body, the file line the body starts on, and the line of each key.

    Raises:
        NoteError: invalid YAML/TOML (with the line), YAML beyond ``yamldoc``'s bounds (alias
            bombs, deep nesting), or front matter that is not a mapping.
    """
    problems = problems if problems is not None else []
    limits = limits or Limits()
    handler = next((h for h in _HANDLERS if h.detect(text)), None)
    if handler is None:
        return {}, text, 1, {}
    try:
        fm, content = handler.split(text)
    except ValueError:
        if _KEY_LINE_RE.match(text.split("\n", 2)[1] if text.count("\n") >= 1 else ""):
            delimiter = handler.START_DELIMITER
            problems.append(
                NoteError(
                    display,
                    1,
                    f"front matter opened with {delimiter!r} on line 1 is never closed: add a line "
                    f"{delimiter!r} after its last 'key: value' line (until then it is shown as text)",
                )
            )
        return {}, text, 1, {}
    fm_first_line = 1  # the text after the opening delimiter starts on the delimiter's line
    key_lines: dict[str, int] = {}
    if isinstance(handler, YAMLHandler):
        raw = _load_yaml(fm, display, fm_first_line, key_lines, problems, limits)
    else:
        raw = _load_toml(fm, display, fm_first_line, limits.front_matter_depth)
        for offset, line in enumerate(fm.split("\n")):
            if m := _KEY_LINE_RE.match(line):
                key_lines.setdefault(m.group(1), fm_first_line + offset)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise NoteError(display, 2, "front matter must be 'key: value' lines")
    body_line = text[: len(text) - len(content)].count("\n") + 1
    return {str(k): v for k, v in raw.items()}, content, body_line, key_lines


def _load_yaml(
    fm: str,
    display: str,
    first_line: int,
    key_lines: dict[str, int],
    problems: list[NoteError],
    limits: Limits,
) -> Any:
    """YAML front matter within ``yamldoc``'s bounds; records key lines and duplicate keys."""
    try:
        node, raw = yamldoc.parse_yaml(
            fm, alias_budget=limits.yaml_aliases, max_depth=limits.front_matter_depth
        )
    except yamldoc.YAMLLimitError as exc:
        mark = exc.problem_mark
        raise NoteError(
            display,
            first_line + (mark.line if mark else 0),
            f"front matter refused: {exc.problem} (extra.zhudu.limits)",
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = exc.problem or "invalid YAML"
        if exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            problem += f" (in the value that starts on line {first_line + exc.context_mark.line})"
        raise NoteError(
            display,
            line,
            f"invalid YAML front matter: {problem}; check quoting and indentation "
            "(a value containing ': ' or starting with '[', '{', '@' or '`' needs quotes)",
        ) from None
    except yaml.YAMLError as exc:  # no mark: still this note's problem, never a traceback
        raise NoteError(display, first_line, f"invalid YAML front matter: {exc}") from None
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key_lines.setdefault(str(key_node.value), first_line + key_node.start_mark.line)
    for name, line, first in _duplicate_keys(node):
        problems.append(
            NoteError(
                display,
                first_line + line,
                f"{name}: the key is given twice (first on line {first_line + first}); "
                "the last value is used: remove one of them",
            )
        )
    return raw


def _duplicate_keys(root: yaml.Node | None) -> list[tuple[str, int, int]]:
    """(dotted key, line, line of its first occurrence) for every key repeated in one mapping.

    PyYAML keeps the last of two equal keys silently; the author meant one of them.
    """
    found: list[tuple[str, int, int]] = []
    stack: list[tuple[yaml.Node, str]] = [(root, "")] if root is not None else []
    seen_nodes: set[int] = set()  # an alias repeats a node: report it once
    while stack:
        node, prefix = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                    name = f"{prefix}{key_node.value}"
                    if name in first:
                        found.append((name, key_node.start_mark.line, first[name]))
                    else:
                        first[name] = key_node.start_mark.line
                    stack.append((value_node, f"{name}."))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, prefix) for item in node.value)
    return sorted(found, key=lambda f: f[1])


def _load_toml(fm: str, display: str, first_line: int, max_depth: int) -> Any:
    """TOML front matter; it has no aliases, but nesting is bounded like YAML's."""
    try:
        raw = tomllib.loads(fm)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = first_line + int(match.group(1)) - 1 if match else first_line
        raise NoteError(display, line, f"invalid TOML front matter: {exc}") from None
    except RecursionError:  # tomllib recurses per nested array or inline table
        raise NoteError(
            display,
            first_line,
            f"front matter refused: values nested more than {max_depth} levels deep "
            "(extra.zhudu.limits.front_matter_depth)",
        ) from None
    if _depth(raw) > max_depth:
        raise NoteError(
            display,
            first_line,
            f"front matter refused: values nested more than {max_depth} levels deep "
            "(extra.zhudu.limits.front_matter_depth)",
        )
    return raw


def _depth(value: Any) -> int:
    """How deeply lists and tables nest in parsed data (without recursion)."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
        else:
            continue
        deepest = max(deepest, level + 1)
    return deepest


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
    try:
        data = path.read_bytes()
        text = decode(data, display)
        if not text.strip():
            raise NoteError(display, 1, "the note is empty: write some text or delete the file")
        raw, content, body_line, key_lines = split_front_matter(text, display, problems, settings.limits)
        if not content.strip():
            raise NoteError(display, body_line, "the note has front matter but no text: write the text")
        limits_mod.check(content, display, body_line, settings.limits)  # before Markdown sees it
        content, control_line, controls = limits_mod.replace_controls(content)
        if control_line is not None:
            problems.append(
                NoteError(
                    display,
                    body_line + control_line,
                    f"{controls} control character(s) (such as NUL) in the text, shown as �: delete them",
                )
            )
    except NoteError as exc:
        return broken_note(path, display, identifier, exc, settings)

    values, origin, extra = resolve_aliases(raw)
    delimiter = "+++" if text.startswith("+++") else "---"
    dialect = detect_dialect(raw, delimiter)
    schema = note_schema(settings.timezone)

    # Handles written as tags (the X clipper puts "@author" into the tag string) are authors.
    try:
        _, tag_handles = split_tags(values.get("tags"))
    except ValidationError:  # reported with the other fields below
        tag_handles = ()

    # The title only decides whether a first heading repeats it: one that fails validation
    # decides nothing (the heading stays, so none of the text is dropped).
    title_failed = validate_fields(schema, {"title": values.get("title")})[1]
    body = body_mod.transform(
        content,
        title=None if title_failed else _as_text(values.get("title")),
        note_dir=path.parent,
        first_line=body_line,
        image_url=lambda p: image_url(identifier, p),
        note_name=path.stem,
        root=root,
    )
    problems.extend(NoteError(display, line, message) for line, message in body.findings)

    # The thread's first post carries the publication date; the clipper's "created" is when
    # it was clipped (kept in extra as written).
    if body.posts and origin.get("date") == "created" and body.posts[0].date:
        extra = {"created": raw["created"], **extra}
        values["date"] = body.posts[0].date
        origin["date"] = "(thread)"

    values = {**values, **(override or {})}
    # Every field is checked on its own: every bad one is reported and none of its value is used.
    clean, failed = validate_fields(schema, values)
    for key, message in failed:
        if override and key in override:
            where, line = override_file, (override_lines or {}).get(key)
        else:
            where, line = display, key_lines.get(origin.get(key, key))
        problems.append(NoteError(where, line, f"{key}: {message}"))

    title = clean.get("title") or _first_heading(content) or identifier
    placeholder = looks_like_placeholder(title) and not (override and "title" in override)

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
        folder=note_folder(path, root),
        section=default_slug(note_folder(path, root)) if note_folder(path, root) else "",
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
        source_digest=hashlib.sha256(data).hexdigest(),
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


def looks_like_placeholder(title: str) -> bool:
    """Whether ``title`` is what a tool wrote for a note without one, not the author's title.

    A date, a number, an id or hash (``002_b47107d45cc7a228``), a word glued to digits
    (``1121tech``), ``Untitled``, or a file stem (``docs-writing``).  A title in words is the author's, whatever its language: ``Writing``,
    ``Front-matter`` and ``写作`` are not placeholders, nor is a Chinese file name Obsidian uses as
    the title.
    """
    return bool(_PLACEHOLDER_TITLE_RE.match(title.strip()))


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
    root: Path | None = None,
    fetch_remote: Callable[[list[str]], Mapping[str, remote_images.Fetched]] | None = None,
    site_pages: Collection[str] = (),
) -> Corpus:
    """Read every note, make ids and slugs unique and sort newest first.

    ``map_paths`` reads the notes (``read_note`` of each path, in order): by default here, or in
    worker processes.  ``fetch_remote`` downloads remote images (``remote_images.fetch_all``);
    None: they stay links.  ``site_pages``: the site's own pages (``about.md``), which a note's
    Markdown link may name.
    """
    paths = sorted(paths)
    ids = note_ids(paths, root)

    def read(path: Path) -> Note:
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

    notes = (map_paths or _map_here)(read, paths)
    problems: list[ZhuduError] = []
    stem_owner = {identifier: path for path, identifier in ids.items()}
    for path, note in zip(paths, notes, strict=True):
        stem = note_id(path, root)
        if ids[path] != stem:  # shares its file stem with another note (``note_ids``)
            problems.append(_renamed(note, stem, display(stem_owner[stem]), override_file))
        for image in note.body.images if note.body else ():
            if image.refused:
                note.problems.append(_refused_image(note, image, display(root or path.parent)))
    seen: dict[str, Note] = {}
    for note in notes:
        first = seen.get(note.meta.slug)
        if first is not None:
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
    _unique_sections(notes)
    index = resolve.link_notes(notes, site_pages)
    notes.sort(key=_newest_first)
    return Corpus(notes=notes, problems=problems, link_index=index)


def _unique_sections(notes: list[Note]) -> None:
    """One section slug per folder (``Zh CN`` and ``zh-cn`` would share one)."""
    owner: dict[str, str] = {}
    for folder in sorted({n.meta.folder for n in notes if n.meta.folder}):
        slug = base = default_slug(folder)
        n = 1
        while slug in owner:
            n += 1
            slug = f"{base}-{n}"
        owner[slug] = folder
    section = {folder: slug for slug, folder in owner.items()}
    for note in notes:
        if note.meta.folder and note.meta.section != section[note.meta.folder]:
            note.meta = replace(note.meta, section=section[note.meta.folder])


def _renamed(note: Note, stem: str, first: str, override_file: str) -> NoteError:
    """The warning for a note whose file stem another note has (``note_ids`` gave it its own id)."""
    return NoteError(
        note.display_path,
        None,
        f"note id {stem!r} is already taken by {first} (a note's id is its file name without "
        f"the extension): this note is kept as id {note.id!r}, published as {note.meta.slug!r}; rename "
        f"one of the two files so each has its own name ({override_file} keys notes by id)",
    )


def _refused_image(note: Note, image: body_mod.ImageRef, folder: str) -> NoteError:
    """Why an image of a note is not published (``body.IMAGE_REFUSALS``), and what to do."""
    if image.refused == "outside":
        problem = (
            f"is outside {folder}/ (the path, or a symbolic link on it, leads out of the notes folder): "
            f"not published; move the image into {folder}/ (e.g. {folder}/assets/) and link it from there"
        )
    elif image.refused == "not-an-image":
        kinds = ", ".join(sorted(body_mod.IMAGE_SUFFIXES))
        problem = (
            f"is not an image file: not published; only {kinds} files are published as a note's "
            "images: convert it (an SVG to PNG or WebP) or link to it as text"
        )
    else:
        problem = (
            "cannot be followed (a symbolic link loop, a name too long or a NUL byte): "
            "not published; fix the path"
        )
    return NoteError(note.display_path, image.line, f"image {image.target} {problem}")


def _map_here(read: Callable[[Path], Note], paths: list[Path]) -> list[Note]:
    return [read(path) for path in paths]


def _newest_first(note: Note) -> tuple[int, float, str]:
    moment: datetime | None = note.meta.date
    return (0 if moment else 1, -(moment.timestamp() if moment else 0.0), note.id)
