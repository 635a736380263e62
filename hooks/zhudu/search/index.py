"""Zhudu's search: script folding, regional vocabulary and what every index file is folded from.

Material's built-in search (lunr + jieba) misses what Chinese readers type: the
last word of an unspaced query, a word inside a longer word, the other script,
the other region's vocabulary.  With ``extra.zhudu.search: zhudu`` (the default)
the hook points Material's search UI at ``assets/zhudu/search-worker.js``, a
worker that keeps Material's message protocol (setup / ready / query / result),
so the UI, keyboard and instant navigation stay Material's.

The worker reads the sharded index (``search/shards.py``), built from the pages'
search records (``search/extract.py``), folded (``fold``, ``fold_table``) and
with the regional forms of the corpus vocabulary (``aliases``).  Matching is by
substring on folded text, so an inner word (中心 in 数据中心) is found, and a query
is segmented against the corpus itself (fewest pieces that each occur), so the
last word of an unspaced query is never dropped.  Each variant's
``search/search_index.json`` is only Material's search configuration
(``stub_index``): nothing a reader uses reads passages from it.  This module is
pure: it takes texts and converters, not MkDocs objects.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from zhudu.notes.yamldoc import yaml_document
from zhudu.publish import asset_versions

# jieba's cutting (``search/cutting.py``), re-exported: the stage and the tests name ``search._JIEBA`` and so on.
from zhudu.search.cutting import HAN_RE as _HAN_RE
from zhudu.search.cutting import JIEBA as _JIEBA  # noqa: F401
from zhudu.search.cutting import JiebaCache, warm_vocabulary, warm_vocabulary_aside  # noqa: F401
from zhudu.search.cutting import added_words as _added_words
from zhudu.search.cutting import jieba_cache as _jieba_cache
from zhudu.search.cutting import words_of as _words_of

# Re-exported: the page writer and the tests name them ``search.outline`` and so on.
from zhudu.search.extract import (  # noqa: F401
    _ATTRS_MEMO,
    SKIPPED_CLASSES,
    Outline,
    PageText,
    PassageText,
    _StartTagAttrs,
    extract_page,
    outline,
    page_text,
)
from zhudu.search.word_union import WordUnion

# --------------------------------------------------------------------------- Data

ENGINES = ("zhudu", "material")
WORKER_PATH = "assets/zhudu/search-worker.js"
#: Material's worker URL in the ``__config`` JSON of every page (relative, hashed name).
_MATERIAL_WORKER_RE = re.compile(r"""assets/javascripts/workers/search\.[0-9a-f]+\.min\.js""")
#: CJK ranges whose Traditional → Simplified pairs the fold table is drawn from.
_CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


# --------------------------------------------------------------------------- folding


def fold_table(corpus_chars: Iterable[str], to_simplified: Callable[[str], str]) -> dict[str, str]:
    """Traditional → Simplified character pairs whose Simplified side occurs in the corpus.

    Only those can ever make a query match, so the table shipped to the browser
    stays small.  Pairs that change a character's UTF-16 length are left out: the
    fold must keep positions so that hits map back onto the displayed text.

    Args:
        corpus_chars: Every character of the canonical (Simplified) texts.
        to_simplified: Text conversion to Simplified (OpenCC ``t2s``).
    """
    wanted = set(corpus_chars)
    return {src: dst for src, dst in _folding_pairs(to_simplified) if dst in wanted}


#: Every Traditional → Simplified pair of one conversion (a ``mkdocs serve`` save converts none again).
_PAIRS: list[tuple[Callable[[str], str], list[tuple[str, str]]]] = []


def _folding_pairs(to_simplified: Callable[[str], str]) -> list[tuple[str, str]]:
    if _PAIRS and _PAIRS[0][0] == to_simplified:
        return _PAIRS[0][1]
    chars = [chr(c) for lo, hi in _CJK_RANGES for c in range(lo, hi)]
    # One conversion call: a newline between characters keeps OpenCC from forming phrases.
    out = to_simplified("\n".join(chars)).split("\n")
    pairs: list[tuple[str, str]] = []
    if len(out) == len(chars):  # OpenCC keeps newlines
        pairs = [
            (src, dst)
            for src, dst in zip(chars, out, strict=True)
            if dst != src and len(dst) == 1 and len(src.encode("utf-16-le")) == len(dst.encode("utf-16-le"))
        ]
    _PAIRS[:] = [(to_simplified, pairs)]
    return pairs


def fold(text: str, table: Mapping[str, str]) -> str:
    """What the worker matches on: full-width ASCII narrowed, lower case, Simplified characters.

    Keeps the length (and every position) of ``text``; mirrors ``fold`` in search-worker.js.
    """
    out = []
    for ch in text:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            ch = chr(o - 0xFEE0)
        elif o == 0x3000:
            ch = " "
        low = ch.lower()
        if len(low) == 1:
            ch = low
        out.append(table.get(ch, ch))
    return "".join(out)


class Folder(dict[int, str]):
    """``fold`` with one table, through ``str.translate``: the same text, without a Python loop per character.

    Each character is folded once, by ``fold`` itself, the first time a text holds it; the
    characters that fold to themselves are kept too (``translate`` took 2.5 times as long when
    most characters were missing from its table).
    """

    def __init__(self, table: Mapping[str, str]) -> None:
        super().__init__()
        self.table = table

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold(chr(code), self.table)
        return folded

    def __call__(self, text: str) -> str:
        return text.translate(self)


# --------------------------------------------------------------------------- the index


class PagesInOrder(Sequence[PageText]):
    """A variant's pages already in URL order, each read from ``texts`` only when asked for.

    With the build's text spool behind it (``publish/textspool.py``) the search stage holds one
    page's texts at a time instead of every page of every variant.
    """

    def __init__(self, texts: Mapping[str, PageText], keys: Sequence[str]) -> None:
        self.texts = texts
        self.keys = list(keys)

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self.texts[k] for k in self.keys[i]]
        return self.texts[self.keys[i]]


@dataclass(frozen=True)
class VariantPages:
    """Every page of one variant, extracted (a ``PagesInOrder``: in URL order, read as needed)."""

    code: str
    pages: Sequence[PageText]


def vocabulary(texts: Iterable[str], extra_words: Iterable[str] = ()) -> list[str]:
    """Words of the canonical texts (jieba's search mode: long words and the words inside them).

    Args:
        texts: Canonical (Simplified) passage texts.
        extra_words: A domain dictionary (theme and glossary terms) added to jieba's.
    """
    extra_words = list(extra_words)
    cache = _jieba_cache(_added_words(extra_words))
    seen: dict[str, frozenset[str]] = {}  # this build's texts: what the cache keeps for the next one
    words: set[str] = set(w for w in extra_words if _HAN_RE.search(w))
    for text in texts:
        found = seen.get(text)
        if found is None and (found := cache.words.get(text)) is None:
            found = _words_of(cache, text)
        seen[text] = found
        words |= found
    cache.words = seen
    cache.forget_blocks()
    return sorted(words)


def aliases(
    words: Iterable[str],
    converters: Iterable[Callable[[str], str]],
    table: Mapping[str, str],
    conversion: str | None = None,
) -> tuple[dict[str, str], list[str]]:
    """Regional forms of the corpus vocabulary, each pointing at its canonical word.

    For 数据 the Taiwan variant writes 資料: ``資料`` and its folded ``资料`` both
    map to ``数据``.  ``资料`` is also a canonical word in its own right, so it is
    listed as ambiguous: the worker then prefers the literal reading unless the
    reader typed the Traditional form.

    Args:
        words: Canonical vocabulary.
        converters: Simplified → variant text conversions (one per variant).
        table: The fold table.
        conversion: what ``converters`` are made from, the same in every process (OpenCC
            configs, the editor's rules): the memo's key, so a new serve can adopt a former one's
            (``adopt_alias_memo``).  None: keyed by the converter objects.

    Returns:
        (alias → canonical word, sorted ambiguous aliases)
    """
    vocab = set(words)
    out: dict[str, str] = {}
    converters = list(converters)
    folder = Folder(table)
    memo = _alias_memo(tuple(converters) if conversion is None else conversion, table)
    ALIASES_CONVERTED[0] = 0
    for word in sorted(vocab):
        keys = memo.get(word)
        if keys is None:
            ALIASES_CONVERTED[0] += 1
            found: list[str] = []
            for convert in converters:
                shown = convert(word)
                folded = folder(shown)
                if folded != word and len(shown) <= 12:
                    found += (shown, folded)
            keys = memo[word] = tuple(found)
        for key in keys:
            # Two canonical words may share a regional form: keep the first (sorted, so stable).
            if key != word and key not in out:
                out[key] = word
    _ALIAS_WORDS[:] = [vocab]
    ambiguous = sorted(k for k in out if k in vocab)
    return dict(sorted(out.items())), ambiguous


#: Each word's regional forms (``aliases``) for one conversion and fold table: a ``mkdocs serve``
#: save converts only the words it has not seen (five conversions a word), and a new serve those
#: a former one had not (``search/persist.py`` keeps the memo with the assembly).
_ALIASES: list[tuple[Any, dict[str, tuple[str, ...]]]] = []
_ALIASES_LIMIT = 400_000
#: The last call's words: what is kept of the memo (a long session's other words are not).
_ALIAS_WORDS: list[set[str]] = [set()]
#: Words the last ``aliases`` converted (the others' forms were in the memo).
ALIASES_CONVERTED = [0]


def _alias_memo(conversion: Any, table: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    key = (conversion, tuple(sorted(table.items())))
    if not _ALIASES or _ALIASES[0][0] != key or len(_ALIASES[0][1]) > _ALIASES_LIMIT:
        _ALIASES[:] = [(key, {})]
    return _ALIASES[0][1]


def alias_memo() -> tuple[Any, dict[str, tuple[str, ...]]]:
    """The memo's key and the last call's words in it, to keep (``conversion`` given: see ``aliases``)."""
    if not _ALIASES or not isinstance(_ALIASES[0][0][0], str):  # converter objects: this process's
        return None, {}
    key, memo = _ALIASES[0]
    return key, {w: memo[w] for w in sorted(_ALIAS_WORDS[0]) if w in memo}


def adopt_alias_memo(key: Any, memo: Any) -> None:
    """A former process's memo (``search/persist.py``), when this one has none; used only under its key."""
    if not _ALIASES and isinstance(memo, dict) and isinstance(key, tuple):
        _ALIASES[:] = [(key, memo)]


#: Starts computing the vocabulary of (texts, fold table, domain words); the getter returned waits for it.
VocabularyOf = Callable[[list[str], Mapping[str, str], list[str]], Callable[[], list[str]]]


def folded_vocabulary(
    texts: Iterable[str], table: Mapping[str, str], extra_words: Iterable[str] = ()
) -> list[str]:
    """``vocabulary`` of the canonical texts folded with ``table`` (as the browser folds what it matches).

    Each text's words are kept for the next call with the same table and domain words, by the
    text as given (``_TEXT_WORDS``): under ``mkdocs serve`` an unchanged page's texts are the same
    string objects save after save: only the edited page's are cut and counted in (``word_union``).
    """
    extra_words = list(extra_words)
    added = _added_words(extra_words)
    key = (added, tuple(sorted(table.items())))
    if _TEXT_WORDS[0] != key:
        _TEXT_WORDS[:] = [key, {}]
    kept: dict[str, frozenset[str]] = _TEXT_WORDS[1]
    cache: JiebaCache | None = None  # loaded when a text's words are not kept
    folder, seen, came = Folder(table), dict[str, frozenset[str]](), list[str]()
    TEXTS_CUT[0] = 0
    for text in texts:
        if text in seen:
            continue
        if (found := kept.get(text)) is None:  # a text the last call did not have
            came.append(text)
            cache = cache or _jieba_cache(added)
            if (found := cache.words.get(folded := folder(text))) is None:
                # No Han character, no word (jieba's are pieces of the text): Hexo's code, a third of its cutting.
                found = _words_of(cache, folded) if _HAN_RE.search(folded) else frozenset()
                TEXTS_CUT[0] += 1
        seen[text] = found
    if cache is not None:
        cache.forget_blocks()  # each block's words: this call's only
    _TEXT_WORDS[1] = seen  # this call's texts only: a long session does not grow
    return _UNION.of(seen, kept, came, [w for w in extra_words if _HAN_RE.search(w)])


#: (domain words, fold table) and each text's words for them (``folded_vocabulary``).
_TEXT_WORDS: list[Any] = [None, {}]
#: Texts the last ``folded_vocabulary`` of this process cut with jieba (the others' words were kept).
TEXTS_CUT = [0]
_UNION = WordUnion()  # their words' union (``folded_vocabulary``)


def text_words() -> tuple[Any, dict[str, frozenset[str]]]:
    """The last ``folded_vocabulary``'s key (domain words, fold table) and each text's words."""
    return _TEXT_WORDS[0], _TEXT_WORDS[1]


def adopt_text_words(key: Any, words: Any) -> None:
    """Each text's words as a former process cut them (``search/persist.py``), when this one has none.

    Used only by a call with the same key (``folded_vocabulary``); a text is found by its whole
    content, so an edited text is cut again.
    """
    if _TEXT_WORDS[0] is None and isinstance(words, dict):
        _TEXT_WORDS[:] = [key, words]


def vocabulary_now(
    texts: list[str], table: Mapping[str, str], extra_words: list[str]
) -> Callable[[], list[str]]:
    """``folded_vocabulary`` computed here, now, as a ``VocabularyOf`` (for a build without workers)."""
    words = folded_vocabulary(texts, table, extra_words)
    return lambda: words


def canonical_text(
    variant_pages: Sequence[VariantPages],
    canonical_code: str,
    to_simplified: Callable[[str], str],
    extra_words: Iterable[str],
    vocabulary_of: Any = None,
) -> tuple[dict[tuple[str, str], str], dict[str, str], Callable[[], list[str]]]:
    """What every index file is folded from: the canonical variant's titles and passages in Simplified.

    Returns:
        The texts by ``(url, anchor)`` (anchor ``""``: the page's title), the fold table of their
        characters, and the folded vocabulary (``vocabulary_of`` starts it, here by default).
    """
    canon = next(v for v in variant_pages if v.code == canonical_code)
    texts: dict[tuple[str, str], str] = {}
    for page in canon.pages:
        texts[(page.url, "")] = to_simplified(page.title)
        for p in page.passages:
            texts[(page.url, p.anchor)] = to_simplified(p.text)
    table = fold_table(set("".join(texts.values())), to_simplified)
    words = (vocabulary_of or vocabulary_now)(list(texts.values()), table, list(extra_words))
    return texts, table, words


def stub_index(material_index: Mapping[str, Any]) -> str:
    """A variant's ``search/search_index.json``: Material's search configuration, no documents.

    Material's bundle fetches this file only where ``zd-lazy-search.html`` cannot stop it (no
    ``BroadcastChannel``), to start its worker (ours, which then reads the sharded index named in
    its URL) and its highlighter (which needs only the separator): passages there would be
    downloaded for nothing.

    Args:
        material_index: The index Material's search plugin wrote at the site's root.
    """
    return _json({"config": material_index.get("config", {}), "docs": []})


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def point_worker(html: str) -> str:
    """Aim Material's search UI at Zhudu's worker (the URL in its ``__config``; a template filter).

    The URL carries the worker's content hash (``?v=``, ``publish/asset_versions.py``): a browser
    that kept an older worker (a deploy changes the index format with it) fetches the new one.
    """
    return _MATERIAL_WORKER_RE.sub(f"{WORKER_PATH}?v={asset_versions.version(WORKER_PATH)}", html, count=1)


def domain_words(editorial_dir: Path) -> list[str]:
    """Theme and glossary terms, when those editorial files exist (a domain dictionary).

    Reads any string value under the keys ``term``, ``name``, ``title``, ``label`` and ``aliases``/``synonyms``
    lists; files being written by other editors may be missing or half-finished, so unreadable files are
    ignored here (their own loaders report them).
    """
    found: set[str] = set()

    def walk(node: Any, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if isinstance(k, str) and _HAN_RE.search(k) and len(k) <= 12:
                    found.add(k)
                walk(v, str(k))
        elif isinstance(node, list):
            for item in node:
                walk(item, key)
        elif (
            isinstance(node, str)
            and key in {"term", "name", "title", "label", "aliases", "synonyms", "zh"}
            and _HAN_RE.search(node)
            and len(node) <= 12
        ):
            found.add(node.strip())

    for name in ("themes.yml", "glossary.yml"):
        path = editorial_dir / name
        if not path.is_file():
            continue
        try:
            walk(yaml_document(path.read_text(encoding="utf-8"))[1])
        except (yaml.YAMLError, UnicodeDecodeError):
            continue
    return sorted(found)
