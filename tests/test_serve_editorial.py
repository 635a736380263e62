"""Editorial files key a note's render by what they say (``hooks/zhudu/render_keys.py``).

Under ``mkdocs serve --dirty`` a comment or a reordering in ``glossary.yml`` or ``notes.yml``
re-renders no note, a changed glossary entry re-renders only the notes that contain the term, and
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
    root = project(tmp_path / "project")
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

        # annotations.yml: a line added at the top moves every editor's note: their problems name
        # lines, so the notes with editor's notes render again (all three here), and match a clean build.
        annotations = editorial / "annotations.yml"
        annotations.write_text("# moved\n" + annotations.read_text(encoding="utf-8"), encoding="utf-8")
        assert rendered() == notes
        assert differences(site, clean_build(root, tmp_path)) == []
    finally:
        server.stop()
