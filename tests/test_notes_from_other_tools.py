"""Notes as other tools and machines leave them: drafts, decomposed file names (macOS), an upper-case ``.MD``.

Drafts: a note its author's tool would not publish (Hugo's ``draft: true``, Jekyll's and Hexo's
``published: false``) was published: its page, its home card, its feed entry and its text in every
variant's search, on a public site (only Jekyll's ``_drafts/`` folder was skipped).  A
``published: false`` without a ``date`` was also read as the note's date (a warning: "expected a
date").  A link to a draft is dead on the published page, and its warning says why.

File names: macOS writes a file name decomposed (NFD: ``e`` + combining ``´``) while the text typed
in a note is composed (NFC: ``é``), so ``[[Café 笔记]]`` and ``[x](Café%20笔记.md)`` named no note,
and the note's title (its file name) held the decomposed form, which a reader's search typed as
``Café`` did not find.  A note saved as ``读书.MD`` (Typora and Windows tools write it so) was no
note at all: silently left out of the site.  One build serves every test here.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from urllib.parse import unquote

import pytest
from test_author_tools import zhudu

from conftest import build_site

DECOMPOSED = unicodedata.normalize("NFD", "Café 笔记")
BLOCK_ID = "64a1b2c3-0000-4000-8000-0123456789ab"
CODE_BLOCK_ID = "64a1b2c3-1111-4000-8000-0123456789ab"
OTHER_PAGE_BLOCK = "650f1111-2222-4333-8444-555566667777"  # a block of 学习方法, quoted on 复盘
NO_BLOCK = "650f0000-1111-4222-8333-444455556666"  # no page has it
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)
#: An Excalidraw drawing as the plugin saves it: a banner for other apps, the drawing's words, its scene.
DRAWING = (
    "---\n\nexcalidraw-plugin: parsed\ntags: [excalidraw]\n\n---\n==⚠  Switch to EXCALIDRAW VIEW in the MORE OPTIONS "
    "menu of this document. ⚠==\n\n\n# Text Elements\n鸿门宴 ^aBcD1234\n\n%%\n# Drawing\n```json\n"
    '{"type":"excalidraw","version":2,"elements":[]}\n```\n%%\n'
)

NOTES = {
    f"{DECOMPOSED}.md": "在咖啡馆写的笔记。\n",
    "回看.md": "---\ntitle: 回看\n---\n\n看 [[Café 笔记]] 和 [同一篇](Café%20笔记.md)。\n",
    "logseq/pages/学习方法.md": "title:: 学习方法\ntags:: 学习, [[方法]]\nalias:: 学习技巧\ndate:: [[2024-01-05]]\n\n"
    "- 第一条：间隔重复，隔几天再看一遍\n  - 详见 [[费曼技巧]]\n- 第二条：讲给别人听，讲不清就是没懂\n"
    f"  id:: {OTHER_PAGE_BLOCK}\n",
    "logseq/pages/费曼技巧.md": "- 用简单的话讲给别人听，回到 [[学习技巧]]。\n",
    "logseq/pages/复盘.md": "title:: 复盘\n\n- TODO 写周报\n- DONE 整理书架\n- LATER 读完《史记》\n"
    f"- 本周最重要的一条：**早睡**早起\n  id:: {BLOCK_ID}\n  collapsed:: true\n- 回看 (({BLOCK_ID}))\n"
    f"- 另一页的块 (({OTHER_PAGE_BLOCK}))\n- 没有的块 (({NO_BLOCK}))\n",
    "logseq/journals/2024_01_06.md": "- NOW 写代码\n  collapsed:: true\n- 午饭\n",  # no page properties
    # Block references shown as syntax: in inline code, and in a child block's code (indented with a tab).
    "logseq/pages/块引用.md": f"- 被引用的一块\n  id:: {CODE_BLOCK_ID}\n- 写成 `(({CODE_BLOCK_ID}))` 就行\n"
    f"\t- 代码里\n\t  ```sh\n\t  echo (({CODE_BLOCK_ID}))\n\t  - TODO 不是任务\n\t  ```\n",
    "logseq/logseq/config.edn": "{:meta/version 1}\n",  # the graph's own folder: its journals are Logseq's
    # A reference written as code is code: inline, and in a block's fenced code (indented, on its bullet).
    "logseq/pages/代码里的引用.md": f"title:: 代码里的引用\n\n- 行内 `(({BLOCK_ID}))` 不读\n- 代码块：\n"
    f"  ```\n  (({BLOCK_ID}))\n  ```\n- 外层\n  - 内层的代码：\n    ```text\n"
    "    ((650f0000-1111-4222-8333-444455556666))\n    ```\n",
    # No graph: a Hugo site's pages/ folder (no logseq/ beside it, no page properties, no block id).
    "网站/content/pages/待办.md": "---\ntitle: 待办页\n---\n\n- TODO 写完这一页\n  note:: 不是属性\n",
    # A Notion export (its file name ends with the page's id): the lines under its title are properties.
    "Notion导出/读书计划 0a1b2c3d4e5f67890a1b2c3d4e5f6789.md": "# 读书计划\n\n创建时间: 2024年1月5日 下午3:20\n"
    "标签: 阅读, 计划\n状态: 进行中\n\n今年想读完二十本书。\n\n"
    "![书架](%E8%AF%BB%E4%B9%A6%E8%AE%A1%E5%88%92%200a1b2c3d4e5f67890a1b2c3d4e5f6789/shelf.png)\n",
    # Notion puts a page's attachments in a folder named as the page, and links pages by file name.
    "Notion导出/读书计划 0a1b2c3d4e5f67890a1b2c3d4e5f6789/shelf.png": PNG,
    "Notion导出/Weekly review ffeeddccbbaa99887766554433221100.md": "# Weekly review\n\n"
    "回看 [读书计划](%E8%AF%BB%E4%B9%A6%E8%AE%A1%E5%88%92%200a1b2c3d4e5f67890a1b2c3d4e5f6789.md)。\n",
    "Notion导出/Reading list 00112233445566778899aabbccddeeff.md": "# Reading list\n\n"
    "Created: January 7, 2024 9:05 AM\nTags: 书单\n\n三本书的清单。\n",
    # An export of a page with no properties: its first paragraph opening "注意: " is its text.
    "Notion导出/旧想法 aabbccddeeff00112233445566778899.md": "# 旧想法\n\n注意: 这是去年写的，看法变了。\n"
    "现在再看，只留下这一条。\n",
    # Notion names many pages Untitled: its page id tells them apart, as it did their URLs before.
    "Notion导出/Untitled 1234567890abcdef1234567890abcdef.md": "# Untitled\n\n第一张没有标题的页面。\n",
    "Notion导出/Untitled abcdefabcdefabcdefabcdefabcdefab.md": "# Untitled\n\n第二张没有标题的页面。\n",
    "标签开头.md": "标签: 随想\n\n这是一篇普通的笔记，第一行不是属性。\n",  # no Notion export: text
    "读书.MD": "---\ntitle: 大写扩展名\n---\n\n这篇笔记的文件名以大写的 MD 结尾。\n",
    "hugo/草稿.md": '+++\ntitle = "雨后草稿"\ndate = 2024-05-06T07:08:09+08:00\ndraft = true\n+++\n\n海棠依旧未写完。\n',
    "_posts/2024-01-02-unfinished.md": "---\nlayout: post\ntitle: 未完之文\npublished: false\n---\n\n芭蕉未完的句子。\n",
    "quoted.md": '---\ntitle: 引号草稿\ndraft: "true"\n---\n\n梧桐也未完。\n',
    "我的库/私密.md": "---\npublish: false\n---\n\n只给自己看的日记。\n",  # Obsidian Publish's flag
    "written.md": "---\ntitle: 已写完\ndraft: false\npublished: 2024-02-03\n---\n\n链接 [[雨后草稿]] 和 [[unfinished]]。\n",
    # Images named on macOS (decomposed) and typed composed, and the reverse; a vault's embed of one.
    f"{unicodedata.normalize('NFD', 'Café 门面')}.png": PNG,
    "Café 2.png": PNG,
    f"库/attachments/{unicodedata.normalize('NFD', 'Café 座位')}.png": PNG,
    "咖啡图.md": "---\ntitle: 咖啡图\n---\n\n![门面](Café%20门面.png)\n\n"
    f"![第二张](<{unicodedata.normalize('NFD', 'Café 2')}.png>)\n",
    "库/看图.md": "---\ntitle: 看座位\n---\n\n![[Café 座位.png]]\n",
    # Typora: a "/…" image path starts from typora-root-url's folder; one outside seeds/ is ignored.
    "typora-res/assets/杯子.png": PNG,
    "typora/杯子.md": "---\ntitle: 杯子\ntypora-root-url: ../typora-res\n---\n\n![杯子](/assets/杯子.png)\n",
    "typora/上下标.md": "---\ntitle: 上下标\n---\n\n~~划掉的话~~还在；每次3~5天，间隔5~7天；H~2~O；2^10=1024，2^20。\n",
    "typora/波浪.md": "---\ntitle: 波浪\n---\n\n谢谢~~ 明天见~~ 好的~~~ 今天在咖啡馆坐了一下午，把这周的事都理了一遍。\n",  # a writer's tildes: no ~~struck~~
    "typora/越界.md": "---\ntitle: 越界\ntypora-root-url: ../../etc\n---\n\n![秘密](/secret.png)\n",
    # A root on the writer's machine (Typora's folder picker): ignored, said; its images found as an old site's.
    "typora/本机.md": "---\ntitle: 本机\ntypora-root-url: /Users/me/blog/source\n---\n\n"
    "![杯子](/typora-res/assets/杯子.png)\n",
    "typora/视窗.md": "---\ntitle: 视窗\ntypora-root-url: 'C:\\Users\\me\\blog'\n---\n\n![没有](/没有这张.png)\n",
    # VuePress / VitePress / Docusaurus: ::: containers (nested with more colons, ::: in code is code), [[toc]].
    "vuepress/install.md": "---\nlang: zh-CN\ntitle: 安装指南\nsidebar: auto\n---\n\n[[toc]]\n\n## 准备\n\n"
    '::: tip\n先安装 Node.js。\n:::\n\n:::: warning 外层 <b onclick="x()">注意</b>\n外面\n::: danger\n会删除数据。\n'
    "```\n:::\n```\n:::\n::::\n\n:::info[Docusaurus 的标题]\n信息块。\n:::\n\n::: details 点击展开\n隐藏的内容。\n:::\n\n"
    "::: details 展开的 {open}\n开着的内容。\n:::\n\n::: code-group\n```sh\nnpm i\n```\n:::\n\n"
    "## 步骤\n\n::: unknown\n未知的容器。\n:::\n\n"
    "```md\n::: tip 代码里的\n```\n\n::: tip 没有关上\n最后一段。\n",
    # A container in a list item is drawn in the item, as VuePress draws it: never its syntax as text, the list whole;
    # a line of colons indented as code (4 spaces) inside a box is its text, not its end.
    "vuepress/列表.md": "---\ntitle: 列表里的容器\n---\n\n- 第一步\n  ::: tip 列表里的\n  在列表中。\n  :::\n- 第二步\n\n"
    "::: tip 缩进的冒号\n    :::\n仍在框里。\n:::\n",
    # Dendron: a dotted file name, its created/updated in epoch milliseconds (2024-01-03T17:30Z: the 4th in China).
    "dendron/study.books.shiji.md": "---\nid: k3j2h4g5f6d7s8a9\ntitle: 史记\ndesc: 读史记\n"
    "updated: 1704439200000\ncreated: 1704303000000\n---\n\n太史公曰。\n",
    # Joplin's export writes its dates in UTC: made at 07:30 on the 6th in China.
    "joplin/读书笔记.md": "---\ntitle: Joplin 读书笔记\nupdated: 2024-01-06 02:00:00Z\ncreated: 2024-01-05 23:30:00Z\n"
    "latitude: 31.23041600\nlongitude: 121.47370100\naltitude: 0.0000\n---\n\n读了史记。\n\n"
    "![封面](../_resources/cover.png) [另一篇](:/89abcdef89abcdef89abcdef89abcdef)\n",
    "_resources/cover.png": PNG,
    # "Never" in UTC (a CMS's or a script's far date): past the site's zone's last day, kept in UTC as written.
    "cms/永远.md": "---\ntitle: 永远\nupdated: 9999-12-31T23:59:59Z\n---\n\n一直有效。\n",
    # Zettlr links a card by the id its file name opens with.
    "zettlr/202401051520 卡片.md": "---\ntitle: 卡片笔记\n---\n\n见 [[202401051521]]。\n",
    "zettlr/202401051521 第二张卡片.md": "# 第二张\n\n第二张卡片。\n",
    # Hexo with NexT's and Butterfly's tags: a coloured note with an icon and a style, folds, tabs, a video.
    "hexo/source/_posts/主题标签.md": "---\ntitle: 主题标签\ndate: 2024-01-05 15:20:00\n---\n\n"
    "{% note blue 'fas fa-bullhorn' modern %}\n蓝色的公告。\n{% endnote %}\n\n{% note warning no-icon %}\n小心。\n{% endnote %}\n\n"
    "{% hideToggle 点我看答案,#f00 %}\n答案是四十二。\n{% endhideToggle %}\n\n"
    "{% folding cyan open, 开着的折叠 %}\n折叠里的话。\n{% endfolding %}\n\n"
    "{% tabs 安装方法 %}\n<!-- tab npm >= 9 -->\n用 npm 安装。\n<!-- endtab -->\n<!-- tab @fab fa-apple -->\n"
    "第二种安装。\n<!-- endtab -->\n{% endtabs %}\n\n{% bilibili BV1xx411c7mD %}\n\n{% hideToggle 没有关上 %}\n最后一段。\n",
    # Obsidian's Excalidraw plugin: drawings kept as .excalidraw.md (scene data), one exported as a PNG and an SVG
    # beside it, one as an SVG only (no SVG is published).
    "库/Excalidraw/Drawing 2023-12-30 09.15.00.excalidraw.md": DRAWING,
    "库/Excalidraw/架构图.excalidraw.md": DRAWING,
    "库/Excalidraw/架构图.excalidraw.png": PNG,
    "库/Excalidraw/架构图.excalidraw.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
    "库/Excalidraw/流程 图.excalidraw.md": DRAWING,
    "库/Excalidraw/流程 图.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
    "库/画图.md": "---\ntitle: 画图\n---\n\n![[Drawing 2023-12-30 09.15.00.excalidraw]]\n\n![[架构图.excalidraw|300]]\n\n"
    "![[架构图.excalidraw.md]]\n\n![[流程 图.excalidraw]]\n",
    # WordPress through wordpress-export-to-markdown: the shortcodes WordPress expands stay in the Markdown.
    "wp/posts/2020-01-05-hello/index.md": '---\ntitle: "你好世界"\ndate: "2020-01-05"\ncoverImage: "photo.png"\n---\n\n'
    '[caption id="attachment_12" align="aligncenter" width="300"]![](images/photo.png) 西湖的早晨[/caption]\n\n'
    '[embed]https://www.youtube.com/watch?v=abc123[/embed]\n\n[gallery ids="1,2,3"]\n\n'
    "一段 [video](https://example.com/v) 链接。\n\n"  # a converter that left the post's HTML: WordPress's <img>
    '[caption id="attachment_13" width="200"]<a href="images/photo.png"><img class="size-medium" '
    'src="images/photo.png" alt="" width="200" height="100" /></a> 断桥残雪[/caption]\n',
    "wp/posts/2020-01-05-hello/images/photo.png": PNG,
    # Hugo: LoveIt's video, Learn's fold, Book's tabs, and shortcodes shown, not run ({{</* … */>}}).
    "loveit/content/posts/主题短代码.md": "---\ntitle: 主题短代码\n---\n\n{{< bilibili id=BV1Sx411T7QQ p=3 >}}\n\n"
    '{{% expand title="展开看看" %}}\n藏着的话。\n{{% /expand %}}\n\n{{< tabs "系统" >}}\n{{< tab "MacOS" >}}\n苹果电脑。\n'
    '{{< /tab >}}\n{{% tab title="Windows" %}}\n视窗系统。\n{{% /tab %}}\n{{< /tabs >}}\n\n'
    '插图这样写：`{{</* figure src="猫.png" */>}}`，提示框 {{%/* notice tip */%}} 也是。\n\n'
    '```go-html-template\n{{</* ref "其他.md" */>}}\n```\n',
    # An escaped shortcode outside a Hugo page is shown as its tool shows it: as written (a Hexo post, an Obsidian
    # note about Hugo); a page beside a Hugo configuration (YAML front matter, no content/ folder) is Hugo's.
    "hexo/source/_posts/写短代码.md": "---\ntitle: 写短代码\ndate: 2024-01-05 10:00:00\nupdated: 2024-01-06\n---\n\n"
    '```\n{{</* figure src="a.png" */>}}\n```\n\n行内 `{{%/* notice */%}}` 也是。\n',
    "库/Hugo转义.md": "---\ntitle: Hugo转义\n---\n\n正文里写 {{</* figure src=a.png */>}} 就好。\n",
    "博客/hugo.toml": "title = '站'\n",
    "博客/posts/配置旁.md": "---\ntitle: 配置旁\n---\n\n插图 `{{</* figure */>}}`。\n",
    # Obsidian's Dataview: fields (a line, [inline], (value only)), queries (blocks, inline); code and C++ as written.
    "库/读史记.md": "---\ntitle: 读史记\n---\n\n作者:: [[回看]]\n评分:: 5\n\n"
    "读到 [页码:: 42] 时想到 (心情:: 好)，`[不是:: 字段]` 照写。\n\n- 状态:: 在读\n- C++ 的 std::cout 不是字段\n\n"
    "```dataview\nTABLE 作者 FROM #读书\n```\n\n```dataviewjs\ndv.list(dv.pages().file.name)\n```\n\n"
    "今天读了 `= this.评分` 页。\n\n> [!info] 来源\n> 出处:: 汉书\n> 卷数:: 百卷\n\n切片 lst[1::2] 与地址 [fe80::1] 照写。\n",
    # A blog's post about Dataview (Hexo's default front matter) and a note showing a query in an example: the
    # query is code and the field text, as the blog shows them.
    "hexo/source/_posts/数据视图.md": "---\ntitle: 数据视图\ndate: 2024-01-07 10:00:00\ntags: [Obsidian]\n---\n\n"
    "查询这样写：\n\n```dataview\nLIST FROM #读书\n```\n\n作者:: 司马迁\n",
    "杂/例子.md": "---\ntitle: 例子\n---\n\n````markdown\n```dataview\nLIST\n```\n````\n\nRuby:: 写法\n",
    # Zettlr's (Pandoc's) citations; a bare @名字 is a mention, [@张三](…) a link, [a@b.cn] no key, code as written.
    "zettlr/引用.md": "---\ntitle: 引用\n---\n\n如前所述 [@sima2000, p. 12]，又见 @ban1990 的说法。\n\n"
    "[见 @sima2000, 第 3 页; -@ban_gu:1990] 和 [@张三](https://weibo.com/) 与 [a@b.cn]，`[@代码]`。\n\n"
    "群里 [@所有人] 开会，[@李四] 说好。私用 \U000f12340\U000f1235 照写。\n",
    # Private-use characters as the site's own marks were (rx45: the build stopped, or the note's first citation or a
    # protected word stood in their place).
    "杂/私用区.md": "# 私用区\n\n文中 \U000f12340\U000f1235 结束，\U000f0000软件见 https://zh.wikipedia.org/wiki/软件 。\n\n"
    "非字符 \ufdd0 在 `代码` 旁，脚注\ufdd1[^1]。\n\n[^1]: 注\ufdd2。\n",
    # Handles holding a year in a blog's post: mentions, as [@elonmusk] is (rv25: drawn as citations).
    "_posts/2024-01-09-contact.md": "---\nlayout: post\ntitle: 联系方式\n---\n\n联系我 [@john1990] 或 [@user_2021]，也可以发邮件。\n",
    # Hexo's _config.yml beside emphasis: the description pairs the underscores the page pairs (rv25).
    "hexo/source/_posts/换主题.md": "---\ntitle: 换主题\ndate: 2024-01-08 10:00:00\n---\n\n"
    "把 _config.yml 的 theme 改为 _landscape_ 主题，再执行 hexo clean 清掉缓存。\n",
    # A fence in a footnote's definition, a list after it (rv25: both were inside the footnote's text).
    "杂/脚注代码.md": "---\ntitle: 脚注里的代码\n---\n\n正文[^a]。\n\n[^a]: 说明\n    ```\n    - 不是列表\n    ```\n    - 是列表\n",
    # A note opening with a Dataview query: its stand-in is the build's words, never the note's description.
    "库/书单.md": "---\ntitle: 书单\n---\n\n```dataview\nLIST FROM #读书\n```\n\n今年读过的书都在上面，`= this.file.name` 以后再补。\n",
    # Jekyll's links to its site's root: this site's home, wherever it is served from (/zhudu/), not the server's.
    "_posts/2024-01-03-home.md": "---\nlayout: post\ntitle: 回首页\n---\n\n"
    '[首页]({{ site.baseurl }}/)、[也是首页]({{ "/" | relative_url }})、[根](/)，`[代码](/)`，[回顶](/#top)。\n',
}
#: Planted beside seeds/, where typora-root-url ../../etc leads from seeds/typora/: never published.
SECRET = b"\x89PNG\r\n\x1a\n" + b"zhudu-secret-outside" + b"\x00" * 16
DRAFT_TEXT = (
    "海棠依旧",  # "雨后草稿" stays: the link to it as written, now text
    "未完之文",
    "芭蕉未完",
    "引号草稿",
    "梧桐也未完",
    "只给自己看",
    "私密",
    "我的库",  # no section for a folder of drafts
)


#: The editor's data on a draft: kept for the day it is published, no "unknown note id" meanwhile.
EDITORIAL = {
    "themes.yml": "themes:\n  rain:\n    name: 雨\n    description: 下雨\n    phrases: [雨]\n"
    "pins:\n  - {theme: rain, note: quoted, text: 梧桐也未完}\n"
    "exclude:\n  - {theme: rain, note: quoted, text: 梧桐也未}\n",
    "annotations.yml": "- id: wutong\n  note: quoted\n  kind: context\n  quote:\n    exact: 梧桐\n  body: 梧桐树。\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("other-tools")
    (root / "etc").mkdir()
    (root / "etc" / "secret.png").write_bytes(SECRET)
    result = build_site(root, notes=NOTES, editorial=EDITORIAL, strict=False)
    assert result.ok, result.log
    return result


def test_a_draft_has_no_page_card_feed_entry_or_search_record_in_any_variant(built):
    site = built.site_dir
    for variant in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        pages = {p.name for p in (site / variant / "notes").iterdir()}
        drafts = {"quoted", "posts-2024-01-02-unfinished"} | {p for p in pages if p.startswith("hugo-")}
        assert "written" in pages and not pages & drafts, (variant, pages)
    leaked = {
        path.relative_to(site).as_posix(): word
        for path in site.rglob("*")
        if path.suffix in (".html", ".json", ".xml")
        for word in DRAFT_TEXT
        if word in path.read_text(encoding="utf-8")
    }
    assert leaked == {}
    assert "drafts not published (draft: true, published: false, publish: false): " in built.log
    assert not [w for w in built.warnings if "themes.yml" in w or "annotations.yml" in w], built.warnings


def test_a_published_date_is_still_a_date_and_a_link_to_a_draft_says_it_is_one(built):
    page = (built.site_dir / "zh-Hans" / "notes" / "written" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2024-02-03' in page or "2024-02-03" in page
    assert not [w for w in built.warnings if "expected a date" in w], built.warnings
    dead = sorted(w for w in built.warnings if "is a draft" in w)
    assert dead == [
        "zhudu: seeds/written.md:7: [[unfinished]]: seeds/_posts/2024-01-02-unfinished.md is a draft "
        "(published: false), not published: shown as text marked as a dead link; publish that note "
        "(remove its 'published: false' line) or remove the link",
        "zhudu: seeds/written.md:7: [[雨后草稿]]: seeds/hugo/草稿.md is a draft (draft: true), not published: "
        "shown as text marked as a dead link; publish that note (remove its 'draft: true' line) or remove the link",
    ], built.warnings


def test_meta_still_shows_a_draft_to_its_author(built):
    done = zhudu("meta", "quoted", "written", cwd=built.root)
    assert done.returncode == 0, done.stderr
    shown = {note["id"]: note["draft"] for note in json.loads(done.stdout)}
    assert shown == {"quoted": True, "written": False}


def test_a_link_typed_composed_reaches_a_note_whose_file_name_is_decomposed(built):
    assert not [w for w in built.warnings if "Café" in w], built.warnings
    notes = built.site_dir / "zh-Hans" / "notes"
    assert (notes / "cafe" / "index.html").is_file(), sorted(p.name for p in notes.iterdir())
    html = next(
        t for p in notes.glob("*/index.html") if '<h1 id="zd-note-title">回看' in (t := p.read_text("utf-8"))
    )
    assert html.count('href="../cafe/"') == 2, html
    cafe = (notes / "cafe" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="zd-note-title">Café 笔记</h1>' in cafe  # composed, as a reader types it


def test_a_note_with_an_upper_case_suffix_is_published(built):
    pages = [
        p
        for p in (built.site_dir / "zh-Hans" / "notes").glob("*/index.html")
        if "大写扩展名" in p.read_text(encoding="utf-8")
    ]
    assert len(pages) == 1, built.log


def test_a_logseq_pages_properties_are_its_metadata_and_a_list_is_described_without_its_markers(built):
    notes = built.site_dir / "zh-Hans" / "notes"
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in notes.glob("*/index.html")}
    page = next(t for t in pages.values() if '<h1 id="zd-note-title">学习方法</h1>' in t)
    assert "::" not in page.split('class="zd-note__body"', 1)[1], page  # no property shown as text
    assert '<li class="zd-tag">学习</li><li class="zd-tag">方法</li>' in page
    assert (
        '<meta name="description" content="第一条：间隔重复，隔几天再看一遍 详见 费曼技巧 第二条' in page
    ), page
    feynman = next(t for t in pages.values() if '<h1 id="zd-note-title">费曼技巧</h1>' in t)
    assert ">学习技巧</a>" in feynman  # the alias, a name a link may use
    assert not [w for w in built.warnings if "学习" in w or "2024-01-05" in w], built.warnings
    assert '<time datetime="2024-01-05' in page, page


def note_page(built, title: str) -> str:
    notes = built.site_dir / "zh-Hans" / "notes"
    heading = f'<h1 id="zd-note-title">{title}</h1>'
    return next(t for p in notes.glob("*/index.html") if heading in (t := p.read_text(encoding="utf-8")))


def test_an_image_named_in_the_other_unicode_form_than_on_disk_is_published(built):
    assert not [w for w in built.warnings if "Café" in w or "Cafe" in w], built.warnings
    for title, count in (("咖啡图", 2), ("看座位", 1)):
        page = note_page(built, title)
        assert "zd-missing-image" not in page, page
        sources = [s for s in page.split('src="')[1:] if ".png" in s.split('"', 1)[0]]
        assert len(sources) == count, page
        for source in sources:  # each is a published file of the site
            target = built.site_dir / "zh-Hans" / "notes" / "x" / unquote(source.split('"', 1)[0])
            assert target.resolve().is_file(), source


def test_typora_root_url_is_where_an_images_root_absolute_path_starts_and_never_leads_outside(built):
    page = note_page(built, "杯子")
    assert "zd-missing-image" not in page and ".png" in page, page
    assert not [w for w in built.warnings if "杯子" in w], built.warnings
    unused = [w for w in built.warnings if "typora-root-url" in w]
    assert unused == [
        "zhudu: seeds/typora/越界.md:3: typora-root-url: ../../etc is not a folder inside seeds/ (the images "
        "under it would be published): ignored, so '/…' image paths are looked up as an old site's; write a "
        "folder relative to the note inside seeds/, e.g. ./ or ../assets"
    ], built.warnings
    assert "zd-missing-image" in note_page(built, "越界")
    leaked = [
        p for p in built.site_dir.rglob("*") if p.is_file() and b"zhudu-secret-outside" in p.read_bytes()
    ]
    assert leaked == []


def test_struck_through_text_is_struck_and_chinese_ranges_stay_as_written(built):
    page = note_page(built, "上下标")
    assert "<del>划掉的话</del>还在" in page, page
    assert '<meta name="description" content="划掉的话还在；每次3~5天' in page, page  # no ~~ in the summary
    assert "每次3~5天，间隔5~7天；H~2~O；2^10=1024，2^20。" in page, page
    assert "<sub>" not in page and "<sup>" not in page.split('class="zd-note__body"', 1)[1]
    waves = note_page(built, "波浪")
    assert (
        '<meta name="description" content="谢谢~~ 明天见~~ 好的~~~ 今天在咖啡馆' in waves
        and "<del>" not in waves
    ), waves
    hant = (built.site_dir / "zh-Hant-TW").rglob("index.html")
    assert any("<del>劃掉的話</del>" in p.read_text(encoding="utf-8") for p in hant)


def test_a_logseq_blocks_properties_are_hidden_its_references_read_and_its_markers_task_boxes(built):
    page = note_page(built, "复盘")
    text = page.split('class="zd-note__body"', 1)[1]
    for raw in ("::", "collapsed", "((", "TODO", "DONE", "LATER"):
        assert raw not in text, (raw, text)
    assert text.count('type="checkbox"') == 3 and text.count("checked") == 1, text
    assert f'id="^{BLOCK_ID}"' in text  # the referenced block's anchor
    assert f'<a class="zd-block-ref" href="#^{BLOCK_ID}">本周最重要的一条：早睡早起</a>' in text, text
    assert (
        f'<span class="zd-block-ref zd-block-ref--elsewhere" data-block="{NO_BLOCK}">引用的块（在另一页）'
        in text
    )
    journal = next(
        p.read_text(encoding="utf-8")
        for p in (built.site_dir / "zh-Hans" / "notes").glob("*/index.html")
        if "写代码" in p.read_text(encoding="utf-8")
    ).split('class="zd-note__body"', 1)[1]
    assert 'type="checkbox"' in journal and "NOW" not in journal and "collapsed" not in journal, journal
    assert [w for w in built.warnings if "复盘" in w or "2024_01_06" in w] == [
        f"zhudu: seeds/logseq/pages/复盘.md:11: (({NO_BLOCK})): no page of the collection has a block with this id "
        f"(id:: {NO_BLOCK}): shown as a muted stand-in; copy the block reference again in Logseq, or remove it"
    ], built.warnings


@pytest.mark.parametrize(
    ("variant", "words"),
    [("zh-Hans", "第二条：讲给别人听，讲不清就是没懂"), ("zh-Hant-TW", "第二條：講給別人聽，講不清就是沒懂")],
)
def test_a_logseq_block_reference_to_another_page_shows_that_blocks_words_linked_to_it(built, variant, words):
    notes = built.site_dir / variant / "notes"
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in notes.glob("*/index.html")}
    (review,) = [t for t in pages.values() if "早睡" in t]
    link = re.search(rf'<a class="zd-block-ref" href="([^"]+)">{words}</a>', review)
    assert link and link.group(1).endswith(f"/#^{OTHER_PAGE_BLOCK}"), review
    slug = link.group(1).split("/")[1]
    assert link.group(1) == f"../{slug}/#^{OTHER_PAGE_BLOCK}" and f'id="^{OTHER_PAGE_BLOCK}"' in pages[slug]


def test_a_page_quoting_another_pages_block_is_described_with_the_blocks_words(built):
    """Its description was summarised before the block was found: the stand-in's 「引用的块（在另一页）」."""
    description = re.search(r'<meta name="description" content="([^"]*)"', note_page(built, "复盘"))
    assert description and "第二条：讲给别人听" in description.group(1), description
    assert description.group(1).count("引用的块") == 1, description.group(1)  # only the missing block's
    home = (built.site_dir / "zh-Hans" / "index.html").read_text(encoding="utf-8")
    assert "另一页的块 第二条：讲给别人听" in home, home


def test_a_logseq_block_reference_in_code_is_shown_as_written(built):
    page = note_page(built, "块引用").split('class="zd-note__body"', 1)[1]
    assert f"<code>(({CODE_BLOCK_ID}))</code>" in page, page
    code = page[page.index('<div class="highlight">') : page.index("</pre>")]
    assert CODE_BLOCK_ID in code and "zd-block-ref" not in code and "TODO" in code, code
    assert page.count("zd-block-ref") == 0 and page.count('type="checkbox"') == 0, page


def test_a_notion_exports_property_lines_are_its_front_matter_and_an_ordinary_notes_are_text(built):
    page = note_page(built, "读书计划")
    text = page.split('class="zd-note__body"', 1)[1]
    assert "今年想读完二十本书" in text and "创建时间" not in text and "进行中" not in text, text
    assert '<li class="zd-tag">阅读</li><li class="zd-tag">计划</li>' in page, page
    assert '<time datetime="2024-01-05T15:20' in page, page
    english = note_page(built, "Reading list")
    assert '<li class="zd-tag">书单</li>' in english and '<time datetime="2024-01-07T09:05' in english
    assert "Created:" not in english.split('class="zd-note__body"', 1)[1]
    ordinary = next(
        p.read_text(encoding="utf-8")
        for p in (built.site_dir / "zh-Hans" / "notes").glob("*/index.html")
        if "第一行不是属性" in p.read_text(encoding="utf-8")
    )
    assert "标签: 随想" in ordinary.split('class="zd-note__body"', 1)[1]
    no_properties = note_page(built, "旧想法").split('class="zd-note__body"', 1)[1]
    assert "注意: 这是去年写的，看法变了。" in no_properties and "只留下这一条" in no_properties, (
        no_properties
    )
    assert not [w for w in built.warnings if "Notion" in w or "标签开头" in w], built.warnings
    done = zhudu("meta", cwd=built.root)
    assert done.returncode == 0, done.stderr
    dialects = {note["title"]: note["dialect"] for note in json.loads(done.stdout)}
    assert dialects["读书计划"] == dialects["Reading list"] == "notion", dialects


def test_a_notion_exports_url_has_no_page_id_its_images_publish_and_links_to_it_resolve(built):
    notes = built.site_dir / "zh-Hans" / "notes"
    slugs = sorted(p.name for p in notes.iterdir())
    assert "notion-weekly-review" in slugs and "notion-reading-list" in slugs, slugs
    assert not [s for s in slugs if "0a1b2c3d" in s or "ffeeddcc" in s or "00112233" in s], slugs
    page = note_page(built, "读书计划")
    assert "zd-missing-image" not in page, page
    source = next(s.split('"', 1)[0] for s in page.split('src="')[1:] if "shelf.png" in s.split('"', 1)[0])
    # The export's own folder once, not the note's path and then the image's path again.
    assert (
        unquote(source) == "../../../media/Notion导出/读书计划 0a1b2c3d4e5f67890a1b2c3d4e5f6789/shelf.png"
    ), source
    assert (notes / "x" / unquote(source)).resolve().is_file(), source
    review = note_page(built, "Weekly review")
    slug = next(p.parent.name for p in notes.glob("*/index.html") if p.read_text("utf-8") == page)
    assert f'href="../{slug}/"' in review, review
    assert not [w for w in built.warnings if "Notion" in w], built.warnings


def test_notion_pages_of_one_title_are_told_apart_by_their_page_ids_with_no_warning(built):
    """Notion's many ``Untitled`` pages: one keeps the slug without the id, the others add theirs (no slug to write)."""
    slugs = {
        p.name
        for p in (built.site_dir / "zh-Hans" / "notes").iterdir()
        if p.name.startswith("notion-untitled")
    }
    assert slugs in (
        {"notion-untitled", "notion-untitled-abcdefabcdefabcdefabcdefabcdefab"},
        {"notion-untitled", "notion-untitled-1234567890abcdef1234567890abcdef"},
    ), slugs
    assert not [w for w in built.warnings if "Untitled" in w], built.warnings


def test_logseq_syntax_is_read_only_in_a_graph_and_never_inside_code(built):
    code = note_page(built, "代码里的引用").split('class="zd-note__body"', 1)[1]
    assert code.count(f"(({BLOCK_ID}))") == 2 and "((650f0000-1111-4222-8333-444455556666))" in code, code
    assert "zd-block-ref" not in code, code
    hugo = note_page(built, "待办页").split('class="zd-note__body"', 1)[1]
    assert "TODO 写完这一页" in hugo and "note:: 不是属性" in hugo and 'type="checkbox"' not in hugo, hugo
    assert not [w for w in built.warnings if "代码里的引用" in w or "待办" in w], built.warnings


def test_a_typora_root_url_on_the_writers_machine_is_said_and_ignored_not_warned_of(built):
    """Typora writes one routinely: ``--strict`` must not fail; a missing image is still warned of, as any."""
    assert not [w for w in built.warnings if "typora-root-url" in w and "越界" not in w], built.warnings
    for note, line, folder in (("本机", 3, "/Users/me/blog/source"), ("视窗", 3, "C:/Users/me/blog")):
        said = f"seeds/typora/{note}.md:{line}: typora-root-url: {folder} is a folder on the writer's machine"
        assert said in built.log, built.log
    page = note_page(built, "本机")
    assert "zd-missing-image" not in page and ".png" in page, page
    assert "zd-missing-image" in note_page(built, "视窗")
    assert [w for w in built.warnings if "视窗" in w and "没有这张.png" in w], built.warnings


def test_vuepress_and_docusaurus_containers_are_note_boxes_and_toc_is_the_table_of_contents(built):
    page = note_page(built, "安装指南")
    body = page[page.index('<div class="zd-note__body">') :]
    assert (
        "::: tip\n" not in body and "::: danger" not in body and "::::" not in body and "[[toc]]" not in body
    )
    assert '<div class="toc">' in body and '<a href="#准备">准备</a>' in body
    tip = re.search(r'<div class="admonition tip">\s*<p class="admonition-title"[^>]*>([^<]*)</p>', body)
    assert tip and tip[1] == "提示", body  # untitled: the type's word
    outer = body.index('<div class="admonition warning">')
    inner = body.index('<div class="admonition danger">')
    assert outer < inner < body.index("<code>:::\n</code>") < body.index("</div>", inner), (
        body
    )  # nested, code kept
    assert "onclick" not in body and "外层 <b>注意</b>" in body
    assert re.search(
        r'<div class="admonition info">\s*<p class="admonition-title"[^>]*>Docusaurus 的标题</p>', body
    )
    assert re.search(r'<details class="note">\s*<summary>点击展开</summary>', body), body
    assert re.search(r'<details class="note" open="open">\s*<summary>展开的</summary>', body), body
    assert "npm i" in body and "code-group" not in body
    assert "::: unknown" in body  # a type no tool draws: text, as they show it
    tw = (built.site_dir / "zh-Hant-TW" / "notes" / "vuepress-install" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<summary>點" in tw and "点击" not in tw and '<div class="toc">' in tw  # 點擊, in Taiwan 點選
    assert "::: tip 代码里的" in body and "::: tip 没有关上" in body  # code; a box never closed: text
    assert [w for w in built.warnings if "vuepress" in w and "onclick" not in w] == [
        "zhudu: seeds/vuepress/install.md:53: ::: tip 没有关上: the container is never closed (no line of ::: "
        "after it): shown as written, as VuePress shows it; close it with ::: on a line of its own"
    ], built.warnings


def test_a_container_in_a_list_item_is_drawn_in_it_and_an_indented_line_of_colons_is_the_boxs_text(built):
    page = note_page(built, "列表里的容器")
    body = page[page.index('<div class="zd-note__body">') :]
    assert "!!!" not in body and ":::" not in body.replace("<code>:::\n", ""), (
        body
    )  # the box's syntax never shows
    assert body.count("<ul>") == 1 and body.index("第一步") < body.index("第二步") < body.index("</ul>"), body
    in_item = re.search(
        r'<p>第一步</p>\s*<div class="admonition tip">\s*<p class="admonition-title">列表里的</p>', body
    )
    assert in_item and body.index("在列表中") < body.index("第二步"), body  # was: the container as text
    box = body.index('<div class="admonition tip">', body.index("</ul>"))
    assert box < body.index("仍在框里") < body.index("</div>", box), body


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_dendron_and_joplin_dates_in_epoch_milliseconds_and_utc_are_on_the_day_they_were_in_china(
    built, variant
):
    page = (built.site_dir / variant / "notes" / "dendron-study-books-shiji" / "index.html").read_text(
        encoding="utf-8"
    )
    assert '<time datetime="2024-01-04T01:30:00+08:00">2024年1月4日</time>' in page, page
    assert '<time datetime="2024-01-05T15:20:00+08:00">' in page
    assert not [w for w in built.warnings if "shiji" in w], built.warnings
    joplin = (built.site_dir / variant / "notes" / "joplin-e3f2bf2215" / "index.html").read_text(
        encoding="utf-8"
    )
    assert '<time datetime="2024-01-06T07:30:00+08:00">2024年1月6日</time>' in joplin, joplin


def test_a_utc_date_at_the_end_of_time_is_kept_in_utc_not_refused(built):
    page = note_page(built, "永远")
    assert '<time datetime="9999-12-31T23:59:59+00:00">' in page, page
    assert not [w for w in built.warnings if "永远" in w], built.warnings


def test_a_zettlr_link_by_the_id_a_file_name_opens_with_reaches_that_card(built):
    page = note_page(built, "卡片笔记")
    assert re.search(r'见 <a href="\.\./[^"]+/">第二张</a>。', page), page
    assert not [w for w in built.warnings if "202401051521" in w], built.warnings


def test_a_joplin_exports_resources_publish_and_a_link_by_joplins_id_says_how_to_export(built):
    page = (built.site_dir / "zh-Hans" / "notes" / "joplin-e3f2bf2215" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "zd-missing-image" not in page and 'alt="封面"' in page and "cover.png" in page
    assert 'class="zd-deadlink" data-zd-target=":/89abcdef89abcdef89abcdef89abcdef">另一篇</span>' in page, (
        page
    )
    assert [w for w in built.warnings if "joplin" in w] == [
        "zhudu: seeds/joplin/读书笔记.md:12: :/89abcdef89abcdef89abcdef89abcdef: a Joplin note's id, which only Joplin "
        "knows: shown as text marked as a dead link; export the notebook with Joplin's 'MD - Markdown + Front Matter', "
        "which writes links as file paths"
    ], built.warnings


def note_body(built, title: str) -> str:
    """The zh-Hans page of the note titled ``title``, from its body on (no header, no site chrome before it)."""
    return note_page(built, title).split('<div class="zd-note__body">', 1)[1]


def warnings_about(built, word: str) -> list[str]:
    return [w for w in built.warnings if word in w]


def test_hexo_themes_notes_folds_tabs_and_videos_are_drawn_and_their_styles_are_no_title(built):
    body = note_body(built, "主题标签")
    assert re.search(
        r'<div aria-label="信息" class="admonition info" role="note">\s*<p[^>]*>蓝色的公告', body
    )
    assert re.search(r'<div aria-label="警告" class="admonition warning" role="note">\s*<p[^>]*>小心', body)
    assert "fa-bullhorn" not in body and "modern" not in body and "no-icon" not in body, body
    assert re.search(r'<details class="note">\s*<summary>点我看答案</summary>\s*<p>答案是四十二', body), body
    assert re.search(r'<details class="note" open="open">\s*<summary>开着的折叠</summary>', body), body
    tabs = re.findall(
        r'<div class="admonition note">\s*<p class="admonition-title"[^>]*>([^<]*)</p>\s*<p[^>]*>([^<]*)</p>',
        body,
    )
    # no tab's title lost, a ">" in it too
    assert tabs == [("npm &gt;= 9", "用 npm 安装。"), ("标签页 2", "第二种安装。")], body
    assert 'href="https://www.bilibili.com/video/BV1xx411c7mD/"' in body
    assert body.count("{%") == body.count("zd-unknown-tag__label") == 1, body  # only the unclosed one
    assert warnings_about(built, "主题标签") == [
        "zhudu: seeds/hexo/source/_posts/主题标签.md:33: {% hideToggle 没有关上 %}: the tag is never closed "
        "(no endhideToggle after it): shown as written"
    ], built.warnings


def test_hugo_themes_videos_folds_and_tabs_are_drawn_and_an_escaped_shortcode_is_shown_as_hugo_shows_it(
    built,
):
    body = note_body(built, "主题短代码")
    assert 'href="https://www.bilibili.com/video/BV1Sx411T7QQ/?p=3"' in body, body
    assert re.search(r'<details class="note">\s*<summary>展开看看</summary>\s*<p>藏着的话', body), body
    tabs = re.findall(
        r'<div class="admonition note">\s*<p class="admonition-title"[^>]*>([^<]*)</p>\s*<p[^>]*>([^<]*)</p>',
        body,
    )
    assert tabs == [("MacOS", "苹果电脑。"), ("Windows", "视窗系统。")], body
    text = html.unescape(re.sub(r"<[^>]+>", "", body))
    assert '{{< figure src="猫.png" >}}' in text and "{{% notice tip %}}" in text, text
    assert '{{< ref "其他.md" >}}' in text and "/*" not in text, text
    assert warnings_about(built, "主题短代码") == [], built.warnings


def test_an_escaped_shortcode_is_shown_as_hugo_shows_it_only_in_a_hugo_page(built):
    shown = {
        title: html.unescape(re.sub(r"<[^>]+>", "", note_body(built, title)))
        for title in ("写短代码", "Hugo转义", "配置旁")
    }
    assert '{{</* figure src="a.png" */>}}' in shown["写短代码"], shown  # Hexo shows code as written
    assert "{{%/* notice */%}}" in shown["写短代码"], shown
    assert "{{</* figure src=a.png */>}}" in shown["Hugo转义"], shown  # text, no emphasis
    assert "{{< figure >}}" in shown["配置旁"] and "/*" not in shown["配置旁"], shown  # beside hugo.toml
    assert not warnings_about(built, "写短代码") and not warnings_about(built, "转义"), built.warnings


def test_dataview_fields_are_labelled_text_and_its_queries_a_note_that_obsidian_makes_the_list(built):
    body = note_body(built, "读史记")
    key = '<span class="zd-field"><span class="zd-field__key">{}</span>：'
    assert re.search(
        re.escape(key.format("作者"))
        + r"<a [^>]*>回看</a></span><br>\s*"
        + re.escape(key.format("评分"))
        + "5",
        body,
    ), body
    assert key.format("页码") + "42</span>" in body and '<span class="zd-field">好</span>' in body, body
    assert "心情" not in body and "<code>[不是:: 字段]</code>" in body, body
    assert re.search("<li[^>]*>" + re.escape(key.format("状态") + "在读</span></li>"), body), body
    assert re.search("<li[^>]*>C\\+\\+ 的 std::cout 不是字段</li>", body), body
    assert re.search(r"<p[^>]*>切片 lst\[1::2\] 与地址 \[fe80::1\] 照写。</p>", body), body
    # the note's description is its prose: fields on lines of their own are its data (one under another they
    # were one run of words: 出处：汉书卷数：百卷)
    said = re.findall(r'<meta name="description" content="([^"]*)"', note_page(built, "读史记"))
    assert said == ["读到 页码：42 时想到 好，[不是:: 字段] 照写。"], said
    # in a callout (a box with a title) as outside it
    assert re.search(
        re.escape(key.format("出处") + "汉书</span><br>") + r"\s*" + re.escape(key.format("卷数")), body
    ), body
    queries = re.findall(r'class="zd-dataview"[^>]*><span class="zd-dataview__label">(\w+)</span>', body)
    assert queries == ["Dataview", "DataviewJS", "Dataview"], body
    assert "TABLE" not in body and "dv.list" not in body and "this.评分" not in body, body
    said = [w.split(": a Dataview query", 1)[0] for w in warnings_about(built, "读史记")]
    assert said == [
        "zhudu: seeds/库/读史记.md:13: ```dataview",
        "zhudu: seeds/库/读史记.md:17: ```dataviewjs",
        "zhudu: seeds/库/读史记.md:21: `= this.评分`",
    ], built.warnings


def test_a_dataview_query_in_a_blogs_post_or_in_an_example_is_code_and_the_post_is_not_read_as_dataviews(
    built,
):
    for title, query in (("数据视图", "LIST FROM #读书"), ("例子", "LIST")):
        body = note_body(built, title)
        assert "zd-dataview" not in body and "zd-field" not in body, body
        assert query in re.sub(r"<[^>]+>", "", body) and "::" in body, body
        assert not warnings_about(built, title), built.warnings


def test_a_pandoc_citation_is_shown_as_its_keys_and_pages_marked_as_a_citation_and_warned_of_once(built):
    body = note_body(built, "引用")
    cited = re.findall(r'<cite class="zd-cite">([^<]*)</cite>', body)
    assert cited == ["[sima2000, p. 12]", "[见 sima2000, 第 3 页; ban_gu:1990]"], body
    assert (
        "又见 @ban1990 的说法" in body and '<a href="https://weibo.com/" rel="noreferrer">@张三</a>' in body
    ), body
    assert "<code>[@代码]</code>" in re.sub(r"</?zd-g>", "", body), body
    assert "群里 [@所有人] 开会，[@李四] 说好。" in body, (
        body
    )  # a mention in Chinese writing, no citation key
    # an e-mail address is a mailto: link (it was ../mailto:, a broken link, in every variant)
    assert [html.unescape(h) for h in re.findall(r'<a href="(&#[^"]*)"', body)] == ["mailto:a@b.cn"], body
    assert warnings_about(built, "引用.md") == [
        "zhudu: seeds/zettlr/引用.md:5: [@sima2000, p. 12]: a citation of the author's bibliography (Zettlr, "
        "Pandoc), which this site has not: shown as its keys and pages, marked as a citation; write the reference "
        "(author, title, year) in the note, or in a footnote"
    ], built.warnings


def test_private_use_characters_in_a_note_are_shown_as_written_in_every_variant(built):
    marks = "\U000f12340\U000f1235"
    assert f"私用 {marks} 照写。" in note_body(built, "引用")
    for variant in ("zh-Hans", "zh-Hant-TW"):
        page = next(
            p.read_text(encoding="utf-8")
            for p in (built.site_dir / variant / "notes").rglob("index.html")
            if "\U000f0000" in p.read_text(encoding="utf-8")
        )
        assert f"文中 {marks} 结束，\U000f0000" in page.replace("結束", "结束"), page
        # A typed noncharacter of the range Zhudu's as-written marks use is shown as U+FFFD, with a warning (session 46).
        assert "\ufffd 在 <code>代码</code> 旁" in page and "\ufdd0" not in page, page
    assert [w for w in built.warnings if "杂/私用区.md:5" in w and "delete them" in w], built.warnings


def test_handles_with_a_year_in_a_blogs_post_are_mentions_not_citations(built):
    body = note_body(built, "联系方式")
    assert "联系我 [@john1990] 或 [@user_2021]，也可以发邮件。" in body and "<cite" not in body, body
    assert not warnings_about(built, "contact.md"), built.warnings


def test_a_hexo_notes_description_and_card_pair_the_underscores_its_page_pairs(built):
    page = note_page(built, "换主题")
    assert "把 _config.yml 的 theme 改为 <em>landscape</em> 主题" in page
    expected = "把 _config.yml 的 theme 改为 landscape 主题，再执行 hexo clean 清掉缓存。"
    for name in ('name="description"', 'property="og:description"'):
        assert re.findall(rf'<meta {name} content="([^"]*)"', page) == [expected], name
    home = (built.site_dir / "zh-Hans" / "index.html").read_text(encoding="utf-8")
    assert f'<p class="zd-card__summary">{expected}</p>' in home


def test_a_list_after_a_fence_in_a_footnote_is_a_list_not_the_footnotes_text(built):
    footnote = note_body(built, "脚注里的代码").split('<div class="footnote">', 1)[1].split("</ol>", 1)[0]
    flat = re.sub(r"</?zd-g>|\n", "", footnote)
    assert "<p>说明</p><pre><code>- 不是列表</code></pre><ul><li>是列表</li></ul>" in flat, footnote
    assert "- 是列表" not in flat and not re.search(r"<p>[^<]*<div", flat), footnote


def test_a_dataview_querys_stand_in_is_never_the_notes_description_or_its_cards_summary(built):
    assert "上面" in note_body(built, "书单"), built.warnings
    said = re.findall(r'<meta name="description" content="([^"]*)"', note_page(built, "书单"))
    assert said and said[0] == "今年读过的书都在上面，以后再补。", said
    cards = [
        re.findall(
            r'<p class="zd-card__summary">(今年[^<]*上面[^<]*)</p>',
            (built.site_dir / v / "index.html").read_text(),
        )
        for v in ("zh-Hans", "zh-Hant-TW")
    ]
    assert cards == [["今年读过的书都在上面，以后再补。"], ["今年讀過的書都在上面，以後再補。"]], cards


def test_a_link_to_the_old_sites_root_leads_to_this_sites_home_under_its_sub_path(built):
    page = built.site_dir / "zh-Hans" / "notes" / "posts-2024-01-03-home" / "index.html"
    body = page.read_text(encoding="utf-8").split('<div class="zd-note__body">', 1)[1]
    links = re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', body.split("</article>")[0])
    assert links[:3] == [("../../", "首页"), ("../../", "也是首页"), ("../../", "根")], body
    assert (page.parent / "../../index.html").resolve().is_file()  # /zhudu/zh-Hans/
    assert "<code>[代码](/)</code>" in body and not warnings_about(built, "home.md"), built.warnings
    for variant in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):  # its anchor kept (``/#top``), in every variant
        page = built.site_dir / variant / "notes" / "posts-2024-01-03-home" / "index.html"
        assert '<a href="../../#top">' in page.read_text(encoding="utf-8"), variant


def test_an_excalidraw_drawing_is_no_note_and_its_embed_shows_the_image_the_plugin_exported(built):
    pages = [p for p in built.site_dir.rglob("*") if p.suffix in (".html", ".json", ".xml")]
    assert not [p for p in pages if "EXCALIDRAW VIEW" in p.read_text(encoding="utf-8")]
    body = note_body(built, "画图")
    images = re.findall(r"<img [^>]*>", body)
    assert len(images) == 2 and all("%E6%9E%B6%E6%9E%84%E5%9B%BE.excalidraw.png" in i for i in images), body
    assert 'width="300"' in images[0] and "zd-missing-image" not in body
    assert "附件未发布</span> <code>Drawing 2023-12-30 09.15.00.excalidraw</code>" in body, body
    assert "附件未发布</span> <code>流程 图.excalidraw</code>" in body, body
    assert warnings_about(built, "画图") == [
        "zhudu: seeds/库/画图.md:5: ![[Drawing 2023-12-30 09.15.00.excalidraw]]: an Excalidraw drawing, which only "
        "Obsidian's Excalidraw plugin draws, and no image of it is in the vault: labelled instead; turn on "
        "'Auto-export PNG' in the plugin's settings (it writes Drawing 2023-12-30 09.15.00.png beside the drawing) "
        "and the drawing is shown",
        "zhudu: seeds/库/画图.md:11: ![[流程 图.excalidraw]]: an Excalidraw drawing, which only Obsidian's "
        "Excalidraw plugin draws, and only its SVG (流程 图.svg) is in the vault, and no SVG is published: labelled "
        "instead; turn on 'Auto-export PNG' in the plugin's settings (it writes 流程 图.png beside the drawing) and "
        "the drawing is shown",
    ], built.warnings


def test_wordpress_shortcodes_left_by_its_export_are_a_figure_an_embed_or_labelled_never_raw(built):
    body = note_body(built, "你好世界")
    assert re.search(
        r'<figure class="zd-figure">\s*<p><img [^>]*src="[^"]*photo.png"[^>]*></p>\s*<figcaption>西湖的早晨</figcaption>',
        body,
    ), body
    assert re.search(
        r'<figure class="zd-figure">\s*<p><a [^>]*><img [^>]*></a></p>\s*<figcaption>断桥残雪<', body
    ), body
    assert 'href="https://www.youtube.com/watch?v=abc123"' in body and "[embed]" not in body
    assert "<code>[gallery ids=&quot;1,2,3&quot;]</code>" in body and "[caption" not in body, body
    assert '<a href="https://example.com/v" rel="noreferrer">video</a>' in body, (
        body
    )  # a link's text stays one
    assert warnings_about(built, "/wp/") == [
        'zhudu: seeds/wp/posts/2020-01-05-hello/index.md:11: [gallery ids="1,2,3"]: a template tag this site '
        "cannot render: shown as written, labelled"
    ], built.warnings
