"""Zhudu's own search index: passages, script folding and regional vocabulary, per variant.

Material's built-in search (lunr + jieba) misses what Chinese readers type: the
last word of an unspaced query, a word inside a longer word, the other script,
the other region's vocabulary.  With ``extra.zhudu.search: zhudu`` (the default)
the hook replaces Material's index with its own and points Material's
search UI at ``assets/zhudu/search-worker.js``, a worker that keeps Material's
message protocol (setup / ready / query / result), so the UI, keyboard and
instant navigation stay Material's.

What the worker reads is the sharded index (``search/shards.py``), built from the
same page texts, folding and vocabulary as this module's.  The whole index of a
variant (``<prefix>/search/search_index.json``), written here, is what Material's
own loader fetches (only where the page cannot stop it); it holds:

* ``docs``: one entry per page (``location`` without fragment) and one per
  passage (``location`` ``notes/x/#p-XXXXXXXX``), ``text`` as the variant shows it.
  A passage whose folded text differs from the canonical (Simplified, mainland)
  text also carries ``c``, the canonical text: regional vocabulary (資料 for
  数据) is matched in canonical form.
* ``config.zhudu``: ``fold`` (Traditional → Simplified character pairs, only
  characters that matter for this corpus) and ``alias`` (regional forms of the
  corpus vocabulary → canonical word; ``amb`` lists aliases that are also real
  canonical words, such as 资料).

Matching is by substring on folded text, so an inner word (中心 in 数据中心) is
found, and a query is segmented against the corpus itself (fewest pieces that
each occur), so the last word of an unspaced query is never dropped.  This
module is pure: it takes HTML strings and converters, not MkDocs objects.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from zhudu.notes.yamldoc import yaml_document

# --------------------------------------------------------------------------- Data

ENGINES = ("zhudu", "material")
WORKER_PATH = "assets/zhudu/search-worker.js"
#: Material's worker URL in the ``__config`` JSON of every page (relative, hashed name).
_MATERIAL_WORKER_RE = re.compile(r"""assets/javascripts/workers/search\.[0-9a-f]+\.min\.js""")
_HAN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SPACE_RE = re.compile(r"\s+")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "source", "wbr", "col", "area"})
#: Start tags the article reader does more with than push them (``outline``'s fast path leaves them to it).
_SPECIAL_TAGS = _VOID | _HEADINGS | {"script", "style", "svg", "article"}
#: CJK ranges whose Traditional → Simplified pairs the fold table is drawn from.
_CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@dataclass(frozen=True)
class PassageText:
    """One passage as a variant shows it."""

    anchor: str
    text: str
    section: str  # text of the nearest heading above it ("" before the first)
    section_id: str = ""  # that heading's id (Material's stock index has an entry per section)


@dataclass(frozen=True)
class PageText:
    """The searchable text of one page in one variant."""

    url: str
    title: str
    passages: tuple[PassageText, ...]


#: What the site adds inside a passage that is not the author's text: theme markers (which quote
#: other notes' passages), editor's notes and their numbers, permalinks, screen-reader labels.
#: Indexed, they would make a passage match words it does not contain.
SKIPPED_CLASSES = frozenset(
    {"zd-tm", "zd-tm-blocks", "zd-anno-note", "zd-anno-marker", "zd-permalink", "zd-sr-only"}
)


class _ArticleReader:
    """Collect ``[data-zd-passage]`` texts, headings and the title of Material's article.

    Fed what ``HTMLParser`` reports (``start``, ``end``, ``data`` take its handlers' arguments): by
    ``_Extractor`` when reading a page's HTML, directly by ``outline`` when walking a tokenized page.
    """

    __slots__ = ("buf", "heading", "heading_id", "in_article", "ops", "passage", "skip", "stack")

    def __init__(self) -> None:
        #: What closed, in order: ("p", anchor, buffer) or ("h", heading id, buffer, inside something).
        #: A buffer holds the text pieces (strings, or piece indices when driven by ``outline``).
        self.ops: list[tuple[Any, ...]] = []
        self.stack: list[str] = []  # open elements (from the article's, in ``outline``)
        self.passage: tuple[str, int] | None = None  # (anchor, depth)
        self.heading: int | None = None  # depth
        self.skip: int | None = None  # depth of the outermost element whose text is not indexed
        self.buf: list[Any] = []
        self.heading_id = ""
        self.in_article: int | None = None  # depth of Material's article, while inside it

    def start(self, tag: str, attrs: Iterable[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        a = dict(attrs)
        depth = len(self.stack)
        self.stack.append(tag)
        classes = (a.get("class") or "").split()
        if self.in_article is None and tag == "article" and "md-content__inner" in classes:
            self.in_article = depth
            return
        if self.in_article is None:
            return
        if self.skip is None and (
            tag in ("script", "style", "svg")
            or "headerlink" in classes
            or not SKIPPED_CLASSES.isdisjoint(classes)
        ):
            self.skip = depth
        if self.passage is None and "data-zd-passage" in a and a.get("id"):
            self.passage = (str(a["id"]), depth)
            self.buf = []
        elif self.passage is None and self.heading is None and tag in _HEADINGS:
            self.heading = depth
            self.heading_id = str(a.get("id") or "") if tag != "h1" else ""
            self.buf = []

    def end(self, tag: str) -> None:
        if tag in _VOID or not self.stack:
            return
        # Tolerate unclosed tags: pop to the matching one.
        while self.stack:
            depth = len(self.stack) - 1
            open_tag = self.stack.pop()
            self.closed(depth)
            if open_tag == tag:
                break

    def closed(self, depth: int) -> None:
        """The element at ``depth`` ended."""
        if self.skip == depth:
            self.skip = None
        if self.passage and self.passage[1] == depth:
            self.ops.append(("p", self.passage[0], tuple(self.buf)))
            self.passage = None
        if self.heading == depth:
            self.ops.append(("h", self.heading_id, tuple(self.buf), bool(self.stack)))
            self.heading = None
        if self.in_article == depth:
            self.in_article = None

    def data(self, data: Any) -> None:
        if self.skip is None and (self.passage or self.heading is not None):
            self.buf.append(data)


class _Extractor(HTMLParser):
    """``_ArticleReader`` fed by HTMLParser's handlers (``<x/>`` is reported as a start and an end)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.reader = _ArticleReader()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.reader.start(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.reader.end(tag)

    def handle_data(self, data: str) -> None:
        self.reader.data(data)


def _assemble(
    ops: Iterable[tuple[Any, ...]], text_of: Callable[[tuple[Any, ...]], str]
) -> tuple[str, list[PassageText]]:
    """The title and passages from an extractor's ``ops``; ``text_of`` turns a buffer into text."""
    title = section = section_id = ""
    passages: list[PassageText] = []
    for op in ops:
        text = _SPACE_RE.sub(" ", text_of(op[2])).strip()
        if op[0] == "p":
            if text:
                passages.append(PassageText(op[1], text, section, section_id))
            continue
        if not title and op[3] and text:
            title = text
        section = text
        if op[1]:  # the page title (h1 without id) starts no section
            section_id = op[1]
    return title, passages


def _page(html: str, url: str, title: str, passages: list[PassageText]) -> PageText:
    if not title:
        match = re.search(r"<title>(?P<t>[^<]*)</title>", html)
        title = (match["t"].rsplit(" - ", 1)[0] if match else "").strip()
    return PageText(url=url, title=title, passages=tuple(passages))


def extract_page(html: str, url: str) -> PageText:
    """The title and passages of a rendered page (Material's article only).

    Args:
        html: The page as written into a variant folder.
        url: The page URL relative to the variant root (``notes/x/``).
    """
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    return _page(html, url, *_assemble(parser.reader.ops, "".join))


# --------------------------------------------------------------------------- extraction without re-parsing

#: Text that a later step of page writing could rewrite (interface-string markers, URL attributes,
#: Material's config keys): a page whose passages hold any is read back from its HTML instead.
_REWRITTEN_RE = re.compile(r"""\ue000|\\ue0|=\s*"|":""")


@dataclass(frozen=True)
class Outline:
    """Where a page's headings and passages are among the pieces of its tokenized HTML.

    Computed once per page from the default variant's structure (``script.tokenize_html``
    events); every variant's converted pieces then give that variant's texts without
    parsing its HTML again.
    """

    ops: tuple[tuple[Any, ...], ...]
    raw: frozenset[int]  # pieces that are raw script/style text (never unescaped)


def outline(events: Iterable[tuple[Any, ...]]) -> Outline:
    """Run the article extractor over a tokenized page's structure (see ``script.HtmlTokens.events``)."""
    reader = _ArticleReader()
    start, end, data = reader.start, reader.end, reader.data
    attrs_of = _StartTagAttrs().parse
    raw: set[int] = set()
    for event in events:
        kind = event[0]
        if reader.in_article is None:
            # Outside Material's article (the header, the sidebars, the footer: a third of a page's
            # events) nothing is recorded: only the article's start tag is looked at, and the
            # reader counts depths from it, on a stack of its own.
            if kind == "s" and event[1] == "article" and "md-content__inner" in event[2]:
                reader.stack = []
                start("article", attrs_of(event[2]))
                if event[3]:
                    end("article")
            continue
        # Fast paths (most of an article's events), each doing what the reader's method would:
        if kind == "t":
            if reader.skip is None and (reader.passage is not None or reader.heading is not None):
                reader.buf.append(event[1])
        elif kind == "s":
            name, attrs = event[1], event[2]
            matter = _attrs_matter(reader, name, attrs)
            if matter or event[3] or name in _SPECIAL_TAGS:
                start(name, attrs_of(attrs) if matter else ())
                if event[3]:  # <x/>: HTMLParser reports a start and an end
                    end(event[1])
            else:  # an element the reader only counts
                reader.stack.append(name)
        elif kind == "e":
            stack, name = reader.stack, event[1]
            depth = len(stack) - 1
            if (
                stack
                and stack[-1] == name
                and depth != reader.skip
                and depth != reader.heading
                and depth != reader.in_article
                and (reader.passage is None or reader.passage[1] != depth)
            ):  # closes the innermost element, which nothing watches
                stack.pop()
            else:
                end(name)
        else:  # "r": script/style content, as HTMLParser reports it (no entity decoding)
            raw.add(event[1])
            data(event[1])
    return Outline(ops=tuple(reader.ops), raw=frozenset(raw))


def page_text(page: Outline, pieces: Sequence[str], html: str, url: str) -> PageText:
    """A variant's searchable text from its converted pieces (same result as ``extract_page(html, url)``).

    Args:
        page: The page's outline.
        pieces: The variant's converted pieces (``Converter.convert_pieces``).
        html: The page exactly as written into the variant's folder.
        url: The page URL relative to the variant root.
    """
    used = [pieces[i] for op in page.ops for i in op[2]]
    if _REWRITTEN_RE.search("\x00".join(used)):
        return extract_page(html, url)

    def text_of(buf: tuple[int, ...]) -> str:
        return "".join(pieces[i] if i in page.raw else unescape(pieces[i]) for i in buf)

    return _page(html, url, *_assemble(page.ops, text_of))


#: Attribute text without which the extractor ignores a tag's attributes (``_attrs_matter``).
#: Classes are compared as written, attribute names in any case (HTMLParser lowers them); a
#: case-blind search of the whole pattern took three times as long.
_ATTR_MATTER_RE = re.compile(r"headerlink|zd-(?:tm|anno|permalink|sr-only)|(?i:data-zd-passage)")


def _attrs_matter(reader: _ArticleReader, name: str, attrs: str) -> bool:
    """Whether ``_ArticleReader.start`` would look at this tag's attributes.

    Outside the article only the article's own class; inside it a heading's id, a passage's
    ``data-zd-passage`` and id, and the class ``headerlink``.  Any other tag is only pushed.
    """
    if not attrs:
        return False
    if reader.in_article is None:
        return name == "article"
    return name in _HEADINGS or _ATTR_MATTER_RE.search(attrs) is not None


#: Attribute texts read before (``_StartTagAttrs.parse``): most that matter recur on every page
#: (theme markers, screen-reader labels, the article's own class).  Emptied when full.
_ATTRS_MEMO: dict[str, tuple[tuple[str, str | None], ...]] = {}
_ATTRS_MEMO_LIMIT = 4096


class _StartTagAttrs(HTMLParser):
    """A start tag's attributes exactly as HTMLParser reports them (lower-case names, decoded values).

    ``parse`` takes the text after the tag's name (``script.tokenize_html``'s ``attrs``) and lets
    HTMLParser read ``<x`` + it + ``>``, a tag of its own: names and values come out as reading the
    whole page gives them (HTMLParser reads attributes the same way whatever the tag's name).
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: tuple[tuple[str, str | None], ...] = ()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = tuple(attrs)

    def parse(self, attrs: str) -> tuple[tuple[str, str | None], ...]:
        """The attributes of the start tag ``<x{attrs}>`` (none if HTMLParser reads no start tag there)."""
        known = _ATTRS_MEMO.get(attrs)
        if known is not None:
            return known
        self.reset()  # forget whatever a previous tag left unread
        self.attrs = ()
        self.feed("<x" + attrs + ">")
        if len(_ATTRS_MEMO) >= _ATTRS_MEMO_LIMIT:
            _ATTRS_MEMO.clear()
        _ATTRS_MEMO[attrs] = self.attrs
        return self.attrs


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
    chars = [chr(c) for lo, hi in _CJK_RANGES for c in range(lo, hi)]
    # One conversion call: a newline between characters keeps OpenCC from forming phrases.
    out = to_simplified("\n".join(chars)).split("\n")
    table: dict[str, str] = {}
    if len(out) != len(chars):  # pragma: no cover - OpenCC keeps newlines
        return table
    for src, dst in zip(chars, out, strict=True):
        if (
            dst != src
            and len(dst) == 1
            and dst in wanted
            and len(src.encode("utf-16-le")) == len(dst.encode("utf-16-le"))
        ):
            table[src] = dst
    return table


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


@dataclass(frozen=True)
class VariantPages:
    """Every page of one variant, extracted."""

    code: str
    pages: tuple[PageText, ...]


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
        if found is None:
            found = cache.words.get(text)
        if found is None:
            found = frozenset(
                w
                for w in cache.tokenizer.cut_for_search(text, HMM=False)
                if len(w) >= 2 and _HAN_RE.search(w)
            )
        seen[text] = found
        words |= found
    cache.words = seen
    return sorted(words)


def warm_vocabulary(extra_words: Iterable[str]) -> None:
    """Load jieba's dictionary with these domain words now, so that ``vocabulary`` finds it loaded."""
    _jieba_cache(_added_words(extra_words))


def _added_words(extra_words: Iterable[str]) -> tuple[str, ...]:
    return tuple(w.strip() for w in sorted(set(extra_words)) if w.strip())


@dataclass
class _JiebaCache:
    """A jieba tokenizer with the domain words added, and the words it found in each text."""

    key: str
    tokenizer: Any
    words: dict[str, frozenset[str]]


#: Loading jieba's dictionary costs about a second: like the OpenCC converters, the tokenizer is
#: kept for the process lifetime on purpose, so that ``mkdocs serve`` rebuilds reuse it.  It is
#: keyed by a hash of the words added to it (themes.yml and glossary.yml terms); when those change,
#: a fresh tokenizer is made.  Only the latest one is kept.
_JIEBA: list[_JiebaCache] = []


def _jieba_cache(added: tuple[str, ...]) -> _JiebaCache:
    """The process-wide tokenizer for this domain dictionary (words added in this order)."""
    key = hashlib.sha256("\n".join(added).encode("utf-8")).hexdigest()
    if _JIEBA and _JIEBA[0].key == key:
        return _JIEBA[0]
    import jieba  # imported here: loading its dictionary costs a second

    # jieba announces every dictionary load on stderr through a handler of its own: keep a build's
    # output to MkDocs' lines (its warnings still show).
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in added:
        tokenizer.add_word(word, freq=1000)
    _JIEBA[:] = [_JiebaCache(key, tokenizer, {})]
    return _JIEBA[0]


def aliases(
    words: Iterable[str],
    converters: Iterable[Callable[[str], str]],
    table: Mapping[str, str],
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

    Returns:
        (alias → canonical word, sorted ambiguous aliases)
    """
    vocab = set(words)
    out: dict[str, str] = {}
    folder = Folder(table)
    for word in sorted(vocab):
        for convert in converters:
            shown = convert(word)
            folded = folder(shown)
            if folded == word or len(shown) > 12:
                continue
            for key in (shown, folded):
                # Two canonical words may share a regional form: keep the first (sorted, so stable).
                if key != word and key not in out:
                    out[key] = word
    ambiguous = sorted(k for k in out if k in vocab)
    return dict(sorted(out.items())), ambiguous


#: Starts computing the vocabulary of (texts, fold table, domain words); the getter returned waits for it.
VocabularyOf = Callable[[list[str], Mapping[str, str], list[str]], Callable[[], list[str]]]
#: ``map`` over index parts, possibly in other processes: (function of a part number, part numbers).
PartsMap = Callable[[Callable[[int], dict[str, str]], Sequence[int]], Iterable[dict[str, str]]]


def folded_vocabulary(
    texts: Iterable[str], table: Mapping[str, str], extra_words: Iterable[str] = ()
) -> list[str]:
    """``vocabulary`` of the canonical texts folded with ``table`` (as the browser folds what it matches)."""
    folder = Folder(table)
    return vocabulary((folder(text) for text in texts), extra_words)


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


def build_indexes(
    variant_pages: list[VariantPages],
    canonical_code: str,
    to_simplified: Callable[[str], str],
    converters: Mapping[str, Callable[[str], str]],
    separator: str,
    extra_words: Iterable[str] = (),
    vocabulary_of: VocabularyOf | None = None,
    parts: int = 1,
    map_parts: PartsMap | None = None,
) -> dict[str, str]:
    """Each variant's search index (the text of its ``search_index.json``).

    The documents are written in ``parts`` slices of every variant's pages, through ``map_parts``
    (workers, for a large site), while the vocabulary is computed (``vocabulary_of``, another worker).

    Args:
        variant_pages: Every variant's extracted pages.
        canonical_code: The variant whose text is canonical (Simplified, mainland vocabulary).
        to_simplified: Conversion of any text to Simplified (OpenCC ``t2s``).
        converters: Variant code → conversion of canonical text into that variant.
        separator: The separator regex Material's in-page highlighter splits terms on.
        extra_words: Domain dictionary words.
        vocabulary_of: Starts ``folded_vocabulary`` (here by default, or in a worker process).
        parts: How many slices the documents are written in.
        map_parts: ``map`` over the slices (here by default); it may run them in forked processes.
    """
    parts = max(1, parts)
    canon_text, table, words = canonical_text(
        variant_pages, canonical_code, to_simplified, extra_words, vocabulary_of
    )
    by_url = [(v.code, sorted(v.pages, key=lambda p: p.url)) for v in variant_pages]
    bounds = {
        code: _even_slices([sum(len(p.text) + 50 for p in page.passages) + 50 for page in pages], parts)
        for code, pages in by_url
    }  # slices of about the same text, give or take the JSON around each document
    folder = Folder(table)

    def docs_part(part: int) -> dict[str, str]:
        """The JSON of the documents of slice ``part`` of every variant's pages (without brackets)."""
        out: dict[str, str] = {}
        canon_folded: dict[tuple[str, str], str] = {}
        for code, pages in by_url:
            docs: list[dict[str, Any]] = []
            for page in pages[bounds[code][part] : bounds[code][part + 1]]:
                docs.append({"location": page.url, "title": page.title, "text": ""})
                for p in page.passages:
                    doc: dict[str, Any] = {
                        "location": f"{page.url}#{p.anchor}",
                        "title": p.section or page.title,
                        "text": p.text,
                    }
                    key = (page.url, p.anchor)
                    canonical = canon_text.get(key)
                    # (Text equal to its canonical form folds equal too: no folding needed to tell.)
                    if canonical is not None and p.text != canonical:
                        if key not in canon_folded:
                            canon_folded[key] = folder(canonical)
                        if folder(p.text) != canon_folded[key]:
                            doc["c"] = canonical
                    docs.append(doc)
            out[code] = _json(docs)[1:-1]
        return out

    slices = list((map_parts or map)(docs_part, range(parts)))
    alias, ambiguous = aliases(words(), [converters[c] for c in sorted(converters)], table)
    config = {
        "lang": ["zh"],
        "separator": separator,
        "pipeline": [],
        "zhudu": {
            "v": 1,
            "fold": "".join(k + v for k, v in sorted(table.items())),
            "alias": alias,
            "amb": ambiguous,
        },
    }
    config_json = _json(config)
    indexes = {}
    for code, _ in by_url:
        docs = ",".join(part[code] for part in slices if part[code])
        # What json.dumps(sort_keys=True) writes for {"config": config, "docs": [every slice's documents]}.
        indexes[code] = '{"config":' + config_json + ',"docs":[' + docs + "]}"
    return indexes


def _even_slices(weights: Sequence[int], parts: int) -> list[int]:
    """``parts + 1`` boundaries cutting ``weights`` into consecutive slices of about equal sums."""
    total = sum(weights)
    bounds, running = [0], 0
    for i, weight in enumerate(weights):
        running += weight
        while len(bounds) < parts and running >= total * len(bounds) / parts:
            bounds.append(i + 1)
    return bounds + [len(weights)] * (parts + 1 - len(bounds))


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def write_indexes(indexes: Mapping[str, str], site_dir: Path, prefixes: Mapping[str, str]) -> int:
    """Write every variant's index; returns the bytes written in total."""
    total = 0
    for code in sorted(indexes):
        target = site_dir / prefixes[code] / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(indexes[code], encoding="utf-8")
        total += len(indexes[code].encode("utf-8"))
    return total


def point_worker(html: str) -> str:
    """Aim Material's search UI at Zhudu's worker (the URL in its ``__config``; a template filter)."""
    return _MATERIAL_WORKER_RE.sub(WORKER_PATH, html, count=1)


def domain_words(editorial_dir: Path) -> list[str]:
    """Theme and glossary terms, when those editorial files exist (a domain dictionary).

    Reads any string value under the keys ``term``, ``name``, ``title``, ``label``
    and ``aliases``/``synonyms`` lists; files being written by other editors may
    be missing or half-finished, so unreadable files are ignored here (their own
    loaders report them).
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
