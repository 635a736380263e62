"""Script conversion for Zhudu: Simplified notes published as Traditional variants.

This module is deliberately free of MkDocs imports so that it can be tested,
benchmarked and used by the audit CLI on its own.  It provides:

* :class:`Variant` and :data:`DEFAULT_VARIANTS`: the script variants of the site.
* :func:`load_rules`: the editor-maintained override rules in
  ``docs/editorial/conversion.yml`` (with line-numbered errors).
* :func:`detect_script`: is a text written in Simplified or Traditional?
* :class:`Converter`: plain-text and HTML conversion with protection rules,
  per-variant phrase overrides and inline author rules.
* :func:`inline_rules_markdown_extension`: the Python-Markdown side of the
  MediaWiki-style ``-{…}-`` author rules.

How a conversion works (``Converter.text``): one compiled pattern finds, left
to right, URLs, e-mail addresses, @handles, rule phrases / protected terms
(longest first, through a character trie) and runs of ASCII.  Every rule phrase
and protected term, and every URL-like token that contains non-ASCII text, is
replaced by a single private-use placeholder from Unicode plane 15.  OpenCC
then converts the text; because a placeholder belongs to no dictionary entry,
OpenCC can neither convert the protected text nor let a neighbouring phrase
swallow one of its characters (the boundary errors of forward maximum
matching).  Finally the placeholders are replaced by the exact outputs.

Placeholders use plane 15 (U+F0000…) and never U+E000–U+E0FF, which other
code of the site uses as markers and which pass through untouched.
"""

from __future__ import annotations

import bisect
import functools
import html as html_lib
import itertools
import operator
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import markdown
import opencc
import yaml
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from zhudu.annotate.textmarks import trie_source
from zhudu.notes.yamldoc import yaml_document
from zhudu.script.regional import RegionalRules, default_regional

__all__ = [
    "DEFAULT_VARIANTS",
    "ConversionRules",
    "Converter",
    "HtmlTokens",
    "ScriptDataError",
    "Variant",
    "detect_script",
    "html_many",
    "inline_rules_markdown_extension",
    "load_rules",
    "opencc_converter",
    "parse_inline_values",
    "resolve_inline_value",
    "tokenize_html",
]


# --------------------------------------------------------------------------
# Variants
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    """One script variant of the site.

    Attributes:
        code: BCP 47 tag, e.g. ``"zh-Hans"``, ``"zh-Hant-TW"``.
        script: ``"Hans"`` or ``"Hant"``.
        opencc_from_hans: OpenCC config converting Simplified text into this
            variant (``"s2twp"``); ``None`` means identity.
        opencc_from_hant: OpenCC config converting Traditional text into this
            variant (``"t2tw"``); ``None`` means identity.
    """

    code: str
    script: str
    opencc_from_hans: str | None
    opencc_from_hant: str | None

    def config_for(self, source_script: str) -> str | None:
        """Return the OpenCC config for text written in ``source_script``.

        Args:
            source_script: ``"Hans"`` or ``"Hant"``.

        Returns:
            The OpenCC config name, or ``None`` for identity.
        """
        return self.opencc_from_hans if source_script == "Hans" else self.opencc_from_hant


# Hong Kong uses s2hkp rather than s2hk: the only difference on our notes is
# HKPhrases, a short list of IT terms where Hong Kong usage agrees with Taiwan
# (服务器 -> 伺服器, 鼠标 -> 滑鼠, 硬盘 -> 硬碟, 文件夹 -> 資料夾).  Those are what
# a Hong Kong reader writes; s2hk leaves the Mainland 服務器.  Unlike TWPhrases,
# HKPhrases does no context-blind swaps (信息, 视频, 支持, 项目 stay as they are).
DEFAULT_VARIANTS: tuple[Variant, ...] = (
    Variant("zh-Hans", "Hans", None, "t2s"),
    Variant("zh-Hant-TW", "Hant", "s2twp", "t2tw"),
    Variant("zh-Hant-HK", "Hant", "s2hkp", "t2hk"),
)


def opencc_converter(config: str) -> opencc.OpenCC:
    """Return a process-wide OpenCC converter for ``config``.

    Loading the dictionaries takes milliseconds; a site build creates many
    converters, so the OpenCC objects are cached for the process lifetime on
    purpose.

    Args:
        config: An OpenCC config name such as ``"s2twp"`` (``.json`` optional).

    Returns:
        The cached ``opencc.OpenCC`` object.
    """
    return _load_opencc(config if config.endswith(".json") else config + ".json")


@functools.cache
def _load_opencc(name: str) -> opencc.OpenCC:
    """Load one OpenCC config (cached: one object per config per process)."""
    return opencc.OpenCC(name)


def _script_of_code(code: str) -> str | None:
    """Return the script subtag (``Hans``/``Hant``) of a BCP 47 code, if any."""
    for part in code.split("-")[1:]:
        if part.lower() == "hans":
            return "Hans"
        if part.lower() == "hant":
            return "Hant"
    return None


def _prefixes(code: str) -> list[str]:
    """Return the BCP 47 lookup chain of ``code``, most general first.

    ``"zh-Hant-TW"`` gives ``["zh", "zh-Hant", "zh-Hant-TW"]`` (RFC 4647 lookup,
    reversed), so rules written for ``zh-Hant`` apply to every Traditional variant.
    """
    parts = code.split("-")
    return ["-".join(parts[: i + 1]) for i in range(len(parts))]


# --------------------------------------------------------------------------
# Rules data
# --------------------------------------------------------------------------


class ScriptDataError(Exception):
    """Bad data in a conversion-rules file, located by file and line.

    Attributes:
        path: The file.
        line: 1-based line number (0 when unknown).
        message: What is wrong and what to do about it.
    """

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        """Create the error; ``str()`` gives ``path:line: message``."""
        self.path = path
        self.line = line
        self.message = message
        super().__init__(f"{path}:{line}: {message}")

    def __str__(self) -> str:
        """Return ``path:line: message`` (the format editors and CI print)."""
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class ConversionRules:
    """Editorial conversion rules, normally loaded from ``conversion.yml``.

    Variant keys of ``phrases`` and ``accepted`` may be a variant code or a
    BCP 47 prefix of one (``zh-Hant`` applies to zh-Hant-TW and zh-Hant-HK);
    the more specific key wins when both define the same phrase.

    Attributes:
        protected: Terms never converted in any variant.
        phrases: Variant code -> {source phrase as written -> exact output}.
        accepted: Variant code -> source terms whose OpenCC conversion was
            reviewed and accepted (used by the audit only).
        lines: Where each rule was written, ``(section, code, term) -> line``;
            lets tests and the audit point back into the YAML file.
    """

    protected: tuple[str, ...] = ()
    phrases: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    accepted: Mapping[str, frozenset[str]] = field(default_factory=dict)
    punctuation: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    lines: Mapping[tuple[str, str, str], int] = field(default_factory=dict, compare=False, repr=False)
    # Compiled per-variant matchers; filled lazily, never part of equality.
    _cache: dict[Any, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def phrases_for(self, code: str) -> dict[str, str]:
        """Return the phrase rules that apply to variant ``code``.

        Args:
            code: A variant code such as ``"zh-Hant-TW"``.

        Returns:
            {source phrase -> output}, merged along the BCP 47 prefix chain.
        """
        merged: dict[str, str] = {}
        for prefix in _prefixes(code):
            merged.update(self.phrases.get(prefix, {}))
        return merged

    def punctuation_for(self, code: str) -> dict[str, str]:
        """Return the punctuation replacements for variant ``code`` (prefix chain merged).

        Args:
            code: A variant code such as ``"zh-Hant-TW"``.

        Returns:
            {mark as written -> mark in this variant}, e.g. ``“`` -> ``「``.
        """
        merged: dict[str, str] = {}
        for prefix in _prefixes(code):
            merged.update(self.punctuation.get(prefix, {}))
        return merged

    def accepted_for(self, code: str) -> frozenset[str]:
        """Return the accepted terms for variant ``code`` (prefix chain merged).

        Args:
            code: A variant code such as ``"zh-Hant-HK"``.

        Returns:
            The union of accepted terms of the code and its prefixes.
        """
        out: set[str] = set()
        for prefix in _prefixes(code):
            out |= self.accepted.get(prefix, frozenset())
        return frozenset(out)


_TOP_KEYS = ("protected", "phrases", "accepted", "punctuation")
_HAN_ANY_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Paired marks (opening → closing) matched across a passage by ``Converter._punctuate_run``.
_OPENERS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉"}
#: Quotation marks, by nesting level: an outer quotation takes the first pair's outputs, a quotation
#: inside it the second's, whichever Western marks the author used.
_QUOTE_LEVELS = (("“", "”"), ("‘", "’"))
_QUOTE_OPENERS = frozenset(o for o, _ in _QUOTE_LEVELS)
_QUOTE_CLOSERS = frozenset(c for _, c in _QUOTE_LEVELS)
_CODE_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def load_rules(path: Path | str, known_variants: Iterable[str] | None = None) -> ConversionRules:
    """Load and validate ``conversion.yml``.

    The document is composed (not just parsed) so that every error can name
    the YAML line it comes from.

    Args:
        path: The rules file.
        known_variants: Variant codes configured for the site.  A variant key
            must be one of them or a BCP 47 prefix of one (``zh-Hant``).  When
            ``None``, keys are only checked to be well-formed BCP 47 tags and
            the caller is expected to validate them against its config.

    Returns:
        The validated rules.

    Raises:
        ScriptDataError: On unreadable or malformed YAML, unknown top-level
            keys or variant codes, non-string or empty terms, duplicates, or a
            term both protected and given a phrase rule.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScriptDataError(
            path, 0, f"cannot read the rules file ({exc.strerror}); check the path"
        ) from exc
    try:
        root, _ = yaml_document(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise ScriptDataError(
            path,
            line,
            f"invalid YAML: {exc.problem}; fix the syntax (indent, quotes, colons)",
        ) from exc

    allowed_codes: set[str] | None = None
    if known_variants is not None:
        allowed_codes = set()
        for code in known_variants:
            allowed_codes.update(_prefixes(code))

    def line_of(node: yaml.Node) -> int:
        return node.start_mark.line + 1

    def fail(node: yaml.Node, message: str) -> ScriptDataError:
        return ScriptDataError(path, line_of(node), message)

    def string(node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            shown = node.value if isinstance(node, yaml.ScalarNode) else type(node).__name__
            raise fail(node, f"{what} must be a string, got {shown!r}; put it in quotes")
        if not node.value:
            raise fail(node, f"{what} is empty; write the text or delete the entry")
        if node.value != node.value.strip():
            raise fail(node, f"{what} {node.value!r} has leading/trailing spaces; remove them")
        return node.value

    def mapping_items(node: yaml.Node, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return []
        if not isinstance(node, yaml.MappingNode):
            raise fail(node, f"{what} must be a mapping (key: value lines)")
        seen: dict[Any, int] = {}
        for key, _ in node.value:
            ident = key.value if isinstance(key, yaml.ScalarNode) else id(key)
            if ident in seen:
                raise fail(
                    key,
                    f"duplicate key {key.value!r} in {what} (first on line {seen[ident]}); keep one",
                )
            seen[ident] = line_of(key)
        return node.value

    def sequence_items(node: yaml.Node, what: str) -> list[yaml.Node]:
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise fail(node, f"{what} must be a list (lines starting with '- ' or [a, b])")
        return node.value

    def variant_code(node: yaml.Node, section: str) -> str:
        code = string(node, f"variant key under {section}")
        if not _CODE_RE.match(code):
            raise fail(
                node,
                f"{code!r} under {section} is not a BCP 47 code like zh-Hant-TW",
            )
        if allowed_codes is not None and code not in allowed_codes:
            known = ", ".join(sorted(known_variants or ()))
            raise fail(
                node,
                f"unknown variant {code!r} under {section}; use one of {known} or a prefix such as zh-Hant",
            )
        return code

    if root is None:
        return ConversionRules()
    lines: dict[tuple[str, str, str], int] = {}
    protected: list[str] = []
    phrases: dict[str, dict[str, str]] = {}
    accepted: dict[str, frozenset[str]] = {}
    punctuation: dict[str, dict[str, str]] = {}
    for key_node, value_node in mapping_items(root, "the rules file"):
        key = string(key_node, "top-level key")
        if key not in _TOP_KEYS:
            raise fail(key_node, f"unknown section {key!r}; use one of {', '.join(_TOP_KEYS)}")
        if key == "protected":
            for item in sequence_items(value_node, "protected"):
                term = string(item, "protected term")
                if ("protected", "", term) in lines:
                    raise fail(item, f"{term!r} is listed twice under protected; keep one")
                lines[("protected", "", term)] = line_of(item)
                protected.append(term)
        elif key == "punctuation":
            for code_node, table in mapping_items(value_node, "punctuation"):
                code = variant_code(code_node, "punctuation")
                marks: dict[str, str] = {}
                for src_node, out_node in mapping_items(table, f"punctuation.{code}"):
                    src = string(src_node, f"mark under punctuation.{code}")
                    if len(src) != 1:
                        raise fail(src_node, f"{src!r} under punctuation.{code} must be one character")
                    marks[src] = string(out_node, f"replacement of {src!r} under {code}")
                    lines[("punctuation", code, src)] = line_of(src_node)
                punctuation[code] = marks
        elif key == "phrases":
            for code_node, table in mapping_items(value_node, "phrases"):
                code = variant_code(code_node, "phrases")
                rules: dict[str, str] = {}
                for src_node, out_node in mapping_items(table, f"phrases.{code}"):
                    src = string(src_node, f"phrase under {code}")
                    rules[src] = string(out_node, f"output of {src!r} under {code}")
                    lines[("phrases", code, src)] = line_of(src_node)
                phrases[code] = MappingProxyType(rules)
        else:
            for code_node, items in mapping_items(value_node, "accepted"):
                code = variant_code(code_node, "accepted")
                terms: set[str] = set()
                for item in sequence_items(items, f"accepted.{code}"):
                    term = string(item, f"accepted term under {code}")
                    terms.add(term)
                    lines[("accepted", code, term)] = line_of(item)
                accepted[code] = frozenset(terms)
    for term in protected:
        for code, table in phrases.items():
            if term in table:
                raise ScriptDataError(
                    path,
                    lines[("phrases", code, term)],
                    f"{term!r} is protected and also a {code} phrase; remove one",
                )
    return ConversionRules(
        protected=tuple(protected),
        phrases=MappingProxyType(phrases),
        accepted=MappingProxyType(accepted),
        punctuation=MappingProxyType(punctuation),
        lines=MappingProxyType(lines),
    )


# --------------------------------------------------------------------------
# Script detection
# --------------------------------------------------------------------------


def _changed(a: str, b: str) -> int:
    """Count positions where ``a`` and ``b`` differ (plus any length difference)."""
    return sum(1 for x, y in zip(a, b, strict=False) if x != y) + abs(len(a) - len(b))


def detect_script(text: str) -> str:
    """Guess whether ``text`` is written in Simplified or Traditional characters.

    Characters that t2s would change are Traditional-only; those s2t would
    change are Simplified-only.  The larger count wins.

    Args:
        text: Any text.

    Returns:
        ``"Hant"`` if more characters look Traditional, else ``"Hans"``
        (ties, including text without Chinese, count as ``"Hans"``).
    """
    if text.isascii():
        return "Hans"
    as_simplified = opencc_converter("t2s").convert(text)
    if as_simplified == text:  # nothing Traditional-only: "Hans" whatever s2t would change
        return "Hans"
    traditional = _changed(text, as_simplified)
    simplified = _changed(text, opencc_converter("s2t").convert(text))
    return "Hant" if traditional > simplified else "Hans"


# --------------------------------------------------------------------------
# Plain-text conversion
# --------------------------------------------------------------------------

# Plane-15 private-use characters: the segment separator and placeholders.
# (U+E000–U+E0FF belong to other code of the site and must pass through.)
_SEP = "\U000f0000"
_PH_BASE = 0xF0001
_PH_MAX = 0xFFFFD - _PH_BASE
#: Entries a converter's memo keeps before starting afresh.  What repeats from page to page (the
#: page chrome, theme excerpts) is a few thousand pieces; a note's own text is seen once, and kept
#: it would cost hundreds of megabytes at thousands of notes.  Converters also live as long as the
#: ``mkdocs serve`` process (``Site.converter``), where every edit adds new text.
_MEMO_LIMIT = 20_000
_PH_RE = re.compile("[\U000f0001-\U000ffffd]")

# Tokens that must come out exactly as they went in.  Scheme URLs may carry
# non-ASCII paths (IRIs such as Wikipedia links), so they end only at spaces,
# markup, quotes or CJK punctuation; bare domains are ASCII only, so that
# "b23.tv/abc之后" keeps 之后 as text.
_PROTECT_SOURCE = r"""
    (?P<url>
        (?:https?|ftp)://
        [^\s<>"'\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\U000f0000-\U0010ffff]+
    )
  | (?P<email> [A-Za-z0-9._%+-]+ @ [A-Za-z0-9-]+ (?:\.[A-Za-z0-9-]+)+ )
  | (?P<domain>
        (?<![A-Za-z0-9@.-]) (?:www\.)? (?:[A-Za-z0-9-]+\.)+ [A-Za-z]{2,}
        (?: / [!-~]* )?
    )
  | (?P<handle> (?<![A-Za-z0-9_]) @ [A-Za-z0-9_]+ )
"""
# Runs of ASCII letters/digits are consumed whole so that a rule phrase can
# never start inside a Latin word or number.
_ASCII_RUN_SOURCE = r"(?P<ascii> [A-Za-z0-9_]+ )"
_ASCII_END = "(?![A-Za-z0-9_])"


def _trie_pattern(words: Iterable[str]) -> str:
    """Build a regex source matching any of ``words``, longest first (``textmarks.trie_source``).

    A word that ends in an ASCII letter or digit must not be followed by another one.
    """
    return trie_source(
        words, end=lambda last: _ASCII_END if last.isascii() and (last.isalnum() or last == "_") else ""
    )


@dataclass(frozen=True)
class _Matcher:
    """A compiled per-variant token pattern and the outputs of its rules."""

    pattern: re.Pattern[str]
    outputs: Mapping[str, str]


def _matcher(rules: ConversionRules, code: str, with_phrases: bool) -> _Matcher:
    """Return the cached matcher for ``rules`` applied to variant ``code``."""
    key = ("matcher", code, with_phrases)
    cached = rules._cache.get(key)
    if cached is None:
        outputs: dict[str, str] = dict(rules.phrases_for(code)) if with_phrases else {}
        outputs.update({term: term for term in rules.protected})
        trie = _trie_pattern(outputs)
        source = _PROTECT_SOURCE
        if trie:
            source += "| (?P<rule>" + trie + ")\n"
        source += "|" + _ASCII_RUN_SOURCE
        cached = _Matcher(re.compile(source, re.VERBOSE), MappingProxyType(outputs))
        rules._cache[key] = cached
    return cached


# --------------------------------------------------------------------------
# Inline author rules  -{…}-
# --------------------------------------------------------------------------

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
    for prefix in reversed(_prefixes(variant.code)[:-1]):
        if prefix in values:
            return values[prefix]
    for code, value in values.items():
        script = _script_of_code(code) or detect_script(value)
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


# --------------------------------------------------------------------------
# HTML tokenizer
# --------------------------------------------------------------------------

_HTML_TOKEN_RE = re.compile(
    r"""
      (?P<text>    [^<]+ )
    | (?P<comment> <!--.*?(?:-->|\Z) )
    | (?P<cdata>   <!\[CDATA\[.*?(?:\]\]>|\Z) )
    | (?P<decl>    <[!?][^>]*>? )
    | (?P<end>     </ (?P<endname>[A-Za-z][A-Za-z0-9:-]*) [^>]* >? )
    | (?P<start>   < (?P<name>[A-Za-z][A-Za-z0-9:-]*)
                     (?P<attrs> (?: [^>"']++ | "[^"]*+" | '[^']*+' )*+ )  # possessive
                   > )
    | (?P<lt>      < )
    """,
    re.VERBOSE | re.DOTALL,
)
_ATTR_RE = re.compile(
    r"""
    (?P<name> [^\s"'>/=]+ )
    (?: \s*=\s*
        (?: "(?P<dq>[^"]*)" | '(?P<sq>[^']*)' | (?P<bare>[^\s"'=<>`]+) )
    )?
    """,
    re.VERBOSE,
)
# Quick filter: only parse the attributes of a tag that could matter.
# (A converted attribute has a value, so its name is followed by "="; class names are matched as written.)
# A cheap first look at a tag's attributes (``_attrs`` decides); the lookahead on the first letter
# lets the regex engine skip most positions, a third of the cost of the plain alternation.
_ATTR_INTEREST_RE = re.compile(
    r"[\s\"'/](?=[tacpdTACPD])(?i:t(?:itle|ranslate)|a(?:lt|ria-label)|placeholder|content|data-zd-text)\s*="
    r"|(?i:zd-(?:no)?conv)"
)
_RAW_TEXT = frozenset({"script", "style"})
_LINE_START_RE = re.compile(r"\n[ \t]*<")  # where ``tokenize_html``'s memo cuts a page into lines
_SKIP_ELEMENTS = frozenset({"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "textarea"})
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
_TEXT_ATTRS = frozenset({"title", "alt", "aria-label", "placeholder", "data-zd-text"})
_META_TEXT = frozenset(
    {
        "description",
        "og:title",
        "og:description",
        "twitter:title",
        "twitter:description",
    }
)
_CLOSE_RE_CACHE: dict[str, re.Pattern[str]] = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in _RAW_TEXT
}


def _attrs(attrs: str) -> list[tuple[str, str | None, int, int]]:
    """Parse attributes into ``(lower name, raw value, value start, value end)``."""
    out = []
    for m in _ATTR_RE.finditer(attrs):
        for group in ("dq", "sq", "bare"):
            if m.group(group) is not None:
                out.append(
                    (
                        m.group("name").lower(),
                        m.group(group),
                        m.start(group),
                        m.end(group),
                    )
                )
                break
        else:
            out.append((m.group("name").lower(), None, m.end(), m.end()))
    return out


# --------------------------------------------------------------------------
# Converter
# --------------------------------------------------------------------------


class Converter:
    """Convert text and HTML from the source script into one variant.

    Converters are cheap: OpenCC objects are cached per process and the rule
    matchers per :class:`ConversionRules` object.

    Args:
        variant: The target variant.
        rules: Editorial rules (phrases apply only to Simplified sources,
            because their keys are written in Simplified).
        source_script: ``"Hans"`` or ``"Hant"``, the script of the input.
    """

    def __init__(
        self,
        variant: Variant,
        rules: ConversionRules,
        source_script: str = "Hans",
        regional: RegionalRules | bool = True,
    ) -> None:
        """Prepare the OpenCC object and the rule matchers.

        ``regional``: the default regional vocabulary layer (``data/regional.yml``) when true, none
        when false, or a given :class:`~zhudu.regional.RegionalRules`.  It applies after the editor's
        rules, which win.
        """
        if source_script not in ("Hans", "Hant"):
            raise ValueError(f"source_script must be 'Hans' or 'Hant', not {source_script!r}")
        self.variant = variant
        self.rules = rules
        self.source_script = source_script
        config = variant.config_for(source_script)
        self._cc = opencc_converter(config) if config else None
        self._matcher = _matcher(rules, variant.code, with_phrases=source_script == "Hans")
        layer = default_regional() if regional is True else regional or None
        self._regional = layer.matcher(variant.code, source_script) if layer and self._cc else None
        marks = rules.punctuation_for(variant.code) if self._cc is not None else {}
        self._punct = re.compile("[" + re.escape("".join(marks)) + "]") if marks else None
        self._punct_map = marks
        # Converted text pieces of the documents seen so far (``convert_pieces``): page chrome and
        # repeated passages are converted once.  A piece converts the same wherever it is (see
        # ``_convert_many``), so this changes nothing but time.
        self._pieces_done: dict[str, str] = {}
        #: Passages punctuated before (``_punctuate_run`` with markup): pages repeat them (a note's
        #: passages on theme pages and in panels, the chrome on every page).
        self._runs_done: dict[tuple[str, ...], list[str]] = {}
        self._texts_done: dict[str, str] = {}  # the same for ``text`` (words, titles, characters)

    @property
    def is_identity(self) -> bool:
        """True when this converter leaves text unchanged."""
        return self._cc is None

    # -- plain text ---------------------------------------------------------

    def text(self, s: str) -> str:
        """Convert plain text (a title, a tag, a front-matter value, ...).

        Args:
            s: Text in the source script.

        Returns:
            The converted text; URLs, e-mail addresses, @handles, ASCII runs
            and protected terms are unchanged and phrase rules are applied.
        """
        if self._cc is None or s.isascii():
            return s
        done = self._texts_done.get(s)
        if done is None:
            if len(self._texts_done) >= _MEMO_LIMIT:  # a long ``mkdocs serve`` session
                self._texts_done.clear()
            done = self._texts_done[s] = self._convert_many([s])[0]
        return done

    def _convert_many(
        self, segments: Sequence[str], markup: bool = False, punctuate: bool = True
    ) -> list[str]:
        """Convert several segments with a single OpenCC call.

        Segments are joined with a plane-15 separator that no dictionary entry
        contains, so nothing matches across two segments.  ``markup``: the segments
        are HTML text or attribute values (``convert_pieces``), so what the editor's
        rules insert (phrase outputs, punctuation) is escaped for HTML; the text a
        segment already holds is HTML as written and is left alone.  ``punctuate``: apply the
        variant's punctuation, each segment a passage of its own (``convert_pieces`` does it per
        passage instead).
        """
        assert self._cc is not None
        matcher = self._matcher
        outputs = matcher.outputs
        slots: dict[str, str] = {}
        restore: list[str] = []

        def placeholder(out: str) -> str:
            ph = slots.get(out)
            if ph is None:
                if len(restore) >= _PH_MAX:
                    raise OverflowError("too many protected tokens in one batch")
                ph = chr(_PH_BASE + len(restore))
                slots[out] = ph
                restore.append(out)
            return ph

        def repl(m: re.Match[str]) -> str:
            kind = m.lastgroup
            token = m.group()
            if kind == "rule":
                # An editor's output is text: ``<`` or ``"`` in it must not become markup or end
                # the attribute (title, aria-label) it is inserted into.
                return placeholder(html_lib.escape(outputs[token]) if markup else outputs[token])
            if kind == "ascii" or token.isascii():
                return token
            return placeholder(token)

        sub = matcher.pattern.sub
        if self._regional is not None:
            # The regional layer sees the text after the editor's rules: their places are
            # placeholders already, so an editor's phrase or protected term always wins.
            regional_sub = self._regional[0].sub
            regional_out = self._regional[1]

            def regional_repl(m: re.Match[str]) -> str:
                out = regional_out[m.lastgroup] or m.group()  # type: ignore[index]  # "": kept as written
                return placeholder(html_lib.escape(out) if markup else out)

            def first_pass(seg: str) -> str:
                return regional_sub(regional_repl, sub(repl, seg))
        else:

            def first_pass(seg: str) -> str:
                return sub(repl, seg)

        try:
            joined = _SEP.join(first_pass(seg) for seg in segments)
        except OverflowError:
            if len(segments) == 1:
                raise
            return [out for seg in segments for out in self._convert_many([seg], markup, punctuate)]
        converted = self._cc.convert(joined)
        if restore:
            converted = _PH_RE.sub(lambda m: restore[ord(m.group()) - _PH_BASE], converted)
        outs = converted.split(_SEP)
        if self._punct is not None and punctuate:
            outs = [self._punctuate(o, markup) for o in outs]
        return outs

    def _punctuate(self, text: str, markup: bool = False) -> str:
        """Apply the variant's punctuation (“” → 「」) to one passage of Chinese text (see ``_punctuate_run``)."""
        return self._punctuate_run([text], markup)[0]

    def _punctuate_run(self, texts: Sequence[str], markup: bool = False) -> list[str]:
        """Apply the variant's punctuation to one passage cut into pieces (text nodes around markup).

        The passage is decided as a whole: if it holds no Han character (an English sentence) its
        marks are kept, else every mark is converted — so the two marks of a pair, in different
        text nodes when a link or a glossary term sits between them, always convert together.
        Pairs are matched across the pieces first: a quotation nested in another takes the next
        level's marks (“‘…’” and ‘“…”’ both give 「『…』」) and a closing mark takes the form of
        the mark it closes.  An opening mark left unclosed (an excerpt cut short with …) encloses
        only the rest of its own text piece (the excerpt), so the quotations after it keep their
        level.  An apostrophe between two Latin letters (don’t) is left alone.
        """
        if not any(_HAN_ANY_RE.search(t) for t in texts):
            return list(texts)
        punct = self._punct_map
        assert self._punct is not None
        levels = [(punct[o], punct[c]) for o, c in _QUOTE_LEVELS if o in punct and c in punct]
        # Pass 1: the marks in order, apostrophes left out, and which opening marks are closed.
        marks: list[tuple[int, int, str]] = []
        for k, text in enumerate(texts):
            for m in self._punct.finditer(text):
                i = m.start()
                before = text[i - 1] if i else (texts[k - 1][-1:] if k else "")
                after = text[i + 1] if i + 1 < len(text) else (texts[k + 1][:1] if k + 1 < len(texts) else "")
                if before.isascii() and before.isalpha() and after.isascii() and after.isalpha():
                    continue  # an apostrophe
                marks.append((k, i, m.group()))
        partner: dict[int, int] = {}  # index in ``marks`` of an opening mark -> of its closing mark
        open_at: list[int] = []
        for n, (_, _, mark) in enumerate(marks):
            if mark in _OPENERS:
                open_at.append(n)
            elif open_at and _closes(marks[open_at[-1]][2], mark):
                partner[open_at.pop()] = n
        opener_of = {c: o for o, c in partner.items()}
        # Pass 2: the output of every mark; only closed quotations count for nesting.
        outputs: dict[tuple[int, int], str] = {}
        depth = 0
        loose = 0  # unclosed quotations opened so far in the current piece
        loose_piece = -1
        closing: dict[int, str] = {}
        for n, (k, i, mark) in enumerate(marks):
            got = punct[mark]
            if k != loose_piece:
                loose, loose_piece = 0, k
            if n in partner:
                if mark in _QUOTE_OPENERS and levels:
                    got, close = levels[(depth + loose) % len(levels)]
                    depth += 1
                else:
                    close = punct.get(_OPENERS[mark], _OPENERS[mark])
                closing[partner[n]] = close
            elif mark in _QUOTE_OPENERS and levels:
                got = levels[(depth + loose) % len(levels)][0]
                loose += 1
            elif n in closing:
                got = closing[n]
                if marks[opener_of[n]][2] in _QUOTE_OPENERS and levels:
                    depth -= 1
            outputs[(k, i)] = html_lib.escape(got) if markup else got
        out: list[str] = []
        for k, text in enumerate(texts):
            out.append(self._punct.sub(lambda m, k=k: outputs.get((k, m.start()), m.group()), text))
        return out

    def _convert_from(self, s: str, script: str) -> str:
        """Convert text written in ``script`` (for inline-rule fallbacks)."""
        if script == self.source_script:
            return self.text(s)
        config = self.variant.config_for(script)
        return opencc_converter(config).convert(s) if config else s

    # -- HTML ---------------------------------------------------------------

    def html(self, s: str) -> str:
        """Convert an HTML document or fragment, byte-preserving outside text.

        Converted: text nodes, and the values of ``title``, ``alt``,
        ``aria-label``, ``placeholder``, ``data-zd-text`` and ``content`` of
        description/og/twitter ``<meta>``.  Untouched: every other attribute,
        comments, declarations, and everything inside ``code``, ``pre``,
        ``kbd``, ``samp``, ``script``, ``style``, ``svg``, ``math``,
        ``textarea`` and elements with ``translate="no"`` or class
        ``zd-noconv``.  ``span.zd-conv`` gets the variant's value of its
        inline rule (escaped).  Entities are kept as written.

        Args:
            s: HTML text.

        Returns:
            The converted HTML.
        """
        if self._cc is None and "zd-conv" not in s:
            return s
        return "".join(self.convert_pieces(tokenize_html(s)))

    def convert_pieces(self, tokens: HtmlTokens) -> list[str]:
        """Convert a tokenized document (see :func:`tokenize_html`) into this variant.

        Args:
            tokens: The document, tokenized once for every variant.

        Returns:
            The converted pieces, one for each of ``tokens.pieces`` (joined, the
            same text :meth:`html` returns).  Do not modify the list: for an
            identity converter it may be ``tokens.pieces`` itself.
        """
        if self._cc is None and not tokens.spans:
            return tokens.pieces
        pieces = list(tokens.pieces)
        if self._cc is not None and tokens.todo_src:
            done = self._pieces_done
            missing = list(dict.fromkeys(src for src in tokens.todo_src if src not in done))
            if missing and len(done) + len(missing) > _MEMO_LIMIT:
                done.clear()  # and this page's pieces are all converted afresh
                missing = list(dict.fromkeys(tokens.todo_src))
            if missing:  # one OpenCC call for the new ones
                done.update(
                    zip(missing, self._convert_many(missing, markup=True, punctuate=False), strict=True)
                )
            for idx, src in zip(tokens.todo_idx, tokens.todo_src, strict=True):
                pieces[idx] = done[src]
            if self._punct is not None:
                runs_done = self._runs_done
                for run in _passages(tokens, self._punct):
                    texts = tuple(pieces[i] for i in run)
                    punctuated = runs_done.get(texts)
                    if punctuated is None:
                        if len(runs_done) >= _MEMO_LIMIT:
                            runs_done.clear()
                        punctuated = runs_done[texts] = self._punctuate_run(texts, True)
                    for idx, text in zip(run, punctuated, strict=True):
                        pieces[idx] = text
        for first, close, values in tokens.spans:
            # The span's content (never converted above: it is skipped) becomes its value.
            inner = "".join(tokens.pieces[first:close])
            default_text = html_lib.unescape(re.sub(r"<[^>]*>", "", inner))
            value = html_lib.escape(
                resolve_inline_value(values, self.variant, default_text, self._convert_from), quote=False
            )
            if close > first:
                pieces[first] = value
                for i in range(first + 1, close):
                    pieces[i] = ""
            else:
                pieces[close] = value + pieces[close]
        return pieces

    @staticmethod
    def _split_attrs(
        token: str,
        offset: int,
        name: str,
        parsed: list[tuple[str, str | None, int, int]],
        lookup: Mapping[str, str | None],
        pieces: list[str],
        todo_idx: list[int],
        todo_src: list[str],
    ) -> str:
        """Queue the human-readable attribute values of one start tag.

        Appends the tag's text up to each value, and the value itself (queued
        for conversion), to ``pieces``; returns the rest of the tag.
        """
        meta_ok = name == "meta" and (
            (lookup.get("name") or "").lower() in _META_TEXT
            or (lookup.get("property") or "").lower() in _META_TEXT
        )
        done = 0
        for attr, value, start, stop in parsed:
            if value and not value.isascii() and (attr in _TEXT_ATTRS or (attr == "content" and meta_ok)):
                pieces.append(token[done : start + offset])
                todo_idx.append(len(pieces))
                todo_src.append(value)
                pieces.append(value)
                done = stop + offset
        return token[done:]


# --------------------------------------------------------------------------
# One tokenizing pass, many variants
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class HtmlTokens:
    """An HTML document cut once into the pieces every variant's conversion shares.

    Attributes:
        pieces: The document in pieces; ``"".join(pieces)`` is the document.
        todo_idx: Indices of the pieces a converter converts (text outside
            skipped elements, readable attribute values), in document order.
        todo_src: Those pieces.
        spans: Every outermost ``span.zd-conv``: (index of its first content
            piece, index of its closing tag, its per-variant values).
        events: When asked for, the element structure for readers of the converted
            text (the search index): ``("s", name, attrs, self_closing)``,
            ``("e", name)``, ``("t", piece index)`` for text, ``("r", piece index)``
            for raw script/style text.  A ``span.zd-conv``'s content is one ``"t"``
            event (its value).  ``None`` when not asked for, or when the document
            has something this summary cannot describe (an unclosed or empty
            ``span.zd-conv``).
    """

    pieces: list[str]
    todo_idx: list[int]
    todo_src: list[str]
    spans: list[tuple[int, int, Mapping[str, str]]]
    events: list[tuple[Any, ...]] | None = None
    #: ``_passages``' work, done once per document for every variant: the passages with a mark of
    #: each punctuation pattern (keyed by the pattern).
    passage_runs: dict[str, list[list[int]]] = field(default_factory=dict, compare=False, repr=False)


#: Lines a tokenizer memo keeps (``_LineMemo``) before starting afresh, and lines it remembers
#: having seen once.  Page chrome is a thousand-odd distinct lines; a note's own lines are seen once.
_LINE_MEMO_LIMIT = 20_000
_LINE_SEEN_LIMIT = 500_000


@dataclass(frozen=True, slots=True)
class _Line:
    """One line's tokens, positions relative to the line's first piece (see ``tokenize_html``)."""

    pieces: tuple[str, ...]
    todo_idx: tuple[int, ...]
    todo_src: tuple[str, ...]
    spans: tuple[tuple[int, int, Mapping[str, str]], ...]
    events: tuple[tuple[Any, ...], ...]


class _LineMemo:
    """Lines tokenized before, for one way of tokenizing (``events``, ``opaque``).

    Every page repeats most of its chrome (header, navigation, footer, scripts) line for line, and
    the tokenizer's Python loop costs far more than a dictionary lookup.  A line is kept the second
    time it is seen, so a note's own lines, seen once, cost only their hash.
    """

    def __init__(self) -> None:
        self.lines: dict[str, _Line] = {}
        self.seen: set[int] = set()

    def worth_keeping(self, line: str) -> bool:
        """True the second time ``line`` is offered (a hash collision only keeps a line early)."""
        key = hash(line)
        if key in self.seen:
            return True
        if len(self.seen) >= _LINE_SEEN_LIMIT:
            self.seen.clear()
        self.seen.add(key)
        return False

    def keep(self, line: str, tokens: _Line) -> None:
        if len(self.lines) >= _LINE_MEMO_LIMIT:
            self.lines.clear()
        self.lines[line] = tokens


_LINE_MEMOS: dict[tuple[bool, tuple[str, ...]], _LineMemo] = {}
_INDEXED_EVENTS = ("t", "r")  # events that name a piece by its index (``HtmlTokens.events``)


def tokenize_html(s: str, *, events: bool = False, opaque: Iterable[str] | None = None) -> HtmlTokens:
    """Tokenize an HTML document once for :meth:`Converter.convert_pieces`.

    Args:
        s: HTML text.
        events: Also record the element structure (``HtmlTokens.events``).
        opaque: Classes whose elements the events reader skips whole: recorded as an empty
            element, their content is converted but not described (theme panels are most of
            a note's markup, and the search index ignores them).

    Returns:
        The tokens.
    """
    pieces: list[str] = []
    todo_idx: list[int] = []
    todo_src: list[str] = []
    spans: list[tuple[int, int, Mapping[str, str]]] = []
    ev: list[tuple[Any, ...]] | None = [] if events else None
    # Outermost skipped element: [name, depth, zd-conv content start or -1, values]
    skip: list[Any] | None = None
    # Outermost opaque element: [name, depth]; its events are held back (``held``) until it closes.
    opaque_re = _opaque_class_re(tuple(sorted(opaque))) if events and opaque else None
    opened: list[Any] | None = None
    held: list[tuple[Any, ...]] | None = None
    pos = 0
    n = len(s)
    match = _HTML_TOKEN_RE.match
    line_start = _LINE_START_RE.search
    # Lines (up to a newline and indentation followed by "<") met before with nothing open are
    # copied from the memo.  Where such a line ends the next token starts with "<", so its tokens
    # cannot depend on what follows it; a line is kept only if no token ran past its end and no
    # lone "<" (whose reading could) was in it.
    memo = _LINE_MEMOS.setdefault((events, tuple(sorted(opaque)) if opaque_re else ()), _LineMemo())
    line_end = 0
    recording: tuple[str, int, int, int, int] | None = None  # a line, and the lists' lengths at its start

    while pos < n:
        if pos >= line_end:
            neutral = skip is None and opened is None and (ev is not None or not events)
            if recording is not None and pos == line_end and neutral:
                memo.keep(recording[0], _line_tokens(recording, pieces, todo_idx, todo_src, spans, ev))
            recording = None
            cut = line_start(s, pos)
            line_end = cut.end() - 1 if cut is not None else n
            if cut is not None and neutral:
                line = s[pos:line_end]
                known = memo.lines.get(line)
                if known is not None:
                    base = len(pieces)
                    pieces.extend(known.pieces)
                    if known.todo_idx:
                        todo_idx.extend([base + i for i in known.todo_idx])
                        todo_src.extend(known.todo_src)
                    if known.spans:
                        spans.extend([(base + first, base + close, v) for first, close, v in known.spans])
                    if ev is not None and known.events:
                        ev.extend(
                            [(e[0], base + e[1]) if e[0] in _INDEXED_EVENTS else e for e in known.events]
                        )
                    pos = line_end
                    continue
                if memo.worth_keeping(line):
                    recording = (
                        line,
                        len(pieces),
                        len(todo_idx),
                        len(spans),
                        len(ev) if ev is not None else 0,
                    )
        m = match(s, pos)
        assert m is not None  # the alternatives cover every character
        kind = m.lastgroup
        token = m.group()
        end = m.end()
        in_conv = skip is not None and skip[2] >= 0  # inside a span.zd-conv: replaced per variant
        if kind == "text":
            if skip is None and not token.isascii():
                todo_idx.append(len(pieces))
                todo_src.append(token)
            if ev is not None and not in_conv:
                ev.append(("t", len(pieces)))
            pieces.append(token)
        elif kind == "start":
            name = m.group("name").lower()
            attrs = m.group("attrs")
            self_closing = attrs.rstrip().endswith("/")
            if opened is not None and name == opened[0] and not self_closing and name not in _VOID:
                opened[1] += 1
            if skip is not None:
                if name == skip[0] and not self_closing and name not in _VOID:
                    skip[1] += 1
                if ev is not None and not in_conv:
                    ev.append(("s", name, attrs, self_closing))
                pieces.append(token)
            else:
                starts_skip = name in _SKIP_ELEMENTS
                conv_values: dict[str, str] | None = None
                if attrs and _ATTR_INTEREST_RE.search(attrs):
                    parsed = _attrs(attrs)
                    lookup = {k: v for k, v, _, _ in parsed}
                    classes = (lookup.get("class") or "").split()
                    if lookup.get("translate", "").lower() == "no" or "zd-noconv" in classes:
                        starts_skip = True
                    elif name == "span" and "zd-conv" in classes:
                        starts_skip = True
                        conv_values = (
                            parse_inline_values(html_lib.unescape(lookup.get("data-zd-conv") or "")) or {}
                        )
                    if not starts_skip:
                        # Split the tag around the values to convert; they
                        # join the page's single OpenCC batch.
                        token = Converter._split_attrs(
                            token,
                            m.start("attrs") - m.start(),
                            name,
                            parsed,
                            lookup,
                            pieces,
                            todo_idx,
                            todo_src,
                        )
                if ev is not None:
                    ev.append(("s", name, attrs, self_closing))
                    if (
                        opaque_re is not None
                        and not starts_skip
                        and not self_closing
                        and name not in _VOID
                        and opaque_re.search(attrs)
                    ):
                        opened, held, ev = [name, 1], ev, None
                pieces.append(token)
                if starts_skip and not self_closing and name not in _VOID:
                    skip = [name, 1, len(pieces) if conv_values is not None else -1, conv_values]
                    if ev is not None and conv_values is not None:
                        ev.append(("t", len(pieces)))  # the span's content: its value, per variant
            if name in _RAW_TEXT and not self_closing:
                # Raw text may contain "<": copy it verbatim up to the end tag.
                close = _CLOSE_RE_CACHE[name].search(s, end)
                stop = close.start() if close else n
                if ev is not None and not in_conv:
                    ev.append(("r", len(pieces)))
                pieces.append(s[end:stop])
                end = stop
        elif kind == "end":
            if opened is not None and m.group("endname").lower() == opened[0]:
                opened[1] -= 1
                if not opened[1]:  # what was inside is not described, whatever it was
                    opened, ev, held = None, held, None
            closes = False
            if skip is not None and m.group("endname").lower() == skip[0]:
                skip[1] -= 1
                closes = skip[1] == 0
            if ev is not None and (not in_conv or closes):
                ev.append(("e", m.group("endname").lower()))
            pieces.append(token)
            if closes:
                assert skip is not None
                if skip[2] >= 0:
                    if skip[2] == len(pieces) - 1:
                        ev = None  # an empty span.zd-conv: its value has no piece of its own
                    spans.append((skip[2], len(pieces) - 1, skip[3]))
                skip = None
        else:
            if kind == "lt":
                recording = None  # how a lone "<" reads depends on what follows the line
                if ev is not None and not in_conv:
                    ev.append(("t", len(pieces)))  # a lone "<" is text
            pieces.append(token)
        pos = end

    if opened is not None:
        ev = held
    if skip is not None and skip[2] >= 0:
        ev = None  # an unclosed span.zd-conv keeps its source content: not summarised
    return HtmlTokens(pieces, todo_idx, todo_src, spans, ev if events else None)


def _line_tokens(
    recording: tuple[str, int, int, int, int],
    pieces: list[str],
    todo_idx: list[int],
    todo_src: list[str],
    spans: list[tuple[int, int, Mapping[str, str]]],
    ev: list[tuple[Any, ...]] | None,
) -> _Line:
    """The tokens of the line just read (``recording`` holds the lists' lengths at its start)."""
    _, p0, t0, s0, e0 = recording
    return _Line(
        pieces=tuple(pieces[p0:]),
        todo_idx=tuple(i - p0 for i in todo_idx[t0:]),
        todo_src=tuple(todo_src[t0:]),
        spans=tuple((first - p0, close - p0, v) for first, close, v in spans[s0:]),
        events=tuple((e[0], e[1] - p0) if e[0] in _INDEXED_EVENTS else e for e in ev[e0:])
        if ev is not None
        else (),
    )


@functools.lru_cache(maxsize=8)
def _opaque_class_re(classes: tuple[str, ...]) -> re.Pattern[str]:
    """A start tag's attributes with one of ``classes`` in its class attribute."""
    names = "|".join(re.escape(c) for c in classes)
    # The attribute's name in any case (HTMLParser lowers it), the classes as written (the extractor
    # compares them so: a class ``ZD-TM`` is not ``zd-tm``).
    return re.compile(rf"""(?i:\bclass)\s*=\s*(["']?)[^"'>]*?(?<![\w-])(?:{names})(?![\w-])""")


def _closes(opener: str, closer: str) -> bool:
    """True when ``closer`` closes ``opener``; a quotation mark closes any quotation (‘…” is a pair)."""
    if opener in _QUOTE_OPENERS:
        return closer in _QUOTE_CLOSERS
    return _OPENERS.get(opener) == closer


#: Elements that end a passage: a quotation does not run from one paragraph, cell or item into the
#: next.  Inline elements (a, em, span, code, abbr, button …) and <br> do not.
_BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|li|ul|ol|dl|dd|dt|h[1-6]|table|thead|tbody|tr|td|th|caption|blockquote|pre|section|"
    r"article|header|footer|nav|aside|main|figure|figcaption|details|summary|title|head|body|html|"
    r"option|select|hr|form|fieldset|legend|template|iframe|noscript)(?![\w-])",
    re.IGNORECASE,
)


def _passages(tokens: HtmlTokens, marks: re.Pattern[str]) -> list[list[int]]:
    """The converted pieces of a document grouped into passages, for pair-aware punctuation.

    A passage is a run of text pieces with no block-level tag between them; an attribute value
    (its piece follows a cut-open tag, not ``>``) is a passage of its own.  Only passages with a
    mark to convert are returned, and only they are worked out: from each piece with a mark, the
    passage is grown to its neighbouring text pieces until a boundary (most pieces have no mark,
    so most of a page is never looked at twice).  Kept on ``tokens`` for the other variants.
    """
    marked = tokens.passage_runs.get(marks.pattern)
    if marked is not None:
        return marked
    pieces, todo = tokens.pieces, tokens.todo_idx

    def attribute(k: int) -> bool:
        idx = todo[k]
        prev = pieces[idx - 1] if idx else ""
        return prev.startswith("<") and not prev.endswith(">")

    def joined(a: int, b: int) -> bool:
        """Whether text pieces ``todo[a]`` and ``todo[b]`` (a + 1 == b) are in one passage."""
        if attribute(a) or attribute(b):
            return False
        return not any(
            pieces[i].startswith("<") and _BLOCK_TAG_RE.match(pieces[i]) for i in range(todo[a] + 1, todo[b])
        )

    # The text pieces holding a mark, found in one pass over them joined (NUL never occurs in HTML
    # text here: the pieces are cut from the page): a match's position gives its piece by bisection.
    sources = tokens.todo_src
    ends = list(map(operator.add, itertools.accumulate(map(len, sources)), range(len(sources))))
    holding = sorted({bisect.bisect_right(ends, m.start()) for m in marks.finditer("\x00".join(sources))})
    marked = []
    end = -1  # the last todo position already in a passage
    for k in holding:
        if k <= end:
            continue
        first = k
        while first > end + 1 and joined(first - 1, first):
            first -= 1
        last = k
        while last + 1 < len(todo) and joined(last, last + 1):
            last += 1
        marked.append(todo[first : last + 1])
        end = last
    tokens.passage_runs[marks.pattern] = marked
    return marked


def html_many(s: str, converters: Sequence[Converter]) -> list[str]:
    """Convert one HTML document into several variants, tokenizing it once.

    Args:
        s: HTML text.
        converters: One converter per wanted output.

    Returns:
        ``[c.html(s) for c in converters]``, byte for byte.
    """
    if all(c.is_identity for c in converters) and "zd-conv" not in s:
        return [s for _ in converters]
    tokens = tokenize_html(s)
    return [
        s if c.is_identity and not tokens.spans else "".join(c.convert_pieces(tokens)) for c in converters
    ]
