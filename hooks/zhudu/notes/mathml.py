r"""A note's TeX formula as MathML, typeset at build time and kept to an allow-list.

Browsers lay out MathML Core themselves (Chromium 109+, Firefox, Safari): no script, no font
download, no request to another host, where MathJax or KaTeX would come from a CDN or weigh
megabytes in the site.  `latex2mathml <https://pypi.org/project/latex2mathml/>`_ (pure Python)
converts the TeX; its element tree is then copied into a new one that keeps only MathML Core's
elements and presentation attributes, because the TeX is the note's, so untrusted: ``\href``,
``\style``, ``\class`` and ``\color{url(…)}`` would otherwise write a link, a style, a class or
a request into the page.  Text stays text (escaped when serialised).

A formula the library cannot convert, one with a command it does not know (it passes those
through as text), a missing argument, or one past ``MAX_TEX_CHARS`` / ``MAX_MATHML_CHARS`` raises
:class:`MathError`: the caller shows the TeX source instead (``formulas``).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Any

#: The longest TeX typeset (a page of formula); a longer one is shown as its source.  latex2mathml
#: takes about a millisecond per 100 characters, recursing once per level of braces.
MAX_TEX_CHARS = 4000
#: The largest MathML written for one formula (macros can multiply the TeX's size).
MAX_MATHML_CHARS = 100_000

#: The presentation attributes MathML Core gives every element.
_COMMON = frozenset({"mathvariant", "displaystyle", "scriptlevel", "mathsize", "mathcolor", "dir"})
_OPERATOR = frozenset(
    {"form", "fence", "separator", "lspace", "rspace", "stretchy", "symmetric", "maxsize", "minsize",
     "largeop", "movablelimits", "accent"}
)  # fmt: skip
_SIZES = frozenset({"width", "height", "depth"})
_TABLE = frozenset({"columnalign", "rowalign", "columnlines", "rowlines", "columnspacing", "rowspacing"})
#: MathML Core's elements (and ``menclose``, which latex2mathml writes for ``\\boxed``: browsers lay
#: out its content), each with the attributes it may keep besides ``_COMMON``.
ELEMENTS: dict[str, frozenset[str]] = {
    **{name: frozenset() for name in ("mrow", "mi", "mn", "mtext", "ms", "msqrt", "mroot", "mstyle",
                                      "merror", "mphantom", "msub", "msup", "msubsup", "mmultiscripts",
                                      "mprescripts", "none")},
    "mo": _OPERATOR,
    "mspace": _SIZES,
    "mpadded": _SIZES | {"lspace", "voffset"},
    "mfrac": frozenset({"linethickness"}),
    "munder": frozenset({"accentunder"}),
    "mover": frozenset({"accent"}),
    "munderover": frozenset({"accent", "accentunder"}),
    "mtable": _TABLE,
    "mtr": frozenset({"columnalign", "rowalign"}),
    "mtd": frozenset({"columnalign", "rowalign", "columnspan", "rowspan"}),
    "menclose": frozenset({"notation"}),
}  # fmt: skip
#: How many children an element needs (latex2mathml writes ``\\frac{1}`` as a one-child mfrac).
_ARITY = {"mfrac": 2, "mroot": 2, "msub": 2, "msup": 2, "munder": 2, "mover": 2, "msubsup": 3, "munderover": 3}  # fmt: skip
#: Attributes only the TeX itself writes, and the command that wrote each: never kept, and named
#: in the warning (a link, a style or a class from a note's formula is not published).
_AUTHORED = {"href": r"\href", "style": r"\style", "class": r"\class", "id": r"\cssId"}
#: What a kept attribute's value may hold: names, numbers, lengths, colours; nothing like
#: ``url(…)``, ``javascript:`` or quotes.
_VALUE_RE = re.compile(r"^[A-Za-z0-9 .%#+-]{0,80}$")
_COLOUR_RE = re.compile(r"^(?:#[0-9A-Fa-f]{3,8}|[A-Za-z]{1,30})$")
#: latex2mathml writes a symbol as a character reference in the element's text (``&#x0222B;``).
_CHAR_REF_RE = re.compile(r"&#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}));")
_TOKENS = frozenset({"mi", "mn", "mo", "mtext", "ms"})


class MathError(Exception):
    """A formula that is not typeset (the message says why, for the author)."""


def typeset(tex: str, *, block: bool) -> tuple[str, list[str]]:
    r"""The MathML of ``tex``, and the TeX commands refused on the way (``\href`` …).

    Args:
        tex: The formula's TeX, without its delimiters.
        block: A display formula (``$$…$$``, ``\[…\]``): ``display="block"``.

    Returns:
        ``<math>`` with the formula, its TeX as ``alttext``, and the commands whose links,
        styles or classes were left out (empty for most formulas).

    Raises:
        MathError: The formula is not typeset: too long, not converted, or an unknown command.
    """
    if len(tex) > MAX_TEX_CHARS:
        raise MathError(f"longer than {MAX_TEX_CHARS:,} characters")
    from latex2mathml.converter import convert_to_element  # here: a collection without math never loads it

    try:
        converted = convert_to_element(tex, display="block" if block else "inline")
    except RecursionError:
        raise MathError("nested too deeply") from None
    except Exception as error:  # the library's own errors (``MissingSuperScriptOrSubscriptError``…), its bugs
        raise MathError(str(error) or _words(type(error).__name__)) from None
    if len(converted) != 1:
        raise MathError("not converted")
    refused: list[str] = []
    formula = etree.tostring(_clean(converted[0], refused), encoding="unicode", method="html")
    # The TeX as ``alttext``, not as a ``<semantics>`` annotation: an annotation's text would be
    # read with the formula's wherever a page's text is taken (the table of contents, a heading's
    # id, search), and an attribute is not converted into the script variants (TeX is code).
    # Kept attributes' values are plain (``_VALUE_RE``); the TeX is escaped here, "<" too.
    display = ' display="block"' if block else ""
    out = f'<math{display} alttext="{html.escape(tex)}">{formula}</math>'
    if len(out) > MAX_MATHML_CHARS:
        raise MathError(f"its MathML would pass {MAX_MATHML_CHARS:,} characters")
    return out, sorted(set(refused))


def _clean(el: Any, refused: list[str]) -> etree.Element:
    """A copy of ``el`` with only the allowed elements and attributes (``refused`` gets the commands)."""
    tag = str(el.tag)
    allowed = ELEMENTS.get(tag)
    if allowed is None:
        raise MathError(f"latex2mathml wrote <{tag}>")
    out = etree.Element(tag)
    for name, value in el.attrib.items():
        if name in _AUTHORED:
            refused.append(_AUTHORED[name])
        elif name == "mathcolor" and not _COLOUR_RE.match(value):
            refused.append(r"\color")
        elif (name in allowed or name in _COMMON) and _VALUE_RE.match(value):
            out.set(name, value)
    raw = el.text or ""
    if tag in _TOKENS and raw.startswith("\\"):
        raise MathError(f"unknown command {raw[:40]}")
    out.text = _decode(raw) if raw else None
    for child in el:
        out.append(_clean(child, refused))
        if child.tail and child.tail.strip():
            raise MathError("not converted")
    if tag in _ARITY and len(out) != _ARITY[tag]:
        raise MathError(f"an argument is missing (<{tag}> needs {_ARITY[tag]})")
    return out


def _words(name: str) -> str:
    """``ExtraLeftOrMissingRightError`` as "extra left or missing right"."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name.removesuffix("Error")).lower()


def _decode(text: str) -> str:
    """``text`` with latex2mathml's character references as the characters they stand for."""
    return _CHAR_REF_RE.sub(_char, text) if "&#" in text else text


def _char(m: re.Match[str]) -> str:
    code = int(m[1], 16) if m[1] else int(m[2])
    # A printable character only: a reference to NUL, a surrogate or a C1 control stays as written.
    if code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000 or code > 0x10FFFF:
        return m[0]
    return chr(code)
