"""The link-resolution table: each kind of link an author's tool writes × where the built site sends it.

Writes a scratch collection (a Jekyll post in ``_posts/``, a page of a Hexo site flattened into
file names, a Hugo page, an Obsidian note in a folder, and one linking note per kind of link,
each holding that one link), builds it with the real MkDocs + Material + Zhudu (``tests/conftest.py``
``build_site``, not strict: the unresolvable links warn on purpose), and prints a Markdown table:
the link as written, its kind, how ``zhudu.notes.resolve`` found the note (``resolve.HOW``, read
from the same collection by ``Site.load_notes``), and where the link went in the built zh-Hans
page (the page's site path and the anchor; zh-Hant-TW's the same under its folder), or the
warning it gave.

    .venv/bin/python bench/link_table.py [DEST]
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urljoin

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO / "hooks")]

from conftest import build_site  # noqa: E402

#: The notes links lead to: file → text.
TARGETS = {
    "_posts/2016-07-26-hello-world.md": (
        "---\nlayout: post\ntitle: 你好，世界\npermalink: /blog/hello/\naliases: [问候]\n---\n\n"
        "## 第一节\n\n正文。\n\n一段可以链接的话。 ^quote-1\n"
    ),
    "docs-front-matter.md": "---\ntitle: Front-matter\n---\n\n## Layout\n\n布局。\n",
    "docs-variables.md": "---\ntitle: 变量\n---\n\n## 网站变量\n\n正文。\n",
    "api-posts.md": "---\ntitle: 文章 API\n---\n\n## 渲染\n\n正文。\n",
    "hugo-page.md": '+++\ntitle = "Hugo 页面"\nslug = "my-slug"\n+++\n\n## 第二节\n\n正文。\n',
    "vault/读书/笔记甲.md": "---\ntitle: 笔记甲\n---\n\n## 小结\n\n正文。\n",
}
#: One linking note per kind: (file, the link as the author wrote it, its kind).
LINKS = [
    ("vault/a01.md", "[[笔记甲]]", "Obsidian wikilink, a file name"),
    ("vault/a02.md", "[[2016-07-26-hello-world|那篇]]", "Obsidian wikilink with text, a file name"),
    ("vault/a03.md", "[[你好，世界]]", "Obsidian wikilink, a title"),
    ("vault/a04.md", "[[问候]]", "Obsidian wikilink, an alias (front matter `aliases`)"),
    ("vault/a05.md", "[[笔记甲#小结]]", "Obsidian wikilink with a heading"),
    (
        "vault/a06.md",
        "[[hello-world#^quote-1|引用]]",
        "Obsidian wikilink to a block id (Jekyll date optional)",
    ),
    ("vault/a07.md", "[[读书/笔记甲]]", "Obsidian wikilink, a path in the vault"),
    ("b01.md", "[文](/blog/hello/)", "permalink from front matter"),
    ("b02.md", "[文](/my-slug/)", "slug from front matter (Hugo `slug`)"),
    ("b03.md", "[文](/docs/front-matter#Layout)", "a path under the author's old site, with a heading"),
    ("b04.md", "[文](../docs/variables.html#网站变量)", "an old site's relative .html path"),
    ("api-filter.md", "[文](posts.html#渲染)", "an old site's sibling page (`api/posts.html`)"),
    ("b05.md", "{% post_link hello-world %}", "Hexo `post_link` (text: the post's title)"),
    ("b06.md", "{% post_link hello-world '自己的文字' %}", "Hexo `post_link` with text"),
    ("b07.md", "[文]({% link _posts/2016-07-26-hello-world.md %})", "Jekyll `{% link %}`"),
    ("b08.md", "[文]({{ site.baseurl }}{% post_url 2016-07-26-hello-world %})", "Jekyll `{% post_url %}`"),
    ("b09.md", '[文]({{< ref "hugo-page.md" >}})', "Hugo `ref`"),
    ("b10.md", '[文]({{< relref "hugo-page#第二节" >}})', "Hugo `relref` with a heading"),
    ("b11.md", "[文](docs-variables.md)", "a relative .md path, same folder"),
    ("vault/b12.md", "[文](./读书/笔记甲.md#小结)", "a relative .md path into a folder, with a heading"),
    ("vault/读书/b13.md", "[文](../../hugo-page.md)", "a relative .md path up two folders"),
    ("c01.md", "[[没有这篇]]", "unresolvable wikilink"),
    ("c02.md", "[文](no-such-note.md)", "unresolvable .md path"),
    ("c03.md", "{% post_link no-such-post %}", "unresolvable `post_link`"),
]
_FIRST_LINK_RE = re.compile(
    r'<a href="(?P<href>[^"]*)"[^>]*>(?P<text>.*?)</a>|<span class="zd-deadlink"[^>]*>(?P<dead>.*?)</span>',
    re.S,
)


def write_collection() -> dict[str, str]:
    notes = dict(TARGETS)
    for n, (path, link, _) in enumerate(LINKS, 1):
        notes[path] = f"---\ntitle: 链接 {n:02d}\n---\n\n这里链接：{link}。\n"
    return notes


def resolutions(root: Path) -> dict[str, str]:
    """``display path:line`` → how the link was resolved (``resolve.HOW`` or "dead"), and to which note."""
    from zhudu.publish.site import Site
    from zhudu.settings import ZhuduConfig

    settings = ZhuduConfig()
    settings.load_dict({"cache_dir": ""})
    settings.validate()
    corpus = Site(settings=settings, root=root, site_url="").load_notes()
    assert corpus.link_index is not None
    return {r.source: f"{r.how} → `{r.target}`" if r.target else r.how for r in corpus.link_index.resolutions}


def where_it_went(site_dir: Path, page_path: str) -> tuple[str, str]:
    """(the site path and anchor the note body's link leads to, its text), or ("", text) for a dead link.

    A site path whose page or anchor is not in the built site ends with " (missing!)".
    """
    html = (site_dir / page_path).read_text(encoding="utf-8")
    body = html[html.index('<div class="zd-note__body">') : html.index("</article>")]
    m = _FIRST_LINK_RE.search(body)
    if m is None or m["dead"] is not None:
        return "", unescape(m["dead"] if m else "")
    base = "http://site/" + page_path.removesuffix("index.html")
    went = unquote(urljoin(base, unescape(m["href"]))).removeprefix("http://site/")
    path, _, anchor = went.partition("#")
    target = site_dir / path / "index.html"
    if not target.is_file() or (anchor and f'id="{anchor}"' not in target.read_text(encoding="utf-8")):
        went += " (missing!)"
    return went, unescape(re.sub(r"<[^>]+>", "", m["text"]))


@dataclass(frozen=True)
class Row:
    """One link of ``LINKS`` in the built site."""

    link: str
    kind: str
    how: str  # ``resolve.HOW`` → the note's id, or "dead"
    went: str  # the zh-Hans page and anchor it leads to ("" for a dead link; " (missing!)" when not built)
    text: str
    went_tw: str  # the same link on the zh-Hant-TW page
    warning: str


def link_rows(root: Path) -> tuple[list[Row], list[str]]:
    """Build the collection into ``root``: each link's row, and the log lines of MkDocs' link checks on notes."""
    result = build_site(root, notes=write_collection(), strict=False)
    if not result.ok:
        raise SystemExit(result.log)
    how = resolutions(root)
    warnings = {w.split(": ", 2)[1]: w.split(": ", 2)[2] for w in result.warnings if w.count(": ") >= 2}
    rows = []
    for path, link, kind in LINKS:
        where = f"seeds/{path}:5"
        page = next(result.site_dir.glob(f"zh-Hans/notes/*{Path(path).stem}/index.html"))
        page_path = page.relative_to(result.site_dir).as_posix()
        went, text = where_it_went(result.site_dir, page_path)
        went_tw, _ = where_it_went(result.site_dir, page_path.replace("zh-Hans/", "zh-Hant-TW/", 1))
        warning = f"{where}: {warnings[where]}" if where in warnings else ""
        rows.append(Row(link, kind, how.get(where, "?"), went, text, went_tw, warning))
    return rows, [line for line in result.log.splitlines() if "Doc file 'notes/" in line]


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="link-table-"))
    rows, mkdocs_lines = link_rows(root)
    print(
        "| link as written | kind | resolved by | went to: zh-Hans page#anchor (link text) | zh-Hant-TW | warning |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for row in rows:
        same = (
            "its own page"
            if row.went_tw == row.went.replace("zh-Hans/", "zh-Hant-TW/", 1)
            else f"`{row.went_tw}`"
        )
        same = same if row.went else "dead link too"
        went = f"`{row.went}` ({row.text})" if row.went else f"dead link, shown as text ({row.text})"
        warning = f"{row.warning[:90]}…" if row.warning else ""
        cells = [f"`{row.link}`", row.kind, row.how, went, same, warning]
        print("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    print(
        f"\n{sum(bool(r.warning) for r in rows)} warnings; {len(mkdocs_lines)} lines of MkDocs' own link checks on note pages"
    )
    for line in mkdocs_lines:
        print(f"    {line[:200]}")
    print(f"The collection and its site: {root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
