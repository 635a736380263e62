"""Search in a browser finds the shipped notes' names as each variant shows them (``search/shown_words.py``).

conversion.yml turns 迈克尔·贝瑞 into 麥可·貝瑞 (Taiwan) and 米高·貝利 (Hong Kong), 萨姆·奥特曼 into 山姆·奧特曼 and
埃隆·马斯克 into 伊隆·馬斯克 (Taiwan): the words of those names found nothing, or a result with nothing marked
was dropped, and the suggestions offered 邁克爾, which those pages do not show.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import bench_search

from conftest import search_count


@pytest.mark.parametrize(
    ("code", "query", "marked"),
    [
        ("zh-Hant-HK", "米高·貝利", ["米高", "貝利"]),
        ("zh-Hant-HK", "米高", ["米高"]),
        ("zh-Hant-HK", "貝利", ["貝利"]),
        ("zh-Hant-TW", "麥可", ["麥可"]),
        ("zh-Hant-TW", "伊隆", ["伊隆"]),
        ("zh-Hant-TW", "山姆", ["山姆"]),
        ("zh-Hant-TW", "麥可·貝瑞", ["貝瑞", "麥可"]),
    ],
)
def test_the_shipped_notes_names_are_found_as_each_variant_shows_them(
    real_site, page, code, query, marked
) -> None:
    placeholder = bench_search.open_search(page, real_site.variant_url(code))
    count = search_count(page, query, placeholder)
    assert count[:2] in {"找到"}, count
    marks = page.eval_on_selector_all("a.md-search-result__link mark", "els => els.map(e => e.textContent)")
    assert sorted(set(marks)) == sorted(marked)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_suggestions_offer_only_words_the_variant_shows(real_site, page, code) -> None:
    placeholder = bench_search.open_search(page, real_site.variant_url(code))
    search_count(page, "克爾文", placeholder)  # nothing: the suggestions show
    page.wait_for_selector(".zd-search-suggest")
    words = page.eval_on_selector_all(".zd-search-suggest__word", "els => els.map(e => e.textContent)")
    assert words, "no suggestions"
    assert not {"邁克爾", "邁克", "克爾"} & set(words), words
