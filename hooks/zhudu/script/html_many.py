"""One HTML page converted into several variants, cut into pieces once (``script/convert.py``'s stage)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from zhudu.script import as_written
from zhudu.script.html_tokens import tokenize_html

if TYPE_CHECKING:
    from zhudu.script.convert import Converter

__all__ = ["html_many"]


def html_many(s: str, converters: Sequence[Converter]) -> list[str]:
    """Convert one HTML document into several variants, tokenizing it once.

    Args:
        s: HTML text.
        converters: One converter per wanted output.

    Returns:
        ``[c.html(s) for c in converters]``, byte for byte.
    """
    plain = not as_written.has_groups(s)
    if all(c.is_identity for c in converters) and "zd-conv" not in s and plain:
        return [s for _ in converters]
    tokens = tokenize_html(s)
    return [
        s if c.is_identity and not tokens.spans and plain else "".join(c.convert_pieces(tokens))
        for c in converters
    ]
