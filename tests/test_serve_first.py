"""A new ``mkdocs serve`` starts its search index and theme scans from the last serve's.

``search/persist.py`` keeps the search assembly, ``themes/scans_store.py`` the theme matcher's scans.

Each server is a new process (another string hash seed) building into a new folder, as
``mkdocs serve`` does when it starts; the cache folder is the project's.  The search stage's
counters say what it redid, and every served folder equals a clean build.
"""

from __future__ import annotations

import pickle
import shutil
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_serve_caches import ENV, DirtyServer, clean_build
from test_serve_incremental import differences, project, replace_in

from zhudu.search.writing import read_stored

pytestmark = pytest.mark.slow


def append(note: Path, paragraph: str) -> None:
    note.write_text(note.read_text(encoding="utf-8") + f"\n\n{paragraph}\n", encoding="utf-8")


def serve_once(root: Path, site: Path, seed: int, *then: str) -> list[dict[str, int]]:
    """A new server process: its first build into ``site``, then ``then`` ("build" or "stop"); the answers."""
    server = DirtyServer(root, site, env={**ENV, "PYTHONHASHSEED": str(seed)})
    try:
        return [server.rebuild(), *(server.ask(command) for command in then)]
    finally:
        server.stop()


def kept_scans(root: Path) -> list[Path]:
    return list((root / ".cache" / "zhudu" / "theme-scans").glob("*"))


def test_a_new_serve_redoes_only_the_search_records_and_theme_scans_of_what_changed_while_no_server_ran(
    tmp_path: Path,
) -> None:
    """One story, two stores read by every serve: the search assembly and the theme scans.

    Each serve's counters are checked for both: the search stage's (records, postings, texts cut,
    aliases, deflated files: ``search/persist.py``) and the theme matcher's (passages scanned and
    folded, notes' hits kept: ``themes/scans_store.py``, kept by the code and the phrases, used by
    the texts).  The project is served without its themes' pins and exclusions (a note with them is
    kept under its placements too: the pins test below)."""
    root = project(tmp_path / "project")
    notes = sorted((root / "seeds").glob("*.md"))
    variants = 3
    themes = root / "docs" / "editorial" / "themes.yml"
    text = themes.read_text(encoding="utf-8")
    themes.write_text(text[: text.index("\npins:")] + "\n", encoding="utf-8")

    # Cold: every record made, the postings built, every passage folded and scanned, no note's hits
    # kept; the assembly and the scans are written to the cache.
    (first,) = serve_once(root, tmp_path / "s1", 1)
    assert first["records redone"] == first["records"] > 0
    assert first["postings rebuilt"] == 1
    assert first["texts cut"] > 0
    assert first["aliases converted"] > 0
    assert first["deflated"] > 0  # every family file
    assert len(list((root / ".cache" / "zhudu" / "search-assembly").glob("*"))) == 1
    assert len(list((root / ".cache" / "zhudu" / "search-stored").glob("*"))) == 1
    assert first["scanned"] == first["folded"] == first["passages"] > 0
    assert first["notes kept"] == 0
    assert len(kept_scans(root)) == 1

    # Nothing changed: a new server in a new folder redoes no record, rebuilds no posting, scans
    # nothing and keeps every note's hits.  A save then redoes the edited note's records and scans
    # its passages only, and stopping writes the assembly and the scans as they are then.
    server = DirtyServer(root, tmp_path / "s2", env={**ENV, "PYTHONHASHSEED": "2"})
    try:
        again = server.rebuild()
        assert again["records redone"] == 0 and again["postings rebuilt"] == 0
        assert again["texts cut"] == 0  # every text's words kept with the assembly: no jieba loaded
        assert again["aliases converted"] == 0  # every word's regional forms kept with it too
        assert again["deflated"] == 0  # every stored file kept with it too, written as it was
        assert again["scanned"] == again["folded"] == 0
        kept = again["notes kept"]
        assert kept == len(notes)
        assert differences(tmp_path / "s2", clean_build(root, tmp_path)) == []
        append(notes[0], "服务器运行时的修改：算力与芯片。")
        saved = server.rebuild()
        assert saved["records redone"] == variants and saved["postings rebuilt"] == 0
        assert saved["texts cut"] == 1  # the new paragraph, with jieba loaded now
        assert 0 < saved["deflated"] < first["deflated"]
        assert 0 < saved["scanned"] < saved["passages"]
        assert saved["notes kept"] == kept - 1
        server.ask("stop")
    finally:
        server.stop()

    # While no server runs the note changes again: the next server redoes its records and scans its
    # passages only (the save's were written when the last server stopped).
    append(notes[0], "停服时又写的一段，提到显卡。")
    (third,) = serve_once(root, tmp_path / "s3", 3)
    assert third["records redone"] == variants and third["postings rebuilt"] == 0
    assert third["texts cut"] == 1
    assert third["aliases converted"] < first["aliases converted"]  # the paragraph's new words at most
    assert 0 < third["deflated"] < first["deflated"]  # only the files whose JSON changed
    assert 0 < third["scanned"] == third["folded"] < third["passages"]
    assert third["notes kept"] == kept - 1
    assert differences(tmp_path / "s3", clean_build(root, tmp_path)) == []
    assert len(list((root / ".cache" / "zhudu" / "search-assembly").glob("*"))) == 1

    # Other phrases: nothing kept for them is used; the last serve's scans entry is replaced.
    replace_in(themes, "      - 算力\n", "      - 算力\n      - 一个没有段落含有的短语\n")
    (fourth,) = serve_once(root, tmp_path / "s4", 4)
    assert fourth["scanned"] == fourth["passages"] and fourth["notes kept"] == 0
    assert len(kept_scans(root)) == 1
    assert differences(tmp_path / "s4", clean_build(root, tmp_path)) == []


@dataclass
class ColdServe:
    """The shipped project after one cold serve (hash seed 1), and what that serve left in its cache."""

    root: Path
    first: dict[str, int]
    cache_left: Path
    #: Its editorial files and mkdocs.yml as they were served, and its notes' ``os.stat``.
    settings: dict[Path, bytes]
    notes: dict[Path, tuple[int, int, int]]


def settings_of(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in [root / "mkdocs.yml", *(root / "docs" / "editorial").iterdir()]}


def notes_of(root: Path) -> dict[Path, tuple[int, int, int]]:
    """Each note's inode and times: what its kept read is keyed by besides its path."""
    stats = {p: p.stat() for p in (root / "seeds").rglob("*")}
    return {p: (s.st_ino, s.st_mtime_ns, s.st_ctime_ns) for p, s in stats.items()}


@pytest.fixture(scope="module")
def cold_serve(tmp_path_factory: pytest.TempPathFactory) -> ColdServe:
    tmp = tmp_path_factory.mktemp("cold-serve")
    root = project(tmp / "project")
    (first,) = serve_once(root, tmp / "s1", 1)
    shutil.copytree(root / ".cache", tmp / "cache-left")  # its files' times too (the sweep reads them)
    return ColdServe(root, first, tmp / "cache-left", settings_of(root), notes_of(root))


@pytest.fixture
def after_a_cold_serve(cold_serve: ColdServe) -> ColdServe:
    """The project as the cold serve left it: its cache, and its editorial files and mkdocs.yml.

    One cold serve for the tests that change its cache or settings and serve again: each gets them
    back, whatever the tests before it did.  Kept entries are keyed by those files' text; a note's
    kept read is keyed by the file itself too, so these tests leave the notes alone."""
    assert notes_of(cold_serve.root) == cold_serve.notes, "a test sharing the cold serve saved a note"
    for path in settings_of(cold_serve.root).keys() - cold_serve.settings.keys():
        path.unlink()
    for path, data in cold_serve.settings.items():
        if path.read_bytes() != data:
            path.write_bytes(data)
    shutil.rmtree(cold_serve.root / ".cache")
    shutil.copytree(cold_serve.cache_left, cold_serve.root / ".cache")
    return cold_serve


def test_a_damaged_kept_assembly_makes_the_index_from_nothing(
    tmp_path: Path, after_a_cold_serve: ColdServe
) -> None:
    root = after_a_cold_serve.root
    (entry,) = (root / ".cache" / "zhudu" / "search-assembly").glob("*")
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    (again,) = serve_once(root, tmp_path / "s2", 2)
    assert again["records redone"] == again["records"] and again["postings rebuilt"] == 1
    assert differences(tmp_path / "s2", clean_build(root, tmp_path)) == []


@pytest.mark.parametrize(
    ("stored_damage", "scans_damage"), [("truncated", "truncated"), ("another zlib", "other shape")]
)
def test_damaged_kept_stored_files_and_scans_are_made_again(
    tmp_path: Path, after_a_cold_serve: ColdServe, stored_damage: str, scans_damage: str
) -> None:
    """Two kept entries beside the assembly damaged, one serve: each is made again, the folder a clean build's.

    The assembly is used, its stored files are not trusted: every file deflated.  The theme scans are
    not used: every passage scanned, no note's hits kept.  (The two stores are read apart: the
    search counters say nothing of the scans, nor the theme counters of the stored files.)"""
    root, first = after_a_cold_serve.root, after_a_cold_serve.first
    (entry,) = (root / ".cache" / "zhudu" / "search-stored").glob("*")
    data = entry.read_bytes()
    if stored_damage == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    else:  # the record names another zlib, which may deflate the same text to other bytes
        version = zlib.ZLIB_RUNTIME_VERSION.encode()
        assert data.count(version) == 1
        entry.write_bytes(data.replace(version, b"9" * len(version)))
    (entry,) = kept_scans(root)
    if scans_damage == "truncated":
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    else:  # a readable entry of another layout is not trusted either
        entry.write_bytes(zlib.compress(pickle.dumps((1, {("某段",): "不是扫描"}, {}))))
    (again,) = serve_once(root, tmp_path / "s2", 2)
    assert again["records redone"] == 0 and again["deflated"] == first["deflated"]
    assert again["scanned"] == again["passages"] and again["notes kept"] == 0
    assert differences(tmp_path / "s2", clean_build(root, tmp_path)) == []


def search_texts(site: Path, variant: str) -> dict[str, str]:
    """A variant's search files (its own folder: the shared postings are the canonical text's), inflated."""
    folder = site / variant / "search"
    return {
        str(p.relative_to(folder)): read_stored(p)
        if p.suffix == ".deflate"
        else p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_new_serve_keeps_the_hits_of_notes_with_pins_and_the_next_one_reads_changed_settings(
    tmp_path: Path, after_a_cold_serve: ColdServe
) -> None:
    """A note with pins or exclusions is kept under its placements too (a third part of its key).

    Such an entry was once not trusted at all: with the shipped map's pins, every new serve scanned
    every passage and made every note's hits again.  Then two settings change while no server runs,
    read by two stages apart: a pin (the theme matcher's) and a Taiwan conversion rule (the search
    assembly's, kept from the last serve: the rule must reach its index).
    """
    root, first = after_a_cold_serve.root, after_a_cold_serve.first
    notes = sorted((root / "seeds").glob("*.md"))
    themes = root / "docs" / "editorial" / "themes.yml"
    assert "\npins:" in themes.read_text(encoding="utf-8")
    assert first["scanned"] == first["passages"] > 0

    (again,) = serve_once(root, tmp_path / "s2", 2)
    assert again["scanned"] == again["folded"] == 0
    assert again["notes kept"] == len(notes)
    assert differences(tmp_path / "s2", clean_build(root, tmp_path)) == []

    # A pin removed while no server ran: no passage is scanned, the pinned note's hits are made again.
    replace_in(
        themes,
        "  - theme: privacy-surveillance\n    note: 001_95c9da27f30b03d0\n    text: 现在，这道墙被推倒了。\n",
        "",
    )
    # And a Taiwan rule: 农作物 is in one note's text (000): its zh-Hant-TW records and files change.
    conversion = root / "docs" / "editorial" / "conversion.yml"
    replace_in(conversion, "  zh-Hant-TW:\n", "  zh-Hant-TW:\n    农作物: 農作物〔測〕    # why: a test\n")
    (third,) = serve_once(root, tmp_path / "s3", 3)
    assert third["scanned"] == 0
    assert third["notes kept"] == len(notes) - 1
    # The next serve starts from the kept assembly (no postings rebuilt, not every record redone); the
    # kept regional forms were made with the old rules: not used (their key holds the rules).
    assert 0 < third["records redone"] < third["records"] and third["postings rebuilt"] == 0
    assert third["aliases converted"] == first["aliases converted"] > 0
    clean = clean_build(root, tmp_path)
    served, built = search_texts(tmp_path / "s3", "zh-Hant-TW"), search_texts(clean, "zh-Hant-TW")
    assert served == built
    assert any("農作物〔測〕" in text for text in served.values())
    assert differences(tmp_path / "s3", clean) == []
