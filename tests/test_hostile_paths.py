"""Hostile paths and identities in notes and settings: nothing outside the project is published.

A note is untrusted input (web clippers, other people's tools).  Its image links, a symbolic link
among the notes, its slug or template, and two notes sharing a name must never publish a file from
outside ``seeds/``, write outside the site, crash the build or lose a note.  Every refusal is a
warning naming the file and line and saying what to do (so ``--strict`` fails), never a traceback.
Real builds with MkDocs and Material (``build_site``, as the ``site_builder`` fixture uses it).
"""

from __future__ import annotations

import hashlib
import os
import re
import struct
import zlib
from pathlib import Path

import pytest

from conftest import BuildResult, build_site

GOOD = "---\ntitle: 好笔记\ndate: 2024-01-01\n---\n\n这是一篇正常的笔记，讲开源模型和数据中心。\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def png_header(width: int, height: int) -> bytes:
    """A PNG file of a few bytes whose header says ``width`` × ``height`` (a decompression bomb's shape)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


#: Bytes of every file planted outside ``seeds/``: none of them may turn up in the site.
SECRET = b"ZHUDU-SECRET-OUTSIDE-THE-PROJECT"


def build(root: Path, *, links: dict[str, Path] | None = None, **kwargs) -> BuildResult:
    """``build_site`` (what ``site_builder`` runs), with symbolic links placed in ``seeds/`` first."""
    for name, target in (links or {}).items():
        link = root / "seeds" / name
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target)
    return build_site(root, **kwargs)


def outside(tmp_path: Path) -> Path:
    """A folder beside the project holding files the build must never publish."""
    folder = tmp_path / "outside"
    folder.mkdir(exist_ok=True)
    (folder / "secret.png").write_bytes(PNG + SECRET)
    (folder / "ext.md").write_bytes("---\ntitle: 外面的笔记\n---\n\n不该发布的正文。\n".encode() + SECRET)
    return folder


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry of ``seeds/``: a link's target as written, a file's digest."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[rel] = "link:" + os.readlink(path)
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def assert_nothing_from_outside(result: BuildResult) -> None:
    """No file of the site is or contains a planted file, /etc/passwd, or a symbolic link."""
    for path in result.site_dir.rglob("*"):
        assert not path.is_symlink(), path
        if path.is_file():
            data = path.read_bytes()
            assert SECRET not in data, path
            assert b"root:x:0:0" not in data, path


def warning(result: BuildResult, *parts: str) -> str:
    """The one warning containing every part."""
    found = [w for w in result.warnings if all(p in w for p in parts)]
    assert len(found) == 1, (parts, result.warnings)
    return found[0]


# --------------------------------------------------------------------------- images and linked notes


def test_images_outside_seeds_or_not_images_are_refused(tmp_path, recwarn):
    out = outside(tmp_path)
    note = (
        "---\ntitle: 图片\n---\n\n第一段。\n\n"  # the body starts on line 5
        "![密码](../../../../../../etc/passwd)\n\n"  # 7
        f"![秘密]({out / 'secret.png'})\n\n"  # 9: an absolute path
        "![x](assets/out/secret.png)\n\n"  # 11: a linked folder leading out
        "![代码](assets/run.py)\n\n"  # 13: inside seeds/, but not an image
        "![矢量](assets/drawing.svg)\n\n"  # 15: SVG can carry scripts
        "![好图](assets/ok.png)\n\n"  # 17: published
        "![别名](assets/alias.png)\n\n"  # 19: a link to an image inside seeds/ is fine
        "![巨](assets/huge.png)\n\n"  # 21: 400 megapixels in a few bytes (Pillow refuses to open it)
        '<img src="assets/big.png" alt="大">\n\n'  # 23: 120 megapixels (Pillow only warns)
        "![目录](assets/dir.png)\n"  # 25: a folder
    )
    notes = {
        "img.md": note,
        "assets/run.py": "import os\n",
        "assets/drawing.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "assets/ok.png": PNG,
        "assets/huge.png": png_header(20000, 20000),
        "assets/big.png": png_header(12000, 10000),
        "assets/dir.png/inside.png": PNG,
    }
    links = {"assets/out": out, "assets/alias.png": Path("ok.png")}
    root = tmp_path / "project"
    result = build(root, links=links, notes=notes, strict=False)
    assert result.ok, result.log
    assert "Traceback" not in result.log

    passwd = warning(result, "seeds/img.md:7:", "../../../../../../etc/passwd")
    assert "outside seeds/" in passwd and "not published" in passwd and "move the image into seeds/" in passwd
    warning(result, "seeds/img.md:9:", "outside seeds/", "not published")
    warning(result, "seeds/img.md:11:", "assets/out/secret.png", "outside seeds/")
    code = warning(result, "seeds/img.md:13:", "assets/run.py")
    assert "is not an image file" in code and ".png" in code and "not published" in code
    warning(result, "seeds/img.md:15:", "assets/drawing.svg", "is not an image file")
    huge = warning(
        result, "seeds/img.md:21: image assets/huge.png is 400 megapixels, over the 40-megapixel limit"
    )
    assert "not published" in huge and "scale it down" in huge
    warning(result, "seeds/img.md:23: image assets/big.png is 120 megapixels, over the 40-megapixel limit")
    warning(result, "seeds/img.md:25: image assets/dir.png is a folder, not an image file", "not published")
    # Pillow's own warning, naming no note, is never let out.
    assert "DecompressionBomb" not in result.log
    assert not [w for w in recwarn if "decompression bomb" in str(w.message)], [
        str(w.message) for w in recwarn
    ]
    assert not [w for w in result.warnings if "ok.png" in w or "alias.png" in w]
    # Refused images are not counted as missing ones.
    assert "missing image" not in result.log

    media = sorted(
        p.relative_to(result.site_dir / "media").as_posix() for p in (result.site_dir / "media").rglob("*.*")
    )
    assert media == ["img/assets/ok.png"]  # the link inside seeds/ is published as the file it leads to
    assert (result.site_dir / "media/img/assets/ok.png").read_bytes() == PNG
    assert_nothing_from_outside(result)
    page = result.page("zh-Hans/notes/img/index.html")
    assert page.count("zd-missing-image--refused") == 8
    assert 'aria-label="图片未发布：巨"' in page and 'aria-label="图片未发布：目录"' in page
    assert (
        'aria-label="图片未发布：密码"' in page and "etc/passwd" not in page
    )  # the path: the warning's, not the page's
    assert page.count("media/img/assets/ok.png") == 2
    # The page tells its readers, as for any other problem of the note (mkdocs serve lists what to fix).
    assert "这篇笔记有几处没能按原样显示。" in page

    before = snapshot(root / "seeds")
    strict = build(root, strict=True)
    assert not strict.ok and "strict" in strict.error
    assert snapshot(root / "seeds") == before  # nothing in seeds/ was touched, links included
    assert before["assets/out"] == f"link:{out}"


def test_linked_note_leading_out_of_seeds_is_refused(tmp_path):
    out = outside(tmp_path)
    root = tmp_path / "project"
    notes = {"good.md": GOOD, "drafts/real.md": "---\ntitle: 草稿\n---\n\n链接到 seeds 里面的笔记。\n"}
    links = {"link.md": out / "ext.md", "alias.md": Path("drafts/real.md"), "loop.md": Path("loop.md")}
    result = build(root, links=links, notes=notes, strict=False)
    assert result.ok, result.log
    assert "Traceback" not in result.log
    message = warning(result, "seeds/link.md:")
    assert str(out / "ext.md") in message and "outside seeds/" in message
    assert "not published" in message and "copy the note into seeds/" in message
    warning(result, "seeds/loop.md:", "not a readable file", "not published")
    assert not (result.site_dir / "zh-Hans/notes/link").exists()
    assert not (result.site_dir / "zh-Hans/notes/ext").exists()
    assert_nothing_from_outside(result)
    # A link to a note inside seeds/ is read like any note, under the link's name.
    assert "链接到 seeds 里面的笔记" in result.page("zh-Hans/notes/alias/index.html")
    assert not build(root, strict=True).ok


# --------------------------------------------------------------------------- slugs, URL folder, folders


def test_slug_never_leads_out_of_the_site(tmp_path):
    escape = "../../../../../../../../tmp/zdx-escape"
    escaped = Path("/tmp/zdx-escape")
    existed = escaped.exists()
    root = tmp_path / "project"
    notes = {
        "good.md": GOOD,
        "esc.md": f"---\ntitle: 逃逸\nslug: {escape}\n---\n\n正文。\n",
        "esc2.md": "---\ntitle: 编辑逃逸\n---\n\n正文。\n",
    }
    editorial = {"notes.yml": f"esc2:\n  slug: '{escape}'\n"}
    result = build(root, notes=notes, editorial=editorial, strict=False)
    assert result.ok, result.log
    assert "Traceback" not in result.log
    # The schema refuses it (hooks/zhudu/notes/meta.py Slug): the note keeps its default slug.
    assert "lowercase letters, digits and hyphens" in warning(result, "seeds/esc.md:3:", "slug")
    warning(result, "docs/editorial/notes.yml:2:", "slug")
    assert (result.site_dir / "zh-Hans/notes/esc/index.html").is_file()
    assert (result.site_dir / "zh-Hans/notes/esc2/index.html").is_file()
    assert escaped.exists() == existed
    # Only what a build makes: the site, and the cache of per-note artifacts (extra.zhudu.cache_dir).
    assert sorted(p.name for p in root.iterdir()) == [".cache", "docs", "mkdocs.yml", "seeds", "site"]
    # The home page links only to pages inside the site.
    for home in ("index.html", "zh-Hans/index.html"):
        hrefs = re.findall(r'href="([^"]*)"', result.page(home))
        assert hrefs and not [h for h in hrefs if "zdx" in h or (home == "index.html" and h.startswith(".."))]
    assert not build(root, strict=True).ok


@pytest.mark.parametrize(
    "value", ["../../zdx-notes-out", "/zdx-abs", "https://example.com/notes", "a/../b", ""]
)
def test_notes_url_must_be_a_folder_inside_the_site(tmp_path, value):
    result = build(tmp_path / "project", notes={"good.md": GOOD}, zhudu={"notes_url": value}, strict=False)
    assert not result.ok
    assert "Traceback" not in result.log
    assert f"mkdocs.yml: extra.zhudu.notes_url: {value!r} is not a folder inside the site" in result.log
    assert "like 'notes' or 'archive/notes'" in result.log
    assert not list(tmp_path.rglob("zdx-*"))


def test_notes_url_of_several_folders_is_fine(tmp_path):
    result = build(tmp_path / "project", notes={"good.md": GOOD}, zhudu={"notes_url": "archive/notes/"})
    assert result.ok, result.log
    assert (result.site_dir / "zh-Hans/archive/notes/good/index.html").is_file()


@pytest.mark.parametrize("key", ["seeds_dir", "editorial_dir"])
def test_missing_folder_is_an_error_naming_the_setting_and_the_path(tmp_path, key):
    root = tmp_path / "project"
    # notes.yml naming a note: a missing seeds/ used to report an unknown id among no ids.
    editorial = {"notes.yml": "good:\n  title: 好\n"}
    result = build(root, notes={"good.md": GOOD}, editorial=editorial, zhudu={key: "nope"}, strict=False)
    assert not result.ok
    assert "Traceback" not in result.log
    assert f"mkdocs.yml: extra.zhudu.{key}: 'nope' does not exist ({root / 'nope'})" in result.log
    assert "create the folder" in result.log
    assert "unknown note id" not in result.log


def test_folder_outside_the_project_is_a_warning(tmp_path):
    """A notes folder outside the project (the folder of mkdocs.yml) is the site owner's choice, so
    the build goes on; but a clone of the repository would build without those notes, so it is a
    warning (``--strict`` fails).  A symbolic link inside the project leading there says the
    layout is meant: no warning.  (Every path a *note* names is still held to the notes folder.)
    """
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "far.md").write_text(GOOD, encoding="utf-8")
    root = tmp_path / "project"
    result = build(root, zhudu={"seeds_dir": "../elsewhere"}, strict=False)
    assert result.ok, result.log
    message = warning(
        result, "mkdocs.yml: extra.zhudu.seeds_dir: '../elsewhere' is outside the project folder"
    )
    assert str(elsewhere) in message and "move the folder into the project" in message
    assert (result.site_dir / "zh-Hans/notes/far/index.html").is_file()
    assert not build(root, zhudu={"seeds_dir": "../elsewhere"}, strict=True).ok

    linked = tmp_path / "linked"
    (linked / "notes").parent.mkdir(parents=True)
    (linked / "notes").symlink_to(elsewhere)
    result = build(linked, zhudu={"seeds_dir": "notes"}, strict=True)
    assert result.ok, result.log
    assert (result.site_dir / "zh-Hans/notes/far/index.html").is_file()


# --------------------------------------------------------------------------- templates


@pytest.mark.parametrize(
    "template", ["nope.html", "../../../../../etc/passwd", "partials/header.html", "/etc/passwd"]
)
def test_editor_template_must_be_a_theme_template(tmp_path, template):
    editorial = {"notes.yml": f"good:\n  template: '{template}'\n"}
    result = build(tmp_path / "project", notes={"good.md": GOOD}, editorial=editorial, strict=False)
    assert result.ok, result.log
    assert "Traceback" not in result.log
    message = warning(
        result, f"docs/editorial/notes.yml:2: template {template!r} is not a template of the theme"
    )
    assert "uses the default note.html" in message and "template in overrides/" in message
    page = result.page("zh-Hans/notes/good/index.html")
    assert 'class="zd-note"' in page  # note.html
    assert_nothing_from_outside(result)


def test_front_matter_template_never_crashes(tmp_path):
    note = "---\ntitle: 模板\ntemplate: ../../../../../etc/passwd\n---\n\n正文。\n"
    result = build(tmp_path / "project", notes={"tpl.md": note, "good.md": GOOD}, strict=False)
    assert result.ok, result.log
    assert "Traceback" not in result.log
    # Front matter's template is kept as an extra key today; if it is ever read, it is checked the same way.
    assert not [w for w in result.warnings if "template" in w and "seeds/tpl.md:3:" not in w]
    assert 'class="zd-note"' in result.page("zh-Hans/notes/tpl/index.html")
    assert_nothing_from_outside(result)


def test_a_theme_template_is_used(tmp_path):
    editorial = {"notes.yml": "good:\n  template: main.html\n"}
    result = build(tmp_path / "project", notes={"good.md": GOOD}, editorial=editorial)
    assert result.ok, result.log
    assert 'class="zd-note"' not in result.page("zh-Hans/notes/good/index.html")


# --------------------------------------------------------------------------- notes sharing a name


def test_notes_sharing_a_file_stem_are_all_kept(tmp_path, recwarn):
    """``same.md``, ``same.markdown`` and ``same.txt`` all had the id ``same`` and one page overwrote
    another.  Nothing is refused, since nothing is wrong with the notes themselves: the ``.md`` (first
    in ``NOTE_SUFFIXES``) keeps the id, the others take their whole file name as id, each is
    published under its own slug, and a warning names both files so the author can rename one.
    """
    notes = {
        "same.md": "---\ntitle: 甲\n---\n\n甲的正文。\n",
        "same.markdown": "---\ntitle: 乙\n---\n\n乙的正文。\n",
        "same.txt": "丙的正文，没有前言。\n",
        # Three notes claiming one slug, one of them the disambiguated slug of another.
        "a.md": "---\ntitle: 子\nslug: dup-c\n---\n\n子的正文。\n",
        "b.md": "---\ntitle: 丑\nslug: dup\n---\n\n丑的正文。\n",
        "c.md": "---\ntitle: 寅\nslug: dup\n---\n\n寅的正文。\n",
    }
    editorial = {"notes.yml": "same.txt:\n  title: 丙\n"}  # the editor keys the renamed note by its id
    root = tmp_path / "project"
    result = build(root, notes=notes, editorial=editorial, strict=False)
    assert result.ok, result.log
    assert "Traceback" not in result.log
    for name, slug in (("same.markdown", "same-markdown"), ("same.txt", "same-txt")):
        message = warning(result, f"seeds/{name}: note id 'same' is already taken by seeds/same.md")
        assert f"kept as id {name!r}, published as {slug!r}" in message and "rename one" in message
    pages = {
        "same": "甲的正文",
        "same-markdown": "乙的正文",
        "same-txt": "丙的正文",
        "dup-c": "子的正文",
        "dup": "丑的正文",
        "dup-c-c": "寅的正文",
    }
    for slug, text in pages.items():
        assert text in result.page(f"zh-Hans/notes/{slug}/index.html"), slug
    assert "<title>丙" in result.page("zh-Hans/notes/same-txt/index.html")
    assert not [
        w for w in recwarn if issubclass(w.category, DeprecationWarning) and "replace" in str(w.message)
    ]
    assert not build(root, strict=True).ok


def test_a_note_given_its_own_id_links_its_images_where_they_are_published(tmp_path):
    """``same.txt`` (id ``same.txt``) publishes its image under its own id, and links it there."""
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "pic.png").write_bytes(PNG)
    notes = {
        "same.md": "---\ntitle: 甲\n---\n\n甲的正文。\n\n![甲图](pic.png)\n",
        "same.txt": "---\ntitle: 丙\n---\n\n丙的正文。\n\n![丙图](pic.png)\n",
    }
    result = build(root, notes=notes, strict=False)
    assert result.ok, result.log
    page = result.page("zh-Hans/notes/same-txt/index.html")
    (src,) = re.findall(r'<img[^>]*alt="丙图"[^>]*src="([^"]+)"|<img[^>]*src="([^"]+)"[^>]*alt="丙图"', page)[
        0:1
    ]
    link = next(s for s in src if s)
    assert "media/same.txt/pic.png" in link, link
    published = (result.site_dir / "zh-Hans/notes/same-txt" / link).resolve()
    assert published.is_file() and published.read_bytes() == PNG


def test_folders_of_seeds_are_read_but_links_to_folders_are_not_followed(tmp_path):
    """Notes in folders are read; a symbolic link to a folder (outside, or a loop) is never entered."""
    out = outside(tmp_path)
    (out / "sub").mkdir()
    (out / "sub" / "inner.md").write_bytes(
        "---\ntitle: 外面文件夹里的笔记\n---\n\n不该发布。\n".encode() + SECRET
    )
    root = tmp_path / "project"
    notes = {"good.md": GOOD, "folder/real.md": "---\ntitle: 文件夹里的笔记\n---\n\n文件夹里的正文。\n"}
    links = {"away": out, "folder/back": Path(".."), "folder/loop": Path("loop")}
    result = build(root, links=links, notes=notes)
    assert result.ok, result.log
    assert "Traceback" not in result.log
    assert "文件夹里的正文" in result.page("zh-Hans/notes/folder-real/index.html")
    assert sorted(p.name for p in (result.site_dir / "zh-Hans/notes").iterdir()) == ["folder-real", "good"]
    assert_nothing_from_outside(result)
