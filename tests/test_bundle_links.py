"""Hugo's links between page bundles: ``posts/第一篇/index.md`` is the page ``/posts/第一篇/``.

Hugo writes a link to a bundle by its URL, the folder: ``../第一篇/`` (relative to the linking page's URL),
``/posts/第一篇/`` (from the site's root), with or without the trailing slash, with a ``#heading``, or by
``{{< ref >}}``/``{{< relref >}}`` with the folder's path or name.  Each resolves to the bundle's note; a link
to a folder that is not a bundle (an ``index.md`` beside other notes, or with notes below it) stays dead.
Real builds with MkDocs, Material and OpenCC (``build_site``).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from test_page_bundle_sections import BLOG as SECTIONS_BLOG
from test_page_bundle_sections import serve_notes
from test_serve import wait_for

from conftest import build_site, ctrl_c
from zhudu.notes.corpus import default_slug

FIRST = "posts/第一篇/index"
LINKS = {
    "相对": "../第一篇/",
    "相对无斜线": "../第一篇",
    "绝对": "/posts/第一篇/",
    "绝对无斜线": "/posts/第一篇",
    "相对带标题": "../第一篇/#小节",
    "绝对带标题": "/posts/第一篇/#小节",
    "引用": '{{< ref "posts/第一篇" >}}',
    "绝对引用带标题": '{{< relref "/posts/第一篇#小节" >}}',
}
BLOG = {
    "posts/第一篇/index.md": '+++\ntitle = "第一篇"\ndate = 2024-03-01\n+++\n\n第一篇的正文。\n\n## 小节\n\n小节的正文。\n',
    "posts/第二篇/index.md": "---\ntitle: 第二篇\ndate: 2024-03-02\n---\n\n"
    + "".join(f"见[{text}]({link})。\n\n" for text, link in LINKS.items())
    + "不是页面束的文件夹：[文档夹](../../文档/)与[专题夹](/专题/)。\n",
    # A plain post's URL is /posts/旧文/: Hugo resolves ``../第一篇/`` from there.
    "posts/旧文.md": '---\ntitle: 旧文\ndate: 2024-01-01\n---\n\n见[旧文相对](../第一篇/)与[名字引用]({{< ref "第一篇" >}})。\n',
    # Not bundles: an index.md beside another note, and one with a note in a folder below it (no _index.md:
    # a link to a folder holding one opens its section's page, test_page_bundle_sections).
    **{
        name: SECTIONS_BLOG[name]
        for name in ("文档/index.md", "文档/安装.md", "专题/index.md", "专题/深处/一篇.md")
    },
}


@pytest.fixture(scope="module")
def blog(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("bundle-links"), notes=BLOG, strict=False)


def note_page(result, identifier: str) -> str:
    return result.page(f"zh-Hans/notes/{default_slug(identifier)}/index.html")


def href_of(page: str, text: str) -> str:
    link = re.search(rf'<a href="([^"]+)"[^>]*>{text}</a>', page)
    assert link, (text, page)
    return unquote(link.group(1))


def test_links_to_a_bundle_by_its_folder_reach_its_note(blog):
    heading = re.search(r'<h2 id="([^"]+)"[^>]*>小节', note_page(blog, FIRST))
    assert heading, note_page(blog, FIRST)
    second = note_page(blog, "posts/第二篇/index")
    for text, link in LINKS.items():
        page, anchor = href_of(second, text).split("#") if "#" in link else (href_of(second, text), "")
        assert page.rstrip("/").endswith(default_slug(FIRST)), (text, page)
        assert anchor == (heading.group(1) if "#" in link else ""), (text, anchor)
    plain = note_page(blog, "posts/旧文")
    for text in ("旧文相对", "名字引用"):
        assert href_of(plain, text).rstrip("/").endswith(default_slug(FIRST)), text
    assert not [w for w in blog.warnings if "第一篇" in w], blog.warnings
    first_page = note_page(blog, FIRST)  # its backlinks: both notes that link to it
    assert "第二篇</a>" in first_page and "旧文</a>" in first_page


def test_a_link_to_a_folder_that_is_no_bundle_stays_dead(blog):
    second = note_page(blog, "posts/第二篇/index")
    assert 'class="zd-deadlink" data-zd-target="../../文档/">文档夹</span>' in second, second
    assert 'class="zd-deadlink" data-zd-target="/专题/">专题夹</span>' in second, second
    dead = sorted(w for w in blog.warnings if "no note in the collection" in w)
    assert len(dead) == 2 and "'../../文档/'" in dead[0] + dead[1] and "'/专题/'" in dead[0] + dead[1], dead


def test_under_serve_a_link_by_folder_follows_whether_the_folder_is_a_bundle(tmp_path):
    """A note saved beside a bundle's ``index.md`` makes its folder a section, not a page: the link by folder goes
    dead; deleting the note makes the folder a bundle again and the link reaches the note."""
    notes = {
        "posts/甲/index.md": "---\ntitle: 甲\ndate: 2024-03-01\n---\n\n甲的正文。\n",
        "posts/乙/index.md": "---\ntitle: 乙\ndate: 2024-03-02\n---\n\n见[那篇](../甲/)。\n",
    }
    proc, port = serve_notes(tmp_path, notes)
    page = f"http://127.0.0.1:{port}/zhudu/zh-Hans/notes/{default_slug('posts/乙/index')}/"
    linked = f'/{default_slug("posts/甲/index")}/">那篇</a>'
    dead = 'class="zd-deadlink" data-zd-target="../甲/">那篇</span>'
    try:
        assert linked in unquote(wait_for(page, "那篇</a>", timeout=60))
        sibling = tmp_path / "seeds/posts/甲/附录.md"
        sibling.write_text("---\ntitle: 附录\ndate: 2024-03-03\n---\n\n附录的正文。\n", encoding="utf-8")
        wait_for(page, dead, timeout=60)
        sibling.unlink()
        assert linked in unquote(wait_for(page, "那篇</a>", timeout=60))
    finally:
        ctrl_c(proc)
