"""The regional layer's Taiwan and Hong Kong words as search aliases: 設定檔 finds the notes' 配置文件.

The regional forms (``index.aliases``) come from converting the notes' words into each variant: 配置文件 is shown
配置檔案 on a Taiwan page, so 配置檔案 finds it, but 設定檔, the word a Taiwan reader types, found nothing, nor 樣板
(模板).  The layer's from-hant rules (``script/data/regional.yml``: a Traditional note's word → the mainland word)
name exactly those words.  A rule held to no neighbour (its word has the output's sense wherever it stands) whose
output the notes hold gives its word, as written and folded, as a regional form of that output, where the forms
have none for it already.  Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from zhudu.script.regional import RegionalRules

#: The layer's rules turning a Traditional note into Simplified: their words are Taiwan's and Hong Kong's.
RULES_FROM = ("zh-Hans", "Hant")


def rule_words(layer: RegionalRules, domain: str | None) -> dict[str, str]:
    """Each from-hant rule's word → its output, for rules held to no neighbour (``next`` / ``prev``).

    ``domain``: the notes' (``script.domain``), so that a rule of the other domain's sense gives nothing.  A word
    with two such rules (none is: a second one would need a context) keeps the first.
    """
    out: dict[str, str] = {}
    for rule in layer.rules_for(*RULES_FROM, domain):
        if not (rule.next or rule.prev) and rule.out != rule.word:
            out.setdefault(rule.word, rule.out)
    return out


def with_rule_words(
    alias: Mapping[str, str],
    words: Mapping[str, str],
    vocab: Collection[str],
    folder: Callable[[str], str],
    converted: Collection[str] = (),
) -> tuple[dict[str, str], set[str]]:
    """``alias`` with each rule word (as written and folded) → its output the notes hold (``vocab``), where not there.

    ``converted``: the forms the notes' words convert to (``index.aliases``).  A form outside them that reads the
    rule's output was shown only where a Traditional author wrote the rule's word (``script.as_written``: the
    Taiwan configuration page's 設定檔案, canonically 配置文件): a word of one page, so a rule word too, or else
    it would read 設定檔 as 配置文件 before the 設定檔案 every Taiwan page shows for 设置文件.
    Returns the forms and the rule words' keys: the worker reads them below what the pages show (``alias_flags``).
    """
    out, added = dict(alias), set()
    for word, canonical in sorted(words.items()):
        if canonical not in vocab:
            continue
        for key in (word, folder(word)):
            if key != canonical and (key not in out or (out[key] == canonical and key not in converted)):
                out[key] = canonical
                added.add(key)
    return out, added


#: A regional form's flags in the manifest (``alias``: form → [word, flags]).
AMBIGUOUS = 1  # the notes hold it as it folds: the literal reading may be meant
TYPED = 2  # a rule word (``with_rule_words``): a reader's word no page shows, read under the shown forms


def alias_flags(key: str, ambiguous: Collection[str], typed: Collection[str]) -> int:
    """The manifest's flags of the form ``key``."""
    return (AMBIGUOUS if key in ambiguous else 0) | (TYPED if key in typed else 0)
