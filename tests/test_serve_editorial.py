"""Editorial files key a note's render by what they say (``hooks/zhudu/render_keys.py``).

Under ``mkdocs serve --dirty`` a comment or a reordering in ``glossary.yml`` or ``notes.yml``
re-renders no note, a changed glossary entry re-renders only the notes that contain the term, a
changed ``notes.yml`` entry only its note (and for a title, the notes whose links show it), and
a line shift in ``annotations.yml`` only the notes with editor's notes; each time the served
folder equals a clean build.  "Re-rendered" is counted as the note pages MkDocs' page loop had to
render (the others were read from their kept render: ``publish/unchanged.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_serve_caches import DirtyServer, clean_build
from test_serve_incremental import differences, project, replace_in

pytestmark = pytest.mark.slow


def test_editorial_saves_re_render_only_what_they_change(tmp_path: Path) -> None:
    """Each editorial file's saves, one after another on one server; a title in ``notes.yml`` also
    re-renders the notes whose links show it (a wikilink without text shows the title of the note
    it names: ``linker.md``), not a note that names no other (``plain.md``)."""
    root = project(tmp_path / "project")
    shipped = len(list((root / "seeds").glob("*.md")))
    (root / "seeds" / "linker.md").write_text(
        "---\ntitle: 链接的笔记\ndate: 2024-05-01\n---\n\n见 [[001_95c9da27f30b03d0]]。\n", encoding="utf-8"
    )
    (root / "seeds" / "plain.md").write_text(
        "---\ntitle: 无关的笔记\ndate: 2024-05-02\n---\n\n与别的笔记无关。\n", encoding="utf-8"
    )
    site = tmp_path / "served"
    notes = len(list((root / "seeds").glob("*.md")))
    editorial = root / "docs" / "editorial"
    server = DirtyServer(root, site)

    def rendered() -> int:
        """Rebuild; how many note pages were rendered again."""
        return notes - server.rebuild().get("pages kept", 0)

    try:
        assert rendered() == notes

        # glossary.yml: a comment, and two entries swapped (the glossary refuses forms that fold alike).
        gloss = editorial / "glossary.yml"
        text = gloss.read_text(encoding="utf-8")
        first, second = "- term: AGI\n", "- term: 大模型\n"
        head, _, rest = text.partition(first)
        agi, _, rest = rest.partition(second)
        big, _, tail = rest.partition("- term: ")
        gloss.write_text(f"{head}# a comment\n{second}{big}{first}{agi}- term: {tail}", encoding="utf-8")
        assert rendered() == 0
        assert differences(site, clean_build(root, tmp_path)) == []

        # One term's explanation: only the note containing the term (算力: one of the three).
        replace_in(gloss, "explanation: 计算能力，", "explanation: 计算的能力，")
        assert rendered() == 1
        assert differences(site, clean_build(root, tmp_path)) == []

        # notes.yml: a comment changes no value.
        with (editorial / "notes.yml").open("a", encoding="utf-8") as out:
            out.write("\n# a comment at the end\n")
        assert rendered() == 0

        # notes.yml: one note's title and another's description re-render only those notes (a note
        # is keyed by its own entry; no shipped note links to another), and linker.md for the title
        # (its link shows it); the pages showing them (home list, theme pages) are written again:
        # the folder equals a clean build.
        notes_yml = editorial / "notes.yml"
        replace_in(notes_yml, "title: 2025启示录：", "title: 2025年启示录：")
        assert rendered() == 2  # the note and linker.md
        assert differences(site, clean_build(root, tmp_path)) == []
        assert "2025年启示录" in (site / "zh-Hans" / "notes" / "linker" / "index.html").read_text(
            encoding="utf-8"
        )
        replace_in(notes_yml, "description: 设想一种分布式", "description: 设想一种分散式")
        assert rendered() == 1
        assert differences(site, clean_build(root, tmp_path)) == []
        # A field added to the first entry moves the others' lines: nothing they render names them.
        replace_in(notes_yml, "000_c4e85c303978632c:\n", "000_c4e85c303978632c:\n  subtitle: 副标题\n")
        assert rendered() == 1
        assert differences(site, clean_build(root, tmp_path)) == []

        # annotations.yml: a line added at the top moves every editor's note: their problems name
        # lines, so the notes with editor's notes render again (the three shipped ones, not the two
        # added), and match a clean build.
        annotations = editorial / "annotations.yml"
        annotations.write_text("# moved\n" + annotations.read_text(encoding="utf-8"), encoding="utf-8")
        assert rendered() == shipped
        assert differences(site, clean_build(root, tmp_path)) == []
    finally:
        server.stop()


def test_themes_yml_saves_fold_no_passage_again_and_write_only_pages_that_show_the_change(
    tmp_path: Path,
) -> None:
    root = project(tmp_path / "project")
    site = tmp_path / "served"
    themes = root / "docs" / "editorial" / "themes.yml"
    server = DirtyServer(root, site)
    try:
        first = server.rebuild()
        assert first["scanned"] == first["folded"] == first["passages"] > 0

        # A comment at the top moves every theme's line, which no page shows: nothing scanned or written.
        themes.write_text("# moved\n" + themes.read_text(encoding="utf-8"), encoding="utf-8")
        moved = server.rebuild()
        assert moved["scanned"] == 0
        assert moved["pages left"] == moved["pages"]
        assert differences(site, clean_build(root, tmp_path)) == []

        # A phrase no passage contains: every passage scanned with the new phrases, none folded
        # again (folding does not depend on them), and no page changes (pages show no phrase).
        replace_in(themes, "    phrases:\n", "    phrases:\n      - 这个短语哪里都没有\n")
        unmatched = server.rebuild()
        assert unmatched["scanned"] == unmatched["passages"] and unmatched["folded"] == 0
        assert unmatched["pages left"] == unmatched["pages"]
        assert differences(site, clean_build(root, tmp_path)) == []

        # A phrase that matches: the theme's pages and its notes' panels change, nothing is folded.
        replace_in(themes, "      - 这个短语哪里都没有\n", "      - 数据\n")
        matched = server.rebuild()
        assert matched["folded"] == 0 and matched["pages left"] < matched["pages"]
        assert differences(site, clean_build(root, tmp_path)) == []
    finally:
        server.stop()


def test_conversion_yml_saves_redo_only_the_pages_whose_text_a_changed_rule_meets(tmp_path: Path) -> None:
    """``script/rule_scope.py``: a rule acts only where its source text is; punctuation everywhere."""
    root = project(tmp_path / "project")
    site = tmp_path / "served"
    notes = len(list((root / "seeds").glob("*.md")))
    conversion = root / "docs" / "editorial" / "conversion.yml"
    server = DirtyServer(root, site)

    def save() -> tuple[int, int]:
        """Rebuild; (note pages rendered again, pages written again)."""
        counts = server.rebuild()
        return notes - counts.get("pages kept", 0), counts["pages"] - counts["pages left"]

    def holding(text: str, variant: str = "zh-Hans") -> int:
        """Pages whose copy in ``variant`` holds ``text`` (zh-Hans: the HTML every variant converts)."""
        return sum(text in p.read_text(encoding="utf-8") for p in (site / variant).rglob("*.html"))

    try:
        assert save()[0] == notes

        # A protected term no page contains: nothing rendered or written again (was: every page).
        replace_in(conversion, "protected:\n", "protected:\n  - 哪里都没有的词    # why: a test\n")
        assert save() == (0, 0)
        assert differences(site, clean_build(root, tmp_path)) == []

        # A Taiwan phrase in one note's text (农作物, once, in 000): renders fold Traditional text
        # only, so none renders again; the pages holding it are written again, no other.
        pages = holding("农作物")
        assert pages >= 1
        replace_in(
            conversion, "  zh-Hant-TW:\n", "  zh-Hant-TW:\n    农作物: 農作物〔測〕    # why: a test\n"
        )
        assert save() == (0, pages)
        assert differences(site, clean_build(root, tmp_path)) == []
        assert holding("農作物〔測〕", "zh-Hant-TW") == pages
        # The same phrase with another output, then removed: the same pages each time.
        replace_in(conversion, "農作物〔測〕", "農作物〔測二〕")
        assert save() == (0, pages)
        replace_in(conversion, "    农作物: 農作物〔測二〕    # why: a test\n", "")
        assert save() == (0, pages)
        assert differences(site, clean_build(root, tmp_path)) == []

        # A protected term in one note: that note renders again (its fold keeps the term), and the
        # pages holding the term are written again.
        pages = holding("从太空")
        replace_in(conversion, "  - 哪里都没有的词", "  - 从太空")
        assert save() == (1, pages)
        assert differences(site, clean_build(root, tmp_path)) == []
        assert holding("从太空", "zh-Hant-TW") == pages and holding("從太空", "zh-Hant-TW") == 0

        # Punctuation applies to every passage: every page is written again.
        replace_in(conversion, '    "‘": "『"\n', "")
        counts = server.rebuild()
        assert counts["pages left"] == 0
        assert differences(site, clean_build(root, tmp_path)) == []
    finally:
        server.stop()
