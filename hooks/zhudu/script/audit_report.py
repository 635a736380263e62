"""The audit's report lines: every place (``--all``), or the risky ones grouped and ranked; a note it cannot read."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from zhudu.errors import NoteError
from zhudu.notes.front_matter import note_parts
from zhudu.notes.limits import Limits

if TYPE_CHECKING:
    from zhudu.script.audit import AuditEntry

__all__ = ["RISK_LABELS", "Tally", "format_entry", "ranked_lines"]


@dataclass(frozen=True)
class Tally:
    """The audit's count of places: each is covered by a rule, left to OpenCC as reliable, or to review.

    ``to_review`` is what the editor is asked to look at: the listed places (ranked: the risky ones;
    ``--all``: every place no rule covers, none hidden), so it reaches 0 once each is accepted or fixed.
    """

    places: int = 0
    reviewed: int = 0
    reliable: int = 0
    to_review: int = 0

    @classmethod
    def of(cls, entries: Sequence[AuditEntry], *, every_place: bool) -> Tally:
        reviewed = sum(e.reviewed for e in entries)
        to_review = sum(not e.reviewed and (every_place or bool(e.risk)) for e in entries)
        return cls(len(entries), reviewed, len(entries) - reviewed - to_review, to_review)

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    def __str__(self) -> str:
        reliable = f"{self.reliable} hidden (OpenCC reliable), " if self.reliable else ""
        return f"{self.places} places: {self.reviewed} covered by rules, {reliable}{self.to_review} to review"


def format_entry(entry: AuditEntry) -> str:
    """Format one place as a report line."""
    mark = "ok " if entry.reviewed else "?? "
    if entry.kind == "char":
        what = f"{entry.text}→{entry.opencc} [{entry.candidates}]"
    else:
        what = f"{entry.text}→{entry.opencc}"
    where = f"{entry.line}:{entry.column}"
    context = f"…{entry.before}【{entry.text}】{entry.after}…"
    tail = f"  ({entry.reviewed_by})" if entry.reviewed else ""
    return f"  {mark}{where:>7}  {entry.kind:<6} {what:<16} {context}{tail}"


RISK_LABELS = {1: "high", 2: "mid ", 3: "low "}


def ranked_lines(entries: Sequence[AuditEntry], limit: int) -> tuple[list[str], int]:
    """The report lines of the places worth an editor's look, riskiest first.

    Places not reviewed with a risk are grouped by (word, OpenCC's output): one line each, at the
    riskiest place, with the variants (TW, HK) and the count; the fix shown is that variant's.  Returns the first ``limit`` lines and how many there were.
    """
    groups: dict[tuple[str, str, str], list[AuditEntry]] = {}
    for e in entries:
        if not e.reviewed and e.risk:
            groups.setdefault((e.kind, e.text, e.opencc), []).append(e)
    ordered = sorted(groups.values(), key=lambda g: (min(e.risk for e in g), g[0].line, g[0].column))
    lines = []
    for group in ordered[:limit]:
        e = min(group, key=lambda e: (e.risk, e.line, e.column))
        variants = ",".join(sorted({x.variant.rsplit("-", 1)[-1] for x in group}, reverse=True))
        places = len({(x.line, x.column) for x in group})
        count = f" ×{places}" if places > 1 else ""
        where = f"{e.line}:{e.column}"
        # The same fix in every variant listed: one rule for all of them (zh-Hant covers TW and HK).
        shared = {x.fix.replace(x.variant, "zh-Hant") for x in group}
        fix = shared.pop() if len(variants) > 2 and len(shared) == 1 else e.fix
        lines.append(
            f"  {RISK_LABELS[e.risk]} {variants:<5} {where:>7}  {e.text}→{e.opencc}{count}  {e.reason}"
            f"  「{e.sentence}」  fix: {fix}"
        )
    return lines, len(ordered)


def note_body(path: Path) -> tuple[str, int] | None:
    """The note's text after its front matter and the line it starts on, or None after a one-line error.

    A note the build cannot read (not UTF-8, empty, invalid YAML or TOML front matter, front matter
    without text) is named with the build's own message: its page shows that error, not the text.
    """
    try:
        if (size := path.stat().st_size) > Limits.note_kib * 1024:  # unread: minutes of OpenCC for nothing
            why = (
                f" {size // 1024:,} KiB, over a note's limit of {Limits.note_kib:,} KiB"
                " (extra.zhudu.limits.note_kib): the build does not convert it either; split it into notes"
            )
        else:
            _, _, body, first_line, _ = note_parts(path.read_bytes(), str(path))
            return body, first_line
    except NoteError as exc:  # the build's own message (the byte, GBK or not, the command; the YAML line)
        why = f"{exc.line}: {exc.message}"
    except IsADirectoryError:
        why = " is a folder; give its notes (folder/*.md)"
    except FileNotFoundError:
        why = " no such file; check the path (relative to the folder you run the command in)"
    except OSError as exc:
        why = f" cannot read it ({exc.strerror})"
    print(f"error: {path}:{why}", file=sys.stderr)
    return None
