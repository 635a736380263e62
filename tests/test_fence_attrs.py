"""A fenced code block's attribute list is the note's too (``hooks/zhudu/notes/fence_attrs.py``).

pymdownx.superfences writes a fence's id, classes and ``data-*`` attributes into the block's
``<div>`` unescaped, and stashes the block where the note's HTML sanitiser never looks: a ``"`` in
a value wrote live markup, ``#__config`` took the theme's configuration.  Real builds.
"""

from __future__ import annotations

from html.parser import HTMLParser

from sitescan import scan_site

NOTE = """\
---
title: 代码块属性
---

```{.python #install data-copy="pip install x" linenums="1" title="安装 a<b"}
print(1)
```

```{.python data-x='"><img src=x onerror=alert(1)>' .a"><b}
print(2)
```

> ```{.json #__config data-md-component="content" onclick="alert(1)"}
> {"base": "https://evil.example/"}
> ```
"""


class _Wrappers(HTMLParser):
    """The attributes of every code block's wrapper (``div.highlight``) and every ``img``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict[str, str | None]] = []
        self.images = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "div" and "highlight" in (values.get("class") or "").split():
            self.blocks.append(values)
        self.images += tag == "img"


def test_fence_attributes_are_written_as_text_and_the_themes_own_are_refused(site_builder):
    result = site_builder(notes={"fence.md": NOTE}, strict=False)
    assert result.ok, result.log
    for code in ("zh-Hans", "zh-Hant-TW"):
        page = result.page(f"{code}/notes/fence/index.html")
        body = page[page.index('<div class="zd-note__body">') : page.index("</article>")]
        wrappers = _Wrappers()
        wrappers.feed(body)
        first, second, third = wrappers.blocks
        # An ordinary list is kept as it was written.
        assert first["id"] == "install" and first["data-copy"] == "pip install x", first
        # What the author wrote stays, as the attribute's value: no element is made of it.
        assert second["data-x"] == '"><img src=x onerror=alert(1)>', second
        assert 'a"><b' in second["class"].split(), second
        assert wrappers.images == 0, body
        # The theme's own id and data-md-*, and a handler, are removed, with a warning at the fence's line.
        assert "id" not in third and "data-md-component" not in third and "onclick" not in third, third
    assert scan_site(result.site_dir)[1] == []
    said = [w for w in result.warnings if "fence.md:13:" in w]
    assert len(said) == 3 and any("#__config" in w for w in said), result.warnings
