"""The paragraph after a sloppy one is upright, plain and no link, in a reader's browser (real Chromium).

``这是<em>强调的开头`` with no ``</em>``: Chromium opened the ``<em>`` again in every paragraph after it (the
HTML parser's active formatting elements), so the rest of the note was italic; a ``<b>`` bold, an
``<a href>`` one link, a ``<code>`` monospace.  In a paragraph, a list item, a heading, a box and a
footnote.  Fails with main's ``notes/safety.py`` (``notes/open_inline.py`` closes each where its
paragraph ends).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import ServedSite, serve_built

TAGS = {
    "em": "<em>",
    "i": "<i>",
    "b": "<b>",
    "strong": "<strong>",
    "u": "<u>",
    "s": "<s>",
    "small": "<small>",
    "code": "<code>",
    "a": '<a href="https://example.org/">',
}
#: Where the tag is left open; the note then says PLAIN in a paragraph after it (in a footnote after it).
PLACES = {
    "para": "这是{tag}开头的一段。\n\n{plain}",
    "item": "- 项目{tag}开头\n- 第二项\n\n{plain}",
    "heading": "## 标题{tag}开头\n\n{plain}",
    "box": '!!! note "注"\n\n    框里{tag}开头\n\n{plain}',
    "footnote": "正文[^1][^2]。\n\n[^1]: 脚注{tag}开头\n[^2]: {plain}",
}
PLAIN = "PLAIN 普通的文字"

#: What Chromium made of the text after the sloppy paragraph ("" when it is plain running text).
STYLE_OF_PLAIN = """(plain) => {
  const body = document.querySelector('.zd-note__body');
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.includes(plain)) continue;
    const el = node.parentElement, style = getComputedStyle(el);
    const wrong = [];
    if (el.tagName !== 'P') wrong.push(`inside <${el.tagName.toLowerCase()}>`);
    if (style.fontStyle !== 'normal') wrong.push(style.fontStyle);
    if (Number(style.fontWeight) > 400) wrong.push(`weight ${style.fontWeight}`);
    if (style.textDecorationLine !== 'none') wrong.push(style.textDecorationLine);
    if (el.closest('a, code')) wrong.push('in a link or code');
    if (style.fontFamily !== getComputedStyle(body).fontFamily) wrong.push(style.fontFamily);
    return wrong.join(', ');
  }
  return 'not on the page';
}"""


@pytest.fixture(scope="module")
def sloppy_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    notes = {
        f"{place}-{name}.md": f"---\ntitle: 没关上\n---\n\n{body.format(tag=tag, plain=PLAIN)}\n"
        for name, tag in TAGS.items()
        for place, body in PLACES.items()
    }
    with serve_built(tmp_path_factory.mktemp("sloppy"), notes=notes, strict=False) as site:
        yield site


@pytest.mark.browser
@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_the_paragraph_after_an_unclosed_inline_tag_is_upright_and_no_link(
    sloppy_site: ServedSite, kept_pages: Any, variant: str
) -> None:
    """What Chromium's HTML parser and the site's styles make of each note; the page's scripts are off (135
    loads: Material's bundle was most of their cost, and no script of the site reopens a tag)."""
    wrong = {}
    with kept_pages.open(java_script_enabled=False, viewport={"width": 1280, "height": 900}) as page:
        for name in TAGS:
            for place in PLACES:
                page.goto(sloppy_site.variant_url(variant, f"notes/{place}-{name}/"))
                if problem := page.evaluate(STYLE_OF_PLAIN, PLAIN):
                    wrong[f"{place}-{name}"] = problem
    assert wrong == {}
