"""The build's summary lines: one line each, whatever the collection's size."""

from __future__ import annotations

#: The longest summary message the build prints, whatever the collection's size (MkDocs adds
#: "INFO    -  zhudu: " in front).
SUMMARY_LINE_LIMIT = 180


def summary_line(head: str, items: list[str]) -> str:
    """``head`` and as many of ``items`` as fit in ``SUMMARY_LINE_LIMIT`` characters, then how many more."""
    line = head
    for shown, item in enumerate(items):
        candidate = line + ("; " if shown else "") + item
        rest = len(items) - shown - 1
        tail = f"… and {rest} more (mkdocs build --verbose lists them)" if rest else ""
        if len(candidate) + len(tail) > SUMMARY_LINE_LIMIT:
            left = len(items) - shown
            return (
                line
                + (f"… and {left} more" if shown else f"{left} of them")
                + " (mkdocs build --verbose lists them)"
            )
        line = candidate
    return line
