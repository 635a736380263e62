"""A word-boundary guard on OpenCC's phrases, prototyped on a conversion's output (issue 25, session 36).

OpenCC reads its phrases by forward longest match over text it has no words for (电视频道: 视频 → 影片 gives
電影片道; 今天干嘛: 天干 is read first, so 干 stays 干).  The guard undoes such a reading where jieba's words
say the phrase crosses a word boundary: the source is also converted word by word (each jieba word alone
through the same OpenCC config), and where that differs from the whole conversion, the output takes the
word-by-word form, if the output there is still OpenCC's own (a regional or editor's rule that wrote
something else is left alone).

``mode`` (``cut_points``): ``all``, ``partial`` or ``strict`` (after the audit's test,
``audit_risk.RiskJudge.phrase``: jieba errs too).

A prototype for ``bench_conversion.py --cut-guard``, measured before any product change: it converts
every text twice and cuts it with jieba, which the product's converter does not do.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import opencc

from zhudu.script.audit_risk import _tokenizer  # the audit's one jieba tokenizer

__all__ = ["chars_converter", "cut_points", "guard", "guarded"]


#: The glyph table of each variant's character-only conversion.
VARIANT_GLYPHS = {"zh-Hant-TW": "TWVariants.ocd2", "zh-Hant-HK": "HKVariants.ocd2"}


@functools.cache
def chars_converter(code: str) -> Callable[[str], str]:
    """A conversion by characters only (STCharacters, then the variant's glyphs): no phrase at all.

    OpenCC finds a config's dictionaries by absolute path only, so the config is written at run time.
    """
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    table = {"type": "ocd2", "file": str(share / "STCharacters.ocd2")}
    config = {
        "name": f"characters only, {code}",
        "segmentation": {"type": "mmseg", "dict": table},
        "conversion_chain": [
            {"dict": table},
            {"dict": {"type": "ocd2", "file": str(share / VARIANT_GLYPHS[code])}},
        ],
    }
    # OpenCC reads the config and its dictionaries when made: the folder can go right after.
    with tempfile.TemporaryDirectory(prefix="zhudu-cuts-") as folder:
        path = Path(folder) / f"{code}.json"
        path.write_text(json.dumps(config), encoding="utf-8")
        return opencc.OpenCC(str(path)).convert


#: The longest stretch either side of a word boundary looked at for a phrase OpenCC reads across it.
REACH = 4
_HAN = re.compile(r"[\u3400-\u9fff]")


def _crossing(source: str, b: int, convert: Callable[[str], str]) -> tuple[int, int]:
    """The shortest stretch of ``source`` around boundary ``b`` whose conversion changes if cut at ``b``.

    ``(b, b)`` when none does: no phrase of OpenCC's is read across ``b``.
    """
    for size in range(2, 2 * REACH + 1):
        for k in range(max(1, size - REACH), min(REACH, size - 1) + 1):
            left, right = source[max(0, b - k) : b], source[b : b + size - k]
            if (
                len(left) == k
                and len(right) == size - k
                and convert(left + right) != convert(left) + convert(right)
            ):
                return b - k, b + size - k
    return b, b


def _two_words(word: str, freq: dict[str, int]) -> list[str]:
    """``word`` cut in two where both halves are words of jieba's dictionary (电视|频道), else whole."""
    for at in range(2, len(word) - 1):
        if freq.get(word[:at]) and freq.get(word[at:]):
            return [word[:at], word[at:]]
    return [word]


def cut_points(
    source: str,
    convert: Callable[[str], str],
    mode: str = "partial",
    regionless: Callable[[str], str] | None = None,
) -> list[int]:
    """jieba's word boundaries between two Han characters that an OpenCC phrase is read across.

    ``mode``: ``all``, every such boundary; ``partial``, only where the phrase begins or ends inside
    a word beside the boundary (天干 of 今天|干嘛; not 这只 of 这|只 or 字节跳动 of 字节|跳动, a phrase
    OpenCC knows made of whole words); ``strict``, ``partial`` and only where a word of two or more characters beside the boundary is at least as common in
    jieba's dictionary as the stretch OpenCC read (jieba errs too: it cuts what it does not know into
    characters, 字|段).  ``regionless``: the variant's conversion without its regional phrase table
    (``s2tw``, ``s2hk``): only a phrase of the regional table counts (视频 → 影片, 源文件 → 原始檔, 重载 → 過載,
    words, read across a word: 電影片道), not OpenCC's context entries (天干, 果干, 新发布, 陪范), which cross
    words on purpose to choose a character.
    """
    tokenizer = _tokenizer()
    tokenizer.check_initialized()  # FREQ is filled when the dictionary loads
    freq = tokenizer.FREQ
    words, pos = [], 0
    for word in _tokenizer().cut(source, HMM=True):
        words.append(word)
        pos += len(word)
    if regionless is not None:  # 电视频道 is one word of jieba's, but 电视 and 频道 are words too
        words = [part for word in words for part in _two_words(word, freq)]
    points, pos = [], 0
    for left, right in itertools.pairwise(words):
        pos += len(left)
        if not (_HAN.match(source[pos - 1]) and _HAN.match(source[pos])):
            continue
        start, end = _crossing(source, pos, convert)
        if start == end:
            continue
        phrase = source[start:end]
        if regionless is not None and regionless(phrase) != regionless(source[start:pos]) + regionless(
            source[pos:end]
        ):
            continue
        if mode != "all" and pos - len(left) >= start and pos + len(right) <= end:
            continue
        if mode == "strict":
            beside = max((freq.get(w) or 0 for w in (left, right) if len(w) > 1), default=0)
            if beside < (freq.get(phrase) or 0) or beside == 0:
                continue
        points.append(pos)
    return points


def _regions(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """Where ``a`` and ``b`` differ, edits less than two characters apart joined (原始檔 → 源檔案 is one)."""
    regions: list[list[int]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if regions and i1 - regions[-1][1] < 2:
            regions[-1][1], regions[-1][3] = i2, j2
        else:
            regions.append([i1, i2, j1, j2])
    return [(i1, i2, j1, j2) for i1, i2, j1, j2 in regions]


def _distance(a: str, b: str) -> int:
    """Characters that differ between ``a`` and ``b`` (each edit counts its longer side)."""
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")


def guard(
    source: str,
    out: str,
    convert: Callable[[str], str],
    mode: str = "partial",
    chars: Callable[[str], str] | None = None,
    regionless: Callable[[str], str] | None = None,
) -> str:
    """``out`` (a conversion of ``source``) with OpenCC's phrases read across jieba's words undone.

    ``convert``: the plain OpenCC conversion of the variant (``s2twp``, ``s2hkp``); ``chars``: a
    conversion by characters only (STCharacters and the variant's glyphs, no phrase), which a cut form
    must come nearer to (``None``: any cut form is taken); ``regionless``: see ``cut_points``.  The source is
    converted cut at ``cut_points``; where that differs from the whole conversion and ``out`` there is
    the whole conversion's own (no rule wrote it), ``out`` takes the cut form.
    """
    points = cut_points(source, convert, mode, regionless)
    if not points:
        return out
    whole = convert(source)
    cut = "".join(convert(source[a:b]) for a, b in itertools.pairwise([0, *points, len(source)]))
    if cut == whole:
        return out
    equal = [
        b for b in difflib.SequenceMatcher(None, whole, out, autojunk=False).get_matching_blocks() if b.size
    ]
    plain = chars(source) if chars is not None else None
    edits = []
    for i1, i2, j1, j2 in _regions(whole, cut):
        # OpenCC's own context entries cross words on purpose (新发布 keeps 發布 from 釋出, 分了解 keeps 了):
        # the cut form is taken only where it is nearer the characters' own conversion.
        if plain is not None and _distance(whole[:i1] + cut[j1:j2] + whole[i2:], plain) >= _distance(
            whole, plain
        ):
            continue
        for blk in equal:  # ``out`` is the whole conversion over [i1, i2), and a character either side
            if blk.a <= max(0, i1 - 1) and min(len(whole), i2 + 1) <= blk.a + blk.size:
                edits.append((blk.b + i1 - blk.a, blk.b + i2 - blk.a, cut[j1:j2]))
                break
    for x, y, text in sorted(edits, reverse=True):
        out = out[:x] + text + out[y:]
    return out


def guarded(
    convert: Callable[[str], str],
    plain: Callable[[str], str],
    regionless: Callable[[str], str],
    code: str,
    mode: str,
    text: str,
) -> str:
    """``convert(text)`` through ``guard`` (``bench_conversion --cut-guard``).

    ``mode``: ``all``, ``partial`` or ``strict`` (``cut_points``), alone or then ``-chars`` (cut forms
    nearer the characters' own conversion only) or ``-regional`` (the regional phrase table's readings
    only, ``regionless`` being the variant's conversion without it).
    """
    base, _, only = mode.partition("-")
    return guard(
        text,
        convert(text),
        plain,
        base,
        chars_converter(code) if only == "chars" else None,
        regionless if only == "regional" else None,
    )
