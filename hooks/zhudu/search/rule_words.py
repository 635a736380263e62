"""The regional layer's Taiwan and Hong Kong words as search aliases: 設定檔 finds the notes' 配置文件.

The regional forms (``index.aliases``) come from converting the notes' words into each variant: 配置文件 is shown
配置檔案 on a Taiwan page, so 配置檔案 finds it, but 設定檔, the word a Taiwan reader types, found nothing, nor 樣板
(模板).  The layer's from-hant rules (``script/data/regional.yml``: a Traditional note's word → the mainland word)
name exactly those words.  A rule held to no neighbour (its word has the output's sense wherever it stands) whose
output the notes hold gives its word, as written and folded, as a regional form of that output, where the forms
have none for it already.  A rule held to a neighbour (影片 → 视频 only after 上傳, before 網站 …) gives no form for
its word alone: the worker reads a form wherever the query holds it, not where the passage's text meets the rule's
condition, so 影片 would read 视频 in every passage, a film too.  Its word with each neighbour (上傳影片, 影片網站)
meets the condition wherever it is typed: that phrase reads the mainland phrase (上传视频, 视频网站), where the notes
hold both of its words (``with_rule_words``).  Pure.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping

from zhudu.script.regional import RegionalRules
from zhudu.search.grams import b36
from zhudu.search.shown_words import read_through

#: The layer's rules turning a Traditional note into Simplified: their words are Taiwan's and Hong Kong's.
RULES_FROM = ("zh-Hans", "Hant")
#: A neighbour that makes a phrase with the rule's word: Han characters only (not a class, a space or Latin text).
_HAN_CONTEXT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def rule_words(layer: RegionalRules, domain: str | None) -> dict[str, str]:
    """Each from-hant rule's word → its output, or, for a rule held to a neighbour, its word with the neighbour.

    A rule held to no neighbour (``next`` / ``prev``) gives its word; one held to some, its word with each
    neighbour of Han characters → the output with the neighbour's mainland form (the layer's own word for it, else
    as written: folded later).
    ``domain``: the notes' (``script.domain``), so that a rule of the other domain's sense gives nothing.  A word
    with two such rules (none is: a second one would need a context) keeps the first.
    """
    rules = [r for r in layer.rules_for(*RULES_FROM, domain) if r.out != r.word]
    out: dict[str, str] = {}
    for rule in rules:
        if not (rule.next or rule.prev):
            out.setdefault(rule.word, rule.out)
    plain = dict(out)
    for rule in rules:
        for context in (c for c in rule.next if _HAN_CONTEXT.fullmatch(c)):
            out.setdefault(rule.word + context, rule.out + plain.get(context, context))
        for context in (c for c in rule.prev if _HAN_CONTEXT.fullmatch(c)):
            out.setdefault(context + rule.word, plain.get(context, context) + rule.out)
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
    longest = max(map(len, alias), default=0)
    for word, written in sorted(words.items()):
        canonical = folder(written)  # a phrase's neighbour may be as written (Traditional)
        if canonical not in vocab and (
            # A phrase of two of the notes' words, which the forms do not read so already (連結 is a form of 链接:
            # 下載連結 needs none; 儲存 is one of 保存: 儲存空間 does): every first search fetches the forms.
            not _two_words(canonical, vocab)
            or canonical
            in (folder(read_through(word, alias, longest)), read_through(folder(word), alias, longest))
        ):
            continue
        # A phrase only as it folds (the worker reads a query's folded text too): half the bytes.
        for key in (word, folder(word)) if canonical in vocab else (folder(word),):
            if key != canonical and (key not in out or (out[key] == canonical and key not in converted)):
                out[key] = canonical
                added.add(key)
    return out, added


def marked_forms(
    alias: Mapping[str, str], typed: Collection[str], folder: Callable[[str], str]
) -> dict[str, list[str]]:
    """Each word's regional forms as they fold, the rule words' left out (shown nowhere: nothing to mark)."""
    forms: dict[str, list[str]] = defaultdict(list)
    for key, word in alias.items():
        if key not in typed and (folded := folder(key)) not in forms[word]:
            forms[word].append(folded)
    return forms


def shown_rule_pairs(
    words: Iterable[str], folder: Callable[[str], str]
) -> Callable[[Mapping[str, str]], dict[str, str]]:
    """What ``shown_at`` may read of a page's shown pieces (``ShownWords.pairs``): the pieces that may be rule words.

    ``with_rule_words``' keys are each word as written and folded.  A build held each page's whole pairs from its
    record until the manifests were written (``pooled`` had moved them into one): only these are held now.
    """
    pieces = frozenset(key for word in words for key in (word, folder(word)))
    return lambda pairs: {key: word for key, word in pairs.items() if key in pieces}


def shown_at(
    typed: Collection[str], alias: Mapping[str, str], pages: Iterable[tuple[int, Mapping[str, str]]]
) -> dict[str, str]:
    """Each rule word a variant's pages show for its word → those pages: the manifest's ``shownAt``.

    A page shows a rule word where its author wrote it (``script.as_written``); the pages are given by their
    places in URL order, base 36, comma-separated.  ``pages``: each page's place and its shown pieces (``ShownWords.pairs``: folded → canonical).  The worker reads
    a rule word on those pages as typed, not below what the pages show: the Taiwan configuration page's 設定檔案
    (canonically 配置文件) comes before the 配置文件 passages shown 配置檔案 for the query 設定檔案.
    """
    out: dict[str, list[str]] = defaultdict(list)
    for at, pairs in pages:
        for key, word in pairs.items():
            if key in typed and alias.get(key) == word:
                out[key].append(b36(at))
    return {key: ",".join(out[key]) for key in sorted(out)}


def _two_words(text: str, vocab: Collection[str]) -> bool:
    """Whether ``text`` is two words of the notes of two characters or more (a rule's output and its neighbour)."""
    return any(text[:k] in vocab and text[k:] in vocab for k in range(2, len(text) - 1))


#: A regional form's flags in the manifest (``alias``: form → [word, flags]).
AMBIGUOUS = 1  # the notes hold it as it folds: the literal reading may be meant
TYPED = 2  # a rule word (``with_rule_words``): a reader's word no page shows, read under the shown forms


def alias_flags(key: str, ambiguous: Collection[str], typed: Collection[str]) -> int:
    """The manifest's flags of the form ``key``."""
    return (AMBIGUOUS if key in ambiguous else 0) | (TYPED if key in typed else 0)
