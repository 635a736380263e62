"""With the theme's unused files left out and the templates' indentation gone, a reader's page works
the same: search, instant navigation, the palette toggle and the variant switch, and nothing it asks
for is missing (no 404, no console error).  Highlighted code with fewer token spans is painted as
Pygments' own markup is, and external links marked by CSS alone still show their arrow and are
named external, in the variant, for screen readers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

from conftest import ServedSite, serve_built

pytestmark = pytest.mark.browser

NOTE = "notes/ai-bubble-open-source-doge-2025/"


def test_search_navigation_palette_and_variants_work_with_nothing_missing(
    real_site: ServedSite, page: Any
) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    aborted: list[str] = []
    page.on("requestfailed", lambda r: aborted.append(r.url) if r.failure == "net::ERR_ABORTED" else None)
    page.goto(real_site.variant_url("zh-Hans", NOTE))
    page.wait_for_load_state("networkidle")

    # Search: Zhudu's worker answers, in the reader's variant.
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("数据中心")
    page.wait_for_selector("a.md-search-result__link mark")
    assert "数据中心" in page.locator("a.md-search-result__link mark").first.inner_text()
    page.keyboard.press("Escape")

    # Palette: the toggle switches the scheme and Material remembers it.
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=scheme)

    # Instant navigation: the nav's link swaps the page without a reload (the marker survives).
    page.evaluate("window.__zdSamePage = true")
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="关于").first.click()
    page.wait_for_url("**/zh-Hans/about/")
    # The address changes before the page is swapped in: wait for the about page's variant menu.
    page.wait_for_function(
        "[...document.querySelectorAll('a.md-select__link')].every(a => a.href.includes('/about/'))"
    )
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__zdSamePage === true")
    assert page.locator("body").get_attribute("data-md-color-scheme") != scheme  # still the reader's choice
    # "networkidle" was reached before the instant navigation, so it does not wait for the logos of the
    # sidebar it drew: under load the variant switch below aborted one mid-flight (a "failed" request).
    page.wait_for_function(
        "[...document.querySelectorAll('.md-header img, .md-sidebar img')].every(i => i.complete)"
    )

    # The variant switch names this page in the other variant.
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="zh-Hant-HK"]').click()
    # (Before: Material keeps the header on instant navigation, and the menu still named the note.)
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/zh-Hant-HK/about/"))
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "zh-Hant-HK"

    # Nothing missing: a request the variant switch's navigation cut short (the browser's own fetch of
    # the favicon for the page's new #passage URL, under load) is not a missing file.
    assert [url for url in page.zd.failed if url not in aborted] == [], page.zd.failed
    assert page.zd.console_errors == [], page.zd.console_errors
    assert not [p for p in requested if "/assets/javascripts/workers/" in p or "/lunr/" in p]


CODE_NOTE = """---
title: 代码的颜色
date: 2024-01-01
---

```js
// 注释
const total = items.map((x) => x * 2).filter(Boolean); /* 块注释 */
if (total.length > 0) { return new Error("空的"); }
```

```python
@decorator
def parse(path: str, *, strict=True) -> dict:
    \"\"\"说明。\"\"\"
    return {"a": 1.5, 'b': r"\\d+", "c": None}  # 注释
```

```yaml
title: 标题 # 注释
tags: [一, 二]
count: 3
```

```diff
- old line
+ new line
```

行内的 `#!js var n = count + 1;` 也一样。
"""

#: A character's colour in every highlighted code element, in document order (whitespace left out).
CODE_COLOURS = """root => [...root.querySelectorAll('.highlight code, code.highlight')].map(code => {
  const colours = [];
  const walk = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const colour = getComputedStyle(walk.currentNode.parentElement).color;
    for (const ch of walk.currentNode.data) if (ch.trim()) colours.push(ch + ' ' + colour);
  }
  return colours;
})"""


@pytest.fixture(scope="module")
def colours_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """``CODE_NOTE`` built once for both schemes (the tests only read it)."""
    with serve_built(tmp_path_factory.mktemp("colours"), notes={"colours.md": CODE_NOTE}) as site:
        yield site


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_merged_token_classes_paint_code_as_pygments_markup_does(
    colours_site: ServedSite, page: Any, scheme: str
) -> None:
    import markdown

    # Pygments' own markup of the same note, as MkDocs renders it without Zhudu's postprocessor.
    reference = markdown.markdown(
        CODE_NOTE.split("---\n", 2)[2],
        extensions=["pymdownx.superfences", "pymdownx.highlight", "pymdownx.inlinehilite"],
        extension_configs={"pymdownx.highlight": {"use_pygments": True}},
    )
    assert '<span class="kd">' in reference and '<span class="s2">' in reference  # classes Zhudu merges
    site = colours_site
    page.goto(site.variant_url("zh-Hans", "notes/colours/"))
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.wait_for_function("document.getAnimations().length === 0")  # colours' transitions ended
    ours = page.evaluate(CODE_COLOURS, page.locator(".zd-note__body").element_handle())
    # The reference drawn beside it, under the same stylesheet and scheme.
    page.evaluate(
        "html => { const div = document.createElement('div'); div.id = 'zd-reference'; div.innerHTML = html;"
        " document.querySelector('.zd-note__body').after(div); }",
        reference,
    )
    theirs = page.evaluate(CODE_COLOURS, page.locator("#zd-reference").element_handle())
    assert len(ours) == 5 and ours == theirs
    assert len({c.split(" ", 1)[1] for block in ours for c in block}) >= 7  # many colours, not one


LINK_NOTE = """---
title: 外部的链接
date: 2024-01-01
---

读一读[维基百科](https://zh.wikipedia.org/wiki/物联网)，再看[另一篇](other.md)。
"""


def _link_names(page: Any) -> dict[str, str]:
    """Each link's accessible name as Chromium's accessibility tree gives it (what a screen reader reads)."""
    cdp = page.devtools()
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    return {
        n["name"]["value"]: n["role"]["value"]
        for n in nodes
        if n.get("role", {}).get("value") == "link" and n.get("name", {}).get("value")
    }


@pytest.fixture(scope="module")
def links_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """``LINK_NOTE`` and the note it links to, built once for every variant (the tests only read it)."""
    notes = {"links.md": LINK_NOTE, "other.md": "---\ntitle: 另一篇\ndate: 2024-01-02\n---\n\n正文。\n"}
    with serve_built(tmp_path_factory.mktemp("links"), notes=notes) as site:
        yield site


@pytest.mark.parametrize(
    ("variant", "label"),
    [("zh-Hans", "（外部链接）"), ("zh-Hant-TW", "（外部連結）"), ("zh-Hant-HK", "（外部連結）")],
)
def test_external_links_show_an_arrow_and_are_named_external_in_the_variant(
    links_site: ServedSite, page: Any, variant: str, label: str
) -> None:
    site = links_site
    page.goto(site.variant_url(variant, "notes/links/"))
    external = page.locator(".zd-note__body a[rel~=noreferrer]")
    assert external.count() == 1
    assert (
        external.evaluate("a => getComputedStyle(a, '::after').content") == f'"\u2060↗" / "{label}"'
    )  # joined to the link's text
    inner = page.locator(".zd-note__body a", has_text="另一篇")
    assert inner.evaluate("a => getComputedStyle(a, '::after').content") == "none"
    names = _link_names(page)
    # The arrow's alternative text is read in its place, in the variant; the site's own link has none.
    assert [n for n in names if n.endswith(label)] == [n for n in names if "基百科" in n], names
    assert len([n for n in names if "基百科" in n]) == 1 and "↗" not in "".join(names), names


#: Material 9.8.1's palette form and search dialog as its templates write them (partials/palette.html,
#: search.html, whitespace between tags left out), in zh-Hans and zh-Hant-TW: what shell.js draws.
MATERIAL_HEADER = {
    "zh-Hans": (
        "切换到深色模式",
        "切换到浅色模式",
        "查找",
        "搜索",
        "清空当前内容",
        "正在初始化搜索引擎",
        "回到页面顶部",
        "页面加载进度",
    ),
    "zh-Hant-TW": (
        "切換到深色模式",
        "切換到淺色模式",
        "搜尋",
        "搜尋",
        "清除",
        "正在初始化搜尋引擎",
        "回到頂端",
        "頁面載入進度",
    ),
}
SEARCH_BUTTON = (
    '<label class="md-header__button md-icon" for="__search">'
    '<svg class="zd-icon zd-icon--material-magnify" aria-hidden="true"></svg></label>'
)
TOP_BUTTON = (
    '<button type="button" class="md-top md-icon" data-md-component="top" hidden="">'
    '<svg class="zd-icon zd-icon--material-arrow-up" aria-hidden="true"></svg>{6}</button>'
)
PROGRESS_BAR = (
    '<div class="md-progress" data-md-component="progress" role="progressbar" aria-label="{7}"></div>'
)
PALETTE_FORM = (
    '<form class="md-header__option" data-md-component="palette">'
    '<input class="md-option" data-md-color-media="(prefers-color-scheme: light)" data-md-color-scheme="default"'
    ' data-md-color-primary="white" data-md-color-accent="deep-orange" aria-label="{0}" type="radio"'
    ' name="__palette" id="__palette_0">'
    '<label class="md-header__button md-icon" title="{0}" for="__palette_1" hidden="">'
    '<svg class="zd-icon zd-icon--material-weather-night" aria-hidden="true"></svg></label>'
    '<input class="md-option" data-md-color-media="(prefers-color-scheme: dark)" data-md-color-scheme="slate"'
    ' data-md-color-primary="black" data-md-color-accent="deep-orange" aria-label="{1}" type="radio"'
    ' name="__palette" id="__palette_1">'
    '<label class="md-header__button md-icon" title="{1}" for="__palette_0" hidden="">'
    '<svg class="zd-icon zd-icon--material-weather-sunny" aria-hidden="true"></svg></label></form>'
)
SEARCH_DIALOG = (
    '<div class="md-search" data-md-component="search" role="dialog" aria-label="{2}">'
    '<label class="md-search__overlay" for="__search"></label>'
    '<div class="md-search__inner" role="search"><form class="md-search__form" name="search">'
    '<input type="text" class="md-search__input" name="query" aria-label="{3}" placeholder="{3}"'
    ' autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false"'
    ' data-md-component="search-query" required="">'
    '<label class="md-search__icon md-icon" for="__search">'
    '<svg class="zd-icon zd-icon--material-magnify" aria-hidden="true"></svg>'
    '<svg class="zd-icon zd-icon--material-arrow-left" aria-hidden="true"></svg></label>'
    '<nav class="md-search__options" aria-label="{2}">'
    '<button type="reset" class="md-search__icon md-icon" title="{4}" aria-label="{4}" tabindex="-1">'
    '<svg class="zd-icon zd-icon--material-close" aria-hidden="true"></svg></button></nav>'
    '<div class="md-search__suggest" data-md-component="search-suggest"></div></form>'
    '<div class="md-search__output"><div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix="">'
    '<div class="md-search-result" data-md-component="search-result">'
    '<div class="md-search-result__meta">{5}</div>'
    '<ol class="md-search-result__list" role="presentation"></ol></div></div></div></div></div>'
)


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW"])
def test_shell_draws_the_palette_and_search_dialog_materials_templates_write(
    real_site: ServedSite, page: Any, variant: str
) -> None:
    # Material's bundle held back: the header as shell.js leaves it, before Material's scripts touch it.
    page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    page.goto(real_site.variant_url(variant, NOTE))
    page.wait_for_function("document.querySelector('form.md-search__form') !== null")
    drawn = page.evaluate(
        "[...document.querySelectorAll('[data-md-component=palette], .md-header__button[for=__search],"
        " [data-md-component=search], [data-md-component=top], [data-md-component=progress]')]"
        ".map(e => e.outerHTML.replace(/>\\s+</g, '><').replace(/>\\s+/g, '>').replace(/\\s+</g, '<'))"
    )
    strings = MATERIAL_HEADER[variant]
    assert drawn == [
        PALETTE_FORM.format(*strings),
        SEARCH_BUTTON,
        SEARCH_DIALOG.format(*strings),
        TOP_BUTTON.format(*strings),
        PROGRESS_BAR.format(*strings),
    ]
    # The search button right before the dialog, as Material's header writes it; the back-to-top
    # button after Material's container (fixed in the viewport: its place there does not show).
    assert page.evaluate("document.querySelector('.md-top').textContent") == " " + strings[6]
    assert page.evaluate(
        "document.querySelector('.md-header__button[for=__search]').nextElementSibling.matches('.md-search')"
        " && document.querySelector('[data-md-component=container]').nextElementSibling.matches('.md-top')"
        " && document.querySelector('[data-md-component=dialog]').nextElementSibling.matches('.md-progress')"
    )


def test_without_javascript_the_page_reads_the_same_and_offers_no_dead_control(
    real_site: ServedSite, kept_pages: Any
) -> None:
    with kept_pages.open(java_script_enabled=False, viewport={"width": 1280, "height": 900}) as page:
        page.goto(real_site.variant_url("zh-Hans", NOTE))
        assert page.locator("[data-md-component=palette] input").count() == 0
        assert not page.locator(".md-search").is_visible()
        assert not page.locator("label.md-header__button[for=__search]").is_visible()
        snapshot = page.locator("body").aria_snapshot()
        assert 'link "繁體·臺灣"' in snapshot and 'link "术语表"' in snapshot  # variants and nav: links
        assert "这一年，海水与火焰交织" in page.locator("article.zd-note").inner_text()
        assert "radio" not in snapshot and "dialog" not in snapshot


@pytest.mark.parametrize(("variant", "name"), [("zh-Hans", "链接到本节"), ("zh-Hant-TW", "連結到本節")])
def test_heading_permalinks_show_a_hash_and_are_named_in_the_variant(
    real_site: ServedSite, page: Any, variant: str, name: str
) -> None:
    page.goto(real_site.variant_url(variant, NOTE))
    link = page.locator(".zd-note__body h2 a.headerlink").first
    assert link.inner_text() == "" and link.get_attribute("aria-label") is None  # nothing in the page
    drawn = link.evaluate("a => getComputedStyle(a, '::before').content")
    assert drawn.startswith('"#"'), drawn
    heading = page.locator(".zd-note__body h2").first
    assert f'link "{name}"' in heading.aria_snapshot()


def test_heading_permalinks_drawn_by_script_are_toc_s_and_the_toc_links_them_without_script(
    real_site: ServedSite, kept_pages: Any
) -> None:
    """The pages do not write the headings' "#" links (links.label_headerlinks): zhudu.js appends
    each as toc wrote it, on the first page and after instant navigation; without JavaScript the
    table of contents links every heading."""
    html = real_site.build.page(f"zh-Hans/{NOTE}index.html")
    assert "headerlink" not in html
    ids = re.findall(r'<h([2-6]) id="(?!zd-)([^"]+)"', html[html.index('class="zd-note__body"') :])
    assert ids
    drawn = """() => [...document.querySelectorAll('.md-content :is(h1,h2,h3,h4,h5,h6)[id]')].map(h =>
        [h.id, h.lastElementChild && h.lastElementChild.outerHTML, h.querySelectorAll('.headerlink').length])"""
    with kept_pages.open(viewport={"width": 1280, "height": 900}) as page:
        page.goto(real_site.variant_url("zh-Hans", NOTE))
        headings = page.evaluate(drawn)
        mine = [h for h in headings if not h[0].startswith("zd-")]
        assert [h[0] for h in mine] == [i for _, i in ids]
        assert all(h[1] == f'<a class="headerlink" href="#{h[0]}"></a>' and h[2] == 1 for h in mine), mine
        assert all(h[2] == 0 for h in headings if h[0].startswith("zd-"))  # Zhudu's own: none, as before
        page.evaluate("document$.next(document)")  # another emission: still one each
        assert all(h[2] == 1 for h in page.evaluate(drawn) if not h[0].startswith("zd-"))
        # Instant navigation to the about page: its headings get theirs too.
        note_ids = [h[0] for h in mine]
        page.locator(".md-nav--primary a[href$='about/']").first.click()
        page.wait_for_function("location.pathname.endsWith('/about/')")
        # The about page's own headings (the address changes before the page is swapped in).
        page.wait_for_function(
            """ids => { const hs = [...document.querySelectorAll('.md-content :is(h2,h3)[id]:not([id^="zd-"])')];
                return hs.length > 0 && hs.some(h => !ids.includes(h.id))
                    && hs.every(h => h.querySelectorAll('.headerlink').length === 1) }""",
            arg=note_ids,
        )
    with kept_pages.open(java_script_enabled=False) as page:
        page.goto(real_site.variant_url("zh-Hans", NOTE))
        assert page.locator(".headerlink").count() == 0
        toc = page.locator(".md-sidebar--secondary a[href^='#']").evaluate_all("as => as.map(a => a.hash)")
        assert {f"#{quote(i)}" for level, i in ids if level in "23"} <= set(toc)


def test_a_remembered_dark_palette_is_on_the_body_before_materials_bundle_runs(
    real_site: ServedSite, page: Any
) -> None:
    # The inline palette script (partials/javascripts/palette.html, without its automatic-option
    # branch) paints the reader's choice while the page is parsed: Material's bundle held back.
    page.goto(real_site.variant_url("zh-Hans", NOTE))
    page.wait_for_function(
        "document.querySelector('[data-md-component=palette] label:not([hidden])') !== null"
    )
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    page.reload()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert page.locator("body").get_attribute("data-md-color-primary") == "black"
    inline = page.evaluate(
        "[...document.scripts].filter(s => !s.src && s.text.includes('__palette')).map(s => s.text)"
    )
    assert len(inline) == 1 and "matchMedia" not in inline[0]  # the automatic option's branch left out
    # Its names are in a block: no global left behind (Material's script left palette, key, value).
    assert page.evaluate("['palette', 'key', 'value', 'p', 'c', 'k'].filter(n => n in window)") == []


TOC_NOTE = """---
title: 目录的条目
date: 2024-01-01
---

## 第一节

正文。

## 第二节

### 第二节的小节

正文。

## 第三节

正文。
"""

#: What Material's rules for an entry of the table of contents set, on its item and its link.
TOC_STYLE = """([li, a]) => {
  const of = (el, names) => names.map(n => getComputedStyle(el).getPropertyValue(n));
  return [of(li, ['display', 'padding-left', 'padding-right', 'font-size', 'line-height', 'border-top-width']),
          of(a, ['display', 'color', 'margin-top', 'margin-left', 'margin-right', 'overflow', 'text-overflow',
                 'white-space', 'scroll-snap-align'])];
}"""


@pytest.fixture(scope="module")
def toc_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """``TOC_NOTE`` built once for the table of contents' tests (they only read it)."""
    with serve_built(tmp_path_factory.mktemp("toc"), notes={"toc.md": TOC_NOTE}) as site:
        yield site


@pytest.mark.parametrize("width", [1280, 1000])
def test_table_of_contents_items_without_materials_class_look_as_with_it(
    toc_site: ServedSite, page: Any, width: int
) -> None:
    """The sidebar's entries are class-less ``li``: styled as Material's ``md-nav__item``, active too."""
    page.set_viewport_size({"width": width, "height": 800})
    site = toc_site
    page.goto(site.variant_url("zh-Hans", "notes/toc/"))
    page.wait_for_load_state("networkidle")
    toc = page.locator(".md-sidebar--secondary [data-md-component=toc]")
    assert toc.locator("li").count() == 4 and toc.locator("li.md-nav__item").count() == 0
    # Material's markup for the same entries beside them, in the same list; both made active.
    page.evaluate(
        """ul => { for (const li of [...ul.querySelectorAll(':scope > li')]) {
             const copy = li.cloneNode(true); copy.className = 'md-nav__item';
             copy.querySelectorAll('li').forEach(n => n.className = 'md-nav__item');
             ul.append(copy);
           }
           ul.querySelectorAll(':scope > li > a').forEach(a => a.classList.add('md-nav__link--active')); }""",
        toc.element_handle(),
    )
    page.wait_for_function("document.getAnimations().length === 0")  # colours' transitions ended
    pairs = page.evaluate(
        """([ul, style]) => { const f = eval(style); const items = [...ul.querySelectorAll('li')];
             const half = items.length / 2;
             return items.slice(0, half).map((li, i) => [f([li, li.querySelector('a')]),
                                                      f([items[half + i], items[half + i].querySelector('a')])]); }""",
        [toc.element_handle(), TOC_STYLE],
    )
    assert len(pairs) == 4
    for ours, materials in pairs:
        assert ours == materials
    assert pairs[0][0][1][4] != "0px"  # the link's right margin, which only Material's item rule gives


def test_sidebars_plain_lists_get_materials_markup_before_its_bundle_and_after_instant_navigation(
    toc_site: ServedSite, kept_pages: Any
) -> None:
    """partials/nav.html and toc-item.html write plain ``<li><a href>`` items; shell.js's
    <zd-restore> gives them Material's markup back on the first page and inside instant
    navigation's swap, so that Material's table of contents follows the reader; without
    JavaScript they stay plain links that work."""
    site = toc_site
    html = site.build.page("zh-Hans/notes/toc/index.html")
    toc_html = html[html.index('class="md-sidebar md-sidebar--secondary"') :]
    assert 'class="md-nav__link' not in toc_html[: toc_html.index("</nav>")]  # written plain
    assert '<li><a href="../..">' in html and '<zd-restore data-zd-text="目录的条目"></zd-restore>' in html
    markup = """() => ({
        toc: [...document.querySelectorAll('.md-sidebar--secondary [data-md-component=toc] a')].map(a => a.className),
        nav: [...document.querySelectorAll('.md-nav--primary > .md-nav__list > li:not(.zd-nav-toc)')].map(li => li.outerHTML),
        drawer: [...document.querySelectorAll('.zd-nav-toc [data-md-component=toc] li')].map(
          li => li.className + ' ' + li.querySelector('a').className.split(' ').slice(0, 2).join(' ')),
        drawerTitle: document.querySelector('.zd-nav-toc .md-nav--secondary > .md-nav__title').innerHTML,
        drawerItems: document.querySelectorAll('.zd-nav-toc').length,
        markers: document.querySelectorAll('zd-restore').length })"""
    with kept_pages.open(viewport={"width": 1280, "height": 500}) as page:
        page.goto(site.variant_url("zh-Hans", "notes/toc/"))
        first = page.evaluate(markup)
        assert first["toc"] and set(first["toc"]) <= {
            "md-nav__link md-ellipsis",
            "md-nav__link md-ellipsis md-nav__link--active",
            "md-nav__link md-ellipsis md-nav__link--passed",
            "md-nav__link md-ellipsis md-nav__link--passed md-nav__link--active",
        }
        assert first["markers"] == 0
        # The drawer's table of contents (shell.js copies the sidebar's): Material's classes and back arrow too.
        assert first["drawer"] == ["md-nav__item md-nav__link md-ellipsis"] * len(first["toc"])
        assert first["drawerTitle"] == '\n<span class="md-nav__icon md-icon"></span>\n目录\n'
        assert all(
            re.fullmatch(
                r'<li class="md-nav__item"><a href="[^"]+" class="md-nav__link">\n<span class="md-ellipsis">\n[^<]+\n</span>\n</a></li>',
                item,
            )
            for item in first["nav"]
        ), first["nav"]
        # Instant navigation home and back: the note's lists come from the fetched page, plain.
        page.locator(".md-nav--primary a.md-nav__link").first.click()
        # The address changes before the page is swapped in: wait for the home page's variant menu.
        page.wait_for_function(
            "!location.pathname.includes('/notes/') && [...document.querySelectorAll('a.md-select__link')]"
            ".every(a => !a.href.includes('/notes/'))"
        )
        assert page.locator(".zd-nav-toc").count() == 0  # home: no headings, in the nav
        page.locator(".md-content a[href$='notes/toc/']").first.click()
        page.wait_for_function("location.pathname.endsWith('/notes/toc/')")
        # The note swapped in again: its table of contents as long as the first time, Material's markup on it.
        page.wait_for_function(
            "n => document.querySelectorAll('.md-sidebar--secondary [data-md-component=toc] a.md-nav__link')"
            ".length === n && [...document.querySelectorAll('a.md-select__link')].every(a => a.href.includes('/notes/toc/'))",
            arg=len(first["toc"]),
        )
        again = page.evaluate(markup)
        assert [c.split()[:2] for c in again["toc"]] == [c.split()[:2] for c in first["toc"]]
        assert again["nav"] == first["nav"] and again["markers"] == 0
        assert again["drawer"] == first["drawer"] and again["drawerTitle"] == first["drawerTitle"]
        assert first["drawerItems"] == again["drawerItems"] == 1
        # Material's table of contents follows the reader: the last section, once scrolled to.
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_function(
            "[...document.querySelectorAll('.md-sidebar--secondary [data-md-component=toc] a')]"
            ".pop().classList.contains('md-nav__link--active')"
        )
    with kept_pages.open(java_script_enabled=False, viewport={"width": 390, "height": 844}) as page:
        page.goto(site.variant_url("zh-Hans", "notes/toc/"))
        page.locator(".md-header label[for=__drawer]").click()
        link = page.locator(".md-nav--primary > .md-nav__list > li > a").first
        assert link.get_attribute("class") is None and link.is_visible()
        link.click()
        page.wait_for_url("**/zh-Hans/")
