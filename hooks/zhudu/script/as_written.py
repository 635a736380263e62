"""A Traditional note's own words kept on its Traditional pages, where the from-hant rules rewrote them.

Every page is rendered once in the default (Simplified) script, and each Traditional variant converts
that page: a note written in Traditional reaches its Taiwan and Hong Kong pages through Simplified.
Where a from-hant rule of the regional layer rewrote a word for Simplified readers (支援 → 支持,
臭氧產生器's 產生器 → 生成器, 非同步 → 异步), converting back could not find the author's word, and
the Taiwan page showed 政府支持 NGO for the author's 政府支援 NGO.  So, when a Traditional note's HTML
is folded into Simplified, each such word is written as a ``span.zd-conv`` (the authors' own ``-{…}-``
rule) whose Traditional variants' values are the author's word: exactly as typed on the note's own
variant (``EXACT``), in another variant's characters (``t2tw``, ``t2hk``: character conversion only):
the Simplified page shows the rule's word, the Traditional pages the author's.  On its own variant a
note reads exactly as typed (:func:`as_typed`): every stretch the way back would write otherwise is
kept too, but an editor's note's words (``Converter.html``), which are the editor's, not the author's.

A title, a description or a table of contents' label holds no element: folded with
``Converter.text_as_written`` it keeps its groups into the Simplified page, and each variant's
converter resolves them there (:func:`shown_in`, :func:`rule_words`), so what a reader sees of a note
outside its body (``<title>``, ``<meta name="description">``, the home list, the feed) agrees with it.

While a piece of HTML is converted, a rewritten place is a *group* of three noncharacters around the
output and the author's word (never seen by OpenCC: groups sit inside placeholders); :func:`resolve`
turns each into the span in text.  An attribute value (``title``, ``alt``), where no element can go,
keeps its groups into the Simplified page, as a title folded by ``Converter.text_as_written`` does.

A note whose ``lang`` names its region (``zh-HK``) keeps its words on that region's page only: a group
names the variants that show the author's word, and every other Traditional variant shows the rule's
word converted from Simplified with its own rules, as it would a Simplified note's.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from typing import Any

from zhudu import fragments
from zhudu.script.variant_configs import Variant, opencc_converter, region_of

__all__ = [
    "EXACT",
    "GROUP_RE",
    "HELD_RE",
    "TYPED",
    "TYPED_SPAN",
    "Reaches",
    "as_typed",
    "codes_by_word",
    "editors_pieces",
    "group",
    "group_each",
    "has_groups",
    "held",
    "is_typed",
    "keeps",
    "resolve",
    "rule_words",
    "shown_in",
    "value_in",
    "widen",
]

#: A group's marks: noncharacters, which an author cannot type into a note (``notes/limits.py`` replaces them).
_OPEN, _SEP, _CLOSE = "\ufdd0", "\ufdd1", "\ufdd2"
_PART = f"([^{_OPEN}-{_CLOSE}]*)"
#: A group: the rule's output, the author's word, the codes of the variants that show it (comma-separated).
GROUP_RE = re.compile(f"{_OPEN}{_PART}{_SEP}{_PART}{_SEP}{_PART}{_CLOSE}")
#: After a variant's code in a group: that variant shows the author's word exactly as typed (說, not Hong Kong's 説),
#: not converted into its characters: the note's own, or every variant for text kept as written (搜索“…”).
EXACT = "="
#: Among a group's codes: a stretch kept as typed (``as_typed``), whose span (``TYPED_SPAN``) the Simplified page drops.
TYPED = "~"
TYPED_SPAN = '<span class="zd-conv zd-typed"'


#: Around a text already written as the default variant's pages show it (a note's title listed on the section page a
#: Traditional ``_index.md`` introduces, ``Site.shown_by``'s): that page's fold keeps it as it is, without the marks.
_HELD, _HELD_END = "\ufdd3", "\ufdd4"
HELD_RE = re.compile(f"{_HELD}([^{_HELD}{_HELD_END}]*){_HELD_END}")


def held(text: str) -> str:
    """``text`` (in the default variant's pages' form, its groups unresolved) kept whole by a fold (``HELD_RE``).

    Folded again as the introducing author's, a listed title of another note was that author's text: the
    words no rule of its own fold changed (a Hong Kong note's 文件) kept as typed on the Taiwan page.
    """
    return f"{_HELD}{text}{_HELD_END}"


def group(out: str, written: str, codes: Sequence[str]) -> str:
    """``out`` (the rule's output, HTML as it will be written) with the author's ``written`` word for ``codes``."""
    return f"{_OPEN}{out}{_SEP}{written}{_SEP}{','.join(codes)}{_CLOSE}"


#: Between a group's values for each of its variants (``group_each``), where they differ by more than characters.
_EACH = "\ufdd7"


def group_each(out: str, values: Mapping[str, str]) -> str:
    """``out`` on the default variant's pages, each of ``values``' variants (code → text) showing its text exactly.

    A note's words held in its own domain wherever they are shown (``Site.shown_by``): the pages of the other domain
    would write them otherwise (程序 is Taiwan's 程式 in a software note, 程序 in an everyday one).
    """
    codes = [code + EXACT for code in values]
    texts = list(values.values())
    if all(text == texts[0] for text in texts):
        return group(out, texts[0], codes)
    return group(out, _EACH.join(texts), codes)


def codes_by_word(
    keep_written: Sequence[Variant],
    own: Variant | None,
    shares: Sequence[Variant],
    layer: Any,
) -> Callable[[str], list[str]]:
    """The codes of a group (:func:`group`) of the author's word: the variants that show it, by the word.

    ``keep_written``'s (the note's own ``EXACT``) and ``shares``' (another region's variant that writes the note's
    region's words too: a Taiwan note's 檔案, 設定 on its Hong Kong page, not 文件, 設置); but a word holding one of the
    words only the note's region writes (the regional ``layer``'s ``only_in``: 軟體, 網路) only on that region's
    variants: the others show the rule's word their way (軟件, 網絡 on the Hong Kong page), as a Simplified note's.
    """
    codes = [v.code + EXACT if v == own else v.code for v in keep_written]
    every = codes + [v.code for v in shares if v not in keep_written]
    region = region_of(own.code) if own is not None else None
    only = layer.only_in(region) if layer and region else None
    mine = [c for c, v in zip(codes, keep_written, strict=True) if region_of(v.code) == region]
    return lambda written: mine if only is not None and only.search(written) else every


def has_groups(piece: str) -> bool:
    """Whether a converted piece holds a rewritten place still to resolve."""
    return _OPEN in piece


def resolve(
    piece: str, pages: Sequence[tuple[Variant, Callable[[str], str]]], before: str = "", after: str = ""
) -> str:
    """A text ``piece`` with its groups resolved: spans giving each of ``pages``' variants its word.

    ``pages``: every Traditional variant with its converter from Simplified (its page's).  A variant the
    group names (``keeps``) gets the author's word (:func:`shown_in`); any other the rule's word as its
    converter writes it, as it would a Simplified note's.  ``before``, ``after``: the text the page reads on
    with the piece across an author's inline markup (``word_runs``): a group's sentence goes on into them
    (寫**程式**很好 reads as 寫程式很好 does).
    """

    def span(m: re.Match[str]) -> str:
        # Values are text (the fragment escapes them).
        values = [f"{v.code}:{value_in(m, v, convert)}" for v, convert in pages]
        typed = TYPED in _codes(m)
        return fragments.render(
            "zd-script.html", "as_written", shown=m[1], values=";".join(values), typed=typed
        )

    if not before and not after:
        return GROUP_RE.sub(span, piece)
    text, parts, done = before + piece + after, [], len(before)
    for m in GROUP_RE.finditer(text, len(before), len(before) + len(piece)):
        parts += [text[done : m.start()], span(m)]
        done = m.end()
    return "".join(parts) + text[done : len(before) + len(piece)]


def value_in(m: re.Match[str], variant: Variant, convert: Callable[[str], str]) -> str:
    """A group (``GROUP_RE``'s match, HTML as written) as text on ``variant``'s pages, whose converter is ``convert``.

    The one reading of a group, the note's body's (a span's value, :func:`resolve`) and its title's, description's and
    quotes' (``Converter``'s text): the author's word where the variant keeps it (:func:`shown_in`), else the rule's
    word as ``convert`` reads it in its sentence (:func:`_read_in_context`), or alone where that cannot tell it.
    Alone, a Taiwan note's 寫程式 read 寫程序 on the Hong Kong page, a Hong Kong note's 回傳資料 返回資料 on Taiwan's.
    Groups side by side (程式除錯) are read as one stretch (:func:`_read_in_run`): each, read with the other as its
    rule's word, saw a phrase crossing its edge and fell back to being read alone.
    """
    if keeps(m, variant):
        return html.unescape(shown_in(m, variant))
    word = html.unescape(m[1])
    return (
        _read_in_run(m, convert)
        or _read_in_context(m.string, m.start(), m.end(), word, convert)
        or convert(word)
    )


#: How many characters on either side of a group :func:`_read_in_context` reads it with (a group counts as one).
_CONTEXT = 12
#: What ends a group's sentence (``_read_in_context``): a placeholder (plane 15), a held title's mark, a quotation mark
#: (the way its pairs are written depends on the passage's other marks) and a line's end.
_CONTEXT_END_RE = re.compile(f"[\U000f0000-\U000fffff{_HELD}{_HELD_END}“”‘’「」『』\n]")


def _read_in_run(m: re.Match[str], convert: Callable[[str], str]) -> str | None:
    """A group's rule's word as ``convert`` writes it in the run of groups side by side it stands in, or None.

    The run's rule's words are read as one stretch in its sentence (:func:`_read_in_context`; alone where the run is
    the whole sentence, as the page would a Simplified note's 程序调试); the group's value is its piece of the
    stretch's reading, cut where the stretch kept its length (one character for one) and no word lost the reading
    it has alone to a phrase crossing its edge, else None (返回类型 is Taiwan's 回傳型別; 变量表达式 stays apart).
    """
    text, run = m.string, [m]
    while run[0].start() and text[run[0].start() - 1] == _CLOSE:
        before = GROUP_RE.match(text, text.rfind(_OPEN, 0, run[0].start() - 1))
        if before is None or before.end() != run[0].start():
            break
        run.insert(0, before)
    while (after := GROUP_RE.match(text, run[-1].end())) is not None:
        run.append(after)
    if len(run) == 1:
        return None
    words = [html.unescape(g[1]) for g in run]
    stretch = "".join(words)
    read = _read_in_context(text, run[0].start(), run[-1].end(), stretch, convert, alone=True)
    if read is None or len(read) != len(stretch):
        return None
    pieces, at = [], 0
    for w in words:
        pieces.append(read[at : at + len(w)])
        at += len(w)
    # A word left as it is (its characters only) where alone it reads as the region's word: a phrase across the
    # edge took it (变量表达式's 量表 read 變量表達式, not 變數表示式): no clean cut.
    to_hans = opencc_converter("t2s").convert
    if any(to_hans(p) == w != to_hans(convert(w)) for p, w in zip(pieces, words, strict=True)):
        return None
    return pieces[run.index(m)]


def _read_in_context(
    text: str, first: int, last: int, word: str, convert: Callable[[str], str], alone: bool = False
) -> str | None:
    """The rule's ``word`` of ``text[first:last]`` (a group, or a run of them) as ``convert`` writes it, or None.

    None where the sentence cannot tell it; where ``alone`` is false, also where the sentence is the word alone.
    The sentence: up to ``_CONTEXT`` characters on either side (other groups as their rule's words); None where its
    conversion is not its neighbours' conversions around one word.  The neighbours are converted apart, as the page
    converts the text on either side of the body's span (and of a title's group, held as a placeholder): the value is
    what is left of the sentence between them (Date 对象 is Taiwan's Date 物件 in general text too: 对象 alone is a
    partner's 對象).  Never a wider span converted alone: 表字符串 alone is no reading of the page's 列表字串.
    """
    start, end = first, last
    for _ in range(_CONTEXT):
        if start and text[start - 1] == _CLOSE:
            start = text.rfind(_OPEN, 0, start - 1)
        elif start and not _CONTEXT_END_RE.match(text, start - 1):
            start -= 1
        else:
            break
    for _ in range(_CONTEXT):
        if end < len(text) and text[end] == _OPEN:
            end = text.index(_CLOSE, end) + 1
        elif end < len(text) and not _CONTEXT_END_RE.match(text, end):
            end += 1
        else:
            break
    before, after = rule_words(text[start:first]), rule_words(text[last:end])
    if not before and not after:
        return convert(word) if alone else None
    head, tail = convert(before) if before else "", convert(after) if after else ""
    whole = convert(before + word + after)
    if len(whole) > len(head) + len(tail) and whole.startswith(head) and whole.endswith(tail):
        return whole[len(head) : len(whole) - len(tail)]
    return None


#: OpenCC's config from a region's characters to its standard Traditional ones, by the region (a note's ``lang``).
_TO_STANDARD = {"TW": "tw2t", "HK": "hk2t"}


def _in_characters_of(variant: Variant, written: str, codes: Sequence[str] = ()) -> str:
    """The author's Traditional ``written`` in ``variant``'s characters (its ``opencc_from_hant``, as a note in it).

    Read as the note's own region writes characters first (``codes``' ``EXACT`` one): a Taiwan note's 開啟, 有著 are
    開啓, 有着 on its Hong Kong page, as OpenCC writes them there (``t2hk`` alone keeps Taiwan's 啟, 著).
    """
    own = next((c[: -len(EXACT)] for c in codes if c.endswith(EXACT)), "")
    standard = _TO_STANDARD.get(region_of(own)) if own and own != variant.code else None
    written = opencc_converter(standard).convert(written) if standard else written
    config = variant.opencc_from_hant
    return opencc_converter(config).convert(written) if config else written


def _codes(m: re.Match[str]) -> list[str]:
    return m[3].split(",")


def is_typed(pieces: Sequence[str], first: int, close: int) -> bool:
    """Whether a ``span.zd-conv`` (``HtmlTokens.spans``' first and close) holds a run kept as typed (``TYPED_SPAN``).

    The Simplified page shows such a run without it, as it was before.
    """
    return close > first and pieces[first - 1].startswith(TYPED_SPAN)


def keeps(m: re.Match[str], variant: Variant) -> bool:
    """Whether ``variant`` shows a group's (``GROUP_RE``'s match) author's word: a Traditional one it names."""
    return variant.script == "Hant" and (variant.code in _codes(m) or variant.code + EXACT in _codes(m))


def shown_in(m: re.Match[str], variant: Variant) -> str:
    """A group as ``variant`` shows it: the author's word where it ``keeps`` it, else the rule's word.

    The author's word as typed on the note's own variant (``EXACT``), in its characters on another.
    """
    if not keeps(m, variant):
        return m[1]
    if _EACH in m[2]:  # a value for each variant (``group_each``)
        return m[2].split(_EACH)[_codes(m).index(variant.code + EXACT)]
    return m[2] if variant.code + EXACT in _codes(m) else _in_characters_of(variant, m[2], _codes(m))


def rule_words(piece: str) -> str:
    """``piece`` with each group as the rule's word (a Simplified variant's, or where none is resolved)."""
    if _HELD in piece:  # a fold that converts nothing (``HELD_RE``)
        piece = HELD_RE.sub(r"\1", piece)
    return GROUP_RE.sub(r"\1", piece) if _OPEN in piece else piece


#: How far a group looks on either side for the rest of the author's word (``widen``): Han characters.
_REACH = 4
#: The widths ``widen`` found: (a side's Han characters, the author's word, the rule's, from the side's end) → width.
Reaches = MutableMapping[tuple[str, str, str, bool], int]
#: How many widths ``widen`` keeps (a text and a word each: a few hundred bytes).
_REACHES_KEPT = 20_000
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def widen(
    seg: str,
    grouped: Mapping[str, tuple[str, str]],
    make: Callable[[str, str], str],
    fold: Any,
    back: Sequence[tuple[Variant, Callable[[str], str]]],
    reaches: Reaches,
) -> str:
    """Each group of ``seg`` (held text; ``grouped``: its groups' placeholders) with the rest of the author's word.

    Han characters beside a group join it where they and the group's word are one word that the way back through
    Simplified rewrites on a Traditional page: without them, that page would show half the author's word.  On each
    side, the fewest characters (at most ``_REACH``) that one of ``back``'s converters from Simplified (each
    Traditional variant's: where a variant does not keep the author's word, the widened group's rule's word is
    converted whole, as the page's title is) writes as another word than the author's (compared in Simplified, so a character's
    variant, 裡 / 裏, is no other word), and that a converter reads together with the group's word: OpenCC's
    phrase dictionaries or the layer's words convert them otherwise than apart (``fold``, OpenCC into Simplified,
    on the author's characters; ``back`` on their Simplified form).  A neighbour that is a word of its own stays
    out, converted as the same word elsewhere in the note is (軟件 beside 設定 is Taiwan's 軟體, as it is alone;
    HK's 設定文件 on the Taiwan page is 設定檔案, as 文件 alone is 檔案).  ``make`` makes the widened group's
    placeholder.  ``reaches``: the widths found before with the same ``fold`` and ``back`` (a note repeats its words).
    """
    held = re.compile(f"[{''.join(grouped)}]")

    def rewritten(piece: str) -> bool:  # a word, not its characters (裡 / 裏): compared in Simplified
        simplified = fold.convert(piece)
        return any(fold.convert(convert(simplified)) != simplified for _, convert in back)

    def together(first: tuple[str, str], second: tuple[str, str]) -> bool:
        """Whether a converter reads two (author's, Simplified) neighbours as one word: not as it reads them apart."""
        (t1, s1), (t2, s2) = first, second
        if fold.convert(t1 + t2) != fold.convert(t1) + fold.convert(t2):
            return True
        return any(convert(s1 + s2) != convert(s1) + convert(s2) for _, convert in back)

    def reach(text: str, word: tuple[str, str], from_end: bool) -> int:
        found = reaches.get(key := (text, *word, from_end))
        if found is None:
            if len(reaches) >= _REACHES_KEPT:
                reaches.clear()
            found = reaches[key] = _reach(text, word, from_end)
        return found

    def _reach(text: str, word: tuple[str, str], from_end: bool) -> int:
        for k in range(1, len(text) + 1):
            piece = text[len(text) - k :] if from_end else text[:k]
            side = (piece, fold.convert(piece))
            if rewritten(piece) and together(*((side, word) if from_end else (word, side))):
                return k
        return 0

    parts, done = [], 0  # ``seg`` up to ``done``, widened
    for m in held.finditer(seg):
        # The Han characters on either side; on the left, those a group before did not take.
        before = _HAN_BEFORE_RE.search(seg, done, m.start())[0]  # type: ignore[index]
        after = _HAN_AFTER_RE.match(seg, m.end())[0]  # type: ignore[index]
        out, written = grouped[m.group()]
        word = (written, html.unescape(out))
        head = before[len(before) - reach(before, word, True) :] if before else ""
        tail = after[: reach(after, word, False)] if after else ""
        kept = m.group()
        if head or tail:
            kept = make(fold.convert(head) + out + fold.convert(tail), head + written + tail)
        parts += [seg[done : m.start() - len(head)], kept]
        done = m.end() + len(tail)
    return "".join(parts) + seg[done:]


_HAN_BEFORE_RE = re.compile(f"[{_HAN}]{{0,{_REACH}}}\\Z")
_HAN_AFTER_RE = re.compile(f"[{_HAN}]{{0,{_REACH}}}")
_HAN_RUN_RE = re.compile(f"[{_HAN}]+")
#: A stretch of held text between placeholders (plane 15, ``protected_spans``): an entity is one piece of it, and
#: an ASCII ``;`` ends it (a span's values are ``;``-separated, ``inline_rules``).
_STRETCH_RE = re.compile("(?:&#?\\w+;|[^;\U000f0000-\U000fffff])+")


def as_typed(
    seg: str, fold: Callable[[str], str], back: Callable[[str], str], make: Callable[[str, str], str]
) -> str:
    """``seg`` (held text) with each stretch the way back would not give as typed held as a group.

    The note's own variant shows the author's text exactly: a stretch between placeholders (Han, ASCII and
    punctuation: the page reads them together, 當前 before `` git``) that ``fold`` (OpenCC into Simplified)
    writes as Simplified and ``back`` (that variant's converter from Simplified) does not turn into the stretch
    again (the Hexo docs' 文件 → 檔案, 項目 → 專案; Hong Kong's 說 → 説) becomes a group (``make``: its
    Simplified form, the author's stretch).  Not a Han run written in Simplified (no character OpenCC folds,
    one it writes in Traditional), which ends a stretch: words the build put into the note before it is folded
    (a permalink's title 链接到本节), or a translator's Simplified leftover (定制), converted as usual.  The other
    variants' converters read the whole stretch as they read it without the group, so their text is what it was.
    """
    # s2t: loaded on the first Traditional note, not when the module is imported (a build of none).
    to_hant = opencc_converter("s2t").convert

    def kept(part: str, folded: str) -> str:  # ``folded``: ``part`` folded with its neighbours, or ""
        core = part.strip()  # a span's values lose their ends' white space (``inline_rules``)
        if not _HAN_RUN_RE.search(core):
            return part
        start = part.index(core)
        simplified = folded[start : start + len(core)] if folded else fold(core)
        if back(simplified) == core:
            return part
        return part[:start] + make(simplified, core) + part[start + len(core) :]

    def repl(m: re.Match[str]) -> str:
        stretch, done, parts = m.group(), 0, []
        # One OpenCC call each for the stretch, read in slices where it keeps its length (it nearly always does).
        folded, typed = fold(stretch), to_hant(stretch)
        if len(folded) != len(stretch) or len(typed) != len(stretch):
            folded = typed = ""
        for run in _HAN_RUN_RE.finditer(stretch):
            a, b = run.span()
            if (
                (folded[a:b] if folded else fold(run[0]))
                == run[0]
                != (typed[a:b] if typed else to_hant(run[0]))
            ):
                parts += [kept(stretch[done:a], folded[done:a]), run[0]]  # typed in Simplified
                done = b
        return "".join(parts) + kept(stretch[done:], folded[done:])

    return _STRETCH_RE.sub(repl, seg)


#: The start of an editor's note's element, as the annotate stage writes it (``annotations.py``).
_EDITORS_START = ('<span class="zd-anno"', '<span class="zd-anno ')


def editors_pieces(pieces: Sequence[str]) -> list[int]:
    """The text pieces (and attribute values) of a tokenized document inside an editor's note: their indices.

    The annotate stage puts editors' notes into a note's HTML before it is folded: their words (编者注,
    the note's body) are the editor's Simplified, never kept as the author typed them (``as_typed``).
    """
    inside: list[int] = []
    depth = 0
    for i, piece in enumerate(pieces):
        if depth:
            if piece.startswith("<span"):
                depth += 1
            elif piece.startswith("</span"):
                depth -= 1
            elif not piece.startswith("<"):
                inside.append(i)
        elif piece.startswith(_EDITORS_START):
            depth = 1
    return inside
