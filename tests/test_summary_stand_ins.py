"""A note's description and reading count are the author's words, not the build's stand-ins.

A missing image is drawn as 「图片缺失：…」 with the path written, a template tag the site cannot render
as 「无法显示的模板标签」 with the tag: on the page, where they say what is not shown.  The description
(``<meta name="description">``, the home card, the feed's summary, search) and the characters counted
for the reading time took them for the note's prose (a player's label 「嵌入内容（外部链接）」 and its
address were left out of the description already, but counted).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from conftest import build_site

ATOM = "{http://www.w3.org/2005/Atom}"
STAND_IN_WORDS = ("图片缺失", "无法显示", "模板标签", "截图", ".png", "{%")

NOTES = {
    # Hexo: the post's image, in its asset folder, was never copied along.
    "hexo/旅行.md": (
        "---\ntitle: 旅行\ndate: 2020-01-02\n---\n\n"
        "{% asset_img 山顶的日出截图.png 山顶上看到的日出截图 %}\n\n"
        "我们凌晨四点出发，走了三个小时才到山顶。\n"
    ),
    # Jekyll: an include of the old theme's, which this site cannot render.
    "jekyll/_posts/2021-03-04-读书.md": (
        "---\ntitle: 读书\ndate: 2021-03-04\n---\n\n"
        '{% include 提示框.html content="这段话来自旧主题的模板标签" %}\n\n'
        "这本书讲的是一个小镇上三代人的故事。\n"
    ),
    # Hugo: a player, shown as a labelled link (嵌入内容（外部链接）：https://www.youtube.com/…).
    "hugo/content/posts/春天.md": (
        '+++\ntitle = "春天"\ndate = 2022-04-01\n+++\n\n{{< youtube w7Ft2ymGmfc >}}\n\n'
        "这段视频拍的是春天山里的一条小溪。\n"
    ),
    # Obsidian: a screenshot embed whose file is not in the vault.
    "我的库/会议.md": "![[会议白板截图二〇二四年三月.png]]\n\n会议决定下个月开始试运行新的排班制度。\n",
}

WORDS = {
    "旅行": "我们凌晨四点出发，走了三个小时才到山顶。",
    "读书": "这本书讲的是一个小镇上三代人的故事。",
    "会议": "会议决定下个月开始试运行新的排班制度。",
    "春天": "这段视频拍的是春天山里的一条小溪。",
}


def test_description_and_count_leave_out_the_builds_stand_ins(tmp_path):
    result = build_site(tmp_path, notes=NOTES, strict=False)
    assert result.ok, result.log
    pages = {}
    for page in (result.site_dir / "zh-Hans" / "notes").glob("*/index.html"):
        html = page.read_text("utf-8")
        pages[re.search(r"<title>(.*?) - 注读</title>", html)[1]] = html
    assert set(pages) == set(WORDS)
    for title, words in WORDS.items():
        html = pages[title]
        assert any(f'class="zd-{kind}' in html for kind in ("missing-image", "unknown-tag", "embed"))  # shown
        description = re.search(r'<meta name="description" content="([^"]*)"', html)[1]
        assert description == words, (title, description)
        # The reading count is the note's Han characters (its punctuation not counted), no label's or path's.
        han = len(re.findall(r"[\u4e00-\u9fff]", words))
        assert f"（{han} 字）" in html, (title, re.search(r"约 \d+ 分钟（[^）]*）", html))

    feed = ET.parse(result.site_dir / "feed-zh-Hans.xml").getroot()
    summaries = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}summary") for e in feed.iter(f"{ATOM}entry")}
    assert summaries == {t: WORDS[t] for t in ("旅行", "读书", "春天")}  # the Obsidian note has no date
    for summary in summaries.values():
        assert not any(word in summary for word in STAND_IN_WORDS), summary
