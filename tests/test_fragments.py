"""HTML that Python writes comes from the partials ``overrides/partials/zd-*.html`` (zhudu/fragments.py).

Every macro escapes what it is given; the build renders them with the theme's environment (so a
project's ``custom_dir`` decides them); every partial used is part of the cache's code version.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, repo_config
from zhudu import fragments
from zhudu.annotate.glossary.terms import Term
from zhudu.notes.body import Post

#: The attributes the partials write.
ATTRIBUTES = {"class", "href", "title", "role", "aria-label", "lang", "markdown", "datetime"}
HOSTILE = '<script>alert("x")</script>\'" onmouseover="alert(1)'


class _Parsed(HTMLParser):
    """The elements and attributes a browser would see."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Parsed:
    parsed = _Parsed()
    parsed.feed(html)
    parsed.close()
    return parsed


def _term(**values: object) -> Term:
    fields = {"id": "t", "term": "t", "aliases": (), "explanation": "", "source": None, "source_title": None}
    return Term(**{**fields, **values, "line": 1})  # type: ignore[arg-type]


#: Every macro, called with a hostile value wherever an input reaches it.
CALLS = {
    "note-error broken": ("zd-note-error.html", "broken", {"error": HOSTILE}),
    "note-error problems": ("zd-note-error.html", "problems", {"problems": [HOSTILE, HOSTILE]}),
    "glossary index": (
        "zd-glossary.html",
        "index",
        {"index_class": "i", "terms": [_term(id=HOSTILE, term=HOSTILE)]},
    ),
    "glossary entry": (
        "zd-glossary.html",
        "entry",
        {
            "term": _term(aliases=(HOSTILE,), explanation=HOSTILE, source=HOSTILE, source_title=HOSTILE),
            "occurrences_mark": "<!--m-->",
        },
    ),
    "glossary where": (
        "zd-glossary.html",
        "where",
        {"notes": [(HOSTILE, [HOSTILE, HOSTILE])], "more": 3, "query": HOSTILE},
    ),
    "body wrapper head": (
        "zd-body.html",
        "wrapper_head",
        {"kind": HOSTILE, "label": HOSTILE, "collapsed": False, "lang": HOSTILE},
    ),
    "body wrapper head collapsed": (
        "zd-body.html",
        "wrapper_head",
        {"kind": HOSTILE, "label": HOSTILE, "collapsed": True, "lang": ""},
    ),
    "body post header": (
        "zd-body.html",
        "post_header",
        {"post": Post(name=HOSTILE, handle=HOSTILE, date=HOSTILE, url=HOSTILE), "profile": HOSTILE},
    ),
    "body missing image": (
        "zd-body.html",
        "missing_image",
        {"kind": HOSTILE, "label": HOSTILE, "name": HOSTILE, "target": HOSTILE},
    ),
    "note-refs dead link": ("zd-note-refs.html", "dead_link", {"target": HOSTILE, "text": "text"}),
    "note-refs embed": ("zd-note-refs.html", "note_embed", {"label": HOSTILE, "link": "[a](b)"}),
    "sanitizer remote image": ("zd-sanitizer.html", "remote_image", {"alt": HOSTILE, "url": HOSTILE}),
    "sanitizer embed": ("zd-sanitizer.html", "embed", {"label": HOSTILE, "url": HOSTILE}),
    "sanitizer diagram": ("zd-sanitizer.html", "diagram_start", {"label": HOSTILE}),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_every_fragment_escapes_what_it_is_given(name):
    partial, macro, values = CALLS[name]
    html = fragments.render(partial, macro, **values)
    parsed = _parse(html)
    assert "script" not in parsed.tags, html
    # A quote in a value never ends an attribute: no attribute is added, a value holds all of it.
    assert {attr for attr, _ in parsed.attrs} <= ATTRIBUTES, html
    assert all(HOSTILE in value for _, value in parsed.attrs if value and "<script>" in value), html
    assert HOSTILE in "".join(parsed.text) + "".join(v or "" for _, v in parsed.attrs), html


def test_every_partial_rendered_is_part_of_the_cache_key():
    used = set()
    for path in (REPO / "hooks").rglob("*.py"):
        used |= set(re.findall(r'fragments\.render\(\s*"([^"]+)"', path.read_text(encoding="utf-8")))
    assert used == set(fragments.PARTIALS)
    assert all(path.is_file() for path in fragments.partial_paths())


def test_the_build_renders_the_partials_of_the_sites_theme(site_builder, tmp_path: Path):
    # A project's custom_dir decides what the note-error box looks like, as for any other partial.
    overrides = tmp_path / "overrides"
    shutil.copytree(REPO / "overrides", overrides)
    error_partial = overrides / "partials" / "zd-note-error.html"
    error_partial.write_text(
        error_partial.read_text(encoding="utf-8").replace("这篇笔记无法读取", "本站的错误框"),
        encoding="utf-8",
    )
    theme = {**repo_config()["theme"], "custom_dir": str(overrides)}
    result = site_builder(
        notes={"good.md": "---\ntitle: 好\n---\n\n正文。\n", "empty.md": b""},
        config={"theme": theme},
        strict=False,
    )
    assert result.ok, result.log
    page = result.page("zh-Hans/notes/empty/index.html")
    assert "本站的错误框" in page and "seeds/empty.md" in page
    assert "这篇笔记无法读取" not in page
