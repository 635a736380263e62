"""Broken notes and editorial data: a clear message naming file and line, nothing lost, no traceback."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import REPO, mkdocs_build_cli

GOOD = "---\ntitle: 好笔记\ndate: 2024-01-01\n---\n\n这是一篇正常的笔记，讲开源模型和数据中心。\n"

# name, bytes of the broken note, what the warning must say (all substrings)
BAD_NOTES = [
    (
        "invalid-yaml.md",
        "---\ntitle: 标题\ntags: [开源, 算力\ndate: 2024-01-01\n---\n\n正文。\n".encode(),
        ["seeds/invalid-yaml.md:4:", "invalid YAML front matter", "quot"],
    ),
    (
        "gbk.md",
        "---\ntitle: 编码\n---\n\n这是用 GBK 保存的笔记。\n".encode("gbk"),
        ["seeds/gbk.md:2:", "not UTF-8", "GBK", "iconv"],
    ),
    ("empty.md", b"", ["seeds/empty.md:1:", "empty", "write some text or delete the file"]),
    ("only-front-matter.md", b"---\ntitle: x\n---\n", ["seeds/only-front-matter.md", "no text"]),
    (
        "bad-date.md",
        "---\ntitle: 日期\ndate: 去年冬天\n---\n\n正文。\n".encode(),
        ["seeds/bad-date.md:3:", "date:", "unknown date format", "2025-05-15"],
    ),
    (
        "not-a-mapping.md",
        "---\n- 一\n- 二\n---\n\n正文。\n".encode(),
        ["seeds/not-a-mapping.md:2:", "key: value"],
    ),
    (
        "bad-toml.md",
        '+++\ntitle = "x"\ndate = \n+++\n\n正文。\n'.encode(),
        ["seeds/bad-toml.md", "invalid TOML"],
    ),
]


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize(("name", "data", "expected"), BAD_NOTES, ids=[b[0] for b in BAD_NOTES])
def test_broken_note_is_a_warning_naming_file_and_line(site_builder, name, data, expected):
    result = site_builder(notes={"good.md": GOOD, name: data}, strict=False)
    assert result.ok, result.log
    message = next((w for w in result.warnings if name in w), "")
    for part in expected:
        assert part in message, (part, result.warnings)
    assert "Traceback" not in result.log
    # The good note is published; the broken one has a page that tells its readers (the details are
    # the warning's, and the page's under mkdocs serve).
    assert (result.site_dir / "zh-Hans/notes/good/index.html").is_file()
    slug = Path(name).stem
    page = result.page(f"zh-Hans/notes/{slug}/index.html")
    notice = "这篇笔记有几处没能按原样显示。" if name == "bad-date.md" else "这篇笔记暂时无法显示。"
    assert notice in page and f"seeds/{name}" not in page
    # … in every variant.
    assert "這篇筆記" in result.page(f"zh-Hant-TW/notes/{slug}/index.html")


@pytest.mark.parametrize(("name", "data", "expected"), BAD_NOTES[:3], ids=[b[0] for b in BAD_NOTES[:3]])
def test_strict_build_fails_on_a_broken_note(site_builder, name, data, expected):
    result = site_builder(notes={"good.md": GOOD, name: data}, strict=True)
    assert not result.ok
    assert "strict" in result.error


def test_seeds_are_byte_identical_after_builds(site_builder, tmp_path):
    notes = {"good.md": GOOD, **{name: data for name, data, _ in BAD_NOTES}}
    first = site_builder(notes=notes, strict=False)
    before = digest(first.root / "seeds")
    assert before == {
        name: hashlib.sha256(data if isinstance(data, bytes) else data.encode()).hexdigest()
        for name, data in sorted(notes.items())
    }
    # Build the same folder again (what `mkdocs serve` does on every change).
    from conftest import build_site

    again = build_site(first.root, strict=False)
    assert again.ok
    assert digest(first.root / "seeds") == before


def test_bom_and_crlf_are_read_cleanly(site_builder):
    crlf = GOOD.replace("\n", "\r\n").encode("utf-8")
    result = site_builder(notes={"bom.md": b"\xef\xbb\xbf" + GOOD.encode(), "crlf.md": crlf})
    assert result.ok and not result.warnings, result.log
    for slug in ("bom", "crlf"):
        page = result.page(f"zh-Hans/notes/{slug}/index.html")
        assert '<h1 id="zd-note-title">好笔记</h1>' in page
        assert "\r" not in page and "\ufeff" not in page


def test_title_with_html_is_escaped_never_executed(site_builder):
    note = '---\ntitle: "<script>alert(1)</script><b>粗</b> & 细"\n---\n\n正文里没有标题。\n'
    result = site_builder(notes={"xss.md": note})
    assert result.ok, result.log
    page = result.page("zh-Hans/notes/xss/index.html")
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;粗&lt;/b&gt; &amp; 细" in page
    home = result.page("zh-Hans/index.html")
    assert "<script>alert(1)" not in home


def test_two_notes_claiming_one_slug(site_builder):
    a = "---\ntitle: 甲\nslug: same\n---\n\n甲的正文。\n"
    b = "---\ntitle: 乙\nslug: same\n---\n\n乙的正文。\n"
    result = site_builder(notes={"a.md": a, "b.md": b}, strict=False)
    assert result.ok
    (message,) = [w for w in result.warnings if "slug" in w]
    assert "seeds/b.md" in message and "seeds/a.md" in message and "'same'" in message
    # Both are still published: the second under a disambiguated slug.
    assert (result.site_dir / "zh-Hans/notes/same/index.html").is_file()
    assert (result.site_dir / "zh-Hans/notes/same-b/index.html").is_file()
    assert not site_builder(notes={"a.md": a, "b.md": b}, strict=True).ok


def test_missing_images_are_placeholders_with_one_summary_line(site_builder):
    note = "---\ntitle: 图\n---\n\n第一段。\n\n![示意图](assets/不存在.png)\n\n![](img/also-missing.jpg)\n"
    result = site_builder(notes={"img.md": note})
    assert result.ok and not result.warnings, result.log
    (summary,) = [line for line in result.log.splitlines() if "missing image" in line]
    assert "2 missing image(s)" in summary
    assert "seeds/img.md:7 assets/不存在.png" in summary and "seeds/img.md:9 img/also-missing.jpg" in summary
    # The reader is told what is missing by its alt text, in the page's variant; the path is the author's
    # (the summary line above), not the reader's: none shown, and no file name when there is no alt text.
    for variant, said in (("zh-Hans", "图片缺失：示意图"), ("zh-Hant-TW", "圖片缺失：示意圖")):
        page = result.page(f"{variant}/notes/img/index.html")
        assert (
            f'role="img" aria-label="{said}"><span class="zd-missing-image__label">{said}</span></span>'
            in page
        )
        assert 'aria-label="圖片缺失"' in page or 'aria-label="图片缺失"' in page
        assert "不存在" not in page and "also-missing" not in page and "<code" not in page, page


def test_image_syntax_in_inline_code_is_shown_as_written(site_builder):
    # The Hexo documentation explains image syntax in inline code: `![](/images/image.jpg)`.
    note = (
        "---\ntitle: 图\n---\n\n"
        "写成 `![](/images/image.jpg)` 或 ``![](example.jpg)``，远程的 `![x](https://img.example/a.png)`。\n\n"
        "![真的缺了](gone.png)\n"
    )
    result = site_builder(notes={"img.md": note})
    assert result.ok and not result.warnings, result.log
    (summary,) = [line for line in result.log.splitlines() if "missing image" in line]
    assert "1 missing image(s)" in summary and "seeds/img.md:7 gone.png" in summary
    page = result.page("zh-Hans/notes/img/index.html")
    assert "<code>![](/images/image.jpg)</code>" in page and "<code>![](example.jpg)</code>" in page
    assert "<code>![x](https://img.example/a.png)</code>" in page
    assert page.count("zd-missing-image__label") == 1


def test_missing_images_policy_warn_fails_strict(site_builder):
    note = "---\ntitle: 图\n---\n\n第一段。\n\n![示意图](assets/gone.png)\n"
    result = site_builder(notes={"img.md": note}, zhudu={"missing_images": "warn"})
    assert not result.ok
    assert any("seeds/img.md:7: image assets/gone.png does not exist" in w for w in result.warnings)


def test_existing_images_are_published(site_builder, tmp_path):
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
    )
    note = "---\ntitle: 有图\n---\n\n第一段。\n\n![一张图](assets/图一.png)\n"
    result = site_builder(notes={"pic.md": note, "assets/图一.png": png})
    assert result.ok and not result.warnings, result.log
    assert (result.site_dir / "media/pic/assets/图一.png").read_bytes() == png
    page = result.page("zh-Hant-TW/notes/pic/index.html")
    assert "media/pic/assets/%E5%9B%BE%E4%B8%80.png" in page or "media/pic/assets/图一.png" in page


@pytest.mark.parametrize(
    ("name", "yaml_text", "expected"),
    [
        (
            "notes.yml",
            "goood:\n  title: x\n",
            "docs/editorial/notes.yml:1: unknown note id 'goood'; the closest: good "
            "(`python -m zhudu meta` lists every note's id)",
        ),
        ("notes.yml", "good:\n  titel: x\n", "docs/editorial/notes.yml:2: good: unknown field 'titel'"),
        # An unclosed bracket on the last line: that line, not the end of the file after it.
        ("notes.yml", "good: [1, 2\n", "docs/editorial/notes.yml:1: invalid YAML"),
        (
            "conversion.yml",
            "protected:\n  - 甲\n默认布局: [x\n",
            "docs/editorial/conversion.yml:3: invalid YAML",
        ),
        (
            "conversion.yml",
            "protected: [甲,\n  乙\nphrases: {}\n",
            "docs/editorial/conversion.yml:3: invalid YAML: did not find expected ',' or ']' "
            "(in the value that starts on line 1)",
        ),
    ],
)
def test_editorial_errors_stop_the_build_with_file_and_line(site_builder, name, yaml_text, expected):
    result = site_builder(notes={"good.md": GOOD}, editorial={name: yaml_text}, strict=False)
    assert not result.ok
    assert expected in result.log, result.log
    assert (
        f"/docs/editorial/{name}" not in result.log
    )  # named from mkdocs.yml's folder, as the author sees it


def test_cli_build_of_broken_notes_prints_messages_not_tracebacks(tmp_path):
    from conftest import build_site

    # Lay the project out with build_site, then run the real `mkdocs build` command on it.
    build_site(tmp_path, notes={"good.md": GOOD, **{n: d for n, d, _ in BAD_NOTES}}, strict=False)
    proc = mkdocs_build_cli(tmp_path)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1
    assert "Traceback" not in output
    for name, _, expected in BAD_NOTES:
        assert expected[0] in output, (name, output)
    assert "Aborted with 7 warnings in strict mode" in output


def test_repo_seeds_match_shared_originals():
    shared = REPO.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for original in shared.iterdir():
        assert (REPO / "seeds" / f"{original.stem}.md").read_bytes() == original.read_bytes()
