"""Bounds on the work one note may cause (hooks/zhudu/notes/limits.py), and the settings that name them."""

from __future__ import annotations

import random
import time

import pytest

from conftest import REPO
from zhudu.errors import NoteError
from zhudu.notes import limits

SHARED = REPO.parent / "shared"
DEFAULT = limits.Limits()

HOSTILE = [
    ("deep-list", "\n".join("    " * i + "- 层" for i in range(40)), 34, "nesting 33 levels deep"),
    ("deep-quote", ">" * 40 + " 引文", 1, "nesting 40 levels deep"),
    ("deep-admonition", "\n".join("    " * i + "!!! note" for i in range(40)), 34, "nesting 33"),
    ("deep-html", '<div markdown="1">\n' * 40 + "x\n" + "</div>\n" * 40, 33, "nesting 33"),
    ("unclosed-brackets", "汉字[链接" * 3000, 1, "3,000 '[' unclosed"),
    ("unclosed-link-targets", "汉字[链接](" * 3000, 1, "3,000 '](' unclosed"),
    ("emphasis-run", "_" * 300 + "x" + "_" * 300, 1, "a run of 300"),
    ("too-big", "长" * 800_000, None, "over the limit of 2,048 KiB"),
]


@pytest.mark.parametrize(("text", "line", "message"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_a_note_over_a_limit_is_refused_at_its_line(text, line, message):
    with pytest.raises(NoteError) as caught:
        limits.check(text, "seeds/x.md", 1, DEFAULT)
    assert caught.value.line == line
    assert message in str(caught.value) and "extra.zhudu.limits." in str(caught.value)


ORDINARY = [
    ("nested-lists", "\n".join("    " * i + "- 层" for i in range(10))),
    ("matched-links", "[链接](https://example.com/) 文字 " * 3000),
    ("brackets-in-code", "```\n" + "[" * 50_000 + "\n```\n"),
    ("inline-code-paragraphs", "\n\n".join("[未闭合 " * 50 for _ in range(100))),
    ("thematic-break", "*" * 80),
    ("indented-wrapped-text", " " * 200 + "缩进很深的续行"),
    ("quote-and-list", "> - 引文里的列表\n>     - 第二层"),
]


@pytest.mark.parametrize("text", [o[1] for o in ORDINARY], ids=[o[0] for o in ORDINARY])
def test_ordinary_notes_are_within_every_limit(text):
    limits.check(text, "seeds/x.md", 1, DEFAULT)


def test_real_collections_are_within_every_limit_and_checked_fast():
    paths = sorted((REPO / "seeds").glob("*.md"))
    paths += sorted((SHARED / "corpora" / "hexo-docs").glob("*/*.md"))
    started = time.process_time()  # CPU: a busy machine must not fail it
    for path in paths:
        limits.check(path.read_text(encoding="utf-8"), str(path), 1, DEFAULT)
    assert time.process_time() - started < 2.0


def _unclosed_by_every_character(line: str, unclosed: int) -> int:
    for char in line:
        if char == "[":
            unclosed += 1
        elif char == "]" and unclosed:
            unclosed -= 1
    return unclosed


def _targets_by_every_character(line: str, open_targets: int) -> int:
    for at, char in enumerate(line):
        if char == "(" and at and line[at - 1] == "]":
            open_targets += 1
        elif char == ")" and open_targets:
            open_targets -= 1
    return open_targets


def test_brackets_counted_from_the_brackets_equal_the_count_over_every_character():
    rng = random.Random(20261205)
    for _ in range(20_000):
        line = "".join(rng.choice("[]()链 \\`!a") for _ in range(rng.randint(0, 14)))
        before = rng.randint(0, 3)
        assert limits._unclosed_after(line, before) == _unclosed_by_every_character(line, before), line
        assert limits._open_targets_after(line, before) == _targets_by_every_character(line, before), line


class _NotWalked(str):
    """A line whose characters may not be walked one by one in Python (the regex engine may read it)."""

    def __iter__(self):
        raise AssertionError("the line was walked character by character")


def test_a_line_is_not_walked_character_by_character():
    # Most lines hold no bracket: only the brackets are looked at (the notes' reading, ~0.05 s at 300 notes).
    assert limits._unclosed_after(_NotWalked("汉字" * 50 + "[链接] 和 [未闭合"), 0) == 1
    assert limits._open_targets_after(_NotWalked("[链接](地址) 和 [另一个]("), 0) == 1


def test_a_limit_over_its_bound_only_for_that_note(site_builder):
    result = site_builder(
        notes={
            "good.md": "---\ntitle: 好\n---\n\n正常的笔记。\n",
            "deep.md": "---\ntitle: 深\n---\n\n" + "\n".join("    " * i + "- 层" for i in range(3)),
        },
        zhudu={"limits": {"nesting": 1}},
        strict=False,
    )
    assert result.ok, result.log
    assert any("seeds/deep.md:" in w and "over the limit of 1" in w for w in result.warnings), result.warnings
    assert (result.site_dir / "zh-Hans/notes/good/index.html").is_file()
    assert "Traceback" not in result.log


SETTINGS = [
    ({"timezone": "Mars/Olympus"}, "extra.zhudu.timezone: unknown time zone 'Mars/Olympus'"),
    ({"chars_per_minute": 0}, "extra.zhudu.chars_per_minute: expected a whole number of at least 1, got 0"),
    ({"words_per_minute": True}, "extra.zhudu.words_per_minute: expected a whole number"),
    ({"workers": -3}, "extra.zhudu.workers: expected a whole number of at least 0, got -3"),
    ({"summary_length": 3}, "extra.zhudu.summary_length: expected a whole number of at least 20"),
    (
        {"limits": {"nesting": 0}},
        "extra.zhudu.limits: Sub-option 'nesting': expected a whole number of at least 1",
    ),
]


@pytest.mark.parametrize(("setting", "message"), SETTINGS, ids=[next(iter(s[0])) for s in SETTINGS])
def test_a_wrong_setting_names_the_key_and_what_is_allowed(site_builder, setting, message):
    result = site_builder(notes={"a.md": "---\ntitle: 甲\n---\n\n正文。\n"}, zhudu=setting)
    assert not result.ok
    assert message in result.log and "Traceback" not in result.log


def test_an_unknown_opencc_config_names_the_ones_that_exist(site_builder):
    from conftest import repo_config

    variants = repo_config()["extra"]["zhudu"]["variants"]
    variants[1]["opencc_from_hans"] = "s2xx"
    result = site_builder(notes={"a.md": "---\ntitle: 甲\n---\n\n正文。\n"}, zhudu={"variants": variants})
    assert not result.ok
    assert "unknown OpenCC config 's2xx': use one of" in result.log and "s2twp" in result.log
    assert "Traceback" not in result.log


def test_shared_corpus_is_beside_the_repository():
    # The collection test above reads nothing when shared/ is missing; say so rather than pass empty.
    if not (SHARED / "corpora" / "hexo-docs").is_dir():
        pytest.skip("../shared/corpora/hexo-docs is not beside this checkout")
    assert len(list((SHARED / "corpora" / "hexo-docs").glob("*/*.md"))) == 90
