"""Hostile front matter: every note is untrusted input.

Each case is a real build of a tiny site: the bad note must give a warning naming file, line
and what to do, never a traceback; the build must finish fast; the other notes must be
published; and ``seeds/`` must be left byte for byte as it was.

The notes that warn are built together in one site (``warned``), each checked on the warnings naming
its file (every warning of that build names one) and on its own page; the notes that must not warn
are built together in another (``clean``), which has no warning at all.  A case whose point is that
``--strict`` fails still builds its note alone with ``--strict``; the alias bombs, which guard the
time a build takes, are built alone.
"""

from __future__ import annotations

import hashlib
import json
import resource
import time
from pathlib import Path

import pytest

from conftest import build_site
from zhudu.notes import yamldoc
from zhudu.search.shards import documents

GOOD = "---\ntitle: 好笔记\ndate: 2024-01-01\n---\n\n这是一篇正常的笔记，讲开源模型和数据中心。\n"

#: A normal build of these sites takes a second or two; the alias bomb used to run past 300 s.
#: CPU seconds, not wall time: on a machine busy with other work a build waits for a core.
FAST_SECONDS = 60


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (a build's forked workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


_LOL = ",".join(['"lol"'] * 9)
ALIAS_BOMB = (
    f"a: &a [{_LOL}]\n"
    + "".join(f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    + "title: x\n"
)


def build(site_builder, notes: dict[str, str | bytes], **kwargs):
    """Build with ``good.md`` beside ``notes`` (``site_builder``: a ``build_site`` into a new folder);
    check what every hostile case must satisfy."""
    notes = {"good.md": GOOD, **notes}
    started = cpu_seconds()
    result = site_builder(notes=notes, **kwargs)
    assert cpu_seconds() - started < FAST_SECONDS
    assert "Traceback" not in result.log, result.log
    if result.ok:
        assert '<h1 id="zd-note-title">好笔记</h1>' in result.page("zh-Hans/notes/good/index.html")
    seeds = result.root / "seeds"
    for name, content in notes.items():
        data = content if isinstance(content, bytes) else content.encode()
        assert hashlib.sha256((seeds / name).read_bytes()).digest() == hashlib.sha256(data).digest()
    return result


def warning_for(result, name: str) -> str:
    return next((w for w in result.warnings if f"seeds/{name}" in w), "")


def assert_warns(result, name: str, parts: list[str]) -> None:
    message = warning_for(result, name)
    for part in parts:
        assert part in message, (part, result.warnings)


DEEP_CASES = [
    ("deep-yaml.md", "---\ntitle: x\nbad: " + "[" * 100_000 + "]" * 100_000 + "\n---\n\n正文。\n"),
    ("self-alias.md", "---\ntitle: x\nbad: &a [*a]\n---\n\n正文。\n"),
    ("deep-toml.md", '+++\ntitle = "x"\nbad = ' + "[" * 5_000 + "]" * 5_000 + "\n+++\n\n正文。\n"),
]


# --------------------------------------------------------------------------- 1. bounded work


def test_yaml_alias_bomb_in_front_matter_is_refused_fast(site_builder):
    note = f"---\n{ALIAS_BOMB}---\n\n正文。\n"
    assert len(note.encode()) < 400
    result = build(site_builder, {"bomb.md": note}, strict=False)
    assert result.ok, result.log
    # Line 4 holds the first alias that crosses the budget (c: [*b, …]).
    assert_warns(
        result,
        "bomb.md",
        ["seeds/bomb.md:4:", "aliases", str(yamldoc.NOTE_ALIAS_BUDGET), "write the values out"],
    )
    assert "这篇笔记暂时无法显示。" in result.page("zh-Hans/notes/bomb/index.html")


def test_small_aliases_in_front_matter_still_work(clean):
    assert clean.ok and not clean.warnings, clean.log  # alias.md among them
    assert '<h1 id="zd-note-title">别名</h1>' in clean.page("zh-Hans/notes/alias/index.html")


@pytest.mark.parametrize("name", [name for name, _ in DEEP_CASES])
def test_deep_or_recursive_front_matter_is_refused(warned, name):
    # Deep YAML used to crash the process (libyaml's composer overflows the C stack).
    result = warned
    assert result.ok, result.log
    line = "3" if name != "deep-toml.md" else "1"
    assert_warns(result, name, [f"seeds/{name}:{line}:", "front matter refused"])


def test_alias_bomb_in_editorial_yaml_stops_with_file_and_line(site_builder):
    started = cpu_seconds()
    result = site_builder(notes={"good.md": GOOD}, editorial={"notes.yml": ALIAS_BOMB}, strict=False)
    assert cpu_seconds() - started < FAST_SECONDS
    assert not result.ok
    assert "Traceback" not in result.log
    assert "docs/editorial/notes.yml:" in result.log and "aliases" in result.log, result.log


# --------------------------------------------------------------------------- 2. one line, no traceback

# name, note, what the warning must say (all substrings)
ONE_LINE_CASES = [
    (
        "day-30.md",
        "---\ntitle: 日期\ndate: 2025-02-30\n---\n\n正文。\n",
        [":3: date:", "no such date", "2025-05-15"],
    ),
    (
        "huge-stamp.md",
        "---\ntitle: 日期\ndate: 99999999999999999\n---\n\n正文。\n",
        [":3: date:", "ISO 8601"],
    ),
    ("inf-date.md", "---\ntitle: 日期\ndate: .inf\n---\n\n正文。\n", [":3: date:", "ISO 8601"]),
    ("nan-date.md", "---\ntitle: 日期\ndate: .nan\n---\n\n正文。\n", [":3: date:", "ISO 8601"]),
    ("date-tag.md", "---\ntitle: 标签\ntags: [2024-01-01, 旅行]\n---\n\n正文。\n", [":3: tags:", "quote it"]),
    (
        "map-tag.md",
        "---\ntitle: 标签\ntags: [{a: 1}, 旅行]\n---\n\n正文。\n",
        [":3: tags:", "a list of words"],
    ),
    (
        "list-tag.md",
        "---\ntitle: 标签\ntags: [[a, b], 旅行]\n---\n\n正文。\n",
        [":3: tags:", "a list of words"],
    ),
    (
        "int-author.md",
        "---\ntitle: 作者\nauthor: 42\ntags: 7\n---\n\n正文。\n",
        [":3: authors:", "write a name"],
    ),
    ("nul-title.md", '---\ntitle: "NUL\\0标题"\n---\n\n正文。\n', [":2: title:", "U+0000", "remove it"]),
    ("bad-tag.md", "---\ntitle: x\nx: !!int abc\n---\n\n正文。\n", [":3:", "invalid YAML front matter"]),
]


TWO_BAD_FIELDS = (
    "---\ntitle: 两处错\ndate: 去年冬天\nsource: \"javascript:alert('ZDX')\"\ntags: 7\n---\n\n正文。\n"
)
AUTHOR_URL = '---\ntitle: 作者\nauthor: {name: 甲, url: "javascript:alert(1)"}\n---\n\n正文。\n'
UNCLOSED = "---\ntitle: x\n\n正文没有丢。\n"
DUPLICATE = "---\ntitle: 第一个\ndate: 2024-01-01\ntitle: 第二个\n---\n\n正文。\n"

#: Every note that must warn, built together (``warned``).
WARNED = {
    **{name: note for name, note, _ in ONE_LINE_CASES},
    **dict(DEEP_CASES),
    "two.md": TWO_BAD_FIELDS,
    "author-url.md": AUTHOR_URL,
    "unclosed.md": UNCLOSED,
    "dup.md": DUPLICATE,
}

SMALL_ALIASES = "---\ntitle: 别名\ndate: &d 2024-03-01\nupdated: *d\n---\n\n正文。\n"
FIRST_LINE_TEMPLATE = "Template: nope.html\n\n正文第二段。\n"
FIRST_LINE_KEY = "Note: 这一行是正文的第一句话。\n\n第二段也在。\n"
TRADITIONAL = (
    "---\ntitle: 開源與資料中心\ntags: [開源, 資料]\n---\n\n"
    "這是一篇用繁體中文寫的筆記，討論開源模型與資料中心的關係。\n"
)

#: Every note that must not warn, built together (``clean``).
CLEAN = {
    "alias.md": SMALL_ALIASES,
    "tpl.md": FIRST_LINE_TEMPLATE,
    "first-line.md": FIRST_LINE_KEY,
    "hant.md": TRADITIONAL,
}


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory):
    """``build_site`` into a new folder (the module's ``site_builder``)."""
    return lambda **kwargs: build_site(tmp_path_factory.mktemp("front-matter") / "site", **kwargs)


@pytest.fixture(scope="module")
def warned(new_site):
    """One build of every note of ``WARNED``; each of its warnings names one of them."""
    result = build(new_site, WARNED, strict=False)
    assert result.ok, result.log
    unnamed = [w for w in result.warnings if not any(f"seeds/{name}" in w for name in WARNED)]
    assert unnamed == [], unnamed
    return result


@pytest.fixture(scope="module")
def clean(new_site):
    """One build of every note of ``CLEAN``: no warning at all."""
    result = build(new_site, CLEAN)
    assert result.ok and not result.warnings, result.log
    return result


@pytest.mark.parametrize(("name", "note", "expected"), ONE_LINE_CASES, ids=[c[0] for c in ONE_LINE_CASES])
def test_one_bad_front_matter_line_is_a_warning_not_a_traceback(warned, site_builder, name, note, expected):
    result = warned
    assert result.ok, result.log
    assert_warns(result, name, [f"seeds/{name}{expected[0]}", *expected[1:]])
    page = result.page(f"zh-Hans/notes/{Path(name).stem}/index.html")
    assert "正文" in page or "这篇笔记暂时无法显示。" in page
    assert "\x00" not in page
    assert not build(site_builder, {name: note}, strict=True).ok


def test_first_line_template_key_without_front_matter_is_text(clean):
    # MkDocs' MultiMarkdown meta parser used to take it as the page's template: TemplateNotFound.
    result = clean
    assert result.ok and not result.warnings, result.log
    page = result.page("zh-Hans/notes/tpl/index.html")
    assert "Template: nope.html" in page and "正文第二段" in page


# --------------------------------------------------------------------------- 3. every field, no raw value


def test_every_bad_field_is_reported_and_none_of_its_value_used(warned):
    result = warned
    assert result.ok, result.log
    messages = [w for w in result.warnings if "seeds/two.md" in w]
    assert any("seeds/two.md:3: date: unknown date format '去年冬天'" in m for m in messages), messages
    assert any("seeds/two.md:4: source:" in m and "http:// or https://" in m for m in messages), messages
    page = result.page("zh-Hans/notes/two/index.html")
    assert "这篇笔记有几处没能按原样显示。" in page
    assert 'href="javascript:' not in page and "zd-source" not in page
    assert '<h1 id="zd-note-title">两处错</h1>' in page  # the fields that passed are used


def test_author_url_must_be_http(warned):
    result = warned
    assert result.ok, result.log
    assert_warns(result, "author-url.md", ["seeds/author-url.md:3: authors:", "http:// or https://"])
    assert 'href="javascript:' not in result.page("zh-Hans/notes/author-url/index.html")


# --------------------------------------------------------------------------- 4. no silent loss


def test_key_value_first_line_without_front_matter_stays_text(clean):
    result = clean
    assert result.ok and not result.warnings, result.log
    assert "Note: 这一行是正文的第一句话。" in result.page("zh-Hans/notes/first-line/index.html")
    index = documents(result.site_dir / "zh-Hans" / "search")
    assert "这一行是正文的第一句话" in json.dumps(index, ensure_ascii=False)


# --------------------------------------------------------------------------- 5. unclosed, duplicates


def test_unclosed_front_matter_is_a_warning_and_keeps_the_text(warned, site_builder):
    result = warned
    assert result.ok, result.log
    assert_warns(result, "unclosed.md", ["seeds/unclosed.md:1:", "never closed", "'---'"])
    assert "正文没有丢" in result.page("zh-Hans/notes/unclosed/index.html")
    assert not build(site_builder, {"unclosed.md": UNCLOSED}, strict=True).ok


def test_duplicate_front_matter_keys_are_a_warning(warned, site_builder):
    result = warned
    assert result.ok, result.log
    assert_warns(result, "dup.md", ["seeds/dup.md:4: title:", "twice", "line 2", "remove one"])
    assert not build(site_builder, {"dup.md": DUPLICATE}, strict=True).ok


# --------------------------------------------------------------------------- 6. Traditional notes


def test_traditional_note_title_is_simplified_on_the_simplified_site(clean):
    result = clean
    assert result.ok and not result.warnings, result.log
    page = result.page("zh-Hans/notes/hant/index.html")
    assert '<h1 id="zd-note-title">开源与资料中心</h1>' in page
    assert "<title>开源与资料中心 - " in page
    assert '<meta name="description" content="这是一篇用繁体中文写的笔记' in page
    assert "開源" not in page and "資料" not in page
    assert "开源与资料中心" in result.page("zh-Hans/index.html")
    assert "开源与资料中心" in json.dumps(
        documents(result.site_dir / "zh-Hans" / "search"), ensure_ascii=False
    )
    # The Traditional variants still show it in Traditional.
    hant = result.page("zh-Hant-TW/notes/hant/index.html")
    assert '<h1 id="zd-note-title">開源與資料中心</h1>' in hant and "<title>開源與資料中心 - " in hant
