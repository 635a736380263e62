"""Real collections: notes in folders, links between notes as the author's tool meant them, backlinks.

Real builds with MkDocs, Material and OpenCC (``build_site``).  The link cases are the ones the
Hexo documentation (``../shared/corpora/hexo-docs/``) and Obsidian vaults write.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from conftest import build_site
from zhudu.notes.corpus import default_slug

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def note(title: str, text: str, front: str = "") -> str:
    return f"---\ntitle: {title}\ndate: 2024-01-01\n{front}---\n\n{text}\n"


# --------------------------------------------------------------------------- notes in folders

VAULT = {
    "top.md": note("顶层笔记", "放在 seeds 里的笔记。"),
    "读书/index.md": note("读书索引", "读书的笔记。\n\n![封面](../attachments/cover.png)"),
    "写作/index.md": note("写作索引", "写作的笔记。\n\n![[cover.png]]"),
    "写作/草稿箱/deep.md": note("深处的笔记", "两层文件夹里的笔记。"),
    "attachments/cover.png": PNG,
    ".obsidian/workspace.md": note("不是笔记", "Obsidian 的设置。"),
    "_drafts/draft.md": note("草稿", "还没发布的草稿。"),
    "node_modules/pkg/README.md": note("依赖", "装进来的包。"),
    "templates/daily.md": note("{{date}}", "模板。"),
}


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("vault"), notes=VAULT)
    assert result.ok, result.log
    return result


def test_notes_in_folders_are_read_with_ids_from_their_paths(vault):
    notes = sorted(p.parent.name for p in (vault.site_dir / "zh-Hans/notes").glob("*/index.html"))
    ids = ("top", "读书/index", "写作/index", "写作/草稿箱/deep")  # two index.md: two notes
    assert notes == sorted(default_slug(i) for i in ids)  # nothing from hidden, drafts, packages, templates
    for identifier, text in zip(
        ids, ("放在 seeds", "读书的笔记", "写作的笔记", "两层文件夹里的笔记"), strict=True
    ):
        assert text in vault.page(f"zh-Hans/notes/{default_slug(identifier)}/index.html")
    assert vault.warnings == []


def test_images_anywhere_in_seeds_are_published(vault):
    pages = [vault.page(f"zh-Hans/notes/{default_slug(i)}/index.html") for i in ("读书/index", "写作/index")]
    shown = [re.search(r'<img[^>]*src="([^"]*cover\.png)"', p) for p in pages]
    assert len(shown) == 2 and all(shown), "both folders' notes show the vault's image"
    for identifier, m in zip(("读书/index", "写作/index"), shown, strict=True):
        page_dir = vault.site_dir / "zh-Hans/notes" / default_slug(identifier)
        assert (page_dir / unquote(m.group(1))).resolve().read_bytes() == PNG


def test_folders_are_sections_readers_can_browse(vault):
    home = vault.page("zh-Hans/index.html")
    nav = home[home.index('<nav class="zd-sections"') :]
    nav = nav[: nav.index("</nav>")]
    links = re.findall(r'<a href="(sections/[^"]+)">([^<]+)</a>', nav)
    # 读书/index.md alone in its folder is a page bundle, a page of seeds/ itself (test_page_bundle_sections);
    # 写作/index.md has a note in a folder below it: 写作 is a section.
    assert [text for _, text in links] == sorted(["写作", "写作/草稿箱"])
    for href, folder in links:
        page = vault.page(f"zh-Hans/{href}index.html")
        assert f">{folder}<" in page  # the section page's heading
    section = vault.page(f"zh-Hans/{dict((t, h) for h, t in links)['写作']}index.html")
    assert "写作索引" in section and "读书索引" not in section
    # The nav does not list the notes.
    assert "写作索引" not in home[: home.index('<div class="md-content"')]
    # Traditional variants have the section list too, converted.
    assert "分類" in vault.page("zh-Hant-TW/index.html")


# --------------------------------------------------------------------------- links between notes

HEXO = {
    # The Hexo documentation's layout, flattened to <section>-<page>.md, in two languages.
    "zh-cn/api-filter.md": note(
        "过滤器",
        "参考 [文章渲染](posts.html#渲染) 与 [局部变量](../docs/variables.html)。\n\n"
        "见 [布局](/docs/front-matter#布局) 和 [文档](../docs/)。\n\n"
        "还有 {% post_link docs-front-matter %} 和 [没有的页面](/plugins)。",
    ),
    "zh-cn/api-posts.md": note("文章", "## 渲染\n\n文章如何渲染。"),
    "zh-cn/docs-variables.md": note("变量", "变量的说明。"),
    "zh-cn/docs-front-matter.md": note("Front-matter", "## 布局\n\n布局的说明。"),
    "zh-cn/docs-index.md": note("文档", "文档首页。"),
    "zh-tw/api-posts.md": note("文章（臺灣）", "## 渲染\n\n文章如何渲染。"),
    "zh-tw/api-filter.md": note("過濾器", "參考 [文章渲染](posts.html#渲染)。"),
    # Obsidian and Hugo: aliases, titles, permalinks, paths of the vault, note files.
    "vault/主页.md": note(
        "主页",
        "见 [[另一个名字]]、{% post_link 另一个名字 %}、[[一篇有标题的笔记]]、[[vault/sub/深处#小节]]、[旧地址](/blog/old-post/)、"
        "[文件](sub/深处.md) 与 [[不存在的笔记]]。",
    ),
    "vault/别名.md": note("有别名的笔记", "正文。", "aliases: [另一个名字]\n"),
    "vault/titled.md": note("一篇有标题的笔记", "正文。"),
    "vault/moved.md": note("搬过家的笔记", "正文。", "permalink: /blog/old-post/\n"),
    "vault/sub/深处.md": note("深处", "## 小节\n\n正文。"),
}


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("links"), notes=HEXO, strict=False)
    assert result.ok, result.log
    return result


def slug_of(result, text: str) -> str:
    """The folder name of the note page whose body holds ``text``."""
    found = [
        p.parent.name
        for p in (result.site_dir / "zh-Hans/notes").glob("*/index.html")
        if text in p.read_text(encoding="utf-8")
    ]
    assert len(found) == 1, (text, found)
    return found[0]


def links_of(result, slug: str) -> dict[str, str]:
    """Link text → href in a note's body."""
    page = result.page(f"zh-Hans/notes/{slug}/index.html")
    body = page[page.index('<div class="zd-note__body">') : page.index("</article>")]
    return {
        re.sub(r"<[^>]+>", "", text): href
        for href, text in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', body)
    }


def test_links_by_old_site_path_resolve_to_the_note_in_the_same_folder(linked):
    links = links_of(linked, "zh-cn-api-filter")
    assert links["文章渲染"] == "../zh-cn-api-posts/#%E6%B8%B2%E6%9F%93"  # sibling page + heading
    assert links["局部变量"] == "../zh-cn-docs-variables/"
    assert links["布局"] == "../zh-cn-docs-front-matter/#%E5%B8%83%E5%B1%80"  # site-absolute path
    assert links["文档"] == "../zh-cn-docs-index/"  # a folder: its index page
    assert links["Front-matter"] == "../zh-cn-docs-front-matter/"  # post_link by file name
    # The Taiwan page links to the Taiwan sibling, not to the one in zh-cn/.
    assert links_of(linked, "zh-tw-api-filter")["文章渲染"] == "../zh-tw-api-posts/#%E6%B8%B2%E6%9F%93"


def test_links_by_alias_title_permalink_and_vault_path(linked):
    links = links_of(linked, default_slug("vault/主页"))
    assert links["另一个名字"].startswith("../vault-")  # [[alias]]: shown as written, as Obsidian does
    assert links["有别名的笔记"] == links["另一个名字"]  # a post_link by alias: the title, as Hexo shows it
    assert links["一篇有标题的笔记"] == "../vault-titled/"  # [[title]]
    assert (
        links["深处"] == f"../{default_slug('vault/sub/深处')}/#%E5%B0%8F%E8%8A%82"
    )  # [[folder/note#heading]]
    assert links["旧地址"] == "../vault-moved/"  # the permalink of the author's old site
    assert links["文件"] == links["深处"].split("#")[0]  # a note's file, relative to the note


def test_an_unresolved_link_is_one_warning_shown_on_the_page_and_styled_dead(linked):
    dead = [w for w in linked.warnings if "no note in the collection" in w]
    assert sorted(w.split(": ", 2)[1] for w in dead) == [
        "seeds/vault/主页.md:6",
        "seeds/zh-cn/api-filter.md:10",
    ]
    assert all("'/plugins'" in w or "'不存在的笔记'" in w for w in dead)
    page = linked.page("zh-Hans/notes/zh-cn-api-filter/index.html")
    assert 'class="zd-deadlink" data-zd-target="/plugins">没有的页面</span>' in page
    assert "这篇笔记有几处没能按原样显示。" in page  # the details are the warning's (and mkdocs serve's box)


def test_backlinks_list_the_notes_that_link_here_in_every_variant(linked):
    for variant, heading in (("zh-Hans", "笔记里提到这篇的地方"), ("zh-Hant-TW", "筆記裡提到這篇的地方")):
        page = linked.page(f"{variant}/notes/zh-cn-docs-front-matter/index.html")
        aside = page[page.index('<aside class="zd-related zd-backlinks"') :]
        aside = aside[: aside.index("</aside>")]
        assert heading in aside
        assert re.findall(r'href="([^"]+)"', aside) == ["../zh-cn-api-filter/"]
        assert "（2 处）" in aside or "（2 處）" in aside  # two links from that note, listed once
    # A note nothing links to has no backlinks section.
    assert "zd-backlinks" not in linked.page("zh-Hans/notes/zh-cn-api-filter/index.html")


HEADING_LINKS = {
    "甲篇.md": "---\ntitle: 甲篇\n---\n\n## 第二节\n\n正文。\n",
    "乙篇.md": (
        "---\ntitle: 乙篇\n---\n\n"
        "有的：[[甲篇#第二节]]。\n\n"  # line 5
        "没有的：[[甲篇#第三节]]。\n\n"  # line 7
        "本页没有的：[[#不在本页]]。\n\n"  # line 9
        "块引用照旧：[[甲篇#^abc123]]，本页有的：[[#本节]]。\n\n"
        "## 本节\n\n正文。\n"
    ),
}


def test_a_link_to_a_heading_the_note_lacks_is_a_warning_at_its_line(site_builder):
    """It opened the note at its top and told the author nothing (session 31's review: 9 such links in the
    Hexo documentation, whose headings the translation renamed: ``/zh-cn/docs/tag-plugins#引用资源``)."""
    result = site_builder(notes=HEADING_LINKS, strict=False)
    assert result.ok, result.log
    found = sorted(w.split(": ", 1)[1] for w in result.warnings if "has no heading" in w)
    assert found == [
        "seeds/乙篇.md:7: [[甲篇#第三节]]: '甲篇' has no heading '第三节': the link opens the note at its top; "
        "write the heading as the note has it, or link the note alone",
        "seeds/乙篇.md:9: [[#不在本页]]: this note has no heading or anchor '不在本页': the link goes nowhere; "
        "write the heading as the note has it",
    ], result.warnings
    page = result.page(f"zh-Hans/notes/{default_slug('乙篇')}/index.html")
    assert "这篇笔记有几处没能按原样显示。" in page  # the notice, as a dead link's
    links = re.findall(r'<a href="([^"]*)"', page[page.index('<div class="zd-note__body">') :])
    assert f"../{default_slug('甲篇')}/#第二节" in [unquote(h) for h in links]  # no warning, as before
