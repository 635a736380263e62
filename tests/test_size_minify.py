"""Zhudu's scripts and stylesheet shipped minified (hooks/zhudu/compact/minify.py, rjsmin and rcssmin):
only what the languages ignore is taken out, and every script still parses."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import build_site
from zhudu.compact import minify
from zhudu.publish import asset_versions

REPO = Path(__file__).resolve().parents[1]
ASSETS = REPO / "overrides" / "assets" / "zhudu"
NODE = shutil.which("node")


@pytest.mark.parametrize("name", sorted(p.name for p in ASSETS.glob("*.js")))
def test_each_script_is_shipped_minified_and_still_parses(name: str, tmp_path) -> None:
    source = (ASSETS / name).read_text(encoding="utf-8")
    shipped = minify.script(source)
    assert len(shipped) < 0.75 * len(source)
    assert "\n  " not in shipped  # no indentation left
    if NODE is None:  # the browser tests run every script too; this names the file that broke
        pytest.skip("node is not installed")
    (tmp_path / name).write_text(shipped, encoding="utf-8")
    checked = subprocess.run([NODE, "--check", str(tmp_path / name)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_the_stylesheet_is_shipped_minified_with_its_strings() -> None:
    source = (ASSETS / "zhudu.css").read_text(encoding="utf-8")
    shipped = minify.stylesheet(source)
    assert "/*" not in shipped and len(shipped) < 0.75 * len(source)
    assert ':lang(zh-Hans) q{quotes:"“" "”" "‘" "’"}' in shipped  # strings and the spaces between them


@pytest.mark.parametrize(
    ("source", "shipped"),
    [
        ('var u = "http://x/*y*/"; // a comment\n', 'var u="http://x/*y*/";\n'),
        ("var s = 'it\\'s // not';\n", "var s='it\\'s // not';\n"),
        ("var r = /[/*]+\\//g; /* c */ f(r);\n", "var r=/[/*]+\\//g;f(r);\n"),
        ("var q = a / b / c; /* c */\n", "var q=a/b/c;\n"),
        ("  if (x) {\n    return /\\s+/.test(s);  // why\n  }\n", "if(x){return/\\s+/.test(s);}\n"),
        # A line break a statement may end at stays (automatic semicolon insertion).
        ("x = y\n/* between */\n++z\n", "x=y\n++z\n"),
        ("return\nx\n", "return\nx\n"),
        ("var t = `a // b\n  c`;\n", "var t=`a // b\n  c`;\n"),
    ],
)
def test_scripts_keep_strings_regular_expressions_and_statement_ends(source: str, shipped: str) -> None:
    assert minify.script(source) == shipped


def test_stylesheets_keep_strings() -> None:
    css = 'a::after { content: "/* kept */" / ""; }  /* gone */\n  b { x: 1 }\n'
    assert minify.stylesheet(css) == 'a::after{content:"/* kept */" / ""}b{x:1}\n'


def test_the_site_ships_them_minified_under_their_sources_versions(tmp_path) -> None:
    result = build_site(tmp_path, notes={"a.md": "---\ntitle: 一篇\n---\n\n正文。\n"})
    assert result.ok, result.log
    site = result.site_dir / "assets" / "zhudu"
    # The stylesheet: Material's two, then Zhudu's minified (compact/stylesheet.py).
    material = sorted(
        (REPO / ".venv").glob("lib/python*/site-packages/material/templates/assets/stylesheets/*.min.css")
    )
    main, palette = (next(p for p in material if p.name.startswith(name)) for name in ("main.", "palette."))
    source = (ASSETS / "zhudu.css").read_text(encoding="utf-8")
    assert (site / "zhudu.css").read_text(encoding="utf-8") == "\n".join(
        (main.read_text("utf-8").strip(), palette.read_text("utf-8").strip(), minify.stylesheet(source))
    )
    worker = (ASSETS / "search-worker.js").read_text(encoding="utf-8")
    assert (site / "search-worker.js").read_text(encoding="utf-8") == minify.script(worker)
    # The joined scripts (after config.js's own part): each part's name is the one comment left.
    for joined, first in (("config.js", "shell.js"), ("reader.js", "zhudu.js")):
        text = (site / joined).read_text(encoding="utf-8")
        text = text[text.index(f"/* {first} */") :]
        assert all(re.fullmatch(r"/\* [\w-]+\.js \*/", line) for line in text.splitlines() if "/*" in line)
    # The worker's URL names the source's version: a new source, a new URL.
    config = (site / "config.js").read_text(encoding="utf-8")
    assert f"search-worker.js?v={asset_versions.version('assets/zhudu/search-worker.js')}" in config
