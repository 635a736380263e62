"""A middle dot glued to the character before it in prose, never in code (``publish/interpunct.py``).

The glue looks at the few texts holding a dot and the tags that may open or close code, not at every
tag and text of the article (session 35): the tests compare it with the plain walk over every part.
"""

from __future__ import annotations

import random
import re

from zhudu.publish import interpunct

HEAD = "---\ntitle: 间隔号\ndate: 2024-01-01\n---\n\n"
BODY = (
    '读迈克尔·贝瑞的信，再读[埃隆·马斯克](https://example.com/ "埃隆·马斯克")。\n\n'
    "行内 `a·b` 与 <kbd>c·d</kbd> 不动。\n\n"
    "```\nx·y = 1\n```\n\n"
    "<!-- 注释·里 -->\n\n"
    "末了，约翰·斯图尔特·穆勒。\n"
)
VARIANTS = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")
MARKUP_RE = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
TAG_NAME_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
NOT_PROSE = {"script", "style", "pre", "code", "kbd", "samp", "textarea", "title", "svg", "math"}


def every_part_glued(html: str) -> str:
    """The glue as a walk over every tag and text (the code before session 35), for comparison."""
    parts = MARKUP_RE.split(html)
    outside = 0
    for i, part in enumerate(parts):
        if i % 2:
            tag = TAG_NAME_RE.match(part)
            if tag is not None and tag.group(2).lower() in NOT_PROSE and not part.endswith("/>"):
                outside = max(0, outside + (-1 if tag.group(1) else 1))
        elif not outside and "·" in part:
            parts[i] = re.sub(r"([^\s<>&;·])·", r"<zd-g>\1·</zd-g>", part)
    return "".join(parts)


def _article(page: str) -> str:
    return page[page.index("<article") : page.rindex("</article>")]


def _built(site_builder):
    result = site_builder(notes={"a.md": HEAD + BODY})
    assert result.ok, result.log
    return result


def test_prose_dots_are_glued_and_code_dots_are_not_in_every_variant(site_builder):
    result = _built(site_builder)
    for code in VARIANTS:
        article = _article(result.page(f"{code}/notes/a/index.html"))
        assert article.count("·</zd-g>") == 4, code  # 迈克尔·贝瑞, 埃隆·马斯克, 约翰·斯图尔特·穆勒
        assert "<code>a·b</code>" in article and "<kbd>c·d</kbd>" in article, code
        assert 'title="' in article and "<zd-g>" not in re.findall(r'title="[^"]*"', article)[0], code
        assert re.search(r"x·y", article) and "x<zd-g>" not in article, code


def test_the_glue_equals_the_walk_over_every_part_on_built_pages_and_odd_markup(site_builder):
    result = _built(site_builder)
    pages = [p.read_text(encoding="utf-8") for p in result.site_dir.rglob("*.html")]
    odd = [
        "a·b<code>x·y</code>c·d",
        "<CODE>a·</Code>b·",
        "<code/>a·b",
        "<pre>a<code>b·</code>c·</pre>d·",
        "</code></code>a·b<code>c·",
        "<!-- <code> -->a·b",
        "<a title='x·y'>z·w</a>",
        "<a <code>b·c",
        "x<y·z",
        "&amp;·a ·b ··c",
        "<codex>a·b</codex>",
        "<svg-x>a·</svg-x>",
        "<\u212abd>a·b</\u212abd>",  # the Kelvin sign folds to "k" only outside ASCII matching
        "<script>a·<pre>b·</script>c·",
    ]
    pieces = ["<code>", "</code>", "<pre>", "</pre>", "<p>", "</p>", "a·", "·", "b", " ", "<!--", "-->"]
    pieces += ["<", ">", "&", ";", "<br/>", "<code/>", "<Title>", "</TITLE>", "中·文", "<KBD >"]
    rng = random.Random(35)
    odd += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 16))) for _ in range(5000)]
    for html in [_article(page) for page in pages if "<article" in page] + odd:
        assert interpunct._glue(html) == every_part_glued(html), html[:200]


def test_only_the_tags_that_may_open_code_are_looked_at(site_builder, monkeypatch):
    page = _built(site_builder).page("zh-Hant-TW/notes/a/index.html")
    article = _article(page)
    looked_at: list[str] = []
    step = interpunct._not_prose_step
    monkeypatch.setattr(interpunct, "_not_prose_step", lambda tag: looked_at.append(tag) or step(tag))
    interpunct._glue(article)
    tags = MARKUP_RE.findall(article)
    assert len(tags) > 40
    assert looked_at and all(TAG_NAME_RE.match(t).group(2).lower() in NOT_PROSE for t in looked_at)
    assert len(looked_at) == sum(1 for t in tags if re.match(r"</?(code|pre|kbd|svg)\b", t))


class _CountedMarkup:
    """``_MARKUP_RE`` that counts the articles it cuts into parts."""

    def __init__(self) -> None:
        self.cut = 0

    def split(self, html: str) -> list[str]:
        self.cut += 1
        return MARKUP_RE.split(html)

    def match(self, html: str, at: int) -> re.Match[str] | None:
        return MARKUP_RE.match(html, at)


def test_an_article_without_comments_is_never_cut_into_parts_and_glued_alike(monkeypatch):
    # Session 36: without comments, whether a dot or a tag is inside a tag is read from the nearest
    # "<" and ">" before it, not from the ~3,600 parts of the article.
    counted = _CountedMarkup()
    monkeypatch.setattr(interpunct, "_MARKUP_RE", counted)
    pieces = ["<code>", "</code>", "<pre>", "</pre>", "<p>", "</p>", "a·", "·", "b", " ", "\n", "<", ">"]
    pieces += ["&", ";", "<br/>", "<code/>", "<Title>", "</TITLE>", "中·文", "<KBD >", "<svg>", "</svg >"]
    pieces += ["<a title='x·y'>", "<a <code>", "x<y·z", "<codex>", "<svg-x>", "<CODE>"]
    rng = random.Random(36)
    for _ in range(5_000):
        html = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        assert interpunct._glue(html) == every_part_glued(html), html
    assert counted.cut == 0
    assert interpunct._glue("<!-- a·b --><p>c·d</p>") == "<!-- a·b --><p><zd-g>c·</zd-g>d</p>"
    assert counted.cut == 1  # a comment may hold "<" and ">": that article is cut into parts
