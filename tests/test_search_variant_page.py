"""A page's records in the three variants' indexes (hooks/zhudu/search/variant_page.py): work done once, not thrice.

The variants of a passage share its canonical text: it is folded once for all of them, and a passage that
folds alike in two variants has its folded edits made once; both per page, never shared between two pages.
A text without a Han character gives no word and is not cut by jieba.  The files are those of the
existing tests (``test_search.py``, ``test_search_incremental.py``); these check the work not done.
"""

from __future__ import annotations

import json

import pytest

from zhudu.script.convert import opencc_converter
from zhudu.search import index as search
from zhudu.search import variant_page
from zhudu.search.assembly import Assembly

#: url → passages: (Simplified, zh-Hant-TW, zh-Hant-HK).  "資料中心" folds alike in TW and HK and
#: differs from the canonical 数据中心; notes/b/ repeats notes/a/'s first passage on another page.
PAGES = {
    "notes/a/": [
        ("数据中心在这里。", "資料中心在這裡。", "資料中心在這裏。"),
        ("开源软件。", "開源軟體。", "開源軟件。"),
    ],
    "notes/b/": [("数据中心在这里。", "資料中心在這裡。", "資料中心在這裏。")],
}
CODES = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")


def _variant_pages() -> list[search.VariantPages]:
    return [
        search.VariantPages(
            code=code,
            pages=tuple(
                search.PageText(
                    url=url,
                    title=f"第{i}页",
                    passages=tuple(
                        search.PassageText(f"p-{n}", texts[k], "") for n, texts in enumerate(rows)
                    ),
                )
                for i, (url, rows) in enumerate(sorted(PAGES.items()))
            ),
        )
        for k, code in enumerate(CODES)
    ]


def _assemble(monkeypatch: pytest.MonkeyPatch, **options: object) -> tuple[Assembly, list[tuple[str, str]]]:
    made: list[tuple[str, str]] = []
    edits = variant_page.passage_edits

    def counted(shown: str, canonical: str) -> tuple[list[int | str], list[tuple[int, int, int, int]]]:
        made.append((shown, canonical))
        return edits(shown, canonical)

    monkeypatch.setattr(variant_page, "passage_edits", counted)
    converters = {
        code: opencc_converter(c).convert for code, c in zip(CODES[1:], ("s2twp", "s2hkp"), strict=True)
    }
    assembly = Assembly(remember=True)
    files = assembly.files(
        _variant_pages(),
        "zh-Hans",
        opencc_converter("t2s").convert,
        {"zh-Hans": str, **converters},
        **options,
    )
    assert all(parts for _, parts in files)
    return assembly, made


@pytest.mark.parametrize(
    "options",
    [{}, {"postings_at": "../../search", "fragments_base": "zh-Hant-TW", "simplified": {"zh-Hans"}}],
    ids=["whole", "patched"],
)
def test_canonical_passage_is_folded_once_for_every_variant(monkeypatch, options) -> None:
    assembly, _ = _assemble(monkeypatch, **options)
    records = {code: {page.url: r for page, r in assembly.variant_pages[code].items()} for code in CODES}
    table = assembly.table
    assert table is not None
    for url, rows in PAGES.items():
        hans, tw, hk = (records[code][url] for code in CODES)
        assert hans.texts == [search.fold(row[0], table) for row in rows]
        # One folded string for the three variants' records, not one a variant.
        assert all(a is b is c for a, b, c in zip(hans.texts, tw.texts, hk.texts, strict=True))
        assert hans.title is tw.title is hk.title


def test_folded_edits_made_once_per_page_for_variants_that_fold_alike(monkeypatch) -> None:
    _, made = _assemble(monkeypatch)
    # 資料中心 (TW and HK alike; 資 stays: the canonical texts hold no 资) once on each page, never shared
    # between notes/a/ and notes/b/.
    assert sum(1 for s, _ in made if s.startswith("資料中心")) == 2, made
    # 開源軟體 (TW) and 開源軟件 (HK) fold apart: TW's edits only (HK's folds to the canonical text).
    assert sum(1 for s, _ in made if s.startswith("开源软")) == 1, made


def test_text_without_a_han_character_is_not_cut(monkeypatch) -> None:
    cut: list[str] = []
    words_of = search._words_of
    monkeypatch.setattr(search, "_words_of", lambda cache, text: cut.append(text) or words_of(cache, text))
    monkeypatch.setattr(search, "_TEXT_WORDS", [None, {}])
    words = search.folded_vocabulary(["npm install hexo-cli -g", "数据中心在这里", "2025 GPU"], {}, [])
    assert cut == ["数据中心在这里"]
    assert "数据中心" in words and not [w for w in words if not search._HAN_RE.search(w)]


def test_a_titles_regional_words_are_read_as_their_canonical_words() -> None:
    """A Taiwan title differing from the canonical one in words (the editor's phrases, the page converted whole):
    the regional forms came from the passages' edits only, and such a title was not found by its own words."""
    s2twp = opencc_converter("s2twp").convert
    pages = [
        search.VariantPages(
            code=code,
            pages=(search.PageText("notes/a/", title, (search.PassageText("p-1", "正文。", title),)),),
        )
        for code, title in (("zh-Hans", "资产装配夹"), ("zh-Hant-TW", "資產組裝匣"))
    ]
    files = dict(
        Assembly(remember=False).files(
            pages, "zh-Hans", opencc_converter("t2s").convert, {"zh-Hans": str, "zh-Hant-TW": s2twp}
        )
    )
    alias = json.loads(files["zh-Hant-TW"]["manifest.json"][0])["alias"]
    assert alias.get("組装匣") == ["装配夹", 0], alias  # folded as the fold table knows (no 组 in the notes)
