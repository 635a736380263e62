"""An embedded note's copy cannot take the embedding note's text, nor give it its own (``notes/copy_frame.py``).

The copy is read by ``md_in_html`` inside its frame, which sees tags in code and reads a ``<style>`` to
its end tag; a ``<style>`` never closed took a note's rest with it; a warning about a copy's HTML named
no line.  Each page is read as a browser builds it (nh3's html5ever): where each marker text stands.
"""

from __future__ import annotations

import re

import nh3

from conftest import build_site

#: A page read down to its note body, copy frames and code, as an HTML5 parser builds the tree.
_FRAMES = nh3.Cleaner(
    tags={"div", "blockquote", "code"},
    attributes={"div": {"class"}, "blockquote": {"class"}},
    clean_content_tags={"script", "style", "title", "textarea", "template"},
    link_rel=None,
)
_VAULT = {".obsidian/app.json": "{}"}


def places(html: str, text: str) -> list[str]:
    """Where ``text`` stands in the page: ``body`` (the note's), ``copy`` (in a frame), ``code``, ``outside``."""
    found: list[str] = []
    stack: list[str] = []
    for token in re.split(r"(<[^>]*>)", _FRAMES.clean(html)):
        if token.startswith("</"):
            stack.pop()
        elif token.startswith("<"):
            stack.append(
                "copy"
                if "zd-transclusion" in token
                else "body"
                if "zd-note__body" in token
                else "code"
                if token.startswith("<code")
                else ""
            )
        elif text in token:
            marks = [m for m in stack if m]
            found.append("/".join(marks) if "body" in marks else "outside")
    return found


def host(embed: str) -> str:
    return f"---\ntitle: 甲篇\n---\n\n甲的开头。\n\n{embed}\n\n甲的后文 ZDHOST。\n\n## 甲的小节\n\n甲的结尾 ZDEND。\n"


def note(body: str) -> str:
    return f"---\ntitle: 乙篇\n---\n\n乙的开头。\n\n{body}\n\n乙的后文 ZDCOPY。\n"


def build(tmp_path, notes):
    result = build_site(tmp_path / "p", notes={**_VAULT, **notes}, strict=False)
    assert result.ok, result.log[-3000:]
    return result


def test_code_in_a_copy_is_code_there_and_never_closes_its_frame(tmp_path):
    body = "`</blockquote>` 和 `</div>` 是结束标签。\n\n    </blockquote>\n    </div>\n\n后面。"
    result = build(tmp_path, {"a.md": host("![[乙篇]]"), "b.md": note(body)})
    for variant in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        page = result.page(f"{variant}/notes/a/index.html")
        assert places(page, "ZDCOPY") == ["body/copy"], variant
        assert places(page, "ZDHOST") == places(page, "ZDEND") == ["body"], variant
        # The code keeps its text: the code spans, and the indented block's two lines (none dropped).
        assert places(page, "&lt;/blockquote&gt;") == ["body/copy/code"] * 2, variant
        assert places(page, "&lt;/div&gt;") == ["body/copy/code"] * 2, variant
        own = result.page(f"{variant}/notes/b/index.html")
        assert page.count("&lt;/blockquote&gt;") == own.count("&lt;/blockquote&gt;") == 2
    assert not [w for w in result.warnings if "a.md" in w], result.warnings


def test_what_a_copy_leaves_open_is_closed_at_its_end(tmp_path):
    # A <blockquote> never closed, and a section cut inside a <style> (the heading is in its CSS).
    quote = note("<blockquote>\n引用的话")
    styled = "---\ntitle: 丙篇\n---\n\n## 甲段\n\n<style>\n## 乙段\n.x{}\n</style>\n\n丙的后文。\n"
    result = build(
        tmp_path,
        {
            "a.md": host("![[乙篇]]"),
            "b.md": quote,
            "d.md": host("![[丙篇#甲段]]").replace("甲篇", "丁篇"),
            "c.md": styled,
        },
    )
    page = result.page("zh-Hans/notes/a/index.html")
    assert places(page, "ZDCOPY") == ["body/copy"]
    assert places(page, "ZDHOST") == places(page, "ZDEND") == ["body"]
    assert any(
        w.startswith("zhudu: seeds/a.md:7: ![[乙篇]]") and "<blockquote>" in w for w in result.warnings
    )
    page = result.page("zh-Hans/notes/d/index.html")
    assert places(page, "ZDHOST") == places(page, "ZDEND") == ["body"]
    assert any(
        w.startswith("zhudu: seeds/d.md:7: ![[丙篇#甲段]]") and "<style>" in w for w in result.warnings
    )


def test_a_style_or_script_never_closed_ends_with_its_paragraph(tmp_path):
    notes = {
        "b.md": note("<style>\n.md-header{display:none}"),
        "c.md": note("<script>\nalert(1)").replace("乙", "丙"),
        "a.md": host("![[乙篇]]"),
    }
    result = build(tmp_path, notes)
    assert places(result.page("zh-Hans/notes/b/index.html"), "ZDCOPY") == ["body"]
    assert places(result.page("zh-Hans/notes/c/index.html"), "ZDCOPY") == ["body"]
    page = result.page("zh-Hans/notes/a/index.html")
    assert places(page, "ZDCOPY") == ["body/copy"]
    assert places(page, "ZDHOST") == places(page, "ZDEND") == ["body"]
    assert "display:none" not in page and "alert(1)" not in result.page("zh-Hans/notes/c/index.html")
    for name, tag in (("b", "style"), ("c", "script")):
        assert f"zhudu: seeds/{name}.md:7: <{tag}> is never closed" in "\n".join(result.warnings)


def test_an_iframe_never_closed_keeps_what_follows(tmp_path):
    result = build(tmp_path, {"b.md": note('<iframe src="https://x.example/">')})
    page = result.page("zh-Hans/notes/b/index.html")
    assert places(page, "ZDCOPY") == ["body"]
    assert "<iframe" not in page and 'href="https://x.example/"' in page


def test_a_warning_about_a_copys_html_names_the_embeds_line(tmp_path):
    # HTML5 alone finds this </div> stray (</li> closed the <div>); the <button> is the copy's too.
    body = "<ul><li><div>x</li></div>\n\n<button>按</button>"
    result = build(tmp_path, {"a.md": host("![[乙篇]]"), "b.md": note(body)})
    host_warnings = [w for w in result.warnings if "a.md" in w]
    assert len(host_warnings) == 2, result.warnings
    assert all(w.startswith("zhudu: seeds/a.md:7: ") for w in host_warnings), host_warnings
    page = result.page("zh-Hans/notes/a/index.html")
    assert places(page, "ZDCOPY") == ["body/copy"]
    assert places(page, "ZDHOST") == ["body"]


def test_warnings_about_two_copies_of_one_note_name_each_embeds_line(tmp_path):
    # An author's serve session: a refused tag in a note embedded twice was reported twice at the
    # first embed's line; the second copy's warning is the second embed's.
    result = build(tmp_path, {"a.md": host("![[乙篇]]\n\n![[乙篇]]"), "b.md": note("<button>按</button>")})
    host_warnings = sorted(w for w in result.warnings if "a.md" in w)
    assert [w[: len("zhudu: seeds/a.md:7: ")] for w in host_warnings] == [
        "zhudu: seeds/a.md:7: ",
        "zhudu: seeds/a.md:9: ",
    ], result.warnings


def test_the_copies_of_one_note_add_a_notes_size_at_most(tmp_path):
    body = "\n\n".join(["开源软件和数据中心的文字。" * 8] * 10)  # 3.1 KB
    embeds = "\n\n".join(["![[乙篇]]"] * 5)  # on lines 7, 9, 11, 13, 15
    result = build_site(
        tmp_path / "p",
        notes={**_VAULT, "a.md": host(embeds), "b.md": note(body)},
        zhudu={"limits": {"note_kib": 8}},
        strict=False,
    )
    assert result.ok, result.log[-3000:]
    page = result.page("zh-Hans/notes/a/index.html")
    assert page.count('<blockquote class="zd-transclusion"') == 2  # 6.4 KB; a third would pass 8 KiB
    assert page.count('<span class="zd-note-embed">') == 3  # the others: labelled links
    over = [w for w in result.warnings if "a.md" in w]
    assert len(over) == 1 and over[0].startswith("zhudu: seeds/a.md:11: ![[乙篇]]") and "8 KiB" in over[0]


def test_an_embed_of_a_note_that_cannot_be_read_says_which_note_that_is(tmp_path):
    # An author's serve session: 乙篇's front matter broken while 甲篇 embeds it by its title. The
    # embed is dead (the note's title is unknown), and the warning said "fix the link, or add the
    # note" only: it now names the notes that cannot be read, whose own warnings say what to fix.
    broken = "---\ntitle: [乙篇\n---\n\n乙的正文。\n"
    result = build(tmp_path, {"a.md": host("![[乙篇]]"), "b.md": broken})
    dead = [w for w in result.warnings if w.startswith("zhudu: seeds/a.md:7: ![[乙篇]]: no note")]
    assert len(dead) == 1, result.warnings
    assert dead[0].endswith(
        "(seeds/b.md cannot be read now: if the link means it, fix the error reported for it first)"
    ), dead
    assert any(w.startswith("zhudu: seeds/b.md:3: invalid YAML front matter") for w in result.warnings)
