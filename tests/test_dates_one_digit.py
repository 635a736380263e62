"""A date with a one-digit month or day, as Hexo and Jekyll read it, is the note's date.

``date: 2021-3-4`` (Hexo's moment, Jekyll's Ruby) was a warning and no date (so no feed entry and the
note last on the home page), while ``2021/3/4`` and ``2020-1-2 3:04:05`` (which YAML itself reads) were
dates.  A day that does not exist is still refused as one.
"""

from __future__ import annotations

import re

from conftest import build_site

NOTES = {
    "hexo/游记.md": "---\ntitle: 游记\ndate: 2021-3-4\nupdated: 2021-3-5 9:30\ntags: [旅行]\n---\n\n去了海边。\n",
    "jekyll/_posts/2021-03-06-书单.md": "---\ntitle: 书单\ndate: 2021-3-6 20:15\n---\n\n三月的书单。\n",
}


def test_a_one_digit_month_or_day_is_a_date(tmp_path):
    result = build_site(tmp_path, notes=NOTES)  # --strict: no warning
    assert result.ok, result.log
    times = {}
    for page in (result.site_dir / "zh-Hans" / "notes").glob("*/index.html"):
        html = page.read_text("utf-8")
        title = re.search(r'<h1 id="zd-note-title">([^<]*)</h1>', html)[1]
        times[title] = re.findall(r'<time datetime="([^"]+)"', html)
    assert times == {
        "游记": ["2021-03-04T00:00:00+08:00", "2021-03-05T09:30:00+08:00"],
        "书单": ["2021-03-06T20:15:00+08:00"],
    }


def test_a_day_that_does_not_exist_is_still_refused(tmp_path):
    result = build_site(
        tmp_path, notes={"a.md": "---\ntitle: 甲\ndate: 2025-2-30\n---\n\n正文。\n"}, strict=False
    )
    assert [w for w in result.warnings if "date" in w] == [
        "zhudu: seeds/a.md:3: date: no such date '2025-2-30' (day is out of range for month): "
        "write a real date as ISO 8601, e.g. 2025-05-15"
    ]
