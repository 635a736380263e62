"""A Hugo page bundle (``posts/第一篇/index.md``, its images beside it) is one page of the folder above.

Hugo's rule: a folder whose only note is its ``index.md`` (a leaf bundle) is a page of its parent
section, not a section of its own; the note still resolves its images and links from its own folder.
A folder with other notes beside its ``index.md``, or notes in folders below, stays a section.
Real builds with MkDocs, Material and OpenCC (``build_site``).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from test_serve import start_serving, wait_for

from conftest import build_site, ctrl_c, free_port
from zhudu.notes.corpus import default_slug

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)

BLOG = {
    "hugo/posts/第一篇/index.md": '+++\ntitle = "第一篇"\ndate = 2024-03-01\n+++\n\n第一篇的正文。\n\n![封面](封面.png)\n',
    "hugo/posts/第一篇/封面.png": PNG,
    "hugo/posts/第二篇/index.md": "---\ntitle: 第二篇\ndate: 2024-03-02\n---\n\n第二篇的正文，见[第一篇](../第一篇/index.md)。\n",
    "hugo/posts/旧文.md": "---\ntitle: 旧文\ndate: 2024-01-01\n---\n\n一篇不在文件夹里的旧文。\n",
    "hugo/about/index.md": "---\ntitle: 关于\ndate: 2024-01-02\n---\n\n关于这个博客。\n",
    # Not bundles: an index.md beside other notes, and one with notes in a folder below it.
    "文档/index.md": "---\ntitle: 文档首页\ndate: 2024-02-01\n---\n\n文档的首页。\n",
    "文档/安装.md": "---\ntitle: 安装\ndate: 2024-02-02\n---\n\n怎样安装。\n",
    "专题/index.md": "---\ntitle: 专题首页\ndate: 2024-02-03\n---\n\n专题的首页。\n",
    "专题/深处/一篇.md": "---\ntitle: 深处一篇\ndate: 2024-02-04\n---\n\n深处的一篇。\n",
    # A section's own page (Hugo's _index.md): its title and introduction, no note.
    "hugo/posts/_index.md": '+++\ntitle = "全部文章"\n+++\n\n这里是全部文章，<script>alert(1)</script>按日期排。\n\n第二段介绍。\n',
    "文档/_index.md": "文档的介绍：**安装**之前先读。\n",
    "专题/_index.md": "---\ntitle: 专题合集\ndescription: 专题的描述。\n---\n",  # front matter alone: no problem
}


@pytest.fixture(scope="module")
def blog(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("bundles"), notes=BLOG)
    assert result.ok, result.log
    return result


def serve_notes(root, notes: dict[str, str]):
    """``notes`` built into ``root`` and served by ``mkdocs serve`` watching ``seeds/``: the process and its port."""
    build_site(root, notes=notes, config={"watch": ["seeds"]}, strict=False)
    port = free_port()
    return start_serving(root, port), port


def sections_on_home(result, variant: str) -> dict[str, int]:
    """The home page's section list: section link → number of notes (names are converted, links not)."""
    home = result.page(f"{variant}/index.html")
    nav = home[home.index('<nav class="zd-sections"') :]
    nav = nav[: nav.index("</nav>")]
    return {
        href: int(count) for href, count in re.findall(r'<a href="(sections/[^"]+)">[^<]+</a>（(\d+)）', nav)
    }


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW"])
def test_a_page_bundle_is_a_page_of_the_folder_above(blog, variant):
    expected = {
        "hugo/posts": 3,  # two bundles and a plain note
        "hugo": 1,  # about/index.md
        "文档": 2,
        "专题": 1,
        "专题/深处": 1,
    }
    sections = sections_on_home(blog, variant)
    assert sections == {f"sections/{default_slug(name)}/": count for name, count in expected.items()}
    posts = blog.page(f"{variant}/sections/{default_slug('hugo/posts')}/index.html")
    article = posts[posts.index("<article") : posts.index("</article>")]
    for identifier in ("hugo/posts/第一篇/index", "hugo/posts/第二篇/index", "hugo/posts/旧文"):
        assert f"notes/{default_slug(identifier)}/" in unquote(article), (identifier, article)
    for bundle in ("hugo/posts/第一篇", "hugo/posts/第二篇", "hugo/about"):
        assert not (blog.site_dir / variant / "sections" / default_slug(bundle)).exists(), bundle


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW"])
def test_a_folders_index_md_titles_and_introduces_its_section_and_is_no_note(blog, variant):
    """Its notes are counted without it (above); its title and prose head page 1, as text; no page, card or feed item."""
    posts = blog.page(f"{variant}/sections/{default_slug('hugo/posts')}/index.html")
    article = posts[posts.index("<article") : posts.index("</article>")]
    intro = "這裡是全部文章" if variant == "zh-Hant-TW" else "这里是全部文章"
    assert re.search(r"<h1[^>]*>全部文章", article) and "<title>全部文章" in posts, article
    paragraphs = re.findall(r"<p[^>]*>(.*?)</p>", article)
    assert paragraphs[:2] == [
        f"{intro}，alert(1) 按日期排。",
        "第二段介紹。" if variant != "zh-Hans" else "第二段介绍。",
    ], article
    assert "<script>alert" not in posts
    docs = blog.page(f"{variant}/sections/{default_slug('文档')}/index.html")
    assert re.search(r"<h1[^>]*>文[档檔件]", docs) and ("之前先读" in docs or "之前先讀" in docs), docs
    assert ">全部文章</a>（3）" in blog.page(f"{variant}/index.html")  # the home page's section list
    topics = blog.page(f"{variant}/sections/{default_slug('专题')}/index.html").replace("專題", "专题")
    assert re.search(r"<h1[^>]*>专题合集</h1>\s*<p[^>]*>专题的描述。</p>", topics), topics
    shown = [
        p for p in (blog.site_dir / variant).rglob("*") if p.is_file() and intro.encode() in p.read_bytes()
    ]
    assert [p.relative_to(blog.site_dir / variant).as_posix() for p in shown] == [
        f"sections/{default_slug('hugo/posts')}/index.html"
    ]


def test_a_bundle_still_shows_its_images_and_resolves_its_links(blog):
    page = blog.page(f"zh-Hans/notes/{default_slug('hugo/posts/第一篇/index')}/index.html")
    image = re.search(r'<img[^>]*src="([^"]*\.png)"', page)
    assert image, page
    page_dir = blog.site_dir / "zh-Hans/notes" / default_slug("hugo/posts/第一篇/index")
    assert (page_dir / unquote(image.group(1))).resolve().read_bytes() == PNG
    second = blog.page(f"zh-Hans/notes/{default_slug('hugo/posts/第二篇/index')}/index.html")
    link = re.search(r'<a href="([^"]+)"[^>]*>第一篇</a>', second)
    assert link and (unquote(link.group(1)).rstrip("/").endswith(default_slug("hugo/posts/第一篇/index"))), (
        second
    )
    assert blog.warnings == []


def test_under_serve_a_folder_is_a_bundle_while_its_index_md_is_its_only_note(tmp_path):
    """The bundle rule is about every note of the folder: a note saved beside an index.md makes the folder a
    section on the served home page, and deleting it makes the index.md a page of the folder above again."""
    notes = {
        "posts/甲/index.md": "---\ntitle: 甲\ndate: 2024-03-01\n---\n\n甲的正文。\n",
        "posts/乙.md": "---\ntitle: 乙\ndate: 2024-03-02\n---\n\n乙的正文。\n",
    }
    proc, port = serve_notes(tmp_path, notes)
    home = f"http://127.0.0.1:{port}/zhudu/zh-Hans/"
    try:
        page = wait_for(home, ">posts</a>（2）", timeout=60)
        assert ">posts/甲</a>" not in page
        sibling = tmp_path / "seeds/posts/甲/附录.md"
        sibling.write_text("---\ntitle: 附录\ndate: 2024-03-03\n---\n\n附录的正文。\n", encoding="utf-8")
        page = wait_for(home, ">posts/甲</a>（2）", timeout=60)
        assert ">posts</a>（1）" in page
        wait_for(f"{home}sections/{default_slug('posts/甲')}/", "附录", timeout=60)
        sibling.unlink()
        page = wait_for(home, ">posts</a>（2）", timeout=60)
        assert ">posts/甲</a>" not in page
    finally:
        ctrl_c(proc)
