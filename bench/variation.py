"""Per-note variation of a derived note's text, so a generated collection stops repeating the seeds' passages.

``bench/corpus.py`` makes N notes from the three seeds' paragraphs: without this, 96–99 % of the passages of a
300-note collection are copies, which rewards per-text memos and hides per-passage work (bench/RESULTS.md,
session 28).  ``Varier.note_lines`` changes each line of running text deterministically: common words are
swapped for a synonym from ``SYNONYMS``, numbers change (years by a few years, other numbers keep their digit
count), and a line still equal to one written before gets an adverbial from ``ADVERBIALS`` at a clause
boundary.  The text stays plausible Chinese, so segmentation, conversion and theme matching have work; headings,
images, code, links, URLs and wikilinks are left byte for byte, and no word of a theme phrase or a glossary term is
among the swapped ones (``tests/test_corpus_vary.py``), so the build stays strict-clean.
"""

from __future__ import annotations

import random
import re

#: Groups of interchangeable common words (none inside a theme phrase or glossary term of the shipped data).
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("现在", "如今", "目前"),
    ("非常", "十分", "相当"),
    ("很多", "许多", "不少"),
    ("已经", "早已", "已然"),
    ("可以", "能够"),
    ("甚至", "乃至"),
    ("原来", "原本", "本来"),
    ("比如", "例如", "譬如"),
    ("因为", "由于"),
    ("但是", "可是", "不过"),
    ("所以", "因此", "于是"),
    ("越来越", "日益"),
    ("重要", "关键"),
    ("简单", "容易"),
    ("特别", "尤其"),
    ("觉得", "认为"),
    ("开始", "着手"),
    ("马上", "立刻", "随即"),
    ("几乎", "差不多"),
    ("也许", "或许"),
    ("然后", "接着", "随后"),
    ("最后", "最终"),
    ("完全", "彻底"),
    ("东西", "物件"),
    ("价格", "价钱"),
    ("问题", "难题"),
    ("人们", "大家"),
    ("需要", "须要"),
    ("变成", "成为"),
    ("一些", "某些"),
    ("真正", "切实"),
    ("看到", "见到"),
    ("知道", "晓得"),
    ("明显", "显著"),
    ("迅速", "飞快"),
    ("巨大", "庞大"),
    ("方式", "办法"),
    ("能力", "本领"),
    ("未来", "将来"),
    ("发展", "演进"),
)

#: Said at a clause boundary to tell apart a line that would otherwise repeat one written before.
ADVERBIALS: tuple[str, ...] = (
    "其实",
    "如今看来",
    "说到底",
    "大体上",
    "坦白说",
    "据说",
    "显然",
    "某种程度上",
    "换个角度看",
    "归根结底",
    "一般来说",
    "在很多人眼里",
    "严格地讲",
    "从长远看",
    "眼下",
    "事实上",
    "总的来说",
    "按理说",
    "不难发现",
    "细想一下",
    "往深处说",
    "客观地说",
    "老实讲",
    "退一步讲",
    "照这么看",
    "说起来",
    "平心而论",
    "反过来看",
    "回头再看",
    "值得一提的是",
    "有人会说",
    "换句话说",
)

#: Parts of a line left byte for byte: inline code, images and link targets, URLs, wikilinks, HTML tags.
_PROTECTED_RE = re.compile(
    r"`[^`\n]*`|!\[[^\]\n]*\]\([^)\n]*\)|\]\([^)\n]*\)|https?://\S+|\[\[[^\]\n]*\]\]|<[^>\n]+>"
)
#: A number standing alone: not part of a name (M2, RTX4060), a decimal, a date or time, a list marker, nor a
#: month's day or an hour (6月34日 is no date).
_NUMBER_RE = re.compile(r"(?<![A-Za-z0-9.\-:/_@])[0-9]+(?![A-Za-z0-9.\-:/_%月日号时点分])")
_WORD_RE = re.compile("|".join(sorted((w for g in SYNONYMS for w in g), key=len, reverse=True)))
_GROUP = {w: g for g in SYNONYMS for w in g}
#: Where an adverbial may go: after a clause's punctuation, not at the line's end.
_BOUNDARY_RE = re.compile(r"[，。：；！？](?=[\u4e00-\u9fff])")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
#: Lines left as they are: headings, images alone, code fences, front-matter-like rules.
_KEEP_LINE_RE = re.compile(r"\s*(#|!\[|```|~~~|---|\|[\s:|-]*$)")


class Varier:
    """Varies the lines of derived notes; remembers every line written so that repeats get told apart."""

    def __init__(self, seed_lines: list[str]) -> None:
        self.seen = {line.strip() for line in seed_lines if line.strip()}

    def note_lines(self, text: str, rng: random.Random) -> str:
        """``text`` (a note's body) with each line of running text varied; other lines as they are."""
        return "\n".join(self._line(line, rng) for line in text.split("\n"))

    def _line(self, line: str, rng: random.Random) -> str:
        if not _CJK_RE.search(line) or _KEEP_LINE_RE.match(line):
            return line
        varied = _outside_protected(line, lambda part: _swap_words(_change_numbers(part, rng), rng))
        for _attempt in range(12):
            if varied.strip() not in self.seen:
                break
            varied = _outside_protected(varied, lambda part: _add_adverbial(part, rng), first_only=True)
        self.seen.add(varied.strip())
        return varied


def _outside_protected(line: str, change, first_only: bool = False) -> str:
    """``change`` applied to the parts of ``line`` outside protected spans (only the first such part with
    CJK text when ``first_only``)."""
    out, at, done = [], 0, False
    for m in [*_PROTECTED_RE.finditer(line), None]:
        end = m.start() if m else len(line)
        part = line[at:end]
        if part and not (first_only and (done or not _CJK_RE.search(part))):
            part, done = change(part), True
        out.append(part)
        if m:
            out.append(m.group())
            at = m.end()
    return "".join(out)


def _swap_words(part: str, rng: random.Random) -> str:
    return _WORD_RE.sub(lambda m: rng.choice(_GROUP[m.group()]) if rng.random() < 0.6 else m.group(), part)


def _change_numbers(part: str, rng: random.Random) -> str:
    def repl(m: re.Match[str]) -> str:
        text = m.group()
        value = int(text)
        if rng.random() < 0.3:
            return text
        if 1900 <= value <= 2100:  # a year: a few years off
            return str(value + rng.randint(-12, 12))
        if len(text) == 1:
            return str(rng.randint(1, 9))
        return str(rng.randint(10 ** (len(text) - 1), 10 ** len(text) - 1))

    return _NUMBER_RE.sub(repl, part)


def _add_adverbial(part: str, rng: random.Random) -> str:
    places = [m.end() for m in _BOUNDARY_RE.finditer(part)]
    first = _CJK_RE.search(part)
    if first:
        places.append(first.start())
    at = rng.choice(places)
    return f"{part[:at]}{rng.choice(ADVERBIALS)}，{part[at:]}"
