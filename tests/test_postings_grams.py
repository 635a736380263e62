"""``postings.grams`` (runs found by one regex) against its definition, one character at a time."""

from __future__ import annotations

import random
import re

import pytest

from zhudu.search import postings

_TERM = re.compile(r"[\u3400-\u9fff\uf900-\ufaffa-z0-9\u00c0-\u024f]")


def _reference(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """The positions as the worker reads them: UTF-16 units, pairs of adjacent term characters."""
    pairs: dict[str, list[int]] = {}
    chars: dict[str, str] = {}
    at, previous = 0, ""
    for ch in text:
        if _TERM.match(ch):
            chars.setdefault(ch, postings.b36(at))
            if previous:
                pairs.setdefault(previous + ch, []).append(at - 1)
            previous = ch
        else:
            previous = ""
        at += 2 if ord(ch) > 0xFFFF else 1
    encoded = {}
    for pair, positions in pairs.items():
        diffs = [b - a for a, b in zip([0, *positions[:-1]], positions, strict=True)]
        encoded[pair] = ",".join(postings.b36(d) for d in diffs)
    return encoded, chars


@pytest.mark.parametrize(
    "text",
    [
        "",
        "中文检索，中文字",
        "a\U0001f600中文\U00020000中文ab",  # characters beyond the BMP count two positions
        "ÀɏɐZ-中\u3400\u9fff\uf900\ufaff",  # the class's edges, and just past them
        "文" * 50_000 + "字文",  # positions past the base-36 table
    ],
)
def test_grams_match_their_definition(text: str) -> None:
    got = postings.grams(text, remember=False)
    want = _reference(text)
    assert got == want
    assert [list(d) for d in got] == [list(d) for d in want]  # the same order too


def test_grams_match_their_definition_on_random_text() -> None:
    rnd = random.Random(19)
    alphabet = "中文字abz09é \U0001f600\U00020000，。\u3400\u9fff\uf900\ufaff\u00c0\u024f\u0250Z-"
    for _ in range(2_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        assert postings.grams(text, remember=False) == _reference(text), text


def test_a_position_inside_an_editors_note_is_marked() -> None:
    """A passage's editor's notes (``grams.with_notes``: their places after its text): each pair both of whose
    characters are inside one is marked ``NOTED``, so the worker tells a hit only in a note before it fetches the
    passage; a character first found in a note is also given where the author first wrote it."""
    from zhudu.search.grams import NOTED, with_notes

    text = "作者说芯片。 编者注：芯片要光刻机"  # the note: 编者注：芯片要光刻机, from 7
    pairs, chars = postings.grams(with_notes(text, [7, len(text)]), remember=False)
    plain_pairs, plain_chars = postings.grams(text, remember=False)
    assert pairs["芯片"] == f"3,8{NOTED}"  # the author's at 3, the note's at 11
    assert pairs["光刻"] == f"e{NOTED}" and pairs["作者"] == "0"
    assert chars["芯"] == "3" and chars["光"] == f"e{NOTED}"
    assert chars["编"] == f"7{NOTED}"
    assert {k: v.replace(NOTED, "") for k, v in pairs.items()} == plain_pairs
    assert {k: v.replace(NOTED, "") for k, v in chars.items()} == plain_chars
    assert with_notes(text, []) == text
    _, chars = postings.grams(with_notes("编者说芯片 编", [0, 5]), remember=False)
    assert chars["编"] == f"0{NOTED},6"  # first in the note, then the author's


def test_a_passage_full_of_emoji_is_read_in_one_pass(monkeypatch) -> None:
    """The characters beyond the BMP before each run are counted once each, with editor's notes or without: counted
    from the text's start for every run, a passage of emoji between words took quadratic time."""
    from zhudu.search import grams
    from zhudu.search.grams import NOTED, with_notes

    wide, scanned = grams._WIDE_RE, []

    class CountingWide:
        def search(self, text: str) -> re.Match[str] | None:
            return wide.search(text)

        def findall(self, text: str, start: int, end: int) -> list[str]:
            scanned.append(end - start)
            return wide.findall(text, start, end)

    monkeypatch.setattr(grams, "_WIDE_RE", CountingWide())
    text = "字词\U0001f600" * 2_000
    plain = postings.grams(text, remember=False)
    assert plain == _reference(text)
    assert sum(scanned) <= len(text)
    scanned.clear()
    pairs, chars = postings.grams(with_notes(text, [0, 4]), remember=False)
    assert sum(scanned) <= len(text)
    assert pairs["字词"].startswith(f"0{NOTED},4,") and chars["字"] == f"0{NOTED},4"
    assert ({k: v.replace(NOTED, "") for k, v in pairs.items()}, chars["词"]) == (plain[0], f"1{NOTED},4")
