"""A note page's plain code blocks written without Material's ``<div class="highlight">`` (site size):
which blocks lose it, and the pages left as they are (hooks/zhudu/compact/code_blocks.py)."""

from __future__ import annotations

import pytest

from zhudu.compact import code_blocks

NOTE = '<div class="md-content"><article class="md-content__inner md-typeset"><article class="zd-note">\n'
PLAIN = '<div class="highlight"><pre><code><z-k>var</z-k> a <z-o>=</z-o> 1<z-p>;</z-p> <span class="c">// a</span>\n</code></pre></div>'
BARE = '<pre><code><z-k>var</z-k> a <z-o>=</z-o> 1<z-p>;</z-p> <span class="c">// a</span>\n</code></pre>'
NAMED = '<div class="highlight"><span class="filename">a.js</span><pre><code>b\n</code></pre></div>'
LINES = '<div class="highlight"><pre><code><span class="hll">c\n</span></code></pre></div>'


def _page(*body: str) -> str:
    return NOTE + "<p>a</p>\n" + "\n<p>b</p>\n".join(body) + "\n<p>c</p>\n</article></article></div>"


def test_plain_blocks_between_two_elements_lose_their_div_others_keep_it() -> None:
    page = _page(PLAIN, NAMED, LINES, PLAIN)
    assert code_blocks.unwrap(page) == _page(BARE, NAMED, LINES, BARE)
    # In an admonition, a block that is its last child keeps its div (Material's rule for the last
    # child's margin would meet the <pre>), and so does one after a table (what follows a table is
    # spaced); one after text inside an element keeps it too.
    last = '<div class="admonition note">\n<p class="admonition-title">a</p>\n' + PLAIN + "\n</div>"
    after_table = "<table><tr><td>1</td></tr></table>\n" + PLAIN
    after_text = "<li>text\n" + PLAIN + "\n<p>d</p></li>"
    for kept in (last, after_table, after_text):
        assert code_blocks.unwrap(_page(kept)) is None
    assert code_blocks.unwrap(_page(kept, PLAIN)) == _page(kept, BARE)


@pytest.mark.parametrize(
    "other",
    [
        "<pre><code>the author's own</code></pre>",  # a bare <pre> the script would wrap
        "<PRE >x</PRE>",
        '<div class="highlight extra"><p>x</p></div>',  # a div naming highlight, not a block's
        '<div class="highlight"><pre><code>a<div>b</div></code></pre></div>',
        "<template><p>x</p></template>",  # text a browser does not parse as the page's elements
        "<textarea>" + PLAIN + "</textarea>",
        "<!-- x -->",
        '<div class="grid cards"><p>x</p></div>',  # Material styles a block by these too
        '<div class="result"><p>x</p></div>',
    ],
)
def test_a_page_holding_anything_else_the_script_could_take_for_a_block_is_left_as_it_is(other: str) -> None:
    assert code_blocks.unwrap(_page(PLAIN, other)) is None


def test_only_note_pages_with_shell_js_marker_are_changed() -> None:
    assert code_blocks.unwrap(_page(PLAIN).replace('<article class="zd-note">', "<article>")) is None
    assert code_blocks.unwrap(_page(NAMED)) is None  # nothing to unwrap
    before = '<div class="md-main__inner md-grid"><zd-restore></zd-restore>'
    assert code_blocks.unwrap_in_page(before, _page(PLAIN)) == (
        '<div class="md-main__inner md-grid"><zd-restore data-highlight></zd-restore>',
        _page(BARE),
    )
    assert code_blocks.unwrap_in_page("<div>", _page(PLAIN)) == ("<div>", _page(PLAIN))
    assert code_blocks.unwrap_in_page(before, _page(NAMED)) == (before, _page(NAMED))
