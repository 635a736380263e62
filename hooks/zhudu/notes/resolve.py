"""Which note a link names, the way the author's tool meant it.

A note links to another as its tool does: Obsidian by file name, path, alias or title
(``[[题目]]``), Hexo by the post's file name (``{% post_link name %}``), Hugo by the content path
(``{{< ref "posts/a.md" >}}``), Jekyll by the post's path, and every generator's author by the
address the page had on their old site (``[文章](posts.html#渲染)``, ``[x](/docs/front-matter#Layout)``,
``[x](../docs/variables.html)``).  The collection keeps the files, not that site: the old address is
found again from what survives, the file's path, its front matter (``permalink``, ``url``,
``slug``, ``aliases``) and its name.

``LinkIndex.find`` tries, in order (``HOW``), stopping at the first kind that names a note:

1. ``path``: the path of a note in ``seeds/`` (from the linking note's folder, or from
   ``seeds/``), without its extension; a Hugo page bundle's ``index.md`` also by its folder's path
   (``../第一篇/``, ``/posts/第一篇/``: Hugo's URL of the page is its folder);
2. ``file name``: a note's file name, with or without extension (Jekyll's date prefix optional; a Zettlr id prefix alone);
   a page bundle's folder name (``{{< ref "第一篇" >}}``, ``../第一篇/`` from a plain post, whose URL
   is ``/posts/旧文/``);
3. ``slug / permalink``: a note's slug, or the ``permalink``/``url`` in its front matter;
4. ``alias``: an ``aliases``/``alias`` entry of its front matter (Obsidian's names, Hugo's old URLs);
5. ``title``: its title (wikilinks and ``post_link`` only: a path is never a title);
6. ``old site path``: the path's last folders joined by ``-`` (``/docs/front-matter`` →
   ``docs-front-matter``, a site flattened into file names), or for a relative link, a sibling of
   the linking note in that flattening (``posts.html`` from ``api-filter`` → ``api-posts``).

When several notes answer, the one nearest the linking note wins (same folder first, then the
most folders in common, then the id): a collection holding ``zh-cn/`` and ``zh-tw/`` links each
page to its own language's sibling.  A named heading is matched to the target's headings as the
table of contents makes their ids (case, spaces and punctuation aside); one that matches none is
kept as written (the link still reaches the page) and warned of, naming the heading most like it.
A link to a place on the note's own page (``[[#小节]]``, ``[x](#小节)``) is matched the same way.

A folder's ``_index.md`` (Hugo's section page, ``sections``) is found by its path (``posts/_index.md``,
``[[posts/_index]]``) and its folder's (``../posts/``, Hugo's URL of the section), and leads to its
section's page; its own links are resolved as a note's, from the page it introduces.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from zhudu.errors import NoteError
from zhudu.notes import sections, transclusion
from zhudu.notes.dialects import LinkTarget, NoteRef, dead_link_message, missing_heading_message
from zhudu.notes.dialects import resolve as resolve_refs
from zhudu.notes.limits import Limits
from zhudu.notes.link_paths import old_site_keys, path_key, strip_suffix
from zhudu.notes.link_syntax import syntax_of as syntax_of  # the link table's names
from zhudu.notes.meta import Backlink
from zhudu.notes.naming import nfc
from zhudu.notes.note_refs import LinkBase, link_base
from zhudu.notes.page_ids import Slugify, closest_heading, find_heading, headings, names_title
from zhudu.script import copy_folds

if TYPE_CHECKING:
    from zhudu.notes.corpus import Note

#: The kinds of resolution, in the order they are tried; "dead" when none answers.
HOW = ("path", "file name", "slug / permalink", "alias", "title", "old site path")
#: Jekyll's post file names start with the date: ``2016-07-26-name.md`` is ``name`` on the site.
_JEKYLL_DATE_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-(?P<name>.+)$")
#: A Zettlr (or Zettelkasten) id opening a file name, ``202401051520 卡片``: ``[[202401051520]]`` links to it.
_ZETTEL_ID_RE = re.compile(r"^(?P<name>\d{12,14})[ _-]+\S")


@dataclass(frozen=True)
class Linkable:
    """A note as links find it."""

    id: str
    slug: str
    title: str
    folder: str  # the folder of ``seeds/`` it is in, "" for ``seeds/`` itself
    stem: str  # the file name without its extension
    #: How the page makes a heading's id from its text (the site's ``slugify``, ``link_notes``).
    slugify: Slugify = field(compare=False)
    #: Folded heading text or id → the heading's id on the page.
    headings: Mapping[str, str] = field(default_factory=dict, compare=False)
    #: A Hugo page bundle's ``index.md`` (its folder holds no other note): Hugo's URL of the page is
    #: the folder (``/posts/第一篇/``), so links name it by the folder's path and name.
    bundle: bool = False
    #: A folder's ``_index.md``: the path of its section's page from the site's root (``sections/posts/``).
    page: str = ""


@dataclass
class Resolution:
    """What became of one link (for the log and the link-resolution table)."""

    source: str  # the linking note's display path and line
    written: str
    syntax: str  # wikilink, post_link, Markdown .html link…
    how: str  # one of ``HOW``, or "dead"
    target: str = ""  # the id of the note it leads to


class LinkIndex:
    """Every note of the collection by each kind of name a link may give it."""

    def __init__(self, notes: Iterable[tuple[Linkable, Mapping[str, Any]]]) -> None:
        """Index notes given as (the note, its front matter's keys not in the schema)."""
        self.tables: dict[str, dict[str, list[Linkable]]] = {how: {} for how in HOW}
        self.by_id: dict[str, Linkable] = {}
        for note, extra in notes:
            self.by_id[note.id] = note
            self._add("path", note.id, note)
            names = [note.stem, note.id.rsplit("/", 1)[-1]]
            if note.page:  # an _index.md: Hugo's URL of its section is its folder (``../posts/``)
                self._add("path", note.folder, note)
            if note.bundle:  # ``../第一篇/``, ``/posts/第一篇/``, ``{{< ref "第一篇" >}}``
                self._add("path", note.folder, note)
                names.append(note.folder.rsplit("/", 1)[-1])
            if m := _JEKYLL_DATE_RE.match(note.stem) or _ZETTEL_ID_RE.match(note.stem):
                names.append(m["name"])
            for name in names:
                self._add("file name", name, note)
            self._add("slug / permalink", note.slug, note)
            for key in ("permalink", "url", "slug"):
                if isinstance(value := extra.get(key), str):
                    self._add("slug / permalink", path_key(value), note)
            for key in ("aliases", "alias"):
                value = extra.get(key)
                for alias in [value] if isinstance(value, str) else value if isinstance(value, list) else []:
                    if isinstance(alias, str) and alias.strip():
                        self._add("alias", alias, note)
                        self._add("alias", path_key(alias), note)
            self._add("title", note.title, note)
            self._add("old site path", note.stem, note)
        self.resolutions: list[Resolution] = []

    def _add(self, how: str, key: str, note: Linkable) -> None:
        key = link_key(key)
        if key:
            bucket = self.tables[how].setdefault(key, [])
            # A note's names are added together (``__init__``), so a note already in the bucket is
            # its last entry: ``note not in bucket`` compared it with every note of a shared title
            # (quadratic: 1.5 s a save at 3,000 generated notes, ~1,000 to a title).
            if not bucket or bucket[-1] is not note:
                bucket.append(note)

    def find(
        self, ref: NoteRef, source: Linkable, where: str = "", shown: Callable[[str], str] | None = None
    ) -> LinkTarget | None:
        """The note ``ref`` names, seen from ``source``, with the anchor on its page; None: no note.

        ``where`` "": a link of an embedded copy, already in the table as its own note's.  ``shown``: a note's
        title (by its id) as the linking page writes it, which a link showing the title shows (``LinkTarget.shown``).
        """
        found, how = self._lookup(ref, source)
        if where:
            self.resolutions.append(
                Resolution(
                    where, ref.written, syntax_of(ref), how if found else "dead", found.id if found else ""
                )
            )
        if found is None:
            return None
        # A wikilink by a name the author chose for the sentence (``[[另一个名字]]``) shows it as
        # written, as Obsidian does; a file name, a path, a heading link or a ``post_link`` (Hexo
        # shows the post's title) shows the note's title.
        by_alias = how == "alias" and ref.written.lstrip("!").startswith("[[") and ref.anchor is None
        title = ref.target if by_alias and ref.target else found.title
        as_shown = shown(found.id) if shown is not None and title is found.title else ""
        return LinkTarget(found.slug, title, *_anchor(ref, found), found.page, as_shown)

    def _lookup(self, ref: NoteRef, source: Linkable) -> tuple[Linkable | None, str]:
        target = ref.target
        if ref.kind == "url":
            target = unquote(urlsplit(target).path)
        absolute = target.startswith("/")
        stripped = strip_suffix(target)
        parts = [p for p in stripped.split("/") if p not in ("", ".")]
        if not parts:
            return None, "dead"
        candidates: list[tuple[str, list[str]]] = []
        # 1. A note's path: from the linking note's folder, then from seeds/.
        if len(parts) > 1:
            keys = [posixpath.normpath(posixpath.join(source.folder, stripped))] if not absolute else []
            keys.append(posixpath.normpath(stripped.lstrip("/")))
            candidates.append(("path", keys))
        # 2-5. Names the note has.
        last = parts[-1]
        if len(parts) == 1 or last.lower() != "index":  # ``docs/index.html`` is no note called index
            candidates.append(("file name", [last, target.rsplit("/", 1)[-1]]))
        candidates.append(("slug / permalink", [path_key(target)]))
        candidates.append(("alias", [ref.target, path_key(target)]))
        if ref.kind != "url":
            candidates.append(("title", [ref.target]))
        # 6. The author's old site, flattened into file names.
        candidates.append(
            ("old site path", old_site_keys(parts, source.stem, absolute, target.endswith("/")))
        )
        for how, keys in candidates:
            for key in keys:
                if found := self.tables[how].get(link_key(key)):
                    return _nearest(found, source), how
        return None, "dead"


# --------------------------------------------------------------------------- The collection


def link_notes(
    notes: list[Note],
    slugify: Slugify,
    site_pages: Collection[str] = (),
    copied_kib: int = Limits.note_kib,
    named_draft: Callable[[NoteRef, Linkable], tuple[str, str] | None] | None = None,
    intros: Sequence[Note] = (),
    title_on: Callable[[Note, Note], str] | None = None,
    written_of: Callable[[Any], str] = copy_folds.script_tag,
) -> LinkIndex:
    """Links between notes (``[[wikilinks]]``, ``{% post_link %}``, ``[x](posts.html)``…) once slugs are final.

    A link names a note as its tool does (``resolve.LinkIndex``: a path, a file name, a slug or
    permalink, an alias, a title, a path of the author's old site).  One no note answers is shown
    as text marked as a dead link, with a warning at its line.  Each note learns which notes link
    to it (its backlinks, by slug, each once with the number of its links).  A Markdown link no note
    answers that names one of ``site_pages`` (the site's own pages, ``about.md``, seen from where the
    note is published) is left for MkDocs.  A heading's id is ``slugify`` of its text, as the table of
    contents makes it (``page_ids.Slugify``): call once the site's conversion domain is decided.  The
    copies one note's embeds show add ``copied_kib`` KiB at most (``transclusion.Embeds.budget``).
    ``named_draft``: the draft (not published) a dead link names, which its warning says (``drafts``).
    ``intros``: the folders' ``_index.md`` (``Corpus.section_intros``): one with a section page is
    linked to as that page; each one's links are resolved from the page it introduces (no embeds).
    ``title_on``: (a note, the note whose page links to it) → its title as that page shows it, Markdown, where a link
    or an embed shows the title (``Site.link_title``: as the note's own page does); "" or None: as typed.
    ``written_of``: what an embed's copy's frame says of its note (its ``NoteMeta``; ``Site.written_tag``).
    """
    shown = {intro.id: page for intro in intros if (page := sections.intro_page(intro)) is not None}
    pages = {i: posixpath.splitext(page)[0] + "/" for i, page in shown.items() if page != sections.HOME_PAGE}
    linkable = _linkables([*notes, *(intro for intro in intros if intro.id in shown)], slugify, pages)
    targets_of = [*notes, *(intro for intro in intros if intro.id in pages)]
    index = _index([(linkable[n.id], n.meta.extra) for n in targets_of if n.id in linkable])
    by_slug = {note.meta.slug: note for note in notes if note.id in linkable}
    by_id = {note.id: note for note in targets_of}
    linking: dict[str, dict[str, int]] = {}  # target slug -> source slug -> links
    pristine = {note.id: note.markdown for note in notes}  # as read: what an embed copies
    unreadable = sorted(note.display_path for note in notes if note.broken)  # their names are unknown
    for note in [*notes, *(intro for intro in intros if intro.id in shown)]:
        note.copies = []
        if note.body is None or not note.body.refs or note.id not in linkable:
            continue
        src_uri = shown.get(note.id, note.src_uri)
        base = link_base(src_uri, note.url_folder)
        targets: list[str] = []
        headless: list[tuple[NoteRef, LinkTarget]] = []  # links to a heading their note lacks
        titled = (lambda i, page=note: title_on(by_id[i], page)) if title_on is not None else None
        embeds = transclusion.Embeds(
            note.meta.slug,
            lambda slug, base=base, titled=titled: _embedded(
                slug, by_slug, pristine, index, linkable, base, titled, title_on, by_id, written_of
            ),
            budget=copied_kib * 1024,
        )
        note.markdown, dead = resolve_refs(
            note.markdown,
            note.body.refs,
            _finder(index, linkable[note.id], note.display_path, targets, headless, titled),
            _site_page(src_uri, site_pages),
            embeds.copy if note.id not in shown else None,  # a note's copy links from a note's page
            base,
        )
        if note.id in shown:  # an introduction: no note, so no backlink
            targets = []
        note.copies = embeds.copied
        drafted = named_draft or (lambda ref, source: None)
        problems = [(r.line, dead_link_message(r, unreadable, drafted(r, linkable[note.id]))) for r in dead]
        problems += [
            (
                r.line,
                (transclusion.missing_part_message if r.kind == "embed" else missing_heading_message)(
                    r, t.title, t.closest
                ),
            )
            for r, t in headless
        ]
        problems += [
            (r.line, transclusion.missing_part_message(r, t.title)) for r, t in embeds.missing_blocks
        ] + embeds.findings
        for slug in targets:
            counts = linking.setdefault(slug, {})
            counts[note.meta.slug] = counts.get(note.meta.slug, 0) + 1
        for problem in dict.fromkeys(problems):  # once each
            note.problems.append(NoteError(note.display_path, *problem))
    for slug, sources in linking.items():
        target_note = by_slug[slug]
        target_note.meta = replace(
            target_note.meta,
            backlinks=tuple(
                Backlink(s, m.title, n, m.lang, m.region, m.domain)
                for s, n in sorted(sources.items())
                for m in (by_slug[s].meta,)
            ),
        )
    return index


#: Under ``mkdocs serve``, each build's ``Linkable`` per note id with what it was made from, and
#: the last index with what it indexed: a save that changes no note's names (most saves) keeps
#: the same objects rather than making ~8 per note that outlive it (the cyclic collector's full
#: passes come sooner the more a save leaves behind) and scanning every note for its headings.
_LINKABLES: dict[str, tuple[tuple[object, ...], str, Linkable]] = {}  # id → (names, Markdown, Linkable)
_LAST_INDEX: list[Any] = [None, None]  # (the (Linkable, names in front matter) indexed, the index)
_NAME_KEYS = ("permalink", "url", "slug", "aliases", "alias")


def _linkables(
    notes: Sequence[Note], slugify: Slugify, pages: Mapping[str, str] | None = None
) -> dict[str, Linkable]:
    """Each unbroken note as links find it: the last build's object while its names and headings are the same.

    A body edit that leaves the headings alone keeps the note's object, so the index is kept too;
    another ``slugify`` (the domain or the conversion rules changed) makes every note's anew.
    """
    out: dict[str, Linkable] = {}
    kept: dict[str, tuple[tuple[object, ...], str, Linkable]] = {}
    for note in notes:
        if note.broken:
            continue
        meta = note.meta
        page = (pages or {}).get(note.id, "")  # a folder's _index.md: its section's page
        names = (meta.slug, meta.title, meta.folder, meta.section_folder, note.path.stem, slugify, page)
        last = _LINKABLES.get(note.id)
        same = last is not None and last[0] == names
        if same and last[1] == note.markdown:  # type: ignore[index]  # the same string: compared by identity first
            linkable = last[2]  # type: ignore[index]
        else:
            found = headings(note.markdown, slugify)
            if same and last[2].headings == found:  # type: ignore[index]
                linkable = last[2]  # type: ignore[index]
            else:
                linkable = Linkable(
                    id=note.id,
                    slug=meta.slug,
                    title=meta.title,
                    folder=meta.folder,
                    stem=note.path.stem,
                    headings=found,
                    slugify=slugify,
                    bundle=meta.section_folder != meta.folder,  # the folder above lists it
                    page=page,
                )
        if not (same and last[1] is note.markdown and last[2] is linkable):  # type: ignore[index]
            last = (names, note.markdown, linkable)
        kept[note.id] = last  # an unchanged note's is the last build's: no new tuple outliving the save
        out[note.id] = linkable
    _LINKABLES.clear()
    _LINKABLES.update(kept)
    return out


def _index(notes: list[tuple[Linkable, Mapping[str, Any]]]) -> LinkIndex:
    """``LinkIndex(notes)``, or the last one when it indexed the very same notes by the same names."""
    names = [(note, tuple(extra.get(key) for key in _NAME_KEYS)) for note, extra in notes]
    last, index = _LAST_INDEX
    if (
        index is not None
        and len(last) == len(names)
        and all(a is b and x == y for (a, x), (b, y) in zip(last, names, strict=True))
    ):
        index.resolutions = []  # what this build's links find
        return index  # type: ignore[no-any-return]
    index = LinkIndex(notes)
    _LAST_INDEX[:] = [names, index]
    return index


def _finder(
    index: LinkIndex,
    source: Linkable,
    display: str,
    targets: list[str],
    headless: list[tuple[NoteRef, LinkTarget]],
    shown: Callable[[str], str] | None = None,
) -> Callable[[NoteRef], LinkTarget | None]:
    """``index.find`` from ``source`` (titles ``shown``), noting the notes it links to and links to a missing heading."""

    def find(ref: NoteRef) -> LinkTarget | None:
        if not ref.target:  # ``[[#小节]]``, ``[x](#小节)``: a place on this page
            target = LinkTarget("", "", *_anchor(ref, source))
        else:
            target = index.find(ref, source, f"{display}:{ref.line}", shown)
        if target is not None and target.slug and target.slug != source.slug and not target.page:
            targets.append(target.slug)
        if target is not None and target.no_heading:
            headless.append((ref, target))
        return target

    return find


def _embedded(
    slug: str,
    by_slug: Mapping[str, Note],
    pristine: Mapping[str, str],
    index: LinkIndex,
    linkable: Mapping[str, Linkable],
    base: LinkBase,
    shown: Callable[[str], str] | None = None,
    title_on: Callable[[Note, Note], str] | None = None,
    by_id: Mapping[str, Note] | None = None,
    written_of: Callable[[Any], str] = copy_folds.script_tag,
) -> transclusion.Embedded | None:
    """The note of ``slug`` as an embed copies it: its Markdown as read, its links resolved as on its page.

    Their titles as the embedding page writes them (``shown``): the copy is that page's text.  But a note written
    in Traditional is folded as its own page is (``copy_folds``): its links' titles are its page's (``title_on``).
    """
    note = by_slug.get(slug)
    if note is None or note.body is None:
        return None
    seen_from = linkable[note.id]
    written = written_of(note.meta)
    if written and title_on is not None and by_id is not None:
        shown = lambda i: title_on(by_id[i], note)  # noqa: E731

    def find(ref: NoteRef) -> LinkTarget | None:
        if not ref.target:  # a place on its own page: on that page
            return replace(LinkTarget("", "", *_anchor(ref, seen_from)), slug=seen_from.slug)
        return index.find(ref, seen_from, shown=shown)

    def resolved(markdown: str) -> str:
        return resolve_refs(markdown, note.body.refs if note.body else (), find, base=base)[0]

    return transclusion.Embedded(pristine[note.id], seen_from.slugify, resolved, written)


def _site_page(src_uri: str, site_pages: Collection[str]) -> Callable[[NoteRef], bool]:
    """Whether a link, seen from the page at ``src_uri``, names one of the site's own pages."""

    def names_site_page(ref: NoteRef) -> bool:
        path = unquote(urlsplit(ref.target).path)
        if not path or path.startswith("/"):
            return False
        return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path)) in site_pages

    return names_site_page


def link_key(name: str) -> str:
    """A name as the index keys it: case folded, composed (a file named on macOS, a link typed elsewhere)."""
    return nfc(name.strip().casefold())


def _nearest(found: Sequence[Linkable], source: Linkable) -> Linkable:
    """Of several notes a link names, the one nearest the linking note."""
    here = source.folder.split("/") if source.folder else []

    def distance(note: Linkable) -> tuple[int, int, str]:
        there = note.folder.split("/") if note.folder else []
        common = 0
        for a, b in zip(here, there, strict=False):
            if a != b:
                break
            common += 1
        return (0 if note.folder == source.folder else 1, -common, note.id)

    return min(found, key=distance)


def _anchor(ref: NoteRef, target: Linkable) -> tuple[str | None, bool, str]:
    """The id on the target's page of the heading or passage the link names; True: no such heading.

    A heading the target lacks keeps the id as written (the page opens at its top), with the id of
    the heading most like it.  Block ids, passages and Material's own ids (``__codelineno-…``) are
    not judged.
    """
    if not ref.anchor:
        return None, False, ""
    anchor = unquote(ref.anchor)
    if anchor.startswith(("^", "p-")):
        return anchor, False, ""
    if found := find_heading(target.headings, anchor, target.slugify):
        return found, False, ""
    if anchor.startswith("__"):  # an id the page's code blocks and tabs get (``__codelineno-0-3``)
        return anchor, False, ""
    if names_title(target.title, anchor, target.slugify):  # the page's header: the note, at its top
        return None, False, ""
    return anchor, True, closest_heading(target.headings, anchor, target.slugify) or ""
