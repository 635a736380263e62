"""Notes named as other machines name files: decomposed accents (macOS), an upper-case ``.MD`` (Windows).

macOS writes a file name decomposed (NFD: ``e`` + combining ``´``) while the text typed in a note
is composed (NFC: ``é``), so ``[[Café 笔记]]`` and ``[x](Café%20笔记.md)`` named no note, and the
note's title (its file name) held the decomposed form, which a reader's search typed as ``Café``
did not find.  A note saved as ``读书.MD`` (Typora and Windows tools write it so) was no note at
all: silently left out of the site.
"""

from __future__ import annotations

import unicodedata

import pytest

from conftest import build_site

DECOMPOSED = unicodedata.normalize("NFD", "Café 笔记")
NOTES = {
    f"{DECOMPOSED}.md": "在咖啡馆写的笔记。\n",
    "回看.md": "---\ntitle: 回看\n---\n\n看 [[Café 笔记]] 和 [同一篇](Café%20笔记.md)。\n",
    "读书.MD": "---\ntitle: 大写扩展名\n---\n\n这篇笔记的文件名以大写的 MD 结尾。\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("file-names"), notes=NOTES, strict=False)
    assert result.ok, result.log
    return result


def test_a_link_typed_composed_reaches_a_note_whose_file_name_is_decomposed(built):
    assert not [w for w in built.warnings if "Café" in w], built.warnings
    notes = built.site_dir / "zh-Hans" / "notes"
    assert (notes / "cafe" / "index.html").is_file(), sorted(p.name for p in notes.iterdir())
    html = next(
        t for p in notes.glob("*/index.html") if '<h1 id="zd-note-title">回看' in (t := p.read_text("utf-8"))
    )
    assert html.count('href="../cafe/"') == 2, html
    cafe = (notes / "cafe" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="zd-note-title">Café 笔记</h1>' in cafe  # composed, as a reader types it


def test_a_note_with_an_upper_case_suffix_is_published(built):
    pages = [
        p
        for p in (built.site_dir / "zh-Hans" / "notes").glob("*/index.html")
        if "大写扩展名" in p.read_text(encoding="utf-8")
    ]
    assert len(pages) == 1, built.log
