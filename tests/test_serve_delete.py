"""Deleting, renaming or re-theming a note under ``mkdocs serve --dirty`` rewrites only the pages that changed.

A note page shows other notes through its themes: each theme's marker block lists the strongest
other notes, and the related notes are ranked from the counts of the notes sharing its themes.
Its digest (``page_digests.note_theme_digest``) covers what those show and not the rest of the
themes' notes, so a note deleted or renamed rewrites the pages that listed it (or now list
another) and leaves the others as written.  A project of 24 generated notes (``bench/corpus.py``)
is rebuilt the way ``mkdocs serve --dirty`` does (one process, a fresh config per save); after
each save the pages MkDocs wrote must be exactly the pages one of whose copies (root pointer or
a variant's) changed bytes, and the folder must equal a clean build.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from test_serve_caches import DirtyServer, clean_build
from test_serve_incremental import differences, tree

from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import corpus

pytestmark = pytest.mark.slow

#: Rebuilds like ``mkdocs serve --dirty`` each time a line arrives on stdin; answers with the
#: source paths of the pages MkDocs built (wrote) in that rebuild.
SERVER = textwrap.dedent(
    """
    import json, logging, re, sys
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    config_file, site_dir, serve_url = sys.argv[1:4]
    built, read = [], []
    class Built(logging.Handler):
        def emit(self, record):
            message = record.getMessage()
            if message.startswith("Building page "):
                built.append(message[len("Building page "):])
            if m := re.search(r"notes: \\d+ reused from the last build, (\\d+) read", message):
                read.append(int(m[1]))
    for name in ("mkdocs.commands.build", "mkdocs.plugins.zhudu"):
        logging.getLogger(name).setLevel(logging.DEBUG)
        logging.getLogger(name).addHandler(Built(logging.DEBUG))
    first = True
    for line in sys.stdin:
        built.clear()
        read.clear()
        config = load_config(config_file=config_file, site_dir=site_dir)
        if first:
            config.plugins.on_startup(command="serve", dirty=True)
            first = False
        config.site_url = serve_url
        build(config, serve_url=serve_url, dirty=True)
        print(json.dumps([sorted(built), read]), flush=True)
    """
)


class Server(DirtyServer):
    script = SERVER

    def rebuild(self) -> tuple[set[str], int]:  # type: ignore[override]
        """Rebuild; the destination paths of the pages written, and how many notes were read again."""
        built, read = self.ask()
        assert len(read) == 1, read
        return {dest_uri(src) for src in built}, read[0]


def dest_uri(src_uri: str) -> str:
    """Where MkDocs writes a page (directory URLs)."""
    stem = src_uri[:-3]
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def changed_pages(before: dict[str, bytes], after: dict[str, bytes], prefixes: list[str]) -> set[str]:
    """Pages (destination paths) present after the save one of whose copies has other bytes."""
    pages = {rel for rel in after if rel.endswith(".html") and not rel.startswith(tuple(prefixes))}
    return {
        page
        for page in pages
        if any(before.get(copy) != after.get(copy) for copy in [page, *(p + page for p in prefixes)])
    }


def move_entry(root: Path, note: Path, to: str | None, slug: bool = True) -> None:
    """Delete a note's notes.yml entry (``to`` None) or give it to the note's new file name.

    ``slug``: whether the moved entry keeps its slug (the note keeps its URL) or not (its URL
    then comes from its new file name).
    """
    path = root / "docs" / "editorial" / "notes.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entry = data.pop(note.stem)
    if to is not None:
        data[to] = entry if slug else {k: v for k, v in entry.items() if k != "slug"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True), encoding="utf-8")


def test_a_delete_or_rename_rewrites_exactly_the_pages_that_changed(tmp_path: Path) -> None:
    root = corpus.make_project(24, tmp_path / "project")
    site = tmp_path / "served"
    server = Server(root, site)
    try:
        server.rebuild()
        prefixes = sorted(p.name + "/" for p in site.iterdir() if p.is_dir() and p.name.startswith("zh-"))
        assert len(prefixes) == 3
        notes = sorted((root / "seeds").glob("*.md"))
        saves = {
            "delete": lambda: (notes[12].unlink(), move_entry(root, notes[12], None)),
            # Its entry moved along: same slug, same URL; only the theme pages name it by its id.
            "rename": lambda: (
                notes[5].rename(notes[5].with_name("zz_renamed.md")),
                move_entry(root, notes[5], "zz_renamed"),
            ),
            # Its entry moved without its slug: a new URL, in every page that links to it.
            "rename to a new URL": lambda: (
                notes[8].rename(notes[8].with_name("zz_moved.md")),
                move_entry(root, notes[8], "zz_moved", slug=False),
            ),
            # A theme phrase added to a note: its counts change, and so do other notes' related lists.
            "theme phrase": lambda: notes[20].write_text(
                notes[20].read_text(encoding="utf-8") + "\n\n显卡和芯片集中在少数巨头的数据中心里。\n",
                encoding="utf-8",
            ),
        }
        for name, save in saves.items():
            before = tree(site)
            save()
            written, read = server.rebuild()
            after = tree(site)
            assert differences(site, clean_build(root, tmp_path)) == [], name
            changed = changed_pages(before, after, prefixes)
            if name == "theme phrase":  # a body edit: the home card digests the note's length, not
                # only its reading time (left as it is here: the home list is not the note digest)
                written -= {"index.html"} - changed
            assert written == changed, (name, sorted(written - changed), sorted(changed - written))
            note_pages = {p for p in written if p.startswith("notes/")}
            if name in ("delete", "rename to a new URL"):  # some note pages show it, most do not
                assert 0 < len(note_pages) < 20, (name, sorted(note_pages))
            # Only the edited or renamed note is read again: not the notes whose notes.yml entries
            # come after one removed or moved (their lines moved; a read depends on its values).
            assert read == (0 if name == "delete" else 1), (name, read)
    finally:
        server.stop()
