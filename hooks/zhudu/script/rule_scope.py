"""Which of the editor's conversion rules (``conversion.yml``) a page's output can depend on.

A phrase rule or protected term acts only where its source text occurs: the converter matches it
inside one piece of text (pieces are joined with a separator no rule contains), so a text that
does not contain a rule's source converts the same with or without the rule, and whatever other
rules say.  Keying every page by the whole file re-rendered and re-converted every page for a
rule no page contains (20 s at 500 notes).  Two uses:

* A render (``render_part``) converts only through the default variant's fold (Traditional text
  into the default script): protected terms, that variant's punctuation and the Traditional variants'
  phrase outputs read back as their sources (``ConversionRules.phrases_back``; the glossary marks them
  too), never phrases forwards.  Its key holds the protected terms and outputs found in its Markdown or in the
  editorial files a render shows, both compared with HTML entities undone and whitespace and every
  ASCII character removed (a heading's text is joined across its markup before it is folded).
* A written page (``Outputs.plan``) holds after a rules edit unless a changed rule's source occurs
  in the copy it wrote of a variant whose converter is the identity: that copy is the page's HTML
  as every variant's converter got it.  A changed punctuation table, or a copy with inline
  ``-{…}-`` rules (their text is converted unescaped), rewrites the page.

``accepted`` is read by the audit only: it changes no page.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from zhudu import cache
from zhudu.script.editor_rules import ConversionRules

#: What no page can be checked for (a punctuation table): a change to it rewrites every page.
EVERYWHERE = ""

_ASCII_OR_SPACE_RE = re.compile(r"[\x00-\x7f\s]+")


def labels(rules: ConversionRules, codes: Iterable[str]) -> dict[str, str]:
    """Each rule as the site's converters apply it (a JSON label) → the text it acts on.

    Per variant: its merged phrases (a protected term with the same source wins: not listed) and
    its punctuation table (``EVERYWHERE``); the protected terms once.
    """
    out = {json.dumps(["protected", term], ensure_ascii=False): term for term in rules.protected}
    protected = set(rules.protected)
    for code in codes:
        for source, output in rules.phrases_for(code).items():
            if source not in protected:
                out[json.dumps(["phrase", code, source, output], ensure_ascii=False)] = source
        if marks := rules.punctuation_for(code):
            out[json.dumps(["punctuation", code, sorted(marks.items())], ensure_ascii=False)] = EVERYWHERE
    return out


def changed_sources(before: Mapping[str, str] | None, now: Mapping[str, str]) -> list[str] | None:
    """The texts of the rules added, removed or changed; None: every page may change."""
    if before is None:
        return None
    changed = [source for label, source in before.items() if label not in now]
    changed += [source for label, source in now.items() if label not in before]
    return None if EVERYWHERE in changed else sorted(set(changed))


def copy_touched(path: Path, sources: Iterable[str]) -> bool:
    """Whether a page's written identity copy holds one of ``sources`` (or cannot be read, or has inline rules)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return True
    return "zd-conv" in text or any(source in text for source in sources)


def project(text: str) -> str:
    """``text`` with HTML entities undone and whitespace and ASCII removed (what a render key compares)."""
    if "&" in text:
        text = html.unescape(text)
    return _ASCII_OR_SPACE_RE.sub("", text)


class RenderScope:
    """The conversion rules a render can depend on, per Markdown (``render_part``)."""

    def __init__(
        self,
        rules: ConversionRules,
        default_code: str,
        shown: Callable[[], Iterable[str]],
        read_back: Mapping[str, str] | None = None,
    ) -> None:
        """The rules a render can meet: protected terms, punctuation and phrase outputs read back.

        ``shown``: the texts besides a page's Markdown that a render can fold (editorial files; read only with
        protected terms).  ``read_back``: the phrase outputs a Traditional note's fold and glossary read as their
        sources (``ConversionRules.phrases_back``), each a term its Markdown is searched for.
        """
        self.terms = [(term, project(term)) for term in sorted(set(rules.protected))]
        self.terms += [(f"{out}→{source}", project(out)) for out, source in sorted((read_back or {}).items())]
        punctuation = sorted(rules.punctuation_for(default_code).items())
        everywhere = project("\n".join(shown())) if self.terms else ""
        always = [term for term, key in self.terms if key in everywhere]
        self.terms = [(term, key) for term, key in self.terms if term not in always]
        self.always = repr((punctuation, always)) if punctuation or always else ""
        self.digest = cache.digest(self.always, repr(self.terms))

    def part(self, markdown: str, facts: dict[Any, Any] | None = None) -> str:
        """What of the rules a render of ``markdown`` depends on ("" when nothing).

        ``facts``: values kept for this very Markdown string under ``mkdocs serve``: the answer is
        kept there for the same rules, so an unchanged note is not searched again.
        """
        if not self.terms:
            return self.always
        if facts is not None and (kept := facts.get("protected")) is not None and kept[0] == self.digest:
            return str(kept[1])
        # Cheap first: without entities, a term with a character the Markdown lacks is not in it.
        maybe = self.terms if "&" in markdown else [t for t in self.terms if all(c in markdown for c in t[1])]
        text = project(markdown) if maybe else ""
        found = [term for term, key in maybe if key in text]
        answer = self.always + repr(found) if found else self.always
        if facts is not None:
            facts["protected"] = (self.digest, answer)
        return answer
