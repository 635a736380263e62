"""The reader-review issue's remaining defects (margin notes, theme panels, print, phone and desktop
layout), each checked in a real browser on the real site's longest note."""

from __future__ import annotations

import re
from typing import Any

import pytest

from conftest import ServedSite

LONGEST = "notes/ai-bubble-open-source-doge-2025/"


def _options(width: int, height: int, **kwargs: Any) -> dict[str, Any]:
    return {"viewport": {"width": width, "height": height}, "locale": "zh-CN", **kwargs}


def _load(page: Any, url: str) -> Any:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_load_state("load")
    page.zd_errors = errors
    return page


# --------------------------------------------------------------------------- 2. margin notes

MARGIN = """() => {
  const lines = parseFloat(getComputedStyle(document.querySelector('.zd-note__body')).lineHeight);
  const related = document.querySelector('.zd-related').getBoundingClientRect();
  const notes = [...document.querySelectorAll('.zd-note__body .zd-anno:not(.zd-anno--inline)')].map(a => {
    const marker = a.querySelector('.zd-anno-marker').getBoundingClientRect();
    const note = a.querySelector('.zd-anno-note');
    const r = note.getBoundingClientRect();
    return {id: note.id, shown: getComputedStyle(note).display !== 'none', floated: getComputedStyle(note).float !== 'none',
            drift: r.top - marker.top, top: r.top, bottom: r.bottom, left: r.left};
  });
  const covered = [...document.querySelectorAll('.zd-related a')].filter(a => {
    const r = a.getBoundingClientRect();
    return [[0.1, 0.5], [0.5, 0.5], [0.9, 0.5]].some(([fx, fy]) => {
      const x = r.left + fx * r.width, y = r.top + fy * r.height;
      return notes.some(n => n.shown && n.floated && y >= n.top && y <= n.bottom && x >= n.left);
    });
  }).map(a => a.textContent);
  return {lines, relatedTop: related.top, notes, covered};
}"""


@pytest.mark.parametrize("width", [1024, 1280, 1440])
def test_desktop_column_holds_36_characters_and_margin_notes_sit_beside_their_markers(
    real_site: ServedSite, kept_pages: Any, width: int
) -> None:
    with kept_pages.open(**_options(width, 900)) as page:
        _load(page, real_site.variant_url("zh-Hans", LONGEST))
        # 12. The desktop measure (``MEASURE``), read on the same load before anything is pressed.
        measure = page.evaluate(MEASURE)
        assert 33 <= measure["chars"] <= 40, measure  # was 22–23 characters (440 px)
        # A contents of one entry ("文章") is left out.
        assert not measure["tocShown"] or measure["entries"] >= 2, measure
        m = page.evaluate(MARGIN)
        in_margin = [n for n in m["notes"] if n["shown"] and n["floated"]]
        assert len(in_margin) >= len(m["notes"]) // 2, m["notes"]  # most notes are still in the margin
        for note in in_margin:
            assert note["drift"] <= 6 * m["lines"] + 1, note  # within six lines of its marker (was 1,100 px)
            assert note["bottom"] <= m["relatedTop"], note  # never over what follows the text
        assert not m["covered"], m["covered"]
        # A note that had no room beside its marker opens under its line when the marker is pressed.
        folded = [n for n in m["notes"] if not n["shown"]]
        assert folded, "the longest note's DOGE section has more notes than its margin holds"
        marker = page.locator(f'[aria-controls="{folded[0]["id"]}"]')
        marker.click()
        note = page.locator(f"#{folded[0]['id']}")
        assert note.is_visible()
        box, mbox = note.bounding_box(), marker.bounding_box()
        assert mbox["y"] < box["y"] < mbox["y"] + 3 * m["lines"], (mbox, box)
        column = page.locator('.zd-note__body > p[id^="p-"]').first.bounding_box()
        assert box["x"] + box["width"] <= column["x"] + column["width"] + 1  # in the text, not the margin
        assert not page.zd_errors, page.zd_errors


# --------------------------------------------------------------------------- 4. theme panels

PANEL = """(button) => {
  const panel = document.getElementById(button.getAttribute('aria-controls'));
  const r = panel.getBoundingClientRect();
  const hidden = [...document.querySelectorAll('.zd-tm__btn')].filter(b => b !== button).filter(b => {
    const q = b.getBoundingClientRect();
    const x = q.left + q.width / 2, y = q.top + q.height / 2;
    if (x < r.left || x > r.right || y < r.top || y > r.bottom || y > innerHeight) return false;
    return !panel.contains(document.elementFromPoint(x, y));
  }).length;
  const names = [...panel.querySelectorAll('.zd-tm__name')].map(n => {
    const q = n.getBoundingClientRect();
    return {text: n.textContent, inside: q.top >= r.top - 0.5 && q.bottom <= r.bottom + 0.5 && q.bottom <= innerHeight};
  });
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const page = rgb(getComputedStyle(document.body).backgroundColor);
  const [br, bg, bb, ba = 1] = rgb(getComputedStyle(panel).borderTopColor);
  const edge = [br, bg, bb].map((v, i) => v * ba + page[i] * (1 - ba));
  const [hi, lo] = [lum(edge), lum(page)].sort((a, b) => b - a);
  return {hidden, names, edgeContrast: (hi + 0.05) / (lo + 0.05)};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), [(1280, 800), (412, 915)], ids=["desktop", "phone"])
def test_open_theme_panel_is_on_top_shows_every_theme_and_has_an_edge(
    real_site: ServedSite, kept_pages: Any, width: int, height: int, scheme: str
) -> None:
    phone = width < 600
    with kept_pages.open(
        **_options(width, height, color_scheme=scheme, has_touch=phone, is_mobile=phone)
    ) as page:
        _load(page, real_site.variant_url("zh-Hans", LONGEST))
        buttons = page.locator(".zd-note__body .zd-tm__btn")
        counts = [
            int(c or 1) for c in buttons.evaluate_all("bs => bs.map(b => b.firstElementChild.dataset.count)")
        ]
        button = buttons.nth(counts.index(max(counts)))
        assert max(counts) >= 4
        page.evaluate(
            "b => window.scrollTo(0, b.getBoundingClientRect().top + scrollY - 140)", button.element_handle()
        )
        if phone:
            button.tap()
        else:
            button.click()
        page.wait_for_function("b => b.getAttribute('aria-expanded') === 'true'", arg=button.element_handle())
        result = page.evaluate(PANEL, button.element_handle())
        assert result["hidden"] == 0, result  # no marker below paints over the open panel
        assert len(result["names"]) == max(counts)
        assert all(n["inside"] for n in result["names"]), result["names"]  # every theme without scrolling
        assert result["edgeContrast"] >= 3, result  # its edge shows, in dark mode too (WCAG 1.4.11)


# --------------------------------------------------------------------------- 7. print

PRINTED = """() => {
  const notes = [...document.querySelectorAll('.zd-note__body .zd-anno-note')].map(n => ({
    number: Number(n.querySelector('.zd-anno-note__num').textContent),
    body: n.querySelector('.zd-anno-note__body').textContent.trim()}));
  const endnotes = [...document.querySelectorAll('.zd-endnotes ol > li')].map(li => ({
    number: li.value, text: li.textContent}));
  const refs = [...document.querySelectorAll('.zd-endnote-ref')].map(r => Number(r.textContent));
  const visible = el => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  const chips = [...document.querySelectorAll('.zd-note-themes a.zd-chip')].map(c => c.firstChild.textContent.trim());
  const printed = document.querySelector('.md-content').innerText;
  const addresses = [...document.querySelectorAll('.md-content a[href]')].filter(visible)
    .map(a => getComputedStyle(a, '::after').content).filter(c => c && c !== 'none' && c.includes('('));
  const markers = [...document.querySelectorAll('.zd-tm, .zd-anno-marker')].filter(visible).length;
  return {notes, endnotes, refs, chips, printed, addresses, markers};
}"""


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant-TW"])
def test_print_has_the_editors_notes_under_their_numbers_and_the_themes_once(
    real_site: ServedSite, page: Any, code: str
) -> None:
    _load(page, real_site.variant_url(code, LONGEST))
    page.emulate_media(media="print")
    page.wait_for_selector(".zd-endnotes li", state="attached")
    p = page.evaluate(PRINTED)
    assert len(p["notes"]) >= 10
    assert len(p["endnotes"]) == len(p["notes"]), len(p["endnotes"])  # was 42: 28 of them theme panels
    # One endnote per editor's note, numbered as on screen (note 6 is endnote 6), referenced in place.
    assert [(e["number"], p["notes"][i]["body"] in e["text"]) for i, e in enumerate(p["endnotes"])] == [
        (n["number"], True) for n in p["notes"]
    ]
    assert p["refs"] == [n["number"] for n in p["notes"]]
    assert p["markers"] == 0  # no theme or note markers on paper
    # The themes once each, as a short list; no panel repeated, no doubled arrows.
    assert p["chips"]
    for name in p["chips"]:
        assert p["printed"].count(name) <= 2, name  # the list, and at most once in the text's own words
    assert "→ →" not in p["printed"] and "这个观点在其他笔记中" not in p["printed"]
    # Every address printed is one a reader can type.
    assert p["addresses"]
    for content in p["addresses"]:
        assert re.search(r"\((https?://)", content), content
    pages = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4")))
    assert pages <= 8, pages  # was 16 pages with 42 endnotes


# --------------------------------------------------------------------------- 11. a phone

LINES = """() => {
  const font = parseFloat(getComputedStyle(document.querySelector('.zd-note__body > p[id^="p-"]')).fontSize);
  const range = document.createRange();
  let short = 0, measured = 0, overlaps = [];
  for (const p of document.querySelectorAll('.zd-note__body p.zd-has-tm')) {
    const box = p.getBoundingClientRect();
    const marker = p.querySelector(':scope > .zd-tm').getBoundingClientRect();
    const lines = new Map();
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n; (n = walker.nextNode());) {
      if (n.parentElement.closest('.zd-tm, .zd-anno-note, .zd-sr-only')) continue;
      for (let i = 0; i < n.length; i++) {
        range.setStart(n, i); range.setEnd(n, i + 1);
        for (const q of range.getClientRects()) {
          if (!q.width || !n.data[i].trim()) continue;
          const key = Math.round(q.bottom / 4);
          lines.set(key, Math.max(lines.get(key) || 0, q.right));
          if (q.left < marker.right && q.right > marker.left && q.top < marker.bottom && q.bottom > marker.top)
            overlaps.push(p.id);
        }
      }
    }
    const rights = [...lines.entries()].sort((a, b) => a[0] - b[0]).map(e => e[1]);
    if (rights.length < 2) continue;
    measured++;
    if (rights[0] < box.right - 1.5 * font) short++;
  }
  const first = [...document.querySelectorAll('.zd-note__body p[id^="p-"]')]
    .filter(p => !p.closest('.zd-wrapper'))[0].getBoundingClientRect();
  return {short, measured, overlaps, firstTextTop: first.top, innerHeight};
}"""


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant-HK"])
def test_phone_markers_leave_whole_lines_and_the_first_screen_has_text(
    real_site: ServedSite, kept_pages: Any, code: str
) -> None:
    with kept_pages.open(**_options(412, 915, has_touch=True, is_mobile=True)) as page:
        _load(page, real_site.variant_url(code, LONGEST))
        r = page.evaluate(LINES)
        assert r["measured"] >= 10
        assert r["short"] <= r["measured"] // 5, r  # a first line runs to the edge (was: almost none)
        assert not r["overlaps"], r["overlaps"]  # the marker covers no text
        assert r["firstTextTop"] < r["innerHeight"] - 60, r  # the text starts on the first screen


# --------------------------------------------------------------------------- 12. desktop measure

#: Checked on the margin test's load at each desktop width (one load for both).
MEASURE = """() => {
  const p = document.querySelector('.zd-note__body > p[id^="p-"]');
  const toc = document.querySelector('.md-sidebar--secondary');
  const entries = toc.querySelectorAll('.md-nav__link').length;
  return {chars: p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize),
          tocShown: getComputedStyle(toc).display !== 'none', entries};
}"""
