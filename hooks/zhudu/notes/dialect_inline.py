"""What a line of a note holds in other tools' syntax: wikilinks, embeds, tags and shortcodes.

:class:`InlineWriter` rewrites the text of a line outside code (:mod:`zhudu.notes.dialects` cuts
the lines into blocks, code and comments first): Obsidian's ``[[wikilinks]]`` and ``![[embeds]]``,
Hexo's and Jekyll's ``{% tags %}``, Hugo's ``{{< shortcodes >}}``, Markdown links to another
note's file or old site page, and block ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from zhudu import fragments
from zhudu.notes import citations, disk_names, image_sizes, inline_tags, site_root, vault_files, wordpress
from zhudu.notes.dialect_markdown import (
    ABSOLUTE_URL_RE,
    SHORTCODE_BOXES,
    VIDEO_ID_RE,
    embed_link,
    embed_url,
    image_md,
    md_text,
    md_url,
    shortcode_params,
    tag_words,
)
from zhudu.notes.naming import DRAWING_SUFFIX
from zhudu.notes.note_refs import SITE_ROOT, NoteRef
from zhudu.notes.safety import safe_url
from zhudu.notes.theme_tags import TAG_BOXES, bilibili_url, unescape_shortcodes

#: The inline constructs, in text outside code.
_INLINE_RE = re.compile(
    r"""(?P<embed>!)?\[\[(?P<wiki>[^\[\]\n]+?)\]\]
      | (?P<baseurl>\{\{[ \t]*site\.(?:baseurl|url)[ \t]*\}\})?
        \{%-?[ \t]*(?P<tag>[A-Za-z_][\w-]*)(?P<args>(?:[^%\n]|%(?!\}))*?)[ \t]*-?%\}
      | (?P<escaped>\{\{[<%][ \t]*/\*.*?\*/[ \t]*[>%]\}\})
      | \{\{(?P<delim>[<%])[ \t]*(?P<close>/)?[ \t]*(?P<code>[A-Za-z_][\w./-]*)
        (?P<sargs>(?:[^\n>%]|[>%](?!\}\}))*?)[ \t]*[>%]\}\}
      | \{\{[ \t]*(?P<liquid>(?:site|page|layout|include|paginator|jekyll|theme|config|post)\.[^{}\n]*?
        | "[^"\n]*"[ \t]*\|[^{}\n]*? | '[^'\n]*'[ \t]*\|[^{}\n]*?)[ \t]*\}\}
      | """
    + wordpress.SHORTCODE_PATTERN,
    re.VERBOSE,
)
#: A Markdown link to another note (``[x](other.md)``, ``[x](../posts/other.md)``) or to a page of
#: the author's own generated site (``[x](posts.html#a)``, ``[x](./front-matter)``,
#: ``[x](/docs/front-matter#Layout)``): a relative or site-absolute path to a note file, an
#: ``.html`` page or a path without an extension (``resolve.LinkIndex`` finds the note).
#: Only the target is matched: the link's text may hold code (``[`permalink`](variables.html)``).
_PAGE_LINK_RE = re.compile(
    r"""\]\((?P<path>(?![A-Za-z][A-Za-z0-9+.-]*:|//|[\#?<])[^\s()<>\#?]+)(?P<anchor>\#[^\s()<>]*)?\)""",
    re.VERBOSE,
)
#: A Markdown link to a place on the note's own page (``[x](#安装-Hexo)``, ``[x](#fn:1)``).
_SAME_PAGE_LINK_RE = re.compile(r"\]\(\#(?P<anchor>[^()\s]+)\)")
#: A reference link's definition naming a place on the page (``[Site Variables]: #Site-Variables``).
_SAME_PAGE_DEFINITION_RE = re.compile(
    r"^(?P<label>[ ]{0,3}\[[^\]\n]+\]:[ \t]*)\#(?P<anchor>[^\s<>]+)(?=[ \t]|$)"
)
_PAGE_SUFFIXES = frozenset({"", ".html", ".htm", ".md", ".markdown", ".txt"})
#: Tags that enclose lines: they must stand alone on their lines (``block_tags.BLOCK_TAG_RE``).
_BLOCK_TAGS = frozenset(
    {"codeblock", "code", "highlight", "blockquote", "quote", "pullquote", *TAG_BOXES, "comment"}
)
#: Shortcodes that enclose lines (``block_tags.BLOCK_TAG_RE``).
_BLOCK_SHORTCODES = frozenset({"highlight", "tabs", *SHORTCODE_BOXES})
#: An Obsidian block id at the end of a line: ``text ^abc123``.
_BLOCK_ID_RE = re.compile(r"(?:^|(?<=[ \t]))\^(?P<id>[A-Za-z0-9][A-Za-z0-9-]*)[ \t]*$")
#: Jekyll's ``{{ "/assets/a.png" | relative_url }}``: a path of the author's site.
_LIQUID_PATH_RE = re.compile(
    r"""^(?P<q>["'])(?P<path>[^"']*)(?P=q)[ \t]*\|[ \t]*(?:relative|absolute)_url$"""
)
_NUMBER_RE = re.compile(r"^\d+(?:%|px)?$")
#: A line's first ``#`` escaped as text (``dialects._NOT_A_HEADING_RE``), after a quote's or a list's marks.
_UNESCAPED_HASH_RE = re.compile(r"^((?:[ \t]*>[ \t]?)*+[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?)\\#")
#: Obsidian's image size suffix: ``![[a.png|300]]``, ``![[a.png|300x200]]``.
_SIZE_RE = re.compile(r"^\d+(?:x\d+)?$")

#: Files Obsidian embeds as images (the body transforms decide which are published).
EMBED_IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".bmp"})

UNKNOWN_TAG_LABEL = "无法显示的模板标签"
UNPUBLISHED_FILE_LABEL = "附件未发布"


@dataclass
class InlineWriter:
    """Rewrites the constructs of a line; collects the links to notes and the findings."""

    note_dir: Path
    note_name: str
    root: Path
    refs: list[NoteRef] = field(default_factory=list)
    findings: list[tuple[int, str]] = field(default_factory=list)
    #: Obsidian's inline footnotes ``^[text]``: (label, text, line), written as footnotes at the note's end.
    footnotes: list[tuple[str, str, int]] = field(default_factory=list)
    #: ``{{ site.x }}`` is Liquid output (Jekyll, Hexo), not text (Hugo, Obsidian).
    liquid: bool = False
    #: The ``#tags`` written in the text (``inline_tags``; kept for an Obsidian note only).
    tags: list[str] = field(default_factory=list)
    #: The line being read is a heading's (its ``#`` marks are no tags); its leading ``#`` was escaped
    #: as text (``dialects._NOT_A_HEADING_RE``: an Obsidian tag line ``#读书``).
    heading_line: bool = False
    escaped_hash: bool = False
    #: The note holds ``[[wikilinks]]`` or ``![[embeds]]``: Obsidian's.
    wikilinks: bool = False
    #: A Hugo page (``hugo_signs``): its escaped shortcodes ``{{</* x */>}}`` are shown as Hugo shows them.
    hugo: bool = False
    #: The note's bracketed ``@key``s, held until the note is read (``citations``: the note decides whether they cite).
    held_citations: citations.NoteCitations = field(default_factory=citations.NoteCitations)

    def inline(self, text: str, line: int, *, at_end: bool) -> str:
        """Text outside code: links, embeds, tags and shortcodes; a block id at the line's end."""
        if not text:
            return text
        if not self.heading_line:
            self.tags += inline_tags.found(
                _UNESCAPED_HASH_RE.sub(r"\1#", text, 1) if self.escaped_hash else text
            )
        self.escaped_hash = False  # only the line's first piece starts with it
        if "^[" in text:
            text = self.inline_footnotes(text, line)
        # Before the others: the markers they leave (``](#zd-ref-N)``) would read as same-page links.
        text = self.same_page_links(text, line)
        text = _INLINE_RE.sub(
            lambda m: self.construct(m, line, whole=m.group(0).strip() == text.strip()), text
        )
        text = _PAGE_LINK_RE.sub(lambda m: self.page_link(m, line, text), text)
        text = self.held_citations.hold(text, line)
        if at_end and (m := _BLOCK_ID_RE.search(text)):
            # An Obsidian block id: not shown, an anchor ``[[note#^id]]`` links to.
            text = text[: m.start()] + fragments.render("zd-dialect.html", "block_anchor", id=m["id"])
        return text

    def inline_footnotes(self, text: str, line: int) -> str:
        """Obsidian's (and Pandoc's) ``^[text]`` as a footnote reference; its text is kept for the end."""
        out, pos = [], 0
        while (start := text.find("^[", pos)) >= 0:
            end = _closing_bracket(text, start + 1)
            if end is None:
                break
            if start and text[start - 1] == "\\":
                out.append(text[pos : start + 2])
                pos = start + 2
                continue
            inner = self.inline(text[start + 2 : end], line, at_end=False)
            label = f"zd-inline-{len(self.footnotes) + 1}"
            self.footnotes.append((label, inner, line))
            out.append(f"{text[pos:start]}[^{label}]")
            pos = end + 1
        return "".join(out) + text[pos:]

    def markdown_links(self, text: str, line: int) -> str:
        """Text where Markdown reads links but no tool's tags: Jekyll's ``{% raw %}`` part.

        Liquid leaves the part as written and kramdown reads it after, so ``[x](other.html)`` there
        linked the author's old page, as outside; here it links the note, or is warned of, as outside.
        """
        text = self.same_page_links(text, line)
        return _PAGE_LINK_RE.sub(lambda m: self.page_link(m, line, text), text)

    def same_page_links(self, text: str, line: int) -> str:
        """``[x](#小节)`` and a reference definition ``[x]: #小节``, as markers matched once linked."""
        text = _SAME_PAGE_LINK_RE.sub(lambda m: self.same_page_link(m, line, text), text)
        if m := _SAME_PAGE_DEFINITION_RE.match(text):
            text = m["label"] + self.same_page(m["anchor"], line) + text[m.end() :]
        return text

    def construct(self, m: re.Match[str], line: int, *, whole: bool) -> str:
        if m["wiki"] is not None:
            return self.wikilink(m["wiki"], line, embed=bool(m["embed"]), written=m.group(0))
        if m["liquid"] is not None:
            path_follows = m.string.startswith("/", m.end())
            return self.liquid_output(
                m["liquid"].strip(), line, m.group(0), whole=whole, path_follows=path_follows
            )
        if m["wp_caption"] is not None or m["wp_embed"] is not None or m["wp_media"] is not None:
            if (shown := wordpress.rewrite(m, whole=whole)) is None and m["wp_embed"] is not None:
                self.findings.append((line, wordpress.embed_message(m.group(0))))
            return (
                shown
                if shown is not None
                else self.unknown(m.group(0), line, report=m["wp_embed"] is None, whole=whole)
            )
        if m["escaped"] is not None:  # Hugo's {{</* figure */>}}: the shortcode shown, not run
            return md_text(unescape_shortcodes(m["escaped"]) if self.hugo else m["escaped"])
        if m["tag"] is not None:
            return self.tag(m["tag"], m["args"] or "", line, m.group(0), whole=whole)
        return self.shortcode(
            m["code"], m["sargs"] or "", line, m.group(0), whole=whole, close=bool(m["close"])
        )

    def wikilink(self, inner: str, line: int, *, embed: bool, written: str) -> str:
        """``[[note#heading|text]]`` and ``![[file|alt]]``."""
        self.wikilinks = True
        parts = re.split(r"\\?\|", inner)
        target, rest = parts[0].strip(), [p.strip() for p in parts[1:]]
        name, _, section = target.partition("#")
        name = name.strip()
        if embed and name.lower().endswith((".excalidraw", DRAWING_SUFFIX)):
            return self.drawing(name.removesuffix(".md"), rest, line, written)
        if embed and PurePosixPath(name).suffix.lower() in EMBED_IMAGE_SUFFIXES:
            alt = next((p for p in rest if p and not _SIZE_RE.match(p)), "")
            path = self.find_file(name)
            image = f"![{md_text(alt)}]({md_url(path)})"
            size = next((p for p in rest if _SIZE_RE.match(p)), None)
            if size and (self.note_dir / path).is_file():  # a missing one is a placeholder: no image to size
                width, _, height = size.partition("x")
                if not height and (pixels := image_sizes.pixel_size(self.note_dir / path)):
                    # Obsidian's |300 is a width, the height follows the image's shape: said here, so
                    # the page reserves the image's box before it loads (``image_sizes``).
                    height = str(max(1, round(int(width) * pixels[1] / pixels[0])))
                sized = f'width="{width}"' + (f' height="{height}"' if height else "")
                image += f"{{ {sized} {image_sizes.LOADING} }}"  # attr_list
            return image
        if embed and PurePosixPath(name).suffix and PurePosixPath(name).suffix.lower() != ".md":
            return self.unpublished(written, name, line)
        section = section.strip()
        anchor = section or None  # as written: matched to the target's ids once linked (``resolve``)
        shown = " > ".join(p for p in (name, section.lstrip("^")) if p) if not embed else name or section
        text = rest[0] if rest and rest[0] else None
        return self.ref(line, written, name, anchor, text, "embed" if embed else "link", shown)

    def drawing(self, drawing: str, rest: list[str], line: int, written: str) -> str:
        """An Excalidraw drawing: the PNG the plugin exports beside it (Auto-export PNG), else labelled.

        Its Auto-export SVG is no image here: a note's SVG is not published (it can carry script).
        """
        plain = drawing[: -len(".excalidraw")]  # exported with or without ".excalidraw", as the plugin is set
        for image in (f"{drawing}.png", f"{plain}.png"):
            if self._in_vault(image):
                return self.wikilink("|".join([image, *rest]), line, embed=True, written=written)
        name = PurePosixPath(plain).name
        svg = next((i for i in (f"{drawing}.svg", f"{plain}.svg") if self._in_vault(i)), None)
        found = (
            f"only its SVG ({PurePosixPath(svg).name}) is in the vault, and no SVG is published"
            if svg
            else "no image of it is in the vault"
        )
        self.findings.append(
            (
                line,
                f"{written}: an Excalidraw drawing, which only Obsidian's Excalidraw plugin draws, and {found}: "
                f"labelled instead; turn on 'Auto-export PNG' in the plugin's settings (it writes {name}.png "
                "beside the drawing) and the drawing is shown",
            )
        )
        return fragments.render(
            "zd-dialect.html", "unshown", kind="unpublished", label=UNPUBLISHED_FILE_LABEL, written=drawing
        )

    def _in_vault(self, name: str) -> bool:
        return disk_names.on_disk(self.note_dir / self.find_file(name)).is_file()

    def page_link(self, m: re.Match[str], line: int, text: str) -> str:
        """``[text](sibling.html#anchor)``: the note of that name, or a dead link."""
        path = PurePosixPath(m["path"])
        opening = text.rfind("[", 0, m.start())
        if (
            path.suffix.lower() not in _PAGE_SUFFIXES
            or (not path.name and m["path"] != SITE_ROOT)  # the old site's root: this site's home
            or (opening > 0 and text[opening - 1] == "!")
        ):
            return m.group(0)  # a file, or an image
        anchor = (m["anchor"] or "").lstrip("#") or None
        written = m["path"] + (m["anchor"] or "")
        return f"]({self.ref(line, written, m['path'], anchor, None, 'url', written)})"

    def same_page_link(self, m: re.Match[str], line: int, text: str) -> str:
        """``[text](#安装-Hexo)``."""
        opening = text.rfind("[", 0, m.start())
        if opening > 0 and text[opening - 1] == "!":
            return m.group(0)  # an image
        return f"]({self.same_page(m['anchor'], line)})"

    def same_page(self, anchor: str, line: int) -> str:
        """The marker for ``#anchor``, a place on this page: matched to its ids once linked (``resolve``)."""
        return self.ref(line, "#" + anchor, "", anchor, None, "url", "#" + anchor)

    def ref(
        self,
        line: int,
        written: str,
        target: str,
        anchor: str | None,
        text: str | None,
        kind: str,
        shown: str,
    ) -> str:
        n = len(self.refs)
        target = target.strip()  # a name, a path of the notes folder or of the author's old site
        self.refs.append(NoteRef(line, written, target, anchor, text, kind, shown))
        if kind == "url":
            return f"#zd-ref-{n}"
        return f"[{md_text(text or shown)}](#zd-ref-{n})"

    def tag(self, name: str, args: str, line: int, written: str, *, whole: bool) -> str:
        """A Hexo or Jekyll ``{% tag %}``."""
        words = tag_words(args)
        if name == "post_link" and words:
            text = " ".join(w for w in words[1:] if w not in ("true", "false")) or None
            return self.ref(line, written, words[0], None, text, "link", words[0])
        if name in ("post_url", "post_path") and words:
            return self.ref(line, written, words[0], None, None, "url", words[0])
        if name == "link" and len(words) == 1:  # Jekyll: {% link _posts/2016-07-26-name.md %}
            return self.ref(line, written, words[0], None, None, "url", words[0])
        if name == "link" and (url := next((w for w in words[1:] if ABSOLUTE_URL_RE.match(w)), None)):
            text = " ".join(words[: words.index(url)])  # Hexo: {% link text url [external] [title] %}
            if safe_url(url):
                return f"[{md_text(text)}]({md_url(url)})"
        if name in ("asset_img", "img") and (image := self.tag_image(name, words)):
            return image
        if name in ("youtube", "vimeo", "gist", "jsfiddle", "iframe") and (url := embed_url(name, words)):
            return embed_link(url)
        if name == "bilibili" and (url := bilibili_url(words)):  # Butterfly, hexo-tag-bilibili
            return embed_link(url)
        if name in ("asset_link", "asset_path") and words:
            return self.unpublished(written, words[0], line)
        if name in _BLOCK_TAGS or name.removeprefix("end") in _BLOCK_TAGS:
            # Known, but not where it can enclose lines (``block_tags.BLOCK_TAG_RE``); an unclosed one is
            # reported where it opens (``blocks``).
            report = name in _BLOCK_TAGS and whole is False
            if report:
                self.findings.append(
                    (
                        line,
                        f"{written}: a {{% {name} %}} tag must stand alone on its line, with "
                        f"{{% end{name} %}} alone on a later line: shown as written, labelled",
                    )
                )
            return self.unknown(written, line, report=False, whole=whole)
        return self.unknown(written, line, report=not name.startswith("end"), whole=whole)

    def liquid_output(self, expr: str, line: int, written: str, *, whole: bool, path_follows: bool) -> str:
        """Jekyll's or Hexo's ``{{ site.title }}``: a value of the author's old site, which this one has not.

        ``{{ site.baseurl }}`` before a path, and ``{{ "/a/b" | relative_url }}``, are where that site
        began: the path stays, site-absolute (``resolve`` finds the note it names).
        """
        if not self.liquid:
            return written
        if expr in ("site.baseurl", "site.url") and path_follows:
            return ""
        if m := _LIQUID_PATH_RE.match(expr):
            return self.site_file(m["path"]) or m["path"]
        self.findings.append(
            (
                line,
                f"{written}: a Liquid value of the author's old site, which this site does not have: "
                "shown as written, labelled; write the value itself",
            )
        )
        return self.unknown(written, line, report=False, whole=whole)

    def tag_image(self, name: str, words: list[str]) -> str | None:
        """``{% asset_img [class] file [width] [height] [title [alt]] %}`` and ``{% img … %}``."""
        at = next(
            (
                i
                for i, w in enumerate(words)
                if PurePosixPath(w).suffix.lower() in EMBED_IMAGE_SUFFIXES
                or "/" in w
                or ABSOLUTE_URL_RE.match(w)
            ),
            None,
        )
        if at is None:
            return None
        src, rest = words[at], [w for w in words[at + 1 :] if not _NUMBER_RE.match(w)]
        title = rest[0] if rest else ""
        alt = rest[1] if len(rest) > 1 else title
        if name == "asset_img":
            src = self.find_asset(src)
        return image_md(src, alt, title)

    def shortcode(self, name: str, args: str, line: int, written: str, *, whole: bool, close: bool) -> str:
        """A Hugo ``{{< shortcode >}}`` (or ``{{% shortcode %}}``)."""
        positional, named = shortcode_params(args)
        first = positional[0] if positional else ""
        if close or (whole and name in _BLOCK_SHORTCODES):
            # A closing one, or a box never closed: reported where it opens (``blocks``).
            return self.unknown(written, line, report=False, whole=whole)
        if name in ("ref", "relref") and (path := named.get("path", first)):
            page, _, anchor = path.partition("#")
            return self.ref(line, written, page, anchor or None, None, "url", path)
        if name == "figure" and (src := named.get("src")):
            if src.startswith("/") and not src.startswith("//"):
                # Not found: stays site-absolute, so it is a missing image warned of where it was looked for.
                src = self.site_file(src) or src
            alt = named.get("alt") or named.get("title") or named.get("caption") or ""
            caption = " ".join(v for v in (named.get("title"), named.get("caption")) if v)
            image = image_md(src, alt, "")
            if not whole or not caption:
                return image
            return fragments.render("zd-dialect.html", "figure", image=image, caption=md_text(caption))
        video = named.get("id", first)
        if name in ("youtube", "vimeo") and (url := embed_url(name, [video])):
            return embed_link(url)
        if name == "bilibili" and (url := bilibili_url(positional, named)):  # LoveIt, FixIt, DoIt
            return embed_link(url)
        post = named.get("id", positional[1] if len(positional) > 1 else "")
        user = named.get("user", first)
        if name in ("tweet", "x") and VIDEO_ID_RE.match(user) and post.isdigit():
            return embed_link(f"https://x.com/{user}/status/{post}")
        if name == "gist" and len(positional) >= 2 and all(VIDEO_ID_RE.match(p) for p in positional[:2]):
            return embed_link(f"https://gist.github.com/{positional[0]}/{positional[1]}")
        return self.unknown(written, line, report=True, whole=whole)

    # -- files -----------------------------------------------------------------------------------

    def find_file(self, name: str) -> str:
        """An Obsidian embed's path from the note's folder (``vault_files``: the notes folder is the vault)."""
        return vault_files.vault_file(name, self.note_dir, self.root)

    def site_file(self, path: str) -> str | None:
        """A path from the root of the author's old site (``/img/a.png``) as the file's path from the note."""
        return site_root.site_file(path, self.note_dir, self.root)

    def find_asset(self, name: str) -> str:
        """A Hexo asset's path from the note's folder (``vault_files``)."""
        return vault_files.post_asset(name, self.note_dir, self.note_name)

    # -- what cannot be shown --------------------------------------------------------------------

    def unknown(self, written: str, line: int, *, report: bool, whole: bool) -> str:
        """A tag this site cannot render: set apart and labelled, its text shown as code."""
        if report:
            self.findings.append(
                (line, f"{written}: a template tag this site cannot render: shown as written, labelled")
            )
        return fragments.render(
            "zd-dialect.html", "unshown", kind="unknown-tag", label=UNKNOWN_TAG_LABEL, written=written
        )

    def unpublished(self, written: str, name: str, line: int) -> str:
        """A file that is not an image: the site publishes only a note's images."""
        self.findings.append(
            (
                line,
                f"{written}: {name} is not an image, and only images are published with a note: "
                "labelled instead; link to the file where it is published",
            )
        )
        return fragments.render(
            "zd-dialect.html", "unshown", kind="unpublished", label=UNPUBLISHED_FILE_LABEL, written=name
        )


def _closing_bracket(text: str, opening: int) -> int | None:
    """The index of the ``]`` that closes the ``[`` at ``opening`` (brackets nest), or None."""
    depth = 0
    for i in range(opening, len(text)):
        if text[i] == "\\":
            continue
        depth += {"[": 1, "]": -1}.get(text[i], 0)
        if depth == 0:
            return i
    return None
