"""Body transforms: what an author's tool left around the text, made explicit.

Each transform turns the Markdown an author's tool produced into Markdown the
site can present honestly: a thread clipped from X becomes posts and replies
with their own authors; a generator's preamble and its tail of alternative
titles, comments and hashtags are set apart and labelled (never deleted);
images that do not exist become visible placeholders.  The labels are written
in Simplified Chinese and converted per variant like everything else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

from zhudu import fragments
from zhudu.notes import dialects, image_sizes, site_root
from zhudu.notes.page_ids import ATX_TEXT
from zhudu.notes.safety import is_remote, remote_image_html, safe_url
from zhudu.script.domain import text_domain

# --------------------------------------------------------------------------- Data

#: A post header as the X clipper writes it: ``**Name** @handle [date](url)`` or ``… date``.
_POST_HEADER_RE = re.compile(
    r"""^\*\*(?P<name>[^*\n]+?)\*\*[ \t]+@(?P<handle>[A-Za-z0-9_]{1,50})
        (?:[ \t]+(?:\[(?P<linked_date>\d{4}-\d{2}-\d{2})\]\((?P<url>[^)\s]+)\)
                  |(?P<date>\d{4}-\d{2}-\d{2})))?[ \t]*$""",
    re.VERBOSE,
)
_THEMATIC_BREAK_RE = re.compile(r"^[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE_RE = re.compile(r"^[ ]{0,3}(?P<fence>`{3,}|~{3,})")
_HEADING_RE = re.compile(r"^(?P<hashes>#{1,6})" + ATX_TEXT)

#: A generator's first words when it introduces its own output (an LLM wrapper).
_PREAMBLE_RE = re.compile(
    r"""(?i)\b(?:here\s+is|here's|as\s+requested|i\s+will\s+(?:process|generate|write)
        |sure[,!]|certainly[,!]|okay[,!])""",
    re.VERBOSE,
)
#: Headings of a generator's tail: alternative titles, suggested comments, hashtags.
_TAIL_HEADING_RE = re.compile(
    r"(?i)备选标题|候选标题|吸引人的评论|推荐评论|评论|文章标签|标签|alternative titles|comments|tags"
)
_BACKTICK_HASHTAG_RE = re.compile(r"`#(?P<tag>[^`\s]+)`")
_IMAGE_RE = re.compile(
    # A target may hold balanced parentheses, as Markdown reads it: ``a(1).png``, ``javascript:f(1)``.
    r"""!\[(?P<alt>[^\]\n]*)\]\(\s*(?P<target><[^>\n]+>|(?:[^()\s]|\([^()\s]*\))+)(?:\s+"(?P<title>[^"\n]*)")?\s*\)"""
    r"""(?P<attrs>\{[^{}\n]*\})?"""  # attr_list's ``{ width="50%" }`` right after it
)

#: A raw HTML ``<img>`` tag (attribute values may hold ``>``), and an inline code span it may be in.
_HTML_IMG_RE = re.compile(r"""<img\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)
#: A raw ``<img>``'s attributes of its image alone: a missing one with more (``onerror``) is left to the sanitiser.
_IMG_OWN_ATTRIBUTES = frozenset({"src", "alt", "title", "width", "height", "loading", "decoding"})
_CODE_SPAN_RE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)")
_HTTP_RE = re.compile(r"(?i)^\s*https?://")

PREAMBLE_LABEL = "生成工具的前言（不是作者的正文）"
TAIL_LABEL = "生成工具附带的备选标题、评论与标签（不是作者的正文）"
REPLIES_HEADING = "回复"

#: The files published as a note's images.  A note is untrusted input (clippers, other people's
#: tools): its image links decide which files the build copies into the public site, so only
#: raster images a browser shows in ``<img>`` are taken.  Not SVG: it is a document that can carry
#: scripts, which run in the site's origin when the file is opened directly.  Not anything else
#: either (``.md``, ``.py``, ``passwd``, keys…), even inside ``seeds/``.
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"})
#: ``ImageRef.refused`` values: the image leads out of the notes folder (``..``, an absolute path
#: or a symbolic link); the file is not an image (``IMAGE_SUFFIXES``); the path cannot be followed.
IMAGE_REFUSALS = ("outside", "not-an-image", "unusable")
REFUSED_LABEL = "图片未发布"


# --------------------------------------------------------------------------- Values


@dataclass(frozen=True)
class Post:
    """One post of a clipped thread."""

    name: str
    handle: str
    date: str | None
    url: str | None


@dataclass(frozen=True)
class ImageRef:
    """An image the note links to, with the source line it is on."""

    line: int
    alt: str
    target: str
    path: Path | None  # resolved local file; None for remote and refused images
    exists: bool
    #: Why a local image is not published (``IMAGE_REFUSALS``), or None.
    refused: str | None = None
    #: Written as a raw HTML ``<img>`` (it may be inside an HTML block, where Markdown is not read).
    html: bool = False
    #: The width and height in pixels the author gave a raw ``<img>`` (``width=600``), or None.
    width: int | None = None
    height: int | None = None
    #: The width the author gave a raw ``<img>`` as a share of the column (``width=50%``), or None.
    column_share: str | None = None


@dataclass
class Body:
    """A transformed note body and what the transforms found in it."""

    markdown: str
    posts: list[Post] = field(default_factory=list)
    hashtags: list[str] = field(default_factory=list)
    #: An Obsidian note's ``#tags`` written in its text (``notes.inline_tags``).
    inline_tags: list[str] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    #: Paths whose appearing would change this reading (a missing site-absolute image's places, a
    #: vault's ``.obsidian/``): ``reads`` reads the note again when one does, as for its images.
    watched: list[str] = field(default_factory=list)
    wrappers: list[str] = field(default_factory=list)
    dropped_title_heading: bool = False
    heading_shift: int = 0
    #: Links to other notes, resolved once the collection is read (``dialects.resolve``).
    refs: list[dialects.NoteRef] = field(default_factory=list)
    #: ``(line, message)``: dialect syntax that cannot be shown as its tool shows it.
    findings: list[tuple[int, str]] = field(default_factory=list)
    #: The author's text's domain (``script.domain``): read with the note, so a serve reuses it with the read.
    domain: str = ""


# --------------------------------------------------------------------------- Transforms


def transform(
    text: str,
    *,
    title: str | None,
    note_dir: Path,
    first_line: int,
    image_url: Callable[[Path], str],
    note_name: str = "",
    root: Path | None = None,
    dialect: str = "none",
) -> Body:
    """Apply every body transform in order.

    Args:
        text: The note's Markdown after its front matter, LF line endings.
        title: The note's title, to drop a first ``# heading`` that only repeats it.
        note_dir: Folder image paths are relative to.
        first_line: Line number in the source file of ``text``'s first line.
        image_url: Maps an existing image's path to the link target the page should use.
        note_name: The note's file name without extension (Hexo keeps a post's images in a
            folder of that name).
        root: The notes folder (``seeds/``): images are published from anywhere inside it (an
            Obsidian vault's ``attachments/``).  None: ``note_dir``.
        dialect: The tool the front matter is written for (how a ``{% raw %}`` part is shown).
    """
    # Other tools' syntax first (Obsidian, Hexo, Hugo, Jekyll): it can make images, and the
    # other transforms read Markdown.  It keeps, for each line, the author's line it came from.
    rewritten = dialects.rewrite(
        text,
        first_line=first_line,
        note_dir=note_dir,
        note_name=note_name,
        root=root or note_dir,
        dialect=dialect,
    )
    body = Body(
        markdown=rewritten.text,
        refs=rewritten.refs,
        findings=rewritten.findings,
        domain=text_domain(text),
        inline_tags=rewritten.tags,
        watched=rewritten.watched,
    )
    # Images next: their line numbers must point into the author's file, before any
    # transform moves lines.
    _resolve_images(body, note_dir, root or note_dir, rewritten.origin, image_url)
    _drop_title_heading(body, title)
    _set_apart_preamble(body)
    _set_apart_tail(body)
    _structure_thread(body)
    _normalise_heading_levels(body)
    return body


def lines_outside_code(lines: list[str]) -> list[bool]:
    """For each line, whether it is outside a fenced code block."""
    outside: list[bool] = []
    fence: str | None = None
    for line in lines:
        m = _FENCE_RE.match(line)
        if fence is None and m:
            fence = m["fence"][0] * 3
            outside.append(False)
        elif fence is not None:
            outside.append(False)
            if line.strip().startswith(fence):
                fence = None
        else:
            outside.append(True)
    return outside


def _drop_title_heading(body: Body, title: str | None) -> None:
    # Hexo and Hugo posts often repeat the title as a first "# heading"; the page header
    # already shows the title, so a second <h1> would only confuse the outline.
    lines = body.markdown.split("\n")
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = _HEADING_RE.match(line)
        if m and len(m["hashes"]) == 1 and title and _same_text(m["text"], title):
            lines[i] = ""
            body.markdown = "\n".join(lines)
            body.dropped_title_heading = True
        return


def _normalise_heading_levels(body: Body) -> None:
    # The page header is the only <h1>; a note whose sections start at ### (a generator's
    # habit) would skip a level under it, which screen readers announce as a broken outline.
    # Shift every heading up by the same amount so the top level is ##; the words stay.
    lines = body.markdown.split("\n")
    outside = lines_outside_code(lines)
    levels = [
        len(m["hashes"]) for i, line in enumerate(lines) if outside[i] and (m := _HEADING_RE.match(line))
    ]
    if not levels or min(levels) <= 2:
        return
    shift = min(levels) - 2
    for i, line in enumerate(lines):
        if outside[i] and (m := _HEADING_RE.match(line)):
            lines[i] = line[shift:]
    body.markdown = "\n".join(lines)
    body.heading_shift = shift


def _same_text(a: str, b: str) -> bool:
    return "".join(a.split()) == "".join(b.split())


def _set_apart_preamble(body: Body) -> None:
    lines = body.markdown.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or not _PREAMBLE_RE.search(lines[start]) or _has_han(lines[start]):
        return
    end = next(
        (i for i in range(start + 1, min(len(lines), start + 12)) if _THEMATIC_BREAK_RE.match(lines[i])),
        None,
    )
    if end is None:
        return
    inner = "\n".join(lines[start:end]).strip()
    # Its words are the generator's English (no Han, an English opening): lang="en" for them, not the label.
    lines[start : end + 1] = _wrapper_block("preamble", PREAMBLE_LABEL, inner, collapsed=False, lang="en")
    body.markdown = "\n".join(lines)
    body.wrappers.append("preamble")


def _set_apart_tail(body: Body) -> None:
    lines = body.markdown.split("\n")
    outside = lines_outside_code(lines)
    breaks = [i for i, line in enumerate(lines) if outside[i] and _THEMATIC_BREAK_RE.match(line)]
    if not breaks:
        return
    last = breaks[-1]
    tail = lines[last + 1 :]
    headings = [m["text"] for line in tail if (m := _HEADING_RE.match(line))]
    if not headings or not all(_TAIL_HEADING_RE.search(h) for h in headings):
        return
    tail_text = "\n".join(tail).strip()
    body.hashtags.extend(dict.fromkeys(m["tag"] for m in _BACKTICK_HASHTAG_RE.finditer(tail_text)))
    # Hack: headings inside the wrapper would enter the table of contents as if they were
    # the author's sections; demote them to bold paragraphs, keeping their words.
    tail_text = "\n".join(
        f"**{m['text']}**" if (m := _HEADING_RE.match(line)) else line for line in tail_text.split("\n")
    )
    lines[last:] = _wrapper_block("tail", TAIL_LABEL, tail_text, collapsed=True)
    body.markdown = "\n".join(lines)
    body.wrappers.append("tail")


def _wrapper_block(kind: str, label: str, inner: str, *, collapsed: bool, lang: str = "") -> list[str]:
    head = fragments.render(
        "zd-body.html", "wrapper_head", kind=kind, label=label, collapsed=collapsed, lang=lang
    )
    tail = fragments.render("zd-body.html", "wrapper_tail", collapsed=collapsed, lang=lang)
    return ["", *head.split("\n"), "", inner, "", *tail.split("\n"), ""]


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _structure_thread(body: Body) -> None:
    lines = body.markdown.split("\n")
    outside = lines_outside_code(lines)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not _POST_HEADER_RE.match(lines[first]):
        return
    # A post starts at a header line that opens the body or follows a "---" separator.
    starts = [first]
    for i in range(first + 1, len(lines)):
        if outside[i] and _POST_HEADER_RE.match(lines[i]):
            prev = next((j for j in range(i - 1, first, -1) if lines[j].strip()), None)
            if prev is not None and _THEMATIC_BREAK_RE.match(lines[prev]):
                starts.append(i)
    out: list[str] = lines[:first]
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        m = _POST_HEADER_RE.match(lines[start])
        assert m is not None
        post = Post(
            name=m["name"].strip(),
            handle=m["handle"],
            date=m["linked_date"] or m["date"],
            url=m["url"],
        )
        body.posts.append(post)
        content = lines[start + 1 : end]
        while content and (not content[-1].strip() or _THEMATIC_BREAK_RE.match(content[-1])):
            content.pop()
        if n == 1:
            out += ["", f"## {REPLIES_HEADING}", ""]
        out += _post_block(post, content, reply=n > 0)
    body.markdown = "\n".join(out)


def _post_block(post: Post, content: list[str], *, reply: bool) -> list[str]:
    kind = "zd-post zd-post--reply" if reply else "zd-post zd-post--main"
    header = fragments.render(
        "zd-body.html", "post_header", post=post, profile=f"https://x.com/{post.handle}"
    )
    return ["", f'<article class="{kind}" markdown="1">', header, "", *content, "", "</article>", ""]


def _resolve_images(
    body: Body, note_dir: Path, root: Path, origin: list[int], image_url: Callable[[Path], str]
) -> None:
    lines = body.markdown.split("\n")
    outside = lines_outside_code(lines)
    for i, line in enumerate(lines):
        if not outside[i] or "![" not in line:
            continue
        # Image syntax in inline code is shown as written (the Hexo documentation: `![](a.jpg)`).
        code = [m.span() for m in _CODE_SPAN_RE.finditer(line)]
        lines[i] = _IMAGE_RE.sub(
            lambda m, n=origin[i], code=code: (
                m.group(0)
                if any(start <= m.start() < end for start, end in code)
                else _image_markup(m, n, body, note_dir, root, image_url)
            ),
            line,
        )
    for i, line in enumerate(lines):
        if outside[i] and "<img" in line.lower():
            lines[i] = _html_images(line, origin[i], body, note_dir, root, image_url)
    body.markdown = "\n".join(lines)


class _ImgAttributes(HTMLParser):
    """An ``<img>`` tag's attributes, entities decoded, as the browser reads them."""

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_startendtag(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img" and not self.attrs:
            self.attrs = {k: v or "" for k, v in reversed(attrs)}  # the first of a repeated one, as browsers


def _html_images(
    line: str, origin: int, body: Body, note_dir: Path, root: Path, image_url: Callable[[Path], str]
) -> str:
    """A raw ``<img>`` published as a Markdown image is: downloaded, or its file in the notes folder copied.

    A remote one (``https://…``) is drawn as a remote Markdown image is, so it is downloaded the same way; one
    of a file in the notes folder pointed nowhere (session 34): now the file is published, and the tag
    drawn with its published URL and size.  A missing or refused file is counted as a Markdown image's
    is and shown as its placeholder (a tag with other attributes is left as written, for the sanitiser).

    Any other remote or unsafe ``src`` is left to the note's HTML sanitiser (``safety``), which shows it as
    a link or drops it.  Its ``width`` and ``height`` are kept (for a downloaded image by
    ``remote_images.localise``); its other attributes go with the tag.
    """
    code = [m.span() for m in _CODE_SPAN_RE.finditer(line)]

    def replace(m: re.Match[str]) -> str:
        if any(start <= m.start() < end for start, end in code):
            return m.group(0)  # shown as code
        attrs = _ImgAttributes(m.group(0)).attrs
        src, alt = attrs.get("src", "").strip(), attrs.get("alt", "")
        width, height = (image_sizes.pixels(attrs.get(name)) for name in ("width", "height"))
        share = image_sizes.share(attrs.get("width"))  # width="50%": a share of the column, not pixels
        if src and not is_remote(src) and not src.startswith(("#", "?")):  # a file beside the note
            found = _local_image(alt, src, origin, body, note_dir, root)
            if isinstance(found, str):  # missing or refused: counted, and shown as a Markdown image's is
                return found if set(attrs) <= _IMG_OWN_ATTRIBUTES else m.group(0)
            size = image_sizes.pixel_size(found)
            size = image_sizes.as_written(size, width, height) if size and not share else size
            return fragments.render(  # the page is one folder below the note's source (directory URLs)
                "zd-dialect.html",
                "image",
                alt=alt,
                src="../" + image_url(found).strip("<>"),
                href="",
                attributes=image_sizes.html_attributes(size, share),
            )
        if not (src and _HTTP_RE.match(src) and is_remote(src) and safe_url(src)):
            return m.group(0)
        body.images.append(
            ImageRef(
                line=origin,
                alt=alt,
                target=src,
                path=None,
                exists=False,
                html=True,
                width=width,
                height=height,
                column_share=share,
            )
        )
        return remote_image_html(alt, src)

    return _HTML_IMG_RE.sub(replace, line)


def _image_markup(
    m: re.Match[str], line: int, body: Body, note_dir: Path, root: Path, image_url: Callable[[Path], str]
) -> str:
    alt, target, attrs = m["alt"], m["target"].strip("<>"), m["attrs"] or ""
    if re.match(r"(?i)^[a-z][a-z0-9+.-]*:", target):
        if not safe_url(target):  # javascript:, data: …: the note's Markdown pass drops it, with a warning
            return m.group(0)
        ref = ImageRef(line=line, alt=alt, target=target, path=None, exists=False)
        body.images.append(ref)
        # Remote images would make the reader's browser contact another host: link instead.
        return remote_image_html(alt, target) + attrs  # its attributes read when it is downloaded
    path = _local_image(alt, target, line, body, note_dir, root)
    if isinstance(path, str):
        return path + attrs
    title = f' "{m["title"]}"' if m["title"] else ""  # a tooltip, as the author wrote it
    image = f"![{alt}]({image_url(path)}{title})"
    if attrs:  # the author's (or the dialect's) attributes stand; a share of the column keeps its shape
        return image + image_sizes.with_ratio(attrs, path)
    return image + image_sizes.attr_list(image_sizes.pixel_size(path))


def _local_image(alt: str, target: str, line: int, body: Body, note_dir: Path, root: Path) -> Path | str:
    """The file a note's image ``target`` names, noted for publishing; or the placeholder shown instead."""
    # Resolved (``..``, an absolute path, symbolic links followed) before it is judged: what
    # counts is the file that would be copied, which must lie inside the notes folder (seeds/).
    refused = None
    written = unquote(target)
    if written.startswith("/") and not written.startswith("//"):  # from the old site's root
        found = site_root.site_file(written, note_dir, root)
        if found is None and not site_root.names_a_file(written):  # a file of this machine: refused below
            body.findings.append((line, site_root.not_found_message(target, root.name)))
            body.watched += [str(p) for p in site_root.candidates(written, note_dir, root)]
            body.images.append(ImageRef(line=line, alt=alt, target=target, path=None, exists=False))
            return _placeholder(alt, target, "图片缺失", "zd-missing-image")
        if found is not None:  # the file's path, as every later reading of the note takes it
            written, target = found, quote(found)
    try:
        path = (note_dir / written).resolve()
        exists = path.is_file()
        if not path.is_relative_to(root.resolve()):
            refused = "outside"
        elif exists and path.suffix.lower() not in IMAGE_SUFFIXES:
            refused = "not-an-image"
    except (OSError, ValueError, RuntimeError):  # a symbolic link loop, a name too long, a NUL byte
        refused = "unusable"
    if refused:
        body.images.append(
            ImageRef(line=line, alt=alt, target=target, path=None, exists=False, refused=refused)
        )
        return _placeholder(alt, target, REFUSED_LABEL, "zd-missing-image zd-missing-image--refused")
    body.images.append(ImageRef(line=line, alt=alt, target=target, path=path, exists=exists))
    return path if exists else _placeholder(alt, target, "图片缺失", "zd-missing-image")


def _placeholder(alt: str, target: str, label: str, kind: str) -> str:
    """A visible stand-in for an image the page does not show, naming the path as written."""
    name = alt or PurePosixPath(target).name
    return fragments.render("zd-body.html", "missing_image", kind=kind, label=label, name=name, target=target)
