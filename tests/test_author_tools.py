"""The author's tools on bad input: one clear line naming the file (and line), an exit code, no traceback.

The commands run as the author runs them (a subprocess of ``python -m zhudu``, ``mkdocs build``);
builds are real MkDocs + Material builds (``conftest.build_site``).
"""

from __future__ import annotations

import functools
import html
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_serve import fetch, served, serving, wait_for  # noqa: F401 - served, serving: the fixtures, a running mkdocs serve

from conftest import REPO, BuildResult, build_site, mkdocs_build_cli

GOOD = "---\ntitle: 好笔记\ndate: 2024-01-01\n---\n\n这是一篇正常的笔记，讲开源模型和数据中心。\n"
SEED = next(iter(sorted((REPO / "seeds").glob("*.md"))))


def zhudu(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m zhudu ARGS`` in ``cwd``, with this checkout's hooks."""
    return subprocess.run(
        [sys.executable, "-m", "zhudu", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "hooks")},
        timeout=120,
        check=False,
    )


def one_error(proc: subprocess.CompletedProcess[str], code: int, *expected: str) -> None:
    """The command failed with ``code``, saying ``expected`` on one ``error:`` line, without a traceback."""
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if "error: " in line]
    assert any(all(e in line for e in expected) for line in lines), proc.stderr


def minimal_project(root: Path, zhudu_settings: str = "  zhudu:\n    seeds_dir: seeds\n") -> Path:
    """A folder the ``meta`` command can read: mkdocs.yml's ``extra.zhudu``, one note, no editorial files."""
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "good.md").write_text(GOOD, encoding="utf-8")
    (root / "docs" / "editorial").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(f"site_name: x\nextra:\n{zhudu_settings}", encoding="utf-8")
    return root


# -- python -m zhudu audit ----------------------------------------------------------------------


def test_audit_of_unreadable_notes_names_each_and_audits_the_rest(tmp_path):
    gbk = tmp_path / "gbk.md"
    gbk.write_bytes("---\ntitle: 编码\n---\n\n这是用 GBK 保存的笔记。\n".encode("gbk"))
    proc = zhudu(
        "audit", "missing.md", str(tmp_path), str(gbk), str(SEED), cwd=minimal_project(tmp_path / "p")
    )
    one_error(proc, 1, "missing.md: no such file", "check the path")
    one_error(proc, 1, f"{tmp_path}: is a folder", "folder/*.md")
    one_error(proc, 1, f"{gbk}:2: not UTF-8", "save it as UTF-8")
    # What to do, as the build says it: the command to run on this file, not a bare GBK hint.
    one_error(proc, 1, f"{gbk}:2: not UTF-8 (byte 0x", f"iconv -f GB18030 -t UTF-8 {gbk} > fixed.md")
    assert f"== {SEED} ==" in proc.stdout  # the readable note is still audited
    assert proc.stdout.rstrip().splitlines()[-1].startswith("total: ")


UNREADABLE = {  # a note the build cannot read: its page shows the error, not the text
    "yaml": (
        "---\ntitle: 坏\ntags: [读书, 随笔\n---\n\n后来发现头发很多。\n",
        4,
        "invalid YAML front matter",
    ),
    "toml": ('+++\ntitle = "坏\n+++\n\n后来发现头发很多。\n', 2, "invalid TOML front matter"),
    "empty": ("\n", 1, "the note is empty: write some text or delete the file"),
    "no-text": ("---\ntitle: 只有标题\n---\n", 4, "the note has front matter but no text"),
}


@pytest.fixture(scope="module")
def unreadable(tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess[str]]:
    """One project holding every ``UNREADABLE`` note (``bad-<case>.md``) beside a good one, and the runs
    the tests below read: ``audit`` of the bad notes and a seed, ``meta`` of the bad notes by id, of the
    good one, and of all notes (each run serves every case: one process each, not one per case)."""
    root = minimal_project(tmp_path_factory.mktemp("unreadable") / "p")
    for case, (text, _, _) in UNREADABLE.items():
        (root / "seeds" / f"bad-{case}.md").write_text(text, encoding="utf-8")
    bad = [f"seeds/bad-{case}.md" for case in sorted(UNREADABLE)]
    return {
        "audit": zhudu("audit", *bad, str(SEED), cwd=root),
        "meta of the bad": zhudu("meta", *(f"bad-{case}" for case in sorted(UNREADABLE)), cwd=root),
        "meta of the good": zhudu("meta", "good", cwd=root),
        "meta of all": zhudu("meta", cwd=root),
    }


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_audit_of_a_note_the_build_cannot_read_says_why_as_meta_does(unreadable, case):
    _, line, message = UNREADABLE[case]
    proc = unreadable["audit"]
    one_error(proc, 1, f"seeds/bad-{case}.md:{line}: {message}")
    # Not reported as a note with nothing to check; the other note is still audited.
    assert f"== seeds/bad-{case}.md ==" not in proc.stdout, proc.stdout
    assert f"== {SEED} ==" in proc.stdout
    # The build's own words: `meta` reads the notes as the build does, and says the same.
    said = next(line for line in proc.stderr.splitlines() if f"seeds/bad-{case}.md" in line)
    meta = unreadable["meta of the bad"]
    one_error(meta, 1, said.removeprefix("error: "))
    shown = {note["source_file"]: note for note in json.loads(meta.stdout)}
    assert shown[f"seeds/bad-{case}.md"]["broken"] is True, meta.stdout


def test_meta_names_an_unreadable_note_as_a_warning_when_another_is_asked_for(unreadable):
    proc = unreadable["meta of the good"]
    assert proc.returncode == 0 and "error:" not in proc.stderr, proc.stderr
    for case, (_, line, message) in UNREADABLE.items():
        assert f"warning: seeds/bad-{case}.md:{line}: {message}" in proc.stderr, proc.stderr
    assert [note["id"] for note in json.loads(proc.stdout)] == ["good"]
    for case, (_, line, message) in UNREADABLE.items():  # all notes: the bad ones too
        one_error(unreadable["meta of all"], 1, f"seeds/bad-{case}.md:{line}: {message}")


def test_audit_refuses_a_note_over_the_size_limit_at_once(tmp_path):
    huge = tmp_path / "huge.md"
    huge.write_bytes(b"---\ntitle: x\n---\n\n" + b"ab\n" * 700_000)  # 2,050 KiB: the build refuses it too
    one_error(
        zhudu("audit", str(huge), cwd=minimal_project(tmp_path / "p")),
        1,
        f"{huge}: 2,050 KiB, over a note's limit of 2,048 KiB",
    )


def test_audit_with_unreadable_rules_or_wrong_arguments(tmp_path):
    rules = tmp_path / "conversion.yml"
    rules.write_bytes("protected:\n  - 数据\n".encode("gbk"))
    one_error(zhudu("audit", str(SEED), "--rules", str(rules), cwd=tmp_path), 1, f"{rules}:2: not UTF-8")
    one_error(
        zhudu("audit", str(SEED), "--rules", str(tmp_path), cwd=tmp_path), 1, "cannot read the rules file"
    )
    one_error(
        zhudu("audit", str(SEED), "--variant", "zh-TW", cwd=tmp_path),
        2,
        "unknown variant 'zh-TW'",
        "zh-Hant-TW",
    )
    one_error(zhudu("audit", str(SEED), "--limit", "0", cwd=tmp_path), 2, "--limit must be at least 1")


def documented_commands() -> list[str]:
    """Every ``python -m zhudu …`` command the README and the editorial files' comments give an author."""
    places = [REPO / "README.md", *sorted((REPO / "docs" / "editorial").glob("*.yml"))]
    found = (re.findall(r"`([^`]*python -m zhudu[^`]*)`", p.read_text(encoding="utf-8")) for p in places)
    return sorted({command for commands in found for command in commands})


@functools.cache
def zhudu_once(args: tuple[str, ...], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``zhudu(*args, cwd=cwd)``, run once: two documented commands that differ only in the python they
    name (``python``, ``.venv/bin/python``) are the same run here (``sys.executable``)."""
    return zhudu(*args, cwd=cwd)


@pytest.mark.parametrize("command", documented_commands())
def test_each_documented_command_works_as_written(command, tmp_path):
    """Run as the author copies it, in the folder of mkdocs.yml (``-f path/mkdocs.yml``: from another one)."""
    words = shlex.split(command)
    assert words[:3] in (["python", "-m", "zhudu"], [".venv/bin/python", "-m", "zhudu"]), command
    cwd = tmp_path if "path/mkdocs.yml" in words else REPO
    args = []
    for word in words[3:]:
        word = word.replace("path/mkdocs.yml", str(REPO / "mkdocs.yml")).replace("<file>.md", SEED.name)
        args.extend(sorted(str(p.relative_to(cwd)) for p in cwd.glob(word)) if "*" in word else [word])
    proc = zhudu_once(tuple(args), cwd)
    assert proc.returncode == 0 and "error" not in proc.stderr, (command, proc.stderr)
    assert proc.stdout.strip(), command


def test_the_documented_commands_name_every_command():
    documented = {shlex.split(command)[3:][-1 if "-f" in command else 0] for command in documented_commands()}
    assert documented >= {"meta", "audit", "suggest"}


def test_a_project_s_commands_read_that_project(tmp_path):
    """``-f`` (default ./mkdocs.yml) names the project whose notes and editorial files suggest reads (rv26)."""
    root = minimal_project(tmp_path / "p")
    for name in ("a", "b"):
        (root / "seeds" / f"{name}.md").write_text(
            f"---\ntitle: {name}\n---\n\n向量数据库的索引。\n", encoding="utf-8"
        )
    proc = zhudu("-f", str(root / "mkdocs.yml"), "suggest", "--top", "5", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "# a, b" not in proc.stdout and ": a, b" in proc.stdout
    (root / "docs" / "editorial" / "themes.yml").write_text(
        "themes:\n  vdb:\n    name: 向量数据库\n    description: 向量检索。\n    phrases: [向量, 数据库, 索引]\n",
        encoding="utf-8",
    )
    covered = zhudu("suggest", cwd=root)
    assert covered.returncode == 0 and ": a, b" not in covered.stdout, covered.stdout
    one_error(zhudu("suggest", cwd=tmp_path), 1, "mkdocs.yml: no such file", "give its path with -f")


# -- python -m zhudu meta -----------------------------------------------------------------------


def test_meta_without_a_readable_mkdocs_yml_says_where_to_run_it(tmp_path):
    one_error(zhudu("meta", cwd=tmp_path), 1, "mkdocs.yml: no such file", "-f")
    one_error(zhudu("-f", str(tmp_path), "meta", cwd=tmp_path), 1, "is a folder, not mkdocs.yml")
    (tmp_path / "bad.yml").write_text("site_name: x\nextra:\n  zhudu: [a\n", encoding="utf-8")
    one_error(zhudu("-f", "bad.yml", "meta", cwd=tmp_path), 1, "bad.yml:4: invalid YAML")
    (tmp_path / "gbk.yml").write_bytes("site_name: 笔记\n".encode("gbk"))
    one_error(zhudu("-f", "gbk.yml", "meta", cwd=tmp_path), 1, "gbk.yml: not UTF-8")


def test_meta_with_settings_that_are_not_a_mapping(tmp_path):
    root = minimal_project(tmp_path / "p", "  zhudu: 42\n")
    one_error(zhudu("meta", cwd=root), 1, "mkdocs.yml: extra.zhudu: expected 'key: value' settings")


def test_meta_with_a_misspelt_limit_warns_and_goes_on(tmp_path):
    root = minimal_project(tmp_path / "p", "  zhudu:\n    limits:\n      note_kb: 10\n")
    proc = zhudu("meta", cwd=root)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert "extra.zhudu.limits: Sub-option 'note_kb': Unrecognised" in proc.stderr
    assert '"title": "好笔记"' in proc.stdout


def test_meta_of_an_unknown_note_is_an_error(tmp_path):
    root = minimal_project(tmp_path / "p")
    one_error(zhudu("meta", "good", "nope", cwd=root), 1, "no note has the id or slug 'nope'")


def test_meta_with_non_utf8_conversion_rules_names_the_file_and_line(tmp_path):
    root = minimal_project(tmp_path / "p")
    (root / "docs" / "editorial" / "conversion.yml").write_bytes("protected:\n  - 数据\n".encode("gbk"))
    one_error(zhudu("meta", cwd=root), 1, "docs/editorial/conversion.yml:2: not UTF-8")


# -- mkdocs build -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_project(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The build of a project of ``GOOD`` whose cache folder is a file (built once here), for the test of
    that and for tests that break a copy of the project."""
    root = tmp_path_factory.mktemp("good") / "p"
    (root / ".cache").mkdir(parents=True)
    (root / ".cache" / "zhudu").write_text("not a folder", encoding="utf-8")
    return build_site(root, notes={"good.md": GOOD})


def copy_of(project: BuildResult, dest: Path) -> Path:
    """``project``'s sources (not its site, nor its cache folder) copied into ``dest``: a project to break."""
    shutil.copytree(project.root, dest, ignore=shutil.ignore_patterns("site", ".cache"))
    return dest


def test_build_with_settings_that_are_not_a_mapping(good_project, tmp_path):
    tmp_path = copy_of(good_project, tmp_path / "p")
    config = tmp_path / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  zhudu:\n", "  zhudu: 42\n  was_zhudu:\n", 1), encoding="utf-8")
    proc = mkdocs_build_cli(tmp_path)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "Traceback" not in out, out
    assert "mkdocs.yml: extra.zhudu: expected 'key: value' settings" in out


def test_build_with_a_misspelt_limit_warns_and_builds(site_builder):
    result = site_builder(notes={"good.md": GOOD}, zhudu={"limits": {"note_kb": 10}}, strict=False)
    assert result.ok, result.log
    assert any("extra.zhudu.limits: Sub-option 'note_kb'" in w for w in result.warnings), result.log


@pytest.mark.parametrize("name", ["notes.yml", "glossary.yml", "conversion.yml"])
def test_an_editorial_file_that_is_a_folder_stops_the_build_naming_it(site_builder, name):
    result = site_builder(notes={"good.md": GOOD}, docs={f"editorial/{name}/kept.txt": "x"}, strict=False)
    assert not result.ok
    assert f"docs/editorial/{name}: is a folder, not a YAML file" in result.log, result.log


def test_non_utf8_conversion_rules_stop_the_build_naming_file_and_line(good_project, tmp_path):
    tmp_path = copy_of(good_project, tmp_path / "p")
    (tmp_path / "docs" / "editorial" / "conversion.yml").write_bytes("protected:\n  - 数据\n".encode("gbk"))
    proc = mkdocs_build_cli(tmp_path)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "Traceback" not in out, out
    assert "docs/editorial/conversion.yml:2: not UTF-8" in out


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "notes.yml",
            "good:\n  title: 一\ngood:\n  summary: 二\n",
            "docs/editorial/notes.yml:3: duplicate key 'good' (first on line 1)",
        ),
        (
            "glossary.yml",
            "- term: 开源\n  explanation: 公开源代码。\n  explanation: 第二个解释。\n",
            "docs/editorial/glossary.yml:3: duplicate key 'explanation' (first on line 2)",
        ),
    ],
)
def test_a_duplicate_key_in_an_editorial_file_is_an_error_not_a_silent_loss(
    site_builder, name, text, expected
):
    result = site_builder(notes={"good.md": GOOD}, editorial={name: text}, strict=False)
    assert not result.ok
    assert expected in result.log, result.log


def test_a_cache_folder_that_is_a_file_is_named_and_the_build_goes_on(good_project):
    result = good_project
    assert result.ok, result.log
    assert ".cache/zhudu: is a file, not a folder: delete it" in result.log, result.log
    assert "好笔记" in (result.site_dir / "zh-Hans" / "notes" / "good" / "index.html").read_text(
        encoding="utf-8"
    )


def test_a_cache_folder_that_cannot_be_made_is_named_and_the_build_goes_on(site_builder):
    result = site_builder(notes={"good.md": GOOD}, zhudu={"cache_dir": "seeds/good.md/cache"})
    assert result.ok, result.log
    assert "seeds/good.md/cache: cannot be written (Not a directory)" in result.log, result.log


def _into_folder(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.mkdir()
    (path / "kept.txt").write_text("x", encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "break_it", "expected"),
    [
        ("glossary.yml", _into_folder, "docs/editorial/glossary.yml: is a folder"),
        (
            "notes.yml",
            lambda p: p.write_text("edit:\n  title: 一\nedit:\n  summary: 二\n", encoding="utf-8"),
            "docs/editorial/notes.yml:3: duplicate key",
        ),
    ],
    ids=["folder", "duplicate-key"],
)
def test_serve_shows_a_broken_editorial_file_and_a_fix_clears_it(served, name, break_it, expected):  # noqa: F811
    root, url, proc = served
    data = root / "docs" / "editorial" / name
    before = data.read_bytes() if data.is_file() else None
    break_it(data)
    page = wait_for(url, "编辑数据有误", timeout=60)
    assert expected in html.unescape(page) and "第一版的正文" in page, page[:2000]
    if data.is_dir():
        shutil.rmtree(data)
    if before is not None:
        data.write_bytes(before)
    elif data.is_file():
        data.unlink()
    deadline = time.monotonic() + 60
    while "编辑数据有误" in fetch(url)[1] and time.monotonic() < deadline:
        time.sleep(0.2)
    status, page = fetch(url)
    assert status == 200 and "编辑数据有误" not in page and "第一版的正文" in page
    assert proc.poll() is None  # served all along
