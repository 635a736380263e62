"""Editor's notes: anchoring by quote, orphan and ambiguity warnings, escaping, the real data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PASSAGE_ID_RE
from zhudu.annotate import annotations

NOTE = """\
---
title: 测试笔记
---

英伟达股价一天之内蒸发了近6000亿美元，创下了历史记录。

另一段也说：蒸发了近6000亿美元。

這段用繁體寫：後福特主義的生產關係。
"""


def _yaml(*entries: str) -> str:
    return "".join(entries)


def entry(
    ident: str,
    exact: str,
    *,
    prefix: str = "",
    suffix: str = "",
    kind: str = "context",
    body: str = "说明。",
    source: str | None = None,
    note: str = "a",
) -> str:
    out = f'- id: {ident}\n  note: {note}\n  kind: {kind}\n  quote:\n    exact: "{exact}"\n'
    if prefix:
        out += f'    prefix: "{prefix}"\n'
    if suffix:
        out += f'    suffix: "{suffix}"\n'
    out += f'  body: "{body}"\n'
    if source:
        out += f"  source: {source}\n"
    return out


def _anchors(html: str) -> list[str]:
    return re.findall(PASSAGE_ID_RE, html)


def test_placed_after_quote_numbered_and_anchors_unchanged(site_builder) -> None:
    plain = site_builder(notes={"a.md": NOTE})
    data = _yaml(
        entry("second", "后福特主义的生产关系", kind="editorial"),  # Simplified quote, Traditional note
        entry("first", "创下了历史记录", kind="fact-check", source="https://example.org/x"),
    )
    result = site_builder(notes={"a.md": NOTE}, editorial={"annotations.yml": data})
    assert result.ok, result.log
    html = result.page("zh-Hans/notes/a/index.html")
    assert _anchors(html) == _anchors(plain.page("zh-Hans/notes/a/index.html"))
    # Numbered in reading order, the marker right after the quoted text and the "。" closing it (a note opened
    # in place under its line would leave the "。" to start the next), kept on one line with the character it
    # follows (textmarks.glue).
    assert re.search(
        r"创下了历史记录<span class=\"zd-nobr\">。<span class=\"zd-anno\" data-zd-anno=\"first\"><button[^>]*"
        r'aria-controls="zd-anno-1" aria-expanded="false"',
        html,
    )
    assert re.search(
        r'後福特主義的生產關係</span><span class="zd-nobr">。<span class="zd-anno" data-zd-anno="second">',
        html,
    )
    assert 'id="zd-anno-2"' in html and "编辑说明" in html and "核查" in html
    assert 'role="note"' in html


def test_orphan_warns_with_file_and_line_and_fails_strict(site_builder) -> None:
    data = _yaml(
        entry("ok", "创下了历史记录"), entry("gone", "这句话不在笔记里"), entry("titled", "开源模型")
    )
    # A quote in a heading is never marked (headings take no notes): its warning says so, not "no longer matches".
    note = {"a.md": NOTE + "\n## 关于「开源模型」\n\n最后一段。\n"}
    strict = site_builder(notes=note, editorial={"annotations.yml": data})
    assert not strict.ok
    loose = site_builder(notes=note, editorial={"annotations.yml": data}, strict=False)
    assert loose.ok
    warning, titled = [w for w in loose.warnings if "annotation" in w]
    # The second entry starts on line 7 of annotations.yml (6 lines per entry).
    assert "docs/editorial/annotations.yml:7: annotation 'gone' (note a): quote «这句话不在笔记里»" in warning
    assert "no longer matches" in warning
    assert (
        "docs/editorial/annotations.yml:13: annotation 'titled' (note a): quote «开源模型» is in a heading"
        in titled
    )
    assert "no longer matches" not in titled and "quote a passage of the note's body instead" in titled
    # Not serving: nothing on the page.
    assert "zd-anno-orphans" not in loose.page("zh-Hans/notes/a/index.html")


def test_ambiguous_quote_warns_and_prefix_disambiguates(site_builder) -> None:
    twice = site_builder(
        notes={"a.md": NOTE}, editorial={"annotations.yml": entry("dup", "蒸发了近6000亿美元")}, strict=False
    )
    (warning,) = twice.warnings
    assert (
        warning.startswith("zhudu: docs/editorial/annotations.yml:1: annotation 'dup'")
        or "docs/editorial/annotations.yml:1: annotation 'dup'" in warning
    )
    assert "matches 2 places (p-" in warning
    assert 'data-zd-anno="dup"' not in twice.page("zh-Hans/notes/a/index.html")
    fixed = site_builder(
        notes={"a.md": NOTE},
        editorial={"annotations.yml": entry("dup", "蒸发了近6000亿美元", prefix="另一段也说：")},
    )
    assert fixed.ok, fixed.log
    html = fixed.page("zh-Hans/notes/a/index.html")
    assert re.search(
        r"另一段也说：蒸发了近6000亿美元<span class=\"zd-nobr\">。<span class=\"zd-anno\" data-zd-anno=\"dup\">",
        html,
    )
    by_suffix = site_builder(
        notes={"a.md": NOTE},
        editorial={"annotations.yml": entry("dup", "蒸发了近6000亿美元", suffix="，创下")},
    )
    assert by_suffix.ok, by_suffix.log
    html = by_suffix.page("zh-Hans/notes/a/index.html")
    assert '蒸发了近6000亿美元<span class="zd-nobr">，<span class="zd-anno" data-zd-anno="dup">' in html
    body = html[html.index("zd-note__body") :]
    assert body.index('data-zd-anno="dup"') < body.index("另一段也说")


def test_orphans_are_shown_on_the_page_under_serve(site_builder) -> None:
    annotations.set_command("serve")
    try:
        result = site_builder(
            notes={"a.md": NOTE}, editorial={"annotations.yml": entry("gone", "不在笔记里")}, strict=False
        )
    finally:
        annotations.set_command("build")
    html = result.page("zh-Hans/notes/a/index.html")
    box = re.search(r'<div class="admonition warning zd-anno-orphans" role="status">.*?</div>', html, re.S)
    assert (
        box and "annotations.yml:1: annotation &#x27;gone&#x27;" in box.group(0)
    ) or "annotations.yml:1: annotation 'gone'" in box.group(0)
    assert html.index("zd-anno-orphans") < re.search(PASSAGE_ID_RE, html).start()


def test_annotation_text_is_escaped(site_builder) -> None:
    body = "危险 <script>alert(1)</script> & <b>粗</b>"
    data = entry(
        "xss", "创下了历史记录", body=body, kind="fact-check", source='https://example.org/?a=1&b=<x>"'
    )
    result = site_builder(
        notes={"a.md": NOTE}, editorial={"annotations.yml": data.replace('?a=1&b=<x>"', "?a=1&b=2")}
    )
    assert result.ok, result.log
    html = result.page("zh-Hans/notes/a/index.html")
    assert "<script>alert(1)</script>" not in html and "<b>粗</b>" not in html
    assert "危险 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;粗&lt;/b&gt;" in html
    assert 'href="https://example.org/?a=1&amp;b=2"' in html


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (entry("x", "创下了历史记录", kind="fact-check"), "a fact-check needs a 'source' URL"),
        (entry("x", "创下了历史记录", kind="opinion"), "kind must be one of"),
        (entry("x", "创下了历史记录", note="zzz"), "unknown note id 'zzz'"),
        (entry("X Y", "创下了历史记录"), "needs an 'id'"),
        (entry("x", "创下了历史记录") + entry("x", "另一段"), "used twice"),
    ],
)
def test_bad_annotations_fail_with_the_line(site_builder, text: str, message: str) -> None:
    result = site_builder(notes={"a.md": NOTE}, editorial={"annotations.yml": text}, strict=False)
    assert not result.ok
    assert message in result.log and "docs/editorial/annotations.yml:" in result.log


def test_repo_annotations_all_placed(site_builder) -> None:
    result = site_builder(repo_notes=True, repo_editorial=True, strict=True)
    assert result.ok, result.log
    assert not [w for w in result.warnings if "annotation" in w]
    repo = Path(__file__).resolve().parents[1]
    data = annotations.load_annotations(
        repo / "docs/editorial/annotations.yml",
        "annotations.yml",
        [p.stem for p in (repo / "seeds").glob("*.md")],
    )
    assert len(data) >= 12
    assert all(a.source for a in data if a.kind == "fact-check")
    placed = 0
    for page in (result.site_dir / "zh-Hans" / "notes").glob("*/index.html"):
        placed += len(re.findall(r'class="zd-anno-marker"', page.read_text(encoding="utf-8")))
    assert placed == len(data)
    summary = re.search(r"editor's notes: (.*)", result.log).group(1)
    print(summary)
