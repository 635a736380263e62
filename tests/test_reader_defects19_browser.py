"""Session 42's reader pass (reader11) on the Hexo documentation and the shipped notes, on a phone: what a reader
still saw wrong.

Real MkDocs, Material, OpenCC and Chromium; one small site for the module, a kept page per window (a context of
its own for the test without scripts).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from test_annotations import entry
from test_collections import PNG

from conftest import ServedSite, device_options, serve_built

VARIANTS = ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"]

NOTES = {
    # As the Hexo documentation writes it (docs/writing.md), and as the shipped notes end a quoted sentence.
    "hexo.md": "---\ntitle: 写作\n---\n\n"
    "Hexo 有三种默认布局：`post`、`page` 和 `draft`。 每个布局创建的文件会被保存到不同的路径。\n\n"
    "英伟达股价一天之内蒸发了近6000亿美元，创下了历史记录。但他很快发现，这并不容易。\n\n"
    "他说的是「开源模型」。瞬间，整个华尔街都安静了。\n\n"
    "股价跌到了**历史最低**。没有人想到。\n\n结果见[官方公告](https://example.org/a)，大家都很意外。\n",
    # A configuration table as the Hexo documentation's (docs/configuration.md): a theme's phrase in a row.
    "config.md": "---\ntitle: 配置\n---\n\n| 设置 | 描述 | 默认值 |\n| --- | --- | --- |\n"
    "| `title` | 网站标题 | |\n| `server_ip` | 本地服务器监听的地址，默认是所有地址 | `0.0.0.0` |\n"
    "| `port` | 监听的端口 | `4000` |\n",
    "deploy.md": "---\ntitle: 部署\n---\n\n把生成的网站上传到服务器，就完成了部署。\n",
    # A long table (the Hexo documentation's configuration has 10–20 rows a table): rows with no margin between.
    "rows.md": "---\ntitle: 全部设置\n---\n\n开头的一段。\n\n| 设置 | 描述 |\n| --- | --- |\n"
    + "".join(f"| `key_{i}` | 第 {i} 项设置的说明文字 |\n" for i in range(60)),
    # A Hugo note's figure with a caption, beside its image.
    "room/index.md": '+++\ntitle = "机房"\n+++\n\n{{< figure src="room.png" caption="图 2：从另一侧看过去的机房" >}}\n',
    "room/room.png": PNG,
    # Annotated sentences and then an annotated list, as a note reads a list out after its paragraphs (review16).
    "steps.md": "---\ntitle: 步骤\n---\n\n第一步是安装软件。\n\n第二步是写好配置。\n\n"
    "- 第三步是生成网站。\n- 第四步是部署上线。\n\n" + "上线以后，再看一看网站的每一页。\n\n" * 6,
    # A wide table (12 columns) with an editor's note in a cell, after an annotated paragraph (reader12).
    "wide.md": "---\ntitle: 十二列\n---\n\n这一段讲服务器的端口。\n\n"
    + "| "
    + " | ".join(f"列{i}" for i in range(12))
    + " |\n"
    + "|"
    + " --- |" * 12
    + "\n"
    + "| 本地服务器监听的端口 | "
    + " | ".join(f"值{i}" for i in range(11))
    + " |\n"
    + "| 另一行 | "
    + " | ".join(f"值{i}" for i in range(11))
    + " |\n",
}

ANNOTATIONS = (
    entry("layouts", "Hexo 有三种默认布局", note="hexo")
    + entry("record", "创下了历史记录", note="hexo")
    + entry("quoted", "开源模型", note="hexo")
    + entry("bold", "历史最低", note="hexo")
    + entry("linked", "官方公告", note="hexo")
    + "".join(entry(f"step{i}", f"第{n}步是", note="steps") for i, n in enumerate("一二三四"))
    + entry(
        "port",
        "监听的端口",
        note="config",
        body="端口是网络服务在一台机器上的编号，默认的 4000 可以改成别的数字。",
    )
    + entry("wide-para", "服务器的端口", note="wide")
    + entry("wide-cell", "监听的端口", note="wide", body="很长的说明文字，" * 12)
)

THEMES = "themes:\n  server:\n    name: 服务器\n    description: 服务器的事\n    phrases: [服务器]\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve_built(
        tmp_path_factory.mktemp("defects19"),
        notes=NOTES,
        editorial={"annotations.yml": ANNOTATIONS, "themes.yml": THEMES},
    ) as s:
        yield s


# --------------------------------------------------------------------------- an editor's note opened on a phone

#: After the note opened in place (a box under its line): the first character the text goes on with, and whether
#: it is drawn below the box (so at a line's start).
TEXT_AFTER_NOTE_JS = """id => {
  const note = document.getElementById(id), box = note.getBoundingClientRect();
  const passage = note.closest('p, li, td, th, dd');
  const walk = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    if (note.contains(node) || !(note.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    const at = node.data.search(/\\S/);
    if (at < 0) continue;
    const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + 1);
    return {char: node.data[at], below: range.getBoundingClientRect().top >= box.bottom - 1, open: box.height > 0};
  }
  return null;
}"""

CLOSING = set("，。、；：！？）」』》〉】〕〗”’…")


def test_an_editors_note_opened_on_a_phone_leaves_no_line_starting_with_a_closing_mark(
    site: ServedSite, kept_pages: Any
) -> None:
    """An editor's note opens in place on a phone, a box under the line of its marker.  The marker sat right after
    the quote, before the mark closing it (「默认布局」注1「：」, 「历史记录」注「。」), so the box came between the two and
    the line under it started with 「：」 or 「。」, which no line may (the Hexo documentation's 写作, and 16 of the
    shipped notes' 23 editor's notes).  The marker now follows the closing marks right after its quote, where a
    sentence's note goes in Chinese print."""
    with kept_pages.open(**device_options(390)) as page:
        found = {}
        for code in VARIANTS:
            page.goto(site.variant_url(code, "notes/hexo/"))
            for number in (1, 2, 3, 4, 5):
                page.locator(f"#zd-anno-ref-{number}").tap()
                found[code, number] = page.evaluate(TEXT_AFTER_NOTE_JS, f"zd-anno-{number}")
        for key, after in found.items():
            assert after is not None and after["open"] and after["below"], (key, after)
            assert after["char"] not in CLOSING, (key, after)
        assert found["zh-Hans", 1]["char"] == "p"  # `post`: the marker stops before code
        assert found["zh-Hant-TW", 2]["char"] == "但"
        assert found["zh-Hant-HK", 3]["char"] == "瞬"  # after 」 and 。 both
        assert found["zh-Hans", 4]["char"] == "没"  # after the bold quote's 。
        assert found["zh-Hant-TW", 5]["char"] == "大"  # after the link's ，


# --------------------------------------------------------------------------- a table row's themes on a phone

#: The open panel of the table row's theme marker: its box, the window's width, and the element drawn at the
#: middle of the panel's first and last lines (the panel itself, unless something covers or clips it).
TABLE_PANEL_JS = """() => {
  const panel = document.querySelector('td .zd-tm__panel'), box = panel.getBoundingClientRect();
  const hit = (x, y) => { const e = document.elementFromPoint(x, y); return !!e && panel.contains(e); };
  const lines = [...panel.querySelectorAll('.zd-tm__name, .zd-tm__theme > a:not([class])')];
  const seen = lines.map(l => { const r = l.getBoundingClientRect(); return hit(r.left + 2, r.top + r.height / 2) && hit(r.right - 2, r.top + r.height / 2); });
  return {left: box.left, right: box.right, width: innerWidth, lines: lines.length, seen};
}"""


def test_a_table_rows_theme_panel_on_a_phone_is_whole_on_screen(site: ServedSite, kept_pages: Any) -> None:
    """A table row's theme marker sits at the end of its first cell's text on a phone; its panel hung from the
    marker's right edge, as wide as the column (22rem), inside the table's scroller: it ran off the table's left
    side and was cut there and at the table's bottom (the Hexo documentation's configuration tables: 「…的部署」
    showing as 「更的部署…」).  It now hangs from the note's body, under the marker's line, the column wide."""
    with kept_pages.open(**device_options(390)) as page:
        page.goto(site.variant_url("zh-Hant-TW", "notes/config/"))
        page.locator("td .zd-tm__btn").tap()
        found = page.evaluate(TABLE_PANEL_JS)
        assert found["lines"] >= 2, found  # the theme's name and the other note's passage
        assert found["left"] >= 0 and found["right"] <= found["width"], found
        assert all(found["seen"]), found


def test_a_table_cells_editors_note_opened_on_a_phone_is_the_columns_width(
    site: ServedSite, kept_pages: Any
) -> None:
    """An editor's note on a table row opens in its cell on a narrow screen: in a narrow column that was a few
    characters a line (端口是 / 網絡服 / 務在…).  It now opens under its marker's line as wide as the text's column,
    over the rows below, whole in the window (not cut by the table's scroller)."""
    with kept_pages.open(**device_options(390)) as page:
        page.goto(site.variant_url("zh-Hant-HK", "notes/config/"))
        page.locator("td .zd-anno-marker").tap()
        found = page.evaluate(
            """() => {
              const note = document.querySelector('td .zd-anno-note'), box = note.getBoundingClientRect();
              const column = document.querySelector('.zd-note__body').getBoundingClientRect();
              const marker = document.querySelector('td .zd-anno-marker').getBoundingClientRect();
              const middle = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
              return {left: box.left, right: box.right, top: box.top, width: box.width, column: column.width,
                      below: box.top >= marker.bottom - 1, window: innerWidth, seen: !!middle && note.contains(middle)};
            }"""
        )
        assert found["width"] >= found["column"] - 1, found
        assert (
            found["left"] >= 0 and found["right"] <= found["window"] and found["below"] and found["seen"]
        ), found


def test_a_figures_chinese_caption_is_upright(site: ServedSite, kept_pages: Any) -> None:
    """Material sets a figure's caption in italic; no CJK font has an italic, so the browser slanted the Han of a
    Hugo figure's caption itself (「圖 2：從另一側看過去的機房」 leaning), which Chinese typography never does."""
    with kept_pages.open(**device_options(390)) as page:
        page.goto(site.variant_url("zh-Hant-TW", "notes/room-index/"))
        caption = page.locator(".zd-note__body figcaption")
        assert "從另一側" in caption.inner_text()
        assert caption.evaluate("e => getComputedStyle(e).fontStyle") == "normal"


#: The id of the table's 30th row, and where it is on the screen.
ROW_JS = "() => { const row = document.querySelectorAll('tr[id^=p-]')[30]; return [row.id, row.getBoundingClientRect().top]; }"


@pytest.mark.parametrize("width", [390, 1280])
def test_a_variant_switch_from_a_table_rows_address_keeps_that_row_in_the_address(
    site: ServedSite, kept_pages: Any, width: int
) -> None:
    """A link to a table row (or a list item: a footnote, a passage in a list) opens with the row under the
    header and the row before it ending just above it, still in view by a few pixels (no margin between rows).
    The variant switch took the first passage in view for the reader's place: it kept the page where it was,
    but the address it gave, to be shared or bookmarked, named the row before.  Now the row the address names,
    still where its anchor put it, is the place."""
    with kept_pages.open(**device_options(width)) as page:
        page.goto(site.variant_url("zh-Hans", "notes/rows/"))
        row_id, _ = page.evaluate(ROW_JS)
        # Opened as a shared link is, a new load: a change of the fragment alone just after the load raced
        # Material's instant navigation, which then scrolled to the top (1 in ~15 runs).
        page.goto("about:blank")
        page.goto(site.variant_url("zh-Hans", f"notes/rows/#{row_id}"))
        _, top = page.evaluate(ROW_JS)
        for code in ["zh-Hant-TW", "zh-Hant-HK"]:
            menu = page.locator(".md-select > button")
            menu.tap() if width < 600 else menu.hover()
            # Opened (Material fades and slides it in): a click on a link still moving scrolls the page first.
            page.wait_for_function(
                "getComputedStyle(document.querySelector('.md-select__inner')).opacity === '1'"
            )
            page.locator(f".md-select__list a[lang='{code}']").click()
            page.wait_for_url(f"**/{code}/notes/rows/#{row_id}")
            page.wait_for_load_state("load")
            assert page.evaluate(ROW_JS) == [row_id, pytest.approx(top, abs=2)], code


def test_a_lists_margin_notes_join_the_stack_on_a_wide_screen(site: ServedSite, kept_pages: Any) -> None:
    """On a wide screen an editor's note floats into the margin below the notes before it.  Material makes each list
    its own float context (flow-root), so a list item's note cleared none of the notes of the paragraphs above the
    list: the items' notes were drawn over theirs (notes 1 and 2 hidden under 3 and 4).  They now stack as one."""
    with kept_pages.open(**device_options(1280)) as page:
        page.goto(site.variant_url("zh-Hant-TW", "notes/steps/"))
        boxes = page.evaluate(
            "() => [...document.querySelectorAll('.zd-anno-note')].map(n => "
            "{ const r = n.getBoundingClientRect(); return [r.top, r.bottom, r.left, r.width]; })"
        )
        assert len(boxes) == 4 and all(width > 0 for *_, width in boxes), boxes
        assert len({round(left) for _, _, left, _ in boxes}) == 1, boxes  # all in the margin
        for (_, bottom, _, _), (top, _, _, _) in itertools.pairwise(boxes):
            assert top >= bottom, boxes


#: The table cell's editor's note on the wide table's page, its marker, row and the text's column, and the
#: paragraph's note (outside the table).
WIDE_CELL_JS = """() => {
  const box = e => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top,
                                                                  bottom: r.bottom, width: r.width, height: r.height}; };
  const note = document.querySelector('td .zd-anno-note'), marker = document.querySelector('td .zd-anno-marker');
  const body = document.querySelector('.zd-note__body'), style = getComputedStyle(body);
  const column = body.getBoundingClientRect().width - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
  const n = box(note), middle = document.elementFromPoint(n.left + n.width / 2, n.top + n.height / 2);
  const para = document.querySelector('p .zd-anno-note');
  return {note: n, marker: box(marker), expanded: marker.getAttribute('aria-expanded'), column,
          row: box(note.closest('tr')), seen: !!middle && note.contains(middle), window: innerWidth,
          para: box(para), paraText: box(para.closest('p')), paraExpanded: para.previousElementSibling.getAttribute('aria-expanded')};
}"""


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant-TW"])
def test_a_table_cells_editors_note_on_a_wide_screen_starts_closed_and_opens_the_columns_width(
    site: ServedSite, kept_pages: Any, code: str
) -> None:
    """On a wide screen a table cell's editor's note was drawn open in its cell: in a 12-column table at 1280 px,
    68 px wide and 822 px tall (很長 / 的說 / 明文 …), its row as tall.  It now starts closed on every width, its
    marker showing, and opens as on a phone: the text's column wide, under its marker's line, over the rows below;
    a paragraph's note keeps its place in the margin, open."""
    with kept_pages.open(**device_options(1280)) as page:
        page.goto(site.variant_url(code, "notes/wide/"))
        closed = page.evaluate(WIDE_CELL_JS)
        assert closed["expanded"] == "false" and closed["note"]["height"] == 0, closed
        assert closed["row"]["height"] < 150, closed  # three lines of its first cell
        assert closed["paraExpanded"] == "true" and closed["para"]["left"] >= closed["paraText"]["right"], (
            closed
        )
        marker = page.locator("td .zd-anno-marker")
        marker.focus()
        page.keyboard.press("Enter")  # a button: the keyboard opens it as a click does
        found = page.evaluate(WIDE_CELL_JS)
        assert found["expanded"] == "true", found
        assert found["note"]["width"] >= found["column"] - 1 and found["note"]["right"] <= found["window"], (
            found
        )
        assert found["note"]["top"] >= found["marker"]["bottom"] - 1 and found["seen"], found
        assert found["row"]["height"] == closed["row"]["height"], found  # over the rows, not in its cell
        page.keyboard.press("Escape")
        assert page.evaluate(WIDE_CELL_JS)["expanded"] == "false"


def test_a_table_cells_editors_note_without_scripts_is_a_readable_measure(
    site: ServedSite, kept_pages: Any
) -> None:
    """Without scripts every editor's note is shown where it stands; in a wide table's cell that was a column of
    one or two characters.  It keeps a reading measure there (the table scrolls sideways)."""
    # The options of the other script-less desk pages (test_open_inline_browser, test_size_browser): their kept page.
    with kept_pages.open(java_script_enabled=False, viewport={"width": 1280, "height": 900}) as page:
        page.goto(site.variant_url("zh-Hant-TW", "notes/wide/"))
        note = page.locator("td .zd-anno-note")
        assert "很長的說明文字" in note.inner_text()
        width = note.evaluate("e => e.getBoundingClientRect().width")
        font = note.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert width >= 11 * font, (width, font)
