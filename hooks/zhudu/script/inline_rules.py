"""Inline author rules: MediaWiki-style ``-{…}-`` in a note.

``-{文字}-`` keeps its text as written in every variant; ``-{zh-Hans:计算机;zh-Hant-TW:電腦}-`` forces
a variant's text.  The Markdown side turns them into ``span.zd-noconv`` / ``span.zd-conv``; the
converter resolves a ``span.zd-conv`` per variant with :func:`resolve_inline_value`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from zhudu.script.variant_configs import Variant, detect_script, prefixes, script_of_code

__all__ = [
    "inline_rules_markdown_extension",
    "parse_inline_values",
    "resolve_inline_value",
    "rule_attribute",
    "rule_markdown",
]


_INLINE_SPLIT_RE = re.compile(
    r"""
    ;\s*                                          # a separator only counts ...
    (?= [A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})* \s*: )  # ... before "code:"
    """,
    re.VERBOSE,
)
_INLINE_PAIR_RE = re.compile(
    r"^\s*(?P<code>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\s*:(?P<value>.*)$", re.DOTALL
)


def parse_inline_values(spec: str) -> dict[str, str] | None:
    """Parse ``zh-Hans:计算机;zh-Hant-TW:電腦`` into ``{code: value}``.

    Args:
        spec: The inside of ``-{…}-`` or a ``data-zd-conv`` attribute value.

    Returns:
        The per-variant values, or ``None`` when ``spec`` is not entirely
        ``code:value`` pairs (then it is a protect rule).
    """
    values: dict[str, str] = {}
    for part in _INLINE_SPLIT_RE.split(spec.strip().rstrip(";")):
        m = _INLINE_PAIR_RE.match(part)
        if not m:
            return None
        values[m.group("code")] = m.group("value").strip()
    return values or None


#: What a value ``rule_markdown`` writes may not hold: what Markdown reads before the rule (a code span, an escape,
#: raw HTML or an entity: ``<``, ``>``, ``&``; a formula's ``$``, which arithmatex holds as placeholders before the rule is
#: read; a table cell's ``|``), a line's end, the rule's own end.
_UNWRITABLE_RE = re.compile(r"[\\`\n<>&$|]|\}-")


def rule_markdown(values: Mapping[str, str]) -> str:
    """``values`` ({code: text}) as a ``-{…}-`` force rule in Markdown, each variant's text as given; "": not writable.

    Not writable: none, an empty value, one with what ``_UNWRITABLE_RE`` names, or that ``parse_inline_values``
    would read otherwise (white space at an end, ``;zh:`` in it).
    """
    body = ";".join(f"{code}:{value}" for code, value in values.items())
    if (
        not all(values.values())
        or any(map(_UNWRITABLE_RE.search, values.values()))
        or parse_inline_values(body) != values
    ):
        return ""
    return f"-{{{body}}}-"


def rule_attribute(values: Mapping[str, str]) -> str | None:
    """``values`` ({code: text}) as a ``span.zd-conv``'s ``data-zd-conv`` (unescaped); None: it would read otherwise.

    ``parse_inline_values`` strips a value's ends' white space and splits one at ``;zh:``: such values are refused.
    A value may be empty (the span shows nothing in that variant).
    """
    body = ";".join(f"{code}:{value}" for code, value in values.items())
    return body if values and parse_inline_values(body) == values else None


def resolve_inline_value(values: Mapping[str, str], variant: Variant, default_text: str, convert: Any) -> str:
    """Choose the text a variant shows for a force rule.

    Fallback order (documented for authors): the variant's own code; the
    closest listed BCP 47 prefix (``zh-Hant`` for zh-Hant-TW); a listed
    variant of the same script (zh-Hant-HK for zh-Hant-TW), converted with the
    variant's ``opencc_from_<script>`` config (t2tw turns HK forms into TW
    forms); finally the default text (the span content, i.e. the default
    variant's value) converted normally from whatever script it is in.

    Args:
        values: {code -> text} from the rule (the default variant's value is
            the span content and usually not repeated here).
        variant: The variant being rendered.
        default_text: The text shown in the default variant (span content).
        convert: Callable ``(text, source_script) -> str`` for this variant.

    Returns:
        The text to show.
    """
    if variant.code in values:
        return values[variant.code]
    for prefix in reversed(prefixes(variant.code)[:-1]):
        if prefix in values:
            return values[prefix]
    for code, value in values.items():
        script = script_of_code(code) or detect_script(value)
        if script == variant.script:
            return convert(value, script)
    return convert(default_text, detect_script(default_text))


class _InlineRuleProcessor(InlineProcessor):
    """Turn ``-{…}-`` into ``span.zd-noconv`` or ``span.zd-conv``."""

    def __init__(self, pattern: str, md: markdown.Markdown, default_variant: str) -> None:
        super().__init__(pattern, md)
        self.default_variant = default_variant

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:
        """Build the span for one ``-{…}-`` occurrence."""
        body = m.group("body")
        values = parse_inline_values(body)
        el = etree.Element("span")
        if values is None:
            el.set("class", "zd-noconv")
            el.text = AtomicString(body)
        else:
            default = values.get(self.default_variant)
            if default is None:
                default = next(iter(values.values()))
            el.set("class", "zd-conv")
            el.set(
                "data-zd-conv",
                ";".join(f"{c}:{v}" for c, v in values.items() if c != self.default_variant),
            )
            el.text = AtomicString(default)
        return el, m.start(0), m.end(0)


class _InlineRulesExtension(Extension):
    """Python-Markdown extension registering the ``-{…}-`` processor."""

    def __init__(self, default_variant: str = "zh-Hans", **kwargs: Any) -> None:
        self.default_variant = default_variant
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Register below backticks (190) and escapes (180): code spans stay literal."""
        md.inlinePatterns.register(
            _InlineRuleProcessor(r"-\{(?P<body>.+?)\}-", md, self.default_variant),
            "zhudu_inline_rules",
            175,
        )


def inline_rules_markdown_extension(default_variant: str = "zh-Hans") -> Extension:
    r"""Return the Markdown extension for MediaWiki-style inline rules.

    ``-{文字}-`` becomes ``<span class="zd-noconv">文字</span>`` (shown as
    written in every variant); ``-{zh-Hans:计算机;zh-Hant-TW:電腦}-`` becomes
    ``<span class="zd-conv" data-zd-conv="zh-Hant-TW:電腦">计算机</span>``,
    which :meth:`Converter.html` resolves per variant.  Registered at priority
    175, below backticks and escapes, so ``-{`` inside code spans or written
    as ``\\-{`` stays literal.  Text without ``-{`` renders unchanged.

    Args:
        default_variant: The code whose value is written inside the span.

    Returns:
        The extension instance.
    """
    return _InlineRulesExtension(default_variant=default_variant)
