"""Reader-facing gaps session 34 left (session 35): an unclosed layout block, an image at a share of the column.

Each fails with main's version of the changed module (``notes/verbatim.py`` + ``notes/dialects.py``;
``notes/image_sizes.py`` + ``notes/body.py`` + ``notes/remote_images.py`` + ``zhudu.css``).  Real MkDocs, Material,
OpenCC and Chromium at a phone's width.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_collections_remote_browser import PRIVATE_HOST_ALLOWED, image_bytes, image_host

from conftest import ServedSite, serve_built

VARIANTS = ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"]


# --------------------------------------------------------------------------- a layout block never closed

UNCLOSED = {
    "div": '<div class="box">\n盒子里的文字。',
    "section": "<section>\n一节的文字。",
    "details": "<details>\n<summary>展开</summary>",
    "table": "<table>\n<tr><td>一格",
}


#: Not opening a line (Markdown reads on around it): closed where the note ends.
UNCLOSED_INLINE = {
    "inline-div": ('第一段 <div class="box"> 行内。', "div", 5),
    "table-in-item": ("- 项目\n\n    <table><tr><td>一格", "table", 7),
}
REST = "\n\n## 小节\n\n**粗体**段落。\n\n最后一段 PROBE。\n"


def _unclosed_note(opening: str) -> str:
    return (
        f"---\ntitle: 没关上\n---\n\n第一段。\n\n{opening}\n\n## 小节\n\n**粗体**段落。\n\n最后一段 PROBE。\n"
    )


@pytest.fixture(scope="module")
def unclosed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    notes = {f"{tag}.md": _unclosed_note(opening) for tag, opening in UNCLOSED.items()}
    notes |= {
        f"{name}.md": f"---\ntitle: 没关上\n---\n\n{opening}{REST}"
        for name, (opening, _, _) in UNCLOSED_INLINE.items()
    }
    with serve_built(tmp_path_factory.mktemp("unclosed"), notes=notes, strict=False) as site:
        yield site


def test_an_unclosed_layout_block_is_warned_of_at_its_line(unclosed_site: ServedSite) -> None:
    warnings = unclosed_site.build.warnings
    for tag in UNCLOSED:
        expected = (
            f"zhudu: seeds/{tag}.md:7: <{tag}> is never closed: the rest of the note would have been shown as "
            "HTML, its Markdown as written, and the rest of the page laid out inside it; it ends with its "
            f"paragraph (line 8); write </{tag}> where it ends"
        )
        assert expected in warnings, warnings
    for name, (_, tag, line) in UNCLOSED_INLINE.items():
        expected = (
            f"zhudu: seeds/{name}.md:{line}: <{tag}> is never closed: the rest of the page would have been laid "
            f"out inside it; closed at the note's end; write </{tag}> where it ends"
        )
        assert expected in warnings, warnings
    assert len(warnings) == len(UNCLOSED) + len(UNCLOSED_INLINE), warnings


#: Where the note's end and the page's footer are, as Chromium built the page ("" when right).
PLACED = """(direct) => {
  const body = document.querySelector('.zd-note__body');
  const last = [...body.querySelectorAll('p')].find(p => p.textContent.includes('PROBE'));
  if (!last) return 'no last paragraph';
  if (direct ? last.parentElement !== body : !body.contains(last))
    return `last paragraph inside ${last.parentElement.tagName}`;
  const box = last.getBoundingClientRect();
  if (box.height === 0 || getComputedStyle(last).visibility !== 'visible') return 'last paragraph not shown';
  if (!body.querySelector('h2') || !body.querySelector('p > strong'))
    return 'the Markdown after the block shown as written';
  const footer = document.querySelector('footer.md-footer');
  if (!footer || footer.closest('.zd-note, table, details, section, .box')) return 'the footer inside the note';
  if (footer.getBoundingClientRect().top < box.bottom) return 'the footer above the note\\'s end';
  if (document.documentElement.scrollWidth > window.innerWidth) return 'horizontal scroll';
  return '';
}"""


@pytest.mark.parametrize("variant", VARIANTS)
def test_an_unclosed_layout_block_leaves_the_notes_end_and_the_footer_in_place(
    unclosed_site: ServedSite,
    phone: Any,
    variant: str,
) -> None:
    wrong = {}
    for name in [*UNCLOSED, *UNCLOSED_INLINE]:
        phone.goto(unclosed_site.variant_url(variant, f"notes/{name}/"))
        if problem := phone.evaluate(PLACED, name in UNCLOSED):
            wrong[name] = problem
    assert wrong == {}


# --------------------------------------------------------------------------- an image at a share of the column


@pytest.fixture(scope="module")
def share_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    folder = tmp_path_factory.mktemp("sharehost14")
    (folder / "far.png").write_bytes(image_bytes("PNG", (1600, 800)))
    with image_host(folder) as (base, _asked):
        note = (
            "---\ntitle: 百分比\n---\n\n第一段。\n\n"
            '<img src="assets/wide.png" alt="本地" width=50%>\n\n甲段在图后。\n\n'
            '![本地二](assets/wide.png){ width="30%" }\n\n乙段在图后。\n\n'
            f'<img src="{base}far.png" alt="远程" width="50%">\n\n丙段在图后。\n\n'
            f'![远程二]({base}far.png){{ width="40%" }}\n\n丁段在图后。\n'
        )
        notes: dict[str, str | bytes] = {"share.md": note, "assets/wide.png": image_bytes("PNG", (1600, 400))}
        with serve_built(tmp_path_factory.mktemp("share14"), notes=notes, zhudu=PRIVATE_HOST_ALLOWED) as site:
            yield site


TOPS = """() => Object.fromEntries([...document.querySelectorAll('.zd-note__body p')]
  .filter(p => p.textContent.includes('段在图后') || p.textContent.includes('段在圖後'))
  .map(p => [p.textContent.trim(), p.getBoundingClientRect().top + window.scrollY]))"""


@pytest.mark.parametrize("variant", VARIANTS)
def test_an_image_at_a_share_of_the_column_keeps_its_place_while_it_loads(
    share_site: ServedSite,
    phone: Any,
    variant: str,
) -> None:
    """``width=50%`` (raw or attr_list; a local file or a downloaded one) reserved no box: the text jumped."""
    held: list[Any] = []
    released = False

    def hold(route: Any) -> None:
        if released:
            route.continue_()
        else:
            held.append(route)

    phone.route("**/media/**", hold)
    phone.goto(share_site.variant_url(variant, "notes/share/"), wait_until="domcontentloaded")
    phone.wait_for_function("() => document.querySelectorAll('.zd-note__body img').length === 4")
    pending = phone.evaluate(
        "() => [...document.querySelectorAll('.zd-note__body img')].filter(i => !i.complete).length"
    )
    assert pending == 4  # none has arrived: what is measured is the page before they load
    before = phone.evaluate(TOPS)
    assert len(before) == 4, before
    released = True
    for route in held:
        route.continue_()
    phone.wait_for_function(
        "() => [...document.querySelectorAll('.zd-note__body img')].every(i => i.complete && i.naturalWidth > 0)"
    )
    after = phone.evaluate(TOPS)
    assert {k: round(v) for k, v in after.items()} == {k: round(v) for k, v in before.items()}, (
        before,
        after,
    )
    shares = phone.evaluate(
        """() => { const column = document.querySelector('.zd-note__body').getBoundingClientRect().width;
          return [...document.querySelectorAll('.zd-note__body img')].map(i =>
            Math.round(100 * i.getBoundingClientRect().width / column)); }"""
    )
    assert shares == [50, 30, 50, 40], shares
