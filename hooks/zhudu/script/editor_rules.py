"""The editor's conversion rules: ``docs/editorial/conversion.yml``, validated with line numbers.

:func:`load_rules` composes the YAML document (not just parses it) so that every error names the line
it comes from (:class:`ScriptDataError`, ``path:line: what to do``); :class:`ConversionRules` holds
the validated rules and merges them along a variant's BCP 47 prefix chain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from zhudu.notes.yamldoc import error_place, yaml_document
from zhudu.script.variant_configs import prefixes

__all__ = ["ConversionRules", "ScriptDataError", "load_rules"]


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
        for prefix in prefixes(code):
            merged.update(self.phrases.get(prefix, {}))
        return merged

    def phrases_back(self, codes: Iterable[str]) -> dict[str, str]:
        """The phrase rules of the Traditional variants ``codes`` read backwards: {exact output -> source}.

        A note written in Traditional that holds a phrase's output (大賣空, 麥可·貝瑞) means the phrase's
        source (大空头, 迈克尔·贝瑞) for a Simplified reader.  A note says its script, not its region
        (``lang: zh-tw`` is kept as zh-Hant), so a Taiwan note meets Hong Kong's outputs too: only a source
        the editor gave a phrase in every variant ``codes`` is read back, each variant's output being that
        region's word for it (Hong Kong's 個人資料 for 个人数据 alone would turn every Taiwan 個人資料, a
        profile, into 个人数据).  Also left to OpenCC: an output two sources share, an output that holds or
        is held by a protected term, and an output of fewer than three Han characters, a word with senses
        of its own (社區 for a 小区 is also every community, 社区).
        """
        tables = [self.phrases_for(code) for code in codes]
        everywhere = set.intersection(*(set(t) for t in tables)) if tables else set()
        back: dict[str, str] = {}
        ambiguous: set[str] = set()
        for table in tables:
            for source, output in table.items():
                if back.setdefault(output, source) != source:
                    ambiguous.add(output)
        return {
            output: source
            for output, source in back.items()
            if source in everywhere
            and output not in ambiguous
            and _A_PHRASE_RE.fullmatch(output)
            and not any(t in output or output in t for t in self.protected)
        }

    def punctuation_for(self, code: str) -> dict[str, str]:
        """Return the punctuation replacements for variant ``code`` (prefix chain merged).

        Args:
            code: A variant code such as ``"zh-Hant-TW"``.

        Returns:
            {mark as written -> mark in this variant}, e.g. ``“`` -> ``「``.
        """
        merged: dict[str, str] = {}
        for prefix in prefixes(code):
            merged.update(self.punctuation.get(prefix, {}))
        return merged

    def fingerprint(self) -> str:
        """The rules as a text that is the same in every process (part of the page cache's key).

        ``repr`` is not: it lists each ``accepted`` set in hash order, which changes with every
        process's string hash seed, so a key made from it missed every page a build kept.
        """
        return repr(
            (
                tuple(self.protected),
                [(code, list(p.items())) for code, p in self.phrases.items()],  # in the file's order
                [(code, sorted(terms)) for code, terms in self.accepted.items()],
                [(code, list(p.items())) for code, p in self.punctuation.items()],
            )
        )

    def accepted_for(self, code: str) -> frozenset[str]:
        """Return the accepted terms for variant ``code`` (prefix chain merged).

        Args:
            code: A variant code such as ``"zh-Hant-HK"``.

        Returns:
            The union of accepted terms of the code and its prefixes.
        """
        out: set[str] = set()
        for prefix in prefixes(code):
            out |= self.accepted.get(prefix, frozenset())
        return frozenset(out)


#: A phrase read backwards: three Han characters or more, with a name's middle dot or Chinese punctuation.
_A_PHRASE_RE = re.compile(r"(?=(?:[^\x00-\x7f]*[\u3400-\u9fff]){3})[^\x00-\x7f]+")
_TOP_KEYS = ("protected", "phrases", "accepted", "punctuation")
_CODE_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def text_line(data: bytes, offset: int) -> int:
    """The 1-based line of byte ``offset`` in ``data``."""
    return data.count(b"\n", 0, offset) + 1


def load_rules(
    path: Path | str, known_variants: Iterable[str] | None = None, display: str | None = None
) -> ConversionRules:
    """Load and validate ``conversion.yml``.

    The document is composed (not just parsed) so that every error can name
    the YAML line it comes from.

    Args:
        path: The rules file.
        display: The file as messages name it (relative to mkdocs.yml, as every editorial file's); ``path`` by default.
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
    shown = display or path
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScriptDataError(
            shown, 0, f"cannot read the rules file ({exc.strerror}); check the path"
        ) from exc
    except UnicodeDecodeError as exc:
        line = text_line(path.read_bytes(), exc.start)
        raise ScriptDataError(shown, line, f"not UTF-8 ({exc.reason}): save the file as UTF-8") from None
    try:
        root, _ = yaml_document(text)
    except yaml.MarkedYAMLError as exc:
        line, problem = error_place(exc, text)
        raise ScriptDataError(
            shown,
            line or 0,
            f"invalid YAML: {problem}; fix the syntax (indent, quotes, colons)",
        ) from None

    allowed_codes: set[str] | None = None
    if known_variants is not None:
        allowed_codes = set()
        for code in known_variants:
            allowed_codes.update(prefixes(code))

    def line_of(node: yaml.Node) -> int:
        return node.start_mark.line + 1

    def fail(node: yaml.Node, message: str) -> ScriptDataError:
        return ScriptDataError(shown, line_of(node), message)

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
                    shown,
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
