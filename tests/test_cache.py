"""Per-note artifacts kept between builds (hooks/zhudu/cache.py): the same site whatever the cache holds.

A build with a warm cache, and a build after each step of a scripted sequence of edits, must write
exactly the site a build with no cache writes from the same files, and say the same things.
"""

from __future__ import annotations

import io
import logging
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, build_site, mkdocs_build_cli, repo_config

pytestmark = pytest.mark.slow

NOTE_A = "---\ntitle: 甲笔记\ndate: 2024-01-01\ntags: [开源]\n---\n\n第一段，讲开源模型和数据中心。\n\n## 小节\n\n第二段。\n"
NOTE_B = "---\ntitle: 乙笔记\ndate: 2024-02-01\n---\n\n乙的正文，提到芯片与算力。\n"


def same_tree(a: Path, b: Path) -> str:
    """``diff -r`` of two folders: empty when byte-identical."""
    return subprocess.run(["diff", "-rq", str(a), str(b)], capture_output=True, text=True).stdout


def reused(log: str) -> tuple[int, int]:
    """(reused, rendered) note renders, from the build's debug line."""
    line = next(x for x in log.splitlines() if "note renders:" in x)
    words = line.split("note renders:")[1].replace(",", "").split()
    return int(words[0]), int(words[2])


def test_a_warm_build_reuses_every_render_and_writes_the_same_site(tmp_path):
    root = tmp_path / "p"
    cold = build_site(root, repo_notes=True, repo_editorial=True, log_level=logging.DEBUG)
    assert cold.ok, cold.log
    assert (
        sum(reused(cold.log)) == 3
    )  # some may be rendered ahead by the pre-render worker (zhudu/prerender.py)
    shutil.move(root / "site", tmp_path / "cold")
    warm = build_site(root, repo_notes=True, repo_editorial=True, log_level=logging.DEBUG)
    assert warm.ok, warm.log
    assert reused(warm.log) == (3, 0)
    assert same_tree(tmp_path / "cold", root / "site") == ""
    assert warm.warnings == cold.warnings


def test_a_reused_render_says_what_the_render_said(tmp_path):
    # --strict fails on a warm build exactly as on a cold one: the render's warnings are replayed.
    notes = {"bad.md": "---\ntitle: 坏\n---\n\n前<script>alert(1)</script>后\n", "a.md": NOTE_A}
    cold = build_site(tmp_path / "p", notes=notes, strict=True, log_level=logging.DEBUG)
    warm = build_site(tmp_path / "p", notes=notes, strict=True, log_level=logging.DEBUG)
    assert not cold.ok and not warm.ok
    assert reused(warm.log)[0] == 2
    assert warm.warnings == cold.warnings and any("<script>" in w for w in warm.warnings)


def test_a_quiet_builds_renders_are_kept_apart_from_those_a_strict_build_trusts(tmp_path):
    # mkdocs build -q logs no warning: a render it kept had none to replay, and --strict then passed (review14);
    # it keeps them under keys of its own, which only a quiet build reads.
    notes = {"bad.md": "---\ntitle: 坏\n---\n\n前<script>alert(1)</script>后\n"}
    renders = tmp_path / "p" / ".cache" / "zhudu" / "render"
    assert build_site(tmp_path / "p", notes=notes, strict=False, log_level=logging.ERROR).ok
    kept_quietly = {p.name for p in renders.iterdir()}
    assert kept_quietly  # a quiet build keeps its renders for the next quiet build
    strict = build_site(tmp_path / "p", notes=notes, strict=True)
    assert not strict.ok and any("<script>" in w for w in strict.warnings), strict.log


def _edit(root: Path, step: str) -> None:
    seeds, editorial = root / "seeds", root / "docs" / "editorial"
    if step == "body":
        (seeds / "a.md").write_text(NOTE_A.replace("第二段", "改过的第二段"), encoding="utf-8")
    elif step == "front-matter":
        text = NOTE_A.replace("甲笔记", "甲笔记（新标题）").replace("2024-01-01", "2024-03-01")
        (seeds / "a.md").write_text(text.replace("[开源]", "[开源, 芯片]"), encoding="utf-8")
    elif step == "add":
        (seeds / "c.md").write_text(NOTE_B.replace("乙", "丙"), encoding="utf-8")
    elif step == "delete":
        (seeds / "c.md").unlink()
    elif step == "break":
        (seeds / "b.md").write_text("---\ntitle: [坏的\n---\n\n正文。\n", encoding="utf-8")
    elif step == "fix":
        (seeds / "b.md").write_text(NOTE_B, encoding="utf-8")
    elif step == "glossary":
        (editorial / "glossary.yml").write_text("- term: 算力\n  explanation: 计算能力。\n", encoding="utf-8")
    elif step == "annotations":
        (editorial / "annotations.yml").write_text(
            "- id: b-compute\n  note: b\n  kind: context\n  quote:\n    exact: 芯片与算力\n  body: 编辑的说明。\n",
            encoding="utf-8",
        )
    elif step == "themes":
        (editorial / "themes.yml").write_text(
            "themes:\n  compute:\n    name: 算力\n    description: 算力在谁手里。\n    phrases: [算力, 芯片]\n",
            encoding="utf-8",
        )
    elif step == "notes":
        (editorial / "notes.yml").write_text("a:\n  title: 编辑给的标题\n", encoding="utf-8")
    elif step == "conversion":
        (editorial / "conversion.yml").write_text(
            "phrases:\n  zh-Hant-TW:\n    芯片: 晶片\n", encoding="utf-8"
        )


STEPS = [
    "body",
    "front-matter",
    "add",
    "delete",
    "break",
    "fix",
    "glossary",
    "annotations",
    "themes",
    "notes",
    "conversion",
]


def test_after_every_edit_a_warm_build_writes_what_a_build_without_cache_writes(tmp_path):
    warm_root, cold_root = tmp_path / "warm", tmp_path / "cold"
    assert build_site(warm_root, notes={"a.md": NOTE_A, "b.md": NOTE_B}, strict=False).ok
    assert build_site(
        cold_root, notes={"a.md": NOTE_A, "b.md": NOTE_B}, strict=False, zhudu={"cache_dir": ""}
    ).ok
    for step in STEPS:
        _edit(warm_root, step)
        warm = build_site(warm_root, strict=False)
        for folder in ("seeds", "docs"):  # the same files, built with no cache at all
            shutil.rmtree(cold_root / folder)
            shutil.copytree(warm_root / folder, cold_root / folder)
        cold = build_site(cold_root, strict=False, zhudu={"cache_dir": ""})
        assert warm.ok and cold.ok, (step, warm.log, cold.log)
        assert same_tree(warm_root / "site", cold_root / "site") == "", step
        assert warm.warnings == cold.warnings, step
    assert not (cold_root / ".cache").exists()


def test_a_damaged_cache_entry_is_a_miss(tmp_path):
    root = tmp_path / "p"
    assert build_site(root, notes={"a.md": NOTE_A}).ok
    shutil.move(root / "site", tmp_path / "first")
    for entry in (root / ".cache" / "zhudu").rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"not a pickle")
    again = build_site(root, notes={"a.md": NOTE_A}, log_level=logging.DEBUG)
    assert again.ok and reused(again.log)[1] == 1
    assert same_tree(tmp_path / "first", root / "site") == ""


def test_the_cache_folder_is_ignored_by_git():
    ignored = subprocess.run(
        ["git", "check-ignore", ".cache/zhudu/render/ab/cd"], cwd=REPO, capture_output=True, text=True
    )
    assert ignored.returncode == 0


def test_a_reused_render_names_the_lines_where_they_are_now(tmp_path):
    # The same Markdown under a longer front matter: the render's warning points one line lower.
    body = "\n前<script>alert(1)</script>后\n"
    first = build_site(tmp_path / "p", notes={"bad.md": "---\ntitle: 坏\n---\n" + body}, strict=False)
    again = build_site(
        tmp_path / "p", notes={"bad.md": "---\ntitle: 坏\ndate: 2024-01-01\n---\n" + body}, strict=False
    )
    fresh = build_site(
        tmp_path / "q",
        notes={"bad.md": "---\ntitle: 坏\ndate: 2024-01-01\n---\n" + body},
        strict=False,
        zhudu={"cache_dir": ""},
    )
    said = [w for w in first.warnings if "<script>" in w]
    assert said and [w for w in again.warnings if "<script>" in w] == [
        w for w in fresh.warnings if "<script>" in w
    ]
    assert [w for w in again.warnings if "<script>" in w] != said


def test_written_pages_are_kept_as_written_and_a_damaged_one_is_not_reused(tmp_path):
    """The page cache keeps the bytes a build wrote (not pickled and compressed, which cost the page
    writers a tenth of their time), one cache file per page holding its copy in every variant, and
    believes a kept copy only while its digest matches."""
    root, fresh = tmp_path / "p", tmp_path / "fresh"
    assert build_site(root, repo_notes=True, repo_editorial=True).ok
    pages = sorted((root / "site" / "zh-Hant-TW").rglob("*.html"))
    entries = list((root / ".cache" / "zhudu" / "pages").iterdir())
    assert entries and all(e.is_file() for e in entries)  # one file per page, no folders
    assert not [e for e in entries if e.name.startswith(".new-")]  # no temporary file left
    assert len(entries) == len(list((root / "site" / "zh-Hans").rglob("*.html")))
    kept = {e: e.read_bytes() for e in entries}
    assert len(pages) >= 10
    assert all(any(page.read_bytes() in data for data in kept.values()) for page in pages)
    note = next(p for p in pages if "notes" in p.parts)
    for variant in ("zh-Hans", "zh-Hant-HK"):  # the same entry holds the page's other copies
        other = (root / "site" / variant / note.relative_to(root / "site" / "zh-Hant-TW")).read_bytes()
        assert any(note.read_bytes() in data and other in data for data in kept.values())
    damaged = next(e for e, data in kept.items() if note.read_bytes() in data)
    data = bytearray(kept[damaged])
    at = bytes(data).index(note.read_bytes()) + len(note.read_bytes()) - 20
    data[at] ^= 1  # the same size: only the digest tells
    damaged.write_bytes(bytes(data))
    warm = build_site(root, repo_notes=True, repo_editorial=True)
    cold = build_site(fresh, repo_notes=True, repo_editorial=True, zhudu={"cache_dir": ""})
    assert warm.ok and cold.ok
    assert same_tree(root / "site", fresh / "site") == ""


def test_a_build_in_a_new_process_writes_every_unchanged_page_from_the_page_cache(tmp_path):
    """A page entry's key is the same in every process: string hashing changes with each process
    (``PYTHONHASHSEED``), and a key made from a set's ``repr`` (the conversion rules' accepted
    terms) missed every kept page, so each ``mkdocs build`` converted the whole site again."""
    import os
    import sys

    root = tmp_path / "p"
    assert build_site(root, repo_notes=True, repo_editorial=True).ok
    store, notes = root / ".cache" / "zhudu" / "pages", root / ".cache" / "zhudu" / "note"
    first = {entry.name for entry in store.iterdir()}
    read = {entry.name for entry in notes.iterdir()}  # notes read, reused by the next build
    assert first and len(read) == len(list((root / "seeds").glob("*.md")))
    for seed in ("1", "2"):
        built = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": seed},
            cwd=root,
            timeout=120,
        )
        assert built.returncode == 0, built.stderr
        assert {entry.name for entry in store.iterdir()} == first  # no page kept anew
        assert {entry.name for entry in notes.iterdir()} == read  # no note read anew


def test_a_full_build_drops_the_page_cache_entries_it_no_longer_uses(tmp_path):
    """Each edit keys new page entries; after a full build only the site's current pages stay kept."""
    import os
    import time

    root = tmp_path / "p"
    assert build_site(root, notes={"a.md": NOTE_A, "b.md": NOTE_B}, strict=False).ok
    store = root / ".cache" / "zhudu" / "pages"
    first = {entry.name for entry in store.iterdir()}
    for n in range(3):
        (root / "seeds" / "a.md").write_text(
            NOTE_A.replace("第二段。", f"第二段，第{n}次修改。"), encoding="utf-8"
        )
        for entry in store.iterdir():  # as if the last build were an hour ago
            os.utime(entry, (time.time() - 3600, time.time() - 3600))
        assert build_site(root, strict=False).ok
    now = {entry.name for entry in store.iterdir()}
    assert len(now) == len(first) and now != first
    pages = sorted((root / "site" / "zh-Hant-TW").rglob("*.html"))
    kept = [entry.read_bytes() for entry in store.iterdir()]
    assert all(any(page.read_bytes() in data for data in kept) for page in pages)


def test_compiled_templates_are_kept_for_the_next_process_and_an_edited_one_is_compiled_again(tmp_path):
    # Jinja's compiled templates live in .cache/zhudu/templates/ (serving.TemplateCode): a new
    # build or serve loads them instead of compiling Material's templates again.
    overrides = tmp_path / "overrides"
    shutil.copytree(REPO / "overrides", overrides)
    theme = {**repo_config()["theme"], "custom_dir": str(overrides)}
    root = tmp_path / "p"
    # One variant: every template is loaded or compiled as with three, and the new process costs less.
    simplified = {"variants": repo_config()["extra"]["zhudu"]["variants"][:1]}
    assert build_site(root, notes={"a.md": NOTE_A}, config={"theme": theme}, zhudu=simplified).ok
    folder = root / ".cache" / "zhudu" / "templates"
    kept = {p: p.stat().st_mtime_ns for p in folder.glob("*/*.cache")}
    assert len(kept) > 20
    errors = overrides / "partials" / "zd-build-errors.html"
    errors.write_text(errors.read_text(encoding="utf-8") + "<p>模板改过了</p>\n", encoding="utf-8")
    # A new process: every template but the edited one loaded from the folder, none compiled again (each
    # would be written again); the edited one compiled again (Jinja checks each source's checksum).
    built = mkdocs_build_cli(root)
    assert built.returncode == 0, built.stderr
    assert "模板改过了" in (root / "site" / "zh-Hans" / "index.html").read_text(encoding="utf-8")
    changed = [p.name for p, mtime in kept.items() if p.stat().st_mtime_ns != mtime]
    assert len(changed) == 1, changed
    assert set(folder.glob("*/*.cache")) == set(kept)  # and none it had not kept


def test_a_second_project_built_in_the_same_process_gets_every_compiled_template_in_its_own_folder(tmp_path):
    # The process compiles each template once and keeps it in memory for every later build (a test run, a
    # script building several sites); a project built after another still gets the files a new process loads,
    # and so does one built again after a template was edited and compiled for the other.
    overrides = tmp_path / "overrides"
    shutil.copytree(REPO / "overrides", overrides)
    theme = {**repo_config()["theme"], "custom_dir": str(overrides)}

    def built(*names: str) -> list[dict[Path, bytes]]:
        folders = []
        for name in names:
            assert build_site(tmp_path / name, notes={"a.md": NOTE_A}, config={"theme": theme}).ok
            kept = tmp_path / name / ".cache" / "zhudu" / "templates"
            folders.append({p.relative_to(kept): p.read_bytes() for p in kept.glob("*/*.cache")})
        return folders

    one, two = built("one", "two")
    assert len(one) > 20
    assert two == one
    errors = overrides / "partials" / "zd-build-errors.html"
    errors.write_text(errors.read_text(encoding="utf-8") + "<p>模板改过了</p>\n", encoding="utf-8")
    two_again, one_again = built("two", "one")
    assert "模板改过了" in (tmp_path / "one" / "site" / "zh-Hans" / "index.html").read_text(encoding="utf-8")
    assert len([name for name in one if one_again[name] != one[name]]) == 1  # the edited one
    assert one_again == two_again


def test_a_build_for_another_port_reuses_every_render(tmp_path):
    # mkdocs serve sets the site URL to its own address (mkdocs.yml unchanged): a server on another
    # port renders nothing again (another path does).
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    notes = {"a.md": NOTE_A, "b.md": NOTE_B}
    assert build_site(tmp_path, notes=notes, zhudu={"workers": 0}).ok  # no render ahead: counts are exact

    def built_for(site_url: str) -> tuple[int, int]:
        stream = io.StringIO()
        handler = logging.StreamHandler(stream)
        logger = logging.getLogger("mkdocs.plugins.zhudu")
        logger.addHandler(handler)
        level, logger.level = logger.level, logging.DEBUG
        try:
            config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
            config.site_url = site_url
            build(config)
        finally:
            logger.removeHandler(handler)
            logger.setLevel(level)
        return reused(stream.getvalue())

    assert built_for("http://127.0.0.1:8001/zhudu/") == (2, 0)  # build_site's: port 8000
    assert built_for("http://127.0.0.1:8001/notes/") == (0, 2)


def test_a_page_entry_is_one_file_read_back_whole_or_not_at_all(tmp_path):
    """``cache.WrittenFiles``: a page's copies and record in one file, renamed into place; a short,
    altered or older-layout entry is a miss; the sweep removes old entries and interrupted writes."""
    import os

    from zhudu import cache

    store, key = cache.WrittenFiles(tmp_path / "c"), "ab" * 32
    copies = [b"<p>a</p>\n", "<p>甲</p>".encode(), b""]
    store.keep("pages", key, copies, (("zh-Hans", "甲"),))
    entry = tmp_path / "c" / "pages" / key
    assert list(entry.parent.iterdir()) == [entry] and entry.is_file()
    targets = [tmp_path / "site" / v / "index.html" for v in ("a", "b", "c")]
    assert store.restore("pages", key, targets) == (("zh-Hans", "甲"),)
    assert [t.read_bytes() for t in targets] == copies
    whole = entry.read_bytes()
    for damaged in (whole[:-1], whole + b"x", whole.replace("甲".encode(), "乙".encode())):
        entry.write_bytes(damaged)
        assert store.restore("pages", key, targets) is None
    entry.write_bytes(whole)
    assert store.restore("pages", key, targets[:2]) is None  # another number of variants
    assert (store.hits, store.misses) == (1, 4)
    # Entries of the older layouts (``<key[:2]>/<key>``, whole; a folder of files) are misses.
    older = tmp_path / "c" / "pages" / "cd" / ("cd" * 32)
    older.parent.mkdir()
    older.write_bytes(whole)
    (tmp_path / "c" / "pages" / "ef" / ("ef" * 32)).mkdir(parents=True)
    for old_key in ("cd" * 32, "ef" * 32):
        assert store.restore("pages", old_key, targets) is None
    store.keep("pages", "cd" * 32, [b"y"], ())
    assert store.restore("pages", "cd" * 32, targets[:1]) == ()
    # An interrupted keep leaves a temporary file; a sweep removes it with every entry not used
    # since, and the older layouts' entries and folders.
    (entry.parent / ".new-leftover").write_bytes(whole[:10])
    past = entry.stat().st_mtime - 3600
    for path in (entry, entry.parent / ".new-leftover", older, entry.parent / "ef" / ("ef" * 32)):
        os.utime(path, (past, past))
    assert store.sweep("pages", past + 1) == 4
    assert sorted(p.name for p in (tmp_path / "c" / "pages").iterdir()) == ["cd" * 32]


def test_cache_entries_ask_for_their_folder_once(tmp_path, monkeypatch):
    """An entry is written straight into its kind's folder once the cache has made or found it (a
    cold build asked for the folder before each of its thousands of entries), is whole or absent,
    and leaves no temporary file; a folder removed since (the cache deleted while serving) is made
    again."""
    from zhudu import cache

    made: list[Path] = []
    depth = [0]
    mkdir = Path.mkdir

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not depth[0]:  # the folder asked for, not the parents it makes on its way
            made.append(self)
        depth[0] += 1
        try:
            return mkdir(self, *args, **kwargs)
        finally:
            depth[0] -= 1

    monkeypatch.setattr(Path, "mkdir", counted)
    store, pages = cache.ArtifactCache(tmp_path / "c"), cache.WrittenFiles(tmp_path / "c")
    for key in ("ab01", "ab02", "ab03"):  # one folder per kind: asked for with the first entry only
        store.put("note", key, {"key": key})
        pages.keep("pages", key, [b"zh-Hans", "繁體".encode()], ("texts", key))
    assert made == [tmp_path / "c" / "note", tmp_path / "c" / "pages"]
    assert store.get("note", "ab02") == {"key": "ab02"}
    assert pages.load("pages", "ab01") == ([b"zh-Hans", "繁體".encode()], ("texts", "ab01"))
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".new-")]
    shutil.rmtree(tmp_path / "c")
    store.put("note", "ab01", {"again": True})
    assert store.get("note", "ab01") == {"again": True}
    # A write that fails leaves neither the entry nor its temporary file.
    (tmp_path / "c" / "note" / "cd01").mkdir()  # a folder where the entry would go
    store.put("note", "cd01", {"lost": True})
    assert store.get("note", "cd01") is None
    assert sorted(p.name for p in (tmp_path / "c" / "note").iterdir()) == ["ab01", "cd01"]


def test_a_note_and_its_render_are_kept_as_their_pickle_other_kinds_deflated(tmp_path):
    """What a cold build keeps of every note (and the pre-render worker hands over) is not deflated
    (a third of its cost); an entry is read back whichever way it was written."""
    import pickle
    import zlib

    from zhudu import cache

    store = cache.ArtifactCache(tmp_path)
    value = {"html": "<p>正文</p>" * 100}
    for kind in ("note", "render", "related"):
        store.put(kind, "ab01", value)
        data = (tmp_path / kind / "ab01").read_bytes()
        assert pickle.loads(data if kind in cache.PLAIN_KINDS else zlib.decompress(data)) == value
        assert (kind in cache.PLAIN_KINDS) == (kind != "related")
        assert store.get(kind, "ab01") == value
    # An entry written deflated (an older build's render) is read as well.
    (tmp_path / "render" / "ab02").write_bytes(zlib.compress(pickle.dumps(value), 1))
    assert store.get("render", "ab02") == value


def test_the_cache_keeps_each_kind_in_one_flat_folder_and_ignores_the_older_layout(tmp_path):
    """A cold build keeps each entry directly in its kind's folder (a two-character subfolder per
    key prefix cost ~560 folders at 300 notes, each a new inode); an entry left in the older layout
    (``<kind>/<key[:2]>/<key>``), even a valid one under a current key, is never read, and a full
    build's sweep removes the older layout's page entries once unused."""
    import os
    import time

    from zhudu import cache

    root, fresh, scratch = tmp_path / "p", tmp_path / "fresh", tmp_path / "scratch"
    notes = {"a.md": NOTE_A, "b.md": NOTE_B}
    assert build_site(root, notes=notes, strict=False).ok
    kinds = root / ".cache" / "zhudu"
    for kind in ("note", "render", "pages"):
        assert [p for p in (kinds / kind).iterdir() if not p.is_file()] == [], kind
    # A page entry moved into the older layout, its copies altered but its digests whole: trusted,
    # it would put the altered page in the site.
    key = next(p.name for p in (kinds / "pages").iterdir())
    blobs, record = cache.WrittenFiles(kinds).load("pages", key)
    cache.WrittenFiles(scratch).keep(
        "pages", key, [b.replace(b"</body>", b"<p>stale</p></body>") for b in blobs], record
    )
    older = kinds / "pages" / key[:2] / key
    older.parent.mkdir()
    (scratch / "pages" / key).rename(older)
    (kinds / "pages" / key).unlink()
    past = time.time() - 3600
    os.utime(older, (past, past))
    assert build_site(root, strict=False).ok
    assert build_site(fresh, notes=notes, strict=False, zhudu={"cache_dir": ""}).ok
    assert same_tree(root / "site", fresh / "site") == ""
    assert (kinds / "pages" / key).is_file() and not older.parent.exists()
