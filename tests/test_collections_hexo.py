"""The Hexo documentation (``../shared/corpora/hexo-docs/``, both languages as folders of ``seeds/``).

Built with ``--strict``, the only warnings are real problems of the notes: links to pages that are
not in the collection (example posts, the plugin and theme lists of hexo.io), two tags the authors
did not put on lines of their own, links (to another page or on the same page) to headings the
translation renamed, and remote images this machine cannot download (image syntax the pages show
in inline code, ``![](/images/image.jpg)``, is text, not an image).  Every link to a
sibling page by its old site path (``posts.html``, ``../docs/variables.html``,
``/docs/front-matter#Layout``) resolves to the page in the same language's folder.

``python tests/test_collections_hexo.py [SITE_DIR]`` prints the link-resolution table and the
site's size per 1,000 source characters, by part.
"""

from __future__ import annotations

import collections
import re
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import REPO, build_site

CORPUS = REPO.parent / "shared" / "corpora" / "hexo-docs"
FOLDERS = ("zh-cn", "zh-tw")
#: The warnings a strict build gives, by file:line and what the message names (remote images aside).
EXPECTED = sorted(
    [
        (f"seeds/{f}/docs-tag-plugins.md:{n}", "no note in the collection")
        for f in FOLDERS
        for n in (329, 335, 342, 350)
    ]
    + [(f"seeds/{f}/docs-plugins.md:46", "'/plugins'") for f in FOLDERS]
    + [(f"seeds/{f}/docs-themes.md:49", "'/themes'") for f in FOLDERS]
    + [
        ("seeds/zh-cn/docs-syntax-highlight.md:207", "{% note"),
        ("seeds/zh-tw/docs-helpers.md:956", "{% note"),
    ]
    # Links to a heading the translation does not have (named in English, or renamed): the page
    # opens at its top.
    + [
        (f"seeds/{where}", "has no heading")
        for where in (
            "zh-cn/api-rendering.md:70",
            "zh-cn/docs-asset-folders.md:23",
            "zh-cn/docs-front-matter.md:30",
            "zh-cn/docs-front-matter.md:38",
            "zh-cn/docs-permalinks.md:21",
            "zh-cn/docs-setup.md:61",
            "zh-cn/docs-tag-plugins.md:485",
            "zh-cn/docs-troubleshooting.md:261",
            "zh-cn/docs-troubleshooting.md:261",
            "zh-tw/api-injector.md:41",
            "zh-tw/docs-commands.md:16",
            "zh-tw/docs-front-matter.md:30",
            "zh-tw/docs-front-matter.md:38",
            "zh-tw/docs-setup.md:61",
            "zh-tw/docs-syntax-highlight.md:24",
            "zh-tw/docs-syntax-highlight.md:270",
            "zh-tw/docs-syntax-highlight.md:9",
            "zh-tw/docs-tag-plugins.md:485",
            "zh-tw/docs-writing.md:26",
        )
    ]
    # Links to a place on their own page that is not there (a heading renamed by the translation,
    # ``### 分页`` for ``#Pagination``, or a typo, ``#一鍵部屬``): the link goes nowhere.
    + [
        (f"seeds/{where}", "this note has no heading or anchor")
        for where in (
            "zh-cn/docs-configuration.md:99",
            "zh-cn/docs-index.md:97",
            "zh-tw/docs-configuration.md:96",
            "zh-tw/docs-github-pages.md:5",
            "zh-tw/docs-variables.md:103",
        )
    ]
)


def corpus_notes() -> dict[str, str]:
    return {
        p.relative_to(CORPUS).as_posix(): p.read_text(encoding="utf-8")
        for folder in FOLDERS
        for p in sorted((CORPUS / folder).glob("*.md"))
    }


@pytest.fixture(scope="module")
def hexo(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is not there")
    return build_site(tmp_path_factory.mktemp("hexo"), notes=corpus_notes(), strict=True)


def test_strict_build_warns_only_of_real_problems_of_the_notes(hexo):
    found = sorted(
        (w.split(": ", 2)[1], w.split(": ", 2)[2]) for w in hexo.warnings if ": remote image " not in w
    )
    assert [where for where, _ in found] == [where for where, _ in EXPECTED], hexo.warnings
    for (_, message), (_, named) in zip(found, EXPECTED, strict=True):
        assert named in message
    remote = [w for w in hexo.warnings if ": remote image " in w]
    assert len(remote) <= 4  # badges and buttons on other hosts: downloaded where the network allows


def test_image_syntax_shown_in_inline_code_stays_code(hexo):
    for folder, variant in (("zh-cn", "zh-Hans"), ("zh-tw", "zh-Hant-TW")):
        page = hexo.page(f"{variant}/notes/{folder}-docs-asset-folders/index.html")
        assert "<code>![](/images/image.jpg)</code>" in page and "<code>![](example.jpg)</code>" in page
        assert "zd-missing-image" not in page
    assert not [line for line in hexo.log.splitlines() if "missing image" in line], hexo.log


def test_old_site_paths_resolve_in_the_same_language(hexo):
    page = hexo.page("zh-Hant-TW/notes/zh-tw-api-filter/index.html")
    body = page[page.index('<div class="zd-note__body">') : page.index("</article>")]
    hrefs = set(re.findall(r'<a href="(\.\./zh-[^"]+)"', body))
    assert "../zh-tw-api-posts/#%E6%B8%B2%E6%9F%93" in hrefs
    assert "../zh-tw-docs-variables/" in hrefs
    assert all(h.startswith("../zh-tw-") for h in hrefs), hrefs
    assert "zd-deadlink" not in body


def test_the_sites_index_is_titled_by_the_subtitle_its_page_shows(hexo):
    """Hexo's ``index.md`` has ``subtitle:`` and no title: titled by it, not by its folder (``zh-cn``)."""
    for folder, variant, title in (
        ("zh-cn", "zh-Hans", "快速、简洁且高效的博客框架"),
        (
            "zh-tw",
            "zh-Hant-TW",
            "快速、簡單且強大的網誌框架",
        ),  # the author's own 網誌 (as_written), not 部落格
    ):
        page = hexo.page(f"{variant}/notes/{folder}-index/index.html")
        assert re.search(rf"<title>{title} - 注[读讀]</title>", page), page[:2000]
        assert re.search(rf"<h1[^>]*>{title}</h1>", page), page
        assert "zd-note__subtitle" not in page  # not said twice


# --------------------------------------------------------------------------- figures (run as a script)


def link_table(seeds_root: Path) -> str:
    """Kinds of link × how they resolved, as a Markdown table (``resolve.HOW``)."""
    from zhudu.notes import resolve
    from zhudu.publish.site import Site
    from zhudu.settings import ZhuduConfig

    settings = ZhuduConfig()
    settings.load_dict({"cache_dir": ""})
    settings.validate()
    corpus = Site(settings=settings, root=seeds_root, site_url="").load_notes()
    assert corpus.link_index is not None
    table = collections.Counter((r.syntax, r.how) for r in corpus.link_index.resolutions)
    hows = [*resolve.HOW, "dead"]
    rows = [f"| link | {' | '.join(hows)} | total |", "|---" * (len(hows) + 2) + "|"]
    for syntax in sorted({s for s, _ in table}):
        counts = [table[(syntax, h)] for h in hows]
        rows.append(f"| {syntax} | " + " | ".join(str(c or "") for c in counts) + f" | {sum(counts)} |")
    return "\n".join(rows)


def size_report(site_dir: Path, source_chars: int) -> str:
    """Site bytes per 1,000 source characters, by folder, and a note page's bytes by part."""
    total = 0
    by: collections.Counter[str] = collections.Counter()
    for path in site_dir.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            parts = path.relative_to(site_dir).parts
            by[parts[1] if parts[0].startswith("zh-") and len(parts) > 1 else "(shared) " + parts[0]] += size
    per = 1000 / source_chars / 1024
    lines = [f"{total:,} bytes for {source_chars:,} source characters: {total * per:.1f} KiB per 1,000"]
    lines += [f"  {k:24} {v * per:6.1f} KiB" for k, v in by.most_common(8)]
    cuts = (
        ("<head>", "</head>", "head"),
        ('<header class="md-header', "</header>", "header (search, palette, variant list)"),
        (
            '<div class="md-sidebar md-sidebar--primary"',
            '<div class="md-sidebar md-sidebar--secondary"',
            "nav",
        ),
        ('<div class="md-sidebar md-sidebar--secondary"', '<div class="md-content"', "table of contents"),
        ('<div class="zd-note__body">', "</article>", "note body"),
        ("</footer>", "</html>", "scripts after the footer"),
    )
    parts_bytes: collections.Counter[str] = collections.Counter()
    pages = list(site_dir.glob("zh-*/notes/*/index.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        size = len(html.encode())
        for start, end, name in cuts:
            i = html.find(start)
            j = html.find(end, i + 1) if i >= 0 else -1
            if j > i >= 0:
                parts_bytes[name] += len(html[i:j].encode())
                size -= len(html[i:j].encode())
        parts_bytes["rest"] += size
    lines.append(f"note pages ({len(pages)} in all variants), KiB per page:")
    lines += [f"  {k:40} {v / len(pages) / 1024:5.1f}" for k, v in parts_bytes.items()]
    return "\n".join(lines)


if __name__ == "__main__":
    root = Path(tempfile.mkdtemp(prefix="hexo-docs-"))
    notes = corpus_notes()
    result = build_site(root, notes=notes, strict=False)
    print(f"{len(result.warnings)} warnings")
    for warning in result.warnings:
        print("  " + warning[:200])
    print(link_table(root))
    print(size_report(result.site_dir, sum(len(t) for t in notes.values())))
