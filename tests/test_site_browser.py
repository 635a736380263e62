"""What a reader sees, in Debian's Chromium: the home page, each note, and switching variants."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from variant_menu import click_variant_link

from conftest import PASSAGE

pytestmark = pytest.mark.browser

NOTES = {
    "technology-devolution-2025": "技术下放：2025年，权力涌向每个人",
    "ai-bubble-open-source-doge-2025": "2025启示录：AI泡沫、中美暗战与马斯克的权力游戏",
    "socialist-technology-and-production": "社会主义的技术、工业体系和生产关系发展方向",
}
ALL_HOSTS: set[str] = set()


def own_host(real_site) -> str:
    return urlsplit(real_site.url).netloc


def test_home_page_lists_the_notes(real_site, page):
    page.goto(real_site.variant_url("zh-Hans"))
    page.wait_for_load_state("networkidle")
    titles = page.locator(".zd-card__title").all_inner_texts()
    assert titles == [
        NOTES["ai-bubble-open-source-doge-2025"],
        NOTES["technology-devolution-2025"],
        NOTES["socialist-technology-and-production"],
    ]
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.zd.console_errors == []
    assert page.zd.hosts == {own_host(real_site)}
    ALL_HOSTS.update(page.zd.hosts)


@pytest.mark.parametrize("slug", list(NOTES))
@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_each_note_shows_its_normalised_header(real_site, page, slug, code):
    page.goto(real_site.variant_url(code, f"notes/{slug}/"))
    page.wait_for_load_state("networkidle")
    header = page.locator(".zd-note__header")
    assert header.locator("h1").is_visible()
    if code == "zh-Hans":
        assert header.locator("h1").inner_text() == NOTES[slug]
    assert header.locator("time").first.is_visible()
    assert header.locator(".zd-tag").count() >= 5
    assert page.locator("html").get_attribute("lang") == code
    assert page.zd.console_errors == [], page.zd.console_errors
    assert [u for u in page.zd.failed if "favicon" not in u] == []
    assert page.zd.hosts == {own_host(real_site)}, page.zd.hosts
    ALL_HOSTS.update(page.zd.hosts)


def test_thread_replies_are_attributed_to_their_authors(real_site, page):
    page.goto(real_site.variant_url("zh-Hans", "notes/technology-devolution-2025/"))
    replies = page.locator(".zd-post--reply .zd-post__name").all_inner_texts()
    assert replies == ["Susan STEM", "I Solved AGI - Jayan Prasad"]
    assert page.locator(".zd-post--main .zd-post__handle").inner_text().startswith("@ahamoment2100")


def test_generator_wrappers_are_set_apart_and_labelled(real_site, page):
    page.goto(real_site.variant_url("zh-Hans", "notes/ai-bubble-open-source-doge-2025/"))
    preamble = page.locator(".zd-wrapper--preamble")
    assert "生成工具的前言" in preamble.inner_text() and "Okay, I will process" in preamble.inner_text()
    tail = page.locator("details.zd-wrapper--tail")
    assert tail.locator("summary").is_visible()
    tail.locator("summary").click()
    assert "毒舌评论" in tail.inner_text()


def test_missing_image_placeholder_is_visible_and_accessible(real_site, page):
    # The reader reads the image's alt text in the page's variant; the author's path (untouched Simplified, a
    # folder and a suffix) is the build's warning's, not the page's.
    said = "圖片缺失：2023-03-23-社會主義的技術、工業體系和生產關係發展方向"
    for code in ("zh-Hant-TW", "zh-Hant-HK"):
        page.goto(real_site.variant_url(code, "notes/socialist-technology-and-production/"))
        placeholder = page.get_by_role("img", name=said, exact=True)
        assert placeholder.count() == 1 and placeholder.is_visible()
        assert placeholder.inner_text().strip() == said
        assert "assets/" not in page.locator("article.zd-note").inner_text()
        # The build's stand-in is no passage of the author's: no theme marks it (its alt names 生产关系).
        paragraph = placeholder.locator("xpath=..")
        assert paragraph.get_attribute("class") is None and paragraph.get_attribute("id") is None


def _switch(page, code: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    click_variant_link(page, code)
    page.wait_for_url(f"**/{code}/**")
    page.wait_for_load_state("networkidle")


#: True when the element with the given id starts within 200 px below the top of the screen.
_PASSAGE_UNDER_HEADER = """id => {
  const top = document.getElementById(id).getBoundingClientRect().top;
  return top >= 0 && top < 200;
}"""


def test_switching_variant_keeps_page_and_place_and_is_remembered(real_site, page):
    slug = "ai-bubble-open-source-doge-2025"
    page.goto(real_site.variant_url("zh-Hans", f"notes/{slug}/"))
    page.wait_for_load_state("networkidle")
    # Scroll to a passage in the middle of the note.
    target = page.locator(PASSAGE).nth(20)
    anchor = target.get_attribute("id")
    target.evaluate(
        "el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY"
        " - document.querySelector('.md-header').getBoundingClientRect().bottom - 2)"
    )
    # Wait for the scroll to land (not for a fixed time: a loaded machine takes longer).
    page.wait_for_function(_PASSAGE_UNDER_HEADER, arg=anchor)
    _switch(page, "zh-Hant-TW")
    assert urlsplit(page.url).path.endswith(f"/zh-Hant-TW/notes/{slug}/")
    assert urlsplit(page.url).fragment == anchor
    # The same passage is at the top of the screen (once the browser has scrolled to the anchor).
    page.wait_for_function(_PASSAGE_UNDER_HEADER, arg=anchor)
    assert page.locator("html").get_attribute("lang") == "zh-Hant-TW"
    # Remembered: the site root now sends this reader to Taiwan Traditional.
    page.goto(real_site.url)
    page.wait_for_url("**/zh-Hant-TW/**")
    # … and the other way.
    _switch(page, "zh-Hans")
    page.goto(real_site.url + f"notes/{slug}/")
    page.wait_for_url(f"**/zh-Hans/notes/{slug}/")
    assert page.zd.console_errors == []


def test_first_visit_with_traditional_preference_gets_an_offer_not_a_redirect(real_site, browser):
    context = browser.new_context(locale="zh-TW", extra_http_headers={"Accept-Language": "zh-TW"})
    pg = context.new_page()
    pg.add_init_script("Object.defineProperty(navigator, 'languages', {get: () => ['zh-TW', 'zh']})")
    pg.goto(real_site.url)
    pg.wait_for_url("**/zh-Hans/")  # the default variant: no forced redirect
    offer = pg.locator(".zd-offer")
    offer.wait_for()
    assert "繁體（臺灣）" in offer.inner_text()
    offer.locator("button").click()
    assert pg.locator(".zd-offer").count() == 0
    pg.reload()
    pg.wait_for_timeout(300)
    assert pg.locator(".zd-offer").count() == 0  # declining is remembered too
    context.close()


def test_hosts_contacted(real_site):
    # Printed for the record (pytest -s); asserted in each test above.
    print("hosts contacted by the pages:", sorted(ALL_HOSTS) or "(none recorded)")
    assert all(h.startswith("127.0.0.1:") for h in ALL_HOSTS)
