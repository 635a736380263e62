"""Highlighted code without the token spans no style colours, one class per colour.

Pygments wraps every token of a code block in ``<span class="…">``, whitespace (``w``) and
JavaScript's plain names (``nx``) included; Material's stylesheet colours only some of the token
classes, so the rest are markup that changes nothing on the screen.  On the Hexo documentation
they were about 1.6 KiB of each note page (``bench/bench_size.py``), in all three variants.  This
postprocessor unwraps those spans inside highlighted code, leaving their text; every class
Material colours keeps its span, so the page looks the same.  (``pymdownx.highlight`` has no
option for it: the spans come from Pygments' HTML formatter, which wraps every token type but
plain text.)

Material paints several token classes alike (``kd``, ``kn`` and ``nt`` in the keyword colour, ``s1``
and ``s2`` as strings): each is written as one class of its colour (``SAME_COLOUR``), and adjacent
spans of one colour, with only whitespace between, become one span (``);`` is one ``p`` span, not
two): on the Hexo documentation 7 % fewer token spans (about 15 KB of each variant), and the same
colours on the screen.  Each colour's span is then written as a short element of its own
(``COLOUR_ELEMENTS``).  A token type Pygments has no short name for (YAML's ``l l-Scalar
l-Scalar-Plain``) is read as its first class, the one Material colours; the empty ``<span></span>``
Pygments opens each block with goes.
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
#: Each token class Material paints with nothing but a colour → the one class written for that
#: colour (the same ``color: var(--md-code-hl-…)`` declaration in its CSS; ``tests/test_size.py``
#: checks the table against the stylesheet).  Classes painted otherwise (``gd``, ``gi``: a
#: background; ``hll``: a block) keep their own and are never merged.
SAME_COLOUR = {
    **dict.fromkeys(("o", "ow"), "o"),  # operator
    "p": "p",  # punctuation
    **dict.fromkeys(("s", "s1", "s2", "sb", "sc", "si", "ss", "l", "cpf"), "s"),  # string
    **dict.fromkeys(("se", "sh", "sr", "sx", "cp"), "se"),  # special
    **dict.fromkeys(("m", "mb", "mf", "mh", "mi", "mo", "il"), "m"),  # number
    **dict.fromkeys(("k", "kd", "kn", "kp", "kr", "kt", "nd", "ni", "nl", "nt"), "k"),  # keyword
    **dict.fromkeys(("n", "kc"), "n"),  # name
    **dict.fromkeys(("nb", "bp", "no"), "nb"),  # constant
    **dict.fromkeys(("nf", "nc", "ne", "nn"), "nf"),  # function
    # Comments as "c": Material's code annotations look for ".c, .c1, .cm".
    **dict.fromkeys(("c", "c1", "ch", "cm", "cs", "sd"), "c"),  # comment
    **dict.fromkeys(("nv", "na", "vc", "vg", "vi"), "nv"),  # variable
    **dict.fromkeys(("ge", "gh", "go", "gp", "gr", "gs", "gt", "gu"), "ge"),  # generic
}
#: Highlighted code: a block (``<div class="highlight"><pre>…</pre>``) or an inline span
#: (``<code class="highlight">`` of ``pymdownx.inlinehilite``).
_HIGHLIGHTED_RE = re.compile(
    r"""<div\ class="(?:[^"]*\ )?highlight(?:\ [^"]*)?"[^>]*>.*?</pre>
      | <code\ class="(?:[^"]*\ )?highlight(?:\ [^"]*)?"[^>]*>.*?</code>""",
    re.VERBOSE | re.DOTALL,
)
#: A tag as Pygments and pymdownx.highlight write it: a known name, every attribute value quoted.
_PYGMENTS_TAG_RE = re.compile(r'</?(?:span|code|pre|div|a|table|tbody|tr|td|th)(?:\s+[a-z-]+="[^"<>]*")*\s*>')
#: A token span (Pygments' short class names) around text only.  A token type Pygments has no short
#: name for is written with its ancestors' classes, its standard one first (YAML's plain scalar:
#: ``l l-Scalar l-Scalar-Plain``, about 36 KB of the Hexo documentation): Material colours only the
#: first (no stylesheet names the longer ones), so it is read as that class.
_TOKEN_SPAN_RE = re.compile(
    r'<span class="(?P<cls>[a-z][a-z0-9]{0,3})(?: (?P=cls)-[A-Za-z0-9-]+)*">(?P<text>[^<]*)</span>'
)
#: Two or more spans of one colour class in a row, with only whitespace between them.
_COLOUR_CLASS = "|".join(sorted(set(SAME_COLOUR.values())))
_SAME_COLOUR_RUN_RE = re.compile(
    rf'<span class="(?P<cls>{_COLOUR_CLASS})">[^<]*</span>(?:\s*<span class="(?P=cls)">[^<]*</span>)+'
)
_SPAN_TAG_RE = re.compile(r'<span class="[a-z0-9]+">|</span>')
#: A colour class → the element written for it: ``<z-p>)</z-p>`` is 11 bytes of markup where
#: ``<span class="p">)</span>`` is 23 (about 1 KB of a Hexo documentation page), painted by
#: ``assets/zhudu/zhudu.css`` with Material's colour for the class (``tests/test_size.py`` checks
#: them against Material's stylesheet).  An unknown element with a hyphen is a valid custom
#: element, read and announced as a span is.  Comments stay spans: Material's code annotations
#: (``content.code.annotate``) look for ``.c``.
COLOUR_ELEMENTS = {cls: f"z-{cls}" for cls in set(SAME_COLOUR.values()) - {"c"}}
_ELEMENT_SPAN_RE = re.compile(
    rf'<span class="(?P<cls>{"|".join(sorted(COLOUR_ELEMENTS))})">(?P<text>[^<]*)</span>'
)


def unwrap_unstyled(html: str) -> str:
    """``html``'s highlighted code with fewer token spans.

    Unstyled spans unwrapped (text kept), the others written with their colour's class, runs of
    one colour merged.
    """
    if "highlight" not in html:
        return html

    def token(m: re.Match[str]) -> str:
        if m["cls"] not in STYLED_CLASSES:
            return m["text"]
        if m["cls"] not in SAME_COLOUR:
            return m.group(0)
        return f'<span class="{SAME_COLOUR[m["cls"]]}">{m["text"]}</span>'

    def merge(run: re.Match[str]) -> str:
        # Whitespace painted in the run's colour looks as it did outside the spans.
        return f'<span class="{run["cls"]}">{_SPAN_TAG_RE.sub("", run.group(0))}</span>'

    def element(m: re.Match[str]) -> str:
        return f"<{COLOUR_ELEMENTS[m['cls']]}>{m['text']}</{COLOUR_ELEMENTS[m['cls']]}>"

    def unwrap(block: re.Match[str]) -> str:
        code = block.group(0)
        # The raw HTML of a note can pose as highlighted code; a span unwrapped inside an author's
        # tag (``<img alt=<span class="w">x onerror=…</span>``) would reopen it.  Pygments escapes
        # every < and > of the code, so a block with any other tag is not Pygments' and stays as is.
        if "<" in _PYGMENTS_TAG_RE.sub("", code) or ">" in _PYGMENTS_TAG_RE.sub("", code):
            return code
        code = _ELEMENT_SPAN_RE.sub(element, _SAME_COLOUR_RUN_RE.sub(merge, _TOKEN_SPAN_RE.sub(token, code)))
        # Pygments opens every block with an empty span so that a parser keeps a leading empty line
        # (one line break right after <pre> is dropped); <code> follows it here and keeps it anyway.
        return code.replace("<pre><span></span><code>", "<pre><code>", 1)

    return _HIGHLIGHTED_RE.sub(unwrap, html)


class _UnwrapUnstyled(Postprocessor):
    def run(self, text: str) -> str:
        return unwrap_unstyled(text)


class CodeSpansExtension(Extension):
    """Registers the postprocessor after ``raw_html`` (30), which puts the highlighted code back."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.postprocessors.register(_UnwrapUnstyled(md), "zd-code-spans", 25)
