"""Tags that enclose lines (``{% note %}`` … ``{% endnote %}``, ``{{< notice >}}`` … ``{{< /notice >}}``) and their ends.

A box or a quote may hold another of its kind: Hexo's tags are read by Nunjucks, Hugo's shortcodes
by Hugo's template parser, and both pair each end with the latest open tag of its name.  So the end
of such a tag is found by counting the same tags opened inside it; a tag in a fenced code block
inside it is code (Hexo reads closed fences before its tags; Hugo shows a fence's text as written).  Code
tags (``codeblock``, ``highlight`` …) and Liquid's ``comment`` hold text, not tags: their first end
closes them.  :func:`enclosed` writes such a tag and its lines as the site's Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from zhudu.notes.box_names import CALLOUT_TYPES, NOTE_TAG_TYPES
from zhudu.notes.dialect_markdown import (
    SHORTCODE_BOXES,
    Line,
    admonition,
    closed_fence_end,
    code_block,
    quote_footer,
    shortcode_box,
    tag_words,
)
from zhudu.notes.theme_tags import TAG_BOXES, theme_box

#: A block tag alone on its line: ``{% codeblock lang:js %}``, ``{{< highlight go >}}``.
BLOCK_TAG_RE = re.compile(
    r"""^(?P<indent>[ \t]*)
        (?:\{%-?[ \t]*(?P<tag>codeblock|code|highlight|blockquote|quote|pullquote|"""
    + "|".join(TAG_BOXES)
    + r"""|comment)\b
           (?P<args>(?:[^%\n]|%(?!\}))*?)[ \t]*-?%\}
         | \{\{[<%][ \t]*(?P<shortcode>highlight|tabs|"""
    + "|".join(SHORTCODE_BOXES)
    + r""")\b
           (?P<sargs>(?:[^\n>%]|[>%](?!\}\}))*?)[ \t]*[>%]\}\})
        [ \t]*$""",
    re.VERBOSE,
)
_END_TAG_RE = {
    name: re.compile(rf"^[ \t]*\{{%-?[ \t]*end{name}[ \t]*-?%\}}[ \t]*$")
    for name in ("codeblock", "code", "highlight", "blockquote", "quote", "pullquote", *TAG_BOXES, "comment")
}
_END_SHORTCODE_RE = {
    name: re.compile(rf"^[ \t]*\{{\{{[<%][ \t]*/[ \t]*{name}[ \t]*[>%]\}}\}}[ \t]*$")
    for name in ("highlight", "tabs", *SHORTCODE_BOXES)
}
#: The tags whose inside is Markdown, so may hold another of the same name.
NESTING = frozenset({"blockquote", "quote", "pullquote", *TAG_BOXES, *SHORTCODE_BOXES})
#: The end of any of them (``limits`` counts how deep they nest: each level is a call deeper).
NESTING_END_RE = re.compile(
    rf"^[ \t]*(?:\{{%-?[ \t]*end(?:blockquote|quote|pullquote|{'|'.join(TAG_BOXES)})[ \t]*-?%\}}"
    rf"|\{{\{{[<%][ \t]*/[ \t]*(?:tabs|{'|'.join(SHORTCODE_BOXES)})[ \t]*[>%]\}}\}})[ \t]*$"
)
#: A fenced code block's opening line (any indentation: a fence in a list item is code too).
FENCE_RE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")


def end_name(m: re.Match[str]) -> str:
    """The end an opened tag needs, as the author would write it (``endnote``, ``{{< /notice >}}``)."""
    name = m["tag"] or m["shortcode"]
    return "end" + name if m["tag"] else "{{< /" + name + " >}}"


def closing_line(lines: Sequence[Line], start: int, m: re.Match[str]) -> int | None:
    """The index of the line that closes the tag ``m`` opened at ``start``, or None when none does."""
    name = m["tag"] or m["shortcode"]
    ends = _END_TAG_RE[name] if m["tag"] else _END_SHORTCODE_RE[name]
    nests = name in NESTING
    depth = 0
    j = start + 1
    while j < len(lines):
        text = lines[j][0]
        if (
            nests
            and (fence := FENCE_RE.match(text))
            and (closer := closed_fence_end(lines, j, fence["fence"]))
        ):
            j = closer + 1
            continue
        if ends.match(text):
            if depth == 0:
                return j
            depth -= 1
        elif nests and (inner := BLOCK_TAG_RE.match(text)) and (inner["tag"] or inner["shortcode"]) == name:
            depth += 1
        j += 1
    return None


def enclosed(
    m: re.Match[str],
    inner: Sequence[Line],
    line: int,
    end_line: int,
    blocks: Callable[[Sequence[Line]], list[Line]],
    code: Callable[[Sequence[Line]], list[Line]],
    *,
    placed: bool = False,
) -> list[Line]:
    """The Markdown of a tag that encloses lines: code, a quote, a Hexo note, a Liquid comment.

    ``m``: the tag (:data:`BLOCK_TAG_RE`); ``inner``: the lines between it and its end (``end_line``);
    ``blocks`` rewrites lines holding Markdown, ``code`` shows code (the dialects' writer);
    ``placed``: indented by ``box_places`` (in a list item or a box), so not by the tag's own indent.
    """
    indent, name = "" if placed else m["indent"], m["tag"] or m["shortcode"]
    args = (m["args"] if m["tag"] else m["sargs"]) or ""
    if name == "comment":
        # A Liquid comment is the author's, never shown by Jekyll: it stays out of the page.
        return [("", n) for _, n in inner]
    if m["shortcode"] and name in SHORTCODE_BOXES:
        # A Hugo theme's note box (notice, details, hint, alert, admonition): an admonition.
        marker, written, title = shortcode_box(name, args)
        kind = CALLOUT_TYPES.get(written) or NOTE_TAG_TYPES.get(written) or "note"
        return admonition(indent, marker, kind, title, blocks(inner), line)
    if name in ("codeblock", "code", "highlight"):
        return code_block(indent, name, args, code(inner), line, end_line, hugo=not m["tag"])
    if name in TAG_BOXES:  # NexT's and Butterfly's note, the themes' folds and tabs
        return theme_box(indent, name, args, inner, line, blocks)
    # blockquote, quote, pullquote: an HTML block, because two ">" quotes one blank line apart
    # would be read as one quote.
    kind = "zd-pullquote" if name == "pullquote" else "zd-quote"
    out: list[Line] = [
        ("", line),
        (f'{indent}<blockquote class="{kind}" markdown="1">', line),
        ("", line),
    ]
    out += blocks(inner)
    if name != "pullquote" and (footer := quote_footer(" ".join(tag_words(args)))):
        out += [("", end_line), (f"{indent}{footer}", end_line)]
    return [*out, ("", end_line), (f"{indent}</blockquote>", end_line), ("", end_line)]
