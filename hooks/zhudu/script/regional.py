"""Zhudu's default regional vocabulary layer (``data/regional.yml``).

OpenCC's regional configs (s2twp, s2hkp) swap phrases without looking at the sense (发布 → 釋出,
社区 → 社群, 参数 → 引數), cut words at the wrong place (电视频道 → 電影片道), and leave Mainland
words a Taiwan or Hong Kong writer would not use (示例, 帖子, 默認 in Hong Kong).  t2s, which turns
a note written in Traditional into Simplified, converts characters only and keeps Taiwan words
(资料夹, 预设).  This layer fixes those places for every site, as data: each rule is a word, its
output, and optionally the context in which the sense fits (what precedes or follows the word).

:class:`Converter <zhudu.script.Converter>` applies the layer after the editor's own rules (which
win: their places are already placeholders when this layer looks) and before OpenCC.  The module
has no MkDocs or OpenCC import; the file format is described in ``data/regional.yml``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from zhudu.script.domain import GENERAL, SOFTWARE
from zhudu.script.regional_scan import RegionalScanner

__all__ = [
    "DEFAULT_REGIONAL_FILE",
    "KeepAsWritten",
    "RegionOnly",
    "RegionalRule",
    "RegionalRules",
    "default_regional",
    "load_regional",
]

DEFAULT_REGIONAL_FILE = Path(__file__).with_name("data") / "regional.yml"

_SECTIONS = {"from-hans": "Hans", "from-hant": "Hant"}
_KEEP_SECTION = "keep-as-written"
_ONLY_SECTION = "region-only"
_ONLY_FIELDS = frozenset({"words", "why", "example"})
_KEEP_FIELDS = frozenset({"after", "why", "example", "not"})
_OPENERS = '“「『"'
_CLOSERS = '”」』"'
_SEPARATORS = ("", "：", ":", " ")
_FIELDS = frozenset(
    {"word", "out", "next", "prev", "not-next", "not-prev", "domain", "region", "why", "example", "not"}
)
#: ``region:`` values of a ``from-hant`` rule (``RegionalRule.region``).
_RULE_REGIONS = ("TW", "HK")
#: ``domain:`` values and the text domain (``script.domain``) a rule marked so applies to: ``software`` for the
#: software sense of its word (software text only), ``general`` for the everyday sense where OpenCC's phrase
#: writes the software one (对象 a partner, not 物件; text that is not software only).
DOMAINS: Mapping[str, str] = MappingProxyType({"software": SOFTWARE, "general": GENERAL})
_CONTEXTS = ("next", "prev", "not-next", "not-prev")
#: ``*ascii`` in a context: a Latin letter or digit, a space or a backtick (code, names, numbers).
_ASCII_CONTEXT = "*ascii"
_ASCII_CLASS = "[A-Za-z0-9 `]"
#: ``*han`` in a context: a Han character (a Latin word put into Chinese text is set off by a space).
_CLASSES = {_ASCII_CONTEXT: _ASCII_CLASS, "*han": "[\u3400-\u4dbf\u4e00-\u9fff]"}


@dataclass(frozen=True)
class RegionalRule:
    """One rule of the layer.

    Attributes:
        code: The variant code or prefix it is written under (``zh-Hant-TW``, ``zh-Hant``).
        script: The script of the notes it applies to (``Hans`` or ``Hant``).
        word: The word as written.
        out: Its output in the variant.
        next, prev, not_next, not_prev: The context (see ``data/regional.yml``).
        why: The reason.
        example: A sentence where it fires.
        negatives: Sentences where it must not fire.
        domain: ``"software"`` for a rule applied only to software text (see ``script.domain``),
            ``"general"`` for one applied only to other text, or ``""`` for every text.
        region: A ``from-hant`` rule's: the region whose notes it reads (``TW``: a Taiwan note's word, and a note
            naming no region's, read as Taiwan's; ``HK``), or ``""`` for every Traditional note (a Hong Kong
            author writes 數據 for data, so a Hong Kong note's 資料 is material: 资料).
    """

    code: str
    script: str
    word: str
    out: str
    next: tuple[str, ...] = ()
    prev: tuple[str, ...] = ()
    not_next: tuple[str, ...] = ()
    not_prev: tuple[str, ...] = ()
    why: str = ""
    example: str = ""
    negatives: tuple[str, ...] = ()
    domain: str = ""
    region: str = ""

    def applies_to(self, domain: str | None) -> bool:
        """Whether the rule applies to text of ``domain``: ``script.domain``'s ``SOFTWARE`` or ``GENERAL``.

        ``None`` is a text whose domain is not known: only the rules without a domain apply there.
        """
        return not self.domain or DOMAINS[self.domain] == domain

    def declined_at(self, before: str, after: str) -> bool:
        """Whether ``not-prev`` / ``not-next`` keep the rule off its word between ``before`` and ``after``.

        As :meth:`source` reads them: a class (``*ascii``, ``*han``) is any of its characters.
        """
        return any(re.search(f"(?:{_alt(c)})\\Z", before) for c in self.not_prev) or any(
            re.match(_alt(c), after) for c in self.not_next
        )

    def source(self) -> str:
        """The regex source of this rule: the word with its context as lookarounds."""
        word = re.escape(self.word)
        guard = "".join(f"(?<!{_alt(c)})" for c in self.not_prev)
        guard_after = "(?!" + "|".join(_alt(c) for c in self.not_next) + ")" if self.not_next else ""
        before = "(?:" + "|".join(f"(?<={_alt(c)})" for c in self.prev) + ")" if self.prev else ""
        after = "(?=" + "|".join(_alt(c) for c in self.next) + ")" if self.next else ""
        # With both contexts, either one is enough.
        core = f"(?:{before}{word}|{word}{after})" if before and after else f"{before}{word}{after}"
        # The word first (a lookahead, so the match is the same): at a position where another rule's word
        # starts, this rule fails on one character instead of evaluating its context lookbehinds.
        lead = f"(?={word})" if guard or before else ""
        return f"{lead}{guard}{core}{guard_after}"


def _alt(context: str) -> str:
    return _CLASSES.get(context) or re.escape(context)


@dataclass(frozen=True)
class KeepAsWritten:
    """Quoted text a reader must type (an account name, a search term): never converted.

    Attributes:
        after: The words that announce it (搜索, 公众号 …), right before the opening quotation mark
            (a colon or a space may come between).
        why, example, negatives: As for :class:`RegionalRule`.
    """

    after: tuple[str, ...]
    why: str = ""
    example: str = ""
    negatives: tuple[str, ...] = ()

    def source(self) -> str:
        """The regex source: the quoted text (not the marks), after one of the words and an opening mark."""
        behind = "|".join(
            f"(?<={re.escape(word + sep)}[{re.escape(_OPENERS)}])"
            for word in self.after
            for sep in _SEPARATORS
        )
        # The cheap one-character check first: most places do not follow a quotation mark.
        inner = f"[^{re.escape(_OPENERS + _CLOSERS)}\n]{{1,40}}"
        return f"(?<=[{re.escape(_OPENERS)}])(?:{behind}){inner}(?=[{re.escape(_CLOSERS)}])"


@dataclass(frozen=True)
class RegionOnly:
    """Words only one region writes (``region-only:``): a note of that region shows them the other's way there.

    A Traditional note reaches another region's page through Simplified: where the from-hant rules rewrote a word of
    the author's, that page shows the author's word, as its region writes it too (a Taiwan note's 檔案, 設定 on its
    Hong Kong page), unless the word holds one of these (軟體, 網路: the rule's word, 軟件, 網絡 there).

    Attributes:
        region: The region that writes them (``TW``, as a note's ``lang`` names it).
        words: The words, written as that region writes them.
        why, example: As for :class:`RegionalRule` (the example holds one of the words).
    """

    region: str
    words: tuple[str, ...]
    why: str = ""
    example: str = ""


@dataclass(frozen=True)
class RegionalRules:
    """The rules of the layer, with a compiled matcher per (variant, script).

    Attributes:
        rules: Every rule, in file order.
        path: The file they come from (for messages).
    """

    rules: tuple[RegionalRule, ...] = ()
    path: Path | None = None
    keep: KeepAsWritten | None = None
    only: tuple[RegionOnly, ...] = ()
    _cache: dict[Any, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def rules_for(
        self, code: str, script: str, domain: str | None = None, region: str | None = None
    ) -> list[RegionalRule]:
        """The rules that apply to notes in ``script`` converted into variant ``code``, in match order.

        Longer words first (局部变量 before 局部); for one length, the more specific variant key
        first, and rules with a context before a rule without.  A rule with a ``domain`` applies only
        to text of that domain (``domain``: ``SOFTWARE``, ``GENERAL`` or ``None``, see :meth:`RegionalRule.applies_to`);
        one with a ``region`` only to that region's notes (``region``: the note's, ``None`` read as Taiwan's).
        """
        chain = _prefixes(code)
        mine = [
            r
            for r in self.rules
            if r.script == script
            and r.code in chain
            and r.applies_to(domain)
            and r.region in ("", region or "TW")
        ]
        return sorted(
            mine,
            key=lambda r: (
                -len(r.word),
                -chain.index(r.code),
                not (r.next or r.prev or r.not_next or r.not_prev),
            ),
        )

    def matcher(
        self, code: str, script: str, domain: str | None = None, region: str | None = None
    ) -> tuple[re.Pattern[str], Mapping[str, str]] | None:
        """The compiled pattern for ``code``/``script`` and the output of each of its groups.

        Returns:
            ``(pattern, {group name: output})``, or ``None`` when no rule applies.  Text to keep as
            written is not part of it: see :meth:`keep_pattern`.
        """
        key = (code, script, domain, self._region_key(script, region))
        if key not in self._cache:
            rules = self.rules_for(code, script, domain, region)
            alternatives: list[str] = []
            outputs: dict[str, str] = {}
            if rules:
                by_first: dict[str, list[str]] = {}
                for i, r in enumerate(rules):  # match order kept among the rules that can start at one place
                    by_first.setdefault(r.word[0], []).append(f"(?P<g{i}>{r.source()})")
                alternatives.append(_dispatch(sorted(by_first.items())))
                outputs.update({f"g{i}": r.out for i, r in enumerate(rules)})
            self._cache[key] = (re.compile("|".join(alternatives)), outputs) if alternatives else None
        return self._cache[key]

    def scanner(
        self, code: str, script: str, domain: str | None = None, region: str | None = None
    ) -> RegionalScanner | None:
        """What a converter applies: :meth:`matcher`'s ``sub`` and outputs, compiled a rule at a time.

        Kept per (code, script, domain, region), so every converter of a process shares what is compiled; it uses
        the whole matcher at once when that is compiled already (``script.preload`` before page writers fork).
        """
        key = ("scanner", code, script, domain, self._region_key(script, region))
        if key not in self._cache:
            rules = self.rules_for(code, script, domain, region)
            whole = self._cache.get(key[1:])
            compile_whole = functools.partial(self._whole_pattern, code, script, domain, region)
            self._cache[key] = (
                RegionalScanner(rules, compile_whole, whole[0] if whole else None) if rules else None
            )
        return self._cache[key]

    def _region_key(self, script: str, region: str | None) -> str:
        """``region`` as compiled patterns are kept by it: "" where no rule of ``script`` names one (all read alike)."""
        if ("regions", script) not in self._cache:
            self._cache["regions", script] = any(r.region for r in self.rules if r.script == script)
        return (region or "TW") if self._cache["regions", script] else ""

    def _whole_pattern(
        self, code: str, script: str, domain: str | None, region: str | None
    ) -> re.Pattern[str]:
        matched = self.matcher(code, script, domain, region)
        assert matched is not None  # a scanner is made only where rules apply
        return matched[0]

    def keep_pattern(self) -> re.Pattern[str] | None:
        """The compiled pattern of the text kept as written (``keep-as-written:``), or ``None``.

        It applies before anything else, the editor's rules included: a name a reader must type is
        what the author wrote, whatever phrase of a rule it contains (微信搜索“数据中心发布”).
        """
        if "keep" not in self._cache:
            self._cache["keep"] = re.compile(self.keep.source()) if self.keep is not None else None
        return self._cache["keep"]

    def only_in(self, region: str | None) -> re.Pattern[str] | None:
        """The words only ``region`` writes (``region-only:``), as one pattern, or ``None`` where none are listed."""
        key = ("only", region)
        if key not in self._cache:
            words = sorted(
                {w for o in self.only if o.region == region for w in o.words}, key=len, reverse=True
            )
            self._cache[key] = re.compile("|".join(map(re.escape, words))) if words else None
        return self._cache[key]


def _dispatch(groups: list[tuple[str, list[str]]]) -> str:
    """The rules' alternatives, grouped by their word's first character, behind a tree of character-class checks.

    Only the rules whose word starts with the character at a place can match there, so the order between two
    groups does not matter.  A flat alternation tries every rule at each place that starts some word (a few
    hundred, growing with each rule); halving the set of first characters at each level tries about
    log2(groups) classes and then one group's rules.
    """
    chars = "".join(re.escape(c) for c, _ in groups)
    if len(groups) <= 4:
        inner = "|".join(f"(?={re.escape(c)})(?:{'|'.join(alts)})" for c, alts in groups)
    else:
        half = len(groups) // 2
        inner = f"{_dispatch(groups[:half])}|{_dispatch(groups[half:])}"
    return f"(?=[{chars}])(?:{inner})"


def _prefixes(code: str) -> list[str]:
    """``zh-Hant-TW`` → ``["zh", "zh-Hant", "zh-Hant-TW"]`` (as ``script._prefixes``)."""
    parts = code.split("-")
    return ["-".join(parts[: i + 1]) for i in range(len(parts))]


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"{what} must be a list of non-empty strings")
    return tuple(value)


#: libyaml's safe loader when PyYAML has it: every build process reads the shipped layer (860 KB), in ~0.2 s
#: (libyaml parses; PyYAML's constructor, in Python, takes most of it) where the pure-Python loader takes over
#: 1 s; the data is the same (``tests/test_regional.py``).
YAML_LOADER: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_regional(path: Path | str = DEFAULT_REGIONAL_FILE, loader: type[Any] = YAML_LOADER) -> RegionalRules:
    """Load and check a regional layer file (``loader``: a PyYAML safe loader class).

    Raises:
        ValueError: ``path: section code rule N (word): what is wrong``, for an unknown section or
            field, a rule without ``word``, ``out``, ``why`` or ``example``, or an example in which
            the rule's word does not occur.
    """
    path = Path(path)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}  # a safe loader, as safe_load
    rules: list[RegionalRule] = []
    keep = None
    only: list[RegionOnly] = []
    for section, table in data.items():
        if section == _KEEP_SECTION:
            keep = _load_keep(table, f"{path}: {section}")
            continue
        if section == _ONLY_SECTION:
            only += [
                _load_only(region, item, f"{path}: {section} {region}")
                for region, item in (table or {}).items()
            ]
            continue
        if section not in _SECTIONS:
            raise ValueError(
                f"{path}: unknown section {section!r}; use {', '.join([*_SECTIONS, _KEEP_SECTION, _ONLY_SECTION])}"
            )
        for code, items in (table or {}).items():
            for n, item in enumerate(items or (), 1):
                where = f"{path}: {section} {code} rule {n}"
                if not isinstance(item, dict):
                    raise ValueError(f"{where}: a rule is a mapping (word:, out:, why:, example:)")
                unknown = set(item) - _FIELDS
                if unknown:
                    raise ValueError(f"{where}: unknown field(s) {sorted(unknown)}")
                for key in ("word", "out", "why", "example"):
                    if not isinstance(item.get(key), str) or not item[key]:
                        raise ValueError(f"{where}: {key!r} is required and must be text")
                word = item["word"]
                if word not in item["example"]:
                    raise ValueError(f"{where} ({word}): the example does not contain the word")
                domain = item.get("domain", "")
                if domain and domain not in DOMAINS:
                    raise ValueError(
                        f"{where} ({word}): domain must be general or software (or left out: every text)"
                    )
                region = item.get("region", "")
                if region and (region not in _RULE_REGIONS or section != "from-hant"):
                    raise ValueError(
                        f"{where} ({word}): region is a from-hant rule's, TW or HK (or left out: every Traditional note)"
                    )
                rules.append(
                    RegionalRule(
                        code=code,
                        script=_SECTIONS[section],
                        word=word,
                        out=item["out"],
                        next=_strings(item.get("next", []), f"{where}: next"),
                        prev=_strings(item.get("prev", []), f"{where}: prev"),
                        not_next=_strings(item.get("not-next", []), f"{where}: not-next"),
                        not_prev=_strings(item.get("not-prev", []), f"{where}: not-prev"),
                        why=item["why"],
                        example=item["example"],
                        negatives=_strings(item.get("not", []), f"{where}: not"),
                        domain=domain,
                        region=region,
                    )
                )
    return RegionalRules(tuple(rules), path, keep, tuple(only))


def _load_only(region: Any, item: Any, where: str) -> RegionOnly:
    if not isinstance(item, dict):
        raise ValueError(f"{where}: a mapping (words:, why:, example:)")
    unknown = set(item) - _ONLY_FIELDS
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {sorted(unknown)}")
    for key in ("why", "example"):
        if not isinstance(item.get(key), str) or not item[key]:
            raise ValueError(f"{where}: {key!r} is required and must be text")
    words = _strings(item.get("words"), f"{where}: words")
    if not words or not any(w in item["example"] for w in words):
        raise ValueError(f"{where}: words are required, and the example holds one of them")
    return RegionOnly(str(region), words, item["why"], item["example"])


def _load_keep(item: Any, where: str) -> KeepAsWritten:
    if not isinstance(item, dict):
        raise ValueError(f"{where}: a mapping (after:, why:, example:, not:)")
    unknown = set(item) - _KEEP_FIELDS
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {sorted(unknown)}")
    for key in ("why", "example"):
        if not isinstance(item.get(key), str) or not item[key]:
            raise ValueError(f"{where}: {key!r} is required and must be text")
    return KeepAsWritten(
        after=_strings(item.get("after"), f"{where}: after"),
        why=item["why"],
        example=item["example"],
        negatives=_strings(item.get("not", []), f"{where}: not"),
    )


@functools.cache
def default_regional() -> RegionalRules:
    """The layer shipped with Zhudu (loaded once per process)."""
    return load_regional(DEFAULT_REGIONAL_FILE)
