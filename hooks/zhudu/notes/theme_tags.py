"""The boxes, folds and players of the blog themes Chinese writers use, and Hugo's escaped shortcodes.

Hexo's own tags stop at ``{% note %}``'s cousins (:mod:`zhudu.notes.dialects`); most Chinese Hexo
blogs run NexT or Butterfly, and their posts use those themes' tags: Butterfly's
``{% note blue 'fas fa-bullhorn' modern %}`` (a colour, a Font Awesome icon and a style, none of
them a title), ``{% hideToggle 标题 %}`` and Volantis's ``{% folding 参数, 标题 %}`` (folded
boxes), ``{% bilibili BV… %}``.  Hugo's LoveIt, FixIt and DoIt themes have ``{{< bilibili >}}``,
Learn and Relearn ``{{% expand %}}``.  A fold is a collapsible admonition, a player its labelled link.

Hugo writes a shortcode it should show, not run, as ``{{</* figure */>}}``: Hugo removes the
comment marks and shows ``{{< figure >}}``, in the text and in code alike (shortcodes are read
before Markdown), which is how every post about Hugo shows one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from zhudu.notes.box_names import DETAILS_WORD, NOTE_TAG_TYPES
from zhudu.notes.dialect_markdown import Line, admonition, shortcode_params, tag_words

#: Hexo tags that draw a box around lines: NexT's and Butterfly's ``note``, the folds, the tabs.
TAG_BOXES = ("note", "hideToggle", "folding", "tabs")
#: A tab's opening line: NexT's and Butterfly's ``<!-- tab 标题 [@icon] -->`` (a title may hold ``>``: ``Node >= 18``),
#: Hugo Book's ``{{< tab "标题" >}}``, Learn's and Relearn's ``{{% tab title="标题" %}}``.
_TAB_RE = re.compile(
    r"""^[ \t]*(?:<!--[ \t]*tab\b(?P<title>(?:(?!-->)[^@])*?)(?:@.*?)?[ \t]*-->
      | \{\{[<%][ \t]*tab\b(?P<args>(?:[^\n>%]|[>%](?!\}\}))*?)[ \t]*[>%]\}\})[ \t]*$""",
    re.VERBOSE,
)
_TAB_END_RE = re.compile(
    r"^[ \t]*(?:<!--[ \t]*endtab[ \t]*-->|\{\{[<%][ \t]*/[ \t]*tab[ \t]*[>%]\}\})[ \t]*$"
)
#: An untitled tab's name (Hexo names it by the tabs' name and its number).
TAB_WORD = "标签页"
#: ``{{</* name args */>}}`` and ``{{%/* name */%}}``: a shortcode shown as written.
ESCAPED_SHORTCODE_RE = re.compile(r"\{\{(?P<open>[<%])[ \t]*/\*(?P<inside>.*?)\*/[ \t]*(?P<close>[>%])\}\}")
#: A bilibili video: ``BV`` and ten letters, or an ``av`` number (bare or with ``av``).
_BILIBILI_RE = re.compile(r"^(?:BV[0-9A-Za-z]{10}|(?:av)?\d{1,12})$")
#: Butterfly's colours, as the admonition types they look like.
_COLOUR_TYPES = {"blue": "info", "green": "success", "red": "danger", "orange": "warning"}
#: Words of a ``note`` tag that style it (NexT's ``no-icon``, Butterfly's styles): no title.
_NOTE_STYLE_WORDS = frozenset({"no-icon", "simple", "modern", "flat", "disabled"})
#: A Font Awesome (or iconfont) class list: ``fas fa-bullhorn``, ``fa-solid fa-flag``.
_ICON_RE = re.compile(r"^(?:(?:fa[srlbdt]?|fa-[\w-]+|iconfont|icon-[\w-]+)(?:\s+|$))+$")


def unescape_shortcodes(text: str) -> str:
    """``{{</* figure */>}}`` as Hugo shows it: ``{{< figure >}}``."""
    if "/*" not in text:
        return text
    return ESCAPED_SHORTCODE_RE.sub(lambda m: "{{" + m["open"] + m["inside"] + m["close"] + "}}", text)


def unescape_code(lines: Sequence[Line]) -> list[Line]:
    """Code lines with Hugo's escaped shortcodes shown as Hugo shows them (it reads code too)."""
    return [(unescape_shortcodes(text), n) for text, n in lines]


def tag_box(name: str, args: str) -> tuple[str, str, str]:
    """A theme's box tag as an admonition's marker (``!!!``, ``???``, ``???+``), type and title."""
    if name == "hideToggle":  # Butterfly: {% hideToggle 标题[,背景色,文字色] %}
        return "???", "note", _title(args.split(",")[0]) or DETAILS_WORD
    if name == "folding":  # Volantis: {% folding [颜色 open], 标题 %}; Stellar: {% folding 标题 open:true %}
        options, _, title = args.rpartition(",") if "," in args else ("", "", args)
        words = tag_words(title)
        opened = "open" in tag_words(options) or "open:true" in words
        title = " ".join(w for w in words if ":" not in w)
        return ("???+" if opened else "???"), "note", _title(title) or DETAILS_WORD
    words = tag_words(args)  # note: {% note [class|colour] [icon] [no-icon] [style] [summary] %}
    written = words[0].lower() if words else ""
    kind = NOTE_TAG_TYPES.get(written) or _COLOUR_TYPES.get(written, "note")
    rest = [w for w in words[1:] if w not in _NOTE_STYLE_WORDS and not _ICON_RE.match(w)]
    return "!!!", kind, _title(" ".join(rest))


def theme_box(
    indent: str,
    name: str,
    args: str,
    inner: Sequence[Line],
    line: int,
    blocks: Callable[[Sequence[Line]], list[Line]],
) -> list[Line]:
    """A theme's box, fold or tabs around ``inner`` (rewritten by ``blocks``); each tab a titled box.

    A reader sees every tab's text at once, under its title, in the order written (what the tabs hold
    is searched and converted as any text; none is hidden behind a control this site has not).
    """
    if name != "tabs":
        marker, kind, title = tag_box(name, args)
        return admonition(indent, marker, kind, title, blocks(inner), line)
    out: list[Line] = []
    i = 0
    while i < len(inner):
        if not (m := _TAB_RE.match(inner[i][0])):
            out += blocks([inner[i]])
            i += 1
            continue
        end = next((j for j in range(i + 1, len(inner)) if _TAB_END_RE.match(inner[j][0])), len(inner))
        positional, named = shortcode_params(m["args"] or "")
        title = (
            (m["title"] or "").strip()
            or named.get("title")
            or named.get("name")
            or next(iter(positional), "")
        )
        number = sum(1 for t, _ in inner[: i + 1] if _TAB_RE.match(t))
        box = admonition(
            indent,
            "!!!",
            "note",
            _title(title) or f"{TAB_WORD} {number}",
            blocks(inner[i + 1 : end]),
            inner[i][1],
        )
        out += box
        i = end + 1
    return out


def bilibili_url(words: Sequence[str], named: dict[str, str] | None = None) -> str | None:
    """The bilibili page of ``{% bilibili BV… %}`` / ``{{< bilibili BV… [p] >}}``, or None."""
    named = named or {}
    video = named.get("id", words[0] if words else "")
    if not _BILIBILI_RE.match(video):
        return None
    page = named.get("p", words[1] if len(words) > 1 else "")
    video = video if video.startswith(("BV", "av")) else f"av{video}"
    return f"https://www.bilibili.com/video/{video}/" + (f"?p={page}" if page.isdigit() else "")


def _title(title: str) -> str:
    # The admonition's title is written between double quotes.
    return title.strip().replace('"', "'")
