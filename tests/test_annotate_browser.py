"""Glossary tooltips and editor's notes in a real browser (Debian Chromium via Playwright)."""

from __future__ import annotations

from pathlib import Path

NOTE = "notes/ai-bubble-open-source-doge-2025/"
SHOTS = Path("/tmp/zd-annotate-shots")


def _first_term(page):
    term = page.locator(".zd-gloss").first
    term.scroll_into_view_if_needed()
    return term, term.get_attribute("title")


def _active_tooltip(page, text: str) -> None:
    page.wait_for_selector(".zd-gloss-tip:not([hidden])", timeout=5000)
    assert text in page.locator(".zd-gloss-tip").inner_text()


def _no_tooltip(page) -> None:
    page.wait_for_selector(".zd-gloss-tip:not([hidden])", state="detached", timeout=5000)


def test_tooltip_on_hover_and_focus(real_site, page) -> None:
    page.goto(real_site.variant_url("zh-Hans", NOTE))
    term, title = _first_term(page)
    assert title
    term.hover()
    _active_tooltip(page, title)
    # The explanation is the term's accessible description while it is shown (Material's tooltip is not).
    described = term.get_attribute("aria-describedby")
    assert described and title in page.locator(f"#{described}").inner_text()
    assert page.locator(".md-tooltip2").count() == 0
    page.mouse.move(0, 0)
    _no_tooltip(page)
    second = page.locator(".zd-gloss").nth(1)
    explanation = second.get_attribute("title")
    assert explanation
    second.focus()
    _active_tooltip(page, explanation)
    page.keyboard.press("Escape")
    _no_tooltip(page)
    assert not page.zd.console_errors


def test_tooltip_on_tap(real_site, kept_pages) -> None:
    with kept_pages.open(
        viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True, locale="zh-CN"
    ) as page:
        page.goto(real_site.variant_url("zh-Hant-TW", NOTE))
        term, title = _first_term(page)
        term.tap()
        _active_tooltip(page, title or "")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in title or "")


def test_editors_note_opens_and_closes_from_the_keyboard(real_site, page) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(real_site.variant_url("zh-Hans", NOTE))
    marker = page.locator(".zd-anno-marker").first
    note_id = marker.get_attribute("aria-controls")
    note = page.locator(f"#{note_id}")
    assert marker.get_attribute("aria-expanded") == "false" and not note.is_visible()
    marker.focus()
    page.keyboard.press("Enter")
    assert marker.get_attribute("aria-expanded") == "true" and note.is_visible()
    page.keyboard.press("Escape")
    assert marker.get_attribute("aria-expanded") == "false" and not note.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('zd-anno-marker')")
    page.keyboard.press("Space")
    assert marker.get_attribute("aria-expanded") == "true"


def _overlaps(page) -> list[str]:
    return page.evaluate("""() => {
      const out = [];
      const notes = [...document.querySelectorAll('.zd-anno-note')].filter(n => n.offsetParent);
      const blocks = [...document.querySelectorAll(':is([data-zd-passage], [id^="p-"]:where(p, li, blockquote, tr))')];
      for (const n of notes) {
        const a = n.getBoundingClientRect();
        for (const b of blocks) {
          if (b.contains(n)) {
            // Inline expansion: the note may be inside its passage, but not on top of its text lines.
            const r = document.createRange();
            for (const t of [...b.childNodes].filter(c => c.nodeType === 3)) {
              r.selectNodeContents(t);
              for (const box of r.getClientRects()) {
                if (box.left < a.right && a.left < box.right && box.top < a.bottom && a.top < box.bottom)
                  out.push(n.id + ' over text of ' + b.id);
              }
            }
            continue;
          }
          const c = b.getBoundingClientRect();
          if (c.left < a.right && a.left < c.right && c.top < a.bottom && a.top < c.bottom)
            out.push(n.id + ' overlaps ' + b.id);
        }
      }
      return out;
    }""")


def test_nothing_overlaps_the_text_on_a_phone(real_site, page) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(real_site.variant_url("zh-Hans", NOTE))
    markers = page.locator(".zd-anno-marker")
    for i in range(markers.count()):
        markers.nth(i).click()
    assert page.locator(".zd-anno-note:visible").count() == markers.count() >= 12
    assert _overlaps(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.locator(".zd-anno-marker").nth(1).scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "phone-375.png"))


def test_margin_notes_do_not_overlap_paragraphs_on_a_wide_screen(real_site, page) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(real_site.variant_url("zh-Hans", NOTE))
    notes = page.locator(".zd-anno-note")
    # In the margin, or folded under its marker where the margin has no room near it (issue 22, item 2).
    folded = page.locator(".zd-anno--in-place").count()
    shown = sum(notes.nth(i).is_visible() for i in range(notes.count()))
    assert notes.count() >= 12 and shown == notes.count() - folded >= notes.count() // 2
    assert _overlaps(page) == []
    # In the margin at the inline end: right of the text column.
    body = page.locator(".zd-note__body").bounding_box()
    first = notes.first.bounding_box()
    assert first["x"] > body["x"] + body["width"] / 2
    page.locator(".zd-anno-marker").nth(2).scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "wide-1280.png"))


#: Resolves once the page has settled around the element ``id``: three frames running in which no glossary entry
#: was drawn or skipped anew (``contentvisibilityautostatechange``) and neither the scroll, the page's height nor
#: the element's place changed.  Nothing is left to move it then: a frame like the one before decides that the
#: same entries are near the screen, and the glossary has no web fonts and no images but the header's logo, whose
#: size is set.  Under 20× throttling a frame takes 100 ms or more; unheld, the term drifted within the first few.
SETTLED_JS = """
(id) => new Promise((done) => {
  let drawn = 0;
  const count = () => { drawn += 1; };
  document.addEventListener("contentvisibilityautostatechange", count, true);
  let last = null, quiet = 0;
  function frame() {
    const term = document.getElementById(id);
    const now = [scrollY, term ? term.getBoundingClientRect().top : NaN, drawn, document.documentElement.scrollHeight];
    quiet = last && now.every((v, i) => v === last[i]) ? quiet + 1 : 0;
    last = now;
    if (quiet < 3) return requestAnimationFrame(frame);
    document.removeEventListener("contentvisibilityautostatechange", count, true);
    done();
  }
  requestAnimationFrame(frame);
})
"""


def test_glossary_entries_off_screen_wait_and_anchors_still_land(real_site, page) -> None:
    """Entries far below the screen are skipped (content-visibility) until near; anchors land exactly."""
    page.set_viewport_size({"width": 412, "height": 823})
    url = real_site.variant_url("zh-Hant-HK", "glossary/")
    page.goto(url)
    # Two frames drawn: the browser decides which entries are near the screen when it renders, which the load
    # event need not wait for.
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    # An entry's content is skipped (not styled, laid out or painted) while the entry is far off screen.
    rendered = "e => e.firstElementChild.checkVisibility({contentVisibilityAuto: true})"
    entries = page.locator(".zd-gloss-entry")
    assert entries.count() > 20
    assert entries.first.evaluate(rendered)
    assert not entries.nth(-2).evaluate(rendered), "an entry far below the screen was rendered at load"
    assert entries.last.evaluate(rendered), "the last entry is drawn (audits probe its colours)"
    # A link to a term far down the page lands on it, and it stays there while the entries above
    # it are laid out, on a slow phone too: with the hash changed on the page (Material swaps the
    # page in again, with no remembered heights; the CPU slowed twentyfold, as an unheld term needs
    # to end under the header every time), back and forward, and opened afresh (slowed fourfold:
    # unheld, back and forward lands a screen away at any speed; a load at 20x cost 6 s).
    target = entries.nth(-3).evaluate("e => e.previousElementSibling.id")
    where = f"document.getElementById({target!r}).getBoundingClientRect().top"
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    placed = f"() => scrollY > 0 && {header} <= {where} && {where} <= {header + 60}"

    def lands_and_stays() -> None:
        page.wait_for_function(placed, timeout=20000)
        page.evaluate(SETTLED_JS, target)
        assert header <= page.evaluate(where) <= header + 60

    slow = page.context.new_cdp_session(page)
    slow.send("Emulation.setCPUThrottlingRate", {"rate": 20})
    page.goto(f"{url}#{target}")
    lands_and_stays()
    slow.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.go_back()
    page.wait_for_function("() => scrollY === 0 && !location.hash", timeout=20000)
    page.go_forward()
    lands_and_stays()
    page.goto("about:blank")
    page.goto(f"{url}#{target}")
    lands_and_stays()
    slow.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    assert page.locator(f"[id='{target}'] + .zd-gloss-entry").evaluate(rendered)
    # Skipped entries are still in the page: find-in-page and print see them.
    assert entries.nth(-2).inner_text().strip()
    assert not page.zd.console_errors


#: Counts, from the start of the load event, the changes of an editor's-note marker's state or an
#: annotation's class: what laying the margin out again writes.  Registered before annotate.js's own
#: listener (init scripts run first), so it sees what that listener does.
LOAD_WRITES_JS = """
window.__zdLoadWrites = -1;
addEventListener("load", () => {
  window.__zdLoadWrites = 0;
  new MutationObserver((records) => {
    for (const r of records)
      if (r.target.matches(".zd-anno-marker, .zd-anno")) window.__zdLoadWrites += 1;
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ["aria-expanded", "class"]});
});
"""


def _writes_after_load(page) -> int:
    page.wait_for_function("window.__zdLoadWrites >= 0")
    # Two frames: whatever the load event's listeners wrote has been reported by then.
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return int(page.evaluate("window.__zdLoadWrites"))


def _folded(page) -> list[int]:
    """Which editor's notes (by position) are folded under their marker instead of in the margin."""
    return page.evaluate(
        "[...document.querySelectorAll('.zd-anno')].flatMap((a, i) => a.matches('.zd-anno--in-place') ? [i] : [])"
    )


def _folded_when_laid_out_afresh(page) -> list[int]:
    """The folds annotate.js works out from scratch for this window: narrowed and widened back (its resize path)."""
    size = page.viewport_size
    for width in (size["width"] - 40, size["width"]):
        page.set_viewport_size({"width": width, "height": size["height"]})
        page.wait_for_function(f"window.innerWidth === {width}")
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return _folded(page)


def test_margin_is_not_laid_out_again_at_load_when_nothing_moved(real_site, page) -> None:
    # A reload (mkdocs serve after every save) of a note whose images, if any, were in before the
    # margin was laid out: the load event has nothing to redo.
    page.add_init_script(LOAD_WRITES_JS)
    page.goto(real_site.variant_url("zh-Hans", NOTE), wait_until="load")
    assert _writes_after_load(page) == 0
    markers = page.locator(".zd-anno-marker")
    opened = sum(markers.nth(i).get_attribute("aria-expanded") == "true" for i in range(markers.count()))
    assert (
        markers.count() >= 12 and opened == markers.count() - page.locator(".zd-anno--in-place").count() > 0
    )
    assert _overlaps(page) == []
    assert _folded(page) == _folded_when_laid_out_afresh(page)  # skipping it lost nothing
    assert not page.zd.console_errors


#: A tall image (intrinsic size 16 × 1200) put in the middle of the note: until it arrives the markers
#: below it are 1,200 px higher than where they end up.
TALL_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="1200"></svg>'


def test_margin_is_laid_out_again_when_an_image_lands_after_it(real_site, page) -> None:
    page.add_init_script(LOAD_WRITES_JS)
    held = []
    page.route(
        "**/zd-late-image.svg", lambda route: held.append(route)
    )  # answered below, after the margin's first layout
    url = real_site.variant_url("zh-Hans", NOTE)

    def with_image(route) -> None:
        html = route.fetch().text()
        paragraphs = html.split("</p>")
        middle = len(paragraphs) // 2
        paragraphs[middle] = '<img src="zd-late-image.svg" alt="">' + paragraphs[middle]
        route.fulfill(body="</p>".join(paragraphs), content_type="text/html; charset=utf-8")

    page.route(url, with_image)
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_function("document.querySelector('.zd-anno-marker[aria-expanded=\"true\"]')")  # laid out
    assert page.evaluate("document.readyState") != "complete"  # the image holds the load event
    while not held:
        page.wait_for_timeout(10)
    held[0].fulfill(body=TALL_SVG, content_type="image/svg+xml")
    page.wait_for_load_state("load")
    assert _writes_after_load(page) > 0
    image = ".zd-note__body img[src$='/zd-late-image.svg']"  # in the note, as its own images are
    assert page.evaluate(f"document.querySelector({image!r}).naturalHeight") == 1200
    assert _overlaps(page) == []
    assert _folded(page) == _folded_when_laid_out_afresh(page)


def test_a_margin_notes_marker_on_a_wide_screen_shows_and_marks_the_note(real_site, page) -> None:
    # rv22: one click on 注1 hid the note already shown in the margin (a second brought it back).
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(real_site.variant_url("zh-Hans", NOTE))
    margin = page.locator(".zd-anno:not(.zd-anno--in-place):not(.zd-anno--inline) > .zd-anno-marker")
    marker = margin.first
    note = page.locator("#" + (marker.get_attribute("aria-controls") or ""))
    assert marker.get_attribute("aria-expanded") == "true" and note.is_visible()
    for _ in range(2):
        page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")  # the note out of view
        marker.click()
        assert marker.get_attribute("aria-expanded") == "true" and note.is_visible()
        assert "zd-anno-note--marked" in (note.get_attribute("class") or "")
        assert note.evaluate(
            "n => { const r = n.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"
        )
    # Closed with Escape, a click brings it back; another marker takes the mark.
    page.keyboard.press("Escape")
    assert marker.get_attribute("aria-expanded") == "false" and not note.is_visible()
    marker.click()
    assert note.is_visible()
    other = margin.nth(1)
    other.click()
    assert "zd-anno-note--marked" not in (note.get_attribute("class") or "")
    # A note folded in place still opens and closes under its line.
    folded = page.locator(".zd-anno--in-place > .zd-anno-marker").first
    folded.click()
    assert folded.get_attribute("aria-expanded") == "true"
    folded.click()
    assert folded.get_attribute("aria-expanded") == "false"
    assert not page.zd.console_errors


def test_a_search_result_found_in_an_editors_note_opens_the_note_on_a_phone(real_site, page) -> None:
    """GPU on the Simplified site lists p-e290d893, where GPU is only in an editor's note, which a phone folds:
    the note opens, its GPU marked and in sight; a passage holding the word itself leaves its notes closed."""
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(real_site.variant_url("zh-Hans", "notes/technology-devolution-2025/?h=GPU#p-e290d893"))
    # Loaded (goto waits for "load"): zhudu.js has marked the terms and annotate.js laid the notes out.
    page.wait_for_selector("#p-e290d893 mark[data-md-highlight]", state="attached")
    marker = page.locator("#p-e290d893 .zd-anno-marker").first
    assert marker.get_attribute("aria-expanded") == "true"
    assert page.locator("#p-e290d893 .zd-anno-note mark[data-md-highlight]").first.is_visible()
    page.goto(real_site.variant_url("zh-Hans", "notes/technology-devolution-2025/?h=消费级#p-e290d893"))
    page.wait_for_selector("#p-e290d893 mark[data-md-highlight]", state="attached")
    assert page.locator("#p-e290d893 .zd-anno-marker").first.get_attribute("aria-expanded") == "false"
