"""``python -m zhudu suggest`` reads the notes the build reads: in ``seeds/`` and its folders."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import conftest  # noqa: F401  (puts hooks/ on sys.path)


def test_suggestions_read_notes_in_folders_with_the_build_s_ids(tmp_path: Path) -> None:
    # Imported here, not at collection: it imports jieba.analyse (its dictionaries: ~0.5 s in every worker).
    from zhudu.themes import suggest

    seeds = tmp_path / "seeds"
    files = {
        "top.md": "---\ntitle: a\n---\n人工智能\n",
        "vault/a.md": "人工智能与芯片\n",
        "vault/deep/b.markdown": "+++\ntitle = 'b'\n+++\n芯片产业\n",
        "vault/.obsidian/hidden.md": "隐藏\n",
        "_drafts/draft.md": "草稿\n",
        "vault/image.png": "not a note",
    }
    for name, text in files.items():
        (seeds / name).parent.mkdir(parents=True, exist_ok=True)
        (seeds / name).write_text(text, encoding="utf-8")
    texts = suggest.note_texts(seeds)
    assert sorted(texts) == ["top", "vault/a", "vault/deep/b"]
    assert "title" not in texts["vault/deep/b"]  # TOML front matter is not text
    assert "芯片" in texts["vault/deep/b"]
