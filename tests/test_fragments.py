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
ATTRIBUTES = {"class", "href", "title", "role", "aria-label", "lang", "markdown", "datetime", "id"}
ATTRIBUTES |= {"data-zd-tm", "data-theme", "data-note", "d", "stroke-width", "vector-effect"}
ATTRIBUTES |= {"viewbox", "preserveaspectratio", "aria-hidden", "focusable", "alt", "src"}
ATTRIBUTES |= {"aria-disabled", "data-preview", "data-zd-target"}  # a dead link (zd-note-refs.html)
ATTRIBUTES |= {"data-zd-conv"}  # a Traditional note's words as each variant shows them (zd-themes-marks.html)
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
    "note-error warnings": ("zd-note-error.html", "warnings", {"warnings": [HOSTILE, HOSTILE]}),
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
        {"kind": HOSTILE, "label": HOSTILE, "name": HOSTILE},
    ),
    "note-refs dead link": ("zd-note-refs.html", "dead_link", {"target": HOSTILE, "text": "text"}),
    "note-refs embed": ("zd-note-refs.html", "note_embed", {"label": HOSTILE, "link": "[a](b)"}),
    "note-refs transclusion": (
        "zd-note-refs.html",
        "transclusion",
        {"label": HOSTILE, "link": "[a](b)", "body": "text"},
    ),
    "sanitizer remote image": ("zd-sanitizer.html", "remote_image", {"alt": HOSTILE, "url": HOSTILE}),
    "sanitizer embed": ("zd-sanitizer.html", "embed", {"label": HOSTILE, "url": HOSTILE}),
    "sanitizer diagram": ("zd-sanitizer.html", "diagram_start", {"label": HOSTILE}),
    # Theme ids are [a-z0-9-] (theme_map.THEME_ID_RE), escaped all the same; names and titles are free text.
    "themes marker": ("zd-themes-marks.html", "marker", {"ids": HOSTILE}),
    "themes blocks": ("zd-themes-marks.html", "blocks", {"strings": HOSTILE, "blocks": ["<span>b</span>"]}),
    "themes block": (
        "zd-themes-marks.html",
        "block",
        {"id": HOSTILE, "name": HOSTILE, "href": HOSTILE, "notes": ["<span>n</span>"]},
    ),
    "themes block without notes": (
        "zd-themes-marks.html",
        "block",
        {"id": HOSTILE, "name": HOSTILE, "href": HOSTILE, "notes": []},
    ),
    "themes other note": (
        "zd-themes-marks.html",
        "other_note",
        {"title": HOSTILE, "links": [(HOSTILE, [(HOSTILE, None), (HOSTILE, HOSTILE)])]},
    ),
    "themes graph": (
        "zd-themes-marks.html",
        "graph_svg",
        {"width": 640, "height": 320, "edges": [(HOSTILE, HOSTILE, "M1,2", "1.50")]},
    ),
    "dialect block anchor": ("zd-dialect.html", "block_anchor", {"id": HOSTILE}),
    "dialect unshown": (
        "zd-dialect.html",
        "unshown",
        {"kind": HOSTILE, "label": HOSTILE, "written": HOSTILE},
    ),
    "dialect image": ("zd-dialect.html", "image", {"alt": HOSTILE, "src": HOSTILE, "href": ""}),
    "dialect linked image": ("zd-dialect.html", "image", {"alt": HOSTILE, "src": HOSTILE, "href": HOSTILE}),
    "themes marked passage": (
        "zd-themes-marks.html",
        "marked",
        {
            "segments": [
                (HOSTILE, ""),
                (HOSTILE, "mark"),
                ((HOSTILE, HOSTILE), "rule"),
                ((HOSTILE, HOSTILE), "mark-rule"),
            ]
        },
    ),
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


def test_theme_marks_write_what_the_pages_carry():
    # Byte for byte: note pages' cached renders and themes.js (which reads the blocks) depend on it.
    def marks(macro, **values):
        return fragments.render("zd-themes-marks.html", macro, **values)

    assert marks("marker", ids="a b-2") == '<span class="zd-tm" data-zd-tm="a b-2"></span>'
    assert marks("blocks", strings="主题|x", blocks=["<i>1</i>", "<i>2</i>"]) == (
        '<template class="zd-tm-blocks"><span class="zd-tm-strings">主题|x</span><i>1</i><i>2</i></template>'
    )
    note = marks("other_note", title="甲&乙", links=[("../a/#p1", [("一段<…>", None)])])
    assert note == ('<span>甲&amp;乙</span><a href="../a/#p1">一段&lt;…&gt;</a>')
    # A Traditional note's words as each variant's page shows them: a rule the variant converter resolves.
    ruled = marks("other_note", title="乙", links=[("h", [("说明", "zh-Hant-TW:說<明>"), ("。", None)])])
    assert (
        ruled
        == '<span>乙</span><a href="h"><span class="zd-conv" data-zd-conv="zh-Hant-TW:說&lt;明&gt;">说明</span>。</a>'
    )

    assert marks("other_note", title="丙", links=[]) == "<span>丙</span>"
    assert marks("block", id="zd-tmb-x", name="名", href="../t/", notes=[note, note]) == (
        '<span class="zd-tm__theme" id="zd-tmb-x"><a class="zd-tm__name" href="../t/">名</a>'
        + note
        + note
        + "</span>"
    )
    assert marks("block", id="i", name="n", href="h", notes=[]) == (
        '<span class="zd-tm__theme" id="i"><a class="zd-tm__name" href="h">n</a>'
        '<span class="zd-tm__none">其他笔记还没有谈到这个主题。</span></span>'
    )
    assert marks("graph_svg", width=640, height=320, edges=[("t", "n", "M1,2", "1.50")]) == (
        '<svg class="zd-graph__svg" viewBox="0 0 640 320" preserveAspectRatio="none" aria-hidden="true" '
        'focusable="false"><path class="zd-graph__edge" data-theme="t" data-note="n" d="M1,2" '
        'stroke-width="1.50" vector-effect="non-scaling-stroke"/></svg>'
    )
    # A code segment comes as its pieces (``code_glue.code_pieces``): a Han–symbol joint glued.
    code = [("x<y ", False), ("文件>设", True), ("置", False)]
    assert marks("marked", segments=[("a<", ""), ("b", "mark"), ("c", ""), (code, "code")]) == (
        "a&lt;<mark>b</mark>c<code>x&lt;y <zd-g>文件&gt;设</zd-g>置</code>"
    )
    assert marks(
        "marked", segments=[(("说", "zh-Hant-HK:説"), "mark-rule"), (("明", "zh-Hant-HK:明&"), "rule")]
    ) == (
        '<mark><span class="zd-conv" data-zd-conv="zh-Hant-HK:説">说</span></mark>'
        '<span class="zd-conv" data-zd-conv="zh-Hant-HK:明&amp;">明</span>'
    )


def test_dialect_fragments_write_what_the_notes_carried():
    def dialect(macro, **values):
        return fragments.render("zd-dialect.html", macro, **values)

    assert dialect("block_anchor", id="a-1") == '<span class="zd-block-anchor" id="^a-1"></span>'
    assert dialect("figure", image="![a](b.png)", caption="*c*") == (
        '\n<figure class="zd-figure" markdown="1">\n\n![a](b.png)\n\n'
        '<figcaption markdown="span">*c*</figcaption>\n</figure>\n'
    )
    assert dialect("unshown", kind="unpublished", label="附件未发布", written="a&b.pdf") == (
        '<span class="zd-unpublished"><span class="zd-unpublished__label">附件未发布</span> <code>a&amp;b.pdf</code></span>'
    )
    assert (
        dialect("image", alt='"x"', src="../m/a.webp", href="")
        == '<img alt="&quot;x&quot;" src="../m/a.webp">'
    )
    assert dialect("image", alt="x", src="../m/p.webp", href="../m/a.png") == (
        '<a href="../m/a.png"><img alt="x" src="../m/p.webp"></a>'
    )


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
        error_partial.read_text(encoding="utf-8").replace("这篇笔记暂时无法显示。", "本站的错误框"),
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
    assert "本站的错误框" in page
    assert "这篇笔记暂时无法显示" not in page


def test_note_pages_markers_come_from_the_sites_theme_and_escape_names(site_builder, tmp_path: Path):
    from test_themes import NOTE_A, NOTE_B, NOTES_YML, THEMES

    overrides = tmp_path / "overrides"
    shutil.copytree(REPO / "overrides", overrides)
    marks = overrides / "partials" / "zd-themes-marks.html"
    marks.write_text(
        marks.read_text(encoding="utf-8").replace('<a class="zd-tm__name"', '<a class="zd-tm__name zd-own"'),
        encoding="utf-8",
    )
    hostile = '数据<script>alert(1)</script>"中心'
    themes = THEMES.replace("name: 数据中心与边缘", f"name: '{hostile}'")
    note_b = NOTE_B.replace("title: 邊緣的算力", "title: '邊緣<script>x</script>\"算力'")
    result = site_builder(
        notes={"a.md": NOTE_A, "b.md": note_b},
        config={"theme": {**repo_config()["theme"], "custom_dir": str(overrides)}},
        editorial={"themes.yml": themes, "notes.yml": NOTES_YML},
    )
    assert result.ok, result.log
    page = result.page("zh-Hans/notes/note-a/index.html")
    blocks = page[page.index('<template class="zd-tm-blocks">') :]
    blocks = blocks[: blocks.index("</template>")]
    assert '<a class="zd-tm__name zd-own"' in blocks
    assert "<script>" not in blocks
    assert "数据&lt;script&gt;alert(1)&lt;/script&gt;&quot;中心" in blocks
    assert "&lt;script&gt;x&lt;/script&gt;&quot;" in blocks
