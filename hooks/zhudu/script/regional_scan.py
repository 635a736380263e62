"""The regional layer applied a rule at a time: only the rules whose word a text holds are compiled.

The layer's whole matcher (``RegionalRules.matcher``) is one pattern of every rule of a variant, and
its contexts are most of it: the Taiwan one is about 49,000 characters, of which the words are 2,200,
and compiling it is ``re``'s parser in Python, about 0.1 s (Hong Kong 0.04 s), in every build whatever
its size.  The text of a small collection holds the words of a sixth of the rules (124 of 759 in
Taiwan for the shipped notes), so :class:`RegionalScanner` finds the places where a rule's word starts
with a pattern of the words alone and compiles a rule's pattern the first time its word is found.
Past ``WHOLE_AFTER_CHARS`` characters of text it compiles the whole matcher and uses it from then on,
since one pattern scans faster than a Python loop over places.  Both give the same output: at each
place the first rule in match order whose word and context fit, as the whole pattern's alternation does
(bench/RESULTS.md, session 35 perf3).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zhudu.script.regional import RegionalRule

__all__ = ["WHOLE_AFTER_CHARS", "RegionalScanner"]

#: Text a scanner reads a rule at a time before it compiles the whole matcher: more than the shipped
#: notes' pages (about 43,000 characters a variant), less than where the loop over places has cost more
#: than the compile (about 0.15 s more than the whole pattern's scan a million characters; the whole
#: Taiwan matcher compiles in about 0.1 s).  A collection with page writers never scans: they inherit
#: the whole matchers (``script.preload``).
WHOLE_AFTER_CHARS = 250_000


class RegionalScanner:
    """``pattern.sub`` of the layer's whole matcher for one variant, script and domain, compiled as needed.

    Args:
        rules: The rules in match order (``RegionalRules.rules_for``); group ``g<i>`` is rule ``i``, as in
            the whole matcher, so ``outputs`` and a match's ``lastgroup`` are the same.
        compile_whole: Returns the whole matcher's pattern (compiled once, kept by the layer).
        whole: The whole pattern when it is compiled already (before page writers fork).
    """

    def __init__(
        self,
        rules: Sequence[RegionalRule],
        compile_whole: Callable[[], re.Pattern[str]],
        whole: re.Pattern[str] | None = None,
    ) -> None:
        self.outputs: Mapping[str, str] = {f"g{i}": r.out for i, r in enumerate(rules)}
        self._compile_whole = compile_whole
        self._whole = whole
        self._rules = list(rules)
        self._by_first: dict[str, list[int]] = {}
        for i, rule in enumerate(rules):
            self._by_first.setdefault(rule.word[0], []).append(i)
        self._words = re.compile("|".join(re.escape(w) for w in sorted({r.word for r in rules})))
        self._patterns: dict[int, re.Pattern[str]] = {}
        self._scanned = 0

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        """``text`` with each rule's place replaced by ``repl(match)``, as the whole pattern's ``sub``."""
        if self._whole is None and self._scanned >= WHOLE_AFTER_CHARS:
            self._whole = self._compile_whole()
        if self._whole is not None:
            return self._whole.sub(repl, text)
        self._scanned += len(text)
        pieces: list[str] = []
        done = pos = 0
        search = self._words.search
        while (found := search(text, pos)) is not None:
            place = found.start()
            match = self._first_rule_at(text, place)
            if match is None:  # a word without its context: the next place may start another word
                pos = place + 1
                continue
            pieces += (text[done:place], repl(match))
            done = pos = match.end()
        if not pieces:
            return text
        pieces.append(text[done:])
        return "".join(pieces)

    def _first_rule_at(self, text: str, place: int) -> re.Match[str] | None:
        """The match of the first rule, in match order, whose word and context fit at ``place``."""
        for i in self._by_first[text[place]]:
            rule = self._rules[i]
            if not text.startswith(rule.word, place):
                continue
            pattern = self._patterns.get(i)
            if pattern is None:
                pattern = self._patterns[i] = re.compile(f"(?P<g{i}>{rule.source()})")
            # A pattern's lookbehinds see the text before ``place``: ``match`` at a position is not a slice.
            match = pattern.match(text, place)
            if match is not None:
                return match
        return None
