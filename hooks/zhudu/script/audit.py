"""Conversion audit: where did OpenCC make a choice an editor should check?

For each note and each Traditional variant the audit lists

* every occurrence of a **one-to-many character**: a Simplified character
  with more than one Traditional candidate (后 -> 後/后, 发 -> 發/髮,
  谷 -> 谷/穀 ...), where OpenCC had to pick one; and
* every **regional phrase replacement**: a place where the variant's phrase
  config (s2twp, s2hkp) differs from its character-only config (s2tw, s2hk),
  i.e. where a Taiwan/Hong Kong vocabulary swap happened (数据 -> 資料).

Each place is *reviewed* when a phrase rule or protected term of
``docs/editorial/conversion.yml`` covers it, when an accepted term does, or
when a rule of the default regional layer (``data/regional.yml``) decides it.

By default it prints only the places worth an editor's look, riskiest first, at most 20 lines a
note, each with its sentence and the rule that would fix it (:mod:`zhudu.audit_risk`); ``--all``
lists every place.  Run in the folder of mkdocs.yml (its ``conversion.yml`` is read; ``-f path/mkdocs.yml``
for another project's)::

    python -m zhudu audit seeds/*.md [--all | --only-unreviewed] [--variant zh-Hant-TW]

The module depends only on :mod:`zhudu.script`, :mod:`zhudu.regional` and
:mod:`zhudu.audit_risk`; the command reads a note as the build does (``notes.front_matter.note_parts``),
so a note the build cannot read is an error here too, with the build's message.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import opencc

from zhudu.script.audit_report import Tally, format_entry, note_body, ranked_lines
from zhudu.script.audit_risk import RiskJudge, sentence_around, word_bounds
from zhudu.script.domain import text_domain
from zhudu.script.editor_rules import ConversionRules, ScriptDataError, load_rules
from zhudu.script.one_to_many import ONE_TO_MANY, derive_one_to_many
from zhudu.script.protected_spans import matcher_for
from zhudu.script.regional import RegionalRules, default_regional
from zhudu.script.variant_configs import DEFAULT_VARIANTS, Variant, detect_script, opencc_converter

__all__ = [
    "CONTEXT",
    "ONE_TO_MANY",
    "AuditEntry",
    "audit",
    "derive_one_to_many",
    "main",
    "split_front_matter",
]

CONTEXT = 12
"""Characters of context shown on each side of a place."""


@dataclass(frozen=True)
class AuditEntry:
    """One place where OpenCC made a choice.

    Attributes:
        source: Label of the note (its path).
        variant: Variant code.
        line: 1-based line number in the note file.
        column: 1-based column of the place in that line.
        kind: ``"char"`` (one-to-many character) or ``"phrase"``
            (regional phrase replacement).
        text: The place as written (Simplified).
        opencc: What OpenCC alone makes of it.
        candidates: For ``char``, all Traditional candidates; else empty.
        before: Up to :data:`CONTEXT` characters before, on the same line.
        after: Up to :data:`CONTEXT` characters after, on the same line.
        reviewed: Covered by a phrase rule, a protected term, an accepted term or a rule of the
            default regional layer.
        reviewed_by: Which one (e.g. ``"rule 支持项目 → 支持計畫"``, ``"layer 参数 → 參數"``), or empty.
        risk: For a place not reviewed: 1 high, 2 medium, 3 low, 0 hidden (OpenCC reliable); see
            :mod:`zhudu.audit_risk`.
        reason: Why it is risky.
        fix: The rule of ``conversion.yml`` that would fix it.
        sentence: The clause it is in, the place marked 【】.
    """

    source: str
    variant: str
    line: int
    column: int
    kind: str
    text: str
    opencc: str
    candidates: str
    before: str
    after: str
    reviewed: bool
    reviewed_by: str
    risk: int = 0
    reason: str = ""
    fix: str = ""
    sentence: str = ""


_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(?:.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)

# Markdown that the site never converts: fenced code, code spans, link and
# image destinations, inline HTML tags, and authors' -{…}- rules.
_FENCE_RE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
_MASK_RE = re.compile(
    r"""
      (?P<code> (?P<ticks>`+) .+? (?P=ticks) )
    | (?P<dest> \]\( [^)]* \) )
    | (?P<rule> -\{ .+? \}- )
    | (?P<tag>  </?[A-Za-z][^>]*> )
    | (?P<auto> <(?:https?|ftp|mailto):[^>]*> )
    """,
    re.VERBOSE,
)


def split_front_matter(text: str) -> tuple[str, int]:
    """Strip a leading ``---`` YAML block.

    Args:
        text: The whole note.

    Returns:
        ``(body, first_line)`` where ``first_line`` is the 1-based line
        number of the body's first line in ``text``.
    """
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return text, 1
    return text[m.end() :], m.group().count("\n") + 1


def _segments(body: str) -> Iterator[tuple[int, str, int, str]]:
    """Yield ``(line index, line, column offset, segment)`` of convertible text."""
    fence: str | None = None
    for index, line in enumerate(body.splitlines()):
        m = _FENCE_RE.match(line)
        if fence is not None:
            if m and m.group("fence")[0] == fence[0] and len(m.group("fence")) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group("fence")
            continue
        pos = 0
        for mask in _MASK_RE.finditer(line):
            if mask.start() > pos:
                yield index, line, pos, line[pos : mask.start()]
            pos = mask.end()
        if pos < len(line):
            yield index, line, pos, line[pos:]


def _base_config(config: str) -> str | None:
    """Return the character-only config of a phrase config (s2twp -> s2tw)."""
    if config.endswith("p") and config[:-1] + ".json" in opencc.CONFIGS:
        return config[:-1]
    return None


def _position_map(a: str, b: str) -> tuple[list[tuple[str, int, int, int, int]], bool]:
    """Return diff opcodes from ``a`` to ``b`` and whether they are aligned 1:1."""
    if len(a) == len(b):
        ops, start = [], None
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y and start is None:
                start = i
            elif x == y and start is not None:
                ops.append(("replace", start, i, start, i))
                start = None
        if start is not None:
            ops.append(("replace", start, len(a), start, len(a)))
        return ops, True
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [op for op in matcher.get_opcodes() if op[0] != "equal"], False


def audit(
    text: str,
    variant: Variant,
    rules: ConversionRules,
    source: str,
    *,
    first_line: int = 1,
    regional: RegionalRules | bool = True,
    domain: str | None = None,
) -> list[AuditEntry]:
    """List the places of ``text`` where OpenCC made a choice for ``variant``.

    Args:
        text: The note body (front matter removed) in Simplified Chinese.
        variant: The variant to audit; identity variants have no places.
        rules: Editorial rules (phrase rules, protected and accepted terms).
        source: Label of the note, usually its path.
        first_line: Line number of ``text``'s first line in the note file,
            so that reported lines point into the file.
        regional: The default regional layer (true), none (false) or a given one, as in
            :class:`~zhudu.script.Converter`: places its rules decide are reviewed.
        domain: The text's domain (``script.domain``) whose layer rules apply, as the site's converter takes
            it; ``None``: the text's own (``text_domain``), so the ``general`` rules a general note meets count.

    Returns:
        The places, in text order.  Traditional sources give an empty list:
        the one-to-many table is about Simplified -> Traditional.
    """
    config = variant.opencc_from_hans
    if not config or detect_script(text) != "Hans":
        return []
    full_cc = opencc_converter(config)
    base = _base_config(config)
    char_cc = opencc_converter(base) if base else full_cc
    matcher = matcher_for(rules, variant.code, with_phrases=True)
    accepted = sorted(rules.accepted_for(variant.code), key=len, reverse=True)
    layer = default_regional() if regional is True else regional or None
    domain = text_domain(text) if domain is None else domain
    layer_matcher = layer.matcher(variant.code, "Hans", domain) if layer else None
    layer_rules = layer.rules_for(variant.code, "Hans", domain) if layer else []
    keep_pattern = layer.keep_pattern() if layer else None
    judge = RiskJudge(variant.code, full_cc, char_cc, layer_rules)
    entries: list[AuditEntry] = []

    for index, line, offset, seg in _segments(text):
        if seg.isascii():
            continue
        full = full_cc.convert(seg)
        plain = char_cc.convert(seg)
        if len(plain) != len(seg):  # keep positions aligned on the source
            plain = "".join(char_cc.convert(ch) for ch in seg)

        # Coverage: names kept as written (they come first, as in Converter), rule/protected/url
        # spans, then accepted terms.
        covers: list[tuple[int, int, str]] = []
        if keep_pattern is not None:
            for m in keep_pattern.finditer(seg):
                covers.append((m.start(), m.end(), "layer: a name to type, kept as written"))
        for m in matcher.pattern.finditer(seg):
            if m.lastgroup == "rule":
                out = matcher.outputs[m.group()]
                label = (
                    f"protected {m.group()}"
                    if out == m.group() and m.group() in rules.protected
                    else f"rule {m.group()} → {out}"
                )
                covers.append((m.start(), m.end(), label))
            elif m.lastgroup in ("url", "email", "domain", "handle"):
                covers.append((m.start(), m.end(), f"protected {m.lastgroup}"))
        for term in accepted:
            start = seg.find(term)
            while start >= 0:
                covers.append((start, start + len(term), f"accepted {term}"))
                start = seg.find(term, start + 1)
        if layer_matcher is not None:
            # The layer sees the text after the editor's rules (their places are masked here).
            masked = list(seg)
            for s, e, label in covers:
                if label.startswith(("rule", "protected", "layer:")):
                    masked[s:e] = "\ue000" * (e - s)
            for m in layer_matcher[0].finditer("".join(masked)):
                if m.lastgroup:
                    rule = layer_rules[int(m.lastgroup[1:])]
                    covers.append((m.start(), m.end(), f"layer {rule.word} → {rule.out}"))

        def covered(a: int, b: int, covers: list[tuple[int, int, str]] = covers) -> str:
            for s, e, label in covers:
                if s <= a and b <= e:
                    return label
            return ""

        places: list[tuple[int, int, str, str, str]] = []  # start, end, kind, opencc, candidates
        taken = [False] * len(seg)
        if base:
            # Editor's rules and the layer's are placeholders to OpenCC: it cannot match across them.
            rule_spans = [
                (s, e) for s, e, label in covers if label.startswith(("rule", "protected", "layer"))
            ]
            ops, _ = _position_map(plain, full)
            windows: list[list[int]] = []
            for a, b in _op_ranges(ops, len(seg)):
                for s, e in rule_spans:  # the rule decides here: one reviewed place
                    if s < b and a < e and not any(w[0] == s for w in windows):
                        windows.append([s, e])
                windows.sort()
                for lo, hi in _split_by_spans(a, b, rule_spans):
                    free = _free_region(lo, hi, rule_spans, len(seg))
                    x, y = _phrase_window(seg, lo, hi, free, full_cc, char_cc)
                    if windows and x < windows[-1][1]:  # overlapping windows are one place
                        windows[-1][1] = max(windows[-1][1], y)
                    else:
                        windows.append([x, y])
            for x, y in windows:
                # The window is the phrase OpenCC matched, so converting it alone
                # gives what it produced in context.
                places.append((x, y, "phrase", full_cc.convert(seg[x:y]), ""))
                for k in range(x, y):
                    taken[k] = True
        for k, ch in enumerate(seg):
            if ch in ONE_TO_MANY and not taken[k]:
                places.append((k, k + 1, "char", plain[k], ONE_TO_MANY[ch]))
        places.sort()
        bounds = word_bounds(seg) if any(not covered(a, b) for a, b, *_ in places) else []

        for a, b, kind, out, candidates in places:
            label = covered(a, b)
            col = offset + a
            if label:
                assessment = None
            elif kind == "phrase":
                assessment = judge.phrase(seg, a, b, bounds)
            else:
                assessment = judge.char(seg, a, out, candidates, bounds)
            entries.append(
                AuditEntry(
                    source=source,
                    variant=variant.code,
                    line=first_line + index,
                    column=col + 1,
                    kind=kind,
                    text=seg[a:b],
                    opencc=out,
                    candidates=candidates,
                    before=line[max(0, col - CONTEXT) : col],
                    after=line[offset + b : offset + b + CONTEXT],
                    reviewed=bool(label),
                    reviewed_by=label,
                    risk=assessment.risk if assessment else 0,
                    reason=assessment.reason if assessment else "",
                    fix=assessment.fix if assessment else "",
                    sentence=sentence_around(line, col, offset + b),
                )
            )
    return entries


def _op_ranges(ops: Sequence[tuple[str, int, int, int, int]], length: int) -> list[tuple[int, int]]:
    """Return the left-side ranges of diff opcodes (an insertion marks 1 char)."""
    ranges = []
    for _, i1, i2, _, _ in ops:
        a, b = (i1, i2) if i1 < i2 else (min(i1, length - 1), min(i1, length - 1) + 1)
        if a < b:
            ranges.append((a, b))
    return ranges


def _split_by_spans(a: int, b: int, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Remove rule spans from ``[a, b)``: a rule, not OpenCC, decides them."""
    parts = [(a, b)]
    for s, e in spans:
        parts = [piece for x, y in parts for piece in ((x, min(y, s)), (max(x, e), y)) if piece[0] < piece[1]]
    return parts


def _free_region(a: int, b: int, spans: Sequence[tuple[int, int]], length: int) -> tuple[int, int]:
    """Return the widest range around ``[a, b)`` that no rule span enters."""
    lo = max((e for s, e in spans if e <= a), default=0)
    hi = min((s for s, e in spans if s >= b), default=length)
    return lo, hi


def _phrase_window(
    seg: str,
    a: int,
    b: int,
    free: tuple[int, int],
    full_cc: opencc.OpenCC,
    char_cc: opencc.OpenCC,
) -> tuple[int, int]:
    """Widen ``[a, b)`` to the smallest window the phrase config converts differently.

    A diff only shows the characters that changed (程序 -> 程式 changes 序);
    the editor needs the word, so grow the window (within ``free``, never
    into a rule's span) until converting it alone with the phrase config and
    with the character config disagree.
    """
    for grow in range(7):
        for left in range(grow + 1):
            x, y = a - left, b + grow - left
            if x < free[0] or y > free[1]:
                continue
            window = seg[x:y]
            if full_cc.convert(window) != char_cc.convert(window):
                # Extend right while the phrase continues (打印 -> 打印机 = 印表機), as little as
                # that takes (文件 -> 文件名 = 檔名, not 文件名前加).
                for k in (1, 2, 3):
                    if y + k <= free[1]:
                        longer = full_cc.convert(seg[x : y + k])
                        if longer != full_cc.convert(window) + full_cc.convert(seg[y : y + k]):
                            return x, y + k
                return x, y
    return a, b


def main(
    argv: Sequence[str] | None = None,
    project_rules: Callable[[], ConversionRules] | None = None,
    project_variants: Callable[[], tuple[Sequence[Variant], str]] | None = None,
) -> int:
    """Print the audit report for notes given on the command line.

    By default the places worth a look, riskiest first, at most ``--limit`` lines per note, each
    with its sentence and the rule that would fix it; ``--all`` lists every place per variant.

    Args:
        argv: Arguments (without the program name); ``None`` means
            ``sys.argv[1:]``.
        project_rules: The rules of the project audited (``python -m zhudu -f mkdocs.yml audit``), read
            only when ``--rules`` does not name a file.
        project_variants: The variants that project is written in, and whose they are (said in the
            report's first line); ``None``: :data:`DEFAULT_VARIANTS`.

    Returns:
        0; 1 when a note or the rules cannot be read (a one-line error each; the others are
        audited); 2 for wrong arguments.  The audit informs, it does not gate.
    """
    parser = argparse.ArgumentParser(prog="python -m zhudu audit", description=__doc__.splitlines()[0])
    parser.add_argument("notes", nargs="+", type=Path, help="Markdown notes to audit")
    parser.add_argument(
        "--rules", type=Path, help="conversion.yml to use (default: the project's, as its build reads it)"
    )
    parser.add_argument("--variant", action="append", help="only this variant code (repeatable)")
    parser.add_argument(
        "--all",
        action="store_true",
        help="list every place OpenCC made a choice, per variant (default: the risky ones, ranked)",
    )
    parser.add_argument(
        "--only-unreviewed",
        action="store_true",
        help="list every place still to review, per variant (implies --all)",
    )
    parser.add_argument("--limit", type=int, default=20, help="lines per note without --all (default 20)")
    args = parser.parse_args(argv)
    args.all = args.all or args.only_unreviewed
    configured, whose = project_variants() if project_variants else (DEFAULT_VARIANTS, "the default variants")
    codes = [v.code for v in configured]
    if unknown := sorted(set(args.variant or ()) - set(codes)):
        parser.error(f"unknown variant {unknown[0]!r}: use one of {', '.join(codes)}")
    if args.limit < 1:
        parser.error(f"--limit must be at least 1, got {args.limit}")

    variants = [v for v in configured if not args.variant or v.code in args.variant]
    try:
        if args.rules is not None:
            rules = load_rules(args.rules, known_variants=codes)
        elif project_rules is not None:
            rules = project_rules()
        else:
            parser.error("give the rules with --rules, or run `python -m zhudu audit` in the project")
    except ScriptDataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"variants: {', '.join(v.code for v in variants)} ({whose})")
    total = Tally()
    unread = 0
    for note in args.notes:
        if (read := note_body(note)) is None:
            unread += 1  # the others are still audited; the exit code says one was not
            continue
        body, first_line = read
        found: list[AuditEntry] = []
        for variant in variants:
            entries = audit(body, variant, rules, str(note), first_line=first_line)
            found.extend(entries)
            if not args.all:
                continue
            config = variant.opencc_from_hans
            print(f"== {note} — {variant.code} ({config or 'identity'}) ==")
            for entry in entries:
                if not (args.only_unreviewed and entry.reviewed):
                    print(format_entry(entry))
            print(f"  {Tally.of(entries, every_place=True)}")
        tally = Tally.of(found, every_place=args.all)
        total += tally
        if args.all:
            continue
        lines, groups = ranked_lines(found, args.limit)
        print(f"== {note} ==")
        print("\n".join(lines) if lines else "  nothing to check")
        more = f"; {groups - len(lines)} more lines with --limit" if groups > len(lines) else ""
        in_lines = f" in {groups} line{'s' if groups > 1 else ''}" if groups else ""
        print(f"  {tally}{in_lines}{more}; --all lists every place")
    print(f"total: {total}")
    return 1 if unread else 0


if __name__ == "__main__":
    from zhudu.__main__ import main as zhudu_main

    sys.exit(zhudu_main(["audit", *sys.argv[1:]]))
