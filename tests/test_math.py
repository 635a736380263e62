r"""Math typeset at build time (hooks/zhudu/notes/mathml.py, formulas.py): MathML from a note's TeX.

The converter is latex2mathml, real; its output is kept to an allow-list because the TeX is the
note's: ``\href``, ``\style``, ``\class`` and ``\color{url(…)}`` make no link, style or request.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest

from conftest import build_site
from zhudu import cache
from zhudu.notes import mathml
from zhudu.notes.mathml import ELEMENTS, MathError, typeset
from zhudu.search.extract import extract_page

# --------------------------------------------------------------------------- the converter


def _tree(out: str) -> etree.Element:
    return etree.fromstring(out)  # what typeset writes is well-formed XML as well as HTML


def _allowed(out: str) -> None:
    """Every element and attribute of ``out`` is on the allow-list, every value a plain one."""
    common = {"mathvariant", "displaystyle", "scriptlevel", "mathsize", "mathcolor", "dir"}
    root = _tree(out)
    assert root.tag == "math" and set(root.attrib) <= {"display", "alttext"}
    for el in list(root.iter())[1:]:
        assert el.tag in ELEMENTS, el.tag
        for name, value in el.attrib.items():
            assert name in ELEMENTS[el.tag] | common, (el.tag, name)
            assert re.fullmatch(r"[A-Za-z0-9 .%#+/-]*", value), (el.tag, name, value)


def test_inline_formula_is_inline_math_with_its_tex_as_alttext() -> None:
    out, refused = typeset("E=mc^2", block=False)
    assert out == (
        '<math alttext="E=mc^2"><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow></math>'
    )
    assert refused == []
    _allowed(out)


def test_display_formula_is_block_math_and_symbols_are_characters() -> None:
    out, _ = typeset(r"\int_0^1 x^2 \, dx = \frac{1}{3}", block=True)
    assert out.startswith('<math display="block" alttext="\\int_0^1 x^2 \\, dx = \\frac{1}{3}"><mrow>')
    assert "<mo>∫</mo>" in out and "&#x" not in out  # latex2mathml's references, decoded
    assert "<mfrac><mrow><mn>1</mn></mrow><mrow><mn>3</mn></mrow></mfrac>" in out
    _allowed(out)


def test_matrix_is_a_table() -> None:
    out, _ = typeset(r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}", block=True)
    table = _tree(out).find(".//mtable")
    assert table is not None and len(table) == 2 and all(len(row) == 2 for row in table)
    assert "<mo>(</mo><mtable>" in out and "</mtable><mo>)</mo>" in out
    assert r'alttext="\begin{pmatrix} a &amp; b \\ c &amp; d \end{pmatrix}"' in out  # escaped


def test_chinese_text_is_text() -> None:
    out, _ = typeset(r"\text{速度}=\frac{\text{路程}}{\text{时间}}", block=False)
    assert "<mtext>速度</mtext>" in out and "<mtext>时间</mtext>" in out


def test_text_is_escaped_and_never_markup() -> None:
    out, _ = typeset(r'\text{<script>alert(1)</script> &amp;} x<y \text{"}', block=False)
    assert (
        "<script" not in out
        and 'alttext="\\text{&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;} x&lt;y \\text{&quot;}"' in out
    )
    assert "<mtext>&lt;script&gt;alert(1)&lt;/script&gt;\xa0&amp;amp;</mtext>" in out
    assert "<mo>&lt;</mo>" in out
    _allowed(out)


@pytest.mark.parametrize(
    ("tex", "command"),
    [
        (r"\href{javascript:alert(1)}{x}", r"\href"),
        (r"\href{https://example.com/}{x}", r"\href"),
        (r"\style{background:url(https://example.com/a.png)}{x}", r"\style"),
        (r"\class{md-header}{x}", r"\class"),
        (r"\color{url(https://example.com/a)}{x}", r"\color"),
    ],
)
def test_links_styles_classes_and_urls_from_the_tex_are_not_written(tex: str, command: str) -> None:
    out, refused = typeset(tex, block=False)
    assert refused == [command]
    mathml_only = out.split(">", 1)[1]  # after <math alttext="the TeX">
    assert out.startswith(f'<math alttext="{tex}">')
    for word in ("href=", "style=", "class=", "url(", "javascript", "example.com"):
        assert word not in mathml_only, word
    assert "<mi>x</mi>" in mathml_only  # the formula itself is typeset
    _allowed(out)


def test_a_plain_colour_is_kept() -> None:
    out, refused = typeset(r"\color{red}{x} + \color{#00ff00}{y}", block=False)
    assert refused == [] and 'mathcolor="red"' in out and 'mathcolor="#00ff00"' in out


@pytest.mark.parametrize(
    ("tex", "why"),
    [
        (r"\url{https://example.com/}", r"unknown command \url"),
        (r"\foo x", r"unknown command \foo"),
        (r"\frac{1}", "an argument is missing"),
        (r"\left( x", "extra left or missing right"),
        ("x^1^2", "double superscripts"),
        ("{" * 2000 + "x" + "}" * 1999, "nested too deeply"),
        ("x+" * 2001, "longer than 4,000 characters"),
    ],
)
def test_what_cannot_be_typeset_raises_with_the_reason(tex: str, why: str) -> None:
    with pytest.raises(MathError, match=re.escape(why)):
        typeset(tex, block=False)


def test_a_formula_whose_mathml_passes_the_limit_is_not_typeset(monkeypatch: pytest.MonkeyPatch) -> None:
    out, _ = typeset(r"\xrightarrow{abc}", block=False)
    monkeypatch.setattr(mathml, "MAX_MATHML_CHARS", len(out) - 1)
    with pytest.raises(MathError, match="its MathML would pass"):
        typeset(r"\xrightarrow{abc}", block=False)


def test_an_upgrade_of_the_converter_renders_notes_again() -> None:
    assert "latex2mathml" in cache.RENDERING_PACKAGES  # its version is in every render's key


# --------------------------------------------------------------------------- a built site

NOTE = (
    "---\ntitle: 数学笔记\ncreated: 2025-05-16\n---\n"  # lines 1-4
    "质能关系写作 $E=mc^2$，软件里的 $\\text{质量}$ 也一样。\n"  # 5
    "\n"
    "$$\n"  # 7
    "\\int_0^1 x^2 \\, dx = \\frac{1}{3}\n"
    "$$\n"
    "\n"
    "矩阵（\\(\\begin{pmatrix}a&b\\\\c&d\\end{pmatrix}\\)）和\n"  # 11
    "\n"
    "\\[a<b\\]\n"  # 13
    "\n"
    "## 质能 $E=mc^2$ 关系\n"  # 15
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    result = build_site(tmp_path_factory.mktemp("math"), notes={"m.md": NOTE})
    assert result.ok, result.log  # strict: a typeset formula warns about nothing
    return result


def _body(html: str) -> str:
    start = html.index('<div class="zd-note__body">')
    return html[start : html.index("</article>", start)]


def test_a_note_page_shows_mathml_inline_and_display(site) -> None:
    body = _body(site.page("zh-Hans/notes/m/index.html"))
    # In the line, without a wrapper, or with the "，" after it (the "（" before it) in a span that
    # does not break: a Chinese line starts with no "，" (nor ends with "（").
    assert '质能关系写作 <span class="zd-nobr"><math alttext="E=mc^2"><mrow><mi>E</mi>' in body
    assert (
        '</math>，</span>软件里的 <math alttext="\\text{质量}"><mrow><mtext>质量</mtext></mrow></math> 也一样'
        in body
    )
    assert (
        '矩阵<span class="zd-nobr">（<math alttext="\\begin{pmatrix}' in body
        and "</math>）</span>和</p>" in body
    )
    assert '<div class="zd-formula"><math display="block" alttext="\\int_0^1' in body
    assert body.count("<math") == 6 and body.count('display="block"') == 2  # $$…$$ and \[…\]
    assert "<mtable>" in body and "<mo>&lt;</mo>" in body
    assert "zd-math__label" not in body and "TeX 源码" not in body and "arithmatex" not in body
    html = site.page("zh-Hans/notes/m/index.html").lower()
    assert "mathjax" not in html and "katex" not in html


def test_math_text_is_converted_in_each_variant_and_the_tex_is_not(site) -> None:
    tw = _body(site.page("zh-Hant-TW/notes/m/index.html"))
    assert r'<math alttext="\text{质量}"><mrow><mtext>品質</mtext></mrow></math>' in tw  # s2twp's phrase
    assert '質能關係寫作 <span class="zd-nobr"><math alttext="E=mc^2">' in tw


def test_search_headings_and_the_table_of_contents_read_the_formula_not_its_tex(site) -> None:
    page = site.page("zh-Hans/notes/m/index.html")
    text = extract_page(page, "notes/m/").passages[0].text
    assert text == "质能关系写作 E=mc2，软件里的 质量 也一样。"
    assert '<h2 id="质能-emc2-关系">质能 <math alttext="E=mc^2">' in page
    assert '<a href="#质能-emc2-关系">质能 E=mc2 关系</a>' in page


def test_a_formula_that_cannot_be_typeset_is_its_labelled_source_with_one_warning(tmp_path: Path) -> None:
    note = (
        NOTE
        + "\n坏的公式 $\\foo{x}$ 和 $\\href{https://example.com/}{y}$。\n\n$$\n\\frac{2}{3}\n\\left( x\n$$\n"
    )  # 17, 19-21
    result = build_site(tmp_path, notes={"m.md": note}, strict=False)
    assert result.ok, result.log
    warnings = [line for line in result.log.splitlines() if line.startswith("WARNING")]
    assert warnings == [
        r"WARNING zhudu: seeds/m.md:17: formula '\foo{x}': unknown command \foo: shown as its TeX source; correct the formula, or shorten it",
        r"WARNING zhudu: seeds/m.md:17: formula '\href{https://example.com/}{y}': \href not published (a link, style or class from a note): typeset without",
        r"WARNING zhudu: seeds/m.md:20: formula '\frac{2}{3} \left( x': extra left or missing right: shown as its TeX source; correct the formula, or shorten it",
    ]
    body = _body(result.page("zh-Hans/notes/m/index.html"))
    assert (
        '<span class="arithmatex zd-math zd-math--inline"><span class="zd-math__label">公式</span> '
        r'<code class="zd-math__tex">\foo{x}</code></span>' in body
    )
    assert '<span class="zd-math__label">数学公式（TeX 源码，未排版）</span>' in body
    assert 'href="https://example.com/"' not in body and "<mi>y</mi>" in body
    assert body.count("<math") == 7
    strict = build_site(tmp_path / "strict", notes={"m.md": note})
    assert not strict.ok  # --strict fails on them


def test_the_authors_own_mathml_stays_removed_while_the_builds_passes(tmp_path: Path) -> None:
    note = NOTE + '\n<math><mi href="https://example.com/">z</mi></math>\n'
    result = build_site(tmp_path, notes={"m.md": note}, strict=False)
    assert result.ok, result.log
    assert "seeds/m.md:17: <math> is not allowed in a note: removed" in result.log
    body = _body(result.page("zh-Hans/notes/m/index.html"))
    assert body.count("<math") == 6 and "example.com" not in body and "<mi>z</mi>" not in body
