"""Highlighted code without the token spans no style colours.

Pygments wraps every token of a code block in ``<span class="…">``, whitespace (``w``) and
JavaScript's plain names (``nx``) included; Material's stylesheet colours only some of the token
classes, so the rest are markup that changes nothing on the screen.  On the Hexo documentation
they were about 1.6 KiB of each note page (``bench/bench_size.py``), in all three variants.  This
postprocessor unwraps those spans inside highlighted code, leaving their text; every class
Material colours keeps its span, so the page looks the same.  (``pymdownx.highlight`` has no
option for it: the spans come from Pygments' HTML formatter, which wraps every token type but
plain text.)
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

# --------------------------------------------------------------------------- Data

#: The token classes Material for MkDocs 9.8.1 colours (``.highlight .<class>`` in its main CSS).
STYLED_CLASSES = frozenset({
    "bp", "c", "c1", "ch", "cm", "cp", "cpf", "cs", "gd", "ge", "gh", "gi", "go", "gp", "gr", "gs",
    "gt", "gu", "hll", "il", "k", "kc", "kd", "kn", "kp", "kr", "kt", "l", "m", "mb", "mf", "mh",
    "mi", "mo", "n", "na", "nb", "nc", "nd", "ne", "nf", "ni", "nl", "nn", "no", "nt", "nv", "o",
    "ow", "p", "s", "s1", "s2", "sb", "sc", "sd", "se", "sh", "si", "sr", "ss", "sx", "vc", "vg",
    "vi",
})  # fmt: skip
#: Highlighted code: a block (``<div class="highlight"><pre>…</pre>``) or an inline span
#: (``<code class="highlight">`` of ``pymdownx.inlinehilite``).
_HIGHLIGHTED_RE = re.compile(
    r"""<div\ class="(?:[^"]*\ )?highlight(?:\ [^"]*)?"[^>]*>.*?</pre>
      | <code\ class="(?:[^"]*\ )?highlight(?:\ [^"]*)?"[^>]*>.*?</code>""",
    re.VERBOSE | re.DOTALL,
)
#: A tag as Pygments and pymdownx.highlight write it: a known name, every attribute value quoted.
_PYGMENTS_TAG_RE = re.compile(r'</?(?:span|code|pre|div|a|table|tbody|tr|td|th)(?:\s+[a-z-]+="[^"<>]*")*\s*>')
#: A token span (Pygments' short class names) around text only.
_TOKEN_SPAN_RE = re.compile(r'<span class="(?P<cls>[a-z][a-z0-9]{0,3})">(?P<text>[^<]*)</span>')


def unwrap_unstyled(html: str) -> str:
    """``html`` with the unstyled token spans of its highlighted code unwrapped (text kept)."""
    if "highlight" not in html:
        return html

    def token(m: re.Match[str]) -> str:
        return m.group(0) if m["cls"] in STYLED_CLASSES else m["text"]

    def unwrap(block: re.Match[str]) -> str:
        code = block.group(0)
        # The raw HTML of a note can pose as highlighted code; a span unwrapped inside an author's
        # tag (``<img alt=<span class="w">x onerror=…</span>``) would reopen it.  Pygments escapes
        # every < and > of the code, so a block with any other tag is not Pygments' and stays as is.
        if "<" in _PYGMENTS_TAG_RE.sub("", code) or ">" in _PYGMENTS_TAG_RE.sub("", code):
            return code
        return _TOKEN_SPAN_RE.sub(token, code)

    return _HIGHLIGHTED_RE.sub(unwrap, html)


class _UnwrapUnstyled(Postprocessor):
    def run(self, text: str) -> str:
        return unwrap_unstyled(text)


class CodeSpansExtension(Extension):
    """Registers the postprocessor after ``raw_html`` (30), which puts the highlighted code back."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.postprocessors.register(_UnwrapUnstyled(md), "zd-code-spans", 25)
