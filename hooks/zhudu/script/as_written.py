"""A Traditional note's own words kept on its Traditional pages, where the from-hant rules rewrote them.

Every page is rendered once in the default (Simplified) script, and each Traditional variant converts
that page: a note written in Traditional reaches its Taiwan and Hong Kong pages through Simplified.
Where a from-hant rule of the regional layer rewrote a word for Simplified readers (支援 → 支持,
臭氧產生器's 產生器 → 生成器, 非同步 → 异步), converting back could not find the author's word, and
the Taiwan page showed 政府支持 NGO for the author's 政府支援 NGO.  So, when a Traditional note's HTML
is folded into Simplified, each such word is written as a ``span.zd-conv`` (the authors' own ``-{…}-``
rule) whose Traditional variants' values are the author's word, in each variant's characters
(``t2tw``, ``t2hk``: character conversion only): the Simplified page shows the rule's word, the
Traditional pages the author's.

While a piece of HTML is converted, a rewritten place is a *group* of three noncharacters around the
output and the author's word (never in text, never seen by OpenCC: groups sit inside placeholders);
:func:`resolve` turns each into the span in text, and into the output alone in an attribute value
(``title``, ``alt``), where no element can go.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from zhudu import fragments
from zhudu.script.variant_configs import Variant, opencc_converter

__all__ = ["group", "has_groups", "resolve"]

_OPEN, _SEP, _CLOSE = "\ufdd0", "\ufdd1", "\ufdd2"
_GROUP_RE = re.compile(f"{_OPEN}([^{_OPEN}-{_CLOSE}]*){_SEP}([^{_OPEN}-{_CLOSE}]*){_CLOSE}")


def group(out: str, written: str) -> str:
    """``out`` (the rule's output, HTML as it will be written) with the author's ``written`` word."""
    return f"{_OPEN}{out}{_SEP}{written}{_CLOSE}"


def has_groups(piece: str) -> bool:
    """Whether a converted piece holds a rewritten place still to resolve."""
    return _OPEN in piece


def resolve(piece: str, in_text: bool, variants: Sequence[Variant]) -> str:
    """``piece`` with its groups resolved: in text, spans giving ``variants`` the author's word; else the output."""
    if not in_text:
        return _GROUP_RE.sub(r"\1", piece)

    def span(m: re.Match[str]) -> str:
        written = m[2]
        values = ";".join(f"{v.code}:{_in_characters_of(v, written)}" for v in variants)
        return fragments.render("zd-script.html", "as_written", shown=m[1], values=values)

    return _GROUP_RE.sub(span, piece)


def _in_characters_of(variant: Variant, written: str) -> str:
    """The author's Traditional ``written`` in ``variant``'s characters (its ``opencc_from_hant``, as a note in it)."""
    config = variant.opencc_from_hant
    return opencc_converter(config).convert(written) if config else written
