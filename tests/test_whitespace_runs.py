"""``compact/whitespace.py``: the kept regions found first, the runs between them shortened without a callback.

The reference is the definition the module had as one pattern (a kept region or a run, scanned left to
right, each run replaced by a callback): the two must give the same text for any input.
"""

from __future__ import annotations

import random
import re

from zhudu.compact.whitespace import compact

_ONE_PATTERN = re.compile(
    r"""
    (?P<kept>
        <(?P<tag> pre | code | kbd | textarea | script | style )\b .*? </(?P=tag)\s*>
      | <[^<>]*\n[^<>]*>
    )
    | (?P<run> [ \t\r\f]*\n[ \t\r\n\f]* )
    """,
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)


def _reference(html: str) -> str:
    return _ONE_PATTERN.sub(lambda m: m.group("kept") or "\n", html)


_PARTS = [
    *"<> \t\n\r\f\"'a中",
    "<pre>",
    "</pre>",
    "<PRE class=x>",
    "<code ",
    "</code>",
    "</code\n>",
    "<script>",
    "</SCRIPT >",
    "<style",
    "</style>",
    "<kbd>",
    "</kbd>",
    "<textarea>",
    "</textarea>",
    "<prefix>",
    "<codex>",
    "</codex>",
    "<p\nclass=x>",
    "\n   \n",
]


def test_compact_equals_its_one_pattern_definition_on_random_markup() -> None:
    rng = random.Random(23)
    for _ in range(30_000):
        html = "".join(rng.choice(_PARTS) for _ in range(rng.randrange(0, 40)))
        assert compact(html) == _reference(html), repr(html)


def test_compact_equals_its_one_pattern_definition_on_an_indented_page() -> None:
    page = (
        "<!doctype html>\n<html>\n  <head>\n    <style>\n  a { }\n    </style>\n  </head>\n  <body>\n"
        '    <div class="md-content"\n         data-md-component="content">\n      <p>一 二</p>\n\n'
        "      <pre><code>  x\n\n    y</code></pre>\n      <script>\n var a = 1;\n </script>\n  </body>\n</html>\n"
    )
    assert compact(page) == _reference(page)
    assert compact(page * 50) == _reference(page * 50)
