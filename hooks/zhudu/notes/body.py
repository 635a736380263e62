"""Body transforms: what an author's tool left around the text, made explicit.

Each transform turns the Markdown an author's tool produced into Markdown the
site can present honestly: a thread clipped from X becomes posts and replies
with their own authors; a generator's preamble and its tail of alternative
titles, comments and hashtags are set apart and labelled (never deleted);
images that do not exist become visible placeholders (``note_images``).  The labels are written
in Simplified Chinese and converted per variant like everything else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from zhudu import fragments
from zhudu.notes import dataview, dialects, logseq_blocks, note_images
from zhudu.notes.note_images import IMAGE_REFUSALS, IMAGE_SUFFIXES, REFUSED_LABEL, ImageRef
from zhudu.notes.page_ids import ATX_TEXT
from zhudu.script.domain import own_domain, text_domain

# The image stage is ``note_images``'s; its names stay importable from here, where callers found them.
__all__ = [
    "IMAGE_REFUSALS",
    "IMAGE_SUFFIXES",
    "REFUSED_LABEL",
    "Body",
    "ImageRef",
    "Post",
    "lines_outside_code",
    "transform",
]

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

PREAMBLE_LABEL = "生成工具的前言（不是作者的正文）"
TAIL_LABEL = "生成工具附带的备选标题、评论与标签（不是作者的正文）"
REPLIES_HEADING = "回复"


# --------------------------------------------------------------------------- Values


@dataclass(frozen=True)
class Post:
    """One post of a clipped thread."""

    name: str
    handle: str
    date: str | None
    url: str | None


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
    #: The domain its own page converts in where the site's pages convert in both (``script.domain.own_domain``); None:
    #: too little to tell, the site's.
    own_domain: str | None = None
    #: The folder, from the note's, that a ``/…`` image path starts from (Typora's ``typora-root-url``), or "".
    image_root: str = ""
    #: A Logseq page's blocks with an ``id::`` (id → the block's words), which another page may quote.
    blocks: dict[str, str] = field(default_factory=dict)
    #: ``(line, id)``: this page's references to a block of another page (``block_refs.link_blocks``).
    block_refs: list[tuple[int, str]] = field(default_factory=list)


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
    bibliography: bool = False,
    image_root: str = "",
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
        bibliography: The front matter names a bibliography or a citation style
            (``front_matter.names_bibliography``): every bracketed ``@key`` cites, whatever the dialect.
        image_root: The folder, from ``note_dir``, a ``/…`` image path starts from (Typora's
            ``typora-root-url``, checked by ``site_root.typora_root``); "": the old site's root.
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
        bibliography=bibliography,
    )
    markdown, origin = rewritten.text, rewritten.origin
    graph = logseq_blocks.graph_folder(note_dir)
    if graph is not None:  # whether it is a graph's (logseq/) decides how it reads
        rewritten.watched.append(str(graph))
    rewritten.watched += dataview.watched(dialect, markdown, note_dir, root or note_dir)  # a vault made later
    blocks: dict[str, str] = {}
    block_refs: list[tuple[int, str]] = []
    if logseq_blocks.applies(dialect, note_dir, markdown):  # before images: it drops lines, and their numbers
        lines = markdown.split("\n")
        outside = lines_outside_code(lines, logseq_blocks.FENCE_RE)  # a block's code, at any depth
        lines, origin, blocks, block_refs = logseq_blocks.rewrite(lines, origin, outside)
        markdown = "\n".join(lines)
    elif dataview.applies(
        dialect, rewritten.obsidian, markdown, note_dir, root or note_dir
    ):  # Obsidian's Dataview fields and queries
        lines, origin, found = dataview.rewrite(markdown.split("\n"), origin)
        markdown = "\n".join(lines)
        rewritten.findings += found
    body = Body(
        markdown=markdown,
        refs=rewritten.refs,
        findings=rewritten.findings,
        domain=text_domain(text),
        own_domain=own_domain(text),
        inline_tags=rewritten.tags,
        watched=rewritten.watched,
        image_root=image_root,
        blocks=blocks,
        block_refs=block_refs,
    )
    # Images next: their line numbers must point into the author's file, before any
    # transform moves lines.
    lines = body.markdown.split("\n")
    note_images.resolve(body, lines_outside_code(lines), note_dir, root or note_dir, origin, image_url)
    _drop_title_heading(body, title)
    _set_apart_preamble(body)
    _set_apart_tail(body)
    _structure_thread(body)
    _normalise_heading_levels(body)
    return body


def lines_outside_code(lines: list[str], fence_re: re.Pattern[str] = _FENCE_RE) -> list[bool]:
    """For each line, whether it is outside a fenced code block (``fence_re``: what opens one)."""
    outside: list[bool] = []
    fence: str | None = None
    for line in lines:
        m = fence_re.match(line)
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
