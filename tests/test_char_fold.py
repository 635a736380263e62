"""``textmarks.CharFold``: a text folded through one table equals its characters folded one by one.

The table (``_Folded``) holds every character met, those that fold to themselves too, so that
``str.translate`` finds each (session 36: a missing one cost translate a failed lookup).
Real OpenCC.
"""

from __future__ import annotations

import random
from pathlib import Path

from zhudu.annotate import textmarks
from zhudu.script.convert import opencc_converter

ROOT = Path(__file__).resolve().parents[1]


def _by_character(fold: textmarks.CharFold, text: str) -> str:
    """The definition: each character folded alone, a stash placeholder's characters NULs."""
    out = "".join(fold.char(ch) for ch in text)
    for m in textmarks._STASH_RE.finditer(text):
        out = out[: m.start()] + "\0" * len(m.group()) + out[m.end() :]
    return out


def test_a_text_folds_as_its_characters_do():
    fold = textmarks.CharFold(opencc_converter("t2s").convert)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").rglob("*.md"))]
    rng = random.Random(36)
    alphabet = "AbcÄİẞ臺灣裡裏后後發髮 \u3000ǅﬁ\U00020000\x02\x0312"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(2_000)]
    texts.append("a\x02wzxhzdk:12\x03b臺")  # a stash placeholder
    assert texts[0]
    for text in texts:
        assert fold.text(text) == _by_character(textmarks.CharFold(opencc_converter("t2s").convert), text)
        assert fold.text(text) == _by_character(fold, text)  # the same memo, asked again


def test_the_table_holds_the_characters_that_fold_to_themselves():
    fold = textmarks.CharFold(opencc_converter("t2s").convert)
    assert fold.text("臺灣的Apple") == "台湾的apple"
    table = fold._translation
    assert {chr(code): out for code, out in table.items()} == {
        "臺": "台",
        "灣": "湾",
        "的": "的",
        "A": "a",
        "p": "p",
        "l": "l",
        "e": "e",
    }
