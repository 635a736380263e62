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

from conftest import REPO, build_site, ctrl_c, free_port
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
    # Its Markdown is rendered as a note's: links resolved from the section's page, hostile HTML removed.
    "hugo/posts/_index.md": (
        '+++\ntitle = "全部文章"\n+++\n\n这里是全部文章，<script>alert(1)</script>按日期排。\n\n'
        "第二段介绍，*强调*和`代码`：\n\n- 先读[第一篇](第一篇/index.md)\n- 再读[[旧文]]\n\n"
        '<img src="x" onerror="alert(2)"> [坏链接](javascript:alert(3))\n'
    ),
    "文档/_index.md": "文档的介绍：**安装**之前先读。\n",
    "专题/_index.md": "---\ntitle: 专题合集\ndescription: 专题的描述。\n---\n",  # front matter alone: no problem
    # A folder of no note, with sections below it: a section of sections (its _index.md written in
    # Traditional: its title and text in each variant's script); one of nothing below: none.
    "合集/_index.md": "---\ntitle: 合集總覽\n---\n\n兩個分類的合集，談軟體與記憶體，另見[[不存在的笔记]]。\n",
    "合集/甲/一.md": "---\ntitle: 甲一\ndate: 2024-04-01\n---\n\n甲的一篇。\n",
    "合集/乙/二.md": "---\ntitle: 乙二\ndate: 2024-04-02\n---\n\n乙的一篇。\n",
    # A note written in Traditional: its title in each variant's script wherever it is shown.
    "合集/乙/繁體.md": "---\ntitle: 乙的繁體筆記\ndate: 2024-04-03\n---\n\n這篇用繁體寫，見[[甲一]]。\n",
    "空的/_index.md": "---\ntitle: 空的分类\n---\n\n没有笔记。\n",
    # A note linking to a section's _index.md: its page.
    "文档/链接.md": (
        "---\ntitle: 链接\ndate: 2024-02-05\n---\n\n"
        "见[文章](../hugo/posts/_index.md)、[[hugo/posts/_index]]和[合集](../合集/)。\n"
    ),
    # Sections of sections: 层 and 层/中 hold only an _index.md, the notes are in 层/中/底.
    "层/_index.md": "---\ntitle: 外层\n---\n\n外层的介绍。\n",
    "层/中/_index.md": "---\ntitle: 中层\n---\n\n中层的介绍。\n",
    "层/中/底/一.md": "---\ntitle: 底一\ndate: 2024-05-01\n---\n\n底层的一篇。\n",
    # Hugo's home page content: above the home page's cards (written in Traditional: only it is converted).
    "_index.md": (
        "---\ntitle: 歡迎<來讀>\n---\n\n這是**首頁**的介紹，從[安裝](文档/安装.md)開始。\n\n"
        '<img src="y" onerror="alert(4)">\n'
    ),
}
#: The project's own home page: its raw HTML and its text are the project's, not cleaned or converted as a note's.
HOME_TEXT = (REPO / "docs/index.md").read_text(encoding="utf-8") + (
    '\n本站旧名「注讀」，<span style="color: #c00">红字</span>是项目自己写的。\n'
)


#: What the build warns of: a dead link, hostile HTML and URLs of the _index.md files, each at its file and line.
WARNINGS = [
    # A missing raw <img>'s handler is said where the image is read (shown as its placeholder), before the pages.
    "zhudu: seeds/_index.md:7: <img onerror=…>: an event handler runs script: removed",
    "zhudu: seeds/hugo/posts/_index.md:12: <img onerror=…>: an event handler runs script: removed",
    "zhudu: seeds/合集/_index.md:5: [[不存在的笔记]]: no note in the collection has the file name, path, title, "
    "alias, slug or permalink '不存在的笔记': shown as text marked as a dead link; fix the link, or add the note",
    "zhudu: seeds/hugo/posts/_index.md:5: <script> is not allowed in a note: removed "
    "(extra.zhudu.raw_html_allow can allow a harmless one)",
    "zhudu: seeds/hugo/posts/_index.md:12: link to 'javascript:alert(3)': only http, https, mailto and relative "
    "URLs are allowed: the link is dropped, its text kept",
]
VARIANTS = ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"]


@pytest.fixture(scope="module")
def blog(tmp_path_factory):
    result = build_site(
        tmp_path_factory.mktemp("bundles"), notes=BLOG, docs={"index.md": HOME_TEXT}, strict=False
    )
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
        "文档": 3,
        "专题": 1,
        "专题/深处": 1,
        "合集": 3,  # a section of sections: the notes below it
        "合集/甲": 1,
        "合集/乙": 2,
        "层": 1,  # sections of sections, each the notes below it
        "层/中": 1,
        "层/中/底": 1,
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
    """Its notes are counted without it (above); its title and introduction head page 1; no page, card or feed item."""
    posts = blog.page(f"{variant}/sections/{default_slug('hugo/posts')}/index.html")
    article = posts[posts.index("<article") : posts.index("</article>")]
    intro = "這裡是全部文章" if variant == "zh-Hant-TW" else "这里是全部文章"
    assert re.search(r"<h1[^>]*>全部文章", article) and "<title>全部文章" in posts, article
    paragraphs = re.findall(r"<p[^>]*>(.*?)</p>", article)
    assert paragraphs[0] == f"{intro}，按日期排。", article  # the script's code goes with it
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
    assert blog.warnings == WARNINGS  # no dead link: a link to an _index.md is to its section's page


def test_under_serve_a_folder_is_a_bundle_while_its_index_md_is_its_only_note(tmp_path):
    """The bundle rule is about every note of the folder: a note saved beside an index.md makes the folder a
    section on the served home page, and deleting it makes the index.md a page of the folder above again;
    a saved ``_index.md`` titles and introduces its section's page, and the root one the home page."""
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
        # A saved _index.md: the section's page and the home page's list, then the home page's introduction.
        index = tmp_path / "seeds/posts/_index.md"
        index.write_text("---\ntitle: 文章们\n---\n\n这是**介绍**。\n", encoding="utf-8")
        wait_for(home, ">文章们</a>（2）", timeout=60)
        wait_for(f"{home}sections/posts/", "<strong>介绍</strong>", timeout=60)
        (tmp_path / "seeds/_index.md").write_text(
            "---\ntitle: 首页\n---\n\n欢迎**来读**。\n", encoding="utf-8"
        )
        wait_for(home, "<strong>来读</strong>", timeout=60)
    finally:
        ctrl_c(proc)


def linked_page(result, variant: str, page: str, href: str):
    """The file a relative link on ``page`` (a folder of ``variant``) opens."""
    target = (result.site_dir / variant / page / unquote(href).split("#")[0]).resolve()
    return target / "index.html" if target.is_dir() else target


def links_in(html: str, text: str) -> list[str]:
    """The targets of the links in ``html`` whose text is ``text``."""
    return re.findall(rf'<a href="([^"]+)"[^>]*>{re.escape(text)}</a>', html)


@pytest.mark.parametrize("variant", VARIANTS)
def test_an_index_md_introduction_is_rendered_and_cleaned_as_a_notes_markdown(blog, variant):
    """Emphasis, code, a list and links to notes (resolved from the section's page), in every variant's script."""
    page = f"sections/{default_slug('hugo/posts')}"
    html = blog.page(f"{variant}/{page}/index.html")
    article = html[html.index("<article") : html.index("</article>")]
    hans = variant == "zh-Hans"
    assert re.search(r"<em>(<zd-h>)?" + ("强调" if hans else "強調"), article), article
    assert "<code>代码</code>" in article  # code is not converted
    assert ("第二段介绍" if hans else "第二段介紹") in article
    first, old = (
        links_in(article, "第一篇")[0],
        links_in(article, "旧文" if hans else "舊文")[0],
    )
    assert re.search(r"<li[^>]*>先[读讀]<a ", article), article
    for href, identifier in ((first, "hugo/posts/第一篇/index"), (old, "hugo/posts/旧文")):
        target = linked_page(blog, variant, page, href)
        assert (
            target == (blog.site_dir / variant / "notes" / default_slug(identifier) / "index.html").resolve()
        )
        assert target.is_file(), href
    assert "onerror" not in html and "javascript:" not in html and "<script>alert" not in html
    assert ("坏链接" if hans else "壞連結") in article  # the dropped link's text is kept


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_folder_of_only_an_index_md_is_a_section_of_the_sections_below_it(blog, variant):
    """Its page introduces and lists the sections below; every section the home page lists has its page."""
    home = blog.page(f"{variant}/index.html")
    for href in sections_on_home(blog, variant):
        assert linked_page(blog, variant, "", href).is_file(), href  # no dead link
    assert (">合集总览</a>（3）" if variant == "zh-Hans" else ">合集總覽</a>（3）") in home, home
    assert "空的" not in home and not (blog.site_dir / variant / "sections" / default_slug("空的")).exists()
    page = f"sections/{default_slug('合集')}"
    html = blog.page(f"{variant}/{page}/index.html")
    title, text = {
        "zh-Hans": ("合集总览", "两个分类的合集，谈软件与内存"),
        "zh-Hant-TW": ("合集總覽", "兩個分類的合集，談軟體與記憶體"),
        # The index is written in Traditional (read as Taiwan's): Hong Kong shows the author's words where it writes
        # them too, and 軟體, a word only Taiwan writes (regional.yml's region-only: TW), its own way: 軟件.
        "zh-Hant-HK": ("合集總覽", "兩個分類的合集，談軟件與記憶體"),
    }[variant]
    shown = re.sub(r"<[^>]+>", "", html)  # the from-hant rules' words are spans (span.zd-conv)
    assert re.search(rf"<h1[^>]*>{title}</h1>", html) and f"<title>{title}" in html and text in shown, html
    assert re.search(r'class="zd-deadlink" data-zd-target="不存在的笔记">', html), html  # warned (WARNINGS)
    for name in ("合集/甲", "合集/乙"):
        (href,) = links_in(html, name)
        assert (
            linked_page(blog, variant, page, href)
            == (blog.site_dir / variant / "sections" / default_slug(name) / "index.html").resolve()
        )


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_link_to_an_index_md_opens_its_sections_page(blog, variant):
    page = f"notes/{default_slug('文档/链接')}"
    html = blog.page(f"{variant}/{page}/index.html")
    hrefs = [*links_in(html, "文章"), *links_in(html, "全部文章"), *links_in(html, "合集")]
    assert len(hrefs) == 3, html
    for href, folder in zip(hrefs, ["hugo/posts", "hugo/posts", "合集"], strict=True):
        target = linked_page(blog, variant, page, href)
        assert (
            target == (blog.site_dir / variant / "sections" / default_slug(folder) / "index.html").resolve()
        )
        assert target.is_file()


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_root_index_md_introduces_the_home_page_above_its_cards(blog, variant):
    html = blog.page(f"{variant}/index.html")
    hans = variant == "zh-Hans"
    title = re.search(r"<h2[^>]*>([^<]*)</h2>", html[html.index("<article") :])
    assert title and title.group(1) == ("欢迎&lt;来读&gt;" if hans else "歡迎&lt;來讀&gt;"), html
    intro = html.index(title.group(0))
    assert intro < html.index('<nav class="zd-sections"') < html.index('<ul class="zd-cards"')
    assert ("<strong>首页</strong>" if hans else "<strong>首頁</strong>") in html
    (href,) = links_in(html[intro : html.index('<nav class="zd-sections"')], "安裝" if not hans else "安装")
    assert (
        linked_page(blog, variant, "", href)
        == (blog.site_dir / variant / "notes" / default_slug("文档/安装") / "index.html").resolve()
    )
    assert "onerror" not in html


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_traditional_notes_title_reads_the_same_on_its_page_its_section_the_home_page_and_backlinks(
    blog, variant
):
    """Every place a title is shown goes through the variant's conversion: as its own page shows it."""
    own = blog.page(f"{variant}/notes/{default_slug('合集/乙/繁體')}/index.html")
    title = re.search(r'<h1 id="zd-note-title">([^<]+)</h1>', own).group(1)
    assert title == ("乙的繁体笔记" if variant == "zh-Hans" else "乙的繁體筆記"), title
    shown = {
        "section": blog.page(f"{variant}/sections/{default_slug('合集/乙')}/index.html"),
        "home": blog.page(f"{variant}/index.html"),
        "backlinks": blog.page(f"{variant}/notes/{default_slug('合集/甲/一')}/index.html"),
    }
    for surface, html in shown.items():
        assert f">{title}</" in html, (surface, variant)
        assert ("繁體筆記" if variant == "zh-Hans" else "繁体笔记") not in html, (surface, variant)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_home_pages_own_text_is_neither_cleaned_nor_converted_with_a_root_index_md(blog, variant):
    """Only the root introduction is a note's text: the project's ``docs/index.md`` stays as without one."""
    html = blog.page(f"{variant}/index.html")
    assert '<span style="color: #c00">' in html, html  # not stripped (nor warned as seeds/_index.md:?)
    assert not [w for w in blog.warnings if ":?:" in w], blog.warnings
    if variant == "zh-Hans":  # not made Simplified with the Traditional introduction
        assert "本站旧名「注讀」" in html and "<strong>首页</strong>" in html, html


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_section_of_sections_lists_the_sections_right_below_it(blog, variant):
    outer, middle, bottom = (f"sections/{default_slug(name)}" for name in ("层", "层/中", "层/中/底"))
    html = blog.page(f"{variant}/{outer}/index.html")
    article = html[html.index("<article") : html.index("</article>")]
    (href,) = links_in(article, "中层" if variant == "zh-Hans" else "中層")
    assert "（1）" in article.split(href, 1)[1].split("</li>", 1)[0], article
    assert (
        linked_page(blog, variant, outer, href) == (blog.site_dir / variant / middle / "index.html").resolve()
    )
    assert not re.search(r'href="[^"]*' + re.escape(default_slug("层/中/底")), article), article
    html = blog.page(f"{variant}/{middle}/index.html")
    article = html[html.index("<article") : html.index("</article>")]
    (href,) = links_in(article, "层/中/底" if variant == "zh-Hans" else "層/中/底")
    assert (
        linked_page(blog, variant, middle, href)
        == (blog.site_dir / variant / bottom / "index.html").resolve()
    )
    assert linked_page(blog, variant, middle, href).is_file()
