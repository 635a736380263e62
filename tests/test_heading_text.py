"""A heading's text without its markup (``heading_text.without_markup``) reads as the expression it
replaced, which read the rest of the line again from every ``_`` and ``[`` (session 32's hostile review;
the time is ``tests/hostile.py``'s ``heading-underscore-pairs``)."""

from __future__ import annotations

import itertools
import random
import re

from zhudu.notes.heading_text import without_markup
from zhudu.notes.page_ids import ATX_TEXT

#: The expression ``page_ids`` used before session 32's hostile review.
_FORMER = re.compile(
    r"\*+|(?<!\w)(?P<under>_+)(?P<em>\S(?:.*?\S)?)(?P=under)(?!\w)|\[(?P<text>[^\]]*)\]\([^)]*\)"
)
#: The heading pattern it used (``page_ids``, ``body``; ``summary`` without the indent).
_FORMER_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(?P<text>.+?)[ \t#]*$")


def _former(text: str) -> str:
    return _FORMER.sub(lambda h: h["em"] or h["text"] or "", text)


def test_every_short_text_reads_as_before() -> None:
    for size in range(7):
        for chars in itertools.product("_a *[]()", repeat=size):
            text = "".join(chars)
            assert without_markup(text) == _former(text), text


def test_random_headings_read_as_before() -> None:
    rnd = random.Random(32)
    for _ in range(20000):
        text = "".join(rnd.choice("___ a汉*[]()\t.") for _ in range(rnd.randint(1, 40)))
        assert without_markup(text) == _former(text), text


def test_a_headings_text_is_found_as_before() -> None:
    heading = re.compile(r"^[ ]{0,3}#{1,6}" + ATX_TEXT)
    for size in range(8):
        for chars in itertools.product(" \t#a", repeat=size):
            for line in ("#" + "".join(chars), "  ## " + "".join(chars)):
                before, now = _FORMER_HEADING.match(line), heading.match(line)
                assert (before and before["text"]) == (now and now["text"]), line
