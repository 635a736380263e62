"""Zhudu's scripts and stylesheet shipped without comments and indentation (hooks/zhudu/compact/comments.py):
only what the language ignores is taken out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import build_site
from zhudu.compact import comments
from zhudu.publish import asset_versions

REPO = Path(__file__).resolve().parents[1]
ASSETS = REPO / "overrides" / "assets" / "zhudu"


def _only_comments_and_whitespace_removed(source: str, shipped: str) -> int:
    """Walk both texts: what ``shipped`` lacks must be whole comments and whitespace, and where the
    source breaks the line between two of its characters (a statement may end there), so must it."""
    i = j = removed = 0
    source_break = shipped_break = False
    while True:
        while i < len(source) and source[i] in " \t\n":
            source_break |= source[i] == "\n"
            i += 1
        while j < len(shipped) and shipped[j] in " \t\n":
            shipped_break |= shipped[j] == "\n"
            j += 1
        if i < len(source) and j < len(shipped) and source[i] == shipped[j]:
            assert shipped_break or not source_break or j == 0, (
                f"line break lost before {shipped[j : j + 40]!r}"
            )
            i, j = i + 1, j + 1
            source_break = shipped_break = False
        elif source.startswith("/*", i):
            end = source.index("*/", i) + 2
            source_break |= "\n" in source[i:end]
            i, removed = end, removed + 1
        elif source.startswith("//", i):
            i, removed = source.index("\n", i), removed + 1
        else:
            assert i == len(source) and j == len(shipped), (
                f"{source[i - 60 : i + 40]!r} became {shipped[j - 60 : j + 40]!r}"
            )
            return removed


@pytest.mark.parametrize("name", sorted(p.name for p in ASSETS.glob("*.js")))
def test_each_script_loses_only_its_comments_and_indentation(name: str) -> None:
    source = (ASSETS / name).read_text(encoding="utf-8")
    shipped = comments.script(source)
    assert _only_comments_and_whitespace_removed(source, shipped) > 0
    assert len(shipped) < 0.85 * len(source)
    assert not any(line.startswith((" ", "\t")) for line in shipped.splitlines())


def test_the_stylesheet_loses_only_its_comments_and_indentation() -> None:
    source = (ASSETS / "zhudu.css").read_text(encoding="utf-8")
    shipped = comments.stylesheet(source)
    assert _only_comments_and_whitespace_removed(source, shipped) > 50
    assert "/*" not in shipped and len(shipped) < 0.8 * len(source)
    assert ':lang(zh-Hans) q { quotes: "“" "”" "‘" "’"; }' in shipped  # strings and the spaces between them


@pytest.mark.parametrize(
    ("source", "shipped"),
    [
        ('var u = "http://x/*y*/"; // a comment\n', 'var u = "http://x/*y*/";\n'),
        ("var s = 'it\\'s // not';\n", "var s = 'it\\'s // not';\n"),
        ("var r = /[/*]+\\//g; /* c */ f(r);\n", "var r = /[/*]+\\//g;   f(r);\n"),
        ("var q = a / b / c; /* c */\n", "var q = a / b / c;\n"),
        ("f(); /* one\n   two */ g();\n", "f();\ng();\n"),
        ("  if (x) {\n    return /\\s+/.test(s);  // why\n  }\n", "if (x) {\nreturn /\\s+/.test(s);\n}\n"),
        ("x = y\n/* between */\n++z\n", "x = y\n++z\n"),
        ("var t = `a // b\n  c`;\n", "var t = `a // b\n  c`;\n"),  # a template literal: as written
    ],
)
def test_scripts_keep_strings_regular_expressions_and_line_breaks(source: str, shipped: str) -> None:
    assert comments.script(source) == shipped


def test_a_string_that_does_not_end_on_its_line_is_an_error_not_a_guess() -> None:
    with pytest.raises(ValueError, match="line break in a string"):
        comments.script('var s = "open\n";\n')


def test_stylesheets_keep_strings() -> None:
    css = 'a::after { content: "/* kept */" / ""; }  /* gone */\n  b { x: 1 }\n'
    assert comments.stylesheet(css) == 'a::after { content: "/* kept */" / ""; }\nb { x: 1 }\n'


def test_the_site_ships_them_without_comments_under_their_sources_versions(tmp_path) -> None:
    result = build_site(tmp_path, notes={"a.md": "---\ntitle: 一篇\n---\n\n正文。\n"})
    assert result.ok, result.log
    site = result.site_dir / "assets" / "zhudu"
    # The stylesheet: Material's two, then Zhudu's without comments (compact/stylesheet.py).
    material = sorted(
        (REPO / ".venv").glob("lib/python*/site-packages/material/templates/assets/stylesheets/*.min.css")
    )
    main, palette = (next(p for p in material if p.name.startswith(name)) for name in ("main.", "palette."))
    source = (ASSETS / "zhudu.css").read_text(encoding="utf-8")
    assert (site / "zhudu.css").read_text(encoding="utf-8") == "\n".join(
        (main.read_text("utf-8").strip(), palette.read_text("utf-8").strip(), comments.stylesheet(source))
    )
    worker = (ASSETS / "search-worker.js").read_text(encoding="utf-8")
    assert (site / "search-worker.js").read_text(encoding="utf-8") == comments.script(worker)
    # The joined scripts (after config.js's own part): each part's name is the one comment left.
    for joined, first in (("config.js", "shell.js"), ("reader.js", "zhudu.js")):
        text = (site / joined).read_text(encoding="utf-8")
        text = text[text.index(f"/* {first} */") :]
        assert all(re.fullmatch(r"/\* [\w-]+\.js \*/", line) for line in text.splitlines() if "/*" in line)
    # The worker's URL names the source's version: a new source, a new URL.
    config = (site / "config.js").read_text(encoding="utf-8")
    assert f"search-worker.js?v={asset_versions.version('assets/zhudu/search-worker.js')}" in config
