"""Front-matter normalisation: the schema's options, the dialects, and the shipped notes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from mkdocs.config.base import ValidationError

from conftest import REPO
from zhudu.notes import corpus as notes
from zhudu.notes import meta, meta_fields
from zhudu.notes.meta_fields import Author

CST = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-22 22:20:48 +0800", datetime(2025, 12, 22, 22, 20, 48, tzinfo=CST)),
        ("2025-12-22T22:20:48+08:00", datetime(2025, 12, 22, 22, 20, 48, tzinfo=CST)),
        ("2025-12-22T14:20:48Z", datetime(2025, 12, 22, 14, 20, 48, tzinfo=UTC)),
        ("2025-05-16", datetime(2025, 5, 16, tzinfo=CST)),
        ("2025/05/16 08:30", datetime(2025, 5, 16, 8, 30, tzinfo=CST)),
        ("2025年5月16日", datetime(2025, 5, 16, tzinfo=CST)),
        (datetime(2023, 3, 23), datetime(2023, 3, 23, tzinfo=CST)),  # YAML gives naive datetimes
        (datetime(2023, 3, 23).date(), datetime(2023, 3, 23, tzinfo=CST)),
        (None, None),
    ],
)
def test_dates_become_aware_in_the_assumed_zone(value, expected):
    option = meta_fields.AwareDateTime(ZoneInfo("Asia/Shanghai"))
    result = option.validate(value)
    assert result == expected
    if result is not None:
        assert result.utcoffset() is not None


@pytest.mark.parametrize("value", ["yesterday", "22/12/2025", "2025-13-40"])
def test_unknown_date_formats_say_what_works(value):
    option = meta_fields.AwareDateTime(ZoneInfo("Asia/Shanghai"))
    with pytest.raises(ValidationError, match="ISO 8601"):
        option.validate(value)


@pytest.mark.parametrize(
    ("value", "tags", "handles"),
    [
        (
            ["@ahamoment2100 #技术下放 #AI #生物合成 #3D打印"],
            ("技术下放", "AI", "生物合成", "3D打印"),
            ("ahamoment2100",),
        ),
        ("AI, 开源，数据中心、隐私", ("AI", "开源", "数据中心", "隐私"), ()),
        (["a", "a", "#a", " b "], ("a", "b"), ()),
        ("`#AI泡沫` `#马斯克`", ("AI泡沫", "马斯克"), ()),
        (None, (), ()),
        ([], (), ()),
    ],
)
def test_tags_come_out_as_a_clean_list(value, tags, handles):
    assert meta_fields.split_tags(value) == (tags, handles)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("[[@ahamoment2100]]", Author(name="ahamoment2100", handle="ahamoment2100")),
        ("@feltanimalworld", Author(name="feltanimalworld", handle="feltanimalworld")),
        ("Susan STEM (@feltanimalworld)", Author(name="Susan STEM", handle="feltanimalworld")),
        ("殷子", Author(name="殷子")),
        ({"name": "殷子", "url": "https://example.org/"}, Author(name="殷子", url="https://example.org/")),
    ],
)
def test_authors_in_every_spelling(value, expected):
    assert meta_fields.parse_author(value) == expected


@pytest.mark.parametrize(
    ("value", "ok"),
    [("technology-devolution-2025", True), ("Notes-2025", True), ("技术下放", False), ("a b", False)],
)
def test_slugs_must_be_ascii(value, ok):
    option = meta_fields.Slug()
    if ok:
        assert option.validate(value) == value.lower()
    else:
        with pytest.raises(ValidationError, match="ASCII"):
            option.validate(value)


def test_aliases_pick_the_first_present_key_and_keep_the_rest():
    raw = {"created": "2025-05-16", "date": "2025-05-15", "posttime": "x", "layout": "post", "author": ["a"]}
    values, origin, extra = meta.resolve_aliases(raw)
    assert values["date"] == "2025-05-15" and origin["date"] == "date"
    assert values["authors"] == ["a"]
    assert extra == {"created": "2025-05-16", "posttime": "x", "layout": "post"}


@pytest.mark.parametrize(
    ("source", "handle", "url"),
    [
        ("https://x.com/a/status/1", "a", "https://x.com/a"),
        ("https://twitter.com/a/status/1", "a", "https://x.com/a"),
        ("https://example.org/post", "a", None),
        (None, "a", None),
    ],
)
def test_profile_urls_follow_the_source_platform(source, handle, url):
    assert meta.profile_url(source, handle) == url


# --------------------------------------------------------------------------- whole notes per dialect


def read(tmp_path: Path, name: str, text: str | bytes, **override):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return notes.read_note(
        path,
        f"seeds/{name}",
        settings=notes.NoteSettings(),
        override=override or None,
        override_lines={},
        override_file="docs/editorial/notes.yml",
        image_url=lambda note_id, p: f"../media/{note_id}/{p.name}",
        detect_script=lambda text: "Hant" if "體" in text else "Hans",
    )


def test_hugo_toml_front_matter(tmp_path):
    note = read(
        tmp_path,
        "hugo.md",
        '+++\ntitle = "开源与算力"\ndate = 2024-01-02T03:04:05+08:00\ntags = ["开源", "算力"]\n'
        'slug = "open-compute"\ndraft = false\n+++\n\n正文第一段，讲开源模型和算力的关系。\n',
    )
    assert note.problems == []
    assert note.meta.dialect == "hugo"
    assert note.meta.title == "开源与算力"
    assert note.meta.slug == "open-compute"
    assert note.meta.date == datetime(2024, 1, 2, 3, 4, 5, tzinfo=CST)
    assert note.meta.tags == ("开源", "算力")
    assert note.meta.extra == {"draft": False}


def test_note_without_front_matter_gets_title_from_heading_and_id_slug(tmp_path):
    note = read(tmp_path, "无题_01.md", "# 一个标题\n\n这是一段足够长的中文正文，用来生成摘要。\n")
    assert note.meta.dialect == "none"
    assert note.meta.title == "一个标题"
    assert note.meta.slug == "01"
    assert note.meta.date is None
    assert note.meta.description.startswith("这是一段")


def test_chinese_only_file_name_gets_a_stable_hash_slug(tmp_path):
    first = read(tmp_path, "笔记.md", "正文。\n")
    again = read(tmp_path, "笔记.md", "正文改过了。\n")
    assert first.meta.slug == again.meta.slug
    assert first.meta.slug.startswith("note-") and first.meta.slug.isascii()


def test_editor_overrides_win_and_are_validated(tmp_path):
    note = read(
        tmp_path, "a.md", "---\ntitle: 1121tech\n---\n\n正文。\n", title="真正的标题", date="不是日期"
    )
    assert note.meta.title == "真正的标题"
    assert [p.path for p in note.problems] == ["docs/editorial/notes.yml"]
    assert "ISO 8601" in note.problems[0].message


def test_reading_time_counts_characters_and_words(tmp_path):
    note = read(tmp_path, "r.md", "---\ntitle: t\n---\n\n" + "字" * 900 + "\n\n" + "word " * 220 + "\n")
    assert (note.meta.chars, note.meta.words) == (900, 220)
    assert note.meta.reading_minutes == 3  # 900/450 + 220/220


def test_traditional_note_is_detected(tmp_path):
    note = read(tmp_path, "t.md", "---\ntitle: 繁體\n---\n\n這是一篇用繁體字寫的筆記。\n")
    assert note.meta.lang == "zh-Hant"
    assert note.meta.region is None


@pytest.mark.parametrize(
    ("key", "written", "lang", "region"),
    [
        ("lang", "zh-HK", "zh-Hant", "HK"),
        ("language", "zh_tw", "zh-Hant", "TW"),  # Hexo's
        ("lang", "zh-Hant-TW", "zh-Hant", "TW"),
        ("lang", "zh-MO", "zh-Hant", "MO"),
        ("lang", "zh-Hant", "zh-Hant", None),
        ("lang", "zh-CN", "zh-Hans", None),
    ],
)
def test_a_notes_region_is_kept_with_its_script(tmp_path, key, written, lang, region):
    note = read(tmp_path, "t.md", f"---\ntitle: 繁體\n{key}: {written}\n---\n\n這是一篇筆記。\n")
    assert note.problems == [] and (note.meta.lang, note.meta.region) == (lang, region)
    assert note.meta.as_dict()["region"] == region
    # An editor's notes.yml entry says it too.
    assert read(tmp_path, "t.md", "這是一篇筆記。\n", lang=written).meta.region == region


def test_the_builds_own_marks_typed_in_a_note_are_shown_as_replacement_characters(tmp_path):
    """U+FDD0–FDD2 mark a Traditional note's rewritten words while the build converts (``script/as_written.py``)."""
    note = read(tmp_path, "m.md", "---\ntitle: 標\ufdd1題\n---\n\n第一行。\n\n甲\ufdd0乙\ufdd1丙\ufdd2丁。\n")
    assert "甲\ufffd乙\ufffd丙\ufffd丁" in note.markdown and "\ufdd0" not in note.markdown
    said = [(p.line, p.message) for p in note.problems]
    assert (7, "3 control character(s) (such as NUL, U+FDD0) in the text, shown as �: delete them") in said, (
        said
    )
    assert any(line == 2 and "U+FDD1" in message and "remove it" in message for line, message in said), said
    assert "\ufdd1" not in note.meta.title


# --------------------------------------------------------------------------- the shipped notes


@pytest.fixture(scope="module")
def shipped():
    from zhudu.publish.site import Site
    from zhudu.settings import ZhuduConfig

    settings = ZhuduConfig()
    settings.load_dict({})
    settings.validate()
    site = Site(settings=settings, root=REPO, site_url="")
    return site.load_notes().by_id()


def test_obsidian_clip_of_an_x_thread(shipped):
    note = shipped["000_c4e85c303978632c"]
    m = note.meta
    assert m.dialect == "obsidian-clipper"
    assert m.authors == (
        Author(name="ahamoment2100", handle="ahamoment2100", url="https://x.com/ahamoment2100"),
    )
    # The author's handle in the tag string is an author, not a tag.
    assert m.tags == ("技术下放", "AI", "生物合成", "卫星", "3D打印", "媒体制作", "权力结构", "未来")
    # The thread's first post is the publication date; the clip date is kept as written.
    assert m.date == datetime(2025, 5, 15, tzinfo=CST)
    assert m.extra["created"] == date(2025, 5, 16)
    assert m.source == "https://x.com/ahamoment2100/status/1922935141674197044"
    assert [(p.name, p.handle) for p in note.body.posts] == [
        ("ahamoment2100", "ahamoment2100"),
        ("Susan STEM", "feltanimalworld"),
        ("I Solved AGI - Jayan Prasad", "isolvedagi2"),
    ]
    assert note.problems == []


def test_jekyll_post_with_placeholder_title_and_backtick_hashtags(shipped):
    note = shipped["001_95c9da27f30b03d0"]
    m = note.meta
    assert m.dialect == "jekyll"
    assert m.title == "2025启示录：AI泡沫、中美暗战与马斯克的权力游戏"  # the editor's, over "1121tech"
    assert m.date == datetime(2025, 12, 22, 22, 20, 48, tzinfo=CST)
    assert m.extra == {"layout": "post", "posttime": "2025-12-22 22:20:48 +0800"}
    assert m.tags == ("AI泡沫", "马斯克", "中美科技战", "数据中心", "科技反思")
    assert note.body.wrappers == ["preamble", "tail"]
    assert note.problems == []


def test_hexo_post_with_missing_images(shipped):
    note = shipped["002_b47107d45cc7a228"]
    m = note.meta
    assert m.dialect == "hexo"
    assert m.date == datetime(2023, 3, 23, tzinfo=CST)
    assert m.updated == datetime(2024, 5, 14, tzinfo=CST)
    assert note.body.dropped_title_heading
    assert [(i.line, i.exists) for i in note.body.images] == [(26, False), (42, False)]
    assert "zd-missing-image" in note.markdown
    assert note.problems == []


def test_slugs_are_ascii_and_never_from_converted_titles(shipped):
    for note in shipped.values():
        assert note.meta.slug.isascii()
        assert note.meta.lang == "zh-Hans"


def test_notes_read_in_worker_processes_are_the_notes_read_here(tmp_path):
    """``mkdocs build`` reads a large ``seeds/`` on every CPU (``workers.forked_map_in_slices``):
    the notes, their problems and their order come back as one process reads them."""
    import multiprocessing
    import shutil

    from zhudu.publish import workers

    for path in (REPO / "seeds").iterdir():
        shutil.copy2(path, tmp_path / path.name)
    (tmp_path / "broken.md").write_text("---\ntitle: [坏的\n---\n\n正文。\n", encoding="utf-8")
    (tmp_path / "undated.md").write_text("---\ntitle: 无日期\ndate: 上周\n---\n\n正文。\n", encoding="utf-8")

    def load(map_paths):
        return notes.load_corpus(
            tmp_path.glob("*.md"),
            lambda p: f"seeds/{p.name}",
            settings=notes.NoteSettings(timezone="Asia/Shanghai"),
            overrides={},
            override_lines={},
            override_file="docs/editorial/notes.yml",
            image_url=lambda note_id, p: f"../media/{note_id}/{p.name}",
            detect_script=lambda text: "Hant" if "體" in text else "Hans",
            map_paths=map_paths,
        )

    # Children an earlier test of this process left (a build's pools end with their process) are not ours.
    earlier = set(multiprocessing.active_children())
    here = load(None)
    forked = load(lambda read, paths: workers.forked_map_in_slices(read, paths, 3))
    assert set(multiprocessing.active_children()) <= earlier
    assert [repr(n) for n in forked.notes] == [repr(n) for n in here.notes]
    assert any(n.broken for n in here.notes) and any(n.problems and not n.broken for n in here.notes)
    assert len(here.notes) == len(list((REPO / "seeds").iterdir())) + 2
