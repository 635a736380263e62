"""``mkdocs serve --dirty`` follows files a note names that appear after it was read.

A note whose site-absolute image (``![](/assets/x.png)``), Obsidian vault (``.obsidian/``: its tags, its
Dataview fields) or embedded note (``![[新笔记]]``) is missing shows a placeholder, no inline tags or
fields, a dead link; once the file or folder is made, the served site is a clean build's again without
the note itself being saved (as a missing relative image or a dead link already was).  A Hugo
configuration (``hugo.toml``) removed likewise: the page beside it shows its escapes as written again.
"""

from __future__ import annotations

from test_dialects_moved_in import PNG
from test_serve_incremental import served  # noqa: F401  (a fixture)


def test_a_late_site_image_vault_or_embedded_note_is_followed_without_saving_the_note(served):  # noqa: F811
    root, server, compare, _url = served
    seeds = root / "seeds"
    # The first build of the shipped notes equals a clean build: test_serve_incremental's first check.
    notes = {
        "site/_posts/2024-01-01-img.md": "---\ntitle: 图篇\n---\n\n![书架](/assets/shelf.png)\n",
        "vault/t.md": "---\ntitle: 标签篇\n---\n\n正文 #读书\n",
        "vault/f.md": "---\ntitle: 字段篇\n---\n\n作者:: 司马迁\n",  # Dataview's field once a vault
        "blog/hugo.toml": "title = '站'\n",  # a Hugo page's escapes shown as Hugo shows them, till it is removed
        "blog/posts/p.md": "---\ntitle: 转义篇\n---\n\n插图 `{{</* figure */>}}`。\n",
        "host.md": "---\ntitle: 宿篇\n---\n\n开头。\n\n![[新笔记]]\n",
    }

    def write_notes() -> None:
        for name, text in notes.items():
            (seeds / name).parent.mkdir(parents=True, exist_ok=True)
            (seeds / name).write_text(text, encoding="utf-8")

    assert compare(write_notes) == []
    site = server.site_dir()
    assert "zd-missing-image" in (site / "zh-Hans/notes/site-posts-2024-01-01-img/index.html").read_text()

    def add_image() -> None:
        (seeds / "site/assets").mkdir()
        (seeds / "site/assets/shelf.png").write_bytes(PNG)

    assert compare(add_image) == [], "the site-absolute image added"
    assert "zd-missing-image" not in (site / "zh-Hans/notes/site-posts-2024-01-01-img/index.html").read_text()
    # Opening a folder as a vault writes .obsidian/app.json (MkDocs hears files, not empty folders).
    page = site / "zh-Hans/notes/vault-t/index.html"
    assert "读书</li>" not in page.read_text()

    def make_vault() -> None:
        (seeds / "vault/.obsidian").mkdir()
        (seeds / "vault/.obsidian/app.json").write_text("{}", encoding="utf-8")

    assert compare(make_vault) == [], "the vault's settings folder made"
    assert "读书</li>" in page.read_text()
    assert "zd-field__key" in (site / "zh-Hans/notes/vault-f/index.html").read_text()
    escaped = site / "zh-Hans/notes/blog-posts-p/index.html"
    assert "{{&lt; figure" in escaped.read_text()
    assert compare(lambda: (seeds / "blog/hugo.toml").unlink()) == [], "the Hugo configuration removed"
    assert "{{&lt;/* figure" in escaped.read_text()
    assert (
        compare(
            lambda: (seeds / "新笔记.md").write_text(
                "---\ntitle: 新笔记\n---\n\n后来写的。\n", encoding="utf-8"
            )
        )
        == []
    ), "the embedded note written"
    assert "后来写的" in (site / "zh-Hans/notes/host/index.html").read_text()
