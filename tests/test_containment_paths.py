"""A note's stray end tag is removed, and named at its own line, on every path its render takes.

The note: a correct ``<div>…</div>``, a ``</div>`` in a code block, then the stray ``</div>`` on
line 15.  The paths: a cold build with the pre-render worker (the stray note is the last page,
the first the worker renders), a warm build reusing the kept render (its warning replayed), a
re-render after an editorial edit, and the Traditional variants made from the render.
"""

from __future__ import annotations

import pickle
import re
import zlib
from pathlib import Path

import nh3

from conftest import build_site
from sitescan import text_outside_note_body

PROBE = "ZDPROBE"
STRAY = (
    "---\ntitle: 盒子笔记\n---\n\n"  # lines 1-4
    '<div class="box">\n盒子\n</div>\n\n'  # 5-8: a correct div
    "正文。\n\n```html\n</div>\n```\n\n"  # 9-14: an end tag in code
    "</div>\n\n"  # 15: the stray
    f"{PROBE} 尾声。\n"
)
#: Enough notes before it that the build forks the pre-render worker (``extra.zhudu.workers``).
OTHERS = {f"n{i:02d}.md": f"---\ntitle: 第{i}篇\n---\n\n第{i}篇正文。\n" for i in range(30)}


def _stray_warnings(result) -> list[str]:
    return [w for w in result.warnings if "would close the page" in w]


def _escaped_pages(site: Path) -> list[str]:
    return sorted(
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if PROBE in (text := p.read_text(encoding="utf-8")) and text_outside_note_body(text, PROBE)
    )


def _kept_renders(root: Path) -> set[str]:
    """The render-cache entries holding the stray note's render."""
    found = set()
    for path in (root / ".cache" / "zhudu" / "render").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            value = pickle.loads(data if data[:1] == pickle.PROTO else zlib.decompress(data))
            if PROBE in value.html:
                found.add(path.name)
    return found


def test_stray_end_tag_named_and_removed_on_every_render_path(tmp_path: Path) -> None:
    notes = {**OTHERS, "zz.md": STRAY}
    zhudu = {"workers": 2}
    expected = ["zhudu: seeds/zz.md:15: </div> would close the page"]

    cold = build_site(tmp_path, notes=notes, zhudu=zhudu, strict=False)
    assert [w[: len(expected[0])] for w in _stray_warnings(cold)] == expected
    assert _escaped_pages(tmp_path / "site") == []
    variants = {p.parts[-4] for p in (tmp_path / "site").rglob("zz/index.html")}
    assert variants >= {"zh-Hans", "zh-Hant-TW", "zh-Hant-HK"}  # each checked by _escaped_pages
    kept = _kept_renders(tmp_path)
    assert len(kept) == 1

    warm = build_site(tmp_path, notes=notes, zhudu=zhudu, strict=False)
    assert _kept_renders(tmp_path) == kept  # reused, not rendered again: the warning is the kept one
    assert [w[: len(expected[0])] for w in _stray_warnings(warm)] == expected
    assert _escaped_pages(tmp_path / "site") == []

    glossary = "- term: 盒子\n  explanation: 装东西的器具。\n"
    edited = build_site(
        tmp_path, notes=notes, zhudu=zhudu, editorial={"glossary.yml": glossary}, strict=False
    )
    assert len(_kept_renders(tmp_path) - kept) == 1  # rendered again for the glossary term
    assert [w[: len(expected[0])] for w in _stray_warnings(edited)] == expected
    assert _escaped_pages(tmp_path / "site") == []


def test_each_stray_end_tag_named_at_its_own_line(tmp_path: Path) -> None:
    note = (
        "---\ntitle: 多处\n---\n\n"  # 1-4
        "<div>\n<div>甲</div>\n</div>\n\n"  # 5-8: nested, correct
        "正文 `</div>` 与 `</article>`。\n\n"  # 9-10: end tags in code spans
        "</div>\n\n"  # 11: stray
        "~~~\n</article>\n~~~\n\n"  # 13-16: in a fence
        "<div>乙</div></div>\n\n"  # 17: correct, then stray
        "</article>\n\n"  # 19: stray
        f"{PROBE} 尾声。\n"
    )
    result = build_site(tmp_path, notes={"many.md": note}, strict=False)
    named = [w.split(": ")[1] + " " + w.split(": ")[2].split(" ")[0] for w in _stray_warnings(result)]
    assert named == ["seeds/many.md:11 </div>", "seeds/many.md:17 </div>", "seeds/many.md:19 </article>"]
    assert _escaped_pages(tmp_path / "site") == []


#: Reads a page down to its quotes (what is inside them parsed, then kept as text), as a browser builds the tree.
_QUOTES = nh3.Cleaner(
    tags={"blockquote"},
    attributes={"blockquote": {"class"}},
    clean_content_tags={"script", "style", "title", "textarea", "template"},
    link_rel=None,
)


def _inside_copy_frame(html: str, text: str) -> bool:
    """Whether ``text`` stands in the page ``html`` inside an embed's frame (``blockquote.zd-transclusion``)."""
    stack: list[bool] = []  # per open quote: is it a copy's frame
    for token in re.split(r"(<[^>]*>)", _QUOTES.clean(html)):
        if token.startswith("</"):
            stack.pop()
        elif token.startswith("<"):
            stack.append("zd-transclusion" in token)
        elif text in token:
            return any(stack)
    return False


def test_embedded_stray_end_tags_stay_in_the_copy_frame(tmp_path: Path) -> None:
    embedded = STRAY.replace("\n</div>\n\n" + PROBE, "\n</div></blockquote></section></div>\n\n" + PROBE)
    host = "---\ntitle: 甲篇\n---\n\n开头。\n\n![[盒子笔记]]\n\nHOSTPROBE 甲篇尾声。\n"
    result = build_site(tmp_path, notes={"盒子笔记.md": embedded, "甲篇.md": host}, strict=False)
    about_copy = [w for w in result.warnings if "seeds/甲篇.md" in w]
    assert len(about_copy) == 1
    assert about_copy[0].startswith("zhudu: seeds/甲篇.md:7: ![[盒子笔记]]: ")
    assert "(</div>, </blockquote>)" in about_copy[0]  # </section> closes nothing around a copy: kept
    hosts = [
        text
        for p in (tmp_path / "site").rglob("index.html")
        if "HOSTPROBE" in (text := p.read_text(encoding="utf-8"))
    ]
    assert len(hosts) == 3  # a page per variant
    for page in hosts:
        assert _inside_copy_frame(page, PROBE), "the copy's text left its frame"
        assert not _inside_copy_frame(page, "HOSTPROBE")
    assert _escaped_pages(tmp_path / "site") == []
