"""The order a glossary's readers look a term up in: by its reading, the way each region's readers expect.

* zh-Hans, zh-Hant-HK: by pinyin (a Xinhua dictionary's order: the letters, ü after u, then the tone);
* zh-Hant-TW: by zhuyin (ㄅㄆㄇㄈ…, the order of Taiwan's dictionaries), then the tone;
* a Latin-initial term (AGI, NVIDIA): A–Z, after the Chinese ones, as a dictionary lists its 字母词.

Hong Kong's dictionaries list characters by stroke count, but no small, maintained source of stroke
counts is among the site's dependencies (Unihan's ``kTotalStrokes`` is not in Python's ``unicodedata``),
and pinyin is what Hong Kong's schools teach Putonghua with, so the Hong Kong copy uses the pinyin order.

A term's reading is the word's (pypinyin's phrase dictionary: 重庆 chóng, 银行 háng), read from its
Simplified form: the phrase dictionary is Simplified (it read 重慶 zhòng, 銀行 xíng).  That form is
plain OpenCC's (t2s), not the site's fold, whose regional layer gives the word the
mainland uses (記憶體 is not read as 内存).  The shown term breaks a tie: the same order every build.
The readings are the mainland standard's (pypinyin has no Taiwan dictionary), but for the characters of
``TAIWAN_READINGS``, which Taiwan reads otherwise in every word: 曝光機 is looked up under ㄆ in the Taiwan copy.

A character pypinyin has no reading for (𠮷, or 𫠒, the Simplified form plain OpenCC gives 鱆) is read
as its OpenCC counterpart when that one has a reading (𫠒 as 鱆 zhāng); else it is passed over and the
term filed by its next syllable (𠮷野家 under Y); a term with no readable character at all is listed
at the end of A–Z, never under a heading of its own.  A reading counts only in Latin letters (pinyin)
or zhuyin: pypinyin gives an unread character back as itself (``'𠮷5'``).

Numbers are compared by value, not digit by digit (第2版 before 第10版, GPT-4 before GPT-10), and so are
Chinese numerals where they count something: after 第 (第二版 before 第十版, beside 第2版) or, inside a term,
before a counter such as 版, 章, 代 or 届 (富二代).  A term they open is a word, read as written (三体, 一代宗师).

pypinyin's dictionaries take 0.6 s and ~54 MB to load, in the process writing the glossary page: the keys
of the terms a glossary page listed are kept in the cache folder (:class:`KeptKeys`), and pypinyin is
imported only for a term none is kept for (a new term, a new version of the code).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from zhudu import cache
from zhudu.script.han import HAN_RE
from zhudu.script.variant_configs import opencc_converter

#: Characters (Simplified, as the terms are read) whose Taiwan reading differs from the mainland one whatever the
#: word, as Taiwan's Ministry of Education dictionary (《重編國語辭典》) gives them: zhuyin without its tone, and the
#: tone.  Only characters read one way in Taiwan in every word: 质 (ㄓˊ, but 人質 ㄓˋ) and 和 (ㄏㄢˋ only as "and") are not.
TAIWAN_READINGS = {
    "曝": ("ㄆㄨ", 4),  # 曝光 bào → pù
    "垃": ("ㄌㄜ", 4),  # 垃圾 lājī → lèsè
    "圾": ("ㄙㄜ", 4),
    "企": ("ㄑㄧ", 4),  # 企业 qǐ → qì
    "期": ("ㄑㄧ", 2),  # 星期 qī → qí
    "液": ("ㄧ", 4),  # 液体 yè → yì
    "拥": ("ㄩㄥ", 3),  # 拥有 yōng → yǒng
    "危": ("ㄨㄟ", 2),  # 危险 wēi → wéi
    "微": ("ㄨㄟ", 2),  # 微小 wēi → wéi
    "俄": ("ㄜ", 4),  # 俄罗斯 é → è
}

#: zhuyin's tone marks (pypinyin writes the first tone unmarked and the neutral one as ˙).
_ZHUYIN_TONE_MARKS = str.maketrans("", "", "ˊˇˋ˙")


class SortKey(NamedTuple):
    """Where a term stands: its group, its syllables, their ü (pinyin), their tones, then the term itself."""

    latin: bool  # not Han-initial
    syllables: tuple[str, ...]
    umlauts: tuple[bool, ...]
    tones: tuple[int, ...]
    shown: str

    @property
    def group(self) -> str:
        """The heading the term is listed under: its first pinyin letter or zhuyin initial; A–Z not Han-initial."""
        return "A–Z" if self.latin or not self.syllables else self.syllables[0][:1].upper()


def uses_zhuyin(code: str) -> bool:
    """Whether a variant's readers look words up by zhuyin (Taiwan)."""
    return code.split("-")[-1].upper() == "TW"


def _natural(digits: str) -> str:
    """A run of digits as text that sorts by the number's value: its length first (2 → ``0012``, 10 → ``00210``)."""
    value = str(int(digits))  # int: also fullwidth and other decimal digits; leading zeros dropped
    return f"{len(value):03d}{value}"


#: Chinese numerals' digits and units (Simplified and Traditional forms).
_NUMERAL_DIGITS = {
    "〇": 0,
    "零": 0,
    **dict(zip("一二三四五六七八九", range(1, 10), strict=True)),
    "两": 2,
    "兩": 2,
}
_NUMERAL_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "萬": 10_000, "亿": 10**8, "億": 10**8}
_NUMERALS = "".join([*_NUMERAL_DIGITS, *_NUMERAL_UNITS])
#: A run of them that counts: after 第, or inside a term before a counter (版, 章, 代 …); a term they open is a word.
#: Read whole or not at all: inside a term the run follows a character that is not a numeral, so the
#: run opening 四十二章经 is never read from its 十 on (四12章经).
_COUNTED_NUMERALS_RE = re.compile(
    rf"(?:(?<=第)|(?<=[^{_NUMERALS}])(?=[{_NUMERALS}]+[版章代届屆期卷集季回课課节節条條次篇部册冊号號]))"
    rf"[{_NUMERALS}]+"
)


def _numeral_value(run: str) -> int:
    """The value of a run of Chinese numerals: 十二 12, 二十 20, 一百零五 105, 三亿五千万; 二〇二五 2025 (digit by digit)."""
    if not any(c in _NUMERAL_UNITS for c in run):
        return int("".join(str(_NUMERAL_DIGITS[c]) for c in run))
    yi = wan = section = number = 0  # what stands before the last 亿, before the last 万, below 万
    for char in run:
        if char in _NUMERAL_DIGITS:
            number = _NUMERAL_DIGITS[char]
            continue
        if (unit := _NUMERAL_UNITS[char]) < 10_000:
            section += (number or 1) * unit  # 十二: one ten
        elif unit == 10_000:
            wan, section = (wan + section + number) * unit, 0
        else:
            yi, wan, section = (yi + wan + section + number) * unit, 0, 0
        number = 0
    return yi + wan + section + number


def _counted_as_digits(text: str) -> str:
    """``text`` with its counting numerals written in digits (第十版 → 第10版), compared by value as digits are."""
    return _COUNTED_NUMERALS_RE.sub(lambda m: str(_numeral_value(m.group())), text)


#: a reading that counts: pinyin letters and a tone, or zhuyin (pypinyin gives an unread character as itself).
_PINYIN_RE = re.compile(r"[a-zü]+[1-5]")
_ZHUYIN_RE = re.compile(r"[\u3100-\u312f\u31a0-\u31bf]+")


def _char_readings(text: str, zhuyin: bool) -> list[tuple[str, int] | None]:
    """Each character's syllable (pinyin or zhuyin, no tone) and tone; None where pypinyin reads none."""
    # Imported here: its dictionaries take 0.6 s and 56 MB, paid only by the process writing a glossary page.
    from pypinyin import Style, lazy_pinyin

    # Read as one text, so a word is read as the word (both styles see the same phrases).
    numbered = lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, v_to_u=True, errors=list)
    shown = lazy_pinyin(text, style=Style.BOPOMOFO, errors=list) if zhuyin else numbered
    if not len(numbered) == len(shown) == len(text):  # not one reading a character: give up the phrases
        return [r for c in text for r in _char_readings(c, zhuyin)] if len(text) > 1 else [None]
    out: list[tuple[str, int] | None] = []
    for char, reading, syllable in zip(text, numbered, shown, strict=True):
        if zhuyin and char in TAIWAN_READINGS:
            out.append(TAIWAN_READINGS[char])
            continue
        syllable = syllable.translate(_ZHUYIN_TONE_MARKS) if zhuyin else reading[:-1]
        readable = _PINYIN_RE.fullmatch(reading) and (not zhuyin or _ZHUYIN_RE.fullmatch(syllable))
        out.append((syllable, int(reading[-1])) if readable else None)
    return out


def _readings(text: str, zhuyin: bool) -> list[tuple[str, int]]:
    """The syllables a term is filed by: Han ones with their tone; letters, and numbers as one, tone 0."""
    out: list[tuple[str, int]] = []
    digits = ""
    for char, reading in zip(text, _char_readings(text, zhuyin), strict=True):
        if char.isdecimal():
            digits += char
            continue
        if digits:
            out.append((_natural(digits), 0))
            digits = ""
        if reading is None and HAN_RE.fullmatch(char):  # one pypinyin cannot read: filed by the next if none
            reading = _counterpart_reading(char, zhuyin)
        if reading is not None:
            out.append(reading)
        elif char.isalnum() and not HAN_RE.fullmatch(char):  # not punctuation, space
            out.append((char.casefold(), 0))
    if digits:
        out.append((_natural(digits), 0))
    return out


def _counterpart_reading(char: str, zhuyin: bool) -> tuple[str, int] | None:
    """The reading of ``char``'s Traditional or Simplified form (𫠒 is plain OpenCC's 鱆), if one has one."""
    for config in ("s2t", "t2s"):
        other = opencc_converter(config).convert(char)
        if other != char and len(other) == 1 and (reading := _char_readings(other, zhuyin)[0]):
            return reading
    return None


@functools.lru_cache(maxsize=8192)  # a term is looked up twice a copy (index, entry), and again every save
def sort_key(shown: str, zhuyin: bool) -> SortKey:
    """The key of a term as a copy shows it (read from its Simplified form)."""
    shown = " ".join(shown.split())
    read = _readings(_counted_as_digits(opencc_converter("t2s").convert(shown)), zhuyin)
    if not read or not read[0][1]:  # not Han-initial (AGI, 5G, Ångström): A–Z after the Han terms
        # Å with the A; fullwidth digits as digits.
        letters = "".join(
            c
            for c in unicodedata.normalize("NFKD", _counted_as_digits(shown))
            if not unicodedata.combining(c)
        )
        # Text and digit runs alternate (re.split keeps the runs at odd places), so two keys always compare.
        pieces = re.split(r"(\d+)", letters.casefold())
        return SortKey(True, tuple(_natural(p) if i % 2 else p for i, p in enumerate(pieces)), (), (), shown)
    # ü sorts as u, then after it (lu, lü, luan, lüe): zhuyin's ㄩ is a letter of its own.
    syllables = tuple(s.replace("ü", "u") for s, _ in read)
    return SortKey(False, syllables, tuple("ü" in s for s, _ in read), tuple(t for _, t in read), shown)


def order_for(code: str) -> Callable[[str], SortKey]:
    """The sort key of variant ``code``'s glossary: a shown term → where it stands."""
    zhuyin = uses_zhuyin(code)
    return lambda shown: sort_key(shown, zhuyin)


#: The cache's kind (``cache.ArtifactCache``): one entry, the keys of the terms the last glossary page listed.
KIND = "collation"


class KeptKeys:
    """The sort keys of a glossary page's terms, kept in the cache folder (``root``; None: nowhere) between builds.

    A build that writes the glossary's copies again (a note was edited: the page lists its places) with
    no new term finds every key here and never loads pypinyin.  The entry is named by the code's version
    (pypinyin's and OpenCC's among it) and holds each key by the term as a copy shows it and the copy's
    reading (pinyin or zhuyin): a term missing from it is read (``sort_key``), and the entry is written
    again with the terms this page listed, so a removed term's key goes with it.
    """

    def __init__(self, root: Path | None) -> None:
        self.store = cache.ArtifactCache(root)
        self.name = cache.digest(KIND, cache.code_version())
        kept = self.store.get(KIND, self.name)
        self.kept: dict[tuple[str, bool], SortKey] = kept if _valid_keys(kept) else {}
        self.used: dict[tuple[str, bool], SortKey] = {}

    def order_for(self, code: str) -> Callable[[str], SortKey]:
        """``order_for(code)``, its keys taken from those kept where there is one."""
        zhuyin = uses_zhuyin(code)

        def key(shown: str) -> SortKey:
            found = self.kept.get((shown, zhuyin)) or sort_key(shown, zhuyin)
            self.used[(shown, zhuyin)] = found
            return found

        return key

    def save(self) -> None:
        """Keep the keys the page's copies used, when they are not the ones kept; the older entries go."""
        if self.used == self.kept:
            return
        self.store.put(KIND, self.name, self.used)
        self.kept = dict(self.used)
        for old in self.store.stored(KIND):  # another version's keys are never read again
            if old.name != self.name:
                old.unlink(missing_ok=True)


def _valid_keys(entry: Any) -> bool:
    """Whether a loaded entry has the shape ``KeptKeys.save`` writes (anything else is not used)."""
    return isinstance(entry, dict) and all(
        isinstance(k, tuple) and len(k) == 2 and isinstance(k[0], str) and isinstance(v, SortKey)
        for k, v in entry.items()
    )
