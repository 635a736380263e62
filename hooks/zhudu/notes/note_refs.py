"""Links from one note to another, waiting for the collection, and their resolution.

:func:`zhudu.notes.dialects.rewrite` leaves a marker (``#zd-ref-N``, a fragment link, harmless if
never resolved) for each link to another note; :func:`resolve` replaces it once every note's slug
is known (``notes.load_corpus``).
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote

from zhudu import fragments
from zhudu.notes.dialect_markdown import md_text

#: The marker :func:`rewrite` leaves for a link to another note, as a link or alone.
_REF_RE = re.compile(
    r"""\[(?P<text>(?:\\.|[^\\\[\]\n])*)\]\(\#zd-ref-(?P<n>\d+)\)
      | \#zd-ref-(?P<bare>\d+)\b""",
    re.VERBOSE,
)

EMBED_NOTE_LABEL = "嵌入的笔记"
#: What :func:`container` starts with for an embed in a list item or a quote (a line holds no NUL).
NESTED = "\0"
#: What may stand before an embed on its line: quote marks, then an indent and a list item's marker.
_CONTAINER_RE = re.compile(
    r"(?P<quotes>(?:[ ]{0,3}>[ ]?)*+)(?P<indent>[ \t]*)(?P<item>(?:[-*+]|\d{1,9}[.)])[ ]+)?"
)
#: What a Markdown link's target cannot hold as written.
_ENDS_LINK_RE = re.compile(r"[\x00-\x20()<>\\%\x7f]")


@dataclass(frozen=True)
class NoteRef:
    """A link to another note, waiting for the collection (:func:`resolve`)."""

    line: int  # in the author's file
    written: str  # as the author wrote it, for messages: ``[[题目#小节]]``
    target: str  # a note's file name, id or title; "" for the note itself
    anchor: str | None  # a heading's id, or ``^block``
    text: str | None  # the text the link shows; None: the target's title or the written target
    kind: str  # "link", "embed" (a labelled link) or "url" (the author's own link text)
    shown: str  # what the link shows when the target has no title to offer


@dataclass(frozen=True)
class LinkTarget:
    """What a link to a note needs from it: its page, its title, the heading or passage named."""

    slug: str
    title: str
    anchor: str | None = None
    #: The link names a heading the note does not have: the page opens at its top.
    no_heading: bool = False
    #: Then, the id of the heading most like the one named (``page_ids.closest_heading``), or "".
    closest: str = ""
    #: Not a note's page: a section's (a folder's ``_index.md``), its path from the site's root.
    page: str = ""
    #: What a link with no text of its own shows, where not ``title`` as typed: the note's title as the linking
    #: page shows it, Markdown (``resolve.link_notes``' ``title_on``); warnings quote ``title``.
    shown: str = ""


#: A link to the root of the author's old site (``[首页]({{ site.baseurl }}/)``, ``[x](/)``) leads to this
#: site's home page, wherever the site is served from (``/zhudu/``), not to the server's root.
SITE_ROOT = "/"
HOME = LinkTarget("", "", page=SITE_ROOT)


@dataclass(frozen=True)
class LinkBase:
    """Where the page a link is on stands: relative URLs from it to the note pages' folder and to the site's root."""

    notes: str = "../"  # a note's page is one folder below them (directory URLs)
    root: str = "../../"


def link_base(src_uri: str, notes_url: str) -> LinkBase:
    """Where the page of ``src_uri`` stands (directory URLs: ``a/b.md`` is ``a/b/``, ``index.md`` the root)."""
    depth = 0 if src_uri == "index.md" else src_uri.count("/") + 1
    root = "../" * depth
    return LinkBase("../" if posixpath.dirname(src_uri) == notes_url else f"{root}{notes_url}/", root)


def resolve(
    markdown: str,
    refs: Sequence[NoteRef],
    find: Callable[[NoteRef], LinkTarget | None],
    site_page: Callable[[NoteRef], bool] = lambda ref: False,
    embed: Callable[[NoteRef, LinkTarget, str, str], str | None] | None = None,
    base: LinkBase = LinkBase(),
) -> tuple[str, list[NoteRef]]:
    """Replace the link markers :func:`rewrite` left with links to the notes they name.

    Args:
        markdown: A note's Markdown after the body transforms.
        refs: The note's ``Rewrite.refs``.
        find: The note a reference names (``resolve.LinkIndex``), with the anchor on its page, or None;
            a reference with no target names a heading of the note itself (slug "").
        site_page: Whether a link no note answers names a page of the site itself (``docs/about.md``):
            kept as written, for MkDocs to resolve.
        embed: The framed copy of the note an embed alone on its line names, given the reference,
            its target, the link to it and what each further line of the copy starts with (""; in a
            list item or a quote, its indent and ``>`` marks: :func:`container`); None: a labelled link.
        base: Where the page the links are on stands (a note's page, by default).

    Returns:
        The Markdown, and the references no note answers (shown as text marked as a dead link).
    """
    dead: list[NoteRef] = []

    def replace(m: re.Match[str]) -> str:
        n = int(m["n"] or m["bare"])
        if n >= len(refs):
            return m.group(0)
        ref = refs[n]
        if (
            ref.kind == "url" and ref.target == SITE_ROOT
        ):  # the old site's root, at its anchor (``/#top``) if any
            target: LinkTarget | None = dataclasses.replace(HOME, anchor=ref.anchor)
        else:
            target = find(ref)
        if target is None and ref.kind == "url" and site_page(ref):
            return ref.shown if m["bare"] is not None else f"[{m['text']}]({ref.shown})"
        if target is None:
            dead.append(ref)
        url = _page_url(target, base) if target else ""
        if target and target.anchor:
            # This page's anchor as its id is written, so MkDocs' anchor check finds it (``#小节``).
            url += "#" + (
                quote(target.anchor, safe="^-_:") if target.slug else same_page_anchor(target.anchor)
            )
        if m["bare"] is not None:
            return url or "#"
        if ref.kind == "url":
            text = m["text"]  # the author's own link text, Markdown as written
        else:
            text = md_text(ref.text or (target.title if target and target.title else ref.shown))
            text = target.shown if target and target.shown and not ref.text else text
        if target is None:
            link = fragments.render("zd-note-refs.html", "dead_link", target=ref.target, text=text)
        else:
            link = f"[{text}]({url or '#'})"
        within = container(m) if ref.kind == "embed" and target and embed else None
        copy = embed(ref, target, link, within) if embed and target and within is not None else None
        if copy is not None:
            return copy
        if ref.kind == "embed":
            return fragments.render("zd-note-refs.html", "note_embed", label=EMBED_NOTE_LABEL, link=link)
        return link

    return _REF_RE.sub(replace, markdown), dead


def _page_url(target: LinkTarget, base: LinkBase) -> str:
    """The URL of the page ``target`` is on, from the page at ``base``; "": the page itself."""
    if target.page == SITE_ROOT:
        return base.root or "./"
    if target.page:
        return base.root + quote(target.page)
    return f"{base.notes}{quote(target.slug)}/" if target.slug else ""


def container(m: re.Match[str]) -> str | None:
    """What an embed alone on its line sits in; None: text around it (a labelled link).

    "": a block of its own; else ``NESTED`` and the prefix a further line of its copy takes in a
    list item or a quote (its ``>`` marks, and its indent when not on an item's first line).
    """
    text = m.string
    start = text.rfind("\n", 0, m.start()) + 1
    if m.end() != len(text) and text[m.end()] != "\n":
        return None
    if start == m.start():
        return ""
    lead = _CONTAINER_RE.fullmatch(text[start : m.start()])
    if lead is None:
        return None
    quotes = "> " * lead["quotes"].count(">")
    # The copy is one block (its blank lines are ``>``): after an item's marker its further lines are
    # the item's lazy lines, unindented (Python-Markdown reads an indented one as a new, nested item).
    return NESTED + (quotes if lead["item"] else quotes + lead["indent"])


def same_page_anchor(anchor: str) -> str:
    """An anchor of the page itself as a link's target: as written, but what would end the link."""
    return _ENDS_LINK_RE.sub(lambda c: quote(c.group()), anchor)


def missing_heading_message(ref: NoteRef, title: str, closest: str = "") -> str:
    """What a warning says of a link to a heading the note it names (``ref.target`` "": this one) lacks."""
    anchor = unquote(ref.anchor or "")
    fix = (
        f"write {closest!r}, the heading most like it" if closest else "write the heading as the note has it"
    )
    if not ref.target:
        return f"{ref.written}: this note has no heading or anchor {anchor!r}: the link goes nowhere; {fix}"
    return (
        f"{ref.written}: {title!r} has no heading {anchor!r}: the link opens the note at its top; {fix}, or "
        "link the note alone"
    )


#: ``:/0123…``: a link to a note by Joplin's id, as Joplin's editor writes it (its export writes a file path).
_JOPLIN_ID_RE = re.compile(r"^:/[0-9a-f]{32}$")


def dead_link_message(
    ref: NoteRef, unreadable: Sequence[str] = (), draft: tuple[str, str] | None = None
) -> str:
    """What a warning says of a link no note answers; ``unreadable``: the notes that cannot be read now.

    A note that cannot be read (front matter, encoding, limits) has lost its title and names, so a
    link by them is dead until it is fixed: the warning says which notes those are, not only "add it".
    ``draft``: the draft the link names (its display path and the line that keeps it unpublished).
    """
    if draft is not None:
        return (
            f"{ref.written}: {draft[0]} is a draft ({draft[1]}), not published: shown as text marked as a "
            f"dead link; publish that note (remove its '{draft[1]}' line) or remove the link"
        )
    if _JOPLIN_ID_RE.match(ref.target):
        return (
            f"{ref.written}: a Joplin note's id, which only Joplin knows: shown as text marked as a dead link; "
            "export the notebook with Joplin's 'MD - Markdown + Front Matter', which writes links as file paths"
        )
    message = (
        f"{ref.written}: no note in the collection has the file name, path, title, alias, slug or "
        f"permalink {ref.target!r}: shown as text marked as a dead link; fix the link, or add the note"
    )
    if not unreadable:
        return message
    shown = ", ".join(unreadable[:3]) + (f" and {len(unreadable) - 3} more" if len(unreadable) > 3 else "")
    which = "it" if len(unreadable) == 1 else "one of them"
    return f"{message} ({shown} cannot be read now: if the link means {which}, fix the error reported for it first)"
