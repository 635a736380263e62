"""The canonical pages' characters kept between saves (``search/corpus_chars.py``)."""

from __future__ import annotations

import random

import pytest

from zhudu.search.corpus_chars import CorpusChars


class _Page(str):
    """A page's distinct characters that count how often they are gone over."""

    walked = 0

    def __iter__(self):
        type(self).walked += 1
        return super().__iter__()


@pytest.mark.parametrize("seed", range(20))
def test_the_characters_are_the_pages_union_going_over_only_the_pages_added_or_gone(seed: int) -> None:
    rng = random.Random(seed)

    def page() -> _Page:
        return _Page("".join(sorted(set(rng.choices("数据中心软件网络开源发布ab", k=rng.randint(0, 8))))))

    chars = CorpusChars()
    pages = [page() for _ in range(rng.randint(0, 30))]
    assert set(chars.of(pages)) == set().union(*pages)
    for _ in range(10):
        union = set().union(*pages)
        _Page.walked = 0
        assert set(chars.of(pages)) == union
        assert _Page.walked == 0  # nothing changed: no page gone over
        new = list(pages)
        changes = rng.randint(1, 3)
        for _ in range(changes):
            if new and rng.random() < 0.4:
                new.pop(rng.randrange(len(new)))  # a page gone
            elif new and rng.random() < 0.5:
                new.append(rng.choice(new))  # a page with the same characters as another
            else:
                new.append(page())
        _Page.walked = 0
        union = set().union(*new)  # goes over every page: counted apart
        _Page.walked = 0
        assert set(chars.of(new)) == union
        assert _Page.walked <= 2 * changes
        pages = new
