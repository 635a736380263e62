"""The Markdown the dialect rewrites write: admonitions, fenced code, images, embeds, escaped text.

Pure helpers of :mod:`zhudu.notes.dialects` and :mod:`zhudu.notes.dialect_inline`, which decide
what a construct means; these decide how it is written for Python-Markdown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from html import escape

from zhudu import fragments
from zhudu.notes.bare_urls import browser_href
from zhudu.notes.box_names import DETAILS_WORD, TITLED_NOTICE_STYLES, type_word
from zhudu.notes.safety import EMBED_LABEL, safe_url

Line = tuple[str, int]  # text, line in the author's file

#: A fence's info string the way Hexo writes it: ``` ```js Array.map https://… MDN ``` (language,
#: title, url, link text).  Python-Markdown's fences take ``key="value"`` options only, and read
#: a fence with anything else after the language as text.
_FENCE_INFO_RE = re.compile(
    r"""^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w#.+-]+)[ \t]+(?P<rest>[^`\s][^`]*?)[ \t]*$"""
)
_FENCE_OPTIONS_RE = re.compile(r"""^(?:[A-Za-z][\w-]*=(?:"[^"]*"|'[^']*'|\S++)[ \t]*)+$""")

#: One argument of a tag: ``key="value"``, ``key=value``, a quoted string or a word.
_ARG_RE = re.compile(
    r"""(?P<key>[A-Za-z_][\w-]*)=(?:"(?P<kdq>[^"]*)"|'(?P<ksq>[^']*)'|(?P<kbare>\S+))
      | "(?P<dq>[^"]*)" | '(?P<sq>[^']*)' | (?P<bare>\S+)""",
    re.VERBOSE,
)
ABSOLUTE_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
VIDEO_ID_RE = re.compile(r"^[\w-]{1,64}$")
#: Hexo's blockquote footer: ``author[, source] [url] [link title]`` (hexo/lib/plugins/tag/blockquote.ts).
_CITE_FULL_RE = re.compile(r"^(?P<author>\S.*?)\s+(?P<url>https?://\S+)\s+(?P<title>.+)$")
_CITE_URL_RE = re.compile(r"^(?P<author>\S.*?)\s+(?P<url>https?://\S+)$")
_CITE_SOURCE_RE = re.compile(r"^(?P<author>[^,]+?)\s*,\s*(?P<source>.+)$")
#: A Han character, a kana or full-width punctuation: an attribution written in Chinese (or Japanese).
_CJK_RE = re.compile(
    r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002ffff]"
)
#: An inline code span (its backticks, then the same number closing it).
CODE_SPAN_RE = re.compile(r"(?<![\\`])(`+)(?!`).*?(?<!`)\1(?!`)")
#: Characters Markdown would read as syntax in a value put into the page as text.
_MD_SPECIAL_RE = re.compile(r"([\\`*_\[\]])")
#: What Markdown or an extension of ``mkdocs.yml`` reads in text: emphasis, code, links, lists, headings,
#: ``---``, tables, ``==mark==``, ``:emoji:``, ``$math$``, footnotes, attributes, bare URLs and e-mails.
_RAW_SPECIAL_RE = re.compile(r"[\\`*_{}\[\]()#+\-.!|~=:$^@]")
#: An HTML tag or comment in a raw part (kept: Hexo writes the part as HTML).
_RAW_PART_TAG_RE = re.compile(r"(<!--.*?-->|</?[A-Za-z][^<>]*>)")


def fence_end(lines: Sequence[Line], start: int, fence: str) -> int:
    """The index of the line closing the fence opened at ``start`` (the last line if none does)."""
    char, size = fence[0], len(fence)
    for j in range(start + 1, len(lines)):
        stripped = lines[j][0].strip()
        if stripped.startswith(char * size) and not stripped.strip(char):
            return j
    return len(lines) - 1


def closed_fence_end(lines: Sequence[Line], start: int, fence: str) -> int | None:
    """The index of the line closing the fence opened at ``start``; None when none closes it (then it is text)."""
    end = fence_end(lines, start, fence)
    closer = lines[end][0].strip()
    return (
        end
        if end > start and closer.startswith(fence[0] * len(fence)) and not closer.strip(fence[0])
        else None
    )


def fence_title(text: str) -> str:
    """A fence's opening line, Hexo's ``lang title [url] [link text]`` made ``lang title="title"``."""
    m = _FENCE_INFO_RE.match(text)
    if m is None or _FENCE_OPTIONS_RE.match(m["rest"]):
        return text
    words = m["rest"].split()
    url_at = next((i for i, w in enumerate(words) if ABSOLUTE_URL_RE.match(w)), len(words))
    title = " ".join(words[:url_at]).replace('"', "'")
    return f"{m['indent']}{m['fence']}{m['lang']}" + (f' title="{title}"' if title else "")


def admonition(
    indent: str, marker: str, kind: str, title: str, inner: Sequence[Line], line: int
) -> list[Line]:
    """A Material admonition (``!!!``), or a collapsible one (``???``), of ``inner``.

    Without a title, a box is drawn as the tool draws it, with no title bar, and named by its type's
    word for a screen reader (a collapsible one needs a summary: the word is its title).
    """
    last = inner[-1][1] if inner else line
    if not title and marker == "!!!":
        opening = fragments.render("zd-dialect.html", "untitled_box", kind=kind, name=type_word(kind, kind))
        return [
            ("", line),
            (indent + opening, line),
            ("", line),
            *inner,
            ("", last),
            (f"{indent}</div>", last),
            ("", last),
        ]
    head = f'{indent}{marker} {kind} "{title or type_word(kind, kind)}"'
    body = [(f"{indent}    {t}" if t.strip() else "", n) for t, n in inner]
    return [("", line), (head, line), *body, ("", last)]


def code_block(
    indent: str, name: str, args: str, inner: Sequence[Line], line: int, end_line: int, *, hugo: bool
) -> list[Line]:
    """``{% codeblock %}``, Jekyll's ``{% highlight %}`` and Hugo's ``{{< highlight >}}`` as a fence."""
    lang, options, link = "", [], ""
    if hugo:
        positional, _ = shortcode_params(args)
        lang = positional[0] if positional else ""
        settings = dict(
            item.split("=", 1)
            for item in (positional[1] if len(positional) > 1 else "").split(",")
            if "=" in item
        )
        if "linenos" in settings:
            options.append(f'linenums="{settings.get("linenostart", "1")}"')
        if "hl_lines" in settings:
            options.append(f'hl_lines="{settings["hl_lines"]}"')
    elif name == "highlight":  # Jekyll: {% highlight ruby linenos %}
        words = tag_words(args)
        lang = words[0] if words else ""
        if "linenos" in words[1:]:
            options.append('linenums="1"')
    else:  # Hexo: {% codeblock [title] [lang:language] [url] [link text] [option:value…] %}
        words, rest = tag_words(args), []
        for w in words:
            key, _, value = w.partition(":")
            if key == "lang" and value:
                lang = value
            elif key == "first_line" and value.isdigit():
                options.append(f'linenums="{value}"')
            elif key in ("line_number", "line_threshold", "highlight", "mark", "wrap") and value:
                continue
            else:
                rest.append(w)
        url_at = next((i for i, w in enumerate(rest) if re.match(r"^https?://", w)), None)
        title = " ".join(rest[:url_at] if url_at is not None else rest)
        if url_at is not None and safe_url(rest[url_at]):
            link = f"[{md_text(' '.join(rest[url_at + 1 :]) or 'link')}]({md_url(rest[url_at])})"
        if title:
            options.append('title="{}"'.format(title.replace('"', "'")))
    lang = re.sub(r"[^\w#.+-]", "", lang)
    longest = max((len(run) for t, _ in inner for run in re.findall(r"`+", t)), default=0)
    fence = "`" * max(3, longest + 1)
    head = f"{indent}{fence}{lang}" + (" " + " ".join(options) if options else "")
    out: list[Line] = [("", line), (head, line), *inner, (f"{indent}{fence}", end_line)]
    if link:
        out += [("", end_line), (f"{indent}{link}", end_line)]
    return [*out, ("", end_line)]


def embed_link(url: str) -> str:
    """What an embedded player or page is shown as: the labelled link ``safety.embed_html`` draws.

    Written as Markdown (an autolink in a span), because Markdown would link the URL a second
    time inside raw HTML's ``<a>``; it renders to the same markup.
    """
    return f'<span class="zd-embed">{EMBED_LABEL}：<{url}></span>'


def image_md(src: str, alt: str, title: str) -> str:
    """Markdown for an image (the body transforms check and publish it)."""
    title_part = ' "{}"'.format(title.replace('"', "'")) if title else ""
    return f"![{md_text(alt)}]({md_url(src)}{title_part})"


def embed_url(name: str, words: list[str]) -> str | None:
    """The page a Hexo or Hugo embed shows, or None when its arguments name none."""
    first = words[0] if words else ""
    if name == "iframe":
        return first if ABSOLUTE_URL_RE.match(first) and safe_url(first) else None
    if not VIDEO_ID_RE.match(first):
        return None
    if name == "youtube":
        if len(words) > 1 and words[1] == "playlist":
            return f"https://www.youtube.com/playlist?list={first}"
        return f"https://www.youtube.com/watch?v={first}"
    if name == "vimeo":
        return f"https://vimeo.com/{first}"
    if name == "gist":
        return f"https://gist.github.com/{first}"
    if name == "jsfiddle":
        return f"https://jsfiddle.net/{first}/"
    return None


def quote_footer(args: str) -> str:
    """Hexo's blockquote attribution (``<footer><strong>author</strong><cite>source</cite></footer>``).

    Set off as the language of its words sets it off: 「——鲁迅，呐喊」 in Chinese, 「— David
    Levithan, Wide Awake」 in Latin text.  A link without a title shows its URL, shortened as Hexo did.
    Hexo writes the arguments into its HTML as they are, so a character reference is its character
    (``Tom &amp; Jerry``; the text is escaped again here); the link's ``href`` is the URL as a browser
    requests it (a Han host in IDNA, a Han path percent-encoded), as a bare URL's.
    """
    if not args.strip():
        return ""
    author, url, title = html.unescape(args.strip()), "", ""
    if m := _CITE_FULL_RE.match(author):
        author, url, title = m["author"], m["url"], m["title"]
    elif m := _CITE_URL_RE.match(author):
        author, url = m["author"], m["url"]
        title = re.sub(r"^https?://", "", url)
        title = title if len(title) <= 32 else title[:32] + "…"
    elif m := _CITE_SOURCE_RE.match(author):
        author, title = m["author"], m["source"]
    return fragments.render(
        "zd-dialect.html",
        "quote_footer",
        author=md_text(author),
        title=md_text(title),
        url=md_url(browser_href(url)) if url and safe_url(url) else "",
        chinese=bool(_CJK_RE.search(author + title)),
    )


#: Hugo's shortcodes that draw a note box (Hugo's own ``details``; ``notice`` of the Learn and Relearn
#: themes, ``hint`` of Book, ``alert`` of Docsy, ``admonition`` of LoveIt, FixIt and DoIt, ``expand`` of Learn
#: and Relearn).
SHORTCODE_BOXES = ("notice", "details", "hint", "alert", "admonition", "expand")
#: Docsy's alert colours and the Relearn notice's styles that are no admonition type of their own.
_BOX_TYPE_ALIASES = {
    "primary": "note",
    "secondary": "note",
    "accent": "note",
    "light": "note",
    "dark": "note",
}


def shortcode_box(name: str, args: str) -> tuple[str, str, str]:
    """A Hugo note-box shortcode's admonition marker (``!!!``, ``???``, ``???+``), type as written and title.

    Where the theme titles an untitled box by its type (LoveIt's ``admonition``, Relearn's ``notice``),
    the title is the type's word; where it draws none, none.
    """
    positional, named = shortcode_params(args)
    if name == "details":  # {{< details summary="…" open=true >}}: Hugo's default summary is "Details"
        summary = named.get("summary", positional[0] if positional else "") or DETAILS_WORD
        opened = named.get("open", "false").lower() == "true"
        return ("???+" if opened else "???"), "note", _box_title(summary)
    if name == "expand":  # {{% expand "标题" %}} (Learn), {{% expand title="…" open=true %}} (Relearn)
        title = named.get("title", positional[0] if positional else "") or DETAILS_WORD
        opened = named.get("open", "false").lower() == "true"
        return ("???+" if opened else "???"), "note", _box_title(title)
    if name == "alert":  # {{% alert title="…" color="warning" %}}
        kind = named.get("color", "primary").lower()
        return "!!!", _BOX_TYPE_ALIASES.get(kind, kind), _box_title(named.get("title", ""))
    kind = named.get("type", named.get("style", positional[0] if positional else "note")).lower()
    title = named.get("title", positional[1] if len(positional) > 1 else "")
    if name == "admonition":  # {{< admonition tip "标题" false >}}: folds, open unless told
        opened = named.get("open", positional[2] if len(positional) > 2 else "true").lower() != "false"
        return (
            ("???+" if opened else "???"),
            _BOX_TYPE_ALIASES.get(kind, kind),
            _box_title(title or type_word(kind)),
        )
    if name == "notice" and not title and kind in TITLED_NOTICE_STYLES:
        title = type_word(kind)
    return "!!!", _BOX_TYPE_ALIASES.get(kind, kind), _box_title(title)


def _box_title(title: str) -> str:
    # The admonition's title is written between double quotes.
    return title.replace('"', "'")


def tag_words(args: str) -> list[str]:
    """A Liquid tag's arguments: words and quoted strings (quotes removed)."""
    return [
        next(v for v in (m["dq"], m["sq"], m["bare"]) if v is not None) if m["key"] is None else m.group(0)
        for m in _ARG_RE.finditer(args)
    ]


def shortcode_params(args: str) -> tuple[list[str], dict[str, str]]:
    """A shortcode's positional and named (``key="value"``) arguments."""
    positional: list[str] = []
    named: dict[str, str] = {}
    for m in _ARG_RE.finditer(args):
        if m["key"] is not None:
            named[m["key"]] = next(v for v in (m["kdq"], m["ksq"], m["kbare"]) if v is not None)
        else:
            positional.append(next(v for v in (m["dq"], m["sq"], m["bare"]) if v is not None))
    return positional, named


def md_text(value: str) -> str:
    r"""``value`` as text in Markdown: HTML escaped, Markdown's own characters escaped.

    A ``|`` is a character reference: a table row ends its cell at a bare one (a title ``說明 | 文件`` linked in a
    cell split it), and ``\|`` is text only while the ``tables`` extension is on.
    """
    return _MD_SPECIAL_RE.sub(r"\\\1", escape(value, quote=False)).replace("|", "&#124;")


def html_text(value: str) -> str:
    """``value`` as text that neither Markdown nor its extensions read, in a paragraph or an HTML block.

    Character references, not backslashes: Python-Markdown leaves a backslash in an HTML block.
    """
    return _RAW_SPECIAL_RE.sub(lambda m: f"&#{ord(m[0])};", escape(value, quote=False))


def raw_html_text(part: str, *, at_start: bool) -> str:
    """A ``{% raw %}`` part as Hexo shows it: HTML, not Markdown.

    Hexo sets the part aside before Markdown runs, so a character reference is its character
    (``&#96;`` a backtick: it was shown as written, in a code span Markdown found) and the rest is
    text; its tags and comments stay tags and comments (sanitised as any).
    """
    pieces = _RAW_PART_TAG_RE.split(part)
    text = "".join(p if i % 2 else html_text(html.unescape(p)) for i, p in enumerate(pieces))
    # HTML shows a line's leading spaces as none; Markdown would read four as a code block.
    return text.lstrip(" \t") if at_start else text


def md_url(url: str) -> str:
    """``url`` as a Markdown link target (``<…>`` allows spaces)."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">"
